#![no_main]
//! rtun::fuzzing::nft_rule (see there and fuzz/README.md).

libfuzzer_sys::fuzz_target!(|data: &[u8]| rtun_fuzz::sandboxed(|| rtun::fuzzing::nft_rule(data)));
