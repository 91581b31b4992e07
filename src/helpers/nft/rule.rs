//! rtun's firewall rules as a model: the ip-style words `add`/`del` take
//! are parsed into a `Rule`, and a `Rule` is printed back as the same
//! words (so `rtun nft show` output can be pasted after `rtun nft add`).

use std::net::IpAddr;

use super::protocols;
use crate::helpers::nft::grammar::{ACTIONS, MATCHES};
use crate::cli::options::Family;
use crate::cli::words::{lookup, Words};
use crate::error::{duparg, duparg2, incomplete, invarg, missarg, Error, Result};

/// An address prefix with its host bits cleared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Net {
    pub addr: IpAddr,
    pub len: u8,
}

impl Net {
    pub fn new(addr: IpAddr, len: u8) -> Net {
        let addr = match addr {
            IpAddr::V4(a) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
                IpAddr::V4((u32::from(a) & mask).into())
            }
            IpAddr::V6(a) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(len)).unwrap_or(0);
                IpAddr::V6((u128::from(a) & mask).into())
            }
        };
        Net { addr, len }
    }

    pub fn full_len(&self) -> u8 {
        if self.addr.is_ipv4() { 32 } else { 128 }
    }

    pub fn is_v6(&self) -> bool {
        self.addr.is_ipv6()
    }
}

impl std::fmt::Display for Net {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.len == self.full_len() {
            write!(f, "{}", self.addr)
        } else {
            write!(f, "{}/{}", self.addr, self.len)
        }
    }
}

/// What a rule does; each kind lives in one of rtun's chains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Accept packets of `proto` addressed to this host (chain `input`).
    Accept { proto: u8 },
    /// Accept forwarded packets (chain `forward`).
    Forward,
    /// Source NAT to the outgoing interface's address (chain `postrouting`).
    Masquerade,
    /// Source NAT to a fixed address (chain `postrouting`).
    Snat { to: IpAddr },
    /// Destination NAT of a TCP/UDP port (chain `prerouting`).
    Dnat { proto: u8, dport: u16, to: IpAddr, to_port: Option<u16> },
    /// Clamp the MSS of forwarded SYNs to the route's MTU or to `mss`
    /// (chain `mss`).
    ClampMss { mss: Option<u16> },
}

/// One rule of rtun's table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub action: Action,
    pub src: Option<Net>,
    pub dst: Option<Net>,
    pub iif: Option<String>,
    pub oif: Option<String>,
}

impl Rule {
    pub fn new(action: Action) -> Rule {
        Rule { action, src: None, dst: None, iif: None, oif: None }
    }

    /// The first word: the name of the action.
    pub fn action_word(&self) -> &'static str {
        match self.action {
            Action::Accept { .. } => "accept",
            Action::Forward => "forward",
            Action::Masquerade => "masquerade",
            Action::Snat { .. } => "snat",
            Action::Dnat { .. } => "dnat",
            Action::ClampMss { .. } => "clamp-mss",
        }
    }

    /// The address family the rule is restricted to, if any.
    pub fn family(&self) -> Option<Family> {
        let net = self.src.or(self.dst)?;
        Some(if net.is_v6() { Family::Inet6 } else { Family::Inet })
    }

    /// The rule in rtun's words, as `add` takes them.
    pub fn words(&self) -> String {
        let mut w = vec![self.action_word().to_string()];
        match &self.action {
            Action::Accept { proto } => w.extend(["proto".into(), protocols::name(*proto)]),
            Action::Snat { to } => w.extend(["to".into(), to.to_string()]),
            Action::Dnat { proto, dport, to, to_port } => {
                w.extend(["proto".into(), protocols::name(*proto), "dport".into(), dport.to_string(), "to".into()]);
                w.push(match (to, to_port) {
                    (IpAddr::V6(a), Some(p)) => format!("[{a}]:{p}"),
                    (a, Some(p)) => format!("{a}:{p}"),
                    (a, None) => a.to_string(),
                });
            }
            Action::Forward | Action::Masquerade | Action::ClampMss { .. } => {}
        }
        for (key, value) in [
            ("src", self.src.map(|n| n.to_string())),
            ("dst", self.dst.map(|n| n.to_string())),
            ("iif", self.iif.clone()),
            ("oif", self.oif.clone()),
        ] {
            if let Some(v) = value {
                w.extend([key.to_string(), v]);
            }
        }
        if let Action::ClampMss { mss: Some(n) } = self.action {
            w.extend(["mss".into(), n.to_string()]);
        }
        w.join(" ")
    }
}

/// Which keywords each action accepts (besides the action's own).
fn allowed(action: &str, key: &str) -> bool {
    let allow: &[&str] = match action {
        "accept" => &["proto", "src", "dst", "iif"],
        "forward" => &["src", "dst", "iif", "oif"],
        "masquerade" => &["src", "dst", "oif"],
        "snat" => &["to", "src", "dst", "oif"],
        "dnat" => &["proto", "dport", "to", "src", "dst", "iif"],
        "clamp-mss" => &["iif", "oif", "mss"],
        _ => &[],
    };
    allow.contains(&key)
}

/// The values seen on the command line, before they make a rule.
#[derive(Default)]
struct Seen<'a> {
    proto: Option<(u8, &'a str)>,
    dport: Option<u16>,
    to: Option<(IpAddr, Option<u16>, &'a str)>,
    mss: Option<u16>,
}

/// Parse `ACTION [KEY VALUE]…` into a rule. `family` is `-4`/`-6`.
pub fn parse(args: &[String], family: Family) -> Result<Rule> {
    let mut w = Words::new(args);
    let first = w.next().ok_or_else(incomplete)?;
    let action = lookup(first, ACTIONS)
        .and_then(|k| k.names.first())
        .map(|n| n.text)
        .ok_or_else(|| invarg("unknown rule type: expected accept, forward, masquerade, snat, dnat or clamp-mss", first))?;
    let mut rule = Rule::new(Action::Forward);
    let mut seen = Seen::default();
    let mut last = action;
    while let Some(word) = w.next() {
        let Some(key) = lookup(word, MATCHES).and_then(|k| k.names.first()).map(|n| n.text) else {
            return Err(duparg2(last, word));
        };
        if !allowed(action, key) {
            return Err(duparg2(last, word));
        }
        let value = w.value()?;
        let dup = match key {
            "proto" => seen.proto.replace((protocols::parse(value).ok_or_else(|| invarg("unknown protocol", value))?, value)).is_some(),
            "src" => rule.src.replace(prefix(value, family)?).is_some(),
            "dst" => rule.dst.replace(prefix(value, family)?).is_some(),
            "iif" => rule.iif.replace(ifname(key, value)?).is_some(),
            "oif" => rule.oif.replace(ifname(key, value)?).is_some(),
            "dport" => seen.dport.replace(port(value)?).is_some(),
            "mss" => seen.mss.replace(mss(value)?).is_some(),
            "to" => {
                let (a, p) = target(value, family, action == "dnat")?;
                seen.to.replace((a, p, value)).is_some()
            }
            _ => return Err(duparg2(last, word)),
        };
        if dup {
            return Err(duparg(key, value));
        }
        last = key;
    }
    rule.action = build_action(action, &seen)?;
    check_families(&rule)?;
    Ok(rule)
}

fn build_action(action: &str, seen: &Seen) -> Result<Action> {
    Ok(match action {
        "accept" => Action::Accept { proto: seen.proto.ok_or_else(|| missarg("proto"))?.0 },
        "forward" => Action::Forward,
        "masquerade" => Action::Masquerade,
        "snat" => Action::Snat { to: seen.to.ok_or_else(|| missarg("to"))?.0 },
        "dnat" => {
            let (proto, word) = seen.proto.ok_or_else(|| missarg("proto"))?;
            if proto != protocols::TCP && proto != protocols::UDP {
                return Err(invarg("dnat needs proto tcp or udp", word));
            }
            let dport = seen.dport.ok_or_else(|| missarg("dport"))?;
            let (to, to_port, _) = seen.to.ok_or_else(|| missarg("to"))?;
            Action::Dnat { proto, dport, to, to_port }
        }
        _ => Action::ClampMss { mss: seen.mss },
    })
}

/// An inet table matches one family per rule: src, dst and the NAT
/// address must agree.
fn check_families(rule: &Rule) -> Result<()> {
    let to = match &rule.action {
        Action::Snat { to } | Action::Dnat { to, .. } => Some(*to),
        _ => None,
    };
    let mut seen: Option<(bool, &str, String)> = None;
    let items = [
        ("src", rule.src.map(|n| (n.is_v6(), n.to_string()))),
        ("dst", rule.dst.map(|n| (n.is_v6(), n.to_string()))),
        ("to", to.map(|a| (a.is_ipv6(), a.to_string()))),
    ];
    for (key, item) in items {
        let Some((v6, text)) = item else { continue };
        match &seen {
            Some((first_v6, first_key, first_text)) if *first_v6 != v6 => {
                return Err(Error::Usage(format!(
                    "Error: \"{key} {text}\" is not of the same family as \"{first_key} {first_text}\"."
                )));
            }
            Some(_) => {}
            None => seen = Some((v6, key, text)),
        }
    }
    Ok(())
}

fn family_word(family: Family) -> &'static str {
    if family == Family::Inet6 { "inet6" } else { "inet" }
}

/// `ADDR[/LEN]`, IPv4 or IPv6 (or only one with `-4`/`-6`).
fn prefix(value: &str, family: Family) -> Result<Net> {
    let want = if matches!(family, Family::Inet | Family::Inet6) { family } else { Family::Unspec };
    let bad = || Error::Fatal(format!("Error: {} prefix is expected rather than \"{value}\".", family_word(want)));
    let p = crate::parse::get_prefix_1(value, want).ok_or_else(bad)?;
    let ip = p.ip().ok_or_else(bad)?;
    Ok(Net::new(ip, p.len))
}

/// `ADDR`, or for dnat `ADDR:PORT` / `[ADDR6]:PORT`.
fn target(value: &str, family: Family, with_port: bool) -> Result<(IpAddr, Option<u16>)> {
    let want = if matches!(family, Family::Inet | Family::Inet6) { family } else { Family::Unspec };
    let bad = || Error::Fatal(format!("Error: {} address is expected rather than \"{value}\".", family_word(want)));
    let (addr, port_word) = if let Some(rest) = value.strip_prefix('[') {
        let (a, tail) = rest.split_once(']').ok_or_else(bad)?;
        match tail {
            "" => (a, None),
            t => (a, Some(t.strip_prefix(':').ok_or_else(bad)?)),
        }
    } else if value.matches(':').count() == 1 {
        let (a, p) = value.split_once(':').ok_or_else(bad)?;
        (a, Some(p))
    } else {
        (value, None)
    };
    let p = match crate::parse::get_addr_1(addr, want) {
        Some(crate::parse::Addr::Ip(ip)) => ip,
        _ => return Err(bad()),
    };
    let port_value = match port_word {
        Some(_) if !with_port => return Err(bad()),
        Some(w) => Some(port(w)?),
        None => None,
    };
    Ok((p, port_value))
}

fn port(value: &str) -> Result<u16> {
    match crate::parse::get_u16(value, 0) {
        Some(p) if p > 0 => Ok(p),
        _ => Err(invarg("invalid port", value)),
    }
}

fn mss(value: &str) -> Result<u16> {
    match crate::parse::get_u16(value, 0) {
        Some(n) if n > 0 => Ok(n),
        _ => Err(invarg("invalid mss", value)),
    }
}

/// An interface name as iproute2 accepts it (`check_ifname`), counted in
/// the bytes it stands for (`cli::bytes`: a name need not be UTF-8).
/// A name the kernel would give a device (`dev_valid_name`), as bytes:
/// what `iif` and `oif` take, and all that a rule rtun wrote can hold.
pub fn valid_ifname(b: &[u8]) -> bool {
    !b.is_empty()
        && b.len() < 16
        && b != b"."
        && b != b".."
        // A NUL (possible in a -batch line) would end the name in the kernel.
        && !b.iter().any(|&c| c == b'/' || c == b':' || c == 0 || c.is_ascii_whitespace())
}

fn ifname(key: &str, value: &str) -> Result<String> {
    if valid_ifname(&crate::cli::bytes::bytes(value)) {
        Ok(value.to_string())
    } else {
        Err(invarg(&format!("\"{key}\" not a valid ifname"), value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn parse_ok(s: &str) -> Rule {
        match parse(&words(s), Family::Unspec) {
            Ok(r) => r,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    fn parse_err(s: &str) -> String {
        match parse(&words(s), Family::Unspec) {
            Ok(r) => panic!("{s} parsed as {r:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn words_round_trip() {
        for line in [
            "accept proto gre",
            "accept proto gre src 10.0.0.0/8 iif eth0",
            "accept proto 99 src 2001:db8::/32",
            "forward src 10.0.0.0/8 dst 192.168.1.0/24 iif a oif b",
            "masquerade src 10.0.0.0/8 oif eth0",
            "snat to 1.2.3.4 src 10.0.0.0/8",
            "dnat proto tcp dport 8080 to 10.0.0.2:80 iif eth0",
            "dnat proto udp dport 53 to [2001:db8::2]:5353",
            "dnat proto tcp dport 22 to 2001:db8::2",
            "clamp-mss oif wg0 mss 1360",
            "clamp-mss",
        ] {
            assert_eq!(parse_ok(line).words(), line);
        }
    }

    #[test]
    fn abbreviations_and_host_bits() {
        assert_eq!(parse_ok("masq s 10.1.2.3/8").words(), "masquerade src 10.0.0.0/8");
        assert_eq!(parse_ok("a p gre s 10.1.2.3").words(), "accept proto gre src 10.1.2.3");
    }

    #[test]
    fn bad_input_messages() {
        assert_eq!(parse_err("accept proto nope"), "Error: argument \"nope\" is wrong: unknown protocol");
        assert_eq!(parse_err("forward src 10.0.0.300"), "Error: inet prefix is expected rather than \"10.0.0.300\".");
        assert_eq!(parse_err("forward src 10.0.0.0/8 bogus"), "Error: either \"src\" is duplicate, or \"bogus\" is a garbage.");
        assert_eq!(parse_err("forward src 1.0.0.0/8 src 2.0.0.0/8"), "Error: duplicate \"src\": \"2.0.0.0/8\" is the second value.");
        assert_eq!(parse_err("masquerade iif eth0"), "Error: either \"masquerade\" is duplicate, or \"iif\" is a garbage.");
        assert!(parse_err("forward src").starts_with("Command line is not complete"));
        assert_eq!(parse_err("accept src 10.0.0.0/8"), "Error: argument \"proto\" is required");
        assert_eq!(parse_err("dnat proto gre dport 1 to 1.2.3.4"), "Error: argument \"gre\" is wrong: dnat needs proto tcp or udp");
        assert!(parse_err("forward src 10.0.0.0/8 dst 2001:db8::/32").contains("same family"));
        assert!(parse_err("snat to 1.2.3.4:80").contains("address is expected"));
        assert!(parse_err("frobnicate").contains("unknown rule type"));
    }
}
