//! The grammar of `nft`: rtun's own firewall/NAT rules for tunnel recipes,
//! kept in the nftables table `inet rtun` (not an iproute2 object).

use crate::cli::grammar::{p, Command, Keyword, Object, Value};
use crate::helpers::nft;

const fn k(names: &'static [crate::cli::grammar::Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

const PROTOS: &[&str] = &["gre", "ipip", "ipv6", "tcp", "udp", "icmp", "icmpv6", "esp", "ah", "sctp"];

const ACCEPT: Keyword = k(&[p("accept")], Value::Flag, "", "Let packets of a protocol in to this host (chain input); takes proto PROTO [src PREFIX] [dst PREFIX] [iif DEV].");
const FORWARD: Keyword = k(&[p("forward")], Value::Flag, "", "Let matching packets be forwarded (chain forward); takes [src PREFIX] [dst PREFIX] [iif DEV] [oif DEV].");
const MASQUERADE: Keyword = k(&[p("masquerade")], Value::Flag, "", "Source NAT to the address of the outgoing interface; takes [src PREFIX] [dst PREFIX] [oif DEV].");
const SNAT: Keyword = k(&[p("snat")], Value::Flag, "", "Source NAT to a fixed address; takes to ADDR [src PREFIX] [dst PREFIX] [oif DEV].");
const DNAT: Keyword = k(&[p("dnat")], Value::Flag, "", "Forward a port to another address (destination NAT); takes proto tcp|udp dport PORT to ADDR[:PORT] [src PREFIX] [dst PREFIX] [iif DEV].");
const CLAMP_MSS: Keyword = k(&[p("clamp-mss")], Value::Flag, "", "Clamp the MSS of forwarded TCP SYNs to the route's MTU or to N (chain mss); takes [iif DEV] [oif DEV] [mss N].");
const SRC: Keyword = k(&[p("src")], Value::Prefix, "PREFIX", "Only packets from this IPv4 or IPv6 prefix.");
const DST: Keyword = k(&[p("dst")], Value::Prefix, "PREFIX", "Only packets to this prefix.");
const DPORT: Keyword = k(&[p("dport")], Value::Number, "PORT", "The destination port to forward (dnat).");
const PROTO: Keyword = k(&[p("proto")], Value::Choice(PROTOS), "", "The IP protocol: one of these names, or a number.");
const IIF: Keyword = k(&[p("iif")], Value::Ifname, "DEV", "Only packets arriving on this interface (by name; it may not exist yet).");
const OIF: Keyword = k(&[p("oif")], Value::Ifname, "DEV", "Only packets leaving through this interface (by name).");
const TO: Keyword = k(&[p("to")], Value::Address, "ADDR[:PORT]", "The new address (snat, dnat), and for dnat optionally the port: ADDR:PORT or [IPv6]:PORT.");
const MSS: Keyword = k(&[p("mss")], Value::Number, "N", "A fixed MSS instead of one from the route's MTU (clamp-mss).");

/// The first word of a rule: what it does.
pub const ACTIONS: &[Keyword] = &[ACCEPT, FORWARD, MASQUERADE, SNAT, DNAT, CLAMP_MSS];

/// The words after the action, in the order they are tried.
pub const MATCHES: &[Keyword] = &[SRC, DST, DPORT, PROTO, IIF, OIF, TO, MSS];

/// Everything `add`/`del` take (help, completion and man page).
const RULE: &[Keyword] = &[ACCEPT, FORWARD, MASQUERADE, SNAT, DNAT, CLAMP_MSS, SRC, DST, DPORT, PROTO, IIF, OIF, TO, MSS];

pub const OBJECT: Object = Object {
    name: "nft",
    default: Some(nft::show),
    dispatch: None,
    commands: &[
        Command { names: &[p("add")], run: nft::add, synopsis: "add RULE", help: "Add a rule to table inet rtun (nothing happens if it is there already).", keywords: RULE, supported: true },
        Command { names: &[p("delete"), p("del")], run: nft::del, synopsis: "del RULE", help: "Remove the rule written with the same words.", keywords: RULE, supported: true },
        Command { names: &[p("show"), p("list")], run: nft::show, synopsis: "show", help: "List rtun's rules in the words add takes (-j: nft's JSON document).", keywords: &[], supported: true },
        Command { names: &[p("flush")], run: nft::flush, synopsis: "flush", help: "Remove table inet rtun, and nothing else.", keywords: &[], supported: true },
    ],
    help: "Firewall and NAT rules for tunnels, in nftables table inet rtun.",
    about: "A RULE is an action word (accept, forward, masquerade, snat, dnat, clamp-mss) followed by the match and target words that action takes, as listed below. rtun keeps its rules in its own table `inet rtun` (base chains input, forward, mss, prerouting, postrouting, policy accept) and never changes other tables. nftables runs every table's chains on a hook: rtun's accept cannot undo a drop in another table; `rtun nft show` warns when one exists.",
};
