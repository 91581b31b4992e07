//! `address`: list, flush and change the protocol addresses of links.
//! `list` also serves `link show`, as in iproute2.

pub mod filter;
pub mod grammar;
pub mod flags;
pub mod flush;
pub mod list;
pub mod modify;
pub mod print;
pub mod save;

use crate::error::{Error, Result, Topic};
use crate::Context;

pub use modify::{add, change, delete, replace};
pub use save::{restore, save, showdump};

/// `address show` (also `ip address` alone).
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    list::run(ctx, args, list::Action::Show)
}

/// `address flush`.
pub fn flush(ctx: &mut Context, args: &[String]) -> Result<()> {
    list::run(ctx, args, list::Action::Flush)
}

/// `address help`: the object's help (`cli::help`).
pub fn help(_ctx: &mut Context, _args: &[String]) -> Result<()> {
    Err(Error::help(Topic::Current))
}
