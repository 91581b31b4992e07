# Completes each argument line with the generated _rtun under compinit,
# with a compadd that records what it is given; one line per input.
# Usage: zsh -f zsh.zsh COMPLETIONS_DIR LINE…
fpath=($1 $fpath); shift
autoload -U compinit && compinit -u -D
[[ ${_comps[rtun]} == _rtun ]] || exit 4
compadd() { local a seen=; for a in "$@"; do if [[ -n $seen ]]; then reply+=("$a"); elif [[ $a == -- ]]; then seen=1; fi; done }
compset() { : }
_files() { reply+=("@files") }
for line in "$@"; do
    reply=()
    words=(${(z)line})
    [[ $line == *" " ]] && words+=("")
    CURRENT=${#words}
    _rtun
    print -r -- "${reply[*]}"
done
