#!/bin/sh
# Recipe: a GRE tunnel between two hosts, configured by rtun alone.
#
# Hosts A and B are network namespaces joined by a veth pair on a "public"
# network (192.0.2.0/24); a GRE tunnel between them carries 10.10.10.0/24.
# The recipe runs twice: once with Debian's /sbin/ip in namespaces ipA/ipB
# (the reference: its failures are harness problems), then with the tool
# under test, $T (/bin/rtun; host B's tunnel commands go through /rtun/ip,
# rtun's `ip` personality), in namespaces A/B. Checked: every command exits
# 0 silently, pings cross the tunnel, its packet counters move, host A ends
# up in the same kernel state as ipA (`ip -d -j link show`, `-j addr show`,
# `-j route show`, normalised as check_state does), wrong-case device names
# fail exactly as with ip, and teardown leaves nothing behind. Strict.
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh
# ip's tunnel is made by ioctl, rtun's over rtnetlink: this 6.1 kernel sets
# min_mtu/max_mtu only on the ioctl path (see _ck_normalize).
CHECK_MASK_MTU_RANGE=1

require "recipe helpers in /lib/rtun-check.sh" -- type check_traffic host_state host_text
: "${T:=/bin/rtun}"
if [ "$T" = /bin/rtun ]; then TB=/rtun/ip; else TB=$T; fi
MODE=gre
DEV=GRE1

# Load the module before any namespace exists, so its fallback devices
# (gre0, gretap0, erspan0) are in every namespace from the start.
require "module ip_gre" -- modprobe ip_gre

# recipe TOOL TOOL_B A B: the whole recipe with TOOL on host A (TOOL_B for
# host B's tunnel), in fresh namespaces A and B.
recipe() {
    t=$1 tb=$2 a=$3 b=$4
    echo "== recipe with $t (host B's tunnel: $tb), hosts $a and $b"
    for n in "$a" "$b"; do
        check_quiet "$n: netns add" -- "$t" netns add "$n"
        # No DAD: the veth's link-local address would stay "tentative" for
        # a while, and differ between the two runs.
        require "$n: accept_dad 0" -- nsenter --net="/run/netns/$n" sh -c \
            'echo 0 >/proc/sys/net/ipv6/conf/all/accept_dad; echo 0 >/proc/sys/net/ipv6/conf/default/accept_dad'
    done
    check_quiet "$a: veth to $b" -- "$t" -n "$a" link add vA address 02:00:00:00:0a:01 type veth \
        peer name vB address 02:00:00:00:0b:01 netns "$b"
    check_quiet "$a: public address" -- "$t" -n "$a" address add 192.0.2.1/24 dev vA
    check_quiet "$a: vA up" -- "$t" -n "$a" link set vA up
    check_quiet "$b: public address" -- "$t" -n "$b" address add 192.0.2.2/24 dev vB
    check_quiet "$b: vB up" -- "$t" -n "$b" link set vB up
    check_traffic "$a: ping $b over the public network" "$t" "$a" vA 3 -- \
        nsenter --net="/run/netns/$a" ping -c 3 -W 2 192.0.2.2
    host_text "$a" >"$_ck/$a.before"

    # The tunnel, as a user types it.
    check_quiet "$a: tunnel add $DEV mode $MODE" -- "$t" -n "$a" tunnel add "$DEV" mode "$MODE" \
        remote 192.0.2.2 local 192.0.2.1 ttl 255
    check_ok "$a: $DEV exists" -- "$IP" -n "$a" -d link show "$DEV"
    check_quiet "$a: link set $DEV up" -- "$t" -n "$a" link set "$DEV" up
    check_quiet "$a: address add peer" -- "$t" -n "$a" address add 10.10.10.1 peer 10.10.10.2 dev "$DEV"
    check_quiet "$a: route add" -- "$t" -n "$a" route add 10.10.10.0/24 dev "$DEV"
    check_quiet "$b: tunnel add $DEV mode $MODE" -- "$tb" -n "$b" tunnel add "$DEV" mode "$MODE" \
        remote 192.0.2.1 local 192.0.2.2 ttl 255
    check_quiet "$b: link set $DEV up" -- "$tb" -n "$b" link set "$DEV" up
    check_quiet "$b: address add peer" -- "$tb" -n "$b" address add 10.10.10.2 peer 10.10.10.1 dev "$DEV"
    check_quiet "$b: route add" -- "$tb" -n "$b" route add 10.10.10.0/24 dev "$DEV"
    [ "$CHECK_REFERENCE" = 1 ] ||
        check_like_ip "$a: tunnel show $DEV" "$t" -- -n "$a" tunnel show "$DEV"

    # Traffic: packets through the tunnel move its counters.
    check_traffic "$a: ping $b through $DEV" "$t" "$a" "$DEV" 3 -- \
        nsenter --net="/run/netns/$a" ping -c 3 -W 2 10.10.10.2

    # The kernel state the recipe built on host A, as ip reads it back.
    host_state "$a" "$_ck/$a"
    if [ "$CHECK_REFERENCE" = 1 ]; then
        cp "$_ck/$a.link" "$_ck/ref.link"
        cp "$_ck/$a.addr" "$_ck/ref.addr"
        cp "$_ck/$a.route" "$_ck/ref.route"
    else
        # linkwatch sets operstate late: look again once before failing.
        cmp -s "$_ck/ref.link" "$_ck/$a.link" || { sleep 1.2; host_state "$a" "$_ck/$a"; }
        check_files "$a like ipA: ip -d -j link show" "$_ck/ref.link" "$_ck/$a.link"
        check_files "$a like ipA: ip -j addr show" "$_ck/ref.addr" "$_ck/$a.addr"
        check_files "$a like ipA: ip -j route show (-4, -6)" "$_ck/ref.route" "$_ck/$a.route"

        # A name in the wrong case is another device: refused as ip does.
        check_like_ip "$a: tunnel del ${DEV_LOWER}" "$t" -- -n "$a" tunnel del "$DEV_LOWER"
        sed "s/^/  ip says: /; s/\$/ [exit $(cat "$_ck/ip.rc")]/" "$_ck/ip.err"
        check_like_ip "$a: link set ${DEV_LOWER} up" "$t" -- -n "$a" link set "$DEV_LOWER" up
        sed "s/^/  ip says: /; s/\$/ [exit $(cat "$_ck/ip.rc")]/" "$_ck/ip.err"
        check_ok "$a: $DEV survives them" -- "$IP" -n "$a" link show "$DEV"
    fi

    # Teardown leaves host A as it was before the tunnel.
    check_quiet "$a: link set $DEV down" -- "$t" -n "$a" link set "$DEV" down
    check_quiet "$a: tunnel del $DEV" -- "$t" -n "$a" tunnel del "$DEV"
    check_quiet "$b: tunnel del $DEV" -- "$tb" -n "$b" tunnel del "$DEV"
    host_text "$a" >"$_ck/$a.after"
    check_files "$a: nothing left behind" "$_ck/$a.before" "$_ck/$a.after"
    for n in "$a" "$b"; do
        check_quiet "$n: netns del" -- "$t" netns del "$n"
    done
}
DEV_LOWER=$(echo "$DEV" | tr '[:upper:]' '[:lower:]')

CHECK_REFERENCE=1
recipe "$IP" "$IP" ipA ipB
CHECK_REFERENCE=0
recipe "$T" "$TB" A B

check_summary
