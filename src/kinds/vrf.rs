//! `vrf`: a routing domain bound to a table (iproute2's iplink_vrf.c), and
//! the `-d` field of its ports (`vrf_slave`). This kernel lacks the module;
//! the device is tested in a VM (link-kinds2.sh).

use std::io;

use super::{unknown_word, Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, Result};
use crate::netlink::attr::AttrWriter;
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

// IFLA_VRF_TABLE, IFLA_VRF_PORT_TABLE (linux/if_link.h)
const TABLE: u16 = 1;
const PORT_TABLE: u16 = 1;

pub const KEYWORDS: &[Keyword] = &[
    Keyword { names: &[p("table")], value: Value::Table, meta: "TABLE", help: "the routing table of the domain", supported: true },
    Keyword { names: &[p("help")], value: Value::Flag, meta: "", help: "show these options", supported: true },
];

pub const KIND: Kind = Kind {
    name: "vrf",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Give table; devices join with `link set DEV master VRF`.",
};

/// A VRF's port: `-d` shows the table; iproute2 has no options for it.
pub const SLAVE: Kind = Kind {
    name: "vrf_slave",
    keywords: &[],
    parse: None,
    print: Some(print_port),
    about: "A device in a VRF (no options).",
};

fn parse(_env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        match lookup(word, KEYWORDS).map(|k| k.names[0].text) {
            Some("table") => {
                let v = w.value()?;
                // iproute2's message ends with a newline of its own.
                let table = crate::names::tables::table_id(v).ok_or_else(|| invarg("invalid table ID\n", v))?;
                out.u32(TABLE, table);
            }
            Some("help") => return Err(super::help("vrf", 1, false)),
            _ => return Err(unknown_word("vrf", Some(format!("vrf: unknown option \"{word}\"?")))),
        }
    }
    Ok(out.finish()?)
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, _links: &Links) -> io::Result<()> {
    if let Some(t) = tb.u32(TABLE) {
        s.number_c(Out::Any, Color::None, Some("table"), "table {} ", t)?;
    }
    Ok(())
}

fn print_port(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, _links: &Links) -> io::Result<()> {
    if let Some(t) = tb.u32(PORT_TABLE) {
        s.number_c(Out::Any, Color::None, Some("table"), "table {} ", t)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render, render_port};
    use super::*;

    #[test]
    fn table_by_number_and_name() {
        let data = parse_kind(&KIND, "table 10", &[]).unwrap();
        assert_eq!(raw_attrs(&data), vec![(TABLE, 10u32.to_ne_bytes().to_vec())]);
        assert_eq!(render("vrf", &data, false), "table 10 ");
        assert_eq!(render("vrf", &data, true), "{\"info_data\":{\"table\":10}}");
        assert_eq!(render_port("vrf", &data, false), "table 10 ");
        let data = parse_kind(&KIND, "tab main", &[]).unwrap();
        assert_eq!(raw_attrs(&data), vec![(TABLE, 254u32.to_ne_bytes().to_vec())]);
    }

    #[test]
    fn errors() {
        let e = parse_kind(&KIND, "table foo", &[]).unwrap_err();
        assert_eq!((e.to_string().as_str(), e.exit_code()), ("Error: argument \"foo\" is wrong: invalid table ID\n", 255));
        let e = parse_kind(&KIND, "bogus", &[]).unwrap_err();
        assert_eq!(e.to_string(), "vrf: unknown option \"bogus\"?");
    }
}
