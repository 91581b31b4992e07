//! `route show|list` and `route flush` (`iproute_list_flush_or_save`):
//! one RTM_GETROUTE dump, filtered by the kernel where iproute2 asks it to
//! (table, protocol, output device, cached), the rest by `filter::accepts`;
//! each route is printed as it arrives.

use netlink_packet_core::DefaultNla;
use netlink_packet_route::route::{RouteAttribute, RouteFlags, RouteMessage};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};

use crate::cli::bytes::bytes;
use crate::cli::options::Family;
use crate::error::{Error, Result};
use crate::netlink::request::KernelError;
use crate::names::links::Links;
use crate::netlink::Netlink;
use crate::Context;

use super::filter::{accepts, parse_selector, Filter, Selection};
use super::msg::{Route, RTA_OIF, RTA_TABLE, RTM_F_CLONED, RTM_NEWROUTE};
use super::print::{print_route, View};

/// The dump request iproute2 sends (`rtnl_routedump_req` + `iproute_dump_filter`).
fn dump_request(family: Family, f: &Filter) -> RouteNetlinkMessage {
    let mut m = RouteMessage::default();
    m.header.address_family = AddressFamily::from(family.af());
    m.header.protocol = f.protocol.into();
    if f.cloned != 0 {
        m.header.flags = RouteFlags::from_bits_retain(RTM_F_CLONED);
    }
    if f.tb != 0 {
        m.attributes.push(RouteAttribute::Other(DefaultNla::new(RTA_TABLE as u16, f.tb.to_ne_bytes().to_vec())));
    }
    if f.oif != 0 {
        m.attributes.push(RouteAttribute::Other(DefaultNla::new(RTA_OIF as u16, f.oif.to_ne_bytes().to_vec())));
    }
    RouteNetlinkMessage::GetRoute(m)
}

/// Resolve `dev`/`iif` names into the filter (`ll_name_to_index`, one
/// RTM_GETLINK each: no link dump).
fn resolve_devices(nl: &mut Netlink, links: &Links, sel: &mut Selection) -> Result<()> {
    let index = |nl: &mut Netlink, name: &str| match links.index(nl, &bytes(name)) {
        0 => Err(crate::error::no_device(name)),
        i => Ok(i),
    };
    if let Some(name) = &sel.iif_name {
        let idx = index(nl, name)?;
        sel.filter.iif = idx;
        sel.filter.iifmask = -1;
    }
    if let Some(name) = &sel.oif_name {
        let idx = index(nl, name)?;
        sel.filter.oif = idx;
        sel.filter.oifmask = -1;
    }
    Ok(())
}

/// What iproute2 prints when a dump ends in an error (`rtnl_dump_done`):
/// the extended ack, nothing for ENOENT/EOPNOTSUPP, else `RTNETLINK answers`;
/// then `then` ("Dump terminated"). Exit status 2.
pub fn dump_failed(e: KernelError, then: &str) -> Error {
    let first = match (&e.ext_msg, e.errno) {
        (Some(_), _) => Some(e.message()),
        (None, libc::ENOENT | libc::EOPNOTSUPP) => None,
        (None, libc::EMSGSIZE) => Some("Error: Buffer too small for object.".to_string()),
        (None, _) => Some(e.message()),
    };
    Error::Kernel(match first {
        Some(m) => format!("{m}\n{then}"),
        None => then.to_string(),
    })
}

/// `route show [SELECTOR]`.
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    list(ctx, args, false)
}

/// `route save [SELECTOR]`: the routes `show` would list, as the kernel
/// sent them, after the magic (which is written before the words are
/// read, as iproute2 does). As `ip`, `-j` adds ip's empty JSON list at
/// the end of the file; as rtun a binary file holds no JSON.
pub fn save(ctx: &mut Context, args: &[String]) -> Result<()> {
    if crate::print::sink::is_terminal() {
        return Err(Error::Failure("Not sending a binary stream to stdout".into()));
    }
    ctx.out.raw(&crate::netlink::savefile::ROUTE_MAGIC.to_ne_bytes())?;
    list(ctx, args, true)
}

/// `iproute_list_flush_or_save` for a listing (printed or saved).
fn list(ctx: &mut Context, args: &[String], saving: bool) -> Result<()> {
    let json_after = saving && ctx.prog == "ip";
    let preferred = ctx.opts.family;
    let nl = ctx.nl()?;
    let mut sel = parse_selector(args, preferred, &mut |name| super::vrf_table(nl, name))?;
    let (nl, p, opts, links) = ctx.parts()?;
    resolve_devices(nl, links, &mut sel)?;
    let filter = sel.filter;
    let nexthops = crate::objects::nexthop::cache::Cache::new(opts.family.af());
    let view = View { opts, links, filter: &filter, nexthops: &nexthops };
    let mut multiple = false;
    if !saving {
        p.begin()?;
    }
    let outcome = nl.dump_frames(dump_request(sel.dump_family, &filter), |msg| {
        let Some(r) = Route::from_nlmsg(msg) else { return Ok(()) };
        if accepts(&filter, &r, opts.family, &mut multiple) {
            if saving {
                let len = crate::netlink::request::read_header(msg).map_or(msg.len(), |h| h.len.min(msg.len()));
                p.raw(&msg[..len])?;
            } else {
                print_route(p, &view, &r)?;
            }
        }
        Ok(())
    })?;
    if json_after {
        // ip's JSON list goes through stdio, after its write(2)s.
        p.begin()?;
    }
    match outcome {
        Ok(_) => Ok(()),
        // A missing main table is an empty listing (`save_route_errhndlr`).
        Err(e) if e.errno == libc::ENOENT && filter.tb == crate::names::tables::RT_TABLE_MAIN => Ok(()),
        Err(e) => {
            p.abandon()?;
            Err(dump_failed(e, "Dump terminated"))
        }
    }
}

/// Write "-1" to the IPv4 route cache flush file (`iproute_flush_cache`).
fn flush_cache() -> Result<()> {
    const PATH: &str = "/proc/sys/net/ipv4/route/flush";
    use std::io::Write as _;
    let mut f = std::fs::OpenOptions::new().write(true).open(PATH).map_err(|e| {
        Error::Failure(format!(
            "Cannot open \"{PATH}\": {}",
            crate::netlink::errno::strerror(e.raw_os_error().unwrap_or(0))
        ))
    })?;
    f.write_all(b"-1").map_err(|_| Error::Failure("Cannot flush routing cache".into()))
}

/// `route flush SELECTOR`: dump, delete what matches, again until a round
/// finds nothing (`iproute_flush`).
pub fn flush(ctx: &mut Context, args: &[String]) -> Result<()> {
    if args.is_empty() {
        return Err(Error::Failure(format!("\"{} route flush\" requires arguments.", ctx.prog)));
    }
    let preferred = ctx.opts.family;
    let nl = ctx.nl()?;
    let mut sel = parse_selector(args, preferred, &mut |name| super::vrf_table(nl, name))?;
    let (nl, p, opts, links) = ctx.parts()?;
    resolve_devices(nl, links, &mut sel)?;
    let family = sel.dump_family;
    let mut filter = sel.filter;
    if filter.cloned != 0 {
        if family != Family::Inet6 {
            flush_cache()?;
            if opts.stats > 0 {
                p.text("*** IPv4 routing cache is flushed.\n")?;
            }
        }
        if family == Family::Inet {
            return Ok(());
        }
    }
    filter.flushing = true;
    let start = std::time::Instant::now();
    let mut round = 0;
    let nexthops = crate::objects::nexthop::cache::Cache::new(opts.family.af());
    let mut multiple = false;
    loop {
        // The routes to delete, as the kernel described them. They are
        // deleted once the dump is over (a dump cannot be interleaved with
        // requests on one socket here).
        let mut doomed: Vec<RouteMessage> = Vec::new();
        let view = View { opts, links, filter: &filter, nexthops: &nexthops };
        let outcome = nl.dump_frames(dump_request(family, &filter), |msg| {
            let Some(r) = Route::from_nlmsg(msg) else { return Ok(()) };
            if r.msg_type != RTM_NEWROUTE || !accepts(&filter, &r, opts.family, &mut multiple) {
                return Ok(());
            }
            let body = &msg[super::msg::NLMSG_HDRLEN..];
            if let Ok(m) = <RouteMessage as netlink_packet_core::Parseable<[u8]>>::parse(body) {
                doomed.push(m);
            }
            if opts.stats >= 2 {
                print_route(p, &view, &r)?;
            }
            Ok(())
        })?;
        if let Err(e) = outcome {
            return Err(dump_failed(e, "Flush terminated"));
        }
        if doomed.is_empty() {
            if opts.stats > 0 {
                if round == 0 && (filter.cloned == 0 || family == Family::Inet6) {
                    p.text("Nothing to flush.\n")?;
                } else {
                    let s = if round > 1 { "s" } else { "" };
                    p.text(&format!("*** Flush is complete after {round} round{s} ***\n"))?;
                }
            }
            return Ok(());
        }
        round += 1;
        let count = doomed.len();
        for m in doomed {
            if let Err(e) = nl.request(RouteNetlinkMessage::DelRoute(m), 0) {
                // iproute2 reports a refused delete as perror() does.
                if e.errno == libc::ESRCH {
                    continue;
                }
                return Err(Error::Kernel(format!(
                    "Failed to send flush request: {}",
                    crate::netlink::errno::strerror(e.errno)
                )));
            }
        }
        if start.elapsed().as_secs() > 30 {
            p.text(&format!(
                "\n*** Flush not completed after {} seconds, {count} entries remain ***\n",
                start.elapsed().as_secs()
            ))?;
            return Err(Error::Exit(1));
        }
        if opts.stats > 0 {
            p.text(&format!("\n*** Round {round}, deleting {count} entries ***\n"))?;
            p.flush()?;
        }
    }
}
