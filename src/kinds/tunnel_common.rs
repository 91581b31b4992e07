//! Pieces every IP tunnel speaks the same way, whether created as a link
//! kind (`link add type gre …`, `src/kinds/gre.rs` …) or through the
//! `tunnel` object: GRE keys as numbers or dotted quads, endpoint
//! addresses, TTL/TOS words, and the current
//! IFLA_INFO_DATA that `link set` starts from (iproute2's tunnel.c and the
//! shared parts of link_gre.c, link_iptnl.c …).

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{unknown_word, Attrs, KindEnv};
use crate::cli::grammar::{Keyword, Value, Word};
use crate::cli::words::{lookup, Words};
use crate::netlink::attr::AttrWriter;
use crate::cli::options::Family;
use crate::error::{invarg, no_device, Error, Result};
use crate::parse::{get_addr, get_addr_1, get_u32, get_u8, get_unsigned, Addr};
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

/// A keyword with a value, for the kinds' tables.
pub const fn kw(names: &'static [Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

/// A keyword without a value.
pub const fn flag(names: &'static [Word], help: &'static str) -> Keyword {
    Keyword { names, value: Value::Flag, meta: "", help, supported: true }
}

/// The current IFLA_INFO_DATA of the device a `link set`/`change` names:
/// iproute2's tunnel kinds start from it, so that words not given keep
/// their values. On a device without it: "Failed to get existing tunnel
/// info." (exit 1).
pub fn current_data(env: &mut KindEnv<'_>) -> Result<Vec<u8>> {
    env.lookup
        .info_data(env.index)
        .ok_or_else(|| Error::Failure("Failed to get existing tunnel info.".into()))
}

/// A tunnel endpoint as iproute2 holds it (`inet_prefix`): None for unset,
/// `any` or `default`; an address otherwise. Only a specified (non-zero)
/// address is sent.
pub type Endpoint = Option<IpAddr>;

/// `get_addr(&x, word, AF_INET|AF_INET6)` for `local`/`remote`: errors
/// exit 1 ("Error: inet address is expected rather than …").
pub fn parse_endpoint(word: &str, v6: bool) -> Result<Endpoint> {
    let family = if v6 { Family::Inet6 } else { Family::Inet };
    Ok(match get_addr(word, family)? {
        Addr::Ip(ip) => Some(ip),
        _ => None,
    })
}

/// The bytes to send for an endpoint, if any (iproute2's
/// `is_addrtype_inet_not_unspec`).
pub fn endpoint_bytes(e: &Endpoint) -> Option<Vec<u8>> {
    match e {
        Some(IpAddr::V4(a)) if !a.is_unspecified() => Some(a.octets().to_vec()),
        Some(IpAddr::V6(a)) if !a.is_unspecified() => Some(a.octets().to_vec()),
        _ => None,
    }
}

/// An endpoint read back from the kernel (`get_addr_rta` with a family):
/// Err when its length does not fit the family.
pub fn endpoint_from_attr(b: Option<&[u8]>, v6: bool) -> Result<Endpoint> {
    let failed = || Error::Failure("Failed to get existing tunnel info.".into());
    match b {
        None => Ok(None),
        Some(b) if !v6 => <[u8; 4]>::try_from(b).map(|a| Some(IpAddr::V4(Ipv4Addr::from(a)))).map_err(|_| failed()),
        Some(b) => <[u8; 16]>::try_from(b).map(|a| Some(IpAddr::V6(Ipv6Addr::from(a)))).map_err(|_| failed()),
    }
}

/// iproute2's `get_addr32`: an IPv4 address (`any`/`default` are 0), or
/// exit 1 with "Error: an IP address is expected rather than …".
pub fn get_addr32(word: &str) -> Result<Ipv4Addr> {
    match get_addr_1(word, Family::Inet) {
        Some(Addr::Ip(IpAddr::V4(a))) => Ok(a),
        Some(Addr::Default(_) | Addr::Any(_)) => Ok(Ipv4Addr::UNSPECIFIED),
        _ => Err(Error::Fatal(format!("Error: an IP address is expected rather than \"{word}\""))),
    }
}

/// An endpoint read from a dump as `ip tunnel` reads it: the address at
/// the start of the attribute; missing or short, unset.
pub fn endpoint_at(b: Option<&[u8]>, v6: bool) -> Endpoint {
    let b = b?;
    if v6 {
        <[u8; 16]>::try_from(b.get(..16)?).ok().map(|a| IpAddr::V6(Ipv6Addr::from(a)))
    } else {
        <[u8; 4]>::try_from(b.get(..4)?).ok().map(|a| IpAddr::V4(Ipv4Addr::from(a)))
    }
}

/// A big-endian u32 (keys, flowinfo) at the start of an attribute.
pub fn be32_at(b: Option<&[u8]>) -> Option<u32> {
    Some(u32::from_be_bytes(b?.get(..4)?.try_into().ok()?))
}

/// `link set`'s check of the current data (`get_addr_rta`): each address
/// attribute present must fit its family (v6 or not), else "Failed to get
/// existing tunnel info." (exit 1).
pub fn check_addrs(a: &Attrs<'_>, addrs: &[(u16, bool)]) -> Result<()> {
    for &(attr, v6) in addrs {
        if let Some(b) = a.get(attr) {
            endpoint_from_attr(Some(b), v6)?;
        }
    }
    Ok(())
}

/// One tunnel family's typed parameters (`Gre`, `Gre6`, `IpTnl`,
/// `Ip6Tnl`, `Vti`): its IFLA_*_ attributes read from `Attrs`, its words
/// of `link add|set type KIND …`, its attributes written through
/// `AttrWriter`, side by side in one struct.
pub trait TunnelParams {
    /// The IFLA_*_LOCAL and IFLA_*_REMOTE numbers.
    const ENDS: (u16, u16);
    /// Whether the endpoints are IPv6 addresses.
    fn v6(&self) -> bool;
    /// The address attributes (and whether IPv6) `link set` checks.
    fn addrs(&self) -> Vec<(u16, bool)> {
        vec![(Self::ENDS.0, self.v6()), (Self::ENDS.1, self.v6())]
    }
    /// The attributes present in `a` replace the settings.
    fn read(&mut self, a: &Attrs<'_>);
    /// `link set`'s reading of the current data (iproute2's, where it
    /// differs from [`TunnelParams::read`]).
    fn read_current(&mut self, a: &Attrs<'_>) {
        self.read(a);
    }
    /// Apply one word (its keyword's first name); false if not one.
    fn apply(&mut self, env: &mut KindEnv<'_>, name: &str, w: &mut Words<'_>) -> Result<bool>;
    /// IFLA_INFO_DATA, in the order of iproute2's link_KIND.c.
    fn emit(&self, b: &mut AttrWriter);
}

/// `link add|set type KIND WORDS`: from `p` (on `set`, changed by the
/// device's current data), each word looked up in `table` and applied.
pub fn parse_params<P: TunnelParams>(env: &mut KindEnv<'_>, args: &[String], kind: &str, table: &[Keyword], mut p: P) -> Result<P> {
    if !env.creating {
        let cur = current_data(env)?;
        let a = Attrs::new(&cur);
        check_addrs(&a, &p.addrs())?;
        p.read_current(&a);
    }
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let known = match lookup(word, table) {
            Some(k) => p.apply(env, k.names[0].text, &mut w)?,
            None => false,
        };
        if !known {
            return Err(unknown_word(kind, None));
        }
    }
    Ok(p)
}

/// The IFLA_INFO_DATA of parameters.
pub fn data_of(p: &impl TunnelParams) -> Result<Vec<u8>> {
    let mut b = AttrWriter::new();
    p.emit(&mut b);
    Ok(b.finish()?)
}

/// `remote ADDR`, `local ADDR` and `dev NAME`, which every tunnel kind
/// takes alike (`v6`: the addresses are IPv6); false for another word.
pub fn apply_ends(
    env: &mut KindEnv<'_>,
    name: &str,
    w: &mut Words<'_>,
    v6: bool,
    ends: (&mut Endpoint, &mut Endpoint, &mut u32),
) -> Result<bool> {
    match name {
        "remote" => *ends.1 = parse_endpoint(w.value()?, v6)?,
        "local" => *ends.0 = parse_endpoint(w.value()?, v6)?,
        "dev" => *ends.2 = parse_dev(env, w.value()?)?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// The endpoints present in `a` (attributes `attrs`: local, remote).
pub fn read_endpoints(a: &Attrs<'_>, attrs: (u16, u16), v6: bool, local: &mut Endpoint, remote: &mut Endpoint) {
    *local = endpoint_at(a.get(attrs.0), v6).or(*local);
    *remote = endpoint_at(a.get(attrs.1), v6).or(*remote);
}

/// The endpoints that are set (attributes `attrs`: local, remote).
pub fn emit_endpoints(b: &mut AttrWriter, attrs: (u16, u16), local: &Endpoint, remote: &Endpoint) {
    if let Some(a) = endpoint_bytes(local) {
        b.put(attrs.0, &a);
    }
    if let Some(a) = endpoint_bytes(remote) {
        b.put(attrs.1, &a);
    }
}

/// `tnl_parse_key`, THE key parser of every tunnel (kinds and `ip
/// tunnel`): a dotted quad or an unsigned number, as the number whose
/// big-endian bytes travel. A bad dotted quad exits 1, a bad number 255,
/// with iproute2's messages.
pub fn parse_key(name: &str, word: &str) -> Result<u32> {
    if word.contains('.') {
        return get_addr32(word).map(u32::from);
    }
    get_unsigned(word).ok_or_else(|| {
        Error::Usage(format!("invalid value for \"{name}\": \"{word}\"; it should be an unsigned integer"))
    })
}

/// A key as iproute2 prints it with `-d`: the dotted quad of its bytes.
pub fn key_text(b: &[u8]) -> Option<String> {
    <[u8; 4]>::try_from(b.get(..4)?).ok().map(|a| Ipv4Addr::from(a).to_string())
}

/// `ttl TTL|inherit` of the IPv4 tunnels: 0 is inherit; other values
/// `get_u8`, with `what` in the message ("invalid TTL\n" or "invalid HLIM\n").
pub fn parse_ttl(word: &str, what: &str) -> Result<u8> {
    if word == "inherit" {
        return Ok(0);
    }
    get_u8(word, 0).ok_or_else(|| invarg(what, word))
}

/// `tos TOS|inherit` of the IPv4 tunnels: a dsfield name or hex number;
/// inherit is 1. With `slash` (`ip tunnel`), also `inherit/TOS`: iproute2
/// cuts the word at `/` in place there, so an error shows the first part.
pub fn parse_tos(word: &str, slash: bool) -> Result<u8> {
    let (head, tail) = match word.split_once('/').filter(|_| slash) {
        Some((h, t)) => (h, Some(t)),
        None => (word, None),
    };
    let (mut tos, field) = if head != "inherit" { (0, Some(head)) } else { (1, tail) };
    if let Some(f) = field {
        tos |= crate::names::tables::dsfield_id(f).ok_or_else(|| invarg("bad TOS value", head))?;
    }
    Ok(tos)
}

/// `fwmark MARK`: an unsigned 32-bit number.
pub fn parse_fwmark(word: &str) -> Result<u32> {
    get_u32(word, 0).ok_or_else(|| invarg("invalid fwmark\n", word))
}

/// `dev NAME`: its index; a missing device exits 255 (`exit(nodev())`).
pub fn parse_dev(env: &mut KindEnv<'_>, word: &str) -> Result<u32> {
    match env.lookup.index(word) {
        0 => Err(Error::Usage(no_device(word).to_string())),
        i => Ok(i),
    }
}

/// `tnl_print_endpoint`: `remote ADDR ` / `local ADDR `, `any` when the
/// attribute is missing or zero, `unknown` when it does not fit the family.
pub fn print_endpoint(s: &mut Dyn<'_>, name: &str, b: Option<&[u8]>, v6: bool) -> io::Result<()> {
    let value = match b {
        None => "any".to_string(),
        Some(b) => match endpoint_from_attr(Some(b), v6) {
            Ok(Some(ip)) if ip.is_unspecified() => "any".to_string(),
            Ok(Some(ip)) => ip.to_string(),
            _ => "unknown".to_string(),
        },
    };
    s.string_c(Out::Any, Color::None, Some(name), &format!("{name} {{}}"), &value)?;
    s.string_c(Out::Text, Color::None, None, " ", "")
}

/// `dev NAME ` for a non-zero IFLA_*_LINK.
pub fn print_link(s: &mut Dyn<'_>, a: &Attrs<'_>, attr: u16, links: &Links) -> io::Result<()> {
    match a.u32(attr) {
        Some(link) if link != 0 => s.str_bytes("link", "dev {} ", links.name(link).as_bytes()),
        _ => Ok(()),
    }
}

/// `ttl N ` (or `hoplimit N `), `… inherit ` in text for 0; JSON always
/// the number.
pub fn print_ttl(s: &mut Dyn<'_>, word: &str, ttl: u8) -> io::Result<()> {
    if s.is_json() || ttl != 0 {
        s.number_c(Out::Any, Color::None, Some("ttl"), &format!("{word} {{}} "), ttl)
    } else {
        s.string_c(Out::Text, Color::None, None, &format!("{word} {{}} "), "inherit")
    }
}

/// `tos 0xN ` of the IPv4 tunnels; 1 is `inherit` in text; 0 prints nothing.
pub fn print_tos(s: &mut Dyn<'_>, tos: u8) -> io::Result<()> {
    if tos == 0 {
        return Ok(());
    }
    if s.is_json() || tos != 1 {
        s.hex0x(Out::Any, "tos", "tos {} ", u64::from(tos))
    } else {
        s.string_c(Out::Text, Color::None, None, "tos {} ", "inherit")
    }
}

/// `fwmark 0xN ` when non-zero.
pub fn print_fwmark(s: &mut Dyn<'_>, a: &Attrs<'_>, attr: u16) -> io::Result<()> {
    match a.u32(attr) {
        Some(m) if m != 0 => s.hex0x(Out::Any, "fwmark", "fwmark {} ", u64::from(m)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_numbers_and_quads() {
        assert_eq!(parse_key("key", "42").ok(), Some(42));
        assert_eq!(parse_key("key", "0x102").ok(), Some(0x102));
        assert_eq!(parse_key("key", "1.2.3.4").ok(), Some(0x0102_0304));
        // short dotted quads fill from the left, as inet_aton would not
        assert_eq!(parse_key("key", "1.2").ok(), Some(0x0102_0000));
        let e = parse_key("ikey", "x").unwrap_err();
        assert_eq!((e.to_string().as_str(), e.exit_code()), ("invalid value for \"ikey\": \"x\"; it should be an unsigned integer", 255));
        let e = parse_key("key", "1.2.3.400").unwrap_err();
        assert_eq!((e.to_string().as_str(), e.exit_code()), ("Error: an IP address is expected rather than \"1.2.3.400\"", 1));
        assert_eq!(key_text(&[0, 0, 0, 42]).as_deref(), Some("0.0.0.42"));
    }

    #[test]
    fn ttl_and_tos_words() {
        assert_eq!(parse_ttl("inherit", "invalid TTL\n").ok(), Some(0));
        assert_eq!(parse_ttl("255", "invalid TTL\n").ok(), Some(255));
        assert_eq!(parse_ttl("256", "invalid TTL\n").unwrap_err().to_string(), "Error: argument \"256\" is wrong: invalid TTL\n");
        assert_eq!(parse_tos("inherit", false).ok(), Some(1));
        assert_eq!(parse_tos("10", false).ok(), Some(0x10));
        assert!(parse_tos("100", false).is_err());
        // `ip tunnel`'s inherit/TOS; the kinds take the word whole
        assert_eq!(parse_tos("inherit/0x20", true).ok(), Some(0x21));
        assert_eq!(parse_tos("inherit/0x20", false).unwrap_err().to_string(), "Error: argument \"inherit/0x20\" is wrong: bad TOS value");
        let e = parse_tos("inherit/zz", true).unwrap_err();
        assert_eq!(e.to_string(), "Error: argument \"inherit\" is wrong: bad TOS value");
        assert_eq!(get_addr32("10.1").ok(), Some(Ipv4Addr::new(10, 1, 0, 0)));
        assert_eq!(get_addr32("any").ok(), Some(Ipv4Addr::UNSPECIFIED));
        assert_eq!(get_addr32("::1").unwrap_err().exit_code(), 1);
    }

    #[test]
    fn endpoints() {
        assert_eq!(endpoint_bytes(&parse_endpoint("any", false).unwrap()), None);
        assert_eq!(endpoint_bytes(&parse_endpoint("0.0.0.0", false).unwrap()), None);
        assert_eq!(endpoint_bytes(&parse_endpoint("192.0.2.1", false).unwrap()), Some(vec![192, 0, 2, 1]));
        assert_eq!(parse_endpoint("2001:db8::1", false).unwrap_err().exit_code(), 1);
        assert_eq!(parse_endpoint("192.0.2.1", true).unwrap_err().to_string(), "Error: inet6 address is expected rather than \"192.0.2.1\".");
        assert!(endpoint_from_attr(Some(&[1, 2, 3, 4]), true).is_err());
        assert_eq!(endpoint_at(Some(&[1, 2, 3, 4, 5]), false), Some(IpAddr::V4(Ipv4Addr::new(1, 2, 3, 4))));
        assert_eq!(endpoint_at(Some(&[1, 2, 3, 4]), true), None);
    }
}
