//! `tun`: tun/tap devices (iproute2's iptuntap.c). `ip tuntap` creates
//! them; here only the `-d` fields of their IFLA_INFO_DATA.

use std::ffi::CStr;
use std::io;

use super::{Attrs, Kind};
use crate::cli::options::Options;
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

// IFLA_TUN_* (linux/if_link.h)
const OWNER: u16 = 1;
const GROUP: u16 = 2;
const TYPE: u16 = 3;
const PI: u16 = 4;
const VNET_HDR: u16 = 5;
const PERSIST: u16 = 6;
const MULTI_QUEUE: u16 = 7;
const NUM_QUEUES: u16 = 8;
const NUM_DISABLED_QUEUES: u16 = 9;

const IFF_TUN: u8 = 1;
const IFF_TAP: u8 = 2;

pub const KIND: Kind = Kind {
    name: "tun",
    keywords: &[],
    parse: None,
    print: Some(print),
    about: "tun/tap devices are made with `ip tuntap`; `link add` takes no options for them.",
};

/// The user name of `uid`, as getpwuid finds it.
fn user_name(uid: u32) -> Option<String> {
    // SAFETY: passwd is plain C data; all-zero is a valid (empty) value.
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 16384];
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: all pointers are valid for the sizes given; on success
    // `result` points to `pw`, whose strings live in `buf`.
    let rc = unsafe { libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr(), buf.len(), &mut result) };
    if rc != 0 || result.is_null() || pw.pw_name.is_null() {
        return None;
    }
    // SAFETY: pw_name is a NUL-terminated string inside `buf`.
    Some(unsafe { CStr::from_ptr(pw.pw_name) }.to_string_lossy().into_owned())
}

/// The group name of `gid`, as getgrgid finds it.
fn group_name(gid: u32) -> Option<String> {
    // SAFETY: group is plain C data; all-zero is a valid (empty) value.
    let mut gr: libc::group = unsafe { std::mem::zeroed() };
    let mut buf = vec![0 as libc::c_char; 65536];
    let mut result: *mut libc::group = std::ptr::null_mut();
    // SAFETY: as in user_name.
    let rc = unsafe { libc::getgrgid_r(gid, &mut gr, buf.as_mut_ptr(), buf.len(), &mut result) };
    if rc != 0 || result.is_null() || gr.gr_name.is_null() {
        return None;
    }
    // SAFETY: gr_name is a NUL-terminated string inside `buf`.
    Some(unsafe { CStr::from_ptr(gr.gr_name) }.to_string_lossy().into_owned())
}

/// A name if the system has one, else the number (a JSON number then).
fn id(s: &mut Dyn<'_>, key: &str, name: Option<String>, n: u32) -> io::Result<()> {
    let fmt = format!("{key} {{}} ");
    match name {
        Some(name) => s.string_c(Out::Any, Color::None, Some(key), &fmt, &name),
        None => s.number_c(Out::Any, Color::None, Some(key), &fmt, n),
    }
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, _links: &Links) -> io::Result<()> {
    if let Some(t) = tb.u8(TYPE) {
        let name = match t {
            IFF_TUN => "tun".to_string(),
            IFF_TAP => "tap".to_string(),
            other => format!("UNKNOWN:{other}"),
        };
        s.string_c(Out::Any, Color::None, Some("type"), "type {} ", &name)?;
    }
    if let Some(v) = tb.u8(PI) {
        s.on_off(Out::Any, "pi", "pi {} ", v != 0)?;
    }
    if let Some(v) = tb.u8(VNET_HDR) {
        s.on_off(Out::Any, "vnet_hdr", "vnet_hdr {} ", v != 0)?;
    }
    if tb.u8(MULTI_QUEUE).unwrap_or(0) == 0 {
        if s.is_json() {
            s.bool(Out::Json, "multi_queue", "", false)?;
        }
    } else {
        s.bool(Out::Any, "multi_queue", "multi_queue ", true)?;
        if let Some(n) = tb.u32(NUM_QUEUES) {
            s.number_c(Out::Any, Color::None, Some("numqueues"), "numqueues {} ", n)?;
        }
        if let Some(n) = tb.u32(NUM_DISABLED_QUEUES) {
            s.number_c(Out::Any, Color::None, Some("numdisabled"), "numdisabled {} ", n)?;
        }
    }
    if let Some(v) = tb.u8(PERSIST) {
        s.on_off(Out::Any, "persist", "persist {} ", v != 0)?;
    }
    if let Some(uid) = tb.u32(OWNER) {
        id(s, "user", user_name(uid), uid)?;
    }
    if let Some(gid) = tb.u32(GROUP) {
        id(s, "group", group_name(gid), gid)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::render;
    use super::*;
    use netlink_packet_core::{DefaultNla, Emitable};
    use netlink_packet_route::link::InfoData;

    fn data(attrs: &[(u16, Vec<u8>)]) -> InfoData {
        let nlas: Vec<DefaultNla> = attrs.iter().map(|(t, v)| DefaultNla::new(*t, v.clone())).collect();
        let mut b = vec![0u8; nlas.as_slice().buffer_len()];
        nlas.as_slice().emit(&mut b);
        InfoData::Other(b)
    }

    #[test]
    fn single_queue_tun() {
        let d = data(&[(TYPE, vec![1]), (PI, vec![0]), (VNET_HDR, vec![1]), (MULTI_QUEUE, vec![0]), (PERSIST, vec![1])]);
        assert_eq!(render("tun", &d, false), "type tun pi off vnet_hdr on persist on ");
        assert_eq!(
            render("tun", &d, true),
            "{\"info_data\":{\"type\":\"tun\",\"pi\":false,\"vnet_hdr\":true,\"multi_queue\":false,\"persist\":true}}"
        );
    }

    #[test]
    fn multi_queue_tap_with_unknown_owner() {
        let d = data(&[
            (TYPE, vec![2]),
            (MULTI_QUEUE, vec![1]),
            (NUM_QUEUES, 2u32.to_ne_bytes().to_vec()),
            (NUM_DISABLED_QUEUES, 1u32.to_ne_bytes().to_vec()),
            (OWNER, 4_000_000_000u32.to_ne_bytes().to_vec()),
        ]);
        assert_eq!(render("tun", &d, false), "type tap multi_queue numqueues 2 numdisabled 1 user 4000000000 ");
        assert!(render("tun", &d, true).contains("\"multi_queue\":true,\"numqueues\":2"));
        let d = data(&[(TYPE, vec![7])]);
        assert_eq!(render("tun", &d, false), "type UNKNOWN:7 ");
    }
}
