//! sysctl.conf files (`-p`, `--system`) and `KEY=VALUE` words: parsing a
//! line into a setting, collecting a file's settings, then writing them
//! with procps's wildcard rules (a `*` setting skips the files another
//! setting names exactly — an override or a `-KEY` exclusion).

use std::io::{BufRead, Write};

use super::engine::{errno_of, Engine};
use super::{glob, keys};

/// One line of a file (or one `KEY=VALUE` word).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The file under /proc/sys (may hold wildcards).
    pub path: String,
    pub value: Option<String>,
    /// `-KEY = VALUE`: report failures but do not count them.
    pub ignore_failure: bool,
    /// `-KEY` alone: keep wildcard settings off this file.
    pub exclude: bool,
}

/// C's isspace in the C locale.
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// procps's `rstrip`: trailing white space off, but never the first character.
fn rstrip(s: &str) -> &str {
    let trimmed = s.trim_end_matches(is_space);
    if trimmed.is_empty() && !s.is_empty() {
        let first = s.chars().next().map_or(0, char::len_utf8);
        &s[..first]
    } else {
        trimmed
    }
}

pub const DEFAULT_FILE: &str = "/etc/sysctl.conf";

/// Where `--system` looks, in order; a file name seen in an earlier
/// directory hides the same name in later ones.
pub const SYSTEM_DIRS: &[&str] = &["/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d"];

impl<W: Write> Engine<W> {
    /// procps's `parse_setting_line`: None for blank lines, comments,
    /// lines `-r` filters out, and (with a warning) lines without `=`.
    pub fn parse_line(&mut self, source: &str, number: usize, line: &str) -> Option<Setting> {
        let text = line.trim_start_matches(is_space);
        if text.len() < 2 || text.starts_with('#') || text.starts_with(';') {
            return None;
        }
        if !self.pattern_ok(text) {
            return None;
        }
        let (key, value, ignore_failure, exclude) = match text.split_once('=') {
            None if text.starts_with('-') => (rstrip(&text[1..]), None, false, true),
            None => {
                self.warnx(&format!("{source}({number}): invalid syntax, continuing..."));
                return None;
            }
            Some((key, value)) => {
                let (key, ignore) = match key.strip_prefix('-') {
                    Some(k) => (k, true),
                    None => (key, false),
                };
                (rstrip(key), Some(rstrip(value.trim_start_matches(is_space)).to_string()), ignore, false)
            }
        };
        let (path, w) = keys::path_of(key.strip_prefix('-').unwrap_or(key));
        self.warn_opt(w);
        Some(Setting { path, value, ignore_failure, exclude })
    }

    /// Read the settings of one `-p` argument (a name, pattern or `-` for
    /// stdin) into `list` (procps's `Preload`).
    pub fn load(&mut self, list: &mut Vec<Setting>, name: &str) -> i32 {
        let mut number = 0;
        for file in glob::expand_file_name(name) {
            let reader: Box<dyn BufRead> = if file == "-" {
                Box::new(std::io::BufReader::new(std::io::stdin()))
            } else {
                match std::fs::File::open(&file) {
                    Ok(f) => Box::new(std::io::BufReader::new(f)),
                    Err(e) => {
                        self.warn(&format!("cannot open \"{file}\""), errno_of(&e));
                        return 1;
                    }
                }
            };
            let mut reader = reader;
            loop {
                let mut bytes = Vec::new();
                // A read error ends the file, as getline's -1 does.
                match reader.read_until(b'\n', &mut bytes) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
                number += 1;
                if bytes.len() < 2 {
                    continue;
                }
                // procps handles the line as a C string: it ends at a NUL.
                if let Some(nul) = bytes.iter().position(|&b| b == 0) {
                    bytes.truncate(nul);
                }
                let line = String::from_utf8_lossy(&bytes);
                if let Some(s) = self.parse_line(&file, number, &line) {
                    list.push(s);
                }
            }
        }
        0
    }

    /// `--system`: every `*.conf` of the system directories, by file name,
    /// then /etc/sysctl.conf (procps's `PreloadSystem`).
    pub fn load_system(&mut self, list: &mut Vec<Setting>) -> i32 {
        let mut files: Vec<(String, String)> = Vec::new();
        for dir in SYSTEM_DIRS {
            let Ok(entries) = std::fs::read_dir(dir) else { continue };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.len() < 5 || !name.ends_with(".conf") || files.iter().any(|(n, _)| *n == name) {
                    continue;
                }
                files.push((name.clone(), format!("{dir}/{name}")));
            }
        }
        files.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let mut rc = 0;
        let default = std::fs::metadata(DEFAULT_FILE).is_ok_and(|m| m.is_file());
        let all = files.into_iter().map(|(_, path)| path).chain(default.then(|| DEFAULT_FILE.to_string()));
        for path in all {
            if !self.flags.quiet {
                let r = self.out.text(&format!("* Applying {path} ...\n"));
                self.check(r);
            }
            rc |= self.load(list, &path);
        }
        rc
    }

    /// Write what was loaded (procps's `write_setting_list`).
    pub fn write_list(&mut self, list: &[Setting]) -> i32 {
        let mut rc = 0;
        for s in list.iter().filter(|s| !s.exclude) {
            if !glob::is_pattern(&s.path) {
                rc |= self.write_setting(&s.path, s.value.as_deref(), s.ignore_failure);
                continue;
            }
            for path in glob::expand(&s.path) {
                if list.iter().any(|other| other.path == path) {
                    continue;
                }
                rc |= self.write_setting(&path, s.value.as_deref(), s.ignore_failure);
            }
        }
        rc
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::Printer;

    fn engine() -> Engine<Vec<u8>> {
        Engine::new(Default::default(), "sysctl", Printer::new(Vec::new(), false, false, false, false))
    }

    #[test]
    fn lines() {
        let mut e = engine();
        let s = e.parse_line("f", 1, "  net.ipv4.ip_forward = 1 \n").expect("setting");
        assert_eq!((s.path.as_str(), s.value.as_deref(), s.ignore_failure), ("/proc/sys/net/ipv4/ip_forward", Some("1"), false));
        let s = e.parse_line("f", 1, "-net/ipv4/x=a  b\n").expect("setting");
        assert_eq!((s.path.as_str(), s.value.as_deref(), s.ignore_failure), ("/proc/sys/net/ipv4/x", Some("a  b"), true));
        let s = e.parse_line("f", 1, "-net.ipv4.conf.lo.rp_filter \n").expect("exclusion");
        assert!(s.exclude && s.value.is_none());
        assert!(e.parse_line("f", 1, "# x = 1\n").is_none());
        assert!(e.parse_line("f", 1, "; x = 1\n").is_none());
        assert!(e.parse_line("f", 1, "\n").is_none());
        assert!(e.parse_line("f", 1, "x\n").is_none());
        assert_eq!(e.parse_line("f", 1, "k=\n").and_then(|s| s.value), Some(String::new()));
    }

    #[test]
    fn rstrip_keeps_first_char() {
        assert_eq!(rstrip("ab  "), "ab");
        assert_eq!(rstrip("  "), " ");
        assert_eq!(rstrip(""), "");
    }
}
