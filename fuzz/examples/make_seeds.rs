//! Writes the seed corpus, fuzz/seeds/TARGET/NAME, from the captured
//! fixtures (tests/fixtures/*.bin), the parity cases and batch files
//! (tests/parity/), and messages built with rtun's own encoders (tunnels
//! and nf_tables, which this machine cannot capture). Run from anywhere:
//!
//!     cargo run --manifest-path fuzz/Cargo.toml --example make_seeds
//!
//! Seeds only: the corpus libFuzzer evolves stays out of git.

use std::collections::BTreeSet;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::PathBuf;

use rtun::helpers::nft::batch::{new_chain, new_rule, new_table};
use rtun::helpers::nft::chains::{Chain, ALL};
use rtun::helpers::nft::compile::compile;
use rtun::netlink::netfilter::{NfMessage, NFNL_SUBSYS_NFTABLES};
use rtun::netlink::request::frames;
use rtun::objects::tunnel::netlink::{v4_data, v6_data};
use rtun::objects::tunnel::params::{V4, V6};

const RULES: &[&str] = &[
    "accept proto gre",
    "accept proto gre src 192.0.2.0/24 iif v0",
    "accept proto esp src 2001:db8::/32 dst 2001:db8:1::1",
    "forward src 198.51.100.0/24 dst 203.0.113.0/24 iif a oif b",
    "forward src 0.0.0.0/0",
    "masquerade src 192.0.2.0/24 oif v0",
    "snat to 198.51.100.1 src 192.0.2.0/24",
    "snat to 2001:db8::1 src 2001:db8:1::/48",
    "dnat proto tcp dport 8080 to 192.0.2.2:80 iif v0",
    "dnat proto udp dport 53 to [2001:db8::2]:5353",
    "clamp-mss oif v0",
    "clamp-mss iif a mss 1360",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = root().join("fuzz/seeds").join(target);
    std::fs::create_dir_all(&dir).expect("seed directory");
    std::fs::write(dir.join(name), bytes).expect("seed file");
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures").join(name)).expect("fixture")
}

fn with_knobs(k: u8, datagram: &[u8]) -> Vec<u8> {
    let mut v = vec![k];
    v.extend_from_slice(datagram);
    v
}

fn align(v: &mut Vec<u8>) {
    while v.len() % 4 != 0 {
        v.push(0);
    }
}

fn attr(kind: u16, value: &[u8]) -> Vec<u8> {
    let mut v = ((4 + value.len()) as u16).to_ne_bytes().to_vec();
    v.extend_from_slice(&kind.to_ne_bytes());
    v.extend_from_slice(value);
    align(&mut v);
    v
}

fn message(kind: u16, flags: u16, body: &[u8]) -> Vec<u8> {
    let mut v = ((16 + body.len()) as u32).to_ne_bytes().to_vec();
    v.extend_from_slice(&kind.to_ne_bytes());
    v.extend_from_slice(&flags.to_ne_bytes());
    v.extend_from_slice(&[0; 8]);
    v.extend_from_slice(body);
    align(&mut v);
    v
}

/// An RTM_NEWLINK of a tunnel: name, kind, IFLA_INFO_DATA, 64-bit stats.
fn tunnel_link(index: u32, ifi_type: u16, name: &str, kind: &str, data: &[u8]) -> Vec<u8> {
    const RTM_NEWLINK: u16 = 16;
    let mut body = vec![0u8, 0];
    body.extend_from_slice(&ifi_type.to_ne_bytes());
    body.extend_from_slice(&index.to_ne_bytes());
    body.extend_from_slice(&0x41u32.to_ne_bytes()); // UP, RUNNING
    body.extend_from_slice(&0u32.to_ne_bytes());
    body.extend(attr(3, format!("{name}\0").as_bytes()));
    body.extend(attr(4, &1476u32.to_ne_bytes()));
    body.extend(attr(5, &2u32.to_ne_bytes())); // IFLA_LINK
    let mut info = attr(1, format!("{kind}\0").as_bytes());
    info.extend(attr(2, data));
    body.extend(attr(18, &info));
    let stats: Vec<u8> = (1..=24u64).flat_map(|n| (n * 1000).to_ne_bytes()).collect();
    body.extend(attr(23, &stats));
    message(RTM_NEWLINK, 2, &body)
}

fn tunnels() -> Vec<(&'static str, Vec<u8>)> {
    let v4 = V4 {
        local: Ipv4Addr::new(192, 0, 2, 1),
        remote: Ipv4Addr::new(198, 51, 100, 1),
        ttl: 64,
        tos: 1,
        iflags: 0x2000 | 0x1000 | 0x8000,
        oflags: 0x2000,
        ikey: 7,
        okey: 0x0102_0304,
        link: 2,
        ..V4::default()
    };
    let v6 = V6 {
        local: "2001:db8::1".parse::<Ipv6Addr>().unwrap_or(Ipv6Addr::LOCALHOST),
        remote: "2001:db8::2".parse::<Ipv6Addr>().unwrap_or(Ipv6Addr::LOCALHOST),
        flowinfo: 0x0a0_0001,
        flags: 0x1 | 0x4,
        iflags: 0x2000,
        oflags: 0x2000,
        ikey: 5,
        okey: 6,
        link: 2,
        ..V6::init(true)
    };
    let sit = V4 { proto: 41, isatap: true, ..v4.clone() };
    let ipip = V4 { proto: 4, pmtudisc: false, tos: 0x10, ..v4.clone() };
    vec![
        ("gre", tunnel_link(10, 778, "gre1", "gre", &v4_data("gre", &v4, Some(3)))),
        ("ipip", tunnel_link(11, 768, "ipip1", "ipip", &v4_data("ipip", &ipip, None))),
        ("sit", tunnel_link(12, 776, "sit1", "sit", &v4_data("sit", &sit, None))),
        ("vti", tunnel_link(13, 768, "vti1", "vti", &v4_data("vti", &v4, None))),
        ("ip6tnl", tunnel_link(14, 769, "ip6tnl1", "ip6tnl", &v6_data("ip6tnl", &v6))),
        ("ip6gre", tunnel_link(15, 823, "ip6gre1", "ip6gre", &v6_data("ip6gre", &v6))),
        ("vti6", tunnel_link(16, 769, "vti61", "vti6", &v6_data("vti6", &V6 { vti: true, ..v6.clone() }))),
    ]
}

fn nf(m: &NfMessage) -> Vec<u8> {
    let mut body = vec![m.family, 0, 0, 0];
    body.extend_from_slice(&m.attrs);
    message((NFNL_SUBSYS_NFTABLES << 8) | u16::from(m.kind), 2, &body)
}

fn rule(words: &str) -> rtun::helpers::nft::rule::Rule {
    let words: Vec<String> = words.split(' ').map(String::from).collect();
    rtun::helpers::nft::rule::parse(&words, rtun::cli::options::Family::Unspec).expect("a rule of rtun's")
}

/// The case lines of the parity files: the arguments after `ip`.
fn parity_lines() -> BTreeSet<String> {
    let mut lines = BTreeSet::new();
    let dir = root().join("tests/parity/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).expect("cases").flatten().map(|e| e.path()).collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("case file");
        let mut setup = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                setup = line.starts_with("[setup");
                continue;
            }
            if setup || line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut l = line;
            for marker in ["+ ", "! ", "~ "] {
                l = l.strip_prefix(marker).unwrap_or(l).trim_start();
            }
            lines.insert(l.to_string());
        }
    }
    lines
}

fn main() {
    let seeds = root().join("fuzz/seeds");
    let _ = std::fs::remove_dir_all(&seeds);
    let (links, addrs) = (fixture("links.bin"), fixture("addrs.bin"));
    let tunnels = tunnels();

    // link: the capture with several option sets; each link alone with -d.
    for k in [0x00, 0x01, 0x03, 0x08, 0x10, 0x41, 0x80] {
        write("link", &format!("links-{k:02x}"), &with_knobs(k, &links));
    }
    for (i, (_, m)) in frames(&links).enumerate() {
        write("link", &format!("link{i}-d"), &with_knobs(0x01, m));
    }
    for (kind, m) in &tunnels {
        write("link", &format!("{kind}-d"), &with_knobs(0x01, m));
    }

    // address: links then addresses, as `address show` reads them.
    let mut both = addrs.clone();
    both.extend_from_slice(&links);
    for k in [0x00, 0x01, 0x08, 0x10, 0x42] {
        write("address", &format!("addrs-links-{k:02x}"), &with_knobs(k, &both));
    }
    for (i, (_, m)) in frames(&addrs).enumerate() {
        let mut one = m.to_vec();
        one.extend_from_slice(&links);
        write("address", &format!("addr{i}"), &with_knobs(0, &one));
    }

    // route: both captures, each family knob; each route alone.
    for (name, fam) in [("routes4.bin", 1u8), ("routes6.bin", 2)] {
        let bytes = fixture(name);
        for k in [0, fam, fam | 0x04, fam | 0x10 | 0x20, fam | 0x40] {
            write("route", &format!("{}-{k:02x}", name.trim_end_matches(".bin")), &with_knobs(k, &bytes));
        }
        for (i, (_, m)) in frames(&bytes).enumerate() {
            write("route", &format!("{}-{i}", name.trim_end_matches(".bin")), &with_knobs(fam, m));
        }
    }

    // tunnel: each kind alone (with -s), then all together.
    let mut all = Vec::new();
    for (kind, m) in &tunnels {
        write("tunnel", kind, &with_knobs(0x02, m));
        all.extend_from_slice(m);
    }
    write("tunnel", "all", &with_knobs(0, &all));
    write("tunnel", "all-oneline", &with_knobs(0x10, &all));

    // nft_dump: rtun's table, its chains, and every form of rule.
    let mut dump = nf(&new_table());
    for c in ALL {
        dump.extend(nf(&new_chain(c)));
    }
    for words in RULES {
        let r = rule(words);
        let one = nf(&new_rule(Chain::of(&r.action), &compile(&r)));
        write("nft_dump", &words.replace(' ', "_").replace(['/', ':', '[', ']'], "-"), &with_knobs(0, &one));
        dump.extend(one);
    }
    write("nft_dump", "table", &with_knobs(0, &dump));
    write("nft_dump", "table-pretty", &with_knobs(0x40, &dump));

    // nft_rule: the words of each form.
    for (i, words) in RULES.iter().enumerate() {
        write("nft_rule", &format!("rule{i}"), words.as_bytes());
    }

    // batch: the parity batch files.
    for e in std::fs::read_dir(root().join("tests/parity/batch")).expect("batch files").flatten() {
        write("batch", &e.file_name().to_string_lossy(), &std::fs::read(e.path()).expect("batch file"));
    }

    // sysctl_conf: the forms procps reads.
    let confs: &[(&str, &str)] = &[
        ("plain", "# comment\n; also\nnet.ipv4.ip_forward = 1\nnet/ipv6/conf/all/forwarding=1\n\n"),
        ("ignore", "-net.ipv4.conf.all.rp_filter = 2\n-net.ipv4.conf.lo.rp_filter\nnet.ipv4.conf.*.rp_filter = 1\n"),
        ("pattern", "-r ^net\\.ipv4\\.(ip_|tcp_)[a-z]+$\nnet.ipv4.ip_forward=1\nkernel.x = 2\n"),
        ("odd", "  net..ipv4//x =   a  b  \nnovalue\n=\n-\nnet.ipv4.conf.eth0/5.forwarding = 0\n"),
    ];
    for (name, text) in confs {
        write("sysctl_conf", name, text.as_bytes());
    }

    // command_line: the parity cases that stay in a private namespace,
    // as rtun and (every third) as ip, eight to a file (an input may
    // hold eight lines): a few hundred seeds at most.
    let lines: Vec<String> = parity_lines()
        .iter()
        .enumerate()
        .map(|(i, line)| if i % 3 == 0 { format!("ip {line}\n") } else { format!("{line}\n") })
        .filter(|l| rtun::fuzzing::command_lines(l.as_bytes()).is_some_and(|l| !l.is_empty()))
        .collect();
    for (n, chunk) in lines.chunks(8).enumerate() {
        write("command_line", &format!("cases{n:03}"), chunk.concat().as_bytes());
    }
    for words in RULES {
        write("command_line", &format!("nft-{}", words.replace(' ', "_").replace(['/', ':', '[', ']'], "-")), format!("nft add {words}\nnft show\n-j nft show\n").as_bytes());
    }
    println!("seeds written under {}", seeds.display());
}
