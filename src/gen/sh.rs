//! The completion engine shared by bash and zsh: plain functions that both
//! shells run alike (zsh in `sh` emulation). `_rtun_candidates PROG CUR
//! WORDS…` walks the words before the cursor through the grammar tables —
//! options, object, command, keywords and their values, a link kind's own
//! keywords after `type KIND` — and prints the candidates for the word at
//! the cursor, one per line (`@files` asks the shell for file names).
//! Keyword lookups are `case` patterns listing every accepted spelling in
//! table order, so the first match wins exactly as in rtun's parser.

use std::fmt::Write as _;

use super::model::{candidate_names, listed_commands, spellings, Entry, Fill, Model, Table};

fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn patterns(names: &[crate::cli::grammar::Word]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for w in names {
        for s in spellings(w) {
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
    }
    seen.iter().map(|s| q(s)).collect::<Vec<_>>().join("|")
}

fn kw_arm(out: &mut String, key: &str, t: &Table) {
    let _ = writeln!(out, "    {key})\n        case $2 in");
    for e in &t.entries {
        let Entry { names, fill, then, optional, operands, .. } = e;
        let spec = fill.as_ref().map(Fill::spec).unwrap_or_default();
        let mut extra = String::new();
        if !then.code().is_empty() {
            let _ = write!(extra, " _rtun_k={}", then.code());
        }
        if *optional {
            extra.push_str(" _rtun_opt=1");
        }
        if let Some(ops) = operands {
            let _ = write!(extra, " _rtun_s={}", q(&ops.spec()));
        }
        let _ = writeln!(out, "        {}) _rtun_v={}{extra} ;;", patterns(names), q(&spec));
    }
    let _ = writeln!(out, "        *) return 1 ;;\n        esac ;;");
}

fn words_line(words: &[&str]) -> String {
    if words.is_empty() {
        return ":".into();
    }
    format!("printf '%s\\n' {}", words.iter().map(|w| q(w)).collect::<Vec<_>>().join(" "))
}

const EMULATE: &str = "    [ -n \"${ZSH_VERSION-}\" ] && emulate -L sh\n";

/// The engine's functions, generated from `m`.
pub fn engine(m: &Model) -> String {
    let mut s = String::new();
    // Keyword lookup.
    s.push_str("# _rtun_kw TABLE WORD: the keyword WORD selects in TABLE (g: global options).\n");
    s.push_str("# Sets _rtun_v to its value spec ('' flag, - no guess, @live, =words),\n");
    s.push_str("# _rtun_k=1 when the line then belongs to a link kind, 2 when it goes back\n");
    s.push_str("# to the table before the kind; for getopt options _rtun_opt=1 when the\n");
    s.push_str("# value is only taken attached and _rtun_s to the operands' spec from\n");
    s.push_str("# then on. Fails for no keyword.\n");
    s.push_str("_rtun_kw() {\n");
    s.push_str(EMULATE);
    s.push_str("    _rtun_v= _rtun_k= _rtun_opt= _rtun_s=\n    case $1 in\n");
    kw_arm(&mut s, "g", &m.options);
    for (i, t) in m.tables.iter().enumerate() {
        kw_arm(&mut s, &i.to_string(), t);
    }
    s.push_str("    *) return 1 ;;\n    esac\n}\n\n");

    // Objects.
    s.push_str("# _rtun_obj WORD: sets _rtun_o to the object WORD selects (listed ones only),\n");
    s.push_str("# and _rtun_g to its option table and _rtun_ops to its operands' spec when\n");
    s.push_str("# it takes getopt-style options.\n");
    s.push_str("_rtun_obj() {\n");
    s.push_str(EMULATE);
    s.push_str("    _rtun_o= _rtun_g= _rtun_ops=\n    case $1 in\n");
    for (i, o) in m.objects.iter().enumerate() {
        let w = if o.listed { i.to_string() } else { String::new() };
        let g = match o.getopt {
            Some(t) if o.listed => {
                let ops = m.tables[t].positional.as_ref().map(Fill::spec).unwrap_or_default();
                format!(" _rtun_g={t} _rtun_ops={}", q(&ops))
            }
            _ => String::new(),
        };
        let _ = writeln!(s, "    {}) _rtun_o={}{g} ;;", patterns(&[crate::cli::grammar::p(o.name)]), q(&w));
    }
    s.push_str("    esac\n    [ -n \"$_rtun_o\" ]\n}\n\n");

    // Commands.
    s.push_str("# _rtun_cmd OBJECT WORD: sets _rtun_t to the keyword table of the command.\n");
    s.push_str("_rtun_cmd() {\n");
    s.push_str(EMULATE);
    s.push_str("    _rtun_t=\n    case $1 in\n");
    for (i, o) in m.objects.iter().enumerate().filter(|(_, o)| o.listed && !o.commands.is_empty()) {
        let _ = writeln!(s, "    {i})\n        case $2 in");
        for c in &o.commands {
            let t = c.table.map(|t| t.to_string()).unwrap_or_default();
            let _ = writeln!(s, "        {}) _rtun_t={} ;;", patterns(c.names), q(&t));
        }
        s.push_str("        *) return 1 ;;\n        esac ;;\n");
    }
    s.push_str("    *) return 1 ;;\n    esac\n}\n\n");

    // Link kinds.
    s.push_str("# _rtun_kind KIND: sets _rtun_t to the keyword table of a link kind.\n");
    s.push_str("_rtun_kind() {\n    case $1 in\n");
    for (name, t) in &m.kinds {
        let _ = writeln!(s, "    {}) _rtun_t={} ;;", q(name), q(&t.to_string()));
    }
    s.push_str("    *) return 1 ;;\n    esac\n}\n\n");

    // Candidate lists.
    s.push_str("# _rtun_words KEY: the candidate words of a state.\n");
    s.push_str("_rtun_words() {\n    case $1 in\n");
    let objects: Vec<&str> = m.objects.iter().filter(|o| o.listed).map(|o| o.name).collect();
    let _ = writeln!(s, "    objects) {} ;;", words_line(&objects));
    let _ = writeln!(s, "    g) {} ;;", words_line(&candidate_names(&m.options)));
    for (i, o) in m.objects.iter().enumerate().filter(|(_, o)| o.listed) {
        let names: Vec<&str> = listed_commands(o).flat_map(|c| c.names.iter().map(|w| w.text)).collect();
        let _ = writeln!(s, "    c{i}) {} ;;", words_line(&names));
    }
    for (i, t) in m.tables.iter().enumerate() {
        let _ = writeln!(s, "    k{i}) {} ;;", words_line(&candidate_names(t)));
        if let Some(p) = &t.positional {
            let _ = writeln!(s, "    p{i}) _rtun_fill {} ;;", q(&p.spec()));
        }
    }
    s.push_str("    esac\n}\n\n");
    s.push_str(ENGINE);
    s
}

/// The hand-written part: the walk over the words (no grammar in it).
const ENGINE: &str = r#"# _rtun_fill SPEC: the candidates for a value (live names get the word at
# the cursor, for the lists that depend on it).
_rtun_fill() {
    [ -n "${ZSH_VERSION-}" ] && emulate -L sh
    case $1 in
    =*) # One word per line, whatever IFS and globbing the caller has set
        # (an unquoted expansion would split on IFS, in zsh's sh emulation too).
        set -- "${1#=} "
        while [ -n "$1" ]; do
            printf '%s\n' "${1%% *}"
            set -- "${1#* }"
        done ;;
    @files) echo @files ;;
    @*) if [ -n "$_rtun_netns" ]; then
            "$_rtun_prog" -n "$_rtun_netns" complete "${1#@}" "$_rtun_cur" 2>/dev/null
        else
            "$_rtun_prog" complete "${1#@}" "$_rtun_cur" 2>/dev/null
        fi ;;
    esac
}

# _rtun_candidates PROG CUR WORD…: the candidates for CUR after the WORDs.
_rtun_candidates() {
    [ -n "${ZSH_VERSION-}" ] && emulate -L sh
    _rtun_prog=$1 _rtun_netns= _rtun_cur=$2
    local cur="$2" state=g table= parent= want= spec= ops= ended= w c ch
    shift 2
    for w in "$@"; do
        if [ -n "$want" ]; then
            case $want in
            netns) _rtun_netns=$w ;;
            kind) if _rtun_kind "$w"; then parent=$table table=$_rtun_t; else state=x; fi ;;
            esac
            want=
            continue
        fi
        case $state in
        g)
            case $w in
            --?*) w=${w#-} ;;
            esac
            case $w in
            -*) if _rtun_kw g "$w" && [ -n "$_rtun_v" ]; then
                    spec=$_rtun_v want=1
                    [ "$spec" = @netns ] && want=netns
                fi ;;
            *) if ! _rtun_obj "$w"; then
                   state=x
               elif [ -n "$_rtun_g" ]; then
                   state=G table=$_rtun_g ops=$_rtun_ops
               else
                   state=o
               fi ;;
            esac ;;
        o) if _rtun_cmd "$_rtun_o" "$w" && [ -n "$_rtun_t" ]; then
               table=$_rtun_t state=k
           else
               state=x
           fi ;;
        k) if _rtun_kw "$table" "$w"; then
               if [ "$_rtun_k" = 2 ]; then
                   table=$parent
               elif [ -n "$_rtun_v" ]; then
                   spec=$_rtun_v want=1
                   [ -n "$_rtun_k" ] && want=kind
               fi
           fi ;;
        G) [ -n "$ended" ] && continue
           case $w in
           --) ended=1 ;;
           --?*=*) _rtun_kw "$table" "${w%%=*}" && [ -n "$_rtun_s" ] && ops=$_rtun_s ;;
           --?*) if _rtun_kw "$table" "$w"; then
                     [ -n "$_rtun_s" ] && ops=$_rtun_s
                     [ -n "$_rtun_v" ] && [ -z "$_rtun_opt" ] && spec=$_rtun_v want=1
                 fi ;;
           -?*) c=${w#-}
                while [ -n "$c" ]; do
                    ch=${c%"${c#?}"} c=${c#?}
                    _rtun_kw "$table" "-$ch" || break
                    [ -n "$_rtun_s" ] && ops=$_rtun_s
                    if [ -n "$_rtun_v" ]; then
                        [ -z "$c" ] && [ -z "$_rtun_opt" ] && spec=$_rtun_v want=1
                        break
                    fi
                done ;;
           esac ;;
        esac
    done
    if [ -n "$want" ]; then
        _rtun_fill "$spec"
        return
    fi
    case $state in
    g)
        case $cur in
        --*) _rtun_words g | while IFS= read -r w; do printf '%s\n' "-$w"; done ;;
        -*) _rtun_words g ;;
        *) _rtun_words objects ;;
        esac ;;
    o) _rtun_words "c$_rtun_o" ;;
    k) _rtun_words "k$table"; _rtun_words "p$table" ;;
    G)
        case $cur in
        --?*=*) if [ -z "$ended" ] && _rtun_kw "$table" "${cur%%=*}" && [ -n "$_rtun_v" ]; then
                    _rtun_fill "$_rtun_v"
                fi ;;
        -*) [ -z "$ended" ] && _rtun_words "k$table" ;;
        *) _rtun_fill "$ops" ;;
        esac ;;
    esac
}
"#;
