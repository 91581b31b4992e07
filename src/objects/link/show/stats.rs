//! `-s` link statistics: iproute2's `print_stats64` tables (column widths
//! grow to fit the numbers) and the `stats64` JSON object.

use std::io::{self, Write};

use crate::cli::options::Options;
use crate::print::Printer;

/// The counters of IFLA_STATS64 (or the 32-bit IFLA_STATS), widened.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counters {
    pub rx_packets: u64,
    pub tx_packets: u64,
    pub rx_bytes: u64,
    pub tx_bytes: u64,
    pub rx_errors: u64,
    pub tx_errors: u64,
    pub rx_dropped: u64,
    pub tx_dropped: u64,
    pub multicast: u64,
    pub collisions: u64,
    pub rx_length_errors: u64,
    pub rx_over_errors: u64,
    pub rx_crc_errors: u64,
    pub rx_frame_errors: u64,
    pub rx_fifo_errors: u64,
    pub rx_missed_errors: u64,
    pub tx_aborted_errors: u64,
    pub tx_carrier_errors: u64,
    pub tx_fifo_errors: u64,
    pub tx_heartbeat_errors: u64,
    pub tx_window_errors: u64,
    pub rx_compressed: u64,
    pub tx_compressed: u64,
    pub rx_nohandler: u64,
    pub rx_otherhost_dropped: u64,
}

impl Counters {
    /// `struct rtnl_link_stats64` as the kernel sent it: fields it did not
    /// send are zero (iproute2 copies what there is into a zeroed struct).
    pub fn from64(b: &[u8]) -> Self {
        Self::from_fields(|i| b.get(i * 8..i * 8 + 8).and_then(crate::netlink::attr::u64_of).unwrap_or(0))
    }

    /// `struct rtnl_link_stats` (32-bit counters, no `rx_otherhost_dropped`).
    pub fn from32(b: &[u8]) -> Self {
        let mut c = Self::from_fields(|i| b.get(i * 4..i * 4 + 4).and_then(crate::netlink::attr::u32_of).map_or(0, u64::from));
        c.rx_otherhost_dropped = 0;
        c
    }

    /// The fields in the kernel's order, the `i`-th from `field(i)`.
    fn from_fields(field: impl Fn(usize) -> u64) -> Self {
        Counters {
            rx_packets: field(0),
            tx_packets: field(1),
            rx_bytes: field(2),
            tx_bytes: field(3),
            rx_errors: field(4),
            tx_errors: field(5),
            rx_dropped: field(6),
            tx_dropped: field(7),
            multicast: field(8),
            collisions: field(9),
            rx_length_errors: field(10),
            rx_over_errors: field(11),
            rx_crc_errors: field(12),
            rx_frame_errors: field(13),
            rx_fifo_errors: field(14),
            rx_missed_errors: field(15),
            tx_aborted_errors: field(16),
            tx_carrier_errors: field(17),
            tx_fifo_errors: field(18),
            tx_heartbeat_errors: field(19),
            tx_window_errors: field(20),
            rx_compressed: field(21),
            tx_compressed: field(22),
            rx_nohandler: field(23),
            rx_otherhost_dropped: field(24),
        }
    }
}

/// Widen `cols` to fit each value's decimal digits (`size_columns`);
/// with `-h` numbers keep the header widths.
fn size_columns(cols: &mut [usize; 8], human: bool, values: [u64; 8]) {
    if human {
        return;
    }
    for (c, v) in cols.iter_mut().zip(values) {
        let len = v.checked_ilog10().map_or(1, |d| d as usize + 1);
        if len > *c {
            *c = len;
        }
    }
}

/// `n` spaces.
fn spaces(t: &mut String, n: usize) {
    const SPACES: &str = "                                ";
    let mut left = n;
    while left > 0 {
        let k = left.min(SPACES.len());
        t.push_str(&SPACES[..k]);
        left -= k;
    }
}

/// `%*s`: `text` right-aligned in `width`.
fn right(t: &mut String, width: usize, text: &str) {
    spaces(t, width.saturating_sub(text.len()));
    t.push_str(text);
}

/// A header line of the table: `lead`, the first column's word in
/// `first_width`, then each column's word after a space.
fn header(t: &mut String, lead: &str, first_width: usize, first: &str, rest: &[(usize, &str)]) {
    t.push_str(lead);
    right(t, first_width, first);
    for (width, word) in rest {
        t.push(' ');
        right(t, *width, word);
    }
}

/// `print_num` into `t`: right-aligned in `width`, then a space; `-h`
/// scales by 1000 (or 1024 with `-iec`) with a unit letter.
pub fn put(t: &mut String, width: usize, count: u64, opts: &Options) {
    use std::fmt::Write as _;
    let base: u64 = if opts.iec { 1024 } else { 1000 };
    if opts.human == 0 || count < base {
        let mut digits = [0u8; 20];
        let (mut v, mut n) = (count, digits.len());
        loop {
            n -= 1;
            digits[n] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        right(t, width, std::str::from_utf8(&digits[n..]).unwrap_or(""));
        t.push(' ');
        return;
    }
    let prefixes = b"kMGTPE";
    let mut i = 0;
    let mut powi: u64 = 1;
    loop {
        powi = powi.saturating_mul(base);
        if count / base < powi {
            break;
        }
        if i + 1 >= prefixes.len() {
            break;
        }
        i += 1;
    }
    let mut precision = 2usize;
    let mut powj: u64 = 1;
    while precision > 0 {
        powj *= 10;
        if count / powi < powj {
            break;
        }
        precision -= 1;
    }
    let text = format!(
        "{:.*}{}{}",
        precision,
        count as f64 / powi as f64,
        prefixes[i] as char,
        if opts.iec { "i" } else { "" }
    );
    let _ = write!(t, "{text:>width$} ");
}

/// The statistics of one link under `key` (`stats64` or `stats`).
pub fn print<W: Write>(p: &mut Printer<W>, s: &Counters, carrier_changes: Option<u32>, key: &str, opts: &Options) -> io::Result<()> {
    let level = opts.stats;
    if p.is_json() {
        p.open_object(Some(key))?;
        p.open_object(Some("rx"))?;
        p.json_num("bytes", s.rx_bytes)?;
        p.json_num("packets", s.rx_packets)?;
        p.json_num("errors", s.rx_errors)?;
        p.json_num("dropped", s.rx_dropped)?;
        p.json_num("over_errors", s.rx_over_errors)?;
        p.json_num("multicast", s.multicast)?;
        if s.rx_compressed != 0 {
            p.json_num("compressed", s.rx_compressed)?;
        }
        if level > 1 {
            p.json_num("length_errors", s.rx_length_errors)?;
            p.json_num("crc_errors", s.rx_crc_errors)?;
            p.json_num("frame_errors", s.rx_frame_errors)?;
            p.json_num("fifo_errors", s.rx_fifo_errors)?;
            p.json_num("missed_errors", s.rx_missed_errors)?;
            if s.rx_nohandler != 0 {
                p.json_num("nohandler", s.rx_nohandler)?;
            }
            if s.rx_otherhost_dropped != 0 {
                p.json_num("otherhost", s.rx_otherhost_dropped)?;
            }
        }
        p.close_object()?;
        p.open_object(Some("tx"))?;
        p.json_num("bytes", s.tx_bytes)?;
        p.json_num("packets", s.tx_packets)?;
        p.json_num("errors", s.tx_errors)?;
        p.json_num("dropped", s.tx_dropped)?;
        p.json_num("carrier_errors", s.tx_carrier_errors)?;
        p.json_num("collisions", s.collisions)?;
        if s.tx_compressed != 0 {
            p.json_num("compressed", s.tx_compressed)?;
        }
        if level > 1 {
            p.json_num("aborted_errors", s.tx_aborted_errors)?;
            p.json_num("fifo_errors", s.tx_fifo_errors)?;
            p.json_num("window_errors", s.tx_window_errors)?;
            p.json_num("heartbeat_errors", s.tx_heartbeat_errors)?;
            if let Some(cc) = carrier_changes {
                p.json_num("carrier_changes", cc)?;
            }
        }
        p.close_object()?;
        return p.close_object();
    }

    let human = opts.human > 0;
    let mut cols = [10usize, 7, 6, 7, 7, 7, 10, 9];
    size_columns(&mut cols, human, [s.rx_bytes, s.rx_packets, s.rx_errors, s.rx_dropped, s.rx_missed_errors, s.multicast, s.rx_compressed, 0]);
    if level > 1 {
        size_columns(&mut cols, human, [0, s.rx_length_errors, s.rx_crc_errors, s.rx_frame_errors, s.rx_fifo_errors, s.rx_over_errors, s.rx_nohandler, s.rx_otherhost_dropped]);
    }
    size_columns(&mut cols, human, [s.tx_bytes, s.tx_packets, s.tx_errors, s.tx_dropped, s.tx_carrier_errors, s.collisions, s.tx_compressed, 0]);
    if level > 1 {
        let cc = carrier_changes.map_or(0, u64::from);
        size_columns(&mut cols, human, [0, 0, s.tx_aborted_errors, s.tx_fifo_errors, s.tx_window_errors, s.tx_heartbeat_errors, cc, 0]);
    }
    let [c0, c1, c2, c3, c4, c5, c6, c7] = cols;
    let sl = p.line_sep();

    let mut t = String::with_capacity(1024);
    header(&mut t, "    RX: ", c0.saturating_sub(4), "bytes", &[(c1, "packets"), (c2, "errors"), (c3, "dropped"), (c4, "missed"), (c5, "mcast"), (c6, if s.rx_compressed != 0 { "compressed" } else { "" })]);
    t.push_str(sl);
    t.push_str("    ");
    for (w, v) in [(c0, s.rx_bytes), (c1, s.rx_packets), (c2, s.rx_errors), (c3, s.rx_dropped), (c4, s.rx_missed_errors), (c5, s.multicast)] {
        put(&mut t, w, v, opts);
    }
    if s.rx_compressed != 0 {
        put(&mut t, c6, s.rx_compressed, opts);
    }
    if level > 1 {
        t.push_str(sl);
        header(&mut t, "    RX errors:", c0.saturating_sub(10), "", &[(c1, "length"), (c2, "crc"), (c3, "frame"), (c4, "fifo"), (c5, "overrun")]);
        if s.rx_nohandler != 0 {
            right(&mut t, c6 + 1, " nohandler");
        }
        if s.rx_otherhost_dropped != 0 {
            right(&mut t, c7 + 1, " otherhost");
        }
        t.push_str(sl);
        spaces(&mut t, c0 + 5);
        for (w, v) in [(c1, s.rx_length_errors), (c2, s.rx_crc_errors), (c3, s.rx_frame_errors), (c4, s.rx_fifo_errors), (c5, s.rx_over_errors)] {
            put(&mut t, w, v, opts);
        }
        if s.rx_nohandler != 0 {
            put(&mut t, c6, s.rx_nohandler, opts);
        }
        if s.rx_otherhost_dropped != 0 {
            put(&mut t, c7, s.rx_otherhost_dropped, opts);
        }
    }
    t.push_str(sl);
    header(&mut t, "    TX: ", c0.saturating_sub(4), "bytes", &[(c1, "packets"), (c2, "errors"), (c3, "dropped"), (c4, "carrier"), (c5, "collsns"), (c6, if s.tx_compressed != 0 { "compressed" } else { "" })]);
    t.push_str(sl);
    t.push_str("    ");
    for (w, v) in [(c0, s.tx_bytes), (c1, s.tx_packets), (c2, s.tx_errors), (c3, s.tx_dropped), (c4, s.tx_carrier_errors), (c5, s.collisions)] {
        put(&mut t, w, v, opts);
    }
    if s.tx_compressed != 0 {
        put(&mut t, c6, s.tx_compressed, opts);
    }
    if level > 1 {
        t.push_str(sl);
        header(&mut t, "    TX errors:", c0.saturating_sub(10), "", &[(c1, "aborted"), (c2, "fifo"), (c3, "window"), (c4, "heartbt"), (c5, if carrier_changes.is_some() { "transns" } else { "" })]);
        t.push_str(sl);
        spaces(&mut t, c0 + 5);
        for (w, v) in [(c1, s.tx_aborted_errors), (c2, s.tx_fifo_errors), (c3, s.tx_window_errors), (c4, s.tx_heartbeat_errors)] {
            put(&mut t, w, v, opts);
        }
        if let Some(cc) = carrier_changes {
            put(&mut t, c5, u64::from(cc), opts);
        }
    }
    p.text(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(width: usize, count: u64, opts: &Options) -> String {
        let mut t = String::new();
        put(&mut t, width, count, opts);
        t
    }

    #[test]
    fn human_numbers() {
        let mut o = Options::default();
        assert_eq!(num(7, 12, &o), "     12 ");
        o.human = 1;
        assert_eq!(num(7, 999, &o), "    999 ");
        assert_eq!(num(7, 1500, &o), "  1.50k ");
        assert_eq!(num(7, 123456, &o), "   123k ");
        assert_eq!(num(7, 12_345_678, &o), "  12.3M ");
        o.iec = true;
        assert_eq!(num(7, 2048, &o), " 2.00ki ");
    }

    #[test]
    fn counters_from_raw_structs() {
        let raw64: Vec<u8> = (1..=25u64).flat_map(|v| v.to_ne_bytes()).collect();
        let c = Counters::from64(&raw64);
        assert_eq!((c.rx_packets, c.tx_bytes, c.rx_nohandler, c.rx_otherhost_dropped), (1, 4, 24, 25));
        // An older kernel's shorter struct: the rest is zero.
        let c = Counters::from64(&raw64[..23 * 8]);
        assert_eq!((c.tx_compressed, c.rx_nohandler), (23, 0));
        let raw32: Vec<u8> = (1..=25u32).flat_map(|v| v.to_ne_bytes()).collect();
        let c = Counters::from32(&raw32);
        assert_eq!((c.multicast, c.rx_nohandler, c.rx_otherhost_dropped), (9, 24, 0));
    }

    #[test]
    fn columns_grow_with_digits() {
        let mut cols = [10, 7, 6, 7, 7, 7, 10, 9];
        size_columns(&mut cols, false, [12345678901, 1, 0, 0, 0, 0, 0, 0]);
        assert_eq!(cols[0], 11);
        assert_eq!(cols[1], 7);
    }
}
