//! nf_tables expressions: the few kinds rtun's rules use, as values, and
//! their netlink form (include/uapi/linux/netfilter/nf_tables.h).
//!
//! Written and read with the one attribute codec (`netlink::attr`), not
//! with netlink-packet-netfilter 0.4: its six typed expressions cover
//! meta, cmp, payload, bitwise and immediate but not nat, masq, rt,
//! byteorder or exthdr (raw `DefaultNla` lists, read back by hand a second
//! way); it parses names as UTF-8 and refuses a whole message otherwise;
//! it allocates per attribute (a 14-expression rule: 312 allocations,
//! 130 KB — an error context formatted eagerly for each one — against 28
//! and 2 KB here); and it made the static binary 57 KB larger for the
//! same bytes on the wire (tests/nft.rs green both ways).
//!
//! Decoding keeps only what identifies an expression, so a rule read back
//! from the kernel compares equal to the one rtun built, although the
//! kernel's dump adds attributes of its own (e.g. the nat `addr_max`
//! register and MAP_IPS flag, the exthdr `flags`).

use crate::netlink::attr::{AttrWriter, Attrs};

// Expression list and expression (NFTA_LIST_ELEM, NFTA_EXPR_*).
pub const NFTA_LIST_ELEM: u16 = 1;
const NFTA_EXPR_NAME: u16 = 1;
const NFTA_EXPR_DATA: u16 = 2;
// nft_data: a value or a verdict.
const NFTA_DATA_VALUE: u16 = 1;
const NFTA_DATA_VERDICT: u16 = 2;
const NFTA_VERDICT_CODE: u16 = 1;
const NFTA_VERDICT_CHAIN: u16 = 2;

pub const NFT_REG_VERDICT: u32 = 0;
pub const NFT_REG_1: u32 = 1;
pub const NFT_REG_2: u32 = 2;

pub const NF_DROP: i32 = 0;
pub const NF_ACCEPT: i32 = 1;
pub const NF_QUEUE: i32 = 3;
/// nf_tables' own verdicts (negative codes).
pub const NFT_CONTINUE: i32 = -1;
pub const NFT_BREAK: i32 = -2;
pub const NFT_JUMP: i32 = -3;
pub const NFT_GOTO: i32 = -4;
pub const NFT_RETURN: i32 = -5;

pub mod meta {
    pub const LEN: u32 = 0;
    pub const PROTOCOL: u32 = 1;
    pub const PRIORITY: u32 = 2;
    pub const MARK: u32 = 3;
    pub const IIF: u32 = 4;
    pub const OIF: u32 = 5;
    pub const IIFNAME: u32 = 6;
    pub const OIFNAME: u32 = 7;
    pub const IIFTYPE: u32 = 8;
    pub const OIFTYPE: u32 = 9;
    pub const SKUID: u32 = 10;
    pub const SKGID: u32 = 11;
    pub const NFPROTO: u32 = 15;
    pub const L4PROTO: u32 = 16;
    pub const PKTTYPE: u32 = 19;
    pub const IIFGROUP: u32 = 21;
    pub const OIFGROUP: u32 = 22;
    pub const SECPATH: u32 = 24;
    pub const IIFKIND: u32 = 25;
    pub const OIFKIND: u32 = 26;
    pub const SDIF: u32 = 31;
    pub const SDIFNAME: u32 = 32;
}
/// `ct` keys (NFT_CT_*).
pub mod ct {
    pub const STATE: u32 = 0;
    pub const DIRECTION: u32 = 1;
    pub const STATUS: u32 = 2;
    pub const MARK: u32 = 3;
    pub const L3PROTOCOL: u32 = 9;
    pub const PROTOCOL: u32 = 12;
    /// `ct state` bits: NF_CT_STATE_INVALID_BIT, NF_CT_STATE_BIT(ctinfo)
    /// for established, related and new, NF_CT_STATE_UNTRACKED_BIT.
    pub const INVALID: u32 = 1;
    pub const ESTABLISHED: u32 = 2;
    pub const RELATED: u32 = 4;
    pub const NEW: u32 = 8;
    pub const UNTRACKED: u32 = 64;
}
pub const NFT_CMP_EQ: u32 = 0;
pub const NFT_CMP_NEQ: u32 = 1;
pub const NFT_CMP_LT: u32 = 2;
pub const NFT_CMP_LTE: u32 = 3;
pub const NFT_CMP_GT: u32 = 4;
pub const NFT_CMP_GTE: u32 = 5;
pub const NFT_PAYLOAD_LL_HEADER: u32 = 0;
pub const NFT_PAYLOAD_NETWORK_HEADER: u32 = 1;
pub const NFT_PAYLOAD_TRANSPORT_HEADER: u32 = 2;
pub const NFT_NAT_SNAT: u32 = 0;
pub const NFT_NAT_DNAT: u32 = 1;
/// NF_NAT_RANGE_MAP_IPS: the kernel sets it itself when an address
/// register is given, so it is not part of what identifies a nat.
const NF_NAT_RANGE_MAP_IPS: u32 = 1;
pub const NF_NAT_RANGE_PROTO_SPECIFIED: u32 = 2;
pub const NFT_RT_TCPMSS: u32 = 3;
pub const NFT_BYTEORDER_NTOH: u32 = 0;
pub const NFT_BYTEORDER_HTON: u32 = 1;
pub const NFT_BITWISE_LSHIFT: u32 = 1;
pub const NFT_BITWISE_RSHIFT: u32 = 2;
pub const NFT_EXTHDR_OP_TCPOPT: u32 = 1;
/// `exthdr` flag: load whether the header or option is there.
pub const NFT_EXTHDR_F_PRESENT: u32 = 1;
/// `lookup` flag: match when the key is *not* in the set.
pub const NFT_LOOKUP_F_INV: u32 = 1;
/// `range` operators.
pub const NFT_RANGE_EQ: u32 = 0;
/// `fib` results and flags (NFT_FIB_RESULT_*, NFTA_FIB_F_*).
pub mod fib {
    pub const OIF: u32 = 1;
    pub const OIFNAME: u32 = 2;
    pub const ADDRTYPE: u32 = 3;
    pub const F_SADDR: u32 = 1;
    pub const F_DADDR: u32 = 2;
    pub const F_PRESENT: u32 = 32;
}
/// TCP option kind of the maximum segment size.
pub const TCPOPT_MAXSEG: u8 = 2;

/// One expression of a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    Meta { key: u32, dreg: u32 },
    Cmp { sreg: u32, op: u32, data: Vec<u8> },
    Payload { dreg: u32, base: u32, offset: u32, len: u32 },
    Bitwise { sreg: u32, dreg: u32, len: u32, mask: Vec<u8>, xor: Vec<u8> },
    /// `immediate` of data into a register.
    Immediate { dreg: u32, data: Vec<u8> },
    /// `immediate` of a verdict (into the verdict register).
    Verdict { code: i32 },
    /// `immediate` of a jump or goto (NFT_JUMP, NFT_GOTO) to a chain.
    Jump { code: i32, chain: String },
    Nat { kind: u32, family: u32, reg_addr: Option<u32>, reg_proto: Option<u32>, flags: u32 },
    Masq { flags: u32 },
    Rt { dreg: u32, key: u32 },
    Byteorder { sreg: u32, dreg: u32, op: u32, len: u32, size: u32 },
    /// `exthdr` writing a register into a TCP option field.
    ExthdrWrite { sreg: u32, kind: u8, offset: u32, len: u32, op: u32 },
    // What rtun's own rules never hold, read so that another table's rules
    // can be followed (`eval.rs`): bit shifts, `meta … set`, `ct` and
    // `exthdr` loads, set look-ups and maps, ranges, `fib`, `reject`, and
    // iptables-nft's xtables matches and targets.
    /// `bitwise` shifting left or right by `shift` bits (32-bit words).
    Shift { sreg: u32, dreg: u32, len: u32, op: u32, shift: u32 },
    /// `meta KEY set` from a register.
    MetaSet { key: u32, sreg: u32 },
    /// `ct KEY` (in `dir`, when given) into a register.
    Ct { key: u32, dreg: u32, dir: Option<u8> },
    /// `exthdr` loading an extension header's or a TCP option's field
    /// (or, with NFT_EXTHDR_F_PRESENT, whether it is there).
    Exthdr { dreg: u32, op: u32, kind: u8, offset: u32, len: u32, flags: u32 },
    /// `lookup` of a register in set `set`: a verdict map with `dreg` 0,
    /// a data map with another `dreg`, a plain set without.
    Lookup { set: String, sreg: u32, dreg: Option<u32>, flags: u32 },
    /// `range`: FROM <= register <= TO (or outside it).
    Range { sreg: u32, op: u32, from: Vec<u8>, to: Vec<u8> },
    /// `fib`: a route look-up's result into a register.
    Fib { dreg: u32, result: u32, flags: u32 },
    /// `reject`: the packet is dropped (and an error sent back).
    Reject { kind: u32 },
    /// iptables-nft's xtables compatibility: `match` or `target` NAME.
    Xt { target: bool, name: String },
    /// Anything else (by name): rtun never builds these.
    Other { name: String },
}

/// nf_tables flags every nest NLA_F_NESTED.
const NESTED: bool = true;

fn data_nest(a: &mut AttrWriter, kind: u16, value: &[u8]) {
    a.nest_with(kind, NESTED, |d| {
        d.put(NFTA_DATA_VALUE, value);
    });
}

impl Expr {
    fn name(&self) -> &str {
        match self {
            Expr::Meta { .. } => "meta",
            Expr::Cmp { .. } => "cmp",
            Expr::Payload { .. } => "payload",
            Expr::Bitwise { .. } => "bitwise",
            Expr::Immediate { .. } | Expr::Verdict { .. } | Expr::Jump { .. } => "immediate",
            Expr::Nat { .. } => "nat",
            Expr::Masq { .. } => "masq",
            Expr::Rt { .. } => "rt",
            Expr::Byteorder { .. } => "byteorder",
            Expr::ExthdrWrite { .. } | Expr::Exthdr { .. } => "exthdr",
            Expr::Shift { .. } => "bitwise",
            Expr::MetaSet { .. } => "meta",
            Expr::Ct { .. } => "ct",
            Expr::Lookup { .. } => "lookup",
            Expr::Range { .. } => "range",
            Expr::Fib { .. } => "fib",
            Expr::Reject { .. } => "reject",
            Expr::Xt { target: false, .. } => "match",
            Expr::Xt { target: true, .. } => "target",
            Expr::Other { name } => name,
        }
    }

    /// The attributes inside NFTA_EXPR_DATA, in the order nft sends them.
    fn data(&self, a: &mut AttrWriter) {
        match self {
            Expr::Meta { key, dreg } => {
                a.be32(2, *key).be32(1, *dreg);
            }
            Expr::Cmp { sreg, op, data } => {
                a.be32(1, *sreg).be32(2, *op);
                data_nest(a, 3, data);
            }
            Expr::Payload { dreg, base, offset, len } => {
                a.be32(1, *dreg).be32(2, *base).be32(3, *offset).be32(4, *len);
            }
            Expr::Bitwise { sreg, dreg, len, mask, xor } => {
                a.be32(1, *sreg).be32(2, *dreg).be32(3, *len);
                data_nest(a, 4, mask);
                data_nest(a, 5, xor);
            }
            Expr::Immediate { dreg, data } => {
                a.be32(1, *dreg);
                data_nest(a, 2, data);
            }
            Expr::Verdict { code } => {
                a.be32(1, NFT_REG_VERDICT);
                a.nest_with(2, NESTED, |d| verdict_nest(d, *code, None));
            }
            Expr::Jump { code, chain } => {
                a.be32(1, NFT_REG_VERDICT);
                a.nest_with(2, NESTED, |d| verdict_nest(d, *code, Some(chain)));
            }
            Expr::Nat { kind, family, reg_addr, reg_proto, flags } => {
                a.be32(1, *kind).be32(2, *family);
                if let Some(r) = reg_addr {
                    a.be32(3, *r);
                }
                if let Some(r) = reg_proto {
                    a.be32(5, *r);
                }
                if *flags != 0 {
                    a.be32(7, *flags);
                }
            }
            Expr::Masq { flags } => {
                if *flags != 0 {
                    a.be32(1, *flags);
                }
            }
            Expr::Rt { dreg, key } => {
                a.be32(2, *key).be32(1, *dreg);
            }
            Expr::Byteorder { sreg, dreg, op, len, size } => {
                a.be32(1, *sreg).be32(2, *dreg).be32(3, *op).be32(4, *len).be32(5, *size);
            }
            Expr::ExthdrWrite { sreg, kind, offset, len, op } => {
                a.be32(7, *sreg).u8(2, *kind).be32(3, *offset).be32(4, *len).be32(6, *op);
            }
            Expr::Shift { sreg, dreg, len, op, shift } => {
                a.be32(1, *sreg).be32(2, *dreg).be32(3, *len).be32(6, *op);
                data_nest(a, 7, &shift.to_ne_bytes());
            }
            Expr::MetaSet { key, sreg } => {
                a.be32(2, *key).be32(3, *sreg);
            }
            Expr::Ct { key, dreg, dir } => {
                a.be32(1, *dreg).be32(2, *key);
                if let Some(d) = dir {
                    a.u8(3, *d);
                }
            }
            Expr::Exthdr { dreg, op, kind, offset, len, flags } => {
                a.be32(1, *dreg).u8(2, *kind).be32(3, *offset).be32(4, *len).be32(5, *flags).be32(6, *op);
            }
            Expr::Lookup { set, sreg, dreg, flags } => {
                a.str_z(1, set.as_bytes()).be32(2, *sreg);
                if let Some(d) = dreg {
                    a.be32(3, *d);
                }
                a.be32(5, *flags);
            }
            Expr::Range { sreg, op, from, to } => {
                a.be32(1, *sreg).be32(2, *op);
                data_nest(a, 3, from);
                data_nest(a, 4, to);
            }
            Expr::Fib { dreg, result, flags } => {
                a.be32(1, *dreg).be32(2, *result).be32(3, *flags);
            }
            Expr::Reject { kind } => {
                a.be32(1, *kind);
            }
            Expr::Xt { name, .. } => {
                a.str_z(1, name.as_bytes()).be32(2, 0);
            }
            Expr::Other { .. } => {}
        }
    }

    /// Append this expression as one NFTA_LIST_ELEM.
    pub fn encode(&self, list: &mut AttrWriter) {
        list.nest_with(NFTA_LIST_ELEM, NESTED, |e| {
            e.str_z(NFTA_EXPR_NAME, self.name().as_bytes());
            e.nest_with(NFTA_EXPR_DATA, NESTED, |d| self.data(d));
        });
    }

    /// Read one NFTA_LIST_ELEM's content. (Expressions are values that
    /// compare equal only when they do the same, so a field that does not
    /// change what an expression does is left out.)
    pub fn decode(elem: Attrs) -> Expr {
        let name = String::from_utf8_lossy(elem.bytes_z(NFTA_EXPR_NAME).unwrap_or_default()).into_owned();
        let d = elem.nested(NFTA_EXPR_DATA).unwrap_or_default();
        let n = |k: u16| d.be32(k).unwrap_or(0);
        let opt = |k: u16| d.be32(k);
        let value = |k: u16| d.nested(k).and_then(|v| v.get(NFTA_DATA_VALUE)).map(<[u8]>::to_vec).unwrap_or_default();
        match name.as_str() {
            "meta" if opt(1).is_some() => Expr::Meta { key: n(2), dreg: n(1) },
            "cmp" => Expr::Cmp { sreg: n(1), op: n(2), data: value(3) },
            "payload" if opt(1).is_some() => Expr::Payload { dreg: n(1), base: n(2), offset: n(3), len: n(4) },
            "bitwise" if n(6) == 0 => Expr::Bitwise { sreg: n(1), dreg: n(2), len: n(3), mask: value(4), xor: value(5) },
            "bitwise" => Expr::Shift {
                sreg: n(1),
                dreg: n(2),
                len: n(3),
                op: n(6),
                shift: crate::netlink::attr::u32_of(&value(7)).unwrap_or(0),
            },
            "immediate" => match d.nested(2).and_then(|v| v.nested(NFTA_DATA_VERDICT)) {
                Some(v) => match verdict(v) {
                    (code, None) => Expr::Verdict { code },
                    (code, Some(chain)) => Expr::Jump { code, chain },
                },
                None => Expr::Immediate { dreg: n(1), data: value(2) },
            },
            "meta" if opt(3).is_some() => Expr::MetaSet { key: n(2), sreg: n(3) },
            "ct" if opt(1).is_some() => Expr::Ct { key: n(2), dreg: n(1), dir: d.u8(3) },
            "exthdr" if opt(1).is_some() => Expr::Exthdr {
                dreg: n(1),
                op: n(6),
                kind: d.u8(2).unwrap_or(0),
                offset: n(3),
                len: n(4),
                flags: n(5),
            },
            "lookup" => Expr::Lookup {
                set: crate::cli::bytes::word(d.bytes_z(1).unwrap_or_default()),
                sreg: n(2),
                dreg: opt(3),
                flags: n(5),
            },
            "range" => Expr::Range { sreg: n(1), op: n(2), from: value(3), to: value(4) },
            "fib" => Expr::Fib { dreg: n(1), result: n(2), flags: n(3) },
            "reject" => Expr::Reject { kind: n(1) },
            "match" | "target" => Expr::Xt {
                target: name == "target",
                name: String::from_utf8_lossy(d.bytes_z(1).unwrap_or_default()).into_owned(),
            },
            "nat" => Expr::Nat {
                kind: n(1),
                family: n(2),
                reg_addr: opt(3),
                reg_proto: opt(5),
                flags: n(7) & !NF_NAT_RANGE_MAP_IPS,
            },
            "masq" => Expr::Masq { flags: n(1) },
            "rt" => Expr::Rt { dreg: n(1), key: n(2) },
            "byteorder" => Expr::Byteorder { sreg: n(1), dreg: n(2), op: n(3), len: n(4), size: n(5) },
            "exthdr" if opt(7).is_some() && n(5) == 0 => Expr::ExthdrWrite {
                sreg: n(7),
                kind: d.u8(2).unwrap_or(0),
                offset: n(3),
                len: n(4),
                op: n(6),
            },
            _ => Expr::Other { name },
        }
    }
}

/// A verdict nest's content: the code and, for a jump or goto, the chain.
fn verdict_nest(d: &mut AttrWriter, code: i32, chain: Option<&str>) {
    d.nest_with(NFTA_DATA_VERDICT, NESTED, |v| {
        v.be32(NFTA_VERDICT_CODE, code as u32);
        if let Some(c) = chain {
            v.str_z(NFTA_VERDICT_CHAIN, &crate::cli::bytes::bytes(c));
        }
    });
}

/// A verdict (the content of NFTA_DATA_VERDICT): its code, and the chain
/// of a jump or goto (a name as a word: `cli::bytes`).
pub fn verdict(v: Attrs) -> (i32, Option<String>) {
    let code = v.be32(NFTA_VERDICT_CODE).unwrap_or(0) as i32;
    (code, v.bytes_z(NFTA_VERDICT_CHAIN).map(crate::cli::bytes::word))
}

/// The content of an `nft_data` nest: a value, or a verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Data {
    Value(Vec<u8>),
    Verdict { code: i32, chain: Option<String> },
}

impl Data {
    pub fn decode(d: Attrs) -> Option<Data> {
        if let Some(v) = d.nested(NFTA_DATA_VERDICT) {
            let (code, chain) = verdict(v);
            return Some(Data::Verdict { code, chain });
        }
        d.get(NFTA_DATA_VALUE).map(|v| Data::Value(v.to_vec()))
    }
}

/// Write a rule's expression list (the content of NFTA_RULE_EXPRESSIONS).
pub fn encode_list(list: &mut AttrWriter, exprs: &[Expr]) {
    for e in exprs {
        e.encode(list);
    }
}

/// Decode NFTA_RULE_EXPRESSIONS' content.
pub fn decode_list(list: Attrs) -> Vec<Expr> {
    list.iter().filter(|a| a.kind == NFTA_LIST_ELEM).map(|a| Expr::decode(Attrs::new(a.payload))).collect()
}

/// The debug form nft prints with `--debug=netlink`, close enough to read
/// side by side (used by tests and `RTUN_NFT_DEBUG`).
pub fn describe(e: &Expr) -> String {
    let hex = |d: &[u8]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
    match e {
        Expr::Meta { key, dreg } => format!("[ meta load {key} => reg {dreg} ]"),
        Expr::Cmp { sreg, op, data } => format!("[ cmp {} reg {sreg} 0x{} ]", if *op == NFT_CMP_EQ { "eq" } else { "neq" }, hex(data)),
        Expr::Payload { dreg, base, offset, len } => format!("[ payload load {len}b @ base {base} + {offset} => reg {dreg} ]"),
        Expr::Bitwise { sreg, dreg, mask, xor, .. } => format!("[ bitwise reg {dreg} = ( reg {sreg} & 0x{} ) ^ 0x{} ]", hex(mask), hex(xor)),
        Expr::Immediate { dreg, data } => format!("[ immediate reg {dreg} 0x{} ]", hex(data)),
        Expr::Verdict { code } => format!("[ immediate reg 0 verdict {code} ]"),
        other => format!("[ {other:?} ]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips() {
        let all = vec![
            Expr::Meta { key: meta::L4PROTO, dreg: NFT_REG_1 },
            Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: vec![47] },
            Expr::Payload { dreg: 1, base: NFT_PAYLOAD_NETWORK_HEADER, offset: 12, len: 4 },
            Expr::Bitwise { sreg: 1, dreg: 1, len: 2, mask: vec![0xff, 0xf0], xor: vec![0, 0] },
            Expr::Immediate { dreg: 1, data: vec![10, 0, 0, 2] },
            Expr::Verdict { code: NF_ACCEPT },
            Expr::Nat { kind: NFT_NAT_DNAT, family: 2, reg_addr: Some(1), reg_proto: Some(2), flags: 2 },
            Expr::Masq { flags: 0 },
            Expr::Rt { dreg: 1, key: NFT_RT_TCPMSS },
            Expr::Byteorder { sreg: 1, dreg: 1, op: NFT_BYTEORDER_HTON, len: 2, size: 2 },
            Expr::ExthdrWrite { sreg: 1, kind: TCPOPT_MAXSEG, offset: 2, len: 2, op: NFT_EXTHDR_OP_TCPOPT },
            Expr::Jump { code: NFT_GOTO, chain: "gre_in".into() },
            Expr::Shift { sreg: 1, dreg: 1, len: 4, op: NFT_BITWISE_RSHIFT, shift: 8 },
            Expr::MetaSet { key: meta::MARK, sreg: 1 },
            Expr::Ct { key: ct::STATE, dreg: 1, dir: None },
            Expr::Ct { key: ct::MARK, dreg: 9, dir: Some(1) },
            Expr::Exthdr { dreg: 1, op: NFT_EXTHDR_OP_TCPOPT, kind: TCPOPT_MAXSEG, offset: 0, len: 1, flags: NFT_EXTHDR_F_PRESENT },
            Expr::Lookup { set: "__set0".into(), sreg: 1, dreg: Some(0), flags: 0 },
            Expr::Lookup { set: "peers".into(), sreg: 9, dreg: None, flags: NFT_LOOKUP_F_INV },
            Expr::Range { sreg: 1, op: NFT_RANGE_EQ, from: vec![0, 22], to: vec![0, 80] },
            Expr::Fib { dreg: 1, result: fib::ADDRTYPE, flags: fib::F_DADDR },
            Expr::Reject { kind: 0 },
            Expr::Xt { target: false, name: "conntrack".into() },
            Expr::Xt { target: true, name: "TCPMSS".into() },
        ];
        let mut w = AttrWriter::new();
        encode_list(&mut w, &all);
        let bytes = w.finish().expect("fits");
        assert_eq!(decode_list(Attrs::new(&bytes)), all);
        // Every nest is flagged NLA_F_NESTED, as nf_tables wants.
        let elem = Attrs::new(&bytes).iter().next().expect("an element");
        assert!(elem.nested && Attrs::new(elem.payload).iter().any(|a| a.kind == NFTA_EXPR_DATA && a.nested));
    }

    #[test]
    fn kernel_added_nat_bits_are_ignored() {
        // As the kernel dumps a `snat ip to A`: addr_max and MAP_IPS added.
        let mut a = AttrWriter::new();
        a.str_z(1, b"nat").nest_with(2, NESTED, |d| {
            d.be32(1, NFT_NAT_SNAT).be32(2, 2).be32(3, 1).be32(4, 1).be32(7, 1);
        });
        let bytes = a.finish().expect("fits");
        let e = Expr::decode(Attrs::new(&bytes));
        assert_eq!(e, Expr::Nat { kind: NFT_NAT_SNAT, family: 2, reg_addr: Some(1), reg_proto: None, flags: 0 });
    }
}
