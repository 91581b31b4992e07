//! `rule`: iproute2's `iprule.c`. Listing, flushing and saving are in
//! `list.rs` (one dump; `Filter` decides what is kept), one rule is printed
//! by `print.rs`, `add`/`delete` are in `modify.rs`, `restore` in
//! `restore.rs`; rule messages are read in place (`msg.rs`).

pub mod grammar;
pub mod list;
mod modify;
pub mod msg;
pub mod print;
mod restore;

pub use list::{flush, save, show};
pub use modify::{add, delete};
pub use restore::restore;
