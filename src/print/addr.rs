//! Addresses as iproute2 prints them (`rt_addr_n2a`, `ll_addr_n2a`):
//! glibc's `inet_ntop` text for IPv4/IPv6 (including its `::a.b.c.d`
//! forms, which Rust's `Display` does not produce), MPLS label stacks,
//! link-layer bytes, and the family names — for routes, addresses, links
//! and kinds alike. Written through `fmt` so nothing is allocated.

use std::fmt::{self, Display, Write as _};

pub const AF_INET: u8 = libc::AF_INET as u8;
pub const AF_INET6: u8 = libc::AF_INET6 as u8;
pub const AF_MPLS: u8 = libc::AF_MPLS as u8;
const AF_PACKET: u8 = libc::AF_PACKET as u8;

/// An address of `family` held in `bytes`, ready to display.
pub struct AddrText<'a> {
    pub family: u8,
    pub bytes: &'a [u8],
}

impl Display for AddrText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.family, self.bytes) {
            (AF_INET, [a, b, c, d, ..]) => write!(f, "{a}.{b}.{c}.{d}"),
            (AF_INET6, b) if b.len() >= 16 => {
                let mut w = [0u16; 8];
                for (i, x) in w.iter_mut().enumerate() {
                    *x = u16::from_be_bytes([b[2 * i], b[2 * i + 1]]);
                }
                inet6(f, &w, &b[12..16])
            }
            (AF_MPLS, b) => mpls(f, b),
            (AF_PACKET, b) => Mac(b).fmt(f),
            _ => f.write_str("???"),
        }
    }
}

/// An address or prefix as text, built on the stack: IPv4 (nearly every
/// route) digit by digit, the rest through `AddrText`. Listing a million
/// routes then costs no allocation and no formatting machinery.
pub struct AddrBuf {
    buf: [u8; 128],
    len: usize,
}

impl AddrBuf {
    /// `ADDR`, as `rt_addr_n2a` prints it.
    #[inline(always)]
    pub fn addr(family: u8, bytes: &[u8]) -> Self {
        let mut b = AddrBuf::new();
        b.push_addr(family, bytes);
        b
    }

    /// Empty, to be written in place (`push_addr`, `push_prefix`).
    #[inline(always)]
    pub fn new() -> Self {
        AddrBuf { buf: [0; 128], len: 0 }
    }

    /// Append `addr`'s text.
    pub fn push_addr(&mut self, family: u8, bytes: &[u8]) {
        let b = self;
        match (family, bytes) {
            (AF_INET, [a0, a1, a2, a3, ..]) if b.len + 16 <= b.buf.len() => {
                // Room for the longest dotted quad (and one byte over):
                // each octet is its four bytes from `OCTETS`, the dot
                // after it overwritten by the next octet where it ends.
                let mut n = b.len;
                for x in [*a0, *a1, *a2, *a3] {
                    let (text, len) = OCTETS[x as usize];
                    b.buf[n..n + 4].copy_from_slice(&text);
                    n += len as usize + 1;
                }
                b.len = n - 1;
            }
            (AF_INET, [a0, a1, a2, a3, ..]) => {
                b.push_u8(*a0);
                for x in [a1, a2, a3] {
                    b.push_byte(b'.');
                    b.push_u8(*x);
                }
            }
            (AF_PACKET, mac) => {
                for (i, x) in mac.iter().enumerate() {
                    if i > 0 {
                        b.push_byte(b':');
                    }
                    b.push(&[HEX[(x >> 4) as usize], HEX[(x & 15) as usize]]);
                }
            }
            _ => {
                let _ = write!(b, "{}", AddrText { family, bytes });
            }
        }
    }

    /// A link-layer address of ARPHRD_* type `ty` as `ll_addr_n2a` writes
    /// it: IPv4/IPv6 text for the tunnel types, else `Mac` (iproute2 still
    /// prints the first byte of an empty address: `00`, its usual value).
    pub fn link(addr: &[u8], ty: u16) -> Self {
        match (ty, addr.len()) {
            (ARPHRD_TUNNEL | ARPHRD_SIT | ARPHRD_IPGRE, 4) => Self::addr(AF_INET, addr),
            (ARPHRD_TUNNEL6 | ARPHRD_IP6GRE, 16) => Self::addr(AF_INET6, addr),
            (_, 0) => Self::addr(AF_PACKET, &[0]),
            _ => Self::addr(AF_PACKET, addr),
        }
    }

    /// `ADDR/LEN`, or the bare address when `len` is None.
    #[inline(always)]
    pub fn prefix(family: u8, bytes: &[u8], len: Option<u8>) -> Self {
        let mut b = AddrBuf::new();
        b.push_prefix(family, bytes, len);
        b
    }

    /// Append `prefix`'s text.
    pub fn push_prefix(&mut self, family: u8, bytes: &[u8], len: Option<u8>) {
        self.push_addr(family, bytes);
        if let Some(l) = len {
            self.push_byte(b'/');
            self.push_u8(l);
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    /// The text as bytes (no UTF-8 check: for the printer's byte fields).
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// Append bytes; what does not fit is dropped (as `snprintf` would).
    fn push(&mut self, s: &[u8]) {
        let n = s.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&s[..n]);
        self.len += n;
    }

    fn push_byte(&mut self, c: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = c;
            self.len += 1;
        }
    }

    /// A byte in decimal (octets, prefix lengths).
    fn push_u8(&mut self, v: u8) {
        let (text, len) = OCTETS[v as usize];
        match self.buf.get_mut(self.len..self.len + 4) {
            // Room for all four bytes: copied whole, the length says how
            // many count.
            Some(slot) => {
                slot.copy_from_slice(&text);
                self.len += len as usize;
            }
            None => self.push(&text[..len as usize]),
        }
    }
}

/// Each byte value in decimal followed by a dot, and its digit count.
static OCTETS: [([u8; 4], u8); 256] = {
    let mut t = [([0u8; 4], 0u8); 256];
    let mut v = 0;
    while v < 256 {
        let mut text = [b'.'; 4];
        let mut digits = [b'0' + (v / 100) as u8, b'0' + (v / 10 % 10) as u8, b'0' + (v % 10) as u8];
        let len = if v >= 100 { 3 } else if v >= 10 { 2 } else { 1 };
        if len == 2 {
            digits = [digits[1], digits[2], 0];
        } else if len == 1 {
            digits = [digits[2], 0, 0];
        }
        let mut i = 0;
        while i < len {
            text[i] = digits[i];
            i += 1;
        }
        t[v] = (text, len as u8);
        v += 1;
    }
    t
};

impl fmt::Write for AddrBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push(s.as_bytes());
        Ok(())
    }
}

/// glibc `inet_ntop6`: the longest run (≥ 2) of zero words becomes `::`,
/// and `::a.b.c.d` / `::ffff:a.b.c.d` keep the IPv4 part dotted.
fn inet6(f: &mut fmt::Formatter<'_>, w: &[u16; 8], v4: &[u8]) -> fmt::Result {
    let (mut best_base, mut best_len) = (None::<usize>, 0usize);
    let (mut cur_base, mut cur_len) = (None::<usize>, 0usize);
    for (i, &x) in w.iter().enumerate() {
        if x == 0 {
            if cur_base.is_none() {
                cur_base = Some(i);
                cur_len = 1;
            } else {
                cur_len += 1;
            }
        } else if let Some(cb) = cur_base {
            if best_base.is_none() || cur_len > best_len {
                best_base = Some(cb);
                best_len = cur_len;
            }
            cur_base = None;
        }
    }
    if let Some(cb) = cur_base {
        if best_base.is_none() || cur_len > best_len {
            best_base = Some(cb);
            best_len = cur_len;
        }
    }
    if best_len < 2 {
        best_base = None;
    }
    let in_best = |i: usize| best_base.is_some_and(|b| i >= b && i < b + best_len);
    let mut i = 0;
    while i < 8 {
        if in_best(i) {
            if best_base == Some(i) {
                f.write_char(':')?;
            }
            i += 1;
            continue;
        }
        if i != 0 {
            f.write_char(':')?;
        }
        if i == 6 && best_base == Some(0) && (best_len == 6 || (best_len == 5 && w[5] == 0xffff)) {
            return write!(f, "{}.{}.{}.{}", v4[0], v4[1], v4[2], v4[3]);
        }
        write!(f, "{:x}", w[i])?;
        i += 1;
    }
    if best_base.is_some_and(|b| b + best_len == 8) {
        f.write_char(':')?;
    }
    Ok(())
}

/// `mpls_ntop`: labels joined by `/`, up to the bottom-of-stack bit.
fn mpls(f: &mut fmt::Formatter<'_>, b: &[u8]) -> fmt::Result {
    for (i, e) in b.chunks_exact(4).enumerate() {
        let v = u32::from_be_bytes([e[0], e[1], e[2], e[3]]);
        if i > 0 {
            f.write_char('/')?;
        }
        write!(f, "{}", v >> 12)?;
        if v & 0x100 != 0 {
            break;
        }
    }
    Ok(())
}

/// Link-layer bytes as `02:00:ab:00:00:01` (two lowercase hex digits a
/// byte, `:` between): the one MAC formatter.
pub struct Mac<'a>(pub &'a [u8]);

impl Display for Mac<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, x) in self.0.iter().enumerate() {
            let s = [b':', HEX[(x >> 4) as usize], HEX[(x & 15) as usize]];
            // Three ASCII bytes: always UTF-8.
            f.write_str(std::str::from_utf8(&s[usize::from(i == 0)..]).unwrap_or(""))?;
        }
        Ok(())
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// ARPHRD_* types whose link-layer address is an IP address.
const ARPHRD_TUNNEL: u16 = 768;
const ARPHRD_TUNNEL6: u16 = 769;
const ARPHRD_SIT: u16 = 776;
const ARPHRD_IPGRE: u16 = 778;
const ARPHRD_IP6GRE: u16 = 823;

/// iproute2's `family_name` (its `???` is the caller's: `ip address`
/// prints `family N` instead).
pub fn family_name(af: u8) -> Option<&'static str> {
    Some(match af as i32 {
        libc::AF_INET => "inet",
        libc::AF_INET6 => "inet6",
        libc::AF_PACKET => "link",
        libc::AF_MPLS => "mpls",
        libc::AF_BRIDGE => "bridge",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v6(s: &str) -> String {
        let a: std::net::Ipv6Addr = s.parse().unwrap();
        AddrText { family: AF_INET6, bytes: &a.octets() }.to_string()
    }

    #[test]
    fn ipv6_like_glibc() {
        assert_eq!(v6("2001:db8::1"), "2001:db8::1");
        assert_eq!(v6("::"), "::");
        assert_eq!(v6("::1"), "::1");
        assert_eq!(v6("fe80::"), "fe80::");
        assert_eq!(v6("::ffff:1.2.3.4"), "::ffff:1.2.3.4");
        assert_eq!(v6("::1.2.3.4"), "::1.2.3.4");
        assert_eq!(v6("1:0:0:2:0:0:0:3"), "1:0:0:2::3");
        assert_eq!(v6("1:0:2:3:4:5:6:7"), "1:0:2:3:4:5:6:7");
        assert_eq!(v6("ff00::"), "ff00::");
    }

    #[test]
    fn addr_buf_matches_display() {
        let every_octet = (0..=255u8).flat_map(|v| [[v, v, v, v], [v, 0, 255, 9], [100, 99, 10, v]]);
        for bytes in [[0u8, 0, 0, 0], [10, 0, 255, 1], [192, 168, 100, 254], [255, 255, 255, 255]].into_iter().chain(every_octet) {
            let shown = AddrText { family: AF_INET, bytes: &bytes }.to_string();
            assert_eq!(AddrBuf::addr(AF_INET, &bytes).as_str(), shown);
            assert_eq!(AddrBuf::prefix(AF_INET, &bytes, Some(24)).as_str(), format!("{shown}/24"));
        }
        let a: std::net::Ipv6Addr = "2001:db8::1".parse().unwrap();
        assert_eq!(AddrBuf::prefix(AF_INET6, &a.octets(), Some(128)).as_str(), "2001:db8::1/128");
        assert_eq!(AddrBuf::prefix(AF_INET6, &a.octets(), None).as_str(), "2001:db8::1");
        assert_eq!(AddrBuf::addr(AF_INET, &[1, 2]).as_str(), "???");
    }

    #[test]
    fn link_layer_addresses() {
        assert_eq!(AddrBuf::link(&[2, 0, 0xab, 0, 0, 1], 1).as_str(), "02:00:ab:00:00:01");
        assert_eq!(AddrBuf::link(&[10, 0, 0, 1], ARPHRD_TUNNEL).as_str(), "10.0.0.1");
        assert_eq!(AddrBuf::link(&[10, 0, 0, 1], 1).as_str(), "0a:00:00:01");
        assert_eq!(AddrBuf::link(&[], 1).as_str(), "00");
        let v6: std::net::Ipv6Addr = "2001:db8::1".parse().unwrap();
        assert_eq!(AddrBuf::link(&v6.octets(), ARPHRD_IP6GRE).as_str(), "2001:db8::1");
    }

    #[test]
    fn macs_and_family_names() {
        assert_eq!(Mac(&[2, 0, 0xab, 0, 0, 1]).to_string(), "02:00:ab:00:00:01");
        assert_eq!(Mac(&[]).to_string(), "");
        assert_eq!(AddrText { family: AF_PACKET, bytes: &[0xa, 0xb] }.to_string(), "0a:0b");
        assert_eq!((family_name(AF_INET6), family_name(99)), (Some("inet6"), None));
    }

    #[test]
    fn ipv4_and_mpls() {
        assert_eq!(AddrText { family: AF_INET, bytes: &[192, 0, 2, 1] }.to_string(), "192.0.2.1");
        let labels = [0x00, 0x06, 0x40, 0x00, 0x00, 0x0c, 0x81, 0x00];
        assert_eq!(AddrText { family: AF_MPLS, bytes: &labels }.to_string(), "100/200");
        assert_eq!(AddrText { family: 99, bytes: &[] }.to_string(), "???");
    }
}
