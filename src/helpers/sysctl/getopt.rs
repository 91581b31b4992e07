//! GNU `getopt_long` over the grammar table (`grammar::sysctl::OPTIONS`):
//! clustered short options, long options by unambiguous prefix, `--name=V`,
//! `--` to end options, and operands moved after the options (unless
//! POSIXLY_CORRECT is set). Options are handed out one at a time, because
//! procps acts on some (`--system`) the moment it sees them. Error texts are
//! glibc's, without the leading `PROGRAM: `.

use crate::cli::grammar::{Keyword, Value};

/// One option as parsed: the table entry and its value, if any.
#[derive(Debug)]
pub struct Opt {
    pub key: &'static Keyword,
    pub value: Option<String>,
}

impl Opt {
    /// The name the parser dispatches on (the entry's first name).
    pub fn name(&self) -> &'static str {
        self.key.names.first().map_or("", |w| w.text)
    }
}

enum Arg {
    None,
    Optional,
    Required,
}

fn arg_kind(k: &Keyword) -> Arg {
    match (k.value, k.meta.starts_with('[')) {
        (Value::Flag, _) => Arg::None,
        (_, true) => Arg::Optional,
        (_, false) => Arg::Required,
    }
}

pub struct Getopt<'a> {
    table: &'static [Keyword],
    args: &'a [String],
    pos: usize,
    /// The rest of a short-option cluster being read (`-wq` → `q`).
    cluster: Option<(usize, usize)>,
    operands: Vec<String>,
    posix: bool,
    done: bool,
}

impl<'a> Getopt<'a> {
    pub fn new(table: &'static [Keyword], args: &'a [String]) -> Self {
        let posix = std::env::var_os("POSIXLY_CORRECT").is_some();
        Getopt { table, args, pos: 0, cluster: None, operands: Vec::new(), posix, done: false }
    }

    /// The operands (non-option words), in order; call after `next` gave None.
    pub fn operands(self) -> Vec<String> {
        self.operands
    }

    /// The word after the option just returned, when getopt will take it
    /// as an operand (not an option, not `--`, not the rest of a cluster).
    pub fn next_operand(&self) -> Option<&'a str> {
        let args: &'a [String] = self.args;
        let word = args.get(self.pos).filter(|_| self.cluster.is_none() && !self.done)?;
        (word == "-" || !word.starts_with('-')).then_some(word.as_str())
    }

    fn short(&self, c: char) -> Option<&'static Keyword> {
        let table: &'static [Keyword] = self.table;
        table.iter().find(|k| {
            k.names.iter().any(|w| {
                let mut chars = w.text.chars();
                chars.next() == Some('-') && chars.next() == Some(c) && chars.next().is_none()
            })
        })
    }

    fn long(&self, name: &str) -> Result<&'static Keyword, String> {
        let table: &'static [Keyword] = self.table;
        let longs = |k: &'static Keyword| k.names.iter().filter(|w| w.text.starts_with("--")).map(move |w| (k, w));
        if let Some((k, _)) = table.iter().flat_map(longs).find(|(_, w)| &w.text[2..] == name) {
            return Ok(k);
        }
        let found: Vec<_> = table.iter().flat_map(longs).filter(|(_, w)| !w.exact && w.text[2..].starts_with(name)).collect();
        match found.as_slice() {
            [] => Err(String::new()),
            [(k, _)] => Ok(k),
            many => {
                let list: String = many.iter().map(|(_, w)| format!(" '{}'", w.text)).collect();
                Err(format!("option '--{name}' is ambiguous; possibilities:{list}"))
            }
        }
    }

    fn next_cluster_char(&mut self, word: usize, at: usize) -> Option<Result<Opt, String>> {
        let text = &self.args[word];
        let c = text[at..].chars().next()?;
        let after = at + c.len_utf8();
        self.cluster = (after < text.len()).then_some((word, after));
        let Some(key) = self.short(c) else {
            return Some(Err(format!("invalid option -- '{c}'")));
        };
        let attached = (after < text.len()).then(|| text[after..].to_string());
        let value = match arg_kind(key) {
            Arg::None => None,
            Arg::Optional => {
                self.cluster = None;
                attached
            }
            Arg::Required => {
                self.cluster = None;
                match attached {
                    Some(v) => Some(v),
                    None => match self.args.get(self.pos) {
                        Some(v) => {
                            self.pos += 1;
                            Some(v.clone())
                        }
                        None => return Some(Err(format!("option requires an argument -- '{c}'"))),
                    },
                }
            }
        };
        Some(Ok(Opt { key, value }))
    }

    fn long_option(&mut self, body: &str) -> Result<Opt, String> {
        let (name, attached) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        let key = self.long(name).map_err(|e| if e.is_empty() { format!("unrecognized option '--{body}'") } else { e })?;
        let full = key.names.iter().find(|w| w.text.starts_with("--")).map_or("", |w| w.text);
        let value = match arg_kind(key) {
            Arg::None if attached.is_some() => return Err(format!("option '{full}' doesn't allow an argument")),
            Arg::None => None,
            Arg::Optional => attached,
            Arg::Required => match attached {
                Some(v) => Some(v),
                None => match self.args.get(self.pos) {
                    Some(v) => {
                        self.pos += 1;
                        Some(v.clone())
                    }
                    None => return Err(format!("option '{full}' requires an argument")),
                },
            },
        };
        Ok(Opt { key, value })
    }

    /// The next option, an error text, or None when the options are over.
    pub fn next(&mut self) -> Option<Result<Opt, String>> {
        if let Some((word, at)) = self.cluster.take() {
            if let Some(r) = self.next_cluster_char(word, at) {
                return Some(r);
            }
        }
        while !self.done {
            let Some(arg) = self.args.get(self.pos) else {
                self.done = true;
                break;
            };
            self.pos += 1;
            if arg == "--" {
                self.operands.extend(self.args[self.pos..].iter().cloned());
                self.done = true;
                break;
            }
            if let Some(body) = arg.strip_prefix("--") {
                return Some(self.long_option(body));
            }
            if arg.len() > 1 && arg.starts_with('-') {
                let word = self.pos - 1;
                return self.next_cluster_char(word, 1);
            }
            self.operands.push(arg.clone());
            if self.posix {
                self.operands.extend(self.args[self.pos..].iter().cloned());
                self.done = true;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helpers::sysctl::grammar::OPTIONS;

    type Parsed = (Vec<(String, Option<String>)>, Vec<String>, Option<String>);

    fn parse(words: &[&str]) -> Parsed {
        let args: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        let mut g = Getopt::new(OPTIONS, &args);
        let mut opts = Vec::new();
        let mut err = None;
        while let Some(r) = g.next() {
            match r {
                Ok(o) => opts.push((o.name().to_string(), o.value)),
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        (opts, g.operands(), err)
    }

    #[test]
    fn clusters_and_operands_are_permuted() {
        let (o, rest, err) = parse(&["a.b", "-wq", "c=d", "-rfoo", "-r", "bar"]);
        assert!(err.is_none());
        let names: Vec<_> = o.iter().map(|(n, v)| (n.as_str(), v.as_deref())).collect();
        assert_eq!(names, [("-w", None), ("-q", None), ("-r", Some("foo")), ("-r", Some("bar"))]);
        assert_eq!(rest, ["a.b", "c=d"]);
    }

    #[test]
    fn optional_value_only_attached() {
        let (o, rest, _) = parse(&["-p", "x.conf", "-py.conf", "--load=z", "--load", "w"]);
        let values: Vec<_> = o.iter().map(|(_, v)| v.clone()).collect();
        assert_eq!(values, [None, Some("y.conf".into()), Some("z".into()), None]);
        assert_eq!(rest, ["x.conf", "w"]);
    }

    #[test]
    fn long_prefixes_and_glibc_errors() {
        assert_eq!(parse(&["--qu"]).0[0].0, "-q");
        assert_eq!(parse(&["--p", "x"]).0[0], ("-r".to_string(), Some("x".to_string())));
        assert_eq!(parse(&["--d"]).2.unwrap(), "option '--d' is ambiguous; possibilities: '--deprecated' '--dry-run'");
        assert_eq!(parse(&["--al=3"]).2.unwrap(), "option '--all' doesn't allow an argument");
        assert_eq!(parse(&["--pat"]).2.unwrap(), "option '--pattern' requires an argument");
        assert_eq!(parse(&["-r"]).2.unwrap(), "option requires an argument -- 'r'");
        assert_eq!(parse(&["-aZ"]).2.unwrap(), "invalid option -- 'Z'");
        assert_eq!(parse(&["--bogus=1"]).2.unwrap(), "unrecognized option '--bogus=1'");
        // rtun's own long options are never abbreviations.
        assert_eq!(parse(&["--js"]).2.unwrap(), "unrecognized option '--js'");
        assert_eq!(parse(&["--persist=/x"]).0[0], ("--persist".to_string(), Some("/x".to_string())));
    }

    #[test]
    fn next_operand_after_an_option() {
        let args: Vec<String> = ["--persist", "/x", "-w", "--persist", "--", "a", "-q", "-"].iter().map(|s| s.to_string()).collect();
        let mut g = Getopt::new(OPTIONS, &args);
        let mut seen = Vec::new();
        while let Some(Ok(o)) = g.next() {
            seen.push((o.name(), g.next_operand()));
        }
        assert_eq!(seen, [("--persist", Some("/x")), ("-w", None), ("--persist", None)]);
        let args: Vec<String> = ["-wq", "x", "-q", "-"].iter().map(|s| s.to_string()).collect();
        let mut g = Getopt::new(OPTIONS, &args);
        let firsts: Vec<_> = std::iter::from_fn(|| g.next().and_then(Result::ok).map(|o| (o.name(), g.next_operand()))).collect();
        assert_eq!(firsts, [("-w", None), ("-q", Some("x")), ("-q", Some("-"))]);
    }

    #[test]
    fn double_dash_ends_options() {
        let (o, rest, _) = parse(&["-w", "--", "-a", "b"]);
        assert_eq!(o.len(), 1);
        assert_eq!(rest, ["-a", "b"]);
    }
}
