//! Reading the ruleset back: tables, chains and rules from
//! NFT_MSG_GETTABLE/GETCHAIN/GETRULE dumps, each reply decoded into a
//! small struct as it arrives.

use super::attr;
use super::batch::*;
use super::expr::{decode_list, Expr};
use crate::error::{Error, Result};
use crate::netlink::netfilter::Netfilter;
use crate::netlink::request::KernelError;

#[derive(Clone, Debug)]
pub struct TableInfo {
    pub family: u8,
    pub name: String,
    pub handle: u64,
}

#[derive(Clone, Debug)]
pub struct ChainInfo {
    pub family: u8,
    pub table: String,
    pub name: String,
    pub handle: u64,
    /// (hook number, priority) of a base chain.
    pub hook: Option<(u32, i32)>,
    pub policy: Option<u32>,
    pub kind: Option<String>,
}

#[derive(Clone, Debug)]
pub struct RuleInfo {
    pub family: u8,
    pub table: String,
    pub chain: String,
    pub handle: u64,
    pub exprs: Vec<Expr>,
}

/// A kernel refusal as rtun reports it (exit status 2).
pub fn kernel_error(e: KernelError) -> Error {
    match e.ext_msg {
        Some(m) => Error::Kernel(format!("Error: {}{}", m, if m.ends_with('.') { "" } else { "." })),
        None => Error::Kernel(format!("Error: nf_tables: {}", crate::netlink::errno::strerror(e.errno))),
    }
}

fn finish(r: Result<std::result::Result<(), KernelError>>) -> Result<()> {
    match r? {
        Ok(()) => Ok(()),
        // No nf_tables objects of this kind (or a filter naming a table
        // that does not exist): an empty listing.
        Err(e) if e.errno == libc::ENOENT => Ok(()),
        Err(e) => Err(kernel_error(e)),
    }
}

/// One NFT_MSG_NEWTABLE reply: its family and attributes.
pub fn table_info(family: u8, a: &[u8]) -> TableInfo {
    TableInfo {
        family,
        name: attr::find_str(a, NFTA_TABLE_NAME).unwrap_or_default(),
        handle: attr::find(a, NFTA_TABLE_HANDLE).and_then(attr::be64).unwrap_or(0),
    }
}

/// One NFT_MSG_NEWCHAIN reply.
pub fn chain_info(family: u8, a: &[u8]) -> ChainInfo {
    let hook = attr::find(a, NFTA_CHAIN_HOOK)
        .and_then(|h| Some((attr::find_be32(h, NFTA_HOOK_HOOKNUM)?, attr::find_be32(h, NFTA_HOOK_PRIORITY)? as i32)));
    ChainInfo {
        family,
        table: attr::find_str(a, NFTA_CHAIN_TABLE).unwrap_or_default(),
        name: attr::find_str(a, NFTA_CHAIN_NAME).unwrap_or_default(),
        handle: attr::find(a, NFTA_CHAIN_HANDLE).and_then(attr::be64).unwrap_or(0),
        hook,
        policy: attr::find_be32(a, NFTA_CHAIN_POLICY),
        kind: attr::find_str(a, NFTA_CHAIN_TYPE),
    }
}

/// One NFT_MSG_NEWRULE reply.
pub fn rule_info(family: u8, a: &[u8]) -> RuleInfo {
    RuleInfo {
        family,
        table: attr::find_str(a, NFTA_RULE_TABLE).unwrap_or_default(),
        chain: attr::find_str(a, NFTA_RULE_CHAIN).unwrap_or_default(),
        handle: attr::find(a, NFTA_RULE_HANDLE).and_then(attr::be64).unwrap_or(0),
        exprs: attr::find(a, NFTA_RULE_EXPRESSIONS).map(decode_list).unwrap_or_default(),
    }
}

pub fn tables(nf: &mut Netfilter, family: u8) -> Result<Vec<TableInfo>> {
    let mut out = Vec::new();
    finish(nf.dump(NFT_MSG_GETTABLE, family, &[], |fam, a| {
        out.push(table_info(fam, a));
        Ok(())
    }))?;
    Ok(out)
}

pub fn chains(nf: &mut Netfilter, family: u8) -> Result<Vec<ChainInfo>> {
    let mut out = Vec::new();
    finish(nf.dump(NFT_MSG_GETCHAIN, family, &[], |fam, a| {
        out.push(chain_info(fam, a));
        Ok(())
    }))?;
    Ok(out)
}

/// Stream the rules of `family` (0: all), of one table if `table` is given.
pub fn each_rule<F>(nf: &mut Netfilter, family: u8, table: Option<&str>, mut each: F) -> Result<()>
where
    F: FnMut(RuleInfo) -> Result<()>,
{
    let mut filter = attr::Attrs::new();
    if let Some(t) = table {
        filter.str(NFTA_RULE_TABLE, t);
    }
    finish(nf.dump(NFT_MSG_GETRULE, family, &filter.bytes, |fam, a| {
        let rule = rule_info(fam, a);
        // Older kernels ignore the filter: check it here too.
        if table.is_some_and(|t| t != rule.table) {
            return Ok(());
        }
        each(rule)
    }))
}
