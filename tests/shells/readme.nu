# The Nushell lines the README shows, run for real inside the test's network
# namespace (veth ct0/ct1 made by the test): the module loads, rtun's JSON
# becomes tables, and `where` filters them. Prints one line per check.
use ../../completions/rtun.nu *

def main [] {
    ^rtun link set ct0 up
    ^rtun link set ct1 up
    ^rtun address add 192.0.2.1/24 dev ct0
    ^rtun route add 203.0.113.0/24 via 192.0.2.254
    let up = (rtun -j addr | from json | where operstate == "UP" | get ifname | sort)
    print $"up: ($up | str join ',')"
    let ct0 = (rtun -j addr | from json | where ifname == "ct0" | get 0.addr_info | where family == "inet" | get local)
    print $"ct0: ($ct0 | str join ',')"
    let routes = (rtun -j route | from json | where dev == "ct0" | get dst)
    print $"routes: ($routes | str join ',')"
    let none = (rtun -j route show proto static | from json | length)
    print $"empty: ($none)"
}
