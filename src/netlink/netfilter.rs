//! The NETLINK_NETFILTER socket for nf_tables: one batch of messages sent
//! in a single sendmsg (NFNL_MSG_BATCH_BEGIN … END), and dumps.
//!
//! Callers hand over each message as (type, flags, family, attributes);
//! this file adds the netlink header and the 4-byte `nfgenmsg`, and hands
//! back each reply's family and attributes. Errors reuse `request.rs`.

use netlink_sys::{protocols::NETLINK_NETFILTER, Socket};

use super::attr::AttrWriter;
use super::dump::DumpEnd;
use super::request::{frames, parse_error, KernelError, HEADER_LEN, NLMSG_ERROR};
use netlink_packet_core::{NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST};
use super::Netlink;
use crate::error::{Error, Result};

/// `NFNL_MSG_BATCH_BEGIN` / `END` (NLMSG_MIN_TYPE and the one after).
const BATCH_BEGIN: u16 = 0x10;
const BATCH_END: u16 = 0x11;
/// NFNL_BATCH_GENID: the ruleset generation a batch was computed from.
const NFNL_BATCH_GENID: u16 = 1;
pub const NFNL_SUBSYS_NFTABLES: u16 = 10;
const NFNETLINK_V0: u8 = 0;
const NFGENMSG_LEN: usize = 4;

/// One nf_tables message to send: `kind` is the NFT_MSG_* number.
#[derive(Clone, Debug)]
pub struct NfMessage {
    pub kind: u8,
    pub flags: u16,
    pub family: u8,
    pub attrs: Vec<u8>,
}

/// The nf_tables client: a netlink socket of protocol NETLINK_NETFILTER.
pub struct Netfilter {
    nl: Netlink,
    /// A dump was flagged NLM_F_DUMP_INTR (see `take_interrupted`).
    interrupted: bool,
}

impl Netfilter {
    pub fn open() -> Result<Self> {
        let fail = |e: std::io::Error| Error::Failure(format!("Cannot open netfilter netlink socket: {e}"));
        let mut sock = Socket::new(NETLINK_NETFILTER).map_err(fail)?;
        let addr = sock.bind_auto().map_err(fail)?;
        let _ = sock.set_ext_ack(true);
        set_recv_timeout(&sock, 10);
        let seq = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as u32)
            .unwrap_or(1);
        Ok(Netfilter { nl: Netlink::wrap(sock, addr.port_number(), seq), interrupted: false })
    }

    fn next_seq(&mut self) -> u32 {
        self.nl.seq = self.nl.seq.wrapping_add(1);
        self.nl.seq
    }

    /// Send `msgs` as one transaction: the kernel applies all or none.
    /// Every message asks for an ACK; the first refusal is returned.
    /// With a `generation` (NFTA_GEN_ID, which is never 0) the batch is
    /// bound to it: if the ruleset has changed since, the kernel applies
    /// nothing and answers the BEGIN with ERESTART (nfnetlink.c reads
    /// NFNL_BATCH_GENID in `nfnetlink_rcv_skb_batch`; nf_tables'
    /// `nf_tables_valid_genid` compares it with the generation while
    /// holding the commit mutex, so no other batch can slip in between).
    pub fn batch(&mut self, generation: Option<u32>, msgs: &[NfMessage]) -> std::result::Result<(), KernelError> {
        let local = |e: Error| KernelError { errno: libc::EIO, ext_msg: Some(e.to_string()) };
        let mut bytes = Vec::new();
        let begin = self.next_seq();
        let mut genid = AttrWriter::new();
        if let Some(g) = generation {
            genid.be32(NFNL_BATCH_GENID, g);
        }
        let genid = genid.finish().map_err(|t| KernelError { errno: libc::EMSGSIZE, ext_msg: Some(format!("attribute {} too long", t.kind)) })?;
        // A refused generation is answered as an error to the BEGIN (it
        // asks for no ACK: 6.1 kernels never acknowledge a BEGIN).
        push_message(&mut bytes, BATCH_BEGIN, NLM_F_REQUEST, begin, 0, NFNL_SUBSYS_NFTABLES, &genid);
        let mut pending = Vec::with_capacity(msgs.len());
        for m in msgs {
            let seq = self.next_seq();
            let kind = (NFNL_SUBSYS_NFTABLES << 8) | u16::from(m.kind);
            push_message(&mut bytes, kind, m.flags | NLM_F_REQUEST | NLM_F_ACK, seq, m.family, 0, &m.attrs);
            pending.push(seq);
        }
        let end = self.next_seq();
        push_message(&mut bytes, BATCH_END, NLM_F_REQUEST, end, 0, NFNL_SUBSYS_NFTABLES, &[]);
        self.nl.send_raw(&bytes).map_err(local)?;
        // The kernel runs the whole batch inside sendmsg, so every answer is
        // queued by now; but wait (blocking) for each ACK we asked for, and
        // stop at the first error (the batch was then aborted as a whole).
        let mut first_error: Option<KernelError> = None;
        while !pending.is_empty() {
            let n = self.nl.recv_datagram().map_err(local)?;
            for (h, this) in frames(&self.nl.buf[..n]) {
                if h.port != self.nl.port || h.kind != NLMSG_ERROR {
                    continue;
                }
                pending.retain(|&s| s != h.seq);
                let (errno, ext) = parse_error(&h, this);
                if errno != 0 && first_error.is_none() {
                    first_error = Some(KernelError { errno, ext_msg: ext });
                }
            }
            if first_error.is_some() {
                // After a refusal the kernel does not ACK the rest; drain
                // what is already queued so the socket stays clean.
                self.drain();
                break;
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    /// Read and drop whatever is already queued on the socket.
    fn drain(&mut self) {
        let mut scratch: Vec<u8> = Vec::with_capacity(64 * 1024);
        loop {
            scratch.clear();
            match self.nl.sock.recv(&mut scratch, libc::MSG_DONTWAIT) {
                Ok(n) if n > 0 => {}
                _ => break,
            }
        }
    }

    /// Dump objects of type `kind` (NFT_MSG_GET*) for `family` (0: all),
    /// with optional filter attributes. `each` gets (family, attributes).
    /// A kernel error ending the dump comes back as the inner `Err`; a dump
    /// the kernel flagged interrupted (the ruleset changed meanwhile) is
    /// remembered until `take_interrupted`.
    pub fn dump<F>(&mut self, kind: u8, family: u8, attrs: &[u8], each: F) -> Result<std::result::Result<(), KernelError>>
    where
        F: FnMut(u8, &[u8]) -> Result<()>,
    {
        let end = self.talk(kind, NLM_F_DUMP, family, attrs, each)?;
        if let Ok(status) = &end {
            self.interrupted |= status.interrupted;
        }
        Ok(end.map(|_| ()))
    }

    /// Ask for one object (`kind` is an NFT_MSG_GET* without a dump, such
    /// as NFT_MSG_GETGEN): `each` gets the reply's (family, attributes).
    pub fn get<F>(&mut self, kind: u8, family: u8, attrs: &[u8], each: F) -> Result<std::result::Result<(), KernelError>>
    where
        F: FnMut(u8, &[u8]) -> Result<()>,
    {
        Ok(self.talk(kind, NLM_F_ACK, family, attrs, each)?.map(|_| ()))
    }

    /// Whether a dump since the last call was flagged NLM_F_DUMP_INTR.
    pub fn take_interrupted(&mut self) -> bool {
        std::mem::take(&mut self.interrupted)
    }

    /// Send one request and read its replies up to the DONE of a dump or
    /// the ACK of a `get` (the dump reader of `dump.rs` reads both).
    fn talk<F>(&mut self, kind: u8, flags: u16, family: u8, attrs: &[u8], mut each: F) -> Result<DumpEnd>
    where
        F: FnMut(u8, &[u8]) -> Result<()>,
    {
        let seq = self.next_seq();
        let mut bytes = Vec::new();
        let kind = (NFNL_SUBSYS_NFTABLES << 8) | u16::from(kind);
        push_message(&mut bytes, kind, NLM_F_REQUEST | flags, seq, family, 0, attrs);
        self.nl.send_raw(&bytes)?;
        self.nl.read_dump(seq, |this| match nf_body(this) {
            Some((family, attrs)) => each(family, attrs),
            None => Ok(()),
        })
    }
}

/// One nf_tables message (header included): the nfgenmsg's family and the
/// attributes after it; None when too short to hold an nfgenmsg.
pub fn nf_body(msg: &[u8]) -> Option<(u8, &[u8])> {
    let body = msg.get(HEADER_LEN..)?;
    Some((*body.first()?, body.get(NFGENMSG_LEN..)?))
}

/// The kernel answers a batch inside sendmsg, so a reply never takes
/// long; a timeout makes a kernel that stays silent an error, not a hang.
fn set_recv_timeout(sock: &Socket, seconds: u16) {
    use std::os::fd::AsRawFd;
    let tv = libc::timeval { tv_sec: seconds.into(), tv_usec: 0 };
    // SAFETY: setsockopt on a socket we own, with a correctly sized timeval.
    unsafe {
        libc::setsockopt(
            sock.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVTIMEO,
            &tv as *const libc::timeval as *const libc::c_void,
            std::mem::size_of::<libc::timeval>() as libc::socklen_t,
        );
    }
}

/// Append one netlink message: header, nfgenmsg, attributes.
fn push_message(out: &mut Vec<u8>, kind: u16, flags: u16, seq: u32, family: u8, res_id: u16, attrs: &[u8]) {
    let len = HEADER_LEN + NFGENMSG_LEN + attrs.len();
    out.extend_from_slice(&(len as u32).to_ne_bytes());
    out.extend_from_slice(&kind.to_ne_bytes());
    out.extend_from_slice(&flags.to_ne_bytes());
    out.extend_from_slice(&seq.to_ne_bytes());
    out.extend_from_slice(&0u32.to_ne_bytes());
    out.push(family);
    out.push(NFNETLINK_V0);
    out.extend_from_slice(&res_id.to_be_bytes());
    out.extend_from_slice(attrs);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_layout() {
        let mut b = Vec::new();
        push_message(&mut b, BATCH_BEGIN, NLM_F_REQUEST, 7, 0, NFNL_SUBSYS_NFTABLES, &[]);
        assert_eq!(b.len(), 20);
        assert_eq!(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]), 20);
        assert_eq!(u16::from_ne_bytes([b[4], b[5]]), 0x10);
        assert_eq!(&b[18..20], &[0, 10], "res_id is big-endian");
    }
}
