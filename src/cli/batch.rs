//! Reading `-batch` input as iproute2 does: `#` starts a comment, a line
//! ending in `\` continues on the next, words split on blanks, and a word
//! may be quoted with ' or " (no escapes inside).

use std::io::BufRead;

use crate::error::{Error, Result};

pub struct Line {
    /// The number of the line the command ended on.
    pub number: usize,
    pub words: Vec<String>,
}

/// The commands of a batch input, one at a time. The line, its text and
/// its words live in buffers reused from one command to the next: a batch
/// of a million lines should not cost a million rounds of allocations.
pub struct Lines<R> {
    input: R,
    number: usize,
    raw: Vec<u8>,
    text: String,
    current: Line,
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R) -> Self {
        Lines { input, number: 0, raw: Vec::with_capacity(256), text: String::with_capacity(256), current: Line { number: 0, words: Vec::new() } }
    }

    /// Append the next input line to `into`; false at the end.
    fn read(&mut self, into: &mut String) -> Result<bool> {
        self.raw.clear();
        match self.input.read_until(b'\n', &mut self.raw) {
            Ok(0) => Ok(false),
            Ok(_) => {
                self.number += 1;
                match std::str::from_utf8(&self.raw) {
                    Ok(text) => into.push_str(text),
                    Err(_) => into.push_str(&String::from_utf8_lossy(&self.raw)),
                }
                Ok(true)
            }
            Err(e) => Err(Error::Fatal(e.to_string())),
        }
    }

    pub fn next_command(&mut self) -> Result<Option<&Line>> {
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        let result = self.next_into(&mut text);
        self.text = text;
        match result {
            Ok(true) => Ok(Some(&self.current)),
            Ok(false) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn next_into(&mut self, text: &mut String) -> Result<bool> {
        if !self.read(text)? {
            return Ok(false);
        }
        strip_comment(text, 0);
        while text.ends_with("\\\n") {
            text.truncate(text.len() - 2);
            let start = text.len();
            if !self.read(text)? {
                return Err(Error::Fatal("Missing continuation line".into()));
            }
            strip_comment(text, start);
        }
        split_into(text, &mut self.current.words)?;
        self.current.number = self.number;
        Ok(true)
    }
}

/// Cut `s` at the first `#` at or after `from`.
fn strip_comment(s: &mut String, from: usize) {
    if let Some(i) = s[from..].find('#') {
        s.truncate(from + i);
    }
}

/// iproute2's `makeargs`.
pub fn split(line: &str) -> Result<Vec<String>> {
    let mut words = Vec::new();
    split_into(line, &mut words)?;
    Ok(words)
}

/// `split` into `words`, reusing the strings already there.
fn split_into(line: &str, words: &mut Vec<String>) -> Result<()> {
    let ws = [' ', '\t', '\r', '\n'];
    let mut n = 0;
    let mut put = |words: &mut Vec<String>, w: &str| {
        match words.get_mut(n) {
            Some(slot) => {
                slot.clear();
                slot.push_str(w);
            }
            None => words.push(w.to_string()),
        }
        n += 1;
    };
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(ws);
        if rest.is_empty() {
            break;
        }
        if let Some(q) = rest.chars().next().filter(|c| *c == '\'' || *c == '"') {
            let body = &rest[1..];
            let end = body.find(q).ok_or_else(|| Error::Fatal("Unterminated quoted string".into()))?;
            put(words, &body[..end]);
            rest = &body[end + 1..];
        } else {
            let end = rest.find(ws).unwrap_or(rest.len());
            put(words, &rest[..end]);
            rest = &rest[end..];
            if rest.is_empty() {
                break;
            }
            rest = &rest[1..];
        }
    }
    words.truncate(n);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_quotes_continuations() {
        let text = "link show # all\naddr add '192.0.2.1/24' \\\n dev v0\n\n";
        let mut l = Lines::new(text.as_bytes());
        let a = l.next_command().unwrap().unwrap();
        assert_eq!((a.number, a.words.clone()), (1, vec!["link".to_string(), "show".into()]));
        let b = l.next_command().unwrap().unwrap();
        assert_eq!(b.number, 3);
        assert_eq!(b.words, ["addr", "add", "192.0.2.1/24", "dev", "v0"]);
        assert!(l.next_command().unwrap().unwrap().words.is_empty());
        assert!(l.next_command().unwrap().is_none());
    }

    #[test]
    fn reused_words_follow_each_line() {
        let mut l = Lines::new("route add blackhole 10.0.0.0/24
link show
link set \"v 0\" up
".as_bytes());
        assert_eq!(l.next_command().unwrap().unwrap().words.len(), 4);
        assert_eq!(l.next_command().unwrap().unwrap().words, ["link", "show"]);
        assert_eq!(l.next_command().unwrap().unwrap().words, ["link", "set", "v 0", "up"]);
    }
}
