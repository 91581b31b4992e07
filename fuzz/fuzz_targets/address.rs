#![no_main]
//! rtun::fuzzing::address (see there and fuzz/README.md).

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtun_fuzz::sandboxed(|| rtun::fuzzing::address(data)));
