//! The one synchronous rtnetlink client. Only this module touches sockets.

pub mod addr;
pub mod attr;
pub mod dump;
pub mod errno;
pub mod ifioctl;
pub mod ipbuf;
pub mod link;
pub mod listen;
pub mod netfilter;
pub mod netns;
pub mod pipeline;
pub mod rawip;
pub mod request;
pub mod savefile;
pub mod socket;

pub use dump::DumpStatus;
pub use socket::{Netlink, Outgoing};
