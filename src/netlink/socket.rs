//! Opening the rtnetlink socket and moving bytes: send one request, receive
//! datagrams, and check that a reply is ours (sequence number and port).

use netlink_packet_core::{NetlinkHeader, NetlinkMessage, NetlinkPayload};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};

use crate::error::{Error, Result};

/// iproute2's buffer sizes: 32 KiB to send, 1 MiB to receive.
const SEND_BUF: usize = 32 * 1024;
const RECV_BUF: usize = 1024 * 1024;
/// A datagram from a dump is at most a page-sized skb, but a single message
/// can exceed it (big link messages); we peek for the size when it does.
const INITIAL_DATAGRAM: usize = 32 * 1024;

pub struct Netlink {
    pub(super) sock: Socket,
    pub(super) port: u32,
    pub(super) seq: u32,
    /// Reused receive buffer: one allocation for the life of the client.
    pub(super) buf: Vec<u8>,
}

impl Netlink {
    pub fn open() -> Result<Self> {
        let fail = |e: std::io::Error| Error::Failure(format!("Cannot open netlink socket: {e}"));
        let mut sock = Socket::new(NETLINK_ROUTE).map_err(fail)?;
        let addr = sock.bind_auto().map_err(fail)?;
        // Best effort, as iproute2 does: older kernels lack these options.
        let _ = sock.set_ext_ack(true);
        let _ = sock.set_netlink_get_strict_chk(true);
        set_buf(&sock, libc::SO_SNDBUF, SEND_BUF);
        set_buf(&sock, libc::SO_RCVBUF, RECV_BUF);
        let seq = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as u32)
            .unwrap_or(1);
        Ok(Netlink { sock, port: addr.port_number(), seq, buf: Vec::with_capacity(INITIAL_DATAGRAM) })
    }

    /// Serialise and send one request; returns its sequence number.
    pub fn send(&mut self, msg: RouteNetlinkMessage, flags: u16) -> Result<u32> {
        self.seq = self.seq.wrapping_add(1);
        let mut header = NetlinkHeader::default();
        header.flags = flags;
        header.sequence_number = self.seq;
        let mut nl = NetlinkMessage::new(header, NetlinkPayload::from(msg));
        nl.finalize();
        let mut bytes = vec![0u8; nl.buffer_len()];
        nl.serialize(&mut bytes);
        self.send_raw(&bytes)?;
        Ok(self.seq)
    }

    pub fn send_raw(&self, bytes: &[u8]) -> Result<()> {
        let kernel = SocketAddr::new(0, 0);
        self.sock
            .send_to(bytes, &kernel, 0)
            .map_err(|e| Error::Failure(format!("Cannot talk to rtnetlink: {e}")))?;
        Ok(())
    }

    /// Receive one datagram into `self.buf`, growing the buffer if the
    /// datagram is larger than it. Returns the datagram's length.
    pub(super) fn recv_datagram(&mut self) -> Result<usize> {
        loop {
            self.buf.clear();
            let wanted = self.sock.recv(&mut self.buf, libc::MSG_PEEK | libc::MSG_TRUNC);
            match wanted {
                Ok(n) if n > self.buf.capacity() => {
                    self.buf.reserve(n);
                    continue;
                }
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(recv_error(e)),
            }
            self.buf.clear();
            match self.sock.recv_from(&mut self.buf, 0) {
                Ok((n, from)) if from.port_number() != 0 => {
                    // Not from the kernel: drop it, as iproute2 does.
                    let _ = n;
                    continue;
                }
                Ok((n, _)) => return Ok(n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(recv_error(e)),
            }
        }
    }
}

fn recv_error(e: std::io::Error) -> Error {
    if e.raw_os_error() == Some(libc::ENOBUFS) {
        Error::Failure("netlink receive buffer overrun: the kernel dropped messages (ENOBUFS)".into())
    } else {
        Error::Failure(format!("netlink receive error {}", super::errno::strerror(e.raw_os_error().unwrap_or(0))))
    }
}

fn set_buf(sock: &Socket, opt: libc::c_int, size: usize) {
    use std::os::fd::AsRawFd;
    let size = size as libc::c_int;
    // SAFETY: a plain setsockopt on a socket we own, with a correctly sized int.
    unsafe {
        libc::setsockopt(
            sock.as_raw_fd(),
            libc::SOL_SOCKET,
            opt,
            &size as *const libc::c_int as *const libc::c_void,
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
    }
}
