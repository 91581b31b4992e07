//! `tunnel` (and its alias `tunl`): iproute2's `ip tunnel`, made over
//! rtnetlink (RTM_NEWLINK with IFLA_INFO_KIND/IFLA_INFO_DATA) rather than
//! the SIOC*TUNNEL ioctls, yet leaving the kernel in the same state.
//!
//! As in iproute2, the family decides which tunnel tool runs: an IPv6 mode
//! after `mode`, or `-6`, selects `v6.rs` (ip6tunnel.c); else `v4.rs`
//! (iptunnel.c).

pub mod v4;
pub mod v6;

use crate::cli::options::Family;
use crate::error::{Error, Result};
use crate::Context;

/// Modes that make `ip tunnel` an IPv6 tunnel tool (iproute2's
/// `tunnel_mode_is_ipv6`).
pub fn mode_is_ipv6(mode: &str) -> bool {
    matches!(mode, "ipv6/ipv6" | "ip6ip6" | "ipip6" | "ip/ipv6" | "ip6gre" | "gre/ipv6" | "vti6" | "any/ipv6" | "any")
}

/// The whole `tunnel` command line (command word included): pick the
/// family as iproute2 does, then let that family's tool choose the command.
pub fn dispatch(ctx: &mut Context, args: &[String]) -> Result<()> {
    let ipv6_mode = args
        .windows(2)
        .find(|w| w[0] == "mode")
        .is_some_and(|w| mode_is_ipv6(&w[1]));
    if ipv6_mode {
        ctx.opts.family = Family::Inet6;
    }
    match ctx.opts.family {
        Family::Unspec | Family::Inet => {
            ctx.opts.family = Family::Inet;
            v4::dispatch(ctx, args)
        }
        Family::Inet6 => v6::dispatch(ctx, args),
        other => Err(Error::Usage(format!("Unsupported protocol family: {}", other.af()))),
    }
}
