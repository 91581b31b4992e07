//! One module per ip object: parse its words into requests, print what the
//! kernel answers. (The grammar tables for each are in `cli/grammar/`.)

pub mod address;
pub mod link;
pub mod monitor;
pub mod netns;
pub mod route;
pub mod tunnel;
