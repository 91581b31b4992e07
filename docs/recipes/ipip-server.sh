# The server: 198.51.100.1, no LAN of its own; reaches 10.2.0.0/24.
rtun tunnel add ipip1 mode ipip local 198.51.100.1 remote 198.51.100.2 ttl 64
rtun link set ipip1 up
rtun address add 10.255.1.1/30 dev ipip1
rtun route add 10.2.0.0/24 via 10.255.1.2 dev ipip1
rtun nft add accept proto ipip src 198.51.100.2
