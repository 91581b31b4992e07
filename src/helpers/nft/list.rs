//! Reading the ruleset back: tables, chains and rules from
//! NFT_MSG_GETTABLE/GETCHAIN/GETRULE dumps, each reply decoded into a
//! small struct as it arrives.

use super::batch::*;
use crate::cli::bytes::word;
use super::expr::{decode_list, Expr};
use crate::error::{Error, Result};
use crate::netlink::attr::{AttrWriter, Attrs};
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

/// A table's or chain's name: bytes, carried in a `String` as rtun's
/// words carry bytes that are not UTF-8 (`cli::bytes`), so a name another
/// program gave never stops a listing and compares equal to itself.
fn name(a: Attrs, kind: u16) -> String {
    word(a.bytes_z(kind).unwrap_or_default())
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

/// The ruleset's generation now (NFT_MSG_GETGEN): a batch bound to it
/// is refused if anything was committed since.
pub fn generation(nf: &mut Netfilter) -> Result<u32> {
    let mut id = None;
    nf.get(NFT_MSG_GETGEN, 0, &[], |_, a| {
        id = Attrs::new(a).be32(NFTA_GEN_ID);
        Ok(())
    })?
    .map_err(kernel_error)?;
    id.ok_or_else(|| Error::Failure("Error: nf_tables did not say which generation its ruleset is at.".into()))
}

/// One NFT_MSG_NEWTABLE reply: its family and attributes.
pub fn table_info(family: u8, a: &[u8]) -> TableInfo {
    let a = Attrs::new(a);
    TableInfo { family, name: name(a, NFTA_TABLE_NAME), handle: a.be64(NFTA_TABLE_HANDLE).unwrap_or(0) }
}

/// One NFT_MSG_NEWCHAIN reply.
pub fn chain_info(family: u8, a: &[u8]) -> ChainInfo {
    let a = Attrs::new(a);
    let hook = a.nested(NFTA_CHAIN_HOOK).and_then(|h| Some((h.be32(NFTA_HOOK_HOOKNUM)?, h.be32(NFTA_HOOK_PRIORITY)? as i32)));
    ChainInfo {
        family,
        table: name(a, NFTA_CHAIN_TABLE),
        name: name(a, NFTA_CHAIN_NAME),
        handle: a.be64(NFTA_CHAIN_HANDLE).unwrap_or(0),
        hook,
        policy: a.be32(NFTA_CHAIN_POLICY),
        kind: a.bytes_z(NFTA_CHAIN_TYPE).map(word),
    }
}

/// One NFT_MSG_NEWRULE reply.
pub fn rule_info(family: u8, a: &[u8]) -> RuleInfo {
    let a = Attrs::new(a);
    RuleInfo {
        family,
        table: name(a, NFTA_RULE_TABLE),
        chain: name(a, NFTA_RULE_CHAIN),
        handle: a.be64(NFTA_RULE_HANDLE).unwrap_or(0),
        exprs: a.nested(NFTA_RULE_EXPRESSIONS).map(decode_list).unwrap_or_default(),
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
    let mut filter = AttrWriter::new();
    if let Some(t) = table {
        filter.str_z(NFTA_RULE_TABLE, t.as_bytes());
    }
    let filter = filter.finish().map_err(too_long)?;
    finish(nf.dump(NFT_MSG_GETRULE, family, &filter, |fam, a| {
        let rule = rule_info(fam, a);
        // Older kernels ignore the filter: check it here too.
        if table.is_some_and(|t| t != rule.table) {
            return Ok(());
        }
        each(rule)
    }))
}
