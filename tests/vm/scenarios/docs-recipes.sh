#!/bin/sh
# The worked examples of README.md and rtun(8)/rtun-tunnel(8), run as they
# are written: the files in docs/recipes/ (the README and the man pages
# show the same text; tests/docs.rs checks that) are copied into the image
# as /recipes/*.sh and run with `sh -e` inside each host's namespace.
#
#   H1 eth0 10.1.0.2 -- lan0 10.1.0.1 A eth0 198.51.100.1 ==(veth)==
#      198.51.100.2 eth0 B lan0 10.2.0.1 -- eth0 10.2.0.2 H2
#
# GRE (gre-site-a.sh on A, gre-site-b.sh on B): H1 reaches H2 through gre1,
# the forwarding sysctl is persisted in /etc/sysctl.d/90-rtun.conf, H1's
# traffic to the internet (B's public address) is masqueraded — B answers
# over eth0, not back through its tunnel — and gre-teardown.sh on both
# leaves each host as it was. IPIP (ipip-server.sh on A, ipip-gateway.sh on
# B): A reaches H2, which has no route back (the gateway masquerades), and
# ipip-teardown.sh leaves nothing behind. `rtun tunnel check gre1` on A
# finds every check ok, and prints docs/tunnel-check.txt, the failing
# example of README.md and rtun-tunnel(8), once that example's host
# firewall (docs/host-firewall.nft) and MTU are set. Strict.
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh

require "recipe helpers in /lib/rtun-check.sh" -- type check_traffic host_text link_packets
require "the recipes are in the image" -- test -f /recipes/gre-site-a.sh
require "module ip_gre" -- modprobe ip_gre
require "module ipip" -- modprobe ipip
PERSIST=/etc/sysctl.d/90-rtun.conf
rm -f "$PERSIST"

# recipe NS FILE: the file as written, rtun on PATH, inside NS: it must
# exit 0 and say nothing on stderr.
recipe() {
    _ck_run "$_ck/r" nsenter --net="/run/netns/$1" env PATH=/bin sh -e "/recipes/$2"
    if [ "$(cat "$_ck/r.rc")" = 0 ] && [ ! -s "$_ck/r.err" ]; then
        _ck_ok "$1: sh -e $2"
    else
        _ck_fail "$1: sh -e $2"
        _ck_show_run "$_ck/r" "$2"
    fi
}
packets() { # NS DEV rx|tx
    "$IP" -n "$1" -s -j link show "$2" >"$_ck/pk" 2>&1
    link_packets "$_ck/pk" "$3"
}

echo "== the two sites"
for n in A B H1 H2; do
    require "$n: netns add" -- "$IP" netns add "$n"
    require "$n: lo up" -- "$IP" -n "$n" link set lo up
    # No DAD: link-local addresses would stay "tentative" for a while and
    # make the before/after comparisons depend on timing.
    require "$n: accept_dad 0" -- nsenter --net="/run/netns/$n" sh -c \
        'echo 0 >/proc/sys/net/ipv6/conf/all/accept_dad; echo 0 >/proc/sys/net/ipv6/conf/default/accept_dad'
done
require "A: uplink veth to B" -- "$IP" -n A link add eth0 type veth peer name eth0 netns B
require "A: uplink address" -- "$IP" -n A address add 198.51.100.1/24 dev eth0
require "B: uplink address" -- "$IP" -n B address add 198.51.100.2/24 dev eth0
for s in A B; do
    require "$s: eth0 up" -- "$IP" -n "$s" link set eth0 up
done
require "H1: veth to A" -- "$IP" -n H1 link add eth0 type veth peer name lan0 netns A
require "H2: veth to B" -- "$IP" -n H2 link add eth0 type veth peer name lan0 netns B
require "A: LAN address" -- "$IP" -n A address add 10.1.0.1/24 dev lan0
require "B: LAN address" -- "$IP" -n B address add 10.2.0.1/24 dev lan0
require "H1: address" -- "$IP" -n H1 address add 10.1.0.2/24 dev eth0
require "H2: address" -- "$IP" -n H2 address add 10.2.0.2/24 dev eth0
for n in A B H1 H2; do
    l=lan0
    case $n in H*) l=eth0 ;; esac
    require "$n: $l up" -- "$IP" -n "$n" link set "$l" up
done
require "H1: default route via A" -- "$IP" -n H1 route add default via 10.1.0.1
check_ok "A: ping B over the uplink" -- nx A ping -c 2 -W 2 198.51.100.2
for n in A B; do host_text "$n" >"$_ck/$n.before"; done

echo "== GRE between the sites"
check_fails "H1: ping H2 before the recipe" -- nx H1 ping -c 1 -W 1 10.2.0.2
require "H2: default route via B (for the GRE recipe)" -- "$IP" -n H2 route add default via 10.2.0.1
recipe A gre-site-a.sh
recipe B gre-site-b.sh
check_prints "the forwarding sysctl is persisted" "net.ipv4.ip_forward = 1" "" -- cat "$PERSIST"
check_traffic "H1: ping H2 through gre1" "$IP" A gre1 3 -- nx H1 ping -c 3 -W 2 10.2.0.2
t0=$(packets B gre1 tx)
check_ok "H1: ping B's public address" -- nx H1 ping -c 3 -W 2 198.51.100.2
t1=$(packets B gre1 tx)
# Unmasqueraded, the 3 answers would go back through gre1 (B's route to
# 10.1.0.0/24); a stray packet of gre1's own (IPv6 chatter) may pass.
if [ -n "$t0" ] && [ -n "$t1" ] && [ "$t1" -lt $((t0 + 3)) ]; then
    _ck_ok "A masquerades H1 towards the internet: B answers over eth0 (gre1 tx $t0 -> $t1)"
else
    _ck_fail "A masquerades H1 towards the internet: B answers over eth0 (gre1 tx ${t0:-?} -> ${t1:-?})"
fi
check_ok "A: the MSS clamp rule is in place" -- sh -c "/bin/rtun -n A nft show | grep -q 'clamp-mss oif gre1'"
_ck_run "$_ck/c" /bin/rtun -n A tunnel check gre1
sed 's/^/  | /' "$_ck/c.out"
if [ "$(cat "$_ck/c.rc")" = 0 ] && [ -z "$(awk '$3 != "ok"' "$_ck/c.out")" ]; then
    _ck_ok "A: tunnel check gre1, every check ok"
else
    _ck_fail "A: tunnel check gre1, every check ok"
fi
# The failing example of README.md and rtun-tunnel(8), docs/tunnel-check.txt:
# a host firewall that drops what it did not ask for, and an MTU too large.
require "A: a host firewall" -- nx A /sbin/nft -f /docs/host-firewall.nft
require "A: gre1 mtu 1500" -- "$IP" -n A link set gre1 mtu 1500
{
    echo "# rtun tunnel check gre1"
    nx A /bin/rtun tunnel check gre1
    _rc=$?
    echo "# echo \$?"
    echo "$_rc"
} >"$_ck/transcript" 2>&1
check_files "A: tunnel check gre1 prints docs/tunnel-check.txt" /docs/tunnel-check.txt "$_ck/transcript"
require "A: no host firewall" -- nx A /sbin/nft delete table inet filter
require "A: gre1 mtu 1476" -- "$IP" -n A link set gre1 mtu 1476
recipe A gre-teardown.sh
recipe B gre-teardown.sh
check_prints "forwarding off again, persisted" "net.ipv4.ip_forward = 0" "" -- cat "$PERSIST"
require "H2: no default route (for the IPIP recipe)" -- "$IP" -n H2 route del default
for n in A B; do
    host_text "$n" >"$_ck/$n.after"
    check_files "$n: the GRE teardown leaves nothing behind" "$_ck/$n.before" "$_ck/$n.after"
    check_fails "$n: table inet rtun is gone" -- nx "$n" /sbin/nft list table inet rtun
done

echo "== IPIP from a server to a private LAN"
check_fails "A: ping H2 before the recipe" -- nx A ping -c 1 -W 1 10.2.0.2
recipe A ipip-server.sh
recipe B ipip-gateway.sh
check_traffic "A: ping H2 through ipip1 (H2 knows no route back)" "$IP" A ipip1 3 -- nx A ping -c 3 -W 2 10.2.0.2
recipe A ipip-teardown.sh
recipe B ipip-teardown.sh
for n in A B; do
    host_text "$n" >"$_ck/$n.after"
    check_files "$n: the IPIP teardown leaves nothing behind" "$_ck/$n.before" "$_ck/$n.after"
done

check_summary
