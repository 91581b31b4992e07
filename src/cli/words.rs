//! The keyword walker: iproute2's `matches()` prefix rule, `NEXT_ARG()`,
//! and lookups of a word in a grammar table.

use super::grammar::{Keyword, Word};
use crate::error::{incomplete, Result};

/// iproute2's `matches(prefix, string)`: a non-empty prefix of `full`.
pub fn matches(word: &str, full: &str) -> bool {
    !word.is_empty() && full.as_bytes().starts_with(word.as_bytes())
}

impl Word {
    pub fn accepts(&self, word: &str) -> bool {
        if self.exact {
            word == self.text
        } else {
            matches(word, self.text)
        }
    }
}

/// The first keyword in table order that `word` selects.
pub fn lookup<'g>(word: &str, table: &'g [Keyword]) -> Option<&'g Keyword> {
    table.iter().find(|k| k.names.iter().any(|n| n.accepts(word)))
}

/// The words of a command line after the command itself.
#[derive(Clone, Debug)]
pub struct Words<'a> {
    args: &'a [String],
    pos: usize,
}

impl<'a> Words<'a> {
    pub fn new(args: &'a [String]) -> Self {
        Words { args, pos: 0 }
    }

    pub fn peek(&self) -> Option<&'a str> {
        self.args.get(self.pos).map(String::as_str)
    }

    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Option<&'a str> {
        let w = self.peek()?;
        self.pos += 1;
        Some(w)
    }

    /// `NEXT_ARG()`: the value after a keyword, or "Command line is not complete".
    pub fn value(&mut self) -> Result<&'a str> {
        self.next().ok_or_else(incomplete)
    }

    /// The word before the current position (the keyword just read).
    pub fn prev(&self) -> &'a str {
        self.pos.checked_sub(1).and_then(|i| self.args.get(i)).map_or("", String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.pos >= self.args.len()
    }

    /// Everything not read yet.
    pub fn rest(&self) -> &'a [String] {
        &self.args[self.pos.min(self.args.len())..]
    }

    /// Skip to the end (after handing `rest()` to someone else).
    pub fn finish(&mut self) {
        self.pos = self.args.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_rule() {
        assert!(matches("a", "address"));
        assert!(matches("address", "address"));
        assert!(!matches("addresses", "address"));
        assert!(!matches("", "address"));
        assert!(!matches("b", "address"));
    }

    #[test]
    fn value_missing_is_incomplete() {
        let args = vec!["mtu".to_string()];
        let mut w = Words::new(&args);
        assert_eq!(w.next(), Some("mtu"));
        let e = w.value().unwrap_err();
        assert_eq!(e.exit_code(), 255);
        assert!(e.to_string().starts_with("Command line is not complete"));
    }
}
