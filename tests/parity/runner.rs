//! Running parity cases: real ip and rtun on identical namespaces.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;

use crate::common::cases::{Case, Kind, Setup, Step, Suite};
use crate::diff;
use crate::netns::{Netns, Output, REAL_IP};
use crate::readback::{mask_random_links, Snapshot};

/// Read-only cases sharing a namespace are run in chunks of at most this
/// many, so that big blocks still spread over the worker threads.
const SHOW_CHUNK: usize = 25;

pub struct Options {
    /// The `ip` symlink to the rtun binary.
    pub rtun: PathBuf,
    /// Record what real ip printed for every step (for writing cases).
    pub verbose: bool,
    pub workers: usize,
}

/// One way in which rtun did not behave like ip.
pub struct Difference {
    /// Index of the step within its case.
    pub step: usize,
    /// A heading: "stdout differs (- ip, + rtun)", "harness error", ...
    pub what: String,
    /// A diff or explanation, already indented.
    pub detail: String,
}

#[derive(Default)]
pub struct CaseResult {
    pub differences: Vec<Difference>,
    /// With `Options::verbose`: what real ip printed.
    pub transcript: String,
}

/// A unit of work for one thread: it owns its namespaces.
enum Job<'a> {
    /// Read-only cases run one after another in one namespace.
    Show {
        setup: &'a Setup,
        cases: Vec<(usize, &'a Case)>,
    },
    /// A state-changing case, with its own pair of namespaces.
    Change {
        setup: &'a Setup,
        index: usize,
        case: &'a Case,
    },
}

/// Runs the cases selected by `selected` (indices into `suite.cases`) and
/// returns their results, indexed like `suite.cases`.
pub fn run(suite: &Suite, selected: &[usize], options: &Options) -> Vec<Option<CaseResult>> {
    let jobs = plan(suite, selected);
    let results: Mutex<Vec<Option<CaseResult>>> =
        Mutex::new((0..suite.cases.len()).map(|_| None).collect());
    let next = AtomicUsize::new(0);
    thread::scope(|scope| {
        for _ in 0..options.workers.max(1) {
            scope.spawn(|| {
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    for (index, result) in run_job(job, options) {
                        results.lock().expect("a worker panicked")[index] = Some(result);
                    }
                }
            });
        }
    });
    results.into_inner().expect("a worker panicked")
}

/// Groups consecutive read-only cases of one setup; longest jobs first.
fn plan<'a>(suite: &'a Suite, selected: &[usize]) -> Vec<Job<'a>> {
    let setup_of = |case: &Case| &suite.setups[&case.setup];
    let mut shows: Vec<Job> = Vec::new();
    let mut changes: Vec<Job> = Vec::new();
    for &index in selected {
        let case = &suite.cases[index];
        let setup = setup_of(case);
        match case.kind {
            Kind::Change => changes.push(Job::Change { setup, index, case }),
            Kind::Show => match shows.last_mut() {
                Some(Job::Show { setup: s, cases })
                    if s.name == setup.name && cases.len() < SHOW_CHUNK =>
                {
                    cases.push((index, case))
                }
                _ => shows.push(Job::Show {
                    setup,
                    cases: vec![(index, case)],
                }),
            },
        }
    }
    shows.extend(changes);
    shows
}

fn run_job(job: &Job, options: &Options) -> Vec<(usize, CaseResult)> {
    match job {
        Job::Show { setup, cases } => run_show_block(setup, cases, options),
        Job::Change { setup, index, case } => vec![(*index, run_change(setup, case, options))],
    }
}

/// A fresh namespace with `setup` applied.
fn prepare(setup: &Setup) -> Result<Netns, String> {
    Netns::new(&setup.script).map_err(|e| format!("setup {:?} ({}): {e}", setup.name, setup.origin))
}

/// Read-only cases: ip then rtun on the same namespace. The state is read
/// back after each case, since a "read-only" command that changes it would
/// also spoil the cases after it.
fn run_show_block(
    setup: &Setup,
    cases: &[(usize, &Case)],
    options: &Options,
) -> Vec<(usize, CaseResult)> {
    let prepared = prepare(setup).and_then(|ns| Ok((Snapshot::settle(&ns, &[])?, ns)));
    let (mut state, ns) = match prepared {
        Ok(prepared) => prepared,
        Err(e) => {
            return cases
                .iter()
                .map(|(i, _)| (*i, harness_failure(0, e.clone())))
                .collect()
        }
    };
    let mut results = Vec::new();
    for (index, case) in cases {
        let mut result = CaseResult::default();
        for (n, step) in case.steps.iter().enumerate() {
            let (expected, got) = run_step(&ns, &ns, step, options);
            compare_outputs(n, step, &expected, &got, options, &mut result);
        }
        match Snapshot::read(&ns) {
            Ok(now) if now != state => {
                let what =
                    "state changed by this read-only case (- before, + after ip and rtun ran)";
                push_snapshot_diffs(&state, &now, 0, what, &mut result);
                state = now;
            }
            Ok(_) => {}
            Err(e) => result.differences.push(harness(0, e)),
        }
        results.push((*index, result));
    }
    results
}

/// State-changing cases: ip in namespace A and rtun in B, both built with
/// the same setup; after each step both must print the same and read back
/// the same. Stops at the first step that differs (later ones would too).
fn run_change(setup: &Setup, case: &Case, options: &Options) -> CaseResult {
    let prepared = prepare(setup).and_then(|a| Ok((a, prepare(setup)?)));
    let (ns_ip, ns_rtun) = match prepared {
        Ok(pair) => pair,
        Err(e) => return harness_failure(0, e),
    };
    let (mut state_ip, mut state_rtun) = match settle_pair(&ns_ip, &ns_rtun, None) {
        Ok(states) => states,
        Err(e) => return harness_failure(0, e),
    };
    let mut result = CaseResult::default();
    if state_ip != state_rtun {
        let what = "harness error: setup gives different states (- ip's namespace, + rtun's)";
        push_snapshot_diffs(&state_ip, &state_rtun, 0, what, &mut result);
        return result;
    }
    for (n, step) in case.steps.iter().enumerate() {
        let (expected, got) = run_step(&ns_ip, &ns_rtun, step, options);
        let (after_ip, after_rtun) =
            match settle_pair(&ns_ip, &ns_rtun, Some((&state_ip, &state_rtun))) {
                Ok(states) => states,
                Err(e) => {
                    result.differences.push(harness(n, e));
                    break;
                }
            };
        // Kernel-random MACs differ between the namespaces: mask them.
        let expected = masked(expected, &[&state_ip, &after_ip]);
        let got = masked(got, &[&state_rtun, &after_rtun]);
        compare_outputs(n, step, &expected, &got, options, &mut result);
        push_snapshot_diffs(
            &after_ip,
            &after_rtun,
            n,
            "readback differs (- ip, + rtun)",
            &mut result,
        );
        if !result.differences.is_empty() {
            break;
        }
        (state_ip, state_rtun) = (after_ip, after_rtun);
    }
    result
}

/// Settles ip's namespace, then rtun's, which may take ip's settled state as
/// a known one; `before` are their states before the last step.
fn settle_pair(
    ns_ip: &Netns,
    ns_rtun: &Netns,
    before: Option<(&Snapshot, &Snapshot)>,
) -> Result<(Snapshot, Snapshot), String> {
    let known_ip: Vec<&Snapshot> = before.iter().map(|(ip, _)| *ip).collect();
    let after_ip =
        Snapshot::settle(ns_ip, &known_ip).map_err(|e| format!("ip's namespace: {e}"))?;
    let mut known_rtun = vec![&after_ip];
    known_rtun.extend(before.map(|(_, rtun)| rtun));
    let after_rtun =
        Snapshot::settle(ns_rtun, &known_rtun).map_err(|e| format!("rtun's namespace: {e}"))?;
    Ok((after_ip, after_rtun))
}

fn masked(out: Output, states: &[&Snapshot]) -> Output {
    Output {
        stdout: mask_random_links(&out.stdout, states),
        stderr: mask_random_links(&out.stderr, states),
        status: out.status,
    }
}

/// Runs one step: real ip in `ns_ip`, rtun in `ns_rtun`.
fn run_step(ns_ip: &Netns, ns_rtun: &Netns, step: &Step, options: &Options) -> (Output, Output) {
    let expected = ns_ip.run(Path::new(REAL_IP), &step.args);
    let got = ns_rtun.run(&options.rtun, &step.args);
    (expected, got)
}

/// Records any difference in stdout, stderr or exit status, and a wrong `!`
/// mark; with `verbose`, what ip printed.
fn compare_outputs(
    n: usize,
    step: &Step,
    expected: &Output,
    got: &Output,
    options: &Options,
    result: &mut CaseResult,
) {
    if options.verbose {
        result.transcript.push_str(&transcript(step, expected));
    }
    if expected.status.success() == step.expect_failure {
        let detail = format!(
            "    {} is {}marked `!`, but real ip gave {}\n",
            step.origin,
            if step.expect_failure { "" } else { "not " },
            expected.status
        );
        result.differences.push(Difference {
            step: n,
            what: "case file error".into(),
            detail,
        });
    }
    for (what, exp, got) in [
        ("stdout", &expected.stdout, &got.stdout),
        ("stderr", &expected.stderr, &got.stderr),
    ] {
        if what == "stderr" && step.own_usage_text {
            if exp.is_empty() || got.is_empty() {
                result.differences.push(Difference {
                    step: n,
                    what: "usage text missing on stderr".into(),
                    detail: format!("    ip: {} bytes, rtun: {} bytes\n", exp.len(), got.len()),
                });
            }
            continue;
        }
        if exp != got {
            let detail = bytes_diff(exp, got);
            let what = format!("{what} differs (- ip, + rtun)");
            result.differences.push(Difference {
                step: n,
                what,
                detail,
            });
        }
    }
    if expected.status != got.status {
        let detail = format!(
            "    - ip:   {}\n    + rtun: {}\n",
            expected.status, got.status
        );
        result.differences.push(Difference {
            step: n,
            what: "exit status differs".into(),
            detail,
        });
    }
}

fn bytes_diff(expected: &[u8], got: &[u8]) -> String {
    let (exp, got_text) = (
        String::from_utf8_lossy(expected),
        String::from_utf8_lossy(got),
    );
    if exp == got_text {
        return "    (outputs differ only in bytes that are not UTF-8)\n".into();
    }
    diff::unified(&exp, &got_text)
}

fn push_snapshot_diffs(
    expected: &Snapshot,
    got: &Snapshot,
    n: usize,
    what: &str,
    result: &mut CaseResult,
) {
    for part in expected.diff(got) {
        result.differences.push(Difference {
            step: n,
            what: format!("{}: {what}", part.name),
            detail: diff::unified_with_headers(&part.expected, &part.got, names_an_object),
        });
    }
}

/// Lines of pretty-printed readback JSON that say which link or route
/// the lines after them belong to.
fn names_an_object(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("\"ifname\":") || line.starts_with("\"dst\":")
}

fn harness(step: usize, message: String) -> Difference {
    Difference {
        step,
        what: "harness error".into(),
        detail: format!("    {message}\n"),
    }
}

fn harness_failure(step: usize, message: String) -> CaseResult {
    CaseResult {
        differences: vec![harness(step, message)],
        transcript: String::new(),
    }
}

fn transcript(step: &Step, out: &Output) -> String {
    let indent = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .lines()
            .map(|l| format!("    | {l}\n"))
            .collect::<String>()
    };
    format!(
        "  $ {}   [{}]\n{}{}",
        step.command_line(),
        out.status,
        indent(&out.stdout),
        indent(&out.stderr).replace("    | ", "    ! ")
    )
}
