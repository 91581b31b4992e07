//! `ipvlan` and `ipvtap`: devices sharing the MAC address of `link DEV`,
//! told apart by IP address (iproute2's iplink_ipvlan.c; an ipvtap is an
//! ipvlan with a tap character device, same options). This kernel lacks
//! the modules; the request is unit-tested here and the devices in a VM.

use std::io;

use super::{unknown_word, Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::{lookup, Words};
use crate::error::{Error, Result};
use crate::netlink::attr::{u16_of, AttrWriter};
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

// IFLA_IPVLAN_* (linux/if_link.h)
const MODE: u16 = 1;
const FLAGS: u16 = 2;

// IPVLAN_MODE_* and IPVLAN_F_*
const MODES: &[(&str, u16)] = &[("l2", 0), ("l3", 1), ("l3s", 2)];
const F_PRIVATE: u16 = 1;
const F_VEPA: u16 = 2;

/// In iproute2's test order; one of `private`, `vepa`, `bridge` at most.
pub const KEYWORDS: &[Keyword] = &[
    Keyword { names: &[p("mode")], value: Value::Choice(&["l3", "l3s", "l2"]), meta: "MODE", help: "the layer packets are switched at (l3 by default)", supported: true },
    Keyword { names: &[p("private")], value: Value::Flag, meta: "", help: "no traffic between devices on the same lower device", supported: true },
    Keyword { names: &[p("vepa")], value: Value::Flag, meta: "", help: "traffic between them goes out through the lower device", supported: true },
    Keyword { names: &[p("bridge")], value: Value::Flag, meta: "", help: "traffic between them is switched directly (the default)", supported: true },
    Keyword { names: &[p("help")], value: Value::Flag, meta: "", help: "show these options", supported: true },
];

pub const IPVLAN: Kind = Kind {
    name: "ipvlan",
    keywords: KEYWORDS,
    parse: Some(parse_ipvlan),
    print: Some(print),
    about: "Needs `link DEV`.",
};

pub const IPVTAP: Kind = Kind {
    name: "ipvtap",
    keywords: KEYWORDS,
    parse: Some(parse_ipvtap),
    print: Some(print),
    about: "Needs `link DEV`; an ipvlan read and written through /dev/tapN.",
};

fn parse_ipvlan(_env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse_as("ipvlan", args)
}

fn parse_ipvtap(_env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse_as("ipvtap", args)
}

fn parse_as(kind: &'static str, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let (mut flags, mut mode_flag_given) = (0u16, false);
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        // After one of private/vepa/bridge, the others are unknown words.
        let k = lookup(word, KEYWORDS).map(|k| k.names[0].text);
        match k {
            Some("mode") => {
                let v = w.value()?;
                let mode = MODES.iter().find(|(n, _)| *n == v).map(|(_, m)| *m).ok_or_else(|| {
                    Error::Failure("Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"".into())
                })?;
                out.u16(MODE, mode);
            }
            Some(flag @ ("private" | "vepa" | "bridge")) if !mode_flag_given => {
                flags |= match flag {
                    "private" => F_PRIVATE,
                    "vepa" => F_VEPA,
                    _ => 0,
                };
                mode_flag_given = true;
            }
            Some("help") => return Err(super::help(kind, 1, false)),
            _ => return Err(unknown_word(kind, Some(format!("{kind}: unknown option \"{word}\"?")))),
        }
    }
    out.u16(FLAGS, flags);
    Ok(out.finish()?)
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, _links: &Links) -> io::Result<()> {
    // Only attributes of exactly two bytes are read.
    let exact = |attr: u16| tb.get(attr).filter(|b| b.len() == 2).and_then(u16_of);
    if let Some(mode) = exact(MODE) {
        let name = MODES.iter().find(|(_, m)| *m == mode).map_or("unknown", |(n, _)| n);
        s.string_c(Out::Any, Color::None, Some("mode"), " mode {} ", name)?;
    }
    if let Some(flags) = exact(FLAGS) {
        let (key, text) = if flags & F_PRIVATE != 0 {
            ("private", "private ")
        } else if flags & F_VEPA != 0 {
            ("vepa", "vepa ")
        } else {
            ("bridge", "bridge ")
        };
        s.bool(Out::Any, key, text, true)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render};
    use super::*;

    #[test]
    fn mode_and_flag() {
        let data = parse_kind(&IPVLAN, "mode l3s vepa", &[]).unwrap();
        assert_eq!(raw_attrs(&data), vec![(MODE, 2u16.to_ne_bytes().to_vec()), (FLAGS, 2u16.to_ne_bytes().to_vec())]);
        assert_eq!(render("ipvlan", &data, false), " mode l3s vepa ");
        assert_eq!(render("ipvtap", &data, true), "{\"info_data\":{\"mode\":\"l3s\",\"vepa\":true}}");
        let data = parse_kind(&IPVTAP, "b", &[]).unwrap();
        assert_eq!(raw_attrs(&data), vec![(FLAGS, vec![0, 0])]);
    }

    #[test]
    fn errors() {
        let e = |k: &Kind, s: &str| parse_kind(k, s, &[]).unwrap_err().to_string();
        assert_eq!(e(&IPVLAN, "mode l4"), "Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"");
        assert_eq!(e(&IPVTAP, "private vepa"), "ipvtap: unknown option \"vepa\"?");
    }
}
