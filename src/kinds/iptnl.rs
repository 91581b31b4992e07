//! `ipip` and `sit`: IPv4 and IPv6 over IPv4 (iproute2's link_iptnl.c),
//! with sit's ISATAP and 6rd settings.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};


use super::gre::apply_opt;
use super::tunnel_attrs::{iptun as attr, IPPROTO_IPIP, IPPROTO_IPV6, IPPROTO_MPLS, SIT_ISATAP};
use super::tunnel_common::{
    apply_ends, data_of, emit_endpoints, flag, kw, parse_fwmark, parse_params, parse_tos, parse_ttl,
    print_endpoint, print_fwmark, print_link, print_tos, print_ttl, read_endpoints, Endpoint, TunnelParams,
};
use super::tunnel_encap::{self, with_encap, Encap, EncapAttrs};
use super::{Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::{Family, Options};
use crate::cli::words::Words;
use crate::error::{invarg, Error, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::{get_prefix, Addr, Prefix};
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

pub(crate) const ENCAP: EncapAttrs =
    EncapAttrs { kind: attr::ENCAP_TYPE, flags: attr::ENCAP_FLAGS, sport: attr::ENCAP_SPORT, dport: attr::ENCAP_DPORT };


macro_rules! iptnl_table {
    ($($sit_only:expr),*) => {
        with_encap!(
            [
                kw(&[x("mode")], Value::Text, "MODE", "ipip, mplsip or any (sit also ip6ip)"),
                kw(&[x("remote")], Value::Address, "ADDR", "the far end, or any"),
                kw(&[x("local")], Value::Address, "ADDR", "this end, or any"),
                kw(&[p("dev")], Value::Ifname, "DEV", "send through this device only"),
                kw(&[x("ttl"), x("hoplimit"), x("hlim")], Value::Text, "TTL", "1-255 or inherit"),
                kw(&[x("tos"), x("tclass"), x("tc"), p("dsfield")], Value::Text, "TOS", "a dsfield value or inherit"),
                flag(&[x("nopmtudisc")], "do not discover the path MTU"),
                flag(&[x("pmtudisc")], "discover the path MTU (the default)"),
                $($sit_only),*
            ],
            [
                flag(&[x("external")], "metadata mode (collect_md)"),
                kw(&[x("6rd-prefix")], Value::Prefix, "PREFIX", "6rd IPv6 prefix"),
                kw(&[x("6rd-relay_prefix")], Value::Prefix, "PREFIX", "6rd IPv4 relay prefix"),
                flag(&[x("6rd-reset")], "6rd back to 2002::/16, no relay prefix"),
                kw(&[x("fwmark")], Value::Number, "MARK", "firewall mark of the tunnel's packets"),
            ]
        )
    };
}

pub const IPIP_KEYWORDS: &[Keyword] = iptnl_table!();
pub const SIT_KEYWORDS: &[Keyword] = iptnl_table!(flag(&[x("isatap")], "ISATAP (RFC 5214) router"));

pub const IPIP: Kind = Kind {
    name: "ipip",
    keywords: IPIP_KEYWORDS,
    parse: Some(parse_ipip),
    print: Some(print),
    about: "IPv4 (or MPLS) in IPv4: remote and local say where.",
};
pub const SIT: Kind = Kind {
    name: "sit",
    keywords: SIT_KEYWORDS,
    parse: Some(parse_sit),
    print: Some(print),
    about: "IPv6 (or IPv4, MPLS) in IPv4; isatap and 6rd-prefix for automatic tunnels.",
};

fn parse_ipip(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse(env, args, false)
}
fn parse_sit(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse(env, args, true)
}

/// A 6rd prefix as iproute2 holds it: unset, or bytes and a length.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SixRd {
    pub addr: Option<Vec<u8>>,
    pub len: u16,
}

fn prefix_bytes(p: &Prefix, family: Family) -> Vec<u8> {
    match (&p.addr, family) {
        (Addr::Ip(IpAddr::V4(a)), _) => a.octets().to_vec(),
        (Addr::Ip(IpAddr::V6(a)), _) => a.octets().to_vec(),
        // `default` has the family's length of zeros, `any` none at all.
        (Addr::Default(_), Family::Inet) => vec![0; 4],
        (Addr::Default(_), _) => vec![0; 16],
        (Addr::Any(_), _) => Vec::new(),
    }
}

/// The parameters of an ipip or sit tunnel: its IFLA_IPTUN_* attributes,
/// read by [`IpTnl::read`] and written by [`IpTnl::emit`], for `link
/// add|set type ipip|sit …` and `ip tunnel` alike. A `None` is an
/// attribute not sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IpTnl {
    /// sit: FLAGS and the 6rd setup exist.
    pub sit: bool,
    pub proto: u8,
    pub link: u32,
    pub local: Endpoint,
    pub remote: Endpoint,
    pub ttl: u8,
    /// 1 is inherit.
    pub tos: u8,
    pub pmtudisc: u8,
    /// SIT_ISATAP, host order.
    pub flags: u16,
    pub fwmark: Option<u32>,
    pub encap: Option<Encap>,
    pub metadata: bool,
    pub sixrd_prefix: SixRd,
    pub sixrd_relay: SixRd,
}

impl IpTnl {
    /// What `link add type ipip|sit` starts from (link_iptnl.c).
    pub fn new(sit: bool) -> Self {
        IpTnl { sit, pmtudisc: 1, fwmark: Some(0), encap: Some(Encap::default()), ..IpTnl::default() }
    }
}

impl TunnelParams for IpTnl {
    const ENDS: (u16, u16) = (attr::LOCAL, attr::REMOTE);

    fn v6(&self) -> bool {
        false
    }

    fn addrs(&self) -> Vec<(u16, bool)> {
        vec![(attr::LOCAL, false), (attr::REMOTE, false), (attr::SIXRD_PREFIX, true), (attr::SIXRD_RELAY_PREFIX, false)]
    }

    fn read(&mut self, a: &Attrs<'_>) {
        read_endpoints(a, Self::ENDS, false, &mut self.local, &mut self.remote);
        if let Some(b) = a.get(attr::SIXRD_PREFIX) {
            self.sixrd_prefix.addr = Some(b.to_vec());
        }
        if let Some(b) = a.get(attr::SIXRD_RELAY_PREFIX) {
            self.sixrd_relay.addr = Some(b.to_vec());
        }
        self.sixrd_prefix.len = a.u16(attr::SIXRD_PREFIXLEN).unwrap_or(0);
        self.sixrd_relay.len = a.u16(attr::SIXRD_RELAY_PREFIXLEN).unwrap_or(0);
        self.ttl = a.u8(attr::TTL).unwrap_or(self.ttl);
        self.pmtudisc = a.u8(attr::PMTUDISC).unwrap_or(self.pmtudisc);
        self.tos = a.u8(attr::TOS).unwrap_or(self.tos);
        self.flags = a.u16(attr::FLAGS).unwrap_or(self.flags);
        self.link = a.u32(attr::LINK).unwrap_or(self.link);
        self.proto = a.u8(attr::PROTO).unwrap_or(self.proto);
        if let Some(e) = &mut self.encap {
            e.read(a, ENCAP);
        }
        self.metadata = a.has(attr::COLLECT_METADATA);
        self.fwmark = a.u32(attr::FWMARK).or(self.fwmark);
    }

    fn apply(&mut self, env: &mut KindEnv<'_>, name: &str, w: &mut Words<'_>) -> Result<bool> {
        if apply_opt(&mut self.encap, |e| e.apply(name, w))? {
            return Ok(true);
        }
        if apply_ends(env, name, w, false, (&mut self.local, &mut self.remote, &mut self.link))? {
            return Ok(true);
        }
        match name {
            "mode" => {
                let v = w.value()?;
                self.proto = match v {
                    "ipv6/ipv4" | "ip6ip" if self.sit => IPPROTO_IPV6,
                    "ipv4/ipv4" | "ipip" | "ip4ip4" => IPPROTO_IPIP,
                    "mpls/ipv4" | "mplsip" => IPPROTO_MPLS,
                    "any/ipv4" | "any" => 0,
                    _ => return Err(invarg("Cannot guess tunnel mode.", v)),
                };
            }
            "ttl" => self.ttl = parse_ttl(w.value()?, "invalid TTL\n")?,
            "tos" => self.tos = parse_tos(w.value()?, false)?,
            "nopmtudisc" => self.pmtudisc = 0,
            "pmtudisc" => self.pmtudisc = 1,
            "isatap" => self.flags |= SIT_ISATAP,
            "external" => self.metadata = true,
            "6rd-prefix" => {
                let p = get_prefix(w.value()?, Family::Inet6)?;
                self.sixrd_prefix = SixRd { addr: Some(prefix_bytes(&p, Family::Inet6)), len: u16::from(p.len) };
            }
            "6rd-relay_prefix" => {
                let p = get_prefix(w.value()?, Family::Inet)?;
                self.sixrd_relay = SixRd { addr: Some(prefix_bytes(&p, Family::Inet)), len: u16::from(p.len) };
            }
            "6rd-reset" => {
                self.sixrd_prefix = SixRd { addr: Some(vec![0x20, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), len: 16 };
                self.sixrd_relay = SixRd::default();
            }
            "fwmark" => self.fwmark = Some(parse_fwmark(w.value()?)?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn emit(&self, b: &mut AttrWriter) {
        if !emit_head(b, self.proto, self.metadata, (&self.local, &self.remote)) {
            return;
        }
        b.u8(attr::PMTUDISC, self.pmtudisc);
        b.u8(attr::TOS, self.tos);
        b.u8(attr::TTL, self.ttl);
        b.u32(attr::LINK, self.link);
        if let Some(m) = self.fwmark {
            b.u32(attr::FWMARK, m);
        }
        if let Some(e) = &self.encap {
            e.emit(b, ENCAP);
        }
        if self.sit {
            // Host byte order, unlike netlink-packet-route's typed flag.
            b.u16(attr::FLAGS, self.flags);
            if let Some(a) = &self.sixrd_prefix.addr {
                b.put(attr::SIXRD_PREFIX, a);
                b.u16(attr::SIXRD_PREFIXLEN, self.sixrd_prefix.len);
            }
            if let Some(a) = &self.sixrd_relay.addr {
                // addattr32 of the first word: four bytes even for `any`.
                let mut word = [0u8; 4];
                for (d, s) in word.iter_mut().zip(a) {
                    *d = *s;
                }
                b.put(attr::SIXRD_RELAY_PREFIX, &word);
                b.u16(attr::SIXRD_RELAY_PREFIXLEN, self.sixrd_relay.len);
            }
        }
    }
}

/// IFLA_IPTUN_PROTO; then COLLECT_METADATA alone in metadata mode (false:
/// nothing more goes), else the endpoints that are set (ipip, sit, ip6tnl).
pub(crate) fn emit_head(b: &mut AttrWriter, proto: u8, metadata: bool, ends: (&Endpoint, &Endpoint)) -> bool {
    b.u8(attr::PROTO, proto);
    if metadata {
        b.flag(attr::COLLECT_METADATA);
        return false;
    }
    emit_endpoints(b, (attr::LOCAL, attr::REMOTE), ends.0, ends.1);
    true
}

fn parse(env: &mut KindEnv<'_>, args: &[String], sit: bool) -> Result<Vec<u8>> {
    let (kind, table) = if sit { ("sit", SIT_KEYWORDS) } else { ("ipip", IPIP_KEYWORDS) };
    let p = parse_params(env, args, kind, table, IpTnl::new(sit))?;
    if p.ttl != 0 && p.pmtudisc == 0 {
        return Err(Error::Usage("ttl != 0 and nopmtudisc are incompatible".into()));
    }
    data_of(&p)
}

fn print(s: &mut Dyn<'_>, a: &Attrs<'_>, _opts: &Options, links: &Links) -> io::Result<()> {
    if a.has(attr::COLLECT_METADATA) {
        s.bool(Out::Any, "external", "external ", true)?;
    }
    if let Some(proto) = a.u8(attr::PROTO) {
        let name = match proto {
            IPPROTO_IPIP => Some("ipip"),
            IPPROTO_IPV6 => Some("ip6ip"),
            IPPROTO_MPLS => Some("mplsip"),
            0 => Some("any"),
            _ => None,
        };
        if let Some(n) = name {
            s.string_c(Out::Any, Color::None, Some("proto"), "{} ", n)?;
        }
    }
    print_endpoint(s, "remote", a.get(attr::REMOTE), false)?;
    print_endpoint(s, "local", a.get(attr::LOCAL), false)?;
    print_link(s, a, attr::LINK, links)?;
    print_ttl(s, "ttl", a.u8(attr::TTL).unwrap_or(0))?;
    print_tos(s, a.u8(attr::TOS).unwrap_or(0))?;
    if a.u8(attr::PMTUDISC).is_some_and(|v| v != 0) {
        s.bool(Out::Any, "pmtudisc", "pmtudisc ", true)?;
    } else {
        s.bool(Out::Any, "pmtudisc", "nopmtudisc ", false)?;
    }
    if a.u16(attr::FLAGS).is_some_and(|f| f & SIT_ISATAP != 0) {
        s.bool(Out::Any, "isatap", "isatap ", true)?;
    }
    if let Some(len) = a.u16(attr::SIXRD_PREFIXLEN).filter(|l| *l != 0) {
        let relay_len = a.u16(attr::SIXRD_RELAY_PREFIXLEN).unwrap_or(0);
        let relay = a.get(attr::SIXRD_RELAY_PREFIX).and_then(|b| <[u8; 4]>::try_from(b.get(..4)?).ok()).unwrap_or([0; 4]);
        let prefix = a
            .get(attr::SIXRD_PREFIX)
            .and_then(|b| <[u8; 16]>::try_from(b.get(..16)?).ok())
            .map(|b| Ipv6Addr::from(b).to_string())
            .unwrap_or_default();
        if s.is_json() {
            s.string_c(Out::Json, Color::None, Some("prefix"), "", &prefix)?;
            s.number_c(Out::Json, Color::None, Some("prefixlen"), "", len)?;
            if relay != [0; 4] {
                s.string_c(Out::Json, Color::None, Some("relay_prefix"), "", &Ipv4Addr::from(relay).to_string())?;
                s.number_c(Out::Json, Color::None, Some("relay_prefixlen"), "", relay_len)?;
            }
        } else {
            s.string_c(Out::Text, Color::None, None, "6rd-prefix {} ", &format!("{prefix}/{len}"))?;
            if relay != [0; 4] {
                s.string_c(Out::Text, Color::None, None, "6rd-relay_prefix {} ", &format!("{}/{relay_len}", Ipv4Addr::from(relay)))?;
            }
        }
    }
    print_fwmark(s, a, attr::FWMARK)?;
    tunnel_encap::print(s, a, ENCAP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testutil::{parse as parse_with, raw_attrs, render};

    #[test]
    fn ipip_create_order() {
        let a = raw_attrs(&parse_with(&IPIP, "remote 192.0.2.2 local 192.0.2.1 ttl 64", &[]).unwrap());
        let types: Vec<u16> = a.iter().map(|(t, _)| *t).collect();
        assert_eq!(types, vec![9, 2, 3, 10, 5, 4, 1, 20, 15, 16, 17, 18]);
        assert_eq!(a[0].1, vec![0]);
        assert_eq!(a[5].1, vec![64]);
    }

    #[test]
    fn sit_isatap_is_host_order_and_6rd() {
        let a = raw_attrs(&parse_with(&SIT, "isatap mode ip6ip 6rd-prefix 2001:db8::/32 6rd-relay_prefix 192.0.2.0/24", &[]).unwrap());
        assert_eq!(a[0], (attr::PROTO, vec![41]));
        assert!(a.contains(&(attr::FLAGS, SIT_ISATAP.to_ne_bytes().to_vec())));
        assert!(a.contains(&(attr::SIXRD_PREFIXLEN, 32u16.to_ne_bytes().to_vec())));
        assert!(a.contains(&(attr::SIXRD_RELAY_PREFIX, vec![192, 0, 2, 0])));
        assert!(a.contains(&(attr::SIXRD_RELAY_PREFIXLEN, 24u16.to_ne_bytes().to_vec())));
        // ipip knows neither isatap nor ip6ip
        assert!(parse_with(&IPIP, "isatap", &[]).is_err());
        assert_eq!(parse_with(&IPIP, "mode ip6ip", &[]).unwrap_err().to_string(), "Error: argument \"ip6ip\" is wrong: Cannot guess tunnel mode.");
    }

    #[test]
    fn ttl_with_nopmtudisc() {
        let e = parse_with(&IPIP, "ttl 5 nopmtudisc", &[]).unwrap_err();
        assert_eq!((e.to_string().as_str(), e.exit_code()), ("ttl != 0 and nopmtudisc are incompatible", 255));
        assert!(parse_with(&IPIP, "ttl inherit nopmtudisc", &[]).is_ok());
    }

    #[test]
    fn prints_like_ip() {
        let d = parse_with(&SIT, "remote 192.0.2.2 local 192.0.2.1 ttl 64 mode any 6rd-prefix 2001:db8::/32", &[]).unwrap();
        assert_eq!(
            render("sit", &d, false),
            "any remote 192.0.2.2 local 192.0.2.1 ttl 64 pmtudisc 6rd-prefix 2001:db8::/32 "
        );
    }
}
