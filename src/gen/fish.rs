//! `rtun completions fish`: the same walk as the sh engine, in fish, with
//! the keywords' help lines as descriptions. Lookups are `switch` arms
//! listing every accepted spelling in table order (first match wins).

use std::fmt::Write as _;

use super::model::{spellings, Entry, Fill, Model, Table};
use crate::cli::grammar::Word;

fn q(s: &str) -> String {
    format!("'{}'", s.replace('\\', r"\\").replace('\'', r"\'"))
}

fn patterns(names: &[Word]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for w in names {
        for s in spellings(w) {
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
    }
    seen.iter().map(|s| q(s)).collect::<Vec<_>>().join(" ")
}

/// One help line for a description: the first sentence, no trailing dot.
fn describe(help: &str) -> String {
    help.trim().trim_end_matches('.').replace(['\t', '\n'], " ")
}

fn kw_arm(out: &mut String, key: &str, t: &Table) {
    let _ = writeln!(out, "        case {key}\n            switch $argv[2]");
    for e in &t.entries {
        let Entry { names, fill, to_kind, .. } = e;
        let spec = fill.as_ref().map(Fill::spec).unwrap_or_default();
        let _ = writeln!(out, "                case {}\n                    set -g __rtun_v {}", patterns(names), q(&spec));
        if *to_kind {
            let _ = writeln!(out, "                    set -g __rtun_k 1");
        }
    }
    let _ = writeln!(out, "                case '*'\n                    return 1\n            end");
}

/// `printf` of candidates with their descriptions.
fn words_line(items: &[(&str, &str)]) -> String {
    if items.is_empty() {
        return "true".into();
    }
    let args: Vec<String> = items
        .iter()
        .map(|(w, h)| if h.is_empty() { q(w) } else { q(&format!("{w}\t{}", describe(h))) })
        .collect();
    format!("printf '%s\\n' {}", args.join(" "))
}

fn table_items(t: &Table) -> Vec<(&'static str, &'static str)> {
    t.entries.iter().flat_map(|e| e.names.iter().map(move |w| (w.text, e.help))).collect()
}

pub fn script(m: &Model) -> String {
    let mut s = String::from(super::HEADER);
    s.push_str("# fish: install as ~/.config/fish/completions/rtun.fish.\n\n");

    s.push_str("# __rtun_kw TABLE WORD: sets __rtun_v to the value spec of the keyword WORD\n# selects ('' flag, - no guess, @live, =words), __rtun_k to 1 when the line\n# then belongs to a link kind; fails for no keyword.\n");
    s.push_str("function __rtun_kw\n    set -g __rtun_v ''\n    set -g __rtun_k ''\n    switch $argv[1]\n");
    kw_arm(&mut s, "g", &m.options);
    for (i, t) in m.tables.iter().enumerate() {
        kw_arm(&mut s, &i.to_string(), t);
    }
    s.push_str("        case '*'\n            return 1\n    end\nend\n\n");

    s.push_str("# __rtun_obj WORD: sets __rtun_o to the object WORD selects (listed ones only).\n");
    s.push_str("function __rtun_obj\n    set -g __rtun_o ''\n    switch $argv[1]\n");
    for (i, o) in m.objects.iter().enumerate() {
        let w = if o.listed { i.to_string() } else { String::new() };
        let _ = writeln!(s, "        case {}\n            set -g __rtun_o {}", patterns(&[crate::cli::grammar::p(o.name)]), q(&w));
    }
    s.push_str("    end\n    test -n \"$__rtun_o\"\nend\n\n");

    s.push_str("# __rtun_cmd OBJECT WORD: sets __rtun_t to the keyword table of the command.\n");
    s.push_str("function __rtun_cmd\n    set -g __rtun_t ''\n    switch $argv[1]\n");
    for (i, o) in m.objects.iter().enumerate().filter(|(_, o)| o.listed && !o.commands.is_empty()) {
        let _ = writeln!(s, "        case {i}\n            switch $argv[2]");
        for c in &o.commands {
            let t = c.table.map(|t| t.to_string()).unwrap_or_default();
            let _ = writeln!(s, "                case {}\n                    set -g __rtun_t {}", patterns(c.names), q(&t));
        }
        s.push_str("                case '*'\n                    return 1\n            end\n");
    }
    s.push_str("        case '*'\n            return 1\n    end\nend\n\n");

    s.push_str("# __rtun_kind KIND: sets __rtun_t to the keyword table of a link kind.\n");
    s.push_str("function __rtun_kind\n    switch $argv[1]\n");
    for (name, t) in &m.kinds {
        let _ = writeln!(s, "        case {}\n            set -g __rtun_t {t}", q(name));
    }
    s.push_str("        case '*'\n            return 1\n    end\nend\n\n");

    s.push_str("# __rtun_words KEY: the candidates of a state, with descriptions.\n");
    s.push_str("function __rtun_words\n    switch $argv[1]\n");
    let objects: Vec<(&str, &str)> = m.objects.iter().filter(|o| o.listed).map(|o| (o.name, o.help)).collect();
    let _ = writeln!(s, "        case objects\n            {}", words_line(&objects));
    let _ = writeln!(s, "        case g\n            {}", words_line(&table_items(&m.options)));
    for (i, o) in m.objects.iter().enumerate().filter(|(_, o)| o.listed) {
        let items: Vec<(&str, &str)> = o.commands.iter().flat_map(|c| c.names.iter().map(move |w| (w.text, c.help))).collect();
        let _ = writeln!(s, "        case c{i}\n            {}", words_line(&items));
    }
    for (i, t) in m.tables.iter().enumerate() {
        let _ = writeln!(s, "        case k{i}\n            {}", words_line(&table_items(t)));
        if let Some(p) = &t.positional {
            let _ = writeln!(s, "        case p{i}\n            __rtun_fill {}", q(&p.spec()));
        }
    }
    s.push_str("    end\nend\n\n");
    s.push_str(ENGINE);
    s
}

/// The walk over the words (no grammar in it).
const ENGINE: &str = r#"# __rtun_fill SPEC: the candidates for a value.
function __rtun_fill
    set -l spec $argv[1]
    switch $spec
        case '=*'
            string split ' ' -- (string sub -s 2 -- $spec)
        case @files
            __fish_complete_path (commandline -ct)
        case '@*'
            set -l what (string sub -s 2 -- $spec)
            if test -n "$__rtun_netns"
                $__rtun_prog -n $__rtun_netns complete $what 2>/dev/null
            else
                $__rtun_prog complete $what 2>/dev/null
            end
    end
end

# __rtun_candidates: the candidates for the token at the cursor.
function __rtun_candidates
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -g __rtun_prog $tokens[1]
    set -g __rtun_netns ''
    set -l state g
    set -l table ''
    set -l want ''
    set -l spec ''
    for w in $tokens[2..-1]
        if test -n "$want"
            switch $want
                case netns
                    set -g __rtun_netns $w
                case kind
                    if __rtun_kind $w
                        set table $__rtun_t
                    else
                        set state x
                    end
            end
            set want ''
            continue
        end
        switch $state
            case g
                if string match -q -- '--?*' $w
                    set w (string sub -s 2 -- $w)
                end
                if string match -q -- '-*' $w
                    if __rtun_kw g $w; and test -n "$__rtun_v"
                        set spec $__rtun_v
                        set want 1
                        test "$spec" = @netns; and set want netns
                    end
                else if __rtun_obj $w
                    set state o
                else
                    set state x
                end
            case o
                if __rtun_cmd $__rtun_o $w; and test -n "$__rtun_t"
                    set table $__rtun_t
                    set state k
                else
                    set state x
                end
            case k
                if __rtun_kw $table $w; and test -n "$__rtun_v"
                    set spec $__rtun_v
                    set want 1
                    test -n "$__rtun_k"; and set want kind
                end
        end
    end
    if test -n "$want"
        __rtun_fill $spec
        return
    end
    switch $state
        case g
            if string match -q -- '--*' $cur
                __rtun_words g | string replace -r -- '^-' '--'
            else if string match -q -- '-*' $cur
                __rtun_words g
            else
                __rtun_words objects
            end
        case o
            __rtun_words c$__rtun_o
        case k
            __rtun_words k$table
            __rtun_words p$table
    end
end

complete -c rtun -e
complete -c rtun -f -a '(__rtun_candidates)'
"#;
