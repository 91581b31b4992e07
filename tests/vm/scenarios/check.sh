#!/bin/sh
# `rtun tunnel check`: the two-host GRE recipe of the README (sites A and B
# with a LAN each, hosts HA and HB on them) and the IPIP recipe (hosts C
# and D). Checked:
#  - before anything loads nf_tables: the firewall check says there is no
#    ruleset (a system without nf_tables);
#  - the healthy setups: every check ok, exit 0, in text and with -j (a
#    JSON array of objects with exactly ifname, check, status, detail,
#    hint); HA pings HB across the tunnel; without NAME, every tunnel;
#  - each failure made on purpose, one at a time, is reported by exactly
#    the named check (the only `fail`; other lines at most "not asked" /
#    "not checked" warnings), and its hint, run as printed (in the root
#    namespace: hints carry `rtun -n A` and `rtun netns exec A`), makes
#    every check pass again: the tunnel down, its local address not on the
#    host, the route to the remote into the tunnel, GRE dropped on input
#    by a foreign table (through a verdict map, a jump and a named
#    interval set), by an iptables-nft table, forwarding off with a LAN
#    behind, strict rp_filter on the tunnel (a warning), an MTU larger than the underlay allows, no MSS clamp while
#    forwarding (a warning), the peer's tunnel down (GRE: keepalive; IPIP:
#    ICMP echo; the hint is run on the peer), and at last the GRE module
#    missing (unloaded and blacklisted);
#  - an iptables-nft rule with an xtables match rtun cannot evaluate is
#    said to be (warn, "cannot evaluate");
#  - unprivileged (uid 65534): the firewall and peer checks say they need
#    root, exit 0;
#  - bad input: an unknown name, a device that is no tunnel.
# Strict.
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh

R=/bin/rtun
NFT=/sbin/nft
IPT=/sbin/iptables
require "helpers in /lib/rtun-check.sh" -- type check_ok check_files _ck_run
require "module ip_gre" -- modprobe ip_gre
require "module ipip" -- modprobe ipip

# tcheck NS NAME [OPTIONS…]: rtun -n NS [OPTIONS] tunnel check NAME, into
# $_ck/tc.{out,err,rc}, shown indented.
tcheck() {
    _ns=$1 _name=$2
    shift 2
    _ck_run "$_ck/tc" "$R" -n "$_ns" "$@" tunnel check "$_name"
    sed 's/^/  | /' "$_ck/tc.out"
    sed 's/^/  ! /' "$_ck/tc.err"
}
# The status and hint of CHECK in the last tcheck's text.
status_of() { awk -v c="$1" '$2 == c { print $3 }' "$_ck/tc.out"; }
hint_of() { awk -v c="$1" '$2 == c' "$_ck/tc.out" | sed -n 's/.*; hint: //p'; }

# expect_ok DESC NS NAME: every one of the nine checks ok, exit 0, no stderr.
expect_ok() {
    tcheck "$2" "$3"
    _bad=$(awk '$3 != "ok"' "$_ck/tc.out")
    if [ "$(cat "$_ck/tc.rc")" = 0 ] && [ "$(wc -l <"$_ck/tc.out")" -eq 9 ] && [ -z "$_bad" ] && [ ! -s "$_ck/tc.err" ]; then
        _ck_ok "$1: every check ok, exit 0"
    else
        _ck_fail "$1: every check ok, exit 0 (exit $(cat "$_ck/tc.rc"))"
    fi
}

# expect_only DESC NS NAME CHECK STATUS: CHECK has STATUS and is the only
# failure; any other warning is one that did not look ("not asked",
# "not checked"); exit 1 for a failure, 0 for a warning.
expect_only() {
    _d=$1 _c=$4 _s=$5
    tcheck "$2" "$3"
    _want_rc=0
    [ "$_s" = fail ] && _want_rc=1
    _others=$(awk -v c="$_c" '$2 != c && ($3 == "fail" || ($3 == "warn" && $0 !~ /  warn  not (asked|checked)/))' "$_ck/tc.out")
    if [ "$(status_of "$_c")" = "$_s" ] && [ -z "$_others" ] && [ -n "$(hint_of "$_c")" ] && [ "$(cat "$_ck/tc.rc")" = "$_want_rc" ]; then
        _ck_ok "$_d: $_c $_s, nothing else, exit $_want_rc"
    else
        _ck_fail "$_d: $_c $_s, nothing else, exit $_want_rc (got $(status_of "$_c"), exit $(cat "$_ck/tc.rc"))"
    fi
}

# run_hint DESC CHECK [SED]: run the last check's hint for CHECK (edited by
# SED, for hints meant for the far end) in the root namespace.
run_hint() {
    _h=$(hint_of "$2")
    [ -n "${3:-}" ] && _h=$(printf '%s\n' "$_h" | sed "$3")
    echo "  running: $_h"
    check_ok "$1: the hint runs" -- sh -c "$_h"
}

# The README's two sites: A (uplink vA 192.0.2.1, LAN lanA 10.1.0.0/24 with
# host HA) and B (vB 192.0.2.2, LAN lanB 10.2.0.0/24 with host HB).
site() { # SITE ME PEER MYNET PEERNET
    _s=$1 _me=$2 _peer=$3 _mynet=$4 _peernet=$5
    require "$_s: lan$_s to H$_s" -- "$R" -n "$_s" link add "lan$_s" type veth peer name eth0 netns "H$_s"
    require "$_s: lan$_s address" -- "$R" -n "$_s" address add "$_mynet.1/24" dev "lan$_s"
    require "$_s: lan$_s up" -- "$R" -n "$_s" link set "lan$_s" up
    require "H$_s: address" -- "$R" -n "H$_s" address add "$_mynet.2/24" dev eth0
    require "H$_s: up" -- "$R" -n "H$_s" link set eth0 up
    require "H$_s: default route" -- "$R" -n "H$_s" route add default via "$_mynet.1"
    require "$_s: gre1" -- "$R" -n "$_s" tunnel add gre1 mode gre local "$_me" remote "$_peer" ttl 255
    require "$_s: gre1 up" -- "$R" -n "$_s" link set gre1 up
    gre_routes "$_s" "$_peernet"
    require "$_s: forwarding" -- "$R" -n "$_s" sysctl -q -w net.ipv4.ip_forward=1
    # A Linux far end answers keepalives with these (see tunnel keepalive).
    require "$_s: accept_local on gre1" -- "$R" -n "$_s" sysctl -q -w net.ipv4.conf.gre1.accept_local=1
}
gre_routes() { # SITE PEERNET: gre1's address and the route to the far LAN
    if [ "$1" = A ]; then _a=10.255.0.1 _b=10.255.0.2; else _a=10.255.0.2 _b=10.255.0.1; fi
    require "$1: gre1 address" -- "$R" -n "$1" address add "$_a/30" dev gre1
    require "$1: route to $2.0/24" -- "$R" -n "$1" route add "$2.0/24" via "$_b" dev gre1
}
rules() { # SITE PEER: the README's firewall rules
    require "$1: accept gre" -- "$R" -n "$1" nft add accept proto gre src "$2"
    require "$1: forward iif gre1" -- "$R" -n "$1" nft add forward iif gre1
    require "$1: forward oif gre1" -- "$R" -n "$1" nft add forward oif gre1
    require "$1: masquerade" -- "$R" -n "$1" nft add masquerade src "$3.0/24" oif "v$1"
    require "$1: clamp-mss" -- "$R" -n "$1" nft add clamp-mss oif gre1
}

# hosts X Y NET [MORE NAMESPACES…]: namespaces X and Y (and the others),
# X's vX joined to Y's vY with NET.1/24 and NET.2/24.
hosts() {
    _x=$1 _y=$2 _net=$3
    shift 3
    for n in "$_x" "$_y" "$@"; do
        require "$n: netns add" -- "$R" netns add "$n"
        require "$n: lo up" -- "$R" -n "$n" link set lo up
    done
    require "$_x: veth to $_y" -- "$R" -n "$_x" link add "v$_x" type veth peer name "v$_y" netns "$_y"
    require "$_x: uplink" -- "$R" -n "$_x" address add "$_net.1/24" dev "v$_x"
    require "$_x: v$_x up" -- "$R" -n "$_x" link set "v$_x" up
    require "$_y: uplink" -- "$R" -n "$_y" address add "$_net.2/24" dev "v$_y"
    require "$_y: v$_y up" -- "$R" -n "$_y" link set "v$_y" up
}

echo "== the README's two sites, A and B"
hosts A B 192.0.2 HA HB
site A 192.0.2.1 192.0.2.2 10.1.0 10.2.0
site B 192.0.2.2 192.0.2.1 10.2.0 10.1.0

echo "== no nf_tables yet"
if [ -d /sys/module/nf_tables ]; then
    _ck_fail "nf_tables is not loaded before any rule (it is: the test cannot say)"
else
    tcheck A gre1
    if [ "$(status_of firewall)" = ok ] && grep -q '  firewall    ok    no nftables ruleset (nf_tables is not loaded)' "$_ck/tc.out"; then
        _ck_ok "without nf_tables: firewall ok, no ruleset"
    else
        _ck_fail "without nf_tables: firewall ok, no ruleset"
    fi
    if [ ! -d /sys/module/nf_tables ]; then _ck_ok "the check loaded no module"; else _ck_fail "the check loaded nf_tables"; fi
    if [ "$(status_of mtu)" = warn ] && [ "$(hint_of mtu)" = "rtun -n A nft add clamp-mss oif gre1" ]; then
        _ck_ok "without nf_tables: forwarded TCP is not clamped (warn)"
    else
        _ck_fail "without nf_tables: forwarded TCP is not clamped (warn)"
    fi
fi
rules A 192.0.2.2 10.1.0
rules B 192.0.2.1 10.2.0

echo "== healthy"
expect_ok "A: gre1" A gre1
expect_ok "B: gre1" B gre1
check_ok "HA pings HB across gre1" -- nx HA ping -c 2 -W 2 10.2.0.2
_ck_run "$_ck/j" "$R" -n A -j tunnel check gre1
sed 's/^/  | /' "$_ck/j.out"
one='\{"ifname":"gre1","check":"[a-z]+","status":"ok","detail":"[^"]*","hint":null\}'
if [ "$(cat "$_ck/j.rc")" = 0 ] && grep -Eqx "\[$one(,$one){8}\]" "$_ck/j.out"; then
    _ck_ok "A: -j, nine objects of exactly ifname, check, status, detail, hint (null)"
else
    _ck_fail "A: -j, nine objects of exactly ifname, check, status, detail, hint (null)"
fi
_ck_run "$_ck/j" "$R" -n A -j tunnel check gre1
checks=$(sed 's/},{/}\n{/g' "$_ck/j.out" | sed -n 's/.*"check":"\([a-z]*\)".*/\1/p' | tr '\n' ' ')
if [ "$checks" = "kernel device local underlay firewall forwarding mtu address peer " ]; then
    _ck_ok "A: -j, the checks in their documented order"
else
    _ck_fail "A: -j, the checks in their documented order ($checks)"
fi
_ck_run "$_ck/all" "$R" -n A tunnel check
if [ "$(cat "$_ck/all.rc")" = 0 ] && [ "$(awk '{ print $1 }' "$_ck/all.out" | sort -u)" = gre1 ]; then
    _ck_ok "A: without NAME, every tunnel (gre1, not the fallback gre0)"
else
    _ck_fail "A: without NAME, every tunnel (gre1, not the fallback gre0)"
fi

echo "== gre1 down"
require "A: gre1 down" -- "$R" -n A link set gre1 down
expect_only "A: gre1 down" A gre1 device fail
run_hint "A: gre1 down" device
expect_ok "A: gre1 up again" A gre1
# Down dropped its route: back to the healthy setup.
require "A: route to 10.2.0.0/24 again" -- "$R" -n A route add 10.2.0.0/24 via 10.255.0.2 dev gre1

echo "== local address not on the host"
require "A: local 192.0.2.9" -- "$R" -n A tunnel change gre1 local 192.0.2.9
expect_only "A: local 192.0.2.9" A gre1 local fail
run_hint "A: local 192.0.2.9" local
expect_ok "A: local fixed" A gre1

echo "== the route to the remote into the tunnel"
require "A: 192.0.2.2 via gre1" -- "$R" -n A route add 192.0.2.2/32 dev gre1
expect_only "A: route into gre1" A gre1 underlay fail
run_hint "A: route into gre1" underlay
expect_ok "A: route fixed" A gre1

echo "== GRE dropped in a foreign table: verdict map, jump, named interval set"
cat >"$_ck/fw.nft" <<'EOF'
table ip fw {
    set peers { type ipv4_addr; flags interval; elements = { 192.0.2.0/28 } }
    chain in {
        type filter hook input priority 10; policy accept;
        meta l4proto vmap { 47 : jump gre_in, 4 : accept }
    }
    chain gre_in {
        ip saddr @peers counter drop
    }
}
EOF
require "A: table ip fw" -- nx A "$NFT" -f "$_ck/fw.nft"
nx A "$NFT" -a list table ip fw | sed 's/^/  fw: /'
expect_only "A: foreign drop" A gre1 firewall fail
if grep -q 'is dropped by table ip fw chain gre_in rule handle [0-9]* (from chain in)' "$_ck/tc.out"; then
    _ck_ok "A: the drop named: table, chain (reached by the jump), rule"
else
    _ck_fail "A: the drop named: table, chain (reached by the jump), rule"
fi
run_hint "A: foreign drop" firewall
expect_ok "A: foreign drop fixed" A gre1
require "A: table fw gone" -- nx A "$NFT" delete table ip fw

echo "== GRE dropped by iptables-nft"
require "A: iptables -A INPUT -s 192.0.2.2 -p 47 -j DROP" -- nx A "$IPT" -A INPUT -s 192.0.2.2 -p 47 -m comment --comment "no GRE" -j DROP
expect_only "A: iptables-nft drop" A gre1 firewall fail
run_hint "A: iptables-nft drop" firewall
expect_ok "A: iptables-nft drop fixed" A gre1
require "A: a rule rtun cannot evaluate first" -- nx A "$IPT" -I INPUT -m conntrack --ctstate NEW -p 47 -j DROP
tcheck A gre1
if [ "$(status_of firewall)" = warn ] && grep -q 'firewall    warn  GRE from 192.0.2.2 is accepted, unless table ip filter chain INPUT rule handle [0-9]* drops it (cannot evaluate: iptables-nft.s xtables match "conntrack")' "$_ck/tc.out"; then
    _ck_ok "A: an xtables match: warn, cannot evaluate"
else
    _ck_fail "A: an xtables match: warn, cannot evaluate"
fi
require "A: iptables flushed" -- nx A "$IPT" -F INPUT
require "A: table ip filter gone" -- nx A "$NFT" delete table ip filter

echo "== forwarding off with a LAN behind"
require "A: ip_forward 0" -- "$R" -n A sysctl -q -w net.ipv4.ip_forward=0
expect_only "A: forwarding off" A gre1 forwarding fail
run_hint "A: forwarding off" forwarding
expect_ok "A: forwarding on" A gre1

echo "== strict rp_filter on the tunnel"
require "A: rp_filter 1 on gre1" -- "$R" -n A sysctl -q -w net.ipv4.conf.gre1.rp_filter=1
expect_only "A: strict rp_filter" A gre1 forwarding warn
run_hint "A: strict rp_filter" forwarding
expect_ok "A: loose rp_filter" A gre1

echo "== MTU larger than the underlay allows"
require "A: gre1 mtu 1500" -- "$R" -n A link set gre1 mtu 1500
expect_only "A: mtu 1500" A gre1 mtu fail
run_hint "A: mtu 1500" mtu
expect_ok "A: mtu fixed" A gre1

echo "== no MSS clamp while forwarding"
require "A: clamp-mss deleted" -- "$R" -n A nft del clamp-mss oif gre1
expect_only "A: no clamp" A gre1 mtu warn
run_hint "A: no clamp" mtu
expect_ok "A: clamp back" A gre1

echo "== the peer's tunnel down"
require "B: gre1 down" -- "$R" -n B link set gre1 down
expect_only "A: B's gre1 down" A gre1 peer fail
# The hint is for the far end (192.0.2.2 = B), whose tunnel is gre1.
run_hint "A: B's gre1 down (on B)" peer 's/^on 192\.0\.2\.2: //; s/TUNNEL/gre1/g; s/rtun /rtun -n B /g'
expect_ok "A: B's gre1 up again" A gre1
require "B: route to 10.1.0.0/24 again" -- "$R" -n B route add 10.1.0.0/24 via 10.255.0.1 dev gre1

echo "== unprivileged"
_ck_run "$_ck/u" nsenter --net=/run/netns/A -S 65534 -G 65534 "$R" tunnel check gre1
sed 's/^/  | /' "$_ck/u.out"
if [ "$(cat "$_ck/u.rc")" = 0 ] && grep -q 'firewall    warn  not checked: reading the nftables ruleset needs root (CAP_NET_ADMIN)' "$_ck/u.out" &&
    grep -q 'peer        warn  not asked: sending a GRE keepalive needs root (CAP_NET_RAW)' "$_ck/u.out" &&
    [ "$(awk '$3 == "fail"' "$_ck/u.out")" = "" ]; then
    _ck_ok "uid 65534: firewall and peer need root, nothing fails, exit 0"
else
    _ck_fail "uid 65534: firewall and peer need root, nothing fails, exit 0"
fi

echo "== bad input"
tcheck A nosuch
if [ "$(cat "$_ck/tc.rc")" = 1 ] && [ "$(status_of device)" = fail ] && [ "$(wc -l <"$_ck/tc.out")" = 1 ]; then
    _ck_ok "an unknown name: device fail, exit 1"
else
    _ck_fail "an unknown name: device fail, exit 1"
fi
tcheck A vA
if [ "$(cat "$_ck/tc.rc")" = 1 ] && grep -qx 'vA  device      fail  vA is a veth device, not a tunnel; hint: rtun -n A tunnel show' "$_ck/tc.out"; then
    _ck_ok "a veth: device fail, not a tunnel, exit 1"
else
    _ck_fail "a veth: device fail, not a tunnel, exit 1"
fi

echo "== the IPIP recipe, C and D"
hosts C D 198.51.100
for n in C D; do
    if [ "$n" = C ]; then me=198.51.100.1 peer=198.51.100.2 a=10.10.10.1 b=10.10.10.2; else me=198.51.100.2 peer=198.51.100.1 a=10.10.10.2 b=10.10.10.1; fi
    require "$n: ipip1" -- "$R" -n "$n" tunnel add ipip1 mode ipip local "$me" remote "$peer" ttl 255
    require "$n: ipip1 up" -- "$R" -n "$n" link set ipip1 up
    require "$n: ipip1 address" -- "$R" -n "$n" address add "$a" peer "$b" dev ipip1
    require "$n: route" -- "$R" -n "$n" route add 10.10.10.0/24 dev ipip1
done
expect_ok "C: ipip1" C ipip1
if grep -q 'peer        ok    10.10.10.2 answered an ICMP echo through ipip1' "$_ck/tc.out"; then
    _ck_ok "C: the peer asked by an ICMP echo"
else
    _ck_fail "C: the peer asked by an ICMP echo"
fi
require "D: ipip1 down" -- "$R" -n D link set ipip1 down
expect_only "C: D's ipip1 down" C ipip1 peer fail
run_hint "C: D's ipip1 down (on D)" peer 's/^on 198\.51\.100\.2: //; s/TUNNEL/ipip1/g; s/rtun /rtun -n D /g'
expect_ok "C: D's ipip1 up again" C ipip1

echo "== the GRE module missing (at the end: unloading it removes every GRE tunnel)"
require "A: ip_gre unloaded" -- rmmod ip_gre
mkdir -p /etc/modprobe.d
echo 'blacklist ip_gre' >/etc/modprobe.d/check.conf
check_fails "A: a GRE tunnel cannot be made" -- "$IP" -n A tunnel add gre1 mode gre local 192.0.2.1 remote 192.0.2.2
tcheck A gre1
if [ "$(status_of kernel)" = fail ] && grep -q 'kept from loading by /etc/modprobe.d/check.conf:1 (blacklist ip_gre)' "$_ck/tc.out" && [ "$(status_of device)" = fail ]; then
    _ck_ok "A: kernel fail (blacklisted); device fail (gone with the module)"
else
    _ck_fail "A: kernel fail (blacklisted); device fail (gone with the module)"
fi
run_hint "A: module missing" kernel
tcheck A gre1
if [ "$(status_of kernel)" = ok ]; then _ck_ok "A: kernel ok after the hint"; else _ck_fail "A: kernel ok after the hint"; fi
check_ok "A: a GRE tunnel can be made again" -- "$R" -n A tunnel add gre1 mode gre local 192.0.2.1 remote 192.0.2.2 ttl 255

check_summary
