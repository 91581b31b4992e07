//! A zero-copy view of one route message (`struct rtmsg` + attributes), as
//! iproute2's `parse_rtattr` gives it: the first attribute of each type wins,
//! unknown types above `RTA_MAX` are ignored.

use crate::names::tables::RT_TABLE_UNSPEC;

pub const RTM_NEWROUTE: u16 = 24;
pub const RTM_DELROUTE: u16 = 25;

pub const RTA_DST: usize = 1;
pub const RTA_SRC: usize = 2;
pub const RTA_IIF: usize = 3;
pub const RTA_OIF: usize = 4;
pub const RTA_GATEWAY: usize = 5;
pub const RTA_PRIORITY: usize = 6;
pub const RTA_PREFSRC: usize = 7;
pub const RTA_METRICS: usize = 8;
pub const RTA_MULTIPATH: usize = 9;
pub const RTA_FLOW: usize = 11;
pub const RTA_CACHEINFO: usize = 12;
pub const RTA_TABLE: usize = 15;
pub const RTA_MARK: usize = 16;
pub const RTA_VIA: usize = 18;
pub const RTA_NEWDST: usize = 19;
pub const RTA_PREF: usize = 20;
pub const RTA_EXPIRES: usize = 23;
pub const RTA_UID: usize = 25;
pub const RTA_TTL_PROPAGATE: usize = 26;
pub const RTA_IP_PROTO: usize = 27;
pub const RTA_SPORT: usize = 28;
pub const RTA_DPORT: usize = 29;
pub const RTA_NH_ID: usize = 30;
pub const RTA_MAX: usize = 30;

pub const RTAX_LOCK: usize = 1;
pub const RTAX_MTU: usize = 2;
pub const RTAX_WINDOW: usize = 3;
pub const RTAX_RTT: usize = 4;
pub const RTAX_RTTVAR: usize = 5;
pub const RTAX_SSTHRESH: usize = 6;
pub const RTAX_CWND: usize = 7;
pub const RTAX_ADVMSS: usize = 8;
pub const RTAX_REORDERING: usize = 9;
pub const RTAX_HOPLIMIT: usize = 10;
pub const RTAX_INITCWND: usize = 11;
pub const RTAX_FEATURES: usize = 12;
pub const RTAX_RTO_MIN: usize = 13;
pub const RTAX_INITRWND: usize = 14;
pub const RTAX_QUICKACK: usize = 15;
pub const RTAX_CC_ALGO: usize = 16;
pub const RTAX_FASTOPEN_NO_COOKIE: usize = 17;
pub const RTAX_MAX: usize = 17;

pub const RTM_F_NOTIFY: u32 = 0x100;
pub const RTM_F_CLONED: u32 = 0x200;
pub const RTM_F_LOOKUP_TABLE: u32 = 0x1000;
pub const RTM_F_FIB_MATCH: u32 = 0x2000;
pub const RTM_F_OFFLOAD: u32 = 0x4000;
pub const RTM_F_TRAP: u32 = 0x8000;
pub const RTM_F_OFFLOAD_FAILED: u32 = 0x2000_0000;

pub const RTNH_F_DEAD: u32 = 1;
pub const RTNH_F_PERVASIVE: u32 = 2;
pub const RTNH_F_ONLINK: u32 = 4;
pub const RTNH_F_OFFLOAD: u32 = 8;
pub const RTNH_F_LINKDOWN: u32 = 16;
pub const RTNH_F_UNRESOLVED: u32 = 32;
pub const RTNH_F_TRAP: u32 = 64;

pub const RT_SCOPE_UNIVERSE: u8 = 0;
pub const RT_SCOPE_LINK: u8 = 253;
pub const RT_SCOPE_HOST: u8 = 254;
pub const RT_SCOPE_NOWHERE: u8 = 255;

pub const RTPROT_BOOT: u8 = 3;

pub const AF_INET: u8 = libc::AF_INET as u8;
pub const AF_INET6: u8 = libc::AF_INET6 as u8;
pub const AF_MPLS: u8 = libc::AF_MPLS as u8;

/// `struct rtmsg` is 12 bytes; the netlink header 16.
pub const RTMSG_LEN: usize = 12;
/// The netlink message header's length.
pub use crate::netlink::request::HEADER_LEN as NLMSG_HDRLEN;

/// `parse_rtattr`: the first attribute of each type up to `N - 1` (the
/// one attribute reader, `netlink::attr`).
pub fn attr_table<const N: usize>(buf: &[u8]) -> [Option<&[u8]>; N] {
    crate::netlink::attr::Attrs::new(buf).table()
}

pub fn u32_of(b: &[u8]) -> u32 {
    match b {
        [a, b, c, d, ..] => u32::from_ne_bytes([*a, *b, *c, *d]),
        _ => 0,
    }
}

pub fn u8_of(b: &[u8]) -> u8 {
    b.first().copied().unwrap_or(0)
}

/// One route message, read in place.
pub struct Route<'a> {
    /// RTM_NEWROUTE or RTM_DELROUTE.
    pub msg_type: u16,
    pub family: u8,
    pub dst_len: u8,
    pub src_len: u8,
    pub tos: u8,
    pub rtm_table: u8,
    pub protocol: u8,
    pub scope: u8,
    pub kind: u8,
    pub flags: u32,
    /// The attributes, and iproute2's `tb[]` over them kept small (a
    /// listing builds one per route): the payload's offset in `attrs`
    /// (0: absent, no payload starts there) and length, by type.
    attrs: &'a [u8],
    off: [u32; RTA_MAX + 1],
    len: [u16; RTA_MAX + 1],
}

impl<'a> Route<'a> {
    /// Read a whole netlink message (header included); None if it is too
    /// short to be a route.
    #[inline(always)]
    pub fn from_nlmsg(msg: &'a [u8]) -> Option<Self> {
        if msg.len() < NLMSG_HDRLEN + RTMSG_LEN {
            return None;
        }
        let msg_type = u16::from_ne_bytes([msg[4], msg[5]]);
        Self::from_body(msg_type, &msg[NLMSG_HDRLEN..])
    }

    /// Read an rtmsg and its attributes.
    #[inline(always)]
    pub fn from_body(msg_type: u16, b: &'a [u8]) -> Option<Self> {
        if b.len() < RTMSG_LEN {
            return None;
        }
        let mut r = Route {
            msg_type,
            family: b[0],
            dst_len: b[1],
            src_len: b[2],
            tos: b[3],
            rtm_table: b[4],
            protocol: b[5],
            scope: b[6],
            kind: b[7],
            flags: u32::from_ne_bytes([b[8], b[9], b[10], b[11]]),
            attrs: &b[RTMSG_LEN..],
            off: [0; RTA_MAX + 1],
            len: [0; RTA_MAX + 1],
        };
        r.index();
        Some(r)
    }

    /// `parse_rtattr`: the first attribute of each type up to RTA_MAX
    /// (the one attribute reader, `netlink::attr`).
    #[inline(always)]
    fn index(&mut self) {
        let base = self.attrs.as_ptr() as usize;
        for a in crate::netlink::attr::Attrs::new(self.attrs).iter() {
            let k = a.kind as usize;
            if k <= RTA_MAX && self.off[k] == 0 {
                // An attribute's payload is at least 4 bytes in, and at
                // most 65531 bytes long (its length is a u16).
                self.off[k] = (a.payload.as_ptr() as usize - base) as u32;
                self.len[k] = a.payload.len() as u16;
            }
        }
    }

    pub fn attr(&self, kind: usize) -> Option<&'a [u8]> {
        match (self.off.get(kind), self.len.get(kind)) {
            (Some(&o), Some(&n)) if o != 0 => self.attrs.get(o as usize..o as usize + n as usize),
            _ => None,
        }
    }

    pub fn u32(&self, kind: usize) -> Option<u32> {
        self.attr(kind).map(u32_of)
    }

    /// `rtm_get_table`: RTA_TABLE when present, else the header's byte.
    pub fn table(&self) -> u32 {
        self.u32(RTA_TABLE).unwrap_or(if self.rtm_table == 0 { RT_TABLE_UNSPEC } else { self.rtm_table as u32 })
    }
}

/// The bit length of an address family (`af_bit_len`).
pub fn af_bit_len(family: u8) -> u32 {
    match family {
        AF_INET => 32,
        AF_INET6 => 128,
        AF_MPLS => 20,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(kind: u16, payload: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        v.extend_from_slice(&((4 + payload.len()) as u16).to_ne_bytes());
        v.extend_from_slice(&kind.to_ne_bytes());
        v.extend_from_slice(payload);
        while v.len() % 4 != 0 {
            v.push(0);
        }
        v
    }

    #[test]
    fn first_attribute_wins_and_table_attr_overrides() {
        let mut body = vec![2, 24, 0, 0, 254, 3, 0, 1, 0, 0, 0, 0];
        body.extend(attr(RTA_TABLE as u16, &1000u32.to_ne_bytes()));
        body.extend(attr(RTA_PRIORITY as u16, &5u32.to_ne_bytes()));
        body.extend(attr(RTA_PRIORITY as u16, &7u32.to_ne_bytes()));
        body.extend(attr(99, &[1]));
        let r = Route::from_body(RTM_NEWROUTE, &body).unwrap();
        assert_eq!(r.table(), 1000);
        assert_eq!(r.u32(RTA_PRIORITY), Some(5));
        assert_eq!((r.family, r.dst_len, r.kind), (2, 24, 1));
    }

    #[test]
    fn truncated_attribute_stops_walk() {
        let mut body = vec![0u8; 12];
        body.extend_from_slice(&[40, 0, 1, 0, 1, 2]);
        let r = Route::from_body(RTM_NEWROUTE, &body).unwrap();
        assert!(r.attr(RTA_DST).is_none());
        assert!(Route::from_body(RTM_NEWROUTE, &[0; 5]).is_none());
    }
}

/// A parsed reply (`route get`, `-echo`) back into bytes, with its message
/// type, so it can be printed by the same code as a dump.
pub fn emitted(msg: &netlink_packet_route::RouteNetlinkMessage) -> Option<(u16, Vec<u8>)> {
    use netlink_packet_core::Emitable;
    use netlink_packet_route::RouteNetlinkMessage as M;
    let (kind, r) = match msg {
        M::NewRoute(r) => (RTM_NEWROUTE, r),
        M::DelRoute(r) => (RTM_DELROUTE, r),
        _ => return None,
    };
    let mut body = vec![0u8; r.buffer_len()];
    r.emit(&mut body);
    Some((kind, body))
}
