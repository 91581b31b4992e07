//! The grammar of `address`: its commands in iproute2's order and the
//! keywords of `add`/`change`/`replace`/`delete` and of `show`/`flush`
//! (the latter shared with `link show`).

use crate::cli::grammar::{p, x, Command, Keyword, Object, Value};
use crate::objects::address;

const fn k(names: &'static [crate::cli::grammar::Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

/// Every flag word `show`/`flush` filter on (also with a leading `-` to
/// negate, which the parser handles before looking words up here).
pub const FLAG_WORDS: &[crate::cli::grammar::Word] = &[
    x("dynamic"), x("primary"), x("secondary"), x("temporary"), x("nodad"), x("optimistic"),
    x("dadfailed"), x("home"), x("deprecated"), x("tentative"), x("permanent"), x("mngtmpaddr"),
    x("noprefixroute"), x("autojoin"), x("stable-privacy"),
];

/// Flags `add`/`change` may set (the read-only ones only draw a warning).
pub const SETTABLE_FLAGS: &[crate::cli::grammar::Word] = &[
    x("secondary"), x("temporary"), x("nodad"), x("optimistic"), x("dadfailed"), x("home"),
    x("deprecated"), x("tentative"), x("permanent"), x("mngtmpaddr"), x("noprefixroute"),
    x("autojoin"), x("stable-privacy"),
];

/// `show`/`flush` (and `link show`) keywords, in iproute2's test order; a
/// word matching none of them is a device name. The entry whose first name
/// is `dynamic` stands for the flag filters.
pub const LIST_KEYWORDS: &[Keyword] = &[
    k(&[x("to")], Value::Prefix, "PREFIX", "Only addresses within PREFIX."),
    k(&[x("scope")], Value::Scope, "SCOPE", "Only addresses of this scope (or `all`)."),
    k(&[x("up")], Value::Flag, "", "Only links that are up."),
    Keyword { names: FLAG_WORDS, value: Value::Flag, meta: "", help: "Only addresses with this flag (-FLAG: without it).", supported: true },
    k(&[x("label")], Value::Text, "PATTERN", "Only addresses whose label matches the shell PATTERN."),
    k(&[x("group")], Value::Text, "GROUP", "Only links in this device group."),
    k(&[x("master")], Value::Ifname, "DEVICE", "Only ports of this master device."),
    k(&[x("vrf")], Value::Ifname, "NAME", "Only links enslaved to this VRF."),
    k(&[x("nomaster")], Value::Flag, "", "Only links without a master."),
    k(&[x("type")], Value::LinkKind, "KIND", "Only links of this kind (KIND_slave: ports of this kind)."),
    k(&[x("dev")], Value::Ifname, "DEVICE", "Only this device (the word `dev` may be left out)."),
    k(&[p("help")], Value::Flag, "", "Show this command's usage."),
    k(&[], Value::Ifname, "DEVICE", "A word that is no keyword names the device."),
];

/// `add`/`change`/`replace`/`delete` keywords, in iproute2's test order;
/// any other word is the local address.
pub const MODIFY_KEYWORDS: &[Keyword] = &[
    k(&[x("peer"), x("remote")], Value::Prefix, "ADDRESS", "The other end of a point-to-point link."),
    k(&[p("broadcast"), x("brd")], Value::Address, "ADDRESS", "Broadcast address; + sets, - clears the host bits."),
    k(&[x("anycast")], Value::Address, "ADDRESS", "An anycast address."),
    k(&[x("scope")], Value::Scope, "SCOPE", "Where the address is valid: host, link, global, site, nowhere or a number."),
    k(&[x("dev")], Value::Ifname, "DEVICE", "The device to act on (required)."),
    k(&[x("label")], Value::Text, "LABEL", "A label, usually DEVICE or DEVICE:N."),
    k(&[p("metric"), p("priority"), p("preference")], Value::Number, "METRIC", "Metric of the prefix route."),
    k(&[p("valid_lft")], Value::Text, "SECONDS", "Valid lifetime in seconds, or `forever`."),
    k(&[p("preferred_lft")], Value::Text, "SECONDS", "Preferred lifetime in seconds, or `forever`."),
    Keyword { names: SETTABLE_FLAGS, value: Value::Flag, meta: "", help: "Set this address flag (read-only ones draw a warning).", supported: true },
    k(&[x("local")], Value::Prefix, "PREFIX", "The address (the word `local` may be left out)."),
];

const MODIFY_SYNOPSIS: &str = "[ local ] PREFIX [ peer PREFIX ] [ broadcast ADDR|+|- ] [ anycast ADDR ] [ label LABEL ] [ scope SCOPE ] [ metric N ] [ valid_lft SECS|forever ] [ preferred_lft SECS|forever ] [ FLAG ... ] dev DEVICE";
const LIST_SYNOPSIS: &str = "[ [ dev ] DEVICE ] [ scope SCOPE ] [ to PREFIX ] [ label PATTERN ] [ FLAG ... ] [ up ] [ master DEVICE | nomaster ] [ type KIND ] [ group GROUP ]";

pub const COMMANDS: &[Command] = &[
    Command { names: &[p("add")], run: address::add, synopsis: MODIFY_SYNOPSIS, help: "Add an address to a device.", keywords: MODIFY_KEYWORDS, supported: true },
    Command { names: &[p("change"), x("chg")], run: address::change, synopsis: MODIFY_SYNOPSIS, help: "Change the attributes of an existing address.", keywords: MODIFY_KEYWORDS, supported: true },
    Command { names: &[p("replace")], run: address::replace, synopsis: MODIFY_SYNOPSIS, help: "Add an address, or change it if it exists.", keywords: MODIFY_KEYWORDS, supported: true },
    Command { names: &[p("delete")], run: address::delete, synopsis: MODIFY_SYNOPSIS, help: "Remove an address from a device.", keywords: MODIFY_KEYWORDS, supported: true },
    Command { names: &[p("list"), p("show"), p("lst")], run: address::show, synopsis: LIST_SYNOPSIS, help: "List links and their addresses.", keywords: LIST_KEYWORDS, supported: true },
    Command { names: &[p("flush")], run: address::flush, synopsis: LIST_SYNOPSIS, help: "Remove the selected addresses.", keywords: LIST_KEYWORDS, supported: true },
    Command { names: &[p("save")], run: address::save, synopsis: LIST_SYNOPSIS, help: "Write the addresses (of one device, with dev) to standard output as binary netlink messages (iproute2's format).", keywords: LIST_KEYWORDS, supported: true },
    Command { names: &[p("showdump")], run: address::showdump, synopsis: "", help: "Print the addresses a save wrote, read from standard input.", keywords: &[], supported: true },
    Command { names: &[p("restore")], run: address::restore, synopsis: "", help: "Add the addresses a save wrote, read from standard input.", keywords: &[], supported: true },
    Command { names: &[p("help")], run: address::help, synopsis: "", help: "Show this usage.", keywords: &[], supported: true },
];

pub const OBJECT: Object = Object {
    name: "address",
    default: Some(address::show),
    dispatch: None,
    commands: COMMANDS,
    help: "Protocol (IPv4/IPv6) addresses of devices.",
    about: "Each address belongs to one device and carries a prefix length, a scope and flags. Adding an IPv4 address also adds its prefix route and, unless told otherwise, a broadcast address; `show` lists every link with its addresses, or only those the selectors keep.",
};
