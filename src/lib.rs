//! rtun: a drop-in for iproute2's `ip` over synchronous netlink.
//!
//! `run` picks the personality from argv[0] (`ip`, `sysctl`, or rtun),
//! parses the global options, and runs one command line — or many with
//! `-batch`. Errors are values; this file alone turns them into stderr
//! text and an exit status. (`src/main.rs` only calls `run`; the library
//! form lets tests reach the grammar tables and printers.)

pub mod cli;
pub mod error;
#[doc(hidden)]
pub mod fuzzing;
pub mod gen;
pub mod helpers;
pub mod kinds;
pub mod names;
pub mod netlink;
pub mod objects;
pub mod parse;
pub mod print;

use std::io::{BufWriter, Write};

use cli::grammar::{self, find_command, find_object};
use cli::options::{self, Options};
use error::{Error, Result};
use netlink::Netlink;
use print::Printer;

pub type Out = BufWriter<print::sink::Sink>;

/// Everything a command needs: options, the netlink client, the printer.
pub struct Context {
    /// The name messages use: `ip` when called as `ip`, else `rtun`.
    pub prog: &'static str,
    pub opts: Options,
    nl: Option<Netlink>,
    pub out: Printer<Out>,
    /// Interface names and indexes (the one link-name service).
    pub links: names::links::Links,
}

impl Context {
    fn new(prog: &'static str, opts: Options) -> Self {
        let color = print::color::enabled(opts.color, opts.color_explicit, opts.json, print::sink::is_terminal());
        // A failed write to stdout: silent as `ip` (iproute2 never checks), an error as rtun.
        let mode = if prog == "ip" { print::sink::OnError::Ignore } else { print::sink::OnError::Describe };
        let mut out = Printer::new(BufWriter::with_capacity(64 * 1024, print::sink::Sink::new(mode)), opts.json, opts.pretty, color, opts.oneline);
        // Scripts read rtun's -j output whole; `ip`'s stays byte for byte.
        if prog == "rtun" {
            out.complete_documents();
        }
        Context { prog, opts, nl: None, out, links: names::links::Links::for_prog(prog) }
    }

    /// The netlink client, opened on first use.
    pub fn nl(&mut self) -> Result<&mut Netlink> {
        if self.nl.is_none() {
            self.nl = Some(Netlink::open(self.opts.rcvbuf)?);
        }
        self.nl.as_mut().ok_or_else(|| Error::Failure("Cannot open rtnetlink".into()))
    }

    /// The netlink client, the printer and the options at once (for dumps
    /// that print as they go).
    pub fn parts(&mut self) -> Result<(&mut Netlink, &mut Printer<Out>, &Options, &names::links::Links)> {
        self.nl()?;
        let Context { nl, out, opts, links, .. } = self;
        let nl = nl.as_mut().ok_or_else(|| Error::Failure("Cannot open rtnetlink".into()))?;
        Ok((nl, out, &*opts, &*links))
    }
}

/// Run one object command line (`link show dev x`).
pub fn run_object(ctx: &mut Context, args: &[String]) -> Result<()> {
    let Some(word) = args.first() else {
        return answer(ctx, None, None, Err(Error::synopsis(error::Topic::Global)));
    };
    let Some(obj) = find_object(word).filter(|o| o.supported()) else {
        return Err(match find_object(word) {
            Some(o) => Error::Failure(format!("Object \"{}\" is not supported by rtun.", o.name)),
            None => Error::Failure(format!("Object \"{word}\" is unknown, try \"{} help\".", ctx.prog)),
        });
    };
    let (cmd, result) = run_command(ctx, obj, &args[1..]);
    answer(ctx, Some(obj), cmd, result)
}

/// Run `rest` (the words after the object); the command it ran, if any,
/// and what came of it.
fn run_command(ctx: &mut Context, obj: &'static grammar::Object, rest: &[String]) -> (Option<&'static grammar::Command>, Result<()>) {
    let help = || Err(Error::help(error::Topic::Current));
    // As rtun, `OBJECT help` and `OBJECT COMMAND help` are help asked for,
    // whatever the command would make of the word (`netns add help`). As
    // ip, each command answers `help` as iproute2 does.
    if ctx.prog != "ip" && obj.listed() && rest.last().is_some_and(|w| w == "help") {
        let getopt = gen::model::getopt_object(obj.name).is_some();
        match rest {
            // A getopt object (sysctl) has its own `--help`.
            [_] if getopt => return (None, obj.default.map_or(Ok(()), |run| run(ctx, &["--help".to_string()]))),
            [_] => return (None, help()),
            [c, _] if !getopt => {
                if let Some(cmd) = find_command(obj, c) {
                    return (Some(cmd), help());
                }
            }
            _ => {}
        }
    }
    if let Some(dispatch) = obj.dispatch {
        return (None, dispatch(ctx, rest));
    }
    let Some(cmd_word) = rest.first() else {
        return (None, obj.default.map_or(Ok(()), |run| run(ctx, rest)));
    };
    match find_command(obj, cmd_word) {
        Some(cmd) => (Some(cmd), (cmd.run)(ctx, &rest[1..])),
        None if obj.commands.is_empty() => (None, obj.default.map_or(Ok(()), |run| run(ctx, rest))),
        // iproute2 prints an object's usage on stderr and exits 255.
        None if cli::words::matches(cmd_word, "help") => (None, help()),
        None => (None, Err(Error::Usage(format!(
            "Command \"{cmd_word}\" is unknown, try \"{} {} help\".",
            ctx.prog, obj.name
        )))),
    }
}

/// Where a help request ends up once its text is written (`cli::help`):
/// as rtun, help the user asked for goes to stdout with status 0; anything
/// else (as ip, or after a usage error) keeps iproute2's stream and status.
fn answer(ctx: &mut Context, obj: Option<&'static grammar::Object>, cmd: Option<&'static grammar::Command>, result: Result<()>) -> Result<()> {
    let Err(Error::Help(req)) = result else { return result };
    let text = cli::help::render(ctx.prog, obj, cmd, &req);
    let ip = ctx.prog == "ip";
    if req.asked && !ip || ip && req.ip_stdout {
        ctx.out.text_always(&text)?;
        return match req.status {
            _ if !ip => Ok(()),
            0 => Ok(()),
            status => Err(Error::Exit(status)),
        };
    }
    let text = text.trim_end().to_string();
    Err(if req.status == 255 { Error::Usage(text) } else { Error::Failure(text) })
}

/// An error's message on stderr (also for failures a command outlives:
/// `tunnel keepalive`).
pub(crate) fn report(e: &Error) {
    if let Some(m) = e.message() {
        // Words the user typed come back as the bytes they were.
        let mut line = cli::bytes::bytes(&m).into_owned();
        line.push(b'\n');
        let _ = std::io::stderr().write_all(&line);
    }
}

/// `-batch FILE`: one command line per line; a failing line is reported as
/// `Command failed FILE:LINE` and stops the batch unless `-force`.
///
/// With `-force`, changes are pipelined (`netlink/pipeline.rs`): a line's
/// request may be queued and its refusal reported when the queue is
/// settled — which happens before anything that could observe it: a line
/// of another object, any query or dump, any error of a later line, any
/// output, the end of the file — and whenever reading the next line would
/// block. So stderr reads as if every line had run alone, and what a line
/// printed was printed after every request queued before it had been
/// applied. SIGTERM, SIGINT and SIGHUP send what is queued, then end rtun
/// as they would have (`cli::batch::signals`); SIGPIPE keeps its default
/// action, and nothing is queued when output is written.
fn batch(ctx: &mut Context, name: &str) -> i32 {
    use std::os::fd::AsRawFd;
    let (input, fd): (Box<dyn std::io::Read>, _) = if name == "-" {
        (Box::new(std::io::stdin()), 0)
    } else {
        match std::fs::File::open(name) {
            Ok(f) => {
                let fd = f.as_raw_fd();
                (Box::new(f), fd)
            }
            Err(e) => {
                eprintln!(
                    "Cannot open file \"{name}\" for reading: {}",
                    netlink::errno::strerror(e.raw_os_error().unwrap_or(0))
                );
                return 1;
            }
        }
    };
    let rtun = ctx.prog == "rtun";
    // As rtun, control bytes from the input are shown escaped.
    let say = move |text: &str| {
        let text = if rtun { cli::batch::printable(text) } else { std::borrow::Cow::Borrowed(text) };
        let _ = writeln!(std::io::stderr(), "{text}");
    };
    let report = |e: &Error| {
        if let Some(m) = e.message() {
            say(m);
        }
    };
    let family = ctx.opts.family;
    let pipelined = ctx.opts.force;
    let refused = std::rc::Rc::new(std::cell::Cell::new(false));
    if pipelined {
        let (file, flag) = (name.to_string(), refused.clone());
        let report_refusal = move |line: u64, e: &netlink::request::KernelError| {
            let failed = format!("Command failed {file}:{line}");
            let failed = if rtun { cli::batch::printable(&failed) } else { std::borrow::Cow::Borrowed(failed.as_str()) };
            let _ = write!(std::io::stderr().lock(), "{}\n{failed}\n", e.message());
            flag.set(true);
        };
        match ctx.nl() {
            Ok(nl) => nl.start_pipeline(Box::new(report_refusal)),
            Err(e) => {
                report(&e);
                return e.exit_code();
            }
        }
    }
    let _signals = pipelined.then(cli::batch::signals::catch);
    let mut status = 0;
    // (first word, whether its object's changes are queued), from the line before.
    let mut last_object: Option<(String, bool)> = None;
    let mut lines = cli::batch::Lines::new(input, Some(fd));
    loop {
        if pipelined && cli::batch::signals::pending().is_some() {
            if let Err(e) = batch_wait(ctx) {
                report(&e);
                return e.exit_code();
            }
        }
        let line = match lines.next_command(&mut || if pipelined { batch_wait(ctx) } else { Ok(()) }) {
            Ok(Some(l)) => l,
            Ok(None) => break,
            Err(e) => {
                let e = batch_settle(ctx).err().unwrap_or(e);
                report(&e);
                return e.exit_code();
            }
        };
        if line.words.is_empty() && line.refused.is_none() {
            continue;
        }
        ctx.opts.family = family;
        if pipelined {
            // Only these objects' changes are queued; any other line (it
            // might read state in ways netlink cannot see) waits for them.
            // (A refused line has no words: it waits, and says why after them.)
            let first = line.words.first().map_or("", String::as_str);
            let queues = match &last_object {
                Some((word, queues)) if word == first => *queues,
                _ => {
                    let queues = find_object(first).is_some_and(|o| matches!(o.name, "route" | "address" | "link"));
                    last_object = Some((first.to_string(), queues));
                    queues
                }
            };
            if !queues {
                if let Err(e) = batch_settle(ctx) {
                    report(&e);
                    return e.exit_code();
                }
            }
            if let Some(nl) = ctx.nl.as_mut() {
                nl.set_tag(line.number as u64);
            }
        }
        let result = match &line.refused {
            Some(why) => Err(Error::Failure(why.clone())),
            None => run_object(ctx, &line.words),
        };
        // Whatever the line printed goes out after what is queued (reads
        // settle the queue already; this holds for any other output too).
        if pipelined && ctx.out.buffered() {
            if let Err(e) = batch_settle(ctx) {
                report(&e);
                return e.exit_code();
            }
        }
        let _ = ctx.out.finish(result.is_ok(), false);
        // As rtun, output that cannot be written stops the batch (as `ip`
        // it is lost silently, and the sink never fails).
        if let Some(errno) = ctx.out.sink().failed().filter(|_| rtun) {
            let e = batch_settle(ctx).err().unwrap_or_else(|| Error::Fatal(print::sink::WriteError(errno).to_string()));
            report(&e);
            return e.exit_code();
        }
        if let Err(e) = result {
            if let Err(fail) = batch_settle(ctx) {
                report(&fail);
                return fail.exit_code();
            }
            report(&e);
            if e.aborts() {
                return e.exit_code();
            }
            say(&format!("Command failed {name}:{}", line.number));
            status = 1;
            if !ctx.opts.force {
                break;
            }
        }
    }
    if let Err(e) = batch_settle(ctx) {
        report(&e);
        return e.exit_code();
    }
    // iproute2 stops at a missing continuation line or a read error as at
    // the end of the file, its status unchanged; rtun fails there.
    match lines.early_end.take() {
        Some(cli::batch::EarlyEnd::MissingContinuation) => {
            say("Missing continuation line");
            if rtun {
                status = 1;
            }
        }
        Some(cli::batch::EarlyEnd::Read(e)) if rtun => {
            say(&format!("Cannot read file \"{name}\": {}", netlink::errno::strerror(e.raw_os_error().unwrap_or(libc::EIO))));
            status = 1;
        }
        _ => {}
    }
    if refused.get() {
        status = 1;
    }
    status
}

/// Send what a `-force` batch has queued, read the ACKs and report the
/// refusals (before anything else is printed).
fn batch_settle(ctx: &mut Context) -> Result<()> {
    match ctx.nl.as_mut() {
        Some(nl) => nl.settle(),
        None => Ok(()),
    }
}

/// A `-force` batch is about to wait for input, or a signal came: send
/// what is queued; then, if a signal came, write the output and die of it.
fn batch_wait(ctx: &mut Context) -> Result<()> {
    let settled = batch_settle(ctx);
    if let Some(sig) = cli::batch::signals::pending() {
        if let Err(e) = &settled {
            report(e);
        }
        let _ = ctx.out.end();
        cli::batch::signals::die(sig);
    }
    settled
}

fn program_name(argv0: &str) -> &str {
    argv0.rsplit('/').next().unwrap_or(argv0)
}

/// rtun's global options spelled `--NAME` after the object
/// (`options::hoist_long_options`), read onto `opts`; `words` keeps the
/// object's own. Not for getopt-style objects (sysctl has its own `--`
/// options) nor for the command `netns exec` runs.
fn late_options(opts: &mut Options, words: &mut Vec<String>) -> Result<()> {
    let Some(obj) = words.first().and_then(|w| find_object(w)) else { return Ok(()) };
    if gen::model::getopt_object(obj.name).is_some() {
        return Ok(());
    }
    let after = &words[1..];
    let exec = after.first().and_then(|w| find_command(obj, w)).is_some_and(|c| c.names.first().is_some_and(|n| n.text == "exec"));
    let (options, rest) = options::hoist_long_options(after, exec.then_some(2));
    if options.is_empty() && rest == after {
        return Ok(());
    }
    options::parse_into(opts, &options, "rtun")?;
    words.truncate(1);
    words.extend(rest);
    Ok(())
}

/// Run rtun with these arguments (argv[0] first); returns the exit status.
pub fn run(args: Vec<String>) -> i32 {
    let base = program_name(args.first().map_or("rtun", String::as_str)).to_string();
    // Called as `sysctl`, rtun is procps's sysctl (its own option syntax).
    if base == "sysctl" {
        return helpers::sysctl::main(&args);
    }
    let prog: &'static str = if base == "ip" { "ip" } else { "rtun" };
    let rest = args.get(1..).unwrap_or(&[]);
    let (mut opts, used) = match options::parse(rest, prog) {
        Ok(x) => x,
        Err(e) => {
            let mut ctx = Context::new(prog, Options::default());
            let result = answer(&mut ctx, None, None, Err(e));
            return finish(&mut ctx, result);
        }
    };
    let mut words = rest[used..].to_vec();
    if prog == "rtun" && !opts.version && !opts.help {
        if let Err(e) = late_options(&mut opts, &mut words) {
            report(&e);
            return e.exit_code();
        }
    }
    let (version, help) = (opts.version, opts.help);
    let mut ctx = Context::new(prog, opts);
    let result = if version {
        // iproute2's words (what it prints when built without libbpf; rtun
        // has no BPF), then rtun's version, as libbpf's would follow.
        // Through the printer's stdout: a write error is the personality's.
        let line = format!("ip utility, iproute2-6.1.0, rtun {}\n", env!("CARGO_PKG_VERSION"));
        ctx.out.text_always(&line).map_err(Error::from)
    } else if help {
        answer(&mut ctx, None, None, Err(Error::help(error::Topic::Global)))
    } else if let Some(file) = ctx.opts.batch.clone() {
        return batch(&mut ctx, &file);
    } else {
        run_object(&mut ctx, &words)
    };
    finish(&mut ctx, result)
}

/// Flush stdout, report what failed; the exit status.
fn finish(ctx: &mut Context, result: Result<()>) -> i32 {
    let flushed = ctx.out.finish(result.is_ok(), true);
    match result.and(flushed.map_err(Error::from)) {
        Ok(()) => 0,
        Err(e) => {
            report(&e);
            e.exit_code()
        }
    }
}
