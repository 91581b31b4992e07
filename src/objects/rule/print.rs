//! One rule, as iproute2's `print_rule` prints it (text or JSON, through
//! the one printer). Names come from the message itself (`iif`/`oif` are
//! names in the rule) and from the name tables.

use std::io;

use super::msg::*;
use crate::cli::options::Options;
use crate::names::tables::{dsfield_name, group_name, protocol_name, realm_name, route_type_name, table_name, NumBuf};
use crate::print::addr::AddrBuf;
use crate::print::{Color, Out, Printer};

/// What printing needs besides the message.
pub struct View<'a> {
    pub opts: &'a Options,
}

/// RTPROT_KERNEL: rules the kernel made print their protocol only with -d.
const RTPROT_KERNEL: u8 = 2;


/// `af_bit_len`.
fn host_len(af: u8) -> u8 {
    match i32::from(af) {
        libc::AF_INET6 => 128,
        libc::AF_INET => 32,
        libc::AF_MPLS => 20,
        _ => 0,
    }
}

/// `inet_proto_n2a`: the name /etc/protocols gives the number, else
/// `ipproto-N` (always with -N).
fn ip_protocol_name(n: u8, numeric: bool) -> String {
    match crate::helpers::nft::protocols::system_name(n) {
        Some(name) if !numeric => name,
        _ => format!("ipproto-{n}"),
    }
}

/// `rt_addr_n2a_rta`: an address of the rule's family (`???` for others).
fn address(family: u8, bytes: &[u8]) -> String {
    match i32::from(family) {
        libc::AF_INET | libc::AF_INET6 => AddrBuf::addr(family, bytes).as_str().to_string(),
        _ => "???".to_string(),
    }
}

/// One endpoint (`from`/`to`): the address and its length unless a host's,
/// `0/LEN` without an address, `all` for a source that is anything.
fn endpoint<W: io::Write + ?Sized>(p: &mut Printer<W>, r: &Rule, kind: u16, len: u8, key: &str, lead: &str) -> io::Result<()> {
    let len_key = if kind == FRA_SRC { "srclen" } else { "dstlen" };
    match r.attrs(kind) {
        Some(a) => {
            p.string_c(Out::Text, Color::None, None, lead, "")?;
            p.string_c(Out::Any, Color::for_family(r.family), Some(key), "{}", &address(r.family, a))?;
            if len != host_len(r.family) {
                p.number_c(Out::Any, Color::None, Some(len_key), "/{}", len)?;
            }
        }
        None if len != 0 => {
            p.str(key, &format!("{lead}{{}}"), "0")?;
            p.number_c(Out::Any, Color::None, Some(len_key), "/{}", len)?;
        }
        None if kind == FRA_SRC => p.str(key, "from {}", "all")?,
        None => {}
    }
    Ok(())
}

/// `print_rule`: its JSON object around [`rule_fields`].
pub fn print_rule<W: io::Write + ?Sized>(p: &mut Printer<W>, view: &View, r: &Rule) -> io::Result<()> {
    p.open_object(None)?;
    rule_fields(p, view, r)?;
    p.close_object()?;
    p.flush()
}

/// The rule's members and text, its line end included (`monitor` puts
/// them in its event's object).
pub fn rule_fields<W: io::Write + ?Sized>(p: &mut Printer<W>, view: &View, r: &Rule) -> io::Result<()> {
    let numeric = view.opts.numeric;
    let mut buf = NumBuf::new();
    if r.msg_type == RTM_DELRULE {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    }
    p.num("priority", "{}:\t", r.priority())?;
    if r.flags & FIB_RULE_INVERT != 0 {
        p.null(Out::Any, "not", "not ", "")?;
    }
    endpoint(p, r, FRA_SRC, r.src_len, "src", "from ")?;
    endpoint(p, r, FRA_DST, r.dst_len, "dst", " to ")?;
    if r.tos != 0 {
        p.str("tos", " tos {}", dsfield_name(r.tos, numeric, &mut buf))?;
    }
    if r.attrs(FRA_FWMARK).is_some() || r.attrs(FRA_FWMASK).is_some() {
        let mark = r.u32(FRA_FWMARK).unwrap_or(0);
        p.hex0x(Out::Any, "fwmark", " fwmark {}", u64::from(mark))?;
        if let Some(mask) = r.u32(FRA_FWMASK).filter(|m| *m != u32::MAX) {
            p.hex0x(Out::Any, "fwmask", "/{}", u64::from(mask))?;
        }
    }
    for (kind, key, detached, flag) in [
        (FRA_IIFNAME, "iif", "iif_detached", FIB_RULE_IIF_DETACHED),
        (FRA_OIFNAME, "oif", "oif_detached", FIB_RULE_OIF_DETACHED),
    ] {
        if let Some(name) = r.name(kind) {
            p.text(&format!(" {key} "))?;
            p.bytes_c(Out::Any, Color::Ifname, Some(key), "{}", name)?;
            if r.flags & flag != 0 {
                p.null(Out::Any, detached, " [detached]", "")?;
            }
        }
    }
    if r.u8(FRA_L3MDEV).is_some_and(|m| m != 0) {
        p.null(Out::Any, "l3mdev", " lookup [l3mdev-table]", "")?;
    }
    if let Some((start, end)) = r.uid_range() {
        p.num("uid_start", " uidrange {}", start)?;
        p.num("uid_end", "-{}", end)?;
    }
    if let Some(proto) = r.u8(FRA_IP_PROTO) {
        p.str("ipproto", " ipproto {}", &ip_protocol_name(proto, numeric))?;
    }
    for (kind, word, key, start_key, end_key) in [
        (FRA_SPORT_RANGE, "sport", "sport", "sport_start", "sport_end"),
        (FRA_DPORT_RANGE, "dport", "dport", "dport_start", "dport_end"),
    ] {
        if let Some((start, end)) = r.port_range(kind) {
            if start == end {
                p.num(key, &format!(" {word} {{}}"), start)?;
            } else {
                p.num(start_key, &format!(" {word} {{}}"), start)?;
                p.num(end_key, "-{}", end)?;
            }
        }
    }
    if let Some(id) = r.tun_id() {
        p.num("tun_id", " tun_id {}", id)?;
    }
    let table = r.table();
    if table != 0 {
        p.str("table", " lookup {}", table_name(table, numeric, &mut buf))?;
        if let Some(pl) = r.u32(FRA_SUPPRESS_PREFIXLEN).map(|v| v as i32).filter(|v| *v != -1) {
            p.num("suppress_prefixlen", " suppress_prefixlength {}", pl)?;
        }
        if let Some(group) = r.u32(FRA_SUPPRESS_IFGROUP).map(|v| v as i32).filter(|v| *v != -1) {
            p.str("suppress_ifgroup", " suppress_ifgroup {}", group_name(group, numeric, &mut buf))?;
        }
    }
    if let Some(flow) = r.u32(FRA_FLOW) {
        let (from, to) = (flow >> 16, flow & 0xffff);
        if from != 0 {
            p.str("flow_from", " realms {}/", realm_name(from, numeric, &mut buf))?;
        } else {
            p.text(" realms ")?;
        }
        p.str("flow_to", "{}", realm_name(to, numeric, &mut buf))?;
    }
    match r.action {
        RTN_NAT => match r.attrs(RTA_GATEWAY) {
            Some(gw) => p.str("nat_gateway", " map-to {}", &address(r.family, gw))?,
            None => p.null(Out::Any, "masquerade", " masquerade", "")?,
        },
        FR_ACT_GOTO => {
            match r.u32(FRA_GOTO) {
                Some(target) => p.num("goto", " goto {}", target)?,
                None => p.str("goto", " goto {}", "none")?,
            }
            if r.flags & FIB_RULE_UNRESOLVED != 0 {
                p.null(Out::Any, "unresolved", " [unresolved]", "")?;
            }
        }
        FR_ACT_NOP => p.null(Out::Any, "nop", " nop", "")?,
        FR_ACT_TO_TBL => {}
        other => p.str("action", " {}", route_type_name(other, numeric, &mut buf))?,
    }
    if let Some(proto) = r.u8(FRA_PROTOCOL) {
        if proto != 0 && proto != RTPROT_KERNEL || view.opts.details > 0 {
            p.str("protocol", " proto {}", protocol_name(proto, numeric, &mut buf))?;
        }
    }
    p.text("\n")
}
