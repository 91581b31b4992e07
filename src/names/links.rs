//! Interface index ↔ name. Loaded once per command with one link dump
//! (before any other dump starts on the socket), like iproute2's `ll_init_map`.

use std::collections::HashMap;

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
        let mut map = HashMap::new();
        nl.dump(RouteNetlinkMessage::GetLink(LinkMessage::default()), |m| {
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

/// The index of the interface called `name`, asked of the kernel
/// (RTM_GETLINK by IFLA_IFNAME), or None if there is none.
pub fn index_of(nl: &mut Netlink, name: &str) -> Option<u32> {
    if name.is_empty() || name.len() >= 16 {
        return None;
    }
    let mut req = LinkMessage::default();
    req.attributes.push(LinkAttribute::IfName(name.to_string()));
    match nl.query(RouteNetlinkMessage::GetLink(req), 0) {
        Ok(RouteNetlinkMessage::NewLink(l)) => Some(l.header.index),
        _ => None,
    }
}
