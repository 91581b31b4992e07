//! The one netlink attribute codec (TLVs: `struct nlattr` + payload, padded
//! to 4 bytes), for every family rtun speaks: rtnetlink's links, addresses,
//! routes and kinds, and nf_tables.
//!
//! Reading (`Attrs`): the attribute type is masked with `NLA_TYPE_MASK`
//! (the NESTED and NET_BYTEORDER flag bits are not part of it), the first
//! attribute of a type wins (iproute2's `parse_rtattr`), and a length that
//! does not fit ends the walk — no panic on any input. Integer getters say
//! which byte order they read and give None for a payload too short.
//!
//! Writing (`AttrWriter`): `put` and its typed forms, nests, and a bound:
//! an attribute's length is a u16, so a payload (or nest) longer than
//! `MAX_PAYLOAD` cannot be encoded. The writer then records the overflow
//! and `finish` returns `TooLong` instead of the bytes — a value from the
//! user is refused, never truncated and never a panic.

pub const NLA_F_NESTED: u16 = 0x8000;
pub const NLA_F_NET_BYTEORDER: u16 = 0x4000;
pub const NLA_TYPE_MASK: u16 = !(NLA_F_NESTED | NLA_F_NET_BYTEORDER);
/// `struct nlattr`'s size.
pub const NLA_HDRLEN: usize = 4;
/// The longest payload an attribute can carry: its 16-bit length counts
/// the header too.
pub const MAX_PAYLOAD: usize = u16::MAX as usize - NLA_HDRLEN;

/// `NLA_ALIGN`.
pub const fn align(n: usize) -> usize {
    (n + 3) & !3
}

// ---------------------------------------------------------------- reading

/// The attributes of a buffer, read in place.
#[derive(Clone, Copy, Debug, Default)]
pub struct Attrs<'a> {
    buf: &'a [u8],
}

/// One attribute: its type (masked), whether it was flagged nested, and
/// its payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attr<'a> {
    pub kind: u16,
    pub nested: bool,
    pub payload: &'a [u8],
}

impl<'a> Attrs<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Attrs { buf }
    }

    /// Every attribute in order (repeated types included).
    pub fn iter(&self) -> Iter<'a> {
        Iter { rest: self.buf }
    }

    /// The payload of the first attribute of type `kind`.
    pub fn get(&self, kind: u16) -> Option<&'a [u8]> {
        self.iter().find(|a| a.kind == kind).map(|a| a.payload)
    }

    pub fn has(&self, kind: u16) -> bool {
        self.get(kind).is_some()
    }

    /// The attributes nested in the first attribute of type `kind`.
    pub fn nested(&self, kind: u16) -> Option<Attrs<'a>> {
        self.get(kind).map(Attrs::new)
    }

    /// iproute2's `tb[]`: the first payload of each type below `N`, one
    /// pass over the buffer (for messages read field by field).
    pub fn table<const N: usize>(&self) -> [Option<&'a [u8]>; N] {
        let mut tb = [None; N];
        for a in self.iter() {
            if let Some(slot) = tb.get_mut(a.kind as usize) {
                slot.get_or_insert(a.payload);
            }
        }
        tb
    }

    pub fn u8(&self, kind: u16) -> Option<u8> {
        self.get(kind).and_then(u8_of)
    }
    /// Host byte order.
    pub fn u16(&self, kind: u16) -> Option<u16> {
        self.get(kind).and_then(u16_of)
    }
    /// Network byte order.
    pub fn be16(&self, kind: u16) -> Option<u16> {
        self.get(kind).and_then(be16_of)
    }
    /// Host byte order.
    pub fn u32(&self, kind: u16) -> Option<u32> {
        self.get(kind).and_then(u32_of)
    }
    /// Network byte order.
    pub fn be32(&self, kind: u16) -> Option<u32> {
        self.get(kind).and_then(be32_of)
    }
    /// Host byte order.
    pub fn u64(&self, kind: u16) -> Option<u64> {
        self.get(kind).and_then(u64_of)
    }
    /// Network byte order.
    pub fn be64(&self, kind: u16) -> Option<u64> {
        self.get(kind).and_then(be64_of)
    }
    /// A string attribute's bytes, up to its first NUL (names are bytes:
    /// not necessarily UTF-8).
    pub fn bytes_z(&self, kind: u16) -> Option<&'a [u8]> {
        self.get(kind).map(until_nul)
    }
}

/// The walk behind `Attrs::iter` (`RTA_OK`/`RTA_NEXT`).
#[derive(Clone, Debug)]
pub struct Iter<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Iter<'a> {
    type Item = Attr<'a>;

    fn next(&mut self) -> Option<Attr<'a>> {
        let b = self.rest;
        if b.len() < NLA_HDRLEN {
            return None;
        }
        let len = u16::from_ne_bytes([b[0], b[1]]) as usize;
        let raw = u16::from_ne_bytes([b[2], b[3]]);
        if len < NLA_HDRLEN || len > b.len() {
            self.rest = &[];
            return None;
        }
        self.rest = &b[align(len).min(b.len())..];
        Some(Attr { kind: raw & NLA_TYPE_MASK, nested: raw & NLA_F_NESTED != 0, payload: &b[NLA_HDRLEN..len] })
    }
}

pub fn u8_of(v: &[u8]) -> Option<u8> {
    v.first().copied()
}
pub fn u16_of(v: &[u8]) -> Option<u16> {
    Some(u16::from_ne_bytes(v.get(..2)?.try_into().ok()?))
}
pub fn be16_of(v: &[u8]) -> Option<u16> {
    Some(u16::from_be_bytes(v.get(..2)?.try_into().ok()?))
}
pub fn u32_of(v: &[u8]) -> Option<u32> {
    Some(u32::from_ne_bytes(v.get(..4)?.try_into().ok()?))
}
pub fn be32_of(v: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(v.get(..4)?.try_into().ok()?))
}
pub fn u64_of(v: &[u8]) -> Option<u64> {
    Some(u64::from_ne_bytes(v.get(..8)?.try_into().ok()?))
}
pub fn be64_of(v: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(v.get(..8)?.try_into().ok()?))
}

/// A C string's bytes: up to the first NUL, or all of them.
pub fn until_nul(v: &[u8]) -> &[u8] {
    &v[..v.iter().position(|&c| c == 0).unwrap_or(v.len())]
}

// ---------------------------------------------------------------- writing

/// An attribute (or nest) too long for its 16-bit length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong {
    /// The type of the first attribute that did not fit.
    pub kind: u16,
    /// The payload length it would have needed.
    pub len: usize,
}

/// Attributes being written, in the order they are put.
#[derive(Clone, Debug, Default)]
pub struct AttrWriter {
    buf: Vec<u8>,
    too_long: Option<TooLong>,
}

impl AttrWriter {
    pub fn new() -> Self {
        AttrWriter::default()
    }

    /// `kind` with `payload` (padded). A payload over `MAX_PAYLOAD` is not
    /// written; `finish` reports it.
    pub fn put(&mut self, kind: u16, payload: &[u8]) -> &mut Self {
        if payload.len() > MAX_PAYLOAD {
            self.too_long.get_or_insert(TooLong { kind, len: payload.len() });
            return self;
        }
        self.buf.extend_from_slice(&((NLA_HDRLEN + payload.len()) as u16).to_ne_bytes());
        self.buf.extend_from_slice(&kind.to_ne_bytes());
        self.buf.extend_from_slice(payload);
        self.buf.resize(align(self.buf.len()), 0);
        self
    }

    /// An attribute without a payload (a flag).
    pub fn flag(&mut self, kind: u16) -> &mut Self {
        self.put(kind, &[])
    }
    pub fn u8(&mut self, kind: u16, v: u8) -> &mut Self {
        self.put(kind, &[v])
    }
    /// Host byte order (iproute2's `addattr16`).
    pub fn u16(&mut self, kind: u16, v: u16) -> &mut Self {
        self.put(kind, &v.to_ne_bytes())
    }
    /// Network byte order.
    pub fn be16(&mut self, kind: u16, v: u16) -> &mut Self {
        self.put(kind, &v.to_be_bytes())
    }
    /// Host byte order (iproute2's `addattr32`).
    pub fn u32(&mut self, kind: u16, v: u32) -> &mut Self {
        self.put(kind, &v.to_ne_bytes())
    }
    /// Network byte order (nf_tables' convention).
    pub fn be32(&mut self, kind: u16, v: u32) -> &mut Self {
        self.put(kind, &v.to_be_bytes())
    }
    pub fn u64(&mut self, kind: u16, v: u64) -> &mut Self {
        self.put(kind, &v.to_ne_bytes())
    }
    pub fn be64(&mut self, kind: u16, v: u64) -> &mut Self {
        self.put(kind, &v.to_be_bytes())
    }
    /// A C string: the bytes, then a NUL (names are bytes, not UTF-8).
    pub fn str_z(&mut self, kind: u16, s: &[u8]) -> &mut Self {
        if s.len() + 1 > MAX_PAYLOAD {
            self.too_long.get_or_insert(TooLong { kind, len: s.len() + 1 });
            return self;
        }
        self.buf.extend_from_slice(&((NLA_HDRLEN + s.len() + 1) as u16).to_ne_bytes());
        self.buf.extend_from_slice(&kind.to_ne_bytes());
        self.buf.extend_from_slice(s);
        self.buf.push(0);
        self.buf.resize(align(self.buf.len()), 0);
        self
    }

    /// A nest of type `kind` (flagged `NLA_F_NESTED` when `flagged`, as
    /// nf_tables wants; rtnetlink's IFLA_LINKINFO is sent without the flag
    /// by iproute2) whose attributes `fill` writes.
    pub fn nest_with(&mut self, kind: u16, flagged: bool, fill: impl FnOnce(&mut AttrWriter)) -> &mut Self {
        let start = self.buf.len();
        let kind = if flagged { kind | NLA_F_NESTED } else { kind };
        self.buf.extend_from_slice(&[0, 0]);
        self.buf.extend_from_slice(&kind.to_ne_bytes());
        let mut inner = AttrWriter { buf: std::mem::take(&mut self.buf), too_long: None };
        fill(&mut inner);
        self.buf = inner.buf;
        if let Some(t) = inner.too_long {
            self.too_long.get_or_insert(t);
        }
        let len = self.buf.len() - start;
        if len > u16::MAX as usize {
            self.buf.truncate(start);
            self.too_long.get_or_insert(TooLong { kind: kind & NLA_TYPE_MASK, len: len - NLA_HDRLEN });
            return self;
        }
        self.buf[start..start + 2].copy_from_slice(&(len as u16).to_ne_bytes());
        self
    }

    /// A nest without the NESTED flag (rtnetlink's convention).
    pub fn nest(&mut self, kind: u16, fill: impl FnOnce(&mut AttrWriter)) -> &mut Self {
        self.nest_with(kind, false, fill)
    }

    /// The bytes written so far, however the writer fares.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// The attributes, or the first one that could not be encoded.
    pub fn finish(self) -> Result<Vec<u8>, TooLong> {
        match self.too_long {
            Some(t) => Err(t),
            None => Ok(self.buf),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_nests_flags_and_padding() {
        let mut w = AttrWriter::new();
        w.str_z(3, b"v\xff0").nest_with(18, true, |n| {
            n.be32(1, 0x0102_0304).u16(2, 7).flag(4);
        });
        w.u8(9, 1).u64(10, u64::MAX - 1);
        let bytes = w.finish().expect("fits");
        assert_eq!(bytes.len() % 4, 0);
        let a = Attrs::new(&bytes);
        let all: Vec<Attr> = a.iter().collect();
        assert_eq!(all.len(), 4);
        assert_eq!(a.bytes_z(3), Some(&b"v\xff0"[..]), "names are bytes");
        assert!(all[1].nested && all[1].kind == 18, "the nested flag is reported and masked off the type");
        let n = a.nested(18).expect("nest");
        assert_eq!((n.be32(1), n.u16(2), n.has(4), n.get(4)), (Some(0x0102_0304), Some(7), true, Some(&[][..])));
        assert_eq!((a.u8(9), a.u64(10)), (Some(1), Some(u64::MAX - 1)));
        let tb: [Option<&[u8]>; 11] = a.table();
        assert_eq!(tb[9], Some(&[1u8][..]));
        assert_eq!(tb[0], None);
    }

    #[test]
    fn the_first_attribute_of_a_type_wins() {
        let mut w = AttrWriter::new();
        w.u32(5, 1).u32(5, 2);
        let bytes = w.finish().unwrap();
        let a = Attrs::new(&bytes);
        assert_eq!(a.u32(5), Some(1));
        let tb: [Option<&[u8]>; 6] = a.table();
        assert_eq!(tb[5].and_then(u32_of), Some(1));
    }

    #[test]
    fn short_and_broken_input_never_panics() {
        // Too short for its type, a length past the end, a length below
        // the header, trailing garbage.
        let mut w = AttrWriter::new();
        w.put(1, &[7]);
        let mut bytes = w.finish().unwrap();
        let a = Attrs::new(&bytes);
        assert_eq!((a.u8(1), a.u16(1), a.u32(1), a.be64(1)), (Some(7), None, None, None));
        bytes.extend_from_slice(&[200, 0, 2, 0, 1]);
        assert_eq!(Attrs::new(&bytes).iter().count(), 1);
        assert_eq!(Attrs::new(&[2, 0, 1, 0]).iter().count(), 0);
        for cut in 0..bytes.len() {
            let _ = Attrs::new(&bytes[..cut]).iter().count();
        }
    }

    #[test]
    fn too_long_is_refused_not_truncated() {
        let big = vec![b'x'; MAX_PAYLOAD];
        let mut w = AttrWriter::new();
        w.put(1, &big[..MAX_PAYLOAD]);
        assert_eq!(w.clone().finish().map(|b| b.len()), Ok(align(NLA_HDRLEN + MAX_PAYLOAD)));
        let mut w = AttrWriter::new();
        w.str_z(3, &big);
        assert_eq!(w.finish(), Err(TooLong { kind: 3, len: MAX_PAYLOAD + 1 }));
        // A nest whose content does not fit, though each part does.
        let mut w = AttrWriter::new();
        w.u32(1, 1).nest(2, |n| {
            n.put(1, &big[..40_000]).put(2, &big[..40_000]);
        });
        assert_eq!(w.finish().map_err(|t| t.kind), Err(2));
        // The first overflow is the one reported.
        let mut w = AttrWriter::new();
        w.put(7, &vec![0; 70_000]).put(8, &vec![0; 80_000]);
        assert_eq!(w.finish(), Err(TooLong { kind: 7, len: 70_000 }));
    }
}
