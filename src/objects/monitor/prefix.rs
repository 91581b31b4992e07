//! An IPv6 prefix event (iproute2's `print_prefix`): a prefix a router
//! advertisement announced on a device.

use std::io;

use super::{flag, Env, Record};
use crate::cli::options::Family;
use crate::netlink::attr::{u32_of, Attrs};
use crate::print::addr::{AddrBuf, AF_INET6};

const PREFIX_ADDRESS: u16 = 1;
const PREFIX_CACHEINFO: u16 = 2;
const ND_OPT_PREFIX_INFORMATION: u8 = 3;
const IF_PREFIX_ONLINK: u8 = 1;
const IF_PREFIX_AUTOCONF: u8 = 2;
/// struct prefixmsg.
const PREFIXMSG_LEN: usize = 12;

/// One RTM_NEWPREFIX message (header included).
pub fn print(p: &mut Record, env: &Env, msg: &[u8]) -> io::Result<bool> {
    let Some(b) = msg.get(16..16 + PREFIXMSG_LEN) else {
        eprintln!("BUG: wrong nlmsg len {}", msg.len() as i32 - 16 - PREFIXMSG_LEN as i32);
        return Ok(false);
    };
    if env.opts.family != Family::Unspec && env.opts.family != Family::Inet6 {
        return Ok(false);
    }
    let (family, ifindex) = (b[0], u32::from_ne_bytes([b[4], b[5], b[6], b[7]]));
    let (kind, len, flags) = (b[8], b[9], b[10]);
    if family != AF_INET6 {
        eprintln!("incorrect protocol family: {family}");
        return Ok(false);
    }
    if kind != ND_OPT_PREFIX_INFORMATION {
        eprintln!("wrong ND type {kind}");
        return Ok(false);
    }
    let a = Attrs::new(msg.get(16 + PREFIXMSG_LEN..).unwrap_or(&[]));
    if let Some(addr) = a.get(PREFIX_ADDRESS) {
        // ip writes no space between the prefix and `dev`.
        p.str("prefix", "prefix {}", AddrBuf::addr(AF_INET6, addr).as_str())?;
        p.num("prefixlen", "/{}", len)?;
    }
    p.str_bytes("dev", "dev {} ", env.links.name(ifindex).as_bytes())?;
    flag(p, "onlink", flags & IF_PREFIX_ONLINK != 0)?;
    flag(p, "autoconf", flags & IF_PREFIX_AUTOCONF != 0)?;
    if let Some(ci) = a.get(PREFIX_CACHEINFO) {
        // struct prefix_cacheinfo: preferred_time, valid_time.
        let preferred = u32_of(ci).unwrap_or(0);
        let valid = ci.get(4..).and_then(u32_of).unwrap_or(0);
        p.num("valid", "valid {} ", valid)?;
        p.num("preferred", "preferred {} ", preferred)?;
    }
    p.text("\n")?;
    Ok(true)
}
