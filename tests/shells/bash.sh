# Completes each argument line with the generated bash script, the way
# bash-completion calls it; prints one line of candidates per input.
# Usage: bash bash.sh COMPLETIONS_DIR LINE…
dir=$1; shift
source /usr/share/bash-completion/bash_completion || exit 3
source "$dir/rtun.bash" || exit 3
spec=$(complete -p rtun) || exit 4
fn=${spec#*-F }; fn=${fn%% *}
for line in "$@"; do
    COMP_LINE=$line COMP_POINT=${#line}
    read -ra COMP_WORDS <<<"$line"
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    "$fn" rtun "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    echo "${COMPREPLY[*]}"
done
