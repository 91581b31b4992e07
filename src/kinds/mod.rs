//! One module per link kind (veth, bridge, vxlan, …): its `link add`
//! keywords, its IFLA_INFO_DATA, and how `-d` prints it.

use std::io::{self, Write};

use netlink_packet_route::link::{InfoData, InfoPortData};

use crate::cli::options::Options;
use crate::names::links::LinkNames;
use crate::print::Printer;

/// `-d` output of a link's kind data (iproute2's `lu->print_opt`), called
/// by `link show` right after `    KIND ` was printed, inside the JSON
/// object `linkinfo`.
///
/// Contract: for a kind iproute2 has a printer for, open the JSON object
/// `info_data` (`p.open_object(Some("info_data"))`), print the fields —
/// even when `data` is None (the kernel sent no IFLA_INFO_DATA; iproute2
/// then calls the printer with no attributes) — and close it. For kinds
/// without a printer (veth, ifb, …) print nothing at all. `links` holds
/// the interface names (loaded when `-d` is given) for fields like vxlan's
/// `dev NAME`; `opts` gives `-d -d`, `-s`, `-N`….
///
/// Placeholder until the kinds modules are merged: prints nothing.
pub fn print_kind_data<W: Write>(
    _p: &mut Printer<W>,
    _kind: &str,
    _data: Option<&InfoData>,
    _links: &LinkNames,
    _opts: &Options,
) -> io::Result<()> {
    Ok(())
}

/// The same for a port's data (`bridge_slave`, `bond_slave`): `kind` is
/// the master's kind without `_slave`; the JSON object is `info_slave_data`.
///
/// Placeholder until the kinds modules are merged: prints nothing.
pub fn print_slave_data<W: Write>(
    _p: &mut Printer<W>,
    _kind: &str,
    _data: Option<&InfoPortData>,
    _links: &LinkNames,
    _opts: &Options,
) -> io::Result<()> {
    Ok(())
}
