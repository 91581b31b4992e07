//! `link add|set|change|replace|delete`: iproute2's `iplink_parse` (the
//! words → one RTM_NEWLINK/RTM_DELLINK request) and `iplink_modify` (the
//! link kind and its options, then the request).

use std::fs::File;

use netlink_packet_core::{DefaultNla, Nla, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};
use netlink_packet_route::link::{InfoData, InfoKind, InfoPortData, LinkAttribute, LinkFlags, LinkInfo, LinkMessage};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};

use crate::cli::grammar::link::MODIFY_KEYWORDS;
use crate::cli::options::Family;
use crate::cli::words::{lookup, matches, Words};
use crate::error::{duparg, duparg2, invarg, missarg, no_device, Error, Result, Topic};
use crate::kinds::{self, KindEnv};
use crate::netlink::Netlink;
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

// IFLA_* attributes sent byte for byte as iproute2 sends them.
const IFLA_OPERSTATE: u16 = 16;
const IFLA_LINKMODE: u16 = 17;
const IFLA_IFALIAS: u16 = 20;
const IFLA_AF_SPEC: u16 = 26;
const IFLA_INET6_ADDR_GEN_MODE: u16 = 8;
/// IFALIASZ: an alias must be shorter.
const ALIAS_MAX: usize = 256;
const GSO_MAX_SEGS: u32 = 65535;
const IFLA_XDP: u16 = 43;
const IFLA_XDP_FD: u16 = 1;
const IFLA_XDP_FLAGS: u16 = 3;
const XDP_FLAGS_UPDATE_IF_NOEXIST: u32 = 1;
const XDP_FLAGS_SKB_MODE: u32 = 2;
const XDP_FLAGS_DRV_MODE: u32 = 4;
const XDP_FLAGS_HW_MODE: u32 = 8;

/// One netlink attribute (header, value, padding) as bytes, for nests.
fn nla(kind: u16, value: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(4 + value.len() + 3);
    b.extend_from_slice(&((4 + value.len()) as u16).to_ne_bytes());
    b.extend_from_slice(&kind.to_ne_bytes());
    b.extend_from_slice(value);
    while b.len() % 4 != 0 {
        b.push(0);
    }
    b
}

/// Interface names as iproute2's `ll_name_to_index` resolves them; a trait
/// so that parsers can be tested without a kernel.
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

pub use crate::names::links::{valid_altname, valid_ifname};
use crate::cli::bytes::bytes;
use crate::names::links::{ll_name_to_index, lookup_index};

impl Lookup for Netlink {
    fn index(&mut self, name: &str) -> u32 {
        ll_name_to_index(self, name)
    }

    fn is_vrf(&mut self, name: &str) -> bool {
        matches!(crate::names::links::vrf(self, &bytes(name)), Some(Some(_)))
    }

    fn addr_len(&mut self, name: &str) -> Option<usize> {
        crate::names::links::lookup(self, &bytes(name), |l| l.get(crate::netlink::link::IFLA_ADDRESS).map(<[u8]>::len)).flatten()
    }

    fn info_data(&mut self, index: u32) -> Option<Vec<u8>> {
        const IFLA_INFO_DATA: u16 = 2;
        lookup_index(self, index, |l| {
            let info = crate::netlink::attr::Attrs::new(l.get(crate::netlink::link::IFLA_LINKINFO)?);
            info.get(IFLA_INFO_DATA).map(<[u8]>::to_vec)
        })
        .flatten()
    }
}

/// One link request being built.
#[derive(Debug)]
pub struct Request {
    pub msg: LinkMessage,
    /// NLM_F_CREATE: `add`/`replace` (and a veth peer of those).
    pub creating: bool,
    /// Namespace files named by `netns`: open until the request is sent.
    pub files: Vec<File>,
    /// `-force`: XDP detach without UPDATE_IF_NOEXIST.
    pub force: bool,
}

impl Request {
    pub fn new(creating: bool, family: Family) -> Self {
        let mut msg = LinkMessage::default();
        msg.header.interface_family = AddressFamily::from(family.af());
        Request { msg, creating, files: Vec::new(), force: false }
    }

    fn push(&mut self, a: LinkAttribute) {
        self.msg.attributes.push(a);
    }

    /// Set or clear an IFF_* flag and mark it changed.
    fn flag(&mut self, bit: u32, on: bool) {
        let h = &mut self.msg.header;
        let mut flags = h.flags.bits();
        flags = if on { flags | bit } else { flags & !bit };
        h.flags = LinkFlags::from_bits_retain(flags);
        h.change_mask = LinkFlags::from_bits_retain(h.change_mask.bits() | bit);
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
    eprintln!("Error: argument of \"{key}\" must be one of \"off\", \"on\", not \"{value}\"");
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
                if !valid_ifname(v) {
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
                let bytes = crate::parse::lladdr(v, 32).map_err(Error::Failure)?;
                if keyword == "address" {
                    addr_len = bytes.len();
                    req.push(LinkAttribute::Address(bytes));
                } else {
                    req.push(LinkAttribute::Broadcast(bytes));
                }
            }
            "txqueuelen" | "mtu" => {
                let v = w.value()?;
                let seen = if keyword == "mtu" { &mut mtu } else { &mut qlen };
                if *seen {
                    return Err(duparg(keyword, v));
                }
                *seen = true;
                let n = get_integer(v, 0).ok_or_else(|| invarg(&format!("Invalid \"{keyword}\" value\n"), v))?;
                req.push(if keyword == "mtu" { LinkAttribute::Mtu(n as u32) } else { LinkAttribute::TxQueueLen(n as u32) });
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
                let mut b = nla(IFLA_XDP_FD, &(-1i32).to_ne_bytes());
                if flags != 0 {
                    b.extend_from_slice(&nla(IFLA_XDP_FLAGS, &flags.to_ne_bytes()));
                }
                req.push(LinkAttribute::Other(DefaultNla::new(IFLA_XDP, b)));
            }
            "netns" => {
                let v = w.value()?;
                if netns {
                    return Err(duparg("netns", v));
                }
                netns = true;
                let path = if v.contains('/') { v.to_string() } else { format!("{}/{v}", crate::netlink::netns::NETNS_RUN_DIR) };
                match File::open(path) {
                    Ok(f) => {
                        use std::os::fd::AsRawFd;
                        req.push(LinkAttribute::NetNsFd(f.as_raw_fd()));
                        req.files.push(f);
                    }
                    Err(_) => match get_integer(v, 0) {
                        Some(pid) => req.push(LinkAttribute::NetNsPid(pid as u32)),
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
                req.push(if keyword == "carrier" { LinkAttribute::Carrier(on) } else { LinkAttribute::ProtoDown(on) });
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
                req.push(LinkAttribute::Controller(i));
            }
            "vrf" => {
                let v = w.value()?;
                let i = lookup_dev.index(v);
                if i == 0 || !lookup_dev.is_vrf(v) {
                    return Err(invarg("Not a valid VRF name\n", v));
                }
                req.push(LinkAttribute::Controller(i));
            }
            "nomaster" => req.push(LinkAttribute::Controller(0)),
            "type" => {
                kind = Some(w.value()?);
                break;
            }
            "alias" => {
                let v = w.value()?;
                if v.len() >= ALIAS_MAX {
                    return Err(invarg("alias too long\n", v));
                }
                // Without a trailing NUL, as iproute2 sends it.
                req.push(LinkAttribute::Other(DefaultNla::new(IFLA_IFALIAS, v.as_bytes().to_vec())));
            }
            "group" => {
                let v = w.value()?;
                if group.is_some() {
                    return Err(duparg("group", v));
                }
                let g = crate::names::tables::group_id(v).map(|g| g as u32).ok_or_else(|| invarg("Invalid \"group\" value\n", v))?;
                group = Some(g);
                req.push(LinkAttribute::Group(g));
            }
            "mode" => {
                let v = w.value()?;
                let mode = ["default", "dormant"]
                    .iter()
                    .position(|m| m.eq_ignore_ascii_case(v))
                    .ok_or_else(|| invarg("Invalid link mode\n", v))?;
                req.push(LinkAttribute::Other(DefaultNla::new(IFLA_LINKMODE, vec![mode as u8])));
            }
            "state" => {
                let v = w.value()?;
                let state = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"]
                    .iter()
                    .position(|s| s.eq_ignore_ascii_case(v))
                    .ok_or_else(|| invarg("Invalid operstate\n", v))?;
                req.push(LinkAttribute::Other(DefaultNla::new(IFLA_OPERSTATE, vec![state as u8])));
            }
            "numtxqueues" | "numrxqueues" => {
                let v = w.value()?;
                let seen = if keyword == "numtxqueues" { &mut numtx } else { &mut numrx };
                if *seen {
                    return Err(duparg(keyword, v));
                }
                *seen = true;
                let n = get_integer(v, 0).ok_or_else(|| invarg(&format!("Invalid \"{keyword}\" value\n"), v))? as u32;
                req.push(if keyword == "numtxqueues" { LinkAttribute::NumTxQueues(n) } else { LinkAttribute::NumRxQueues(n) });
            }
            "addrgenmode" => {
                let v = w.value()?;
                let mode = ["eui64", "none", "stable_secret", "random"]
                    .iter()
                    .position(|m| m.eq_ignore_ascii_case(v))
                    .ok_or_else(|| invarg("Invalid address generation mode\n", v))?;
                // IFLA_AF_SPEC { AF_INET6 { IFLA_INET6_ADDR_GEN_MODE u8 } }
                let af = nla(libc::AF_INET6 as u16, &nla(IFLA_INET6_ADDR_GEN_MODE, &[mode as u8]));
                req.push(LinkAttribute::Other(DefaultNla::new(IFLA_AF_SPEC, af)));
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
                req.push(LinkAttribute::LinkNetNsId(id));
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
                req.push(match keyword {
                    "gso_max_size" => LinkAttribute::GsoMaxSize(n),
                    "gso_max_segs" => LinkAttribute::GsoMaxSegs(n),
                    _ => LinkAttribute::GroMaxSize(n),
                });
            }
            "parentdev" => req.push(LinkAttribute::ParentDevName(w.value()?.to_string())),
            "help" => return Err(Error::help(Topic::Current)),
            _ => {
                // `dev DEV`, or a bare device name.
                let v = if keyword == "dev" { w.value()? } else { word };
                if matches!(dev, Dev::Given(_)) {
                    return Err(duparg2("dev", v));
                }
                if !valid_altname(v) {
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
        req.msg.header.index = i;
        if index != 0 {
            req.push(LinkAttribute::NewIfIndex(index as i32));
        }
        if let Some(n) = rename {
            req.push(LinkAttribute::IfName(n.to_string()));
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
            req.push(LinkAttribute::Link(i));
        }
        req.msg.header.index = index as u32;
        if let Some(n) = device {
            req.push(LinkAttribute::IfName(n.to_string()));
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

pub fn property(ctx: &mut Context, _args: &[String]) -> Result<()> {
    not_supported(ctx, "property")
}

/// `link help [TYPE]`: a type's options on stdout (status 0, as
/// iproute2), else the object's help (as ip: stderr, exit 255).
pub fn help(_ctx: &mut Context, args: &[String]) -> Result<()> {
    match args.first().and_then(|k| kinds::find(k)) {
        Some(k) => Err(kinds::help(k.name, 0, true)),
        None => Err(Error::help(Topic::Current)),
    }
}

/// IFLA_LINKINFO for `type KIND [ARGS]`.
fn link_info(env: &mut KindEnv<'_>, kind: &str, args: &[String]) -> Result<Vec<LinkInfo>> {
    let mut info = vec![LinkInfo::Kind(InfoKind::from(kind))];
    if args.is_empty() {
        return Ok(info);
    }
    match kinds::find(kind) {
        Some(k) => {
            let data = match k.parse {
                Some(parse) => parse(env, args)?,
                // iproute2 sends an empty data block and ignores the words.
                None => InfoData::Other(Vec::new()),
            };
            if kind.ends_with("_slave") {
                // A port's options go to IFLA_INFO_SLAVE_DATA, the kind as given.
                let mut bytes = vec![0u8; data.value_len()];
                data.emit_value(&mut bytes);
                info.push(LinkInfo::PortData(InfoPortData::Other(bytes)));
            } else {
                info.push(LinkInfo::Data(data));
            }
            Ok(info)
        }
        None if kinds::IP_KINDS.contains(&kind) => {
            Err(Error::Failure(format!("The options of link type \"{kind}\" are not supported by rtun.")))
        }
        None if matches(&args[0], "help") => Err(Error::help(Topic::Current)),
        None => Err(Error::Failure(format!(
            "Garbage instead of arguments \"{} ...\". Try \"{} link help\".",
            args[0], env.prog
        ))),
    }
}

/// iproute2's `iplink_modify`.
fn modify(ctx: &mut Context, mode: Mode, args: &[String]) -> Result<()> {
    let prog = ctx.prog;
    let family = ctx.opts.family;
    let creating = matches!(mode, Mode::Add | Mode::Replace);
    let mut req = Request::new(creating, family);
    req.force = ctx.opts.force;
    let nl = ctx.nl()?;
    let parsed = parse_link(args, &mut req, nl, prog)?;
    match &parsed.kind {
        Some(kind) => {
            let mut env = KindEnv {
                lookup: nl,
                creating,
                set_op: mode == Mode::Set,
                index: req.msg.header.index,
                family,
                prog,
                files: &mut req.files,
            };
            let info = link_info(&mut env, kind, &args[parsed.consumed..])?;
            req.msg.attributes.push(LinkAttribute::LinkInfo(info));
        }
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
    let msg = if mode == Mode::Delete {
        RouteNetlinkMessage::DelLink(req.msg)
    } else {
        RouteNetlinkMessage::NewLink(req.msg)
    };
    // Files handed to the kernel (namespaces by fd) must stay open until it
    // has the request: such a request is never queued.
    let result = if req.files.is_empty() { nl.submit(msg, flags) } else { nl.request(msg, flags) };
    drop(req.files);
    result?;
    ctx.links.invalidate();
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

    #[test]
    fn set_builds_flags_and_attributes() {
        let (req, p) = parse(false, "dev eth0 up mtu 1400 arp off master br0 txqlen 5 alias hi").unwrap();
        assert_eq!(p.kind, None);
        let h = &req.msg.header;
        assert_eq!(h.index, 2);
        assert_eq!(h.flags.bits(), IFF_UP | IFF_NOARP);
        assert_eq!(h.change_mask.bits(), IFF_UP | IFF_NOARP);
        let a = &req.msg.attributes;
        assert!(a.contains(&LinkAttribute::Mtu(1400)));
        assert!(a.contains(&LinkAttribute::Controller(3)));
        assert!(a.contains(&LinkAttribute::TxQueueLen(5)));
        assert!(a.contains(&LinkAttribute::Other(DefaultNla::new(IFLA_IFALIAS, b"hi".to_vec()))));
        assert!(!a.iter().any(|x| matches!(x, LinkAttribute::IfName(_))));
    }

    #[test]
    fn rename_and_add_names() {
        let (req, _) = parse(false, "eth0 name wan").unwrap();
        assert!(req.msg.attributes.contains(&LinkAttribute::IfName("wan".into())));
        let (req, p) = parse(true, "name x0 link eth0 type vlan id 5").unwrap();
        assert_eq!(p.kind.as_deref(), Some("vlan"));
        assert_eq!(p.consumed, 6);
        assert!(req.msg.attributes.contains(&LinkAttribute::IfName("x0".into())));
        assert!(req.msg.attributes.contains(&LinkAttribute::Link(2)));
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
        assert_eq!(req.msg.header.index, 0);
        assert!(req.msg.attributes.contains(&LinkAttribute::Group(5)));
        assert!(err(false, "group 5 type bridge stp_state 1").0.starts_with("Garbage instead of arguments \"stp_state ...\""));
    }

    #[test]
    fn on_off_prefixes() {
        assert!(parse_on_off("carrier", "o").is_ok_and(|v| !v));
        assert!(parse_on_off("carrier", "on").is_ok_and(|v| v));
        assert!(parse_on_off("carrier", "").is_err());
    }
}
