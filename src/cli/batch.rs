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

pub struct Lines<R> {
    input: R,
    number: usize,
}

fn strip_comment(s: &mut String) {
    if let Some(i) = s.find('#') {
        s.truncate(i);
    }
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R) -> Self {
        Lines { input, number: 0 }
    }

    fn read(&mut self) -> Result<Option<String>> {
        let mut buf = Vec::with_capacity(80);
        match self.input.read_until(b'\n', &mut buf) {
            Ok(0) => Ok(None),
            Ok(_) => {
                self.number += 1;
                // Valid UTF-8 (nearly always) is taken as is, without a copy.
                Ok(Some(String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())))
            }
            Err(e) => Err(Error::Fatal(e.to_string())),
        }
    }

    pub fn next_command(&mut self) -> Result<Option<Line>> {
        let Some(mut line) = self.read()? else { return Ok(None) };
        strip_comment(&mut line);
        while line.ends_with("\\\n") {
            line.truncate(line.len() - 2);
            let Some(mut more) = self.read()? else {
                return Err(Error::Fatal("Missing continuation line".into()));
            };
            strip_comment(&mut more);
            line.push_str(&more);
        }
        Ok(Some(Line { number: self.number, words: split(&line)? }))
    }
}

/// iproute2's `makeargs`.
pub fn split(line: &str) -> Result<Vec<String>> {
    let ws = [' ', '\t', '\r', '\n'];
    let mut words = Vec::with_capacity(8);
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(ws);
        if rest.is_empty() {
            break;
        }
        if let Some(q) = rest.chars().next().filter(|c| *c == '\'' || *c == '"') {
            let body = &rest[1..];
            let end = body.find(q).ok_or_else(|| Error::Fatal("Unterminated quoted string".into()))?;
            words.push(body[..end].to_string());
            rest = &body[end + 1..];
        } else {
            let end = rest.find(ws).unwrap_or(rest.len());
            words.push(rest[..end].to_string());
            rest = &rest[end..];
            if rest.is_empty() {
                break;
            }
            rest = &rest[1..];
        }
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_quotes_continuations() {
        let text = "link show # all\naddr add '192.0.2.1/24' \\\n dev v0\n\n";
        let mut l = Lines::new(text.as_bytes());
        let a = l.next_command().unwrap().unwrap();
        assert_eq!((a.number, a.words), (1, vec!["link".to_string(), "show".into()]));
        let b = l.next_command().unwrap().unwrap();
        assert_eq!(b.number, 3);
        assert_eq!(b.words, ["addr", "add", "192.0.2.1/24", "dev", "v0"]);
        assert!(l.next_command().unwrap().unwrap().words.is_empty());
        assert!(l.next_command().unwrap().is_none());
    }
}
