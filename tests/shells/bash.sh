# Completes each argument line with the generated bash script, the way
# bash-completion calls it; prints one line per input: the COMPREPLY
# entries separated by \x1f (which no candidate contains), so that each
# entry is seen as the shell holds it.
# Usage: bash bash.sh COMPLETIONS_FILE COMMAND LINE…
file=$1 cmd=$2; shift 2
source /usr/share/bash-completion/bash_completion || exit 3
source "$file" || exit 3
spec=$(complete -p "$cmd") || exit 4
fn=${spec#*-F }; fn=${fn%% *}
for line in "$@"; do
    COMP_LINE=$line COMP_POINT=${#line}
    read -ra COMP_WORDS <<<"$line"
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    "$fn" "$cmd" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    (IFS=$'\x1f'; printf '%s\n' "${COMPREPLY[*]}")
done
