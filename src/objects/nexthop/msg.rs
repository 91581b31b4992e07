//! One nexthop message read in place (`ipnh_parse_nhmsg`) and printed
//! (`__print_nexthop_entry`): the fields in iproute2's order.

use std::io::{self, Write};

use crate::names::links::Links;
use crate::names::tables::{self, NumBuf};
use crate::netlink::attr::{u16_of, u32_of, u64_of, Attrs};
use crate::objects::route::print::{fmt_g, gateway, ifidx, print_flags};
use crate::print::{Out, Printer};

use super::*;

const RT_SCOPE_UNIVERSE: u8 = 0;
const RTPROT_UNSPEC: u8 = 0;
const NLMSG_HDRLEN: usize = 16;

/// A nexthop message: its header fields and attributes, in place.
pub struct Nexthop<'a> {
    pub kind: u16,
    pub family: u8,
    pub scope: u8,
    pub protocol: u8,
    pub flags: u32,
    pub attrs: Attrs<'a>,
}

impl<'a> Nexthop<'a> {
    /// A whole netlink message (header included); None when it is too short.
    pub fn from_nlmsg(msg: &'a [u8]) -> Option<Self> {
        let kind = u16::from_ne_bytes([*msg.get(4)?, *msg.get(5)?]);
        let len = (u32::from_ne_bytes(msg.get(..4)?.try_into().ok()?) as usize).min(msg.len());
        let body = msg.get(NLMSG_HDRLEN..len)?;
        let h = body.get(..NHMSG_LEN)?;
        Some(Nexthop {
            kind,
            family: h[0],
            scope: h[1],
            protocol: h[2],
            flags: u32::from_ne_bytes([h[4], h[5], h[6], h[7]]),
            attrs: Attrs::new(&body[NHMSG_LEN..]),
        })
    }

    pub fn id(&self) -> u32 {
        self.attrs.u32(NHA_ID).unwrap_or(0)
    }
}

/// What a message holds that iproute2 refuses to print: its own words.
pub fn invalid(nh: &Nexthop) -> Option<String> {
    if let Some(g) = nh.attrs.get(NHA_GATEWAY) {
        if g.len() > 16 {
            return Some(format!("<nexthop id {} invalid gateway length {}>\n", nh.id(), g.len()));
        }
    }
    if let Some(g) = nh.attrs.get(NHA_GROUP) {
        if g.is_empty() || g.len() % 8 != 0 {
            return Some(format!("<nexthop id {} invalid nexthop group>", nh.id()));
        }
    }
    None
}

/// A time in hundredths of a second (`__jiffies_to_tv` + `print_tv`): `%g` seconds.
fn centis<W: Write>(p: &mut Printer<W>, key: &str, fmt: &str, v: u64) -> io::Result<()> {
    p.num(key, fmt, fmt_g(v as f64 / 100.0))
}

/// `__print_nexthop_entry`: the fields of one nexthop, in a JSON object
/// named `key` (None: anonymous).
pub fn print_entry<W: Write>(p: &mut Printer<W>, links: &Links, nh: &Nexthop, key: Option<&str>, details: bool, numeric: bool) -> io::Result<()> {
    p.open_object(key)?;
    entry_fields(p, links, nh, details, numeric)?;
    p.close_object()
}

/// The nexthop's members and text (`monitor` puts them in its event's
/// object).
pub fn entry_fields<W: Write>(p: &mut Printer<W>, links: &Links, nh: &Nexthop, details: bool, numeric: bool) -> io::Result<()> {
    let mut buf = NumBuf::new();
    if nh.kind == RTM_DELNEXTHOP {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    }
    p.num("id", "id {} ", nh.id())?;
    if let Some(g) = nh.attrs.get(NHA_GROUP) {
        p.open_array(Out::Json, Some("group"), "")?;
        p.text("group ")?;
        for (i, e) in g.chunks_exact(8).enumerate() {
            p.open_object(None)?;
            if i > 0 {
                p.text("/")?;
            }
            p.num("id", "{}", u32_of(&e[..4]).unwrap_or(0))?;
            if e[4] != 0 {
                p.num("weight", ",{}", u32::from(e[4]) + 1)?;
            }
            p.close_object()?;
        }
        p.text(" ")?;
        p.close_array(Out::Json, "")?;
    }
    match nh.attrs.get(NHA_GROUP_TYPE).and_then(u16_of) {
        None | Some(NEXTHOP_GRP_TYPE_MPATH) => {}
        Some(NEXTHOP_GRP_TYPE_RES) => p.str("type", "type {} ", "resilient")?,
        Some(_) => p.str("type", "type {} ", "<unknown type>")?,
    }
    if let Some(res) = nh.attrs.nested(NHA_RES_GROUP) {
        p.open_object(Some("resilient_args"))?;
        p.num("buckets", "buckets {} ", res.get(NHA_RES_GROUP_BUCKETS).and_then(u16_of).unwrap_or(0))?;
        let timer = |k| u64::from(res.get(k).and_then(u32_of).unwrap_or(0));
        centis(p, "idle_timer", "idle_timer {} ", timer(NHA_RES_GROUP_IDLE_TIMER))?;
        centis(p, "unbalanced_timer", "unbalanced_timer {} ", timer(NHA_RES_GROUP_UNBALANCED_TIMER))?;
        centis(p, "unbalanced_time", "unbalanced_time {} ", res.get(NHA_RES_GROUP_UNBALANCED_TIME).and_then(u64_of).unwrap_or(0))?;
        p.close_object()?;
    }
    if let Some(g) = nh.attrs.get(NHA_GATEWAY).filter(|g| !g.is_empty()) {
        gateway(p, nh.family, g)?;
    }
    if let Some(oif) = nh.attrs.u32(NHA_OIF).filter(|i| *i != 0) {
        ifidx(p, links, oif, "dev")?;
    }
    if nh.scope != RT_SCOPE_UNIVERSE || details {
        p.str("scope", "scope {} ", tables::scope_name(nh.scope, numeric, &mut buf))?;
    }
    if nh.attrs.has(NHA_BLACKHOLE) {
        p.null(Out::Any, "blackhole", "blackhole ", "")?;
    }
    if nh.protocol != RTPROT_UNSPEC || details {
        p.str("protocol", "proto {} ", tables::protocol_name(nh.protocol, numeric, &mut buf))?;
    }
    print_flags(p, nh.flags)?;
    if nh.attrs.has(NHA_FDB) {
        p.null(Out::Any, "fdb", "fdb", "")?;
    }
    Ok(())
}
