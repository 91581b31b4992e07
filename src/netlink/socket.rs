//! Opening the rtnetlink socket and moving bytes: send one request, receive
//! datagrams, and check that a reply is ours (sequence number and port).
//! Requests queued by a pipeline (`pipeline.rs`) are sent before anything
//! that could observe their effect.

use netlink_packet_core::{NetlinkHeader, NetlinkMessage, NetlinkPayload};
use netlink_packet_route::RouteNetlinkMessage;
use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};

use crate::error::{Error, Result};

/// iproute2's buffer sizes: 32 KiB to send, 1 MiB to receive.
const SEND_BUF: usize = 32 * 1024;
const RECV_BUF: usize = 1024 * 1024;
/// The receive buffer, sized once so that one recvmsg reads any datagram
/// (no peek first). The kernel fills dump datagrams up to ~32 KiB; a single
/// huge message may be larger. Only the pages a datagram touches become
/// resident, so the capacity costs address space, not memory.
const DATAGRAM_BUF: usize = 1024 * 1024;

pub struct Netlink {
    pub(super) sock: Socket,
    pub(super) port: u32,
    pub(super) seq: u32,
    /// Reused receive buffer: one allocation for the life of the client.
    pub(super) buf: Vec<u8>,
    /// Requests queued to be sent many at a time (`-force -batch`).
    pub(super) pipeline: Option<super::pipeline::Pipeline>,
    /// A look-up dump stayed interrupted however often it was read: said
    /// with the next listing's report, or when the client is dropped.
    pub(super) unreported_interruption: bool,
    /// The receive buffer size `-rcvbuf` asked for.
    pub(super) rcvbuf: Option<u32>,
}

impl Netlink {
    /// A client with iproute2's buffer sizes; `rcvbuf` is `-rcvbuf N` (the
    /// receive buffer asked for, as iproute2 sets it: SO_RCVBUF, which the
    /// kernel doubles and caps at net.core.rmem_max).
    pub fn open(rcvbuf: Option<u32>) -> Result<Self> {
        let fail = |e: std::io::Error| Error::Failure(format!("Cannot open netlink socket: {e}"));
        let mut sock = Socket::new(NETLINK_ROUTE).map_err(fail)?;
        let addr = sock.bind_auto().map_err(fail)?;
        // Best effort, as iproute2 does: older kernels lack these options.
        let _ = sock.set_ext_ack(true);
        let _ = sock.set_netlink_get_strict_chk(true);
        set_buf(&sock, libc::SO_SNDBUF, SEND_BUF);
        // iproute2 keeps the size in an int: 4294967295 is -1, which the
        // kernel reads back as a huge unsigned value and caps.
        match rcvbuf {
            Some(n) => set_buf_raw(&sock, libc::SO_RCVBUF, n as libc::c_int),
            None => set_buf(&sock, libc::SO_RCVBUF, RECV_BUF),
        };
        let seq = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as u32)
            .unwrap_or(1);
        let mut nl = Netlink::wrap(sock, addr.port_number(), seq);
        nl.rcvbuf = rcvbuf;
        Ok(nl)
    }

    /// A client on an open, bound socket (also used for other protocols).
    pub(super) fn wrap(sock: Socket, port: u32, seq: u32) -> Self {
        Netlink { sock, port, seq, buf: Vec::new(), pipeline: None, unreported_interruption: false, rcvbuf: None }
    }

    /// Serialise and send one request; returns its sequence number.
    /// Pipelined requests are sent (and acknowledged) first, unless this
    /// one cannot see their effect.
    pub fn send(&mut self, msg: RouteNetlinkMessage, flags: u16) -> Result<u32> {
        self.send_out(Outgoing::Typed(msg), flags, false)
    }

    /// Every message to the kernel goes out here. Whatever a pipeline holds
    /// is sent and acknowledged first, so that a read sees the queued
    /// changes and anything printed after it comes after their refusals.
    /// Only a name `lookup` (whose answer is never printed) may go first,
    /// and only while no queued request adds, changes or removes a link.
    pub(super) fn send_out(&mut self, msg: Outgoing, flags: u16, lookup: bool) -> Result<u32> {
        if self.must_settle_before(lookup) {
            self.settle()?;
        }
        self.seq = self.seq.wrapping_add(1);
        let mut bytes = Vec::new();
        msg.encode(flags, self.seq, &mut bytes);
        self.send_raw(&bytes)?;
        Ok(self.seq)
    }

    pub(super) fn send_raw(&self, bytes: &[u8]) -> Result<()> {
        let kernel = SocketAddr::new(0, 0);
        self.sock
            .send_to(bytes, &kernel, 0)
            .map_err(|e| Error::Failure(format!("Cannot talk to rtnetlink: {e}")))?;
        Ok(())
    }

    /// Receive one datagram into `self.buf` with one recvmsg (the buffer is
    /// sized once to hold any datagram). Returns the datagram's length.
    pub(super) fn recv_datagram(&mut self) -> Result<usize> {
        if self.buf.capacity() < DATAGRAM_BUF {
            self.buf = Vec::with_capacity(DATAGRAM_BUF);
        }
        loop {
            self.buf.clear();
            match self.sock.recv_from(&mut self.buf, libc::MSG_TRUNC) {
                // Not from the kernel: drop it, as iproute2 does.
                Ok((_, from)) if from.port_number() != 0 => continue,
                Ok((n, _)) if n > self.buf.len() => {
                    return Err(Error::Failure(format!("netlink message truncated: {n} bytes do not fit the receive buffer")))
                }
                Ok((n, _)) => return Ok(n),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(recv_error(e)),
            }
        }
    }
}

/// A request as an object hands it over: a typed message, or the payload
/// (what follows the netlink header) of a message of type `kind`, laid out
/// by the object itself — cheaper when a batch makes a million of them.
pub enum Outgoing<'a> {
    Typed(RouteNetlinkMessage),
    Raw { kind: u16, body: &'a [u8] },
}

impl Outgoing<'_> {
    pub fn kind(&self) -> u16 {
        match self {
            Outgoing::Typed(m) => m.message_type(),
            Outgoing::Raw { kind, .. } => *kind,
        }
    }

    /// Append the whole message (header, payload, padding) to `out`.
    pub(super) fn encode(self, flags: u16, seq: u32, out: &mut Vec<u8>) {
        match self {
            Outgoing::Typed(msg) => {
                let mut header = NetlinkHeader::default();
                header.flags = flags;
                header.sequence_number = seq;
                let mut nl = NetlinkMessage::new(header, NetlinkPayload::from(msg));
                nl.finalize();
                let start = out.len();
                out.resize(start + nl.buffer_len(), 0);
                nl.serialize(&mut out[start..]);
            }
            Outgoing::Raw { kind, body } => {
                let len = (super::request::HEADER_LEN + body.len()) as u32;
                out.extend_from_slice(&len.to_ne_bytes());
                out.extend_from_slice(&kind.to_ne_bytes());
                out.extend_from_slice(&flags.to_ne_bytes());
                out.extend_from_slice(&seq.to_ne_bytes());
                out.extend_from_slice(&0u32.to_ne_bytes());
                out.extend_from_slice(body);
                out.resize((out.len() + 3) & !3, 0);
            }
        }
    }
}

pub(super) fn recv_error(e: std::io::Error) -> Error {
    if e.raw_os_error() == Some(libc::ENOBUFS) {
        Error::Failure("netlink receive buffer overrun: the kernel dropped messages (ENOBUFS)".into())
    } else {
        Error::Failure(format!("netlink receive error {}", super::errno::strerror(e.raw_os_error().unwrap_or(0))))
    }
}

/// Set a socket buffer size; returns whether the kernel took it.
pub(super) fn set_buf(sock: &Socket, opt: libc::c_int, size: usize) -> bool {
    set_buf_raw(sock, opt, size.min(libc::c_int::MAX as usize) as libc::c_int)
}

pub(super) fn set_buf_raw(sock: &Socket, opt: libc::c_int, size: libc::c_int) -> bool {
    set_opt(sock, libc::SOL_SOCKET, opt, size)
}

/// setsockopt of an int; returns whether the kernel took it.
pub(super) fn set_opt(sock: &Socket, level: libc::c_int, opt: libc::c_int, value: libc::c_int) -> bool {
    use std::os::fd::AsRawFd;
    // SAFETY: a plain setsockopt on a socket we own, with a correctly sized int.
    unsafe {
        0 == libc::setsockopt(
            sock.as_raw_fd(),
            level,
            opt,
            &value as *const libc::c_int as *const libc::c_void,
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    }
}
