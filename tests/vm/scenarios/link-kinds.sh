#!/bin/sh
# Link kinds the build machine's kernel lacks (dummy, vlan, macvlan,
# bonding) and port data (bridge_slave, bond_slave): rtun against ip 6.1 on
# Debian's 6.1 kernel. Strict: every difference fails the scenario.
#
# `type bond` options and bond's own `-d` data: link-kinds2.sh.
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh

# ---------------------------------------------------------------- creation
check_state "dummy: add, set, delete" <<'CMDS'
link add d0 type dummy
link add name d1 address 02:00:00:00:00:11 mtu 1400 type dummy
link set d0 up
link set d1 mtu 9000 txqueuelen 10 alias "a dummy"
link del d1
link add d2 type dummy
link delete dev d2 type dummy
CMDS

check_state "vlan: 802.1Q and 802.1ad, flags, qos maps" <<'CMDS'
link add d0 type dummy
link add link d0 name d0.5 type vlan id 5
link add link d0 name d0.6 type vlan protocol 802.1ad id 6
link add link d0 d0.7 type vlan id 7 reorder_hdr off gvrp on mvrp on loose_binding on
link add link d0 name d0.8 type vlan id 8 egress-qos-map 1:2 3:4 ingress-qos-map 5:6
link add link d0 name d0.9 type vlan protocol 802.1q id 9 bridge_binding on
link set d0 up
link set d0.5 up
CMDS

check_state "vlan: link set type vlan" <<'CMDS'
link add d0 type dummy
link add link d0 name d0.5 type vlan id 5
link set d0.5 type vlan gvrp on loose_binding on
link set d0.5 type vlan egress-qos-map 2:3
link set d0.5 type vlan id 6
link set d0.5 type vlan reorder_hdr off
link del d0.5
CMDS

check_state "macvlan: every mode" <<'CMDS'
link add d0 type dummy
link add d1 type dummy
link add link d0 name mv0 type macvlan
link add link d0 name mv1 type macvlan mode private
link add link d0 name mv2 type macvlan mode vepa
link add link d0 name mv3 type macvlan mode bridge bcqueuelen 100
link add link d1 name mv4 type macvlan mode passthru nopromisc
link add link d0 name mv5 type macvlan mode source macaddr add 02:00:00:00:00:21
link set d0 up
link set mv3 up
CMDS

check_state "macvlan: link set mode and source addresses" <<'CMDS'
link add d0 type dummy
link add link d0 name mv0 type macvlan mode source
link set mv0 type macvlan macaddr add 02:00:00:00:00:31
link set mv0 type macvlan macaddr add 02:00:00:00:00:32
link set mv0 type macvlan macaddr del 02:00:00:00:00:31
link set mv0 type macvlan macaddr set 02:00:00:00:00:33 02:00:00:00:00:34
link set mv0 type macvlan macaddr flush
link set mv0 type macvlan mode bridge
link set mv0 type macvlan mode vepa
link del mv0
CMDS

check_state "bond: ports, nomaster, bond_slave options" <<'CMDS'
link add bond0 type bond
link add d0 type dummy
link add d1 type dummy
link set d0 master bond1
link set d1 master bond1
link set d1 type bond_slave queue_id 1
link set d0 type bond_slave prio 5
link set bond0 up
link set d1 nomaster
link del bond0
CMDS

check_state "bridge ports: bridge_slave options on a dummy" <<'CMDS'
link add br0 address 02:00:00:00:00:20 type bridge
link add d0 address 02:00:00:00:00:21 type dummy
link add d1 address 02:00:00:00:00:22 type dummy
link set d0 master br0
link set d1 master br0
link set d0 type bridge_slave priority 7 cost 9 hairpin on guard on learning off flood off
link set d0 type bridge_slave mcast_flood off bcast_flood off proxy_arp on mcast_router 2 group_fwd_mask 0x4005
link set d0 type bridge_slave isolated on locked on neigh_suppress on backup_port d1
link set d0 type bridge_slave nobackup_port fdb_flush
link set d0 type bridge_slave learning maybe
link set d0 type bridge_slave state 9
CMDS

# Routes: rtun's `route` object is not merged yet; add route checks here
# when it is.
check_state "addresses on vlan and macvlan" <<'CMDS'
link add d0 address 02:00:00:00:00:01 type dummy
link add link d0 name d0.5 type vlan id 5
link add link d0 name mv0 address 02:00:00:00:00:02 type macvlan mode bridge
link set d0 up
link set d0.5 up
link set mv0 up
addr add 198.51.100.1/24 dev d0.5
addr add 203.0.113.1/24 brd + dev mv0 label mv0:x
addr add 2001:db8::1/64 dev d0.5 nodad
addr del 198.51.100.1/24 dev d0.5
addr flush dev mv0
link set d0.5 down
CMDS

check_state "bad inputs change nothing" <<'CMDS'
link add d0 type dummy
link add link d0 name v9 type vlan id 5000
link add link d0 name v9 type vlan id
link add name v9 type vlan id 9
link add link nosuch name v9 type vlan id 9
link add link d0 name v9 type vlan protocol foo id 9
link add link d0 name v9 type vlan id 9 gvrp maybe
link add link d0 name v9 type vlan id 9 egress-qos-map x:1
link add link d0 name m9 type macvlan mode foo
link add link d0 name m9 type macvlan flag bogus
link add name m9 type macvlan
link add link d0 name m9 type macvlan mode source macaddr add zz
CMDS

# ------------------------------------------------------ shows of one state
require "dummy d0" -- /sbin/ip link add d0 address 02:00:00:00:00:01 type dummy
require "dummy d1" -- /sbin/ip link add d1 address 02:00:00:00:00:02 type dummy
require "dummy d2" -- /sbin/ip link add d2 address 02:00:00:00:00:03 type dummy
require "vlan d0.5" -- /sbin/ip link add link d0 name d0.5 type vlan id 5
require "vlan d0.6 802.1ad" -- /sbin/ip link add link d0 name d0.6 type vlan protocol 802.1ad id 6 gvrp on egress-qos-map 1:2
require "macvlan mv0" -- /sbin/ip link add link d0 name mv0 address 02:00:00:00:00:10 type macvlan mode bridge
require "macvlan mv1" -- /sbin/ip link add link d0 name mv1 address 02:00:00:00:00:11 type macvlan mode private
require "macvlan mv2" -- /sbin/ip link add link d0 name mv2 address 02:00:00:00:00:12 type macvlan mode vepa
require "macvlan mv3" -- /sbin/ip link add link d2 name mv3 type macvlan mode passthru
require "macvlan mv4" -- /sbin/ip link add link d0 name mv4 address 02:00:00:00:00:14 type macvlan mode source macaddr add 02:00:00:00:00:99
# (loading bonding made a bond0 already)
require "bond1 active-backup" -- /sbin/ip link add bond1 type bond mode active-backup
require "bond port d1" -- /sbin/ip link set d1 master bond1
require "dummy d5" -- /sbin/ip link add d5 address 02:00:00:00:00:06 type dummy
require "bond port d5" -- /sbin/ip link set d5 master bond1
require "bond2 802.3ad" -- /sbin/ip link add bond2 type bond mode 802.3ad
require "dummy d6" -- /sbin/ip link add d6 address 02:00:00:00:00:07 type dummy
require "bond port d6" -- /sbin/ip link set d6 master bond2
require "d6 queue_id" -- /sbin/ip link set d6 type bond_slave queue_id 3
require "d5 prio" -- /sbin/ip link set d5 type bond_slave prio -2
require "bond2 up" -- /sbin/ip link set bond2 up
require "LACP settles" -- sleep 2
require "bridge br0" -- /sbin/ip link add br0 address 02:00:00:00:00:20 type bridge
require "dummy d3" -- /sbin/ip link add d3 address 02:00:00:00:00:04 type dummy
require "bridge port d3" -- /sbin/ip link set d3 master br0
require "dummy d4" -- /sbin/ip link add d4 address 02:00:00:00:00:05 type dummy
require "bridge port d4" -- /sbin/ip link set d4 master br0
require "d3 port options" -- /sbin/ip link set d3 type bridge_slave cost 7 group_fwd_mask 0x4004 backup_port d4 hairpin on
require "links up" -- /sbin/ip link set d0 up
require "d0.5 up" -- /sbin/ip link set d0.5 up
require "mv0 up" -- /sbin/ip link set mv0 up
require "address on d0.5" -- /sbin/ip addr add 198.51.100.1/24 dev d0.5
require "address on mv0" -- /sbin/ip addr add 203.0.113.1/24 dev mv0

check_same "link show" -- link show
check_same "-j link show" -- -j link show
check_same "-j -p link show" -- -j -p link show
check_same "-br link show" -- -br link show
check_same "-br -j link show" -- -br -j link show
check_same "-o link show" -- -o link show
check_same "-d link show dev d0.5" -- -d link show dev d0.5
check_same "-d link show dev d0.6" -- -d link show dev d0.6
check_same "-d -j link show dev d0.6" -- -d -j link show dev d0.6
check_same "-d -j link show type vlan" -- -d -j link show type vlan
check_same "-d link show type macvlan" -- -d link show type macvlan
check_same "-d -j link show type macvlan" -- -d -j link show type macvlan
check_same "-d link show dev mv3 (passthru)" -- -d link show dev mv3
check_same "-d link show dev mv4 (source)" -- -d link show dev mv4
check_same "-d -j -p link show dev mv4" -- -d -j -p link show dev mv4
check_same "-d link show dev d1 (bond_slave)" -- -d link show dev d1
check_same "-d -j link show dev d1" -- -d -j link show dev d1
check_same "-d -j -p link show master bond1" -- -d -j -p link show master bond1
check_same "-d link show type bond_slave" -- -d link show type bond_slave
check_same "-d link show dev d3 (bridge_slave)" -- -d link show dev d3
check_same "-d -j link show dev d3" -- -d -j link show dev d3
check_same "-d link show type dummy" -- -d link show type dummy
check_same "-d -br link show" -- -d -br link show
check_same "link show master bond1" -- link show master bond1
check_same "link show type vlan" -- link show type vlan
check_same "addr show" -- addr show
check_same "-j addr show" -- -j addr show
check_same "-d addr show dev d0.5" -- -d addr show dev d0.5
check_same "-br addr show" -- -br addr show
check_same "addr show dev mv0" -- addr show dev mv0
check_same "-d link show dev d6 (802.3ad port)" -- -d link show dev d6
check_same "-d -j -p link show dev d6" -- -d -j -p link show dev d6
check_same "-d -o link show master br0" -- -d -o link show master br0
check_same "-d -j link show type bridge_slave" -- -d -j link show type bridge_slave

# Bad inputs (nothing is created when they are right).
check_same "vlan id 5000" -- link add link d0 name v9 type vlan id 5000
check_same "vlan id missing value" -- link add link d0 name v9 type vlan id
check_same "vlan without link" -- link add name v9 type vlan id 9
check_same "vlan on a missing device" -- link add link nosuch name v9 type vlan id 9
check_same "vlan id in use" -- link add link d0 name v9 type vlan id 5
check_same "vlan bad protocol" -- link add link d0 name v9 type vlan protocol foo id 9
check_same "vlan gvrp maybe" -- link add link d0 name v9 type vlan id 9 gvrp maybe
check_same "macvlan bad mode" -- link add link d0 name m9 type macvlan mode foo
check_same "macvlan bad flag" -- link add link d0 name m9 type macvlan flag bogus
check_same "macvlan without link" -- link add name m9 type macvlan
check_same "second passthru" -- link add link d2 name m9 type macvlan mode passthru
check_same "dummy name taken" -- link add d0 type dummy
check_same "bridge_slave option on a bond port" -- link set d1 type bridge_slave cost 3
check_same "bond_slave bad queue_id" -- link set d1 type bond_slave queue_id 70000
check_same "bridge_slave bad on/off" -- link set d3 type bridge_slave learning maybe
check_same "delete a missing vlan" -- link del v9 type vlan

check_summary
