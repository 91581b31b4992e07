//! `ip tunnel show` output: iproute2's `print_tunnel` of iptunnel.c and
//! ip6tunnel.c, `tnl_print_gre_flags` and `tnl_print_stats` (tunnel.c).

use std::io::{self, Write};
use std::net::{Ipv4Addr, Ipv6Addr};

use super::params::{proto_name, V4, V6, IPPROTO_GRE, IPPROTO_IPV6};
use crate::kinds::tunnel_attrs::{
    GRE_CSUM, GRE_KEY, GRE_SEQ, IP6_FLOWINFO_FLOWLABEL, IP6_FLOWINFO_TCLASS, IP6_TNL_F_ALLOW_LOCAL_REMOTE,
    IP6_TNL_F_IGN_ENCAP_LIMIT, IP6_TNL_F_RCV_DSCP_COPY, IP6_TNL_F_USE_ORIG_FLOWLABEL, IP6_TNL_F_USE_ORIG_TCLASS,
};
use crate::kinds::gre::GreHeader;
use crate::names::links::IfName;
use crate::names::tables::{dsfield_name, NumBuf};
use crate::print::{Color, Out, Printer};

/// A sit tunnel's 6rd setup (IFLA_IPTUN_6RD_*).
#[derive(Clone, Copy, Debug)]
pub struct SixRd {
    pub prefix: Option<Ipv6Addr>,
    pub prefixlen: u16,
    pub relay_prefix: Ipv4Addr,
    pub relay_prefixlen: u16,
}

impl Default for SixRd {
    fn default() -> Self {
        SixRd { prefix: None, prefixlen: 0, relay_prefix: Ipv4Addr::UNSPECIFIED, relay_prefixlen: 0 }
    }
}

/// An entry of an ISATAP tunnel's potential router list.
#[derive(Clone, Copy, Debug)]
pub struct PrlEntry {
    pub addr: Ipv4Addr,
    pub default: bool,
}

/// What the IPv4 printer needs besides the parameters.
pub struct V4Extra<'a> {
    pub prl: &'a [PrlEntry],
    pub sixrd: Option<SixRd>,
    /// The name of the tunnel's underlying device (`dev NAME`).
    pub link_name: Option<IfName>,
}

fn dsfield(v: u8) -> String {
    let mut buf = NumBuf::new();
    dsfield_name(v, false, &mut buf).to_string()
}

/// iptunnel.c `print_tunnel`.
pub fn print_v4<W: Write>(p: &mut Printer<W>, t: &V4, x: &V4Extra<'_>) -> io::Result<()> {
    let json = p.is_json();
    p.open_object(None)?;
    p.string_c(Out::Any, Color::Ifname, Some("ifname"), "{}: ", &t.name)?;
    p.str("mode", "{} ", &format!("{}/ip", proto_name(t.proto)))?;
    p.text("remote ")?;
    let any = |a: Ipv4Addr| if a.is_unspecified() && !json { "any".to_string() } else { a.to_string() };
    p.string_c(Out::Any, Color::Inet, Some("remote"), "{} ", &any(t.remote))?;
    p.text("local ")?;
    p.string_c(Out::Any, Color::Inet, Some("local"), "{}", &any(t.local))?;
    if t.proto == IPPROTO_IPV6 && t.isatap {
        for e in x.prl.iter().filter(|e| !e.addr.is_unspecified()) {
            if e.default {
                p.str("pdr", " pdr {}", &e.addr.to_string())?;
            } else {
                p.str("pr", " pr {}", &e.addr.to_string())?;
            }
        }
    }
    if t.link != 0 {
        if let Some(n) = &x.link_name {
            p.str_bytes("dev", " dev {}", n.as_bytes())?;
        }
    }
    if t.ttl != 0 {
        p.num("ttl", " ttl {}", t.ttl)?;
    } else {
        p.string_c(Out::Text, Color::None, Some("ttl"), " ttl {}", "inherit")?;
    }
    if t.tos != 0 {
        if t.tos != 1 {
            let text = if !json && t.tos & 1 != 0 { format!("inherit/{}", dsfield(t.tos & !1)) } else { dsfield(t.tos) };
            p.str("tos", " tos {}", &text)?;
        } else {
            p.text(" tos inherit")?;
        }
    }
    if !t.pmtudisc {
        p.null(Out::Any, "nopmtudisc", " nopmtudisc", "")?;
    }
    if t.proto == IPPROTO_IPV6 {
        if let Some(r) = x.sixrd.filter(|r| r.prefixlen != 0) {
            p.str("6rd-prefix", " 6rd-prefix {}", &r.prefix.unwrap_or(Ipv6Addr::UNSPECIFIED).to_string())?;
            p.num("6rd-prefixlen", "/{}", r.prefixlen)?;
            if !r.relay_prefix.is_unspecified() {
                p.str("6rd-relay_prefix", " 6rd-relay_prefix {}", &r.relay_prefix.to_string())?;
                p.num("6rd-relay_prefixlen", "/{}", r.relay_prefixlen)?;
            }
        }
    }
    print_gre_flags(p, t.proto, &t.hdr)?;
    p.close_object()
}

/// ip6tunnel.c `print_tunnel`.
pub fn print_v6<W: Write>(p: &mut Printer<W>, t: &V6, link_name: Option<IfName>) -> io::Result<()> {
    p.open_object(None)?;
    p.string_c(Out::Any, Color::Ifname, Some("ifname"), "{}: ", &t.name)?;
    p.str("mode", "{} ", &format!("{}/ipv6", proto_name(t.proto)))?;
    p.text("remote ")?;
    p.string_c(Out::Any, Color::Inet6, Some("remote"), "{} ", &t.remote.to_string())?;
    p.text("local ")?;
    p.string_c(Out::Any, Color::Inet6, Some("local"), "{}", &t.local.to_string())?;
    if t.link != 0 {
        if let Some(n) = link_name {
            p.str_bytes("link", " dev {}", n.as_bytes())?;
        }
    }
    if t.ip6.flags & IP6_TNL_F_IGN_ENCAP_LIMIT != 0 {
        p.null(Out::Any, "ip6_tnl_f_ign_encap_limit", " encaplimit none", "")?;
    } else {
        p.num("encap_limit", " encaplimit {}", t.ip6.encap_limit)?;
    }
    if t.ip6.hop_limit != 0 {
        p.num("hoplimit", " hoplimit {}", t.ip6.hop_limit)?;
    } else {
        p.string_c(Out::Text, Color::None, Some("hoplimit"), " hoplimit {}", "inherit")?;
    }
    if t.ip6.flags & IP6_TNL_F_USE_ORIG_TCLASS != 0 {
        p.null(Out::Any, "ip6_tnl_f_use_orig_tclass", " tclass inherit", "")?;
    } else {
        p.str("tclass", " tclass {}", &format!("0x{:02x}", (t.ip6.flowinfo & IP6_FLOWINFO_TCLASS) >> 20))?;
    }
    if t.ip6.flags & IP6_TNL_F_USE_ORIG_FLOWLABEL != 0 {
        p.null(Out::Any, "ip6_tnl_f_use_orig_flowlabel", " flowlabel inherit", "")?;
    } else {
        p.str("flowlabel", " flowlabel {}", &format!("0x{:05x}", t.ip6.flowinfo & IP6_FLOWINFO_FLOWLABEL))?;
    }
    p.str("flowinfo", " (flowinfo {})", &format!("0x{:08x}", t.ip6.flowinfo))?;
    if t.ip6.flags & IP6_TNL_F_RCV_DSCP_COPY != 0 {
        p.null(Out::Any, "ip6_tnl_f_rcv_dscp_copy", " dscp inherit", "")?;
    }
    if t.ip6.flags & IP6_TNL_F_ALLOW_LOCAL_REMOTE != 0 {
        p.null(Out::Any, "ip6_tnl_f_allow_local_remote", " allow-localremote", "")?;
    }
    print_gre_flags(p, t.proto, &t.hdr)?;
    p.close_object()
}

/// tunnel.c `tnl_print_gre_flags`.
fn print_gre_flags<W: Write>(p: &mut Printer<W>, proto: u8, hdr: &GreHeader) -> io::Result<()> {
    let GreHeader { iflags, oflags, ikey, okey } = *hdr;
    if iflags & GRE_KEY != 0 && oflags & GRE_KEY != 0 && ikey == okey {
        p.num("key", " key {}", ikey)?;
    } else {
        if iflags & GRE_KEY != 0 {
            p.num("ikey", " ikey {}", ikey)?;
        }
        if oflags & GRE_KEY != 0 {
            p.num("okey", " okey {}", okey)?;
        }
    }
    if proto != IPPROTO_GRE {
        return Ok(());
    }
    p.open_array(Out::Json, Some("flags"), "")?;
    let sl = p.line_sep();
    let lines = [
        (iflags & GRE_SEQ, "rx_drop_ooseq", "Drop packets out of sequence."),
        (iflags & GRE_CSUM, "rx_csum", "Checksum in received packet is required."),
        (oflags & GRE_SEQ, "tx_seq", "Sequence packets on output."),
        (oflags & GRE_CSUM, "tx_csum", "Checksum output packets."),
    ];
    for (bit, key, text) in lines {
        if bit != 0 {
            if p.is_json() {
                p.string_c(Out::Json, Color::None, None, "", key)?;
            } else {
                p.text(&format!("{sl}  {text}"))?;
            }
        }
    }
    p.close_array(Out::Json, "")
}

/// tunnel.c `tnl_print_stats`: written as is, in both modes (as iproute2's
/// printf), from rtnl_link_stats64.
pub fn print_stats<W: Write>(p: &mut Printer<W>, s: &[u64]) -> io::Result<()> {
    let g = |i: usize| s.get(i).copied().unwrap_or(0) as i64;
    let sl = p.line_sep();
    let text = format!(
        "{sl}RX: Packets    Bytes        Errors CsumErrs OutOfSeq Mcasts{sl}    {:<10} {:<12} {:<6} {:<8} {:<8} {:<8}{sl}\
         TX: Packets    Bytes        Errors DeadLoop NoRoute  NoBufs{sl}    {:<10} {:<12} {:<6} {:<8} {:<8} {:<6}",
        g(0), g(2), g(4), g(13), g(14), g(8), g(1), g(3), g(5), g(9), g(17), g(7)
    );
    p.text_always(&text)
}
