//! `address flush`: rounds of "dump the selected addresses, delete them"
//! until a round finds none (iproute2's `ipaddr_flush`).

use std::io::Write;

use netlink_packet_route::address::AddressMessage;
use netlink_packet_route::RouteNetlinkMessage;

use super::filter::Filter;
use super::flags;
use super::list::address_dump_request;
use super::print::{print_addr, Addr, Style};
use crate::error::{Error, Result};
use crate::netlink::errno::strerror;
use crate::objects::link::show::LinkTable;
use crate::Context;

pub fn run(ctx: &mut Context, filter: &Filter, table: &LinkTable) -> Result<()> {
    let (nl, p, opts, _) = ctx.parts()?;
    let max_rounds = opts.loops;
    let style = Style { opts, with_dev: true, table };
    let mut round = 0;
    loop {
        if max_rounds != 0 && round >= max_rounds {
            break;
        }
        // The deletions are sent once the dump is over, as iproute2 sends
        // its buffered requests; each is a copy of the dumped message.
        let mut doomed: Vec<AddressMessage> = Vec::new();
        nl.dump(RouteNetlinkMessage::GetAddress(address_dump_request(filter)), |m| {
            if let RouteNetlinkMessage::NewAddress(msg) = m {
                let a = Addr::of(&msg);
                if a.selected(filter, table) {
                    if opts.stats >= 2 {
                        print_addr(p, &a, false, &style)?;
                    }
                    doomed.push(msg);
                }
            }
            Ok(())
        })
        .map_err(|e| match e {
            Error::Kernel(_) => Error::Fatal("Flush terminated".into()),
            other => other,
        })?;
        if doomed.is_empty() {
            return done(p, opts.stats, round);
        }
        round += 1;
        let count = doomed.len();
        for msg in doomed {
            if let Err(e) = nl.request(RouteNetlinkMessage::DelAddress(msg), 0) {
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

fn done<W: Write>(p: &mut crate::print::Printer<W>, stats: u32, round: i32) -> Result<()> {
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
