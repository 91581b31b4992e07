//! Variable names and their files: `net.ipv4.ip_forward` ⇄
//! `/proc/sys/net/ipv4/ip_forward`. procps accepts either separator and
//! converts by *swapping* them once the first separator shows which spelling
//! was used — so a dot inside a name (`conf/eth0.5/…`) survives the round
//! trip as a slash in the dotted name (`conf.eth0/5.…`).

pub const PROC_SYS: &str = "/proc/sys/";

/// A name or path as a word (bytes that are not UTF-8 ride in it:
/// `cli::bytes`), as the file system takes it: the bytes themselves.
/// Interface names in /proc/sys/net need not be UTF-8.
pub fn os(word: &str) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(&crate::cli::bytes::bytes(word)).into()
}

/// Convert from separator `old` to `new`: if the first separator is already
/// `new`, nothing changes; else every `.` and `/` are swapped. Returns the
/// result and procps's warning when two separators follow each other.
pub fn slashdot(s: &str, old: u8, new: u8) -> (String, Option<String>) {
    let (b, warning) = slashdot_bytes(s.as_bytes(), old, new);
    (String::from_utf8_lossy(&b).into_owned(), warning)
}

/// `slashdot` on bytes (a name read from a file may not be UTF-8).
pub fn slashdot_bytes(s: &[u8], old: u8, new: u8) -> (Vec<u8>, Option<String>) {
    let mut b = s.to_vec();
    let is_sep = |c: u8| c == b'/' || c == b'.';
    let Some(first) = b.iter().position(|&c| is_sep(c)) else {
        return (b, None);
    };
    if b[first] == new {
        return (b, None);
    }
    let mut warning = None;
    for i in first..b.len() {
        let c = b[i];
        if !is_sep(c) {
            continue;
        }
        if warning.is_none() && b.get(i + 1).is_some_and(|&n| is_sep(n)) {
            // The text from here on is still unconverted.
            warning = Some(format!("separators should not be repeated: {}", String::from_utf8_lossy(&s[i..])));
        }
        if c == old {
            b[i] = new;
        } else if c == new {
            b[i] = old;
        }
    }
    (b, warning)
}

/// The file of a variable: `/proc/sys/` + the name with `/` separators.
pub fn path_of(name: &str) -> (String, Option<String>) {
    let (rel, warning) = slashdot(name, b'.', b'/');
    (format!("{PROC_SYS}{rel}"), warning)
}

/// The dotted name of a variable, from a name or from a path under /proc/sys.
pub fn dotted(name: &str) -> (String, Option<String>) {
    slashdot(name.strip_prefix(PROC_SYS).unwrap_or(name), b'/', b'.')
}

/// `dotted` on bytes, without the warning.
pub fn dotted_bytes(name: &[u8]) -> Vec<u8> {
    slashdot_bytes(name.strip_prefix(PROC_SYS.as_bytes()).unwrap_or(name), b'/', b'.').0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn either_spelling() {
        assert_eq!(path_of("net.ipv4.ip_forward").0, "/proc/sys/net/ipv4/ip_forward");
        assert_eq!(path_of("net/ipv4/ip_forward").0, "/proc/sys/net/ipv4/ip_forward");
        assert_eq!(dotted("net/ipv4/ip_forward").0, "net.ipv4.ip_forward");
        assert_eq!(dotted("/proc/sys/net/ipv4/ip_forward").0, "net.ipv4.ip_forward");
    }

    #[test]
    fn dots_in_names_are_swapped() {
        assert_eq!(dotted("net/ipv4/conf/eth0.5/forwarding").0, "net.ipv4.conf.eth0/5.forwarding");
        assert_eq!(path_of("net.ipv4.conf.eth0/5.forwarding").0, "/proc/sys/net/ipv4/conf/eth0.5/forwarding");
    }

    #[test]
    fn repeated_separators_warn_once() {
        let (p, w) = path_of("../../etc/hostname");
        assert_eq!(p, "/proc/sys///.//.etc.hostname");
        assert_eq!(w.as_deref(), Some("separators should not be repeated: ../../etc/hostname"));
        let (p, w) = path_of("net..ipv4.ip_forward");
        assert_eq!(p, "/proc/sys/net//ipv4/ip_forward");
        assert_eq!(w.as_deref(), Some("separators should not be repeated: ..ipv4.ip_forward"));
        assert_eq!(dotted("net..ipv4").1, None);
    }
}
