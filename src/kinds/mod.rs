//! One module per link kind (veth, bridge, vxlan, …): its `link add`
//! keywords, its IFLA_INFO_DATA, and how `-d` prints it.
//!
//! A kind is one file and one entry in [`KINDS`]. Parsers write the
//! attributes of IFLA_INFO_DATA with the one attribute codec
//! (`netlink::attr::AttrWriter`), byte for byte as iproute2 lays them out.
//! Printers read the raw IFLA_INFO_DATA with the one attribute reader
//! (`netlink::attr::Attrs`), as iproute2's `print_opt(tb[])` does, so that
//! what is printed is exactly what the kernel sent, in iproute2's order;
//! they print through the one printer (`print::Dyn`) and name devices
//! through the link-name service.

pub mod bareudp;
pub mod bond;
pub mod bond_slave;
pub mod bridge;
pub mod bridge_slave;
pub mod dummy;
pub mod geneve;
pub mod gre;
pub mod gre6;
pub mod ifb;
pub mod ip6tnl;
pub mod ipvlan;
pub mod iptnl;
pub mod macvlan;
pub mod tun;
pub mod tunnel_attrs;
pub mod tunnel_common;
pub mod tunnel_encap;
pub mod veth;
pub mod vlan;
pub mod vrf;
pub mod vti;
pub mod vxlan;
pub mod wireguard;
pub mod xfrm;

use std::fs::File;
use std::io::{self, Write};


use crate::cli::grammar::Keyword;
use crate::cli::options::{Family, Options};
use crate::error::Result;
use crate::names::links::Links;
pub use crate::netlink::attr::Attrs;
use crate::objects::link::modify::Lookup;
use crate::print::{Dyn, Printer};

/// What a kind's parser may use besides its words.
pub struct KindEnv<'a> {
    /// Interface names to indexes (iproute2's `ll_name_to_index`).
    pub lookup: &'a mut dyn Lookup,
    /// The request creates a device (NLM_F_CREATE).
    pub creating: bool,
    /// `link set`/`change`: RTM_NEWLINK without NLM_F_CREATE.
    pub set_op: bool,
    /// The device's index in the request (0 when creating one without
    /// `index`); tunnel kinds read its current data on `link set`.
    pub index: u32,
    /// `-4`/`-6`/`-f`: iproute2's `preferred_family`.
    pub family: Family,
    /// `ip` or `rtun`, for messages.
    pub prog: &'static str,
    /// Namespace files opened while parsing (the veth peer's `netns`); they
    /// must stay open until the request is sent.
    pub files: &'a mut Vec<File>,
    /// As `ip`: how many bytes of ip's request buffer
    /// (`netlink::ipbuf::LINK_REQ`) come before the kind's data; None as
    /// rtun.
    pub ip_used: Option<usize>,
}

/// Words after `type KIND` → the attributes of IFLA_INFO_DATA.
pub type ParseFn = fn(&mut KindEnv<'_>, &[String]) -> Result<Vec<u8>>;
/// IFLA_INFO_DATA (raw attributes) → `-d` fields; devices it refers to
/// are named by the link-name service.
pub type PrintFn = fn(&mut Dyn<'_>, &Attrs<'_>, &Options, &Links) -> io::Result<()>;

/// One link kind rtun knows.
pub struct Kind {
    pub name: &'static str,
    /// The words `link add … type NAME` accepts, in iproute2's test order.
    pub keywords: &'static [Keyword],
    /// None: iproute2 has no option parser for the kind and ignores the words.
    pub parse: Option<ParseFn>,
    /// None: iproute2 prints nothing (and no `info_data`) for the kind.
    pub print: Option<PrintFn>,
    /// One line for help.
    pub about: &'static str,
}

/// The kinds rtun can create and print.
pub static KINDS: &[Kind] = &[
    veth::KIND,
    bridge::KIND,
    vxlan::KIND,
    ifb::KIND,
    dummy::KIND,
    vlan::KIND,
    macvlan::KIND,
    tun::KIND,
    bridge_slave::KIND,
    bond_slave::KIND,
    gre::GRE,
    gre::GRETAP,
    gre::ERSPAN,
    gre6::IP6GRE,
    gre6::IP6GRETAP,
    gre6::IP6ERSPAN,
    iptnl::IPIP,
    iptnl::SIT,
    ip6tnl::KIND,
    vti::VTI,
    vti::VTI6,
    bond::KIND,
    vrf::KIND,
    vrf::SLAVE,
    geneve::KIND,
    macvlan::MACVTAP,
    ipvlan::IPVLAN,
    ipvlan::IPVTAP,
    xfrm::KIND,
    bareudp::KIND,
    wireguard::KIND,
];

/// The kinds iproute2 6.1 has a module for (`ip link help` lists them);
/// their options are not all implemented by rtun.
pub const IP_KINDS: &[&str] = &[
    "amt", "bareudp", "batadv", "bond", "bond_slave", "bridge", "bridge_slave", "can", "dsa", "dummy",
    "erspan", "geneve", "gre", "gretap", "gtp", "hsr", "ifb", "ip6erspan", "ip6gre", "ip6gretap",
    "ip6tnl", "ipip", "ipoib", "ipvlan", "ipvtap", "macsec", "macvlan", "macvtap", "netdevsim",
    "nlmon", "rmnet", "sit", "team", "team_slave", "vcan", "veth", "virt_wifi", "vlan", "vrf", "vti",
    "vti6", "vxcan", "vxlan", "wwan", "xfrm",
];

/// The kind called exactly `name`.
pub fn find(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// `-d` output of a link's IFLA_INFO_DATA, for `link show`/`address show`.
///
/// Call it right after printing `info_kind`. Like iproute2's
/// `print_linktype`, it opens the JSON object `info_data` itself, and only
/// for kinds that have a printer (so `veth` gets none). `data` is the raw
/// IFLA_INFO_DATA of the message, if it had one.
pub fn print_kind_data<W: Write>(p: &mut Printer<W>, kind: &[u8], data: Option<&[u8]>, opts: &Options, links: &Links) -> io::Result<()> {
    let Some(print) = std::str::from_utf8(kind).ok().and_then(find).and_then(|k| k.print) else {
        return Ok(());
    };
    print_nested(p, "info_data", data, print, opts, links)
}

/// `-d` output of a port's data (`bridge_slave`, `bond_slave`, …): `kind` is
/// the master's kind (IFLA_INFO_SLAVE_KIND, without `_slave`). Like
/// iproute2, only kinds `KIND_slave` with a printer get the JSON object
/// `info_slave_data`.
pub fn print_slave_data<W: Write>(p: &mut Printer<W>, kind: &[u8], data: Option<&[u8]>, opts: &Options, links: &Links) -> io::Result<()> {
    let Some(print) = std::str::from_utf8(kind).ok().and_then(|k| find(&format!("{k}_slave"))).and_then(|k| k.print) else {
        return Ok(());
    };
    print_nested(p, "info_slave_data", data, print, opts, links)
}

/// Open the JSON object `key`, print the nested attributes of `data` (none
/// when the kernel sent none) with the kind's printer, close it.
fn print_nested<W: Write>(p: &mut Printer<W>, key: &str, data: Option<&[u8]>, print: PrintFn, opts: &Options, links: &Links) -> io::Result<()> {
    p.open_object(Some(key))?;
    if let Some(data) = data {
        print(p, &Attrs::new(data), opts, links)?;
    }
    p.close_object()
}

/// iproute2's link-layer protocol names (lib/ll_proto.c), in its order.
const LL_PROTOS: &[(u16, &str)] = &[
    (0x0060, "loop"), (0x0200, "pup"), (0x0201, "pupat"), (0x0800, "ip"), (0x0805, "x25"),
    (0x0806, "arp"), (0x08FF, "bpq"), (0x0a00, "ieeepup"), (0x0a01, "ieeepupat"), (0x6000, "dec"),
    (0x6001, "dna_dl"), (0x6002, "dna_rc"), (0x6003, "dna_rt"), (0x6004, "lat"), (0x6005, "diag"),
    (0x6006, "cust"), (0x6007, "sca"), (0x8035, "rarp"), (0x809B, "atalk"), (0x80F3, "aarp"),
    (0x8137, "ipx"), (0x86DD, "ipv6"), (0x8863, "ppp_disc"), (0x8864, "ppp_ses"), (0x884c, "atmmpoa"),
    (0x8884, "atmfate"), (0x0001, "802_3"), (0x0002, "ax25"), (0x0003, "all"), (0x0004, "802_2"),
    (0x0005, "snap"), (0x0006, "ddcmp"), (0x0007, "wan_ppp"), (0x0008, "ppp_mp"), (0x0009, "localtalk"),
    (0x000C, "can"), (0x0010, "ppptalk"), (0x0011, "tr_802_2"), (0x0015, "mobitex"), (0x0016, "control"),
    (0x0017, "irda"), (0x0018, "econet"), (0x88CA, "tipc"), (0x8892, "profinet"), (0x88A2, "aoe"),
    (0x88A4, "ethercat"), (0x8100, "802.1Q"), (0x88A8, "802.1ad"), (0x8847, "mpls_uc"), (0x8848, "mpls_mc"),
    (0x6558, "teb"), (0x8100, "802.1Q"), (0x88cc, "LLDP"), (0x0800, "ipv4"),
];

/// `ll_proto_a2n`: a protocol name (any case) or number → host-order value.
pub fn ll_proto_a2n(s: &str) -> Option<u16> {
    LL_PROTOS
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(s))
        .map(|(id, _)| *id)
        .or_else(|| crate::parse::get_u16(s, 0))
}

/// `ll_proto_n2a`: host-order value → name, or `[N]`.
pub fn ll_proto_n2a(id: u16, numeric: bool) -> String {
    match LL_PROTOS.iter().find(|(v, _)| !numeric && *v == id) {
        Some((_, n)) => (*n).to_string(),
        None => format!("[{id}]"),
    }
}

/// `Error: argument of "KEY" must be "on" or "off", not "VALUE"` (exit 1).
pub fn on_off_error(key: &str, value: &str) -> crate::error::Error {
    crate::error::Error::Failure(format!("Error: argument of \"{key}\" must be \"on\" or \"off\", not \"{value}\""))
}

/// lib/utils.c `parse_on_off`: "on"/"off" or any prefix of them ("o" is
/// off); otherwise iproute2's `parse_one_of` message, and the callers
/// `exit(1)`.
pub fn parse_on_off(key: &str, value: &str) -> Result<bool> {
    if crate::cli::words::matches(value, "off") {
        Ok(false)
    } else if crate::cli::words::matches(value, "on") {
        Ok(true)
    } else {
        Err(crate::error::Error::Fatal(format!("Error: argument of \"{key}\" must be one of \"off\", \"on\", not \"{value}\"")))
    }
}

/// The options a kind's parser has met, by attribute type (iproute2's
/// `check_duparg` bit set): a second one is `duparg2`'s error.
#[derive(Default)]
pub struct Seen(u64);

impl Seen {
    /// Note `attr`; an error naming `key` and `word` if it was met before.
    pub fn once(&mut self, attr: u16, key: &str, word: &str) -> Result<()> {
        let bit = 1u64.checked_shl(u32::from(attr)).unwrap_or(0);
        if self.0 & bit != 0 {
            return Err(crate::error::duparg2(key, word));
        }
        self.0 |= bit;
        Ok(())
    }

    pub fn has(&self, attr: u16) -> bool {
        self.0 & 1u64.checked_shl(u32::from(attr)).unwrap_or(0) != 0
    }
}

/// A kind's parser met a word it does not know: iproute2 names it and
/// prints the kind's usage; rtun prints the kind's synopsis (`cli::help`)
/// after `first_line`; exit 1.
pub fn unknown_word(kind: &str, first_line: Option<String>) -> crate::error::Error {
    help_request(kind, false, first_line, 1, false)
}

/// `help` among a kind's options (and `link help KIND`): the kind's help.
/// `status` and `ip_stdout` are what iproute2 does there (as ip).
pub fn help(kind: &str, status: i32, ip_stdout: bool) -> crate::error::Error {
    help_request(kind, true, None, status, ip_stdout)
}

/// The help of a kind asked for (`asked`) or after a usage error, led by
/// `lead`; `status` and `ip_stdout` are iproute2's (see `HelpRequest`).
pub fn help_request(kind: &str, asked: bool, lead: Option<String>, status: i32, ip_stdout: bool) -> crate::error::Error {
    use crate::error::{Error, HelpRequest, Topic};
    let topic = find(kind).map_or(Topic::Current, |k| Topic::Kind(k.name));
    Error::Help(Box::new(HelpRequest { topic, asked, lead, status, ip_stdout }))
}

#[cfg(test)]
pub(crate) mod testutil {
    use super::*;
    use netlink_packet_core::Nla;
    use std::collections::HashMap;

    /// A name→index map standing in for the kernel.
    pub struct FakeLinks(pub HashMap<String, u32>);

    impl Lookup for FakeLinks {
        fn index(&mut self, name: &str) -> u32 {
            self.0.get(name).copied().unwrap_or(0)
        }
        fn is_vrf(&mut self, _name: &str) -> bool {
            false
        }
    }

    pub fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    /// Parse `args` with kind `k` as `link add` would: the attributes of
    /// IFLA_INFO_DATA.
    pub fn parse(k: &Kind, args: &str, links: &[(&str, u32)]) -> Result<Vec<u8>> {
        let mut fake = FakeLinks(links.iter().map(|(n, i)| (n.to_string(), *i)).collect());
        let mut files = Vec::new();
        let mut env = KindEnv { lookup: &mut fake, creating: true, set_op: false, index: 0, family: Family::Unspec, prog: "ip", files: &mut files, ip_used: None };
        let f = k.parse.ok_or_else(|| crate::error::Error::Failure("no parser".into()))?;
        f(&mut env, &words(args))
    }

    /// Data for the printers under test: attribute bytes, or typed data.
    pub trait Data {
        fn data_bytes(&self) -> Vec<u8>;
    }

    impl Data for netlink_packet_route::link::InfoData {
        fn data_bytes(&self) -> Vec<u8> {
            let mut bytes = vec![0u8; self.value_len()];
            self.emit_value(&mut bytes);
            bytes
        }
    }

    impl Data for Vec<u8> {
        fn data_bytes(&self) -> Vec<u8> {
            self.clone()
        }
    }

    /// The raw attributes of parsed data: (type, bytes) in order, a nest
    /// keeping its NESTED flag.
    pub fn raw_attrs(data: &impl Data) -> Vec<(u16, Vec<u8>)> {
        let bytes = data.data_bytes();
        let nested = |a: &crate::netlink::attr::Attr| if a.nested { crate::netlink::attr::NLA_F_NESTED } else { 0 };
        Attrs::new(&bytes).iter().map(|a| (a.kind | nested(&a), a.payload.to_vec())).collect()
    }

    /// Print parsed port data of a `{kind}_slave` with `-d`, as the kernel
    /// would report it back (text or JSON).
    pub fn render_port(kind: &str, data: &impl Data, json: bool) -> String {
        let bytes = data.data_bytes();
        let mut p = Printer::new(Vec::new(), json, false, false, false);
        if json {
            let _ = p.open_object(None);
        }
        let _ = print_slave_data(&mut p, kind.as_bytes(), Some(&bytes), &Options::default(), &Links::offline());
        if json {
            let _ = p.close_object();
        }
        String::from_utf8_lossy(&p.into_inner()).into_owned()
    }

    /// Print `data` of `kind` with `-d` into a string (text or JSON).
    pub fn render(kind: &str, data: &impl Data, json: bool) -> String {
        let bytes = data.data_bytes();
        let mut p = Printer::new(Vec::new(), json, false, false, false);
        let opts = Options::default();
        if json {
            let _ = p.open_object(None);
        }
        let _ = print_kind_data(&mut p, kind.as_bytes(), Some(&bytes), &opts, &Links::offline());
        if json {
            let _ = p.close_object();
        }
        String::from_utf8_lossy(&p.into_inner()).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocol_names() {
        assert_eq!(ll_proto_a2n("802.1q"), Some(0x8100));
        assert_eq!(ll_proto_a2n("802.1AD"), Some(0x88a8));
        assert_eq!(ll_proto_a2n("0x8100"), Some(0x8100));
        assert_eq!(ll_proto_a2n("bogus"), None);
        assert_eq!(ll_proto_n2a(0x8100, false), "802.1Q");
        assert_eq!(ll_proto_n2a(0x1234, false), "[4660]");
    }

    #[test]
    fn every_kind_is_known_to_ip() {
        for k in KINDS {
            // `tun` and `vrf_slave` have printers in iproute2 but are not
            // listed by `ip link help`; `wireguard` has no module there.
            assert!(IP_KINDS.contains(&k.name) || ["tun", "vrf_slave", "wireguard"].contains(&k.name), "{}", k.name);
        }
    }
}

/// A check against the kernel: prints the `-d` data of every link in the
/// current namespace to `$RTUN_KIND_DUMP` (text, then JSON, one link a
/// line) for comparison with `ip -d link show` (run it inside `unshare -n`
/// after creating links with ip).
#[cfg(test)]
mod kernel_check {
    use super::*;
    use crate::netlink::link::{LinkMsg, IFLA_LINKINFO, RTM_GETLINK};
    use crate::netlink::Outgoing;

    #[test]
    #[ignore]
    fn dump_kind_data_of_all_links() {
        let Ok(path) = std::env::var("RTUN_KIND_DUMP") else { return };
        let mut nl = crate::netlink::Netlink::open(None).expect("netlink");
        let links = Links::new();
        let mut out = String::new();
        let body = [0u8; crate::netlink::link::IFINFOMSG_LEN];
        nl.dump_out(Outgoing::Raw { kind: RTM_GETLINK, body: &body }, |m| {
            let Some(l) = LinkMsg::from_nlmsg(m) else { return Ok(()) };
            let Some(info) = l.get(IFLA_LINKINFO).map(Attrs::new) else { return Ok(()) };
            let Some(kind) = info.bytes_z(1) else { return Ok(()) };
            for json in [false, true] {
                let mut p = Printer::new(Vec::new(), json, false, false, false);
                let _ = p.open_object(None);
                let _ = print_kind_data(&mut p, kind, info.get(2), &Options::default(), &links);
                let _ = p.close_object();
                let text = String::from_utf8_lossy(&p.into_inner()).into_owned();
                let name = String::from_utf8_lossy(l.name().unwrap_or_default());
                out.push_str(&format!("{name}\t{}\t{text}\n", String::from_utf8_lossy(kind)));
            }
            Ok(())
        })
        .expect("dump")
        .expect("dump");
        std::fs::write(path, out).expect("write");
    }
}
