//! IP protocol names rtun knows without /etc/protocols (minimal images
//! have none), and the names nft prints (which do come from
//! /etc/protocols, so the JSON document matches `nft -j` on the same host).

/// rtun's names. `ipip` is protocol 4 (IPPROTO_IPIP, what Linux's ipip
/// tunnels carry); /etc/protocols calls 4 `ipencap` and gives `ipip` to 94.
const KNOWN: &[(&str, u8)] = &[
    ("icmp", 1),
    ("ipip", 4),
    ("tcp", 6),
    ("udp", 17),
    ("ipv6", 41),
    ("gre", 47),
    ("esp", 50),
    ("ah", 51),
    ("icmpv6", 58),
    ("sctp", 132),
];

pub const TCP: u8 = 6;
pub const UDP: u8 = 17;

/// A protocol word: one of rtun's names, or a number 0–255.
pub fn parse(word: &str) -> Option<u8> {
    if let Some((_, n)) = KNOWN.iter().find(|(name, _)| *name == word) {
        return Some(*n);
    }
    crate::parse::get_u8(word, 0)
}

/// rtun's word for a protocol number (a number when it has no name).
pub fn name(n: u8) -> String {
    KNOWN.iter().find(|(_, v)| *v == n).map_or_else(|| n.to_string(), |(name, _)| (*name).to_string())
}

/// The name nft shows for a protocol: the first /etc/protocols entry with
/// that number (what getprotobynumber returns), or None without one.
pub fn system_name(n: u8) -> Option<String> {
    let text = std::fs::read_to_string("/etc/protocols").ok()?;
    text.lines().find_map(|line| {
        let line = line.split('#').next().unwrap_or("");
        let mut fields = line.split_whitespace();
        let name = fields.next()?;
        let number: u8 = fields.next()?.parse().ok()?;
        (number == n).then(|| name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        assert_eq!(parse("gre"), Some(47));
        assert_eq!(parse("icmpv6"), Some(58));
        assert_eq!(parse("ipip"), Some(4));
        assert_eq!(parse("0x2f"), Some(47));
        assert_eq!(parse("256"), None);
        assert_eq!(parse("gree"), None);
        assert_eq!(name(41), "ipv6");
        assert_eq!(name(99), "99");
    }
}
