# The README's `-j monitor` line, run by tests/monitor.rs while it adds
# links b1 and b2, then `done`: the names of the links that appeared.
def main [] {
    rtun -j monitor link | lines | each { from json } | take until {|e| $e.ifname? == "done" } | where event == "new" | get ifname | uniq | str join ","
}
