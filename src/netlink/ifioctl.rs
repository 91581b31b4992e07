//! The two device ioctls rtun still needs (no netlink request answers
//! them): the ISATAP potential router list (SIOC{GET,ADD,DEL}PRL) and a
//! device's queue length (SIOCGIFTXQLEN, which iproute2 asks when a link
//! message carries none). One `struct ifreq` call on a datagram socket
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
    _size: [u8; 24],
}

fn ioctl(cmd: libc::c_ulong, name: &[u8], arg: IfReqArg) -> Result<IfReqArg, i32> {
    if name.len() >= 16 {
        return Err(libc::ENODEV);
    }
    let mut req = IfReq { name: [0; 16], arg };
    req.name[..name.len()].copy_from_slice(name);
    let errno = || std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO);
    // SAFETY: a datagram socket used only for this ioctl and closed below.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM, 0) };
    if fd < 0 {
        return Err(errno());
    }
    // SAFETY: `req` is a correctly sized ifreq naming the device; a pointer
    // in it is the caller's, alive and sized as the command expects.
    let rc = unsafe { libc::ioctl(fd, cmd as _, &mut req as *mut IfReq) };
    let err = (rc < 0).then(errno);
    // SAFETY: fd was opened above.
    unsafe { libc::close(fd) };
    match err {
        Some(e) => Err(e),
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
