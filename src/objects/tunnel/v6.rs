//! `ip -6 tunnel` (iproute2's ip6tunnel.c): ip6tnl (ip6ip6, ipip6, any),
//! ip6gre and vti6 tunnels.

use std::net::{IpAddr, Ipv6Addr};

use super::netlink::{self as tnl, Link, ARPHRD_IP6GRE, ARPHRD_TUNNEL6};
use super::params::{fallback_name, V6, IPPROTO_GRE, IPPROTO_IPIP, IPPROTO_IPV6};
use super::show::print_v6;
use super::{find_by_params, remove, Cmd, Target};
use crate::objects::tunnel::grammar::V6_KEYWORDS;
use crate::cli::options::Family;
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, Error, Result};
use crate::kinds::tunnel_attrs::{IP6_FLOWINFO_FLOWLABEL, IP6_FLOWINFO_TCLASS};
use crate::kinds::tunnel_common::parse_ttl;
use crate::netlink::Netlink;
use crate::parse::{get_addr, Addr};
use crate::Context;

fn addr6(s: &str) -> Result<Ipv6Addr> {
    Ok(match get_addr(s, Family::Inet6)? {
        Addr::Ip(IpAddr::V6(a)) => a,
        _ => Ipv6Addr::UNSPECIFIED,
    })
}

pub struct Parsed {
    pub p: V6,
    pub old: Option<Link>,
}

/// ip6tunnel.c `parse_args`, on top of `p` as the caller initialised it.
pub fn parse(ctx: &mut Context, args: &[String], cmd: Cmd, mut p: V6) -> Result<Parsed> {
    let mut old = None;
    let mut medium: Option<&str> = None;
    let mut w = Words::new(args);
    let mut count = 0;
    while let Some(word) = w.next() {
        let key = lookup(word, V6_KEYWORDS).and_then(|k| k.names.first()).map_or("", |n| n.text);
        // The GRE header words, and tclass, flowlabel, dscp and
        // [no]allow-localremote, as the ip6gre and ip6tnl kinds take them.
        if p.hdr.apply(key, &mut w)? || (key != "encaplimit" && p.ip6.apply(key, &mut w)?) {
            count += 1;
            continue;
        }
        match key {
            "mode" => match w.value()? {
                "ipv6/ipv6" | "ip6ip6" => p.proto = IPPROTO_IPV6,
                "vti6" => {
                    p.proto = IPPROTO_IPV6;
                    p.vti = true;
                }
                "ip/ipv6" | "ipv4/ipv6" | "ipip6" | "ip4ip6" => p.proto = IPPROTO_IPIP,
                "ip6gre" | "gre/ipv6" => p.proto = IPPROTO_GRE,
                "any/ipv6" | "any" => p.proto = 0,
                m => return Err(Error::Usage(format!("Unknown tunnel mode \"{m}\""))),
            },
            "remote" => p.remote = addr6(w.value()?)?,
            "local" => p.local = addr6(w.value()?)?,
            "dev" => medium = Some(w.value()?),
            // ip6tunnel.c never rejects the limit (see `Ip6Opts::encap_limit`).
            "encaplimit" => p.ip6.encap_limit(w.value()?, false)?,
            "hoplimit" => {
                // A number: no `inherit` here.
                let v = w.value()?;
                if v == "inherit" {
                    return Err(invarg("invalid TTL", v));
                }
                p.ip6.hop_limit = parse_ttl(v, "invalid TTL")?;
            }
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
    if let Some(dev) = medium {
        p.link = super::medium_link(ctx, dev)?;
    }
    Ok(Parsed { p, old })
}

fn read_tunnel(nl: &mut Netlink, name: &str) -> Result<(Link, V6)> {
    let link = tnl::find_link(nl, name)?.ok_or_else(|| tnl::ioctl_failed("get", name, libc::ENODEV))?;
    let p = V6::of_link(&link).ok_or_else(|| tnl::ioctl_failed("get", name, libc::EOPNOTSUPP))?;
    Ok((link, p))
}

/// ip6_tnl_locate & co: a tunnel of `kind` with these end points and link.
fn locate(nl: &mut Netlink, kind: &str, want: &V6) -> Result<Option<Link>> {
    find_by_params(nl, kind, |l| {
        V6::of_link(l).is_some_and(|t| t.local == want.local && t.remote == want.remote && t.link == want.link)
    })
}

/// `add` and `change` (ip6tunnel.c `do_add`).
pub fn add(ctx: &mut Context, args: &[String], cmd: Cmd) -> Result<()> {
    let Parsed { p, old } = parse(ctx, args, cmd, V6::init(true))?;
    if p.name.is_empty() {
        eprintln!("Tunnel interface name not specified");
    }
    let kind = p.kind();
    let basedev = p.basedev();
    let prog = ctx.prog;
    let nl = ctx.nl()?;
    let failed = |name: &str, errno: i32| tnl::ioctl_failed("add", name, errno);
    let outcome = if cmd == Cmd::Add {
        // The kernel's names for unnamed tunnels made by ioctl.
        let name = if p.name.is_empty() { format!("{}%d", basedev.trim_end_matches('0')) } else { p.name.clone() };
        tnl::new_link(nl, &name, None, kind, p.data(kind)).map_err(|e| {
            if tnl::kind_unknown(&e) {
                tnl::kind_missing(prog, &e, kind, &p.name)
            } else {
                // ip6gre's and vti6's ioctls report every failure to create as ENOBUFS.
                failed(basedev, if kind == "ip6tnl" { e.errno } else { libc::ENOBUFS })
            }
        })
    } else {
        let shown = if p.name.is_empty() { basedev } else { p.name.as_str() };
        let target = match old {
            Some(l) => Target::Found(l),
            None if p.name.is_empty() => {
                let fallback = tnl::fallback_device(nl, prog, "add", kind)?;
                Target::Found(locate(nl, kind, &p)?.unwrap_or(fallback))
            }
            None => match tnl::find_link(nl, shown)? {
                Some(l) => Target::Found(l),
                None => Target::Errno(libc::ENODEV),
            },
        };
        match target {
            Target::Errno(e) => Err(failed(shown, e)),
            Target::Found(l) if !tnl::is_tunnel_kind(&l.kind) => Err(failed(shown, libc::EOPNOTSUPP)),
            Target::Found(l) if l.kind == "ip6tnl" && !matches!(p.proto, IPPROTO_IPV6 | IPPROTO_IPIP | 0) => Err(failed(shown, libc::EINVAL)),
            Target::Found(l) if V6::of_link(&l).is_none() => Err(failed(shown, libc::EINVAL)),
            Target::Found(l) => tnl::new_link(nl, &l.name, Some(l.index), &l.kind, p.data(&l.kind)).map_err(|e| failed(shown, e.errno)),
        }
    };
    ctx.links.invalidate();
    outcome
}

/// ip6tunnel.c `do_del`.
pub fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Parsed { p, .. } = parse(ctx, args, Cmd::Del, V6::init(true))?;
    let prog = ctx.prog;
    let nl = ctx.nl()?;
    let r = if !p.name.is_empty() {
        remove(nl, &p.name, None)
    } else {
        tnl::fallback_device(nl, prog, "delete", p.kind())?;
        let found = locate(nl, p.kind(), &p)?;
        remove(nl, p.basedev(), Some(found))
    };
    ctx.links.invalidate();
    r
}

/// ip6tunnel.c `ip6_tnl_parm_match`.
fn matches(p1: &V6, p2: &V6) -> bool {
    (p1.link == 0 || p1.link == p2.link)
        && (p1.name.is_empty() || p1.name == p2.name)
        && (p1.local.is_unspecified() || p1.local == p2.local)
        && (p1.remote.is_unspecified() || p1.remote == p2.remote)
        && (p1.proto == 0 || p2.proto == 0 || p1.proto == p2.proto)
        && (p1.ip6.encap_limit == 0 || p1.ip6.encap_limit == p2.ip6.encap_limit)
        && (p1.ip6.hop_limit == 0 || p1.ip6.hop_limit == p2.ip6.hop_limit)
        && (p1.ip6.flowinfo & IP6_FLOWINFO_TCLASS == 0 || (p1.ip6.flowinfo ^ p2.ip6.flowinfo) & IP6_FLOWINFO_TCLASS == 0)
        && (p1.ip6.flowinfo & IP6_FLOWINFO_FLOWLABEL == 0 || (p1.ip6.flowinfo ^ p2.ip6.flowinfo) & IP6_FLOWINFO_FLOWLABEL == 0)
        && (p1.ip6.flags == 0 || p1.ip6.flags & p2.ip6.flags != 0)
}

/// ip6tunnel.c `do_show`.
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    let mut init = V6::init(false);
    init.proto = 0;
    let Parsed { p, .. } = parse(ctx, args, Cmd::Show, init)?;
    if p.name.is_empty() || ctx.opts.stats > 0 {
        return super::list(ctx, |t| matches!(t, ARPHRD_TUNNEL6 | ARPHRD_IP6GRE), |out, l, names| {
            match V6::of_link(l) {
                Some(t) if matches(&p, &t) => {
                    let n = (t.link != 0).then(|| names.name(t.link));
                    print_v6(out, &t, n).map(|_| true)
                }
                _ => Ok(false),
            }
        });
    }
    // By ioctl on the name: text, never JSON, and no line end.
    let nl = ctx.nl()?;
    let (mut link, _) = read_tunnel(nl, &p.name)?;
    if link.name == fallback_name(&link.kind) {
        if let Some(found) = locate(nl, &link.kind.clone(), &p)? {
            link = found;
        }
    }
    let t = V6::of_link(&link).ok_or_else(|| tnl::ioctl_failed("get", &p.name, libc::EOPNOTSUPP))?;
    let n = (t.link != 0).then(|| ctx.links.name(t.link));
    let text = super::render_text(ctx.out.oneline(), |out| print_v6(out, &t, n))?;
    ctx.out.text_always(&text)?;
    Ok(())
}
