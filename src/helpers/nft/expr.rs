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

pub const NFT_REG_VERDICT: u32 = 0;
pub const NFT_REG_1: u32 = 1;
pub const NFT_REG_2: u32 = 2;

pub const NF_DROP: i32 = 0;
pub const NF_ACCEPT: i32 = 1;

pub mod meta {
    pub const NFPROTO: u32 = 15;
    pub const L4PROTO: u32 = 16;
    pub const IIFNAME: u32 = 6;
    pub const OIFNAME: u32 = 7;
}
pub const NFT_CMP_EQ: u32 = 0;
pub const NFT_CMP_NEQ: u32 = 1;
pub const NFT_PAYLOAD_NETWORK_HEADER: u32 = 1;
pub const NFT_PAYLOAD_TRANSPORT_HEADER: u32 = 2;
pub const NFT_NAT_SNAT: u32 = 0;
pub const NFT_NAT_DNAT: u32 = 1;
/// NF_NAT_RANGE_MAP_IPS: the kernel sets it itself when an address
/// register is given, so it is not part of what identifies a nat.
const NF_NAT_RANGE_MAP_IPS: u32 = 1;
pub const NF_NAT_RANGE_PROTO_SPECIFIED: u32 = 2;
pub const NFT_RT_TCPMSS: u32 = 3;
pub const NFT_BYTEORDER_HTON: u32 = 1;
pub const NFT_EXTHDR_OP_TCPOPT: u32 = 1;
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
    Nat { kind: u32, family: u32, reg_addr: Option<u32>, reg_proto: Option<u32>, flags: u32 },
    Masq { flags: u32 },
    Rt { dreg: u32, key: u32 },
    Byteorder { sreg: u32, dreg: u32, op: u32, len: u32, size: u32 },
    /// `exthdr` writing a register into a TCP option field.
    ExthdrWrite { sreg: u32, kind: u8, offset: u32, len: u32, op: u32 },
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
            Expr::Immediate { .. } | Expr::Verdict { .. } => "immediate",
            Expr::Nat { .. } => "nat",
            Expr::Masq { .. } => "masq",
            Expr::Rt { .. } => "rt",
            Expr::Byteorder { .. } => "byteorder",
            Expr::ExthdrWrite { .. } => "exthdr",
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
                a.nest_with(2, NESTED, |d| {
                    d.nest_with(NFTA_DATA_VERDICT, NESTED, |v| {
                        v.be32(NFTA_VERDICT_CODE, *code as u32);
                    });
                });
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

    /// Read one NFTA_LIST_ELEM's content.
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
            "immediate" => match d.nested(2).and_then(|v| v.nested(NFTA_DATA_VERDICT)) {
                Some(v) if !v.has(2) => Expr::Verdict { code: v.be32(NFTA_VERDICT_CODE).unwrap_or(0) as i32 },
                Some(_) => Expr::Other { name },
                None => Expr::Immediate { dreg: n(1), data: value(2) },
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
