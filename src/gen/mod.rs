//! Everything generated from the grammar tables: shell completion scripts
//! (bash, zsh, fish, Nushell), man pages, and the hidden `rtun complete`
//! entry point the scripts call for names only known at run time.
//!
//! The generators walk [`model::Model`], built from `OBJECTS`, the global
//! options and the link kinds, so a new object or keyword appears in every
//! script and page without touching this module.

pub mod bash;
pub mod complete;
pub mod examples;
pub mod fish;
pub mod man;
pub mod model;
pub mod nushell;
pub mod sh;
pub mod zsh;

use std::io::Write as _;

use crate::cli::grammar::{p, Command, Object};
use crate::error::{Error, Result};
use crate::Context;

/// First lines of every generated script.
pub(crate) const HEADER: &str = "# Shell completion for rtun, generated from its grammar tables by\n# `rtun completions SHELL`; do not edit (regenerate instead).\n";

/// The shells `rtun completions` writes for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Nushell,
}

impl Shell {
    pub const ALL: &'static [Shell] = &[Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Nushell];

    pub fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Nushell => "nushell",
        }
    }

    /// The file name under `completions/` (and where shells look for it).
    pub fn file_name(self) -> &'static str {
        match self {
            Shell::Bash => "rtun.bash",
            Shell::Zsh => "_rtun",
            Shell::Fish => "rtun.fish",
            Shell::Nushell => "rtun.nu",
        }
    }

    /// The script for this shell, from the current grammar.
    pub fn script(self) -> String {
        let m = model::Model::build();
        match self {
            Shell::Bash => bash::script(&m),
            Shell::Zsh => zsh::script(&m),
            Shell::Fish => fish::script(&m),
            Shell::Nushell => nushell::script(&m),
        }
    }
}

fn print(ctx: &mut Context, text: &str) -> Result<()> {
    ctx.out.inner().write_all(text.as_bytes())?;
    Ok(())
}

fn print_script(ctx: &mut Context, shell: Shell, args: &[String]) -> Result<()> {
    if let Some(extra) = args.first() {
        return Err(Error::Usage(format!("Error: unexpected argument \"{extra}\" after \"{}\".", shell.name())));
    }
    print(ctx, &shell.script())
}

fn bash_cmd(ctx: &mut Context, args: &[String]) -> Result<()> {
    print_script(ctx, Shell::Bash, args)
}
fn zsh_cmd(ctx: &mut Context, args: &[String]) -> Result<()> {
    print_script(ctx, Shell::Zsh, args)
}
fn fish_cmd(ctx: &mut Context, args: &[String]) -> Result<()> {
    print_script(ctx, Shell::Fish, args)
}
fn nushell_cmd(ctx: &mut Context, args: &[String]) -> Result<()> {
    print_script(ctx, Shell::Nushell, args)
}

/// `rtun completions` without a shell: say which shells there are.
fn completions_usage(ctx: &mut Context, _args: &[String]) -> Result<()> {
    Err(Error::Usage(crate::cli::help::object_help(ctx.prog, &COMPLETIONS)))
}

const COMPLETIONS_COMMANDS: &[Command] = &[
    Command { names: &[p("bash")], run: bash_cmd, synopsis: "bash", help: "Print the bash completion script.", keywords: &[] },
    Command { names: &[p("zsh")], run: zsh_cmd, synopsis: "zsh", help: "Print the zsh completion function (_rtun).", keywords: &[] },
    Command { names: &[p("fish")], run: fish_cmd, synopsis: "fish", help: "Print the fish completions.", keywords: &[] },
    Command { names: &[p("nushell")], run: nushell_cmd, synopsis: "nushell", help: "Print the Nushell module of extern signatures.", keywords: &[] },
];

/// `rtun completions SHELL`.
pub const COMPLETIONS: Object = Object {
    name: "completions",
    default: Some(completions_usage),
    dispatch: None,
    commands: COMPLETIONS_COMMANDS,
    help: "Shell completion scripts for bash, zsh, fish and Nushell.",
    about: "The scripts are generated from the same tables the parser reads, so they know every object, command and keyword of this rtun. Names that only the running system knows (interfaces, network namespaces, routing tables, protocols, scopes) are asked from rtun itself when completing. Install them as: bash, /usr/share/bash-completion/completions/rtun; zsh, a file named _rtun in a directory of $fpath; fish, ~/.config/fish/completions/rtun.fish; Nushell, save the module and load it with use rtun.nu *.",
};

/// `rtun complete WHAT`: hidden, for the completion scripts.
pub const COMPLETE: Object = Object {
    name: "complete",
    default: Some(complete::run),
    dispatch: Some(complete::run),
    commands: &[],
    help: "",
    about: "",
};
