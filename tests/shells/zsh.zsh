# Completes each argument line with the generated completion function under
# compinit, with a compadd that records each candidate it is given and that
# matches the word at the cursor (as compadd does); one line per input, the
# candidates separated by \x1f (which no candidate contains). Each line is
# completed with the default IFS and with IFS set to a newline (the engine
# runs in sh emulation, which splits on IFS): answers that differ are
# printed as one candidate with spaces, which the test reports.
# Usage: zsh -f zsh.zsh COMPLETIONS_DIR COMMAND LINE…
fpath=($1 $fpath); cmd=$2; shift 2
autoload -U compinit && compinit -u -D
[[ -n ${_comps[$cmd]} ]] || exit 4
compadd() {
    local a seen=
    for a in "$@"; do
        if [[ -n $seen ]]; then
            [[ $a == "$PREFIX"* ]] && reply+=("$a")
        elif [[ $a == -- ]]; then
            seen=1
        fi
    done
}
compset() { [[ $1 == -P ]] && PREFIX=${PREFIX##${~2}} }
_files() { reply+=("@files") }
complete_line() {
    reply=()
    words=(${(z)1})
    [[ $1 == *" " ]] && words+=("")
    CURRENT=${#words}
    PREFIX=${words[CURRENT]}
    ${_comps[$cmd]}
    print -r -- "${(pj:\x1f:)reply}"
}
for line in "$@"; do
    plain=$(complete_line "$line")
    newline=$(IFS=$'\n'; complete_line "$line")
    [[ $plain == "$newline" ]] || plain="IFS-dependent: ${plain//$'\x1f'/ } / ${newline//$'\x1f'/ }"
    print -r -- "$plain"
done
