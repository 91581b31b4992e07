//! What every fuzz target shares: the sandbox it runs in, and (for
//! `command_line`) a network namespace set up like a small host and made
//! anew whenever an input changed it. The targets themselves are one call
//! into `rtun::fuzzing`.
//!
//! Sandbox: on the first input the process leaves the host's network and
//! mount namespaces (`unshare(CLONE_NEWNET | CLONE_NEWNS)`, mounts made
//! private, an empty tmpfs on /run so no /run/netns name leads back to a
//! host namespace); it aborts rather than run outside them.
//!
//! Output: rtun's messages for bad input are not findings. fuzz/run-campaign
//! passes `-close_fd_mask=3`, so libFuzzer keeps its own output (crashes,
//! timeouts, stats) on a copy of stderr and the rest goes to /dev/null; a
//! panic's message is then appended to the file `RTUN_FUZZ_PANIC_LOG` names
//! as well. Run by hand, everything reaches the terminal.

use std::io;
use std::sync::Once;

static ENTER: Once = Once::new();

fn die(what: &str) -> ! {
    eprintln!("rtun-fuzz: {what}: {}", io::Error::last_os_error());
    std::process::abort();
}

/// Enter the private namespaces (once per process).
pub fn sandbox() {
    ENTER.call_once(|| {
        // SAFETY: plain syscalls on constant, NUL-terminated arguments.
        unsafe {
            if libc::unshare(libc::CLONE_NEWNET | libc::CLONE_NEWNS) != 0 {
                die("unshare(CLONE_NEWNET|CLONE_NEWNS) (run as root)");
            }
            if libc::mount(std::ptr::null(), c"/".as_ptr(), std::ptr::null(), libc::MS_REC | libc::MS_PRIVATE, std::ptr::null()) != 0 {
                die("making mounts private");
            }
            if libc::mount(c"tmpfs".as_ptr(), c"/run".as_ptr(), c"tmpfs".as_ptr(), 0, std::ptr::null()) != 0 {
                die("mounting a tmpfs on /run");
            }
        }
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if let Some(path) = std::env::var_os("RTUN_FUZZ_PANIC_LOG") {
                use std::io::Write;
                if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
                    let _ = writeln!(f, "{info}");
                }
            }
            default(info);
        }));
    });
}

/// Run `f` (one input of a printer target) in the sandbox.
pub fn sandboxed<T>(f: impl FnOnce() -> T) -> T {
    sandbox();
    f()
}

/// Run `f` with stdout (fd 1) on `fd`, then put it back.
fn stdout_to<T>(fd: libc::c_int, f: impl FnOnce() -> T) -> T {
    // SAFETY: dup/dup2/close of descriptors this process holds.
    unsafe {
        let saved = libc::fcntl(1, libc::F_DUPFD_CLOEXEC, 10);
        libc::dup2(fd, 1);
        let r = f();
        if saved >= 0 {
            libc::dup2(saved, 1);
            libc::close(saved);
        }
        r
    }
}

/// The state `command_line` works in: the netns's change monitors and a
/// memory file that catches stdout.
struct Host {
    monitors: Vec<libc::c_int>,
    stdout: libc::c_int,
}

static mut HOST: Option<Host> = None;

/// A netlink socket in the current netns that hears every change of
/// links, addresses, routes, neighbours and nf_tables.
fn monitor(protocol: libc::c_int, groups: u32, extra_group: Option<libc::c_int>) -> libc::c_int {
    // SAFETY: socket, bind and setsockopt with correctly sized arguments.
    unsafe {
        let fd = libc::socket(libc::AF_NETLINK, libc::SOCK_RAW | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK, protocol);
        if fd < 0 {
            die("opening a netlink monitor");
        }
        let mut addr: libc::sockaddr_nl = std::mem::zeroed();
        addr.nl_family = libc::AF_NETLINK as u16;
        addr.nl_groups = groups;
        if libc::bind(fd, &addr as *const _ as *const libc::sockaddr, std::mem::size_of::<libc::sockaddr_nl>() as u32) != 0 {
            die("binding a netlink monitor");
        }
        if let Some(g) = extra_group {
            let v: libc::c_int = g;
            if libc::setsockopt(fd, libc::SOL_NETLINK, libc::NETLINK_ADD_MEMBERSHIP, &v as *const _ as *const libc::c_void, 4) != 0 {
                die("joining nf_tables notifications");
            }
        }
        fd
    }
}

/// Whether anything was heard since the last call (and forget it).
fn changed(fds: &[libc::c_int]) -> bool {
    let mut buf = [0u8; 8192];
    let mut heard = false;
    for &fd in fds {
        loop {
            // SAFETY: recv into a buffer of the size given.
            let n = unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), libc::MSG_DONTWAIT) };
            if n < 0 && io::Error::last_os_error().raw_os_error() == Some(libc::EAGAIN) {
                break;
            }
            // A message, or an error such as ENOBUFS (messages were lost).
            heard = true;
            if n == 0 {
                break;
            }
        }
    }
    heard
}

/// A new network namespace with `SETUP` in it, and monitors on it.
fn fresh_netns(host: &mut Host) {
    for fd in host.monitors.drain(..) {
        // SAFETY: closing our own sockets.
        unsafe { libc::close(fd) };
    }
    // SAFETY: a plain syscall.
    if unsafe { libc::unshare(libc::CLONE_NEWNET) } != 0 {
        die("unshare(CLONE_NEWNET)");
    }
    for line in rtun::fuzzing::SETUP {
        let argv = std::iter::once("rtun").chain(line.split(' ')).map(String::from).collect();
        let status = stdout_to(host.stdout, || rtun::fuzzing::run_command_line(argv));
        if status != 0 {
            eprintln!("rtun-fuzz: setup line `{line}` failed ({status}); the namespace has less in it");
        }
    }
    const ALL_RTNL_GROUPS: u32 = u32::MAX;
    const NFNLGRP_NFTABLES: libc::c_int = 7;
    host.monitors.push(monitor(libc::NETLINK_ROUTE, ALL_RTNL_GROUPS, None));
    host.monitors.push(monitor(libc::NETLINK_NETFILTER, 0, Some(NFNLGRP_NFTABLES)));
    changed(&host.monitors);
}

/// Run each command line in the namespace (made anew first if the last
/// input changed it); `check(argv, status, stdout)` after each.
pub fn run_lines(lines: Vec<Vec<String>>, mut check: impl FnMut(&[String], i32, &[u8])) {
    sandbox();
    // SAFETY: the fuzz target runs inputs on one thread, one at a time.
    let host = unsafe { &mut *std::ptr::addr_of_mut!(HOST) };
    let host = host.get_or_insert_with(|| {
        // SAFETY: memfd_create with a constant name.
        let stdout = unsafe { libc::memfd_create(c"rtun-stdout".as_ptr(), libc::MFD_CLOEXEC) };
        if stdout < 0 {
            die("memfd_create");
        }
        let mut h = Host { monitors: Vec::new(), stdout };
        fresh_netns(&mut h);
        h
    });
    if changed(&host.monitors) {
        fresh_netns(host);
    }
    let mut out = Vec::new();
    for argv in lines {
        // SAFETY: resetting our own memory file.
        unsafe {
            libc::ftruncate(host.stdout, 0);
            libc::lseek(host.stdout, 0, libc::SEEK_SET);
        }
        let status = stdout_to(host.stdout, || rtun::fuzzing::run_command_line(argv.clone()));
        out.clear();
        let mut buf = [0u8; 16384];
        // SAFETY: reading our own memory file from its start.
        unsafe { libc::lseek(host.stdout, 0, libc::SEEK_SET) };
        loop {
            // SAFETY: read into a buffer of the size given.
            let n = unsafe { libc::read(host.stdout, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                break;
            }
            out.extend_from_slice(&buf[..n as usize]);
        }
        check(&argv, status, &out);
    }
}
