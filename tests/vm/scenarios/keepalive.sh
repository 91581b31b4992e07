#!/bin/sh
# GRE keepalives: `rtun tunnel keepalive GRE1 interval 1 retries 3`.
#
# Hosts A and B are network namespaces joined by a veth underlay
# (192.0.2.1/24 on vA, 192.0.2.2/24 on vB), GRE1 on each between them; A's
# GRE1 has 10.10.10.1 peer 10.10.10.2, 2001:db8:10::1/64, a route via the
# peer, one in table 100 and an IPv6 one via the peer's address. Checked:
#  1. both ends watching: GRE1 stays up on both for 10 s, nothing printed,
#     ping crosses;
#  2. GRE dropped on the underlay (an nft rule on B): A's GRE1 is down
#     within 5 s with no route through it, A printed the down line; the rule
#     gone, GRE1 is up within 3 s with exactly its routes and addresses
#     (every table, IPv4 and IPv6), A printed the up line, ping crosses;
#  5. SIGTERM to A's watcher while GRE1 is down: it exits 0, leaving GRE1
#     up with its routes;
#     the underlay down under a watcher (-j): GRE1 goes down, then 10 s
#     cost under 0.2 s of CPU; its JSON lines; GRE1 back with its routes;
#  3. B without rtun: with accept_local=1 and forwarding=1 on its GRE1, A
#     stays up; without them A goes down; with them again, up;
#  6. `once`: exit 0 and `GRE1: up` when answered (text, -t, -j), exit 1
#     and `GRE1: down, 1 keepalive unanswered` when not; bad input;
#  4. the keepalive A sends, captured on B's vB, is Cisco's layout byte for
#     byte (outer identification, flags and checksum are the kernel's: the
#     checksum must hold);
#  the busybox init script starts, reports and stops a watcher (the tunnel
#  left up); across a NAT (C behind N's masquerade, A public) both ends
#  watching stay up, and each end's `once` is answered by the other.
# Strict.
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh

R=/bin/rtun
NFT=/sbin/nft
TCPDUMP=/sbin/tcpdump
require "helpers in /lib/rtun-check.sh" -- type check_quiet check_ok check_fails check_files
require "module ip_gre" -- modprobe ip_gre

# Centiseconds since boot.
now_cs() {
    read -r _up _ </proc/uptime
    echo "${_up%.*}${_up#*.}"
}
# wait_for SECONDS CMD…: run CMD every 0.1 s until it succeeds (0) or
# SECONDS pass (1); WAITED is the time taken, in centiseconds.
wait_for() {
    _lim=$(($1 * 100))
    shift
    _t0=$(now_cs)
    while :; do
        if "$@" >/dev/null 2>&1; then
            WAITED=$(($(now_cs) - _t0))
            return 0
        fi
        WAITED=$(($(now_cs) - _t0))
        [ "$WAITED" -ge "$_lim" ] && return 1
        sleep 0.1
    done
}
is_up() { "$IP" -n "$1" link show GRE1 | grep -q '[<,]UP[,>]'; }
is_down() { ! is_up "$1"; }
# check_within "DESC" SECONDS CMD…
check_within() {
    _d=$1 _s=$2
    shift 2
    if wait_for "$_s" "$@"; then
        _ck_ok "$_d (after $((WAITED / 100)).$(printf %02d $((WAITED % 100))) s)"
    else
        _ck_fail "$_d (not within $_s s)"
    fi
}
# state NS: what GRE1 has in every table, and its addresses.
state() {
    "$IP" -n "$1" route show table all dev GRE1
    "$IP" -n "$1" -6 route show table all dev GRE1
    "$IP" -n "$1" addr show dev GRE1
}
# The routes through GRE1 (not the local route of its own IPv4 address,
# which stays while the link is down, as after `ip link set GRE1 down`).
through() {
    "$IP" -n "$1" route show table all dev GRE1 | grep -v '^local '
    "$IP" -n "$1" -6 route show table all dev GRE1
}
# check_text "DESC" FILE WANT: FILE holds exactly the line WANT.
check_text() {
    printf '%s\n' "$3" >"$_ck/want"
    check_files "$1" "$_ck/want" "$2"
}
drop_gre() { nx B "$NFT" add table inet kadrop && nx B "$NFT" add chain inet kadrop in '{ type filter hook input priority -300; policy accept; }' && nx B "$NFT" add rule inet kadrop in meta l4proto 47 drop; }
pass_gre() { nx B "$NFT" delete table inet kadrop; }
ping_across() { check_ok "$1" -- nx A ping -c 1 -W 2 10.10.10.2; }
b_accepts() {
    nx B "$R" sysctl -q -w "net.ipv4.conf.GRE1.accept_local=$1" "net.ipv4.conf.GRE1.forwarding=$1"
}
watch() { # NS OUT [OPTIONS…]: a watcher in the background; its pid in KA
    _ns=$1 _out=$2
    shift 2
    "$R" -n "$_ns" "$@" tunnel keepalive GRE1 interval 1 retries 3 >"$_out" 2>"$_out.err" </dev/null &
    KA=$!
}
# stop PID DESC: SIGTERM, then its exit status must be 0.
stop() {
    kill -TERM "$1"
    wait "$1"
    _rc=$?
    if [ "$_rc" = 0 ]; then _ck_ok "$2: exit 0"; else _ck_fail "$2: exit $_rc"; fi
}

echo "== two hosts, GRE1 between them"
for n in A B; do
    require "$n: netns add" -- "$R" netns add "$n"
    require "$n: lo up" -- "$R" -n "$n" link set lo up
    require "$n: no DAD" -- nx "$n" sh -c 'echo 0 >/proc/sys/net/ipv6/conf/all/accept_dad; echo 0 >/proc/sys/net/ipv6/conf/default/accept_dad'
done
require "A: veth to B" -- "$R" -n A link add vA type veth peer name vB netns B
require "A: underlay" -- "$R" -n A address add 192.0.2.1/24 dev vA
require "A: vA up" -- "$R" -n A link set vA up
require "B: underlay" -- "$R" -n B address add 192.0.2.2/24 dev vB
require "B: vB up" -- "$R" -n B link set vB up
require "A: GRE1" -- "$R" -n A tunnel add GRE1 mode gre local 192.0.2.1 remote 192.0.2.2 ttl 255
require "B: GRE1" -- "$R" -n B tunnel add GRE1 mode gre local 192.0.2.2 remote 192.0.2.1 ttl 255
for n in A B; do require "$n: GRE1 up" -- "$R" -n "$n" link set GRE1 up; done
require "A: GRE1 address" -- "$R" -n A address add 10.10.10.1 peer 10.10.10.2 dev GRE1
require "A: GRE1 IPv6 address" -- "$R" -n A address add 2001:db8:10::1/64 dev GRE1
require "A: route via the peer" -- "$R" -n A route add 203.0.113.0/25 via 10.10.10.2 dev GRE1
require "A: route in table 100" -- "$R" -n A route add 203.0.113.128/25 dev GRE1 table 100 metric 7
require "A: IPv6 route via the peer" -- "$R" -n A route add 2001:db8:20::/64 via 2001:db8:10::2 dev GRE1
require "B: GRE1 address" -- "$R" -n B address add 10.10.10.2 peer 10.10.10.1 dev GRE1
require "B: GRE1 IPv6 address" -- "$R" -n B address add 2001:db8:10::2/64 dev GRE1
require "A: ping B through GRE1" -- nx A ping -c 1 -W 2 10.10.10.2
state A >"$_ck/before"
sed 's/^/  A before: /' "$_ck/before"

echo "== 1. both ends watching"
watch A "$_ck/kaA"
KA_A=$KA
watch B "$_ck/kaB"
KA_B=$KA
sleep 10
for n in A B; do
    if is_up "$n"; then _ck_ok "$n: GRE1 up after 10 s"; else _ck_fail "$n: GRE1 up after 10 s"; fi
done
check_files "A: nothing printed" /dev/null "$_ck/kaA"
check_files "B: nothing printed" /dev/null "$_ck/kaB"
check_files "A: nothing on stderr" /dev/null "$_ck/kaA.err"
ping_across "A: ping B through GRE1"

echo "== 2. GRE dropped on the underlay, then let through"
require "B: drop GRE" -- drop_gre
check_within "A: GRE1 down within 5 s" 5 is_down A
through A >"$_ck/down"
check_files "A: no route through GRE1 while down" /dev/null "$_ck/down"
check_text "A: the down line" "$_ck/kaA" "GRE1: down, 3 keepalives unanswered"
require "B: let GRE through" -- pass_gre
check_within "A: GRE1 up within 3 s" 3 is_up A
sleep 0.5
state A >"$_ck/after"
check_files "A: exactly the routes and addresses it had" "$_ck/before" "$_ck/after"
printf 'GRE1: down, 3 keepalives unanswered\nGRE1: up\n' >"$_ck/want"
check_files "A: the down and up lines" "$_ck/want" "$_ck/kaA"
check_within "B: GRE1 up again" 3 is_up B
ping_across "A: ping B through GRE1 again"

echo "== 5. SIGTERM while GRE1 is down"
require "B: drop GRE" -- drop_gre
check_within "A: GRE1 down" 5 is_down A
stop "$KA_A" "A: watcher stopped by SIGTERM"
if is_up A; then _ck_ok "A: GRE1 left up"; else _ck_fail "A: GRE1 left up"; fi
state A >"$_ck/after"
check_files "A: with its routes and addresses" "$_ck/before" "$_ck/after"
require "B: let GRE through" -- pass_gre
watch A "$_ck/kaAj" -j
KA_A=$KA
check_within "B: GRE1 up again (A watches again)" 4 is_up B
ping_across "A: ping B through GRE1"

echo "== the underlay down for 10 s: CPU time"
# user + system time, in 1/100 s (USER_HZ), from /proc/PID/stat.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
require "A: vA down" -- "$R" -n A link set vA down
check_within "A: GRE1 down while the underlay is" 5 is_down A
# Sending fails at once now (no route): a loop that did not wait would spin.
t0=$(ticks "$KA_A")
sleep 10
t1=$(ticks "$KA_A")
if [ $((t1 - t0)) -lt 20 ]; then
    _ck_ok "A: under 0.2 s of CPU in 10 s down ($((t1 - t0)) ticks of 1/100 s)"
else
    _ck_fail "A: under 0.2 s of CPU in 10 s down ($((t1 - t0)) ticks of 1/100 s)"
fi
if kill -0 "$KA_A"; then _ck_ok "A: the watcher runs on"; else _ck_fail "A: the watcher runs on"; fi
require "A: vA up" -- "$R" -n A link set vA up
check_within "A: GRE1 up again" 5 is_up A
sleep 0.5
state A >"$_ck/after"
check_files "A: with its routes and addresses" "$_ck/before" "$_ck/after"
sed -E 's/"time":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{2}:[0-9]{2}"/"time":"T"/' "$_ck/kaAj" >"$_ck/kaAj.n"
printf '%s\n' '{"ifname":"GRE1","state":"down","missed":3,"time":"T"}' '{"ifname":"GRE1","state":"up","missed":0,"time":"T"}' >"$_ck/want"
check_files "A: -j, one JSON object per line" "$_ck/want" "$_ck/kaAj.n"

echo "== 3. B answers without rtun"
stop "$KA_B" "B: watcher stopped"
require "B: accept_local and forwarding on GRE1" -- b_accepts 1
sleep 6
if is_up A; then _ck_ok "A: GRE1 stays up, B answering as Linux does"; else _ck_fail "A: GRE1 stays up, B answering as Linux does"; fi
require "B: no accept_local, no forwarding" -- b_accepts 0
check_within "A: GRE1 down within 5 s, B not answering" 5 is_down A
require "B: accept_local and forwarding on GRE1" -- b_accepts 1
check_within "A: GRE1 up again" 3 is_up A
stop "$KA_A" "A: watcher stopped"

echo "== the busybox init script (contrib/init/rtun-keepalive)"
INIT="env TUNNELS=GRE1 RTUN=$R RTUN_OPTS=-n\\ A RUNDIR=$_ck LOGDIR=$_ck RTUN_KEEPALIVE=interval\ 1 /etc/init.d/rtun-keepalive"
check_prints "init: start" "rtun-keepalive: watching GRE1" "" -- sh -c "$INIT start"
sleep 1
check_ok "init: status" -- sh -c "$INIT status"
require "B: drop GRE" -- drop_gre
check_within "A: GRE1 down under the init script's watcher" 6 is_down A
check_prints "init: stop" "rtun-keepalive: stopped watching GRE1" "" -- sh -c "$INIT stop"
check_fails "init: status after stop" -- sh -c "$INIT status"
if is_up A; then _ck_ok "A: GRE1 left up by the init script's stop"; else _ck_fail "A: GRE1 left up by the init script's stop"; fi
check_text "init: its log" "$_ck/rtun-keepalive.GRE1.log" "GRE1: down, 3 keepalives unanswered"
require "B: let GRE through" -- pass_gre

echo "== 6. once, and 4. the packet on the underlay"
nx B "$TCPDUMP" -Z root -i vB -nn -U -c 1 -w "$_ck/ka.pcap" 'ip proto 47 and src host 192.0.2.1' >"$_ck/tcpdump.err" 2>&1 &
DUMP=$!
sleep 2
check_prints "once, answered" "GRE1: up" "" -- "$R" -n A tunnel keepalive GRE1 once interval 2
wait "$DUMP"
check_prints "-j once" '{"ifname":"GRE1","state":"up","missed":0,"time":"T"}' "" -- sh -c \
    "$R -n A -j tunnel keepalive GRE1 once | sed -E 's/\"time\":\"[^\"]+\"/\"time\":\"T\"/'"
check_prints "-t once" "[T] GRE1: up" "" -- sh -c \
    "$R -n A -t tunnel keepalive GRE1 once | sed -E 's/^\\[[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{12}[+-][0-9]{2}:[0-9]{2}\\] /[T] /'"
require "B: no accept_local, no forwarding" -- b_accepts 0
_ck_run "$_ck/o" "$R" -n A tunnel keepalive GRE1 interval 1 once
printf '1\n' >"$_ck/want.rc"
printf 'GRE1: down, 1 keepalive unanswered\n' >"$_ck/want.out"
check_files "once, unanswered: exit 1" "$_ck/want.rc" "$_ck/o.rc"
check_files "once, unanswered: the line" "$_ck/want.out" "$_ck/o.out"
check_files "once, unanswered: nothing on stderr" /dev/null "$_ck/o.err"
for bad in "interval 0" "interval -1" "interval 32768" "retries 0" "retries 256" "interval"; do
    # shellcheck disable=SC2086 # two words
    _ck_run "$_ck/b" "$R" -n A tunnel keepalive GRE1 $bad
    if [ "$(cat "$_ck/b.rc")" = 255 ] && [ -s "$_ck/b.err" ] && [ ! -s "$_ck/b.out" ]; then
        _ck_ok "bad input \"$bad\": exit 255 ($(cat "$_ck/b.err"))"
    else
        _ck_fail "bad input \"$bad\""
        # shellcheck disable=SC2086
        _ck_show_run "$_ck/b" "$R" -n A tunnel keepalive GRE1 $bad
    fi
done
require "A: tunnel add ipip1" -- "$R" -n A tunnel add ipip1 mode ipip local 192.0.2.1 remote 192.0.2.2
require "A: tunnel add gre2 (no remote)" -- "$R" -n A tunnel add gre2 mode gre local 192.0.2.1
require "A: tunnel add gre3 oseq" -- "$R" -n A tunnel add gre3 mode gre local 192.0.2.1 remote 192.0.2.3 oseq
require "A: ip6gre1" -- "$R" -n A link add ip6gre1 type ip6gre local 2001:db8::1 remote 2001:db8::2
require "A: gretap1" -- "$R" -n A link add gretap1 type gretap local 192.0.2.1 remote 192.0.2.4
for dev in ipip1 gre2 gre3 ip6gre1 gretap1 nosuch; do
    _ck_run "$_ck/b" "$R" -n A tunnel keepalive "$dev" once
    if [ "$(cat "$_ck/b.rc")" = 1 ] && [ -s "$_ck/b.err" ] && [ ! -s "$_ck/b.out" ]; then
        _ck_ok "refused: $dev, exit 1 ($(cat "$_ck/b.err"))"
    else
        _ck_fail "refused: $dev"
        _ck_show_run "$_ck/b" "$R" -n A tunnel keepalive "$dev" once
    fi
done

echo "== across a NAT: C behind N (masquerade), A public"
# A vA2 198.51.100.1 -- 198.51.100.2 nP N nL 10.0.0.1 -- 10.0.0.2 cL C
for n in N C; do
    require "$n: netns add" -- "$R" netns add "$n"
    require "$n: lo up" -- "$R" -n "$n" link set lo up
done
require "A: veth to N" -- "$R" -n A link add vA2 type veth peer name nP netns N
require "N: veth to C" -- "$R" -n N link add nL type veth peer name cL netns C
require "A: vA2" -- "$R" -n A address add 198.51.100.1/24 dev vA2
require "A: vA2 up" -- "$R" -n A link set vA2 up
require "N: nP" -- "$R" -n N address add 198.51.100.2/24 dev nP
require "N: nL" -- "$R" -n N address add 10.0.0.1/24 dev nL
require "N: nP up" -- "$R" -n N link set nP up
require "N: nL up" -- "$R" -n N link set nL up
require "N: forwarding" -- "$R" -n N sysctl -q -w net.ipv4.ip_forward=1
require "N: masquerade" -- "$R" -n N nft add masquerade src 10.0.0.0/24 oif nP
require "C: cL" -- "$R" -n C address add 10.0.0.2/24 dev cL
require "C: cL up" -- "$R" -n C link set cL up
require "C: default route via N" -- "$R" -n C route add default via 10.0.0.1
require "C: GRE1 to A" -- "$R" -n C tunnel add GRE1 mode gre local 10.0.0.2 remote 198.51.100.1 ttl 255
require "C: GRE1 up" -- "$R" -n C link set GRE1 up
# C speaks first: GRE has no ports, so the NAT can map the flow only if its
# first packet comes from the inside (a packet from A first would make a
# conntrack entry of its own that the masqueraded flow then clashes with).
"$R" -n C tunnel keepalive GRE1 interval 1 retries 3 >"$_ck/kaC" 2>&1 </dev/null &
KA_C=$!
sleep 1
require "A: GRE2 to N" -- "$R" -n A tunnel add GRE2 mode gre local 198.51.100.1 remote 198.51.100.2 ttl 255
require "A: GRE2 up" -- "$R" -n A link set GRE2 up
"$R" -n A tunnel keepalive GRE2 interval 1 retries 3 >"$_ck/kaA2" 2>&1 </dev/null &
KA_A2=$!
sleep 6
is_up2() { "$IP" -n "$1" link show "$2" | grep -q '[<,]UP[,>]'; }
if is_up2 C GRE1 && is_up2 A GRE2; then _ck_ok "both ends up after 6 s"; else _ck_fail "both ends up after 6 s"; fi
check_files "C: nothing printed" /dev/null "$_ck/kaC"
check_files "A: nothing printed" /dev/null "$_ck/kaA2"
check_prints "C: once, answered through the NAT by A's watcher" "GRE1: up" "" -- "$R" -n C tunnel keepalive GRE1 once interval 2
check_prints "A: once, answered by C's watcher behind the NAT" "GRE2: up" "" -- "$R" -n A tunnel keepalive GRE2 once interval 2
stop "$KA_A2" "A: GRE2 watcher stopped"
stop "$KA_C" "C: watcher stopped"

# The capture: `tcpdump -x` prints the IPv4 packet in hex.
"$TCPDUMP" -Z root -nn -x -r "$_ck/ka.pcap" >"$_ck/ka.txt" 2>"$_ck/ka.err"
sed -n 's/^[[:space:]]*0x[0-9a-f]*:[[:space:]]*//p' "$_ck/ka.txt" | tr -d ' \n' >"$_ck/got.hex"
echo >>"$_ck/got.hex"
sed 's/^/  captured: /' "$_ck/ka.txt"
# csum WORD…: the Internet checksum of 16-bit hex words, as 4 hex digits.
csum() {
    _s=0
    for _w in "$@"; do _s=$((_s + 0x$_w)); done
    while [ "$_s" -gt 65535 ]; do _s=$(((_s & 65535) + (_s >> 16))); done
    printf '%04x' $((~_s & 65535))
}
# Cisco's layout, as "How GRE Keepalives Work" draws it, A = 192.0.2.1 =
# c000 0201, B = c000 0202: outer IPv4 A -> B protocol 47 (TTL 255, the
# tunnel's), GRE protocol 0x0800, inner IPv4 B -> A protocol 47 (20 bytes,
# TTL 255, identification 0), GRE protocol 0.
inner_sum=$(csum 4500 0018 0000 0000 ff2f 0000 c000 0202 c000 0201)
want="45000030IIIIFFFFff2fCCCCc0000201c0000202""00000800""45000018""00000000""ff2f${inner_sum}c0000202c0000201""00000000"
got=$(cat "$_ck/got.hex")
masked=$(echo "$got" | sed -E 's/^(.{8}).{8}(.{4}).{4}/\1IIIIFFFF\2CCCC/')
printf '%s\n' "$want" >"$_ck/want.hex"
printf '%s\n' "$masked" >"$_ck/got.masked"
check_files "the keepalive on the underlay is Cisco's layout" "$_ck/want.hex" "$_ck/got.masked"
outer=$(echo "$got" | cut -c1-40 | sed 's/\(....\)/\1 /g')
# shellcheck disable=SC2086
if [ "$(csum $outer)" = 0000 ]; then _ck_ok "its outer checksum holds"; else _ck_fail "its outer checksum holds ($outer)"; fi

check_summary
