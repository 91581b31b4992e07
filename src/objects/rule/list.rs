//! `rule show`, `rule flush` and `rule save` (iproute2's
//! `iprule_list_flush_or_save`): one RTM_GETRULE dump of one family (IPv4
//! unless `-6`), each message read in place, kept by `Filter::accepts`,
//! printed as it arrives (`show`), deleted after the dump (`flush`), or
//! written out whole (`save`).

use super::grammar::SELECTOR;
use super::msg::{Rule, FIB_RULE_HDR_LEN, FIB_RULE_INVERT, FRA_DST, FRA_FWMARK, FRA_FWMASK, FRA_IIFNAME, FRA_IP_PROTO, FRA_L3MDEV, FRA_OIFNAME, FRA_PRIORITY, FRA_PROTOCOL, FRA_SPORT_RANGE, FRA_DPORT_RANGE, FRA_SRC, RTM_DELRULE, RTM_GETRULE};
use super::print::{print_rule, View};
use crate::cli::options::Family;
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, Error, Result};
use crate::names::links::valid_ifname;
use crate::names::tables::{dsfield_id, protocol_id, table_id};
use crate::netlink::request::KernelError;
use crate::netlink::Outgoing;
use crate::parse::{self, get_prefix, get_u32, scan_range, Prefix};
use crate::Context;

/// What `show`/`flush` keep (iproute2's `filter` in iprule.c).
#[derive(Default)]
pub struct Filter {
    not: bool,
    l3mdev: bool,
    iif: Option<String>,
    oif: Option<String>,
    uidrange: Option<(u32, u32)>,
    tb: u32,
    tos: Option<u8>,
    pref: Option<u32>,
    fwmark: u32,
    fwmask: u32,
    tun_id: u64,
    src: Option<Prefix>,
    dst: Option<Prefix>,
    /// (protocol, mask): `flush` only, as in iproute2.
    protocol: (u8, u8),
    ipproto: u8,
    sport: (u16, u16),
    dport: (u16, u16),
}

/// `sscanf("%hu-%hu")` for `sport`/`dport`: one number is a range of one.
pub fn port_range(word: &str, what: &str) -> Result<(u16, u16)> {
    match scan_range(word) {
        (1, a, _) => Ok((a as u16, a as u16)),
        (2, a, b) => Ok((a as u16, b as u16)),
        _ => Err(invarg(what, word)),
    }
}

/// `sscanf("%u-%u")` for `uidrange`: both numbers are needed.
pub fn uid_range(word: &str) -> Result<(u32, u32)> {
    match scan_range(word) {
        (2, a, b) => Ok((a as u32, b as u32)),
        _ => Err(invarg("invalid UID range\n", word)),
    }
}

/// `fwmark MARK[/MASK]`: the mark, and the mask when one is given.
pub fn fwmark(word: &str) -> Result<(u32, Option<u32>)> {
    let (mark, mask) = match word.split_once('/') {
        Some((m, k)) => (m, Some(k)),
        None => (word, None),
    };
    let mark = get_u32(mark, 0).ok_or_else(|| invarg("fwmark value is invalid\n", mark))?;
    let mask = match mask {
        Some(k) => Some(get_u32(k, 0).ok_or_else(|| invarg("fwmask value is invalid\n", k))?),
        None => None,
    };
    Ok((mark, mask))
}

/// The selectors, in iproute2's order; a word that is none of them is the
/// destination (`to` and `dst` may be left out).
fn parse_selector(args: &[String], af: Family) -> Result<Filter> {
    let mut f = Filter::default();
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let key = lookup(word, SELECTOR).and_then(|k| k.names.first()).map_or("", |n| n.text);
        match key {
            "preference" => {
                let v = w.value()?;
                f.pref = Some(get_u32(v, 0).ok_or_else(|| invarg("preference value is invalid\n", v))?);
            }
            "not" => f.not = true,
            "tos" => {
                let v = w.value()?;
                f.tos = Some(dsfield_id(v).ok_or_else(|| invarg("TOS value is invalid\n", v))?);
            }
            "fwmark" => {
                let (mark, mask) = fwmark(w.value()?)?;
                f.fwmark = mark;
                if let Some(mask) = mask {
                    f.fwmask = mask;
                }
            }
            "dev" => {
                let v = w.value()?;
                if !valid_ifname(v) {
                    return Err(invarg("\"iif\"/\"dev\" not a valid ifname", v));
                }
                f.iif = Some(v.to_string());
            }
            "oif" => {
                let v = w.value()?;
                if !valid_ifname(v) {
                    return Err(invarg("\"oif\" not a valid ifname", v));
                }
                f.oif = Some(v.to_string());
            }
            "l3mdev" => f.l3mdev = true,
            "uidrange" => f.uidrange = Some(uid_range(w.value()?)?),
            "tun_id" => {
                let v = w.value()?;
                f.tun_id = parse::get_u64(v, 0).ok_or_else(|| invarg("\"tun_id\" value is invalid\n", v))?;
            }
            "lookup" => {
                let v = w.value()?;
                f.tb = table_id(v).ok_or_else(|| invarg("table id value is invalid\n", v))?;
            }
            "from" => {
                let v = w.value()?;
                f.src = Some(get_prefix(v, af)?);
            }
            "protocol" => {
                let v = w.value()?;
                f.protocol = match protocol_id(v) {
                    Some(p) => (p, u8::MAX),
                    None if v == "all" => (0, 0),
                    None => return Err(invarg("invalid \"protocol\"\n", v)),
                };
            }
            "ipproto" => {
                let v = w.value()?;
                f.ipproto = crate::objects::route::get::ip_protocol(v).ok_or_else(|| invarg("Invalid \"ipproto\" value\n", v))?;
            }
            "sport" => f.sport = port_range(w.value()?, "invalid port range\n")?,
            "dport" => f.dport = port_range(w.value()?, "invalid dport range\n")?,
            _ => {
                let v = if key == "dst" { w.value()? } else { word };
                f.dst = Some(get_prefix(v, af)?);
            }
        }
    }
    Ok(f)
}

/// `inet_addr_match_rta`: whether the rule's address lies in `m`.
fn prefix_matches(m: &Prefix, family: u8, len: u8, attr: Option<&[u8]>) -> bool {
    if m.family().af() != family || m.len > len {
        return false;
    }
    let (Some(attr), Some(ip)) = (attr, m.ip()) else { return true };
    if m.len == 0 {
        return true;
    }
    let want: &[u8] = &match ip {
        std::net::IpAddr::V4(a) => a.octets().to_vec(),
        std::net::IpAddr::V6(a) => a.octets().to_vec(),
    };
    if attr.len() != want.len() {
        return false;
    }
    let bits = usize::from(m.len);
    let whole = bits / 8;
    if attr[..whole] != want[..whole] {
        return false;
    }
    let rest = bits % 8;
    rest == 0 || (attr[whole] ^ want[whole]) & (0xffu8 << (8 - rest)) == 0
}

impl Filter {
    /// `filter_nlmsg`.
    pub fn accepts(&self, r: &Rule, preferred: Family) -> bool {
        if preferred != Family::Unspec && r.family != preferred.af() {
            return false;
        }
        if self.pref.is_some_and(|p| p != r.priority()) {
            return false;
        }
        if self.not && r.flags & FIB_RULE_INVERT == 0 {
            return false;
        }
        if let Some(m) = &self.src {
            if !prefix_matches(m, r.family, r.src_len, r.attrs(FRA_SRC)) {
                return false;
            }
        }
        if let Some(m) = &self.dst {
            if !prefix_matches(m, r.family, r.dst_len, r.attrs(FRA_DST)) {
                return false;
            }
        }
        if self.tos.is_some_and(|t| t != r.tos) {
            return false;
        }
        if self.fwmark != 0 && self.fwmark != r.u32(FRA_FWMARK).unwrap_or(0) {
            return false;
        }
        if self.fwmask != 0 && self.fwmask != r.u32(FRA_FWMASK).unwrap_or(0) {
            return false;
        }
        let named = |want: &Option<String>, kind| match want {
            None => true,
            Some(n) => r.name(kind).is_some_and(|have| have == crate::cli::bytes::bytes(n).as_ref()),
        };
        if !named(&self.iif, FRA_IIFNAME) || !named(&self.oif, FRA_OIFNAME) {
            return false;
        }
        if self.l3mdev && r.u8(FRA_L3MDEV).unwrap_or(0) == 0 {
            return false;
        }
        if self.uidrange.is_some() && r.uid_range() != self.uidrange {
            return false;
        }
        if self.ipproto != 0 && self.ipproto != r.u8(FRA_IP_PROTO).unwrap_or(0) {
            return false;
        }
        if self.sport.0 != 0 && r.port_range(FRA_SPORT_RANGE) != Some(self.sport) {
            return false;
        }
        if self.dport.0 != 0 && r.port_range(FRA_DPORT_RANGE) != Some(self.dport) {
            return false;
        }
        if self.tun_id != 0 && r.tun_id() != Some(self.tun_id) {
            return false;
        }
        self.tb == 0 || self.tb == r.table()
    }

    /// `flush_rule`'s own test: the protocol (`all` or none: any).
    fn protocol_matches(&self, r: &Rule) -> bool {
        match r.u8(FRA_PROTOCOL) {
            Some(p) => (self.protocol.0 ^ p) & self.protocol.1 == 0,
            None => true,
        }
    }
}

/// `rtnl_ruledump_req`: a fib_rule_hdr naming only the family.
fn dump_request(af: u8) -> [u8; FIB_RULE_HDR_LEN] {
    let mut body = [0u8; FIB_RULE_HDR_LEN];
    body[0] = af;
    body
}

/// The family a listing dumps: `-4`/`-6`, IPv4 when neither is given.
fn dump_family(f: Family) -> Family {
    if f == Family::Unspec {
        Family::Inet
    } else {
        f
    }
}

/// What iproute2 prints when a dump fails: the kernel's words, then
/// "Dump terminated" (exit 255, `return 1` negated by `do_cmd`).
fn dump_failed(e: KernelError) -> Error {
    Error::Usage(format!("{}\nDump terminated", e.message()))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    List,
    Flush,
}

fn run(ctx: &mut Context, args: &[String], action: Action) -> Result<()> {
    let af = dump_family(ctx.opts.family);
    let filter = parse_selector(args, af)?;
    let (nl, p, opts, _) = ctx.parts()?;
    let view = View { opts };
    let body = dump_request(af.af());
    let mut doomed: Vec<Vec<u8>> = Vec::new();
    p.begin()?;
    let outcome = nl.dump_out(Outgoing::Raw { kind: RTM_GETRULE, body: &body }, |msg| {
        let Some(r) = Rule::from_nlmsg(msg) else { return Ok(()) };
        if !filter.accepts(&r, opts.family) {
            return Ok(());
        }
        match action {
            Action::List => print_rule(p, &view, &r)?,
            Action::Flush => {
                if filter.protocol_matches(&r) && r.attrs(FRA_PRIORITY).is_some() {
                    doomed.push(msg.to_vec());
                }
            }
        }
        Ok(())
    })?;
    if let Err(e) = outcome {
        p.abandon()?;
        return Err(dump_failed(e));
    }
    // iproute2 deletes each rule as the dump brings it (on a second
    // socket); here the dump is read first.
    for msg in doomed {
        let body = &msg[crate::netlink::request::HEADER_LEN..];
        if let Err(e) = nl.request_out(Outgoing::Raw { kind: RTM_DELRULE, body }, 0) {
            p.abandon()?;
            return Err(Error::Usage(format!("{}\nDump terminated", e.message())));
        }
    }
    Ok(())
}

/// `rule show [SELECTOR]`.
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    run(ctx, args, Action::List)
}

/// `rule flush [SELECTOR]`: every rule the selectors keep that has a
/// preference (the rule at 0 has none and stays).
pub fn flush(ctx: &mut Context, args: &[String]) -> Result<()> {
    run(ctx, args, Action::Flush)
}

/// iproute2's `rule_dump_magic`, first in a saved stream (host order).
pub const RULE_DUMP_MAGIC: u32 = 0x7170_6986;

/// `rule save`: the magic, then each rule message as the kernel sent it.
pub fn save(ctx: &mut Context, args: &[String]) -> Result<()> {
    let af = dump_family(ctx.opts.family);
    if !args.is_empty() {
        return Err(Error::Failure(format!("\"{} rule save\" does not take any arguments.", ctx.prog)));
    }
    if crate::print::sink::is_terminal() {
        return Err(Error::Failure("Not sending a binary stream to stdout".into()));
    }
    let (nl, p, _, _) = ctx.parts()?;
    p.binary(&RULE_DUMP_MAGIC.to_ne_bytes())?;
    let body = dump_request(af.af());
    let outcome = nl.dump_out(Outgoing::Raw { kind: RTM_GETRULE, body: &body }, |msg| {
        let len = crate::netlink::request::read_header(msg).map_or(msg.len(), |h| h.len);
        p.binary(msg.get(..len).unwrap_or(msg))?;
        Ok(())
    })?;
    outcome.map(|_| ()).map_err(dump_failed)
}
