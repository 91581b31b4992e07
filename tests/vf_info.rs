//! SR-IOV virtual functions (IFLA_VFINFO_LIST): no device here has them, so
//! link messages that carry them are laid out as a driver's would be, saved
//! as an rtmon file, and printed by Debian's `ip -d monitor file` and by
//! rtun as `ip`: stdout, stderr and exit status must be the same.

mod common;

use std::path::Path;
use std::process::Command;

use rtun::netlink::attr::AttrWriter;

const RTM_NEWLINK: u16 = 16;
const IFLA_ADDRESS: u16 = 1;
const IFLA_BROADCAST: u16 = 2;
const IFLA_IFNAME: u16 = 3;
const IFLA_MTU: u16 = 4;
const IFLA_NUM_VF: u16 = 21;
const IFLA_VFINFO_LIST: u16 = 22;

/// One VF's attributes: what every driver sends, and the optional ones
/// when `extras` (a VLAN list, broadcast, InfiniBand GUIDs, statistics).
fn vf(w: &mut AttrWriter, n: u32, extras: bool) {
    let pair = |a: u32, b: u32| [n.to_ne_bytes(), a.to_ne_bytes(), b.to_ne_bytes()].concat();
    w.nest(1, |w| {
        let mut mac = n.to_ne_bytes().to_vec();
        mac.extend([0x02, 0, 0, 0, 0x10, n as u8]);
        mac.resize(4 + 32, 0);
        w.put(1, &mac); // IFLA_VF_MAC
        w.put(2, &pair(if extras { 0 } else { 100 + n }, n)); // IFLA_VF_VLAN: vlan, qos
        w.put(3, &[n.to_ne_bytes(), (n * 10).to_ne_bytes()].concat()); // IFLA_VF_TX_RATE
        w.put(6, &pair(n * 5, n * 50)); // IFLA_VF_RATE: min, max
        w.put(4, &[n.to_ne_bytes(), if n == 0 { u32::MAX } else { n % 2 }.to_ne_bytes()].concat()); // SPOOFCHK
        w.put(5, &[n.to_ne_bytes(), n.to_ne_bytes()].concat()); // IFLA_VF_LINK_STATE
        w.put(9, &[n.to_ne_bytes(), 1u32.to_ne_bytes()].concat()); // IFLA_VF_TRUST
        w.put(7, &[n.to_ne_bytes(), 0u32.to_ne_bytes()].concat()); // IFLA_VF_RSS_QUERY_EN
        if extras {
            let mut brd = vec![0xff; 6];
            brd.resize(32, 0);
            w.put(13, &brd); // IFLA_VF_BROADCAST
            w.nest(12, |w| {
                // IFLA_VF_VLAN_LIST: ifla_vf_vlan_info { vf, vlan, qos, proto (be16) }
                for (vlan, qos, proto) in [(10u32, 0u32, 0x8100u16), (20, 3, 0x88a8)] {
                    let mut info = [n.to_ne_bytes(), vlan.to_ne_bytes(), qos.to_ne_bytes()].concat();
                    info.extend(proto.to_be_bytes());
                    info.extend([0, 0]);
                    w.put(1, &info);
                }
            });
            for kind in [10u16, 11] {
                let mut guid = n.to_ne_bytes().to_vec();
                guid.extend([0u8; 4]);
                guid.extend(0x0011_2233_4455_6677u64.wrapping_add(u64::from(kind)).to_ne_bytes());
                w.put(kind, &guid); // IFLA_VF_IB_NODE_GUID, IFLA_VF_IB_PORT_GUID
            }
            w.nest(8, |w| {
                // IFLA_VF_STATS
                for (k, v) in [(0u16, 11u64), (1, 12), (2, 1_300_000), (3, 14_000), (4, 15), (5, 16), (7, 17), (8, 18)] {
                    w.u64(k, v);
                }
            });
        }
    });
}

/// An RTM_NEWLINK of an Ethernet device with `vfs` VFs listed and
/// `num_vf` announced (more than listed: ip says the list is truncated).
fn link(index: i32, name: &[u8], vfs: u32, num_vf: u32) -> Vec<u8> {
    let mut w = AttrWriter::new();
    w.str_z(IFLA_IFNAME, name);
    w.u32(IFLA_MTU, 9000);
    w.put(IFLA_ADDRESS, &[0x02, 0, 0, 0, 0x20, index as u8]);
    w.put(IFLA_BROADCAST, &[0xff; 6]);
    w.u32(IFLA_NUM_VF, num_vf);
    w.nest(IFLA_VFINFO_LIST, |w| {
        for n in 0..vfs {
            vf(w, n, n % 2 == 1);
        }
    });
    let attrs = w.finish().expect("attributes fit");
    // ifinfomsg: family, pad, type (ARPHRD_ETHER), index, flags (UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP), change.
    let mut body = vec![0u8, 0];
    body.extend(1u16.to_ne_bytes());
    body.extend(index.to_ne_bytes());
    body.extend(0x11043u32.to_ne_bytes());
    body.extend(0u32.to_ne_bytes());
    body.extend(attrs);
    let mut msg = ((16 + body.len()) as u32).to_ne_bytes().to_vec();
    msg.extend(RTM_NEWLINK.to_ne_bytes());
    msg.extend(0u16.to_ne_bytes());
    msg.extend(0u32.to_ne_bytes());
    msg.extend(0u32.to_ne_bytes());
    msg.extend(body);
    msg
}

fn run(ip: &Path, args: &[&str], file: &Path) -> (Vec<u8>, String, Option<i32>) {
    let out = Command::new(ip).args(args).arg("monitor").arg("file").arg(file).output().expect("ip runs");
    (out.stdout, String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code())
}

#[test]
fn vf_lines_match_ip() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("vf-capture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let file = dir.join("vfs.nl");
    let mut capture = link(7, b"sriov0", 3, 3);
    capture.extend(link(8, b"sriov1", 2, 4));
    std::fs::write(&file, capture).expect("capture written");
    let ip_link = common::IpLink::new("vf-info", Path::new(env!("CARGO_BIN_EXE_rtun")));
    for args in [&["-d"][..], &["-d", "-s"], &["-d", "-s", "-h"], &["-d", "-o"]] {
        let ip = run(Path::new("/usr/sbin/ip"), args, &file);
        let ours = run(&ip_link.path, args, &file);
        let ip_text = String::from_utf8_lossy(&ip.0);
        assert!(ip_text.matches(" vf ").count() == 5 && ip_text.contains("NODE_GUID"), "ip {args:?} printed no VF lines:\n{ip_text}");
        assert_eq!(String::from_utf8_lossy(&ours.0), ip_text, "stdout of {args:?} monitor file");
        assert_eq!(ours.1, ip.1, "stderr of {args:?} monitor file");
        assert_eq!(ours.2, ip.2, "exit status of {args:?} monitor file");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
