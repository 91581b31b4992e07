# Completes each argument line with fish's own `complete -C` after loading
# the generated script; one line of candidates per input.
# Usage: fish fish.fish COMPLETIONS_DIR LINE…
source $argv[1]/rtun.fish; or exit 3
for line in $argv[2..-1]
    complete -C "$line" | string replace -r '\t.*' '' | string join ' '
    or echo
end
