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

/// The synopsis of a command after `PROG OBJECT`: its `synopsis`, led by
/// the command's name when the text does not start with one of its names
/// (`address add` writes only the arguments). None when it has none.
pub fn command_synopsis(cmd: &Command) -> Option<String> {
    if cmd.synopsis.is_empty() {
        return None;
    }
    let first = cmd.synopsis.split_whitespace().next().unwrap_or("");
    if cmd.names.iter().any(|w| w.text == first) {
        return Some(cmd.synopsis.to_string());
    }
    let name = cmd.names.first().map_or("", |w| w.text);
    Some(format!("{name} {}", cmd.synopsis))
}

/// `PROG OBJECT SYNOPSIS`, one line per command that has a synopsis: the
/// lines of `rtun OBJECT help` and of the man page's SYNOPSIS.
pub fn synopsis_lines(prog: &str, obj: &Object) -> Vec<String> {
    obj.commands.iter().filter_map(command_synopsis).map(|s| format!("{prog} {} {s}", obj.name)).collect()
}

fn command_block(prog: &str, obj: &Object, cmd: &Command, out: &mut String) {
    let name = cmd.names.first().map_or("", |w| w.text);
    let synopsis = command_synopsis(cmd).unwrap_or_else(|| name.to_string());
    out.push_str(&format!("  {prog} {} {synopsis}\n", obj.name));
    let help = cmd.help_line();
    if !help.is_empty() {
        out.push_str(&format!("      {help}\n"));
    }
    for k in cmd.keywords.iter().filter(|k| !k.help.is_empty()) {
        out.push_str(&format!("        {:<28} {}\n", keyword_text(k), k.help_line()));
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
