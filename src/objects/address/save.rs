//! `address save`, `address restore`, `address showdump`: iproute2's
//! binary address dumps (`netlink/savefile.rs`; ipaddress.c's
//! `ipaddr_list_flush_or_save` with IPADD_SAVE, `ipaddr_restore`,
//! `ipaddr_showdump`). Every message is handled as it is read.

use netlink_packet_core::NLM_F_CREATE;

use crate::cli::bytes::bytes;
use crate::error::{Error, Result, Topic};
use crate::netlink::addr::{dump_request, AddrMsg, RTM_DELADDR, RTM_GETADDR, RTM_NEWADDR};
use crate::netlink::request::{read_header, HEADER_LEN};
use crate::netlink::savefile::{open_stdin, position, Messages, Stdin, ADDR_MAGIC};
use crate::netlink::Outgoing;
use crate::print::Out;
use crate::Context;

use super::filter;
use super::print::{print_addr, Addr, Style};

/// `address save [dev DEV]`: every address of the family (of the device,
/// when one is named; the other selectors are read and, as by iproute2,
/// not applied), as the kernel sent them, after the magic.
pub fn save(ctx: &mut Context, args: &[String]) -> Result<()> {
    let family = ctx.opts.family;
    let (nl, p, _, links) = ctx.parts()?;
    let f = filter::parse(args, family, nl, links, || Error::help(Topic::Current))?;
    let mut index = 0;
    if let Some(dev) = &f.dev {
        index = links.index(nl, &bytes(dev));
        if index == 0 {
            return Err(Error::Failure(format!("Device \"{dev}\" does not exist.")));
        }
    }
    if crate::print::sink::is_terminal() {
        return Err(Error::Fatal("Not sending a binary stream to stdout".into()));
    }
    p.raw(&ADDR_MAGIC.to_ne_bytes())?;
    let body = dump_request(family.af(), index);
    let end = nl.dump_out(Outgoing::Raw { kind: RTM_GETADDR, body: &body }, |m| {
        let len = read_header(m).map_or(m.len(), |h| h.len.min(m.len()));
        p.raw(&m[..len])?;
        Ok(())
    })?;
    end.map(|_| ()).map_err(|e| Error::Fatal(format!("{}\nSave terminated", e.message())))
}

/// Standard input after the magic; iproute2's refusals exit 255.
fn open_dump(stdin: &Stdin) -> Result<std::io::BufReader<&std::fs::File>> {
    open_stdin(stdin, "address", ADDR_MAGIC).map_err(Error::Usage)
}

/// `address restore`: each message of the file sent back as saved, with
/// NLM_F_CREATE; an address the kernel already has is said and skipped,
/// any other refusal ends the restore (exit 255, as ip's `exit(-1)`).
pub fn restore(ctx: &mut Context, _args: &[String]) -> Result<()> {
    let stdin = Stdin::new();
    let mut r = open_dump(&stdin)?;
    let pos = position(&mut r);
    let nl = ctx.nl()?;
    let mut messages = Messages::new(r, pos);
    while let Some(msg) = messages.next().map_err(Error::Usage)? {
        let Some(h) = read_header(msg) else { continue };
        let out = Outgoing::Raw { kind: h.kind, body: &msg[HEADER_LEN..] };
        if let Err(e) = nl.request_out(out, h.flags | NLM_F_CREATE) {
            if e.errno != libc::EEXIST {
                return Err(Error::Usage(e.message()));
            }
            crate::netlink::pipeline::say(e.message());
        }
    }
    Ok(())
}

/// `address showdump`: each address of the file under `ifN:` (its
/// interface index), as `address show` prints an address, in one JSON
/// list `addr_info` with `-j`; iproute2's filter as nothing set it.
pub fn showdump(ctx: &mut Context, _args: &[String]) -> Result<()> {
    let stdin = Stdin::new();
    let mut r = open_dump(&stdin)?;
    let pos = position(&mut r);
    let (_, p, opts, links) = ctx.parts()?;
    let style = Style { opts, with_dev: false, links };
    p.begin()?;
    p.open_object(None)?;
    p.open_array(Out::Json, Some("addr_info"), "")?;
    let mut messages = Messages::new(r, pos);
    let outcome = loop {
        let msg = match messages.next() {
            Ok(Some(msg)) => msg,
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        };
        let body = &msg[HEADER_LEN..];
        let index = body.get(4..8).map_or(0, |b| i32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
        p.open_object(None)?;
        p.num("index", "if{}:", index)?;
        p.nl()?;
        match AddrMsg::from_nlmsg(msg) {
            Some(m) if m.msg_type == RTM_NEWADDR || m.msg_type == RTM_DELADDR => {
                let deleted = m.msg_type == RTM_DELADDR;
                print_addr(p, &Addr::of(m), deleted, &style)?;
            }
            Some(_) => {}
            None if read_header(msg).is_some_and(|h| h.kind == RTM_NEWADDR || h.kind == RTM_DELADDR) => {
                crate::netlink::pipeline::say(format!("BUG: wrong nlmsg len {}", body.len() as i64 - 8));
            }
            None => {}
        }
        p.close_object()?;
    };
    p.close_array(Out::Json, "")?;
    p.close_object()?;
    outcome.map_err(|e| {
        let _ = p.end();
        Error::Usage(e)
    })
}
