//! `vxlan`: Virtual eXtensible LAN tunnels (iproute2's iplink_vxlan.c).

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{unknown_word, Attrs, Kind, KindEnv};
use super::tunnel_common::{flag, kw};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::{Family, Options};
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, no_device, Error, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::{get_addr, get_u16, get_u32, get_unsigned, Addr};
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

// IFLA_VXLAN_* (linux/if_link.h)
const ID: u16 = 1;
const GROUP: u16 = 2;
const LINK: u16 = 3;
const LOCAL: u16 = 4;
const TTL: u16 = 5;
const TOS: u16 = 6;
const LEARNING: u16 = 7;
const AGEING: u16 = 8;
const LIMIT: u16 = 9;
const PORT_RANGE: u16 = 10;
const PROXY: u16 = 11;
const RSC: u16 = 12;
const L2MISS: u16 = 13;
const L3MISS: u16 = 14;
const PORT: u16 = 15;
const GROUP6: u16 = 16;
const LOCAL6: u16 = 17;
const UDP_CSUM: u16 = 18;
const UDP_ZERO_CSUM6_TX: u16 = 19;
const UDP_ZERO_CSUM6_RX: u16 = 20;
const REMCSUM_TX: u16 = 21;
const REMCSUM_RX: u16 = 22;
const GBP: u16 = 23;
const COLLECT_METADATA: u16 = 25;
const LABEL: u16 = 26;
const GPE: u16 = 27;
const TTL_INHERIT: u16 = 28;
const DF: u16 = 29;
const VNIFILTER: u16 = 30;


/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = &[
    kw(&[p("id"), p("vni")], Value::Number, "VNI", "the VXLAN network identifier (0-16777215)"),
    kw(&[p("group")], Value::Address, "ADDR", "multicast group to send to (needs dev)"),
    kw(&[p("remote")], Value::Address, "ADDR", "unicast peer to send to"),
    kw(&[p("local")], Value::Address, "ADDR", "source address"),
    kw(&[p("dev")], Value::Ifname, "DEV", "underlying device"),
    kw(&[p("ttl"), p("hoplimit")], Value::Text, "TTL", "1-255, auto or inherit"),
    kw(&[p("tos"), p("dsfield")], Value::Text, "TOS", "hex value or inherit"),
    kw(&[p("df")], Value::Choice(&["unset", "set", "inherit"]), "DF", "don't-fragment bit of outer IPv4"),
    kw(&[p("label"), p("flowlabel")], Value::Number, "LABEL", "IPv6 flow label"),
    kw(&[p("ageing")], Value::Number, "SECONDS", "FDB entry lifetime, or none"),
    kw(&[p("maxaddress")], Value::Number, "N", "FDB size limit, or unlimited"),
    kw(&[p("port"), p("srcport")], Value::Number, "LOW HIGH", "UDP source port range"),
    kw(&[p("dstport")], Value::Number, "PORT", "UDP destination port (4789 is IANA's)"),
    flag(&[p("nolearning")], "do not learn remote addresses"),
    flag(&[p("learning")], "learn remote addresses"),
    flag(&[p("noproxy")], "no ARP proxy"),
    flag(&[p("proxy")], "ARP proxy"),
    flag(&[p("norsc")], "no route short circuit"),
    flag(&[p("rsc")], "route short circuit"),
    flag(&[p("nol2miss")], "no L2 miss notifications"),
    flag(&[p("l2miss")], "L2 miss notifications"),
    flag(&[p("nol3miss")], "no L3 miss notifications"),
    flag(&[p("l3miss")], "L3 miss notifications"),
    flag(&[p("udpcsum")], "checksum outer UDP (IPv4)"),
    flag(&[p("noudpcsum")], "no outer UDP checksum (IPv4)"),
    flag(&[p("udp6zerocsumtx")], "send IPv6 UDP with zero checksum"),
    flag(&[p("noudp6zerocsumtx")], "checksum outer IPv6 UDP"),
    flag(&[p("udp6zerocsumrx")], "accept IPv6 UDP with zero checksum"),
    flag(&[p("noudp6zerocsumrx")], "reject IPv6 UDP with zero checksum"),
    flag(&[p("remcsumtx")], "remote checksum offload on send"),
    flag(&[p("noremcsumtx")], "no remote checksum offload on send"),
    flag(&[p("remcsumrx")], "remote checksum offload on receive"),
    flag(&[p("noremcsumrx")], "no remote checksum offload on receive"),
    flag(&[p("external")], "metadata mode (for tunnel routing), no VNI"),
    flag(&[p("noexternal")], "not in metadata mode"),
    flag(&[p("gbp")], "group policy extension"),
    flag(&[p("gpe")], "generic protocol extension"),
    flag(&[x("vnifilter")], "filter VNIs (external mode only)"),
    flag(&[x("novnifilter")], "do not filter VNIs"),
    flag(&[p("help")], "show these options"),
];

pub const KIND: Kind = Kind {
    name: "vxlan",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Give id and dstport; remote or group (with dev) says where to send.",
};

fn is_multicast(a: &IpAddr) -> bool {
    a.is_multicast()
}


fn parse(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let mut seen = super::Seen::default();
    let (mut vni, mut learning, mut dstport, mut metadata, mut vnifilter) = (0u32, true, 0u16, false, false);
    let mut saddr: Option<IpAddr> = None;
    let mut daddr: Option<IpAddr> = None;
    let family_of = |a: &Option<IpAddr>| match a {
        Some(IpAddr::V4(_)) => Family::Inet,
        Some(IpAddr::V6(_)) => Family::Inet6,
        None => Family::Unspec,
    };
    let inet = |a: Addr| match a {
        Addr::Ip(ip) => Some(ip),
        _ => None,
    };
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let Some(k) = lookup(word, KEYWORDS) else {
            return Err(unknown_word("vxlan", Some(format!("vxlan: unknown command \"{word}\"?"))));
        };
        match k.names[0].text {
            "id" => {
                let v = w.value()?;
                seen.once(ID, "id", v)?;
                vni = get_u32(v, 0).filter(|n| *n < 1 << 24).ok_or_else(|| invarg("invalid id", v))?;
            }
            name @ ("group" | "remote") => {
                let group = name == "group";
                // A group excludes a remote and the other way round.
                if daddr.as_ref().is_some_and(|a| is_multicast(a) != group) {
                    return Err(Error::Failure("vxlan: both group and remote cannot be specified".into()));
                }
                let v = w.value()?;
                seen.once(GROUP, name, v)?;
                let a = inet(get_addr(v, family_of(&saddr))?);
                if a.as_ref().map_or(true, |a| is_multicast(a) != group) {
                    return Err(invarg(if group { "invalid group address" } else { "invalid remote address" }, v));
                }
                daddr = a;
            }
            "local" => {
                let v = w.value()?;
                seen.once(LOCAL, "local", v)?;
                let a = inet(get_addr(v, family_of(&daddr))?);
                if a.as_ref().map_or(true, is_multicast) {
                    return Err(invarg("invalid local address", v));
                }
                saddr = a;
            }
            "dev" => {
                let v = w.value()?;
                seen.once(LINK, "dev", v)?;
                let index = env.lookup.index(v);
                if index == 0 {
                    // iproute2 exits with nodev()'s -1 here: status 255.
                    return Err(Error::Usage(no_device(v).to_string()));
                }
                out.u32(LINK, index);
            }
            "ttl" => {
                let v = w.value()?;
                seen.once(TTL, "ttl", v)?;
                match parse_ttl(v)? {
                    None => out.flag(TTL_INHERIT),
                    Some(ttl) => out.u8(TTL, ttl),
                };
            }
            "tos" => {
                let v = w.value()?;
                seen.once(TOS, "tos", v)?;
                out.u8(TOS, parse_tos(v)?);
            }
            "df" => {
                let v = w.value()?;
                seen.once(DF, "df", v)?;
                out.u8(DF, parse_df(v)?);
            }
            "label" => {
                let v = w.value()?;
                seen.once(LABEL, "flowlabel", v)?;
                out.be32(LABEL, parse_label(v)?);
            }
            "ageing" => {
                let v = w.value()?;
                seen.once(AGEING, "ageing", v)?;
                let age = if v == "none" { 0 } else { get_u32(v, 0).ok_or_else(|| invarg("ageing timer", v))? };
                out.u32(AGEING, age);
            }
            "maxaddress" => {
                let v = w.value()?;
                seen.once(LIMIT, "maxaddress", v)?;
                let max = if v == "unlimited" { 0 } else { get_u32(v, 0).ok_or_else(|| invarg("max addresses", v))? };
                out.u32(LIMIT, max);
            }
            "port" => {
                let v = w.value()?;
                seen.once(PORT_RANGE, "srcport", v)?;
                let low = get_u16(v, 0).ok_or_else(|| invarg("min port", v))?;
                let v = w.value()?;
                let high = get_u16(v, 0).ok_or_else(|| invarg("max port", v))?;
                if low != 0 || high != 0 {
                    let mut b = low.to_be_bytes().to_vec();
                    b.extend_from_slice(&high.to_be_bytes());
                    out.put(PORT_RANGE, &b);
                }
            }
            "dstport" => {
                let v = w.value()?;
                seen.once(PORT, "dstport", v)?;
                dstport = get_u16(v, 0).ok_or_else(|| invarg("dst port", v))?;
            }
            "nolearning" | "learning" => {
                seen.once(LEARNING, word, word)?;
                learning = k.names[0].text == "learning";
            }
            name @ ("noproxy" | "proxy") => {
                seen.once(PROXY, word, word)?;
                out.u8(PROXY, u8::from(name == "proxy"));
            }
            name @ ("norsc" | "rsc") => {
                seen.once(RSC, word, word)?;
                out.u8(RSC, u8::from(name == "rsc"));
            }
            name @ ("nol2miss" | "l2miss") => {
                seen.once(L2MISS, word, word)?;
                out.u8(L2MISS, u8::from(name == "l2miss"));
            }
            name @ ("nol3miss" | "l3miss") => {
                seen.once(L3MISS, word, word)?;
                out.u8(L3MISS, u8::from(name == "l3miss"));
            }
            name @ ("udpcsum" | "noudpcsum") => {
                seen.once(UDP_CSUM, word, word)?;
                out.u8(UDP_CSUM, u8::from(name == "udpcsum"));
            }
            name @ ("udp6zerocsumtx" | "noudp6zerocsumtx") => {
                seen.once(UDP_ZERO_CSUM6_TX, word, word)?;
                out.u8(UDP_ZERO_CSUM6_TX, u8::from(name == "udp6zerocsumtx"));
            }
            name @ ("udp6zerocsumrx" | "noudp6zerocsumrx") => {
                seen.once(UDP_ZERO_CSUM6_RX, word, word)?;
                out.u8(UDP_ZERO_CSUM6_RX, u8::from(name == "udp6zerocsumrx"));
            }
            name @ ("remcsumtx" | "noremcsumtx") => {
                seen.once(REMCSUM_TX, word, word)?;
                out.u8(REMCSUM_TX, u8::from(name == "remcsumtx"));
            }
            name @ ("remcsumrx" | "noremcsumrx") => {
                seen.once(REMCSUM_RX, word, word)?;
                out.u8(REMCSUM_RX, u8::from(name == "remcsumrx"));
            }
            "external" => {
                seen.once(COLLECT_METADATA, word, word)?;
                metadata = true;
                learning = false;
                out.u8(COLLECT_METADATA, 1);
            }
            "noexternal" => {
                seen.once(COLLECT_METADATA, word, word)?;
                metadata = false;
                out.u8(COLLECT_METADATA, 0);
            }
            "gbp" => {
                seen.once(GBP, word, word)?;
                out.flag(GBP);
            }
            "gpe" => {
                seen.once(GPE, word, word)?;
                out.flag(GPE);
            }
            name @ ("vnifilter" | "novnifilter") => {
                seen.once(VNIFILTER, word, word)?;
                vnifilter |= name == "vnifilter";
                out.u8(VNIFILTER, u8::from(name == "vnifilter"));
            }
            "help" => return Err(super::help("vxlan", 1, false)),
            _ => return Err(unknown_word("vxlan", None)),
        }
    }
    let set = |attr: u16| seen.has(attr);
    let fail = |m: &str| Err(Error::Failure(m.to_string()));
    if !metadata && vnifilter {
        return fail("vxlan: vnifilter is valid only when 'external' is set");
    }
    if metadata && set(ID) {
        return fail("vxlan: both 'external' and vni cannot be specified");
    }
    if !metadata && !vnifilter && !set(ID) && !env.set_op {
        return fail("vxlan: missing virtual network identifier");
    }
    if daddr.as_ref().is_some_and(is_multicast) && !set(LINK) {
        return fail("vxlan: 'group' requires 'dev' to be specified");
    }
    if !set(PORT) && set(GPE) {
        dstport = 4790;
    } else if !set(PORT) && !env.set_op {
        // A warning, not an error: the kernel's default port is used.
        crate::netlink::pipeline::say(
            "vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\n\
             Use 'dstport 4789' to get the IANA assigned value\nUse 'dstport 0' to get default and quiet this message"
        );
    }
    if set(ID) {
        out.u32(ID, vni);
    }
    match saddr {
        Some(IpAddr::V4(a)) => out.put(LOCAL, &a.octets()),
        Some(IpAddr::V6(a)) => out.put(LOCAL6, &a.octets()),
        None => &mut out,
    };
    match daddr {
        Some(IpAddr::V4(a)) => out.put(GROUP, &a.octets()),
        Some(IpAddr::V6(a)) => out.put(GROUP6, &a.octets()),
        None => &mut out,
    };
    if saddr.is_none() && daddr.is_none() {
        match env.family {
            Family::Inet => out.put(GROUP, &Ipv4Addr::UNSPECIFIED.octets()),
            Family::Inet6 => out.put(GROUP6, &Ipv6Addr::UNSPECIFIED.octets()),
            _ => &mut out,
        };
    }
    if !env.set_op || set(LEARNING) {
        out.u8(LEARNING, u8::from(learning));
    }
    if dstport != 0 {
        out.be16(PORT, dstport);
    }
    Ok(out.finish()?)
}

/// `ttl`: a number up to 255 or `auto` (0); None for `inherit` (vxlan,
/// geneve).
pub(super) fn parse_ttl(v: &str) -> Result<Option<u8>> {
    match v {
        "inherit" => Ok(None),
        "auto" => Ok(Some(0)),
        _ => {
            let n = get_unsigned(v).ok_or_else(|| invarg("invalid TTL", v))?;
            u8::try_from(n).map(Some).map_err(|_| invarg("TTL must be <= 255", v))
        }
    }
}

/// `tos`: a dsfield value or name, `inherit` as 1.
pub(super) fn parse_tos(v: &str) -> Result<u8> {
    if v == "inherit" {
        return Ok(1);
    }
    crate::names::tables::dsfield_id(v).ok_or_else(|| invarg("bad TOS value", v))
}

/// `df unset|set|inherit`.
pub(super) fn parse_df(v: &str) -> Result<u8> {
    match v {
        "unset" => Ok(0),
        "set" => Ok(1),
        "inherit" => Ok(2),
        _ => Err(invarg("DF must be 'unset', 'set' or 'inherit'", v)),
    }
}

/// `flowlabel`: 20 bits.
pub(super) fn parse_label(v: &str) -> Result<u32> {
    get_u32(v, 0).filter(|l| l & !0xfffff == 0).ok_or_else(|| invarg("invalid flowlabel", v))
}

fn ipv4(b: &[u8]) -> Option<Ipv4Addr> {
    Some(Ipv4Addr::from(<[u8; 4]>::try_from(b.get(..4)?).ok()?))
}

fn ipv6(b: &[u8]) -> Option<Ipv6Addr> {
    Some(Ipv6Addr::from(<[u8; 16]>::try_from(b.get(..16)?).ok()?))
}

/// `tos 0x…` (`tos inherit` for 1 in text); nothing for 0 (vxlan, geneve).
pub(super) fn print_tos(s: &mut Dyn<'_>, tos: Option<u8>) -> io::Result<()> {
    let tos = tos.unwrap_or(0);
    if tos != 0 {
        if s.is_json() || tos != 1 {
            s.hex0x(Out::Any, "tos", "tos {} ", u64::from(tos))?;
        } else {
            s.string_c(Out::Text, Color::None, None, "{}", "tos inherit ")?;
        }
    }
    Ok(())
}

/// `ttl N`, `ttl auto` (0, text) or `ttl inherit` (text only).
pub(super) fn print_ttl(s: &mut Dyn<'_>, inherit: bool, ttl: Option<u8>) -> io::Result<()> {
    if inherit {
        s.string_c(Out::Text, Color::None, None, "{}", "ttl inherit ")?;
    } else if let Some(ttl) = ttl {
        if s.is_json() || ttl != 0 {
            s.number_c(Out::Any, Color::None, Some("ttl"), "ttl {} ", ttl)?;
        } else {
            s.string_c(Out::Text, Color::None, None, "{}", "ttl auto ")?;
        }
    }
    Ok(())
}

/// `df set|inherit` (`unset` in JSON only), then a non-zero flow label
/// (big-endian in the attribute).
pub(super) fn print_df_label(s: &mut Dyn<'_>, df: Option<u8>, label: Option<&[u8]>) -> io::Result<()> {
    match df {
        Some(0) => s.string_c(Out::Json, Color::None, Some("df"), "", "unset")?,
        Some(1) => s.string_c(Out::Any, Color::None, Some("df"), "df {} ", "set")?,
        Some(2) => s.string_c(Out::Any, Color::None, Some("df"), "df {} ", "inherit")?,
        _ => {}
    }
    if let Some(label) = label.and_then(crate::netlink::attr::be32_of) {
        if label != 0 {
            s.hex0x(Out::Any, "label", "flowlabel {} ", u64::from(label))?;
        }
    }
    Ok(())
}

/// `csum` switches print `[no]word` in text and a boolean in JSON.
pub(super) fn switch(s: &mut Dyn<'_>, tb: &Attrs<'_>, attr: u16, key: &str, word: &str) -> io::Result<()> {
    let Some(on) = tb.u8(attr) else { return Ok(()) };
    if s.is_json() {
        s.bool(Out::Json, key, "", on != 0)
    } else {
        s.string_c(Out::Text, Color::None, None, "{}", &format!("{}{word} ", if on != 0 { "" } else { "no" }))
    }
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, links: &Links) -> io::Result<()> {
    let json = s.is_json();
    if tb.u8(COLLECT_METADATA).is_some_and(|v| v != 0) {
        s.bool(Out::Any, "external", "external ", true)?;
    }
    if tb.u8(VNIFILTER).is_some_and(|v| v != 0) {
        s.bool(Out::Any, "vnifilter", "vnifilter", true)?;
    }
    if let Some(id) = tb.u32(ID) {
        s.number_c(Out::Any, Color::None, Some("id"), "id {} ", id)?;
    }
    if let Some(g) = tb.get(GROUP) {
        if let Some(a) = ipv4(g).filter(|a| !a.is_unspecified()) {
            let key = if a.is_multicast() { "group" } else { "remote" };
            s.string_c(Out::Any, Color::None, Some(key), &format!("{key} {{}} "), &a.to_string())?;
        }
    } else if let Some(a) = tb.get(GROUP6).and_then(ipv6).filter(|a| !a.is_unspecified()) {
        let (key, word) = if a.is_multicast() { ("group6", "group") } else { ("remote6", "remote") };
        s.string_c(Out::Any, Color::None, Some(key), &format!("{word} {{}} "), &a.to_string())?;
    }
    if let Some(l) = tb.get(LOCAL) {
        if let Some(a) = ipv4(l).filter(|a| !a.is_unspecified()) {
            s.string_c(Out::Any, Color::None, Some("local"), "local {} ", &a.to_string())?;
        }
    } else if let Some(a) = tb.get(LOCAL6).and_then(ipv6).filter(|a| !a.is_unspecified()) {
        s.string_c(Out::Any, Color::None, Some("local6"), "local {} ", &a.to_string())?;
    }
    if let Some(link) = tb.u32(LINK).filter(|l| *l != 0) {
        s.str_bytes("link", "dev {} ", links.name(link).as_bytes())?;
    }
    if let Some(r) = tb.get(PORT_RANGE).filter(|r| r.len() >= 4) {
        let (low, high) = (u16::from_be_bytes([r[0], r[1]]), u16::from_be_bytes([r[2], r[3]]));
        if json {
            s.open_object(Some("port_range"))?;
            s.number_c(Out::Json, Color::None, Some("low"), "", low)?;
            s.number_c(Out::Json, Color::None, Some("high"), "", high)?;
            s.close_object()?;
        } else {
            s.string_c(Out::Text, Color::None, None, "{}", &format!("srcport {low} {high} "))?;
        }
    }
    if let Some(port) = tb.be16(PORT) {
        s.number_c(Out::Any, Color::None, Some("port"), "dstport {} ", port)?;
    }
    if let Some(learning) = tb.u8(LEARNING) {
        s.bool(Out::Json, "learning", "", learning != 0)?;
        if learning == 0 {
            s.string_c(Out::Text, Color::None, None, "{}", "nolearning ")?;
        }
    }
    for (attr, key, text) in [(PROXY, "proxy", "proxy "), (RSC, "rsc", "rsc "), (L2MISS, "l2miss", "l2miss "), (L3MISS, "l3miss", "l3miss ")] {
        if tb.u8(attr).is_some_and(|v| v != 0) {
            s.bool(Out::Any, key, text, true)?;
        }
    }
    print_tos(s, tb.u8(TOS))?;
    print_ttl(s, tb.u8(TTL_INHERIT).is_some_and(|v| v != 0), tb.u8(TTL))?;
    print_df_label(s, tb.u8(DF), tb.get(LABEL))?;
    if let Some(age) = tb.u32(AGEING) {
        if age == 0 {
            s.number_c(Out::Any, Color::None, Some("ageing"), "ageing none ", 0)?;
        } else {
            s.number_c(Out::Any, Color::None, Some("ageing"), "ageing {} ", age)?;
        }
    }
    if let Some(max) = tb.u32(LIMIT).filter(|m| *m != 0) {
        s.number_c(Out::Any, Color::None, Some("limit"), "maxaddr {} ", max)?;
    }
    switch(s, tb, UDP_CSUM, "udp_csum", "udpcsum")?;
    switch(s, tb, UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx", "udp6zerocsumtx")?;
    switch(s, tb, UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx", "udp6zerocsumrx")?;
    if tb.u8(REMCSUM_TX).is_some_and(|v| v != 0) {
        s.bool(Out::Any, "remcsum_tx", "remcsumtx ", true)?;
    }
    if tb.u8(REMCSUM_RX).is_some_and(|v| v != 0) {
        s.bool(Out::Any, "remcsum_rx", "remcsumrx ", true)?;
    }
    if tb.has(GBP) {
        s.bool(Out::Any, "gbp", "gbp ", true)?;
    }
    if tb.has(GPE) {
        s.bool(Out::Any, "gpe", "gpe ", true)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render};
    use super::*;

    fn attr(data: &Vec<u8>, t: u16) -> Option<Vec<u8>> {
        raw_attrs(data).into_iter().find(|(k, _)| *k == t).map(|(_, v)| v)
    }

    #[test]
    fn basic_request() {
        let data = parse_kind(&KIND, "id 42 remote 192.0.2.1 local 192.0.2.2 dstport 4789 dev eth0 ttl 64", &[("eth0", 7)]).unwrap();
        assert_eq!(attr(&data, ID), Some(42u32.to_ne_bytes().to_vec()));
        assert_eq!(attr(&data, GROUP), Some(vec![192, 0, 2, 1]));
        assert_eq!(attr(&data, LOCAL), Some(vec![192, 0, 2, 2]));
        assert_eq!(attr(&data, PORT), Some(vec![0x12, 0xb5]));
        assert_eq!(attr(&data, LINK), Some(7u32.to_ne_bytes().to_vec()));
        assert_eq!(attr(&data, TTL), Some(vec![64]));
        assert_eq!(attr(&data, LEARNING), Some(vec![1]));
    }

    #[test]
    fn rules_between_options() {
        let e = |s: &str| parse_kind(&KIND, s, &[("eth0", 7)]).unwrap_err().to_string();
        assert_eq!(e("dstport 0"), "vxlan: missing virtual network identifier");
        assert_eq!(e("id 1 group 239.1.1.1 dstport 0"), "vxlan: 'group' requires 'dev' to be specified");
        assert_eq!(e("id 1 remote 192.0.2.1 group 239.1.1.1"), "vxlan: both group and remote cannot be specified");
        assert_eq!(e("id 1 nolearning nolearning"), "Error: either \"nolearning\" is duplicate, or \"nolearning\" is a garbage.");
        assert_eq!(e("id 16777216"), "Error: argument \"16777216\" is wrong: invalid id");
        assert_eq!(e("external id 5 dstport 0"), "vxlan: both 'external' and vni cannot be specified");
        assert_eq!(e("id 1 remote 239.1.1.1"), "Error: argument \"239.1.1.1\" is wrong: invalid remote address");
    }

    #[test]
    fn prints_like_iproute2() {
        let data = parse_kind(&KIND, "id 5 remote 1.2.3.4 dstport 4789 ttl auto srcport 10 20 nolearning tos inherit", &[]).unwrap();
        assert_eq!(render("vxlan", &data, false), "id 5 remote 1.2.3.4 srcport 10 20 dstport 4789 nolearning tos inherit ttl auto ");
        let json = render("vxlan", &data, true);
        assert!(json.contains("\"port_range\":{\"low\":10,\"high\":20}"), "{json}");
        assert!(json.contains("\"learning\":false"), "{json}");
        assert!(json.contains("\"tos\":\"0x1\""), "{json}");
        assert!(json.contains("\"ttl\":0"), "{json}");
    }
}
