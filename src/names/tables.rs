//! iproute2's name tables: routing tables, protocols, scopes, realms
//! (placeholder, being written).
