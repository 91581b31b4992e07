//! `route`: iproute2's `iproute.c`. Listing and flushing are in `show.rs`
//! (with `filter.rs` deciding what is shown and `print.rs` printing one
//! route), changes in `modify.rs`, lookups in `get.rs`. Route messages are
//! read in place (`msg.rs`), addresses printed by `addr.rs`.

mod addr;
pub mod filter;
pub mod get;
mod modify;
pub mod msg;
pub mod print;
mod show;

use netlink_packet_route::link::{InfoData, InfoKind, InfoVrf, LinkAttribute, LinkInfo, LinkMessage};
use netlink_packet_route::RouteNetlinkMessage;

use crate::error::{Error, Result, Topic};
use crate::netlink::Netlink;
use crate::Context;

pub use get::get;
pub use modify::{add, append, change, delete, prepend, replace, test};
pub use show::{flush, show};

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

/// The link message for `name`, if there is such a device.
fn link_by_name(nl: &mut Netlink, name: &str) -> Option<LinkMessage> {
    if name.is_empty() || name.len() >= 16 {
        return None;
    }
    let mut req = LinkMessage::default();
    req.attributes.push(LinkAttribute::IfName(name.to_string()));
    match nl.query(RouteNetlinkMessage::GetLink(req), 0) {
        Ok(RouteNetlinkMessage::NewLink(l)) => Some(l),
        _ => None,
    }
}

/// `ipvrf_get_table`: the table of VRF device `name`; `default` is main
/// when no such device exists; 0 when `name` is not a VRF.
pub fn vrf_table(nl: &mut Netlink, name: &str) -> u32 {
    let Some(link) = link_by_name(nl, name) else {
        return if name == "default" { crate::names::tables::RT_TABLE_MAIN } else { 0 };
    };
    let infos = link.attributes.iter().find_map(|a| match a {
        LinkAttribute::LinkInfo(i) => Some(i),
        _ => None,
    });
    let Some(infos) = infos else { return 0 };
    if !infos.iter().any(|i| matches!(i, LinkInfo::Kind(InfoKind::Vrf))) {
        return 0;
    }
    let table = infos.iter().find_map(|i| match i {
        LinkInfo::Data(InfoData::Vrf(v)) => v.iter().find_map(|x| match x {
            InfoVrf::TableId(t) => Some(*t),
            _ => None,
        }),
        _ => None,
    });
    match table {
        Some(t) => t,
        None => {
            crate::netlink::pipeline::say(format!("BUG: VRF {name} is missing table id"));
            0
        }
    }
}

/// `name_is_vrf`: the index of VRF device `name`, or 0.
pub fn vrf_index(nl: &mut Netlink, name: &str) -> u32 {
    let Some(link) = link_by_name(nl, name) else { return 0 };
    let is_vrf = link.attributes.iter().any(|a| match a {
        LinkAttribute::LinkInfo(i) => i.iter().any(|x| matches!(x, LinkInfo::Kind(InfoKind::Vrf))),
        _ => false,
    });
    if is_vrf {
        link.header.index
    } else {
        0
    }
}

fn unsupported(ctx: &Context, what: &str) -> Error {
    Error::Failure(format!("\"{} route {what}\" is not supported by rtun.", ctx.prog))
}

pub fn save(ctx: &mut Context, _args: &[String]) -> Result<()> {
    Err(unsupported(ctx, "save"))
}

pub fn restore(ctx: &mut Context, _args: &[String]) -> Result<()> {
    Err(unsupported(ctx, "restore"))
}

pub fn showdump(ctx: &mut Context, _args: &[String]) -> Result<()> {
    Err(unsupported(ctx, "showdump"))
}
