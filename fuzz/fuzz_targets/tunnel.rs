#![no_main]
//! rtun::fuzzing::tunnel (see there and fuzz/README.md).

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtun_fuzz::sandboxed(|| rtun::fuzzing::tunnel(data)));
