//! `ip6tnl`: IPv6 or IPv4 over IPv6 (iproute2's link_ip6tnl.c).
//!
//! Unlike the other kinds, iproute2 does not read the current encap
//! settings on `link set`: they go back to their defaults unless given.

use std::io;


use super::gre::apply_opt;
use super::gre6::{print_ip6_opts, Ip6Attrs, Ip6Opts};
use super::tunnel_attrs::{iptun as attr, IPPROTO_IPIP, IPPROTO_IPV6, IP6_TNL_F_MIP6_DEV};
use super::iptnl::emit_head;
use super::tunnel_common::{
    apply_ends, data_of, flag, kw, parse_params, print_endpoint, print_link, read_endpoints,
    Endpoint, TunnelParams,
};
use super::tunnel_encap::{self, with_encap, Encap, EncapAttrs};
use super::{Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::Words;
use crate::error::{invarg, Result};
use crate::netlink::attr::AttrWriter;

use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

const ENCAP: EncapAttrs =
    EncapAttrs { kind: attr::ENCAP_TYPE, flags: attr::ENCAP_FLAGS, sport: attr::ENCAP_SPORT, dport: attr::ENCAP_DPORT };

pub const IP6_ATTRS: Ip6Attrs =
    Ip6Attrs { ttl: attr::TTL, encap_limit: attr::ENCAP_LIMIT, flowinfo: attr::FLOWINFO, flags: attr::FLAGS, fwmark: attr::FWMARK };


/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = with_encap!(
    [
        kw(&[x("mode")], Value::Choice(&["ip6ip6", "ipip6", "any"]), "MODE", "what is carried: ip6ip6, ipip6 or any"),
        kw(&[x("remote")], Value::Address, "ADDR", "the far end (IPv6), or any"),
        kw(&[x("local")], Value::Address, "ADDR", "this end (IPv6), or any"),
        kw(&[p("dev")], Value::Ifname, "DEV", "send through this device only"),
        kw(&[x("ttl"), x("hoplimit"), x("hlim")], Value::Text, "HOPS", "0-255 or inherit (default 64)"),
        kw(&[x("encaplimit")], Value::Text, "LIMIT", "0-255 or none (default 4)"),
        kw(&[x("tos"), x("tclass"), x("tc"), p("dsfield")], Value::Text, "TCLASS", "traffic class (hex) or inherit"),
        kw(&[x("flowlabel"), x("fl")], Value::Text, "LABEL", "flow label (hex, 0-0xfffff) or inherit"),
        kw(&[x("dscp")], Value::Choice(&["inherit"]), "inherit", "copy DSCP of decapsulated packets"),
        kw(&[x("fwmark")], Value::Text, "MARK", "firewall mark, or inherit"),
        flag(&[x("allow-localremote")], "allow local and remote on this host"),
        flag(&[x("noallow-localremote")], "refuse local and remote on this host"),
    ],
    [flag(&[x("external")], "metadata mode (collect_md)")]
);

pub const KIND: Kind = Kind {
    name: "ip6tnl",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "IPv6 or IPv4 in IPv6: remote and local are IPv6 addresses.",
};

/// The parameters of an ip6tnl tunnel: its IFLA_IPTUN_* attributes, read
/// by [`Ip6Tnl::read`] and written by [`Ip6Tnl::emit`], for `link add|set
/// type ip6tnl …` and `ip -6 tunnel` alike. A `None` is an attribute not
/// sent. The current encap is never read: iproute2's `link set` sends it
/// back to its defaults unless given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ip6Tnl {
    pub proto: u8,
    pub link: u32,
    pub local: Endpoint,
    pub remote: Endpoint,
    pub ip6: Ip6Opts,
    pub encap: Option<Encap>,
    pub metadata: bool,
}

impl Ip6Tnl {
    /// What `link add type ip6tnl` starts from (link_ip6tnl.c).
    pub fn new() -> Self {
        Ip6Tnl { ip6: Ip6Opts { fwmark: Some(0), ..Ip6Opts::new() }, encap: Some(Encap::ipv6_default()), ..Ip6Tnl::default() }
    }
}

impl TunnelParams for Ip6Tnl {
    const ENDS: (u16, u16) = (attr::LOCAL, attr::REMOTE);

    fn v6(&self) -> bool {
        true
    }

    fn read(&mut self, a: &Attrs<'_>) {
        read_endpoints(a, Self::ENDS, true, &mut self.local, &mut self.remote);
        self.ip6.read(a, IP6_ATTRS);
        self.link = a.u32(attr::LINK).unwrap_or(self.link);
        self.proto = a.u8(attr::PROTO).unwrap_or(self.proto);
        self.metadata = a.has(attr::COLLECT_METADATA);
    }

    fn apply(&mut self, env: &mut KindEnv<'_>, name: &str, w: &mut Words<'_>) -> Result<bool> {
        if self.ip6.apply(name, w)? || apply_opt(&mut self.encap, |e| e.apply(name, w))? {
            return Ok(true);
        }
        if apply_ends(env, name, w, true, (&mut self.local, &mut self.remote, &mut self.link))? {
            return Ok(true);
        }
        match name {
            "mode" => {
                let v = w.value()?;
                self.proto = match v {
                    "ipv6/ipv6" | "ip6ip6" => IPPROTO_IPV6,
                    "ip/ipv6" | "ipv4/ipv6" | "ipip6" | "ip4ip6" => IPPROTO_IPIP,
                    "any/ipv6" | "any" => 0,
                    _ => return Err(invarg("Cannot guess tunnel mode.", v)),
                };
            }
            "external" => self.metadata = true,
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn emit(&self, b: &mut AttrWriter) {
        if !emit_head(b, self.proto, self.metadata, (&self.local, &self.remote)) {
            return;
        }
        self.ip6.emit(b, IP6_ATTRS);
        b.u32(attr::LINK, self.link);
        if let Some(m) = self.ip6.fwmark {
            b.u32(attr::FWMARK, m);
        }
        if let Some(e) = &self.encap {
            e.emit(b, ENCAP);
        }
    }
}

fn parse(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    data_of(&parse_params(env, args, "ip6tnl", KEYWORDS, Ip6Tnl::new())?)
}

fn print(s: &mut Dyn<'_>, a: &Attrs<'_>, _opts: &Options, links: &Links) -> io::Result<()> {
    if a.has(attr::COLLECT_METADATA) {
        s.bool(Out::Any, "external", "external ", true)?;
    }
    if let Some(proto) = a.u8(attr::PROTO) {
        let name = match proto {
            IPPROTO_IPIP => Some("ipip6"),
            IPPROTO_IPV6 => Some("ip6ip6"),
            0 => Some("any"),
            _ => None,
        };
        if let Some(n) = name {
            s.string_c(Out::Any, Color::None, Some("proto"), "{} ", n)?;
        }
    }
    print_endpoint(s, "remote", a.get(attr::REMOTE), true)?;
    print_endpoint(s, "local", a.get(attr::LOCAL), true)?;
    print_link(s, a, attr::LINK, links)?;
    let flags = a.u32(attr::FLAGS).unwrap_or(0);
    print_ip6_opts(s, a, IP6_ATTRS, &|s| {
        if flags & IP6_TNL_F_MIP6_DEV != 0 {
            s.bool(Out::Any, "ip6_tnl_f_mip6_dev", "mip6 ", true)?;
        }
        Ok(())
    })?;
    tunnel_encap::print(s, a, ENCAP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testutil::{parse as parse_with, raw_attrs, render};

    #[test]
    fn create_order_and_defaults() {
        let a = raw_attrs(&parse_with(&KIND, "mode ipip6 remote 2001:db8::2 local 2001:db8::1", &[]).unwrap());
        let types: Vec<u16> = a.iter().map(|(t, _)| *t).collect();
        assert_eq!(types, vec![9, 2, 3, 4, 6, 7, 8, 1, 20, 15, 16, 17, 18]);
        assert_eq!(a[0].1, vec![4]);
        assert_eq!(a[3].1, vec![64]);
        assert_eq!(a[4].1, vec![4]);
    }

    #[test]
    fn words_and_errors() {
        assert!(parse_with(&KIND, "mode ip6ip", &[]).is_err());
        assert_eq!(parse_with(&KIND, "dscp copy", &[]).unwrap_err().to_string(), "Error: argument \"copy\" is wrong: not inherit");
        assert_eq!(parse_with(&KIND, "tclass 0x100", &[]).unwrap_err().to_string(), "Error: argument \"0x100\" is wrong: invalid TClass");
        // no pmtudisc for ip6 tunnels
        assert!(parse_with(&KIND, "nopmtudisc", &[]).is_err());
    }

    #[test]
    fn prints_like_ip() {
        let d = parse_with(&KIND, "mode ip6ip6 remote 2001:db8::2 local 2001:db8::1 hoplimit inherit encaplimit none flowlabel inherit", &[]).unwrap();
        assert_eq!(
            render("ip6tnl", &d, false),
            "ip6ip6 remote 2001:db8::2 local 2001:db8::1 hoplimit inherit encaplimit none tclass 0x00 flowlabel inherit "
        );
    }
}
