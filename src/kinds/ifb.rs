//! `ifb`: the Intermediate Functional Block device. It has no options;
//! iproute2 accepts and ignores words after `type ifb`.

use super::Kind;

pub const KIND: Kind = Kind {
    name: "ifb",
    keywords: &[],
    parse: None,
    print: None,
    about: "A device that traffic can be redirected to (for ingress shaping).",
};
