//! `sysctl`: read and set kernel variables under /proc/sys, as procps-ng
//! 4.0.2's sysctl does (Debian 12): same options, output, messages and exit
//! status. rtun adds `-j`/`--json` and `--persist[=FILE]`.
//!
//! `-j` prints one JSON array of `{"key": …, "value": …}` records (`[]` when
//! there is nothing), through rtun's printer. A value is a string: the
//! file's content less its final newline, byte for byte otherwise — the tab
//! between the two numbers of `net.ipv4.ip_local_port_range` stays a tab
//! (procps prints it as is too), a multi-line file is one value with `\n`s.
//! `-N` gives `{"key"}` records; the `* Applying FILE ...` lines of
//! `--system` are text only. Errors go to stderr as usual, so the array
//! always parses.
//!
//! Two ways in: rtun run through a link named `sysctl` (`main`), and the
//! `rtun sysctl …` object (`object`); both take the same options. net.*
//! variables belong to the network namespace of the process, so
//! `rtun -n NETNS sysctl …` (which enters NETNS first) reads and sets that
//! namespace's.
//!
//! `--persist` is decided before anything is set (`persist_file`), and the
//! command is refused, with nothing changed, when what it would record is
//! not what the user means: a separate word after a bare `--persist` that
//! is not VARIABLE=VALUE (the file must be attached, `--persist=FILE`; a
//! word is never guessed to be a file, since with `-p` operands are files
//! and a dotted or slashed word may be a key); `-p` or `--system` (their
//! values come from files already; recording them would copy expanded
//! wildcards and current interface names, and pin distribution defaults);
//! `rtun -n NETNS` (boot-time files apply to the initial namespace); a
//! file that is read-only by its mode or not a regular file.

mod conf;
pub(crate) mod engine;
mod getopt;
pub mod grammar;
pub(crate) mod glob;
pub mod keys;
mod persist;
pub(crate) mod regex;
mod set;
mod show;

use std::io::Write;

use crate::helpers::sysctl::grammar::OPTIONS;
use crate::error::{Error, Result};
use crate::print::Printer;
use crate::Context;
use engine::{Engine, Flags};

/// The version procps-ng's sysctl reports.
const PROCPS_VERSION: &str = "sysctl from procps-ng 4.0.2";

/// How this run names itself and renders output.
struct Prog {
    /// Message prefix and the name in "Try `… --help'" (procps's
    /// `program_invocation_short_name`).
    short: String,
    /// The prefix of option errors (getopt prints argv[0] as given).
    argv0: String,
    /// JSON output asked for by rtun's global options (`rtun -j sysctl`).
    json: bool,
    pretty: bool,
    /// The namespace entered by rtun's `-n NETNS` (`rtun -n NETNS sysctl`).
    netns: Option<String>,
}

/// rtun run as `sysctl`: `args[0]` is argv[0]. Returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let argv0 = args.first().cloned().unwrap_or_else(|| "sysctl".into());
    let short = argv0.rsplit('/').next().unwrap_or("sysctl").to_string();
    let prog = Prog { short, argv0, json: false, pretty: false, netns: None };
    let stdout = crate::print::sink::Sink::new(crate::print::sink::OnError::Raw);
    run(&prog, args.get(1..).unwrap_or(&[]), std::io::BufWriter::with_capacity(64 * 1024, stdout))
}

/// `rtun [OPTIONS] sysctl …`: the grammar's handler for the object.
pub fn object(ctx: &mut Context, args: &[String]) -> Result<()> {
    let prog = Prog {
        short: format!("{} sysctl", ctx.prog),
        argv0: format!("{} sysctl", ctx.prog),
        json: ctx.opts.json,
        pretty: ctx.opts.pretty,
        netns: ctx.opts.netns.clone(),
    };
    match run(&prog, args, ctx.out.inner()) {
        0 => Ok(()),
        rc => Err(Error::Exit(rc)),
    }
}

/// The usage text (rtun's words), from the grammar table (`cli::help`).
fn usage(prog: &Prog) -> String {
    let about = "Show or set kernel variables (the files under /proc/sys); a VARIABLE is\n\
                 written with dots (net.ipv4.ip_forward) or slashes (net/ipv4/ip_forward).\n";
    crate::cli::help::getopt_help(&prog.short, "VARIABLE[=VALUE] ...", about, OPTIONS)
}

/// What to do once the options are read.
#[derive(Default)]
struct Plan {
    write_mode: bool,
    display_all: bool,
    load: bool,
    load_file: Option<String>,
    json: bool,
}

fn run<W: Write>(prog: &Prog, args: &[String], mut out: W) -> i32 {
    if args.is_empty() {
        eprint!("{}", usage(prog));
        return 1;
    }
    let persist = match persist_file(prog, args) {
        Ok(file) => file,
        Err(msg) => {
            eprintln!("{}: {msg}", prog.short);
            return 1;
        }
    };
    let mut flags = Flags::default();
    let mut plan = Plan { json: prog.json, ..Plan::default() };
    let mut opts = getopt::Getopt::new(OPTIONS, args);
    while let Some(next) = opts.next() {
        let opt = match next {
            Ok(o) => o,
            Err(msg) => {
                eprintln!("{}: {msg}", prog.argv0);
                return say(prog, &mut out, &usage(prog));
            }
        };
        match opt.name() {
            "-b" => {
                flags.print_newline = false;
                flags.print_name = false;
            }
            "-n" => flags.print_name = false,
            "-e" => flags.ignore_error = true,
            "-N" => flags.name_only = true,
            "-w" => plan.write_mode = true,
            "-p" => {
                plan.load = true;
                if opt.value.is_some() {
                    plan.load_file = opt.value;
                }
            }
            "-q" => flags.quiet = true,
            "-a" => plan.display_all = true,
            "--deprecated" => flags.show_deprecated = true,
            "--dry-run" => flags.dry_run = true,
            "-r" => flags.pattern = Some(opt.value.as_deref().and_then(regex::Regex::new)),
            "-j" => plan.json = true,
            // Read by `persist_file`, before this loop.
            "--persist" => {}
            "--system" => {
                // procps 4.0.2 applies the files the moment it reads this
                // option and ignores everything after it.
                flags.ignore_error = true;
                let mut e = engine(prog, flags, plan.json, out);
                let mut list = Vec::new();
                let rc = e.load_system(&mut list) | e.write_list(&list);
                return finish(e, rc);
            }
            "-V" => {
                // procps's words first (scripts match them), then rtun's.
                return say(prog, &mut out, &format!("{PROCPS_VERSION}, rtun {}\n", env!("CARGO_PKG_VERSION")));
            }
            "-h" => {
                return say(prog, &mut out, &usage(prog));
            }
            // -o, -x: accepted, nothing to do.
            _ => {}
        }
    }
    let operands = opts.operands();
    let mut e = engine(prog, flags, plan.json, out);
    if plan.display_all {
        let rc = e.display_all(keys::PROC_SYS);
        return finish(e, rc);
    }
    if plan.load {
        let mut list = Vec::new();
        let mut rc = 0;
        match plan.load_file {
            Some(file) => rc |= e.load(&mut list, &file),
            None if operands.is_empty() => rc |= e.load(&mut list, conf::DEFAULT_FILE),
            None => {}
        }
        for file in &operands {
            rc |= e.load(&mut list, file);
        }
        rc |= e.write_list(&list);
        return finish(e, rc);
    }
    if operands.is_empty() {
        e.warnx(&format!("no variables specified\nTry `{} --help' for more information.", prog.short));
        return finish(e, 1);
    }
    if e.flags.name_only && e.flags.quiet {
        e.warnx(&format!("options -N and -q cannot coexist\nTry `{} --help' for more information.", prog.short));
        return finish(e, 1);
    }
    let mut rc: i32 = 0;
    for word in &operands {
        if plan.write_mode || word.contains('=') {
            match e.parse_line("command line", 0, word) {
                Some(s) => rc |= e.write_setting(&s.path, s.value.as_deref(), s.ignore_failure),
                None => rc |= 1,
            }
        } else {
            rc = rc.wrapping_add(e.read_setting(word));
        }
    }
    if let Some(file) = persist {
        if !e.written.is_empty() {
            if let Err(msg) = persist::update(std::path::Path::new(&file), &e.written) {
                e.warnx(&format!("cannot persist to {file}: {msg}"));
                rc |= 1;
            }
        }
    }
    finish(e, rc)
}

/// The file `--persist` records to (None without `--persist`), or why the
/// command is refused (see the module's notes). Every option is looked at,
/// also those after `--system`, which procps ignores; option errors are
/// left to the main loop.
fn persist_file(prog: &Prog, args: &[String]) -> std::result::Result<Option<String>, String> {
    let mut file = None;
    let mut from_files = false;
    let mut opts = getopt::Getopt::new(OPTIONS, args);
    while let Some(next) = opts.next() {
        let Ok(opt) = next else { continue };
        match opt.name() {
            "--persist" => {
                if let (None, Some(word)) = (&opt.value, opts.next_operand()) {
                    if !word.contains('=') {
                        return Err(format!(
                            "--persist takes its file attached: --persist=FILE (\"{word}\" is not VARIABLE=VALUE); nothing changed\n\
                             Try `{} --help' for more information.",
                            prog.short
                        ));
                    }
                }
                if opt.value.as_deref() == Some("") {
                    return Err("--persist=FILE: the file name is empty; nothing changed".into());
                }
                file = Some(opt.value.unwrap_or_else(|| persist::DEFAULT_FILE.into()));
            }
            "-p" | "--system" => from_files = true,
            _ => {}
        }
    }
    let Some(file) = file else { return Ok(None) };
    if from_files {
        return Err("--persist records the values set on the command line, not those of -p or --system files \
                    (put such a file in /etc/sysctl.d instead); nothing changed"
            .into());
    }
    if let Some(ns) = &prog.netns {
        return Err(format!(
            "--persist cannot be used with -n {ns}: boot-time sysctl files apply to the initial network namespace; nothing changed"
        ));
    }
    persist::check(std::path::Path::new(&file)).map_err(|msg| format!("cannot persist to {file}: {msg}; nothing changed"))?;
    Ok(Some(file))
}

fn engine<W: Write>(prog: &Prog, flags: Flags, json: bool, out: W) -> Engine<W> {
    Engine::new(flags, &prog.short, Printer::new(out, json, prog.pretty, false, false))
}

/// Close the JSON array, flush, and settle the status: a failed write to
/// stdout is procps's `write error` (status 1).
fn finish<W: Write>(mut e: Engine<W>, rc: i32) -> i32 {
    let ended = e.out.end();
    e.check(ended);
    match e.io_error.take() {
        Some(err) => {
            write_error(&e.prog, &err);
            1
        }
        None => rc,
    }
}

/// procps's `close_stdout`: `PROGRAM: write error[: strerror]` (nothing
/// more for a closed pipe).
fn write_error(prog: &str, err: &std::io::Error) {
    match crate::print::sink::errno_of(err) {
        Some(libc::EPIPE) | None => eprintln!("{prog}: write error"),
        Some(errno) => eprintln!("{prog}: write error: {}", crate::netlink::errno::strerror(errno)),
    }
}

/// Text written straight to stdout (help, version): status 0, or 1 when
/// stdout cannot take it.
fn say<W: Write>(prog: &Prog, out: &mut W, text: &str) -> i32 {
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => 0,
        Err(e) => {
            write_error(&prog.short, &e);
            1
        }
    }
}
