//! The grammar of `netns` (placeholder, being written).

use super::{p, Command, Object};
use crate::objects::netns;

pub const OBJECT: Object = Object {
    name: "netns",
    default: Some(netns::list),
    commands: &[Command { names: &[p("list"), p("show")], run: netns::list, synopsis: "", help: "", keywords: &[] }],
    help: "",
    about: "",
};
