//! `ip tunnel` (placeholder, being written).

use crate::error::Result;
use crate::Context;

pub fn dispatch(_ctx: &mut Context, _args: &[String]) -> Result<()> {
    Ok(())
}
