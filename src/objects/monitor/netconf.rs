//! A netconf event (iproute2's `print_netconf`): a device's (or `all`'s,
//! `default`'s) forwarding, rp_filter and the other per-device switches.

use std::io;

use super::{Env, Record};
use crate::names::links::IfName;
use crate::netlink::attr::Attrs;
use crate::print::addr::family_name;
use crate::print::{Color, Out};

const RTM_DELNETCONF: u16 = 81;
const NETCONFA_IFINDEX: u16 = 1;
const NETCONFA_FORWARDING: u16 = 2;
const NETCONFA_RP_FILTER: u16 = 3;
const NETCONFA_MC_FORWARDING: u16 = 4;
const NETCONFA_PROXY_NEIGH: u16 = 5;
const NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN: u16 = 6;
const NETCONFA_INPUT: u16 = 7;
const NETCONFA_IFINDEX_ALL: i32 = -1;
const NETCONFA_IFINDEX_DEFAULT: i32 = -2;
const RP_FILTER: [&str; 3] = ["off", "strict", "loose"];

/// One RTM_NEWNETCONF / RTM_DELNETCONF message (header included).
pub fn print(p: &mut Record, env: &Env, msg: &[u8]) -> io::Result<bool> {
    let kind = msg.get(4..6).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    // struct netconfmsg: the family, padded to 4 bytes.
    let Some(attrs) = msg.get(20..) else {
        eprintln!("BUG: wrong nlmsg len {}", msg.len() as i32 - 20);
        return Ok(false);
    };
    let family = msg[16];
    let a = Attrs::new(attrs);
    let ifindex = a.u32(NETCONFA_IFINDEX).map(|i| i as i32);
    if env.ifindex != 0 && ifindex != Some(env.ifindex as i32) {
        return Ok(false);
    }
    if kind == RTM_DELNETCONF {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    }
    p.str("family", "{} ", family_name(family).unwrap_or("???"))?;
    if let Some(i) = ifindex {
        let dev = match i {
            NETCONFA_IFINDEX_ALL => IfName::new(b"all"),
            NETCONFA_IFINDEX_DEFAULT => IfName::new(b"default"),
            _ => env.links.name(i as u32),
        };
        p.bytes_c(Out::Any, Color::Ifname, Some("interface"), "{} ", dev.as_bytes())?;
    }
    if let Some(v) = a.u32(NETCONFA_FORWARDING) {
        p.on_off(Out::Any, "forwarding", "forwarding {} ", v != 0)?;
    }
    if let Some(rp) = a.u32(NETCONFA_RP_FILTER) {
        match RP_FILTER.get(rp as usize) {
            Some(name) => p.str("rp_filter", "rp_filter {} ", name)?,
            None => p.num("rp_filter", "rp_filter {} ", rp)?,
        }
    }
    for (attr, key, fmt) in [
        (NETCONFA_MC_FORWARDING, "mc_forwarding", "mc_forwarding {} "),
        (NETCONFA_PROXY_NEIGH, "proxy_neigh", "proxy_neigh {} "),
        (NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN, "ignore_routes_with_linkdown", "ignore_routes_with_linkdown {} "),
        (NETCONFA_INPUT, "input", "input {} "),
    ] {
        if let Some(v) = a.u32(attr) {
            p.on_off(Out::Any, key, fmt, v != 0)?;
        }
    }
    p.text("\n")?;
    Ok(true)
}
