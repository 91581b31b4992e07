//! `address show`, `address flush` and `link show` (iproute2's
//! `ipaddr_list_flush_or_save`).
//!
//! Order of work: the link table (names and flags, for `NAME@PEER` and
//! `M-DOWN`), then — unless only links are wanted — one address dump kept
//! in a map by interface index, then the link dump, printed message by
//! message as it arrives. Keeping the addresses is the trade-off: a link
//! is listed only if one of its addresses passes the filter, and its
//! addresses are printed under it, so they must be known before its link
//! message comes; addresses are few next to links (and their stats), so
//! they are the side kept in memory, while links stream.

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use netlink_packet_route::address::AddressMessage;
use netlink_packet_route::link::{InfoKind, LinkAttribute, LinkExtentMask, LinkInfo, LinkMessage};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};

use super::filter::{self, Filter, Resolve};
use super::print::{print_addr, Addr, Style};
use crate::cli::options::Family;
use crate::error::{Error, Result, Topic};
use crate::netlink::errno::strerror;
use crate::netlink::Netlink;
use crate::objects::link::show::{print_linkinfo, print_stats_of, LinkTable, Shown, View};
use crate::print::{Out, Printer};
use crate::Context;

/// Whether a `link show` ran in this process (see `run`).
static LINK_LISTED: AtomicBool = AtomicBool::new(false);

/// iproute2's `do_link` as it stands (for `-echo`, which prints with the
/// same printer outside a listing).
pub fn link_listed() -> bool {
    LINK_LISTED.load(Ordering::Relaxed)
}

/// Forget that a `link show` ran (a process that runs one command line
/// after another in-process, as the fuzz target does, starts each afresh).
pub fn forget_link_listing() {
    LINK_LISTED.store(false, Ordering::Relaxed);
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Action {
    LinkShow,
    Show,
    Flush,
}

/// Looks names up with the kernel (`ll_name_to_index`).
struct Lookup<'a>(&'a mut Netlink);

impl Resolve for Lookup<'_> {
    fn index(&mut self, name: &str) -> u32 {
        name_to_index(self.0, name)
    }

    fn is_vrf(&mut self, name: &str) -> bool {
        let mut req = LinkMessage::default();
        req.attributes.push(LinkAttribute::IfName(name.to_string()));
        match self.0.query(RouteNetlinkMessage::GetLink(req), 0) {
            Ok(RouteNetlinkMessage::NewLink(l)) => l.attributes.iter().any(|a| match a {
                LinkAttribute::LinkInfo(info) => info.iter().any(|i| matches!(i, LinkInfo::Kind(InfoKind::Vrf))),
                _ => false,
            }),
            _ => false,
        }
    }
}

/// `ll_name_to_index`: ask the kernel by name (or altname), else accept
/// iproute2's `ifN` spelling of an index.
pub fn name_to_index(nl: &mut Netlink, name: &str) -> u32 {
    crate::names::links::ll_name_to_index(nl, name)
}

pub fn run(ctx: &mut Context, args: &[String], action: Action) -> Result<()> {
    // iproute2's `do_link` is a global that `link show` sets and nothing
    // clears: in a batch, later `address` listings behave as `link show`
    // did (`mode`, `addrgenmode`, and `dev NAME` shows the link alone).
    if action == Action::LinkShow {
        LINK_LISTED.store(true, Ordering::Relaxed);
    }
    let do_link = LINK_LISTED.load(Ordering::Relaxed);
    let family = if action == Action::LinkShow { Family::Packet } else { ctx.opts.family };
    if action == Action::Flush {
        if args.is_empty() {
            return Err(Error::Failure("Flush requires arguments.".into()));
        }
        if family == Family::Packet {
            return Err(Error::Failure("Cannot flush link addresses.".into()));
        }
    }
    let mut filter = {
        let nl = ctx.nl()?;
        filter::parse(args, family, &mut Lookup(nl), || Error::help(Topic::Current))?
    };
    if let Some(dev) = filter.dev.clone() {
        let nl = ctx.nl()?;
        filter.ifindex = name_to_index(nl, &dev);
        if filter.ifindex == 0 {
            return Err(Error::Failure(format!("Device \"{dev}\" does not exist.")));
        }
    }
    let table = {
        let nl = ctx.nl()?;
        LinkTable::load(nl)?
    };
    if action == Action::Flush {
        return super::flush::run(ctx, &filter, &table);
    }
    if ctx.opts.details > 0 {
        let (nl, _, _, links) = ctx.parts()?;
        links.load(nl)?;
    }
    let (nl, p, opts, names) = ctx.parts()?;
    p.begin()?;
    let view = View { opts, filter: &filter, do_link, showqueue: true, table: &table, names };

    // `link show dev NAME`: one RTM_GETLINK by name.
    if let (Some(dev), None, true) = (&filter.dev, filter.group, do_link) {
        let reply = nl.query(RouteNetlinkMessage::GetLink(get_by_name(dev, family)), 0).map_err(|e| {
            Error::Fatal(format!("{}\nCannot send link get request: {}", e.message(), strerror(e.errno)))
        })?;
        if let RouteNetlinkMessage::NewLink(link) = reply {
            p.open_object(None)?;
            print_linkinfo(p, &link, false, &view)?;
            p.close_object()?;
        }
        return Ok(());
    }

    // One link, asked for by index (before the addresses, as iproute2 does:
    // when it fails nothing else is read, and the status is still 0).
    let mut single = None;
    if filter.ifindex != 0 {
        match nl.query(RouteNetlinkMessage::GetLink(get_by_index(filter.ifindex, family, opts.stats > 0)), 0) {
            Ok(RouteNetlinkMessage::NewLink(link)) => single = Some(link),
            Ok(_) => return Ok(()),
            Err(e) => {
                p.flush()?;
                eprintln!("{}\nCannot send link request: {}", e.message(), strerror(e.errno));
                return Ok(());
            }
        }
    }
    let addrs = if family != Family::Packet { Some(address_map(nl, &filter)?) } else { None };
    let style = Style { opts, with_dev: opts.oneline, table: &table };
    let each = |link: &LinkMessage, p: &mut crate::print::Printer<crate::Out>| print_listed(p, link, addrs.as_ref(), &view, &style);

    if let Some(link) = single {
        each(&link, p)?;
        return Ok(());
    }
    nl.dump(RouteNetlinkMessage::GetLink(dump_request(&filter, family)), |m| {
        if let RouteNetlinkMessage::NewLink(link) = m {
            each(&link, p)?;
        }
        Ok(())
    })?;
    Ok(())
}

/// One link of a listing and, when `addrs` holds the address dump
/// (`address show`), its addresses under it.
pub fn print_listed<W: Write>(
    p: &mut Printer<W>,
    link: &LinkMessage,
    addrs: Option<&HashMap<u32, Vec<AddressMessage>>>,
    view: &View,
    style: &Style,
) -> std::io::Result<()> {
    let (opts, filter, table) = (view.opts, view.filter, view.table);
    if let Some(addrs) = addrs {
        if !link_wanted(link, addrs, filter, table) {
            return Ok(());
        }
    }
    // `ip -o address show` leaves the link lines out.
    let no_link = addrs.is_some() && opts.oneline;
    p.open_object(None)?;
    let shown = if opts.brief || !no_link { print_linkinfo(p, link, false, view)? } else { Shown::Quiet };
    if shown != Shown::Filtered {
        if let Some(addrs) = addrs {
            p.open_array(Out::Json, Some("addr_info"), "")?;
            let up = link.header.flags.bits() & 1 != 0;
            for m in addrs.get(&link.header.index).map_or(&[][..], Vec::as_slice) {
                let a = Addr::of(m);
                if filter.family != Family::Unspec && filter.family.af() != a.family {
                    continue;
                }
                if filter.up && !up {
                    continue;
                }
                p.open_object(None)?;
                if a.selected(filter, table) {
                    print_addr(p, &a, false, style)?;
                }
                p.close_object()?;
            }
            p.close_array(Out::Json, "")?;
            if opts.brief {
                p.text("\n")?;
            }
        }
    }
    if shown == Shown::Printed && !view.do_link && opts.stats > 0 {
        print_stats_of(p, link, opts)?;
    }
    p.close_object()
}

/// iproute2's `ipaddr_filter` for one link: keep it if one of its
/// addresses passes the filter, or if it has none and no address family
/// was asked for.
fn link_wanted(link: &LinkMessage, addrs: &HashMap<u32, Vec<AddressMessage>>, f: &Filter, table: &LinkTable) -> bool {
    match addrs.get(&link.header.index) {
        None => f.family == Family::Unspec || f.family == Family::Packet,
        Some(list) => list.iter().any(|m| {
            let a = Addr::of(m);
            // The index was matched by the map key; the rest as print_addrinfo.
            a.selected(&Filter { ifindex: 0, ..f.clone() }, table)
        }),
    }
}

/// One address dump, grouped by interface index in arrival order.
fn address_map(nl: &mut Netlink, f: &Filter) -> Result<HashMap<u32, Vec<AddressMessage>>> {
    let mut map: HashMap<u32, Vec<AddressMessage>> = HashMap::new();
    nl.dump(RouteNetlinkMessage::GetAddress(address_dump_request(f)), |m| {
        if let RouteNetlinkMessage::NewAddress(a) = m {
            map.entry(a.header.index).or_default().push(a);
        }
        Ok(())
    })?;
    Ok(map)
}

/// RTM_GETADDR dump of `f.family`, limited to `f.ifindex` when set.
pub fn address_dump_request(f: &Filter) -> AddressMessage {
    let mut req = AddressMessage::default();
    req.header.family = AddressFamily::from(f.family.af());
    req.header.index = f.ifindex;
    req
}

fn ext_mask(stats: bool) -> LinkAttribute {
    let mut mask = vec![LinkExtentMask::Vf];
    if !stats {
        mask.push(LinkExtentMask::SkipStats);
    }
    LinkAttribute::ExtMask(mask)
}

fn get_by_name(name: &str, family: Family) -> LinkMessage {
    let mut req = LinkMessage::default();
    req.header.interface_family = AddressFamily::from(family.af());
    if name.is_empty() || name.len() >= 16 || name.contains(['/', ' ', '\t', '\n']) {
        const IFLA_ALT_IFNAME: u16 = 53;
        let mut value = name.as_bytes().to_vec();
        value.push(0);
        req.attributes.push(LinkAttribute::Other(netlink_packet_core::DefaultNla::new(IFLA_ALT_IFNAME, value)));
    } else {
        req.attributes.push(LinkAttribute::IfName(name.to_string()));
    }
    req.attributes.push(LinkAttribute::ExtMask(vec![LinkExtentMask::Vf]));
    req
}

fn get_by_index(index: u32, family: Family, stats: bool) -> LinkMessage {
    let mut req = LinkMessage::default();
    req.header.interface_family = AddressFamily::from(family.af());
    req.header.index = index;
    req.attributes.push(ext_mask(stats));
    req
}

/// The link dump: for the families that allow it, the kernel filters by
/// master and kind itself (iproute2's `iplink_filter_req`).
fn dump_request(f: &Filter, family: Family) -> LinkMessage {
    let mut req = LinkMessage::default();
    req.header.interface_family = AddressFamily::from(family.af());
    if matches!(family, Family::Unspec | Family::Packet) {
        req.attributes.push(LinkAttribute::ExtMask(vec![LinkExtentMask::Vf]));
        if f.master != 0 {
            req.attributes.push(LinkAttribute::Controller(f.master as u32));
        }
        if let Some(kind) = &f.kind {
            req.attributes.push(LinkAttribute::LinkInfo(vec![LinkInfo::Kind(InfoKind::from(kind.as_str()))]));
        }
    }
    req
}

