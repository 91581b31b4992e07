//! `maddress add|delete` (`multiaddr_modify`): one SIOCADDMULTI or
//! SIOCDELMULTI ioctl on a datagram socket of the preferred family.

use crate::cli::options::Family;
use crate::cli::words::matches;
use crate::error::{duparg, incomplete, invarg, Error, Result};
use crate::netlink::ifioctl;
use crate::Context;

/// `maddress add [address] LLADDR dev NAME`.
pub fn add(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, true)
}

/// `maddress delete [address] LLADDR dev NAME`.
pub fn delete(ctx: &mut Context, args: &[String]) -> Result<()> {
    modify(ctx, args, false)
}

const ETH_ALEN: usize = 6;

fn modify(ctx: &mut Context, args: &[String], join: bool) -> Result<()> {
    let mut dev: Option<Vec<u8>> = None;
    // ifr_hwaddr.sa_data: 14 bytes; a second address is a duplicate only
    // when the first one's first byte is not zero (as iproute2 checks).
    let mut hw = [0u8; 14];
    let mut words = args.iter();
    while let Some(w) = words.next() {
        if w == "dev" {
            let name = words.next().ok_or_else(incomplete)?;
            if dev.as_ref().is_some_and(|d| !d.is_empty()) {
                return Err(duparg("dev", name));
            }
            if !crate::names::links::valid_ifname(name) {
                return Err(invarg("\"dev\" not a valid ifname", name));
            }
            dev = Some(crate::cli::bytes::bytes(name).into_owned());
            continue;
        }
        let mut w = w.as_str();
        if matches(w, "address") {
            w = words.next().ok_or_else(incomplete)?;
        }
        if matches(w, "help") {
            return Err(super::help());
        }
        if hw[0] != 0 {
            return Err(duparg("address", w));
        }
        let addr = crate::parse::lladdr(w, hw.len()).map_err(Error::Failure)?;
        hw[..addr.len()].copy_from_slice(&addr);
        if addr.len() != ETH_ALEN {
            return Err(Error::Failure(format!(
                "Error: Invalid address length {} - must be {ETH_ALEN} bytes",
                addr.len()
            )));
        }
    }
    let Some(dev) = dev.filter(|d| !d.is_empty()) else {
        return Err(Error::Usage("Not enough information: \"dev\" is required.".into()));
    };
    let family = match ctx.opts.family {
        f @ (Family::Inet6 | Family::Packet | Family::Inet) => f.af(),
        _ => libc::AF_INET as u8,
    };
    ifioctl::multicast(join, i32::from(family), &dev, &hw).map_err(|e| match e {
        ifioctl::SocketFailed(e) => Error::Failure(format!("Cannot create socket: {}", crate::netlink::errno::strerror(e))),
        ifioctl::Refused(e) => Error::Failure(format!("ioctl: {}", crate::netlink::errno::strerror(e))),
    })
}
