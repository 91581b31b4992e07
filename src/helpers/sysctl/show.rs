//! Reading variables: one name (a directory shows everything below it) or
//! all of /proc/sys (`-a`). Status values follow procps 4.0.2: 1 for a
//! failure, -1 for an empty name or a path outside /proc/sys, and the
//! failures below a subdirectory of a walk are not counted (a procps quirk).

use std::io::{Read, Write};

use super::engine::{errno_of, Engine};
use super::keys::{self, PROC_SYS};

/// Names `-a` leaves out unless `--deprecated`.
const DEPRECATED: &[&str] = &["base_reachable_time", "retrans_time"];

impl<W: Write> Engine<W> {
    /// realpath() must land under /proc/sys/ (procps's `is_proc_path`).
    pub fn is_proc_path(&mut self, path: &str) -> bool {
        let Ok(real) = std::fs::canonicalize(keys::os(path)) else {
            return false;
        };
        if real.as_os_str().as_encoded_bytes().starts_with(PROC_SYS.as_bytes()) {
            return true;
        }
        self.warnx(&format!("Path is not under {PROC_SYS}: {path}"));
        false
    }

    /// Show one variable, or all below a directory (procps's `ReadSetting`).
    pub fn read_setting(&mut self, name: &str) -> i32 {
        if name.is_empty() {
            self.warnx(&format!("\"{name}\" is an unknown key"));
            return -1;
        }
        // procps converts the shown name twice (a leftover), so its warning
        // about repeated separators may appear twice.
        let (_, w) = keys::dotted(name);
        self.warn_opt(w);
        let (path, w) = keys::path_of(name);
        self.warn_opt(w);
        let (outname, w) = keys::dotted(name);
        self.warn_opt(w);

        let meta = match std::fs::metadata(keys::os(&path)) {
            Ok(m) => m,
            Err(e) => {
                if self.flags.ignore_error {
                    return 0;
                }
                self.warn(&format!("cannot stat {path}"), errno_of(&e));
                return 1;
            }
        };
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o400 == 0 {
            return 0;
        }
        if !self.is_proc_path(&path) {
            return -1;
        }
        if meta.is_dir() {
            return self.display_all(&format!("{path}/"));
        }
        if !self.pattern_ok(&outname) {
            return 0;
        }
        if self.flags.name_only {
            self.emit_name(&outname);
            return 0;
        }
        let mut file = match std::fs::File::open(keys::os(&path)) {
            Ok(f) => f,
            Err(e) => {
                return match errno_of(&e) {
                    libc::ENOENT if self.flags.ignore_error => 0,
                    libc::ENOENT => {
                        self.warnx(&format!("\"{outname}\" is an unknown key"));
                        1
                    }
                    libc::EACCES => {
                        self.warnx(&format!("permission denied on key '{outname}'"));
                        1
                    }
                    // stable_secret and the like: silently a failure.
                    libc::EIO => 1,
                    errno => {
                        self.warn(&format!("reading key \"{outname}\""), errno);
                        1
                    }
                };
            }
        };
        let mut content = Vec::new();
        if let Err(e) = file.read_to_end(&mut content) {
            return match errno_of(&e) {
                libc::EACCES => {
                    self.warnx(&format!("permission denied on key '{outname}'"));
                    1
                }
                libc::EISDIR => self.display_all(&format!("{path}/")),
                libc::EIO => 1,
                _ => {
                    self.warnx(&format!("reading key \"{outname}\""));
                    1
                }
            };
        }
        // An empty file prints nothing in text; JSON still records it.
        if !content.is_empty() || self.out.is_json() {
            self.emit_read(&outname, &content);
        }
        0
    }

    /// Show every variable below `dir` (which ends with `/`), in the order
    /// the kernel lists them (procps's `DisplayAll`). Names are walked as
    /// bytes: an interface name need not be UTF-8.
    pub fn display_all(&mut self, dir: &str) -> i32 {
        let entries = match std::fs::read_dir(keys::os(dir)) {
            Ok(e) => e,
            Err(_) => {
                self.warnx(&format!("unable to open directory \"{dir}\""));
                return 1;
            }
        };
        let mut rc = 0;
        for entry in entries.flatten() {
            use std::os::unix::ffi::OsStrExt;
            let name = crate::cli::bytes::word(entry.file_name().as_bytes());
            if !self.flags.show_deprecated && DEPRECATED.contains(&name.as_str()) {
                continue;
            }
            let path = format!("{dir}{name}");
            match std::fs::metadata(keys::os(&path)) {
                Err(e) => self.warn(&format!("cannot stat {path}"), errno_of(&e)),
                Ok(m) if m.is_dir() => {
                    self.display_all(&format!("{path}/"));
                }
                Ok(_) => rc |= self.read_setting(&path[PROC_SYS.len()..]),
            }
        }
        rc
    }
}
