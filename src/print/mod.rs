//! One printer, two renderings. Every field goes through one call that
//! writes either iproute2's text (a format with one `{}`) or a JSON member,
//! as iproute2's `print_*(PRINT_ANY, key, fmt, value)` does — so text and
//! JSON cannot drift apart.

pub mod addr;
pub mod color;
pub mod json;
pub mod sink;
pub mod time;

use std::io::{self, Write};

pub use color::Color;
use color::Palette;
use json::JsonWriter;

/// Where a field goes: both renderings, text only (`PRINT_FP`) or JSON only.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Out {
    Any,
    Text,
    Json,
}

/// The printer's output, counting the bytes that went through it (so the
/// end of a command knows whether it printed anything at all).
pub struct Counted<W: ?Sized> {
    written: u64,
    inner: W,
}

impl<W: Write + ?Sized> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)?;
        self.written += buf.len() as u64;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The printer. The output comes last so that a `Printer<W>` can be
/// handed on as a [`Dyn`] (`Printer<dyn Write>`): kind printers live in a
/// table of function pointers and print through the very same methods.
pub struct Printer<W: Write + ?Sized> {
    json: Option<JsonWriter>,
    /// rtun's complete JSON documents: never a lone `[` after a failure,
    /// `[]` for a command that printed nothing (`complete_documents`).
    complete: bool,
    palette: Option<Palette>,
    /// iproute2's `_SL_`: "\n", or "\\" with `-o`.
    line_sep: &'static str,
    w: Counted<W>,
}

/// The printer behind a `dyn Write` (what kind printers take).
pub type Dyn<'w> = Printer<dyn Write + 'w>;

/// Render `fmt` with `value` in place of its single `{}` (or `{:<N}` /
/// `{:>N}` for a padded field, iproute2's `%-16s`).
pub fn render(w: &mut (impl Write + ?Sized), fmt: &str, value: &dyn std::fmt::Display) -> io::Result<()> {
    let Some(open) = fmt.find('{') else {
        return w.write_all(fmt.as_bytes());
    };
    let Some(close) = fmt[open..].find('}').map(|i| open + i) else {
        return w.write_all(fmt.as_bytes());
    };
    w.write_all(fmt[..open].as_bytes())?;
    let spec = &fmt[open + 1..close];
    match spec.strip_prefix(":<").or(spec.strip_prefix(":-")) {
        Some(n) => write!(w, "{:<width$}", value.to_string(), width = n.parse().unwrap_or(0))?,
        None => match spec.strip_prefix(":>") {
            Some(n) => write!(w, "{:>width$}", value.to_string(), width = n.parse().unwrap_or(0))?,
            None => write!(w, "{value}")?,
        },
    }
    w.write_all(fmt[close + 1..].as_bytes())
}

/// `render` for a string value as bytes (names, labels: not necessarily
/// UTF-8), written as they are, as C's `%s` writes them; `{:<N}`/`{:>N}`
/// pad to N bytes. The common plain `{}` is written as three byte slices,
/// without the formatting machinery (a route listing calls this for
/// nearly every field).
pub fn render_bytes(w: &mut (impl Write + ?Sized), fmt: &str, value: &[u8]) -> io::Result<()> {
    let f = fmt.as_bytes();
    let Some(open) = f.iter().position(|&c| c == b'{') else {
        return w.write_all(f);
    };
    let Some(close) = f[open..].iter().position(|&c| c == b'}').map(|i| open + i) else {
        return w.write_all(f);
    };
    let (before, spec, after) = (&f[..open], &fmt[open + 1..close], &f[close + 1..]);
    if !before.is_empty() {
        w.write_all(before)?;
    }
    if spec.is_empty() {
        w.write_all(value)?;
        return if after.is_empty() { Ok(()) } else { w.write_all(after) };
    }
    let (left, width): (bool, usize) = match spec.as_bytes() {
        [] => (false, 0),
        [b':', b'<' | b'-', n @ ..] => (true, std::str::from_utf8(n).ok().and_then(|n| n.parse().ok()).unwrap_or(0)),
        [b':', b'>', n @ ..] => (false, std::str::from_utf8(n).ok().and_then(|n| n.parse().ok()).unwrap_or(0)),
        _ => (false, 0),
    };
    let pad = width.saturating_sub(value.len());
    if !left {
        write_spaces(w, pad)?;
    }
    w.write_all(value)?;
    if left {
        write_spaces(w, pad)?;
    }
    if !after.is_empty() {
        w.write_all(after)?;
    }
    Ok(())
}

fn write_spaces(w: &mut (impl Write + ?Sized), n: usize) -> io::Result<()> {
    const SPACES: [u8; 32] = [b' '; 32];
    let mut left = n;
    while left > 0 {
        let k = left.min(SPACES.len());
        w.write_all(&SPACES[..k])?;
        left -= k;
    }
    Ok(())
}

impl std::fmt::Write for NumText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A number as text on the stack (a JSON value needs no `String`).
struct NumText {
    buf: [u8; 48],
    len: usize,
}

impl NumText {
    fn of(value: &dyn std::fmt::Display) -> Self {
        let mut t = NumText { buf: [0; 48], len: 0 };
        let _ = std::fmt::Write::write_fmt(&mut t, format_args!("{value}"));
        t
    }

    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl<W: Write> Printer<io::BufWriter<W>> {
    /// Whether output is waiting in the buffer, not yet written.
    pub fn buffered(&self) -> bool {
        !self.w.inner.buffer().is_empty()
    }

    /// The writer under the buffer.
    pub fn sink(&self) -> &W {
        self.w.inner.get_ref()
    }
}

impl<W: Write> Printer<W> {
    pub fn new(w: W, json: bool, pretty: bool, color: bool, oneline: bool) -> Self {
        Printer {
            json: json.then(|| JsonWriter::new(pretty)),
            complete: false,
            palette: color.then(Palette::from_env),
            line_sep: if oneline { "\\" } else { "\n" },
            w: Counted { written: 0, inner: w },
        }
    }

    pub fn into_inner(self) -> W {
        self.w.inner
    }
}

impl<W: Write + ?Sized> Printer<W> {

    pub fn is_json(&self) -> bool {
        self.json.is_some()
    }

    pub fn oneline(&self) -> bool {
        self.line_sep != "\n"
    }

    /// Every `-j` command prints one complete JSON document (rtun, not
    /// `ip`): the top-level `[` waits for the first value, a failure before
    /// it prints nothing, `finish` prints `[]` for a silent success, and
    /// strings are valid JSON whatever bytes they hold (`JsonWriter::strict`).
    pub fn complete_documents(&mut self) {
        self.complete = true;
        if let Some(j) = self.json.as_mut() {
            j.defer_top_level();
            j.strict();
        }
    }

    /// A stream of records (`tunnel keepalive`): with `-j` each record is
    /// a JSON document of its own line (JSON Lines), and nothing is printed
    /// when there was none; see `end_record`.
    pub fn stream_records(&mut self) {
        self.complete = false;
    }

    /// A printer into memory with this one's colours and line separator,
    /// for one record that may be dropped (`monitor`: an event its filter
    /// rejects). With `json`, one JSON object, strict as rtun's JSON is.
    pub fn record(&self, json: bool) -> Printer<Vec<u8>> {
        let mut json_writer = JsonWriter::new(false);
        json_writer.strict();
        Printer {
            json: json.then_some(json_writer),
            complete: false,
            palette: self.palette,
            line_sep: self.line_sep,
            w: Counted { written: 0, inner: Vec::new() },
        }
    }

    /// The end of one record of a stream: the line ends (in JSON the
    /// object that was closed is a document of its own) and goes out at once.
    pub fn end_record(&mut self) -> io::Result<()> {
        if let Some(j) = self.json.as_mut() {
            j.reset();
        }
        self.w.write_all(b"\n")?;
        self.w.flush()
    }

    /// Bytes that are no text at all (`rule save`'s binary stream), as
    /// they are.
    pub fn binary(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.w.write_all(bytes)
    }

    /// The output itself (for helpers that write their own text).
    pub fn inner(&mut self) -> &mut Counted<W> {
        &mut self.w
    }

    fn wants(&self, out: Out) -> (bool, bool) {
        let json = self.json.is_some();
        (json && out != Out::Text, !json && out != Out::Json)
    }

    fn text_field(&mut self, color: Color, fmt: &str, value: &dyn std::fmt::Display) -> io::Result<()> {
        match self.palette.as_ref().and_then(|p| p.start(color)) {
            Some(start) => {
                self.w.write_all(start.as_bytes())?;
                render(&mut self.w, fmt, value)?;
                self.w.write_all(color::Palette::clear_code().as_bytes())
            }
            None => render(&mut self.w, fmt, value),
        }
    }

    fn text_field_bytes(&mut self, color: Color, fmt: &str, value: &[u8]) -> io::Result<()> {
        match self.palette.as_ref().and_then(|p| p.start(color)) {
            Some(start) => {
                self.w.write_all(start.as_bytes())?;
                render_bytes(&mut self.w, fmt, value)?;
                self.w.write_all(color::Palette::clear_code().as_bytes())
            }
            None => render_bytes(&mut self.w, fmt, value),
        }
    }

    fn json_name(&mut self, key: Option<&str>) -> io::Result<()> {
        if let (Some(j), Some(k)) = (self.json.as_mut(), key) {
            j.name(&mut self.w, k)?;
        }
        Ok(())
    }

    /// A string field (`print_color_string`).
    pub fn string_c(&mut self, out: Out, color: Color, key: Option<&str>, fmt: &str, value: &str) -> io::Result<()> {
        self.bytes_c(out, color, key, fmt, value.as_bytes())
    }

    /// A string field whose value is bytes the kernel holds (names,
    /// aliases, labels: not necessarily UTF-8). Text: the bytes as they
    /// are, as ip writes them. JSON: as ip as `ip` (its escapes only);
    /// with complete documents, valid JSON (`JsonWriter::strict`).
    pub fn bytes_c(&mut self, out: Out, color: Color, key: Option<&str>, fmt: &str, value: &[u8]) -> io::Result<()> {
        let (json, text) = self.wants(out);
        if json {
            self.json_name(key)?;
            if let Some(j) = self.json.as_mut() {
                j.bytes(&mut self.w, value)?;
            }
        } else if text {
            self.text_field_bytes(color, fmt, value)?;
        }
        Ok(())
    }

    /// `print_string(PRINT_ANY, key, fmt, value)` for bytes (`bytes_c`).
    pub fn str_bytes(&mut self, key: &str, fmt: &str, value: &[u8]) -> io::Result<()> {
        self.bytes_c(Out::Any, Color::None, Some(key), fmt, value)
    }

    /// A number field; `value` is written as is in JSON.
    pub fn number_c<T: std::fmt::Display>(&mut self, out: Out, color: Color, key: Option<&str>, fmt: &str, value: T) -> io::Result<()> {
        let (json, text) = self.wants(out);
        if json {
            self.json_name(key)?;
            if let Some(j) = self.json.as_mut() {
                j.raw(&mut self.w, NumText::of(&value).as_bytes())?;
            }
        } else if text {
            self.text_field(color, fmt, &value)?;
        }
        Ok(())
    }

    /// `print_string(PRINT_ANY, key, fmt, value)`.
    pub fn str(&mut self, key: &str, fmt: &str, value: &str) -> io::Result<()> {
        self.string_c(Out::Any, Color::None, Some(key), fmt, value)
    }

    /// `print_uint`/`print_u64`/`print_int` with PRINT_ANY.
    pub fn num<T: std::fmt::Display>(&mut self, key: &str, fmt: &str, value: T) -> io::Result<()> {
        self.number_c(Out::Any, Color::None, Some(key), fmt, value)
    }

    /// Text only, a literal (`print_string(PRINT_FP, NULL, "%s", text)`).
    pub fn text(&mut self, text: &str) -> io::Result<()> {
        if self.json.is_none() {
            self.w.write_all(text.as_bytes())?;
        }
        Ok(())
    }

    /// Text only, formatted.
    pub fn text_fmt(&mut self, fmt: &str, value: &dyn std::fmt::Display) -> io::Result<()> {
        if self.json.is_none() {
            render(&mut self.w, fmt, value)?;
        }
        Ok(())
    }

    /// JSON only: a string member.
    pub fn json_str(&mut self, key: &str, value: &str) -> io::Result<()> {
        self.string_c(Out::Json, Color::None, Some(key), "", value)
    }

    /// JSON only: a number member.
    pub fn json_num<T: std::fmt::Display>(&mut self, key: &str, value: T) -> io::Result<()> {
        self.number_c(Out::Json, Color::None, Some(key), "", value)
    }

    /// `print_bool`: `true`/`false` in JSON, `fmt` with "true"/"false" in text.
    pub fn bool(&mut self, out: Out, key: &str, fmt: &str, value: bool) -> io::Result<()> {
        self.boolean(out, key, fmt, value, if value { "true" } else { "false" })
    }

    /// `print_on_off`: `true`/`false` in JSON, "on"/"off" in text.
    pub fn on_off(&mut self, out: Out, key: &str, fmt: &str, value: bool) -> io::Result<()> {
        self.boolean(out, key, fmt, value, if value { "on" } else { "off" })
    }

    fn boolean(&mut self, out: Out, key: &str, fmt: &str, value: bool, word: &str) -> io::Result<()> {
        let (json, text) = self.wants(out);
        if json {
            self.json_name(Some(key))?;
            if let Some(j) = self.json.as_mut() {
                j.raw(&mut self.w, if value { b"true" } else { b"false" })?;
            }
        } else if text {
            self.text_field(Color::None, fmt, &word)?;
        }
        Ok(())
    }

    /// `print_null`: JSON `null`, or `fmt` with `text` in text mode.
    pub fn null(&mut self, out: Out, key: &str, fmt: &str, text: &str) -> io::Result<()> {
        let (json, txt) = self.wants(out);
        if json {
            self.json_name(Some(key))?;
            if let Some(j) = self.json.as_mut() {
                j.raw(&mut self.w, b"null")?;
            }
        } else if txt {
            self.text_field(Color::None, fmt, &text)?;
        }
        Ok(())
    }

    /// `print_0xhex`: C's `%#llx` (`0x…`, and a plain `0` for zero), a
    /// JSON string or `fmt` in text.
    pub fn hex0x(&mut self, out: Out, key: &str, fmt: &str, value: u64) -> io::Result<()> {
        let mut cur = io::Cursor::new([0u8; 24]);
        let _ = if value == 0 { write!(cur, "0") } else { write!(cur, "{value:#x}") };
        let len = cur.position() as usize;
        let buf = cur.into_inner();
        self.bytes_c(out, Color::None, Some(key), fmt, &buf[..len])
    }

    /// `print_hex`: JSON string of lowercase hex without prefix.
    pub fn hex(&mut self, out: Out, key: &str, fmt: &str, value: u32) -> io::Result<()> {
        let (json, text) = self.wants(out);
        if json {
            self.json_name(Some(key))?;
            if let Some(j) = self.json.as_mut() {
                j.string(&mut self.w, &format!("{value:x}"))?;
            }
        } else if text {
            self.text_field(Color::None, fmt, &format_args!("{value:x}"))?;
        }
        Ok(())
    }

    /// `open_json_object(key)`: JSON only.
    pub fn open_object(&mut self, key: Option<&str>) -> io::Result<()> {
        self.json_name(key)?;
        if let Some(j) = self.json.as_mut() {
            j.start_object(&mut self.w)?;
        }
        Ok(())
    }

    pub fn close_object(&mut self) -> io::Result<()> {
        if let Some(j) = self.json.as_mut() {
            j.end_object(&mut self.w)?;
        }
        Ok(())
    }

    /// `open_json_array(type, key)`: in text mode (when `out` allows) writes `text`.
    pub fn open_array(&mut self, out: Out, key: Option<&str>, text: &str) -> io::Result<()> {
        let (json, txt) = self.wants(out);
        if json {
            self.json_name(key)?;
            if let Some(j) = self.json.as_mut() {
                j.start_array(&mut self.w)?;
            }
        } else if txt {
            self.w.write_all(text.as_bytes())?;
        }
        Ok(())
    }

    pub fn close_array(&mut self, out: Out, text: &str) -> io::Result<()> {
        let (json, txt) = self.wants(out);
        if json {
            if let Some(j) = self.json.as_mut() {
                j.end_array(&mut self.w)?;
            }
        } else if txt {
            self.w.write_all(text.as_bytes())?;
        }
        Ok(())
    }

    /// `print_nl`: the line separator, in text mode only.
    pub fn nl(&mut self) -> io::Result<()> {
        if self.json.is_none() {
            self.w.write_all(self.line_sep.as_bytes())?;
        }
        Ok(())
    }

    /// `_SL_` as a string, for callers that build text themselves.
    pub fn line_sep(&self) -> &'static str {
        self.line_sep
    }

    /// `new_json_obj`: open the top-level array in JSON mode.
    pub fn begin(&mut self) -> io::Result<()> {
        if let Some(j) = self.json.as_mut() {
            j.start_array(&mut self.w)?;
        }
        Ok(())
    }

    /// `delete_json_obj`: close the top-level array and end the line.
    pub fn end(&mut self) -> io::Result<()> {
        // Nothing begun (a command that prints nothing): nothing to close.
        if let Some(j) = self.json.as_mut().filter(|j| j.depth() > 0) {
            while j.depth() > 1 {
                j.end_object(&mut self.w)?;
            }
            j.end_array(&mut self.w)?;
            j.reset();
            self.w.write_all(b"\n")?;
        }
        self.w.flush()
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }

    /// Bytes written as they are, in both modes: the binary records of
    /// `route save` and `address save`.
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.w.write_all(bytes)
    }

    /// Text written in both modes (iproute2's plain `printf` to stdout,
    /// e.g. flush summaries).
    pub fn text_always(&mut self, text: &str) -> io::Result<()> {
        self.w.write_all(text.as_bytes())
    }

    /// A command failed half-way in JSON mode: leave what was written
    /// unclosed, as iproute2 does (`[` then an error), and let `end()`
    /// add nothing. With complete documents `finish` closes it instead.
    pub fn abandon(&mut self) -> io::Result<()> {
        if self.complete {
            return Ok(());
        }
        if let Some(j) = self.json.as_mut() {
            j.reset();
        }
        self.w.flush()
    }

    /// The end of one command's output; `ok` says whether it succeeded.
    /// With complete documents, a failure leaves no unopened `[` (and
    /// closes what it had opened), and with `empty_doc` a success that
    /// printed nothing at all prints `[]`. Otherwise as `end`.
    pub fn finish(&mut self, ok: bool, empty_doc: bool) -> io::Result<()> {
        if self.complete {
            if let Some(j) = self.json.as_mut() {
                if j.top_owed() && !ok {
                    j.reset();
                } else if ok && empty_doc && j.depth() == 0 && self.w.written == 0 {
                    self.begin()?;
                }
            }
        }
        self.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(json: bool, f: impl FnOnce(&mut Printer<Vec<u8>>) -> io::Result<()>) -> Vec<u8> {
        let mut p = Printer::new(Vec::new(), json, false, false, false);
        f(&mut p).expect("write");
        p.into_inner()
    }

    #[test]
    fn hex0x_is_cs_percent_hash_llx() {
        // C's %#llx writes a plain 0 for zero, in text as in JSON.
        assert_eq!(text(false, |p| p.hex0x(Out::Any, "k", "k {} ", 0)), b"k 0 ");
        assert_eq!(text(false, |p| p.hex0x(Out::Any, "k", "k {} ", 0x1f)), b"k 0x1f ");
        assert_eq!(text(true, |p| p.hex0x(Out::Any, "k", "", 0)), b"\"k\":\"0\"");
    }

    #[test]
    fn bytes_are_written_and_padded_as_bytes() {
        assert_eq!(text(false, |p| p.str_bytes("n", "{:<6}|", b"v\xff")), b"v\xff    |");
        assert_eq!(text(false, |p| p.str_bytes("n", "[{:>4}]", b"\xff")), b"[   \xff]");
        assert_eq!(text(true, |p| p.str_bytes("n", "{}", b"v\xff")), b"\"n\":\"v\xff\"");
        let mut p = Printer::new(Vec::new(), true, false, false, false);
        p.complete_documents();
        p.str_bytes("n", "{}", b"v\xff").expect("write");
        assert_eq!(p.into_inner(), b"\"n\":\"v\\u00ff\"");
    }
}
