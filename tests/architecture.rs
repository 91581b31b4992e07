//! The rules of ARCHITECTURE.md, checked in the code rather than trusted:
//! the layers import only downwards (besides the shared vocabulary), only
//! `netlink/` opens sockets or makes ioctls, only `print/` reaches stdout,
//! every object owns its grammar beside its handlers, and nothing outside
//! tests (and the fuzz checks, whose panics are the point) unwraps.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under src/, with its text up to its test module.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("src/") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source");
                let code = match text.find("#[cfg(test)]") {
                    Some(i) => text[..i].to_string(),
                    None => text,
                };
                let rel = path.strip_prefix(root()).expect("under the crate").display().to_string();
                out.push((rel, code));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("src"), &mut out);
    out.sort();
    out
}

/// The layer of a module path (`src/objects/route/show.rs`, or the
/// `crate::objects` it is named by): lower numbers are higher up.
fn layer(top: &str) -> Option<u8> {
    Some(match top {
        "main" | "lib" | "fuzzing" => 0,
        "cli" | "gen" => 1,
        "objects" | "helpers" | "kinds" => 2,
        "names" => 3,
        "netlink" | "print" | "parse" | "error" => 4,
        _ => return None,
    })
}

/// What every layer may use: the context handed to handlers, errors, and
/// the words and grammar types (the vocabulary of the whole program), the
/// options they are read with, and the help renderer the grammar feeds.
const VOCABULARY: &[&str] = &[
    "crate::Context",
    "crate::Out",
    "crate::error",
    "crate::cli::grammar",
    "crate::cli::words",
    "crate::cli::bytes",
    "crate::cli::options",
    "crate::cli::help",
    "crate::cli::batch::signals",
];

#[test]
fn imports_point_down_the_layers() {
    let mut bad = Vec::new();
    for (path, code) in sources() {
        let top = path.trim_start_matches("src/").split(['/', '.']).next().unwrap_or("");
        let Some(mine) = layer(top) else { continue };
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i..];
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            if VOCABULARY.iter().any(|v| name.starts_with(v)) {
                continue;
            }
            let target = name.trim_start_matches("crate::").split("::").next().unwrap_or("");
            if let Some(theirs) = layer(target) {
                if theirs < mine {
                    bad.push(format!("{path}: {name}"));
                }
            }
        }
    }
    bad.sort();
    bad.dedup();
    assert!(bad.is_empty(), "imports from a layer above (see ARCHITECTURE.md):\n{}", bad.join("\n"));
}

#[test]
fn only_netlink_opens_sockets() {
    let mut bad = Vec::new();
    for (path, code) in sources() {
        if path.starts_with("src/netlink/") {
            continue;
        }
        for needle in ["libc::socket(", "Socket::new(", "libc::ioctl(", "libc::setns(", "libc::sendto(", "libc::recv"] {
            if code.contains(needle) {
                bad.push(format!("{path}: {needle}"));
            }
        }
    }
    assert!(bad.is_empty(), "sockets outside src/netlink/:\n{}", bad.join("\n"));
}

#[test]
fn only_print_writes_to_stdout() {
    let mut bad = Vec::new();
    for (path, code) in sources() {
        if path.starts_with("src/print/") {
            continue;
        }
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            let line = line.replace("eprintln!", "").replace("eprint!", "");
            if line.contains("println!") || line.contains("print!(") || line.contains("io::stdout()") {
                bad.push(format!("{path}: {}", line.trim()));
            }
        }
    }
    assert!(bad.is_empty(), "stdout outside src/print/:\n{}", bad.join("\n"));
}

#[test]
fn no_unwrap_outside_tests() {
    let mut bad = Vec::new();
    for (path, code) in sources() {
        if path == "src/fuzzing.rs" {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            let t = line.trim_start();
            if t.starts_with("//") {
                continue;
            }
            if t.contains(".unwrap()") || t.contains(".expect(") {
                bad.push(format!("{path}:{}: {t}", n + 1));
            }
        }
    }
    assert!(bad.is_empty(), "unwrap/expect outside tests (errors are values):\n{}", bad.join("\n"));
}

/// Every object with commands owns its grammar: `grammar.rs` in its own
/// folder, the one the object table names.
#[test]
fn objects_own_their_grammar() {
    let table = std::fs::read_to_string(root().join("src/cli/grammar/mod.rs")).expect("grammar table");
    for obj in rtun::cli::grammar::OBJECTS.iter().filter(|o| o.listed() && !o.commands.is_empty()) {
        // `neighbor` lives in `neigh`, the name iproute2's sources and messages use.
        let folder = if obj.name == "neighbor" { "neigh" } else { obj.name };
        let home = ["objects", "helpers"].iter().map(|d| root().join("src").join(d).join(folder)).find(|p| p.is_dir());
        let Some(home) = home else {
            // Objects of the generators (completions) and aliases (tunl, neighbour) live with their owner.
            assert!(["completions", "tunl", "neighbour"].contains(&obj.name), "{}: no folder under src/objects or src/helpers", obj.name);
            continue;
        };
        assert!(home.join("grammar.rs").is_file(), "{} has no grammar.rs in {}", obj.name, home.display());
        assert!(table.contains(&format!("{folder}::grammar::OBJECT")), "the object table does not take {}'s OBJECT from its grammar.rs", obj.name);
    }
    let loose: Vec<_> = std::fs::read_dir(root().join("src/cli/grammar"))
        .expect("src/cli/grammar")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "mod.rs" && n != "global.rs")
        .collect();
    assert!(loose.is_empty(), "object grammars left in src/cli/grammar: {loose:?}");
}
