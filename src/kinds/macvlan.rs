//! `macvlan` and `macvtap`: devices with their own MAC address on top of
//! `link DEV` (iproute2's iplink_macvlan.c; a macvtap is a macvlan with a
//! character device, same options). The request is unit-tested here and
//! the devices in a VM.

use std::io;

use super::{unknown_word, Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::lookup;
use crate::error::{incomplete, Error, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::get_u32;
use crate::names::links::Links;
use crate::print::addr::Mac;
use crate::print::{Color, Dyn, Out};

// IFLA_MACVLAN_* (linux/if_link.h)
const MODE: u16 = 1;
const FLAGS: u16 = 2;
const MACADDR_MODE: u16 = 3;
const MACADDR: u16 = 4;
const MACADDR_DATA: u16 = 5;
const MACADDR_COUNT: u16 = 6;
const BC_QUEUE_LEN: u16 = 7;
const BC_QUEUE_LEN_USED: u16 = 8;

const MODE_PASSTHRU: u32 = 8;
const MODE_SOURCE: u32 = 16;
const FLAG_NOPROMISC: u16 = 1;
const FLAG_NODST: u16 = 2;

/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = &[
    Keyword {
        names: &[p("mode")],
        value: Value::Choice(&["private", "vepa", "bridge", "passthru", "source"]),
        meta: "MODE",
        help: "how devices on the same lower device reach each other",
        supported: true,
    },
    Keyword { names: &[p("flag")], value: Value::Choice(&["nopromisc", "nodst", "null"]), meta: "FLAG", help: "a mode flag", supported: true },
    Keyword {
        names: &[p("macaddr")],
        value: Value::Text,
        meta: "{add|del} LLADDR | set [LLADDR…] | flush",
        help: "source-mode address list",
        supported: true,
    },
    Keyword { names: &[p("nopromisc")], value: Value::Flag, meta: "", help: "passthru: do not put the lower device in promiscuous mode", supported: true },
    Keyword { names: &[p("nodst")], value: Value::Flag, meta: "", help: "source: do not deliver by destination address", supported: true },
    Keyword { names: &[p("bcqueuelen")], value: Value::Number, meta: "N", help: "broadcast/multicast receive queue length", supported: true },
    Keyword { names: &[p("help")], value: Value::Flag, meta: "", help: "show these options", supported: true },
];

pub const KIND: Kind = Kind {
    name: "macvlan",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Needs `link DEV`.",
};

/// A macvlan with a tap character device (/dev/tapN).
pub const MACVTAP: Kind = Kind {
    name: "macvtap",
    keywords: KEYWORDS,
    parse: Some(parse_macvtap),
    print: Some(print),
    about: "Needs `link DEV`; a macvlan read and written through /dev/tapN.",
};

/// A 6-byte Ethernet address, or None (iproute2 then gives up quietly,
/// unless the word is not an address at all).
fn mac(word: &str) -> std::result::Result<[u8; 6], Option<String>> {
    match crate::parse::lladdr(word, 6) {
        Ok(b) => <[u8; 6]>::try_from(b.as_slice()).map_err(|_| None),
        Err(msg) => Err(Some(msg)),
    }
}

// MACVLAN_MACADDR_* (what `macaddr` does to the source list)
const MACADDR_ADD: u32 = 0;
const MACADDR_DEL: u32 = 1;
const MACADDR_FLUSH: u32 = 2;
const MACADDR_SET: u32 = 3;

fn parse(_env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse_as("macvlan", args)
}

fn parse_macvtap(_env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse_as("macvtap", args)
}

/// The options of `kind` (messages and help name it).
fn parse_as(kind: &'static str, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let (mut mode, mut flags, mut has_flags) = (0u32, 0u16, false);
    let mut i = 0;
    let next = |i: &mut usize| -> Result<&str> {
        *i += 1;
        args.get(*i).map(String::as_str).ok_or_else(incomplete)
    };
    let fail = |m: String| Error::Failure(m);
    while let Some(word) = args.get(i).map(String::as_str) {
        let Some(k) = lookup(word, KEYWORDS) else {
            return Err(unknown_word(kind, Some(format!("{kind}: unknown option \"{word}\"?"))));
        };
        match k.names[0].text {
            "mode" => {
                let v = next(&mut i)?;
                mode = match v {
                    "private" => 1,
                    "vepa" => 2,
                    "bridge" => 4,
                    "passthru" => MODE_PASSTHRU,
                    "source" => MODE_SOURCE,
                    _ => return Err(fail(format!(
                        "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"{v}\""
                    ))),
                };
            }
            "flag" => {
                let v = next(&mut i)?;
                flags |= match v {
                    "nopromisc" => FLAG_NOPROMISC,
                    "nodst" => FLAG_NODST,
                    "null" => 0,
                    _ => return Err(fail(format!("Error: argument of \"flag\" must be \"nopromisc\", \"nodst\" or \"null\", not \"{v}\""))),
                };
                has_flags = true;
            }
            "macaddr" => {
                let v = next(&mut i)?;
                let (mac_mode, one_addr) = match v {
                    "add" => (MACADDR_ADD, true),
                    "del" => (MACADDR_DEL, true),
                    "set" => (MACADDR_SET, false),
                    "flush" => (MACADDR_FLUSH, false),
                    _ => return Err(unknown_word(kind, None)),
                };
                let set = mac_mode == MACADDR_SET;
                out.u32(MACADDR_MODE, mac_mode);
                if one_addr {
                    let v = next(&mut i)?;
                    let addr = mac(v).map_err(|m| fail(m.unwrap_or_default()))?;
                    out.put(MACADDR, &addr);
                }
                if set {
                    // Addresses follow until a word is not one.
                    let mut list = Vec::new();
                    while let Some(w) = args.get(i + 1) {
                        match mac(w) {
                            Ok(a) => list.push(a),
                            Err(msg) => {
                                if let Some(m) = msg {
                                    crate::netlink::pipeline::say(m);
                                }
                                break;
                            }
                        }
                        i += 1;
                    }
                    out.nest(MACADDR_DATA, |n| {
                        for a in &list {
                            n.put(MACADDR, a);
                        }
                    });
                }
            }
            "nopromisc" => {
                flags |= FLAG_NOPROMISC;
                has_flags = true;
            }
            "nodst" => {
                flags |= FLAG_NODST;
                has_flags = true;
            }
            "bcqueuelen" => {
                let v = next(&mut i)?;
                let n = get_u32(v, 0).ok_or_else(|| {
                    fail(format!("Error: argument of \"bcqueuelen\" must be a positive integer [0-4294967295], not \"{v}\""))
                })?;
                out.u32(BC_QUEUE_LEN, n);
            }
            "help" => return Err(super::help(kind, 1, false)),
            _ => return Err(unknown_word(kind, None)),
        }
        i += 1;
    }
    if mode != 0 {
        out.u32(MODE, mode);
    }
    if has_flags {
        if flags & FLAG_NOPROMISC != 0 && mode != MODE_PASSTHRU {
            return Err(unknown_word(kind, Some(format!("{kind}: nopromisc flag only valid in passthru mode"))));
        }
        out.u16(FLAGS, flags);
    }
    Ok(out.finish()?)
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, _links: &Links) -> io::Result<()> {
    let Some(mode) = tb.u32(MODE) else { return Ok(()) };
    let name = match mode {
        1 => "private",
        2 => "vepa",
        4 => "bridge",
        MODE_PASSTHRU => "passthru",
        MODE_SOURCE => "source",
        _ => "unknown",
    };
    s.string_c(Out::Any, Color::None, Some("mode"), "mode {} ", name)?;
    let flags = tb.u16(FLAGS).unwrap_or(0);
    if flags & FLAG_NOPROMISC != 0 {
        s.bool(Out::Any, "nopromisc", "nopromisc ", true)?;
    }
    if flags & FLAG_NODST != 0 {
        s.bool(Out::Any, "nodst", "nodst ", true)?;
    }
    if let Some(n) = tb.u32(BC_QUEUE_LEN) {
        s.number_c(Out::Any, Color::None, Some("bcqueuelen"), "bcqueuelen {} ", n)?;
    }
    if let Some(n) = tb.u32(BC_QUEUE_LEN_USED) {
        s.number_c(Out::Any, Color::None, Some("usedbcqueuelen"), "usedbcqueuelen {} ", n)?;
    }
    if mode != MODE_SOURCE {
        return Ok(());
    }
    let Some(count) = tb.u32(MACADDR_COUNT) else { return Ok(()) };
    s.number_c(Out::Any, Color::None, Some("macaddr_count"), "remotes ({}) ", count as i32)?;
    let Some(data) = tb.get(MACADDR_DATA) else { return Ok(()) };
    s.open_array(Out::Json, Some("macaddr_data"), "")?;
    for a in Attrs::new(data).iter().filter(|a| a.kind == MACADDR) {
        if let Some(mac) = a.payload.get(..6) {
            let text = Mac(mac).to_string();
            if s.is_json() {
                s.string_c(Out::Json, Color::None, None, "", &text)?;
            } else {
                s.string_c(Out::Text, Color::None, None, "{} ", &text)?;
            }
        }
    }
    s.close_array(Out::Json, "")
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render};
    use super::*;

    #[test]
    fn mode_and_flags() {
        let data = parse_kind(&KIND, "mode passthru nopromisc bcqueuelen 100", &[]).unwrap();
        let attrs = raw_attrs(&data);
        assert!(attrs.contains(&(MODE, 8u32.to_ne_bytes().to_vec())));
        assert!(attrs.contains(&(FLAGS, 1u16.to_ne_bytes().to_vec())));
        assert!(attrs.contains(&(BC_QUEUE_LEN, 100u32.to_ne_bytes().to_vec())));
        assert_eq!(render("macvlan", &data, false), "mode passthru nopromisc bcqueuelen 100 ");
    }

    #[test]
    fn source_addresses() {
        let data = parse_kind(&KIND, "mode source macaddr set 02:00:00:00:00:01 02:00:00:00:00:02", &[]).unwrap();
        let attrs = crate::netlink::attr::Attrs::new(&data);
        assert_eq!(attrs.u32(MACADDR_MODE), Some(MACADDR_SET));
        let list: Vec<(u16, &[u8])> = attrs.nested(MACADDR_DATA).expect("a list").iter().map(|a| (a.kind, a.payload)).collect();
        assert_eq!(list, vec![(MACADDR, &[2, 0, 0, 0, 0, 1][..]), (MACADDR, &[2, 0, 0, 0, 0, 2][..])]);
    }

    #[test]
    fn errors() {
        let e = |s: &str| parse_kind(&KIND, s, &[]).unwrap_err().to_string();
        assert_eq!(
            e("mode foo"),
            "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"foo\""
        );
        assert_eq!(e("mode bridge nopromisc"), "macvlan: nopromisc flag only valid in passthru mode");
        assert_eq!(e("bogus"), "macvlan: unknown option \"bogus\"?");
    }
}
