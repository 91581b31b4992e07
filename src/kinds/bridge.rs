//! `bridge`: an Ethernet bridge (iproute2's iplink_bridge.c): the options
//! `link add|set … type bridge` takes, and the `-d` fields of its data.

use std::io;

use super::{unknown_word, Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, Error, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::{get_u16, get_u32, get_u64, get_u8};
use crate::names::links::Links;
use crate::print::addr::Mac;
use crate::print::{Color, Dyn, Out};

// IFLA_BR_* (linux/if_link.h)
const FORWARD_DELAY: u16 = 1;
const HELLO_TIME: u16 = 2;
const MAX_AGE: u16 = 3;
const AGEING_TIME: u16 = 4;
const STP_STATE: u16 = 5;
const PRIORITY: u16 = 6;
const VLAN_FILTERING: u16 = 7;
const VLAN_PROTOCOL: u16 = 8;
const GROUP_FWD_MASK: u16 = 9;
const ROOT_ID: u16 = 10;
const BRIDGE_ID: u16 = 11;
const ROOT_PORT: u16 = 12;
const ROOT_PATH_COST: u16 = 13;
const TOPOLOGY_CHANGE: u16 = 14;
const TOPOLOGY_CHANGE_DETECTED: u16 = 15;
const HELLO_TIMER: u16 = 16;
const TCN_TIMER: u16 = 17;
const TOPOLOGY_CHANGE_TIMER: u16 = 18;
const GC_TIMER: u16 = 19;
const GROUP_ADDR: u16 = 20;
const FDB_FLUSH: u16 = 21;
const MCAST_ROUTER: u16 = 22;
const MCAST_SNOOPING: u16 = 23;
const MCAST_QUERY_USE_IFADDR: u16 = 24;
const MCAST_QUERIER: u16 = 25;
const MCAST_HASH_ELASTICITY: u16 = 26;
const MCAST_HASH_MAX: u16 = 27;
const MCAST_LAST_MEMBER_CNT: u16 = 28;
const MCAST_STARTUP_QUERY_CNT: u16 = 29;
const MCAST_LAST_MEMBER_INTVL: u16 = 30;
const MCAST_MEMBERSHIP_INTVL: u16 = 31;
const MCAST_QUERIER_INTVL: u16 = 32;
const MCAST_QUERY_INTVL: u16 = 33;
const MCAST_QUERY_RESPONSE_INTVL: u16 = 34;
const MCAST_STARTUP_QUERY_INTVL: u16 = 35;
const NF_CALL_IPTABLES: u16 = 36;
const NF_CALL_IP6TABLES: u16 = 37;
const NF_CALL_ARPTABLES: u16 = 38;
const VLAN_DEFAULT_PVID: u16 = 39;
const VLAN_STATS_ENABLED: u16 = 41;
const MCAST_STATS_ENABLED: u16 = 42;
const MCAST_IGMP_VERSION: u16 = 43;
const MCAST_MLD_VERSION: u16 = 44;
const VLAN_STATS_PER_PORT: u16 = 45;
const MULTI_BOOLOPT: u16 = 46;

// BR_BOOLOPT_* bits of IFLA_BR_MULTI_BOOLOPT
const NO_LL_LEARN_BIT: u32 = 1 << 0;
const MCAST_VLAN_SNOOPING_BIT: u32 = 1 << 1;

const fn kw(names: &'static [crate::cli::grammar::Word], meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value: Value::Number, meta, help, supported: true }
}

/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = &[
    kw(&[p("forward_delay")], "DELAY", "STP forward delay, in centiseconds"),
    kw(&[p("hello_time")], "TIME", "STP hello time, in centiseconds"),
    kw(&[p("max_age")], "AGE", "STP max message age, in centiseconds"),
    kw(&[p("ageing_time")], "TIME", "how long learned addresses stay, in centiseconds"),
    kw(&[p("stp_state")], "STATE", "0: no STP, 1: kernel STP, 2: user-space STP"),
    kw(&[p("priority")], "PRIO", "bridge priority for STP"),
    kw(&[p("vlan_filtering")], "0|1", "filter by VLAN"),
    Keyword { names: &[p("vlan_protocol")], value: Value::Choice(&["802.1Q", "802.1ad"]), meta: "PROTO", help: "VLAN protocol for filtering", supported: true },
    kw(&[p("group_fwd_mask")], "MASK", "link-local groups to forward"),
    Keyword { names: &[p("group_address")], value: Value::Lladdr, meta: "LLADDR", help: "STP group address", supported: true },
    kw(&[x("no_linklocal_learn")], "0|1", "do not learn from link-local frames"),
    Keyword { names: &[p("fdb_flush")], value: Value::Flag, meta: "", help: "flush the forwarding database", supported: true },
    kw(&[p("vlan_default_pvid")], "VID", "default port VLAN id"),
    kw(&[p("vlan_stats_enabled")], "0|1", "count per-VLAN statistics"),
    kw(&[p("vlan_stats_per_port")], "0|1", "keep VLAN statistics per port"),
    kw(&[p("mcast_router")], "0-2", "multicast router mode"),
    kw(&[p("mcast_snooping")], "0|1", "IGMP/MLD snooping"),
    kw(&[x("mcast_vlan_snooping")], "0|1", "multicast snooping per VLAN"),
    kw(&[p("mcast_query_use_ifaddr")], "0|1", "source queries from the bridge's address"),
    kw(&[p("mcast_querier")], "0|1", "act as multicast querier"),
    kw(&[p("mcast_hash_elasticity")], "N", "multicast hash chain limit"),
    kw(&[p("mcast_hash_max")], "N", "multicast hash size"),
    kw(&[p("mcast_last_member_count")], "N", "last member query count"),
    kw(&[p("mcast_startup_query_count")], "N", "startup query count"),
    kw(&[p("mcast_last_member_interval")], "CSEC", "last member query interval"),
    kw(&[p("mcast_membership_interval")], "CSEC", "group membership interval"),
    kw(&[p("mcast_querier_interval")], "CSEC", "other querier present interval"),
    kw(&[p("mcast_query_interval")], "CSEC", "general query interval"),
    kw(&[p("mcast_query_response_interval")], "CSEC", "query response interval"),
    kw(&[p("mcast_startup_query_interval")], "CSEC", "startup query interval"),
    kw(&[p("mcast_stats_enabled")], "0|1", "count multicast statistics"),
    kw(&[p("mcast_igmp_version")], "2|3", "IGMP version"),
    kw(&[p("mcast_mld_version")], "1|2", "MLD version"),
    kw(&[p("nf_call_iptables")], "0|1", "pass bridged IPv4 through iptables"),
    kw(&[p("nf_call_ip6tables")], "0|1", "pass bridged IPv6 through ip6tables"),
    kw(&[p("nf_call_arptables")], "0|1", "pass bridged ARP through arptables"),
    Keyword { names: &[p("help")], value: Value::Flag, meta: "", help: "show these options", supported: true },
];

pub const KIND: Kind = Kind {
    name: "bridge",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Times are in centiseconds; 0|1 options are switches.",
};

/// The width of a numeric option's attribute.
#[derive(Clone, Copy)]
enum Width {
    U8,
    U16,
    U32,
    U64,
}

/// The attribute and width of a plain numeric keyword.
fn numeric(name: &str) -> Option<(u16, Width)> {
    use Width::*;
    Some(match name {
        "forward_delay" => (FORWARD_DELAY, U32),
        "hello_time" => (HELLO_TIME, U32),
        "max_age" => (MAX_AGE, U32),
        "ageing_time" => (AGEING_TIME, U32),
        "stp_state" => (STP_STATE, U32),
        "priority" => (PRIORITY, U16),
        "vlan_filtering" => (VLAN_FILTERING, U8),
        "group_fwd_mask" => (GROUP_FWD_MASK, U16),
        "vlan_default_pvid" => (VLAN_DEFAULT_PVID, U16),
        "vlan_stats_enabled" => (VLAN_STATS_ENABLED, U8),
        "vlan_stats_per_port" => (VLAN_STATS_PER_PORT, U8),
        "mcast_router" => (MCAST_ROUTER, U8),
        "mcast_snooping" => (MCAST_SNOOPING, U8),
        "mcast_query_use_ifaddr" => (MCAST_QUERY_USE_IFADDR, U8),
        "mcast_querier" => (MCAST_QUERIER, U8),
        "mcast_hash_elasticity" => (MCAST_HASH_ELASTICITY, U32),
        "mcast_hash_max" => (MCAST_HASH_MAX, U32),
        "mcast_last_member_count" => (MCAST_LAST_MEMBER_CNT, U32),
        "mcast_startup_query_count" => (MCAST_STARTUP_QUERY_CNT, U32),
        "mcast_last_member_interval" => (MCAST_LAST_MEMBER_INTVL, U64),
        "mcast_membership_interval" => (MCAST_MEMBERSHIP_INTVL, U64),
        "mcast_querier_interval" => (MCAST_QUERIER_INTVL, U64),
        "mcast_query_interval" => (MCAST_QUERY_INTVL, U64),
        "mcast_query_response_interval" => (MCAST_QUERY_RESPONSE_INTVL, U64),
        "mcast_startup_query_interval" => (MCAST_STARTUP_QUERY_INTVL, U64),
        "mcast_stats_enabled" => (MCAST_STATS_ENABLED, U8),
        "mcast_igmp_version" => (MCAST_IGMP_VERSION, U8),
        "mcast_mld_version" => (MCAST_MLD_VERSION, U8),
        "nf_call_iptables" => (NF_CALL_IPTABLES, U8),
        "nf_call_ip6tables" => (NF_CALL_IP6TABLES, U8),
        "nf_call_arptables" => (NF_CALL_ARPTABLES, U8),
        _ => return None,
    })
}

fn parse(_env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let (mut optval, mut optmask) = (0u32, 0u32);
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let Some(k) = lookup(word, KEYWORDS) else {
            return Err(unknown_word("bridge", Some(format!("bridge: unknown command \"{word}\"?"))));
        };
        let name = k.names[0].text;
        match name {
            "help" => return Err(super::help("bridge", 1, false)),
            "fdb_flush" => {
                out.flag(FDB_FLUSH);
            }
            "vlan_protocol" => {
                let v = w.value()?;
                let proto = super::ll_proto_a2n(v).ok_or_else(|| invarg("invalid vlan_protocol", v))?;
                out.be16(VLAN_PROTOCOL, proto);
            }
            "group_address" => {
                let v = w.value()?;
                let addr = crate::parse::lladdr(v, 32).map_err(Error::Failure)?;
                out.put(GROUP_ADDR, &addr);
            }
            "no_linklocal_learn" | "mcast_vlan_snooping" => {
                let v = w.value()?;
                let on = get_u8(v, 0).ok_or_else(|| invarg(&format!("invalid {name}"), v))?;
                let bit = if name == "no_linklocal_learn" { NO_LL_LEARN_BIT } else { MCAST_VLAN_SNOOPING_BIT };
                optmask |= bit;
                if on != 0 {
                    optval |= bit;
                } else {
                    optval &= !bit;
                }
            }
            _ => {
                let Some((attr, width)) = numeric(name) else {
                    return Err(unknown_word("bridge", Some(format!("bridge: unknown command \"{word}\"?"))));
                };
                let v = w.value()?;
                let bad = || invarg(&format!("invalid {name}"), v);
                match width {
                    Width::U8 => out.u8(attr, get_u8(v, 0).ok_or_else(bad)?),
                    Width::U16 => out.u16(attr, get_u16(v, 0).ok_or_else(bad)?),
                    Width::U32 => out.u32(attr, get_u32(v, 0).ok_or_else(bad)?),
                    Width::U64 => out.u64(attr, get_u64(v, 0).ok_or_else(bad)?),
                };
            }
        }
    }
    if optmask != 0 {
        let mut b = optval.to_ne_bytes().to_vec();
        b.extend_from_slice(&optmask.to_ne_bytes());
        out.put(MULTI_BOOLOPT, &b);
    }
    Ok(out.finish()?)
}

/// `br_dump_bridge_id`: priority bytes in hex, then the address as glibc's
/// `ether_ntoa` writes it (no zero padding).
pub(super) fn bridge_id(b: &[u8]) -> String {
    let byte = |i: usize| b.get(i).copied().unwrap_or(0);
    let mac: Vec<String> = (2..8).map(|i| format!("{:x}", byte(i))).collect();
    format!("{:02x}{:02x}.{}", byte(0), byte(1), mac.join(":"))
}

/// A timer in hundredths of a second, as `_bridge_print_timer` shows it.
pub(super) fn timer(s: &mut Dyn<'_>, name: &str, jiffies: u64) -> io::Result<()> {
    let usec = jiffies.wrapping_mul(10_000);
    let (sec, hundredths) = ((usec / 1_000_000) as i32, ((usec % 1_000_000) / 10_000) as i32);
    if s.is_json() {
        s.number_c(Out::Json, Color::None, Some(name), "", format_args!("{sec}.{hundredths:02}"))
    } else {
        s.string_c(Out::Text, Color::None, None, "{}", &format!("{name} {sec:4}.{hundredths:02} "))
    }
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, opts: &Options, _links: &Links) -> io::Result<()> {
    let num = |s: &mut Dyn<'_>, key: &str, fmt: &str, v: Option<u64>| match v {
        Some(v) => s.number_c(Out::Any, Color::None, Some(key), fmt, v),
        None => Ok(()),
    };
    num(s, "forward_delay", "forward_delay {} ", tb.u32(FORWARD_DELAY).map(u64::from))?;
    num(s, "hello_time", "hello_time {} ", tb.u32(HELLO_TIME).map(u64::from))?;
    num(s, "max_age", "max_age {} ", tb.u32(MAX_AGE).map(u64::from))?;
    num(s, "ageing_time", "ageing_time {} ", tb.u32(AGEING_TIME).map(u64::from))?;
    num(s, "stp_state", "stp_state {} ", tb.u32(STP_STATE).map(u64::from))?;
    num(s, "priority", "priority {} ", tb.u16(PRIORITY).map(u64::from))?;
    num(s, "vlan_filtering", "vlan_filtering {} ", tb.u8(VLAN_FILTERING).map(u64::from))?;
    if let Some(proto) = tb.be16(VLAN_PROTOCOL) {
        s.string_c(Out::Any, Color::None, Some("vlan_protocol"), "vlan_protocol {} ", &super::ll_proto_n2a(proto, opts.numeric))?;
    }
    if let Some(id) = tb.get(BRIDGE_ID) {
        s.string_c(Out::Any, Color::None, Some("bridge_id"), "bridge_id {} ", &bridge_id(id))?;
    }
    if tb.has(ROOT_ID) {
        // iproute2 prints the bridge id here too (a long-standing quirk).
        let id = tb.get(BRIDGE_ID).unwrap_or(&[]);
        s.string_c(Out::Any, Color::None, Some("root_id"), "designated_root {} ", &bridge_id(id))?;
    }
    num(s, "root_port", "root_port {} ", tb.u16(ROOT_PORT).map(u64::from))?;
    num(s, "root_path_cost", "root_path_cost {} ", tb.u32(ROOT_PATH_COST).map(u64::from))?;
    num(s, "topology_change", "topology_change {} ", tb.u8(TOPOLOGY_CHANGE).map(u64::from))?;
    num(s, "topology_change_detected", "topology_change_detected {} ", tb.u8(TOPOLOGY_CHANGE_DETECTED).map(u64::from))?;
    for (attr, name) in [
        (HELLO_TIMER, "hello_timer"),
        (TCN_TIMER, "tcn_timer"),
        (TOPOLOGY_CHANGE_TIMER, "topology_change_timer"),
        (GC_TIMER, "gc_timer"),
    ] {
        if let Some(j) = tb.u64(attr) {
            timer(s, name, j)?;
        }
    }
    num(s, "vlan_default_pvid", "vlan_default_pvid {} ", tb.u16(VLAN_DEFAULT_PVID).map(u64::from))?;
    num(s, "vlan_stats_enabled", "vlan_stats_enabled {} ", tb.u8(VLAN_STATS_ENABLED).map(u64::from))?;
    num(s, "vlan_stats_per_port", "vlan_stats_per_port {} ", tb.u8(VLAN_STATS_PER_PORT).map(u64::from))?;
    if let Some(mask) = tb.u16(GROUP_FWD_MASK) {
        s.hex0x(Out::Any, "group_fwd_mask", "group_fwd_mask {} ", u64::from(mask))?;
    }
    if let Some(addr) = tb.get(GROUP_ADDR) {
        s.string_c(Out::Any, Color::None, Some("group_addr"), "group_address {} ", &Mac(addr).to_string())?;
    }
    num(s, "mcast_snooping", "mcast_snooping {} ", tb.u8(MCAST_SNOOPING).map(u64::from))?;
    if let Some(b) = tb.get(MULTI_BOOLOPT).filter(|b| b.len() >= 8) {
        let val = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
        let mask = u32::from_ne_bytes([b[4], b[5], b[6], b[7]]);
        if mask & NO_LL_LEARN_BIT != 0 {
            num(s, "no_linklocal_learn", "no_linklocal_learn {} ", Some(u64::from(val & NO_LL_LEARN_BIT != 0)))?;
        }
        if mask & MCAST_VLAN_SNOOPING_BIT != 0 {
            num(s, "mcast_vlan_snooping", "mcast_vlan_snooping {} ", Some(u64::from(val & MCAST_VLAN_SNOOPING_BIT != 0)))?;
        }
    }
    num(s, "mcast_router", "mcast_router {} ", tb.u8(MCAST_ROUTER).map(u64::from))?;
    num(s, "mcast_query_use_ifaddr", "mcast_query_use_ifaddr {} ", tb.u8(MCAST_QUERY_USE_IFADDR).map(u64::from))?;
    num(s, "mcast_querier", "mcast_querier {} ", tb.u8(MCAST_QUERIER).map(u64::from))?;
    num(s, "mcast_hash_elasticity", "mcast_hash_elasticity {} ", tb.u32(MCAST_HASH_ELASTICITY).map(u64::from))?;
    num(s, "mcast_hash_max", "mcast_hash_max {} ", tb.u32(MCAST_HASH_MAX).map(u64::from))?;
    num(s, "mcast_last_member_cnt", "mcast_last_member_count {} ", tb.u32(MCAST_LAST_MEMBER_CNT).map(u64::from))?;
    num(s, "mcast_startup_query_cnt", "mcast_startup_query_count {} ", tb.u32(MCAST_STARTUP_QUERY_CNT).map(u64::from))?;
    num(s, "mcast_last_member_intvl", "mcast_last_member_interval {} ", tb.u64(MCAST_LAST_MEMBER_INTVL))?;
    num(s, "mcast_membership_intvl", "mcast_membership_interval {} ", tb.u64(MCAST_MEMBERSHIP_INTVL))?;
    num(s, "mcast_querier_intvl", "mcast_querier_interval {} ", tb.u64(MCAST_QUERIER_INTVL))?;
    num(s, "mcast_query_intvl", "mcast_query_interval {} ", tb.u64(MCAST_QUERY_INTVL))?;
    num(s, "mcast_query_response_intvl", "mcast_query_response_interval {} ", tb.u64(MCAST_QUERY_RESPONSE_INTVL))?;
    num(s, "mcast_startup_query_intvl", "mcast_startup_query_interval {} ", tb.u64(MCAST_STARTUP_QUERY_INTVL))?;
    num(s, "mcast_stats_enabled", "mcast_stats_enabled {} ", tb.u8(MCAST_STATS_ENABLED).map(u64::from))?;
    num(s, "mcast_igmp_version", "mcast_igmp_version {} ", tb.u8(MCAST_IGMP_VERSION).map(u64::from))?;
    num(s, "mcast_mld_version", "mcast_mld_version {} ", tb.u8(MCAST_MLD_VERSION).map(u64::from))?;
    num(s, "nf_call_iptables", "nf_call_iptables {} ", tb.u8(NF_CALL_IPTABLES).map(u64::from))?;
    num(s, "nf_call_ip6tables", "nf_call_ip6tables {} ", tb.u8(NF_CALL_IP6TABLES).map(u64::from))?;
    num(s, "nf_call_arptables", "nf_call_arptables {} ", tb.u8(NF_CALL_ARPTABLES).map(u64::from))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render};
    use super::*;

    #[test]
    fn every_keyword_is_handled() {
        let special = ["help", "fdb_flush", "vlan_protocol", "group_address", "no_linklocal_learn", "mcast_vlan_snooping"];
        for k in KEYWORDS {
            let name = k.names[0].text;
            assert!(special.contains(&name) || numeric(name).is_some(), "{name}");
        }
    }

    #[test]
    fn options_become_attributes_of_the_right_width() {
        let data = parse_kind(&KIND, "forward_delay 400 priority 0x10 vlan_filtering 1 mcast_query_interval 9 vlan_protocol 802.1ad", &[]).unwrap();
        let attrs = raw_attrs(&data);
        assert_eq!(attrs[0], (FORWARD_DELAY, 400u32.to_ne_bytes().to_vec()));
        assert_eq!(attrs[1], (PRIORITY, 16u16.to_ne_bytes().to_vec()));
        assert_eq!(attrs[2], (VLAN_FILTERING, vec![1]));
        assert_eq!(attrs[3], (MCAST_QUERY_INTVL, 9u64.to_ne_bytes().to_vec()));
        assert_eq!(attrs[4], (VLAN_PROTOCOL, vec![0x88, 0xa8]));
    }

    #[test]
    fn boolopts_are_collected_into_one_attribute() {
        let data = parse_kind(&KIND, "no_linklocal_learn 1 mcast_vlan_snooping 0", &[]).unwrap();
        let attrs = raw_attrs(&data);
        let mut want = 1u32.to_ne_bytes().to_vec();
        want.extend_from_slice(&3u32.to_ne_bytes());
        assert_eq!(attrs, vec![(MULTI_BOOLOPT, want)]);
    }

    #[test]
    fn bad_values() {
        let e = parse_kind(&KIND, "priority 65536", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: argument \"65536\" is wrong: invalid priority");
        let e = parse_kind(&KIND, "bogus", &[]).unwrap_err();
        assert_eq!(e.to_string(), "bridge: unknown command \"bogus\"?");
        assert_eq!(e.exit_code(), 1);
        assert_eq!(parse_kind(&KIND, "hello_time", &[]).unwrap_err().exit_code(), 255);
    }

    #[test]
    fn prints_in_iproute2_order_and_forms() {
        let mut id = vec![0x80, 0x00];
        id.extend_from_slice(&[0, 0x1b, 0, 0, 0, 0xa]);
        let mut w = AttrWriter::new();
        w.u64(HELLO_TIMER, 12345).put(BRIDGE_ID, &id).put(ROOT_ID, &id).u32(FORWARD_DELAY, 1500).u16(GROUP_FWD_MASK, 0);
        let data = w.finish().unwrap();
        assert_eq!(
            render("bridge", &data, false),
            "forward_delay 1500 bridge_id 8000.0:1b:0:0:0:a designated_root 8000.0:1b:0:0:0:a hello_timer  123.45 group_fwd_mask 0 "
        );
        let json = render("bridge", &data, true);
        assert!(json.contains("\"hello_timer\":123.45"), "{json}");
        assert!(json.contains("\"group_fwd_mask\":\"0\""), "{json}");
    }
}
