//! Reading the ruleset back: tables, chains and rules from
//! NFT_MSG_GETTABLE/GETCHAIN/GETRULE dumps, each reply decoded into a
//! small struct as it arrives.

use super::batch::*;
use crate::cli::bytes::word;
use super::expr::{decode_list, Data, Expr};
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
    /// The device of a netdev chain's hook (NFTA_HOOK_DEV).
    pub dev: Option<String>,
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
        dev: a.nested(NFTA_CHAIN_HOOK).and_then(|h| h.bytes_z(NFTA_HOOK_DEV)).map(word),
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

/// A set or map (named or anonymous) of some table.
#[derive(Clone, Debug)]
pub struct SetInfo {
    pub family: u8,
    pub table: String,
    pub name: String,
    /// NFT_SET_* flags (anonymous, interval, map, concatenation …).
    pub flags: u32,
    pub key_len: u32,
    /// The length of each field of a concatenated key (NFTA_SET_DESC_CONCAT).
    pub fields: Vec<u32>,
}

pub const NFT_SET_INTERVAL: u32 = 0x4;
pub const NFT_SET_MAP: u32 = 0x8;
/// An element that ends an interval (the first key after it).
pub const NFT_SET_ELEM_INTERVAL_END: u32 = 1;
/// The catch-all element (`*`), which every key matches.
pub const NFT_SET_ELEM_CATCHALL: u32 = 2;

/// One element of a set: its key (and, for a range of a concatenation,
/// the key its range ends at, included), its flags and a map's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElemInfo {
    pub key: Vec<u8>,
    pub key_end: Option<Vec<u8>>,
    pub flags: u32,
    pub data: Option<Data>,
}

/// Every set of `family` (0: all).
pub fn sets(nf: &mut Netfilter, family: u8) -> Result<Vec<SetInfo>> {
    let mut out = Vec::new();
    finish(nf.dump(NFT_MSG_GETSET, family, &[], |fam, a| {
        let a = Attrs::new(a);
        let fields = a
            .nested(NFTA_SET_DESC)
            .and_then(|d| d.nested(NFTA_SET_DESC_CONCAT))
            .map(|c| c.iter().filter_map(|f| Attrs::new(f.payload).be32(NFTA_SET_FIELD_LEN)).collect())
            .unwrap_or_default();
        out.push(SetInfo {
            family: fam,
            table: name(a, NFTA_SET_TABLE),
            name: name(a, NFTA_SET_NAME),
            flags: a.be32(NFTA_SET_FLAGS).unwrap_or(0),
            key_len: a.be32(NFTA_SET_KEY_LEN).unwrap_or(0),
            fields,
        });
        Ok(())
    }))?;
    Ok(out)
}

/// The elements of set `set` of table `table` (family `family`).
pub fn elements(nf: &mut Netfilter, family: u8, table: &str, set: &str) -> Result<Vec<ElemInfo>> {
    let mut filter = AttrWriter::new();
    filter
        .str_z(NFTA_SET_ELEM_LIST_TABLE, &crate::cli::bytes::bytes(table))
        .str_z(NFTA_SET_ELEM_LIST_SET, &crate::cli::bytes::bytes(set));
    let filter = filter.finish().map_err(too_long)?;
    let mut out = Vec::new();
    finish(nf.dump(NFT_MSG_GETSETELEM, family, &filter, |_, a| {
        let Some(list) = Attrs::new(a).nested(NFTA_SET_ELEM_LIST_ELEMENTS) else { return Ok(()) };
        for e in list.iter().map(|e| Attrs::new(e.payload)) {
            let value = |k: u16| e.nested(k).and_then(Data::decode).and_then(|d| match d {
                Data::Value(v) => Some(v),
                Data::Verdict { .. } => None,
            });
            out.push(ElemInfo {
                key: value(NFTA_SET_ELEM_KEY).unwrap_or_default(),
                key_end: value(NFTA_SET_ELEM_KEY_END),
                flags: e.be32(NFTA_SET_ELEM_FLAGS).unwrap_or(0),
                data: e.nested(NFTA_SET_ELEM_DATA).and_then(Data::decode),
            });
        }
        Ok(())
    }))?;
    Ok(out)
}
