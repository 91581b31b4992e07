#!/bin/sh
# Recipe: two LANs joined by a GRE tunnel between their routers, with
# forwarding, forward rules, masquerade towards the "internet" and an MSS
# clamp on the tunnel, configured by rtun alone (namespaces, links,
# addresses, tunnel, routes, `rtun sysctl`, `rtun nft`) with no nft binary
# in PATH while it does.
#
#   H1 eth0 10.1.0.2/24 -- lan1 10.1.0.1 R1 inet1 192.0.2.1 ==(veth, "internet")==
#      192.0.2.2 inet2 R2 lan2 10.2.0.1 -- eth0 10.2.0.2/24 H2
#   R1 gre1 10.255.0.1 <-> 10.255.0.2 R2 gre1 (local/remote 192.0.2.1/.2)
#
# Checked: H1 cannot reach H2 until the routers forward; then it can,
# through gre1 (its counters move), and H2 sees H1's own address (no NAT
# between the LANs). R1's masquerade (src 10.1.0.0/24 oif inet1) changes
# where R2's answers to H1 go: to 10.1.0.2 back through the tunnel before
# it, to 192.0.2.1 on the public link after. The clamp: with gre1's MTU at
# 1400, a TCP SYN from H1 reaches H2 with MSS 1460 before `clamp-mss oif
# gre1` on R1 and 1360 after (and the connection carries data both times).
# `rtun nft show` lists the rules in rtun's words, Debian's nft reads them
# back (`maxseg size set rt mtu`). `rtun nft flush` removes table inet rtun
# and leaves another table byte-identical. `rtun sysctl --persist=FILE`
# writes FILE (new, and merged into an existing one), and `-p FILE` applies
# it. Debian's nft is a reader here, except for two instruments: table
# inet probe on H2 (counters of what arrives) and table ip keepme on R1.
# Strict.
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh

require "nat helpers in /lib/rtun-check.sh" -- type check_prints check_fails check_traffic
R=/bin/rtun
NFT=/sbin/nft
packets() { # NS DEV rx|tx
    "$IP" -n "$1" -s -j link show "$2" >"$_ck/pk" 2>&1
    link_packets "$_ck/pk" "$3"
}
# probe NAME: the packet count of the rule of H2's probe table with
# comment NAME.
probe() {
    nx H2 "$NFT" list chain inet probe input |
        sed -n "s/.* counter packets \([0-9]*\) bytes [0-9]* comment \"$1\"\$/\1/p"
}
# check_count "DESC" WANT GOT
check_count() {
    if [ "$2" = "$3" ]; then
        _ck_ok "$1 ($3)"
    else
        _ck_fail "$1 (want $2, got ${3:-?})"
    fi
}

# rtun runs with PATH=/bin: busybox and rtun, no nft (it is /sbin/nft).
PATH=/bin
export PATH
check_fails "no nft in PATH=/bin" -- command -v nft
check_prints "rtun is /bin/rtun" "/bin/rtun" "" -- command -v rtun

echo "== hosts and routers"
for n in H1 R1 R2 H2; do
    check_quiet "$n: netns add" -- "$R" netns add "$n"
    check_quiet "$n: lo up" -- "$R" -n "$n" link set lo up
done
check_quiet "R1: veth inet1 to R2" -- "$R" -n R1 link add inet1 type veth peer name inet2 netns R2
check_quiet "R1: public address" -- "$R" -n R1 address add 192.0.2.1/24 dev inet1
check_quiet "R1: inet1 up" -- "$R" -n R1 link set inet1 up
check_quiet "R2: public address" -- "$R" -n R2 address add 192.0.2.2/24 dev inet2
check_quiet "R2: inet2 up" -- "$R" -n R2 link set inet2 up
for i in 1 2; do
    check_quiet "H$i: veth eth0 to R$i" -- "$R" -n "H$i" link add eth0 type veth peer name "lan$i" netns "R$i"
    check_quiet "H$i: address" -- "$R" -n "H$i" address add "10.$i.0.2/24" dev eth0
    check_quiet "H$i: eth0 up" -- "$R" -n "H$i" link set eth0 up
    check_quiet "H$i: default route via R$i" -- "$R" -n "H$i" route add default via "10.$i.0.1"
    check_quiet "R$i: LAN address" -- "$R" -n "R$i" address add "10.$i.0.1/24" dev "lan$i"
    check_quiet "R$i: lan$i up" -- "$R" -n "R$i" link set "lan$i" up
    check_ok "H$i: ping R$i" -- nx "H$i" ping -c 1 -W 2 "10.$i.0.1"
done
check_ok "R1: ping R2 over the internet" -- nx R1 ping -c 2 -W 2 192.0.2.2

echo "== the tunnel"
for i in 1 2; do
    j=$((3 - i))
    check_quiet "R$i: tunnel add gre1" -- "$R" -n "R$i" tunnel add gre1 mode gre \
        remote "192.0.2.$j" local "192.0.2.$i" ttl 64
    check_quiet "R$i: gre1 mtu 1400" -- "$R" -n "R$i" link set gre1 mtu 1400
    check_quiet "R$i: gre1 up" -- "$R" -n "R$i" link set gre1 up
    check_quiet "R$i: tunnel address" -- "$R" -n "R$i" address add "10.255.0.$i" peer "10.255.0.$j" dev gre1
    check_quiet "R$i: route to LAN$j via gre1" -- "$R" -n "R$i" route add "10.$j.0.0/24" dev gre1
done
check_traffic "R1: ping R2 through gre1" "$IP" R1 gre1 2 -- nx R1 ping -c 2 -W 2 10.255.0.2
check_fails "H1: ping H2 fails: the routers do not forward" -- nx H1 ping -c 2 -W 2 10.2.0.2

echo "== forwarding"
# `rtun -n NS sysctl --persist` is refused (a boot file applies to the
# initial namespace) and changes nothing; on the router itself (here: run
# inside its namespace, which rtun cannot tell) it persists.
check_fails "R1: rtun -n R1 sysctl --persist=… is refused" -- \
    "$R" -n R1 sysctl --persist=/tmp/x.conf -w net.ipv4.ip_forward=1
check_prints "R1: ip_forward still 0" "0" "" -- nx R1 cat /proc/sys/net/ipv4/ip_forward
check_fails "R1: no /tmp/x.conf" -- test -e /tmp/x.conf
check_prints "R1: rtun sysctl --persist=/tmp/x.conf -w net.ipv4.ip_forward=1" "net.ipv4.ip_forward = 1" "" -- \
    nx R1 "$R" sysctl --persist=/tmp/x.conf -w net.ipv4.ip_forward=1
check_prints "R1: /tmp/x.conf written" "net.ipv4.ip_forward = 1" "" -- cat /tmp/x.conf
check_prints "R1: /tmp/x.conf mode 644" "644" "" -- stat -c %a /tmp/x.conf
printf '# router 2\nnet.core.somaxconn = 512\nnet/ipv4/ip_forward=0\n' >/tmp/r2.conf
check_prints "R2: rtun sysctl --persist=/tmp/r2.conf -w net.ipv4.ip_forward=1" "net.ipv4.ip_forward = 1" "" -- \
    nx R2 "$R" sysctl --persist=/tmp/r2.conf -w net.ipv4.ip_forward=1
check_prints "R2: /tmp/r2.conf updated in place" "# router 2
net.core.somaxconn = 512
net.ipv4.ip_forward = 1" "" -- cat /tmp/r2.conf
for i in 1 2; do
    check_prints "R$i: ip_forward is 1" "1" "" -- nx "R$i" cat /proc/sys/net/ipv4/ip_forward
    check_quiet "R$i: rtun nft add forward iif gre1" -- "$R" -n "R$i" nft add forward iif gre1
    check_quiet "R$i: rtun nft add forward oif gre1" -- "$R" -n "R$i" nft add forward oif gre1
done
check_prints "H1: ip_forward stays 0 (per namespace)" "0" "" -- nx H1 cat /proc/sys/net/ipv4/ip_forward

# H2's probe (Debian's nft, an instrument): what arrives, and with which MSS.
cat >"$_ck/probe.nft" <<'EOF'
table inet probe {
	chain input {
		type filter hook input priority filter - 10; policy accept;
		ip saddr 10.1.0.2 icmp type echo-request counter comment "ping-h1"
		ip saddr != 10.1.0.2 icmp type echo-request counter comment "ping-other"
		tcp dport 5001 tcp flags & (syn | ack) == syn counter comment "syn"
		tcp dport 5001 tcp flags & (syn | ack) == syn tcp option maxseg size 1460 counter comment "mss1460"
		tcp dport 5001 tcp flags & (syn | ack) == syn tcp option maxseg size 1360 counter comment "mss1360"
	}
}
EOF
require "H2: Debian's nft makes the probe table" -- nx H2 "$NFT" -f "$_ck/probe.nft"
check_traffic "H1: ping H2 through the tunnel" "$IP" R1 gre1 3 -- nx H1 ping -c 3 -W 2 10.2.0.2
check_count "H2: the echo requests came from 10.1.0.2 (no NAT between the LANs)" 3 \
    "$(probe ping-h1)"
check_count "H2: none from another address" 0 "$(probe ping-other)"
check_ok "H2: ping H1 back" -- nx H2 ping -c 2 -W 2 10.1.0.2

echo "== masquerade towards the internet (R1)"
t0=$(packets R2 gre1 tx)
check_ok "H1: ping 192.0.2.2 (R2's public address)" -- nx H1 ping -c 2 -W 2 192.0.2.2
t1=$(packets R2 gre1 tx)
if [ -n "$t0" ] && [ -n "$t1" ] && [ "$t1" -ge $((t0 + 2)) ]; then
    _ck_ok "R2: without NAT, answers to 10.1.0.2 go through gre1 (tx $t0 -> $t1)"
else
    _ck_fail "R2: without NAT, answers to 10.1.0.2 go through gre1 (tx ${t0:-?} -> ${t1:-?})"
fi
check_quiet "R1: rtun nft add masquerade src 10.1.0.0/24 oif inet1" -- \
    "$R" -n R1 nft add masquerade src 10.1.0.0/24 oif inet1
check_quiet "R2: rtun nft add masquerade src 10.2.0.0/24 oif inet2" -- \
    "$R" -n R2 nft add masquerade src 10.2.0.0/24 oif inet2
# Three answers; gre1 may carry one unrelated packet meanwhile (an IPv6
# router solicitation or MLD report of its own), never the answers.
t0=$(packets R2 gre1 tx)
check_traffic "H1: ping 192.0.2.2, masqueraded" "$IP" R2 inet2 3 -- nx H1 ping -c 3 -W 2 192.0.2.2
t1=$(packets R2 gre1 tx)
if [ -n "$t0" ] && [ -n "$t1" ] && [ "$t1" -le $((t0 + 1)) ]; then
    _ck_ok "R2: with NAT, answers go to 192.0.2.1 on inet2, none through gre1 (tx $t0 -> $t1)"
else
    _ck_fail "R2: with NAT, answers go to 192.0.2.1 on inet2, none through gre1 (tx ${t0:-?} -> ${t1:-?})"
fi
check_ok "H1: ping H2 still through the tunnel" -- nx H1 ping -c 2 -W 2 10.2.0.2
check_count "H2: still from 10.1.0.2 (the masquerade is for inet1 only)" 5 \
    "$(probe ping-h1)"

echo "== MSS clamp (gre1 mtu 1400: MSS 1360)"
# tcp_once TAG: one TCP connection H1 -> H2:5001 carrying "hello TAG".
tcp_once() {
    rm -f "$_ck/recv"
    nx H2 timeout 20 nc -l -p 5001 >"$_ck/recv" 2>&1 &
    _lpid=$!
    sleep 1
    echo "hello $1" | nx H1 timeout 10 nc 10.2.0.2 5001 >/dev/null 2>&1
    wait "$_lpid"
    check_prints "H2: TCP from H1 carries \"hello $1\"" "hello $1" "" -- cat "$_ck/recv"
}
tcp_once 1
check_count "H2: one SYN" 1 "$(probe syn)"
check_count "H2: its MSS is 1460 (no clamp yet)" 1 "$(probe mss1460)"
check_quiet "R1: rtun nft add clamp-mss oif gre1" -- "$R" -n R1 nft add clamp-mss oif gre1
check_quiet "R2: rtun nft add clamp-mss oif gre1" -- "$R" -n R2 nft add clamp-mss oif gre1
tcp_once 2
check_count "H2: two SYNs" 2 "$(probe syn)"
check_count "H2: the second one's MSS is 1360 (clamped by R1)" 1 "$(probe mss1360)"
check_count "H2: still one with 1460" 1 "$(probe mss1460)"
nx H2 "$NFT" list chain inet probe input | sed 's/^/  H2: probe: /'

echo "== rtun's table, read back"
for i in 1 2; do
    check_prints "R$i: rtun nft show" "forward iif gre1
forward oif gre1
masquerade src 10.$i.0.0/24 oif inet$i
clamp-mss oif gre1" "" -- "$R" -n "R$i" nft show
done
nx R1 "$NFT" list table inet rtun >"$_ck/R1.nft" 2>&1
sed 's/^/  R1: nft list table inet rtun: /' "$_ck/R1.nft"
check_ok "R1: Debian's nft reads the clamp (maxseg size set rt mtu)" -- \
    grep -q '^[[:space:]]*oifname "gre1" tcp flags syn tcp option maxseg size set rt mtu$' "$_ck/R1.nft"
check_ok "R1: … and the masquerade" -- \
    grep -q '^[[:space:]]*ip saddr 10\.1\.0\.0/24 oifname "inet1" masquerade$' "$_ck/R1.nft"
check_ok "R1: … and the forward rules" -- \
    sh -c "grep -q '^[[:space:]]*iifname \"gre1\" accept\$' '$_ck/R1.nft' && grep -q '^[[:space:]]*oifname \"gre1\" accept\$' '$_ck/R1.nft'"

echo "== rtun nft flush leaves other tables alone (R1)"
cat >"$_ck/keepme.nft" <<'EOF'
table ip keepme {
	set blocked {
		type ipv4_addr
		elements = { 203.0.113.7, 203.0.113.8 }
	}

	chain out {
		type filter hook output priority filter; policy accept;
		ip daddr @blocked drop
		ip daddr 198.51.100.0/24 tcp dport 25 reject
	}
}
EOF
require "R1: Debian's nft makes table ip keepme" -- nx R1 "$NFT" -f "$_ck/keepme.nft"
nx R1 "$NFT" list table ip keepme >"$_ck/keepme.before" 2>&1
check_quiet "R1: rtun nft flush" -- "$R" -n R1 nft flush
check_fails "R1: table inet rtun is gone" -- nx R1 "$NFT" list table inet rtun
nx R1 "$NFT" list table ip keepme >"$_ck/keepme.after" 2>&1
check_files "R1: table ip keepme is byte-identical" "$_ck/keepme.before" "$_ck/keepme.after"
check_prints "R1: nft list tables: keepme only" "table ip keepme" "" -- nx R1 "$NFT" list tables
check_prints "R1: rtun nft show: nothing" "" "" -- "$R" -n R1 nft show
check_quiet "R1: rtun nft flush again: nothing to do" -- "$R" -n R1 nft flush
nx R1 "$NFT" list table ip keepme >"$_ck/keepme.after" 2>&1
check_files "R1: table ip keepme still byte-identical" "$_ck/keepme.before" "$_ck/keepme.after"
check_prints "R2: its table is untouched" "forward iif gre1
forward oif gre1
masquerade src 10.2.0.0/24 oif inet2
clamp-mss oif gre1" "" -- "$R" -n R2 nft show

echo "== the persisted setting applies"
check_prints "R1: rtun sysctl -w net.ipv4.ip_forward=0" "net.ipv4.ip_forward = 0" "" -- \
    "$R" -n R1 sysctl -w net.ipv4.ip_forward=0
check_fails "H1: ping H2 fails with R1 not forwarding" -- nx H1 ping -c 2 -W 2 10.2.0.2
check_prints "R1: rtun sysctl -p /tmp/x.conf" "net.ipv4.ip_forward = 1" "" -- "$R" -n R1 sysctl -p /tmp/x.conf
check_ok "H1: ping H2 works again" -- nx H1 ping -c 2 -W 2 10.2.0.2

echo "== teardown"
check_quiet "R2: rtun nft flush" -- "$R" -n R2 nft flush
for n in H1 R1 R2 H2; do
    check_quiet "$n: netns del" -- "$R" netns del "$n"
done

check_summary
