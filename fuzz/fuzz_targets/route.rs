#![no_main]
//! rtun::fuzzing::route (see there and fuzz/README.md).

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtun_fuzz::sandboxed(|| rtun::fuzzing::route(data)));
