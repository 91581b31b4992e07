//! `link show` and the link lines of `address show` (iproute2's
//! `print_linkinfo`) (placeholder, being written).

use crate::error::Result;
use crate::Context;

pub fn show(_ctx: &mut Context, _args: &[String]) -> Result<()> {
    Ok(())
}
