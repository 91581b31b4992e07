//! Dumps, streamed: each message is handed to the caller as it arrives
//! (raw: callers read it in place), so memory stays constant whatever the
//! table size.
//!
//! Every dump reply of every protocol is read here (`DumpReader`), so the
//! kernel's NLM_F_DUMP_INTR flag cannot be overlooked. The kernel sets it
//! when the table changed while it was being read: what was seen may miss
//! or repeat objects. What happens then depends on what the dump is for:
//!
//! - a listing (`dump_raw`, `dump_frames`, `dump_out`: what `ip` itself dumps)
//!   ends with iproute2's `Dump was interrupted and may be inconsistent.`
//!   on stderr, the exit status unchanged (`rtnl_dump_filter_l`);
//! - a look-up rtun makes for itself (`collect`: names, a link found by
//!   name, where `ip` asks otherwise) is read again until it is whole; if
//!   it never is, the next listing's report says so (one line, as `ip`
//!   prints for its one dump), or else the client's end does;
//! - an nf_tables dump hands the flag to its caller (`netfilter.rs`), which
//!   reads the ruleset again as `nft` does.

use netlink_packet_core::{NLM_F_DUMP, NLM_F_DUMP_INTR, NLM_F_REQUEST};
use netlink_packet_route::RouteNetlinkMessage;

use super::request::{frames, parse_error, KernelError, NLMSG_DONE, NLMSG_ERROR};
use super::{Netlink, Outgoing};
use crate::error::{Error, Result};

/// iproute2's words for a dump the kernel flagged NLM_F_DUMP_INTR.
pub const INTERRUPTED: &str = "Dump was interrupted and may be inconsistent.";

/// How many times a look-up dump is read when the kernel keeps flagging
/// it interrupted (each read is one request; tables change in bursts).
const LOOKUP_READS: usize = 8;

/// How a dump ended.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DumpStatus {
    /// The kernel flagged a message NLM_F_DUMP_INTR: the table changed
    /// while it was being read, so what was seen may be inconsistent.
    pub interrupted: bool,
}

impl DumpStatus {
    /// Say on stderr that a listing may be inconsistent, as iproute2 does
    /// once its dump is over (the exit status does not change).
    pub fn report(self) {
        if self.interrupted {
            eprintln!("{INTERRUPTED}");
        }
    }
}

/// A dump's end: its status, or the kernel error that ended it.
pub type DumpEnd = std::result::Result<DumpStatus, KernelError>;

/// The one reader of dump replies: takes datagrams as they come and hands
/// each of the dump's messages (header included) to the caller.
pub struct DumpReader {
    seq: u32,
    port: u32,
    status: DumpStatus,
    /// The caller's error: the rest of the dump is drained, then this is
    /// returned, so that the socket stays usable.
    failed: Option<Error>,
}

impl DumpReader {
    /// A reader for the dump sent as `seq` from `port`.
    pub fn new(seq: u32, port: u32) -> Self {
        DumpReader { seq, port, status: DumpStatus::default(), failed: None }
    }

    /// Take one datagram. `Some` once the dump is over: `Err` for the
    /// caller's error, `Ok(Err)` for a kernel error (with its errno),
    /// `Ok(Ok(status))` for a dump read to its end.
    pub fn take<F>(&mut self, datagram: &[u8], each: &mut F) -> Option<Result<DumpEnd>>
    where
        F: FnMut(&[u8]) -> Result<()>,
    {
        for (h, this) in frames(datagram) {
            if h.seq != self.seq || h.port != self.port {
                continue;
            }
            if h.flags & NLM_F_DUMP_INTR != 0 {
                self.status.interrupted = true;
            }
            match h.kind {
                NLMSG_DONE | NLMSG_ERROR => {
                    let (errno, ext) = parse_error(&h, this);
                    if let Some(e) = self.failed.take() {
                        return Some(Err(e));
                    }
                    // A DONE ends the dump; so does an ERROR: the kernel's
                    // refusal, or the ACK a single `get` asked for.
                    if errno != 0 {
                        return Some(Ok(Err(KernelError { errno, ext_msg: ext })));
                    }
                    return Some(Ok(Ok(self.status)));
                }
                _ if self.failed.is_some() => {}
                _ => {
                    if let Err(e) = each(this) {
                        self.failed = Some(e);
                    }
                }
            }
        }
        None
    }
}

impl Netlink {
    /// Run a dump, handing each message's raw bytes (header included) to
    /// `each` in order: every caller reads messages in place, so none is
    /// dropped because a typed parser would refuse it. An error from
    /// `each` stops the dump (the rest is drained so the socket stays
    /// usable).
    pub fn dump_raw<F>(&mut self, msg: RouteNetlinkMessage, each: F) -> Result<DumpStatus>
    where
        F: FnMut(&[u8]) -> Result<()>,
    {
        self.dump_frames(msg, each)?.map_err(Error::from)
    }

    /// As `dump_raw`, but a kernel error ending the dump is returned apart
    /// (inner `Err`, with its errno), so the caller can treat e.g. ENOENT
    /// as iproute2 does (`route show` of a missing main table is empty).
    /// A listing the kernel flagged interrupted is reported on stderr.
    pub fn dump_frames<F>(&mut self, msg: RouteNetlinkMessage, each: F) -> Result<DumpEnd>
    where
        F: FnMut(&[u8]) -> Result<()>,
    {
        self.dump_out(Outgoing::Typed(msg), each)
    }

    /// `dump_frames` for a request the caller laid out (`Outgoing::Raw`):
    /// listings read from raw messages send raw requests too.
    pub fn dump_out<F>(&mut self, msg: Outgoing, each: F) -> Result<DumpEnd>
    where
        F: FnMut(&[u8]) -> Result<()>,
    {
        let end = self.dump_once(msg, each)?;
        if let Ok(status) = end {
            let earlier = std::mem::take(&mut self.unreported_interruption);
            DumpStatus { interrupted: status.interrupted || earlier }.report();
        }
        Ok(end)
    }

    /// A dump rtun reads for itself (names, a link looked up by name):
    /// each message is added to a fresh `T`, and the dump is read again
    /// while the kernel flags it interrupted (at most LOOKUP_READS times;
    /// then what was read is used, and said to be inconsistent later).
    pub fn collect<T, F>(&mut self, msg: RouteNetlinkMessage, mut each: F) -> Result<T>
    where
        T: Default,
        F: FnMut(&mut T, &[u8]) -> Result<()>,
    {
        let mut reads = 0;
        loop {
            let mut found = T::default();
            let status = self.dump_once(Outgoing::Typed(msg.clone()), |m| each(&mut found, m))?.map_err(Error::from)?;
            reads += 1;
            if !status.interrupted || reads == LOOKUP_READS {
                self.unreported_interruption |= status.interrupted;
                return Ok(found);
            }
        }
    }

    fn dump_once<F>(&mut self, msg: Outgoing, each: F) -> Result<DumpEnd>
    where
        F: FnMut(&[u8]) -> Result<()>,
    {
        let seq = self.send_out(msg, NLM_F_REQUEST | NLM_F_DUMP, false)?;
        self.read_dump(seq, each)
    }

    /// Read the replies to the dump request sent as `seq`.
    pub(super) fn read_dump<F>(&mut self, seq: u32, mut each: F) -> Result<DumpEnd>
    where
        F: FnMut(&[u8]) -> Result<()>,
    {
        let mut reader = DumpReader::new(seq, self.port);
        loop {
            let n = self.recv_datagram()?;
            if let Some(end) = reader.take(&self.buf[..n], &mut each) {
                return end;
            }
        }
    }
}

impl Drop for Netlink {
    /// A look-up that stayed interrupted and no listing came after.
    fn drop(&mut self) {
        DumpStatus { interrupted: self.unreported_interruption }.report();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use netlink_packet_core::{NLM_F_MULTIPART, NLM_F_REQUEST};

    const SEQ: u32 = 7;
    const PORT: u32 = 4242;

    /// One netlink message: header and body, padded to 4 bytes.
    fn message(out: &mut Vec<u8>, kind: u16, flags: u16, seq: u32, body: &[u8]) {
        let len = 16 + body.len();
        out.extend_from_slice(&(len as u32).to_ne_bytes());
        out.extend_from_slice(&kind.to_ne_bytes());
        out.extend_from_slice(&flags.to_ne_bytes());
        out.extend_from_slice(&seq.to_ne_bytes());
        out.extend_from_slice(&PORT.to_ne_bytes());
        out.extend_from_slice(body);
        out.resize((out.len() + 3) & !3, 0);
    }

    const RTM_NEWLINK: u16 = 16;
    const IFINFO: [u8; 16] = [0; 16];

    /// Datagrams of a link dump of `links` messages, the `intr`-th (if
    /// any) flagged NLM_F_DUMP_INTR, two messages a datagram, then DONE.
    fn link_dump(links: usize, intr: Option<usize>) -> Vec<Vec<u8>> {
        let mut grams = vec![Vec::new()];
        for i in 0..links {
            let flag = if intr == Some(i) { NLM_F_DUMP_INTR } else { 0 };
            let gram = grams.last_mut().expect("a datagram");
            message(gram, RTM_NEWLINK, NLM_F_MULTIPART | flag, SEQ, &IFINFO);
            if i % 2 == 1 {
                grams.push(Vec::new());
            }
        }
        let gram = grams.last_mut().expect("a datagram");
        message(gram, NLMSG_DONE, NLM_F_MULTIPART, SEQ, &0i32.to_ne_bytes());
        grams
    }

    fn read(grams: &[Vec<u8>]) -> (usize, Result<DumpEnd>) {
        let mut reader = DumpReader::new(SEQ, PORT);
        let mut seen = 0;
        let mut each = |_: &[u8]| {
            seen += 1;
            Ok(())
        };
        for g in grams {
            if let Some(end) = reader.take(g, &mut each) {
                return (seen, end);
            }
        }
        panic!("the dump did not end");
    }

    fn status(end: Result<DumpEnd>) -> DumpStatus {
        match end {
            Ok(Ok(s)) => s,
            other => panic!("dump ended with {other:?}"),
        }
    }

    #[test]
    fn a_flagged_message_marks_the_dump_interrupted() {
        for at in 0..5 {
            let (seen, end) = read(&link_dump(5, Some(at)));
            assert_eq!(seen, 5);
            assert_eq!(status(end), DumpStatus { interrupted: true }, "flag on message {at}");
        }
        let (seen, end) = read(&link_dump(5, None));
        assert_eq!((seen, status(end)), (5, DumpStatus { interrupted: false }));
    }

    #[test]
    fn a_flagged_done_marks_the_dump_interrupted() {
        let mut gram = Vec::new();
        message(&mut gram, RTM_NEWLINK, NLM_F_MULTIPART, SEQ, &IFINFO);
        message(&mut gram, NLMSG_DONE, NLM_F_MULTIPART | NLM_F_DUMP_INTR, SEQ, &0i32.to_ne_bytes());
        assert!(status(read(&[gram]).1).interrupted);
    }

    #[test]
    fn a_flag_on_another_requests_reply_is_not_ours() {
        let mut gram = Vec::new();
        message(&mut gram, RTM_NEWLINK, NLM_F_MULTIPART | NLM_F_DUMP_INTR, SEQ + 1, &IFINFO);
        message(&mut gram, RTM_NEWLINK, NLM_F_MULTIPART, SEQ, &IFINFO);
        message(&mut gram, NLMSG_DONE, NLM_F_MULTIPART, SEQ, &0i32.to_ne_bytes());
        let (seen, end) = read(&[gram]);
        assert_eq!((seen, status(end)), (1, DumpStatus { interrupted: false }));
    }

    #[test]
    fn a_kernel_error_ends_the_dump_with_its_errno() {
        let mut gram = Vec::new();
        message(&mut gram, RTM_NEWLINK, NLM_F_MULTIPART | NLM_F_DUMP_INTR, SEQ, &IFINFO);
        message(&mut gram, NLMSG_DONE, NLM_F_MULTIPART, SEQ, &(-libc::ENOENT).to_ne_bytes());
        match read(&[gram]).1 {
            Ok(Err(e)) => assert_eq!(e.errno, libc::ENOENT),
            other => panic!("{other:?}"),
        }
        let mut gram = Vec::new();
        message(&mut gram, NLMSG_ERROR, NLM_F_REQUEST, SEQ, &(-libc::EPERM).to_ne_bytes());
        assert!(matches!(read(&[gram]).1, Ok(Err(KernelError { errno: libc::EPERM, .. }))));
    }

    #[test]
    fn a_callers_error_is_returned_after_the_dump_is_drained() {
        let grams = link_dump(4, Some(3));
        let mut reader = DumpReader::new(SEQ, PORT);
        let mut calls = 0;
        let mut each = |_: &[u8]| {
            calls += 1;
            Err(Error::Failure("stop".into()))
        };
        let mut end = None;
        for g in &grams {
            end = reader.take(g, &mut each);
            if end.is_some() {
                break;
            }
        }
        assert_eq!(calls, 1);
        assert!(matches!(end, Some(Err(Error::Failure(m))) if m == "stop"));
    }
}
