//! `veth`: a pair of devices; `peer` takes the options of `link add` for
//! the other end (iproute2's link_veth.c). The kernel reports no data.

use super::{Kind, KindEnv};
use crate::cli::grammar::{x, Keyword, Value};
use crate::error::{duparg, Result};
use crate::netlink::attr::{AttrWriter, NLA_HDRLEN};
use crate::netlink::link::IFINFOMSG_LEN;
use crate::objects::link::modify::{parse_link, Request};

/// VETH_INFO_PEER: an ifinfomsg and the peer's attributes.
const VETH_INFO_PEER: u16 = 1;

pub const KEYWORDS: &[Keyword] = &[Keyword {
    names: &[x("peer")],
    value: Value::Text,
    meta: "LINK-OPTIONS",
    help: "options of `link add` for the peer device (name, address, mtu, netns, …)",
    supported: true,
}];

pub const KIND: Kind = Kind {
    name: "veth",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: None,
    about: "A virtual Ethernet pair: what one end sends, the other receives.",
};

fn parse(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    if args.first().map(String::as_str) != Some("peer") {
        // iproute2 prints veth's usage on stdout and exits 1.
        let asked = args.first().is_some_and(|w| w == "help");
        return Err(super::help_request("veth", asked, None, 1, true));
    }
    let peer_args = &args[1..];
    let mut peer = Request::new(env.creating, env.family);
    // As ip: the peer's message sits in the same buffer, after its nest
    // header and ifinfomsg.
    peer.ip_used = env.ip_used.map(|u| u + NLA_HDRLEN + IFINFOMSG_LEN);
    let parsed = parse_link(peer_args, &mut peer, env.lookup, env.prog)?;
    if parsed.kind.is_some() {
        // iproute2 reports the word after the peer's `type` keyword.
        let word = args.get(parsed.consumed).map_or("", String::as_str);
        return Err(duparg("type", word));
    }
    env.files.append(&mut peer.files);
    let mut w = AttrWriter::new();
    w.put(VETH_INFO_PEER, &peer.body()?);
    Ok(w.finish()?)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::parse as parse_kind;
    use super::*;
    use crate::netlink::attr::Attrs;
    use crate::netlink::link::{LinkMsg, IFLA_ADDRESS, IFLA_MTU, RTM_NEWLINK};

    #[test]
    fn peer_gets_its_own_message() {
        let data = parse_kind(&KIND, "peer name p1 mtu 1400 address 02:00:00:00:00:09", &[]).unwrap();
        let body = Attrs::new(&data).get(VETH_INFO_PEER).expect("a veth peer");
        let msg = LinkMsg::from_body(RTM_NEWLINK, body).expect("an ifinfomsg");
        assert_eq!(msg.name(), Some(&b"p1"[..]));
        assert_eq!(msg.u32(IFLA_MTU), Some(1400));
        assert_eq!(msg.get(IFLA_ADDRESS), Some(&[2, 0, 0, 0, 0, 9][..]));
    }

    #[test]
    fn peer_keyword_required_and_type_rejected() {
        assert_eq!(parse_kind(&KIND, "name p1", &[]).unwrap_err().exit_code(), 1);
        let e = parse_kind(&KIND, "peer name p1 type veth", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: duplicate \"type\": \"veth\" is the second value.");
    }
}
