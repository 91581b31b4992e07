//! `rtun -j nft show`: rtun's table as nft's JSON schema (libnftables-json),
//! built with the `nftables` crate's types — the document
//! `nft -j list table inet rtun` prints, apart from the metainfo object,
//! which names rtun instead of nft's version.
//!
//! Each rule is written as nft shows the expressions rtun generates:
//! dependencies nft inserted itself (`meta nfproto` before `ip saddr`,
//! `meta l4proto tcp` before `tcp dport`/`tcp flags`) are left out, as
//! nft leaves them out.

use std::borrow::Cow;
use std::net::IpAddr;

use nftables::expr::{Expression, Meta, MetaKey, NamedExpression, Payload, PayloadField, Prefix, RTKey, TcpOption, RT};
use nftables::schema::{self, MetainfoObject, NfListObject, NfObject, Nftables};
use nftables::stmt::{Mangle, Match, NATFamily, Operator, Statement, NAT};
use nftables::types::{NfChainPolicy, NfChainType, NfFamily, NfHook};

use super::chains::{Chain, HOOK_FORWARD, HOOK_INPUT, HOOK_POSTROUTING, HOOK_PREROUTING, TABLE};
use super::expr::NF_ACCEPT;
use super::list::{ChainInfo, TableInfo};
use super::protocols;
use super::rule::{Action, Net, Rule};

fn string(s: impl Into<String>) -> Expression<'static> {
    Expression::String(Cow::Owned(s.into()))
}

fn matches(left: Expression<'static>, op: Operator, right: Expression<'static>) -> Statement<'static> {
    Statement::Match(Match { left, right, op })
}

fn payload(protocol: &str, field: &str) -> Expression<'static> {
    Expression::Named(NamedExpression::Payload(Payload::PayloadField(PayloadField {
        protocol: Cow::Owned(protocol.to_string()),
        field: Cow::Owned(field.to_string()),
    })))
}

fn meta(key: MetaKey) -> Expression<'static> {
    Expression::Named(NamedExpression::Meta(Meta { key }))
}

/// A prefix as nft prints it: the bare address for a host prefix.
fn net(n: &Net) -> Expression<'static> {
    if n.len == n.full_len() {
        string(n.addr.to_string())
    } else {
        Expression::Named(NamedExpression::Prefix(Prefix { addr: Box::new(string(n.addr.to_string())), len: u32::from(n.len) }))
    }
}

/// A protocol as nft prints it: its /etc/protocols name, else the number.
fn protocol(p: u8) -> Expression<'static> {
    protocols::system_name(p).map_or(Expression::Number(u32::from(p)), string)
}

fn nat_family(a: &IpAddr) -> NATFamily {
    if a.is_ipv6() { NATFamily::IP6 } else { NATFamily::IP }
}

/// The statements of one rule.
pub fn statements(rule: &Rule) -> Vec<Statement<'static>> {
    let mut out = Vec::new();
    let l3 = |n: &Net| if n.is_v6() { "ip6" } else { "ip" };
    if let Some(n) = &rule.src {
        out.push(matches(payload(l3(n), "saddr"), Operator::EQ, net(n)));
    }
    if let Some(n) = &rule.dst {
        out.push(matches(payload(l3(n), "daddr"), Operator::EQ, net(n)));
    }
    if let Some(d) = &rule.iif {
        out.push(matches(meta(MetaKey::Iifname), Operator::EQ, string(d.clone())));
    }
    if let Some(d) = &rule.oif {
        out.push(matches(meta(MetaKey::Oifname), Operator::EQ, string(d.clone())));
    }
    match &rule.action {
        Action::Accept { proto } => {
            out.push(matches(meta(MetaKey::L4proto), Operator::EQ, protocol(*proto)));
            out.push(Statement::Accept(None));
        }
        Action::Forward => out.push(Statement::Accept(None)),
        Action::Masquerade => out.push(Statement::Masquerade(None)),
        Action::Snat { to } => out.push(Statement::SNAT(Some(NAT {
            addr: Some(string(to.to_string())),
            family: Some(nat_family(to)),
            port: None,
            flags: None,
        }))),
        Action::Dnat { proto, dport, to, to_port } => {
            let l4 = if *proto == protocols::UDP { "udp" } else { "tcp" };
            out.push(matches(payload(l4, "dport"), Operator::EQ, Expression::Number(u32::from(*dport))));
            out.push(Statement::DNAT(Some(NAT {
                addr: Some(string(to.to_string())),
                family: Some(nat_family(to)),
                port: to_port.map(|p| Expression::Number(u32::from(p))),
                flags: None,
            })));
        }
        Action::ClampMss { mss } => {
            out.push(matches(payload("tcp", "flags"), Operator::IN, string("syn")));
            let value = match mss {
                Some(n) => Expression::Number(u32::from(*n)),
                None => Expression::Named(NamedExpression::RT(RT { key: RTKey::MTU, family: None })),
            };
            let key = Expression::Named(NamedExpression::TcpOption(TcpOption {
                name: Cow::Borrowed("maxseg"),
                field: Some(Cow::Borrowed("size")),
            }));
            out.push(Statement::Mangle(Mangle { key, value }));
        }
    }
    out
}

fn hook(n: u32) -> Option<NfHook> {
    Some(match n {
        HOOK_PREROUTING => NfHook::Prerouting,
        HOOK_INPUT => NfHook::Input,
        HOOK_FORWARD => NfHook::Forward,
        3 => NfHook::Output,
        HOOK_POSTROUTING => NfHook::Postrouting,
        _ => return None,
    })
}

fn chain_object(c: &ChainInfo) -> schema::Chain<'static> {
    schema::Chain {
        family: NfFamily::INet,
        table: Cow::Borrowed(TABLE),
        name: Cow::Owned(c.name.clone()),
        newname: None,
        handle: Some(c.handle as u32),
        _type: match c.kind.as_deref() {
            Some("nat") => Some(NfChainType::NAT),
            Some("route") => Some(NfChainType::Route),
            Some(_) => Some(NfChainType::Filter),
            None => None,
        },
        hook: c.hook.and_then(|(h, _)| hook(h)),
        prio: c.hook.map(|(_, p)| p),
        dev: None,
        policy: c.hook.and(c.policy).map(|p| if p as i32 == NF_ACCEPT { NfChainPolicy::Accept } else { NfChainPolicy::Drop }),
    }
}

/// A rule of rtun's table, read back and understood.
pub struct ListedRule {
    pub chain: Chain,
    pub handle: u64,
    pub rule: Rule,
}

/// The whole document: metainfo, the table, its chains, then its rules.
pub fn document(table: Option<&TableInfo>, chains: &[ChainInfo], rules: &[ListedRule]) -> Nftables<'static> {
    let mut objects = vec![NfObject::ListObject(NfListObject::MetainfoObject(MetainfoObject {
        version: Some(Cow::Owned(format!("rtun {}", env!("CARGO_PKG_VERSION")))),
        release_name: Some(Cow::Borrowed("rtun")),
        json_schema_version: Some(1),
    }))];
    if let Some(t) = table {
        objects.push(NfObject::ListObject(NfListObject::Table(schema::Table {
            family: NfFamily::INet,
            name: Cow::Owned(t.name.clone()),
            handle: Some(t.handle as u32),
        })));
        for c in chains {
            objects.push(NfObject::ListObject(NfListObject::Chain(chain_object(c))));
        }
        for r in rules {
            objects.push(NfObject::ListObject(NfListObject::Rule(schema::Rule {
                family: NfFamily::INet,
                table: Cow::Borrowed(TABLE),
                chain: Cow::Borrowed(r.chain.name()),
                expr: Cow::Owned(statements(&r.rule)),
                handle: Some(r.handle as u32),
                index: None,
                comment: None,
            })));
        }
    }
    Nftables { objects: Cow::Owned(objects) }
}
