//! Arguments are bytes; rtun's words are `String`s. A byte of an argument
//! (or of a batch line) that is not part of valid UTF-8 rides in its word
//! as the code point U+EF80 + (byte − 0x80) — MirBSD's OPTU-16 mapping,
//! in the Private Use Area — and becomes that byte again wherever a word
//! becomes a name for the kernel or part of a message. So
//! `rtun link add $'x\xff' type bridge` makes the device `x\xff`, and
//! `Device "x\xff" does not exist.` names it with the byte the user typed.
//! (A name that really holds U+EF80…U+EFFF is read as those raw bytes.)

use std::borrow::Cow;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

const BASE: u32 = 0xEF00;

fn raw(c: char) -> Option<u8> {
    let v = c as u32;
    (0xEF80..=0xEFFF).contains(&v).then(|| (v - BASE) as u8)
}

/// A word from bytes: valid UTF-8 as it is, other bytes mapped.
pub fn word(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len());
    for chunk in b.utf8_chunks() {
        s.push_str(chunk.valid());
        for &byte in chunk.invalid() {
            s.push(char::from_u32(BASE + byte as u32).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
    }
    s
}

/// An argument as a word.
pub fn word_os(a: &OsStr) -> String {
    word(a.as_bytes())
}

/// The bytes a word stands for (borrowed when it maps nothing).
pub fn bytes(s: &str) -> Cow<'_, [u8]> {
    if !s.chars().any(|c| raw(c).is_some()) {
        return Cow::Borrowed(s.as_bytes());
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match raw(c) {
            Some(b) => out.push(b),
            None => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_through_words() {
        for b in [&b"eth0"[..], b"x\xff", b"bad\xffalias\x80", "né".as_bytes(), b"\xc3", b"\xe2\x82"] {
            let w = word(b);
            assert_eq!(&*bytes(&w), b, "{b:?} as {w:?}");
        }
        assert!(matches!(bytes("plain"), Cow::Borrowed(_)));
        assert_eq!(word(b"x\xff"), "x\u{efff}");
    }
}
