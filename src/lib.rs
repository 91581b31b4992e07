//! rtun: a drop-in for iproute2's `ip` over synchronous netlink.
//!
//! `run` picks the personality from argv[0] (`ip`, `sysctl`, or rtun),
//! parses the global options, and runs one command line — or many with
//! `-batch`. Errors are values; this file alone turns them into stderr
//! text and an exit status. (`src/main.rs` only calls `run`; the library
//! form lets tests reach the grammar tables and printers.)

pub mod cli;
pub mod error;
pub mod gen;
pub mod helpers;
pub mod kinds;
pub mod names;
pub mod netlink;
pub mod objects;
pub mod parse;
pub mod print;

use std::io::{BufWriter, IsTerminal, Stdout, Write};

use cli::grammar::{self, find_command, find_object};
use cli::options::{self, Options};
use error::{Error, Result};
use netlink::Netlink;
use print::Printer;

pub type Out = BufWriter<std::io::StdoutLock<'static>>;

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
        let stdout: Stdout = std::io::stdout();
        let color = print::color::enabled(opts.color, opts.color_explicit, opts.json, stdout.is_terminal());
        let mut out = Printer::new(BufWriter::with_capacity(64 * 1024, stdout.lock()), opts.json, opts.pretty, color, opts.oneline);
        // Scripts read rtun's -j output whole; `ip`'s stays byte for byte.
        if prog == "rtun" {
            out.complete_documents();
        }
        Context { prog, opts, nl: None, out, links: names::links::Links::new() }
    }

    /// The netlink client, opened on first use.
    pub fn nl(&mut self) -> Result<&mut Netlink> {
        if self.nl.is_none() {
            self.nl = Some(Netlink::open()?);
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

fn report(e: &Error) {
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
/// of another object, any query or dump, any error of a later line, and
/// the end of the file. So stderr reads as if every line had run alone.
fn batch(ctx: &mut Context, name: &str) -> i32 {
    let input: Box<dyn std::io::BufRead> = if name == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        match std::fs::File::open(name) {
            Ok(f) => Box::new(std::io::BufReader::with_capacity(64 * 1024, f)),
            Err(e) => {
                eprintln!(
                    "Cannot open file \"{name}\" for reading: {}",
                    netlink::errno::strerror(e.raw_os_error().unwrap_or(0))
                );
                return 1;
            }
        }
    };
    let family = ctx.opts.family;
    let pipelined = ctx.opts.force;
    let refused = std::rc::Rc::new(std::cell::Cell::new(false));
    if pipelined {
        let (file, flag) = (name.to_string(), refused.clone());
        let report_refusal = move |line: u64, e: &netlink::request::KernelError| {
            let _ = write!(std::io::stderr().lock(), "{}\nCommand failed {file}:{line}\n", e.message());
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
    // Report what the pipeline holds before anything else is printed.
    let settle = |ctx: &mut Context| -> Result<()> {
        match ctx.nl {
            Some(ref mut nl) if pipelined => nl.settle(),
            _ => Ok(()),
        }
    };
    let mut status = 0;
    // (first word, whether its object's changes are queued), from the line before.
    let mut last_object: Option<(String, bool)> = None;
    let mut lines = cli::batch::Lines::new(input);
    loop {
        let line = match lines.next_command() {
            Ok(Some(l)) => l,
            Ok(None) => break,
            Err(e) => {
                let e = settle(ctx).err().unwrap_or(e);
                report(&e);
                return e.exit_code();
            }
        };
        if line.words.is_empty() {
            continue;
        }
        ctx.opts.family = family;
        if pipelined {
            // Only these objects' changes are queued; any other line (it
            // might read state in ways netlink cannot see) waits for them.
            let first = &line.words[0];
            let queues = match &last_object {
                Some((word, queues)) if word == first => *queues,
                _ => {
                    let queues = find_object(first).is_some_and(|o| matches!(o.name, "route" | "address" | "link"));
                    last_object = Some((first.clone(), queues));
                    queues
                }
            };
            if !queues {
                if let Err(e) = settle(ctx) {
                    report(&e);
                    return e.exit_code();
                }
            }
            if let Some(nl) = ctx.nl.as_mut() {
                nl.set_tag(line.number as u64);
            }
        }
        let result = run_object(ctx, &line.words);
        let _ = ctx.out.finish(result.is_ok(), false);
        if let Err(e) = result {
            if let Err(fail) = settle(ctx) {
                report(&fail);
                return fail.exit_code();
            }
            report(&e);
            if e.aborts() {
                return e.exit_code();
            }
            eprintln!("Command failed {name}:{}", line.number);
            status = 1;
            if !ctx.opts.force {
                break;
            }
        }
    }
    if let Err(e) = settle(ctx) {
        report(&e);
        return e.exit_code();
    }
    if refused.get() {
        status = 1;
    }
    status
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
    if opts.version {
        // iproute2's words (what it prints when built without libbpf; rtun
        // has no BPF), then rtun's version, as libbpf's would follow.
        println!("ip utility, iproute2-6.1.0, rtun {}", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    let help = opts.help;
    let mut ctx = Context::new(prog, opts);
    let result = if help {
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
