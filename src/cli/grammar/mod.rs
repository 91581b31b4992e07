//! The grammar of rtun, defined once as data: global options, objects, their
//! commands, and each command's keywords with the kind of value they take
//! and a help line. The parser, `help`, shell completions and man pages are
//! all derived from these tables (in the manner of ripgrep's flag `defs.rs`).
//!
//! Table order is meaningful: like iproute2, a word selects the *first*
//! entry it is a prefix of (`l` → link, `a` → address, `r` → route).
//!
//! This module holds the grammar's types and the object table; each object
//! owns its commands and keywords in its own folder, beside its handlers
//! (`objects/route/grammar.rs`, `helpers/nft/grammar.rs`), as each link
//! kind owns its keywords in `kinds/`.

pub mod global;

use crate::helpers::{nft, sysctl};
use crate::objects::{address, link, maddress, monitor, neigh, netns, nexthop, route, rule, tunnel};

use crate::error::Result;
use crate::Context;

/// A name as the user may type it: any non-empty prefix, or only exactly.
#[derive(Clone, Copy, Debug)]
pub struct Word {
    pub text: &'static str,
    pub exact: bool,
}

/// A name that may be abbreviated (iproute2's `matches`).
pub const fn p(text: &'static str) -> Word {
    Word { text, exact: false }
}

/// A name that must be typed in full (iproute2's `strcmp`).
pub const fn x(text: &'static str) -> Word {
    Word { text, exact: true }
}

/// What follows a keyword. Drives completion and the man page's placeholders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// A flag: nothing follows.
    Flag,
    /// An interface name in this namespace.
    Ifname,
    /// A new name (nothing to complete).
    Name,
    /// A decimal number.
    Number,
    /// An IPv4/IPv6 address, optionally /LEN.
    Prefix,
    /// An IPv4/IPv6 address.
    Address,
    /// A link-layer address `aa:bb:cc:dd:ee:ff`.
    Lladdr,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// `on` or `off`.
    OnOff,
    /// A routing table: name from rt_tables, or number.
    Table,
    /// The tables `route show`/`flush` select: a table, or `all` or
    /// `cache` ([`route::TABLE_FILTERS`]).
    TableFilter,
    /// A route protocol: name from rt_protos, or number.
    Protocol,
    /// A scope: `host`, `link`, `global`, or number.
    Scope,
    /// A link kind for `type`.
    LinkKind,
    /// A network namespace name (`/run/netns`) or PID.
    Netns,
    /// A file path.
    File,
    /// Free text.
    Text,
}

/// One keyword of a command, e.g. `mtu NUMBER`.
#[derive(Clone, Copy, Debug)]
pub struct Keyword {
    /// The names that select it, in the order iproute2 tests them.
    pub names: &'static [Word],
    pub value: Value,
    /// The placeholder shown in help and man pages (`MTU`, `PREFIX`).
    pub meta: &'static str,
    pub help: &'static str,
    /// False for an iproute2 keyword rtun recognises (so that prefixes
    /// resolve as in `ip`) but refuses with "not supported by rtun": help
    /// and man pages mark it ([`NOT_SUPPORTED`]), completions never offer it.
    pub supported: bool,
}

/// How help and man pages mark a keyword or command rtun refuses.
pub const NOT_SUPPORTED: &str = "(not supported by rtun)";

/// A help line with [`NOT_SUPPORTED`] after it (before its full stop, if
/// it has one) when `supported` is false.
pub fn help_line(help: &str, supported: bool) -> String {
    if supported {
        return help.to_string();
    }
    match help.strip_suffix('.') {
        _ if help.is_empty() => NOT_SUPPORTED.to_string(),
        Some(sentence) => format!("{sentence} {NOT_SUPPORTED}."),
        None => format!("{help} {NOT_SUPPORTED}"),
    }
}

impl Keyword {
    /// The help line, marked when rtun refuses the keyword.
    pub fn help_line(&self) -> String {
        help_line(self.help, self.supported)
    }
}

/// `table` with a positional entry (no names) appended: what a word that is
/// no keyword stands for (`link set DEV`). The parser never matches it;
/// help, completions and man pages show it.
pub const fn with_positional<const N: usize>(table: &[Keyword], positional: Keyword) -> [Keyword; N] {
    let mut out = [positional; N];
    let mut i = 0;
    while i < table.len() && i < N {
        out[i] = table[i];
        i += 1;
    }
    out
}

/// Runs a command: the words after the command name are its arguments.
pub type Handler = fn(&mut Context, &[String]) -> Result<()>;

/// One command of an object, e.g. `link set`.
#[derive(Clone, Copy)]
pub struct Command {
    pub names: &'static [Word],
    pub run: Handler,
    /// The one-line synopsis after `rtun OBJECT` (our own words).
    pub synopsis: &'static str,
    pub help: &'static str,
    pub keywords: &'static [Keyword],
    /// False for an iproute2 command rtun recognises but refuses ("not
    /// supported by rtun"): marked in help and man pages, never completed.
    pub supported: bool,
}

impl Command {
    /// The help line, marked when rtun refuses the command.
    pub fn help_line(&self) -> String {
        help_line(self.help, self.supported)
    }
}

/// An ip object, e.g. `link`. Unsupported iproute2 objects stay in the table
/// (with no commands) so that prefixes resolve exactly as `ip` resolves them.
#[derive(Clone, Copy)]
pub struct Object {
    pub name: &'static str,
    /// The handler when only the object is given (`ip link` = `ip link show`).
    pub default: Option<Handler>,
    /// When set, the object picks its command itself from the whole line
    /// (`tunnel`: the family decides which commands exist).
    pub dispatch: Option<Handler>,
    pub commands: &'static [Command],
    pub help: &'static str,
    /// Man page prose beyond what the tables say.
    pub about: &'static str,
}

impl Object {
    pub fn supported(&self) -> bool {
        self.default.is_some()
    }

    /// Supported and meant to be shown (help, completions, man pages).
    pub fn listed(&self) -> bool {
        self.supported() && !HIDDEN.contains(&self.name)
    }
}

/// iproute2's object table, in its order (`iproute2_objects()` entries), then rtun's own. Objects rtun does not implement
/// have `default: None`.
pub static OBJECTS: &[Object] = &[
    address::grammar::OBJECT,
    unsupported("addrlabel"),
    maddress::grammar::OBJECT,
    route::grammar::OBJECT,
    rule::grammar::OBJECT,
    neigh::grammar::OBJECT,
    neigh::grammar::NEIGHBOUR,
    unsupported("ntable"),
    unsupported("ntbl"),
    link::grammar::OBJECT,
    unsupported("l2tp"),
    unsupported("fou"),
    unsupported("ila"),
    unsupported("macsec"),
    tunnel::grammar::OBJECT,
    tunnel::grammar::TUNL,
    unsupported("tuntap"),
    unsupported("tap"),
    unsupported("token"),
    unsupported("tcpmetrics"),
    unsupported("tcp_metrics"),
    monitor::grammar::OBJECT,
    unsupported("xfrm"),
    unsupported("mroute"),
    unsupported("mrule"),
    netns::grammar::OBJECT,
    unsupported("netconf"),
    unsupported("vrf"),
    unsupported("sr"),
    nexthop::grammar::OBJECT,
    unsupported("mptcp"),
    unsupported("ioam"),
    Object {
        name: "help",
        default: Some(global::help),
        dispatch: None,
        commands: &[],
        help: "Show the usage summary.",
        about: "",
    },
    unsupported("stats"),
    // rtun's own objects follow iproute2's table (see `iproute2_objects`)
    // and are selected only by their full names.
    nft::grammar::OBJECT,
    sysctl::grammar::OBJECT,
    crate::gen::COMPLETIONS,
    crate::gen::COMPLETE,
];

/// Commands rtun adds to iproute2's objects, as (object, command): as `ip`
/// they do not exist (unknown, as iproute2 says, and left out of help).
pub const RTUN_ONLY: &[(&str, &str)] = &[("tunnel", "keepalive"), ("tunl", "keepalive"), ("tunnel", "check"), ("tunl", "check")];

/// Whether `cmd` of `obj` exists for the program called `prog`.
pub fn offered(prog: &str, obj: &Object, cmd: &Command) -> bool {
    prog != "ip" || !RTUN_ONLY.iter().any(|(o, c)| *o == obj.name && cmd.names.iter().any(|n| n.text == *c))
}

/// Objects that work but are not listed in help, completions or man pages
/// (entry points for the completion scripts themselves).
pub const HIDDEN: &[&str] = &["complete"];

const fn unsupported(name: &'static str) -> Object {
    Object { name, default: None, dispatch: None, commands: &[], help: "", about: "" }
}

/// The object a word selects: the first in table order it is a prefix of.
/// How many entries at the head of `OBJECTS` are iproute2's: up to `stats`,
/// the last object of iproute2 6.1's table.
pub fn iproute2_objects() -> usize {
    OBJECTS.iter().position(|o| o.name == "stats").map_or(OBJECTS.len(), |i| i + 1)
}

/// The object a word selects: iproute2's objects by any prefix, in table
/// order; rtun's own objects (after them) only by their full name, so that
/// every word `ip` rejects (`ip c`, `ip sy`) is still rejected.
pub fn find_object(word: &str) -> Option<&'static Object> {
    let (ours, theirs) = OBJECTS.split_at(iproute2_objects());
    ours.iter()
        .find(|o| crate::cli::words::matches(word, o.name))
        .or_else(|| theirs.iter().find(|o| o.name == word))
}

/// The command a word selects within an object.
pub fn find_command(obj: &Object, word: &str) -> Option<&'static Command> {
    // `obj.commands` is 'static data; re-borrow through the static table.
    let obj: &'static Object = OBJECTS.iter().find(|o| o.name == obj.name)?;
    obj.commands.iter().find(|c| c.names.iter().any(|n| n.accepts(word)))
}

#[cfg(test)]
mod object_tests {
    use super::*;

    /// Every help line of the grammar: commands, their keywords, the link
    /// kinds' and sysctl's.
    fn help_lines() -> Vec<(&'static str, bool)> {
        let mut v = Vec::new();
        for o in OBJECTS {
            for c in o.commands {
                v.push((c.help, c.supported));
                v.extend(c.keywords.iter().map(|k| (k.help, k.supported)));
            }
        }
        for k in crate::kinds::KINDS {
            v.extend(k.keywords.iter().map(|k| (k.help, k.supported)));
        }
        v.extend(sysctl::grammar::OPTIONS.iter().map(|k| (k.help, k.supported)));
        v
    }

    #[test]
    fn refusals_are_marked_by_the_field_not_by_the_text() {
        let lines = help_lines();
        assert!(lines.iter().any(|(_, supported)| !supported));
        for (help, _) in lines {
            assert!(!help.to_lowercase().contains("not supported"), "say it with `supported: false`: {help:?}");
        }
        assert_eq!(help_line("Lightweight tunnel encapsulation.", false), "Lightweight tunnel encapsulation (not supported by rtun).");
        assert_eq!(help_line("SR-IOV virtual functions", false), "SR-IOV virtual functions (not supported by rtun)");
        assert_eq!(help_line("", false), NOT_SUPPORTED);
        assert_eq!(help_line("Add a route.", true), "Add a route.");
    }

    #[test]
    fn iproute2_table_ends_with_stats() {
        assert_eq!(iproute2_objects(), 34, "iproute2 6.1 has 34 entries up to `stats`");
        assert_eq!(OBJECTS[0].name, "address");
    }

    #[test]
    fn prefixes_resolve_as_in_ip() {
        let name = |w: &str| find_object(w).map(|o| o.name);
        assert_eq!(name("a"), Some("address"));
        assert_eq!(name("r"), Some("route"));
        assert_eq!(name("l"), Some("link"));
        assert_eq!(name("t"), Some("tunnel"));
        assert_eq!(name("tunl"), Some("tunl"));
        // rtun's own objects only by their full names.
        assert_eq!(name("c"), None);
        assert_eq!(name("completions"), Some("completions"));
    }
}
