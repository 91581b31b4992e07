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
    /// Strings are valid JSON whatever they hold (rtun's complete
    /// documents): a byte that is not part of valid UTF-8, and a control
    /// character iproute2 leaves raw, is written as `\u00XX`.
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

    /// Write strings as valid JSON whatever bytes they hold (see `strict`).
    pub fn strict(&mut self) {
        self.strict = true;
    }

    /// True while the top-level array is open but nothing was written yet.
    pub fn top_owed(&self) -> bool {
        self.owed
    }

    /// Write the held-back top-level `[`, if it is owed.
    fn settle(&mut self, w: &mut (impl Write + ?Sized)) -> io::Result<()> {
        if self.owed {
            self.owed = false;
            w.write_all(if self.pretty { b"[ " } else { b"[" })?;
        }
        Ok(())
    }

    fn indent(&self, w: &mut (impl Write + ?Sized)) -> io::Result<()> {
        for _ in 0..self.depth {
            w.write_all(b"    ")?;
        }
        Ok(())
    }

    fn eol(&self, w: &mut (impl Write + ?Sized)) -> io::Result<()> {
        if self.pretty {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        Ok(())
    }

    /// End of record: write the separator owed, if any.
    fn eor(&mut self, w: &mut (impl Write + ?Sized)) -> io::Result<()> {
        if self.sep {
            w.write_all(b",")?;
        }
        self.sep = true;
        Ok(())
    }

    fn begin(&mut self, w: &mut (impl Write + ?Sized), c: u8) -> io::Result<()> {
        self.settle(w)?;
        self.eor(w)?;
        w.write_all(&[c])?;
        self.depth += 1;
        self.sep = false;
        Ok(())
    }

    fn end(&mut self, w: &mut (impl Write + ?Sized), c: u8) -> io::Result<()> {
        self.settle(w)?;
        self.depth = self.depth.saturating_sub(1);
        if self.sep {
            self.eol(w)?;
        }
        w.write_all(&[c])?;
        self.sep = true;
        Ok(())
    }

    pub fn name(&mut self, w: &mut (impl Write + ?Sized), name: &str) -> io::Result<()> {
        self.settle(w)?;
        // A member's name is rtun's own short word: `,"name":` in one write.
        if !self.pretty && name.len() <= 48 && !name.bytes().any(|b| IP_SPECIAL[b as usize]) {
            let mut buf = [0u8; 52];
            let mut n = usize::from(self.sep);
            buf[0] = b',';
            buf[n] = b'"';
            n += 1;
            for &b in name.as_bytes() {
                buf[n] = b;
                n += 1;
            }
            buf[n] = b'"';
            buf[n + 1] = b':';
            self.sep = false;
            return w.write_all(&buf[..n + 2]);
        }
        self.eor(w)?;
        self.eol(w)?;
        self.sep = false;
        write_string(w, name.as_bytes(), false)?;
        w.write_all(if self.pretty { b": " } else { b":" })
    }

    pub fn start_object(&mut self, w: &mut (impl Write + ?Sized)) -> io::Result<()> {
        self.begin(w, b'{')
    }

    pub fn end_object(&mut self, w: &mut (impl Write + ?Sized)) -> io::Result<()> {
        self.end(w, b'}')
    }

    pub fn start_array(&mut self, w: &mut (impl Write + ?Sized)) -> io::Result<()> {
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

    pub fn end_array(&mut self, w: &mut (impl Write + ?Sized)) -> io::Result<()> {
        self.settle(w)?;
        if self.pretty && self.sep {
            w.write_all(b" ")?;
        }
        self.sep = false;
        self.end(w, b']')
    }

    /// A raw value (number, `true`, `null`) already rendered as text.
    pub fn raw(&mut self, w: &mut (impl Write + ?Sized), text: &[u8]) -> io::Result<()> {
        self.settle(w)?;
        self.eor(w)?;
        w.write_all(text)
    }

    pub fn string(&mut self, w: &mut (impl Write + ?Sized), value: &str) -> io::Result<()> {
        self.bytes(w, value.as_bytes())
    }

    /// A string value given as bytes (not necessarily UTF-8).
    pub fn bytes(&mut self, w: &mut (impl Write + ?Sized), value: &[u8]) -> io::Result<()> {
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
/// is (`jsonw_puts`). `strict` also escapes, as `\u00XX`, each control
/// character and each byte that is not part of valid UTF-8, so that the
/// string is valid JSON (a reader sees that byte as the code point U+00XX).
fn write_string(w: &mut (impl Write + ?Sized), bytes: &[u8], strict: bool) -> io::Result<()> {
    w.write_all(b"\"")?;
    let table = if strict { &STRICT_SPECIAL } else { &IP_SPECIAL };
    if !bytes.iter().any(|&b| table[b as usize]) {
        w.write_all(bytes)?;
        return w.write_all(b"\"");
    }
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let esc: &[u8] = match b {
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            0x0c => b"\\f",
            0x08 => b"\\b",
            b'\\' => b"\\\\",
            b'"' => b"\\\"",
            _ if strict && b >= 0x80 => {
                // A whole UTF-8 sequence stays as it is.
                let n = utf8_len(&bytes[i..]);
                if n > 0 {
                    i += n;
                    continue;
                }
                b""
            }
            _ if strict && (b < 0x20 || b == 0x7f) => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        w.write_all(&bytes[start..i])?;
        if esc.is_empty() {
            write!(w, "\\u{:04x}", b)?;
        } else {
            w.write_all(esc)?;
        }
        i += 1;
        start = i;
    }
    w.write_all(&bytes[start..])?;
    w.write_all(b"\"")
}

/// The bytes iproute2 escapes.
const IP_SPECIAL: [bool; 256] = special(false);
/// … and, strictly, every other control character and every byte that
/// is not ASCII (looked at again: whole UTF-8 sequences stay as they are).
const STRICT_SPECIAL: [bool; 256] = special(true);

const fn special(strict: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b as u8, b'\t' | b'\n' | b'\r' | 0x0c | 0x08 | b'\\' | b'"') || strict && (b < 0x20 || b >= 0x7f);
        b += 1;
    }
    t
}

/// The length of the valid UTF-8 sequence `b` starts with (0: none).
fn utf8_len(b: &[u8]) -> usize {
    let n = match b[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return 0,
    };
    match b.get(..n).map(std::str::from_utf8) {
        Some(Ok(_)) => n,
        _ => 0,
    }
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
        j.raw(w, b"1").unwrap();
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

    fn string(value: &[u8], strict: bool) -> String {
        let mut out = Vec::new();
        write_string(&mut out, value, strict).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn bytes_as_ip_writes_them_and_strictly() {
        // As ip: iproute2's escapes only; other bytes as they are.
        let mut out = Vec::new();
        write_string(&mut out, b"bad\xffalias\x01\t\"", false).unwrap();
        assert_eq!(out, b"\"bad\xffalias\x01\\t\\\"\"");
        // Strict: every byte not part of valid UTF-8 and every control
        // character escaped; valid UTF-8 kept.
        assert_eq!(string(b"bad\xffalias\x01\t\x7f", true), "\"bad\\u00ffalias\\u0001\\t\\u007f\"");
        assert_eq!(string("n\u{e9}\u{20ac}\u{1f600}".as_bytes(), true), "\"n\u{e9}\u{20ac}\u{1f600}\"");
        assert_eq!(string(b"\xc3(\xe2\x82\xf0\x9f\x98", true), "\"\\u00c3(\\u00e2\\u0082\\u00f0\\u009f\\u0098\"");
        for v in [&b"v\xff"[..], b"\xc0\x80", b"\xed\xa0\x80", b"ok", b"\x00"] {
            let s = string(v, true);
            assert!(serde_json::from_str::<String>(&s).is_ok(), "{v:?} as {s}");
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
