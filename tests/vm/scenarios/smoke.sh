#!/bin/sh
# Smoke test of the VM harness itself: the kernel loads tunnel and link-kind
# modules on demand for Debian's ip, check_state's normalisation hides all
# per-namespace noise, and check_same runs rtun against ip on read-only
# commands. Lenient: ip-vs-rtun differences are reported and counted, but
# only harness problems make this scenario fail.
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh
CHECK_LENIENT=1

# Modules load on demand (kernel -> /sbin/modprobe -> busybox).
require "dummy (dummy.ko)" -- /sbin/ip link add d0 type dummy
require "gre tunnel (ip_gre.ko)" -- /sbin/ip tunnel add gre1 mode gre remote 192.0.2.2 local 192.0.2.1 ttl 255
require "vlan (8021q.ko)" -- /sbin/ip link add link d0 name d0.5 type vlan id 5
require "macvlan (macvlan.ko)" -- /sbin/ip link add link d0 name mv0 type macvlan mode bridge
require "ipip tunnel (ipip.ko)" -- /sbin/ip tunnel add ipip1 mode ipip remote 192.0.2.3 local 192.0.2.1
require "sit tunnel (sit.ko)" -- /sbin/ip tunnel add sit1 mode sit remote 192.0.2.4 local 192.0.2.1
require "bond (bonding.ko)" -- /sbin/ip link add bond1 type bond mode active-backup
require "wireguard (wireguard.ko)" -- /sbin/ip link add wg0 type wireguard
require "veth (veth.ko)" -- /sbin/ip link add v0 type veth peer name v1
for m in dummy ip_gre 8021q macvlan ipip sit bonding wireguard veth; do
    require "module $m loaded" -- grep -q "^$m " /proc/modules
done
require "address on d0" -- /sbin/ip addr add 198.51.100.1/24 dev d0
require "d0 up" -- /sbin/ip link set d0 up
require "route via d0" -- /sbin/ip route add 203.0.113.0/24 via 198.51.100.2
require "nft runs" -- /sbin/nft list ruleset
require "rtun runs" -- /rtun/ip -V

# check_state's normalisation: Debian's ip against itself must match.
selftest_state "dummy, vlan, macvlan, veth, gre" <<'CMDS'
link add d0 type dummy
link add link d0 name d0.7 type vlan id 7
link add link d0 name mv0 type macvlan
link add v0 type veth peer name v1
link set d0 up
tunnel add gre1 mode gre remote 192.0.2.2 local 192.0.2.1 ttl 255
CMDS

# rtun against ip (lenient for now: rtun's printers are being written).
check_same "link show" -- link show
check_same "-j link show" -- -j link show
check_same "-br link show" -- -br link show
check_same "-d link show dev d0.5" -- -d link show dev d0.5
check_same "addr show" -- addr show
check_same "-j addr show" -- -j addr show
check_same "route show" -- route show
check_same "unknown device" -- link show dev nosuch
check_state "link set lo up" <<'CMDS'
link set lo up
CMDS
check_state "dummy + vlan" <<'CMDS'
link add d0 type dummy
link add link d0 name d0.5 type vlan id 5
link set d0 up
CMDS

check_summary
