# shellcheck shell=sh
# Assertions for rtun's VM scenarios (busybox sh). Source it:
#
#   . /lib/rtun-check.sh
#   require  "DESC" -- CMD ARGS…     harness step that must succeed
#   check_same  "DESC" -- ARGS…      /sbin/ip ARGS vs rtun ARGS: stdout,
#                                    stderr and exit status must be equal
#   check_state "DESC" <<'EOF'       one `ip` command per line (without the
#   link add d0 type dummy           leading "ip"), run by /sbin/ip in one
#   EOF                              fresh netns and by rtun in another;
#                                    each command's output and status, and
#                                    the final `ip -d -j link show`, must
#                                    be equal
#   selftest_state "DESC" <<'EOF'  check_state with Debian's ip on both
#   …                                sides: proves the normalisation hides
#   EOF                              all noise; a difference is a harness
#                                    problem, not a parity failure
#   nx NS CMD…                       CMD in netns NS (nsenter)
#   check_summary                    prints "N passed, M failed"; returns
#                                    2 on a harness problem, 1 on a failed
#                                    check (0 if CHECK_LENIENT=1), else 0
#
# Debian's ip is /sbin/ip (always by full path: busybox sh would run its own
# ip applet otherwise); rtun is /rtun/ip, a symlink named ip so that its
# messages say "ip".

IP=/sbin/ip
RTUN=/rtun/ip
CHECK_PASSED=0
CHECK_FAILED=0
HARNESS_FAILED=0
: "${CHECK_LENIENT:=0}"
_ck=/tmp/rtun-check
mkdir -p "$_ck"

# nx NS CMD…: CMD in network namespace NS (/run/netns/NS).
nx() {
    _nx=$1
    shift
    nsenter --net="/run/netns/$_nx" "$@"
}

# _ck_run PREFIX CMD…: PREFIX.out, PREFIX.err, PREFIX.rc
_ck_run() {
    _p=$1
    shift
    "$@" >"$_p.out" 2>"$_p.err"
    echo $? >"$_p.rc"
}

_ck_pass() {
    CHECK_PASSED=$((CHECK_PASSED + 1))
    echo "PASS: $1"
}

# _ck_diff NAME A B: prints a unified diff of A and B, indented. Long JSON
# lines are broken after each `,` that starts a member, for this display only.
_ck_diff() {
    echo "  --- $1 (-ip +rtun)"
    _ck_split <"$2" >"$_ck/diff.a"
    _ck_split <"$3" >"$_ck/diff.b"
    diff -u "$_ck/diff.a" "$_ck/diff.b" | sed '1,2d; s/^/  /'
}
_ck_split() {
    awk '{ gsub(/,"/, ",\n\""); gsub(/,\{/, ",\n{"); print }'
}

require() {
    _d=$1
    shift
    [ "$1" = -- ] && shift
    if "$@" >"$_ck/req.out" 2>&1; then
        echo "ok: $_d"
    else
        _rc=$?
        HARNESS_FAILED=$((HARNESS_FAILED + 1))
        echo "HARNESS-FAIL: $_d (exit $_rc): $*"
        sed 's/^/  /' "$_ck/req.out"
    fi
}

check_same() {
    _d=$1
    shift
    [ "$1" = -- ] && shift
    _ck_run "$_ck/ip" "$IP" "$@"
    _ck_run "$_ck/rtun" "$RTUN" "$@"
    if cmp -s "$_ck/ip.out" "$_ck/rtun.out" && cmp -s "$_ck/ip.err" "$_ck/rtun.err" &&
        cmp -s "$_ck/ip.rc" "$_ck/rtun.rc"; then
        _ck_pass "$_d"
        return 0
    fi
    CHECK_FAILED=$((CHECK_FAILED + 1))
    echo "FAIL: $_d"
    echo "  command: ip $*"
    for _k in out err rc; do
        cmp -s "$_ck/ip.$_k" "$_ck/rtun.$_k" || _ck_diff "std$_k" "$_ck/ip.$_k" "$_ck/rtun.$_k"
    done
    return 1
}

# _ck_normalize: stdin `ip -d -j link show` -> stdout, one JSON member per
# line. The only changes, applied alike to both sides:
#  - "ifindex" and "link_index" values become "N": indexes count devices
#    ever created in a namespace, not what the commands did to them;
#  - a "permaddr" in IPv6 form becomes "RANDOM6": the ip6tnl0 and ip6gre0
#    fallback devices get random ones;
#  - each distinct MAC address (but 00:…:00 and ff:…:ff) becomes MAC1,
#    MAC2 … in order of first appearance: dummy, veth, macvlan … get random
#    addresses, but which devices share an address (a vlan and its parent)
#    still shows;
#  - a line break after each `,` that starts a new member, for readable
#    diffs (this loses nothing);
#  - only when a scenario sets CHECK_MASK_MTU_RANGE=1: "min_mtu"/"max_mtu"
#    become "M". `ip tunnel add` creates tunnels with the SIOCADDTUNNEL
#    ioctl, where the 6.1 kernel sets 68 and a maximum; rtun creates them
#    over rtnetlink (as the project requires), where this kernel leaves both
#    0 and no attribute can set them. A known, documented difference.
_ck_normalize() {
    _ck_mtu_mask='s/^$//'
    [ "${CHECK_MASK_MTU_RANGE:-0}" = 1 ] && _ck_mtu_mask='s/"(min_mtu|max_mtu)":[0-9]+/"\1":"M"/g'
    sed -E 's/"(ifindex|link_index)":[0-9]+/"\1":"N"/g; s/"permaddr":"[0-9a-f:]*::"/"permaddr":"RANDOM6"/g' | sed -E "$_ck_mtu_mask" | awk '
    {
        out = ""; s = $0
        while (match(s, /"[0-9a-f][0-9a-f](:[0-9a-f][0-9a-f])(:[0-9a-f][0-9a-f])(:[0-9a-f][0-9a-f])(:[0-9a-f][0-9a-f])(:[0-9a-f][0-9a-f])"/)) {
            mac = substr(s, RSTART, RLENGTH)
            if (mac == "\"00:00:00:00:00:00\"" || mac == "\"ff:ff:ff:ff:ff:ff\"") seen[mac] = mac
            else if (!(mac in seen)) seen[mac] = "\"MAC" (++n) "\""
            out = out substr(s, 1, RSTART - 1) seen[mac]
            s = substr(s, RSTART + RLENGTH)
        }
        print out s
    }' | _ck_split
}

# _ck_script BIN NS: runs $_ck/cmds with BIN inside netns NS; writes a
# transcript (command, stdout, stderr, status) to stdout.
_ck_script() {
    _bin=$1 _ns=$2
    while IFS= read -r _line; do
        case $_line in '' | '#'*) continue ;; esac
        eval "set -- $_line"
        echo "\$ ip $_line"
        # busybox nsenter: what `ip netns exec` does, less the /sys remount
        # and /etc/netns binds, and much cheaper under TCG.
        nsenter --net="/run/netns/$_ns" "$_bin" "$@" >"$_ck/s.out" 2>"$_ck/s.err"
        echo "exit $?"
        sed 's/^/out: /' "$_ck/s.out"
        sed 's/^/err: /' "$_ck/s.err"
    done <"$_ck/cmds"
}

_ck_states() {
    "$IP" -n rtun-ip -d -j link show | _ck_normalize >"$_ck/ip.state"
    "$IP" -n rtun-rt -d -j link show | _ck_normalize >"$_ck/rtun.state"
}

check_state() {
    _d=$1
    cat >"$_ck/cmds"
    # Warm-up: run the commands once (with Debian's ip) in a throwaway
    # namespace first, so every module they need is loaded before the two
    # compared namespaces exist. A module loaded mid-run would add its
    # fallback devices (gre0, tunl0, sit0 …) to both namespaces at a
    # different point of each one's history.
    for _ns in rtun-warm rtun-ip rtun-rt; do
        "$IP" netns del "$_ns" 2>/dev/null
    done
    "$IP" netns add rtun-warm
    _ck_script "$IP" rtun-warm >/dev/null
    "$IP" netns del rtun-warm
    "$IP" netns add rtun-ip
    "$IP" netns add rtun-rt
    _ck_script "$IP" rtun-ip >"$_ck/ip.log"
    _ck_script "$RTUN" rtun-rt >"$_ck/rtun.log"
    _ck_states
    # The kernel's linkwatch applies operstate changes (a vlan following
    # its parent up, …) up to a second late: look again once before
    # calling a difference a difference.
    if ! cmp -s "$_ck/ip.state" "$_ck/rtun.state"; then
        sleep 1.2
        _ck_states
    fi
    "$IP" netns del rtun-ip
    "$IP" netns del rtun-rt
    if cmp -s "$_ck/ip.log" "$_ck/rtun.log" && cmp -s "$_ck/ip.state" "$_ck/rtun.state"; then
        _ck_pass "$_d"
        return 0
    fi
    CHECK_FAILED=$((CHECK_FAILED + 1))
    echo "FAIL: $_d"
    cmp -s "$_ck/ip.log" "$_ck/rtun.log" || _ck_diff "commands" "$_ck/ip.log" "$_ck/rtun.log"
    cmp -s "$_ck/ip.state" "$_ck/rtun.state" || _ck_diff "ip -d -j link show" "$_ck/ip.state" "$_ck/rtun.state"
    return 1
}

selftest_state() {
    _st_passed=$CHECK_PASSED _st_failed=$CHECK_FAILED _st_rtun=$RTUN
    RTUN=$IP
    if check_state "harness self-test: $1" >"$_ck/selftest.out"; then
        echo "ok: harness self-test: $1"
    else
        HARNESS_FAILED=$((HARNESS_FAILED + 1))
        sed 's/^FAIL:/HARNESS-FAIL:/' "$_ck/selftest.out"
    fi
    RTUN=$_st_rtun CHECK_PASSED=$_st_passed CHECK_FAILED=$_st_failed
}

check_summary() {
    [ "$HARNESS_FAILED" -eq 0 ] || echo "harness problems: $HARNESS_FAILED"
    echo "$CHECK_PASSED passed, $CHECK_FAILED failed"
    [ "$HARNESS_FAILED" -eq 0 ] || return 2
    [ "$CHECK_FAILED" -eq 0 ] || [ "$CHECK_LENIENT" = 1 ] || return 1
    return 0
}

# ------------------------------------------------------------------ recipes
# Helpers for recipe scenarios (recipes-*.sh): a whole configuration made by
# one tool, judged by its effect (pings, counters, kernel state read back by
# /sbin/ip) rather than command by command.
#
#   check_quiet "DESC" -- CMD…       CMD must exit 0 and print nothing (what
#                                    ip does for a change that works)
#   check_ok "DESC" -- CMD…          CMD must exit 0 (its output is shown
#                                    on failure only)
#   check_like_ip "DESC" BIN -- ARGS…  check_same with BIN in rtun's place
#   check_files "DESC" A B           files A (expected) and B must be equal
#   link_packets FILE rx|tx          `stats64` packets from `-s -j link show`
#   host_state NS PREFIX             NS's `/sbin/ip -d -j link show`,
#                                    `-j addr show`, `-j route show` and
#                                    `-6 -j route show`, normalised as by
#                                    check_state, to PREFIX.{link,addr,route}
#   host_text NS                     NS's `-d link show`, `addr show` and
#                                    both route tables as text, without the
#                                    fallback devices (gre0, tunl0, sit0 …)
#                                    a tunnel module adds to every netns
#
# CHECK_REFERENCE=1 makes check_quiet, check_ok and check_files harness
# steps: a failure counts as a harness problem, a success is not counted
# (for the reference run of a recipe with Debian's ip).
: "${CHECK_REFERENCE:=0}"

_ck_ok() {
    if [ "$CHECK_REFERENCE" = 1 ]; then
        echo "ok: $1"
    else
        _ck_pass "$1"
    fi
}
_ck_fail() {
    if [ "$CHECK_REFERENCE" = 1 ]; then
        HARNESS_FAILED=$((HARNESS_FAILED + 1))
        echo "HARNESS-FAIL: $1"
    else
        CHECK_FAILED=$((CHECK_FAILED + 1))
        echo "FAIL: $1"
    fi
}
# _ck_show_run PREFIX CMD…: what a failed command did, indented.
_ck_show_run() {
    _p=$1
    shift
    echo "  command: $* (exit $(cat "$_p.rc"))"
    sed 's/^/  out: /' "$_p.out"
    sed 's/^/  err: /' "$_p.err"
}

check_quiet() {
    _d=$1
    shift
    [ "$1" = -- ] && shift
    _ck_run "$_ck/q" "$@"
    if [ "$(cat "$_ck/q.rc")" = 0 ] && [ ! -s "$_ck/q.out" ] && [ ! -s "$_ck/q.err" ]; then
        _ck_ok "$_d"
        return 0
    fi
    _ck_fail "$_d"
    _ck_show_run "$_ck/q" "$@"
    return 1
}

check_ok() {
    _d=$1
    shift
    [ "$1" = -- ] && shift
    _ck_run "$_ck/q" "$@"
    if [ "$(cat "$_ck/q.rc")" = 0 ]; then
        _ck_ok "$_d"
        return 0
    fi
    _ck_fail "$_d"
    _ck_show_run "$_ck/q" "$@"
    return 1
}

check_like_ip() {
    _d=$1 _cl_saved=$RTUN
    RTUN=$2
    shift 2
    check_same "$_d" "$@"
    _cl_rc=$?
    RTUN=$_cl_saved
    return $_cl_rc
}

check_files() {
    if cmp -s "$2" "$3"; then
        _ck_ok "$1"
        return 0
    fi
    _ck_fail "$1"
    _ck_diff "$(basename "$3")" "$2" "$3"
    return 1
}

link_packets() {
    sed -n "s/.*\"stats64\":{.*\"$2\":{[^}]*\"packets\":\([0-9][0-9]*\).*/\1/p" "$1"
}

host_state() {
    "$IP" -n "$1" -d -j link show | _ck_normalize >"$2.link"
    "$IP" -n "$1" -j addr show | _ck_normalize >"$2.addr"
    {
        "$IP" -n "$1" -j route show
        "$IP" -n "$1" -6 -j route show
    } | _ck_normalize >"$2.route"
}

host_text() {
    "$IP" -n "$1" -d link show | awk '
        /^[0-9]+: / {
            name = $2; sub(/[@:].*/, "", name)
            skip = name ~ /^(gre0|gretap0|erspan0|tunl0|sit0|ip6tnl0|ip6gre0|ip_vti0|ip6_vti0)$/
        }
        !skip'
    "$IP" -n "$1" addr show | awk '
        /^[0-9]+: / { skip = $2 ~ /^(gre0|gretap0|erspan0|tunl0|sit0|ip6tnl0|ip6gre0|ip_vti0|ip6_vti0)[@:]/ }
        !skip'
    "$IP" -n "$1" route show
    "$IP" -n "$1" -6 route show
}

# check_traffic "DESC" BIN NS DEV MIN -- CMD…: CMD must exit 0, and DEV's
# tx and rx packet counters (as `BIN -n NS -s -j link show DEV` reports
# them) must each grow by MIN or more across it. Three checks.
check_traffic() {
    _td=$1 _tb=$2 _tn=$3 _tdev=$4 _tmin=$5
    shift 5
    [ "$1" = -- ] && shift
    "$_tb" -n "$_tn" -s -j link show "$_tdev" >"$_ck/stats0" 2>&1
    check_ok "$_td" -- "$@"
    "$_tb" -n "$_tn" -s -j link show "$_tdev" >"$_ck/stats1" 2>&1
    for _dir in tx rx; do
        _p0=$(link_packets "$_ck/stats0" $_dir) _p1=$(link_packets "$_ck/stats1" $_dir)
        if [ -n "$_p0" ] && [ -n "$_p1" ] && [ "$_p1" -ge $((_p0 + _tmin)) ]; then
            _ck_ok "$_tn: $_tdev $_dir packets +$_tmin or more ($_p0 -> $_p1)"
        else
            _ck_fail "$_tn: $_tdev $_dir packets +$_tmin or more (${_p0:-?} -> ${_p1:-?})"
            sed "s|^|  $_tb -s -j link show $_tdev: |" "$_ck/stats1"
        fi
    done
}

# ------------------------------------------------------------ nat recipes
# Helpers for nat-*.sh (firewall/NAT recipes judged by their effect).
#
#   check_fails "DESC" -- CMD…       CMD must exit non-zero (a ping that
#                                    must not get through, a table that
#                                    must be gone)
#   check_prints "DESC" OUT ERR -- CMD…  CMD must exit 0 with exactly OUT
#                                    on stdout and ERR on stderr (each
#                                    "" for nothing, else its lines with
#                                    a final newline added)

check_fails() {
    _d=$1
    shift
    [ "$1" = -- ] && shift
    _ck_run "$_ck/f" "$@"
    if [ "$(cat "$_ck/f.rc")" != 0 ]; then
        _ck_ok "$_d"
        return 0
    fi
    _ck_fail "$_d"
    _ck_show_run "$_ck/f" "$@"
    return 1
}

check_prints() {
    _d=$1 _po=$2 _pe=$3
    shift 3
    [ "$1" = -- ] && shift
    _ck_run "$_ck/p" "$@"
    if [ -n "$_po" ]; then printf '%s\n' "$_po" >"$_ck/p.want.out"; else : >"$_ck/p.want.out"; fi
    if [ -n "$_pe" ]; then printf '%s\n' "$_pe" >"$_ck/p.want.err"; else : >"$_ck/p.want.err"; fi
    if [ "$(cat "$_ck/p.rc")" = 0 ] && cmp -s "$_ck/p.want.out" "$_ck/p.out" &&
        cmp -s "$_ck/p.want.err" "$_ck/p.err"; then
        _ck_ok "$_d"
        return 0
    fi
    _ck_fail "$_d"
    echo "  command: $* (exit $(cat "$_ck/p.rc"), want 0)"
    for _k in out err; do
        cmp -s "$_ck/p.want.$_k" "$_ck/p.$_k" ||
            { echo "  --- std$_k (-wanted +got)"; diff -u "$_ck/p.want.$_k" "$_ck/p.$_k" | sed '1,2d; s/^/  /'; }
    done
    return 1
}
