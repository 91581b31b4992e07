//! Whether a kernel module is there for a tunnel kind (`tunnel check`'s
//! kernel check): loaded, built in, loadable, kept from loading, or not in
//! this kernel at all. Read from /sys/module, /lib/modules/RELEASE and the
//! modprobe configuration; nothing is loaded.

use std::path::{Path, PathBuf};

/// What the kernel has of a module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    Loaded,
    BuiltIn,
    /// Not loaded; modprobe finds it and nothing keeps it out.
    Loadable,
    /// Kept from loading: each (file, line number, line) that does it.
    Blocked(Vec<(PathBuf, usize, String)>),
    /// kernel.modules_disabled is 1: nothing more can be loaded.
    Disabled,
    /// Not in this kernel's modules (the release).
    Missing(String),
}

/// Where modprobe reads its configuration, in its order.
const CONF_DIRS: &[&str] = &["/etc/modprobe.d", "/run/modprobe.d", "/usr/local/lib/modprobe.d", "/lib/modprobe.d", "/usr/lib/modprobe.d"];

/// Module names compare with `-` and `_` the same.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y || matches!((x, y), (b'-', b'_') | (b'_', b'-')))
}

/// The kernel's release (`uname -r`).
pub fn release() -> String {
    // SAFETY: utsname is plain data; uname fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: a valid pointer to a utsname.
    if unsafe { libc::uname(&mut u) } != 0 {
        return String::new();
    }
    let bytes: Vec<u8> = u.release.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Whether `list` (modules.dep or modules.builtin) names `module`.
fn listed(list: &str, module: &str) -> bool {
    list.lines().any(|l| {
        let path = l.split(':').next().unwrap_or("");
        let file = path.rsplit('/').next().unwrap_or("");
        file.split(".ko").next().is_some_and(|stem| file.contains(".ko") && same(stem, module))
    })
}

/// The lines of the modprobe configuration that keep `module` from
/// loading: `blacklist MODULE` (loading by alias, as the kernel asks for
/// a tunnel kind) and `install MODULE CMD` where CMD does not load it
/// (`/bin/false`, `/bin/true`).
pub fn blocking_lines(root: &Path, module: &str) -> Vec<(PathBuf, usize, String)> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut names: Vec<std::ffi::OsString> = Vec::new();
    for dir in CONF_DIRS {
        let Ok(rd) = std::fs::read_dir(root.join(dir.trim_start_matches('/'))) else { continue };
        let mut here: Vec<PathBuf> = rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "conf")).collect();
        here.sort();
        // A file of a name seen in an earlier directory overrides it.
        for p in here {
            let name = p.file_name().map(|n| n.to_os_string()).unwrap_or_default();
            if !names.contains(&name) {
                names.push(name);
                files.push(p);
            }
        }
    }
    let mut found = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        for (i, line) in text.lines().enumerate() {
            let mut w = line.split('#').next().unwrap_or("").split_whitespace();
            let blocks = match (w.next(), w.next()) {
                (Some("blacklist"), Some(m)) => same(m, module),
                (Some("install"), Some(m)) if same(m, module) => {
                    let cmd: Vec<&str> = w.collect();
                    matches!(cmd.first().map(|c| c.rsplit('/').next().unwrap_or(c)), Some("false" | "true")) && cmd.len() == 1
                }
                _ => false,
            };
            if blocks {
                found.push((f.clone(), i + 1, line.trim().to_string()));
            }
        }
    }
    found
}

/// What this kernel has of `module`.
pub fn state(module: &str) -> State {
    if Path::new("/sys/module").join(module).join("initstate").exists() {
        return State::Loaded;
    }
    let rel = release();
    let dir = Path::new("/lib/modules").join(&rel);
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_default();
    if listed(&read("modules.builtin"), module) || Path::new("/sys/module").join(module).exists() {
        return State::BuiltIn;
    }
    if std::fs::read_to_string("/proc/sys/kernel/modules_disabled").is_ok_and(|v| v.trim() == "1") {
        return State::Disabled;
    }
    if !listed(&read("modules.dep"), module) {
        return State::Missing(rel);
    }
    let blocked = blocking_lines(Path::new("/"), module);
    if blocked.is_empty() {
        State::Loadable
    } else {
        State::Blocked(blocked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_names() {
        // modules.dep: each module's line names its dependencies after ':'.
        let dep = "kernel/net/ipv4/ip_gre.ko.xz: kernel/net/ipv4/gre.ko.xz\nkernel/net/ipv4/ipip.ko:\n";
        assert!(listed(dep, "ip_gre") && listed(dep, "ip-gre") && listed(dep, "ipip"));
        assert!(!listed(dep, "gre_x") && !listed(dep, "ip_gr"));
        assert!(!listed(dep, "gre"), "only a module's own line counts");
    }

    #[test]
    fn what_keeps_a_module_out() {
        let root = std::env::temp_dir().join(format!("rtun-modprobe-{}", std::process::id()));
        let d = root.join("etc/modprobe.d");
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("a.conf"), "# no\nblacklist ip-gre\ninstall ip_gre /bin/false\ninstall ip_gre /sbin/modprobe --ignore-install ip_gre\noptions ip_gre x=1\n").unwrap();
        std::fs::write(d.join("b.txt"), "blacklist ip_gre\n").unwrap();
        let found = blocking_lines(&root, "ip_gre");
        std::fs::remove_dir_all(&root).unwrap();
        let lines: Vec<(usize, &str)> = found.iter().map(|(_, n, l)| (*n, l.as_str())).collect();
        assert_eq!(lines, vec![(2, "blacklist ip-gre"), (3, "install ip_gre /bin/false")]);
    }
}
