//! One address as `ip` prints it (iproute2's `print_addrinfo`):
//! `    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0` and the
//! lifetime line, or its JSON object in `addr_info`.

use std::io::{self, Write};
use std::net::{IpAddr, Ipv6Addr};

use netlink_packet_route::address::{AddressAttribute, AddressMessage};

use super::filter::Filter;
use super::flags::{self, Shown};
use crate::names::tables::{scope_name, NumBuf};
use crate::cli::options::{Family, Options};
use crate::objects::link::show::LinkTable;
use crate::print::{Color, Out, Printer};

const INFINITY_LIFE_TIME: u32 = u32::MAX;
const AF_INET: u8 = libc::AF_INET as u8;
const AF_INET6: u8 = libc::AF_INET6 as u8;

/// The parts of an address message the printer and the filters look at.
pub struct Addr<'a> {
    pub msg: &'a AddressMessage,
    pub family: u8,
    pub flags: u32,
    /// IFA_LOCAL, or IFA_ADDRESS when there is no local.
    pub local: Option<IpAddr>,
    /// IFA_ADDRESS, or IFA_LOCAL when there is no address.
    pub address: Option<IpAddr>,
    pub label: Option<&'a str>,
    pub broadcast: Option<IpAddr>,
    pub anycast: Option<IpAddr>,
    pub metric: Option<u32>,
    /// (valid, preferred) lifetimes.
    pub lifetimes: Option<(u32, u32)>,
}

impl<'a> Addr<'a> {
    pub fn of(msg: &'a AddressMessage) -> Self {
        let mut a = Addr {
            msg,
            family: u8::from(msg.header.family),
            flags: u32::from(msg.header.flags.bits()),
            local: None,
            address: None,
            label: None,
            broadcast: None,
            anycast: None,
            metric: None,
            lifetimes: None,
        };
        let mut flags_attr = None;
        for attr in &msg.attributes {
            match attr {
                AddressAttribute::Local(ip) => a.local = Some(*ip),
                AddressAttribute::Address(ip) => a.address = Some(*ip),
                AddressAttribute::Label(l) => a.label = Some(l),
                AddressAttribute::Broadcast(ip) => a.broadcast = Some(IpAddr::V4(*ip)),
                AddressAttribute::Anycast(ip) => a.anycast = Some(IpAddr::V6(*ip)),
                AddressAttribute::RoutePriority(m) => a.metric = Some(*m),
                AddressAttribute::CacheInfo(c) => a.lifetimes = Some((c.ifa_valid, c.ifa_preferred)),
                AddressAttribute::Flags(f) => flags_attr = Some(f.bits()),
                _ => {}
            }
        }
        if let Some(f) = flags_attr {
            a.flags = f;
        }
        if a.local.is_none() {
            a.local = a.address;
        }
        if a.address.is_none() {
            a.address = a.local;
        }
        a
    }

    pub fn index(&self) -> u32 {
        self.msg.header.index
    }

    pub fn scope(&self) -> u8 {
        u8::from(self.msg.header.scope)
    }

    /// The selection of `filter` (iproute2 applies it in `print_addrinfo`
    /// and again when choosing which links to list).
    pub fn selected(&self, f: &Filter, table: &LinkTable) -> bool {
        if f.ifindex != 0 && f.ifindex != self.index() {
            return false;
        }
        if (f.scope ^ self.scope()) & f.scopemask != 0 {
            return false;
        }
        if (f.flags ^ self.flags) & f.flagmask != 0 {
            return false;
        }
        if f.family != Family::Unspec && f.family.af() != self.family {
            return false;
        }
        if !self.label_matches(f, table) {
            return false;
        }
        !f.outside_to(self.local)
    }

    fn label_matches(&self, f: &Filter, table: &LinkTable) -> bool {
        let Some(pattern) = &f.label else { return true };
        let label = match self.label {
            Some(l) => l.to_string(),
            None => table.name_or_if(self.index()),
        };
        fnmatch(pattern, &label)
    }
}

/// C's `fnmatch(pattern, text, 0)`.
pub fn fnmatch(pattern: &str, text: &str) -> bool {
    let (Ok(p), Ok(t)) = (std::ffi::CString::new(pattern), std::ffi::CString::new(text)) else {
        return false;
    };
    // SAFETY: two valid NUL-terminated strings that outlive the call.
    unsafe { libc::fnmatch(p.as_ptr(), t.as_ptr(), 0) == 0 }
}

/// An address as glibc's `inet_ntop` writes it (IPv4-compatible IPv6
/// addresses keep their dotted tail, which Rust's formatter does not).
pub fn ntop(ip: &IpAddr) -> String {
    match ip {
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => ntop6(a),
    }
}

fn ntop6(a: &Ipv6Addr) -> String {
    let s = a.segments();
    if s[..6].iter().all(|w| *w == 0) && s[6] != 0 {
        let o = a.octets();
        return format!("::{}.{}.{}.{}", o[12], o[13], o[14], o[15]);
    }
    a.to_string()
}

fn family_color(family: u8) -> Color {
    match family {
        AF_INET => Color::Inet,
        AF_INET6 => Color::Inet6,
        _ => Color::None,
    }
}

fn family_name(family: u8) -> Option<&'static str> {
    Some(match i32::from(family) {
        libc::AF_INET => "inet",
        libc::AF_INET6 => "inet6",
        libc::AF_PACKET => "link",
        libc::AF_MPLS => "mpls",
        libc::AF_BRIDGE => "bridge",
        _ => return None,
    })
}

/// How the address line starts.
pub struct Style<'a> {
    pub opts: &'a Options,
    /// `-o`, flushing or `-echo`: prefix the line with `INDEX: DEV`.
    pub with_dev: bool,
    pub table: &'a LinkTable,
}

/// Print one address (its filters already applied by the caller).
pub fn print_addr<W: Write>(p: &mut Printer<W>, a: &Addr, deleted: bool, st: &Style) -> io::Result<()> {
    let brief = st.opts.brief;
    if deleted {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    }
    if !brief {
        if st.with_dev {
            let dev = st.table.name_or_if(a.index());
            if p.is_json() {
                p.json_num("index", a.index() as i32)?;
                p.json_str("dev", &dev)?;
            } else {
                p.text_fmt("{}", &format_args!("{}: {}", a.index(), dev))?;
            }
        }
        match family_name(a.family) {
            Some(name) => p.str("family", "    {} ", name)?,
            None => p.num("family_index", "    family {} ", a.family)?,
        }
    }
    let color = family_color(a.family);
    if let Some(local) = &a.local {
        p.string_c(Out::Any, color, Some("local"), "{}", &ntop(local))?;
        if let Some(peer) = a.address.as_ref().filter(|x| *x != local) {
            p.text(" peer ")?;
            p.string_c(Out::Any, color, Some("address"), "{}", &ntop(peer))?;
        }
        p.num("prefixlen", "/{} ", a.msg.header.prefix_len)?;
        if let Some(m) = a.metric {
            p.num("metric", "metric {} ", m)?;
        }
    }
    if brief {
        return Ok(());
    }
    if let Some(b) = &a.broadcast {
        p.text("brd ")?;
        p.string_c(Out::Any, color, Some("broadcast"), "{} ", &ntop(b))?;
    }
    if let Some(any) = &a.anycast {
        p.text("any ")?;
        p.string_c(Out::Any, color, Some("anycast"), "{} ", &ntop(any))?;
    }
    p.str("scope", "scope {} ", scope_name(a.scope(), st.opts.numeric, &mut NumBuf::new()))?;
    for shown in flags::shown(a.flags, a.family == AF_INET6) {
        match shown {
            Shown::Name(name @ ("dynamic" | "temporary")) => p.bool(Out::Any, name, &format!("{name} "), true)?,
            Shown::Name(name) => {
                p.text_fmt("{} ", &name)?;
                p.bool(Out::Json, name, "", true)?;
            }
            Shown::Rest(bits) => {
                if p.is_json() {
                    p.json_str("ifa_flags", &format!("{bits:02x}"))?;
                } else {
                    p.text_fmt("flags {} ", &format_args!("{bits:02x}"))?;
                }
            }
        }
    }
    if let Some(label) = a.label {
        p.str("label", "{}", label)?;
    }
    if let Some((valid, preferred)) = a.lifetimes {
        p.nl()?;
        p.text("       valid_lft ")?;
        if valid == INFINITY_LIFE_TIME {
            p.json_num("valid_life_time", INFINITY_LIFE_TIME)?;
            p.text("forever")?;
        } else {
            p.num("valid_life_time", "{}sec", valid)?;
        }
        p.text(" preferred_lft ")?;
        if preferred == INFINITY_LIFE_TIME {
            p.json_num("preferred_life_time", INFINITY_LIFE_TIME)?;
            p.text("forever")?;
        } else if a.flags & flags::DEPRECATED != 0 {
            p.num("preferred_life_time", "{}sec", preferred as i32)?;
        } else {
            p.num("preferred_life_time", "{}sec", preferred)?;
        }
    }
    p.text("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inet_ntop_forms() {
        assert_eq!(ntop(&"::1.2.3.4".parse().unwrap()), "::1.2.3.4");
        assert_eq!(ntop(&"::2".parse().unwrap()), "::2");
        assert_eq!(ntop(&"::ffff:1.2.3.4".parse().unwrap()), "::ffff:1.2.3.4");
        assert_eq!(ntop(&"2001:db8::1".parse().unwrap()), "2001:db8::1");
    }

    #[test]
    fn fnmatch_globs() {
        assert!(fnmatch("eth*", "eth0:1"));
        assert!(!fnmatch("eth?", "eth10"));
    }
}
