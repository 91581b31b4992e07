//! The grammar of `address` (placeholder, being written).

use super::{p, Command, Object};
use crate::objects::address;

pub const OBJECT: Object = Object {
    name: "address",
    default: Some(address::show),
    commands: &[Command { names: &[p("show"), p("list"), p("lst")], run: address::show, synopsis: "", help: "", keywords: &[] }],
    help: "",
    about: "",
};
