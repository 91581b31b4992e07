//! Neighbour messages (`struct ndmsg` and its NDA_* attributes), read in
//! place through the attribute codec, and the numbers of `neighbour.h`.

use crate::netlink::attr::{u32_of, Attrs};
use crate::netlink::request::HEADER_LEN;

pub const RTM_NEWNEIGH: u16 = 28;
pub const RTM_DELNEIGH: u16 = 29;
pub const RTM_GETNEIGH: u16 = 30;

pub const NDA_DST: u16 = 1;
pub const NDA_LLADDR: u16 = 2;
pub const NDA_CACHEINFO: u16 = 3;
pub const NDA_PROBES: u16 = 4;
pub const NDA_IFINDEX: u16 = 8;
pub const NDA_MASTER: u16 = 9;
pub const NDA_PROTOCOL: u16 = 12;
pub const NDA_FLAGS_EXT: u16 = 15;
const NDA_MAX: usize = 17;

pub const NUD_NONE: u16 = 0x00;
pub const NUD_INCOMPLETE: u16 = 0x01;
pub const NUD_REACHABLE: u16 = 0x02;
pub const NUD_STALE: u16 = 0x04;
pub const NUD_DELAY: u16 = 0x08;
pub const NUD_PROBE: u16 = 0x10;
pub const NUD_FAILED: u16 = 0x20;
pub const NUD_NOARP: u16 = 0x40;
pub const NUD_PERMANENT: u16 = 0x80;

pub const NTF_USE: u8 = 0x01;
pub const NTF_PROXY: u8 = 0x08;
pub const NTF_EXT_LEARNED: u8 = 0x10;
pub const NTF_OFFLOADED: u8 = 0x20;
pub const NTF_ROUTER: u8 = 0x80;
/// In NDA_FLAGS_EXT.
pub const NTF_EXT_MANAGED: u32 = 0x01;

/// `struct ndmsg`'s size.
pub const NDMSG_LEN: usize = 12;

/// `NLM_F_DUMP_FILTERED`: the kernel applied the dump's filters.
pub const NLM_F_DUMP_FILTERED: u16 = 0x20;

/// `struct ndmsg`: family, index, state, flags, type.
pub fn ndmsg(family: u8, index: u32, state: u16, flags: u8) -> Vec<u8> {
    let mut b = vec![family, 0, 0, 0];
    b.extend_from_slice(&index.to_ne_bytes());
    b.extend_from_slice(&state.to_ne_bytes());
    b.push(flags);
    b.push(0);
    b
}

/// `struct nda_cacheinfo`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheInfo {
    pub confirmed: u32,
    pub used: u32,
    pub updated: u32,
    pub refcnt: u32,
}

/// One neighbour message, read in place.
pub struct Neigh<'a> {
    pub msg_type: u16,
    /// The header's flags (NLM_F_DUMP_FILTERED).
    pub nl_flags: u16,
    pub family: u8,
    pub ifindex: u32,
    pub state: u16,
    pub flags: u8,
    pub tb: [Option<&'a [u8]>; NDA_MAX + 1],
}

impl<'a> Neigh<'a> {
    /// A whole message (header included); None when too short for an ndmsg.
    pub fn from_nlmsg(msg: &'a [u8]) -> Option<Self> {
        let u16_at = |i: usize| Some(u16::from_ne_bytes([*msg.get(i)?, *msg.get(i + 1)?]));
        let msg_type = u16_at(4)?;
        let nl_flags = u16_at(6)?;
        let len = u32_of(msg)? as usize;
        let b = msg.get(HEADER_LEN..len.min(msg.len()))?;
        if b.len() < NDMSG_LEN {
            return None;
        }
        Some(Neigh {
            msg_type,
            nl_flags,
            family: b[0],
            ifindex: u32::from_ne_bytes([b[4], b[5], b[6], b[7]]),
            state: u16::from_ne_bytes([b[8], b[9]]),
            flags: b[10],
            tb: Attrs::new(&b[NDMSG_LEN..]).table(),
        })
    }

    pub fn attr(&self, kind: u16) -> Option<&'a [u8]> {
        self.tb.get(kind as usize).copied().flatten()
    }

    pub fn protocol(&self) -> u8 {
        self.attr(NDA_PROTOCOL).and_then(|v| v.first().copied()).unwrap_or(0)
    }

    pub fn ext_flags(&self) -> u32 {
        self.attr(NDA_FLAGS_EXT).and_then(u32_of).unwrap_or(0)
    }

    pub fn cacheinfo(&self) -> Option<CacheInfo> {
        let v = self.attr(NDA_CACHEINFO)?;
        Some(CacheInfo {
            confirmed: u32_of(v)?,
            used: u32_of(v.get(4..)?)?,
            updated: u32_of(v.get(8..)?)?,
            refcnt: u32_of(v.get(12..)?)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::netlink::attr::AttrWriter;

    #[test]
    fn reads_a_message_in_place() {
        let mut w = AttrWriter::new();
        w.put(NDA_DST, &[192, 0, 2, 1]).u8(NDA_PROTOCOL, 4).u32(NDA_FLAGS_EXT, NTF_EXT_MANAGED);
        w.put(NDA_CACHEINFO, &[1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0]);
        let mut body = ndmsg(2, 7, NUD_STALE, NTF_ROUTER);
        body.extend_from_slice(&w.finish().unwrap());
        let mut msg = ((HEADER_LEN + body.len()) as u32).to_ne_bytes().to_vec();
        msg.extend_from_slice(&RTM_NEWNEIGH.to_ne_bytes());
        msg.extend_from_slice(&NLM_F_DUMP_FILTERED.to_ne_bytes());
        msg.extend_from_slice(&[0; 8]);
        msg.extend_from_slice(&body);
        let n = Neigh::from_nlmsg(&msg).unwrap();
        assert_eq!((n.msg_type, n.nl_flags, n.family, n.ifindex, n.state, n.flags), (RTM_NEWNEIGH, 0x20, 2, 7, NUD_STALE, NTF_ROUTER));
        assert_eq!(n.attr(NDA_DST), Some(&[192, 0, 2, 1][..]));
        assert_eq!((n.protocol(), n.ext_flags()), (4, NTF_EXT_MANAGED));
        assert_eq!(n.cacheinfo(), Some(CacheInfo { confirmed: 1, used: 2, updated: 3, refcnt: 4 }));
        assert!(Neigh::from_nlmsg(&msg[..HEADER_LEN + 8]).is_none());
    }
}
