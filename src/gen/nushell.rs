//! `rtun completions nushell`: a module of `export extern` signatures (one
//! for `rtun` with its options as long flags, one per object and command
//! for their help) whose arguments share one custom completer. The grammar
//! is a `const` record of spellings (first match already chosen here, in
//! table order) and candidates; the completer walks it like the sh engine.
//! Live names come from `^rtun complete NAME`.
//!
//! Nushell flags cannot be single-dash words, so the signature declares
//! `--json`, `--details`, `--netns`… (rtun reads `--name` as `-name`) and
//! the one-character options `-4 -6 -0 -M -B`; iproute2 spellings such as
//! `-j` or `-br` are left undeclared and reach rtun untouched.

use std::fmt::Write as _;

use super::model::{listed_commands, listed_entries, spellings, Entry, Fill, Live, Model, Table};
use crate::cli::grammar::global::{Opt, OPTIONS};
use crate::cli::grammar::{Value, Word};

/// A Nushell string literal.
fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn describe(help: &str) -> String {
    help.trim().trim_end_matches('.').to_string()
}

/// `{spelling: value, …}` in table order, the first entry keeping a spelling.
fn spell_record(items: impl Iterator<Item = (Vec<Word>, String)>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut parts = Vec::new();
    for (names, value) in items {
        for w in &names {
            for s in spellings(w) {
                if !seen.contains(&s) {
                    seen.push(s);
                    parts.push(format!("{}: {value}", q(s)));
                }
            }
        }
    }
    format!("{{{}}}", parts.join(", "))
}

fn words_list<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let parts: Vec<String> = items.map(|(w, h)| format!("{{value: {}, description: {}}}", q(w), q(&describe(h)))).collect();
    format!("[{}]", parts.join(", "))
}

/// `v` value spec, `k` then-code ('' stay, 1 kind, 2 parent), and for
/// getopt options `o` (value only attached) and `s` (operands from then on).
fn entry_value(e: &Entry) -> String {
    let spec = e.fill.as_ref().map(Fill::spec).unwrap_or_default();
    let ops = e.operands.as_ref().map(Fill::spec).unwrap_or_default();
    format!("{{v: {}, k: {}, o: {}, s: {}}}", q(&spec), q(e.then.code()), e.optional, q(&ops))
}

fn table_record(t: &Table) -> String {
    let spell = spell_record(t.entries.iter().map(|e| (e.names.clone(), entry_value(e))));
    let words = words_list(listed_entries(t).flat_map(|e| e.names.iter().map(move |w| (w.text, e.help))));
    let pos = t.positional.as_ref().map_or("null".to_string(), |p| q(&p.spec()));
    format!("{{spell: {spell}, words: {words}, pos: {pos}}}")
}

fn grammar(m: &Model) -> String {
    let mut s = String::from("const RTUN_GRAMMAR = {\n");
    let _ = writeln!(s, "    options: {},", table_record(&m.options));
    let objects = spell_record(m.objects.iter().enumerate().map(|(i, o)| {
        let v = if o.listed { i.to_string() } else { "-1".into() };
        (vec![crate::cli::grammar::p(o.name)], v)
    }));
    let _ = writeln!(s, "    objects: {objects},");
    let listed = words_list(m.objects.iter().filter(|o| o.listed).map(|o| (o.name, o.help)));
    let _ = writeln!(s, "    object_words: {listed},");
    s.push_str("    commands: {\n");
    for (i, o) in m.objects.iter().enumerate().filter(|(_, o)| o.listed) {
        let spell = spell_record(o.commands.iter().map(|c| (c.names.to_vec(), c.table.map_or("-1".into(), |t| t.to_string()))));
        let words = words_list(listed_commands(o).flat_map(|c| c.names.iter().map(move |w| (w.text, c.help))));
        let _ = writeln!(s, "        {}: {{spell: {spell}, words: {words}}},", q(&i.to_string()));
    }
    s.push_str("    },\n    getopt: {\n");
    for (i, o) in m.objects.iter().enumerate().filter(|(_, o)| o.listed) {
        if let Some(t) = o.getopt {
            let ops = m.tables[t].positional.as_ref().map(Fill::spec).unwrap_or_default();
            let _ = writeln!(s, "        {}: {{table: {t}, ops: {}}},", q(&i.to_string()), q(&ops));
        }
    }
    s.push_str("    },\n    tables: [\n");
    for t in &m.tables {
        let _ = writeln!(s, "        {},", table_record(t));
    }
    s.push_str("    ],\n");
    let kinds: Vec<String> = m.kinds.iter().map(|(k, t)| format!("{}: {t}", q(k))).collect();
    let _ = writeln!(s, "    kinds: {{{}}},", kinds.join(", "));
    s.push_str("}\n\n");
    s
}

/// The completer a value of this kind gets in a signature, if any.
fn completer(opt_name: &str, value: Value) -> Option<String> {
    match Fill::of(value)? {
        Fill::Live(l) => Some(format!("nu-complete rtun {}", l.word())),
        Fill::Words(_) => Some(format!("nu-complete rtun {opt_name}")),
        Fill::Nothing | Fill::Files => None,
    }
}

fn flag_type(value: Value) -> &'static str {
    match value {
        Value::Number => "int",
        Value::File => "path",
        _ => "string",
    }
}

/// The `export extern "rtun"` flags: long ones for names that are words,
/// short ones for one-character names.
fn flags(out: &mut String) {
    for o in OPTIONS {
        // `-color` takes `=WHEN`, which a Nushell switch would refuse: left
        // undeclared so that `--color=always` reaches rtun as typed.
        if o.opt == Opt::Color {
            continue;
        }
        for w in o.names {
            let name = w.text.trim_start_matches('-');
            let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !valid {
                continue;
            }
            let flag = if name.chars().count() == 1 { format!("-{name}") } else { format!("--{name}") };
            let ty = match Fill::of(o.value) {
                None => String::new(),
                Some(_) => match completer(name, o.value) {
                    Some(c) => format!(": {}@{}", flag_type(o.value), q(&c)),
                    None => format!(": {}", flag_type(o.value)),
                },
            };
            let _ = writeln!(out, "    {flag}{ty}  # {}", describe(o.help));
        }
    }
}

/// A getopt object's options as flags of its signature, so that Nushell
/// offers them after `-`: `--long(-x)` from the first long and one-letter
/// names. Options whose value is optional are left undeclared (a switch
/// would refuse `--persist=FILE`), as is `--help`, which every signature
/// has; undeclared flags still reach rtun as typed.
fn getopt_flags(out: &mut String, t: &Table) {
    for e in listed_entries(t).filter(|e| !e.optional) {
        let long = e.names.iter().find_map(|w| w.text.strip_prefix("--"));
        let short = e.names.iter().find_map(|w| w.text.strip_prefix('-').filter(|n| n.chars().count() == 1));
        if long == Some("help") {
            continue;
        }
        let flag = match (long, short) {
            (Some(l), Some(c)) => format!("--{l}(-{c})"),
            (Some(l), None) => format!("--{l}"),
            (None, Some(c)) => format!("-{c}"),
            (None, None) => continue,
        };
        let ty = if e.fill.is_some() { ": string" } else { "" };
        let _ = writeln!(out, "    {flag}{ty}  # {}", describe(e.help));
    }
}

pub fn script(m: &Model) -> String {
    let mut s = String::from(super::HEADER);
    s.push_str("# Nushell: save as rtun.nu and load it with `use rtun.nu *`.\n\n");

    for l in Live::ALL {
        let _ = writeln!(
            s,
            "# {}, from the running system.\nexport def \"nu-complete rtun {w}\" [] {{\n    try {{ ^rtun complete {w} | lines }} catch {{ [] }}\n}}\n",
            l.word(),
            w = l.word()
        );
    }
    for o in OPTIONS {
        if let (Value::Choice(words), Some(w)) = (o.value, o.names.first()) {
            if o.opt == Opt::Color {
                continue;
            }
            let name = w.text.trim_start_matches('-');
            let list: Vec<String> = words.iter().map(|w| q(w)).collect();
            let _ = writeln!(s, "export def \"nu-complete rtun {name}\" [] {{\n    [{}]\n}}\n", list.join(" "));
        }
    }

    s.push_str(&grammar(m));
    s.push_str(ENGINE);

    // `main`: the module is named rtun, so this is the `rtun` command; its
    // comment is what `help rtun` shows first.
    let _ = write!(s, "\n# {}\n# {}\nexport extern main [\n", super::ABOUT, super::MORE_HELP);
    flags(&mut s);
    s.push_str("    ...args: string@\"nu-complete rtun\"  # OBJECT COMMAND [ARGUMENTS]\n]\n");
    for o in m.objects.iter().filter(|o| o.listed) {
        let mut declared = String::new();
        if let Some(t) = o.getopt {
            getopt_flags(&mut declared, &m.tables[t]);
        }
        let _ = writeln!(
            s,
            "\n# {}\nexport extern \"rtun {}\" [\n{declared}    ...args: string@\"nu-complete rtun\"\n]",
            describe(o.help),
            o.name
        );
        for c in listed_commands(o) {
            let Some(name) = c.names.first() else { continue };
            let _ = writeln!(
                s,
                "\n# {}\nexport extern \"rtun {} {}\" [\n    ...args: string@\"nu-complete rtun\"\n]",
                describe(c.help),
                o.name,
                name.text
            );
        }
    }
    s
}

/// The walk over the words (no grammar in it).
const ENGINE: &str = r#"# The candidates for a keyword's value (null: Nushell's file completion);
# live names get the word at the cursor, for the lists that depend on it.
def "rtun-fill" [spec: string, netns: string, cur: string] {
    if ($spec | str starts-with "=") {
        $spec | str substring 1.. | split row " "
    } else if $spec == "@files" {
        null
    } else if ($spec | str starts-with "@") {
        let what = ($spec | str substring 1..)
        if $netns == "" {
            try { ^rtun complete $what $cur | lines } catch { [] }
        } else {
            try { ^rtun -n $netns complete $what $cur | lines } catch { [] }
        }
    } else {
        []
    }
}

# The getopt option a word names (`--load=F` by `--load`), or null.
def "rtun-getopt" [table: int, word: string] {
    $RTUN_GRAMMAR.tables | get $table | get spell | get -o ($word | split row "=" | first)
}

# Completes any rtun argument from the line before the cursor.
export def "nu-complete rtun" [context: string] {
    let tokens = ($context | str trim --left | split row --regex '\s+')
    let cur = ($tokens | last)
    let before = ($tokens | skip 1 | drop 1)
    mut state = "g"
    mut table = 0
    mut parent = 0
    mut obj = ""
    mut want = ""
    mut spec = ""
    mut netns = ""
    mut ops = ""
    mut ended = false
    for word in $before {
        mut w = $word
        if $want != "" {
            if $want == "netns" {
                $netns = $w
            } else if $want == "kind" {
                let t = ($RTUN_GRAMMAR.kinds | get -o $w)
                if $t == null { $state = "x" } else { $parent = $table; $table = $t }
            }
            $want = ""
            continue
        }
        if $state == "g" {
            if ($w | str starts-with "--") and ($w | str length) > 2 {
                $w = ($w | str substring 1..)
            }
            if ($w | str starts-with "-") {
                let e = ($RTUN_GRAMMAR.options.spell | get -o $w)
                if $e != null and $e.v != "" {
                    $spec = $e.v
                    $want = if $e.v == "@netns" { "netns" } else { "value" }
                }
            } else {
                let o = ($RTUN_GRAMMAR.objects | get -o $w)
                if $o == null or $o < 0 {
                    $state = "x"
                } else {
                    $obj = ($o | into string)
                    let g = ($RTUN_GRAMMAR.getopt | get -o $obj)
                    if $g == null {
                        $state = "o"
                    } else {
                        $state = "G"
                        $table = $g.table
                        $ops = $g.ops
                    }
                }
            }
        } else if $state == "o" {
            let cmds = ($RTUN_GRAMMAR.commands | get -o $obj)
            let t = if $cmds == null { null } else { $cmds.spell | get -o $w }
            if $t == null or $t < 0 {
                $state = "x"
            } else {
                $table = $t
                $state = "k"
            }
        } else if $state == "k" {
            let e = ($RTUN_GRAMMAR.tables | get $table | get spell | get -o $w)
            if $e != null and $e.k == "2" {
                $table = $parent
            } else if $e != null and $e.v != "" {
                $spec = $e.v
                $want = if $e.k == "1" { "kind" } else { "value" }
            }
        } else if $state == "G" and not $ended {
            if $w == "--" {
                $ended = true
            } else if ($w | str starts-with "--") {
                let e = (rtun-getopt $table $w)
                if $e != null {
                    if $e.s != "" { $ops = $e.s }
                    if $e.v != "" and not $e.o and not ($w | str contains "=") {
                        $spec = $e.v
                        $want = "value"
                    }
                }
            } else if ($w | str starts-with "-") and ($w | str length) > 1 {
                let chars = ($w | str substring 1.. | split chars)
                let n = ($chars | length)
                for i in 0..<$n {
                    let e = (rtun-getopt $table $"-($chars | get $i)")
                    if $e == null { break }
                    if $e.s != "" { $ops = $e.s }
                    if $e.v != "" {
                        if $i == $n - 1 and not $e.o {
                            $spec = $e.v
                            $want = "value"
                        }
                        break
                    }
                }
            }
        }
    }
    if $want != "" {
        return (rtun-fill $spec $netns $cur)
    }
    if $state == "g" {
        if ($cur | str starts-with "--") {
            $RTUN_GRAMMAR.options.words | update value {|r| "-" + $r.value }
        } else if ($cur | str starts-with "-") {
            $RTUN_GRAMMAR.options.words
        } else {
            $RTUN_GRAMMAR.object_words
        }
    } else if $state == "o" {
        $RTUN_GRAMMAR.commands | get -o $obj | get -o words | default []
    } else if $state == "k" {
        let t = ($RTUN_GRAMMAR.tables | get $table)
        let pos = if $t.pos == null { [] } else { rtun-fill $t.pos $netns $cur | default [] }
        $t.words | append $pos
    } else if $state == "G" {
        if not $ended and ($cur | str starts-with "--") and ($cur | str contains "=") {
            let e = (rtun-getopt $table $cur)
            if $e == null or $e.v == "" { [] } else { rtun-fill $e.v $netns $cur }
        } else if not $ended and ($cur | str starts-with "-") {
            $RTUN_GRAMMAR.tables | get $table | get words
        } else {
            rtun-fill $ops $netns $cur
        }
    } else {
        []
    }
}
"#;
