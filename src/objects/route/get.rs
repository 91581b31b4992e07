//! `route get ADDR …` (`iproute_get`): one RTM_GETROUTE request describing
//! a packet; the kernel answers with the route it would take, printed as
//! `route show` prints routes.

use crate::objects::route::grammar::GET;
use crate::cli::options::Family;
use crate::cli::words::{lookup, matches, Words};
use crate::error::{invarg, no_device, Error, Result};
use crate::names::tables;
use crate::netlink::attr::AttrWriter;
use crate::netlink::Outgoing;
use crate::objects::link::modify::index_of;
use crate::parse::{self, Addr};
use crate::Context;

use super::filter::Filter;
use super::msg::*;
use super::print::{print_route, View};

const RTM_GETROUTE: u16 = 26;

fn family_of(af: u8) -> Family {
    match af {
        AF_INET => Family::Inet,
        AF_INET6 => Family::Inet6,
        _ => Family::Unspec,
    }
}

/// `inet_proto_a2n`: a number (0-255) or a name from /etc/protocols.
pub fn ip_protocol(arg: &str) -> Option<u8> {
    if let Some(v) = parse::get_u8(arg, 10) {
        return Some(v);
    }
    let text = std::fs::read_to_string("/etc/protocols").unwrap_or_default();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut words = line.split_whitespace();
        let (Some(name), Some(num)) = (words.next(), words.next()) else { continue };
        if name == arg || words.any(|alias| alias == arg) {
            return num.parse().ok();
        }
    }
    // Minimal images may lack /etc/protocols.
    Some(match arg {
        "icmp" => 1,
        "tcp" => 6,
        "udp" => 17,
        "ipv6-icmp" => 58,
        "sctp" => 132,
        _ => return None,
    })
}

/// The bytes and lengths `get_prefix` gives for a `get` address.
pub fn prefix_bytes(p: &parse::Prefix) -> (u8, Vec<u8>) {
    match &p.addr {
        Addr::Default(f) => (f.af(), vec![0; (parse::bit_len(*f) / 8) as usize]),
        Addr::Any(f) => (f.af(), Vec::new()),
        Addr::Ip(std::net::IpAddr::V4(a)) => (AF_INET, a.octets().to_vec()),
        Addr::Ip(std::net::IpAddr::V6(a)) => (AF_INET6, a.octets().to_vec()),
    }
}

/// An RTM_GETROUTE body: `struct rtmsg` (table, protocol, scope and type
/// left 0), then the attributes.
fn request(family: u8, dst_len: u8, src_len: u8, tos: u8, rflags: u32, attrs: &[u8]) -> Vec<u8> {
    let mut request = vec![family, dst_len, src_len, tos, 0, 0, 0, 0];
    request.extend_from_slice(&rflags.to_ne_bytes());
    request.extend_from_slice(attrs);
    request
}

/// The route the kernel would take to `dst` (from `src`, out of `oif`,
/// when given), as `route get` asks for it; with `fib_match` the routing
/// table's entry itself. The answer is the whole message (read it with
/// `Route::from_nlmsg`). For rtun's own look-ups (`tunnel check`).
pub fn route_to(
    nl: &mut crate::netlink::Netlink,
    dst: std::net::IpAddr,
    src: Option<std::net::IpAddr>,
    oif: Option<u32>,
    fib_match: bool,
) -> std::result::Result<Vec<u8>, crate::netlink::request::KernelError> {
    let octets = |a: std::net::IpAddr| match a {
        std::net::IpAddr::V4(a) => a.octets().to_vec(),
        std::net::IpAddr::V6(a) => a.octets().to_vec(),
    };
    let (family, bits) = if dst.is_ipv4() { (AF_INET, 32) } else { (AF_INET6, 128) };
    let mut attrs = AttrWriter::new();
    attrs.put(RTA_DST as u16, &octets(dst));
    if let Some(s) = src {
        attrs.put(RTA_SRC as u16, &octets(s));
    }
    if let Some(i) = oif {
        attrs.u32(RTA_OIF as u16, i);
    }
    let mut rflags = if family == AF_INET { RTM_F_LOOKUP_TABLE } else { 0 };
    if fib_match {
        rflags |= RTM_F_FIB_MATCH;
    }
    // Two addresses and an index always fit.
    let attrs = attrs.finish().unwrap_or_default();
    let body = request(family, bits, if src.is_some() { bits } else { 0 }, 0, rflags, &attrs);
    nl.query_raw(Outgoing::Raw { kind: RTM_GETROUTE, body: &body }, 0, <[u8]>::to_vec)
}

pub fn get(ctx: &mut Context, args: &[String]) -> Result<()> {
    let mut family = ctx.opts.family.af();
    let (mut tos, mut rflags, mut src_len, mut dst_len) = (0u8, 0u32, 0u8, 0u8);
    let mut attrs = AttrWriter::new();
    let (mut idev, mut odev): (Option<&str>, Option<&str>) = (None, None);
    let (mut connected, mut fib_match, mut from_ok, mut found) = (false, false, false, false);
    let mut mark = 0u32;
    let prog = ctx.prog;
    let nl = ctx.nl()?;
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let key = lookup(word, GET).and_then(|k| k.names.first()).map_or("", |n| n.text);
        match key {
            "tos" => {
                let v = w.value()?;
                tos = tables::dsfield_id(v).ok_or_else(|| invarg("TOS value is invalid\n", v))?;
            }
            "from" => {
                let v = w.value()?;
                if matches(v, "help") {
                    return Err(super::help());
                }
                from_ok = true;
                let p = parse::get_prefix(v, family_of(family))?;
                let (af, data) = prefix_bytes(&p);
                if family == 0 {
                    family = af;
                }
                if !data.is_empty() {
                    attrs.put(RTA_SRC as u16, &data);
                }
                src_len = p.len;
            }
            "iif" => idev = Some(w.value()?),
            "mark" => {
                let v = w.value()?;
                mark = parse::get_unsigned(v).ok_or_else(|| invarg("invalid mark value", v))?;
            }
            "oif" => odev = Some(w.value()?),
            "notify" => rflags |= RTM_F_NOTIFY,
            "connected" => connected = true,
            "vrf" => {
                let v = w.value()?;
                if super::vrf_index(nl, v) == 0 {
                    return Err(invarg("Invalid VRF\n", v));
                }
                odev = Some(v);
            }
            "uid" => {
                let v = w.value()?;
                let uid = parse::get_unsigned(v).ok_or_else(|| invarg("invalid UID\n", v))?;
                attrs.u32(RTA_UID as u16, uid);
            }
            "fibmatch" => fib_match = true,
            "as" => {
                let mut v = w.value()?;
                if v == "to" {
                    v = w.value()?;
                }
                let a = parse::get_addr(v, family_of(family))?;
                let (af, data) = prefix_bytes(&parse::Prefix { addr: a, len: 0, len_given: false });
                if family == 0 {
                    family = af;
                }
                attrs.put(RTA_NEWDST as u16, &data);
            }
            "sport" | "dport" => {
                let v = w.value()?;
                let port = parse::get_u16(v, 0).ok_or_else(|| invarg(&format!("invalid {key}\n"), v))?;
                attrs.be16(if key == "sport" { RTA_SPORT } else { RTA_DPORT } as u16, port);
            }
            "ipproto" => {
                let v = w.value()?;
                let p = ip_protocol(v).ok_or_else(|| invarg("Invalid \"ipproto\" value\n", v))?;
                attrs.u8(RTA_IP_PROTO as u16, p);
            }
            _ => {
                let mut v = word;
                if v == "to" {
                    v = w.value()?;
                }
                if matches(v, "help") {
                    return Err(super::help());
                }
                let p = parse::get_prefix(v, family_of(family))?;
                let (af, data) = prefix_bytes(&p);
                if family == 0 {
                    family = af;
                }
                if !data.is_empty() {
                    attrs.put(RTA_DST as u16, &data);
                }
                dst_len = if family == AF_INET && p.len != 32 {
                    crate::netlink::pipeline::say(format!("Warning: /{} as prefix is invalid, only /32 (or none) is supported.", p.len));
                    32
                } else if family == AF_INET6 && p.len != 128 {
                    crate::netlink::pipeline::say(format!("Warning: /{} as prefix is invalid, only /128 (or none) is supported.", p.len));
                    128
                } else {
                    p.len
                };
                found = true;
            }
        }
    }
    if !found {
        return Err(Error::Failure("need at least a destination address".into()));
    }
    for (dev, attr) in [(idev, RTA_IIF), (odev, RTA_OIF)] {
        if let Some(d) = dev {
            match index_of(nl, prog, d) {
                0 => return Err(no_device(d)),
                idx => attrs.u32(attr as u16, idx),
            };
        }
    }
    if mark != 0 {
        attrs.u32(RTA_MARK as u16, mark);
    }
    if family == 0 {
        family = AF_INET;
    }
    if family == AF_INET {
        rflags |= RTM_F_LOOKUP_TABLE;
    }
    if fib_match {
        rflags |= RTM_F_FIB_MATCH;
    }
    let request = request(family, dst_len, src_len, tos, rflags, &attrs.finish()?);
    let ask = |nl: &mut crate::netlink::Netlink| {
        nl.query_raw(Outgoing::Raw { kind: RTM_GETROUTE, body: &request }, 0, <[u8]>::to_vec).map_err(Error::from)
    };
    let answer = ask(nl)?;
    let (nl, p, opts, links) = ctx.parts()?;
    let filter = Filter { cloned: 2, ..Filter::default() };
    let nexthops = crate::objects::nexthop::cache::Cache::new(opts.family.af());
    let view = View { opts, links, filter: &filter, nexthops: &nexthops };
    p.begin()?;
    let route = |answer: &[u8]| -> Result<()> {
        match Route::from_nlmsg(answer) {
            Some(r) if matches!(r.msg_type, RTM_NEWROUTE | RTM_DELROUTE) => Ok(()),
            Some(_) => Err(Error::Failure("Not a route?".into())),
            None => Err(Error::Failure("An error :-)".into())),
        }
    };
    let show = |p: &mut crate::print::Printer<crate::Out>, answer: &[u8]| -> Result<()> {
        route(answer)?;
        if let Some(r) = Route::from_nlmsg(answer) {
            print_route(p, &view, &r)?;
        }
        Ok(())
    };
    if connected && !from_ok {
        // iproute2 prints the first answer, checks that it has a source,
        // then asks again with the very same request.
        show(p, &answer)?;
        let has_src = Route::from_nlmsg(&answer).is_some_and(|r| r.attr(RTA_PREFSRC).is_some() || r.attr(RTA_SRC).is_some());
        if !has_src {
            return Err(Error::Failure("Failed to connect the route".into()));
        }
        let again = ask(nl)?;
        return show(p, &again);
    }
    show(p, &answer)
}
