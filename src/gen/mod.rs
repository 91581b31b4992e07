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

/// What rtun is, in a sentence for its users: the first words of rtun(8)
/// and of `help rtun` in Nushell.
pub const ABOUT: &str = "rtun shows and changes the kernel's network configuration over rtnetlink.";

/// Where to read more, after [`ABOUT`] where a user asks for help.
pub const MORE_HELP: &str = "Run rtun help for the options and objects, rtun OBJECT help for the commands and keywords of one, or read rtun(8).";

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

    /// The script for this shell, from the current grammar, completing
    /// `rtun`.
    pub fn script(self) -> String {
        self.script_for(&[PROGRAM])
    }

    /// The script completing the commands `names` (bash, zsh and fish;
    /// `ip` when rtun is installed as ip): the scripts run the command
    /// being completed for live names (`ip complete ifnames`). Nushell's
    /// module is always rtun's.
    pub fn script_for(self, names: &[&str]) -> String {
        let m = model::Model::build();
        match self {
            Shell::Bash => bash::script(&m, names),
            Shell::Zsh => zsh::script(&m, names),
            Shell::Fish => fish::script(&m, names),
            Shell::Nushell => nushell::script(&m),
        }
    }
}

/// The command the scripts complete unless told otherwise.
pub const PROGRAM: &str = "rtun";

/// A name the scripts can register and run unquoted (`ip`, `rtun`).
fn command_name(name: &str) -> bool {
    !name.starts_with('-') && !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c))
}

fn print(ctx: &mut Context, text: &str) -> Result<()> {
    ctx.out.inner().write_all(text.as_bytes())?;
    Ok(())
}

/// `rtun completions SHELL [COMMAND…]`.
fn print_script(ctx: &mut Context, shell: Shell, args: &[String]) -> Result<()> {
    let names: Vec<&str> = if args.is_empty() { vec![PROGRAM] } else { args.iter().map(String::as_str).collect() };
    if let Some(bad) = names.iter().find(|n| !command_name(n) || (shell == Shell::Nushell && **n != PROGRAM)) {
        return Err(Error::Usage(format!("Error: unexpected argument \"{bad}\" after \"{}\".", shell.name())));
    }
    print(ctx, &shell.script_for(&names))
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
    Command { names: &[p("bash")], run: bash_cmd, synopsis: "bash [ COMMAND … ]", help: "Print the bash completion script, for rtun or for the COMMANDs named (ip, when rtun is installed as ip).", keywords: &[], supported: true },
    Command { names: &[p("zsh")], run: zsh_cmd, synopsis: "zsh [ COMMAND … ]", help: "Print the zsh completion function (_rtun), for rtun or for the COMMANDs named.", keywords: &[], supported: true },
    Command { names: &[p("fish")], run: fish_cmd, synopsis: "fish [ COMMAND … ]", help: "Print the fish completions, for rtun or for the COMMANDs named.", keywords: &[], supported: true },
    Command { names: &[p("nushell")], run: nushell_cmd, synopsis: "nushell", help: "Print the Nushell module of extern signatures.", keywords: &[], supported: true },
];

/// `rtun completions SHELL`.
pub const COMPLETIONS: Object = Object {
    name: "completions",
    default: Some(completions_usage),
    dispatch: None,
    commands: COMPLETIONS_COMMANDS,
    help: "Shell completion scripts for bash, zsh, fish and Nushell.",
    about: "The scripts are generated from the same tables the parser reads, so they know every object, command and keyword of this rtun. Names that only the running system knows (interfaces, network namespaces, routing tables, protocols, scopes) are asked from rtun itself when completing. Install them as: bash, /usr/share/bash-completion/completions/rtun; zsh, a file named _rtun in a directory of $fpath; fish, ~/.config/fish/completions/rtun.fish; Nushell, save the module and load it with use rtun.nu *. When rtun is installed as ip (a link named ip), `rtun completions SHELL ip` writes a script that completes ip instead, to install under ip's name: bash, ~/.local/share/bash-completion/completions/ip; zsh, a file _ip in a directory of $fpath ahead of the system's; fish, ~/.config/fish/completions/ip.fish.",
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
