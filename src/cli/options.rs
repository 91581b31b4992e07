//! Parsing the global options into `Options`, iproute2's way: single-dash
//! words matched by prefix in table order, `--name` read as `-name`,
//! `-c`/`-color[=WHEN]`, and option values taken from the next word.

use super::grammar::global::{Opt, OPTIONS};
use super::words::matches;
use crate::error::{invarg, Error, Result, Topic};
use crate::print::color::ColorChoice;

/// Address families as iproute2's `preferred_family`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Family {
    #[default]
    Unspec,
    Inet,
    Inet6,
    Packet,
    Mpls,
    Bridge,
}

impl Family {
    pub fn af(self) -> u8 {
        match self {
            Family::Unspec => libc::AF_UNSPEC as u8,
            Family::Inet => libc::AF_INET as u8,
            Family::Inet6 => libc::AF_INET6 as u8,
            Family::Packet => libc::AF_PACKET as u8,
            Family::Mpls => libc::AF_MPLS as u8,
            Family::Bridge => libc::AF_BRIDGE as u8,
        }
    }

    /// iproute2's `read_family`.
    pub fn parse(word: &str) -> Option<Family> {
        Some(match word {
            "inet" => Family::Inet,
            "inet6" => Family::Inet6,
            "link" => Family::Packet,
            "mpls" => Family::Mpls,
            "bridge" => Family::Bridge,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub family: Family,
    pub stats: u32,
    pub details: u32,
    pub human: u32,
    pub iec: bool,
    pub resolve: bool,
    pub oneline: bool,
    pub timestamp: u32,
    /// `-tshort`: timestamps as `[YYYY-MM-DDTHH:MM:SS.UUUUUU] ` (monitor).
    pub timestamp_short: bool,
    pub brief: bool,
    pub json: bool,
    pub pretty: bool,
    pub force: bool,
    pub numeric: bool,
    pub all: bool,
    pub echo: bool,
    pub loops: i32,
    pub rcvbuf: Option<u32>,
    pub batch: Option<String>,
    pub netns: Option<String>,
    pub color: ColorChoice,
    /// `-color=always` spelled out (stronger than NO_COLOR).
    pub color_explicit: bool,
    pub version: bool,
    pub help: bool,
}

/// What `-c`/`-color=…` asks for, or None if `word` is not a colour option.
fn color_option(word: &str) -> Option<(ColorChoice, bool)> {
    let (name, value) = match word.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (word, None),
    };
    if !matches(name, "-color") {
        return None;
    }
    match value {
        None | Some("") => Some((ColorChoice::Always, false)),
        Some("always") => Some((ColorChoice::Always, true)),
        Some("auto") => Some((ColorChoice::Auto, false)),
        Some("never") => Some((ColorChoice::Never, false)),
        Some(_) => None,
    }
}

/// Parse the options at the front of `args`; returns them and the index of
/// the first word that is not an option. `prog` names the program in
/// messages (`ip` keeps iproute2's options exactly).
pub fn parse(args: &[String], prog: &str) -> Result<(Options, usize)> {
    let mut o = Options { loops: 10, ..Options::default() };
    let used = parse_into(&mut o, args, prog)?;
    Ok((o, used))
}

/// `parse` onto options already read (rtun reads `--json` and its kin
/// after the object too: `hoist_long_options`).
pub fn parse_into(o: &mut Options, args: &[String], prog: &str) -> Result<usize> {
    let mut i = 0;
    let need_value = |i: usize| -> Result<&String> {
        args.get(i).ok_or_else(|| Error::synopsis(Topic::Global))
    };
    while let Some(arg) = args.get(i) {
        if arg == "--" {
            i += 1;
            break;
        }
        if !arg.starts_with('-') {
            break;
        }
        let word = if arg.starts_with("--") { &arg[1..] } else { arg.as_str() };
        // Table order decides; the colour entry takes `=WHEN` so it is tested apart.
        let mut color = None;
        let def = OPTIONS.iter().find(|d| {
            if d.opt == Opt::Color {
                color = color_option(word);
                color.is_some()
            } else {
                d.names.iter().any(|n| n.accepts(word))
            }
        });
        // GNU's `--version`, as rtun only (`ip --version` is an error).
        if word == "-version" && prog != "ip" {
            o.version = true;
            return Ok(i + 1);
        }
        let Some(def) = def else {
            return Err(Error::Usage(format!("Option \"{word}\" is unknown, try \"{prog} -help\".")));
        };
        match def.opt {
            Opt::Loops => {
                i += 1;
                o.loops = atoi(need_value(i)?);
            }
            Opt::Family => {
                i += 1;
                let v = need_value(i)?;
                if v == "help" {
                    o.help = true;
                    return Ok(i + 1);
                }
                o.family = Family::parse(v).ok_or_else(|| invarg("invalid protocol family", v))?;
            }
            Opt::Inet => o.family = Family::Inet,
            Opt::Inet6 => o.family = Family::Inet6,
            Opt::Packet => o.family = Family::Packet,
            Opt::Mpls => o.family = Family::Mpls,
            Opt::Bridge => o.family = Family::Bridge,
            Opt::Human => o.human += 1,
            Opt::Iec => o.iec = true,
            Opt::Stats => o.stats += 1,
            Opt::Details => o.details += 1,
            Opt::Resolve => o.resolve = true,
            Opt::Oneline => o.oneline = true,
            Opt::Timestamp => o.timestamp += 1,
            Opt::TShort => {
                o.timestamp += 1;
                o.timestamp_short = true;
            }
            Opt::Version => {
                o.version = true;
                return Ok(i + 1);
            }
            Opt::Force => o.force = true,
            Opt::Batch => {
                i += 1;
                o.batch = Some(need_value(i)?.clone());
            }
            Opt::Brief => o.brief = true,
            Opt::Json => o.json = true,
            Opt::Pretty => o.pretty = true,
            Opt::Rcvbuf => {
                i += 1;
                let v = need_value(i)?;
                o.rcvbuf = Some(crate::parse::get_unsigned(v).ok_or_else(|| Error::Usage(format!("Invalid rcvbuf size '{v}'")))?);
            }
            Opt::Color => {
                if let Some((choice, explicit)) = color {
                    o.color = choice;
                    o.color_explicit = explicit;
                }
            }
            Opt::Help => {
                o.help = true;
                return Ok(i + 1);
            }
            Opt::Netns => {
                i += 1;
                // iproute2 hands a NULL name to printf here; glibc prints "(null)".
                let v = args.get(i).ok_or_else(|| {
                    Error::Usage("Cannot open network namespace \"(null)\": No such file or directory".into())
                })?;
                // Entered right away, as iproute2 does, so later options and
                // the socket see the new namespace.
                crate::netlink::netns::switch(v)?;
                o.netns = Some(v.clone());
            }
            Opt::Numeric => o.numeric = true,
            Opt::All => o.all = true,
            Opt::Echo => o.echo = true,
        }
        i += 1;
    }
    Ok(i)
}

/// The global options a word spells out in full as `--NAME` (`--json`,
/// `--netns`, `--color=never`): what rtun accepts after the object too.
/// Returns how many words it takes (1, or 2 with its value), or None.
fn long_option(word: &str) -> Option<usize> {
    let name = word.strip_prefix("--").filter(|n| !n.is_empty() && !n.starts_with('-'))?;
    if color_option(&word[1..]).is_some() && (name == "color" || name.starts_with("color=")) {
        return Some(1);
    }
    let def = OPTIONS.iter().find(|d| d.opt != Opt::Color && d.names.iter().any(|n| n.text.strip_prefix('-') == Some(name)))?;
    match def.opt {
        // These make no sense after the object (and -batch would change
        // what the whole run is): left where they are, as words.
        Opt::Batch | Opt::Version => None,
        _ if def.value == crate::cli::grammar::Value::Flag => Some(1),
        _ => Some(2),
    }
}

/// rtun (not `ip`) lets the global options spelled `--NAME` follow the
/// object, since Nushell and GNU users put flags last (`rtun addr show
/// --json`). Splits `words` (after the object's name) into those options
/// and the object's own words; `--help` becomes the word `help`; a bare
/// `--` ends the options and is dropped. `opaque` words (a command to run,
/// `netns exec NS CMD…`) are never touched.
pub fn hoist_long_options(words: &[String], opaque_from: Option<usize>) -> (Vec<String>, Vec<String>) {
    let mut options = Vec::new();
    let mut rest = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if opaque_from.is_some_and(|n| i >= n) {
            rest.extend_from_slice(&words[i..]);
            break;
        }
        let w = &words[i];
        if w == "--" {
            rest.extend_from_slice(&words[i + 1..]);
            break;
        }
        if w == "--help" {
            rest.push("help".into());
            i += 1;
            continue;
        }
        match long_option(w) {
            Some(n) => {
                options.extend(words[i..(i + n).min(words.len())].iter().cloned());
                i += n;
            }
            None => {
                rest.push(w.clone());
                i += 1;
            }
        }
    }
    (options, rest)
}

/// C's `atoi`: leading digits (with sign), 0 when there are none.
fn atoi(s: &str) -> i32 {
    let t = s.trim_start();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let n: i64 = digits.bytes().take_while(u8::is_ascii_digit).fold(0i64, |a, d| (a * 10 + (d - b'0') as i64).min(i64::from(i32::MAX) + 1));
    (if neg { -n } else { n }) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(words: &[&str]) -> (Options, usize) {
        let args: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        parse(&args, "ip").expect("parses")
    }

    #[test]
    fn prefixes_resolve_in_table_order() {
        let (o, n) = parse_ok(&["-j", "-p", "-d", "-s", "-s", "link"]);
        assert!(o.json && o.pretty);
        assert_eq!((o.details, o.stats, n), (1, 2, 5));
        let (o, _) = parse_ok(&["-br", "-o"]);
        assert!(o.brief && o.oneline);
        let (o, _) = parse_ok(&["--json", "--details", "--brief"]);
        assert!(o.json && o.brief && o.details == 1);
    }

    #[test]
    fn family_and_color() {
        let (o, _) = parse_ok(&["-f", "inet6", "-c"]);
        assert_eq!(o.family, Family::Inet6);
        assert_eq!(o.color, ColorChoice::Always);
        let (o, _) = parse_ok(&["--color=never", "-4"]);
        assert_eq!((o.color, o.family), (ColorChoice::Never, Family::Inet));
    }

    #[test]
    fn unknown_option_message() {
        let args = vec!["-x".to_string()];
        let e = parse(&args, "ip").unwrap_err();
        assert_eq!(e.to_string(), "Option \"-x\" is unknown, try \"ip -help\".");
        assert_eq!(e.exit_code(), 255);
    }

    #[test]
    fn long_options_after_the_object() {
        let w = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (opts, rest) = hoist_long_options(&w(&["show", "--json", "dev", "lo", "--netns", "ns1", "--color=never"]), None);
        assert_eq!(opts, w(&["--json", "--netns", "ns1", "--color=never"]));
        assert_eq!(rest, w(&["show", "dev", "lo"]));
        // Prefixes, single dashes and unknown names stay words; `--` ends options.
        let (opts, rest) = hoist_long_options(&w(&["show", "--js", "-j", "--bogus", "--", "--json"]), None);
        assert!(opts.is_empty());
        assert_eq!(rest, w(&["show", "--js", "-j", "--bogus", "--json"]));
        let (opts, rest) = hoist_long_options(&w(&["add", "--help"]), None);
        assert!(opts.is_empty());
        assert_eq!(rest, w(&["add", "help"]));
        // A command to run keeps its own flags.
        let (opts, rest) = hoist_long_options(&w(&["exec", "ns1", "ip", "--json", "link"]), Some(2));
        assert!(opts.is_empty());
        assert_eq!(rest, w(&["exec", "ns1", "ip", "--json", "link"]));
    }

    #[test]
    fn bad_family() {
        let args = vec!["-f".to_string(), "bogus".to_string()];
        let e = parse(&args, "ip").unwrap_err();
        assert_eq!(e.to_string(), "Error: argument \"bogus\" is wrong: invalid protocol family");
    }
}
