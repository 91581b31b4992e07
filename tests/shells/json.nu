# Runs rtun with -j on each argument line and parses its output with
# `from json`; prints "ok", "empty" or "invalid" and the exit status.
# Usage: nu -n json.nu LINE…
def main [...lines: string] {
    for line in $lines {
        let r = (^rtun -j ...($line | split row ' ') | complete)
        let verdict = if ($r.stdout | str trim) == "" {
            "empty"
        } else {
            try { $r.stdout | from json | ignore; "ok" } catch { "invalid" }
        }
        print $"($verdict) ($r.exit_code) ($line)"
    }
}
