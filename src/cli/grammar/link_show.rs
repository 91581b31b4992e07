//! The grammar of `link show` (placeholder, being written).

use super::{p, Command};
use crate::objects::link;

pub const SHOW: Command = Command { names: &[p("show"), p("lst"), p("list")], run: link::show, synopsis: "", help: "", keywords: &[] };
