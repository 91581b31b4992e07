//! `veth`: a pair of devices; `peer` takes the options of `link add` for
//! the other end (iproute2's link_veth.c). The kernel reports no data.

use netlink_packet_route::link::{InfoData, InfoVeth};

use super::{Kind, KindEnv};
use crate::cli::grammar::{x, Keyword, Value};
use crate::error::{duparg, Result};
use crate::objects::link::modify::{parse_link, Request};

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

fn parse(env: &mut KindEnv<'_>, args: &[String]) -> Result<InfoData> {
    if args.first().map(String::as_str) != Some("peer") {
        // iproute2 prints veth's usage on stdout and exits 1.
        let asked = args.first().is_some_and(|w| w == "help");
        return Err(super::help_request("veth", asked, None, 1, true));
    }
    let peer_args = &args[1..];
    let mut peer = Request::new(env.creating, env.family);
    let parsed = parse_link(peer_args, &mut peer, env.lookup, env.prog)?;
    if parsed.kind.is_some() {
        // iproute2 reports the word after the peer's `type` keyword.
        let word = args.get(parsed.consumed).map_or("", String::as_str);
        return Err(duparg("type", word));
    }
    env.files.append(&mut peer.files);
    Ok(InfoData::Veth(InfoVeth::Peer(peer.msg)))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::parse as parse_kind;
    use super::*;
    use netlink_packet_route::link::LinkAttribute;

    #[test]
    fn peer_gets_its_own_message() {
        let data = parse_kind(&KIND, "peer name p1 mtu 1400 address 02:00:00:00:00:09", &[]).unwrap();
        let InfoData::Veth(InfoVeth::Peer(msg)) = data else { panic!("not a veth peer") };
        assert!(msg.attributes.contains(&LinkAttribute::IfName("p1".into())));
        assert!(msg.attributes.contains(&LinkAttribute::Mtu(1400)));
        assert!(msg.attributes.contains(&LinkAttribute::Address(vec![2, 0, 0, 0, 0, 9])));
    }

    #[test]
    fn peer_keyword_required_and_type_rejected() {
        assert_eq!(parse_kind(&KIND, "name p1", &[]).unwrap_err().exit_code(), 1);
        let e = parse_kind(&KIND, "peer name p1 type veth", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: duplicate \"type\": \"veth\" is the second value.");
    }
}
