//! `ip6gre`, `ip6gretap`, `ip6erspan`: GRE over IPv6 (iproute2's
//! link_gre6.c). Every one of them takes and sends the erspan settings.

use std::io;


use super::gre::{apply_opt, emit_tail, gre_table, print_erspan, print_header, Erspan, GreHeader, ENCAP};
use super::tunnel_attrs::{
    gre as attr, IP6_FLOWINFO_FLOWLABEL, IP6_FLOWINFO_TCLASS, IP6_TNL_F_ALLOW_LOCAL_REMOTE, IP6_TNL_F_IGN_ENCAP_LIMIT,
    IP6_TNL_F_RCV_DSCP_COPY, IP6_TNL_F_USE_ORIG_FLOWLABEL, IP6_TNL_F_USE_ORIG_FWMARK, IP6_TNL_F_USE_ORIG_TCLASS,
    DEFAULT_TNL_HOP_LIMIT, IPV6_DEFAULT_TNL_ENCAP_LIMIT,
};
use super::tunnel_common::{
    apply_ends, be32_at, data_of, emit_endpoints, flag, kw, parse_fwmark, parse_params, parse_ttl,
    print_endpoint, print_link, print_ttl, read_endpoints, Endpoint, TunnelParams,
};
use super::tunnel_encap::{self, with_encap, Encap};
use super::{Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::Words;
use crate::error::{invarg, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::{get_u32, get_u8};
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = gre_table!(
    [
        kw(&[p("remote")], Value::Address, "ADDR", "the far end (IPv6), or any"),
        kw(&[p("local")], Value::Address, "ADDR", "this end (IPv6), or any"),
        kw(&[p("dev")], Value::Ifname, "DEV", "send through this device only"),
        kw(&[p("ttl"), p("hoplimit"), p("hlim")], Value::Text, "HOPS", "0-255 or inherit (default 64)"),
        kw(&[p("tos"), p("tclass"), p("dsfield")], Value::Text, "TCLASS", "traffic class (hex) or inherit"),
        kw(&[x("flowlabel"), x("fl")], Value::Text, "LABEL", "flow label (hex, 0-0xfffff) or inherit"),
        kw(&[x("dscp")], Value::Choice(&["inherit"]), "inherit", "copy DSCP of decapsulated packets"),
    ],
    [
        flag(&[x("external")], "metadata mode (collect_md)"),
        kw(&[x("fwmark")], Value::Text, "MARK", "firewall mark, or inherit"),
        flag(&[x("allow-localremote")], "allow local and remote on this host"),
        flag(&[x("noallow-localremote")], "refuse local and remote on this host"),
        kw(&[x("encaplimit")], Value::Text, "LIMIT", "0-255 or none (default 4)"),
        kw(&[x("erspan")], Value::Number, "IDX", "ERSPAN v1 session index (1-1048575)"),
        kw(&[x("erspan_ver")], Value::Number, "VERSION", "ERSPAN version: 0, 1 or 2"),
        kw(&[x("erspan_dir")], Value::Choice(&["ingress", "egress"]), "DIR", "ERSPAN v2 direction"),
        kw(&[x("erspan_hwid")], Value::Number, "HWID", "ERSPAN v2 hardware id"),
    ]
);

const ABOUT: &str = "GRE over IPv6: remote and local are IPv6 addresses; keys, sequence numbers and checksums go in the GRE header.";

pub const IP6GRE: Kind = Kind { name: "ip6gre", keywords: KEYWORDS, parse: Some(parse_ip6gre), print: Some(print), about: ABOUT };
pub const IP6GRETAP: Kind =
    Kind { name: "ip6gretap", keywords: KEYWORDS, parse: Some(parse_ip6gretap), print: Some(print), about: ABOUT };
pub const IP6ERSPAN: Kind =
    Kind { name: "ip6erspan", keywords: KEYWORDS, parse: Some(parse_ip6erspan), print: Some(print), about: ABOUT };

fn parse_ip6gre(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse(env, args, "ip6gre")
}
fn parse_ip6gretap(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse(env, args, "ip6gretap")
}
fn parse_ip6erspan(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse(env, args, "ip6erspan")
}

/// The outer IPv6 header settings of ip6gre and ip6tnl tunnels (and of
/// `ip -6 tunnel`): hop and encapsulation limits, traffic class and flow
/// label (`flowinfo`, the host-order value of the big-endian word that is
/// sent), their `inherit` flags (IP6_TNL_F_*), the fwmark (None: not sent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ip6Opts {
    pub hop_limit: u8,
    pub encap_limit: u8,
    pub flowinfo: u32,
    pub flags: u32,
    pub fwmark: Option<u32>,
}

impl Ip6Opts {
    /// The kinds' and `ip -6 tunnel add`'s start: hop limit 64, encapsulation limit 4.
    pub fn new() -> Self {
        Ip6Opts { hop_limit: DEFAULT_TNL_HOP_LIMIT, encap_limit: IPV6_DEFAULT_TNL_ENCAP_LIMIT, ..Default::default() }
    }

    /// The settings present in `a`, attribute numbers `n`.
    pub fn read(&mut self, a: &Attrs<'_>, n: Ip6Attrs) {
        self.hop_limit = a.u8(n.ttl).unwrap_or(self.hop_limit);
        self.encap_limit = a.u8(n.encap_limit).unwrap_or(self.encap_limit);
        self.flowinfo = be32_at(a.get(n.flowinfo)).unwrap_or(self.flowinfo);
        self.flags = a.u32(n.flags).unwrap_or(self.flags);
        self.fwmark = a.u32(n.fwmark).or(self.fwmark);
    }

    /// TTL, ENCAP_LIMIT, FLOWINFO, FLAGS (the fwmark goes where its kind sends it).
    pub fn emit(&self, b: &mut AttrWriter, n: Ip6Attrs) {
        b.u8(n.ttl, self.hop_limit);
        b.u8(n.encap_limit, self.encap_limit);
        b.be32(n.flowinfo, self.flowinfo);
        b.u32(n.flags, self.flags);
    }

    /// `encaplimit none|LIMIT`. A limit that is no u8 is refused with
    /// `strict`; without (`ip -6 tunnel`, where iproute2 never checks it
    /// and leaves an undefined byte), it is 0.
    pub fn encap_limit(&mut self, v: &str, strict: bool) -> Result<()> {
        if v == "none" {
            self.flags |= IP6_TNL_F_IGN_ENCAP_LIMIT;
            return Ok(());
        }
        self.encap_limit = match get_u8(v, 0) {
            Some(l) => l,
            None if strict => return Err(invarg("invalid ELIM", v)),
            None => 0,
        };
        self.flags &= !IP6_TNL_F_IGN_ENCAP_LIMIT;
        Ok(())
    }

    /// Apply one of the IPv6 words; false if `name` is not one.
    pub fn apply(&mut self, name: &str, w: &mut Words<'_>) -> Result<bool> {
        match name {
            "ttl" => self.hop_limit = parse_ttl(w.value()?, "invalid HLIM\n")?,
            "tos" | "tclass" => {
                let v = w.value()?;
                self.flowinfo &= !IP6_FLOWINFO_TCLASS;
                if v == "inherit" {
                    self.flags |= IP6_TNL_F_USE_ORIG_TCLASS;
                } else {
                    let tc = get_u8(v, 16).ok_or_else(|| invarg("invalid TClass", v))?;
                    self.flowinfo |= (u32::from(tc) << 20) & IP6_FLOWINFO_TCLASS;
                    self.flags &= !IP6_TNL_F_USE_ORIG_TCLASS;
                }
            }
            "flowlabel" => {
                let v = w.value()?;
                self.flowinfo &= !IP6_FLOWINFO_FLOWLABEL;
                if v == "inherit" {
                    self.flags |= IP6_TNL_F_USE_ORIG_FLOWLABEL;
                } else {
                    let fl = get_u32(v, 16).filter(|l| *l <= 0xfffff).ok_or_else(|| invarg("invalid Flowlabel", v))?;
                    self.flowinfo |= fl & IP6_FLOWINFO_FLOWLABEL;
                    self.flags &= !IP6_TNL_F_USE_ORIG_FLOWLABEL;
                }
            }
            "dscp" => {
                let v = w.value()?;
                if v != "inherit" {
                    return Err(invarg("not inherit", v));
                }
                self.flags |= IP6_TNL_F_RCV_DSCP_COPY;
            }
            "fwmark" => {
                let v = w.value()?;
                if v == "inherit" {
                    self.flags |= IP6_TNL_F_USE_ORIG_FWMARK;
                    self.fwmark = Some(0);
                } else {
                    self.fwmark = Some(parse_fwmark(v)?);
                    self.flags &= !IP6_TNL_F_USE_ORIG_FWMARK;
                }
            }
            "allow-localremote" => self.flags |= IP6_TNL_F_ALLOW_LOCAL_REMOTE,
            "noallow-localremote" => self.flags &= !IP6_TNL_F_ALLOW_LOCAL_REMOTE,
            // ip6gre rejects a bad limit; ip6tnl's check never fires (and
            // sends an undefined value): the kinds reject both.
            "encaplimit" => self.encap_limit(w.value()?, true)?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// The `-d` fields from hop limit to allow-localremote, in iproute2's order
/// (`mip6` only exists for ip6tnl).
pub fn print_ip6_opts(s: &mut Dyn<'_>, a: &Attrs<'_>, n: Ip6Attrs, between: &dyn Fn(&mut Dyn<'_>) -> io::Result<()>) -> io::Result<()> {
    let flags = a.u32(n.flags).unwrap_or(0);
    let flowinfo = a.get(n.flowinfo).and_then(|b| Some(u32::from_be_bytes(b.get(..4)?.try_into().ok()?)));
    print_ttl(s, "hoplimit", a.u8(n.ttl).unwrap_or(0))?;
    if flags & IP6_TNL_F_IGN_ENCAP_LIMIT != 0 {
        s.bool(Out::Any, "ip6_tnl_f_ign_encap_limit", "encaplimit none ", true)?;
    } else if let Some(v) = a.u8(n.encap_limit) {
        s.number_c(Out::Any, Color::None, Some("encap_limit"), "encaplimit {} ", v)?;
    }
    if flags & IP6_TNL_F_USE_ORIG_TCLASS != 0 {
        s.bool(Out::Any, "ip6_tnl_f_use_orig_tclass", "tclass inherit ", true)?;
    } else if a.has(n.flowinfo) {
        let tc = (flowinfo.unwrap_or(0) & IP6_FLOWINFO_TCLASS) >> 20;
        s.string_c(Out::Any, Color::None, Some("tclass"), "tclass {} ", &format!("0x{tc:02x}"))?;
    }
    if flags & IP6_TNL_F_USE_ORIG_FLOWLABEL != 0 {
        s.bool(Out::Any, "ip6_tnl_f_use_orig_flowlabel", "flowlabel inherit ", true)?;
    } else if a.has(n.flowinfo) {
        let fl = flowinfo.unwrap_or(0) & IP6_FLOWINFO_FLOWLABEL;
        s.string_c(Out::Any, Color::None, Some("flowlabel"), "flowlabel {} ", &format!("0x{fl:05x}"))?;
    }
    if flags & IP6_TNL_F_RCV_DSCP_COPY != 0 {
        s.bool(Out::Any, "ip6_tnl_f_rcv_dscp_copy", "dscp inherit ", true)?;
    }
    between(s)?;
    if flags & IP6_TNL_F_ALLOW_LOCAL_REMOTE != 0 {
        s.bool(Out::Any, "ip6_tnl_f_allow_local_remote", "allow-localremote ", true)?;
    }
    if flags & IP6_TNL_F_USE_ORIG_FWMARK != 0 {
        s.bool(Out::Any, "ip6_tnl_f_use_orig_fwmark", "fwmark inherit ", true)?;
    } else if let Some(m) = a.u32(n.fwmark).filter(|m| *m != 0) {
        s.hex0x(Out::Any, "fwmark", "fwmark {} ", u64::from(m))?;
    }
    Ok(())
}

/// Attribute numbers of the IPv6 options (IFLA_GRE_* or IFLA_IPTUN_*).
#[derive(Clone, Copy)]
pub struct Ip6Attrs {
    pub ttl: u16,
    pub encap_limit: u16,
    pub flowinfo: u16,
    pub flags: u16,
    pub fwmark: u16,
}

pub const GRE6_ATTRS: Ip6Attrs =
    Ip6Attrs { ttl: attr::TTL, encap_limit: attr::ENCAP_LIMIT, flowinfo: attr::FLOWINFO, flags: attr::FLAGS, fwmark: attr::FWMARK };

/// The parameters of a GRE tunnel over IPv6 (ip6gre, ip6gretap,
/// ip6erspan): its IFLA_GRE_* attributes, read by [`Gre6::read`] and
/// written by [`Gre6::emit`], for `link add|set type ip6gre …` and
/// `ip -6 tunnel` alike. A `None` is an attribute not sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gre6 {
    pub link: u32,
    pub hdr: GreHeader,
    pub local: Endpoint,
    pub remote: Endpoint,
    pub ip6: Ip6Opts,
    pub erspan: Option<Erspan>,
    pub encap: Option<Encap>,
    pub metadata: bool,
}

impl Gre6 {
    /// What `link add type ip6gre…` starts from (link_gre6.c).
    pub fn new() -> Self {
        Gre6 {
            ip6: Ip6Opts { fwmark: Some(0), ..Ip6Opts::new() },
            erspan: Some(Erspan::default()),
            encap: Some(Encap::ipv6_default()),
            ..Gre6::default()
        }
    }
}

impl TunnelParams for Gre6 {
    const ENDS: (u16, u16) = (attr::LOCAL, attr::REMOTE);

    fn v6(&self) -> bool {
        true
    }

    fn read(&mut self, a: &Attrs<'_>) {
        read_endpoints(a, Self::ENDS, true, &mut self.local, &mut self.remote);
        self.hdr.read(a);
        self.link = a.u32(attr::LINK).unwrap_or(self.link);
        self.ip6.read(a, GRE6_ATTRS);
        if let Some(e) = &mut self.encap {
            e.read(a, ENCAP);
        }
        self.metadata = a.has(attr::COLLECT_METADATA);
        if let Some(e) = &mut self.erspan {
            e.read(a);
        }
    }

    fn apply(&mut self, env: &mut KindEnv<'_>, name: &str, w: &mut Words<'_>) -> Result<bool> {
        if self.hdr.apply(name, w)?
            || self.ip6.apply(name, w)?
            || apply_opt(&mut self.encap, |e| e.apply(name, w))?
            || apply_opt(&mut self.erspan, |e| e.apply(name, w))?
        {
            return Ok(true);
        }
        if apply_ends(env, name, w, true, (&mut self.local, &mut self.remote, &mut self.link))? {
            return Ok(true);
        }
        match name {
            "external" => self.metadata = true,
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn emit(&self, b: &mut AttrWriter) {
        if self.metadata {
            b.flag(attr::COLLECT_METADATA);
            return;
        }
        self.hdr.emit(b);
        emit_endpoints(b, Self::ENDS, &self.local, &self.remote);
        if self.link != 0 {
            b.u32(attr::LINK, self.link);
        }
        self.ip6.emit(b, GRE6_ATTRS);
        if let Some(m) = self.ip6.fwmark {
            b.u32(attr::FWMARK, m);
        }
        emit_tail(b, self.erspan.filter(|e| e.ver <= 2), &self.encap);
    }
}

fn parse(env: &mut KindEnv<'_>, args: &[String], kind: &str) -> Result<Vec<u8>> {
    data_of(&parse_params(env, args, kind, KEYWORDS, Gre6::new())?)
}

fn print(s: &mut Dyn<'_>, a: &Attrs<'_>, _opts: &Options, links: &Links) -> io::Result<()> {
    if a.has(attr::COLLECT_METADATA) {
        s.bool(Out::Any, "external", "external ", true)?;
    }
    print_endpoint(s, "remote", a.get(attr::REMOTE), true)?;
    print_endpoint(s, "local", a.get(attr::LOCAL), true)?;
    print_link(s, a, attr::LINK, links)?;
    print_ip6_opts(s, a, GRE6_ATTRS, &|s| print_header(s, a))?;
    print_erspan(s, a)?;
    tunnel_encap::print(s, a, ENCAP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testutil::{parse as parse_with, raw_attrs, render};

    #[test]
    fn create_defaults_and_order() {
        let a = raw_attrs(&parse_with(&IP6GRE, "remote 2001:db8::2 local 2001:db8::1", &[]).unwrap());
        let types: Vec<u16> = a.iter().map(|(t, _)| *t).collect();
        // keys/flags, local, remote, ttl, encaplimit, flowinfo, flags, fwmark, erspan_ver, encap×4
        assert_eq!(types, vec![4, 5, 2, 3, 6, 7, 8, 11, 12, 13, 20, 22, 14, 15, 16, 17]);
        assert_eq!(a[6].1, vec![64]);
        assert_eq!(a[7].1, vec![4]);
        // encap flags default to the IPv6 UDP checksum
        assert_eq!(a[13].1, 2u16.to_ne_bytes().to_vec());
    }

    #[test]
    fn tclass_flowlabel_and_inherit_flags() {
        let a = raw_attrs(&parse_with(&IP6GRE, "tclass 0x12 flowlabel 0xabcde fwmark inherit encaplimit none dscp inherit", &[]).unwrap());
        assert!(a.contains(&(attr::FLOWINFO, vec![0x01, 0x2a, 0xbc, 0xde])));
        let flags = IP6_TNL_F_USE_ORIG_FWMARK | IP6_TNL_F_IGN_ENCAP_LIMIT | IP6_TNL_F_RCV_DSCP_COPY;
        assert!(a.contains(&(attr::FLAGS, flags.to_ne_bytes().to_vec())));
        let e = parse_with(&IP6GRE, "flowlabel 0x100000", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: argument \"0x100000\" is wrong: invalid Flowlabel");
        let e = parse_with(&IP6GRE, "remote 192.0.2.1", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: inet6 address is expected rather than \"192.0.2.1\".");
    }

    #[test]
    fn prints_like_ip() {
        let d = parse_with(&IP6GRE, "remote 2001:db8::2 local 2001:db8::1 key 7 tclass inherit", &[]).unwrap();
        assert_eq!(
            render("ip6gre", &d, false),
            "remote 2001:db8::2 local 2001:db8::1 hoplimit 64 encaplimit 4 tclass inherit flowlabel 0x00000 \
             ikey 0.0.0.7 okey 0.0.0.7 erspan_ver 1 "
        );
    }
}
