//! The grammar of `neigh` (`neighbour`, `neighbor`): its commands in the
//! order iproute2's `do_ipneigh` tests them, and one keyword table per
//! parser (`ipneigh_modify`, `do_show_or_flush`, `ipneigh_get`). A word
//! that matches no keyword is the address (or, in `show`, the prefix).

use crate::cli::grammar::{p, x, Command, Keyword, Object, Value};
use crate::objects::neigh;

const fn k(names: &'static [crate::cli::grammar::Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

/// The states `nud` takes (a number with one bit set is taken too).
pub const STATES: &[&str] = &["permanent", "noarp", "reachable", "stale", "none", "incomplete", "delay", "probe", "failed"];
/// The states `show`/`flush` select: those, and `all`.
pub const STATE_FILTERS: &[&str] = &["permanent", "noarp", "reachable", "stale", "none", "incomplete", "delay", "probe", "failed", "all"];

/// `add`/`change`/`replace`/`delete` (`ipneigh_modify`).
pub const MODIFY: &[Keyword] = &[
    k(&[p("lladdr")], Value::Lladdr, "LLADDR", "The neighbour's link-layer address (`null`: none)."),
    k(&[x("nud")], Value::Choice(STATES), "STATE", "The entry's state (permanent by default)."),
    k(&[p("proxy")], Value::Address, "ADDR", "A proxy entry: answer for ADDR on the device."),
    k(&[x("router")], Value::Flag, "", "The neighbour is a router (IPv6)."),
    k(&[x("use")], Value::Flag, "", "Mark the entry as in use (the kernel may then resolve it)."),
    k(&[x("managed")], Value::Flag, "", "Let the kernel keep the entry resolved (state none)."),
    k(&[p("extern_learn")], Value::Flag, "", "The entry was learned by something outside the kernel."),
    k(&[x("dev")], Value::Ifname, "DEV", "The device the neighbour is on (required)."),
    k(&[p("protocol")], Value::Protocol, "PROTO", "Who installed the entry."),
    k(&[x("to")], Value::Address, "ADDR", "The neighbour's address (the word `to` may be left out)."),
];

/// `show`/`flush` selectors (`do_show_or_flush`).
pub const SELECTOR: &[Keyword] = &[
    k(&[x("dev")], Value::Ifname, "DEV", "Only neighbours on this device."),
    k(&[x("master")], Value::Ifname, "DEV", "Only neighbours on ports of this master device."),
    k(&[x("vrf")], Value::Ifname, "NAME", "Only neighbours on devices of this VRF."),
    k(&[x("nomaster")], Value::Flag, "", "Only neighbours on devices without a master."),
    k(&[x("unused")], Value::Flag, "", "Only entries nothing refers to."),
    k(&[x("nud")], Value::Choice(STATE_FILTERS), "STATE", "Only entries in this state (repeatable; all: every state)."),
    k(&[x("proxy")], Value::Flag, "", "The proxy entries instead."),
    k(&[p("protocol")], Value::Protocol, "PROTO", "Only entries installed by this protocol (or all)."),
    k(&[x("to")], Value::Prefix, "PREFIX", "Only neighbours within PREFIX (the word `to` may be left out)."),
];

/// `get` (`ipneigh_get`).
pub const GET: &[Keyword] = &[
    k(&[x("dev")], Value::Ifname, "DEV", "The device the neighbour is on (required)."),
    k(&[p("proxy")], Value::Address, "ADDR", "Ask for the proxy entry of ADDR."),
    k(&[x("to")], Value::Address, "ADDR", "The neighbour's address (the word `to` may be left out)."),
];

const MODIFY_SYNOPSIS: &str = "{ ADDR [ lladdr LLADDR ] [ nud STATE ] | proxy ADDR } dev DEV [ router ] [ use ] [ managed ] [ extern_learn ] [ protocol PROTO ]";
const SELECTOR_SYNOPSIS: &str = "[ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ] [ vrf NAME | master DEV | nomaster ] [ unused ] [ protocol PROTO ]";

/// In `do_ipneigh`'s order of tests.
pub const COMMANDS: &[Command] = &[
    Command { names: &[p("add")], run: neigh::add, synopsis: MODIFY_SYNOPSIS, help: "Add a neighbour entry (it must not exist yet).", keywords: MODIFY, supported: true },
    Command { names: &[p("change"), x("chg")], run: neigh::change, synopsis: MODIFY_SYNOPSIS, help: "Change an existing neighbour entry.", keywords: MODIFY, supported: true },
    Command { names: &[p("replace")], run: neigh::replace, synopsis: MODIFY_SYNOPSIS, help: "Add a neighbour entry, or change the one that exists.", keywords: MODIFY, supported: true },
    Command { names: &[p("delete")], run: neigh::delete, synopsis: "{ ADDR | proxy ADDR } dev DEV", help: "Delete a neighbour entry.", keywords: MODIFY, supported: true },
    Command { names: &[p("get")], run: neigh::get, synopsis: "{ ADDR | proxy ADDR } dev DEV", help: "Show one neighbour entry, asked of the kernel.", keywords: GET, supported: true },
    Command { names: &[p("show"), p("lst"), p("list")], run: neigh::show, synopsis: SELECTOR_SYNOPSIS, help: "List neighbour entries (all but noarp ones by default).", keywords: SELECTOR, supported: true },
    Command { names: &[p("flush")], run: neigh::flush, synopsis: SELECTOR_SYNOPSIS, help: "Delete the selected entries (permanent and noarp ones only when named).", keywords: SELECTOR, supported: true },
    Command { names: &[p("help")], run: neigh::help, synopsis: "", help: "Show this usage.", keywords: &[], supported: true },
];

pub const OBJECT: Object = Object {
    name: "neighbor",
    default: Some(neigh::show),
    dispatch: Some(neigh::dispatch),
    commands: COMMANDS,
    help: "Neighbour (ARP and NDISC) entries.",
    about: "The neighbour tables map the IPv4 (ARP) and IPv6 (NDISC) addresses of hosts on a link to their link-layer addresses. `-4`/`-6` choose the family; `-s` adds the entries' use counts and timers.",
};

/// `neighbour`, iproute2's other spelling of the same object.
pub const NEIGHBOUR: Object = Object { name: "neighbour", ..OBJECT };
