//! Parity case files (`tests/parity/cases/*.txt`): format and parser.
//!
//! Shared so that other tests (e.g. a future fuzz test that wants every
//! known bad input) can reuse the same command lines.
//!
//! # Format
//!
//! ```text
//! # A comment. Blank lines are ignored.
//! [setup basic]              # a named setup: a shell script (sh -e) run with
//! ip link set lo up          # the real `ip` in every fresh namespace that
//! ip link add v0 type veth   # uses it; it ends at the next [header]
//!
//! [show] setup=basic         # read-only cases: one line = the arguments after
//! link show dev v0           # `ip`; real ip and rtun run on the same namespace
//! ! link show dev nonexist   # `!`: ip exits non-zero (bad input); checked
//!
//! [change] setup=basic       # state-changing cases: ip runs in namespace A,
//! link set v0 mtu 1400       # rtun in namespace B, then real ip reads back
//! + link set v0 mtu 1500     # `+`: a further step of the previous case
//! + ! link set v0 mtu abc    # both markers: `+` first, then `!`
//! ! ~ route add              # `~` (after `!`): ip prints its usage text;
//!                            # rtun's is its own words, so only the exit
//!                            # status and stdout are compared, and stderr
//!                            # must be non-empty on both sides
//! ```
//!
//! Case lines are split into words like a shell would (whitespace separates,
//! `'...'` and `"..."` quote, `\` escapes, `#` at the start of a word begins a
//! comment) but are never run through a shell. Setup names are global across
//! all files. The same case may not appear twice for the same setup.
//!
//! # Writing cases
//!
//! - Case lines must give the same output every time: give links fixed MACs
//!   in 02:00:00:00:xx:xx (setups.txt), no finite address lifetimes in
//!   `[show]` setups (they count down), no `-d` on bridges or their ports in
//!   `[show]` cases (timers run), `-s` only where nothing sends packets.
//! - Put commands that change state, or that should fail without changing
//!   it, in `[change]` blocks: those also compare the state afterwards.
//! - Check new cases against ip itself; every line must pass:
//!   `RTUN_BIN=/usr/sbin/ip PARITY_FILTER=link.txt PARITY_VERBOSE=1 cargo test --test parity -- --nocapture`
//!   (verbose prints what ip printed, to see that the case tests something).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// Where a line came from, for messages (`link.txt:12`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One `ip` invocation.
#[derive(Clone, Debug)]
pub struct Step {
    /// The arguments after `ip`.
    pub args: Vec<String>,
    /// The case file marks this line with `!`: real ip must exit non-zero.
    pub expect_failure: bool,
    /// The case file marks this line with `~`: ip prints its usage text on
    /// stderr, which rtun words its own way. Exit status and stdout are still
    /// compared; stderr only has to be non-empty on both sides.
    pub own_usage_text: bool,
    pub origin: Origin,
}

impl Step {
    /// The command line as a user would type it, quoted where needed.
    pub fn command_line(&self) -> String {
        let mut line = String::from("ip");
        for arg in &self.args {
            line.push(' ');
            line.push_str(&shell_quote(arg));
        }
        line
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Read-only: ip and rtun run one after the other in the same namespace.
    Show,
    /// State-changing: ip and rtun run in twin namespaces, then state is read back.
    Change,
}

/// A case: one step, or (in `[change]` blocks) a sequence of steps.
#[derive(Clone, Debug)]
pub struct Case {
    pub kind: Kind,
    /// Name of the `[setup NAME]` block to build the namespace with.
    pub setup: String,
    pub steps: Vec<Step>,
}

impl Case {
    pub fn origin(&self) -> &Origin {
        &self.steps[0].origin
    }

    /// True if any step is marked as bad input.
    pub fn is_bad_input(&self) -> bool {
        self.steps.iter().any(|s| s.expect_failure)
    }
}

#[derive(Clone, Debug)]
pub struct Setup {
    pub name: String,
    /// Shell script, run with `sh -e` inside the namespace.
    pub script: String,
    pub origin: Origin,
}

#[derive(Clone, Debug, Default)]
pub struct Suite {
    pub setups: BTreeMap<String, Setup>,
    /// In file order (files sorted by name).
    pub cases: Vec<Case>,
}

/// The directory holding the parity case files.
pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parity/cases")
}

/// Parses every case file; panics with the parse error (test code).
pub fn load() -> Suite {
    load_suite(&cases_dir()).unwrap_or_else(|e| panic!("parity case files: {e}"))
}

/// Every step of every case, in file order.
pub fn all_case_lines() -> Vec<Step> {
    load().cases.into_iter().flat_map(|c| c.steps).collect()
}

/// Steps marked `!`: lines real ip rejects (the parity test checks the mark).
pub fn bad_input_lines() -> Vec<Step> {
    all_case_lines()
        .into_iter()
        .filter(|s| s.expect_failure)
        .collect()
}

/// Parses all `*.txt` files in `dir` (sorted by name) into one suite.
pub fn load_suite(dir: &Path) -> Result<Suite, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    let mut parser = Parser::default();
    for path in &files {
        let text =
            fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        parser.parse_file(&name, &text)?;
    }
    parser.finish()
}

/// Parses one file's text into an otherwise empty suite (for tests of the format).
pub fn parse_str(file: &str, text: &str) -> Result<Suite, String> {
    let mut parser = Parser::default();
    parser.parse_file(file, text)?;
    parser.finish()
}

/// What the lines under the latest header belong to.
enum Section {
    /// Before the first header of a file.
    Start,
    /// Inside `[setup NAME]`.
    Setup(String),
    /// Inside `[show]`/`[change]`; `first_case` is where this block's cases start,
    /// so a `+` line cannot continue a case of an earlier block.
    Cases {
        kind: Kind,
        setup: String,
        first_case: usize,
    },
}

#[derive(Default)]
struct Parser {
    suite: Suite,
    /// (kind, setup, command lines) of every case, to reject duplicates.
    seen: BTreeSet<(Kind, String, Vec<String>)>,
    /// The last case may still get `+` steps, so it is not yet in `seen`.
    case_open: bool,
}

impl Parser {
    fn parse_file(&mut self, file: &str, text: &str) -> Result<(), String> {
        let mut section = Section::Start;
        for (index, raw) in text.lines().enumerate() {
            let origin = Origin {
                file: file.to_string(),
                line: index + 1,
            };
            let line = raw.trim();
            let err = |msg: String| format!("{origin}: {msg}");
            if line.starts_with('[') {
                self.close_section(&section)?;
                section = parse_header(line, self.suite.cases.len()).map_err(err)?;
                if let Section::Setup(name) = &section {
                    self.start_setup(name, &origin).map_err(err)?;
                }
                continue;
            }
            match &section {
                Section::Setup(name) => self.add_setup_line(name, raw),
                _ if line.is_empty() || line.starts_with('#') => {}
                Section::Start => return Err(err("case line before any [header]".into())),
                Section::Cases {
                    kind,
                    setup,
                    first_case,
                } => {
                    let (kind, setup, first_case) = (*kind, setup.clone(), *first_case);
                    self.add_case_line(kind, &setup, first_case, line, origin)?;
                }
            }
        }
        self.close_section(&section)
    }

    fn start_setup(&mut self, name: &str, origin: &Origin) -> Result<(), String> {
        if let Some(prev) = self.suite.setups.get(name) {
            return Err(format!("setup {name:?} already defined at {}", prev.origin));
        }
        let setup = Setup {
            name: name.into(),
            script: String::new(),
            origin: origin.clone(),
        };
        self.suite.setups.insert(name.into(), setup);
        Ok(())
    }

    fn add_setup_line(&mut self, name: &str, raw: &str) {
        if let Some(setup) = self.suite.setups.get_mut(name) {
            setup.script.push_str(raw);
            setup.script.push('\n');
        }
    }

    fn add_case_line(
        &mut self,
        kind: Kind,
        setup: &str,
        first_case: usize,
        line: &str,
        origin: Origin,
    ) -> Result<(), String> {
        let (continues, rest) = strip_marker(line, '+');
        let (expect_failure, rest) = strip_marker(rest, '!');
        let (own_usage_text, rest) = strip_marker(rest, '~');
        let args = split_words(rest).map_err(|e| format!("{origin}: {e}"))?;
        if args.is_empty() {
            return Err(format!("{origin}: case line has no arguments"));
        }
        let step = Step {
            args,
            expect_failure,
            own_usage_text,
            origin: origin.clone(),
        };
        if !continues {
            self.close_case()?;
            let case = Case {
                kind,
                setup: setup.into(),
                steps: vec![step],
            };
            self.suite.cases.push(case);
            self.case_open = true;
            return Ok(());
        }
        if kind != Kind::Change {
            return Err(format!(
                "{origin}: `+` steps are only allowed in [change] blocks"
            ));
        }
        let in_this_block = self.suite.cases.len() > first_case;
        match self.suite.cases.last_mut() {
            Some(case) if in_this_block => {
                case.steps.push(step);
                Ok(())
            }
            _ => Err(format!(
                "{origin}: `+` line does not follow a case of this block"
            )),
        }
    }

    /// Called when a section ends: registers the last case for duplicate detection.
    fn close_section(&mut self, section: &Section) -> Result<(), String> {
        match section {
            Section::Cases { .. } => self.close_case(),
            Section::Setup(_) | Section::Start => Ok(()),
        }
    }

    /// Rejects the most recent case, once complete, if an identical one exists.
    fn close_case(&mut self) -> Result<(), String> {
        if !std::mem::take(&mut self.case_open) {
            return Ok(());
        }
        let Some(case) = self.suite.cases.last() else {
            return Ok(());
        };
        let lines: Vec<String> = case.steps.iter().map(Step::command_line).collect();
        let key = (case.kind, case.setup.clone(), lines);
        if self.seen.contains(&key) {
            return Err(format!(
                "{}: duplicate case {:?}",
                case.origin(),
                key.2.join(" ; ")
            ));
        }
        self.seen.insert(key);
        Ok(())
    }

    fn finish(self) -> Result<Suite, String> {
        for case in &self.suite.cases {
            if !self.suite.setups.contains_key(&case.setup) {
                return Err(format!("{}: unknown setup {:?}", case.origin(), case.setup));
            }
        }
        Ok(self.suite)
    }
}

/// Strips a leading one-character marker followed by whitespace (`+ `, `! `).
fn strip_marker(line: &str, marker: char) -> (bool, &str) {
    match line.strip_prefix(marker) {
        Some(rest) if rest.starts_with(char::is_whitespace) => (true, rest.trim_start()),
        _ => (false, line),
    }
}

/// Parses `[setup NAME]`, `[show] setup=NAME` or `[change] setup=NAME`;
/// `case_count` is the number of cases parsed so far.
fn parse_header(line: &str, case_count: usize) -> Result<Section, String> {
    let words = split_words(line)?;
    let joined = words.join(" ");
    let (inside, after) = joined
        .strip_prefix('[')
        .and_then(|s| s.split_once(']'))
        .ok_or_else(|| format!("malformed header {line:?}"))?;
    let inside: Vec<&str> = inside.split_whitespace().collect();
    let attrs: Vec<&str> = after.split_whitespace().collect();
    match inside.as_slice() {
        ["setup", name] if attrs.is_empty() => Ok(Section::Setup((*name).to_string())),
        ["setup", ..] => Err(format!("expected `[setup NAME]`, got {line:?}")),
        [kind @ ("show" | "change")] => {
            let kind = if *kind == "show" {
                Kind::Show
            } else {
                Kind::Change
            };
            let setup = parse_setup_attr(&attrs)
                .ok_or_else(|| format!("expected `[{}] setup=NAME`, got {line:?}", inside[0]))?;
            Ok(Section::Cases {
                kind,
                setup,
                first_case: case_count,
            })
        }
        _ => Err(format!(
            "unknown header {line:?} (want [setup NAME], [show], [change])"
        )),
    }
}

/// The value of the single `setup=NAME` attribute.
fn parse_setup_attr(attrs: &[&str]) -> Option<String> {
    match attrs {
        [attr] => attr
            .strip_prefix("setup=")
            .filter(|n| !n.is_empty())
            .map(str::to_string),
        _ => None,
    }
}

/// Splits a line into words the way a POSIX shell would, without expansions.
///
/// Supports `'single'` and `"double"` quotes, backslash escapes, and `#`
/// comments at the start of a word. Quoted empty strings are kept as words.
pub fn split_words(line: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => words.extend(word.take()),
            '#' if word.is_none() => break,
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.push(c),
                        None => return Err(format!("unterminated ' quote in {line:?}")),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        // In double quotes a backslash only escapes these.
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\' | '$' | '`')) => w.push(c),
                            Some(c) => {
                                w.push('\\');
                                w.push(c);
                            }
                            None => return Err(format!("unterminated \" quote in {line:?}")),
                        },
                        Some(c) => w.push(c),
                        None => return Err(format!("unterminated \" quote in {line:?}")),
                    }
                }
            }
            '\\' => match chars.next() {
                Some(c) => word.get_or_insert_with(String::new).push(c),
                None => return Err(format!("trailing backslash in {line:?}")),
            },
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

/// Quotes a word for display so that `split_words` would give it back.
pub fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=+,@%^[]".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}
