#!/bin/sh
# Tunnel link kinds, the listing side: every kind's `-d` output (text and
# JSON), type filters, brief and one-line forms, addresses and routes on
# tunnels, read from one state made by Debian's ip. The commands that make
# and change tunnels are in tunnel-kinds.sh.
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh

modprobe fou 2>/dev/null
modprobe fou6 2>/dev/null

require "dummy d0" -- /sbin/ip link add d0 address 02:00:00:00:00:01 type dummy
require "d0 up" -- /sbin/ip link set d0 up
require "gre1" -- /sbin/ip link add gre1 type gre remote 192.0.2.2 local 192.0.2.1 ttl 255 key 42
require "gre2" -- /sbin/ip link add gre2 type gre remote 192.0.2.3 local 192.0.2.1 ikey 1.2.3.4 okey 5 iseq oseq icsum ocsum nopmtudisc ttl inherit tos inherit ignore-df
require "gre3" -- /sbin/ip link add gre3 type gre remote 192.0.2.4 dev d0 fwmark 0x10 tos 0x10 encap fou encap-dport 5555 encap-csum
require "gre4" -- /sbin/ip link add gre4 type gre external
require "gre5" -- /sbin/ip link add gre5 type gre remote 239.1.1.1 local 192.0.2.1
require "gt1" -- /sbin/ip link add gt1 address 02:00:00:00:00:21 type gretap remote 192.0.2.2 local 192.0.2.1 key 7
require "er1" -- /sbin/ip link add er1 address 02:00:00:00:00:31 type erspan remote 192.0.2.2 local 192.0.2.1 seq key 10 erspan 123
require "er2" -- /sbin/ip link add er2 address 02:00:00:00:00:32 type erspan remote 192.0.2.3 local 192.0.2.1 seq key 11 erspan_ver 2 erspan_dir egress erspan_hwid 7
require "g6" -- /sbin/ip link add g6 type ip6gre remote 2001:db8::2 local 2001:db8::1 hoplimit 10 encaplimit none tclass 0x12 flowlabel 0x12345 key 5 csum
require "g7" -- /sbin/ip link add g7 type ip6gre remote 2001:db8::3 tclass inherit flowlabel inherit dscp inherit fwmark inherit allow-localremote
require "g6t" -- /sbin/ip link add g6t address 02:00:00:00:00:41 type ip6gretap remote 2001:db8::4 local 2001:db8::1 encap gue encap-dport 6000
require "ip1" -- /sbin/ip link add ip1 type ipip remote 192.0.2.2 local 192.0.2.1 ttl 64 tos 0x10 fwmark 7
require "ip2" -- /sbin/ip link add ip2 type ipip remote 192.0.2.3 mode any nopmtudisc
require "ip3" -- /sbin/ip link add ip3 type ipip external
require "s1" -- /sbin/ip link add s1 type sit remote 192.0.2.2 local 192.0.2.1 ttl 64 mode ip6ip
require "s2" -- /sbin/ip link add s2 type sit local 192.0.2.1 6rd-prefix 2001:db8::/32 6rd-relay_prefix 192.0.2.0/24
require "is0" -- /sbin/ip link add is0 type sit local 192.0.2.9 isatap
require "t1" -- /sbin/ip link add t1 type ip6tnl remote 2001:db8::2 local 2001:db8::1 mode ipip6 hoplimit 9 encaplimit 0 tclass 0x3 flowlabel 0xbeef dscp inherit fwmark 0x5 allow-localremote dev d0
require "t2" -- /sbin/ip link add t2 type ip6tnl remote 2001:db8::3 hlim inherit encaplimit none tc inherit fl inherit fwmark inherit
require "t3" -- /sbin/ip link add t3 type ip6tnl external
require "vt1" -- /sbin/ip link add vt1 type vti remote 192.0.2.2 local 192.0.2.1 key 5
require "vt2" -- /sbin/ip link add vt2 type vti remote 192.0.2.3 ikey 1.2.3.4 okey 6 fwmark 0x9 dev d0
require "v6" -- /sbin/ip link add v6 type vti6 remote 2001:db8::2 local 2001:db8::1 key 5
require "gre1 up" -- /sbin/ip link set gre1 up
require "t1 up" -- /sbin/ip link set t1 up
require "address on gre1" -- /sbin/ip addr add 10.9.0.1/30 dev gre1
require "peer on gre1" -- /sbin/ip addr add 10.9.0.5 peer 10.9.0.6 dev gre1
require "address on t1" -- /sbin/ip addr add 2001:db8:9::1/64 dev t1 nodad
require "route via gre1" -- /sbin/ip route add 10.10.0.0/16 dev gre1
require "route via t1" -- /sbin/ip route add 2001:db8:10::/48 dev t1

check_same "link show" -- link show
check_same "-d -j -p link show" -- -d -j -p link show
check_same "-br link show" -- -br link show
check_same "-br -j link show" -- -br -j link show
check_same "-o -d link show" -- -o -d link show
for dev in gre0 gretap0 erspan0 tunl0 sit0 ip6tnl0 ip6gre0 ip_vti0 ip6_vti0 \
    gre1 gre2 gre3 gre4 gre5 gt1 er1 er2 g6 g7 g6t ip1 ip2 ip3 s1 s2 is0 t1 t2 t3 vt1 vt2 v6; do
    check_same "-d link show dev $dev" -- -d link show dev "$dev"
    check_same "-d -j link show dev $dev" -- -d -j link show dev "$dev"
done
for kind in gre gretap erspan ip6gre ip6gretap ipip sit ip6tnl vti vti6; do
    check_same "link show type $kind" -- link show type "$kind"
    check_same "-d -j -p link show type $kind" -- -d -j -p link show type "$kind"
done
check_same "addr show dev gre1" -- addr show dev gre1
check_same "-d addr show dev gre1" -- -d addr show dev gre1
check_same "-j addr show dev t1" -- -j addr show dev t1
check_same "-br addr show" -- -br addr show
check_same "addr show" -- addr show
check_same "route show dev gre1" -- route show dev gre1
check_same "-6 route show dev t1" -- -6 route show dev t1
check_same "-j route show table all" -- -j route show table all

check_summary
