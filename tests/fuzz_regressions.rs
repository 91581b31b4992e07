//! Inputs of the fuzz targets, replayed by a plain `cargo test` through the
//! entry points the targets call (`rtun::fuzzing`): every file under
//! fuzz/regressions/TARGET/ (inputs that once made a target fail) and,
//! for the in-process targets, the seeds under fuzz/seeds/TARGET/.
//!
//! `command_line` inputs run the rtun binary (as `ip` or `rtun`, as the
//! line says) in a private network namespace holding the fuzz target's
//! setup (`rtun::fuzzing::SETUP`); that needs root, and fails without it
//! when CI=true.

mod common;

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::Rng;

fn dir(kind: &str, target: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(kind).join(target)
}

fn inputs(kind: &str, target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir(kind, target)) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
    files.sort();
    files.into_iter().map(|p| (p.clone(), std::fs::read(&p).expect("read input"))).collect()
}

/// Every input of `target` through `f`; the names of those that panicked.
fn replay(kind: &str, target: &str, f: fn(&[u8])) -> Vec<String> {
    inputs(kind, target)
        .into_iter()
        .filter(|(_, data)| std::panic::catch_unwind(|| f(data)).is_err())
        .map(|(p, _)| p.display().to_string())
        .collect()
}

const IN_PROCESS: &[(&str, fn(&[u8]))] = &[
    ("link", rtun::fuzzing::link),
    ("address", rtun::fuzzing::address),
    ("route", rtun::fuzzing::route),
    ("neigh", rtun::fuzzing::neigh),
    ("tunnel", rtun::fuzzing::tunnel),
    ("nft_dump", rtun::fuzzing::nft_dump),
    ("nft_rule", rtun::fuzzing::nft_rule),
    ("batch", rtun::fuzzing::batch),
    ("sysctl_conf", rtun::fuzzing::sysctl_conf),
];

#[test]
fn in_process_regressions_and_seeds_pass() {
    let mut failed = Vec::new();
    let mut seeds = 0;
    for (target, f) in IN_PROCESS {
        failed.extend(replay("regressions", target, *f));
        failed.extend(replay("seeds", target, *f));
        seeds += inputs("seeds", target).len();
    }
    assert!(seeds > 50, "the seed corpus is missing (fuzz/seeds): {seeds} seeds");
    assert!(failed.is_empty(), "inputs that fail:\n{}", failed.join("\n"));
}

/// One mutation of `data` (libFuzzer's usual ones, without its coverage
/// feedback): flip a bit, set a byte to a boundary value, insert, delete or
/// duplicate a range, overwrite a netlink length (a u16 at a 4-byte
/// boundary), or splice in part of another input.
fn mutate(rng: &mut Rng, data: &mut Vec<u8>, other: &[u8]) {
    const EDGES: [u8; 8] = [0, 1, 3, 4, 0x7f, 0x80, 0xfe, 0xff];
    let len = data.len();
    match rng.below(8) {
        0 if len > 0 => { let i = rng.below(len); data[i] ^= 1 << rng.below(8); }
        1 if len > 0 => { let i = rng.below(len); data[i] = EDGES[rng.below(EDGES.len())]; }
        2 => { let i = rng.below(len + 1); let n = 1 + rng.below(16); for _ in 0..n { data.insert(i, rng.next() as u8); } }
        3 if len > 0 => { let i = rng.below(len); let n = 1 + rng.below((len - i).min(32)); data.drain(i..i + n); }
        4 if len > 0 => { let i = rng.below(len); let n = 1 + rng.below((len - i).min(64)); let part = data[i..i + n].to_vec(); let at = rng.below(len + 1); data.splice(at..at, part); }
        5 if len >= 2 => { let i = rng.below(len / 4 + 1) * 4; if i + 2 <= len { let v = [0u16, 3, 4, 8, 0xffff, len as u16, rng.next() as u16][rng.below(7)]; data[i..i + 2].copy_from_slice(&v.to_le_bytes()); } }
        6 if !other.is_empty() => { let i = rng.below(other.len()); let n = 1 + rng.below((other.len() - i).min(256)); let at = rng.below(len + 1); data.splice(at..at, other[i..i + n].iter().copied()); }
        _ => { if len > 1 { data.truncate(rng.below(len)); } else { data.push(rng.next() as u8); } }
    }
}

/// A stable-Rust smoke run of every in-process target: mutants of its seeds
/// and regressions, up to `RTUN_FUZZ_SMOKE_RUNS` (default 3,000) a target
/// or `RTUN_FUZZ_SMOKE_SECONDS` (default 2) each, from `RTUN_FUZZ_SEED`.
/// The coverage-guided campaign is cargo-fuzz's (fuzz/run-campaign); this
/// catches a change that makes a target fail near its seeds on any machine.
/// A failing input is written to target/fuzz-smoke/TARGET-N for
/// fuzz/regressions.
#[test]
fn mutated_seeds_pass() {
    let num = |k: &str, d: u64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let (runs, seconds, seed) = (num("RTUN_FUZZ_SMOKE_RUNS", 3000), num("RTUN_FUZZ_SMOKE_SECONDS", 2), num("RTUN_FUZZ_SEED", 0x5eed_7205));
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-smoke");
    let mut failed = Vec::new();
    let mut total = 0u64;
    for (target, f) in IN_PROCESS {
        let corpus: Vec<Vec<u8>> = inputs("seeds", target).into_iter().chain(inputs("regressions", target)).map(|(_, d)| d).collect();
        assert!(!corpus.is_empty(), "{target}: no seeds");
        let mut rng = Rng(seed ^ (target.len() as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let start = std::time::Instant::now();
        let mut n = 0;
        while n < runs && start.elapsed().as_secs() < seconds {
            let mut data = corpus[rng.below(corpus.len())].clone();
            let other = &corpus[rng.below(corpus.len())];
            for _ in 0..1 + rng.below(4) {
                mutate(&mut rng, &mut data, other);
            }
            n += 1;
            if std::panic::catch_unwind(|| f(&data)).is_err() {
                let _ = std::fs::create_dir_all(&out);
                let file = out.join(format!("{target}-{n}"));
                let _ = std::fs::write(&file, &data);
                failed.push(format!("{target}: input {n} (seed {seed:#x}) saved as {}", file.display()));
            }
        }
        eprintln!("{target}: {n} mutated inputs");
        total += n;
    }
    assert!(total > 0, "nothing ran");
    assert!(failed.is_empty(), "mutated inputs that fail:\n{}", failed.join("\n"));
}

/// Each directory under fuzz/regressions is a target's.
#[test]
fn regressions_name_a_target() {
    let Ok(entries) = std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions")) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(name == "command_line" || IN_PROCESS.iter().any(|(t, _)| *t == name), "fuzz/regressions/{name}: no such target");
    }
}

/// Run one command line (argv[0] is `ip` or `rtun`): status and stdout.
fn run(argv: &[String]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rtun"))
        .arg0(&argv[0])
        .args(&argv[1..])
        .stdin(Stdio::null())
        .output()
        .expect("rtun runs");
    (out.status.code().unwrap_or(-1), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn command_line(file: &Path, data: &[u8]) -> Vec<String> {
    let Some(lines) = rtun::fuzzing::command_lines(data) else { return Vec::new() };
    let mut problems = Vec::new();
    for argv in lines {
        let (status, stdout, stderr) = run(&argv);
        if stderr.contains("panicked") {
            problems.push(format!("{}: {argv:?} panicked: {stderr}", file.display()));
            continue;
        }
        if let Err(e) = std::panic::catch_unwind(|| rtun::fuzzing::check_run(&argv, status, &stdout)) {
            let why = e.downcast_ref::<String>().cloned().unwrap_or_default();
            problems.push(format!("{}: {why}", file.display()));
        }
    }
    problems
}

#[test]
fn command_line_regressions_pass() {
    let files = inputs("regressions", "command_line");
    if files.is_empty() {
        return;
    }
    // This test's thread (and the processes it starts) in a new, private
    // network namespace, set up as the fuzz target's.
    // SAFETY: a plain syscall; it changes this thread's namespace only.
    if unsafe { libc::unshare(libc::CLONE_NEWNET) } != 0 {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but unshare(CLONE_NEWNET) failed (need root)");
        eprintln!("skipping: needs root for a private network namespace");
        return;
    }
    for line in rtun::fuzzing::SETUP {
        let argv: Vec<String> = std::iter::once("rtun").chain(line.split(' ')).map(String::from).collect();
        let (status, _, stderr) = run(&argv);
        assert_eq!(status, 0, "setup `{line}`: {stderr}");
    }
    let problems: Vec<String> = files.iter().flat_map(|(p, d)| command_line(p, d)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
