//! `link show` and the link lines of `address show` (iproute2's
//! `print_linkinfo`): the header line, `link/ether …`, the `-d` details,
//! `-s` statistics, `-br` brief lines. The listing itself (dumps, filters)
//! is shared with `address show` in `objects::address::list`.

mod nsid;
mod stats;

use std::collections::HashMap;
use std::io::{self, Write};

use netlink_packet_route::link::{
    AfSpecInet6, AfSpecUnspec, In6AddrGenMode, LinkAttribute, LinkEvent, LinkInfo, LinkMessage, Prop, State,
};
use netlink_packet_route::RouteNetlinkMessage;

use crate::cli::options::{Family, Options};
use crate::error::Result;
use crate::names::links::LinkNames;
use crate::netlink::Netlink;
use crate::objects::address::filter::Filter;
use crate::names::tables::group_name;
use crate::print::{Color, Out, Printer};
use crate::Context;

const IFF_UP: u32 = 0x1;
const IFF_POINTOPOINT: u32 = 0x10;
const IFF_RUNNING: u32 = 0x40;

/// `ip link show …`: the address listing with `do_link` set and the family
/// forced to `link` (iproute2's `ipaddr_list_link`).
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    crate::objects::address::list::run(ctx, args, crate::objects::address::list::Action::LinkShow)
}

/// Every link's name and flags, read once before a listing (iproute2's
/// `ll_init_map`): `NAME@PEER` needs the peer's name and `M-DOWN` its flags.
#[derive(Default)]
pub struct LinkTable {
    by_index: HashMap<u32, (String, u32)>,
}

impl LinkTable {
    pub fn load(nl: &mut Netlink) -> Result<Self> {
        nl.collect_parsed(RouteNetlinkMessage::GetLink(LinkMessage::default()), |table: &mut LinkTable, m| {
            if let RouteNetlinkMessage::NewLink(link) = m {
                table.insert(&link);
            }
            Ok(())
        })
    }

    /// Remember one link (from a dump, or a captured fixture).
    pub fn insert(&mut self, link: &LinkMessage) {
        if let Some(name) = ifname(link) {
            self.by_index.insert(link.header.index, (name.to_string(), link.header.flags.bits()));
        }
    }

    pub fn name(&self, index: u32) -> Option<&str> {
        self.by_index.get(&index).map(|(n, _)| n.as_str())
    }

    /// `ll_index_to_name`: the name, `*` for 0, else `ifN`.
    pub fn name_or_if(&self, index: u32) -> String {
        if index == 0 {
            return "*".into();
        }
        self.name(index).map_or_else(|| format!("if{index}"), str::to_owned)
    }

    /// `ll_index_to_flags` (0 for an unknown index).
    pub fn flags(&self, index: u32) -> u32 {
        self.by_index.get(&index).map_or(0, |(_, f)| *f)
    }
}

fn ifname(link: &LinkMessage) -> Option<&str> {
    link.attributes.iter().find_map(|a| match a {
        LinkAttribute::IfName(n) => Some(n.as_str()),
        _ => None,
    })
}

/// What the link printer needs besides the message.
pub struct View<'a> {
    pub opts: &'a Options,
    pub filter: &'a Filter,
    /// `link show` (prints `mode`, `addrgenmode`, alias and stats inline).
    pub do_link: bool,
    /// iproute2's `filter.showqueue`: `qlen` is printed (listings; not `-echo`).
    pub showqueue: bool,
    pub table: &'a LinkTable,
    /// Names for the kind printers (loaded only with `-d`).
    pub names: &'a LinkNames,
}

/// What `print_linkinfo` did: iproute2 returns -1, 0 or 1 and the caller
/// prints addresses for 0 and 1, statistics only for 1.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shown {
    Filtered,
    Quiet,
    Printed,
}

/// The attributes of a link message, picked out once.
#[derive(Default)]
struct Attrs<'a> {
    name: Option<&'a str>,
    link: Option<u32>,
    master: Option<u32>,
    mtu: Option<u32>,
    qdisc: Option<&'a str>,
    operstate: Option<u8>,
    mode: Option<u8>,
    group: Option<u32>,
    txqlen: Option<u32>,
    event: Option<u32>,
    address: Option<&'a [u8]>,
    broadcast: Option<&'a [u8]>,
    perm_address: Option<&'a [u8]>,
    link_netnsid: Option<i32>,
    new_netnsid: Option<i32>,
    new_ifindex: Option<i32>,
    proto_down: Option<u8>,
    promiscuity: Option<u32>,
    allmulti: Option<u32>,
    min_mtu: Option<u32>,
    max_mtu: Option<u32>,
    linkinfo: Option<&'a [LinkInfo]>,
    af_spec: Option<&'a [AfSpecUnspec]>,
    num_tx_queues: Option<u32>,
    num_rx_queues: Option<u32>,
    gso_max_size: Option<u32>,
    gso_max_segs: Option<u32>,
    tso_max_size: Option<u32>,
    tso_max_segs: Option<u32>,
    gro_max_size: Option<u32>,
    phys_port_name: Option<&'a str>,
    phys_port_id: Option<&'a [u8]>,
    phys_switch_id: Option<&'a [u8]>,
    parent_bus: Option<&'a str>,
    parent_dev: Option<&'a str>,
    alias: Option<&'a str>,
    stats: Option<stats::Counters>,
    stats_is_64: bool,
    carrier_changes: Option<u32>,
    props: Option<&'a [Prop]>,
}

impl<'a> Attrs<'a> {
    fn of(msg: &'a LinkMessage) -> Self {
        let mut a = Attrs::default();
        for attr in &msg.attributes {
            match attr {
                LinkAttribute::IfName(n) => a.name = Some(n),
                LinkAttribute::Link(i) => a.link = Some(*i),
                LinkAttribute::Controller(i) => a.master = Some(*i),
                LinkAttribute::Mtu(v) => a.mtu = Some(*v),
                LinkAttribute::Qdisc(q) => a.qdisc = Some(q),
                LinkAttribute::OperState(s) => a.operstate = Some(u8::from(*s)),
                LinkAttribute::Mode(m) => a.mode = Some(u8::from(*m)),
                LinkAttribute::Group(g) => a.group = Some(*g),
                LinkAttribute::TxQueueLen(q) => a.txqlen = Some(*q),
                LinkAttribute::Event(e) => a.event = Some(u32::from(*e)),
                LinkAttribute::Address(v) => a.address = Some(v),
                LinkAttribute::Broadcast(v) => a.broadcast = Some(v),
                LinkAttribute::PermAddress(v) => a.perm_address = Some(v),
                LinkAttribute::LinkNetNsId(i) => a.link_netnsid = Some(*i),
                LinkAttribute::NewNetnsId(i) => a.new_netnsid = Some(*i),
                LinkAttribute::NewIfIndex(i) => a.new_ifindex = Some(*i),
                LinkAttribute::ProtoDown(v) => a.proto_down = Some(*v),
                LinkAttribute::Promiscuity(v) => a.promiscuity = Some(*v),
                LinkAttribute::AllMulticast(v) => a.allmulti = Some(*v),
                LinkAttribute::MinMtu(v) => a.min_mtu = Some(*v),
                LinkAttribute::MaxMtu(v) => a.max_mtu = Some(*v),
                LinkAttribute::LinkInfo(v) => a.linkinfo = Some(v),
                LinkAttribute::AfSpecUnspec(v) => a.af_spec = Some(v),
                LinkAttribute::NumTxQueues(v) => a.num_tx_queues = Some(*v),
                LinkAttribute::NumRxQueues(v) => a.num_rx_queues = Some(*v),
                LinkAttribute::GsoMaxSize(v) => a.gso_max_size = Some(*v),
                LinkAttribute::GsoMaxSegs(v) => a.gso_max_segs = Some(*v),
                LinkAttribute::TsoMaxSize(v) => a.tso_max_size = Some(*v),
                LinkAttribute::TsoMaxSegs(v) => a.tso_max_segs = Some(*v),
                LinkAttribute::GroMaxSize(v) => a.gro_max_size = Some(*v),
                LinkAttribute::PhysPortName(v) => a.phys_port_name = Some(v),
                LinkAttribute::PhysPortId(v) => a.phys_port_id = Some(&v.id[..v.len.min(v.id.len())]),
                LinkAttribute::PhysSwitchId(v) => a.phys_switch_id = Some(&v.id[..v.len.min(v.id.len())]),
                LinkAttribute::ParentDevBusName(v) => a.parent_bus = Some(v),
                LinkAttribute::ParentDevName(v) => a.parent_dev = Some(v),
                LinkAttribute::IfAlias(v) => a.alias = Some(v),
                LinkAttribute::Stats64(s) => {
                    a.stats = Some(stats::Counters::from64(s));
                    a.stats_is_64 = true;
                }
                LinkAttribute::Stats(s) if !a.stats_is_64 => a.stats = Some(stats::Counters::from32(s)),
                LinkAttribute::CarrierChanges(v) => a.carrier_changes = Some(*v),
                LinkAttribute::PropList(v) => a.props = Some(v),
                _ => {}
            }
        }
        a
    }

    fn kind(&self, slave: bool) -> Option<String> {
        self.linkinfo?.iter().find_map(|i| match i {
            LinkInfo::Kind(k) if !slave => Some(k.to_string()),
            LinkInfo::PortKind(k) if slave => Some(k.to_string()),
            _ => None,
        })
    }
}

/// iproute2's `print_linkinfo` for one RTM_NEWLINK/RTM_DELLINK message.
pub fn print_linkinfo<W: Write>(p: &mut Printer<W>, msg: &LinkMessage, deleted: bool, v: &View) -> io::Result<Shown> {
    let f = v.filter;
    let index = msg.header.index;
    let flags = msg.header.flags.bits();
    if f.ifindex != 0 && index != f.ifindex {
        return Ok(Shown::Filtered);
    }
    if f.up && flags & IFF_UP == 0 {
        return Ok(Shown::Filtered);
    }
    let a = Attrs::of(msg);
    let name = match a.name {
        Some(n) => n.to_string(),
        None => {
            eprintln!("BUG: device with ifindex {index} has nil ifname");
            format!("if{index}")
        }
    };
    if f.label.is_some() {
        return Ok(Shown::Quiet);
    }
    if let (Some(g), Some(want)) = (a.group, f.group) {
        if g as i32 != want {
            return Ok(Shown::Filtered);
        }
    }
    match a.master {
        Some(m) if f.master > 0 && m as i32 != f.master => return Ok(Shown::Filtered),
        None if f.master > 0 => return Ok(Shown::Filtered),
        _ => {}
    }
    for (want, slave) in [(&f.kind, false), (&f.slave_kind, true)] {
        if let Some(want) = want {
            if a.linkinfo.is_none() || a.kind(slave).as_deref().unwrap_or("") != want {
                return Ok(Shown::Filtered);
            }
        }
    }
    if deleted {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    }
    if v.opts.brief {
        print_brief(p, msg, &name, &a, v)?;
        return Ok(Shown::Quiet);
    }

    p.num("ifindex", "{}: ", index)?;
    let m_down = print_name_and_link(p, "{}: ", &name, &a, v)?;
    print_link_flags(p, flags, m_down)?;
    if let Some(mtu) = a.mtu {
        p.num("mtu", "mtu {} ", mtu)?;
    }
    if let Some(q) = a.qdisc {
        p.str("qdisc", "qdisc {} ", q)?;
    }
    if let Some(m) = a.master {
        p.str("master", "master {} ", &v.table.name_or_if(m))?;
    }
    if let Some(s) = a.operstate {
        print_operstate(p, s, false)?;
    }
    if v.do_link {
        if let Some(mode) = a.mode {
            match mode {
                0 => p.str("linkmode", "mode {} ", "DEFAULT")?,
                1 => p.str("linkmode", "mode {} ", "DORMANT")?,
                n => p.num("linkmode_index", "mode {} ", n)?,
            }
        }
    }
    if let Some(g) = a.group {
        p.str("group", "group {} ", &group_name(g as i32, v.opts.numeric))?;
    }
    if v.showqueue {
        let qlen = a.txqlen.or_else(|| txqlen_ioctl(&name));
        if let Some(q) = qlen.filter(|q| *q != 0) {
            p.num("txqlen", "qlen {}", q as i32)?;
        }
    }
    if let Some(e) = a.event {
        print_event(p, e)?;
    }
    let family = v.filter.family;
    if family == Family::Unspec || family == Family::Packet || v.opts.details > 0 {
        let ty = u16::from(msg.header.link_layer_type);
        p.nl()?;
        p.str("link_type", "    link/{} ", &link_type_name(ty, v.opts.numeric))?;
        if let Some(addr) = a.address {
            p.string_c(Out::Any, Color::Mac, Some("address"), "{}", &lladdr_text(addr, ty))?;
        }
        if let Some(brd) = a.broadcast {
            if flags & IFF_POINTOPOINT != 0 {
                p.text(" peer ")?;
                p.bool(Out::Json, "link_pointtopoint", "", true)?;
            } else {
                p.text(" brd ")?;
            }
            p.string_c(Out::Any, Color::Mac, Some("broadcast"), "{}", &lladdr_text(brd, ty))?;
        }
        if let Some(perm) = a.perm_address {
            if a.address != Some(perm) {
                p.text(" permaddr ")?;
                p.string_c(Out::Any, Color::Mac, Some("permaddr"), "{}", &lladdr_text(perm, ty))?;
            }
        }
    }
    if let Some(id) = a.link_netnsid {
        if p.is_json() {
            p.json_num("link_netnsid", id)?;
        } else if id >= 0 {
            match nsid::name_of(id) {
                Some(ns) => p.text_fmt(" link-netns {}", &ns)?,
                None => p.text_fmt(" link-netnsid {}", &id)?,
            }
        } else {
            p.text(" link-netnsid unknown")?;
        }
    }
    if let Some(id) = a.new_netnsid {
        match nsid::name_of(id) {
            Some(ns) => p.text_fmt(" new-netns {}", &ns)?,
            None => p.text_fmt(" new-netnsid {}", &id)?,
        }
    }
    if let Some(id) = a.new_ifindex {
        p.text_fmt(" new-ifindex {}", &id)?;
    }
    if a.proto_down.is_some_and(|d| d != 0) {
        p.bool(Out::Any, "proto_down", " protodown on ", true)?;
    }
    if v.opts.details > 0 {
        print_details(p, &a, v)?;
    }
    if v.do_link || v.opts.details > 0 {
        if let Some(alias) = a.alias {
            let sl = p.line_sep();
            p.text_fmt("{}    ", &sl)?;
            p.str("ifalias", "alias {}", alias)?;
        }
    }
    if v.do_link && v.opts.stats > 0 {
        p.nl()?;
        print_link_stats(p, &a, v.opts)?;
    }
    if let Some(props) = a.props {
        p.open_array(Out::Json, Some("altnames"), "")?;
        for prop in props {
            if let Prop::AltIfName(alt) = prop {
                let sl = p.line_sep();
                p.text_fmt("{}    altname ", &sl)?;
                p.string_c(Out::Any, Color::None, None, "{}", alt)?;
            }
        }
        p.close_array(Out::Json, "")?;
    }
    p.text("\n")?;
    Ok(Shown::Printed)
}

/// `-s` statistics of a link (with `address show -s` they follow the addresses).
pub fn print_stats_of<W: Write>(p: &mut Printer<W>, msg: &LinkMessage, opts: &Options) -> io::Result<()> {
    let a = Attrs::of(msg);
    print_link_stats(p, &a, opts)?;
    p.nl()
}

fn print_link_stats<W: Write>(p: &mut Printer<W>, a: &Attrs, opts: &Options) -> io::Result<()> {
    if let Some(s) = &a.stats {
        let key = if a.stats_is_64 { "stats64" } else { "stats" };
        stats::print(p, s, a.carrier_changes, key, opts)?;
    }
    Ok(())
}

/// `-br` lines: name, state, and for `link` the address and flags.
fn print_brief<W: Write>(p: &mut Printer<W>, msg: &LinkMessage, name: &str, a: &Attrs, v: &View) -> io::Result<()> {
    let m_down = print_name_and_link(p, "{:<16} ", name, a, v)?;
    if let Some(s) = a.operstate {
        print_operstate(p, s, true)?;
    }
    if v.filter.family == Family::Packet {
        if let Some(addr) = a.address {
            let ty = u16::from(msg.header.link_layer_type);
            p.string_c(Out::Any, Color::Mac, Some("address"), "{} ", &lladdr_text(addr, ty))?;
        }
        print_link_flags(p, msg.header.flags.bits(), m_down)?;
        p.text("\n")?;
    }
    Ok(())
}

/// `NAME@PEER`, `NAME@ifN`, `NAME@NONE` (iproute2's `print_name_and_link`);
/// returns whether the peer in this namespace is down (`M-DOWN`).
fn print_name_and_link<W: Write>(p: &mut Printer<W>, fmt: &str, name: &str, a: &Attrs, v: &View) -> io::Result<bool> {
    let mut shown = name.to_string();
    let mut m_down = false;
    if let Some(iflink) = a.link {
        if iflink != 0 {
            if a.link_netnsid.is_some() {
                if p.is_json() {
                    p.json_num("link_index", iflink as i32)?;
                } else {
                    shown = format!("{name}@if{iflink}");
                }
            } else {
                let peer = v.table.name_or_if(iflink);
                if p.is_json() {
                    p.json_str("link", &peer)?;
                } else {
                    shown = format!("{name}@{peer}");
                }
                m_down = v.table.flags(iflink) & IFF_UP == 0;
            }
        } else if p.is_json() {
            p.null(Out::Json, "link", "", "")?;
        } else {
            shown = format!("{name}@NONE");
        }
    }
    p.string_c(Out::Any, Color::Ifname, Some("ifname"), fmt, &shown)?;
    Ok(m_down)
}

/// The `<UP,LOWER_UP>` list, in iproute2's order.
pub fn print_link_flags<W: Write>(p: &mut Printer<W>, mut flags: u32, m_down: bool) -> io::Result<()> {
    const NAMES: &[(u32, &str)] = &[
        (0x8, "LOOPBACK"),
        (0x2, "BROADCAST"),
        (0x10, "POINTOPOINT"),
        (0x1000, "MULTICAST"),
        (0x80, "NOARP"),
        (0x200, "ALLMULTI"),
        (0x100, "PROMISC"),
        (0x400, "MASTER"),
        (0x800, "SLAVE"),
        (0x4, "DEBUG"),
        (0x8000, "DYNAMIC"),
        (0x4000, "AUTOMEDIA"),
        (0x2000, "PORTSEL"),
        (0x20, "NOTRAILERS"),
        (0x1, "UP"),
        (0x10000, "LOWER_UP"),
        (0x20000, "DORMANT"),
        (0x40000, "ECHO"),
    ];
    let json = p.is_json();
    p.open_array(Out::Any, Some("flags"), if json { "" } else { "<" })?;
    if flags & IFF_UP != 0 && flags & IFF_RUNNING == 0 {
        p.string_c(Out::Any, Color::None, None, if flags != 0 { "{}," } else { "{}" }, "NO-CARRIER")?;
    }
    flags &= !IFF_RUNNING;
    for (bit, name) in NAMES {
        if flags & bit != 0 {
            flags &= !bit;
            p.string_c(Out::Any, Color::None, None, if flags != 0 { "{}," } else { "{}" }, name)?;
        }
    }
    if flags != 0 {
        p.string_c(Out::Any, Color::None, None, "{}", &format!("{flags:x}"))?;
    }
    if m_down {
        p.string_c(Out::Any, Color::None, None, ",{}", "M-DOWN")?;
    }
    p.close_array(Out::Any, "> ")
}

const OPER_STATES: [&str; 7] = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"];

fn oper_color(state: u8) -> Color {
    match State::from(state) {
        State::Up => Color::OperUp,
        State::Down => Color::OperDown,
        _ => Color::None,
    }
}

fn print_operstate<W: Write>(p: &mut Printer<W>, state: u8, brief: bool) -> io::Result<()> {
    let Some(name) = OPER_STATES.get(state as usize) else {
        if p.is_json() {
            return p.json_num("operstate_index", state);
        }
        return p.text_fmt("state {}", &format_args!("{state:#x}"));
    };
    if brief {
        p.string_c(Out::Any, oper_color(state), Some("operstate"), "{:<14} ", name)
    } else if p.is_json() {
        p.json_str("operstate", name)
    } else {
        p.text("state ")?;
        p.string_c(Out::Text, oper_color(state), None, "{} ", name)
    }
}

fn print_event<W: Write>(p: &mut Printer<W>, event: u32) -> io::Result<()> {
    let name = match LinkEvent::from(event) {
        LinkEvent::None => return Ok(()),
        LinkEvent::Reboot => "REBOOT",
        LinkEvent::Features => "FEATURE CHANGE",
        LinkEvent::BondingFailover => "BONDING FAILOVER",
        LinkEvent::NotifyPeers => "NOTIFY PEERS",
        LinkEvent::IgmpResend => "RESEND IGMP",
        LinkEvent::BondingOptions => "BONDING OPTION",
        _ => return p.num("event", "event {} ", event as i32),
    };
    p.str("event", "event {} ", name)
}

/// The `-d` fields after the link-layer line.
fn print_details<W: Write>(p: &mut Printer<W>, a: &Attrs, v: &View) -> io::Result<()> {
    if let Some(x) = a.promiscuity {
        p.num("promiscuity", " promiscuity {} ", x)?;
    }
    if let Some(x) = a.allmulti {
        p.num("allmulti", " allmulti {} ", x)?;
    }
    if let Some(x) = a.min_mtu {
        p.num("min_mtu", "minmtu {} ", x)?;
    }
    if let Some(x) = a.max_mtu {
        p.num("max_mtu", "maxmtu {} ", x)?;
    }
    if let Some(info) = a.linkinfo {
        print_linktype(p, info, v)?;
    }
    if v.do_link {
        if let Some(spec) = a.af_spec {
            print_addrgenmode(p, spec)?;
        }
    }
    let numbers = [
        (a.num_tx_queues, "num_tx_queues", "numtxqueues {} "),
        (a.num_rx_queues, "num_rx_queues", "numrxqueues {} "),
        (a.gso_max_size, "gso_max_size", "gso_max_size {} "),
        (a.gso_max_segs, "gso_max_segs", "gso_max_segs {} "),
        (a.tso_max_size, "tso_max_size", "tso_max_size {} "),
        (a.tso_max_segs, "tso_max_segs", "tso_max_segs {} "),
        (a.gro_max_size, "gro_max_size", "gro_max_size {} "),
    ];
    for (value, key, fmt) in numbers {
        if let Some(x) = value {
            p.num(key, fmt, x)?;
        }
    }
    if let Some(x) = a.phys_port_name {
        p.str("phys_port_name", "portname {} ", x)?;
    }
    if let Some(x) = a.phys_port_id {
        p.str("phys_port_id", "portid {} ", &hexstring(x))?;
    }
    if let Some(x) = a.phys_switch_id {
        p.str("phys_switch_id", "switchid {} ", &hexstring(x))?;
    }
    if let Some(x) = a.parent_bus {
        p.str("parentbus", "parentbus {} ", x)?;
    }
    if let Some(x) = a.parent_dev {
        p.str("parentdev", "parentdev {} ", x)?;
    }
    Ok(())
}

/// `linkinfo`: the kind and the port kind, each with its own data printed
/// by the kind's module (`crate::kinds`).
fn print_linktype<W: Write>(p: &mut Printer<W>, info: &[LinkInfo], v: &View) -> io::Result<()> {
    p.open_object(Some("linkinfo"))?;
    let data = info.iter().find_map(|i| match i {
        LinkInfo::Data(d) => Some(d),
        _ => None,
    });
    if let Some(kind) = info.iter().find_map(|i| match i {
        LinkInfo::Kind(k) => Some(k.to_string()),
        _ => None,
    }) {
        p.nl()?;
        p.str("info_kind", "    {} ", &kind)?;
        crate::kinds::print_kind_data(p, &kind, data, v.opts)?;
    }
    let port_data = info.iter().find_map(|i| match i {
        LinkInfo::PortData(d) => Some(d),
        _ => None,
    });
    if let Some(kind) = info.iter().find_map(|i| match i {
        LinkInfo::PortKind(k) => Some(k.to_string()),
        _ => None,
    }) {
        p.nl()?;
        p.str("info_slave_kind", "    {}_slave ", &kind)?;
        crate::kinds::print_slave_data(p, &kind, port_data, v.opts)?;
    }
    p.close_object()
}

fn print_addrgenmode<W: Write>(p: &mut Printer<W>, spec: &[AfSpecUnspec]) -> io::Result<()> {
    let mode = spec.iter().find_map(|s| match s {
        AfSpecUnspec::Inet6(v) => v.iter().find_map(|a| match a {
            AfSpecInet6::AddrGenMode(m) => Some(*m),
            _ => None,
        }),
        _ => None,
    });
    let Some(mode) = mode else { return Ok(()) };
    let text = match mode {
        In6AddrGenMode::Eui64 => "eui64".to_string(),
        In6AddrGenMode::None => "none".to_string(),
        In6AddrGenMode::StablePrivacy => "stable_secret".to_string(),
        In6AddrGenMode::Random => "random".to_string(),
        other => format!("{:#04x}", u8::from(&other)),
    };
    p.str("inet6_addr_gen_mode", "addrgenmode {} ", &text)
}

/// `hexstring_n2a`: two lowercase hex digits per byte.
fn hexstring(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The queue length from SIOCGIFTXQLEN, for messages without IFLA_TXQLEN
/// (the IPv6 link dump). iproute2 prints the ioctl's failure and goes on.
fn txqlen_ioctl(name: &str) -> Option<u32> {
    #[repr(C)]
    struct IfReq {
        name: [u8; 16],
        qlen: libc::c_int,
        _pad: [u8; 20],
    }
    const SIOCGIFTXQLEN: libc::c_ulong = 0x8942;
    let mut req = IfReq { name: [0; 16], qlen: 0, _pad: [0; 20] };
    let bytes = name.as_bytes();
    if bytes.len() >= 16 {
        return None;
    }
    req.name[..bytes.len()].copy_from_slice(bytes);
    // SAFETY: a socket we close below and an ioctl on a correctly sized ifreq.
    unsafe {
        let s = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        if s < 0 {
            return None;
        }
        let r = libc::ioctl(s, SIOCGIFTXQLEN as _, &mut req as *mut IfReq);
        let err = std::io::Error::last_os_error();
        libc::close(s);
        if r < 0 {
            eprintln!(
                "ioctl(SIOCGIFTXQLEN) failed: {}",
                crate::netlink::errno::strerror(err.raw_os_error().unwrap_or(0))
            );
            return None;
        }
    }
    Some(req.qlen as u32)
}

/// `ll_type_n2a`: ARPHRD_* names (with `-N`, `[N]`).
pub fn link_type_name(ty: u16, numeric: bool) -> String {
    const NAMES: &[(u16, &str)] = &[
        (0, "netrom"), (1, "ether"), (2, "eether"), (3, "ax25"), (4, "pronet"), (5, "chaos"),
        (6, "ieee802"), (7, "arcnet"), (8, "atalk"), (15, "dlci"), (19, "atm"), (23, "metricom"),
        (24, "ieee1394"), (32, "infiniband"), (256, "slip"), (257, "cslip"), (258, "slip6"),
        (259, "cslip6"), (260, "rsrvd"), (264, "adapt"), (270, "rose"), (271, "x25"), (272, "hwx25"),
        (280, "can"), (512, "ppp"), (513, "hdlc"), (516, "lapb"), (517, "ddcmp"), (518, "rawhdlc"),
        (768, "ipip"), (769, "tunnel6"), (770, "frad"), (771, "skip"), (772, "loopback"),
        (773, "ltalk"), (774, "fddi"), (775, "bif"), (776, "sit"), (777, "ip/ddp"), (778, "gre"),
        (779, "pimreg"), (780, "hippi"), (781, "ash"), (782, "econet"), (783, "irda"), (784, "fcpp"),
        (785, "fcal"), (786, "fcpl"), (787, "fcfb0"), (788, "fcfb1"), (789, "fcfb2"), (790, "fcfb3"),
        (791, "fcfb4"), (792, "fcfb5"), (793, "fcfb6"), (794, "fcfb7"), (795, "fcfb8"), (796, "fcfb9"),
        (797, "fcfb10"), (798, "fcfb11"), (799, "fcfb12"), (800, "tr"), (801, "ieee802.11"),
        (802, "ieee802.11/prism"), (803, "ieee802.11/radiotap"), (804, "ieee802.15.4"),
        (805, "ieee802.15.4/monitor"), (820, "phonet"), (821, "phonet_pipe"), (822, "caif"),
        (823, "gre6"), (824, "netlink"), (825, "6lowpan"), (0xfffe, "none"), (0xffff, "void"),
    ];
    if !numeric {
        if let Some((_, n)) = NAMES.iter().find(|(t, _)| *t == ty) {
            return (*n).to_string();
        }
    }
    format!("[{ty}]")
}

/// `ll_addr_n2a`: IPv4/IPv6 text for tunnel types, else `aa:bb:…`.
pub fn lladdr_text(addr: &[u8], ty: u16) -> String {
    const TUNNEL: u16 = 768;
    const TUNNEL6: u16 = 769;
    const SIT: u16 = 776;
    const IPGRE: u16 = 778;
    const IP6GRE: u16 = 823;
    if let Ok(b) = <[u8; 4]>::try_from(addr) {
        if matches!(ty, TUNNEL | SIT | IPGRE) {
            return std::net::Ipv4Addr::from(b).to_string();
        }
    }
    if let Ok(b) = <[u8; 16]>::try_from(addr) {
        if matches!(ty, TUNNEL6 | IP6GRE) {
            return std::net::Ipv6Addr::from(b).to_string();
        }
    }
    if addr.is_empty() {
        // iproute2 still prints the (garbage) first byte; zero is the usual value.
        return "00".into();
    }
    addr.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: impl FnOnce(&mut Printer<Vec<u8>>)) -> String {
        let mut p = Printer::new(Vec::new(), false, false, false, false);
        f(&mut p);
        String::from_utf8(p.into_inner()).unwrap()
    }

    #[test]
    fn flags_order_and_no_carrier() {
        assert_eq!(text(|p| print_link_flags(p, 0x1 | 0x2 | 0x1000, false).unwrap()), "<NO-CARRIER,BROADCAST,MULTICAST,UP> ");
        assert_eq!(text(|p| print_link_flags(p, 0x8 | 0x1 | 0x40 | 0x10000, false).unwrap()), "<LOOPBACK,UP,LOWER_UP> ");
        assert_eq!(text(|p| print_link_flags(p, 0x2 | 0x1000, true).unwrap()), "<BROADCAST,MULTICAST,M-DOWN> ");
        assert_eq!(text(|p| print_link_flags(p, 0x2 | 0x100000, false).unwrap()), "<BROADCAST,100000> ");
    }

    #[test]
    fn lladdr_forms() {
        assert_eq!(lladdr_text(&[2, 0, 0xab, 0, 0, 1], 1), "02:00:ab:00:00:01");
        assert_eq!(lladdr_text(&[10, 0, 0, 1], 768), "10.0.0.1");
        assert_eq!(lladdr_text(&[10, 0, 0, 1], 1), "0a:00:00:01");
        assert_eq!(link_type_name(772, false), "loopback");
        assert_eq!(link_type_name(772, true), "[772]");
        assert_eq!(link_type_name(1234, false), "[1234]");
    }
}
