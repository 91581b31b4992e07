//! `wireguard`: WireGuard tunnels. iproute2 has no options for the kind
//! (keys and peers are `wg`'s work): it creates and deletes the device,
//! refuses any word after `type wireguard`, and prints no `-d` data.

use super::{Kind, KindEnv};
use crate::error::{Error, Result};

pub const KIND: Kind = Kind {
    name: "wireguard",
    keywords: &[],
    parse: Some(parse),
    print: None,
    about: "Created without options; keys and peers are `wg`'s work.",
};

/// iproute2 knows no options for the kind: any word is garbage.
fn parse(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let first = args.first().map_or("", String::as_str);
    if crate::cli::words::matches(first, "help") {
        return Err(Error::help(crate::error::Topic::Current));
    }
    Err(Error::Failure(format!("Garbage instead of arguments \"{first} ...\". Try \"{} link help\".", env.prog)))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::parse as parse_kind;
    use super::*;

    #[test]
    fn no_options() {
        let e = parse_kind(&KIND, "foo", &[]).unwrap_err();
        assert_eq!((e.to_string().as_str(), e.exit_code()), ("Garbage instead of arguments \"foo ...\". Try \"ip link help\".", 1));
    }
}
