//! The grammar of `link` (placeholder, being written).

use super::{p, Command, Object};
use crate::objects::link;

pub const OBJECT: Object = Object {
    name: "link",
    default: Some(link::show),
    commands: &[Command { names: &[p("show"), p("list"), p("lst")], run: link::show, synopsis: "", help: "", keywords: &[] }],
    help: "",
    about: "",
};
