//! `--persist[=FILE]` (rtun's addition): record the values just set in a
//! sysctl.conf-style file so they survive a reboot. Each key has one line
//! `key = value`: an existing line for the key (in either separator
//! spelling, with or without the `-` prefix, which is kept) is replaced in
//! place and later duplicates dropped; a new key is appended. The file is
//! replaced atomically — a temporary file in the same directory, written,
//! synced, given mode 0644, then renamed over the old one — so it is never
//! seen half-written, and on any error the old file is left untouched.

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::keys;

pub const DEFAULT_FILE: &str = "/etc/sysctl.d/90-rtun.conf";

/// The dotted key of a setting line, and whether it has the `-` prefix.
fn line_key(line: &str) -> Option<(String, bool)> {
    let text = line.trim_start();
    if text.is_empty() || text.starts_with('#') || text.starts_with(';') {
        return None;
    }
    let (key, _) = text.split_once('=')?;
    let key = key.trim();
    let (key, dash) = match key.strip_prefix('-') {
        Some(k) => (k.trim_start(), true),
        None => (key, false),
    };
    Some((keys::dotted(key).0, dash))
}

/// The new content of the file: `existing` with `settings` (dotted key,
/// value; a later value for the same key wins) merged in.
pub fn merge(existing: &str, settings: &[(String, String)]) -> String {
    let mut wanted: Vec<(String, String)> = Vec::new();
    for (k, v) in settings {
        match wanted.iter_mut().find(|(wk, _)| wk == k) {
            Some(slot) => slot.1 = v.clone(),
            None => wanted.push((k.clone(), v.clone())),
        }
    }
    let mut placed = vec![false; wanted.len()];
    let mut out = String::with_capacity(existing.len() + 64);
    for line in existing.split_inclusive('\n') {
        let hit = line_key(line).and_then(|(k, dash)| wanted.iter().position(|(wk, _)| *wk == k).map(|i| (i, dash)));
        match hit {
            None => out.push_str(line),
            Some((i, _)) if placed[i] => {}
            Some((i, dash)) => {
                placed[i] = true;
                let (k, v) = &wanted[i];
                out.push_str(&format!("{}{k} = {v}\n", if dash { "-" } else { "" }));
            }
        }
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for (i, (k, v)) in wanted.iter().enumerate() {
        if !placed[i] {
            out.push_str(&format!("{k} = {v}\n"));
        }
    }
    out
}

fn strerror(e: &std::io::Error) -> String {
    crate::netlink::errno::strerror(e.raw_os_error().unwrap_or(libc::EIO))
}

/// Merge `settings` into `file`, atomically. The error is a message.
pub fn update(file: &Path, settings: &[(String, String)]) -> Result<(), String> {
    if let Some((_, v)) = settings.iter().find(|(_, v)| v.contains('\n')) {
        return Err(format!("a value with a line break cannot be recorded: {v:?}"));
    }
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::DirBuilder::new().recursive(true).mode(0o755).create(&dir).map_err(|e| format!("{}: {}", dir.display(), strerror(&e)))?;
    let existing = match std::fs::read(file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(strerror(&e)),
    };
    let content = merge(&existing, settings);
    let name = file.file_name().map_or_else(|| "sysctl.conf".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.rtun-{}.tmp", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o644).open(&tmp)?;
        f.write_all(content.as_bytes())?;
        // The mode asked for above is cut by the umask; 0644 it must be.
        f.set_permissions(std::fs::Permissions::from_mode(0o644))?;
        f.sync_all()?;
        std::fs::rename(&tmp, file)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(strerror(&e));
    }
    // Make the rename itself durable (best effort).
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
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
        let old = "# keep\nnet/ipv4/ip_forward=0\nnet.core.somaxconn = 5\n-net.ipv4.ip_forward = 7\n";
        let new = merge(old, &kv(&[("net.ipv4.ip_forward", "1")]));
        assert_eq!(new, "# keep\nnet.ipv4.ip_forward = 1\nnet.core.somaxconn = 5\n");
    }

    #[test]
    fn appends_new_keys_and_keeps_dash() {
        let new = merge("-net.a = 1", &kv(&[("net.a", "2"), ("net.b", "3"), ("net.b", "4")]));
        assert_eq!(new, "-net.a = 2\nnet.b = 4\n");
        assert_eq!(merge("", &kv(&[("net.c", "1 2")])), "net.c = 1 2\n");
    }

    #[test]
    fn comments_are_not_keys() {
        let new = merge("#net.a = 1\n; net.a=2\n", &kv(&[("net.a", "3")]));
        assert_eq!(new, "#net.a = 1\n; net.a=2\nnet.a = 3\n");
    }
}
