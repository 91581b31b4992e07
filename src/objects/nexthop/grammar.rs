//! The grammar of `nexthop` (`ipnexthop.c`), commands in iproute2's order.

use crate::cli::grammar::{p, x, Command, Keyword, Object, Value};
use crate::objects::nexthop;

const fn k(names: &'static [crate::cli::grammar::Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

/// `show`/`flush` selectors (`ipnh_list_flush`).
pub const SELECTOR: &[Keyword] = &[
    k(&[p("dev")], Value::Ifname, "DEV", "Only nexthops through this device."),
    k(&[p("groups")], Value::Flag, "", "Only nexthop groups."),
    k(&[p("master")], Value::Ifname, "DEV", "Only nexthops whose device is a port of this master."),
    k(&[p("vrf")], Value::Ifname, "NAME", "Only nexthops in this VRF."),
    k(&[x("id")], Value::Number, "ID", "Only the nexthop with this id."),
    k(&[p("protocol")], Value::Number, "ID", "Only nexthops installed by this protocol (a number)."),
    k(&[p("fdb")], Value::Flag, "", "Only nexthops for the bridge forwarding database."),
];

/// `add`/`replace`/`delete` (`ipnh_modify`).
pub const MODIFY: &[Keyword] = &[
    k(&[x("id")], Value::Number, "ID", "The nexthop's id (the kernel picks one when it is left out)."),
    k(&[x("dev")], Value::Ifname, "DEV", "The output device."),
    k(&[x("via")], Value::Address, "[FAMILY] ADDR", "The gateway."),
    Keyword { supported: false, ..k(&[x("encap")], Value::Text, "TYPE HDR", "Lightweight tunnel encapsulation.") },
    k(&[x("blackhole")], Value::Flag, "", "Drop the packets."),
    k(&[x("fdb")], Value::Flag, "", "A nexthop (or group) for the bridge forwarding database."),
    k(&[x("onlink")], Value::Flag, "", "Treat the gateway as directly on the link."),
    k(&[x("group")], Value::Text, "ID[,WEIGHT]/…", "A group of other nexthops, with weights from 1 to 256."),
    k(&[x("type")], Value::Choice(&["mpath", "resilient"]), "TYPE", "The group's type: mpath (hash-threshold) or resilient."),
    k(&[x("buckets")], Value::Number, "N", "After type resilient: the number of buckets."),
    k(&[x("idle_timer")], Value::Number, "SECONDS", "After type resilient: idle time before a bucket may move."),
    k(&[x("unbalanced_timer")], Value::Number, "SECONDS", "After type resilient: longest time the group may stay unbalanced."),
    k(&[p("protocol")], Value::Protocol, "PROTO", "Who installs the nexthop."),
];

/// `get` (`ipnh_get`).
pub const GET: &[Keyword] = &[k(&[x("id")], Value::Number, "ID", "The nexthop's id.")];

/// `bucket list|get` (`do_ipnh_bucket`).
pub const BUCKET: &[Keyword] = &[
    k(&[p("list"), p("show"), p("lst")], Value::Flag, "", "List buckets (the selector's keywords may follow)."),
    k(&[p("get")], Value::Flag, "", "One bucket: get id ID index INDEX."),
    k(&[p("dev")], Value::Ifname, "DEV", "Only buckets of nexthops through this device."),
    k(&[p("master")], Value::Ifname, "DEV", "Only buckets of nexthops whose device is a port of this master."),
    k(&[p("vrf")], Value::Ifname, "NAME", "Only buckets of nexthops in this VRF."),
    k(&[x("id")], Value::Number, "ID", "The group's id."),
    k(&[x("nhid")], Value::Number, "ID", "Only buckets holding this nexthop."),
    k(&[x("index")], Value::Number, "INDEX", "With get: the bucket's index."),
];

const MODIFY_SYNOPSIS: &str = "id ID { blackhole | [ via ADDR ] [ dev DEV ] [ onlink ] | group ID[,WEIGHT]/… [ fdb ] [ type mpath | resilient [ buckets N ] [ idle_timer S ] [ unbalanced_timer S ] ] } [ protocol PROTO ]";
const SELECTOR_SYNOPSIS: &str = "[ id ID ] [ dev DEV ] [ vrf NAME ] [ master DEV ] [ groups ] [ fdb ] [ protocol ID ]";

pub const OBJECT: Object = Object {
    name: "nexthop",
    default: Some(nexthop::show),
    dispatch: None,
    commands: &[
        Command { names: &[p("add")], run: nexthop::add, synopsis: MODIFY_SYNOPSIS, help: "Add a nexthop (its id must be free).", keywords: MODIFY, supported: true },
        Command { names: &[p("replace")], run: nexthop::replace, synopsis: MODIFY_SYNOPSIS, help: "Add a nexthop or replace the one with the same id.", keywords: MODIFY, supported: true },
        Command { names: &[p("delete")], run: nexthop::delete, synopsis: "id ID", help: "Delete a nexthop.", keywords: MODIFY, supported: true },
        Command { names: &[p("list"), p("show"), p("lst")], run: nexthop::show, synopsis: SELECTOR_SYNOPSIS, help: "List nexthops.", keywords: SELECTOR, supported: true },
        Command { names: &[p("get")], run: nexthop::get, synopsis: "id ID", help: "Show one nexthop.", keywords: GET, supported: true },
        Command { names: &[p("flush")], run: nexthop::flush, synopsis: SELECTOR_SYNOPSIS, help: "Delete the selected nexthops (all: groups first).", keywords: SELECTOR, supported: true },
        Command { names: &[p("bucket")], run: nexthop::bucket, synopsis: "{ list [ SELECTOR ] [ nhid ID ] | get id ID index INDEX }", help: "The buckets of resilient groups.", keywords: BUCKET, supported: true },
    ],
    help: "Nexthop objects that routes use by id.",
    about: "A nexthop is a gateway and a device, a blackhole, or a group of other nexthops with weights (mpath, or resilient with buckets). Routes name one with `nhid ID`; `route show -d` prints it as `nh_info`.",
};
