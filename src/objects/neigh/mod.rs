//! `neigh` (`neighbour`, `neighbor`): iproute2's `ipneigh.c`. Listing and
//! flushing are in `show.rs` (what is selected: `filter.rs`; one entry on
//! the printer: `print.rs`), changes in `modify.rs`, look-ups in `get.rs`.
//! Neighbour messages are read in place (`msg.rs`).

pub mod filter;
mod get;
pub mod grammar;
mod modify;
pub mod msg;
pub mod print;
mod show;

use crate::cli::grammar::find_command;
use crate::cli::words::matches;
use crate::error::{Error, Result, Topic};
use crate::Context;

pub use get::get;
pub use modify::{add, change, delete, replace};
pub use show::{flush, show};

/// `do_ipneigh`: the command a word selects (in iproute2's order), else
/// ip's message for an unknown one; `ip neigh` alone lists.
pub fn dispatch(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else { return show(ctx, args) };
    match find_command(&grammar::OBJECT, word) {
        Some(cmd) => (cmd.run)(ctx, &args[1..]),
        None => Err(Error::Usage(format!("Command \"{word}\" is unknown, try \"{} neigh help\".", ctx.prog))),
    }
}

/// `help` among a command's words: iproute2's `usage()`.
pub fn help(_ctx: &mut Context, _args: &[String]) -> Result<()> {
    Err(Error::help(Topic::Current))
}

/// `nud_state_a2n`: a state's name (a few by prefix, as ip), or a number
/// with at most one bit set below 0x100.
pub fn nud_state(word: &str) -> Option<u16> {
    use msg::*;
    Some(if matches(word, "permanent") {
        NUD_PERMANENT
    } else if matches(word, "reachable") {
        NUD_REACHABLE
    } else {
        match word {
            "noarp" => NUD_NOARP,
            "none" => NUD_NONE,
            "stale" => NUD_STALE,
            "incomplete" => NUD_INCOMPLETE,
            "delay" => NUD_DELAY,
            "probe" => NUD_PROBE,
            _ if matches(word, "failed") => NUD_FAILED,
            _ => {
                let n = crate::parse::get_u32(word, 0)?;
                if n >= 0x100 || n & n.wrapping_sub(1) != 0 {
                    return None;
                }
                n as u16
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_as_nud_state_a2n_reads_them() {
        assert_eq!(nud_state("p"), Some(msg::NUD_PERMANENT));
        assert_eq!(nud_state("re"), Some(msg::NUD_REACHABLE));
        assert_eq!(nud_state("f"), Some(msg::NUD_FAILED));
        assert_eq!(nud_state("nud"), None);
        assert_eq!(nud_state("stal"), None);
        assert_eq!(nud_state("0x40"), Some(msg::NUD_NOARP));
        assert_eq!(nud_state("0"), Some(0));
        assert_eq!(nud_state("3"), None);
        assert_eq!(nud_state("256"), None);
    }
}
