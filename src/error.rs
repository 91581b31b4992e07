//! One error type for all of rtun. Each variant carries the message iproute2
//! would print (already formatted) and maps to iproute2's exit status.

use std::fmt;

/// What went wrong, and therefore which exit status `ip` would use.
#[derive(Debug)]
pub enum Error {
    /// Bad command line: exit 255 (iproute2's `exit(-1)`).
    Usage(String),
    /// A local failure (no such device, unreadable file): exit 1.
    Failure(String),
    /// A failure iproute2 handles with `exit(1)`: exit 1 at once, even in batch mode.
    Fatal(String),
    /// The kernel refused a request: exit 2.
    Kernel(String),
    /// The kernel refused a request and iproute2 `exit(2)`s on the spot
    /// (`neigh` changes): exit 2, ending a batch even with `-force`.
    KernelFatal(String),
    /// The message was already printed (or there is none); exit with this status.
    Exit(i32),
    /// Help or usage text that names the program and the command being
    /// run: `run_object`, which knows both, renders it (`cli::help`).
    Help(Box<HelpRequest>),
}

/// What a help text is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// The object and command being run (the whole object when no
    /// command was given, or the command is `help`).
    Current,
    /// The global options and the objects.
    Global,
    /// A link kind's options (`link add … type vxlan help`).
    Kind(&'static str),
}

/// Help asked for with `help`, or the synopsis that answers a usage error.
#[derive(Debug)]
pub struct HelpRequest {
    pub topic: Topic,
    /// The user asked for it: the full help, which rtun prints on stdout
    /// with status 0. Otherwise it answers a usage error: the synopsis
    /// and a pointer to the full help, on stderr.
    pub asked: bool,
    /// A message printed before it (`vxlan: unknown command "x"?`).
    pub lead: Option<String>,
    /// The exit status iproute2 has at this point: 255 for `usage()`,
    /// 1 for a link kind's usage, 0 for `ip link help TYPE`.
    pub status: i32,
    /// iproute2 prints this one on stdout (`ip link help TYPE`, veth).
    pub ip_stdout: bool,
}

impl Error {
    /// `help` asked for about `topic`; iproute2 answers with `usage()`.
    pub fn help(topic: Topic) -> Error {
        Error::Help(Box::new(HelpRequest { topic, asked: true, lead: None, status: 255, ip_stdout: false }))
    }

    /// A usage error answered with the synopsis of `topic` (exit 255).
    pub fn synopsis(topic: Topic) -> Error {
        Error::Help(Box::new(HelpRequest { topic, asked: false, lead: None, status: 255, ip_stdout: false }))
    }
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Whether iproute2 would `exit()` on the spot (no "Command failed", even in batch).
    pub fn aborts(&self) -> bool {
        match self {
            Error::Help(h) => h.status == 255,
            e => matches!(e, Error::Usage(_) | Error::Fatal(_) | Error::KernelFatal(_)),
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 255,
            Error::Failure(_) | Error::Fatal(_) => 1,
            Error::Kernel(_) | Error::KernelFatal(_) => 2,
            Error::Exit(code) => *code,
            Error::Help(h) => h.status,
        }
    }

    /// The text to print on stderr, if any (without the trailing newline).
    pub fn message(&self) -> Option<&str> {
        match self {
            Error::Usage(m) | Error::Failure(m) | Error::Fatal(m) | Error::Kernel(m) | Error::KernelFatal(m) => Some(m),
            // Help is rendered by `run_object` before it is reported; its
            // message is the line that leads it, if any.
            Error::Help(h) => h.lead.as_deref(),
            Error::Exit(_) => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message().unwrap_or(""))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Failure(e.to_string())
    }
}

/// A request the attribute codec could not lay out: something the user
/// gave is longer than a netlink attribute can carry (exit 1; nothing was
/// sent). Names are checked first and named ([`too_long`]); this is the
/// rest (a nest grown too long).
impl From<crate::netlink::attr::TooLong> for Error {
    fn from(t: crate::netlink::attr::TooLong) -> Self {
        Error::Failure(format!(
            "Error: the request is too long for netlink: attribute {} would hold {} bytes (at most {}).",
            t.kind,
            t.len,
            crate::netlink::attr::MAX_PAYLOAD
        ))
    }
}

/// `Error: "VALUE" is too long for netlink: N bytes (at most M).` — a
/// name no attribute can carry (rtun's words; exit 1).
pub fn too_long(value: &str, len: usize) -> Error {
    Error::Failure(format!(
        "Error: \"{value}\" is too long for netlink: {len} bytes (at most {}).",
        crate::netlink::attr::MAX_PAYLOAD - 1
    ))
}

/// `Error: argument "VALUE" is wrong: WHAT` (iproute2's `invarg`).
pub fn invarg(what: &str, value: &str) -> Error {
    Error::Usage(format!("Error: argument \"{value}\" is wrong: {what}"))
}

/// `Error: either "KEY" is duplicate, or "VALUE" is a garbage.`
pub fn duparg2(key: &str, value: &str) -> Error {
    Error::Usage(format!(
        "Error: either \"{key}\" is duplicate, or \"{value}\" is a garbage."
    ))
}

/// `Error: duplicate "KEY": "VALUE" is the second value.`
pub fn duparg(key: &str, value: &str) -> Error {
    Error::Usage(format!(
        "Error: duplicate \"{key}\": \"{value}\" is the second value."
    ))
}

/// `Command line is not complete. Try option "help"`
pub fn incomplete() -> Error {
    Error::Usage("Command line is not complete. Try option \"help\"".into())
}

/// `Error: an inet prefix is expected rather than "VALUE".`
pub fn invalid_prefix(kind: &str, value: &str) -> Error {
    Error::Usage(format!("Error: {kind} prefix is expected rather than \"{value}\"."))
}

/// `Cannot find device "NAME"` (exit 1).
pub fn no_device(name: &str) -> Error {
    Error::Failure(format!("Cannot find device \"{name}\""))
}

/// `Error: argument "KEY" is required`
pub fn missarg(key: &str) -> Error {
    Error::Usage(format!("Error: argument \"{key}\" is required"))
}
