//! Address flags (IFA_F_*): their names, which of them a user may set, and
//! how `ip` prints them (iproute2's `ifa_flag_data` table, in its order).

pub const SECONDARY: u32 = 0x01;
pub const NODAD: u32 = 0x02;
pub const OPTIMISTIC: u32 = 0x04;
pub const DADFAILED: u32 = 0x08;
pub const HOMEADDRESS: u32 = 0x10;
pub const DEPRECATED: u32 = 0x20;
pub const TENTATIVE: u32 = 0x40;
pub const PERMANENT: u32 = 0x80;
pub const MANAGETEMPADDR: u32 = 0x100;
pub const NOPREFIXROUTE: u32 = 0x200;
pub const MCAUTOJOIN: u32 = 0x400;
pub const STABLE_PRIVACY: u32 = 0x800;

/// One named flag.
#[derive(Clone, Copy, Debug)]
pub struct FlagName {
    pub name: &'static str,
    pub mask: u32,
    /// Only the kernel sets it (`add … secondary` is refused with a warning).
    pub readonly: bool,
    /// Settable only on IPv6 addresses.
    pub v6only: bool,
}

const fn f(name: &'static str, mask: u32, readonly: bool, v6only: bool) -> FlagName {
    FlagName { name, mask, readonly, v6only }
}

/// In iproute2's order: printing walks it, and `secondary`/`temporary` share a bit.
pub const FLAGS: &[FlagName] = &[
    f("secondary", SECONDARY, true, false),
    f("temporary", SECONDARY, true, false),
    f("nodad", NODAD, false, true),
    f("optimistic", OPTIMISTIC, false, true),
    f("dadfailed", DADFAILED, true, true),
    f("home", HOMEADDRESS, false, true),
    f("deprecated", DEPRECATED, true, true),
    f("tentative", TENTATIVE, true, true),
    f("permanent", PERMANENT, true, true),
    f("mngtmpaddr", MANAGETEMPADDR, false, true),
    f("noprefixroute", NOPREFIXROUTE, false, false),
    f("autojoin", MCAUTOJOIN, false, false),
    f("stable-privacy", STABLE_PRIVACY, true, true),
];

/// The flag called exactly `name`.
pub fn by_name(name: &str) -> Option<&'static FlagName> {
    FLAGS.iter().find(|f| f.name == name)
}

/// A list filter word (`dynamic`, `-tentative`, `primary`…) as (bits, set):
/// the address must have `bits` set (or clear when `set` is false).
/// `dynamic` means "not permanent" and `primary` "not secondary".
pub fn filter_word(word: &str) -> Option<(u32, bool)> {
    let (inverted, name) = match word.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    let (inverted, name) = match name {
        "dynamic" => (!inverted, "permanent"),
        "primary" => (!inverted, "secondary"),
        other => (inverted, other),
    };
    by_name(name).map(|f| (f.mask, !inverted))
}

/// One printed element of an address's flags.
#[derive(Debug, PartialEq, Eq)]
pub enum Shown {
    /// A flag word (text `NAME `, JSON `"NAME": true`).
    Name(&'static str),
    /// Bits no name covers (text `flags %02x `, JSON `"ifa_flags": "%02x"`).
    Rest(u32),
}

/// The flags as iproute2 prints them: `dynamic` when not permanent,
/// `temporary` instead of `secondary` for IPv6, then leftover bits.
pub fn shown(mut flags: u32, ipv6: bool) -> Vec<Shown> {
    let mut out = Vec::new();
    for fl in FLAGS {
        if fl.mask == PERMANENT {
            if flags & PERMANENT == 0 {
                out.push(Shown::Name("dynamic"));
            }
        } else if flags & fl.mask != 0 {
            let name = if fl.mask == SECONDARY && ipv6 { "temporary" } else { fl.name };
            out.push(Shown::Name(name));
        }
        flags &= !fl.mask;
    }
    if flags != 0 {
        out.push(Shown::Rest(flags));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permanent_prints_nothing_and_its_absence_dynamic() {
        assert_eq!(shown(PERMANENT, false), vec![]);
        assert_eq!(shown(0, false), vec![Shown::Name("dynamic")]);
    }

    #[test]
    fn secondary_is_temporary_for_ipv6_and_named_once() {
        assert_eq!(shown(PERMANENT | SECONDARY, true), vec![Shown::Name("temporary")]);
        assert_eq!(shown(PERMANENT | SECONDARY, false), vec![Shown::Name("secondary")]);
    }

    #[test]
    fn order_and_unknown_bits() {
        let got = shown(PERMANENT | NOPREFIXROUTE | NODAD | 0x1000, true);
        assert_eq!(got, vec![Shown::Name("nodad"), Shown::Name("noprefixroute"), Shown::Rest(0x1000)]);
    }

    #[test]
    fn filter_words() {
        assert_eq!(filter_word("dynamic"), Some((PERMANENT, false)));
        assert_eq!(filter_word("-dynamic"), Some((PERMANENT, true)));
        assert_eq!(filter_word("primary"), Some((SECONDARY, false)));
        assert_eq!(filter_word("-tentative"), Some((TENTATIVE, false)));
        assert_eq!(filter_word("temporary"), Some((SECONDARY, true)));
        assert_eq!(filter_word("tent"), None);
    }
}
