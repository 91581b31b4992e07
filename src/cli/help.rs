//! `rtun OBJECT help` and the usage lines, written from the grammar tables
//! (so a keyword added to a table shows up here, in completions and in the
//! man page at once). The words are rtun's own.

use super::grammar::{Command, Keyword, Object, Value};

/// How a keyword's value is shown: its placeholder, or the choices.
pub fn value_text(k: &Keyword) -> String {
    match k.value {
        Value::Flag => String::new(),
        Value::Choice(words) if k.meta.is_empty() => format!("{{ {} }}", words.join(" | ")),
        Value::OnOff if k.meta.is_empty() => "{ on | off }".into(),
        _ => k.meta.to_string(),
    }
}

/// `name VALUE` for one keyword (its first name).
pub fn keyword_text(k: &Keyword) -> String {
    let name = k.names.first().map_or("", |w| w.text);
    let value = value_text(k);
    match (name.is_empty(), value.is_empty()) {
        (true, _) => value,
        (false, true) => name.to_string(),
        (false, false) => format!("{name} {value}"),
    }
}

fn command_block(prog: &str, obj: &Object, cmd: &Command, out: &mut String) {
    let name = cmd.names.first().map_or("", |w| w.text);
    let synopsis = if cmd.synopsis.is_empty() { name } else { cmd.synopsis };
    out.push_str(&format!("  {prog} {} {synopsis}\n", obj.name));
    if !cmd.help.is_empty() {
        out.push_str(&format!("      {}\n", cmd.help));
    }
    for k in cmd.keywords.iter().filter(|k| !k.help.is_empty()) {
        out.push_str(&format!("        {:<28} {}\n", keyword_text(k), k.help));
    }
}

/// The full help of an object.
pub fn object_help(prog: &str, obj: &Object) -> String {
    let mut out = format!("Usage: {prog} [ OPTIONS ] {} {{ COMMAND | help }}\n", obj.name);
    if !obj.help.is_empty() {
        out.push_str(&format!("{}\n", obj.help));
    }
    out.push_str("Commands (any unique prefix):\n");
    for cmd in obj.commands {
        command_block(prog, obj, cmd, &mut out);
    }
    out.truncate(out.trim_end().len());
    out
}
