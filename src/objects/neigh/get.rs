//! `neigh get { ADDR | proxy ADDR } dev DEV` (`ipneigh_get`): one
//! RTM_GETNEIGH for the entry, its answer printed as a listing prints it.

use super::grammar::GET;
use super::modify::addr_bytes;
use super::msg::*;
use super::print::{print_neigh, View};
use crate::cli::options::Family;
use crate::cli::words::{lookup, matches, Words};
use crate::error::{duparg, duparg2, Error, Result, Topic};
use crate::netlink::attr::AttrWriter;
use crate::netlink::Outgoing;
use crate::print::Printer;
use crate::Context;

pub fn get(ctx: &mut Context, args: &[String]) -> Result<()> {
    let preferred = ctx.opts.family;
    let mut dev: Option<&str> = None;
    let mut dev_ok = false;
    let mut dst: Option<(Family, Vec<u8>)> = None;
    let mut ndm_flags = 0u8;
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        match lookup(word, GET).and_then(|k| k.names.first()).map_or("", |n| n.text) {
            "dev" => {
                dev = Some(w.value()?);
                dev_ok = true;
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
            _ => {
                let v = if word == "to" { w.value()? } else { word };
                if matches(v, "help") {
                    return Err(Error::help(Topic::Current));
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
        _ => return Err(Error::Failure("Device and address are required arguments.".into())),
    };
    let mut attrs = AttrWriter::new();
    attrs.put(NDA_DST, &dst.1);
    let prog = ctx.prog;
    let nl = ctx.nl()?;
    let mut index = 0;
    if let Some(dev) = dev {
        index = crate::objects::link::modify::index_of(nl, prog, dev);
        if index == 0 {
            return Err(crate::error::no_device(dev));
        }
    }
    let mut body = ndmsg(dst.0.af(), index, 0, ndm_flags);
    body.extend_from_slice(&attrs.finish()?);
    let (nl, p, opts, links) = ctx.parts()?;
    let reply = nl.query_raw(Outgoing::Raw { kind: RTM_GETNEIGH, body: &body }, 0, |m| m.to_vec()).map_err(Error::from)?;
    let Some(n) = Neigh::from_nlmsg(&reply) else {
        return Err(Error::Failure("An error :-)".into()));
    };
    let view = View { opts, links, one_dev: false };
    if prog == "ip" && p.is_json() {
        // ip prints the answer outside any JSON document: as text.
        let oneline = p.oneline();
        let mut text = Printer::new(p.inner(), false, false, false, oneline);
        print_neigh(&mut text, &view, &n)?;
        return Ok(());
    }
    p.begin()?;
    print_neigh(p, &view, &n)?;
    Ok(())
}
