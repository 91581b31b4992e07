//! `tunnel` (and its alias `tunl`): iproute2's `ip tunnel`, made over
//! rtnetlink (RTM_NEWLINK with IFLA_INFO_KIND/IFLA_INFO_DATA) rather than
//! the SIOC*TUNNEL ioctls, yet leaving the kernel in the same state.
//!
//! As in iproute2, the family decides which tunnel tool runs: an IPv6 mode
//! after `mode`, or `-6`, selects `v6.rs` (ip6tunnel.c); else `v4.rs`
//! (iptunnel.c). Only the ISATAP potential router list (`prl.rs`) has no
//! netlink interface and uses its ioctls.

pub mod check;
pub mod grammar;
pub mod keepalive;
pub mod modules;
pub mod netlink;
pub mod params;
pub mod prl;
pub mod show;
pub mod v4;
pub mod v6;

use crate::cli::grammar::{find_command, offered};
use grammar::OBJECT;
use crate::cli::options::Family;
use crate::cli::bytes::bytes;
use crate::cli::words::Words;
use crate::error::{duparg2, invarg, no_device, Error, Result};
use crate::netlink::link::valid_ifname;
use crate::netlink::Netlink;
use crate::print::Printer;
use crate::Context;
use self::netlink::Link;

/// Modes that make `ip tunnel` an IPv6 tunnel tool (iproute2's
/// `tunnel_mode_is_ipv6`).
pub fn mode_is_ipv6(mode: &str) -> bool {
    matches!(
        mode,
        "ipv6/ipv6" | "ip6ip6" | "vti6" | "ip/ipv6" | "ipv4/ipv6" | "ipip6" | "ip4ip6" | "ip6gre" | "gre/ipv6" | "any/ipv6" | "any"
    )
}

/// The whole `tunnel` command line (command word included): pick the
/// family as iproute2 does, then look the command up in the grammar table.
pub fn dispatch(ctx: &mut Context, args: &[String]) -> Result<()> {
    // Only the first `mode` (with a word after it) counts.
    if let Some(w) = args.windows(2).find(|w| w[0] == "mode") {
        if mode_is_ipv6(&w[1]) {
            ctx.opts.family = Family::Inet6;
        }
    }
    let v6 = match ctx.opts.family {
        Family::Unspec | Family::Inet => {
            ctx.opts.family = Family::Inet;
            false
        }
        Family::Inet6 => true,
        other => return Err(Error::Usage(format!("Unsupported protocol family: {}", other.af()))),
    };
    let Some(word) = args.first() else {
        return show(ctx, &[]);
    };
    let cmd = find_command(&OBJECT, word).filter(|c| {
        // prl and 6rd are IPv4 only; keepalive and check are rtun's own.
        !(v6 && c.names.iter().any(|n| n.text == "prl" || n.text == "6rd")) && offered(ctx.prog, &OBJECT, c)
    });
    match cmd {
        Some(c) => (c.run)(ctx, &args[1..]),
        None if v6 => Err(Error::Usage(format!("Command \"{word}\" is unknown, try \"{} -f inet6 tunnel help\".", ctx.prog))),
        None => Err(Error::Usage(format!("Command \"{word}\" is unknown, try \"{} tunnel help\"", ctx.prog))),
    }
}

fn is_v6(ctx: &Context) -> bool {
    ctx.opts.family == Family::Inet6
}

/// Which command `parse_args` serves (iproute2 passes the ioctl number).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cmd {
    Add,
    Change,
    Del,
    Show,
}

/// The device an ioctl would have reached, or the errno it would have met.
pub enum Target {
    Found(Link),
    Errno(i32),
}

pub fn add(ctx: &mut Context, args: &[String]) -> Result<()> {
    if is_v6(ctx) {
        v6::add(ctx, args, Cmd::Add)
    } else {
        v4::add(ctx, args, Cmd::Add)
    }
}

pub fn change(ctx: &mut Context, args: &[String]) -> Result<()> {
    if is_v6(ctx) {
        v6::add(ctx, args, Cmd::Change)
    } else {
        v4::add(ctx, args, Cmd::Change)
    }
}

pub fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    if is_v6(ctx) {
        v6::delete(ctx, args)
    } else {
        v4::delete(ctx, args)
    }
}

pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    if is_v6(ctx) {
        v6::show(ctx, args)
    } else {
        v4::show(ctx, args)
    }
}

pub fn prl(ctx: &mut Context, args: &[String]) -> Result<()> {
    v4::prl_cmd(ctx, args)
}

pub fn sixrd(ctx: &mut Context, args: &[String]) -> Result<()> {
    v4::sixrd_cmd(ctx, args)
}

pub fn check(ctx: &mut Context, args: &[String]) -> Result<()> {
    check::run(ctx, args)
}

pub fn keepalive(ctx: &mut Context, args: &[String]) -> Result<()> {
    keepalive::run(ctx, args)
}

pub fn help(ctx: &mut Context, _args: &[String]) -> Result<()> {
    Err(usage(ctx))
}

/// The usage, on stderr with exit 255 (as iproute2's `usage()`).
pub fn usage(ctx: &Context) -> Error {
    Error::Usage(crate::cli::help::object_help(ctx.prog, &OBJECT))
}

/// The tunnel's name in `parse_args` (`name NAME`, or a word that is no
/// keyword, `key_word`): given once, a valid device name. On `change`, a
/// name that is the first word reads that tunnel (`read`): its link and
/// parameters, which the words then change.
pub fn name_word<'a, T>(
    ctx: &mut Context,
    (cmd, first): (Cmd, bool),
    had: &str,
    (key, word): (&str, &'a str),
    w: &mut Words<'a>,
    read: fn(&mut Netlink, &str) -> Result<(Link, T)>,
) -> Result<(&'a str, Option<(Link, T)>)> {
    let name = if key == "name" { w.value()? } else { word };
    if !had.is_empty() {
        return Err(duparg2("name", name));
    }
    if !valid_ifname(&bytes(name)) {
        return Err(invarg("\"name\" not a valid ifname", name));
    }
    let old = if cmd == Cmd::Change && first { Some(read(ctx.nl()?, name)?) } else { None };
    Ok((name, old))
}

/// `dev NAME`'s index, with ip's message when there is no such device.
pub fn medium_link(ctx: &mut Context, dev: &str) -> Result<u32> {
    let prog = ctx.prog;
    match crate::objects::link::modify::index_of(ctx.nl()?, prog, dev) {
        0 => Err(no_device(dev)),
        i => Ok(i),
    }
}

/// The first link of `kind` the kernel's lookup by parameters would find.
pub fn find_by_params(nl: &mut Netlink, kind: &str, mut fits: impl FnMut(&Link) -> bool) -> Result<Option<Link>> {
    netlink::first_link(nl, |l| l.kind == kind && fits(l))
}

/// SIOCDELTUNNEL, as RTM_DELLINK. `name` is the device the ioctl goes to;
/// `located` is, for a request sent to a fallback device, the tunnel the
/// kernel looked up by parameters (Some(None): none). The kernel quietly
/// keeps fallback devices on RTM_DELLINK where the ioctl says EPERM.
pub fn remove(nl: &mut Netlink, name: &str, located: Option<Option<Link>>) -> Result<()> {
    let fail = |e: i32| netlink::ioctl_failed("delete", name, e);
    let link = match located {
        Some(Some(l)) => l,
        Some(None) => return Err(fail(libc::ENOENT)),
        None => netlink::find_link(nl, name)?.ok_or_else(|| fail(libc::ENODEV))?,
    };
    if !netlink::is_tunnel_kind(&link.kind) {
        return Err(fail(libc::EOPNOTSUPP));
    }
    netlink::del_link(nl, link.index).map_err(|e| fail(e.errno))?;
    let still_there = netlink::find_link(nl, &link.name)?.is_some_and(|l| l.index == link.index);
    if still_there {
        return Err(fail(libc::EPERM));
    }
    Ok(())
}

/// tunnel.c `do_tunnels_list`: the link dump, filtered by device type,
/// each tunnel printed (`print` says whether it printed) with `-s` stats.
pub fn list(
    ctx: &mut Context,
    wanted_type: impl Fn(u16) -> bool,
    mut print: impl FnMut(&mut Printer<crate::Out>, &Link, &crate::names::links::Links) -> std::io::Result<bool>,
) -> Result<()> {
    let stats = ctx.opts.stats > 0;
    let (nl, out, _, names) = ctx.parts()?;
    out.begin()?;
    netlink::for_each_link(nl, stats, wanted_type, |l| {
        if !print(out, &l, names)? {
            return Ok(());
        }
        if stats {
            if let Some(s) = &l.stats {
                show::print_stats(out, s)?;
            }
        }
        out.text_always("\n")?;
        Ok(())
    })?;
    out.end()?;
    Ok(())
}

/// Text output of one tunnel even under `-j` (iproute2 prints a named
/// tunnel without opening its JSON context).
pub fn render_text(oneline: bool, f: impl FnOnce(&mut Printer<Vec<u8>>) -> std::io::Result<()>) -> Result<String> {
    let mut p = Printer::new(Vec::new(), false, false, false, oneline);
    f(&mut p)?;
    Ok(String::from_utf8_lossy(&p.into_inner()).into_owned())
}
