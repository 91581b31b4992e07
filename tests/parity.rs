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
    if let Err(why) = check_environment() {
        if env::var("CI").as_deref() == Ok("true") {
            panic!("parity test cannot run: {why} (it needs root and `unshare -n`)");
        }
        eprintln!(
            "parity: SKIPPED, {why} (needs root and `unshare -n`; set CI=true to fail instead)"
        );
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
