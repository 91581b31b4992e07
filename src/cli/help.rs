//! Every help and usage text rtun prints, written from the grammar tables
//! (so a keyword added to a table shows up here, in completions and in the
//! man page at once). The words are rtun's own; the program is named as it
//! was called (`rtun` or `ip`).
//!
//! One layout for every object:
//! - the full help (`PROG OBJECT help`): the synopsis lines, the object's
//!   line, its commands, then the keywords of each keyword table once,
//!   under a heading naming the commands that take them;
//! - the help of one command (`PROG OBJECT COMMAND help`): its synopsis,
//!   its line, its keywords;
//! - after a usage error, only the synopsis of what was typed (the command
//!   and its keyword names, or the object's synopsis lines) and a last line
//!   naming `PROG OBJECT help`.
//!
//! The global usage, a link kind's options and a getopt object's `--help`
//! (sysctl) are laid out the same way.

use super::grammar::global::OPTIONS;
use super::grammar::{offered, Command, Keyword, Object, Value, OBJECTS};
use crate::error::{HelpRequest, Topic};
use crate::kinds::{Kind, KINDS};

/// Where the help text of a keyword or command starts.
const COLUMN: usize = 28;
/// Lines of word lists are wrapped before this width.
const WIDTH: usize = 80;

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
    join_words(name, &value_text(k))
}

/// Every name of a keyword (`metric|priority|preference`), or its
/// placeholder when it has none (a positional word).
fn keyword_names(k: &Keyword) -> String {
    if k.names.is_empty() {
        return k.meta.to_string();
    }
    k.names.iter().map(|w| w.text).collect::<Vec<_>>().join("|")
}

/// `name|other VALUE`: a keyword as the help lists it.
pub fn keyword_label(k: &Keyword) -> String {
    if k.names.is_empty() {
        return value_text(k);
    }
    join_words(&keyword_names(k), &value_text(k))
}

fn join_words(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (false, true) => a.to_string(),
        (false, false) => format!("{a} {b}"),
    }
}

/// One line of a list: `label` in a column, then its help (on a line of
/// its own when the label is too wide).
fn item(out: &mut String, label: &str, help: &str) {
    let width = COLUMN - 2;
    if help.is_empty() {
        out.push_str(&format!("  {label}\n"));
    } else if label.chars().count() < width {
        out.push_str(&format!("  {label:<width$} {help}\n"));
    } else {
        out.push_str(&format!("  {label}\n  {:<width$} {help}\n", ""));
    }
}

/// `lead` and the words, wrapped before WIDTH; later lines indented under
/// the first word.
fn wrapped(lead: &str, words: &[String]) -> String {
    let indent = " ".repeat(lead.chars().count() + 1);
    let mut out = String::new();
    let mut line = format!("{lead} ");
    let mut fresh = true;
    for w in words {
        if !fresh && line.chars().count() + 1 + w.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.clone();
            fresh = true;
        }
        if !fresh {
            line.push(' ');
        }
        line.push_str(w);
        fresh = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// The command's name as its synopsis writes it, and the rest.
fn split_synopsis(cmd: &Command) -> (&'static str, &'static str) {
    let first = cmd.synopsis.split_whitespace().next().unwrap_or("");
    if cmd.names.iter().any(|w| w.text == first) {
        (first, cmd.synopsis[first.len()..].trim_start())
    } else {
        (cmd.names.first().map_or("", |w| w.text), cmd.synopsis)
    }
}

/// The synopsis of a command after `PROG OBJECT`: its `synopsis`, led by
/// the command's name when the text does not start with one of its names
/// (`address add` writes only the arguments). None when it has none.
pub fn command_synopsis(cmd: &Command) -> Option<String> {
    if cmd.synopsis.is_empty() {
        return None;
    }
    let (name, rest) = split_synopsis(cmd);
    Some(join_words(name, rest))
}

/// `PROG OBJECT SYNOPSIS`: the lines of `PROG OBJECT help` and of the man
/// page's SYNOPSIS. Commands that take the same arguments share a line
/// (`rtun route { add | change | … } ROUTE`).
pub fn synopsis_lines(prog: &str, obj: &Object) -> Vec<String> {
    let mut groups: Vec<(Vec<&str>, &str)> = Vec::new();
    for cmd in obj.commands.iter().filter(|c| !c.synopsis.is_empty() && offered(prog, obj, c)) {
        let (name, rest) = split_synopsis(cmd);
        match groups.iter_mut().find(|(_, r)| !rest.is_empty() && *r == rest) {
            Some((names, _)) => names.push(name),
            None => groups.push((vec![name], rest)),
        }
    }
    groups
        .into_iter()
        .map(|(names, rest)| {
            let names = if names.len() == 1 { names[0].to_string() } else { format!("{{ {} }}", names.join(" | ")) };
            format!("{prog} {} {}", obj.name, join_words(&names, rest))
        })
        .collect()
}

/// One keyword table of an object, as the full help and the man page show
/// it: the commands that take it, the keywords not shown before, and what
/// it shares with tables shown before.
pub struct KeywordBlock {
    /// The first names of the commands that take the table.
    pub users: Vec<&'static str>,
    /// Its keywords that no earlier block showed.
    pub keywords: Vec<&'static Keyword>,
    /// Earlier blocks all of whose keywords this table takes too (their users).
    pub also_blocks: Vec<String>,
    /// Other keywords it shares with earlier blocks (their names).
    pub also_keywords: Vec<String>,
}

/// A keyword's identity across tables that copy it (`link`'s
/// DEVICE_KEYWORDS extends MODIFY_KEYWORDS).
fn same_keyword(a: &Keyword, b: &Keyword) -> bool {
    keyword_label(a) == keyword_label(b) && a.help == b.help
}

/// The keyword tables of an object, each once, in command order.
pub fn keyword_blocks(obj: &Object) -> Vec<KeywordBlock> {
    keyword_blocks_for("rtun", obj)
}

/// `keyword_blocks` of the commands `prog` has.
fn keyword_blocks_for(prog: &str, obj: &Object) -> Vec<KeywordBlock> {
    let mut blocks: Vec<(KeywordBlock, &'static [Keyword])> = Vec::new();
    let mut tables: Vec<*const Keyword> = Vec::new();
    for c in obj.commands.iter().filter(|c| !c.keywords.is_empty() && offered(prog, obj, c)) {
        let key = c.keywords.as_ptr();
        if tables.contains(&key) {
            continue;
        }
        tables.push(key);
        let users: Vec<&str> = obj
            .commands
            .iter()
            .filter(|o| std::ptr::eq(o.keywords.as_ptr(), key) && offered(prog, obj, o))
            .filter_map(|o| o.names.first().map(|w| w.text))
            .collect();
        let takes = |k: &Keyword| c.keywords.iter().any(|t| same_keyword(t, k));
        let also: Vec<&(KeywordBlock, &[Keyword])> = blocks.iter().filter(|(_, t)| t.iter().all(|k| takes(k))).collect();
        let also_blocks = also.iter().map(|(b, _)| b.users.join(", ")).collect();
        let covered = |k: &Keyword| also.iter().any(|(_, t)| t.iter().any(|o| same_keyword(o, k)));
        let shown = |k: &Keyword| blocks.iter().any(|(b, _)| b.keywords.iter().any(|o| same_keyword(o, k)));
        let mut keywords = Vec::new();
        let mut also_keywords = Vec::new();
        for k in c.keywords {
            if !shown(k) {
                keywords.push(k);
            } else if !covered(k) {
                also_keywords.push(keyword_names(k));
            }
        }
        blocks.push((KeywordBlock { users, keywords, also_blocks, also_keywords }, c.keywords));
    }
    blocks.into_iter().map(|(b, _)| b).collect()
}

impl KeywordBlock {
    /// `Keywords of set, change, delete (also those of add, replace):`
    pub fn heading(&self) -> String {
        let mut also: Vec<String> = self.also_blocks.iter().map(|u| format!("those of {u}")).collect();
        if !self.also_keywords.is_empty() {
            also.push(self.also_keywords.join(", "));
        }
        let also = if also.is_empty() { String::new() } else { format!(" (also {})", also.join("; ")) };
        let users = self.users.join(", ");
        // A nameless command (`monitor`): the object's own keywords.
        if users.is_empty() {
            return format!("Keywords (any unique prefix){also}");
        }
        format!("Keywords of {users}{also}")
    }
}

/// Whether a table hands the rest of the line to a link kind (`type TYPE [ARGS]`).
pub fn hands_over(keywords: &[Keyword]) -> bool {
    keywords.iter().any(|k| k.value == Value::LinkKind && k.meta.contains("ARGS"))
}

fn kinds_section(prog: &str, out: &mut String) {
    let names: Vec<String> = KINDS.iter().map(|k| k.name.to_string()).collect();
    out.push('\n');
    out.push_str(&wrapped("Kinds after type:", &names));
    out.push_str(&format!("\"{prog} link help KIND\" lists a kind's own keywords.\n"));
}

/// `Usage: LINE` and the further lines under it.
fn usage_lines(lines: &[String]) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(if i == 0 { "Usage: " } else { "       " });
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn object_usage(prog: &str, obj: &Object) -> String {
    let mut lines = synopsis_lines(prog, obj);
    if lines.is_empty() {
        lines.push(format!("{prog} [ OPTIONS ] {} {{ COMMAND | help }}", obj.name));
    }
    usage_lines(&lines)
}

fn command_line(prog: &str, obj: &Object, cmd: &Command) -> String {
    let synopsis = command_synopsis(cmd).unwrap_or_else(|| cmd.names.first().map_or("", |w| w.text).to_string());
    format!("{prog} {} {synopsis}", obj.name)
}

fn pointer(prog: &str, what: &str, why: &str) -> String {
    format!("Run \"{prog} {what}\" for {why}.\n")
}

/// The full help of an object (`PROG OBJECT help`).
pub fn object_help(prog: &str, obj: &Object) -> String {
    let mut out = object_usage(prog, obj);
    if !obj.help.is_empty() {
        out.push_str(obj.help);
        out.push('\n');
    }
    if obj.commands.iter().any(|c| !c.names.is_empty()) {
        out.push_str("\nCommands (any unique prefix):\n");
        for c in obj.commands.iter().filter(|c| offered(prog, obj, c) && !c.names.is_empty()) {
            let names: Vec<&str> = c.names.iter().map(|w| w.text).collect();
            item(&mut out, &names.join(", "), &c.help_line());
        }
    }
    for block in keyword_blocks_for(prog, obj) {
        keyword_section(&mut out, &block.heading(), block.keywords.iter().copied());
    }
    if obj.commands.iter().any(|c| hands_over(c.keywords)) {
        kinds_section(prog, &mut out);
    }
    out
}

/// `heading:` and a line for each keyword (nothing when there are none).
fn keyword_section<'k>(out: &mut String, heading: &str, keywords: impl IntoIterator<Item = &'k Keyword>) {
    let mut keywords = keywords.into_iter().peekable();
    if keywords.peek().is_some() {
        out.push_str(&format!("\n{heading}:\n"));
    }
    for k in keywords {
        item(out, &keyword_label(k), &k.help_line());
    }
}

/// `Usage: LINE`, what it does, and its keywords under `heading`.
fn usage_about_keywords(line: String, about: &str, heading: &str, keywords: &[Keyword]) -> String {
    let mut out = usage_lines(&[line]);
    if !about.is_empty() {
        out.push_str(about);
        out.push('\n');
    }
    keyword_section(&mut out, heading, keywords);
    out
}

/// The help of one command (`PROG OBJECT COMMAND help`).
pub fn command_help(prog: &str, obj: &Object, cmd: &Command) -> String {
    let mut out = usage_about_keywords(command_line(prog, obj, cmd), &cmd.help_line(), "Keywords", cmd.keywords);
    if hands_over(cmd.keywords) {
        kinds_section(prog, &mut out);
    }
    out
}

fn global_usage(prog: &str) -> String {
    let objects: Vec<String> = OBJECTS.iter().filter(|o| o.listed()).map(|o| o.name.to_string()).collect();
    let mut out = usage_lines(&[format!("{prog} [ OPTIONS ] OBJECT {{ COMMAND | help }}"), format!("{prog} [ -force ] -batch FILE")]);
    out.push_str(&wrapped("OBJECT is one of:", &objects));
    out
}

/// The global usage and options (`PROG help`, `PROG -help`).
pub fn global_help(prog: &str) -> String {
    let mut out = global_usage(prog);
    out.push_str(&format!("\"{prog} OBJECT help\" shows an object's commands and keywords.\n"));
    out.push_str("\nOptions (any unique prefix; --name works too):\n");
    for o in OPTIONS {
        let names: Vec<&str> = o.names.iter().map(|w| w.text).collect();
        item(&mut out, &join_words(&names.join(", "), o.meta), o.help);
    }
    out
}

/// `link add NAME type KIND [ OPTION ... ]` (ports: `link set DEV type …`).
fn kind_line(prog: &str, kind: &Kind) -> String {
    let target = if kind.name.ends_with("_slave") { "set DEV" } else { "add NAME" };
    format!("{prog} link {target} type {} [ OPTION ... ]", kind.name)
}

/// A link kind's options (`PROG link help KIND`).
pub fn kind_help(prog: &str, kind: &Kind) -> String {
    usage_about_keywords(kind_line(prog, kind), kind.about, "Options", kind.keywords)
}

/// A link kind's synopsis after a usage error in its options.
pub fn kind_synopsis(prog: &str, kind: &Kind) -> String {
    let mut out = usage_lines(&[kind_line(prog, kind)]);
    let names: Vec<String> = kind.keywords.iter().map(keyword_names).collect();
    if !names.is_empty() {
        out.push_str(&wrapped("OPTION:", &names));
    }
    out.push_str(&pointer(prog, &format!("link help {}", kind.name), "what each option means"));
    out
}

/// The synopsis printed after a usage error: of the command typed, else
/// of the object, else the global one; its last line names the full help.
pub fn synopsis(prog: &str, obj: Option<&Object>, cmd: Option<&Command>) -> String {
    let Some(obj) = obj else {
        let mut out = global_usage(prog);
        out.push_str(&pointer(prog, "help", "the options"));
        return out;
    };
    let mut out = match cmd {
        Some(cmd) => {
            let mut out = usage_lines(&[command_line(prog, obj, cmd)]);
            let names: Vec<String> = cmd.keywords.iter().filter(|k| !k.names.is_empty()).map(keyword_names).collect();
            if !names.is_empty() {
                out.push_str(&wrapped("Keywords:", &names));
            }
            out
        }
        None => object_usage(prog, obj),
    };
    out.push_str(&pointer(prog, &format!("{} help", obj.name), "every command and what each keyword means"));
    out
}

/// The text of a help request made while running `obj` (`cmd`): the help
/// asked for, or the synopsis after a usage error, led by its message.
pub fn render(prog: &str, obj: Option<&Object>, cmd: Option<&Command>, req: &HelpRequest) -> String {
    // `PROG help` is the global help; `PROG OBJECT help` the object's.
    let obj = obj.filter(|o| o.name != "help");
    let cmd = cmd.filter(|c| !c.names.iter().any(|w| w.text == "help"));
    let text = match req.topic {
        Topic::Kind(name) => match crate::kinds::find(name) {
            Some(kind) if req.asked => kind_help(prog, kind),
            Some(kind) => kind_synopsis(prog, kind),
            None => synopsis(prog, obj, cmd),
        },
        Topic::Global if req.asked => global_help(prog),
        Topic::Global => synopsis(prog, None, None),
        Topic::Current if req.asked => match (obj, cmd) {
            (Some(o), Some(c)) => command_help(prog, o, c),
            (Some(o), None) => object_help(prog, o),
            (None, _) => global_help(prog),
        },
        Topic::Current => synopsis(prog, obj, cmd),
    };
    match &req.lead {
        Some(lead) => format!("{lead}\n{text}"),
        None => text,
    }
}

/// A getopt option's label, as `--help` shows it: its names, then
/// `[=META]` for a value taken only attached or ` META` for a required one
/// (`-p, -f, --load[=FILE]`, `-r, --pattern REGEX`).
pub fn getopt_label(k: &Keyword) -> String {
    let names: Vec<&str> = k.names.iter().map(|w| w.text).collect();
    let mut label = names.join(", ");
    if crate::gen::model::optional_value(k) {
        label.push_str(&format!("[={}", k.meta.trim_start_matches('[')));
    } else if k.value != Value::Flag {
        label.push_str(&format!(" {}", k.meta));
    }
    label
}

/// The usage line of a getopt object (`rtun sysctl [OPTIONS] [VARIABLE…]`).
pub fn getopt_usage(command: &str, operands: &str) -> String {
    format!("{command} [OPTIONS] [{operands}]")
}

/// A getopt object's `--help`: usage line, `about`, its options.
pub fn getopt_help(command: &str, operands: &str, about: &str, options: &[Keyword]) -> String {
    let mut out = format!("\n{}{about}\nOptions:\n", usage_lines(&[getopt_usage(command, operands)]));
    for k in options {
        item(&mut out, &getopt_label(k), k.help);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::grammar::find_object;

    #[test]
    fn commands_with_the_same_arguments_share_a_synopsis_line() {
        let route = find_object("route").expect("route");
        let lines = synopsis_lines("rtun", route);
        assert_eq!(lines[0], "rtun route { add | change | replace | prepend | append | test | delete } ROUTE");
        assert!(lines.contains(&"rtun route { show | save } [SELECTOR]".to_string()), "{lines:?}");
        assert!(lines.contains(&"rtun route restore".to_string()), "commands without arguments keep their own line: {lines:?}");
    }

    #[test]
    fn link_set_shows_only_what_add_does_not() {
        let link = find_object("link").expect("link");
        let blocks = keyword_blocks(link);
        let set = blocks.iter().find(|b| b.users.contains(&"set")).expect("a block for set");
        assert_eq!(set.keywords.len(), 1, "only the positional DEV is new");
        assert_eq!(set.also_blocks, ["add, replace"]);
        assert_eq!(set.heading(), "Keywords of set, change, delete (also those of add, replace)");
    }

    #[test]
    fn wrapping_keeps_lines_short() {
        let words: Vec<String> = (0..40).map(|i| format!("word{i}")).collect();
        let text = wrapped("Keywords:", &words);
        assert!(text.lines().all(|l| l.chars().count() <= WIDTH), "{text}");
        assert!(text.lines().skip(1).all(|l| l.starts_with("          ")), "{text}");
    }
}
