# The gateway: uplink 198.51.100.2, private LAN 10.2.0.0/24 on lan0.
# The LAN's hosts know no route back: the gateway masquerades for them.
rtun tunnel add ipip1 mode ipip local 198.51.100.2 remote 198.51.100.1 ttl 64
rtun link set ipip1 up
rtun address add 10.255.1.2/30 dev ipip1
rtun sysctl -w net.ipv4.ip_forward=1 --persist
rtun nft add accept proto ipip src 198.51.100.1
rtun nft add forward iif ipip1
rtun nft add forward oif ipip1
rtun nft add masquerade src 10.255.1.0/30 oif lan0
