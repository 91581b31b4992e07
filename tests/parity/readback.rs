//! Reading a namespace's state back with the real `ip`, as JSON, normalised
//! so that two namespaces built the same way compare equal.

use std::collections::HashSet;
use std::net::Ipv6Addr;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::netns::{Netns, REAL_IP};

/// What is read back, in one `ip -batch` run (a readback follows every
/// setup and every step, so process starts matter): links with details,
/// addresses, and the routes of all tables, which `route show table all`
/// lists for both families (split by `split_routes`), the IPv4 rules
/// (one batch has one family: IPv6 rules are compared by `-6 rule show`
/// steps in the case files), then the neighbours in every state (`nud
/// all`) and the proxy entries. `-d` applies to every list; it only adds
/// fields.
const READBACK_ARGS: &[&str] = &["-d", "-j", "-batch", "-"];
const READBACK_BATCH: &str = "link show\naddr show\nroute show table all\nrule show\nneigh show nud all\nneigh show proxy\n";

/// Setups and cases give links MACs in 02:00:00:00:xx:xx. Any other locally
/// administered unicast MAC was made up by the kernel (a link created without
/// `address`) and differs between namespaces, so it is masked.
const FIXED_MAC_PREFIX: [u8; 4] = [0x02, 0x00, 0x00, 0x00];

/// Kernel work after a change (carrier/operstate via linkwatch, qdisc
/// activation, IPv6 address setup) is asynchronous: wait at most this long.
/// (Generous: on a loaded 2-core machine eight workers share the CPU.)
const SETTLE_TIMEOUT: Duration = Duration::from_secs(20);
/// Two reads this far apart must agree before the state counts as settled.
const SETTLE_GAP: Duration = Duration::from_millis(15);

/// A namespace's normalised state: links, addresses, IPv4 and IPv6 routes.
#[derive(Clone, Debug)]
pub struct Snapshot {
    parts: Vec<(&'static str, Value)>,
    /// Kernel work seen still in flight (see `pending_change`).
    pending: Option<String>,
    /// Links with kernel-random MACs, to mask command output (not compared).
    random_links: Vec<RandomLink>,
}

/// Two snapshots are equal when the normalised state is.
impl PartialEq for Snapshot {
    fn eq(&self, other: &Snapshot) -> bool {
        self.parts == other.parts && self.pending == other.pending
    }
}

/// A link whose MAC the kernel made up, and the IPv6 link-local address
/// derived from it, as ip prints them.
#[derive(Clone, Debug)]
struct RandomLink {
    ifname: String,
    mac: String,
    link_local: String,
}

/// One part that differs between two snapshots, pretty-printed.
pub struct PartDiff {
    pub name: &'static str,
    pub expected: String,
    pub got: String,
}

impl Snapshot {
    /// Reads the state of `ns` once, normalised.
    pub fn read(ns: &Netns) -> Result<Snapshot, String> {
        let [links, addresses, routes, rules, neighbours, proxies]: [Value; 6] = read_json(ns, READBACK_ARGS, READBACK_BATCH)?
            .try_into()
            .map_err(|v: Vec<Value>| format!("readback printed {} JSON lists, not 6", v.len()))?;
        let (ipv4, ipv6) = split_routes(routes);
        let parts = vec![
            ("links", links),
            ("addresses", addresses),
            ("ipv4 routes", ipv4),
            ("ipv6 routes", ipv6),
            ("ipv4 rules", rules),
            ("neighbours", neighbours),
            ("proxy neighbours", proxies),
        ];
        let mut snapshot = Snapshot {
            parts,
            pending: None,
            random_links: Vec::new(),
        };
        snapshot.pending = snapshot.pending_change();
        snapshot.random_links = snapshot.find_random_links();
        snapshot.normalise();
        Ok(snapshot)
    }

    /// Waits until the kernel has finished reacting to the last change, and
    /// returns the settled state: nothing pending, and the same on two reads
    /// SETTLE_GAP apart. A first read equal to one of the `known` settled
    /// states needs no second read: the state before the last command (so
    /// the command changed nothing), or the twin namespace's settled state
    /// (the kernel's follow-up work is the same in both).
    pub fn settle(ns: &Netns, known: &[&Snapshot]) -> Result<Snapshot, String> {
        let deadline = Instant::now() + SETTLE_TIMEOUT;
        let mut previous: Option<Snapshot> = None;
        loop {
            let current = Snapshot::read(ns)?;
            let seen = |s: &Snapshot| *s == current;
            let stable = previous.as_ref().is_some_and(seen) || known.iter().copied().any(seen);
            if stable && current.pending.is_none() {
                return Ok(current);
            }
            if Instant::now() > deadline {
                let why = current
                    .pending
                    .unwrap_or_else(|| "state keeps changing".into());
                return Err(format!(
                    "namespace did not settle within {SETTLE_TIMEOUT:?}: {why}"
                ));
            }
            previous = Some(current);
            thread::sleep(SETTLE_GAP);
        }
    }

    /// The parts in which `self` (expected) and `got` differ.
    pub fn diff(&self, got: &Snapshot) -> Vec<PartDiff> {
        let mut diffs = Vec::new();
        for (name, expected) in &self.parts {
            let actual = got.part(name);
            if actual != Some(expected) {
                diffs.push(PartDiff {
                    name,
                    expected: pretty(Some(expected)),
                    got: pretty(actual),
                });
            }
        }
        diffs
    }

    fn part(&self, name: &str) -> Option<&Value> {
        self.parts.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Describes kernel work still in flight, judged from link flags:
    /// - an UP link whose carrier (LOWER_UP) and operstate (no NO-CARRIER)
    ///   disagree is waiting for linkwatch, which can take up to a second
    ///   (bridges);
    /// - an UP link with carrier still on the `noop` qdisc awaits activation;
    /// - a `tentative` IPv6 address on a link with carrier awaits the
    ///   (disabled, hence immediate) DAD completion.
    fn pending_change(&self) -> Option<String> {
        // The address list repeats each link's flags, with its addresses.
        let links = self.part("addresses")?.as_array()?;
        for link in links {
            let name = link.get("ifname").and_then(Value::as_str).unwrap_or("?");
            let flags: Vec<&str> = link
                .get("flags")
                .and_then(Value::as_array)
                .map(|f| f.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if !flags.contains(&"UP") {
                continue;
            }
            let carrier = flags.contains(&"LOWER_UP");
            if carrier == flags.contains(&"NO-CARRIER") {
                return Some(format!("{name}: operstate does not match carrier yet"));
            }
            if carrier && link.get("qdisc").and_then(Value::as_str) == Some("noop") {
                return Some(format!("{name}: qdisc not activated yet"));
            }
            let tentative = link
                .get("addr_info")
                .and_then(Value::as_array)
                .is_some_and(|addrs| addrs.iter().any(|a| a.get("tentative").is_some()));
            if carrier && tentative {
                return Some(format!("{name}: IPv6 address still tentative"));
            }
        }
        None
    }

    /// Removes what legitimately differs between two namespaces built the
    /// same way, and nothing a command under test can set:
    /// 1. `ifindex`/`link_index`: allocation order is not part of parity;
    /// 2. `stats`/`stats64`: background traffic (MLD, ...) varies;
    /// 3. lifetimes of addresses that are not `forever`, and the `expires`
    ///    of IPv6 routes: they count down, so only "finite" is kept;
    /// 4. bridge `*_timer` values: they run continuously;
    /// 5. kernel-made random MACs (see FIXED_MAC_PREFIX), and the IPv6
    ///    link-local addresses derived from them (EUI-64);
    /// 6. in the address list, the link fields that repeat the link list
    ///    (only `ifname` and `addr_info` are kept), to keep diffs short;
    /// 7. the order of adjacent IPv6 routes that differ only in `dev`: the
    ///    kernel adds per-link routes (fe80::/64, ff00::/8) when linkwatch
    ///    gets to each link, in no fixed order;
    /// 8. neighbours of multicast addresses (the kernel makes them when it
    ///    sends IGMP/MLD reports, at random moments), proxy entries without
    ///    a device (see below), and the order of the neighbour lists (hash
    ///    order: each namespace's hash is seeded at random).
    fn normalise(&mut self) {
        let random_ids = self.random_interface_ids();
        for (name, value) in &mut self.parts {
            if *name == "addresses" {
                keep_only_addresses(value);
            }
            normalise_value(value, &random_ids);
            if *name == "ipv6 routes" {
                if let Value::Array(routes) = value {
                    sort_runs_by_dev(routes);
                }
            }
            if name.ends_with("neighbours") {
                if let Value::Array(entries) = value {
                    entries.retain(|e| !e.get("dst").and_then(Value::as_str).is_some_and(is_multicast));
                    if *name == "proxy neighbours" {
                        // Proxy entries without a device: this kernel's proxy
                        // dump now and then shows one no command made (the
                        // shared table, read while other namespaces go).
                        entries.retain(|e| e.get("dev").is_some());
                    }
                    entries.sort_by_key(|e| e.to_string());
                }
            }
        }
    }

    /// EUI-64 interface ids of the links whose MAC was made up by the kernel.
    fn random_interface_ids(&self) -> HashSet<[u8; 8]> {
        let ids = self.random_links.iter().filter_map(|l| parse_mac(&l.mac));
        ids.map(|mac| eui64(&mac)).collect()
    }

    /// The links (before normalisation) whose MAC the kernel made up.
    fn find_random_links(&self) -> Vec<RandomLink> {
        let links = self
            .part("links")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        links
            .filter_map(|link| {
                let ifname = link.get("ifname")?.as_str()?;
                let mac = link.get("address")?.as_str()?;
                let octets = parse_mac(mac).filter(is_random_mac)?;
                let mut ll = [0u8; 16];
                ll[..2].copy_from_slice(&[0xfe, 0x80]);
                ll[8..].copy_from_slice(&eui64(&octets));
                let link_local = Ipv6Addr::from(ll).to_string();
                Some(RandomLink {
                    ifname: ifname.into(),
                    mac: mac.into(),
                    link_local,
                })
            })
            .collect()
    }
}

/// Replaces, in a command's output, the kernel-random MACs of the links in
/// `states` and the link-local addresses derived from them by placeholders
/// naming the link. Applied to the output of ip and rtun in twin namespaces,
/// it makes setups that leave some MACs random comparable; placeholders
/// still differ if the two programs print different links' addresses.
pub fn mask_random_links(output: &[u8], states: &[&Snapshot]) -> Vec<u8> {
    if states.iter().all(|s| s.random_links.is_empty()) {
        return output.to_vec();
    }
    let mut text = String::from_utf8_lossy(output).into_owned();
    for link in states.iter().flat_map(|s| &s.random_links) {
        text = text.replace(&link.mac, &format!("<random MAC of {}>", link.ifname));
        text = text.replace(
            &link.link_local,
            &format!("<link-local of {}>", link.ifname),
        );
    }
    text.into_bytes()
}

/// A neighbour's address in 224.0.0.0/4 or ff00::/8.
fn is_multicast(dst: &str) -> bool {
    dst.parse::<std::net::IpAddr>().is_ok_and(|a| a.is_multicast())
}

/// Reduces each entry of an address list to its link name and addresses.
fn keep_only_addresses(list: &mut Value) {
    for link in list.as_array_mut().into_iter().flatten() {
        if let Value::Object(map) = link {
            map.retain(|key, _| key == "ifname" || key == "addr_info");
        }
    }
}

/// Splits a route list into IPv4 and IPv6 routes. The kernel reports
/// IPv6 routes with a router preference (`pref`), IPv4 routes never.
fn split_routes(routes: Value) -> (Value, Value) {
    let routes = match routes {
        Value::Array(routes) => routes,
        other => return (other, Value::Array(Vec::new())),
    };
    let (ipv6, ipv4): (Vec<Value>, Vec<Value>) = routes
        .into_iter()
        .partition(|route| route.get("pref").is_some());
    (Value::Array(ipv4), Value::Array(ipv6))
}

/// Runs real ip with `args` and `input` on stdin; parses the JSON documents it prints.
fn read_json(ns: &Netns, args: &[&str], input: &str) -> Result<Vec<Value>, String> {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let out = ns.run_with_input(Path::new(REAL_IP), &args, input.as_bytes());
    let command = format!("ip {}", args.join(" "));
    if !out.status.success() {
        return Err(format!("readback `{command}` failed: {}", out.summary()));
    }
    serde_json::Deserializer::from_slice(&out.stdout)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .map_err(|e| format!("readback `{command}`: bad JSON: {e}"))
}

/// Sorts each run of adjacent routes that are equal but for `dev` by `dev`.
fn sort_runs_by_dev(routes: &mut [Value]) {
    let without_dev = |route: &Value| {
        let mut route = route.clone();
        if let Value::Object(map) = &mut route {
            map.remove("dev");
        }
        route
    };
    let dev = |route: &Value| {
        route
            .get("dev")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let mut start = 0;
    while start < routes.len() {
        let key = without_dev(&routes[start]);
        let len = routes[start..]
            .iter()
            .take_while(|r| without_dev(r) == key)
            .count();
        routes[start..start + len].sort_by_key(dev);
        start += len;
    }
}

fn pretty(value: Option<&Value>) -> String {
    match value {
        Some(v) => serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("<{e}>")) + "\n",
        None => "<missing>\n".into(),
    }
}

/// Applies the normalisations listed on `Snapshot::normalise`, recursively.
fn normalise_value(value: &mut Value, random_ids: &HashSet<[u8; 8]>) {
    match value {
        Value::Object(map) => {
            for key in ["ifindex", "link_index", "stats", "stats64"] {
                map.remove(key);
            }
            map.retain(|key, _| !key.ends_with("_timer"));
            for key in ["valid_life_time", "preferred_life_time", "expires"] {
                if let Some(v) = map.get_mut(key) {
                    if v.as_u64() != Some(u64::from(u32::MAX)) {
                        *v = Value::String("finite".into());
                    }
                }
            }
            for v in map.values_mut() {
                normalise_value(v, random_ids);
            }
        }
        Value::Array(items) => {
            for v in items {
                normalise_value(v, random_ids);
            }
        }
        Value::String(s) => {
            if let Some(masked) = mask_random(s, random_ids) {
                *s = masked;
            }
        }
        _ => {}
    }
}

/// The masked form of a string holding a random MAC (optionally behind a
/// bridge priority, `8000.2:0:0:0:0:2`) or a link-local address derived from one.
fn mask_random(s: &str, random_ids: &HashSet<[u8; 8]>) -> Option<String> {
    let (prefix, mac) = s.split_once('.').unwrap_or(("", s));
    if parse_mac(mac).is_some_and(|m| is_random_mac(&m)) {
        let dot = if prefix.is_empty() { "" } else { "." };
        return Some(format!("{prefix}{dot}<random-mac>"));
    }
    let addr: Ipv6Addr = s.parse().ok()?;
    let octets = addr.octets();
    let link_local = octets[..8] == [0xfe, 0x80, 0, 0, 0, 0, 0, 0];
    let id: [u8; 8] = octets[8..].try_into().ok()?;
    (link_local && random_ids.contains(&id)).then(|| "fe80::<random-eui64>".into())
}

/// Parses `02:00:00:00:00:01`, also as ip prints it inside bridge ids (`2:0:0:0:0:1`).
fn parse_mac(s: &str) -> Option<[u8; 6]> {
    let mut mac = [0u8; 6];
    let mut parts = s.split(':');
    for byte in &mut mac {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 2 {
            return None;
        }
        *byte = u8::from_str_radix(part, 16).ok()?;
    }
    parts.next().is_none().then_some(mac)
}

/// Locally administered unicast, outside the range the cases use.
fn is_random_mac(mac: &[u8; 6]) -> bool {
    let local_unicast = mac[0] & 0x03 == 0x02;
    local_unicast && mac[..4] != FIXED_MAC_PREFIX
}

/// The modified EUI-64 interface id the kernel derives from a MAC.
fn eui64(mac: &[u8; 6]) -> [u8; 8] {
    [
        mac[0] ^ 0x02,
        mac[1],
        mac[2],
        0xff,
        0xfe,
        mac[3],
        mac[4],
        mac[5],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn recognises_kernel_random_macs() {
        let random = |s: &str| parse_mac(s).is_some_and(|m| is_random_mac(&m));
        assert!(random("de:a9:12:a1:0a:65"));
        assert!(random("2:a0:47:ac:65:f5"));
        assert!(!random("02:00:00:00:00:01"), "fixed test range");
        assert!(!random("00:11:22:33:44:55"), "universally administered");
        assert!(!random("ff:ff:ff:ff:ff:ff"));
        assert!(!random("33:33:00:00:00:01"), "multicast");
        assert!(!random("192.0.2.1"));
        assert_eq!(
            eui64(&[0x02, 0, 0, 0, 0, 0x01]),
            [0, 0, 0, 0xff, 0xfe, 0, 0, 0x01]
        );
    }

    #[test]
    fn masks_random_macs_and_their_link_locals() {
        let ids: HashSet<[u8; 8]> = [eui64(&[0xde, 0xa9, 0x12, 0xa1, 0x0a, 0x65])].into();
        assert_eq!(
            mask_random("de:a9:12:a1:0a:65", &ids).as_deref(),
            Some("<random-mac>")
        );
        assert_eq!(
            mask_random("8000.de:a9:12:a1:a:65", &ids).as_deref(),
            Some("8000.<random-mac>")
        );
        let ll = "fe80::dca9:12ff:fea1:a65";
        assert_eq!(
            mask_random(ll, &ids).as_deref(),
            Some("fe80::<random-eui64>")
        );
        assert_eq!(mask_random("fe80::ff:fe00:1", &ids), None);
        assert_eq!(mask_random("2001:db8::dca9:12ff:fea1:a65", &ids), None);
    }

    #[test]
    fn normalises_counters_lifetimes_and_timers() {
        let mut value = json!([{
            "ifindex": 3, "ifname": "v0", "stats64": {"rx": 1},
            "linkinfo": {"info_data": {"gc_timer": 1.5, "forward_delay": 1500}},
            "addr_info": [
                {"local": "192.0.2.1", "valid_life_time": 4294967295u32, "preferred_life_time": 10},
            ],
        }]);
        normalise_value(&mut value, &HashSet::new());
        assert_eq!(
            value,
            json!([{
                "ifname": "v0",
                "linkinfo": {"info_data": {"forward_delay": 1500}},
                "addr_info": [
                    {"local": "192.0.2.1", "valid_life_time": 4294967295u32, "preferred_life_time": "finite"},
                ],
            }])
        );
    }

    #[test]
    fn sorts_only_routes_that_differ_in_dev() {
        let mut routes = vec![
            json!({"dst": "fe80::/64", "dev": "v1"}),
            json!({"dst": "fe80::/64", "dev": "v0"}),
            json!({"dst": "2001:db8::/64", "dev": "v1"}),
            json!({"dst": "fe80::/64", "dev": "v0", "metric": 5}),
        ];
        sort_runs_by_dev(&mut routes);
        let devs: Vec<&str> = routes
            .iter()
            .map(|r| r["dev"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(devs, ["v0", "v1", "v1", "v0"]);
    }

    #[test]
    fn splits_routes_by_family() {
        let routes = json!([{"dst": "default"}, {"dst": "default", "pref": "medium"}]);
        let (v4, v6) = split_routes(routes);
        assert_eq!(v4, json!([{"dst": "default"}]));
        assert_eq!(v6, json!([{"dst": "default", "pref": "medium"}]));
    }
}
