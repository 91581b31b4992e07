//! `tunnel check [ NAME ]` (rtun only): why a tunnel does not pass
//! traffic, and the command that fixes it.
//!
//! Each tunnel (every one when NAME is absent) gets one line per check, in
//! this order: `kernel`, `device`, `local`, `underlay`, `firewall`,
//! `forwarding`, `mtu`, `address`, `peer` — a status (`ok`, `warn`,
//! `fail`), what was found and, for what is not ok, a hint: the command
//! (rtun's, or a sysctl, nft, iptables or modprobe line) that fixes it.
//! With -j, a JSON array of objects with `ifname`, `check`, `status`,
//! `detail` and `hint` (null when ok). Exit status 1 when a check failed.
//!
//! Nothing on the system is changed and nothing is sent but the `peer`
//! probe (one GRE keepalive, or one ICMP echo). What needs privileges
//! (reading the nftables ruleset: CAP_NET_ADMIN; the probe's raw socket:
//! CAP_NET_RAW) is said to need root when rtun lacks them. With `-n NS`,
//! the hints are for that namespace (`rtun -n NS …`, `rtun netns exec NS
//! nft …`).

use std::io::{self, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use netlink_packet_route::address::AddressMessage;
use netlink_packet_route::RouteNetlinkMessage;

use super::keepalive;
use super::modules::{self, State};
use super::netlink::{all_links, Link};
use super::params::{fallback_name, is_tunnel_kind, module_name, V4, V6, IPPROTO_ESP, IPPROTO_GRE, IPPROTO_IPIP, IPPROTO_IPV6};
use crate::cli::bytes::bytes;
use super::grammar::CHECK_KEYWORDS;
use crate::cli::words::{lookup, Words};
use crate::error::{duparg2, invarg, Error, Result, Topic};
use crate::helpers::nft::eval::{self, Flow, Iface, Outcome, Packet, Place, Ruleset};
use crate::helpers::sysctl::keys;
use crate::kinds::tunnel_attrs::{gre, iptun, GRE_CSUM, GRE_KEY, GRE_SEQ, IP6_TNL_F_IGN_ENCAP_LIMIT, TUNNEL_ENCAP_GUE, TUNNEL_ENCAP_NONE};
use crate::netlink::netfilter::Netfilter;
use crate::netlink::{rawip, Netlink};
use crate::objects::address::print::Addr;
use crate::objects::route::get::route_to;
use crate::objects::route::msg::{self as rtmsg, Route};
use crate::print::{Color, Out, Printer};
use crate::Context;

/// The checks, in the order they are reported.
pub const CHECKS: &[&str] = &["kernel", "device", "local", "underlay", "firewall", "forwarding", "mtu", "address", "peer"];

/// How long the peer is given to answer.
const PEER_WAIT: Duration = Duration::from_secs(2);
const IFF_UP: u32 = 0x1;
const IFF_LOOPBACK: u32 = 0x8;
const IPPROTO_UDP: u8 = 17;
const CAP_NET_ADMIN: u32 = 12;
const RTN_UNICAST: u8 = 1;
const RTN_LOCAL: u8 = 2;
const RT_TABLE_MAIN: u32 = 254;
const RTAX_MTU: u16 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Ok,
    Warn,
    Fail,
}

impl Status {
    fn word(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Fail => "fail",
        }
    }
}

/// One check's result.
#[derive(Clone, Debug)]
pub struct Line {
    pub check: &'static str,
    pub status: Status,
    pub detail: String,
    pub hint: Option<String>,
}

fn ok(check: &'static str, detail: impl Into<String>) -> Line {
    Line { check, status: Status::Ok, detail: detail.into(), hint: None }
}
fn warn(check: &'static str, detail: impl Into<String>, hint: impl Into<String>) -> Line {
    Line { check, status: Status::Warn, detail: detail.into(), hint: Some(hint.into()) }
}
fn fail(check: &'static str, detail: impl Into<String>, hint: impl Into<String>) -> Line {
    Line { check, status: Status::Fail, detail: detail.into(), hint: Some(hint.into()) }
}

/// Read the words after `check`: at most one name.
pub fn parse(args: &[String]) -> Result<Option<String>> {
    let mut w = Words::new(args);
    let mut name: Option<String> = None;
    while let Some(word) = w.next() {
        if lookup(word, CHECK_KEYWORDS).is_some() {
            return Err(Error::help(Topic::Current));
        }
        if let Some(n) = &name {
            return Err(duparg2(n, word));
        }
        if word.is_empty() || bytes(word).len() >= 16 {
            return Err(invarg("\"NAME\" not a valid ifname", word));
        }
        name = Some(word.to_string());
    }
    Ok(name)
}

/// How hints reach the namespace the check ran in.
struct Hints {
    netns: Option<String>,
}

impl Hints {
    /// An rtun command.
    fn rtun(&self, rest: &str) -> String {
        match &self.netns {
            Some(ns) => format!("rtun -n {ns} {rest}"),
            None => format!("rtun {rest}"),
        }
    }

    /// Another program's command line, run in the namespace.
    fn outside(&self, cmd: &str) -> String {
        match &self.netns {
            Some(ns) => format!("rtun netns exec {ns} {cmd}"),
            None => cmd.to_string(),
        }
    }
}

/// An address of this host.
#[derive(Clone, Debug)]
struct HostAddr {
    index: u32,
    local: IpAddr,
    /// The other end of a point-to-point address.
    peer: Option<IpAddr>,
    prefix_len: u8,
    scope: u8,
}

/// What is read once for all tunnels: links and addresses.
struct Host {
    links: Vec<Link>,
    addrs: Vec<HostAddr>,
}

impl Host {
    fn read(nl: &mut Netlink) -> Result<Host> {
        let links = all_links(nl)?;
        let addrs = nl.collect(RouteNetlinkMessage::GetAddress(AddressMessage::default()), |v: &mut Vec<HostAddr>, m| {
            let Some(msg) = crate::netlink::addr::AddrMsg::from_nlmsg(m) else { return Ok(()) };
            let prefix_len = msg.prefix_len;
            let a = Addr::of(msg);
            if let (Some(local), Some(address)) = (a.local.and_then(ip_of), a.address.and_then(ip_of)) {
                let peer = (address != local).then_some(address);
                v.push(HostAddr { index: a.index(), local, peer, prefix_len, scope: a.scope() });
            }
            Ok(())
        })?;
        Ok(Host { links, addrs })
    }

    fn link(&self, index: u32) -> Option<&Link> {
        self.links.iter().find(|l| l.index == index)
    }

    fn name_of(&self, index: u32) -> String {
        self.link(index).map_or_else(|| format!("if{index}"), |l| l.name.clone())
    }

    fn owner_of(&self, a: IpAddr) -> Option<&HostAddr> {
        self.addrs.iter().find(|h| h.local == a)
    }
}

/// An address attribute's bytes as an address (IPv4 or IPv6).
fn ip_of(b: &[u8]) -> Option<IpAddr> {
    match b.len() {
        4 => Some(IpAddr::from(<[u8; 4]>::try_from(b).ok()?)),
        16 => Some(IpAddr::from(<[u8; 16]>::try_from(b).ok()?)),
        _ => None,
    }
}

/// Whether `a` is inside `net`/`len`.
fn within(a: IpAddr, net: IpAddr, len: u8) -> bool {
    match (a, net) {
        (IpAddr::V4(a), IpAddr::V4(n)) => {
            let m = u32::MAX.checked_shl(32 - u32::from(len.min(32))).unwrap_or(0);
            u32::from(a) & m == u32::from(n) & m
        }
        (IpAddr::V6(a), IpAddr::V6(n)) => {
            let m = u128::MAX.checked_shl(128 - u32::from(len.min(128))).unwrap_or(0);
            u128::from(a) & m == u128::from(n) & m
        }
        _ => false,
    }
}

fn addr_of(family: u8, b: &[u8]) -> Option<IpAddr> {
    match family {
        rtmsg::AF_INET => Some(IpAddr::V4(<[u8; 4]>::try_from(b.get(..4)?).ok()?.into())),
        rtmsg::AF_INET6 => Some(IpAddr::V6(<[u8; 16]>::try_from(b.get(..16)?).ok()?.into())),
        _ => None,
    }
}

/// A tunnel's parameters, whatever its kind.
struct Tunnel<'a> {
    link: &'a Link,
    local: Option<IpAddr>,
    remote: Option<IpAddr>,
    /// The device it is bound to (`dev`), 0 for none.
    bound: u32,
    /// The outer protocol a firewall sees, and its name.
    proto: u8,
    proto_name: &'static str,
    /// The bytes the tunnel adds to each packet (None: not known, ESP).
    overhead: Option<u32>,
    /// How the overhead adds up, in words.
    overhead_text: String,
    /// What the far end puts after the outer IP header: a GRE header with
    /// our ikey/icsum/iseq, or nothing.
    header: Vec<u8>,
    /// FOU/GUE: the UDP destination port.
    udp: Option<u16>,
    /// The family of the packets inside.
    inner_v6: bool,
}

fn unspecified_to_none(a: IpAddr) -> Option<IpAddr> {
    (!a.is_unspecified()).then_some(a)
}

/// The GRE header the far end sends, and its length in our outgoing
/// direction's flags.
fn gre_header(iflags: u16, ikey: u32, inner_v6: bool) -> Vec<u8> {
    let mut h = (iflags & (GRE_CSUM | GRE_KEY | GRE_SEQ)).to_be_bytes().to_vec();
    h.extend_from_slice(&(if inner_v6 { 0x86ddu16 } else { 0x0800 }).to_be_bytes());
    if iflags & GRE_CSUM != 0 {
        h.extend_from_slice(&[0; 4]);
    }
    if iflags & GRE_KEY != 0 {
        h.extend_from_slice(&ikey.to_be_bytes());
    }
    if iflags & GRE_SEQ != 0 {
        h.extend_from_slice(&[0, 0, 0, 1]);
    }
    h
}

fn gre_len(oflags: u16) -> u32 {
    4 + [GRE_CSUM, GRE_KEY, GRE_SEQ].iter().filter(|&&f| oflags & f != 0).count() as u32 * 4
}

impl<'a> Tunnel<'a> {
    fn of(link: &'a Link) -> Option<Tunnel<'a>> {
        let a = link.attrs();
        let (encap_type, encap_port) = match link.kind.as_str() {
            "gre" | "ip6gre" => (a.u16(gre::ENCAP_TYPE), a.be16(gre::ENCAP_DPORT)),
            _ => (a.u16(iptun::ENCAP_TYPE), a.be16(iptun::ENCAP_DPORT)),
        };
        let encap = encap_type.filter(|&t| t != TUNNEL_ENCAP_NONE);
        let udp_len = match encap {
            Some(TUNNEL_ENCAP_GUE) => 12,
            Some(_) => 8,
            None => 0,
        };
        // (the outer header's length and words, and what follows it)
        let (local, remote, bound, outer, outer_text, (proto, name, hdr, header, inner_v6)) = if let Some(p) = V4::of_link(link) {
            let inner = match link.kind.as_str() {
                "gre" => (IPPROTO_GRE, "GRE", Some(gre_len(p.hdr.oflags)), gre_header(p.hdr.iflags, p.hdr.ikey, false), false),
                "sit" => (IPPROTO_IPV6, "IPv6-in-IPv4", Some(0), Vec::new(), true),
                "vti" => (IPPROTO_ESP, "ESP", None, Vec::new(), false),
                _ if p.proto == 137 => (137, "MPLS-in-IP", Some(0), Vec::new(), false),
                _ => (IPPROTO_IPIP, "IPIP", Some(0), Vec::new(), false),
            };
            (IpAddr::V4(p.local), IpAddr::V4(p.remote), p.link, 20, "IPv4 20".to_string(), inner)
        } else {
            let p = V6::of_link(link)?;
            let inner = match link.kind.as_str() {
                "ip6gre" => (IPPROTO_GRE, "GRE", Some(gre_len(p.hdr.oflags)), gre_header(p.hdr.iflags, p.hdr.ikey, false), false),
                "vti6" => (IPPROTO_ESP, "ESP", None, Vec::new(), false),
                _ if p.proto == IPPROTO_IPIP => (IPPROTO_IPIP, "IPv4-in-IPv6", Some(0), Vec::new(), false),
                _ => (IPPROTO_IPV6, "IPv6-in-IPv6", Some(0), Vec::new(), true),
            };
            let (limit, text) = if p.ip6.flags & IP6_TNL_F_IGN_ENCAP_LIMIT == 0 { (8, "IPv6 40, encapsulation limit 8") } else { (0, "IPv6 40") };
            (IpAddr::V6(p.local), IpAddr::V6(p.remote), p.link, 40 + limit, text.to_string(), inner)
        };
        let mut t = Tunnel {
            link,
            local: unspecified_to_none(local),
            remote: unspecified_to_none(remote),
            bound,
            proto,
            proto_name: name,
            overhead: hdr.map(|h| outer + h + udp_len),
            overhead_text: match hdr {
                Some(0) | None => outer_text,
                Some(h) => format!("{outer_text}, {name} {h}"),
            },
            header,
            udp: None,
            inner_v6,
        };
        if encap.is_some() {
            t.udp = Some(encap_port.unwrap_or(0));
            t.overhead_text += &format!(", {} {udp_len}", if encap == Some(TUNNEL_ENCAP_GUE) { "UDP+GUE" } else { "UDP" });
        }
        Some(t)
    }

    fn is_fallback(&self) -> bool {
        self.link.name == fallback_name(&self.link.kind) && self.local.is_none() && self.remote.is_none()
    }

    /// The words nft and iptables use for the outer protocol.
    fn l4(&self) -> u8 {
        if self.udp.is_some() {
            IPPROTO_UDP
        } else {
            self.proto
        }
    }

    /// A packet the far end sends, as this host receives it.
    fn packet(&self, dst: IpAddr) -> Option<Packet> {
        let remote = self.remote?;
        let inner = if self.inner_v6 {
            let mut p = Packet::ipv6(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, 58, &[128, 0, 0, 0, 0, 1, 0, 1]).bytes;
            p[8..40].fill(0);
            p
        } else {
            Packet::ipv4(Ipv4Addr::UNSPECIFIED, Ipv4Addr::UNSPECIFIED, 1, &[8, 0, 0, 0, 0, 1, 0, 1]).bytes
        };
        let mut payload = Vec::new();
        if let Some(port) = self.udp {
            payload.extend_from_slice(&[0, 0]);
            payload.extend_from_slice(&port.to_be_bytes());
            payload.extend_from_slice(&((8 + self.header.len() + inner.len()) as u16).to_be_bytes());
            payload.extend_from_slice(&[0, 0]);
        }
        if self.proto == IPPROTO_ESP {
            payload.extend_from_slice(&[0, 0, 0x10, 0, 0, 0, 0, 1]);
        } else {
            payload.extend_from_slice(&self.header);
        }
        payload.extend_from_slice(&inner);
        match (remote, dst) {
            (IpAddr::V4(r), IpAddr::V4(l)) => Some(Packet::ipv4(r, l, self.l4(), &payload)),
            (IpAddr::V6(r), IpAddr::V6(l)) => Some(Packet::ipv6(r, l, self.l4(), &payload)),
            _ => None,
        }
    }
}

/// The kernel's answer to a route look-up.
#[derive(Clone, Debug)]
struct RouteTo {
    kind: u8,
    oif: u32,
    prefsrc: Option<IpAddr>,
    gateway: Option<IpAddr>,
    table: u32,
    mtu: Option<u32>,
    /// The routing table entry (`fibmatch`): prefix and length.
    dst: Option<(IpAddr, u8)>,
}

fn route(nl: &mut Netlink, dst: IpAddr, src: Option<IpAddr>, oif: u32, fib_match: bool) -> std::result::Result<RouteTo, String> {
    let bytes = route_to(nl, dst, src, (oif != 0).then_some(oif), fib_match).map_err(|e| e.message().trim_start_matches("RTNETLINK answers: ").to_string())?;
    let r = Route::from_nlmsg(&bytes).ok_or("the kernel's answer is not a route")?;
    let mtu = r.attr(rtmsg::RTA_METRICS).and_then(|m| crate::netlink::attr::Attrs::new(m).u32(RTAX_MTU));
    let dst_addr = r.attr(rtmsg::RTA_DST).and_then(|b| addr_of(r.family, b)).or_else(|| {
        // The default route has no RTA_DST.
        Some(if r.family == rtmsg::AF_INET6 { IpAddr::V6(Ipv6Addr::UNSPECIFIED) } else { IpAddr::V4(Ipv4Addr::UNSPECIFIED) })
    });
    Ok(RouteTo {
        kind: r.kind,
        oif: r.u32(rtmsg::RTA_OIF).unwrap_or(0),
        prefsrc: r.attr(rtmsg::RTA_PREFSRC).and_then(|b| addr_of(r.family, b)),
        gateway: r.attr(rtmsg::RTA_GATEWAY).and_then(|b| addr_of(r.family, b)),
        table: r.table(),
        mtu,
        dst: dst_addr.map(|a| (a, r.dst_len)),
    })
}

/// A prefix as `ip` prints it (`10.2.0.0/24`, `default`).
fn prefix_text(a: IpAddr, len: u8) -> String {
    match (a.is_unspecified(), len) {
        (true, 0) => "default".into(),
        (_, 32) if a.is_ipv4() => a.to_string(),
        (_, 128) => a.to_string(),
        _ => format!("{a}/{len}"),
    }
}

/// /proc/sys/NAME (`/`-separated), trimmed.
fn sysctl(path: &str) -> Option<String> {
    std::fs::read(keys::os(&format!("{}{path}", keys::PROC_SYS))).ok().map(|v| String::from_utf8_lossy(&v).trim().to_string())
}

/// The dotted name of /proc/sys/PATH, as sysctl takes it.
fn sysctl_name(path: &str) -> String {
    keys::dotted(path).0
}

/// Whether this process has capability `bit` (CapEff of /proc/self/status).
fn has_cap(bit: u32) -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("CapEff:"))
        .and_then(|v| u64::from_str_radix(v.trim(), 16).ok())
        .is_some_and(|caps| caps & (1 << bit) != 0)
}

/// Everything one tunnel's checks share.
struct Checker<'h> {
    host: &'h Host,
    hints: Hints,
    /// The ruleset, read once: Ok(None) when nf_tables is not loaded,
    /// Err(why) when it cannot be read.
    ruleset: Option<std::result::Result<Option<Ruleset>, String>>,
}

/// What a tunnel's underlay route led to.
enum Underlay {
    /// No remote to route to.
    None,
    Ok(RouteTo),
    /// Broken: already reported by the `underlay` check.
    Broken,
}

impl Checker<'_> {
    /// Read the ruleset, once (only a tunnel's firewall and mtu checks need it).
    fn load_ruleset(&mut self) {
        self.ruleset.get_or_insert_with(|| {
            if !has_cap(CAP_NET_ADMIN) {
                return Err("reading the nftables ruleset needs root (CAP_NET_ADMIN)".into());
            }
            if !matches!(modules::state("nf_tables"), State::Loaded | State::BuiltIn) {
                return Ok(None);
            }
            let mut nf = Netfilter::open().map_err(|e| e.to_string())?;
            eval::read(&mut nf).map(Some).map_err(|e| e.to_string())
        });
    }

    fn ruleset(&self) -> std::result::Result<Option<&Ruleset>, &str> {
        match &self.ruleset {
            Some(Ok(rs)) => Ok(rs.as_ref()),
            Some(Err(why)) => Err(why),
            None => Err("the ruleset was not read"),
        }
    }

    fn kernel(&self, kind: &str, exists: bool) -> Line {
        let module = module_name(kind);
        let state = if exists { None } else { Some(modules::state(module)) };
        match state {
            None => ok("kernel", format!("{kind} tunnels are in the kernel ({module})")),
            Some(State::Loaded) => ok("kernel", format!("module {module} is loaded")),
            Some(State::BuiltIn) => ok("kernel", format!("{module} is built into the kernel")),
            Some(State::Loadable) => ok("kernel", format!("module {module} is not loaded; the kernel loads it when a {kind} tunnel is made")),
            Some(State::Blocked(lines)) => {
                let at: Vec<String> = lines.iter().map(|(f, n, l)| format!("{}:{n} ({l})", f.display())).collect();
                let mut fix: Vec<String> = Vec::new();
                let mut files: Vec<&std::path::PathBuf> = lines.iter().map(|(f, _, _)| f).collect();
                files.dedup();
                for f in files {
                    let del: Vec<String> = lines.iter().filter(|(g, _, _)| g == f).map(|(_, n, _)| format!("-e '{n}d'")).collect();
                    fix.push(format!("sed -i {} {}", del.join(" "), f.display()));
                }
                fix.push(format!("modprobe {module}"));
                fail("kernel", format!("module {module} is not loaded and is kept from loading by {}", at.join(", ")), fix.join(" && "))
            }
            Some(State::Disabled) => fail(
                "kernel",
                format!("module {module} is not loaded, and kernel.modules_disabled is 1: no module can be loaded until the next boot"),
                format!("reboot, then modprobe {module}"),
            ),
            Some(State::Missing(rel)) => fail(
                "kernel",
                format!("this kernel ({rel}) has no module {module}"),
                format!("install the modules of kernel {rel} that hold {module}, then: modprobe {module}"),
            ),
        }
    }

    fn device(&self, t: &Tunnel) -> Line {
        let l = t.link;
        let ends = match (t.local, t.remote) {
            (Some(a), Some(b)) => format!(" from {a} to {b}"),
            (None, Some(b)) => format!(" to {b}"),
            (Some(a), None) => format!(" from {a} (remote any)"),
            (None, None) => " (remote any)".into(),
        };
        if l.flags & IFF_UP == 0 {
            return fail("device", format!("{} tunnel{ends}, down", l.kind), self.hints.rtun(&format!("link set {} up", l.name)));
        }
        ok("device", format!("{} tunnel{ends}, up", l.kind))
    }

    fn local(&self, nl: &mut Netlink, t: &Tunnel) -> Line {
        let Some(local) = t.local else {
            let picked = t.remote.and_then(|r| route(nl, r, None, t.bound, false).ok()).and_then(|r| r.prefsrc);
            return ok("local", match picked {
                Some(p) => format!("none set: routing picks {p}"),
                None => "none set: routing picks the source".into(),
            });
        };
        match self.host.owner_of(local) {
            Some(h) => ok("local", format!("{local} is on {}", self.host.name_of(h.index))),
            None => {
                let picked = t.remote.and_then(|r| route(nl, r, None, t.bound, false).ok()).and_then(|r| r.prefsrc);
                let six = if local.is_ipv6() { "-6 " } else { "" };
                let new = picked.map_or_else(|| "ADDRESS".to_string(), |p| p.to_string());
                fail(
                    "local",
                    format!("{local} is not an address of this host"),
                    self.hints.rtun(&format!("{six}tunnel change {} local {new}", t.link.name)),
                )
            }
        }
    }

    fn underlay(&self, nl: &mut Netlink, t: &Tunnel) -> (Line, Underlay) {
        let Some(remote) = t.remote else {
            return (ok("underlay", "no remote address: nothing to route"), Underlay::None);
        };
        let src = t.local.filter(|l| self.host.owner_of(*l).is_some());
        let r = match route(nl, remote, src, t.bound, false) {
            Ok(r) => r,
            Err(why) => {
                return (
                    fail("underlay", format!("no route to {remote}: {why}"), self.hints.rtun(&format!("route add {remote} via GATEWAY"))),
                    Underlay::Broken,
                )
            }
        };
        if r.kind == RTN_LOCAL {
            return (
                fail("underlay", format!("the remote {remote} is an address of this host"), self.hints.rtun(&format!("tunnel show {}", t.link.name))),
                Underlay::Broken,
            );
        }
        if r.kind != RTN_UNICAST {
            return (fail("underlay", format!("{remote} is routed to a route of type {}", r.kind), self.hints.rtun(&format!("route get {remote}"))), Underlay::Broken);
        }
        // Through NAME itself, or a tunnel whose own remote goes through it.
        let mut via = vec![t.link.index];
        let mut hop = r.oif;
        let mut path: Vec<String> = Vec::new();
        for _ in 0..8 {
            if hop == t.link.index {
                let entry = route(nl, remote, src, t.bound, true).ok();
                let hint = match entry.and_then(|e| e.dst.map(|d| (d, e.table))) {
                    Some(((net, len), table)) => {
                        let table = if table == RT_TABLE_MAIN { String::new() } else { format!(" table {table}") };
                        let dev = path.first().cloned().unwrap_or_else(|| t.link.name.clone());
                        self.hints.rtun(&format!("route del {} dev {dev}{table}", prefix_text(net, len)))
                    }
                    None => self.hints.rtun(&format!("route get {remote}")),
                };
                let through = if path.is_empty() {
                    format!("{} itself", t.link.name)
                } else {
                    format!("{}, whose remote is routed through {} (recursive routing)", path.join(", then "), t.link.name)
                };
                return (fail("underlay", format!("{remote} is routed through {through}"), hint), Underlay::Broken);
            }
            let Some(next) = self.host.link(hop).filter(|l| is_tunnel_kind(&l.kind)) else { break };
            if via.contains(&hop) {
                break;
            }
            via.push(hop);
            path.push(next.name.clone());
            let Some(t2) = Tunnel::of(next) else { break };
            let Some(r2) = t2.remote.and_then(|rem| route(nl, rem, None, t2.bound, false).ok()) else { break };
            hop = r2.oif;
        }
        let dev = self.host.name_of(r.oif);
        let via = match r.gateway {
            Some(g) => format!("via {g} out of {dev}"),
            None => format!("out of {dev}"),
        };
        let table = if r.table == RT_TABLE_MAIN { String::new() } else { format!(" (table {})", r.table) };
        (ok("underlay", format!("{remote} is routed {via}{table}")), Underlay::Ok(r))
    }

    /// nft's words for "accept what the far end sends".
    fn accept_rule(t: &Tunnel) -> String {
        let from = match t.remote {
            Some(IpAddr::V4(r)) => format!("ip saddr {r} "),
            Some(IpAddr::V6(r)) => format!("ip6 saddr {r} "),
            None => String::new(),
        };
        match t.udp {
            Some(port) => format!("{from}udp dport {port} accept"),
            None => format!("{from}meta l4proto {} accept", t.proto),
        }
    }

    /// The command that lets the packet through before `p` drops it.
    fn insert_hint(&self, rs: &Ruleset, t: &Tunnel, p: &Place) -> String {
        let fam = eval::family_name(p.family);
        let iptables = matches!(p.family, eval::NFPROTO_IPV4 | eval::NFPROTO_IPV6)
            && matches!(p.table.as_str(), "filter" | "mangle" | "raw" | "security" | "nat")
            && rs
                .chains
                .iter()
                .filter(|c| c.family == p.family && c.table == p.table && c.hook.is_some())
                .all(|c| matches!(c.name.as_str(), "INPUT" | "OUTPUT" | "FORWARD" | "PREROUTING" | "POSTROUTING"));
        if iptables {
            let tool = if p.family == eval::NFPROTO_IPV6 { "ip6tables" } else { "iptables" };
            let table = if p.table == "filter" { String::new() } else { format!("-t {} ", p.table) };
            let pos = p.rule.map_or(String::new(), |(_, n)| format!(" {n}"));
            let from = t.remote.map_or(String::new(), |r| format!("-s {r} "));
            let what = match t.udp {
                Some(port) => format!("-p udp --dport {port}"),
                None => format!("-p {}", t.proto),
            };
            return self.hints.outside(&format!("{tool} {table}-I {}{pos} {from}{what} -j ACCEPT", p.chain));
        }
        let at = p.rule.map_or(String::new(), |(h, _)| format!(" position {h}"));
        let chain = if p.rule.is_some() { &p.chain } else { &p.base };
        self.hints.outside(&format!("nft insert rule {fam} {} {chain}{at} {}", p.table, Self::accept_rule(t)))
    }

    fn firewall(&self, t: &Tunnel, dst: Option<IpAddr>, iif: Option<Iface>) -> Line {
        let what = format!("{} from {}", t.proto_name, t.remote.map_or("any address".into(), |r| r.to_string()));
        let legacy = legacy_iptables(t.remote.is_some_and(|r| r.is_ipv6()));
        let name = t.link.name.clone();
        let rerun = self.hints.rtun(&format!("tunnel check {name}"));
        let rs = match self.ruleset() {
            Err(why) => return warn("firewall", format!("not checked: {why}"), format!("sudo {rerun}")),
            Ok(None) => {
                return match legacy {
                    Some(tables) => warn(
                        "firewall",
                        format!("nf_tables is not loaded (no nftables ruleset); iptables-legacy tables ({tables}) are not evaluated"),
                        self.hints.outside(if t.remote.is_some_and(|r| r.is_ipv6()) { "ip6tables-legacy -S" } else { "iptables-legacy -S" }),
                    ),
                    None => ok("firewall", "no nftables ruleset (nf_tables is not loaded) and no iptables-legacy tables"),
                }
            }
            Ok(Some(rs)) => rs,
        };
        let (Some(_), Some(dst)) = (t.remote, dst.or(t.local)) else {
            return ok("firewall", "no single remote: the input hook is not evaluated");
        };
        let Some(mut pkt) = t.packet(dst) else { return ok("firewall", "not evaluated: no packet of this tunnel to follow") };
        pkt.iif = iif;
        let new = rs.evaluate(&pkt, Flow::New);
        let legacy_note = legacy.as_ref().map_or(String::new(), |tables| format!("; iptables-legacy tables ({tables}) are not evaluated"));
        let unsure_drop = new.unsure.iter().find(|u| u.could_drop);
        let unsure_accept = new.unsure.iter().find(|u| u.could_accept);
        match &new.outcome {
            Outcome::Accepted => match unsure_drop {
                None if legacy.is_none() => ok("firewall", format!("{what} is accepted on the input hook")),
                None => warn("firewall", format!("{what} is accepted by nftables{legacy_note}"), self.hints.outside("iptables-legacy -S")),
                Some(u) => warn(
                    "firewall",
                    format!("{what} is accepted, unless {} drops it (cannot evaluate: {}){legacy_note}", u.place, u.why),
                    self.insert_hint(rs, t, &u.place),
                ),
            },
            Outcome::Dropped(p) => {
                let hint = self.insert_hint(rs, t, p);
                if let Some(u) = unsure_accept {
                    return warn("firewall", format!("{what} is dropped by {p}, unless {} accepts it first (cannot evaluate: {})", u.place, u.why), hint);
                }
                let reply = rs.evaluate(&pkt, Flow::Reply);
                if reply.outcome == Outcome::Accepted {
                    return warn(
                        "firewall",
                        format!("{what} is accepted only as an answer to packets this host sent first: what the peer starts is dropped by {p}"),
                        hint,
                    );
                }
                fail("firewall", format!("{what} is dropped by {p}"), hint)
            }
            Outcome::Unknown(p, why) => warn("firewall", format!("{what} cannot be followed at {p}: {why}"), self.insert_hint(rs, t, p)),
        }
    }

    /// The networks routed through NAME to beyond the peer, and this
    /// host's other networks that would be forwarded to and from them.
    fn forwarding(&mut self, nl: &mut Netlink, t: &Tunnel, underlay_dev: Option<u32>) -> Result<(Line, bool)> {
        let name = &t.link.name;
        let own: Vec<(IpAddr, u8)> =
            self.host.addrs.iter().filter(|a| a.index == t.link.index).map(|a| (a.peer.unwrap_or(a.local), a.prefix_len)).collect();
        let mut behind: Vec<(IpAddr, u8)> = Vec::new();
        for body in keepalive::routes_through(nl, t.link.index)? {
            let Some(r) = Route::from_body(rtmsg::RTM_NEWROUTE, &body) else { continue };
            if r.kind != RTN_UNICAST {
                continue;
            }
            let dst = r.attr(rtmsg::RTA_DST).and_then(|b| addr_of(r.family, b)).unwrap_or(if r.family == rtmsg::AF_INET6 {
                IpAddr::V6(Ipv6Addr::UNSPECIFIED)
            } else {
                IpAddr::V4(Ipv4Addr::UNSPECIFIED)
            });
            let inside_own = own.iter().any(|&(net, len)| r.dst_len >= len && within(dst, net, len));
            // A route to the remote itself is the underlay's problem.
            let to_remote = Some(dst) == t.remote && u32::from(r.dst_len) == rtmsg::af_bit_len(r.family);
            if !inside_own && !to_remote && !behind.contains(&(dst, r.dst_len)) {
                behind.push((dst, r.dst_len));
            }
        }
        let rp = |dev: &str| sysctl(&format!("net/ipv4/conf/{dev}/rp_filter")).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
        let strict = rp("all").max(rp(name)) == 1;
        if behind.is_empty() {
            let note = if strict { "; rp_filter is strict on it" } else { "" };
            return Ok((ok("forwarding", format!("no network beyond the peer is routed through {name}{note}")), false));
        }
        let nets: Vec<String> = behind.iter().map(|&(a, l)| prefix_text(a, l)).collect();
        let v4 = behind.iter().any(|(a, _)| a.is_ipv4());
        let v6 = behind.iter().any(|(a, _)| a.is_ipv6());
        // This host's other networks: up devices with a global address,
        // but loopback, NAME and the device NAME's packets leave by.
        let lans: Vec<&Link> = self
            .host
            .links
            .iter()
            .filter(|l| l.index != t.link.index && Some(l.index) != underlay_dev && l.flags & IFF_UP != 0 && l.flags & IFF_LOOPBACK == 0)
            .filter(|l| {
                self.host.addrs.iter().any(|a| {
                    a.index == l.index && a.scope == rtmsg::RT_SCOPE_UNIVERSE && ((v4 && a.local.is_ipv4()) || (v6 && a.local.is_ipv6()))
                })
            })
            .collect();
        let through = format!("{} through {name}", nets.join(", "));
        if lans.is_empty() {
            return Ok((ok("forwarding", format!("{through}, but no other network here to forward to or from")), false));
        }
        let lan_names: Vec<&str> = lans.iter().map(|l| l.name.as_str()).collect();
        let mut off: Vec<String> = Vec::new();
        if v4 {
            for dev in std::iter::once(name.as_str()).chain(lan_names.iter().copied()) {
                if sysctl(&format!("net/ipv4/conf/{dev}/forwarding")).as_deref() != Some("1") {
                    off.push(format!("net/ipv4/conf/{dev}/forwarding"));
                }
            }
        }
        if v6 && sysctl("net/ipv6/conf/all/forwarding").as_deref() != Some("1") {
            off.push("net/ipv6/conf/all/forwarding".into());
        }
        let devices = std::iter::once(name.as_str()).chain(lan_names.iter().copied()).collect::<Vec<_>>().join(", ");
        if !off.is_empty() {
            let v4_off: Vec<&String> = off.iter().filter(|k| k.starts_with("net/ipv4")).collect();
            let devs: Vec<String> = off.iter().filter_map(|k| k.split('/').nth(3).map(String::from)).collect();
            let mut keys: Vec<String> = Vec::new();
            if !v4_off.is_empty() {
                if sysctl("net/ipv4/ip_forward").as_deref() != Some("1") {
                    keys.push("net.ipv4.ip_forward=1".into());
                } else {
                    keys.extend(v4_off.iter().map(|k| format!("{}=1", sysctl_name(k))));
                }
            }
            if off.iter().any(|k| k.starts_with("net/ipv6")) {
                keys.push("net.ipv6.conf.all.forwarding=1".into());
            }
            return Ok((
                fail(
                    "forwarding",
                    format!("forwarding is off for {} ({through}; {} here)", devs.join(", "), lan_names.join(", ")),
                    self.hints.rtun(&format!("sysctl -w {}", keys.join(" "))),
                ),
                true,
            ));
        }
        if strict && v4 {
            return Ok((
                warn(
                    "forwarding",
                    format!("forwarding is on for {devices} ({through}), but rp_filter is strict on {name}: it drops packets from networks not routed back through it"),
                    self.hints.rtun(&format!("sysctl -w {}=2", sysctl_name(&format!("net/ipv4/conf/{name}/rp_filter")))),
                ),
                true,
            ));
        }
        Ok((ok("forwarding", format!("forwarding is on for {devices} ({through})")), true))
    }

    fn mtu(&self, t: &Tunnel, under: &Underlay, forwarding: bool) -> Line {
        let name = t.link.name.clone();
        let (limit, why) = match (under, t.overhead) {
            (Underlay::Broken, _) => return warn("mtu", "not checked: no usable route to the remote", self.hints.rtun(&format!("tunnel check {name}"))),
            (_, None) => {
                return warn(
                    "mtu",
                    format!("not checked: the {} overhead depends on the IPsec state", t.proto_name),
                    self.hints.outside("ip xfrm state"),
                )
            }
            (Underlay::None, Some(_)) if t.bound == 0 => return ok("mtu", format!("{name} mtu {}; no remote to route to", t.link.mtu)),
            (Underlay::None, Some(o)) => {
                let dev = self.host.link(t.bound);
                (dev.map_or(0, |d| d.mtu).saturating_sub(o), format!("{}'s {} less {o} ({})", self.host.name_of(t.bound), dev.map_or(0, |d| d.mtu), t.overhead_text))
            }
            (Underlay::Ok(r), Some(o)) => {
                let dev_mtu = self.host.link(r.oif).map_or(0, |d| d.mtu);
                let (m, whose) = match r.mtu {
                    Some(m) if m < dev_mtu || dev_mtu == 0 => (m, "the route's mtu".to_string()),
                    _ => (dev_mtu, format!("{}'s", self.host.name_of(r.oif))),
                };
                (m.saturating_sub(o), format!("{whose} {m} less {o} ({})", t.overhead_text))
            }
        };
        if t.link.mtu > limit {
            return fail("mtu", format!("{name} mtu {} is larger than {limit}, {why}", t.link.mtu), self.hints.rtun(&format!("link set {name} mtu {limit}")));
        }
        let fits = format!("{name} mtu {} fits {why}", t.link.mtu);
        if !forwarding {
            return ok("mtu", fits);
        }
        let clamp_hint = self.hints.rtun(&format!("nft add clamp-mss oif {name}"));
        let dev = bytes(&name).into_owned();
        match self.ruleset() {
            Err(why) => warn("mtu", format!("{fits}; TCP MSS clamping not checked: {why}"), format!("sudo {}", self.hints.rtun(&format!("tunnel check {name}")))),
            Ok(None) => warn("mtu", format!("{fits}; forwarded TCP is not clamped to it (no nftables ruleset)"), clamp_hint),
            Ok(Some(rs)) => match eval::mss_clamp(rs, &dev) {
                Some(p) => ok("mtu", format!("{fits}; TCP MSS is clamped ({p})")),
                None => warn("mtu", format!("{fits}; forwarded TCP is not clamped to it (no rule sets the MSS for {name})"), clamp_hint),
            },
        }
    }

    fn address(&self, nl: &mut Netlink, t: &Tunnel) -> Line {
        let name = &t.link.name;
        let mine: Vec<&HostAddr> = self
            .host
            .addrs
            .iter()
            .filter(|a| a.index == t.link.index && !matches!(a.local, IpAddr::V6(v6) if v6.segments()[0] & 0xffc0 == 0xfe80))
            .collect();
        if mine.is_empty() {
            return fail("address", format!("{name} has no address"), self.hints.rtun(&format!("address add ADDRESS/PREFIX dev {name}")));
        }
        let shown: Vec<String> = mine
            .iter()
            .map(|a| match a.peer {
                Some(p) => format!("{} peer {}", a.local, prefix_text(p, a.prefix_len)),
                None => format!("{}/{}", a.local, a.prefix_len),
            })
            .collect();
        let up = t.link.flags & IFF_UP != 0;
        for a in &mine {
            let Some(peer) = a.peer else { continue };
            if !up {
                continue;
            }
            match route(nl, peer, None, 0, false) {
                Ok(r) if r.oif == t.link.index => {}
                Ok(r) => {
                    return fail(
                        "address",
                        format!("the peer {peer} is routed via {}, not {name}", self.host.name_of(r.oif)),
                        self.hints.rtun(&format!("route add {peer} dev {name}")),
                    )
                }
                Err(why) => return fail("address", format!("the peer {peer} is not routable: {why}"), self.hints.rtun(&format!("route add {peer} dev {name}"))),
            }
        }
        let note = if up { "" } else { " (the peer's route comes back when it is up)" };
        ok("address", format!("{}{note}", shown.join(", ")))
    }

    /// The far end's tunnel address: a point-to-point peer, or the other
    /// address of a /30, /31 (/126, /127).
    fn peer_address(&self, t: &Tunnel) -> Option<IpAddr> {
        let mine = self.host.addrs.iter().filter(|a| a.index == t.link.index);
        for a in mine.clone() {
            if let Some(p) = a.peer.filter(|p| !p.is_unspecified()) {
                if a.prefix_len == if p.is_ipv4() { 32 } else { 128 } {
                    return Some(p);
                }
            }
        }
        for a in mine {
            match a.local {
                IpAddr::V4(l) if a.prefix_len == 31 => return Some(IpAddr::V4((u32::from(l) ^ 1).into())),
                IpAddr::V4(l) if a.prefix_len == 30 => {
                    let host = u32::from(l) & 3;
                    return Some(IpAddr::V4(((u32::from(l) & !3) | if host == 1 { 2 } else { 1 }).into()));
                }
                IpAddr::V6(l) if a.prefix_len == 127 => return Some(IpAddr::V6((u128::from(l) ^ 1).into())),
                IpAddr::V6(l) if a.prefix_len == 126 => {
                    let host = u128::from(l) & 3;
                    return Some(IpAddr::V6(((u128::from(l) & !3) | if host == 1 { 2 } else { 1 }).into()));
                }
                _ => {}
            }
        }
        None
    }

    fn peer(&self, t: &Tunnel, blocked: bool) -> Line {
        let name = &t.link.name;
        let rerun = self.hints.rtun(&format!("tunnel check {name}"));
        if blocked {
            return warn("peer", "not asked: the failures above keep packets from reaching it", rerun);
        }
        let far = t.remote.map_or("the far end".to_string(), |r| r.to_string());
        let silent = |what: &str| {
            format!(
                "no answer from {far} to {what} in {} s: the far end's tunnel (TUNNEL below) is down, missing or not the mirror of {name}",
                PEER_WAIT.as_secs()
            )
        };
        // Run on the far end: the hint cannot know its tunnel's name.
        let far_end_hint = format!("on {far}: rtun link set TUNNEL up");
        let keepalive_hint = format!("{far_end_hint} && rtun sysctl -w net.ipv4.conf.TUNNEL.accept_local=1 net.ipv4.conf.TUNNEL.forwarding=1");
        const LINUX: &str = "Linux answers those only with net.ipv4.conf.TUNNEL.accept_local=1 and forwarding=1, or running rtun tunnel keepalive";
        let mut unanswered = false;
        if t.link.kind == "gre" {
            match keepalive::ask(t.link, PEER_WAIT) {
                Ok(Ok(true)) => return ok("peer", format!("{far} answered a GRE keepalive")),
                // Perhaps only keepalives go unanswered: an echo tells.
                Ok(Ok(false)) => unanswered = true,
                Ok(Err(e)) if matches!(e.raw_os_error(), Some(libc::EPERM | libc::EACCES)) => {
                    return warn("peer", "not asked: sending a GRE keepalive needs root (CAP_NET_RAW)", format!("sudo {rerun}"))
                }
                Ok(Err(e)) => return warn("peer", format!("not asked: {}", crate::netlink::errno::strerror(e.raw_os_error().unwrap_or(libc::EIO))), rerun),
                // No keepalives for this tunnel (it numbers its packets, has
                // no single remote …): an echo instead, as for other modes.
                Err(_) => {}
            }
        }
        let unanswered_keepalive = || fail("peer", format!("{} ({LINUX})", silent("a GRE keepalive")), keepalive_hint.clone());
        let Some(addr) = self.peer_address(t) else {
            if unanswered {
                return unanswered_keepalive();
            }
            return warn(
                "peer",
                format!("not asked: {name} has no point-to-point peer address to send an ICMP echo to"),
                self.hints.rtun(&format!("address add LOCAL peer PEER dev {name}")),
            );
        };
        if t.link.flags & IFF_UP == 0 {
            if unanswered {
                return unanswered_keepalive();
            }
            return warn("peer", format!("not asked: {name} is down"), rerun);
        }
        let what = if unanswered { format!("a GRE keepalive, nor to an ICMP echo to {addr}") } else { format!("an ICMP echo to {addr}") };
        match rawip::echo(addr, PEER_WAIT) {
            Ok(true) if unanswered => ok("peer", format!("{addr} answered an ICMP echo through {name}, though not a GRE keepalive ({LINUX})")),
            Ok(true) => ok("peer", format!("{addr} answered an ICMP echo through {name}")),
            Ok(false) => fail("peer", silent(&what), far_end_hint),
            Err(_) if unanswered => unanswered_keepalive(),
            Err(e) if matches!(e.raw_os_error(), Some(libc::EPERM | libc::EACCES)) => {
                warn("peer", "not asked: an ICMP echo needs root (CAP_NET_RAW) or a group in net.ipv4.ping_group_range", format!("sudo {rerun}"))
            }
            Err(e) => warn("peer", format!("not asked: {}", crate::netlink::errno::strerror(e.raw_os_error().unwrap_or(libc::EIO))), rerun),
        }
    }
}

/// The iptables-legacy tables of this namespace (x_tables), if any: their
/// rules run too, and rtun cannot read them.
fn legacy_iptables(v6: bool) -> Option<String> {
    let file = if v6 { "/proc/net/ip6_tables_names" } else { "/proc/net/ip_tables_names" };
    let names = std::fs::read_to_string(file).ok()?;
    let names: Vec<&str> = names.split_whitespace().collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// All checks of one tunnel (or of a name that is none).
fn check_one(ck: &mut Checker, nl: &mut Netlink, name: &str) -> Result<Vec<Line>> {
    let host = ck.host;
    let Some(link) = host.links.iter().find(|l| l.name == name) else {
        // No such device: what mode would it have, by its name?
        let guessed = super::v4::mode_of_name(name)
            .and_then(|g| super::params::V4 { proto: g.proto, vti: g.vti, ..Default::default() }.kind());
        let mut lines = Vec::new();
        if let Some(kind) = guessed {
            lines.push(ck.kernel(kind, false));
        }
        let mode = guessed.unwrap_or("MODE");
        lines.push(fail(
            "device",
            format!("there is no device {name}"),
            ck.hints.rtun(&format!("tunnel add {name} mode {mode} local LOCAL remote REMOTE")),
        ));
        return Ok(lines);
    };
    let Some(t) = Tunnel::of(link).filter(|_| is_tunnel_kind(&link.kind)) else {
        let what = if link.kind.is_empty() { "a device without a link kind".to_string() } else { format!("a {} device", link.kind) };
        return Ok(vec![fail("device", format!("{name} is {what}, not a tunnel"), ck.hints.rtun("tunnel show"))]);
    };
    let mut lines = vec![ck.kernel(&link.kind, true), ck.device(&t)];
    let local = ck.local(nl, &t);
    let (underlay, under) = ck.underlay(nl, &t);
    let (dst, iif) = match &under {
        Underlay::Ok(r) => (
            t.local.filter(|l| host.owner_of(*l).is_some()).or(r.prefsrc),
            host.link(r.oif).map(|l| Iface { index: l.index, name: bytes(&l.name).into_owned(), kind: l.kind.clone(), arphrd: l.ifi_type }),
        ),
        _ => (t.local, None),
    };
    ck.load_ruleset();
    let firewall = ck.firewall(&t, dst, iif);
    let underlay_dev = match &under {
        Underlay::Ok(r) => Some(r.oif),
        _ => None,
    };
    let (forwarding, forwards) = ck.forwarding(nl, &t, underlay_dev)?;
    let mtu = ck.mtu(&t, &under, forwards);
    let address = ck.address(nl, &t);
    let blocked = [&local, &underlay, &firewall].iter().any(|l| l.status == Status::Fail);
    let peer = ck.peer(&t, blocked);
    lines.extend([local, underlay, firewall, forwarding, mtu, address, peer]);
    Ok(lines)
}

/// Print the lines: aligned text, or one JSON object each.
fn print<W: Write>(p: &mut Printer<W>, reports: &[(String, Vec<Line>)]) -> io::Result<()> {
    let width = reports.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(0);
    let name_fmt = format!("{{:<{width}}}  ");
    p.begin()?;
    for (name, lines) in reports {
        for l in lines {
            p.open_object(None)?;
            p.string_c(Out::Any, Color::Ifname, Some("ifname"), &name_fmt, name)?;
            p.str("check", "{:<10}  ", l.check)?;
            let color = match l.status {
                Status::Ok => Color::OperUp,
                Status::Warn => Color::Mac,
                Status::Fail => Color::OperDown,
            };
            p.string_c(Out::Any, color, Some("status"), "{:<4}  ", l.status.word())?;
            p.str("detail", "{}", &l.detail)?;
            match &l.hint {
                Some(h) => p.str("hint", "; hint: {}", h)?,
                None => p.null(Out::Json, "hint", "", "")?,
            }
            p.close_object()?;
            p.text("\n")?;
        }
    }
    p.end()
}

/// `tunnel check [ NAME ]`.
pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let name = parse(args)?;
    let hints = Hints { netns: ctx.opts.netns.clone() };
    let nl = ctx.nl()?;
    let host = Host::read(nl)?;
    let names: Vec<String> = match &name {
        Some(n) => vec![n.clone()],
        None => host
            .links
            .iter()
            .filter(|l| is_tunnel_kind(&l.kind))
            .filter(|l| Tunnel::of(l).is_some_and(|t| !t.is_fallback()))
            .map(|l| l.name.clone())
            .collect(),
    };
    let mut ck = Checker { host: &host, hints, ruleset: None };
    let mut reports = Vec::new();
    for n in names {
        let lines = check_one(&mut ck, nl, &n)?;
        reports.push((n, lines));
    }
    print(&mut ctx.out, &reports)?;
    if reports.iter().flat_map(|(_, l)| l).any(|l| l.status == Status::Fail) {
        return Err(Error::Exit(1));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::gre::GreHeader;

    fn link(kind: &str, data: crate::netlink::attr::AttrWriter) -> Link {
        Link { index: 7, name: "t1".into(), kind: kind.into(), data: data.finish().expect("fits"), ..Link::default() }
    }

    #[test]
    fn overheads_count_what_the_kernel_counts() {
        let v4 = |kind: &str, oflags: u16| {
            let p = V4 { local: Ipv4Addr::new(192, 0, 2, 1), remote: Ipv4Addr::new(192, 0, 2, 2), hdr: GreHeader { oflags, okey: 5, ..GreHeader::default() }, proto: IPPROTO_GRE, ..V4::default() };
            link(kind, p.data(kind, None))
        };
        let plain = v4("gre", 0);
        let t = Tunnel::of(&plain).expect("a tunnel");
        assert_eq!((t.overhead, t.overhead_text.as_str(), t.proto), (Some(24), "IPv4 20, GRE 4", 47));
        let all = v4("gre", GRE_KEY | GRE_CSUM | GRE_SEQ);
        let t = Tunnel::of(&all).expect("a tunnel");
        assert_eq!((t.overhead, t.overhead_text.as_str()), (Some(36), "IPv4 20, GRE 16"));
        let ipip = link("ipip", V4 { proto: IPPROTO_IPIP, ..V4::default() }.data("ipip", None));
        let t = Tunnel::of(&ipip).expect("a tunnel");
        assert_eq!((t.overhead, t.proto, t.remote), (Some(20), 4, None));
        let sit = link("sit", V4 { proto: IPPROTO_IPV6, ..V4::default() }.data("sit", None));
        assert_eq!(Tunnel::of(&sit).map(|t| (t.overhead, t.proto, t.inner_v6)), Some((Some(20), 41, true)));
        let vti = link("vti", V4 { proto: IPPROTO_IPIP, vti: true, ..V4::default() }.data("vti", None));
        assert_eq!(Tunnel::of(&vti).map(|t| (t.overhead, t.proto)), Some((None, 50)));
        // ip6gre with a key, with and without the encapsulation limit option.
        let mut p6 = V6::init(true);
        p6.proto = IPPROTO_GRE;
        p6.hdr.oflags = GRE_KEY;
        let t6 = link("ip6gre", p6.data("ip6gre"));
        let t = Tunnel::of(&t6).expect("a tunnel");
        assert_eq!((t.overhead, t.overhead_text.as_str()), (Some(56), "IPv6 40, encapsulation limit 8, GRE 8"));
        p6.ip6.flags = IP6_TNL_F_IGN_ENCAP_LIMIT;
        let t6 = link("ip6gre", p6.data("ip6gre"));
        assert_eq!(Tunnel::of(&t6).and_then(|t| t.overhead), Some(48));
    }

    #[test]
    fn the_packet_the_far_end_sends() {
        let p = V4 {
            local: Ipv4Addr::new(192, 0, 2, 1),
            remote: Ipv4Addr::new(192, 0, 2, 2),
            hdr: GreHeader { iflags: GRE_KEY, ikey: 0x01020304, ..GreHeader::default() },
            proto: IPPROTO_GRE,
            ..V4::default()
        };
        let l = link("gre", p.data("gre", None));
        let t = Tunnel::of(&l).expect("a tunnel");
        let pkt = t.packet(IpAddr::V4(p.local)).expect("a packet");
        assert_eq!((pkt.l4proto, &pkt.bytes[9..10], &pkt.bytes[12..20]), (47, &[47u8][..], &[192, 0, 2, 2, 192, 0, 2, 1][..]));
        // GRE with our ikey (the far end's okey), then IPv4 inside.
        assert_eq!(&pkt.bytes[20..28], &[0x20, 0, 0x08, 0, 1, 2, 3, 4]);
        assert_eq!(pkt.bytes[28] >> 4, 4);
    }

    #[test]
    fn words_for_prefixes() {
        let a = |s: &str| s.parse::<IpAddr>().expect("an address");
        assert_eq!(prefix_text(a("0.0.0.0"), 0), "default");
        assert_eq!(prefix_text(a("192.0.2.2"), 32), "192.0.2.2");
        assert_eq!(prefix_text(a("10.2.0.0"), 24), "10.2.0.0/24");
        assert_eq!(prefix_text(a("2001:db8::"), 32), "2001:db8::/32");
        assert!(within(a("10.2.0.9"), a("10.2.0.0"), 24) && !within(a("10.3.0.9"), a("10.2.0.0"), 24));
        assert!(within(a("198.51.100.1"), a("0.0.0.0"), 0) && !within(a("2001:db8::1"), a("0.0.0.0"), 0));
        assert!(within(a("2001:db8:1::5"), a("2001:db8::"), 32));
    }

    #[test]
    fn names_the_check_takes() {
        let w = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
        assert_eq!(parse(&w("")).ok(), Some(None));
        assert_eq!(parse(&w("gre1")).ok(), Some(Some("gre1".into())));
        assert!(matches!(parse(&w("gre1 gre2")), Err(Error::Usage(_))));
        assert!(matches!(parse(&w("sixteen-chars-xx")), Err(Error::Usage(_))));
        assert!(matches!(parse(&w("help")), Err(Error::Help(_))));
    }
}
