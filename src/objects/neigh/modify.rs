//! `neigh add|change|replace|delete` (`ipneigh_modify`): an ndmsg and its
//! attributes laid out raw (`AttrWriter`), the device looked up by the
//! link-name service (one RTM_GETLINK), then one request.

use std::net::IpAddr;

use super::grammar::MODIFY;
use super::msg::*;
use crate::cli::options::Family;
use crate::cli::words::{lookup, matches, Words};
use crate::error::{duparg, duparg2, invarg, Error, Result, Topic};
use crate::netlink::attr::AttrWriter;
use crate::netlink::Outgoing;
use crate::objects::address::modify::Op;
use crate::parse::{get_addr, Addr};
use crate::Context;

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

/// The entry a command names (`ipneigh_modify`, `ipneigh_get`): its
/// address, its device, and whether it is a proxy entry.
#[derive(Default)]
pub struct Target<'a> {
    dst: Option<(Family, Vec<u8>)>,
    dev: Option<&'a str>,
    /// A device was named, or a proxy address (ip's `dev_ok`).
    dev_ok: bool,
    pub proxy: bool,
}

impl<'a> Target<'a> {
    /// `dev DEV` (the last one counts).
    pub fn dev(&mut self, name: &'a str) {
        self.dev = Some(name);
        self.dev_ok = true;
    }

    /// `proxy ADDR`.
    pub fn proxy(&mut self, v: &str, preferred: Family) -> Result<()> {
        if matches(v, "help") {
            return Err(Error::help(Topic::Current));
        }
        if self.dst.is_some() {
            return Err(duparg("address", v));
        }
        self.dst = Some(addr_bytes(v, preferred)?);
        self.dev_ok = true;
        self.proxy = true;
        Ok(())
    }

    /// `[to] ADDR`.
    pub fn address(&mut self, v: &str, preferred: Family) -> Result<()> {
        if self.dst.is_some() {
            return Err(duparg2("to", v));
        }
        self.dst = Some(addr_bytes(v, preferred)?);
        Ok(())
    }

    /// The address's family and bytes, when a device (or proxy) and an
    /// address of a known family were given.
    pub fn dst(&self) -> Option<(Family, &[u8])> {
        match &self.dst {
            Some((family, bytes)) if self.dev_ok && *family != Family::Unspec => Some((*family, bytes)),
            _ => None,
        }
    }

    /// The device's index (`ll_name_to_index`: one RTM_GETLINK), 0 when
    /// none was named; ip's message when it does not exist.
    pub fn index(&self, nl: &mut crate::netlink::Netlink, prog: &str) -> Result<u32> {
        let Some(dev) = self.dev else { return Ok(0) };
        match crate::objects::link::modify::index_of(nl, prog, dev) {
            0 => Err(crate::error::no_device(dev)),
            i => Ok(i),
        }
    }
}

fn modify(ctx: &mut Context, args: &[String], op: Op) -> Result<()> {
    let preferred = ctx.opts.family;
    let mut state = NUD_PERMANENT;
    let mut ndm_flags = 0u8;
    let mut ext_flags = 0u32;
    let mut t = Target::default();
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
            "proxy" => t.proxy(w.value()?, preferred)?,
            "router" => ndm_flags |= NTF_ROUTER,
            "use" => ndm_flags |= NTF_USE,
            "managed" => {
                ext_flags |= NTF_EXT_MANAGED;
                state = NUD_NONE;
            }
            "extern_learn" => ndm_flags |= NTF_EXT_LEARNED,
            "dev" => t.dev(w.value()?),
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
                t.address(v, preferred)?;
            }
        }
    }
    let Some((family, dst)) = t.dst() else {
        return Err(Error::Usage("Device and destination are required arguments.".into()));
    };
    if t.proxy {
        ndm_flags |= NTF_PROXY;
    }
    attrs.put(NDA_DST, dst);
    if ext_flags != 0 {
        attrs.u32(NDA_FLAGS_EXT, ext_flags);
    }
    if let Some(lla) = lla.filter(|l| *l != "null") {
        let l = crate::parse::lladdr(lla, 20).map_err(Error::Failure)?;
        attrs.put(NDA_LLADDR, &l);
    }
    let prog = ctx.prog;
    let nl = ctx.nl()?;
    let index = t.index(nl, prog)?;
    let mut body = ndmsg(family.af(), index, state, ndm_flags);
    body.extend_from_slice(&attrs.finish()?);
    let kind = if op == Op::Delete { RTM_DELNEIGH } else { RTM_NEWNEIGH };
    // Not queued with `-force -batch`: a refusal ends ip at once (exit 2).
    nl.request_out(Outgoing::Raw { kind, body: &body }, op.flags()).map_err(|e| Error::KernelFatal(e.message()))
}
