//! `netns identify [PID]`, `netns pids NAME` and `netns monitor`: names
//! and processes matched by the namespace file's device and inode, as
//! iproute2's ipnetns.c matches them; the monitor watches /run/netns with
//! inotify and says each name added or removed.

use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

use crate::error::{Error, Result};
use crate::netlink::errno::strerror;
use crate::netlink::netns::{path_of, NETNS_RUN_DIR};
use crate::Context;

fn os_err(e: &std::io::Error) -> String {
    strerror(e.raw_os_error().unwrap_or(0))
}

/// iproute2's `is_pid`: only digits (the empty word too).
fn is_pid(s: &str) -> bool {
    s.bytes().all(|c| c.is_ascii_digit())
}

/// The device and inode of a namespace file, or iproute2's message.
fn identity(path: &std::path::Path) -> Result<(u64, u64)> {
    let f = std::fs::File::open(path).map_err(|e| Error::Failure(format!("Cannot open network namespace: {}", os_err(&e))))?;
    let m = f.metadata().map_err(|e| Error::Failure(format!("Stat of netns failed: {}", os_err(&e))))?;
    Ok((m.dev(), m.ino()))
}

fn same(path: &std::path::Path, id: (u64, u64)) -> bool {
    std::fs::metadata(path).is_ok_and(|m| (m.dev(), m.ino()) == id)
}

/// `netns identify [PID]`: the name in /run/netns of the namespace of
/// process PID (this one without), or an empty line when it has none.
pub fn identify(ctx: &mut Context, args: &[String]) -> Result<()> {
    super::check_name(ctx, args)?;
    let pid = match args {
        [] => "self",
        [pid] if is_pid(pid) => pid,
        [word] => return Err(Error::Failure(format!("Specified string '{word}' is not a pid"))),
        _ => return Err(Error::Failure("extra arguments specified".into())),
    };
    let id = identity(std::path::Path::new(&format!("/proc/{pid}/ns/net")))?;
    let mut name: Vec<u8> = Vec::new();
    match std::fs::read_dir(NETNS_RUN_DIR) {
        Ok(dir) => {
            // The last name that matches, as iproute2 keeps it (255 bytes).
            for entry in dir.flatten() {
                if same(&entry.path(), id) {
                    name = entry.file_name().as_bytes().iter().take(255).copied().collect();
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::Failure(format!("Failed to open directory {NETNS_RUN_DIR}:{}", os_err(&e)))),
    }
    name.push(b'\n');
    ctx.out.raw(&name)?;
    Ok(())
}

/// `netns pids NAME`: every process in namespace NAME, one id a line.
pub fn pids(ctx: &mut Context, args: &[String]) -> Result<()> {
    super::check_name(ctx, args)?;
    let name = match args {
        [] => return Err(Error::Failure("No netns name specified".into())),
        [name] => name,
        _ => return Err(Error::Failure("extra arguments specified".into())),
    };
    let id = identity(&path_of(name))?;
    let dir = std::fs::read_dir("/proc/").map_err(|e| Error::Failure(format!("Open of /proc failed: {}", os_err(&e))))?;
    for entry in dir.flatten() {
        let pid = entry.file_name();
        let pid = pid.as_bytes();
        if !pid.iter().all(u8::is_ascii_digit) {
            continue;
        }
        let mut path = b"/proc/".to_vec();
        path.extend_from_slice(pid);
        path.extend_from_slice(b"/ns/net");
        if same(std::path::Path::new(std::ffi::OsStr::from_bytes(&path)), id) {
            ctx.out.raw(pid)?;
            ctx.out.raw(b"\n")?;
        }
    }
    Ok(())
}

/// `netns monitor`: `add NAME` and `delete NAME` as names appear in and
/// leave /run/netns (made if missing), until killed. Each line is written
/// at once (ip's stdio holds them back when stdout is no terminal).
pub fn monitor(ctx: &mut Context, args: &[String]) -> Result<()> {
    super::check_name(ctx, args)?;
    // SAFETY: inotify_init(2) takes no arguments; the descriptor is ours.
    let fd = unsafe { libc::inotify_init() };
    if fd < 0 {
        return Err(Error::Failure(format!("inotify_init failed: {}", os_err(&std::io::Error::last_os_error()))));
    }
    // SAFETY: a descriptor just opened, owned from here on.
    let file = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(fd) };
    use std::os::unix::fs::DirBuilderExt as _;
    if let Err(e) = std::fs::DirBuilder::new().mode(0o755).create(NETNS_RUN_DIR) {
        if e.kind() != std::io::ErrorKind::AlreadyExists {
            return Err(Error::Failure(format!("mkdir {NETNS_RUN_DIR} failed: {}", os_err(&e))));
        }
    }
    let dir = std::ffi::CString::new(NETNS_RUN_DIR).unwrap_or_default();
    // SAFETY: a NUL-terminated path on our inotify descriptor.
    if unsafe { libc::inotify_add_watch(fd, dir.as_ptr(), libc::IN_CREATE | libc::IN_DELETE) } < 0 {
        return Err(Error::Failure(format!("inotify_add_watch failed: {}", os_err(&std::io::Error::last_os_error()))));
    }
    let mut buf = [0u8; 4096];
    loop {
        let len = match std::io::Read::read(&mut &file, &mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::Failure(format!("read failed: {}", os_err(&e)))),
        };
        let mut at = 0;
        // struct inotify_event: wd, mask, cookie, len, then the name (NUL-padded).
        while at + 16 <= len {
            let field = |i: usize| u32::from_ne_bytes([buf[at + i], buf[at + i + 1], buf[at + i + 2], buf[at + i + 3]]);
            let (mask, name_len) = (field(4), field(12) as usize);
            let end = (at + 16 + name_len).min(len);
            let name = crate::netlink::attr::until_nul(&buf[at + 16..end]);
            for (bit, what) in [(libc::IN_CREATE, &b"add "[..]), (libc::IN_DELETE, b"delete ")] {
                if mask & bit != 0 {
                    ctx.out.raw(what)?;
                    ctx.out.raw(name)?;
                    ctx.out.raw(b"\n")?;
                }
            }
            at = end;
        }
        ctx.out.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pids_are_digits() {
        assert!(is_pid("123") && is_pid("") && !is_pid("12a") && !is_pid("self"));
    }
}
