//! `neigh show|list|lst` and `neigh flush` (`do_show_or_flush`): one
//! RTM_GETNEIGH dump, filtered by the kernel where ip asks it to (family,
//! proxy table, device, master), the rest by `Filter::accepts`. Each entry
//! is printed as it arrives; a flush sends its deletions in ip's batches
//! (one 3.5 KiB buffer, sent on a second socket whenever it fills and at
//! the end of the dump), so neither holds more than a buffer whatever the
//! number of entries.

use super::filter::{parse, Filter};
use super::msg::{Neigh, NLM_F_DUMP_FILTERED, NUD_FAILED, RTM_DELNEIGH, RTM_GETNEIGH, RTM_NEWNEIGH};
use super::print::{print_neigh, View};
use crate::cli::bytes::bytes;
use crate::error::{Error, Result};
use crate::netlink::errno::strerror;
use crate::netlink::request::{HEADER_LEN, KernelError};
use crate::netlink::{Netlink, Outgoing};
use crate::cli::options::Options;
use crate::names::links::Links;
use crate::print::Printer;
use crate::Context;
use std::io::Write;

/// `MAX_ROUNDS`.
const MAX_ROUNDS: i32 = 10;
/// ip's flush buffer (`char flushb[4096-512]`).
const FLUSH_BUFFER: usize = 4096 - 512;

/// The words and the device, resolved as ip resolves them (after parsing).
fn selection(ctx: &mut Context, args: &[String], flush: bool) -> Result<Filter> {
    let family = ctx.opts.family;
    let (nl, _, _, links) = ctx.parts()?;
    let mut f = parse(args, family, flush, nl, links)?;
    if let Some(dev) = &f.dev {
        f.index = links.index(nl, &bytes(dev));
        if f.index == 0 {
            return Err(crate::error::no_device(dev));
        }
    }
    Ok(f)
}

/// `rtnl_dump_filter`'s end of a failed dump: the kernel's word, then
/// ip's line, exit 1.
fn dump_failed(e: KernelError, then: &str) -> Error {
    Error::Fatal(format!("{}\n{then}", e.message()))
}

/// The master filter's warning, printed once, when the kernel did not
/// filter (kernels before 4.20).
fn master_warning(f: &Filter, n: &Neigh, warned: &mut bool) -> Option<&'static str> {
    if f.master != 0 && n.nl_flags & NLM_F_DUMP_FILTERED == 0 && !*warned {
        *warned = true;
        return Some("\nWARNING: Kernel does not support filtering by master device\n\n");
    }
    None
}

/// `neigh show [SELECTOR]`.
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    let f = selection(ctx, args, false)?;
    let (nl, p, opts, links) = ctx.parts()?;
    let view = View { opts, links, one_dev: f.index != 0 };
    let request = f.dump_request();
    let mut warned = false;
    p.begin()?;
    let end = nl.dump_out(Outgoing::Raw { kind: RTM_GETNEIGH, body: &request }, |m| {
        let Some(n) = Neigh::from_nlmsg(m) else { return Ok(()) };
        if !matches!(n.msg_type, RTM_NEWNEIGH | RTM_DELNEIGH | RTM_GETNEIGH) {
            crate::netlink::pipeline::say(format!("Not RTM_NEWNEIGH: {:08x} {:08x} {:08x}", m.len(), n.msg_type, n.nl_flags));
            return Ok(());
        }
        if !f.accepts_header(&n) {
            return Ok(());
        }
        if let Some(w) = master_warning(&f, &n, &mut warned) {
            p.text_always(w)?;
        }
        if f.accepts(&n) {
            print_neigh(p, &view, &n)?;
        }
        Ok(())
    })?;
    if let Err(e) = end {
        p.abandon()?;
        return Err(dump_failed(e, "Dump terminated"));
    }
    Ok(())
}

/// The deletions of one round: ip's buffer of DELNEIGH requests (copies
/// of the dumped messages), sent when it fills and when the dump ends.
struct Doomed {
    buf: Vec<u8>,
    /// Entries this round.
    count: usize,
    /// The socket the deletions go out on (a dump runs on the main one).
    side: Option<Netlink>,
}

impl Doomed {
    fn push(&mut self, msg: &[u8]) -> Result<()> {
        if crate::netlink::attr::align(self.buf.len()) + msg.len() > FLUSH_BUFFER {
            self.send()?;
        }
        self.buf.resize(crate::netlink::attr::align(self.buf.len()), 0);
        self.buf.extend_from_slice(msg);
        self.count += 1;
        Ok(())
    }

    /// `flush_update`: each buffered entry deleted; a refusal is ip's
    /// "Failed to send flush request" (exit 1).
    fn send(&mut self) -> Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        if self.side.is_none() {
            self.side = Some(Netlink::open(None)?);
        }
        let Some(side) = self.side.as_mut() else { return Ok(()) };
        let mut rest = &self.buf[..];
        while rest.len() >= HEADER_LEN {
            let len = u32::from_ne_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
            let Some(msg) = rest.get(..len.max(HEADER_LEN)) else { break };
            if let Err(e) = side.request_out(Outgoing::Raw { kind: RTM_DELNEIGH, body: &msg[HEADER_LEN..] }, 0) {
                return Err(Error::Fatal(format!("Failed to send flush request: {}", strerror(e.errno))));
            }
            rest = rest.get(crate::netlink::attr::align(msg.len())..).unwrap_or(&[]);
        }
        self.buf.clear();
        Ok(())
    }
}

/// `neigh flush SELECTOR`: dump, delete what is selected, again until a
/// round finds nothing (at most ten rounds). ip prints its `-s -s`
/// entries outside any JSON document, as text; rtun keeps `-j` JSON (the
/// entries in one array, without the rounds' lines).
pub fn flush(ctx: &mut Context, args: &[String]) -> Result<()> {
    if args.is_empty() {
        return Err(Error::Failure("Flush requires arguments.".into()));
    }
    let f = selection(ctx, args, true)?;
    let prog = ctx.prog;
    let (nl, p, opts, links) = ctx.parts()?;
    if prog == "ip" && p.is_json() {
        let oneline = p.oneline();
        let mut text = Printer::new(p.inner(), false, false, false, oneline);
        return rounds(nl, &mut text, opts, links, f);
    }
    p.begin()?;
    rounds(nl, p, opts, links, f)
}

fn rounds<W: Write>(nl: &mut Netlink, p: &mut Printer<W>, opts: &Options, links: &Links, mut f: Filter) -> Result<()> {
    let mut doomed = Doomed { buf: Vec::with_capacity(FLUSH_BUFFER), count: 0, side: None };
    let mut warned = false;
    let mut round: i32 = 0;
    // ip's lines after each round (plain printf: text in both modes).
    let say = |p: &mut Printer<W>, line: &str| -> Result<()> {
        if !p.is_json() {
            p.text_always(line)?;
            p.flush()?;
        }
        Ok(())
    };
    while round < MAX_ROUNDS {
        let view = View { opts, links, one_dev: f.index != 0 };
        let request = f.dump_request();
        doomed.count = 0;
        let end = nl.dump_out(Outgoing::Raw { kind: RTM_GETNEIGH, body: &request }, |m| {
            let Some(n) = Neigh::from_nlmsg(m) else { return Ok(()) };
            if n.msg_type != RTM_NEWNEIGH || !f.accepts_header(&n) {
                return Ok(());
            }
            if let Some(w) = master_warning(&f, &n, &mut warned) {
                p.text_always(w)?;
            }
            if !f.accepts(&n) {
                return Ok(());
            }
            doomed.push(m)?;
            if opts.stats >= 2 {
                print_neigh(p, &view, &n)?;
            }
            Ok(())
        })?;
        if let Err(e) = end {
            return Err(dump_failed(e, "Flush terminated"));
        }
        if doomed.count == 0 {
            if p.is_json() {
                p.flush()?;
                return Ok(());
            }
            return crate::objects::address::flush::done(p, opts.stats, round);
        }
        round += 1;
        doomed.send()?;
        if opts.stats > 0 {
            say(p, &format!("\n*** Round {round}, deleting {} entries ***\n", doomed.count))?;
        }
        f.state &= !u32::from(NUD_FAILED);
    }
    say(p, &format!("*** Flush not complete bailing out after {MAX_ROUNDS} rounds\n"))?;
    Err(Error::Exit(255))
}
