//! Reading `-batch` input as iproute2 does (`getcmdline` and `makeargs`):
//! `#` starts a comment, a line ending in `\` continues on the next, words
//! split on blanks, and a word may be quoted with ' or " (no escapes
//! inside). A line ends at its first NUL byte, as a C string does (the rest
//! of it up to the newline is read and dropped). At most MAX_ARGS - 1 words
//! a line (`Too many arguments to command`, as iproute2) and MAX_LINE bytes
//! a command (rtun's own bound: iproute2 has none), so that no input can
//! make the batch grow without limit. A longer command is read to its end
//! and dropped, and fails as a line of its own: with `-force` the batch
//! goes on (its `refused` says why).
//!
//! The reader also says when it is about to wait: `next_command` calls its
//! `wait` hook before a read that would block (nothing buffered, the input
//! not readable now) and after a read was interrupted by a signal — so that
//! queued requests go out while the input is idle, and a signal is acted
//! on (`signals`).

use std::io::{BufRead, BufReader, Read};
use std::os::fd::RawFd;

use crate::error::{Error, Result};

/// iproute2's `MAX_ARGS`: a line may have one word fewer than this.
pub const MAX_ARGS: usize = 512;
/// The longest command (continuation lines included) rtun reads, in bytes:
/// far above any name or value the kernel takes (an attribute holds at
/// most 64 KiB), so a hostile line still fails as ip's would.
pub const MAX_LINE: usize = 1024 * 1024;

pub struct Line {
    /// The number of the line the command ended on.
    pub number: usize,
    pub words: Vec<String>,
    /// Why the command cannot run (longer than MAX_LINE); its words are
    /// then empty.
    pub refused: Option<String>,
}

/// Why the input ended before its end of file.
#[derive(Debug)]
pub enum EarlyEnd {
    /// A `\` on the last line: iproute2 prints `Missing continuation line`
    /// and stops, its status unchanged.
    MissingContinuation,
    /// Reading failed (a directory, an I/O error): iproute2's `getline`
    /// returns -1 and the batch stops as at the end of the file.
    Read(std::io::Error),
}

/// The commands of a batch input, one at a time. The line, its text and
/// its words live in buffers reused from one command to the next: a batch
/// of a million lines should not cost a million rounds of allocations.
pub struct Lines<R> {
    input: BufReader<R>,
    /// The input's descriptor, to ask whether a read would block.
    fd: Option<RawFd>,
    number: usize,
    raw: Vec<u8>,
    current: Line,
    /// Set when the input ended early; `next_command` then returns None.
    pub early_end: Option<EarlyEnd>,
    /// The command being read went past MAX_LINE: the rest is dropped.
    overlong: bool,
    /// The last two bytes of the physical line last read (kept while the
    /// bytes themselves are dropped, to see a `\` continuation).
    tail: [u8; 2],
}

/// Whether `fd` has something to read (or an end or error to report) now.
fn readable_now(fd: RawFd) -> bool {
    let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: one pollfd, alive for the call; a zero timeout never blocks.
    unsafe { libc::poll(&mut p, 1, 0) != 0 }
}

impl<R: Read> Lines<R> {
    /// Commands from `input`; `fd` is its descriptor (None: never ask).
    pub fn new(input: R, fd: Option<RawFd>) -> Self {
        Lines {
            input: BufReader::with_capacity(64 * 1024, input),
            fd,
            number: 0,
            raw: Vec::with_capacity(256),
            current: Line { number: 0, words: Vec::new(), refused: None },
            early_end: None,
            overlong: false,
            tail: [0; 2],
        }
    }

    /// Append the next physical line to `raw` (its newline included,
    /// nothing from a NUL byte on); false at the end of the input.
    fn read(&mut self, wait: &mut dyn FnMut() -> Result<()>) -> Result<bool> {
        let mut any = false;
        // A NUL was seen: drop the rest of this line.
        let mut cut = false;
        loop {
            if self.input.buffer().is_empty() && self.fd.is_some_and(|fd| !readable_now(fd)) {
                wait()?;
            }
            let buf = match self.input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                    wait()?;
                    continue;
                }
                Err(e) => {
                    self.early_end = Some(EarlyEnd::Read(e));
                    return Ok(false);
                }
            };
            if buf.is_empty() {
                if any {
                    self.number += 1;
                }
                return Ok(any);
            }
            any = true;
            let stop = if cut { buf.iter().position(|&b| b == b'\n') } else { buf.iter().position(|&b| b == b'\n' || b == 0) };
            let (used, keep, newline) = match stop {
                Some(i) if buf[i] == 0 => (i + 1, i, false),
                Some(i) => (i + 1, i + 1, true),
                None => (buf.len(), buf.len(), false),
            };
            if !cut && !self.overlong {
                if self.raw.len() + keep > MAX_LINE {
                    self.overlong = true;
                } else {
                    self.raw.extend_from_slice(&buf[..keep]);
                }
            }
            self.tail = match &buf[..keep] {
                [.., a, b] => [*a, *b],
                [b] => [self.tail[1], *b],
                [] => self.tail,
            };
            cut |= stop.is_some_and(|i| buf[i] == 0);
            self.input.consume(used);
            if newline {
                self.number += 1;
                return Ok(true);
            }
        }
    }

    /// The next command, or None at the end of the input (see
    /// `early_end`). `wait` is called before the reader blocks and after
    /// a signal interrupted it; its error stops the batch.
    pub fn next_command(&mut self, wait: &mut dyn FnMut() -> Result<()>) -> Result<Option<&Line>> {
        self.raw.clear();
        self.overlong = false;
        self.current.refused = None;
        if self.early_end.is_some() || !self.read(wait)? {
            return Ok(None);
        }
        strip_comment(&mut self.raw, 0);
        while self.raw.ends_with(b"\\\n") || self.overlong && self.tail == *b"\\\n" {
            self.raw.truncate(self.raw.len() - 2);
            let start = self.raw.len();
            if !self.read(wait)? {
                if self.early_end.is_none() {
                    self.early_end = Some(EarlyEnd::MissingContinuation);
                }
                return Ok(None);
            }
            strip_comment(&mut self.raw, start);
        }
        self.current.number = self.number;
        if self.overlong {
            self.current.words.clear();
            self.current.refused = Some(format!("Command line too long (more than {MAX_LINE} bytes) at line {}", self.number));
            return Ok(Some(&self.current));
        }
        // Bytes that are not UTF-8 ride in the words (`cli::bytes`).
        let text = match std::str::from_utf8(&self.raw) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => std::borrow::Cow::Owned(crate::cli::bytes::word(&self.raw)),
        };
        split_into(&text, &mut self.current.words)?;
        self.current.number = self.number;
        Ok(Some(&self.current))
    }
}

/// Cut `s` at the first `#` at or after `from`.
fn strip_comment(s: &mut Vec<u8>, from: usize) {
    if let Some(i) = s[from..].iter().position(|&c| c == b'#') {
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
    let put = |words: &mut Vec<String>, n: usize, w: &str| match words.get_mut(n) {
        Some(slot) => {
            slot.clear();
            slot.push_str(w);
        }
        None => words.push(w.to_string()),
    };
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(ws);
        if rest.is_empty() {
            break;
        }
        if n >= MAX_ARGS - 1 {
            return Err(Error::Fatal("Too many arguments to command".into()));
        }
        if let Some(q) = rest.chars().next().filter(|c| *c == '\'' || *c == '"') {
            let body = &rest[1..];
            let end = body.find(q).ok_or_else(|| Error::Fatal("Unterminated quoted string".into()))?;
            put(words, n, &body[..end]);
            rest = &body[end..];
        } else {
            let end = rest.find(ws).unwrap_or(rest.len());
            put(words, n, &rest[..end]);
            rest = &rest[end..];
        }
        n += 1;
        if rest.is_empty() {
            break;
        }
        // The blank after a word, or a closing quote, becomes the word's
        // end (C's `*cp++ = 0`): one ASCII byte.
        rest = &rest[1..];
    }
    words.truncate(n);
    Ok(())
}

/// `PROG: …` messages of the rtun personality show control bytes from the
/// input as `\xNN` (iproute2 prints them raw, and so does rtun as `ip`).
pub fn printable(msg: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| (c.is_ascii_control() && c != '\n' && c != '\t') || ('\u{80}'..'\u{a0}').contains(&c);
    if !msg.contains(bad) {
        return std::borrow::Cow::Borrowed(msg);
    }
    let mut out = String::with_capacity(msg.len() + 8);
    for c in msg.chars() {
        if bad(c) {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// SIGTERM, SIGINT and SIGHUP while a `-force` batch holds requests: the
/// handler only notes the signal (no allocation, no lock); the batch sends
/// what is queued, reads the ACKs, writes its output, and then dies of the
/// signal with its default action (a shell sees 128+N). The handlers are
/// installed without SA_RESTART, so that a blocking read of the input
/// returns at once. A signal ignored when the batch starts stays ignored.
/// (`tunnel keepalive` ends its watch on the same handlers.)
pub mod signals {
    use std::sync::atomic::{AtomicI32, Ordering};

    const CAUGHT: [libc::c_int; 3] = [libc::SIGTERM, libc::SIGINT, libc::SIGHUP];
    static PENDING: AtomicI32 = AtomicI32::new(0);

    extern "C" fn note(sig: libc::c_int) {
        PENDING.store(sig, Ordering::SeqCst);
    }

    /// The handlers while alive; the previous dispositions come back on drop.
    pub struct Caught {
        old: Vec<(libc::c_int, libc::sigaction)>,
    }

    pub fn catch() -> Caught {
        let mut old = Vec::new();
        for sig in CAUGHT {
            // SAFETY: sigaction with zeroed, then filled structures; `note`
            // only stores to an atomic, which is async-signal-safe.
            unsafe {
                let mut was: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(sig, std::ptr::null(), &mut was) != 0 || was.sa_sigaction == libc::SIG_IGN {
                    continue;
                }
                let mut act: libc::sigaction = std::mem::zeroed();
                act.sa_sigaction = note as extern "C" fn(libc::c_int) as libc::sighandler_t;
                libc::sigemptyset(&mut act.sa_mask);
                for other in CAUGHT {
                    libc::sigaddset(&mut act.sa_mask, other);
                }
                act.sa_flags = 0;
                if libc::sigaction(sig, &act, std::ptr::null_mut()) == 0 {
                    old.push((sig, was));
                }
            }
        }
        Caught { old }
    }

    /// The signal that came, if one did.
    pub fn pending() -> Option<libc::c_int> {
        match PENDING.load(Ordering::SeqCst) {
            0 => None,
            sig => Some(sig),
        }
    }

    /// Die of `sig` as if it had never been caught.
    pub fn die(sig: libc::c_int) -> ! {
        // SAFETY: restoring the default action and raising the signal.
        unsafe {
            libc::signal(sig, libc::SIG_DFL);
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, sig);
            libc::sigprocmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
            libc::raise(sig);
        }
        std::process::exit(128 + sig)
    }

    impl Drop for Caught {
        fn drop(&mut self) {
            for (sig, was) in &self.old {
                // SAFETY: putting back the disposition read in `catch`.
                unsafe {
                    libc::sigaction(*sig, was, std::ptr::null_mut());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &[u8]) -> Lines<&[u8]> {
        Lines::new(text, None)
    }

    fn next(l: &mut Lines<&[u8]>) -> Option<(usize, Vec<String>)> {
        l.next_command(&mut || Ok(())).unwrap().map(|c| (c.number, c.words.clone()))
    }

    #[test]
    fn comments_quotes_continuations() {
        let mut l = lines(b"link show # all\naddr add '192.0.2.1/24' \\\n dev v0\n\n");
        assert_eq!(next(&mut l), Some((1, vec!["link".to_string(), "show".into()])));
        let (n, words) = next(&mut l).unwrap();
        assert_eq!(n, 3);
        assert_eq!(words, ["addr", "add", "192.0.2.1/24", "dev", "v0"]);
        assert!(next(&mut l).unwrap().1.is_empty());
        assert!(next(&mut l).is_none());
        assert!(l.early_end.is_none());
    }

    #[test]
    fn reused_words_follow_each_line() {
        let mut l = lines(b"route add blackhole 10.0.0.0/24\nlink show\nlink set \"v 0\" up\n");
        assert_eq!(next(&mut l).unwrap().1.len(), 4);
        assert_eq!(next(&mut l).unwrap().1, ["link", "show"]);
        assert_eq!(next(&mut l).unwrap().1, ["link", "set", "v 0", "up"]);
    }

    #[test]
    fn a_closing_quote_ends_the_word_and_nothing_more() {
        assert_eq!(split("'a'b \"c d\"e").unwrap(), ["a", "b", "c d", "e"]);
    }

    #[test]
    fn a_line_ends_at_its_first_nul() {
        // As C strings: nothing after the NUL counts, not even a `\`.
        let mut l = lines(b"link show lo\0xx\nlink \\\nshow\0 v0 \\\n lo\n\0\n");
        assert_eq!(next(&mut l), Some((1, vec!["link".to_string(), "show".into(), "lo".into()])));
        assert_eq!(next(&mut l), Some((3, vec!["link".to_string(), "show".into()])));
        assert_eq!(next(&mut l), Some((4, vec!["lo".to_string()])));
        assert_eq!(next(&mut l), Some((5, vec![])));
        assert!(next(&mut l).is_none());
    }

    #[test]
    fn nul_bytes_cost_no_memory() {
        let mut input = vec![0u8; 10 * MAX_LINE];
        input.extend_from_slice(b"\nlink\n");
        let mut l = Lines::new(&input[..], None);
        assert_eq!(next(&mut l), Some((1, vec![])));
        assert!(l.raw.capacity() < 4096);
        assert_eq!(next(&mut l), Some((2, vec!["link".to_string()])));
    }

    #[test]
    fn words_and_bytes_are_bounded() {
        let words = |n: usize| vec!["x"; n].join(" ");
        assert_eq!(split(&words(MAX_ARGS - 1)).unwrap().len(), MAX_ARGS - 1);
        let e = split(&words(MAX_ARGS)).unwrap_err();
        assert_eq!((e.to_string(), e.exit_code(), e.aborts()), ("Too many arguments to command".into(), 1, true));
        // The word count is checked before the quote is.
        assert_eq!(split(&format!("{} 'x", words(MAX_ARGS - 1))).unwrap_err().to_string(), "Too many arguments to command");
        // A command too long fails alone (continued lines too); the next
        // one is read as usual, and the memory stays bounded.
        let long = format!("link show {} \\\n{}\nlink\n", "a".repeat(MAX_LINE), "b".repeat(3 * MAX_LINE));
        let mut l = lines(long.as_bytes());
        let line = l.next_command(&mut || Ok(())).expect("read").expect("a line");
        assert!(line.words.is_empty() && line.number == 2);
        assert!(line.refused.as_deref().is_some_and(|r| r.starts_with("Command line too long")), "{:?}", line.refused);
        assert_eq!(next(&mut l), Some((3, vec!["link".to_string()])));
        assert!(l.raw.capacity() <= 2 * MAX_LINE);
    }

    #[test]
    fn a_missing_continuation_ends_the_input() {
        let mut l = lines(b"link show \\\n");
        assert!(next(&mut l).is_none());
        assert!(matches!(l.early_end, Some(EarlyEnd::MissingContinuation)));
    }
}
