//! `netns set NAME NSID|auto` and `netns list-id [target-nsid N] [nsid N]`:
//! the ids by which this namespace knows its peers (RTM_NEWNSID,
//! RTM_GETNSID), printed as iproute2's `print_nsid` prints them, with the
//! /run/netns name of each id where there is one.

use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;

use crate::cli::bytes::word;
use crate::error::{duparg, invarg, Error, Result, Topic};
use crate::netlink::attr::{AttrWriter, Attrs};
use crate::netlink::errno::strerror;
use crate::netlink::netns::{path_of, NETNS_RUN_DIR};
use crate::netlink::request::{read_header, HEADER_LEN};
use crate::netlink::{Netlink, Outgoing};
use crate::print::Out;
use crate::Context;

const RTM_NEWNSID: u16 = 88;
const RTM_DELNSID: u16 = 89;
const RTM_GETNSID: u16 = 90;
const NETNSA_NSID: u16 = 1;
const NETNSA_FD: u16 = 3;
const NETNSA_TARGET_NSID: u16 = 4;
const NETNSA_CURRENT_NSID: u16 = 5;

/// A `struct rtgenmsg` (AF_UNSPEC, padded) and `attrs`.
fn body(attrs: AttrWriter) -> Result<Vec<u8>> {
    let mut b = vec![0u8; 4];
    b.extend_from_slice(&attrs.finish()?);
    Ok(b)
}

/// `netns set NAME NSID|auto`: give namespace NAME that id here (auto:
/// the kernel picks one).
pub fn set(ctx: &mut Context, args: &[String]) -> Result<()> {
    super::check_name(ctx, args)?;
    let name = args.first().ok_or_else(|| Error::Failure("No netns name specified".into()))?;
    let value = args.get(1).ok_or_else(|| Error::Failure("No nsid specified".into()))?;
    let nsid = match value.as_str() {
        "auto" => -1,
        v => match crate::parse::get_integer(v, 0) {
            None => return Err(invarg("Invalid \"netnsid\" value", v)),
            Some(n) if n < 0 => return Err(invarg("\"netnsid\" value should be >= 0", v)),
            Some(n) => n,
        },
    };
    let file = std::fs::File::open(path_of(name)).map_err(|e| {
        Error::Failure(format!("Cannot open network namespace \"{name}\": {}", strerror(e.raw_os_error().unwrap_or(0))))
    })?;
    let mut w = AttrWriter::new();
    w.u32(NETNSA_FD, file.as_raw_fd() as u32).u32(NETNSA_NSID, nsid as u32);
    let body = body(w)?;
    ctx.nl()?.request_out(Outgoing::Raw { kind: RTM_NEWNSID, body: &body }, 0)?;
    drop(file);
    Ok(())
}

/// The id this namespace has for the namespace of file `name` in
/// /run/netns (`get_netnsid_from_name`), if it has one.
pub fn nsid_of_name(nl: &mut Netlink, name: &[u8]) -> Option<i32> {
    let mut path = format!("{NETNS_RUN_DIR}/").into_bytes();
    path.extend_from_slice(name);
    let file = std::fs::File::open(std::ffi::OsStr::from_bytes(&path)).ok()?;
    let mut w = AttrWriter::new();
    w.u32(NETNSA_FD, file.as_raw_fd() as u32);
    let body = body(w).ok()?;
    nl.query_raw(Outgoing::Raw { kind: RTM_GETNSID, body: &body }, 0, |m| {
        Attrs::new(m.get(HEADER_LEN + 4..)?).u32(NETNSA_NSID).map(|v| v as i32)
    })
    .ok()
    .flatten()
    .filter(|id| *id >= 0)
}

/// The names of /run/netns and their ids, in directory order
/// (`netns_map_init`: the first name of an id is kept).
struct Names(Vec<(i32, Vec<u8>)>);

impl Names {
    fn read(nl: &mut Netlink) -> Names {
        let mut v: Vec<(i32, Vec<u8>)> = Vec::new();
        for entry in std::fs::read_dir(NETNS_RUN_DIR).into_iter().flatten().flatten() {
            let name = entry.file_name().as_bytes().to_vec();
            if let Some(id) = nsid_of_name(nl, &name) {
                if !v.iter().any(|(i, _)| *i == id) {
                    v.push((id, name));
                }
            }
        }
        Names(v)
    }

    /// The name of `id`, taken out of the map (as `print_nsid` does).
    fn take(&mut self, id: i32) -> Option<Vec<u8>> {
        let at = self.0.iter().position(|(i, _)| *i == id && id >= 0)?;
        Some(self.0.remove(at).1)
    }

    /// `netns_get_name`: the first name in /run/netns with id `id`, kept.
    fn find(&mut self, nl: &mut Netlink, id: i32) -> Option<Vec<u8>> {
        if id < 0 {
            return None;
        }
        for entry in std::fs::read_dir(NETNS_RUN_DIR).ok()?.flatten() {
            let name = entry.file_name().as_bytes().to_vec();
            if nsid_of_name(nl, &name) == Some(id) {
                if !self.0.iter().any(|(i, _)| *i == id) {
                    self.0.push((id, name.clone()));
                }
                return Some(name);
            }
        }
        None
    }
}

/// One RTM_NEWNSID/RTM_DELNSID message (`print_nsid`).
fn print_nsid(p: &mut crate::print::Printer<crate::Out>, nl: &mut Netlink, names: &mut Names, msg: &[u8]) -> std::io::Result<()> {
    let Some(h) = read_header(msg) else { return Ok(()) };
    if h.kind != RTM_NEWNSID && h.kind != RTM_DELNSID {
        return Ok(());
    }
    let attrs = Attrs::new(msg.get(HEADER_LEN + 4..).unwrap_or_default());
    let Some(nsid) = attrs.u32(NETNSA_NSID).map(|v| v as i32) else {
        crate::netlink::pipeline::say("BUG: NETNSA_NSID is missing print_nsid");
        return Ok(());
    };
    p.open_object(None)?;
    if h.kind == RTM_DELNSID {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    }
    if nsid < 0 {
        p.text("nsid unassigned ")?;
    } else {
        p.num("nsid", "nsid {} ", nsid)?;
    }
    let current = attrs.u32(NETNSA_CURRENT_NSID).map(|v| v as i32);
    match current {
        Some(c) if c < 0 => p.text("current-nsid unassigned ")?,
        Some(c) => p.num("current-nsid", "current-nsid {} ", c)?,
        None => {}
    }
    let mut name = names.take(current.unwrap_or(nsid));
    if name.is_none() && h.kind == RTM_NEWNSID {
        name = names.find(nl, nsid);
    }
    if let Some(name) = name {
        p.str("name", "(iproute2 netns name: {})", &word(&name))?;
    }
    p.text("\n")?;
    p.close_object()?;
    p.flush()
}

/// `netns list-id [target-nsid N] [nsid N]`.
pub fn list_id(ctx: &mut Context, args: &[String]) -> Result<()> {
    super::check_name(ctx, args)?;
    let mut target: i32 = -1;
    let mut nsid: i32 = -1;
    let mut i = 0;
    while i < args.len() {
        let key = args[i].as_str();
        let slot = match key {
            "target-nsid" => &mut target,
            "nsid" => &mut nsid,
            _ => return Err(Error::synopsis(Topic::Current)),
        };
        if *slot >= 0 {
            return Err(duparg(key, key));
        }
        i += 1;
        let value = args.get(i).ok_or_else(crate::error::incomplete)?;
        match crate::parse::get_integer(value, 0) {
            None => return Err(invarg(&format!("\"{key}\" value is invalid"), value)),
            // iproute2 names the word after the value here ("(null)" at the end).
            Some(n) if n < 0 => return Err(invarg(&format!("\"{key}\" value should be >= 0"), args.get(i + 1).map_or("(null)", String::as_str))),
            Some(n) => *slot = n,
        }
        i += 1;
    }
    let (nl, p, _, _) = ctx.parts()?;
    let mut names = Names::read(nl);
    let mut w = AttrWriter::new();
    if nsid >= 0 {
        w.u32(NETNSA_NSID, nsid as u32);
        if target >= 0 {
            w.u32(NETNSA_TARGET_NSID, target as u32);
        }
        let body = body(w)?;
        let reply = nl.query_raw(Outgoing::Raw { kind: RTM_GETNSID, body: &body }, 0, <[u8]>::to_vec).map_err(|e| Error::Kernel(e.message()))?;
        p.begin()?;
        print_nsid(p, nl, &mut names, &reply)?;
        return Ok(());
    }
    if target >= 0 {
        w.u32(NETNSA_TARGET_NSID, target as u32);
    }
    let body = body(w)?;
    p.begin()?;
    // The messages are printed once the dump is read: printing asks the
    // kernel for names, which a dump in progress on this socket cannot.
    let mut kept: Vec<Vec<u8>> = Vec::new();
    let end = nl.dump_out(Outgoing::Raw { kind: RTM_GETNSID, body: &body }, |m| {
        kept.push(m.to_vec());
        Ok(())
    })?;
    if let Err(e) = end {
        p.abandon()?;
        return Err(Error::Fatal(format!("{}\nDump terminated", e.message())));
    }
    for m in &kept {
        print_nsid(p, nl, &mut names, m)?;
    }
    Ok(())
}
