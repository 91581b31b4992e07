//! Request + acknowledgement, and the kernel's error replies turned into
//! iproute2's messages (`Error: <extended ack>.` or `RTNETLINK answers: …`).

use netlink_packet_core::{NetlinkMessage, NLM_F_ACK, NLM_F_ACK_TLVS, NLM_F_CAPPED, NLM_F_ECHO, NLM_F_REQUEST};
use netlink_packet_route::RouteNetlinkMessage;

use super::errno::strerror;
use super::socket::Outgoing;
use super::Netlink;
use crate::error::{Error, Result};

pub const NLMSG_ERROR: u16 = 2;
pub const NLMSG_DONE: u16 = 3;
const NLMSGERR_ATTR_MSG: u16 = 1;
pub const HEADER_LEN: usize = 16;

/// The kernel's refusal of one request: errno and its extended-ack text.
#[derive(Debug, Clone)]
pub struct KernelError {
    pub errno: i32,
    pub ext_msg: Option<String>,
}

impl KernelError {
    /// The message iproute2 prints for it.
    pub fn message(&self) -> String {
        match &self.ext_msg {
            Some(m) => ext_ack_line("Error", m),
            None => format!("RTNETLINK answers: {}", strerror(self.errno)),
        }
    }
}

impl From<KernelError> for Error {
    fn from(e: KernelError) -> Self {
        Error::Kernel(e.message())
    }
}

/// `Error: msg.` / `Warning: msg.` — a full stop is added when missing.
fn ext_ack_line(what: &str, msg: &str) -> String {
    let dot = if msg.ends_with('.') { "" } else { "." };
    format!("{what}: {msg}{dot}")
}

/// A message header, read by hand so that errors and DONE are handled
/// without depending on the route-message parser.
#[derive(Clone, Copy, Debug, Default)]
pub struct Header {
    pub len: usize,
    pub kind: u16,
    pub flags: u16,
    pub seq: u32,
    pub port: u32,
}

pub fn read_header(b: &[u8]) -> Option<Header> {
    if b.len() < HEADER_LEN {
        return None;
    }
    let u32_at = |i: usize| u32::from_ne_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let len = u32_at(0) as usize;
    if len < HEADER_LEN || len > b.len() {
        return None;
    }
    Some(Header {
        len,
        kind: u16::from_ne_bytes([b[4], b[5]]),
        flags: u16::from_ne_bytes([b[6], b[7]]),
        seq: u32_at(8),
        port: u32_at(12),
    })
}

/// The messages of one datagram, each with its header, as the kernel laid
/// them out (NLMSG_ALIGN between them); stops at the first header that
/// does not fit. Every reader of replies walks a datagram with this.
pub fn frames(buf: &[u8]) -> impl Iterator<Item = (Header, &[u8])> {
    let mut off = 0;
    std::iter::from_fn(move || {
        let rest = buf.get(off..)?;
        let h = read_header(rest)?;
        off += align(h.len).min(rest.len());
        Some((h, &rest[..h.len]))
    })
}

/// The payload of an NLMSG_ERROR (or an NLMSG_DONE carrying an error):
/// the errno (0 for a plain ACK) and the extended-ack text, if any.
pub fn parse_error(h: &Header, msg: &[u8]) -> (i32, Option<String>) {
    let body = &msg[HEADER_LEN.min(msg.len())..h.len.min(msg.len())];
    if body.len() < 4 {
        return (0, None);
    }
    let errno = -i32::from_ne_bytes([body[0], body[1], body[2], body[3]]);
    if h.flags & NLM_F_ACK_TLVS == 0 {
        return (errno, None);
    }
    // The echoed request follows the errno: its header only when capped.
    let mut off = 4;
    if h.kind == NLMSG_ERROR {
        if body.len() < off + HEADER_LEN {
            return (errno, None);
        }
        let echoed_len = u32::from_ne_bytes([body[4], body[5], body[6], body[7]]) as usize;
        off += if h.flags & NLM_F_CAPPED != 0 { HEADER_LEN } else { align(echoed_len) };
    }
    (errno, find_string_attr(body.get(off..).unwrap_or(&[]), NLMSGERR_ATTR_MSG))
}

fn align(n: usize) -> usize {
    (n + 3) & !3
}

fn find_string_attr(mut attrs: &[u8], wanted: u16) -> Option<String> {
    while attrs.len() >= 4 {
        let len = u16::from_ne_bytes([attrs[0], attrs[1]]) as usize;
        let kind = u16::from_ne_bytes([attrs[2], attrs[3]]) & 0x3fff;
        if len < 4 || len > attrs.len() {
            return None;
        }
        if kind == wanted {
            let value = &attrs[4..len];
            let end = value.iter().position(|&c| c == 0).unwrap_or(value.len());
            let text = String::from_utf8_lossy(&value[..end]).into_owned();
            return (!text.is_empty()).then_some(text);
        }
        attrs = &attrs[align(len).min(attrs.len())..];
    }
    None
}

/// The first reply to a request that asked for one.
pub enum Reply {
    Message(RouteNetlinkMessage),
    /// Only the acknowledgement (its header), or a message of no known type.
    Ack(Header),
}

impl Netlink {
    /// Send a request that expects only an acknowledgement. A warning in
    /// a successful ACK goes to stderr, as iproute2 prints it.
    pub fn request(&mut self, msg: RouteNetlinkMessage, flags: u16) -> std::result::Result<(), KernelError> {
        self.request_out(Outgoing::Typed(msg), flags)
    }

    /// `request` for a message the caller laid out (`Outgoing::Raw`).
    pub fn request_out(&mut self, msg: Outgoing, flags: u16) -> std::result::Result<(), KernelError> {
        self.exchange(msg, flags | NLM_F_REQUEST | NLM_F_ACK, false).map(|_| ())
    }

    /// `-echo` (iproute2's `rtnl_echo_talk`): send a change with NLM_F_ECHO;
    /// `read` gets the first reply — the object as the kernel made it
    /// (read raw, header included), or only the ACK when the kernel had
    /// nothing to tell (then iproute2 hands the ACK to its printer, which
    /// may complain about it).
    pub fn echo_raw<R>(&mut self, msg: Outgoing, flags: u16, read: impl FnOnce(Echo) -> R) -> KernelResult<R> {
        Ok(match self.exchange_raw(msg, flags | NLM_F_REQUEST | NLM_F_ECHO | NLM_F_ACK, false)? {
            RawReply::Message(start, end) => read(Echo::Message(&self.buf[start..end])),
            RawReply::Ack(h) => read(Echo::Ack(h)),
        })
    }

    /// Send a request whose answer is one message (a `get`).
    pub fn query(&mut self, msg: RouteNetlinkMessage, flags: u16) -> std::result::Result<RouteNetlinkMessage, KernelError> {
        self.query_out(Outgoing::Typed(msg), flags)
    }

    /// `query` for a message the caller laid out.
    pub fn query_out(&mut self, msg: Outgoing, flags: u16) -> std::result::Result<RouteNetlinkMessage, KernelError> {
        self.answer(msg, flags, false)
    }

    /// A `query` that only looks a name up for a request being built: its
    /// answer is never printed, so with `-force -batch` it need not wait
    /// for queued requests that cannot change it (see `send_out`).
    pub fn lookup(&mut self, msg: RouteNetlinkMessage) -> std::result::Result<RouteNetlinkMessage, KernelError> {
        self.answer(Outgoing::Typed(msg), 0, true)
    }

    fn answer(&mut self, msg: Outgoing, flags: u16, lookup: bool) -> std::result::Result<RouteNetlinkMessage, KernelError> {
        match self.exchange(msg, flags | NLM_F_REQUEST, lookup)? {
            Reply::Message(m) => Ok(m),
            Reply::Ack(_) => Err(KernelError { errno: libc::ENODATA, ext_msg: None }),
        }
    }

    /// `query_out`, read raw: the reply message's bytes (header included)
    /// are handed to `read` — for replies the typed parse would refuse
    /// (names that are not UTF-8) or that are cheaper read in place.
    pub fn query_raw<R>(&mut self, msg: Outgoing, flags: u16, read: impl FnOnce(&[u8]) -> R) -> KernelResult<R> {
        self.answer_raw(msg, flags, false, read)
    }

    /// `lookup`, read raw (see `query_raw`).
    pub fn lookup_raw<R>(&mut self, msg: Outgoing, read: impl FnOnce(&[u8]) -> R) -> KernelResult<R> {
        self.answer_raw(msg, 0, true, read)
    }

    fn answer_raw<R>(&mut self, msg: Outgoing, flags: u16, lookup: bool, read: impl FnOnce(&[u8]) -> R) -> KernelResult<R> {
        match self.exchange_raw(msg, flags | NLM_F_REQUEST, lookup)? {
            RawReply::Message(start, end) => Ok(read(&self.buf[start..end])),
            RawReply::Ack(_) => Err(KernelError { errno: libc::ENODATA, ext_msg: None }),
        }
    }

    fn exchange(&mut self, msg: Outgoing, flags: u16, lookup: bool) -> std::result::Result<Reply, KernelError> {
        match self.exchange_raw(msg, flags, lookup)? {
            RawReply::Ack(h) => Ok(Reply::Ack(h)),
            RawReply::Message(start, end) => match NetlinkMessage::<RouteNetlinkMessage>::deserialize(&self.buf[start..end]) {
                Ok(m) => Ok(match m.payload {
                    netlink_packet_core::NetlinkPayload::InnerMessage(inner) => Reply::Message(inner),
                    _ => Reply::Ack(read_header(&self.buf[start..end]).unwrap_or_default()),
                }),
                Err(e) => Err(KernelError { errno: libc::EIO, ext_msg: Some(format!("cannot parse the kernel's reply: {e}")) }),
            },
        }
    }

    /// Send `msg`, wait for its answer: the ACK, or where the reply message
    /// lies in `self.buf`.
    fn exchange_raw(&mut self, msg: Outgoing, flags: u16, lookup: bool) -> KernelResult<RawReply> {
        let result = self.exchange_once(msg, flags, lookup);
        // A lookup that did not wait for pipelined requests failed: report
        // theirs first, so that what the caller prints next comes after.
        if result.is_err() {
            self.settle().map_err(|e| KernelError { errno: libc::EIO, ext_msg: Some(e.to_string()) })?;
        }
        result
    }

    fn exchange_once(&mut self, msg: Outgoing, flags: u16, lookup: bool) -> KernelResult<RawReply> {
        let local = |e: Error| KernelError { errno: libc::EIO, ext_msg: Some(e.to_string()) };
        let seq = self.send_out(msg, flags, lookup).map_err(local)?;
        loop {
            let n = self.recv_datagram().map_err(local)?;
            let base = self.buf.as_ptr() as usize;
            for (h, this) in frames(&self.buf[..n]) {
                let start = this.as_ptr() as usize - base;
                let end = start + this.len();
                if h.seq != seq || h.port != self.port {
                    continue; // a stray reply to an earlier request
                }
                if h.kind == NLMSG_ERROR {
                    let (errno, ext) = parse_error(&h, this);
                    if errno != 0 {
                        return Err(KernelError { errno, ext_msg: ext });
                    }
                    if let Some(w) = ext {
                        eprintln!("{}", ext_ack_line("Warning", &w));
                    }
                    return Ok(RawReply::Ack(h));
                }
                return Ok(RawReply::Message(start, end));
            }
        }
    }
}

/// What `echo_raw` hands its reader.
pub enum Echo<'a> {
    /// The object as the kernel made it: a whole message, header included.
    Message(&'a [u8]),
    /// Only the acknowledgement (its header).
    Ack(Header),
}

/// Where `exchange_raw` found the answer.
enum RawReply {
    /// The reply message, `self.buf[start..end]`.
    Message(usize, usize),
    Ack(Header),
}

/// Turn a kernel error into rtun's error value (exit status 2).
pub fn kernel(e: KernelError) -> Error {
    e.into()
}

pub type KernelResult<T> = std::result::Result<T, KernelError>;

#[allow(dead_code)]
fn _assert_result(_: Result<()>) {}
