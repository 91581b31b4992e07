//! Tunnel parameters ⇄ rtnetlink: reading tunnels from the link dump
//! (IFLA_INFO_DATA), and the RTM_NEWLINK/RTM_DELLINK requests that stand
//! in for iproute2's SIOC{ADD,CHG,DEL}TUNNEL ioctls — leaving the kernel in
//! the state the ioctl path leaves it in.

use std::net::{Ipv4Addr, Ipv6Addr};

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL};
use netlink_packet_route::link::LinkMessage;
use netlink_packet_route::RouteNetlinkMessage;

use super::params::{fallback_name, module_name, V4, V6, IPPROTO_GRE, IPPROTO_IPIP, IPPROTO_IPV6};
use crate::error::{Error, Result};
use crate::kinds::tunnel_attrs::{gre, iptun, vti, GRE_KEY, SIT_ISATAP};
use crate::netlink::attr::Attrs;
use crate::cli::bytes::bytes;
use crate::netlink::attr::AttrWriter;
use crate::netlink::link::{
    request_body, IFLA_IFNAME, IFLA_INFO_DATA, IFLA_INFO_KIND, IFLA_LINKINFO, IFLA_MTU, IFLA_STATS, IFLA_STATS64,
    RTM_DELLINK, RTM_NEWLINK,
};
use crate::netlink::request::KernelError;
use crate::netlink::link::LinkMsg;
use crate::netlink::{Netlink, Outgoing};

pub const ARPHRD_TUNNEL: u16 = 768;
pub const ARPHRD_TUNNEL6: u16 = 769;
pub const ARPHRD_SIT: u16 = 776;
pub const ARPHRD_IPGRE: u16 = 778;
pub const ARPHRD_IP6GRE: u16 = 823;

/// One link from the dump, with what tunnels need of it.
#[derive(Clone, Debug, Default)]
pub struct Link {
    pub index: u32,
    pub ifi_type: u16,
    /// The name as a word (`cli::bytes`).
    pub name: String,
    pub kind: String,
    /// The raw IFLA_INFO_DATA.
    pub data: Vec<u8>,
    /// rtnl_link_stats64 (or the 32-bit stats widened), when sent.
    pub stats: Option<Vec<u64>>,
    /// IFF_* flags, and the MTU.
    pub flags: u32,
    pub mtu: u32,
}

impl Link {
    /// One RTM_NEWLINK message (header included); None without a name.
    pub fn parse(msg: &[u8]) -> Option<Link> {
        Link::of(&LinkMsg::from_nlmsg(msg)?)
    }

    pub fn of(l: &LinkMsg) -> Option<Link> {
        let attrs = l.attrs;
        let name = attrs.get(IFLA_IFNAME).map(c_string)?;
        let mtu = attrs.u32(IFLA_MTU).unwrap_or(0);
        let mut link = Link { index: l.index, ifi_type: l.link_type, name, flags: l.flags, mtu, ..Link::default() };
        if let Some(info) = attrs.get(IFLA_LINKINFO) {
            let info = Attrs::new(info);
            link.kind = info.get(IFLA_INFO_KIND).map(c_string).unwrap_or_default();
            link.data = info.get(IFLA_INFO_DATA).map(<[u8]>::to_vec).unwrap_or_default();
        }
        link.stats = if let Some(s) = attrs.get(IFLA_STATS64) {
            Some(s.chunks_exact(8).map(|c| u64::from_ne_bytes(c.try_into().unwrap_or([0; 8]))).collect())
        } else {
            attrs.get(IFLA_STATS).map(|s| s.chunks_exact(4).map(|c| u32::from_ne_bytes(c.try_into().unwrap_or([0; 4])) as u64).collect())
        };
        Some(link)
    }

    pub fn attrs(&self) -> Attrs<'_> {
        Attrs::new(&self.data)
    }
}

/// A C string as a word: its bytes, those that are not UTF-8 carried as
/// `cli::bytes` carries them (so that a name compares equal to the word
/// the user typed for it).
fn c_string(b: &[u8]) -> String {
    crate::cli::bytes::word(crate::netlink::attr::until_nul(b))
}

/// Every link of an ARPHRD_* type `wanted` accepts, in the kernel's order:
/// the `tunnel show` listing (an interrupted dump is reported, as ip
/// reports it). Other links are passed over before being read, as
/// iproute2 passes them over; without `stats` the kernel leaves the
/// statistics out.
pub fn for_each_link(nl: &mut Netlink, stats: bool, wanted: impl Fn(u16) -> bool, mut each: impl FnMut(Link) -> Result<()>) -> Result<()> {
    use crate::netlink::link::{RTEXT_FILTER_SKIP_STATS, RTEXT_FILTER_VF, RTM_GETLINK};
    let mut body = vec![0u8; crate::netlink::link::IFINFOMSG_LEN];
    let mut w = crate::netlink::attr::AttrWriter::new();
    w.u32(crate::netlink::link::IFLA_EXT_MASK, if stats { RTEXT_FILTER_VF } else { RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS });
    body.extend_from_slice(&w.finish().unwrap_or_default());
    nl.dump_out(crate::netlink::Outgoing::Raw { kind: RTM_GETLINK, body: &body }, |m| {
        if !crate::netlink::link::peek_type(m).is_some_and(&wanted) {
            return Ok(());
        }
        let Some(l) = LinkMsg::from_nlmsg(m) else { return Ok(()) };
        match Link::of(&l) {
            Some(l) => each(l),
            None => Ok(()),
        }
    })?
    .map_err(Error::from)?;
    Ok(())
}

/// The first link that `fits`, in the kernel's order: a look-up (where
/// iproute2 asks an ioctl), so the dump is read again if interrupted.
pub fn first_link(nl: &mut Netlink, mut fits: impl FnMut(&Link) -> bool) -> Result<Option<Link>> {
    nl.collect(RouteNetlinkMessage::GetLink(LinkMessage::default()), |found: &mut Option<Link>, m| {
        if found.is_none() {
            *found = Link::parse(m).filter(|l| fits(l));
        }
        Ok(())
    })
}

/// Every link, as one look-up (read again if the dump was interrupted).
pub fn all_links(nl: &mut Netlink) -> Result<Vec<Link>> {
    nl.collect(RouteNetlinkMessage::GetLink(LinkMessage::default()), |found: &mut Vec<Link>, m| {
        found.extend(Link::parse(m));
        Ok(())
    })
}

/// The link called `name`, if any: one RTM_GETLINK by name, as the
/// ioctl reaches the device by its name (or an altname).
pub fn find_link(nl: &mut Netlink, name: &str) -> Result<Option<Link>> {
    Ok(crate::names::links::lookup(nl, &crate::cli::bytes::bytes(name), Link::of).flatten())
}

pub use super::params::is_tunnel_kind;

fn ipv4(b: Option<&[u8]>) -> Ipv4Addr {
    b.and_then(|v| <[u8; 4]>::try_from(v.get(..4)?).ok()).map_or(Ipv4Addr::UNSPECIFIED, Ipv4Addr::from)
}

fn ipv6(b: Option<&[u8]>) -> Ipv6Addr {
    b.and_then(|v| <[u8; 16]>::try_from(v.get(..16)?).ok()).map_or(Ipv6Addr::UNSPECIFIED, Ipv6Addr::from)
}

fn be32(a: &Attrs<'_>, t: u16) -> u32 {
    a.get(t).and_then(|v| Some(u32::from_be_bytes(v.get(..4)?.try_into().ok()?))).unwrap_or(0)
}

/// What SIOCGETTUNNEL would report for an IPv4 tunnel link (None: the
/// link is not one, and the ioctl would be refused).
pub fn v4_from_link(l: &Link) -> Option<V4> {
    let a = l.attrs();
    let mut p = V4 { name: l.name.clone(), ..V4::default() };
    match l.kind.as_str() {
        "gre" => {
            p.proto = IPPROTO_GRE;
            p.link = a.u32(gre::LINK).unwrap_or(0);
            p.iflags = a.be16(gre::IFLAGS).unwrap_or(0);
            p.oflags = a.be16(gre::OFLAGS).unwrap_or(0);
            p.ikey = be32(&a, gre::IKEY);
            p.okey = be32(&a, gre::OKEY);
            p.local = ipv4(a.get(gre::LOCAL));
            p.remote = ipv4(a.get(gre::REMOTE));
            p.ttl = a.u8(gre::TTL).unwrap_or(0);
            p.tos = a.u8(gre::TOS).unwrap_or(0);
            p.pmtudisc = a.u8(gre::PMTUDISC).unwrap_or(0) != 0;
        }
        "ipip" | "sit" => {
            p.proto = a.u8(iptun::PROTO).unwrap_or(if l.kind == "sit" { IPPROTO_IPV6 } else { IPPROTO_IPIP });
            p.link = a.u32(iptun::LINK).unwrap_or(0);
            p.local = ipv4(a.get(iptun::LOCAL));
            p.remote = ipv4(a.get(iptun::REMOTE));
            p.ttl = a.u8(iptun::TTL).unwrap_or(0);
            p.tos = a.u8(iptun::TOS).unwrap_or(0);
            p.pmtudisc = a.u8(iptun::PMTUDISC).unwrap_or(0) != 0;
            p.isatap = l.kind == "sit" && a.u16(iptun::FLAGS).unwrap_or(0) & SIT_ISATAP != 0;
        }
        "vti" => {
            // vti has no ttl, tos or DF attributes: show what `ip tunnel
            // add` sets (DF on, TTL and TOS inherited), and DF off on the
            // fallback device. The ioctl reports keys as always on.
            p.proto = IPPROTO_IPIP;
            p.vti = true;
            p.link = a.u32(vti::LINK).unwrap_or(0);
            p.ikey = be32(&a, vti::IKEY);
            p.okey = be32(&a, vti::OKEY);
            p.local = ipv4(a.get(vti::LOCAL));
            p.remote = ipv4(a.get(vti::REMOTE));
            p.iflags = GRE_KEY;
            p.oflags = GRE_KEY;
            p.pmtudisc = l.name != "ip_vti0";
        }
        _ => return None,
    }
    Some(p)
}

/// What SIOCGETTUNNEL would report for an IPv6 tunnel link.
pub fn v6_from_link(l: &Link) -> Option<V6> {
    let a = l.attrs();
    let mut p = V6::init(false);
    p.name = l.name.clone();
    match l.kind.as_str() {
        "ip6tnl" => {
            p.proto = a.u8(iptun::PROTO).unwrap_or(IPPROTO_IPV6);
            p.link = a.u32(iptun::LINK).unwrap_or(0);
            p.local = ipv6(a.get(iptun::LOCAL));
            p.remote = ipv6(a.get(iptun::REMOTE));
            p.hop_limit = a.u8(iptun::TTL).unwrap_or(0);
            p.encap_limit = a.u8(iptun::ENCAP_LIMIT).unwrap_or(0);
            p.flowinfo = be32(&a, iptun::FLOWINFO);
            p.flags = a.u32(iptun::FLAGS).unwrap_or(0);
        }
        "ip6gre" => {
            p.proto = IPPROTO_GRE;
            p.link = a.u32(gre::LINK).unwrap_or(0);
            p.iflags = a.be16(gre::IFLAGS).unwrap_or(0);
            p.oflags = a.be16(gre::OFLAGS).unwrap_or(0);
            p.ikey = be32(&a, gre::IKEY);
            p.okey = be32(&a, gre::OKEY);
            p.local = ipv6(a.get(gre::LOCAL));
            p.remote = ipv6(a.get(gre::REMOTE));
            p.hop_limit = a.u8(gre::TTL).unwrap_or(0);
            p.encap_limit = a.u8(gre::ENCAP_LIMIT).unwrap_or(0);
            p.flowinfo = be32(&a, gre::FLOWINFO);
            p.flags = a.u32(gre::FLAGS).unwrap_or(0);
        }
        "vti6" => {
            // The vti6 ioctl reports a key flag for each non-zero key.
            p.vti = true;
            p.link = a.u32(vti::LINK).unwrap_or(0);
            p.ikey = be32(&a, vti::IKEY);
            p.okey = be32(&a, vti::OKEY);
            p.local = ipv6(a.get(vti::LOCAL));
            p.remote = ipv6(a.get(vti::REMOTE));
            p.iflags = if p.ikey != 0 { GRE_KEY } else { 0 };
            p.oflags = if p.okey != 0 { GRE_KEY } else { 0 };
        }
        _ => return None,
    }
    Some(p)
}

/// IFLA_INFO_DATA for an IPv4 tunnel of `kind`, as the ioctl path would
/// store `p`: DF forced when a TTL is set, keys dropped without their flag.
pub fn v4_data(kind: &str, p: &V4, fwmark: Option<u32>) -> AttrWriter {
    let pmtudisc = p.pmtudisc || p.ttl != 0;
    let ikey = if p.iflags & GRE_KEY != 0 { p.ikey } else { 0 };
    let okey = if p.oflags & GRE_KEY != 0 { p.okey } else { 0 };
    let mut n = AttrWriter::new();
    match kind {
        "gre" => {
            n.u32(gre::LINK, p.link)
                .be16(gre::IFLAGS, p.iflags)
                .be16(gre::OFLAGS, p.oflags)
                .be32(gre::IKEY, ikey)
                .be32(gre::OKEY, okey)
                .put(gre::LOCAL, &p.local.octets())
                .put(gre::REMOTE, &p.remote.octets())
                .u8(gre::TTL, p.ttl)
                .u8(gre::TOS, p.tos)
                .u8(gre::PMTUDISC, pmtudisc as u8);
        }
        "vti" => {
            n.u32(vti::LINK, p.link)
                .be32(vti::IKEY, ikey)
                .be32(vti::OKEY, okey)
                .put(vti::LOCAL, &p.local.octets())
                .put(vti::REMOTE, &p.remote.octets());
        }
        _ => {
            n.u32(iptun::LINK, p.link)
                .put(iptun::LOCAL, &p.local.octets())
                .put(iptun::REMOTE, &p.remote.octets())
                .u8(iptun::TTL, p.ttl)
                .u8(iptun::TOS, p.tos)
                .u8(iptun::PMTUDISC, pmtudisc as u8)
                .u8(iptun::PROTO, p.proto);
            if kind == "sit" {
                n.u16(iptun::FLAGS, if p.isatap { SIT_ISATAP } else { 0 });
            }
        }
    }
    if let Some(mark) = fwmark {
        n.u32(if kind == "gre" { gre::FWMARK } else if kind == "vti" { vti::FWMARK } else { iptun::FWMARK }, mark);
    }
    n
}

/// IFLA_INFO_DATA for an IPv6 tunnel of `kind`.
pub fn v6_data(kind: &str, p: &V6) -> AttrWriter {
    let mut n = AttrWriter::new();
    match kind {
        "ip6gre" => {
            let ikey = if p.iflags & GRE_KEY != 0 { p.ikey } else { 0 };
            let okey = if p.oflags & GRE_KEY != 0 { p.okey } else { 0 };
            n.u32(gre::LINK, p.link)
                .be16(gre::IFLAGS, p.iflags)
                .be16(gre::OFLAGS, p.oflags)
                .be32(gre::IKEY, ikey)
                .be32(gre::OKEY, okey)
                .put(gre::LOCAL, &p.local.octets())
                .put(gre::REMOTE, &p.remote.octets())
                .u8(gre::TTL, p.hop_limit)
                .u8(gre::ENCAP_LIMIT, p.encap_limit)
                .be32(gre::FLOWINFO, p.flowinfo)
                .u32(gre::FLAGS, p.flags);
        }
        "vti6" => {
            n.u32(vti::LINK, p.link)
                .be32(vti::IKEY, p.ikey)
                .be32(vti::OKEY, p.okey)
                .put(vti::LOCAL, &p.local.octets())
                .put(vti::REMOTE, &p.remote.octets());
        }
        _ => {
            n.u32(iptun::LINK, p.link)
                .put(iptun::LOCAL, &p.local.octets())
                .put(iptun::REMOTE, &p.remote.octets())
                .u8(iptun::TTL, p.hop_limit)
                .u8(iptun::ENCAP_LIMIT, p.encap_limit)
                .be32(iptun::FLOWINFO, p.flowinfo)
                .u32(iptun::FLAGS, p.flags)
                .u8(iptun::PROTO, p.proto);
        }
    }
    n
}

/// RTM_NEWLINK for a tunnel: create (`index` None) link `name` (a word:
/// its bytes go, and the parsers allow only a valid device name), or
/// change link `index`. A request too long to lay out is refused as
/// EMSGSIZE, as a too-long ioctl argument would be.
pub fn new_link(nl: &mut Netlink, name: &str, index: Option<u32>, kind: &str, data: AttrWriter) -> std::result::Result<(), KernelError> {
    let mut w = AttrWriter::new();
    if index.is_none() {
        w.str_z(IFLA_IFNAME, &bytes(name));
    }
    let data = data.finish();
    w.nest(IFLA_LINKINFO, |info| {
        info.put(IFLA_INFO_KIND, kind.as_bytes());
        if let Ok(data) = &data {
            info.put(IFLA_INFO_DATA, data);
        }
    });
    let too_long = KernelError { errno: libc::EMSGSIZE, ext_msg: None };
    let attrs = data.and(w.finish()).map_err(|_| too_long.clone())?;
    let body = request_body(0, index.unwrap_or(0), 0, 0, &attrs);
    let flags = if index.is_none() { NLM_F_CREATE | NLM_F_EXCL } else { 0 };
    nl.request_out(Outgoing::Raw { kind: RTM_NEWLINK, body: &body }, flags)
}

/// RTM_DELLINK of link `index`.
pub fn del_link(nl: &mut Netlink, index: u32) -> std::result::Result<(), KernelError> {
    let body = request_body(0, index, 0, 0, &[]);
    nl.request_out(Outgoing::Raw { kind: RTM_DELLINK, body: &body }, 0)
}

/// A kernel errno as the ioctl would have returned it.
pub fn errno_of(e: &KernelError) -> i32 {
    e.errno
}

/// `"WHAT tunnel "NAME" failed: STRERROR"` (exit 1), iproute2's ioctl message.
pub fn ioctl_failed(what: &str, name: &str, errno: i32) -> Error {
    Error::Failure(ioctl_text(what, name, errno))
}

fn ioctl_text(what: &str, name: &str, errno: i32) -> String {
    format!("{what} tunnel \"{name}\" failed: {}", crate::netlink::errno::strerror(errno))
}

/// As rtun, the words that name what to load when the kernel lacks `kind`.
fn module_hint(prog: &str, kind: &str) -> String {
    if prog == "ip" {
        String::new()
    } else {
        format!(" (is the {} module loaded?)", module_name(kind))
    }
}

/// Whether the kernel refused to create a link because it has no such kind
/// (rtnl_newlink: the kind's module is not loaded and could not be).
pub fn kind_unknown(e: &KernelError) -> bool {
    e.errno == libc::EOPNOTSUPP && e.ext_msg.as_deref().is_none_or(|m| m.trim_end_matches('.') == "Unknown device type")
}

/// `tunnel add` refused because the kernel lacks `kind` (see
/// [`kind_unknown`]). The ioctl goes to the kind's fallback device, which
/// exists only with the module, so `ip` says `No such device` about that
/// device, and so does rtun as `ip`. As rtun: the kernel's own words about
/// the device the user named, and the module that provides the kind.
pub fn kind_missing(prog: &str, e: &KernelError, kind: &str, name: &str) -> Error {
    if prog == "ip" {
        return ioctl_failed("add", fallback_name(kind), libc::ENODEV);
    }
    let reason = e.ext_msg.clone().unwrap_or_else(|| crate::netlink::errno::strerror(e.errno));
    let dev = if name.is_empty() { String::new() } else { format!(" \"{name}\"") };
    Error::Failure(format!("add tunnel{dev} failed: {reason}{}", module_hint(prog, kind)))
}

/// A request without a tunnel name goes to the fallback device of `kind`,
/// which the kernel has only while the kind's module is loaded; without it
/// the ioctl fails with ENODEV (`what` words the failure as iproute2 does).
/// As rtun, the message also names the module.
pub fn fallback_device(nl: &mut Netlink, prog: &str, what: &str, kind: &str) -> Result<Link> {
    let name = fallback_name(kind);
    find_link(nl, name)?
        .ok_or_else(|| Error::Failure(format!("{}{}", ioctl_text(what, name, libc::ENODEV), module_hint(prog, kind))))
}
