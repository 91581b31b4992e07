//! Which routes a listing shows (iproute2's `filter` and `filter_nlmsg`):
//! the selector words of `show`/`flush`, the part the kernel filters for
//! us (table, protocol, output device, cached), and the rest tested here.
//! The masks follow iproute2: a mask of all ones means "the user fixed
//! this field", which also hides the field when printing.

use crate::objects::route::grammar::SELECTOR;
use crate::cli::options::Family;
use crate::cli::words::{lookup, matches, Words};
use crate::error::{invarg, Result};
use crate::names::tables::{self, RT_TABLE_LOCAL, RT_TABLE_MAIN, RTN_BROADCAST, RTN_LOCAL, RTN_UNREACHABLE};
use crate::parse::{self, Addr, Prefix};

use super::msg::{af_bit_len, u32_of, Route, AF_INET6, RTA_DST, RTA_FLOW, RTA_GATEWAY, RTA_IIF, RTA_MARK, RTA_OIF, RTA_PREFSRC, RTA_PRIORITY, RTA_SRC, RTA_VIA, RTM_F_CLONED, RT_SCOPE_NOWHERE};

/// iproute2's `inet_prefix` as the filter uses it.
#[derive(Clone, Copy, Debug, Default)]
pub struct InetPrefix {
    pub family: u8,
    pub bitlen: i32,
    /// `PREFIXLEN_SPECIFIED`: a `/LEN` was written, or `default`.
    pub specified: bool,
    pub bytelen: usize,
    pub data: [u8; 16],
}

impl InetPrefix {
    /// The prefix `get_prefix` fills in for `p` (`default`: the family's
    /// length of zero bytes and the specified flag; `all`/`any`: nothing).
    pub fn from_prefix(p: &Prefix) -> Self {
        let mut out = InetPrefix { bitlen: p.len as i32, ..Default::default() };
        match &p.addr {
            Addr::Default(f) => {
                out.family = f.af();
                out.bytelen = (parse::bit_len(*f) / 8) as usize;
                out.specified = true;
            }
            Addr::Any(f) => out.family = f.af(),
            Addr::Ip(std::net::IpAddr::V4(a)) => {
                out.family = libc::AF_INET as u8;
                out.bytelen = 4;
                out.data[..4].copy_from_slice(&a.octets());
                out.specified = p.len_given;
            }
            Addr::Ip(std::net::IpAddr::V6(a)) => {
                out.family = AF_INET6;
                out.bytelen = 16;
                out.data = a.octets();
                out.specified = p.len_given;
            }
        }
        out
    }

    fn active(&self) -> bool {
        self.family != 0 || self.specified
    }
}

/// `inet_addr_match`: do the first `bits` bits of `a` and `b` agree?
pub fn addr_match(a: &[u8; 16], b: &[u8; 16], bits: i32) -> bool {
    let bits = bits.clamp(0, 128) as usize;
    let whole = bits / 8;
    if a[..whole] != b[..whole] {
        return false;
    }
    let rest = bits % 8;
    if rest == 0 {
        return true;
    }
    let mask = 0xffu8 << (8 - rest);
    (a[whole] ^ b[whole]) & mask == 0
}

fn copy_into(dst: &mut [u8; 16], src: Option<&[u8]>, n: usize) {
    if let Some(s) = src {
        let n = n.min(s.len()).min(16);
        dst[..n].copy_from_slice(&s[..n]);
    }
}

#[derive(Clone, Debug)]
pub struct Filter {
    pub tb: u32,
    /// 0: uncached routes, 1: cached routes, 2: either (`route get`).
    pub cloned: u8,
    pub protocol: u8,
    pub protocolmask: i32,
    pub scope: u8,
    pub scopemask: i32,
    pub typemask: u64,
    pub tos: u8,
    pub tosmask: i32,
    pub iif: u32,
    pub iifmask: i32,
    pub oif: u32,
    pub oifmask: i32,
    pub mark: u32,
    pub markmask: i32,
    pub realm: u32,
    pub realmmask: u32,
    pub metric: u32,
    pub metricmask: i32,
    pub rprefsrc: InetPrefix,
    pub rvia: InetPrefix,
    pub rdst: InetPrefix,
    pub mdst: InetPrefix,
    pub rsrc: InetPrefix,
    pub msrc: InetPrefix,
    /// A flush is collecting routes (iproute2's `filter.flushb`).
    pub flushing: bool,
}

impl Default for Filter {
    /// `iproute_reset_filter(0)`.
    fn default() -> Self {
        Filter {
            tb: 0,
            cloned: 0,
            protocol: 0,
            protocolmask: 0,
            scope: 0,
            scopemask: 0,
            typemask: 0,
            tos: 0,
            tosmask: 0,
            iif: 0,
            iifmask: 0,
            oif: 0,
            oifmask: 0,
            mark: 0,
            markmask: 0,
            realm: 0,
            realmmask: 0,
            metric: 0,
            metricmask: 0,
            rprefsrc: InetPrefix::default(),
            rvia: InetPrefix::default(),
            rdst: InetPrefix::default(),
            mdst: InetPrefix { bitlen: -1, ..Default::default() },
            rsrc: InetPrefix::default(),
            msrc: InetPrefix { bitlen: -1, ..Default::default() },
            flushing: false,
        }
    }
}

/// What the selector words said besides the filter itself.
pub struct Selection {
    pub filter: Filter,
    pub dump_family: Family,
    /// `dev`/`oif` and `iif` names, resolved by the caller.
    pub oif_name: Option<String>,
    pub iif_name: Option<String>,
}

fn prefix_arg(w: &str, family: Family) -> Result<InetPrefix> {
    Ok(InetPrefix::from_prefix(&parse::get_prefix(w, family)?))
}

/// Parse the selector words of `show`/`flush`/`save`. `vrf_table` gives
/// the table of a VRF device (0 if the name is not one).
pub fn parse_selector(args: &[String], family: Family, vrf_table: &mut dyn FnMut(&str) -> u32) -> Result<Selection> {
    let mut f = Filter { tb: RT_TABLE_MAIN, ..Filter::default() };
    let dump_family = family;
    let (mut od, mut id) = (None, None);
    let mut mark = 0;
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let key = lookup(word, SELECTOR).and_then(|k| k.names.first()).map_or("", |n| n.text);
        match key {
            "table" => {
                let v = w.value()?;
                match tables::table_id(v) {
                    Some(t) => f.tb = t,
                    None if v == "all" => f.tb = 0,
                    None if v == "cache" => f.cloned = 1,
                    None if v == "help" => return Err(super::help()),
                    None => return Err(invarg("table id value is invalid\n", v)),
                }
            }
            "vrf" => {
                let v = w.value()?;
                let t = vrf_table(v);
                if t == 0 {
                    return Err(invarg("Invalid VRF\n", v));
                }
                f.tb = t;
                f.typemask = !((1u32 << RTN_LOCAL) | (1u32 << RTN_BROADCAST)) as i32 as i64 as u64;
            }
            "cached" => f.cloned = 1,
            "tos" => {
                let v = w.value()?;
                f.tos = tables::dsfield_id(v).ok_or_else(|| invarg("TOS value is invalid\n", v))?;
                f.tosmask = -1;
            }
            "protocol" => {
                let v = w.value()?;
                f.protocolmask = -1;
                match tables::protocol_id(v) {
                    Some(p) => f.protocol = p,
                    None if v == "all" => {
                        f.protocol = 0;
                        f.protocolmask = 0;
                    }
                    None => return Err(invarg("invalid \"protocol\"\n", v)),
                }
            }
            "scope" => {
                let v = w.value()?;
                f.scopemask = -1;
                match tables::scope_id(v) {
                    Some(s) => f.scope = s,
                    None if v == "all" => {
                        f.scope = RT_SCOPE_NOWHERE;
                        f.scopemask = 0;
                    }
                    None => return Err(invarg("invalid \"scope\"\n", v)),
                }
            }
            "type" => {
                let v = w.value()?;
                let t = tables::route_type_id(v).ok_or_else(|| invarg("node type value is invalid\n", v))?;
                // iproute2 shifts an int: types of 32 and above wrap.
                f.typemask = (1u32.wrapping_shl(t as u32)) as i32 as i64 as u64;
            }
            "dev" => od = Some(w.value()?.to_string()),
            "iif" => id = Some(w.value()?.to_string()),
            "mark" => {
                let v = w.value()?;
                mark = parse::get_unsigned(v).ok_or_else(|| invarg("invalid mark value", v))?;
                f.markmask = -1;
            }
            "metric" => {
                let v = w.value()?;
                f.metric = parse::get_u32(v, 0).ok_or_else(|| invarg("\"metric\" value is invalid\n", v))?;
                f.metricmask = -1;
            }
            "via" => {
                let mut v = w.value()?;
                let fam = match Family::parse(v) {
                    Some(fam) if fam != Family::Unspec => {
                        v = w.value()?;
                        fam
                    }
                    _ => dump_family,
                };
                f.rvia = prefix_arg(v, fam)?;
            }
            "src" => f.rprefsrc = prefix_arg(w.value()?, dump_family)?,
            "realms" => {
                let v = w.value()?;
                f.realm = tables::realms(v).ok_or_else(|| invarg("invalid realms\n", v))?;
                f.realmmask = !0;
                if f.realm & 0xffff == 0 && v.ends_with('/') {
                    f.realmmask &= !0xffff;
                }
                if f.realm & 0xffff_0000 == 0 && (!v.contains('/') || v.starts_with('/')) {
                    f.realmmask &= !0xffff_0000;
                }
            }
            "from" => {
                let v = w.value()?;
                if matches(v, "root") {
                    f.rsrc = prefix_arg(w.value()?, dump_family)?;
                } else if matches(v, "match") {
                    f.msrc = prefix_arg(w.value()?, dump_family)?;
                } else {
                    let v = if matches(v, "exact") { w.value()? } else { v };
                    f.msrc = prefix_arg(v, dump_family)?;
                    f.rsrc = f.msrc;
                }
            }
            // `to`, `root`, `match`, `exact` or a bare prefix.
            _ => {
                let mut v = word;
                if matches(v, "to") {
                    v = w.value()?;
                }
                if matches(v, "root") {
                    f.rdst = prefix_arg(w.value()?, dump_family)?;
                } else if matches(v, "match") {
                    f.mdst = prefix_arg(w.value()?, dump_family)?;
                } else {
                    let v = if matches(v, "exact") { w.value()? } else { v };
                    f.mdst = prefix_arg(v, dump_family)?;
                    f.rdst = f.mdst;
                }
            }
        }
    }
    f.mark = mark;
    let dump_family = if dump_family == Family::Unspec && f.tb != 0 { Family::Inet } else { dump_family };
    Ok(Selection { filter: f, dump_family, oif_name: od, iif_name: id })
}

/// `filter_nlmsg`: whether `r` passes the filter. `ip6_multiple_tables`
/// is iproute2's sticky "an IPv6 route outside main was seen" flag.
pub fn accepts(f: &Filter, r: &Route, preferred: Family, ip6_multiple_tables: &mut bool) -> bool {
    let table = r.table();
    let host_len = af_bit_len(r.family) as usize;
    if preferred != Family::Unspec && r.family != preferred.af() {
        return false;
    }
    if r.family == AF_INET6 && table != RT_TABLE_MAIN {
        *ip6_multiple_tables = true;
    }
    let cloned = r.flags & RTM_F_CLONED != 0;
    if f.cloned == u8::from(!cloned) {
        return false;
    }
    if r.family == AF_INET6 && !*ip6_multiple_tables {
        if f.tb != 0 {
            if f.tb == RT_TABLE_LOCAL {
                if r.kind != RTN_LOCAL {
                    return false;
                }
            } else if f.tb == RT_TABLE_MAIN {
                if r.kind == RTN_LOCAL {
                    return false;
                }
            } else {
                return false;
            }
        }
    } else if f.tb > 0 && f.tb != table {
        return false;
    }
    if (f.protocol ^ r.protocol) as i32 & f.protocolmask != 0 {
        return false;
    }
    if (f.scope ^ r.scope) as i32 & f.scopemask != 0 {
        return false;
    }
    if f.typemask != 0 && f.typemask & (1u64 << (r.kind & 63)) == 0 {
        return false;
    }
    if (f.tos ^ r.tos) as i32 & f.tosmask != 0 {
        return false;
    }
    let (dst_len, src_len) = (r.dst_len as i32, r.src_len as i32);
    if f.rdst.family != 0 {
        if r.family != f.rdst.family || f.rdst.bitlen > dst_len {
            return false;
        }
    } else if f.rdst.specified && f.rdst.bitlen > dst_len {
        return false;
    }
    if f.mdst.family != 0 {
        if r.family != f.mdst.family || (f.mdst.bitlen >= 0 && f.mdst.bitlen < dst_len) {
            return false;
        }
    } else if f.mdst.specified && f.mdst.bitlen >= 0 && f.mdst.bitlen < dst_len {
        return false;
    }
    if f.rsrc.family != 0 {
        if r.family != f.rsrc.family || f.rsrc.bitlen > src_len {
            return false;
        }
    } else if f.rsrc.specified && f.rsrc.bitlen > src_len {
        return false;
    }
    if f.msrc.family != 0 {
        if r.family != f.msrc.family || (f.msrc.bitlen >= 0 && f.msrc.bitlen < src_len) {
            return false;
        }
    } else if f.msrc.specified && f.msrc.bitlen >= 0 && f.msrc.bitlen < src_len {
        return false;
    }
    if f.rvia.family != 0 {
        let fam = match r.attr(RTA_VIA) {
            Some(v) if v.len() >= 2 => u16::from_ne_bytes([v[0], v[1]]) as u8,
            _ => r.family,
        };
        if fam != f.rvia.family {
            return false;
        }
    }
    if f.rprefsrc.family != 0 && r.family != f.rprefsrc.family {
        return false;
    }

    // The addresses are copied out only for the selectors that compare
    // them (a plain listing compares none).
    let mut dst = [0u8; 16];
    if f.rdst.active() || f.mdst.active() {
        copy_into(&mut dst, r.attr(RTA_DST), (r.dst_len as usize).div_ceil(8));
    }
    let mut src = [0u8; 16];
    if f.rsrc.active() || f.msrc.active() {
        copy_into(&mut src, r.attr(RTA_SRC), (r.src_len as usize).div_ceil(8));
    }
    let mut via = [0u8; 16];
    if f.rvia.family != 0 && f.rvia.bitlen > 0 {
        copy_into(&mut via, r.attr(RTA_GATEWAY), host_len / 8);
        if let Some(v) = r.attr(RTA_VIA) {
            via = [0; 16];
            copy_into(&mut via, v.get(2..), v.len().saturating_sub(2));
        }
    }
    let mut prefsrc = [0u8; 16];
    if f.rprefsrc.family != 0 && f.rprefsrc.bitlen > 0 {
        copy_into(&mut prefsrc, r.attr(RTA_PREFSRC), host_len / 8);
    }

    if f.rdst.active() && !addr_match(&dst, &f.rdst.data, f.rdst.bitlen) {
        return false;
    }
    if f.mdst.active() && !addr_match(&dst, &f.mdst.data, dst_len) {
        return false;
    }
    if f.rsrc.active() && !addr_match(&src, &f.rsrc.data, f.rsrc.bitlen) {
        return false;
    }
    if f.msrc.active() && f.msrc.bitlen >= 0 && !addr_match(&src, &f.msrc.data, src_len) {
        return false;
    }
    if f.rvia.family != 0 && !addr_match(&via, &f.rvia.data, f.rvia.bitlen) {
        return false;
    }
    if f.rprefsrc.family != 0 && !addr_match(&prefsrc, &f.rprefsrc.data, f.rprefsrc.bitlen) {
        return false;
    }
    if f.realmmask != 0 {
        let realms = r.u32(RTA_FLOW).unwrap_or(0);
        if (realms ^ f.realm) & f.realmmask != 0 {
            return false;
        }
    }
    if f.iifmask != 0 && (r.u32(RTA_IIF).unwrap_or(0) ^ f.iif) as i32 & f.iifmask != 0 {
        return false;
    }
    if f.oifmask != 0 && (r.u32(RTA_OIF).unwrap_or(0) ^ f.oif) as i32 & f.oifmask != 0 {
        return false;
    }
    if f.markmask != 0 && (r.u32(RTA_MARK).unwrap_or(0) ^ f.mark) as i32 & f.markmask != 0 {
        return false;
    }
    if f.metricmask != 0 && (r.u32(RTA_PRIORITY).unwrap_or(0) ^ f.metric) as i32 & f.metricmask != 0 {
        return false;
    }
    // A flush leaves IPv6's built-in default unreachable route alone.
    if f.flushing
        && r.family == AF_INET6
        && r.dst_len == 0
        && r.kind == RTN_UNREACHABLE
        && r.attr(RTA_PRIORITY).map(u32_of) == Some(u32::MAX)
    {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_bits_match() {
        let a = [10, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let b = [10, 1, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        assert!(addr_match(&a, &b, 16));
        assert!(!addr_match(&a, &b, 17));
        assert!(addr_match(&a, &b, 0));
        let c = [10, 0b1000_0000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let d = [10, 0b1011_1111, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        assert!(addr_match(&c, &d, 10));
        assert!(!addr_match(&c, &d, 11));
    }

    fn sel(words: &[&str]) -> Selection {
        let args: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        match parse_selector(&args, Family::Unspec, &mut |_| 0) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn selector_defaults_and_tables() {
        let s = sel(&[]);
        assert_eq!(s.filter.tb, RT_TABLE_MAIN);
        assert_eq!(s.dump_family, Family::Inet);
        let s = sel(&["table", "all"]);
        assert_eq!((s.filter.tb, s.dump_family), (0, Family::Unspec));
        let s = sel(&["table", "cache"]);
        assert_eq!(s.filter.cloned, 1);
    }

    #[test]
    fn selector_prefix_forms() {
        let s = sel(&["10.0.0.0/8"]);
        assert!(s.filter.rdst.specified && s.filter.mdst.bitlen == 8);
        let s = sel(&["root", "10/8"]);
        assert_eq!(s.filter.rdst.bitlen, 8);
        assert_eq!(s.filter.mdst.bitlen, -1);
        let s = sel(&["to", "match", "10.1.2.3"]);
        assert_eq!(s.filter.mdst.bitlen, 32);
        let s = sel(&["default"]);
        assert!(s.filter.mdst.specified && s.filter.mdst.bitlen == 0 && s.filter.mdst.family == 0);
    }

    #[test]
    fn realm_masks() {
        let s = sel(&["realms", "5"]);
        assert_eq!(s.filter.realmmask, 0xffff);
        let s = sel(&["realms", "3/"]);
        assert_eq!(s.filter.realmmask, 0xffff_0000);
    }

    #[test]
    fn bad_words_are_errors() {
        let args = vec!["table".to_string(), "nope".to_string()];
        let e = parse_selector(&args, Family::Unspec, &mut |_| 0).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("Error: argument \"nope\" is wrong: table id value is invalid\n"));
    }
}
