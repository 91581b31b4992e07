#!/bin/sh
# Recipe: reach a private LAN behind an IPIP tunnel's far end, with NAT,
# configured by rtun alone (namespaces, links, addresses, tunnel, routes,
# `rtun sysctl`, `rtun nft`), and no nft binary in PATH while it does.
#
#   A (192.0.2.1) ==ipip1 10.99.0.1 <-> 10.99.0.2== B (192.0.2.2)
#                                                   B lanB 10.20.0.1/24
#                                                   C lanC 10.20.0.2/24
#
# C has only its connected route: it cannot answer A's tunnel address
# 10.99.0.1 unless B masquerades. A's ping of 10.20.0.2 must fail with
# forwarding off, still fail with forwarding on (C receives the requests
# but cannot reply), work once `rtun nft add masquerade` is on B, and fail
# again after `rtun nft del`. Debian's nft is used only to read rtun's
# table back (and, for the negative control, to make another table).
#
# Negative control (on C): another table's input chain with policy drop
# (or a drop rule) wins over `rtun nft add accept proto icmp`: nftables
# runs every base chain on a hook. `rtun nft show` says so on stderr.
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

# rtun runs with PATH=/bin: busybox and rtun, no nft (it is /sbin/nft).
PATH=/bin
export PATH
check_fails "no nft in PATH=/bin" -- command -v nft
check_prints "rtun is /bin/rtun" "/bin/rtun" "" -- command -v rtun

echo "== hosts"
for n in A B C; do
    check_quiet "$n: netns add" -- "$R" netns add "$n"
    check_quiet "$n: lo up" -- "$R" -n "$n" link set lo up
done
check_quiet "A: veth vA to B" -- "$R" -n A link add vA type veth peer name vB netns B
check_quiet "A: public address" -- "$R" -n A address add 192.0.2.1/24 dev vA
check_quiet "A: vA up" -- "$R" -n A link set vA up
check_quiet "B: public address" -- "$R" -n B address add 192.0.2.2/24 dev vB
check_quiet "B: vB up" -- "$R" -n B link set vB up
check_quiet "B: veth lanB to C" -- "$R" -n B link add lanB type veth peer name lanC netns C
check_quiet "B: LAN address" -- "$R" -n B address add 10.20.0.1/24 dev lanB
check_quiet "B: lanB up" -- "$R" -n B link set lanB up
check_quiet "C: LAN address" -- "$R" -n C address add 10.20.0.2/24 dev lanC
check_quiet "C: lanC up" -- "$R" -n C link set lanC up
check_ok "A: ping B over the public network" -- nx A ping -c 2 -W 2 192.0.2.2
check_ok "B: ping C over the LAN" -- nx B ping -c 2 -W 2 10.20.0.2

echo "== the tunnel"
check_quiet "A: tunnel add ipip1" -- "$R" -n A tunnel add ipip1 mode ipip remote 192.0.2.2 local 192.0.2.1 ttl 64
check_quiet "A: ipip1 up" -- "$R" -n A link set ipip1 up
check_quiet "A: tunnel address" -- "$R" -n A address add 10.99.0.1 peer 10.99.0.2 dev ipip1
check_quiet "A: route to the LAN via ipip1" -- "$R" -n A route add 10.20.0.0/24 dev ipip1
check_quiet "B: tunnel add ipip1" -- "$R" -n B tunnel add ipip1 mode ipip remote 192.0.2.1 local 192.0.2.2 ttl 64
check_quiet "B: ipip1 up" -- "$R" -n B link set ipip1 up
check_quiet "B: tunnel address" -- "$R" -n B address add 10.99.0.2 peer 10.99.0.1 dev ipip1
check_traffic "A: ping B through ipip1" "$IP" A ipip1 2 -- nx A ping -c 2 -W 2 10.99.0.2
check_fails "C: no route to A's tunnel address 10.99.0.1" -- "$IP" -n C route get 10.99.0.1
check_ok "A: the LAN is reached from 10.99.0.1 via ipip1" -- \
    sh -c "$IP -n A route get 10.20.0.2 | grep -q 'dev ipip1 src 10.99.0.1 '"

echo "== forwarding"
check_prints "B: ip_forward starts at 0" "0" "" -- "$R" -n B sysctl -n net.ipv4.ip_forward
check_fails "A: ping C fails: B does not forward" -- nx A ping -c 2 -W 2 10.20.0.2
check_prints "B: rtun sysctl -w net.ipv4.ip_forward=1" "net.ipv4.ip_forward = 1" "" -- \
    "$R" -n B sysctl -w net.ipv4.ip_forward=1
check_prints "B: /proc/sys/net/ipv4/ip_forward is 1" "1" "" -- nx B cat /proc/sys/net/ipv4/ip_forward
check_prints "A: ip_forward still 0 (per namespace)" "0" "" -- nx A cat /proc/sys/net/ipv4/ip_forward
rx0=$(packets C lanC rx)
check_fails "A: ping C fails without NAT: C cannot answer 10.99.0.1" -- nx A ping -c 2 -W 2 10.20.0.2
rx1=$(packets C lanC rx)
if [ -n "$rx0" ] && [ -n "$rx1" ] && [ "$rx1" -ge $((rx0 + 2)) ]; then
    _ck_pass "C: the requests did arrive (lanC rx $rx0 -> $rx1)"
else
    _ck_fail "C: the requests did arrive (lanC rx ${rx0:-?} -> ${rx1:-?})"
fi

echo "== masquerade on B"
check_prints "B: rtun nft show: nothing yet" "" "" -- "$R" -n B nft show
check_quiet "B: rtun nft add masquerade src 10.99.0.0/24 dst 10.20.0.0/24" -- \
    "$R" -n B nft add masquerade src 10.99.0.0/24 dst 10.20.0.0/24
check_prints "B: rtun nft show" "masquerade src 10.99.0.0/24 dst 10.20.0.0/24" "" -- "$R" -n B nft show
check_quiet "B: the same add again does nothing" -- \
    "$R" -n B nft add masquerade src 10.99.0.0/24 dst 10.20.0.0/24
check_prints "B: rtun nft show: still one rule" "masquerade src 10.99.0.0/24 dst 10.20.0.0/24" "" -- \
    "$R" -n B nft show
check_traffic "A: ping C through ipip1, masqueraded by B" "$IP" A ipip1 3 -- nx A ping -c 3 -W 2 10.20.0.2
nx B "$NFT" list table inet rtun >"$_ck/B.nft" 2>&1
sed 's/^/  nft list table inet rtun: /' "$_ck/B.nft"
check_ok "B: Debian's nft reads a masquerade rule in table inet rtun" -- \
    grep -q '^[[:space:]]*ip saddr 10\.99\.0\.0/24 ip daddr 10\.20\.0\.0/24 masquerade$' "$_ck/B.nft"
check_ok "B: in chain postrouting (type nat hook postrouting priority srcnat)" -- \
    grep -q 'type nat hook postrouting priority srcnat; policy accept;' "$_ck/B.nft"

echo "== del undoes it"
check_quiet "B: rtun nft del masquerade …" -- "$R" -n B nft del masquerade src 10.99.0.0/24 dst 10.20.0.0/24
check_prints "B: rtun nft show: empty" "" "" -- "$R" -n B nft show
# conntrack keeps the NATed echo flow: a new ping id makes a new flow.
check_fails "A: ping C fails again" -- nx A ping -c 2 -W 2 10.20.0.2
check_quiet "B: rtun nft add masquerade again" -- \
    "$R" -n B nft add masquerade src 10.99.0.0/24 dst 10.20.0.0/24
check_ok "A: ping C works again" -- nx A ping -c 2 -W 2 10.20.0.2

echo "== negative control: another table's drop wins over rtun's accept (on C)"
cat >"$_ck/other.nft" <<'EOF'
table inet other {
	chain input {
		type filter hook input priority filter; policy drop;
	}
}
EOF
cat >"$_ck/other2.nft" <<'EOF'
table ip other2 {
	chain input {
		type filter hook input priority filter + 10; policy accept;
		ip protocol icmp drop
	}
}
EOF
require "C: Debian's nft makes table inet other (input, policy drop)" -- nx C "$NFT" -f "$_ck/other.nft"
check_quiet "C: rtun nft add accept proto icmp" -- "$R" -n C nft add accept proto icmp
check_fails "B: ping C fails: rtun's accept does not override the drop" -- nx B ping -c 2 -W 2 10.20.0.2
check_prints "C: rtun nft show: the rule, and a note on the drop" "accept proto icmp" \
    "Note: table inet other chain input (hook input) has policy drop: an accept in table inet rtun does not override it." -- \
    "$R" -n C nft show
require "C: nft delete table inet other" -- nx C "$NFT" delete table inet other
check_ok "B: ping C works once table inet other is gone" -- nx B ping -c 2 -W 2 10.20.0.2
check_prints "C: rtun nft show: no note" "accept proto icmp" "" -- "$R" -n C nft show
require "C: Debian's nft makes table ip other2 (input, icmp drop rule)" -- nx C "$NFT" -f "$_ck/other2.nft"
check_fails "B: ping C fails: a drop rule elsewhere wins too" -- nx B ping -c 2 -W 2 10.20.0.2
check_prints "C: rtun nft show: a note on the drop rule" "accept proto icmp" \
    "Note: table ip other2 chain input (hook input) has drop rules: an accept in table inet rtun does not override it." -- \
    "$R" -n C nft show
require "C: nft delete table ip other2" -- nx C "$NFT" delete table ip other2

echo "== teardown"
for n in B C; do
    check_quiet "$n: rtun nft flush" -- "$R" -n "$n" nft flush
    check_fails "$n: table inet rtun is gone" -- nx "$n" "$NFT" list table inet rtun
done
for n in A B C; do
    check_quiet "$n: netns del" -- "$R" netns del "$n"
done

check_summary
