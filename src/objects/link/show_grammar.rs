//! The grammar of `link show`: the same selection keywords as
//! `address show` (iproute2 lists links through the address code).

use crate::cli::grammar::{p, Command};
use crate::objects::link;

pub const SHOW: Command = Command {
    names: &[p("show"), p("lst"), p("list")],
    run: link::show,
    synopsis: "[ [ dev ] DEVICE | group GROUP ] [ up ] [ master DEVICE | nomaster ] [ vrf NAME ] [ type KIND ]",
    help: "List links.",
    keywords: crate::objects::address::grammar::LIST_KEYWORDS,
    supported: true,
};
