//! `address`: list, flush and change the protocol addresses of links.
//! `list` also serves `link show`, as in iproute2.

pub mod filter;
pub mod grammar;
pub mod flags;
pub mod flush;
pub mod list;
pub mod modify;
pub mod print;

use crate::error::{Error, Result, Topic};
use crate::Context;

pub use modify::{add, change, delete, replace};

/// `address show` (also `ip address` alone).
pub fn show(ctx: &mut Context, args: &[String]) -> Result<()> {
    list::run(ctx, args, list::Action::Show)
}

/// `address flush`.
pub fn flush(ctx: &mut Context, args: &[String]) -> Result<()> {
    list::run(ctx, args, list::Action::Flush)
}

/// `save`, `showdump`, `restore`: iproute2's binary address dumps.
pub fn unsupported(ctx: &mut Context, _args: &[String]) -> Result<()> {
    let _ = ctx;
    Err(Error::Failure("address save/showdump/restore are not supported by rtun.".into()))
}

/// `address help`: the object's help (`cli::help`).
pub fn help(_ctx: &mut Context, _args: &[String]) -> Result<()> {
    Err(Error::help(Topic::Current))
}
