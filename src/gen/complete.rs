//! `rtun complete WHAT` (hidden): one name per line for the completion
//! scripts — interfaces from a link dump, namespaces from /run/netns, and
//! the name databases of /etc/iproute2, sysctl variables one level at a time
//! (`complete sysctl-keys PREFIX`) — plus `complete man [OBJECT]`, which
//! prints a generated man page. The scripts pass the word being completed
//! after the name; only the lists that depend on it read it.

use std::io::Write;

use netlink_packet_route::link::LinkMessage;
use netlink_packet_route::RouteNetlinkMessage;

use super::model::Live;
use crate::objects::route::grammar::TABLE_FILTERS;
use crate::error::{Error, Result};
use crate::names::tables;
use crate::netlink::link::LinkMsg;
use crate::Context;

const NETNS_DIR: &str = "/run/netns";

fn usage() -> Error {
    let words: Vec<&str> = Live::ALL.iter().map(|l| l.word()).collect();
    Error::Usage(format!("Usage: rtun complete {{ {} | man [ OBJECT ] }} [ WORD ]", words.join(" | ")))
}

/// Interface names in index order, from one RTM_GETLINK dump, one a line
/// as the bytes they are (a name need not be UTF-8).
fn ifnames(ctx: &mut Context) -> Result<Vec<u8>> {
    let mut found = ctx.nl()?.collect(RouteNetlinkMessage::GetLink(LinkMessage::default()), |found: &mut Vec<(u32, Vec<u8>)>, m| {
        match LinkMsg::from_nlmsg(m) {
            Some(l) => found.extend(l.name().map(|n| (l.index, n.to_vec()))),
            None => crate::objects::address::list::unreadable("link", m),
        }
        Ok(())
    })?;
    found.sort();
    let mut text = Vec::new();
    for (_, name) in found {
        text.extend_from_slice(&name);
        text.push(b'\n');
    }
    Ok(text)
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

const PROC_SYS: &str = "/proc/sys";

/// The names one level below the last separator of `prefix` that start
/// with it, as `sysctl` takes them: dotted (`net.ipv4.ip_forward`, a dot
/// inside a file name shown as `/`, as procps swaps them) or, when the
/// prefix is written with slashes only, slashed. Directories end with the
/// separator (`net.ipv4.`) so that completion goes on one level at a time.
fn sysctl_keys(prefix: &str) -> Vec<String> {
    let sep = if prefix.contains('/') && !prefix.contains('.') { '/' } else { '.' };
    let (parent, lead) = match prefix.rfind(sep) {
        Some(i) => (&prefix[..i], &prefix[..=i]),
        None => ("", ""),
    };
    let mut path = std::path::PathBuf::from(PROC_SYS);
    if !parent.is_empty() {
        for part in parent.split(sep) {
            // In dotted names a `/` stands for a dot of the file name.
            let part = if sep == '.' { part.replace('/', ".") } else { part.to_string() };
            if part.is_empty() || part == "." || part == ".." {
                return Vec::new();
            }
            path.push(part);
        }
    }
    let Ok(dir) = std::fs::read_dir(&path) else { return Vec::new() };
    let mut names: Vec<String> = dir
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let name = if sep == '.' { name.replace('.', "/") } else { name };
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            Some(format!("{lead}{name}{}", if is_dir { sep.to_string() } else { String::new() }))
        })
        .filter(|n| n.starts_with(prefix))
        .collect();
    names.sort();
    names
}

pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(what) = args.first() else { return Err(usage()) };
    if what == "man" {
        return super::print(ctx, &super::man::page_for(args.get(1).map(String::as_str)).ok_or_else(usage)?);
    }
    let Some(live) = Live::ALL.iter().find(|l| l.word() == what) else { return Err(usage()) };
    let names = match live {
        Live::Ifnames => {
            let text = ifnames(ctx)?;
            ctx.out.inner().write_all(&text)?;
            return Ok(());
        }
        Live::Netns => netns_names(),
        Live::Tables => tables::table_names(),
        Live::TableFilters => {
            let mut names: Vec<String> = TABLE_FILTERS.iter().map(|w| w.to_string()).collect();
            names.extend(tables::table_names());
            names
        }
        Live::Protocols => tables::protocol_names(),
        Live::Scopes => tables::scope_names(),
        Live::SysctlKeys => sysctl_keys(args.get(1).map_or("", String::as_str)),
    };
    let mut text = String::new();
    for n in names {
        text.push_str(&n);
        text.push('\n');
    }
    super::print(ctx, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sysctl_keys_go_one_level_at_a_time() {
        if !std::path::Path::new("/proc/sys/net/ipv4/ip_forward").exists() {
            return;
        }
        let top = sysctl_keys("");
        assert!(top.iter().any(|k| k == "net.") && top.iter().any(|k| k == "kernel."), "{top:?}");
        assert!(top.iter().all(|k| !k.contains("net.ipv4")));
        let forw = sysctl_keys("net.ipv4.ip_forw");
        assert!(forw.iter().any(|k| k == "net.ipv4.ip_forward") && forw.iter().all(|k| k.starts_with("net.ipv4.ip_forw")), "{forw:?}");
        assert!(sysctl_keys("net.").iter().any(|k| k == "net.ipv4."));
        assert!(sysctl_keys("net/ipv4/ip_forw").iter().any(|k| k == "net/ipv4/ip_forward"));
        assert!(sysctl_keys("net.nonexistent.").is_empty());
        assert!(sysctl_keys("net.../..").is_empty());
    }
}
