//! `rtun completions zsh`: the `_rtun` function file (`#compdef rtun`): the
//! shared engine run in `sh` emulation, its candidates handed to `compadd`.

use super::model::Model;

/// The function file completing the commands `names`.
pub fn script(m: &Model, names: &[&str]) -> String {
    let names = names.join(" ");
    let mut s = format!("#compdef {names}\n");
    s.push_str(super::HEADER);
    let file = names.split(' ').next().unwrap_or(super::PROGRAM);
    s.push_str(&format!("# zsh: put this file, named _{file}, in a directory of $fpath before compinit.\n\n"));
    s.push_str(&super::sh::engine(m));
    s.push_str(GLUE);
    // Sourced, or autoloaded by compinit as the function the file is named
    // after (_rtun, _ip): bind the commands to _rtun; autoloaded, complete.
    s.push_str(&format!("\ncompdef _rtun {names}\nif [[ ${{zsh_eval_context[-1]-}} == loadautofunc ]]; then\n    _rtun \"$@\"\nfi\n"));
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
"#;
