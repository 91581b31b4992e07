//! Names for numbers: interface names, and iproute2's tables
//! (`/etc/iproute2/rt_tables`, `rt_protos`, `rt_scopes`, …).

pub mod links;
pub mod tables;
