//! The rtun executable: everything lives in the library (`src/lib.rs`).

fn main() {
    // A closed stdout (`rtun link | head -1`) is not an error worth a panic.
    // SAFETY: restoring the default SIGPIPE disposition, as C programs have.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    std::process::exit(rtun::run(args));
}
