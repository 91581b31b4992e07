//! Private network namespaces, and running commands inside them.
//!
//! A namespace is made by a short-lived thread that calls unshare(2) and
//! opens /proc/thread-self/ns/net. That open file alone keeps the namespace
//! alive, so dropping [`Netns`] (or this process dying in any way) frees it,
//! and no helper process can be left behind.
//!
//! To run a command, the *calling thread* joins the namespace with setns(2)
//! and then spawns it, so the child starts there. (Entering in the child,
//! between fork and exec, would make std fork the whole test process for
//! every command instead of using the much cheaper posix_spawn.) Threads that
//! run commands therefore stay in some test namespace afterwards; only the
//! parity workers do, and they enter the right one before every command.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// The reference implementation.
pub const REAL_IP: &str = "/usr/sbin/ip";

/// Commands run with a fixed, minimal environment so that neither ip nor
/// rtun picks up the caller's locale, colour hints (COLORFGBG) and the like.
const PATH: &str = "/usr/sbin:/usr/bin:/sbin:/bin";

/// No single `ip` invocation should take anywhere near this long.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(20);

/// Run in every namespace before its setup. First a guard: a fresh
/// namespace holds only `lo`, and anything else means we are about to
/// change the wrong one. Then determinism: without DAD, IPv6 addresses never
/// show `tentative`; without router solicitations, links send less traffic.
const BASELINE_SCRIPT: &str = "\
if [ \"$(ip -o link show | wc -l)\" != 1 ]; then
  echo 'parity harness: not a fresh namespace, refusing to run the setup' >&2
  exit 1
fi
for c in all default; do
  echo 0 > /proc/sys/net/ipv6/conf/$c/accept_dad
  echo 0 > /proc/sys/net/ipv6/conf/$c/router_solicitations
done
";

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Exit(i32),
    Signal(i32),
    TimedOut,
}

impl Status {
    pub fn success(self) -> bool {
        self == Status::Exit(0)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Exit(code) => write!(f, "exit status {code}"),
            Status::Signal(sig) => write!(f, "killed by signal {sig}"),
            Status::TimedOut => write!(f, "timed out after {COMMAND_TIMEOUT:?}"),
        }
    }
}

/// Everything a command printed, and how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: Status,
}

impl Output {
    /// A one-line summary for error messages.
    pub fn summary(&self) -> String {
        format!(
            "{}; stderr: {}",
            self.status,
            String::from_utf8_lossy(&self.stderr).trim_end()
        )
    }
}

/// A private network namespace, alive as long as this value.
pub struct Netns {
    /// /proc/thread-self/ns/net, opened by the thread that created it.
    handle: File,
}

impl Netns {
    /// Creates a fresh namespace and runs BASELINE_SCRIPT, then `setup`
    /// (a shell script) in it, in one shell to save a few process starts.
    pub fn new(setup: &str) -> Result<Netns, String> {
        let ns = Netns {
            handle: create_namespace()?,
        };
        let out = ns.sh(&format!("{BASELINE_SCRIPT}{setup}"));
        if !out.status.success() {
            return Err(format!("setup failed: {}", out.summary()));
        }
        Ok(ns)
    }

    /// Runs `program args...` inside the namespace, without a shell.
    pub fn run(&self, program: &Path, args: &[String]) -> Output {
        self.run_with_input(program, args, b"")
    }

    /// Like `run`, with `input` on the program's stdin.
    pub fn run_with_input(&self, program: &Path, args: &[String], input: &[u8]) -> Output {
        let mut cmd = Command::new(program);
        cmd.args(args);
        if let Err(e) = self.enter() {
            // Never spawn: the thread may still be in the host's namespace.
            let stderr = format!("parity harness: cannot enter the namespace: {e}\n");
            return Output {
                stdout: Vec::new(),
                stderr: stderr.into_bytes(),
                status: Status::Exit(-1),
            };
        }
        run_with_timeout(cmd, input)
    }

    /// Moves the calling thread into this namespace.
    fn enter(&self) -> io::Result<()> {
        // SAFETY: setns only reads the descriptor, which `self` keeps open,
        // and changes nothing but the calling thread's namespace.
        if unsafe { setns(self.handle.as_raw_fd(), CLONE_NEWNET) } == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }

    /// Starts `program args...` inside the namespace and leaves it running,
    /// with a pipe on its stdin and its output discarded: a load to run
    /// other commands against (it ends when the caller closes the pipe).
    pub fn spawn(&self, program: &Path, args: &[&str]) -> io::Result<Child> {
        self.enter()?;
        Command::new(program)
            .args(args)
            .env_clear()
            .env("PATH", PATH)
            .env("LC_ALL", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
    }

    /// Runs a shell script inside the namespace, stopping at the first error.
    pub fn sh(&self, script: &str) -> Output {
        let args = ["-ec".to_string(), script.to_string()];
        self.run(Path::new("/bin/sh"), &args)
    }
}

// From glibc, which std links anyway: plain syscall wrappers.
extern "C" {
    fn unshare(flags: i32) -> i32;
    fn setns(fd: i32, nstype: i32) -> i32;
}
const CLONE_NEWNET: i32 = 0x4000_0000;

/// Creates a network namespace and returns an open handle to it.
fn create_namespace() -> Result<File, String> {
    // Namespaces belong to threads: only this throwaway thread moves.
    let worker = thread::spawn(|| {
        // SAFETY: unshare only changes the calling thread's namespace.
        if unsafe { unshare(CLONE_NEWNET) } != 0 {
            return Err(format!(
                "unshare(CLONE_NEWNET): {}",
                io::Error::last_os_error()
            ));
        }
        File::open("/proc/thread-self/ns/net")
            .map_err(|e| format!("cannot open /proc/thread-self/ns/net: {e}"))
    });
    worker
        .join()
        .map_err(|_| "namespace thread panicked".to_string())?
}

/// Runs a command with a clean environment and `input` (if any) on stdin,
/// capturing its output, and kills it if it outlives COMMAND_TIMEOUT (a hung
/// rtun must not hang the suite).
fn run_with_timeout(mut cmd: Command, input: &[u8]) -> Output {
    let stdin = if input.is_empty() {
        Stdio::null()
    } else {
        Stdio::piped()
    };
    cmd.env_clear()
        .env("PATH", PATH)
        .env("LC_ALL", "C")
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let deadline = Instant::now() + COMMAND_TIMEOUT;
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(e) => {
            let stderr = format!("parity harness: cannot spawn {cmd:?}: {e}\n").into_bytes();
            return Output {
                stdout: Vec::new(),
                stderr,
                status: Status::Exit(-1),
            };
        }
    };
    let (closed, pipe_closed) = mpsc::channel();
    let stdout = drain(child.stdout.take(), closed.clone());
    let stderr = drain(child.stderr.take(), closed);
    if let Some(mut pipe) = child.stdin.take() {
        // Small inputs fit in the pipe; a program that exits early just
        // makes this fail, and its output tells why.
        let _ = pipe.write_all(input);
    }
    // Both pipes reach end-of-file when the program exits: wait for that
    // (without polling delays), then for its exit status.
    let both_closed = (0..2).all(|_| pipe_closed.recv_timeout(remaining(deadline)).is_ok());
    let status = both_closed
        .then(|| wait_until(&mut child, deadline))
        .flatten();
    let status = status.unwrap_or_else(|| {
        let _ = child.kill();
        let _ = child.wait();
        Status::TimedOut
    });
    Output {
        stdout: stdout.join().expect("stdout reader panicked"),
        stderr: stderr.join().expect("stderr reader panicked"),
        status,
    }
}

fn remaining(deadline: Instant) -> Duration {
    deadline.saturating_duration_since(Instant::now())
}

/// Reads a pipe to the end on a separate thread, so neither pipe can fill
/// up, and reports on `closed` when it is done.
fn drain(
    pipe: Option<impl Read + Send + 'static>,
    closed: mpsc::Sender<()>,
) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut pipe) = pipe {
            // A read error just truncates the output, which the comparison shows.
            let _ = pipe.read_to_end(&mut buf);
        }
        let _ = closed.send(());
        buf
    })
}

/// The exit status, once the program has closed its output; None if it
/// still runs at `deadline`.
fn wait_until(child: &mut Child, deadline: Instant) -> Option<Status> {
    use std::os::unix::process::ExitStatusExt;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                return Some(match (status.code(), status.signal()) {
                    (Some(code), _) => Status::Exit(code),
                    (None, Some(sig)) => Status::Signal(sig),
                    (None, None) => Status::Exit(-1),
                });
            }
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_micros(50)),
            _ => return None,
        }
    }
}
