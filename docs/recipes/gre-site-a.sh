# Site A: uplink eth0 198.51.100.1, LAN 10.1.0.0/24 on lan0.
rtun tunnel add gre1 mode gre local 198.51.100.1 remote 198.51.100.2 ttl 255
rtun link set gre1 up
rtun address add 10.255.0.1/30 dev gre1
rtun route add 10.2.0.0/24 via 10.255.0.2 dev gre1
rtun sysctl -w net.ipv4.ip_forward=1 --persist
rtun nft add accept proto gre src 198.51.100.2
rtun nft add forward iif gre1
rtun nft add forward oif gre1
rtun nft add masquerade src 10.1.0.0/24 oif eth0
rtun nft add clamp-mss oif gre1
