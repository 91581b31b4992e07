//! Standard output, and what a failed write to it means for each
//! personality:
//!
//! - as `ip`: nothing. iproute2 writes through stdio and never checks it,
//!   so output to a full disk or a closed descriptor is lost silently and
//!   the exit status does not change. The sink drops what cannot be written.
//! - as rtun: the first failure ends the command with
//!   `Cannot write to stdout: STRERROR` (exit 1; a batch stops there).
//! - as `sysctl`: the OS error as it is (procps prints `write error: …`,
//!   `helpers/sysctl`).
//!
//! A descriptor 1 that was closed when rtun started (`rtun … >&-`) reads
//! as EBADF, as it would in C: Rust's runtime opens /dev/null there before
//! `main`, so `main.rs` notes it first (`note_closed_stdout`).

use std::io::{self, StdoutLock, Write};
use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

/// Descriptor 1 was closed when the process started.
pub fn note_closed_stdout() {
    CLOSED_AT_START.store(true, Ordering::Relaxed);
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum OnError {
    /// iproute2: lose the output, say nothing.
    Ignore,
    /// rtun: `Cannot write to stdout: …`.
    Describe,
    /// procps: the OS error unchanged.
    Raw,
}

pub struct Sink {
    out: StdoutLock<'static>,
    mode: OnError,
    /// Descriptor 1 was closed at start: the first write fails with EBADF.
    closed: bool,
    /// The first failure's errno; later writes fail (or are dropped) the same way.
    failed: Option<i32>,
}

/// The error a `Describe` sink returns: its text is rtun's message.
#[derive(Debug)]
pub struct WriteError(pub i32);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cannot write to stdout: {}", crate::netlink::errno::strerror(self.0))
    }
}

impl std::error::Error for WriteError {}

/// The errno behind a failed write, whichever way the sink reported it.
pub fn errno_of(e: &io::Error) -> Option<i32> {
    e.raw_os_error().or_else(|| e.get_ref().and_then(|inner| inner.downcast_ref::<WriteError>()).map(|w| w.0))
}

/// Whether stdout is a terminal (`-color=auto`).
pub fn is_terminal() -> bool {
    use std::io::IsTerminal as _;
    io::stdout().is_terminal()
}

impl Sink {
    pub fn new(mode: OnError) -> Self {
        Sink { out: io::stdout().lock(), mode, closed: CLOSED_AT_START.load(Ordering::Relaxed), failed: None }
    }

    /// The errno of the first write that failed.
    pub fn failed(&self) -> Option<i32> {
        self.failed
    }

    fn error(&self, errno: i32) -> io::Error {
        match self.mode {
            OnError::Describe => io::Error::new(io::Error::from_raw_os_error(errno).kind(), WriteError(errno)),
            _ => io::Error::from_raw_os_error(errno),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.closed && self.failed.is_none() {
            self.failed = Some(libc::EBADF);
        }
        if let Some(errno) = self.failed {
            return match self.mode {
                OnError::Ignore => Ok(buf.len()),
                _ => Err(self.error(errno)),
            };
        }
        match self.out.write(buf) {
            Err(e) if e.kind() != io::ErrorKind::Interrupted => {
                let errno = e.raw_os_error().unwrap_or(libc::EIO);
                self.failed = Some(errno);
                match self.mode {
                    OnError::Ignore => Ok(buf.len()),
                    _ => Err(self.error(errno)),
                }
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if let (Some(errno), OnError::Describe | OnError::Raw) = (self.failed, self.mode) {
            return Err(self.error(errno));
        }
        match self.out.flush() {
            Err(e) if e.kind() != io::ErrorKind::Interrupted => {
                let errno = e.raw_os_error().unwrap_or(libc::EIO);
                self.failed = Some(errno);
                match self.mode {
                    OnError::Ignore => Ok(()),
                    _ => Err(self.error(errno)),
                }
            }
            other => other,
        }
    }
}
