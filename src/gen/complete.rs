//! `rtun complete WHAT` (hidden): one name per line for the completion
//! scripts — interfaces from a link dump, namespaces from /run/netns, and
//! the name databases of /etc/iproute2 — plus `complete man [OBJECT]`,
//! which prints a generated man page.

use netlink_packet_route::link::{LinkAttribute, LinkMessage};
use netlink_packet_route::RouteNetlinkMessage;

use super::model::Live;
use crate::error::{Error, Result};
use crate::names::tables;
use crate::Context;

const NETNS_DIR: &str = "/run/netns";

fn usage() -> Error {
    let words: Vec<&str> = Live::ALL.iter().map(|l| l.word()).collect();
    Error::Usage(format!("Usage: rtun complete {{ {} | man [ OBJECT ] }}", words.join(" | ")))
}

/// Interface names in index order, from one RTM_GETLINK dump.
fn ifnames(ctx: &mut Context) -> Result<Vec<String>> {
    let mut found: Vec<(u32, String)> = Vec::new();
    ctx.nl()?.dump(RouteNetlinkMessage::GetLink(LinkMessage::default()), |m| {
        if let RouteNetlinkMessage::NewLink(link) = m {
            for a in &link.attributes {
                if let LinkAttribute::IfName(n) = a {
                    found.push((link.header.index, n.clone()));
                }
            }
        }
        Ok(())
    })?;
    found.sort();
    Ok(found.into_iter().map(|(_, n)| n).collect())
}

/// Named network namespaces (`ip netns list` reads the same directory).
fn netns_names() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(NETNS_DIR) else { return Vec::new() };
    let mut names: Vec<String> = dir
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(what) = args.first() else { return Err(usage()) };
    let names = match what.as_str() {
        "man" => return super::print(ctx, &super::man::page_for(args.get(1).map(String::as_str)).ok_or_else(usage)?),
        "ifnames" => ifnames(ctx)?,
        "netns" => netns_names(),
        "tables" => tables::table_names(),
        "protocols" => tables::protocol_names(),
        "scopes" => tables::scope_names(),
        _ => return Err(usage()),
    };
    let mut text = String::new();
    for n in names {
        text.push_str(&n);
        text.push('\n');
    }
    super::print(ctx, &text)
}
