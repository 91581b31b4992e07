//! The grammar of `rule` (iproute2's `iprule.c`): the commands in the order
//! `do_iprule` tests them, the selectors of `show`/`flush` in the order of
//! `iprule_list_flush_or_save`, and the selectors and actions of `add` and
//! `delete` in the order of `iprule_modify`. A word selects the first entry
//! it matches; words that match none are the destination (`show`) or the
//! rule's type (`add`, `delete`).

use crate::cli::grammar::{p, x, Command, Keyword, Object, Value, Word};
use crate::objects::rule;

const fn k(names: &'static [Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

/// The types a rule may have besides a table look-up (`type` optional).
pub const RULE_TYPES: &[&str] = &["goto", "nop", "unicast", "blackhole", "unreachable", "prohibit"];

/// Selectors of `show`/`flush` (`iprule_list_flush_or_save`).
pub const SELECTOR: &[Keyword] = &[
    k(&[p("preference"), p("order"), p("priority")], Value::Number, "NUMBER", "Only the rule with this preference."),
    k(&[x("not")], Value::Flag, "", "Only inverted rules."),
    k(&[x("tos"), x("dsfield")], Value::Text, "TOS", "Only rules matching this type-of-service value."),
    k(&[x("fwmark")], Value::Text, "MARK[/MASK]", "Only rules matching this firewall mark (and mask)."),
    k(&[x("dev"), x("iif")], Value::Ifname, "DEV", "Only rules for packets arriving on this device."),
    k(&[x("oif")], Value::Ifname, "DEV", "Only rules for packets leaving through this device."),
    k(&[x("l3mdev")], Value::Flag, "", "Only rules looking up the table of an L3 master device."),
    k(&[x("uidrange")], Value::Text, "FIRST-LAST", "Only rules for this range of user ids."),
    k(&[p("tun_id")], Value::Number, "ID", "Only rules matching this tunnel id."),
    k(&[p("lookup"), p("table")], Value::Table, "TABLE", "Only rules looking up this table."),
    k(&[p("from"), p("src")], Value::Prefix, "PREFIX", "Only rules whose source prefix lies within PREFIX."),
    k(&[p("protocol")], Value::Protocol, "PROTO", "Only rules installed by this protocol (or all: flush only)."),
    k(&[x("ipproto")], Value::Text, "PROTOCOL", "Only rules matching this IP protocol."),
    k(&[x("sport")], Value::Text, "PORT[-PORT]", "Only rules matching this source port range."),
    k(&[x("dport")], Value::Text, "PORT[-PORT]", "Only rules matching this destination port range."),
    k(&[p("dst"), p("to")], Value::Prefix, "PREFIX", "Only rules whose destination prefix lies within PREFIX (the word may be left out)."),
];

/// Selectors and actions of `add`/`delete` (`iprule_modify`); the last
/// entries stand for the rule's type, which may follow `type` or stand alone.
pub const RULE: &[Keyword] = &[
    k(&[x("not")], Value::Flag, "", "Invert the selector: the rule applies to packets that do not match."),
    k(&[x("from")], Value::Prefix, "PREFIX", "Source prefix to match (all: any)."),
    k(&[x("to")], Value::Prefix, "PREFIX", "Destination prefix to match (all: any)."),
    k(&[p("preference"), p("order"), p("priority")], Value::Number, "NUMBER", "The rule's preference: rules are tried from the lowest up."),
    k(&[x("tos"), p("dsfield")], Value::Text, "TOS", "Type-of-service value to match."),
    k(&[x("fwmark")], Value::Text, "MARK[/MASK]", "Firewall mark to match, under an optional mask."),
    k(&[p("realms")], Value::Text, "[FROM/]TO", "Realms to set on packets that match."),
    k(&[p("protocol")], Value::Protocol, "PROTO", "Who installs the rule (a name from rt_protos or a number)."),
    k(&[p("tun_id")], Value::Number, "ID", "Tunnel id to match."),
    k(&[p("table"), x("lookup")], Value::Table, "TABLE", "The routing table to look up (main by default)."),
    k(&[p("suppress_prefixlength"), x("sup_pl")], Value::Number, "NUMBER", "Ignore answers from the table with a prefix this long or shorter."),
    k(&[p("suppress_ifgroup"), x("sup_group")], Value::Text, "GROUP", "Ignore answers from the table through devices of this group."),
    k(&[x("dev"), x("iif")], Value::Ifname, "DEV", "Device packets arrive on (lo: locally generated)."),
    k(&[x("oif")], Value::Ifname, "DEV", "Device packets leave through (sockets bound to it)."),
    k(&[x("l3mdev")], Value::Flag, "", "Look up the table of the packet's L3 master device (VRF)."),
    k(&[x("uidrange")], Value::Text, "FIRST-LAST", "User ids of the sending sockets to match."),
    k(&[x("nat"), p("map-to")], Value::Address, "ADDRESS", "Translate the source address (the kernel no longer does it)."),
    k(&[x("ipproto")], Value::Text, "PROTOCOL", "IP protocol to match (a name from /etc/protocols or a number)."),
    k(&[x("sport")], Value::Text, "PORT[-PORT]", "Source port or range to match."),
    k(&[x("dport")], Value::Text, "PORT[-PORT]", "Destination port or range to match."),
    k(&[x("type")], Value::Choice(RULE_TYPES), "TYPE", "The rule's type (the word `type` may be left out)."),
    k(&[p("goto")], Value::Number, "NUMBER", "Go on at the rule with this preference."),
    k(&[p("nop")], Value::Flag, "", "Do nothing (the rule only counts)."),
    k(&[], Value::Choice(RULE_TYPES), "TYPE", "blackhole, unreachable or prohibit: refuse what matches, in that way."),
];

const SYNOPSIS: &str = "[ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ] [ fwmark MARK[/MASK] ] [ iif DEV ] [ oif DEV ] [ pref NUMBER ] [ l3mdev ] [ uidrange FIRST-LAST ] [ ipproto PROTOCOL ] [ sport PORT[-PORT] ] [ dport PORT[-PORT] ] [ table TABLE ] [ protocol PROTO ] [ realms [FROM/]TO ] [ goto NUMBER | nop | TYPE ] [ suppress_prefixlength NUMBER ] [ suppress_ifgroup GROUP ]";

pub const OBJECT: Object = Object {
    name: "rule",
    default: Some(rule::show),
    dispatch: None,
    commands: &[
        Command { names: &[p("list"), p("lst"), p("show")], run: rule::show, synopsis: "show [SELECTOR]", help: "List the rules of one family (IPv4 by default).", keywords: SELECTOR, supported: true },
        Command { names: &[p("save")], run: rule::save, synopsis: "save", help: "Write the rules of one family to stdout as binary netlink messages.", keywords: &[], supported: true },
        Command { names: &[p("restore")], run: rule::restore, synopsis: "restore", help: "Add the rules that save wrote, read from stdin (existing ones are kept).", keywords: &[], supported: true },
        Command { names: &[p("add")], run: rule::add, synopsis: SYNOPSIS, help: "Add a rule.", keywords: RULE, supported: true },
        Command { names: &[p("delete")], run: rule::delete, synopsis: SYNOPSIS, help: "Delete the first rule that matches what is given.", keywords: RULE, supported: true },
        Command { names: &[p("flush")], run: rule::flush, synopsis: "flush [SELECTOR]", help: "Delete every rule the selectors match, except the one at preference 0.", keywords: SELECTOR, supported: true },
    ],
    help: "Routing policy rules.",
    about: "Rules decide, by source, destination, mark, devices, user and ports, which routing table a packet is looked up in; they are tried in order of preference. `-4`/`-6` choose the family (IPv4 by default).",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::words::lookup;

    fn first(word: &str, table: &[Keyword]) -> Option<&'static str> {
        lookup(word, table).and_then(|k| k.names.first()).map(|w| w.text)
    }

    #[test]
    fn prefixes_resolve_like_iprule() {
        assert_eq!(first("t", RULE), Some("tun_id"));
        assert_eq!(first("ta", RULE), Some("table"));
        assert_eq!(first("p", RULE), Some("preference"));
        assert_eq!(first("pri", RULE), Some("preference"));
        assert_eq!(first("pro", RULE), Some("protocol"));
        assert_eq!(first("d", RULE), Some("tos"));
        assert_eq!(first("lookup", RULE), Some("table"));
        assert_eq!(first("look", RULE), None);
        assert_eq!(first("g", RULE), Some("goto"));
        assert_eq!(first("m", RULE), Some("nat"));
        assert_eq!(first("t", SELECTOR), Some("tun_id"));
        assert_eq!(first("l", SELECTOR), Some("lookup"));
        assert_eq!(first("s", SELECTOR), Some("from"));
        assert_eq!(first("d", SELECTOR), Some("dst"));
        assert_eq!(first("dsfield", SELECTOR), Some("tos"));
    }
}
