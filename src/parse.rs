//! Parsing values from the command line the way iproute2's `utils.c` does:
//! C's `strtoul` (base 0: `0x` hex, leading `0` octal), dotted quads that may
//! be short (`10.1` = 10.1.0.0), prefixes, netmasks, link-layer addresses.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::cli::options::Family;
use crate::error::{Error, Result};

/// C's `strtoul(s, &end, base)` on a 64-bit machine: returns the value
/// (wrapping for a leading `-`, saturating on overflow) and the unparsed
/// rest, or None when no digits were read.
pub fn strtoul(s: &str, base: u32) -> Option<(u64, bool, &str)> {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (base, digits) = match base {
        0 if (t.starts_with("0x") || t.starts_with("0X")) && t[2..].starts_with(|c: char| c.is_ascii_hexdigit()) => (16, &t[2..]),
        0 if t.starts_with('0') => (8, t),
        0 => (10, t),
        16 if (t.starts_with("0x") || t.starts_with("0X")) && t[2..].starts_with(|c: char| c.is_ascii_hexdigit()) => (16, &t[2..]),
        b => (b, t),
    };
    // Digits are ASCII: read bytes (a batch parses millions of numbers).
    let digit = |c: u8| match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => u32::MAX,
    };
    let bytes = digits.as_bytes();
    let len = bytes.iter().position(|&c| digit(c) >= base).unwrap_or(bytes.len());
    if len == 0 {
        return None;
    }
    let mut overflow = false;
    let mut v: u64 = 0;
    for &c in &bytes[..len] {
        let d = u64::from(digit(c));
        match v.checked_mul(base as u64).and_then(|x| x.checked_add(d)) {
            Some(x) => v = x,
            None => overflow = true,
        }
    }
    if overflow {
        v = u64::MAX;
    } else if neg {
        v = v.wrapping_neg();
    }
    Some((v, overflow, &digits[len..]))
}

fn unsigned_max(s: &str, base: u32, max: u64) -> Option<u64> {
    match strtoul(s, base)? {
        (v, false, "") if v <= max => Some(v),
        _ => None,
    }
}

/// C's `sscanf(s, "%u-%u")` (`%hu` alike: the caller truncates): how many
/// numbers were read, and the two values as `strtoul` reads them (leading
/// white space and a sign allowed, anything after the second ignored).
pub fn scan_range(s: &str) -> (usize, u64, u64) {
    let Some((first, _, rest)) = strtoul(s, 10) else { return (0, 0, 0) };
    let Some(rest) = rest.strip_prefix('-') else { return (1, first, 0) };
    match strtoul(rest, 10) {
        Some((second, _, _)) => (2, first, second),
        None => (1, first, 0),
    }
}

/// `get_unsigned(…, 0)`.
pub fn get_unsigned(s: &str) -> Option<u32> {
    unsigned_max(s, 0, u32::MAX as u64).map(|v| v as u32)
}

pub fn get_u32(s: &str, base: u32) -> Option<u32> {
    unsigned_max(s, base, u32::MAX as u64).map(|v| v as u32)
}

pub fn get_u16(s: &str, base: u32) -> Option<u16> {
    unsigned_max(s, base, u16::MAX as u64).map(|v| v as u16)
}

pub fn get_u8(s: &str, base: u32) -> Option<u8> {
    unsigned_max(s, base, u8::MAX as u64).map(|v| v as u8)
}

pub fn get_u64(s: &str, base: u32) -> Option<u64> {
    match strtoul(s, base)? {
        (v, false, "") => Some(v),
        _ => None,
    }
}

/// C's `strtol` then the range of `int` (`get_integer`, `get_s32`).
pub fn get_integer(s: &str, base: u32) -> Option<i32> {
    let t = s.trim_start();
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if body.starts_with(['-', '+']) {
        return None;
    }
    let (v, overflow, rest) = strtoul(body, base)?;
    if overflow || !rest.is_empty() {
        return None;
    }
    let v = i64::try_from(v).ok()?;
    i32::try_from(if neg { -v } else { v }).ok()
}

/// iproute2's `get_addr_ipv4`: up to four parts, each `strtoul(…, 0)` ≤ 255.
pub fn get_addr_ipv4(s: &str) -> Option<Ipv4Addr> {
    let mut out = [0u8; 4];
    let mut cp = s;
    for (i, slot) in out.iter_mut().enumerate() {
        let (n, _, rest) = strtoul(cp, 0)?;
        if n > 255 {
            return None;
        }
        *slot = n as u8;
        if rest.is_empty() {
            break;
        }
        if i == 3 || !rest.starts_with('.') {
            return None;
        }
        cp = &rest[1..];
    }
    Some(Ipv4Addr::from(out))
}

/// What an address word stood for (iproute2's `inet_prefix`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Addr {
    /// `default`: prefix length 0, marked as given.
    Default(Family),
    /// `all` / `any`.
    Any(Family),
    Ip(IpAddr),
}

/// A parsed `ADDR[/LEN]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prefix {
    pub addr: Addr,
    /// Prefix length in bits (the full length when none was given).
    pub len: u8,
    /// Whether `/LEN` was written (or the word was `default`).
    pub len_given: bool,
}

impl Prefix {
    pub fn family(&self) -> Family {
        match &self.addr {
            Addr::Default(f) | Addr::Any(f) => *f,
            Addr::Ip(IpAddr::V4(_)) => Family::Inet,
            Addr::Ip(IpAddr::V6(_)) => Family::Inet6,
        }
    }

    pub fn ip(&self) -> Option<IpAddr> {
        match self.addr {
            Addr::Ip(ip) => Some(ip),
            _ => None,
        }
    }
}

pub fn bit_len(f: Family) -> u8 {
    match f {
        Family::Inet => 32,
        Family::Inet6 => 128,
        Family::Mpls => 20,
        _ => 0,
    }
}

/// `get_addr_1`: an address of `family` (Unspec: either).
pub fn get_addr_1(s: &str, family: Family) -> Option<Addr> {
    if s == "default" {
        return (family != Family::Mpls).then_some(Addr::Default(family));
    }
    if s == "all" || s == "any" {
        return (family != Family::Mpls).then_some(Addr::Any(family));
    }
    if s.contains(':') {
        if !matches!(family, Family::Unspec | Family::Inet6) {
            return None;
        }
        return s.parse::<Ipv6Addr>().ok().map(|a| Addr::Ip(IpAddr::V6(a)));
    }
    if !matches!(family, Family::Unspec | Family::Inet) {
        return None;
    }
    get_addr_ipv4(s).map(|a| Addr::Ip(IpAddr::V4(a)))
}

/// `get_netmask`: a number, or a dotted-quad mask turned into its length.
fn get_netmask(s: &str) -> Option<u32> {
    if let Some(v) = get_unsigned(s) {
        return Some(v);
    }
    match get_addr_1(s, Family::Inet)? {
        Addr::Ip(IpAddr::V4(m)) => {
            let bits = u32::from(m);
            let len = bits.leading_ones();
            (bits.checked_shl(len).unwrap_or(0) == 0).then_some(len)
        }
        _ => None,
    }
}

/// `get_prefix_1`: `ADDR[/LEN]`, or None if malformed.
pub fn get_prefix_1(s: &str, family: Family) -> Option<Prefix> {
    let (a, len) = match s.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (s, None),
    };
    let addr = get_addr_1(a, family)?;
    let full = match &addr {
        Addr::Default(f) | Addr::Any(f) => bit_len(*f),
        Addr::Ip(IpAddr::V4(_)) => 32,
        Addr::Ip(IpAddr::V6(_)) => 128,
    };
    let special = !matches!(addr, Addr::Ip(_));
    match len {
        Some(l) => {
            if special {
                return None;
            }
            let plen = get_netmask(l)?;
            if plen > full as u32 {
                return None;
            }
            Some(Prefix { addr, len: plen as u8, len_given: true })
        }
        None => {
            let given = matches!(addr, Addr::Default(_));
            Some(Prefix { len: if special { 0 } else { full }, addr, len_given: given })
        }
    }
}

fn family_name_verbose(f: Family) -> &'static str {
    match f {
        Family::Unspec => "any valid",
        Family::Inet => "inet",
        Family::Inet6 => "inet6",
        Family::Packet => "link",
        Family::Mpls => "mpls",
        Family::Bridge => "bridge",
    }
}

/// `get_prefix`: as `get_prefix_1`, with iproute2's error (exit 1, fatal).
pub fn get_prefix(s: &str, family: Family) -> Result<Prefix> {
    if family == Family::Packet {
        return Err(Error::Fatal(format!(
            "Error: \"{s}\" may be inet prefix, but it is not allowed in this context."
        )));
    }
    get_prefix_1(s, family).ok_or_else(|| {
        Error::Fatal(format!("Error: {} prefix is expected rather than \"{s}\".", family_name_verbose(family)))
    })
}

/// `get_addr`: as `get_addr_1`, with iproute2's error (exit 1, fatal).
pub fn get_addr(s: &str, family: Family) -> Result<Addr> {
    get_addr_1(s, family).ok_or_else(|| {
        Error::Fatal(format!("Error: {} address is expected rather than \"{s}\".", family_name_verbose(family)))
    })
}

/// `ll_addr_a2n`: `aa:bb:cc…` (or a dotted quad) into at most `max` bytes.
/// On error iproute2 prints `"PART" is invalid lladdr.` — returned as Err.
pub fn lladdr(s: &str, max: usize) -> std::result::Result<Vec<u8>, String> {
    if s.contains('.') {
        return match get_addr_1(s, Family::Inet) {
            Some(Addr::Ip(IpAddr::V4(a))) if max >= 4 => Ok(a.octets().to_vec()),
            _ => Err(format!("\"{s}\" is invalid lladdr.")),
        };
    }
    let mut out = Vec::new();
    let mut rest = s;
    while out.len() < max {
        let (part, next) = match rest.split_once(':') {
            Some((p, n)) => (p, Some(n)),
            None => (rest, None),
        };
        // sscanf("%x") reads leading hex digits, allowing a 0x prefix and whitespace.
        let t = part.trim_start();
        let t = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).filter(|r| r.starts_with(|c: char| c.is_ascii_hexdigit())).unwrap_or(t);
        let digits: String = t.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
        let v = u64::from_str_radix(&digits, 16).ok().filter(|v| *v <= 255);
        match v {
            Some(v) => out.push(v as u8),
            None => return Err(format!("\"{part}\" is invalid lladdr.")),
        }
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strtoul_like_c() {
        assert_eq!(get_unsigned("0x10"), Some(16));
        assert_eq!(get_unsigned("010"), Some(8));
        assert_eq!(get_unsigned(" 7"), Some(7));
        assert_eq!(get_unsigned("7x"), None);
        assert_eq!(get_unsigned("-1"), None);
        assert_eq!(get_unsigned(""), None);
        assert_eq!(get_unsigned("4294967296"), None);
        assert_eq!(get_integer("-5", 0), Some(-5));
    }

    #[test]
    fn short_dotted_quads() {
        assert_eq!(get_addr_ipv4("10"), Some(Ipv4Addr::new(10, 0, 0, 0)));
        assert_eq!(get_addr_ipv4("10.1"), Some(Ipv4Addr::new(10, 1, 0, 0)));
        assert_eq!(get_addr_ipv4("1.2.3.4.5"), None);
        assert_eq!(get_addr_ipv4("256.1.1.1"), None);
    }

    #[test]
    fn prefixes() {
        let p = get_prefix_1("192.0.2.1/24", Family::Unspec).unwrap();
        assert_eq!((p.len, p.len_given), (24, true));
        let p = get_prefix_1("192.0.2.0/255.255.255.0", Family::Unspec).unwrap();
        assert_eq!(p.len, 24);
        assert!(get_prefix_1("192.0.2.1/33", Family::Unspec).is_none());
        assert!(get_prefix_1("2001:db8::1/64", Family::Inet).is_none());
        let p = get_prefix_1("default", Family::Inet6).unwrap();
        assert_eq!((p.len, p.len_given), (0, true));
    }

    #[test]
    fn lladdrs() {
        assert_eq!(lladdr("02:00:00:00:00:01", 32).unwrap(), vec![2, 0, 0, 0, 0, 1]);
        assert!(lladdr("zz:00", 32).is_err());
    }
}
