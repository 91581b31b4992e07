//! `bridge_slave`: a bridge port (iproute2's iplink_bridge_slave.c): the
//! options of `link set DEV type bridge_slave …`, and the `-d` fields of
//! its IFLA_INFO_SLAVE_DATA (`bridge_slave …`, JSON `info_slave_data`).

use std::io;


use super::bridge::{bridge_id, timer};
use super::{parse_on_off, unknown_word, Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::{get_u16, get_u32, get_u8};
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

// IFLA_BRPORT_* (linux/if_link.h)
const STATE: u16 = 1;
const PRIORITY: u16 = 2;
const COST: u16 = 3;
const MODE: u16 = 4;
const GUARD: u16 = 5;
const PROTECT: u16 = 6;
const FAST_LEAVE: u16 = 7;
const LEARNING: u16 = 8;
const UNICAST_FLOOD: u16 = 9;
const PROXYARP: u16 = 10;
const PROXYARP_WIFI: u16 = 12;
const ROOT_ID: u16 = 13;
const BRIDGE_ID: u16 = 14;
const DESIGNATED_PORT: u16 = 15;
const DESIGNATED_COST: u16 = 16;
const ID: u16 = 17;
const NO: u16 = 18;
const TOPOLOGY_CHANGE_ACK: u16 = 19;
const CONFIG_PENDING: u16 = 20;
const MESSAGE_AGE_TIMER: u16 = 21;
const FORWARD_DELAY_TIMER: u16 = 22;
const HOLD_TIMER: u16 = 23;
const FLUSH: u16 = 24;
const MULTICAST_ROUTER: u16 = 25;
const MCAST_FLOOD: u16 = 27;
const MCAST_TO_UCAST: u16 = 28;
const VLAN_TUNNEL: u16 = 29;
const BCAST_FLOOD: u16 = 30;
const GROUP_FWD_MASK: u16 = 31;
const NEIGH_SUPPRESS: u16 = 32;
const ISOLATED: u16 = 33;
const BACKUP_PORT: u16 = 34;
const LOCKED: u16 = 39;

/// BR_STATE_* names, by value.
const PORT_STATES: &[&str] = &["disabled", "listening", "learning", "forwarding", "blocking"];

/// An `on|off` keyword.
macro_rules! on_off {
    ($name:literal, $help:literal) => {
        Keyword { names: &[p($name)], value: Value::OnOff, meta: "on|off", help: $help, supported: true }
    };
}

/// In iproute2's test order (first match wins).
pub const KEYWORDS: &[Keyword] = &[
    Keyword { names: &[p("fdb_flush")], value: Value::Flag, meta: "", help: "flush the port's forwarding entries", supported: true },
    Keyword { names: &[p("state")], value: Value::Number, meta: "STATE", help: "0 disabled, 1 listening, 2 learning, 3 forwarding, 4 blocking", supported: true },
    Keyword { names: &[p("priority")], value: Value::Number, meta: "PRIO", help: "STP port priority", supported: true },
    Keyword { names: &[p("cost")], value: Value::Number, meta: "COST", help: "STP path cost", supported: true },
    on_off!("hairpin", "send frames back out of the port they came in on"),
    on_off!("guard", "ignore STP BPDUs received on the port"),
    on_off!("root_block", "never let the port become the root port"),
    on_off!("fastleave", "leave a multicast group at once on IGMP/MLD leave"),
    on_off!("learning", "learn source addresses"),
    on_off!("flood", "flood unknown unicast"),
    on_off!("mcast_flood", "flood unknown multicast"),
    on_off!("bcast_flood", "flood broadcast"),
    on_off!("mcast_to_unicast", "send multicast as unicast to each member"),
    on_off!("proxy_arp", "answer ARP for known neighbours"),
    on_off!("proxy_arp_wifi", "proxy ARP for wireless clients"),
    Keyword { names: &[p("mcast_router")], value: Value::Number, meta: "0-3", help: "multicast router port mode", supported: true },
    on_off!("mcast_fast_leave", "the same as fastleave"),
    on_off!("neigh_suppress", "suppress ARP/ND for known neighbours"),
    Keyword { names: &[p("group_fwd_mask")], value: Value::Number, meta: "MASK", help: "link-local groups to forward", supported: true },
    on_off!("vlan_tunnel", "map VLANs to tunnel ids"),
    on_off!("isolated", "talk only to non-isolated ports"),
    on_off!("locked", "forward only from known addresses"),
    Keyword { names: &[p("backup_port")], value: Value::Ifname, meta: "DEV", help: "port taking over when this one fails", supported: true },
    Keyword { names: &[p("nobackup_port")], value: Value::Flag, meta: "", help: "remove the backup port", supported: true },
    Keyword { names: &[p("help")], value: Value::Flag, meta: "", help: "show these options", supported: true },
];

pub const KIND: Kind = Kind {
    name: "bridge_slave",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Options of a bridge port: `link set DEV type bridge_slave …`.",
};

/// The attribute an on/off keyword sets.
fn on_off_attr(name: &str) -> Option<u16> {
    Some(match name {
        "hairpin" => MODE,
        "guard" => GUARD,
        "root_block" => PROTECT,
        "fastleave" | "mcast_fast_leave" => FAST_LEAVE,
        "learning" => LEARNING,
        "flood" => UNICAST_FLOOD,
        "mcast_flood" => MCAST_FLOOD,
        "bcast_flood" => BCAST_FLOOD,
        "mcast_to_unicast" => MCAST_TO_UCAST,
        "proxy_arp" => PROXYARP,
        "proxy_arp_wifi" => PROXYARP_WIFI,
        "neigh_suppress" => NEIGH_SUPPRESS,
        "vlan_tunnel" => VLAN_TUNNEL,
        "isolated" => ISOLATED,
        "locked" => LOCKED,
        _ => return None,
    })
}

fn parse(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let Some(k) = lookup(word, KEYWORDS) else {
            return Err(unknown_word("bridge_slave", Some(format!("bridge_slave: unknown option \"{word}\"?"))));
        };
        let name = k.names[0].text;
        match name {
            "fdb_flush" => {
                out.flag(FLUSH);
            }
            "state" => {
                let v = w.value()?;
                out.u8(STATE, get_u8(v, 0).ok_or_else(|| invarg("state is invalid", v))?);
            }
            "priority" => {
                let v = w.value()?;
                out.u16(PRIORITY, get_u16(v, 0).ok_or_else(|| invarg("priority is invalid", v))?);
            }
            "cost" => {
                let v = w.value()?;
                out.u32(COST, get_u32(v, 0).ok_or_else(|| invarg("cost is invalid", v))?);
            }
            "mcast_router" => {
                let v = w.value()?;
                out.u8(MULTICAST_ROUTER, get_u8(v, 0).ok_or_else(|| invarg("invalid mcast_router", v))?);
            }
            "group_fwd_mask" => {
                let v = w.value()?;
                out.u16(GROUP_FWD_MASK, get_u16(v, 0).ok_or_else(|| invarg("invalid group_fwd_mask", v))?);
            }
            "backup_port" => {
                let v = w.value()?;
                let index = env.lookup.index(v);
                if index == 0 {
                    // iproute2's message has its own newline, hence the empty line.
                    return Err(invarg("Device does not exist\n", v));
                }
                out.u32(BACKUP_PORT, index);
            }
            "nobackup_port" => {
                out.u32(BACKUP_PORT, 0);
            }
            "help" => return Err(super::help("bridge_slave", 1, false)),
            _ => {
                let Some(t) = on_off_attr(name) else {
                    return Err(unknown_word("bridge_slave", Some(format!("bridge_slave: unknown option \"{word}\"?"))));
                };
                let v = w.value()?;
                out.u8(t, u8::from(parse_on_off(name, v)?));
            }
        }
    }
    Ok(out.finish()?)
}

/// `_bitmask2str` with the names of the link-local groups iproute2 knows.
fn fwd_mask_names(mask: u16) -> String {
    let names: Vec<String> = (0..16)
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| match i {
            0 => "stp".to_string(),
            2 => "lacp".to_string(),
            14 => "lldp".to_string(),
            _ => format!("{:#x}", 1u32 << i),
        })
        .collect();
    if names.is_empty() {
        "0x0".to_string()
    } else {
        names.join(",")
    }
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, links: &Links) -> io::Result<()> {
    let num = |s: &mut Dyn<'_>, key: &str, fmt: &str, v: Option<u64>| match v {
        Some(v) => s.number_c(Out::Any, Color::None, Some(key), fmt, v),
        None => Ok(()),
    };
    let flag = |s: &mut Dyn<'_>, key: &str, fmt: &str, attr: u16| match tb.u8(attr) {
        Some(v) => s.on_off(Out::Any, key, fmt, v != 0),
        None => Ok(()),
    };
    if let Some(state) = tb.u8(STATE) {
        match PORT_STATES.get(usize::from(state)) {
            Some(name) => s.string_c(Out::Any, Color::None, Some("state"), "state {} ", name)?,
            None => s.number_c(Out::Any, Color::None, Some("state_index"), "state ({}) ", state)?,
        }
    }
    num(s, "priority", "priority {} ", tb.u16(PRIORITY).map(u64::from))?;
    num(s, "cost", "cost {} ", tb.u32(COST).map(u64::from))?;
    flag(s, "hairpin", "hairpin {} ", MODE)?;
    flag(s, "guard", "guard {} ", GUARD)?;
    flag(s, "root_block", "root_block {} ", PROTECT)?;
    flag(s, "fastleave", "fastleave {} ", FAST_LEAVE)?;
    flag(s, "learning", "learning {} ", LEARNING)?;
    flag(s, "flood", "flood {} ", UNICAST_FLOOD)?;
    if let Some(id) = tb.u16(ID) {
        s.hex0x(Out::Any, "id", "port_id {} ", u64::from(id))?;
    }
    if let Some(no) = tb.u16(NO) {
        s.hex0x(Out::Any, "no", "port_no {} ", u64::from(no))?;
    }
    num(s, "designated_port", "designated_port {} ", tb.u16(DESIGNATED_PORT).map(u64::from))?;
    num(s, "designated_cost", "designated_cost {} ", tb.u16(DESIGNATED_COST).map(u64::from))?;
    if let Some(id) = tb.get(BRIDGE_ID) {
        s.string_c(Out::Any, Color::None, Some("bridge_id"), "designated_bridge {} ", &bridge_id(id))?;
    }
    if let Some(id) = tb.get(ROOT_ID) {
        s.string_c(Out::Any, Color::None, Some("root_id"), "designated_root {} ", &bridge_id(id))?;
    }
    for (attr, name) in [(HOLD_TIMER, "hold_timer"), (MESSAGE_AGE_TIMER, "message_age_timer"), (FORWARD_DELAY_TIMER, "forward_delay_timer")] {
        if let Some(j) = tb.u64(attr) {
            timer(s, name, j)?;
        }
    }
    num(s, "topology_change_ack", "topology_change_ack {} ", tb.u8(TOPOLOGY_CHANGE_ACK).map(u64::from))?;
    num(s, "config_pending", "config_pending {} ", tb.u8(CONFIG_PENDING).map(u64::from))?;
    flag(s, "proxy_arp", "proxy_arp {} ", PROXYARP)?;
    flag(s, "proxy_arp_wifi", "proxy_arp_wifi {} ", PROXYARP_WIFI)?;
    num(s, "multicast_router", "mcast_router {} ", tb.u8(MULTICAST_ROUTER).map(u64::from))?;
    if let Some(v) = tb.u8(FAST_LEAVE) {
        // Text only: JSON has it as "fastleave" already.
        s.string_c(Out::Text, Color::None, None, "mcast_fast_leave {} ", if v != 0 { "on" } else { "off" })?;
    }
    flag(s, "mcast_flood", "mcast_flood {} ", MCAST_FLOOD)?;
    flag(s, "bcast_flood", "bcast_flood {} ", BCAST_FLOOD)?;
    flag(s, "mcast_to_unicast", "mcast_to_unicast {} ", MCAST_TO_UCAST)?;
    flag(s, "neigh_suppress", "neigh_suppress {} ", NEIGH_SUPPRESS)?;
    if let Some(mask) = tb.u16(GROUP_FWD_MASK) {
        s.hex0x(Out::Any, "group_fwd_mask", "group_fwd_mask {} ", u64::from(mask))?;
        s.string_c(Out::Any, Color::None, Some("group_fwd_mask_str"), "group_fwd_mask_str {} ", &fwd_mask_names(mask))?;
    }
    flag(s, "vlan_tunnel", "vlan_tunnel {} ", VLAN_TUNNEL)?;
    flag(s, "isolated", "isolated {} ", ISOLATED)?;
    flag(s, "locked", "locked {} ", LOCKED)?;
    if let Some(index) = tb.u32(BACKUP_PORT) {
        s.str_bytes("backup_port", "backup_port {} ", links.name(index).as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render_port};
    use super::*;

    #[test]
    fn every_keyword_is_handled() {
        let special = [
            "fdb_flush", "state", "priority", "cost", "mcast_router", "group_fwd_mask", "backup_port", "nobackup_port", "help",
        ];
        for k in KEYWORDS {
            let name = k.names[0].text;
            assert!(special.contains(&name) || on_off_attr(name).is_some(), "{name}");
        }
    }

    #[test]
    fn options_become_attributes() {
        let data = parse_kind(&KIND, "state 3 pri 7 cost 100 hairpin on mcast_fast_leave o fdb_flush backup_port v1", &[("v1", 9)]).unwrap();
        let attrs = raw_attrs(&data);
        assert_eq!(attrs[0], (STATE, vec![3]));
        assert_eq!(attrs[1], (PRIORITY, 7u16.to_ne_bytes().to_vec()));
        assert_eq!(attrs[2], (COST, 100u32.to_ne_bytes().to_vec()));
        assert_eq!(attrs[3], (MODE, vec![1]));
        assert_eq!(attrs[4], (FAST_LEAVE, vec![0]));
        assert_eq!(attrs[5], (FLUSH, vec![]));
        assert_eq!(attrs[6], (BACKUP_PORT, 9u32.to_ne_bytes().to_vec()));
    }

    #[test]
    fn prefixes_follow_iproute2_order() {
        // "p" is priority, "proxy_arp" is not proxy_arp_wifi, "f" is fdb_flush.
        let attrs = raw_attrs(&parse_kind(&KIND, "p 1 proxy_arp on proxy_arp_w off f", &[]).unwrap());
        let types: Vec<u16> = attrs.iter().map(|a| a.0).collect();
        assert_eq!(types, vec![PRIORITY, PROXYARP, PROXYARP_WIFI, FLUSH]);
    }

    #[test]
    fn errors() {
        let e = parse_kind(&KIND, "state 256", &[]).unwrap_err();
        assert_eq!((e.to_string().as_str(), e.exit_code()), ("Error: argument \"256\" is wrong: state is invalid", 255));
        let e = parse_kind(&KIND, "learning yes", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: argument of \"learning\" must be one of \"off\", \"on\", not \"yes\"");
        assert!(e.aborts());
        let e = parse_kind(&KIND, "backup_port nosuch", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: argument \"nosuch\" is wrong: Device does not exist\n");
        let e = parse_kind(&KIND, "bogus", &[]).unwrap_err();
        assert_eq!(e.to_string(), "bridge_slave: unknown option \"bogus\"?");
        assert_eq!(e.exit_code(), 1);
        assert_eq!(parse_kind(&KIND, "cost", &[]).unwrap_err().exit_code(), 255);
    }

    #[test]
    fn group_fwd_mask_names() {
        assert_eq!(fwd_mask_names(0), "0x0");
        assert_eq!(fwd_mask_names(0x4005), "stp,lacp,lldp");
        assert_eq!(fwd_mask_names(0x8002), "0x2,0x8000");
    }

    #[test]
    fn prints_iproute2_fields() {
        let data = parse_kind(&KIND, "state 7 priority 32 fastleave on group_fwd_mask 6", &[]).unwrap();
        assert_eq!(
            render_port("bridge", &data, false),
            "state (7) priority 32 fastleave on mcast_fast_leave on group_fwd_mask 0x6 group_fwd_mask_str 0x2,lacp "
        );
        let json = render_port("bridge", &data, true);
        assert_eq!(
            json,
            "{\"info_slave_data\":{\"state_index\":7,\"priority\":32,\"fastleave\":true,\"group_fwd_mask\":\"0x6\",\"group_fwd_mask_str\":\"0x2,lacp\"}}"
        );
    }
}
