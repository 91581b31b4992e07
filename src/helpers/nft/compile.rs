//! A rule ↔ its nf_tables expressions: exactly the list nft generates for
//! the equivalent nft rule, written in this order:
//!
//! ```text
//! accept      ip saddr S ip daddr D iifname "I" meta l4proto P accept
//! forward     ip saddr S ip daddr D iifname "I" oifname "O" accept
//! masquerade  ip saddr S ip daddr D oifname "O" masquerade
//! snat        ip saddr S ip daddr D oifname "O" snat ip to A
//! dnat        ip saddr S ip daddr D iifname "I" tcp dport N dnat ip to A[:P]
//! clamp-mss   iifname "I" oifname "O" tcp flags syn tcp option maxseg size set rt mtu|N
//! ```
//!
//! (`ip6` for IPv6 prefixes). Like nft, a `meta nfproto` check precedes
//! the first address match and a `meta l4proto` check the first TCP/UDP
//! header field. Reading back runs the same compiler on the decoded rule
//! and keeps it only if the lists are equal, so a rule someone else put
//! in rtun's table is never mistaken for one of rtun's.

use std::net::IpAddr;

use super::chains::Chain;
use super::expr::*;
use super::protocols;
use super::rule::{Action, Net, Rule};
use crate::cli::bytes::{bytes, word};
use crate::netlink::attr::until_nul;

const NFPROTO_IPV4: u8 = 2;
const NFPROTO_IPV6: u8 = 10;
const IFNAMSIZ: usize = 16;
const TCP_FLAG_SYN: u8 = 0x02;

fn load_meta(key: u32) -> Expr {
    Expr::Meta { key, dreg: NFT_REG_1 }
}

fn eq(data: Vec<u8>) -> Expr {
    Expr::Cmp { sreg: NFT_REG_1, op: NFT_CMP_EQ, data }
}

fn addr_bytes(a: &IpAddr) -> Vec<u8> {
    match a {
        IpAddr::V4(a) => a.octets().to_vec(),
        IpAddr::V6(a) => a.octets().to_vec(),
    }
}

/// `ip saddr NET`: a whole-byte prefix loads and compares just its bytes;
/// any other length loads the whole address and masks it first.
fn match_net(out: &mut Vec<Expr>, net: &Net, is_src: bool) {
    let offset = match (net.is_v6(), is_src) {
        (false, true) => 12,
        (false, false) => 16,
        (true, true) => 8,
        (true, false) => 24,
    };
    let full = usize::from(net.full_len() / 8);
    let bits = usize::from(net.len);
    let bytes = addr_bytes(&net.addr);
    if bits % 8 == 0 && bits > 0 {
        let n = bits / 8;
        out.push(Expr::Payload { dreg: NFT_REG_1, base: NFT_PAYLOAD_NETWORK_HEADER, offset, len: n as u32 });
        out.push(eq(bytes[..n].to_vec()));
        return;
    }
    // nft loads the whole address when the prefix ends inside a byte.
    let n = full;
    let mask: Vec<u8> = (0..n)
        .map(|i| {
            let covered = bits.saturating_sub(i * 8).min(8);
            (0xffu16 << (8 - covered)) as u8
        })
        .collect();
    out.push(Expr::Payload { dreg: NFT_REG_1, base: NFT_PAYLOAD_NETWORK_HEADER, offset, len: n as u32 });
    out.push(Expr::Bitwise { sreg: NFT_REG_1, dreg: NFT_REG_1, len: n as u32, mask, xor: vec![0; n] });
    out.push(eq(bytes[..n].to_vec()));
}

/// An interface name as `meta iifname` compares it: its bytes (the word
/// may carry bytes that are not UTF-8), NUL-padded to IFNAMSIZ.
fn ifname_bytes(name: &str) -> Vec<u8> {
    let mut v = bytes(name).into_owned();
    v.resize(IFNAMSIZ, 0);
    v
}

fn match_l4proto(out: &mut Vec<Expr>, proto: u8) {
    out.push(load_meta(meta::L4PROTO));
    out.push(eq(vec![proto]));
}

fn nat(out: &mut Vec<Expr>, kind: u32, to: &IpAddr, port: Option<u16>) {
    out.push(Expr::Immediate { dreg: NFT_REG_1, data: addr_bytes(to) });
    if let Some(p) = port {
        out.push(Expr::Immediate { dreg: NFT_REG_2, data: p.to_be_bytes().to_vec() });
    }
    out.push(Expr::Nat {
        kind,
        family: u32::from(if to.is_ipv6() { NFPROTO_IPV6 } else { NFPROTO_IPV4 }),
        reg_addr: Some(NFT_REG_1),
        reg_proto: port.map(|_| NFT_REG_2),
        flags: if port.is_some() { NF_NAT_RANGE_PROTO_SPECIFIED } else { 0 },
    });
}

/// The expressions of a rule.
pub fn compile(rule: &Rule) -> Vec<Expr> {
    let mut out = Vec::new();
    if let Some(net) = rule.src.or(rule.dst) {
        out.push(load_meta(meta::NFPROTO));
        out.push(eq(vec![if net.is_v6() { NFPROTO_IPV6 } else { NFPROTO_IPV4 }]));
    }
    if let Some(net) = &rule.src {
        match_net(&mut out, net, true);
    }
    if let Some(net) = &rule.dst {
        match_net(&mut out, net, false);
    }
    if let Some(name) = &rule.iif {
        out.push(load_meta(meta::IIFNAME));
        out.push(eq(ifname_bytes(name)));
    }
    if let Some(name) = &rule.oif {
        out.push(load_meta(meta::OIFNAME));
        out.push(eq(ifname_bytes(name)));
    }
    match &rule.action {
        Action::Accept { proto } => {
            match_l4proto(&mut out, *proto);
            out.push(Expr::Verdict { code: NF_ACCEPT });
        }
        Action::Forward => out.push(Expr::Verdict { code: NF_ACCEPT }),
        Action::Masquerade => out.push(Expr::Masq { flags: 0 }),
        Action::Snat { to } => nat(&mut out, NFT_NAT_SNAT, to, None),
        Action::Dnat { proto, dport, to, to_port } => {
            match_l4proto(&mut out, *proto);
            out.push(Expr::Payload { dreg: NFT_REG_1, base: NFT_PAYLOAD_TRANSPORT_HEADER, offset: 2, len: 2 });
            out.push(eq(dport.to_be_bytes().to_vec()));
            nat(&mut out, NFT_NAT_DNAT, to, *to_port);
        }
        Action::ClampMss { mss } => {
            match_l4proto(&mut out, protocols::TCP);
            out.push(Expr::Payload { dreg: NFT_REG_1, base: NFT_PAYLOAD_TRANSPORT_HEADER, offset: 13, len: 1 });
            out.push(Expr::Bitwise { sreg: NFT_REG_1, dreg: NFT_REG_1, len: 1, mask: vec![TCP_FLAG_SYN], xor: vec![0] });
            out.push(Expr::Cmp { sreg: NFT_REG_1, op: NFT_CMP_NEQ, data: vec![0] });
            match mss {
                Some(n) => out.push(Expr::Immediate { dreg: NFT_REG_1, data: n.to_be_bytes().to_vec() }),
                None => {
                    out.push(Expr::Rt { dreg: NFT_REG_1, key: NFT_RT_TCPMSS });
                    out.push(Expr::Byteorder { sreg: NFT_REG_1, dreg: NFT_REG_1, op: NFT_BYTEORDER_HTON, len: 2, size: 2 });
                }
            }
            out.push(Expr::ExthdrWrite { sreg: NFT_REG_1, kind: TCPOPT_MAXSEG, offset: 2, len: 2, op: NFT_EXTHDR_OP_TCPOPT });
        }
    }
    out
}

/// What the expressions say, gathered without judging their order.
#[derive(Default)]
struct Found {
    v6: Option<bool>,
    src: Option<Net>,
    dst: Option<Net>,
    iif: Option<String>,
    oif: Option<String>,
    proto: Option<u8>,
    dport: Option<u16>,
    value: Option<Vec<u8>>,
    port: Option<Vec<u8>>,
    nat: Option<(u32, u32)>,
    masq: bool,
    accept: bool,
    mss_write: bool,
}

/// The name a `meta iifname` comparison holds, as a word.
/// An interface name matched by a rule: only one `iif`/`oif` would take
/// (another table's owner could have written any bytes).
fn name_of(data: &[u8]) -> Option<String> {
    let name = until_nul(data);
    super::rule::valid_ifname(name).then(|| word(name))
}

fn net_of(v6: bool, data: &[u8], mask: Option<&[u8]>) -> Option<Net> {
    let full = if v6 { 16 } else { 4 };
    let mut bytes = data.to_vec();
    if bytes.len() > full {
        return None;
    }
    let len = match mask {
        Some(m) => m.iter().map(|b| b.count_ones()).sum::<u32>() as u8,
        None => (bytes.len() * 8) as u8,
    };
    bytes.resize(full, 0);
    let addr: IpAddr = if v6 {
        <[u8; 16]>::try_from(bytes.as_slice()).ok()?.into()
    } else {
        <[u8; 4]>::try_from(bytes.as_slice()).ok()?.into()
    };
    Some(Net::new(addr, len))
}

fn addr_of(data: &[u8]) -> Option<IpAddr> {
    match data.len() {
        4 => Some(<[u8; 4]>::try_from(data).ok()?.into()),
        16 => Some(<[u8; 16]>::try_from(data).ok()?.into()),
        _ => None,
    }
}

fn u16_of(data: &[u8]) -> Option<u16> {
    Some(u16::from_be_bytes(data.try_into().ok()?))
}

/// The rule these expressions are in `chain`, if they are exactly what
/// rtun would generate for some rule.
pub fn decompile(chain: Chain, exprs: &[Expr]) -> Option<Rule> {
    let mut f = Found::default();
    let mut i = 0;
    while i < exprs.len() {
        let next = exprs.get(i + 1);
        let cmp_data = match next {
            Some(Expr::Cmp { data, .. }) => Some(data.as_slice()),
            _ => None,
        };
        match &exprs[i] {
            Expr::Meta { key, .. } => {
                let data = cmp_data?;
                match *key {
                    meta::NFPROTO => f.v6 = Some(*data.first()? == NFPROTO_IPV6),
                    meta::IIFNAME => f.iif = Some(name_of(data)?),
                    meta::OIFNAME => f.oif = Some(name_of(data)?),
                    meta::L4PROTO => f.proto = Some(*data.first()?),
                    _ => return None,
                }
                i += 2;
            }
            Expr::Payload { base, offset, .. } if *base == NFT_PAYLOAD_NETWORK_HEADER => {
                let v6 = f.v6?;
                let (mask, data) = match (next, exprs.get(i + 2)) {
                    (Some(Expr::Bitwise { mask, .. }), Some(Expr::Cmp { data, .. })) => (Some(mask.as_slice()), data),
                    (Some(Expr::Cmp { data, .. }), _) => (None, data),
                    _ => return None,
                };
                let net = net_of(v6, data, mask)?;
                match (v6, *offset) {
                    (false, 12) | (true, 8) => f.src = Some(net),
                    (false, 16) | (true, 24) => f.dst = Some(net),
                    _ => return None,
                }
                i += if mask.is_some() { 3 } else { 2 };
            }
            Expr::Payload { offset: 2, .. } => {
                f.dport = Some(u16_of(cmp_data?)?);
                i += 2;
            }
            Expr::Payload { offset: 13, .. } => i += 3, // tcp flags syn
            Expr::Immediate { dreg, data } if *dreg == NFT_REG_2 => {
                f.port = Some(data.clone());
                i += 1;
            }
            Expr::Immediate { data, .. } => {
                f.value = Some(data.clone());
                i += 1;
            }
            Expr::Nat { kind, family, .. } => {
                f.nat = Some((*kind, *family));
                i += 1;
            }
            Expr::Masq { .. } => {
                f.masq = true;
                i += 1;
            }
            Expr::Verdict { code } if *code == NF_ACCEPT => {
                f.accept = true;
                i += 1;
            }
            Expr::Rt { .. } | Expr::Byteorder { .. } => i += 1,
            Expr::ExthdrWrite { .. } => {
                f.mss_write = true;
                i += 1;
            }
            _ => return None,
        }
    }
    let action = match chain {
        Chain::Input if f.accept => Action::Accept { proto: f.proto? },
        Chain::Forward if f.accept => Action::Forward,
        Chain::Postrouting if f.masq => Action::Masquerade,
        Chain::Postrouting if f.nat.map(|n| n.0) == Some(NFT_NAT_SNAT) => Action::Snat { to: addr_of(f.value.as_deref()?)? },
        Chain::Prerouting if f.nat.map(|n| n.0) == Some(NFT_NAT_DNAT) => Action::Dnat {
            proto: f.proto?,
            dport: f.dport?,
            to: addr_of(f.value.as_deref()?)?,
            to_port: match &f.port {
                Some(p) => Some(u16_of(p)?),
                None => None,
            },
        },
        Chain::Mss if f.mss_write => Action::ClampMss {
            mss: match &f.value {
                Some(v) => Some(u16_of(v)?),
                None => None,
            },
        },
        _ => return None,
    };
    let rule = Rule { action, src: f.src, dst: f.dst, iif: f.iif, oif: f.oif };
    // Exactly what rtun generates, for a rule its words can say (a dnat
    // of proto 251 compiles, but `add` would refuse it).
    let words: Vec<String> = rule.words().split(' ').map(String::from).collect();
    let sayable = super::rule::parse(&words, crate::cli::options::Family::Unspec).is_ok_and(|r| r == rule);
    (sayable && compile(&rule) == exprs).then_some(rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::options::Family;

    fn rule(s: &str) -> Rule {
        let words: Vec<String> = s.split_whitespace().map(String::from).collect();
        match super::super::rule::parse(&words, Family::Unspec) {
            Ok(r) => r,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    #[test]
    fn every_form_decompiles_to_itself() {
        for line in [
            "accept proto gre",
            "accept proto gre src 10.0.0.0/8 iif eth0",
            "accept proto esp src 2001:db8::/32 dst 2001:db8:1::1",
            "forward src 10.16.0.0/12 dst 192.168.1.0/24 iif a oif b",
            "forward src 0.0.0.0/0",
            "masquerade src 10.0.0.0/8 oif eth0",
            "snat to 1.2.3.4 src 10.0.0.0/8",
            "snat to fd00::1 src fd00::/8",
            "dnat proto tcp dport 8080 to 10.0.0.2:80 iif eth0",
            "dnat proto udp dport 53 to 10.0.0.2",
            "clamp-mss oif wg0",
            "clamp-mss iif a mss 1360",
        ] {
            let r = rule(line);
            let chain = Chain::of(&r.action);
            assert_eq!(decompile(chain, &compile(&r)), Some(r.clone()), "{line}");
        }
    }

    #[test]
    fn odd_prefix_is_masked_like_nft() {
        // nft: payload load 4b @ network header + 12, bitwise & 0xfff00000, cmp 0x0a100000.
        let e = compile(&rule("forward src 10.16.0.0/12"));
        assert_eq!(e[2], Expr::Payload { dreg: 1, base: 1, offset: 12, len: 4 });
        assert_eq!(e[3], Expr::Bitwise { sreg: 1, dreg: 1, len: 4, mask: vec![0xff, 0xf0, 0, 0], xor: vec![0; 4] });
        assert_eq!(e[4], Expr::Cmp { sreg: 1, op: 0, data: vec![10, 16, 0, 0] });
    }

    #[test]
    fn wrong_chain_or_extra_expression_is_not_rtuns() {
        let r = rule("forward src 10.0.0.0/8");
        let mut e = compile(&r);
        assert_eq!(decompile(Chain::Input, &e), None);
        e.insert(0, Expr::Other { name: "counter".into() });
        assert_eq!(decompile(Chain::Forward, &e), None);
    }
}
