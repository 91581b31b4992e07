//! `bond`: link aggregation (iproute2's iplink_bond.c): every option of
//! `link add|set … type bond …` and the `-d` fields of a bond. Its ports'
//! data is `bond_slave`. This kernel lacks bonding; the request is
//! unit-tested here and the device in a VM (link-kinds2.sh).

use std::io;

use super::{unknown_word, Attrs, Kind, KindEnv};
use super::tunnel_common::kw;
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::{Family, Options};
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, no_device, Error, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::{get_addr, get_addr_1, get_integer, get_u16, get_u32, get_u8, Addr};
use crate::names::links::Links;
use crate::print::addr::{AddrBuf, AF_INET, AF_INET6};
use crate::print::{Color, Dyn, Out};

// IFLA_BOND_* (linux/if_link.h)
const MODE: u16 = 1;
const ACTIVE_SLAVE: u16 = 2;
const MIIMON: u16 = 3;
const UPDELAY: u16 = 4;
const DOWNDELAY: u16 = 5;
const USE_CARRIER: u16 = 6;
const ARP_INTERVAL: u16 = 7;
const ARP_IP_TARGET: u16 = 8;
const ARP_VALIDATE: u16 = 9;
const ARP_ALL_TARGETS: u16 = 10;
const PRIMARY: u16 = 11;
const PRIMARY_RESELECT: u16 = 12;
const FAIL_OVER_MAC: u16 = 13;
const XMIT_HASH_POLICY: u16 = 14;
const RESEND_IGMP: u16 = 15;
const NUM_PEER_NOTIF: u16 = 16;
const ALL_SLAVES_ACTIVE: u16 = 17;
const MIN_LINKS: u16 = 18;
const LP_INTERVAL: u16 = 19;
const PACKETS_PER_SLAVE: u16 = 20;
const AD_LACP_RATE: u16 = 21;
const AD_SELECT: u16 = 22;
const AD_INFO: u16 = 23;
const AD_ACTOR_SYS_PRIO: u16 = 24;
const AD_USER_PORT_KEY: u16 = 25;
const AD_ACTOR_SYSTEM: u16 = 26;
const TLB_DYNAMIC_LB: u16 = 27;
const PEER_NOTIF_DELAY: u16 = 28;
const AD_LACP_ACTIVE: u16 = 29;
const MISSED_MAX: u16 = 30;
const NS_IP6_TARGET: u16 = 31;

// IFLA_BOND_AD_INFO_*
const AD_INFO_AGGREGATOR: u16 = 1;
const AD_INFO_NUM_PORTS: u16 = 2;
const AD_INFO_ACTOR_KEY: u16 = 3;
const AD_INFO_PARTNER_KEY: u16 = 4;
const AD_INFO_PARTNER_MAC: u16 = 5;

/// iproute2 sends and prints at most this many ARP (and NS) targets.
const MAX_TARGETS: usize = 16;

const MODES: &[&str] = &["balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb"];
const ARP_VALIDATES: &[&str] = &["none", "active", "backup", "all", "filter", "filter_active", "filter_backup"];
const ARP_ALL_TARGETS_NAMES: &[&str] = &["any", "all"];
const PRIMARY_RESELECTS: &[&str] = &["always", "better", "failure"];
const FAIL_OVER_MACS: &[&str] = &["none", "active", "follow"];
const XMIT_HASH_POLICIES: &[&str] = &["layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4", "vlan+srcmac"];
const LACP_ACTIVES: &[&str] = &["off", "on"];
const LACP_RATES: &[&str] = &["slow", "fast"];
const AD_SELECTS: &[&str] = &["stable", "bandwidth", "count"];


/// In iproute2's test order (`ns_ip6_target`, `arp_missed_max` and
/// `lacp_active` are exact words there).
pub const KEYWORDS: &[Keyword] = &[
    kw(&[p("mode")], Value::Choice(MODES), "MODE", "how ports share the traffic (a name or its number)"),
    kw(&[p("active_slave")], Value::Ifname, "PORT", "the port that carries traffic (active-backup)"),
    kw(&[p("clear_active_slave")], Value::Flag, "", "let the bond choose the active port"),
    kw(&[p("miimon")], Value::Number, "MS", "link monitoring interval, 0 off"),
    kw(&[p("updelay")], Value::Number, "MS", "wait before using a port whose link came up"),
    kw(&[p("downdelay")], Value::Number, "MS", "wait before dropping a port whose link went down"),
    kw(&[p("peer_notify_delay")], Value::Number, "MS", "delay between peer notifications after a failover"),
    kw(&[p("use_carrier")], Value::Number, "0|1", "link state from the carrier (1) or from MII ioctls (0)"),
    kw(&[p("arp_interval")], Value::Number, "MS", "ARP monitoring interval, 0 off"),
    kw(&[p("arp_ip_target")], Value::Text, "ADDR[,ADDR…]", "IPv4 addresses the ARP monitor probes (up to 16)"),
    kw(&[x("ns_ip6_target")], Value::Text, "ADDR[,ADDR…]", "IPv6 addresses the NS monitor probes (up to 16)"),
    kw(&[p("arp_validate")], Value::Choice(ARP_VALIDATES), "WHICH", "which ARP replies and probes count"),
    kw(&[p("arp_all_targets")], Value::Choice(ARP_ALL_TARGETS_NAMES), "any|all", "how many targets must answer"),
    kw(&[x("arp_missed_max")], Value::Number, "N", "missed probes before a port counts as down"),
    kw(&[p("primary")], Value::Ifname, "PORT", "the preferred port"),
    kw(&[p("primary_reselect")], Value::Choice(PRIMARY_RESELECTS), "WHEN", "when the primary port takes over again"),
    kw(&[p("fail_over_mac")], Value::Choice(FAIL_OVER_MACS), "POLICY", "MAC addresses on failover (active-backup)"),
    kw(&[p("xmit_hash_policy")], Value::Choice(XMIT_HASH_POLICIES), "POLICY", "what the transmit hash covers"),
    kw(&[p("resend_igmp")], Value::Number, "N", "IGMP reports sent after a failover"),
    kw(&[p("num_grat_arp"), p("num_unsol_na")], Value::Number, "N", "peer notifications sent after a failover"),
    kw(&[p("all_slaves_active")], Value::Number, "0|1", "deliver what inactive ports receive (1)"),
    kw(&[p("min_links")], Value::Number, "N", "ports needed up for the bond to have carrier"),
    kw(&[p("lp_interval")], Value::Number, "SECONDS", "learning packet interval (balance-tlb, balance-alb)"),
    kw(&[p("packets_per_slave")], Value::Number, "N", "packets sent on a port before the next (balance-rr)"),
    kw(&[p("lacp_rate")], Value::Choice(LACP_RATES), "slow|fast", "LACPDU rate asked of the partner"),
    kw(&[x("lacp_active")], Value::Choice(LACP_ACTIVES), "on|off", "send LACPDUs unasked"),
    kw(&[p("ad_select")], Value::Choice(AD_SELECTS), "POLICY", "how the 802.3ad aggregator is chosen"),
    kw(&[p("ad_user_port_key")], Value::Number, "KEY", "the user part of the 802.3ad port key"),
    kw(&[p("ad_actor_sys_prio")], Value::Number, "PRIO", "802.3ad system priority"),
    kw(&[p("ad_actor_system")], Value::Text, "LLADDR", "802.3ad system MAC address"),
    kw(&[p("tlb_dynamic_lb")], Value::Number, "0|1", "balance-tlb: shuffle flows by load (1)"),
    kw(&[p("help")], Value::Flag, "", "show these options"),
];

pub const KIND: Kind = Kind {
    name: "bond",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Ports join with `link set DEV master BOND`; their options are `bond_slave`.",
};

/// iproute2's `get_index`: a position in `names` given by number (base 10)
/// or by name.
fn index_of(names: &[&str], word: &str) -> Option<usize> {
    get_integer(word, 10)
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| *n < names.len())
        .or_else(|| names.iter().position(|n| *n == word))
}

/// The name at `index` in `names`, or iproute2's `UNKNOWN`.
fn name_of(names: &'static [&'static str], index: u32) -> &'static str {
    usize::try_from(index).ok().and_then(|i| names.get(i)).copied().unwrap_or("UNKNOWN")
}

/// The targets of `arp_ip_target`/`ns_ip6_target`: the words of a
/// comma-separated list (empty ones skipped, as `strtok` does), at most 16.
fn targets(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').filter(|t| !t.is_empty()).take(MAX_TARGETS)
}

fn parse(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let Some(k) = lookup(word, KEYWORDS) else {
            return Err(unknown_word("bond", Some(format!("bond: unknown command \"{word}\"?"))));
        };
        let name = k.names[0].text;
        // Options whose value is a position in a table of names.
        let table: Option<(&[&str], u16, bool, &str)> = match name {
            "mode" => Some((MODES, MODE, true, "invalid mode")),
            "arp_validate" => Some((ARP_VALIDATES, ARP_VALIDATE, false, "invalid arp_validate")),
            "arp_all_targets" => Some((ARP_ALL_TARGETS_NAMES, ARP_ALL_TARGETS, false, "invalid arp_all_targets")),
            "primary_reselect" => Some((PRIMARY_RESELECTS, PRIMARY_RESELECT, true, "invalid primary_reselect")),
            "fail_over_mac" => Some((FAIL_OVER_MACS, FAIL_OVER_MAC, true, "invalid fail_over_mac")),
            "xmit_hash_policy" => Some((XMIT_HASH_POLICIES, XMIT_HASH_POLICY, true, "invalid xmit_hash_policy")),
            "lacp_rate" => Some((LACP_RATES, AD_LACP_RATE, true, "invalid lacp_rate")),
            "lacp_active" => Some((LACP_ACTIVES, AD_LACP_ACTIVE, true, "invalid lacp_active")),
            "ad_select" => Some((AD_SELECTS, AD_SELECT, true, "invalid ad_select")),
            _ => None,
        };
        if let Some((names, attr, byte, what)) = table {
            let v = w.value()?;
            let i = index_of(names, v).ok_or_else(|| invarg(what, v))?;
            if byte {
                out.u8(attr, i as u8);
            } else {
                out.u32(attr, i as u32);
            }
            continue;
        }
        // Options whose value is a number of 8, 16 or 32 bits.
        let number: Option<(u16, u8, &str)> = match name {
            "miimon" => Some((MIIMON, 32, "invalid miimon")),
            "updelay" => Some((UPDELAY, 32, "invalid updelay")),
            "downdelay" => Some((DOWNDELAY, 32, "invalid downdelay")),
            "peer_notify_delay" => Some((PEER_NOTIF_DELAY, 32, "invalid peer_notify_delay")),
            "use_carrier" => Some((USE_CARRIER, 8, "invalid use_carrier")),
            "arp_interval" => Some((ARP_INTERVAL, 32, "invalid arp_interval")),
            "arp_missed_max" => Some((MISSED_MAX, 8, "invalid arp_missed_max")),
            "resend_igmp" => Some((RESEND_IGMP, 32, "invalid resend_igmp")),
            "num_grat_arp" => Some((NUM_PEER_NOTIF, 8, "invalid num_grat_arp|num_unsol_na")),
            "all_slaves_active" => Some((ALL_SLAVES_ACTIVE, 8, "invalid all_slaves_active")),
            "min_links" => Some((MIN_LINKS, 32, "invalid min_links")),
            "lp_interval" => Some((LP_INTERVAL, 32, "invalid lp_interval")),
            "packets_per_slave" => Some((PACKETS_PER_SLAVE, 32, "invalid packets_per_slave")),
            "ad_user_port_key" => Some((AD_USER_PORT_KEY, 16, "invalid ad_user_port_key")),
            "ad_actor_sys_prio" => Some((AD_ACTOR_SYS_PRIO, 16, "invalid ad_actor_sys_prio")),
            "tlb_dynamic_lb" => Some((TLB_DYNAMIC_LB, 8, "invalid tlb_dynamic_lb")),
            _ => None,
        };
        if let Some((attr, bits, what)) = number {
            let v = w.value()?;
            let bad = || invarg(what, v);
            match bits {
                8 => out.u8(attr, get_u8(v, 0).ok_or_else(bad)?),
                16 => out.u16(attr, get_u16(v, 0).ok_or_else(bad)?),
                _ => out.u32(attr, get_u32(v, 0).ok_or_else(bad)?),
            };
            continue;
        }
        match name {
            "active_slave" | "primary" => {
                let v = w.value()?;
                let index = env.lookup.index(v);
                if index == 0 {
                    return Err(no_device(v));
                }
                out.u32(if name == "primary" { PRIMARY } else { ACTIVE_SLAVE }, index);
            }
            "clear_active_slave" => {
                out.u32(ACTIVE_SLAVE, 0);
            }
            "arp_ip_target" => {
                // Without a further word, an empty list (which clears it).
                let mut list = Vec::new();
                if let Some(v) = w.next() {
                    for t in targets(v) {
                        let a = match get_addr_1(t, Family::Inet) {
                            Some(Addr::Ip(std::net::IpAddr::V4(a))) => a.octets(),
                            Some(Addr::Default(_) | Addr::Any(_)) => [0; 4],
                            _ => return Err(Error::Fatal(format!("Error: an IP address is expected rather than \"{t}\""))),
                        };
                        list.push(a.to_vec());
                    }
                }
                out.nest(ARP_IP_TARGET, |n| {
                    for (i, a) in list.iter().enumerate() {
                        n.put(i as u16, a);
                    }
                });
            }
            "ns_ip6_target" => {
                let mut list = Vec::new();
                if let Some(v) = w.next() {
                    for t in targets(v) {
                        let a = match get_addr(t, Family::Inet6)? {
                            Addr::Ip(std::net::IpAddr::V6(a)) => a.octets(),
                            _ => [0; 16],
                        };
                        list.push(a.to_vec());
                    }
                }
                out.nest(NS_IP6_TARGET, |n| {
                    for (i, a) in list.iter().enumerate() {
                        n.put(i as u16, a);
                    }
                });
            }
            "ad_actor_system" => {
                let v = w.value()?;
                let addr = crate::parse::lladdr(v, 32).map_err(Error::Failure)?;
                out.put(AD_ACTOR_SYSTEM, &addr);
            }
            "help" => return Err(super::help("bond", 1, false)),
            _ => return Err(unknown_word("bond", None)),
        }
    }
    Ok(out.finish()?)
}

/// `arp_ip_target a,b ` / `ns_ip6_target a,b `: a JSON array of addresses.
fn print_targets(s: &mut Dyn<'_>, data: &[u8], key: &str, family: u8) -> io::Result<()> {
    let tb = Attrs::new(data).table::<{ MAX_TARGETS + 1 }>();
    let first = tb[0].is_some();
    if first {
        s.open_array(Out::Json, Some(key), "")?;
        s.string_c(Out::Text, Color::None, None, "{}", &format!("{key} "))?;
    }
    for i in 0..MAX_TARGETS {
        if let Some(a) = tb[i] {
            s.string_c(Out::Any, Color::None, None, "{}", AddrBuf::addr(family, a).as_str())?;
        }
        if !s.is_json() && i < MAX_TARGETS - 1 && tb[i + 1].is_some() {
            s.string_c(Out::Text, Color::None, None, "{}", ",")?;
        }
    }
    if first {
        s.string_c(Out::Text, Color::None, None, "{}", " ")?;
        s.close_array(Out::Json, "")?;
    }
    Ok(())
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, links: &Links) -> io::Result<()> {
    let named = |s: &mut Dyn<'_>, key: &str, text: &str, names: &'static [&'static str], v: Option<u32>| -> io::Result<()> {
        match v {
            Some(v) => s.string_c(Out::Any, Color::None, Some(key), &format!("{text} {{}} "), name_of(names, v)),
            None => Ok(()),
        }
    };
    let number = |s: &mut Dyn<'_>, key: &str, text: &str, v: Option<u32>| -> io::Result<()> {
        match v {
            Some(v) => s.number_c(Out::Any, Color::None, Some(key), &format!("{text} {{}} "), v),
            None => Ok(()),
        }
    };
    let u8_of = |attr: u16| tb.u8(attr).map(u32::from);
    let u16_of = |attr: u16| tb.u16(attr).map(u32::from);
    named(s, "mode", "mode", MODES, u8_of(MODE))?;
    if let Some(index) = tb.u32(ACTIVE_SLAVE).filter(|i| *i != 0) {
        s.str_bytes("active_slave", "active_slave {} ", links.name(index).as_bytes())?;
    }
    number(s, "miimon", "miimon", tb.u32(MIIMON))?;
    number(s, "updelay", "updelay", tb.u32(UPDELAY))?;
    number(s, "downdelay", "downdelay", tb.u32(DOWNDELAY))?;
    number(s, "peer_notify_delay", "peer_notify_delay", tb.u32(PEER_NOTIF_DELAY))?;
    number(s, "use_carrier", "use_carrier", u8_of(USE_CARRIER))?;
    number(s, "arp_interval", "arp_interval", tb.u32(ARP_INTERVAL))?;
    number(s, "arp_missed_max", "arp_missed_max", u8_of(MISSED_MAX))?;
    if let Some(data) = tb.get(ARP_IP_TARGET) {
        print_targets(s, data, "arp_ip_target", AF_INET)?;
    }
    if let Some(data) = tb.get(NS_IP6_TARGET) {
        print_targets(s, data, "ns_ip6_target", AF_INET6)?;
    }
    if let Some(v) = tb.u32(ARP_VALIDATE) {
        if v == 0 && s.is_json() {
            s.null(Out::Json, "arp_validate", "", "")?;
        } else {
            named(s, "arp_validate", "arp_validate", ARP_VALIDATES, Some(v))?;
        }
    }
    named(s, "arp_all_targets", "arp_all_targets", ARP_ALL_TARGETS_NAMES, tb.u32(ARP_ALL_TARGETS))?;
    if let Some(index) = tb.u32(PRIMARY).filter(|i| *i != 0) {
        s.str_bytes("primary", "primary {} ", links.name(index).as_bytes())?;
    }
    named(s, "primary_reselect", "primary_reselect", PRIMARY_RESELECTS, u8_of(PRIMARY_RESELECT))?;
    named(s, "fail_over_mac", "fail_over_mac", FAIL_OVER_MACS, u8_of(FAIL_OVER_MAC))?;
    named(s, "xmit_hash_policy", "xmit_hash_policy", XMIT_HASH_POLICIES, u8_of(XMIT_HASH_POLICY))?;
    number(s, "resend_igmp", "resend_igmp", tb.u32(RESEND_IGMP))?;
    number(s, "num_peer_notif", "num_grat_arp", u8_of(NUM_PEER_NOTIF))?;
    number(s, "all_slaves_active", "all_slaves_active", u8_of(ALL_SLAVES_ACTIVE))?;
    number(s, "min_links", "min_links", tb.u32(MIN_LINKS))?;
    number(s, "lp_interval", "lp_interval", tb.u32(LP_INTERVAL))?;
    number(s, "packets_per_slave", "packets_per_slave", tb.u32(PACKETS_PER_SLAVE))?;
    named(s, "ad_lacp_active", "lacp_active", LACP_ACTIVES, u8_of(AD_LACP_ACTIVE))?;
    named(s, "ad_lacp_rate", "lacp_rate", LACP_RATES, u8_of(AD_LACP_RATE))?;
    named(s, "ad_select", "ad_select", AD_SELECTS, u8_of(AD_SELECT))?;
    if let Some(ad) = tb.nested(AD_INFO) {
        s.open_object(Some("ad_info"))?;
        for (attr, key, text) in [
            (AD_INFO_AGGREGATOR, "aggregator", "ad_aggregator"),
            (AD_INFO_NUM_PORTS, "num_ports", "ad_num_ports"),
            (AD_INFO_ACTOR_KEY, "actor_key", "ad_actor_key"),
            (AD_INFO_PARTNER_KEY, "partner_key", "ad_partner_key"),
        ] {
            if let Some(v) = ad.u16(attr) {
                s.number_c(Out::Any, Color::None, Some(key), &format!("{text} {{}} "), v)?;
            }
        }
        if let Some(mac) = ad.get(AD_INFO_PARTNER_MAC) {
            let mac = mac.get(..6).unwrap_or(mac);
            s.string_c(Out::Any, Color::None, Some("partner_mac"), "ad_partner_mac {} ", AddrBuf::link(mac, 1).as_str())?;
        }
        s.close_object()?;
    }
    number(s, "ad_actor_sys_prio", "ad_actor_sys_prio", u16_of(AD_ACTOR_SYS_PRIO))?;
    number(s, "ad_user_port_key", "ad_user_port_key", u16_of(AD_USER_PORT_KEY))?;
    if let Some(addr) = tb.get(AD_ACTOR_SYSTEM) {
        s.string_c(Out::Any, Color::None, Some("ad_actor_system"), "ad_actor_system {} ", AddrBuf::link(addr, 1).as_str())?;
    }
    number(s, "tlb_dynamic_lb", "tlb_dynamic_lb", u8_of(TLB_DYNAMIC_LB))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render};
    use super::*;

    #[test]
    fn options_by_name_and_number() {
        let data = parse_kind(&KIND, "mode 802.3ad miimon 100 lacp_rate 1 xmit layer3+4 ad_actor_system 02:00:00:00:00:01 primary eth0", &[("eth0", 7)]).unwrap();
        assert_eq!(
            raw_attrs(&data),
            vec![
                (MODE, vec![4]),
                (MIIMON, 100u32.to_ne_bytes().to_vec()),
                (AD_LACP_RATE, vec![1]),
                (XMIT_HASH_POLICY, vec![1]),
                (AD_ACTOR_SYSTEM, vec![2, 0, 0, 0, 0, 1]),
                (PRIMARY, 7u32.to_ne_bytes().to_vec()),
            ]
        );
        assert_eq!(
            render("bond", &data, false),
            "mode 802.3ad miimon 100 primary if7 xmit_hash_policy layer3+4 lacp_rate fast ad_actor_system 02:00:00:00:00:01 "
        );
    }

    #[test]
    fn targets_nest_and_print() {
        let data = parse_kind(&KIND, "arp_ip_target 192.0.2.1,,192.0.2.2 ns_ip6_target 2001:db8::1 arp_validate 0", &[]).unwrap();
        let attrs = Attrs::new(&data);
        let list: Vec<(u16, Vec<u8>)> = attrs.nested(ARP_IP_TARGET).expect("nest").iter().map(|a| (a.kind, a.payload.to_vec())).collect();
        assert_eq!(list, vec![(0, vec![192, 0, 2, 1]), (1, vec![192, 0, 2, 2])]);
        assert_eq!(render("bond", &data, false), "arp_ip_target 192.0.2.1,192.0.2.2 ns_ip6_target 2001:db8::1 arp_validate none ");
        let json = render("bond", &data, true);
        assert!(json.contains("\"arp_ip_target\":[\"192.0.2.1\",\"192.0.2.2\"]"), "{json}");
        assert!(json.contains("\"arp_validate\":null"), "{json}");
        // A trailing `arp_ip_target` sends an empty list.
        let data = parse_kind(&KIND, "arp_ip_target", &[]).unwrap();
        assert_eq!(raw_attrs(&data), vec![(ARP_IP_TARGET, vec![])]);
    }

    #[test]
    fn errors() {
        let e = |s: &str| {
            let e = parse_kind(&KIND, s, &[]).unwrap_err();
            (e.to_string(), e.exit_code())
        };
        assert_eq!(e("mode 7"), ("Error: argument \"7\" is wrong: invalid mode".into(), 255));
        assert_eq!(e("miimon -1"), ("Error: argument \"-1\" is wrong: invalid miimon".into(), 255));
        assert_eq!(e("use_carrier 256"), ("Error: argument \"256\" is wrong: invalid use_carrier".into(), 255));
        assert_eq!(e("primary nosuch"), ("Cannot find device \"nosuch\"".into(), 1));
        assert_eq!(e("arp_ip_target 1.2.3.x"), ("Error: an IP address is expected rather than \"1.2.3.x\"".into(), 1));
        assert_eq!(e("ns_ip6_target 1.2.3.4"), ("Error: inet6 address is expected rather than \"1.2.3.4\".".into(), 1));
        assert_eq!(e("ad_actor_system zz"), ("\"zz\" is invalid lladdr.".into(), 1));
        assert_eq!(e("bogus").0, "bond: unknown command \"bogus\"?");
        // Exact words in iproute2.
        assert_eq!(e("lacp_act on").0, "bond: unknown command \"lacp_act\"?");
    }
}
