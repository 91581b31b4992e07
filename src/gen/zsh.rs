//! `rtun completions zsh`: the `_rtun` function file (`#compdef rtun`): the
//! shared engine run in `sh` emulation, its candidates handed to `compadd`.

use super::model::Model;

pub fn script(m: &Model) -> String {
    let mut s = String::from("#compdef rtun\n");
    s.push_str(super::HEADER);
    s.push_str("# zsh: put this file, named _rtun, in a directory of $fpath before compinit.\n\n");
    s.push_str(&super::sh::engine(m));
    s.push_str(GLUE);
    s
}

const GLUE: &str = r#"
_rtun() {
    local -a found
    found=("${(@f)$(_rtun_candidates "${words[1]}" "${words[CURRENT]}" "${(@)words[2,CURRENT-1]}")}")
    if (( ${found[(I)@files]} )); then
        # A value attached to a long option (`--load=FILE`).
        [[ ${words[CURRENT]} == --?*=* ]] && compset -P '*='
        _files
    fi
    found=(${found:#@files})
    found=(${found:#})
    # One level of a dotted name (`net.ipv4.`): no space after it.
    local -a levels
    levels=(${(M)found:#*.})
    found=(${found:#*.})
    (( ${#levels} )) && compadd -S '' -- "${levels[@]}"
    (( ${#found} )) && compadd -- "${found[@]}"
}

if [[ ${zsh_eval_context[-1]-} == loadautofunc ]]; then
    _rtun "$@"
else
    compdef _rtun rtun
fi
"#;
