//! `link-netns NAME`: the name under /run/netns of the namespace a link's
//! peer lives in, found by asking the kernel for each named namespace's id
//! (iproute2's `get_name_from_nsid`). Built once, on first need, over a
//! socket of its own so that it can run in the middle of a dump.

use std::collections::HashMap;
use std::os::fd::AsRawFd;
use std::sync::OnceLock;

use netlink_packet_route::nsid::{NsidAttribute, NsidMessage};
use netlink_packet_route::RouteNetlinkMessage;

use crate::netlink::Netlink;

const NETNS_RUN_DIR: &str = "/run/netns";

fn map() -> &'static HashMap<i32, String> {
    static MAP: OnceLock<HashMap<i32, String>> = OnceLock::new();
    MAP.get_or_init(scan)
}

/// The names under /run/netns by the id this namespace gives each (read
/// now; the first name read for an id wins, as in iproute2's cache).
pub fn scan() -> HashMap<i32, String> {
    let mut map = HashMap::new();
    let Ok(dir) = std::fs::read_dir(NETNS_RUN_DIR) else { return map };
    let Ok(mut nl) = Netlink::open(None) else { return map };
    for entry in dir.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(id) = nsid_of(&mut nl, &entry.path()) {
            map.entry(id).or_insert(name);
        }
    }
    map
}

fn nsid_of(nl: &mut Netlink, path: &std::path::Path) -> Option<i32> {
    let file = std::fs::File::open(path).ok()?;
    let mut req = NsidMessage::default();
    req.attributes.push(NsidAttribute::Fd(file.as_raw_fd() as u32));
    match nl.query(RouteNetlinkMessage::GetNsId(req), 0).ok()? {
        RouteNetlinkMessage::NewNsId(m) => m.attributes.iter().find_map(|a| match a {
            NsidAttribute::Id(id) if *id >= 0 => Some(*id),
            _ => None,
        }),
        _ => None,
    }
}

/// The /run/netns name of namespace `id` as seen from here, if it has one.
pub fn name_of(id: i32) -> Option<String> {
    if id < 0 {
        return None;
    }
    map().get(&id).cloned()
}
