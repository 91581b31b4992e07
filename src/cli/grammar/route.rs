//! The grammar of `route` (placeholder, being written).

use super::{p, Command, Object};
use crate::objects::route;

pub const OBJECT: Object = Object {
    name: "route",
    default: Some(route::show),
    commands: &[Command { names: &[p("show"), p("list"), p("lst")], run: route::show, synopsis: "", help: "", keywords: &[] }],
    help: "",
    about: "",
};
