//! Faults and hostile input: `-batch` killed by a signal, reading from an
//! idle pipe, writing into a closed pipe; NUL bytes, endless lines and
//! too many words; stdout that cannot be written; `-rcvbuf`.
//!
//! Where `ip` 6.1 (or procps's sysctl) has an answer, rtun is run the same
//! way beside it and must give the same bytes and status; where ip has
//! none (a batch killed half-way, memory), the test checks rtun's promise
//! (README, "What rtun guarantees under faults").
//!
//! Every test makes its own network namespace (`unshare -n`) and scratch
//! directory. Needs root: otherwise the tests are skipped with a notice,
//! or fail when `CI=true`. `RTUN_BIN` names another binary to test (to see
//! an older build fail).

mod common;

use std::io::Write;
use std::os::unix::fs::symlink;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const IP: &str = "/usr/sbin/ip";
const PROCPS: &str = "/usr/sbin/sysctl";

fn rtun_bin() -> String {
    std::env::var("RTUN_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_rtun").to_string())
}

fn usable() -> bool {
    common::can_unshare(&[IP])
}

/// A scratch directory with `ip`, `rtun` and `sysctl` links to the binary
/// under test, removed at the end.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("rtun-faults-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        for link in ["ip", "rtun", "sysctl"] {
            symlink(rtun_bin(), dir.join(link)).expect("link to rtun");
        }
        Scratch { dir }
    }

    /// rtun called as `ip`, as `rtun`, as `sysctl`.
    fn bin(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    fn file(&self, name: &str, content: &[u8]) -> String {
        let p = self.dir.join(name);
        std::fs::write(&p, content).expect("write scratch file");
        p.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A network namespace held open by a sleeping process, so that its state
/// can be read after the process under test is gone.
struct Netns {
    holder: Child,
}

impl Netns {
    fn new() -> Netns {
        let holder = Command::new("unshare").args(["-n", "sleep", "600"]).spawn().expect("unshare -n sleep");
        let ns = Netns { holder };
        // unshare has exec'd sleep once the namespace differs from ours.
        let ours = std::fs::read_link("/proc/self/ns/net").expect("own netns");
        let deadline = Instant::now() + Duration::from_secs(5);
        while std::fs::read_link(format!("/proc/{}/ns/net", ns.holder.id())).ok().as_ref() == Some(&ours) {
            assert!(Instant::now() < deadline, "the namespace holder did not start");
            std::thread::sleep(Duration::from_millis(5));
        }
        ns.cmd(IP).args(["link", "set", "lo", "up"]).status().expect("ip link set lo up");
        ns
    }

    /// `program` run inside the namespace (nsenter execs it: the child's
    /// pid is the program's).
    fn cmd(&self, program: &str) -> Command {
        let mut c = Command::new("nsenter");
        c.arg("-t").arg(self.holder.id().to_string()).arg("-n").arg(program);
        c
    }

    fn sh(&self, script: &str) -> Output {
        self.cmd("bash").args(["-c", script]).output().expect("bash runs")
    }

    /// How many routes the main table holds.
    fn routes(&self) -> usize {
        let out = self.cmd(IP).args(["route", "show", "table", "main"]).output().expect("ip route show");
        out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count()
    }

    fn has_route(&self, prefix: &str) -> bool {
        let out = self.cmd(IP).args(["route", "show", "table", "main", prefix]).output().expect("ip route show");
        !out.stdout.is_empty()
    }
}

/// rtun as `ip` running `-force -batch -` in `ns`, its stdin a pipe.
fn batch_from_pipe(ns: &Netns, s: &Scratch) -> (Child, std::process::ChildStdin) {
    let mut child = ns.cmd(&s.bin("ip")).args(["-force", "-batch", "-"]).stdin(Stdio::piped()).spawn().expect("rtun runs");
    let input = child.stdin.take().expect("stdin");
    (child, input)
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = self.holder.kill();
        let _ = self.holder.wait();
    }
}

/// `route add blackhole …` lines for `n` distinct /32s in 10.0.0.0/8.
fn route_lines_distinct(n: usize) -> String {
    (0..n).map(|i| format!("route add blackhole 10.{}.{}.{}/32\n", i / 65536, (i / 256) % 256, i % 256)).collect()
}

fn wait_until(what: &str, limit: Duration, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !ok() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Item: a pipelined change read from an idle pipe is applied at once, not
/// at the end of the input (ip applies every line as it reads it).
#[test]
fn force_batch_applies_a_change_while_the_input_is_idle() {
    if !usable() {
        return;
    }
    let s = Scratch::new("idle");
    let ns = Netns::new();
    let (mut child, mut input) = batch_from_pipe(&ns, &s);
    input.write_all(b"route add blackhole 198.51.100.0/24\n").expect("write a line");
    input.flush().expect("flush");
    wait_until("the queued route is applied while stdin stays open", Duration::from_secs(3), || ns.has_route("198.51.100.0/24"));
    input.write_all(b"route add blackhole 203.0.113.0/24\n").expect("write a line");
    wait_until("the second route is applied too", Duration::from_secs(3), || ns.has_route("203.0.113.0/24"));
    drop(input);
    assert!(child.wait().expect("rtun ends").success());
}

/// The brief's case: ten lines in a pipe that stays open, then SIGTERM.
/// ip has applied all ten (each line as it reads it); so must rtun (before:
/// none — they waited in the queue for more input).
#[test]
fn sigterm_after_ten_lines_from_an_open_pipe_loses_none() {
    if !usable() {
        return;
    }
    let s = Scratch::new("ten");
    let ns = Netns::new();
    let (mut child, mut input) = batch_from_pipe(&ns, &s);
    input.write_all(route_lines_distinct(10).as_bytes()).expect("write ten lines");
    input.flush().expect("flush");
    // ip would have applied them by now; give rtun a second at most.
    let deadline = Instant::now() + Duration::from_secs(1);
    while ns.routes() < 10 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
    let status = child.wait().expect("rtun ends");
    drop(input);
    assert_eq!(status.signal(), Some(libc::SIGTERM));
    assert_eq!(ns.routes(), 10);
}

/// SIGTERM, SIGINT, SIGHUP while lines are queued: what was queued is
/// applied, then rtun dies of the signal. Lines come from a file (its
/// reads never block, so requests are queued most of the time) and each
/// route line is followed by 3000 blank lines, so that rtun spends most of
/// its time reading rather than waiting for the kernel. Before, a signal
/// lost whatever was queued: the count of routes was always a multiple of
/// 256 (a full queue). Now it is the number of routes read, a multiple of
/// 256 only when the signal came while a full queue was being sent (about
/// one run in twenty); of three runs, at least one must show it.
#[test]
fn a_signal_applies_what_is_queued_then_kills() {
    if !usable() {
        return;
    }
    let s = Scratch::new("signal");
    let total = 4000;
    let blanks = "\n".repeat(3000);
    let text: String = route_lines_distinct(total).lines().map(|l| format!("{l}\n{blanks}")).collect();
    let file = s.file("routes.batch", text.as_bytes());
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        let mut counts = Vec::new();
        for _ in 0..3 {
            let ns = Netns::new();
            let child = ns.cmd(&s.bin("ip")).args(["-force", "-batch", &file]).stderr(Stdio::piped()).spawn().expect("rtun runs");
            wait_until("the first routes are in", Duration::from_secs(10), || ns.has_route("10.0.0.0/32"));
            // Away from the first flush, which the wait just saw.
            std::thread::sleep(Duration::from_millis(40));
            // SAFETY: a signal to our own child.
            unsafe { libc::kill(child.id() as libc::pid_t, sig) };
            let out = child.wait_with_output().expect("rtun ends");
            let routes = ns.routes();
            if routes == total {
                eprintln!("signal {sig}: the whole file was applied before the signal came; no test");
                continue;
            }
            assert_eq!(out.status.signal(), Some(sig), "rtun dies of signal {sig} (status {:?})", out.status);
            assert!(out.stderr.is_empty(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
            eprintln!("signal {sig}: {routes} routes applied");
            counts.push(routes);
        }
        assert!(
            counts.len() < 2 || counts.iter().any(|c| c % 256 != 0),
            "signal {sig}: route counts {counts:?} are multiples of 256: queued lines were lost"
        );
    }
}

/// SIGPIPE: `rtun -force -batch F | head -c N`. Each `link show lo` line
/// follows a `route add`; a line's output is written only after every
/// request queued before it was applied, so at least as many routes exist
/// as `head` read whole outputs (before: none at all).
#[test]
fn sigpipe_loses_no_change_made_before_the_output() {
    if !usable() {
        return;
    }
    let s = Scratch::new("sigpipe");
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!("route add blackhole 10.{}.{}.0/24\nlink show lo\n", i / 256, i % 256));
    }
    let file = s.file("mixed.batch", text.as_bytes());
    let ns = Netns::new();
    let one = ns.cmd(IP).args(["link", "show", "lo"]).output().expect("ip link show lo").stdout.len();
    let read = 20_000;
    let out = ns.sh(&format!("{} -force -batch {file} | head -c {read} | wc -c; echo \"${{PIPESTATUS[0]}}\"", s.bin("ip")));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines, [read.to_string().as_str(), "141"], "head read {read} bytes and rtun died of SIGPIPE");
    let routes = ns.routes();
    assert!(routes >= read / one, "{routes} routes applied, but {} outputs of `link show lo` were written", read / one);
    assert!(routes < 3000, "SIGPIPE came before the end");
}

/// `stdbuf -oL ip …` writes each line's output as it is made, so its
/// merged stdout+stderr shows the order of events; rtun as `ip` must show
/// the same order (a refusal before the output and the warnings of the
/// lines after it).
#[test]
fn refusals_come_before_the_output_of_later_lines() {
    if !usable() {
        return;
    }
    let s = Scratch::new("order");
    let file = s.file(
        "order.batch",
        b"route add blackhole 192.0.2.0/24\n\
          route add blackhole 192.0.2.0/24\n\
          link show lo\n\
          route add blackhole 198.51.100.0/24 table 100\n\
          route add blackhole 198.51.100.0/24 table 100\n\
          address show dev lo\n\
          route del blackhole 203.0.113.0/24\n\
          link show dev lo\n\
          route add blackhole 203.0.113.0/24\n\
          route add blackhole 203.0.113.0/24\n\
          route show table 100\n\
          route add blackhole 203.0.113.0/24\n\
          route get 203.0.113.1\n\
          route add blackhole 192.0.2.0/24\n\
          address add 192.0.2.9/24 dev lo home\n\
          route add blackhole 192.0.2.0/24\n\
          route get 192.0.2.1/24\n\
          route add blackhole 192.0.2.0/24\n\
          address del 192.0.2.9 dev lo\n\
          route add blackhole 192.0.2.0/24\n\
          link set lo arp maybe\n\
          route add blackhole 192.0.2.0/24\n\
          route add 198.51.100.0/24 nexthop dev nosuch\n",
    );
    let run = |cmd: String| {
        let out = Command::new("unshare").args(["-n", "bash", "-c", &format!("{IP} link set lo up; {cmd} 2>&1; echo \"status $?\"")]).output().expect("bash runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let want = run(format!("stdbuf -oL {IP} -force -batch {file}"));
    let got = run(format!("{} -force -batch {file}", s.bin("ip")));
    assert!(want.contains("File exists"), "the case has refusals: {want}");
    assert_eq!(got, want);
}

/// NUL bytes: a batch line ends at its first NUL (the rest of the line is
/// dropped, a `\` after it continues nothing), as ip's C strings do.
#[test]
fn a_nul_byte_ends_a_batch_line_as_in_ip() {
    if !usable() {
        return;
    }
    let s = Scratch::new("nul");
    let input = b"link show lo\0 garbage\nlink show dev lo \\\n\0\nlo\n\0route add\nlink \\\nshow\0 nosuch \\\n lo\n\0\0\0";
    for force in [&[][..], &["-force"][..]] {
        let run = |bin: &str| {
            Command::new("unshare").arg("-n").arg(bin).args(force).args(["-batch", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().and_then(|mut c| {
                c.stdin.take().expect("stdin").write_all(input)?;
                c.wait_with_output()
            }).expect("runs")
        };
        let (want, got) = (run(IP), run(&s.bin("ip")));
        assert_eq!(String::from_utf8_lossy(&got.stdout), String::from_utf8_lossy(&want.stdout));
        assert_eq!(String::from_utf8_lossy(&got.stderr), String::from_utf8_lossy(&want.stderr));
        assert_eq!(got.status.code(), want.status.code());
    }
}

/// 30 MB of NULs on stdin: ip reads one empty line and exits 0. rtun must
/// too — without keeping the line (before: ~100 MB resident and 30 MB of
/// NULs echoed to stderr in an error message).
#[test]
fn endless_nul_input_costs_no_memory() {
    if !usable() {
        return;
    }
    let s = Scratch::new("zeros");
    let out = Command::new("bash")
        .args(["-c", &format!("head -c 30000000 /dev/zero | /usr/bin/time -f '%M' unshare -n {} -batch - 2>&1 >/dev/null | tail -c 2000; echo \"status ${{PIPESTATUS[1]}}\"", s.bin("ip"))])
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "only time's line and the status: {text:?}");
    let kib: u64 = lines[0].trim().parse().expect("max RSS in KiB");
    assert!(kib < 16 * 1024, "peak RSS {kib} KiB");
    assert_eq!(lines[1], "status 0");
}

/// A command longer than rtun's bound (1 MiB) is read to its end without
/// being held, and fails as a line of its own with a short message: with
/// `-force` the batch goes on (a 70,000-byte device name, under the bound,
/// fails as ip's does: tests/hostile_names.rs).
#[test]
fn an_overlong_line_is_refused_in_a_few_bytes() {
    if !usable() {
        return;
    }
    let s = Scratch::new("long");
    let mut input = b"link show lo\nlink show ".to_vec();
    input.extend(std::iter::repeat(b'a').take(rtun::cli::batch::MAX_LINE + 200_000));
    input.extend_from_slice(b"\nlink show lo\n");
    let file = s.file("long.batch", &input);
    let out = Command::new("unshare").arg("-n").arg(s.bin("ip")).args(["-force", "-batch", &file]).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr, format!("Command line too long (more than {} bytes) at line 2\nCommand failed {file}:2\n", rtun::cli::batch::MAX_LINE));
    assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 4, "lines 1 and 3 ran");
}

/// As rtun (not as ip), control bytes of the input are escaped in messages.
#[test]
fn control_bytes_are_escaped_in_rtun_messages() {
    if !usable() {
        return;
    }
    let s = Scratch::new("ctl");
    let file = s.file("ctl.batch", b"link show \x1b[2Jred\x01\n");
    let run = |bin: &str| Command::new("unshare").arg("-n").arg(bin).args(["-batch", &file]).output().expect("runs");
    let (ip, as_ip, as_rtun) = (run(IP), run(&s.bin("ip")), run(&s.bin("rtun")));
    assert_eq!(as_ip.stderr, ip.stderr, "as ip: the bytes as ip prints them");
    let text = String::from_utf8_lossy(&as_rtun.stderr);
    assert!(text.starts_with("Device \"\\x1b[2Jred\\x01\" does not exist."), "{text:?}");
    assert!(!as_rtun.stderr.iter().any(|&b| b < 0x20 && b != b'\n'));
}

/// Output that cannot be written: ip never checks stdio, so it says
/// nothing and exits 0; rtun as `ip` does the same. As rtun it is an
/// error in rtun's words (not Rust's `(os error 28)`).
#[test]
fn write_errors_on_stdout() {
    if !usable() {
        return;
    }
    let s = Scratch::new("full");
    let run = |bin: &str, redirect: &str, args: &str| {
        let out = Command::new("unshare").args(["-n", "bash", "-c", &format!("{bin} {args} {redirect}; echo \"status $?\" >&2")]).output().expect("runs");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    for redirect in [">/dev/full", ">&-"] {
        for args in ["link show", "-j address show", "link show lo", "-batch /dev/null", "-force -batch <(echo 'link show lo')"] {
            assert_eq!(run(&s.bin("ip"), redirect, args), run(IP, redirect, args), "ip {args} {redirect}");
        }
    }
    assert_eq!(run(&s.bin("rtun"), ">/dev/full", "link show"), "Cannot write to stdout: No space left on device\nstatus 1\n");
    assert_eq!(run(&s.bin("rtun"), ">&-", "link show lo"), "Cannot write to stdout: Bad file descriptor\nstatus 1\n");
    // A batch stops at the first output it cannot write.
    assert_eq!(
        run(&s.bin("rtun"), ">/dev/full", "-force -batch <(printf 'link show lo\\nroute add blackhole 192.0.2.0/24\\n')"),
        "Cannot write to stdout: No space left on device\nstatus 1\n"
    );
}

/// procps's sysctl reports a stdout it cannot write to (`write error: …`,
/// exit 1), including one closed when it starts; so must rtun as sysctl.
#[test]
fn sysctl_write_errors_as_procps() {
    if !common::can_unshare(&[IP, PROCPS]) {
        return;
    }
    let s = Scratch::new("sysctl-full");
    let run = |bin: &str, cmd: &str| {
        // Both through PATH, so that argv[0] is `sysctl` for both.
        let dir = Path::new(bin).parent().expect("dir").display().to_string();
        let out = Command::new("unshare")
            .args(["-n", "bash", "-c", &format!("PATH={dir}:/usr/bin:/bin; {cmd}; echo \"status $?\" >&2")])
            .output()
            .expect("runs");
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    for cmd in ["sysctl -a >&-", "sysctl kernel.ostype >&-", "sysctl -n kernel.ostype >/dev/full", "sysctl -a >/dev/full", "sysctl -w net.ipv4.ip_forward=1 >&-", "sysctl -q -w net.ipv4.ip_forward=1 >&-"] {
        assert_eq!(run(&s.bin("sysctl"), cmd), run(PROCPS, cmd), "{cmd}");
    }
}

/// `sysctl -p FILE` reads each line as a C string: a NUL ends it.
#[test]
fn sysctl_conf_lines_end_at_a_nul() {
    if !common::can_unshare(&[IP, PROCPS]) {
        return;
    }
    let s = Scratch::new("sysctl-nul");
    let conf = s.file(
        "nul.conf",
        b"net.ipv4.ip_forward = 1\0garbage\nnet.ipv4.conf.all.forwarding\0 = 0\n\0net.ipv6.conf.all.forwarding = 1\n\
          net.ipv4.tcp_syncookies = 0\0\n  \0 x\n; c\0omment\nnet.ipv4.ip_default_ttl=7\0=9\n",
    );
    let run = |bin: &str| {
        let dir = Path::new(bin).parent().expect("dir").display().to_string();
        Command::new("unshare")
            .args(["-n", "bash", "-c", &format!("PATH={dir}:/usr/bin:/bin; sysctl -p {conf}; echo \"status $?\"; sysctl -n net.ipv4.ip_default_ttl net.ipv6.conf.all.forwarding")])
            .output()
            .expect("runs")
    };
    let (want, got) = (run(PROCPS), run(&s.bin("sysctl")));
    assert_eq!(String::from_utf8_lossy(&got.stdout), String::from_utf8_lossy(&want.stdout));
    assert_eq!(String::from_utf8_lossy(&got.stderr), String::from_utf8_lossy(&want.stderr));
}

/// `-rcvbuf N` sets the socket's receive buffer as ip does: `ss -m` shows
/// the same `rb` for ip's socket and for rtun's.
#[test]
fn rcvbuf_sets_the_receive_buffer() {
    if !usable() {
        return;
    }
    let s = Scratch::new("rcvbuf");
    let rb = |bin: &str, size: &str| {
        // The batch reads one line, then waits on its input while ss looks.
        let script = format!(
            "exec 3> >({bin} -rcvbuf {size} -batch - >/dev/null); echo 'link show lo' >&3; sleep 0.3; \
             ss -f netlink -a -m -n | awk '$4 ~ /^0:[1-9]/'; exec 3>&-; wait"
        );
        let out = Command::new("unshare").args(["-n", "bash", "-c", &script]).output().expect("runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.split(',').find(|f| f.starts_with("rb")).map(str::to_owned).unwrap_or(text)
    };
    for size in ["100000", "4096", "4294967295"] {
        let want = rb(IP, size);
        assert!(want.starts_with("rb"), "ss shows ip's socket: {want:?}");
        assert_eq!(rb(&s.bin("ip"), size), want, "-rcvbuf {size}");
    }
}
