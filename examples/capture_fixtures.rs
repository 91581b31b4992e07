//! Capture netlink messages from a real kernel as test fixtures.
//!
//! Run as root: `cargo run --example capture_fixtures -- tests/fixtures`.
//! In a private network namespace it builds a small, fixed state with
//! iproute2's `ip` (veth pair, bridge, vxlan, addresses, routes), then saves
//! (1) the raw link/address/route dumps rtun receives (`NAME.bin`: the
//! messages back to back, as on the wire) and (2) what `ip` prints for the
//! same state (`NAME.ip.txt`, `NAME.ip.json`). Unit tests feed (1) to
//! rtun's printers and expect (2).

use std::process::Command;

use netlink_packet_route::address::AddressMessage;
use netlink_packet_route::link::LinkMessage;
use netlink_packet_route::route::RouteMessage;
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};
use rtun::netlink::Netlink;

/// The bridge stays down: its timers (gc_timer, the port's forward-delay
/// timer) then read 0 in both the capture and ip's output, taken moments apart.
const SETUP: &[&str] = &[
    "link set lo up",
    "link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02",
    "link add br0 address 02:00:00:00:00:10 type bridge",
    "link set v1 master br0",
    "link add vx0 address 02:00:00:00:00:20 type vxlan id 42 dstport 4789 local 192.0.2.1",
    "link set v0 mtu 1400 up",
    "link set v1 up",
    "addr add 192.0.2.1/24 dev v0",
    "addr add 198.51.100.1/24 brd + dev v0 label v0:1",
    "addr add 2001:db8::1/64 dev v0 nodad",
    "addr add 10.9.9.1 peer 10.9.9.2/32 dev br0",
    "route add 203.0.113.0/24 via 192.0.2.254 dev v0 proto static metric 10",
    "route add blackhole 203.0.113.128/25",
    "route add 2001:db8:1::/48 via 2001:db8::ff dev v0",
];

fn ip(args: &[&str]) -> Vec<u8> {
    let out = Command::new("ip").args(args).output().expect("run ip");
    assert!(out.status.success(), "ip {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn save_dump(dir: &str, name: &str, nl: &mut Netlink, req: RouteNetlinkMessage) {
    let mut bytes = Vec::new();
    nl.dump_raw(req, |m| {
        bytes.extend_from_slice(m);
        // Keep 4-byte alignment between messages, as on the wire.
        bytes.resize(bytes.len().next_multiple_of(4), 0);
        Ok(())
    })
    .expect("dump");
    std::fs::write(format!("{dir}/{name}.bin"), bytes).expect("write fixture");
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "tests/fixtures".into());
    // SAFETY: unshare(2) for this single-threaded process.
    assert_eq!(unsafe { libc::unshare(libc::CLONE_NEWNET) }, 0, "unshare -n needs root");
    for line in SETUP {
        ip(&line.split(' ').collect::<Vec<_>>());
    }
    // Let IPv6 settle (link-local addresses, DAD) so captures are stable.
    std::thread::sleep(std::time::Duration::from_secs(3));
    let mut nl = Netlink::open(None).expect("netlink");
    save_dump(&dir, "links", &mut nl, RouteNetlinkMessage::GetLink(LinkMessage::default()));
    save_dump(&dir, "addrs", &mut nl, RouteNetlinkMessage::GetAddress(AddressMessage::default()));
    let mut r4 = RouteMessage::default();
    r4.header.address_family = AddressFamily::Inet;
    save_dump(&dir, "routes4", &mut nl, RouteNetlinkMessage::GetRoute(r4));
    let mut r6 = RouteMessage::default();
    r6.header.address_family = AddressFamily::Inet6;
    save_dump(&dir, "routes6", &mut nl, RouteNetlinkMessage::GetRoute(r6));
    let views: &[(&str, &[&str])] = &[
        ("link", &["link", "show"]),
        ("link-d", &["-d", "link", "show"]),
        ("addr", &["addr", "show"]),
        ("route4", &["-4", "route", "show", "table", "all"]),
        ("route6", &["-6", "route", "show", "table", "all"]),
    ];
    for (name, args) in views {
        std::fs::write(format!("{dir}/{name}.ip.txt"), ip(args)).expect("write");
        let mut j = vec!["-j"];
        j.extend_from_slice(args);
        std::fs::write(format!("{dir}/{name}.ip.json"), ip(&j)).expect("write");
    }
    eprintln!("fixtures written to {dir}");
}
