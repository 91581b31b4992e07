//! `address show`, `address flush` and `link show` (iproute2's
//! `ipaddr_list_flush_or_save`), read from raw messages (`LinkMsg`,
//! `AddrMsg`): names, aliases and labels are bytes, and no message is
//! dropped because it is not UTF-8.
//!
//! Order of work: unless only links are wanted, one address dump kept in
//! a map by interface index; then the link dump, printed message by
//! message a few messages behind its arrival (`READ_AHEAD`), each message
//! noted by the link-name service as it comes — so `NAME@PEER`, `master
//! NAME` and `M-DOWN` are answered from what the dump brought, without a
//! dump of their own. Keeping the addresses is the trade-off: a link is
//! listed only if one of its addresses passes the filter, and its
//! addresses are printed under it, so they must be known before its link
//! message comes; addresses are few next to links (and their stats), so
//! they are the side kept in memory, while links stream.

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use super::filter::{self, Filter};
use super::print::{print_addr, Addr, Style};
use crate::cli::bytes::bytes;
use crate::cli::options::Family;
use crate::error::{Error, Result, Topic};
use crate::names::links::{Fetched, Links};
use crate::netlink::addr::{self as addrmsg, AddrMsg, RTM_GETADDR};
use crate::netlink::attr::AttrWriter;
use crate::netlink::errno::strerror;
use crate::netlink::link::{
    get_request, LinkMsg, Which, IFINFOMSG_LEN, IFLA_EXT_MASK, IFLA_LINKINFO, IFLA_MASTER, RTEXT_FILTER_SKIP_STATS,
    RTEXT_FILTER_VF, RTM_GETLINK,
};
use crate::netlink::{Netlink, Outgoing};
use crate::objects::link::show::{print_linkinfo, print_stats_of, Shown, View};
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

/// How many link messages a listing reads ahead of the one it prints: a
/// link names its peer (`v0@v1`), which may come later in the dump, and
/// the name is then found among those read ahead rather than asked for
/// (the link-name service keeps them, and those just printed, at hand).
const READ_AHEAD: usize = crate::names::links::NEARBY / 4;

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
    let (nl, p, opts, links) = ctx.parts()?;
    let mut filter = filter::parse(args, family, nl, links, || Error::help(Topic::Current))?;
    // iproute2 looks `dev NAME` up, then asks for the device by name
    // (`link show dev NAME`: `iplink_get`, stats and all) or by index (the
    // rest: `ipaddr_link_get`); one RTM_GETLINK by name asked that way
    // answers both.
    let link_get = filter.group.is_none() && do_link;
    let mask = if link_get || opts.stats > 0 { RTEXT_FILTER_VF } else { RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS };
    let mut single = None;
    let mut refused = None;
    if let Some(dev) = &filter.dev {
        match links.fetch(nl, &bytes(dev), family.af(), mask) {
            Fetched::Link(index, msg) => {
                filter.ifindex = index;
                single = Some(msg);
            }
            Fetched::Other(0, _) => return Err(Error::Failure(format!("Device \"{dev}\" does not exist."))),
            // Found by another rule (`v0:1`, `ifN`): iproute2's request by
            // name (`link show dev`) fails as the look-up did.
            Fetched::Other(index, e) => {
                filter.ifindex = index;
                refused = Some(e);
            }
        }
    }
    if action == Action::Flush {
        return super::flush::run(ctx, &filter);
    }
    p.begin()?;
    if let (Some(e), true) = (refused, link_get) {
        return Err(Error::Fatal(format!("{}\nCannot send link get request: {}", e.message(), strerror(e.errno))));
    }
    let view = View { opts, filter: &filter, do_link, showqueue: true, links };

    // `link show dev NAME`: the device alone.
    if let (Some(msg), true) = (&single, link_get) {
        if let Some(link) = LinkMsg::from_nlmsg(msg) {
            p.open_object(None)?;
            print_linkinfo(p, &link, false, &view)?;
            p.close_object()?;
        }
        return Ok(());
    }

    // One link, asked for by index unless the look-up brought it (before
    // the addresses, as iproute2 does: when it fails nothing else is read,
    // and the status is still 0).
    if filter.ifindex != 0 && single.is_none() {
        let body = get_request(Which::Index(filter.ifindex), family.af(), mask).unwrap_or_default();
        match nl.query_raw(Outgoing::Raw { kind: RTM_GETLINK, body: &body }, 0, <[u8]>::to_vec) {
            Ok(link) => single = Some(link),
            Err(e) => {
                p.flush()?;
                eprintln!("{}\nCannot send link request: {}", e.message(), strerror(e.errno));
                return Ok(());
            }
        }
    }
    let addrs = if family != Family::Packet { Some(address_map(nl, &filter)?) } else { None };
    let listing = Listing {
        view,
        style: Style { opts, with_dev: opts.oneline, links },
        no_link: family != Family::Packet && opts.oneline,
        addrs,
    };
    let each = |link: &LinkMsg, p: &mut Printer<crate::Out>| listing.print(p, link);

    if let Some(msg) = single {
        if let Some(link) = LinkMsg::from_nlmsg(&msg) {
            links.note(&link);
            each(&link, p)?;
        }
        return Ok(());
    }
    // The dump, printed READ_AHEAD messages behind what has arrived: each
    // message is noted (name and flags) as it comes, printed later.
    let body = dump_request(&filter, family, opts.stats > 0)?;
    let mut ahead: VecDeque<Vec<u8>> = VecDeque::with_capacity(READ_AHEAD + 1);
    let mut spare: Vec<Vec<u8>> = Vec::new();
    let print_first = |ahead: &mut VecDeque<Vec<u8>>, spare: &mut Vec<Vec<u8>>, p: &mut Printer<crate::Out>| -> std::io::Result<()> {
        if let Some(msg) = ahead.pop_front() {
            if let Some(link) = LinkMsg::from_nlmsg(&msg).filter(|l| l.msg_type == crate::netlink::link::RTM_NEWLINK) {
                each(&link, p)?;
            }
            spare.push(msg);
        }
        Ok(())
    };
    let end = nl.dump_out(Outgoing::Raw { kind: RTM_GETLINK, body: &body }, |m| {
        if !links.note_nearby(m) {
            unreadable("link", m);
        }
        let mut buf = spare.pop().unwrap_or_default();
        buf.clear();
        buf.extend_from_slice(m);
        ahead.push_back(buf);
        if ahead.len() > READ_AHEAD {
            print_first(&mut ahead, &mut spare, p)?;
        }
        Ok(())
    })?;
    while !ahead.is_empty() {
        print_first(&mut ahead, &mut spare, p)?;
    }
    end.map(|_| ()).map_err(Error::from)
}

/// What a listing prints for each link: the link (`print_linkinfo`), its
/// selected addresses, its statistics.
pub struct Listing<'a> {
    pub view: View<'a>,
    /// How addresses are printed.
    pub style: Style<'a>,
    /// `-o` address listings print no link line.
    pub no_link: bool,
    /// The addresses, by interface (None: a link listing).
    pub addrs: Option<AddressMap>,
}

impl Listing<'_> {
    /// One link of the dump, with its addresses (the body of iproute2's
    /// loop over `linfo` in `ipaddr_list_flush_or_save`).
    pub fn print<W: Write>(&self, p: &mut Printer<W>, link: &LinkMsg) -> std::io::Result<()> {
        let (opts, filter, links) = (self.view.opts, self.view.filter, self.view.links);
        // Some(None): addresses were dumped, this link has none.
        let mine = self.addrs.as_ref().map(|a| a.of(link.index));
        if let Some(mine) = &mine {
            if !link_wanted(mine, filter, links) {
                return Ok(());
            }
        }
        p.open_object(None)?;
        let shown = if opts.brief || !self.no_link { print_linkinfo(p, link, false, &self.view)? } else { Shown::Quiet };
        if shown != Shown::Filtered {
            if let Some(mine) = &mine {
                p.open_array(Out::Json, Some("addr_info"), "")?;
                let up = link.flags & 1 != 0;
                for m in mine.iter().flat_map(|kept| kept.iter()) {
                    let a = Addr::of(m);
                    if filter.family != Family::Unspec && filter.family.af() != a.family {
                        continue;
                    }
                    if filter.up && !up {
                        continue;
                    }
                    p.open_object(None)?;
                    if a.selected(filter, links) {
                        print_addr(p, &a, false, &self.style)?;
                    }
                    p.close_object()?;
                }
                p.close_array(Out::Json, "")?;
                if opts.brief {
                    p.text("\n")?;
                }
            }
        }
        if shown == Shown::Printed && !self.view.do_link && opts.stats > 0 {
            print_stats_of(p, link, opts)?;
        }
        p.close_object()
    }
}

/// A message too short for its header: said, never skipped silently.
pub fn unreadable(what: &str, msg: &[u8]) {
    eprintln!("Cannot read a {what} message of {} bytes: skipped.", msg.len());
}

/// The addresses of one dump, kept by interface index in arrival order
/// (whole messages, one after another, read again in place).
#[derive(Default)]
pub struct AddressMap {
    by_index: HashMap<u32, Vec<u8>>,
}

impl AddressMap {
    /// Keep one message of an address dump (others are not kept).
    pub fn keep(&mut self, m: &[u8]) {
        match AddrMsg::from_nlmsg(m) {
            Some(a) if a.msg_type == addrmsg::RTM_NEWADDR => {
                let kept = self.by_index.entry(a.index).or_default();
                kept.extend_from_slice(m);
                kept.resize(crate::netlink::attr::align(kept.len()), 0);
            }
            Some(_) => {}
            None => unreadable("address", m),
        }
    }

    /// The address messages of interface `index`.
    pub fn of(&self, index: u32) -> Option<Addresses<'_>> {
        self.by_index.get(&index).map(|b| Addresses(b))
    }
}

/// One interface's kept address messages.
pub struct Addresses<'a>(&'a [u8]);

impl<'a> Addresses<'a> {
    pub fn iter(&self) -> impl Iterator<Item = AddrMsg<'a>> {
        addrmsg::messages(self.0).filter_map(AddrMsg::from_nlmsg)
    }
}


/// iproute2's `ipaddr_filter` for one link: keep it if one of its
/// addresses passes the filter, or if it has none and no address family
/// was asked for.
fn link_wanted(mine: &Option<Addresses>, f: &Filter, links: &Links) -> bool {
    match mine {
        None => f.family == Family::Unspec || f.family == Family::Packet,
        Some(list) => {
            // The index was matched by the map key; the rest as print_addrinfo.
            let f = Filter { ifindex: 0, ..f.clone() };
            list.iter().any(|m| Addr::of(m).selected(&f, links))
        }
    }
}

/// One address dump, grouped by interface index in arrival order.
fn address_map(nl: &mut Netlink, f: &Filter) -> Result<AddressMap> {
    let mut map = AddressMap::default();
    let body = addrmsg::dump_request(f.family.af(), f.ifindex);
    nl.dump_out(Outgoing::Raw { kind: RTM_GETADDR, body: &body }, |m| {
        map.keep(m);
        Ok(())
    })?
    .map_err(Error::from)?;
    Ok(map)
}

/// The link dump: for the families that allow it, the kernel filters by
/// master and kind itself (iproute2's `iplink_filter_req`). Without `-s`
/// the kernel is also asked to leave the statistics out (iproute2 reads
/// them and prints none): less for it to fill, and for rtun to read.
fn dump_request(f: &Filter, family: Family, stats: bool) -> Result<Vec<u8>> {
    const IFLA_INFO_KIND: u16 = 1;
    let mut body = vec![0u8; IFINFOMSG_LEN];
    body[0] = family.af();
    if matches!(family, Family::Unspec | Family::Packet) {
        let mut w = AttrWriter::new();
        w.u32(IFLA_EXT_MASK, if stats { RTEXT_FILTER_VF } else { RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS });
        if f.master != 0 {
            w.u32(IFLA_MASTER, f.master as u32);
        }
        if let Some(kind) = &f.kind {
            // Without a NUL, as iproute2 sends it.
            w.nest(IFLA_LINKINFO, |n| {
                n.put(IFLA_INFO_KIND, &bytes(kind));
            });
        }
        body.extend_from_slice(&w.finish().map_err(|_| Error::Failure("addattr_l ERROR: message exceeded bound of 1056".into()))?);
    }
    Ok(body)
}
