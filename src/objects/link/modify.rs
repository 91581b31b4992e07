//! `link add|set|change|replace|delete`: iproute2's `iplink_parse` (the
//! words → one RTM_NEWLINK/RTM_DELLINK request) and `iplink_modify` (the
//! link kind and its options, then the request).

use std::ffi::OsStr;
use std::fs::File;
use std::os::unix::ffi::OsStrExt;

use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};

use crate::cli::bytes::bytes;
use crate::objects::link::grammar::MODIFY_KEYWORDS;
use crate::cli::options::Family;
use crate::cli::words::{lookup, matches, Words};
use crate::error::{duparg, duparg2, invarg, missarg, no_device, too_long, Error, Result, Topic};
use crate::kinds::{self, KindEnv};
use crate::netlink::attr::{align, AttrWriter, Attrs, MAX_PAYLOAD, NLA_HDRLEN};
use crate::netlink::ipbuf;
use crate::netlink::link::*;
use crate::netlink::request::Echo;
use crate::netlink::{Netlink, Outgoing};
use crate::parse::{get_integer, get_unsigned};
use crate::Context;

// IFF_* flags set through ifi_flags/ifi_change.
const IFF_UP: u32 = 0x1;
const IFF_NOTRAILERS: u32 = 0x20;
const IFF_NOARP: u32 = 0x80;
const IFF_PROMISC: u32 = 0x100;
const IFF_ALLMULTI: u32 = 0x200;
const IFF_MULTICAST: u32 = 0x1000;
const IFF_DYNAMIC: u32 = 0x8000;

const IFLA_INET6_ADDR_GEN_MODE: u16 = 8;
/// IFALIASZ: an alias must be shorter.
const ALIAS_MAX: usize = 256;
const GSO_MAX_SEGS: u32 = 65535;
const IFLA_XDP_FD: u16 = 1;
const IFLA_XDP_FLAGS: u16 = 3;
const XDP_FLAGS_UPDATE_IF_NOEXIST: u32 = 1;
const XDP_FLAGS_SKB_MODE: u32 = 2;
const XDP_FLAGS_DRV_MODE: u32 = 4;
const XDP_FLAGS_HW_MODE: u32 = 8;

/// Interface names as iproute2's `ll_name_to_index` resolves them; a trait
/// so that parsers can be tested without a kernel. Names are words (bytes
/// that are not UTF-8 ride in them: `cli::bytes`).
pub trait Lookup {
    /// The index of `name` (also an altname, or `ifN`), 0 if none.
    fn index(&mut self, name: &str) -> u32;
    /// Whether `name` is a VRF device.
    fn is_vrf(&mut self, name: &str) -> bool;
    /// The length of the device's link-layer address, if known.
    fn addr_len(&mut self, _name: &str) -> Option<usize> {
        None
    }
    /// The IFLA_INFO_DATA of device `index` as raw attributes (tunnel
    /// kinds start `link set` from it); None if it has none.
    fn info_data(&mut self, _index: u32) -> Option<Vec<u8>> {
        None
    }
}

use crate::names::links::{ll_name_to_index, lookup_index};

/// iproute2's `ll_name_to_index` for a word the user typed (the link-name
/// service's look-up: as bytes, and bounded — a name longer than any device
/// name or altname can be names no device, so nothing is asked). As `ip`, a
/// name too long for ip's own request buffer is reported as ip reports it
/// (`ipbuf`).
pub fn index_of(nl: &mut Netlink, prog: &str, word: &str) -> u32 {
    if prog == "ip" {
        ipbuf::lookup_admits(bytes(word).len());
    }
    ll_name_to_index(nl, word)
}

/// The kernel's links, as the parsers look them up.
pub struct KernelLinks<'a> {
    pub nl: &'a mut Netlink,
    /// `ip` or `rtun` (as `ip`, ip's own look-up messages).
    pub prog: &'static str,
}

impl KernelLinks<'_> {
    /// The link called `name`, read by `read`.
    fn by_name<R>(&mut self, name: &str, read: impl FnOnce(&LinkMsg<'_>) -> R) -> Option<R> {
        crate::names::links::lookup(self.nl, &bytes(name), read)
    }
}

impl Lookup for KernelLinks<'_> {
    fn index(&mut self, name: &str) -> u32 {
        index_of(self.nl, self.prog, name)
    }

    fn is_vrf(&mut self, name: &str) -> bool {
        self.by_name(name, |l| {
            l.get(IFLA_LINKINFO).is_some_and(|info| Attrs::new(info).bytes_z(IFLA_INFO_KIND) == Some(b"vrf"))
        })
        .unwrap_or(false)
    }

    fn addr_len(&mut self, name: &str) -> Option<usize> {
        self.by_name(name, |l| l.get(IFLA_ADDRESS).map(<[u8]>::len)).flatten()
    }

    fn info_data(&mut self, index: u32) -> Option<Vec<u8>> {
        lookup_index(self.nl, index, |l| {
            l.get(IFLA_LINKINFO).and_then(|info| Attrs::new(info).get(IFLA_INFO_DATA)).map(<[u8]>::to_vec)
        })
        .flatten()
    }
}

/// One link request being built: an ifinfomsg and its attributes.
#[derive(Debug)]
pub struct Request {
    pub family: Family,
    /// `ifi_index`: the device, or the index a new one asks for.
    pub index: u32,
    /// IFF_* flags, and the mask of those the request changes.
    pub flags: u32,
    pub change: u32,
    pub attrs: AttrWriter,
    /// NLM_F_CREATE: `add`/`replace` (and a veth peer of those).
    pub creating: bool,
    /// Namespace files named by `netns`: open until the request is sent.
    pub files: Vec<File>,
    /// `-force`: XDP detach without UPDATE_IF_NOEXIST.
    pub force: bool,
    /// As `ip`: the bytes ip's request buffer (`ipbuf::LINK_REQ`) holds
    /// before these attributes; None as rtun.
    pub ip_used: Option<usize>,
}

impl Request {
    pub fn new(creating: bool, family: Family) -> Self {
        Request {
            family,
            index: 0,
            flags: 0,
            change: 0,
            attrs: AttrWriter::new(),
            creating,
            files: Vec::new(),
            force: false,
            ip_used: None,
        }
    }

    /// Set or clear an IFF_* flag and mark it changed.
    fn flag(&mut self, bit: u32, on: bool) {
        self.flags = if on { self.flags | bit } else { self.flags & !bit };
        self.change |= bit;
    }

    /// A string attribute from `word` (with a NUL when `nul`, as C
    /// strings go), its bytes as the user typed them. As `ip`, left out
    /// with ip's message where ip's buffer has no room for it; as rtun, one
    /// longer than an attribute can carry is refused.
    pub fn put_str(&mut self, kind: u16, word: &str, nul: bool) -> Result<()> {
        let b = bytes(word);
        let len = b.len() + usize::from(nul);
        if let Some(used) = self.ip_used {
            if !ipbuf::admits(ipbuf::LINK_REQ, used + self.attrs.len(), len) {
                return Ok(());
            }
        }
        if len > MAX_PAYLOAD {
            return Err(too_long(word, b.len()));
        }
        if nul {
            self.attrs.str_z(kind, &b);
        } else {
            self.attrs.put(kind, &b);
        }
        Ok(())
    }

    /// The request's body: the ifinfomsg, then the attributes.
    pub fn body(self) -> Result<Vec<u8>> {
        Ok(request_body(self.family.af(), self.index, self.flags, self.change, &self.attrs.finish()?))
    }
}

/// What `parse_link` found besides the attributes.
#[derive(Debug)]
pub struct Parsed {
    /// Words used, up to and including `type KIND`.
    pub consumed: usize,
    /// The word after `type`, unless dropped (a `group` without a device).
    pub kind: Option<String>,
}

/// How the device was named: iproute2 compares the `dev` and `name`
/// pointers, so "the device word was the name" matters.
enum Dev<'a> {
    None,
    FromName,
    Given(&'a str),
}

/// C's `atoi`.
fn atoi(s: &str) -> i64 {
    let t = s.trim_start();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let n = digits.bytes().take_while(u8::is_ascii_digit).fold(0i64, |a, d| (a * 10 + i64::from(d - b'0')).min(1 << 40));
    let n = if neg { -n } else { n };
    n as i32 as i64
}


/// `parse_on_off`: any prefix of "off" or "on"; iproute2 exits 22 (EINVAL)
/// on anything else.
fn parse_on_off(key: &str, value: &str) -> Result<bool> {
    if matches(value, "off") {
        return Ok(false);
    }
    if matches(value, "on") {
        return Ok(true);
    }
    crate::netlink::pipeline::say(format!("Error: argument of \"{key}\" must be one of \"off\", \"on\", not \"{value}\""));
    Err(Error::Exit(22))
}

/// An exact `on`/`off` for an IFF_* flag (iproute2's `on_off`, exit 1).
fn on_off(key: &str, value: &str) -> Result<bool> {
    match value {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(kinds::on_off_error(key, value)),
    }
}

fn not_supported_by_rtun(what: &str) -> Error {
    Error::Failure(format!("\"{what}\" is not supported by rtun."))
}

/// iproute2's `iplink_parse`: the link words of `args` into `req`, up to
/// `type KIND` (whose own words are left to the kind).
pub fn parse_link(args: &[String], req: &mut Request, lookup_dev: &mut dyn Lookup, prog: &str) -> Result<Parsed> {
    let mut w = Words::new(args);
    let mut name: Option<&str> = None;
    let mut dev = Dev::None;
    let mut link: Option<&str> = None;
    let (mut qlen, mut mtu, mut netns, mut numtx, mut numrx, mut link_netnsid) = (false, false, false, false, false, false);
    let mut index: i64 = 0;
    let mut group: Option<u32> = None;
    let mut addr_len = 0usize;
    let mut move_netns = false;
    let mut kind: Option<&str> = None;

    while let Some(word) = w.next() {
        let keyword = lookup(word, MODIFY_KEYWORDS).map_or("", |k| k.names[0].text);
        match keyword {
            "up" | "down" => req.flag(IFF_UP, keyword == "up"),
            "name" => {
                let v = w.value()?;
                if name.is_some() {
                    return Err(duparg("name", v));
                }
                if !valid_ifname(&bytes(v)) {
                    return Err(invarg("\"name\" not a valid ifname", v));
                }
                name = Some(v);
                if matches!(dev, Dev::None) {
                    dev = Dev::FromName;
                }
            }
            "index" => {
                let v = w.value()?;
                if index != 0 {
                    return Err(duparg("index", v));
                }
                index = atoi(v);
                if index <= 0 {
                    return Err(invarg("Invalid \"index\" value", v));
                }
            }
            "link" => link = Some(w.value()?),
            "address" | "broadcast" => {
                let v = w.value()?;
                let lladdr = crate::parse::lladdr(v, 32).map_err(Error::Failure)?;
                if keyword == "address" {
                    addr_len = lladdr.len();
                }
                req.attrs.put(if keyword == "address" { IFLA_ADDRESS } else { IFLA_BROADCAST }, &lladdr);
            }
            "txqueuelen" | "mtu" => {
                let v = w.value()?;
                let seen = if keyword == "mtu" { &mut mtu } else { &mut qlen };
                if *seen {
                    return Err(duparg(keyword, v));
                }
                *seen = true;
                let n = get_integer(v, 0).ok_or_else(|| invarg(&format!("Invalid \"{keyword}\" value\n"), v))?;
                req.attrs.u32(if keyword == "mtu" { IFLA_MTU } else { IFLA_TXQLEN }, n as u32);
            }
            "xdpgeneric" => {
                let v = w.value()?;
                // Only detaching is supported: `off`/`none` as the last word.
                if !(matches!(v, "off" | "none") && w.rest().is_empty()) {
                    let loads = matches(v, "object-file") || v == "obj" || matches(v, "object-pinned") || matches(v, "pinned") || matches(v, "fd");
                    if loads {
                        return Err(not_supported_by_rtun(word));
                    }
                    return Err(Error::Usage(format!("What mode is \"{v}\"?")));
                }
                let mut flags = if req.force { 0 } else { XDP_FLAGS_UPDATE_IF_NOEXIST };
                flags |= match word {
                    "xdpgeneric" => XDP_FLAGS_SKB_MODE,
                    "xdpdrv" => XDP_FLAGS_DRV_MODE,
                    "xdpoffload" => XDP_FLAGS_HW_MODE,
                    _ => 0,
                };
                req.attrs.nest(IFLA_XDP, |x| {
                    x.put(IFLA_XDP_FD, &(-1i32).to_ne_bytes());
                    if flags != 0 {
                        x.u32(IFLA_XDP_FLAGS, flags);
                    }
                });
            }
            "netns" => {
                let v = w.value()?;
                if netns {
                    return Err(duparg("netns", v));
                }
                netns = true;
                let name = bytes(v);
                let mut path = Vec::new();
                if !name.contains(&b'/') {
                    path.extend_from_slice(crate::netlink::netns::NETNS_RUN_DIR.as_bytes());
                    path.push(b'/');
                }
                path.extend_from_slice(&name);
                match File::open(OsStr::from_bytes(&path)) {
                    Ok(f) => {
                        use std::os::fd::AsRawFd;
                        req.attrs.u32(IFLA_NET_NS_FD, f.as_raw_fd() as u32);
                        req.files.push(f);
                    }
                    Err(_) => match get_integer(v, 0) {
                        Some(pid) => {
                            req.attrs.u32(IFLA_NET_NS_PID, pid as u32);
                        }
                        None => return Err(invarg("Invalid \"netns\" value\n", v)),
                    },
                }
                move_netns = true;
            }
            "multicast" | "allmulticast" | "promisc" | "dynamic" => {
                let v = w.value()?;
                let bit = match keyword {
                    "multicast" => IFF_MULTICAST,
                    "allmulticast" => IFF_ALLMULTI,
                    "promisc" => IFF_PROMISC,
                    _ => IFF_DYNAMIC,
                };
                let on = on_off(keyword, v)?;
                req.flag(bit, on);
            }
            // These two flags mean the opposite of their keyword.
            "trailers" | "arp" => {
                let v = w.value()?;
                let on = on_off(keyword, v)?;
                req.flag(if keyword == "arp" { IFF_NOARP } else { IFF_NOTRAILERS }, !on);
            }
            "carrier" | "protodown" => {
                let v = w.value()?;
                let on = u8::from(parse_on_off(keyword, v)?);
                req.attrs.u8(if keyword == "carrier" { IFLA_CARRIER } else { IFLA_PROTO_DOWN }, on);
            }
            "vf" => {
                let v = w.value()?;
                get_integer(v, 0).ok_or_else(|| invarg("Invalid \"vf\" value\n", v))?;
                if matches!(dev, Dev::None) {
                    return Err(missarg("dev"));
                }
                return Err(not_supported_by_rtun("vf"));
            }
            "master" => {
                let v = w.value()?;
                let i = lookup_dev.index(v);
                if i == 0 {
                    return Err(invarg("Device does not exist\n", v));
                }
                req.attrs.u32(IFLA_MASTER, i);
            }
            "vrf" => {
                let v = w.value()?;
                let i = lookup_dev.index(v);
                if i == 0 || !lookup_dev.is_vrf(v) {
                    return Err(invarg("Not a valid VRF name\n", v));
                }
                req.attrs.u32(IFLA_MASTER, i);
            }
            "nomaster" => {
                req.attrs.u32(IFLA_MASTER, 0);
            }
            "type" => {
                kind = Some(w.value()?);
                break;
            }
            "alias" => {
                let v = w.value()?;
                if bytes(v).len() >= ALIAS_MAX {
                    return Err(invarg("alias too long\n", v));
                }
                // Without a trailing NUL, as iproute2 sends it.
                req.put_str(IFLA_IFALIAS, v, false)?;
            }
            "group" => {
                let v = w.value()?;
                if group.is_some() {
                    return Err(duparg("group", v));
                }
                let g = crate::names::tables::group_id(v).map(|g| g as u32).ok_or_else(|| invarg("Invalid \"group\" value\n", v))?;
                group = Some(g);
                req.attrs.u32(IFLA_GROUP, g);
            }
            "mode" => {
                let v = w.value()?;
                let mode = ["default", "dormant"]
                    .iter()
                    .position(|m| m.eq_ignore_ascii_case(v))
                    .ok_or_else(|| invarg("Invalid link mode\n", v))?;
                req.attrs.u8(IFLA_LINKMODE, mode as u8);
            }
            "state" => {
                let v = w.value()?;
                let state = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"]
                    .iter()
                    .position(|s| s.eq_ignore_ascii_case(v))
                    .ok_or_else(|| invarg("Invalid operstate\n", v))?;
                req.attrs.u8(IFLA_OPERSTATE, state as u8);
            }
            "numtxqueues" | "numrxqueues" => {
                let v = w.value()?;
                let seen = if keyword == "numtxqueues" { &mut numtx } else { &mut numrx };
                if *seen {
                    return Err(duparg(keyword, v));
                }
                *seen = true;
                let n = get_integer(v, 0).ok_or_else(|| invarg(&format!("Invalid \"{keyword}\" value\n"), v))? as u32;
                req.attrs.u32(if keyword == "numtxqueues" { IFLA_NUM_TX_QUEUES } else { IFLA_NUM_RX_QUEUES }, n);
            }
            "addrgenmode" => {
                let v = w.value()?;
                let mode = ["eui64", "none", "stable_secret", "random"]
                    .iter()
                    .position(|m| m.eq_ignore_ascii_case(v))
                    .ok_or_else(|| invarg("Invalid address generation mode\n", v))?;
                // IFLA_AF_SPEC { AF_INET6 { IFLA_INET6_ADDR_GEN_MODE u8 } }
                req.attrs.nest(IFLA_AF_SPEC, |af| {
                    af.nest(libc::AF_INET6 as u16, |v6| {
                        v6.u8(IFLA_INET6_ADDR_GEN_MODE, mode as u8);
                    });
                });
            }
            "link-netns" => {
                let v = w.value()?;
                if link_netnsid {
                    return Err(duparg("link-netns/link-netnsid", v));
                }
                return Err(not_supported_by_rtun("link-netns"));
            }
            "link-netnsid" => {
                let v = w.value()?;
                if link_netnsid {
                    return Err(duparg("link-netns/link-netnsid", v));
                }
                link_netnsid = true;
                let id = get_integer(v, 0).ok_or_else(|| invarg("Invalid \"link-netnsid\" value\n", v))?;
                req.attrs.u32(IFLA_LINK_NETNSID, id as u32);
            }
            "protodown_reason" => {
                w.value()?;
                return Err(not_supported_by_rtun("protodown_reason"));
            }
            "gso_max_size" | "gso_max_segs" | "gro_max_size" => {
                let v = w.value()?;
                let n = get_unsigned(v)
                    .filter(|n| keyword != "gso_max_segs" || *n <= GSO_MAX_SEGS)
                    .ok_or_else(|| invarg(&format!("Invalid \"{keyword}\" value\n"), v))?;
                let attr = match keyword {
                    "gso_max_size" => IFLA_GSO_MAX_SIZE,
                    "gso_max_segs" => IFLA_GSO_MAX_SEGS,
                    _ => IFLA_GRO_MAX_SIZE,
                };
                req.attrs.u32(attr, n);
            }
            "parentdev" => req.put_str(IFLA_PARENT_DEV_NAME, w.value()?, true)?,
            "help" => return Err(Error::help(Topic::Current)),
            _ => {
                // `dev DEV`, or a bare device name.
                let v = if keyword == "dev" { w.value()? } else { word };
                if matches!(dev, Dev::Given(_)) {
                    return Err(duparg2("dev", v));
                }
                if !valid_altname(&bytes(v)) {
                    return Err(invarg("\"dev\" not a valid ifname", v));
                }
                dev = Dev::Given(v);
            }
        }
    }
    let consumed = args.len() - w.rest().len();
    let leftover = w.rest();

    // `add dev X` and `add name X` are the same; `set dev X name Y` renames.
    let device: Option<&str> = match dev {
        Dev::Given(d) => Some(d),
        _ => name,
    };
    let rename: Option<&str> = match (name, &dev) {
        (Some(n), Dev::Given(d)) if n != *d => Some(n),
        _ => None,
    };

    if let Some(d) = device {
        if addr_len != 0 && !req.creating {
            if let Some(halen) = lookup_dev.addr_len(d) {
                if halen != addr_len {
                    return Err(Error::Failure(format!("Invalid address length {addr_len} - must be {halen} bytes")));
                }
            }
        }
    }
    if index != 0 && !req.creating && !move_netns {
        return Err(Error::Usage(
            "index can be used only when creating devices or when moving device to another netns.".into(),
        ));
    }
    if group.is_some() && device.is_none() {
        if let Some(first) = leftover.first() {
            return Err(Error::Usage(format!("Garbage instead of arguments \"{first} ...\". Try \"{prog} link help\".")));
        }
        if req.creating {
            return Err(Error::Usage("group cannot be used when creating devices.".into()));
        }
        return Ok(Parsed { consumed, kind: None });
    }
    if !req.creating {
        let Some(d) = device else {
            return Err(Error::Usage("Not enough information: \"dev\" argument is required.".into()));
        };
        let i = lookup_dev.index(d);
        if i == 0 {
            return Err(no_device(d));
        }
        req.index = i;
        if index != 0 {
            req.attrs.u32(IFLA_NEW_IFINDEX, index as u32);
        }
        if let Some(n) = rename {
            req.put_str(IFLA_IFNAME, n, true)?;
        }
    } else {
        if rename.is_some() {
            return Err(Error::Usage("both \"name\" and \"dev\" cannot be used when creating devices.".into()));
        }
        if let Some(l) = link {
            let i = lookup_dev.index(l);
            if i == 0 {
                return Err(no_device(l));
            }
            req.attrs.u32(IFLA_LINK, i);
        }
        req.index = index as u32;
        if let Some(n) = device {
            req.put_str(IFLA_IFNAME, n, true)?;
        }
    }
    Ok(Parsed { consumed, kind: kind.map(str::to_string) })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Add,
    Set,
    Replace,
    Delete,
}

pub fn add(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, Mode::Add, args)
}

/// `set` and `change`.
pub fn set(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, Mode::Set, args)
}

pub fn replace(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, Mode::Replace, args)
}

pub fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, Mode::Delete, args)
}

fn not_supported(ctx: &Context, cmd: &str) -> Result<()> {
    Err(Error::Failure(format!("\"{} link {cmd}\" is not supported by rtun.", ctx.prog)))
}

pub fn xstats(ctx: &mut Context, _args: &[String]) -> Result<()> {
    not_supported(ctx, "xstats")
}

pub fn afstats(ctx: &mut Context, _args: &[String]) -> Result<()> {
    not_supported(ctx, "afstats")
}

/// `link help [TYPE]`: a type's options on stdout (status 0, as
/// iproute2), else the object's help (as ip: stderr, exit 255).
pub fn help(_ctx: &mut Context, args: &[String]) -> Result<()> {
    match args.first().and_then(|k| kinds::find(k)) {
        Some(k) => Err(kinds::help(k.name, 0, true)),
        None => Err(Error::help(Topic::Current)),
    }
}

/// IFLA_LINKINFO for `type KIND [ARGS]`, written into `req` (iproute2's
/// `iplink_modify`): the kind as given (without a NUL, as ip sends it),
/// then the kind's options as IFLA_INFO_DATA — IFLA_INFO_SLAVE_DATA for a
/// port's `KIND_slave`.
fn link_info(req: &mut Request, lookup: &mut dyn Lookup, mode: Mode, prog: &'static str, kind: &str, args: &[String]) -> Result<()> {
    let data = if kind.ends_with("_slave") { IFLA_INFO_SLAVE_DATA } else { IFLA_INFO_DATA };
    let found = kinds::find(kind);
    // The kind's options, parsed before anything is written (as ip, the
    // kind's parser needs to know how full ip's buffer would be by then).
    let options = if args.is_empty() {
        None
    } else {
        match found {
            Some(k) => Some(match k.parse {
                Some(parse) => {
                    let kind_len = bytes(kind).len();
                    let mut env = KindEnv {
                        lookup,
                        creating: req.creating,
                        set_op: mode == Mode::Set,
                        index: req.index,
                        family: req.family,
                        prog,
                        files: &mut req.files,
                        ip_used: req.ip_used.map(|u| u + req.attrs.len() + 2 * NLA_HDRLEN + align(NLA_HDRLEN + kind_len)),
                    };
                    parse(&mut env, args)?
                }
                // iproute2 sends an empty data block and ignores the words.
                None => Vec::new(),
            }),
            None if kinds::IP_KINDS.contains(&kind) => {
                return Err(Error::Failure(format!("The options of link type \"{kind}\" are not supported by rtun.")));
            }
            None if matches(&args[0], "help") => return Err(Error::help(Topic::Current)),
            None => {
                return Err(Error::Failure(format!("Garbage instead of arguments \"{} ...\". Try \"{prog} link help\".", args[0])));
            }
        }
    };
    // As ip: even the nest's header may not fit ip's buffer.
    let nest_fits = req.ip_used.is_none_or(|u| ipbuf::admits(ipbuf::LINK_REQ, u + req.attrs.len(), 0));
    let mut info = Request { attrs: AttrWriter::new(), ip_used: req.ip_used.map(|u| u + req.attrs.len() + NLA_HDRLEN), ..Request::new(false, Family::Unspec) };
    info.put_str(IFLA_INFO_KIND, kind, false)?;
    if let Some(options) = options {
        info.attrs.put(data, &options);
    }
    if nest_fits {
        req.attrs.put(IFLA_LINKINFO, &info.attrs.finish()?);
    }
    Ok(())
}

/// iproute2's `iplink_modify`.
fn modify(ctx: &mut Context, mode: Mode, args: &[String]) -> Result<()> {
    let prog = ctx.prog;
    let family = ctx.opts.family;
    let creating = matches!(mode, Mode::Add | Mode::Replace);
    let mut req = Request::new(creating, family);
    req.force = ctx.opts.force;
    req.ip_used = (prog == "ip").then_some(ipbuf::LINK_HEAD);
    let echo_wanted = ctx.opts.echo;
    let nl = ctx.nl()?;
    let mut links = KernelLinks { nl, prog };
    let parsed = parse_link(args, &mut req, &mut links, prog)?;
    match &parsed.kind {
        Some(kind) => link_info(&mut req, &mut links, mode, prog, kind, &args[parsed.consumed..])?,
        None if creating => {
            return Err(Error::Failure("Not enough information: \"type\" argument is required".into()));
        }
        None => {}
    }
    let flags = match mode {
        Mode::Add => NLM_F_CREATE | NLM_F_EXCL,
        Mode::Replace => NLM_F_CREATE | NLM_F_REPLACE,
        Mode::Set | Mode::Delete => 0,
    };
    let kind = if mode == Mode::Delete { RTM_DELLINK } else { RTM_NEWLINK };
    if echo_wanted {
        let files = std::mem::take(&mut req.files);
        let body = req.body()?;
        let reply = links.nl.echo_raw(Outgoing::Raw { kind, body: &body }, flags, |e| match e {
            Echo::Message(m) => Some(m.to_vec()),
            Echo::Ack(_) => None,
        });
        drop(files);
        ctx.links.invalidate();
        return echo(ctx, reply?);
    }
    // Files handed to the kernel (namespaces by fd) must stay open until it
    // has the request: such a request is never queued.
    let files = std::mem::take(&mut req.files);
    let body = req.body()?;
    let msg = Outgoing::Raw { kind, body: &body };
    let nl = links.nl;
    let result = if files.is_empty() { nl.submit_out(msg, flags) } else { nl.request_out(msg, flags) };
    drop(files);
    result?;
    ctx.links.invalidate();
    Ok(())
}

/// `-echo`: print what the kernel sent back, as iproute2's `rtnl_echo_talk`
/// with `print_linkinfo` does (outside a listing: no `qlen`, and its zeroed
/// filter only lets group 0 through). Only an ACK prints nothing (`[{}]`).
fn echo(ctx: &mut Context, reply: Option<Vec<u8>>) -> Result<()> {
    use crate::netlink::link::LinkMsg;
    use crate::objects::link::show::{print_linkinfo, View};
    let (_, p, opts, links) = ctx.parts()?;
    let filter = crate::objects::address::filter::Filter { group: Some(0), ..Default::default() };
    let do_link = crate::objects::address::list::link_listed();
    let view = View { opts, filter: &filter, do_link, showqueue: false, links };
    p.begin()?;
    p.open_object(None)?;
    if let Some(link) = reply.as_deref().and_then(LinkMsg::from_nlmsg) {
        match link.msg_type {
            RTM_NEWLINK => print_linkinfo(p, &link, false, &view)?,
            RTM_DELLINK => print_linkinfo(p, &link, true, &view)?,
            _ => crate::objects::link::show::Shown::Quiet,
        };
    }
    p.close_object()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testutil::{words, FakeLinks};

    fn parse(creating: bool, s: &str) -> Result<(Request, Parsed)> {
        let mut fake = FakeLinks([("eth0".to_string(), 2), ("br0".to_string(), 3)].into_iter().collect());
        let mut req = Request::new(creating, Family::Unspec);
        let args = words(s);
        let parsed = parse_link(&args, &mut req, &mut fake, "ip")?;
        Ok((req, parsed))
    }

    fn err(creating: bool, s: &str) -> (String, i32) {
        let e = parse(creating, s).unwrap_err();
        (e.to_string(), e.exit_code())
    }

    /// The keywords the grammar marks as refused are refused by the parser
    /// (and so never offered by completions for nothing).
    #[test]
    fn keywords_marked_unsupported_are_refused() {
        let marked: Vec<&str> = MODIFY_KEYWORDS.iter().filter(|k| !k.supported).map(|k| k.names[0].text).collect();
        assert!(marked.contains(&"vf"), "{marked:?}");
        for name in marked {
            let (msg, code) = err(false, &format!("dev eth0 {name} 0 on"));
            assert!(msg.contains("not supported by rtun") && code == 1, "{name}: {msg} ({code})");
        }
    }

    /// The request as the kernel would read it.
    fn sent(req: Request) -> Vec<u8> {
        req.body().expect("fits")
    }

    #[test]
    fn set_builds_flags_and_attributes() {
        let (req, p) = parse(false, "dev eth0 up mtu 1400 arp off master br0 txqlen 5 alias hi").unwrap();
        assert_eq!(p.kind, None);
        let body = sent(req);
        let l = LinkMsg::from_body(RTM_NEWLINK, &body).unwrap();
        assert_eq!((l.index, l.flags, l.change), (2, IFF_UP | IFF_NOARP, IFF_UP | IFF_NOARP));
        assert_eq!((l.u32(IFLA_MTU), l.u32(IFLA_MASTER), l.u32(IFLA_TXQLEN)), (Some(1400), Some(3), Some(5)));
        // Without a NUL, as iproute2 sends it.
        assert_eq!(l.get(IFLA_IFALIAS), Some(&b"hi"[..]));
        assert_eq!(l.name(), None);
    }

    #[test]
    fn rename_and_add_names() {
        let (req, _) = parse(false, "eth0 name wan").unwrap();
        let body = sent(req);
        assert_eq!(LinkMsg::from_body(RTM_NEWLINK, &body).unwrap().get(IFLA_IFNAME), Some(&b"wan\0"[..]));
        let (req, p) = parse(true, "name x0 link eth0 type vlan id 5").unwrap();
        assert_eq!(p.kind.as_deref(), Some("vlan"));
        assert_eq!(p.consumed, 6);
        let body = sent(req);
        let l = LinkMsg::from_body(RTM_NEWLINK, &body).unwrap();
        assert_eq!((l.name(), l.u32(IFLA_LINK)), (Some(&b"x0"[..]), Some(2)));
    }

    #[test]
    fn names_are_the_bytes_typed() {
        // `x\xff` as main.rs hands it over.
        let name = crate::cli::bytes::word(b"x\xff");
        let mut fake = FakeLinks([(name.clone(), 4)].into_iter().collect());
        let mut req = Request::new(true, Family::Unspec);
        parse_link(&[name.clone(), "alias".into(), crate::cli::bytes::word(b"bad\xffalias")], &mut req, &mut fake, "ip").unwrap();
        let body = sent(req);
        let l = LinkMsg::from_body(RTM_NEWLINK, &body).unwrap();
        assert_eq!((l.name(), l.get(IFLA_IFALIAS)), (Some(&b"x\xff"[..]), Some(&b"bad\xffalias"[..])));
        // Fifteen bytes that are not UTF-8 are a valid name (45 in the word).
        let long = crate::cli::bytes::word(&[0xff; 15]);
        let mut req = Request::new(false, Family::Unspec);
        assert!(parse_link(&[name, "name".into(), long], &mut req, &mut fake, "ip").is_ok());
    }

    #[test]
    fn names_too_long_for_netlink() {
        let huge = "x".repeat(70_000);
        // As rtun: refused, nothing sent.
        let mut fake = FakeLinks(Default::default());
        let mut req = Request::new(true, Family::Unspec);
        let e = parse_link(&[huge.clone()], &mut req, &mut fake, "rtun").unwrap_err();
        assert!(e.to_string().ends_with("is too long for netlink: 70000 bytes (at most 65530)."), "{e}");
        assert_eq!(e.exit_code(), 1);
        // As ip: left out of the request, as ip's buffer leaves it out.
        let mut req = Request::new(true, Family::Unspec);
        req.ip_used = Some(ipbuf::LINK_HEAD);
        parse_link(&[huge], &mut req, &mut fake, "ip").unwrap();
        assert_eq!(LinkMsg::from_body(RTM_NEWLINK, &sent(req)).unwrap().name(), None);
    }

    #[test]
    fn iproute2_messages() {
        assert_eq!(err(false, "eth0 mtu abc"), ("Error: argument \"abc\" is wrong: Invalid \"mtu\" value\n".into(), 255));
        assert_eq!(err(false, "eth0 mtu 1 mtu 2"), ("Error: duplicate \"mtu\": \"2\" is the second value.".into(), 255));
        assert_eq!(err(false, "eth0 br0"), ("Error: either \"dev\" is duplicate, or \"br0\" is a garbage.".into(), 255));
        assert_eq!(err(false, "up"), ("Not enough information: \"dev\" argument is required.".into(), 255));
        assert_eq!(err(false, "nosuch up"), ("Cannot find device \"nosuch\"".into(), 1));
        assert_eq!(err(false, "eth0 multicast maybe").1, 1);
        assert_eq!(err(false, "eth0 carrier maybe").1, 22);
        assert_eq!(err(true, "name a dev b type veth").1, 255);
        assert_eq!(err(true, "group 1 type bridge"), ("group cannot be used when creating devices.".into(), 255));
        assert_eq!(err(false, "eth0 index 5").1, 255);
        assert_eq!(err(false, "eth0 master nosuch").0, "Error: argument \"nosuch\" is wrong: Device does not exist\n");
        assert_eq!(err(false, "eth0 mtu").0, "Command line is not complete. Try option \"help\"");
    }

    #[test]
    fn group_without_device_drops_the_type() {
        let (req, p) = parse(false, "group 5 up type bridge").unwrap();
        assert_eq!(p.kind, None);
        let body = sent(req);
        let l = LinkMsg::from_body(RTM_NEWLINK, &body).unwrap();
        assert_eq!((l.index, l.u32(IFLA_GROUP)), (0, Some(5)));
        assert!(err(false, "group 5 type bridge stp_state 1").0.starts_with("Garbage instead of arguments \"stp_state ...\""));
    }

    #[test]
    fn on_off_prefixes() {
        assert!(parse_on_off("carrier", "o").is_ok_and(|v| !v));
        assert!(parse_on_off("carrier", "on").is_ok_and(|v| v));
        assert!(parse_on_off("carrier", "").is_err());
    }
}
