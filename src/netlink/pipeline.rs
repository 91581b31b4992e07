//! Pipelined requests, for `-force -batch`: objects hand their final
//! request to `Netlink::submit`; when a pipeline is on, the request is
//! queued instead of sent, many queued requests go out in one sendmsg, and
//! their ACKs come back many per recvmmsg, matched to the batch line that
//! made them by sequence number. Outcomes are reported in line order.
//!
//! Ordering: the kernel handles a sendmsg's requests one after another
//! before sendmsg returns, so sending the queue and reading its ACKs is the
//! same as running those lines one by one. Anything else that goes to the
//! kernel (a dump, a query, an unpipelined request) first settles the queue
//! (`Netlink::send_out`, the one door to the kernel) — except a name lookup
//! (`Netlink::lookup`) while no queued request touches links: it cannot see
//! their effect, and nothing is printed from its answer.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use netlink_packet_core::{NLM_F_ACK, NLM_F_REQUEST};
use netlink_packet_route::RouteNetlinkMessage;

use super::request::{parse_error, read_header, KernelError, KernelResult, HEADER_LEN, NLMSG_ERROR};
use super::socket::{recv_error, set_buf, Outgoing};
use super::Netlink;
use crate::error::Result;

/// At most this many requests per sendmsg (and ACKs waiting to be read).
const MAX_QUEUED: usize = 256;
/// … and at most this many bytes (the send buffer is set above it).
const MAX_BYTES: usize = 64 * 1024;
const SEND_BUF: usize = 4 * MAX_BYTES;
/// Socket receive buffer while pipelining: room for every ACK of a full
/// queue many times over (the kernel counts each ACK's whole skb).
const RECV_BUF: usize = 4 * 1024 * 1024;
/// ACKs are read up to SLOTS per recvmmsg, each into SLOT bytes. With
/// NETLINK_CAP_ACK an error ACK echoes only the request's header, so it
/// is small; a longer one is cut, which keeps its errno.
const SLOTS: usize = 64;
const SLOT: usize = 4096;

thread_local! {
    /// While requests are queued: the tag of the line being run, whose
    /// messages (`say`) wait for the refusals of the lines before it.
    static HOLDING: Cell<Option<u64>> = const { Cell::new(None) };
    static HELD: RefCell<Vec<(u64, String)>> = const { RefCell::new(Vec::new()) };
}

/// A line of text for stderr from the command being run (a warning, a
/// message before an error). While earlier lines' requests are queued it
/// is held and printed when they are settled, after their refusals — so
/// that stderr reads in line order; otherwise it is printed at once.
pub fn say(text: impl Into<String>) {
    match HOLDING.get() {
        Some(tag) => HELD.with_borrow_mut(|h| h.push((tag, text.into()))),
        None => eprint_bytes(&text.into()),
    }
}

/// A line to stderr, words the user typed with the bytes they were
/// (`cli::bytes`).
fn eprint_bytes(text: &str) {
    use std::io::Write as _;
    let mut line = crate::cli::bytes::bytes(text).into_owned();
    line.push(b'\n');
    let _ = std::io::stderr().write_all(&line);
}

/// Print the held messages of lines up to `tag` (all with None).
fn print_held(upto: Option<u64>) {
    HELD.with_borrow_mut(|held| {
        let n = held.iter().take_while(|(tag, _)| upto.is_none_or(|u| *tag <= u)).count();
        for (_, text) in held.drain(..n) {
            eprint_bytes(&text);
        }
    });
}

/// Called for each pipelined request the kernel refused, with the tag that
/// was current when it was submitted (the batch line number).
pub type Report = Box<dyn FnMut(u64, &KernelError)>;

/// What came back for one request.
enum Outcome {
    Pending,
    Done,
    Warning(String),
    Refused(KernelError),
}

struct Queued {
    seq: u32,
    tag: u64,
    outcome: Outcome,
}

pub struct Pipeline {
    /// Requests not yet sent, back to back.
    out: Vec<u8>,
    queued: VecDeque<Queued>,
    /// A queued request adds, changes or removes a link (so a name lookup
    /// must wait for it).
    touches_links: bool,
    tag: u64,
    report: Report,
    /// recvmmsg buffers, SLOTS × SLOT (allocated zeroed: untouched pages
    /// cost no memory), and the call's tables, kept for the whole batch.
    slots: Vec<u8>,
    tables: RecvTables,
}

/// recvmmsg's headers, vectors and sender addresses (pointed at the slots
/// on each call).
struct RecvTables {
    hdrs: Vec<libc::mmsghdr>,
    iovs: Vec<libc::iovec>,
    addrs: Vec<libc::sockaddr_nl>,
}

impl RecvTables {
    fn new() -> Self {
        // SAFETY: all-zero is a valid mmsghdr / iovec / sockaddr_nl.
        let zero_hdr = || unsafe { std::mem::zeroed::<libc::mmsghdr>() };
        RecvTables {
            hdrs: (0..SLOTS).map(|_| zero_hdr()).collect(),
            iovs: (0..SLOTS).map(|_| libc::iovec { iov_base: std::ptr::null_mut(), iov_len: 0 }).collect(),
            addrs: (0..SLOTS).map(|_| unsafe { std::mem::zeroed::<libc::sockaddr_nl>() }).collect(),
        }
    }
}

use super::link::{RTM_DELLINK, RTM_DELLINKPROP, RTM_NEWLINK, RTM_NEWLINKPROP, RTM_SETLINK};

fn touches_links(kind: u16) -> bool {
    matches!(kind, RTM_NEWLINK | RTM_DELLINK | RTM_SETLINK | RTM_NEWLINKPROP | RTM_DELLINKPROP)
}

impl Netlink {
    /// Queue `submit`ted requests from now on; `report` hears of refusals.
    pub fn start_pipeline(&mut self, report: Report) {
        // Error ACKs without the echoed request; bigger buffers (forced
        // past the sysctl limits when root) so that a full queue's ACKs
        // always fit. Best effort: a failure shows up as ENOBUFS, reported.
        let _ = self.sock.set_cap_ack(true);
        if !set_buf(&self.sock, libc::SO_SNDBUFFORCE, SEND_BUF) {
            set_buf(&self.sock, libc::SO_SNDBUF, SEND_BUF);
        }
        // (`-rcvbuf` can make it bigger, not smaller.)
        let recv = RECV_BUF.max(self.rcvbuf.map_or(0, |n| n as usize));
        if !set_buf(&self.sock, libc::SO_RCVBUFFORCE, recv) {
            set_buf(&self.sock, libc::SO_RCVBUF, recv);
        }
        self.pipeline = Some(Pipeline {
            out: Vec::with_capacity(MAX_BYTES + 4096),
            queued: VecDeque::with_capacity(MAX_QUEUED),
            touches_links: false,
            tag: 0,
            report,
            slots: vec![0; SLOTS * SLOT],
            tables: RecvTables::new(),
        });
    }

    /// The tag given to requests submitted from now on.
    pub fn set_tag(&mut self, tag: u64) {
        if let Some(p) = self.pipeline.as_mut() {
            p.tag = tag;
            if !p.queued.is_empty() {
                HOLDING.set(Some(tag));
            }
        }
    }

    /// Send a request whose ACK is the outcome of the command that makes
    /// it, and after which that command does nothing else. Pipelined, it is
    /// queued and `Ok` means "queued": a refusal is reported later.
    pub fn submit(&mut self, msg: RouteNetlinkMessage, flags: u16) -> KernelResult<()> {
        self.submit_out(Outgoing::Typed(msg), flags)
    }

    /// `submit` for a message the caller laid out (`Outgoing::Raw`).
    pub fn submit_out(&mut self, msg: Outgoing, flags: u16) -> KernelResult<()> {
        let Some(p) = self.pipeline.as_mut() else {
            return self.request_out(msg, flags);
        };
        self.seq = self.seq.wrapping_add(1);
        p.touches_links |= touches_links(msg.kind());
        msg.encode(flags | NLM_F_REQUEST | NLM_F_ACK, self.seq, &mut p.out);
        p.queued.push_back(Queued { seq: self.seq, tag: p.tag, outcome: Outcome::Pending });
        HOLDING.set(Some(p.tag));
        if p.queued.len() >= MAX_QUEUED || p.out.len() >= MAX_BYTES {
            self.settle().map_err(|e| KernelError { errno: libc::EIO, ext_msg: Some(e.to_string()) })?;
        }
        Ok(())
    }

    /// Whether a message must wait for the queued requests: everything
    /// but a name lookup while no queued request touches links.
    pub(super) fn must_settle_before(&self, lookup: bool) -> bool {
        match &self.pipeline {
            Some(p) if !p.queued.is_empty() => p.touches_links || !lookup,
            _ => false,
        }
    }

    /// Whether requests are queued, not yet sent or not yet acknowledged.
    pub fn has_queued(&self) -> bool {
        self.pipeline.as_ref().is_some_and(|p| !p.queued.is_empty())
    }

    /// Send what is queued, read every ACK, and report the refusals (and
    /// print the warnings) in the order the requests were submitted.
    pub fn settle(&mut self) -> Result<()> {
        let Some(mut p) = self.pipeline.take() else { return Ok(()) };
        let result = self.flush_queue(&mut p);
        for q in p.queued.drain(..) {
            print_held(Some(q.tag));
            match q.outcome {
                Outcome::Done | Outcome::Pending => {}
                Outcome::Warning(w) => eprintln!("Warning: {w}{}", if w.ends_with('.') { "" } else { "." }),
                Outcome::Refused(e) => (p.report)(q.tag, &e),
            }
        }
        HOLDING.set(None);
        print_held(None);
        p.out.clear();
        p.touches_links = false;
        self.pipeline = Some(p);
        result
    }

    fn flush_queue(&mut self, p: &mut Pipeline) -> Result<()> {
        if p.queued.is_empty() {
            return Ok(());
        }
        if let Err(e) = self.send_raw(&p.out) {
            for q in p.queued.iter_mut() {
                q.outcome = Outcome::Refused(KernelError { errno: libc::EIO, ext_msg: Some(e.to_string()) });
            }
            return Ok(());
        }
        // ACKs come in submission order: look from the last one matched.
        let mut cursor = 0;
        let mut waiting = p.queued.len();
        let mut overrun = false;
        while waiting > 0 {
            let flags = if overrun { libc::MSG_DONTWAIT } else { libc::MSG_WAITFORONE };
            let got = match recv_many(&self.sock, &mut p.slots, &mut p.tables, flags) {
                Ok(lens) => lens,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                // The kernel dropped ACKs (receive buffer full): read what
                // is left, then the rest is unknown — reported, not lost.
                Err(e) if e.raw_os_error() == Some(libc::ENOBUFS) => {
                    overrun = true;
                    continue;
                }
                Err(e) if overrun && e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(e) => return Err(recv_error(e)),
            };
            for i in 0..got {
                let (len, from_kernel) = (p.tables.hdrs[i].msg_len as usize, p.tables.addrs[i].nl_pid == 0);
                if !from_kernel {
                    continue;
                }
                let datagram = &p.slots[i * SLOT..i * SLOT + len.min(SLOT)];
                let queued = &mut p.queued;
                for_each_ack(datagram, self.port, |seq, outcome| {
                    let len = queued.len();
                    let Some(at) = (0..len).map(|k| (cursor + k) % len).find(|&k| queued[k].seq == seq) else { return };
                    cursor = at;
                    let q = &mut queued[at];
                    if matches!(q.outcome, Outcome::Pending) {
                        q.outcome = outcome;
                        waiting -= 1;
                    }
                });
            }
        }
        for q in p.queued.iter_mut().filter(|q| matches!(q.outcome, Outcome::Pending)) {
            q.outcome = Outcome::Refused(KernelError { errno: libc::ENOBUFS, ext_msg: None });
        }
        Ok(())
    }
}

/// Each ACK in one datagram: (sequence number, outcome). A message cut
/// short by a small slot still gives its errno.
fn for_each_ack(mut b: &[u8], port: u32, mut each: impl FnMut(u32, Outcome)) {
    while b.len() >= HEADER_LEN + 4 {
        let declared = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let this = &b[..declared.clamp(HEADER_LEN, b.len())];
        // A header whose length claims more than we hold: read it as cut.
        let mut fixed;
        let msg = if declared > b.len() {
            fixed = this.to_vec();
            fixed[..4].copy_from_slice(&(this.len() as u32).to_ne_bytes());
            &fixed[..]
        } else {
            this
        };
        if let Some(h) = read_header(msg) {
            if h.kind == NLMSG_ERROR && h.port == port {
                let (errno, ext) = parse_error(&h, msg);
                let outcome = match (errno, ext) {
                    (0, None) => Outcome::Done,
                    (0, Some(w)) => Outcome::Warning(w),
                    (errno, ext_msg) => Outcome::Refused(KernelError { errno, ext_msg }),
                };
                each(h.seq, outcome);
            }
        }
        b = &b[((declared + 3) & !3).clamp(HEADER_LEN, b.len())..];
    }
}

/// One recvmmsg into `slots`: how many datagrams came (their lengths and
/// senders are in `t`).
fn recv_many(sock: &netlink_sys::Socket, slots: &mut [u8], t: &mut RecvTables, flags: libc::c_int) -> std::io::Result<usize> {
    use std::os::fd::AsRawFd;
    let n = (slots.len() / SLOT).min(t.hdrs.len());
    for (((h, iov), addr), slot) in t.hdrs.iter_mut().zip(t.iovs.iter_mut()).zip(t.addrs.iter_mut()).zip(slots.chunks_exact_mut(SLOT)) {
        *iov = libc::iovec { iov_base: slot.as_mut_ptr().cast(), iov_len: SLOT };
        h.msg_hdr.msg_name = (addr as *mut libc::sockaddr_nl).cast();
        h.msg_hdr.msg_namelen = std::mem::size_of::<libc::sockaddr_nl>() as libc::socklen_t;
        h.msg_hdr.msg_iov = iov;
        h.msg_hdr.msg_iovlen = 1;
        h.msg_len = 0;
    }
    // SAFETY: every header points at a live iovec, slot and address of the
    // sizes given; they all outlive the call.
    let got = unsafe { libc::recvmmsg(sock.as_raw_fd(), t.hdrs.as_mut_ptr(), n as libc::c_uint, flags as _, std::ptr::null_mut()) };
    if got < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(got as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ack(seq: u32, port: u32, errno: i32, declared_extra: usize) -> Vec<u8> {
        let mut m = Vec::new();
        let len = (HEADER_LEN + 4 + HEADER_LEN + declared_extra) as u32;
        m.extend_from_slice(&len.to_ne_bytes());
        m.extend_from_slice(&NLMSG_ERROR.to_ne_bytes());
        m.extend_from_slice(&0u16.to_ne_bytes());
        m.extend_from_slice(&seq.to_ne_bytes());
        m.extend_from_slice(&port.to_ne_bytes());
        m.extend_from_slice(&(-errno).to_ne_bytes());
        m.extend_from_slice(&[0; HEADER_LEN]);
        m
    }

    fn acks(b: &[u8], port: u32) -> Vec<(u32, Outcome)> {
        let mut v = Vec::new();
        for_each_ack(b, port, |seq, o| v.push((seq, o)));
        v
    }

    #[test]
    fn acks_in_a_datagram_are_matched_by_port() {
        let mut d = ack(7, 42, 0, 0);
        d.extend(ack(8, 42, libc::EEXIST, 0));
        d.extend(ack(9, 41, libc::EEXIST, 0));
        let got = acks(&d, 42);
        assert_eq!(got.len(), 2);
        assert!(matches!(got[0], (7, Outcome::Done)));
        assert!(matches!(&got[1], (8, Outcome::Refused(e)) if e.errno == libc::EEXIST));
    }

    #[test]
    fn a_cut_ack_keeps_its_errno() {
        let d = ack(3, 1, libc::ENOENT, 100);
        let got = acks(&d, 1);
        assert!(matches!(&got[..], [(3, Outcome::Refused(e))] if e.errno == libc::ENOENT));
    }
}
