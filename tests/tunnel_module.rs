//! `tunnel add|change|del` when the kernel lacks the tunnel kind's module.
//!
//! Whether a module is there is a property of the kernel the test runs on
//! (the development and CI kernels have no gre, ipip, sit, vti or IPv6
//! tunnel modules; the VM kernel of `tests/vm.rs` has them all). So for
//! each mode the test first asks the reference `ip` to make a link of the
//! kind, in a fresh `unshare -n`, and then asserts what holds in that case:
//!
//! - module absent (`ip link add` says `Error: Unknown device type.`):
//!   rtun as `ip` prints exactly what ip prints (stdout, stderr, exit
//!   status) for named and unnamed `add`, and for unnamed `change`/`del`
//!   (whose ioctl goes to the fallback device that only the module makes);
//!   rtun as rtun names the device the user gave, the kernel's words and
//!   the module to load.
//! - module present: `rtun tunnel add` creates the tunnel.
//!
//! Every command runs in its own fresh network namespace. Needs root and
//! `unshare -n`; without them the test is skipped with a notice, or fails
//! when CI=true.

mod common;

use common::{describe, IpLink};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const REAL_IP: &str = "/usr/sbin/ip";
const RTUN: &str = env!("CARGO_BIN_EXE_rtun");

/// One `tunnel` mode: its words, the link kind it makes, the module that
/// provides the kind, and end points of its family.
struct Mode {
    mode: &'static str,
    kind: &'static str,
    module: &'static str,
    ends: &'static str,
}

const V4_ENDS: &str = "remote 192.0.2.2 local 192.0.2.1";
const V6_ENDS: &str = "remote 2001:db8::2 local 2001:db8::1";

const MODES: &[Mode] = &[
    Mode { mode: "gre", kind: "gre", module: "ip_gre", ends: V4_ENDS },
    Mode { mode: "ipip", kind: "ipip", module: "ipip", ends: V4_ENDS },
    Mode { mode: "sit", kind: "sit", module: "sit", ends: V4_ENDS },
    Mode { mode: "isatap", kind: "sit", module: "sit", ends: V4_ENDS },
    Mode { mode: "vti", kind: "vti", module: "ip_vti", ends: V4_ENDS },
    Mode { mode: "ip6ip6", kind: "ip6tnl", module: "ip6_tunnel", ends: V6_ENDS },
    Mode { mode: "ipip6", kind: "ip6tnl", module: "ip6_tunnel", ends: V6_ENDS },
    Mode { mode: "any", kind: "ip6tnl", module: "ip6_tunnel", ends: V6_ENDS },
    Mode { mode: "ip6gre", kind: "ip6gre", module: "ip6_gre", ends: V6_ENDS },
    Mode { mode: "vti6", kind: "vti6", module: "ip6_vti", ends: V6_ENDS },
];

/// `BIN ARGS…` alone in a fresh network namespace.
fn run(bin: &Path, args: &str) -> Output {
    Command::new("unshare")
        .arg("-n")
        .arg(bin)
        .args(args.split_whitespace())
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .stdin(Stdio::null())
        .output()
        .expect("unshare runs")
}

/// Whether the kernel has link kind `kind`, by the reference ip.
fn kernel_has(kind: &str) -> bool {
    let o = run(Path::new(REAL_IP), &format!("link add probe0 type {kind}"));
    if o.status.success() {
        return true;
    }
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "Error: Unknown device type.\n",
        "`ip link add probe0 type {kind}` failed for another reason:\n{}",
        describe(&o)
    );
    false
}

/// The command lines whose ioctl goes to the kind's fallback device (all
/// but the first) or that create a device (the first two).
fn lines(m: &Mode) -> Vec<String> {
    vec![
        format!("tunnel add t1 mode {} {}", m.mode, m.ends),
        format!("tunnel add mode {} {}", m.mode, m.ends),
        format!("tunnel change mode {} {}", m.mode, m.ends),
        format!("tunnel del mode {} {}", m.mode, m.ends),
    ]
}

#[test]
fn tunnel_kind_without_its_module() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let ip = IpLink::new("tunnel-module", Path::new(env!("CARGO_BIN_EXE_rtun")));
    let mut absent = 0;
    for m in MODES {
        if kernel_has(m.kind) {
            // The module is there: the tunnel is made.
            let add = format!("tunnel add t1 mode {} {}", m.mode, m.ends);
            let script = format!("{RTUN} {add} && {REAL_IP} tunnel show t1");
            let o = Command::new("unshare").args(["-n", "sh", "-c", &script]).output().expect("unshare runs");
            assert!(o.status.success(), "rtun {add}: the kernel has {}, yet:\n{}", m.kind, describe(&o));
            continue;
        }
        absent += 1;
        // As `ip`: ip's bytes.
        for line in lines(m) {
            let want = run(Path::new(REAL_IP), &line);
            let got = run(&ip.path, &line);
            assert_eq!(describe(&got), describe(&want), "ip {line}");
        }
        // As rtun: the user's name, the kernel's words, the module.
        let line = format!("tunnel add t1 mode {} {}", m.mode, m.ends);
        let o = run(Path::new(RTUN), &line);
        let want = format!("add tunnel \"t1\" failed: Unknown device type (is the {} module loaded?)\n", m.module);
        assert_eq!((o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned()), (Some(1), want), "rtun {line}");
        assert!(o.stdout.is_empty(), "rtun {line}: {}", describe(&o));
        // A request for the fallback device: ip's words, and the module.
        let line = format!("tunnel del mode {} {}", m.mode, m.ends);
        let o = run(Path::new(RTUN), &line);
        let want_ip = run(Path::new(REAL_IP), &line);
        let want = format!(
            "{} (is the {} module loaded?)\n",
            String::from_utf8_lossy(&want_ip.stderr).trim_end(),
            m.module
        );
        assert_eq!((o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned()), (Some(1), want), "rtun {line}");
    }
    eprintln!("{absent} of {} tunnel modes lack their module on this kernel", MODES.len());
}
