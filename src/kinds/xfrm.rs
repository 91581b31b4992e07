//! `xfrm`: IPsec interfaces (iproute2's link_xfrm.c): `if_id` ties the
//! device to the policies and states with that id. This kernel lacks the
//! module; the request is unit-tested here and the device in a VM.

use std::io;

use super::{Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::{lookup, Words};
use crate::error::{invarg, missarg, no_device, Error, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::get_u32;
use crate::names::links::Links;
use crate::print::{Dyn, Out};

// IFLA_XFRM_* (linux/if_link.h)
const LINK: u16 = 1;
const IF_ID: u16 = 2;
const COLLECT_METADATA: u16 = 3;

/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = &[
    Keyword { names: &[p("dev")], value: Value::Ifname, meta: "DEV", help: "the underlying device", supported: true },
    Keyword { names: &[p("if_id")], value: Value::Number, meta: "ID", help: "the xfrm interface id (1-0xffffffff) policies and states name", supported: true },
    Keyword { names: &[x("external")], value: Value::Flag, meta: "", help: "metadata mode: the id comes with each packet", supported: true },
];

pub const KIND: Kind = Kind {
    name: "xfrm",
    keywords: KEYWORDS,
    parse: Some(parse),
    print: Some(print),
    about: "Give if_id (or external).",
};

fn parse(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    let mut out = AttrWriter::new();
    let (mut link, mut if_id, mut metadata) = (0u32, 0u32, false);
    let mut w = Words::new(args);
    while let Some(word) = w.next() {
        match lookup(word, KEYWORDS).map(|k| k.names[0].text) {
            Some("dev") => {
                let v = w.value()?;
                link = env.lookup.index(v);
                if link == 0 {
                    // iproute2 exits with nodev()'s -1 here: status 255.
                    return Err(Error::Usage(no_device(v).to_string()));
                }
            }
            Some("if_id") => {
                let v = w.value()?;
                if_id = get_u32(v, 0).filter(|n| *n != 0).ok_or_else(|| invarg("if_id value is invalid", v))?;
                out.u32(IF_ID, if_id);
            }
            Some("external") => metadata = true,
            // iproute2 has no `help` word here: anything else shows the help.
            _ => return Err(super::help_request("xfrm", false, None, 1, false)),
        }
    }
    if metadata {
        if if_id != 0 || link != 0 {
            return Err(Error::Failure("xfrmi: both 'external' and if_id/link cannot be specified".into()));
        }
        out.flag(COLLECT_METADATA);
        return Ok(out.finish()?);
    }
    if if_id == 0 {
        return Err(missarg("IF_ID"));
    }
    if link != 0 {
        out.u32(LINK, link);
    }
    Ok(out.finish()?)
}

fn print(s: &mut Dyn<'_>, tb: &Attrs<'_>, _opts: &Options, _links: &Links) -> io::Result<()> {
    if tb.has(COLLECT_METADATA) {
        return s.bool(Out::Any, "external", "external ", true);
    }
    if let Some(id) = tb.u32(IF_ID) {
        s.hex0x(Out::Any, "if_id", "if_id {} ", u64::from(id))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse as parse_kind, raw_attrs, render};
    use super::*;

    #[test]
    fn if_id_and_dev() {
        let data = parse_kind(&KIND, "dev eth0 if_id 0x2a", &[("eth0", 3)]).unwrap();
        assert_eq!(raw_attrs(&data), vec![(IF_ID, 42u32.to_ne_bytes().to_vec()), (LINK, 3u32.to_ne_bytes().to_vec())]);
        assert_eq!(render("xfrm", &data, false), "if_id 0x2a ");
        assert_eq!(render("xfrm", &data, true), "{\"info_data\":{\"if_id\":\"0x2a\"}}");
        let data = parse_kind(&KIND, "external", &[]).unwrap();
        assert_eq!(render("xfrm", &data, false), "external ");
    }

    #[test]
    fn errors() {
        let e = |s: &str| {
            let e = parse_kind(&KIND, s, &[]).unwrap_err();
            (e.to_string(), e.exit_code())
        };
        assert_eq!(e("dev nosuch"), ("Cannot find device \"nosuch\"".into(), 255));
        assert_eq!(e("if_id 0"), ("Error: argument \"0\" is wrong: if_id value is invalid".into(), 255));
        assert_eq!(e("external if_id 3"), ("xfrmi: both 'external' and if_id/link cannot be specified".into(), 1));
        assert_eq!(e("dev"), ("Command line is not complete. Try option \"help\"".into(), 255));
    }
}
