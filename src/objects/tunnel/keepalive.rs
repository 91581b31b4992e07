//! `tunnel keepalive NAME [ interval SECONDS ] [ retries COUNT ] [ once ]`
//! (rtun only): GRE keepalives as routers send them, and the answers to
//! the far end's own.
//!
//! # What is sent
//!
//! Every interval, to the tunnel's remote end R from its local end L, the
//! packet Cisco describes in "How GRE Keepalives Work" (MikroTik sends the
//! same): a GRE packet whose payload is the answer, already made.
//!
//! ```text
//!   IPv4 header   L -> R, protocol 47          written by the kernel
//!   GRE header    flags/version, protocol 0x0800 (IPv4)
//!                 [checksum, if the tunnel sets ocsum] [okey, if it has one]
//!   IPv4 header   R -> L, protocol 47, 20 bytes (no options), TOS 0,
//!                 identification 0, no fragment bits, TTL 255
//!   GRE header    flags/version, protocol 0 (a keepalive)
//!                 [checksum, if the tunnel sets icsum] [ikey, if it has one]
//! ```
//!
//! The far end takes the outer headers off as for any packet of the tunnel
//! and routes what is left, which is addressed back to L: a GRE packet of
//! protocol 0 from R, the answer. The outer GRE header is what the far
//! end's tunnel expects (our okey is its ikey, our ocsum its icsum); the
//! inner one is what it would send us (our ikey and icsum). A tunnel that
//! numbers its packets (oseq) is refused: the far end would drop a
//! keepalive that does not carry the next number.
//!
//! # What is received
//!
//! A raw socket of protocol 47 sees every GRE packet that reaches this
//! host, whether a tunnel takes it or not (a BPF filter lets through only
//! those from R of protocol 0, or of protocol 0x0800 wrapping GRE).
//! Packets with another key than the tunnel's ikey are not the tunnel's.
//! - protocol 0 from R: an answer;
//! - protocol 0x0800 from R whose payload is a GRE packet of protocol 0:
//!   the far end's keepalive. Linux would route the payload only with
//!   accept_local and forwarding on the tunnel device (its source is one
//!   of our addresses); rtun sends it on itself (IP_HDRINCL), from the
//!   address the keepalive reached to the address it came from. Without a
//!   NAT between those are the payload's own addresses, so the packet goes
//!   as it is; behind a NAT they are the addresses the NAT will translate,
//!   and the GRE header gets four zeros after it (Linux's NAT drops GRE
//!   packets of fewer than 8 bytes).
//!
//! # What is done
//!
//! After `retries` keepalives in a row went unanswered, the tunnel is set
//! down — if it is up: its routes (every table, IPv4 and IPv6, except the
//! kernel's own) and addresses are noted first, since the kernel drops
//! them. At the first answer it is set up again and what the kernel does
//! not put back itself is added again. SIGTERM, SIGINT and SIGHUP end the
//! watch with the tunnel up, as it was found.

use std::io;
use std::net::Ipv4Addr;
use std::time::{Duration, Instant};

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL};
use netlink_packet_route::address::AddressMessage;
use netlink_packet_route::link::{LinkFlags, LinkMessage};
use netlink_packet_route::route::RouteMessage;
use netlink_packet_route::RouteNetlinkMessage;

use super::netlink::{find_link, Link};
use super::params::{V4, IPPROTO_GRE};
use crate::cli::batch::signals;
use crate::objects::tunnel::grammar::KEEPALIVE_KEYWORDS;
use crate::cli::words::{lookup, Words};
use crate::error::{duparg, duparg2, invarg, missarg, no_device, Error, Result, Topic};
use crate::kinds::tunnel_attrs::{GRE_CSUM, GRE_KEY, GRE_ROUTING, GRE_SEQ};
use crate::netlink::rawip::{self, GreSocket, HdrInclSocket, Outer};
use crate::netlink::request::KernelError;
use crate::netlink::{Netlink, Outgoing};
use crate::objects::route::msg::{self as rtmsg, Route};
use crate::print::{Color, Out, Printer};
use crate::Context;

const ETH_P_IP: u16 = 0x0800;
/// The GRE protocol type of a keepalive.
const GRE_KEEPALIVE: u16 = 0;
/// The TTL of the answer inside a keepalive.
const INNER_TTL: u8 = 255;

/// Cisco's defaults (`keepalive` on a tunnel interface) and bounds.
pub const DEFAULT_INTERVAL: u32 = 10;
pub const DEFAULT_RETRIES: u32 = 3;
pub const MAX_INTERVAL: u32 = 32767;
pub const MAX_RETRIES: u32 = 255;

/// The command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub name: String,
    pub interval: u32,
    pub retries: u32,
    pub once: bool,
}

fn bounded(word: &str, value: &str, max: u32, what: &str) -> Result<u32> {
    match value.parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) && !value.starts_with('+') => Ok(n),
        _ => Err(invarg(&format!("\"{word}\" must be a whole number from 1 to {max} ({what})"), value)),
    }
}

/// Read the words after `keepalive`.
pub fn parse(args: &[String]) -> Result<Args> {
    let mut w = Words::new(args);
    let (mut name, mut interval, mut retries, mut once) = (None::<String>, None, None, false);
    while let Some(word) = w.next() {
        let Some(k) = lookup(word, KEEPALIVE_KEYWORDS) else {
            if let Some(n) = &name {
                return Err(duparg2(n, word));
            }
            name = Some(word.to_string());
            continue;
        };
        match k.names.first().map_or("", |n| n.text) {
            "interval" => {
                let v = w.value()?;
                if interval.replace(bounded("interval", v, MAX_INTERVAL, "seconds")?).is_some() {
                    return Err(duparg("interval", v));
                }
            }
            "retries" => {
                let v = w.value()?;
                if retries.replace(bounded("retries", v, MAX_RETRIES, "keepalives")?).is_some() {
                    return Err(duparg("retries", v));
                }
            }
            "once" => once = true,
            _ => return Err(Error::help(Topic::Current)),
        }
    }
    let name = name.ok_or_else(|| missarg("NAME"))?;
    if name.is_empty() || name.len() >= 16 {
        return Err(invarg("\"NAME\" not a valid ifname", &name));
    }
    Ok(Args { name, interval: interval.unwrap_or(DEFAULT_INTERVAL), retries: retries.unwrap_or(DEFAULT_RETRIES), once })
}

/// What of a tunnel its keepalives depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer {
    /// None: the tunnel leaves the source to routing (`local any`).
    pub local: Option<Ipv4Addr>,
    pub remote: Ipv4Addr,
    /// Keys on what we send and what we receive (with their flag only).
    pub okey: Option<u32>,
    pub ikey: Option<u32>,
    pub ocsum: bool,
    pub icsum: bool,
    /// The outer header's TTL and TOS, as the tunnel's own packets have them.
    pub ttl: Option<u8>,
    pub tos: Option<u8>,
}

/// The keepalive parameters of link `l`, or why it cannot have keepalives.
pub fn peer_of(l: &Link) -> Result<Peer> {
    let name = &l.name;
    let refuse = |why: String| Err(Error::Failure(format!("{name}: {why}")));
    match l.kind.as_str() {
        "gre" => {}
        "gretap" | "erspan" => {
            return refuse(format!("a {} tunnel carries Ethernet; keepalives are for GRE tunnels that carry IP (kind gre)", l.kind))
        }
        "ip6gre" | "ip6gretap" | "ip6erspan" => {
            return refuse(format!("an {} tunnel runs over IPv6; rtun sends keepalives over IPv4 GRE only (kind gre)", l.kind))
        }
        "ipip" | "sit" | "vti" | "vti6" | "ip6tnl" => {
            return refuse(format!("{} tunnels have no keepalive format; only GRE tunnels (kind gre) have keepalives", l.kind))
        }
        "" => return refuse("not a tunnel; keepalives are for GRE tunnels (kind gre)".into()),
        other => return refuse(format!("a device of kind {other} is not a GRE tunnel (kind gre)")),
    }
    let Some(p) = V4::of_link(l) else { return refuse("not a GRE tunnel".into()) };
    if p.remote.is_unspecified() || p.remote.is_multicast() || p.remote.is_broadcast() {
        return refuse("the tunnel has no single remote address; keepalives need a point-to-point tunnel (remote ADDR)".into());
    }
    if p.hdr.oflags & GRE_SEQ != 0 {
        return refuse("the tunnel numbers its packets (oseq); the far end would drop keepalives, which carry no sequence number".into());
    }
    Ok(Peer {
        local: (!p.local.is_unspecified()).then_some(p.local),
        remote: p.remote,
        okey: (p.hdr.oflags & GRE_KEY != 0).then_some(p.hdr.okey),
        ikey: (p.hdr.iflags & GRE_KEY != 0).then_some(p.hdr.ikey),
        ocsum: p.hdr.oflags & GRE_CSUM != 0,
        icsum: p.hdr.iflags & GRE_CSUM != 0,
        ttl: (p.ttl != 0).then_some(p.ttl),
        tos: (p.tos & !1 != 0 && p.tos & 1 == 0).then_some(p.tos),
    })
}

pub use crate::netlink::rawip::checksum;

/// A GRE header (RFC 2784/2890) of `proto` with `key` and a checksum if
/// asked, followed by `payload`.
pub fn gre(proto: u16, key: Option<u32>, csum: bool, payload: &[u8]) -> Vec<u8> {
    let flags = if csum { GRE_CSUM } else { 0 } | if key.is_some() { GRE_KEY } else { 0 };
    let mut v = Vec::with_capacity(16 + payload.len());
    v.extend_from_slice(&flags.to_be_bytes());
    v.extend_from_slice(&proto.to_be_bytes());
    if csum {
        v.extend_from_slice(&[0; 4]);
    }
    if let Some(k) = key {
        v.extend_from_slice(&k.to_be_bytes());
    }
    v.extend_from_slice(payload);
    if csum {
        let c = checksum(&v);
        v[4..6].copy_from_slice(&c.to_be_bytes());
    }
    v
}

/// An IPv4 header of 20 bytes from `src` to `dst` before `payload`, of
/// protocol GRE, with the layout of the answer inside a keepalive.
pub fn ipv4_gre(src: Ipv4Addr, dst: Ipv4Addr, payload: &[u8]) -> Vec<u8> {
    let total = (20 + payload.len()) as u16;
    let mut v = Vec::with_capacity(total as usize);
    v.extend_from_slice(&[0x45, 0]);
    v.extend_from_slice(&total.to_be_bytes());
    v.extend_from_slice(&[0, 0, 0, 0, INNER_TTL, IPPROTO_GRE, 0, 0]);
    v.extend_from_slice(&src.octets());
    v.extend_from_slice(&dst.octets());
    let c = checksum(&v);
    v[10..12].copy_from_slice(&c.to_be_bytes());
    v.extend_from_slice(payload);
    v
}

/// What goes to the raw socket (after the kernel's outer IPv4 header): the
/// keepalive from `local` (the tunnel's, or the one routing picks).
pub fn keepalive(p: &Peer, local: Ipv4Addr) -> Vec<u8> {
    let answer = ipv4_gre(p.remote, local, &gre(GRE_KEEPALIVE, p.ikey, p.icsum, &[]));
    gre(ETH_P_IP, p.okey, p.ocsum, &answer)
}

/// An IPv4 header: (its length, source, destination, protocol, the
/// packet's total length); None if `b` is not an unfragmented IPv4 packet.
fn ipv4(b: &[u8]) -> Option<(usize, Ipv4Addr, Ipv4Addr, u8, usize)> {
    let hlen = usize::from(*b.first()? & 0x0f) * 4;
    if b[0] >> 4 != 4 || hlen < 20 || b.len() < hlen {
        return None;
    }
    let total = usize::from(u16::from_be_bytes([b[2], b[3]]));
    let frag = u16::from_be_bytes([b[6], b[7]]);
    if total < hlen || frag & 0x3fff != 0 {
        return None;
    }
    let addr = |i: usize| Ipv4Addr::new(b[i], b[i + 1], b[i + 2], b[i + 3]);
    Some((hlen, addr(12), addr(16), b[9], total))
}

/// A GRE header: (protocol, key, its length); None for other versions
/// and for RFC 1701 source routes.
fn gre_header(b: &[u8]) -> Option<(u16, Option<u32>, usize)> {
    let flags = u16::from_be_bytes([*b.first()?, *b.get(1)?]);
    if flags & 0x7 != 0 || flags & GRE_ROUTING != 0 {
        return None;
    }
    let proto = u16::from_be_bytes([*b.get(2)?, *b.get(3)?]);
    let mut len = 4;
    if flags & GRE_CSUM != 0 {
        len += 4;
    }
    let key = if flags & GRE_KEY != 0 {
        let k = u32::from_be_bytes(b.get(len..len + 4)?.try_into().ok()?);
        len += 4;
        Some(k)
    } else {
        None
    };
    if flags & GRE_SEQ != 0 {
        len += 4;
    }
    (b.len() >= len).then_some((proto, key, len))
}

/// What a received GRE packet is to a watcher of tunnel `p`.
#[derive(Debug, PartialEq, Eq)]
pub enum Seen {
    /// An answer to one of our keepalives.
    Answer,
    /// The far end's keepalive: what to send back, and where to.
    Keepalive { answer: Vec<u8>, to: Ipv4Addr },
    /// Something else (another tunnel's, data, garbage).
    Other,
}

/// Sort a received packet (its IPv4 header first).
pub fn classify(p: &Peer, packet: &[u8]) -> Seen {
    let Some((hlen, src, reached, proto, total)) = ipv4(packet) else { return Seen::Other };
    let packet = &packet[..total.min(packet.len())];
    if proto != IPPROTO_GRE || src != p.remote || p.local.is_some_and(|l| l != reached) {
        return Seen::Other;
    }
    let Some((gre_proto, key, glen)) = gre_header(&packet[hlen..]) else { return Seen::Other };
    if key != p.ikey {
        return Seen::Other;
    }
    match gre_proto {
        GRE_KEEPALIVE => Seen::Answer,
        ETH_P_IP => {
            let inner = &packet[hlen + glen..];
            let Some((ihlen, _, _, iproto, itotal)) = ipv4(inner) else { return Seen::Other };
            if iproto != IPPROTO_GRE || itotal > inner.len() || ihlen != 20 {
                return Seen::Other;
            }
            let inner = &inner[..itotal];
            match gre_header(&inner[ihlen..]) {
                Some((GRE_KEEPALIVE, _, _)) => {}
                _ => return Seen::Other,
            }
            // Back the way it came: from the address it reached to the
            // sender. Without NAT these are its own addresses, and it goes
            // as it is.
            let mut answer = inner.to_vec();
            if answer[12..16] != reached.octets() || answer[16..20] != src.octets() {
                answer[12..16].copy_from_slice(&reached.octets());
                answer[16..20].copy_from_slice(&src.octets());
                // Linux's NAT drops a GRE packet of fewer than 8 bytes (it
                // makes them writable for PPTP's header): zeros after it.
                if answer.len() < 28 {
                    answer.resize(28, 0);
                    answer[2..4].copy_from_slice(&28u16.to_be_bytes());
                }
                answer[10..12].copy_from_slice(&[0, 0]);
                let c = checksum(&answer[..20]);
                answer[10..12].copy_from_slice(&c.to_be_bytes());
            }
            Seen::Keepalive { answer, to: src }
        }
        _ => Seen::Other,
    }
}

/// The classic BPF program of the receiving socket: from `remote`, GRE of
/// protocol 0, or of protocol 0x0800 whose payload is GRE; the rest stays
/// in the kernel (a busy tunnel's data is never copied out).
pub fn filter(remote: Ipv4Addr) -> Vec<libc::sock_filter> {
    const LD_W_ABS: u16 = 0x20;
    const LD_H_IND: u16 = 0x48;
    const LD_B_IND: u16 = 0x50;
    const LDX_B_MSH: u16 = 0xb1;
    const LD_MEM: u16 = 0x60;
    const ST: u16 = 0x02;
    const ADD_K: u16 = 0x04;
    const JEQ_K: u16 = 0x15;
    const JSET_K: u16 = 0x45;
    const RET_K: u16 = 0x06;
    const TAX: u16 = 0x07;
    const TXA: u16 = 0x87;
    const ACCEPT: u8 = 29;
    const DROP: u8 = 30;
    let s = |code, k| libc::sock_filter { code, jt: 0, jf: 0, k };
    // A jump at `at` to absolute targets.
    let j = |at: u8, code, k, t: u8, f: u8| libc::sock_filter { code, jt: t - at - 1, jf: f - at - 1, k };
    let add4 = |flag: u32, at: u8| {
        [j(at, JSET_K, flag, at + 1, at + 4), s(LD_MEM, 0), s(ADD_K, 4), s(ST, 0), s(LD_MEM, 1)]
    };
    let mut p = vec![
        s(LD_W_ABS, 12),                                   // 0: A = source address
        j(1, JEQ_K, u32::from(remote), 2, DROP),           // 1
        s(LDX_B_MSH, 0),                                   // 2: X = IPv4 header length
        s(LD_H_IND, 2),                                    // 3: A = GRE protocol
        j(4, JEQ_K, GRE_KEEPALIVE.into(), ACCEPT, 5),      // 4
        j(5, JEQ_K, ETH_P_IP.into(), 6, DROP),             // 5
        s(TXA, 0),                                         // 6
        s(ADD_K, 4),                                       // 7
        s(ST, 0),                                          // 8: M[0] = where the payload starts
        s(LD_H_IND, 0),                                    // 9: A = GRE flags
        s(ST, 1),                                          // 10: M[1] = flags
    ];
    p.extend(add4(GRE_CSUM.into(), 11)); // 11-15: +4 for a checksum
    p.extend(add4(GRE_KEY.into(), 16)); // 16-20: +4 for a key
    p.extend(add4(GRE_SEQ.into(), 21)); // 21-25: +4 for a sequence number
    p.truncate(25);
    p.extend([
        s(LD_MEM, 0),                                      // 25
        s(TAX, 0),                                         // 26
        s(LD_B_IND, 9),                                    // 27: A = the payload's protocol
        j(28, JEQ_K, IPPROTO_GRE.into(), ACCEPT, DROP),    // 28
        s(RET_K, 0xffff),                                  // 29: ACCEPT
        s(RET_K, 0),                                       // 30: DROP
    ]);
    p
}

/// How often a watch reads the tunnel's parameters again.
const REREAD: Duration = Duration::from_secs(30);

/// The sockets of one tunnel's watch.
struct Sockets {
    /// The tunnel's link, when they were opened.
    index: u32,
    peer: Peer,
    gre: GreSocket,
    raw: HdrInclSocket,
}

fn socket_error(e: io::Error) -> Error {
    Error::Failure(format!("Cannot open a raw IPv4 socket: {}", crate::netlink::errno::strerror(e.raw_os_error().unwrap_or(libc::EIO))))
}

impl Sockets {
    fn open(index: u32, peer: Peer) -> Result<Self> {
        Self::open_io(index, peer).map_err(socket_error)
    }

    fn open_io(index: u32, peer: Peer) -> io::Result<Self> {
        let outer = Outer { local: peer.local, ttl: peer.ttl, tos: peer.tos };
        let gre = GreSocket::open(outer, &filter(peer.remote))?;
        let raw = HdrInclSocket::open()?;
        Ok(Sockets { index, peer, gre, raw })
    }

    /// Send one keepalive and wait up to `wait` for its answer (answering
    /// the far end's own meanwhile).
    fn ask(&self, wait: Duration) -> io::Result<bool> {
        let mut buf = vec![0u8; 2048];
        let deadline = Instant::now() + wait;
        let mask = current_mask();
        self.send();
        let mut answered = false;
        while !answered {
            let now = Instant::now();
            if now >= deadline {
                break;
            }
            rawip::wait_readable(&self.gre, deadline - now, &mask)?;
            answered = self.take(&mut buf);
        }
        Ok(answered)
    }

    /// Send one keepalive; a network that cannot take it (no route, down)
    /// makes it one that goes unanswered.
    fn send(&self) {
        let local = match self.peer.local {
            Some(l) => Some(l),
            None => rawip::route_source(self.peer.remote).ok(),
        };
        if let Some(local) = local {
            let _ = self.gre.send(self.peer.remote, &keepalive(&self.peer, local));
        }
    }

    /// Read what waits: answer the far end's keepalives; whether an answer
    /// to ours was among it.
    fn take(&self, buf: &mut [u8]) -> bool {
        let mut answered = false;
        while let Ok(Some(n)) = self.gre.recv(buf) {
            match classify(&self.peer, &buf[..n]) {
                Seen::Answer => answered = true,
                Seen::Keepalive { answer, to } => {
                    let _ = self.raw.send(to, &answer);
                }
                Seen::Other => {}
            }
        }
        answered
    }
}

/// One keepalive to the far end of GRE tunnel `link`: whether it was
/// answered within `wait` (`tunnel check`'s peer check). The outer error
/// is why the tunnel cannot have keepalives (`peer_of`), the inner one
/// why the raw sockets could not be opened or used (EPERM without
/// CAP_NET_RAW).
pub fn ask(link: &Link, wait: Duration) -> Result<io::Result<bool>> {
    let peer = peer_of(link)?;
    Ok(Sockets::open_io(link.index, peer).and_then(|s| s.ask(wait)))
}

/// The tunnel called `name` and its keepalive parameters.
fn tunnel(nl: &mut Netlink, name: &str) -> Result<(Link, Peer)> {
    let link = find_link(nl, name)?.ok_or_else(|| no_device(name))?;
    let peer = peer_of(&link)?;
    Ok((link, peer))
}

// ------------------------------------------------------------ link state

const RTM_NEWADDR: u16 = 20;
const IFA_FLAGS: u16 = 8;
const IFA_F_PERMANENT: u32 = 0x80;
const RTPROT_KERNEL: u8 = 2;

/// What the kernel drops with a tunnel that goes down: its routes and
/// addresses, as dumped (the messages' bodies, ready to be sent back).
#[derive(Default)]
struct Noted {
    addresses: Vec<Vec<u8>>,
    routes: Vec<Vec<u8>>,
}

/// The routes whose next hop (or one of whose next hops) is `index`,
/// except the kernel's own (made again from the addresses and the link).
pub fn routes_through(nl: &mut Netlink, index: u32) -> Result<Vec<Vec<u8>>> {
    nl.collect(RouteNetlinkMessage::GetRoute(RouteMessage::default()), |found: &mut Vec<Vec<u8>>, msg| {
        let Some(r) = Route::from_nlmsg(msg) else { return Ok(()) };
        if r.msg_type != rtmsg::RTM_NEWROUTE
            || !matches!(r.family, rtmsg::AF_INET | rtmsg::AF_INET6)
            || r.flags & rtmsg::RTM_F_CLONED != 0
            || r.protocol == RTPROT_KERNEL
        {
            return Ok(());
        }
        let via = r.u32(rtmsg::RTA_OIF) == Some(index) || nexthops(r.attr(rtmsg::RTA_MULTIPATH).unwrap_or(&[])).any(|(_, ifindex)| ifindex == index);
        if via {
            found.push(restorable(&msg[rtmsg::NLMSG_HDRLEN..]));
        }
        Ok(())
    })
}

/// The (offset, ifindex) of each `rtnexthop` in an RTA_MULTIPATH payload.
fn nexthops(mp: &[u8]) -> impl Iterator<Item = (usize, u32)> + '_ {
    let mut off = 0;
    std::iter::from_fn(move || {
        let nh = mp.get(off..off + 8)?;
        let len = usize::from(u16::from_ne_bytes([nh[0], nh[1]]));
        if len < 8 {
            return None;
        }
        let item = (off, u32::from_ne_bytes([nh[4], nh[5], nh[6], nh[7]]));
        off += (len + 3) & !3;
        Some(item)
    })
}

/// A dumped route as a request to add it: of the flags only `onlink`
/// stays (the kernel refuses `dead` and `linkdown`, and reports the rest).
fn restorable(body: &[u8]) -> Vec<u8> {
    let mut b = body.to_vec();
    if b.len() < rtmsg::RTMSG_LEN {
        return b;
    }
    let flags = u32::from_ne_bytes([b[8], b[9], b[10], b[11]]) & rtmsg::RTNH_F_ONLINK;
    b[8..12].copy_from_slice(&flags.to_ne_bytes());
    let mut off = rtmsg::RTMSG_LEN;
    while off + 4 <= b.len() {
        let len = usize::from(u16::from_ne_bytes([b[off], b[off + 1]]));
        let kind = usize::from(u16::from_ne_bytes([b[off + 2], b[off + 3]]));
        if len < 4 || off + len > b.len() {
            break;
        }
        if kind == rtmsg::RTA_MULTIPATH {
            let start = off + 4;
            let hops: Vec<usize> = nexthops(&b[start..off + len]).map(|(o, _)| o).collect();
            for o in hops {
                b[start + o + 2] &= rtmsg::RTNH_F_ONLINK as u8;
            }
        }
        off += (len + 3) & !3;
    }
    b
}

/// The order routes are added back in: direct ones, then those via a
/// gateway (which must be reachable), then multipath ones.
fn restore_rank(body: &[u8]) -> u8 {
    match Route::from_body(rtmsg::RTM_NEWROUTE, body) {
        Some(r) if r.attr(rtmsg::RTA_MULTIPATH).is_some() => 2,
        Some(r) if r.attr(rtmsg::RTA_GATEWAY).is_some() || r.attr(rtmsg::RTA_VIA).is_some() => 1,
        _ => 0,
    }
}

/// The addresses of `index` that were configured (not autoconfigured).
fn addresses_of(nl: &mut Netlink, index: u32) -> Result<Vec<Vec<u8>>> {
    nl.collect(RouteNetlinkMessage::GetAddress(AddressMessage::default()), |found: &mut Vec<Vec<u8>>, msg| {
        let Some(body) = msg.get(rtmsg::NLMSG_HDRLEN..) else { return Ok(()) };
        let Some(hdr) = body.get(..8) else { return Ok(()) };
        if u32::from_ne_bytes([hdr[4], hdr[5], hdr[6], hdr[7]]) != index {
            return Ok(());
        }
        let attrs = crate::netlink::attr::Attrs::new(&body[8..]);
        let flags = attrs.u32(IFA_FLAGS).unwrap_or(u32::from(hdr[2]));
        if flags & IFA_F_PERMANENT != 0 {
            found.push(body.to_vec());
        }
        Ok(())
    })
}

/// Whether link `index` is administratively up (None: it is gone).
fn is_up(nl: &mut Netlink, index: u32) -> Result<Option<bool>> {
    let mut m = LinkMessage::default();
    m.header.index = index;
    match nl.query(RouteNetlinkMessage::GetLink(m), 0) {
        Ok(RouteNetlinkMessage::NewLink(l)) => Ok(Some(l.header.flags.contains(LinkFlags::Up))),
        Ok(_) => Ok(None),
        Err(e) if e.errno == libc::ENODEV => Ok(None),
        Err(e) => Err(e.into()),
    }
}

fn set_up(nl: &mut Netlink, index: u32, up: bool) -> std::result::Result<(), KernelError> {
    let mut m = LinkMessage::default();
    m.header.index = index;
    m.header.flags = if up { LinkFlags::Up } else { LinkFlags::empty() };
    m.header.change_mask = LinkFlags::Up;
    nl.request(RouteNetlinkMessage::NewLink(m), 0)
}

/// Set link `index` down, having noted what the kernel will drop.
fn take_down(nl: &mut Netlink, index: u32) -> Result<Noted> {
    let noted = Noted { addresses: addresses_of(nl, index)?, routes: routes_through(nl, index)? };
    set_up(nl, index, false)?;
    Ok(noted)
}

/// Add `body` again (type `kind`); already there is as good.
fn add_back(nl: &mut Netlink, kind: u16, body: &[u8]) -> std::result::Result<(), KernelError> {
    match nl.request_out(Outgoing::Raw { kind, body }, NLM_F_CREATE | NLM_F_EXCL) {
        Err(e) if e.errno != libc::EEXIST => Err(e),
        _ => Ok(()),
    }
}

/// Set link `index` up and add back what `noted` holds that the kernel did
/// not make again. Every item is tried; the first refusal is returned.
fn bring_up(nl: &mut Netlink, name: &str, index: u32, noted: Noted) -> Result<()> {
    set_up(nl, index, true)?;
    let mut first: Option<KernelError> = None;
    let mut failed = 0;
    for a in &noted.addresses {
        if let Err(e) = add_back(nl, RTM_NEWADDR, a) {
            failed += 1;
            first.get_or_insert(e);
        }
    }
    let mut routes = noted.routes;
    routes.sort_by_key(|r| restore_rank(r));
    // A route may need one added after it (a gateway behind another
    // route): what fails is tried once more at the end.
    let mut again = Vec::new();
    for r in routes {
        if add_back(nl, rtmsg::RTM_NEWROUTE, &r).is_err() {
            again.push(r);
        }
    }
    for r in again {
        if let Err(e) = add_back(nl, rtmsg::RTM_NEWROUTE, &r) {
            failed += 1;
            first.get_or_insert(e);
        }
    }
    match first {
        None => Ok(()),
        Some(e) => Err(Error::Kernel(format!("{name}: {failed} routes or addresses could not be restored: {}", e.message()))),
    }
}

// ------------------------------------------------------------ output

/// Now, as RFC 3339 local time with milliseconds.
fn now_text() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let tm = crate::print::time::local(now.as_secs() as i64);
    let off = tm.tm_gmtoff;
    let sign = if off < 0 { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}{sign}{:02}:{:02}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        now.subsec_millis(),
        off.abs() / 3600,
        off.abs() % 3600 / 60
    )
}

/// One line: `NAME: up` or `NAME: down, N keepalives unanswered` (a
/// timestamp first under -t); in JSON an object of its own line.
fn report<W: io::Write>(p: &mut Printer<W>, stamp: bool, name: &str, up: bool, missed: u32) -> io::Result<()> {
    let time = now_text();
    p.open_object(None)?;
    if stamp {
        p.string_c(Out::Text, Color::None, None, "[{}] ", &time)?;
    }
    p.string_c(Out::Any, Color::Ifname, Some("ifname"), "{}: ", name)?;
    p.str("state", "{}", if up { "up" } else { "down" })?;
    let fmt = match (up, missed) {
        (true, _) => "",
        (false, 1) => ", {} keepalive unanswered",
        (false, _) => ", {} keepalives unanswered",
    };
    p.number_c(Out::Any, Color::None, Some("missed"), fmt, missed)?;
    p.json_str("time", &time)?;
    p.close_object()?;
    p.end_record()
}

// ------------------------------------------------------------ the command

/// `tunnel keepalive …`.
pub fn run(ctx: &mut Context, args: &[String]) -> Result<()> {
    let a = parse(args)?;
    let (link, peer) = tunnel(ctx.nl()?, &a.name)?;
    let socks = Sockets::open(link.index, peer)?;
    ctx.out.stream_records();
    if a.once {
        return once(ctx, &a, &socks);
    }
    watch(ctx, &a, socks)
}

/// `once`: one keepalive, an interval to answer it.
fn once(ctx: &mut Context, a: &Args, socks: &Sockets) -> Result<()> {
    let answered = socks.ask(Duration::from_secs(a.interval.into())).map_err(Error::from)?;
    let stamp = ctx.opts.timestamp > 0;
    report(&mut ctx.out, stamp, &a.name, answered, u32::from(!answered))?;
    if answered {
        Ok(())
    } else {
        Err(Error::Exit(1))
    }
}

fn current_mask() -> libc::sigset_t {
    // SAFETY: sigset_t is plain data; sigprocmask only reads the mask into it.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigprocmask(libc::SIG_SETMASK, std::ptr::null(), &mut set);
        set
    }
}

/// SIGTERM, SIGINT and SIGHUP blocked while alive (they end a wait, in
/// `ppoll`, under `unblocked`); SIGPIPE ignored, so that a reader that went
/// away cannot end the watch with the tunnel down.
struct Blocked {
    unblocked: libc::sigset_t,
    pipe: libc::sighandler_t,
}

impl Blocked {
    fn new() -> Self {
        // SAFETY: sigset operations on local sets; sigprocmask and signal
        // with valid arguments.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
                libc::sigaddset(&mut set, sig);
            }
            let mut unblocked: libc::sigset_t = std::mem::zeroed();
            libc::sigprocmask(libc::SIG_BLOCK, &set, &mut unblocked);
            let pipe = libc::signal(libc::SIGPIPE, libc::SIG_IGN);
            Blocked { unblocked, pipe }
        }
    }
}

impl Drop for Blocked {
    fn drop(&mut self) {
        // SAFETY: putting back what `new` found.
        unsafe {
            libc::signal(libc::SIGPIPE, self.pipe);
            libc::sigprocmask(libc::SIG_SETMASK, &self.unblocked, std::ptr::null_mut());
        }
    }
}

/// The watch, until a signal (or an error); the tunnel is left up if it
/// was taken down.
fn watch(ctx: &mut Context, a: &Args, socks: Sockets) -> Result<()> {
    let caught = signals::catch();
    let blocked = Blocked::new();
    let mut taken: Option<(u32, Noted)> = None;
    let result = watch_loop(ctx, a, socks, &blocked.unblocked, &mut taken);
    let restored = match taken {
        Some((index, noted)) => ctx.nl().and_then(|nl| bring_up(nl, &a.name, index, noted)),
        None => Ok(()),
    };
    drop(blocked);
    drop(caught);
    result.and(restored)
}

fn watch_loop(
    ctx: &mut Context,
    a: &Args,
    mut socks: Sockets,
    unblocked: &libc::sigset_t,
    taken: &mut Option<(u32, Noted)>,
) -> Result<()> {
    let interval = Duration::from_secs(a.interval.into());
    let stamp = ctx.opts.timestamp > 0;
    let mut buf = vec![0u8; 2048];
    let mut next = Instant::now();
    let mut awaiting = false;
    let mut missed = 0u32;
    let mut down = false;
    let (mut index, mut read) = (socks.index, Instant::now());
    loop {
        if signals::pending().is_some() {
            return Ok(());
        }
        let now = Instant::now();
        if now >= next {
            if awaiting {
                missed = missed.saturating_add(1);
            }
            let going_down = missed >= a.retries && !down;
            // The tunnel may have been changed (or removed) meanwhile: it is
            // read again now and then, and before it is taken down (a link
            // dump every interval would cost more than the rest together).
            if going_down || now.duration_since(read) >= REREAD {
                let (link, peer) = tunnel(ctx.nl()?, &a.name)?;
                read = now;
                index = link.index;
                if peer != socks.peer {
                    socks = Sockets::open(index, peer)?;
                }
            }
            if going_down {
                down = true;
                let nl = ctx.nl()?;
                if taken.is_none() && is_up(nl, index)? == Some(true) {
                    // A refusal leaves the tunnel up: said, and watched on.
                    match take_down(nl, index) {
                        Ok(noted) => *taken = Some((index, noted)),
                        Err(e) => crate::report(&e),
                    }
                }
                let _ = report(&mut ctx.out, stamp, &a.name, false, missed);
            }
            socks.send();
            awaiting = true;
            next += interval;
            if next <= now {
                next = now + interval;
            }
            continue;
        }
        rawip::wait_readable(&socks.gre, next - now, unblocked).map_err(Error::from)?;
        if socks.take(&mut buf) {
            awaiting = false;
            missed = 0;
            if down {
                down = false;
                if let Some((index, noted)) = taken.take() {
                    // What could not be put back is said; the watch goes on.
                    if let Err(e) = bring_up(ctx.nl()?, &a.name, index, noted) {
                        crate::report(&e);
                    }
                }
                let _ = report(&mut ctx.out, stamp, &a.name, true, 0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn usage(s: &str) -> String {
        match parse(&args(s)) {
            Err(Error::Usage(m)) => m,
            other => panic!("{s:?}: {other:?}"),
        }
    }

    #[test]
    fn words() {
        assert_eq!(parse(&args("gre1")).unwrap(), Args { name: "gre1".into(), interval: 10, retries: 3, once: false });
        assert_eq!(parse(&args("interval 1 gre1 retries 255 once")).unwrap(), Args { name: "gre1".into(), interval: 1, retries: 255, once: true });
        assert_eq!(parse(&args("gre1 interval 32767")).unwrap().interval, 32767);
        for bad in ["0", "-1", "32768", "4294967296", "1.5", "x", "+5"] {
            assert!(usage(&format!("gre1 interval {bad}")).contains("\"interval\" must be a whole number from 1 to 32767"), "{bad}");
        }
        for bad in ["0", "256", "-3"] {
            assert!(usage(&format!("gre1 retries {bad}")).contains("from 1 to 255"), "{bad}");
        }
        assert_eq!(usage(""), "Error: argument \"NAME\" is required");
        assert_eq!(usage("gre1 gre2"), "Error: either \"gre1\" is duplicate, or \"gre2\" is a garbage.");
        assert!(usage("gre1 interval 1 interval 2").starts_with("Error: duplicate \"interval\""));
        assert_eq!(usage("gre1 interval"), "Command line is not complete. Try option \"help\"");
        assert!(usage("aaaaaaaaaaaaaaaaaaaa").contains("not a valid ifname"));
    }

    const L: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 1);
    const R: Ipv4Addr = Ipv4Addr::new(192, 0, 2, 2);

    fn peer() -> Peer {
        Peer { local: Some(L), remote: R, okey: None, ikey: None, ocsum: false, icsum: false, ttl: None, tos: None }
    }

    /// An outer IPv4 header from `src` to `dst` before `gre`, as the
    /// kernel would write it.
    fn outer(src: Ipv4Addr, dst: Ipv4Addr, gre: &[u8]) -> Vec<u8> {
        let mut v = vec![0x45, 0, 0, 0, 0x12, 0x34, 0x40, 0, 64, 47, 0, 0];
        v.extend_from_slice(&src.octets());
        v.extend_from_slice(&dst.octets());
        let total = (v.len() + gre.len()) as u16;
        v[2..4].copy_from_slice(&total.to_be_bytes());
        v.extend_from_slice(gre);
        v
    }

    #[test]
    fn the_documented_layout() {
        // 192.0.2.2 -> 192.0.2.1, protocol 47, TTL 255, id 0: the RFC 1071
        // checksum of this header, worked by hand, is 0x37b3.
        let expected: &[u8] = &[
            0x00, 0x00, 0x08, 0x00, // GRE: no flags, IPv4
            0x45, 0x00, 0x00, 0x18, 0x00, 0x00, 0x00, 0x00, 0xff, 0x2f, 0x37, 0xb3, // inner IPv4 header
            192, 0, 2, 2, 192, 0, 2, 1, // from R to L
            0x00, 0x00, 0x00, 0x00, // GRE: no flags, protocol 0
        ];
        assert_eq!(keepalive(&peer(), L), expected);
        // With keys: okey outside, ikey inside.
        let keyed = Peer { okey: Some(0x01020304), ikey: Some(0x0a0b0c0d), ..peer() };
        let k = keepalive(&keyed, L);
        assert_eq!(&k[..8], &[0x20, 0x00, 0x08, 0x00, 1, 2, 3, 4]);
        assert_eq!(&k[28..36], &[0x20, 0x00, 0x00, 0x00, 0x0a, 0x0b, 0x0c, 0x0d]);
        assert_eq!(checksum(&k[8..28]), 0, "the inner header sums to zero");
        // With checksums: each GRE checksum covers its header and payload.
        let summed = Peer { ocsum: true, icsum: true, ..peer() };
        let c = keepalive(&summed, L);
        assert_eq!(c[0], 0x80);
        assert_eq!(checksum(&c), 0);
        assert_eq!(checksum(&c[28..]), 0);
        assert_eq!(c[28], 0x80);
    }

    #[test]
    fn answers_and_keepalives_are_told_apart() {
        let p = peer();
        // The far end decapsulated our keepalive and routed the rest home.
        let ours = keepalive(&p, L);
        assert_eq!(classify(&p, &ours[4..]), Seen::Answer);
        // Its own keepalive, built the same way from its side.
        let theirs = Peer { local: Some(R), remote: L, ..p };
        let request = outer(R, L, &keepalive(&theirs, R));
        let Seen::Keepalive { answer, to } = classify(&p, &request) else { panic!("not a keepalive") };
        assert_eq!(to, R);
        assert_eq!(answer, keepalive(&theirs, R)[4..], "sent back as it is");
        // A data packet of the tunnel, another sender, another key.
        let mut icmp = ipv4_gre(Ipv4Addr::new(10, 0, 0, 2), Ipv4Addr::new(10, 0, 0, 1), &[8, 0, 0, 0]);
        icmp[9] = 1;
        let data = outer(R, L, &gre(ETH_P_IP, None, false, &icmp));
        assert_eq!(classify(&p, &data), Seen::Other);
        assert_eq!(classify(&p, &outer(Ipv4Addr::new(198, 51, 100, 9), L, &gre(0, None, false, &[]))), Seen::Other);
        assert_eq!(classify(&Peer { ikey: Some(7), ..p }, &ours[4..]), Seen::Other);
        assert_eq!(classify(&p, &[0x45, 0, 0]), Seen::Other);
    }

    #[test]
    fn behind_nat_the_answer_goes_back_the_way_it_came() {
        // The far end sits behind a NAT at 203.0.113.7 with 10.0.0.2: its
        // keepalive names its private address, and reaches us from the NAT.
        let nat = Ipv4Addr::new(203, 0, 113, 7);
        let private = Ipv4Addr::new(10, 0, 0, 2);
        let p = Peer { remote: nat, ..peer() };
        let theirs = Peer { local: Some(private), remote: L, ..p };
        let request = outer(nat, L, &keepalive(&theirs, private));
        let Seen::Keepalive { answer, to } = classify(&p, &request) else { panic!("not a keepalive") };
        assert_eq!((to, &answer[12..16], &answer[16..20]), (nat, &L.octets()[..], &nat.octets()[..]));
        assert_eq!(checksum(&answer[..20]), 0);
        // Eight bytes of GRE, so that Linux's NAT translates it, and still
        // an answer to the far end.
        assert_eq!((answer.len(), &answer[2..4], &answer[20..]), (28, &[0, 28][..], &[0u8; 8][..]));
        let mut translated = answer.clone();
        translated[16..20].copy_from_slice(&private.octets());
        assert_eq!(classify(&theirs, &translated), Seen::Answer);
    }

    /// Run a classic BPF program over `pkt` (the instructions `filter` uses).
    fn bpf(prog: &[libc::sock_filter], pkt: &[u8]) -> u32 {
        let (mut a, mut x, mut m, mut pc) = (0u32, 0u32, [0u32; 16], 0usize);
        let load = |off: usize, n: usize| pkt.get(off..off + n).map(|b| b.iter().fold(0u32, |v, &c| v << 8 | u32::from(c)));
        loop {
            let i = prog[pc];
            pc += 1;
            let k = i.k as usize;
            match i.code {
                0x20 => a = match load(k, 4) { Some(v) => v, None => return 0 },
                0x48 => a = match load(x as usize + k, 2) { Some(v) => v, None => return 0 },
                0x50 => a = match load(x as usize + k, 1) { Some(v) => v, None => return 0 },
                0xb1 => x = match load(k, 1) { Some(v) => (v & 0xf) * 4, None => return 0 },
                0x60 => a = m[k],
                0x02 => m[k] = a,
                0x04 => a = a.wrapping_add(i.k),
                0x07 => x = a,
                0x87 => a = x,
                0x15 => pc += usize::from(if a == i.k { i.jt } else { i.jf }),
                0x45 => pc += usize::from(if a & i.k != 0 { i.jt } else { i.jf }),
                0x06 => return i.k,
                c => panic!("opcode {c:#x}"),
            }
        }
    }

    #[test]
    fn the_socket_filter_passes_what_classify_wants() {
        let p = peer();
        let f = filter(R);
        let ours = keepalive(&p, L);
        assert_ne!(bpf(&f, &ours[4..]), 0, "an answer");
        for theirs in [Peer { local: Some(R), remote: L, ..p }, Peer { local: Some(R), remote: L, okey: Some(5), ocsum: true, ..p }] {
            let request = outer(R, L, &keepalive(&theirs, R));
            assert_ne!(bpf(&f, &request), 0, "a keepalive: {theirs:?}");
        }
        let mut udp = ipv4_gre(R, L, &[0; 8]);
        udp[9] = 17;
        for other in [outer(R, L, &gre(ETH_P_IP, Some(5), true, &udp)), outer(L, R, &ours), outer(R, L, &gre(0x86dd, None, false, &[0; 40]))] {
            assert_eq!(bpf(&f, &other), 0);
        }
        assert!(f.len() <= 31);
    }
}
