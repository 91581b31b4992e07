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
    /// Tables, and what `route show table` takes besides (`all`, `cache`).
    TableFilters,
    Protocols,
    Scopes,
    /// Names under /proc/sys as dotted keys, one level below the word
    /// being completed (`net.` → `net.core.`, `net.ipv4.`, …).
    SysctlKeys,
}

impl Live {
    pub const ALL: &'static [Live] =
        &[Live::Ifnames, Live::Netns, Live::Tables, Live::TableFilters, Live::Protocols, Live::Scopes, Live::SysctlKeys];

    /// The word after `rtun complete`.
    pub fn word(self) -> &'static str {
        match self {
            Live::Ifnames => "ifnames",
            Live::Netns => "netns",
            Live::Tables => "tables",
            Live::TableFilters => "table-filters",
            Live::Protocols => "protocols",
            Live::Scopes => "scopes",
            Live::SysctlKeys => "sysctl-keys",
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
            Value::TableFilter => Fill::Live(Live::TableFilters),
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

/// Which table the words after a keyword (and its value) belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Then {
    /// The same table.
    #[default]
    Stay,
    /// The table of the link kind named by its value (`type veth`).
    Kind,
    /// The table that handed the line over to the kind: the kind's keyword
    /// takes the options of that command again (`… type veth peer …`).
    Parent,
}

impl Then {
    /// The code the engines use: '' stay, 1 kind, 2 parent.
    pub fn code(self) -> &'static str {
        match self {
            Then::Stay => "",
            Then::Kind => "1",
            Then::Parent => "2",
        }
    }
}

/// One keyword (or global option) as completion sees it.
#[derive(Clone, Debug)]
pub struct Entry {
    pub names: Vec<Word>,
    /// None: a flag.
    pub fill: Option<Fill>,
    pub then: Then,
    /// getopt options: the value is optional and only taken when attached
    /// (`--persist=FILE`, `-pFILE`), never from the next word.
    pub optional: bool,
    /// getopt options: after this option the operands are these instead
    /// (`sysctl -p` takes file names).
    pub operands: Option<Fill>,
    pub help: &'static str,
    /// Offered as a candidate: false for a keyword rtun refuses ("not
    /// supported by rtun"), which still takes part in resolving words.
    pub listed: bool,
}

/// The keywords of one table, in the parser's order (first match wins),
/// and what a word that is no keyword may be (`link set DEV`).
/// For a getopt table (`Obj::getopt`), `positional` is what an operand is.
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
    /// Offered as a candidate (false: a command rtun refuses).
    pub listed: bool,
}

#[derive(Clone, Debug)]
pub struct Obj {
    pub name: &'static str,
    /// Offered as a candidate (supported and not hidden). Every object
    /// still takes part in prefix resolution, as in `ip`.
    pub listed: bool,
    pub commands: Vec<Cmd>,
    /// Index into `Model::tables` of its getopt-style options, for an
    /// object that takes options and operands instead of commands.
    pub getopt: Option<usize>,
    pub help: &'static str,
}

/// An object whose arguments are getopt-style options and operands (GNU
/// `getopt_long`: `-x` letters that may be clustered, `--long[=VALUE]`
/// names that may be abbreviated, `--` ending the options), not commands
/// and keywords. Its option table is a `&[Keyword]` with `-x`/`--long`
/// names; a `meta` in brackets (`[FILE]`) marks a value taken only when
/// attached, as the parser (`helpers::sysctl::getopt`) reads it.
pub struct GetoptObject {
    pub object: &'static str,
    pub options: &'static [Keyword],
    /// What an operand is (completion) and its placeholder (synopsis).
    pub operands: Live,
    pub operands_meta: &'static str,
    /// Options (by first name) after which the operands are file names.
    pub file_operands_after: &'static [&'static str],
}

/// The getopt-style objects: the one place that links such an object to
/// its option table (the `Object` itself only has a `dispatch` handler).
pub const GETOPT_OBJECTS: &[GetoptObject] = &[GetoptObject {
    object: "sysctl",
    options: crate::helpers::sysctl::grammar::OPTIONS,
    operands: Live::SysctlKeys,
    operands_meta: "VARIABLE[=VALUE] ...",
    file_operands_after: &["-p"],
}];

/// The getopt description of an object, if it is one.
pub fn getopt_object(name: &str) -> Option<&'static GetoptObject> {
    GETOPT_OBJECTS.iter().find(|g| g.object == name)
}

/// A getopt option's value is optional (taken only when attached).
pub fn optional_value(k: &Keyword) -> bool {
    k.value != Value::Flag && k.meta.starts_with('[')
}

#[derive(Clone, Debug)]
pub struct Model {
    pub options: Table,
    pub objects: Vec<Obj>,
    pub tables: Vec<Table>,
    /// Link kind name → its table.
    pub kinds: Vec<(&'static str, usize)>,
}

/// Where a keyword leads: a `type` whose placeholder announces the kind's
/// own arguments (`TYPE [ARGS]`) hands the line to the kind (a `type KIND`
/// filter does not); a kind's keyword whose placeholder is `LINK-OPTIONS`
/// (veth's `peer`) hands it back to the command's own table.
fn then_of(k: &Keyword) -> Then {
    if k.value == Value::LinkKind && k.meta.contains("ARGS") {
        Then::Kind
    } else if k.meta == "LINK-OPTIONS" {
        Then::Parent
    } else {
        Then::Stay
    }
}

fn entry(k: &Keyword) -> Entry {
    let then = then_of(k);
    // `peer` takes no value of its own: the words after it are options.
    let fill = if then == Then::Parent { None } else { Fill::of(k.value) };
    Entry { names: k.names.to_vec(), fill, then, optional: false, operands: None, help: k.help, listed: k.supported }
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
        t.entries.push(entry(k));
    }
    t
}

fn getopt_table(g: &GetoptObject) -> Table {
    let entries = g
        .options
        .iter()
        .map(|k| {
            let first = k.names.first().map_or("", |w| w.text);
            Entry {
                optional: optional_value(k),
                operands: g.file_operands_after.contains(&first).then_some(Fill::Files),
                ..entry(k)
            }
        })
        .collect();
    Table { entries, positional: Some(Fill::Live(g.operands)) }
}

fn options_table() -> Table {
    let entries = OPTIONS
        .iter()
        .map(|o| Entry {
            names: o.names.to_vec(),
            // `-color` takes its value after `=`, never as the next word.
            fill: if o.opt == Opt::Color { None } else { Fill::of(o.value) },
            then: Then::Stay,
            optional: false,
            operands: None,
            help: o.help,
            listed: true,
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
                // A command without a name (`monitor`: the object's words are
                // its keywords) is completed as if each keyword were a command
                // leading to the keyword table: the first word is one of them,
                // the rest are completed from the table.
                commands: o
                    .commands
                    .iter()
                    .flat_map(|c| {
                        let table = index_of(c.keywords, &mut tables);
                        let named = (!c.names.is_empty()).then_some(Cmd { names: c.names, table, help: c.help, listed: c.supported });
                        let keywords = if c.names.is_empty() { c.keywords } else { &[] };
                        named.into_iter().chain(
                            keywords
                                .iter()
                                .filter(|k| !k.names.is_empty())
                                .map(move |k| Cmd { names: k.names, table, help: k.help, listed: k.supported }),
                        )
                    })
                    .collect(),
                getopt: getopt_object(o.name).map(|g| {
                    tables.push(getopt_table(g));
                    tables.len() - 1
                }),
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
/// A GNU long option (`--all`) needs at least one letter after its dashes.
pub fn spellings(w: &Word) -> Vec<&'static str> {
    if w.exact {
        return vec![w.text];
    }
    let shortest = if w.text.starts_with("--") { 3 } else { 1 };
    w.text.char_indices().skip(shortest).map(|(i, _)| &w.text[..i]).chain([w.text]).collect()
}

/// The keywords offered as candidates: all but those rtun refuses.
pub fn listed_entries(t: &Table) -> impl Iterator<Item = &Entry> {
    t.entries.iter().filter(|e| e.listed)
}

/// The names offered as candidates for a table's keywords.
pub fn candidate_names(t: &Table) -> Vec<&'static str> {
    listed_entries(t).flat_map(|e| e.names.iter().map(|w| w.text)).collect()
}

/// The commands of an object offered as candidates.
pub fn listed_commands(o: &Obj) -> impl Iterator<Item = &Cmd> {
    o.commands.iter().filter(|c| c.listed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::grammar::{p, x};

    #[test]
    fn spellings_are_prefixes_unless_exact() {
        assert_eq!(spellings(&p("add")), vec!["a", "ad", "add"]);
        assert_eq!(spellings(&x("dev")), vec!["dev"]);
        assert_eq!(spellings(&p("--all")), vec!["--a", "--al", "--all"]);
    }

    #[test]
    fn sysctl_is_a_getopt_object() {
        let m = Model::build();
        let sysctl = m.objects.iter().find(|o| o.name == "sysctl").unwrap();
        let t = &m.tables[sysctl.getopt.unwrap()];
        assert_eq!(t.positional, Some(Fill::Live(Live::SysctlKeys)));
        let load = t.entries.iter().find(|e| e.names.iter().any(|w| w.text == "--load")).unwrap();
        assert!(load.optional);
        assert_eq!(load.operands, Some(Fill::Files));
        let pattern = t.entries.iter().find(|e| e.names.iter().any(|w| w.text == "--pattern")).unwrap();
        assert!(!pattern.optional && pattern.fill.is_some());
        let persist = t.entries.iter().find(|e| e.names.iter().any(|w| w.text == "--persist")).unwrap();
        assert!(persist.optional && persist.operands.is_none());
    }

    #[test]
    fn veth_peer_hands_back_to_link_add() {
        let m = Model::build();
        let (_, t) = m.kinds.iter().find(|(k, _)| *k == "veth").unwrap();
        let peer = m.tables[*t].entries.iter().find(|e| e.names[0].text == "peer").unwrap();
        assert_eq!(peer.then, Then::Parent);
        assert!(peer.fill.is_none());
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
        let ty = |t: &Table| t.entries.iter().find(|e| e.names[0].text == "type").map(|e| e.then);
        assert_eq!(ty(table("add")), Some(Then::Kind));
        assert_eq!(ty(table("show")), Some(Then::Stay));
        assert!(m.kinds.iter().any(|(k, _)| *k == "vxlan"));
    }

    fn object<'m>(m: &'m Model, name: &str) -> &'m Obj {
        m.objects.iter().find(|o| o.name == name).unwrap()
    }

    fn command_table<'m>(m: &'m Model, obj: &str, cmd: &str) -> &'m Table {
        let c = object(m, obj).commands.iter().find(|c| c.names.iter().any(|w| w.text == cmd)).unwrap();
        &m.tables[c.table.unwrap()]
    }

    #[test]
    fn refused_words_resolve_but_are_not_offered() {
        let m = Model::build();
        let set = command_table(&m, "link", "set");
        let vf = set.entries.iter().find(|e| e.names[0].text == "vf").unwrap();
        assert!(!vf.listed && vf.fill.is_some());
        let offered = candidate_names(set);
        assert!(offered.contains(&"mtu") && !offered.contains(&"vf") && !offered.contains(&"link-netns"), "{offered:?}");
        assert!(!candidate_names(command_table(&m, "route", "add")).contains(&"encap"));
        let link = object(&m, "link");
        assert!(link.commands.iter().any(|c| c.names[0].text == "xstats"));
        let commands: Vec<&str> = listed_commands(link).map(|c| c.names[0].text).collect();
        assert!(commands.contains(&"show") && !commands.contains(&"xstats") && !commands.contains(&"afstats"), "{commands:?}");
    }

    /// The engines split a `=w1 w2 …` spec at spaces: no choice may hold one.
    #[test]
    fn fixed_words_are_single_words() {
        let m = Model::build();
        for e in m.tables.iter().chain([&m.options]).flat_map(|t| &t.entries) {
            if let Some(Fill::Words(words)) = &e.fill {
                assert!(!words.is_empty(), "{:?}", e.names);
                for w in words {
                    assert!(!w.is_empty() && !w.contains(char::is_whitespace), "{:?} offers {w:?}", e.names);
                }
            }
        }
    }

    #[test]
    fn route_show_table_takes_all_and_cache_but_add_does_not() {
        let m = Model::build();
        let table = |t: &Table| t.entries.iter().find(|e| e.names[0].text == "table").and_then(|e| e.fill.clone());
        assert_eq!(table(command_table(&m, "route", "show")), Some(Fill::Live(Live::TableFilters)));
        assert_eq!(table(command_table(&m, "route", "flush")), Some(Fill::Live(Live::TableFilters)));
        assert_eq!(table(command_table(&m, "route", "add")), Some(Fill::Live(Live::Tables)));
    }

    #[test]
    fn hidden_objects_are_not_listed() {
        let m = Model::build();
        assert!(m.objects.iter().any(|o| o.name == "complete" && !o.listed));
        assert!(m.objects.iter().any(|o| o.name == "route" && o.listed));
        assert!(m.objects.iter().any(|o| o.name == "rule" && o.listed));
        assert!(m.objects.iter().any(|o| o.name == "neighbour" && o.listed));
        assert!(m.objects.iter().any(|o| o.name == "xfrm" && !o.listed));
    }
}
