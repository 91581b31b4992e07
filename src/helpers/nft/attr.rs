//! Netlink attributes (TLVs) written and read by hand: nf_tables numbers
//! and nests are simple enough that a tiny writer/reader is clearer than
//! a typed message crate (netlink-packet-netfilter 0.4 knows only six
//! expression kinds, none of nat, masq, rt, byteorder or exthdr).

const NLA_F_NESTED: u16 = 0x8000;
const NLA_TYPE_MASK: u16 = 0x3fff;

/// An attribute buffer under construction.
#[derive(Default, Debug, Clone)]
pub struct Attrs {
    pub bytes: Vec<u8>,
}

impl Attrs {
    pub fn new() -> Self {
        Attrs::default()
    }

    pub fn put(&mut self, kind: u16, value: &[u8]) -> &mut Self {
        let len = 4 + value.len();
        self.bytes.extend_from_slice(&(len as u16).to_ne_bytes());
        self.bytes.extend_from_slice(&kind.to_ne_bytes());
        self.bytes.extend_from_slice(value);
        self.pad();
        self
    }

    pub fn str(&mut self, kind: u16, s: &str) -> &mut Self {
        let mut v = s.as_bytes().to_vec();
        v.push(0);
        self.put(kind, &v)
    }

    /// A 32-bit number in network byte order (nf_tables' convention).
    pub fn be32(&mut self, kind: u16, v: u32) -> &mut Self {
        self.put(kind, &v.to_be_bytes())
    }

    pub fn be64(&mut self, kind: u16, v: u64) -> &mut Self {
        self.put(kind, &v.to_be_bytes())
    }

    pub fn u8(&mut self, kind: u16, v: u8) -> &mut Self {
        self.put(kind, &[v])
    }

    /// A nested attribute whose content `fill` writes.
    pub fn nest(&mut self, kind: u16, fill: impl FnOnce(&mut Attrs)) -> &mut Self {
        let mut inner = Attrs::new();
        fill(&mut inner);
        self.put(kind | NLA_F_NESTED, &inner.bytes)
    }

    fn pad(&mut self) {
        while !self.bytes.len().is_multiple_of(4) {
            self.bytes.push(0);
        }
    }
}

/// Iterate over the attributes of a buffer: (type, value). Malformed
/// trailing bytes end the iteration (never a panic).
pub fn iter(buf: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = buf;
    std::iter::from_fn(move || {
        if rest.len() < 4 {
            return None;
        }
        let len = u16::from_ne_bytes([rest[0], rest[1]]) as usize;
        let kind = u16::from_ne_bytes([rest[2], rest[3]]) & NLA_TYPE_MASK;
        if len < 4 || len > rest.len() {
            return None;
        }
        let value = &rest[4..len];
        rest = &rest[((len + 3) & !3).min(rest.len())..];
        Some((kind, value))
    })
}

/// The value of the first attribute of type `kind`.
pub fn find(buf: &[u8], kind: u16) -> Option<&[u8]> {
    iter(buf).find(|(k, _)| *k == kind).map(|(_, v)| v)
}

pub fn be32(v: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(v.get(..4)?.try_into().ok()?))
}

pub fn be64(v: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(v.get(..8)?.try_into().ok()?))
}

/// A NUL-terminated string value.
pub fn string(v: &[u8]) -> String {
    let end = v.iter().position(|&c| c == 0).unwrap_or(v.len());
    String::from_utf8_lossy(&v[..end]).into_owned()
}

pub fn find_be32(buf: &[u8], kind: u16) -> Option<u32> {
    find(buf, kind).and_then(be32)
}

pub fn find_str(buf: &[u8], kind: u16) -> Option<String> {
    find(buf, kind).map(string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_nest_and_padding() {
        let mut a = Attrs::new();
        a.str(1, "rtun").nest(2, |n| {
            n.be32(1, 0x0102_0304);
        });
        a.u8(3, 9);
        assert_eq!(a.bytes.len() % 4, 0);
        let items: Vec<_> = iter(&a.bytes).collect();
        assert_eq!(items.len(), 3);
        assert_eq!(string(items[0].1), "rtun");
        assert_eq!(items[1].0, 2, "the nested flag is masked off");
        assert_eq!(find_be32(items[1].1, 1), Some(0x0102_0304));
        assert_eq!(items[2].1, &[9]);
    }

    #[test]
    fn truncated_input_stops() {
        let bad = [200u8, 0, 1, 0, 1, 2];
        assert_eq!(iter(&bad).count(), 0);
    }
}
