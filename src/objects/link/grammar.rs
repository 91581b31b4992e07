//! The grammar of `link`: its commands in iproute2's order (first match
//! wins: `s` is `set`, `d` is `delete`, `l` is `lst`), and the keywords of
//! `add`/`set`/`change`/`replace`/`delete` in the order iproute2's
//! `iplink_parse` tests them.

use super::show_grammar as link_show;
use crate::cli::grammar::{p, x, Command, Keyword, Object, Value};
use crate::objects::link;

const fn kw(names: &'static [crate::cli::grammar::Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

/// Keywords of the link-changing commands, in iproute2's test order. A word
/// that is none of them names the device.
pub const MODIFY_KEYWORDS: &[Keyword] = &[
    kw(&[x("up")], Value::Flag, "", "bring the device up"),
    kw(&[x("down")], Value::Flag, "", "take the device down"),
    kw(&[x("name")], Value::Name, "NAME", "the device's name (a new name with set)"),
    kw(&[x("index")], Value::Number, "IDX", "interface index to create the device with"),
    kw(&[p("link")], Value::Ifname, "DEV", "the lower device (add)"),
    kw(&[p("address")], Value::Lladdr, "LLADDR", "link-layer address"),
    kw(&[p("broadcast"), x("brd")], Value::Lladdr, "LLADDR", "link-layer broadcast address"),
    kw(&[p("txqueuelen"), x("qlen"), p("txqlen")], Value::Number, "PACKETS", "transmit queue length"),
    kw(&[x("mtu")], Value::Number, "MTU", "maximum transmission unit"),
    kw(&[x("xdpgeneric"), x("xdpdrv"), x("xdpoffload"), x("xdp")], Value::Text, "…", "XDP programs: only off (or none), which detaches one"),
    kw(&[x("netns")], Value::Netns, "NETNS|PID", "move the device to a network namespace"),
    kw(&[x("multicast")], Value::OnOff, "on|off", "the MULTICAST flag"),
    kw(&[x("allmulticast")], Value::OnOff, "on|off", "receive all multicast"),
    kw(&[x("promisc")], Value::OnOff, "on|off", "promiscuous mode"),
    kw(&[x("trailers")], Value::OnOff, "on|off", "the NOTRAILERS flag, inverted"),
    kw(&[x("arp")], Value::OnOff, "on|off", "use ARP (off sets NOARP)"),
    kw(&[x("carrier")], Value::OnOff, "on|off", "carrier state (devices that allow it)"),
    Keyword { supported: false, ..kw(&[x("vf")], Value::Number, "NUM …", "SR-IOV virtual functions") },
    kw(&[p("master")], Value::Ifname, "DEV", "enslave to a bridge, bond or VRF"),
    kw(&[x("vrf")], Value::Ifname, "NAME", "enslave to a VRF device"),
    kw(&[p("nomaster")], Value::Flag, "", "release from its master"),
    kw(&[p("dynamic")], Value::OnOff, "on|off", "the DYNAMIC flag"),
    kw(&[p("type")], Value::LinkKind, "TYPE [ARGS]", "the kind of link, then its own options"),
    kw(&[p("alias")], Value::Text, "TEXT", "a description (ifalias)"),
    kw(&[x("group")], Value::Number, "GROUP", "device group (name from /etc/iproute2/group, or number)"),
    kw(&[x("mode")], Value::Choice(&["default", "dormant"]), "MODE", "link mode"),
    kw(&[x("state")], Value::Choice(&["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"]), "STATE", "operational state"),
    kw(&[p("numtxqueues")], Value::Number, "COUNT", "number of transmit queues (add)"),
    kw(&[p("numrxqueues")], Value::Number, "COUNT", "number of receive queues (add)"),
    kw(&[p("addrgenmode")], Value::Choice(&["eui64", "none", "stable_secret", "random"]), "MODE", "IPv6 address generation mode"),
    Keyword { supported: false, ..kw(&[p("link-netns")], Value::Netns, "NAME", "namespace of the lower device") },
    kw(&[p("link-netnsid")], Value::Number, "ID", "namespace id of the lower device"),
    kw(&[x("protodown")], Value::OnOff, "on|off", "protocol-down state"),
    Keyword { supported: false, ..kw(&[x("protodown_reason")], Value::Text, "REASON on|off", "protocol-down reasons") },
    kw(&[x("gso_max_size")], Value::Number, "BYTES", "largest GSO packet"),
    kw(&[x("gso_max_segs")], Value::Number, "SEGMENTS", "most GSO segments (≤ 65535)"),
    kw(&[x("gro_max_size")], Value::Number, "BYTES", "largest GRO packet"),
    kw(&[x("parentdev")], Value::Name, "NAME", "parent device (bus name), for add"),
    kw(&[p("help")], Value::Flag, "", "show this usage"),
    kw(&[x("dev")], Value::Ifname, "DEV", "the device (the word may be left out)"),
];

/// `set`/`change`/`delete`: a word that is no keyword names the device.
pub const DEVICE_KEYWORDS: &[Keyword] = &crate::cli::grammar::with_positional::<{ MODIFY_KEYWORDS.len() + 1 }>(
    MODIFY_KEYWORDS,
    kw(&[], Value::Ifname, "DEV", "the device to act on (without the word dev)"),
);

pub const ADD: Command = Command {
    names: &[p("add")],
    run: link::modify::add,
    synopsis: "add [ link DEV ] [ name ] NAME [ OPTIONS ] type TYPE [ ARGS ]",
    help: "Create a link of the given kind.",
    keywords: MODIFY_KEYWORDS,
    supported: true,
};

pub const SET: Command = Command {
    names: &[p("set")],
    run: link::modify::set,
    synopsis: "set { DEV | dev DEV | group GROUP } [ OPTIONS ] [ type TYPE ARGS ]",
    help: "Change a link (or every link of a group).",
    keywords: DEVICE_KEYWORDS,
    supported: true,
};

pub const CHANGE: Command = Command {
    names: &[p("change")],
    run: link::modify::set,
    synopsis: "change { DEV | dev DEV | group GROUP } [ OPTIONS ]",
    help: "The same as set.",
    keywords: DEVICE_KEYWORDS,
    supported: true,
};

pub const REPLACE: Command = Command {
    names: &[p("replace")],
    run: link::modify::replace,
    synopsis: "replace [ name ] NAME [ OPTIONS ] type TYPE [ ARGS ]",
    help: "Create a link, or change it if it exists.",
    keywords: MODIFY_KEYWORDS,
    supported: true,
};

pub const DELETE: Command = Command {
    names: &[p("delete")],
    run: link::modify::delete,
    synopsis: "delete { DEV | dev DEV | group GROUP } [ type TYPE ]",
    help: "Remove a link (or every link of a group).",
    keywords: DEVICE_KEYWORDS,
    supported: true,
};

pub const XSTATS: Command = Command {
    names: &[p("xstats")],
    run: link::modify::xstats,
    synopsis: "xstats type TYPE [ ARGS ]",
    help: "Kind-specific statistics.",
    keywords: &[],
    supported: false,
};

pub const AFSTATS: Command = Command {
    names: &[p("afstats")],
    run: link::modify::afstats,
    synopsis: "afstats [ dev DEV ]",
    help: "Address-family statistics.",
    keywords: &[],
    supported: false,
};

const PROPERTY_ADD: Keyword = kw(&[p("add")], Value::Flag, "", "add the names (first word)");
const PROPERTY_DEL: Keyword = kw(&[p("del")], Value::Flag, "", "remove the names (first word)");
const PROPERTY_HELP: Keyword = kw(&[p("help")], Value::Flag, "", "show this usage");

/// The first word after `property`, in iproute2's order of tests.
pub const PROPERTY_OPERATIONS: &[Keyword] = &[PROPERTY_ADD, PROPERTY_DEL, PROPERTY_HELP];

/// The words after the operation (a word that is none of the first three
/// names the device), then the operations, for help and completion.
pub const PROPERTY_KEYWORDS: &[Keyword] = &[
    kw(&[p("altname")], Value::Name, "NAME", "an alternative name (up to 127 bytes, no spaces or slashes)"),
    PROPERTY_HELP,
    kw(&[x("dev")], Value::Ifname, "DEV", "the device (the word may be left out)"),
    PROPERTY_ADD,
    PROPERTY_DEL,
];

pub const PROPERTY: Command = Command {
    names: &[p("property")],
    run: link::property::property,
    synopsis: "property { add | del } [ dev ] DEV [ altname NAME … ]",
    help: "Add or remove a device's alternative names.",
    keywords: PROPERTY_KEYWORDS,
    supported: true,
};

pub const HELP: Command = Command {
    names: &[p("help")],
    run: link::modify::help,
    synopsis: "help [ TYPE ]",
    help: "Show this usage, or the options of one link type.",
    keywords: &[],
    supported: true,
};

pub const OBJECT: Object = Object {
    name: "link",
    default: Some(link::show),
    dispatch: None,
    commands: &[ADD, SET, CHANGE, REPLACE, DELETE, link_show::SHOW, XSTATS, AFSTATS, PROPERTY, HELP],
    help: "Network devices: list, create, change and remove them.",
    about: "A link is any network device the kernel knows: physical ports, loopback, and virtual devices such as veth pairs, bridges and VXLAN tunnels. Creating one takes a kind after `type`; the kind's own keywords follow it. `-d` (details) shows the kind and its parameters.",
};
