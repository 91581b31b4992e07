//! `route restore` and `route showdump`: the files `route save` writes
//! (`netlink/savefile.rs`), read one message at a time — back to the
//! kernel in three passes (iproute2's `iproute_restore`: routes to local
//! addresses, then to local networks, then through gateways), or printed
//! as `route show` prints (`iproute_showdump`).

use netlink_packet_core::NLM_F_CREATE;

use crate::error::{Error, Result};
use crate::netlink::savefile::{open_stdin, position, rewind, spool, Messages, Stdin, ROUTE_MAGIC};
use crate::netlink::Outgoing;
use crate::print::Printer;
use crate::Context;

use super::filter::{accepts, Filter};
use super::msg::{Route, NLMSG_HDRLEN, RTA_DST, RTA_GATEWAY, RTA_PREFSRC, RTMSG_LEN, RTM_DELROUTE, RTM_NEWROUTE};
use super::print::{print_route, View};

/// Standard input after the magic; iproute2's refusals of a terminal and
/// of a file that is no route dump (exit 1).
fn open_dump(stdin: &Stdin) -> Result<std::io::BufReader<&std::fs::File>> {
    open_stdin(stdin, "route", ROUTE_MAGIC).map_err(Error::Failure)
}

/// The pass (0, 1, 2) in which iproute2 restores a route: without a
/// gateway and with no preferred source or one equal to the destination
/// (local addresses), without a gateway (local networks), with one.
fn pass_of(msg: &[u8]) -> u8 {
    let Some(r) = Route::from_nlmsg(msg) else { return 0 };
    let (gateway, prefsrc, dst) = (r.attr(RTA_GATEWAY), r.attr(RTA_PREFSRC), r.attr(RTA_DST));
    if gateway.is_some() {
        return 2;
    }
    // `rtattr_cmp`: equal only when both are there with the same bytes.
    match prefsrc {
        Some(src) if dst != Some(src) => 1,
        _ => 0,
    }
}

/// `route restore`: every route of the file, each sent back as it was
/// saved with NLM_F_CREATE; one the kernel already has is said and
/// skipped, any other refusal ends the restore (exit 2). iproute2 seeks
/// back for each pass, so as `ip` a pipe is refused as ip refuses it; as
/// rtun a pipe is first copied to an unnamed temporary file.
pub fn restore(ctx: &mut Context, _args: &[String]) -> Result<()> {
    let stdin = Stdin::new();
    let mut r = open_dump(&stdin)?;
    let spooled;
    // Where the messages start, and how far into the input that is.
    let (mut r, start, shown) = match position(&mut r) {
        Some(pos) => (r, pos, pos),
        None if ctx.prog == "ip" => {
            return Err(Error::Failure(format!("Failed to restore: ftell: {}", crate::netlink::errno::strerror(libc::ESPIPE))));
        }
        None => {
            spooled = spool(&mut r).map_err(|e| Error::Failure(format!("Failed to restore: cannot copy standard input: {}", crate::netlink::errno::strerror(e.raw_os_error().unwrap_or(libc::EIO)))))?;
            (std::io::BufReader::with_capacity(64 * 1024, &spooled), 0, ROUTE_MAGIC.to_ne_bytes().len() as u64)
        }
    };
    let nl = ctx.nl()?;
    for pass in 0..3 {
        let mut messages = Messages::new(&mut r, Some(shown));
        while let Some(msg) = messages.next().map_err(Error::Kernel)? {
            if pass_of(msg) != pass {
                continue;
            }
            let Some(h) = crate::netlink::request::read_header(msg) else { continue };
            let out = Outgoing::Raw { kind: h.kind, body: &msg[NLMSG_HDRLEN..] };
            if let Err(e) = nl.request_out(out, h.flags | NLM_F_CREATE) {
                if e.errno != libc::EEXIST {
                    return Err(Error::Kernel(e.message()));
                }
                crate::netlink::pipeline::say(e.message());
            }
        }
        rewind(&mut r, start).map_err(|e| Error::Failure(format!("Failed to restore: fseek: {}", crate::netlink::errno::strerror(e.raw_os_error().unwrap_or(libc::EIO)))))?;
    }
    Ok(())
}

/// `route showdump`: the file's routes as `route show` prints them, with
/// ip's filter as nothing set it (all tables, cached routes left out;
/// `-4`/`-6` still choose). As `ip`, `-j` prints text, as ip does (it
/// never opens its JSON writer here); as rtun, one JSON document.
pub fn showdump(ctx: &mut Context, _args: &[String]) -> Result<()> {
    let stdin = Stdin::new();
    let mut r = open_dump(&stdin)?;
    let pos = position(&mut r);
    let ip = ctx.prog == "ip";
    let (_, p, opts, links) = ctx.parts()?;
    let filter = Filter { mdst: Default::default(), msrc: Default::default(), ..Filter::default() };
    let nexthops = crate::objects::nexthop::cache::Cache::new(opts.family.af());
    let view = View { opts, links, filter: &filter, nexthops: &nexthops };
    let mut text;
    let p: &mut dyn ShowdumpPrinter = if ip && p.is_json() {
        text = Printer::new(p.inner(), false, false, false, opts.oneline);
        &mut text
    } else {
        p.begin()?;
        p
    };
    let mut multiple = false;
    let mut messages = Messages::new(r, pos);
    while let Some(msg) = messages.next().map_err(Error::Kernel)? {
        let Some(h) = crate::netlink::request::read_header(msg) else { continue };
        if h.kind != RTM_NEWROUTE && h.kind != RTM_DELROUTE {
            crate::netlink::pipeline::say(format!("Not a route: {:08x} {:08x} {:08x}", h.len, h.kind, h.flags));
            continue;
        }
        let Some(route) = Route::from_nlmsg(msg) else {
            crate::netlink::pipeline::say(format!("BUG: wrong nlmsg len {}", h.len as i64 - (NLMSG_HDRLEN + RTMSG_LEN) as i64));
            continue;
        };
        if accepts(&filter, &route, opts.family, &mut multiple) {
            p.route(&view, &route)?;
        }
    }
    Ok(())
}

/// The printer `showdump` prints with: the command's own, or (as `ip`
/// with `-j`) a text printer over the same output.
trait ShowdumpPrinter {
    fn route(&mut self, view: &View, route: &Route) -> std::io::Result<()>;
}

impl<W: std::io::Write> ShowdumpPrinter for Printer<W> {
    fn route(&mut self, view: &View, route: &Route) -> std::io::Result<()> {
        print_route(self, view, route)
    }
}
