//! The worked examples are one text in three places: `docs/recipes/*.sh`
//! (which the VM runs as written: tests/vm/scenarios/docs-recipes.sh),
//! README.md, and the EXAMPLES of rtun(8) and rtun-tunnel(8).

use std::path::{Path, PathBuf};
use std::process::Command;

use rtun::gen::examples::{CHECK, EXAMPLES, PAGES};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_recipe_file_is_an_example() {
    let mut listed: Vec<&str> = EXAMPLES.iter().flat_map(|e| e.steps.iter().map(|s| s.1)).collect();
    listed.sort_unstable();
    let mut files: Vec<String> = std::fs::read_dir(root().join("docs/recipes"))
        .expect("docs/recipes")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, listed, "docs/recipes and gen::examples::EXAMPLES list different files");
    for (_, file, text) in EXAMPLES.iter().flat_map(|e| e.steps.iter()) {
        let on_disk = std::fs::read_to_string(root().join("docs/recipes").join(file)).expect("recipe");
        assert_eq!(&on_disk, text, "{file}: the binary was built from another version");
        assert!(text.lines().filter(|l| !l.starts_with('#')).all(|l| l.starts_with("rtun ")), "{file}: every command is rtun's");
    }
}

#[test]
fn readme_shows_each_recipe_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    for (_, file, text) in EXAMPLES.iter().flat_map(|e| e.steps.iter()) {
        assert!(readme.contains(&format!("```sh\n{text}```\n")), "README.md lacks docs/recipes/{file} as a ```sh block, word for word");
    }
}

#[test]
fn readme_and_man_page_show_the_check_example() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    assert!(readme.contains(&format!("```text\n{}```\n", CHECK.text)), "README.md lacks docs/tunnel-check.txt as a ```text block, word for word");
    let lines = rendered(&root().join("man").join(format!("{}.8", CHECK.page)));
    if lines.is_empty() {
        return;
    }
    let mut at = lines.iter().position(|l| l == "EXAMPLES").expect("EXAMPLES");
    for want in CHECK.text.lines() {
        match lines[at..].iter().position(|l| l == want.trim()) {
            Some(i) => at += i + 1,
            None => panic!("{}.8 does not print docs/tunnel-check.txt's line {want:?} (in order) under EXAMPLES", CHECK.page),
        }
    }
}

/// The page rendered by groff as plain text, one trimmed line each.
fn rendered(page: &Path) -> Vec<String> {
    let out = Command::new("groff").args(["-man", "-Tutf8", "-P-c", "-P-b", "-P-u"]).arg(page).output();
    let out = match out {
        Ok(o) if o.status.success() => o,
        _ => {
            assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but groff cannot render {}", page.display());
            eprintln!("skipping: groff is not available");
            return Vec::new();
        }
    };
    String::from_utf8_lossy(&out.stdout).lines().map(|l| l.trim().to_string()).collect()
}

#[test]
fn man_pages_print_each_recipe() {
    for page in PAGES {
        let lines = rendered(&root().join("man").join(format!("{page}.8")));
        if lines.is_empty() {
            return;
        }
        let examples = lines.iter().position(|l| l == "EXAMPLES").unwrap_or_else(|| panic!("{page}.8 has no EXAMPLES"));
        for (_, file, text) in EXAMPLES.iter().flat_map(|e| e.steps.iter()) {
            // The lines in order, after the EXAMPLES heading.
            let mut at = examples;
            for want in text.lines() {
                match lines[at..].iter().position(|l| l == want.trim()) {
                    Some(i) => at += i + 1,
                    None => panic!("{page}.8 does not print {file}'s line {want:?} (in order) under EXAMPLES"),
                }
            }
        }
    }
}
