//! One module per ip object: parse its words into requests, print what the
//! kernel answers. Each object's words are its own `grammar.rs`.

pub mod address;
pub mod link;
pub mod maddress;
pub mod monitor;
pub mod neigh;
pub mod netns;
pub mod nexthop;
pub mod route;
pub mod rule;
pub mod tunnel;
