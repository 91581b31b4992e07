//! `link` (placeholder, being written).

use crate::error::Result;
use crate::Context;

pub fn show(_ctx: &mut Context, _args: &[String]) -> Result<()> {
    Ok(())
}
