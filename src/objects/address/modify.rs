//! `address add|change|replace|delete` (iproute2's `ipaddr_modify`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};

use super::flags;
use crate::netlink::request::Echo;
use crate::netlink::Outgoing;
use crate::names::tables::scope_id;
use super::print::{print_addr, Addr, Style};
use crate::objects::address::grammar::MODIFY_KEYWORDS;
use crate::cli::options::Family;
use crate::cli::words::{lookup, Words};
use crate::cli::bytes::bytes;
use crate::error::{duparg, duparg2, invarg, too_long, Error, Result};
use crate::netlink::attr::{AttrWriter, MAX_PAYLOAD};
use crate::netlink::ipbuf;
use crate::objects::link::modify::index_of;
use crate::netlink::addr::{AddrMsg, IFA_ADDRESS, IFA_ANYCAST, IFA_BROADCAST, IFA_CACHEINFO, IFA_FLAGS, IFA_LABEL, IFA_LOCAL, IFA_RT_PRIORITY, RTM_DELADDR, RTM_NEWADDR};
use crate::parse::{get_addr, get_prefix, Addr as PAddr, Prefix};
use crate::Context;

const INFINITY_LIFE_TIME: u32 = u32::MAX;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Op {
    Add,
    Change,
    Replace,
    Delete,
}

impl Op {
    /// The request's NLM_F_* flags (rtnetlink's, for every object).
    pub fn flags(self) -> u16 {
        match self {
            Op::Add => NLM_F_CREATE | NLM_F_EXCL,
            Op::Change => NLM_F_REPLACE,
            Op::Replace => NLM_F_CREATE | NLM_F_REPLACE,
            Op::Delete => 0,
        }
    }
}

pub fn add(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, Op::Add)
}

pub fn change(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, Op::Change)
}

pub fn replace(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, Op::Replace)
}

pub fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, Op::Delete)
}

/// The bytes of a parsed address (`default`/`any` are zeros of the family).
fn addr_ip(a: &PAddr) -> Option<IpAddr> {
    match a {
        PAddr::Ip(ip) => Some(*ip),
        PAddr::Default(f) | PAddr::Any(f) => match f {
            Family::Inet => Some(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
            Family::Inet6 => Some(IpAddr::V6(Ipv6Addr::UNSPECIFIED)),
            _ => None,
        },
    }
}

fn family_of(ip: Option<IpAddr>, fallback: Family) -> Family {
    match ip {
        Some(IpAddr::V4(_)) => Family::Inet,
        Some(IpAddr::V6(_)) => Family::Inet6,
        None => fallback,
    }
}

fn byte_len(ip: Option<IpAddr>) -> usize {
    match ip {
        Some(IpAddr::V4(_)) => 4,
        Some(IpAddr::V6(_)) => 16,
        None => 0,
    }
}

/// The attributes of an address request. As `ip`, each is left out where
/// ip's buffer (`ipbuf::ADDR_REQ`) has no room for it, with ip's message.
struct Request {
    w: AttrWriter,
    ip: bool,
}

impl Request {
    fn put(&mut self, kind: u16, payload: &[u8]) {
        if !self.ip || ipbuf::admits(ipbuf::ADDR_REQ, ipbuf::ADDR_HEAD + self.w.len(), payload.len()) {
            self.w.put(kind, payload);
        }
    }

    /// An address: the bytes iproute2 parsed, whatever their family (the
    /// kernel judges); a family-less `default` is sent empty.
    fn ip(&mut self, kind: u16, ip: Option<IpAddr>) {
        match ip {
            Some(IpAddr::V4(a)) => self.put(kind, &a.octets()),
            Some(IpAddr::V6(a)) => self.put(kind, &a.octets()),
            None => self.put(kind, &[]),
        }
    }
}

/// `brd +` / `brd -`: the peer prefix with its host bits all set or all
/// cleared; None for /31 and /32, which have no broadcast address.
pub fn computed_broadcast(peer: Ipv4Addr, prefix_len: u8, set: bool) -> Option<Ipv4Addr> {
    if prefix_len > 30 {
        return None;
    }
    let host = u32::MAX.checked_shr(u32::from(prefix_len)).unwrap_or(0);
    let bits = u32::from(peer);
    Some(Ipv4Addr::from(if set { bits | host } else { bits & !host }))
}

fn set_lifetime(word: &str) -> Option<u32> {
    if word == "forever" {
        Some(INFINITY_LIFE_TIME)
    } else {
        crate::parse::get_u32(word, 0)
    }
}

fn is_multicast(ip: Option<IpAddr>) -> bool {
    ip.is_some_and(|ip| ip.is_multicast())
}

pub fn modify(ctx: &mut Context, args: &[String], op: Op) -> Result<()> {
    let mut family = ctx.opts.family;
    let prog = ctx.prog;
    let mut attrs = Request { w: AttrWriter::new(), ip: prog == "ip" };
    let mut prefix_len: u8 = 0;
    let mut scope: u8 = 0;
    let mut scoped = false;
    let mut dev: Option<&str> = None;
    let mut local: Option<(Prefix, &str)> = None;
    let mut peer: Option<Prefix> = None;
    // iproute2's brd_len: 0 none, -1 `+`, -2 `-`, else an explicit address.
    let mut brd: i32 = 0;
    let mut any_given = false;
    let mut valid_given = false;
    let mut preferred_given = false;
    let mut valid_lft = INFINITY_LIFE_TIME;
    let mut preferred_lft = INFINITY_LIFE_TIME;
    let mut ifa_flags: u32 = 0;

    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let key = match lookup(word, MODIFY_KEYWORDS).and_then(|k| k.names.first()).map_or("", |n| n.text) {
            // The flag words' entry.
            "secondary" => "FLAG",
            other => other,
        };
        match key {
            "peer" => {
                let v = w.value()?;
                if peer.as_ref().is_some_and(|p| byte_len(addr_ip(&p.addr)) != 0) {
                    return Err(duparg("peer", v));
                }
                let pf = get_prefix(v, family)?;
                let ip = addr_ip(&pf.addr);
                if family == Family::Unspec {
                    family = pf.family();
                }
                attrs.ip(IFA_ADDRESS, ip);
                prefix_len = pf.len;
                peer = Some(pf);
            }
            "broadcast" => {
                let v = w.value()?;
                if brd != 0 {
                    return Err(duparg("broadcast", v));
                }
                match v {
                    "+" => brd = -1,
                    "-" => brd = -2,
                    _ => {
                        let a = get_addr(v, family)?;
                        let ip = addr_ip(&a);
                        if family == Family::Unspec {
                            family = family_of(ip, family);
                        }
                        attrs.ip(IFA_BROADCAST, ip);
                        brd = byte_len(ip) as i32;
                    }
                }
            }
            "anycast" => {
                let v = w.value()?;
                if any_given {
                    return Err(duparg("anycast", v));
                }
                let a = get_addr(v, family)?;
                let ip = addr_ip(&a);
                if family == Family::Unspec {
                    family = family_of(ip, family);
                }
                attrs.ip(IFA_ANYCAST, ip);
                any_given = byte_len(ip) != 0;
            }
            "scope" => {
                let v = w.value()?;
                scope = scope_id(v).ok_or_else(|| invarg("invalid scope value.", v))?;
                scoped = true;
            }
            "dev" => dev = Some(w.value()?),
            "label" => {
                let v = w.value()?;
                let mut label = bytes(v).into_owned();
                if label.len() + 1 > MAX_PAYLOAD && !attrs.ip {
                    return Err(too_long(v, label.len()));
                }
                label.push(0);
                attrs.put(IFA_LABEL, &label);
            }
            "metric" => {
                let v = w.value()?;
                let m = crate::parse::get_u32(v, 0).ok_or_else(|| invarg("\"metric\" value is invalid\n", v))?;
                attrs.put(IFA_RT_PRIORITY, &m.to_ne_bytes());
            }
            "valid_lft" => {
                if valid_given {
                    return Err(duparg("valid_lft", word));
                }
                let v = w.value()?;
                valid_given = true;
                valid_lft = set_lifetime(v).ok_or_else(|| invarg("valid_lft value", v))?;
            }
            "preferred_lft" => {
                if preferred_given {
                    return Err(duparg("preferred_lft", word));
                }
                let v = w.value()?;
                preferred_given = true;
                preferred_lft = set_lifetime(v).ok_or_else(|| invarg("preferred_lft value", v))?;
            }
            "FLAG" => {
                if let Some(fl) = flags::by_name(word) {
                    if fl.readonly {
                        crate::netlink::pipeline::say(format!("Warning: {} option is not mutable from userspace", fl.name));
                    } else if fl.v6only && family != Family::Inet6 {
                        crate::netlink::pipeline::say(format!("Warning: {} option can be set only for IPv6 addresses", fl.name));
                    } else {
                        ifa_flags |= fl.mask;
                    }
                }
            }
            _ => {
                let v = if key == "local" { w.value()? } else { word };
                if crate::cli::words::matches(v, "help") {
                    return Err(Error::help(crate::error::Topic::Current));
                }
                if local.as_ref().is_some_and(|(p, _)| byte_len(addr_ip(&p.addr)) != 0) {
                    return Err(duparg2("local", v));
                }
                let pf = get_prefix(v, family)?;
                let ip = addr_ip(&pf.addr);
                if family == Family::Unspec {
                    family = pf.family();
                }
                attrs.ip(IFA_LOCAL, ip);
                local = Some((pf, v));
            }
        }
    }

    let mut header_flags = 0u8;
    if ifa_flags <= 0xff {
        header_flags = ifa_flags as u8;
    } else {
        attrs.put(IFA_FLAGS, &ifa_flags.to_ne_bytes());
    }
    let Some(dev) = dev else {
        return Err(Error::Failure("Not enough information: \"dev\" argument is required.".into()));
    };
    let local_ip = local.as_ref().and_then(|(p, _)| addr_ip(&p.addr));
    let peer_given = peer.as_ref().is_some_and(|p| byte_len(addr_ip(&p.addr)) != 0);
    if !peer_given {
        if let Some((lcl, text)) = local.as_ref().filter(|(p, _)| byte_len(addr_ip(&p.addr)) != 0) {
            if op == Op::Delete && lcl.family() == Family::Inet && !lcl.len_given {
                crate::netlink::pipeline::say(format!(
                    "Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length ({text}/{}) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!",
                    byte_len(local_ip) * 8
                ));
            } else {
                attrs.ip(IFA_ADDRESS, local_ip);
                peer = Some(lcl.clone());
            }
        }
    }
    let local_len = local.as_ref().map_or(0, |(p, _)| p.len);
    if prefix_len == 0 {
        prefix_len = local_len;
    }
    if brd < 0 && op != Op::Delete {
        if family != Family::Inet {
            return Err(Error::Failure("Broadcast can be set only for IPv4 addresses".into()));
        }
        // iproute2 starts from the peer (the local address when no peer was given).
        let base = peer.as_ref().map(|p| (addr_ip(&p.addr), p.len));
        let (ip, len) = match base {
            Some((Some(IpAddr::V4(ip)), len)) => (ip, len),
            _ => (Ipv4Addr::UNSPECIFIED, 0),
        };
        if let Some(b) = computed_broadcast(ip, len, brd == -1) {
            attrs.put(IFA_BROADCAST, &b.octets());
        }
    }
    if !scoped && op != Op::Delete {
        scope = match local_ip {
            Some(IpAddr::V4(a)) if a.octets()[0] == 127 => libc::RT_SCOPE_HOST,
            _ => 0,
        };
    }
    let echo_wanted = ctx.opts.echo;
    let nl = ctx.nl()?;
    let index = index_of(nl, prog, dev);
    if index == 0 {
        return Err(crate::error::no_device(dev));
    }
    if valid_given || preferred_given {
        if valid_lft == 0 {
            return Err(Error::Failure("valid_lft is zero".into()));
        }
        if valid_lft < preferred_lft {
            return Err(Error::Failure("preferred_lft is greater than valid_lft".into()));
        }
        // `struct ifa_cacheinfo`: preferred, valid, then two stamps.
        let mut cache = preferred_lft.to_ne_bytes().to_vec();
        cache.extend_from_slice(&valid_lft.to_ne_bytes());
        cache.extend_from_slice(&[0; 8]);
        attrs.put(IFA_CACHEINFO, &cache);
    }
    if ifa_flags & flags::MCAUTOJOIN != 0 && !is_multicast(local_ip) {
        return Err(Error::Failure("autojoin needs multicast address".into()));
    }

    // `struct ifaddrmsg`, then the attributes.
    let mut body = vec![family.af(), prefix_len, header_flags, scope];
    body.extend_from_slice(&index.to_ne_bytes());
    body.extend_from_slice(&attrs.w.finish()?);
    let req = Outgoing::Raw { kind: if op == Op::Delete { RTM_DELADDR } else { RTM_NEWADDR }, body: &body };
    if !echo_wanted {
        return nl.submit_out(req, op.flags()).map_err(Error::from);
    }
    echo(ctx, req, op.flags())
}

/// `-echo`: ask the kernel to send back what it did, and print that.
fn echo(ctx: &mut Context, req: Outgoing, flags: u16) -> Result<()> {
    let (nl, p, opts, links) = ctx.parts()?;
    // Only an ACK (nothing changed): `print_addrinfo` prints nothing.
    let reply = nl.echo_raw(req, flags, |e| match e {
        Echo::Message(m) => Some(m.to_vec()),
        Echo::Ack(_) => None,
    });
    let reply = reply.map_err(Error::from)?;
    let style = Style { opts, with_dev: true, links };
    p.begin()?;
    p.open_object(None)?;
    if let Some(msg) = reply.as_deref().and_then(AddrMsg::from_nlmsg) {
        match msg.msg_type {
            RTM_NEWADDR => print_addr(p, &Addr::of(msg), false, &style)?,
            RTM_DELADDR => print_addr(p, &Addr::of(msg), true, &style)?,
            _ => {}
        }
    }
    p.close_object()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcast_plus_and_minus() {
        let ip = Ipv4Addr::new(10, 1, 2, 3);
        assert_eq!(computed_broadcast(ip, 24, true), Some(Ipv4Addr::new(10, 1, 2, 255)));
        assert_eq!(computed_broadcast(ip, 24, false), Some(Ipv4Addr::new(10, 1, 2, 0)));
        assert_eq!(computed_broadcast(ip, 0, true), Some(Ipv4Addr::BROADCAST));
        assert_eq!(computed_broadcast(ip, 30, true), Some(Ipv4Addr::new(10, 1, 2, 3)));
        assert_eq!(computed_broadcast(ip, 31, true), None);
        assert_eq!(computed_broadcast(ip, 32, true), None);
    }

    #[test]
    fn lifetimes() {
        assert_eq!(set_lifetime("forever"), Some(INFINITY_LIFE_TIME));
        assert_eq!(set_lifetime("0x10"), Some(16));
        assert_eq!(set_lifetime("never"), None);
    }
}
