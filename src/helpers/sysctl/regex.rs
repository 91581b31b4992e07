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

/// The compiled form: a Thompson NFA, simulated a position at a time
/// (time linear in the text, whatever the pattern: no backtracking).
#[derive(Debug, Clone)]
pub struct Regex {
    states: Vec<State>,
    start: usize,
}

#[derive(Debug, Clone)]
enum State {
    Byte(u8, usize),
    Any(usize),
    Set(Box<[bool; 256]>, usize),
    /// `^` and `$`: no input taken.
    Start(usize),
    End(usize),
    Split(usize, usize),
    Match,
}

/// Deeper groups or more states than this: the pattern does not compile
/// (glibc has such limits too: REG_ESPACE).
const MAX_DEPTH: usize = 64;
const MAX_STATES: usize = 1 << 16;

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
        if depth > MAX_DEPTH {
            return None;
        }
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
        let mut c = Compiler { states: vec![State::Match] };
        let start = c.alts(&alts, 0)?;
        Some(Regex { states: c.states, start })
    }

    /// `regexec`: a match anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let t = text.as_bytes();
        let mut current: Vec<usize> = Vec::new();
        let mut next: Vec<usize> = Vec::new();
        let mut seen = vec![usize::MAX; self.states.len()];
        for i in 0..=t.len() {
            // A match may start at every position.
            if self.add(&mut current, &mut seen, self.start, i, t.len()) {
                return true;
            }
            let Some(&b) = t.get(i) else { break };
            next.clear();
            for &s in &current {
                let to = match &self.states[s] {
                    State::Byte(c, to) if *c == b => *to,
                    State::Any(to) => *to,
                    State::Set(set, to) if set[b as usize] => *to,
                    _ => continue,
                };
                if self.add(&mut next, &mut seen, to, i + 1, t.len()) {
                    return true;
                }
            }
            std::mem::swap(&mut current, &mut next);
        }
        false
    }

    /// Add `s` and what it reaches without input at position `i` to
    /// `list` (`seen` marks what is in it for this position); true once
    /// the match state is reached.
    fn add(&self, list: &mut Vec<usize>, seen: &mut [usize], s: usize, i: usize, len: usize) -> bool {
        let mut stack = vec![s];
        while let Some(s) = stack.pop() {
            if seen[s] == i {
                continue;
            }
            seen[s] = i;
            match self.states[s] {
                State::Match => return true,
                State::Split(a, b) => stack.extend([b, a]),
                State::Start(to) if i == 0 => stack.push(to),
                State::End(to) if i == len => stack.push(to),
                State::Start(_) | State::End(_) => {}
                _ => list.push(s),
            }
        }
        false
    }
}

/// Builds the NFA from the parse, back to front: each part is compiled
/// with the state that follows it.
struct Compiler {
    states: Vec<State>,
}

impl Compiler {
    fn push(&mut self, s: State) -> Option<usize> {
        if self.states.len() >= MAX_STATES {
            return None;
        }
        self.states.push(s);
        Some(self.states.len() - 1)
    }

    fn alts(&mut self, alts: &[Vec<Node>], next: usize) -> Option<usize> {
        let mut entry = None;
        for seq in alts.iter().rev() {
            let e = self.seq(seq, next)?;
            entry = Some(match entry {
                None => e,
                Some(other) => self.push(State::Split(e, other))?,
            });
        }
        entry.map_or(Some(next), Some)
    }

    fn seq(&mut self, seq: &[Node], next: usize) -> Option<usize> {
        let mut next = next;
        for node in seq.iter().rev() {
            next = self.node(node, next)?;
        }
        Some(next)
    }

    fn node(&mut self, node: &Node, next: usize) -> Option<usize> {
        match node {
            Node::Byte(b) => self.push(State::Byte(*b, next)),
            Node::Any => self.push(State::Any(next)),
            Node::Set(set) => self.push(State::Set(set.clone(), next)),
            Node::Start => self.push(State::Start(next)),
            Node::End => self.push(State::End(next)),
            Node::Group(alts) => self.alts(alts, next),
            Node::Repeat(inner, min, max) => {
                let mut entry = match max {
                    // x*: a loop back through a split.
                    None => {
                        let split = self.push(State::Split(0, next))?;
                        let body = self.node(inner, split)?;
                        self.states[split] = State::Split(body, next);
                        split
                    }
                    // x{0,k}: k optional copies, each able to skip to `next`.
                    Some(max) => {
                        let mut e = next;
                        for _ in *min..*max {
                            let body = self.node(inner, e)?;
                            e = self.push(State::Split(body, next))?;
                        }
                        e
                    }
                };
                for _ in 0..*min {
                    entry = self.node(inner, entry)?;
                }
                Some(entry)
            }
        }
    }
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
    fn nested_repeats_take_linear_time() {
        // Exponential for a backtracking matcher (2^40 ways to split).
        let text = "a".repeat(40);
        assert!(!m("^(a*)*b", &text));
        assert!(!m("(a|a)*(a+)+$x", &text));
        assert!(m("(a{1,3}){2,5}$", "aaaaaaa"));
        assert!(!m("^(a{1,3}){2,5}$", "a"));
        assert!(m("(ab|a)(bc|c)?d", "abcd"));
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
