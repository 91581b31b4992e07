//! `vlan`: 802.1Q/802.1ad VLAN devices on top of `link DEV`
//! (iproute2's iplink_vlan.c). This kernel lacks the module; the request
//! is unit-tested here and the device in a VM.

use std::io;

use super::{on_off_error, unknown_word, Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::lookup;
use crate::error::{incomplete, invarg, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::{get_u16, get_u32};
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

// IFLA_VLAN_* (linux/if_link.h)
const ID: u16 = 1;
const FLAGS: u16 = 2;
const EGRESS_QOS: u16 = 3;
const INGRESS_QOS: u16 = 4;
const PROTOCOL: u16 = 5;
/// IFLA_VLAN_QOS_MAPPING: one `struct ifla_vlan_qos_mapping` (from, to).
const QOS_MAPPING: u16 = 1;

/// VLAN_FLAG_* in iproute2's printing order.
const FLAG_NAMES: &[(u32, &str)] =
    &[(0x1, "REORDER_HDR"), (0x2, "GVRP"), (0x8, "MVRP"), (0x4, "LOOSE_BINDING"), (0x10, "BRIDGE_BINDING")];

/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = &[
    Keyword { names: &[p("protocol")], value: Value::Choice(&["802.1Q", "802.1ad"]), meta: "PROTO", help: "VLAN protocol", supported: true },
    Keyword { names: &[p("id")], value: Value::Number, meta: "VLANID", help: "the VLAN id, 0-4095", supported: true },
    Keyword { names: &[p("reorder_hdr")], value: Value::OnOff, meta: "on|off", help: "reorder the Ethernet header", supported: true },
    Keyword { names: &[p("gvrp")], value: Value::OnOff, meta: "on|off", help: "register with GVRP", supported: true },
    Keyword { names: &[p("mvrp")], value: Value::OnOff, meta: "on|off", help: "register with MVRP", supported: true },
    Keyword { names: &[p("loose_binding")], value: Value::OnOff, meta: "on|off", help: "do not follow the lower device's state", supported: true },
    Keyword { names: &[p("bridge_binding")], value: Value::OnOff, meta: "on|off", help: "follow the state of bridge ports in the VLAN", supported: true },
    Keyword { names: &[p("ingress-qos-map")], value: Value::Text, meta: "FROM:TO…", help: "map VLAN priority to skb priority", supported: true },
    Keyword { names: &[p("egress-qos-map")], value: Value::Text, meta: "FROM:TO…", help: "map skb priority to VLAN priority", supported: true },
    Keyword { names: &[p("help")], value: Value::Flag, meta: "", help: "show these options", supported: true },
];

pub const KIND: Kind = Kind {
    name: "vlan",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Needs `link DEV`; the id is required.",
};

fn flag_bit(name: &str) -> u32 {
    match name {
        "reorder_hdr" => 0x1,
        "gvrp" => 0x2,
        "loose_binding" => 0x4,
        "mvrp" => 0x8,
        _ => 0x10,
    }
}

/// `FROM:TO` words from `args[*i]` on; stops at the first word without a
/// colon (left for the caller). On a bad number, iproute2 names the part
/// before ':'.
fn qos_map(args: &[String], i: &mut usize, what: &str) -> Result<Vec<(u32, u32)>> {
    let mut maps = Vec::new();
    while let Some(word) = args.get(*i) {
        let Some((from, to)) = word.split_once(':') else { break };
        let (Some(from), Some(to)) = (get_u32(from, 0), get_u32(to, 0)) else {
            return Err(invarg(what, from));
        };
        maps.push((from, to));
        *i += 1;
    }
    Ok(maps)
}

fn parse(_env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let (mut flags, mut mask) = (0u32, 0u32);
    let mut i = 0;
    // NEXT_ARG over an index, since a qos map may leave a word unread.
    let next = |i: &mut usize| -> Result<&str> {
        *i += 1;
        args.get(*i).map(String::as_str).ok_or_else(incomplete)
    };
    while let Some(word) = args.get(i).map(String::as_str) {
        let Some(k) = lookup(word, KEYWORDS) else {
            return Err(unknown_word("vlan", Some(format!("vlan: unknown command \"{word}\"?"))));
        };
        match k.names[0].text {
            "protocol" => {
                let v = next(&mut i)?;
                let proto = super::ll_proto_a2n(v).ok_or_else(|| invarg("protocol is invalid", v))?;
                out.be16(PROTOCOL, proto);
            }
            "id" => {
                let v = next(&mut i)?;
                out.u16(ID, get_u16(v, 0).ok_or_else(|| invarg("id is invalid", v))?);
            }
            name @ ("reorder_hdr" | "gvrp" | "mvrp" | "loose_binding" | "bridge_binding") => {
                let v = next(&mut i)?;
                let bit = flag_bit(name);
                mask |= bit;
                match v {
                    "on" => flags |= bit,
                    "off" => flags &= !bit,
                    _ => return Err(on_off_error(name, v)),
                }
            }
            name @ ("ingress-qos-map" | "egress-qos-map") => {
                next(&mut i)?;
                let maps = qos_map(args, &mut i, &format!("invalid {name}"))?;
                out.nest(if name == "ingress-qos-map" { INGRESS_QOS } else { EGRESS_QOS }, |n| {
                    for (from, to) in maps {
                        let mut m = from.to_ne_bytes().to_vec();
                        m.extend_from_slice(&to.to_ne_bytes());
                        n.put(QOS_MAPPING, &m);
                    }
                });
                continue;
            }
            "help" => return Err(super::help("vlan", 1, false)),
            _ => return Err(unknown_word("vlan", None)),
        }
        i += 1;
    }
    if mask != 0 {
        let mut b = flags.to_ne_bytes().to_vec();
        b.extend_from_slice(&mask.to_ne_bytes());
        out.put(FLAGS, &b);
    }
    Ok(out.finish()?)
}

fn print_map(s: &mut Dyn<'_>, key: &str, word: &str, b: &[u8]) -> io::Result<()> {
    s.open_array(Out::Json, Some(key), "")?;
    s.nl()?;
    s.string_c(Out::Text, Color::None, None, "      {} { ", word)?;
    for entry in Attrs::new(b).iter() {
        let v = entry.payload;
        if v.len() >= 8 {
            let from = u32::from_ne_bytes([v[0], v[1], v[2], v[3]]);
            let to = u32::from_ne_bytes([v[4], v[5], v[6], v[7]]);
            if s.is_json() {
                s.open_object(None)?;
                s.number_c(Out::Json, Color::None, Some("from"), "", from)?;
                s.number_c(Out::Json, Color::None, Some("to"), "", to)?;
                s.close_object()?;
            } else {
                s.string_c(Out::Text, Color::None, None, "{}", &format!("{from}:{to} "))?;
            }
        }
    }
    s.close_array(Out::Json, "")?;
    s.string_c(Out::Text, Color::None, None, "{} ", "}")
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, opts: &Options, _links: &Links) -> io::Result<()> {
    if tb.get(PROTOCOL).is_some_and(|b| b.len() < 2) {
        return Ok(());
    }
    let Some(id) = tb.u16(ID) else { return Ok(()) };
    match tb.be16(PROTOCOL) {
        Some(proto) => s.string_c(Out::Any, Color::None, Some("protocol"), "protocol {} ", &super::ll_proto_n2a(proto, opts.numeric))?,
        None => s.string_c(Out::Any, Color::None, Some("protocol"), "protocol {} ", "802.1q")?,
    }
    s.number_c(Out::Any, Color::None, Some("id"), "id {} ", id)?;
    if let Some(b) = tb.get(FLAGS) {
        if b.len() < 8 {
            return Ok(());
        }
        let mut flags = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
        let json = s.is_json();
        s.open_array(Out::Any, Some(if json { "flags" } else { "<" }), "<")?;
        for (bit, name) in FLAG_NAMES {
            if flags & bit != 0 {
                flags &= !bit;
                s.string_c(Out::Any, Color::None, None, if flags != 0 { "{}," } else { "{}" }, name)?;
            }
        }
        if flags != 0 {
            s.string_c(Out::Any, Color::None, None, "{}", &format!("{flags:x}"))?;
        }
        s.close_array(Out::Any, "> ")?;
    }
    if let Some(b) = tb.get(INGRESS_QOS) {
        print_map(s, "ingress_qos", "ingress-qos-map", b)?;
    }
    if let Some(b) = tb.get(EGRESS_QOS) {
        print_map(s, "egress_qos", "egress-qos-map", b)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render};
    use super::*;

    #[test]
    fn request_attributes() {
        let data = parse_kind(&KIND, "id 100 protocol 802.1ad gvrp on reorder_hdr off", &[]).unwrap();
        let attrs = raw_attrs(&data);
        assert_eq!(attrs[0], (ID, 100u16.to_ne_bytes().to_vec()));
        assert_eq!(attrs[1], (PROTOCOL, vec![0x88, 0xa8]));
        let mut flags = 2u32.to_ne_bytes().to_vec();
        flags.extend_from_slice(&3u32.to_ne_bytes());
        assert_eq!(attrs[2], (FLAGS, flags));
    }

    #[test]
    fn qos_maps_stop_at_a_keyword() {
        let data = parse_kind(&KIND, "egress-qos-map 1:2 3:4 id 5", &[]).unwrap();
        let attrs = raw_attrs(&data);
        let map = |from: u32, to: u32| [from.to_ne_bytes(), to.to_ne_bytes()].concat();
        let maps: Vec<(u16, Vec<u8>)> = raw_attrs(&attrs[0].1);
        assert_eq!((attrs[0].0, maps), (EGRESS_QOS, vec![(QOS_MAPPING, map(1, 2)), (QOS_MAPPING, map(3, 4))]));
        assert_eq!(attrs[1], (ID, 5u16.to_ne_bytes().to_vec()));
        let e = parse_kind(&KIND, "ingress-qos-map x:1", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: argument \"x\" is wrong: invalid ingress-qos-map");
    }

    #[test]
    fn errors() {
        let e = parse_kind(&KIND, "gvrp maybe", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: argument of \"gvrp\" must be \"on\" or \"off\", not \"maybe\"");
        let e = parse_kind(&KIND, "id 70000", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: argument \"70000\" is wrong: id is invalid");
    }

    #[test]
    fn prints_flags_and_protocol() {
        let data = parse_kind(&KIND, "id 7 protocol 802.1Q gvrp on reorder_hdr on", &[]).unwrap();
        assert_eq!(render("vlan", &data, false), "protocol 802.1Q id 7 <REORDER_HDR,GVRP> ");
        let json = render("vlan", &data, true);
        assert!(json.contains("\"flags\":[\"REORDER_HDR\",\"GVRP\"]"), "{json}");
    }
}
