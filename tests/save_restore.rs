//! `route save|restore|showdump` and `address save|restore|showdump`
//! against Debian's ip, both ways: files ip saves are restored and shown
//! by rtun, files rtun saves by ip; the state read back (by ip) must be
//! what was saved. Each test runs in its own network and mount namespace
//! (a tmpfs on /run holds the files). A million routes are saved and
//! restored in constant memory. Needs root: fails, not skips, with CI=true.

mod common;

use std::process::Output;

use common::{can_isolate, describe, isolated};

/// Routes of every pass `restore` makes (local addresses, local networks,
/// gateways), in tables main, 7 and local, both families.
const ROUTES: &str = "ip link set lo up || exit 98
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02 || exit 98
ip link set v0 up && ip link set v1 up || exit 98
echo 0 > /proc/sys/net/ipv6/conf/v0/accept_dad
ip addr add 192.0.2.1/24 dev v0 || exit 98
ip -6 addr add 2001:db8::1/64 dev v0 nodad || exit 98
ip route add 198.51.100.0/24 via 192.0.2.2 || exit 98
ip route add 203.0.113.0/25 dev v0 src 192.0.2.1 metric 7 || exit 98
ip route add 203.0.113.128/25 via 192.0.2.3 table 7 || exit 98
ip route add blackhole 203.0.113.9 table 7 || exit 98
ip -6 route add 2001:db8:1::/48 via 2001:db8::2 || exit 98
ip -6 route add 2001:db8:2::/48 dev v0 metric 5 || exit 98
SHOW() { ip route show table all | grep -v -e linkdown -e fe80; }";

/// Removes what `ROUTES` added (the routes the kernel made stay).
const FORGET_ROUTES: &str = "ip route flush 198.51.100.0/24; ip route flush 203.0.113.0/25; ip route flush table 7
ip -6 route flush 2001:db8:1::/48; ip -6 route flush 2001:db8:2::/48";

fn run(tag: &str, setup: &str, script: &str) -> Output {
    let out = isolated(tag, &format!("{setup}\n{script}"));
    assert_ne!(out.status.code(), Some(98), "setup failed: {}", describe(&out));
    out
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn routes_saved_by_either_are_restored_by_the_other() {
    if !can_isolate("save_restore") {
        return;
    }
    // Each step exits with its own status when the state read back is not
    // the one saved.
    // ip restores a saved local route as a route of its own (IPv6: with
    // metric 1024), so what counts is that rtun's restore leaves what ip's
    // restore of the same file leaves. Each step exits with its own status
    // when not.
    let script = format!(
        "ip route save table all > /run/ip.bin || exit 1
$RTUN route save table all > /run/rtun.bin || exit 1
{FORGET_ROUTES}
ip route restore < /run/ip.bin 2>/dev/null || exit 2
L=$(SHOW)
{FORGET_ROUTES}
$RTUN route restore < /run/ip.bin 2>/run/err || exit 3
[ \"$(SHOW)\" = \"$L\" ] || exit 4
{FORGET_ROUTES}
cat /run/ip.bin | $RTUN route restore 2>/run/err || exit 5
[ \"$(SHOW)\" = \"$L\" ] || exit 6
{FORGET_ROUTES}
ip route restore < /run/rtun.bin 2>/run/err || exit 7
[ \"$(SHOW)\" = \"$L\" ] || exit 8
{FORGET_ROUTES}
$RTUN_AS_IP route restore < /run/rtun.bin 2>/run/err || exit 9
[ \"$(SHOW)\" = \"$L\" ] || exit 10
$RTUN route save table all | ip route restore 2>/run/err && exit 11
[ \"$(cat /run/err)\" = 'Failed to restore: ftell: Illegal seek' ] || exit 12
echo ok"
    );
    let o = run("save_restore", ROUTES, &script);
    assert!(o.status.success() && o.stdout == b"ok\n", "{}", describe(&o));
}

#[test]
fn route_showdump_of_either_file_is_ips() {
    if !can_isolate("save_restore") {
        return;
    }
    // The same listing from ip's file and rtun's, printed by ip and by
    // rtun as ip; with -4, -6, -j, -d, -o too.
    let script = "ip route save table all > /run/ip.bin || exit 1
$RTUN route save table all > /run/rtun.bin || exit 1
ip route save table 7 > /run/ip7.bin || exit 1
$RTUN route save table 7 > /run/rtun7.bin || exit 1
for opt in '' -4 -6 -j -d -o; do
  for f in ip rtun ip7 rtun7; do
    ip $opt route showdump < /run/$f.bin > /run/a 2>&1; echo $? >> /run/a
    $RTUN_AS_IP $opt route showdump < /run/$f.bin > /run/b 2>&1; echo $? >> /run/b
    ip $opt route showdump < /run/$(echo $f | sed s/^rtun/ip/).bin > /run/c 2>&1; echo $? >> /run/c
    cmp -s /run/a /run/b || { echo \"$opt $f: ip and rtun differ\"; cat /run/a /run/b; exit 2; }
    cmp -s /run/a /run/c || { echo \"$opt $f: the files differ\"; cat /run/a /run/c; exit 3; }
  done
done
ip route showdump < /run/rtun.bin";
    let o = run("save_restore", ROUTES, script);
    assert!(o.status.success(), "{}", describe(&o));
    let shown = text(&o.stdout);
    for route in ["198.51.100.0/24 via 192.0.2.2 dev v0", "203.0.113.128/25 via 192.0.2.3 dev v0 table 7", "blackhole 203.0.113.9 table 7", "2001:db8:1::/48 via 2001:db8::2 dev v0"] {
        assert!(shown.contains(route), "{route} missing:\n{shown}");
    }
}

#[test]
fn bad_route_dumps_get_ips_messages_and_statuses() {
    if !can_isolate("save_restore") {
        return;
    }
    // Each input is given to ip and to rtun as ip: the same stderr,
    // stdout and status. ip refuses a pipe for restore (it seeks back for
    // each pass); rtun as rtun reads one (the first test).
    let script = "ip route save > /run/r.bin; ip addr save > /run/a.bin
printf abcd > /run/abcd; printf abc > /run/abc; : > /run/empty
head -c 30 /run/r.bin > /run/trunc
{ printf '\\044\\022\\061\\105'; head -c 16 /dev/zero; } > /run/zero-len
{ printf '\\044\\022\\061\\105\\000\\200\\000\\000'; head -c 12 /dev/zero; } > /run/huge
for cmd in 'route restore' 'route showdump' 'address restore' 'address showdump'; do
  for f in abcd abc empty trunc zero-len huge a.bin r.bin; do
    for prog in ip $RTUN_AS_IP; do
      o=/run/${#prog}
      $prog $cmd < /run/$f > $o.out 2>&1; echo \"status $?\" >> $o.out
      cat /run/$f | $prog $cmd > $o.pipe 2>&1; echo \"status $?\" >> $o.pipe
    done
    cmp -s /run/2.out /run/${#RTUN_AS_IP}.out || { echo \"$cmd < $f\"; cat /run/2.out /run/${#RTUN_AS_IP}.out; exit 2; }
    cmp -s /run/2.pipe /run/${#RTUN_AS_IP}.pipe || { echo \"$cmd | $f\"; cat /run/2.pipe /run/${#RTUN_AS_IP}.pipe; exit 3; }
  done
done
for args in 'route save table 99' 'route save foo' 'route save table all dev nosuch' 'address save dev nosuch' 'address save foo bar'; do
  ip $args > /run/ip.out 2>&1; echo \"status $?\" >> /run/ip.out
  $RTUN_AS_IP $args > /run/rtun.out 2>&1; echo \"status $?\" >> /run/rtun.out
  cmp -s /run/ip.out /run/rtun.out || { echo \"$args\"; cat -v /run/ip.out /run/rtun.out; exit 4; }
done";
    let o = run("save_restore", ROUTES, script);
    assert!(o.status.success(), "{}", describe(&o));
}

/// Addresses of both families, a peer, a label, finite lifetimes.
const ADDRESSES: &str = "ip link set lo up || exit 98
ip link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02 || exit 98
echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad
echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6
ip addr add 192.0.2.1/24 brd + dev v0 || exit 98
ip addr add 198.51.100.1/24 dev v1 label v1:x || exit 98
ip addr add 10.1.1.1 peer 10.1.1.2/32 dev v0 || exit 98
echo 0 > /proc/sys/net/ipv6/conf/v0/disable_ipv6
ip -6 addr add 2001:db8::1/64 dev v0 nodad || exit 98
ip -6 addr add 2001:db8:5::1/64 dev v0 nodad valid_lft 1000 preferred_lft 500 || exit 98
SHOW='ip -br addr show'";

const FORGET_ADDRESSES: &str = "ip addr flush dev v0; ip addr flush dev v1";

#[test]
fn addresses_saved_by_either_are_restored_and_shown_by_the_other() {
    if !can_isolate("save_restore") {
        return;
    }
    let script = format!(
        "ip addr save > /run/ip.bin || exit 1
$RTUN addr save > /run/rtun.bin || exit 1
ip addr save dev v1 > /run/ip1.bin || exit 1
$RTUN addr save dev v1 > /run/rtun1.bin || exit 1
for opt in '' -j '-j -p' -o -4 -br; do
  for f in ip rtun ip1 rtun1; do
    ip $opt addr showdump < /run/$f.bin | sed 's/[0-9]*sec/Nsec/g' > /run/a 2>&1
    $RTUN_AS_IP $opt addr showdump < /run/$f.bin | sed 's/[0-9]*sec/Nsec/g' > /run/b 2>&1
    ip $opt addr showdump < /run/$(echo $f | sed s/^rtun/ip/).bin | sed 's/[0-9]*sec/Nsec/g' > /run/c 2>&1
    cmp -s /run/a /run/b || {{ echo \"$opt $f: ip and rtun differ\"; cat /run/a /run/b; exit 2; }}
    cmp -s /run/a /run/c || {{ echo \"$opt $f: the files differ\"; cat /run/a /run/c; exit 3; }}
  done
done
{FORGET_ADDRESSES}
ip addr restore < /run/ip.bin 2>/dev/null || exit 4
L=$($SHOW)
{FORGET_ADDRESSES}
$RTUN addr restore < /run/ip.bin || exit 4
[ \"$($SHOW)\" = \"$L\" ] || exit 5
{FORGET_ADDRESSES}
cat /run/ip.bin | $RTUN addr restore || exit 6
[ \"$($SHOW)\" = \"$L\" ] || exit 7
{FORGET_ADDRESSES}
cat /run/rtun.bin | ip addr restore || exit 8
[ \"$($SHOW)\" = \"$L\" ] || exit 9
ip addr restore < /run/rtun.bin 2>/run/ip.err; echo $? > /run/ip.rc
$RTUN_AS_IP addr restore < /run/rtun.bin 2>/run/rtun.err; echo $? > /run/rtun.rc
cmp -s /run/ip.rc /run/rtun.rc && cmp -s /run/ip.err /run/rtun.err || {{ cat /run/ip.rc /run/ip.err /run/rtun.rc /run/rtun.err; exit 10; }}
ip addr showdump < /run/rtun1.bin"
    );
    let o = run("save_restore", ADDRESSES, &script);
    assert!(o.status.success(), "{}", describe(&o));
    let shown = text(&o.stdout);
    assert!(shown.contains("inet 198.51.100.1/24 scope global v1:x") && !shown.contains("192.0.2.1"), "{shown}");
}

/// A save file of `n` IPv4 routes in table 9 (10.x.y.z/32 via
/// 192.0.2.2), as `route save` writes one: the magic, then RTM_NEWROUTE
/// messages. Made here: a million routes are quicker restored than added.
fn route_file(path: &std::path::Path, n: u32) {
    use std::io::Write as _;
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).expect("a file for the routes"));
    w.write_all(&0x4531_1224u32.to_ne_bytes()).expect("write");
    for i in 0..n {
        let mut m = Vec::with_capacity(52);
        m.extend_from_slice(&52u32.to_ne_bytes());
        m.extend_from_slice(&24u16.to_ne_bytes()); // RTM_NEWROUTE
        m.extend_from_slice(&2u16.to_ne_bytes()); // NLM_F_MULTI
        m.extend_from_slice(&[0; 8]);
        // rtmsg: AF_INET, /32, table 9 (also RTA_TABLE), boot, universe, unicast.
        m.extend_from_slice(&[2, 32, 0, 0, 9, 3, 0, 1, 0, 0, 0, 0]);
        let attr = |m: &mut Vec<u8>, kind: u16, v: [u8; 4]| {
            m.extend_from_slice(&8u16.to_ne_bytes());
            m.extend_from_slice(&kind.to_ne_bytes());
            m.extend_from_slice(&v);
        };
        attr(&mut m, 15, 9u32.to_ne_bytes()); // RTA_TABLE
        attr(&mut m, 1, [10, (i >> 16) as u8, (i >> 8) as u8, i as u8]); // RTA_DST
        attr(&mut m, 5, [192, 0, 2, 2]); // RTA_GATEWAY
        assert_eq!(m.len(), 52);
        w.write_all(&m).expect("write");
    }
    w.flush().expect("write");
}

#[test]
fn a_million_routes_in_constant_memory() {
    if !can_isolate("save_restore") {
        return;
    }
    // The peak resident size of `route restore`, `route save` and
    // `route showdump` with 1,000,000 routes must stay that of 1,000.
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("million-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a directory");
    route_file(&dir.join("small.bin"), 1000);
    route_file(&dir.join("big.bin"), 1_000_000);
    let d = dir.display();
    let script = format!(
        "ip link add v0 type veth peer name v1 && ip link set v0 up && ip link set v1 up || exit 98
ip addr add 192.0.2.1/24 dev v0 || exit 98
T='/usr/bin/time -f %M -o /run/peak'
for n in small big; do
  $T $RTUN route restore < {d}/$n.bin || exit 1
  R=\"$R $(cat /run/peak)\"
  $T $RTUN route save table 9 > /run/$n.bin || exit 2
  S=\"$S $(cat /run/peak)\"
  $T $RTUN route showdump < /run/$n.bin > /run/shown || exit 3
  D=\"$D $(cat /run/peak)\"
done
[ \"$(wc -l < /run/shown)\" = 1000000 ] || exit 4
[ \"$(ip route show table 9 | wc -l)\" = 1000000 ] || exit 5
echo $R $S $D"
    );
    let o = run("save_restore", "true", &script);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(o.status.success(), "{}", describe(&o));
    let kb: Vec<u64> = text(&o.stdout).split_whitespace().filter_map(|w| w.parse().ok()).collect();
    assert_eq!(kb.len(), 6, "{}", describe(&o));
    for (what, pair) in ["restore", "save", "showdump"].iter().zip(kb.chunks(2)) {
        assert!(pair[1] < pair[0] + 4 * 1024, "{what} of a million routes peaked at {} KiB, of a thousand at {} KiB", pair[1], pair[0]);
    }
}
