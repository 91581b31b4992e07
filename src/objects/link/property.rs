//! `link property add|del dev DEV [altname NAME …]`: a device's alternative
//! names, one RTM_NEWLINKPROP / RTM_DELLINKPROP holding an IFLA_PROP_LIST
//! nest of IFLA_ALT_IFNAME strings (iproute2's `iplink_prop`). Names are
//! the bytes typed (`cli::bytes`); the kernel judges their length.

use netlink_packet_core::{NLM_F_APPEND, NLM_F_CREATE, NLM_F_EXCL};

use super::grammar::{PROPERTY_KEYWORDS, PROPERTY_OPERATIONS};
use super::modify::{index_of, Request};
use crate::cli::words::{lookup, Words};
use crate::error::{duparg2, invarg, no_device, Error, Result, Topic};
use crate::names::links::valid_altname;
use crate::netlink::attr::{NLA_F_NESTED, NLA_HDRLEN};
use crate::netlink::ipbuf;
use crate::netlink::link::{request_body, IFLA_ALT_IFNAME, IFLA_PROP_LIST, RTM_DELLINKPROP, RTM_NEWLINKPROP};
use crate::netlink::Outgoing;
use crate::Context;

/// What the words asked for.
#[derive(Debug)]
pub struct Property {
    /// RTM_NEWLINKPROP or RTM_DELLINKPROP, and its netlink flags.
    pub kind: u16,
    pub flags: u16,
    pub dev: String,
    /// The IFLA_PROP_LIST nest's contents.
    pub names: Vec<u8>,
}

/// The words after `property`, in iproute2's order of tests: the operation,
/// then `altname NAME`, `help`, and `[dev] DEV`. As `ip`, an altname ip's
/// request buffer has no room for is left out with ip's message.
pub fn parse(args: &[String], prog: &str) -> Result<Property> {
    let mut w = Words::new(args);
    let Some(op) = w.next() else { return Err(Error::synopsis(Topic::Current)) };
    let (kind, flags) = match lookup(op, PROPERTY_OPERATIONS).and_then(|k| k.names.first()).map(|n| n.text) {
        Some("add") => (RTM_NEWLINKPROP, NLM_F_EXCL | NLM_F_CREATE | NLM_F_APPEND),
        Some("del") => (RTM_DELLINKPROP, 0),
        Some(_) => return Err(Error::help(Topic::Current)),
        None => return Err(Error::Usage("Operator required".into())),
    };
    // The nest's header comes first in ip's buffer.
    let mut names = Request::new(false, crate::cli::options::Family::Unspec);
    names.ip_used = (prog == "ip").then_some(ipbuf::LINK_HEAD + NLA_HDRLEN);
    let mut dev: Option<&str> = None;
    while let Some(word) = w.next() {
        match lookup(word, PROPERTY_KEYWORDS).and_then(|k| k.names.first()).map(|n| n.text) {
            Some("altname") => {
                let name = w.value()?;
                if !valid_altname(name) {
                    return Err(invarg("not a valid altname", name));
                }
                names.put_str(IFLA_ALT_IFNAME, name, true)?;
            }
            Some("help") => return Err(Error::help(Topic::Current)),
            _ => {
                let word = if word == "dev" { w.value()? } else { word };
                if dev.is_some() {
                    return Err(duparg2("dev", word));
                }
                if !valid_altname(word) {
                    return Err(invarg("\"dev\" not a valid ifname", word));
                }
                dev = Some(word);
            }
        }
    }
    let Some(dev) = dev else {
        return Err(Error::Usage("Not enough of information: \"dev\" argument is required.".into()));
    };
    Ok(Property { kind, flags, dev: dev.to_string(), names: names.attrs.finish()? })
}

/// `link property`.
pub fn property(ctx: &mut Context, args: &[String]) -> Result<()> {
    let prog = ctx.prog;
    let family = ctx.opts.family;
    let prop = parse(args, prog)?;
    let nl = ctx.nl()?;
    let index = index_of(nl, prog, &prop.dev);
    if index == 0 {
        return Err(no_device(&prop.dev));
    }
    let mut attrs = crate::netlink::attr::AttrWriter::new();
    attrs.put(IFLA_PROP_LIST | NLA_F_NESTED, &prop.names);
    let body = request_body(family.af(), index, 0, 0, &attrs.finish()?);
    nl.submit_out(Outgoing::Raw { kind: prop.kind, body: &body }, prop.flags)?;
    ctx.links.invalidate();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testutil::words;
    use crate::netlink::attr::Attrs;

    fn err(s: &str) -> (String, i32) {
        let e = parse(&words(s), "rtun").unwrap_err();
        (e.to_string(), e.exit_code())
    }

    #[test]
    fn operations_and_names() {
        let p = parse(&words("a dev v0 alt x1 altname x2"), "rtun").unwrap();
        assert_eq!((p.kind, p.flags, p.dev.as_str()), (RTM_NEWLINKPROP, NLM_F_EXCL | NLM_F_CREATE | NLM_F_APPEND, "v0"));
        let names: Vec<&[u8]> = Attrs::new(&p.names).iter().map(|a| a.payload).collect();
        assert_eq!(names, [&b"x1\0"[..], b"x2\0"]);
        let p = parse(&words("d v0"), "rtun").unwrap();
        assert_eq!((p.kind, p.flags, p.names.len()), (RTM_DELLINKPROP, 0, 0));
        // A byte that is not UTF-8 goes to the kernel as typed.
        let p = parse(&[String::from("add"), String::from("v0"), String::from("altname"), crate::cli::bytes::word(b"n\xff")], "rtun").unwrap();
        assert_eq!(Attrs::new(&p.names).get(IFLA_ALT_IFNAME), Some(&b"n\xff\0"[..]));
    }

    #[test]
    fn iproute2_messages() {
        assert_eq!(err("x"), ("Operator required".into(), 255));
        assert_eq!(err("add"), ("Not enough of information: \"dev\" argument is required.".into(), 255));
        assert_eq!(err("add altname x"), ("Not enough of information: \"dev\" argument is required.".into(), 255));
        assert_eq!(err("add v0 v1"), ("Error: either \"dev\" is duplicate, or \"v1\" is a garbage.".into(), 255));
        assert_eq!(err("add v0 altname a/b"), ("Error: argument \"a/b\" is wrong: not a valid altname".into(), 255));
        let e = parse(&[String::from("add"), String::from("a b")], "rtun").unwrap_err();
        assert_eq!(e.to_string(), "Error: argument \"a b\" is wrong: \"dev\" not a valid ifname");
        assert_eq!(err("add v0 altname").1, 255);
        assert_eq!(err("add dev").1, 255);
    }
}
