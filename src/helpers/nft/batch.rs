//! The nf_tables messages rtun sends, each one `NfMessage` of a batch:
//! create rtun's table and a base chain, append or delete a rule, delete
//! the table. (`netlink::netfilter` wraps them in BATCH_BEGIN … END.)

use super::chains::{Chain, NFPROTO_INET, TABLE};
use super::expr::{encode_list, Expr, NF_ACCEPT};
use crate::error::{Error, Result};
use crate::netlink::attr::{AttrWriter, TooLong};
use crate::netlink::netfilter::NfMessage;
use netlink_packet_core::{NLM_F_APPEND, NLM_F_CREATE};

// NFT_MSG_* message types.
pub const NFT_MSG_NEWTABLE: u8 = 0;
pub const NFT_MSG_GETTABLE: u8 = 1;
pub const NFT_MSG_DELTABLE: u8 = 2;
pub const NFT_MSG_NEWCHAIN: u8 = 3;
pub const NFT_MSG_GETCHAIN: u8 = 4;
pub const NFT_MSG_NEWRULE: u8 = 6;
pub const NFT_MSG_GETRULE: u8 = 7;
pub const NFT_MSG_DELRULE: u8 = 8;
pub const NFT_MSG_GETSET: u8 = 10;
pub const NFT_MSG_GETSETELEM: u8 = 13;
pub const NFT_MSG_GETGEN: u8 = 16;

// Attributes of tables (NFTA_TABLE_*), chains (NFTA_CHAIN_*), hooks
// (NFTA_HOOK_*) and rules (NFTA_RULE_*).
pub const NFTA_TABLE_NAME: u16 = 1;
pub const NFTA_TABLE_FLAGS: u16 = 2;
pub const NFTA_TABLE_HANDLE: u16 = 4;
pub const NFTA_CHAIN_TABLE: u16 = 1;
pub const NFTA_CHAIN_HANDLE: u16 = 2;
pub const NFTA_CHAIN_NAME: u16 = 3;
pub const NFTA_CHAIN_HOOK: u16 = 4;
pub const NFTA_CHAIN_POLICY: u16 = 5;
pub const NFTA_CHAIN_TYPE: u16 = 7;
pub const NFTA_HOOK_HOOKNUM: u16 = 1;
pub const NFTA_HOOK_PRIORITY: u16 = 2;
pub const NFTA_HOOK_DEV: u16 = 3;
pub const NFTA_RULE_TABLE: u16 = 1;
pub const NFTA_RULE_CHAIN: u16 = 2;
pub const NFTA_RULE_HANDLE: u16 = 3;
pub const NFTA_RULE_EXPRESSIONS: u16 = 4;
// Sets (NFTA_SET_*, NFTA_SET_DESC_*, NFTA_SET_FIELD_*) and their
// elements (NFTA_SET_ELEM_LIST_*, NFTA_SET_ELEM_*).
pub const NFTA_SET_TABLE: u16 = 1;
pub const NFTA_SET_NAME: u16 = 2;
pub const NFTA_SET_FLAGS: u16 = 3;
pub const NFTA_SET_KEY_LEN: u16 = 5;
pub const NFTA_SET_DESC: u16 = 9;
pub const NFTA_SET_DESC_CONCAT: u16 = 2;
pub const NFTA_SET_FIELD_LEN: u16 = 1;
pub const NFTA_SET_ELEM_LIST_TABLE: u16 = 1;
pub const NFTA_SET_ELEM_LIST_SET: u16 = 2;
pub const NFTA_SET_ELEM_LIST_ELEMENTS: u16 = 3;
pub const NFTA_SET_ELEM_KEY: u16 = 1;
pub const NFTA_SET_ELEM_DATA: u16 = 2;
pub const NFTA_SET_ELEM_FLAGS: u16 = 3;
pub const NFTA_SET_ELEM_KEY_END: u16 = 10;
/// NFTA_GEN_ID: the ruleset's generation, which every commit moves on.
pub const NFTA_GEN_ID: u16 = 1;

/// An nf_tables attribute that does not fit its 16-bit length. rtun's
/// values are bounded (names, addresses, ports), so this is never met;
/// it is an error, not a panic, all the same.
pub fn too_long(t: TooLong) -> Error {
    Error::Failure(format!("Error: nf_tables attribute {} would be {} bytes, too long for netlink.", t.kind, t.len))
}

fn message(kind: u8, flags: u16, attrs: AttrWriter) -> Result<NfMessage> {
    Ok(NfMessage { kind, flags, family: NFPROTO_INET, attrs: attrs.finish().map_err(too_long)? })
}

/// `add table inet rtun` (no EXCL: an existing table is fine).
pub fn new_table() -> Result<NfMessage> {
    let mut a = AttrWriter::new();
    a.str_z(NFTA_TABLE_NAME, TABLE.as_bytes()).be32(NFTA_TABLE_FLAGS, 0);
    message(NFT_MSG_NEWTABLE, NLM_F_CREATE, a)
}

/// `add chain inet rtun NAME { type T hook H priority P; policy accept; }`
pub fn new_chain(chain: Chain) -> Result<NfMessage> {
    let mut a = AttrWriter::new();
    a.str_z(NFTA_CHAIN_TABLE, TABLE.as_bytes()).str_z(NFTA_CHAIN_NAME, chain.name().as_bytes());
    a.nest_with(NFTA_CHAIN_HOOK, true, |h| {
        h.be32(NFTA_HOOK_HOOKNUM, chain.hook()).be32(NFTA_HOOK_PRIORITY, chain.priority() as u32);
    });
    a.be32(NFTA_CHAIN_POLICY, NF_ACCEPT as u32).str_z(NFTA_CHAIN_TYPE, chain.kind().as_bytes());
    message(NFT_MSG_NEWCHAIN, NLM_F_CREATE, a)
}

/// Append a rule at the end of `chain`.
pub fn new_rule(chain: Chain, exprs: &[Expr]) -> Result<NfMessage> {
    let mut a = AttrWriter::new();
    a.str_z(NFTA_RULE_TABLE, TABLE.as_bytes()).str_z(NFTA_RULE_CHAIN, chain.name().as_bytes());
    a.nest_with(NFTA_RULE_EXPRESSIONS, true, |l| encode_list(l, exprs));
    message(NFT_MSG_NEWRULE, NLM_F_CREATE | NLM_F_APPEND, a)
}

pub fn del_rule(chain: Chain, handle: u64) -> Result<NfMessage> {
    let mut a = AttrWriter::new();
    a.str_z(NFTA_RULE_TABLE, TABLE.as_bytes()).str_z(NFTA_RULE_CHAIN, chain.name().as_bytes()).be64(NFTA_RULE_HANDLE, handle);
    message(NFT_MSG_DELRULE, 0, a)
}

/// `delete table inet rtun`: its chains and rules go with it.
pub fn del_table() -> Result<NfMessage> {
    let mut a = AttrWriter::new();
    a.str_z(NFTA_TABLE_NAME, TABLE.as_bytes());
    message(NFT_MSG_DELTABLE, 0, a)
}
