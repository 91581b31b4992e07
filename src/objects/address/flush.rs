//! `address flush`: rounds of "dump the selected addresses, delete them"
//! until a round finds none (iproute2's `ipaddr_flush`).

use std::io::Write;

use super::filter::Filter;
use super::flags;
use super::print::{print_addr, Addr, Style};
use crate::error::{Error, Result};
use crate::netlink::addr::{self as addrmsg, AddrMsg, RTM_DELADDR, RTM_GETADDR, RTM_NEWADDR};
use crate::netlink::errno::strerror;
use crate::netlink::request::HEADER_LEN;
use crate::netlink::Outgoing;
use crate::Context;

pub fn run(ctx: &mut Context, filter: &Filter) -> Result<()> {
    let (nl, p, opts, links) = ctx.parts()?;
    let max_rounds = opts.loops;
    let style = Style { opts, with_dev: true, links };
    let request = addrmsg::dump_request(filter.family.af(), filter.ifindex);
    let mut round = 0;
    loop {
        if max_rounds != 0 && round >= max_rounds {
            break;
        }
        // The deletions are sent once the dump is over, as iproute2 sends
        // its buffered requests; each is a copy of the dumped message
        // (bytes and all: a label need not be UTF-8).
        let mut doomed: Vec<u8> = Vec::new();
        let end = nl.dump_out(Outgoing::Raw { kind: RTM_GETADDR, body: &request }, |m| {
            match AddrMsg::from_nlmsg(m) {
                Some(msg) if msg.msg_type == RTM_NEWADDR => {
                    let a = Addr::of(msg);
                    if a.selected(filter, links) {
                        if opts.stats >= 2 {
                            print_addr(p, &a, false, &style)?;
                        }
                        doomed.extend_from_slice(m);
                        doomed.resize(crate::netlink::attr::align(doomed.len()), 0);
                    }
                }
                Some(_) => {}
                None => super::list::unreadable("address", m),
            }
            Ok(())
        });
        match end {
            Ok(Ok(_)) => {}
            Ok(Err(_)) | Err(Error::Kernel(_)) => return Err(Error::Fatal("Flush terminated".into())),
            Err(other) => return Err(other),
        }
        if doomed.is_empty() {
            return done(p, opts.stats, round);
        }
        round += 1;
        let count = addrmsg::messages(&doomed).count();
        for msg in addrmsg::messages(&doomed) {
            let body = &msg[HEADER_LEN..];
            if let Err(e) = nl.request_out(Outgoing::Raw { kind: RTM_DELADDR, body }, 0) {
                // A primary's secondaries may already be gone with it.
                if e.errno != libc::EADDRNOTAVAIL {
                    p.flush()?;
                    eprintln!("Failed to send flush request: {}", strerror(e.errno));
                    return Err(Error::Exit(255));
                }
            }
        }
        if opts.stats > 0 {
            p.text_always(&format!("\n*** Round {round}, deleting {count} addresses ***\n"))?;
            p.flush()?;
        }
        // Flushing primaries only: one round, or promoted secondaries would go too.
        if filter.flags & flags::SECONDARY == 0 && filter.flagmask & flags::SECONDARY != 0 {
            return done(p, opts.stats, round);
        }
    }
    p.flush()?;
    eprintln!("*** Flush remains incomplete after {max_rounds} rounds. ***");
    Err(Error::Exit(255))
}

/// ip's last line of a flush with `-s` (`Nothing to flush.`, or the rounds
/// it took); address and neighbour flushes word it alike.
pub fn done<W: Write>(p: &mut crate::print::Printer<W>, stats: u32, round: i32) -> Result<()> {
    if stats > 0 {
        if round == 0 {
            p.text_always("Nothing to flush.\n")?;
        } else {
            let s = if round > 1 { "s" } else { "" };
            p.text_always(&format!("*** Flush is complete after {round} round{s} ***\n"))?;
        }
    }
    p.flush()?;
    Ok(())
}
