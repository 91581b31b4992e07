//! The rtun executable: everything lives in the library (`src/lib.rs`).

/// Whether descriptor 1 was closed when the process started, read before
/// Rust's runtime replaces a closed 0, 1 or 2 with /dev/null (C programs
/// see EBADF there, and procps's sysctl reports it).
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

extern "C" fn probe_stdout() {
    // SAFETY: fcntl(F_GETFD) only asks about a descriptor.
    let closed = unsafe { libc::fcntl(1, libc::F_GETFD) } == -1;
    STDOUT_CLOSED.store(closed, std::sync::atomic::Ordering::Relaxed);
}

/// Run by the C runtime before `main` (and before Rust's own set-up).
#[used]
#[link_section = ".init_array"]
static PROBE_STDOUT: extern "C" fn() = probe_stdout;

fn main() {
    // A closed stdout (`rtun link | head -1`) is not an error worth a panic.
    // SAFETY: restoring the default SIGPIPE disposition, as C programs have.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    if STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
        rtun::print::sink::note_closed_stdout();
    }
    // Bytes that are not UTF-8 ride in the words (`cli::bytes`).
    let args: Vec<String> = std::env::args_os().map(|a| rtun::cli::bytes::word_os(&a)).collect();
    std::process::exit(rtun::run(args));
}
