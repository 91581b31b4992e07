//! The grammar tables flattened into what every completion script needs:
//! global options, objects, commands, and numbered keyword tables (one per
//! distinct `&[Keyword]`, so a table shared by five commands is written
//! once), plus one table per link kind. Each shell generator renders this
//! model; none of them looks at object names.

use crate::cli::grammar::global::{Opt, OPTIONS};
use crate::cli::grammar::{Keyword, Value, Word, OBJECTS};
use crate::kinds::KINDS;

/// Names rtun prints at run time (`rtun complete NAME`), because they come
/// from the kernel or from /etc/iproute2 on the machine where it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Live {
    Ifnames,
    Netns,
    Tables,
    Protocols,
    Scopes,
}

impl Live {
    pub const ALL: &'static [Live] = &[Live::Ifnames, Live::Netns, Live::Tables, Live::Protocols, Live::Scopes];

    /// The word after `rtun complete`.
    pub fn word(self) -> &'static str {
        match self {
            Live::Ifnames => "ifnames",
            Live::Netns => "netns",
            Live::Tables => "tables",
            Live::Protocols => "protocols",
            Live::Scopes => "scopes",
        }
    }
}

/// How the word after a keyword is completed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fill {
    /// A value nobody can guess (a number, an address, a new name).
    Nothing,
    /// One of these words.
    Words(Vec<&'static str>),
    /// Names rtun lists at run time.
    Live(Live),
    /// A file name.
    Files,
}

impl Fill {
    /// The fill for a keyword's value; None for a flag (no value follows).
    pub fn of(value: Value) -> Option<Fill> {
        Some(match value {
            Value::Flag => return None,
            Value::Ifname => Fill::Live(Live::Ifnames),
            Value::Netns => Fill::Live(Live::Netns),
            Value::Table => Fill::Live(Live::Tables),
            Value::Protocol => Fill::Live(Live::Protocols),
            Value::Scope => Fill::Live(Live::Scopes),
            Value::Choice(words) => Fill::Words(words.to_vec()),
            Value::OnOff => Fill::Words(vec!["on", "off"]),
            Value::LinkKind => Fill::Words(KINDS.iter().map(|k| k.name).collect()),
            Value::File => Fill::Files,
            Value::Name | Value::Number | Value::Prefix | Value::Address | Value::Lladdr | Value::Text => Fill::Nothing,
        })
    }

    /// A one-line spec shared by the sh, fish and Nushell engines:
    /// `-` nothing, `@NAME` live names or `@files`, `=w1 w2` fixed words.
    pub fn spec(&self) -> String {
        match self {
            Fill::Nothing => "-".into(),
            Fill::Words(w) => format!("={}", w.join(" ")),
            Fill::Live(l) => format!("@{}", l.word()),
            Fill::Files => "@files".into(),
        }
    }
}

/// One keyword (or global option) as completion sees it.
#[derive(Clone, Debug)]
pub struct Entry {
    pub names: Vec<Word>,
    /// None: a flag.
    pub fill: Option<Fill>,
    /// After its value, the rest of the line belongs to that link kind
    /// (`link add … type veth peer …`).
    pub to_kind: bool,
    pub help: &'static str,
}

/// The keywords of one table, in the parser's order (first match wins),
/// and what a word that is no keyword may be (`link set DEV`).
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub entries: Vec<Entry>,
    pub positional: Option<Fill>,
}

#[derive(Clone, Debug)]
pub struct Cmd {
    pub names: &'static [Word],
    /// Index into `Model::tables`; None: nothing follows.
    pub table: Option<usize>,
    pub help: &'static str,
}

#[derive(Clone, Debug)]
pub struct Obj {
    pub name: &'static str,
    /// Offered as a candidate (supported and not hidden). Every object
    /// still takes part in prefix resolution, as in `ip`.
    pub listed: bool,
    pub commands: Vec<Cmd>,
    pub help: &'static str,
}

#[derive(Clone, Debug)]
pub struct Model {
    pub options: Table,
    pub objects: Vec<Obj>,
    pub tables: Vec<Table>,
    /// Link kind name → its table.
    pub kinds: Vec<(&'static str, usize)>,
}

/// A keyword's `to_kind`: a `type` whose placeholder announces the kind's
/// own arguments (`TYPE [ARGS]`), as opposed to a `type KIND` filter.
fn hands_over_to_kind(k: &Keyword) -> bool {
    k.value == Value::LinkKind && k.meta.contains("ARGS")
}

fn table_of(keywords: &[Keyword]) -> Table {
    let mut t = Table::default();
    for k in keywords {
        if k.names.is_empty() {
            if t.positional.is_none() {
                t.positional = Fill::of(k.value);
            }
            continue;
        }
        t.entries.push(Entry { names: k.names.to_vec(), fill: Fill::of(k.value), to_kind: hands_over_to_kind(k), help: k.help });
    }
    t
}

fn options_table() -> Table {
    let entries = OPTIONS
        .iter()
        .map(|o| Entry {
            names: o.names.to_vec(),
            // `-color` takes its value after `=`, never as the next word.
            fill: if o.opt == Opt::Color { None } else { Fill::of(o.value) },
            to_kind: false,
            help: o.help,
        })
        .collect();
    Table { entries, positional: None }
}

impl Model {
    pub fn build() -> Model {
        let mut seen: Vec<*const Keyword> = Vec::new();
        let mut tables = Vec::new();
        let mut index_of = |keywords: &'static [Keyword], tables: &mut Vec<Table>| -> Option<usize> {
            if keywords.is_empty() {
                return None;
            }
            let key = keywords.as_ptr();
            if let Some(i) = seen.iter().position(|p| *p == key) {
                return Some(i);
            }
            seen.push(key);
            tables.push(table_of(keywords));
            Some(tables.len() - 1)
        };
        let objects = OBJECTS
            .iter()
            .map(|o| Obj {
                name: o.name,
                listed: o.listed(),
                commands: o
                    .commands
                    .iter()
                    .map(|c| Cmd { names: c.names, table: index_of(c.keywords, &mut tables), help: c.help })
                    .collect(),
                help: o.help,
            })
            .collect();
        let kinds = KINDS
            .iter()
            .map(|k| {
                let t = index_of(k.keywords, &mut tables).unwrap_or_else(|| {
                    tables.push(Table::default());
                    tables.len() - 1
                });
                (k.name, t)
            })
            .collect();
        Model { options: options_table(), objects, tables, kinds }
    }
}

/// Every word `word` may be typed as: all its prefixes, or only itself.
pub fn spellings(w: &Word) -> Vec<&'static str> {
    if w.exact {
        return vec![w.text];
    }
    w.text.char_indices().skip(1).map(|(i, _)| &w.text[..i]).chain([w.text]).collect()
}

/// The names offered as candidates for a table's keywords.
pub fn candidate_names(t: &Table) -> Vec<&'static str> {
    t.entries.iter().flat_map(|e| e.names.iter().map(|w| w.text)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::grammar::{p, x};

    #[test]
    fn spellings_are_prefixes_unless_exact() {
        assert_eq!(spellings(&p("add")), vec!["a", "ad", "add"]);
        assert_eq!(spellings(&x("dev")), vec!["dev"]);
    }

    #[test]
    fn shared_tables_are_written_once() {
        let m = Model::build();
        let link = m.objects.iter().find(|o| o.name == "link").unwrap();
        let set = link.commands.iter().find(|c| c.names[0].text == "set").unwrap();
        let change = link.commands.iter().find(|c| c.names[0].text == "change").unwrap();
        assert!(set.table.is_some());
        assert_eq!(set.table, change.table);
    }

    #[test]
    fn link_type_hands_over_to_the_kind_but_show_filter_does_not() {
        let m = Model::build();
        let link = m.objects.iter().find(|o| o.name == "link").unwrap();
        let table = |name: &str| &m.tables[link.commands.iter().find(|c| c.names[0].text == name).unwrap().table.unwrap()];
        let ty = |t: &Table| t.entries.iter().find(|e| e.names[0].text == "type").map(|e| e.to_kind);
        assert_eq!(ty(table("add")), Some(true));
        assert_eq!(ty(table("show")), Some(false));
        assert!(m.kinds.iter().any(|(k, _)| *k == "vxlan"));
    }

    #[test]
    fn hidden_objects_are_not_listed() {
        let m = Model::build();
        assert!(m.objects.iter().any(|o| o.name == "complete" && !o.listed));
        assert!(m.objects.iter().any(|o| o.name == "route" && o.listed));
        assert!(m.objects.iter().any(|o| o.name == "rule" && !o.listed));
    }
}
