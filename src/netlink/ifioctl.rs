//! The device ioctls rtun still needs (no netlink request answers them):
//! the ISATAP potential router list (SIOC{GET,ADD,DEL}PRL), a device's
//! queue length (SIOCGIFTXQLEN, which iproute2 asks when a link message
//! carries none) and link-layer multicast groups (SIOC{ADD,DEL}MULTI,
//! `maddress add|delete`). One `struct ifreq` call on a datagram socket
//! opened for it; Err(errno) on failure.

/// `struct ifreq`: the device name, then a union (an int or a pointer).
#[repr(C)]
struct IfReq {
    name: [u8; 16],
    arg: IfReqArg,
}

#[repr(C)]
union IfReqArg {
    int: libc::c_int,
    data: *mut libc::c_void,
    hwaddr: libc::sockaddr,
    _size: [u8; 24],
}

fn ioctl(cmd: libc::c_ulong, name: &[u8], arg: IfReqArg) -> Result<IfReqArg, i32> {
    ioctl_on(libc::AF_INET, cmd, name, arg).map_err(|(IoctlError::SocketFailed(e) | IoctlError::Refused(e))| e)
}

/// Which step failed: opening the socket, or the ioctl itself (errno).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoctlError {
    SocketFailed(i32),
    Refused(i32),
}

pub use IoctlError::{Refused, SocketFailed};

fn ioctl_on(family: libc::c_int, cmd: libc::c_ulong, name: &[u8], arg: IfReqArg) -> Result<IfReqArg, IoctlError> {
    if name.len() >= 16 {
        return Err(Refused(libc::ENODEV));
    }
    let mut req = IfReq { name: [0; 16], arg };
    req.name[..name.len()].copy_from_slice(name);
    let errno = || std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO);
    // SAFETY: a datagram socket used only for this ioctl and closed below.
    let fd = unsafe { libc::socket(family, libc::SOCK_DGRAM, 0) };
    if fd < 0 {
        return Err(SocketFailed(errno()));
    }
    // SAFETY: `req` is a correctly sized ifreq naming the device; a pointer
    // in it is the caller's, alive and sized as the command expects.
    let rc = unsafe { libc::ioctl(fd, cmd as _, &mut req as *mut IfReq) };
    let err = (rc < 0).then(errno);
    // SAFETY: fd was opened above.
    unsafe { libc::close(fd) };
    match err {
        Some(e) => Err(Refused(e)),
        None => Ok(req.arg),
    }
}

/// An ioctl whose ifreq points at the caller's `data` (the PRL commands).
pub fn with_data(cmd: u32, name: &[u8], data: *mut libc::c_void) -> Result<(), i32> {
    ioctl(libc::c_ulong::from(cmd), name, IfReqArg { data }).map(|_| ())
}

/// SIOCGIFTXQLEN: the device's transmit queue length.
pub fn txqlen(name: &[u8]) -> Result<u32, i32> {
    const SIOCGIFTXQLEN: libc::c_ulong = 0x8942;
    // SAFETY: the kernel wrote the int member of the union.
    ioctl(SIOCGIFTXQLEN, name, IfReqArg { int: 0 }).map(|a| unsafe { a.int } as u32)
}

/// SIOCADDMULTI (`join`) or SIOCDELMULTI: a link-layer multicast address
/// (`hw`, family AF_UNSPEC) on device `name`, asked on a socket of `family`.
pub fn multicast(join: bool, family: libc::c_int, name: &[u8], hw: &[u8; 14]) -> Result<(), IoctlError> {
    const SIOCADDMULTI: libc::c_ulong = 0x8931;
    const SIOCDELMULTI: libc::c_ulong = 0x8932;
    // SAFETY: sockaddr is plain data; all zeroes is AF_UNSPEC, no address.
    let mut hwaddr: libc::sockaddr = unsafe { std::mem::zeroed() };
    for (d, s) in hwaddr.sa_data.iter_mut().zip(hw) {
        *d = *s as libc::c_char;
    }
    let cmd = if join { SIOCADDMULTI } else { SIOCDELMULTI };
    ioctl_on(family, cmd, name, IfReqArg { hwaddr }).map(|_| ())
}
