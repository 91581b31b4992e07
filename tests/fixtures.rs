//! The printers against netlink messages captured from a real kernel
//! (`tests/fixtures/*.bin`, made by `examples/capture_fixtures.rs`) and
//! what iproute2's `ip` printed for the very same state at capture time
//! (`*.ip.txt`, `*.ip.json`). No kernel is needed here: these run anywhere.

use std::path::PathBuf;

use rtun::cli::options::{Family, Options};
use rtun::names::links::Links;
use rtun::netlink::link::LinkMsg;
use rtun::objects::address::filter::Filter;
use rtun::objects::address::list::{AddressMap, Listing};
use rtun::objects::address::print::Style;
use rtun::objects::link::show::View;
use rtun::objects::route::filter::parse_selector;
use rtun::objects::route::msg::Route;
use rtun::objects::route::print::{print_route, View as RouteView};
use rtun::print::Printer;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The raw messages of a capture, as the kernel sent them.
fn messages(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut off = 0;
    while off + 16 <= bytes.len() {
        let len = u32::from_ne_bytes(bytes[off..off + 4].try_into().expect("4 bytes")) as usize;
        assert!(len >= 16 && off + len <= bytes.len(), "malformed capture at {off}");
        out.push(&bytes[off..off + len]);
        off += (len + 3) & !3;
    }
    out
}

/// The link messages of the capture, read in place as a listing reads them.
fn links(bytes: &[u8]) -> Vec<LinkMsg<'_>> {
    messages(bytes).into_iter().map(|m| LinkMsg::from_nlmsg(m).expect("a link message")).collect()
}

/// The names a link dump brings (noted as a listing notes them), and
/// nothing asked of this machine's kernel.
fn names(links: &[LinkMsg]) -> Links {
    let n = Links::offline();
    links.iter().for_each(|l| n.note(l));
    n
}

fn render(json: bool, body: impl FnOnce(&mut Printer<&mut Vec<u8>>)) -> String {
    let mut out = Vec::new();
    {
        let mut p = Printer::new(&mut out, json, false, false, false);
        p.begin().expect("write");
        body(&mut p);
        p.end().expect("write");
    }
    String::from_utf8(out).expect("utf-8")
}

/// `link show` (`addresses`: false) or `address show` of the capture.
fn listing(details: u32, json: bool, addresses: bool) -> String {
    listing_of("links.bin", details, json, addresses)
}

/// `link show` or `address show` of the link dump `capture`.
fn listing_of(capture: &str, details: u32, json: bool, addresses: bool) -> String {
    let bytes = fixture(capture);
    let links = links(&bytes);
    let names = names(&links);
    let family = if addresses { Family::Unspec } else { Family::Packet };
    let opts = Options { details, json, family, ..Options::default() };
    let filter = Filter { family, ..Filter::default() };
    let addrs = addresses.then(|| {
        let mut map = AddressMap::default();
        let bytes = fixture("addrs.bin");
        messages(&bytes).into_iter().for_each(|m| map.keep(m));
        map
    });
    let listing = Listing {
        view: View { opts: &opts, filter: &filter, do_link: !addresses, showqueue: true, links: &names },
        style: Style { opts: &opts, with_dev: false, links: &names },
        no_link: false,
        addrs,
    };
    render(json, |p| {
        for l in &links {
            listing.print(p, l).expect("write");
        }
    })
}

fn link_show(details: u32, json: bool) -> String {
    listing(details, json, false)
}

fn route_show(capture: &str, family: Family, json: bool) -> String {
    let bytes = fixture("links.bin");
    let links = links(&bytes);
    let names = names(&links);
    let opts = Options { json, family, ..Options::default() };
    let args: Vec<String> = ["table", "all"].iter().map(|s| s.to_string()).collect();
    let sel = parse_selector(&args, family, &mut |_| 0).expect("selector");
    let nexthops = rtun::objects::nexthop::cache::Cache::offline();
    let view = RouteView { opts: &opts, links: &names, filter: &sel.filter, nexthops: &nexthops };
    let bytes = fixture(capture);
    render(json, |p| {
        for m in messages(&bytes) {
            let r = Route::from_nlmsg(m).expect("a route message");
            if rtun::objects::route::filter::accepts(&sel.filter, &r, family, &mut false) {
                print_route(p, &view, &r).expect("write");
            }
        }
    })
}

fn expected(name: &str) -> String {
    String::from_utf8(fixture(name)).expect("utf-8")
}

#[test]
fn link_show_text_matches_ip() {
    assert_eq!(link_show(0, false), expected("link.ip.txt"));
}

#[test]
fn link_show_json_matches_ip() {
    assert_eq!(link_show(0, true), expected("link.ip.json"));
}

#[test]
fn link_show_details_match_ip() {
    assert_eq!(link_show(1, false), expected("link-d.ip.txt"));
    assert_eq!(link_show(1, true), expected("link-d.ip.json"));
}

/// bond (802.3ad with ports, active-backup with ARP and NS targets), vrf
/// and a port, geneve (IPv4, IPv6, external), ipvlan, ipvtap, macvtap,
/// xfrm, wireguard: kinds this machine's kernel lacks, captured in the VM
/// (tests/fixtures/capture-kinds-vm.sh, then extract-kinds-vm).
#[test]
fn link_kinds_from_the_vm_match_ip() {
    assert_eq!(listing_of("kinds-vm.bin", 1, false, false), expected("kinds-vm.ip.txt"));
    assert_eq!(listing_of("kinds-vm.bin", 1, true, false), expected("kinds-vm.ip.json"));
}

/// bareudp: no kernel here or in the VM has it; messages laid out as the
/// kernel would (tests/fixtures/make-bareudp), printed by ip's `monitor`.
/// Its lines other than the kind's own are `monitor`'s, so only the
/// `bareudp …` lines are compared.
#[test]
fn bareudp_data_matches_ip() {
    let kind_lines = |text: &str| -> Vec<String> { text.lines().filter(|l| l.starts_with("    bareudp")).map(str::to_string).collect() };
    let ours = kind_lines(&listing_of("bareudp.bin", 1, false, false));
    let ip = kind_lines(&expected("bareudp.ip.txt"));
    assert_eq!(ip.len(), 5);
    assert_eq!(ours, ip);
}

#[test]
fn address_show_matches_ip() {
    assert_eq!(listing(0, false, true), expected("addr.ip.txt"));
    assert_eq!(listing(0, true, true), expected("addr.ip.json"));
}

#[test]
fn ipv4_routes_match_ip() {
    assert_eq!(route_show("routes4.bin", Family::Inet, false), expected("route4.ip.txt"));
    assert_eq!(route_show("routes4.bin", Family::Inet, true), expected("route4.ip.json"));
}

#[test]
fn ipv6_routes_match_ip() {
    assert_eq!(route_show("routes6.bin", Family::Inet6, false), expected("route6.ip.txt"));
    assert_eq!(route_show("routes6.bin", Family::Inet6, true), expected("route6.ip.json"));
}
