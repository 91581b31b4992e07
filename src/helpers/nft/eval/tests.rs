//! The evaluator on rulesets written out as `nft --debug=netlink` shows
//! what nft 1.0.6 generates for them (tests/tunnel_check.rs runs the same
//! kinds of rules through the real nft and kernel).

use super::*;
use crate::helpers::nft::expr::*;
use std::net::Ipv4Addr;

const R: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 2);
const L: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 1);

fn gre_packet() -> Packet {
    let mut p = Packet::ipv4(R, L, 47, &[0, 0, 8, 0]);
    p.iif = Some(Iface { index: 3, name: b"vA".to_vec(), kind: "veth".into(), arphrd: 1 });
    p
}

fn base(family: u8, table: &str, name: &str, hook: u32, prio: i32, policy: i32) -> ChainInfo {
    ChainInfo {
        family,
        table: table.into(),
        name: name.into(),
        handle: 1,
        hook: Some((hook, prio)),
        policy: Some(policy as u32),
        kind: Some("filter".into()),
        dev: None,
    }
}

fn regular(family: u8, table: &str, name: &str) -> ChainInfo {
    ChainInfo { family, table: table.into(), name: name.into(), handle: 2, hook: None, policy: None, kind: None, dev: None }
}

fn rule(family: u8, table: &str, chain: &str, handle: u64, exprs: Vec<Expr>) -> RuleInfo {
    RuleInfo { family, table: table.into(), chain: chain.into(), handle, exprs }
}

fn l4proto_is(p: u8) -> Vec<Expr> {
    vec![Expr::Meta { key: meta::L4PROTO, dreg: 1 }, Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: vec![p] }]
}

fn saddr_into(reg: u32) -> Expr {
    Expr::Payload { dreg: reg, base: NFT_PAYLOAD_NETWORK_HEADER, offset: 12, len: 4 }
}

fn verdict(code: i32) -> Expr {
    Expr::Verdict { code }
}

fn with(mut e: Vec<Expr>, last: Expr) -> Vec<Expr> {
    e.push(last);
    e
}

fn set(family: u8, table: &str, name: &str, flags: u32, key_len: u32) -> SetInfo {
    SetInfo { family, table: table.into(), name: name.into(), flags, key_len, fields: Vec::new() }
}

fn elem(key: &[u8], flags: u32, data: Option<Data>) -> ElemInfo {
    ElemInfo { key: key.to_vec(), key_end: None, flags, data }
}

fn place(family: u8, table: &str, chain: &str, rule: Option<(u64, usize)>, base: &str) -> Place {
    Place { family, table: table.into(), chain: chain.into(), rule, base: base.into() }
}

const IP: u8 = NFPROTO_IPV4;
const INET: u8 = NFPROTO_INET;

#[test]
fn no_ruleset_accepts() {
    let e = Ruleset::default().evaluate(&gre_packet(), Flow::New);
    assert_eq!(e, Evaluation { outcome: Outcome::Accepted, unsure: vec![] });
}

#[test]
fn an_accept_does_not_override_another_tables_drop() {
    // rtun's `accept proto gre src R`, and a foreign `ip protocol gre drop`.
    let rtun_accept = vec![
        Expr::Meta { key: meta::NFPROTO, dreg: 1 },
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: vec![2] },
        saddr_into(1),
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: R.octets().to_vec() },
        Expr::Meta { key: meta::L4PROTO, dreg: 1 },
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: vec![47] },
        verdict(NF_ACCEPT),
    ];
    let proto_drop = vec![
        Expr::Payload { dreg: 1, base: NFT_PAYLOAD_NETWORK_HEADER, offset: 9, len: 1 },
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: vec![47] },
        verdict(NF_DROP),
    ];
    let rs = Ruleset::new(
        vec![base(INET, "rtun", "input", 1, 0, NF_ACCEPT), base(IP, "fw", "in", 1, 10, NF_ACCEPT)],
        vec![rule(INET, "rtun", "input", 4, rtun_accept), rule(IP, "fw", "in", 7, proto_drop)],
        vec![],
    );
    let e = rs.evaluate(&gre_packet(), Flow::New);
    assert_eq!(e.outcome, Outcome::Dropped(place(IP, "fw", "in", Some((7, 1)), "in")));
    assert_eq!(e.outcome_text(), "dropped by table ip fw chain in rule handle 7");
    // Another protocol passes both.
    let mut ipip = gre_packet();
    ipip.bytes[9] = 4;
    ipip.l4proto = 4;
    assert_eq!(rs.evaluate(&ipip, Flow::New).outcome, Outcome::Accepted);
}

#[test]
fn policies_priorities_and_hooks() {
    // A policy drop on input at priority 10 after an accepting chain at 0;
    // a drop on output never meets the packet.
    let rs = Ruleset::new(
        vec![base(IP, "a", "late", 1, 10, NF_DROP), base(IP, "b", "early", 1, -5, NF_ACCEPT), base(IP, "c", "out", 3, 0, NF_DROP)],
        vec![rule(IP, "b", "early", 2, with(l4proto_is(47), verdict(NF_ACCEPT)))],
        vec![],
    );
    assert_eq!(rs.evaluate(&gre_packet(), Flow::New).outcome, Outcome::Dropped(place(IP, "a", "late", None, "late")));
    // ip6 tables never see an IPv4 packet; a netdev ingress chain on
    // another device neither.
    let mut other = base(NFPROTO_NETDEV, "n", "ing", 0, 0, NF_DROP);
    other.dev = Some("eth9".into());
    let rs = Ruleset::new(vec![base(NFPROTO_IPV6, "six", "in", 1, 0, NF_DROP), other.clone()], vec![], vec![]);
    assert_eq!(rs.evaluate(&gre_packet(), Flow::New).outcome, Outcome::Accepted);
    other.dev = Some("vA".into());
    let rs = Ruleset::new(vec![other], vec![], vec![]);
    assert_eq!(rs.evaluate(&gre_packet(), Flow::New).outcome, Outcome::Dropped(place(NFPROTO_NETDEV, "n", "ing", None, "ing")));
}

#[test]
fn jumps_gotos_and_returns() {
    // in: iifname "v*" jump sub; policy drop
    // sub: ip saddr 192.0.0.0/8 goto sub2; return
    // sub2: meta l4proto 47 accept
    let iif_v = vec![
        Expr::Meta { key: meta::IIFNAME, dreg: 1 },
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: b"v".to_vec() },
        Expr::Jump { code: NFT_JUMP, chain: "sub".into() },
    ];
    let to_sub2 = vec![
        Expr::Payload { dreg: 1, base: NFT_PAYLOAD_NETWORK_HEADER, offset: 12, len: 1 },
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: vec![192] },
        Expr::Jump { code: NFT_GOTO, chain: "sub2".into() },
    ];
    let rules = |sub2: Vec<Expr>| {
        vec![
            rule(IP, "fw", "in", 2, iif_v.clone()),
            rule(IP, "fw", "sub", 3, to_sub2.clone()),
            rule(IP, "fw", "sub", 4, vec![verdict(NFT_RETURN)]),
            rule(IP, "fw", "sub2", 5, sub2),
        ]
    };
    let chains = || vec![base(IP, "fw", "in", 1, 0, NF_DROP), regular(IP, "fw", "sub"), regular(IP, "fw", "sub2")];
    let rs = Ruleset::new(chains(), rules(with(l4proto_is(47), verdict(NF_ACCEPT))), vec![]);
    assert_eq!(rs.evaluate(&gre_packet(), Flow::New).outcome, Outcome::Accepted);
    // sub2 does not accept GRE: after a goto, its end returns to `in`
    // (not to `sub`), where the policy drops.
    let rs = Ruleset::new(chains(), rules(with(l4proto_is(4), verdict(NF_ACCEPT))), vec![]);
    assert_eq!(rs.evaluate(&gre_packet(), Flow::New).outcome, Outcome::Dropped(place(IP, "fw", "in", None, "in")));
    // A drop in a chain reached by a jump is named with its base chain.
    let rs = Ruleset::new(chains(), rules(with(l4proto_is(47), verdict(NF_DROP))), vec![]);
    let e = rs.evaluate(&gre_packet(), Flow::New);
    assert_eq!(e.outcome, Outcome::Dropped(place(IP, "fw", "sub2", Some((5, 1)), "in")));
    assert_eq!(e.outcome_text(), "dropped by table ip fw chain sub2 rule handle 5 (from chain in)");
}

#[test]
fn sets_intervals_concatenations_and_verdict_maps() {
    // ip saddr @blocked drop, blocked = { 192.0.2.0/24, 198.51.100.7 }
    // as the kernel's rbtree holds it.
    let blocked = set(IP, "fw", "blocked", 0x4, 4);
    let elems = vec![
        elem(&[0, 0, 0, 0], 1, None),
        elem(&[192, 0, 2, 0], 0, None),
        elem(&[192, 0, 3, 0], 1, None),
        elem(&[198, 51, 100, 7], 0, None),
        elem(&[198, 51, 100, 8], 1, None),
    ];
    let drop_blocked = vec![saddr_into(1), Expr::Lookup { set: "blocked".into(), sreg: 1, dreg: None, flags: 0 }, verdict(NF_DROP)];
    let rs = |elems: Vec<ElemInfo>| {
        Ruleset::new(
            vec![base(IP, "fw", "in", 1, 0, NF_ACCEPT)],
            vec![rule(IP, "fw", "in", 3, drop_blocked.clone())],
            vec![(blocked.clone(), elems)],
        )
    };
    assert!(matches!(rs(elems.clone()).evaluate(&gre_packet(), Flow::New).outcome, Outcome::Dropped(_)));
    let mut far = gre_packet();
    far.bytes[12..16].copy_from_slice(&[198, 51, 100, 8]);
    assert_eq!(rs(elems.clone()).evaluate(&far, Flow::New).outcome, Outcome::Accepted);
    far.bytes[12..16].copy_from_slice(&[198, 51, 100, 7]);
    assert!(matches!(rs(elems).evaluate(&far, Flow::New).outcome, Outcome::Dropped(_)));

    // ip saddr . meta l4proto { 192.0.2.2 . 47 } accept; policy drop.
    let pair = set(IP, "fw", "__set0", 3, 8);
    let mut key = R.octets().to_vec();
    key.extend_from_slice(&[47, 0, 0, 0]);
    let accept_pair = vec![
        saddr_into(1),
        Expr::Meta { key: meta::L4PROTO, dreg: 9 },
        Expr::Lookup { set: "__set0".into(), sreg: 1, dreg: None, flags: 0 },
        verdict(NF_ACCEPT),
    ];
    let rs = Ruleset::new(
        vec![base(IP, "fw", "in", 1, 0, NF_DROP)],
        vec![rule(IP, "fw", "in", 3, accept_pair)],
        vec![(pair, vec![elem(&key, 0, None)])],
    );
    assert_eq!(rs.evaluate(&gre_packet(), Flow::New).outcome, Outcome::Accepted);
    let mut ipip = gre_packet();
    ipip.l4proto = 4;
    assert!(matches!(rs.evaluate(&ipip, Flow::New).outcome, Outcome::Dropped(_)));

    // meta l4proto vmap { 47 : drop, 4 : accept }, and the same with a
    // jump to a chain.
    let vmap = set(IP, "fw", "protos", 0x8, 4);
    let v = |code, chain: Option<&str>| Some(Data::Verdict { code, chain: chain.map(String::from) });
    let by_vmap = vec![Expr::Meta { key: meta::L4PROTO, dreg: 1 }, Expr::Lookup { set: "protos".into(), sreg: 1, dreg: Some(0), flags: 0 }];
    let rs = |gre: Option<Data>| {
        Ruleset::new(
            vec![base(IP, "fw", "in", 1, 0, NF_ACCEPT), regular(IP, "fw", "gre_in")],
            vec![rule(IP, "fw", "in", 3, by_vmap.clone()), rule(IP, "fw", "gre_in", 9, vec![verdict(NF_DROP)])],
            vec![(vmap.clone(), vec![elem(&[47, 0, 0, 0], 0, gre), elem(&[4, 0, 0, 0], 0, v(NF_ACCEPT, None))])],
        )
    };
    assert_eq!(rs(v(NF_DROP, None)).evaluate(&gre_packet(), Flow::New).outcome, Outcome::Dropped(place(IP, "fw", "in", Some((3, 1)), "in")));
    assert_eq!(rs(v(NFT_JUMP, Some("gre_in"))).evaluate(&gre_packet(), Flow::New).outcome, Outcome::Dropped(place(IP, "fw", "gre_in", Some((9, 1)), "in")));
    assert_eq!(rs(v(NF_ACCEPT, None)).evaluate(&gre_packet(), Flow::New).outcome, Outcome::Accepted);
}

#[test]
fn ranges_of_concatenations_per_field() {
    // ip saddr . meta l4proto { 192.0.2.0-192.0.2.9 . 40-50 } drop (pipapo:
    // each element holds its key and the key its range ends at).
    let mut s = set(IP, "fw", "__set1", 0x80 | 0x4 | 3, 8);
    s.fields = vec![4, 1];
    let e = ElemInfo { key: vec![192, 0, 2, 0, 40, 0, 0, 0], key_end: Some(vec![192, 0, 2, 9, 50, 0, 0, 0]), flags: 0, data: None };
    let drop = vec![
        saddr_into(1),
        Expr::Meta { key: meta::L4PROTO, dreg: 9 },
        Expr::Lookup { set: "__set1".into(), sreg: 1, dreg: None, flags: 0 },
        verdict(NF_DROP),
    ];
    let rs = Ruleset::new(vec![base(IP, "fw", "in", 1, 0, NF_ACCEPT)], vec![rule(IP, "fw", "in", 3, drop)], vec![(s, vec![e])]);
    assert!(matches!(rs.evaluate(&gre_packet(), Flow::New).outcome, Outcome::Dropped(_)));
    let mut udp = gre_packet();
    udp.l4proto = 17;
    assert_eq!(rs.evaluate(&udp, Flow::New).outcome, Outcome::Accepted, "17 is outside 40-50");
}

#[test]
fn conntrack_states() {
    // ct state established,related accept; policy drop.
    let est = vec![
        Expr::Ct { key: ct::STATE, dreg: 1, dir: None },
        Expr::Bitwise { sreg: 1, dreg: 1, len: 4, mask: vec![6, 0, 0, 0], xor: vec![0; 4] },
        Expr::Cmp { sreg: 1, op: NFT_CMP_NEQ, data: vec![0; 4] },
        verdict(NF_ACCEPT),
    ];
    let rs = Ruleset::new(vec![base(IP, "fw", "in", 1, 0, NF_DROP)], vec![rule(IP, "fw", "in", 2, est)], vec![]);
    assert!(matches!(rs.evaluate(&gre_packet(), Flow::New).outcome, Outcome::Dropped(_)));
    assert_eq!(rs.evaluate(&gre_packet(), Flow::Reply).outcome, Outcome::Accepted);
    // Before conntrack (priority -300) every packet is `invalid`.
    let invalid = vec![
        Expr::Ct { key: ct::STATE, dreg: 1, dir: None },
        Expr::Bitwise { sreg: 1, dreg: 1, len: 4, mask: vec![1, 0, 0, 0], xor: vec![0; 4] },
        Expr::Cmp { sreg: 1, op: NFT_CMP_NEQ, data: vec![0; 4] },
        verdict(NF_DROP),
    ];
    let rs = Ruleset::new(vec![base(IP, "raw", "pre", 0, -300, NF_ACCEPT)], vec![rule(IP, "raw", "pre", 2, invalid)], vec![]);
    assert!(matches!(rs.evaluate(&gre_packet(), Flow::Reply).outcome, Outcome::Dropped(_)));
}

#[test]
fn fib_and_masks() {
    // fib saddr . iif oif missing drop; fib daddr type local accept-like
    // counter; ip saddr 192.0.2.0/28 (a mask) drop.
    let missing = vec![
        Expr::Fib { dreg: 1, result: fib::OIF, flags: fib::F_SADDR | 8 | fib::F_PRESENT },
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: vec![0] },
        verdict(NF_DROP),
    ];
    let local = vec![
        Expr::Fib { dreg: 1, result: fib::ADDRTYPE, flags: fib::F_DADDR },
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: 2u32.to_ne_bytes().to_vec() },
        Expr::Other { name: "counter".into() },
    ];
    let masked = vec![
        saddr_into(1),
        Expr::Bitwise { sreg: 1, dreg: 1, len: 4, mask: vec![255, 255, 255, 0xf0], xor: vec![0; 4] },
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: vec![192, 0, 2, 0] },
        verdict(NF_DROP),
    ];
    let rs = Ruleset::new(
        vec![base(IP, "fw", "in", 1, 0, NF_ACCEPT)],
        vec![rule(IP, "fw", "in", 2, missing), rule(IP, "fw", "in", 3, local), rule(IP, "fw", "in", 4, masked)],
        vec![],
    );
    let e = rs.evaluate(&gre_packet(), Flow::New);
    assert_eq!(e, Evaluation { outcome: Outcome::Dropped(place(IP, "fw", "in", Some((4, 3)), "in")), unsure: vec![] });
    let mut far = gre_packet();
    far.bytes[15] = 16;
    assert_eq!(rs.evaluate(&far, Flow::New).outcome, Outcome::Accepted);
}

#[test]
fn what_cannot_be_evaluated_is_said() {
    // iptables-nft: -A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT;
    // -A INPUT -m comment --comment x -p 47 -j DROP.
    let xt_accept = vec![Expr::Xt { target: false, name: "conntrack".into() }, Expr::Other { name: "counter".into() }, verdict(NF_ACCEPT)];
    let mut drop = vec![Expr::Xt { target: false, name: "comment".into() }];
    drop.extend([
        Expr::Payload { dreg: 1, base: NFT_PAYLOAD_NETWORK_HEADER, offset: 9, len: 1 },
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: vec![47] },
        Expr::Other { name: "counter".into() },
        verdict(NF_DROP),
    ]);
    let rs = Ruleset::new(
        vec![base(IP, "filter", "INPUT", 1, 0, NF_ACCEPT)],
        vec![rule(IP, "filter", "INPUT", 2, xt_accept), rule(IP, "filter", "INPUT", 3, drop)],
        vec![],
    );
    let e = rs.evaluate(&gre_packet(), Flow::New);
    assert_eq!(e.outcome, Outcome::Dropped(place(IP, "filter", "INPUT", Some((3, 2)), "INPUT")));
    assert_eq!(
        e.unsure,
        vec![Unsure {
            place: place(IP, "filter", "INPUT", Some((2, 1)), "INPUT"),
            why: "iptables-nft's xtables match \"conntrack\"".into(),
            could_accept: true,
            could_drop: false,
        }]
    );
    // A rule without a verdict that cannot be evaluated changes nothing.
    let rs = Ruleset::new(
        vec![base(IP, "fw", "in", 1, 0, NF_ACCEPT)],
        vec![rule(IP, "fw", "in", 2, vec![Expr::Other { name: "limit".into() }, Expr::Other { name: "log".into() }])],
        vec![],
    );
    assert_eq!(rs.evaluate(&gre_packet(), Flow::New), Evaluation { outcome: Outcome::Accepted, unsure: vec![] });
    // Queued to a program: the verdict is not known.
    let rs = Ruleset::new(vec![base(IP, "fw", "in", 1, 0, NF_ACCEPT)], vec![rule(IP, "fw", "in", 2, vec![Expr::Other { name: "queue".into() }])], vec![]);
    assert!(matches!(rs.evaluate(&gre_packet(), Flow::New).outcome, Outcome::Unknown(..)));
}

#[test]
fn marks_set_and_matched() {
    // meta mark set 5 in one table; meta mark 5 drop in a later one.
    let set_mark = vec![Expr::Immediate { dreg: 1, data: 5u32.to_ne_bytes().to_vec() }, Expr::MetaSet { key: meta::MARK, sreg: 1 }];
    let drop5 = vec![Expr::Meta { key: meta::MARK, dreg: 1 }, Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: 5u32.to_ne_bytes().to_vec() }, verdict(NF_DROP)];
    let rs = Ruleset::new(
        vec![base(IP, "a", "pre", 0, -150, NF_ACCEPT), base(IP, "b", "in", 1, 0, NF_ACCEPT)],
        vec![rule(IP, "a", "pre", 2, set_mark), rule(IP, "b", "in", 3, drop5)],
        vec![],
    );
    assert!(matches!(rs.evaluate(&gre_packet(), Flow::New).outcome, Outcome::Dropped(_)));
}

#[test]
fn clamps_found_by_interface() {
    // rtun's `clamp-mss oif gre1`, and iptables' TCPMSS without interface.
    let rtun = vec![
        Expr::Meta { key: meta::OIFNAME, dreg: 1 },
        Expr::Cmp { sreg: 1, op: NFT_CMP_EQ, data: b"gre1\0\0\0\0\0\0\0\0\0\0\0\0".to_vec() },
        Expr::ExthdrWrite { sreg: 1, kind: TCPOPT_MAXSEG, offset: 2, len: 2, op: NFT_EXTHDR_OP_TCPOPT },
    ];
    let rs = Ruleset::new(vec![], vec![rule(INET, "rtun", "mss", 6, rtun)], vec![]);
    assert_eq!(mss_clamp(&rs, b"gre1"), Some(place(INET, "rtun", "mss", Some((6, 1)), "mss")));
    assert_eq!(mss_clamp(&rs, b"gre10"), None);
    let xt = vec![Expr::Xt { target: true, name: "TCPMSS".into() }];
    let rs = Ruleset::new(vec![], vec![rule(IP, "mangle", "FORWARD", 2, xt)], vec![]);
    assert!(mss_clamp(&rs, b"gre10").is_some());
}

#[test]
fn registers_out_of_range_are_unknown_not_a_panic() {
    // A 20-byte bitwise into NFT_REG_4 (16 bytes before the end) and a
    // load into register 99: the kernel refuses both; a dump that held
    // them must not stop rtun.
    let bad = vec![
        saddr_into(1),
        Expr::Bitwise { sreg: 1, dreg: 4, len: 20, mask: vec![0xff; 20], xor: vec![0; 20] },
        Expr::Cmp { sreg: 4, op: NFT_CMP_EQ, data: vec![0; 20] },
        verdict(NF_DROP),
    ];
    let odd = vec![Expr::Meta { key: meta::L4PROTO, dreg: 99 }, verdict(NF_DROP)];
    let huge = vec![Expr::Payload { dreg: 23, base: NFT_PAYLOAD_NETWORK_HEADER, offset: u32::MAX, len: u32::MAX }, verdict(NF_DROP)];
    let rs = Ruleset::new(
        vec![base(IP, "fw", "in", 1, 0, NF_ACCEPT)],
        vec![rule(IP, "fw", "in", 2, bad), rule(IP, "fw", "in", 3, odd), rule(IP, "fw", "in", 4, huge)],
        vec![],
    );
    let e = rs.evaluate(&gre_packet(), Flow::New);
    assert_eq!(e.outcome, Outcome::Accepted);
    assert_eq!(e.unsure.len(), 2, "{:?}", e.unsure);
}
