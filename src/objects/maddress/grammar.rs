//! The grammar of `maddress` (`ipmaddr.c`).

use crate::cli::grammar::{p, x, Command, Keyword, Object, Value};
use crate::objects::maddress;

const fn k(names: &'static [crate::cli::grammar::Word], value: Value, meta: &'static str, help: &'static str) -> Keyword {
    Keyword { names, value, meta, help, supported: true }
}

/// `show`: a device, with or without the word `dev`.
pub const SHOW: &[Keyword] = &[
    k(&[x("dev")], Value::Ifname, "DEVICE", "Only this device's addresses (the word `dev` may be left out)."),
    k(&[], Value::Ifname, "DEVICE", "A word that is no keyword names the device."),
];

/// `add`/`delete`: the link-layer address and the device.
pub const MODIFY: &[Keyword] = &[
    k(&[x("dev")], Value::Ifname, "DEVICE", "The device (required)."),
    k(&[p("address")], Value::Lladdr, "LLADDR", "The link-layer multicast address (the word `address` may be left out)."),
];

const MODIFY_SYNOPSIS: &str = "[ address ] LLADDR dev DEVICE";

pub const OBJECT: Object = Object {
    name: "maddress",
    default: Some(maddress::show),
    dispatch: Some(maddress::dispatch),
    commands: &[
        Command { names: &[p("add")], run: maddress::add, synopsis: MODIFY_SYNOPSIS, help: "Join a link-layer multicast group on a device.", keywords: MODIFY, supported: true },
        Command { names: &[p("delete")], run: maddress::delete, synopsis: MODIFY_SYNOPSIS, help: "Leave a link-layer multicast group joined with add.", keywords: MODIFY, supported: true },
        Command { names: &[p("list"), p("show"), p("lst")], run: maddress::show, synopsis: "show [ [ dev ] DEVICE ]", help: "List the multicast addresses of every device, or of one.", keywords: SHOW, supported: true },
    ],
    help: "Multicast addresses of devices.",
    about: "The link-layer, IPv4 and IPv6 multicast groups each device has joined, as the kernel lists them in /proc/net (dev_mcast, igmp, igmp6); `-0`, `-4` or `-6` keeps one family. `add` and `delete` change only link-layer groups (`static` in the listing); IP groups are joined by sockets.",
};
