//! `nexthop bucket list|get` (`do_ipnh_bucket`): the buckets of resilient
//! groups, by RTM_GETNEXTHOPBUCKET (a dump, or one bucket).

use std::io::Write;

use crate::cli::words::matches;
use crate::error::{incomplete, invarg, Error, Result};
use crate::netlink::attr::{u16_of, u32_of, u64_of, AttrWriter};
use crate::netlink::Outgoing;
use crate::objects::route::dump_failed;
use crate::objects::route::print::{fmt_g, print_flags};
use crate::print::Printer;
use crate::Context;

use super::list::{device, vrf};
use super::msg::Nexthop;
use super::*;

/// `bucket [list|get …]`.
pub fn bucket(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else { return list(ctx, args) };
    let rest = &args[1..];
    if matches(word, "list") || matches(word, "show") || matches(word, "lst") {
        list(ctx, rest)
    } else if matches(word, "get") {
        get(ctx, rest)
    } else if matches(word, "help") {
        Err(help())
    } else {
        Err(Error::Usage(format!("Command \"{word}\" is unknown, try \"{} nexthop help\".", ctx.prog)))
    }
}

/// `ipnh_bucket_list`.
fn list(ctx: &mut Context, args: &[String]) -> Result<()> {
    let prog = ctx.prog;
    with_state(prog, |st| list_with(ctx, args, st))
}

fn list_with(ctx: &mut Context, args: &[String], st: &mut State) -> Result<()> {
    let State { filter: f, id, nhid, .. } = st;
    let nl = ctx.nl()?;
    let mut words = args.iter();
    while let Some(w) = words.next() {
        let mut value = || words.next().map(String::as_str).ok_or_else(incomplete);
        if matches(w, "dev") {
            f.ifindex = device(nl, value()?, "Device does not exist\n")?;
        } else if matches(w, "master") {
            f.master = device(nl, value()?, "Device does not exist\n")?;
        } else if matches(w, "vrf") {
            f.master = vrf(nl, value()?)?;
        } else if w == "id" {
            *id = parse_id(value()?)?;
        } else if w == "nhid" {
            *nhid = parse_id(value()?)?;
        } else if matches(w, "help") {
            return Err(help());
        } else {
            return Err(invarg("", w));
        }
    }
    let mut w = AttrWriter::new();
    f.write(&mut w);
    if *id != 0 {
        w.u32(NHA_ID, *id);
    }
    if *nhid != 0 {
        let nhid = *nhid;
        w.nest_with(NHA_RES_BUCKET, true, |n| {
            n.u32(NHA_RES_BUCKET_NH_ID, nhid);
        });
    }
    let body = body(ctx.opts.family.af(), 0, 0, &w.finish()?);
    let (nl, p, _, _) = ctx.parts()?;
    p.begin()?;
    let outcome = nl.dump_out(Outgoing::Raw { kind: RTM_GETNEXTHOPBUCKET, body: &body }, |msg| {
        print_bucket(p, msg)
    })?;
    match outcome {
        Ok(_) => Ok(p.end()?),
        Err(e) => {
            p.abandon()?;
            Err(dump_failed(e, "Dump terminated"))
        }
    }
}

/// `ipnh_bucket_get`: `get id ID index INDEX`.
fn get(ctx: &mut Context, args: &[String]) -> Result<()> {
    let (mut id, mut index) = (0, None);
    let mut words = args.iter();
    while let Some(w) = words.next() {
        match w.as_str() {
            "id" => id = parse_id(words.next().ok_or_else(incomplete)?)?,
            "index" => {
                let v = words.next().ok_or_else(incomplete)?;
                index = Some(crate::parse::get_u16(v, 0).ok_or_else(|| invarg("invalid bucket index value", v))?);
            }
            _ => return Err(help()),
        }
    }
    let (Some(index), true) = (index, id != 0) else { return Err(help()) };
    let mut w = AttrWriter::new();
    w.u32(NHA_ID, id);
    w.nest_with(NHA_RES_BUCKET, true, |n| {
        n.u16(NHA_RES_BUCKET_INDEX, index);
    });
    let body = body(ctx.opts.family.af(), 0, 0, &w.finish()?);
    let (nl, p, _, _) = ctx.parts()?;
    let reply = nl.query_raw(Outgoing::Raw { kind: RTM_GETNEXTHOPBUCKET, body: &body }, 0, <[u8]>::to_vec)?;
    p.begin()?;
    print_bucket(p, &reply)?;
    Ok(p.end()?)
}

/// `print_nexthop_bucket`: one bucket, a line of text or a JSON object.
fn print_bucket<W: Write>(p: &mut Printer<W>, msg: &[u8]) -> Result<()> {
    let Some(nh) = Nexthop::from_nlmsg(msg) else { return Ok(()) };
    if nh.kind != RTM_NEWNEXTHOPBUCKET && nh.kind != RTM_DELNEXTHOPBUCKET {
        let len = msg.get(..4).and_then(u32_of).unwrap_or(0);
        let flags = msg.get(6..8).and_then(u16_of).unwrap_or(0);
        return Err(Error::Failure(format!("Not a nexthop bucket: {len:08x} {:08x} {flags:08x}", nh.kind)));
    }
    p.open_object(None)?;
    if let Some(id) = nh.attrs.u32(NHA_ID) {
        p.num("id", "id {} ", id)?;
    }
    if let Some(b) = nh.attrs.nested(NHA_RES_BUCKET) {
        p.open_object(Some("bucket"))?;
        if let Some(i) = b.get(NHA_RES_BUCKET_INDEX).and_then(u16_of) {
            p.num("index", "index {} ", i)?;
        }
        if let Some(t) = b.get(NHA_RES_BUCKET_IDLE_TIME).and_then(u64_of) {
            p.num("idle_time", "idle_time {} ", fmt_g(t as f64 / 100.0))?;
        }
        if let Some(n) = b.get(NHA_RES_BUCKET_NH_ID).and_then(u32_of) {
            p.num("nhid", "nhid {} ", n)?;
        }
        p.close_object()?;
    }
    print_flags(p, nh.flags)?;
    p.text("\n")?;
    p.close_object()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An RTM_NEWNEXTHOPBUCKET as the kernel sends it for bucket 2 of
    /// group 6, idle for 0.26 s, holding nexthop 5.
    fn message() -> Vec<u8> {
        let mut w = AttrWriter::new();
        w.u32(NHA_ID, 6);
        w.nest_with(NHA_RES_BUCKET, true, |n| {
            n.u16(NHA_RES_BUCKET_INDEX, 2);
            n.u64(NHA_RES_BUCKET_IDLE_TIME, 26);
            n.u32(NHA_RES_BUCKET_NH_ID, 5);
        });
        let payload = body(0, 0, 0, &w.finish().unwrap());
        let mut m = Vec::new();
        m.extend_from_slice(&(16 + payload.len() as u32).to_ne_bytes());
        m.extend_from_slice(&RTM_NEWNEXTHOPBUCKET.to_ne_bytes());
        m.extend_from_slice(&[0; 10]);
        m.extend_from_slice(&payload);
        m
    }

    fn printed(json: bool) -> String {
        let mut p = Printer::new(Vec::new(), json, false, false, false);
        print_bucket(&mut p, &message()).unwrap();
        String::from_utf8(p.into_inner()).unwrap()
    }

    #[test]
    fn a_bucket_as_iproute2_prints_it() {
        assert_eq!(printed(false), "id 6 index 2 idle_time 0.26 nhid 5 \n");
        assert_eq!(printed(true), r#"{"id":6,"bucket":{"index":2,"idle_time":0.26,"nhid":5},"flags":[]}"#);
    }
}
