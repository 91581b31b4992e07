//! `rule add` and `rule delete` (iproute2's `iprule_modify`): the words
//! become a fib_rule_hdr and FRA_* attributes (written with `AttrWriter`).

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL};

use super::grammar::RULE;
use super::list::{fwmark, port_range, uid_range};
use super::msg::*;
use super::print::{print_rule, View};
use crate::cli::bytes::bytes;
use crate::cli::words::{lookup, matches, Words};
use crate::error::{invarg, Error, Result, Topic};
use crate::names::links::valid_ifname;
use crate::names::tables::{dsfield_id, group_id, protocol_id, realms, route_type_id, table_id, RT_TABLE_MAIN};
use crate::netlink::attr::AttrWriter;
use crate::netlink::request::Echo;
use crate::netlink::Outgoing;
use crate::objects::route::get::{ip_protocol, prefix_bytes};
use crate::parse::{get_integer, get_prefix, get_u32, get_u64};
use crate::Context;

pub fn add(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, RTM_NEWRULE)
}

pub fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, RTM_DELRULE)
}

/// The request being built: `struct fib_rule_hdr`'s fields, the attributes.
struct Request {
    family: u8,
    dst_len: u8,
    src_len: u8,
    tos: u8,
    table: u8,
    action: u8,
    flags: u32,
    attrs: AttrWriter,
}

impl Request {
    fn body(self) -> Result<Vec<u8>> {
        let attrs = self.attrs.finish()?;
        let mut b = vec![self.family, self.dst_len, self.src_len, self.tos, self.table, 0, 0, self.action];
        b.extend_from_slice(&self.flags.to_ne_bytes());
        b.extend_from_slice(&attrs);
        Ok(b)
    }
}

/// `get_addr32`: an IPv4 address, or iproute2's message (exit 1).
fn addr32(word: &str) -> Result<[u8; 4]> {
    match crate::parse::get_addr_1(word, crate::cli::options::Family::Inet) {
        Some(crate::parse::Addr::Ip(std::net::IpAddr::V4(a))) => Ok(a.octets()),
        Some(_) => Ok([0; 4]),
        None => Err(Error::Fatal(format!("Error: an IP address is expected rather than \"{word}\""))),
    }
}

fn modify(ctx: &mut Context, args: &[String], cmd: u16) -> Result<()> {
    let prog = ctx.prog;
    let mut req = Request { family: ctx.opts.family.af(), dst_len: 0, src_len: 0, tos: 0, table: 0, action: FR_ACT_UNSPEC, flags: 0, attrs: AttrWriter::new() };
    let mut nlflags = 0;
    if cmd == RTM_NEWRULE {
        if args.is_empty() {
            return Err(Error::Failure(format!("\"{prog} rule add\" requires arguments.")));
        }
        nlflags |= NLM_F_CREATE | NLM_F_EXCL;
        req.action = FR_ACT_TO_TBL;
    }
    if cmd == RTM_DELRULE && args.is_empty() {
        return Err(Error::Failure(format!("\"{prog} rule del\" requires arguments.")));
    }
    let mut table_ok = false;
    let mut l3mdev = false;
    let mut tid: u32 = 0;
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let key = lookup(word, RULE).and_then(|k| k.names.first()).map_or("", |n| n.text);
        match key {
            "not" => req.flags |= FIB_RULE_INVERT,
            "from" | "to" => {
                let v = w.value()?;
                let prefix = get_prefix(v, ctx.opts.family)?;
                let (_, data) = prefix_bytes(&prefix);
                if key == "from" {
                    req.src_len = prefix.len;
                    req.attrs.put(FRA_SRC, &data);
                } else {
                    req.dst_len = prefix.len;
                    req.attrs.put(FRA_DST, &data);
                }
            }
            "preference" => {
                let v = w.value()?;
                let pref = get_u32(v, 0).ok_or_else(|| invarg("preference value is invalid\n", v))?;
                req.attrs.u32(FRA_PRIORITY, pref);
            }
            "tos" => {
                let v = w.value()?;
                req.tos = dsfield_id(v).ok_or_else(|| invarg("TOS value is invalid\n", v))?;
            }
            "fwmark" => {
                let (mark, mask) = fwmark(w.value()?)?;
                req.attrs.u32(FRA_FWMARK, mark);
                if let Some(mask) = mask {
                    req.attrs.u32(FRA_FWMASK, mask);
                }
            }
            "realms" => {
                let v = w.value()?;
                req.attrs.u32(FRA_FLOW, realms(v).ok_or_else(|| invarg("invalid realms\n", v))?);
            }
            "protocol" => {
                let v = w.value()?;
                req.attrs.u8(FRA_PROTOCOL, protocol_id(v).ok_or_else(|| invarg("\"protocol\" value is invalid\n", v))?);
            }
            "tun_id" => {
                let v = w.value()?;
                req.attrs.be64(FRA_TUN_ID, get_u64(v, 0).ok_or_else(|| invarg("\"tun_id\" value is invalid\n", v))?);
            }
            "table" => {
                let v = w.value()?;
                tid = table_id(v).ok_or_else(|| invarg("invalid table ID\n", v))?;
                if tid < 256 {
                    req.table = tid as u8;
                } else {
                    req.table = 0;
                    req.attrs.u32(FRA_TABLE, tid);
                }
                table_ok = true;
            }
            "suppress_prefixlength" => {
                let v = w.value()?;
                let pl = get_integer(v, 0).filter(|pl| *pl >= 0).ok_or_else(|| invarg("suppress_prefixlength value is invalid\n", v))?;
                req.attrs.u32(FRA_SUPPRESS_PREFIXLEN, pl as u32);
            }
            "suppress_ifgroup" => {
                let v = w.value()?;
                let group = group_id(v).ok_or_else(|| invarg("Invalid \"suppress_ifgroup\" value\n", v))?;
                req.attrs.u32(FRA_SUPPRESS_IFGROUP, group as u32);
            }
            "dev" | "oif" => {
                let v = w.value()?;
                if !valid_ifname(v) {
                    let what = if key == "dev" { "\"iif\"/\"dev\" not a valid ifname" } else { "\"oif\" not a valid ifname" };
                    return Err(invarg(what, v));
                }
                req.attrs.str_z(if key == "dev" { FRA_IIFNAME } else { FRA_OIFNAME }, &bytes(v));
            }
            "l3mdev" => {
                req.attrs.u8(FRA_L3MDEV, 1);
                table_ok = true;
                l3mdev = true;
            }
            "uidrange" => {
                let (start, end) = uid_range(w.value()?)?;
                let mut r = start.to_ne_bytes().to_vec();
                r.extend_from_slice(&end.to_ne_bytes());
                req.attrs.put(FRA_UID_RANGE, &r);
            }
            "nat" => {
                let v = w.value()?;
                crate::netlink::pipeline::say("Warning: route NAT is deprecated".to_string());
                req.attrs.put(RTA_GATEWAY, &addr32(v)?);
                req.action = RTN_NAT;
            }
            "ipproto" => {
                let v = w.value()?;
                req.attrs.u8(FRA_IP_PROTO, ip_protocol(v).ok_or_else(|| invarg("Invalid \"ipproto\" value\n", v))?);
            }
            "sport" | "dport" => {
                let what = if key == "sport" { "invalid port range\n" } else { "invalid dport range\n" };
                let (start, end) = port_range(w.value()?, what)?;
                let mut r = start.to_ne_bytes().to_vec();
                r.extend_from_slice(&end.to_ne_bytes());
                req.attrs.put(if key == "sport" { FRA_SPORT_RANGE } else { FRA_DPORT_RANGE }, &r);
            }
            _ => {
                // The rule's type, after `type` or alone.
                let t = if key == "type" { w.value()? } else { word };
                req.action = if matches(t, "help") {
                    return Err(Error::help(Topic::Current));
                } else if matches(t, "goto") {
                    let v = w.value()?;
                    req.attrs.u32(FRA_GOTO, get_u32(v, 0).ok_or_else(|| invarg("invalid target\n", v))?);
                    FR_ACT_GOTO
                } else if matches(t, "nop") {
                    FR_ACT_NOP
                } else {
                    route_type_id(t).ok_or_else(|| invarg("Failed to parse rule type", t))?
                };
                table_ok = true;
            }
        }
    }
    if l3mdev && tid != 0 {
        crate::netlink::pipeline::say("table can not be specified for l3mdev rules".to_string());
        return Err(Error::Exit(libc::EINVAL));
    }
    if req.family == libc::AF_UNSPEC as u8 {
        req.family = libc::AF_INET as u8;
    }
    if !table_ok && cmd == RTM_NEWRULE {
        req.table = RT_TABLE_MAIN as u8;
    }
    let echo = ctx.opts.echo;
    let body = req.body()?;
    let msg = Outgoing::Raw { kind: cmd, body: &body };
    let nl = ctx.nl()?;
    if !echo {
        return nl.submit_out(msg, nlflags).map_err(Error::from);
    }
    // `-echo`: the kernel sends the rule back as it made (or removed) it.
    let reply = nl
        .echo_raw(msg, nlflags, |e| match e {
            Echo::Message(m) => Some(m.to_vec()),
            Echo::Ack(_) => None,
        })
        .map_err(Error::from)?;
    let (_, p, opts, _) = ctx.parts()?;
    p.begin()?;
    // iproute2 opens an object around the one `print_rule` opens (`-j`:
    // `[{{…}}]`, which no JSON reader takes); as rtun, only the rule's.
    let ip = prog == "ip";
    if ip {
        p.open_object(None)?;
    }
    if let Some(rule) = reply.as_deref().and_then(Rule::from_nlmsg) {
        print_rule(p, &View { opts }, &rule)?;
    }
    if ip {
        p.close_object()?;
    }
    Ok(())
}
