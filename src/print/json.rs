//! A JSON writer that produces the same bytes as iproute2's `json_writer.c`:
//! compact by default; with `pretty`, four-space indentation, `[ ` / ` ]`
//! around arrays and `{`/`}` placed where iproute2 places them. serde_json's
//! pretty printer lays arrays out differently, so we keep our own state machine.

use std::io::{self, Write};

pub struct JsonWriter {
    depth: usize,
    pretty: bool,
    /// Separator owed before the next element: `None` right after an opening bracket or a name.
    sep: bool,
    /// Hold the top-level `[` back until something goes inside it (rtun's
    /// complete documents: a command that fails before printing anything
    /// leaves no lone `[` behind).
    defer_top: bool,
    /// The held-back `[` is owed.
    owed: bool,
    /// Escape every control character (`\u00XX`), as JSON requires (rtun's
    /// complete documents); iproute2 writes all but \t \n \r \f \b raw.
    strict: bool,
}

impl JsonWriter {
    pub fn new(pretty: bool) -> Self {
        JsonWriter { depth: 0, pretty, sep: false, defer_top: false, owed: false, strict: false }
    }

    /// Hold back the top-level `[` until the first value (see `defer_top`).
    pub fn defer_top_level(&mut self) {
        self.defer_top = true;
    }

    /// Escape every control character in strings (see `strict`).
    pub fn escape_all_controls(&mut self) {
        self.strict = true;
    }

    /// True while the top-level array is open but nothing was written yet.
    pub fn top_owed(&self) -> bool {
        self.owed
    }

    /// Write the held-back top-level `[`, if it is owed.
    fn settle(&mut self, w: &mut impl Write) -> io::Result<()> {
        if self.owed {
            self.owed = false;
            w.write_all(if self.pretty { b"[ " } else { b"[" })?;
        }
        Ok(())
    }

    fn indent(&self, w: &mut impl Write) -> io::Result<()> {
        for _ in 0..self.depth {
            w.write_all(b"    ")?;
        }
        Ok(())
    }

    fn eol(&self, w: &mut impl Write) -> io::Result<()> {
        if self.pretty {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        Ok(())
    }

    /// End of record: write the separator owed, if any.
    fn eor(&mut self, w: &mut impl Write) -> io::Result<()> {
        if self.sep {
            w.write_all(b",")?;
        }
        self.sep = true;
        Ok(())
    }

    fn begin(&mut self, w: &mut impl Write, c: u8) -> io::Result<()> {
        self.settle(w)?;
        self.eor(w)?;
        w.write_all(&[c])?;
        self.depth += 1;
        self.sep = false;
        Ok(())
    }

    fn end(&mut self, w: &mut impl Write, c: u8) -> io::Result<()> {
        self.settle(w)?;
        self.depth = self.depth.saturating_sub(1);
        if self.sep {
            self.eol(w)?;
        }
        w.write_all(&[c])?;
        self.sep = true;
        Ok(())
    }

    pub fn name(&mut self, w: &mut impl Write, name: &str) -> io::Result<()> {
        self.settle(w)?;
        self.eor(w)?;
        self.eol(w)?;
        self.sep = false;
        write_string(w, name, self.strict)?;
        w.write_all(if self.pretty { b": " } else { b":" })
    }

    pub fn start_object(&mut self, w: &mut impl Write) -> io::Result<()> {
        self.begin(w, b'{')
    }

    pub fn end_object(&mut self, w: &mut impl Write) -> io::Result<()> {
        self.end(w, b'}')
    }

    pub fn start_array(&mut self, w: &mut impl Write) -> io::Result<()> {
        if self.defer_top && self.depth == 0 {
            self.depth = 1;
            self.sep = false;
            self.owed = true;
            return Ok(());
        }
        self.begin(w, b'[')?;
        if self.pretty {
            w.write_all(b" ")?;
        }
        Ok(())
    }

    pub fn end_array(&mut self, w: &mut impl Write) -> io::Result<()> {
        self.settle(w)?;
        if self.pretty && self.sep {
            w.write_all(b" ")?;
        }
        self.sep = false;
        self.end(w, b']')
    }

    /// A raw value (number, `true`, `null`) already rendered as text.
    pub fn raw(&mut self, w: &mut impl Write, text: &str) -> io::Result<()> {
        self.settle(w)?;
        self.eor(w)?;
        w.write_all(text.as_bytes())
    }

    pub fn string(&mut self, w: &mut impl Write, value: &str) -> io::Result<()> {
        self.settle(w)?;
        self.eor(w)?;
        write_string(w, value, self.strict)
    }

    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Forget all state without closing anything: the next value starts a
    /// new document (batch mode prints one per command; a failed dump leaves
    /// its output unclosed, as iproute2 does).
    pub fn reset(&mut self) {
        self.depth = 0;
        self.sep = false;
        self.owed = false;
    }
}

/// iproute2 escapes only these characters; everything else is written as
/// is — but for the other control characters when `strict`.
fn write_string(w: &mut impl Write, s: &str, strict: bool) -> io::Result<()> {
    w.write_all(b"\"")?;
    let bytes = s.as_bytes();
    if !bytes.iter().any(|&b| matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x08 | b'\\' | b'"') || strict && b < 0x20) {
        w.write_all(bytes)?;
        return w.write_all(b"\"");
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &[u8] = match b {
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            0x0c => b"\\f",
            0x08 => b"\\b",
            b'\\' => b"\\\\",
            b'"' => b"\\\"",
            c if strict && c < 0x20 => {
                w.write_all(&bytes[start..i])?;
                write!(w, "\\u{c:04x}")?;
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        w.write_all(&bytes[start..i])?;
        w.write_all(esc)?;
        start = i + 1;
    }
    w.write_all(&bytes[start..])?;
    w.write_all(b"\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(pretty: bool) -> String {
        let mut out = Vec::new();
        let mut j = JsonWriter::new(pretty);
        let w = &mut out;
        j.start_array(w).unwrap();
        j.start_object(w).unwrap();
        j.name(w, "ifindex").unwrap();
        j.raw(w, "1").unwrap();
        j.name(w, "flags").unwrap();
        j.start_array(w).unwrap();
        j.string(w, "UP").unwrap();
        j.string(w, "LOWER_UP").unwrap();
        j.end_array(w).unwrap();
        j.name(w, "linkinfo").unwrap();
        j.start_object(w).unwrap();
        j.name(w, "info_kind").unwrap();
        j.string(w, "a\"b").unwrap();
        j.end_object(w).unwrap();
        j.end_object(w).unwrap();
        j.end_array(w).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn compact_matches_iproute2() {
        assert_eq!(
            render(false),
            r#"[{"ifindex":1,"flags":["UP","LOWER_UP"],"linkinfo":{"info_kind":"a\"b"}}]"#
        );
    }

    #[test]
    fn pretty_matches_iproute2() {
        let expected = "[ {\n        \"ifindex\": 1,\n        \"flags\": [ \"UP\",\"LOWER_UP\" ],\n        \"linkinfo\": {\n            \"info_kind\": \"a\\\"b\"\n        }\n    } ]";
        assert_eq!(render(true), expected);
    }

    #[test]
    fn deferred_top_level_is_written_with_the_first_value_only() {
        for pretty in [false, true] {
            let mut out = Vec::new();
            let mut j = JsonWriter::new(pretty);
            j.defer_top_level();
            j.start_array(&mut out).unwrap();
            assert!(out.is_empty() && j.top_owed());
            j.start_object(&mut out).unwrap();
            j.end_object(&mut out).unwrap();
            j.end_array(&mut out).unwrap();
            let mut plain = Vec::new();
            let mut k = JsonWriter::new(pretty);
            k.start_array(&mut plain).unwrap();
            k.start_object(&mut plain).unwrap();
            k.end_object(&mut plain).unwrap();
            k.end_array(&mut plain).unwrap();
            assert_eq!(out, plain);
            // Empty: `[]` all the same; dropped: nothing.
            let mut empty = Vec::new();
            j.start_array(&mut empty).unwrap();
            j.end_array(&mut empty).unwrap();
            assert_eq!(empty, if pretty { &b"[ ]"[..] } else { &b"[]"[..] });
            let mut dropped = Vec::new();
            j.start_array(&mut dropped).unwrap();
            j.reset();
            assert!(dropped.is_empty() && !j.top_owed());
        }
    }

    #[test]
    fn empty_array() {
        let mut out = Vec::new();
        let mut j = JsonWriter::new(true);
        j.start_array(&mut out).unwrap();
        j.end_array(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[ ]");
    }
}
