//! `rtun nft add|del|show|flush RULE`: the firewall and NAT rules tunnel
//! recipes need, in rtun's own nftables table `inet rtun`, over
//! nf_tables netlink (no `nft` binary, no libnftnl).
//!
//! A rule is written in ip-style words (`rule.rs`), compiled to the
//! expressions nft would generate (`compile.rs`, `expr.rs`) and sent in
//! one batch (`batch.rs`). Rules are identified by their expressions: an
//! `add` of a rule already there does nothing, `del` removes the rule the
//! same words compile to. Other tables are only ever read.

pub mod attr;
pub mod batch;
pub mod chains;
pub mod compile;
pub mod expr;
pub mod json;
pub mod list;
pub mod protocols;
pub mod rule;

use chains::{Chain, HOOK_FORWARD, HOOK_INPUT, NFPROTO_INET, TABLE};
use expr::{Expr, NF_ACCEPT, NF_DROP};
use json::ListedRule;
use list::{kernel_error, ChainInfo, RuleInfo, TableInfo};
use crate::error::{Error, Result};
use crate::netlink::netfilter::Netfilter;
use crate::print::Printer;
use crate::Context;

fn open() -> Result<Netfilter> {
    Netfilter::open()
}

/// The rules of one of rtun's chains: (handle, expressions).
fn rules_of(nf: &mut Netfilter, chain: Chain) -> Result<Vec<(u64, Vec<Expr>)>> {
    let mut out = Vec::new();
    list::each_rule(nf, NFPROTO_INET, Some(TABLE), |r| {
        if r.chain == chain.name() {
            out.push((r.handle, r.exprs));
        }
        Ok(())
    })?;
    Ok(out)
}

fn rtun_chains(nf: &mut Netfilter) -> Result<Vec<ChainInfo>> {
    Ok(list::chains(nf, NFPROTO_INET)?.into_iter().filter(|c| c.table == TABLE).collect())
}

fn table_exists(nf: &mut Netfilter) -> Result<bool> {
    Ok(list::tables(nf, NFPROTO_INET)?.iter().any(|t| t.name == TABLE))
}

pub fn add(ctx: &mut Context, args: &[String]) -> Result<()> {
    let rule = rule::parse(args, ctx.opts.family)?;
    let chain = Chain::of(&rule.action);
    let exprs = compile::compile(&rule);
    let mut nf = open()?;
    let mut msgs = Vec::new();
    if !table_exists(&mut nf)? {
        msgs.push(batch::new_table());
    }
    let existing = rtun_chains(&mut nf)?.into_iter().find(|c| c.name == chain.name());
    if let Some(c) = &existing {
        check_chain(c, chain)?;
    }
    if existing.is_none() {
        msgs.push(batch::new_chain(chain));
    } else if rules_of(&mut nf, chain)?.iter().any(|(_, e)| *e == exprs) {
        return Ok(()); // already there: adding is idempotent
    }
    msgs.push(batch::new_rule(chain, &exprs));
    nf.batch(&msgs).map_err(kernel_error)
}

/// A chain of rtun's table changed by someone else (another type or
/// hook) would make the kernel refuse rtun's rule with a bare errno: say
/// what is wrong instead.
fn check_chain(found: &ChainInfo, chain: Chain) -> Result<()> {
    let hook = found.hook.map(|(h, _)| h);
    if found.kind.as_deref() == Some(chain.kind()) && hook == Some(chain.hook()) {
        return Ok(());
    }
    Err(Error::Failure(format!(
        "Error: chain {} of table inet {TABLE} is not the {} chain rtun makes (hook {}); \"rtun nft flush\" removes rtun's table.",
        chain.name(),
        chain.kind(),
        chains::hook_name(chain.hook()),
    )))
}

pub fn del(ctx: &mut Context, args: &[String]) -> Result<()> {
    let rule = rule::parse(args, ctx.opts.family)?;
    let chain = Chain::of(&rule.action);
    let exprs = compile::compile(&rule);
    let mut nf = open()?;
    let found = rules_of(&mut nf, chain)?.into_iter().find(|(_, e)| *e == exprs);
    let Some((handle, _)) = found else {
        return Err(Error::Kernel(format!("Error: rule \"{}\" is not in table inet {TABLE}.", rule.words())));
    };
    nf.batch(&[batch::del_rule(chain, handle)]).map_err(kernel_error)
}

pub fn flush(_ctx: &mut Context, args: &[String]) -> Result<()> {
    if let Some(w) = args.first() {
        return Err(crate::error::duparg2("flush", w));
    }
    let mut nf = open()?;
    if !table_exists(&mut nf)? {
        return Ok(());
    }
    nf.batch(&[batch::del_table()]).map_err(kernel_error)
}

/// Read rtun's table: rules understood, and notes on the others.
fn read_rules(nf: &mut Netfilter) -> Result<Vec<ListedRule>> {
    let mut rules = Vec::new();
    list::each_rule(nf, NFPROTO_INET, Some(TABLE), |r| {
        match listed(&r) {
            Some(rule) => rules.push(rule),
            None => eprintln!(
                "Note: rule handle {} in chain {} is not one rtun writes; see \"nft list table inet {TABLE}\".",
                r.handle, r.chain
            ),
        }
        Ok(())
    })?;
    Ok(rules)
}

/// A rule of rtun's table as rtun's model, if it is one rtun writes.
pub fn listed(r: &RuleInfo) -> Option<ListedRule> {
    let chain = Chain::from_name(&r.chain)?;
    compile::decompile(chain, &r.exprs).map(|rule| ListedRule { chain, handle: r.handle, rule })
}

pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    if let Some(w) = args.first() {
        return Err(crate::error::duparg2("show", w));
    }
    let mut nf = open()?;
    let table = list::tables(&mut nf, NFPROTO_INET)?.into_iter().find(|t| t.name == TABLE);
    let chains = if table.is_some() { rtun_chains(&mut nf)? } else { Vec::new() };
    let rules = if table.is_some() { read_rules(&mut nf)? } else { Vec::new() };
    let p = &mut ctx.out;
    render(p, ctx.opts.pretty, table.as_ref(), &chains, &rules)?;
    p.flush()?;
    let hooks: Vec<u32> = [(Chain::Input, HOOK_INPUT), (Chain::Forward, HOOK_FORWARD)]
        .into_iter()
        .filter(|(c, _)| rules.iter().any(|r| r.chain == *c))
        .map(|(_, h)| h)
        .collect();
    if !hooks.is_empty() {
        warn_drops(&mut nf, &hooks)?;
    }
    Ok(())
}

/// `nft show`'s output: nft's JSON schema, or one line of words per rule.
pub fn render<W: std::io::Write>(p: &mut Printer<W>, pretty: bool, table: Option<&TableInfo>, chains: &[ChainInfo], rules: &[ListedRule]) -> Result<()> {
    if p.is_json() {
        let doc = json::document(table, chains, rules);
        let text = if pretty { serde_json::to_string_pretty(&doc) } else { serde_json::to_string(&doc) };
        let text = text.map_err(|e| Error::Failure(format!("cannot write JSON: {e}")))?;
        p.text_always(&text)?;
        p.text_always("\n")?;
    } else {
        for r in rules {
            p.str("rule", "{}", &r.rule.words())?;
            p.text("\n")?;
        }
    }
    Ok(())
}

fn family_name(f: u8) -> &'static str {
    match f {
        1 => "inet",
        2 => "ip",
        10 => "ip6",
        3 => "arp",
        5 => "netdev",
        7 => "bridge",
        _ => "?",
    }
}

/// nftables runs every base chain on a hook, so an accept in rtun's table
/// does not override another table's drop: say so on stderr for each
/// other base chain on `hooks` that drops (by policy or by a rule).
fn warn_drops(nf: &mut Netfilter, hooks: &[u32]) -> Result<()> {
    let others: Vec<ChainInfo> = list::chains(nf, 0)?
        .into_iter()
        .filter(|c| matches!(c.family, 1 | 2 | 10) && !(c.family == NFPROTO_INET && c.table == TABLE))
        .filter(|c| c.hook.is_some_and(|(h, _)| hooks.contains(&h)))
        .collect();
    if others.is_empty() {
        return Ok(());
    }
    let mut dropping: Vec<(String, String, String)> = Vec::new();
    list::each_rule(nf, 0, None, |r| {
        let drops = r.exprs.iter().any(|e| matches!(e, Expr::Verdict { code } if *code == NF_DROP) || matches!(e, Expr::Other { name } if name == "reject"));
        if drops {
            dropping.push((family_name(r.family).to_string(), r.table, r.chain));
        }
        Ok(())
    })?;
    for c in &others {
        let hook = chains::hook_name(c.hook.map_or(0, |h| h.0));
        let fam = family_name(c.family);
        let what = if c.policy.is_some_and(|p| p as i32 != NF_ACCEPT) {
            "has policy drop"
        } else if dropping.iter().any(|(f, t, n)| f == fam && *t == c.table && *n == c.name) {
            "has drop rules"
        } else {
            continue;
        };
        eprintln!(
            "Note: table {fam} {} chain {} (hook {hook}) {what}: an accept in table inet {TABLE} does not override it.",
            c.table, c.name
        );
    }
    Ok(())
}
