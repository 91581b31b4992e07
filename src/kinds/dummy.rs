//! `dummy`: a device that drops everything sent to it. No options;
//! iproute2 accepts and ignores words after `type dummy`.

use super::Kind;

pub const KIND: Kind = Kind {
    name: "dummy",
    keywords: &[],
    parse: None,
    print: None,
    about: "A device that silently drops every packet it is given.",
};
