//! One address as `ip` prints it (iproute2's `print_addrinfo`):
//! `    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0` and the
//! lifetime line, or its JSON object in `addr_info`.

use std::io::{self, Write};

use super::filter::Filter;
use super::flags::{self, Shown};
use crate::cli::options::{Family, Options};
use crate::names::links::Links;
use crate::names::tables::{scope_name, NumBuf};
use crate::netlink::addr::*;
use crate::print::addr::{family_name, AddrBuf, AF_INET, AF_INET6};
use crate::print::{Color, Out, Printer};

const INFINITY_LIFE_TIME: u32 = u32::MAX;

/// The parts of an address message the printer and the filters look at,
/// read in place.
pub struct Addr<'a> {
    pub msg: AddrMsg<'a>,
    pub family: u8,
    pub flags: u32,
    /// IFA_LOCAL, or IFA_ADDRESS when there is no local.
    pub local: Option<&'a [u8]>,
    /// IFA_ADDRESS, or IFA_LOCAL when there is no address.
    pub address: Option<&'a [u8]>,
    pub label: Option<&'a [u8]>,
    pub broadcast: Option<&'a [u8]>,
    pub anycast: Option<&'a [u8]>,
    pub metric: Option<u32>,
    /// (valid, preferred) lifetimes.
    pub lifetimes: Option<(u32, u32)>,
}

impl<'a> Addr<'a> {
    pub fn of(msg: AddrMsg<'a>) -> Self {
        let local = msg.get(IFA_LOCAL).or(msg.get(IFA_ADDRESS));
        let address = msg.get(IFA_ADDRESS).or(local);
        // struct ifa_cacheinfo: ifa_prefered, ifa_valid, cstamp, tstamp.
        let lifetimes = msg.get(IFA_CACHEINFO).and_then(|c| {
            Some((crate::netlink::attr::u32_of(c.get(4..)?)?, crate::netlink::attr::u32_of(c)?))
        });
        Addr {
            family: msg.family,
            flags: msg.u32(IFA_FLAGS).unwrap_or(u32::from(msg.flags)),
            local,
            address,
            label: msg.label(),
            broadcast: msg.get(IFA_BROADCAST),
            anycast: msg.get(IFA_ANYCAST),
            metric: msg.u32(IFA_RT_PRIORITY),
            lifetimes,
            msg,
        }
    }

    pub fn index(&self) -> u32 {
        self.msg.index
    }

    pub fn scope(&self) -> u8 {
        self.msg.scope
    }

    /// The selection of `filter` (iproute2 applies it in `print_addrinfo`
    /// and again when choosing which links to list).
    pub fn selected(&self, f: &Filter, links: &Links) -> bool {
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
        if !self.label_matches(f, links) {
            return false;
        }
        !f.outside_to(self.local.and_then(|l| ip_of(self.family, l)))
    }

    fn label_matches(&self, f: &Filter, links: &Links) -> bool {
        let Some(pattern) = &f.label else { return true };
        let name;
        let label = match self.label {
            Some(l) => l,
            None => {
                name = links.name(self.index());
                name.as_bytes()
            }
        };
        fnmatch(&crate::cli::bytes::bytes(pattern), label)
    }
}

/// An address attribute as an `IpAddr`, for the `to PREFIX` match.
fn ip_of(family: u8, b: &[u8]) -> Option<std::net::IpAddr> {
    match family {
        AF_INET => <[u8; 4]>::try_from(b.get(..4)?).ok().map(|a| a.into()),
        AF_INET6 => <[u8; 16]>::try_from(b.get(..16)?).ok().map(|a| a.into()),
        _ => None,
    }
}

/// C's `fnmatch(pattern, text, 0)`, on bytes.
pub fn fnmatch(pattern: &[u8], text: &[u8]) -> bool {
    let (Ok(p), Ok(t)) = (std::ffi::CString::new(pattern), std::ffi::CString::new(text)) else {
        return false;
    };
    // SAFETY: two valid NUL-terminated strings that outlive the call.
    unsafe { libc::fnmatch(p.as_ptr(), t.as_ptr(), 0) == 0 }
}

/// How the address line starts.
pub struct Style<'a> {
    pub opts: &'a Options,
    /// `-o`, flushing or `-echo`: prefix the line with `INDEX: DEV`.
    pub with_dev: bool,
    pub links: &'a Links,
}

/// Print one address (its filters already applied by the caller).
pub fn print_addr<W: Write>(p: &mut Printer<W>, a: &Addr, deleted: bool, st: &Style) -> io::Result<()> {
    let brief = st.opts.brief;
    if deleted {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    }
    if !brief {
        if st.with_dev {
            let dev = st.links.name(a.index());
            if p.is_json() {
                p.json_num("index", a.index() as i32)?;
                p.bytes_c(Out::Json, Color::None, Some("dev"), "", dev.as_bytes())?;
            } else {
                p.text_fmt("{}: ", &a.index())?;
                p.bytes_c(Out::Text, Color::None, None, "{}", dev.as_bytes())?;
            }
        }
        match family_name(a.family) {
            Some(name) => p.str("family", "    {} ", name)?,
            None => p.num("family_index", "    family {} ", a.family)?,
        }
    }
    let color = Color::for_family(a.family);
    if let Some(local) = a.local {
        p.string_c(Out::Any, color, Some("local"), "{}", AddrBuf::addr(a.family, local).as_str())?;
        if let Some(peer) = a.address.filter(|x| *x != local) {
            p.text(" peer ")?;
            p.string_c(Out::Any, color, Some("address"), "{}", AddrBuf::addr(a.family, peer).as_str())?;
        }
        p.num("prefixlen", "/{} ", a.msg.prefix_len)?;
        if let Some(m) = a.metric {
            p.num("metric", "metric {} ", m)?;
        }
    }
    if brief {
        return Ok(());
    }
    if let Some(b) = a.broadcast {
        p.text("brd ")?;
        p.string_c(Out::Any, color, Some("broadcast"), "{} ", AddrBuf::addr(a.family, b).as_str())?;
    }
    if let Some(any) = a.anycast {
        p.text("any ")?;
        p.string_c(Out::Any, color, Some("anycast"), "{} ", AddrBuf::addr(a.family, any).as_str())?;
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
        p.str_bytes("label", "{}", label)?;
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
    fn fnmatch_globs() {
        assert!(fnmatch(b"eth*", b"eth0:1"));
        assert!(!fnmatch(b"eth?", b"eth10"));
        assert!(fnmatch(b"v1:*", b"v1:\xff"));
    }
}
