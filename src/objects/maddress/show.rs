//! `maddress show` (`multiaddr_list`): the groups of `/proc/net/dev_mcast`
//! (link layer), `/proc/net/igmp` and `/proc/net/igmp6`, ordered by device
//! index (stably: link layer, IPv4, IPv6 within a device), names as the
//! files give them.

use std::io::Write;

use crate::cli::options::Family;
use crate::error::{duparg2, incomplete, Result};
use crate::print::addr::{family_name, AddrBuf};
use crate::print::{Color, Out, Printer};
use crate::Context;

const AF_INET: u8 = libc::AF_INET as u8;
const AF_INET6: u8 = libc::AF_INET6 as u8;
const AF_PACKET: u8 = libc::AF_PACKET as u8;

/// One group of one device (`struct ma_info`).
#[derive(Debug, PartialEq, Eq)]
struct Group {
    index: u32,
    name: Vec<u8>,
    users: u32,
    family: u8,
    addr: Vec<u8>,
    is_static: bool,
}

/// `show [dev] NAME`.
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    let ip = ctx.prog == "ip";
    let mut dev: Option<String> = if ip { KEPT_DEV.take() } else { None };
    let parsed = selector(args, &mut dev);
    if ip {
        KEPT_DEV.set(dev.clone());
    }
    parsed?;
    let dev = dev.as_deref().map(crate::cli::bytes::bytes);
    let keep = |name: &[u8]| dev.as_deref().is_none_or(|d| d == name);
    let family = ctx.opts.family;
    let wants = |f: Family| family == Family::Unspec || family == f;
    let mut groups = Vec::new();
    if wants(Family::Packet) {
        groups.extend(dev_mcast(&read("/proc/net/dev_mcast")).filter(|g| keep(&g.name)));
    }
    if wants(Family::Inet) {
        groups.extend(igmp(&read("/proc/net/igmp")).into_iter().filter(|g| keep(&g.name)));
    }
    if wants(Family::Inet6) {
        groups.extend(igmp6(&read("/proc/net/igmp6")).filter(|g| keep(&g.name)));
    }
    groups.sort_by_key(|g| g.index);
    print_groups(&mut ctx.out, &groups)?;
    Ok(())
}

thread_local! {
    /// As `ip`, the device an earlier line of a batch selected: iproute2's
    /// filter is a static it never resets, so a later `show dev X` is a
    /// duplicate (and a plain `show` lists X only).
    static KEPT_DEV: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// `[dev] NAME` into `dev` (which may hold one already).
fn selector(args: &[String], dev: &mut Option<String>) -> Result<()> {
    let mut words = args.iter();
    while let Some(mut w) = words.next() {
        if w == "dev" {
            w = words.next().ok_or_else(incomplete)?;
        } else if crate::cli::words::matches(w, "help") {
            return Err(super::help());
        }
        if dev.is_some() {
            return Err(duparg2("dev", w));
        }
        *dev = Some(w.clone());
    }
    Ok(())
}

/// A file's bytes; a file that cannot be read lists nothing (as `fopen`
/// failing does in iproute2).
fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

fn lines(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    text.split(|&c| c == b'\n').filter(|l| !l.is_empty())
}

fn fields(line: &[u8]) -> impl Iterator<Item = &[u8]> {
    line.split(|c| c.is_ascii_whitespace()).filter(|f| !f.is_empty())
}

/// `%d`/`%u` at the start of a field.
fn number(field: Option<&[u8]>) -> Option<u32> {
    let f = field?;
    let n = f.iter().take_while(|c| c.is_ascii_digit()).count();
    std::str::from_utf8(&f[..n]).ok()?.parse::<u64>().ok().map(|v| v as u32)
}

/// `parse_hex`: pairs of hex digits into bytes; None for an odd count or
/// a pair that does not start with a hex digit.
fn hex_bytes(s: &[u8]) -> Option<Vec<u8>> {
    s.chunks(2)
        .map(|pair| {
            if pair.len() < 2 {
                return None;
            }
            let digits = pair.iter().take_while(|c| c.is_ascii_hexdigit()).count();
            u8::from_str_radix(std::str::from_utf8(&pair[..digits]).ok()?, 16).ok()
        })
        .collect()
}

/// `/proc/net/dev_mcast`: index, name, users, static, address.
fn dev_mcast(text: &[u8]) -> impl Iterator<Item = Group> + '_ {
    lines(text).filter_map(|line| {
        let mut f = fields(line);
        let index = number(f.next())?;
        let name = f.next()?.to_vec();
        let users = number(f.next())?;
        let is_static = number(f.next())? != 0;
        let addr = hex_bytes(f.next()?)?;
        Some(Group { index, name, users, family: AF_PACKET, addr, is_static })
    })
}

/// `/proc/net/igmp`: a heading, then a line per device (`index name: …`)
/// followed by its groups, each on a line that starts with a tab.
fn igmp(text: &[u8]) -> Vec<Group> {
    let mut out = Vec::new();
    let (mut index, mut name) = (0, Vec::new());
    for line in lines(text).skip(1) {
        let mut f = fields(line);
        if line.first() != Some(&b'\t') {
            index = number(f.next()).unwrap_or(index);
            if let Some(n) = f.next() {
                name = n.strip_suffix(b":").unwrap_or(n).to_vec();
            }
            continue;
        }
        let Some(hex) = f.next() else { continue };
        let digits = hex.iter().take(8).take_while(|c| c.is_ascii_hexdigit()).count();
        let Some(group) = std::str::from_utf8(&hex[..digits]).ok().and_then(|h| u32::from_str_radix(h, 16).ok()) else {
            continue;
        };
        let users = number(f.next()).unwrap_or(0);
        // The kernel prints the group in network order as a host number.
        out.push(Group { index, name: name.clone(), users, family: AF_INET, addr: group.to_ne_bytes().to_vec(), is_static: false });
    }
    out
}

/// `/proc/net/igmp6`: index, name, address (32 hex digits), users, ….
fn igmp6(text: &[u8]) -> impl Iterator<Item = Group> + '_ {
    lines(text).filter_map(|line| {
        let mut f = fields(line);
        let index = number(f.next())?;
        let name = f.next()?.to_vec();
        let addr = hex_bytes(f.next()?)?;
        let users = number(f.next())?;
        Some(Group { index, name, users, family: AF_INET6, addr, is_static: false })
    })
}

/// `print_mlist`: a heading per device (per group with -o), then the groups.
fn print_groups<W: Write>(p: &mut Printer<W>, groups: &[Group]) -> std::io::Result<()> {
    p.begin()?;
    let mut current = 0;
    for g in groups {
        if g.index != current || p.oneline() {
            if current != 0 {
                p.close_array(Out::Json, "")?;
                p.close_object()?;
            }
            p.open_object(None)?;
            p.number_c(Out::Any, Color::None, Some("ifindex"), "{}:", g.index)?;
            p.bytes_c(Out::Any, Color::Ifname, Some("ifname"), "\t{}", &g.name)?;
            p.nl()?;
            current = g.index;
            p.open_array(Out::Json, Some("maddr"), "")?;
        }
        print_group(p, g)?;
    }
    if current != 0 {
        p.close_array(Out::Json, "")?;
        p.close_object()?;
    }
    p.end()
}

/// `print_maddr`: one group.
fn print_group<W: Write>(p: &mut Printer<W>, g: &Group) -> std::io::Result<()> {
    p.text("\t")?;
    p.open_object(None)?;
    if g.family == AF_PACKET {
        p.text("link  ")?;
        p.string_c(Out::Any, Color::Mac, Some("link"), "{}", AddrBuf::link(&g.addr, 0).as_str())?;
    } else {
        p.string_c(Out::Any, Color::None, Some("family"), "{:<5} ", family_name(g.family).unwrap_or(""))?;
        p.string_c(Out::Any, Color::for_family(g.family), Some("address"), "{}", AddrBuf::addr(g.family, &g.addr).as_str())?;
    }
    if g.users != 1 {
        p.number_c(Out::Any, Color::None, Some("users"), " users {}", g.users)?;
    }
    if g.is_static {
        p.string_c(Out::Any, Color::None, Some("features"), " {}", "static")?;
    }
    p.text("\n")?;
    p.close_object()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_three_files() {
        let mc = b"3    v0              1     1     01005e000005\n2    v1              2     0     333300000001\n";
        let g: Vec<_> = dev_mcast(mc).collect();
        assert_eq!(g[0].addr, vec![1, 0, 0x5e, 0, 0, 5]);
        assert!(g[0].is_static && !g[1].is_static);
        assert_eq!((g[1].index, g[1].users, g[1].name.as_slice()), (2, 2, &b"v1"[..]));

        let ig = b"Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n1\tlo        :     1      V3\n\t\t\t\t010000E0     1 0:00000000\t\t0\n3\tverylongname:     1      V3\n\t\t\t\t010000E0     3 0:00000000\t\t0\n";
        let g = igmp(ig);
        assert_eq!(g.len(), 2);
        assert_eq!(AddrBuf::addr(AF_INET, &g[0].addr).as_str(), "224.0.0.1");
        assert_eq!((g[1].index, g[1].name.as_slice(), g[1].users), (3, &b"verylongname"[..], 3));

        let i6 = b"1    lo              ff020000000000000000000000000001     1 0000000C 0\n";
        let g: Vec<_> = igmp6(i6).collect();
        assert_eq!(AddrBuf::addr(AF_INET6, &g[0].addr).as_str(), "ff02::1");
        assert_eq!(hex_bytes(b"123"), None);
    }
}
