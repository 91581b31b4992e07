//! `maddress`: iproute2's `ipmaddr.c`. The multicast addresses of links
//! are listed from procfs (`/proc/net/dev_mcast`, `igmp`, `igmp6`: no
//! netlink dump lists them), in `show.rs`; link-layer ones are added and
//! removed by the SIOCADDMULTI/SIOCDELMULTI ioctls (`modify.rs`, through
//! `netlink::ifioctl`).

pub mod grammar;
mod modify;
mod show;

use crate::cli::words::matches;
use crate::error::{Error, Result, Topic};
use crate::Context;

pub use modify::{add, delete};
pub use show::show;

/// `do_multiaddr`: the command from the first word, as iproute2 picks it
/// (its unknown-command message names `maddr`).
pub fn dispatch(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else { return show(ctx, args) };
    let rest = &args[1..];
    if matches(word, "add") {
        add(ctx, rest)
    } else if matches(word, "delete") {
        delete(ctx, rest)
    } else if matches(word, "list") || matches(word, "show") || matches(word, "lst") {
        show(ctx, rest)
    } else if matches(word, "help") {
        Err(help())
    } else {
        Err(Error::Usage(format!("Command \"{word}\" is unknown, try \"{} maddr help\".", ctx.prog)))
    }
}

/// iproute2's `usage()`: this object's help (`cli::help`), status 255.
fn help() -> Error {
    Error::help(Topic::Current)
}
