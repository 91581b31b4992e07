//! The grammar of `tunnel` (placeholder, being written). The object has a
//! `dispatch` handler: the family (from `-6` or the mode) decides which
//! commands exist, so the object picks its command itself.

use super::Object;
use crate::objects::tunnel;

pub const OBJECT: Object = Object {
    name: "tunnel",
    default: Some(tunnel::dispatch),
    dispatch: Some(tunnel::dispatch),
    commands: &[],
    help: "IP tunnels (GRE, IPIP, SIT, VTI and their IPv6 kin).",
    about: "",
};

/// `tunl` is iproute2's other name for the same object.
pub const TUNL: Object = Object { name: "tunl", ..OBJECT };
