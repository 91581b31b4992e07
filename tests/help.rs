//! Help and usage text: which program it names, where it goes, how long
//! it is.
//!
//! - Messages name the program as it was called: `rtun …` as rtun, `ip …`
//!   through a link named `ip`.
//! - As rtun, help the user asked for (`help`, `--help`, `OBJECT help`,
//!   `OBJECT COMMAND help`) goes to stdout with status 0; as ip it stays
//!   iproute2's usage (stderr, status 255).
//! - After a usage error only the synopsis of what was typed is printed
//!   (at most 25 lines), ending with a line that names `PROG OBJECT help`.
//! - The full help of an object prints no keyword line twice.
//!
//! The objects and commands come from the grammar tables. Every line runs
//! in its own network and mount namespace with a tmpfs over /run, so even
//! a line that wrongly ran its command (`netns add help`, `nft flush help`)
//! changes nothing on this machine. Needs root (`unshare`): the tests fail
//! without it.

use std::process::{Command, Output};

use rtun::cli::grammar::{Object, OBJECTS};
use rtun::cli::help;

/// A directory holding `ip` and `rtun`, both links to the binary under
/// test (made once: the tests run in parallel).
fn bin_dir() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("help-bin");
        std::fs::create_dir_all(&dir).expect("bin dir");
        for name in ["ip", "rtun"] {
            let link = dir.join(name);
            let _ = std::fs::remove_file(&link);
            std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rtun"), &link).expect("symlink");
        }
        dir
    })
}

/// `PROG ARGS` (PROG `ip` or `rtun`) in fresh network and mount namespaces.
fn run(prog: &str, args: &[&str]) -> Output {
    let exe = bin_dir().join(prog);
    let out = Command::new("unshare")
        .args(["-n", "-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs none /run || exit 99; exec \"$@\"", "sh"])
        .arg(&exe)
        .args(args)
        .output()
        .expect("unshare runs");
    assert_ne!(out.status.code(), Some(99), "cannot mount a tmpfs in a new mount namespace (need root)");
    assert!(
        !String::from_utf8_lossy(&out.stderr).starts_with("unshare:"),
        "unshare failed (need root): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn show(prog: &str, args: &[&str], out: &Output) -> String {
    format!(
        "`{prog} {}`: status {:?}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    )
}

/// The objects help lists (iproute2's and rtun's own), as the tables have them.
fn listed() -> Vec<&'static Object> {
    OBJECTS.iter().filter(|o| o.listed() && o.name != "help").collect()
}

/// Whether `ip` knows the object (the ones before rtun's own).
fn iproute2_object(obj: &Object) -> bool {
    OBJECTS[..rtun::cli::grammar::iproute2_objects()].iter().any(|o| o.name == obj.name)
}

#[test]
fn messages_name_the_program_as_called() {
    for prog in ["rtun", "ip"] {
        let other = if prog == "ip" { "rtun route" } else { "ip route" };
        let out = run(prog, &["route", "add"]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(255), "{}", show(prog, &["route", "add"], &out));
        assert!(err.contains(&format!("{prog} route add")) && !err.contains(other), "{}", show(prog, &["route", "add"], &out));

        let out = run(prog, &["route", "flush"]);
        assert_eq!(text(&out.stderr), format!("\"{prog} route flush\" requires arguments.\n"), "{}", show(prog, &["route", "flush"], &out));

        let out = run(prog, &["link", "xstats"]);
        assert_eq!(text(&out.stderr), format!("\"{prog} link xstats\" is not supported by rtun.\n"));

        // Help asked for inside a command's words.
        let args = ["route", "get", "192.0.2.1", "from", "help"];
        let out = run(prog, &args);
        let said = text(&out.stdout) + &text(&out.stderr);
        assert!(said.contains(&format!("{prog} route get")) && !said.contains(other), "{}", show(prog, &args, &out));
    }
}

#[test]
fn help_as_rtun_goes_to_stdout_for_every_object_and_command() {
    let mut lines: Vec<Vec<&str>> = vec![vec!["help"], vec!["--help"], vec!["-help"], vec!["-family", "help"]];
    for obj in listed() {
        lines.push(vec![obj.name, "help"]);
        for cmd in obj.commands {
            // A nameless command (`monitor`) is the object's own help.
            let Some(name) = cmd.names.first().map(|w| w.text) else { continue };
            if name != "help" {
                lines.push(vec![obj.name, name, "help"]);
            }
        }
    }
    let mut failures = Vec::new();
    for args in &lines {
        let out = run("rtun", args);
        let stdout = text(&out.stdout);
        // (sysctl's help starts with an empty line, as procps's does.)
        let ok = out.status.code() == Some(0) && out.stderr.is_empty() && stdout.trim_start().starts_with("Usage: rtun ") && !stdout.contains("Usage: ip ");
        if !ok {
            failures.push(show("rtun", args, &out));
        }
    }
    assert!(failures.is_empty(), "{} of {} help lines fail:\n{}", failures.len(), lines.len(), failures.join("\n"));
}

#[test]
fn help_as_ip_stays_on_stderr_with_255() {
    let mut lines: Vec<Vec<&str>> = vec![vec!["help"], vec!["-help"], vec!["-family", "help"]];
    for obj in listed().into_iter().filter(|o| iproute2_object(o)) {
        lines.push(vec![obj.name, "help"]);
    }
    for args in &lines {
        let out = run("ip", args);
        let stderr = text(&out.stderr);
        assert!(
            out.status.code() == Some(255) && out.stdout.is_empty() && stderr.starts_with("Usage: ip ") && !stderr.contains("rtun "),
            "{}",
            show("ip", args, &out)
        );
    }
}

/// Checks one usage text printed after an error: at most 25 lines, it
/// names `prog`, and its last line names the help (`PROG WHAT`).
fn check_short_usage(label: &str, prog: &str, what: &str, usage: &str) -> Result<(), String> {
    let lines: Vec<&str> = usage.trim_end().lines().collect();
    let pointer = format!("\"{prog} {what}\"");
    let last = lines.last().copied().unwrap_or("");
    if lines.len() > 25 {
        return Err(format!("{label}: {} lines (at most 25):\n{usage}", lines.len()));
    }
    if !usage.contains(&format!("Usage: {prog} ")) || (prog == "ip" && usage.contains("rtun ")) {
        return Err(format!("{label}: does not name {prog}:\n{usage}"));
    }
    if !last.contains(&pointer) {
        return Err(format!("{label}: the last line does not name {pointer}:\n{usage}"));
    }
    Ok(())
}

#[test]
fn usage_after_an_error_is_short_and_points_to_help() {
    // (arguments, exit status, the help its last line names)
    let cases: &[(&[&str], i32, &str)] = &[
        (&["route", "add"], 255, "route help"),
        (&["route", "delete"], 255, "route help"),
        (&["route", "add", "via", "192.0.2.1"], 255, "route help"),
        (&["link", "add", "v0", "type", "vxlan", "bogus"], 1, "link help vxlan"),
        (&["link", "add", "v0", "type", "bridge", "bogus"], 1, "link help bridge"),
        (&[], 255, "help"),
        (&["-family"], 255, "help"),
        (&["-batch"], 255, "help"),
    ];
    let mut failures = Vec::new();
    for prog in ["rtun", "ip"] {
        for (args, status, what) in cases {
            let out = run(prog, args);
            let label = show(prog, args, &out);
            if out.status.code() != Some(*status) || !out.stdout.is_empty() {
                failures.push(format!("{label}\n(expected status {status}, nothing on stdout)"));
            } else if let Err(e) = check_short_usage(&label, prog, what, &text(&out.stderr)) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every object and every command of the tables, and every link kind: the
/// synopsis printed after a usage error.
#[test]
fn every_synopsis_is_short_and_points_to_help() {
    let mut failures = Vec::new();
    for prog in ["rtun", "ip"] {
        for obj in listed() {
            let what = format!("{} help", obj.name);
            let usage = help::synopsis(prog, Some(obj), None);
            failures.extend(check_short_usage(&format!("{prog} {}", obj.name), prog, &what, &usage).err());
            for cmd in obj.commands {
                let usage = help::synopsis(prog, Some(obj), Some(cmd));
                let name = cmd.names.first().map_or("", |w| w.text);
                failures.extend(check_short_usage(&format!("{prog} {} {name}", obj.name), prog, &what, &usage).err());
            }
        }
        for kind in rtun::kinds::KINDS {
            let usage = help::kind_synopsis(prog, kind);
            let what = format!("link help {}", kind.name);
            failures.extend(check_short_usage(&format!("{prog} link … type {}", kind.name), prog, &what, &usage).err());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn full_help_repeats_no_keyword_line() {
    let mut failures = Vec::new();
    for obj in listed().into_iter().filter(|o| !o.commands.is_empty()) {
        let out = run("rtun", &[obj.name, "help"]);
        let stdout = text(&out.stdout);
        // An entry is a line and the lines indented further that continue
        // it (a keyword too wide for its column has its help below it).
        let mut entries: Vec<String> = Vec::new();
        for line in stdout.lines().filter(|l| !l.trim().is_empty()) {
            match entries.last_mut() {
                Some(last) if line.starts_with("          ") => last.push_str(line.trim_start()),
                _ => entries.push(line.trim().to_string()),
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for entry in &entries {
            if !seen.insert(entry) {
                failures.push(format!("`rtun {} help` repeats the line\n  {entry}", obj.name));
            }
        }
        if !out.status.success() || seen.is_empty() {
            failures.push(show("rtun", &[obj.name, "help"], &out));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn kind_help_as_rtun_goes_to_stdout() {
    for args in [&["link", "help", "vxlan"][..], &["link", "add", "v0", "type", "bridge", "help"], &["link", "add", "v0", "type", "veth", "help"]] {
        let out = run("rtun", args);
        let stdout = text(&out.stdout);
        assert!(out.status.success() && out.stderr.is_empty() && stdout.starts_with("Usage: rtun link "), "{}", show("rtun", args, &out));
    }
    // As ip: iproute2's streams and statuses (veth's usage is on stdout).
    let out = run("ip", &["link", "add", "v0", "type", "veth", "help"]);
    assert!(out.status.code() == Some(1) && out.stderr.is_empty() && !out.stdout.is_empty(), "{}", show("ip", &["link", "add", "v0", "type", "veth", "help"], &out));
    let out = run("ip", &["link", "add", "v0", "type", "bridge", "help"]);
    assert!(out.status.code() == Some(1) && out.stdout.is_empty() && !out.stderr.is_empty(), "{}", show("ip", &["link", "add", "v0", "type", "bridge", "help"], &out));
}
