//! Tunnels ⇄ rtnetlink: the links of the dump (kind and raw
//! IFLA_INFO_DATA, which `params.rs` reads through the kinds' typed
//! parameters), and the RTM_NEWLINK/RTM_DELLINK requests that stand in for
//! iproute2's SIOC{ADD,CHG,DEL}TUNNEL ioctls — leaving the kernel in the
//! state the ioctl path leaves it in.

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL};
use netlink_packet_route::link::LinkMessage;
use netlink_packet_route::RouteNetlinkMessage;

use super::params::{fallback_name, module_name};
use crate::error::{Error, Result};
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
