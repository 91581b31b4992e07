# Completes each argument line with fish's own `complete -C`, the generated
# script found by fish's autoloader in COMPLETIONS_DIR (first in
# $fish_complete_path, as ~/.config/fish/completions is); one line per
# input: the candidates (one per line of `complete -C`, descriptions cut
# off) separated by \x1f.
# Usage: fish --no-config fish.fish COMPLETIONS_DIR LINE…
set -p fish_complete_path $argv[1]
for line in $argv[2..-1]
    # (`string join` fails for fewer than two words: echo ends every line.)
    echo (complete -C "$line" | string replace -r '\t.*' '' | string join \x1f)
end
