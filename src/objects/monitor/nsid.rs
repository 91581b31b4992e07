//! A namespace-id event (iproute2's `print_nsid`): an id given to (or
//! taken from) another network namespace, with its /run/netns name.

use std::io;

use super::{Env, Record};
use crate::netlink::attr::{u32_of, Attrs};
use crate::print::Out;

const RTM_NEWNSID: u16 = 88;
const RTM_DELNSID: u16 = 89;
const NETNSA_NSID: u16 = 1;
const NETNSA_CURRENT_NSID: u16 = 5;

/// One RTM_NEWNSID / RTM_DELNSID message (header included).
pub fn print(p: &mut Record, env: &Env, msg: &[u8]) -> io::Result<bool> {
    let kind = msg.get(4..6).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    // struct rtgenmsg, padded to 4 bytes.
    let Some(attrs) = msg.get(20..) else {
        eprintln!("BUG: wrong nlmsg len {} in print_nsid", msg.len() as i32 - 20);
        return Ok(false);
    };
    let a = Attrs::new(attrs);
    let Some(nsid) = a.get(NETNSA_NSID).and_then(u32_of).map(|v| v as i32) else {
        eprintln!("BUG: NETNSA_NSID is missing print_nsid");
        return Ok(false);
    };
    if kind == RTM_DELNSID {
        p.bool(Out::Any, "deleted", "Deleted ", true)?;
    }
    if nsid < 0 {
        p.text("nsid unassigned ")?;
    } else {
        p.num("nsid", "nsid {} ", nsid)?;
    }
    let current = a.get(NETNSA_CURRENT_NSID).and_then(u32_of).map(|v| v as i32);
    match current {
        Some(c) if c < 0 => p.text("current-nsid unassigned ")?,
        Some(c) => p.num("current-nsid", "current-nsid {} ", c)?,
        None => {}
    }
    // iproute2's name cache: a name is printed once from it (and dropped);
    // a new id not in it is looked up under /run/netns and kept.
    let mut names = env.netns_names.borrow_mut();
    match names.remove(&current.unwrap_or(nsid)) {
        Some(name) => p.str("name", "(iproute2 netns name: {})", &name)?,
        None if kind == RTM_NEWNSID => {
            if let Some(name) = crate::objects::link::show::nsid::scan().remove(&nsid) {
                p.str("name", "(iproute2 netns name: {})", &name)?;
                names.insert(nsid, name);
            }
        }
        None => {}
    }
    p.text("\n")?;
    Ok(true)
}
