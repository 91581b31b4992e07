//! A tunnel's parameters as `ip tunnel` handles them: the fields of the
//! kernel's `ip_tunnel_parm` (IPv4) and `ip6_tnl_parm2` (IPv6), the view
//! the tunnel ioctls give. They are filled by the command line, and go to
//! and come from the link's IFLA_INFO_DATA only through the kinds' typed
//! parameter structs (`kinds::gre::Gre`, `kinds::gre6::Gre6`,
//! `kinds::iptnl::IpTnl`, `kinds::ip6tnl::Ip6Tnl`, `kinds::vti::Vti`),
//! which alone read and write the attributes.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::netlink::Link;
use crate::kinds::gre::{Gre, GreHeader};
use crate::kinds::gre6::{Gre6, Ip6Opts};
use crate::kinds::ip6tnl::Ip6Tnl;
use crate::kinds::iptnl::IpTnl;
use crate::kinds::tunnel_attrs::{GRE_KEY, SIT_ISATAP};
pub use crate::kinds::tunnel_attrs::{IPPROTO_ESP, IPPROTO_GRE, IPPROTO_IPIP, IPPROTO_IPV6, IPPROTO_MPLS};
use crate::kinds::tunnel_common::{Endpoint, TunnelParams};
use crate::kinds::vti::Vti;
use crate::netlink::attr::AttrWriter;

/// iproute2's `tnl_strproto`.
pub fn proto_name(proto: u8) -> &'static str {
    match proto {
        IPPROTO_IPIP => "ip",
        IPPROTO_GRE => "gre",
        IPPROTO_IPV6 => "ipv6",
        IPPROTO_ESP => "esp",
        IPPROTO_MPLS => "mpls",
        0 => "any",
        _ => "unknown",
    }
}

/// `ip_tunnel_parm`: gre, ipip, sit (isatap) and vti tunnels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct V4 {
    pub name: String,
    pub link: u32,
    /// GRE header flags (GRE_KEY, GRE_SEQ, GRE_CSUM) and keys.
    pub hdr: GreHeader,
    /// IPPROTO_GRE, IPPROTO_IPIP, IPPROTO_IPV6 or 0 (not chosen / any).
    pub proto: u8,
    /// VTI_ISVTI: an IPIP-protocol tunnel that is a vti.
    pub vti: bool,
    /// SIT_ISATAP.
    pub isatap: bool,
    pub local: Ipv4Addr,
    pub remote: Ipv4Addr,
    pub ttl: u8,
    /// Bit 0 means inherit (iproute2's `tos 1`).
    pub tos: u8,
    /// IP_DF in the outer header: path MTU discovery.
    pub pmtudisc: bool,
}

impl Default for V4 {
    fn default() -> Self {
        V4 {
            name: String::new(),
            link: 0,
            hdr: GreHeader::default(),
            proto: 0,
            vti: false,
            isatap: false,
            local: Ipv4Addr::UNSPECIFIED,
            remote: Ipv4Addr::UNSPECIFIED,
            ttl: 0,
            tos: 0,
            // parse_args starts from frag_off = IP_DF.
            pmtudisc: true,
        }
    }
}

impl V4 {
    /// The link kind a new tunnel of these parameters is (`tnl_defname`'s
    /// choice of fallback device, as a kind), or None if no mode is known.
    pub fn kind(&self) -> Option<&'static str> {
        match self.proto {
            IPPROTO_IPIP if self.vti => Some("vti"),
            IPPROTO_IPIP => Some("ipip"),
            IPPROTO_GRE => Some("gre"),
            IPPROTO_IPV6 => Some("sit"),
            _ => None,
        }
    }

    /// iproute2's `tnl_defname`: the fallback device the ioctl goes to.
    pub fn basedev(&self) -> Option<&'static str> {
        self.kind().map(fallback_name)
    }

    pub fn has_key(&self) -> bool {
        self.hdr.has_key()
    }

    /// What SIOCGETTUNNEL would report for an IPv4 tunnel link (None: the
    /// link is not one, and the ioctl would be refused).
    pub fn of_link(l: &Link) -> Option<V4> {
        let a = l.attrs();
        let mut p = V4 { name: l.name.clone(), ..V4::default() };
        match l.kind.as_str() {
            "gre" => {
                let mut t = Gre::default();
                t.read(&a);
                (p.proto, p.link, p.hdr, p.ttl, p.tos) = (IPPROTO_GRE, t.link, t.hdr, t.ttl, t.tos);
                (p.local, p.remote, p.pmtudisc) = (ip4(t.local), ip4(t.remote), t.pmtudisc != 0);
            }
            "ipip" | "sit" => {
                let sit = l.kind == "sit";
                let mut t = IpTnl { sit, proto: if sit { IPPROTO_IPV6 } else { IPPROTO_IPIP }, ..IpTnl::default() };
                t.read(&a);
                (p.proto, p.link, p.ttl, p.tos) = (t.proto, t.link, t.ttl, t.tos);
                (p.local, p.remote, p.pmtudisc) = (ip4(t.local), ip4(t.remote), t.pmtudisc != 0);
                p.isatap = sit && t.flags & SIT_ISATAP != 0;
            }
            "vti" => {
                // vti has no ttl, tos or DF attributes: show what `ip tunnel
                // add` sets (DF on, TTL and TOS inherited), and DF off on the
                // fallback device. The ioctl reports keys as always on.
                let mut t = Vti::default();
                t.read(&a);
                (p.proto, p.vti, p.link, p.local, p.remote) = (IPPROTO_IPIP, true, t.link, ip4(t.local), ip4(t.remote));
                p.hdr = GreHeader { iflags: GRE_KEY, oflags: GRE_KEY, ikey: t.ikey, okey: t.okey };
                p.pmtudisc = l.name != "ip_vti0";
            }
            _ => return None,
        }
        Some(p)
    }

    /// IFLA_INFO_DATA for an IPv4 tunnel of `kind`, as the ioctl path
    /// would store these parameters: DF forced when a TTL is set, keys
    /// dropped without their flag; neither encap nor (but with `fwmark`)
    /// the fwmark sent, so that the kernel keeps them.
    pub fn data(&self, kind: &str, fwmark: Option<u32>) -> AttrWriter {
        let mut n = AttrWriter::new();
        match kind {
            "gre" => self.gre(fwmark).emit(&mut n),
            "vti" => self.vti(fwmark).emit(&mut n),
            _ => self.iptnl(kind == "sit", fwmark).emit(&mut n),
        }
        n
    }

    fn gre(&self, fwmark: Option<u32>) -> Gre {
        let (local, remote) = (Some(IpAddr::V4(self.local)), Some(IpAddr::V4(self.remote)));
        let (link, hdr, ttl, tos, pmtudisc) = (self.link, self.hdr.keys_flagged(), self.ttl, self.tos, self.df());
        Gre { link, hdr, local, remote, ttl, tos, pmtudisc, fwmark, ..Gre::default() }
    }

    fn vti(&self, fwmark: Option<u32>) -> Vti {
        let hdr = self.hdr.keys_flagged();
        let (local, remote) = (Some(IpAddr::V4(self.local)), Some(IpAddr::V4(self.remote)));
        Vti { v6: false, link: self.link, ikey: hdr.ikey, okey: hdr.okey, local, remote, fwmark }
    }

    /// The ipip or sit parameters; `sixrd` of a sit left unset (kept).
    pub fn iptnl(&self, sit: bool, fwmark: Option<u32>) -> IpTnl {
        let (local, remote) = (Some(IpAddr::V4(self.local)), Some(IpAddr::V4(self.remote)));
        let (proto, link, ttl, tos, pmtudisc) = (self.proto, self.link, self.ttl, self.tos, self.df());
        let flags = if self.isatap { SIT_ISATAP } else { 0 };
        IpTnl { sit, proto, link, local, remote, ttl, tos, pmtudisc, flags, fwmark, ..IpTnl::default() }
    }

    /// IP_DF as the ioctl path stores it: forced by a TTL.
    fn df(&self) -> u8 {
        u8::from(self.pmtudisc || self.ttl != 0)
    }
}

/// A sit link's typed parameters (its 6rd setup and fwmark among them).
pub fn sit_of(l: &Link) -> IpTnl {
    let mut t = IpTnl { sit: true, ..IpTnl::default() };
    t.read(&l.attrs());
    t
}

/// An IPv4 endpoint of the ioctl view (unset is 0.0.0.0).
fn ip4(e: Endpoint) -> Ipv4Addr {
    match e {
        Some(IpAddr::V4(a)) => a,
        _ => Ipv4Addr::UNSPECIFIED,
    }
}

/// An IPv6 endpoint of the ioctl view (unset is ::).
fn ip6(e: Endpoint) -> Ipv6Addr {
    match e {
        Some(IpAddr::V6(a)) => a,
        _ => Ipv6Addr::UNSPECIFIED,
    }
}

/// The kinds that answer the tunnel ioctls: each with its fallback device
/// (where a request without a tunnel name goes) and the kernel module that
/// provides both.
const TUNNEL_KINDS: &[(&str, &str, &str)] = &[
    ("gre", "gre0", "ip_gre"),
    ("ipip", "tunl0", "ipip"),
    ("sit", "sit0", "sit"),
    ("vti", "ip_vti0", "ip_vti"),
    ("ip6tnl", "ip6tnl0", "ip6_tunnel"),
    ("ip6gre", "ip6gre0", "ip6_gre"),
    ("vti6", "ip6_vti0", "ip6_vti"),
];

fn tunnel_kind(kind: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    TUNNEL_KINDS.iter().find(|k| k.0 == kind)
}

/// Whether links of `kind` answer the tunnel ioctls.
pub fn is_tunnel_kind(kind: &str) -> bool {
    tunnel_kind(kind).is_some()
}

/// The fallback device of each tunnel kind (ip6tnl's for any other).
pub fn fallback_name(kind: &str) -> &'static str {
    tunnel_kind(kind).map_or("ip6tnl0", |k| k.1)
}

/// The kernel module that provides tunnels of `kind` (ip6tnl's for any other).
pub fn module_name(kind: &str) -> &'static str {
    tunnel_kind(kind).map_or("ip6_tunnel", |k| k.2)
}

/// `ip6_tnl_parm2`: ip6tnl (ip6ip6, ipip6, any), ip6gre and vti6 tunnels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct V6 {
    pub name: String,
    pub link: u32,
    pub proto: u8,
    pub vti: bool,
    /// Hop and encapsulation limits, flowinfo (host order: traffic class
    /// in bits 20-27, flow label in 0-19), IP6_TNL_F_* flags; the fwmark
    /// is never sent from here.
    pub ip6: Ip6Opts,
    pub hdr: GreHeader,
    pub local: Ipv6Addr,
    pub remote: Ipv6Addr,
}

impl V6 {
    /// `ip6_tnl_parm_init`: proto ipv6 and, for add/change/del, the
    /// default hop and encapsulation limits.
    pub fn init(apply_default: bool) -> Self {
        V6 {
            name: String::new(),
            link: 0,
            proto: IPPROTO_IPV6,
            vti: false,
            ip6: if apply_default { Ip6Opts::new() } else { Ip6Opts::default() },
            hdr: GreHeader::default(),
            local: Ipv6Addr::UNSPECIFIED,
            remote: Ipv6Addr::UNSPECIFIED,
        }
    }

    pub fn kind(&self) -> &'static str {
        if self.proto == IPPROTO_GRE {
            "ip6gre"
        } else if self.vti {
            "vti6"
        } else {
            "ip6tnl"
        }
    }

    /// The fallback device the ioctl would go to.
    pub fn basedev(&self) -> &'static str {
        fallback_name(self.kind())
    }

    /// What SIOCGETTUNNEL would report for an IPv6 tunnel link.
    pub fn of_link(l: &Link) -> Option<V6> {
        let a = l.attrs();
        let mut p = V6 { name: l.name.clone(), ..V6::init(false) };
        match l.kind.as_str() {
            "ip6tnl" => {
                let mut t = Ip6Tnl { proto: IPPROTO_IPV6, ..Ip6Tnl::default() };
                t.read(&a);
                (p.proto, p.link, p.local, p.remote, p.ip6) = (t.proto, t.link, ip6(t.local), ip6(t.remote), t.ip6);
            }
            "ip6gre" => {
                let mut t = Gre6::default();
                t.read(&a);
                (p.proto, p.link, p.hdr, p.ip6) = (IPPROTO_GRE, t.link, t.hdr, t.ip6);
                (p.local, p.remote) = (ip6(t.local), ip6(t.remote));
            }
            "vti6" => {
                // The vti6 ioctl reports a key flag for each non-zero key.
                let mut t = Vti { v6: true, ..Vti::default() };
                t.read(&a);
                (p.vti, p.link, p.local, p.remote) = (true, t.link, ip6(t.local), ip6(t.remote));
                let flag = |k: u32| if k != 0 { GRE_KEY } else { 0 };
                p.hdr = GreHeader { iflags: flag(t.ikey), oflags: flag(t.okey), ikey: t.ikey, okey: t.okey };
            }
            _ => return None,
        }
        Some(p)
    }

    /// IFLA_INFO_DATA for an IPv6 tunnel of `kind`, as the ioctl path
    /// would store these parameters (neither encap nor fwmark sent).
    pub fn data(&self, kind: &str) -> AttrWriter {
        let (local, remote) = (Some(IpAddr::V6(self.local)), Some(IpAddr::V6(self.remote)));
        let (link, ip6) = (self.link, Ip6Opts { fwmark: None, ..self.ip6 });
        let mut n = AttrWriter::new();
        match kind {
            "ip6gre" => Gre6 { link, hdr: self.hdr.keys_flagged(), local, remote, ip6, ..Gre6::default() }.emit(&mut n),
            "vti6" => Vti { v6: true, link, ikey: self.hdr.ikey, okey: self.hdr.okey, local, remote, fwmark: None }.emit(&mut n),
            _ => Ip6Tnl { proto: self.proto, link, local, remote, ip6, ..Ip6Tnl::default() }.emit(&mut n),
        }
        n
    }
}
