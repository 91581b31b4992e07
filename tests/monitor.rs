//! `monitor`: Debian's `ip monitor` and rtun's (through a link named `ip`)
//! watch the same private network namespace while a script makes changes;
//! what each printed must be the same bytes. Then rtun's own `-j monitor`
//! (one JSON object a line), lost events (ENOBUFS) and rtmon captures.
//!
//! Determinism: both monitors are started, then blackhole routes are added
//! one by one until both have printed the same one (from there on both
//! are listening: ip drops what arrives during its first link dump); the
//! comparison starts after that line. Each run ends with a link named
//! `done`, and the monitors are stopped once both printed it.
//!
//! Needs root (unshare -m -n): fails when CI=true, else skipped.

mod common;

use common::{can_isolate, describe, isolated};
use std::collections::BTreeSet;

/// Shell functions every script uses: `sync_on FILE…` (the loop above,
/// each marker made by `mark N` and printed as `marked N` says: a route
/// unless a script redefines them; writes the marker to /run/marker), `until_done CMD PATTERN
/// FILE…` (runs CMD, waits until every FILE has PATTERN).
const LIB: &str = r#"
PIDS=
trap 'kill $PIDS 2>/dev/null' EXIT
subscribed() {
  n=0
  until [ "$(awk '$2==0 && $4!="00000000"' /proc/net/netlink)" ]; do
    sleep 0.05; n=$((n+1)); [ $n -lt 200 ] || { echo "nothing subscribed" >&2; exit 98; }
  done
}
ip link set lo up
ip link add pre0 type bridge
ip link set pre0 up
mark() { ip -6 route add 2001:db8:ffff:$1::/64 dev pre0; }
marked() { echo "2001:db8:ffff:$1::/64"; }
sync_on() {
  i=0
  while :; do
    i=$((i+1))
    mark $i
    sleep 0.05
    ok=1
    for f in "$@"; do grep -q -e "$(marked $i) " -e "\"$(marked $i)\"" "$f" || ok=0; done
    [ $ok = 1 ] && break
    [ $i -lt 200 ] || { echo "monitors never started" >&2; exit 98; }
  done
  echo "$(marked $i) " > /run/marker
}
until_done() {
  cmd=$1; pattern=$2; shift 2
  $cmd
  n=0
  for f in "$@"; do
    while ! grep -q "$pattern" "$f"; do sleep 0.05; n=$((n+1)); [ $n -lt 600 ] || break; done
  done
}
"#;

/// More than 1,000 changes to links, addresses and routes, as an ip batch:
/// 20 bridges up, 20 IPv4 addresses, 10 IPv4 and 10 IPv6 routes on each,
/// renames (ip keeps a renamed device's first name in its cache), MTU
/// changes, then much of it removed again. No IPv6 address: the kernel
/// announces its local route from a work queue, racing the next command,
/// so two listeners may see those two events in either order.
fn changes() -> String {
    let mut b = String::new();
    let n = 20;
    for i in 0..n {
        b += &format!("link add br{i} type bridge\nlink set br{i} up\n");
    }
    for i in 0..n {
        for j in 1..=10 {
            b += &format!("address add 198.51.100.{}/32 dev br{i}\n", i * 10 + j);
            b += &format!("address add 203.0.113.{}/32 dev br{i}\n", i * 10 + j);
            b += &format!("route add 192.0.2.{}/32 dev br{i}\n", i * 10 + j);
            b += &format!("route add 2001:db8:{i}:{j}::/64 dev br{i} metric {j}\n");
        }
    }
    for i in 0..n {
        b += &format!("link set br{i} mtu 1400\n");
    }
    for i in 0..5 {
        b += &format!("link set br{i} down\nlink set br{i} name rn{i}\nlink set rn{i} up\n");
        b += &format!("route add 192.0.2.{}/32 dev rn{i}\n", 220 + i);
    }
    for i in 0..n {
        let dev = if i < 5 { format!("rn{i}") } else { format!("br{i}") };
        for j in 1..=5 {
            b += &format!("route del 192.0.2.{}/32 dev {dev}\n", i * 10 + j);
            b += &format!("address del 198.51.100.{}/32 dev {dev}\n", i * 10 + j);
        }
        b += &format!("link del {dev}\n");
    }
    b
}

/// Runs `ip OPTS monitor ARGS` and rtun's as ip side by side over `body`;
/// returns (ip's output, rtun's), each from the line after the marker, and
/// both stderrs.
fn side_by_side(opts: &str, args: &str, body: &str) -> (String, String, String, String) {
    side_by_side_after("", opts, args, body)
}

/// [`side_by_side`] with `prelude` run before the monitors start (it may
/// redefine `mark`/`marked` for monitors that print no route).
fn side_by_side_after(prelude: &str, opts: &str, args: &str, body: &str) -> (String, String, String, String) {
    let script = format!(
        "{LIB}
{prelude}
ip {opts} monitor {args} > /run/a.out 2> /run/a.err & A=$!; PIDS=\"$PIDS $!\"
$RTUN_AS_IP {opts} monitor {args} > /run/b.out 2> /run/b.err & B=$!; PIDS=\"$PIDS $!\"
sync_on /run/a.out /run/b.out
{body}
until_done 'mark ffff' \"$(marked ffff)\" /run/a.out /run/b.out
kill $A $B
wait
for f in a.out b.out a.err b.err; do echo \"=== $f\"; cat /run/$f; done
echo \"=== marker\"; cat /run/marker"
    );
    let o = isolated("monitor", &script);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains("=== marker\n2001:db8:ffff:"), "the script failed: {}", describe(&o));
    let parts = sections(&out);
    let part = |name: &str| -> String { parts.iter().find(|(n, _)| n == name).map(|(_, t)| t.clone()).unwrap_or_default() };
    let marker = part("marker");
    let marker = marker.trim_end_matches('\n');
    // From the line after the first marker to the end of the last one's
    // line: what comes later (an address the kernel adds by itself) may
    // reach one side only before it is stopped.
    let after = |text: String| -> String {
        let Some(i) = text.find(marker) else { panic!("marker {marker:?} not in:\n{text}") };
        let text = text[i..].split_once('\n').map_or("", |(_, rest)| rest);
        match text.find("2001:db8:ffff:ffff::") {
            Some(end) => text[..end + text[end..].find('\n').map_or(text.len() - end, |n| n + 1)].to_string(),
            None => text.to_string(),
        }
    };
    (after(part("a.out")), after(part("b.out")), part("a.err"), part("b.err"))
}

/// A script's output cut at its `=== NAME` lines: (NAME, what follows).
fn sections(out: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Vec::new();
    for line in out.split_inclusive('\n') {
        match line.strip_prefix("=== ") {
            Some(name) => v.push((name.trim_end_matches('\n').to_string(), String::new())),
            None => {
                if let Some((_, text)) = v.last_mut() {
                    text.push_str(line);
                }
            }
        }
    }
    v
}

/// The first line where two outputs part, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    for (n, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  ip:   {x}\n  rtun: {y}", n + 1);
        }
    }
    format!("one output is longer: {} lines against {}", a.lines().count(), b.lines().count())
}

fn assert_same(what: &str, (ip, rtun, ip_err, rtun_err): (String, String, String, String)) {
    assert!(ip.contains("2001:db8:ffff:ffff::"), "{what}: ip never printed the last marker:\n{ip}");
    assert_eq!(ip_err, "", "{what}: ip lost events (the test went too fast?)");
    assert_eq!(ip_err, rtun_err, "{what}: stderr differs");
    if ip != rtun && std::env::var_os("MONITOR_DUMP").is_some() {
        let _ = std::fs::write(format!("{}/ip.out", env!("CARGO_TARGET_TMPDIR")), &ip);
        let _ = std::fs::write(format!("{}/rtun.out", env!("CARGO_TARGET_TMPDIR")), &rtun);
    }
    assert!(ip == rtun, "{what}: outputs differ at {}", first_difference(&ip, &rtun));
    eprintln!("{what}: {} lines, {} bytes the same", ip.lines().count(), ip.len());
}

/// `body` run as ip batches of 25 lines, a pause between them: a burst
/// of thousands of events overflows a monitor's receive buffer (rmem_max
/// caps it near 400 KiB), and the events each side then loses differ.
fn batch(body: &str) -> String {
    let lines: Vec<&str> = body.lines().collect();
    lines
        .chunks(25)
        .map(|c| format!("cat > /run/changes <<'EOF'\n{}\nEOF\nip -batch /run/changes\nsleep 0.03\n", c.join("\n")))
        .collect()
}

#[test]
fn same_text_as_ip_over_a_thousand_changes() {
    if !can_isolate("monitor") {
        return;
    }
    let body = changes();
    assert!(body.lines().count() > 1000, "{} changes", body.lines().count());
    assert_same("monitor link address route", side_by_side("", "link address route", &batch(&body)));
}

#[test]
fn same_text_as_ip_with_labels_timestamps_and_filters() {
    if !can_isolate("monitor") {
        return;
    }
    let small: String = changes().lines().filter(|l| !l.contains("br1") || l.contains("br1 ")).take(400).map(|l| format!("{l}\n")).collect();
    let mask = |(a, b, c, d): (String, String, String, String)| {
        // The clock differs between the two; its format must not.
        let m = |t: String| -> String {
            t.lines()
                .map(|l| match l.strip_prefix("Timestamp: ") {
                    Some(rest) if rest.ends_with(" usec") && rest.len() > 30 => "Timestamp: <clock> usec".to_string(),
                    _ if l.starts_with("[20") && l.as_bytes().get(27) == Some(&b']') => format!("[<clock>]{}", &l[28..]),
                    _ => l.to_string(),
                })
                .map(|l| l + "\n")
                .collect()
        };
        (m(a), m(b), c, d)
    };
    assert_same("-t monitor label", mask(side_by_side("-t", "label link address route netconf", &batch(&small))));
    assert_same("-ts monitor all-nsid", mask(side_by_side("-ts", "all-nsid link route", &batch(&small))));
    let on_pre0 = "address add 198.51.100.250/32 dev pre0\nroute add 203.0.113.250/32 dev pre0\nlink set pre0 mtu 1300\nlink set pre0 up\n";
    assert_same("monitor dev pre0", side_by_side("", "link address route dev pre0", &batch(&format!("{on_pre0}{small}"))));
    assert_same("-6 -o monitor", side_by_side("-6 -o", "address route", &batch(&small)));
    // ip 6.1 ignores -j in monitor: text, as rtun does when called ip.
    assert_same("-j monitor (as ip)", side_by_side("-j", "label link address route netconf nsid", &batch(&small)));
}

/// Neighbour, rule and nexthop changes (a veth pair without IPv6
/// link-local addresses, so that the kernel adds no neighbour of its own):
/// permanent and noarp entries added, changed, deleted; a `miss` (an
/// address resolved with `app_solicit`: RTM_GETNEIGH); IPv4 and IPv6
/// rules; nexthops added, replaced, grouped, deleted.
const NEIGH_RULE_NEXTHOP: &str = "
ip link add v0 type veth peer name v1
ip link set v0 addrgenmode none
ip link set v1 addrgenmode none
ip link set v0 up
ip link set v1 up
ip address add 192.0.2.100/24 dev v0
sysctl -qw net.ipv4.neigh.v0.app_solicit=1
bash -c 'echo x > /dev/udp/192.0.2.7/9'
ip neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev v0 nud permanent
ip neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev v0 nud noarp
ip neigh change 192.0.2.1 lladdr 02:00:00:00:00:03 dev v0 nud permanent
ip neigh replace 192.0.2.2 lladdr 02:00:00:00:00:04 dev v0 nud permanent
ip -6 neigh add 2001:db8::1 lladdr 02:00:00:00:00:05 dev v0 nud noarp router
ip -6 neigh add proxy 2001:db8::2 dev v1
ip neigh del 192.0.2.1 dev v0
ip -6 neigh del 2001:db8::1 dev v0
ip -6 neigh del proxy 2001:db8::2 dev v1
ip rule add pref 100 from 192.0.2.0/24 lookup 100
ip rule add pref 101 not fwmark 0x1/0xff iif v0 lookup 101
ip -6 rule add pref 102 to 2001:db8::/32 lookup 102 proto static
ip -6 rule add pref 103 from 2001:db8:1::/48 ipproto tcp dport 80 prohibit
ip rule del pref 100
ip -6 rule del pref 102
ip nexthop add id 1 via 192.0.2.9 dev v0 onlink
ip nexthop add id 2 dev v0
ip nexthop add id 3 blackhole
ip -6 nexthop add id 4 dev v1
ip nexthop replace id 1 via 192.0.2.10 dev v0 onlink proto static
ip nexthop add id 10 group 1/2,3
ip nexthop replace id 10 group 1,4/2
ip route add 198.51.100.0/24 nhid 10
ip nexthop del id 2
ip nexthop del id 10
ip -6 nexthop del id 4
ip neigh flush dev v0
ip link del v0
";

/// `mark`/`marked` for monitors without routes: a neighbour on pre0.
const NEIGH_MARKER: &str = "mark() { ip neigh add 2001:db8:ffff:$1::1 dev pre0 lladdr 02:00:00:00:ff:01 nud permanent; }
marked() { echo \"2001:db8:ffff:$1::1\"; }";

/// `monitor neigh rule nexthop`, bare `monitor` and `monitor all` print
/// these events as ip does, byte for byte; the marker is a neighbour.
#[test]
fn same_text_as_ip_for_neighbours_rules_and_nexthops() {
    if !can_isolate("monitor") {
        return;
    }
    let marker = NEIGH_MARKER;
    let seen = side_by_side_after(marker, "", "neigh rule nexthop", NEIGH_RULE_NEXTHOP);
    for want in ["miss 192.0.2.7 dev v0 ", "Deleted 192.0.2.1 ", "Deleted 100:\tfrom 192.0.2.0/24", "id 10 group 1,4/2 ", "Deleted id 4 "] {
        assert!(seen.0.contains(want), "ip printed no {want:?}:\n{}", seen.0);
    }
    assert_same("monitor neigh rule nexthop", seen);
    assert_same("monitor", side_by_side_after(marker, "", "", NEIGH_RULE_NEXTHOP));
    assert_same("-d -s monitor all", side_by_side_after(marker, "-d -s", "all", NEIGH_RULE_NEXTHOP));
    assert_same("-6 monitor label neigh rule nexthop", side_by_side_after(marker, "-6", "label neigh rule nexthop", NEIGH_RULE_NEXTHOP));
    assert_same("monitor neigh dev v0", side_by_side_after(&format!("ip link add v0 type veth peer name v1\n{}", marker.replace("pre0", "v0")), "", "neigh dev v0", &NEIGH_RULE_NEXTHOP.replacen("ip link add v0 type veth peer name v1\n", "", 1).replace("ip link del v0\n", "")));
}

/// As rtun, `-j monitor neigh rule nexthop`: one JSON object a line, with
/// the members `-j neigh|rule|nexthop show` print (and event, object).
#[test]
fn json_lines_for_neighbours_rules_and_nexthops() {
    if !can_isolate("monitor") {
        return;
    }
    let (neighs, rest) = NEIGH_RULE_NEXTHOP.split_once("ip neigh del 192.0.2.1 dev v0\n").expect("the script");
    let (before, rest) = rest.split_once("ip rule del pref 100\n").expect("the script");
    let (nexthops, after) = rest.split_once("ip nexthop del id 2\n").expect("the script");
    let script = format!(
        "{LIB}
{NEIGH_MARKER}
$RTUN -j monitor neigh rule nexthop > /run/j.out 2> /run/j.err & J=$!; PIDS=\"$PIDS $!\"
sync_on /run/j.out
{neighs}
echo '=== neigh'; $RTUN -j neigh show nud all
echo '=== neigh proxy'; $RTUN -j neigh show proxy
ip neigh del 192.0.2.1 dev v0
{before}
echo '=== rule'; $RTUN -j rule show
echo '=== rule6'; $RTUN -6 -j rule show
ip rule del pref 100
{nexthops}
echo '=== nexthop'; $RTUN -j nexthop show
ip nexthop del id 2
{after}
until_done 'mark ffff' \"$(marked ffff)\" /run/j.out
kill $J; wait
echo '=== events'; cat /run/j.out
echo '=== stderr'; cat /run/j.err"
    );
    let o = isolated("monitor-json-nrn", &script);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let parts = sections(&out);
    let events = &parts.iter().find(|(n, _)| n == "events").unwrap_or_else(|| panic!("{}", describe(&o))).1;
    assert!(out.ends_with("=== stderr\n"), "rtun wrote to stderr: {}", describe(&o));
    let extra: BTreeSet<String> = ["event", "object", "deleted", "miss"].iter().map(|s| s.to_string()).collect();
    let mut seen = BTreeSet::new();
    for line in events.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {e}: {line}"));
        let o = v.as_object().unwrap_or_else(|| panic!("not an object: {line}"));
        let object = o["object"].as_str().expect("object").to_string();
        let event = o["event"].as_str().expect("event").to_string();
        assert!(["neigh", "rule", "nexthop"].contains(&object.as_str()), "{line}");
        assert!(["new", "deleted", "get"].contains(&event.as_str()), "{line}");
        assert_eq!(o.contains_key("miss"), event == "get", "{line}");
        assert_eq!(o.contains_key("deleted"), event == "deleted", "{line}");
        let mut allowed: BTreeSet<String> = show_keys(&parts, &object).union(&extra).cloned().collect();
        if object == "neigh" {
            allowed.extend(show_keys(&parts, "neigh proxy"));
        }
        if object == "rule" {
            allowed.extend(show_keys(&parts, "rule6"));
        }
        let keys: BTreeSet<String> = o.keys().cloned().collect();
        let strange: Vec<&String> = keys.difference(&allowed).collect();
        assert!(strange.is_empty(), "{object} event members not in -j show: {strange:?}\n{line}");
        seen.insert((object, event));
    }
    assert!(seen.contains(&("neigh".to_string(), "get".to_string())), "no miss in:\n{events}");
    for object in ["neigh", "rule", "nexthop"] {
        for event in ["new", "deleted"] {
            assert!(seen.contains(&(object.to_string(), event.to_string())), "no {event} {object} event in:\n{events}");
        }
    }
    assert!(events.lines().any(|l| l.contains("\"group\":[{\"id\":1,\"weight\":4},{\"id\":2}]")), "{events}");
}

/// A capture written by iproute2's rtmon, replayed: the same text.
#[test]
fn rtmon_files_replay_as_ip_replays_them() {
    if !can_isolate("monitor") || !std::path::Path::new("/usr/sbin/rtmon").exists() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but rtmon is missing");
        return;
    }
    let small: String = changes().lines().take(300).map(|l| format!("{l}\n")).collect();
    let script = format!(
        "{LIB}
rtmon file /run/cap link address route & R=$!; PIDS=\"$PIDS $!\"
subscribed
sleep 0.2
{}
ip link add done type bridge
sleep 0.3
kill $R; wait
for a in '' label 'all-nsid link'; do
  echo \"=== $a\"; ip monitor file /run/cap $a; echo \"status $?\"
  echo '=== rtun'; $RTUN_AS_IP monitor file /run/cap $a; echo \"status $?\"
done
head -c 100 /run/cap > /run/cut
for f in nothing cut; do
  for who in ip $RTUN_AS_IP; do
    echo \"=== $f\"; $who monitor file /run/$f > /run/o 2> /run/e; echo \"status $?\"; cat /run/o; echo '-- stderr'; cat /run/e
  done
done
echo '=== json'; $RTUN -j monitor file /run/cap",
        batch(&small)
    );
    let o = isolated("monitor-file", &script);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains(" done: "), "{}", describe(&o));
    let parts = sections(&out);
    assert_eq!(parts.len(), 11, "{}", describe(&o));
    for pair in parts[..10].chunks(2) {
        let (ip, rtun) = (&pair[0].1, &pair[1].1);
        assert!(ip == rtun, "monitor file {:?}: {}", pair[0].0, first_difference(ip, rtun));
    }
    let json = &parts[10].1;
    let events: Vec<serde_json::Value> = json.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    assert!(events.iter().all(|e| e["timestamp"].is_string() || e["object"] == "link"), "rtmon's timestamps in the JSON");
    assert!(events.iter().any(|e| e["ifname"] == "done" && e["event"] == "new"));
}

/// Keys a `-j … show` object of the same kind may have, for each object.
fn show_keys(parts: &[(String, String)], name: &str) -> BTreeSet<String> {
    let text = &parts.iter().find(|(n, _)| n == name).expect("part").1;
    let doc: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    let mut keys = BTreeSet::new();
    for o in doc.as_array().expect("array") {
        let o = o.as_object().expect("object");
        keys.extend(o.keys().cloned());
        // `address show`: an address's members are inside addr_info.
        for a in o.get("addr_info").and_then(|a| a.as_array()).into_iter().flatten() {
            keys.extend(a.as_object().expect("address").keys().cloned());
        }
    }
    keys
}

/// As rtun, `-j monitor` prints one JSON object a line: the members `-j …
/// show` prints for that object, and event, object, timestamp.
#[test]
fn json_lines_with_the_members_of_show() {
    if !can_isolate("monitor") {
        return;
    }
    // All the changes of the text test (1,000 and more): as many JSON lines.
    let small = changes();
    let script = format!(
        "{LIB}
$RTUN -j -t monitor > /run/j.out 2> /run/j.err & J=$!; PIDS=\"$PIDS $!\"
sync_on /run/j.out
{}
ip link add br1 type bridge
ip link add br2 type bridge
ip link set br2 up
ip link set br1 name renamed
ip route add 198.51.100.0/24 dev br2
ip address add 192.0.2.250/24 dev br2
echo '=== link'; $RTUN -j -d link show
echo '=== address'; $RTUN -j address show
echo '=== route'; $RTUN -j route show table all
until_done 'ip link add done type bridge' '\"done\"' /run/j.out
ip link del br2
ip link add done2 type bridge
sleep 0.3
kill $J; wait
echo '=== events'; cat /run/j.out
echo '=== stderr'; cat /run/j.err",
        batch(&small)
    );
    let o = isolated("monitor-json", &script);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let parts = sections(&out);
    let events = &parts.iter().find(|(n, _)| n == "events").unwrap_or_else(|| panic!("{}", describe(&o))).1;
    assert!(out.ends_with("=== stderr\n"), "rtun wrote to stderr: {}", describe(&o));
    let mut objects = BTreeSet::new();
    let extra: BTreeSet<String> = ["event", "object", "timestamp", "deleted"].iter().map(|s| s.to_string()).collect();
    for line in events.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {e}: {line}"));
        let o = v.as_object().unwrap_or_else(|| panic!("not an object: {line}"));
        let object = o["object"].as_str().expect("object").to_string();
        assert!(["new", "deleted"].contains(&o["event"].as_str().expect("event")), "{line}");
        assert!(o["timestamp"].as_str().is_some_and(|t| t.len() == 26), "{line}");
        if ["link", "address", "route"].contains(&object.as_str()) {
            let allowed: BTreeSet<String> = show_keys(&parts, &object).union(&extra).cloned().collect();
            let mut keys: BTreeSet<String> = o.keys().cloned().collect();
            keys.remove("index");
            keys.remove("dev");
            let strange: Vec<&String> = keys.difference(&allowed).collect();
            assert!(strange.is_empty(), "{object} event members not in -j show: {strange:?}\n{line}");
        }
        objects.insert(object);
    }
    assert!(events.lines().count() >= 1000, "{} JSON lines for {} changes", events.lines().count(), small.lines().count());
    for want in ["link", "address", "route", "netconf"] {
        assert!(objects.contains(want), "no {want} event in:\n{events}");
    }
    assert!(events.lines().any(|l| l.contains("\"event\":\"deleted\"") && l.contains("\"ifname\":\"br2\"")), "{events}");
}

/// A burst larger than a small receive buffer: ip says what the kernel
/// said and goes on (as ip, rtun says the same); as rtun, a sentence on
/// stderr, a `{"event":"lost"}` line with -j, and events keep coming.
#[test]
fn lost_events_are_said_and_listening_goes_on() {
    if !can_isolate("monitor") {
        return;
    }
    let burst: String = (1..=200).map(|i| format!("address add 198.51.100.{i}/32 dev b0\n")).collect();
    let script = format!(
        "{LIB}
ip link add b0 type bridge
cat > /run/burst <<'EOF'
{burst}EOF
for who in ip \"$RTUN_AS_IP\" \"$RTUN\" \"$RTUN -j\"; do
  $who -rcvbuf 4096 monitor address link > /run/out 2> /run/err & M=$!; PIDS=\"$PIDS $!\"
  subscribed
  sleep 0.3
  kill -STOP $M
  ip -batch /run/burst
  kill -CONT $M
  sleep 0.3
  ip link add done type bridge
  n=0; while ! grep -q 'done' /run/out; do sleep 0.05; n=$((n+1)); [ $n -lt 200 ] || break; done
  kill $M; wait $M
  echo \"=== $who\"; cat /run/err; grep -c 'done' /run/out; grep -c lost /run/out
  ip link del done; ip address flush dev b0
done"
    );
    let o = isolated("monitor-lost", &script);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let parts: Vec<String> = sections(&out).into_iter().map(|(_, t)| t).collect();
    assert_eq!(parts.len(), 4, "{}", describe(&o));
    let enobufs = "netlink receive error No buffer space available (105)\n";
    assert!(parts[0].starts_with(enobufs), "ip: {}", parts[0]);
    assert_eq!(parts[0], parts[1], "as ip");
    assert!(parts[2].contains("events were lost") && parts[2].ends_with("\n1\n0\n"), "as rtun: {}", parts[2]);
    assert!(parts[3].ends_with("\n1\n1\n"), "as rtun -j: {}", parts[3]);
}

/// The README's Nushell example runs: `rtun -j monitor link | lines |
/// each { from json } | …` (tests/shells/monitor.nu).
#[test]
fn readme_nushell_monitor_example() {
    if !can_isolate("monitor") {
        return;
    }
    if std::process::Command::new("nu").arg("--version").output().is_err() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but nu is not installed");
        return;
    }
    let nu = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shells/monitor.nu");
    let readme = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    let example = std::fs::read_to_string(&nu).expect("monitor.nu");
    let line = example.lines().find(|l| l.contains("rtun -j monitor")).expect("the example line").trim();
    assert!(readme.contains(line), "README should show the line monitor.nu runs:\n{line}");
    let script = format!(
        "{LIB}
PATH=$(dirname $RTUN):$PATH timeout 30 nu -n {} > /run/nu.out 2>&1 & N=$!; PIDS=\"$PIDS $!\"
subscribed
sleep 0.3
ip link add b1 type bridge
ip link add b2 type bridge
ip link set b1 up
ip link del b2
ip link add done type bridge
sleep 0.3
ip link add after type bridge
wait $N
cat /run/nu.out",
        nu.display()
    );
    let o = isolated("monitor-nu", &script);
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim_end(), "b1,b2", "{}", describe(&o));
}
