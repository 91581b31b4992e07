//! `link add|set|change|replace|delete` (placeholder, being written).
