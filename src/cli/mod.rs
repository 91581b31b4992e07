//! The command line: global options, the grammar tables, the word walker
//! and batch-file reading.

pub mod batch;
pub mod bytes;
pub mod grammar;
pub mod help;
pub mod options;
pub mod words;
