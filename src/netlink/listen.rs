//! A socket subscribed to rtnetlink multicast groups (`ip monitor`): the
//! groups joined at bind (the first 32) or by NETLINK_ADD_MEMBERSHIP (the
//! rest), NETLINK_LISTEN_ALL_NSID, and one datagram at a time with the id
//! of the namespace it came from. A receive queue that overflowed
//! (ENOBUFS: the kernel dropped events) is reported as `Received::Lost`;
//! the socket stays subscribed and usable.

use std::os::fd::AsRawFd;

use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};

use crate::error::{Error, Result};

const SOL_NETLINK: libc::c_int = 270;
const NETLINK_LISTEN_ALL_NSID: libc::c_int = 8;
/// Large enough for any event datagram (iproute2 reads 16 KiB).
const BUF: usize = 64 * 1024;

pub struct Listener {
    sock: Socket,
    buf: Vec<u8>,
    all_nsid: bool,
}

/// What one receive brought.
pub enum Received {
    /// `len` bytes of messages in the buffer, from the namespace with id
    /// `nsid` (None: this one, or not asked).
    Datagram { len: usize, nsid: Option<i32> },
    /// The receive queue overflowed: events were dropped.
    Lost,
}

impl Listener {
    /// Subscribe to `groups` (RTNLGRP_* numbers); `rcvbuf` as `-rcvbuf`
    /// (else iproute2's 1 MiB). A group above 32 the kernel refuses is an
    /// error only when `required` lists it (iproute2: stats is optional
    /// unless named).
    pub fn open(groups: &[u32], required: &[u32], rcvbuf: Option<u32>) -> Result<Self> {
        let fail = |e: std::io::Error| Error::Failure(format!("Cannot open netlink socket: {e}"));
        let mut sock = Socket::new(NETLINK_ROUTE).map_err(fail)?;
        let low = groups.iter().filter(|g| (1..=32).contains(*g)).fold(0u32, |m, g| m | 1 << (g - 1));
        sock.bind(&SocketAddr::new(0, low)).map_err(fail)?;
        super::socket::set_buf(&sock, libc::SO_SNDBUF, 32 * 1024);
        match rcvbuf {
            Some(n) => super::socket::set_buf_raw(&sock, libc::SO_RCVBUF, n as libc::c_int),
            None => super::socket::set_buf(&sock, libc::SO_RCVBUF, 1024 * 1024),
        };
        for &g in groups.iter().filter(|g| **g > 32) {
            if sock.add_membership(g).is_err() && required.contains(&g) {
                return Err(Error::Failure(format!("Failed to add {} group to list", group_name(g))));
            }
        }
        Ok(Listener { sock, buf: vec![0; BUF], all_nsid: false })
    }

    /// NETLINK_LISTEN_ALL_NSID: events of every namespace that has an id
    /// here, each datagram tagged with that id.
    pub fn listen_all_nsid(&mut self) -> Result<()> {
        if !super::socket::set_opt(&self.sock, SOL_NETLINK, NETLINK_LISTEN_ALL_NSID, 1) {
            let e = std::io::Error::last_os_error();
            return Err(Error::Failure(format!(
                "NETLINK_LISTEN_ALL_NSID: {}",
                super::errno::strerror(e.raw_os_error().unwrap_or(0))
            )));
        }
        self.all_nsid = true;
        Ok(())
    }

    /// The bytes of the last datagram.
    pub fn data(&self, len: usize) -> &[u8] {
        &self.buf[..len.min(self.buf.len())]
    }

    /// Wait for the next datagram from the kernel.
    pub fn recv(&mut self) -> Result<Received> {
        loop {
            let mut addr: libc::sockaddr_nl = unsafe_zeroed();
            let mut cmsg = [0u64; 16];
            let mut iov = libc::iovec { iov_base: self.buf.as_mut_ptr().cast(), iov_len: self.buf.len() };
            let mut msg: libc::msghdr = unsafe_zeroed();
            msg.msg_name = (&mut addr as *mut libc::sockaddr_nl).cast();
            msg.msg_namelen = std::mem::size_of::<libc::sockaddr_nl>() as _;
            msg.msg_iov = &mut iov;
            msg.msg_iovlen = 1;
            if self.all_nsid {
                msg.msg_control = cmsg.as_mut_ptr().cast();
                msg.msg_controllen = std::mem::size_of_val(&cmsg) as _;
            }
            // SAFETY: every pointer in `msg` is valid for the call and the
            // lengths are those of the buffers they point to.
            let n = unsafe { libc::recvmsg(self.sock.as_raw_fd(), &mut msg, 0) };
            if n < 0 {
                let e = std::io::Error::last_os_error();
                match e.raw_os_error() {
                    Some(libc::EINTR | libc::EAGAIN) => continue,
                    Some(libc::ENOBUFS) => return Ok(Received::Lost),
                    errno => {
                        let errno = errno.unwrap_or(0);
                        return Err(Error::Kernel(format!(
                            "netlink receive error {} ({errno})",
                            super::errno::strerror(errno)
                        )));
                    }
                }
            }
            if n == 0 {
                return Err(Error::Kernel("EOF on netlink".into()));
            }
            if addr.nl_pid != 0 {
                continue;
            }
            let nsid = if self.all_nsid { nsid_of(&msg) } else { None };
            if msg.msg_flags & libc::MSG_TRUNC != 0 {
                eprintln!("Message truncated");
                continue;
            }
            return Ok(Received::Datagram { len: n as usize, nsid });
        }
    }
}

fn group_name(g: u32) -> &'static str {
    match g {
        32 => "nexthop",
        36 => "stats",
        _ => "multicast",
    }
}

/// The NETLINK_LISTEN_ALL_NSID control message of a received datagram.
fn nsid_of(msg: &libc::msghdr) -> Option<i32> {
    // SAFETY: `msg` was filled by recvmsg; the CMSG_* macros walk the
    // control buffer it points to within msg_controllen.
    unsafe {
        let mut c = libc::CMSG_FIRSTHDR(msg);
        while !c.is_null() {
            let h = &*c;
            if h.cmsg_level == SOL_NETLINK
                && h.cmsg_type == NETLINK_LISTEN_ALL_NSID
                && h.cmsg_len as usize == libc::CMSG_LEN(std::mem::size_of::<i32>() as u32) as usize
            {
                return Some(std::ptr::read_unaligned(libc::CMSG_DATA(c).cast::<i32>()));
            }
            c = libc::CMSG_NXTHDR(msg, c);
        }
    }
    None
}

fn unsafe_zeroed<T>() -> T {
    // SAFETY: only used for plain C structs (sockaddr_nl, msghdr), for
    // which all-zero bytes are a valid value.
    unsafe { std::mem::zeroed() }
}

