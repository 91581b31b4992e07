//! `bareudp`: L3 packets (MPLS, IP) carried in UDP with no header of their
//! own (iproute2's iplink_bareudp.c). This kernel lacks the module; the
//! request is unit-tested here and the device in a VM.

use std::io;

use super::{ll_proto_a2n, ll_proto_n2a, unknown_word, Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, missarg, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::get_u16;
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

// IFLA_BAREUDP_* (linux/if_link.h)
const PORT: u16 = 1;
const ETHERTYPE: u16 = 2;
const SRCPORT_MIN: u16 = 3;
const MULTIPROTO_MODE: u16 = 4;

/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = &[
    Keyword { names: &[p("dstport")], value: Value::Number, meta: "PORT", help: "UDP destination port (required)", supported: true },
    Keyword { names: &[p("ethertype")], value: Value::Text, meta: "PROTO", help: "protocol carried: a name (ipv4, mpls_uc …) or number (required)", supported: true },
    Keyword { names: &[p("srcportmin")], value: Value::Number, meta: "PORT", help: "lowest UDP source port", supported: true },
    Keyword { names: &[p("multiproto")], value: Value::Flag, meta: "", help: "carry the protocol's relatives too (IPv6 with ipv4, multicast MPLS)", supported: true },
    Keyword { names: &[p("nomultiproto")], value: Value::Flag, meta: "", help: "carry the one protocol only", supported: true },
    Keyword { names: &[p("help")], value: Value::Flag, meta: "", help: "show these options", supported: true },
];

pub const KIND: Kind = Kind {
    name: "bareudp",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Give dstport and ethertype.",
};

fn parse(_env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let mut seen = super::Seen::default();
    let (mut dstport, mut ethertype, mut srcportmin, mut multiproto) = (0u16, 0u16, 0u16, false);
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        match lookup(word, KEYWORDS).map(|k| k.names[0].text) {
            Some("dstport") => {
                let v = w.value()?;
                seen.once(PORT, "dstport", v)?;
                dstport = get_u16(v, 0).ok_or_else(|| invarg("dstport", v))?;
            }
            Some("ethertype") => {
                let v = w.value()?;
                seen.once(ETHERTYPE, "ethertype", v)?;
                ethertype = ll_proto_a2n(v).ok_or_else(|| invarg("ethertype", v))?;
            }
            Some("srcportmin") => {
                let v = w.value()?;
                seen.once(SRCPORT_MIN, "srcportmin", v)?;
                srcportmin = get_u16(v, 0).ok_or_else(|| invarg("srcportmin", v))?;
            }
            Some(name @ ("multiproto" | "nomultiproto")) => {
                seen.once(MULTIPROTO_MODE, word, word)?;
                multiproto = name == "multiproto";
            }
            Some("help") => return Err(super::help("bareudp", 1, false)),
            _ => return Err(unknown_word("bareudp", Some(format!("bareudp: unknown command \"{word}\"?")))),
        }
    }
    let set = |attr: u16| seen.has(attr);
    if !set(PORT) {
        return Err(missarg("dstport"));
    }
    if !set(ETHERTYPE) {
        return Err(missarg("ethertype"));
    }
    let mut out = AttrWriter::new();
    out.be16(PORT, dstport);
    out.be16(ETHERTYPE, ethertype);
    if set(SRCPORT_MIN) {
        out.u16(SRCPORT_MIN, srcportmin);
    }
    if multiproto {
        out.flag(MULTIPROTO_MODE);
    }
    Ok(out.finish()?)
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, opts: &Options, _links: &Links) -> io::Result<()> {
    if let Some(port) = tb.be16(PORT) {
        s.number_c(Out::Any, Color::None, Some("dstport"), "dstport {} ", port)?;
    }
    if let Some(proto) = tb.be16(ETHERTYPE) {
        s.string_c(Out::Any, Color::None, Some("ethertype"), "ethertype {} ", &ll_proto_n2a(proto, opts.numeric))?;
    }
    if let Some(port) = tb.u16(SRCPORT_MIN) {
        s.number_c(Out::Any, Color::None, Some("srcportmin"), "srcportmin {} ", port)?;
    }
    if tb.has(MULTIPROTO_MODE) {
        s.bool(Out::Any, "multiproto", "multiproto ", true)
    } else {
        s.bool(Out::Any, "multiproto", "nomultiproto ", false)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render};
    use super::*;

    #[test]
    fn request_and_print() {
        let data = parse_kind(&KIND, "dstport 6635 ethertype mpls_uc srcportmin 1000 multiproto", &[]).unwrap();
        assert_eq!(
            raw_attrs(&data),
            vec![(PORT, vec![0x19, 0xeb]), (ETHERTYPE, vec![0x88, 0x47]), (SRCPORT_MIN, 1000u16.to_ne_bytes().to_vec()), (MULTIPROTO_MODE, vec![])]
        );
        assert_eq!(render("bareudp", &data, false), "dstport 6635 ethertype mpls_uc srcportmin 1000 multiproto ");
        let data = parse_kind(&KIND, "dstport 1 ethertype ipv4", &[]).unwrap();
        assert_eq!(render("bareudp", &data, false), "dstport 1 ethertype ip nomultiproto ");
        assert_eq!(render("bareudp", &data, true), "{\"info_data\":{\"dstport\":1,\"ethertype\":\"ip\",\"multiproto\":false}}");
    }

    #[test]
    fn errors() {
        let e = |s: &str| parse_kind(&KIND, s, &[]).unwrap_err().to_string();
        assert_eq!(e("dstport 1"), "Error: argument \"ethertype\" is required");
        assert_eq!(e("ethertype ip"), "Error: argument \"dstport\" is required");
        assert_eq!(e("dstport 1 dstport 2"), "Error: either \"dstport\" is duplicate, or \"2\" is a garbage.");
        assert_eq!(e("dstport 1 ethertype bogus"), "Error: argument \"bogus\" is wrong: ethertype");
        assert_eq!(e("multi nomulti"), "Error: either \"nomulti\" is duplicate, or \"nomulti\" is a garbage.");
    }
}
