//! The generated completion scripts and man pages: committed copies are
//! current, pages render without groff warnings, `OBJECT help` prints the
//! man page's synopsis, and each script completes the right words in the
//! real shell (bash with bash-completion, zsh under compinit, fish's
//! `complete -C`, Nushell's own completion engine via `--ide-complete`),
//! inside a network namespace holding a veth pair made by `ip`.
//!
//! Missing shells, groff or root skip a test, or fail it when `CI=true`.
//! `RTUN_REGENERATE=1 cargo test --test completions` rewrites the
//! committed files from the current grammar.

use std::path::{Path, PathBuf};
use std::process::Command;

use rtun::cli::grammar::global::{Opt, OPTIONS};
use rtun::cli::grammar::{find_command, find_object, Keyword, Value, OBJECTS};
use rtun::gen::model::{optional_value, GETOPT_OBJECTS};
use rtun::kinds::KINDS;
use rtun::cli::words::lookup;

const SHELLS: &[(&str, &str)] = &[("bash", "rtun.bash"), ("zsh", "_rtun"), ("fish", "rtun.fish"), ("nushell", "rtun.nu")];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rtun(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rtun")).args(args).output().expect("rtun runs")
}

fn have(prog: &str) -> bool {
    Command::new("sh").args(["-c", &format!("command -v {prog} >/dev/null")]).status().is_ok_and(|s| s.success())
}

/// True when the test can go on; false (skip) or a panic on CI otherwise.
fn need(what: &str, ok: bool) -> bool {
    if !ok {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but {what} is not available");
        eprintln!("skipping: {what} is not available");
    }
    ok
}

fn can_unshare() -> bool {
    Command::new("unshare").args(["-n", "true"]).status().is_ok_and(|s| s.success())
}

fn regenerate() -> bool {
    std::env::var("RTUN_REGENERATE").as_deref() == Ok("1")
}

fn check_file(path: &Path, fresh: &str, how: &str) {
    if regenerate() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is out of date with `{how}`: run `RTUN_REGENERATE=1 cargo test --test completions` and commit the result",
        path.display()
    );
}

#[test]
fn committed_scripts_match_the_binary() {
    for (shell, file) in SHELLS {
        let out = rtun(&["completions", shell]);
        assert!(out.status.success(), "rtun completions {shell} failed");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.len() > 1000, "the {shell} script is suspiciously short");
        check_file(&root().join("completions").join(file), &text, &format!("rtun completions {shell}"));
    }
}

#[test]
fn committed_man_pages_match_the_grammar() {
    let pages = rtun::gen::man::all_pages();
    for (name, text) in &pages {
        check_file(&root().join("man").join(name), text, "rtun complete man");
    }
    // Every page on disk is one the grammar still makes.
    for entry in std::fs::read_dir(root().join("man")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(pages.iter().any(|(n, _)| *n == name), "man/{name} is no longer generated: remove it");
    }
    for must in ["rtun.8", "rtun-link.8", "rtun-address.8", "rtun-route.8", "rtun-netns.8", "rtun-tunnel.8"] {
        assert!(pages.iter().any(|(n, _)| n == must), "{must} is missing");
    }
    // The binary prints the same page.
    let out = rtun(&["complete", "man", "link"]);
    let link = pages.iter().find(|(n, _)| n == "rtun-link.8").unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), link.1);
}

#[test]
fn man_pages_render_without_warnings() {
    if !need("groff", have("groff")) {
        return;
    }
    for entry in std::fs::read_dir(root().join("man")).unwrap() {
        let path = entry.unwrap().path();
        let out = Command::new("groff").args(["-man", "-ww", "-z"]).arg(&path).output().unwrap();
        let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success() && said.is_empty(), "groff warns about {}:\n{said}", path.display());
    }
}

/// The SYNOPSIS lines after `.sp` of a page, roff escapes undone.
fn man_synopsis(page: &str) -> Vec<String> {
    let section = page.split(".SH SYNOPSIS\n").nth(1).unwrap().split(".fi\n").next().unwrap();
    let Some(lines) = section.split(".sp\n").nth(1) else { return Vec::new() };
    lines.lines().map(|l| l.replace("\\-", "-").replace("\\[u2026]", "…").replace("\\(aq", "'")).collect()
}

#[test]
fn object_help_prints_the_man_synopsis() {
    for obj in ["link", "address", "route", "netns"] {
        let page = std::fs::read_to_string(root().join("man").join(format!("rtun-{obj}.8"))).unwrap();
        let lines = man_synopsis(&page);
        assert!(!lines.is_empty(), "rtun-{obj}.8 has no synopsis lines");
        let out = rtun(&[obj, "help"]);
        let help = String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
        for line in &lines {
            assert!(help.contains(line.as_str()), "`rtun {obj} help` lacks the man synopsis line\n  {line}\nit printed:\n{help}");
        }
    }
}

/// A getopt object's man page shows the usage line and every option label
/// of its own `--help`.
#[test]
fn sysctl_help_prints_the_man_synopsis_and_options() {
    let page = std::fs::read_to_string(root().join("man/rtun-sysctl.8")).unwrap();
    let lines = man_synopsis(&page);
    assert_eq!(lines, ["rtun sysctl [OPTIONS] [VARIABLE[=VALUE] ...]"]);
    let out = rtun(&["sysctl", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(help.contains(&lines[0]), "`rtun sysctl --help` lacks {:?}:\n{help}", lines[0]);
    for label in ["-p, -f, --load[=FILE]", "-r, --pattern REGEX", "--persist[=FILE]", "-w, --write", "--system"] {
        let roff = label.replace('-', "\\-");
        assert!(page.contains(&format!(".TP\n\\fB{roff}\\fR\n")), "rtun-sysctl.8 lacks the option {label}");
        assert!(help.contains(label), "`rtun sysctl --help` lacks {label}");
    }
    assert!(!page.contains("COMMAND"), "rtun-sysctl.8 still speaks of commands");
}

#[test]
fn nft_page_lists_rule_words_and_protocols() {
    let page = std::fs::read_to_string(root().join("man/rtun-nft.8")).unwrap();
    for word in ["accept", "forward", "masquerade", "snat", "dnat", "clamp\\-mss", "dport", "iif", "oif", "mss"] {
        assert!(page.contains(&format!(".TP\n\\fB{word}\\fR")), "rtun-nft.8 lacks {word}");
    }
    assert!(page.contains("gre | ipip"), "rtun-nft.8 does not list the protocol names");
}

#[test]
fn hidden_entry_lists_names_and_stays_hidden() {
    let tables = String::from_utf8(rtun(&["complete", "tables"]).stdout).unwrap();
    assert!(tables.lines().any(|l| l == "main") && tables.lines().any(|l| l == "local"), "{tables}");
    // `route show table` takes all and cache too.
    let filters = String::from_utf8(rtun(&["complete", "table-filters"]).stdout).unwrap();
    for w in ["all", "cache", "main", "local"] {
        assert!(filters.lines().any(|l| l == w), "table-filters lack {w}: {filters}");
    }
    // The scripts completing `ip` run `ip complete …`: it works through a
    // link named ip.
    let ip = Command::new(bin_dir("ip").join("ip")).args(["complete", "table-filters"]).output().unwrap();
    assert!(ip.status.success(), "ip complete: {}", String::from_utf8_lossy(&ip.stderr));
    assert_eq!(String::from_utf8(ip.stdout).unwrap(), filters);
    let scopes = String::from_utf8(rtun(&["complete", "scopes"]).stdout).unwrap();
    assert!(scopes.lines().any(|l| l == "host"), "{scopes}");
    assert_eq!(rtun(&["complete", "nonsense"]).status.code(), Some(255));
    if Path::new("/proc/sys/net/ipv4/ip_forward").exists() {
        let keys = String::from_utf8(rtun(&["complete", "sysctl-keys", "net.ipv4.ip_forw"]).stdout).unwrap();
        assert!(keys.lines().any(|l| l == "net.ipv4.ip_forward"), "{keys}");
        let top = String::from_utf8(rtun(&["complete", "sysctl-keys"]).stdout).unwrap();
        assert!(top.lines().any(|l| l == "net.") && !top.contains("net.ipv4"), "{top}");
    }
    let usage = String::from_utf8(rtun(&["help"]).stdout).unwrap();
    assert!(usage.contains("completions") && !usage.contains("complete "), "{usage}");
}

// ---------------------------------------------------------------------------
// The real shells.

/// A directory holding `NAME` → the binary under test (the scripts call
/// the program they complete: `rtun`, or `ip` when rtun is installed as ip).
fn bin_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("completions-bin-{name}"));
    std::fs::create_dir_all(&dir).unwrap();
    // Made aside and renamed over: tests running at once each get a whole link.
    let tmp = dir.join(format!(".{name}.{}.{:?}", std::process::id(), std::thread::current().id()));
    let _ = std::fs::remove_file(&tmp);
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rtun"), &tmp).unwrap();
    std::fs::rename(&tmp, dir.join(name)).unwrap();
    dir
}

/// iproute2's `ip` from the PATH the tests were started with (it makes the
/// veth pair, whatever `ip` the shells then find).
fn iproute2_ip() -> String {
    let path = std::env::var("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join("ip"))
        .find(|p| p.is_file())
        .map_or_else(|| "ip".to_string(), |p| p.display().to_string())
}

/// Runs `argv` in a fresh network namespace holding the veth pair ct0/ct1,
/// with `rtun` (and, for `prog` "ip", `ip`) first in PATH meaning the
/// binary under test; its stdout lines.
fn in_netns_as(prog: &str, argv: &[String]) -> Vec<String> {
    let mut dirs = vec![bin_dir("rtun")];
    if prog != "rtun" {
        dirs.insert(0, bin_dir(prog));
    }
    dirs.extend(std::env::split_paths(&std::env::var("PATH").unwrap_or_default()));
    let path = std::env::join_paths(dirs).unwrap();
    let setup = format!("{} link add ct0 type veth peer name ct1 || exit 9; exec \"$@\"", iproute2_ip());
    let out = Command::new("unshare")
        .args(["-n", "sh", "-c", &setup, "sh"])
        .args(argv)
        .env("PATH", path)
        .output()
        .expect("unshare runs");
    assert!(out.status.success(), "{argv:?} failed: {}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
}

fn in_netns(argv: &[String]) -> Vec<String> {
    in_netns_as("rtun", argv)
}

struct Case {
    line: String,
    want: Vec<String>,
    /// The candidates must be `want` and nothing else (in any order).
    exact: bool,
}

fn case(line: &str, want: &[&str]) -> Case {
    Case { line: line.into(), want: want.iter().map(|s| s.to_string()).collect(), exact: false }
}

fn exactly(line: String, want: &[&str]) -> Case {
    Case { line, want: want.iter().map(|s| s.to_string()).collect(), exact: true }
}

/// Route table names of /etc/iproute2/rt_tables, read here independently.
fn rt_table_names() -> Vec<String> {
    let text = std::fs::read_to_string("/etc/iproute2/rt_tables").unwrap_or_default();
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").split_whitespace().collect::<Vec<_>>())
        .filter(|w| w.len() >= 2)
        .map(|w| w[1].to_string())
        .collect()
}

/// The tunnel `mode` choices the grammar lists.
fn tunnel_modes() -> Vec<&'static str> {
    let obj = find_object("tunnel").expect("tunnel object");
    let add = find_command(obj, "add").expect("tunnel add");
    match lookup("mode", add.keywords).expect("tunnel add mode").value {
        Value::Choice(words) => words.to_vec(),
        v => panic!("tunnel mode takes {v:?}, not a choice"),
    }
}

/// A spelling of `k` that selects it in `table` (an earlier entry may take
/// its first name by prefix).
fn spelling(k: &'static Keyword, table: &'static [Keyword]) -> &'static str {
    k.names
        .iter()
        .map(|w| w.text)
        .find(|s| lookup(s, table).is_some_and(|found| std::ptr::eq(found, k)))
        .unwrap_or_else(|| panic!("no name of {:?} selects it", k.names))
}

/// Every fixed value list of the grammar, with the line (ending in the
/// keyword and a space) that leads to it: each supported keyword whose
/// value is a `Value::Choice`, in every command table of every listed
/// object and in every link kind's table, every getopt option and every
/// global option with choices (but `-color`, whose value is only taken
/// attached: `-color=WHEN`).
fn choice_lists(prog: &str) -> Vec<(String, &'static [&'static str])> {
    let mut out = Vec::new();
    let mut seen: Vec<*const Keyword> = Vec::new();
    let mut table = |lead: String, keywords: &'static [Keyword], out: &mut Vec<(String, &'static [&'static str])>| {
        if keywords.is_empty() || seen.contains(&keywords.as_ptr()) {
            return;
        }
        seen.push(keywords.as_ptr());
        for k in keywords.iter().filter(|k| k.supported && !k.names.is_empty()) {
            if let Value::Choice(words) = k.value {
                out.push((format!("{lead}{} ", spelling(k, keywords)), words));
            }
        }
    };
    for o in OBJECTS.iter().filter(|o| o.listed()) {
        // A nameless command (`monitor`): its keywords have no choice lists.
        for c in o.commands.iter().filter(|c| c.supported && !c.names.is_empty()) {
            let name = c
                .names
                .iter()
                .map(|w| w.text)
                .find(|n| find_command(o, n).is_some_and(|f| std::ptr::eq(f, c)))
                .unwrap_or_else(|| panic!("no name selects {} {:?}", o.name, c.names));
            table(format!("{prog} {} {name} ", o.name), c.keywords, &mut out);
        }
    }
    for kind in KINDS {
        table(format!("{prog} link add x type {} ", kind.name), kind.keywords, &mut out);
    }
    for g in GETOPT_OBJECTS {
        for k in g.options.iter().filter(|k| !optional_value(k)) {
            if let (Value::Choice(words), Some(long)) = (k.value, k.names.iter().find(|w| w.text.starts_with("--"))) {
                out.push((format!("{prog} {} {} ", g.object, long.text), words));
            }
        }
    }
    for o in OPTIONS.iter().filter(|o| o.opt != Opt::Color) {
        if let (Value::Choice(words), Some(name)) = (o.value, o.names.first()) {
            out.push((format!("{prog} {} ", name.text), words));
        }
    }
    out
}

/// For each fixed value list: after `KEYWORD ` exactly its words, and after
/// `KEYWORD C`, C the first letter of its first word, exactly the words
/// starting with C (one candidate each: the word is never replaced by the
/// list).
fn choice_cases(prog: &str) -> Vec<Case> {
    let mut v = Vec::new();
    for (lead, words) in choice_lists(prog) {
        v.push(exactly(lead.clone(), words));
        if let Some(c) = words.first().and_then(|w| w.chars().next()) {
            let some: Vec<&str> = words.iter().copied().filter(|w| w.starts_with(c)).collect();
            v.push(exactly(format!("{lead}{c}"), &some));
        }
    }
    v
}

fn cases(long_options: bool) -> Vec<Case> {
    let mut tables = vec!["main".to_string(), "local".to_string(), "all".to_string(), "cache".to_string()];
    tables.extend(rt_table_names());
    let mut v = vec![
        case("rtun ", &["link", "address", "route", "netns", "completions", "sysctl", "nft"]),
        case("rtun link add x type ", &["veth", "bridge", "vxlan"]),
        case("rtun link set ", &["ct0", "ct1", "lo", "mtu", "up"]),
        case("rtun l s ct0 arp ", &["on", "off"]),
        // After veth's `peer`, the options of `link add` again.
        case("rtun link add x type veth peer ", &["name", "mtu", "address", "netns"]),
        case("rtun link add x type veth peer master ", &["ct0", "ct1"]),
        case("rtun ro ", &["add", "show", "get", "flush"]),
        case("rtun completions ", &["bash", "zsh", "fish", "nushell"]),
        Case { line: "rtun route show table ".into(), want: tables, exact: false },
        // Keywords and commands rtun refuses are not offered.
        case("rtun link set ct0 ", &["mtu"]),
        case("rtun route add 192.0.2.0/24 ", &["via"]),
        case("rtun route ", &["show"]),
        case("rtun address ", &["add"]),
        case("rtun link ", &["add"]),
        // `-color` takes its value attached (`-color=always`), never as the next word.
        case("rtun -color ", &["link"]),
        // sysctl: getopt options, then variable names one level at a time.
        case("rtun sysctl net.ipv4.ip_f", &["net.ipv4.ip_forward"]),
        case("rtun sysctl -w net.", &["net.ipv4.", "net.core."]),
        case("rtun sysctl -e -- ", &["net.", "kernel."]),
        // After -p the operands are files (the tests run in the crate's root).
        case("rtun sysctl -p Car", &[FILE_CARGO]),
        // nft rules: actions, protocol names, live interfaces.
        case("rtun nft ", &["add", "del", "show", "flush"]),
        case("rtun nft add ", &["accept", "forward", "masquerade", "snat", "dnat", "clamp-mss"]),
        case("rtun nft del dnat proto tcp iif ", &["ct0", "ct1"]),
        case("rtun nft add clamp-mss ", &["oif", "mss"]),
        // tunnel modes, IPv6 ones too (with -6 or as the mode itself).
        case("rtun -6 tunnel add t1 mode ", &["ip6gre", "ip6ip6", "ipip6", "any", "vti6"]),
    ];
    if long_options {
        v.push(case("rtun --js", &["--json"]));
        // Nushell offers the flags its signature declares.
        v.push(case("rtun sysctl --sy", &["--system"]));
        v.push(case("rtun sysctl -", &["-w", "--write", "--system"]));
    } else {
        v.push(case("rtun -", &["-json", "-details", "-netns", "-batch", "-4"]));
        v.push(case("rtun sysctl -", &["-w", "--write", "--system", "-p", "--load", "--persist"]));
        v.push(case("rtun sysctl --p", &["--pattern", "--persist"]));
        // Attached to a long option: bash completes the part after `=`.
        v.push(case("rtun sysctl --load=Car", &[FILE_CARGO_ATTACHED]));
    }
    let modes = tunnel_modes();
    let want: Vec<&str> = ["gre", "ipip", "sit"].into_iter().filter(|m| modes.contains(m)).collect();
    assert_eq!(want.len(), 3, "tunnel modes lack gre/ipip/sit: {modes:?}");
    v.push(case("rtun tunnel add t1 mode ", &want));
    v.extend(choice_cases("rtun"));
    v
}

/// Lines completed through a link named `ip` to rtun, with the script
/// `rtun completions SHELL ip` writes: they call `ip complete …`.
fn ip_cases() -> Vec<Case> {
    let modes = tunnel_modes();
    let g: Vec<&str> = modes.iter().copied().filter(|m| m.starts_with('g')).collect();
    vec![
        exactly("ip tunnel add t1 mode ".into(), &modes),
        exactly("ip tunnel add t1 mode g".into(), &g),
        case("ip link set ", &["ct0", "ct1", "lo", "mtu"]),
        case("ip route show table ", &["all", "main"]),
        case("ip ", &["link", "route", "tunnel"]),
    ]
}

/// Lines whose candidates must be none of these words: operands only after
/// `--`; nothing rtun refuses as not supported (`encap`, `vf`, `xstats` …);
/// no choice of `-color` as a separate word.
fn nothing_of(line: &str) -> &'static [&'static str] {
    match line {
        "rtun sysctl -e -- " => &["-w", "--write"],
        "rtun link set ct0 " => &["vf", "link-netns", "protodown_reason"],
        "rtun route add 192.0.2.0/24 " => &["encap"],
        "rtun link " => &["xstats", "afstats"],
        "rtun -color " => &["always", "auto", "never"],
        _ => &[],
    }
}

/// Stand-ins for a file name completed by the shell: zsh's test harness
/// records the call of `_files` as `@files`; fish keeps the `--load=`.
const FILE_CARGO: &str = "<file Cargo.toml>";
const FILE_CARGO_ATTACHED: &str = "<file --load=Cargo.toml>";

fn expected(shell: &str, w: &str) -> String {
    match (shell, w) {
        ("zsh", FILE_CARGO | FILE_CARGO_ATTACHED) => "@files".into(),
        ("fish", FILE_CARGO_ATTACHED) => "--load=Cargo.toml".into(),
        (_, FILE_CARGO | FILE_CARGO_ATTACHED) => "Cargo.toml".into(),
        _ => w.into(),
    }
}

fn assert_candidates(shell: &str, cases: &[Case], got: &[Vec<String>]) {
    assert_eq!(got.len(), cases.len(), "{shell}: one answer per line expected, got {got:?}");
    let mut bad = Vec::new();
    for (c, g) in cases.iter().zip(got) {
        // Each candidate is one word: a list of words is never offered as one.
        if let Some(w) = g.iter().find(|w| w.is_empty() || w.contains(char::is_whitespace)) {
            bad.push(format!("{shell}: `{}` offers {w:?} as one candidate: {g:?}", c.line));
            continue;
        }
        let want: Vec<String> = c.want.iter().map(|w| expected(shell, w)).collect();
        if let Some(w) = want.iter().find(|w| !g.contains(w)) {
            bad.push(format!("{shell}: `{}` should offer {w:?}, offered {g:?}", c.line));
        }
        if c.exact {
            if let Some(w) = g.iter().find(|w| !want.contains(w)) {
                bad.push(format!("{shell}: `{}` should offer only {want:?}, also offered {w:?}", c.line));
            }
        }
        if g.iter().any(|w| w == "complete") {
            bad.push(format!("{shell}: `{}` offers the hidden object", c.line));
        }
        for w in nothing_of(&c.line) {
            if g.iter().any(|g| g == w) {
                bad.push(format!("{shell}: `{}` should not offer {w:?}, offered {g:?}", c.line));
            }
        }
    }
    assert!(bad.is_empty(), "{} wrong completions:\n{}", bad.len(), bad.join("\n"));
}

/// One line of a harness: the candidates, separated by \x1f.
fn candidates(lines: Vec<String>) -> Vec<Vec<String>> {
    lines.into_iter().map(|l| if l.is_empty() { Vec::new() } else { l.split('\x1f').map(str::to_string).collect() }).collect()
}

/// `rtun completions SHELL ip` written to a directory of its own, as FILE.
fn ip_script(shell: &str, file: &str) -> PathBuf {
    let out = rtun(&["completions", shell, "ip"]);
    assert!(out.status.success(), "rtun completions {shell} ip: {}", String::from_utf8_lossy(&out.stderr));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("completions-ip-{shell}"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(file), out.stdout).unwrap();
    dir
}

/// Runs a harness: PROGRAM… SCRIPT ARGS… LINE…, as `prog`.
fn shell_test(shell: &str, prog: &str, program: &[&str], script: &str, args: &[String], cases: &[Case]) {
    let mut argv: Vec<String> = program.iter().map(|s| s.to_string()).collect();
    argv.push(root().join("tests/shells").join(script).display().to_string());
    argv.extend(args.iter().cloned());
    argv.extend(cases.iter().map(|c| c.line.clone()));
    assert_candidates(shell, cases, &candidates(in_netns_as(prog, &argv)));
}

fn can_test(shell: &str, program: &str) -> bool {
    need(shell, have(program)) && need("root and unshare -n", can_unshare())
}

const BASH: &[&str] = &["bash", "--norc", "--noprofile"];

fn have_bash_completion() -> bool {
    need("bash-completion", Path::new("/usr/share/bash-completion/bash_completion").exists())
}

#[test]
fn bash_completes_in_bash() {
    if !have_bash_completion() || !can_test("bash", "bash") {
        return;
    }
    let script = root().join("completions/rtun.bash").display().to_string();
    shell_test("bash", "rtun", BASH, "bash.sh", &[script, "rtun".into()], &cases(false));
}

#[test]
fn bash_completes_ip_through_a_link() {
    if !have_bash_completion() || !can_test("bash", "bash") {
        return;
    }
    let script = ip_script("bash", "ip").join("ip").display().to_string();
    shell_test("bash", "ip", BASH, "bash.sh", &[script, "ip".into()], &ip_cases());
}

#[test]
fn zsh_completes_in_zsh() {
    if !can_test("zsh", "zsh") {
        return;
    }
    let dir = root().join("completions").display().to_string();
    shell_test("zsh", "rtun", &["zsh", "-f"], "zsh.zsh", &[dir, "rtun".into()], &cases(false));
}

#[test]
fn zsh_completes_ip_through_a_link() {
    if !can_test("zsh", "zsh") {
        return;
    }
    let dir = ip_script("zsh", "_ip").display().to_string();
    shell_test("zsh", "ip", &["zsh", "-f"], "zsh.zsh", &[dir, "ip".into()], &ip_cases());
}

#[test]
fn fish_completes_in_fish() {
    if !can_test("fish", "fish") {
        return;
    }
    let dir = root().join("completions").display().to_string();
    shell_test("fish", "rtun", &["fish", "--no-config"], "fish.fish", &[dir], &cases(false));
}

#[test]
fn fish_completes_ip_through_a_link() {
    if !can_test("fish", "fish") {
        return;
    }
    let dir = ip_script("fish", "ip.fish").display().to_string();
    shell_test("fish", "ip", &["fish", "--no-config"], "fish.fish", &[dir], &ip_cases());
}

/// Nushell's own completer (`nu --ide-complete`) on a file that loads the
/// module with `use` and ends with the line to complete; each completion
/// item is one candidate.
#[test]
fn nushell_completes_in_nushell() {
    if !can_test("nu", "nu") {
        return;
    }
    let module = root().join("completions/rtun.nu");
    let loads = Command::new("nu").args(["-n", "-c", &format!("use {} *; print loaded", module.display())]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&loads.stdout).contains("loaded"),
        "`use rtun.nu *` fails: {}",
        String::from_utf8_lossy(&loads.stderr)
    );
    let cases = cases(true);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("completions-nu");
    std::fs::create_dir_all(&dir).unwrap();
    let mut script = String::new();
    for (i, c) in cases.iter().enumerate() {
        let file = dir.join(format!("case{i}.nu"));
        let text = format!("use {} *\n{}", module.display(), c.line);
        std::fs::write(&file, &text).unwrap();
        script.push_str(&format!("nu -n --ide-complete {} {} | tr -d '\\n'; echo\n", text.len(), file.display()));
    }
    // The completers called directly, too.
    script.push_str(&format!(
        "nu -n -c 'use {} *; print (nu-complete rtun ifnames | str join \" \")'\n",
        module.display()
    ));
    let lines = in_netns(&["sh".into(), "-c".into(), script]);
    let (ide, direct) = lines.split_at(cases.len());
    let got: Vec<Vec<String>> = ide
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("nu --ide-complete printed {l:?}: {e}"));
            v["completions"].as_array().unwrap().iter().map(|s| s.as_str().unwrap_or("<not a string>").to_string()).collect()
        })
        .zip(&cases)
        .map(|(items, c): (Vec<String>, &Case)| {
            // Nushell adds the signatures' subcommands as whole commands
            // (`rtun route add` after `rtun route `): kept as their last
            // word when they continue the line, else left out.
            items
                .into_iter()
                .filter_map(|i| match i.strip_prefix(c.line.as_str()) {
                    Some(rest) if !rest.is_empty() && !rest.contains(' ') => Some(rest.to_string()),
                    _ if i.starts_with("rtun ") => None,
                    _ => Some(i),
                })
                .collect()
        })
        .collect();
    assert_candidates("nushell", &cases, &got);
    let ifnames: Vec<&str> = direct[0].split_whitespace().collect();
    for name in ["lo", "ct0", "ct1"] {
        assert!(ifnames.contains(&name), "nu-complete rtun ifnames: {ifnames:?}");
    }
}

/// `help rtun` in Nushell starts with sentences for users: what rtun is,
/// then where to read more (not notes about the module's `main`).
#[test]
fn nushell_help_starts_with_a_sentence_for_users() {
    if !need("nu", have("nu")) {
        return;
    }
    let out = Command::new("nu").current_dir(root()).args(["-n", "-c", "use completions/rtun.nu *; help rtun"]).output().unwrap();
    assert!(out.status.success(), "help rtun: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let description = text.split("\n\n").next().unwrap_or("");
    let first = description.lines().next().unwrap_or("");
    assert!(
        first.starts_with("rtun ") && first.ends_with('.') && !first.contains('`') && !first.contains("main"),
        "`help rtun` should start with a sentence saying what rtun is, not {first:?}"
    );
    assert!(description.contains("rtun help") && description.contains("rtun OBJECT help"), "`help rtun` should say where to get help:\n{description}");
}

/// The README's Nushell examples (`tests/shells/readme.nu`) work as shown.
#[test]
fn readme_nushell_examples_work() {
    if !need("nu", have("nu")) || !need("root and unshare -n", can_unshare()) {
        return;
    }
    let argv: Vec<String> = vec!["nu".into(), "-n".into(), root().join("tests/shells/readme.nu").display().to_string()];
    let out = in_netns(&argv);
    assert_eq!(out, ["up: ct0,ct1", "ct0: 192.0.2.1", "routes: 192.0.2.0/24,203.0.113.0/24", "empty: 0"]);
}
