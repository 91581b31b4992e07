//! The grammar of `monitor`, in iproute2's order of tests (`ipmonitor.c`):
//! every word is a keyword, there is no command. The object words are the
//! rows of `monitor::EVENTS` (one printer each); a row without a printer
//! yet is a keyword marked unsupported.

use crate::cli::grammar::{p, x, Command, Keyword, Object, Value, Word};
use crate::objects::monitor;

const fn k(names: &'static [Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

const fn hook(names: &'static [Word], help: &'static str) -> Keyword {
    Keyword { names, value: Value::Flag, meta: "", help, supported: false }
}

pub const KEYWORDS: &[Keyword] = &[
    k(&[p("file")], Value::File, "FILE", "Print the events recorded in FILE by rtmon, then stop."),
    k(&[p("label")], Value::Flag, "", "Start each event with its object in brackets: [LINK], [ADDR], [ROUTE]…"),
    k(&[p("link")], Value::Flag, "", "Links appearing, changing, going away."),
    k(&[p("address")], Value::Flag, "", "Addresses added and removed."),
    k(&[p("route")], Value::Flag, "", "Routes added and removed (every table)."),
    hook(&[p("mroute")], "Multicast routes."),
    k(&[p("prefix")], Value::Flag, "", "IPv6 prefixes learnt from router advertisements."),
    k(&[p("neigh")], Value::Flag, "", "Neighbour (ARP/NDP) entries added, changed, removed, missed."),
    k(&[p("netconf")], Value::Flag, "", "Per-device IP settings (forwarding, rp_filter…)."),
    k(&[p("rule")], Value::Flag, "", "Routing policy rules added and removed."),
    k(&[p("nsid")], Value::Flag, "", "Ids given to other network namespaces."),
    k(&[p("nexthop")], Value::Flag, "", "Nexthop objects added, replaced, removed."),
    hook(&[x("stats")], "Statistics notifications."),
    k(&[x("all")], Value::Flag, "", "Every kind of event, each labelled (as label)."),
    k(&[p("all-nsid")], Value::Flag, "", "Also the events of every namespace with an id here, each after [nsid N]."),
    k(&[x("dev")], Value::Ifname, "DEV", "Only links, addresses, routes, neighbours and settings of this device."),
];

pub const OBJECT: Object = Object {
    name: "monitor",
    default: Some(monitor::run),
    dispatch: Some(monitor::run),
    commands: &[Command {
        names: &[],
        run: monitor::run,
        synopsis: "[ all | OBJECT… ] [ file FILE ] [ label ] [ all-nsid ] [ dev DEV ]",
        help: "Print the kernel's notifications as they happen, until interrupted.",
        keywords: KEYWORDS,
        supported: true,
    }],
    help: "Watch links, addresses, routes and more change.",
    about: "With no OBJECT every kind is watched. `-t` puts a `Timestamp:` line before each event, \
`-ts` a short [timestamp] at its start. As rtun, `-j` prints one JSON object a line for each event: \
the members `-j OBJECT show` prints for it, with \"event\" (new, deleted), \"object\" and, with -t, \
\"timestamp\". Lost events (a full receive buffer) are said on stderr, and listening goes on.",
};
