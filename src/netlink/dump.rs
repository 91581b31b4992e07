//! Dumps, streamed: each message is parsed and handed to the caller as it
//! arrives, so memory stays constant whatever the table size.

use netlink_packet_core::{NetlinkMessage, NetlinkPayload, NLM_F_DUMP, NLM_F_DUMP_INTR, NLM_F_REQUEST};
use netlink_packet_route::RouteNetlinkMessage;

use super::request::{frames, parse_error, KernelError, NLMSG_DONE, NLMSG_ERROR};
use super::Netlink;
use crate::error::{Error, Result};


/// How a dump ended.
#[derive(Debug, Default, Clone, Copy)]
pub struct DumpStatus {
    /// The kernel flagged a message NLM_F_DUMP_INTR: the table changed
    /// while it was being read, so what was seen may be inconsistent.
    pub interrupted: bool,
}

impl Netlink {
    /// Run a dump, calling `each` on every message in order. An error from
    /// `each` stops the dump (the rest is drained so the socket stays usable).
    pub fn dump<F>(&mut self, msg: RouteNetlinkMessage, mut each: F) -> Result<DumpStatus>
    where
        F: FnMut(RouteNetlinkMessage) -> Result<()>,
    {
        self.dump_raw(msg, |bytes| match NetlinkMessage::<RouteNetlinkMessage>::deserialize(bytes) {
            Ok(NetlinkMessage { payload: NetlinkPayload::InnerMessage(m), .. }) => each(m),
            // A message this version of the parser cannot read is skipped
            // rather than ending the whole listing.
            _ => Ok(()),
        })
    }

    /// As `dump`, but hands over each message's raw bytes (header included):
    /// for capturing fixtures, and for callers that parse by hand.
    pub fn dump_raw<F>(&mut self, msg: RouteNetlinkMessage, each: F) -> Result<DumpStatus>
    where
        F: FnMut(&[u8]) -> Result<()>,
    {
        self.dump_frames(msg, each)?.map_err(Error::from)
    }
}

impl Netlink {
    /// As `dump_raw`, but a kernel error ending the dump is returned apart
    /// (inner `Err`, with its errno), so the caller can treat e.g. ENOENT
    /// as iproute2 does (`route show` of a missing main table is empty).
    pub fn dump_frames<F>(&mut self, msg: RouteNetlinkMessage, mut each: F) -> Result<std::result::Result<DumpStatus, KernelError>>
    where
        F: FnMut(&[u8]) -> Result<()>,
    {
        let seq = self.send(msg, NLM_F_REQUEST | NLM_F_DUMP)?;
        let mut status = DumpStatus::default();
        let mut failed: Option<Error> = None;
        loop {
            let n = self.recv_datagram()?;
            for (h, this) in frames(&self.buf[..n]) {
                if h.seq != seq || h.port != self.port {
                    continue;
                }
                if h.flags & NLM_F_DUMP_INTR != 0 {
                    status.interrupted = true;
                }
                match h.kind {
                    NLMSG_DONE => {
                        let (errno, ext) = parse_error(&h, this);
                        if let Some(e) = failed {
                            return Err(e);
                        }
                        if errno != 0 {
                            return Ok(Err(KernelError { errno, ext_msg: ext }));
                        }
                        return Ok(Ok(status));
                    }
                    NLMSG_ERROR => {
                        let (errno, ext) = parse_error(&h, this);
                        return match failed {
                            Some(e) => Err(e),
                            None => Ok(Err(KernelError { errno, ext_msg: ext })),
                        };
                    }
                    _ if failed.is_some() => {}
                    _ => {
                        if let Err(e) = each(this) {
                            failed = Some(e);
                        }
                    }
                }
            }
        }
    }
}
