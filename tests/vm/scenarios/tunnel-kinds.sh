#!/bin/sh
# Tunnel link kinds (gre, gretap, erspan, ip6gre, ip6gretap, ip6erspan,
# ipip, sit, ip6tnl, vti, vti6): rtun against ip 6.1 on Debian's 6.1
# kernel. Strict: every difference fails the scenario.
#
# Not covered: `6rd-reset` (ip 6.1 writes into a string literal there and
# dies of SIGSEGV; rtun does what it means to do), unknown words after `type KIND` (iproute2 prints its own
# help text there, rtun its own), and ip6tnl's `encaplimit` with a bad
# value (iproute2 sends an uninitialised byte).
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh

# fou/gue encapsulation needs the fou module's ops registered.
modprobe fou 2>/dev/null
modprobe fou6 2>/dev/null

# ------------------------------------------------------------------ gre
check_state "gre: remote local ttl key" <<'CMDS'
link add gre1 type gre remote 192.0.2.2 local 192.0.2.1 ttl 255 key 42
CMDS

check_state "gre: dotted keys, seq and csum each way" <<'CMDS'
link add gre2 type gre remote 192.0.2.3 local 192.0.2.1 ikey 1.2.3.4 okey 5 iseq oseq icsum ocsum
link add gre3 type gre remote 192.0.2.4 local 192.0.2.1 key 0x10 seq csum
link add gre4 type gre remote 192.0.2.5 ikey 7 noikey okey 1.2 nooseq noocsum
CMDS

check_state "gre: nopmtudisc, ttl and tos inherit, ignore-df" <<'CMDS'
link add gre1 type gre remote 192.0.2.2 nopmtudisc ttl inherit tos inherit
link add gre2 type gre remote 192.0.2.3 nopmtudisc ignore-df
link add gre3 type gre remote 192.0.2.4 noignore-df tos 0x10 ttl 9
link add gre4 type gre remote 192.0.2.5 pmtudisc ignore-df
CMDS

check_state "gre: dev, fwmark, abbreviations" <<'CMDS'
link add d0 type dummy
link add gre1 type gre remote 192.0.2.2 dev d0 fwmark 0x10
link add gre2 type gre rem 192.0.2.3 loc 192.0.2.1 hoplimit 7 tclass 0x20 k 9
link add gre3 type gre remote any local any ttl 1 dsfield 0x04
link add gre4 type gre remote 192.0.2.9 hlim 200 fwmark 4294967295
CMDS

check_state "gre: external, multicast remote" <<'CMDS'
link add gre1 type gre external
link add gre2 type gre remote 239.1.1.1 local 192.0.2.1
link add gre3 type gre remote 239.1.1.2 local 192.0.2.1 key 77
link add gre4 type gre remote 239.1.1.3
CMDS

check_state "gre: encap fou and gue" <<'CMDS'
link add gre1 type gre remote 192.0.2.2 local 192.0.2.1 encap fou encap-sport auto encap-dport 5555 encap-csum
link add gre2 type gre remote 192.0.2.3 local 192.0.2.1 encap gue encap-sport 1234 encap-dport 6666 encap-remcsum encap-udp6-csum
link add gre3 type gre remote 192.0.2.4 encap fou encap-dport 7777 noencap
link add gre4 type gre remote 192.0.2.5 encap none
CMDS

check_state "gre: link set starts from the current settings" <<'CMDS'
link add gre1 type gre remote 192.0.2.2 local 192.0.2.1 key 1 csum ttl 10
link set gre1 type gre ttl 64
link set gre1 type gre nokey
link set gre1 type gre remote 192.0.2.9 seq
link change gre1 type gre nocsum tos 0x10
link set gre1 type gre ignore-df nopmtudisc ttl inherit
link set gre1 type gre noignore-df pmtudisc
link set gre1 type gre encap fou encap-dport 5555
link set gre1 type gre encap-csum
link set gre1 up
link set gre1 type gre
CMDS

check_state "gre: set on a device without tunnel data, delete" <<'CMDS'
link add d0 type dummy
link set d0 type gre ttl 3
link set lo type gre ttl 3
link add gre1 type gre remote 192.0.2.2
link add gre2 type gre remote 192.0.2.3
link del gre1
link delete dev gre2 type gre
CMDS

check_state "gretap: add and set" <<'CMDS'
link add gt1 type gretap remote 192.0.2.2 local 192.0.2.1 key 7
link add gt2 address 02:00:00:00:00:21 type gretap remote 192.0.2.3 local 192.0.2.1 csum seq ttl 20
link set gt1 type gretap okey 9
link set gt2 type gretap nocsum noseq
link add gt3 type gretap external
CMDS

check_state "erspan: v1 and v2" <<'CMDS'
link add er1 address 02:00:00:00:00:31 type erspan remote 192.0.2.2 local 192.0.2.1 seq key 10 erspan 123
link add er2 address 02:00:00:00:00:32 type erspan remote 192.0.2.3 local 192.0.2.1 seq key 11 erspan_ver 2 erspan_dir egress erspan_hwid 0x7
link add er3 address 02:00:00:00:00:33 type erspan remote 192.0.2.4 local 192.0.2.1 seq key 12 erspan_ver 0
link set er1 type erspan erspan 77
link set er2 type erspan erspan_dir ingress
CMDS

# --------------------------------------------------------------- ip6gre
check_state "ip6gre: remote local, defaults" <<'CMDS'
link add g6 type ip6gre remote 2001:db8::2 local 2001:db8::1
link add g7 type ip6gre remote 2001:db8::3
CMDS

check_state "ip6gre: hoplimit, encaplimit, tclass, flowlabel, keys" <<'CMDS'
link add g6 type ip6gre remote 2001:db8::2 local 2001:db8::1 hoplimit 10 encaplimit none tclass 0x12 flowlabel 0x12345 key 5 csum
link add g7 type ip6gre remote 2001:db8::3 local 2001:db8::1 ttl inherit encaplimit 0 tos 0xff fl 0xfffff ikey 1.2.3.4 iseq
CMDS

check_state "ip6gre: inherit flags, allow-localremote, dev" <<'CMDS'
link add d0 type dummy
link add g6 type ip6gre remote 2001:db8::2 local 2001:db8::1 tclass inherit flowlabel inherit dscp inherit fwmark inherit allow-localremote
link add g7 type ip6gre remote 2001:db8::3 dev d0 fwmark 0x33 noallow-localremote
CMDS

check_state "ip6gre: encap, external" <<'CMDS'
link add g6 type ip6gre remote 2001:db8::2 local 2001:db8::1 encap fou encap-dport 5555 noencap-udp6-csum
link add g7 type ip6gre external
CMDS

check_state "ip6gre: link set" <<'CMDS'
link add g6 type ip6gre remote 2001:db8::2 local 2001:db8::1 key 3 tclass inherit
link set g6 type ip6gre hoplimit 33
link set g6 type ip6gre tclass 0x20 allow-localremote
link set g6 type ip6gre encaplimit 2 flowlabel 0x7
link set g6 type ip6gre noallow-localremote fwmark inherit
link set g6 type ip6gre nokey remote 2001:db8::9
CMDS

check_state "ip6gretap and ip6erspan" <<'CMDS'
link add g6t address 02:00:00:00:00:41 type ip6gretap remote 2001:db8::2 local 2001:db8::1 encaplimit 7 seq
link set g6t type ip6gretap hoplimit 5
link add e6 address 02:00:00:00:00:42 type ip6erspan remote 2001:db8::3 local 2001:db8::1 seq key 3 erspan 99
link add e7 address 02:00:00:00:00:43 type ip6erspan remote 2001:db8::4 local 2001:db8::1 seq key 4 erspan_ver 2 erspan_hwid 9 erspan_dir egress
link set e6 type ip6erspan erspan 100
CMDS

# ------------------------------------------------------------ ipip, sit
check_state "ipip: add with modes" <<'CMDS'
link add ip1 type ipip remote 192.0.2.2 local 192.0.2.1 ttl 64
link add ip2 type ipip remote 192.0.2.3 mode any
link add ip3 type ipip remote 192.0.2.4 mode mplsip tos 0x10 fwmark 7
link add ip4 type ipip remote 192.0.2.5 mode ipv4/ipv4 nopmtudisc ttl inherit
link add ip5 type ipip remote 192.0.2.6 mode ip4ip4 tos inherit dsf 0x8
CMDS

check_state "ipip: dev, encap, external" <<'CMDS'
link add d0 type dummy
link add ip1 type ipip remote 192.0.2.2 dev d0
link add ip2 type ipip remote 192.0.2.3 local 192.0.2.1 encap fou encap-dport 5555 encap-sport 4444 encap-csum
link add ip3 type ipip external
CMDS

check_state "ipip: link set" <<'CMDS'
link add ip1 type ipip remote 192.0.2.2 local 192.0.2.1 ttl 64
link set ip1 type ipip ttl 3
link set ip1 type ipip remote 192.0.2.9
link set ip1 type ipip ttl inherit nopmtudisc
link set ip1 type ipip pmtudisc tos 0x4
link set ip1 type ipip mode any
CMDS

check_state "sit: modes, isatap" <<'CMDS'
link add s1 type sit remote 192.0.2.2 local 192.0.2.1 ttl 64
link add s2 type sit remote 192.0.2.3 mode ip6ip
link add s3 type sit remote 192.0.2.4 mode any
link add s4 type sit remote 192.0.2.5 mode ipip
link add s5 type sit remote 192.0.2.6 mode mplsip
link add is0 type sit local 192.0.2.1 isatap
CMDS

check_state "sit: 6rd prefixes" <<'CMDS'
link add s1 type sit local 192.0.2.1 6rd-prefix 2001:db8::/32 6rd-relay_prefix 192.0.2.0/24
link add s2 type sit local 192.0.2.2 6rd-prefix 2001:db8:100::/40
link set s1 type sit ttl 5
link set s1 type sit 6rd-relay_prefix 198.51.100.0/24
link add s3 type sit local 192.0.2.3 6rd-prefix 2001:db8::/32
link set s3 type sit 6rd-prefix 2001:db8:8000::/33
CMDS

check_state "sit: link set, encap" <<'CMDS'
link add s1 type sit remote 192.0.2.2 local 192.0.2.1 encap gue encap-dport 6000
link set s1 type sit noencap
link set s1 type sit ttl 100 tos 0x10
link add is0 type sit local 192.0.2.1 isatap
link set is0 type sit ttl 9
link set is0 type sit mode ip6ip
CMDS

# --------------------------------------------------------------- ip6tnl
check_state "ip6tnl: modes" <<'CMDS'
link add t1 type ip6tnl remote 2001:db8::2 local 2001:db8::1
link add t2 type ip6tnl remote 2001:db8::3 mode ipip6
link add t3 type ip6tnl remote 2001:db8::4 mode ip6ip6
link add t4 type ip6tnl remote 2001:db8::5 mode any
link add t5 type ip6tnl remote 2001:db8::6 mode ip4ip6
CMDS

check_state "ip6tnl: options" <<'CMDS'
link add d0 type dummy
link add t1 type ip6tnl remote 2001:db8::2 local 2001:db8::1 hoplimit 9 encaplimit 0 tclass 0x3 flowlabel 0xbeef dscp inherit fwmark 0x5 allow-localremote dev d0
link add t2 type ip6tnl remote 2001:db8::3 hlim inherit encaplimit none tc inherit fl inherit fwmark inherit
link add t3 type ip6tnl remote 2001:db8::4 encap fou encap-dport 5555
link add t4 type ip6tnl external
CMDS

check_state "ip6tnl: link set" <<'CMDS'
link add t1 type ip6tnl remote 2001:db8::2 local 2001:db8::1 tclass 0x10 encap fou encap-dport 5555
link set t1 type ip6tnl hoplimit inherit encaplimit none
link set t1 type ip6tnl mode ipip6
link set t1 type ip6tnl flowlabel 0x42 noallow-localremote
link set t1 type ip6tnl remote 2001:db8::7 tclass inherit
CMDS

# ------------------------------------------------------------ vti, vti6
check_state "vti: add and set" <<'CMDS'
link add d0 type dummy
link add vt1 type vti remote 192.0.2.2 local 192.0.2.1 key 5
link add vt2 type vti remote 192.0.2.3 ikey 1.2.3.4 okey 6 fwmark 0x9 dev d0
link set vt1 type vti okey 9
link set vt1 type vti remote 192.0.2.7
link set vt2 type vti key 0
CMDS

check_state "vti6: add and set" <<'CMDS'
link add v6 type vti6 remote 2001:db8::2 local 2001:db8::1 key 5
link add v7 type vti6 remote 2001:db8::3 ikey 3 okey 0.0.0.4 fwmark 17
link set v6 type vti6 ikey 10
link set v7 type vti6 local 2001:db8::8
CMDS

# --------------------------------------------------- addresses and routes
check_state "addresses and routes on tunnels" <<'CMDS'
link add gre1 type gre remote 192.0.2.2 local 192.0.2.1 ttl 64
link add t1 type ip6tnl remote 2001:db8::2 local 2001:db8::1
link set gre1 up
link set t1 up
addr add 10.9.0.1/30 dev gre1
addr add 10.9.0.5 peer 10.9.0.6 dev gre1
addr add 2001:db8:9::1/64 dev t1 nodad
route add 10.10.0.0/16 dev gre1
route add 2001:db8:10::/48 dev t1
addr del 10.9.0.1/30 dev gre1
link set gre1 down
CMDS

# --------------------------------------------- bad inputs change nothing
check_state "bad inputs change nothing" <<'CMDS'
link add gre9 type gre ttl 256
link add gre9 type gre key abc
link add gre9 type gre key 1.2.3.400
link add gre9 type gre remote 2001:db8::1
link add gre9 type gre dev nosuch
link add gre9 type gre remote 239.1.1.1
link add ip9 type ipip ttl 5 nopmtudisc
link add ip9 type ipip mode ip6ip
link add t9 type ip6tnl local 192.0.2.1
link add t9 type ip6tnl dscp copy
CMDS

# ------------------------------------------------------ shows of one state
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

check_same "-d link show" -- -d link show
check_same "-d -j link show" -- -d -j link show
check_same "-d -j -p link show type gre" -- -d -j -p link show type gre
check_same "-d link show dev gre2" -- -d link show dev gre2
check_same "-d link show dev s2 (6rd)" -- -d link show dev s2
check_same "-d link show dev t1" -- -d link show dev t1
check_same "-d -j link show dev g7" -- -d -j link show dev g7
check_same "-d link show dev er2" -- -d link show dev er2
check_same "-br link show" -- -br link show

# Bad inputs (nothing is created when they are right).
check_same "gre ttl 256" -- link add gre9 type gre ttl 256
check_same "gre ttl abc" -- link add gre9 type gre ttl abc
check_same "gre key abc" -- link add gre9 type gre key abc
check_same "gre bad dotted key" -- link add gre9 type gre key 1.2.3.400
check_same "gre key missing value" -- link add gre9 type gre key
check_same "gre ikey -1" -- link add gre9 type gre ikey -1
check_same "gre remote IPv6" -- link add gre9 type gre remote 2001:db8::1
check_same "gre local garbage" -- link add gre9 type gre local foo
check_same "gre dev missing" -- link add gre9 type gre dev nosuch
check_same "gre bad tos" -- link add gre9 type gre tos 0x100
check_same "gre bad fwmark" -- link add gre9 type gre fwmark x
check_same "gre bad encap" -- link add gre9 type gre encap foo
check_same "gre bad encap-sport" -- link add gre9 type gre encap-sport 70000
check_same "gre bad encap-dport" -- link add gre9 type gre encap-dport x
check_same "gre multicast without local" -- link add gre9 type gre remote 239.1.1.1
check_same "gre name taken" -- link add gre1 type gre remote 192.0.2.2 local 192.0.2.1 ttl 255 key 42
check_same "erspan index 0" -- link add er9 type erspan erspan 0
check_same "erspan index too big" -- link add er9 type erspan erspan 0x100000
check_same "erspan_ver 3" -- link add er9 type erspan erspan_ver 3
check_same "erspan_dir sideways" -- link add er9 type erspan erspan_dir sideways
check_same "erspan_hwid bad" -- link add er9 type erspan erspan_hwid 70000
check_same "ip6gre local IPv4" -- link add g9 type ip6gre local 192.0.2.1
check_same "ip6gre bad tclass" -- link add g9 type ip6gre tclass 0x100
check_same "ip6gre bad flowlabel" -- link add g9 type ip6gre flowlabel 0x100000
check_same "ip6gre bad hoplimit" -- link add g9 type ip6gre hoplimit 300
check_same "ip6gre bad encaplimit" -- link add g9 type ip6gre encaplimit 300
check_same "ip6gre dscp copy" -- link add g9 type ip6gre dscp copy
check_same "ip6gre bad fwmark" -- link add g9 type ip6gre fwmark -
check_same "ipip ttl with nopmtudisc" -- link add ip9 type ipip ttl 5 nopmtudisc
check_same "ipip mode ip6ip" -- link add ip9 type ipip mode ip6ip
check_same "ipip remote IPv6" -- link add ip9 type ipip remote 2001:db8::1
check_same "sit bad 6rd-prefix" -- link add s9 type sit 6rd-prefix 192.0.2.0/24
check_same "sit bad 6rd-relay_prefix" -- link add s9 type sit 6rd-relay_prefix 2001:db8::/32
check_same "sit mode bogus" -- link add s9 type sit mode bogus
check_same "ip6tnl mode ip6ip" -- link add t9 type ip6tnl mode ip6ip
check_same "ip6tnl local IPv4" -- link add t9 type ip6tnl local 192.0.2.1
check_same "ip6tnl bad flowlabel" -- link add t9 type ip6tnl flowlabel zz
check_same "vti bad key" -- link add vt9 type vti key x
check_same "vti6 remote IPv4" -- link add v9 type vti6 remote 192.0.2.1
check_same "vti bad fwmark" -- link add vt9 type vti fwmark 1x
check_same "set gre on a dummy" -- link set d0 type gre ttl 3
check_same "set gre bad ttl" -- link set gre1 type gre ttl 999
check_same "delete a missing gre" -- link del gre9 type gre
check_same "gre ttl missing value" -- link add gre9 type gre ttl
check_same "ip6tnl hoplimit 256" -- link add t9 type ip6tnl hoplimit 256
check_same "vti6 bad okey quad" -- link add v9 type vti6 okey 1.2.3.4.5

check_summary
