//! `netns` (placeholder, being written).

use crate::error::Result;
use crate::Context;

pub fn list(_ctx: &mut Context, _args: &[String]) -> Result<()> {
    Ok(())
}
