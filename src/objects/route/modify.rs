//! `route add|change|replace|prepend|append|test|delete` (`iproute_modify`):
//! the words become one RTM_NEWROUTE/RTM_DELROUTE with iproute2's defaults
//! for table, scope, protocol and type, and the attributes laid out as
//! iproute2 lays them out.


use crate::cli::bytes::bytes;
use crate::netlink::request::Echo;
use crate::objects::route::grammar::{NEXTHOP, ROUTE};
use crate::cli::options::Family;
use crate::cli::words::{lookup, matches, Words};
use crate::error::{duparg2, invarg, no_device, Error, Result, Topic};
use crate::names::tables::{self, RT_TABLE_LOCAL, RT_TABLE_MAIN, RTN_ANYCAST, RTN_BROADCAST, RTN_LOCAL, RTN_MULTICAST, RTN_NAT, RTN_UNICAST, RTN_UNSPEC};
use crate::netlink::attr::AttrWriter;
use crate::netlink::{Netlink, Outgoing};
use crate::objects::link::modify::index_of;
use netlink_packet_core::{NLM_F_APPEND, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};
use crate::parse::{self, Addr};
use crate::Context;

use super::msg::*;


pub fn add(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, args)
}
pub fn change(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, RTM_NEWROUTE, NLM_F_REPLACE, args)
}
pub fn replace(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, args)
}
pub fn prepend(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, RTM_NEWROUTE, NLM_F_CREATE, args)
}
pub fn append(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND, args)
}
pub fn test(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, RTM_NEWROUTE, NLM_F_EXCL, args)
}
pub fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, RTM_DELROUTE, 0, args)
}

/// An address as iproute2's `inet_prefix` after `get_addr`/`get_prefix`:
/// its family and the bytes that go into an attribute (on the stack).
struct Bytes {
    family: u8,
    buf: [u8; 16],
    len: usize,
    bitlen: u8,
}

impl Bytes {
    fn data(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

fn to_bytes(p: &parse::Prefix) -> Bytes {
    let mut buf = [0u8; 16];
    let (family, len) = match &p.addr {
        Addr::Default(f) => (f.af(), (parse::bit_len(*f) / 8) as usize),
        Addr::Any(f) => (f.af(), 0),
        Addr::Ip(std::net::IpAddr::V4(a)) => {
            buf[..4].copy_from_slice(&a.octets());
            (AF_INET, 4)
        }
        Addr::Ip(std::net::IpAddr::V6(a)) => {
            buf = a.octets();
            (AF_INET6, 16)
        }
    };
    Bytes { family, buf, len: len.min(16), bitlen: p.len }
}

fn family_of(af: u8) -> Family {
    match af {
        AF_INET => Family::Inet,
        AF_INET6 => Family::Inet6,
        AF_MPLS => Family::Mpls,
        a if a == libc::AF_PACKET as u8 => Family::Packet,
        a if a == libc::AF_BRIDGE as u8 => Family::Bridge,
        _ => Family::Unspec,
    }
}

/// `get_addr(…, family)` as bytes (iproute2's message and exit 1 on error).
fn address(word: &str, family: u8) -> Result<Bytes> {
    let fam = family_of(family);
    let a = parse::get_addr(word, fam)?;
    let len = match &a {
        Addr::Default(f) | Addr::Any(f) => parse::bit_len(*f),
        Addr::Ip(std::net::IpAddr::V4(_)) => 32,
        Addr::Ip(std::net::IpAddr::V6(_)) => 128,
    };
    Ok(to_bytes(&parse::Prefix { addr: a, len, len_given: false }))
}

/// `get_time_rtt`: `NUMBER[s|sec|secs|ms|msec|msecs]` in milliseconds,
/// and whether it was a bare number ("raw").
pub fn time_rtt(arg: &str) -> Option<(u32, bool)> {
    let (t, rest) = if arg.contains('.') {
        let end = arg
            .char_indices()
            .take_while(|(i, c)| c.is_ascii_digit() || *c == '.' || (*i == 0 && (*c == '-' || *c == '+')))
            .count();
        let t: f64 = arg[..end].parse().ok()?;
        if t < 0.0 {
            return None;
        }
        (t, &arg[end..])
    } else {
        let (v, overflow, rest) = parse::strtoul(arg, 0)?;
        if overflow {
            return None;
        }
        (v as f64, rest)
    };
    let raw = rest.is_empty();
    let t = match rest.to_ascii_lowercase().as_str() {
        "" => t,
        "s" | "sec" | "secs" => t * 1000.0,
        "ms" | "msec" | "msecs" => t,
        _ => return None,
    };
    // An unsigned int, rounded up as iproute2 does.
    let mut v = t as u32;
    if (v as f64) < t {
        v = v.wrapping_add(1);
    }
    Some((v, raw))
}

/// `read_family` for `via`: a family word, or None.
fn via_family(word: &str) -> Option<u8> {
    match Family::parse(word)? {
        Family::Unspec => None,
        f => Some(f.af()),
    }
}

/// A gateway in family `rt_family` is RTA_GATEWAY; in another, RTA_VIA.
fn put_gateway(w: &mut AttrWriter, rt_family: u8, addr: &Bytes) {
    if addr.family == rt_family {
        w.put(RTA_GATEWAY as u16, addr.data());
    } else {
        let mut v = u16::from(addr.family).to_ne_bytes().to_vec();
        v.extend_from_slice(addr.data());
        w.put(RTA_VIA as u16, &v);
    }
}

struct Request {
    family: u8,
    table: u8,
    protocol: u8,
    scope: u8,
    kind: u8,
    flags: u32,
    dst_len: u8,
    src_len: u8,
    tos: u8,
    /// The attributes, as they are sent.
    attrs: AttrWriter,
}

/// `parse_one_nh`: the words of one `nexthop` up to the next `nexthop`.
fn parse_one_nexthop(nl: &mut Netlink, prog: &str, req: &mut Request, w: &mut Words) -> Result<Vec<u8>> {
    let (mut flags, mut hops, mut ifindex) = (0u8, 0u8, 0u32);
    let mut attrs = AttrWriter::new();
    while let Some(word) = w.peek() {
        let Some(k) = lookup(word, NEXTHOP) else { break };
        w.next();
        match k.names.first().map_or("", |n| n.text) {
            "via" => {
                let mut v = w.value()?;
                let fam = match via_family(v) {
                    Some(f) => {
                        v = w.value()?;
                        f
                    }
                    None => req.family,
                };
                let addr = address(v, fam)?;
                if req.family == 0 {
                    req.family = addr.family;
                }
                put_gateway(&mut attrs, req.family, &addr);
            }
            "dev" => {
                let v = w.value()?;
                ifindex = match index_of(nl, prog, v) {
                    0 => {
                        crate::netlink::pipeline::say(format!("Cannot find device \"{v}\""));
                        return Err(Error::Usage("Error: cannot parse nexthop".into()));
                    }
                    i => i,
                };
            }
            "weight" => {
                let v = w.value()?;
                match parse::get_unsigned(v) {
                    Some(n) if (1..=256).contains(&n) => hops = (n - 1) as u8,
                    _ => return Err(invarg("\"weight\" is invalid\n", v)),
                }
            }
            "onlink" => flags |= RTNH_F_ONLINK as u8,
            "realms" => {
                let v = w.value()?;
                let r = tables::realms(v).ok_or_else(|| invarg("\"realm\" value is invalid\n", v))?;
                attrs.u32(RTA_FLOW as u16, r);
            }
            "as" => {
                let mut v = w.value()?;
                if v == "to" {
                    v = w.value()?;
                }
                let addr = address(v, req.family)?;
                attrs.put(RTA_NEWDST as u16, addr.data());
            }
            _ => return Err(Error::Failure("encap is not supported by rtun".into())),
        }
    }
    // `struct rtnexthop`, then its attributes (all of fixed size).
    let attrs = attrs.finish()?;
    let mut nh = Vec::with_capacity(8 + attrs.len());
    nh.extend_from_slice(&((8 + attrs.len()) as u16).to_ne_bytes());
    nh.push(flags);
    nh.push(hops);
    nh.extend_from_slice(&ifindex.to_ne_bytes());
    nh.extend_from_slice(&attrs);
    Ok(nh)
}

/// `parse_nexthops`: `nexthop … nexthop …` into one RTA_MULTIPATH. The
/// first `nexthop` has already been read by the caller.
fn parse_nexthops(nl: &mut Netlink, prog: &str, req: &mut Request, w: &mut Words) -> Result<()> {
    let mut all = Vec::new();
    let mut first = true;
    loop {
        if !first {
            match w.next() {
                None => break,
                Some("nexthop") => {}
                Some(word) => {
                    return Err(Error::Usage(format!("Error: \"nexthop\" or end of line is expected instead of \"{word}\"")))
                }
            }
        }
        first = false;
        if w.is_empty() {
            return Err(Error::Usage("Error: unexpected end of line after \"nexthop\"".into()));
        }
        all.extend(parse_one_nexthop(nl, prog, req, w)?);
    }
    if !all.is_empty() {
        req.attrs.put(RTA_MULTIPATH as u16, &all);
    }
    Ok(())
}

/// A metric with an optional `lock` before its value.
fn locked_value<'a>(w: &mut Words<'a>, lock: &mut u32, bit: usize) -> Result<&'a str> {
    let v = w.value()?;
    if v == "lock" {
        *lock |= 1 << bit;
        return w.value();
    }
    Ok(v)
}

fn modify(ctx: &mut Context, cmd: u16, flags: u16, args: &[String]) -> Result<()> {
    let preferred = ctx.opts.family;
    let echo = ctx.opts.echo;
    let prog = ctx.prog;
    let nl = ctx.nl()?;
    let mut req = Request {
        family: preferred.af(),
        table: RT_TABLE_MAIN as u8,
        protocol: 0,
        scope: RT_SCOPE_NOWHERE,
        kind: RTN_UNSPEC,
        flags: 0,
        dst_len: 0,
        src_len: 0,
        tos: 0,
        attrs: AttrWriter::new(),
    };
    if cmd != RTM_DELROUTE {
        req.protocol = RTPROT_BOOT;
        req.scope = RT_SCOPE_UNIVERSE;
        req.kind = RTN_UNICAST;
    }
    let mut mx = AttrWriter::new();
    let mut lock = 0u32;
    let mut dev: Option<&str> = None;
    let (mut gw_ok, mut dst_ok, mut nhs_ok, mut scope_ok, mut table_ok, mut type_ok) = (false, false, false, false, false, false);
    let mut nhid = 0u32;
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let key = lookup(word, ROUTE).and_then(|k| k.names.first()).map_or("", |n| n.text);
        match key {
            "src" => {
                let a = address(w.value()?, req.family)?;
                if req.family == 0 {
                    req.family = a.family;
                }
                req.attrs.put(RTA_PREFSRC as u16, a.data());
            }
            "as" => {
                let mut v = w.value()?;
                if v == "to" {
                    v = w.value()?;
                }
                let a = address(v, req.family)?;
                if req.family == 0 {
                    req.family = a.family;
                }
                req.attrs.put(RTA_NEWDST as u16, a.data());
            }
            "via" => {
                if gw_ok {
                    return Err(invarg("use nexthop syntax to specify multiple via\n", word));
                }
                gw_ok = true;
                let mut v = w.value()?;
                let fam = match via_family(v) {
                    Some(f) => {
                        v = w.value()?;
                        f
                    }
                    None => req.family,
                };
                let a = address(v, fam)?;
                if req.family == 0 {
                    req.family = a.family;
                }
                put_gateway(&mut req.attrs, req.family, &a);
            }
            "from" => {
                let p = to_bytes(&parse::get_prefix(w.value()?, family_of(req.family))?);
                if req.family == 0 {
                    req.family = p.family;
                }
                if !p.data().is_empty() {
                    req.attrs.put(RTA_SRC as u16, p.data());
                }
                req.src_len = p.bitlen;
            }
            "tos" => {
                let v = w.value()?;
                req.tos = tables::dsfield_id(v).ok_or_else(|| invarg("\"tos\" value is invalid\n", v))?;
            }
            "expires" => {
                let v = w.value()?;
                let e = parse::get_u32(v, 0).ok_or_else(|| invarg("\"expires\" value is invalid\n", v))?;
                req.attrs.u32(RTA_EXPIRES as u16, e);
            }
            "metric" => {
                let v = w.value()?;
                let m = parse::get_u32(v, 0).ok_or_else(|| invarg("\"metric\" value is invalid\n", v))?;
                req.attrs.u32(RTA_PRIORITY as u16, m);
            }
            "scope" => {
                let v = w.value()?;
                req.scope = tables::scope_id(v).ok_or_else(|| invarg("invalid \"scope\" value\n", v))?;
                scope_ok = true;
            }
            "mtu" | "advmss" | "reordering" | "window" | "cwnd" | "initcwnd" | "initrwnd" | "ssthresh" | "hoplimit" => {
                let (bit, what) = match key {
                    "mtu" => (RTAX_MTU, "mtu"),
                    "advmss" => (RTAX_ADVMSS, "mss"),
                    "reordering" => (RTAX_REORDERING, "reordering"),
                    "window" => (RTAX_WINDOW, "window"),
                    "cwnd" => (RTAX_CWND, "cwnd"),
                    "initcwnd" => (RTAX_INITCWND, "initcwnd"),
                    "initrwnd" => (RTAX_INITRWND, "initrwnd"),
                    "ssthresh" => (RTAX_SSTHRESH, "ssthresh"),
                    _ => (RTAX_HOPLIMIT, "hoplimit"),
                };
                let v = locked_value(&mut w, &mut lock, bit)?;
                let n = parse::get_unsigned(v)
                    .filter(|n| bit != RTAX_HOPLIMIT || *n <= 255)
                    .ok_or_else(|| invarg(&format!("\"{what}\" value is invalid\n"), v))?;
                mx.u32(bit as u16, n);
            }
            "rtt" | "rttvar" => {
                let (bit, scale) = if key == "rtt" { (RTAX_RTT, 8) } else { (RTAX_RTTVAR, 4) };
                let v = locked_value(&mut w, &mut lock, bit)?;
                let (t, raw) = time_rtt(v).ok_or_else(|| invarg(&format!("\"{key}\" value is invalid\n"), v))?;
                mx.u32(bit as u16, if raw { t } else { t.wrapping_mul(scale) });
            }
            "rto_min" => {
                let v = w.value()?;
                lock |= 1 << RTAX_RTO_MIN;
                let (t, _) = time_rtt(v).ok_or_else(|| invarg("\"rto_min\" value is invalid\n", v))?;
                mx.u32(RTAX_RTO_MIN as u16, t);
            }
            "features" => {
                let v = w.value()?;
                if v != "ecn" {
                    return Err(invarg("\"features\" value not valid\n", v));
                }
                mx.u32(RTAX_FEATURES as u16, 1);
            }
            "quickack" | "fastopen_no_cookie" => {
                let v = w.value()?;
                let n = parse::get_unsigned(v).ok_or_else(|| invarg(&format!("\"{key}\" value is invalid\n"), v))?;
                if n > 1 {
                    return Err(invarg(&format!("\"{key}\" value should be 0 or 1\n"), v));
                }
                let bit = if key == "quickack" { RTAX_QUICKACK } else { RTAX_FASTOPEN_NO_COOKIE };
                mx.u32(bit as u16, n);
            }
            "congctl" => {
                let v = locked_value(&mut w, &mut lock, RTAX_CC_ALGO)?;
                mx.put(RTAX_CC_ALGO as u16, &bytes(v));
            }
            "realms" => {
                let v = w.value()?;
                let r = tables::realms(v).ok_or_else(|| invarg("\"realm\" value is invalid\n", v))?;
                req.attrs.u32(RTA_FLOW as u16, r);
            }
            "onlink" => req.flags |= RTNH_F_ONLINK,
            "nexthop" => {
                nhs_ok = true;
                break;
            }
            "nhid" => {
                let v = w.value()?;
                nhid = parse::get_u32(v, 0).ok_or_else(|| invarg("\"id\" value is invalid\n", v))?;
                req.attrs.u32(RTA_NH_ID as u16, nhid);
            }
            "protocol" => {
                let v = w.value()?;
                req.protocol = tables::protocol_id(v).ok_or_else(|| invarg("\"protocol\" value is invalid\n", v))?;
            }
            "table" | "vrf" => {
                let v = w.value()?;
                let tid = if key == "table" {
                    tables::table_id(v).ok_or_else(|| invarg("\"table\" value is invalid\n", v))?
                } else {
                    match super::vrf_table(nl, v) {
                        0 => return Err(invarg("Invalid VRF\n", v)),
                        t => t,
                    }
                };
                if tid < 256 {
                    req.table = tid as u8;
                } else {
                    req.table = 0;
                    req.attrs.u32(RTA_TABLE as u16, tid);
                }
                table_ok = true;
            }
            "dev" => dev = Some(w.value()?),
            "pref" => {
                let v = w.value()?;
                let pref = match v {
                    "low" => 3,
                    "medium" => 0,
                    "high" => 1,
                    _ => parse::get_u8(v, 0).ok_or_else(|| invarg("\"pref\" value is invalid\n", v))?,
                };
                req.attrs.u8(RTA_PREF as u16, pref);
            }
            "encap" => return Err(Error::Failure("encap is not supported by rtun".into())),
            "ttl-propagate" => {
                let v = w.value()?;
                let on = if matches(v, "enabled") {
                    1
                } else if matches(v, "disabled") {
                    0
                } else {
                    return Err(invarg("\"ttl-propagate\" value is invalid\n", v));
                };
                req.attrs.u8(RTA_TTL_PROPAGATE as u16, on);
            }
            // `[to] [TYPE] PREFIX`
            _ => {
                let mut v = word;
                if v == "to" {
                    v = w.value()?;
                }
                if !v.starts_with(|c: char| c.is_ascii_digit()) {
                    if let Some(t) = tables::route_type_id(v) {
                        v = w.value()?;
                        req.kind = t;
                        type_ok = true;
                    }
                }
                if matches(v, "help") {
                    return Err(super::help());
                }
                if dst_ok {
                    return Err(duparg2("to", v));
                }
                let p = to_bytes(&parse::get_prefix(v, family_of(req.family))?);
                if req.family == 0 {
                    req.family = p.family;
                }
                req.dst_len = p.bitlen;
                dst_ok = true;
                if !p.data().is_empty() {
                    req.attrs.put(RTA_DST as u16, p.data());
                }
            }
        }
    }
    if !dst_ok {
        return Err(Error::synopsis(Topic::Current));
    }
    if let Some(d) = dev {
        let idx = match index_of(nl, prog, d) {
            0 => return Err(no_device(d)),
            i => i,
        };
        req.attrs.u32(RTA_OIF as u16, idx);
    }
    if !mx.is_empty() {
        if lock != 0 {
            mx.u32(RTAX_LOCK as u16, lock);
        }
        req.attrs.put(RTA_METRICS as u16, &mx.finish()?);
    }
    if nhs_ok {
        parse_nexthops(nl, prog, &mut req, &mut w)?;
    }
    if req.family == 0 {
        req.family = AF_INET;
    }
    if !table_ok && matches!(req.kind, RTN_LOCAL | RTN_BROADCAST | RTN_NAT | RTN_ANYCAST) {
        req.table = RT_TABLE_LOCAL as u8;
    }
    if !scope_ok {
        if req.family == AF_INET6 || req.family == AF_MPLS {
            req.scope = RT_SCOPE_UNIVERSE;
        } else if matches!(req.kind, RTN_LOCAL | RTN_NAT) {
            req.scope = RT_SCOPE_HOST;
        } else if matches!(req.kind, RTN_BROADCAST | RTN_MULTICAST | RTN_ANYCAST) {
            req.scope = RT_SCOPE_LINK;
        } else if matches!(req.kind, RTN_UNICAST | RTN_UNSPEC) {
            if cmd == RTM_DELROUTE {
                req.scope = RT_SCOPE_NOWHERE;
            } else if !gw_ok && !nhs_ok && nhid == 0 {
                req.scope = RT_SCOPE_LINK;
            }
        }
    }
    if !type_ok && req.family == AF_MPLS {
        req.kind = RTN_UNICAST;
    }
    // Laid out here rather than through netlink-packet-route's types: a
    // batch builds a million of these.
    let body = build(req)?;
    let msg = Outgoing::Raw { kind: cmd, body: &body };
    if !echo {
        return nl.submit_out(msg, flags).map_err(Error::from);
    }
    // `-echo`: the kernel sends back the route as it stored it.
    // Nothing changed (a `replace` by the same route): iproute2's
    // `print_route` is handed the ACK and says so.
    let reply = nl
        .echo_raw(msg, flags, |e| match e {
            Echo::Message(m) => Ok(m.to_vec()),
            Echo::Ack(h) => Err(h),
        })
        .map_err(Error::from)?;
    let (_, p, opts, links) = ctx.parts()?;
    let filter = super::filter::Filter::default();
    let nexthops = crate::objects::nexthop::cache::Cache::new(opts.family.af());
    let view = super::print::View { opts, links, filter: &filter, nexthops: &nexthops };
    p.begin()?;
    p.open_object(None)?;
    match reply {
        Ok(m) => {
            if let Some(route) = Route::from_nlmsg(&m) {
                super::print::print_route(p, &view, &route)?;
            }
        }
        Err(h) => crate::netlink::pipeline::say(format!("Not a route: {:08x} {:08x} {:08x}", h.len, h.kind, h.flags)),
    }
    p.close_object()?;
    Ok(())
}

/// The request's payload: `struct rtmsg`, then the attributes.
fn build(req: Request) -> Result<Vec<u8>> {
    let attrs = req.attrs.finish()?;
    let mut b = Vec::with_capacity(RTMSG_LEN + attrs.len());
    b.extend_from_slice(&[req.family, req.dst_len, req.src_len, req.tos, req.table, req.protocol, req.scope, req.kind]);
    b.extend_from_slice(&req.flags.to_ne_bytes());
    b.extend_from_slice(&attrs);
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtt_times() {
        assert_eq!(time_rtt("30"), Some((30, true)));
        assert_eq!(time_rtt("30ms"), Some((30, false)));
        assert_eq!(time_rtt("2s"), Some((2000, false)));
        assert_eq!(time_rtt("1.5"), Some((2, true)));
        assert_eq!(time_rtt("0.5s"), Some((500, false)));
        assert_eq!(time_rtt("3x"), None);
        assert_eq!(time_rtt("ms"), None);
    }

    #[test]
    fn rtmsg_layout() {
        let mut req = Request {
            family: AF_INET,
            table: 254,
            protocol: 3,
            scope: 0,
            kind: 6,
            flags: RTNH_F_ONLINK,
            dst_len: 24,
            src_len: 0,
            tos: 0,
            attrs: AttrWriter::new(),
        };
        req.attrs.put(RTA_DST as u16, &[10, 0, 0, 0]);
        let b = build(req).unwrap();
        assert_eq!(&b[..8], &[2, 24, 0, 0, 254, 3, 0, 6]);
        assert_eq!(u32::from_ne_bytes([b[8], b[9], b[10], b[11]]), RTNH_F_ONLINK);
        assert_eq!(&b[12..], &[8, 0, 1, 0, 10, 0, 0, 0]);
    }


}
