//! Writing one variable (procps's `WriteSetting`): the value and a newline
//! in a single write(2), after the checks procps makes, with its messages
//! and its status (0 or 1; a read-only variable is reported but is not a
//! failure in 4.0.2).

use std::io::Write;

use super::engine::{errno_of, Engine};
use super::keys;

impl<W: Write> Engine<W> {
    /// Set `path` (a file under /proc/sys) to `value`; `None` is a
    /// `-KEY` exclusion line given as a setting, which procps writes as
    /// `(null)`. `ignore_failure` is the `-KEY = VALUE` prefix.
    pub fn write_setting(&mut self, path: &str, value: Option<&str>, ignore_failure: bool) -> i32 {
        let meta = match std::fs::metadata(keys::os(path)) {
            Ok(m) => m,
            Err(e) => {
                if self.flags.ignore_error {
                    return 0;
                }
                self.warn(&format!("cannot stat {path}"), errno_of(&e));
                return 1;
            }
        };
        if !self.is_proc_path(path) {
            return 1;
        }
        let (key, w) = keys::dotted(path);
        self.warn_opt(w);
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o200 == 0 || meta.is_dir() {
            // procps reports whatever errno realpath() left behind: EINVAL.
            self.warn(&format!("setting key \"{key}\""), libc::EINVAL);
            return 0;
        }
        let value = value.unwrap_or("(null)");
        let ignoring = if ignore_failure { ", ignoring" } else { "" };
        let mut rc = 0;
        if !self.flags.dry_run {
            match std::fs::OpenOptions::new().write(true).truncate(true).open(keys::os(path)) {
                Err(e) => {
                    let errno = errno_of(&e);
                    match errno {
                        libc::ENOENT => {
                            if !self.flags.ignore_error {
                                self.warnx(&format!("\"{key}\" is an unknown key{ignoring}"));
                                if !ignore_failure {
                                    rc = 1;
                                }
                            }
                        }
                        libc::EPERM | libc::EROFS | libc::EACCES => {
                            self.warnx(&format!("permission denied on key \"{key}\"{ignoring}"));
                        }
                        _ => self.warn(&format!("setting key \"{key}\"{ignoring}"), errno),
                    }
                    if !ignore_failure && errno != libc::ENOENT {
                        rc = 1;
                    }
                }
                Ok(mut file) => {
                    let line = format!("{value}\n");
                    if let Err(e) = file.write(line.as_bytes()) {
                        self.warn(&format!("setting key \"{key}\""), errno_of(&e));
                        return 1;
                    }
                    self.written.push((key.clone(), value.to_string()));
                }
            }
        }
        if (rc == 0 && !self.flags.quiet) || self.flags.dry_run {
            self.emit_set(&key, value);
        }
        rc
    }
}
