//! Entry points for the fuzz targets (`fuzz/`, cargo-fuzz): each takes the
//! fuzzer's bytes through the code a real input takes and panics when a
//! property fails. `tests/fuzz_regressions.rs` replays the inputs saved
//! under `fuzz/regressions/TARGET/` through the same functions.
//!
//! Kernel replies (`link`, `address`, `route`, `tunnel`, `nft_dump`): the
//! first byte chooses options (`Knobs`), the rest is a datagram as a dump
//! receives it (netlink headers, NLMSG_ALIGNed, as `tests/fixtures/*.bin`).
//! Every input is printed twice, as text and as JSON; the JSON must parse
//! (serde_json) but for iproute2's quirks, listed in `json_ok`.


use crate::cli::grammar::global::{Opt, OPTIONS};
use crate::cli::grammar::find_object;
use crate::cli::options::{Family, Options};
use crate::names::links::Links;
use crate::netlink::request::frames;
use crate::print::Printer;

/// Options from the first byte of an input: one bit each.
struct Knobs(u8);

impl Knobs {
    fn bit(&self, n: u8) -> bool {
        self.0 & (1 << n) != 0
    }

    /// `-d`, `-s` (once or twice), `-br`, `-o`, `-N`, `-p`, and `-c`.
    fn options(&self, family: Family) -> Options {
        Options {
            family,
            details: u32::from(self.bit(0)),
            stats: u32::from(self.bit(1)) + u32::from(self.bit(1) && self.bit(2)),
            brief: self.bit(3),
            oneline: self.bit(4),
            numeric: self.bit(5),
            pretty: self.bit(6),
            loops: 10,
            ..Options::default()
        }
    }

    fn color(&self) -> bool {
        self.bit(7)
    }
}

/// Split an input into its knobs and its datagram.
fn input(data: &[u8]) -> (Knobs, &[u8]) {
    match data.split_first() {
        Some((k, rest)) => (Knobs(*k), rest),
        None => (Knobs(0), &[]),
    }
}

/// Print with `body` as text, then as JSON (as `ip` and as rtun), and check
/// the JSON.
fn both(k: &Knobs, family: Family, mut body: impl FnMut(&mut Printer<&mut Vec<u8>>, &Options)) {
    for (json, complete) in [(false, false), (true, false), (true, true)] {
        let opts = Options { json, ..k.options(family) };
        let mut out = Vec::new();
        {
            let mut p = Printer::new(&mut out, json, opts.pretty, k.color() && !json, opts.oneline);
            if complete {
                p.complete_documents();
            }
            let _ = p.begin();
            body(&mut p, &opts);
            let _ = p.finish(true, true);
        }
        if json {
            check_json(&out, !complete);
        }
    }
}

/// The JSON an input printed must parse; as `ip` (`quirks`), but for
/// iproute2's quirks (`json_ok`).
pub fn check_json(out: &[u8], quirks: bool) {
    let checked = if quirks { json_ok(out) } else { serde_json::from_slice::<serde_json::Value>(out).map(|_| ()) };
    if let Err(e) = checked {
        panic!("invalid JSON ({e}): {}", String::from_utf8_lossy(out));
    }
}

/// Whether `out` is JSON, allowing what iproute2's json_writer.c writes
/// that JSON does not allow (as `ip` only; rtun's documents are JSON):
/// - quirk 1: control characters inside strings other than \t \n \r \f \b
///   are written raw (json_writer.c escapes only those, `"` and `\`), so a
///   name or label holding one makes invalid JSON in `ip` (rtun escapes
///   them);
/// - quirk 2: `tunnel show -s -j` writes the statistics as text between the
///   JSON objects, as iproute2's tnl_print_stats does (see `tunnel`).
pub fn json_ok(out: &[u8]) -> Result<(), serde_json::Error> {
    let text = String::from_utf8_lossy(out);
    if text.trim().is_empty() {
        return Ok(());
    }
    let first = serde_json::from_str::<serde_json::Value>(&text);
    if first.is_ok() {
        return Ok(());
    }
    // Quirk 1: escape the raw control characters and try again.
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{0}'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' => escaped.push_str(&format!("\\u{:04x}", c as u32)),
            c => escaped.push(c),
        }
    }
    serde_json::from_str::<serde_json::Value>(&escaped).map(|_| ())
}

/// `link show` (`address` = false) or `address show` of the links and
/// addresses in a datagram, read in place as a listing reads them.
fn listing(data: &[u8], address: bool) {
    use crate::netlink::addr::RTM_NEWADDR;
    use crate::netlink::link::{LinkMsg, RTM_NEWLINK};
    use crate::objects::address::filter::Filter;
    use crate::objects::address::list::{AddressMap, Listing};
    use crate::objects::address::print::Style;
    use crate::objects::link::show::View;
    let (k, data) = input(data);
    let links: Vec<LinkMsg> = frames(data).filter(|(h, _)| h.kind == RTM_NEWLINK).filter_map(|(_, m)| LinkMsg::from_nlmsg(m)).collect();
    let names = Links::offline();
    links.iter().for_each(|l| names.note(l));
    let family = if address { Family::Unspec } else { Family::Packet };
    let filter = Filter { family, ..Filter::default() };
    both(&k, family, |p, opts| {
        let addrs = address.then(|| {
            let mut map = AddressMap::default();
            frames(data).filter(|(h, _)| h.kind == RTM_NEWADDR).for_each(|(_, m)| map.keep(m));
            map
        });
        let listing = Listing {
            view: View { opts, filter: &filter, do_link: !address, showqueue: true, links: &names },
            style: Style { opts, with_dev: opts.oneline, links: &names },
            no_link: address && opts.oneline,
            addrs,
        };
        for l in &links {
            let _ = listing.print(p, l);
        }
    });
}

/// `link show` of the links in a datagram (kinds' `-d` printers included).
pub fn link(data: &[u8]) {
    listing(data, false);
}

/// `address show` of the links and addresses in a datagram.
pub fn address(data: &[u8]) {
    listing(data, true);
}

/// `route show table all` of the routes in a datagram.
pub fn route(data: &[u8]) {
    use crate::objects::route::filter::{accepts, parse_selector};
    use crate::objects::route::msg::Route;
    use crate::objects::route::print::{print_route, View};
    let (k, data) = input(data);
    let family = match k.0 & 3 {
        0 => Family::Unspec,
        1 => Family::Inet,
        2 => Family::Inet6,
        _ => Family::Mpls,
    };
    let args = ["table".to_string(), "all".to_string()];
    let Ok(sel) = parse_selector(&args, family, &mut |_| 0) else { return };
    let names = Links::offline();
    names.note_name(1, b"lo");
    names.note_name(2, b"v0");
    both(&k, family, |p, opts| {
        let nexthops = crate::objects::nexthop::cache::Cache::offline();
        let view = View { opts, links: &names, filter: &sel.filter, nexthops: &nexthops };
        let mut multiple = false;
        for (_, m) in frames(data) {
            if let Some(r) = Route::from_nlmsg(m) {
                if accepts(&sel.filter, &r, family, &mut multiple) {
                    let _ = print_route(p, &view, &r);
                }
            }
        }
    });
}

/// `neigh show nud all` of the neighbour entries in a datagram (bits 0–1
/// of the knob byte also pick the family; `-d` shows the entries of one
/// device, as `dev v0` does).
pub fn neigh(data: &[u8]) {
    use crate::objects::neigh::filter::Filter;
    use crate::objects::neigh::msg::Neigh;
    use crate::objects::neigh::print::{print_neigh, View};
    let (k, data) = input(data);
    let family = match k.0 & 3 {
        0 | 3 => Family::Unspec,
        1 => Family::Inet,
        _ => Family::Inet6,
    };
    let names = Links::offline();
    names.note_name(1, b"lo");
    names.note_name(2, b"v0");
    let filter = Filter { family, state: !0, index: if k.bit(0) { 2 } else { 0 }, ..Filter::default() };
    both(&k, family, |p, opts| {
        let view = View { opts, links: &names, one_dev: filter.index != 0 };
        for (_, m) in frames(data) {
            if let Some(n) = Neigh::from_nlmsg(m) {
                if filter.accepts_header(&n) && filter.accepts(&n) {
                    let _ = print_neigh(p, &view, &n);
                }
            }
        }
    });
}

/// `tunnel show` (IPv4 and IPv6) of the links in a datagram.
pub fn tunnel(data: &[u8]) {
    use crate::objects::tunnel::netlink::Link;
    use crate::objects::tunnel::params::{V4, V6};
    use crate::objects::tunnel::show::{print_stats, print_v6, PrlEntry};
    use crate::objects::tunnel::v4::print_with_prl;
    let (k, data) = input(data);
    let links: Vec<Link> = frames(data).filter_map(|(_, m)| Link::parse(m)).collect();
    let names = Links::offline();
    for l in &links {
        names.note_name(l.index, &crate::cli::bytes::bytes(&l.name));
    }
    let prl = [PrlEntry { addr: [192, 0, 2, 1].into(), default: true }, PrlEntry { addr: [192, 0, 2, 2].into(), default: false }];
    both(&k, Family::Unspec, |p, opts| {
        for l in &links {
            let printed = if let Some(t) = V4::of_link(l) {
                print_with_prl(p, l, &t, &names, &prl).is_ok()
            } else if let Some(t) = V6::of_link(l) {
                let n = (t.link != 0).then(|| names.name(t.link));
                print_v6(p, &t, n).is_ok()
            } else {
                false
            };
            if printed {
                if let (true, Some(s)) = (opts.stats > 0, &l.stats) {
                    // Quirk 2: iproute2's tnl_print_stats writes the
                    // statistics as text under -j too (inside the JSON
                    // array), and rtun does the same, as `ip` and as rtun:
                    // printed aside in JSON, so the rest is still checked.
                    if opts.json {
                        let _ = print_stats(&mut Printer::new(Vec::new(), true, false, false, false), s);
                    } else {
                        let _ = print_stats(p, s);
                    }
                }
                let _ = p.text_always("\n");
            }
        }
    });
}

/// `nft show` of nf_tables replies: each message is read as a table, a
/// chain or a rule by the low byte of its type (NFT_MSG_NEW*), as the
/// dump that asked for it would read it.
pub fn nft_dump(data: &[u8]) {
    use crate::helpers::nft::batch::{NFT_MSG_NEWCHAIN, NFT_MSG_NEWRULE, NFT_MSG_NEWTABLE};
    use crate::helpers::nft::chains::TABLE;
    use crate::helpers::nft::list::{chain_info, rule_info, table_info};
    use crate::helpers::nft::{listed, render};
    use crate::netlink::netfilter::nf_body;
    let (k, data) = input(data);
    let (mut tables, mut chains, mut rules) = (Vec::new(), Vec::new(), Vec::new());
    for (h, m) in frames(data) {
        let Some((family, attrs)) = nf_body(m) else { continue };
        match (h.kind & 0xff) as u8 {
            NFT_MSG_NEWTABLE => tables.push(table_info(family, attrs)),
            NFT_MSG_NEWCHAIN => chains.push(chain_info(family, attrs)),
            NFT_MSG_NEWRULE => rules.push(rule_info(family, attrs)),
            _ => {}
        }
    }
    let table = tables.into_iter().find(|t| t.name == TABLE);
    chains.retain(|c| c.table == TABLE);
    let listed: Vec<_> = rules.iter().filter(|r| r.table == TABLE).filter_map(listed).collect();
    for json in [false, true] {
        let mut out = Vec::new();
        let mut p = Printer::new(&mut out, json, k.bit(6), k.color() && !json, false);
        // `nft` is rtun's own: its JSON is always a complete, strict document.
        p.complete_documents();
        let _ = render(&mut p, table.as_ref(), &chains, &listed);
        drop(p);
        if json {
            check_json(&out, false);
        }
    }
    // What rtun understood must be what it would write.
    for r in &listed {
        reparse_rule(&r.rule);
    }
}

/// The words of `nft add RULE`: a rule that parses compiles to the
/// expressions that decompile to it, survives the kernel's encoding, and
/// prints as words that parse back to it.
pub fn nft_rule(data: &[u8]) {
    use crate::helpers::nft::rule::parse;
    let text = String::from_utf8_lossy(data);
    let Ok(words) = crate::cli::batch::split(&text) else { return };
    let family = match words.len() % 3 {
        0 => Family::Unspec,
        1 => Family::Inet,
        _ => Family::Inet6,
    };
    if let Ok(rule) = parse(&words, family) {
        reparse_rule(&rule);
    }
}

fn reparse_rule(rule: &crate::helpers::nft::rule::Rule) {
    use crate::helpers::nft::chains::Chain;
    use crate::helpers::nft::compile::{compile, decompile};
    use crate::helpers::nft::expr::{decode_list, encode_list};
    use crate::helpers::nft::rule::parse;
    let exprs = compile(rule);
    let mut w = crate::netlink::attr::AttrWriter::new();
    encode_list(&mut w, &exprs);
    let bytes = w.finish().expect("a rule's expressions fit");
    assert_eq!(decode_list(crate::netlink::attr::Attrs::new(&bytes)), exprs, "expressions survive their encoding");
    assert_eq!(decompile(Chain::of(&rule.action), &exprs).as_ref(), Some(rule), "compiled rule decompiles to itself");
    let words: Vec<String> = rule.words().split(' ').map(String::from).collect();
    match parse(&words, Family::Unspec) {
        Ok(again) => assert_eq!(&again, rule, "`{}` parses back to the rule", rule.words()),
        Err(e) => panic!("`{}` (a rule's own words) does not parse: {e}", rule.words()),
    }
    let mut json = Vec::new();
    let mut p = Printer::new(&mut json, true, false, false, false);
    p.complete_documents();
    let _ = p.begin().and_then(|()| crate::helpers::nft::json::statements(&mut p, rule)).and_then(|()| p.end());
    drop(p);
    check_json(&json, false);
}

/// A `-batch` file: its lines and words as `-batch` reads them.
pub fn batch(data: &[u8]) {
    let mut lines = crate::cli::batch::Lines::new(data, None);
    let mut last = 0;
    while let Ok(Some(line)) = lines.next_command(&mut || Ok(())) {
        assert!(line.number > last, "line numbers go up");
        last = line.number;
        for w in &line.words {
            assert!(!w.contains('\n'), "a word holds no line end: {w:?}");
        }
    }
}

/// A sysctl.conf file as `sysctl -p` reads it (nothing is written): a
/// first line `-r PATTERN` sets `-r`; each setting is echoed as `-N`
/// would, in text and JSON.
pub fn sysctl_conf(data: &[u8]) {
    use crate::helpers::sysctl::engine::{Engine, Flags};
    use crate::helpers::sysctl::{glob, keys, regex::Regex};
    let text = String::from_utf8_lossy(data);
    let mut flags = Flags { dry_run: true, ..Flags::default() };
    if let Some(pattern) = text.lines().next().and_then(|l| l.strip_prefix("-r ")) {
        flags.pattern = Some(Regex::new(pattern));
    }
    for json in [false, true] {
        let mut out = Vec::new();
        {
            let mut e = Engine::new(flags.clone(), "sysctl", Printer::new(&mut out, json, false, false, false));
            for (i, line) in text.split_inclusive('\n').enumerate() {
                let Some(s) = e.parse_line("fuzz.conf", i + 1, line) else { continue };
                let (key, _) = keys::dotted(&s.path);
                let _ = glob::fnmatch(&s.path, "/proc/sys/net/ipv4/ip_forward");
                if let Some(v) = &s.value {
                    e.emit_set(&key, v);
                }
            }
            let _ = e.out.finish(true, false);
        }
        if json {
            check_json(&out, true);
        }
    }
}

/// The command lines of an input for the `command_line` target: lines as
/// `-batch` splits them, each `[ip|rtun] WORDS…`, as (argv[0], words).
/// None when a line could reach outside the private network namespace
/// the target runs in (see `harmless`), or is too large.
pub fn command_lines(data: &[u8]) -> Option<Vec<Vec<String>>> {
    let mut lines = crate::cli::batch::Lines::new(data, None);
    let mut out = Vec::new();
    while let Ok(Some(line)) = lines.next_command(&mut || Ok(())) {
        if line.words.is_empty() {
            continue;
        }
        // Long names are a known netlink-packet-core panic (over 65530
        // bytes), handled elsewhere: keep words short.
        if out.len() == 8 || line.words.len() > 48 || line.words.iter().any(|w| w.len() > 512) || !harmless(&line.words) {
            return None;
        }
        let mut argv = line.words.clone();
        if argv[0] != "ip" && argv[0] != "rtun" {
            argv.insert(0, "rtun".into());
        }
        out.push(argv);
    }
    Some(out)
}

/// What the `command_line` target's network namespace holds before each
/// input (rtun command lines): links of the kinds this kernel has,
/// addresses, routes and one of rtun's nft rules; all links down, so
/// nothing changes by itself afterwards.
pub const SETUP: &[&str] = &[
    "link set lo up",
    "link add v0 type veth peer name v1",
    "link add br0 type bridge",
    "link set v1 master br0",
    "link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1",
    "link add ifb0 type ifb",
    "address add 192.0.2.1/24 dev v0",
    "address add 2001:db8::1/64 dev v0 nodad",
    "address add 198.51.100.1/32 dev lo label lo:1",
    "route add 203.0.113.0/24 dev lo table 100",
    "route add blackhole 198.51.100.0/24 metric 7",
    "nft add forward src 192.0.2.0/24 oif v0",
];

/// Run one command line (argv[0] first) in-process, as a fresh process
/// would: the exit status. Only for lines `command_lines` returned, in a
/// private network namespace.
pub fn run_command_line(argv: Vec<String>) -> i32 {
    crate::objects::address::list::forget_link_listing();
    crate::run(argv)
}

/// What a command line's run must show: one of iproute2's exit statuses
/// (0, 1, 2, 255; 22 for `carrier maybe` as ip) and, when it succeeded
/// and printed JSON, JSON (as `ip`, but for the quirks of `json_ok`).
pub fn check_run(argv: &[String], status: i32, stdout: &[u8]) {
    assert!(matches!(status, 0 | 1 | 2 | 22 | 255), "{argv:?}: exit status {status}");
    let first = stdout.iter().find(|b| !b.is_ascii_whitespace());
    if status == 0 && matches!(first, Some(b'[' | b'{')) {
        check_json(stdout, argv[0] == "ip");
    }
}

/// Whether a command line stays inside the network namespace it runs in
/// and writes no file: no netns object, no `netns`/`link-netns…` keyword
/// (`link set … netns 1` would move a link to the host), no `-netns`,
/// `-batch` or `-all` global option (any prefix, any position: rtun takes
/// `--NAME` after the object too), no sysctl (host-wide kernel.* and
/// vm.*, --persist files), no completions, no monitor (it listens until
/// stopped, and `monitor file` reads any file).
pub fn harmless(words: &[String]) -> bool {
    // A proxy neighbour without a device outlives its namespace (seen on
    // Linux 6.18) and shows up in later ones: no `neigh … proxy` at all.
    let neigh = words.iter().any(|w| find_object(w).is_some_and(|o| o.name.starts_with("neigh")));
    if neigh && words.iter().any(|w| !w.is_empty() && "proxy".starts_with(w.as_str())) {
        return false;
    }
    words.iter().all(|w| {
        !w.to_ascii_lowercase().contains("netns")
            && !matches!(w.as_str(), "sysctl" | "completions" | "complete")
            && find_object(w).is_none_or(|o| o.name != "netns" && o.name != "monitor")
            && !forbidden_option(w)
    })
}

fn forbidden_option(w: &str) -> bool {
    if !w.starts_with('-') {
        return false;
    }
    let word = if w.starts_with("--") { &w[1..] } else { w };
    OPTIONS
        .iter()
        .filter(|d| matches!(d.opt, Opt::Netns | Opt::Batch | Opt::All))
        .any(|d| d.names.iter().any(|n| n.accepts(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn lines_that_reach_outside_are_refused() {
        for bad in [
            "link set dev lo netns 1",
            "link add v0 type veth peer name v1 netns 1",
            "-n foo link",
            "link show --netns foo",
            "-ne foo link",
            "-b /etc/passwd",
            "--batch /etc/passwd",
            "-all netns exec true",
            "net add x",
            "netn exec x true",
            "sysctl -w kernel.x=1",
            "completions bash",
            "link add v0 type vxlan id 1 link-netnsid 0",
            "monitor link",
            "neigh add proxy 192.0.2.1",
            "neighbour del pro 192.0.2.1",
            "-t mon file /etc/passwd",
        ] {
            assert!(!harmless(&words(bad)), "{bad}");
            assert!(command_lines(bad.as_bytes()).is_none(), "{bad}");
        }
        for good in ["link show", "-br -j addr", "route get 192.0.2.1", "-N -s link", "nft add forward", "ne show"] {
            assert!(harmless(&words(good)), "{good}");
        }
        let lines = command_lines(b"ip link show\nroute show # c\n\n").expect("harmless");
        assert_eq!(lines, vec![words("ip link show"), words("rtun route show")]);
    }

    #[test]
    fn iproute2_json_quirks_are_allowed_and_nothing_else() {
        assert!(json_ok(b"[{\"ifname\":\"a\x01b\"}]\n").is_ok());
        assert!(json_ok(b"[ {\n    \"a\": 1\n} ]\n").is_ok());
        assert!(json_ok(b"[{\"ifname\":\"a\"}").is_err());
        assert!(json_ok(b"[{\"a\":01}]").is_err());
    }
}
