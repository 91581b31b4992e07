# On each site: the rules, the tunnel (its routes go with it), forwarding.
rtun nft flush
rtun tunnel del gre1
rtun sysctl -w net.ipv4.ip_forward=0 --persist
