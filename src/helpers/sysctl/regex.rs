//! A small POSIX extended regular expression matcher for `--pattern`
//! (procps calls `regcomp(REG_EXTENDED | REG_NOSUB)` and `regexec`): the
//! only question asked is "does it match anywhere in this string". Bytes
//! are matched one at a time (names under /proc/sys are ASCII).
//!
//! Supported: literals, `.`, bracket expressions with ranges, negation and
//! `[:class:]`, `^`, `$`, `( )`, `|`, `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}`,
//! and `\` escapes. A pattern glibc would reject (an unmatched `(` or `[`, a
//! leading `*`) fails to compile; procps then matches nothing.

#[derive(Debug, Clone)]
enum Node {
    Byte(u8),
    Any,
    Set(Box<[bool; 256]>),
    Start,
    End,
    Group(Vec<Vec<Node>>),
    Repeat(Box<Node>, usize, Option<usize>),
}

#[derive(Debug, Clone)]
pub struct Regex {
    alts: Vec<Vec<Node>>,
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

const MAX_REPEAT: usize = 255;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn alternation(&mut self, depth: usize) -> Option<Vec<Vec<Node>>> {
        let mut alts = vec![self.branch(depth)?];
        while self.peek() == Some(b'|') {
            self.i += 1;
            alts.push(self.branch(depth)?);
        }
        Some(alts)
    }

    fn branch(&mut self, depth: usize) -> Option<Vec<Node>> {
        let mut seq: Vec<Node> = Vec::new();
        while let Some(c) = self.peek() {
            match c {
                b'|' => break,
                b')' if depth > 0 => break,
                b'*' | b'+' | b'?' => {
                    let last = seq.pop()?;
                    self.i += 1;
                    let (min, max) = match c {
                        b'*' => (0, None),
                        b'+' => (1, None),
                        _ => (0, Some(1)),
                    };
                    seq.push(Node::Repeat(Box::new(last), min, max));
                }
                b'{' => {
                    let last = seq.pop()?;
                    self.i += 1;
                    let (min, max) = self.interval()?;
                    seq.push(Node::Repeat(Box::new(last), min, max));
                }
                _ => seq.push(self.atom(depth)?),
            }
        }
        Some(seq)
    }

    fn number(&mut self) -> Option<usize> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok()
    }

    fn interval(&mut self) -> Option<(usize, Option<usize>)> {
        let min = self.number()?;
        let max = if self.peek() == Some(b',') {
            self.i += 1;
            if self.peek() == Some(b'}') { None } else { Some(self.number()?) }
        } else {
            Some(min)
        };
        if self.peek() != Some(b'}') || min > MAX_REPEAT || max.is_some_and(|m| m < min || m > MAX_REPEAT) {
            return None;
        }
        self.i += 1;
        Some((min, max))
    }

    fn atom(&mut self, depth: usize) -> Option<Node> {
        let c = self.peek()?;
        self.i += 1;
        Some(match c {
            b'.' => Node::Any,
            b'^' => Node::Start,
            b'$' => Node::End,
            b'(' => {
                let alts = self.alternation(depth + 1)?;
                if self.peek() != Some(b')') {
                    return None;
                }
                self.i += 1;
                Node::Group(alts)
            }
            b'[' => Node::Set(self.bracket()?),
            b'\\' => {
                let e = self.peek()?;
                self.i += 1;
                Node::Byte(e)
            }
            _ => Node::Byte(c),
        })
    }

    fn bracket(&mut self) -> Option<Box<[bool; 256]>> {
        let mut set = Box::new([false; 256]);
        let negate = self.peek() == Some(b'^');
        if negate {
            self.i += 1;
        }
        let mut first = true;
        loop {
            let c = self.peek()?;
            if c == b']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            if c == b'[' && self.s.get(self.i + 1) == Some(&b':') {
                let rest = &self.s[self.i + 2..];
                let end = rest.windows(2).position(|w| w == b":]")?;
                let name = std::str::from_utf8(&rest[..end]).ok()?;
                for b in 0..=255u8 {
                    if class_has(name, b)? {
                        set[b as usize] = true;
                    }
                }
                self.i += 2 + end + 2;
                continue;
            }
            self.i += 1;
            if self.peek() == Some(b'-') && self.s.get(self.i + 1).is_some_and(|&n| n != b']') {
                let hi = self.s[self.i + 1];
                self.i += 2;
                if hi < c {
                    return None;
                }
                for b in c..=hi {
                    set[b as usize] = true;
                }
            } else {
                set[c as usize] = true;
            }
        }
        if negate {
            for v in set.iter_mut() {
                *v = !*v;
            }
        }
        Some(set)
    }
}

fn class_has(name: &str, b: u8) -> Option<bool> {
    Some(match name {
        "alpha" => b.is_ascii_alphabetic(),
        "digit" => b.is_ascii_digit(),
        "alnum" => b.is_ascii_alphanumeric(),
        "upper" => b.is_ascii_uppercase(),
        "lower" => b.is_ascii_lowercase(),
        "space" => matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c),
        "blank" => matches!(b, b' ' | b'\t'),
        "punct" => b.is_ascii_punctuation(),
        "xdigit" => b.is_ascii_hexdigit(),
        "cntrl" => b.is_ascii_control(),
        "print" => (0x20..0x7f).contains(&b),
        "graph" => b.is_ascii_graphic(),
        _ => return None,
    })
}

impl Regex {
    /// Compile, or None where glibc's `regcomp` would fail.
    pub fn new(pattern: &str) -> Option<Regex> {
        let mut p = Parser { s: pattern.as_bytes(), i: 0 };
        let alts = p.alternation(0)?;
        // (An unmatched `)` was read as an ordinary character: glibc's ERE.)
        Some(Regex { alts })
    }

    /// `regexec`: a match anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let t = text.as_bytes();
        (0..=t.len()).any(|start| alts_at(&self.alts, t, start, &mut |_| true))
    }
}

fn alts_at(alts: &[Vec<Node>], t: &[u8], i: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
    alts.iter().any(|seq| seq_at(seq, t, i, k))
}

fn seq_at(seq: &[Node], t: &[u8], i: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
    match seq.split_first() {
        None => k(i),
        Some((node, rest)) => node_at(node, t, i, &mut |j| seq_at(rest, t, j, k)),
    }
}

fn node_at(node: &Node, t: &[u8], i: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
    match node {
        Node::Byte(b) => t.get(i) == Some(b) && k(i + 1),
        Node::Any => i < t.len() && k(i + 1),
        Node::Set(set) => t.get(i).is_some_and(|&c| set[c as usize]) && k(i + 1),
        Node::Start => i == 0 && k(i),
        Node::End => i == t.len() && k(i),
        Node::Group(alts) => alts_at(alts, t, i, k),
        Node::Repeat(inner, min, max) => repeat_at(inner, *min, *max, 0, t, i, k),
    }
}

/// Greedy repetition; an iteration beyond the minimum must consume input.
fn repeat_at(inner: &Node, min: usize, max: Option<usize>, n: usize, t: &[u8], i: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
    if max.is_none_or(|m| n < m) {
        let more = node_at(inner, t, i, &mut |j| (n < min || j > i) && repeat_at(inner, min, max, n + 1, t, j, k));
        if more {
            return true;
        }
    }
    n >= min && k(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        Regex::new(p).expect("compiles").is_match(t)
    }

    #[test]
    fn basics() {
        assert!(m("forw", "net.ipv4.conf.all.forwarding"));
        assert!(m("ip_forward$", "net.ipv4.ip_forward"));
        assert!(!m("ip_forward$", "net.ipv4.ip_forward_use_pmtu"));
        assert!(m("^net\\.ipv4\\.conf\\.lo\\.(forw|rp)", "net.ipv4.conf.lo.rp_filter"));
        assert!(!m("^net\\.ipv4\\.conf\\.lo\\.(forw|rp)", "net.ipv4.conf.all.rp_filter"));
        assert!(m("a{2,3}b", "xaab"));
        assert!(!m("^a{2,3}b", "ab"));
        assert!(m("[[:digit:]]+$", "eth12"));
        assert!(m("[^a-z]", "abc1"));
        assert!(!m("^[a-z]*$", "abc1"));
        assert!(m("(a*)*b", "aaab"));
        assert!(m("x|", "anything"));
    }

    #[test]
    fn invalid_patterns_do_not_compile() {
        assert!(Regex::new("[").is_none());
        assert!(Regex::new("(ab").is_none());
        assert!(Regex::new("*a").is_none());
        assert!(Regex::new("a{3,1}").is_none());
        // An unmatched `)` is ordinary.
        assert!(Regex::new("a)").is_some_and(|r| r.is_match("xa)")));
    }
}
