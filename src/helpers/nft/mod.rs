//! `rtun nft add|del|show|flush RULE`: the firewall and NAT rules tunnel
//! recipes need, in rtun's own nftables table `inet rtun`, over
//! nf_tables netlink (no `nft` binary, no libnftnl).
//!
//! A rule is written in ip-style words (`rule.rs`), compiled to the
//! expressions nft would generate (`compile.rs`, `expr.rs`) and sent in
//! one batch (`batch.rs`). Rules are identified by their expressions: an
//! `add` of a rule already there does nothing, `del` removes the rule the
//! same words compile to. Other tables are only ever read.

pub mod batch;
pub mod chains;
pub mod compile;
pub mod eval;
pub mod expr;
pub mod grammar;
pub mod json;
pub mod list;
pub mod protocols;
pub mod rule;

use chains::{Chain, HOOK_FORWARD, HOOK_INPUT, NFPROTO_INET, TABLE};
use expr::{Expr, NF_ACCEPT, NF_DROP};
use json::ListedRule;
use list::{kernel_error, ChainInfo, TableInfo};
use crate::error::{Error, Result};
use crate::netlink::netfilter::{Netfilter, NfMessage};
use crate::netlink::DumpStatus;
use crate::Context;
use std::io::Write;

fn open() -> Result<Netfilter> {
    Netfilter::open()
}

/// How many times rtun reads the ruleset again when it changed under a
/// command (`nft` itself retries without a limit). Each concurrent commit
/// costs a loser one more read, so this covers many writers at once.
const ATTEMPTS: usize = 16;

/// What one look at the ruleset decided.
enum Plan {
    /// Send these messages, bound to the generation they were read at.
    Send(Vec<NfMessage>),
    /// Nothing to send: the rule is there already, or not there to delete,
    /// or rtun's table is not as rtun makes it. Holds only if the ruleset
    /// did not change while it was read.
    Settled(Result<()>),
}

/// Run `attempt` at the ruleset's current generation until it gives an
/// answer (`Some`), at most ATTEMPTS times. This is how every command
/// reads: two dumps (tables, then rules) are of one ruleset only if the
/// generation did not move meanwhile, and a dump the kernel flagged
/// interrupted means it did.
fn at_one_generation<T>(nf: &mut Netfilter, mut attempt: impl FnMut(&mut Netfilter, u32) -> Result<Option<T>>) -> Result<Option<T>> {
    for _ in 0..ATTEMPTS {
        let generation = list::generation(nf)?;
        nf.take_interrupted();
        if let Some(answer) = attempt(nf, generation)? {
            return Ok(Some(answer));
        }
    }
    Ok(None)
}

/// Whether what was read since `generation` was read is all of one ruleset.
fn unchanged(nf: &mut Netfilter, generation: u32) -> Result<bool> {
    Ok(!nf.take_interrupted() && list::generation(nf)? == generation)
}

/// Read, decide and write as one transaction, whoever else writes (another
/// rtun, nft): the batch is bound to the generation the decision was read
/// at, the kernel refuses it (ERESTART) if another commit came first, and
/// then everything is read and decided again. A lock of rtun's own could
/// not keep nft out.
fn change(nf: &mut Netfilter, mut plan: impl FnMut(&mut Netfilter) -> Result<Plan>) -> Result<()> {
    let done = at_one_generation(nf, |nf, generation| {
        Ok(match plan(nf)? {
            Plan::Send(msgs) => match nf.batch(Some(generation), &msgs) {
                Ok(()) => Some(Ok(())),
                Err(e) if e.errno == libc::ERESTART => None,
                Err(e) => Some(Err(kernel_error(e))),
            },
            Plan::Settled(outcome) => unchanged(nf, generation)?.then_some(outcome),
        })
    })?;
    done.unwrap_or_else(|| {
        Err(Error::Kernel(format!(
            "Error: the nftables ruleset changed each of the {ATTEMPTS} times rtun read it; nothing was changed."
        )))
    })
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
    change(&mut nf, |nf| {
        let mut msgs = Vec::new();
        if !table_exists(nf)? {
            msgs.push(batch::new_table()?);
        }
        let existing = rtun_chains(nf)?.into_iter().find(|c| c.name == chain.name());
        match &existing {
            Some(c) => {
                if let Err(e) = check_chain(c, chain) {
                    return Ok(Plan::Settled(Err(e)));
                }
                if rules_of(nf, chain)?.iter().any(|(_, e)| *e == exprs) {
                    return Ok(Plan::Settled(Ok(()))); // already there: adding is idempotent
                }
            }
            None => msgs.push(batch::new_chain(chain)?),
        }
        msgs.push(batch::new_rule(chain, &exprs)?);
        Ok(Plan::Send(msgs))
    })
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
    change(&mut nf, |nf| {
        Ok(match rules_of(nf, chain)?.into_iter().find(|(_, e)| *e == exprs) {
            Some((handle, _)) => Plan::Send(vec![batch::del_rule(chain, handle)?]),
            None => Plan::Settled(Err(Error::Kernel(format!(
                "Error: rule \"{}\" is not in table inet {TABLE}.",
                rule.words()
            )))),
        })
    })
}

pub fn flush(_ctx: &mut Context, args: &[String]) -> Result<()> {
    if let Some(w) = args.first() {
        return Err(crate::error::duparg2("flush", w));
    }
    let mut nf = open()?;
    change(&mut nf, |nf| {
        Ok(if table_exists(nf)? { Plan::Send(vec![batch::del_table()?]) } else { Plan::Settled(Ok(())) })
    })
}

/// What `show` reads: rtun's table, its chains and the rules rtun
/// understands, and notes for stderr — on rules it does not (printed
/// before the listing) and on other tables' drops (printed after).
#[derive(Default)]
struct Listing {
    table: Option<TableInfo>,
    chains: Vec<ChainInfo>,
    rules: Vec<ListedRule>,
    foreign: Vec<String>,
    drops: Vec<String>,
}

fn read_listing(nf: &mut Netfilter) -> Result<Listing> {
    let mut l = Listing { table: list::tables(nf, NFPROTO_INET)?.into_iter().find(|t| t.name == TABLE), ..Listing::default() };
    if l.table.is_none() {
        return Ok(l);
    }
    l.chains = rtun_chains(nf)?;
    list::each_rule(nf, NFPROTO_INET, Some(TABLE), |r| {
        match listed(&r) {
            Some(rule) => l.rules.push(rule),
            None => l.foreign.push(format!(
                "Note: rule handle {} in chain {} is not one rtun writes; see \"nft list table inet {TABLE}\".",
                r.handle, r.chain
            )),
        }
        Ok(())
    })?;
    let hooks: Vec<u32> = [(Chain::Input, HOOK_INPUT), (Chain::Forward, HOOK_FORWARD)]
        .into_iter()
        .filter(|(c, _)| l.rules.iter().any(|r| r.chain == *c))
        .map(|(_, h)| h)
        .collect();
    if !hooks.is_empty() {
        l.drops = drops_elsewhere(nf, &hooks)?;
    }
    Ok(l)
}

pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    if let Some(w) = args.first() {
        return Err(crate::error::duparg2("show", w));
    }
    let mut nf = open()?;
    // A ruleset that keeps changing is listed as last read, and said to be
    // so in iproute2's words.
    let mut last = None;
    let whole = at_one_generation(&mut nf, |nf, generation| {
        let seen = read_listing(nf)?;
        if unchanged(nf, generation)? {
            return Ok(Some(seen));
        }
        last = Some(seen);
        Ok(None)
    })?;
    let consistent = whole.is_some();
    let l = whole.or(last).unwrap_or_default();
    for note in &l.foreign {
        eprintln!("{note}");
    }
    let p = &mut ctx.out;
    render(p, l.table.as_ref(), &l.chains, &l.rules)?;
    p.flush()?;
    for note in &l.drops {
        eprintln!("{note}");
    }
    DumpStatus { interrupted: !consistent }.report();
    Ok(())
}

/// A rule of rtun's table as rtun's model, if it is one rtun writes.
pub fn listed(r: &list::RuleInfo) -> Option<ListedRule> {
    let chain = Chain::from_name(&r.chain)?;
    compile::decompile(chain, &r.exprs).map(|rule| ListedRule { chain, handle: r.handle, rule })
}

/// `nft show`'s output: nft's JSON schema, or one line of words per rule.
pub fn render<W: std::io::Write>(p: &mut crate::print::Printer<W>, table: Option<&TableInfo>, chains: &[ChainInfo], rules: &[ListedRule]) -> Result<()> {
    if p.is_json() {
        json::document(p, table, chains, rules)?;
    } else {
        // In the bytes the words stand for: an interface name that is not
        // UTF-8 is printed as typed, so a line pastes back after `add`.
        for r in rules {
            p.inner().write_all(&crate::cli::bytes::bytes(&r.rule.words()))?;
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
/// does not override another table's drop: a note for each other base
/// chain on `hooks` that drops (by policy or by a rule).
fn drops_elsewhere(nf: &mut Netfilter, hooks: &[u32]) -> Result<Vec<String>> {
    let others: Vec<ChainInfo> = list::chains(nf, 0)?
        .into_iter()
        .filter(|c| matches!(c.family, 1 | 2 | 10) && !(c.family == NFPROTO_INET && c.table == TABLE))
        .filter(|c| c.hook.is_some_and(|(h, _)| hooks.contains(&h)))
        .collect();
    if others.is_empty() {
        return Ok(Vec::new());
    }
    let mut dropping: Vec<(String, String, String)> = Vec::new();
    list::each_rule(nf, 0, None, |r| {
        let drops = r.exprs.iter().any(|e| matches!(e, Expr::Verdict { code } if *code == NF_DROP) || matches!(e, Expr::Other { name } if name == "reject"));
        if drops {
            dropping.push((family_name(r.family).to_string(), r.table, r.chain));
        }
        Ok(())
    })?;
    let mut notes = Vec::new();
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
        notes.push(format!(
            "Note: table {fam} {} chain {} (hook {hook}) {what}: an accept in table inet {TABLE} does not override it.",
            c.table, c.name
        ));
    }
    Ok(notes)
}
