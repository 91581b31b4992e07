//! `geneve`: Generic Network Virtualization Encapsulation tunnels
//! (iproute2's iplink_geneve.c). This kernel lacks the module; the request
//! is unit-tested here and the device in a VM (link-kinds2.sh).

use std::io;
use std::net::IpAddr;

use super::vxlan::{parse_df, parse_label, parse_tos, parse_ttl, print_df_label, print_tos, print_ttl, switch};
use super::{unknown_word, Attrs, Kind, KindEnv};
use super::tunnel_common::{flag, kw};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::{Family, Options};
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, Error, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::{get_addr, get_u16, get_u32, Addr};
use crate::names::links::Links;
use crate::print::addr::{AddrBuf, AF_INET, AF_INET6};
use crate::print::{Color, Dyn, Out};

// IFLA_GENEVE_* (linux/if_link.h)
const ID: u16 = 1;
const REMOTE: u16 = 2;
const TTL: u16 = 3;
const TOS: u16 = 4;
const PORT: u16 = 5;
const COLLECT_METADATA: u16 = 6;
const REMOTE6: u16 = 7;
const UDP_CSUM: u16 = 8;
const UDP_ZERO_CSUM6_TX: u16 = 9;
const UDP_ZERO_CSUM6_RX: u16 = 10;
const LABEL: u16 = 11;
const TTL_INHERIT: u16 = 12;
const DF: u16 = 13;
const INNER_PROTO_INHERIT: u16 = 14;


/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = &[
    kw(&[p("id"), p("vni")], Value::Number, "VNI", "the virtual network identifier (0-16777215)"),
    kw(&[p("remote")], Value::Address, "ADDR", "the far end (unicast)"),
    kw(&[p("ttl"), p("hoplimit")], Value::Text, "TTL", "1-255, auto or inherit"),
    kw(&[p("tos"), p("dsfield")], Value::Text, "TOS", "a value or inherit"),
    kw(&[p("df")], Value::Choice(&["unset", "set", "inherit"]), "DF", "don't-fragment bit of outer IPv4"),
    kw(&[p("label"), p("flowlabel")], Value::Number, "LABEL", "IPv6 flow label (0-1048575)"),
    kw(&[p("dstport")], Value::Number, "PORT", "UDP destination port (6081 by default)"),
    flag(&[p("external")], "metadata mode (for tunnel routing), no VNI"),
    flag(&[p("noexternal")], "not in metadata mode"),
    flag(&[p("udpcsum")], "checksum outer UDP (IPv4)"),
    flag(&[p("noudpcsum")], "no outer UDP checksum (IPv4)"),
    flag(&[p("udp6zerocsumtx")], "send IPv6 UDP with zero checksum"),
    flag(&[p("noudp6zerocsumtx")], "checksum outer IPv6 UDP"),
    flag(&[p("udp6zerocsumrx")], "accept IPv6 UDP with zero checksum"),
    flag(&[p("noudp6zerocsumrx")], "reject IPv6 UDP with zero checksum"),
    flag(&[x("innerprotoinherit")], "carry the inner protocol (no Ethernet header)"),
    flag(&[p("help")], "show these options"),
];

pub const KIND: Kind = Kind {
    name: "geneve",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Give id and remote (or external).",
};

fn parse(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let mut seen = super::Seen::default();
    let (mut vni, mut label, mut ttl, mut tos, mut dstport) = (0u32, 0u32, 0u8, 0u8, 0u16);
    let (mut metadata, mut inner_proto_inherit) = (false, false);
    let (mut udpcsum, mut csum6tx, mut csum6rx) = (0u8, 0u8, 0u8);
    let mut daddr: Option<IpAddr> = None;
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let Some(k) = lookup(word, KEYWORDS) else {
            return Err(unknown_word("geneve", Some(format!("geneve: unknown command \"{word}\"?"))));
        };
        let name = k.names[0].text;
        match name {
            "id" => {
                let v = w.value()?;
                seen.once(ID, "id", v)?;
                vni = get_u32(v, 0).filter(|n| *n < 1 << 24).ok_or_else(|| invarg("invalid id", v))?;
            }
            "remote" => {
                let v = w.value()?;
                seen.once(REMOTE, "remote", v)?;
                match get_addr(v, Family::Unspec)? {
                    Addr::Ip(a) if !a.is_multicast() => daddr = Some(a),
                    _ => return Err(invarg("invalid remote address", v)),
                }
            }
            "ttl" => {
                let v = w.value()?;
                seen.once(TTL, "ttl", v)?;
                match parse_ttl(v)? {
                    None => out.u8(TTL_INHERIT, 1),
                    Some(t) => {
                        ttl = t;
                        &mut out
                    }
                };
            }
            "tos" => {
                let v = w.value()?;
                seen.once(TOS, "tos", v)?;
                tos = parse_tos(v)?;
            }
            "df" => {
                let v = w.value()?;
                seen.once(DF, "df", v)?;
                out.u8(DF, parse_df(v)?);
            }
            "label" => {
                let v = w.value()?;
                seen.once(LABEL, "flowlabel", v)?;
                label = parse_label(v)?;
            }
            "dstport" => {
                let v = w.value()?;
                seen.once(PORT, "dstport", v)?;
                dstport = get_u16(v, 0).ok_or_else(|| invarg("dstport", v))?;
            }
            "external" | "noexternal" => {
                seen.once(COLLECT_METADATA, word, word)?;
                metadata = name == "external";
            }
            "udpcsum" | "noudpcsum" => {
                seen.once(UDP_CSUM, word, word)?;
                udpcsum = u8::from(name == "udpcsum");
            }
            "udp6zerocsumtx" | "noudp6zerocsumtx" => {
                seen.once(UDP_ZERO_CSUM6_TX, word, word)?;
                csum6tx = u8::from(name == "udp6zerocsumtx");
            }
            "udp6zerocsumrx" | "noudp6zerocsumrx" => {
                seen.once(UDP_ZERO_CSUM6_RX, word, word)?;
                csum6rx = u8::from(name == "udp6zerocsumrx");
            }
            "innerprotoinherit" => {
                seen.once(INNER_PROTO_INHERIT, word, word)?;
                inner_proto_inherit = true;
            }
            "help" => return Err(super::help("geneve", 1, false)),
            _ => return Err(unknown_word("geneve", None)),
        }
    }
    let set = |attr: u16| seen.has(attr);
    let fail = |m: &str| Err(Error::Failure(m.to_string()));
    if metadata && set(ID) {
        return fail("geneve: both 'external' and vni cannot be specified");
    }
    if !metadata {
        if !set(ID) {
            return fail("geneve: missing virtual network identifier");
        }
        if !env.set_op && daddr.is_none() {
            return fail("geneve: remote link partner not specified");
        }
    }
    out.u32(ID, vni);
    match daddr {
        Some(IpAddr::V4(a)) => out.put(REMOTE, &a.octets()),
        Some(IpAddr::V6(a)) => out.put(REMOTE6, &a.octets()),
        None => &mut out,
    };
    if !env.set_op || set(LABEL) {
        out.be32(LABEL, label);
    }
    if !env.set_op || set(TTL) {
        out.u8(TTL, ttl);
    }
    if !env.set_op || set(TOS) {
        out.u8(TOS, tos);
    }
    if dstport != 0 {
        out.be16(PORT, dstport);
    }
    if metadata {
        out.flag(COLLECT_METADATA);
    }
    if inner_proto_inherit {
        out.flag(INNER_PROTO_INHERIT);
    }
    for (attr, v) in [(UDP_CSUM, udpcsum), (UDP_ZERO_CSUM6_TX, csum6tx), (UDP_ZERO_CSUM6_RX, csum6rx)] {
        if set(attr) {
            out.u8(attr, v);
        }
    }
    Ok(out.finish()?)
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, _links: &Links) -> io::Result<()> {
    if tb.has(COLLECT_METADATA) {
        s.bool(Out::Any, "external", "external ", true)?;
    }
    if let Some(id) = tb.u32(ID) {
        s.number_c(Out::Any, Color::None, Some("id"), "id {} ", id)?;
    }
    if let Some(a) = tb.get(REMOTE) {
        if a.get(..4).is_some_and(|a| a != [0; 4]) {
            s.string_c(Out::Any, Color::None, Some("remote"), "remote {} ", AddrBuf::addr(AF_INET, a).as_str())?;
        }
    } else if let Some(a) = tb.get(REMOTE6).and_then(|a| a.get(..16)) {
        // Neither the unspecified address nor a multicast one (ff…).
        if a != [0; 16] && a[0] != 0xff {
            s.string_c(Out::Any, Color::None, Some("remote6"), "remote {} ", AddrBuf::addr(AF_INET6, a).as_str())?;
        }
    }
    print_ttl(s, tb.u8(TTL_INHERIT).is_some_and(|v| v != 0), tb.u8(TTL))?;
    print_tos(s, tb.u8(TOS))?;
    print_df_label(s, tb.u8(DF), tb.get(LABEL))?;
    if let Some(port) = tb.be16(PORT) {
        s.number_c(Out::Any, Color::None, Some("port"), "dstport {} ", port)?;
    }
    switch(s, tb, UDP_CSUM, "udp_csum", "udpcsum")?;
    switch(s, tb, UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx", "udp6zerocsumtx")?;
    switch(s, tb, UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx", "udp6zerocsumrx")?;
    if tb.has(INNER_PROTO_INHERIT) {
        s.bool(Out::Any, "inner_proto_inherit", "innerprotoinherit ", true)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render};
    use super::*;

    #[test]
    fn request_in_iproute2_order() {
        let data = parse_kind(&KIND, "ttl inherit id 5 remote 192.0.2.1 df set dstport 6081 noudpcsum", &[]).unwrap();
        assert_eq!(
            raw_attrs(&data),
            vec![
                (TTL_INHERIT, vec![1]),
                (DF, vec![1]),
                (ID, 5u32.to_ne_bytes().to_vec()),
                (REMOTE, vec![192, 0, 2, 1]),
                (LABEL, vec![0; 4]),
                (TTL, vec![0]),
                (TOS, vec![0]),
                (PORT, vec![0x17, 0xc1]),
                (UDP_CSUM, vec![0]),
            ]
        );
        assert_eq!(render("geneve", &data, false), "id 5 remote 192.0.2.1 ttl inherit df set dstport 6081 noudpcsum ");
        let json = render("geneve", &data, true);
        assert!(json.contains("\"udp_csum\":false"), "{json}");
    }

    #[test]
    fn ipv6_and_label() {
        let data = parse_kind(&KIND, "vni 7 remote 2001:db8::1 flowlabel 0x12345 tos 0x10 ttl 64", &[]).unwrap();
        assert_eq!(render("geneve", &data, false), "id 7 remote 2001:db8::1 ttl 64 tos 0x10 flowlabel 0x12345 ");
        assert!(render("geneve", &data, true).contains("\"remote6\":\"2001:db8::1\""));
    }

    #[test]
    fn errors() {
        let e = |s: &str| parse_kind(&KIND, s, &[]).unwrap_err().to_string();
        assert_eq!(e("id 1"), "geneve: remote link partner not specified");
        assert_eq!(e("remote 192.0.2.1"), "geneve: missing virtual network identifier");
        assert_eq!(e("external id 1"), "geneve: both 'external' and vni cannot be specified");
        assert_eq!(e("id 1 id 2"), "Error: either \"id\" is duplicate, or \"2\" is a garbage.");
        assert_eq!(e("id 1 remote 239.0.0.1"), "Error: argument \"239.0.0.1\" is wrong: invalid remote address");
        assert_eq!(e("id 1 ttl 256"), "Error: argument \"256\" is wrong: TTL must be <= 255");
        assert_eq!(e("id 1 innerproto"), "geneve: unknown command \"innerproto\"?");
    }
}
