//! One route on the printer, field by field in iproute2's order
//! (`print_route` and its helpers in `iproute.c`). Names come from tables
//! loaded once; numbers and addresses are rendered into a stack buffer, so
//! a route costs no allocation.

use std::io::{self, Write};

use crate::cli::options::Options;
use crate::names::links::Links;
use crate::names::tables::{self, NumBuf, RT_TABLE_MAIN, RTN_MULTICAST, RTN_UNICAST};
use crate::print::{Color, Out, Printer};

use crate::print::addr::{family_name, AddrBuf, AddrText};
use super::filter::Filter;
use super::msg::*;

/// What the printer needs besides the route.
pub struct View<'a> {
    pub opts: &'a Options,
    pub links: &'a Links,
    pub filter: &'a Filter,
    /// The nexthops routes name, for `-d`'s `nh_info`.
    pub nexthops: &'a crate::objects::nexthop::cache::Cache,
}

const RTNL_FAMILY_IPMR: u8 = 128;
const RTNL_FAMILY_IP6MR: u8 = 129;

/// `get_real_family`: multicast dumps use the IPMR pseudo-families.
fn real_family(kind: u8, family: u8) -> u8 {
    if kind != RTN_MULTICAST {
        return family;
    }
    match family {
        RTNL_FAMILY_IPMR => AF_INET,
        RTNL_FAMILY_IP6MR => AF_INET6,
        f => f,
    }
}

/// `get_user_hz`: clock ticks a second (the unit of the kernel's timers
/// in route and neighbour cache info).
pub fn user_hz() -> i64 {
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if hz > 0 {
        hz
    } else {
        100
    }
}

/// C's `%g` (six significant digits, trailing zeros dropped).
pub fn fmt_g(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let exp = v.abs().log10().floor() as i32;
    if !(-4..6).contains(&exp) {
        let s = format!("{:.5e}", v);
        let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
        let mant = trim_zeros(mant);
        let e: i32 = e.parse().unwrap_or(0);
        let sign = if e < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", e.abs())
    } else {
        let decimals = (5 - exp).max(0) as usize;
        trim_zeros(&format!("{:.*}", decimals, v)).to_string()
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// `print_rt_flags`: the flag words (a JSON array `flags`).
pub fn print_flags<W: Write>(p: &mut Printer<W>, flags: u32) -> io::Result<()> {
    const ALL: u32 = RTNH_F_DEAD
        | RTNH_F_ONLINK
        | RTNH_F_PERVASIVE
        | RTNH_F_OFFLOAD
        | RTNH_F_TRAP
        | RTM_F_NOTIFY
        | RTNH_F_LINKDOWN
        | RTNH_F_UNRESOLVED
        | RTM_F_OFFLOAD
        | RTM_F_TRAP
        | RTM_F_OFFLOAD_FAILED;
    // Text with no flag word: nothing to write (most routes).
    if flags & ALL == 0 && !p.is_json() {
        return Ok(());
    }
    p.open_array(Out::Json, Some("flags"), "")?;
    const WORDS: &[(u32, &str)] = &[
        (RTNH_F_DEAD, "dead"),
        (RTNH_F_ONLINK, "onlink"),
        (RTNH_F_PERVASIVE, "pervasive"),
        (RTNH_F_OFFLOAD, "offload"),
        (RTNH_F_TRAP, "trap"),
        (RTM_F_NOTIFY, "notify"),
        (RTNH_F_LINKDOWN, "linkdown"),
        (RTNH_F_UNRESOLVED, "unresolved"),
        (RTM_F_OFFLOAD, "rt_offload"),
        (RTM_F_TRAP, "rt_trap"),
        (RTM_F_OFFLOAD_FAILED, "rt_offload_failed"),
    ];
    for (bit, word) in WORDS {
        if flags & bit != 0 {
            p.string_c(Out::Any, Color::None, None, "{} ", word)?;
        }
    }
    p.close_array(Out::Json, "")
}

/// An address field whose text form has a plain label before a coloured
/// value (`via ADDR `, `src ADDR `): JSON gets only `key: value`.
fn labelled_addr<W: Write>(p: &mut Printer<W>, key: &str, label: &str, family: u8, value: &str) -> io::Result<()> {
    if p.is_json() {
        p.json_str(key, value)
    } else {
        p.text(label)?;
        p.string_c(Out::Text, Color::for_family(family), None, "{} ", value)
    }
}

/// `print_rta_ifidx`: `dev NAME ` with the name coloured.
pub fn ifidx<W: Write>(p: &mut Printer<W>, links: &Links, index: u32, key: &str) -> io::Result<()> {
    // `ll_index_to_name`: `*` for 0, `ifN` when unknown.
    let name = links.name(index);
    if p.is_json() {
        p.bytes_c(Out::Json, Color::None, Some(key), "", name.as_bytes())
    } else {
        p.text(key)?;
        p.text(" ")?;
        p.bytes_c(Out::Text, Color::Ifname, None, "{} ", name.as_bytes())
    }
}

pub fn gateway<W: Write>(p: &mut Printer<W>, family: u8, rta: &[u8]) -> io::Result<()> {
    labelled_addr(p, "gateway", "via ", family, AddrBuf::addr(family, rta).as_str())
}

fn via<W: Write>(p: &mut Printer<W>, rta: &[u8]) -> io::Result<()> {
    let fam = rta.get(..2).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]) as u8);
    let addr = rta.get(2..).unwrap_or(&[]);
    let mut buf = NumBuf::new();
    let host = buf.format(format_args!("{}", AddrText { family: fam, bytes: addr }));
    if p.is_json() {
        p.open_object(Some("via"))?;
        p.json_str("family", family_name(fam).unwrap_or("???"))?;
        p.json_str("host", host)?;
        p.close_object()
    } else {
        p.text_fmt("via {} ", &family_name(fam).unwrap_or("???"))?;
        p.string_c(Out::Text, Color::for_family(fam), None, "{} ", host)
    }
}

fn newdst<W: Write>(p: &mut Printer<W>, family: u8, rta: &[u8]) -> io::Result<()> {
    let mut buf = NumBuf::new();
    let text = buf.format(format_args!("{}", AddrText { family, bytes: rta }));
    labelled_addr(p, "to", "as to ", family, text)
}

/// `print_rta_flow`: `realm TO ` or `realms FROM/TO `.
fn flow<W: Write>(p: &mut Printer<W>, value: u32, numeric: bool) -> io::Result<()> {
    let (from, to) = (value >> 16, value & 0xffff);
    let mut buf = NumBuf::new();
    if p.is_json() {
        p.open_object(Some("flow"))?;
        if from != 0 {
            p.json_str("from", tables::realm_name(from, numeric, &mut buf))?;
        }
        p.json_str("to", tables::realm_name(to, numeric, &mut buf))?;
        p.close_object()
    } else {
        p.text(if from != 0 { "realms " } else { "realm " })?;
        if from != 0 {
            p.text_fmt("{}/", &tables::realm_name(from, numeric, &mut buf))?;
        }
        p.text_fmt("{} ", &tables::realm_name(to, numeric, &mut buf))
    }
}

/// `print_cache_flags` (IPv4 cached routes): the `cache <…>` line part.
fn cache_flags<W: Write>(p: &mut Printer<W>, flags: u32) -> io::Result<()> {
    let mut flags = flags & !0xffff;
    if p.is_json() {
        p.open_array(Out::Json, Some("cache"), "")?;
    } else {
        let sep = p.line_sep();
        p.text(sep)?;
        p.text("    cache ")?;
        if flags == 0 {
            return Ok(());
        }
        p.text("<")?;
    }
    const WORDS: &[(u32, &str)] = &[
        (0x8000_0000, "local"),
        (0x4000_0000, "reject"),
        (0x2000_0000, "mc"),
        (0x1000_0000, "brd"),
        (0x0800_0000, "dst-nat"),
        (0x0080_0000, "src-nat"),
        (0x0040_0000, "masq"),
        (0x0002_0000, "dst-direct"),
        (0x0400_0000, "src-direct"),
        (0x0004_0000, "redirected"),
        (0x0100_0000, "redirect"),
        (0x0020_0000, "fastroute"),
        (0x0001_0000, "notify"),
        (0x0008_0000, "proxy"),
    ];
    for (bit, word) in WORDS {
        if flags & bit != 0 {
            flags &= !bit;
            if p.is_json() {
                p.string_c(Out::Json, Color::None, None, "", word)?;
            } else {
                p.text(word)?;
                p.text(if flags != 0 { "," } else { "> " })?;
            }
        }
    }
    if flags != 0 {
        p.hex(Out::Any, "flags", "{}>", flags)?;
    }
    if p.is_json() {
        p.close_array(Out::Json, "")?;
    }
    Ok(())
}

/// `print_rta_cacheinfo`.
fn cacheinfo<W: Write>(p: &mut Printer<W>, ci: &[u8], stats: bool) -> io::Result<()> {
    if ci.len() < 32 {
        return Ok(());
    }
    let f = |i: usize| u32_of(&ci[i * 4..]);
    let (clntref, lastuse, expires, error, used, id, ts, tsage) = (f(0), f(1), f(2) as i32, f(3), f(4), f(5), f(6), f(7));
    let hz = user_hz();
    if expires != 0 {
        p.num("expires", "expires {}sec ", i64::from(expires) / hz)?;
    }
    if error != 0 {
        p.num("error", "error {} ", error)?;
    }
    if stats {
        if clntref != 0 {
            p.num("users", "users {} ", clntref)?;
        }
        if used != 0 {
            p.num("used", "used {} ", used)?;
        }
        if lastuse != 0 {
            p.num("age", "age {}sec ", i64::from(lastuse) / hz)?;
        }
    }
    if id != 0 {
        p.json_str("ipid", &format!("{id:#x}"))?;
        p.text_fmt("ipid 0x{} ", &format_args!("{id:04x}"))?;
    }
    if ts != 0 || tsage != 0 {
        p.json_str("ts", &if ts == 0 { "0".to_string() } else { format!("{ts:#x}") })?;
        p.text_fmt("ts 0x{}", &format_args!("{ts:x}"))?;
        p.num("tsage", "tsage {}sec ", tsage)?;
    }
    Ok(())
}

const MX_NAMES: [&str; RTAX_MAX + 1] = [
    "", "", "mtu", "window", "rtt", "rttvar", "ssthresh", "cwnd", "advmss", "reordering", "hoplimit", "initcwnd", "features",
    "rto_min", "initrwnd", "quickack", "congctl", "fastopen_no_cookie",
];

/// `print_rta_metrics`: `mtu [lock] N …`, a JSON array with one object.
fn metrics<W: Write>(p: &mut Printer<W>, rta: &[u8]) -> io::Result<()> {
    p.open_array(Out::Json, Some("metrics"), "")?;
    p.open_object(None)?;
    let mx: [Option<&[u8]>; RTAX_MAX + 1] = attr_table(rta);
    let lock = mx[RTAX_LOCK].map_or(0, u32_of);
    for (i, name) in MX_NAMES.iter().enumerate().skip(2) {
        let locked = lock & (1u32.wrapping_shl(i as u32)) != 0;
        if mx[i].is_none() && !locked {
            continue;
        }
        let val = match mx[i] {
            Some(v) if i != RTAX_CC_ALGO => u32_of(v),
            _ => 0,
        };
        if i == RTAX_HOPLIMIT && val as i32 == -1 {
            continue;
        }
        if !p.is_json() {
            p.text(name)?;
            p.text(" ")?;
            if locked {
                p.text("lock ")?;
            }
        }
        match i {
            RTAX_FEATURES => {
                let mut rest = val;
                if val & 1 != 0 {
                    p.null(Out::Any, "ecn", "ecn ", "")?;
                    rest &= !1;
                }
                if rest != 0 {
                    p.hex0x(Out::Any, "features", "{} ", u64::from(val))?;
                }
            }
            RTAX_RTT | RTAX_RTTVAR | RTAX_RTO_MIN => {
                let v = match i {
                    RTAX_RTT => val / 8,
                    RTAX_RTTVAR => val / 4,
                    _ => val,
                };
                if p.is_json() {
                    p.json_num(name, v)?;
                } else if v >= 1000 {
                    p.text_fmt("{}s ", &fmt_g(f64::from(v) / 1e3))?;
                } else {
                    p.text_fmt("{}ms ", &v)?;
                }
            }
            RTAX_CC_ALGO => {
                let raw = mx[i].unwrap_or(&[]);
                let end = raw.iter().position(|&c| c == 0).unwrap_or(raw.len());
                p.str("congestion", "{} ", &String::from_utf8_lossy(&raw[..end]))?;
            }
            _ => p.num(name, "{} ", val)?,
        }
    }
    p.close_object()?;
    p.close_array(Out::Json, "")
}

/// `print_rta_multipath`: one `nexthop …` line (or object) per hop.
fn multipath<W: Write>(p: &mut Printer<W>, v: &View, r: &Route, rta: &[u8]) -> io::Result<()> {
    p.open_array(Out::Json, Some("nexthops"), "")?;
    let mc_cache = r.flags & RTM_F_CLONED != 0 && r.kind == RTN_MULTICAST;
    let mut rest = rta;
    let mut first = true;
    while rest.len() >= 8 {
        let nh_len = u16::from_ne_bytes([rest[0], rest[1]]) as usize;
        if nh_len > rest.len() || nh_len < 8 {
            break;
        }
        let (nh_flags, hops) = (rest[2], rest[3]);
        let ifindex = u32_of(&rest[4..8]);
        p.open_object(None)?;
        if mc_cache {
            p.text(if first { "Oifs: " } else { " " })?;
            first = false;
        } else {
            let sep = p.line_sep();
            p.text(sep)?;
            p.text("\tnexthop ")?;
        }
        if nh_len > 8 {
            let tb: [Option<&[u8]>; RTA_MAX + 1] = attr_table(&rest[8..nh_len]);
            if let Some(a) = tb[RTA_NEWDST] {
                newdst(p, r.family, a)?;
            }
            if let Some(a) = tb[RTA_GATEWAY] {
                gateway(p, r.family, a)?;
            }
            if let Some(a) = tb[RTA_VIA] {
                via(p, a)?;
            }
            if let Some(a) = tb[RTA_FLOW] {
                flow(p, u32_of(a), v.opts.numeric)?;
            }
        }
        let name = v.links.name(ifindex);
        let name = name.as_bytes();
        if mc_cache {
            p.str_bytes("dev", "{}", name)?;
            if hops != 1 {
                p.num("ttl", "(ttl>{})", hops)?;
            }
            p.text(" ")?;
        } else {
            p.str_bytes("dev", "dev {} ", name)?;
            if r.family != AF_MPLS {
                p.num("weight", "weight {} ", u32::from(hops) + 1)?;
            }
        }
        print_flags(p, u32::from(nh_flags))?;
        rest = &rest[((nh_len + 3) & !3).min(rest.len())..];
        p.close_object()?;
    }
    p.close_array(Out::Json, "")
}

/// A destination or source: `ADDR/LEN`, or the bare address for a host,
/// written into `buf`.
fn prefix_text(buf: &mut AddrBuf, family: u8, rta: &[u8], len: u8, host_len: u32) {
    buf.push_prefix(family, rta, (u32::from(len) != host_len).then_some(len))
}

/// `print_route`: one route, a line of text or a JSON object.
pub fn print_route<W: Write>(p: &mut Printer<W>, v: &View, r: &Route) -> io::Result<()> {
    p.open_object(None)?;
    route_fields(p, v, r)?;
    p.close_object()
}

/// The route's members (text: its line), in an object the caller opened
/// (`monitor` puts its own members first).
pub fn route_fields<W: Write>(p: &mut Printer<W>, v: &View, r: &Route) -> io::Result<()> {
    let f = v.filter;
    let numeric = v.opts.numeric;
    let details = v.opts.details > 0;
    let host_len = af_bit_len(r.family);
    let table = r.table();
    let mut buf = NumBuf::new();

    if r.msg_type == RTM_DELROUTE {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    }
    if (r.kind != RTN_UNICAST || details) && (f.typemask == 0 || f.typemask & (1u64 << (r.kind & 63)) != 0) {
        p.str("type", "{} ", tables::route_type_name(r.kind, numeric, &mut buf))?;
    }

    let real = real_family(r.kind, r.family);
    let mut dst_text = AddrBuf::new();
    let (dst, color) = match r.attr(RTA_DST) {
        Some(a) => {
            prefix_text(&mut dst_text, real, a, r.dst_len, host_len);
            (dst_text.as_bytes(), Color::for_family(real))
        }
        None if r.dst_len != 0 => (buf.format(format_args!("0/{} ", r.dst_len)).as_bytes(), Color::None),
        None => (&b"default"[..], Color::None),
    };
    p.bytes_c(Out::Any, color, Some("dst"), "{} ", dst)?;

    if let Some(a) = r.attr(RTA_SRC) {
        let mut text = AddrBuf::new();
        prefix_text(&mut text, real, a, r.src_len, host_len);
        p.bytes_c(Out::Any, Color::for_family(real), Some("from"), "from {} ", text.as_bytes())?;
    } else if r.src_len != 0 {
        p.str("src", "from {} ", buf.format(format_args!("0/{}", r.src_len)))?;
    }

    if let Some(id) = r.u32(RTA_NH_ID) {
        p.num("nhid", "nhid {} ", id)?;
    }
    if let Some(a) = r.attr(RTA_NEWDST) {
        newdst(p, r.family, a)?;
    }
    if r.tos != 0 && f.tosmask != -1 {
        p.str("tos", "tos {} ", tables::dsfield_name(r.tos, numeric, &mut buf))?;
    }
    if let Some(a) = r.attr(RTA_GATEWAY) {
        if f.rvia.bitlen != host_len as i32 {
            gateway(p, r.family, a)?;
        }
    }
    if let Some(a) = r.attr(RTA_VIA) {
        via(p, a)?;
    }
    if let Some(oif) = r.u32(RTA_OIF) {
        if f.oifmask != -1 {
            ifidx(p, v.links, oif, "dev")?;
        }
    }
    if table != 0 && (table != RT_TABLE_MAIN || details) && f.tb == 0 {
        p.str("table", "table {} ", tables::table_name(table, numeric, &mut buf))?;
    }
    if r.flags & RTM_F_CLONED == 0 {
        if (r.protocol != RTPROT_BOOT || details) && f.protocolmask != -1 {
            p.str("protocol", "proto {} ", tables::protocol_name(r.protocol, numeric, &mut buf))?;
        }
        if (r.scope != RT_SCOPE_UNIVERSE || details) && f.scopemask != -1 {
            p.str("scope", "scope {} ", tables::scope_name(r.scope, numeric, &mut buf))?;
        }
    }
    if let Some(a) = r.attr(RTA_PREFSRC) {
        if f.rprefsrc.bitlen != host_len as i32 {
            labelled_addr(p, "prefsrc", "src ", r.family, AddrBuf::addr(r.family, a).as_str())?;
        }
    }
    if let Some(m) = r.u32(RTA_PRIORITY) {
        if f.metricmask != -1 {
            p.num("metric", "metric {} ", m)?;
        }
    }
    print_flags(p, r.flags)?;
    if let Some(mark) = r.u32(RTA_MARK).filter(|m| *m != 0) {
        if p.is_json() {
            p.json_num("mark", mark)?;
        } else if mark >= 16 {
            p.text_fmt("mark 0x{} ", &format_args!("{mark:x}"))?;
        } else {
            p.text_fmt("mark {} ", &mark)?;
        }
    }
    if let Some(realms) = r.u32(RTA_FLOW) {
        if f.realmmask != !0 {
            flow(p, realms, numeric)?;
        }
    }
    if let Some(uid) = r.u32(RTA_UID) {
        p.num("uid", "uid {} ", uid)?;
    }
    if r.family == AF_INET && r.flags & RTM_F_CLONED != 0 {
        cache_flags(p, r.flags)?;
    }
    if r.family == AF_INET || r.family == AF_INET6 {
        if let Some(ci) = r.attr(RTA_CACHEINFO) {
            cacheinfo(p, ci, v.opts.stats > 0)?;
        }
    }
    if let Some(a) = r.attr(RTA_METRICS) {
        metrics(p, a)?;
    }
    if let Some(iif) = r.u32(RTA_IIF) {
        if f.iifmask != -1 {
            ifidx(p, v.links, iif, "iif")?;
        }
    }
    if let Some(pref) = r.attr(RTA_PREF).map(u8_of) {
        match pref {
            3 => p.str("pref", "pref {}", "low")?,
            0 => p.str("pref", "pref {}", "medium")?,
            1 => p.str("pref", "pref {}", "high")?,
            n => p.num("pref", "{}", n)?,
        }
    }
    if let Some(a) = r.attr(RTA_TTL_PROPAGATE) {
        let on = u8_of(a) != 0;
        if p.is_json() {
            p.bool(Out::Json, "ttl-propogate", "", on)?;
        } else {
            p.text_fmt("ttl-propogate {}", &if on { "enabled" } else { "disabled" })?;
        }
    }
    if let Some(id) = r.u32(RTA_NH_ID).filter(|_| details) {
        nh_info(p, v, id)?;
    }
    if let Some(a) = r.attr(RTA_MULTIPATH) {
        multipath(p, v, r, a)?;
    }
    p.text("\n")
}

/// `print_cache_nexthop_id`: the nexthop object a route uses, on a line
/// of its own (nothing when the kernel has no such nexthop).
fn nh_info<W: Write>(p: &mut Printer<W>, v: &View, id: u32) -> io::Result<()> {
    use crate::objects::nexthop::msg::print_entry;
    v.nexthops
        .with(id, |nh| {
            p.text("\n\tnh_info ")?;
            print_entry(p, v.links, nh, Some("nh_info"), true, v.opts.numeric)
        })
        .unwrap_or(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_g() {
        assert_eq!(fmt_g(1.0), "1");
        assert_eq!(fmt_g(1.5), "1.5");
        assert_eq!(fmt_g(30.25), "30.25");
        assert_eq!(fmt_g(1234.5678), "1234.57");
        assert_eq!(fmt_g(4294967.295), "4.29497e+06");
        assert_eq!(fmt_g(100000.0), "100000");
    }
}
