//! `rtun completions fish`: the same walk as the sh engine, in fish, with
//! the keywords' help lines as descriptions. Lookups are `switch` arms
//! listing every accepted spelling in table order (first match wins).

use std::fmt::Write as _;

use super::model::{listed_commands, listed_entries, spellings, Entry, Fill, Model, Table};
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
        let Entry { names, fill, then, optional, operands, .. } = e;
        let spec = fill.as_ref().map(Fill::spec).unwrap_or_default();
        let _ = writeln!(out, "                case {}\n                    set -g __rtun_v {}", patterns(names), q(&spec));
        if !then.code().is_empty() {
            let _ = writeln!(out, "                    set -g __rtun_k {}", then.code());
        }
        if *optional {
            let _ = writeln!(out, "                    set -g __rtun_opt 1");
        }
        if let Some(ops) = operands {
            let _ = writeln!(out, "                    set -g __rtun_s {}", q(&ops.spec()));
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
    listed_entries(t).flat_map(|e| e.names.iter().map(move |w| (w.text, e.help))).collect()
}

/// The completions of the commands `names`.
pub fn script(m: &Model, names: &[&str]) -> String {
    let mut s = String::from(super::HEADER);
    let file = names.first().copied().unwrap_or(super::PROGRAM);
    s.push_str(&format!("# fish: install as ~/.config/fish/completions/{file}.fish.\n\n"));

    s.push_str("# __rtun_kw TABLE WORD: sets __rtun_v to the value spec of the keyword WORD\n# selects ('' flag, - no guess, @live, =words), __rtun_k to 1 when the line\n# then belongs to a link kind, 2 when it goes back to the table before the\n# kind; for getopt options __rtun_opt to 1 when the value is only taken\n# attached and __rtun_s to the operands' spec from then on. Fails for no\n# keyword.\n");
    s.push_str("function __rtun_kw\n    set -g __rtun_v ''\n    set -g __rtun_k ''\n    set -g __rtun_opt ''\n    set -g __rtun_s ''\n    switch $argv[1]\n");
    kw_arm(&mut s, "g", &m.options);
    for (i, t) in m.tables.iter().enumerate() {
        kw_arm(&mut s, &i.to_string(), t);
    }
    s.push_str("        case '*'\n            return 1\n    end\nend\n\n");

    s.push_str("# __rtun_obj WORD: sets __rtun_o to the object WORD selects (listed ones only),\n# and __rtun_g to its option table and __rtun_ops to its operands' spec when\n# it takes getopt-style options.\n");
    s.push_str("function __rtun_obj\n    set -g __rtun_o ''\n    set -g __rtun_g ''\n    set -g __rtun_ops ''\n    switch $argv[1]\n");
    for (i, o) in m.objects.iter().enumerate() {
        let w = if o.listed { i.to_string() } else { String::new() };
        let _ = writeln!(s, "        case {}\n            set -g __rtun_o {}", patterns(&[crate::cli::grammar::p(o.name)]), q(&w));
        if let (Some(t), true) = (o.getopt, o.listed) {
            let ops = m.tables[t].positional.as_ref().map(Fill::spec).unwrap_or_default();
            let _ = writeln!(s, "            set -g __rtun_g {t}\n            set -g __rtun_ops {}", q(&ops));
        }
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
        let items: Vec<(&str, &str)> = listed_commands(o).flat_map(|c| c.names.iter().map(move |w| (w.text, c.help))).collect();
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
    for name in names {
        let _ = write!(s, "\ncomplete -c {name} -e\ncomplete -c {name} -f -a '(__rtun_candidates)'");
    }
    s.push('\n');
    s
}

/// The walk over the words (no grammar in it).
const ENGINE: &str = r#"# __rtun_fill SPEC: the candidates for a value (live names get the token at
# the cursor, for the lists that depend on it).
function __rtun_fill
    set -l spec $argv[1]
    set -l cur (commandline -ct)
    switch $spec
        case '=*'
            string split ' ' -- (string sub -s 2 -- $spec)
        case @files
            # A value attached to a long option (`--load=FILE`).
            if string match -q -r -- '^--[^=]+=' $cur
                set -l opt (string match -r -- '^--[^=]+=' $cur)
                __fish_complete_path (string replace -r -- '^--[^=]+=' '' $cur) | string replace -r -- '^' $opt
            else
                __fish_complete_path $cur
            end
        case '@*'
            set -l what (string sub -s 2 -- $spec)
            if test -n "$__rtun_netns"
                $__rtun_prog -n $__rtun_netns complete $what $cur 2>/dev/null
            else
                $__rtun_prog complete $what $cur 2>/dev/null
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
    set -l parent ''
    set -l want ''
    set -l spec ''
    set -l ops ''
    set -l ended ''
    for w in $tokens[2..-1]
        if test -n "$want"
            switch $want
                case netns
                    set -g __rtun_netns $w
                case kind
                    if __rtun_kind $w
                        set parent $table
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
                    if test -n "$__rtun_g"
                        set state G
                        set table $__rtun_g
                        set ops $__rtun_ops
                    else
                        set state o
                    end
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
                if __rtun_kw $table $w
                    if test "$__rtun_k" = 2
                        set table $parent
                    else if test -n "$__rtun_v"
                        set spec $__rtun_v
                        set want 1
                        test -n "$__rtun_k"; and set want kind
                    end
                end
            case G
                test -n "$ended"; and continue
                if test "$w" = --
                    set ended 1
                else if string match -q -r -- '^--[^=]+=' $w
                    if __rtun_kw $table (string replace -r -- '=.*' '' $w); and test -n "$__rtun_s"
                        set ops $__rtun_s
                    end
                else if string match -q -- '--?*' $w
                    if __rtun_kw $table $w
                        test -n "$__rtun_s"; and set ops $__rtun_s
                        if test -n "$__rtun_v"; and test -z "$__rtun_opt"
                            set spec $__rtun_v
                            set want 1
                        end
                    end
                else if string match -q -- '-?*' $w
                    set -l chars (string split '' -- (string sub -s 2 -- $w))
                    set -l n (count $chars)
                    for i in (seq $n)
                        __rtun_kw $table -$chars[$i]; or break
                        test -n "$__rtun_s"; and set ops $__rtun_s
                        if test -n "$__rtun_v"
                            if test $i -eq $n; and test -z "$__rtun_opt"
                                set spec $__rtun_v
                                set want 1
                            end
                            break
                        end
                    end
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
        case G
            if string match -q -r -- '^--[^=]+=' $cur
                if test -z "$ended"; and __rtun_kw $table (string replace -r -- '=.*' '' $cur); and test -n "$__rtun_v"
                    __rtun_fill $__rtun_v
                end
            else if string match -q -- '-*' $cur
                test -z "$ended"; and __rtun_words k$table
            else
                __rtun_fill $ops
            end
    end
end
"#;
