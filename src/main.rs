//! The rtun executable: everything lives in the library (`src/lib.rs`).

fn main() {
    // A closed stdout (`rtun link | head -1`) is not an error worth a panic.
    // SAFETY: restoring the default SIGPIPE disposition, as C programs have.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Bytes that are not UTF-8 ride in the words (`cli::bytes`).
    let args: Vec<String> = std::env::args_os().map(|a| rtun::cli::bytes::word_os(&a)).collect();
    std::process::exit(rtun::run(args));
}
