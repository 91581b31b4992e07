#!/bin/sh
# `ip tunnel` (gre, ipip, sit, isatap, vti; -6: ip6ip6, ipip6, any, ip6gre,
# vti6): rtun, which works over rtnetlink, against ip 6.1's ioctls on
# Debian's 6.1 kernel. Strict: every difference fails the scenario.
#
# Not covered (rtun knowingly differs): vti's ttl/tos/nopmtudisc (ioctl-only
# fields without netlink attributes), `6rd` on the fallback device sit0,
# `encaplimit` with a non-number (iproute2 uses an uninitialised byte).
#
# Masked in the state comparison (both sides alike), on top of the harness's
# own normalisation:
#  - "permaddr" of IPv6 tunnels: random per device (ip against ip differs);
#  - "min_mtu"/"max_mtu": the kernel sets them (68 and 65535 less headers)
#    only on the ioctl path of gre/ipip/sit/vti (ip_tunnel_create,
#    ipip6_tunnel_create); a tunnel made with RTM_NEWLINK keeps 0/0 (no
#    limits) and no rtnetlink attribute sets them. A known difference.
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh

_tunobj_mask() {
    sed -E 's/"permaddr":"[0-9a-f:]*"/"permaddr":"P"/g; s/"(min_mtu|max_mtu)":[0-9]+/"\1":"M"/g'
}
# The harness's _ck_states, with the mask above before its normalisation.
_ck_states() {
    "$IP" -n rtun-ip -d -j link show | _tunobj_mask | _ck_normalize >"$_ck/ip.state"
    "$IP" -n rtun-rt -d -j link show | _tunobj_mask | _ck_normalize >"$_ck/rtun.state"
}

# ------------------------------------------------------------ add: state
check_state "gre: keys, flags, ttl, tos" <<'CMDS'
tunnel add gre1 mode gre remote 192.0.2.2 local 192.0.2.1 ttl 255 key 1.2.3.4
tunnel add gre2 mode gre remote 192.0.2.3 ikey 5 okey 6 csum seq tos 0x10 nopmtudisc
tunnel add gre3 remote 192.0.2.4 iseq ocsum icsum oseq ikey 7 tos inherit
tunnel add gre4 mode gre/ip remote 192.0.2.5 local 192.0.2.1 okey 0.0.0.9 tos inherit/0x20 ttl 64
tunnel show
tunnel show gre1
CMDS

check_state "gre: multicast remote, unnamed, dev" <<'CMDS'
tunnel add gre5 remote 224.1.1.1 local 192.0.2.1 ttl 10
tunnel add mode gre remote 192.0.2.9
tunnel add mode gre remote 192.0.2.10 dev lo
tunnel add gre7 mode gre remote 192.0.2.11 local 192.0.2.1 dev lo pmtudisc
tunnel show
CMDS

check_state "ipip, sit, isatap, vti" <<'CMDS'
tunnel add ipip1 mode ipip remote 192.0.2.4 local 192.0.2.1 ttl 64 dev lo
tunnel add ipip2 remote 192.0.2.5 nopmtudisc
tunnel add mode ip/ip remote 192.0.2.6
tunnel add sit1 mode sit remote 192.0.2.5 tos inherit
tunnel add sit2 mode ipv6/ip local 192.0.2.1 ttl 9
tunnel add isatap1 mode isatap local 192.0.2.1
tunnel add isatap2 local 192.0.2.2
tunnel add vti1 mode vti remote 192.0.2.6 local 192.0.2.1 key 7
tunnel add vti2 remote 192.0.2.7 ikey 1 okey 2
tunnel add vti3 mode vti remote 192.0.2.8
tunnel show
CMDS

check_state "ipv6: ip6ip6, ipip6, any, ip6gre, vti6" <<'CMDS'
-6 tunnel add ip6t1 mode ip6ip6 remote 2001:db8::1 local 2001:db8::2 encaplimit none hoplimit 5 tclass 0x12 flowlabel 0x345 dscp inherit allow-localremote
tunnel add ip6t2 mode ipip6 remote 2001:db8::3
tunnel add ip6t3 mode any remote 2001:db8::7 tclass inherit flowlabel inherit
tunnel add ip6t4 mode ip4ip6 remote 2001:db8::8 encaplimit 7 hoplimit 0 dev lo
tunnel add ip6g1 mode ip6gre remote 2001:db8::4 key 9 csum
tunnel add ip6g2 mode gre/ipv6 remote 2001:db8::5 ikey 1.2.3.4 okey 5 seq
tunnel add v6a mode vti6 remote 2001:db8::5 local 2001:db8::6 ikey 3
tunnel add v6b mode vti6 remote 2001:db8::9 key 4
-6 tunnel add ip6t5 remote 2001:db8::10 noallow-localremote allow-localremote
-4 tunnel add ip6t6 mode ipip6 remote 2001:db8::11
tunnel add name ip6t7 mode ip6ip6 remote 2001:db8::12 fl inherit tc 0x1 hlim 9
-6 tunnel
CMDS

check_state "ipv6: unnamed tunnels" <<'CMDS'
-6 tunnel add remote 2001:db8::8
-6 tunnel add remote 2001:db8::77 mode vti6
-6 tunnel add mode ip6gre remote 2001:db8::78
-6 tunnel show
CMDS

# ------------------------------------------------------------ change
check_state "change: name first keeps the rest" <<'CMDS'
tunnel add gre1 mode gre remote 192.0.2.2 local 192.0.2.1 ttl 255 key 1.2.3.4
tunnel add gre2 mode gre remote 192.0.2.3 ikey 5 okey 6 csum seq tos 0x10 nopmtudisc
tunnel change gre1 remote 192.0.2.20
tunnel change gre2 mode gre local 192.0.2.1
tunnel change gre2 ttl 3 pmtudisc
tunnel change gre1 key 9 tos 0x08
tunnel show
CMDS

check_state "change: name not first resets" <<'CMDS'
tunnel add gre1 mode gre remote 192.0.2.2 local 192.0.2.1 ttl 255 key 1.2.3.4
tunnel change mode gre gre1 remote 192.0.2.2
tunnel add ipip1 mode ipip remote 192.0.2.4 ttl 64
tunnel change remote 192.0.2.5 ipip1
tunnel show
CMDS

check_state "change: ipip, sit, vti, ipv6" <<'CMDS'
tunnel add ipip1 mode ipip remote 192.0.2.4 local 192.0.2.1 ttl 64
tunnel change ipip1 ttl 7 tos 0x04 dev lo
tunnel add sit1 mode sit remote 192.0.2.5
tunnel change sit1 remote 192.0.2.6 ttl 20
tunnel add vti1 mode vti remote 192.0.2.6 local 192.0.2.1 key 7
tunnel change vti1 remote 192.0.2.16 okey 8
-6 tunnel add ip6t1 remote 2001:db8::1
-6 tunnel change ip6t1 remote 2001:db8::11 hoplimit 7 tclass 0x20
tunnel add ip6g1 mode ip6gre remote 2001:db8::4 key 9 csum
-6 tunnel change ip6g1 remote 2001:db8::44 okey 10
tunnel add v6 mode vti6 remote 2001:db8::5 ikey 3
-6 tunnel change v6 local 2001:db8::55
tunnel show
-6 tunnel show
CMDS

check_state "change: refusals" <<'CMDS'
tunnel add gre1 mode gre remote 192.0.2.8
tunnel add gre2 mode gre remote 192.0.2.9
tunnel change gre1 remote 224.1.1.1 local 192.0.2.1
tunnel change gre1 remote 0.0.0.0
tunnel change gre1 remote 192.0.2.9
tunnel change gre1 mode ipip
tunnel change nosuch remote 192.0.2.1
tunnel change lo remote 192.0.2.1
tunnel change mode ipip gre1 remote 192.0.2.1
tunnel change mode gre remote 192.0.2.77
CMDS

# ------------------------------------------------------------ delete
check_state "delete" <<'CMDS'
tunnel add gre1 mode gre remote 192.0.2.2
tunnel add gre2 mode gre remote 192.0.2.9
tunnel add ipip1 mode ipip remote 192.0.2.4
tunnel add sit1 mode sit remote 192.0.2.5
-6 tunnel add ip6t1 remote 2001:db8::1
tunnel add ip6g1 mode ip6gre remote 2001:db8::4
tunnel del gre1
tunnel del mode gre remote 192.0.2.9
tunnel delete ipip1 mode sit
tunnel del sit1
tunnel del ip6t1
-6 tunnel del mode ip6gre remote 2001:db8::4
tunnel del gre0
tunnel del sit0
tunnel del mode ipip
tunnel del
-6 tunnel del
-6 tunnel del ip6tnl0
-6 tunnel del mode ip6gre remote 2001:db8::1
tunnel del nosuch
tunnel del lo
tunnel del mode gre remote 192.0.2.99
CMDS

# ------------------------------------------------------------ add: refusals
check_state "add: refusals from the kernel" <<'CMDS'
tunnel add gre1 mode gre remote 192.0.2.2 local 192.0.2.1 key 1.2.3.4
tunnel add gre1 mode gre remote 192.0.2.8
tunnel add gre7 mode gre remote 192.0.2.2 local 192.0.2.1 key 1.2.3.4
tunnel add ipip1 mode ipip remote 192.0.2.4
tunnel add ipip2 mode ipip remote 192.0.2.4
-6 tunnel add ip6t1 remote 2001:db8::1
-6 tunnel add ip6t2 remote 2001:db8::1
-6 tunnel add ip6t1 remote 2001:db8::2
tunnel add sit1 mode sit remote 192.0.2.5
tunnel add sit2 mode sit remote 192.0.2.5
tunnel add sit1 mode sit remote 192.0.2.6
tunnel add vti1 mode vti remote 192.0.2.6
tunnel add vti2 mode vti remote 192.0.2.6
tunnel add ip6g1 mode ip6gre remote 2001:db8::4
tunnel add ip6g2 mode ip6gre remote 2001:db8::4
tunnel add ip6g1 mode ip6gre remote 2001:db8::5
tunnel add v6a mode vti6 remote 2001:db8::5
tunnel add v6b mode vti6 remote 2001:db8::5
tunnel add v6a mode vti6 remote 2001:db8::6
tunnel add gre1 mode gre remote 192.0.2.77
CMDS

# ------------------------------------------------------------ prl and 6rd
check_state "prl and 6rd" <<'CMDS'
tunnel add isatap1 mode isatap local 192.0.2.1
tunnel add sit1 mode sit remote 192.0.2.5
tunnel add gre1 mode gre remote 192.0.2.2
tunnel prl prl-default 192.0.2.77 dev isatap1
tunnel prl prl-nodefault 192.0.2.78 dev isatap1
tunnel prl prl-default 192.0.2.79 dev isatap1
tunnel prl prl-delete 192.0.2.79 dev isatap1
tunnel prl dev isatap1 prl-delete 1.2.3.4
tunnel prl dev nosuch prl-delete 1.2.3.4
tunnel prl dev gre1 prl-default 1.2.3.4
tunnel prl dev isatap1
tunnel show isatap1
tunnel 6rd dev sit1 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/8
tunnel show sit1
tunnel 6rd dev sit1 6rd-prefix 2001:db8:1::/48
tunnel show sit1
tunnel 6rd dev sit1 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/4
tunnel 6rd dev sit1 6rd-prefix 2001:db8::1/32
tunnel 6rd dev sit1 6rd-reset
tunnel show sit1
tunnel 6rd dev gre1 6rd-reset
tunnel 6rd dev nosuch 6rd-reset
tunnel 6rd dev sit1
tunnel
-j tunnel
CMDS

# ------------------------------------------------------------ show
require "tunnels for show" -- sh -c '
/sbin/ip tunnel add gre1 mode gre remote 192.0.2.2 local 192.0.2.1 ttl 255 key 1.2.3.4 &&
/sbin/ip tunnel add gre2 mode gre remote 192.0.2.3 ikey 5 okey 6 csum seq tos 0x10 nopmtudisc &&
/sbin/ip tunnel add gre3 remote 224.1.1.1 local 192.0.2.1 ttl 10 tos inherit/0x20 &&
/sbin/ip tunnel add ipip1 mode ipip remote 192.0.2.4 local 192.0.2.1 ttl 64 dev lo &&
/sbin/ip tunnel add sit1 mode sit remote 192.0.2.5 tos inherit &&
/sbin/ip tunnel add isatap1 mode isatap local 192.0.2.1 &&
/sbin/ip tunnel prl prl-default 192.0.2.77 dev isatap1 &&
/sbin/ip tunnel prl prl-nodefault 192.0.2.78 dev isatap1 &&
/sbin/ip tunnel 6rd dev sit1 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/8 &&
/sbin/ip tunnel add vti1 mode vti remote 192.0.2.6 local 192.0.2.1 key 7 &&
/sbin/ip tunnel add gre4 mode gre remote 192.0.2.9 &&
/sbin/ip tunnel add ipip0 mode ipip remote 192.0.2.9 &&
/sbin/ip -6 tunnel add ip6t1 mode ip6ip6 remote 2001:db8::1 local 2001:db8::2 encaplimit none hoplimit 5 tclass 0x12 flowlabel 0x345 dscp inherit allow-localremote &&
/sbin/ip tunnel add ip6t2 mode ipip6 remote 2001:db8::3 dev lo &&
/sbin/ip tunnel add ip6g1 mode ip6gre remote 2001:db8::4 key 9 csum &&
/sbin/ip tunnel add v6 mode vti6 remote 2001:db8::5 local 2001:db8::6 ikey 3 &&
/sbin/ip -6 tunnel add ip6t3 mode any remote 2001:db8::7 tclass inherit flowlabel inherit &&
/sbin/ip link add veth0 type veth peer name gre9 &&
/sbin/ip link add name fooip type ipip remote 192.0.2.30'

for args in "tunnel" "tunnel show" "tunnel list" "tunnel lst" "tunnel sh" "tunnel l" "tunl" \
    "-j tunnel" "-j -p tunnel" "-s tunnel" "-s -j tunnel" "-o tunnel" "-o -s tunnel" \
    "tunnel show gre1" "tunnel show gre2" "tunnel show gre3" "tunnel show ipip1" "tunnel show sit1" \
    "tunnel show isatap1" "tunnel show vti1" "tunnel show gre0" "tunnel show sit0" "tunnel show tunl0" \
    "-j tunnel show gre1" "-s tunnel show gre2" "tunnel show fooip" "tunnel show name fooip" \
    "tunnel show nosuch" "tunnel show gre99" "tunnel show gre9" "tunnel show lo" \
    "tunnel show mode gre" "-j tunnel show mode gre" "tunnel show mode ipip" "tunnel show mode sit" \
    "tunnel show mode vti" "tunnel show mode gre remote 192.0.2.2 local 192.0.2.1 key 1.2.3.4" \
    "tunnel show remote 192.0.2.3" "tunnel show local 192.0.2.1" "tunnel show dev lo" "tunnel show key 7" \
    "tunnel show remote 192.0.2.99" "tunnel show mode isatap" \
    "-6 tunnel" "-6 tunnel show" "-6 -j tunnel" "-6 -j -p tunnel" "-6 -s tunnel" "-6 -s -j tunnel" \
    "-6 tunnel show ip6t1" "-6 tunnel show ip6g1" "-6 tunnel show v6" "-6 tunnel show ip6tnl0" \
    "-6 -j tunnel show ip6t1" "-6 -s tunnel show ip6t1" "-6 tunnel show nosuch" "-6 tunnel show lo" \
    "-6 tunnel show mode ip6gre" "-6 tunnel show mode ipip6" "-6 tunnel show mode any" \
    "-6 tunnel show remote 2001:db8::1" "-6 tunnel show dev lo" "-6 tunnel show hoplimit 5" \
    "-6 tunnel show tclass 0x12" "-6 tunnel show flowlabel 0x345" "-6 tunnel show encaplimit 4" \
    "-6 tunnel show allow-localremote" "-6 tunnel show local 2001:db8::2" \
    "tunnel show mode ip6ip6" "-4 tunnel show mode ip6gre" "-f inet tunnel" "-0 tunnel"; do
    # shellcheck disable=SC2086
    check_same "show: ip $args" -- $args
done

# ------------------------------------------------------------ validation
while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    eval "set -- $line"
    check_same "refused: ip $line" -- "$@"
done <<'LINES'
tunnel add gre11 mode gre key 1 mode ipip
tunnel add gre11 mode foo
tunnel add x1 mode ipip key 5
tunnel add sit11 key 5
tunnel add sit11 mode sit okey 5
tunnel add ipip11 ikey 5
tunnel add gre11 remote 224.0.0.5
tunnel add gre11 ttl 300
tunnel add gre11 ttl
tunnel add gre11 mode
tunnel add gre11 tos inherit/zz
tunnel add gre11 tos zz/0x10
tunnel add gre11 dsfield zz
tunnel add gre11 key abc
tunnel add gre11 ikey -
tunnel add gre11 key 1.2.3.x
tunnel add gre11 remote 1.2.3.x
tunnel add gre11 local ::1
tunnel add gre11 gre12
tunnel add gre11 name gre12
tunnel add name
tunnel add ""
tunnel add aaaaaaaaaaaaaaaaaaaaaa
tunnel add a/b
tunnel add gre11 ttl 5 nopmtudisc
tunnel change gre1 ttl 5 nopmtudisc
tunnel add foo1 remote 1.2.3.4
tunnel add gre11 dev nosuchdev
tunnel add gre11 encaplimit 4
tunnel add gre11 ignore-df
tunnel foo
-6 tunnel foo
-6 tunnel prl
tunnel prl
tunnel prl dev
tunnel prl dev a/b
tunnel prl prl-default 1.2.3.4 prl-delete 1.2.3.5 dev x
tunnel prl prl-default zz dev x
tunnel prl foo
tunnel 6rd foo
tunnel 6rd 6rd-prefix zz dev x
tunnel 6rd 6rd-relay_prefix zz dev x
tunnel 6rd 6rd-prefix 2001:db8::/32
tunnel add ip6 mode ip6ip6 hoplimit 300
tunnel add ip6 mode ip6ip6 tclass zz
tunnel add ip6 mode ip6ip6 tclass 0x100
tunnel add ip6 mode ip6ip6 flowlabel 0x100000
tunnel add ip6 mode ip6ip6 flowlabel zz
tunnel add ip6 mode ip6ip6 dscp foo
tunnel add ip6 mode ip6ip6 remote 1.2.3.4
tunnel add ip6 mode ip6ip6 remote zz
tunnel add ip6 mode ip6ip6 hoplimit inherit
tunnel add ip6 mode ip6ip6 key foo
-6 tunnel add ip6 mode blah
-6 tunnel add ip6 mode gre
tunnel add ip6 mode ip6ip6 dev nosuch
tunnel add ip6 mode ip6ip6 ip7
-6 tunnel add ip6 hlim
-f inet6 tunnel add ip6 tc
-6 tunnel add ip6 fl 0xfffff1
-f link tunnel show
tunnel del x y
tunnel show x y
tunnel change nosuchgre remote 1.2.3.4
tunnel del nosuch
LINES

check_summary
