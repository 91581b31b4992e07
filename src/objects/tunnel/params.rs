//! A tunnel's parameters as `ip tunnel` handles them: the fields of the
//! kernel's `ip_tunnel_parm` (IPv4) and `ip6_tnl_parm2` (IPv6), filled by
//! the command line or read back from a link's IFLA_INFO_DATA.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::kinds::tunnel_attrs::{GRE_KEY, IPV6_DEFAULT_TNL_ENCAP_LIMIT};

pub const IPPROTO_IPIP: u8 = 4;
pub const IPPROTO_GRE: u8 = 47;
pub const IPPROTO_IPV6: u8 = 41;

/// The default hop limit of `ip -6 tunnel add`.
pub const DEFAULT_TNL_HOP_LIMIT: u8 = 64;

/// iproute2's `tnl_strproto`.
pub fn proto_name(proto: u8) -> &'static str {
    match proto {
        IPPROTO_IPIP => "ip",
        IPPROTO_GRE => "gre",
        IPPROTO_IPV6 => "ipv6",
        50 => "esp",
        137 => "mpls",
        0 => "any",
        _ => "unknown",
    }
}

/// `ip_tunnel_parm`: gre, ipip, sit (isatap) and vti tunnels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct V4 {
    pub name: String,
    pub link: u32,
    /// GRE header flags (GRE_KEY, GRE_SEQ, GRE_CSUM) in host order.
    pub iflags: u16,
    pub oflags: u16,
    /// Keys as numbers (`ntohl` of the key on the wire).
    pub ikey: u32,
    pub okey: u32,
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
            iflags: 0,
            oflags: 0,
            ikey: 0,
            okey: 0,
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
        (self.iflags | self.oflags) & GRE_KEY != 0
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
    pub encap_limit: u8,
    pub hop_limit: u8,
    /// Host order: traffic class in bits 20-27, flow label in 0-19.
    pub flowinfo: u32,
    /// IP6_TNL_F_*.
    pub flags: u32,
    pub iflags: u16,
    pub oflags: u16,
    pub ikey: u32,
    pub okey: u32,
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
            encap_limit: if apply_default { IPV6_DEFAULT_TNL_ENCAP_LIMIT } else { 0 },
            hop_limit: if apply_default { DEFAULT_TNL_HOP_LIMIT } else { 0 },
            flowinfo: 0,
            flags: 0,
            iflags: 0,
            oflags: 0,
            ikey: 0,
            okey: 0,
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
}
