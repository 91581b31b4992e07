//! SR-IOV virtual functions of a link (IFLA_VFINFO_LIST): iproute2's
//! `print_vfinfo` and `print_vf_stats64`, one `vf N …` line per function.
//! ip reads each VF attribute without checking that it is there; rtun
//! prints what is there and leaves out what is not.

use std::io::{self, Write};

use crate::cli::options::Options;
use crate::netlink::attr::{u32_of, u64_of, Attrs};
use crate::print::addr::AddrBuf;
use crate::print::{Color, Out, Printer};

const IFLA_VF_INFO: u16 = 1;
const IFLA_VF_MAC: u16 = 1;
const IFLA_VF_VLAN: u16 = 2;
const IFLA_VF_TX_RATE: u16 = 3;
const IFLA_VF_SPOOFCHK: u16 = 4;
const IFLA_VF_LINK_STATE: u16 = 5;
const IFLA_VF_RATE: u16 = 6;
const IFLA_VF_RSS_QUERY_EN: u16 = 7;
const IFLA_VF_STATS: u16 = 8;
const IFLA_VF_TRUST: u16 = 9;
const IFLA_VF_IB_NODE_GUID: u16 = 10;
const IFLA_VF_IB_PORT_GUID: u16 = 11;
const IFLA_VF_VLAN_LIST: u16 = 12;
const IFLA_VF_BROADCAST: u16 = 13;

const IFLA_VF_STATS_RX_PACKETS: u16 = 0;
const IFLA_VF_STATS_TX_PACKETS: u16 = 1;
const IFLA_VF_STATS_RX_BYTES: u16 = 2;
const IFLA_VF_STATS_TX_BYTES: u16 = 3;
const IFLA_VF_STATS_BROADCAST: u16 = 4;
const IFLA_VF_STATS_MULTICAST: u16 = 5;
const IFLA_VF_STATS_RX_DROPPED: u16 = 7;
const IFLA_VF_STATS_TX_DROPPED: u16 = 8;

const ARPHRD_ETHER: u16 = 1;
const ARPHRD_INFINIBAND: u16 = 32;
const ETH_P_8021Q: u16 = 0x8100;

/// The u32 at byte `at` of a VF struct (`struct ifla_vf_*`, host order).
fn field(v: &[u8], at: usize) -> Option<u32> {
    v.get(at..at + 4).and_then(u32_of)
}

/// The list's entries, printed; whether the kernel sent fewer than
/// IFLA_NUM_VF said (ip then says `Truncated VF list: NAME` on stderr).
pub fn print_list<W: Write>(p: &mut Printer<W>, list: &[u8], num_vf: u32, link_type: u16, flags: u32, opts: &Options) -> io::Result<bool> {
    let mut count = 0u32;
    p.open_array(Out::Json, Some("vfinfo_list"), "")?;
    for vf in Attrs::new(list).iter() {
        p.open_object(None)?;
        if vf.kind == IFLA_VF_INFO {
            print_vf(p, Attrs::new(vf.payload), link_type, flags, opts)?;
        } else {
            eprintln!("BUG: rta type is {}", vf.kind);
        }
        p.close_object()?;
        count += 1;
    }
    p.close_array(Out::Json, "")?;
    Ok(count != num_vf)
}

/// A hardware address of a VF struct, as long as the link type's.
fn hw_text(bytes: &[u8], link_type: u16) -> AddrBuf {
    let len = if link_type == ARPHRD_ETHER { 6 } else { 20 };
    AddrBuf::link(&bytes[..len.min(bytes.len())], link_type)
}

fn print_vf<W: Write>(p: &mut Printer<W>, vf: Attrs, link_type: u16, flags: u32, opts: &Options) -> io::Result<()> {
    let sl = p.line_sep();
    p.text_fmt("{}    ", &sl)?;
    let mac = vf.get(IFLA_VF_MAC);
    if let Some(n) = mac.and_then(|m| field(m, 0)) {
        p.num("vf", "vf {} ", n as i32)?;
    }
    let mut name = crate::names::tables::NumBuf::new();
    p.str("link_type", "    link/{} ", super::link_type_name(link_type, opts.numeric, &mut name))?;
    if let Some(m) = mac.and_then(|m| m.get(4..)) {
        p.string_c(Out::Any, Color::Mac, Some("address"), "{}", hw_text(m, link_type).as_str())?;
    }
    if let Some(b) = vf.get(IFLA_VF_BROADCAST) {
        if flags & libc::IFF_POINTOPOINT as u32 != 0 {
            p.text(" peer ")?;
            p.bool(Out::Json, "link_pointtopoint", "", true)?;
        } else {
            p.text(" brd ")?;
        }
        p.string_c(Out::Any, Color::Mac, Some("broadcast"), "{}", hw_text(b, link_type).as_str())?;
    }
    if let Some(list) = vf.get(IFLA_VF_VLAN_LIST) {
        p.open_array(Out::Json, Some("vlan_list"), "")?;
        for info in Attrs::new(list).iter() {
            let v = info.payload;
            p.open_object(None)?;
            if let Some(vlan) = field(v, 4).filter(|&x| x != 0) {
                p.num("vlan", ", vlan {}", vlan as i32)?;
            }
            if let Some(qos) = field(v, 8).filter(|&x| x != 0) {
                p.num("qos", ", qos {}", qos as i32)?;
            }
            if let Some(proto) = v.get(12..14).map(|b| u16::from_be_bytes([b[0], b[1]])) {
                if proto != 0 && proto != ETH_P_8021Q {
                    p.str("protocol", ", vlan protocol {}", &crate::kinds::ll_proto_n2a(proto, opts.numeric))?;
                }
            }
            p.close_object()?;
        }
        p.close_array(Out::Json, "")?;
    } else if let Some(v) = vf.get(IFLA_VF_VLAN) {
        if let Some(vlan) = field(v, 4).filter(|&x| x != 0) {
            p.num("vlan", ", vlan {}", vlan as i32)?;
        }
        if let Some(qos) = field(v, 8).filter(|&x| x != 0) {
            p.num("qos", ", qos {}", qos as i32)?;
        }
    }
    if let Some(rate) = vf.get(IFLA_VF_TX_RATE).and_then(|r| field(r, 4)).filter(|&r| r != 0) {
        p.num("tx_rate", ", tx rate {} (Mbps)", rate)?;
    }
    if let Some(r) = vf.get(IFLA_VF_RATE) {
        let (min_tx, max_tx) = (field(r, 4).unwrap_or(0), field(r, 8).unwrap_or(0));
        if p.is_json() {
            p.open_object(Some("rate"))?;
            p.json_num("max_tx", max_tx)?;
            p.json_num("min_tx", min_tx)?;
            p.close_object()?;
        } else {
            if max_tx != 0 {
                p.text_fmt(", max_tx_rate {}Mbps", &max_tx)?;
            }
            if min_tx != 0 {
                p.text_fmt(", min_tx_rate {}Mbps", &min_tx)?;
            }
        }
    }
    setting(p, vf.get(IFLA_VF_SPOOFCHK), "spoofchk", ", spoof checking on", ", spoof checking off")?;
    for (kind, key, fmt) in [(IFLA_VF_IB_NODE_GUID, "node guid", ", NODE_GUID {}"), (IFLA_VF_IB_PORT_GUID, "port guid", ", PORT_GUID {}")] {
        // struct ifla_vf_guid { __u32 vf; __u64 guid; }: the guid at byte 8,
        // printed (as ip: ntohll, then its bytes in memory) last byte first.
        if let Some(g) = vf.get(kind).and_then(|g| g.get(8..16)) {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(g);
            bytes.reverse();
            p.str(key, fmt, AddrBuf::link(&bytes, ARPHRD_INFINIBAND).as_str())?;
        }
    }
    if let Some(state) = vf.get(IFLA_VF_LINK_STATE).and_then(|s| field(s, 4)) {
        let word = match state {
            0 => "auto",
            1 => "enable",
            _ => "disable",
        };
        p.str("link_state", ", link-state {}", word)?;
    }
    setting(p, vf.get(IFLA_VF_TRUST), "trust", ", trust on", ", trust off")?;
    setting(p, vf.get(IFLA_VF_RSS_QUERY_EN), "query_rss_en", ", query_rss on", ", query_rss off")?;
    if opts.stats > 0 {
        if let Some(s) = vf.get(IFLA_VF_STATS) {
            print_stats(p, Attrs::new(s), opts)?;
        }
    }
    Ok(())
}

/// `{ __u32 vf; __u32 setting; }`, printed unless the setting is -1 (unknown).
fn setting<W: Write>(p: &mut Printer<W>, v: Option<&[u8]>, key: &str, on: &str, off: &str) -> io::Result<()> {
    let Some(s) = v.and_then(|v| field(v, 4)) else { return Ok(()) };
    if s == u32::MAX {
        return Ok(());
    }
    p.bool(Out::Json, key, "", s != 0)?;
    p.text(if s != 0 { on } else { off })
}

/// `print_vf_stats64` (with `-s`).
fn print_stats<W: Write>(p: &mut Printer<W>, s: Attrs, opts: &Options) -> io::Result<()> {
    let get = |k| s.get(k).and_then(u64_of).unwrap_or(0);
    let rx_dropped = s.get(IFLA_VF_STATS_RX_DROPPED).and_then(u64_of);
    let tx_dropped = s.get(IFLA_VF_STATS_TX_DROPPED).and_then(u64_of);
    if p.is_json() {
        p.open_object(Some("stats"))?;
        p.open_object(Some("rx"))?;
        p.json_num("bytes", get(IFLA_VF_STATS_RX_BYTES))?;
        p.json_num("packets", get(IFLA_VF_STATS_RX_PACKETS))?;
        p.json_num("multicast", get(IFLA_VF_STATS_MULTICAST))?;
        p.json_num("broadcast", get(IFLA_VF_STATS_BROADCAST))?;
        if let Some(d) = rx_dropped {
            p.json_num("dropped", d)?;
        }
        p.close_object()?;
        p.open_object(Some("tx"))?;
        p.json_num("tx_bytes", get(IFLA_VF_STATS_TX_BYTES))?;
        p.json_num("tx_packets", get(IFLA_VF_STATS_TX_PACKETS))?;
        if let Some(d) = tx_dropped {
            p.json_num("dropped", d)?;
        }
        p.close_object()?;
        return p.close_object();
    }
    let sl = p.line_sep();
    let mut t = String::new();
    t.push_str(sl);
    t.push_str("    RX: bytes  packets  mcast   bcast ");
    if rx_dropped.is_some() {
        t.push_str("  dropped ");
    }
    t.push_str(sl);
    t.push_str("    ");
    super::stats::put(&mut t, 10, get(IFLA_VF_STATS_RX_BYTES), opts);
    super::stats::put(&mut t, 8, get(IFLA_VF_STATS_RX_PACKETS), opts);
    super::stats::put(&mut t, 7, get(IFLA_VF_STATS_MULTICAST), opts);
    super::stats::put(&mut t, 7, get(IFLA_VF_STATS_BROADCAST), opts);
    if let Some(d) = rx_dropped {
        super::stats::put(&mut t, 8, d, opts);
    }
    t.push_str(sl);
    t.push_str("    TX: bytes  packets ");
    if tx_dropped.is_some() {
        t.push_str("  dropped ");
    }
    t.push_str(sl);
    t.push_str("    ");
    super::stats::put(&mut t, 10, get(IFLA_VF_STATS_TX_BYTES), opts);
    super::stats::put(&mut t, 8, get(IFLA_VF_STATS_TX_PACKETS), opts);
    if let Some(d) = tx_dropped {
        super::stats::put(&mut t, 8, d, opts);
    }
    p.text(&t)
}
