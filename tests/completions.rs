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

use rtun::cli::grammar::{find_command, find_object, Value};
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

/// A directory whose `rtun` is the binary under test (the scripts call it).
fn bin_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("completions-bin");
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("rtun");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rtun"), &link).unwrap();
    dir
}

/// Runs `argv` in a fresh network namespace holding the veth pair ct0/ct1;
/// its stdout lines.
fn in_netns(argv: &[String]) -> Vec<String> {
    let path = format!("{}:{}", bin_dir().display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("unshare")
        .args(["-n", "sh", "-c", "ip link add ct0 type veth peer name ct1 || exit 9; exec \"$@\"", "sh"])
        .args(argv)
        .env("PATH", path)
        .output()
        .expect("unshare runs");
    assert!(out.status.success(), "{argv:?} failed: {}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
}

struct Case {
    line: String,
    want: Vec<String>,
}

fn case(line: &str, want: &[&str]) -> Case {
    Case { line: line.into(), want: want.iter().map(|s| s.to_string()).collect() }
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

fn cases(long_options: bool) -> Vec<Case> {
    let mut tables = vec!["main".to_string(), "local".to_string()];
    tables.extend(rt_table_names());
    let mut v = vec![
        case("rtun ", &["link", "address", "route", "netns", "completions", "sysctl", "nft"]),
        case("rtun link add x type ", &["veth", "bridge", "vxlan"]),
        case("rtun link set ", &["ct0", "ct1", "lo", "mtu", "up"]),
        case("rtun l s ct0 arp ", &["on", "off"]),
        case("rtun link add x type vxlan df ", &["unset", "set", "inherit"]),
        // After veth's `peer`, the options of `link add` again.
        case("rtun link add x type veth peer ", &["name", "mtu", "address", "netns"]),
        case("rtun link add x type veth peer master ", &["ct0", "ct1"]),
        case("rtun -family ", &["inet", "inet6"]),
        case("rtun ro ", &["add", "show", "get", "flush"]),
        case("rtun completions ", &["bash", "zsh", "fish", "nushell"]),
        Case { line: "rtun route show table ".into(), want: tables },
        // sysctl: getopt options, then variable names one level at a time.
        case("rtun sysctl net.ipv4.ip_f", &["net.ipv4.ip_forward"]),
        case("rtun sysctl -w net.", &["net.ipv4.", "net.core."]),
        case("rtun sysctl -e -- ", &["net.", "kernel."]),
        // After -p the operands are files (the tests run in the crate's root).
        case("rtun sysctl -p Car", &[FILE_CARGO]),
        // nft rules: actions, protocol names, live interfaces.
        case("rtun nft ", &["add", "del", "show", "flush"]),
        case("rtun nft add ", &["accept", "forward", "masquerade", "snat", "dnat", "clamp-mss"]),
        case("rtun nft add accept proto ", &["gre", "tcp", "udp"]),
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
    v
}

/// Lines whose candidates must be none of these words (operands only
/// after `--`).
fn nothing_of(line: &str) -> &'static [&'static str] {
    match line {
        "rtun sysctl -e -- " => &["-w", "--write"],
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
    for (c, g) in cases.iter().zip(got) {
        for w in c.want.iter().map(|w| expected(shell, w)) {
            let w = &w;
            assert!(g.contains(w), "{shell}: `{}` should offer {w:?}, offered {g:?}", c.line);
        }
        assert!(!g.iter().any(|w| w == "complete"), "{shell}: `{}` offers the hidden object", c.line);
        for w in nothing_of(&c.line) {
            assert!(!g.iter().any(|g| g == w), "{shell}: `{}` should not offer {w:?}, offered {g:?}", c.line);
        }
    }
}

fn words(lines: Vec<String>) -> Vec<Vec<String>> {
    lines.into_iter().map(|l| l.split_whitespace().map(str::to_string).collect()).collect()
}

fn shell_test(shell: &str, program: &[&str], script: &str) {
    if !need(shell, have(program[0])) || !need("root and unshare -n", can_unshare()) {
        return;
    }
    let cases = cases(false);
    let mut argv: Vec<String> = program.iter().map(|s| s.to_string()).collect();
    argv.push(root().join("tests/shells").join(script).display().to_string());
    argv.push(root().join("completions").display().to_string());
    argv.extend(cases.iter().map(|c| c.line.clone()));
    assert_candidates(shell, &cases, &words(in_netns(&argv)));
}

#[test]
fn bash_completes_in_bash() {
    if !need("bash-completion", Path::new("/usr/share/bash-completion/bash_completion").exists()) {
        return;
    }
    shell_test("bash", &["bash", "--norc", "--noprofile"], "bash.sh");
}

#[test]
fn zsh_completes_in_zsh() {
    shell_test("zsh", &["zsh", "-f"], "zsh.zsh");
}

#[test]
fn fish_completes_in_fish() {
    shell_test("fish", &["fish", "--no-config"], "fish.fish");
}

/// Nushell's own completer (`nu --ide-complete`) on a file that loads the
/// module with `use` and ends with the line to complete.
#[test]
fn nushell_completes_in_nushell() {
    if !need("nu", have("nu")) || !need("root and unshare -n", can_unshare()) {
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
            v["completions"].as_array().unwrap().iter().filter_map(|s| s.as_str().map(str::to_string)).collect()
        })
        .collect();
    assert_candidates("nushell", &cases, &got);
    let ifnames: Vec<&str> = direct[0].split_whitespace().collect();
    for name in ["lo", "ct0", "ct1"] {
        assert!(ifnames.contains(&name), "nu-complete rtun ifnames: {ifnames:?}");
    }
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
