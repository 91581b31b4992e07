//! A small line diff for failure reports (`-` expected = ip, `+` got = rtun).

/// Unchanged lines shown around each change.
const CONTEXT: usize = 3;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Removed,
    Added,
}

/// Diffs two texts line by line, showing changes with a little context.
///
/// Invisible differences are made visible: trailing whitespace is shown as
/// `·`, control characters (e.g. colour escapes) are escaped, and a missing
/// final newline is called out.
pub fn unified(expected: &str, got: &str) -> String {
    unified_with_headers(expected, got, |_| false)
}

/// Like `unified`; skipped stretches also name the last line before the
/// next change for which `is_header` holds (like `diff -p` names the
/// function), e.g. which link a change in pretty-printed JSON belongs to.
pub fn unified_with_headers(expected: &str, got: &str, is_header: fn(&str) -> bool) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = got.lines().collect();
    let ops = line_ops(&old, &new);
    let mut out = render(&ops, &old, &new, is_header);
    for (text, who) in [(expected, "ip"), (got, "rtun")] {
        if !text.is_empty() && !text.ends_with('\n') {
            out.push_str(&format!("      (no newline at end of {who}'s output)\n"));
        }
    }
    out
}

/// The edit script turning `old` into `new`, via a longest common subsequence.
fn line_ops(old: &[&str], new: &[&str]) -> Vec<Op> {
    // lcs[i][j] = LCS length of old[i..] and new[j..]; outputs are small.
    let mut lcs = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::new();
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            ops.push(Op::Same);
            i += 1;
            j += 1;
        } else if i < old.len() && (j == new.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // Removals first, as diff(1) shows them.
            ops.push(Op::Removed);
            i += 1;
        } else {
            ops.push(Op::Added);
            j += 1;
        }
    }
    ops
}

/// Prints changed lines with CONTEXT lines around them; longer unchanged
/// stretches are summarised.
fn render(ops: &[Op], old: &[&str], new: &[&str], is_header: fn(&str) -> bool) -> String {
    let near_change = |k: usize| {
        let lo = k.saturating_sub(CONTEXT);
        let hi = (k + CONTEXT + 1).min(ops.len());
        ops[lo..hi].iter().any(|op| *op != Op::Same)
    };
    let mut out = String::new();
    let (mut i, mut j, mut skipped) = (0, 0, 0);
    let mut header: Option<&str> = None;
    for (k, op) in ops.iter().enumerate() {
        if *op != Op::Added && is_header(old[i]) {
            header = Some(old[i]);
        }
        let (marker, line) = match op {
            Op::Same => (' ', old[i]),
            Op::Removed => ('-', old[i]),
            Op::Added => ('+', new[j]),
        };
        match op {
            Op::Same => (i, j) = (i + 1, j + 1),
            Op::Removed => i += 1,
            Op::Added => j += 1,
        }
        if *op == Op::Same && !near_change(k) {
            skipped += 1;
            continue;
        }
        flush_skipped(&mut out, &mut skipped, header);
        out.push_str(&format!("    {marker} {}\n", visible(line)));
    }
    flush_skipped(&mut out, &mut skipped, None);
    out
}

fn flush_skipped(out: &mut String, skipped: &mut usize, header: Option<&str>) {
    if *skipped > 0 {
        let within = header
            .map(|h| format!(", within {}", h.trim()))
            .unwrap_or_default();
        out.push_str(&format!("      ... {skipped} unchanged line(s){within}\n"));
        *skipped = 0;
    }
}

/// Escapes control characters and marks trailing whitespace.
fn visible(line: &str) -> String {
    let body = line.trim_end_matches([' ', '\t']);
    let mut out: String = body
        .chars()
        .map(|c| match c {
            '\x1b' => "\\e".to_string(),
            c if c.is_control() => c.escape_default().to_string(),
            c => c.to_string(),
        })
        .collect();
    for c in line[body.len()..].chars() {
        out.push_str(if c == '\t' { "→" } else { "·" });
    }
    out
}
