//! Following one packet through the whole nftables ruleset, as the kernel
//! would (`tunnel check`'s firewall check): every table of every family
//! that sees it, rtun's own, other programs' and iptables-nft's alike.
//!
//! # What is followed
//!
//! - the base chains on the packet's way in: netdev `ingress` on its
//!   device, then `prerouting` and `input` of the ip/ip6/inet tables, in
//!   the kernel's order (hook, then priority, then the order chains were
//!   made); an accept ends one base chain and the packet goes on to the
//!   next, a drop ends it all; a base chain's policy at its end;
//! - `jump`, `goto` and `return` (and a regular chain's implicit return),
//!   up to the kernel's 16 nested jumps;
//! - registers as the kernel holds them (16 words of 32 bits), with the
//!   bytes that cannot be known marked unknown: `payload` loads of the
//!   network and transport headers (the packet is built byte for byte),
//!   `meta` (nfproto, l4proto, protocol, length, mark, iif, iifname,
//!   iiftype, iifkind, oif/oifname as empty, pkttype, secpath, sdif) and
//!   `meta mark set`, `cmp` (every operator), `bitwise` (masks and
//!   shifts), `byteorder`, `immediate`, `range`;
//! - sets and maps, named and anonymous: `lookup` (and `!=`) in plain
//!   sets, interval sets (`10.0.0.0/8`, `1-1024`), concatenations
//!   (`ip saddr . meta l4proto`, with ranges per field), catch-all
//!   elements, data maps and verdict maps (`vmap`, whose verdicts may jump);
//! - `ct state`, `ct direction`, `ct l3proto`, `ct protocol` and `ct mark`
//!   for a packet that starts a flow (`new`) and for one that answers a
//!   flow this host started (`established`), and `invalid` in chains that
//!   run before conntrack (priority below -200); nat chains only see a
//!   flow's first packet;
//! - `fib daddr type`, `fib saddr type`, and `fib saddr . iif oif` (the
//!   way back to the remote is the device the packet comes in on);
//! - `exthdr` (IPv6 extension headers, IPv4 options, TCP options: none in
//!   a tunnel packet), `reject` (a drop), `counter`, `log`, `notrack`,
//!   `payload … set`, `dynset` and `objref` (taken as matching, no
//!   verdict), nat statements (the nat chain's accept);
//! - iptables-nft's xtables compatibility: the `comment` match (always
//!   true), `REJECT` (a drop) and targets that only mark, log or change a
//!   header (LOG, NFLOG, TCPMSS, MARK, CONNMARK, CT, DSCP …).
//!
//! # What is not
//!
//! Any other xtables match or target (`conntrack`, `state`, `multiport`,
//! `set` …: their binary options are iptables' own), `limit`, `quota`,
//! `connlimit`, `hash`, `numgen`, `rt`, `socket`, `osf`, `xfrm`, `tunnel`,
//! `queue` and `synproxy`, `ct` keys other than the above, the link-layer
//! header, the `meta` keys that depend on time, CPU, cgroup or device
//! group, and what a flow's earlier packets or other rules' `dynset` left
//! behind (sets are taken as they are now). A rule that needs any of these
//! "cannot be evaluated": it is taken as not matching, and said to be
//! unsure when it could have changed the verdict (it holds a verdict, a
//! jump or a verdict map). Bridge, arp and egress hooks are never on the
//! way of a packet to this host.

use std::collections::HashMap;

use super::chains::{HOOK_INPUT, HOOK_PREROUTING, NFPROTO_INET};
use super::expr::{self, ct, fib, meta, Data, Expr, NF_ACCEPT, NF_DROP, NF_QUEUE};
use super::list::{self, ChainInfo, ElemInfo, RuleInfo, SetInfo, NFT_SET_ELEM_CATCHALL, NFT_SET_ELEM_INTERVAL_END, NFT_SET_INTERVAL};
use crate::cli::bytes::bytes;
use crate::error::Result;
use crate::netlink::netfilter::Netfilter;

pub const NFPROTO_IPV4: u8 = 2;
pub const NFPROTO_NETDEV: u8 = 5;
pub const NFPROTO_IPV6: u8 = 10;
/// The netdev family's ingress hook.
const NETDEV_INGRESS: u32 = 0;
/// Conntrack's priority (NF_IP_PRI_CONNTRACK): chains before it see no flow.
const PRI_CONNTRACK: i32 = -200;
/// NFT_JUMP_STACK_SIZE.
const JUMP_STACK: usize = 16;
const RTN_UNICAST: u32 = 1;
const RTN_LOCAL: u32 = 2;
/// PACKET_HOST: addressed to this host.
const PACKET_HOST: u8 = 0;
const IFNAMSIZ: usize = 16;

/// The whole ruleset, as read at one generation.
#[derive(Default)]
pub struct Ruleset {
    pub chains: Vec<ChainInfo>,
    rules: HashMap<(u8, String, String), Vec<RuleInfo>>,
    sets: HashMap<(u8, String, String), (SetInfo, Vec<ElemInfo>)>,
}

impl Ruleset {
    /// A ruleset from its parts (tests build them by hand).
    pub fn new(chains: Vec<ChainInfo>, rules: Vec<RuleInfo>, sets: Vec<(SetInfo, Vec<ElemInfo>)>) -> Ruleset {
        let mut rs = Ruleset { chains, ..Ruleset::default() };
        for r in rules {
            rs.rules.entry((r.family, r.table.clone(), r.chain.clone())).or_default().push(r);
        }
        for (s, e) in sets {
            rs.sets.insert((s.family, s.table.clone(), s.name.clone()), (s, e));
        }
        rs
    }

    /// Every rule, chain by chain.
    pub fn rules(&self) -> impl Iterator<Item = &RuleInfo> {
        self.rules.values().flatten()
    }

    fn chain_rules(&self, family: u8, table: &str, chain: &str) -> &[RuleInfo] {
        self.rules.get(&(family, table.to_string(), chain.to_string())).map_or(&[], Vec::as_slice)
    }
}

/// Read the ruleset: chains, rules, sets and their elements, all of one
/// generation (read again while it changes, as `nft` does; after that,
/// as last read).
pub fn read(nf: &mut Netfilter) -> Result<Ruleset> {
    let mut last = None;
    let whole = super::at_one_generation(nf, |nf, generation| {
        let chains = list::chains(nf, 0)?;
        let mut rules = Vec::new();
        list::each_rule(nf, 0, None, |r| {
            rules.push(r);
            Ok(())
        })?;
        let mut sets = Vec::new();
        for s in list::sets(nf, 0)? {
            let elems = list::elements(nf, s.family, &s.table, &s.name)?;
            sets.push((s, elems));
        }
        let rs = Ruleset::new(chains, rules, sets);
        if super::unchanged(nf, generation)? {
            return Ok(Some(rs));
        }
        last = Some(rs);
        Ok(None)
    })?;
    Ok(whole.or(last).unwrap_or_default())
}

/// The device a packet comes in on.
#[derive(Clone, Debug, Default)]
pub struct Iface {
    pub index: u32,
    /// The name's bytes.
    pub name: Vec<u8>,
    /// The link kind (`veth`, `gre` …; empty for a physical device).
    pub kind: String,
    /// ARPHRD_*.
    pub arphrd: u16,
}

/// A packet on its way in to this host.
#[derive(Clone, Debug)]
pub struct Packet {
    /// NFPROTO_IPV4 or NFPROTO_IPV6.
    pub family: u8,
    /// The packet from its network header on.
    pub bytes: Vec<u8>,
    /// Where the transport header starts, and its protocol.
    pub l4: usize,
    pub l4proto: u8,
    /// The device it comes in on (None: not known).
    pub iif: Option<Iface>,
    /// Whether its destination is one of this host's addresses.
    pub to_local: bool,
}

impl Packet {
    /// An IPv4 packet from `src` to `dst` of `proto` carrying `payload`
    /// (20-byte header, DF, TTL 64; the checksum is left 0: no rule
    /// looks at it).
    pub fn ipv4(src: std::net::Ipv4Addr, dst: std::net::Ipv4Addr, proto: u8, payload: &[u8]) -> Packet {
        let total = (20 + payload.len()).min(0xffff) as u16;
        let mut b = vec![0x45, 0];
        b.extend_from_slice(&total.to_be_bytes());
        b.extend_from_slice(&[0, 0, 0x40, 0, 64, proto, 0, 0]);
        b.extend_from_slice(&src.octets());
        b.extend_from_slice(&dst.octets());
        b.extend_from_slice(payload);
        Packet { family: NFPROTO_IPV4, bytes: b, l4: 20, l4proto: proto, iif: None, to_local: true }
    }

    /// An IPv6 packet from `src` to `dst` whose next header is `proto`.
    pub fn ipv6(src: std::net::Ipv6Addr, dst: std::net::Ipv6Addr, proto: u8, payload: &[u8]) -> Packet {
        let mut b = vec![0x60, 0, 0, 0];
        b.extend_from_slice(&(payload.len().min(0xffff) as u16).to_be_bytes());
        b.extend_from_slice(&[proto, 64]);
        b.extend_from_slice(&src.octets());
        b.extend_from_slice(&dst.octets());
        b.extend_from_slice(payload);
        Packet { family: NFPROTO_IPV6, bytes: b, l4: 40, l4proto: proto, iif: None, to_local: true }
    }
}

/// Which packet of a flow it is, for `ct`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// The first packet of a flow (the remote end speaks first).
    New,
    /// An answer to a flow this host started.
    Reply,
}

/// Where in the ruleset something happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub family: u8,
    pub table: String,
    pub chain: String,
    /// The rule: its handle and its position in the chain (from 1); None
    /// for the base chain's policy.
    pub rule: Option<(u64, usize)>,
    /// The base chain the packet was in (another than `chain` when it got
    /// there by jump or goto).
    pub base: String,
}

/// nft's name of a family.
pub fn family_name(f: u8) -> &'static str {
    match f {
        NFPROTO_INET => "inet",
        NFPROTO_IPV4 => "ip",
        NFPROTO_IPV6 => "ip6",
        3 => "arp",
        NFPROTO_NETDEV => "netdev",
        7 => "bridge",
        _ => "?",
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "table {} {} chain {}", family_name(self.family), self.table, self.chain)?;
        match self.rule {
            Some((handle, _)) => write!(f, " rule handle {handle}")?,
            None => write!(f, " policy")?,
        }
        if self.base != self.chain {
            write!(f, " (from chain {})", self.base)?;
        }
        Ok(())
    }
}

/// What became of the packet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every base chain on its way let it through.
    Accepted,
    Dropped(Place),
    /// A verdict that cannot be followed (queued to a program …).
    Unknown(Place, String),
}

/// A rule that could not be evaluated, taken as not matching, though it
/// could have changed the verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsure {
    pub place: Place,
    /// Why it cannot be evaluated.
    pub why: String,
    pub could_accept: bool,
    pub could_drop: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub outcome: Outcome,
    /// The unsure rules met on the way, in order.
    pub unsure: Vec<Unsure>,
}

impl Evaluation {
    /// What became of the packet, in words.
    pub fn outcome_text(&self) -> String {
        match &self.outcome {
            Outcome::Accepted => "accepted".into(),
            Outcome::Dropped(p) => format!("dropped by {p}"),
            Outcome::Unknown(p, why) => format!("cannot be followed at {p}: {why}"),
        }
    }
}

/// The registers: 16 words of 32 bits (NFT_REG_1..4 are four words each),
/// each byte known or not.
#[derive(Clone)]
struct Regs {
    data: [u8; 64],
    known: [bool; 64],
}

/// Where register `reg` starts in `Regs` (NFT_REG_1..4 and NFT_REG32_00..15).
fn reg_offset(reg: u32) -> Option<usize> {
    match reg {
        1..=4 => Some((reg as usize - 1) * 16),
        8..=23 => Some((reg as usize - 8) * 4),
        _ => None,
    }
}

impl Regs {
    fn new() -> Regs {
        Regs { data: [0; 64], known: [false; 64] }
    }

    /// Store `v` at `reg`, its last word padded with known zeros, as the
    /// kernel's loads do.
    fn store(&mut self, reg: u32, v: &[u8]) -> Step {
        let Some(off) = reg_offset(reg) else { return Step::Unknown(format!("register {reg}")) };
        let padded = v.len().div_ceil(4) * 4;
        if off + padded.max(v.len()) > 64 {
            return Step::Unknown(format!("register {reg}"));
        }
        for i in 0..padded {
            self.data[off + i] = v.get(i).copied().unwrap_or(0);
            self.known[off + i] = true;
        }
        Step::Go
    }

    /// Mark `len` bytes at `reg` unknown.
    fn forget(&mut self, reg: u32, len: usize) {
        if let Some(off) = reg_offset(reg) {
            for k in self.known.iter_mut().skip(off).take(len.div_ceil(4) * 4) {
                *k = false;
            }
        }
    }

    /// `len` bytes at `reg`, if all known.
    fn load(&self, reg: u32, len: usize) -> Option<Vec<u8>> {
        let off = reg_offset(reg)?;
        let end = off.checked_add(len).filter(|&e| e <= 64)?;
        self.known[off..end].iter().all(|&k| k).then(|| self.data[off..end].to_vec())
    }

    /// `len` bytes at `reg`, each known or not.
    fn load_partial(&self, reg: u32, len: usize) -> Option<Vec<Option<u8>>> {
        let off = reg_offset(reg)?;
        let end = off.checked_add(len).filter(|&e| e <= 64)?;
        Some((off..end).map(|i| self.known[i].then_some(self.data[i])).collect())
    }
}

/// One expression's effect on the rule.
enum Step {
    /// On to the next expression.
    Go,
    /// The rule does not match (NFT_BREAK).
    Break,
    /// A verdict ends the rule.
    Verdict(Verdict),
    /// It cannot be evaluated: why.
    Unknown(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Verdict {
    Accept,
    Drop,
    Jump(String),
    Goto(String),
    Return,
    /// A verdict that cannot be followed: why.
    Other(String),
}

fn verdict_of(code: i32, chain: Option<&str>) -> Option<Verdict> {
    Some(match code {
        NF_ACCEPT => Verdict::Accept,
        NF_DROP => Verdict::Drop,
        expr::NFT_RETURN => Verdict::Return,
        expr::NFT_JUMP => Verdict::Jump(chain?.to_string()),
        expr::NFT_GOTO => Verdict::Goto(chain?.to_string()),
        expr::NFT_CONTINUE => return None,
        c if c & 0xff == NF_QUEUE => Verdict::Other("the packet is queued to a program (queue)".into()),
        c => Verdict::Other(format!("verdict {c}")),
    })
}

/// The state the walk through one base chain carries.
struct Walk<'a> {
    rs: &'a Ruleset,
    pkt: &'a Packet,
    /// The chain's family (inet chains see the packet's own).
    pf: u8,
    table: &'a str,
    /// The family of the chain's table (sets are the table's).
    table_family: u8,
    /// `ct state` here: None before conntrack.
    flow: Option<Flow>,
    /// `meta mark` (None once set from an unknown value).
    mark: Option<u32>,
}

/// Targets of iptables-nft that only mark, log or change a header field:
/// the rule goes on as if they were not there.
const XT_PASSIVE_TARGETS: &[&str] = &[
    "LOG", "NFLOG", "ULOG", "TCPMSS", "MARK", "CONNMARK", "CT", "NOTRACK", "CLASSIFY", "DSCP", "TOS", "TTL", "HL", "TRACE",
    "AUDIT", "CHECKSUM", "SECMARK", "CONNSECMARK", "IDLETIMER", "LED", "RATEEST", "TEE",
];
/// Expressions that neither match nor decide: counters, logs, setters.
const PASSIVE: &[&str] = &["counter", "log", "last", "notrack", "payload", "dup", "dynset", "objref", "flow_offload", "exthdr", "meta"];

impl Walk<'_> {
    fn meta(&self, key: u32) -> std::result::Result<Vec<u8>, Step> {
        let pkt = self.pkt;
        let u32b = |v: u32| v.to_ne_bytes().to_vec();
        let name16 = |n: &[u8]| {
            let mut v = n.to_vec();
            v.resize(IFNAMSIZ, 0);
            v
        };
        let iif = || pkt.iif.as_ref().ok_or_else(|| Step::Unknown("the device the packet comes in on is not known".into()));
        Ok(match key {
            meta::LEN => u32b(pkt.bytes.len() as u32),
            meta::PROTOCOL => if pkt.family == NFPROTO_IPV6 { vec![0x86, 0xdd] } else { vec![0x08, 0x00] },
            meta::PRIORITY => u32b(0),
            meta::MARK => match self.mark {
                Some(m) => u32b(m),
                None => return Err(Step::Unknown("meta mark was set from a value not known".into())),
            },
            meta::IIF => u32b(iif()?.index),
            meta::OIF | meta::SDIF => u32b(0),
            meta::IIFNAME => name16(&iif()?.name),
            meta::OIFNAME | meta::SDIFNAME => vec![0; IFNAMSIZ],
            meta::IIFTYPE => iif()?.arphrd.to_ne_bytes().to_vec(),
            meta::OIFTYPE | meta::SKUID | meta::SKGID => return Err(Step::Break),
            meta::NFPROTO => vec![self.pf],
            meta::L4PROTO => vec![pkt.l4proto],
            meta::PKTTYPE => vec![PACKET_HOST],
            meta::SECPATH => vec![0],
            meta::IIFKIND => match iif()?.kind.as_str() {
                "" => return Err(Step::Break),
                k => name16(k.as_bytes()),
            },
            k => return Err(Step::Unknown(format!("meta key {k}"))),
        })
    }

    fn ct(&self, key: u32, dir: Option<u8>) -> std::result::Result<Vec<u8>, Step> {
        let Some(flow) = self.flow else {
            // Before conntrack the packet has no flow: `invalid`.
            return if key == ct::STATE { Ok(ct::INVALID.to_ne_bytes().to_vec()) } else { Err(Step::Break) };
        };
        if dir.is_some() {
            return Err(Step::Unknown("ct with a direction".into()));
        }
        Ok(match key {
            ct::STATE => (if flow == Flow::New { ct::NEW } else { ct::ESTABLISHED }).to_ne_bytes().to_vec(),
            ct::DIRECTION => vec![u8::from(flow == Flow::Reply)],
            ct::L3PROTOCOL => vec![self.pkt.family],
            ct::PROTOCOL => vec![self.pkt.l4proto],
            ct::MARK if flow == Flow::New => 0u32.to_ne_bytes().to_vec(),
            k => return Err(Step::Unknown(format!("ct key {k}"))),
        })
    }

    fn fib(&self, result: u32, flags: u32) -> std::result::Result<Vec<u8>, Step> {
        let unknown = || Step::Unknown("a fib look-up of this kind".into());
        let saddr = flags & fib::F_SADDR != 0;
        match result {
            fib::ADDRTYPE if saddr => Ok(RTN_UNICAST.to_ne_bytes().to_vec()),
            fib::ADDRTYPE if self.pkt.to_local => Ok(RTN_LOCAL.to_ne_bytes().to_vec()),
            // The way back to the remote is the device the packet came in
            // on (its route is how the device was found).
            fib::OIF | fib::OIFNAME if saddr => {
                let iif = self.pkt.iif.as_ref().ok_or_else(unknown)?;
                Ok(match (result, flags & fib::F_PRESENT != 0) {
                    (_, true) => vec![1],
                    (fib::OIF, false) => iif.index.to_ne_bytes().to_vec(),
                    _ => {
                        let mut n = iif.name.clone();
                        n.resize(IFNAMSIZ, 0);
                        n
                    }
                })
            }
            _ => Err(unknown()),
        }
    }

    /// Whether `key` is in set `name`, and the element's data.
    fn lookup(&self, name: &str, key: &[Option<u8>]) -> std::result::Result<Option<Option<Data>>, Step> {
        let Some((set, elems)) = self.set(name) else {
            return Err(Step::Unknown(format!("set {name} was not read")));
        };
        let key_len = (set.key_len as usize).min(key.len());
        let found = |e: &ElemInfo| e.data.clone();
        if elems.is_empty() {
            return Ok(None);
        }
        let Some(key): Option<Vec<u8>> = key[..key_len].iter().copied().collect() else {
            return Err(Step::Unknown(format!("the key looked up in set {name} is not known")));
        };
        let catchall = elems.iter().find(|e| e.flags & NFT_SET_ELEM_CATCHALL != 0);
        let hit = if elems.iter().any(|e| e.key_end.is_some()) {
            // Ranges per element (concatenations with intervals), each
            // field between its bounds.
            let fields = field_spans(set);
            elems.iter().filter(|e| e.flags & NFT_SET_ELEM_CATCHALL == 0).find(|e| {
                let end = e.key_end.as_deref().unwrap_or(&e.key);
                fields.iter().all(|&(off, len)| {
                    let (k, lo, hi) = (key.get(off..off + len), e.key.get(off..off + len), end.get(off..off + len));
                    matches!((k, lo, hi), (Some(k), Some(lo), Some(hi)) if lo <= k && k <= hi)
                })
            })
        } else if set.flags & NFT_SET_INTERVAL != 0 {
            interval_hit(elems, &key)
        } else {
            elems.iter().find(|e| e.flags & NFT_SET_ELEM_CATCHALL == 0 && e.key.get(..key.len()) == Some(&key[..]))
        };
        Ok(hit.or(catchall).map(found))
    }

    /// Set `name` of this chain's table.
    fn set(&self, name: &str) -> Option<&(SetInfo, Vec<ElemInfo>)> {
        self.rs.sets.get(&(self.table_family, self.table.to_string(), name.to_string()))
    }

    fn expr(&mut self, e: &Expr, regs: &mut Regs) -> Step {
        let pkt = self.pkt;
        match e {
            Expr::Meta { key, dreg } => match self.meta(*key) {
                Ok(v) => regs.store(*dreg, &v),
                Err(s) => s,
            },
            Expr::MetaSet { key, sreg } => {
                if *key == meta::MARK {
                    self.mark = regs.load(*sreg, 4).map(|v| u32::from_ne_bytes([v[0], v[1], v[2], v[3]]));
                }
                Step::Go
            }
            Expr::Cmp { sreg, op, data } => {
                let Some(v) = regs.load(*sreg, data.len()) else { return Step::Unknown("a comparison of a value not known".into()) };
                let d = v.as_slice().cmp(data.as_slice());
                use std::cmp::Ordering::*;
                let hit = match *op {
                    expr::NFT_CMP_EQ => d == Equal,
                    expr::NFT_CMP_NEQ => d != Equal,
                    expr::NFT_CMP_LT => d == Less,
                    expr::NFT_CMP_LTE => d != Greater,
                    expr::NFT_CMP_GT => d == Greater,
                    expr::NFT_CMP_GTE => d != Less,
                    o => return Step::Unknown(format!("cmp operator {o}")),
                };
                if hit { Step::Go } else { Step::Break }
            }
            Expr::Payload { dreg, base, offset, len } => {
                let start = match *base {
                    expr::NFT_PAYLOAD_NETWORK_HEADER => 0,
                    expr::NFT_PAYLOAD_TRANSPORT_HEADER => pkt.l4,
                    expr::NFT_PAYLOAD_LL_HEADER => return Step::Unknown("the link-layer header".into()),
                    b => return Step::Unknown(format!("payload base {b}")),
                };
                let from = start + *offset as usize;
                match pkt.bytes.get(from..from + *len as usize) {
                    Some(v) => regs.store(*dreg, v),
                    None => Step::Break,
                }
            }
            Expr::Bitwise { sreg, dreg, len, mask, xor } => {
                let Some(src) = regs.load_partial(*sreg, *len as usize) else { return Step::Unknown("bitwise".into()) };
                let mut out = Vec::with_capacity(src.len());
                for (i, b) in src.iter().enumerate() {
                    let (m, x) = (mask.get(i).copied().unwrap_or(0), xor.get(i).copied().unwrap_or(0));
                    out.push(match b {
                        Some(b) => Some((b & m) ^ x),
                        None if m == 0 => Some(x),
                        None => None,
                    });
                }
                store_partial(regs, *dreg, &out)
            }
            Expr::Shift { sreg, dreg, len, op, shift } => {
                let n = (*len as usize).div_ceil(4);
                let Some(src) = regs.load(*sreg, n * 4) else {
                    regs.forget(*dreg, *len as usize);
                    return Step::Go;
                };
                let w: Vec<u32> = src.chunks(4).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).collect();
                let s = *shift % 32;
                let mut out = vec![0u32; n];
                let mut carry = 0u32;
                if *op == expr::NFT_BITWISE_LSHIFT {
                    for i in (0..n).rev() {
                        out[i] = (w[i] << s) | carry;
                        carry = if s == 0 { 0 } else { w[i] >> (32 - s) };
                    }
                } else {
                    for i in 0..n {
                        out[i] = carry | (w[i] >> s);
                        carry = if s == 0 { 0 } else { w[i] << (32 - s) };
                    }
                }
                let bytes: Vec<u8> = out.iter().flat_map(|v| v.to_ne_bytes()).collect();
                regs.store(*dreg, &bytes)
            }
            Expr::Byteorder { sreg, dreg, len, size, .. } => {
                let (len, size) = (*len as usize, (*size as usize).max(1));
                match regs.load(*sreg, len) {
                    Some(v) => {
                        // ntoh and hton are the same swap on a little-endian host.
                        let out: Vec<u8> = if cfg!(target_endian = "little") {
                            v.chunks(size).flat_map(|c| c.iter().rev().copied().collect::<Vec<_>>()).collect()
                        } else {
                            v
                        };
                        regs.store(*dreg, &out)
                    }
                    None => {
                        regs.forget(*dreg, len);
                        Step::Go
                    }
                }
            }
            Expr::Immediate { dreg, data } => regs.store(*dreg, data),
            Expr::Verdict { code } => match verdict_of(*code, None) {
                Some(v) => Step::Verdict(v),
                None if *code == expr::NFT_BREAK => Step::Break,
                None => Step::Go,
            },
            Expr::Jump { code, chain } => match verdict_of(*code, Some(chain)) {
                Some(v) => Step::Verdict(v),
                None => Step::Go,
            },
            Expr::Range { sreg, op, from, to } => {
                let Some(v) = regs.load(*sreg, from.len()) else { return Step::Unknown("a range of a value not known".into()) };
                let inside = from.as_slice() <= v.as_slice() && v.as_slice() <= to.as_slice();
                if inside == (*op == expr::NFT_RANGE_EQ) { Step::Go } else { Step::Break }
            }
            Expr::Lookup { set, sreg, dreg, flags } => {
                let len = self.set(set).map_or(4, |s| s.0.key_len as usize);
                let Some(key) = regs.load_partial(*sreg, len) else { return Step::Unknown(format!("set {set}")) };
                let found = match self.lookup(set, &key) {
                    Ok(f) => f,
                    Err(s) => return s,
                };
                let invert = flags & expr::NFT_LOOKUP_F_INV != 0;
                match (found, dreg) {
                    (None, _) if invert => Step::Go,
                    (Some(_), _) if invert => Step::Break,
                    (None, _) => Step::Break,
                    (Some(_), None) => Step::Go,
                    (Some(Some(Data::Verdict { code, chain })), Some(0)) => match verdict_of(code, chain.as_deref()) {
                        Some(v) => Step::Verdict(v),
                        None if code == expr::NFT_BREAK => Step::Break,
                        None => Step::Go,
                    },
                    (Some(Some(Data::Value(v))), Some(d)) => regs.store(*d, &v),
                    (Some(_), Some(_)) => Step::Unknown(format!("map {set}")),
                }
            }
            Expr::Ct { key, dreg, dir } => match self.ct(*key, *dir) {
                Ok(v) => regs.store(*dreg, &v),
                Err(s) => s,
            },
            Expr::Fib { dreg, result, flags } => match self.fib(*result, *flags) {
                Ok(v) => regs.store(*dreg, &v),
                Err(s) => s,
            },
            // A tunnel packet has no IPv6 extension header, IPv4 option,
            // TCP, SCTP or DCCP option.
            Expr::Exthdr { dreg, flags, .. } => {
                if flags & expr::NFT_EXTHDR_F_PRESENT != 0 {
                    regs.store(*dreg, &[0])
                } else {
                    Step::Break
                }
            }
            Expr::Reject { .. } => Step::Verdict(Verdict::Drop),
            Expr::Nat { .. } | Expr::Masq { .. } => Step::Verdict(Verdict::Accept),
            Expr::Xt { target: false, name } if name == "comment" => Step::Go,
            Expr::Xt { target: true, name } if name == "REJECT" => Step::Verdict(Verdict::Drop),
            Expr::Xt { target: true, name } if XT_PASSIVE_TARGETS.contains(&name.as_str()) => Step::Go,
            Expr::Xt { target, name } => {
                Step::Unknown(format!("iptables-nft's xtables {} \"{name}\"", if *target { "target" } else { "match" }))
            }
            Expr::Rt { .. } => Step::Unknown("rt".into()),
            Expr::ExthdrWrite { .. } => Step::Go,
            Expr::Other { name } if name == "redir" => Step::Verdict(Verdict::Accept),
            Expr::Other { name } if name == "queue" => Step::Verdict(Verdict::Other("the packet is queued to a program (queue)".into())),
            Expr::Other { name } if name == "synproxy" && pkt.l4proto != 6 => Step::Break,
            Expr::Other { name } if PASSIVE.contains(&name.as_str()) => Step::Go,
            Expr::Other { name } => Step::Unknown(format!("the {name} expression")),
        }
    }
}

/// Store bytes each known or not.
fn store_partial(regs: &mut Regs, reg: u32, v: &[Option<u8>]) -> Step {
    let bytes: Vec<u8> = v.iter().map(|b| b.unwrap_or(0)).collect();
    let step = regs.store(reg, &bytes);
    if let (Step::Go, Some(off)) = (&step, reg_offset(reg)) {
        for (known, b) in regs.known.iter_mut().skip(off).zip(v) {
            if b.is_none() {
                *known = false;
            }
        }
    }
    step
}

/// Each field of a set's key: (offset, length); fields are padded to
/// 32 bits in the key. A key of one field is one span.
fn field_spans(set: &SetInfo) -> Vec<(usize, usize)> {
    if set.fields.is_empty() {
        return vec![(0, set.key_len as usize)];
    }
    let mut off = 0;
    set.fields
        .iter()
        .map(|&len| {
            let span = (off, len as usize);
            off += (len as usize).div_ceil(4) * 4;
            span
        })
        .collect()
}

/// An interval set as the kernel's rbtree holds it: an element starts a
/// range, one flagged INTERVAL_END starts the gap after it. The key falls
/// in the range whose start is the greatest at or below it.
fn interval_hit<'e>(elems: &'e [ElemInfo], key: &[u8]) -> Option<&'e ElemInfo> {
    let below = elems
        .iter()
        .filter(|e| e.flags & NFT_SET_ELEM_CATCHALL == 0 && e.key.as_slice() <= key)
        .max_by(|a, b| a.key.cmp(&b.key).then((b.flags & NFT_SET_ELEM_INTERVAL_END).cmp(&(a.flags & NFT_SET_ELEM_INTERVAL_END))))?;
    (below.flags & NFT_SET_ELEM_INTERVAL_END == 0).then_some(below)
}

/// What a rule could do if it matched: (accept, drop).
fn could(exprs: &[Expr]) -> (bool, bool) {
    let (mut accept, mut drop) = (false, false);
    for e in exprs {
        match e {
            Expr::Verdict { code } if *code == NF_ACCEPT => accept = true,
            Expr::Verdict { code } if *code == NF_DROP || *code & 0xff == NF_QUEUE => drop = true,
            Expr::Jump { .. } | Expr::Lookup { dreg: Some(0), .. } => (accept, drop) = (true, true),
            Expr::Reject { .. } => drop = true,
            Expr::Xt { target: true, name } if name == "REJECT" || name == "DROP" => drop = true,
            Expr::Xt { target: true, name } if !XT_PASSIVE_TARGETS.contains(&name.as_str()) => (accept, drop) = (true, true),
            Expr::Nat { .. } | Expr::Masq { .. } => accept = true,
            Expr::Other { name } if name == "queue" => drop = true,
            _ => {}
        }
    }
    (accept, drop)
}

impl Ruleset {
    /// The base chains a packet of `pkt` meets on its way in, in order.
    fn path(&self, pkt: &Packet) -> Vec<&ChainInfo> {
        let stage = |c: &ChainInfo| -> Option<u8> {
            let (hook, _) = c.hook?;
            match c.family {
                NFPROTO_NETDEV if hook == NETDEV_INGRESS => {
                    let iif = pkt.iif.as_ref()?;
                    (c.dev.as_deref().map(bytes).as_deref() == Some(&iif.name[..])).then_some(0)
                }
                f if f == NFPROTO_INET || f == pkt.family => match hook {
                    HOOK_PREROUTING => Some(1),
                    HOOK_INPUT => Some(2),
                    _ => None,
                },
                _ => None,
            }
        };
        let mut path: Vec<(u8, i32, usize, &ChainInfo)> =
            self.chains.iter().enumerate().filter_map(|(i, c)| Some((stage(c)?, c.hook?.1, i, c))).collect();
        path.sort_by_key(|&(s, p, i, _)| (s, p, i));
        path.into_iter().map(|(_, _, _, c)| c).collect()
    }

    /// Follow `pkt` through every base chain on its way in.
    pub fn evaluate(&self, pkt: &Packet, flow: Flow) -> Evaluation {
        let mut unsure = Vec::new();
        let mut mark = Some(0);
        for base in self.path(pkt) {
            let prio = base.hook.map_or(0, |h| h.1);
            let before_ct = base.family == NFPROTO_NETDEV || prio < PRI_CONNTRACK;
            // Nat chains see only a flow's first packet.
            if base.kind.as_deref() == Some("nat") && (flow != Flow::New || before_ct) {
                continue;
            }
            let pf = if base.family == NFPROTO_NETDEV { NFPROTO_NETDEV } else { pkt.family };
            let mut walk = Walk { rs: self, pkt, pf, table: &base.table, table_family: base.family, flow: (!before_ct).then_some(flow), mark };
            let end = walk.chain(base, &mut unsure);
            mark = walk.mark;
            match end {
                Outcome::Accepted => continue,
                other => return Evaluation { outcome: other, unsure },
            }
        }
        Evaluation { outcome: Outcome::Accepted, unsure }
    }
}

impl Walk<'_> {
    /// One base chain, with the chains it jumps to.
    fn chain(&mut self, base: &ChainInfo, unsure: &mut Vec<Unsure>) -> Outcome {
        let fam = base.family;
        let place = |chain: &str, rule: Option<(u64, usize)>| Place {
            family: fam,
            table: base.table.clone(),
            chain: chain.to_string(),
            rule,
            base: base.name.clone(),
        };
        let mut stack: Vec<(String, usize)> = Vec::new();
        let (mut chain, mut pos) = (base.name.clone(), 0usize);
        let mut steps = 0usize;
        loop {
            steps += 1;
            if steps > 100_000 {
                return Outcome::Unknown(place(&chain, None), "the chains loop".into());
            }
            let rules = self.rs.chain_rules(fam, &base.table, &chain);
            let Some(rule) = rules.get(pos) else {
                // The end of a chain: back to the one that jumped here, or
                // the base chain's policy.
                if let Some((c, p)) = stack.pop() {
                    (chain, pos) = (c, p);
                    continue;
                }
                return match base.policy {
                    Some(p) if p as i32 == NF_DROP => Outcome::Dropped(place(&base.name, None)),
                    _ => Outcome::Accepted,
                };
            };
            pos += 1;
            let here = place(&chain, Some((rule.handle, pos)));
            let mut regs = Regs::new();
            let mut verdict = None;
            for e in &rule.exprs {
                match self.expr(e, &mut regs) {
                    Step::Go => continue,
                    Step::Break => break,
                    Step::Verdict(v) => {
                        verdict = Some(v);
                        break;
                    }
                    Step::Unknown(why) => {
                        let (could_accept, could_drop) = could(&rule.exprs);
                        if could_accept || could_drop {
                            unsure.push(Unsure { place: here.clone(), why, could_accept, could_drop });
                        }
                        break;
                    }
                }
            }
            match verdict {
                None => {}
                Some(Verdict::Accept) => return Outcome::Accepted,
                Some(Verdict::Drop) => return Outcome::Dropped(here),
                Some(Verdict::Jump(to)) => {
                    if stack.len() >= JUMP_STACK {
                        return Outcome::Unknown(here, "more than 16 nested jumps".into());
                    }
                    stack.push((std::mem::replace(&mut chain, to), pos));
                    pos = 0;
                }
                Some(Verdict::Goto(to)) => (chain, pos) = (to, 0),
                Some(Verdict::Return) => match stack.pop() {
                    Some((c, p)) => (chain, pos) = (c, p),
                    None => {
                        return match base.policy {
                            Some(p) if p as i32 == NF_DROP => Outcome::Dropped(place(&base.name, None)),
                            _ => Outcome::Accepted,
                        }
                    }
                },
                Some(Verdict::Other(why)) => return Outcome::Unknown(here, why),
            }
        }
    }
}

/// Whether some rule clamps the TCP MSS of packets through `dev` (nft's
/// `tcp option maxseg size set …`, or iptables' TCPMSS target): one with
/// no `iifname`/`oifname` match, or with one that `dev` satisfies (a name
/// ending in `*` compares its prefix). Where it is, if so. Whether the
/// rule's chain is reached is not followed.
pub fn mss_clamp(rs: &Ruleset, dev: &[u8]) -> Option<Place> {
    let mut name = dev.to_vec();
    name.resize(IFNAMSIZ, 0);
    for r in rs.rules() {
        let clamps = r.exprs.iter().any(|e| {
            matches!(e, Expr::ExthdrWrite { kind, .. } if *kind == expr::TCPOPT_MAXSEG)
                || matches!(e, Expr::Xt { target: true, name } if name == "TCPMSS")
        });
        if !clamps {
            continue;
        }
        let names: Vec<&[u8]> = r
            .exprs
            .windows(2)
            .filter_map(|w| match (&w[0], &w[1]) {
                (Expr::Meta { key, .. }, Expr::Cmp { op, data, .. })
                    if (*key == meta::IIFNAME || *key == meta::OIFNAME) && *op == expr::NFT_CMP_EQ =>
                {
                    Some(data.as_slice())
                }
                _ => None,
            })
            .collect();
        let fits = names.is_empty() || names.iter().any(|n| name.starts_with(n));
        if fits {
            let pos = rs.chain_rules(r.family, &r.table, &r.chain).iter().position(|x| x.handle == r.handle).map_or(0, |p| p + 1);
            return Some(Place { family: r.family, table: r.table.clone(), chain: r.chain.clone(), rule: Some((r.handle, pos)), base: r.chain.clone() });
        }
    }
    None
}

#[cfg(test)]
mod tests;
