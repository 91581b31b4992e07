//! `bond_slave`: a bonding port (iproute2's iplink_bond_slave.c): the
//! options of `link set DEV type bond_slave …`, and the `-d` fields of its
//! IFLA_INFO_SLAVE_DATA. This kernel lacks bonding; the device is tested in
//! a VM.

use std::io;


use super::{unknown_word, Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::{get_integer, get_u16};
use crate::names::links::Links;
use crate::print::addr::Mac;
use crate::print::{Color, Dyn, Out};

// IFLA_BOND_SLAVE_* (linux/if_link.h)
const STATE: u16 = 1;
const MII_STATUS: u16 = 2;
const LINK_FAILURE_COUNT: u16 = 3;
const PERM_HWADDR: u16 = 4;
const QUEUE_ID: u16 = 5;
const AD_AGGREGATOR_ID: u16 = 6;
const AD_ACTOR_OPER_PORT_STATE: u16 = 7;
const AD_PARTNER_OPER_PORT_STATE: u16 = 8;
const PRIO: u16 = 9;

/// BOND_STATE_* names, by value.
const STATES: &[&str] = &["ACTIVE", "BACKUP"];
/// BOND_LINK_* names, by value.
const MII_STATUSES: &[&str] = &["UP", "GOING_DOWN", "DOWN", "GOING_BACK"];
/// LACP_STATE_* bits in iproute2's printing order.
const LACP_STATES: &[(u16, &str)] = &[
    (0x1, "active"),
    (0x2, "short_timeout"),
    (0x4, "aggregating"),
    (0x8, "in_sync"),
    (0x10, "collecting"),
    (0x20, "distributing"),
    (0x40, "defaulted"),
    (0x80, "expired"),
];

/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = &[
    Keyword { names: &[p("queue_id")], value: Value::Number, meta: "ID", help: "the transmit queue this port is mapped to", supported: true },
    Keyword { names: &[x("prio")], value: Value::Number, meta: "PRIO", help: "priority when choosing the active port", supported: true },
    Keyword { names: &[p("help")], value: Value::Flag, meta: "", help: "show these options", supported: true },
];

pub const KIND: Kind = Kind {
    name: "bond_slave",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Options of a bonding port: `link set DEV type bond_slave …`.",
};

fn parse(_env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        match lookup(word, KEYWORDS).map(|k| k.names[0].text) {
            Some("queue_id") => {
                let v = w.value()?;
                let id = get_u16(v, 0).ok_or_else(|| invarg("queue_id is invalid", v))?;
                out.u16(QUEUE_ID, id);
            }
            Some("prio") => {
                let v = w.value()?;
                let prio = get_integer(v, 0).ok_or_else(|| invarg("prio is invalid", v))?;
                out.put(PRIO, &prio.to_ne_bytes());
            }
            Some("help") => return Err(super::help("bond_slave", 1, false)),
            _ => return Err(unknown_word("bond_slave", Some(format!("bond_slave: unknown option \"{word}\"?")))),
        }
    }
    Ok(out.finish()?)
}

/// A state printed by name, or by number under `{key}_index`.
fn named(s: &mut Dyn<'_>, key: &str, names: &[&str], v: u8) -> io::Result<()> {
    match names.get(usize::from(v)) {
        Some(name) => s.string_c(Out::Any, Color::None, Some(key), &format!("{key} {{}} "), name),
        None => s.number_c(Out::Any, Color::None, Some(&format!("{key}_index")), &format!("{key} {{}} "), v),
    }
}

/// An LACP port state: the number, then its bits by name
/// (`KEY_str <a,b> `).
fn lacp_state(s: &mut Dyn<'_>, key: &str, state: u8) -> io::Result<()> {
    s.number_c(Out::Any, Color::None, Some(key), &format!("{key} {{}} "), state)?;
    // open_json_array(PRINT_ANY, …) writes the array's name in text too.
    let name = format!("{key}_str");
    s.open_array(Out::Any, Some(&name), &name)?;
    s.string_c(Out::Text, Color::None, None, "{}", " <")?;
    let mut rest = u16::from(state);
    for (bit, name) in LACP_STATES {
        if rest & bit != 0 {
            rest &= !bit;
            s.string_c(Out::Any, Color::None, None, if rest != 0 { "{}," } else { "{}" }, name)?;
        }
    }
    s.close_array(Out::Any, "> ")
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, _links: &Links) -> io::Result<()> {
    if let Some(v) = tb.u8(STATE) {
        named(s, "state", STATES, v)?;
    }
    if let Some(v) = tb.u8(MII_STATUS) {
        named(s, "mii_status", MII_STATUSES, v)?;
    }
    if let Some(v) = tb.u32(LINK_FAILURE_COUNT) {
        // print_int of a u32: C's %d shows values above i32::MAX negative.
        s.number_c(Out::Any, Color::None, Some("link_failure_count"), "link_failure_count {} ", v as i32)?;
    }
    if let Some(addr) = tb.get(PERM_HWADDR) {
        s.string_c(Out::Any, Color::None, Some("perm_hwaddr"), "perm_hwaddr {} ", &Mac(addr).to_string())?;
    }
    if let Some(v) = tb.u16(QUEUE_ID) {
        s.number_c(Out::Any, Color::None, Some("queue_id"), "queue_id {} ", v)?;
    }
    if let Some(v) = tb.u32(PRIO) {
        s.number_c(Out::Any, Color::None, Some("prio"), "prio {} ", v as i32)?;
    }
    if let Some(v) = tb.u16(AD_AGGREGATOR_ID) {
        s.number_c(Out::Any, Color::None, Some("ad_aggregator_id"), "ad_aggregator_id {} ", v)?;
    }
    if let Some(v) = tb.u8(AD_ACTOR_OPER_PORT_STATE) {
        lacp_state(s, "ad_actor_oper_port_state", v)?;
    }
    if let Some(v) = tb.u8(AD_PARTNER_OPER_PORT_STATE) {
        lacp_state(s, "ad_partner_oper_port_state", v)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render_port};
    use super::*;
    use netlink_packet_core::{DefaultNla, Emitable};
    use netlink_packet_route::link::InfoData;

    #[test]
    fn options() {
        let attrs = raw_attrs(&parse_kind(&KIND, "queue 3 prio -5", &[]).unwrap());
        assert_eq!(attrs, vec![(QUEUE_ID, 3u16.to_ne_bytes().to_vec()), (PRIO, (-5i32).to_ne_bytes().to_vec())]);
        // `prio` is exact in iproute2: "pri" is unknown.
        let e = parse_kind(&KIND, "pri 1", &[]).unwrap_err();
        assert_eq!(e.to_string(), "bond_slave: unknown option \"pri\"?");
        let e = parse_kind(&KIND, "queue_id 65536", &[]).unwrap_err();
        assert_eq!((e.to_string().as_str(), e.exit_code()), ("Error: argument \"65536\" is wrong: queue_id is invalid", 255));
    }

    #[test]
    fn prints_states_and_lacp_bits() {
        let tb: Vec<DefaultNla> = vec![
            DefaultNla::new(STATE, vec![1]),
            DefaultNla::new(MII_STATUS, vec![9]),
            DefaultNla::new(PERM_HWADDR, vec![2, 0, 0, 0, 0, 0xa]),
            DefaultNla::new(AD_ACTOR_OPER_PORT_STATE, vec![0x45]),
        ];
        let mut bytes = vec![0u8; tb.as_slice().buffer_len()];
        tb.as_slice().emit(&mut bytes);
        let data = InfoData::Other(bytes);
        assert_eq!(
            render_port("bond", &data, false),
            "state BACKUP mii_status 9 perm_hwaddr 02:00:00:00:00:0a ad_actor_oper_port_state 69 ad_actor_oper_port_state_str <active,aggregating,defaulted> "
        );
        let json = render_port("bond", &data, true);
        assert!(json.contains("\"mii_status_index\":9"), "{json}");
        assert!(json.contains("\"ad_actor_oper_port_state_str\":[\"active\",\"aggregating\",\"defaulted\"]"), "{json}");
    }
}
