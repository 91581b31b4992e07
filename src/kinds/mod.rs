//! One module per link kind (veth, bridge, vxlan, …): its `link add`
//! keywords, its IFLA_INFO_DATA, and how `-d` prints it.
