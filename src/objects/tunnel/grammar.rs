//! The grammar of `tunnel` (alias `tunl`), in iproute2's order of tests.
//!
//! The object has a `dispatch` handler: the family (from `-6` or an IPv6
//! mode after `mode`) decides which commands exist (`prl` and `6rd` are
//! IPv4-only) and which keyword table parses the line, so the object looks
//! its command up in [`COMMANDS`] itself. The parsers in
//! `src/objects/tunnel/` find every keyword through [`V4_KEYWORDS`],
//! [`V6_KEYWORDS`], [`PRL_KEYWORDS`] and [`SIXRD_KEYWORDS`].

use crate::cli::grammar::{p, x, Command, Keyword, Object, Value, Word};
use crate::objects::tunnel;

const fn kw(names: &'static [Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}
const fn flag(names: &'static [Word], help: &'static str) -> Keyword {
    Keyword { names, value: Value::Flag, meta: "", help, supported: true }
}

/// A keyword list with the GRE header words (`key`, `ikey`, `okey`, `seq`,
/// `iseq`, `oseq`, `csum`, `icsum`, `ocsum`) between `before` and `after`.
macro_rules! with_gre_words {
    ([$($before:expr),* $(,)?], [$($after:expr),* $(,)?]) => {
        [
            $($before,)*
            kw(&[x("key")], Value::Text, "KEY", "GRE/VTI key both ways: a number or a dotted quad"),
            kw(&[x("ikey")], Value::Text, "KEY", "key expected on received packets"),
            kw(&[x("okey")], Value::Text, "KEY", "key put on sent packets"),
            flag(&[x("seq")], "sequence numbers both ways (GRE)"),
            flag(&[x("iseq")], "drop received packets out of sequence (GRE)"),
            flag(&[x("oseq")], "number sent packets (GRE)"),
            flag(&[x("csum")], "checksums both ways (GRE)"),
            flag(&[x("icsum")], "require checksums on received packets (GRE)"),
            flag(&[x("ocsum")], "checksum sent packets (GRE)"),
            $($after),*
        ]
    };
}

/// Modes of the IPv4 tool (iptunnel.c), with their long spellings.
pub const V4_MODES: &[&str] = &["gre", "gre/ip", "ipip", "ip/ip", "sit", "ipv6/ip", "isatap", "vti"];

/// Modes of the IPv6 tool (ip6tunnel.c), with their long spellings.
pub const V6_MODES: &[&str] = &[
    "ip6ip6", "ipv6/ipv6", "vti6", "ipip6", "ip4ip6", "ip/ipv6", "ipv4/ipv6", "ip6gre", "gre/ipv6", "any", "any/ipv6",
];

/// Every mode `mode` takes (for completion and the manual).
pub const MODES: &[&str] = &[
    "gre", "ipip", "sit", "isatap", "vti", "ip6gre", "ip6ip6", "ipip6", "any", "vti6", "gre/ip", "ip/ip", "ipv6/ip",
    "ipv6/ipv6", "ip4ip6", "ip/ipv6", "ipv4/ipv6", "gre/ipv6", "any/ipv6",
];

/// The positional tunnel name (also `name NAME`); `help` is tested there.
const NAME: Keyword = kw(&[x("name")], Value::Name, "NAME", "the tunnel device's name (the word may be left out)");
const HELP: Keyword = flag(&[p("help")], "show the usage");

/// `ip tunnel add|change|del|show` keywords, IPv4 (iptunnel.c `parse_args`).
pub const V4_KEYWORDS: &[Keyword] = &with_gre_words!(
    [
        // Every mode, IPv6 ones too: an IPv6 mode after `mode` switches the
        // line to the IPv6 keywords (the parsers test the mode words themselves).
        kw(&[x("mode")], Value::Choice(MODES), "", "tunnel kind; else guessed from the name (gre…, ipip…, sit…, isatap…, vti…); an IPv6 mode selects the IPv6 keywords"),
    ],
    [
        flag(&[x("nopmtudisc")], "no path MTU discovery (needs ttl inherit)"),
        flag(&[x("pmtudisc")], "path MTU discovery: set DF on outer packets (the default)"),
        kw(&[x("remote")], Value::Address, "ADDR", "the far end (an IPv4 address or any)"),
        kw(&[x("local")], Value::Address, "ADDR", "this end (an IPv4 address or any)"),
        kw(&[x("dev")], Value::Ifname, "DEV", "bind the tunnel to this device"),
        kw(&[x("ttl"), x("hoplimit"), x("hlim")], Value::Text, "TTL", "outer TTL, 1-255, or inherit"),
        kw(&[x("tos"), x("tclass"), p("dsfield")], Value::Text, "TOS", "outer TOS: a value, a name from rt_dsfield, inherit or inherit/TOS"),
        NAME,
        HELP,
    ]
);

/// `ip -6 tunnel add|change|del|show` keywords (ip6tunnel.c `parse_args`).
pub const V6_KEYWORDS: &[Keyword] = &with_gre_words!(
    [
        kw(&[x("mode")], Value::Choice(V6_MODES), "", "tunnel kind (default ip6ip6)"),
        kw(&[x("remote")], Value::Address, "ADDR", "the far end (an IPv6 address)"),
        kw(&[x("local")], Value::Address, "ADDR", "this end (an IPv6 address)"),
        kw(&[x("dev")], Value::Ifname, "DEV", "bind the tunnel to this device"),
        kw(&[x("encaplimit")], Value::Text, "ELIM", "encapsulation limit, 0-255, or none (default 4)"),
        kw(&[x("hoplimit"), x("ttl"), x("hlim")], Value::Number, "TTL", "outer hop limit, 0-255 (default 64; 0 inherits)"),
        kw(&[x("tclass"), x("tc"), x("tos"), p("dsfield")], Value::Text, "TCLASS", "traffic class in hex, or inherit"),
        kw(&[x("flowlabel"), x("fl")], Value::Text, "FLOWLABEL", "flow label in hex (0-0xfffff), or inherit"),
        kw(&[x("dscp")], Value::Choice(&["inherit"]), "", "copy DSCP from the outer header on receive"),
        flag(&[x("allow-localremote")], "allow a local address as the remote end"),
        flag(&[x("noallow-localremote")], "refuse a local address as the remote end"),
    ],
    [
        NAME,
        HELP,
    ]
);

/// `ip tunnel prl` keywords (iptunnel.c `do_prl`).
pub const PRL_KEYWORDS: &[Keyword] = &[
    kw(&[x("prl-default")], Value::Address, "ADDR", "add a potential router that is also a default router"),
    kw(&[x("prl-nodefault")], Value::Address, "ADDR", "add a potential router (not a default router)"),
    kw(&[x("prl-delete")], Value::Address, "ADDR", "remove a potential router (any: all of them)"),
    kw(&[x("dev")], Value::Ifname, "DEV", "the ISATAP tunnel (required)"),
];

/// `ip tunnel 6rd` keywords (iptunnel.c `do_6rd`).
pub const SIXRD_KEYWORDS: &[Keyword] = &[
    kw(&[x("6rd-prefix")], Value::Prefix, "PREFIX", "the provider's IPv6 6rd prefix"),
    kw(&[x("6rd-relay_prefix")], Value::Prefix, "PREFIX", "the IPv4 prefix common to the relays"),
    flag(&[x("6rd-reset")], "back to the default 6rd setup"),
    kw(&[x("dev")], Value::Ifname, "DEV", "the sit tunnel (required)"),
];

/// `tunnel keepalive` keywords (rtun's own command): the tunnel's name
/// is the one word that is no keyword.
pub const KEEPALIVE_KEYWORDS: &[Keyword] = &[
    kw(&[x("interval")], Value::Number, "SECONDS", "seconds between keepalives, 1-32767 (default 10)"),
    kw(&[x("retries")], Value::Number, "COUNT", "keepalives unanswered in a row that take the tunnel down, 1-255 (default 3)"),
    flag(&[x("once")], "send one keepalive and wait one interval: exit status 0 if it is answered, 1 if not"),
    kw(&[], Value::Ifname, "NAME", "the GRE tunnel (kind gre, IPv4, with a remote address)"),
    HELP,
];

/// `tunnel check` keywords (rtun's own command): the one word that is no
/// keyword names the tunnel.
pub const CHECK_KEYWORDS: &[Keyword] = &[
    kw(&[], Value::Ifname, "NAME", "the tunnel to check (every tunnel when left out)"),
    HELP,
];

/// The commands, in iproute2's order of tests (`l` is `lst`, i.e. show),
/// then rtun's own (by full name only, and not as `ip`).
pub const COMMANDS: &[Command] = &[
    Command { names: &[p("add")], run: tunnel::add, synopsis: "add [ NAME ] [ mode MODE ] [ OPTIONS ]", help: "Create a tunnel.", keywords: V4_KEYWORDS, supported: true },
    Command { names: &[p("change")], run: tunnel::change, synopsis: "change NAME [ OPTIONS ]", help: "Change a tunnel; with NAME first, unnamed settings stay as they are.", keywords: V4_KEYWORDS, supported: true },
    Command { names: &[p("delete")], run: tunnel::delete, synopsis: "delete NAME", help: "Remove a tunnel.", keywords: V4_KEYWORDS, supported: true },
    Command { names: &[p("show")], run: tunnel::show, synopsis: "show [ NAME ] [ SELECTORS ]", help: "List tunnels (all of this family, or those matching).", keywords: V4_KEYWORDS, supported: true },
    Command { names: &[p("lst")], run: tunnel::show, synopsis: "lst", help: "Same as show.", keywords: V4_KEYWORDS, supported: true },
    Command { names: &[p("list")], run: tunnel::show, synopsis: "list", help: "Same as show.", keywords: V4_KEYWORDS, supported: true },
    Command { names: &[p("prl")], run: tunnel::prl, synopsis: "prl { prl-default | prl-nodefault | prl-delete } ADDR dev DEV", help: "Edit an ISATAP tunnel's potential router list (IPv4 only).", keywords: PRL_KEYWORDS, supported: true },
    Command { names: &[p("6rd")], run: tunnel::sixrd, synopsis: "6rd dev DEV [ 6rd-prefix PREFIX ] [ 6rd-relay_prefix PREFIX ] [ 6rd-reset ]", help: "Set a sit tunnel's IPv6 rapid deployment prefixes (IPv4 only).", keywords: SIXRD_KEYWORDS, supported: true },
    Command { names: &[p("help")], run: tunnel::help, synopsis: "help", help: "Show this usage.", keywords: &[], supported: true },
    Command { names: &[x("check")], run: tunnel::check, synopsis: "check [ NAME ]", help: "Say why a tunnel does not pass traffic: one line per check, with the command that fixes what fails (rtun only).", keywords: CHECK_KEYWORDS, supported: true },
    Command { names: &[x("keepalive")], run: tunnel::keepalive, synopsis: "keepalive NAME [ interval SECONDS ] [ retries COUNT ] [ once ]", help: "Send GRE keepalives and answer the far end's; keep the tunnel down while they go unanswered (rtun only).", keywords: KEEPALIVE_KEYWORDS, supported: true },
];

pub const OBJECT: Object = Object {
    name: "tunnel",
    default: Some(tunnel::dispatch),
    dispatch: Some(tunnel::dispatch),
    commands: COMMANDS,
    help: "IP tunnels (GRE, IPIP, SIT/ISATAP, VTI; with -6 or an IPv6 mode: ip6ip6, ipip6, ip6gre, vti6).",
    about: ABOUT,
};

/// The man page's prose: the IPv6 keywords, then `keepalive` and `check`
/// (a blank line starts a paragraph).
const ABOUT: &str = "With -6, or when the word after `mode` is an IPv6 mode, the IPv6 keywords apply: \
    remote/local are IPv6 addresses and encaplimit, hoplimit, tclass, flowlabel, dscp and \
    [no]allow-localremote are accepted; prl and 6rd are IPv4 only.

Keepalives (rtun only; `ip tunnel keepalive` is an unknown command, as in iproute2): \
    `rtun tunnel keepalive NAME` watches a GRE tunnel in the foreground until SIGTERM, SIGINT or \
    SIGHUP. Every interval it sends the far end a keepalive in the format Cisco IOS and MikroTik \
    RouterOS use (Cisco's \"How GRE Keepalives Work\"): a GRE packet from the tunnel's local to its \
    remote address whose payload is a GRE packet of protocol type 0 from the remote address back to \
    the local one, which the far end only has to decapsulate and route home. After `retries` \
    keepalives in a row go unanswered, rtun notes every route through NAME (every table, IPv4 and \
    IPv6) and its addresses and sets NAME down, so that other routes take over; it keeps sending, \
    and at the first answer sets NAME up again and adds back the routes and addresses the kernel \
    dropped. It only ever sets up a tunnel it took down itself. One line per change goes to \
    stdout, `NAME: down, 3 keepalives unanswered` or `NAME: up` (after a timestamp with -t); with \
    -j, one JSON object a line with ifname, state, missed and time. On SIGTERM, SIGINT or SIGHUP \
    it leaves NAME as it found it: up, with its routes (after SIGKILL a tunnel it took down stays \
    down). `once` sends one keepalive and waits one interval: exit status 0 and `NAME: up` if it \
    is answered, 1 and `NAME: down, 1 keepalive unanswered` if not.

The far end's keepalives are answered too: rtun sees every GRE packet that reaches the host and \
    sends the answer inside a keepalive on itself, so two Linux hosts that both run it need no \
    sysctl. A Linux far end that does not run rtun answers only with \
    net.ipv4.conf.TUNNEL.accept_local=1 and net.ipv4.conf.TUNNEL.forwarding=1 on its tunnel device \
    (the answer's source is one of its own addresses, which Linux otherwise drops as a martian \
    without forwarding it); Cisco and MikroTik routers answer whether or not their own keepalives \
    are on. For a service: contrib/systemd/rtun-keepalive@.service (instance: the tunnel's name) \
    and contrib/init/rtun-keepalive (busybox init) in rtun's repository.

Keys, checksums, sequence numbers: the keepalive's outer GRE header carries the tunnel's okey \
    and a checksum if it sets ocsum, as the far end's tunnel wants them; the answer inside carries \
    its ikey and a checksum if it sets icsum, as the far end would send them; a packet counts as an \
    answer or a keepalive of the tunnel only with its ikey. A tunnel that numbers its packets \
    (oseq) is refused, since the far end would drop keepalives, which carry no sequence number. \
    ip6gre, gretap and erspan tunnels are refused (keepalives are IPv4 GRE carrying IP), and so \
    are ipip, sit, vti and ip6tnl tunnels, which have no keepalive format, and tunnels without a \
    single remote address.

Behind NAT: rtun answers a keepalive from the address it reached to the address it came from, \
    not to the addresses written inside it, so a NAT between the ends translates the answer as any \
    packet of the tunnel (such an answer gets four zero bytes after its GRE header: Linux's NAT \
    drops GRE packets shorter than 8 bytes): keepalives work when both ends run rtun, whichever is \
    behind the NAT (the tunnel's remote being the NAT's public address). A far end that only decapsulates (Cisco, \
    MikroTik, Linux with accept_local) routes the answer as it is written inside: from or to an \
    address the NAT does not translate for it (its own public one, or a private one behind it), \
    so the answer rarely arrives and the tunnel goes down; run keepalives across a NAT only with \
    rtun at both ends.

Checks (rtun only; `ip tunnel check` is an unknown command, as in iproute2): `rtun tunnel check \
    NAME` says why a tunnel does not pass traffic (every tunnel when NAME is left out). It prints \
    one line per check: NAME, the check, its status (ok, warn or fail), what was found and, for \
    what is not ok, `; hint:` and the command that fixes it: an rtun command, or an nft, iptables, \
    sed or modprobe line (with -n NS, for that namespace: `rtun -n NS …`, `rtun netns exec NS …`; a \
    hint for the far end says so and names its tunnel TUNNEL). The exit status is 1 when a check \
    failed, else 0. With -j: a JSON array of objects with exactly ifname, check, status, detail and \
    hint (null when ok). The checks, in this order: kernel (the kind's module is loaded, built in, \
    or loadable: in this kernel's modules.dep and not blacklisted in modprobe.d); device (NAME \
    exists, is a tunnel, is up); local (its local address is on this host); underlay (a route to \
    the remote exists and leads neither through NAME itself nor through a tunnel whose remote is \
    routed through NAME); firewall (the nftables ruleset accepts a packet of the tunnel's protocol \
    from the remote: GRE 47, IPIP 4, IPv6-in-IPv4 41, ESP 50, UDP for fou/gue); forwarding (when \
    routes through NAME reach networks beyond the peer and this host has other networks, \
    forwarding is on for NAME and them; strict rp_filter on NAME is reported); mtu (NAME's MTU fits \
    the underlay's, less the outer header, GRE's key, checksum and sequence number, IPv6's \
    encapsulation limit and fou/gue's UDP; when forwarding, some rule clamps the TCP MSS for NAME, \
    as `rtun nft add clamp-mss oif NAME` does); address (NAME has an address; a point-to-point \
    peer is routed through NAME); peer (GRE: one keepalive answered, else an ICMP echo to the \
    peer's tunnel address; other modes: that echo; the peer's tunnel address is a point-to-point \
    peer, or the other end of a /30 or /31). A missing device gets the kernel check for the mode \
    its name implies (as `tunnel add` guesses it) and the device check only. Nothing is changed \
    and nothing is sent but the peer probe. Without root, the firewall check (reading the ruleset \
    needs CAP_NET_ADMIN) and the peer check (a raw socket needs CAP_NET_RAW) say so and warn.

The firewall check follows a packet from the remote to this host as the kernel would, through \
    every base chain on its way in: netdev ingress on the device it comes in on (the underlay's), \
    then prerouting and input of every ip, ip6 and inet table (rtun's own, other programs', \
    iptables-nft's), by hook and priority; an accept ends one base chain, a drop ends all. It \
    follows jumps, gotos and returns, verdict maps, named and anonymous sets and maps (intervals, \
    concatenations with ranges, catch-all elements), payload and meta loads, masks, shifts, \
    ranges, marks set and matched, ct state (the peer's first packet; when that is dropped, also \
    a packet that answers a flow this host started: a warning), fib, and iptables-nft's comment \
    match and REJECT target. It does not follow other xtables matches and targets (conntrack, \
    state, multiport …), limit, quota, connlimit, hash, numgen, rt, socket, osf, xfrm, queue, the \
    link-layer header, time, CPU or cgroup keys, nor what earlier packets or dynset left in sets: \
    such a rule is taken as not matching, and a warning says it cannot be evaluated when it could \
    have changed the verdict. iptables-legacy tables are not read (a warning when there are any). \
    A drop names its table, chain and rule handle; the hint inserts an accept before it (`nft \
    insert rule FAMILY TABLE CHAIN position HANDLE …`, or `iptables -I CHAIN N …` in \
    iptables-nft's tables).";

/// `tunl` is iproute2's other name for the same object.
pub const TUNL: Object = Object { name: "tunl", ..OBJECT };
