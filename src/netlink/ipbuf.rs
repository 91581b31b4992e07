//! iproute2's fixed request buffers. ip lays each request out in a buffer
//! of fixed size (`struct iplink_req`: netlink header, ifinfomsg and 1024
//! bytes; an address request: ifaddrmsg and 256 bytes), and `addattr_l`
//! refuses an attribute that would overflow it: it prints
//! `addattr_l ERROR: message exceeded bound of N` and ip carries on without
//! that attribute — a device looked up by such a name is then not found,
//! and `link add NAME` creates a device the kernel names itself.
//!
//! Called as `ip`, rtun does the same with the strings that can be that
//! long (device names, altnames, labels, kinds). Called as `rtun`, a name
//! goes whole; the kernel judges it, and one longer than any attribute can
//! hold is refused before anything is sent (`attr::TooLong`).

use super::attr::{align, NLA_HDRLEN};

/// `struct iplink_req` (also `ll_link_get`'s request): 16 + 16 + 1024.
pub const LINK_REQ: usize = 1056;
/// `ipaddr_modify`'s request: 16 + 8 + 256.
pub const ADDR_REQ: usize = 280;
/// The netlink header and an ifinfomsg: what a link request holds before
/// its attributes.
pub const LINK_HEAD: usize = 32;
/// The netlink header and an ifaddrmsg.
pub const ADDR_HEAD: usize = 24;
/// `ll_link_get`: the headers and IFLA_EXT_MASK come before the name.
const GET_LINK_USED: usize = LINK_HEAD + 8;

/// `addattr_l`'s test: whether an attribute with `payload` bytes fits a
/// request of `bound` bytes that holds `used` bytes. When it does not,
/// ip's message goes to stderr.
pub fn admits(bound: usize, used: usize, payload: usize) -> bool {
    if align(used) + align(NLA_HDRLEN + payload) <= bound {
        return true;
    }
    eprintln!("addattr_l ERROR: message exceeded bound of {bound}");
    false
}

/// Whether ip's look-up of a device by a name of `len` bytes
/// (`ll_link_get`) reaches the kernel; ip reports it when not.
pub fn lookup_admits(len: usize) -> bool {
    admits(LINK_REQ, GET_LINK_USED, len + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_as_ip_meets_them() {
        // Measured with Debian's ip 6.1: a look-up by a name of 1011 bytes
        // is sent, one of 1012 is not; `link add NAME` keeps a name of
        // 1019 bytes and drops one of 1020.
        assert!(lookup_admits(1011));
        assert!(!lookup_admits(1012));
        assert!(admits(LINK_REQ, LINK_HEAD, 1019 + 1));
        assert!(!admits(LINK_REQ, LINK_HEAD, 1020 + 1));
    }
}
