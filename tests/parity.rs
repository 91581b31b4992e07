//! Parity test: rtun must print exactly what iproute2's `ip` prints.
//!
//! Cases live in `tests/parity/cases/*.txt` (format: `tests/common/cases.rs`).
//! Each runs in private network namespaces, so this needs root.
//!
//! Environment:
//! - `RTUN_BIN`: binary under test (default: this crate's `rtun`);
//!   `RTUN_BIN=/usr/sbin/ip` checks the harness and the case files.
//! - `PARITY_FILTER`: only cases whose `file:line` or command line contains
//!   it (or one of several, comma-separated).
//! - `PARITY_VERBOSE=1`: print what real ip printed for every case.
//! - `PARITY_JOBS`: worker threads (default: 4 per CPU; most time is spent
//!   waiting for processes and the kernel).
//! - `CI=true`: missing root/namespaces fail the test instead of skipping it.

// A test's crate root resolves modules relative to tests/, hence the paths.
#[path = "common/mod.rs"]
mod common;
#[path = "parity/diff.rs"]
mod diff;
#[path = "parity/netns.rs"]
mod netns;
#[path = "parity/readback.rs"]
mod readback;
#[path = "parity/runner.rs"]
mod runner;
#[cfg(test)]
#[path = "parity/selftest.rs"]
mod selftest;

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use common::cases::{self, Kind, Suite};
use runner::{CaseResult, Options};

#[test]
fn parity() {
    if !can_run("parity") {
        return;
    }
    let suite = cases::load();
    let selected = select(&suite, env::var("PARITY_FILTER").ok().as_deref());
    // rtun runs as `ip`, so that its messages can match ip's.
    let link = common::IpLink::new("parity", &rtun_binary());
    let options = Options {
        rtun: link.path.clone(),
        verbose: env::var("PARITY_VERBOSE").is_ok_and(|v| !v.is_empty() && v != "0"),
        workers: workers(),
    };
    eprintln!(
        "parity: running {} cases against {} ({} workers)",
        selected.len(),
        link.target.display(),
        options.workers
    );
    let started = Instant::now();
    let results = runner::run(&suite, &selected, &options);
    let failed = report(&suite, &selected, &results);
    eprintln!("parity: took {:.1} s", started.elapsed().as_secs_f64());
    if failed > 0 {
        panic!("{failed} of {} parity cases differ", selected.len());
    }
}

/// Skips the test (returns false) where it cannot run; fails under CI=true.
fn can_run(test: &str) -> bool {
    let Err(why) = check_environment() else { return true };
    if env::var("CI").as_deref() == Ok("true") {
        panic!("{test} test cannot run: {why} (it needs root and `unshare -n`)");
    }
    eprintln!("{test}: SKIPPED, {why} (needs root and `unshare -n`; set CI=true to fail instead)");
    false
}

/// iproute2's words after a dump the kernel flagged NLM_F_DUMP_INTR
/// (lib/libnetlink.c, `rtnl_dump_filter_l`), on stderr, status 0.
const DUMP_INTERRUPTED: &str = "Dump was interrupted and may be inconsistent.";

/// Links are added and deleted as fast as two `ip -batch` processes can
/// while ip and rtun (as `ip`) list them in the same namespace, so that
/// the kernel flags dumps NLM_F_DUMP_INTR. Whenever ip says so, rtun must
/// be able to: each says it at least once over the runs, at most as often
/// in one run as ip has dumps to say it about, and never anything else on
/// stderr; the listing itself stays well-formed and the status 0.
#[test]
fn interrupted_dumps_are_reported() {
    if !can_run("interrupted dumps") {
        return;
    }
    const RUNS: usize = 12;
    let link = common::IpLink::new("dumpintr", &rtun_binary());
    // Many links make a dump span many datagrams: room for a change in between.
    let ns = netns::Netns::new("for i in $(seq 1 300); do echo \"link add b$i type bridge\"; done | ip -batch -")
        .expect("namespace setup");
    let churn = Churn::start(
        &ns,
        &["link add c0 type veth peer name c1\nlink del c0\n", "link add d0 type bridge\nlink del d0\n"],
    );
    // (command, how many dumps ip reports on at most, JSON output)
    let commands: [(&[&str], usize, bool); 4] = [
        (&["link", "show"], 1, false),
        (&["-j", "link", "show"], 1, true),
        (&["address", "show"], 2, false),
        (&["tunnel", "show"], 1, false),
    ];
    let mut said = Vec::new();
    for (args, most, json) in commands {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let mut times = [0usize; 2];
        for _ in 0..RUNS {
            for (who, prog) in [Path::new(netns::REAL_IP), link.path.as_path()].into_iter().enumerate() {
                let out = ns.run(prog, &args);
                let name = if who == 0 { "ip" } else { "rtun" };
                let stderr = String::from_utf8_lossy(&out.stderr);
                assert!(out.status.success(), "{name} {args:?}: {}", out.summary());
                let lines: Vec<&str> = stderr.lines().collect();
                assert!(
                    lines.iter().all(|l| *l == DUMP_INTERRUPTED) && lines.len() <= most,
                    "{name} {args:?}: stderr {stderr:?}"
                );
                times[who] += usize::from(!lines.is_empty());
                well_formed(&out.stdout, json, &format!("{name} {args:?}"));
            }
        }
        eprintln!("{args:?}: ip said it in {} of {RUNS} runs, rtun in {}", times[0], times[1]);
        said.push((args, times));
    }
    drop(churn);
    let ip_said: usize = said.iter().map(|(_, [ip, _])| ip).sum();
    assert!(ip_said > 0, "the churn never interrupted ip's dumps either: the test proves nothing");
    for (args, [ip, rtun]) in &said {
        assert!(*rtun > 0, "{args:?}: ip said \"{DUMP_INTERRUPTED}\" in {ip} of {RUNS} runs, rtun never");
    }
}

/// A listing of links: JSON that parses as an array of objects with an
/// ifname, or text lines that are either a numbered link or indented.
fn well_formed(stdout: &[u8], json: bool, what: &str) {
    let text = String::from_utf8_lossy(stdout);
    if json {
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what}: {e}: {text}"));
        let links = doc.as_array().unwrap_or_else(|| panic!("{what}: not an array"));
        assert!(links.iter().all(|l| l["ifname"].is_string()), "{what}: {text}");
        assert!(links.len() > 300, "{what}: {} links", links.len());
        return;
    }
    for line in text.lines() {
        let numbered = line.split_once(": ").is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        assert!(numbered || line.starts_with("    "), "{what}: line {line:?}");
    }
}

/// Writers feeding `ip -force -batch -` in the namespace the same lines
/// over and over until dropped.
struct Churn {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    writers: Vec<std::thread::JoinHandle<()>>,
}

impl Churn {
    fn start(ns: &netns::Netns, scripts: &[&'static str]) -> Churn {
        use std::io::Write;
        use std::sync::atomic::Ordering;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let writers = scripts
            .iter()
            .map(|&script| {
                let mut child = ns
                    .spawn(Path::new(netns::REAL_IP), &["-force", "-batch", "-"])
                    .expect("cannot start ip -batch");
                let mut stdin = child.stdin.take().expect("a pipe");
                let stop = stop.clone();
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) && stdin.write_all(script.as_bytes()).is_ok() {}
                    drop(stdin);
                    let _ = child.wait();
                })
            })
            .collect();
        Churn { stop, writers }
    }
}

impl Drop for Churn {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for w in self.writers.drain(..) {
            let _ = w.join();
        }
    }
}

/// Root, the reference ip, and a working `unshare -n`.
fn check_environment() -> Result<(), String> {
    if !is_root() {
        return Err("not running as root".into());
    }
    if !Path::new(netns::REAL_IP).exists() {
        return Err(format!("{} not found", netns::REAL_IP));
    }
    let works = Command::new("unshare")
        .args(["-n", "true"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if works {
        Ok(())
    } else {
        Err("`unshare -n true` failed".into())
    }
}

/// Effective uid 0, from /proc (no libc dependency).
fn is_root() -> bool {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().nth(1))
        == Some("0")
}

fn rtun_binary() -> PathBuf {
    let bin = env::var_os("RTUN_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_rtun")));
    let bin = std::path::absolute(&bin).expect("RTUN_BIN: cannot make the path absolute");
    assert!(
        bin.is_file(),
        "rtun binary {} does not exist",
        bin.display()
    );
    bin
}

fn workers() -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    env::var("PARITY_JOBS")
        .ok()
        .map(|v| v.parse().expect("PARITY_JOBS must be a number"))
        .unwrap_or(4 * cpus)
}

/// Indices of the cases matching `filter` (all without one).
fn select(suite: &Suite, filter: Option<&str>) -> Vec<usize> {
    let wanted: Vec<&str> = filter.map(|f| f.split(',').collect()).unwrap_or_default();
    let matches = |case: &cases::Case| {
        wanted.is_empty()
            || case.steps.iter().any(|s| {
                let (origin, line) = (s.origin.to_string(), s.command_line());
                wanted
                    .iter()
                    .any(|w| origin.contains(w) || line.contains(w))
            })
    };
    (0..suite.cases.len())
        .filter(|&i| matches(&suite.cases[i]))
        .collect()
}

/// Prints transcripts, failures and the summary; returns the failure count.
fn report(suite: &Suite, selected: &[usize], results: &[Option<CaseResult>]) -> usize {
    let mut failed = 0;
    for &index in selected {
        let case = &suite.cases[index];
        let Some(result) = &results[index] else {
            failed += 1;
            eprintln!("FAIL {}: case was not run", case.origin());
            continue;
        };
        eprint!("{}", result.transcript);
        if result.differences.is_empty() {
            continue;
        }
        failed += 1;
        let kind = if case.kind == Kind::Show {
            "show"
        } else {
            "change"
        };
        eprintln!("\nFAIL {} [{kind}] setup={}", case.origin(), case.setup);
        let mut last_step = None;
        for d in &result.differences {
            if last_step != Some(d.step) {
                eprintln!("  $ {}", case.steps[d.step].command_line());
                last_step = Some(d.step);
            }
            eprintln!("  {}:\n{}", d.what, d.detail.trim_end_matches('\n'));
        }
    }
    let count =
        |f: &dyn Fn(&cases::Case) -> bool| selected.iter().filter(|&&i| f(&suite.cases[i])).count();
    eprintln!(
        "\nparity: ran {} cases ({} read-only, {} state-changing, {} bad-input; {} steps)",
        selected.len(),
        count(&|c| c.kind == Kind::Show),
        count(&|c| c.kind == Kind::Change),
        count(&|c| c.is_bad_input()),
        selected
            .iter()
            .map(|&i| suite.cases[i].steps.len())
            .sum::<usize>(),
    );
    eprintln!("parity: {} cases, {failed} differences", selected.len());
    failed
}
