//! `nexthop`: iproute2's `ipnexthop.c`. Nexthop objects (a gateway and a
//! device, a blackhole, or a group of other nexthops) that routes name by
//! id (`route add … nhid N`). `msg.rs` reads RTM_NEWNEXTHOP in place and
//! prints one nexthop (also for `route show -d`'s `nh_info`), `list.rs`
//! lists, gets and flushes, `modify.rs` adds, replaces and deletes,
//! `bucket.rs` lists the buckets of resilient groups.

mod bucket;
pub mod cache;
pub mod grammar;
mod list;
mod modify;
pub mod msg;

use crate::error::{invarg, Error, Result, Topic};

pub use bucket::bucket;
pub use list::{flush, get, show};
pub use modify::{add, delete, replace};

pub const RTM_NEWNEXTHOP: u16 = 104;
pub const RTM_DELNEXTHOP: u16 = 105;
pub const RTM_GETNEXTHOP: u16 = 106;
pub const RTM_NEWNEXTHOPBUCKET: u16 = 116;
pub const RTM_DELNEXTHOPBUCKET: u16 = 117;
pub const RTM_GETNEXTHOPBUCKET: u16 = 118;

pub const NHA_ID: u16 = 1;
pub const NHA_GROUP: u16 = 2;
pub const NHA_GROUP_TYPE: u16 = 3;
pub const NHA_BLACKHOLE: u16 = 4;
pub const NHA_OIF: u16 = 5;
pub const NHA_GATEWAY: u16 = 6;
pub const NHA_ENCAP: u16 = 8;
pub const NHA_GROUPS: u16 = 9;
pub const NHA_MASTER: u16 = 10;
pub const NHA_FDB: u16 = 11;
pub const NHA_RES_GROUP: u16 = 12;
pub const NHA_RES_BUCKET: u16 = 13;

pub const NHA_RES_GROUP_BUCKETS: u16 = 1;
pub const NHA_RES_GROUP_IDLE_TIMER: u16 = 2;
pub const NHA_RES_GROUP_UNBALANCED_TIMER: u16 = 3;
pub const NHA_RES_GROUP_UNBALANCED_TIME: u16 = 4;

pub const NHA_RES_BUCKET_INDEX: u16 = 1;
pub const NHA_RES_BUCKET_IDLE_TIME: u16 = 2;
pub const NHA_RES_BUCKET_NH_ID: u16 = 3;

pub const NEXTHOP_GRP_TYPE_MPATH: u16 = 0;
pub const NEXTHOP_GRP_TYPE_RES: u16 = 1;

/// `struct nhmsg`: family, scope, protocol, reserved, flags.
pub const NHMSG_LEN: usize = 8;

/// A request's payload: `struct nhmsg`, then the attributes.
pub fn body(family: u8, protocol: u8, flags: u32, attrs: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(NHMSG_LEN + attrs.len());
    b.extend_from_slice(&[family, 0, protocol, 0]);
    b.extend_from_slice(&flags.to_ne_bytes());
    b.extend_from_slice(attrs);
    b
}

/// iproute2's `filter`: the selectors of `show`/`flush`/`bucket list`
/// and the count of flushed nexthops.
#[derive(Default, Clone, Copy)]
pub struct State {
    pub filter: list::Filter,
    pub flushed: u32,
    /// `bucket list`: the group's id and the nexthop a bucket holds.
    pub id: u32,
    pub nhid: u32,
}

thread_local! {
    /// As `ip`, what the lines of a batch before this one selected:
    /// iproute2's filter is a static it never resets.
    static KEPT: std::cell::Cell<State> = std::cell::Cell::new(State::default());
}

/// Run `f` on the selectors: as `ip` (`prog`), those earlier lines of a
/// batch left and kept for the later ones, whatever `f` makes of them;
/// as rtun, fresh ones.
fn with_state<R>(prog: &str, f: impl FnOnce(&mut State) -> R) -> R {
    let ip = prog == "ip";
    let mut st = if ip { KEPT.get() } else { State::default() };
    let r = f(&mut st);
    if ip {
        KEPT.set(st);
    }
    r
}

/// The protocol filter of earlier `ip` batch lines (the echo and `get`
/// printers apply it too).
fn kept_proto(prog: &str) -> u32 {
    with_state(prog, |st| st.filter.proto)
}

/// iproute2's `usage()`: this object's help (`cli::help`), status 255.
pub fn help() -> Error {
    Error::help(Topic::Current)
}

/// `ipnh_parse_id`.
fn parse_id(word: &str) -> Result<u32> {
    crate::parse::get_unsigned(word).ok_or_else(|| invarg("invalid id value", word))
}
