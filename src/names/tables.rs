//! iproute2's name databases (`rt_names.c`): routing tables, route
//! protocols, scopes, realms and DS fields, read from `/etc/iproute2`
//! (`rt_tables` + `rt_tables.d/*.conf`, `rt_protos` + `rt_protos.d/*.conf`,
//! `rt_scopes`, `rt_realms`, `rt_dsfield`), plus route types.
//!
//! rtun ships in minimal images where those files are missing, so each
//! database starts from iproute2's built-in names. The files are read
//! lazily and at most once per process, with iproute2's quirk kept: a
//! number→name lookup that the built-ins answer does not read the file
//! (so realm 0 prints `unknown` until something else loads `rt_realms`).
//!
//! Lookups write numbers into a caller's [`NumBuf`] so that printing a
//! million routes allocates nothing.

use std::io::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use crate::cli::words::matches;
use crate::parse::strtoul;

pub const CONFDIR: &str = "/etc/iproute2";

/// Scratch space for a number rendered as a name (iproute2's `SPRINT_BUF`).
pub struct NumBuf {
    buf: [u8; 80],
}

impl Default for NumBuf {
    fn default() -> Self {
        NumBuf { buf: [0; 80] }
    }
}

impl NumBuf {
    pub fn new() -> Self {
        NumBuf::default()
    }

    /// Render `args` into the buffer and return it as text.
    pub fn format(&mut self, args: std::fmt::Arguments) -> &str {
        let mut cur = std::io::Cursor::new(&mut self.buf[..]);
        let _ = cur.write_fmt(args);
        let n = cur.position() as usize;
        std::str::from_utf8(&self.buf[..n]).unwrap_or("")
    }
}

// ---------------------------------------------------------------------------
// Reading the files

/// One `ID NAME` line as `fread_id_name` reads it: `0xHEX NAME` or
/// `DECIMAL NAME` (sscanf `%x`/`%d` then `%s`). `Err` carries the line
/// for iproute2's "Database … is corrupted at …" message.
fn parse_line(line: &str) -> Option<Result<(i64, &str), ()>> {
    let p = line.trim_start_matches([' ', '\t']);
    if p.is_empty() || p.starts_with('#') || p.starts_with('\n') {
        return None;
    }
    let hex = p.strip_prefix("0x").and_then(|rest| scan_number(rest, 16));
    let parsed = hex.or_else(|| scan_number(p, 10));
    Some(parsed.ok_or(()))
}

/// sscanf's `%x` or `%d` followed by ` %s`: the number, then the next word.
fn scan_number(s: &str, base: u32) -> Option<(i64, &str)> {
    let t = s.trim_start();
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (v, _, rest) = strtoul(body, base)?;
    // `%d`/`%x` store into an int: keep the low 32 bits, signed.
    let v = (v as u32) as i32 as i64;
    let v = if neg { -v } else { v };
    let word_start = rest.trim_start();
    let end = word_start.find(|c: char| c.is_ascii_whitespace()).unwrap_or(word_start.len());
    let word = &word_start[..end];
    (!word.is_empty()).then_some((v, word))
}

/// All `(id, name)` pairs of one file's text, in order. A malformed line
/// ends the file with iproute2's complaint on stderr.
pub fn parse_db(path: &str, text: &str) -> Vec<(i64, String)> {
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        match parse_line(line) {
            None => {}
            Some(Ok((id, name))) => out.push((id, name.to_string())),
            Some(Err(())) => {
                let shown = line.trim_start_matches([' ', '\t']);
                eprintln!("Database {path} is corrupted at {shown}");
                break;
            }
        }
    }
    out
}

fn read_db(path: &str) -> Vec<(i64, String)> {
    match std::fs::read(path) {
        Ok(bytes) => parse_db(path, &String::from_utf8_lossy(&bytes)),
        Err(_) => Vec::new(),
    }
}

/// `DIR/*.conf` (not hidden), sorted by name for a stable order.
fn conf_files(dir: &str) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.') && n.len() > 5 && n.ends_with(".conf"))
        .collect();
    names.sort();
    names.into_iter().map(|n| format!("{dir}/{n}")).collect()
}

// ---------------------------------------------------------------------------
// 256-slot databases (protocols, scopes, realms, DS fields)

/// A 256-entry name table with built-in defaults and lazily read files.
pub struct SmallDb {
    builtin: &'static [(u8, &'static str)],
    files: &'static [&'static str],
    dirs: &'static [&'static str],
    loaded: OnceLock<Vec<Option<String>>>,
}

impl SmallDb {
    const fn new(builtin: &'static [(u8, &'static str)], files: &'static [&'static str], dirs: &'static [&'static str]) -> Self {
        SmallDb { builtin, files, dirs, loaded: OnceLock::new() }
    }

    fn builtin_name(&self, id: u8) -> Option<&'static str> {
        self.builtin.iter().find(|(i, _)| *i == id).map(|(_, n)| *n)
    }

    /// Built-ins overlaid with the files (later entries win).
    fn table(&self) -> &Vec<Option<String>> {
        self.loaded.get_or_init(|| {
            let mut paths: Vec<String> = self.files.iter().map(|f| format!("{CONFDIR}/{f}")).collect();
            for d in self.dirs {
                paths.extend(conf_files(&format!("{CONFDIR}/{d}")));
            }
            let entries: Vec<(i64, String)> = paths.iter().flat_map(|p| read_db(p)).collect();
            self.overlay(entries)
        })
    }

    fn overlay(&self, entries: Vec<(i64, String)>) -> Vec<Option<String>> {
        let mut tab: Vec<Option<String>> = vec![None; 256];
        for (id, name) in self.builtin {
            tab[*id as usize] = Some((*name).to_string());
        }
        for (id, name) in entries {
            if (0..256).contains(&id) {
                tab[id as usize] = Some(name);
            }
        }
        tab
    }

    /// The name of `id`, or None (iproute2's lazy rule: the built-in
    /// answers without reading the files until they have been read).
    pub fn name(&self, id: u8) -> Option<&str> {
        if self.loaded.get().is_none() {
            if let Some(n) = self.builtin_name(id) {
                return Some(n);
            }
        }
        self.table()[id as usize].as_deref()
    }

    /// The id whose name is exactly `arg` (the files are always read).
    pub fn id(&self, arg: &str) -> Option<u8> {
        self.table().iter().position(|n| n.as_deref() == Some(arg)).map(|i| i as u8)
    }
}

static PROTOS: SmallDb = SmallDb::new(
    &[
        (0, "unspec"),
        (1, "redirect"),
        (2, "kernel"),
        (3, "boot"),
        (4, "static"),
        (8, "gated"),
        (9, "ra"),
        (10, "mrt"),
        (11, "zebra"),
        (12, "bird"),
        (42, "babel"),
        (13, "dnrouted"),
        (14, "xorp"),
        (15, "ntk"),
        (16, "dhcp"),
        (18, "keepalived"),
        (186, "bgp"),
        (187, "isis"),
        (188, "ospf"),
        (189, "rip"),
        (192, "eigrp"),
    ],
    &["rt_protos"],
    &["rt_protos.d"],
);

static SCOPES: SmallDb = SmallDb::new(&[(0, "global"), (255, "nowhere"), (254, "host"), (253, "link"), (200, "site")], &["rt_scopes"], &[]);

static REALMS: SmallDb = SmallDb::new(&[(0, "unknown")], &["rt_realms"], &[]);

static DSFIELDS: SmallDb = SmallDb::new(&[(0, "0")], &["rt_dsfield"], &[]);

/// `strtoul(arg, &end, base)` that must consume everything and fit `max`.
fn whole_number(arg: &str, base: u32, max: u64) -> Option<u64> {
    match strtoul(arg, base)? {
        (v, false, "") if v <= max => Some(v),
        _ => None,
    }
}

/// `rtnl_rtprot_n2a`.
pub fn protocol_name(id: u8, numeric: bool, buf: &mut NumBuf) -> &str {
    match (numeric, PROTOS.name(id)) {
        (false, Some(n)) => n,
        _ => buf.format(format_args!("{id}")),
    }
}

/// `rtnl_rtprot_a2n`.
pub fn protocol_id(arg: &str) -> Option<u8> {
    PROTOS.id(arg).or_else(|| whole_number(arg, 0, 255).map(|v| v as u8))
}

/// `rtnl_rtscope_n2a`.
pub fn scope_name(id: u8, numeric: bool, buf: &mut NumBuf) -> &str {
    match (numeric, SCOPES.name(id)) {
        (false, Some(n)) => n,
        _ => buf.format(format_args!("{id}")),
    }
}

/// `rtnl_rtscope_a2n`.
pub fn scope_id(arg: &str) -> Option<u8> {
    SCOPES.id(arg).or_else(|| whole_number(arg, 0, 255).map(|v| v as u8))
}

/// `rtnl_rtrealm_n2a` (realms above 255 are printed as numbers).
pub fn realm_name(id: u32, numeric: bool, buf: &mut NumBuf) -> &str {
    match u8::try_from(id).ok().filter(|_| !numeric).and_then(|i| REALMS.name(i)) {
        Some(n) => n,
        None => buf.format(format_args!("{id}")),
    }
}

/// `rtnl_rtrealm_a2n`.
pub fn realm_id(arg: &str) -> Option<u32> {
    REALMS.id(arg).map(u32::from).or_else(|| whole_number(arg, 0, 255).map(|v| v as u32))
}

/// `get_rt_realms_or_raw`: `[FROM/]TO` by name or number, else a raw u32.
pub fn realms(arg: &str) -> Option<u32> {
    let pair = || -> Option<u32> {
        let (from, to) = match arg.split_once('/') {
            Some((f, t)) => (realm_id(f)? << 16, t),
            None => (0, arg),
        };
        let to = if to.is_empty() { 0 } else { realm_id(to)? };
        Some(from | to)
    };
    pair().or_else(|| crate::parse::get_unsigned(arg))
}

/// `rtnl_dsfield_n2a`: a name from rt_dsfield, else `0x%02x`.
pub fn dsfield_name(id: u8, numeric: bool, buf: &mut NumBuf) -> &str {
    match (numeric, DSFIELDS.name(id)) {
        (false, Some(n)) => n,
        _ => buf.format(format_args!("0x{id:02x}")),
    }
}

/// `rtnl_dsfield_a2n`: a name, else hexadecimal (with or without 0x).
pub fn dsfield_id(arg: &str) -> Option<u8> {
    DSFIELDS.id(arg).or_else(|| whole_number(arg, 16, 255).map(|v| v as u8))
}

// ---------------------------------------------------------------------------
// Routing tables: ids are 32-bit, names hashed by id & 255 as in iproute2.

pub const RT_TABLE_UNSPEC: u32 = 0;
pub const RT_TABLE_DEFAULT: u32 = 253;
pub const RT_TABLE_MAIN: u32 = 254;
pub const RT_TABLE_LOCAL: u32 = 255;

/// Entries in the order they were added (built-ins first).
static TABLES: OnceLock<Vec<(u32, String)>> = OnceLock::new();

fn tables_from(entries: Vec<(i64, String)>) -> Vec<(u32, String)> {
    let mut all: Vec<(u32, String)> =
        vec![(RT_TABLE_DEFAULT, "default".into()), (RT_TABLE_MAIN, "main".into()), (RT_TABLE_LOCAL, "local".into())];
    all.extend(entries.into_iter().filter(|(id, _)| *id >= 0).map(|(id, n)| (id as u32, n)));
    all
}

fn tables() -> &'static [(u32, String)] {
    TABLES.get_or_init(|| {
        let mut entries = read_db(&format!("{CONFDIR}/rt_tables"));
        for p in conf_files(&format!("{CONFDIR}/rt_tables.d")) {
            entries.extend(read_db(&p));
        }
        tables_from(entries)
    })
}

/// The name of table `id` in `db`: the newest entry with that id.
fn table_name_in(db: &[(u32, String)], id: u32) -> Option<&str> {
    db.iter().rev().find(|(i, _)| *i == id).map(|(_, n)| n.as_str())
}

/// The id of table `name` in `db`: iproute2 walks its hash buckets in order
/// (bucket = id & 255), newest entry first within a bucket.
fn table_id_in(db: &[(u32, String)], name: &str) -> Option<u32> {
    db.iter()
        .enumerate()
        .filter(|(_, (_, n))| n == name)
        .min_by_key(|(pos, (id, _))| (id & 255, usize::MAX - pos))
        .map(|(_, (id, _))| *id)
}

/// `rtnl_rttable_n2a`.
pub fn table_name(id: u32, numeric: bool, buf: &mut NumBuf) -> &str {
    match table_name_in(tables(), id) {
        Some(n) if !numeric => n,
        _ => buf.format(format_args!("{id}")),
    }
}

/// `rtnl_rttable_a2n`: a name, or any 32-bit number.
pub fn table_id(arg: &str) -> Option<u32> {
    table_id_in(tables(), arg).or_else(|| whole_number(arg, 0, u32::MAX as u64).map(|v| v as u32))
}

// ---------------------------------------------------------------------------
// Route types (`rtm_map.c`)

pub const RTN_UNSPEC: u8 = 0;
pub const RTN_UNICAST: u8 = 1;
pub const RTN_LOCAL: u8 = 2;
pub const RTN_BROADCAST: u8 = 3;
pub const RTN_ANYCAST: u8 = 4;
pub const RTN_MULTICAST: u8 = 5;
pub const RTN_BLACKHOLE: u8 = 6;
pub const RTN_UNREACHABLE: u8 = 7;
pub const RTN_PROHIBIT: u8 = 8;
pub const RTN_THROW: u8 = 9;
pub const RTN_NAT: u8 = 10;
pub const RTN_XRESOLVE: u8 = 11;

/// The route type names, for the grammar's `Value::Choice`.
pub const ROUTE_TYPES: &[&str] = &[
    "unicast", "local", "broadcast", "anycast", "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve",
];

/// `rtnl_rtntype_n2a`.
pub fn route_type_name(id: u8, numeric: bool, buf: &mut NumBuf) -> &str {
    if numeric {
        return buf.format(format_args!("{id}"));
    }
    match id {
        RTN_UNSPEC => "none",
        RTN_UNICAST => "unicast",
        RTN_LOCAL => "local",
        RTN_BROADCAST => "broadcast",
        RTN_ANYCAST => "anycast",
        RTN_MULTICAST => "multicast",
        RTN_BLACKHOLE => "blackhole",
        RTN_UNREACHABLE => "unreachable",
        RTN_PROHIBIT => "prohibit",
        RTN_THROW => "throw",
        RTN_NAT => "nat",
        RTN_XRESOLVE => "xresolve",
        _ => buf.format(format_args!("{id}")),
    }
}

/// `rtnl_rtntype_a2n`: names (some may be abbreviated) or a number ≤ 255.
pub fn route_type_id(arg: &str) -> Option<u8> {
    Some(if arg == "local" {
        RTN_LOCAL
    } else if arg == "nat" {
        RTN_NAT
    } else if matches(arg, "broadcast") || arg == "brd" {
        RTN_BROADCAST
    } else if matches(arg, "anycast") {
        RTN_ANYCAST
    } else if matches(arg, "multicast") {
        RTN_MULTICAST
    } else if matches(arg, "prohibit") {
        RTN_PROHIBIT
    } else if matches(arg, "unreachable") {
        RTN_UNREACHABLE
    } else if matches(arg, "blackhole") {
        RTN_BLACKHOLE
    } else if matches(arg, "xresolve") {
        RTN_XRESOLVE
    } else if matches(arg, "unicast") {
        RTN_UNICAST
    } else if arg == "throw" {
        RTN_THROW
    } else {
        return whole_number(arg, 0, 255).map(|v| v as u8);
    })
}

/// Whether a path exists (for callers that want to say why a name is unknown).
#[allow(dead_code)]
pub fn confdir_present() -> bool {
    Path::new(CONFDIR).is_dir()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn db_lines_like_fread_id_name() {
        let text = "# comment\n\n  255\tlocal\n0x10 hexname # trailing\n7 seven extra words\n-1 negative\n";
        let got = parse_db("t", text);
        assert_eq!(
            got,
            vec![(255, "local".to_string()), (16, "hexname".to_string()), (7, "seven".to_string()), (-1, "negative".to_string())]
        );
    }

    #[test]
    fn corrupted_line_stops_reading() {
        let got = parse_db("t", "1 one\nbogus line\n2 two\n");
        assert_eq!(got, vec![(1, "one".to_string())]);
    }

    #[test]
    fn table_lookup_rules() {
        let db = tables_from(vec![(100, "hundred".into()), (356, "big".into()), (100, "newer".into()), (-5, "neg".into())]);
        assert_eq!(table_name_in(&db, 254), Some("main"));
        // The newest entry for an id names it.
        assert_eq!(table_name_in(&db, 100), Some("newer"));
        assert_eq!(table_name_in(&db, 356), Some("big"));
        assert_eq!(table_id_in(&db, "hundred"), Some(100));
        assert_eq!(table_id_in(&db, "big"), Some(356));
        assert_eq!(table_id_in(&db, "neg"), None);
        assert_eq!(table_name_in(&db, 7), None);
    }

    #[test]
    fn same_name_two_ids_lowest_bucket_wins() {
        let db = tables_from(vec![(300, "x".into()), (20, "x".into())]);
        // bucket 300&255 = 44 > 20
        assert_eq!(table_id_in(&db, "x"), Some(20));
    }

    #[test]
    fn builtin_defaults_answer_without_files() {
        let db = SmallDb::new(&[(3, "boot")], &["definitely-missing-file"], &[]);
        assert_eq!(db.name(3), Some("boot"));
        assert_eq!(db.id("boot"), Some(3));
        assert_eq!(db.name(4), None);
    }

    #[test]
    fn overlay_replaces_builtin() {
        let db = SmallDb::new(&[(0, "unknown")], &[], &[]);
        let tab = db.overlay(vec![(0, "cosmos".into()), (300, "ignored".into())]);
        assert_eq!(tab[0].as_deref(), Some("cosmos"));
    }

    #[test]
    fn numbers_and_names() {
        let mut b = NumBuf::new();
        assert_eq!(protocol_name(3, false, &mut b), "boot");
        assert_eq!(protocol_name(3, true, &mut b), "3");
        assert_eq!(protocol_id("0x10"), Some(16));
        assert_eq!(protocol_id("256"), None);
        assert_eq!(scope_id("link"), Some(253));
        assert_eq!(scope_name(253, false, &mut b), "link");
        assert_eq!(dsfield_id("10"), Some(0x10));
        assert_eq!(dsfield_id("0x1f"), Some(0x1f));
        assert_eq!(dsfield_name(0x10, true, &mut b), "0x10");
        assert_eq!(table_id("main"), Some(254));
        assert_eq!(table_id("4294967295"), Some(u32::MAX));
        assert_eq!(table_id("4294967296"), None);
        assert_eq!(table_name(1000, false, &mut b), "1000");
    }

    #[test]
    fn route_types() {
        let mut b = NumBuf::new();
        assert_eq!(route_type_id("b"), Some(RTN_BROADCAST));
        assert_eq!(route_type_id("brd"), Some(RTN_BROADCAST));
        assert_eq!(route_type_id("loc"), None);
        assert_eq!(route_type_id("u"), Some(RTN_UNREACHABLE));
        assert_eq!(route_type_id("thr"), None);
        assert_eq!(route_type_id("12"), Some(12));
        assert_eq!(route_type_name(RTN_UNSPEC, false, &mut b), "none");
        assert_eq!(route_type_name(99, false, &mut b), "99");
    }

    #[test]
    fn realm_pairs() {
        assert_eq!(realms("3/5"), Some((3 << 16) | 5));
        assert_eq!(realms("5"), Some(5));
        assert_eq!(realms("3/"), Some(3 << 16));
        assert_eq!(realms("70000"), Some(70000));
        assert_eq!(realms("x/y"), None);
    }
}

// ---------------------------------------------------------------------------
// Device groups (`/etc/iproute2/group`)

const GROUPS_FILE: &str = "/etc/iproute2/group";

/// A whole database file, or nothing when it is missing.
fn read_db_file(path: &str) -> Vec<(i64, String)> {
    std::fs::read_to_string(path).map(|text| parse_db(path, &text)).unwrap_or_default()
}

/// Group entries in iproute2's hash order: bucket `id & 255`, newest first
/// within a bucket, with the built-in `0 default` oldest of bucket 0.
fn groups() -> &'static [(i64, String)] {
    static TABLE: OnceLock<Vec<(i64, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries = vec![(0, "default".to_string())];
        entries.extend(read_db_file(GROUPS_FILE).into_iter().filter(|(id, _)| *id >= 0));
        let mut ordered = Vec::with_capacity(entries.len());
        for bucket in 0..256 {
            ordered.extend(entries.iter().rev().filter(|(id, _)| id & 255 == bucket).cloned());
        }
        ordered
    })
}

/// `rtnl_group_n2a` (the number rendered into `buf` when unnamed).
pub fn group_name(id: i32, numeric: bool, buf: &mut NumBuf) -> &str {
    if !numeric {
        if let Some((_, name)) = groups().iter().find(|(gid, _)| *gid == i64::from(id)) {
            return name;
        }
    }
    buf.format(format_args!("{id}"))
}

/// `rtnl_group_a2n`: a name from the table, or a non-negative number
/// (C's `strtol` then `int`).
pub fn group_id(word: &str) -> Option<i32> {
    if let Some((id, _)) = groups().iter().find(|(_, n)| n == word) {
        return Some(*id as i32);
    }
    let v = crate::parse::get_integer(word, 0).or_else(|| {
        // strtol accepts values beyond int and the cast truncates.
        let (v, _, rest) = crate::parse::strtoul(word, 0)?;
        rest.is_empty().then_some(v as i32)
    })?;
    (v >= 0).then_some(v)
}

#[cfg(test)]
mod group_tests {
    use super::*;

    #[test]
    fn default_group() {
        assert_eq!(group_name(0, false, &mut NumBuf::new()), "default");
        assert_eq!(group_name(0, true, &mut NumBuf::new()), "0");
        assert_eq!(group_id("default"), Some(0));
        assert_eq!(group_id("7"), Some(7));
        assert_eq!(group_id("-1"), None);
        assert_eq!(group_id("x"), None);
    }
}

// ---------------------------------------------------------------------------
// Every known name, for shell completion (`rtun complete tables` …).

/// Routing table names: the built-ins, then rt_tables and rt_tables.d.
pub fn table_names() -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (_, n) in tables() {
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    names
}

fn db_names(db: &SmallDb) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for n in db.table().iter().flatten() {
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    names
}

/// Route protocol names (built-ins overlaid with rt_protos).
pub fn protocol_names() -> Vec<String> {
    db_names(&PROTOS)
}

/// Scope names (built-ins overlaid with rt_scopes).
pub fn scope_names() -> Vec<String> {
    db_names(&SCOPES)
}
