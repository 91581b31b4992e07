//! Link messages (`struct ifinfomsg` + IFLA_* attributes) read in place,
//! and the requests that ask for one link — names as bytes throughout
//! (the kernel does not require device names, aliases or altnames to be
//! UTF-8).

use super::attr::{until_nul, AttrWriter, Attrs, TooLong};

pub const RTM_NEWLINK: u16 = 16;
pub const RTM_DELLINK: u16 = 17;
pub const RTM_GETLINK: u16 = 18;
pub const RTM_SETLINK: u16 = 19;
/// Alternative names (`link property add|del`).
pub const RTM_NEWLINKPROP: u16 = 108;
pub const RTM_DELLINKPROP: u16 = 109;

pub const IFLA_ADDRESS: u16 = 1;
pub const IFLA_BROADCAST: u16 = 2;
pub const IFLA_IFNAME: u16 = 3;
pub const IFLA_MTU: u16 = 4;
pub const IFLA_LINK: u16 = 5;
pub const IFLA_QDISC: u16 = 6;
pub const IFLA_STATS: u16 = 7;
pub const IFLA_MASTER: u16 = 10;
pub const IFLA_PROTINFO: u16 = 12;
pub const IFLA_TXQLEN: u16 = 13;
pub const IFLA_MAP: u16 = 14;
pub const IFLA_OPERSTATE: u16 = 16;
pub const IFLA_LINKMODE: u16 = 17;
pub const IFLA_LINKINFO: u16 = 18;
pub const IFLA_NET_NS_PID: u16 = 19;
pub const IFLA_IFALIAS: u16 = 20;
pub const IFLA_NUM_VF: u16 = 21;
pub const IFLA_VFINFO_LIST: u16 = 22;
pub const IFLA_STATS64: u16 = 23;
pub const IFLA_AF_SPEC: u16 = 26;
pub const IFLA_GROUP: u16 = 27;
pub const IFLA_NET_NS_FD: u16 = 28;
pub const IFLA_EXT_MASK: u16 = 29;
pub const IFLA_PROMISCUITY: u16 = 30;
pub const IFLA_NUM_TX_QUEUES: u16 = 31;
pub const IFLA_NUM_RX_QUEUES: u16 = 32;
pub const IFLA_CARRIER: u16 = 33;
pub const IFLA_PHYS_PORT_ID: u16 = 34;
pub const IFLA_CARRIER_CHANGES: u16 = 35;
pub const IFLA_PHYS_SWITCH_ID: u16 = 36;
pub const IFLA_LINK_NETNSID: u16 = 37;
pub const IFLA_PHYS_PORT_NAME: u16 = 38;
pub const IFLA_PROTO_DOWN: u16 = 39;
pub const IFLA_GSO_MAX_SEGS: u16 = 40;
pub const IFLA_GSO_MAX_SIZE: u16 = 41;
pub const IFLA_XDP: u16 = 43;
pub const IFLA_EVENT: u16 = 44;
pub const IFLA_NEW_NETNSID: u16 = 45;
pub const IFLA_IF_NETNSID: u16 = 46;
pub const IFLA_CARRIER_UP_COUNT: u16 = 47;
pub const IFLA_CARRIER_DOWN_COUNT: u16 = 48;
pub const IFLA_NEW_IFINDEX: u16 = 49;
pub const IFLA_MIN_MTU: u16 = 50;
pub const IFLA_MAX_MTU: u16 = 51;
pub const IFLA_PROP_LIST: u16 = 52;
pub const IFLA_ALT_IFNAME: u16 = 53;
pub const IFLA_PERM_ADDRESS: u16 = 54;
pub const IFLA_PROTO_DOWN_REASON: u16 = 55;
pub const IFLA_PARENT_DEV_NAME: u16 = 56;
pub const IFLA_PARENT_DEV_BUS_NAME: u16 = 57;
pub const IFLA_GRO_MAX_SIZE: u16 = 58;
pub const IFLA_TSO_MAX_SIZE: u16 = 59;
pub const IFLA_TSO_MAX_SEGS: u16 = 60;
pub const IFLA_ALLMULTI: u16 = 61;
/// The highest IFLA_* type a 6.1 kernel sends, and some room.
pub const IFLA_MAX: usize = 70;

/// IFLA_LINKINFO's members.
pub const IFLA_INFO_KIND: u16 = 1;
pub const IFLA_INFO_DATA: u16 = 2;
pub const IFLA_INFO_SLAVE_KIND: u16 = 4;
pub const IFLA_INFO_SLAVE_DATA: u16 = 5;

/// `RTEXT_FILTER_VF`, `RTEXT_FILTER_SKIP_STATS` (IFLA_EXT_MASK bits).
pub const RTEXT_FILTER_VF: u32 = 1;
pub const RTEXT_FILTER_SKIP_STATS: u32 = 8;

/// `IFNAMSIZ`: a device name is at most 15 bytes (and a NUL).
pub const IFNAMSIZ: usize = 16;
/// `ALTIFNAMSIZ`: an alternative name is at most 127 bytes.
pub const ALTIFNAMSIZ: usize = 128;

/// The netlink header's length.
const NLMSG_HDRLEN: usize = super::request::HEADER_LEN;
/// `struct ifinfomsg` is 16 bytes.
pub const IFINFOMSG_LEN: usize = 16;

/// One link message, read in place.
#[derive(Clone, Debug)]
pub struct LinkMsg<'a> {
    /// RTM_NEWLINK or RTM_DELLINK.
    pub msg_type: u16,
    pub family: u8,
    /// `ifi_type`: ARPHRD_*.
    pub link_type: u16,
    pub index: u32,
    pub flags: u32,
    pub change: u32,
    pub attrs: Attrs<'a>,
    pub tb: [Option<&'a [u8]>; IFLA_MAX + 1],
}

impl<'a> LinkMsg<'a> {
    /// Read a whole netlink message (header included); None when it is
    /// too short to hold an ifinfomsg.
    pub fn from_nlmsg(msg: &'a [u8]) -> Option<Self> {
        let kind = u16::from_ne_bytes([*msg.get(4)?, *msg.get(5)?]);
        Self::from_body(kind, msg.get(NLMSG_HDRLEN..)?)
    }

    /// Read an ifinfomsg and its attributes.
    pub fn from_body(msg_type: u16, b: &'a [u8]) -> Option<Self> {
        if b.len() < IFINFOMSG_LEN {
            return None;
        }
        let u32_at = |i: usize| u32::from_ne_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let attrs = Attrs::new(&b[IFINFOMSG_LEN..]);
        Some(LinkMsg {
            msg_type,
            family: b[0],
            link_type: u16::from_ne_bytes([b[2], b[3]]),
            index: u32_at(4),
            flags: u32_at(8),
            change: u32_at(12),
            tb: attrs.table(),
            attrs,
        })
    }

    pub fn get(&self, kind: u16) -> Option<&'a [u8]> {
        self.tb.get(kind as usize).copied().flatten()
    }

    pub fn u32(&self, kind: u16) -> Option<u32> {
        self.get(kind).and_then(super::attr::u32_of)
    }

    pub fn u8(&self, kind: u16) -> Option<u8> {
        self.get(kind).and_then(super::attr::u8_of)
    }

    /// A string attribute's bytes (up to its NUL).
    pub fn bytes_z(&self, kind: u16) -> Option<&'a [u8]> {
        self.get(kind).map(until_nul)
    }

    /// The device name (IFLA_IFNAME), as the kernel holds it.
    pub fn name(&self) -> Option<&'a [u8]> {
        self.bytes_z(IFLA_IFNAME)
    }
}

/// A link message's index, flags and name without reading the rest (the
/// kernel sends IFLA_IFNAME first): for noting names as a dump goes by.
pub fn peek(msg: &[u8]) -> Option<(u32, u32, &[u8])> {
    let b = msg.get(NLMSG_HDRLEN..)?;
    if b.len() < IFINFOMSG_LEN {
        return None;
    }
    let u32_at = |i: usize| u32::from_ne_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let name = Attrs::new(&b[IFINFOMSG_LEN..]).iter().find(|a| a.kind == IFLA_IFNAME)?;
    Some((u32_at(4), u32_at(8), until_nul(name.payload)))
}

/// A link message's `ifi_type` (ARPHRD_*), read without the rest.
pub fn peek_type(msg: &[u8]) -> Option<u16> {
    let b = msg.get(NLMSG_HDRLEN + 2..NLMSG_HDRLEN + 4)?;
    Some(u16::from_ne_bytes([b[0], b[1]]))
}

/// What an RTM_GETLINK asks for: a device by index, or by name (a name
/// the kernel would not take as IFLA_IFNAME goes as IFLA_ALT_IFNAME, as
/// iproute2 sends it).
pub enum Which<'n> {
    Index(u32),
    Name(&'n [u8]),
}

/// `check_ifname`: what the kernel accepts as a device name.
pub fn valid_ifname(name: &[u8]) -> bool {
    name.len() < IFNAMSIZ && valid_altname(name)
}

/// `check_altifname`: non-empty, no `/`, no white space.
pub fn valid_altname(name: &[u8]) -> bool {
    !name.is_empty() && !name.iter().any(|&c| c == b'/' || matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
}

/// `struct ifinfomsg` (family, index, IFF_* flags and the mask of those
/// changed), then `attrs`: the body of a link request.
pub fn request_body(family: u8, index: u32, flags: u32, change: u32, attrs: &[u8]) -> Vec<u8> {
    let mut body = Vec::with_capacity(IFINFOMSG_LEN + attrs.len());
    body.extend_from_slice(&[family, 0, 0, 0]);
    body.extend_from_slice(&index.to_ne_bytes());
    body.extend_from_slice(&flags.to_ne_bytes());
    body.extend_from_slice(&change.to_ne_bytes());
    body.extend_from_slice(attrs);
    body
}

/// The body (after the netlink header) of an RTM_GETLINK for one device,
/// with IFLA_EXT_MASK `ext_mask`. A name too long for an attribute is
/// refused here, before anything is sent.
pub fn get_request(which: Which, family: u8, ext_mask: u32) -> Result<Vec<u8>, TooLong> {
    let mut body = vec![0u8; IFINFOMSG_LEN];
    body[0] = family;
    let mut w = AttrWriter::new();
    w.u32(IFLA_EXT_MASK, ext_mask);
    match which {
        Which::Index(i) => body[4..8].copy_from_slice(&i.to_ne_bytes()),
        Which::Name(n) if valid_ifname(n) => {
            w.str_z(IFLA_IFNAME, n);
        }
        Which::Name(n) => {
            w.str_z(IFLA_ALT_IFNAME, n);
        }
    }
    body.extend_from_slice(&w.finish()?);
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(kind: u16, index: u32, attrs: &[u8]) -> Vec<u8> {
        let mut m = vec![0u8; NLMSG_HDRLEN];
        m[4..6].copy_from_slice(&kind.to_ne_bytes());
        let mut ifi = vec![0u8; IFINFOMSG_LEN];
        ifi[2..4].copy_from_slice(&772u16.to_ne_bytes());
        ifi[4..8].copy_from_slice(&index.to_ne_bytes());
        ifi[8..12].copy_from_slice(&0x10049u32.to_ne_bytes());
        m.extend_from_slice(&ifi);
        m.extend_from_slice(attrs);
        let len = m.len() as u32;
        m[0..4].copy_from_slice(&len.to_ne_bytes());
        m
    }

    #[test]
    fn reads_a_link_with_a_name_that_is_not_utf8() {
        let mut w = AttrWriter::new();
        w.str_z(IFLA_IFNAME, b"va\xff").u32(IFLA_MTU, 1500).str_z(IFLA_IFALIAS, b"bad\xffalias");
        let m = message(RTM_NEWLINK, 7, &w.finish().unwrap());
        let l = LinkMsg::from_nlmsg(&m).expect("a link");
        assert_eq!((l.msg_type, l.index, l.link_type, l.flags), (RTM_NEWLINK, 7, 772, 0x10049));
        assert_eq!(l.name(), Some(&b"va\xff"[..]));
        assert_eq!(l.u32(IFLA_MTU), Some(1500));
        assert_eq!(l.bytes_z(IFLA_IFALIAS), Some(&b"bad\xffalias"[..]));
        assert_eq!(peek(&m), Some((7, 0x10049, &b"va\xff"[..])));
        assert_eq!(peek_type(&m), Some(772));
        assert!(LinkMsg::from_nlmsg(&m[..NLMSG_HDRLEN + 3]).is_none());
    }

    #[test]
    fn get_requests_by_index_name_and_altname() {
        let b = get_request(Which::Index(9), 0, RTEXT_FILTER_VF).unwrap();
        let l = LinkMsg::from_body(RTM_GETLINK, &b).unwrap();
        assert_eq!((l.index, l.u32(IFLA_EXT_MASK), l.name()), (9, Some(1), None));
        let b = get_request(Which::Name(b"v\xff"), 0, 0).unwrap();
        assert_eq!(LinkMsg::from_body(RTM_GETLINK, &b).unwrap().name(), Some(&b"v\xff"[..]));
        let long = [b'x'; 20];
        let b = get_request(Which::Name(&long), 0, 0).unwrap();
        assert_eq!(LinkMsg::from_body(RTM_GETLINK, &b).unwrap().bytes_z(IFLA_ALT_IFNAME), Some(&long[..]));
        let huge = vec![b'x'; 65531];
        assert!(get_request(Which::Name(&huge), 0, 0).is_err(), "refused, not a panic");
    }
}
