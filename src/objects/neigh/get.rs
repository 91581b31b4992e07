//! `neigh get { ADDR | proxy ADDR } dev DEV` (`ipneigh_get`): one
//! RTM_GETNEIGH for the entry, its answer printed as a listing prints it.

use super::grammar::GET;
use super::modify::Target;
use super::msg::*;
use super::print::{print_neigh, View};
use crate::cli::words::{lookup, matches, Words};
use crate::error::{Error, Result, Topic};
use crate::netlink::attr::AttrWriter;
use crate::netlink::Outgoing;
use crate::print::Printer;
use crate::Context;

pub fn get(ctx: &mut Context, args: &[String]) -> Result<()> {
    let preferred = ctx.opts.family;
    let mut t = Target::default();
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        match lookup(word, GET).and_then(|k| k.names.first()).map_or("", |n| n.text) {
            "dev" => t.dev(w.value()?),
            "proxy" => t.proxy(w.value()?, preferred)?,
            _ => {
                let v = if word == "to" { w.value()? } else { word };
                if matches(v, "help") {
                    return Err(Error::help(Topic::Current));
                }
                t.address(v, preferred)?;
            }
        }
    }
    let Some((family, dst)) = t.dst() else {
        return Err(Error::Failure("Device and address are required arguments.".into()));
    };
    let mut attrs = AttrWriter::new();
    attrs.put(NDA_DST, dst);
    let prog = ctx.prog;
    let index = t.index(ctx.nl()?, prog)?;
    let mut body = ndmsg(family.af(), index, 0, if t.proxy { NTF_PROXY } else { 0 });
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
