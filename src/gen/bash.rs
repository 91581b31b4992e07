//! `rtun completions bash`: the shared engine plus bash's glue (works with
//! or without the bash-completion package).

use super::model::Model;

/// The script completing the commands `names`.
pub fn script(m: &Model, names: &[&str]) -> String {
    let mut s = String::from(super::HEADER);
    let file = names.first().copied().unwrap_or(super::PROGRAM);
    s.push_str(&format!("# bash: source this file, or install it as\n# /usr/share/bash-completion/completions/{file}.\n\n"));
    s.push_str(&super::sh::engine(m));
    s.push_str(GLUE);
    s.push_str(&format!("complete -F _rtun {}\n", names.join(" ")));
    s
}

const GLUE: &str = r#"
_rtun() {
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null; then
        _get_comp_words_by_ref -n =: cur words cword
    else
        words=("${COMP_WORDS[@]}") cword=$COMP_CWORD cur=${COMP_WORDS[COMP_CWORD]}
    fi
    local w
    local -a found files
    # One candidate per line, each its own element (no word splitting or
    # globbing of the candidates).
    mapfile -t found < <(_rtun_candidates "${words[0]}" "$cur" "${words[@]:1:cword-1}")
    # A value attached to a long option (`--load=FILE`): readline replaces
    # only the part after `=`.
    local fcur=$cur
    [[ $cur == --?*=* ]] && fcur=${cur#*=}
    COMPREPLY=()
    for w in "${found[@]}"; do
        if [ "$w" = @files ]; then
            mapfile -t files < <(compgen -f -- "$fcur")
            COMPREPLY+=("${files[@]}")
        elif [[ $w == "$cur"* ]]; then
            COMPREPLY+=("$w")
        fi
    done
    # One level of a dotted name (`net.ipv4.`): the user goes on typing.
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *. ]]; then
        compopt -o nospace 2>/dev/null
    fi
}
"#;
