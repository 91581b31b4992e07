//! Address messages (`struct ifaddrmsg` + IFA_* attributes) read in
//! place, and the dump request that lists them — labels as bytes (the
//! kernel does not require them to be UTF-8).

use super::attr::{until_nul, Attrs};

pub const RTM_NEWADDR: u16 = 20;
pub const RTM_DELADDR: u16 = 21;
pub const RTM_GETADDR: u16 = 22;

pub const IFA_ADDRESS: u16 = 1;
pub const IFA_LOCAL: u16 = 2;
pub const IFA_LABEL: u16 = 3;
pub const IFA_BROADCAST: u16 = 4;
pub const IFA_ANYCAST: u16 = 5;
pub const IFA_CACHEINFO: u16 = 6;
pub const IFA_MULTICAST: u16 = 7;
pub const IFA_FLAGS: u16 = 8;
pub const IFA_RT_PRIORITY: u16 = 9;
/// The highest IFA_* type a 6.1 kernel sends, and some room.
pub const IFA_MAX: usize = 15;

/// `struct ifaddrmsg` is 8 bytes.
pub const IFADDRMSG_LEN: usize = 8;
const NLMSG_HDRLEN: usize = super::request::HEADER_LEN;

/// One address message, read in place.
#[derive(Clone, Debug)]
pub struct AddrMsg<'a> {
    /// RTM_NEWADDR or RTM_DELADDR.
    pub msg_type: u16,
    pub family: u8,
    pub prefix_len: u8,
    /// `ifa_flags` (IFA_FLAGS, when sent, holds all of them).
    pub flags: u8,
    pub scope: u8,
    pub index: u32,
    pub tb: [Option<&'a [u8]>; IFA_MAX + 1],
}

impl<'a> AddrMsg<'a> {
    /// Read a whole netlink message (header included); None when it is
    /// too short to hold an ifaddrmsg.
    pub fn from_nlmsg(msg: &'a [u8]) -> Option<Self> {
        let kind = u16::from_ne_bytes([*msg.get(4)?, *msg.get(5)?]);
        Self::from_body(kind, msg.get(NLMSG_HDRLEN..)?)
    }

    /// Read an ifaddrmsg and its attributes.
    pub fn from_body(msg_type: u16, b: &'a [u8]) -> Option<Self> {
        if b.len() < IFADDRMSG_LEN {
            return None;
        }
        Some(AddrMsg {
            msg_type,
            family: b[0],
            prefix_len: b[1],
            flags: b[2],
            scope: b[3],
            index: u32::from_ne_bytes([b[4], b[5], b[6], b[7]]),
            tb: Attrs::new(&b[IFADDRMSG_LEN..]).table(),
        })
    }

    pub fn get(&self, kind: u16) -> Option<&'a [u8]> {
        self.tb.get(kind as usize).copied().flatten()
    }

    pub fn u32(&self, kind: u16) -> Option<u32> {
        self.get(kind).and_then(super::attr::u32_of)
    }

    /// The label (IFA_LABEL), as the kernel holds it.
    pub fn label(&self) -> Option<&'a [u8]> {
        self.get(IFA_LABEL).map(until_nul)
    }
}

/// The body (after the netlink header) of an RTM_GETADDR dump of
/// `family`, limited to interface `index` when not 0 (iproute2's
/// `rtnl_addrdump_req` with the strict-check filter).
pub fn dump_request(family: u8, index: u32) -> [u8; IFADDRMSG_LEN] {
    let mut b = [0u8; IFADDRMSG_LEN];
    b[0] = family;
    b[4..8].copy_from_slice(&index.to_ne_bytes());
    b
}

/// The messages of a buffer of whole netlink messages, one after another
/// (as a dump delivers them, or as they were kept).
pub fn messages(mut buf: &[u8]) -> impl Iterator<Item = &[u8]> {
    std::iter::from_fn(move || {
        let len = u32::from_ne_bytes(buf.get(..4)?.try_into().ok()?) as usize;
        if len < NLMSG_HDRLEN || len > buf.len() {
            return None;
        }
        let (msg, rest) = (&buf[..len], &buf[super::attr::align(len).min(buf.len())..]);
        buf = rest;
        Some(msg)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::netlink::attr::AttrWriter;

    fn message(kind: u16, body: &[u8], attrs: &[u8]) -> Vec<u8> {
        let mut m = vec![0u8; NLMSG_HDRLEN];
        m[4..6].copy_from_slice(&kind.to_ne_bytes());
        m.extend_from_slice(body);
        m.extend_from_slice(attrs);
        let len = m.len() as u32;
        m[0..4].copy_from_slice(&len.to_ne_bytes());
        m
    }

    #[test]
    fn reads_an_address_with_a_label_that_is_not_utf8() {
        let mut w = AttrWriter::new();
        w.put(IFA_LOCAL, &[192, 0, 2, 1]).str_z(IFA_LABEL, b"v1:\xff").u32(IFA_FLAGS, 0x280);
        let attrs = w.finish().unwrap();
        let mut body = dump_request(2, 7);
        body[1] = 24;
        let m = message(RTM_NEWADDR, &body, &attrs);
        let a = AddrMsg::from_nlmsg(&m).expect("an address");
        assert_eq!((a.msg_type, a.family, a.prefix_len, a.index), (RTM_NEWADDR, 2, 24, 7));
        assert_eq!(a.label(), Some(&b"v1:\xff"[..]));
        assert_eq!((a.get(IFA_LOCAL), a.u32(IFA_FLAGS)), (Some(&[192, 0, 2, 1][..]), Some(0x280)));
        assert!(AddrMsg::from_nlmsg(&m[..NLMSG_HDRLEN + 4]).is_none());
        let mut two = m.clone();
        two.extend_from_slice(&m);
        assert_eq!(messages(&two).count(), 2);
        assert_eq!(messages(&two[..m.len() + 3]).count(), 1, "a cut message ends the walk");
    }
}
