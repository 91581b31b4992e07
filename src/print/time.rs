//! The clock as iproute2 prints it: `asctime` text (`Tue Dec  1 15:46:54
//! 2026`) and `-tshort`'s `2026-12-01T15:46:54.598048`, in local time.

/// Now: seconds and microseconds since the epoch (`gettimeofday`).
pub fn now() -> (i64, u32) {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    (d.as_secs() as i64, d.subsec_micros())
}

/// `localtime_r` of `secs`.
pub fn local(secs: i64) -> libc::tm {
    // SAFETY: tm is plain data; all-zero is a valid value.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let t = secs as libc::time_t;
    // SAFETY: both pointers are valid for the call; localtime_r fills `tm`.
    unsafe { libc::localtime_r(&t, &mut tm) };
    tm
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// C's `asctime` without its newline: `Tue Dec  1 15:46:54 2026`.
pub fn asctime(secs: i64) -> String {
    let tm = local(secs);
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS.get(tm.tm_wday as usize).unwrap_or(&"???"),
        MONTHS.get(tm.tm_mon as usize).unwrap_or(&"???"),
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year + 1900
    )
}

/// `%Y-%m-%dT%H:%M:%S.%06ld`: `2026-12-01T15:46:54.598048`.
pub fn short(secs: i64, usec: u32) -> String {
    let tm = local(secs);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{usec:06}",
        tm.tm_year + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn asctime_pads_the_day_with_a_space() {
        // The machines this runs on keep UTC.
        if std::env::var_os("TZ").is_some() {
            return;
        }
        assert_eq!(super::asctime(1_796_139_414), "Tue Dec  1 15:36:54 2026");
        assert_eq!(super::short(1_796_139_414, 598_048), "2026-12-01T15:36:54.598048");
    }
}
