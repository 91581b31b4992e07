//! `--persist[=FILE]` (rtun's addition): record the values set on the
//! command line in a sysctl.conf-style file so they survive a reboot. Each
//! key has one line `key = value`: an existing line for the key (in either
//! separator spelling, with or without the `-` prefix, which is kept) is
//! replaced in place and later duplicates dropped; a new key is appended.
//! The file is handled as bytes: every byte of the lines not replaced is
//! kept (UTF-8 or not), and keys are compared as bytes.
//!
//! How the file is replaced:
//! - A symlink is followed (a relative one from its own directory) and its
//!   target is updated; the link stays as it is.
//! - Writers are serialised by an exclusive flock on the target's
//!   directory, held from reading the file to renaming the new one over
//!   it. The directory (unlike the file, which the rename replaces) is the
//!   same object for every writer, and no lock file is left behind.
//! - The new content goes to a temporary file in the same directory,
//!   written, synced, given the old file's owner, group and mode (0644 for
//!   a new file), then renamed over the old one: the file is never seen
//!   half-written, and on any error the old file is left untouched.
//! - A file whose mode has no write bit is refused (root could write it,
//!   but an admin who makes a sysctl.d file read-only means it to stay),
//!   as is anything but a regular file. `check` makes these checks before
//!   anything is set; `update` makes them again under the lock.

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::{conf, keys};

pub const DEFAULT_FILE: &str = "/etc/sysctl.d/90-rtun.conf";

fn is_space(b: &u8) -> bool {
    conf::is_space(char::from(*b))
}

fn trim_start(s: &[u8]) -> &[u8] {
    &s[s.iter().take_while(|b| is_space(b)).count()..]
}

fn trim(s: &[u8]) -> &[u8] {
    let s = trim_start(s);
    &s[..s.len() - s.iter().rev().take_while(|b| is_space(b)).count()]
}

/// The dotted key of a setting line, and whether it has the `-` prefix.
fn line_key(line: &[u8]) -> Option<(Vec<u8>, bool)> {
    let text = trim_start(line);
    if matches!(text.first(), None | Some(b'#') | Some(b';')) {
        return None;
    }
    let eq = text.iter().position(|&b| b == b'=')?;
    let key = trim(&text[..eq]);
    let (key, dash) = match key.strip_prefix(b"-") {
        Some(k) => (trim_start(k), true),
        None => (key, false),
    };
    Some((keys::dotted_bytes(key), dash))
}

/// The new content of the file: `existing` with `settings` (dotted key,
/// value; a later value for the same key wins) merged in.
pub fn merge(existing: &[u8], settings: &[(String, String)]) -> Vec<u8> {
    let mut wanted: Vec<(String, String)> = Vec::new();
    for (k, v) in settings {
        match wanted.iter_mut().find(|(wk, _)| wk == k) {
            Some(slot) => slot.1 = v.clone(),
            None => wanted.push((k.clone(), v.clone())),
        }
    }
    let mut placed = vec![false; wanted.len()];
    let mut out = Vec::with_capacity(existing.len() + 64);
    for line in existing.split_inclusive(|&b| b == b'\n') {
        let hit = line_key(line).and_then(|(k, dash)| wanted.iter().position(|(wk, _)| wk.as_bytes() == k).map(|i| (i, dash)));
        match hit {
            None => out.extend_from_slice(line),
            Some((i, _)) if placed[i] => {}
            Some((i, dash)) => {
                placed[i] = true;
                let (k, v) = &wanted[i];
                out.extend_from_slice(format!("{}{k} = {v}\n", if dash { "-" } else { "" }).as_bytes());
            }
        }
    }
    if out.last().is_some_and(|&b| b != b'\n') {
        out.push(b'\n');
    }
    for (i, (k, v)) in wanted.iter().enumerate() {
        if !placed[i] {
            out.extend_from_slice(format!("{k} = {v}\n").as_bytes());
        }
    }
    out
}

fn strerror(e: &std::io::Error) -> String {
    crate::netlink::errno::strerror(e.raw_os_error().unwrap_or(libc::EIO))
}

/// The file to write: `file`, or where its symlinks lead (the target need
/// not exist yet).
fn resolve(file: &Path) -> Result<PathBuf, String> {
    let mut path = file.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&path).map_err(|e| strerror(&e))?;
                path = match path.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(crate::netlink::errno::strerror(libc::ELOOP))
}

/// Refuse an existing file that is not a regular file or has no write bit.
fn updatable(meta: &std::fs::Metadata) -> Result<(), String> {
    if meta.is_dir() {
        return Err(crate::netlink::errno::strerror(libc::EISDIR));
    }
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.mode() & 0o222 == 0 {
        return Err(format!("the file is read-only (mode {:04o})", meta.mode() & 0o7777));
    }
    Ok(())
}

/// The existing file `target`, if any, after `updatable`.
fn existing(target: &Path) -> Result<Option<std::fs::Metadata>, String> {
    match std::fs::metadata(target) {
        Ok(meta) => updatable(&meta).map(|()| Some(meta)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(strerror(&e)),
    }
}

/// Whether `file` can be updated, asked before anything is set. The error
/// is a message.
pub fn check(file: &Path) -> Result<(), String> {
    existing(&resolve(file)?).map(|_| ())
}

/// Merge `settings` into `file` (see the module's notes). The error is a
/// message.
pub fn update(file: &Path, settings: &[(String, String)]) -> Result<(), String> {
    if let Some((_, v)) = settings.iter().find(|(_, v)| v.contains('\n')) {
        return Err(format!("a value with a line break cannot be recorded: {v:?}"));
    }
    let target = resolve(file)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let in_dir = |e: std::io::Error| format!("{}: {}", dir.display(), strerror(&e));
    std::fs::DirBuilder::new().recursive(true).mode(0o755).create(&dir).map_err(in_dir)?;
    // Held until it is dropped at the end of this function.
    let lock = std::fs::File::open(&dir).map_err(in_dir)?;
    lock.lock().map_err(in_dir)?;
    let old = existing(&target)?;
    let bytes = match old {
        Some(_) => std::fs::read(&target).map_err(|e| strerror(&e))?,
        None => Vec::new(),
    };
    let content = merge(&bytes, settings);
    let name = target.file_name().map_or_else(|| "sysctl.conf".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.rtun-{}.tmp", std::process::id()));
    // One left by a writer that died with this process id (none can be
    // writing it now: the lock is ours).
    let _ = std::fs::remove_file(&tmp);
    let written = (|| -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp)?;
        f.write_all(&content)?;
        let mode = match &old {
            Some(meta) => {
                let now = f.metadata()?;
                if (now.uid(), now.gid()) != (meta.uid(), meta.gid()) {
                    std::os::unix::fs::fchown(&f, Some(meta.uid()), Some(meta.gid()))?;
                }
                meta.mode() & 0o7777
            }
            None => 0o644,
        };
        // After the chown (which clears set-id bits), and whatever the umask.
        f.set_permissions(std::fs::Permissions::from_mode(mode))?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(strerror(&e));
    }
    // Make the rename itself durable (best effort).
    let _ = lock.sync_all();
    drop(lock);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn replaces_in_place_either_spelling() {
        let old = b"# keep\nnet/ipv4/ip_forward=0\nnet.core.somaxconn = 5\n-net.ipv4.ip_forward = 7\n";
        let new = merge(old, &kv(&[("net.ipv4.ip_forward", "1")]));
        assert_eq!(new, b"# keep\nnet.ipv4.ip_forward = 1\nnet.core.somaxconn = 5\n");
    }

    #[test]
    fn appends_new_keys_and_keeps_dash() {
        let new = merge(b"-net.a = 1", &kv(&[("net.a", "2"), ("net.b", "3"), ("net.b", "4")]));
        assert_eq!(new, b"-net.a = 2\nnet.b = 4\n");
        assert_eq!(merge(b"", &kv(&[("net.c", "1 2")])), b"net.c = 1 2\n");
    }

    #[test]
    fn comments_are_not_keys() {
        let new = merge(b"#net.a = 1\n; net.a=2\n", &kv(&[("net.a", "3")]));
        assert_eq!(new, b"#net.a = 1\n; net.a=2\nnet.a = 3\n");
    }

    #[test]
    fn bytes_are_kept_and_keys_compared_as_bytes() {
        let old = b"# \xff\xfe\nnet.\xff = 1\t\nnet.a=\xe9\n\x0bnet/b = 2\n";
        // A key that is not UTF-8 matches no key (not even U+FFFD's).
        let new = merge(old, &kv(&[("net.\u{fffd}", "0"), ("net.b", "3")]));
        assert_eq!(new, b"# \xff\xfe\nnet.\xff = 1\t\nnet.a=\xe9\nnet.b = 3\nnet.\xef\xbf\xbd = 0\n");
    }
}
