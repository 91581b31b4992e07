//! `link`: `show` lives in `show.rs` (shared with `address show`), the
//! changes (`add`, `set`, `del`) in `modify.rs`.

pub mod modify;
pub mod show;

pub use show::show;
