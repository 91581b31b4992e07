//! `gre`, `gretap`, `erspan`: GRE over IPv4 (iproute2's link_gre.c).
//!
//! On `link set` the tunnel's current settings are read first and the
//! words change them; the whole set is sent again, as iproute2 does.

use std::io;
use std::net::{IpAddr, Ipv4Addr};


use super::tunnel_attrs::{gre as attr, GRE_CSUM, GRE_KEY, GRE_SEQ};
use super::tunnel_common::{
    apply_ends, be32_at, data_of, emit_endpoints, endpoint_bytes, flag, key_text, kw, parse_fwmark, parse_key,
    parse_params, parse_tos, parse_ttl, print_endpoint, print_fwmark, print_link, print_tos, print_ttl, read_endpoints,
    Endpoint, TunnelParams,
};
use super::tunnel_encap::{self, with_encap, Encap, EncapAttrs};
use super::{Attrs, Kind, KindEnv};
use crate::cli::grammar::{p, x, Keyword, Value};
use crate::cli::options::Options;
use crate::cli::words::Words;
use crate::error::{invarg, Error, Result};
use crate::netlink::attr::AttrWriter;
use crate::parse::{get_u16, get_u32, get_u8};
use crate::names::links::Links;
use crate::print::{Color, Dyn, Out};

pub(crate) const ENCAP: EncapAttrs =
    EncapAttrs { kind: attr::ENCAP_TYPE, flags: attr::ENCAP_FLAGS, sport: attr::ENCAP_SPORT, dport: attr::ENCAP_DPORT };

/// The GRE header words (keys, sequence numbers, checksums), shared with
/// ip6gre, in iproute2's test order; then `middle`, the encap words, `after`.
macro_rules! gre_table {
    ([$($middle:expr),* $(,)?], [$($after:expr),* $(,)?]) => {
        with_encap!([
            kw(&[p("key")], Value::Text, "KEY", "key both ways: number or dotted quad"),
            flag(&[p("nokey")], "no key either way"),
            kw(&[p("ikey")], Value::Text, "KEY", "key of received packets"),
            flag(&[p("noikey")], "no key on received packets"),
            kw(&[p("okey")], Value::Text, "KEY", "key of sent packets"),
            flag(&[p("nookey")], "no key on sent packets"),
            flag(&[p("seq")], "sequence numbers both ways"),
            flag(&[p("noseq")], "no sequence numbers"),
            flag(&[p("iseq")], "require sequence numbers on received packets"),
            flag(&[p("noiseq")], "do not require sequence numbers"),
            flag(&[p("oseq")], "number sent packets"),
            flag(&[p("nooseq")], "do not number sent packets"),
            flag(&[p("csum")], "checksums both ways"),
            flag(&[p("nocsum")], "no checksums"),
            flag(&[p("icsum")], "require checksums on received packets"),
            flag(&[p("noicsum")], "do not require checksums"),
            flag(&[p("ocsum")], "checksum sent packets"),
            flag(&[p("noocsum")], "do not checksum sent packets"),
            $($middle),*
        ], [$($after),*])
    };
}
pub(crate) use gre_table;

/// The gre, gretap and erspan words in iproute2's test order; `extra`
/// last (erspan's own).
macro_rules! gre4_table {
    ($($extra:expr),* $(,)?) => {
        gre_table!(
            [
                flag(&[p("nopmtudisc")], "do not discover the path MTU"),
                flag(&[p("pmtudisc")], "discover the path MTU (the default)"),
                kw(&[p("remote")], Value::Address, "ADDR", "the far end, or any"),
                kw(&[p("local")], Value::Address, "ADDR", "this end, or any"),
                kw(&[p("dev")], Value::Ifname, "DEV", "send through this device only"),
                kw(&[p("ttl"), p("hoplimit"), p("hlim")], Value::Text, "TTL", "1-255 or inherit"),
                kw(&[p("tos"), p("tclass"), p("dsfield")], Value::Text, "TOS", "a dsfield value or inherit"),
            ],
            [
                flag(&[x("external")], "metadata mode (collect_md)"),
                flag(&[x("ignore-df")], "send even when DF is set and the packet is too big"),
                flag(&[x("noignore-df")], "honour DF"),
                kw(&[x("fwmark")], Value::Number, "MARK", "firewall mark of the tunnel's packets"),
                $($extra),*
            ]
        )
    };
}

/// In iproute2's test order.
pub const KEYWORDS: &[Keyword] = gre4_table!();

pub const ERSPAN_KEYWORDS: &[Keyword] = gre4_table!(
    kw(&[x("erspan")], Value::Number, "IDX", "ERSPAN v1 session index (1-1048575)"),
    kw(&[x("erspan_ver")], Value::Number, "VERSION", "ERSPAN version: 0, 1 or 2"),
    kw(&[x("erspan_dir")], Value::Choice(&["ingress", "egress"]), "DIR", "ERSPAN v2 direction"),
    kw(&[x("erspan_hwid")], Value::Number, "HWID", "ERSPAN v2 hardware id"),
);

const ABOUT: &str = "GRE over IPv4: remote and local say where; keys, sequence numbers and checksums go in the GRE header.";

pub const GRE: Kind = Kind { name: "gre", keywords: KEYWORDS, parse: Some(parse), print: Some(print), about: ABOUT };
pub const GRETAP: Kind = Kind { name: "gretap", keywords: KEYWORDS, parse: Some(parse_gretap), print: Some(print), about: ABOUT };
pub const ERSPAN: Kind = Kind {
    name: "erspan",
    keywords: ERSPAN_KEYWORDS,
    parse: Some(parse_erspan),
    print: Some(print),
    about: "ERSPAN over IPv4: a gretap that mirrors traffic; erspan_ver chooses v1 (index) or v2 (dir, hwid).",
};

/// The GRE header settings every GRE tunnel has (gre, ip6gre and their
/// kinds, and `ip tunnel`'s gre and ip6gre): flags as host-order bits
/// (they travel big-endian), keys as the numbers whose big-endian bytes
/// travel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GreHeader {
    pub iflags: u16,
    pub oflags: u16,
    pub ikey: u32,
    pub okey: u32,
}

impl GreHeader {
    /// The header attributes present in `a` (IFLA_GRE_[IO]KEY, _[IO]FLAGS).
    pub fn read(&mut self, a: &Attrs<'_>) {
        if let Some(k) = be32_at(a.get(attr::IKEY)) {
            self.ikey = k;
        }
        if let Some(k) = be32_at(a.get(attr::OKEY)) {
            self.okey = k;
        }
        if let Some(f) = a.be16(attr::IFLAGS) {
            self.iflags = f;
        }
        if let Some(f) = a.be16(attr::OFLAGS) {
            self.oflags = f;
        }
    }

    pub fn has_key(&self) -> bool {
        (self.iflags | self.oflags) & GRE_KEY != 0
    }

    /// As the tunnel ioctls store it: a key without its flag is 0.
    pub fn keys_flagged(mut self) -> Self {
        if self.iflags & GRE_KEY == 0 {
            self.ikey = 0;
        }
        if self.oflags & GRE_KEY == 0 {
            self.okey = 0;
        }
        self
    }

    /// Apply one header keyword (`key`, `ikey`, `seq`, `nocsum` …); false
    /// if `name` is not one.
    pub fn apply(&mut self, name: &str, w: &mut Words<'_>) -> Result<bool> {
        let (i, o) = (&mut self.iflags, &mut self.oflags);
        match name {
            "key" => {
                let k = parse_key("key", w.value()?)?;
                *i |= GRE_KEY;
                *o |= GRE_KEY;
                self.ikey = k;
                self.okey = k;
            }
            "nokey" => {
                *i &= !GRE_KEY;
                *o &= !GRE_KEY;
                self.ikey = 0;
                self.okey = 0;
            }
            "ikey" => {
                self.ikey = parse_key("ikey", w.value()?)?;
                *i |= GRE_KEY;
            }
            "noikey" => {
                *i &= !GRE_KEY;
                self.ikey = 0;
            }
            "okey" => {
                self.okey = parse_key("okey", w.value()?)?;
                *o |= GRE_KEY;
            }
            "nookey" => {
                *o &= !GRE_KEY;
                self.okey = 0;
            }
            "seq" => {
                *i |= GRE_SEQ;
                *o |= GRE_SEQ;
            }
            "noseq" => {
                *i &= !GRE_SEQ;
                *o &= !GRE_SEQ;
            }
            "iseq" => *i |= GRE_SEQ,
            "noiseq" => *i &= !GRE_SEQ,
            "oseq" => *o |= GRE_SEQ,
            "nooseq" => *o &= !GRE_SEQ,
            "csum" => {
                *i |= GRE_CSUM;
                *o |= GRE_CSUM;
            }
            "nocsum" => {
                *i &= !GRE_CSUM;
                *o &= !GRE_CSUM;
            }
            "icsum" => *i |= GRE_CSUM,
            "noicsum" => *i &= !GRE_CSUM,
            "ocsum" => *o |= GRE_CSUM,
            "noocsum" => *o &= !GRE_CSUM,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// A multicast remote: a key not given is the group, each way.
    pub fn keys_from_group(&mut self, group: Ipv4Addr) {
        if self.ikey == 0 {
            self.ikey = u32::from(group);
            self.iflags |= GRE_KEY;
        }
        if self.okey == 0 {
            self.okey = u32::from(group);
            self.oflags |= GRE_KEY;
        }
    }

    /// IKEY, OKEY, IFLAGS, OFLAGS, in iproute2's order.
    pub fn emit(&self, b: &mut AttrWriter) {
        b.be32(attr::IKEY, self.ikey);
        b.be32(attr::OKEY, self.okey);
        b.be16(attr::IFLAGS, self.iflags);
        b.be16(attr::OFLAGS, self.oflags);
    }
}

/// ERSPAN settings (sent by erspan kinds, and by every ip6gre kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Erspan {
    pub index: u32,
    pub ver: u8,
    pub dir: u8,
    pub hwid: u16,
}

impl Default for Erspan {
    fn default() -> Self {
        Erspan { index: 0, ver: 1, dir: 0, hwid: 0 }
    }
}

impl Erspan {
    pub fn read(&mut self, a: &Attrs<'_>) {
        if let Some(v) = a.u32(attr::ERSPAN_INDEX) {
            self.index = v;
        }
        if let Some(v) = a.u8(attr::ERSPAN_VER) {
            self.ver = v;
        }
        if let Some(v) = a.u8(attr::ERSPAN_DIR) {
            self.dir = v;
        }
        if let Some(v) = a.u16(attr::ERSPAN_HWID) {
            self.hwid = v;
        }
    }

    pub fn apply(&mut self, name: &str, w: &mut Words<'_>) -> Result<bool> {
        match name {
            "erspan" => {
                let v = w.value()?;
                let idx = get_u32(v, 0).ok_or_else(|| invarg("invalid erspan index\n", v))?;
                if idx & !((1 << 20) - 1) != 0 || idx == 0 {
                    return Err(invarg("erspan index must be > 0 and <= 20-bit\n", v));
                }
                self.index = idx;
            }
            "erspan_ver" => {
                let v = w.value()?;
                let ver = get_u8(v, 0).ok_or_else(|| invarg("invalid erspan version\n", v))?;
                if ver > 2 {
                    return Err(invarg("erspan version must be 0/1/2\n", v));
                }
                self.ver = ver;
            }
            "erspan_dir" => {
                let v = w.value()?;
                self.dir = if crate::cli::words::matches(v, "ingress") {
                    0
                } else if crate::cli::words::matches(v, "egress") {
                    1
                } else {
                    return Err(invarg("Invalid erspan direction.", v));
                };
            }
            "erspan_hwid" => {
                let v = w.value()?;
                self.hwid = get_u16(v, 0).ok_or_else(|| invarg("invalid erspan hwid\n", v))?;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    pub fn emit(&self, b: &mut AttrWriter) {
        b.u8(attr::ERSPAN_VER, self.ver);
        if self.ver == 1 && self.index != 0 {
            b.u32(attr::ERSPAN_INDEX, self.index);
        } else if self.ver == 2 {
            b.u8(attr::ERSPAN_DIR, self.dir);
            b.u16(attr::ERSPAN_HWID, self.hwid);
        }
    }
}

fn parse(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse_kind(env, args, "gre")
}

fn parse_gretap(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse_kind(env, args, "gretap")
}

fn parse_erspan(env: &mut KindEnv<'_>, args: &[String]) -> Result<Vec<u8>> {
    parse_kind(env, args, "erspan")
}

/// The parameters of a GRE tunnel over IPv4 (gre, gretap, erspan): its
/// IFLA_GRE_* attributes, read by [`Gre::read`] and written by
/// [`Gre::emit`]. `link add|set type gre …` fills it from words;
/// `ip tunnel` converts its ioctl view to and from it. A `None` is an
/// attribute not sent, so that the kernel keeps what it has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gre {
    pub link: u32,
    pub hdr: GreHeader,
    pub local: Endpoint,
    pub remote: Endpoint,
    pub ttl: u8,
    /// 1 is inherit.
    pub tos: u8,
    pub pmtudisc: u8,
    /// 0: not given (not sent); 1 ignore-df; 2 noignore-df (the low bit goes).
    pub ignore_df: u8,
    pub fwmark: Option<u32>,
    pub erspan: Option<Erspan>,
    pub encap: Option<Encap>,
    pub metadata: bool,
}

impl Gre {
    /// What `link add type gre|gretap|erspan` starts from (link_gre.c).
    pub fn new(erspan: bool) -> Self {
        Gre {
            pmtudisc: 1,
            fwmark: Some(0),
            erspan: erspan.then(Erspan::default),
            encap: Some(Encap::default()),
            ..Gre::default()
        }
    }
}

impl TunnelParams for Gre {
    const ENDS: (u16, u16) = (attr::LOCAL, attr::REMOTE);

    fn v6(&self) -> bool {
        false
    }

    /// Encap and erspan are read only where they are kept (`Some`).
    fn read(&mut self, a: &Attrs<'_>) {
        read_endpoints(a, Self::ENDS, false, &mut self.local, &mut self.remote);
        self.hdr.read(a);
        self.pmtudisc = a.u8(attr::PMTUDISC).unwrap_or(self.pmtudisc);
        self.ignore_df = a.u8(attr::IGNORE_DF).map_or(self.ignore_df, |v| u8::from(v != 0));
        self.tos = a.u8(attr::TOS).unwrap_or(self.tos);
        self.ttl = a.u8(attr::TTL).unwrap_or(self.ttl);
        self.link = a.u32(attr::LINK).unwrap_or(self.link);
        if let Some(e) = &mut self.encap {
            e.read(a, ENCAP);
        }
        self.metadata = a.has(attr::COLLECT_METADATA);
        self.fwmark = a.u32(attr::FWMARK).or(self.fwmark);
        if let Some(e) = &mut self.erspan {
            e.read(a);
        }
    }

    fn apply(&mut self, env: &mut KindEnv<'_>, name: &str, w: &mut Words<'_>) -> Result<bool> {
        if self.hdr.apply(name, w)? || apply_opt(&mut self.encap, |e| e.apply(name, w))? || apply_opt(&mut self.erspan, |e| e.apply(name, w))? {
            return Ok(true);
        }
        if apply_ends(env, name, w, false, (&mut self.local, &mut self.remote, &mut self.link))? {
            return Ok(true);
        }
        match name {
            "nopmtudisc" => self.pmtudisc = 0,
            "pmtudisc" => self.pmtudisc = 1,
            "ttl" => self.ttl = parse_ttl(w.value()?, "invalid TTL\n")?,
            "tos" => self.tos = parse_tos(w.value()?, false)?,
            "external" => self.metadata = true,
            "ignore-df" => self.ignore_df = 1,
            "noignore-df" => self.ignore_df = 2,
            "fwmark" => self.fwmark = Some(parse_fwmark(w.value()?)?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn emit(&self, b: &mut AttrWriter) {
        if self.metadata {
            b.flag(attr::COLLECT_METADATA);
            return;
        }
        self.hdr.emit(b);
        emit_endpoints(b, Self::ENDS, &self.local, &self.remote);
        b.u8(attr::PMTUDISC, self.pmtudisc);
        if self.ignore_df != 0 {
            b.u8(attr::IGNORE_DF, self.ignore_df & 1);
        }
        b.u8(attr::TOS, self.tos);
        if self.link != 0 {
            b.u32(attr::LINK, self.link);
        }
        b.u8(attr::TTL, self.ttl);
        if let Some(m) = self.fwmark {
            b.u32(attr::FWMARK, m);
        }
        emit_tail(b, self.erspan, &self.encap);
    }
}

/// The erspan settings, then the encap, where sent.
pub(crate) fn emit_tail(b: &mut AttrWriter, erspan: Option<Erspan>, encap: &Option<Encap>) {
    if let Some(e) = erspan {
        e.emit(b);
    }
    if let Some(e) = encap {
        e.emit(b, ENCAP);
    }
}

/// Apply a word to a part of the parameters that may be absent.
pub(crate) fn apply_opt<T>(part: &mut Option<T>, f: impl FnOnce(&mut T) -> Result<bool>) -> Result<bool> {
    part.as_mut().map_or(Ok(false), f)
}

fn parse_kind(env: &mut KindEnv<'_>, args: &[String], kind: &str) -> Result<Vec<u8>> {
    let is_erspan = kind == "erspan";
    let table = if is_erspan { ERSPAN_KEYWORDS } else { KEYWORDS };
    let mut p = parse_params(env, args, kind, table, Gre::new(is_erspan))?;
    // A multicast remote: keys default to the group, and a source is needed.
    if let Some(IpAddr::V4(group)) = p.remote.filter(|d| d.is_multicast()) {
        p.hdr.keys_from_group(group);
        if endpoint_bytes(&p.local).is_none() {
            return Err(Error::Failure("A broadcast tunnel requires a source address.".into()));
        }
    }
    data_of(&p)
}

/// `ikey A.B.C.D okey … iseq oseq icsum ocsum` of the GRE header.
pub(crate) fn print_header(s: &mut Dyn<'_>, a: &Attrs<'_>) -> io::Result<()> {
    let iflags = a.be16(attr::IFLAGS).unwrap_or(0);
    let oflags = a.be16(attr::OFLAGS).unwrap_or(0);
    if iflags & GRE_KEY != 0 {
        if let Some(k) = a.get(attr::IKEY).and_then(key_text) {
            s.string_c(Out::Any, Color::None, Some("ikey"), "ikey {} ", &k)?;
        }
    }
    if oflags & GRE_KEY != 0 {
        if let Some(k) = a.get(attr::OKEY).and_then(key_text) {
            s.string_c(Out::Any, Color::None, Some("okey"), "okey {} ", &k)?;
        }
    }
    for (set, key) in [(iflags & GRE_SEQ, "iseq"), (oflags & GRE_SEQ, "oseq"), (iflags & GRE_CSUM, "icsum"), (oflags & GRE_CSUM, "ocsum")] {
        if set != 0 {
            s.bool(Out::Any, key, &format!("{key} "), true)?;
        }
    }
    Ok(())
}

/// The erspan fields, when the kernel sent them.
pub(crate) fn print_erspan(s: &mut Dyn<'_>, a: &Attrs<'_>) -> io::Result<()> {
    if let Some(v) = a.u32(attr::ERSPAN_INDEX) {
        s.number_c(Out::Any, Color::None, Some("erspan_index"), "erspan_index {} ", v)?;
    }
    if let Some(v) = a.u8(attr::ERSPAN_VER) {
        s.number_c(Out::Any, Color::None, Some("erspan_ver"), "erspan_ver {} ", v)?;
    }
    if let Some(v) = a.u8(attr::ERSPAN_DIR) {
        s.string_c(Out::Any, Color::None, Some("erspan_dir"), "erspan_dir {} ", if v == 0 { "ingress" } else { "egress" })?;
    }
    if let Some(v) = a.u16(attr::ERSPAN_HWID) {
        s.hex0x(Out::Any, "erspan_hwid", "erspan_hwid {} ", u64::from(v))?;
    }
    Ok(())
}

fn print(s: &mut Dyn<'_>, a: &Attrs<'_>, _opts: &Options, links: &Links) -> io::Result<()> {
    if a.has(attr::COLLECT_METADATA) {
        s.bool(Out::Any, "external", "external ", true)?;
    }
    print_endpoint(s, "remote", a.get(attr::REMOTE), false)?;
    print_endpoint(s, "local", a.get(attr::LOCAL), false)?;
    print_link(s, a, attr::LINK, links)?;
    print_ttl(s, "ttl", a.u8(attr::TTL).unwrap_or(0))?;
    print_tos(s, a.u8(attr::TOS).unwrap_or(0))?;
    if let Some(pmtu) = a.u8(attr::PMTUDISC) {
        if pmtu == 0 {
            s.bool(Out::Any, "pmtudisc", "nopmtudisc ", false)?;
        } else {
            s.bool(Out::Json, "pmtudisc", "", true)?;
        }
    }
    if a.u8(attr::IGNORE_DF).is_some_and(|v| v != 0) {
        s.bool(Out::Any, "ignore_df", "ignore-df ", true)?;
    }
    print_header(s, a)?;
    print_fwmark(s, a, attr::FWMARK)?;
    print_erspan(s, a)?;
    tunnel_encap::print(s, a, ENCAP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testutil::{parse as parse_with, raw_attrs, render};

    fn attrs(k: &Kind, args: &str) -> Vec<(u16, Vec<u8>)> {
        raw_attrs(&parse_with(k, args, &[("eth0", 2)]).unwrap())
    }

    #[test]
    fn create_sends_what_link_gre_c_sends() {
        let a = attrs(&GRE, "remote 192.0.2.2 local 192.0.2.1 ttl 255 key 42");
        let types: Vec<u16> = a.iter().map(|(t, _)| *t).collect();
        // ikey okey iflags oflags local remote pmtudisc tos ttl fwmark encap×4
        assert_eq!(types, vec![4, 5, 2, 3, 6, 7, 10, 9, 8, 20, 14, 15, 16, 17]);
        assert_eq!(a[0].1, vec![0, 0, 0, 42]);
        assert_eq!(a[2].1, vec![0x20, 0]); // GRE_KEY, big-endian
        assert_eq!(a[4].1, vec![192, 0, 2, 1]);
        assert_eq!(a[6].1, vec![1]);
        assert_eq!(a[8].1, vec![255]);
    }

    #[test]
    fn ignore_df_dev_and_flags() {
        let a = attrs(&GRE, "noignore-df dev eth0 iseq ocsum tos inherit nopmtudisc");
        assert!(a.contains(&(attr::IGNORE_DF, vec![0])));
        assert!(a.contains(&(attr::LINK, 2u32.to_ne_bytes().to_vec())));
        assert!(a.contains(&(attr::IFLAGS, vec![0x10, 0])));
        assert!(a.contains(&(attr::OFLAGS, vec![0x80, 0])));
        assert!(a.contains(&(attr::TOS, vec![1])));
        assert!(a.contains(&(attr::PMTUDISC, vec![0])));
        assert_eq!(attrs(&GRE, "external"), vec![(attr::COLLECT_METADATA, vec![])]);
    }

    #[test]
    fn multicast_remote_needs_a_source_and_keys_follow_it() {
        let e = parse_with(&GRE, "remote 239.1.1.1", &[]).unwrap_err();
        assert_eq!((e.to_string().as_str(), e.exit_code()), ("A broadcast tunnel requires a source address.", 1));
        let a = attrs(&GRE, "remote 239.1.1.1 local 192.0.2.1");
        assert_eq!(a[0].1, vec![239, 1, 1, 1]);
    }

    #[test]
    fn erspan_words_only_for_erspan() {
        assert!(parse_with(&GRE, "erspan 5", &[]).is_err());
        let a = attrs(&ERSPAN, "erspan 5");
        assert!(a.contains(&(attr::ERSPAN_VER, vec![1])));
        assert!(a.contains(&(attr::ERSPAN_INDEX, 5u32.to_ne_bytes().to_vec())));
        let a = attrs(&ERSPAN, "erspan_ver 2 erspan_dir egress erspan_hwid 7");
        assert!(a.contains(&(attr::ERSPAN_DIR, vec![1])));
        assert!(!a.iter().any(|(t, _)| *t == attr::ERSPAN_INDEX));
        let e = parse_with(&ERSPAN, "erspan 0", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: argument \"0\" is wrong: erspan index must be > 0 and <= 20-bit\n");
    }

    #[test]
    fn errors() {
        let e = parse_with(&GRE, "ttl 256", &[]).unwrap_err();
        assert_eq!((e.to_string().as_str(), e.exit_code()), ("Error: argument \"256\" is wrong: invalid TTL\n", 255));
        let e = parse_with(&GRE, "remote 2001:db8::1", &[]).unwrap_err();
        assert_eq!(e.to_string(), "Error: inet address is expected rather than \"2001:db8::1\".");
        assert_eq!(parse_with(&GRE, "dev nosuch", &[]).unwrap_err().exit_code(), 255);
        assert_eq!(parse_with(&GRE, "bogus", &[]).unwrap_err().exit_code(), 1);
        assert_eq!(parse_with(&GRE, "key", &[]).unwrap_err().exit_code(), 255);
    }

    #[test]
    fn prints_like_ip() {
        let d = parse_with(&GRE, "remote 192.0.2.2 local 192.0.2.1 ttl 255 key 42 csum", &[]).unwrap();
        assert_eq!(
            render("gre", &d, false),
            "remote 192.0.2.2 local 192.0.2.1 ttl 255 ikey 0.0.0.42 okey 0.0.0.42 icsum ocsum "
        );
        let d = parse_with(&GRE, "nopmtudisc tos 0x10 encap fou encap-dport 5555", &[]).unwrap();
        assert_eq!(
            render("gre", &d, false),
            "remote any local any ttl inherit tos 0x10 nopmtudisc encap fou encap-sport auto encap-dport 5555 \
             noencap-csum encap-csum6 noencap-remcsum "
                .replace("encap-csum6", "noencap-csum6")
        );
        let json = render("gre", &d, true);
        assert!(json.contains("\"remote\":\"any\""), "{json}");
        assert!(json.contains("\"ttl\":0,\"tos\":\"0x10\",\"pmtudisc\":false"), "{json}");
        assert!(json.contains("\"encap\":{\"type\":\"fou\",\"sport\":0,\"dport\":5555,\"csum\":false"), "{json}");
    }
}
