//! Entering a named network namespace (`-n NAME`, `/run/netns/NAME`) before
//! any socket is opened.

use crate::error::{Error, Result};
use super::errno::strerror;

pub const NETNS_RUN_DIR: &str = "/run/netns";

/// `/run/netns/NAME` for a name as the user typed it: its bytes
/// (`cli::bytes`), not necessarily UTF-8.
pub fn path_of(name: &str) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    let mut path = format!("{NETNS_RUN_DIR}/").into_bytes();
    path.extend_from_slice(&crate::cli::bytes::bytes(name));
    std::ffi::OsStr::from_bytes(&path).into()
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Switch this process into `/run/netns/NAME`, with a private mount
/// namespace and a /sys that describes the new network namespace.
pub fn switch(name: &str) -> Result<()> {
    use std::os::fd::AsRawFd;
    let file = std::fs::File::open(path_of(name)).map_err(|e| {
        Error::Usage(format!(
            "Cannot open network namespace \"{name}\": {}",
            strerror(e.raw_os_error().unwrap_or(0))
        ))
    })?;
    // SAFETY: setns on a file descriptor we hold open.
    if unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) } < 0 {
        return Err(Error::Usage(format!(
            "setting the network namespace \"{name}\" failed: {}",
            strerror(last_errno())
        )));
    }
    remount_sys(name)
}

/// A fresh sysfs so that /sys/class/net shows the new namespace's devices.
fn remount_sys(name: &str) -> Result<()> {
    let c = |s: &str| std::ffi::CString::new(s).unwrap_or_default();
    // SAFETY: plain syscalls with NUL-terminated strings that outlive them.
    unsafe {
        if libc::unshare(libc::CLONE_NEWNS) < 0 {
            return Err(Error::Usage(format!("unshare failed: {}", strerror(last_errno()))));
        }
        let (empty, root, none) = (c(""), c("/"), c("none"));
        if libc::mount(empty.as_ptr(), root.as_ptr(), none.as_ptr(), libc::MS_SLAVE | libc::MS_REC, std::ptr::null()) != 0 {
            return Err(Error::Usage(format!("\"mount --make-rslave /\" failed: {}", strerror(last_errno()))));
        }
        let sys = c("/sys");
        let mut flags = 0;
        if libc::umount2(sys.as_ptr(), libc::MNT_DETACH) < 0 {
            let mut st: libc::statvfs = std::mem::zeroed();
            if libc::statvfs(sys.as_ptr(), &mut st) == 0 && st.f_flag & libc::ST_RDONLY != 0 {
                flags = libc::MS_RDONLY;
            }
        }
        let (src, fstype) = (c(name), c("sysfs"));
        if libc::mount(src.as_ptr(), sys.as_ptr(), fstype.as_ptr(), flags, std::ptr::null()) < 0 {
            return Err(Error::Usage(format!("mount of /sys failed: {}", strerror(last_errno()))));
        }
    }
    Ok(())
}
