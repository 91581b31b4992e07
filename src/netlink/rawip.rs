//! Raw IPv4 sockets, for GRE keepalives (`tunnel keepalive`): the one
//! place rtun sends and receives packets rather than netlink messages.
//!
//! - [`GreSocket`]: a raw socket of protocol 47. What is sent is a GRE
//!   header and its payload; the kernel puts the outer IPv4 header (protocol
//!   47) before it. It receives a copy of every GRE packet delivered to this
//!   host, whole (IPv4 header first), whether a tunnel takes it or not;
//!   a classic BPF filter keeps out what the caller has no use for.
//! - [`HdrInclSocket`]: a raw socket of protocol IPPROTO_RAW, which sends
//!   IPv4 packets laid out by the caller (IP_HDRINCL: the kernel fills in
//!   only the checksum, the total length and a zero identification).
//! - [`wait_readable`]: ppoll with the signal mask to wait under, so that a
//!   signal blocked elsewhere ends the wait at once (no lost wake-up).
//! - [`echo`]: one ICMP or ICMPv6 echo and its reply (`tunnel check`), on
//!   a raw socket, or without CAP_NET_RAW on a ping socket where
//!   net.ipv4.ping_group_range allows one.

use std::io;
use std::net::{IpAddr, Ipv4Addr};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::time::Duration;

fn check(rc: libc::c_int) -> io::Result<libc::c_int> {
    if rc < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(rc)
    }
}

fn socket(proto: libc::c_int) -> io::Result<OwnedFd> {
    // SAFETY: socket(2) with constant arguments; the descriptor is owned below.
    let fd = check(unsafe { libc::socket(libc::AF_INET, libc::SOCK_RAW | libc::SOCK_CLOEXEC, proto) })?;
    // SAFETY: `fd` was just opened and nothing else owns it.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// setsockopt with `value` as it is laid out in memory.
fn set_opt<T>(fd: &OwnedFd, level: libc::c_int, opt: libc::c_int, value: &T) -> io::Result<()> {
    // SAFETY: `value` is valid for reads of its size for the call.
    check(unsafe {
        libc::setsockopt(fd.as_raw_fd(), level, opt, value as *const T as *const libc::c_void, std::mem::size_of::<T>() as libc::socklen_t)
    })
    .map(|_| ())
}

fn sockaddr(addr: Ipv4Addr) -> libc::sockaddr_in {
    // SAFETY: sockaddr_in is plain data; all-zero is a valid value.
    let mut sa: libc::sockaddr_in = unsafe { std::mem::zeroed() };
    sa.sin_family = libc::AF_INET as libc::sa_family_t;
    sa.sin_addr.s_addr = u32::from_ne_bytes(addr.octets());
    sa
}

const SOCKADDR_IN_LEN: libc::socklen_t = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;

fn send_to(fd: &OwnedFd, dst: Ipv4Addr, bytes: &[u8]) -> io::Result<()> {
    let sa = sockaddr(dst);
    loop {
        // SAFETY: `bytes` and `sa` outlive the call; the length is sa's size.
        let rc = unsafe {
            libc::sendto(
                fd.as_raw_fd(),
                bytes.as_ptr() as *const libc::c_void,
                bytes.len(),
                libc::MSG_DONTWAIT,
                &sa as *const libc::sockaddr_in as *const libc::sockaddr,
                SOCKADDR_IN_LEN,
            )
        };
        if rc >= 0 {
            return Ok(());
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// The Internet checksum (RFC 1071) of `bytes`.
pub fn checksum(bytes: &[u8]) -> u16 {
    let mut sum: u32 = bytes.chunks(2).map(|c| u32::from(u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))).sum();
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// Settings of the outer IPv4 header of what a [`GreSocket`] sends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outer {
    /// The source address (None: the one routing picks). Bound, so the
    /// socket receives only GRE packets sent to it.
    pub local: Option<Ipv4Addr>,
    /// The TTL (None: the system's default).
    pub ttl: Option<u8>,
    /// The TOS byte (None: 0).
    pub tos: Option<u8>,
}

/// A raw IPv4 socket of protocol 47 (GRE).
pub struct GreSocket(OwnedFd);

impl GreSocket {
    /// Open it with `filter` attached (classic BPF over the whole packet,
    /// IPv4 header first), bound to `outer.local` if given.
    pub fn open(outer: Outer, filter: &[libc::sock_filter]) -> io::Result<Self> {
        let fd = socket(libc::IPPROTO_GRE)?;
        // `prog` points at `filter`, alive for the call (the kernel copies it).
        let prog = libc::sock_fprog { len: filter.len() as libc::c_ushort, filter: filter.as_ptr() as *mut libc::sock_filter };
        set_opt(&fd, libc::SOL_SOCKET, libc::SO_ATTACH_FILTER, &prog)?;
        if let Some(ttl) = outer.ttl {
            set_opt(&fd, libc::IPPROTO_IP, libc::IP_TTL, &libc::c_int::from(ttl))?;
        }
        if let Some(tos) = outer.tos {
            set_opt(&fd, libc::IPPROTO_IP, libc::IP_TOS, &libc::c_int::from(tos))?;
        }
        if let Some(local) = outer.local {
            let sa = sockaddr(local);
            // SAFETY: bind with a sockaddr_in of the right size.
            check(unsafe { libc::bind(fd.as_raw_fd(), &sa as *const libc::sockaddr_in as *const libc::sockaddr, SOCKADDR_IN_LEN) })?;
        }
        Ok(GreSocket(fd))
    }

    /// Send `gre` (a GRE header and what follows it) to `dst`.
    pub fn send(&self, dst: Ipv4Addr, gre: &[u8]) -> io::Result<()> {
        send_to(&self.0, dst, gre)
    }

    /// One waiting packet (IPv4 header first) into `buf`, without waiting:
    /// None when nothing waits. A packet longer than `buf` is cut short.
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<Option<usize>> {
        loop {
            // SAFETY: `buf` is valid for writes of its length.
            let rc = unsafe { libc::recv(self.0.as_raw_fd(), buf.as_mut_ptr() as *mut libc::c_void, buf.len(), libc::MSG_DONTWAIT) };
            if rc >= 0 {
                return Ok(Some(rc as usize));
            }
            let e = io::Error::last_os_error();
            match e.kind() {
                io::ErrorKind::Interrupted => continue,
                io::ErrorKind::WouldBlock => return Ok(None),
                _ => return Err(e),
            }
        }
    }
}

/// A raw IPv4 socket that sends whole IPv4 packets (IPPROTO_RAW, so
/// IP_HDRINCL). It receives nothing.
pub struct HdrInclSocket(OwnedFd);

impl HdrInclSocket {
    pub fn open() -> io::Result<Self> {
        socket(libc::IPPROTO_RAW).map(HdrInclSocket)
    }

    /// Send `packet` (its IPv4 header first) towards `dst`.
    pub fn send(&self, dst: Ipv4Addr, packet: &[u8]) -> io::Result<()> {
        send_to(&self.0, dst, packet)
    }
}

/// The source address routing picks for packets to `remote` (a UDP socket
/// connected to it, asked its name; nothing is sent).
pub fn route_source(remote: Ipv4Addr) -> io::Result<Ipv4Addr> {
    // SAFETY: socket(2) with constant arguments; the descriptor is owned below.
    let fd = check(unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) })?;
    // SAFETY: just opened, owned by nothing else.
    let fd = unsafe { OwnedFd::from_raw_fd(fd) };
    let mut sa = sockaddr(remote);
    sa.sin_port = 9u16.to_be();
    // SAFETY: connect with a sockaddr_in of the right size.
    check(unsafe { libc::connect(fd.as_raw_fd(), &sa as *const libc::sockaddr_in as *const libc::sockaddr, SOCKADDR_IN_LEN) })?;
    let mut len = SOCKADDR_IN_LEN;
    // SAFETY: getsockname writes at most `len` bytes into `sa`.
    check(unsafe { libc::getsockname(fd.as_raw_fd(), &mut sa as *mut libc::sockaddr_in as *mut libc::sockaddr, &mut len) })?;
    Ok(Ipv4Addr::from(sa.sin_addr.s_addr.to_ne_bytes()))
}

/// Wait until `sock` has a packet or `timeout` passes, with `mask` as the
/// signal mask meanwhile. Ok(false): the time passed, or a signal came
/// (EINTR; the caller looks at what its handler noted).
pub fn wait_readable(sock: &GreSocket, timeout: Duration, mask: &libc::sigset_t) -> io::Result<bool> {
    wait_fd(&sock.0, timeout, mask)
}

fn wait_fd(fd: &OwnedFd, timeout: Duration, mask: *const libc::sigset_t) -> io::Result<bool> {
    let mut pfd = libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    // SAFETY: timespec is plain data; all-zero is a valid value.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    ts.tv_sec = timeout.as_secs().min(i32::MAX as u64) as _;
    ts.tv_nsec = timeout.subsec_nanos() as _;
    // SAFETY: one pollfd and a timespec that outlive the call; `mask` is
    // a sigset that does too, or null (the mask is left as it is).
    let rc = unsafe { libc::ppoll(&mut pfd, 1, &ts, mask) };
    if rc < 0 {
        let e = io::Error::last_os_error();
        return if e.kind() == io::ErrorKind::Interrupted { Ok(false) } else { Err(e) };
    }
    Ok(rc > 0)
}

const ICMP_ECHO: u8 = 8;
const ICMP_ECHOREPLY: u8 = 0;
const ICMPV6_ECHO_REQUEST: u8 = 128;
const ICMPV6_ECHO_REPLY: u8 = 129;

/// One echo request to `dst` and whether its reply came within `wait`.
/// A raw socket is used (CAP_NET_RAW); without the capability, a ping
/// socket (SOCK_DGRAM, for groups in net.ipv4.ping_group_range). The
/// error is the raw socket's when neither can be opened.
pub fn echo(dst: IpAddr, wait: Duration) -> io::Result<bool> {
    let (af, proto, request, reply) = match dst {
        IpAddr::V4(_) => (libc::AF_INET, libc::IPPROTO_ICMP, ICMP_ECHO, ICMP_ECHOREPLY),
        IpAddr::V6(_) => (libc::AF_INET6, libc::IPPROTO_ICMPV6, ICMPV6_ECHO_REQUEST, ICMPV6_ECHO_REPLY),
    };
    let open = |kind: libc::c_int| -> io::Result<OwnedFd> {
        // SAFETY: socket(2) with constant arguments; the descriptor is owned below.
        let fd = check(unsafe { libc::socket(af, kind | libc::SOCK_CLOEXEC, proto) })?;
        // SAFETY: just opened, owned by nothing else.
        Ok(unsafe { OwnedFd::from_raw_fd(fd) })
    };
    let (fd, raw) = match open(libc::SOCK_RAW) {
        Ok(fd) => (fd, true),
        Err(e) => match open(libc::SOCK_DGRAM) {
            Ok(fd) => (fd, false),
            Err(_) => return Err(e),
        },
    };
    let id = (std::process::id() & 0xffff) as u16;
    let seq: u16 = 1;
    let mut msg = vec![request, 0, 0, 0];
    msg.extend_from_slice(&id.to_be_bytes());
    msg.extend_from_slice(&seq.to_be_bytes());
    msg.extend_from_slice(b"rtun tunnel check");
    if af == libc::AF_INET {
        let c = checksum(&msg);
        msg[2..4].copy_from_slice(&c.to_be_bytes());
    }
    // (The kernel sums ICMPv6 itself, and sets a ping socket's identifier.)
    let (sa, len) = sockaddr_of(dst);
    loop {
        // SAFETY: `msg` and `sa` outlive the call; `len` is sa's size.
        let rc = unsafe { libc::sendto(fd.as_raw_fd(), msg.as_ptr() as *const libc::c_void, msg.len(), 0, &sa as *const _ as *const libc::sockaddr, len) };
        if rc >= 0 {
            break;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    let deadline = std::time::Instant::now() + wait;
    let mut buf = vec![0u8; 2048];
    loop {
        let now = std::time::Instant::now();
        if now >= deadline {
            return Ok(false);
        }
        if !wait_fd(&fd, deadline - now, std::ptr::null())? {
            continue;
        }
        // SAFETY: sockaddr_storage is plain data; all-zero is a valid value.
        let mut from: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
        let mut from_len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: `buf` and `from` are valid for writes of their sizes.
        let n = unsafe {
            libc::recvfrom(fd.as_raw_fd(), buf.as_mut_ptr() as *mut libc::c_void, buf.len(), libc::MSG_DONTWAIT, &mut from as *mut _ as *mut libc::sockaddr, &mut from_len)
        };
        if n < 0 {
            let e = io::Error::last_os_error();
            match e.kind() {
                io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock => continue,
                _ => return Err(e),
            }
        }
        let got = &buf[..n as usize];
        // A raw IPv4 socket hands over the IP header too.
        let icmp = if raw && af == libc::AF_INET { got.get(usize::from(got.first().map_or(0, |b| b & 0x0f)) * 4..).unwrap_or(&[]) } else { got };
        let same_id = !raw || icmp.get(4..6) == Some(&id.to_be_bytes()[..]);
        if icmp.first() == Some(&reply) && same_id && icmp.get(6..8) == Some(&seq.to_be_bytes()[..]) && address_of(&from) == Some(dst) {
            return Ok(true);
        }
    }
}

fn sockaddr_of(a: IpAddr) -> (libc::sockaddr_storage, libc::socklen_t) {
    // SAFETY: sockaddr_storage is plain data; all-zero is a valid value.
    let mut ss: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    match a {
        IpAddr::V4(v4) => {
            let sa = sockaddr(v4);
            // SAFETY: sockaddr_storage is larger than sockaddr_in and suitably aligned.
            unsafe { std::ptr::write(&mut ss as *mut _ as *mut libc::sockaddr_in, sa) };
            (ss, SOCKADDR_IN_LEN)
        }
        IpAddr::V6(v6) => {
            // SAFETY: sockaddr_in6 is plain data; all-zero is a valid value.
            let mut sa: libc::sockaddr_in6 = unsafe { std::mem::zeroed() };
            sa.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sa.sin6_addr.s6_addr = v6.octets();
            // SAFETY: sockaddr_storage is larger than sockaddr_in6 and suitably aligned.
            unsafe { std::ptr::write(&mut ss as *mut _ as *mut libc::sockaddr_in6, sa) };
            (ss, std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t)
        }
    }
}

fn address_of(ss: &libc::sockaddr_storage) -> Option<IpAddr> {
    match i32::from(ss.ss_family) {
        libc::AF_INET => {
            // SAFETY: the family says it holds a sockaddr_in.
            let sa = unsafe { &*(ss as *const _ as *const libc::sockaddr_in) };
            Some(IpAddr::V4(Ipv4Addr::from(sa.sin_addr.s_addr.to_ne_bytes())))
        }
        libc::AF_INET6 => {
            // SAFETY: the family says it holds a sockaddr_in6.
            let sa = unsafe { &*(ss as *const _ as *const libc::sockaddr_in6) };
            Some(IpAddr::V6(sa.sin6_addr.s6_addr.into()))
        }
        _ => None,
    }
}
