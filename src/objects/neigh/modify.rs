//! `neigh add|change|replace|delete` (`ipneigh_modify`): an ndmsg and its
//! attributes laid out raw (`AttrWriter`), the device looked up by the
//! link-name service (one RTM_GETLINK), then one request.

use std::net::IpAddr;

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};

use super::grammar::MODIFY;
use super::msg::*;
use crate::cli::options::Family;
use crate::cli::words::{lookup, matches, Words};
use crate::error::{duparg, duparg2, invarg, Error, Result, Topic};
use crate::netlink::attr::AttrWriter;
use crate::netlink::Outgoing;
use crate::parse::{get_addr, Addr};
use crate::Context;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Change,
    Replace,
    Delete,
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

/// An address word as `get_addr` reads it: its family and bytes
/// (`default`/`any` are zeros of the family asked for; none without one).
pub fn addr_bytes(word: &str, family: Family) -> Result<(Family, Vec<u8>)> {
    Ok(match get_addr(word, family)? {
        Addr::Ip(IpAddr::V4(a)) => (Family::Inet, a.octets().to_vec()),
        Addr::Ip(IpAddr::V6(a)) => (Family::Inet6, a.octets().to_vec()),
        Addr::Default(f) | Addr::Any(f) => match f {
            Family::Inet => (f, vec![0; 4]),
            Family::Inet6 => (f, vec![0; 16]),
            other => (other, Vec::new()),
        },
    })
}

fn modify(ctx: &mut Context, args: &[String], op: Op) -> Result<()> {
    let preferred = ctx.opts.family;
    let mut state = NUD_PERMANENT;
    let mut ndm_flags = 0u8;
    let mut ext_flags = 0u32;
    let mut dev: Option<&str> = None;
    let mut dev_ok = false;
    let mut dst: Option<(Family, Vec<u8>)> = None;
    let mut lla: Option<&str> = None;
    let mut attrs = AttrWriter::new();

    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        match lookup(word, MODIFY).and_then(|k| k.names.first()).map_or("", |n| n.text) {
            "lladdr" => {
                let v = w.value()?;
                if lla.is_some() {
                    return Err(duparg("lladdr", v));
                }
                lla = Some(v);
            }
            "nud" => {
                let v = w.value()?;
                state = super::nud_state(v).ok_or_else(|| invarg("nud state is bad", v))?;
            }
            "proxy" => {
                let v = w.value()?;
                if matches(v, "help") {
                    return Err(Error::help(Topic::Current));
                }
                if dst.is_some() {
                    return Err(duparg("address", v));
                }
                dst = Some(addr_bytes(v, preferred)?);
                dev_ok = true;
                ndm_flags |= NTF_PROXY;
            }
            "router" => ndm_flags |= NTF_ROUTER,
            "use" => ndm_flags |= NTF_USE,
            "managed" => {
                ext_flags |= NTF_EXT_MANAGED;
                state = NUD_NONE;
            }
            "extern_learn" => ndm_flags |= NTF_EXT_LEARNED,
            "dev" => {
                dev = Some(w.value()?);
                dev_ok = true;
            }
            "protocol" => {
                let v = w.value()?;
                let proto = crate::names::tables::protocol_id(v).ok_or_else(|| invarg("\"protocol\" value is invalid\n", v))?;
                attrs.u8(NDA_PROTOCOL, proto);
            }
            _ => {
                let mut v = if word == "to" { w.value()? } else { word };
                if matches(v, "help") {
                    v = w.value()?;
                }
                if dst.is_some() {
                    return Err(duparg2("to", v));
                }
                dst = Some(addr_bytes(v, preferred)?);
            }
        }
    }
    let dst = match dst {
        Some((family, bytes)) if dev_ok && family != Family::Unspec => (family, bytes),
        _ => return Err(Error::Usage("Device and destination are required arguments.".into())),
    };
    attrs.put(NDA_DST, &dst.1);
    if ext_flags != 0 {
        attrs.u32(NDA_FLAGS_EXT, ext_flags);
    }
    if let Some(lla) = lla.filter(|l| *l != "null") {
        let l = crate::parse::lladdr(lla, 20).map_err(Error::Failure)?;
        attrs.put(NDA_LLADDR, &l);
    }
    let prog = ctx.prog;
    let nl = ctx.nl()?;
    let mut index = 0;
    if let Some(dev) = dev {
        index = crate::objects::link::modify::index_of(nl, prog, dev);
        if index == 0 {
            return Err(crate::error::no_device(dev));
        }
    }
    let mut body = ndmsg(dst.0.af(), index, state, ndm_flags);
    body.extend_from_slice(&attrs.finish()?);
    let (kind, flags) = match op {
        Op::Add => (RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL),
        Op::Change => (RTM_NEWNEIGH, NLM_F_REPLACE),
        Op::Replace => (RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE),
        Op::Delete => (RTM_DELNEIGH, 0),
    };
    nl.submit_out(Outgoing::Raw { kind, body: &body }, flags).map_err(Error::from)
}
