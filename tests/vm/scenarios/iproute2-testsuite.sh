#!/bin/sh
# iproute2 6.1.0's own testsuite for ip (testsuite/tests/ip/**.t, from
# Debian's source package: see build-image), run the way its Makefile runs a
# test, once with IP=/sbin/ip (Debian's ip 6.1.0) and once with IP=/rtun/ip
# (rtun through a symlink named ip). One check per test file: the test's
# stdout log, its ERRF error file (or its absence), its stderr and its exit
# status must be the same with rtun as with ip.
#
# Each run, as `make -C testsuite ip/…/X.t` does it: a fresh copy of the
# testsuite (the Makefile's testclean) holding the .nl file that
# ./tools/generate_nlmsg writes for show_dev_wo_vf_rate.t, then `tests/ip/…/X.t` executed with
# IP, TC, SS, BRIDGE, DEV=lo, IPVER, SNAME, ERRF, STD_ERR and STD_OUT set,
# inside `unshare -n` (here also -m, with a tmpfs on /run/netns: the netns
# tests name namespaces). Not done: the Makefile's export of the kernel's
# CONFIG_* (no ip test reads one; the image has no kernel config).
#
# What differs between two runs of the same tool, and nothing else, is
# normalised alike on both sides before comparing:
#  - rand_dev's random names (dev- and 6 letters) become dev-NAME1, dev-NAME2
#    … in order of first appearance;
#  - randomly generated MAC addresses (locally administered unicast: a dummy
#    device's) become RANDOM-MAC1 … in order of first appearance; fixed ones
#    (00:26:6c:ff:b5:c0 from generate_nlmsg, ff:ff:…) stay (check_state's
#    normalisation, made for JSON, maps every MAC: too coarse here);
#  - the error file's "command: $IP …" lines name the binary run: its path
#    becomes "$IP"; mktemp's names (/tmp/tmp.XXXXXX: set_nsid_batch.t's
#    batch file) become /tmp/tmp.TEMP1 ….
# A harness self-test runs each test twice with Debian's ip: both runs must
# agree after normalisation, and Debian's ip must pass (no ERRF, status 0)
# unless the kernel lacks a module the test needs (ts_needs): Debian 12's
# kernels, cloud and generic alike, are built without bareudp, so there
# Debian's ip fails add_type_bareudp.t ("Error: Unknown device type." from
# the kernel) and rtun must fail it the same way.
#
# shellcheck source=tests/vm/rtun-check.sh
. /lib/rtun-check.sh

SUITE=/opt/iproute2-testsuite
W=/tmp/iproute2-testsuite
mkdir -p "$W" /run/netns

# ts_normalize BIN: stdin -> stdout, the normalisation above.
ts_normalize() {
    awk -v ip="$1" '
    # Each match of RE in S becomes LABEL and its number in order of
    # appearance (SEEN holds the names given so far and, under "", the count).
    function number(s, re, label, seen,    out, w) {
        out = ""
        while (match(s, re)) {
            w = substr(s, RSTART, RLENGTH)
            if (!(w in seen)) seen[w] = label (++seen[""])
            out = out substr(s, 1, RSTART - 1) seen[w]
            s = substr(s, RSTART + RLENGTH)
        }
        return out s
    }
    {
        s = $0
        cmd = "command: " ip " "
        if (index(s, cmd) == 1) s = "command: $IP " substr(s, length(cmd) + 1)
        s = number(s, "dev-[A-Za-z][A-Za-z][A-Za-z][A-Za-z][A-Za-z][A-Za-z]", "dev-NAME", name)
        s = number(s, "/tmp/tmp[.][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9][A-Za-z0-9]", "/tmp/tmp.TEMP", tmp)
        print number(s, "[0-9a-f][26ae]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]", "RANDOM-MAC", mac)
    }'
}

# ts_run RUN BIN TEST: runs TEST (ip/…/X.t) with IP=BIN; writes
# $W/RUN.transcript (exit status, stdout log, ERRF, stderr; normalised) and
# sets TS_VERDICT to what the Makefile would print (PASS, FAILED, SKIPPED).
ts_run() {
    _run=$1 _bin=$2 _t=$3
    _dir=$W/$_run
    rm -rf "$_dir"
    cp -a "$W/suite" "$_dir"
    mkdir -p "$_dir/results/${_t%/*}"
    _errf=results/$_t.iproute2-this.err
    _tmp_err=$(mktemp /tmp/tc_testsuite.XXXXXX)
    _tmp_out=$(mktemp /tmp/tc_testsuite.XXXXXX)
    # shellcheck disable=SC2016 # $1 is the inner shell's
    (
        cd "$_dir" || exit 125
        env STD_ERR="$_tmp_err" STD_OUT="$_tmp_out" TC=/sbin/tc IP="$_bin" SS=/sbin/ss \
            BRIDGE=/sbin/bridge DEV=lo IPVER="$_t" SNAME=iproute2/iproute2-this ERRF="$_errf" \
            unshare -m -n --propagation private sh -c \
            'mount -t tmpfs -o mode=0755 tmpfs /run/netns && exec "tests/$1"' sh "$_t" \
            >"results/$_t.iproute2-this.out" 2>"results/$_t.iproute2-this.stderr"
    )
    _rc=$?
    rm -f "$_tmp_err" "$_tmp_out"
    if [ "$_rc" = 127 ]; then
        TS_VERDICT=SKIPPED
    elif [ -e "$_dir/$_errf" ]; then
        TS_VERDICT=FAILED
    else
        TS_VERDICT=PASS
    fi
    {
        echo "exit status: $_rc"
        echo "--- stdout (results/$_t.iproute2-this.out)"
        cat "$_dir/results/$_t.iproute2-this.out"
        if [ -e "$_dir/$_errf" ]; then
            echo "--- ERRF ($_errf)"
            cat "$_dir/$_errf"
        else
            echo "--- no ERRF"
        fi
        echo "--- stderr"
        cat "$_dir/results/$_t.iproute2-this.stderr"
    } | ts_normalize "$_bin" >"$W/$_run.transcript"
}

# ts_needs TEST: the kernel module TEST needs to pass at all, if any.
ts_needs() {
    case $1 in
        ip/link/add_type_bareudp.t) echo bareudp ;;
    esac
}

tests=$(cd "$SUITE" && find tests/ip -name '*.t' | sed 's,^tests/,,' | LC_ALL=C sort)
require "the image holds iproute2's testsuite for ip ($(echo "$tests" | wc -l) tests)" -- \
    test -x "$SUITE/tools/generate_nlmsg" -a -n "$tests"
# The Makefile runs ./tools/generate_nlmsg before every test; its output is
# the same each time, so once, in the copy every run starts from.
rm -rf "$W/suite"
cp -a "$SUITE" "$W/suite"
# shellcheck disable=SC2016 # $1 is the inner shell's
require "./tools/generate_nlmsg" -- sh -c 'cd "$1" && ./tools/generate_nlmsg' sh "$W/suite"

for t in $tests; do
    module=$(ts_needs "$t")
    ip_must_pass=1
    if [ -n "$module" ] && ! modprobe "$module" 2>/dev/null; then
        ip_must_pass=0
    fi
    ts_run ip-a /sbin/ip "$t"
    verdict_ip=$TS_VERDICT
    ts_run ip-b /sbin/ip "$t"
    ts_run rtun /rtun/ip "$t"
    verdict_rtun=$TS_VERDICT
    echo "$t: ip $verdict_ip, rtun $verdict_rtun"
    if [ "$ip_must_pass" = 1 ]; then
        require "Debian's ip passes $t" -- test "$verdict_ip" = PASS
        [ "$verdict_ip" = PASS ] || sed 's/^/  /' "$W/ip-a.transcript"
    else
        echo "note: this kernel has no $module module: Debian's ip does not pass $t here ($verdict_ip), and rtun must fail it the same way"
    fi
    CHECK_REFERENCE=1
    check_files "harness self-test: two runs of $t with Debian's ip agree" "$W/ip-a.transcript" "$W/ip-b.transcript"
    CHECK_REFERENCE=0
    check_files "$t: same stdout, ERRF, stderr and exit status as ip" "$W/ip-a.transcript" "$W/rtun.transcript"
done

check_summary
