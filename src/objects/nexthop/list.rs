//! `nexthop show|list`, `get` and `flush` (`ipnh_list_flush`, `ipnh_get`):
//! one RTM_GETNEXTHOP dump filtered by the kernel (family, device, master,
//! groups, fdb) and here (protocol), or one RTM_GETNEXTHOP by id.

use crate::cli::words::matches;
use crate::error::{incomplete, invarg, Error, Result};
use crate::netlink::attr::AttrWriter;
use crate::netlink::{Netlink, Outgoing};
use crate::objects::route::dump_failed;
use crate::Context;

use super::msg::{invalid, print_entry, Nexthop};
use super::*;

/// What `show`/`flush` select (iproute2's `filter`).
#[derive(Default, Clone, Copy)]
pub struct Filter {
    pub groups: bool,
    pub ifindex: u32,
    pub master: u32,
    pub proto: u32,
    pub fdb: bool,
}

impl Filter {
    /// `nh_dump_filter`: the attributes the kernel filters on.
    pub fn write(&self, w: &mut AttrWriter) {
        if self.ifindex != 0 {
            w.u32(NHA_OIF, self.ifindex);
        }
        if self.groups {
            w.flag(NHA_GROUPS);
        }
        if self.master != 0 {
            w.u32(NHA_MASTER, self.master);
        }
        if self.fdb {
            w.flag(NHA_FDB);
        }
    }
}

/// The device a selector names (`ll_name_to_index`), else ip's message.
pub fn device(nl: &mut Netlink, name: &str, missing: &str) -> Result<u32> {
    match crate::names::links::ll_name_to_index(nl, name) {
        0 => Err(invarg(missing, name)),
        i => Ok(i),
    }
}

/// `vrf NAME`: the index of a VRF device.
pub fn vrf(nl: &mut Netlink, name: &str) -> Result<u32> {
    if crate::objects::route::vrf_index(nl, name) == 0 {
        return Err(invarg("Invalid VRF\n", name));
    }
    device(nl, name, "VRF does not exist\n")
}

enum Action {
    List,
    Flush,
}

/// `show [SELECTOR]` (also `ip nexthop` alone).
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    list_flush(ctx, args, Action::List)
}

/// `flush [SELECTOR]`.
pub fn flush(ctx: &mut Context, args: &[String]) -> Result<()> {
    list_flush(ctx, args, Action::Flush)
}

fn list_flush(ctx: &mut Context, args: &[String], action: Action) -> Result<()> {
    let prog = ctx.prog;
    with_state(prog, |st| list_flush_with(ctx, args, action, st))
}

fn list_flush_with(ctx: &mut Context, args: &[String], action: Action, st: &mut State) -> Result<()> {
    let f = &mut st.filter;
    let nl = ctx.nl()?;
    let mut words = args.iter();
    while let Some(w) = words.next() {
        let mut value = || words.next().map(String::as_str).ok_or_else(incomplete);
        if matches(w, "dev") {
            f.ifindex = device(nl, value()?, "Device does not exist\n")?;
        } else if matches(w, "groups") {
            f.groups = true;
        } else if matches(w, "master") {
            f.master = device(nl, value()?, "Device does not exist\n")?;
        } else if matches(w, "vrf") {
            f.master = vrf(nl, value()?)?;
        } else if w == "id" {
            let id = parse_id(value()?)?;
            return match action {
                Action::List => get_id(ctx, id, f.proto),
                Action::Flush => delete_id(ctx.nl()?, id).map_err(|e| Error::Failure(e.message())),
            };
        } else if matches(w, "protocol") {
            let v = value()?;
            f.proto = crate::parse::get_unsigned(v).ok_or_else(|| invarg("invalid protocol value", v))?;
        } else if matches(w, "fdb") {
            f.fdb = true;
        } else if matches(w, "help") {
            return Err(help());
        } else {
            return Err(invarg("", w));
        }
    }
    match action {
        Action::List => list(ctx, &st.filter),
        Action::Flush => flush_all(ctx, st, args.is_empty()),
    }
}

/// The dump request (`rtnl_nexthopdump_req` with `nh_dump_filter`).
fn dump_body(family: u8, f: &Filter) -> Result<Vec<u8>> {
    let mut w = AttrWriter::new();
    f.write(&mut w);
    Ok(body(family, 0, 0, &w.finish()?))
}

/// Whether the protocol filter keeps a nexthop.
fn kept(f: &Filter, nh: &Nexthop) -> bool {
    f.proto == 0 || f.proto == u32::from(nh.protocol)
}

/// `print_nexthop_nocache`: one nexthop and its line end; Err when the
/// message is one iproute2 refuses (it stops there).
fn print_one<W: std::io::Write>(p: &mut crate::print::Printer<W>, opts: &crate::cli::options::Options, links: &crate::names::links::Links, nh: &Nexthop) -> Result<()> {
    if let Some(text) = invalid(nh) {
        p.text(&text)?;
        return Err(Error::Failure("Error parsing nexthop: Invalid argument".into()));
    }
    print_entry(p, links, nh, None, opts.details > 0, opts.numeric)?;
    p.text("\n")?;
    Ok(())
}

fn list(ctx: &mut Context, f: &Filter) -> Result<()> {
    let family = ctx.opts.family.af();
    let body = dump_body(family, f)?;
    let (nl, p, opts, links) = ctx.parts()?;
    p.begin()?;
    let outcome = nl.dump_out(Outgoing::Raw { kind: RTM_GETNEXTHOP, body: &body }, |msg| {
        let Some(nh) = Nexthop::from_nlmsg(msg) else { return Ok(()) };
        if kept(f, &nh) {
            print_one(p, opts, links, &nh)?;
        }
        Ok(())
    })?;
    match outcome {
        Ok(_) => Ok(p.end()?),
        Err(e) => {
            p.abandon()?;
            Err(dump_failed(e, "Dump terminated"))
        }
    }
}

/// `ipnh_get_id`: one nexthop by id, printed.
fn get_id(ctx: &mut Context, id: u32, proto: u32) -> Result<()> {
    let mut w = AttrWriter::new();
    w.u32(NHA_ID, id);
    let body = body(ctx.opts.family.af(), 0, 0, &w.finish()?);
    let (nl, p, opts, links) = ctx.parts()?;
    let reply = nl.query_raw(Outgoing::Raw { kind: RTM_GETNEXTHOP, body: &body }, 0, <[u8]>::to_vec)?;
    p.begin()?;
    if let Some(nh) = Nexthop::from_nlmsg(&reply) {
        let f = Filter { proto, ..Filter::default() };
        if kept(&f, &nh) {
            print_one(p, opts, links, &nh)?;
        }
    }
    Ok(p.end()?)
}

/// `get id ID`.
pub fn get(ctx: &mut Context, args: &[String]) -> Result<()> {
    let mut id = 0;
    let mut words = args.iter();
    while let Some(w) = words.next() {
        if w != "id" {
            return Err(help());
        }
        id = parse_id(words.next().ok_or_else(incomplete)?)?;
    }
    if id == 0 {
        return Err(help());
    }
    let proto = kept_proto(ctx.prog);
    get_id(ctx, id, proto)
}

/// `delete_nexthop`: RTM_DELNEXTHOP for one id.
pub fn delete_id(nl: &mut Netlink, id: u32) -> std::result::Result<(), crate::netlink::request::KernelError> {
    let mut w = AttrWriter::new();
    w.u32(NHA_ID, id);
    let attrs = w.finish().unwrap_or_default();
    nl.request_out(Outgoing::Raw { kind: RTM_DELNEXTHOP, body: &body(0, 0, 0, &attrs) }, 0)
}

/// `ipnh_flush`: delete what the selector lists; with no selector, the
/// groups first, then the rest. The count goes to stdout whatever happens.
fn flush_all(ctx: &mut Context, st: &mut State, all: bool) -> Result<()> {
    if all {
        st.filter = Filter { groups: true, ifindex: 0, master: 0, ..st.filter };
    }
    let family = ctx.opts.family.af();
    let (nl, p, _, _) = ctx.parts()?;
    let f = &mut st.filter;
    let flushed = &mut st.flushed;
    let mut result = Ok(());
    loop {
        let body = dump_body(family, f)?;
        let mut ids = Vec::new();
        let outcome = nl.dump_out(Outgoing::Raw { kind: RTM_GETNEXTHOP, body: &body }, |msg| {
            if let Some(nh) = Nexthop::from_nlmsg(msg) {
                if kept(f, &nh) && nh.id() != 0 {
                    ids.push(nh.id());
                }
            }
            Ok(())
        })?;
        for id in ids {
            match delete_id(nl, id) {
                Ok(()) => *flushed += 1,
                Err(e) => crate::netlink::pipeline::say(e.message()),
            }
        }
        if let Err(e) = outcome {
            result = Err(dump_failed(e, "Dump terminated. Failed to flush nexthops"));
            break;
        }
        if all && f.groups {
            f.groups = false;
            continue;
        }
        break;
    }
    if *flushed == 0 {
        p.text_always("Nothing to flush\n")?;
    } else {
        p.text_always(&format!("Flushed {flushed} nexthops\n"))?;
    }
    result
}
