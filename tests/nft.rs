//! `rtun nft`: every rule form is added, listed, deleted, re-added and
//! flushed in a private network namespace (a fresh, empty ruleset), and
//! each time checked against what nft itself does:
//!
//! - the kernel's view of rtun's rule (`nft --debug=netlink list ruleset`
//!   bytecode) equals that of the equivalent rule added with `nft` to a
//!   second table `inet t2`, and so does its `nft -j` JSON (parsed with the
//!   `nftables` crate);
//! - `rtun nft show` prints the words the rule was added with;
//! - `rtun -j nft show` equals `nft -j list table inet rtun` (parsed);
//! - unrelated tables survive everything, and bad input leaves
//!   `nft list ruleset` byte-identical.
//!
//! `RTUN_BIN` names another binary to test. Needs root, `unshare -n`,
//! `nsenter` and the `nft` binary; without them
//! the tests are skipped, or fail when CI=true.

use std::process::{Child, Command, Output, Stdio};

use nftables::schema::{NfListObject, NfObject, Nftables};
use nftables::stmt::Statement;

/// The binary under test: this crate's, or `RTUN_BIN` (as in parity.rs).
fn rtun_bin() -> String {
    std::env::var("RTUN_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_rtun").to_string())
}

/// A private network namespace held open by a sleeping child; commands
/// run in it through `nsenter`.
struct Netns {
    holder: Child,
}

impl Netns {
    fn new() -> Netns {
        let holder = Command::new("unshare")
            .args(["-n", "sleep", "600"])
            .stdin(Stdio::null())
            .spawn()
            .expect("unshare runs");
        let ns = Netns { holder };
        // Wait until the child has entered its own namespace.
        let mine = std::fs::read_link("/proc/self/ns/net").ok();
        for _ in 0..200 {
            let theirs = std::fs::read_link(format!("/proc/{}/ns/net", ns.holder.id())).ok();
            if theirs.is_some() && theirs != mine {
                return ns;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the namespace holder did not start");
    }

    fn run(&self, prog: &str, args: &[impl AsRef<std::ffi::OsStr>]) -> Output {
        let target = self.holder.id().to_string();
        Command::new("nsenter")
            .args(["-t", &target, "-n", "--", prog])
            .args(args)
            .output()
            .expect("nsenter runs")
    }

    fn rtun(&self, line: &str) -> Output {
        let args: Vec<&str> = line.split_whitespace().collect();
        self.run(&rtun_bin(), &args)
    }

    /// Start `prog args` in the namespace without waiting for it.
    fn spawn(&self, prog: &str, args: &[&str], stdin: Stdio) -> Child {
        Command::new("nsenter")
            .args(["-t", &self.holder.id().to_string(), "-n", "--", prog])
            .args(args)
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("nsenter runs")
    }

    /// Run rtun command lines at the same time: each must succeed quietly.
    fn rtun_together(&self, lines: &[&str], what: &str) {
        let children: Vec<Child> = lines
            .iter()
            .map(|line| self.spawn(&rtun_bin(), &line.split_whitespace().collect::<Vec<_>>(), Stdio::null()))
            .collect();
        for (child, line) in children.into_iter().zip(lines) {
            let out = child.wait_with_output().expect("wait");
            ok(&out, &format!("{what}: {line}"));
            assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{what}: {line}");
        }
    }

    fn nft(&self, args: &[&str]) -> String {
        let out = self.run("nft", args);
        assert!(out.status.success(), "nft {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn nft_script(&self, script: &str) {
        let path = std::env::temp_dir().join(format!("rtun-nft-test-{}.nft", self.holder.id()));
        std::fs::write(&path, script).expect("write script");
        self.nft(&["-f", path.to_str().unwrap_or_default()]);
        let _ = std::fs::remove_file(path);
    }

    fn ruleset(&self) -> String {
        self.nft(&["list", "ruleset"])
    }

    fn json(&self, args: &[&str]) -> Nftables<'static> {
        let mut all = vec!["-j"];
        all.extend_from_slice(args);
        let text = self.nft(&all);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("nft -j {args:?}: {e}: {text}"))
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = self.holder.kill();
        let _ = self.holder.wait();
    }
}

/// Whether this machine can run the tests; under CI=true it must.
fn usable() -> bool {
    let why = if !Command::new("unshare").args(["-n", "true"]).status().is_ok_and(|s| s.success()) {
        Some("`unshare -n` is not possible (need root)")
    } else if !Command::new("nft").arg("--version").output().is_ok_and(|o| o.status.success()) {
        Some("the nft binary is missing (apt-get install nftables)")
    } else if !Command::new("nsenter").arg("--version").output().is_ok_and(|o| o.status.success()) {
        Some("nsenter is missing (util-linux)")
    } else {
        None
    };
    match why {
        None => true,
        Some(why) => {
            assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but {why}");
            eprintln!("skipping: {why}");
            false
        }
    }
}

fn ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: exit {:?}, stderr {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The second table, with chains like rtun's, and an unrelated one.
const SETUP: &str = r#"
table inet t2 {
    chain input { type filter hook input priority filter; policy accept; }
    chain forward { type filter hook forward priority filter; policy accept; }
    chain mss { type filter hook forward priority mangle; policy accept; }
    chain prerouting { type nat hook prerouting priority dstnat; policy accept; }
    chain postrouting { type nat hook postrouting priority srcnat; policy accept; }
}
table ip unrelated {
    chain c {
        type filter hook output priority 10; policy accept;
        ip daddr 203.0.113.9 counter accept
    }
}
"#;

/// rtun's words, its chain, and the same rule as nft is told it.
const FORMS: &[(&str, &str, &str)] = &[
    ("accept proto gre", "input", "meta l4proto gre accept"),
    ("accept proto gre src 192.0.2.0/24 iif eth0", "input", r#"ip saddr 192.0.2.0/24 iifname "eth0" meta l4proto gre accept"#),
    ("accept proto ipip src 2001:db8::/32 dst 2001:db8:1::1", "input", "ip6 saddr 2001:db8::/32 ip6 daddr 2001:db8:1::1 meta l4proto 4 accept"),
    ("accept proto icmpv6", "input", "meta l4proto 58 accept"),
    ("accept proto 99 src 10.1.2.3", "input", "ip saddr 10.1.2.3 meta l4proto 99 accept"),
    ("accept proto esp dst 198.51.100.0/23", "input", "ip daddr 198.51.100.0/23 meta l4proto esp accept"),
    ("forward src 10.16.0.0/12 dst 192.168.1.0/24 iif gre1 oif eth0", "forward", r#"ip saddr 10.16.0.0/12 ip daddr 192.168.1.0/24 iifname "gre1" oifname "eth0" accept"#),
    ("forward src 0.0.0.0/0", "forward", "ip saddr 0.0.0.0/0 accept"),
    ("forward src 2001:db8::/33 oif gre1", "forward", r#"ip6 saddr 2001:db8::/33 oifname "gre1" accept"#),
    ("forward iif gre1", "forward", r#"iifname "gre1" accept"#),
    ("masquerade src 10.0.0.0/8 oif eth0", "postrouting", r#"ip saddr 10.0.0.0/8 oifname "eth0" masquerade"#),
    ("masquerade", "postrouting", "masquerade"),
    ("masquerade src fd00::/8", "postrouting", "ip6 saddr fd00::/8 masquerade"),
    ("snat to 192.0.2.1 src 10.0.0.0/8 dst 198.51.100.0/24 oif eth0", "postrouting", r#"ip saddr 10.0.0.0/8 ip daddr 198.51.100.0/24 oifname "eth0" snat ip to 192.0.2.1"#),
    ("snat to 2001:db8::1 src fd00::/8", "postrouting", "ip6 saddr fd00::/8 snat ip6 to 2001:db8::1"),
    ("dnat proto tcp dport 8080 to 10.0.0.2:80 iif eth0", "prerouting", r#"iifname "eth0" tcp dport 8080 dnat ip to 10.0.0.2:80"#),
    ("dnat proto udp dport 53 to 10.0.0.2", "prerouting", "udp dport 53 dnat ip to 10.0.0.2"),
    ("dnat proto tcp dport 443 to [2001:db8::2]:8443 dst 2001:db8::1", "prerouting", "ip6 daddr 2001:db8::1 tcp dport 443 dnat ip6 to [2001:db8::2]:8443"),
    ("clamp-mss oif gre1", "mss", r#"oifname "gre1" tcp flags syn tcp option maxseg size set rt mtu"#),
    ("clamp-mss iif gre1 mss 1360", "mss", r#"iifname "gre1" tcp flags syn tcp option maxseg size set 1360"#),
    ("clamp-mss", "mss", "tcp flags syn tcp option maxseg size set rt mtu"),
];

/// The bytecode nft shows for each rule of (table, chain), as the kernel
/// stores it (`nft --debug=netlink list ruleset`).
fn bytecode(ns: &Netns, table: &str, chain: &str) -> Vec<Vec<String>> {
    let text = ns.nft(&["--debug=netlink", "list", "ruleset"]);
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        let mut lines = block.lines();
        let Some(head) = lines.next() else { continue };
        let words: Vec<&str> = head.split_whitespace().collect();
        if words.len() >= 3 && words[0] == "inet" && words[1] == table && words[2] == chain {
            out.push(lines.map(|l| l.trim().to_string()).filter(|l| l.starts_with('[')).collect());
        }
    }
    out
}

/// The `expr` lists of the rules of (table, chain) in nft's JSON.
fn json_rules(doc: &Nftables<'static>, table: &str, chain: &str) -> Vec<Vec<Statement<'static>>> {
    doc.objects
        .iter()
        .filter_map(|o| match o {
            NfObject::ListObject(NfListObject::Rule(r)) if r.table == table && r.chain == chain => Some(r.expr.to_vec()),
            _ => None,
        })
        .collect()
}

fn has_table(ns: &Netns, family: &str, name: &str) -> bool {
    ns.nft(&["list", "tables"]).lines().any(|l| l.trim() == format!("table {family} {name}"))
}

#[test]
fn every_form_is_what_nft_generates() {
    if !usable() {
        return;
    }
    let ns = Netns::new();
    ns.nft_script(SETUP);
    let unrelated = ns.nft(&["list", "table", "ip", "unrelated"]);
    for (words, chain, nft_rule) in FORMS {
        // Added: the same bytecode and JSON as nft's own rule.
        ok(&ns.rtun(&format!("nft add {words}")), words);
        ns.nft(&["add", "rule", "inet", "t2", chain, nft_rule]);
        let ours = bytecode(&ns, "rtun", chain);
        assert_eq!(ours.len(), 1, "{words}: one rule in chain {chain}");
        assert_eq!(ours, bytecode(&ns, "t2", chain), "{words}: bytecode differs from nft's `{nft_rule}`");
        let doc = ns.json(&["list", "ruleset"]);
        assert_eq!(json_rules(&doc, "rtun", chain), json_rules(&doc, "t2", chain), "{words}: JSON differs");

        // Listed in the words it was added with.
        let show = ns.rtun("nft show");
        ok(&show, "show");
        assert_eq!(stdout(&show), format!("{words}\n"));

        // Added again: nothing changes.
        let before = ns.ruleset();
        ok(&ns.rtun(&format!("nft add {words}")), words);
        assert_eq!(ns.ruleset(), before, "{words}: a second add changed the ruleset");

        // Deleted (twice: the second fails), re-added, flushed.
        ok(&ns.rtun(&format!("nft del {words}")), words);
        assert!(bytecode(&ns, "rtun", chain).is_empty(), "{words}: still there after del");
        assert_eq!(stdout(&ns.rtun("nft show")), "");
        let again = ns.rtun(&format!("nft del {words}"));
        assert_eq!(again.status.code(), Some(2), "{words}: del of a missing rule");
        ok(&ns.rtun(&format!("nft add {words}")), words);
        assert_eq!(bytecode(&ns, "rtun", chain), bytecode(&ns, "t2", chain), "{words}: re-added");
        let t2 = ns.nft(&["list", "table", "inet", "t2"]);
        ok(&ns.rtun("nft flush"), "flush");
        assert!(!has_table(&ns, "inet", "rtun"), "{words}: flush left the table");
        assert_eq!(ns.nft(&["list", "table", "inet", "t2"]), t2, "flush touched t2");
        assert_eq!(ns.nft(&["list", "table", "ip", "unrelated"]), unrelated, "unrelated table changed");
        ok(&ns.rtun("nft flush"), "flush of nothing");
        ns.nft(&["flush", "chain", "inet", "t2", chain]);
    }
}

/// Interface names are bytes: a name that is not UTF-8 reaches the kernel
/// as the bytes typed (the bytecode nft makes for the same name), is
/// listed with them, and deletes the rule it added.
#[test]
fn interface_names_are_bytes() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    if !usable() {
        return;
    }
    let ns = Netns::new();
    ns.nft_script(SETUP);
    let run = |prog: &str, args: &[&[u8]]| {
        let out = ns.run(prog, &args.iter().map(|a| OsStr::from_bytes(a)).collect::<Vec<_>>());
        ok(&out, &format!("{prog} {args:?}"));
        out.stdout
    };
    // 15 bytes (the longest name), one of them not UTF-8.
    let name: &[u8] = b"gre-tunnel-\xff01";
    let rtun = rtun_bin();
    run(&rtun, &[b"nft", b"add", b"forward", b"iif", name]);
    run("nft", &[b"add", b"rule", b"inet", b"t2", b"forward", b"iifname", &[b"\"", name, b"\""].concat(), b"accept"]);
    let ours = bytecode(&ns, "rtun", "forward");
    assert_eq!(ours.len(), 1);
    assert_eq!(ours, bytecode(&ns, "t2", "forward"), "the bytes nft sends for the same name");
    assert_eq!(run(&rtun, &[b"nft", b"show"]), [&b"forward iif "[..], name, b"\n"].concat());
    run(&rtun, &[b"nft", b"del", b"forward", b"iif", name]);
    assert!(bytecode(&ns, "rtun", "forward").is_empty());
}

/// A tunnel recipe's rules, in one table.
const RECIPE: &[&str] = &[
    "masquerade src 10.0.0.0/8 oif eth0",
    "forward iif gre1",
    "forward oif gre1",
    "clamp-mss oif gre1",
    "accept proto gre",
    "dnat proto tcp dport 2222 to 10.0.0.2:22 iif eth0",
    "snat to 2001:db8::1 src fd00::/8",
];

fn without_metainfo(doc: Nftables<'static>) -> Vec<NfObject<'static>> {
    doc.objects
        .iter()
        .filter(|o| !matches!(o, NfObject::ListObject(NfListObject::MetainfoObject(_))))
        .cloned()
        .collect()
}

#[test]
fn json_show_is_nfts_document() {
    if !usable() {
        return;
    }
    let ns = Netns::new();
    ns.nft_script(SETUP);
    for words in RECIPE {
        ok(&ns.rtun(&format!("nft add {words}")), words);
    }
    let show = ns.rtun("nft show");
    let expected: String = RECIPE.iter().map(|w| format!("{w}\n")).collect();
    // Listed chain by chain, in the order the chains were created.
    let listed = stdout(&show);
    let mut got: Vec<&str> = listed.lines().collect();
    let mut want: Vec<&str> = expected.lines().collect();
    got.sort_unstable();
    want.sort_unstable();
    assert_eq!(got, want);

    for args in ["-j nft show", "-j -p nft show"] {
        let out = ns.rtun(args);
        ok(&out, args);
        let ours: Nftables<'static> = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{args}: {e}"));
        let theirs = ns.json(&["list", "table", "inet", "rtun"]);
        assert_eq!(without_metainfo(ours), without_metainfo(theirs), "{args}");
    }

    // Every `show` line pasted back is a no-op; after a flush it rebuilds
    // the same rules.
    let before = ns.ruleset();
    for line in stdout(&show).lines() {
        ok(&ns.rtun(&format!("nft add {line}")), line);
    }
    assert_eq!(ns.ruleset(), before);
    ok(&ns.rtun("nft flush"), "flush");
    for line in stdout(&show).lines() {
        ok(&ns.rtun(&format!("nft add {line}")), line);
    }
    assert_eq!(stdout(&ns.rtun("nft show")), stdout(&show));
    // No table: an empty listing, and a document with no table in it.
    ok(&ns.rtun("nft flush"), "flush");
    assert_eq!(stdout(&ns.rtun("nft show")), "");
    let empty: Nftables<'static> = serde_json::from_str(&stdout(&ns.rtun("-j nft show"))).expect("JSON");
    assert!(without_metainfo(empty).is_empty());
}

#[test]
fn bad_input_changes_nothing() {
    if !usable() {
        return;
    }
    let ns = Netns::new();
    ns.nft_script(SETUP);
    for words in RECIPE {
        ok(&ns.rtun(&format!("nft add {words}")), words);
    }
    let before = ns.ruleset();
    let cases: &[(&str, i32, &str)] = &[
        ("nft add accept proto nope", 255, "Error: argument \"nope\" is wrong: unknown protocol\n"),
        ("nft add forward src 10.0.0.300/8", 1, "Error: inet prefix is expected rather than \"10.0.0.300/8\".\n"),
        ("nft add forward src 10.0.0.0/33", 1, "Error: inet prefix is expected rather than \"10.0.0.0/33\".\n"),
        ("nft add forward src 10.0.0.0/8 garbage", 255, "Error: either \"src\" is duplicate, or \"garbage\" is a garbage.\n"),
        ("nft add forward src 10.0.0.0/8 src 10.0.0.0/8", 255, "Error: duplicate \"src\": \"10.0.0.0/8\" is the second value.\n"),
        ("nft add masquerade iif eth0", 255, "Error: either \"masquerade\" is duplicate, or \"iif\" is a garbage.\n"),
        ("nft add forward oif", 255, "Command line is not complete. Try option \"help\"\n"),
        ("nft add", 255, "Command line is not complete. Try option \"help\"\n"),
        ("nft add accept src 10.0.0.0/8", 255, "Error: argument \"proto\" is required\n"),
        ("nft add dnat proto gre dport 1 to 10.0.0.1", 255, "Error: argument \"gre\" is wrong: dnat needs proto tcp or udp\n"),
        ("nft add dnat proto tcp dport 0 to 10.0.0.1", 255, "Error: argument \"0\" is wrong: invalid port\n"),
        ("nft add dnat proto tcp dport 80 to 10.0.0.1:x", 255, "Error: argument \"x\" is wrong: invalid port\n"),
        ("nft add snat to 10.0.0.1:80", 1, "Error: inet address is expected rather than \"10.0.0.1:80\".\n"),
        ("nft add forward iif a/b", 255, "Error: argument \"a/b\" is wrong: \"iif\" not a valid ifname\n"),
        ("nft add forward src 10.0.0.0/8 dst 2001:db8::/32", 255, "Error: \"dst 2001:db8::/32\" is not of the same family as \"src 10.0.0.0/8\".\n"),
        ("nft add frobnicate", 255, "Error: argument \"frobnicate\" is wrong: unknown rule type: expected accept, forward, masquerade, snat, dnat or clamp-mss\n"),
        ("nft del forward iif nothere", 2, "Error: rule \"forward iif nothere\" is not in table inet rtun.\n"),
        ("nft flush everything", 255, "Error: either \"flush\" is duplicate, or \"everything\" is a garbage.\n"),
        ("-6 nft add forward src 10.0.0.0/8", 1, "Error: inet6 prefix is expected rather than \"10.0.0.0/8\".\n"),
    ];
    for (line, code, message) in cases {
        let out = ns.rtun(line);
        assert_eq!(out.status.code(), Some(*code), "{line}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), *message, "{line}");
        assert_eq!(stdout(&out), "", "{line}");
        assert_eq!(ns.ruleset(), before, "{line} changed the ruleset");
    }
}

#[test]
fn show_warns_about_drops_elsewhere() {
    if !usable() {
        return;
    }
    let ns = Netns::new();
    ok(&ns.rtun("nft add accept proto gre"), "add");
    ok(&ns.rtun("nft add masquerade"), "add");
    let quiet = ns.rtun("nft show");
    assert_eq!(String::from_utf8_lossy(&quiet.stderr), "", "no other table: no note");

    ns.nft_script("table ip filter {\n chain INPUT { type filter hook input priority 0; policy drop; }\n}\n");
    ns.nft_script("table ip6 fw {\n chain FORWARD { type filter hook forward priority 0; policy accept; meta l4proto udp drop; }\n}\n");
    let out = ns.rtun("nft show");
    ok(&out, "show");
    assert_eq!(stdout(&out), "accept proto gre\nmasquerade\n");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("table ip filter chain INPUT (hook input) has policy drop"), "{err}");
    // rtun has no forward rule: the forward hook's drop is not its business.
    assert!(!err.contains("FORWARD"), "{err}");
    ok(&ns.rtun("nft add forward iif gre1"), "add");
    let err = String::from_utf8_lossy(&ns.rtun("nft show").stderr).into_owned();
    assert!(err.contains("table ip6 fw chain FORWARD (hook forward) has drop rules"), "{err}");

    // A rule someone else put in rtun's table is reported, not misread.
    ns.nft(&["add", "rule", "inet", "rtun", "input", "counter", "accept"]);
    let out = ns.rtun("nft show");
    assert_eq!(stdout(&out), "accept proto gre\nmasquerade\nforward iif gre1\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not one rtun writes"));
    ok(&ns.rtun("nft flush"), "flush");
    assert!(has_table(&ns, "ip", "filter") && has_table(&ns, "ip6", "fw"));

    // A chain of rtun's table that is not what rtun made: refused, unchanged.
    ns.nft_script("table inet rtun {\n chain postrouting { type filter hook postrouting priority 0; }\n}\n");
    let before = ns.ruleset();
    let out = ns.rtun("nft add masquerade");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not the nat chain rtun makes"));
    assert_eq!(ns.ruleset(), before);
}

/// How many rules of rtun's table, as nft lists them, contain `what`.
fn rules_with(ns: &Netns, what: &str) -> usize {
    if !has_table(ns, "inet", "rtun") {
        return 0;
    }
    ns.nft(&["list", "table", "inet", "rtun"]).lines().filter(|l| l.contains(what)).count()
}

const MASQ: &str = "nft add masquerade src 10.0.0.0/8";
const MASQ_DEL: &str = "nft del masquerade src 10.0.0.0/8";
/// How nft lists that rule.
const MASQ_NFT: &str = "ip saddr 10.0.0.0/8 masquerade";

/// Two identical adds at once from an empty ruleset leave one rule, and
/// one del then leaves none: each batch is bound to the ruleset
/// generation it was decided at, and the loser reads again.
#[test]
fn concurrent_adds_make_one_rule() {
    if !usable() {
        return;
    }
    let ns = Netns::new();
    for trial in 0..30 {
        ns.rtun_together(&[MASQ, MASQ], &format!("trial {trial}"));
        assert_eq!(rules_with(&ns, MASQ_NFT), 1, "trial {trial}: two adds at once\n{}", ns.ruleset());
        ok(&ns.rtun(MASQ_DEL), "del");
        assert_eq!(rules_with(&ns, MASQ_NFT), 0, "trial {trial}: after del\n{}", ns.ruleset());
        ns.nft(&["flush", "ruleset"]);
    }
}

/// Changes at once end as if made one after the other, and all succeed:
/// add and del of the rule that is there; an add while the table is
/// flushed (the add read a chain the flush then removed); two dels of
/// a rule nft put there twice (both found the first copy).
#[test]
fn concurrent_add_del_and_flush_each_complete() {
    if !usable() {
        return;
    }
    let ns = Netns::new();
    for trial in 0..10 {
        let what = |w: &str| format!("trial {trial}: {w}");
        ok(&ns.rtun(MASQ), &what("setup"));
        ns.rtun_together(&[MASQ, MASQ_DEL], &what("add | del"));
        assert!(rules_with(&ns, MASQ_NFT) <= 1, "{}\n{}", what("add | del"), ns.ruleset());

        ok(&ns.rtun(MASQ), &what("setup"));
        ns.rtun_together(&["nft add masquerade src 10.1.0.0/16", "nft flush"], &what("add | flush"));
        // Flush first: the add made the table again, with its rule only.
        // Add first: the flush removed both.
        let after = (rules_with(&ns, "masquerade"), rules_with(&ns, "10.1.0.0/16"));
        assert!(after == (0, 0) || after == (1, 1), "{}: {after:?}\n{}", what("add | flush"), ns.ruleset());
        ok(&ns.rtun("nft flush"), &what("flush"));

        ok(&ns.rtun(MASQ), &what("setup"));
        ns.nft(&["add", "rule", "inet", "rtun", "postrouting", MASQ_NFT]);
        assert_eq!(rules_with(&ns, MASQ_NFT), 2);
        ns.rtun_together(&[MASQ_DEL, MASQ_DEL], &what("del | del"));
        assert_eq!(rules_with(&ns, MASQ_NFT), 0, "{}\n{}", what("del | del"), ns.ruleset());
        ns.nft(&["flush", "ruleset"]);
    }
}

/// Debian's nft changes rtun's table meanwhile (makes it, adds a rule,
/// deletes it) as fast as one `nft -i` can: every rtun add still
/// succeeds, by reading again when the kernel refuses its batch for a
/// stale generation (before, a table deleted between rtun's read and its
/// batch made the add fail with ENOENT).
#[test]
fn nft_writing_meanwhile() {
    if !usable() {
        return;
    }
    let ns = Netns::new();
    let _nft = Interactive::start(
        ns.spawn("nft", &["-i"], Stdio::piped()),
        "add table inet rtun
add chain inet rtun postrouting { type nat hook postrouting priority srcnat; policy accept; }
add rule inet rtun postrouting counter
delete table inet rtun
",
    );
    let mut failed = Vec::new();
    for n in 0..200 {
        let line = format!("nft add masquerade src 10.{}.{}.0/24", n / 100, n % 100);
        let out = ns.rtun(&line);
        if !out.status.success() || !out.stderr.is_empty() {
            failed.push(format!("{line}: {:?} {}", out.status.code(), String::from_utf8_lossy(&out.stderr)));
        }
    }
    assert!(failed.is_empty(), "{} of 200 adds failed:\n{}", failed.len(), failed.join("\n"));
}

/// A process fed the same `script` on stdin over and over by a thread,
/// until dropped (then its stdin closes and it is ended).
struct Interactive {
    child: Child,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    writer: Option<std::thread::JoinHandle<()>>,
}

impl Interactive {
    fn start(mut child: Child, script: &'static str) -> Interactive {
        use std::io::Write;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut stdin = child.stdin.take().expect("a pipe");
        let halt = stop.clone();
        let writer = std::thread::spawn(move || {
            while !halt.load(std::sync::atomic::Ordering::Relaxed) && stdin.write_all(script.as_bytes()).is_ok() {}
        });
        Interactive { child, stop, writer: Some(writer) }
    }
}

impl Drop for Interactive {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(w) = self.writer.take() {
            let _ = w.join();
        }
    }
}
