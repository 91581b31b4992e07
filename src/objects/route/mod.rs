//! `route`: iproute2's `iproute.c`. Listing and flushing are in `show.rs`
//! (with `filter.rs` deciding what is shown and `print.rs` printing one
//! route), changes in `modify.rs`, lookups in `get.rs`. Route messages are
//! read in place (`msg.rs`), addresses printed by `crate::print::addr`.

pub mod filter;
pub mod get;
pub mod grammar;
mod modify;
pub mod msg;
pub mod print;
mod restore;
mod show;

use crate::cli::bytes::bytes;
use crate::error::{Error, Topic};
use crate::names::links::vrf;
use crate::netlink::Netlink;

pub use get::get;
pub use modify::{add, append, change, delete, prepend, replace, test};
pub use restore::{restore, showdump};
pub use show::{dump_failed, flush, save, show};

/// `help` among a command's words: iproute2's `usage()`; the help of
/// the command being run (`cli::help`).
pub fn help() -> Error {
    Error::help(Topic::Current)
}

/// `ll_name_to_index`: the kernel's index for `name`, else `ifN` read as N.
pub fn ifindex(nl: &mut Netlink, name: &str) -> Option<u32> {
    let i = crate::names::links::ll_name_to_index(nl, name);
    (i != 0).then_some(i)
}

/// `ipvrf_get_table`: the table of VRF device `name`; `default` is main
/// when no such device exists; 0 when `name` is not a VRF.
pub fn vrf_table(nl: &mut Netlink, name: &str) -> u32 {
    match vrf(nl, &bytes(name)) {
        None if name == "default" => crate::names::tables::RT_TABLE_MAIN,
        None | Some(None) => 0,
        Some(Some((_, Some(table)))) => table,
        Some(Some((_, None))) => {
            crate::netlink::pipeline::say(format!("BUG: VRF {name} is missing table id"));
            0
        }
    }
}

/// `name_is_vrf`: the index of VRF device `name`, or 0.
pub fn vrf_index(nl: &mut Netlink, name: &str) -> u32 {
    match vrf(nl, &bytes(name)) {
        Some(Some((index, _))) => index,
        _ => 0,
    }
}

