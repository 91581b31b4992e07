//! Man pages from the grammar: `rtun(8)` (options and objects) and one
//! `rtun-OBJECT(8)` per listed object — NAME and DESCRIPTION from the
//! object's `help`/`about`, SYNOPSIS from the commands (the same lines as
//! `rtun OBJECT help`), COMMANDS and KEYWORDS from the tables, and the link
//! kinds' keywords where a command hands the line over to a kind.

use std::fmt::Write as _;

use crate::cli::grammar::global::OPTIONS;
use crate::cli::grammar::{Keyword, Object, OBJECTS};
use crate::cli::help::{getopt_label, getopt_usage, hands_over, keyword_blocks, keyword_text, synopsis_lines};
use crate::kinds::KINDS;

use super::model::{getopt_object, GetoptObject};

const SECTION: &str = "8";

/// Text made safe for roff: backslashes, dashes, non-ASCII characters as
/// groff escapes, and no control character at the start of a line.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            '\'' => out.push_str("\\(aq"),
            '"' => out.push_str("\\(dq"),
            '`' => out.push_str("\\(ga"),
            c if c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "\\[u{:04X}]", c as u32);
            }
        }
    }
    if out.starts_with('.') {
        out.insert_str(0, "\\&");
    }
    out
}

/// A sentence: capitalised, ending with a full stop.
fn sentence(text: &str) -> String {
    let t = text.trim();
    let mut chars = t.chars();
    let mut s: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !s.ends_with(['.', '?', '!']) {
        s.push('.');
    }
    s
}

fn header(out: &mut String, title: &str, summary: &str) {
    let _ = writeln!(out, ".\\\" Generated from rtun's grammar tables by `rtun complete man`; do not edit.");
    let _ = writeln!(out, ".TH {} {SECTION} \"\" \"rtun {}\" \"System Administration\"", title.to_uppercase(), env!("CARGO_PKG_VERSION"));
    let _ = writeln!(out, ".SH NAME\n{} \\- {}", esc(title), esc(summary.trim_end_matches('.')));
}

/// A keyword as a tagged paragraph: its names in bold, its placeholder in
/// italics, its help line.
fn keyword_item(out: &mut String, k: &Keyword) {
    let tag = if k.names.is_empty() {
        format!("\\fI{}\\fR", esc(&keyword_text(k)))
    } else {
        let names: Vec<String> = k.names.iter().map(|w| format!("\\fB{}\\fR", esc(w.text))).collect();
        let value = crate::cli::help::value_text(k);
        if value.is_empty() {
            names.join(" | ")
        } else {
            format!("{} \\fI{}\\fR", names.join(" | "), esc(&value))
        }
    };
    let _ = writeln!(out, ".TP\n{tag}\n{}", esc(&sentence(&k.help_line())));
}

/// Objects that merely repeat an earlier one under another name (`tunl`).
fn alias_of(obj: &Object) -> Option<&'static Object> {
    OBJECTS
        .iter()
        .take_while(|o| o.name != obj.name)
        .find(|o| o.listed() && !o.help.is_empty() && o.help == obj.help && o.commands.len() == obj.commands.len())
}

/// The objects that get a page of their own.
pub fn paged_objects() -> impl Iterator<Item = &'static Object> {
    OBJECTS
        .iter()
        .filter(|o| o.listed() && (!o.commands.is_empty() || o.dispatch.is_some()) && alias_of(o).is_none())
}

fn aliases(obj: &Object) -> Vec<&'static str> {
    OBJECTS.iter().filter(|o| alias_of(o).is_some_and(|a| a.name == obj.name)).map(|o| o.name).collect()
}

/// SYNOPSIS and OPTIONS of an object that takes getopt-style options.
fn getopt_sections(s: &mut String, g: &GetoptObject) {
    let _ = writeln!(
        s,
        "\\fBrtun\\fR [ \\fIOPTIONS\\fR ] \\fB{}\\fR [ \\fIOPTION\\fR ... ] [ \\fI{}\\fR ]",
        esc(g.object),
        esc(g.operands_meta)
    );
    let _ = writeln!(s, ".sp\n{}\n.fi", esc(&getopt_usage(&format!("rtun {}", g.object), g.operands_meta)));
}

fn getopt_options(s: &mut String, g: &GetoptObject) {
    let _ = writeln!(s, ".SH \"{} OPTIONS\"", esc(&g.object.to_uppercase()));
    s.push_str("Options follow GNU getopt: one-letter options may be grouped (\\fB\\-wq\\fR), long ones abbreviated to any unambiguous prefix, a value in brackets is taken only when attached (\\fB\\-\\-load=\\fR\\fIFILE\\fR, \\fB\\-p\\fR\\fIFILE\\fR), and \\fB\\-\\-\\fR ends the options.\n");
    for k in g.options {
        let _ = writeln!(s, ".TP\n\\fB{}\\fR\n{}", esc(&getopt_label(k)), esc(&sentence(k.help)));
    }
}

/// `rtun-OBJECT(8)`.
pub fn object_page(obj: &Object) -> String {
    let mut s = String::new();
    header(&mut s, &format!("rtun-{}", obj.name), if obj.help.is_empty() { obj.name } else { obj.help });

    s.push_str(".SH SYNOPSIS\n.nf\n");
    let getopt = getopt_object(obj.name);
    if let Some(g) = getopt {
        getopt_sections(&mut s, g);
    } else if obj.commands.iter().any(|c| !c.names.is_empty()) {
        let _ = writeln!(s, "\\fBrtun\\fR [ \\fIOPTIONS\\fR ] \\fB{}\\fR {{ \\fICOMMAND\\fR | \\fBhelp\\fR }}", esc(obj.name));
    }
    let lines = synopsis_lines("rtun", obj);
    if !lines.is_empty() {
        if obj.commands.iter().any(|c| !c.names.is_empty()) {
            s.push_str(".sp\n");
        }
        for line in &lines {
            let _ = writeln!(s, "{}", esc(line));
        }
    }
    if getopt.is_none() {
        s.push_str(".fi\n");
    }

    s.push_str(".SH DESCRIPTION\n");
    let _ = writeln!(s, "{}", esc(&sentence(obj.help)));
    // A blank line in `about` starts a new paragraph.
    for para in obj.about.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(s, ".PP\n{}", esc(&sentence(para)));
    }
    let others = aliases(obj);
    if !others.is_empty() {
        let _ = writeln!(s, ".PP\n{}", esc(&format!("The object is also called {}.", others.join(", "))));
    }
    if let Some(g) = getopt {
        getopt_options(&mut s, g);
    } else {
        s.push_str(".PP\nCommands and keywords may be abbreviated to any prefix that selects them; where two share a prefix, the one listed first wins.\n");
    }

    if obj.commands.iter().any(|c| !c.names.is_empty()) {
        s.push_str(".SH COMMANDS\n");
        for c in obj.commands.iter().filter(|c| !c.names.is_empty()) {
            let names: Vec<String> = c.names.iter().map(|w| format!("\\fB{}\\fR", esc(w.text))).collect();
            let _ = writeln!(s, ".TP\n{}\n{}", names.join(", "), esc(&sentence(&c.help_line())));
        }
    }

    // One section per keyword table, named by the commands using it; a
    // keyword is described once (`cli::help::keyword_blocks`).
    for block in keyword_blocks(obj) {
        let _ = writeln!(s, ".SH \"{}\"", esc(&block.heading().to_uppercase()));
        for k in &block.keywords {
            keyword_item(&mut s, k);
        }
    }
    if obj.commands.iter().any(|c| hands_over(c.keywords)) {
        s.push_str(".SH \"LINK KINDS\"\nAfter \\fBtype\\fR \\fIKIND\\fR the remaining words are the kind's own keywords.\n");
        for kind in KINDS {
            let _ = writeln!(s, ".SS {}\n{}", esc(kind.name), esc(&sentence(kind.about)));
            if !kind.keywords.is_empty() {
                s.push_str(".RS\n");
                for k in kind.keywords {
                    keyword_item(&mut s, k);
                }
                s.push_str(".RE\n");
            }
        }
    }

    examples(&mut s, &format!("rtun-{}", obj.name));
    s.push_str(".SH \"SEE ALSO\"\n");
    let _ = writeln!(s, ".BR rtun ({SECTION})");
    s
}

/// EXAMPLES, on the pages that print the worked examples.
fn examples(s: &mut String, page: &str) {
    if !super::examples::PAGES.contains(&page) {
        return;
    }
    s.push_str(".SH EXAMPLES\n");
    for ex in super::examples::EXAMPLES {
        let _ = writeln!(s, ".SS \"{}\"\n{}", esc(ex.title), esc(ex.about));
        for (caption, _, text) in ex.steps {
            let _ = writeln!(s, ".PP\n{}:\n.PP\n.RS 4\n.nf", esc(caption));
            for line in text.lines() {
                let _ = writeln!(s, "{}", esc(line));
            }
            s.push_str(".fi\n.RE\n");
        }
    }
    let t = &super::examples::CHECK;
    if t.page == page {
        let _ = writeln!(s, ".SS \"{}\"\n{}\n.PP\n.RS 4\n.nf", esc(t.title), esc(t.about));
        for line in t.text.lines() {
            let _ = writeln!(s, "{}", esc(line));
        }
        s.push_str(".fi\n.RE\n");
    }
}

/// `rtun(8)`: global options and the objects.
pub fn main_page() -> String {
    let mut s = String::new();
    header(&mut s, "rtun", "network devices, addresses, routes and tunnels over netlink");
    s.push_str(".SH SYNOPSIS\n.nf\n");
    s.push_str("\\fBrtun\\fR [ \\fIOPTIONS\\fR ] \\fIOBJECT\\fR { \\fICOMMAND\\fR | \\fBhelp\\fR }\n");
    s.push_str("\\fBrtun\\fR [ \\fB\\-force\\fR ] \\fB\\-batch\\fR \\fIFILE\\fR\n.fi\n");
    s.push_str(".SH DESCRIPTION\n");
    let _ = writeln!(s, "{}", esc(super::ABOUT));
    s.push_str("It takes the command lines of iproute2's \\fBip\\fR and answers them in the same way, in text or, with \\fB\\-json\\fR, in JSON; called as \\fBip\\fR it names itself so in messages.\n");
    s.push_str(".PP\nOptions, objects, commands and keywords may be abbreviated to any prefix that selects them; where two share a prefix, the one listed first wins. An option may also be written with two dashes.\n");
    s.push_str(".SH OPTIONS\n");
    for o in OPTIONS {
        let names: Vec<String> = o.names.iter().map(|w| format!("\\fB{}\\fR", esc(w.text))).collect();
        let arg = if o.meta.is_empty() { String::new() } else { format!(" \\fI{}\\fR", esc(o.meta)) };
        let _ = writeln!(s, ".TP\n{}{arg}\n{}", names.join(", "), esc(&sentence(o.help)));
    }
    s.push_str(".SH OBJECTS\n");
    for o in OBJECTS.iter().filter(|o| o.listed() && !o.help.is_empty()) {
        let page = paged_objects().any(|p| p.name == o.name);
        let more = match alias_of(o) {
            Some(a) => format!(" The same as {}.", a.name),
            None if page => format!(" See rtun\\-{}({SECTION}).", esc(o.name)),
            None => String::new(),
        };
        let _ = writeln!(s, ".TP\n\\fB{}\\fR\n{}{more}", esc(o.name), esc(&sentence(o.help)));
    }
    examples(&mut s, "rtun");
    s.push_str(".SH \"EXIT STATUS\"\n0 on success, 1 when a command fails, 2 when the kernel refuses a request, 255 on a usage error.\n");
    s.push_str(".SH \"SEE ALSO\"\n");
    let pages: Vec<String> = paged_objects().map(|o| format!(".BR rtun\\-{} ({SECTION})", esc(o.name))).collect();
    let _ = writeln!(s, "{}", pages.join(" ,\n"));
    s
}

/// Every page as (file name, text).
pub fn all_pages() -> Vec<(String, String)> {
    let mut pages = vec![(format!("rtun.{SECTION}"), main_page())];
    pages.extend(paged_objects().map(|o| (format!("rtun-{}.{SECTION}", o.name), object_page(o))));
    pages
}

/// `rtun complete man [OBJECT]`: one page (None: no such paged object).
pub fn page_for(object: Option<&str>) -> Option<String> {
    match object {
        None => Some(main_page()),
        Some(name) => paged_objects().find(|o| o.name == name).map(object_page),
    }
}
