#![no_main]
//! rtun::fuzzing::neigh (see there and fuzz/README.md).

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtun_fuzz::sandboxed(|| rtun::fuzzing::neigh(data)));
