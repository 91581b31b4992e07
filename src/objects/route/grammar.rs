//! The grammar of `route`, in iproute2's order of tests (`iproute.c`):
//! the commands, then one keyword table per parser. A word selects the
//! first entry it matches; words that match nothing are the prefix.

use crate::cli::grammar::{p, x, Command, Keyword, Object, Value};
use crate::names::tables::ROUTE_TYPES;
use crate::objects::route;

const fn k(names: &'static [crate::cli::grammar::Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

const PREFS: &[&str] = &["low", "medium", "high"];
const TTL_PROPAGATE: &[&str] = &["enabled", "disabled"];
const FAMILIES: &[&str] = &["inet", "inet6", "mpls", "bridge", "link"];

/// What `table` selects in `show`/`flush` besides one table: every table,
/// or the IPv4 route cache.
pub const TABLE_FILTERS: &[&str] = &["all", "cache"];

/// Selectors of `show`/`flush`/`save` (`iproute_list_flush_or_save`).
pub const SELECTOR: &[Keyword] = &[
    k(&[p("table")], Value::TableFilter, "TABLE", "Only routes of this table (a name, a number, all, or cache)."),
    k(&[p("vrf")], Value::Name, "NAME", "Only routes of the table of this VRF device."),
    k(&[p("cached"), p("cloned")], Value::Flag, "", "Only cached (cloned) routes."),
    k(&[x("tos"), p("dsfield")], Value::Text, "TOS", "Only routes with this type-of-service value."),
    k(&[p("protocol")], Value::Protocol, "PROTO", "Only routes installed by this protocol (or all)."),
    k(&[p("scope")], Value::Scope, "SCOPE", "Only routes of this scope (or all)."),
    k(&[p("type")], Value::Choice(ROUTE_TYPES), "TYPE", "Only routes of this type."),
    k(&[x("dev"), x("oif")], Value::Ifname, "DEV", "Only routes leaving through this device."),
    k(&[x("iif")], Value::Ifname, "DEV", "Only routes for packets arriving on this device."),
    k(&[x("mark")], Value::Number, "MARK", "Only routes with this firewall mark."),
    k(&[p("metric"), p("priority"), x("preference")], Value::Number, "METRIC", "Only routes with this metric."),
    k(&[x("via")], Value::Address, "[FAMILY] PREFIX", "Only routes whose gateway is in this prefix."),
    k(&[x("src")], Value::Prefix, "PREFIX", "Only routes whose preferred source is in this prefix."),
    k(&[p("realms")], Value::Text, "[FROM/]TO", "Only routes with these realms."),
    k(&[p("from")], Value::Prefix, "[root|match|exact] PREFIX", "Only routes whose source prefix matches."),
    k(&[p("to")], Value::Prefix, "[root|match|exact] PREFIX", "Only routes whose destination matches (exact by default)."),
    k(&[p("root")], Value::Prefix, "PREFIX", "Destinations inside PREFIX."),
    k(&[p("match")], Value::Prefix, "PREFIX", "Destinations that contain PREFIX."),
    k(&[p("exact")], Value::Prefix, "PREFIX", "Exactly this destination prefix."),
];

/// Keywords of `add`/`change`/`replace`/`prepend`/`append`/`test`/`delete`
/// (`iproute_modify`); the last entry stands for `[to] [TYPE] PREFIX`.
pub const ROUTE: &[Keyword] = &[
    k(&[x("src")], Value::Address, "ADDR", "Preferred source address for traffic to this destination."),
    k(&[x("as")], Value::Address, "[to] ADDR", "Translate the destination (NAT) to ADDR."),
    k(&[x("via")], Value::Address, "[FAMILY] ADDR", "The gateway (FAMILY: inet, inet6, mpls, bridge, link)."),
    k(&[x("from")], Value::Prefix, "PREFIX", "Source prefix (IPv6 source routing)."),
    k(&[x("tos"), p("dsfield")], Value::Text, "TOS", "Type-of-service value this route applies to."),
    k(&[x("expires")], Value::Number, "SECONDS", "Remove the (IPv6) route after this many seconds."),
    k(&[p("metric"), p("priority"), x("preference")], Value::Number, "METRIC", "The route's metric (preference)."),
    k(&[x("scope")], Value::Scope, "SCOPE", "The route's scope: host, link, global or a number."),
    k(&[x("mtu")], Value::Number, "[lock] MTU", "Path MTU to this destination (lock: do not update by PMTU discovery)."),
    k(&[x("hoplimit")], Value::Number, "[lock] N", "Hop limit (TTL) for packets to this destination (1-255)."),
    k(&[x("advmss")], Value::Number, "[lock] MSS", "TCP maximum segment size to advertise."),
    k(&[p("reordering")], Value::Number, "[lock] N", "Maximal reordering on the path."),
    k(&[x("rtt")], Value::Number, "[lock] TIME", "Initial round-trip time estimate (NUMBER[s|ms])."),
    k(&[x("rto_min")], Value::Number, "TIME", "Minimum TCP retransmission timeout (NUMBER[s|ms])."),
    k(&[p("window")], Value::Number, "[lock] N", "Maximal TCP window to advertise."),
    k(&[p("cwnd")], Value::Number, "[lock] N", "Clamp of the TCP congestion window."),
    k(&[p("initcwnd")], Value::Number, "[lock] N", "Initial TCP congestion window."),
    k(&[p("initrwnd")], Value::Number, "[lock] N", "Initial TCP receive window."),
    k(&[p("features")], Value::Choice(&["ecn"]), "ecn", "TCP features to enable on this path."),
    k(&[p("quickack")], Value::Choice(&["0", "1"]), "0|1", "TCP quick acknowledgements on or off."),
    k(&[p("congctl")], Value::Text, "[lock] NAME", "TCP congestion control algorithm for this path."),
    k(&[p("rttvar")], Value::Number, "[lock] TIME", "Initial RTT variance estimate (NUMBER[s|ms])."),
    k(&[p("ssthresh")], Value::Number, "[lock] N", "Initial TCP slow-start threshold."),
    k(&[p("realms")], Value::Text, "[FROM/]TO", "Realms for the route classifier."),
    k(&[x("onlink")], Value::Flag, "", "Treat the gateway as directly on the link."),
    k(&[x("nexthop")], Value::Text, "NEXTHOP…", "Start of a multipath list: nexthop via ADDR dev DEV weight N …"),
    k(&[x("nhid")], Value::Number, "ID", "Use the nexthop object with this id."),
    k(&[p("protocol")], Value::Protocol, "PROTO", "Who installs the route (boot by default)."),
    k(&[p("table")], Value::Table, "TABLE", "The table to put the route in (main by default)."),
    k(&[p("vrf")], Value::Name, "NAME", "The table of this VRF device."),
    k(&[x("dev"), x("oif")], Value::Ifname, "DEV", "The output device."),
    k(&[p("pref")], Value::Choice(PREFS), "", "IPv6 router preference."),
    Keyword { supported: false, ..k(&[x("encap")], Value::Text, "TYPE HDR", "Lightweight tunnel encapsulation.") },
    k(&[x("ttl-propagate")], Value::Choice(TTL_PROPAGATE), "", "Propagate the TTL on MPLS decapsulation."),
    k(&[p("fastopen_no_cookie")], Value::Choice(&["0", "1"]), "0|1", "TCP Fast Open without a cookie on this path."),
    k(&[x("to")], Value::Prefix, "[TYPE] PREFIX", "The destination; TYPE is one of the route types (unicast by default)."),
];

/// Keywords inside one `nexthop` of a multipath route (`parse_one_nh`).
pub const NEXTHOP: &[Keyword] = &[
    k(&[x("via")], Value::Address, "[FAMILY] ADDR", "The nexthop's gateway."),
    k(&[x("dev")], Value::Ifname, "DEV", "The nexthop's device."),
    k(&[x("weight")], Value::Number, "N", "The nexthop's weight (1-256)."),
    k(&[x("onlink")], Value::Flag, "", "Treat the gateway as directly on the link."),
    k(&[p("realms")], Value::Text, "[FROM/]TO", "Realms of this nexthop."),
    Keyword { supported: false, ..k(&[x("encap")], Value::Text, "TYPE HDR", "Encapsulation of this nexthop.") },
    k(&[x("as")], Value::Address, "[to] ADDR", "Translate the destination to ADDR."),
];

/// Keywords of `get` (`iproute_get`).
pub const GET: &[Keyword] = &[
    k(&[x("tos"), p("dsfield")], Value::Text, "TOS", "Type of service of the packet."),
    k(&[p("from")], Value::Address, "ADDR", "Source address of the packet."),
    k(&[p("iif")], Value::Ifname, "DEV", "Device the packet arrives on."),
    k(&[p("mark")], Value::Number, "MARK", "Firewall mark of the packet."),
    k(&[p("oif"), x("dev")], Value::Ifname, "DEV", "Device the packet must leave through."),
    k(&[p("notify")], Value::Flag, "", "Ask for a notification of changes to this route."),
    k(&[p("connected")], Value::Flag, "", "Look up again from the source the first answer chose."),
    k(&[p("vrf")], Value::Name, "NAME", "Look up in this VRF."),
    k(&[p("uid")], Value::Number, "UID", "User id of the sending socket."),
    k(&[p("fibmatch")], Value::Flag, "", "Show the matching FIB entry rather than the cached result."),
    k(&[x("as")], Value::Address, "[to] ADDR", "Translated destination address."),
    k(&[p("sport")], Value::Number, "PORT", "Source port of the packet."),
    k(&[p("dport")], Value::Number, "PORT", "Destination port of the packet."),
    k(&[p("ipproto")], Value::Text, "PROTO", "IP protocol of the packet (name or number)."),
    k(&[x("to")], Value::Address, "ADDR", "The destination to look up."),
];

/// Families a `via` may name before its address.
pub const VIA_FAMILIES: &[&str] = FAMILIES;

pub const OBJECT: Object = Object {
    name: "route",
    default: Some(route::show),
    dispatch: None,
    commands: &[
        Command { names: &[p("add")], run: route::add, synopsis: "add ROUTE", help: "Add a route (it must not exist yet).", keywords: ROUTE, supported: true },
        Command { names: &[p("change"), x("chg")], run: route::change, synopsis: "change ROUTE", help: "Change an existing route.", keywords: ROUTE, supported: true },
        Command { names: &[p("replace")], run: route::replace, synopsis: "replace ROUTE", help: "Add a route or replace the one with the same key.", keywords: ROUTE, supported: true },
        Command { names: &[p("prepend")], run: route::prepend, synopsis: "prepend ROUTE", help: "Add a route before existing ones with the same key.", keywords: ROUTE, supported: true },
        Command { names: &[p("append")], run: route::append, synopsis: "append ROUTE", help: "Add a route after existing ones with the same key.", keywords: ROUTE, supported: true },
        Command { names: &[p("test")], run: route::test, synopsis: "test ROUTE", help: "Ask whether a route could be added (without creating it).", keywords: ROUTE, supported: true },
        Command { names: &[p("delete")], run: route::delete, synopsis: "delete ROUTE", help: "Delete a route; the fields given must match it.", keywords: ROUTE, supported: true },
        Command { names: &[p("list"), p("show"), p("lst")], run: route::show, synopsis: "show [SELECTOR]", help: "List routes (the main table by default).", keywords: SELECTOR, supported: true },
        Command { names: &[p("get")], run: route::get, synopsis: "get [fibmatch] ADDR [from ADDR] [iif DEV] [oif DEV] …", help: "Ask the kernel which route a packet would take.", keywords: GET, supported: true },
        Command { names: &[p("flush")], run: route::flush, synopsis: "flush SELECTOR", help: "Delete every route the selector matches (table cache: the IPv4 cache).", keywords: SELECTOR, supported: true },
        Command { names: &[p("save")], run: route::save, synopsis: "save [SELECTOR]", help: "Write the selected routes to standard output as binary netlink messages (iproute2's format).", keywords: SELECTOR, supported: true },
        Command { names: &[p("restore")], run: route::restore, synopsis: "restore", help: "Add the routes a save wrote, read from standard input.", keywords: &[], supported: true },
        Command { names: &[p("showdump")], run: route::showdump, synopsis: "showdump", help: "Print the routes a save wrote, read from standard input.", keywords: &[], supported: true },
    ],
    help: "Routing table entries.",
    about: "Routes choose, for each destination prefix, a gateway and a device. Tables other than main are picked with `table`; `-4`/`-6` choose the family.",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::words::lookup;

    fn first(word: &str, table: &[Keyword]) -> Option<&'static str> {
        lookup(word, table).and_then(|k| k.names.first()).map(|w| w.text)
    }

    #[test]
    fn prefixes_resolve_like_iproute_modify() {
        assert_eq!(first("p", ROUTE), Some("metric"));
        assert_eq!(first("pro", ROUTE), Some("protocol"));
        assert_eq!(first("pref", ROUTE), Some("pref"));
        assert_eq!(first("preference", ROUTE), Some("metric"));
        assert_eq!(first("d", ROUTE), Some("tos"));
        assert_eq!(first("de", ROUTE), None);
        assert_eq!(first("s", ROUTE), Some("ssthresh"));
        assert_eq!(first("rttv", ROUTE), Some("rttvar"));
        assert_eq!(first("t", ROUTE), Some("table"));
        assert_eq!(first("to", ROUTE), Some("to"));
    }

    #[test]
    fn prefixes_resolve_like_list_and_get() {
        assert_eq!(first("m", SELECTOR), Some("metric"));
        assert_eq!(first("ma", SELECTOR), Some("match"));
        assert_eq!(first("t", SELECTOR), Some("table"));
        assert_eq!(first("r", SELECTOR), Some("realms"));
        assert_eq!(first("ro", SELECTOR), Some("root"));
        assert_eq!(first("c", SELECTOR), Some("cached"));
        assert_eq!(first("f", GET), Some("from"));
        assert_eq!(first("d", GET), Some("tos"));
        assert_eq!(first("dev", GET), Some("oif"));
        assert_eq!(first("s", GET), Some("sport"));
    }
}
