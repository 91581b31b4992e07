//! `rule restore` (iproute2's `iprule_restore` and `rtnl_from_file`): the
//! stream `rule save` wrote — the magic, then whole netlink messages — read
//! from stdin, each message sent back as a request to create the rule
//! (one that exists already is no error).

use std::io::Read;

use netlink_packet_core::NLM_F_CREATE;

use super::list::RULE_DUMP_MAGIC;
use crate::error::{Error, Result};
use crate::netlink::request::HEADER_LEN;
use crate::netlink::Outgoing;
use crate::Context;

/// iproute2's buffer for one message: a longer one is malformed.
const MAX_MESSAGE: usize = 16384;

/// Fill `buf` from `input` as `fread` does: how many bytes came before
/// the end of the stream.
fn fill(input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match input.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// A read error, as `perror("rtnl_from_file: fread")` says it.
fn read_failed(e: std::io::Error) -> Error {
    Error::Usage(format!("rtnl_from_file: fread: {}", crate::netlink::errno::strerror(e.raw_os_error().unwrap_or(libc::EIO))))
}

pub fn restore(ctx: &mut Context, _args: &[String]) -> Result<()> {
    use std::io::IsTerminal as _;
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(Error::Usage("Can't restore rule dump from a terminal".into()));
    }
    let mut input = stdin.lock();
    let mut magic = [0u8; 4];
    let got = fill(&mut input, &mut magic).map_err(read_failed)?;
    // `fread` leaves what a short stream had in the buffer.
    let magic = u32::from_ne_bytes(magic);
    if magic != RULE_DUMP_MAGIC {
        return Err(Error::Usage(format!("Magic mismatch ({} elems, {magic:x} magic)", usize::from(got == 4))));
    }
    let nl = ctx.nl()?;
    let mut buf = vec![0u8; MAX_MESSAGE];
    // Where the stream stands (`ftell`), for the message iproute2 prints.
    let mut offset = 4;
    loop {
        let n = fill(&mut input, &mut buf[..HEADER_LEN]).map_err(read_failed)?;
        if n == 0 {
            return Ok(());
        }
        if n != HEADER_LEN {
            return Err(Error::Usage("rtnl-from_file: truncated message".into()));
        }
        let word = |i: usize| u32::from_ne_bytes([buf[i], buf[i + 1], buf[i + 2], buf[i + 3]]);
        let len = word(0) as usize;
        let kind = u16::from_ne_bytes([buf[4], buf[5]]);
        let flags = u16::from_ne_bytes([buf[6], buf[7]]);
        offset += HEADER_LEN;
        if !(HEADER_LEN..=MAX_MESSAGE).contains(&len) {
            return Err(Error::Usage(format!("!!!malformed message: len={} @{offset}", len as i32)));
        }
        let body_len = len - HEADER_LEN;
        let aligned = (body_len + 3) & !3;
        let end = (HEADER_LEN + aligned).min(MAX_MESSAGE);
        let n = fill(&mut input, &mut buf[HEADER_LEN..end]).map_err(read_failed)?;
        offset += n;
        if n != end - HEADER_LEN {
            return Err(Error::Usage("rtnl-from_file: truncated message".into()));
        }
        let msg = Outgoing::Raw { kind, body: &buf[HEADER_LEN..len] };
        match nl.request_out(msg, flags | NLM_F_CREATE) {
            Ok(()) => {}
            Err(e) if e.errno == libc::EEXIST => {}
            Err(e) => {
                // iproute2 prints the kernel's refusal and exits 255.
                crate::netlink::pipeline::say(e.message());
                return Err(Error::Exit(255));
            }
        }
    }
}
