//! `rtun tunnel keepalive` refusals that need no GRE module: bad words,
//! devices that are missing or are no GRE tunnel, and the command's absence
//! from the `ip` personality (iproute2's words, byte for byte). What needs
//! the kernel's GRE (keepalives answered, the tunnel taken down and brought
//! back, the packet's bytes, CPU time) is in tests/vm/scenarios/keepalive.sh.
//!
//! Each command runs alone in a fresh network namespace holding a veth pair
//! and a vxlan device. Needs root and `unshare -n`; without them the test
//! is skipped with a notice, or fails when CI=true.

mod common;

use common::{describe, IpLink};
use std::path::Path;
use std::process::Output;

const REAL_IP: &str = "/usr/sbin/ip";
const RTUN: &str = env!("CARGO_BIN_EXE_rtun");

/// `BIN ARGS…` in a fresh network namespace with v0/v1 (veth) and vx0.
fn run(bin: &Path, args: &str) -> Output {
    let setup = format!("{REAL_IP} link add v0 type veth peer name v1 && {REAL_IP} link add vx0 type vxlan id 5 dstport 4789");
    common::run_in_netns(&setup, bin, args)
}

fn check(args: &str, status: i32, stderr: &str) {
    let o = run(Path::new(RTUN), args);
    assert_eq!(
        (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned()),
        (Some(status), format!("{stderr}\n")),
        "rtun {args}"
    );
    assert!(o.stdout.is_empty(), "rtun {args}: {}", describe(&o));
}

#[test]
fn devices_it_refuses() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    for once in ["", " once", " interval 1 retries 1 once"] {
        check(&format!("tunnel keepalive nosuch{once}"), 1, "Cannot find device \"nosuch\"");
        check(&format!("tunnel keepalive lo{once}"), 1, "lo: not a tunnel; keepalives are for GRE tunnels (kind gre)");
        check(&format!("tunnel keepalive v0{once}"), 1, "v0: a device of kind veth is not a GRE tunnel (kind gre)");
        check(&format!("-j tunnel keepalive vx0{once}"), 1, "vx0: a device of kind vxlan is not a GRE tunnel (kind gre)");
    }
    check("tunl keepalive v1", 1, "v1: a device of kind veth is not a GRE tunnel (kind gre)");
    check("-6 tunnel keepalive v1", 1, "v1: a device of kind veth is not a GRE tunnel (kind gre)");
}

#[test]
fn words_it_refuses() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    for bad in ["0", "-1", "32768", "99999999999", "1.5", "x", "+1"] {
        check(
            &format!("tunnel keepalive v0 interval {bad}"),
            255,
            &format!("Error: argument \"{bad}\" is wrong: \"interval\" must be a whole number from 1 to 32767 (seconds)"),
        );
    }
    for bad in ["0", "256", "-3"] {
        check(
            &format!("tunnel keepalive v0 retries {bad} once"),
            255,
            &format!("Error: argument \"{bad}\" is wrong: \"retries\" must be a whole number from 1 to 255 (keepalives)"),
        );
    }
    check("tunnel keepalive", 255, "Error: argument \"NAME\" is required");
    check("tunnel keepalive interval 5", 255, "Error: argument \"NAME\" is required");
    check("tunnel keepalive v0 interval", 255, "Command line is not complete. Try option \"help\"");
    check("tunnel keepalive v0 v1", 255, "Error: either \"v0\" is duplicate, or \"v1\" is a garbage.");
    check("tunnel keepalive v0 retries 2 retries 3", 255, "Error: duplicate \"retries\": \"3\" is the second value.");
    // Help asked for: rtun's own words, on stdout.
    let o = run(Path::new(RTUN), "tunnel keepalive help");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success() && out.contains("tunnel keepalive NAME [ interval SECONDS ] [ retries COUNT ] [ once ]"), "{}", describe(&o));
}

#[test]
fn ip_has_no_keepalive() {
    if !common::can_unshare(&[REAL_IP]) {
        return;
    }
    let ip = IpLink::new("keepalive", Path::new(RTUN));
    for line in ["tunnel keepalive v0", "tunnel keepalive gre1 interval 1", "tunl keepalive v0 once", "-6 tunnel keepalive v0", "tunnel keepalive"] {
        let want = run(Path::new(REAL_IP), line);
        assert_eq!(want.status.code(), Some(255), "ip {line} is expected to be a usage error: {}", describe(&want));
        assert_eq!(describe(&run(&ip.path, line)), describe(&want), "ip {line}");
    }
    // Nor does ip's help name it; rtun's does.
    for line in ["tunnel help", "tunl help"] {
        let o = run(&ip.path, line);
        assert!(!String::from_utf8_lossy(&o.stderr).contains("keepalive"), "ip {line}: {}", describe(&o));
        let o = run(Path::new(RTUN), line);
        let said = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
        assert!(said.contains("rtun tunnel keepalive NAME") || said.contains("rtun tunl keepalive NAME"), "rtun {line}: {}", describe(&o));
    }
}
