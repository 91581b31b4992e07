//! Rule messages (`struct fib_rule_hdr` + FRA_* attributes) read in place,
//! and the numbers of `linux/fib_rules.h`.

use crate::netlink::attr::Attrs;
use crate::netlink::request::HEADER_LEN;

pub const RTM_NEWRULE: u16 = 32;
pub const RTM_DELRULE: u16 = 33;
pub const RTM_GETRULE: u16 = 34;

pub const FRA_DST: u16 = 1;
pub const FRA_SRC: u16 = 2;
pub const FRA_IIFNAME: u16 = 3;
pub const FRA_GOTO: u16 = 4;
/// RTA_GATEWAY, which `nat` rules carried (the slot is FRA_UNUSED2 now).
pub const RTA_GATEWAY: u16 = 5;
pub const FRA_PRIORITY: u16 = 6;
pub const FRA_FWMARK: u16 = 10;
pub const FRA_FLOW: u16 = 11;
pub const FRA_TUN_ID: u16 = 12;
pub const FRA_SUPPRESS_IFGROUP: u16 = 13;
pub const FRA_SUPPRESS_PREFIXLEN: u16 = 14;
pub const FRA_TABLE: u16 = 15;
pub const FRA_FWMASK: u16 = 16;
pub const FRA_OIFNAME: u16 = 17;
pub const FRA_L3MDEV: u16 = 19;
pub const FRA_UID_RANGE: u16 = 20;
pub const FRA_PROTOCOL: u16 = 21;
pub const FRA_IP_PROTO: u16 = 22;
pub const FRA_SPORT_RANGE: u16 = 23;
pub const FRA_DPORT_RANGE: u16 = 24;
pub const FRA_MAX: usize = 24;

pub const FR_ACT_UNSPEC: u8 = 0;
pub const FR_ACT_TO_TBL: u8 = 1;
pub const FR_ACT_GOTO: u8 = 2;
pub const FR_ACT_NOP: u8 = 3;
/// `RTN_NAT`, the action of the old `nat` rules.
pub const RTN_NAT: u8 = 10;

pub const FIB_RULE_INVERT: u32 = 2;
pub const FIB_RULE_UNRESOLVED: u32 = 4;
pub const FIB_RULE_IIF_DETACHED: u32 = 8;
pub const FIB_RULE_OIF_DETACHED: u32 = 0x10;

/// `struct fib_rule_hdr` is 12 bytes.
pub const FIB_RULE_HDR_LEN: usize = 12;

/// One rule message, read in place.
pub struct Rule<'a> {
    /// RTM_NEWRULE or RTM_DELRULE.
    pub msg_type: u16,
    pub family: u8,
    pub dst_len: u8,
    pub src_len: u8,
    pub tos: u8,
    pub table: u8,
    pub action: u8,
    pub flags: u32,
    pub tb: [Option<&'a [u8]>; FRA_MAX + 1],
}

/// A `struct fib_rule_port_range` or `fib_rule_uid_range`: two numbers.
fn pair<const N: usize>(v: &[u8]) -> Option<(u64, u64)> {
    let read = |b: &[u8]| -> Option<u64> {
        Some(match N {
            2 => u64::from(u16::from_ne_bytes(b.get(..2)?.try_into().ok()?)),
            _ => u64::from(u32::from_ne_bytes(b.get(..4)?.try_into().ok()?)),
        })
    };
    Some((read(v)?, read(v.get(N..)?)?))
}

impl<'a> Rule<'a> {
    /// Read a whole netlink message (header included); None when it is too
    /// short to hold a fib_rule_hdr.
    pub fn from_nlmsg(msg: &'a [u8]) -> Option<Self> {
        let msg_type = u16::from_ne_bytes([*msg.get(4)?, *msg.get(5)?]);
        let b = msg.get(HEADER_LEN..)?;
        if b.len() < FIB_RULE_HDR_LEN {
            return None;
        }
        Some(Rule {
            msg_type,
            family: b[0],
            dst_len: b[1],
            src_len: b[2],
            tos: b[3],
            table: b[4],
            action: b[7],
            flags: u32::from_ne_bytes([b[8], b[9], b[10], b[11]]),
            tb: Attrs::new(&b[FIB_RULE_HDR_LEN..]).table(),
        })
    }

    pub fn attrs(&self, kind: u16) -> Option<&'a [u8]> {
        self.tb[kind as usize]
    }

    pub fn u8(&self, kind: u16) -> Option<u8> {
        self.attrs(kind).and_then(crate::netlink::attr::u8_of)
    }

    pub fn u32(&self, kind: u16) -> Option<u32> {
        self.attrs(kind).and_then(crate::netlink::attr::u32_of)
    }

    /// A name attribute, up to its NUL.
    pub fn name(&self, kind: u16) -> Option<&'a [u8]> {
        self.attrs(kind).map(crate::netlink::attr::until_nul)
    }

    /// `frh_get_table`: FRA_TABLE when present, else the header's.
    pub fn table(&self) -> u32 {
        self.u32(FRA_TABLE).unwrap_or(u32::from(self.table))
    }

    pub fn priority(&self) -> u32 {
        self.u32(FRA_PRIORITY).unwrap_or(0)
    }

    /// FRA_TUN_ID in host order (the kernel holds it big-endian).
    pub fn tun_id(&self) -> Option<u64> {
        self.attrs(FRA_TUN_ID).and_then(crate::netlink::attr::be64_of)
    }

    pub fn uid_range(&self) -> Option<(u32, u32)> {
        self.attrs(FRA_UID_RANGE).and_then(pair::<4>).map(|(a, b)| (a as u32, b as u32))
    }

    pub fn port_range(&self, kind: u16) -> Option<(u16, u16)> {
        self.attrs(kind).and_then(pair::<2>).map(|(a, b)| (a as u16, b as u16))
    }
}
