//! `encap fou|gue|none` and its companions (`encap-sport`, `encap-dport`,
//! `[no]encap-csum`, `[no]encap-udp6-csum`, `[no]encap-remcsum`,
//! `noencap`): the UDP encapsulation every IP tunnel kind (gre, ipip, sit,
//! ip6tnl, ip6gre) takes alike, and its `-d` printing (iproute2's
//! `tnl_print_encap`). Only the attribute numbers differ between kinds.

use std::io;

use super::tunnel_attrs::{
    TUNNEL_ENCAP_FLAG_CSUM, TUNNEL_ENCAP_FLAG_CSUM6, TUNNEL_ENCAP_FLAG_REMCSUM, TUNNEL_ENCAP_FOU, TUNNEL_ENCAP_GUE,
    TUNNEL_ENCAP_NONE,
};
use crate::netlink::attr::AttrWriter;
use super::Attrs;
use crate::cli::words::Words;
use crate::error::{invarg, Result};
use crate::parse::get_u16;
use crate::print::{Color, Dyn, Out};

/// A keyword table with the encap keywords between `before` and `after`
/// (they come at the same place of iproute2's test order in every kind).
macro_rules! with_encap {
    ([$($before:expr),* $(,)?], [$($after:expr),* $(,)?]) => {
        &[
            $($before,)*
            $crate::cli::grammar::Keyword {
                names: &[$crate::cli::grammar::x("noencap")],
                value: $crate::cli::grammar::Value::Flag,
                meta: "",
                help: "no UDP encapsulation",
                supported: true,
            },
            $crate::cli::grammar::Keyword {
                names: &[$crate::cli::grammar::x("encap")],
                value: $crate::cli::grammar::Value::Choice(&["fou", "gue", "none"]),
                meta: "fou|gue|none",
                help: "UDP encapsulation",
                supported: true,
            },
            $crate::cli::grammar::Keyword {
                names: &[$crate::cli::grammar::x("encap-sport")],
                value: $crate::cli::grammar::Value::Number,
                meta: "PORT|auto",
                help: "UDP source port of the encapsulation",
                supported: true,
            },
            $crate::cli::grammar::Keyword {
                names: &[$crate::cli::grammar::x("encap-dport")],
                value: $crate::cli::grammar::Value::Number,
                meta: "PORT",
                help: "UDP destination port of the encapsulation",
                supported: true,
            },
            $crate::cli::grammar::Keyword {
                names: &[$crate::cli::grammar::x("encap-csum")],
                value: $crate::cli::grammar::Value::Flag,
                meta: "",
                help: "checksum the outer UDP (IPv4)",
                supported: true,
            },
            $crate::cli::grammar::Keyword {
                names: &[$crate::cli::grammar::x("noencap-csum")],
                value: $crate::cli::grammar::Value::Flag,
                meta: "",
                help: "no outer UDP checksum (IPv4)",
                supported: true,
            },
            $crate::cli::grammar::Keyword {
                names: &[$crate::cli::grammar::x("encap-udp6-csum")],
                value: $crate::cli::grammar::Value::Flag,
                meta: "",
                help: "checksum the outer UDP (IPv6)",
                supported: true,
            },
            $crate::cli::grammar::Keyword {
                names: &[$crate::cli::grammar::x("noencap-udp6-csum")],
                value: $crate::cli::grammar::Value::Flag,
                meta: "",
                help: "no outer UDP checksum (IPv6)",
                supported: true,
            },
            $crate::cli::grammar::Keyword {
                names: &[$crate::cli::grammar::x("encap-remcsum")],
                value: $crate::cli::grammar::Value::Flag,
                meta: "",
                help: "remote checksum offload",
                supported: true,
            },
            $crate::cli::grammar::Keyword {
                names: &[$crate::cli::grammar::x("noencap-remcsum")],
                value: $crate::cli::grammar::Value::Flag,
                meta: "",
                help: "no remote checksum offload",
                supported: true,
            },
            $($after),*
        ]
    };
}
pub(crate) use with_encap;

/// The encapsulation settings of one tunnel (ports in host order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Encap {
    pub kind: u16,
    pub flags: u16,
    pub sport: u16,
    pub dport: u16,
}

/// The IFLA_*_ENCAP_{TYPE,FLAGS,SPORT,DPORT} numbers of a kind.
#[derive(Clone, Copy)]
pub struct EncapAttrs {
    pub kind: u16,
    pub flags: u16,
    pub sport: u16,
    pub dport: u16,
}

impl Encap {
    /// The IPv6 tunnels start with the IPv6 UDP checksum on.
    pub fn ipv6_default() -> Self {
        Encap { flags: TUNNEL_ENCAP_FLAG_CSUM6, ..Encap::default() }
    }

    /// Take the current settings from a kernel dump (`link set`).
    ///
    /// The ports are read as host-order numbers, not converted from network
    /// order: iproute2 does the same and then swaps them again when it
    /// sends them, so `link set` turns port 5555 into 45845. Kept for
    /// parity.
    pub fn read(&mut self, a: &Attrs<'_>, n: EncapAttrs) {
        if let Some(v) = a.u16(n.kind) {
            self.kind = v;
        }
        if let Some(v) = a.u16(n.flags) {
            self.flags = v;
        }
        if let Some(v) = a.u16(n.sport) {
            self.sport = v;
        }
        if let Some(v) = a.u16(n.dport) {
            self.dport = v;
        }
    }

    /// Apply one encap keyword (its first name); reads its value from `w`.
    /// Returns false if `name` is not an encap keyword.
    pub fn apply(&mut self, name: &str, w: &mut Words<'_>) -> Result<bool> {
        match name {
            "noencap" => self.kind = TUNNEL_ENCAP_NONE,
            "encap" => {
                let v = w.value()?;
                self.kind = match v {
                    "fou" => TUNNEL_ENCAP_FOU,
                    "gue" => TUNNEL_ENCAP_GUE,
                    "none" => TUNNEL_ENCAP_NONE,
                    _ => return Err(invarg("Invalid encap type.", v)),
                };
            }
            "encap-sport" => {
                let v = w.value()?;
                self.sport = if v == "auto" { 0 } else { get_u16(v, 0).ok_or_else(|| invarg("Invalid source port.", v))? };
            }
            "encap-dport" => {
                let v = w.value()?;
                self.dport = get_u16(v, 0).ok_or_else(|| invarg("Invalid destination port.", v))?;
            }
            "encap-csum" => self.flags |= TUNNEL_ENCAP_FLAG_CSUM,
            "noencap-csum" => self.flags &= !TUNNEL_ENCAP_FLAG_CSUM,
            "encap-udp6-csum" => self.flags |= TUNNEL_ENCAP_FLAG_CSUM6,
            "noencap-udp6-csum" => self.flags &= !TUNNEL_ENCAP_FLAG_CSUM6,
            "encap-remcsum" => self.flags |= TUNNEL_ENCAP_FLAG_REMCSUM,
            "noencap-remcsum" => self.flags &= !TUNNEL_ENCAP_FLAG_REMCSUM,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The four attributes, as iproute2 always sends them (ports big-endian).
    pub fn emit(&self, b: &mut AttrWriter, n: EncapAttrs) {
        b.u16(n.kind, self.kind);
        b.u16(n.flags, self.flags);
        b.put(n.sport, &self.sport.to_be_bytes());
        b.put(n.dport, &self.dport.to_be_bytes());
    }
}

/// `tnl_encap_str`: `[no]encap-NAME [PORT |auto ]`.
fn encap_word(name: &str, enabled: bool, port: Option<Option<u16>>) -> String {
    let val = match port {
        None => String::new(),
        Some(None) => "auto ".to_string(),
        Some(Some(p)) => format!("{p} "),
    };
    format!("{}encap-{name} {val}", if enabled { "" } else { "no" })
}

/// `tnl_print_encap`: nothing without an encap type or with `none`.
pub fn print(s: &mut Dyn<'_>, a: &Attrs<'_>, n: EncapAttrs) -> io::Result<()> {
    let Some(kind) = a.u16(n.kind) else { return Ok(()) };
    if kind == TUNNEL_ENCAP_NONE {
        return Ok(());
    }
    let flags = a.u16(n.flags).unwrap_or(0);
    let sport = a.be16(n.sport).unwrap_or(0);
    let dport = a.be16(n.dport).unwrap_or(0);
    s.open_object(Some("encap"))?;
    s.string_c(Out::Text, Color::None, None, "encap ", "")?;
    let name = match kind {
        TUNNEL_ENCAP_FOU => "fou",
        TUNNEL_ENCAP_GUE => "gue",
        _ => "unknown",
    };
    s.string_c(Out::Any, Color::None, Some("type"), "{} ", name)?;
    if s.is_json() {
        s.number_c(Out::Json, Color::None, Some("sport"), "", sport)?;
        s.number_c(Out::Json, Color::None, Some("dport"), "", dport)?;
        s.bool(Out::Json, "csum", "", flags & TUNNEL_ENCAP_FLAG_CSUM != 0)?;
        s.bool(Out::Json, "csum6", "", flags & TUNNEL_ENCAP_FLAG_CSUM6 != 0)?;
        s.bool(Out::Json, "remcsum", "", flags & TUNNEL_ENCAP_FLAG_REMCSUM != 0)?;
        s.close_object()
    } else {
        // iproute2 leaves the object open in text mode; nothing to close there.
        let mut t = encap_word("sport", true, Some((sport != 0).then_some(sport)));
        t += &encap_word("dport", true, Some(Some(dport)));
        t += &encap_word("csum", flags & TUNNEL_ENCAP_FLAG_CSUM != 0, None);
        t += &encap_word("csum6", flags & TUNNEL_ENCAP_FLAG_CSUM6 != 0, None);
        t += &encap_word("remcsum", flags & TUNNEL_ENCAP_FLAG_REMCSUM != 0, None);
        s.string_c(Out::Text, Color::None, None, "{}", &t)?;
        s.close_object()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testutil::words;

    const N: EncapAttrs = EncapAttrs { kind: 14, flags: 15, sport: 16, dport: 17 };

    #[test]
    fn words_and_bytes() {
        let mut e = Encap::default();
        let args = words("fou 5555 encap-csum");
        let mut w = Words::new(&args);
        assert!(e.apply("encap", &mut w).unwrap());
        let mut w2 = Words::new(&args[1..]);
        assert!(e.apply("encap-dport", &mut w2).unwrap());
        assert!(e.apply("encap-csum", &mut w2).unwrap());
        assert!(!e.apply("key", &mut w2).unwrap());
        assert_eq!(e, Encap { kind: 1, flags: 1, sport: 0, dport: 5555 });
        let mut b = AttrWriter::new();
        e.emit(&mut b, N);
        let v = b.finish().unwrap();
        // dport goes big-endian: 5555 = 0x15b3
        assert_eq!(&v[28..30], &[0x15, 0xb3]);
        let args = words("bogus");
        let mut w = Words::new(&args);
        assert_eq!(e.apply("encap", &mut w).unwrap_err().to_string(), "Error: argument \"bogus\" is wrong: Invalid encap type.");
    }

    #[test]
    fn text_form() {
        assert_eq!(encap_word("sport", true, Some(None)), "encap-sport auto ");
        assert_eq!(encap_word("dport", true, Some(Some(0))), "encap-dport 0 ");
        assert_eq!(encap_word("csum6", false, None), "noencap-csum6 ");
    }
}
