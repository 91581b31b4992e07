//! The worked examples: tunnel recipes kept as shell files in
//! `docs/recipes/`, printed under EXAMPLES in rtun(8) and rtun-tunnel(8),
//! shown in README.md (tests/docs.rs checks the README holds each file as
//! written) and run as written in the VM (`tests/vm/scenarios/docs-recipes.sh`).

/// One recipe: what it sets up, then its files in the order they are run.
pub struct Example {
    pub title: &'static str,
    pub about: &'static str,
    /// (where it runs, the file's name under docs/recipes, its text)
    pub steps: &'static [(&'static str, &'static str, &'static str)],
}

macro_rules! recipe {
    ($caption:literal, $file:literal) => {
        ($caption, $file, include_str!(concat!("../../docs/recipes/", $file)))
    };
}

pub const EXAMPLES: &[Example] = &[
    Example {
        title: "Two sites joined by GRE",
        about: "Two routers, each with a public uplink eth0 and a LAN on lan0, join their LANs with a GRE tunnel. Each forwards between its LAN and the tunnel (persisted in /etc/sysctl.d/90-rtun.conf), accepts GRE from the other, masquerades its LAN towards the internet and clamps the TCP MSS of connections through the tunnel to its MTU.",
        steps: &[
            recipe!("On site A", "gre-site-a.sh"),
            recipe!("On site B", "gre-site-b.sh"),
            recipe!("To take it down again, on each site", "gre-teardown.sh"),
        ],
    },
    Example {
        title: "A server reaching a private LAN over IPIP",
        about: "A server with only a public address reaches the private LAN behind a gateway through an IPIP tunnel. The gateway forwards and masquerades the tunnel's traffic into its LAN, so the LAN's hosts need no route back.",
        steps: &[
            recipe!("On the server", "ipip-server.sh"),
            recipe!("On the gateway", "ipip-gateway.sh"),
            recipe!("To take it down again, on both", "ipip-teardown.sh"),
        ],
    },
];

/// A failing `tunnel check` as it is typed and what it prints: README.md
/// shows it, rtun-tunnel(8) prints it under EXAMPLES (tests/docs.rs checks
/// both), and the VM makes the same failure on the worked example's site A
/// and compares (tests/vm/scenarios/docs-recipes.sh).
pub struct Transcript {
    pub title: &'static str,
    pub about: &'static str,
    /// The page that prints it (without the `.8`).
    pub page: &'static str,
    pub text: &'static str,
}

pub const CHECK: Transcript = Transcript {
    title: "Checking a tunnel",
    about: "Site A of the GRE example, with a host firewall (docs/host-firewall.nft: policy drop, established flows, lo and ssh accepted) and gre1's MTU set to 1500. rtun finds GRE the peer starts dropped (a warning: what answers this host's own packets passes) and an MTU that does not fit (a failure: exit status 1), and prints the command that fixes each. The peer answered an ICMP echo but not a keepalive: site B runs no keepalives and lacks the sysctls to answer them.",
    page: "rtun-tunnel",
    text: include_str!("../../docs/tunnel-check.txt"),
};

/// The man pages that print the examples (without the `.8`).
pub const PAGES: &[&str] = &["rtun", "rtun-tunnel"];
