//! Helpers beyond ip: other tools rtun can stand in for (one module each).

pub mod nft;
pub mod sysctl;
