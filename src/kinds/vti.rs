//! `vti` and `vti6`: IPsec virtual tunnel interfaces over IPv4 and IPv6
//! (iproute2's link_vti.c and link_vti6.c, which differ only in the
//! address family).

use std::io;


use super::tunnel_attrs::vti as attr;
use super::tunnel_common::{
    current_data, endpoint_bytes, endpoint_from_attr, key_text, kw, parse_dev, parse_endpoint, parse_key, print_endpoint,
    print_fwmark, print_link, Endpoint,
};
use super::{unknown_word, Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::get_u32;
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

fn parse(env: &mut KindEnv<'_>, args: &[String], v6: bool) -> Result<Vec<u8>> {
    let kind = if v6 { "vti6" } else { "vti" };
    let (mut ikey, mut okey) = ([0u8; 4], [0u8; 4]);
    let (mut saddr, mut daddr): (Endpoint, Endpoint) = (None, None);
    let (mut link, mut fwmark) = (0u32, 0u32);

    if !env.creating {
        let cur = current_data(env)?;
        let a = Attrs::new(&cur);
        saddr = endpoint_from_attr(a.get(attr::LOCAL), v6)?;
        daddr = endpoint_from_attr(a.get(attr::REMOTE), v6)?;
        let key = |k: u16| a.get(k).and_then(|b| <[u8; 4]>::try_from(b.get(..4)?).ok());
        ikey = key(attr::IKEY).unwrap_or(ikey);
        okey = key(attr::OKEY).unwrap_or(okey);
        // iproute2 reads the u32 link as a u8 here: only its low byte survives.
        link = a.u8(attr::LINK).map_or(link, u32::from);
        fwmark = a.u32(attr::FWMARK).unwrap_or(fwmark);
    }

    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        let Some(k) = lookup(word, KEYWORDS) else {
            return Err(unknown_word(kind, None));
        };
        match k.names[0].text {
            "key" => {
                ikey = parse_key("key", w.value()?)?;
                okey = ikey;
            }
            "ikey" => ikey = parse_key("ikey", w.value()?)?,
            "okey" => okey = parse_key("okey", w.value()?)?,
            "remote" => daddr = parse_endpoint(w.value()?, v6)?,
            "local" => saddr = parse_endpoint(w.value()?, v6)?,
            "dev" => link = parse_dev(env, w.value()?)?,
            "fwmark" => {
                let v = w.value()?;
                fwmark = get_u32(v, 0).ok_or_else(|| invarg("invalid fwmark\n", v))?;
            }
            _ => return Err(unknown_word(kind, None)),
        }
    }

    let mut b = AttrWriter::new();
    b.put(attr::IKEY, &ikey);
    b.put(attr::OKEY, &okey);
    if let Some(a) = endpoint_bytes(&saddr) {
        b.put(attr::LOCAL, &a);
    }
    if let Some(a) = endpoint_bytes(&daddr) {
        b.put(attr::REMOTE, &a);
    }
    b.u32(attr::FWMARK, fwmark);
    if link != 0 {
        b.u32(attr::LINK, link);
    }
    Ok(b.finish()?)
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
