//! Quick checks of the harness's own parts (no namespaces needed).

use crate::common::cases::{parse_str, shell_quote, split_words, Kind};
use crate::diff;

fn words(line: &str) -> Vec<String> {
    split_words(line).expect("valid line")
}

#[test]
fn split_words_like_a_shell() {
    assert_eq!(words("link  show dev v0"), ["link", "show", "dev", "v0"]);
    assert_eq!(
        words(r#"link set v0 alias 'a b' x"y z"w"#),
        ["link", "set", "v0", "alias", "a b", "xy zw"]
    );
    assert_eq!(words(r#"a "" '' b"#), ["a", "", "", "b"]);
    assert_eq!(words(r#"a\ b "q\"q" 'x\y'"#), ["a b", "q\"q", "x\\y"]);
    assert_eq!(words("link show # comment"), ["link", "show"]);
    assert_eq!(words("a#b"), ["a#b"]);
    assert!(split_words("a 'open").is_err());
    assert!(split_words("a \"open").is_err());
}

#[test]
fn shell_quote_round_trips() {
    for word in ["plain", "", "a b", "it's", "-c=always", "v0:1", "\"q\""] {
        assert_eq!(words(&shell_quote(word)), [word]);
    }
}

#[test]
fn parses_blocks_steps_and_marks() {
    let text = "\
# comment
[setup s]
ip link set lo up   # shell comment, kept for sh

[show] setup=s
link show
! link show dev nope

[change] setup=s   # trailing comment
link set lo down
+ ! link set lo mtu x
+ link set lo up
";
    let suite = parse_str("t.txt", text).expect("valid file");
    assert_eq!(
        suite.setups["s"].script,
        "ip link set lo up   # shell comment, kept for sh\n\n"
    );
    let kinds: Vec<Kind> = suite.cases.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [Kind::Show, Kind::Show, Kind::Change]);
    assert!(suite.cases[1].steps[0].expect_failure);
    let steps = &suite.cases[2].steps;
    assert_eq!(steps.len(), 3);
    assert!(steps[1].expect_failure && !steps[2].expect_failure);
    assert_eq!(steps[1].command_line(), "ip link set lo mtu x");
    assert_eq!(steps[2].origin.to_string(), "t.txt:12");
}

#[test]
fn rejects_malformed_files() {
    let bad = [
        ("link show\n", "before any [header]"),
        ("[setup s]\n[show]\nlink show\n", "setup=NAME"),
        (
            "[setup s]\n[show] setup=s\n+ link show\n",
            "only allowed in [change]",
        ),
        (
            "[setup s]\n[change] setup=s\n+ link show\n",
            "does not follow",
        ),
        ("[show] setup=nope\nlink show\n", "unknown setup"),
        ("[setup s]\n[setup s]\n", "already defined"),
        (
            "[setup s]\n[show] setup=s\nlink show\nlink  show\n",
            "duplicate case",
        ),
        ("[setup s]\n[show] setup=s\n! # nothing\n", "no arguments"),
        ("[bogus]\n", "unknown header"),
    ];
    for (text, wanted) in bad {
        let err = parse_str("t.txt", text).expect_err(text);
        assert!(err.contains(wanted), "{text:?}: {err}");
    }
}

#[test]
fn diff_shows_changes_and_invisible_bytes() {
    let out = diff::unified("a\nb \nc\n", "a\nb\nc");
    assert!(out.contains("- b·"), "{out}");
    assert!(out.contains("+ b\n"), "{out}");
    assert!(out.contains("no newline at end of rtun's output"), "{out}");
    let colour = diff::unified("x\n", "\x1b[0mx\n");
    assert!(colour.contains("\\e[0mx"), "{colour}");
    let long: String = (0..20).map(|i| format!("{i}\n")).collect();
    let changed = long.replace("10\n", "ten\n");
    let out = diff::unified(&long, &changed);
    assert!(out.contains("... 7 unchanged line(s)"), "{out}");
}
