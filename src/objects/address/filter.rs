//! What `address show|flush` and `link show` select (iproute2's `filter`
//! in ipaddress.c), and the parsing of their shared keywords.

use std::net::IpAddr;

use super::flags;
use crate::cli::bytes::bytes;
use crate::objects::address::grammar::LIST_KEYWORDS;
use crate::cli::options::Family;
use crate::cli::words::{lookup, Words};
use crate::error::{duparg2, invarg, Error, Result};
use crate::names::links::Links;
use crate::netlink::Netlink;
use crate::parse::Prefix;

/// The selection, as parsed from the command line.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// `-4`/`-6`/`-0`, or the family of `to PREFIX`.
    pub family: Family,
    /// The device word (`dev NAME` or a bare name).
    pub dev: Option<String>,
    /// Its index, once looked up.
    pub ifindex: u32,
    pub scope: u8,
    pub scopemask: u8,
    pub flags: u32,
    pub flagmask: u32,
    pub up: bool,
    pub label: Option<String>,
    pub group: Option<i32>,
    /// iproute2's `filter.master`: 0 none, -1 `nomaster`, else an ifindex.
    pub master: i32,
    pub kind: Option<String>,
    pub slave_kind: Option<String>,
    pub to: Option<Prefix>,
}

/// Parse the words after `show`/`flush`. `help` is the command's usage
/// (iproute2 prints it for `help` and exits 255). `master` and `vrf` look
/// their device up with the kernel.
pub fn parse(args: &[String], family: Family, nl: &mut Netlink, links: &Links, help: impl Fn() -> Error) -> Result<Filter> {
    let mut f = Filter { family, ..Filter::default() };
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        // `-tentative` and the like are flag filters; no keyword starts with `-`.
        let key = if word.starts_with('-') && flags::filter_word(word).is_some() {
            "FLAG"
        } else {
            match lookup(word, LIST_KEYWORDS).and_then(|k| k.names.first()).map_or("", |n| n.text) {
                // The flag words' entry.
                "dynamic" => "FLAG",
                other => other,
            }
        };
        match key {
            "to" => {
                let v = w.value()?;
                let pfx = crate::parse::get_prefix(v, f.family)?;
                if f.family == Family::Unspec {
                    f.family = pfx.family();
                }
                f.to = Some(pfx);
            }
            "scope" => {
                let v = w.value()?;
                f.scopemask = 0xff;
                f.scope = match crate::names::tables::scope_id(v) {
                    Some(s) => s,
                    None if v == "all" => {
                        f.scopemask = 0;
                        255
                    }
                    None => return Err(invarg("invalid \"scope\"\n", v)),
                };
            }
            "up" => f.up = true,
            "label" => f.label = Some(w.value()?.to_string()),
            "group" => {
                let v = w.value()?;
                f.group = Some(crate::names::tables::group_id(v).ok_or_else(|| invarg("Invalid \"group\" value\n", v))?);
            }
            "master" => {
                let v = w.value()?;
                let index = links.index(nl, &bytes(v));
                if index == 0 {
                    return Err(invarg("Device does not exist\n", v));
                }
                f.master = index as i32;
            }
            "vrf" => {
                let v = w.value()?;
                let index = links.index(nl, &bytes(v));
                if index == 0 || !matches!(crate::names::links::vrf(nl, &bytes(v)), Some(Some(_))) {
                    return Err(invarg("Not a valid VRF name\n", v));
                }
                f.master = index as i32;
            }
            "nomaster" => f.master = -1,
            "type" => {
                let v = w.value()?;
                match v.strip_suffix("_slave") {
                    Some(k) => f.slave_kind = Some(k.to_string()),
                    None => f.kind = Some(v.to_string()),
                }
            }
            "help" => return Err(help()),
            _ => {
                let name = if key == "dev" { w.value()? } else { word };
                if key == "FLAG" || (key.is_empty() && flags::filter_word(word).is_some()) {
                    if let Some((mask, set)) = flags::filter_word(word) {
                        if set {
                            f.flags |= mask;
                        } else {
                            f.flags &= !mask;
                        }
                        f.flagmask |= mask;
                        continue;
                    }
                }
                if f.dev.is_some() {
                    return Err(duparg2("dev", name));
                }
                f.dev = Some(name.to_string());
            }
        }
    }
    Ok(f)
}

impl Filter {

    /// iproute2's `inet_addr_match_rta` against `to PREFIX`: true when the
    /// address is outside the prefix (or of the other family).
    pub fn outside_to(&self, local: Option<IpAddr>) -> bool {
        let Some(to) = &self.to else { return false };
        let Some(want) = to.ip() else { return false };
        let Some(local) = local else { return false };
        if to.len == 0 {
            return false;
        }
        prefix_differs(local, want, to.len)
    }
}

/// Whether the first `bits` bits of two addresses differ (other family: yes).
pub fn prefix_differs(a: IpAddr, b: IpAddr, bits: u8) -> bool {
    let (a, b): (Vec<u8>, Vec<u8>) = match (a, b) {
        (IpAddr::V4(a), IpAddr::V4(b)) => (a.octets().to_vec(), b.octets().to_vec()),
        (IpAddr::V6(a), IpAddr::V6(b)) => (a.octets().to_vec(), b.octets().to_vec()),
        _ => return true,
    };
    let bits = bits as usize;
    let whole = bits / 8;
    if a[..whole.min(a.len())] != b[..whole.min(b.len())] {
        return true;
    }
    let rest = bits % 8;
    if rest == 0 || whole >= a.len() {
        return false;
    }
    let mask = 0xffu8 << (8 - rest);
    (a[whole] ^ b[whole]) & mask != 0
}
