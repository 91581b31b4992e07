//! One neighbour entry on the printer, field by field in iproute2's order
//! (`print_neigh`, `print_neigh_brief`, `print_cacheinfo`,
//! `print_neigh_state`).

use std::io::{self, Write};

use super::msg::*;
use crate::cli::options::Options;
use crate::names::links::Links;
use crate::names::tables::{protocol_name, NumBuf};
use crate::print::addr::{AddrBuf, AF_INET, AF_INET6};
use crate::print::{Color, Out, Printer};

const AF_BRIDGE: u8 = libc::AF_BRIDGE as u8;

/// What the printer needs besides the entry.
pub struct View<'a> {
    pub opts: &'a Options,
    pub links: &'a Links,
    /// The listing names one device: entries do not repeat it.
    pub one_dev: bool,
}

/// The state bits, as ip names them, in its order.
const STATES: &[(u16, &str)] = &[
    (NUD_INCOMPLETE, "INCOMPLETE"),
    (NUD_REACHABLE, "REACHABLE"),
    (NUD_STALE, "STALE"),
    (NUD_DELAY, "DELAY"),
    (NUD_PROBE, "PROBE"),
    (NUD_FAILED, "FAILED"),
    (NUD_NOARP, "NOARP"),
    (NUD_PERMANENT, "PERMANENT"),
];


/// The destination's text and colour (a bridge entry's by its length).
fn dst(n: &Neigh, dst: &[u8]) -> (AddrBuf, Color) {
    let family = match n.family {
        AF_BRIDGE if dst.len() == 16 => AF_INET6,
        AF_BRIDGE => AF_INET,
        f => f,
    };
    (AddrBuf::addr(family, dst), Color::for_family(family))
}

/// `print_neigh` from the point where the entry is selected: its JSON
/// object around [`neigh_fields`].
pub fn print_neigh<W: Write>(p: &mut Printer<W>, view: &View, n: &Neigh) -> io::Result<()> {
    p.open_object(None)?;
    neigh_fields(p, view, n)?;
    p.close_object()
}

/// The entry's members and text, its line end included (`monitor` puts
/// them in its event's object).
pub fn neigh_fields<W: Write>(p: &mut Printer<W>, view: &View, n: &Neigh) -> io::Result<()> {
    if n.msg_type == RTM_DELNEIGH {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    } else if n.msg_type == RTM_GETNEIGH {
        p.null(Out::Any, "miss", "{} ", "miss")?;
    }
    let lladdr = n.attr(NDA_LLADDR).map(|a| AddrBuf::link(a, view.links.link_type(n.ifindex)));
    if view.opts.brief {
        if let Some(d) = n.attr(NDA_DST) {
            let (text, color) = dst(n, d);
            p.string_c(Out::Any, color, Some("dst"), "{:<39} ", text.as_str())?;
        }
        if !view.one_dev && n.ifindex != 0 {
            p.bytes_c(Out::Any, Color::Ifname, Some("dev"), "{:<16} ", view.links.name(n.ifindex).as_bytes())?;
        }
        if let Some(l) = &lladdr {
            p.string_c(Out::Any, Color::Mac, Some("lladdr"), "{}", l.as_str())?;
        }
        return p.text("\n");
    }
    if let Some(d) = n.attr(NDA_DST) {
        let (text, color) = dst(n, d);
        p.string_c(Out::Any, color, Some("dst"), "{} ", text.as_str())?;
    }
    if !view.one_dev && n.ifindex != 0 {
        p.text("dev ")?;
        p.bytes_c(Out::Any, Color::Ifname, Some("dev"), "{} ", view.links.name(n.ifindex).as_bytes())?;
    }
    if let Some(l) = &lladdr {
        p.text("lladdr ")?;
        p.string_c(Out::Any, Color::Mac, Some("lladdr"), "{} ", l.as_str())?;
    }
    let ext = n.ext_flags();
    for (on, word) in [
        (n.flags & NTF_ROUTER != 0, "router"),
        (n.flags & NTF_PROXY != 0, "proxy"),
        (ext & NTF_EXT_MANAGED != 0, "managed"),
        (n.flags & NTF_EXT_LEARNED != 0, "extern_learn"),
        (n.flags & NTF_OFFLOADED != 0, "offload"),
    ] {
        if on {
            p.null(Out::Any, word, "{} ", word)?;
        }
    }
    if view.opts.stats > 0 {
        if let Some(ci) = n.cacheinfo() {
            let hz = crate::objects::route::print::user_hz().max(1) as u32;
            if ci.refcnt != 0 {
                p.num("refcnt", " ref {}", ci.refcnt)?;
            }
            p.num("used", " used {}", ci.used / hz)?;
            p.num("confirmed", "/{}", ci.confirmed / hz)?;
            p.num("updated", "/{}", ci.updated / hz)?;
        }
        if let Some(probes) = n.attr(NDA_PROBES).and_then(crate::netlink::attr::u32_of) {
            p.num("probes", "probes {} ", probes)?;
        }
    }
    if n.state != 0 {
        p.open_array(Out::Json, Some("state"), "")?;
        for (bit, word) in STATES {
            if n.state & bit != 0 {
                p.string_c(Out::Any, Color::None, None, "{} ", word)?;
            }
        }
        p.close_array(Out::Json, "")?;
    }
    let proto = n.protocol();
    if proto != 0 {
        let mut buf = NumBuf::new();
        p.str("protocol", "proto {} ", protocol_name(proto, view.opts.numeric, &mut buf))?;
    }
    p.text("\n")
}
