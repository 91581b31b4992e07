//! `link`: `show` lives in `show.rs` (shared with `address show`), the
//! changes (`add`, `set`, `del`) in `modify.rs`.

pub mod grammar;
pub mod modify;
pub mod property;
pub mod show;
pub mod show_grammar;

pub use show::show;
