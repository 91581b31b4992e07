//! `netns list|add|attach|delete|exec`: named network namespaces are files
//! in /run/netns that a namespace is bind-mounted onto; `identify`, `pids`
//! and `monitor` in identify.rs, `set` and `list-id` (peer ids) in nsid.rs.

pub mod grammar;
pub mod identify;
pub mod nsid;

use std::ffi::{CString, OsStr};
use std::io::Write as _;
use std::os::unix::ffi::OsStrExt;

use crate::cli::bytes::{bytes, word};
use crate::error::{Error, Result};
use crate::netlink::errno::strerror;
use crate::netlink::netns::{self, path_of, NETNS_RUN_DIR};
use crate::Context;

fn os_err(e: &std::io::Error) -> String {
    strerror(e.raw_os_error().unwrap_or(0))
}

fn last_os_err() -> String {
    os_err(&std::io::Error::last_os_error())
}

/// iproute2's rule for a usable name: no `/`, not `.`/`..`, not empty,
/// at most NAME_MAX bytes.
pub fn invalid_name(name: &str) -> bool {
    name.is_empty() || bytes(name).len() > 255 || name.contains('/') || name == "." || name == ".."
}

/// A path (from `path_of`) for a C call.
fn c_path(path: &std::path::Path) -> CString {
    CString::new(path.as_os_str().as_bytes()).unwrap_or_default()
}

/// The peer id the kernel assigned to namespace `name`, if any.
fn nsid_of(ctx: &mut Context, name: &str) -> Option<i32> {
    nsid::nsid_of_name(ctx.nl().ok()?, &bytes(name))
}

pub fn list(ctx: &mut Context, args: &[String]) -> Result<()> {
    check_name(ctx, args)?;
    let Ok(dir) = std::fs::read_dir(NETNS_RUN_DIR) else { return Ok(()) };
    ctx.out.begin()?;
    for entry in dir.flatten() {
        let name = word(entry.file_name().as_bytes());
        let id = nsid_of(ctx, &name);
        let p = &mut ctx.out;
        p.open_object(None)?;
        // The name as the bytes it is; JSON strings hold only UTF-8.
        let raw = entry.file_name();
        if p.is_json() {
            p.json_str("name", &raw.to_string_lossy())?;
        } else {
            p.inner().write_all(raw.as_bytes())?;
        }
        if let Some(id) = id {
            p.num("id", " (id: {})", id)?;
        }
        p.text("\n")?;
        p.close_object()?;
    }
    Ok(())
}

/// The NAME argument, checked as iproute2 checks it.
fn need_name<'a>(ctx: &Context, args: &'a [String]) -> Result<&'a str> {
    let name = args.first().map(String::as_str).ok_or_else(|| Error::Failure("No netns name specified".into()))?;
    check_name(ctx, args)?;
    Ok(name)
}

/// iproute2 rejects a bad first argument before running any netns command
/// (but not with `-all`).
fn check_name(ctx: &Context, args: &[String]) -> Result<()> {
    match args.first() {
        Some(n) if !ctx.opts.all && invalid_name(n) => Err(Error::Usage(format!("Invalid netns name \"{n}\""))),
        _ => Ok(()),
    }
}

/// iproute2's `netns_foreach`: `each` for every name in /run/netns, in
/// directory order, until it says to stop (false). No directory: none.
fn for_each(mut each: impl FnMut(&str) -> Result<bool>) -> Result<()> {
    let dir = match std::fs::read_dir(NETNS_RUN_DIR) {
        Ok(dir) => dir,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::Failure(format!("Failed to open directory {NETNS_RUN_DIR}: {}", os_err(&e)))),
    };
    for entry in dir.map_while(std::result::Result::ok) {
        if !each(&word(entry.file_name().as_bytes()))? {
            break;
        }
    }
    Ok(())
}

/// Make /run/netns a shared mount point, so that unmounting a namespace
/// file in one mount namespace unmounts it everywhere.
fn prepare_run_dir() -> Result<()> {
    std::fs::create_dir_all(NETNS_RUN_DIR).map_err(|e| {
        Error::Failure(format!("mkdir {NETNS_RUN_DIR} failed: {}", os_err(&e)))
    })?;
    let c = |s: &str| std::ffi::CString::new(s).unwrap_or_default();
    let (dir, none, empty) = (c(NETNS_RUN_DIR), c("none"), c(""));
    let mut made_mount = false;
    // SAFETY: mount(2) with NUL-terminated strings that outlive the calls.
    unsafe {
        while libc::mount(empty.as_ptr(), dir.as_ptr(), none.as_ptr(), libc::MS_SHARED | libc::MS_REC, std::ptr::null()) != 0 {
            let errno = std::io::Error::last_os_error().raw_os_error();
            if errno != Some(libc::EINVAL) || made_mount {
                return Err(Error::Failure(format!("mount --make-shared {NETNS_RUN_DIR} failed: {}", last_os_err())));
            }
            if libc::mount(dir.as_ptr(), dir.as_ptr(), none.as_ptr(), libc::MS_BIND | libc::MS_REC, std::ptr::null()) != 0 {
                return Err(Error::Failure(format!("mount --bind {NETNS_RUN_DIR} {NETNS_RUN_DIR} failed: {}", last_os_err())));
            }
            made_mount = true;
        }
    }
    Ok(())
}

/// `netns add NAME` (a new namespace) or `netns attach NAME PID`.
fn add_or_attach(ctx: &Context, args: &[String], pid: Option<i32>) -> Result<()> {
    let name = need_name(ctx, args)?;
    prepare_run_dir()?;
    // Messages name the path as a word; the file is the name's bytes.
    let path = format!("{NETNS_RUN_DIR}/{name}");
    let file = path_of(name);
    std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&file).map_err(|e| {
        Error::Failure(format!("Cannot create namespace file \"{path}\": {}", os_err(&e)))
    })?;
    let source = match pid {
        Some(pid) => format!("/proc/{pid}/ns/net"),
        None => {
            // A child thread would be cleaner, but unshare() affects only the
            // calling thread's namespace; rtun runs one command then exits.
            // SAFETY: unshare(2) on this process.
            if unsafe { libc::unshare(libc::CLONE_NEWNET) } < 0 {
                let msg = format!("Failed to create a new network namespace \"{name}\": {}", last_os_err());
                let _ = std::fs::remove_file(&file);
                return Err(Error::Failure(msg));
            }
            "/proc/self/ns/net".to_string()
        }
    };
    let c = |s: &str| std::ffi::CString::new(s).unwrap_or_default();
    let (src, dst, none) = (c(&source), c_path(&file), c("none"));
    // SAFETY: mount(2) with NUL-terminated strings that outlive the call.
    if unsafe { libc::mount(src.as_ptr(), dst.as_ptr(), none.as_ptr(), libc::MS_BIND, std::ptr::null()) } < 0 {
        let msg = format!("Bind {source} -> {path} failed: {}", last_os_err());
        let _ = std::fs::remove_file(&file);
        return Err(Error::Failure(msg));
    }
    Ok(())
}

pub fn add(ctx: &mut Context, args: &[String]) -> Result<()> {
    add_or_attach(ctx, args, None)
}

pub fn attach(ctx: &mut Context, args: &[String]) -> Result<()> {
    if args.len() < 2 {
        return Err(Error::Failure("No netns name and PID specified".into()));
    }
    let pid = crate::parse::get_integer(&args[1], 0).filter(|p| *p != 0);
    let pid = pid.ok_or_else(|| Error::Failure(format!("Invalid PID: {}", args[1])))?;
    add_or_attach(ctx, args, Some(pid))
}

/// `netns delete NAME`; with `-all`, every name until one fails (iproute2
/// then reports it and exits 0).
pub fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    if ctx.opts.all {
        return for_each(|name| match remove(name) {
            Ok(()) => Ok(true),
            Err(e) => {
                eprintln!("{e}");
                Ok(false)
            }
        });
    }
    remove(need_name(ctx, args)?)
}

fn remove(name: &str) -> Result<()> {
    let path = format!("{NETNS_RUN_DIR}/{name}");
    let file = path_of(name);
    let cpath = c_path(&file);
    // SAFETY: umount2(2) with a NUL-terminated path; failure is fine (not mounted).
    unsafe {
        libc::umount2(cpath.as_ptr(), libc::MNT_DETACH);
    }
    std::fs::remove_file(&file)
        .map_err(|e| Error::Failure(format!("Cannot remove namespace file \"{path}\": {}", os_err(&e))))
}

/// `netns exec NAME CMD…`: run CMD inside the namespace — as this process,
/// or in batch mode as a child whose exit status is the command's. With
/// `-all`: `netns exec CMD…` runs it in a child for every name in turn,
/// each under a `netns: NAME` header, whatever the children's fate (the
/// exit status is 0 unless a child is killed by a signal).
pub fn exec(ctx: &mut Context, args: &[String]) -> Result<()> {
    if ctx.opts.all {
        if args.is_empty() {
            return Err(Error::Failure("No command specified".into()));
        }
        return for_each(|name| {
            ctx.out.inner().write_all(&bytes(&format!("\nnetns: {name}\n")))?;
            match cmd_exec(ctx, name, args, true) {
                Ok(_) => {}
                // iproute2 exits at once on these.
                Err(e @ (Error::Fatal(_) | Error::Exit(_))) => return Err(e),
                // The namespace could not be entered: said, and on to the next.
                Err(e) => eprintln!("{e}"),
            }
            Ok(true)
        });
    }
    let name = need_name(ctx, args)?;
    if args.len() < 2 {
        return Err(Error::Failure("No command specified".into()));
    }
    let fork = ctx.opts.batch.is_some();
    match cmd_exec(ctx, name, &args[1..], fork)? {
        0 => Ok(()),
        status => Err(Error::Exit(status)),
    }
}

/// iproute2's `cmd_exec`: enter namespace `name` and become `argv`; with
/// `fork`, do so in a child and return its exit status. The error of
/// entering the namespace is returned — by the child too, which then goes
/// on with what the parent was doing, as iproute2's child does (so `-all`
/// runs the remaining commands twice); rtun's own child exits instead.
fn cmd_exec(ctx: &mut Context, name: &str, argv: &[String], fork: bool) -> Result<i32> {
    use std::os::unix::process::CommandExt;
    ctx.out.flush()?;
    if fork {
        // SAFETY: rtun runs one thread; the child only makes syscalls,
        // prints and execs, or carries on as this process would.
        match unsafe { libc::fork() } {
            -1 => return Err(Error::Fatal(format!("fork: {}", last_os_err()))),
            0 => {}
            pid => return wait(pid),
        }
    }
    if let Err(e) = netns::switch(name) {
        if !fork {
            // iproute2's double negation of the status makes this 255.
            return Err(e);
        }
        if ctx.prog != "ip" {
            eprintln!("{e}");
            // SAFETY: ending the child without running the parent's exit path.
            unsafe { libc::_exit(1) }
        }
        return Err(Error::Failure(e.to_string()));
    }
    let cmd = &argv[0];
    let arg = |a: &String| OsStr::from_bytes(&bytes(a)).to_os_string();
    let err = std::process::Command::new(arg(cmd)).args(argv[1..].iter().map(arg)).exec();
    let _ = std::io::stderr().write_all(&bytes(&format!("exec of \"{cmd}\" failed: {}\n", os_err(&err))));
    // SAFETY: as iproute2, leave without flushing what the parent will.
    unsafe { libc::_exit(1) }
}

/// The child's exit status; iproute2 exits 1 at once if it was killed.
fn wait(pid: libc::pid_t) -> Result<i32> {
    let mut status = 0;
    // SAFETY: waitpid(2) on our own child, into a local.
    if unsafe { libc::waitpid(pid, &mut status, 0) } < 0 {
        return Err(Error::Fatal(format!("waitpid: {}", last_os_err())));
    }
    if libc::WIFEXITED(status) {
        Ok(libc::WEXITSTATUS(status))
    } else {
        Err(Error::Exit(1))
    }
}
