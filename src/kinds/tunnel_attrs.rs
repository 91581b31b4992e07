//! Netlink attribute numbers and flag bits of IP tunnels (linux/if_tunnel.h,
//! linux/ip6_tunnel.h), shared by the tunnel link kinds (`link add type
//! gre|ipip|sit|vti|ip6gre|ip6tnl|vti6 …`) and the `tunnel` object, which
//! both speak IFLA_INFO_DATA. Numbers only: each kind's parameter struct
//! (`Gre`, `Gre6`, `IpTnl`, `Ip6Tnl`, `Vti`) reads and writes them.

/// The IPPROTO_* numbers a tunnel carries or is carried in.
pub const IPPROTO_IPIP: u8 = 4;
pub const IPPROTO_IPV6: u8 = 41;
pub const IPPROTO_GRE: u8 = 47;
pub const IPPROTO_ESP: u8 = 50;
pub const IPPROTO_MPLS: u8 = 137;

/// IFLA_IPTUN_*: ipip, sit, ip6tnl.
pub mod iptun {
    pub const LINK: u16 = 1;
    pub const LOCAL: u16 = 2;
    pub const REMOTE: u16 = 3;
    pub const TTL: u16 = 4;
    pub const TOS: u16 = 5;
    pub const ENCAP_LIMIT: u16 = 6;
    pub const FLOWINFO: u16 = 7;
    /// u16 for sit (SIT_ISATAP), u32 for ip6tnl (IP6_TNL_F_*), host order.
    pub const FLAGS: u16 = 8;
    pub const PROTO: u16 = 9;
    pub const PMTUDISC: u16 = 10;
    pub const SIXRD_PREFIX: u16 = 11;
    pub const SIXRD_RELAY_PREFIX: u16 = 12;
    pub const SIXRD_PREFIXLEN: u16 = 13;
    pub const SIXRD_RELAY_PREFIXLEN: u16 = 14;
    pub const ENCAP_TYPE: u16 = 15;
    pub const ENCAP_FLAGS: u16 = 16;
    pub const ENCAP_SPORT: u16 = 17;
    pub const ENCAP_DPORT: u16 = 18;
    pub const COLLECT_METADATA: u16 = 19;
    pub const FWMARK: u16 = 20;
}

/// IFLA_GRE_*: gre, gretap, erspan, ip6gre, ip6gretap, ip6erspan.
pub mod gre {
    pub const LINK: u16 = 1;
    pub const IFLAGS: u16 = 2;
    pub const OFLAGS: u16 = 3;
    pub const IKEY: u16 = 4;
    pub const OKEY: u16 = 5;
    pub const LOCAL: u16 = 6;
    pub const REMOTE: u16 = 7;
    pub const TTL: u16 = 8;
    pub const TOS: u16 = 9;
    pub const PMTUDISC: u16 = 10;
    pub const ENCAP_LIMIT: u16 = 11;
    pub const FLOWINFO: u16 = 12;
    pub const FLAGS: u16 = 13;
    pub const ENCAP_TYPE: u16 = 14;
    pub const ENCAP_FLAGS: u16 = 15;
    pub const ENCAP_SPORT: u16 = 16;
    pub const ENCAP_DPORT: u16 = 17;
    pub const COLLECT_METADATA: u16 = 18;
    /// No typed variant in netlink-packet-route 0.34: sent as a raw u8.
    pub const IGNORE_DF: u16 = 19;
    pub const FWMARK: u16 = 20;
    pub const ERSPAN_INDEX: u16 = 21;
    pub const ERSPAN_VER: u16 = 22;
    pub const ERSPAN_DIR: u16 = 23;
    pub const ERSPAN_HWID: u16 = 24;
}

/// IFLA_VTI_*: vti, vti6.
pub mod vti {
    pub const LINK: u16 = 1;
    pub const IKEY: u16 = 2;
    pub const OKEY: u16 = 3;
    pub const LOCAL: u16 = 4;
    pub const REMOTE: u16 = 5;
    pub const FWMARK: u16 = 6;
}

/// GRE header flag bits as they travel in IFLA_GRE_[IO]FLAGS: big-endian u16.
pub const GRE_CSUM: u16 = 0x8000;
pub const GRE_ROUTING: u16 = 0x4000;
pub const GRE_KEY: u16 = 0x2000;
pub const GRE_SEQ: u16 = 0x1000;

/// SIT's IFLA_IPTUN_FLAGS bit for ISATAP (u16 in host order — netlink-packet-route
/// 0.34 writes it big-endian, which the kernel misreads; send it raw).
pub const SIT_ISATAP: u16 = 0x0001;

/// ip6tnl's IFLA_IPTUN_FLAGS / IFLA_GRE_FLAGS bits (u32, host order).
pub const IP6_TNL_F_IGN_ENCAP_LIMIT: u32 = 0x1;
pub const IP6_TNL_F_USE_ORIG_TCLASS: u32 = 0x2;
pub const IP6_TNL_F_USE_ORIG_FLOWLABEL: u32 = 0x4;
pub const IP6_TNL_F_MIP6_DEV: u32 = 0x8;
pub const IP6_TNL_F_RCV_DSCP_COPY: u32 = 0x10;
pub const IP6_TNL_F_USE_ORIG_FWMARK: u32 = 0x20;
pub const IP6_TNL_F_ALLOW_LOCAL_REMOTE: u32 = 0x40;

/// Flow label and traffic class inside the IPv6 flowinfo word.
pub const IP6_FLOWINFO_TCLASS: u32 = 0x0ff0_0000;
pub const IP6_FLOWINFO_FLOWLABEL: u32 = 0x000f_ffff;

/// Default encapsulation limit of ip6 tunnels.
pub const IPV6_DEFAULT_TNL_ENCAP_LIMIT: u8 = 4;

/// Default hop limit of new ip6 tunnels.
pub const DEFAULT_TNL_HOP_LIMIT: u8 = 64;

/// TUNNEL_ENCAP_* (encap fou|gue) and their flags.
pub const TUNNEL_ENCAP_NONE: u16 = 0;
pub const TUNNEL_ENCAP_FOU: u16 = 1;
pub const TUNNEL_ENCAP_GUE: u16 = 2;
pub const TUNNEL_ENCAP_FLAG_CSUM: u16 = 1 << 0;
pub const TUNNEL_ENCAP_FLAG_CSUM6: u16 = 1 << 1;
pub const TUNNEL_ENCAP_FLAG_REMCSUM: u16 = 1 << 2;
