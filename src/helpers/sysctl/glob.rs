//! Shell wildcards as procps uses them through glob(3): a setting such as
//! `net.ipv4.conf.*.rp_filter = 2` names every file its path pattern
//! matches (sorted, as glob sorts), and a `-p` file name may be a pattern
//! (kept as typed when nothing matches: GLOB_NOCHECK) or start with `~`.

use std::path::Path;

/// Whether a path has wildcard characters (procps: `*?[`).
pub fn is_pattern(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// fnmatch(3) without flags: `*`, `?`, `[…]` (`!`/`^` negation, ranges),
/// `\` escapes; a leading `.` must be matched literally (glob's rule).
pub fn fnmatch(pattern: &str, name: &str) -> bool {
    if name.starts_with('.') && !pattern.starts_with('.') {
        return false;
    }
    matches_at(pattern.as_bytes(), name.as_bytes())
}

/// The classic wildcard walk: on a mismatch, go back to just after the
/// last `*` and let it take one more byte. Every other token takes exactly
/// one byte, so that is enough, and it takes O(pattern × name) steps where
/// trying every split for every `*` took exponential time.
fn matches_at(p: &[u8], s: &[u8]) -> bool {
    let (mut pi, mut si) = (0, 0);
    // (pattern index after the last `*`, name index it was tried at)
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if p.get(pi) == Some(&b'*') {
            pi += 1;
            star = Some((pi, si));
            continue;
        }
        if let Some(used) = one_byte(&p[pi..], s[si]) {
            pi += used;
            si += 1;
            continue;
        }
        match star {
            Some((after, tried)) => {
                pi = after;
                si = tried + 1;
                star = Some((after, si));
            }
            None => return false,
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// Whether the token at the start of `p` (not `*`) matches `c`; how many
/// pattern bytes it is.
fn one_byte(p: &[u8], c: u8) -> Option<usize> {
    match p.first()? {
        b'?' => Some(1),
        b'[' => match bracket(&p[1..]) {
            Some((set, used)) => set(c).then_some(1 + used),
            // An unclosed `[` is an ordinary character.
            None => (c == b'[').then_some(1),
        },
        b'\\' if p.len() > 1 => (p[1] == c).then_some(2),
        &b => (b == c).then_some(1),
    }
}

/// A bracket expression after its `[`: a membership test and the bytes used.
fn bracket(p: &[u8]) -> Option<(impl Fn(u8) -> bool, usize)> {
    let mut i = 0;
    let negate = matches!(p.first(), Some(b'!' | b'^'));
    if negate {
        i += 1;
    }
    let mut ranges: Vec<(u8, u8)> = Vec::new();
    let mut first = true;
    loop {
        let c = *p.get(i)?;
        if c == b']' && !first {
            i += 1;
            break;
        }
        first = false;
        let lo = if c == b'\\' { i += 1; *p.get(i)? } else { c };
        i += 1;
        if p.get(i) == Some(&b'-') && p.get(i + 1).is_some_and(|&n| n != b']') {
            ranges.push((lo, p[i + 1]));
            i += 2;
        } else {
            ranges.push((lo, lo));
        }
    }
    Some((move |b: u8| ranges.iter().any(|&(lo, hi)| lo <= b && b <= hi) != negate, i))
}

/// glob(3) with no flags: the existing paths the pattern matches, sorted.
pub fn expand(pattern: &str) -> Vec<String> {
    let absolute = pattern.starts_with('/');
    let mut found = vec![if absolute { "/".to_string() } else { String::new() }];
    let parts: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty()).collect();
    for (n, part) in parts.iter().enumerate() {
        let last = n + 1 == parts.len();
        let mut next = Vec::new();
        for base in &found {
            let join = |name: &str| if base.is_empty() || base.ends_with('/') { format!("{base}{name}") } else { format!("{base}/{name}") };
            if !is_pattern(part) {
                next.push(join(part));
                continue;
            }
            let dir = if base.is_empty() { "." } else { base.as_str() };
            let Ok(entries) = std::fs::read_dir(dir) else { continue };
            let mut names: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| fnmatch(part, name))
                .collect();
            names.sort();
            for name in names {
                let path = join(&name);
                if last || Path::new(&path).is_dir() {
                    next.push(path);
                }
            }
        }
        found = next;
    }
    let mut found: Vec<String> = found.into_iter().filter(|p| std::fs::symlink_metadata(p).is_ok()).collect();
    if pattern.ends_with('/') {
        found.iter_mut().for_each(|p| if !p.ends_with('/') { p.push('/') });
    }
    found.sort();
    found
}

/// A `-p` argument: `~` expanded, then its matches, or itself when none.
pub fn expand_file_name(name: &str) -> Vec<String> {
    let name = match name.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => match std::env::var("HOME") {
            Ok(home) => format!("{home}{rest}"),
            Err(_) => name.to_string(),
        },
        _ => name.to_string(),
    };
    if !is_pattern(&name) {
        return vec![name];
    }
    let found = expand(&name);
    if found.is_empty() { vec![name] } else { found }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnmatch_rules() {
        assert!(fnmatch("*", "eth0"));
        assert!(fnmatch("eth?", "eth0"));
        assert!(!fnmatch("eth?", "eth10"));
        assert!(fnmatch("[a-c]x", "bx"));
        assert!(!fnmatch("[!a-c]x", "bx"));
        assert!(!fnmatch("*", ".hidden"));
        assert!(fnmatch("\\*", "*"));
    }

    #[test]
    fn many_stars_take_polynomial_time() {
        // Every split of the name among 30 stars: exponential by brute force.
        let name = "a".repeat(40);
        assert!(!fnmatch(&format!("{}b", "*".repeat(30)), &name));
        assert!(!fnmatch(&"*a".repeat(30).replace("a*a", "a*?b"), &name));
        assert!(fnmatch("*a*a*[a]", &name));
        assert!(fnmatch("a*\\*b", "ax*b"));
        assert!(!fnmatch("a*\\*b", "axb"));
        assert!(fnmatch("*[*", "x["));
    }

    #[test]
    fn expands_under_proc_sys() {
        let all = expand("/proc/sys/net/ipv4/conf/*/forwarding");
        assert!(all.iter().any(|p| p == "/proc/sys/net/ipv4/conf/all/forwarding"));
        assert!(all.windows(2).all(|w| w[0] <= w[1]));
        assert!(expand("/proc/sys/net/nosuch*/x").is_empty());
        assert_eq!(expand_file_name("/nonexistent/*.conf"), ["/nonexistent/*.conf"]);
    }
}
