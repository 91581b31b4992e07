//! iproute2's save files (`route save`, `address save`): a 4-byte magic in
//! host byte order, then netlink messages exactly as the kernel sent them
//! (header included, `nlmsg_len` bytes each). Read here as iproute2's
//! `rtnl_from_file` reads them, with its messages; one message at a time,
//! so a file of a million routes is read in constant memory.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::mem::ManuallyDrop;
use std::os::fd::FromRawFd;

use super::errno::strerror;
use super::request::HEADER_LEN;

/// `route_dump_magic`.
pub const ROUTE_MAGIC: u32 = 0x4531_1224;
/// `ipadd_dump_magic`.
pub const ADDR_MAGIC: u32 = 0x4736_1222;
/// iproute2's read buffer: a longer message is "malformed".
const MAX_MESSAGE: usize = 16384;

/// Standard input, read without Rust's own buffer in the way of seeking
/// (fd 0 is borrowed, never closed).
pub struct Stdin {
    file: ManuallyDrop<File>,
}

impl Stdin {
    pub fn new() -> Self {
        // SAFETY: fd 0 stays open for the life of the process; ManuallyDrop
        // keeps this File from closing it.
        Stdin { file: ManuallyDrop::new(unsafe { File::from_raw_fd(0) }) }
    }

    pub fn is_terminal(&self) -> bool {
        use std::io::IsTerminal as _;
        self.file.is_terminal()
    }

    /// A reader of it, at its current offset.
    pub fn reader(&self) -> BufReader<&File> {
        BufReader::with_capacity(64 * 1024, &*self.file)
    }
}

impl Default for Stdin {
    fn default() -> Self {
        Self::new()
    }
}

/// Read up to `buf.len()` bytes as `fread` does: until full, end of file
/// or an error. The count read, and the error if one stopped it.
fn fread(r: &mut impl Read, buf: &mut [u8]) -> (usize, Option<io::Error>) {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return (got, Some(e)),
        }
    }
    (got, None)
}

/// The magic check (`route_dump_check_magic`, `ipadd_dump_check_magic`):
/// the message iproute2 prints when the file does not start with `magic`.
pub fn check_magic(r: &mut impl Read, magic: u32) -> Result<(), String> {
    let mut b = [0u8; 4];
    let (got, _) = fread(r, &mut b);
    let found = u32::from_ne_bytes(b);
    if found != magic {
        return Err(format!("Magic mismatch ({} elems, {found:x} magic)", usize::from(got == 4)));
    }
    Ok(())
}

/// Standard input as a `what` dump ("route", "address"), after its
/// magic; iproute2's message when it is a terminal or another file.
pub fn open_stdin<'a>(stdin: &'a Stdin, what: &str, magic: u32) -> Result<BufReader<&'a File>, String> {
    if stdin.is_terminal() {
        return Err(format!("Can't restore {what} dump from a terminal"));
    }
    let mut r = stdin.reader();
    check_magic(&mut r, magic)?;
    Ok(r)
}

/// The messages of a save file, one at a time (`rtnl_from_file`).
pub struct Messages<R> {
    r: R,
    buf: Vec<u8>,
    /// Bytes read so far (for the "malformed" message's `ftell`), None
    /// when the input cannot tell (a pipe, as `ftell` fails on one).
    pos: Option<u64>,
}

impl<R: BufRead> Messages<R> {
    /// Reading from `r`, which is `pos` bytes into its file (None: a pipe).
    pub fn new(r: R, pos: Option<u64>) -> Self {
        Messages { r, buf: Vec::with_capacity(MAX_MESSAGE), pos }
    }

    /// The next message (header included, `nlmsg_len` bytes); None at the
    /// end; Err with iproute2's message for a file that ends inside a
    /// message, a length no message can have, or a read error.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<&[u8]>, String> {
        self.buf.resize(HEADER_LEN, 0);
        let (got, err) = fread(&mut self.r, &mut self.buf[..HEADER_LEN]);
        self.advance(got);
        if got == 0 && err.is_none() {
            return Ok(None);
        }
        if got != HEADER_LEN {
            return Err(truncated(err));
        }
        let len = u32::from_ne_bytes([self.buf[0], self.buf[1], self.buf[2], self.buf[3]]) as i32;
        let rest = len.wrapping_sub(HEADER_LEN as i32);
        if rest < 0 || len as usize > MAX_MESSAGE {
            // `ftell` on a pipe fails: -1, printed with %lu.
            return Err(format!("!!!malformed message: len={len} @{}", self.pos.unwrap_or(u64::MAX)));
        }
        let want = (rest as usize + 3) & !3;
        self.buf.resize(HEADER_LEN + want, 0);
        let (got, err) = fread(&mut self.r, &mut self.buf[HEADER_LEN..]);
        self.advance(got);
        if got != want {
            return Err(truncated(err));
        }
        Ok(Some(&self.buf[..len as usize]))
    }

    fn advance(&mut self, n: usize) {
        if let Some(p) = self.pos.as_mut() {
            *p += n as u64;
        }
    }

    pub fn into_inner(self) -> R {
        self.r
    }
}

fn truncated(err: Option<io::Error>) -> String {
    match err {
        Some(e) => format!("rtnl_from_file: fread: {}", strerror(e.raw_os_error().unwrap_or(libc::EIO))),
        None => "rtnl-from_file: truncated message".to_string(),
    }
}

/// Where a reader is in its file, or None when it cannot be told (a pipe).
pub fn position(r: &mut impl Seek) -> Option<u64> {
    r.stream_position().ok()
}

/// Rewind `r` to `pos` for another pass over the messages.
pub fn rewind(r: &mut impl Seek, pos: u64) -> io::Result<()> {
    r.seek(SeekFrom::Start(pos)).map(|_| ())
}

/// A file of no name in the temporary directory, holding what is left of
/// `r`: input that cannot be read twice (a pipe), made so that it can.
pub fn spool(r: &mut impl Read) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    let dir = std::env::temp_dir();
    let mut f = std::fs::OpenOptions::new().read(true).write(true).mode(0o600).custom_flags(libc::O_TMPFILE).open(&dir)?;
    io::copy(r, &mut f)?;
    f.seek(SeekFrom::Start(0))?;
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(kind: u16, payload: &[u8]) -> Vec<u8> {
        let mut m = ((HEADER_LEN + payload.len()) as u32).to_ne_bytes().to_vec();
        m.extend_from_slice(&kind.to_ne_bytes());
        m.extend_from_slice(&[0; 10]);
        m.extend_from_slice(payload);
        m
    }

    #[test]
    fn magic_as_iproute2_reports_it() {
        assert!(check_magic(&mut &ROUTE_MAGIC.to_ne_bytes()[..], ROUTE_MAGIC).is_ok());
        assert_eq!(check_magic(&mut &b"abcd"[..], ROUTE_MAGIC), Err("Magic mismatch (1 elems, 64636261 magic)".into()));
        assert_eq!(check_magic(&mut &b"abc"[..], ADDR_MAGIC), Err("Magic mismatch (0 elems, 636261 magic)".into()));
        assert_eq!(check_magic(&mut &b""[..], ADDR_MAGIC), Err("Magic mismatch (0 elems, 0 magic)".into()));
    }

    #[test]
    fn messages_one_at_a_time() {
        let mut file = msg(24, &[1; 12]);
        file.extend(msg(24, &[2; 16]));
        let mut m = Messages::new(&file[..], Some(4));
        assert_eq!(m.next().unwrap().map(<[u8]>::len), Some(28));
        assert_eq!(m.next().unwrap().map(|b| b[HEADER_LEN]), Some(2));
        assert_eq!(m.next(), Ok(None));
        let mut m = Messages::new(&file[..30], Some(4));
        assert!(m.next().unwrap().is_some());
        assert_eq!(m.next(), Err("rtnl-from_file: truncated message".into()));
        let bad = msg(24, &[0; 20000]);
        assert_eq!(Messages::new(&bad[..], Some(4)).next(), Err("!!!malformed message: len=20016 @20".into()));
        assert_eq!(Messages::new(&bad[..], None).next(), Err("!!!malformed message: len=20016 @18446744073709551615".into()));
        let mut short = msg(24, &[]);
        short[0] = 8;
        assert!(Messages::new(&short[..], None).next().unwrap_err().starts_with("!!!malformed message: len=8 @"));
    }
}
