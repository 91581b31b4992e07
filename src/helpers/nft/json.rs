//! `rtun -j nft show`: rtun's table as nft's JSON schema (libnftables-json),
//! written through rtun's one printer (`print::Printer`) — the document
//! `nft -j list table inet rtun` prints, apart from the metainfo object,
//! which names rtun instead of nft's version. (`-p` lays it out as every
//! other `rtun -j -p` document.)
//!
//! Each rule is written as nft shows the expressions rtun generates:
//! dependencies nft inserted itself (`meta nfproto` before `ip saddr`,
//! `meta l4proto tcp` before `tcp dport`/`tcp flags`) are left out, as
//! nft leaves them out.

use std::io::{self, Write};
use std::net::IpAddr;

use super::chains::{hook_name, Chain, TABLE};
use super::expr::NF_ACCEPT;
use super::list::{ChainInfo, TableInfo};
use super::protocols;
use super::rule::{Action, Net, Rule};
use crate::print::{Out, Printer};

/// A rule of rtun's table, read back and understood.
pub struct ListedRule {
    pub chain: Chain,
    pub handle: u64,
    pub rule: Rule,
}

/// `{"KEY": {…}}`: an object holding one named object that `fill` writes.
fn wrapped<W: Write>(p: &mut Printer<W>, key: &str, fill: impl FnOnce(&mut Printer<W>) -> io::Result<()>) -> io::Result<()> {
    p.open_object(None)?;
    p.open_object(Some(key))?;
    fill(p)?;
    p.close_object()?;
    p.close_object()
}

/// `"KEY": {"INNER": {…}}` as a member.
fn member_of<W: Write>(p: &mut Printer<W>, key: &str, inner: &str, fill: impl FnOnce(&mut Printer<W>) -> io::Result<()>) -> io::Result<()> {
    p.open_object(Some(key))?;
    p.open_object(Some(inner))?;
    fill(p)?;
    p.close_object()?;
    p.close_object()
}

/// A payload field (`ip saddr`, `tcp dport`) as the member `key`.
fn payload<W: Write>(p: &mut Printer<W>, key: &str, protocol: &str, field: &str) -> io::Result<()> {
    member_of(p, key, "payload", |p| {
        p.json_str("protocol", protocol)?;
        p.json_str("field", field)
    })
}

fn meta<W: Write>(p: &mut Printer<W>, key: &str, meta_key: &str) -> io::Result<()> {
    member_of(p, key, "meta", |p| p.json_str("key", meta_key))
}

/// A prefix as nft prints it: the bare address for a host prefix.
fn net<W: Write>(p: &mut Printer<W>, key: &str, n: &Net) -> io::Result<()> {
    if n.len == n.full_len() {
        return p.json_str(key, &n.addr.to_string());
    }
    member_of(p, key, "prefix", |p| {
        p.json_str("addr", &n.addr.to_string())?;
        p.json_num("len", n.len)
    })
}

/// `{"match": {"left": …, "right": …, "op": OP}}`.
fn matches<W: Write>(
    p: &mut Printer<W>,
    left: impl FnOnce(&mut Printer<W>) -> io::Result<()>,
    right: impl FnOnce(&mut Printer<W>) -> io::Result<()>,
    op: &str,
) -> io::Result<()> {
    wrapped(p, "match", |p| {
        left(p)?;
        right(p)?;
        p.json_str("op", op)
    })
}

/// `{"NAME": null}`: a statement without arguments (accept, masquerade).
fn bare<W: Write>(p: &mut Printer<W>, name: &str) -> io::Result<()> {
    p.open_object(None)?;
    p.null(Out::Json, name, "", "")?;
    p.close_object()
}

/// snat/dnat: `{"snat": {"addr": A, "family": "ip"|"ip6"[, "port": N]}}`.
fn nat<W: Write>(p: &mut Printer<W>, kind: &str, to: &IpAddr, port: Option<u16>) -> io::Result<()> {
    wrapped(p, kind, |p| {
        p.json_str("addr", &to.to_string())?;
        p.json_str("family", if to.is_ipv6() { "ip6" } else { "ip" })?;
        match port {
            Some(n) => p.json_num("port", n),
            None => Ok(()),
        }
    })
}

/// The statements of one rule (the `expr` array's content).
pub fn statements<W: Write>(p: &mut Printer<W>, rule: &Rule) -> io::Result<()> {
    let l3 = |n: &Net| if n.is_v6() { "ip6" } else { "ip" };
    if let Some(n) = &rule.src {
        matches(p, |p| payload(p, "left", l3(n), "saddr"), |p| net(p, "right", n), "==")?;
    }
    if let Some(n) = &rule.dst {
        matches(p, |p| payload(p, "left", l3(n), "daddr"), |p| net(p, "right", n), "==")?;
    }
    if let Some(d) = &rule.iif {
        matches(p, |p| meta(p, "left", "iifname"), |p| p.json_str("right", d), "==")?;
    }
    if let Some(d) = &rule.oif {
        matches(p, |p| meta(p, "left", "oifname"), |p| p.json_str("right", d), "==")?;
    }
    match &rule.action {
        Action::Accept { proto } => {
            // A protocol as nft prints it: its /etc/protocols name, else the number.
            let right = |p: &mut Printer<W>| match protocols::system_name(*proto) {
                Some(name) => p.json_str("right", &name),
                None => p.json_num("right", *proto),
            };
            matches(p, |p| meta(p, "left", "l4proto"), right, "==")?;
            bare(p, "accept")
        }
        Action::Forward => bare(p, "accept"),
        Action::Masquerade => bare(p, "masquerade"),
        Action::Snat { to } => nat(p, "snat", to, None),
        Action::Dnat { proto, dport, to, to_port } => {
            let l4 = if *proto == protocols::UDP { "udp" } else { "tcp" };
            matches(p, |p| payload(p, "left", l4, "dport"), |p| p.json_num("right", *dport), "==")?;
            nat(p, "dnat", to, *to_port)
        }
        Action::ClampMss { mss } => {
            matches(p, |p| payload(p, "left", "tcp", "flags"), |p| p.json_str("right", "syn"), "in")?;
            wrapped(p, "mangle", |p| {
                member_of(p, "key", "tcp option", |p| {
                    p.json_str("name", "maxseg")?;
                    p.json_str("field", "size")
                })?;
                match mss {
                    Some(n) => p.json_num("value", *n),
                    None => member_of(p, "value", "rt", |p| p.json_str("key", "mtu")),
                }
            })
        }
    }
}

fn chain_object<W: Write>(p: &mut Printer<W>, c: &ChainInfo) -> io::Result<()> {
    wrapped(p, "chain", |p| {
        p.json_str("family", "inet")?;
        p.json_str("table", TABLE)?;
        p.json_str("name", &c.name)?;
        p.json_num("handle", c.handle)?;
        if let Some(kind) = c.kind.as_deref() {
            p.json_str("type", if matches!(kind, "nat" | "route") { kind } else { "filter" })?;
        }
        if let Some((hook, prio)) = c.hook {
            if let Some(name) = Some(hook_name(hook)).filter(|n| *n != "?") {
                p.json_str("hook", name)?;
            }
            p.json_num("prio", prio)?;
            if let Some(policy) = c.policy {
                p.json_str("policy", if policy as i32 == NF_ACCEPT { "accept" } else { "drop" })?;
            }
        }
        Ok(())
    })
}

/// The whole document: metainfo, the table, its chains, then its rules,
/// and the end of the line.
pub fn document<W: Write>(p: &mut Printer<W>, table: Option<&TableInfo>, chains: &[ChainInfo], rules: &[ListedRule]) -> io::Result<()> {
    p.open_object(None)?;
    p.open_array(Out::Json, Some("nftables"), "")?;
    wrapped(p, "metainfo", |p| {
        p.json_str("version", concat!("rtun ", env!("CARGO_PKG_VERSION")))?;
        p.json_str("release_name", "rtun")?;
        p.json_num("json_schema_version", 1)
    })?;
    if let Some(t) = table {
        wrapped(p, "table", |p| {
            p.json_str("family", "inet")?;
            p.json_str("name", &t.name)?;
            p.json_num("handle", t.handle)
        })?;
        for c in chains {
            chain_object(p, c)?;
        }
        for r in rules {
            wrapped(p, "rule", |p| {
                p.json_str("family", "inet")?;
                p.json_str("table", TABLE)?;
                p.json_str("chain", r.chain.name())?;
                p.open_array(Out::Json, Some("expr"), "")?;
                statements(p, &r.rule)?;
                p.close_array(Out::Json, "")?;
                p.json_num("handle", r.handle)
            })?;
        }
    }
    p.close_array(Out::Json, "")?;
    p.close_object()?;
    p.text_always("\n")
}
