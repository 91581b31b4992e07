//! The two name tables `address` and `link show` need: scopes
//! (`/etc/iproute2/rt_scopes`) and device groups (`/etc/iproute2/group`),
//! read the way iproute2's rt_names.c reads them (`ID NAME` lines, `#`
//! comments, ids in decimal or `0x` hex).
//!
//! Kept here, small, until the shared `names::tables` module offers them.

use std::sync::OnceLock;

const SCOPES_FILE: &str = "/etc/iproute2/rt_scopes";
const GROUPS_FILE: &str = "/etc/iproute2/group";

/// One `ID NAME` line per entry, in file order. A malformed line stops
/// the reading (iproute2 reports the database as corrupted and stops too).
fn read_table(path: &str) -> Vec<(i64, String)> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for line in text.lines() {
        let t = line.trim_start_matches([' ', '\t']);
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let mut words = t.split_whitespace();
        let (Some(id), Some(name)) = (words.next(), words.next()) else {
            eprintln!("Database {path} is corrupted at {t}");
            break;
        };
        let id = match id.strip_prefix("0x") {
            Some(hex) => i64::from_str_radix(hex, 16).ok(),
            None => id.parse::<i64>().ok(),
        };
        let Some(id) = id else {
            eprintln!("Database {path} is corrupted at {t}");
            break;
        };
        out.push((id, name.to_string()));
    }
    out
}

/// Scope id → name: the built-in names, overridden by the file.
fn scopes() -> &'static [Option<String>] {
    static TABLE: OnceLock<Vec<Option<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut tab: Vec<Option<String>> = vec![None; 256];
        for (id, name) in [(0, "global"), (255, "nowhere"), (254, "host"), (253, "link"), (200, "site")] {
            tab[id] = Some(name.to_string());
        }
        for (id, name) in read_table(SCOPES_FILE) {
            if (0..256).contains(&id) {
                tab[id as usize] = Some(name);
            }
        }
        tab
    })
}

/// `rtnl_rtscope_n2a`.
pub fn scope_name(id: u8, numeric: bool) -> String {
    if numeric {
        return id.to_string();
    }
    scopes()[id as usize].clone().unwrap_or_else(|| id.to_string())
}

/// `rtnl_rtscope_a2n`: a name from the table, or a number 0–255.
pub fn scope_id(word: &str) -> Option<u8> {
    if let Some(i) = scopes().iter().position(|n| n.as_deref() == Some(word)) {
        return Some(i as u8);
    }
    crate::parse::get_u8(word, 0).filter(|_| !word.is_empty())
}

/// Group entries in iproute2's hash order: bucket `id & 255`, newest first
/// within a bucket, with the built-in `0 default` oldest of bucket 0.
fn groups() -> &'static [(i64, String)] {
    static TABLE: OnceLock<Vec<(i64, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries = vec![(0, "default".to_string())];
        entries.extend(read_table(GROUPS_FILE).into_iter().filter(|(id, _)| *id >= 0));
        let mut ordered = Vec::with_capacity(entries.len());
        for bucket in 0..256 {
            ordered.extend(entries.iter().rev().filter(|(id, _)| id & 255 == bucket).cloned());
        }
        ordered
    })
}

/// `rtnl_group_n2a`.
pub fn group_name(id: i32, numeric: bool) -> String {
    if !numeric {
        if let Some((_, name)) = groups().iter().find(|(gid, _)| *gid == i64::from(id)) {
            return name.clone();
        }
    }
    id.to_string()
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
mod tests {
    use super::*;

    #[test]
    fn builtin_scopes() {
        assert_eq!(scope_name(254, false), "host");
        assert_eq!(scope_name(254, true), "254");
        assert_eq!(scope_name(17, false), "17");
        assert_eq!(scope_id("link"), Some(253));
        assert_eq!(scope_id("0x10"), Some(16));
        assert_eq!(scope_id("256"), None);
        assert_eq!(scope_id("bogus"), None);
    }

    #[test]
    fn default_group() {
        assert_eq!(group_name(0, false), "default");
        assert_eq!(group_name(0, true), "0");
        assert_eq!(group_id("default"), Some(0));
        assert_eq!(group_id("7"), Some(7));
        assert_eq!(group_id("-1"), None);
        assert_eq!(group_id("x"), None);
    }
}
