//! iproute2's output colours: which attribute gets which ANSI code, and when
//! colour is on at all.

/// What a coloured field is (iproute2's `enum color_attr`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Color {
    None,
    Ifname,
    Mac,
    Inet,
    Inet6,
    OperUp,
    OperDown,
}

impl Color {
    /// `ifa_family_color`: the colour of an address of family `af`.
    pub fn for_family(af: u8) -> Color {
        match i32::from(af) {
            libc::AF_INET => Color::Inet,
            libc::AF_INET6 => Color::Inet6,
            _ => Color::None,
        }
    }
}

/// `-c`, `-color=always|auto|never`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum ColorChoice {
    #[default]
    Never,
    Auto,
    Always,
}

/// The escape sequences for a light or a dark background, picked once.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    dark: bool,
}

const CLEAR: &str = "\x1b[0m";

impl Palette {
    /// iproute2 reads the last field of `COLORFGBG`: 0–6 or 8 means a dark background.
    pub fn from_env() -> Self {
        let dark = std::env::var("COLORFGBG")
            .ok()
            .and_then(|v| v.rsplit(';').next().map(str::to_owned))
            .is_some_and(|last| matches!(last.as_str(), "0" | "1" | "2" | "3" | "4" | "5" | "6" | "8"));
        Palette { dark }
    }

    pub fn start(&self, c: Color) -> Option<&'static str> {
        // iproute2 writes bold as `1;3N` (owo-colors writes `3N;1`), so the
        // codes are spelled out to stay byte-identical.
        let (light, dark) = match c {
            Color::None => return None,
            Color::Ifname => ("\x1b[36m", "\x1b[1;36m"),
            Color::Mac => ("\x1b[33m", "\x1b[1;33m"),
            Color::Inet => ("\x1b[35m", "\x1b[1;35m"),
            Color::Inet6 => ("\x1b[34m", "\x1b[1;34m"),
            Color::OperUp => ("\x1b[32m", "\x1b[1;32m"),
            Color::OperDown => ("\x1b[31m", "\x1b[1;31m"),
        };
        Some(if self.dark { dark } else { light })
    }

    pub fn clear_code() -> &'static str {
        CLEAR
    }
}

/// Whether to colour: never for JSON; `-c` alone means always (as in iproute2);
/// `auto` only on a terminal. `NO_COLOR` (no-color.org) turns colour off
/// unless `always` was asked for explicitly — an rtun addition.
pub fn enabled(choice: ColorChoice, explicit_always: bool, json: bool, stdout_is_tty: bool) -> bool {
    if json {
        return false;
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Never => false,
        ColorChoice::Always if explicit_always => true,
        ColorChoice::Always => !no_color,
        ColorChoice::Auto => stdout_is_tty && !no_color,
    }
}
