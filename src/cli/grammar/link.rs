//! The grammar of `link` (placeholder, being written).

use super::{link_show, Object};
use crate::objects::link;

pub const OBJECT: Object = Object {
    name: "link",
    default: Some(link::show),
    commands: &[link_show::SHOW],
    help: "",
    about: "",
};
