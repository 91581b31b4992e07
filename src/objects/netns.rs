//! `netns list|add|attach|delete|exec`: named network namespaces are files
//! in /run/netns that a namespace is bind-mounted onto.

use std::os::fd::AsRawFd;

use netlink_packet_route::nsid::{NsidAttribute, NsidMessage};
use netlink_packet_route::RouteNetlinkMessage;

use crate::error::{Error, Result};
use crate::netlink::errno::strerror;
use crate::netlink::netns::{self, NETNS_RUN_DIR};
use crate::Context;

fn os_err(e: &std::io::Error) -> String {
    strerror(e.raw_os_error().unwrap_or(0))
}

fn last_os_err() -> String {
    os_err(&std::io::Error::last_os_error())
}

/// iproute2's rule for a usable name: no `/`, not `.`/`..`, not empty.
pub fn invalid_name(name: &str) -> bool {
    name.is_empty() || name.len() > 255 || name.contains('/') || name == "." || name == ".."
}

/// The peer id the kernel assigned to namespace `name`, if any.
fn nsid_of(ctx: &mut Context, name: &str) -> Option<i32> {
    let file = std::fs::File::open(format!("{NETNS_RUN_DIR}/{name}")).ok()?;
    let mut req = NsidMessage::default();
    req.attributes.push(NsidAttribute::Fd(file.as_raw_fd() as u32));
    match ctx.nl().ok()?.query(RouteNetlinkMessage::GetNsId(req), 0) {
        Ok(RouteNetlinkMessage::NewNsId(m)) => m.attributes.iter().find_map(|a| match a {
            NsidAttribute::Id(id) if *id >= 0 => Some(*id),
            _ => None,
        }),
        _ => None,
    }
}

pub fn list(ctx: &mut Context, args: &[String]) -> Result<()> {
    check_name(args)?;
    let Ok(dir) = std::fs::read_dir(NETNS_RUN_DIR) else { return Ok(()) };
    ctx.out.begin()?;
    for entry in dir.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let id = nsid_of(ctx, &name);
        let p = &mut ctx.out;
        p.open_object(None)?;
        p.str("name", "{}", &name)?;
        if let Some(id) = id {
            p.num("id", " (id: {})", id)?;
        }
        p.text("\n")?;
        p.close_object()?;
    }
    Ok(())
}

/// The NAME argument, checked as iproute2 checks it.
fn need_name(args: &[String]) -> Result<&str> {
    let name = args.first().map(String::as_str).ok_or_else(|| Error::Failure("No netns name specified".into()))?;
    check_name(args)?;
    Ok(name)
}

/// iproute2 rejects a bad first argument before running any netns command.
fn check_name(args: &[String]) -> Result<()> {
    match args.first() {
        Some(n) if invalid_name(n) => Err(Error::Usage(format!("Invalid netns name \"{n}\""))),
        _ => Ok(()),
    }
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
fn add_or_attach(args: &[String], pid: Option<i32>) -> Result<()> {
    let name = need_name(args)?;
    prepare_run_dir()?;
    let path = format!("{NETNS_RUN_DIR}/{name}");
    std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path).map_err(|e| {
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
                let _ = std::fs::remove_file(&path);
                return Err(Error::Failure(msg));
            }
            "/proc/self/ns/net".to_string()
        }
    };
    let c = |s: &str| std::ffi::CString::new(s).unwrap_or_default();
    let (src, dst, none) = (c(&source), c(&path), c("none"));
    // SAFETY: mount(2) with NUL-terminated strings that outlive the call.
    if unsafe { libc::mount(src.as_ptr(), dst.as_ptr(), none.as_ptr(), libc::MS_BIND, std::ptr::null()) } < 0 {
        let msg = format!("Bind {source} -> {path} failed: {}", last_os_err());
        let _ = std::fs::remove_file(&path);
        return Err(Error::Failure(msg));
    }
    Ok(())
}

pub fn add(_ctx: &mut Context, args: &[String]) -> Result<()> {
    add_or_attach(args, None)
}

pub fn attach(_ctx: &mut Context, args: &[String]) -> Result<()> {
    if args.len() < 2 {
        return Err(Error::Failure("No netns name and PID specified".into()));
    }
    let pid = crate::parse::get_integer(&args[1], 0).filter(|p| *p != 0);
    let pid = pid.ok_or_else(|| Error::Failure(format!("Invalid PID: {}", args[1])))?;
    add_or_attach(args, Some(pid))
}

pub fn delete(_ctx: &mut Context, args: &[String]) -> Result<()> {
    let name = need_name(args)?;
    let path = format!("{NETNS_RUN_DIR}/{name}");
    let cpath = std::ffi::CString::new(path.clone()).unwrap_or_default();
    // SAFETY: umount2(2) with a NUL-terminated path; failure is fine (not mounted).
    unsafe {
        libc::umount2(cpath.as_ptr(), libc::MNT_DETACH);
    }
    std::fs::remove_file(&path)
        .map_err(|e| Error::Failure(format!("Cannot remove namespace file \"{path}\": {}", os_err(&e))))
}

/// `netns exec NAME CMD…`: enter the namespace and become CMD.
pub fn exec(ctx: &mut Context, args: &[String]) -> Result<()> {
    use std::os::unix::process::CommandExt;
    let name = need_name(args)?;
    let Some(cmd) = args.get(1) else {
        return Err(Error::Failure("No command specified".into()));
    };
    netns::switch(name).map_err(|e| Error::Failure(e.to_string()))?;
    ctx.out.flush()?;
    let err = std::process::Command::new(cmd).args(&args[2..]).exec();
    eprintln!("exec of \"{cmd}\" failed: {}", os_err(&err));
    Err(Error::Exit(1))
}
