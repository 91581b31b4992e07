//! What `neigh show|flush` select (iproute2's `filter` in ipneigh.c): the
//! words parsed into a `Filter`, the dump request that lets the kernel do
//! part of it, and `accepts` for the rest.

use std::net::IpAddr;

use super::grammar::SELECTOR;
use super::msg::*;
use crate::cli::bytes::bytes;
use crate::cli::options::Family;
use crate::cli::words::{lookup, matches, Words};
use crate::error::{duparg, invarg, Error, Result, Topic};
use crate::names::links::Links;
use crate::netlink::attr::AttrWriter;
use crate::netlink::Netlink;
use crate::objects::address::filter::prefix_differs;
use crate::parse::Prefix;

/// The selection.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// `-4`/`-6`, or the family of `to PREFIX`.
    pub family: Family,
    /// The device word, and its index once looked up.
    pub dev: Option<String>,
    pub index: u32,
    /// NUD_* bits selected; 0x100 stands for NUD_NONE.
    pub state: u32,
    pub unused_only: bool,
    pub to: Option<Prefix>,
    /// 0: none; -1: `nomaster`; else the master's index.
    pub master: i32,
    pub protocol: u8,
    /// NTF_PROXY for `proxy`.
    pub ndm_flags: u8,
}

/// Parse the words after `show`/`flush` (`do_show_or_flush`); `master`
/// and `vrf` are looked up as they are read, as ip does.
pub fn parse(args: &[String], family: Family, flush: bool, nl: &mut Netlink, links: &Links) -> Result<Filter> {
    let mut f = Filter { family, ..Filter::default() };
    f.state = if flush { !u32::from(NUD_PERMANENT | NUD_NOARP) } else { 0xff & !u32::from(NUD_NOARP) };
    let mut state_given = false;
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        match lookup(word, SELECTOR).and_then(|k| k.names.first()).map_or("", |n| n.text) {
            "dev" => {
                let v = w.value()?;
                if f.dev.is_some() {
                    return Err(duparg("dev", v));
                }
                f.dev = Some(v.to_string());
            }
            "master" => {
                let v = w.value()?;
                match links.index(nl, &bytes(v)) {
                    0 => return Err(invarg("Device does not exist\n", v)),
                    i => f.master = i as i32,
                }
            }
            "vrf" => {
                let v = w.value()?;
                match crate::names::links::vrf(nl, &bytes(v)) {
                    Some(Some((i, _))) => f.master = i as i32,
                    _ => return Err(invarg("Not a valid VRF name\n", v)),
                }
            }
            "nomaster" => f.master = -1,
            "unused" => f.unused_only = true,
            "nud" => {
                let v = w.value()?;
                if !state_given {
                    state_given = true;
                    f.state = 0;
                }
                let mut state = match super::nud_state(v) {
                    Some(s) => u32::from(s),
                    None if v == "all" => {
                        if flush {
                            !u32::from(NUD_NOARP)
                        } else {
                            !0
                        }
                    }
                    None => return Err(invarg("nud state is bad", v)),
                };
                if state == 0 {
                    state = 0x100;
                }
                f.state |= state;
            }
            "proxy" => f.ndm_flags = NTF_PROXY,
            "protocol" => {
                let v = w.value()?;
                f.protocol = match crate::names::tables::protocol_id(v) {
                    Some(p) => p,
                    None if v == "all" => 0,
                    None => return Err(invarg("invalid \"protocol\"\n", v)),
                };
            }
            _ => {
                let v = if word == "to" { w.value()? } else { word };
                if matches(v, "help") {
                    return Err(Error::help(Topic::Current));
                }
                let pfx = crate::parse::get_prefix(v, f.family)?;
                if f.family == Family::Unspec {
                    f.family = pfx.family();
                }
                f.to = Some(pfx);
            }
        }
    }
    Ok(f)
}

impl Filter {
    /// The dump request (`rtnl_neighdump_req` + `ipneigh_dump_filter`): an
    /// ndmsg of the family and the proxy flag, the device and the master.
    pub fn dump_request(&self) -> Vec<u8> {
        let mut body = ndmsg(self.family.af(), 0, 0, self.ndm_flags);
        let mut w = AttrWriter::new();
        if self.index != 0 {
            w.u32(NDA_IFINDEX, self.index);
        }
        if self.master != 0 {
            w.u32(NDA_MASTER, self.master as u32);
        }
        // Two u32s cannot be too long.
        body.extend_from_slice(&w.finish().unwrap_or_default());
        body
    }

    /// What `print_neigh` skips before its master warning: another family
    /// or device, a state not selected (proxy and externally learned
    /// entries pass whatever their state).
    pub fn accepts_header(&self, n: &Neigh) -> bool {
        if self.family != Family::Unspec && self.family.af() != n.family {
            return false;
        }
        if self.index != 0 && self.index != n.ifindex {
            return false;
        }
        let state = u32::from(n.state);
        !(self.state & state == 0
            && n.flags & NTF_PROXY == 0
            && n.flags & NTF_EXT_LEARNED == 0
            && (state != 0 || self.state & 0x100 == 0))
    }

    /// What it skips after: outside `to`, another protocol, in use.
    pub fn accepts(&self, n: &Neigh) -> bool {
        if self.outside_to(n.attr(NDA_DST)) {
            return false;
        }
        if self.protocol != 0 && self.protocol != n.protocol() {
            return false;
        }
        if self.unused_only && n.cacheinfo().is_some_and(|c| c.refcnt != 0) {
            return false;
        }
        true
    }

    /// `inet_addr_match_rta` against `to PREFIX`: an address of another
    /// length than the prefix's family is outside.
    fn outside_to(&self, dst: Option<&[u8]>) -> bool {
        let (Some(to), Some(dst)) = (&self.to, dst) else { return false };
        let Some(want) = to.ip() else { return false };
        if to.len == 0 {
            return false;
        }
        let have = match (want, dst.len()) {
            (IpAddr::V4(_), 4) => IpAddr::from(<[u8; 4]>::try_from(dst).unwrap_or_default()),
            (IpAddr::V6(_), 16) => IpAddr::from(<[u8; 16]>::try_from(dst).unwrap_or_default()),
            _ => return true,
        };
        prefix_differs(have, want, to.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefix(s: &str) -> Option<Prefix> {
        crate::parse::get_prefix_1(s, Family::Unspec)
    }

    #[test]
    fn to_prefix_as_inet_addr_match_rta() {
        let f = Filter { to: prefix("192.0.2.0/24"), ..Filter::default() };
        assert!(!f.outside_to(Some(&[192, 0, 2, 9])));
        assert!(f.outside_to(Some(&[192, 0, 3, 9])));
        assert!(f.outside_to(Some(&[0; 16])));
        assert!(!f.outside_to(None));
        let all = Filter { to: prefix("0.0.0.0/0"), ..Filter::default() };
        assert!(!all.outside_to(Some(&[198, 51, 100, 1])));
    }
}
