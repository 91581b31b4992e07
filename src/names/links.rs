//! Interface index ↔ name: the one link-name service (iproute2's
//! `ll_map.c`), resolved lazily.
//!
//! - index → name (`Links::name`, `ll_index_to_name`): the cache, else one
//!   RTM_GETLINK by index on a second netlink socket, opened on first need
//!   (a dump may be running on the main one; iproute2's `ll_link_get`
//!   opens one per look-up), else `ifN`. What a listing's dump brings is
//!   kept at hand while it is near (`Links::note_nearby`: the links read
//!   lately, by index modulo `NEARBY`, where a veth's peer is), each answer of the
//!   kernel in the cache: a single-device command costs the same few
//!   messages whatever the number of links, and a listing's memory stays
//!   flat.
//! - name → index (`Links::index`, `ll_name_to_index`): one RTM_GETLINK
//!   by IFLA_IFNAME (IFLA_ALT_IFNAME for names the kernel would not take
//!   as a device name) on the main socket, so that a pipelined batch
//!   settles first; then what libc's `if_nametoindex` finds (its ioctl
//!   ignores an alias label: `v0:1` finds `v0`); then `ifN` read as N. A
//!   name no device can have is never encoded.
//! - a device's flags (`Links::flags`, `ll_index_to_flags`, for `M-DOWN`):
//!   from the same cache.
//!
//! Names are bytes throughout: the kernel does not require them to be
//! UTF-8, and a word that names a device becomes its bytes again through
//! `cli::bytes::bytes`.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::netlink::link::{
    get_request, LinkMsg, Which, ALTIFNAMSIZ, IFNAMSIZ, RTEXT_FILTER_SKIP_STATS, RTEXT_FILTER_VF, RTM_GETLINK,
};
use crate::netlink::request::{KernelError, KernelResult};
use crate::netlink::{Netlink, Outgoing};

/// An interface name: at most IFNAMSIZ-1 bytes, as the kernel holds
/// device names, or iproute2's `ifN` for an index it cannot name (and `*`
/// for index 0). Copied, never allocated.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct IfName {
    len: u8,
    buf: [u8; IFNAMSIZ],
}

impl IfName {
    /// The name `b` (bytes past IFNAMSIZ-1 are dropped, as the kernel
    /// never sends them).
    pub fn new(b: &[u8]) -> Self {
        let n = b.len().min(IFNAMSIZ - 1);
        let mut buf = [0; IFNAMSIZ];
        buf[..n].copy_from_slice(&b[..n]);
        IfName { len: n as u8, buf }
    }

    /// `ll_idx_n2a`: `if%u`.
    pub fn unknown(index: u32) -> Self {
        let mut buf = [0; IFNAMSIZ];
        buf[..2].copy_from_slice(b"if");
        let mut digits = [0u8; 10];
        let (mut v, mut n) = (index, 0);
        loop {
            digits[n] = b'0' + (v % 10) as u8;
            n += 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        for (i, d) in digits[..n].iter().rev().enumerate() {
            buf[2 + i] = *d;
        }
        IfName { len: 2 + n as u8, buf }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
}

impl std::fmt::Debug for IfName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(self.as_bytes()))
    }
}

/// What the cache keeps of a device.
#[derive(Clone, Copy, Debug)]
struct Known {
    name: IfName,
    flags: u32,
    /// `ifi_type` (ARPHRD_*).
    ty: u16,
}

/// The second socket, for look-ups in the middle of a dump.
enum Side {
    /// Not needed yet.
    Closed,
    Open(Box<Netlink>),
    /// Never ask the kernel (printers fed captured messages), or the
    /// socket could not be opened: unknown indexes are `ifN`.
    Offline,
}

/// The link-name service: one per command line (and kept across the lines
/// of a batch until a change invalidates it).
pub struct Links {
    /// index → what is known; None: asked, no such device.
    cache: RefCell<HashMap<u32, Option<Known>>>,
    /// The links a listing has read lately, by index modulo `NEARBY` (a
    /// dump comes in index order: the ones it has yet to print and the ones
    /// it just printed): where a link's peer is found. Bounded, so a
    /// listing's memory does not grow with the number of links.
    nearby: RefCell<Slots>,
    side: RefCell<Side>,
    /// Called as `ip`: ip's message for a name too long for its buffer.
    ip: bool,
}

/// Links at hand, in slots by index modulo `NEARBY`.
type Slots = Box<[Option<(u32, Known)>; NEARBY]>;

/// How many recently listed links `Links` keeps at hand (slots, by index).
pub const NEARBY: usize = 256;

impl Default for Links {
    fn default() -> Self {
        Links { cache: RefCell::default(), nearby: RefCell::new(Box::new([None; NEARBY])), side: RefCell::new(Side::Closed), ip: false }
    }
}

/// RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS, as iproute2's `ll_link_get`.
const LOOKUP_MASK: u32 = RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS;

impl Links {
    /// A service that asks the kernel what it does not know.
    pub fn new() -> Self {
        Links::default()
    }

    /// `new`, for the program called `prog`: as `ip`, a name too long for
    /// ip's own request buffer is reported as ip reports it (`ipbuf`).
    pub fn for_prog(prog: &str) -> Self {
        Links { ip: prog == "ip", ..Links::default() }
    }

    /// A service that never asks (for printers fed captured messages):
    /// what was not noted is `ifN`.
    pub fn offline() -> Self {
        Links { side: RefCell::new(Side::Offline), ..Links::default() }
    }

    /// Remember a link a dump (or a look-up) brought anyway.
    pub fn note(&self, link: &LinkMsg) {
        if let Some(name) = link.name() {
            self.cache.borrow_mut().insert(link.index, Some(Known { name: IfName::new(name), flags: link.flags, ty: link.link_type }));
        }
    }

    /// Remember a name without its message (tests and fuzz targets that
    /// feed printers by hand; flags unknown: none).
    pub fn note_name(&self, index: u32, name: &[u8]) {
        self.cache.borrow_mut().insert(index, Some(Known { name: IfName::new(name), flags: 0, ty: u16::MAX }));
    }

    /// Keep a link a listing is reading at hand (its message's index,
    /// flags and name) until a link whose index is the same modulo
    /// `NEARBY` takes its place; false when the message cannot be read.
    pub fn note_nearby(&self, msg: &[u8]) -> bool {
        let Some((index, flags, name)) = crate::netlink::link::peek(msg) else { return false };
        let ty = crate::netlink::link::peek_type(msg).unwrap_or(u16::MAX);
        self.nearby.borrow_mut()[index as usize % NEARBY] = Some((index, Known { name: IfName::new(name), flags, ty }));
        true
    }

    /// `ll_index_to_name`: `*` for 0, the device's name, else `ifN`.
    pub fn name(&self, index: u32) -> IfName {
        if index == 0 {
            return IfName::new(b"*");
        }
        match self.known(index) {
            Some(k) => k.name,
            None => IfName::unknown(index),
        }
    }

    /// `ll_index_to_flags`: 0 for index 0, the flags of a known device,
    /// else all bits set (iproute2's -1). Known means named before.
    pub fn flags(&self, index: u32) -> u32 {
        if index == 0 {
            return 0;
        }
        match self.cache.borrow().get(&index).copied().flatten().or_else(|| self.near(index)) {
            Some(k) => k.flags,
            None => u32::MAX,
        }
    }

    /// `ll_index_to_type`: the device's ARPHRD_* type, from the same
    /// cache (or the one look-up that names it); u16::MAX (iproute2's -1)
    /// for index 0 or a device that does not exist.
    pub fn link_type(&self, index: u32) -> u16 {
        if index == 0 {
            return u16::MAX;
        }
        self.known(index).map_or(u16::MAX, |k| k.ty)
    }

    /// A link the listing read lately.
    fn near(&self, index: u32) -> Option<Known> {
        match self.nearby.borrow()[index as usize % NEARBY] {
            Some((i, k)) if i == index => Some(k),
            _ => None,
        }
    }

    /// `ll_name_to_index`: the device called `name` (or with that
    /// altname), else what `if_nametoindex` finds, else `ifN` read as N;
    /// 0 when nothing matches.
    pub fn index(&self, nl: &mut Netlink, name: &[u8]) -> u32 {
        match ask_by_name(nl, name, 0, LOOKUP_MASK, false, self.ip, |l, _| {
            self.note(l);
            l.index
        }) {
            Ok(i) => i,
            Err(_) => self.index_otherwise(nl, name),
        }
    }

    /// The device called `name` with the very request that looks it up,
    /// asked as iproute2 then asks for the device itself (`family`,
    /// IFLA_EXT_MASK `mask`): one RTM_GETLINK where iproute2 sends two
    /// (`ll_name_to_index`, then `iplink_get`/`ipaddr_link_get`).
    pub fn fetch(&self, nl: &mut Netlink, name: &[u8], family: u8, mask: u32) -> Fetched {
        match ask_by_name(nl, name, family, mask, true, self.ip, |l, reply| {
            self.note(l);
            (l.index, reply.to_vec())
        }) {
            Ok((index, msg)) => Fetched::Link(index, msg),
            Err(e) => Fetched::Other(self.index_otherwise(nl, name), e),
        }
    }

    /// `ll_name_to_index` once the kernel knows no device by that name:
    /// SIOCGIFINDEX drops what follows a ':' (an alias label), then `ifN`.
    fn index_otherwise(&self, nl: &mut Netlink, name: &[u8]) -> u32 {
        if name.len() < IFNAMSIZ {
            if let Some(colon) = name.iter().position(|&c| c == b':') {
                if let Some(i) = lookup(nl, &name[..colon], |l| {
                    self.note(l);
                    l.index
                }) {
                    return i;
                }
            }
        }
        index_from_if_name(name)
    }

    /// A link event (`monitor`): a device seen for the first time is
    /// noted; one already known gets its new flags, and its new name only
    /// with `rename` (iproute2 6.1's `ll_entry_update` keeps the old name,
    /// as `ip` does here).
    pub fn remember(&self, link: &LinkMsg, rename: bool) {
        let mut cache = self.cache.borrow_mut();
        match cache.get_mut(&link.index) {
            Some(Some(k)) if !rename => k.flags = link.flags,
            _ => {
                drop(cache);
                self.note(link);
            }
        }
    }

    /// Forget one device (it went away: a later name is asked again).
    pub fn forget(&self, index: u32) {
        self.cache.borrow_mut().remove(&index);
        let mut nearby = self.nearby.borrow_mut();
        if matches!(nearby[index as usize % NEARBY], Some((i, _)) if i == index) {
            nearby[index as usize % NEARBY] = None;
        }
    }

    /// Forget what is known (after a command changed links, in a batch).
    pub fn invalidate(&self) {
        self.cache.borrow_mut().clear();
        self.nearby.borrow_mut().fill(None);
    }

    /// The cache, the links at hand, else one RTM_GETLINK by index on the
    /// second socket (its answer cached).
    fn known(&self, index: u32) -> Option<Known> {
        if let Some(k) = self.cache.borrow().get(&index) {
            return *k;
        }
        if let Some(k) = self.near(index) {
            return Some(k);
        }
        let mut side = self.side.borrow_mut();
        if matches!(*side, Side::Closed) {
            *side = Netlink::open(None).map_or(Side::Offline, |nl| Side::Open(Box::new(nl)));
        }
        let Side::Open(nl) = &mut *side else { return None };
        let found = lookup_index(nl, index, |l| Some(Known { name: IfName::new(l.name()?), flags: l.flags, ty: l.link_type })).flatten();
        self.cache.borrow_mut().insert(index, found);
        found
    }
}

/// What `Links::fetch` found.
pub enum Fetched {
    /// The device: its index and its message (the reply, header included).
    Link(u32, Vec<u8>),
    /// No device by that name: the index iproute2's other rules give (0:
    /// none), and the kernel's refusal of the name.
    Other(u32, KernelError),
}

/// One RTM_GETLINK for the device called `name` (or with that altname) on
/// `nl`, its reply read by `read`; None when there is no such device (the
/// kernel's refusal is not printed, as iproute2's `ll_link_get` prints
/// none). A name no device can have is not sent.
pub fn lookup<R>(nl: &mut Netlink, name: &[u8], read: impl FnOnce(&LinkMsg) -> R) -> Option<R> {
    ask_by_name(nl, name, 0, LOOKUP_MASK, false, false, |l, _| read(l)).ok()
}

/// RTM_GETLINK by name (of `family`, with IFLA_EXT_MASK `mask`): what
/// `read` makes of the reply (read in place, and as bytes). Unless the
/// answer is `printed`, it is a look-up: with `-force -batch` it need not
/// wait for queued requests that cannot change it (`Netlink::lookup_raw`).
/// A name no device can have is not sent; `ip_msgs`: as `ip`, one too long
/// for ip's request buffer gets ip's message (`ipbuf`).
fn ask_by_name<R>(nl: &mut Netlink, name: &[u8], family: u8, mask: u32, printed: bool, ip_msgs: bool, read: impl FnOnce(&LinkMsg, &[u8]) -> R) -> KernelResult<R> {
    let nodev = || KernelError { errno: libc::ENODEV, ext_msg: None };
    if name.is_empty() || name.len() >= ALTIFNAMSIZ {
        if ip_msgs {
            crate::netlink::ipbuf::lookup_admits(name.len());
        }
        return Err(nodev());
    }
    let body = get_request(Which::Name(name), family, mask).map_err(|_| nodev())?;
    let msg = Outgoing::Raw { kind: RTM_GETLINK, body: &body };
    let read = |reply: &[u8]| LinkMsg::from_nlmsg(reply).map(|l| read(&l, reply));
    if printed { nl.query_raw(msg, 0, read) } else { nl.lookup_raw(msg, read) }?.ok_or_else(nodev)
}

/// One RTM_GETLINK for device `index` on `nl`, its reply read by `read`;
/// None when there is no such device.
pub fn lookup_index<R>(nl: &mut Netlink, index: u32, read: impl FnOnce(&LinkMsg) -> R) -> Option<R> {
    let body = get_request(Which::Index(index), 0, LOOKUP_MASK).ok()?;
    nl.query_raw(Outgoing::Raw { kind: RTM_GETLINK, body: &body }, 0, |reply| LinkMsg::from_nlmsg(reply).map(|l| read(&l)))
        .ok()
        .flatten()
}

/// What iproute2's `name_is_vrf`/`ipvrf_get_table` learn of device
/// `name` (asked for by IFLA_IFNAME: a name longer than a device name is
/// nothing): None, no such device; Some(None), not a VRF; else its index
/// and the table its data names (None: it names none).
pub fn vrf(nl: &mut Netlink, name: &[u8]) -> Option<Option<(u32, Option<u32>)>> {
    const IFLA_INFO_KIND: u16 = 1;
    const IFLA_INFO_DATA: u16 = 2;
    const IFLA_VRF_TABLE: u16 = 1;
    if name.len() >= IFNAMSIZ {
        return None;
    }
    lookup(nl, name, |l| {
        let info = crate::netlink::attr::Attrs::new(l.get(crate::netlink::link::IFLA_LINKINFO)?);
        if info.bytes_z(IFLA_INFO_KIND) != Some(b"vrf") {
            return None;
        }
        Some((l.index, info.nested(IFLA_INFO_DATA).and_then(|d| d.u32(IFLA_VRF_TABLE))))
    })
}

/// `ifN` names index N (iproute2's `ll_idx_a2n`: sscanf "if%u").
pub fn index_from_if_name(name: &[u8]) -> u32 {
    let Some(rest) = name.strip_prefix(b"if") else { return 0 };
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return 0;
    }
    // sscanf's %u wraps like strtoul to 32 bits.
    rest[..digits].iter().fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0'))) as u32
}

/// `check_ifname` for a word (its bytes, `cli::bytes`).
pub fn valid_ifname(word: &str) -> bool {
    crate::netlink::link::valid_ifname(&crate::cli::bytes::bytes(word))
}

/// `check_altifname` for a word.
pub fn valid_altname(word: &str) -> bool {
    crate::netlink::link::valid_altname(&crate::cli::bytes::bytes(word))
}

/// `ll_name_to_index` for a word, without a cache to fill (parsers that
/// hold only the socket).
pub fn ll_name_to_index(nl: &mut Netlink, word: &str) -> u32 {
    Links::offline().index(nl, &crate::cli::bytes::bytes(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_names_and_validity() {
        assert_eq!(index_from_if_name(b"if12"), 12);
        assert_eq!(index_from_if_name(b"if12x"), 12);
        assert_eq!(index_from_if_name(b"eth0"), 0);
        assert_eq!(index_from_if_name(b"if"), 0);
        assert!(valid_ifname("v0"));
        assert!(!valid_ifname("a/b"));
        assert!(!valid_ifname("sixteen-chars-xx"));
        assert!(valid_altname("sixteen-chars-xx"));
        // A byte that is not UTF-8 counts once.
        assert!(valid_ifname("fifteen-chars-\u{efff}"));
    }

    #[test]
    fn names_are_copied_bytes() {
        assert_eq!(IfName::unknown(0).as_bytes(), b"if0");
        assert_eq!(IfName::unknown(4_294_967_295).as_bytes(), b"if4294967295");
        assert_eq!(IfName::new(b"v\xff").as_bytes(), b"v\xff");
        assert_eq!(IfName::new(b"sixteen-chars-xx").as_bytes(), b"sixteen-chars-x");
    }

    #[test]
    fn offline_names_come_from_notes_only() {
        let links = Links::offline();
        assert_eq!((links.name(0).as_bytes(), links.flags(0)), (&b"*"[..], 0));
        assert_eq!((links.name(7).as_bytes(), links.flags(7)), (&b"if7"[..], u32::MAX));
        let mut w = crate::netlink::attr::AttrWriter::new();
        w.str_z(crate::netlink::link::IFLA_IFNAME, b"v\xff");
        let mut body = vec![0u8; crate::netlink::link::IFINFOMSG_LEN];
        body[4..8].copy_from_slice(&7u32.to_ne_bytes());
        body[8..12].copy_from_slice(&1u32.to_ne_bytes());
        body.extend_from_slice(&w.finish().unwrap());
        links.note(&LinkMsg::from_body(16, &body).unwrap());
        assert_eq!((links.name(7).as_bytes(), links.flags(7)), (&b"v\xff"[..], 1));
        links.invalidate();
        assert_eq!(links.name(7).as_bytes(), b"if7");
        // Links a listing reads are at hand until one NEARBY indexes on takes their place.
        let mut msg = vec![0u8; crate::netlink::request::HEADER_LEN];
        msg.extend_from_slice(&body);
        assert!(links.note_nearby(&msg));
        assert_eq!(links.name(7).as_bytes(), b"v\xff");
        let mut other = msg.clone();
        for i in 1..NEARBY as u32 {
            other[20..24].copy_from_slice(&(7 + i).to_ne_bytes());
            links.note_nearby(&other);
        }
        assert_eq!(links.name(7).as_bytes(), b"v\xff");
        other[20..24].copy_from_slice(&(7 + NEARBY as u32).to_ne_bytes());
        links.note_nearby(&other);
        assert_eq!((links.name(7).as_bytes(), links.name(8).as_bytes()), (&b"if7"[..], &b"v\xff"[..]));
    }
}
