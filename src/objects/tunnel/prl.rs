//! The ISATAP potential router list: SIOC{GET,ADD,DEL}PRL on the tunnel
//! device. The kernel has no netlink interface for it, so this is the one
//! tunnel ioctl rtun makes (through `netlink::ifioctl`).

use std::net::Ipv4Addr;

use super::show::PrlEntry;

pub const SIOCGETPRL: u32 = 0x89F4;
pub const SIOCADDPRL: u32 = 0x89F5;
pub const SIOCDELPRL: u32 = 0x89F6;
pub const PRL_DEFAULT: u16 = 0x0001;

/// `struct ip_tunnel_prl`.
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct IpTunnelPrl {
    addr: [u8; 4],
    flags: u16,
    reserved: u16,
    datalen: u32,
    reserved2: u32,
}

/// ioctl(cmd) on device `name` with `data`; Err(errno) on failure.
fn ioctl(cmd: u32, name: &str, data: *mut libc::c_void) -> Result<(), i32> {
    crate::netlink::ifioctl::with_data(cmd, &crate::cli::bytes::bytes(name), data)
}

/// Add (`default` tells a default router) or delete one entry; `cmd` 0 is
/// passed on as iproute2 does when no entry was named.
pub fn change(cmd: u32, dev: &str, addr: Ipv4Addr, default: bool) -> Result<(), i32> {
    let mut prl = IpTunnelPrl { addr: addr.octets(), flags: if default { PRL_DEFAULT } else { 0 }, ..Default::default() };
    ioctl(cmd, dev, &mut prl as *mut IpTunnelPrl as *mut libc::c_void)
}

/// The list (iproute2 asks for up to 15 entries).
pub fn list(dev: &str) -> Vec<PrlEntry> {
    let mut prl = [IpTunnelPrl::default(); 16];
    prl[0].datalen = (std::mem::size_of_val(&prl) - std::mem::size_of::<IpTunnelPrl>()) as u32;
    if ioctl(SIOCGETPRL, dev, prl.as_mut_ptr() as *mut libc::c_void).is_err() {
        return Vec::new();
    }
    prl[1..]
        .iter()
        .map(|e| PrlEntry { addr: Ipv4Addr::from(e.addr), default: e.flags & PRL_DEFAULT != 0 })
        .collect()
}
