//! The nexthops a route listing names (`nhid N`), asked once each on a
//! second socket while the listing's dump runs (iproute2's `nh_cache`):
//! `route show -d` prints each as `nh_info`.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::netlink::attr::AttrWriter;
use crate::netlink::{Netlink, Outgoing};

use super::msg::Nexthop;
use super::{body, NHA_ID, RTM_GETNEXTHOP};

enum Side {
    Closed,
    Open(Box<Netlink>),
    /// Never ask (printers fed captured messages), or no socket.
    Offline,
}

/// Nexthop messages by id; None: asked, and the kernel had none.
pub struct Cache {
    known: RefCell<HashMap<u32, Option<Vec<u8>>>>,
    side: RefCell<Side>,
    family: u8,
}

impl Cache {
    /// A cache that asks the kernel, with `family` in its requests (ip's
    /// preferred family).
    pub fn new(family: u8) -> Self {
        Cache { known: RefCell::default(), side: RefCell::new(Side::Closed), family }
    }

    /// A cache that never asks: every id is unknown.
    pub fn offline() -> Self {
        Cache { known: RefCell::default(), side: RefCell::new(Side::Offline), family: 0 }
    }

    /// What `read` makes of nexthop `id`, asked for once; None when the
    /// kernel has no such nexthop (or cannot be asked).
    pub fn with<R>(&self, id: u32, read: impl FnOnce(&Nexthop) -> R) -> Option<R> {
        if !self.known.borrow().contains_key(&id) {
            let msg = self.ask(id);
            self.known.borrow_mut().insert(id, msg);
        }
        let known = self.known.borrow();
        let msg = known.get(&id)?.as_deref()?;
        Nexthop::from_nlmsg(msg).map(|nh| read(&nh))
    }

    /// ip's `ipnh_cache_process_nlmsg` for a notification: a new
    /// nexthop's message kept (replacing the one known), a deleted one
    /// forgotten (asked again if named later).
    pub fn note(&self, nh: &Nexthop, msg: &[u8]) {
        let mut known = self.known.borrow_mut();
        if nh.kind == super::RTM_DELNEXTHOP {
            known.remove(&nh.id());
        } else {
            known.insert(nh.id(), Some(msg.to_vec()));
        }
    }

    fn ask(&self, id: u32) -> Option<Vec<u8>> {
        let mut side = self.side.borrow_mut();
        if matches!(*side, Side::Closed) {
            *side = Netlink::open(None).map_or(Side::Offline, |nl| Side::Open(Box::new(nl)));
        }
        let Side::Open(nl) = &mut *side else { return None };
        let mut w = AttrWriter::new();
        w.u32(NHA_ID, id);
        let body = body(self.family, 0, 0, &w.finish().ok()?);
        match nl.query_raw(Outgoing::Raw { kind: RTM_GETNEXTHOP, body: &body }, 0, <[u8]>::to_vec) {
            Ok(m) => Some(m),
            // `rtnl_talk` says why, as ip does, and the route goes without.
            Err(e) => {
                crate::netlink::pipeline::say(e.message());
                None
            }
        }
    }
}
