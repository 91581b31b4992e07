//! rtun as `sysctl` against procps-ng's sysctl (Debian 12: /usr/sbin/sysctl).
//!
//! Each command line runs twice, each time in a fresh network namespace
//! (`unshare -n`, so both start from the same net.* state): once with
//! procps, once with rtun through a link named `sysctl`. Both are found
//! through PATH, so argv[0] is `sysctl` for both (getopt names argv[0] in
//! its messages). stdout, stderr and the exit status must be identical —
//! stdout excepted where procps prints its usage text, which rtun words
//! its own way.
//!
//! Only net.* variables are ever written (they belong to the namespace);
//! kernel.*, vm.*, fs.* are only read. `--system` runs in a private mount
//! namespace whose sysctl.d directories hold net.* settings only.
//!
//! Needs root and procps: otherwise the tests are skipped with a notice,
//! or fail when CI=true.

mod common;

use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PROCPS: &str = "/usr/sbin/sysctl";
const SYSTEM_PATH: &str = "/usr/sbin:/usr/bin:/sbin:/bin";

fn usable() -> bool {
    common::can_run(&[PROCPS])
}

/// A scratch directory with `bin/sysctl` → rtun and the test's conf files.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("rtun-sysctl-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("bin")).expect("scratch dir");
        symlink(env!("CARGO_BIN_EXE_rtun"), dir.join("bin/sysctl")).expect("sysctl link");
        Scratch { dir }
    }

    fn file(&self, name: &str, content: &str) -> PathBuf {
        let p = self.dir.join(name);
        std::fs::write(&p, content).expect("write conf file");
        p
    }

    fn path_env(&self, rtun: bool) -> String {
        if rtun {
            format!("{}:{SYSTEM_PATH}", self.dir.join("bin").display())
        } else {
            SYSTEM_PATH.to_string()
        }
    }

    /// `sysctl ARGS` in a fresh network namespace, in the scratch directory.
    fn run(&self, rtun: bool, args: &[&str], stdin: Option<&str>) -> Output {
        let input = match stdin {
            Some(name) => Stdio::from(std::fs::File::open(self.dir.join(name)).expect("stdin file")),
            None => Stdio::null(),
        };
        Command::new("unshare")
            .arg("-n")
            .arg("sysctl")
            .args(args)
            .env("PATH", self.path_env(rtun))
            .env_remove("POSIXLY_CORRECT")
            .current_dir(&self.dir)
            .stdin(input)
            .output()
            .expect("unshare runs")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

struct Case {
    args: &'static [&'static str],
    stdin: Option<&'static str>,
    /// Where procps prints its usage text (which rtun words its own way),
    /// so that stream is not compared.
    usage: Usage,
}

#[derive(PartialEq)]
enum Usage {
    None,
    OnStdout,
    OnStderr,
}

const fn c(args: &'static [&'static str]) -> Case {
    Case { args, stdin: None, usage: Usage::None }
}

const fn usage(args: &'static [&'static str]) -> Case {
    Case { args, stdin: None, usage: Usage::OnStdout }
}

const CASES: &[Case] = &[
    // Reading.
    c(&["net.ipv4.ip_forward"]),
    c(&["net/ipv4/ip_forward"]),
    c(&["net.ipv4.ip_local_port_range"]),
    c(&["-n", "net.ipv4.ip_local_port_range"]),
    c(&["-b", "net.ipv4.ip_local_port_range"]),
    c(&["-b", "net.ipv4.ip_forward", "net.ipv4.ip_forward"]),
    c(&["-N", "net.ipv4.ip_local_port_range"]),
    c(&["-N", "net.ipv4.conf.lo"]),
    c(&["net.ipv4.conf.lo"]),
    c(&["net.ipv6.conf.lo"]),
    c(&["net.ipv6.conf"]),
    c(&["net.unix"]),
    c(&["-N", "net"]),
    c(&["net.ipv6.neigh.lo"]),
    c(&["--deprecated", "net.ipv6.neigh.lo"]),
    c(&["net.ipv4.route.flush"]),
    c(&["-n", "net.ipv4.route.flush", "net.ipv4.ip_forward"]),
    c(&["net.ipv6.conf.lo.stable_secret"]),
    c(&["kernel.ostype", "kernel.osrelease", "vm.overcommit_memory"]),
    c(&["-o", "-x", "net.ipv4.ip_forward"]),
    // Unknown names and odd spellings.
    c(&["net.ipv4.nosuch"]),
    c(&["net.ipv4.nosuch", "net.ipv4.nosuch2", "kernel.nosuch"]),
    c(&["net.ipv4.ip_forward", "net.ipv4.nosuch", "net.ipv4.ip_forward", "net.ipv4.nosuch2"]),
    c(&["-e", "net.ipv4.nosuch"]),
    c(&["net.ipv4.conf.lo.forwarding", "net.ipv6.conf.lo.stable_secret", "net.ipv4.nosuch"]),
    c(&["net..ipv4.ip_forward"]),
    c(&["net//ipv4//ip_forward"]),
    c(&["net.ipv4.ip_forward."]),
    c(&[""]),
    c(&["", ""]),
    c(&["-"]),
    c(&[".."]),
    c(&["../../etc/hostname"]),
    // Patterns.
    c(&["-r", "forw", "-a"]),
    c(&["-a", "-r", "^net\\.ipv4\\.conf\\.lo\\.(forw|rp)"]),
    c(&["-N", "-r", "^net\\.ipv6\\.conf\\.lo\\.f", "-a"]),
    c(&["-N", "-A", "-r", "^net\\.core"]),
    c(&["-N", "-X", "-r", "^net\\.unix"]),
    c(&["-r", "ip_forward$", "net.ipv4"]),
    c(&["-n", "-r", "ip_forward$", "net.ipv4"]),
    c(&["-r", "ip_forward", "net.ipv4.tcp_syncookies"]),
    c(&["-r", "[", "net.ipv4.ip_forward"]),
    c(&["--pattern=[[:digit:]]{2}", "-a", "-N", "-r", "^net\\.ipv4\\.tcp_.*[0-9]$"]),
    // Writing (net.* only: private to the namespace).
    c(&["-w", "net.ipv4.ip_forward=1"]),
    c(&["net.ipv4.ip_forward=0"]),
    c(&["-w", " net.ipv4.ip_forward = 1 "]),
    c(&["net.ipv4.ip_local_port_range=1024   60999", "net.ipv4.ip_local_port_range"]),
    c(&["net.core.somaxconn=100", "net.core.somaxconn"]),
    c(&["-wq", "net.ipv4.ip_forward=1"]),
    c(&["-N", "-w", "net.ipv4.ip_forward=1"]),
    c(&["-n", "-w", "net.ipv4.ip_forward=1"]),
    c(&["-b", "-w", "net.ipv4.ip_forward=1"]),
    c(&["-wN", "net.ipv4.ip_forward=1", "net.ipv4.ip_forward"]),
    c(&["--dry-run", "-w", "net.ipv4.ip_forward=5", "net.ipv4.ip_forward"]),
    c(&["--dry-run", "-N", "-w", "net.ipv4.ip_forward=5"]),
    c(&["-w", "net.ipv4.neigh.lo.retrans_time=100"]),
    c(&["-w", "net.ipv4.route.flush=1"]),
    // Writing: errors.
    c(&["-w", "net.ipv4.ip_forward"]),
    c(&["-w", "net.ipv4.ip_forward=abc"]),
    c(&["-w", "net.ipv4.ip_forward="]),
    c(&["-w", "net.ipv4.nosuch=1"]),
    c(&["-e", "-w", "net.ipv4.nosuch=1"]),
    c(&["-w", "net.ipv4=1"]),
    c(&["-w", "net.ipv4.tcp_available_congestion_control=reno"]),
    c(&["-w", "net.ipv4.conf.*.forwarding=1"]),
    c(&["-w", "--", "-net.ipv4.nosuch=1"]),
    c(&["-e", "-w", "--", "-net.ipv4.nosuch=1"]),
    c(&["-w", "--", "-net.ipv4.ip_forward=x"]),
    c(&["-w", "--", "-net.ipv4.ip_forward"]),
    c(&["--", "-net.ipv4.nosuch=1"]),
    c(&["=1"]),
    c(&["-w", "=1"]),
    c(&["-w", "../../etc/hostname=x"]),
    c(&["-r", "foo", "net.ipv4.ip_forward=1"]),
    c(&["net.ipv4.route.gc_timeout=30", "net.ipv4.nosuch=1", "net.ipv4.ip_forward"]),
    // Files.
    c(&["-p", "a.conf"]),
    c(&["-pa.conf"]),
    c(&["-p", "a.conf", "a.conf"]),
    c(&["-p", "nosuch.conf"]),
    c(&["-p", "a.conf", "-q"]),
    c(&["-n", "-p", "a.conf"]),
    c(&["-e", "-p", "a.conf"]),
    c(&["-f", "a.conf"]),
    c(&["--load=a.conf"]),
    c(&["--load", "a.conf"]),
    c(&["-r", "forward", "-p", "a.conf"]),
    c(&["-p", "b.conf"]),
    c(&["-p", "*.conf"]),
    c(&["-p", "[bc].conf"]),
    c(&["-p", "zz*.conf"]),
    c(&["-p", "d.conf"]),
    c(&["-p", "b.conf", "-N"]),
    c(&["--dry-run", "-p", "a.conf"]),
    c(&["-p", "a.conf", "-w", "net.ipv4.ip_forward=1"]),
    c(&["-a", "-p", "a.conf", "-r", "lo.rp_filter"]),
    c(&["-p", "a.conf", "b.conf", "nosuch", "c.conf"]),
    c(&["-pb.conf", "c.conf"]),
    Case { args: &["-p", "-"], stdin: Some("a.conf"), usage: Usage::None },
    Case { args: &["-p", "--", "-"], stdin: Some("b.conf"), usage: Usage::None },
    // Option errors and the like.
    Case { args: &[], stdin: None, usage: Usage::OnStderr },
    usage(&["-Z"]),
    usage(&["-aZ"]),
    usage(&["--bogus"]),
    usage(&["--bogus=1"]),
    usage(&["--al=3"]),
    usage(&["--qu=1"]),
    usage(&["--system=1"]),
    usage(&["--pat"]),
    usage(&["--d"]),
    usage(&["--v"]),
    usage(&["-r"]),
    usage(&["-h"]),
    usage(&["-d", "net.ipv4.ip_forward"]),
    c(&["-V"]),
    c(&["--vers"]),
    c(&["-x"]),
    c(&["--"]),
    c(&["--de"]),
    c(&["--n"]),
    c(&["-ra"]),
    // (No bare `-p`: it would apply the host's /etc/sysctl.conf.)
    c(&["-q", "-N", "net.ipv4.ip_forward"]),
];

const A_CONF: &str = "# comment\n; other\n\nnet.ipv4.ip_forward = 1\n  net/ipv4/tcp_syncookies=0  \n-net.ipv4.nosuch = 3\n\
net.ipv4.nosuch2 = 3\nbad line\nx\n-net.ipv4.conf.*.forwarding\nnet.ipv4.conf.*.rp_filter = 2\n\
net.ipv4.conf.lo.rp_filter = 1\n-net.ipv4.conf.default.rp_filter\nnet.ipv4.ip_forward = zz\n";

fn describe(o: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn same_as_procps() {
    if !usable() {
        return;
    }
    let s = Scratch::new("cmp");
    s.file("a.conf", A_CONF);
    s.file("b.conf", "net.ipv4.ip_forward = 1\n-net.ipv4.nosuch=2\nnet.core.somaxconn=7");
    s.file("c.conf", "net.ipv4.tcp_syncookies = 0\n");
    std::fs::create_dir_all(s.dir.join("d.conf")).expect("dir");
    let mut failures = Vec::new();
    for case in CASES {
        let want = s.run(false, case.args, case.stdin);
        let got = s.run(true, case.args, case.stdin);
        let same = want.status.code() == got.status.code()
            && (case.usage == Usage::OnStderr || want.stderr == got.stderr)
            && (case.usage == Usage::OnStdout || want.stdout == got.stdout);
        if !same {
            failures.push(format!("sysctl {:?}\n== procps: {}== rtun: {}", case.args, describe(&want), describe(&got)));
        }
    }
    eprintln!("sysctl: {} command lines compared with procps, {} differ", CASES.len(), failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `--system` with private sysctl.d directories (a mount namespace with
/// tmpfs over them), so only net.* settings of this test are applied.
#[test]
fn system_same_as_procps() {
    if !usable() {
        return;
    }
    let s = Scratch::new("system");
    let conf = s.file("sysctl.conf", "net.ipv6.conf.all.forwarding = 1\n");
    let script = format!(
        r#"set -e
for d in /etc/sysctl.d /usr/lib/sysctl.d /run; do mount -t tmpfs none "$d"; done
[ -d /usr/local/lib ] && mount -t tmpfs none /usr/local/lib
[ -L /lib ] || mount -t tmpfs none /lib/sysctl.d 2>/dev/null || true
mkdir -p /run/sysctl.d
printf 'net.ipv4.ip_forward = 1\n' > /etc/sysctl.d/10-a.conf
printf 'net.ipv4.ip_forward = 0\nnet.core.somaxconn=99\n' > /usr/lib/sysctl.d/10-a.conf
printf 'net.ipv4.tcp_syncookies = 0\nnet.nosuch = 1\nbad\n' > /usr/lib/sysctl.d/20-b.conf
printf 'net.ipv4.conf.*.forwarding = 1\n-net.ipv4.conf.lo.forwarding\n' > /run/sysctl.d/05-r.conf
printf 'net.core.somaxconn=1\n' > /run/sysctl.d/x.notconf
mount --bind {conf} /etc/sysctl.conf
set +e
sysctl "$@"
echo "status $?"
/usr/sbin/sysctl net.ipv4.ip_forward net.core.somaxconn net.ipv4.tcp_syncookies net.ipv6.conf.all.forwarding net.ipv4.conf.lo.forwarding
"#,
        conf = conf.display()
    );
    let run = |rtun: bool, args: &[&str]| -> Output {
        Command::new("unshare")
            .args(["-n", "-m", "--propagation", "private", "sh", "-c", &script, "sh"])
            .args(args)
            .env("PATH", s.path_env(rtun))
            .stdin(Stdio::null())
            .output()
            .expect("unshare runs")
    };
    if !run(false, &[]).status.success() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but the mount namespace setup failed");
        eprintln!("skipping: cannot set up a private mount namespace");
        return;
    }
    let lines: &[&[&str]] = &[&["--system"], &["-q", "--system"], &["--system", "-q"], &["-n", "--system"], &["-N", "--system"], &["--dry-run", "--system"]];
    for args in lines {
        let want = run(false, args);
        let got = run(true, args);
        assert_eq!(describe(&got), describe(&want), "sysctl {args:?}");
    }
    // JSON: the same settings, as records.
    let got = run(true, &["-j", "--system"]);
    let text = String::from_utf8_lossy(&got.stdout);
    let json_line = text.lines().next().unwrap_or("");
    let v: serde_json::Value = serde_json::from_str(json_line).expect("-j --system parses");
    assert!(v.as_array().is_some_and(|a| a.iter().any(|r| r["key"] == "net.ipv4.tcp_syncookies" && r["value"] == "0")), "{json_line}");
}

#[test]
fn json_output_parses() {
    if !usable() {
        return;
    }
    let s = Scratch::new("json");
    let parse = |args: &[&str]| -> (serde_json::Value, Option<i32>) {
        let o = s.run(true, args, None);
        let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("sysctl {args:?}: {e}: {}", describe(&o)));
        (v, o.status.code())
    };
    // Values as the files hold them (less the newline), compared with procps -n.
    let procps = s.run(false, &["-n", "net.ipv4.ip_forward", "net.ipv4.ip_local_port_range"], None);
    let want: Vec<String> = String::from_utf8_lossy(&procps.stdout).lines().map(str::to_string).collect();
    let (v, code) = parse(&["-j", "net.ipv4.ip_forward", "net.ipv4.ip_local_port_range"]);
    assert_eq!(code, Some(0));
    let records = v.as_array().expect("an array");
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["key"], "net.ipv4.ip_forward");
    assert_eq!(records[0]["value"], want[0].as_str());
    assert_eq!(records[1]["key"], "net.ipv4.ip_local_port_range");
    assert_eq!(records[1]["value"], want[1].as_str());
    assert!(want[1].contains('\t'), "the range is tab-separated in the file");
    // Nothing found is still an array; the error goes to stderr with its status.
    let (v, code) = parse(&["-j", "net.nosuch"]);
    assert_eq!((v, code), (serde_json::json!([]), Some(1)));
    // Set values are echoed as records; -q leaves an empty array.
    let (v, _) = parse(&["--json", "-w", "net.ipv4.ip_forward=1", "net.core.somaxconn=77"]);
    assert_eq!(v, serde_json::json!([{"key": "net.ipv4.ip_forward", "value": "1"}, {"key": "net.core.somaxconn", "value": "77"}]));
    let (v, _) = parse(&["-j", "-q", "-w", "net.ipv4.ip_forward=1"]);
    assert_eq!(v, serde_json::json!([]));
    // Names only.
    let (v, _) = parse(&["-j", "-N", "net.ipv4.conf.lo.forwarding"]);
    assert_eq!(v, serde_json::json!([{"key": "net.ipv4.conf.lo.forwarding"}]));
    // A whole tree: every record has a key and a string value.
    let (v, _) = parse(&["-j", "net.ipv4.conf.lo"]);
    let records = v.as_array().expect("an array");
    assert!(records.len() > 10);
    assert!(records.iter().all(|r| r["key"].as_str().is_some_and(|k| k.starts_with("net.ipv4.conf.lo.")) && r["value"].is_string()));
    // rtun's global -j, and the object form.
    let o = Command::new("unshare")
        .args(["-n", env!("CARGO_BIN_EXE_rtun"), "-j", "sysctl", "net.ipv4.ip_forward"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("rtun -j sysctl parses");
    assert_eq!(v[0]["key"], "net.ipv4.ip_forward");
}

/// The files of a directory other than those named.
fn others(dir: &Path, keep: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect();
    names.sort();
    names
}

#[test]
fn persist_updates_in_place_and_appends() {
    if !usable() {
        return;
    }
    let s = Scratch::new("persist");
    let dir = s.dir.join("conf.d");
    let file = dir.join("90-rtun.conf");
    let opt = format!("--persist={}", file.display());
    // The directory is created; the file gets mode 0644 whatever the umask.
    let o = s.run(true, &[&opt, "-w", "net.ipv4.ip_forward=1"], None);
    assert_eq!(o.status.code(), Some(0), "{}", describe(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "net.ipv4.ip_forward = 1\n");
    assert_eq!(std::fs::read_to_string(&file).expect("written"), "net.ipv4.ip_forward = 1\n");
    assert_eq!(std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777, 0o644);
    // In place (either spelling), comments kept, new keys appended, failed
    // writes not recorded.
    std::fs::write(&file, "# mine\nnet/ipv4/ip_forward=0\nnet.core.somaxconn = 5\n").expect("seed");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let o = s.run(true, &[&opt, "-q", "net.ipv4.ip_forward=1", "net.ipv4.tcp_syncookies=0", "net.ipv4.nosuch=1", "net.ipv4.ip_forward=abc"], None);
    assert_eq!(o.status.code(), Some(1), "{}", describe(&o));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "# mine\nnet.ipv4.ip_forward = 1\nnet.core.somaxconn = 5\nnet.ipv4.tcp_syncookies = 0\n");
    assert_eq!(std::fs::metadata(&file).expect("meta").permissions().mode() & 0o777, 0o644);
    assert_eq!(others(&dir, &["90-rtun.conf"]), Vec::<String>::new(), "no temporary file left");
    // --dry-run and reads record nothing.
    let before = std::fs::read(&file).expect("read");
    s.run(true, &[&opt, "--dry-run", "-w", "net.core.somaxconn=9"], None);
    s.run(true, &[&opt, "net.core.somaxconn"], None);
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

#[test]
fn persist_leaves_the_file_alone_on_error() {
    if !usable() {
        return;
    }
    let s = Scratch::new("persist-ro");
    let dir = s.dir.join("ro");
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("90-rtun.conf");
    std::fs::write(&file, "net.ipv4.ip_forward = 0\n").expect("seed");
    // A read-only bind mount of the directory, in a private mount namespace.
    let script = format!(
        "mount --bind {d} {d} && mount -o remount,ro,bind {d} || exit 99; sysctl --persist={f} -w net.ipv4.ip_forward=1",
        d = dir.display(),
        f = file.display()
    );
    let o = Command::new("unshare")
        .args(["-n", "-m", "--propagation", "private", "sh", "-c", &script])
        .env("PATH", s.path_env(true))
        .output()
        .expect("unshare runs");
    if o.status.code() == Some(99) {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but a read-only bind mount failed");
        eprintln!("skipping: cannot make a read-only bind mount");
        return;
    }
    assert_eq!(o.status.code(), Some(1), "{}", describe(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "net.ipv4.ip_forward = 1\n", "the kernel value is still set");
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!("sysctl: cannot persist to {}: Read-only file system\n", file.display())
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "net.ipv4.ip_forward = 0\n");
    assert_eq!(others(&dir, &["90-rtun.conf"]), Vec::<String>::new(), "no temporary file left");
    // A directory where the file should be: an error, nothing written.
    let o = s.run(true, &[&format!("--persist={}", dir.display()), "-w", "net.ipv4.ip_forward=1"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Is a directory"), "{}", describe(&o));
    assert_eq!(others(&dir, &["90-rtun.conf"]), Vec::<String>::new());
}

/// `rtun -n NETNS sysctl -w net.…` sets the variable of that namespace only.
#[test]
fn netns_option_applies() {
    if !usable() {
        return;
    }
    let name = format!("rtun-sysctl-{}", std::process::id());
    let rtun = env!("CARGO_BIN_EXE_rtun");
    // Inside a private mount namespace, so /run/netns stays untouched.
    let script = format!(
        "mount -t tmpfs none /run || exit 99
ip netns add {name} || exit 99
{rtun} -n {name} sysctl -w net.ipv4.ip_forward=1 net.core.somaxconn=123 || exit 1
echo ---
ip netns exec {name} /usr/sbin/sysctl net.ipv4.ip_forward net.core.somaxconn
echo ---
/usr/sbin/sysctl net.ipv4.ip_forward
{rtun} -n {name} sysctl -n net.core.somaxconn"
    );
    let o = Command::new("unshare").args(["-n", "-m", "--propagation", "private", "sh", "-c", &script]).output().expect("runs");
    if o.status.code() == Some(99) {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but a named netns could not be made");
        eprintln!("skipping: cannot create a named netns: {}", describe(&o));
        return;
    }
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "net.ipv4.ip_forward = 1\nnet.core.somaxconn = 123\n---\nnet.ipv4.ip_forward = 1\nnet.core.somaxconn = 123\n---\nnet.ipv4.ip_forward = 0\n123\n",
        "{}",
        describe(&o)
    );
}
