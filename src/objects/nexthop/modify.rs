//! `nexthop add|replace|delete` (`ipnh_modify`): one RTM_NEWNEXTHOP or
//! RTM_DELNEXTHOP laid out here (`struct nhmsg` + `AttrWriter`).

use crate::cli::options::Family;
use crate::cli::words::{matches, Words};
use crate::error::{incomplete, invarg, Error, Result};
use crate::netlink::attr::AttrWriter;
use crate::netlink::request::Echo;
use crate::netlink::Outgoing;
use crate::parse::{self, Addr};
use crate::Context;

use super::msg::{print_entry, Nexthop};
use super::*;

const NLM_F_REPLACE: u16 = 0x100;
const NLM_F_EXCL: u16 = 0x200;
const NLM_F_CREATE: u16 = 0x400;
const RTNH_F_ONLINK: u32 = 4;
const AF_INET: u8 = libc::AF_INET as u8;

/// `add id ID NH`: a new nexthop (it must not exist).
pub fn add(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL)
}

/// `replace id ID NH`: create it, or replace the one with that id.
pub fn replace(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE)
}

/// `delete id ID`.
pub fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, RTM_DELNEXTHOP, 0)
}

/// The request being built.
struct Request {
    family: u8,
    protocol: u8,
    flags: u32,
    attrs: AttrWriter,
}

fn modify(ctx: &mut Context, args: &[String], cmd: u16, nlflags: u16) -> Result<()> {
    let mut req = Request { family: ctx.opts.family.af(), protocol: 0, flags: 0, attrs: AttrWriter::new() };
    let nl = ctx.nl()?;
    let mut words = Words::new(args);
    while let Some(w) = words.next() {
        match w {
            "id" => {
                let v = words.value()?;
                req.attrs.u32(NHA_ID, parse_id(v)?);
            }
            "dev" => {
                let v = words.value()?;
                let index = super::list::device(nl, v, "Device does not exist\n")?;
                req.attrs.u32(NHA_OIF, index);
                if req.family == 0 {
                    req.family = AF_INET;
                }
            }
            "via" => via(&mut req, &mut words)?,
            "encap" => {
                return Err(Error::Failure(format!("\"{} nexthop … encap\" is not supported by rtun.", ctx.prog)));
            }
            "blackhole" => {
                req.attrs.flag(NHA_BLACKHOLE);
                if req.family == 0 {
                    req.family = AF_INET;
                }
            }
            "fdb" => {
                req.attrs.flag(NHA_FDB);
            }
            "onlink" => req.flags |= RTNH_F_ONLINK,
            "group" => {
                let v = words.value()?;
                let entries = group(v)?.ok_or_else(|| invarg("\"group\" value is invalid\n", printed_group(v)))?;
                req.attrs.put(NHA_GROUP, &entries);
            }
            "type" => group_type(&mut req, &mut words)?,
            _ if matches(w, "protocol") => {
                let v = words.value()?;
                req.protocol = crate::names::tables::protocol_id(v).ok_or_else(|| invarg("\"protocol\" value is invalid\n", v))?;
            }
            "help" => return Err(help()),
            _ => return Err(invarg("", w)),
        }
    }
    let attrs = req.attrs.finish()?;
    let body = body(req.family, req.protocol, req.flags, &attrs);
    let msg = Outgoing::Raw { kind: cmd, body: &body };
    if !ctx.opts.echo {
        return ctx.nl()?.submit_out(msg, nlflags).map_err(Error::from);
    }
    // `-echo` (`rtnl_echo_talk`): the nexthop as the kernel made it, or
    // the ACK, which iproute2's printer refuses.
    let reply = ctx.nl()?
        .echo_raw(msg, nlflags, |e| match e {
            Echo::Message(m) => Ok(m.to_vec()),
            Echo::Ack(h) => Err(h),
        })
        .map_err(Error::from)?;
    let proto = kept_proto(ctx.prog);
    let (_, p, opts, links) = ctx.parts()?;
    p.begin()?;
    p.open_object(None)?;
    match reply.as_deref().ok().and_then(Nexthop::from_nlmsg) {
        Some(nh) if nh.kind == RTM_NEWNEXTHOP || nh.kind == RTM_DELNEXTHOP => {
            if proto == 0 || proto == u32::from(nh.protocol) {
                print_entry(p, links, &nh, None, opts.details > 0, opts.numeric)?;
                p.text("\n")?;
            }
        }
        _ => {
            let (len, kind, flags) = match &reply {
                Err(h) => (h.len as u32, h.kind, h.flags),
                Ok(m) => (
                    m.get(..4).and_then(crate::netlink::attr::u32_of).unwrap_or(0),
                    m.get(4..6).and_then(crate::netlink::attr::u16_of).unwrap_or(0),
                    m.get(6..8).and_then(crate::netlink::attr::u16_of).unwrap_or(0),
                ),
            };
            crate::netlink::pipeline::say(format!("Not a nexthop: {len:08x} {kind:08x} {flags:08x}"));
        }
    }
    p.close_object()?;
    Ok(())
}

/// `via [FAMILY] ADDR`: the gateway; it sets the family, or must match it.
fn via(req: &mut Request, words: &mut Words) -> Result<()> {
    let mut v = words.value()?;
    let family = match Family::parse(v) {
        Some(f) if f != Family::Unspec => {
            v = words.value()?;
            f
        }
        _ => family_of(req.family),
    };
    let addr = parse::get_addr(v, family)?;
    let (af, bytes): (u8, Vec<u8>) = match addr {
        Addr::Ip(std::net::IpAddr::V4(a)) => (AF_INET, a.octets().to_vec()),
        Addr::Ip(std::net::IpAddr::V6(a)) => (libc::AF_INET6 as u8, a.octets().to_vec()),
        Addr::Default(f) | Addr::Any(f) => (f.af(), vec![0; usize::from(parse::bit_len(f)) / 8]),
    };
    if req.family == 0 {
        req.family = af;
    } else if req.family != af {
        return Err(invarg("address family mismatch\n", v));
    }
    req.attrs.put(NHA_GATEWAY, &bytes);
    Ok(())
}

fn family_of(af: u8) -> Family {
    match i32::from(af) {
        libc::AF_INET => Family::Inet,
        libc::AF_INET6 => Family::Inet6,
        libc::AF_PACKET => Family::Packet,
        libc::AF_MPLS => Family::Mpls,
        libc::AF_BRIDGE => Family::Bridge,
        _ => Family::Unspec,
    }
}

/// `add_nh_group_attr`: `ID[,WEIGHT]/…` as `struct nexthop_grp`s; None
/// when an id is not a number. A bad weight is its own error.
fn group(text: &str) -> Result<Option<Vec<u8>>> {
    if text.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for part in text.split('/') {
        let (id, weight) = match part.split_once(',') {
            Some((id, w)) => (id, Some(w)),
            None => (part, None),
        };
        let Some(id) = parse::get_unsigned(id) else { return Ok(None) };
        let weight = match weight {
            Some(w) => match parse::get_unsigned(w) {
                Some(n @ 1..=256) => (n - 1) as u8,
                _ => return Err(invarg("\"weight\" is invalid\n", w)),
            },
            None => 0,
        };
        out.extend_from_slice(&id.to_ne_bytes());
        out.extend_from_slice(&[weight, 0, 0, 0]);
    }
    Ok(Some(out))
}

/// What iproute2 names in its message about a bad group: it has cut the
/// word at each separator it read, so the text up to the first one.
fn printed_group(text: &str) -> &str {
    text.split(['/', ',']).next().unwrap_or(text)
}

/// `type mpath|resilient [buckets N] [idle_timer S] [unbalanced_timer S]`.
fn group_type(req: &mut Request, words: &mut Words) -> Result<()> {
    let v = words.value()?;
    let kind = match v {
        "mpath" => NEXTHOP_GRP_TYPE_MPATH,
        "resilient" => NEXTHOP_GRP_TYPE_RES,
        _ => return Err(invarg("\"type\" value is invalid\n", v)),
    };
    if kind == NEXTHOP_GRP_TYPE_RES && words.peek().is_some() {
        // (attribute, value, 16 bits wide)
        let mut res: Vec<(u16, u32, bool)> = Vec::new();
        while let Some(w) = words.peek() {
            let (attr, what) = match w {
                "buckets" => (NHA_RES_GROUP_BUCKETS, "invalid buckets value"),
                "idle_timer" => (NHA_RES_GROUP_IDLE_TIMER, "invalid idle timer value"),
                "unbalanced_timer" => (NHA_RES_GROUP_UNBALANCED_TIMER, "invalid unbalanced timer value"),
                _ => break,
            };
            words.next();
            let n = words.next().ok_or_else(incomplete)?;
            if attr == NHA_RES_GROUP_BUCKETS {
                res.push((attr, u32::from(parse::get_u16(n, 0).ok_or_else(|| invarg(what, n))?), true));
            } else {
                let s = parse::get_unsigned(n).filter(|s| *s < u32::MAX / 100).ok_or_else(|| invarg(what, n))?;
                res.push((attr, s * 100, false));
            }
        }
        req.attrs.nest_with(NHA_RES_GROUP, true, |w| {
            for (attr, v, short) in res {
                if short {
                    w.u16(attr, v as u16);
                } else {
                    w.u32(attr, v);
                }
            }
        });
    }
    req.attrs.u16(NHA_GROUP_TYPE, kind);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_as_iproute2_reads_them() {
        let g = group("1,3/5").unwrap().unwrap();
        assert_eq!(g.len(), 16);
        assert_eq!(&g[..8], &[1u32.to_ne_bytes().as_slice(), &[2, 0, 0, 0]].concat()[..]);
        assert_eq!(group("x").unwrap(), None);
        assert_eq!(group("1/").unwrap(), None);
        assert_eq!(group("").unwrap(), None);
        assert!(group("1,0").is_err());
        assert!(group("1,257").is_err());
        assert_eq!(printed_group("1,2/x"), "1");
        assert_eq!(printed_group("x"), "x");
    }
}
