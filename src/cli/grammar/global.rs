//! Global options (`rtun [OPTIONS] OBJECT …`), in the order iproute2 tests
//! them. Their help text is written by `cli::help`.

use super::{p, x, Value, Word};
use crate::error::{Error, Result, Topic};
use crate::Context;

/// What a global option does once matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opt {
    Loops,
    Family,
    Inet,
    Inet6,
    Packet,
    Mpls,
    Bridge,
    Human,
    Iec,
    Stats,
    Details,
    Resolve,
    Oneline,
    Timestamp,
    TShort,
    Version,
    Force,
    Batch,
    Brief,
    Json,
    Pretty,
    Rcvbuf,
    Color,
    Help,
    Netns,
    Numeric,
    All,
    Echo,
}

pub struct OptionDef {
    pub names: &'static [Word],
    pub opt: Opt,
    pub value: Value,
    pub meta: &'static str,
    pub help: &'static str,
}

const fn o(names: &'static [Word], opt: Opt, value: Value, meta: &'static str, help: &'static str) -> OptionDef {
    OptionDef { names, opt, value, meta, help }
}

pub const FAMILIES: &[&str] = &["inet", "inet6", "link", "mpls", "bridge"];
pub const COLORS: &[&str] = &["always", "auto", "never"];

/// Matched in this order with iproute2's prefix rule; `--name` is read as `-name`.
pub static OPTIONS: &[OptionDef] = &[
    o(&[p("-loops")], Opt::Loops, Value::Number, "COUNT", "How many rounds a flush may take before giving up."),
    o(&[p("-family")], Opt::Family, Value::Choice(FAMILIES), "FAMILY", "Restrict to one protocol family."),
    o(&[x("-4")], Opt::Inet, Value::Flag, "", "IPv4 only (same as -family inet)."),
    o(&[x("-6")], Opt::Inet6, Value::Flag, "", "IPv6 only (same as -family inet6)."),
    o(&[x("-0")], Opt::Packet, Value::Flag, "", "Link layer only (same as -family link)."),
    o(&[x("-M")], Opt::Mpls, Value::Flag, "", "MPLS only."),
    o(&[x("-B")], Opt::Bridge, Value::Flag, "", "Bridge only."),
    o(&[p("-human"), p("-human-readable")], Opt::Human, Value::Flag, "", "Print statistics with unit suffixes."),
    o(&[p("-iec")], Opt::Iec, Value::Flag, "", "Use powers of 1024 for human-readable rates."),
    o(&[p("-stats"), p("-statistics")], Opt::Stats, Value::Flag, "", "Print statistics; twice for more."),
    o(&[p("-details")], Opt::Details, Value::Flag, "", "Print details (link kind parameters and more)."),
    o(&[p("-resolve")], Opt::Resolve, Value::Flag, "", "Print host names instead of addresses."),
    o(&[p("-oneline")], Opt::Oneline, Value::Flag, "", "One record per line, with \\ where lines would break."),
    o(&[p("-timestamp")], Opt::Timestamp, Value::Flag, "", "Print timestamps (monitor)."),
    o(&[p("-tshort")], Opt::TShort, Value::Flag, "", "Print short timestamps (monitor)."),
    o(&[p("-Version")], Opt::Version, Value::Flag, "", "Print the version and exit."),
    o(&[p("-force")], Opt::Force, Value::Flag, "", "With -batch: go on after a failing line."),
    o(&[p("-batch")], Opt::Batch, Value::File, "FILE", "Run commands from FILE, one per line (- for stdin)."),
    o(&[p("-brief")], Opt::Brief, Value::Flag, "", "Short tabular output."),
    o(&[p("-json")], Opt::Json, Value::Flag, "", "Print JSON."),
    o(&[p("-pretty")], Opt::Pretty, Value::Flag, "", "Indent JSON for people."),
    o(&[p("-rcvbuf")], Opt::Rcvbuf, Value::Number, "SIZE", "Netlink receive buffer size in bytes."),
    o(&[p("-color")], Opt::Color, Value::Choice(COLORS), "WHEN", "Colour the output: -c or -color=always|auto|never."),
    o(&[p("-help")], Opt::Help, Value::Flag, "", "Show the usage summary."),
    o(&[p("-netns")], Opt::Netns, Value::Netns, "NAME", "Run in network namespace NAME (/run/netns/NAME)."),
    o(&[p("-Numeric")], Opt::Numeric, Value::Flag, "", "Print numbers instead of names for protocols, scopes, tables."),
    o(&[p("-all")], Opt::All, Value::Flag, "", "With netns exec or netns delete: every named network namespace."),
    o(&[x("-echo")], Opt::Echo, Value::Flag, "", "Print what the kernel made of the request."),
];

/// `PROG help`: the global help (`cli::help::global_help`); as `ip`, on
/// stderr with exit 255, as iproute2.
pub fn help(_ctx: &mut Context, _args: &[String]) -> Result<()> {
    Err(Error::help(Topic::Global))
}
