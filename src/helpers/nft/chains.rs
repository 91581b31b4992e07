//! rtun's table `inet rtun` and its base chains, created on demand, all
//! with policy accept so that an empty chain changes nothing. Priorities
//! are nft's standard names:
//!
//! | chain       | type   | hook        | priority          |
//! |-------------|--------|-------------|-------------------|
//! | input       | filter | input       | filter (0)        |
//! | forward     | filter | forward     | filter (0)        |
//! | mss         | filter | forward     | mangle (-150)     |
//! | prerouting  | nat    | prerouting  | dstnat (-100)     |
//! | postrouting | nat    | postrouting | srcnat (100)      |
//!
//! nftables runs every base chain on a hook: an accept here ends only
//! this chain, and a drop in another table's chain on the same hook still
//! drops the packet (`rtun nft show` warns about such chains).

use super::rule::Action;

pub const TABLE: &str = "rtun";
pub const NFPROTO_INET: u8 = 1;

// Netfilter hook numbers (NF_INET_*).
pub const HOOK_PREROUTING: u32 = 0;
pub const HOOK_INPUT: u32 = 1;
pub const HOOK_FORWARD: u32 = 2;
pub const HOOK_POSTROUTING: u32 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chain {
    Input,
    Forward,
    Mss,
    Prerouting,
    Postrouting,
}

pub const ALL: [Chain; 5] = [Chain::Input, Chain::Forward, Chain::Mss, Chain::Prerouting, Chain::Postrouting];

impl Chain {
    pub fn name(self) -> &'static str {
        match self {
            Chain::Input => "input",
            Chain::Forward => "forward",
            Chain::Mss => "mss",
            Chain::Prerouting => "prerouting",
            Chain::Postrouting => "postrouting",
        }
    }

    pub fn from_name(name: &str) -> Option<Chain> {
        ALL.into_iter().find(|c| c.name() == name)
    }

    /// `filter` or `nat`.
    pub fn kind(self) -> &'static str {
        match self {
            Chain::Prerouting | Chain::Postrouting => "nat",
            _ => "filter",
        }
    }

    pub fn hook(self) -> u32 {
        match self {
            Chain::Input => HOOK_INPUT,
            Chain::Forward | Chain::Mss => HOOK_FORWARD,
            Chain::Prerouting => HOOK_PREROUTING,
            Chain::Postrouting => HOOK_POSTROUTING,
        }
    }

    pub fn priority(self) -> i32 {
        match self {
            Chain::Input | Chain::Forward => 0,
            Chain::Mss => -150,
            Chain::Prerouting => -100,
            Chain::Postrouting => 100,
        }
    }

    /// The chain a rule of this kind lives in.
    pub fn of(action: &Action) -> Chain {
        match action {
            Action::Accept { .. } => Chain::Input,
            Action::Forward => Chain::Forward,
            Action::Masquerade | Action::Snat { .. } => Chain::Postrouting,
            Action::Dnat { .. } => Chain::Prerouting,
            Action::ClampMss { .. } => Chain::Mss,
        }
    }
}

pub fn hook_name(hook: u32) -> &'static str {
    match hook {
        HOOK_PREROUTING => "prerouting",
        HOOK_INPUT => "input",
        HOOK_FORWARD => "forward",
        3 => "output",
        HOOK_POSTROUTING => "postrouting",
        _ => "?",
    }
}
