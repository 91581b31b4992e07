//! `vti` and `vti6`: IPsec virtual tunnel interfaces over IPv4 and IPv6
//! (iproute2's link_vti.c and link_vti6.c, which differ only in the
//! address family).

use std::io;


use super::tunnel_attrs::vti as attr;
use super::tunnel_common::{
    apply_ends, be32_at, data_of, emit_endpoints, key_text, kw, parse_fwmark, parse_key, parse_params,
    print_endpoint, print_fwmark, print_link, read_endpoints, Endpoint, TunnelParams,
};
use super::{Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::Words;
use crate::error::Result;
use crate::netlink::attr::AttrWriter;
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = &[
    kw(&[p("key")], Value::Text, "KEY", "mark both ways: number or dotted quad"),
    kw(&[p("ikey")], Value::Text, "KEY", "mark of received packets"),
    kw(&[p("okey")], Value::Text, "KEY", "mark of sent packets"),
    kw(&[p("remote")], Value::Address, "ADDR", "the far end"),
    kw(&[p("local")], Value::Address, "ADDR", "this end"),
    kw(&[p("dev")], Value::Ifname, "DEV", "send through this device only"),
    kw(&[x("fwmark")], Value::Number, "MARK", "firewall mark of the tunnel's packets"),
];

pub const VTI: Kind = Kind {
    name: "vti",
    keywords: KEYWORDS,
    parse: Some(parse_vti),
    print: Some(print_vti),
    about: "IPsec tunnel over IPv4: keys select the xfrm policy.",
};
pub const VTI6: Kind = Kind {
    name: "vti6",
    keywords: KEYWORDS,
    parse: Some(parse_vti6),
    print: Some(print_vti6),
    about: "IPsec tunnel over IPv6: keys select the xfrm policy.",
};

fn parse_vti(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse(env, args, false)
}
fn parse_vti6(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse(env, args, true)
}

/// The parameters of a vti or vti6 tunnel: its IFLA_VTI_* attributes,
/// read by [`Vti::read`] and written by [`Vti::emit`], for `link add|set
/// type vti|vti6 …` and `ip tunnel` alike. A `None` is an attribute not sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vti {
    /// vti6: the endpoints are IPv6 addresses.
    pub v6: bool,
    pub link: u32,
    /// Keys as numbers (their big-endian bytes travel).
    pub ikey: u32,
    pub okey: u32,
    pub local: Endpoint,
    pub remote: Endpoint,
    pub fwmark: Option<u32>,
}

impl Vti {
    /// What `link add type vti|vti6` starts from (link_vti.c, link_vti6.c).
    pub fn new(v6: bool) -> Self {
        Vti { v6, fwmark: Some(0), ..Vti::default() }
    }
}

impl TunnelParams for Vti {
    const ENDS: (u16, u16) = (attr::LOCAL, attr::REMOTE);

    fn v6(&self) -> bool {
        self.v6
    }

    fn read(&mut self, a: &Attrs<'_>) {
        read_endpoints(a, Self::ENDS, self.v6, &mut self.local, &mut self.remote);
        self.ikey = be32_at(a.get(attr::IKEY)).unwrap_or(self.ikey);
        self.okey = be32_at(a.get(attr::OKEY)).unwrap_or(self.okey);
        self.link = a.u32(attr::LINK).unwrap_or(self.link);
        self.fwmark = a.u32(attr::FWMARK).or(self.fwmark);
    }

    fn read_current(&mut self, a: &Attrs<'_>) {
        self.read(a);
        // iproute2 reads the u32 link as a u8 here: only its first byte survives.
        self.link = a.u8(attr::LINK).map_or(0, u32::from);
    }

    fn apply(&mut self, env: &mut KindEnv<'_>, name: &str, w: &mut Words<'_>) -> Result<bool> {
        if apply_ends(env, name, w, self.v6, (&mut self.local, &mut self.remote, &mut self.link))? {
            return Ok(true);
        }
        match name {
            "key" => {
                self.ikey = parse_key("key", w.value()?)?;
                self.okey = self.ikey;
            }
            "ikey" => self.ikey = parse_key("ikey", w.value()?)?,
            "okey" => self.okey = parse_key("okey", w.value()?)?,
            "fwmark" => self.fwmark = Some(parse_fwmark(w.value()?)?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn emit(&self, b: &mut AttrWriter) {
        b.be32(attr::IKEY, self.ikey);
        b.be32(attr::OKEY, self.okey);
        emit_endpoints(b, Self::ENDS, &self.local, &self.remote);
        if let Some(m) = self.fwmark {
            b.u32(attr::FWMARK, m);
        }
        if self.link != 0 {
            b.u32(attr::LINK, self.link);
        }
    }
}

fn parse(env: &mut KindEnv<'_>, args: &[String], v6: bool) -> Result<Vec<u8>> {
    data_of(&parse_params(env, args, if v6 { "vti6" } else { "vti" }, KEYWORDS, Vti::new(v6))?)
}

fn print_vti(s: &mut Dyn<'_>, a: &Attrs<'_>, _opts: &Options, links: &Links) -> io::Result<()> {
    print(s, a, false, links)
}
fn print_vti6(s: &mut Dyn<'_>, a: &Attrs<'_>, _opts: &Options, links: &Links) -> io::Result<()> {
    print(s, a, true, links)
}

fn print(s: &mut Dyn<'_>, a: &Attrs<'_>, v6: bool, links: &Links) -> io::Result<()> {
    print_endpoint(s, "remote", a.get(attr::REMOTE), v6)?;
    print_endpoint(s, "local", a.get(attr::LOCAL), v6)?;
    print_link(s, a, attr::LINK, links)?;
    for (attr, key) in [(attr::IKEY, "ikey"), (attr::OKEY, "okey")] {
        if let Some(k) = a.get(attr).filter(|b| b.iter().any(|x| *x != 0)).and_then(key_text) {
            s.string_c(Out::Any, Color::None, Some(key), &format!("{key} {{}} "), &k)?;
        }
    }
    print_fwmark(s, a, attr::FWMARK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testutil::{parse as parse_with, raw_attrs, render};

    #[test]
    fn request_bytes() {
        let a = raw_attrs(&parse_with(&VTI, "remote 192.0.2.2 local 192.0.2.1 ikey 1.2.3.4 okey 5 dev eth0", &[("eth0", 3)]).unwrap());
        let types: Vec<u16> = a.iter().map(|(t, _)| *t).collect();
        assert_eq!(types, vec![2, 3, 4, 5, 6, 1]);
        assert_eq!(a[0].1, vec![1, 2, 3, 4]);
        assert_eq!(a[1].1, vec![0, 0, 0, 5]);
        let e = parse_with(&VTI6, "local 192.0.2.1", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: inet6 address is expected rather than \"192.0.2.1\".");
    }

    #[test]
    fn prints_like_ip() {
        let d = parse_with(&VTI6, "remote 2001:db8::2 key 9 fwmark 0x10", &[]).unwrap();
        assert_eq!(render("vti6", &d, false), "remote 2001:db8::2 local any ikey 0.0.0.9 okey 0.0.0.9 fwmark 0x10 ");
    }
}
