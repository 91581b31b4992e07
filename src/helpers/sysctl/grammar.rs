//! The grammar of `sysctl` (the `sysctl` personality and `rtun sysctl`):
//! procps-ng 4.0.2's options, as data. The option parser
//! (`helpers::sysctl::getopt`) reads this table, so help, completions and
//! parsing cannot disagree.
//!
//! Names follow GNU getopt rather than iproute2's rule: `-x` entries are
//! single-letter options (they may be clustered: `-wq`), `--long` entries
//! made with `p()` may be abbreviated to any unambiguous prefix, and those
//! made with `x()` (rtun's own additions) must be typed in full, so that
//! every abbreviation procps accepts still means what it means there.
//!
//! What follows an option: `Value::Flag` = nothing; a `meta` in brackets
//! (`[FILE]`) = an optional value, only when attached (`-pFILE`,
//! `--load=FILE`); any other meta = a required value (attached or the next
//! word). The table is in procps's long-option order (which decides how
//! ambiguous abbreviations are reported); the first name of each entry is
//! the one the parser dispatches on.

use crate::cli::grammar::{p, x, Keyword, Object, Value};

const fn k(names: &'static [crate::cli::grammar::Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

pub static OPTIONS: &[Keyword] = &[
    k(&[x("-a"), x("-A"), x("-X"), p("--all")], Value::Flag, "", "Show every variable under /proc/sys (optionally filtered by --pattern)."),
    k(&[p("--deprecated")], Value::Flag, "", "With -a, also show variables the kernel marks as deprecated."),
    k(&[p("--dry-run")], Value::Flag, "", "Show what would be set, without setting anything."),
    k(&[x("-b"), p("--binary")], Value::Flag, "", "Show values only, with no line ends."),
    k(&[x("-e"), p("--ignore")], Value::Flag, "", "Say nothing about variables that do not exist."),
    k(&[x("-N"), p("--names")], Value::Flag, "", "Show names only."),
    k(&[x("-n"), p("--values")], Value::Flag, "", "Show values only."),
    k(&[x("-p"), x("-f"), p("--load")], Value::File, "[FILE]", "Apply the settings in FILE(s) (default /etc/sysctl.conf)."),
    k(&[x("-q"), p("--quiet")], Value::Flag, "", "Do not echo the values set."),
    k(&[x("-w"), p("--write")], Value::Flag, "", "Treat every argument as VARIABLE=VALUE to set."),
    k(&[p("--system")], Value::Flag, "", "Apply the settings of all the system's sysctl.d directories and /etc/sysctl.conf."),
    k(&[x("-r"), p("--pattern")], Value::Text, "REGEX", "Only variables whose name matches this extended regular expression."),
    k(&[x("-h"), x("-d"), p("--help")], Value::Flag, "", "Show this help."),
    k(&[x("-V"), p("--version")], Value::Flag, "", "Show the version."),
    k(&[x("-o"), x("-x")], Value::Flag, "", "Accepted and ignored (BSD compatibility)."),
    k(&[x("-j"), x("--json")], Value::Flag, "", "JSON output: an array of {\"key\", \"value\"} objects (rtun)."),
    k(&[x("--persist")], Value::File, "[FILE]", "Also record the values set on the command line in FILE, attached (default /etc/sysctl.d/90-rtun.conf; not with -p, --system or rtun -n NETNS) (rtun)."),
];

pub const OBJECT: Object = Object {
    name: "sysctl",
    default: Some(crate::helpers::sysctl::object),
    dispatch: Some(crate::helpers::sysctl::object),
    // The options live in `OPTIONS` (getopt style, not iproute2 keywords).
    commands: &[],
    help: "Kernel variables under /proc/sys, as procps's sysctl (net.* ones are per network namespace).",
    about: "Run as a link named `sysctl`, rtun is sysctl. `rtun -n NETNS sysctl …` reads and sets the net.* variables of that namespace.",
};
