#![no_main]
//! Command lines (`[ip|rtun] WORDS…`, one a line) run in-process by
//! rtun::run, in a private network namespace (fuzz/src/lib.rs); the lines
//! are chosen and checked by rtun::fuzzing (`command_lines`, `check_run`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(lines) = rtun::fuzzing::command_lines(data) else { return };
    rtun_fuzz::run_lines(lines, rtun::fuzzing::check_run);
});
