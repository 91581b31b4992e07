//! `ip tunnel` for IPv4 tunnels (iproute2's iptunnel.c): gre, ipip, sit,
//! isatap and vti.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::netlink::{self as tnl, Link, ARPHRD_IPGRE, ARPHRD_SIT, ARPHRD_TUNNEL};
use super::params::{fallback_name, sit_of, V4, IPPROTO_GRE, IPPROTO_IPIP, IPPROTO_IPV6};
use super::show::{self, PrlEntry, SixRd, V4Extra};
use super::{find_by_params, prl, remove, Cmd, Target};
use crate::objects::tunnel::grammar::{PRL_KEYWORDS, SIXRD_KEYWORDS, V4_KEYWORDS};
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, Error, Result};
use crate::kinds::tunnel_attrs::GRE_KEY;
use crate::kinds::tunnel_common::{get_addr32, parse_tos, parse_ttl, TunnelParams};
use crate::netlink::attr::AttrWriter;
use crate::cli::bytes::bytes;
use crate::netlink::link::valid_ifname;
use crate::netlink::errno::strerror;
use crate::netlink::Netlink;
use crate::parse::get_prefix;
use crate::Context;

fn set_proto(p: &mut V4, proto: u8) -> Result<()> {
    if p.proto != 0 && p.proto != proto {
        return Err(Error::Usage("You managed to ask for more than one tunnel mode.".into()));
    }
    p.proto = proto;
    Ok(())
}

/// What `parse_args` produced: the parameters, and for `change NAME …`
/// the link whose parameters were read first.
pub struct Parsed {
    pub p: V4,
    pub old: Option<Link>,
}

/// iptunnel.c `parse_args`.
pub fn parse(ctx: &mut Context, args: &[String], cmd: Cmd) -> Result<Parsed> {
    let mut p = V4::default();
    let mut old = None;
    let mut medium: Option<&str> = None;
    let mut isatap = false;
    let mut w = Words::new(args);
    let mut count = 0;
    while let Some(word) = w.next() {
        let key = lookup(word, V4_KEYWORDS).and_then(|k| k.names.first()).map_or("", |n| n.text);
        if p.hdr.apply(key, &mut w)? {
            count += 1;
            continue;
        }
        match key {
            "mode" => match w.value()? {
                "ipip" | "ip/ip" => set_proto(&mut p, IPPROTO_IPIP)?,
                "gre" | "gre/ip" => set_proto(&mut p, IPPROTO_GRE)?,
                "sit" | "ipv6/ip" => set_proto(&mut p, IPPROTO_IPV6)?,
                "isatap" => {
                    set_proto(&mut p, IPPROTO_IPV6)?;
                    isatap = true;
                }
                "vti" => {
                    set_proto(&mut p, IPPROTO_IPIP)?;
                    p.vti = true;
                }
                m => return Err(Error::Usage(format!("Unknown tunnel mode \"{m}\""))),
            },
            "nopmtudisc" => p.pmtudisc = false,
            "pmtudisc" => p.pmtudisc = true,
            "remote" => p.remote = get_addr32(w.value()?)?,
            "local" => p.local = get_addr32(w.value()?)?,
            "dev" => medium = Some(w.value()?),
            "ttl" => {
                // iptunnel.c: `inherit` leaves the TTL as it was.
                let v = w.value()?;
                if v != "inherit" {
                    p.ttl = parse_ttl(v, "invalid TTL\n")?;
                }
            }
            "tos" => p.tos = parse_tos(w.value()?, true)?,
            "help" => return Err(super::usage(ctx)),
            _ => {
                let (name, read) = super::name_word(ctx, (cmd, count == 0), &p.name, (key, word), &mut w, read_tunnel)?;
                p.name = name.to_string();
                if let Some((link, params)) = read {
                    (p, old) = (params, Some(link));
                }
            }
        }
        count += 1;
    }

    if p.proto == 0 {
        if let Some(g) = mode_of_name(&p.name) {
            (p.proto, p.vti) = (g.proto, g.vti);
            isatap |= g.isatap;
        }
    }
    if p.has_key() && !p.vti && p.proto != IPPROTO_GRE {
        return Err(Error::Failure("Keys are not allowed with ipip and sit tunnels".into()));
    }
    if let Some(dev) = medium {
        p.link = super::medium_link(ctx, dev)?;
    }
    let multicast = p.remote.is_multicast();
    if multicast {
        p.hdr.keys_from_group(p.remote);
    }
    if multicast && p.local.is_unspecified() {
        return Err(Error::Failure("A broadcast tunnel requires a source address".into()));
    }
    if isatap {
        p.isatap = true;
    }
    Ok(Parsed { p, old })
}

/// SIOCGETTUNNEL on `name`, from the link dump.
fn read_tunnel(nl: &mut Netlink, name: &str) -> Result<(Link, V4)> {
    let link = tnl::find_link(nl, name)?.ok_or_else(|| tnl::ioctl_failed("get", name, libc::ENODEV))?;
    let p = V4::of_link(&link).ok_or_else(|| tnl::ioctl_failed("get", name, libc::EOPNOTSUPP))?;
    Ok((link, p))
}

/// Whether a tunnel of `kind` takes an ioctl request with this protocol.
fn proto_fits(kind: &str, p: &V4) -> bool {
    match kind {
        "gre" => p.proto == IPPROTO_GRE,
        "vti" => p.proto == IPPROTO_IPIP,
        "ipip" => matches!(p.proto, IPPROTO_IPIP | 137 | 0),
        _ => matches!(p.proto, IPPROTO_IPV6 | IPPROTO_IPIP | 137 | 0),
    }
}

/// How ip_tunnel_find (and sit's locate) pick a tunnel from parameters.
fn same_tunnel(want: &V4, kind: &str, t: &V4) -> bool {
    let keys = match kind {
        "gre" => {
            if t.hdr.iflags & GRE_KEY != 0 {
                want.hdr.iflags & GRE_KEY != 0 && want.hdr.ikey == t.hdr.ikey
            } else {
                want.hdr.iflags & GRE_KEY == 0
            }
        }
        _ => true,
    };
    want.local == t.local && want.remote == t.remote && want.link == t.link && keys
}

fn locate(nl: &mut Netlink, kind: &str, want: &V4) -> Result<Option<Link>> {
    find_by_params(nl, kind, |l| V4::of_link(l).is_some_and(|t| same_tunnel(want, kind, &t)))
}

/// `add` and `change` (iptunnel.c `do_add`).
/// The mode iptunnel.c's `parse_args` takes from a tunnel's name when
/// none is given: `gre…`, `ipip…`, `sit…`, `isatap…`, `vti…`.
pub struct NamedMode {
    pub proto: u8,
    pub vti: bool,
    pub isatap: bool,
}

pub fn mode_of_name(n: &str) -> Option<NamedMode> {
    let (proto, vti, isatap) = if n.starts_with("gre") {
        (IPPROTO_GRE, false, false)
    } else if n.starts_with("ipip") {
        (IPPROTO_IPIP, false, false)
    } else if n.starts_with("sit") {
        (IPPROTO_IPV6, false, false)
    } else if n.starts_with("isatap") {
        (IPPROTO_IPV6, false, true)
    } else if n.starts_with("vti") {
        (IPPROTO_IPIP, true, false)
    } else {
        return None;
    };
    Some(NamedMode { proto, vti, isatap })
}

pub fn add(ctx: &mut Context, args: &[String], cmd: Cmd) -> Result<()> {
    let Parsed { p, old } = parse(ctx, args, cmd)?;
    if p.ttl != 0 && !p.pmtudisc {
        return Err(Error::Failure("ttl != 0 and nopmtudisc are incompatible".into()));
    }
    let Some(basedev) = p.basedev() else {
        return Err(Error::Failure("cannot determine tunnel mode (ipip, gre, vti or sit)".into()));
    };
    let kind = p.kind().unwrap_or("gre");
    let prog = ctx.prog;
    let nl = ctx.nl()?;
    let failed = |name: &str, errno: i32| tnl::ioctl_failed("add", name, errno);
    let outcome = if cmd == Cmd::Add {
        // The kernel's names for unnamed tunnels made by ioctl.
        let name = if p.name.is_empty() { format!("{kind}%d") } else { p.name.clone() };
        tnl::new_link(nl, &name, None, kind, p.data(kind, None)).map_err(|e| {
            if tnl::kind_unknown(&e) {
                tnl::kind_missing(prog, &e, kind, &p.name)
            } else {
                // sit's ioctl reports every failure to create as ENOBUFS.
                failed(basedev, if kind == "sit" { libc::ENOBUFS } else { e.errno })
            }
        })
    } else {
        let shown = if p.name.is_empty() { basedev } else { p.name.as_str() };
        let target = match old {
            Some(l) => Target::Found(l),
            None if !p.name.is_empty() => match tnl::find_link(nl, &p.name)? {
                Some(l) => Target::Found(l),
                None => Target::Errno(libc::ENODEV),
            },
            None => {
                tnl::fallback_device(nl, prog, "add", kind)?;
                match locate(nl, kind, &p)? {
                    Some(l) => Target::Found(l),
                    None => Target::Errno(libc::ENOENT),
                }
            }
        };
        match target {
            Target::Errno(e) => Err(failed(shown, e)),
            Target::Found(l) if !tnl::is_tunnel_kind(&l.kind) => Err(failed(shown, libc::EOPNOTSUPP)),
            Target::Found(l) if V4::of_link(&l).is_none() || !proto_fits(&l.kind, &p) => Err(failed(shown, libc::EINVAL)),
            Target::Found(l) => {
                // sit keeps its fwmark through the ioctl; the others reset it.
                let fwmark = (l.kind == "sit").then(|| sit_of(&l).fwmark.unwrap_or(0));
                tnl::new_link(nl, &l.name, Some(l.index), &l.kind, p.data(&l.kind, fwmark)).map_err(|e| failed(shown, e.errno))
            }
        }
    };
    ctx.links.invalidate();
    outcome
}

/// iptunnel.c `do_del`.
pub fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Parsed { p, .. } = parse(ctx, args, Cmd::Del)?;
    let prog = ctx.prog;
    let nl = ctx.nl()?;
    let r = if !p.name.is_empty() {
        remove(nl, &p.name, None)
    } else if let (Some(kind), Some(base)) = (p.kind(), p.basedev()) {
        tnl::fallback_device(nl, prog, "delete", kind)?;
        let found = locate(nl, kind, &p)?;
        remove(nl, base, Some(found))
    } else {
        Err(tnl::ioctl_failed("delete", "", libc::ENODEV))
    };
    ctx.links.invalidate();
    r
}

/// The 6rd setup of a sit link.
fn sixrd_of(l: &Link) -> SixRd {
    let t = sit_of(l);
    let (prefix, relay) = (t.sixrd_prefix.addr.unwrap_or_default(), t.sixrd_relay.addr.unwrap_or_default());
    SixRd {
        prefix: prefix.get(..16).and_then(|v| <[u8; 16]>::try_from(v).ok()).map(Ipv6Addr::from),
        prefixlen: t.sixrd_prefix.len,
        relay_prefix: relay.get(..4).and_then(|v| <[u8; 4]>::try_from(v).ok()).map_or(Ipv4Addr::UNSPECIFIED, Ipv4Addr::from),
        relay_prefixlen: t.sixrd_relay.len,
    }
}

fn print_one<W: std::io::Write>(out: &mut crate::print::Printer<W>, l: &Link, t: &V4, names: &crate::names::links::Links) -> std::io::Result<()> {
    let prl = if t.isatap { prl::list(&l.name) } else { Vec::new() };
    print_with_prl(out, l, t, names, &prl)
}

/// One IPv4 tunnel, its ISATAP router list (an ioctl's answer) given.
pub fn print_with_prl<W: std::io::Write>(
    out: &mut crate::print::Printer<W>,
    l: &Link,
    t: &V4,
    names: &crate::names::links::Links,
    prl: &[PrlEntry],
) -> std::io::Result<()> {
    let extra = V4Extra {
        prl,
        sixrd: (l.kind == "sit").then(|| sixrd_of(l)),
        link_name: (t.link != 0).then(|| names.name(t.link)),
    };
    show::print_v4(out, t, &extra)
}

/// iptunnel.c `ip_tunnel_parm_match`.
fn matches(p1: &V4, p2: &V4) -> bool {
    (p1.link == 0 || p1.link == p2.link)
        && (p1.name.is_empty() || p1.name == p2.name)
        && (p1.remote.is_unspecified() || p1.remote == p2.remote)
        && (p1.local.is_unspecified() || p1.local == p2.local)
        && (p1.hdr.ikey == 0 || p1.hdr.ikey == p2.hdr.ikey)
}

/// iptunnel.c `do_show`.
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Parsed { p, .. } = parse(ctx, args, Cmd::Show)?;
    let Some(basedev) = p.basedev() else {
        return super::list(ctx, |t| matches!(t, ARPHRD_TUNNEL | ARPHRD_IPGRE | ARPHRD_SIT), |out, l, names| {
            match V4::of_link(l) {
                Some(t) if matches(&p, &t) => print_one(out, l, &t, names).map(|_| true),
                _ => Ok(false),
            }
        });
    };
    // One tunnel, by ioctl on the name (or the fallback device, which
    // answers for the tunnel the parameters select): text, never JSON.
    let target = if p.name.is_empty() { basedev.to_string() } else { p.name.clone() };
    let nl = ctx.nl()?;
    let (mut link, _) = read_tunnel(nl, &target)?;
    if link.name == fallback_name(&link.kind) {
        if let Some(found) = locate(nl, &link.kind.clone(), &p)? {
            link = found;
        }
    }
    let t = V4::of_link(&link).ok_or_else(|| tnl::ioctl_failed("get", &target, libc::EOPNOTSUPP))?;
    let names = &ctx.links;
    let text = super::render_text(ctx.out.oneline(), |out| print_one(out, &link, &t, names))?;
    ctx.out.text_always(&format!("{text}\n"))?;
    Ok(())
}

/// `"DEV: ioctl CMD failed: STRERROR"` (tunnel.c `tnl_gen_ioctl`), exit 1.
fn gen_ioctl_failed(dev: &str, cmd: u32, errno: i32) -> Error {
    Error::Failure(format!("{dev}: ioctl {cmd:x} failed: {}", strerror(errno)))
}

/// iptunnel.c `do_prl`.
pub fn prl_cmd(ctx: &mut Context, args: &[String]) -> Result<()> {
    let _ = ctx;
    let mut cmd = 0;
    let mut addr = Ipv4Addr::UNSPECIFIED;
    let mut default = false;
    let mut count = 0;
    let mut medium = None;
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let key = lookup(word, PRL_KEYWORDS).and_then(|k| k.names.first()).map_or("", |n| n.text);
        match key {
            "prl-default" | "prl-nodefault" | "prl-delete" => {
                addr = get_addr32(w.value()?)?;
                cmd = if key == "prl-delete" { prl::SIOCDELPRL } else { prl::SIOCADDPRL };
                default |= key == "prl-default";
                count += 1;
            }
            "dev" => {
                let v = w.value()?;
                if !valid_ifname(&bytes(v)) {
                    return Err(invarg("\"dev\" not a valid ifname", v));
                }
                medium = Some(v);
            }
            _ => return Err(Error::Usage(format!("Invalid PRL parameter \"{word}\""))),
        }
        if count > 1 {
            return Err(Error::Usage("One PRL entry at a time".into()));
        }
    }
    let dev = medium.ok_or_else(|| Error::Usage("Must specify device".into()))?;
    prl::change(cmd, dev, addr, default).map_err(|e| gen_ioctl_failed(dev, cmd, e))
}

const SIOCADD6RD: u32 = 0x89F9;
const SIOCDEL6RD: u32 = 0x89FA;

/// iptunnel.c `do_6rd`, made with RTM_NEWLINK on the sit device: its
/// parameters sent back as they are, with the IFLA_IPTUN_6RD_* attributes.
pub fn sixrd_cmd(ctx: &mut Context, args: &[String]) -> Result<()> {
    let mut cmd = 0;
    let mut rd = SixRd::default();
    let mut medium = None;
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let key = lookup(word, SIXRD_KEYWORDS).and_then(|k| k.names.first()).map_or("", |n| n.text);
        match key {
            "6rd-prefix" => {
                let v = w.value()?;
                // get_prefix exits on its own before iproute2's "invalid 6rd_prefix".
                let pf = get_prefix(v, crate::cli::options::Family::Inet6)?;
                rd.prefix = Some(match pf.ip() {
                    Some(std::net::IpAddr::V6(a)) => a,
                    _ => Ipv6Addr::UNSPECIFIED,
                });
                rd.prefixlen = pf.len as u16;
                cmd = SIOCADD6RD;
            }
            "6rd-relay_prefix" => {
                let v = w.value()?;
                let pf = get_prefix(v, crate::cli::options::Family::Inet)?;
                rd.relay_prefix = match pf.ip() {
                    Some(std::net::IpAddr::V4(a)) => a,
                    _ => Ipv4Addr::UNSPECIFIED,
                };
                rd.relay_prefixlen = pf.len as u16;
                cmd = SIOCADD6RD;
            }
            "6rd-reset" => cmd = SIOCDEL6RD,
            "dev" => {
                let v = w.value()?;
                if !valid_ifname(&bytes(v)) {
                    return Err(invarg("\"dev\" not a valid ifname", v));
                }
                medium = Some(v);
            }
            _ => return Err(Error::Usage(format!("Invalid 6RD parameter \"{word}\""))),
        }
    }
    let dev = medium.ok_or_else(|| Error::Usage("Must specify device".into()))?;
    if cmd == 0 {
        return Err(gen_ioctl_failed(dev, 0, libc::ENOTTY));
    }
    let nl = ctx.nl()?;
    let link = tnl::find_link(nl, dev)?.ok_or_else(|| gen_ioctl_failed(dev, cmd, libc::ENODEV))?;
    let Some(p) = V4::of_link(&link) else {
        return Err(gen_ioctl_failed(dev, cmd, libc::EOPNOTSUPP));
    };
    if link.kind != "sit" {
        return Err(gen_ioctl_failed(dev, cmd, libc::EINVAL));
    }
    if cmd == SIOCDEL6RD {
        // Reset: the fallback device's setup (2002::/16 unless changed).
        let fb = tnl::find_link(nl, "sit0")?.filter(|l| l.kind == "sit").map(|l| sixrd_of(&l));
        rd = fb.unwrap_or(SixRd { prefix: Some(Ipv6Addr::new(0x2002, 0, 0, 0, 0, 0, 0, 0)), prefixlen: 16, ..SixRd::default() });
    }
    let mut sit = p.iptnl(true, Some(sit_of(&link).fwmark.unwrap_or(0)));
    let prefix = rd.prefix.unwrap_or(Ipv6Addr::UNSPECIFIED).octets().to_vec();
    sit.sixrd_prefix = crate::kinds::iptnl::SixRd { addr: Some(prefix), len: rd.prefixlen };
    sit.sixrd_relay = crate::kinds::iptnl::SixRd { addr: Some(rd.relay_prefix.octets().to_vec()), len: rd.relay_prefixlen };
    let mut data = AttrWriter::new();
    sit.emit(&mut data);
    tnl::new_link(nl, &link.name, Some(link.index), "sit", data).map_err(|e| gen_ioctl_failed(dev, cmd, e.errno))
}
