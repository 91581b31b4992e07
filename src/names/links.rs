//! Interface index ↔ name. Loaded once per command with one link dump
//! (before any other dump starts on the socket), like iproute2's `ll_init_map`.

use std::collections::HashMap;

use netlink_packet_core::DefaultNla;
use netlink_packet_route::link::{LinkAttribute, LinkMessage};
use netlink_packet_route::RouteNetlinkMessage;

use crate::error::Result;
use crate::netlink::Netlink;

#[derive(Default)]
pub struct LinkNames {
    by_index: Option<HashMap<u32, String>>,
}

impl LinkNames {
    /// Fill the map from a link dump, once.
    pub fn load(&mut self, nl: &mut Netlink) -> Result<()> {
        if self.by_index.is_some() {
            return Ok(());
        }
        let map = nl.collect_parsed(RouteNetlinkMessage::GetLink(LinkMessage::default()), |map: &mut HashMap<u32, String>, m| {
            if let RouteNetlinkMessage::NewLink(link) = m {
                if let Some(name) = link.attributes.iter().find_map(|a| match a {
                    LinkAttribute::IfName(n) => Some(n.clone()),
                    _ => None,
                }) {
                    map.insert(link.header.index, name);
                }
            }
            Ok(())
        })?;
        self.by_index = Some(map);
        Ok(())
    }

    /// Remember one name (tests build the map from captured messages).
    pub fn insert(&mut self, index: u32, name: &str) {
        self.by_index.get_or_insert_with(HashMap::new).insert(index, name.to_string());
    }

    pub fn name(&self, index: u32) -> Option<&str> {
        self.by_index.as_ref()?.get(&index).map(String::as_str)
    }

    /// iproute2's `ll_index_to_name`: the name, or `if%d` when unknown.
    pub fn name_or_if(&self, index: u32) -> String {
        self.name(index).map_or_else(|| format!("if{index}"), str::to_owned)
    }

    pub fn index(&self, name: &str) -> Option<u32> {
        self.by_index.as_ref()?.iter().find(|(_, n)| n.as_str() == name).map(|(i, _)| *i)
    }

    /// Forget the map (after a command changed links, in batch mode).
    pub fn invalidate(&mut self) {
        self.by_index = None;
    }
}

const IFLA_EXT_MASK: u16 = 29;
const IFLA_ALT_IFNAME: u16 = 53;
/// RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS, as iproute2 asks for single links.
const EXT_MASK_VF_SKIP_STATS: u32 = 1 | 8;
const IFNAMSIZ: usize = 16;

/// `check_ifname`: what the kernel accepts as a device name.
pub fn valid_ifname(name: &str) -> bool {
    name.len() < IFNAMSIZ && valid_altname(name)
}

/// `check_altifname`: non-empty, no `/`, no white space.
pub fn valid_altname(name: &str) -> bool {
    !name.is_empty() && !name.bytes().any(|c| c == b'/' || matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
}

/// RTM_GETLINK for one device by name (IFLA_IFNAME, or IFLA_ALT_IFNAME for
/// names the kernel would not take as a plain name). Errors stay quiet.
/// Never print from its answer: it may run before queued requests.
pub fn get_link(nl: &mut Netlink, name: &str) -> Option<LinkMessage> {
    if name.is_empty() {
        return None;
    }
    let mut req = LinkMessage::default();
    req.attributes.push(LinkAttribute::Other(DefaultNla::new(IFLA_EXT_MASK, EXT_MASK_VF_SKIP_STATS.to_ne_bytes().to_vec())));
    if valid_ifname(name) {
        req.attributes.push(LinkAttribute::IfName(name.to_string()));
    } else {
        let mut b = name.as_bytes().to_vec();
        b.push(0);
        req.attributes.push(LinkAttribute::Other(DefaultNla::new(IFLA_ALT_IFNAME, b)));
    }
    // A lookup: with `-force -batch` it need not wait for queued routes.
    match nl.lookup(RouteNetlinkMessage::GetLink(req)) {
        Ok(RouteNetlinkMessage::NewLink(l)) => Some(l),
        _ => None,
    }
}

/// iproute2's `ll_name_to_index`: the device by name or altname; then what
/// libc's `if_nametoindex` finds (its ioctl ignores an alias label, so
/// `v0:1` finds `v0`); then `ifN` read as index N. 0 when nothing matches.
pub fn ll_name_to_index(nl: &mut Netlink, name: &str) -> u32 {
    if let Some(l) = get_link(nl, name) {
        return l.header.index;
    }
    let base = name.split(':').next().unwrap_or(name);
    // IFNAMSIZ - 1 bytes, as C cuts it, but not inside a character.
    let mut end = base.len().min(IFNAMSIZ - 1);
    while !base.is_char_boundary(end) {
        end -= 1;
    }
    let base = &base[..end];
    if base != name && valid_ifname(base) {
        if let Some(l) = get_link(nl, base) {
            return l.header.index;
        }
    }
    index_from_if_name(name)
}

/// `ifN` names index N (iproute2's `ll_idx_a2n`: sscanf "if%u").
pub fn index_from_if_name(name: &str) -> u32 {
    name.strip_prefix("if")
        .and_then(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u64>().ok()
        })
        .map_or(0, |n| n as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_names_and_validity() {
        assert_eq!(index_from_if_name("if12"), 12);
        assert_eq!(index_from_if_name("if12x"), 12);
        assert_eq!(index_from_if_name("eth0"), 0);
        assert!(valid_ifname("v0"));
        assert!(!valid_ifname("a/b"));
        assert!(!valid_ifname("sixteen-chars-xx"));
        assert!(valid_altname("sixteen-chars-xx"));
    }
}
