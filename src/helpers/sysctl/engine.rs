//! The state of one sysctl run: the option flags, the printer, and how
//! procps reports problems (`PROGRAM: message`, with `: strerror` for the
//! ones that carry an errno). Reading, writing and loading files are
//! methods of `Engine` in `show.rs`, `set.rs` and `conf.rs`.

use std::io::Write;

use super::regex::Regex;
use crate::netlink::errno::strerror;
use crate::print::{Color, Out, Printer};

/// What the options asked for (procps's globals).
#[derive(Debug, Clone)]
pub struct Flags {
    pub print_name: bool,
    pub print_newline: bool,
    pub ignore_error: bool,
    pub name_only: bool,
    pub quiet: bool,
    pub show_deprecated: bool,
    pub dry_run: bool,
    /// `-r`: None = no pattern; Some(None) = a pattern that did not compile
    /// (procps then matches nothing).
    pub pattern: Option<Option<Regex>>,
}

impl Default for Flags {
    fn default() -> Self {
        Flags {
            print_name: true,
            print_newline: true,
            ignore_error: false,
            name_only: false,
            quiet: false,
            show_deprecated: false,
            dry_run: false,
            pattern: None,
        }
    }
}

pub struct Engine<W: Write> {
    pub flags: Flags,
    /// The prefix of messages (`sysctl`).
    pub prog: String,
    pub out: Printer<W>,
    /// Settings written by this run, for `--persist`: (dotted key, value).
    pub written: Vec<(String, String)>,
    /// The first failure writing to stdout, if any.
    pub io_error: Option<std::io::Error>,
}

pub fn errno_of(e: &std::io::Error) -> i32 {
    e.raw_os_error().unwrap_or(libc::EIO)
}

impl<W: Write> Engine<W> {
    pub fn new(flags: Flags, prog: &str, out: Printer<W>) -> Self {
        let mut engine = Engine { flags, prog: prog.to_string(), out, written: Vec::new(), io_error: None };
        let begun = engine.out.begin();
        engine.check(begun);
        engine
    }

    /// procps's `warnx`: `PROGRAM: message`.
    pub fn warnx(&mut self, msg: &str) {
        // Like procps, stdout first, so that `2>&1` interleaves as it does.
        if self.io_error.is_none() {
            let flushed = self.out.flush();
            self.check(flushed);
        }
        // Names in messages are the bytes they are (`cli::bytes`).
        let line = format!("{}: {msg}\n", self.prog);
        let _ = std::io::stderr().write_all(&crate::cli::bytes::bytes(&line));
    }

    /// procps's `warn`: `PROGRAM: message: strerror(errno)`.
    pub fn warn(&mut self, msg: &str, errno: i32) {
        self.warnx(&format!("{msg}: {}", strerror(errno)));
    }

    pub fn warn_opt(&mut self, warning: Option<String>) {
        if let Some(w) = warning {
            self.warnx(&w);
        }
    }

    pub fn check(&mut self, r: std::io::Result<()>) {
        if let (Err(e), None) = (r, &self.io_error) {
            self.io_error = Some(e);
        }
    }

    /// Whether `text` passes `-r` (everything passes without one).
    pub fn pattern_ok(&self, text: &str) -> bool {
        match &self.flags.pattern {
            None => true,
            Some(None) => false,
            Some(Some(re)) => re.is_match(text),
        }
    }

    /// One `{"key"}` record (`-N`): the name on its own line in text.
    pub fn emit_name(&mut self, key: &str) {
        let p = &mut self.out;
        let r = (|| {
            p.open_object(None)?;
            put_key(p, true, Some("\n"), key)?;
            p.close_object()
        })();
        self.check(r);
    }

    /// One `{"key", "value"}` record for a value set (or to be set):
    /// `key = value`, or the value alone with `-n`/`-b`. (procps 4.0.2
    /// echoes the value, not the name, under `-N`.)
    pub fn emit_set(&mut self, key: &str, value: &str) {
        let f = self.flags.clone();
        let p = &mut self.out;
        let r = (|| {
            p.open_object(None)?;
            put_key(p, true, (f.print_name && !f.name_only).then_some(" = "), key)?;
            let fmt = if f.print_newline || f.name_only { "{}\n" } else { "{}" };
            p.str("value", fmt, value)?;
            p.close_object()
        })();
        self.check(r);
    }

    /// One `{"key", "value"}` record for a value read from a file. In text,
    /// each line of the file is printed as procps prints it (`key = line`);
    /// in JSON the value is the whole content less its final newline.
    pub fn emit_read(&mut self, key: &str, content: &[u8]) {
        let f = self.flags.clone();
        let p = &mut self.out;
        let r = (|| {
            p.open_object(None)?;
            put_key(p, true, None, key)?;
            p.json_str("value", &json_value(content))?;
            for line in text_lines(content, f.print_name, f.print_newline) {
                if f.print_name {
                    put_key(p, false, Some(" = "), key)?;
                }
                p.string_c(Out::Text, Color::None, None, "{}", &line)?;
            }
            p.close_object()
        })();
        self.check(r);
    }
}

/// A variable's name: in text, its bytes (as procps prints it, whatever
/// they are) then `suffix` (None: nothing in text); in JSON, the member
/// `key` (when `member`) as a string, which holds only UTF-8.
fn put_key<W: Write>(p: &mut Printer<W>, member: bool, suffix: Option<&str>, key: &str) -> std::io::Result<()> {
    let raw = crate::cli::bytes::bytes(key);
    if p.is_json() {
        return if member { p.json_str("key", &String::from_utf8_lossy(&raw)) } else { Ok(()) };
    }
    if let Some(suffix) = suffix {
        p.inner().write_all(&raw)?;
        p.inner().write_all(suffix.as_bytes())?;
    }
    Ok(())
}

/// What the file holds, as JSON can carry it: less one final newline, with
/// the control characters JSON cannot hold unescaped replaced by U+FFFD.
fn json_value(content: &[u8]) -> String {
    let body = content.strip_suffix(b"\n").unwrap_or(content);
    String::from_utf8_lossy(body)
        .chars()
        .map(|c| if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r' | '\x0c' | '\x08') { '\u{fffd}' } else { c })
        .collect()
}

/// The text procps prints for a file's content, one string per output
/// piece. `printf("%s")` stops at a NUL, and with names a line only ends
/// where a printed piece ended with a newline.
fn text_lines(content: &[u8], print_name: bool, print_newline: bool) -> Vec<String> {
    let lines: Vec<&[u8]> = content.split_inclusive(|&b| b == b'\n').collect();
    let upto_nul = |l: &[u8]| -> Vec<u8> { l.iter().take_while(|&&b| b != 0).copied().collect() };
    let mut out = Vec::new();
    if !print_name {
        for l in lines {
            let mut piece = upto_nul(l);
            if !print_newline {
                if let Some(i) = piece.iter().position(|&b| b == b'\n') {
                    piece.truncate(i);
                }
            }
            out.push(String::from_utf8_lossy(&piece).into_owned());
        }
        return out;
    }
    let mut current = Vec::new();
    let mut open = false;
    for l in lines {
        let piece = upto_nul(l);
        // procps looks at the last byte before the NUL (or the byte before
        // the string when it is empty).
        let ends = piece.last() == Some(&b'\n');
        current.extend_from_slice(&piece);
        open = true;
        if ends {
            out.push(String::from_utf8_lossy(&current).into_owned());
            current.clear();
            open = false;
        }
    }
    if open {
        current.push(b'\n');
        out.push(String::from_utf8_lossy(&current).into_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_pieces() {
        assert_eq!(text_lines(b"1\n", true, true), ["1\n"]);
        assert_eq!(text_lines(b"a\nb\n", true, true), ["a\n", "b\n"]);
        assert_eq!(text_lines(b"a", true, true), ["a\n"]);
        assert_eq!(text_lines(b"32768\t60999\n", false, false), ["32768\t60999"]);
        assert_eq!(text_lines(b"a\nb", false, true), ["a\n", "b"]);
        assert!(text_lines(b"", true, true).is_empty());
    }

    #[test]
    fn json_values() {
        assert_eq!(json_value(b"32768\t60999\n"), "32768\t60999");
        assert_eq!(json_value(b"a\nb\n"), "a\nb");
        assert_eq!(json_value(b"x\x01"), "x\u{fffd}");
    }
}
