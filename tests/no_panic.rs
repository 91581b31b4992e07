//! No command line may make rtun panic or print a backtrace: every bad
//! input line of the parity suite, plus random word sequences drawn from
//! the grammar tables, must end with exit status 0, 1, 2 or 255 — or the
//! status real `ip` gives the same line (ip exits 22 for `carrier maybe`) —
//! and a stderr free of "panicked".
//!
//! Every command runs under `unshare -n` (a private, empty network
//! namespace), so random `link set … down` lines touch nothing real.

mod common;

use std::process::{Command, Stdio};

use rtun::cli::grammar::global::OPTIONS;
use rtun::cli::grammar::{Value, OBJECTS};

use common::Rng;

const ODD_VALUES: &[&str] = &[
    "", "-", "--", "0", "-1", "4294967296", "0x", "abc", "lo", "v0", "192.0.2.1", "192.0.2.1/33",
    "2001:db8::1/129", "::", "default", "all", "any", "ff:ff", "zz:zz", "1.2.3.4.5", "300.1.1.1",
    "/", "//24", "on", "off", "help", "dev", "peer", "\u{e9}t\u{e9}", "a b", "%s%n",
    "99999999999999999999", "main", "local", "table", "inet6", "global",
];

/// A word that fits a keyword's value, or an odd one.
fn value_for(rng: &mut Rng, v: Value) -> String {
    if rng.below(4) == 0 {
        return rng.pick(ODD_VALUES).to_string();
    }
    match v {
        Value::Choice(ws) if !ws.is_empty() => rng.pick(ws).to_string(),
        Value::OnOff => rng.pick(&["on", "off"]).to_string(),
        Value::Ifname => rng.pick(&["lo", "v0", "nosuch"]).to_string(),
        Value::Number => rng.pick(&["0", "1", "1500", "65535", "70000"]).to_string(),
        Value::Prefix => rng.pick(&["192.0.2.0/24", "198.51.100.7", "2001:db8::/64", "default"]).to_string(),
        Value::Address => rng.pick(&["192.0.2.1", "2001:db8::1", "0.0.0.0"]).to_string(),
        Value::Lladdr => rng.pick(&["02:00:00:00:00:01", "ff:ff:ff:ff:ff:ff"]).to_string(),
        Value::Table => rng.pick(&["main", "local", "100", "0"]).to_string(),
        Value::TableFilter => rng.pick(&["main", "local", "all", "cache", "100", "0"]).to_string(),
        Value::Protocol => rng.pick(&["static", "kernel", "boot", "99"]).to_string(),
        Value::Scope => rng.pick(&["host", "link", "global", "200"]).to_string(),
        Value::LinkKind => rng.pick(&["veth", "bridge", "vxlan", "ifb", "dummy", "bogus"]).to_string(),
        _ => rng.pick(ODD_VALUES).to_string(),
    }
}

/// An abbreviation of a word, as users type them.
fn abbreviate(rng: &mut Rng, word: &str) -> String {
    let n = word.chars().count();
    if n == 0 || rng.below(3) != 0 {
        return word.to_string();
    }
    word.chars().take(1 + rng.below(n)).collect()
}

/// Objects whose commands change the machine outside a network namespace
/// are left out: `netns add` writes /run/netns, `netns exec` runs programs,
/// `sysctl -w`/`--system` can set host-wide kernel.*/vm.* variables, and
/// `completions`/`complete` only print scripts.
fn fuzzable(object: &str) -> bool {
    !matches!(object, "netns" | "help" | "sysctl" | "completions" | "complete")
}

fn random_line(rng: &mut Rng) -> Vec<String> {
    let mut words = Vec::new();
    // A few global options, never -batch or -netns (they read files / mount).
    for _ in 0..rng.below(3) {
        let o = &OPTIONS[rng.below(OPTIONS.len())];
        let Some(name) = o.names.first().map(|w| w.text) else { continue };
        if matches!(name, "-batch" | "-netns" | "-all") {
            continue;
        }
        words.push(abbreviate(rng, name));
        if o.value != Value::Flag && o.value != Value::Choice(rtun::cli::grammar::global::COLORS) {
            words.push(value_for(rng, o.value));
        }
    }
    let objects: Vec<_> = OBJECTS.iter().filter(|o| o.supported() && fuzzable(o.name)).collect();
    let obj = objects[rng.below(objects.len())];
    words.push(abbreviate(rng, obj.name));
    if obj.name == "monitor" {
        // `monitor` listens until stopped: its words end with an empty
        // file to replay instead (the last `file` wins).
        let mut rest = object_words(rng, obj);
        words.append(&mut rest);
        words.extend(["file".to_string(), "/dev/null".to_string()]);
        return words;
    }
    words.extend(object_words(rng, obj));
    words
}

/// The words after the object: maybe a command, then keywords and odd values.
fn object_words(rng: &mut Rng, obj: &rtun::cli::grammar::Object) -> Vec<String> {
    let mut words = Vec::new();
    if obj.commands.is_empty() || rng.below(10) == 0 {
        return words;
    }
    let cmd = &obj.commands[rng.below(obj.commands.len())];
    if let Some(name) = cmd.names.first() {
        words.push(abbreviate(rng, name.text));
    }
    for _ in 0..rng.below(7) {
        if cmd.keywords.is_empty() || rng.below(6) == 0 {
            words.push(rng.pick(ODD_VALUES).to_string());
            continue;
        }
        let k = &cmd.keywords[rng.below(cmd.keywords.len())];
        if let Some(name) = k.names.first() {
            words.push(abbreviate(rng, name.text));
        }
        if k.value != Value::Flag && rng.below(8) != 0 {
            words.push(value_for(rng, k.value));
        }
    }
    // A proxy neighbour without a device outlives its namespace in the
    // kernel (6.x: it shows up in later namespaces), so neighbour lines
    // always name one, which goes with the namespace.
    if obj.name.starts_with("neighb") {
        words.extend(["dev".to_string(), "lo".to_string()]);
    }
    words
}

fn can_unshare() -> bool {
    Command::new("unshare").args(["-n", "true"]).status().is_ok_and(|s| s.success())
}

/// Run one line in a fresh namespace; describe the problem if there is one.
fn run_in_fresh_netns(program: &str, args: &[String]) -> std::process::Output {
    Command::new("unshare")
        .arg("-n")
        .arg(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("unshare runs")
}

fn check(args: &[String]) -> Option<String> {
    let out = run_in_fresh_netns(env!("CARGO_BIN_EXE_rtun"), args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    let ok_code = matches!(code, Some(0 | 1 | 2 | 255)) || run_in_fresh_netns("ip", args).status.code() == code;
    if !ok_code || stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        return Some(format!("rtun {:?}: exit {:?}, stderr: {}", args, code, stderr.trim()));
    }
    None
}

#[test]
fn no_input_panics() {
    if !can_unshare() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but `unshare -n` is not possible (need root)");
        eprintln!("skipping: needs root for unshare -n");
        return;
    }
    let mut lines: Vec<Vec<String>> = common::cases::bad_input_lines().into_iter().map(|s| s.args).collect();
    let from_cases = lines.len();
    let seed = std::env::var("RTUN_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_1234_abcd_0001);
    let count = std::env::var("RTUN_FUZZ_COUNT").ok().and_then(|s| s.parse().ok()).unwrap_or(1500);
    let mut rng = Rng(seed);
    lines.extend((0..count).map(|_| random_line(&mut rng)));
    let failures: Vec<String> = lines.iter().filter_map(|l| check(l)).collect();
    eprintln!("no_panic: {} lines ({} bad-input cases, {} random, seed {seed:#x}), {} failures", lines.len(), from_cases, count, failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
