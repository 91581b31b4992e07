//! `link show` and the link lines of `address show` (iproute2's
//! `print_linkinfo`): the header line, `link/ether …`, the `-d` details,
//! `-s` statistics, `-br` brief lines. The listing itself (dumps, filters)
//! is shared with `address show` in `objects::address::list`.

pub mod nsid;
mod stats;
mod vf;

use std::io::{self, Write};

use crate::cli::options::{Family, Options};
use crate::error::Result;
use crate::names::links::Links;
use crate::names::tables::{group_name, NumBuf};
use crate::netlink::attr::{self, Attrs};
use crate::netlink::link::*;
use crate::objects::address::filter::Filter;
use crate::print::addr::AddrBuf;
use crate::print::{Color, Out, Printer};
use crate::Context;

const IFF_UP: u32 = 0x1;
const IFF_POINTOPOINT: u32 = 0x10;
const IFF_RUNNING: u32 = 0x40;

const IFLA_INFO_KIND: u16 = 1;
const IFLA_INFO_DATA: u16 = 2;
const IFLA_INFO_SLAVE_KIND: u16 = 4;
const IFLA_INFO_SLAVE_DATA: u16 = 5;
const AF_INET6: u16 = libc::AF_INET6 as u16;
const IFLA_INET6_ADDR_GEN_MODE: u16 = 8;

/// `ip link show …`: the address listing with `do_link` set and the family
/// forced to `link` (iproute2's `ipaddr_list_link`).
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    crate::objects::address::list::run(ctx, args, crate::objects::address::list::Action::LinkShow)
}


/// What the link printer needs besides the message.
pub struct View<'a> {
    pub opts: &'a Options,
    pub filter: &'a Filter,
    /// `link show` (prints `mode`, `addrgenmode`, alias and stats inline).
    pub do_link: bool,
    /// iproute2's `filter.showqueue`: `qlen` is printed (listings; not `-echo`).
    pub showqueue: bool,
    /// Peer and master names (and the peer's flags, for `M-DOWN`).
    pub links: &'a Links,
}

/// What `print_linkinfo` did: iproute2 returns -1, 0 or 1 and the caller
/// prints addresses for 0 and 1, statistics only for 1.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shown {
    Filtered,
    Quiet,
    Printed,
}

fn i32_of(v: &[u8]) -> Option<i32> {
    attr::u32_of(v).map(|x| x as i32)
}

/// The kind (or, with `slave`, the port kind) of a link, from IFLA_LINKINFO.
fn kind_of<'a>(l: &LinkMsg<'a>, slave: bool) -> Option<&'a [u8]> {
    Attrs::new(l.get(IFLA_LINKINFO)?).bytes_z(if slave { IFLA_INFO_SLAVE_KIND } else { IFLA_INFO_KIND })
}

/// iproute2's `print_linkinfo` for one RTM_NEWLINK/RTM_DELLINK message.
pub fn print_linkinfo<W: Write>(p: &mut Printer<W>, l: &LinkMsg, deleted: bool, v: &View) -> io::Result<Shown> {
    let f = v.filter;
    let index = l.index;
    let flags = l.flags;
    if f.ifindex != 0 && index != f.ifindex {
        return Ok(Shown::Filtered);
    }
    if f.up && flags & IFF_UP == 0 {
        return Ok(Shown::Filtered);
    }
    let unnamed;
    let name = match l.name() {
        Some(n) => n,
        None => {
            eprintln!("BUG: device with ifindex {index} has nil ifname");
            unnamed = crate::names::links::IfName::unknown(index);
            unnamed.as_bytes()
        }
    };
    if f.label.is_some() {
        return Ok(Shown::Quiet);
    }
    if let (Some(g), Some(want)) = (l.u32(IFLA_GROUP), f.group) {
        if g as i32 != want {
            return Ok(Shown::Filtered);
        }
    }
    match l.u32(IFLA_MASTER) {
        Some(m) if f.master > 0 && m as i32 != f.master => return Ok(Shown::Filtered),
        None if f.master > 0 => return Ok(Shown::Filtered),
        _ => {}
    }
    for (want, slave) in [(&f.kind, false), (&f.slave_kind, true)] {
        if let Some(want) = want {
            if l.get(IFLA_LINKINFO).is_none() || kind_of(l, slave).unwrap_or(b"") != &*crate::cli::bytes::bytes(want) {
                return Ok(Shown::Filtered);
            }
        }
    }
    if deleted {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    }
    if v.opts.brief {
        print_brief(p, l, name, v)?;
        return Ok(Shown::Quiet);
    }

    p.num("ifindex", "{}: ", index)?;
    let m_down = print_name_and_link(p, "{}: ", name, l, v)?;
    print_link_flags(p, flags, m_down)?;
    if let Some(mtu) = l.u32(IFLA_MTU) {
        p.num("mtu", "mtu {} ", mtu)?;
    }
    if let Some(q) = l.bytes_z(IFLA_QDISC) {
        p.str_bytes("qdisc", "qdisc {} ", q)?;
    }
    if let Some(m) = l.u32(IFLA_MASTER) {
        p.str_bytes("master", "master {} ", v.links.name(m).as_bytes())?;
    }
    if let Some(s) = l.u8(IFLA_OPERSTATE) {
        print_operstate(p, s, false)?;
    }
    if v.do_link {
        if let Some(mode) = l.u8(IFLA_LINKMODE) {
            match mode {
                0 => p.str("linkmode", "mode {} ", "DEFAULT")?,
                1 => p.str("linkmode", "mode {} ", "DORMANT")?,
                n => p.num("linkmode_index", "mode {} ", n)?,
            }
        }
    }
    if let Some(g) = l.u32(IFLA_GROUP) {
        p.str("group", "group {} ", group_name(g as i32, v.opts.numeric, &mut NumBuf::new()))?;
    }
    if v.showqueue {
        let qlen = l.u32(IFLA_TXQLEN).or_else(|| txqlen_ioctl(name));
        if let Some(q) = qlen.filter(|q| *q != 0) {
            p.num("txqlen", "qlen {}", q as i32)?;
        }
    }
    if let Some(e) = l.u32(IFLA_EVENT) {
        print_event(p, e)?;
    }
    let family = v.filter.family;
    if family == Family::Unspec || family == Family::Packet || v.opts.details > 0 {
        let ty = l.link_type;
        p.nl()?;
        p.str("link_type", "    link/{} ", link_type_name(ty, v.opts.numeric, &mut NumBuf::new()))?;
        let address = l.get(IFLA_ADDRESS);
        if let Some(addr) = address {
            p.string_c(Out::Any, Color::Mac, Some("address"), "{}", AddrBuf::link(addr, ty).as_str())?;
        }
        if let Some(brd) = l.get(IFLA_BROADCAST) {
            if flags & IFF_POINTOPOINT != 0 {
                p.text(" peer ")?;
                p.bool(Out::Json, "link_pointtopoint", "", true)?;
            } else {
                p.text(" brd ")?;
            }
            p.string_c(Out::Any, Color::Mac, Some("broadcast"), "{}", AddrBuf::link(brd, ty).as_str())?;
        }
        if let Some(perm) = l.get(IFLA_PERM_ADDRESS) {
            if address != Some(perm) {
                p.text(" permaddr ")?;
                p.string_c(Out::Any, Color::Mac, Some("permaddr"), "{}", AddrBuf::link(perm, ty).as_str())?;
            }
        }
    }
    if let Some(id) = l.get(IFLA_LINK_NETNSID).and_then(i32_of) {
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
    if let Some(id) = l.get(IFLA_NEW_NETNSID).and_then(i32_of) {
        match nsid::name_of(id) {
            Some(ns) => p.text_fmt(" new-netns {}", &ns)?,
            None => p.text_fmt(" new-netnsid {}", &id)?,
        }
    }
    if let Some(id) = l.get(IFLA_NEW_IFINDEX).and_then(i32_of) {
        p.text_fmt(" new-ifindex {}", &id)?;
    }
    if l.u8(IFLA_PROTO_DOWN).is_some_and(|d| d != 0) {
        p.bool(Out::Any, "proto_down", " protodown on ", true)?;
    }
    if v.opts.details > 0 {
        print_details(p, l, v)?;
    }
    if v.do_link || v.opts.details > 0 {
        if let Some(alias) = l.bytes_z(IFLA_IFALIAS) {
            let sl = p.line_sep();
            p.text_fmt("{}    ", &sl)?;
            p.str_bytes("ifalias", "alias {}", alias)?;
        }
    }
    if v.do_link && v.opts.stats > 0 {
        p.nl()?;
        print_link_stats(p, l, v.opts)?;
    }
    let mut truncated_vfs = false;
    if v.do_link || v.opts.details > 0 {
        if let (Some(list), Some(num_vf)) = (l.get(IFLA_VFINFO_LIST), l.u32(IFLA_NUM_VF)) {
            truncated_vfs = vf::print_list(p, list, num_vf, l.link_type, l.flags, v.opts)?;
        }
    }
    if let Some(props) = l.get(IFLA_PROP_LIST) {
        p.open_array(Out::Json, Some("altnames"), "")?;
        for prop in Attrs::new(props).iter().filter(|a| a.kind == IFLA_ALT_IFNAME) {
            let sl = p.line_sep();
            p.text_fmt("{}    altname ", &sl)?;
            p.bytes_c(Out::Any, Color::None, None, "{}", attr::until_nul(prop.payload))?;
        }
        p.close_array(Out::Json, "")?;
    }
    p.text("\n")?;
    if truncated_vfs {
        p.flush()?;
        let mut err = io::stderr().lock();
        let _ = err.write_all(b"Truncated VF list: ");
        let _ = err.write_all(name);
        let _ = err.write_all(b"\n");
    }
    Ok(Shown::Printed)
}

/// `-s` statistics of a link (with `address show -s` they follow the addresses).
pub fn print_stats_of<W: Write>(p: &mut Printer<W>, l: &LinkMsg, opts: &Options) -> io::Result<()> {
    print_link_stats(p, l, opts)?;
    p.nl()
}

/// `__print_link_stats`: IFLA_STATS64, else the 32-bit IFLA_STATS.
fn print_link_stats<W: Write>(p: &mut Printer<W>, l: &LinkMsg, opts: &Options) -> io::Result<()> {
    let (counters, key) = match (l.get(IFLA_STATS64), l.get(IFLA_STATS)) {
        (Some(s), _) => (stats::Counters::from64(s), "stats64"),
        (None, Some(s)) => (stats::Counters::from32(s), "stats"),
        (None, None) => return Ok(()),
    };
    stats::print(p, &counters, l.u32(IFLA_CARRIER_CHANGES), key, opts)
}

/// `-br` lines: name, state, and for `link` the address and flags.
fn print_brief<W: Write>(p: &mut Printer<W>, l: &LinkMsg, name: &[u8], v: &View) -> io::Result<()> {
    let m_down = print_name_and_link(p, "{:<16} ", name, l, v)?;
    if let Some(s) = l.u8(IFLA_OPERSTATE) {
        print_operstate(p, s, true)?;
    }
    if v.filter.family == Family::Packet {
        if let Some(addr) = l.get(IFLA_ADDRESS) {
            p.string_c(Out::Any, Color::Mac, Some("address"), "{} ", AddrBuf::link(addr, l.link_type).as_str())?;
        }
        print_link_flags(p, l.flags, m_down)?;
        p.text("\n")?;
    }
    Ok(())
}

/// `NAME@PEER`, `NAME@ifN`, `NAME@NONE` (iproute2's `print_name_and_link`,
/// in its 64-byte buffer); returns whether the peer in this namespace is
/// down (`M-DOWN`).
fn print_name_and_link<W: Write>(p: &mut Printer<W>, fmt: &str, name: &[u8], l: &LinkMsg, v: &View) -> io::Result<bool> {
    let mut m_down = false;
    let mut peer = None;
    if let Some(iflink) = l.u32(IFLA_LINK) {
        if iflink != 0 {
            if l.get(IFLA_LINK_NETNSID).is_some() {
                if p.is_json() {
                    p.json_num("link_index", iflink as i32)?;
                } else {
                    peer = Some(crate::names::links::IfName::unknown(iflink));
                }
            } else {
                let n = v.links.name(iflink);
                if p.is_json() {
                    p.bytes_c(Out::Json, Color::None, Some("link"), "", n.as_bytes())?;
                } else {
                    peer = Some(n);
                }
                m_down = v.links.flags(iflink) & IFF_UP == 0;
            }
        } else if p.is_json() {
            p.null(Out::Json, "link", "", "")?;
        } else {
            peer = Some(crate::names::links::IfName::new(b"NONE"));
        }
    }
    match peer {
        Some(peer) => {
            // snprintf(b1, 64, "%s@%s"): at most 63 bytes.
            let mut buf = [0u8; 63];
            let mut n = 0;
            for part in [name, b"@", peer.as_bytes()] {
                let k = part.len().min(buf.len() - n);
                buf[n..n + k].copy_from_slice(&part[..k]);
                n += k;
            }
            p.bytes_c(Out::Any, Color::Ifname, Some("ifname"), fmt, &buf[..n])?;
        }
        None => p.bytes_c(Out::Any, Color::Ifname, Some("ifname"), fmt, name)?,
    }
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
    match state {
        6 => Color::OperUp,
        2 => Color::OperDown,
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

/// IFLA_EVENT (`print_link_event`).
fn print_event<W: Write>(p: &mut Printer<W>, event: u32) -> io::Result<()> {
    const NAMES: [&str; 7] = ["", "REBOOT", "FEATURE CHANGE", "BONDING FAILOVER", "NOTIFY PEERS", "RESEND IGMP", "BONDING OPTION"];
    match NAMES.get(event as usize) {
        Some(&"") => Ok(()),
        Some(name) => p.str("event", "event {} ", name),
        None => p.num("event", "event {} ", event as i32),
    }
}

/// The `-d` fields after the link-layer line.
fn print_details<W: Write>(p: &mut Printer<W>, l: &LinkMsg, v: &View) -> io::Result<()> {
    if let Some(x) = l.u32(IFLA_PROMISCUITY) {
        p.num("promiscuity", " promiscuity {} ", x)?;
    }
    if let Some(x) = l.u32(IFLA_ALLMULTI) {
        p.num("allmulti", " allmulti {} ", x)?;
    }
    if let Some(x) = l.u32(IFLA_MIN_MTU) {
        p.num("min_mtu", "minmtu {} ", x)?;
    }
    if let Some(x) = l.u32(IFLA_MAX_MTU) {
        p.num("max_mtu", "maxmtu {} ", x)?;
    }
    if let Some(info) = l.get(IFLA_LINKINFO) {
        print_linktype(p, Attrs::new(info), v)?;
    }
    if v.do_link {
        if let Some(spec) = l.get(IFLA_AF_SPEC) {
            print_addrgenmode(p, Attrs::new(spec))?;
        }
    }
    let numbers = [
        (IFLA_NUM_TX_QUEUES, "num_tx_queues", "numtxqueues {} "),
        (IFLA_NUM_RX_QUEUES, "num_rx_queues", "numrxqueues {} "),
        (IFLA_GSO_MAX_SIZE, "gso_max_size", "gso_max_size {} "),
        (IFLA_GSO_MAX_SEGS, "gso_max_segs", "gso_max_segs {} "),
        (IFLA_TSO_MAX_SIZE, "tso_max_size", "tso_max_size {} "),
        (IFLA_TSO_MAX_SEGS, "tso_max_segs", "tso_max_segs {} "),
        (IFLA_GRO_MAX_SIZE, "gro_max_size", "gro_max_size {} "),
    ];
    for (kind, key, fmt) in numbers {
        if let Some(x) = l.u32(kind) {
            p.num(key, fmt, x)?;
        }
    }
    if let Some(x) = l.bytes_z(IFLA_PHYS_PORT_NAME) {
        p.str_bytes("phys_port_name", "portname {} ", x)?;
    }
    if let Some(x) = l.get(IFLA_PHYS_PORT_ID) {
        p.str("phys_port_id", "portid {} ", &hexstring(x))?;
    }
    if let Some(x) = l.get(IFLA_PHYS_SWITCH_ID) {
        p.str("phys_switch_id", "switchid {} ", &hexstring(x))?;
    }
    if let Some(x) = l.bytes_z(IFLA_PARENT_DEV_BUS_NAME) {
        p.str_bytes("parentbus", "parentbus {} ", x)?;
    }
    if let Some(x) = l.bytes_z(IFLA_PARENT_DEV_NAME) {
        p.str_bytes("parentdev", "parentdev {} ", x)?;
    }
    Ok(())
}

/// `linkinfo`: the kind and the port kind, each with its own data printed
/// by the kind's module (`crate::kinds`).
fn print_linktype<W: Write>(p: &mut Printer<W>, info: Attrs, v: &View) -> io::Result<()> {
    p.open_object(Some("linkinfo"))?;
    if let Some(kind) = info.bytes_z(IFLA_INFO_KIND) {
        p.nl()?;
        p.str_bytes("info_kind", "    {} ", kind)?;
        crate::kinds::print_kind_data(p, kind, info.get(IFLA_INFO_DATA), v.opts, v.links)?;
    }
    if let Some(kind) = info.bytes_z(IFLA_INFO_SLAVE_KIND) {
        p.nl()?;
        p.str_bytes("info_slave_kind", "    {}_slave ", kind)?;
        crate::kinds::print_slave_data(p, kind, info.get(IFLA_INFO_SLAVE_DATA), v.opts, v.links)?;
    }
    p.close_object()
}

/// IFLA_AF_SPEC's IPv6 IFLA_INET6_ADDR_GEN_MODE.
fn print_addrgenmode<W: Write>(p: &mut Printer<W>, spec: Attrs) -> io::Result<()> {
    let Some(mode) = spec.nested(AF_INET6).and_then(|a| a.u8(IFLA_INET6_ADDR_GEN_MODE)) else { return Ok(()) };
    let text = match mode {
        0 => "eui64".to_string(),
        1 => "none".to_string(),
        2 => "stable_secret".to_string(),
        3 => "random".to_string(),
        other => format!("{other:#04x}"),
    };
    p.str("inet6_addr_gen_mode", "addrgenmode {} ", &text)
}

/// `hexstring_n2a`: two lowercase hex digits per byte.
fn hexstring(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The queue length from SIOCGIFTXQLEN, for messages without IFLA_TXQLEN
/// (the IPv6 link dump). iproute2 prints the ioctl's failure and goes on.
fn txqlen_ioctl(name: &[u8]) -> Option<u32> {
    if name.len() >= 16 {
        return None;
    }
    match crate::netlink::ifioctl::txqlen(name) {
        Ok(q) => Some(q),
        Err(e) => {
            eprintln!("ioctl(SIOCGIFTXQLEN) failed: {}", crate::netlink::errno::strerror(e));
            None
        }
    }
}

/// `ll_type_n2a`: ARPHRD_* names (with `-N`, `[N]`).
pub fn link_type_name(ty: u16, numeric: bool, buf: &mut NumBuf) -> &str {
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
            return n;
        }
    }
    buf.format(format_args!("[{ty}]"))
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
    fn link_type_names() {
        assert_eq!(link_type_name(772, false, &mut NumBuf::new()), "loopback");
        assert_eq!(link_type_name(772, true, &mut NumBuf::new()), "[772]");
        assert_eq!(link_type_name(1234, false, &mut NumBuf::new()), "[1234]");
    }
}
