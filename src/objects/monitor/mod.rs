//! `monitor` (iproute2's `ipmonitor.c`): subscribe to the kernel's
//! rtnetlink groups and print each notification with the very printer
//! its object's `show` uses (`Deleted ` and all), after ip's headers:
//! `-t`'s `Timestamp:` line or `-ts`'s `[…] `, `[nsid N]` with
//! `all-nsid`, `[LINK]`-style labels with `label`/`all`. `file FILE`
//! prints a capture written by `rtmon` instead (its timestamps included).
//!
//! As rtun, `-j` prints one JSON object a line per event: the members of
//! the object's `-j show` output, plus "event", "object" and, with `-t`,
//! "timestamp". As ip, `-j` is ignored, as ip 6.1 ignores it.
//!
//! Adding an object's events is one row of [`EVENTS`] and its printer.

pub mod grammar;
mod netconf;
mod nsid;
mod prefix;

use std::cell::{Cell, RefCell};
use std::io::{self, Write};

use crate::cli::options::{Family, Options};
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, Error, Result, Topic};
use crate::names::links::Links;
use crate::netlink::attr::AttrWriter;
use crate::netlink::link::{LinkMsg, IFINFOMSG_LEN, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS, RTM_DELLINK, RTM_GETLINK, RTM_NEWLINK};
use crate::netlink::listen::{Listener, Received};
use crate::netlink::request::{frames, Header};
use crate::netlink::Outgoing;
use crate::objects::address::filter::Filter as AddrFilter;
use crate::objects::address::print::{print_addr, Addr, Style};
use crate::objects::link::show::{print_linkinfo, Shown, View as LinkView};
use crate::objects::route::filter::{accepts, Filter as RouteFilter};
use crate::objects::route::msg::{Route, RTM_F_CLONED};
use crate::objects::route::print::{route_fields, View as RouteView};
use crate::print::{time, Out, Printer};
use crate::Context;

/// The printer's scratch output: one event, printed whole or dropped.
pub type Record = Printer<Vec<u8>>;

/// Prints the message `msg` (header included) of a row's object; false
/// when the object's own filter leaves it out.
pub type PrintFn = fn(&mut Record, &Env, &[u8]) -> io::Result<bool>;

/// What every printer may need: the options, names, the selection.
pub struct Env<'a> {
    pub opts: &'a Options,
    pub links: &'a Links,
    /// `dev DEV`: its index (0: every device).
    pub ifindex: u32,
    pub addr_filter: AddrFilter,
    pub route_filter: RouteFilter,
    /// iproute2's sticky "an IPv6 route outside main was seen".
    ip6_multiple_tables: Cell<bool>,
    /// `nsid`: the names of namespaces under /run/netns by id.
    pub netns_names: RefCell<std::collections::HashMap<i32, String>>,
    /// Called as `ip`: its quirks kept.
    pub ip: bool,
    /// The nexthops routes name, for `-d`'s `nh_info` (as `route show`).
    pub nexthops: crate::objects::nexthop::cache::Cache,
}

/// One kind of event: the object word that subscribes to it, ip's label,
/// its message types, its groups (RTNLGRP_*, with the family that `-4`/
/// `-6`/`-M` keeps; Unspec: always), its printer. `print: None` is a hook
/// for an object rtun does not print yet: its events are skipped (and its
/// word is refused, `grammar::KEYWORDS` marks it unsupported).
pub struct Events {
    pub object: &'static str,
    pub label: &'static str,
    pub types: &'static [u16],
    pub groups: &'static [(u32, Family)],
    pub print: Option<PrintFn>,
}

const U: Family = Family::Unspec;
const V4: Family = Family::Inet;
const V6: Family = Family::Inet6;
const MPLS: Family = Family::Mpls;

/// Every kind of event, in iproute2's order of object words.
pub static EVENTS: &[Events] = &[
    Events { object: "link", label: "[LINK]", types: &[16, 17], groups: &[(1, U)], print: Some(print_link) },
    Events { object: "address", label: "[ADDR]", types: &[20, 21], groups: &[(5, V4), (9, V6)], print: Some(print_address) },
    Events { object: "route", label: "[ROUTE]", types: &[24, 25], groups: &[(7, V4), (11, V6), (27, MPLS)], print: Some(print_route) },
    // Hook: multicast routes (RTNL_FAMILY_IPMR/IP6MR route messages).
    Events { object: "mroute", label: "[MROUTE]", types: &[24, 25], groups: &[(6, V4), (10, V6)], print: None },
    Events { object: "prefix", label: "[PREFIX]", types: &[44], groups: &[(18, V6)], print: Some(prefix::print) },
    Events { object: "neigh", label: "[NEIGH]", types: &[28, 29, 30], groups: &[(3, U)], print: Some(print_neigh) },
    Events { object: "netconf", label: "[NETCONF]", types: &[80, 81], groups: &[(24, V4), (25, V6), (29, MPLS)], print: Some(netconf::print) },
    Events { object: "rule", label: "[RULE]", types: &[32, 33], groups: &[(8, V4), (19, V6)], print: Some(print_rule) },
    Events { object: "nsid", label: "[NSID]", types: &[88, 89], groups: &[(28, U)], print: Some(nsid::print) },
    Events { object: "nexthop", label: "[NEXTHOP]", types: &[104, 105], groups: &[(32, U)], print: Some(print_nexthop) },
    // Hook: statistics (RTM_NEWSTATS).
    Events { object: "stats", label: "[STATS]", types: &[92], groups: &[(36, U)], print: None },
    // Hooks with no word of their own (iproute2 prints them under `all`).
    Events { object: "addrlabel", label: "[ADDRLABEL]", types: &[72, 73], groups: &[], print: None },
    Events { object: "nexthopbucket", label: "[NEXTHOPBUCKET]", types: &[116, 117], groups: &[], print: None },
];

const NLMSG_NOOP: u16 = 1;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
/// rtmon's timestamp records.
const NLMSG_TSTAMP: u16 = 15;
const RTNLGRP_NEXTHOP: u32 = 32;
const RTNLGRP_STATS: u32 = 36;
const RTNL_FAMILY_IPMR: u8 = 128;
const RTNL_FAMILY_IP6MR: u8 = 129;

/// What the words asked for.
struct Args {
    file: Option<String>,
    label: bool,
    objects: Vec<&'static Events>,
    all_nsid: bool,
    dev: Option<String>,
}

fn parse(prog: &str, args: &[String]) -> Result<Args> {
    let mut a = Args { file: None, label: false, objects: Vec::new(), all_nsid: false, dev: None };
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let Some(k) = lookup(word, grammar::KEYWORDS) else {
            if crate::cli::words::matches(word, "help") {
                return Err(Error::help(Topic::Current));
            }
            return Err(Error::Usage(format!("Argument \"{word}\" is unknown, try \"{prog} monitor help\".")));
        };
        let name = k.names[0].text;
        match name {
            "file" => a.file = Some(w.value()?.to_string()),
            "label" | "all" => a.label = true,
            "all-nsid" => a.all_nsid = true,
            "dev" => a.dev = Some(w.value()?.to_string()),
            _ if !k.supported => return Err(Error::Failure(format!("\"{prog} monitor {name}\" is not supported by rtun."))),
            _ => a.objects.extend(EVENTS.iter().filter(|e| e.object == name)),
        }
    }
    Ok(a)
}

/// `monitor …`.
pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let a = parse(ctx.prog, args)?;
    let ip = ctx.prog == "ip";
    let (nl, p, opts, links) = ctx.parts()?;
    let ifindex = match &a.dev {
        Some(name) => match links.index(nl, &crate::cli::bytes::bytes(name)) {
            0 => return Err(invarg("Device does not exist\n", name)),
            i => i,
        },
        None => 0,
    };
    let mut route_filter = RouteFilter::default();
    if ifindex > 0 {
        route_filter.oif = ifindex;
        route_filter.oifmask = -1;
    }
    let json = opts.json && !ip;
    let mut out = Output { json, label: a.label, all_nsid: a.all_nsid, pending_stamp: None };
    let offline = Links::offline();
    let mut env = Env {
        opts,
        links,
        ifindex,
        addr_filter: AddrFilter { ifindex, ..AddrFilter::default() },
        route_filter,
        ip6_multiple_tables: Cell::new(false),
        netns_names: RefCell::default(),
        ip,
        nexthops: crate::objects::nexthop::cache::Cache::new(opts.family.af()),
    };
    if let Some(file) = &a.file {
        // As rtun, the capture's own link messages name its devices (rtmon
        // starts with a link dump); ip asks this machine's kernel instead.
        if !ip {
            env.links = &offline;
        }
        return replay(p, &env, &mut out, file);
    }
    let objects: Vec<&Events> = if a.objects.is_empty() { EVENTS.iter().collect() } else { a.objects.clone() };
    let groups: Vec<u32> = objects
        .iter()
        .flat_map(|e| e.groups.iter())
        .filter(|(_, f)| *f == Family::Unspec || opts.family == Family::Unspec || *f == opts.family)
        .map(|(g, _)| *g)
        .collect();
    let named = |g: u32| a.objects.iter().any(|e| e.groups.iter().any(|(x, _)| *x == g));
    let required: Vec<u32> = [RTNLGRP_NEXTHOP, RTNLGRP_STATS].into_iter().filter(|g| *g == RTNLGRP_NEXTHOP || named(*g)).collect();
    let mut listener = Listener::open(&groups, &required, opts.rcvbuf)?;
    if a.all_nsid {
        listener.listen_all_nsid()?;
    }
    know_links(nl, links)?;
    *env.netns_names.borrow_mut() = crate::objects::link::show::nsid::scan();
    loop {
        match listener.recv()? {
            Received::Datagram { len, nsid } => {
                for (h, msg) in frames(listener.data(len)) {
                    event(p, &env, &mut out, &h, msg, Some(nsid.unwrap_or(-1)))?;
                }
            }
            Received::Lost if ip => {
                eprintln!("netlink receive error No buffer space available ({})", libc::ENOBUFS);
            }
            Received::Lost => {
                eprintln!(
                    "rtun monitor: events were lost: they came faster than they were read and \
                     overflowed the socket's receive buffer (ENOBUFS; -rcvbuf sets its size). \
                     Device names are read again; listening goes on."
                );
                if json {
                    p.inner().write_all(b"{\"event\":\"lost\"}\n")?;
                    p.flush()?;
                }
                links.invalidate();
                know_links(nl, links)?;
            }
        }
    }
}

/// ip's `ll_init_map`: every link's name, noted before the first event.
/// The one link dump outside a listing: a monitor prints events that
/// name devices already gone (addresses and routes removed with their
/// link), which no look-up could name any more.
fn know_links(nl: &mut crate::netlink::Netlink, links: &Links) -> Result<()> {
    let mut body = vec![0u8; IFINFOMSG_LEN];
    let mut w = AttrWriter::new();
    w.u32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
    body.extend_from_slice(&w.finish().map_err(|_| Error::Failure("link dump request too long".into()))?);
    nl.dump_out(Outgoing::Raw { kind: RTM_GETLINK, body: &body }, |m| {
        if let Some(l) = LinkMsg::from_nlmsg(m) {
            links.note(&l);
        }
        Ok(())
    })?
    .map(|_| ())
    .map_err(Error::from)
}

/// How events are written.
struct Output {
    json: bool,
    label: bool,
    all_nsid: bool,
    /// A timestamp record of an rtmon file, for the next event (JSON).
    pending_stamp: Option<String>,
}

/// `rtnl_from_file`: rtmon's records, one netlink message each (its
/// header's length, padded to 4 bytes).
fn replay(p: &mut Printer<crate::Out>, env: &Env, out: &mut Output, path: &str) -> Result<()> {
    let data = std::fs::read(path).map_err(|e| {
        Error::Usage(format!("Cannot fopen: {}", crate::netlink::errno::strerror(e.raw_os_error().unwrap_or(0))))
    })?;
    let mut off = 0;
    while off < data.len() {
        let rest = &data[off..];
        if rest.len() < 16 {
            return Err(file_error("rtnl-from_file: truncated message"));
        }
        let len = u32::from_ne_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        if !(16..=16384).contains(&len) {
            return Err(file_error(&format!("!!!malformed message: len={} @{}", len as i32, off + 16)));
        }
        let padded = (len + 3) & !3;
        if rest.len() < padded {
            return Err(file_error("rtnl-from_file: truncated message"));
        }
        let msg = &rest[..len];
        let h = Header {
            len,
            kind: u16::from_ne_bytes([rest[4], rest[5]]),
            flags: u16::from_ne_bytes([rest[6], rest[7]]),
            seq: 0,
            port: 0,
        };
        event(p, env, out, &h, msg, None)?;
        off += padded;
    }
    p.flush()?;
    Ok(())
}

/// A capture ip cannot read on: its message, status 1.
fn file_error(text: &str) -> Error {
    Error::Failure(text.to_string())
}

/// ip's `accept_msg` for one message; `nsid`: None for a file (ip's
/// "[nsid current]"), else the id the datagram came with (-1: here).
fn event(p: &mut Printer<crate::Out>, env: &Env, out: &mut Output, h: &Header, msg: &[u8], nsid: Option<i32>) -> Result<()> {
    let body = msg.get(16..).unwrap_or(&[]);
    match h.kind {
        NLMSG_ERROR | NLMSG_NOOP | NLMSG_DONE => return Ok(()),
        NLMSG_TSTAMP => return file_stamp(p, out, body),
        24 | 25 if body.len() >= 12 && u32::from_ne_bytes([body[8], body[9], body[10], body[11]]) & RTM_F_CLONED != 0 => {
            return Ok(())
        }
        24 | 25 if body.len() < 12 => {
            eprintln!("BUG: wrong nlmsg len {}", body.len() as i32 - 12);
            return Err(Error::Exit(2));
        }
        _ => {}
    }
    let mroute = matches!(h.kind, 24 | 25) && matches!(body.first(), Some(&RTNL_FAMILY_IPMR | &RTNL_FAMILY_IP6MR));
    let Some(row) = EVENTS.iter().find(|e| e.types.contains(&h.kind) && (e.object == "mroute") == mroute) else {
        eprintln!(
            "Unknown message: type=0x{:08x}({}) flags=0x{:08x}({}) len=0x{:08x}({})",
            h.kind, h.kind, h.flags, h.flags, h.len, h.len
        );
        return Ok(());
    };
    if row.object == "link" {
        // ip's `ll_remember_index`, before anything is printed.
        if let Some(l) = LinkMsg::from_nlmsg(msg) {
            match l.msg_type {
                RTM_DELLINK => env.links.forget(l.index),
                RTM_NEWLINK => env.links.remember(&l, !env.ip),
                _ => {}
            }
        }
    }
    if row.object == "neigh" && env.opts.family != Family::Unspec && body.first() != Some(&env.opts.family.af()) {
        // ip's `accept_msg` leaves out another family's before any header.
        return Ok(());
    }
    let Some(print) = row.print else { return Ok(()) };
    let mut r = p.record(out.json);
    if out.json {
        r.open_object(None)?;
        r.json_str("event", event_name(h.kind))?;
        r.json_str("object", row.object)?;
        let stamp = out.pending_stamp.take();
        if env.opts.timestamp > 0 || stamp.is_some() {
            let (s, us) = time::now();
            r.json_str("timestamp", &stamp.unwrap_or_else(|| time::short(s, us)))?;
        }
        if out.all_nsid {
            match nsid {
                Some(id) if id >= 0 => r.json_num("netnsid", id)?,
                _ => r.json_str("netnsid", "current")?,
            }
        }
        let shown = print(&mut r, env, msg)?;
        r.close_object()?;
        if shown {
            let mut bytes = r.into_inner();
            bytes.push(b'\n');
            p.inner().write_all(&bytes)?;
            p.flush()?;
        }
        return Ok(());
    }
    // ip's `print_headers`, written whatever the printer then leaves out.
    if env.opts.timestamp > 0 {
        let (s, us) = time::now();
        if env.opts.timestamp_short {
            r.text_fmt("[{}] ", &time::short(s, us))?;
        } else {
            r.text_fmt("Timestamp: {} usec\n", &format_args!("{} {us}", time::asctime(s)))?;
        }
    }
    if out.all_nsid {
        match nsid {
            Some(id) if id >= 0 => r.text_fmt("[nsid {}]", &id)?,
            _ => r.text("[nsid current]")?,
        }
    }
    if out.label {
        r.text(row.label)?;
    }
    print(&mut r, env, msg)?;
    p.inner().write_all(&r.into_inner())?;
    p.flush()?;
    Ok(())
}

/// An rtmon timestamp record (`print_nlmsg_timestamp`).
fn file_stamp(p: &mut Printer<crate::Out>, out: &mut Output, body: &[u8]) -> Result<()> {
    let word = |i: usize| body.get(i..i + 4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
    let (secs, usecs) = (word(0), word(4));
    if out.json {
        out.pending_stamp = Some(time::short(i64::from(secs), usecs));
        return Ok(());
    }
    p.text_always(&format!("Timestamp: {} {usecs} us\n", time::asctime(i64::from(secs))))?;
    Ok(())
}

/// "new", "deleted" (RTM_NEW*, RTM_DEL*), else ip's other kinds.
fn event_name(kind: u16) -> &'static str {
    match kind % 4 {
        0 => "new",
        1 => "deleted",
        2 => "get",
        _ => "set",
    }
}

fn print_link(p: &mut Record, env: &Env, msg: &[u8]) -> io::Result<bool> {
    let Some(l) = LinkMsg::from_nlmsg(msg) else { return Ok(false) };
    let view = LinkView { opts: env.opts, filter: &env.addr_filter, do_link: false, showqueue: false, links: env.links };
    Ok(print_linkinfo(p, &l, l.msg_type == RTM_DELLINK, &view)? != Shown::Filtered)
}

fn print_address(p: &mut Record, env: &Env, msg: &[u8]) -> io::Result<bool> {
    let Some(m) = crate::netlink::addr::AddrMsg::from_nlmsg(msg) else {
        eprintln!("BUG: wrong nlmsg len {}", msg.len() as i32 - 24);
        return Ok(false);
    };
    let deleted = m.msg_type == crate::netlink::addr::RTM_DELADDR;
    let a = Addr::of(m);
    if !a.selected(&env.addr_filter, env.links) {
        return Ok(false);
    }
    print_addr(p, &a, deleted, &Style { opts: env.opts, with_dev: true, links: env.links })?;
    Ok(true)
}

fn print_route(p: &mut Record, env: &Env, msg: &[u8]) -> io::Result<bool> {
    let Some(r) = Route::from_nlmsg(msg) else { return Ok(false) };
    let mut multiple = env.ip6_multiple_tables.get();
    let wanted = accepts(&env.route_filter, &r, env.opts.family, &mut multiple);
    env.ip6_multiple_tables.set(multiple);
    if !wanted {
        return Ok(false);
    }
    route_fields(p, &RouteView { opts: env.opts, links: env.links, filter: &env.route_filter, nexthops: &env.nexthops }, &r)?;
    Ok(true)
}

/// ip's `print_neigh` after `ipneigh_reset_filter(ifindex)`: every state,
/// the `dev` device only (then without its name). `-4`/`-6` were applied
/// before (`event`).
fn print_neigh(p: &mut Record, env: &Env, msg: &[u8]) -> io::Result<bool> {
    use crate::objects::neigh::{filter::Filter, msg::Neigh, print};
    let Some(n) = Neigh::from_nlmsg(msg) else {
        eprintln!("BUG: wrong nlmsg len {}", msg.len() as i32 - 28);
        return Ok(false);
    };
    let filter = Filter { index: env.ifindex, state: !0, ..Filter::default() };
    if !filter.accepts_header(&n) || !filter.accepts(&n) {
        return Ok(false);
    }
    print::neigh_fields(p, &print::View { opts: env.opts, links: env.links, one_dev: env.ifindex != 0 }, &n)?;
    Ok(true)
}

/// ip's `print_rule` with its filter untouched: `-4`/`-6` only.
fn print_rule(p: &mut Record, env: &Env, msg: &[u8]) -> io::Result<bool> {
    use crate::objects::rule::{list::Filter, msg::Rule, print};
    let Some(r) = Rule::from_nlmsg(msg) else { return Ok(false) };
    if !Filter::default().accepts(&r, env.opts.family) {
        return Ok(false);
    }
    print::rule_fields(p, &print::View { opts: env.opts }, &r)?;
    Ok(true)
}

/// ip's `print_cache_nexthop(…, true)`: the nexthop, then noted in (or,
/// deleted, dropped from) the cache routes' `nh_info` reads.
fn print_nexthop(p: &mut Record, env: &Env, msg: &[u8]) -> io::Result<bool> {
    use crate::objects::nexthop::msg::{entry_fields, invalid, Nexthop};
    let Some(nh) = Nexthop::from_nlmsg(msg) else {
        eprintln!("BUG: wrong nlmsg len {}", msg.len() as i32 - 24);
        return Ok(false);
    };
    if let Some(text) = invalid(&nh) {
        p.text(&text)?;
        eprintln!("Error parsing nexthop: Invalid argument");
        return Ok(false);
    }
    entry_fields(p, env.links, &nh, env.opts.details > 0, env.opts.numeric)?;
    p.text("\n")?;
    env.nexthops.note(&nh, msg);
    Ok(true)
}

/// For printers: a flag word's JSON member and text (`onlink `).
pub fn flag(p: &mut Record, key: &str, on: bool) -> io::Result<()> {
    if on {
        p.bool(Out::Any, key, &format!("{key} "), true)?;
    }
    Ok(())
}
