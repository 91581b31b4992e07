# Shell completion for rtun, generated from its grammar tables by
# `rtun completions SHELL`; do not edit (regenerate instead).
# fish: install as ~/.config/fish/completions/rtun.fish.

# __rtun_kw TABLE WORD: sets __rtun_v to the value spec of the keyword WORD
# selects ('' flag, - no guess, @live, =words), __rtun_k to 1 when the line
# then belongs to a link kind, 2 when it goes back to the table before the
# kind; for getopt options __rtun_opt to 1 when the value is only taken
# attached and __rtun_s to the operands' spec from then on. Fails for no
# keyword.
function __rtun_kw
    set -g __rtun_v ''
    set -g __rtun_k ''
    set -g __rtun_opt ''
    set -g __rtun_s ''
    switch $argv[1]
        case g
            switch $argv[2]
                case '-' '-l' '-lo' '-loo' '-loop' '-loops'
                    set -g __rtun_v '-'
                case '-' '-f' '-fa' '-fam' '-fami' '-famil' '-family'
                    set -g __rtun_v '=inet inet6 link mpls bridge'
                case '-4'
                    set -g __rtun_v ''
                case '-6'
                    set -g __rtun_v ''
                case '-0'
                    set -g __rtun_v ''
                case '-M'
                    set -g __rtun_v ''
                case '-B'
                    set -g __rtun_v ''
                case '-' '-h' '-hu' '-hum' '-huma' '-human' '-human-' '-human-r' '-human-re' '-human-rea' '-human-read' '-human-reada' '-human-readab' '-human-readabl' '-human-readable'
                    set -g __rtun_v ''
                case '-' '-i' '-ie' '-iec'
                    set -g __rtun_v ''
                case '-' '-s' '-st' '-sta' '-stat' '-stats' '-stati' '-statis' '-statist' '-statisti' '-statistic' '-statistics'
                    set -g __rtun_v ''
                case '-' '-d' '-de' '-det' '-deta' '-detai' '-detail' '-details'
                    set -g __rtun_v ''
                case '-' '-r' '-re' '-res' '-reso' '-resol' '-resolv' '-resolve'
                    set -g __rtun_v ''
                case '-' '-o' '-on' '-one' '-onel' '-oneli' '-onelin' '-oneline'
                    set -g __rtun_v ''
                case '-' '-t' '-ti' '-tim' '-time' '-times' '-timest' '-timesta' '-timestam' '-timestamp'
                    set -g __rtun_v ''
                case '-' '-t' '-ts' '-tsh' '-tsho' '-tshor' '-tshort'
                    set -g __rtun_v ''
                case '-' '-V' '-Ve' '-Ver' '-Vers' '-Versi' '-Versio' '-Version'
                    set -g __rtun_v ''
                case '-' '-f' '-fo' '-for' '-forc' '-force'
                    set -g __rtun_v ''
                case '-' '-b' '-ba' '-bat' '-batc' '-batch'
                    set -g __rtun_v '@files'
                case '-' '-b' '-br' '-bri' '-brie' '-brief'
                    set -g __rtun_v ''
                case '-' '-j' '-js' '-jso' '-json'
                    set -g __rtun_v ''
                case '-' '-p' '-pr' '-pre' '-pret' '-prett' '-pretty'
                    set -g __rtun_v ''
                case '-' '-r' '-rc' '-rcv' '-rcvb' '-rcvbu' '-rcvbuf'
                    set -g __rtun_v '-'
                case '-' '-c' '-co' '-col' '-colo' '-color'
                    set -g __rtun_v ''
                case '-' '-h' '-he' '-hel' '-help'
                    set -g __rtun_v ''
                case '-' '-n' '-ne' '-net' '-netn' '-netns'
                    set -g __rtun_v '@netns'
                case '-' '-N' '-Nu' '-Num' '-Nume' '-Numer' '-Numeri' '-Numeric'
                    set -g __rtun_v ''
                case '-' '-a' '-al' '-all'
                    set -g __rtun_v ''
                case '-echo'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 0
            switch $argv[2]
                case 'peer' 'remote'
                    set -g __rtun_v '-'
                case 'b' 'br' 'bro' 'broa' 'broad' 'broadc' 'broadca' 'broadcas' 'broadcast' 'brd'
                    set -g __rtun_v '-'
                case 'anycast'
                    set -g __rtun_v '-'
                case 'scope'
                    set -g __rtun_v '@scopes'
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case 'label'
                    set -g __rtun_v '-'
                case 'm' 'me' 'met' 'metr' 'metri' 'metric' 'p' 'pr' 'pri' 'prio' 'prior' 'priori' 'priorit' 'priority' 'pre' 'pref' 'prefe' 'prefer' 'prefere' 'preferen' 'preferenc' 'preference'
                    set -g __rtun_v '-'
                case 'v' 'va' 'val' 'vali' 'valid' 'valid_' 'valid_l' 'valid_lf' 'valid_lft'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pre' 'pref' 'prefe' 'prefer' 'preferr' 'preferre' 'preferred' 'preferred_' 'preferred_l' 'preferred_lf' 'preferred_lft'
                    set -g __rtun_v '-'
                case 'secondary' 'temporary' 'nodad' 'optimistic' 'dadfailed' 'home' 'deprecated' 'tentative' 'permanent' 'mngtmpaddr' 'noprefixroute' 'autojoin' 'stable-privacy'
                    set -g __rtun_v ''
                case 'local'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 1
            switch $argv[2]
                case 'to'
                    set -g __rtun_v '-'
                case 'scope'
                    set -g __rtun_v '@scopes'
                case 'up'
                    set -g __rtun_v ''
                case 'dynamic' 'primary' 'secondary' 'temporary' 'nodad' 'optimistic' 'dadfailed' 'home' 'deprecated' 'tentative' 'permanent' 'mngtmpaddr' 'noprefixroute' 'autojoin' 'stable-privacy'
                    set -g __rtun_v ''
                case 'label'
                    set -g __rtun_v '-'
                case 'group'
                    set -g __rtun_v '-'
                case 'master'
                    set -g __rtun_v '@ifnames'
                case 'vrf'
                    set -g __rtun_v '@ifnames'
                case 'nomaster'
                    set -g __rtun_v ''
                case 'type'
                    set -g __rtun_v '=veth bridge vxlan ifb dummy vlan macvlan tun bridge_slave bond_slave gre gretap erspan ip6gre ip6gretap ip6erspan ipip sit ip6tnl vti vti6 bond vrf vrf_slave geneve macvtap ipvlan ipvtap xfrm bareudp wireguard'
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 2
            switch $argv[2]
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case 'a' 'ad' 'add' 'addr' 'addre' 'addres' 'address'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 3
            switch $argv[2]
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case '*'
                    return 1
            end
        case 4
            switch $argv[2]
                case 'src'
                    set -g __rtun_v '-'
                case 'as'
                    set -g __rtun_v '-'
                case 'via'
                    set -g __rtun_v '-'
                case 'from'
                    set -g __rtun_v '-'
                case 'tos' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'expires'
                    set -g __rtun_v '-'
                case 'm' 'me' 'met' 'metr' 'metri' 'metric' 'p' 'pr' 'pri' 'prio' 'prior' 'priori' 'priorit' 'priority' 'preference'
                    set -g __rtun_v '-'
                case 'scope'
                    set -g __rtun_v '@scopes'
                case 'mtu'
                    set -g __rtun_v '-'
                case 'hoplimit'
                    set -g __rtun_v '-'
                case 'advmss'
                    set -g __rtun_v '-'
                case 'r' 're' 'reo' 'reor' 'reord' 'reorde' 'reorder' 'reorderi' 'reorderin' 'reordering'
                    set -g __rtun_v '-'
                case 'rtt'
                    set -g __rtun_v '-'
                case 'rto_min'
                    set -g __rtun_v '-'
                case 'w' 'wi' 'win' 'wind' 'windo' 'window'
                    set -g __rtun_v '-'
                case 'c' 'cw' 'cwn' 'cwnd'
                    set -g __rtun_v '-'
                case 'i' 'in' 'ini' 'init' 'initc' 'initcw' 'initcwn' 'initcwnd'
                    set -g __rtun_v '-'
                case 'i' 'in' 'ini' 'init' 'initr' 'initrw' 'initrwn' 'initrwnd'
                    set -g __rtun_v '-'
                case 'f' 'fe' 'fea' 'feat' 'featu' 'featur' 'feature' 'features'
                    set -g __rtun_v '=ecn'
                case 'q' 'qu' 'qui' 'quic' 'quick' 'quicka' 'quickac' 'quickack'
                    set -g __rtun_v '=0 1'
                case 'c' 'co' 'con' 'cong' 'congc' 'congct' 'congctl'
                    set -g __rtun_v '-'
                case 'r' 'rt' 'rtt' 'rttv' 'rttva' 'rttvar'
                    set -g __rtun_v '-'
                case 's' 'ss' 'sst' 'ssth' 'ssthr' 'ssthre' 'ssthres' 'ssthresh'
                    set -g __rtun_v '-'
                case 'r' 're' 'rea' 'real' 'realm' 'realms'
                    set -g __rtun_v '-'
                case 'onlink'
                    set -g __rtun_v ''
                case 'nexthop'
                    set -g __rtun_v '-'
                case 'nhid'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pro' 'prot' 'proto' 'protoc' 'protoco' 'protocol'
                    set -g __rtun_v '@protocols'
                case 't' 'ta' 'tab' 'tabl' 'table'
                    set -g __rtun_v '@tables'
                case 'v' 'vr' 'vrf'
                    set -g __rtun_v '-'
                case 'dev' 'oif'
                    set -g __rtun_v '@ifnames'
                case 'p' 'pr' 'pre' 'pref'
                    set -g __rtun_v '=low medium high'
                case 'encap'
                    set -g __rtun_v '-'
                case 'ttl-propagate'
                    set -g __rtun_v '=enabled disabled'
                case 'f' 'fa' 'fas' 'fast' 'fasto' 'fastop' 'fastope' 'fastopen' 'fastopen_' 'fastopen_n' 'fastopen_no' 'fastopen_no_' 'fastopen_no_c' 'fastopen_no_co' 'fastopen_no_coo' 'fastopen_no_cook' 'fastopen_no_cooki' 'fastopen_no_cookie'
                    set -g __rtun_v '=0 1'
                case 'to'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 5
            switch $argv[2]
                case 't' 'ta' 'tab' 'tabl' 'table'
                    set -g __rtun_v '@table-filters'
                case 'v' 'vr' 'vrf'
                    set -g __rtun_v '-'
                case 'c' 'ca' 'cac' 'cach' 'cache' 'cached' 'cl' 'clo' 'clon' 'clone' 'cloned'
                    set -g __rtun_v ''
                case 'tos' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pro' 'prot' 'proto' 'protoc' 'protoco' 'protocol'
                    set -g __rtun_v '@protocols'
                case 's' 'sc' 'sco' 'scop' 'scope'
                    set -g __rtun_v '@scopes'
                case 't' 'ty' 'typ' 'type'
                    set -g __rtun_v '=unicast local broadcast anycast multicast blackhole unreachable prohibit throw nat xresolve'
                case 'dev' 'oif'
                    set -g __rtun_v '@ifnames'
                case 'iif'
                    set -g __rtun_v '@ifnames'
                case 'mark'
                    set -g __rtun_v '-'
                case 'm' 'me' 'met' 'metr' 'metri' 'metric' 'p' 'pr' 'pri' 'prio' 'prior' 'priori' 'priorit' 'priority' 'preference'
                    set -g __rtun_v '-'
                case 'via'
                    set -g __rtun_v '-'
                case 'src'
                    set -g __rtun_v '-'
                case 'r' 're' 'rea' 'real' 'realm' 'realms'
                    set -g __rtun_v '-'
                case 'f' 'fr' 'fro' 'from'
                    set -g __rtun_v '-'
                case 't' 'to'
                    set -g __rtun_v '-'
                case 'r' 'ro' 'roo' 'root'
                    set -g __rtun_v '-'
                case 'm' 'ma' 'mat' 'matc' 'match'
                    set -g __rtun_v '-'
                case 'e' 'ex' 'exa' 'exac' 'exact'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 6
            switch $argv[2]
                case 'tos' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'f' 'fr' 'fro' 'from'
                    set -g __rtun_v '-'
                case 'i' 'ii' 'iif'
                    set -g __rtun_v '@ifnames'
                case 'm' 'ma' 'mar' 'mark'
                    set -g __rtun_v '-'
                case 'o' 'oi' 'oif' 'dev'
                    set -g __rtun_v '@ifnames'
                case 'n' 'no' 'not' 'noti' 'notif' 'notify'
                    set -g __rtun_v ''
                case 'c' 'co' 'con' 'conn' 'conne' 'connec' 'connect' 'connecte' 'connected'
                    set -g __rtun_v ''
                case 'v' 'vr' 'vrf'
                    set -g __rtun_v '-'
                case 'u' 'ui' 'uid'
                    set -g __rtun_v '-'
                case 'f' 'fi' 'fib' 'fibm' 'fibma' 'fibmat' 'fibmatc' 'fibmatch'
                    set -g __rtun_v ''
                case 'as'
                    set -g __rtun_v '-'
                case 's' 'sp' 'spo' 'spor' 'sport'
                    set -g __rtun_v '-'
                case 'd' 'dp' 'dpo' 'dpor' 'dport'
                    set -g __rtun_v '-'
                case 'i' 'ip' 'ipp' 'ippr' 'ippro' 'ipprot' 'ipproto'
                    set -g __rtun_v '-'
                case 'to'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 7
            switch $argv[2]
                case 'p' 'pr' 'pre' 'pref' 'prefe' 'prefer' 'prefere' 'preferen' 'preferenc' 'preference' 'o' 'or' 'ord' 'orde' 'order' 'pri' 'prio' 'prior' 'priori' 'priorit' 'priority'
                    set -g __rtun_v '-'
                case 'not'
                    set -g __rtun_v ''
                case 'tos' 'dsfield'
                    set -g __rtun_v '-'
                case 'fwmark'
                    set -g __rtun_v '-'
                case 'dev' 'iif'
                    set -g __rtun_v '@ifnames'
                case 'oif'
                    set -g __rtun_v '@ifnames'
                case 'l3mdev'
                    set -g __rtun_v ''
                case 'uidrange'
                    set -g __rtun_v '-'
                case 't' 'tu' 'tun' 'tun_' 'tun_i' 'tun_id'
                    set -g __rtun_v '-'
                case 'l' 'lo' 'loo' 'look' 'looku' 'lookup' 't' 'ta' 'tab' 'tabl' 'table'
                    set -g __rtun_v '@tables'
                case 'f' 'fr' 'fro' 'from' 's' 'sr' 'src'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pro' 'prot' 'proto' 'protoc' 'protoco' 'protocol'
                    set -g __rtun_v '@protocols'
                case 'ipproto'
                    set -g __rtun_v '-'
                case 'sport'
                    set -g __rtun_v '-'
                case 'dport'
                    set -g __rtun_v '-'
                case 'd' 'ds' 'dst' 't' 'to'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 8
            switch $argv[2]
                case 'not'
                    set -g __rtun_v ''
                case 'from'
                    set -g __rtun_v '-'
                case 'to'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pre' 'pref' 'prefe' 'prefer' 'prefere' 'preferen' 'preferenc' 'preference' 'o' 'or' 'ord' 'orde' 'order' 'pri' 'prio' 'prior' 'priori' 'priorit' 'priority'
                    set -g __rtun_v '-'
                case 'tos' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'fwmark'
                    set -g __rtun_v '-'
                case 'r' 're' 'rea' 'real' 'realm' 'realms'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pro' 'prot' 'proto' 'protoc' 'protoco' 'protocol'
                    set -g __rtun_v '@protocols'
                case 't' 'tu' 'tun' 'tun_' 'tun_i' 'tun_id'
                    set -g __rtun_v '-'
                case 't' 'ta' 'tab' 'tabl' 'table' 'lookup'
                    set -g __rtun_v '@tables'
                case 's' 'su' 'sup' 'supp' 'suppr' 'suppre' 'suppres' 'suppress' 'suppress_' 'suppress_p' 'suppress_pr' 'suppress_pre' 'suppress_pref' 'suppress_prefi' 'suppress_prefix' 'suppress_prefixl' 'suppress_prefixle' 'suppress_prefixlen' 'suppress_prefixleng' 'suppress_prefixlengt' 'suppress_prefixlength' 'sup_pl'
                    set -g __rtun_v '-'
                case 's' 'su' 'sup' 'supp' 'suppr' 'suppre' 'suppres' 'suppress' 'suppress_' 'suppress_i' 'suppress_if' 'suppress_ifg' 'suppress_ifgr' 'suppress_ifgro' 'suppress_ifgrou' 'suppress_ifgroup' 'sup_group'
                    set -g __rtun_v '-'
                case 'dev' 'iif'
                    set -g __rtun_v '@ifnames'
                case 'oif'
                    set -g __rtun_v '@ifnames'
                case 'l3mdev'
                    set -g __rtun_v ''
                case 'uidrange'
                    set -g __rtun_v '-'
                case 'nat' 'm' 'ma' 'map' 'map-' 'map-t' 'map-to'
                    set -g __rtun_v '-'
                case 'ipproto'
                    set -g __rtun_v '-'
                case 'sport'
                    set -g __rtun_v '-'
                case 'dport'
                    set -g __rtun_v '-'
                case 'type'
                    set -g __rtun_v '=goto nop unicast blackhole unreachable prohibit'
                case 'g' 'go' 'got' 'goto'
                    set -g __rtun_v '-'
                case 'n' 'no' 'nop'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 9
            switch $argv[2]
                case 'l' 'll' 'lla' 'llad' 'lladd' 'lladdr'
                    set -g __rtun_v '-'
                case 'nud'
                    set -g __rtun_v '=permanent noarp reachable stale none incomplete delay probe failed'
                case 'p' 'pr' 'pro' 'prox' 'proxy'
                    set -g __rtun_v '-'
                case 'router'
                    set -g __rtun_v ''
                case 'use'
                    set -g __rtun_v ''
                case 'managed'
                    set -g __rtun_v ''
                case 'e' 'ex' 'ext' 'exte' 'exter' 'extern' 'extern_' 'extern_l' 'extern_le' 'extern_lea' 'extern_lear' 'extern_learn'
                    set -g __rtun_v ''
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case 'p' 'pr' 'pro' 'prot' 'proto' 'protoc' 'protoco' 'protocol'
                    set -g __rtun_v '@protocols'
                case 'to'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 10
            switch $argv[2]
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case 'p' 'pr' 'pro' 'prox' 'proxy'
                    set -g __rtun_v '-'
                case 'to'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 11
            switch $argv[2]
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case 'master'
                    set -g __rtun_v '@ifnames'
                case 'vrf'
                    set -g __rtun_v '@ifnames'
                case 'nomaster'
                    set -g __rtun_v ''
                case 'unused'
                    set -g __rtun_v ''
                case 'nud'
                    set -g __rtun_v '=permanent noarp reachable stale none incomplete delay probe failed all'
                case 'proxy'
                    set -g __rtun_v ''
                case 'p' 'pr' 'pro' 'prot' 'proto' 'protoc' 'protoco' 'protocol'
                    set -g __rtun_v '@protocols'
                case 'to'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 12
            switch $argv[2]
                case 'up'
                    set -g __rtun_v ''
                case 'down'
                    set -g __rtun_v ''
                case 'name'
                    set -g __rtun_v '-'
                case 'index'
                    set -g __rtun_v '-'
                case 'l' 'li' 'lin' 'link'
                    set -g __rtun_v '@ifnames'
                case 'a' 'ad' 'add' 'addr' 'addre' 'addres' 'address'
                    set -g __rtun_v '-'
                case 'b' 'br' 'bro' 'broa' 'broad' 'broadc' 'broadca' 'broadcas' 'broadcast' 'brd'
                    set -g __rtun_v '-'
                case 't' 'tx' 'txq' 'txqu' 'txque' 'txqueu' 'txqueue' 'txqueuel' 'txqueuele' 'txqueuelen' 'qlen' 'txql' 'txqle' 'txqlen'
                    set -g __rtun_v '-'
                case 'mtu'
                    set -g __rtun_v '-'
                case 'xdpgeneric' 'xdpdrv' 'xdpoffload' 'xdp'
                    set -g __rtun_v '-'
                case 'netns'
                    set -g __rtun_v '@netns'
                case 'multicast'
                    set -g __rtun_v '=on off'
                case 'allmulticast'
                    set -g __rtun_v '=on off'
                case 'promisc'
                    set -g __rtun_v '=on off'
                case 'trailers'
                    set -g __rtun_v '=on off'
                case 'arp'
                    set -g __rtun_v '=on off'
                case 'carrier'
                    set -g __rtun_v '=on off'
                case 'vf'
                    set -g __rtun_v '-'
                case 'm' 'ma' 'mas' 'mast' 'maste' 'master'
                    set -g __rtun_v '@ifnames'
                case 'vrf'
                    set -g __rtun_v '@ifnames'
                case 'n' 'no' 'nom' 'noma' 'nomas' 'nomast' 'nomaste' 'nomaster'
                    set -g __rtun_v ''
                case 'd' 'dy' 'dyn' 'dyna' 'dynam' 'dynami' 'dynamic'
                    set -g __rtun_v '=on off'
                case 't' 'ty' 'typ' 'type'
                    set -g __rtun_v '=veth bridge vxlan ifb dummy vlan macvlan tun bridge_slave bond_slave gre gretap erspan ip6gre ip6gretap ip6erspan ipip sit ip6tnl vti vti6 bond vrf vrf_slave geneve macvtap ipvlan ipvtap xfrm bareudp wireguard'
                    set -g __rtun_k 1
                case 'a' 'al' 'ali' 'alia' 'alias'
                    set -g __rtun_v '-'
                case 'group'
                    set -g __rtun_v '-'
                case 'mode'
                    set -g __rtun_v '=default dormant'
                case 'state'
                    set -g __rtun_v '=UNKNOWN NOTPRESENT DOWN LOWERLAYERDOWN TESTING DORMANT UP'
                case 'n' 'nu' 'num' 'numt' 'numtx' 'numtxq' 'numtxqu' 'numtxque' 'numtxqueu' 'numtxqueue' 'numtxqueues'
                    set -g __rtun_v '-'
                case 'n' 'nu' 'num' 'numr' 'numrx' 'numrxq' 'numrxqu' 'numrxque' 'numrxqueu' 'numrxqueue' 'numrxqueues'
                    set -g __rtun_v '-'
                case 'a' 'ad' 'add' 'addr' 'addrg' 'addrge' 'addrgen' 'addrgenm' 'addrgenmo' 'addrgenmod' 'addrgenmode'
                    set -g __rtun_v '=eui64 none stable_secret random'
                case 'l' 'li' 'lin' 'link' 'link-' 'link-n' 'link-ne' 'link-net' 'link-netn' 'link-netns'
                    set -g __rtun_v '@netns'
                case 'l' 'li' 'lin' 'link' 'link-' 'link-n' 'link-ne' 'link-net' 'link-netn' 'link-netns' 'link-netnsi' 'link-netnsid'
                    set -g __rtun_v '-'
                case 'protodown'
                    set -g __rtun_v '=on off'
                case 'protodown_reason'
                    set -g __rtun_v '-'
                case 'gso_max_size'
                    set -g __rtun_v '-'
                case 'gso_max_segs'
                    set -g __rtun_v '-'
                case 'gro_max_size'
                    set -g __rtun_v '-'
                case 'parentdev'
                    set -g __rtun_v '-'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case '*'
                    return 1
            end
        case 13
            switch $argv[2]
                case 'up'
                    set -g __rtun_v ''
                case 'down'
                    set -g __rtun_v ''
                case 'name'
                    set -g __rtun_v '-'
                case 'index'
                    set -g __rtun_v '-'
                case 'l' 'li' 'lin' 'link'
                    set -g __rtun_v '@ifnames'
                case 'a' 'ad' 'add' 'addr' 'addre' 'addres' 'address'
                    set -g __rtun_v '-'
                case 'b' 'br' 'bro' 'broa' 'broad' 'broadc' 'broadca' 'broadcas' 'broadcast' 'brd'
                    set -g __rtun_v '-'
                case 't' 'tx' 'txq' 'txqu' 'txque' 'txqueu' 'txqueue' 'txqueuel' 'txqueuele' 'txqueuelen' 'qlen' 'txql' 'txqle' 'txqlen'
                    set -g __rtun_v '-'
                case 'mtu'
                    set -g __rtun_v '-'
                case 'xdpgeneric' 'xdpdrv' 'xdpoffload' 'xdp'
                    set -g __rtun_v '-'
                case 'netns'
                    set -g __rtun_v '@netns'
                case 'multicast'
                    set -g __rtun_v '=on off'
                case 'allmulticast'
                    set -g __rtun_v '=on off'
                case 'promisc'
                    set -g __rtun_v '=on off'
                case 'trailers'
                    set -g __rtun_v '=on off'
                case 'arp'
                    set -g __rtun_v '=on off'
                case 'carrier'
                    set -g __rtun_v '=on off'
                case 'vf'
                    set -g __rtun_v '-'
                case 'm' 'ma' 'mas' 'mast' 'maste' 'master'
                    set -g __rtun_v '@ifnames'
                case 'vrf'
                    set -g __rtun_v '@ifnames'
                case 'n' 'no' 'nom' 'noma' 'nomas' 'nomast' 'nomaste' 'nomaster'
                    set -g __rtun_v ''
                case 'd' 'dy' 'dyn' 'dyna' 'dynam' 'dynami' 'dynamic'
                    set -g __rtun_v '=on off'
                case 't' 'ty' 'typ' 'type'
                    set -g __rtun_v '=veth bridge vxlan ifb dummy vlan macvlan tun bridge_slave bond_slave gre gretap erspan ip6gre ip6gretap ip6erspan ipip sit ip6tnl vti vti6 bond vrf vrf_slave geneve macvtap ipvlan ipvtap xfrm bareudp wireguard'
                    set -g __rtun_k 1
                case 'a' 'al' 'ali' 'alia' 'alias'
                    set -g __rtun_v '-'
                case 'group'
                    set -g __rtun_v '-'
                case 'mode'
                    set -g __rtun_v '=default dormant'
                case 'state'
                    set -g __rtun_v '=UNKNOWN NOTPRESENT DOWN LOWERLAYERDOWN TESTING DORMANT UP'
                case 'n' 'nu' 'num' 'numt' 'numtx' 'numtxq' 'numtxqu' 'numtxque' 'numtxqueu' 'numtxqueue' 'numtxqueues'
                    set -g __rtun_v '-'
                case 'n' 'nu' 'num' 'numr' 'numrx' 'numrxq' 'numrxqu' 'numrxque' 'numrxqueu' 'numrxqueue' 'numrxqueues'
                    set -g __rtun_v '-'
                case 'a' 'ad' 'add' 'addr' 'addrg' 'addrge' 'addrgen' 'addrgenm' 'addrgenmo' 'addrgenmod' 'addrgenmode'
                    set -g __rtun_v '=eui64 none stable_secret random'
                case 'l' 'li' 'lin' 'link' 'link-' 'link-n' 'link-ne' 'link-net' 'link-netn' 'link-netns'
                    set -g __rtun_v '@netns'
                case 'l' 'li' 'lin' 'link' 'link-' 'link-n' 'link-ne' 'link-net' 'link-netn' 'link-netns' 'link-netnsi' 'link-netnsid'
                    set -g __rtun_v '-'
                case 'protodown'
                    set -g __rtun_v '=on off'
                case 'protodown_reason'
                    set -g __rtun_v '-'
                case 'gso_max_size'
                    set -g __rtun_v '-'
                case 'gso_max_segs'
                    set -g __rtun_v '-'
                case 'gro_max_size'
                    set -g __rtun_v '-'
                case 'parentdev'
                    set -g __rtun_v '-'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case '*'
                    return 1
            end
        case 14
            switch $argv[2]
                case 'a' 'al' 'alt' 'altn' 'altna' 'altnam' 'altname'
                    set -g __rtun_v '-'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case 'a' 'ad' 'add'
                    set -g __rtun_v ''
                case 'd' 'de' 'del'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 15
            switch $argv[2]
                case 'mode'
                    set -g __rtun_v '=gre ipip sit isatap vti ip6gre ip6ip6 ipip6 any vti6 gre/ip ip/ip ipv6/ip ipv6/ipv6 ip4ip6 ip/ipv6 ipv4/ipv6 gre/ipv6 any/ipv6'
                case 'key'
                    set -g __rtun_v '-'
                case 'ikey'
                    set -g __rtun_v '-'
                case 'okey'
                    set -g __rtun_v '-'
                case 'seq'
                    set -g __rtun_v ''
                case 'iseq'
                    set -g __rtun_v ''
                case 'oseq'
                    set -g __rtun_v ''
                case 'csum'
                    set -g __rtun_v ''
                case 'icsum'
                    set -g __rtun_v ''
                case 'ocsum'
                    set -g __rtun_v ''
                case 'nopmtudisc'
                    set -g __rtun_v ''
                case 'pmtudisc'
                    set -g __rtun_v ''
                case 'remote'
                    set -g __rtun_v '-'
                case 'local'
                    set -g __rtun_v '-'
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case 'ttl' 'hoplimit' 'hlim'
                    set -g __rtun_v '-'
                case 'tos' 'tclass' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'name'
                    set -g __rtun_v '-'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 16
            switch $argv[2]
                case 'prl-default'
                    set -g __rtun_v '-'
                case 'prl-nodefault'
                    set -g __rtun_v '-'
                case 'prl-delete'
                    set -g __rtun_v '-'
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case '*'
                    return 1
            end
        case 17
            switch $argv[2]
                case '6rd-prefix'
                    set -g __rtun_v '-'
                case '6rd-relay_prefix'
                    set -g __rtun_v '-'
                case '6rd-reset'
                    set -g __rtun_v ''
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case '*'
                    return 1
            end
        case 18
            switch $argv[2]
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 19
            switch $argv[2]
                case 'interval'
                    set -g __rtun_v '-'
                case 'retries'
                    set -g __rtun_v '-'
                case 'once'
                    set -g __rtun_v ''
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 20
            switch $argv[2]
                case 'f' 'fi' 'fil' 'file'
                    set -g __rtun_v '@files'
                case 'l' 'la' 'lab' 'labe' 'label'
                    set -g __rtun_v ''
                case 'l' 'li' 'lin' 'link'
                    set -g __rtun_v ''
                case 'a' 'ad' 'add' 'addr' 'addre' 'addres' 'address'
                    set -g __rtun_v ''
                case 'r' 'ro' 'rou' 'rout' 'route'
                    set -g __rtun_v ''
                case 'm' 'mr' 'mro' 'mrou' 'mrout' 'mroute'
                    set -g __rtun_v ''
                case 'p' 'pr' 'pre' 'pref' 'prefi' 'prefix'
                    set -g __rtun_v ''
                case 'n' 'ne' 'nei' 'neig' 'neigh'
                    set -g __rtun_v ''
                case 'n' 'ne' 'net' 'netc' 'netco' 'netcon' 'netconf'
                    set -g __rtun_v ''
                case 'r' 'ru' 'rul' 'rule'
                    set -g __rtun_v ''
                case 'n' 'ns' 'nsi' 'nsid'
                    set -g __rtun_v ''
                case 'n' 'ne' 'nex' 'next' 'nexth' 'nextho' 'nexthop'
                    set -g __rtun_v ''
                case 'stats'
                    set -g __rtun_v ''
                case 'all'
                    set -g __rtun_v ''
                case 'a' 'al' 'all' 'all-' 'all-n' 'all-ns' 'all-nsi' 'all-nsid'
                    set -g __rtun_v ''
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case '*'
                    return 1
            end
        case 21
            switch $argv[2]
                case 'target-nsid'
                    set -g __rtun_v '-'
                case 'nsid'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 22
            switch $argv[2]
                case '*'
                    return 1
            end
        case 23
            switch $argv[2]
                case '*'
                    return 1
            end
        case 24
            switch $argv[2]
                case 'id'
                    set -g __rtun_v '-'
                case 'dev'
                    set -g __rtun_v '@ifnames'
                case 'via'
                    set -g __rtun_v '-'
                case 'encap'
                    set -g __rtun_v '-'
                case 'blackhole'
                    set -g __rtun_v ''
                case 'fdb'
                    set -g __rtun_v ''
                case 'onlink'
                    set -g __rtun_v ''
                case 'group'
                    set -g __rtun_v '-'
                case 'type'
                    set -g __rtun_v '=mpath resilient'
                case 'buckets'
                    set -g __rtun_v '-'
                case 'idle_timer'
                    set -g __rtun_v '-'
                case 'unbalanced_timer'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pro' 'prot' 'proto' 'protoc' 'protoco' 'protocol'
                    set -g __rtun_v '@protocols'
                case '*'
                    return 1
            end
        case 25
            switch $argv[2]
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 'g' 'gr' 'gro' 'grou' 'group' 'groups'
                    set -g __rtun_v ''
                case 'm' 'ma' 'mas' 'mast' 'maste' 'master'
                    set -g __rtun_v '@ifnames'
                case 'v' 'vr' 'vrf'
                    set -g __rtun_v '@ifnames'
                case 'id'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pro' 'prot' 'proto' 'protoc' 'protoco' 'protocol'
                    set -g __rtun_v '-'
                case 'f' 'fd' 'fdb'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 26
            switch $argv[2]
                case 'id'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 27
            switch $argv[2]
                case 'l' 'li' 'lis' 'list' 's' 'sh' 'sho' 'show' 'ls' 'lst'
                    set -g __rtun_v ''
                case 'g' 'ge' 'get'
                    set -g __rtun_v ''
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 'm' 'ma' 'mas' 'mast' 'maste' 'master'
                    set -g __rtun_v '@ifnames'
                case 'v' 'vr' 'vrf'
                    set -g __rtun_v '@ifnames'
                case 'id'
                    set -g __rtun_v '-'
                case 'nhid'
                    set -g __rtun_v '-'
                case 'index'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 28
            switch $argv[2]
                case 'a' 'ac' 'acc' 'acce' 'accep' 'accept'
                    set -g __rtun_v ''
                case 'f' 'fo' 'for' 'forw' 'forwa' 'forwar' 'forward'
                    set -g __rtun_v ''
                case 'm' 'ma' 'mas' 'masq' 'masqu' 'masque' 'masquer' 'masquera' 'masquerad' 'masquerade'
                    set -g __rtun_v ''
                case 's' 'sn' 'sna' 'snat'
                    set -g __rtun_v ''
                case 'd' 'dn' 'dna' 'dnat'
                    set -g __rtun_v ''
                case 'c' 'cl' 'cla' 'clam' 'clamp' 'clamp-' 'clamp-m' 'clamp-ms' 'clamp-mss'
                    set -g __rtun_v ''
                case 's' 'sr' 'src'
                    set -g __rtun_v '-'
                case 'd' 'ds' 'dst'
                    set -g __rtun_v '-'
                case 'd' 'dp' 'dpo' 'dpor' 'dport'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pro' 'prot' 'proto'
                    set -g __rtun_v '=gre ipip ipv6 tcp udp icmp icmpv6 esp ah sctp'
                case 'i' 'ii' 'iif'
                    set -g __rtun_v '@ifnames'
                case 'o' 'oi' 'oif'
                    set -g __rtun_v '@ifnames'
                case 't' 'to'
                    set -g __rtun_v '-'
                case 'm' 'ms' 'mss'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 29
            switch $argv[2]
                case '-a' '-A' '-X' '--a' '--al' '--all'
                    set -g __rtun_v ''
                case '--d' '--de' '--dep' '--depr' '--depre' '--deprec' '--depreca' '--deprecat' '--deprecate' '--deprecated'
                    set -g __rtun_v ''
                case '--d' '--dr' '--dry' '--dry-' '--dry-r' '--dry-ru' '--dry-run'
                    set -g __rtun_v ''
                case '-b' '--b' '--bi' '--bin' '--bina' '--binar' '--binary'
                    set -g __rtun_v ''
                case '-e' '--i' '--ig' '--ign' '--igno' '--ignor' '--ignore'
                    set -g __rtun_v ''
                case '-N' '--n' '--na' '--nam' '--name' '--names'
                    set -g __rtun_v ''
                case '-n' '--v' '--va' '--val' '--valu' '--value' '--values'
                    set -g __rtun_v ''
                case '-p' '-f' '--l' '--lo' '--loa' '--load'
                    set -g __rtun_v '@files'
                    set -g __rtun_opt 1
                    set -g __rtun_s '@files'
                case '-q' '--q' '--qu' '--qui' '--quie' '--quiet'
                    set -g __rtun_v ''
                case '-w' '--w' '--wr' '--wri' '--writ' '--write'
                    set -g __rtun_v ''
                case '--s' '--sy' '--sys' '--syst' '--syste' '--system'
                    set -g __rtun_v ''
                case '-r' '--p' '--pa' '--pat' '--patt' '--patte' '--patter' '--pattern'
                    set -g __rtun_v '-'
                case '-h' '-d' '--h' '--he' '--hel' '--help'
                    set -g __rtun_v ''
                case '-V' '--v' '--ve' '--ver' '--vers' '--versi' '--versio' '--version'
                    set -g __rtun_v ''
                case '-o' '-x'
                    set -g __rtun_v ''
                case '-j' '--json'
                    set -g __rtun_v ''
                case '--persist'
                    set -g __rtun_v '@files'
                    set -g __rtun_opt 1
                case '*'
                    return 1
            end
        case 30
            switch $argv[2]
                case 'peer'
                    set -g __rtun_v ''
                    set -g __rtun_k 2
                case '*'
                    return 1
            end
        case 31
            switch $argv[2]
                case 'f' 'fo' 'for' 'forw' 'forwa' 'forwar' 'forward' 'forward_' 'forward_d' 'forward_de' 'forward_del' 'forward_dela' 'forward_delay'
                    set -g __rtun_v '-'
                case 'h' 'he' 'hel' 'hell' 'hello' 'hello_' 'hello_t' 'hello_ti' 'hello_tim' 'hello_time'
                    set -g __rtun_v '-'
                case 'm' 'ma' 'max' 'max_' 'max_a' 'max_ag' 'max_age'
                    set -g __rtun_v '-'
                case 'a' 'ag' 'age' 'agei' 'agein' 'ageing' 'ageing_' 'ageing_t' 'ageing_ti' 'ageing_tim' 'ageing_time'
                    set -g __rtun_v '-'
                case 's' 'st' 'stp' 'stp_' 'stp_s' 'stp_st' 'stp_sta' 'stp_stat' 'stp_state'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pri' 'prio' 'prior' 'priori' 'priorit' 'priority'
                    set -g __rtun_v '-'
                case 'v' 'vl' 'vla' 'vlan' 'vlan_' 'vlan_f' 'vlan_fi' 'vlan_fil' 'vlan_filt' 'vlan_filte' 'vlan_filter' 'vlan_filteri' 'vlan_filterin' 'vlan_filtering'
                    set -g __rtun_v '-'
                case 'v' 'vl' 'vla' 'vlan' 'vlan_' 'vlan_p' 'vlan_pr' 'vlan_pro' 'vlan_prot' 'vlan_proto' 'vlan_protoc' 'vlan_protoco' 'vlan_protocol'
                    set -g __rtun_v '=802.1Q 802.1ad'
                case 'g' 'gr' 'gro' 'grou' 'group' 'group_' 'group_f' 'group_fw' 'group_fwd' 'group_fwd_' 'group_fwd_m' 'group_fwd_ma' 'group_fwd_mas' 'group_fwd_mask'
                    set -g __rtun_v '-'
                case 'g' 'gr' 'gro' 'grou' 'group' 'group_' 'group_a' 'group_ad' 'group_add' 'group_addr' 'group_addre' 'group_addres' 'group_address'
                    set -g __rtun_v '-'
                case 'no_linklocal_learn'
                    set -g __rtun_v '-'
                case 'f' 'fd' 'fdb' 'fdb_' 'fdb_f' 'fdb_fl' 'fdb_flu' 'fdb_flus' 'fdb_flush'
                    set -g __rtun_v ''
                case 'v' 'vl' 'vla' 'vlan' 'vlan_' 'vlan_d' 'vlan_de' 'vlan_def' 'vlan_defa' 'vlan_defau' 'vlan_defaul' 'vlan_default' 'vlan_default_' 'vlan_default_p' 'vlan_default_pv' 'vlan_default_pvi' 'vlan_default_pvid'
                    set -g __rtun_v '-'
                case 'v' 'vl' 'vla' 'vlan' 'vlan_' 'vlan_s' 'vlan_st' 'vlan_sta' 'vlan_stat' 'vlan_stats' 'vlan_stats_' 'vlan_stats_e' 'vlan_stats_en' 'vlan_stats_ena' 'vlan_stats_enab' 'vlan_stats_enabl' 'vlan_stats_enable' 'vlan_stats_enabled'
                    set -g __rtun_v '-'
                case 'v' 'vl' 'vla' 'vlan' 'vlan_' 'vlan_s' 'vlan_st' 'vlan_sta' 'vlan_stat' 'vlan_stats' 'vlan_stats_' 'vlan_stats_p' 'vlan_stats_pe' 'vlan_stats_per' 'vlan_stats_per_' 'vlan_stats_per_p' 'vlan_stats_per_po' 'vlan_stats_per_por' 'vlan_stats_per_port'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_r' 'mcast_ro' 'mcast_rou' 'mcast_rout' 'mcast_route' 'mcast_router'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_s' 'mcast_sn' 'mcast_sno' 'mcast_snoo' 'mcast_snoop' 'mcast_snoopi' 'mcast_snoopin' 'mcast_snooping'
                    set -g __rtun_v '-'
                case 'mcast_vlan_snooping'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_q' 'mcast_qu' 'mcast_que' 'mcast_quer' 'mcast_query' 'mcast_query_' 'mcast_query_u' 'mcast_query_us' 'mcast_query_use' 'mcast_query_use_' 'mcast_query_use_i' 'mcast_query_use_if' 'mcast_query_use_ifa' 'mcast_query_use_ifad' 'mcast_query_use_ifadd' 'mcast_query_use_ifaddr'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_q' 'mcast_qu' 'mcast_que' 'mcast_quer' 'mcast_queri' 'mcast_querie' 'mcast_querier'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_h' 'mcast_ha' 'mcast_has' 'mcast_hash' 'mcast_hash_' 'mcast_hash_e' 'mcast_hash_el' 'mcast_hash_ela' 'mcast_hash_elas' 'mcast_hash_elast' 'mcast_hash_elasti' 'mcast_hash_elastic' 'mcast_hash_elastici' 'mcast_hash_elasticit' 'mcast_hash_elasticity'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_h' 'mcast_ha' 'mcast_has' 'mcast_hash' 'mcast_hash_' 'mcast_hash_m' 'mcast_hash_ma' 'mcast_hash_max'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_l' 'mcast_la' 'mcast_las' 'mcast_last' 'mcast_last_' 'mcast_last_m' 'mcast_last_me' 'mcast_last_mem' 'mcast_last_memb' 'mcast_last_membe' 'mcast_last_member' 'mcast_last_member_' 'mcast_last_member_c' 'mcast_last_member_co' 'mcast_last_member_cou' 'mcast_last_member_coun' 'mcast_last_member_count'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_s' 'mcast_st' 'mcast_sta' 'mcast_star' 'mcast_start' 'mcast_startu' 'mcast_startup' 'mcast_startup_' 'mcast_startup_q' 'mcast_startup_qu' 'mcast_startup_que' 'mcast_startup_quer' 'mcast_startup_query' 'mcast_startup_query_' 'mcast_startup_query_c' 'mcast_startup_query_co' 'mcast_startup_query_cou' 'mcast_startup_query_coun' 'mcast_startup_query_count'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_l' 'mcast_la' 'mcast_las' 'mcast_last' 'mcast_last_' 'mcast_last_m' 'mcast_last_me' 'mcast_last_mem' 'mcast_last_memb' 'mcast_last_membe' 'mcast_last_member' 'mcast_last_member_' 'mcast_last_member_i' 'mcast_last_member_in' 'mcast_last_member_int' 'mcast_last_member_inte' 'mcast_last_member_inter' 'mcast_last_member_interv' 'mcast_last_member_interva' 'mcast_last_member_interval'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_m' 'mcast_me' 'mcast_mem' 'mcast_memb' 'mcast_membe' 'mcast_member' 'mcast_members' 'mcast_membersh' 'mcast_membershi' 'mcast_membership' 'mcast_membership_' 'mcast_membership_i' 'mcast_membership_in' 'mcast_membership_int' 'mcast_membership_inte' 'mcast_membership_inter' 'mcast_membership_interv' 'mcast_membership_interva' 'mcast_membership_interval'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_q' 'mcast_qu' 'mcast_que' 'mcast_quer' 'mcast_queri' 'mcast_querie' 'mcast_querier' 'mcast_querier_' 'mcast_querier_i' 'mcast_querier_in' 'mcast_querier_int' 'mcast_querier_inte' 'mcast_querier_inter' 'mcast_querier_interv' 'mcast_querier_interva' 'mcast_querier_interval'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_q' 'mcast_qu' 'mcast_que' 'mcast_quer' 'mcast_query' 'mcast_query_' 'mcast_query_i' 'mcast_query_in' 'mcast_query_int' 'mcast_query_inte' 'mcast_query_inter' 'mcast_query_interv' 'mcast_query_interva' 'mcast_query_interval'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_q' 'mcast_qu' 'mcast_que' 'mcast_quer' 'mcast_query' 'mcast_query_' 'mcast_query_r' 'mcast_query_re' 'mcast_query_res' 'mcast_query_resp' 'mcast_query_respo' 'mcast_query_respon' 'mcast_query_respons' 'mcast_query_response' 'mcast_query_response_' 'mcast_query_response_i' 'mcast_query_response_in' 'mcast_query_response_int' 'mcast_query_response_inte' 'mcast_query_response_inter' 'mcast_query_response_interv' 'mcast_query_response_interva' 'mcast_query_response_interval'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_s' 'mcast_st' 'mcast_sta' 'mcast_star' 'mcast_start' 'mcast_startu' 'mcast_startup' 'mcast_startup_' 'mcast_startup_q' 'mcast_startup_qu' 'mcast_startup_que' 'mcast_startup_quer' 'mcast_startup_query' 'mcast_startup_query_' 'mcast_startup_query_i' 'mcast_startup_query_in' 'mcast_startup_query_int' 'mcast_startup_query_inte' 'mcast_startup_query_inter' 'mcast_startup_query_interv' 'mcast_startup_query_interva' 'mcast_startup_query_interval'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_s' 'mcast_st' 'mcast_sta' 'mcast_stat' 'mcast_stats' 'mcast_stats_' 'mcast_stats_e' 'mcast_stats_en' 'mcast_stats_ena' 'mcast_stats_enab' 'mcast_stats_enabl' 'mcast_stats_enable' 'mcast_stats_enabled'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_i' 'mcast_ig' 'mcast_igm' 'mcast_igmp' 'mcast_igmp_' 'mcast_igmp_v' 'mcast_igmp_ve' 'mcast_igmp_ver' 'mcast_igmp_vers' 'mcast_igmp_versi' 'mcast_igmp_versio' 'mcast_igmp_version'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_m' 'mcast_ml' 'mcast_mld' 'mcast_mld_' 'mcast_mld_v' 'mcast_mld_ve' 'mcast_mld_ver' 'mcast_mld_vers' 'mcast_mld_versi' 'mcast_mld_versio' 'mcast_mld_version'
                    set -g __rtun_v '-'
                case 'n' 'nf' 'nf_' 'nf_c' 'nf_ca' 'nf_cal' 'nf_call' 'nf_call_' 'nf_call_i' 'nf_call_ip' 'nf_call_ipt' 'nf_call_ipta' 'nf_call_iptab' 'nf_call_iptabl' 'nf_call_iptable' 'nf_call_iptables'
                    set -g __rtun_v '-'
                case 'n' 'nf' 'nf_' 'nf_c' 'nf_ca' 'nf_cal' 'nf_call' 'nf_call_' 'nf_call_i' 'nf_call_ip' 'nf_call_ip6' 'nf_call_ip6t' 'nf_call_ip6ta' 'nf_call_ip6tab' 'nf_call_ip6tabl' 'nf_call_ip6table' 'nf_call_ip6tables'
                    set -g __rtun_v '-'
                case 'n' 'nf' 'nf_' 'nf_c' 'nf_ca' 'nf_cal' 'nf_call' 'nf_call_' 'nf_call_a' 'nf_call_ar' 'nf_call_arp' 'nf_call_arpt' 'nf_call_arpta' 'nf_call_arptab' 'nf_call_arptabl' 'nf_call_arptable' 'nf_call_arptables'
                    set -g __rtun_v '-'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 32
            switch $argv[2]
                case 'i' 'id' 'v' 'vn' 'vni'
                    set -g __rtun_v '-'
                case 'g' 'gr' 'gro' 'grou' 'group'
                    set -g __rtun_v '-'
                case 'r' 're' 'rem' 'remo' 'remot' 'remote'
                    set -g __rtun_v '-'
                case 'l' 'lo' 'loc' 'loca' 'local'
                    set -g __rtun_v '-'
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 't' 'tt' 'ttl' 'h' 'ho' 'hop' 'hopl' 'hopli' 'hoplim' 'hoplimi' 'hoplimit'
                    set -g __rtun_v '-'
                case 't' 'to' 'tos' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'd' 'df'
                    set -g __rtun_v '=unset set inherit'
                case 'l' 'la' 'lab' 'labe' 'label' 'f' 'fl' 'flo' 'flow' 'flowl' 'flowla' 'flowlab' 'flowlabe' 'flowlabel'
                    set -g __rtun_v '-'
                case 'a' 'ag' 'age' 'agei' 'agein' 'ageing'
                    set -g __rtun_v '-'
                case 'm' 'ma' 'max' 'maxa' 'maxad' 'maxadd' 'maxaddr' 'maxaddre' 'maxaddres' 'maxaddress'
                    set -g __rtun_v '-'
                case 'p' 'po' 'por' 'port' 's' 'sr' 'src' 'srcp' 'srcpo' 'srcpor' 'srcport'
                    set -g __rtun_v '-'
                case 'd' 'ds' 'dst' 'dstp' 'dstpo' 'dstpor' 'dstport'
                    set -g __rtun_v '-'
                case 'n' 'no' 'nol' 'nole' 'nolea' 'nolear' 'nolearn' 'nolearni' 'nolearnin' 'nolearning'
                    set -g __rtun_v ''
                case 'l' 'le' 'lea' 'lear' 'learn' 'learni' 'learnin' 'learning'
                    set -g __rtun_v ''
                case 'n' 'no' 'nop' 'nopr' 'nopro' 'noprox' 'noproxy'
                    set -g __rtun_v ''
                case 'p' 'pr' 'pro' 'prox' 'proxy'
                    set -g __rtun_v ''
                case 'n' 'no' 'nor' 'nors' 'norsc'
                    set -g __rtun_v ''
                case 'r' 'rs' 'rsc'
                    set -g __rtun_v ''
                case 'n' 'no' 'nol' 'nol2' 'nol2m' 'nol2mi' 'nol2mis' 'nol2miss'
                    set -g __rtun_v ''
                case 'l' 'l2' 'l2m' 'l2mi' 'l2mis' 'l2miss'
                    set -g __rtun_v ''
                case 'n' 'no' 'nol' 'nol3' 'nol3m' 'nol3mi' 'nol3mis' 'nol3miss'
                    set -g __rtun_v ''
                case 'l' 'l3' 'l3m' 'l3mi' 'l3mis' 'l3miss'
                    set -g __rtun_v ''
                case 'u' 'ud' 'udp' 'udpc' 'udpcs' 'udpcsu' 'udpcsum'
                    set -g __rtun_v ''
                case 'n' 'no' 'nou' 'noud' 'noudp' 'noudpc' 'noudpcs' 'noudpcsu' 'noudpcsum'
                    set -g __rtun_v ''
                case 'u' 'ud' 'udp' 'udp6' 'udp6z' 'udp6ze' 'udp6zer' 'udp6zero' 'udp6zeroc' 'udp6zerocs' 'udp6zerocsu' 'udp6zerocsum' 'udp6zerocsumt' 'udp6zerocsumtx'
                    set -g __rtun_v ''
                case 'n' 'no' 'nou' 'noud' 'noudp' 'noudp6' 'noudp6z' 'noudp6ze' 'noudp6zer' 'noudp6zero' 'noudp6zeroc' 'noudp6zerocs' 'noudp6zerocsu' 'noudp6zerocsum' 'noudp6zerocsumt' 'noudp6zerocsumtx'
                    set -g __rtun_v ''
                case 'u' 'ud' 'udp' 'udp6' 'udp6z' 'udp6ze' 'udp6zer' 'udp6zero' 'udp6zeroc' 'udp6zerocs' 'udp6zerocsu' 'udp6zerocsum' 'udp6zerocsumr' 'udp6zerocsumrx'
                    set -g __rtun_v ''
                case 'n' 'no' 'nou' 'noud' 'noudp' 'noudp6' 'noudp6z' 'noudp6ze' 'noudp6zer' 'noudp6zero' 'noudp6zeroc' 'noudp6zerocs' 'noudp6zerocsu' 'noudp6zerocsum' 'noudp6zerocsumr' 'noudp6zerocsumrx'
                    set -g __rtun_v ''
                case 'r' 're' 'rem' 'remc' 'remcs' 'remcsu' 'remcsum' 'remcsumt' 'remcsumtx'
                    set -g __rtun_v ''
                case 'n' 'no' 'nor' 'nore' 'norem' 'noremc' 'noremcs' 'noremcsu' 'noremcsum' 'noremcsumt' 'noremcsumtx'
                    set -g __rtun_v ''
                case 'r' 're' 'rem' 'remc' 'remcs' 'remcsu' 'remcsum' 'remcsumr' 'remcsumrx'
                    set -g __rtun_v ''
                case 'n' 'no' 'nor' 'nore' 'norem' 'noremc' 'noremcs' 'noremcsu' 'noremcsum' 'noremcsumr' 'noremcsumrx'
                    set -g __rtun_v ''
                case 'e' 'ex' 'ext' 'exte' 'exter' 'extern' 'externa' 'external'
                    set -g __rtun_v ''
                case 'n' 'no' 'noe' 'noex' 'noext' 'noexte' 'noexter' 'noextern' 'noexterna' 'noexternal'
                    set -g __rtun_v ''
                case 'g' 'gb' 'gbp'
                    set -g __rtun_v ''
                case 'g' 'gp' 'gpe'
                    set -g __rtun_v ''
                case 'vnifilter'
                    set -g __rtun_v ''
                case 'novnifilter'
                    set -g __rtun_v ''
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 33
            switch $argv[2]
                case '*'
                    return 1
            end
        case 34
            switch $argv[2]
                case '*'
                    return 1
            end
        case 35
            switch $argv[2]
                case 'p' 'pr' 'pro' 'prot' 'proto' 'protoc' 'protoco' 'protocol'
                    set -g __rtun_v '=802.1Q 802.1ad'
                case 'i' 'id'
                    set -g __rtun_v '-'
                case 'r' 're' 'reo' 'reor' 'reord' 'reorde' 'reorder' 'reorder_' 'reorder_h' 'reorder_hd' 'reorder_hdr'
                    set -g __rtun_v '=on off'
                case 'g' 'gv' 'gvr' 'gvrp'
                    set -g __rtun_v '=on off'
                case 'm' 'mv' 'mvr' 'mvrp'
                    set -g __rtun_v '=on off'
                case 'l' 'lo' 'loo' 'loos' 'loose' 'loose_' 'loose_b' 'loose_bi' 'loose_bin' 'loose_bind' 'loose_bindi' 'loose_bindin' 'loose_binding'
                    set -g __rtun_v '=on off'
                case 'b' 'br' 'bri' 'brid' 'bridg' 'bridge' 'bridge_' 'bridge_b' 'bridge_bi' 'bridge_bin' 'bridge_bind' 'bridge_bindi' 'bridge_bindin' 'bridge_binding'
                    set -g __rtun_v '=on off'
                case 'i' 'in' 'ing' 'ingr' 'ingre' 'ingres' 'ingress' 'ingress-' 'ingress-q' 'ingress-qo' 'ingress-qos' 'ingress-qos-' 'ingress-qos-m' 'ingress-qos-ma' 'ingress-qos-map'
                    set -g __rtun_v '-'
                case 'e' 'eg' 'egr' 'egre' 'egres' 'egress' 'egress-' 'egress-q' 'egress-qo' 'egress-qos' 'egress-qos-' 'egress-qos-m' 'egress-qos-ma' 'egress-qos-map'
                    set -g __rtun_v '-'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 36
            switch $argv[2]
                case 'm' 'mo' 'mod' 'mode'
                    set -g __rtun_v '=private vepa bridge passthru source'
                case 'f' 'fl' 'fla' 'flag'
                    set -g __rtun_v '=nopromisc nodst null'
                case 'm' 'ma' 'mac' 'maca' 'macad' 'macadd' 'macaddr'
                    set -g __rtun_v '-'
                case 'n' 'no' 'nop' 'nopr' 'nopro' 'noprom' 'nopromi' 'nopromis' 'nopromisc'
                    set -g __rtun_v ''
                case 'n' 'no' 'nod' 'nods' 'nodst'
                    set -g __rtun_v ''
                case 'b' 'bc' 'bcq' 'bcqu' 'bcque' 'bcqueu' 'bcqueue' 'bcqueuel' 'bcqueuele' 'bcqueuelen'
                    set -g __rtun_v '-'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 37
            switch $argv[2]
                case '*'
                    return 1
            end
        case 38
            switch $argv[2]
                case 'f' 'fd' 'fdb' 'fdb_' 'fdb_f' 'fdb_fl' 'fdb_flu' 'fdb_flus' 'fdb_flush'
                    set -g __rtun_v ''
                case 's' 'st' 'sta' 'stat' 'state'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pri' 'prio' 'prior' 'priori' 'priorit' 'priority'
                    set -g __rtun_v '-'
                case 'c' 'co' 'cos' 'cost'
                    set -g __rtun_v '-'
                case 'h' 'ha' 'hai' 'hair' 'hairp' 'hairpi' 'hairpin'
                    set -g __rtun_v '=on off'
                case 'g' 'gu' 'gua' 'guar' 'guard'
                    set -g __rtun_v '=on off'
                case 'r' 'ro' 'roo' 'root' 'root_' 'root_b' 'root_bl' 'root_blo' 'root_bloc' 'root_block'
                    set -g __rtun_v '=on off'
                case 'f' 'fa' 'fas' 'fast' 'fastl' 'fastle' 'fastlea' 'fastleav' 'fastleave'
                    set -g __rtun_v '=on off'
                case 'l' 'le' 'lea' 'lear' 'learn' 'learni' 'learnin' 'learning'
                    set -g __rtun_v '=on off'
                case 'f' 'fl' 'flo' 'floo' 'flood'
                    set -g __rtun_v '=on off'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_f' 'mcast_fl' 'mcast_flo' 'mcast_floo' 'mcast_flood'
                    set -g __rtun_v '=on off'
                case 'b' 'bc' 'bca' 'bcas' 'bcast' 'bcast_' 'bcast_f' 'bcast_fl' 'bcast_flo' 'bcast_floo' 'bcast_flood'
                    set -g __rtun_v '=on off'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_t' 'mcast_to' 'mcast_to_' 'mcast_to_u' 'mcast_to_un' 'mcast_to_uni' 'mcast_to_unic' 'mcast_to_unica' 'mcast_to_unicas' 'mcast_to_unicast'
                    set -g __rtun_v '=on off'
                case 'p' 'pr' 'pro' 'prox' 'proxy' 'proxy_' 'proxy_a' 'proxy_ar' 'proxy_arp'
                    set -g __rtun_v '=on off'
                case 'p' 'pr' 'pro' 'prox' 'proxy' 'proxy_' 'proxy_a' 'proxy_ar' 'proxy_arp' 'proxy_arp_' 'proxy_arp_w' 'proxy_arp_wi' 'proxy_arp_wif' 'proxy_arp_wifi'
                    set -g __rtun_v '=on off'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_r' 'mcast_ro' 'mcast_rou' 'mcast_rout' 'mcast_route' 'mcast_router'
                    set -g __rtun_v '-'
                case 'm' 'mc' 'mca' 'mcas' 'mcast' 'mcast_' 'mcast_f' 'mcast_fa' 'mcast_fas' 'mcast_fast' 'mcast_fast_' 'mcast_fast_l' 'mcast_fast_le' 'mcast_fast_lea' 'mcast_fast_leav' 'mcast_fast_leave'
                    set -g __rtun_v '=on off'
                case 'n' 'ne' 'nei' 'neig' 'neigh' 'neigh_' 'neigh_s' 'neigh_su' 'neigh_sup' 'neigh_supp' 'neigh_suppr' 'neigh_suppre' 'neigh_suppres' 'neigh_suppress'
                    set -g __rtun_v '=on off'
                case 'g' 'gr' 'gro' 'grou' 'group' 'group_' 'group_f' 'group_fw' 'group_fwd' 'group_fwd_' 'group_fwd_m' 'group_fwd_ma' 'group_fwd_mas' 'group_fwd_mask'
                    set -g __rtun_v '-'
                case 'v' 'vl' 'vla' 'vlan' 'vlan_' 'vlan_t' 'vlan_tu' 'vlan_tun' 'vlan_tunn' 'vlan_tunne' 'vlan_tunnel'
                    set -g __rtun_v '=on off'
                case 'i' 'is' 'iso' 'isol' 'isola' 'isolat' 'isolate' 'isolated'
                    set -g __rtun_v '=on off'
                case 'l' 'lo' 'loc' 'lock' 'locke' 'locked'
                    set -g __rtun_v '=on off'
                case 'b' 'ba' 'bac' 'back' 'backu' 'backup' 'backup_' 'backup_p' 'backup_po' 'backup_por' 'backup_port'
                    set -g __rtun_v '@ifnames'
                case 'n' 'no' 'nob' 'noba' 'nobac' 'noback' 'nobacku' 'nobackup' 'nobackup_' 'nobackup_p' 'nobackup_po' 'nobackup_por' 'nobackup_port'
                    set -g __rtun_v ''
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 39
            switch $argv[2]
                case 'q' 'qu' 'que' 'queu' 'queue' 'queue_' 'queue_i' 'queue_id'
                    set -g __rtun_v '-'
                case 'prio'
                    set -g __rtun_v '-'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 40
            switch $argv[2]
                case 'k' 'ke' 'key'
                    set -g __rtun_v '-'
                case 'n' 'no' 'nok' 'noke' 'nokey'
                    set -g __rtun_v ''
                case 'i' 'ik' 'ike' 'ikey'
                    set -g __rtun_v '-'
                case 'n' 'no' 'noi' 'noik' 'noike' 'noikey'
                    set -g __rtun_v ''
                case 'o' 'ok' 'oke' 'okey'
                    set -g __rtun_v '-'
                case 'n' 'no' 'noo' 'nook' 'nooke' 'nookey'
                    set -g __rtun_v ''
                case 's' 'se' 'seq'
                    set -g __rtun_v ''
                case 'n' 'no' 'nos' 'nose' 'noseq'
                    set -g __rtun_v ''
                case 'i' 'is' 'ise' 'iseq'
                    set -g __rtun_v ''
                case 'n' 'no' 'noi' 'nois' 'noise' 'noiseq'
                    set -g __rtun_v ''
                case 'o' 'os' 'ose' 'oseq'
                    set -g __rtun_v ''
                case 'n' 'no' 'noo' 'noos' 'noose' 'nooseq'
                    set -g __rtun_v ''
                case 'c' 'cs' 'csu' 'csum'
                    set -g __rtun_v ''
                case 'n' 'no' 'noc' 'nocs' 'nocsu' 'nocsum'
                    set -g __rtun_v ''
                case 'i' 'ic' 'ics' 'icsu' 'icsum'
                    set -g __rtun_v ''
                case 'n' 'no' 'noi' 'noic' 'noics' 'noicsu' 'noicsum'
                    set -g __rtun_v ''
                case 'o' 'oc' 'ocs' 'ocsu' 'ocsum'
                    set -g __rtun_v ''
                case 'n' 'no' 'noo' 'nooc' 'noocs' 'noocsu' 'noocsum'
                    set -g __rtun_v ''
                case 'n' 'no' 'nop' 'nopm' 'nopmt' 'nopmtu' 'nopmtud' 'nopmtudi' 'nopmtudis' 'nopmtudisc'
                    set -g __rtun_v ''
                case 'p' 'pm' 'pmt' 'pmtu' 'pmtud' 'pmtudi' 'pmtudis' 'pmtudisc'
                    set -g __rtun_v ''
                case 'r' 're' 'rem' 'remo' 'remot' 'remote'
                    set -g __rtun_v '-'
                case 'l' 'lo' 'loc' 'loca' 'local'
                    set -g __rtun_v '-'
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 't' 'tt' 'ttl' 'h' 'ho' 'hop' 'hopl' 'hopli' 'hoplim' 'hoplimi' 'hoplimit' 'hl' 'hli' 'hlim'
                    set -g __rtun_v '-'
                case 't' 'to' 'tos' 'tc' 'tcl' 'tcla' 'tclas' 'tclass' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'noencap'
                    set -g __rtun_v ''
                case 'encap'
                    set -g __rtun_v '=fou gue none'
                case 'encap-sport'
                    set -g __rtun_v '-'
                case 'encap-dport'
                    set -g __rtun_v '-'
                case 'encap-csum'
                    set -g __rtun_v ''
                case 'noencap-csum'
                    set -g __rtun_v ''
                case 'encap-udp6-csum'
                    set -g __rtun_v ''
                case 'noencap-udp6-csum'
                    set -g __rtun_v ''
                case 'encap-remcsum'
                    set -g __rtun_v ''
                case 'noencap-remcsum'
                    set -g __rtun_v ''
                case 'external'
                    set -g __rtun_v ''
                case 'ignore-df'
                    set -g __rtun_v ''
                case 'noignore-df'
                    set -g __rtun_v ''
                case 'fwmark'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 41
            switch $argv[2]
                case 'k' 'ke' 'key'
                    set -g __rtun_v '-'
                case 'n' 'no' 'nok' 'noke' 'nokey'
                    set -g __rtun_v ''
                case 'i' 'ik' 'ike' 'ikey'
                    set -g __rtun_v '-'
                case 'n' 'no' 'noi' 'noik' 'noike' 'noikey'
                    set -g __rtun_v ''
                case 'o' 'ok' 'oke' 'okey'
                    set -g __rtun_v '-'
                case 'n' 'no' 'noo' 'nook' 'nooke' 'nookey'
                    set -g __rtun_v ''
                case 's' 'se' 'seq'
                    set -g __rtun_v ''
                case 'n' 'no' 'nos' 'nose' 'noseq'
                    set -g __rtun_v ''
                case 'i' 'is' 'ise' 'iseq'
                    set -g __rtun_v ''
                case 'n' 'no' 'noi' 'nois' 'noise' 'noiseq'
                    set -g __rtun_v ''
                case 'o' 'os' 'ose' 'oseq'
                    set -g __rtun_v ''
                case 'n' 'no' 'noo' 'noos' 'noose' 'nooseq'
                    set -g __rtun_v ''
                case 'c' 'cs' 'csu' 'csum'
                    set -g __rtun_v ''
                case 'n' 'no' 'noc' 'nocs' 'nocsu' 'nocsum'
                    set -g __rtun_v ''
                case 'i' 'ic' 'ics' 'icsu' 'icsum'
                    set -g __rtun_v ''
                case 'n' 'no' 'noi' 'noic' 'noics' 'noicsu' 'noicsum'
                    set -g __rtun_v ''
                case 'o' 'oc' 'ocs' 'ocsu' 'ocsum'
                    set -g __rtun_v ''
                case 'n' 'no' 'noo' 'nooc' 'noocs' 'noocsu' 'noocsum'
                    set -g __rtun_v ''
                case 'n' 'no' 'nop' 'nopm' 'nopmt' 'nopmtu' 'nopmtud' 'nopmtudi' 'nopmtudis' 'nopmtudisc'
                    set -g __rtun_v ''
                case 'p' 'pm' 'pmt' 'pmtu' 'pmtud' 'pmtudi' 'pmtudis' 'pmtudisc'
                    set -g __rtun_v ''
                case 'r' 're' 'rem' 'remo' 'remot' 'remote'
                    set -g __rtun_v '-'
                case 'l' 'lo' 'loc' 'loca' 'local'
                    set -g __rtun_v '-'
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 't' 'tt' 'ttl' 'h' 'ho' 'hop' 'hopl' 'hopli' 'hoplim' 'hoplimi' 'hoplimit' 'hl' 'hli' 'hlim'
                    set -g __rtun_v '-'
                case 't' 'to' 'tos' 'tc' 'tcl' 'tcla' 'tclas' 'tclass' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'noencap'
                    set -g __rtun_v ''
                case 'encap'
                    set -g __rtun_v '=fou gue none'
                case 'encap-sport'
                    set -g __rtun_v '-'
                case 'encap-dport'
                    set -g __rtun_v '-'
                case 'encap-csum'
                    set -g __rtun_v ''
                case 'noencap-csum'
                    set -g __rtun_v ''
                case 'encap-udp6-csum'
                    set -g __rtun_v ''
                case 'noencap-udp6-csum'
                    set -g __rtun_v ''
                case 'encap-remcsum'
                    set -g __rtun_v ''
                case 'noencap-remcsum'
                    set -g __rtun_v ''
                case 'external'
                    set -g __rtun_v ''
                case 'ignore-df'
                    set -g __rtun_v ''
                case 'noignore-df'
                    set -g __rtun_v ''
                case 'fwmark'
                    set -g __rtun_v '-'
                case 'erspan'
                    set -g __rtun_v '-'
                case 'erspan_ver'
                    set -g __rtun_v '-'
                case 'erspan_dir'
                    set -g __rtun_v '=ingress egress'
                case 'erspan_hwid'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 42
            switch $argv[2]
                case 'k' 'ke' 'key'
                    set -g __rtun_v '-'
                case 'n' 'no' 'nok' 'noke' 'nokey'
                    set -g __rtun_v ''
                case 'i' 'ik' 'ike' 'ikey'
                    set -g __rtun_v '-'
                case 'n' 'no' 'noi' 'noik' 'noike' 'noikey'
                    set -g __rtun_v ''
                case 'o' 'ok' 'oke' 'okey'
                    set -g __rtun_v '-'
                case 'n' 'no' 'noo' 'nook' 'nooke' 'nookey'
                    set -g __rtun_v ''
                case 's' 'se' 'seq'
                    set -g __rtun_v ''
                case 'n' 'no' 'nos' 'nose' 'noseq'
                    set -g __rtun_v ''
                case 'i' 'is' 'ise' 'iseq'
                    set -g __rtun_v ''
                case 'n' 'no' 'noi' 'nois' 'noise' 'noiseq'
                    set -g __rtun_v ''
                case 'o' 'os' 'ose' 'oseq'
                    set -g __rtun_v ''
                case 'n' 'no' 'noo' 'noos' 'noose' 'nooseq'
                    set -g __rtun_v ''
                case 'c' 'cs' 'csu' 'csum'
                    set -g __rtun_v ''
                case 'n' 'no' 'noc' 'nocs' 'nocsu' 'nocsum'
                    set -g __rtun_v ''
                case 'i' 'ic' 'ics' 'icsu' 'icsum'
                    set -g __rtun_v ''
                case 'n' 'no' 'noi' 'noic' 'noics' 'noicsu' 'noicsum'
                    set -g __rtun_v ''
                case 'o' 'oc' 'ocs' 'ocsu' 'ocsum'
                    set -g __rtun_v ''
                case 'n' 'no' 'noo' 'nooc' 'noocs' 'noocsu' 'noocsum'
                    set -g __rtun_v ''
                case 'r' 're' 'rem' 'remo' 'remot' 'remote'
                    set -g __rtun_v '-'
                case 'l' 'lo' 'loc' 'loca' 'local'
                    set -g __rtun_v '-'
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 't' 'tt' 'ttl' 'h' 'ho' 'hop' 'hopl' 'hopli' 'hoplim' 'hoplimi' 'hoplimit' 'hl' 'hli' 'hlim'
                    set -g __rtun_v '-'
                case 't' 'to' 'tos' 'tc' 'tcl' 'tcla' 'tclas' 'tclass' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'flowlabel' 'fl'
                    set -g __rtun_v '-'
                case 'dscp'
                    set -g __rtun_v '=inherit'
                case 'noencap'
                    set -g __rtun_v ''
                case 'encap'
                    set -g __rtun_v '=fou gue none'
                case 'encap-sport'
                    set -g __rtun_v '-'
                case 'encap-dport'
                    set -g __rtun_v '-'
                case 'encap-csum'
                    set -g __rtun_v ''
                case 'noencap-csum'
                    set -g __rtun_v ''
                case 'encap-udp6-csum'
                    set -g __rtun_v ''
                case 'noencap-udp6-csum'
                    set -g __rtun_v ''
                case 'encap-remcsum'
                    set -g __rtun_v ''
                case 'noencap-remcsum'
                    set -g __rtun_v ''
                case 'external'
                    set -g __rtun_v ''
                case 'fwmark'
                    set -g __rtun_v '-'
                case 'allow-localremote'
                    set -g __rtun_v ''
                case 'noallow-localremote'
                    set -g __rtun_v ''
                case 'encaplimit'
                    set -g __rtun_v '-'
                case 'erspan'
                    set -g __rtun_v '-'
                case 'erspan_ver'
                    set -g __rtun_v '-'
                case 'erspan_dir'
                    set -g __rtun_v '=ingress egress'
                case 'erspan_hwid'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 43
            switch $argv[2]
                case 'mode'
                    set -g __rtun_v '-'
                case 'remote'
                    set -g __rtun_v '-'
                case 'local'
                    set -g __rtun_v '-'
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 'ttl' 'hoplimit' 'hlim'
                    set -g __rtun_v '-'
                case 'tos' 'tclass' 'tc' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'nopmtudisc'
                    set -g __rtun_v ''
                case 'pmtudisc'
                    set -g __rtun_v ''
                case 'noencap'
                    set -g __rtun_v ''
                case 'encap'
                    set -g __rtun_v '=fou gue none'
                case 'encap-sport'
                    set -g __rtun_v '-'
                case 'encap-dport'
                    set -g __rtun_v '-'
                case 'encap-csum'
                    set -g __rtun_v ''
                case 'noencap-csum'
                    set -g __rtun_v ''
                case 'encap-udp6-csum'
                    set -g __rtun_v ''
                case 'noencap-udp6-csum'
                    set -g __rtun_v ''
                case 'encap-remcsum'
                    set -g __rtun_v ''
                case 'noencap-remcsum'
                    set -g __rtun_v ''
                case 'external'
                    set -g __rtun_v ''
                case '6rd-prefix'
                    set -g __rtun_v '-'
                case '6rd-relay_prefix'
                    set -g __rtun_v '-'
                case '6rd-reset'
                    set -g __rtun_v ''
                case 'fwmark'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 44
            switch $argv[2]
                case 'mode'
                    set -g __rtun_v '-'
                case 'remote'
                    set -g __rtun_v '-'
                case 'local'
                    set -g __rtun_v '-'
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 'ttl' 'hoplimit' 'hlim'
                    set -g __rtun_v '-'
                case 'tos' 'tclass' 'tc' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'nopmtudisc'
                    set -g __rtun_v ''
                case 'pmtudisc'
                    set -g __rtun_v ''
                case 'isatap'
                    set -g __rtun_v ''
                case 'noencap'
                    set -g __rtun_v ''
                case 'encap'
                    set -g __rtun_v '=fou gue none'
                case 'encap-sport'
                    set -g __rtun_v '-'
                case 'encap-dport'
                    set -g __rtun_v '-'
                case 'encap-csum'
                    set -g __rtun_v ''
                case 'noencap-csum'
                    set -g __rtun_v ''
                case 'encap-udp6-csum'
                    set -g __rtun_v ''
                case 'noencap-udp6-csum'
                    set -g __rtun_v ''
                case 'encap-remcsum'
                    set -g __rtun_v ''
                case 'noencap-remcsum'
                    set -g __rtun_v ''
                case 'external'
                    set -g __rtun_v ''
                case '6rd-prefix'
                    set -g __rtun_v '-'
                case '6rd-relay_prefix'
                    set -g __rtun_v '-'
                case '6rd-reset'
                    set -g __rtun_v ''
                case 'fwmark'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 45
            switch $argv[2]
                case 'mode'
                    set -g __rtun_v '=ip6ip6 ipip6 any'
                case 'remote'
                    set -g __rtun_v '-'
                case 'local'
                    set -g __rtun_v '-'
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 'ttl' 'hoplimit' 'hlim'
                    set -g __rtun_v '-'
                case 'encaplimit'
                    set -g __rtun_v '-'
                case 'tos' 'tclass' 'tc' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'flowlabel' 'fl'
                    set -g __rtun_v '-'
                case 'dscp'
                    set -g __rtun_v '=inherit'
                case 'fwmark'
                    set -g __rtun_v '-'
                case 'allow-localremote'
                    set -g __rtun_v ''
                case 'noallow-localremote'
                    set -g __rtun_v ''
                case 'noencap'
                    set -g __rtun_v ''
                case 'encap'
                    set -g __rtun_v '=fou gue none'
                case 'encap-sport'
                    set -g __rtun_v '-'
                case 'encap-dport'
                    set -g __rtun_v '-'
                case 'encap-csum'
                    set -g __rtun_v ''
                case 'noencap-csum'
                    set -g __rtun_v ''
                case 'encap-udp6-csum'
                    set -g __rtun_v ''
                case 'noencap-udp6-csum'
                    set -g __rtun_v ''
                case 'encap-remcsum'
                    set -g __rtun_v ''
                case 'noencap-remcsum'
                    set -g __rtun_v ''
                case 'external'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 46
            switch $argv[2]
                case 'k' 'ke' 'key'
                    set -g __rtun_v '-'
                case 'i' 'ik' 'ike' 'ikey'
                    set -g __rtun_v '-'
                case 'o' 'ok' 'oke' 'okey'
                    set -g __rtun_v '-'
                case 'r' 're' 'rem' 'remo' 'remot' 'remote'
                    set -g __rtun_v '-'
                case 'l' 'lo' 'loc' 'loca' 'local'
                    set -g __rtun_v '-'
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 'fwmark'
                    set -g __rtun_v '-'
                case '*'
                    return 1
            end
        case 47
            switch $argv[2]
                case 'm' 'mo' 'mod' 'mode'
                    set -g __rtun_v '=balance-rr active-backup balance-xor broadcast 802.3ad balance-tlb balance-alb'
                case 'a' 'ac' 'act' 'acti' 'activ' 'active' 'active_' 'active_s' 'active_sl' 'active_sla' 'active_slav' 'active_slave'
                    set -g __rtun_v '@ifnames'
                case 'c' 'cl' 'cle' 'clea' 'clear' 'clear_' 'clear_a' 'clear_ac' 'clear_act' 'clear_acti' 'clear_activ' 'clear_active' 'clear_active_' 'clear_active_s' 'clear_active_sl' 'clear_active_sla' 'clear_active_slav' 'clear_active_slave'
                    set -g __rtun_v ''
                case 'm' 'mi' 'mii' 'miim' 'miimo' 'miimon'
                    set -g __rtun_v '-'
                case 'u' 'up' 'upd' 'upde' 'updel' 'updela' 'updelay'
                    set -g __rtun_v '-'
                case 'd' 'do' 'dow' 'down' 'downd' 'downde' 'downdel' 'downdela' 'downdelay'
                    set -g __rtun_v '-'
                case 'p' 'pe' 'pee' 'peer' 'peer_' 'peer_n' 'peer_no' 'peer_not' 'peer_noti' 'peer_notif' 'peer_notify' 'peer_notify_' 'peer_notify_d' 'peer_notify_de' 'peer_notify_del' 'peer_notify_dela' 'peer_notify_delay'
                    set -g __rtun_v '-'
                case 'u' 'us' 'use' 'use_' 'use_c' 'use_ca' 'use_car' 'use_carr' 'use_carri' 'use_carrie' 'use_carrier'
                    set -g __rtun_v '-'
                case 'a' 'ar' 'arp' 'arp_' 'arp_i' 'arp_in' 'arp_int' 'arp_inte' 'arp_inter' 'arp_interv' 'arp_interva' 'arp_interval'
                    set -g __rtun_v '-'
                case 'a' 'ar' 'arp' 'arp_' 'arp_i' 'arp_ip' 'arp_ip_' 'arp_ip_t' 'arp_ip_ta' 'arp_ip_tar' 'arp_ip_targ' 'arp_ip_targe' 'arp_ip_target'
                    set -g __rtun_v '-'
                case 'ns_ip6_target'
                    set -g __rtun_v '-'
                case 'a' 'ar' 'arp' 'arp_' 'arp_v' 'arp_va' 'arp_val' 'arp_vali' 'arp_valid' 'arp_valida' 'arp_validat' 'arp_validate'
                    set -g __rtun_v '=none active backup all filter filter_active filter_backup'
                case 'a' 'ar' 'arp' 'arp_' 'arp_a' 'arp_al' 'arp_all' 'arp_all_' 'arp_all_t' 'arp_all_ta' 'arp_all_tar' 'arp_all_targ' 'arp_all_targe' 'arp_all_target' 'arp_all_targets'
                    set -g __rtun_v '=any all'
                case 'arp_missed_max'
                    set -g __rtun_v '-'
                case 'p' 'pr' 'pri' 'prim' 'prima' 'primar' 'primary'
                    set -g __rtun_v '@ifnames'
                case 'p' 'pr' 'pri' 'prim' 'prima' 'primar' 'primary' 'primary_' 'primary_r' 'primary_re' 'primary_res' 'primary_rese' 'primary_resel' 'primary_resele' 'primary_reselec' 'primary_reselect'
                    set -g __rtun_v '=always better failure'
                case 'f' 'fa' 'fai' 'fail' 'fail_' 'fail_o' 'fail_ov' 'fail_ove' 'fail_over' 'fail_over_' 'fail_over_m' 'fail_over_ma' 'fail_over_mac'
                    set -g __rtun_v '=none active follow'
                case 'x' 'xm' 'xmi' 'xmit' 'xmit_' 'xmit_h' 'xmit_ha' 'xmit_has' 'xmit_hash' 'xmit_hash_' 'xmit_hash_p' 'xmit_hash_po' 'xmit_hash_pol' 'xmit_hash_poli' 'xmit_hash_polic' 'xmit_hash_policy'
                    set -g __rtun_v '=layer2 layer3+4 layer2+3 encap2+3 encap3+4 vlan+srcmac'
                case 'r' 're' 'res' 'rese' 'resen' 'resend' 'resend_' 'resend_i' 'resend_ig' 'resend_igm' 'resend_igmp'
                    set -g __rtun_v '-'
                case 'n' 'nu' 'num' 'num_' 'num_g' 'num_gr' 'num_gra' 'num_grat' 'num_grat_' 'num_grat_a' 'num_grat_ar' 'num_grat_arp' 'num_u' 'num_un' 'num_uns' 'num_unso' 'num_unsol' 'num_unsol_' 'num_unsol_n' 'num_unsol_na'
                    set -g __rtun_v '-'
                case 'a' 'al' 'all' 'all_' 'all_s' 'all_sl' 'all_sla' 'all_slav' 'all_slave' 'all_slaves' 'all_slaves_' 'all_slaves_a' 'all_slaves_ac' 'all_slaves_act' 'all_slaves_acti' 'all_slaves_activ' 'all_slaves_active'
                    set -g __rtun_v '-'
                case 'm' 'mi' 'min' 'min_' 'min_l' 'min_li' 'min_lin' 'min_link' 'min_links'
                    set -g __rtun_v '-'
                case 'l' 'lp' 'lp_' 'lp_i' 'lp_in' 'lp_int' 'lp_inte' 'lp_inter' 'lp_interv' 'lp_interva' 'lp_interval'
                    set -g __rtun_v '-'
                case 'p' 'pa' 'pac' 'pack' 'packe' 'packet' 'packets' 'packets_' 'packets_p' 'packets_pe' 'packets_per' 'packets_per_' 'packets_per_s' 'packets_per_sl' 'packets_per_sla' 'packets_per_slav' 'packets_per_slave'
                    set -g __rtun_v '-'
                case 'l' 'la' 'lac' 'lacp' 'lacp_' 'lacp_r' 'lacp_ra' 'lacp_rat' 'lacp_rate'
                    set -g __rtun_v '=slow fast'
                case 'lacp_active'
                    set -g __rtun_v '=off on'
                case 'a' 'ad' 'ad_' 'ad_s' 'ad_se' 'ad_sel' 'ad_sele' 'ad_selec' 'ad_select'
                    set -g __rtun_v '=stable bandwidth count'
                case 'a' 'ad' 'ad_' 'ad_u' 'ad_us' 'ad_use' 'ad_user' 'ad_user_' 'ad_user_p' 'ad_user_po' 'ad_user_por' 'ad_user_port' 'ad_user_port_' 'ad_user_port_k' 'ad_user_port_ke' 'ad_user_port_key'
                    set -g __rtun_v '-'
                case 'a' 'ad' 'ad_' 'ad_a' 'ad_ac' 'ad_act' 'ad_acto' 'ad_actor' 'ad_actor_' 'ad_actor_s' 'ad_actor_sy' 'ad_actor_sys' 'ad_actor_sys_' 'ad_actor_sys_p' 'ad_actor_sys_pr' 'ad_actor_sys_pri' 'ad_actor_sys_prio'
                    set -g __rtun_v '-'
                case 'a' 'ad' 'ad_' 'ad_a' 'ad_ac' 'ad_act' 'ad_acto' 'ad_actor' 'ad_actor_' 'ad_actor_s' 'ad_actor_sy' 'ad_actor_sys' 'ad_actor_syst' 'ad_actor_syste' 'ad_actor_system'
                    set -g __rtun_v '-'
                case 't' 'tl' 'tlb' 'tlb_' 'tlb_d' 'tlb_dy' 'tlb_dyn' 'tlb_dyna' 'tlb_dynam' 'tlb_dynami' 'tlb_dynamic' 'tlb_dynamic_' 'tlb_dynamic_l' 'tlb_dynamic_lb'
                    set -g __rtun_v '-'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 48
            switch $argv[2]
                case 't' 'ta' 'tab' 'tabl' 'table'
                    set -g __rtun_v '@tables'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 49
            switch $argv[2]
                case '*'
                    return 1
            end
        case 50
            switch $argv[2]
                case 'i' 'id' 'v' 'vn' 'vni'
                    set -g __rtun_v '-'
                case 'r' 're' 'rem' 'remo' 'remot' 'remote'
                    set -g __rtun_v '-'
                case 't' 'tt' 'ttl' 'h' 'ho' 'hop' 'hopl' 'hopli' 'hoplim' 'hoplimi' 'hoplimit'
                    set -g __rtun_v '-'
                case 't' 'to' 'tos' 'd' 'ds' 'dsf' 'dsfi' 'dsfie' 'dsfiel' 'dsfield'
                    set -g __rtun_v '-'
                case 'd' 'df'
                    set -g __rtun_v '=unset set inherit'
                case 'l' 'la' 'lab' 'labe' 'label' 'f' 'fl' 'flo' 'flow' 'flowl' 'flowla' 'flowlab' 'flowlabe' 'flowlabel'
                    set -g __rtun_v '-'
                case 'd' 'ds' 'dst' 'dstp' 'dstpo' 'dstpor' 'dstport'
                    set -g __rtun_v '-'
                case 'e' 'ex' 'ext' 'exte' 'exter' 'extern' 'externa' 'external'
                    set -g __rtun_v ''
                case 'n' 'no' 'noe' 'noex' 'noext' 'noexte' 'noexter' 'noextern' 'noexterna' 'noexternal'
                    set -g __rtun_v ''
                case 'u' 'ud' 'udp' 'udpc' 'udpcs' 'udpcsu' 'udpcsum'
                    set -g __rtun_v ''
                case 'n' 'no' 'nou' 'noud' 'noudp' 'noudpc' 'noudpcs' 'noudpcsu' 'noudpcsum'
                    set -g __rtun_v ''
                case 'u' 'ud' 'udp' 'udp6' 'udp6z' 'udp6ze' 'udp6zer' 'udp6zero' 'udp6zeroc' 'udp6zerocs' 'udp6zerocsu' 'udp6zerocsum' 'udp6zerocsumt' 'udp6zerocsumtx'
                    set -g __rtun_v ''
                case 'n' 'no' 'nou' 'noud' 'noudp' 'noudp6' 'noudp6z' 'noudp6ze' 'noudp6zer' 'noudp6zero' 'noudp6zeroc' 'noudp6zerocs' 'noudp6zerocsu' 'noudp6zerocsum' 'noudp6zerocsumt' 'noudp6zerocsumtx'
                    set -g __rtun_v ''
                case 'u' 'ud' 'udp' 'udp6' 'udp6z' 'udp6ze' 'udp6zer' 'udp6zero' 'udp6zeroc' 'udp6zerocs' 'udp6zerocsu' 'udp6zerocsum' 'udp6zerocsumr' 'udp6zerocsumrx'
                    set -g __rtun_v ''
                case 'n' 'no' 'nou' 'noud' 'noudp' 'noudp6' 'noudp6z' 'noudp6ze' 'noudp6zer' 'noudp6zero' 'noudp6zeroc' 'noudp6zerocs' 'noudp6zerocsu' 'noudp6zerocsum' 'noudp6zerocsumr' 'noudp6zerocsumrx'
                    set -g __rtun_v ''
                case 'innerprotoinherit'
                    set -g __rtun_v ''
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 51
            switch $argv[2]
                case 'm' 'mo' 'mod' 'mode'
                    set -g __rtun_v '=l3 l3s l2'
                case 'p' 'pr' 'pri' 'priv' 'priva' 'privat' 'private'
                    set -g __rtun_v ''
                case 'v' 've' 'vep' 'vepa'
                    set -g __rtun_v ''
                case 'b' 'br' 'bri' 'brid' 'bridg' 'bridge'
                    set -g __rtun_v ''
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 52
            switch $argv[2]
                case 'd' 'de' 'dev'
                    set -g __rtun_v '@ifnames'
                case 'i' 'if' 'if_' 'if_i' 'if_id'
                    set -g __rtun_v '-'
                case 'external'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 53
            switch $argv[2]
                case 'd' 'ds' 'dst' 'dstp' 'dstpo' 'dstpor' 'dstport'
                    set -g __rtun_v '-'
                case 'e' 'et' 'eth' 'ethe' 'ether' 'ethert' 'etherty' 'ethertyp' 'ethertype'
                    set -g __rtun_v '-'
                case 's' 'sr' 'src' 'srcp' 'srcpo' 'srcpor' 'srcport' 'srcportm' 'srcportmi' 'srcportmin'
                    set -g __rtun_v '-'
                case 'm' 'mu' 'mul' 'mult' 'multi' 'multip' 'multipr' 'multipro' 'multiprot' 'multiproto'
                    set -g __rtun_v ''
                case 'n' 'no' 'nom' 'nomu' 'nomul' 'nomult' 'nomulti' 'nomultip' 'nomultipr' 'nomultipro' 'nomultiprot' 'nomultiproto'
                    set -g __rtun_v ''
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_v ''
                case '*'
                    return 1
            end
        case 54
            switch $argv[2]
                case '*'
                    return 1
            end
        case '*'
            return 1
    end
end

# __rtun_obj WORD: sets __rtun_o to the object WORD selects (listed ones only),
# and __rtun_g to its option table and __rtun_ops to its operands' spec when
# it takes getopt-style options.
function __rtun_obj
    set -g __rtun_o ''
    set -g __rtun_g ''
    set -g __rtun_ops ''
    switch $argv[1]
        case 'a' 'ad' 'add' 'addr' 'addre' 'addres' 'address'
            set -g __rtun_o '0'
        case 'a' 'ad' 'add' 'addr' 'addrl' 'addrla' 'addrlab' 'addrlabe' 'addrlabel'
            set -g __rtun_o ''
        case 'm' 'ma' 'mad' 'madd' 'maddr' 'maddre' 'maddres' 'maddress'
            set -g __rtun_o '2'
        case 'r' 'ro' 'rou' 'rout' 'route'
            set -g __rtun_o '3'
        case 'r' 'ru' 'rul' 'rule'
            set -g __rtun_o '4'
        case 'n' 'ne' 'nei' 'neig' 'neigh' 'neighb' 'neighbo' 'neighbor'
            set -g __rtun_o '5'
        case 'n' 'ne' 'nei' 'neig' 'neigh' 'neighb' 'neighbo' 'neighbou' 'neighbour'
            set -g __rtun_o '6'
        case 'n' 'nt' 'nta' 'ntab' 'ntabl' 'ntable'
            set -g __rtun_o ''
        case 'n' 'nt' 'ntb' 'ntbl'
            set -g __rtun_o ''
        case 'l' 'li' 'lin' 'link'
            set -g __rtun_o '9'
        case 'l' 'l2' 'l2t' 'l2tp'
            set -g __rtun_o ''
        case 'f' 'fo' 'fou'
            set -g __rtun_o ''
        case 'i' 'il' 'ila'
            set -g __rtun_o ''
        case 'm' 'ma' 'mac' 'macs' 'macse' 'macsec'
            set -g __rtun_o ''
        case 't' 'tu' 'tun' 'tunn' 'tunne' 'tunnel'
            set -g __rtun_o '14'
        case 't' 'tu' 'tun' 'tunl'
            set -g __rtun_o '15'
        case 't' 'tu' 'tun' 'tunt' 'tunta' 'tuntap'
            set -g __rtun_o ''
        case 't' 'ta' 'tap'
            set -g __rtun_o ''
        case 't' 'to' 'tok' 'toke' 'token'
            set -g __rtun_o ''
        case 't' 'tc' 'tcp' 'tcpm' 'tcpme' 'tcpmet' 'tcpmetr' 'tcpmetri' 'tcpmetric' 'tcpmetrics'
            set -g __rtun_o ''
        case 't' 'tc' 'tcp' 'tcp_' 'tcp_m' 'tcp_me' 'tcp_met' 'tcp_metr' 'tcp_metri' 'tcp_metric' 'tcp_metrics'
            set -g __rtun_o ''
        case 'm' 'mo' 'mon' 'moni' 'monit' 'monito' 'monitor'
            set -g __rtun_o '21'
        case 'x' 'xf' 'xfr' 'xfrm'
            set -g __rtun_o ''
        case 'm' 'mr' 'mro' 'mrou' 'mrout' 'mroute'
            set -g __rtun_o ''
        case 'm' 'mr' 'mru' 'mrul' 'mrule'
            set -g __rtun_o ''
        case 'n' 'ne' 'net' 'netn' 'netns'
            set -g __rtun_o '25'
        case 'n' 'ne' 'net' 'netc' 'netco' 'netcon' 'netconf'
            set -g __rtun_o ''
        case 'v' 'vr' 'vrf'
            set -g __rtun_o ''
        case 's' 'sr'
            set -g __rtun_o ''
        case 'n' 'ne' 'nex' 'next' 'nexth' 'nextho' 'nexthop'
            set -g __rtun_o '29'
        case 'm' 'mp' 'mpt' 'mptc' 'mptcp'
            set -g __rtun_o ''
        case 'i' 'io' 'ioa' 'ioam'
            set -g __rtun_o ''
        case 'h' 'he' 'hel' 'help'
            set -g __rtun_o '32'
        case 's' 'st' 'sta' 'stat' 'stats'
            set -g __rtun_o ''
        case 'n' 'nf' 'nft'
            set -g __rtun_o '34'
        case 's' 'sy' 'sys' 'sysc' 'sysct' 'sysctl'
            set -g __rtun_o '35'
            set -g __rtun_g 29
            set -g __rtun_ops '@sysctl-keys'
        case 'c' 'co' 'com' 'comp' 'compl' 'comple' 'complet' 'completi' 'completio' 'completion' 'completions'
            set -g __rtun_o '36'
        case 'c' 'co' 'com' 'comp' 'compl' 'comple' 'complet' 'complete'
            set -g __rtun_o ''
    end
    test -n "$__rtun_o"
end

# __rtun_cmd OBJECT WORD: sets __rtun_t to the keyword table of the command.
function __rtun_cmd
    set -g __rtun_t ''
    switch $argv[1]
        case 0
            switch $argv[2]
                case 'a' 'ad' 'add'
                    set -g __rtun_t '0'
                case 'c' 'ch' 'cha' 'chan' 'chang' 'change' 'chg'
                    set -g __rtun_t '0'
                case 'r' 're' 'rep' 'repl' 'repla' 'replac' 'replace'
                    set -g __rtun_t '0'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '0'
                case 'l' 'li' 'lis' 'list' 's' 'sh' 'sho' 'show' 'ls' 'lst'
                    set -g __rtun_t '1'
                case 'f' 'fl' 'flu' 'flus' 'flush'
                    set -g __rtun_t '1'
                case 's' 'sa' 'sav' 'save'
                    set -g __rtun_t '1'
                case 's' 'sh' 'sho' 'show' 'showd' 'showdu' 'showdum' 'showdump'
                    set -g __rtun_t ''
                case 'r' 're' 'res' 'rest' 'resto' 'restor' 'restore'
                    set -g __rtun_t ''
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_t ''
                case '*'
                    return 1
            end
        case 2
            switch $argv[2]
                case 'a' 'ad' 'add'
                    set -g __rtun_t '2'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '2'
                case 'l' 'li' 'lis' 'list' 's' 'sh' 'sho' 'show' 'ls' 'lst'
                    set -g __rtun_t '3'
                case '*'
                    return 1
            end
        case 3
            switch $argv[2]
                case 'a' 'ad' 'add'
                    set -g __rtun_t '4'
                case 'c' 'ch' 'cha' 'chan' 'chang' 'change' 'chg'
                    set -g __rtun_t '4'
                case 'r' 're' 'rep' 'repl' 'repla' 'replac' 'replace'
                    set -g __rtun_t '4'
                case 'p' 'pr' 'pre' 'prep' 'prepe' 'prepen' 'prepend'
                    set -g __rtun_t '4'
                case 'a' 'ap' 'app' 'appe' 'appen' 'append'
                    set -g __rtun_t '4'
                case 't' 'te' 'tes' 'test'
                    set -g __rtun_t '4'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '4'
                case 'l' 'li' 'lis' 'list' 's' 'sh' 'sho' 'show' 'ls' 'lst'
                    set -g __rtun_t '5'
                case 'g' 'ge' 'get'
                    set -g __rtun_t '6'
                case 'f' 'fl' 'flu' 'flus' 'flush'
                    set -g __rtun_t '5'
                case 's' 'sa' 'sav' 'save'
                    set -g __rtun_t '5'
                case 'r' 're' 'res' 'rest' 'resto' 'restor' 'restore'
                    set -g __rtun_t ''
                case 's' 'sh' 'sho' 'show' 'showd' 'showdu' 'showdum' 'showdump'
                    set -g __rtun_t ''
                case '*'
                    return 1
            end
        case 4
            switch $argv[2]
                case 'l' 'li' 'lis' 'list' 'ls' 'lst' 's' 'sh' 'sho' 'show'
                    set -g __rtun_t '7'
                case 's' 'sa' 'sav' 'save'
                    set -g __rtun_t ''
                case 'r' 're' 'res' 'rest' 'resto' 'restor' 'restore'
                    set -g __rtun_t ''
                case 'a' 'ad' 'add'
                    set -g __rtun_t '8'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '8'
                case 'f' 'fl' 'flu' 'flus' 'flush'
                    set -g __rtun_t '7'
                case '*'
                    return 1
            end
        case 5
            switch $argv[2]
                case 'a' 'ad' 'add'
                    set -g __rtun_t '9'
                case 'c' 'ch' 'cha' 'chan' 'chang' 'change' 'chg'
                    set -g __rtun_t '9'
                case 'r' 're' 'rep' 'repl' 'repla' 'replac' 'replace'
                    set -g __rtun_t '9'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '9'
                case 'g' 'ge' 'get'
                    set -g __rtun_t '10'
                case 's' 'sh' 'sho' 'show' 'l' 'ls' 'lst' 'li' 'lis' 'list'
                    set -g __rtun_t '11'
                case 'f' 'fl' 'flu' 'flus' 'flush'
                    set -g __rtun_t '11'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_t ''
                case '*'
                    return 1
            end
        case 6
            switch $argv[2]
                case 'a' 'ad' 'add'
                    set -g __rtun_t '9'
                case 'c' 'ch' 'cha' 'chan' 'chang' 'change' 'chg'
                    set -g __rtun_t '9'
                case 'r' 're' 'rep' 'repl' 'repla' 'replac' 'replace'
                    set -g __rtun_t '9'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '9'
                case 'g' 'ge' 'get'
                    set -g __rtun_t '10'
                case 's' 'sh' 'sho' 'show' 'l' 'ls' 'lst' 'li' 'lis' 'list'
                    set -g __rtun_t '11'
                case 'f' 'fl' 'flu' 'flus' 'flush'
                    set -g __rtun_t '11'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_t ''
                case '*'
                    return 1
            end
        case 9
            switch $argv[2]
                case 'a' 'ad' 'add'
                    set -g __rtun_t '12'
                case 's' 'se' 'set'
                    set -g __rtun_t '13'
                case 'c' 'ch' 'cha' 'chan' 'chang' 'change'
                    set -g __rtun_t '13'
                case 'r' 're' 'rep' 'repl' 'repla' 'replac' 'replace'
                    set -g __rtun_t '12'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '13'
                case 's' 'sh' 'sho' 'show' 'l' 'ls' 'lst' 'li' 'lis' 'list'
                    set -g __rtun_t '1'
                case 'x' 'xs' 'xst' 'xsta' 'xstat' 'xstats'
                    set -g __rtun_t ''
                case 'a' 'af' 'afs' 'afst' 'afsta' 'afstat' 'afstats'
                    set -g __rtun_t ''
                case 'p' 'pr' 'pro' 'prop' 'prope' 'proper' 'propert' 'property'
                    set -g __rtun_t '14'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_t ''
                case '*'
                    return 1
            end
        case 14
            switch $argv[2]
                case 'a' 'ad' 'add'
                    set -g __rtun_t '15'
                case 'c' 'ch' 'cha' 'chan' 'chang' 'change'
                    set -g __rtun_t '15'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '15'
                case 's' 'sh' 'sho' 'show'
                    set -g __rtun_t '15'
                case 'l' 'ls' 'lst'
                    set -g __rtun_t '15'
                case 'l' 'li' 'lis' 'list'
                    set -g __rtun_t '15'
                case 'p' 'pr' 'prl'
                    set -g __rtun_t '16'
                case '6' '6r' '6rd'
                    set -g __rtun_t '17'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_t ''
                case 'check'
                    set -g __rtun_t '18'
                case 'keepalive'
                    set -g __rtun_t '19'
                case '*'
                    return 1
            end
        case 15
            switch $argv[2]
                case 'a' 'ad' 'add'
                    set -g __rtun_t '15'
                case 'c' 'ch' 'cha' 'chan' 'chang' 'change'
                    set -g __rtun_t '15'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '15'
                case 's' 'sh' 'sho' 'show'
                    set -g __rtun_t '15'
                case 'l' 'ls' 'lst'
                    set -g __rtun_t '15'
                case 'l' 'li' 'lis' 'list'
                    set -g __rtun_t '15'
                case 'p' 'pr' 'prl'
                    set -g __rtun_t '16'
                case '6' '6r' '6rd'
                    set -g __rtun_t '17'
                case 'h' 'he' 'hel' 'help'
                    set -g __rtun_t ''
                case 'check'
                    set -g __rtun_t '18'
                case 'keepalive'
                    set -g __rtun_t '19'
                case '*'
                    return 1
            end
        case 21
            switch $argv[2]
                case 'f' 'fi' 'fil' 'file'
                    set -g __rtun_t '20'
                case 'l' 'la' 'lab' 'labe' 'label'
                    set -g __rtun_t '20'
                case 'l' 'li' 'lin' 'link'
                    set -g __rtun_t '20'
                case 'a' 'ad' 'add' 'addr' 'addre' 'addres' 'address'
                    set -g __rtun_t '20'
                case 'r' 'ro' 'rou' 'rout' 'route'
                    set -g __rtun_t '20'
                case 'm' 'mr' 'mro' 'mrou' 'mrout' 'mroute'
                    set -g __rtun_t '20'
                case 'p' 'pr' 'pre' 'pref' 'prefi' 'prefix'
                    set -g __rtun_t '20'
                case 'n' 'ne' 'nei' 'neig' 'neigh'
                    set -g __rtun_t '20'
                case 'n' 'ne' 'net' 'netc' 'netco' 'netcon' 'netconf'
                    set -g __rtun_t '20'
                case 'r' 'ru' 'rul' 'rule'
                    set -g __rtun_t '20'
                case 'n' 'ns' 'nsi' 'nsid'
                    set -g __rtun_t '20'
                case 'n' 'ne' 'nex' 'next' 'nexth' 'nextho' 'nexthop'
                    set -g __rtun_t '20'
                case 'stats'
                    set -g __rtun_t '20'
                case 'all'
                    set -g __rtun_t '20'
                case 'a' 'al' 'all' 'all-' 'all-n' 'all-ns' 'all-nsi' 'all-nsid'
                    set -g __rtun_t '20'
                case 'dev'
                    set -g __rtun_t '20'
                case '*'
                    return 1
            end
        case 25
            switch $argv[2]
                case 'l' 'li' 'lis' 'list' 's' 'sh' 'sho' 'show' 'ls' 'lst'
                    set -g __rtun_t ''
                case 'l' 'li' 'lis' 'list' 'list-' 'list-i' 'list-id'
                    set -g __rtun_t '21'
                case 'a' 'ad' 'add'
                    set -g __rtun_t '22'
                case 's' 'se' 'set'
                    set -g __rtun_t '22'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '22'
                case 'i' 'id' 'ide' 'iden' 'ident' 'identi' 'identif' 'identify'
                    set -g __rtun_t '23'
                case 'p' 'pi' 'pid' 'pids'
                    set -g __rtun_t '22'
                case 'e' 'ex' 'exe' 'exec'
                    set -g __rtun_t '22'
                case 'm' 'mo' 'mon' 'moni' 'monit' 'monito' 'monitor'
                    set -g __rtun_t ''
                case 'a' 'at' 'att' 'atta' 'attac' 'attach'
                    set -g __rtun_t '22'
                case '*'
                    return 1
            end
        case 29
            switch $argv[2]
                case 'a' 'ad' 'add'
                    set -g __rtun_t '24'
                case 'r' 're' 'rep' 'repl' 'repla' 'replac' 'replace'
                    set -g __rtun_t '24'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '24'
                case 'l' 'li' 'lis' 'list' 's' 'sh' 'sho' 'show' 'ls' 'lst'
                    set -g __rtun_t '25'
                case 'g' 'ge' 'get'
                    set -g __rtun_t '26'
                case 'f' 'fl' 'flu' 'flus' 'flush'
                    set -g __rtun_t '25'
                case 'b' 'bu' 'buc' 'buck' 'bucke' 'bucket'
                    set -g __rtun_t '27'
                case '*'
                    return 1
            end
        case 34
            switch $argv[2]
                case 'a' 'ad' 'add'
                    set -g __rtun_t '28'
                case 'd' 'de' 'del' 'dele' 'delet' 'delete'
                    set -g __rtun_t '28'
                case 's' 'sh' 'sho' 'show' 'l' 'li' 'lis' 'list'
                    set -g __rtun_t ''
                case 'f' 'fl' 'flu' 'flus' 'flush'
                    set -g __rtun_t ''
                case '*'
                    return 1
            end
        case 36
            switch $argv[2]
                case 'b' 'ba' 'bas' 'bash'
                    set -g __rtun_t ''
                case 'z' 'zs' 'zsh'
                    set -g __rtun_t ''
                case 'f' 'fi' 'fis' 'fish'
                    set -g __rtun_t ''
                case 'n' 'nu' 'nus' 'nush' 'nushe' 'nushel' 'nushell'
                    set -g __rtun_t ''
                case '*'
                    return 1
            end
        case '*'
            return 1
    end
end

# __rtun_kind KIND: sets __rtun_t to the keyword table of a link kind.
function __rtun_kind
    switch $argv[1]
        case 'veth'
            set -g __rtun_t 30
        case 'bridge'
            set -g __rtun_t 31
        case 'vxlan'
            set -g __rtun_t 32
        case 'ifb'
            set -g __rtun_t 33
        case 'dummy'
            set -g __rtun_t 34
        case 'vlan'
            set -g __rtun_t 35
        case 'macvlan'
            set -g __rtun_t 36
        case 'tun'
            set -g __rtun_t 37
        case 'bridge_slave'
            set -g __rtun_t 38
        case 'bond_slave'
            set -g __rtun_t 39
        case 'gre'
            set -g __rtun_t 40
        case 'gretap'
            set -g __rtun_t 36
        case 'erspan'
            set -g __rtun_t 41
        case 'ip6gre'
            set -g __rtun_t 42
        case 'ip6gretap'
            set -g __rtun_t 38
        case 'ip6erspan'
            set -g __rtun_t 38
        case 'ipip'
            set -g __rtun_t 43
        case 'sit'
            set -g __rtun_t 44
        case 'ip6tnl'
            set -g __rtun_t 45
        case 'vti'
            set -g __rtun_t 46
        case 'vti6'
            set -g __rtun_t 42
        case 'bond'
            set -g __rtun_t 47
        case 'vrf'
            set -g __rtun_t 48
        case 'vrf_slave'
            set -g __rtun_t 49
        case 'geneve'
            set -g __rtun_t 50
        case 'macvtap'
            set -g __rtun_t 33
        case 'ipvlan'
            set -g __rtun_t 51
        case 'ipvtap'
            set -g __rtun_t 46
        case 'xfrm'
            set -g __rtun_t 52
        case 'bareudp'
            set -g __rtun_t 53
        case 'wireguard'
            set -g __rtun_t 54
        case '*'
            return 1
    end
end

# __rtun_words KEY: the candidates of a state, with descriptions.
function __rtun_words
    switch $argv[1]
        case objects
            printf '%s\n' 'address	Protocol (IPv4/IPv6) addresses of devices' 'maddress	Multicast addresses of devices' 'route	Routing table entries' 'rule	Routing policy rules' 'neighbor	Neighbour (ARP and NDISC) entries' 'neighbour	Neighbour (ARP and NDISC) entries' 'link	Network devices: list, create, change and remove them' 'tunnel	IP tunnels (GRE, IPIP, SIT/ISATAP, VTI; with -6 or an IPv6 mode: ip6ip6, ipip6, ip6gre, vti6)' 'tunl	IP tunnels (GRE, IPIP, SIT/ISATAP, VTI; with -6 or an IPv6 mode: ip6ip6, ipip6, ip6gre, vti6)' 'monitor	Watch links, addresses, routes and more change' 'netns	Named network namespaces' 'nexthop	Nexthop objects that routes use by id' 'help	Show the usage summary' 'nft	Firewall and NAT rules for tunnels, in nftables table inet rtun' 'sysctl	Kernel variables under /proc/sys, as procps\'s sysctl (net.* ones are per network namespace)' 'completions	Shell completion scripts for bash, zsh, fish and Nushell'
        case g
            printf '%s\n' '-loops	How many rounds a flush may take before giving up' '-family	Restrict to one protocol family' '-4	IPv4 only (same as -family inet)' '-6	IPv6 only (same as -family inet6)' '-0	Link layer only (same as -family link)' '-M	MPLS only' '-B	Bridge only' '-human	Print statistics with unit suffixes' '-human-readable	Print statistics with unit suffixes' '-iec	Use powers of 1024 for human-readable rates' '-stats	Print statistics; twice for more' '-statistics	Print statistics; twice for more' '-details	Print details (link kind parameters and more)' '-resolve	Print host names instead of addresses' '-oneline	One record per line, with \\ where lines would break' '-timestamp	Print timestamps (monitor)' '-tshort	Print short timestamps (monitor)' '-Version	Print the version and exit' '-force	With -batch: go on after a failing line' '-batch	Run commands from FILE, one per line (- for stdin)' '-brief	Short tabular output' '-json	Print JSON' '-pretty	Indent JSON for people' '-rcvbuf	Netlink receive buffer size in bytes' '-color	Colour the output: -c or -color=always|auto|never' '-help	Show the usage summary' '-netns	Run in network namespace NAME (/run/netns/NAME)' '-Numeric	Print numbers instead of names for protocols, scopes, tables' '-all	With netns exec or netns delete: every named network namespace' '-echo	Print what the kernel made of the request'
        case c0
            printf '%s\n' 'add	Add an address to a device' 'change	Change the attributes of an existing address' 'chg	Change the attributes of an existing address' 'replace	Add an address, or change it if it exists' 'delete	Remove an address from a device' 'list	List links and their addresses' 'show	List links and their addresses' 'lst	List links and their addresses' 'flush	Remove the selected addresses' 'save	Write the addresses (of one device, with dev) to standard output as binary netlink messages (iproute2\'s format)' 'showdump	Print the addresses a save wrote, read from standard input' 'restore	Add the addresses a save wrote, read from standard input' 'help	Show this usage'
        case c2
            printf '%s\n' 'add	Join a link-layer multicast group on a device' 'delete	Leave a link-layer multicast group joined with add' 'list	List the multicast addresses of every device, or of one' 'show	List the multicast addresses of every device, or of one' 'lst	List the multicast addresses of every device, or of one'
        case c3
            printf '%s\n' 'add	Add a route (it must not exist yet)' 'change	Change an existing route' 'chg	Change an existing route' 'replace	Add a route or replace the one with the same key' 'prepend	Add a route before existing ones with the same key' 'append	Add a route after existing ones with the same key' 'test	Ask whether a route could be added (without creating it)' 'delete	Delete a route; the fields given must match it' 'list	List routes (the main table by default)' 'show	List routes (the main table by default)' 'lst	List routes (the main table by default)' 'get	Ask the kernel which route a packet would take' 'flush	Delete every route the selector matches (table cache: the IPv4 cache)' 'save	Write the selected routes to standard output as binary netlink messages (iproute2\'s format)' 'restore	Add the routes a save wrote, read from standard input' 'showdump	Print the routes a save wrote, read from standard input'
        case c4
            printf '%s\n' 'list	List the rules of one family (IPv4 by default)' 'lst	List the rules of one family (IPv4 by default)' 'show	List the rules of one family (IPv4 by default)' 'save	Write the rules of one family to stdout as binary netlink messages' 'restore	Add the rules that save wrote, read from stdin (existing ones are kept)' 'add	Add a rule' 'delete	Delete the first rule that matches what is given' 'flush	Delete every rule the selectors match, except the one at preference 0'
        case c5
            printf '%s\n' 'add	Add a neighbour entry (it must not exist yet)' 'change	Change an existing neighbour entry' 'chg	Change an existing neighbour entry' 'replace	Add a neighbour entry, or change the one that exists' 'delete	Delete a neighbour entry' 'get	Show one neighbour entry, asked of the kernel' 'show	List neighbour entries (all but noarp ones by default)' 'lst	List neighbour entries (all but noarp ones by default)' 'list	List neighbour entries (all but noarp ones by default)' 'flush	Delete the selected entries (permanent and noarp ones only when named)' 'help	Show this usage'
        case c6
            printf '%s\n' 'add	Add a neighbour entry (it must not exist yet)' 'change	Change an existing neighbour entry' 'chg	Change an existing neighbour entry' 'replace	Add a neighbour entry, or change the one that exists' 'delete	Delete a neighbour entry' 'get	Show one neighbour entry, asked of the kernel' 'show	List neighbour entries (all but noarp ones by default)' 'lst	List neighbour entries (all but noarp ones by default)' 'list	List neighbour entries (all but noarp ones by default)' 'flush	Delete the selected entries (permanent and noarp ones only when named)' 'help	Show this usage'
        case c9
            printf '%s\n' 'add	Create a link of the given kind' 'set	Change a link (or every link of a group)' 'change	The same as set' 'replace	Create a link, or change it if it exists' 'delete	Remove a link (or every link of a group)' 'show	List links' 'lst	List links' 'list	List links' 'property	Add or remove a device\'s alternative names' 'help	Show this usage, or the options of one link type'
        case c14
            printf '%s\n' 'add	Create a tunnel' 'change	Change a tunnel; with NAME first, unnamed settings stay as they are' 'delete	Remove a tunnel' 'show	List tunnels (all of this family, or those matching)' 'lst	Same as show' 'list	Same as show' 'prl	Edit an ISATAP tunnel\'s potential router list (IPv4 only)' '6rd	Set a sit tunnel\'s IPv6 rapid deployment prefixes (IPv4 only)' 'help	Show this usage' 'check	Say why a tunnel does not pass traffic: one line per check, with the command that fixes what fails (rtun only)' 'keepalive	Send GRE keepalives and answer the far end\'s; keep the tunnel down while they go unanswered (rtun only)'
        case c15
            printf '%s\n' 'add	Create a tunnel' 'change	Change a tunnel; with NAME first, unnamed settings stay as they are' 'delete	Remove a tunnel' 'show	List tunnels (all of this family, or those matching)' 'lst	Same as show' 'list	Same as show' 'prl	Edit an ISATAP tunnel\'s potential router list (IPv4 only)' '6rd	Set a sit tunnel\'s IPv6 rapid deployment prefixes (IPv4 only)' 'help	Show this usage' 'check	Say why a tunnel does not pass traffic: one line per check, with the command that fixes what fails (rtun only)' 'keepalive	Send GRE keepalives and answer the far end\'s; keep the tunnel down while they go unanswered (rtun only)'
        case c21
            printf '%s\n' 'file	Print the events recorded in FILE by rtmon, then stop' 'label	Start each event with its object in brackets: [LINK], [ADDR], [ROUTE]…' 'link	Links appearing, changing, going away' 'address	Addresses added and removed' 'route	Routes added and removed (every table)' 'prefix	IPv6 prefixes learnt from router advertisements' 'neigh	Neighbour (ARP/NDP) entries added, changed, removed, missed' 'netconf	Per-device IP settings (forwarding, rp_filter…)' 'rule	Routing policy rules added and removed' 'nsid	Ids given to other network namespaces' 'nexthop	Nexthop objects added, replaced, removed' 'all	Every kind of event, each labelled (as label)' 'all-nsid	Also the events of every namespace with an id here, each after [nsid N]' 'dev	Only links, addresses, routes, neighbours and settings of this device'
        case c25
            printf '%s\n' 'list	List the named network namespaces' 'show	List the named network namespaces' 'lst	List the named network namespaces' 'list-id	List the ids this namespace (or the one of target-nsid) has for its peers, with their names' 'add	Create a network namespace and name it' 'set	Give a named namespace an id here (auto: the kernel picks it)' 'delete	Remove a namespace\'s name (it lives on while in use)' 'identify	Print the name of the namespace of process PID (without PID: of the caller)' 'pids	Print the processes in a named namespace' 'exec	Run a command inside a named namespace' 'monitor	Print each name added to or removed from /run/netns, until killed' 'attach	Name the network namespace of process PID'
        case c29
            printf '%s\n' 'add	Add a nexthop (its id must be free)' 'replace	Add a nexthop or replace the one with the same id' 'delete	Delete a nexthop' 'list	List nexthops' 'show	List nexthops' 'lst	List nexthops' 'get	Show one nexthop' 'flush	Delete the selected nexthops (all: groups first)' 'bucket	The buckets of resilient groups'
        case c32
            true
        case c34
            printf '%s\n' 'add	Add a rule to table inet rtun (nothing happens if it is there already)' 'delete	Remove the rule written with the same words' 'del	Remove the rule written with the same words' 'show	List rtun\'s rules in the words add takes (-j: nft\'s JSON document)' 'list	List rtun\'s rules in the words add takes (-j: nft\'s JSON document)' 'flush	Remove table inet rtun, and nothing else'
        case c35
            true
        case c36
            printf '%s\n' 'bash	Print the bash completion script, for rtun or for the COMMANDs named (ip, when rtun is installed as ip)' 'zsh	Print the zsh completion function (_rtun), for rtun or for the COMMANDs named' 'fish	Print the fish completions, for rtun or for the COMMANDs named' 'nushell	Print the Nushell module of extern signatures'
        case k0
            printf '%s\n' 'peer	The other end of a point-to-point link' 'remote	The other end of a point-to-point link' 'broadcast	Broadcast address; + sets, - clears the host bits' 'brd	Broadcast address; + sets, - clears the host bits' 'anycast	An anycast address' 'scope	Where the address is valid: host, link, global, site, nowhere or a number' 'dev	The device to act on (required)' 'label	A label, usually DEVICE or DEVICE:N' 'metric	Metric of the prefix route' 'priority	Metric of the prefix route' 'preference	Metric of the prefix route' 'valid_lft	Valid lifetime in seconds, or `forever`' 'preferred_lft	Preferred lifetime in seconds, or `forever`' 'secondary	Set this address flag (read-only ones draw a warning)' 'temporary	Set this address flag (read-only ones draw a warning)' 'nodad	Set this address flag (read-only ones draw a warning)' 'optimistic	Set this address flag (read-only ones draw a warning)' 'dadfailed	Set this address flag (read-only ones draw a warning)' 'home	Set this address flag (read-only ones draw a warning)' 'deprecated	Set this address flag (read-only ones draw a warning)' 'tentative	Set this address flag (read-only ones draw a warning)' 'permanent	Set this address flag (read-only ones draw a warning)' 'mngtmpaddr	Set this address flag (read-only ones draw a warning)' 'noprefixroute	Set this address flag (read-only ones draw a warning)' 'autojoin	Set this address flag (read-only ones draw a warning)' 'stable-privacy	Set this address flag (read-only ones draw a warning)' 'local	The address (the word `local` may be left out)'
        case k1
            printf '%s\n' 'to	Only addresses within PREFIX' 'scope	Only addresses of this scope (or `all`)' 'up	Only links that are up' 'dynamic	Only addresses with this flag (-FLAG: without it)' 'primary	Only addresses with this flag (-FLAG: without it)' 'secondary	Only addresses with this flag (-FLAG: without it)' 'temporary	Only addresses with this flag (-FLAG: without it)' 'nodad	Only addresses with this flag (-FLAG: without it)' 'optimistic	Only addresses with this flag (-FLAG: without it)' 'dadfailed	Only addresses with this flag (-FLAG: without it)' 'home	Only addresses with this flag (-FLAG: without it)' 'deprecated	Only addresses with this flag (-FLAG: without it)' 'tentative	Only addresses with this flag (-FLAG: without it)' 'permanent	Only addresses with this flag (-FLAG: without it)' 'mngtmpaddr	Only addresses with this flag (-FLAG: without it)' 'noprefixroute	Only addresses with this flag (-FLAG: without it)' 'autojoin	Only addresses with this flag (-FLAG: without it)' 'stable-privacy	Only addresses with this flag (-FLAG: without it)' 'label	Only addresses whose label matches the shell PATTERN' 'group	Only links in this device group' 'master	Only ports of this master device' 'vrf	Only links enslaved to this VRF' 'nomaster	Only links without a master' 'type	Only links of this kind (KIND_slave: ports of this kind)' 'dev	Only this device (the word `dev` may be left out)' 'help	Show this command\'s usage'
        case p1
            __rtun_fill '@ifnames'
        case k2
            printf '%s\n' 'dev	The device (required)' 'address	The link-layer multicast address (the word `address` may be left out)'
        case k3
            printf '%s\n' 'dev	Only this device\'s addresses (the word `dev` may be left out)'
        case p3
            __rtun_fill '@ifnames'
        case k4
            printf '%s\n' 'src	Preferred source address for traffic to this destination' 'as	Translate the destination (NAT) to ADDR' 'via	The gateway (FAMILY: inet, inet6, mpls, bridge, link)' 'from	Source prefix (IPv6 source routing)' 'tos	Type-of-service value this route applies to' 'dsfield	Type-of-service value this route applies to' 'expires	Remove the (IPv6) route after this many seconds' 'metric	The route\'s metric (preference)' 'priority	The route\'s metric (preference)' 'preference	The route\'s metric (preference)' 'scope	The route\'s scope: host, link, global or a number' 'mtu	Path MTU to this destination (lock: do not update by PMTU discovery)' 'hoplimit	Hop limit (TTL) for packets to this destination (1-255)' 'advmss	TCP maximum segment size to advertise' 'reordering	Maximal reordering on the path' 'rtt	Initial round-trip time estimate (NUMBER[s|ms])' 'rto_min	Minimum TCP retransmission timeout (NUMBER[s|ms])' 'window	Maximal TCP window to advertise' 'cwnd	Clamp of the TCP congestion window' 'initcwnd	Initial TCP congestion window' 'initrwnd	Initial TCP receive window' 'features	TCP features to enable on this path' 'quickack	TCP quick acknowledgements on or off' 'congctl	TCP congestion control algorithm for this path' 'rttvar	Initial RTT variance estimate (NUMBER[s|ms])' 'ssthresh	Initial TCP slow-start threshold' 'realms	Realms for the route classifier' 'onlink	Treat the gateway as directly on the link' 'nexthop	Start of a multipath list: nexthop via ADDR dev DEV weight N …' 'nhid	Use the nexthop object with this id' 'protocol	Who installs the route (boot by default)' 'table	The table to put the route in (main by default)' 'vrf	The table of this VRF device' 'dev	The output device' 'oif	The output device' 'pref	IPv6 router preference' 'ttl-propagate	Propagate the TTL on MPLS decapsulation' 'fastopen_no_cookie	TCP Fast Open without a cookie on this path' 'to	The destination; TYPE is one of the route types (unicast by default)'
        case k5
            printf '%s\n' 'table	Only routes of this table (a name, a number, all, or cache)' 'vrf	Only routes of the table of this VRF device' 'cached	Only cached (cloned) routes' 'cloned	Only cached (cloned) routes' 'tos	Only routes with this type-of-service value' 'dsfield	Only routes with this type-of-service value' 'protocol	Only routes installed by this protocol (or all)' 'scope	Only routes of this scope (or all)' 'type	Only routes of this type' 'dev	Only routes leaving through this device' 'oif	Only routes leaving through this device' 'iif	Only routes for packets arriving on this device' 'mark	Only routes with this firewall mark' 'metric	Only routes with this metric' 'priority	Only routes with this metric' 'preference	Only routes with this metric' 'via	Only routes whose gateway is in this prefix' 'src	Only routes whose preferred source is in this prefix' 'realms	Only routes with these realms' 'from	Only routes whose source prefix matches' 'to	Only routes whose destination matches (exact by default)' 'root	Destinations inside PREFIX' 'match	Destinations that contain PREFIX' 'exact	Exactly this destination prefix'
        case k6
            printf '%s\n' 'tos	Type of service of the packet' 'dsfield	Type of service of the packet' 'from	Source address of the packet' 'iif	Device the packet arrives on' 'mark	Firewall mark of the packet' 'oif	Device the packet must leave through' 'dev	Device the packet must leave through' 'notify	Ask for a notification of changes to this route' 'connected	Look up again from the source the first answer chose' 'vrf	Look up in this VRF' 'uid	User id of the sending socket' 'fibmatch	Show the matching FIB entry rather than the cached result' 'as	Translated destination address' 'sport	Source port of the packet' 'dport	Destination port of the packet' 'ipproto	IP protocol of the packet (name or number)' 'to	The destination to look up'
        case k7
            printf '%s\n' 'preference	Only the rule with this preference' 'order	Only the rule with this preference' 'priority	Only the rule with this preference' 'not	Only inverted rules' 'tos	Only rules matching this type-of-service value' 'dsfield	Only rules matching this type-of-service value' 'fwmark	Only rules matching this firewall mark (and mask)' 'dev	Only rules for packets arriving on this device' 'iif	Only rules for packets arriving on this device' 'oif	Only rules for packets leaving through this device' 'l3mdev	Only rules looking up the table of an L3 master device' 'uidrange	Only rules for this range of user ids' 'tun_id	Only rules matching this tunnel id' 'lookup	Only rules looking up this table' 'table	Only rules looking up this table' 'from	Only rules whose source prefix lies within PREFIX' 'src	Only rules whose source prefix lies within PREFIX' 'protocol	Only rules installed by this protocol (or all: flush only)' 'ipproto	Only rules matching this IP protocol' 'sport	Only rules matching this source port range' 'dport	Only rules matching this destination port range' 'dst	Only rules whose destination prefix lies within PREFIX (the word may be left out)' 'to	Only rules whose destination prefix lies within PREFIX (the word may be left out)'
        case k8
            printf '%s\n' 'not	Invert the selector: the rule applies to packets that do not match' 'from	Source prefix to match (all: any)' 'to	Destination prefix to match (all: any)' 'preference	The rule\'s preference: rules are tried from the lowest up' 'order	The rule\'s preference: rules are tried from the lowest up' 'priority	The rule\'s preference: rules are tried from the lowest up' 'tos	Type-of-service value to match' 'dsfield	Type-of-service value to match' 'fwmark	Firewall mark to match, under an optional mask' 'realms	Realms to set on packets that match' 'protocol	Who installs the rule (a name from rt_protos or a number)' 'tun_id	Tunnel id to match' 'table	The routing table to look up (main by default)' 'lookup	The routing table to look up (main by default)' 'suppress_prefixlength	Ignore answers from the table with a prefix this long or shorter' 'sup_pl	Ignore answers from the table with a prefix this long or shorter' 'suppress_ifgroup	Ignore answers from the table through devices of this group' 'sup_group	Ignore answers from the table through devices of this group' 'dev	Device packets arrive on (lo: locally generated)' 'iif	Device packets arrive on (lo: locally generated)' 'oif	Device packets leave through (sockets bound to it)' 'l3mdev	Look up the table of the packet\'s L3 master device (VRF)' 'uidrange	User ids of the sending sockets to match' 'nat	Translate the source address (the kernel no longer does it)' 'map-to	Translate the source address (the kernel no longer does it)' 'ipproto	IP protocol to match (a name from /etc/protocols or a number)' 'sport	Source port or range to match' 'dport	Destination port or range to match' 'type	The rule\'s type (the word `type` may be left out)' 'goto	Go on at the rule with this preference' 'nop	Do nothing (the rule only counts)'
        case p8
            __rtun_fill '=goto nop unicast blackhole unreachable prohibit'
        case k9
            printf '%s\n' 'lladdr	The neighbour\'s link-layer address (`null`: none)' 'nud	The entry\'s state (permanent by default)' 'proxy	A proxy entry: answer for ADDR on the device' 'router	The neighbour is a router (IPv6)' 'use	Mark the entry as in use (the kernel may then resolve it)' 'managed	Let the kernel keep the entry resolved (state none)' 'extern_learn	The entry was learned by something outside the kernel' 'dev	The device the neighbour is on (required)' 'protocol	Who installed the entry' 'to	The neighbour\'s address (the word `to` may be left out)'
        case k10
            printf '%s\n' 'dev	The device the neighbour is on (required)' 'proxy	Ask for the proxy entry of ADDR' 'to	The neighbour\'s address (the word `to` may be left out)'
        case k11
            printf '%s\n' 'dev	Only neighbours on this device' 'master	Only neighbours on ports of this master device' 'vrf	Only neighbours on devices of this VRF' 'nomaster	Only neighbours on devices without a master' 'unused	Only entries nothing refers to' 'nud	Only entries in this state (repeatable; all: every state)' 'proxy	The proxy entries instead' 'protocol	Only entries installed by this protocol (or all)' 'to	Only neighbours within PREFIX (the word `to` may be left out)'
        case k12
            printf '%s\n' 'up	bring the device up' 'down	take the device down' 'name	the device\'s name (a new name with set)' 'index	interface index to create the device with' 'link	the lower device (add)' 'address	link-layer address' 'broadcast	link-layer broadcast address' 'brd	link-layer broadcast address' 'txqueuelen	transmit queue length' 'qlen	transmit queue length' 'txqlen	transmit queue length' 'mtu	maximum transmission unit' 'xdpgeneric	XDP programs: only off (or none), which detaches one' 'xdpdrv	XDP programs: only off (or none), which detaches one' 'xdpoffload	XDP programs: only off (or none), which detaches one' 'xdp	XDP programs: only off (or none), which detaches one' 'netns	move the device to a network namespace' 'multicast	the MULTICAST flag' 'allmulticast	receive all multicast' 'promisc	promiscuous mode' 'trailers	the NOTRAILERS flag, inverted' 'arp	use ARP (off sets NOARP)' 'carrier	carrier state (devices that allow it)' 'master	enslave to a bridge, bond or VRF' 'vrf	enslave to a VRF device' 'nomaster	release from its master' 'dynamic	the DYNAMIC flag' 'type	the kind of link, then its own options' 'alias	a description (ifalias)' 'group	device group (name from /etc/iproute2/group, or number)' 'mode	link mode' 'state	operational state' 'numtxqueues	number of transmit queues (add)' 'numrxqueues	number of receive queues (add)' 'addrgenmode	IPv6 address generation mode' 'link-netnsid	namespace id of the lower device' 'protodown	protocol-down state' 'gso_max_size	largest GSO packet' 'gso_max_segs	most GSO segments (≤ 65535)' 'gro_max_size	largest GRO packet' 'parentdev	parent device (bus name), for add' 'help	show this usage' 'dev	the device (the word may be left out)'
        case k13
            printf '%s\n' 'up	bring the device up' 'down	take the device down' 'name	the device\'s name (a new name with set)' 'index	interface index to create the device with' 'link	the lower device (add)' 'address	link-layer address' 'broadcast	link-layer broadcast address' 'brd	link-layer broadcast address' 'txqueuelen	transmit queue length' 'qlen	transmit queue length' 'txqlen	transmit queue length' 'mtu	maximum transmission unit' 'xdpgeneric	XDP programs: only off (or none), which detaches one' 'xdpdrv	XDP programs: only off (or none), which detaches one' 'xdpoffload	XDP programs: only off (or none), which detaches one' 'xdp	XDP programs: only off (or none), which detaches one' 'netns	move the device to a network namespace' 'multicast	the MULTICAST flag' 'allmulticast	receive all multicast' 'promisc	promiscuous mode' 'trailers	the NOTRAILERS flag, inverted' 'arp	use ARP (off sets NOARP)' 'carrier	carrier state (devices that allow it)' 'master	enslave to a bridge, bond or VRF' 'vrf	enslave to a VRF device' 'nomaster	release from its master' 'dynamic	the DYNAMIC flag' 'type	the kind of link, then its own options' 'alias	a description (ifalias)' 'group	device group (name from /etc/iproute2/group, or number)' 'mode	link mode' 'state	operational state' 'numtxqueues	number of transmit queues (add)' 'numrxqueues	number of receive queues (add)' 'addrgenmode	IPv6 address generation mode' 'link-netnsid	namespace id of the lower device' 'protodown	protocol-down state' 'gso_max_size	largest GSO packet' 'gso_max_segs	most GSO segments (≤ 65535)' 'gro_max_size	largest GRO packet' 'parentdev	parent device (bus name), for add' 'help	show this usage' 'dev	the device (the word may be left out)'
        case p13
            __rtun_fill '@ifnames'
        case k14
            printf '%s\n' 'altname	an alternative name (up to 127 bytes, no spaces or slashes)' 'help	show this usage' 'dev	the device (the word may be left out)' 'add	add the names (first word)' 'del	remove the names (first word)'
        case k15
            printf '%s\n' 'mode	tunnel kind; else guessed from the name (gre…, ipip…, sit…, isatap…, vti…); an IPv6 mode selects the IPv6 keywords' 'key	GRE/VTI key both ways: a number or a dotted quad' 'ikey	key expected on received packets' 'okey	key put on sent packets' 'seq	sequence numbers both ways (GRE)' 'iseq	drop received packets out of sequence (GRE)' 'oseq	number sent packets (GRE)' 'csum	checksums both ways (GRE)' 'icsum	require checksums on received packets (GRE)' 'ocsum	checksum sent packets (GRE)' 'nopmtudisc	no path MTU discovery (needs ttl inherit)' 'pmtudisc	path MTU discovery: set DF on outer packets (the default)' 'remote	the far end (an IPv4 address or any)' 'local	this end (an IPv4 address or any)' 'dev	bind the tunnel to this device' 'ttl	outer TTL, 1-255, or inherit' 'hoplimit	outer TTL, 1-255, or inherit' 'hlim	outer TTL, 1-255, or inherit' 'tos	outer TOS: a value, a name from rt_dsfield, inherit or inherit/TOS' 'tclass	outer TOS: a value, a name from rt_dsfield, inherit or inherit/TOS' 'dsfield	outer TOS: a value, a name from rt_dsfield, inherit or inherit/TOS' 'name	the tunnel device\'s name (the word may be left out)' 'help	show the usage'
        case k16
            printf '%s\n' 'prl-default	add a potential router that is also a default router' 'prl-nodefault	add a potential router (not a default router)' 'prl-delete	remove a potential router (any: all of them)' 'dev	the ISATAP tunnel (required)'
        case k17
            printf '%s\n' '6rd-prefix	the provider\'s IPv6 6rd prefix' '6rd-relay_prefix	the IPv4 prefix common to the relays' '6rd-reset	back to the default 6rd setup' 'dev	the sit tunnel (required)'
        case k18
            printf '%s\n' 'help	show the usage'
        case p18
            __rtun_fill '@ifnames'
        case k19
            printf '%s\n' 'interval	seconds between keepalives, 1-32767 (default 10)' 'retries	keepalives unanswered in a row that take the tunnel down, 1-255 (default 3)' 'once	send one keepalive and wait one interval: exit status 0 if it is answered, 1 if not' 'help	show the usage'
        case p19
            __rtun_fill '@ifnames'
        case k20
            printf '%s\n' 'file	Print the events recorded in FILE by rtmon, then stop' 'label	Start each event with its object in brackets: [LINK], [ADDR], [ROUTE]…' 'link	Links appearing, changing, going away' 'address	Addresses added and removed' 'route	Routes added and removed (every table)' 'prefix	IPv6 prefixes learnt from router advertisements' 'neigh	Neighbour (ARP/NDP) entries added, changed, removed, missed' 'netconf	Per-device IP settings (forwarding, rp_filter…)' 'rule	Routing policy rules added and removed' 'nsid	Ids given to other network namespaces' 'nexthop	Nexthop objects added, replaced, removed' 'all	Every kind of event, each labelled (as label)' 'all-nsid	Also the events of every namespace with an id here, each after [nsid N]' 'dev	Only links, addresses, routes, neighbours and settings of this device'
        case k21
            printf '%s\n' 'target-nsid	List the ids the namespace with this id (here) has for its peers' 'nsid	Only this id'
        case k22
            true
        case p22
            __rtun_fill '@netns'
        case k23
            true
        case p23
            __rtun_fill '-'
        case k24
            printf '%s\n' 'id	The nexthop\'s id (the kernel picks one when it is left out)' 'dev	The output device' 'via	The gateway' 'blackhole	Drop the packets' 'fdb	A nexthop (or group) for the bridge forwarding database' 'onlink	Treat the gateway as directly on the link' 'group	A group of other nexthops, with weights from 1 to 256' 'type	The group\'s type: mpath (hash-threshold) or resilient' 'buckets	After type resilient: the number of buckets' 'idle_timer	After type resilient: idle time before a bucket may move' 'unbalanced_timer	After type resilient: longest time the group may stay unbalanced' 'protocol	Who installs the nexthop'
        case k25
            printf '%s\n' 'dev	Only nexthops through this device' 'groups	Only nexthop groups' 'master	Only nexthops whose device is a port of this master' 'vrf	Only nexthops in this VRF' 'id	Only the nexthop with this id' 'protocol	Only nexthops installed by this protocol (a number)' 'fdb	Only nexthops for the bridge forwarding database'
        case k26
            printf '%s\n' 'id	The nexthop\'s id'
        case k27
            printf '%s\n' 'list	List buckets (the selector\'s keywords may follow)' 'show	List buckets (the selector\'s keywords may follow)' 'lst	List buckets (the selector\'s keywords may follow)' 'get	One bucket: get id ID index INDEX' 'dev	Only buckets of nexthops through this device' 'master	Only buckets of nexthops whose device is a port of this master' 'vrf	Only buckets of nexthops in this VRF' 'id	The group\'s id' 'nhid	Only buckets holding this nexthop' 'index	With get: the bucket\'s index'
        case k28
            printf '%s\n' 'accept	Let packets of a protocol in to this host (chain input); takes proto PROTO [src PREFIX] [dst PREFIX] [iif DEV]' 'forward	Let matching packets be forwarded (chain forward); takes [src PREFIX] [dst PREFIX] [iif DEV] [oif DEV]' 'masquerade	Source NAT to the address of the outgoing interface; takes [src PREFIX] [dst PREFIX] [oif DEV]' 'snat	Source NAT to a fixed address; takes to ADDR [src PREFIX] [dst PREFIX] [oif DEV]' 'dnat	Forward a port to another address (destination NAT); takes proto tcp|udp dport PORT to ADDR[:PORT] [src PREFIX] [dst PREFIX] [iif DEV]' 'clamp-mss	Clamp the MSS of forwarded TCP SYNs to the route\'s MTU or to N (chain mss); takes [iif DEV] [oif DEV] [mss N]' 'src	Only packets from this IPv4 or IPv6 prefix' 'dst	Only packets to this prefix' 'dport	The destination port to forward (dnat)' 'proto	The IP protocol: one of these names, or a number' 'iif	Only packets arriving on this interface (by name; it may not exist yet)' 'oif	Only packets leaving through this interface (by name)' 'to	The new address (snat, dnat), and for dnat optionally the port: ADDR:PORT or [IPv6]:PORT' 'mss	A fixed MSS instead of one from the route\'s MTU (clamp-mss)'
        case k29
            printf '%s\n' '-a	Show every variable under /proc/sys (optionally filtered by --pattern)' '-A	Show every variable under /proc/sys (optionally filtered by --pattern)' '-X	Show every variable under /proc/sys (optionally filtered by --pattern)' '--all	Show every variable under /proc/sys (optionally filtered by --pattern)' '--deprecated	With -a, also show variables the kernel marks as deprecated' '--dry-run	Show what would be set, without setting anything' '-b	Show values only, with no line ends' '--binary	Show values only, with no line ends' '-e	Say nothing about variables that do not exist' '--ignore	Say nothing about variables that do not exist' '-N	Show names only' '--names	Show names only' '-n	Show values only' '--values	Show values only' '-p	Apply the settings in FILE(s) (default /etc/sysctl.conf)' '-f	Apply the settings in FILE(s) (default /etc/sysctl.conf)' '--load	Apply the settings in FILE(s) (default /etc/sysctl.conf)' '-q	Do not echo the values set' '--quiet	Do not echo the values set' '-w	Treat every argument as VARIABLE=VALUE to set' '--write	Treat every argument as VARIABLE=VALUE to set' '--system	Apply the settings of all the system\'s sysctl.d directories and /etc/sysctl.conf' '-r	Only variables whose name matches this extended regular expression' '--pattern	Only variables whose name matches this extended regular expression' '-h	Show this help' '-d	Show this help' '--help	Show this help' '-V	Show the version' '--version	Show the version' '-o	Accepted and ignored (BSD compatibility)' '-x	Accepted and ignored (BSD compatibility)' '-j	JSON output: an array of {"key", "value"} objects (rtun)' '--json	JSON output: an array of {"key", "value"} objects (rtun)' '--persist	Also record the values set on the command line in FILE, attached (default /etc/sysctl.d/90-rtun.conf; not with -p, --system or rtun -n NETNS) (rtun)'
        case p29
            __rtun_fill '@sysctl-keys'
        case k30
            printf '%s\n' 'peer	options of `link add` for the peer device (name, address, mtu, netns, …)'
        case k31
            printf '%s\n' 'forward_delay	STP forward delay, in centiseconds' 'hello_time	STP hello time, in centiseconds' 'max_age	STP max message age, in centiseconds' 'ageing_time	how long learned addresses stay, in centiseconds' 'stp_state	0: no STP, 1: kernel STP, 2: user-space STP' 'priority	bridge priority for STP' 'vlan_filtering	filter by VLAN' 'vlan_protocol	VLAN protocol for filtering' 'group_fwd_mask	link-local groups to forward' 'group_address	STP group address' 'no_linklocal_learn	do not learn from link-local frames' 'fdb_flush	flush the forwarding database' 'vlan_default_pvid	default port VLAN id' 'vlan_stats_enabled	count per-VLAN statistics' 'vlan_stats_per_port	keep VLAN statistics per port' 'mcast_router	multicast router mode' 'mcast_snooping	IGMP/MLD snooping' 'mcast_vlan_snooping	multicast snooping per VLAN' 'mcast_query_use_ifaddr	source queries from the bridge\'s address' 'mcast_querier	act as multicast querier' 'mcast_hash_elasticity	multicast hash chain limit' 'mcast_hash_max	multicast hash size' 'mcast_last_member_count	last member query count' 'mcast_startup_query_count	startup query count' 'mcast_last_member_interval	last member query interval' 'mcast_membership_interval	group membership interval' 'mcast_querier_interval	other querier present interval' 'mcast_query_interval	general query interval' 'mcast_query_response_interval	query response interval' 'mcast_startup_query_interval	startup query interval' 'mcast_stats_enabled	count multicast statistics' 'mcast_igmp_version	IGMP version' 'mcast_mld_version	MLD version' 'nf_call_iptables	pass bridged IPv4 through iptables' 'nf_call_ip6tables	pass bridged IPv6 through ip6tables' 'nf_call_arptables	pass bridged ARP through arptables' 'help	show these options'
        case k32
            printf '%s\n' 'id	the VXLAN network identifier (0-16777215)' 'vni	the VXLAN network identifier (0-16777215)' 'group	multicast group to send to (needs dev)' 'remote	unicast peer to send to' 'local	source address' 'dev	underlying device' 'ttl	1-255, auto or inherit' 'hoplimit	1-255, auto or inherit' 'tos	hex value or inherit' 'dsfield	hex value or inherit' 'df	don\'t-fragment bit of outer IPv4' 'label	IPv6 flow label' 'flowlabel	IPv6 flow label' 'ageing	FDB entry lifetime, or none' 'maxaddress	FDB size limit, or unlimited' 'port	UDP source port range' 'srcport	UDP source port range' 'dstport	UDP destination port (4789 is IANA\'s)' 'nolearning	do not learn remote addresses' 'learning	learn remote addresses' 'noproxy	no ARP proxy' 'proxy	ARP proxy' 'norsc	no route short circuit' 'rsc	route short circuit' 'nol2miss	no L2 miss notifications' 'l2miss	L2 miss notifications' 'nol3miss	no L3 miss notifications' 'l3miss	L3 miss notifications' 'udpcsum	checksum outer UDP (IPv4)' 'noudpcsum	no outer UDP checksum (IPv4)' 'udp6zerocsumtx	send IPv6 UDP with zero checksum' 'noudp6zerocsumtx	checksum outer IPv6 UDP' 'udp6zerocsumrx	accept IPv6 UDP with zero checksum' 'noudp6zerocsumrx	reject IPv6 UDP with zero checksum' 'remcsumtx	remote checksum offload on send' 'noremcsumtx	no remote checksum offload on send' 'remcsumrx	remote checksum offload on receive' 'noremcsumrx	no remote checksum offload on receive' 'external	metadata mode (for tunnel routing), no VNI' 'noexternal	not in metadata mode' 'gbp	group policy extension' 'gpe	generic protocol extension' 'vnifilter	filter VNIs (external mode only)' 'novnifilter	do not filter VNIs' 'help	show these options'
        case k33
            true
        case k34
            true
        case k35
            printf '%s\n' 'protocol	VLAN protocol' 'id	the VLAN id, 0-4095' 'reorder_hdr	reorder the Ethernet header' 'gvrp	register with GVRP' 'mvrp	register with MVRP' 'loose_binding	do not follow the lower device\'s state' 'bridge_binding	follow the state of bridge ports in the VLAN' 'ingress-qos-map	map VLAN priority to skb priority' 'egress-qos-map	map skb priority to VLAN priority' 'help	show these options'
        case k36
            printf '%s\n' 'mode	how devices on the same lower device reach each other' 'flag	a mode flag' 'macaddr	source-mode address list' 'nopromisc	passthru: do not put the lower device in promiscuous mode' 'nodst	source: do not deliver by destination address' 'bcqueuelen	broadcast/multicast receive queue length' 'help	show these options'
        case k37
            true
        case k38
            printf '%s\n' 'fdb_flush	flush the port\'s forwarding entries' 'state	0 disabled, 1 listening, 2 learning, 3 forwarding, 4 blocking' 'priority	STP port priority' 'cost	STP path cost' 'hairpin	send frames back out of the port they came in on' 'guard	ignore STP BPDUs received on the port' 'root_block	never let the port become the root port' 'fastleave	leave a multicast group at once on IGMP/MLD leave' 'learning	learn source addresses' 'flood	flood unknown unicast' 'mcast_flood	flood unknown multicast' 'bcast_flood	flood broadcast' 'mcast_to_unicast	send multicast as unicast to each member' 'proxy_arp	answer ARP for known neighbours' 'proxy_arp_wifi	proxy ARP for wireless clients' 'mcast_router	multicast router port mode' 'mcast_fast_leave	the same as fastleave' 'neigh_suppress	suppress ARP/ND for known neighbours' 'group_fwd_mask	link-local groups to forward' 'vlan_tunnel	map VLANs to tunnel ids' 'isolated	talk only to non-isolated ports' 'locked	forward only from known addresses' 'backup_port	port taking over when this one fails' 'nobackup_port	remove the backup port' 'help	show these options'
        case k39
            printf '%s\n' 'queue_id	the transmit queue this port is mapped to' 'prio	priority when choosing the active port' 'help	show these options'
        case k40
            printf '%s\n' 'key	key both ways: number or dotted quad' 'nokey	no key either way' 'ikey	key of received packets' 'noikey	no key on received packets' 'okey	key of sent packets' 'nookey	no key on sent packets' 'seq	sequence numbers both ways' 'noseq	no sequence numbers' 'iseq	require sequence numbers on received packets' 'noiseq	do not require sequence numbers' 'oseq	number sent packets' 'nooseq	do not number sent packets' 'csum	checksums both ways' 'nocsum	no checksums' 'icsum	require checksums on received packets' 'noicsum	do not require checksums' 'ocsum	checksum sent packets' 'noocsum	do not checksum sent packets' 'nopmtudisc	do not discover the path MTU' 'pmtudisc	discover the path MTU (the default)' 'remote	the far end, or any' 'local	this end, or any' 'dev	send through this device only' 'ttl	1-255 or inherit' 'hoplimit	1-255 or inherit' 'hlim	1-255 or inherit' 'tos	a dsfield value or inherit' 'tclass	a dsfield value or inherit' 'dsfield	a dsfield value or inherit' 'noencap	no UDP encapsulation' 'encap	UDP encapsulation' 'encap-sport	UDP source port of the encapsulation' 'encap-dport	UDP destination port of the encapsulation' 'encap-csum	checksum the outer UDP (IPv4)' 'noencap-csum	no outer UDP checksum (IPv4)' 'encap-udp6-csum	checksum the outer UDP (IPv6)' 'noencap-udp6-csum	no outer UDP checksum (IPv6)' 'encap-remcsum	remote checksum offload' 'noencap-remcsum	no remote checksum offload' 'external	metadata mode (collect_md)' 'ignore-df	send even when DF is set and the packet is too big' 'noignore-df	honour DF' 'fwmark	firewall mark of the tunnel\'s packets'
        case k41
            printf '%s\n' 'key	key both ways: number or dotted quad' 'nokey	no key either way' 'ikey	key of received packets' 'noikey	no key on received packets' 'okey	key of sent packets' 'nookey	no key on sent packets' 'seq	sequence numbers both ways' 'noseq	no sequence numbers' 'iseq	require sequence numbers on received packets' 'noiseq	do not require sequence numbers' 'oseq	number sent packets' 'nooseq	do not number sent packets' 'csum	checksums both ways' 'nocsum	no checksums' 'icsum	require checksums on received packets' 'noicsum	do not require checksums' 'ocsum	checksum sent packets' 'noocsum	do not checksum sent packets' 'nopmtudisc	do not discover the path MTU' 'pmtudisc	discover the path MTU (the default)' 'remote	the far end, or any' 'local	this end, or any' 'dev	send through this device only' 'ttl	1-255 or inherit' 'hoplimit	1-255 or inherit' 'hlim	1-255 or inherit' 'tos	a dsfield value or inherit' 'tclass	a dsfield value or inherit' 'dsfield	a dsfield value or inherit' 'noencap	no UDP encapsulation' 'encap	UDP encapsulation' 'encap-sport	UDP source port of the encapsulation' 'encap-dport	UDP destination port of the encapsulation' 'encap-csum	checksum the outer UDP (IPv4)' 'noencap-csum	no outer UDP checksum (IPv4)' 'encap-udp6-csum	checksum the outer UDP (IPv6)' 'noencap-udp6-csum	no outer UDP checksum (IPv6)' 'encap-remcsum	remote checksum offload' 'noencap-remcsum	no remote checksum offload' 'external	metadata mode (collect_md)' 'ignore-df	send even when DF is set and the packet is too big' 'noignore-df	honour DF' 'fwmark	firewall mark of the tunnel\'s packets' 'erspan	ERSPAN v1 session index (1-1048575)' 'erspan_ver	ERSPAN version: 0, 1 or 2' 'erspan_dir	ERSPAN v2 direction' 'erspan_hwid	ERSPAN v2 hardware id'
        case k42
            printf '%s\n' 'key	key both ways: number or dotted quad' 'nokey	no key either way' 'ikey	key of received packets' 'noikey	no key on received packets' 'okey	key of sent packets' 'nookey	no key on sent packets' 'seq	sequence numbers both ways' 'noseq	no sequence numbers' 'iseq	require sequence numbers on received packets' 'noiseq	do not require sequence numbers' 'oseq	number sent packets' 'nooseq	do not number sent packets' 'csum	checksums both ways' 'nocsum	no checksums' 'icsum	require checksums on received packets' 'noicsum	do not require checksums' 'ocsum	checksum sent packets' 'noocsum	do not checksum sent packets' 'remote	the far end (IPv6), or any' 'local	this end (IPv6), or any' 'dev	send through this device only' 'ttl	0-255 or inherit (default 64)' 'hoplimit	0-255 or inherit (default 64)' 'hlim	0-255 or inherit (default 64)' 'tos	traffic class (hex) or inherit' 'tclass	traffic class (hex) or inherit' 'dsfield	traffic class (hex) or inherit' 'flowlabel	flow label (hex, 0-0xfffff) or inherit' 'fl	flow label (hex, 0-0xfffff) or inherit' 'dscp	copy DSCP of decapsulated packets' 'noencap	no UDP encapsulation' 'encap	UDP encapsulation' 'encap-sport	UDP source port of the encapsulation' 'encap-dport	UDP destination port of the encapsulation' 'encap-csum	checksum the outer UDP (IPv4)' 'noencap-csum	no outer UDP checksum (IPv4)' 'encap-udp6-csum	checksum the outer UDP (IPv6)' 'noencap-udp6-csum	no outer UDP checksum (IPv6)' 'encap-remcsum	remote checksum offload' 'noencap-remcsum	no remote checksum offload' 'external	metadata mode (collect_md)' 'fwmark	firewall mark, or inherit' 'allow-localremote	allow local and remote on this host' 'noallow-localremote	refuse local and remote on this host' 'encaplimit	0-255 or none (default 4)' 'erspan	ERSPAN v1 session index (1-1048575)' 'erspan_ver	ERSPAN version: 0, 1 or 2' 'erspan_dir	ERSPAN v2 direction' 'erspan_hwid	ERSPAN v2 hardware id'
        case k43
            printf '%s\n' 'mode	ipip, mplsip or any (sit also ip6ip)' 'remote	the far end, or any' 'local	this end, or any' 'dev	send through this device only' 'ttl	1-255 or inherit' 'hoplimit	1-255 or inherit' 'hlim	1-255 or inherit' 'tos	a dsfield value or inherit' 'tclass	a dsfield value or inherit' 'tc	a dsfield value or inherit' 'dsfield	a dsfield value or inherit' 'nopmtudisc	do not discover the path MTU' 'pmtudisc	discover the path MTU (the default)' 'noencap	no UDP encapsulation' 'encap	UDP encapsulation' 'encap-sport	UDP source port of the encapsulation' 'encap-dport	UDP destination port of the encapsulation' 'encap-csum	checksum the outer UDP (IPv4)' 'noencap-csum	no outer UDP checksum (IPv4)' 'encap-udp6-csum	checksum the outer UDP (IPv6)' 'noencap-udp6-csum	no outer UDP checksum (IPv6)' 'encap-remcsum	remote checksum offload' 'noencap-remcsum	no remote checksum offload' 'external	metadata mode (collect_md)' '6rd-prefix	6rd IPv6 prefix' '6rd-relay_prefix	6rd IPv4 relay prefix' '6rd-reset	6rd back to 2002::/16, no relay prefix' 'fwmark	firewall mark of the tunnel\'s packets'
        case k44
            printf '%s\n' 'mode	ipip, mplsip or any (sit also ip6ip)' 'remote	the far end, or any' 'local	this end, or any' 'dev	send through this device only' 'ttl	1-255 or inherit' 'hoplimit	1-255 or inherit' 'hlim	1-255 or inherit' 'tos	a dsfield value or inherit' 'tclass	a dsfield value or inherit' 'tc	a dsfield value or inherit' 'dsfield	a dsfield value or inherit' 'nopmtudisc	do not discover the path MTU' 'pmtudisc	discover the path MTU (the default)' 'isatap	ISATAP (RFC 5214) router' 'noencap	no UDP encapsulation' 'encap	UDP encapsulation' 'encap-sport	UDP source port of the encapsulation' 'encap-dport	UDP destination port of the encapsulation' 'encap-csum	checksum the outer UDP (IPv4)' 'noencap-csum	no outer UDP checksum (IPv4)' 'encap-udp6-csum	checksum the outer UDP (IPv6)' 'noencap-udp6-csum	no outer UDP checksum (IPv6)' 'encap-remcsum	remote checksum offload' 'noencap-remcsum	no remote checksum offload' 'external	metadata mode (collect_md)' '6rd-prefix	6rd IPv6 prefix' '6rd-relay_prefix	6rd IPv4 relay prefix' '6rd-reset	6rd back to 2002::/16, no relay prefix' 'fwmark	firewall mark of the tunnel\'s packets'
        case k45
            printf '%s\n' 'mode	what is carried: ip6ip6, ipip6 or any' 'remote	the far end (IPv6), or any' 'local	this end (IPv6), or any' 'dev	send through this device only' 'ttl	0-255 or inherit (default 64)' 'hoplimit	0-255 or inherit (default 64)' 'hlim	0-255 or inherit (default 64)' 'encaplimit	0-255 or none (default 4)' 'tos	traffic class (hex) or inherit' 'tclass	traffic class (hex) or inherit' 'tc	traffic class (hex) or inherit' 'dsfield	traffic class (hex) or inherit' 'flowlabel	flow label (hex, 0-0xfffff) or inherit' 'fl	flow label (hex, 0-0xfffff) or inherit' 'dscp	copy DSCP of decapsulated packets' 'fwmark	firewall mark, or inherit' 'allow-localremote	allow local and remote on this host' 'noallow-localremote	refuse local and remote on this host' 'noencap	no UDP encapsulation' 'encap	UDP encapsulation' 'encap-sport	UDP source port of the encapsulation' 'encap-dport	UDP destination port of the encapsulation' 'encap-csum	checksum the outer UDP (IPv4)' 'noencap-csum	no outer UDP checksum (IPv4)' 'encap-udp6-csum	checksum the outer UDP (IPv6)' 'noencap-udp6-csum	no outer UDP checksum (IPv6)' 'encap-remcsum	remote checksum offload' 'noencap-remcsum	no remote checksum offload' 'external	metadata mode (collect_md)'
        case k46
            printf '%s\n' 'key	mark both ways: number or dotted quad' 'ikey	mark of received packets' 'okey	mark of sent packets' 'remote	the far end' 'local	this end' 'dev	send through this device only' 'fwmark	firewall mark of the tunnel\'s packets'
        case k47
            printf '%s\n' 'mode	how ports share the traffic (a name or its number)' 'active_slave	the port that carries traffic (active-backup)' 'clear_active_slave	let the bond choose the active port' 'miimon	link monitoring interval, 0 off' 'updelay	wait before using a port whose link came up' 'downdelay	wait before dropping a port whose link went down' 'peer_notify_delay	delay between peer notifications after a failover' 'use_carrier	link state from the carrier (1) or from MII ioctls (0)' 'arp_interval	ARP monitoring interval, 0 off' 'arp_ip_target	IPv4 addresses the ARP monitor probes (up to 16)' 'ns_ip6_target	IPv6 addresses the NS monitor probes (up to 16)' 'arp_validate	which ARP replies and probes count' 'arp_all_targets	how many targets must answer' 'arp_missed_max	missed probes before a port counts as down' 'primary	the preferred port' 'primary_reselect	when the primary port takes over again' 'fail_over_mac	MAC addresses on failover (active-backup)' 'xmit_hash_policy	what the transmit hash covers' 'resend_igmp	IGMP reports sent after a failover' 'num_grat_arp	peer notifications sent after a failover' 'num_unsol_na	peer notifications sent after a failover' 'all_slaves_active	deliver what inactive ports receive (1)' 'min_links	ports needed up for the bond to have carrier' 'lp_interval	learning packet interval (balance-tlb, balance-alb)' 'packets_per_slave	packets sent on a port before the next (balance-rr)' 'lacp_rate	LACPDU rate asked of the partner' 'lacp_active	send LACPDUs unasked' 'ad_select	how the 802.3ad aggregator is chosen' 'ad_user_port_key	the user part of the 802.3ad port key' 'ad_actor_sys_prio	802.3ad system priority' 'ad_actor_system	802.3ad system MAC address' 'tlb_dynamic_lb	balance-tlb: shuffle flows by load (1)' 'help	show these options'
        case k48
            printf '%s\n' 'table	the routing table of the domain' 'help	show these options'
        case k49
            true
        case k50
            printf '%s\n' 'id	the virtual network identifier (0-16777215)' 'vni	the virtual network identifier (0-16777215)' 'remote	the far end (unicast)' 'ttl	1-255, auto or inherit' 'hoplimit	1-255, auto or inherit' 'tos	a value or inherit' 'dsfield	a value or inherit' 'df	don\'t-fragment bit of outer IPv4' 'label	IPv6 flow label (0-1048575)' 'flowlabel	IPv6 flow label (0-1048575)' 'dstport	UDP destination port (6081 by default)' 'external	metadata mode (for tunnel routing), no VNI' 'noexternal	not in metadata mode' 'udpcsum	checksum outer UDP (IPv4)' 'noudpcsum	no outer UDP checksum (IPv4)' 'udp6zerocsumtx	send IPv6 UDP with zero checksum' 'noudp6zerocsumtx	checksum outer IPv6 UDP' 'udp6zerocsumrx	accept IPv6 UDP with zero checksum' 'noudp6zerocsumrx	reject IPv6 UDP with zero checksum' 'innerprotoinherit	carry the inner protocol (no Ethernet header)' 'help	show these options'
        case k51
            printf '%s\n' 'mode	the layer packets are switched at (l3 by default)' 'private	no traffic between devices on the same lower device' 'vepa	traffic between them goes out through the lower device' 'bridge	traffic between them is switched directly (the default)' 'help	show these options'
        case k52
            printf '%s\n' 'dev	the underlying device' 'if_id	the xfrm interface id (1-0xffffffff) policies and states name' 'external	metadata mode: the id comes with each packet'
        case k53
            printf '%s\n' 'dstport	UDP destination port (required)' 'ethertype	protocol carried: a name (ipv4, mpls_uc …) or number (required)' 'srcportmin	lowest UDP source port' 'multiproto	carry the protocol\'s relatives too (IPv6 with ipv4, multicast MPLS)' 'nomultiproto	carry the one protocol only' 'help	show these options'
        case k54
            true
    end
end

# __rtun_fill SPEC: the candidates for a value (live names get the token at
# the cursor, for the lists that depend on it).
function __rtun_fill
    set -l spec $argv[1]
    set -l cur (commandline -ct)
    switch $spec
        case '=*'
            string split ' ' -- (string sub -s 2 -- $spec)
        case @files
            # A value attached to a long option (`--load=FILE`).
            if string match -q -r -- '^--[^=]+=' $cur
                set -l opt (string match -r -- '^--[^=]+=' $cur)
                __fish_complete_path (string replace -r -- '^--[^=]+=' '' $cur) | string replace -r -- '^' $opt
            else
                __fish_complete_path $cur
            end
        case '@*'
            set -l what (string sub -s 2 -- $spec)
            if test -n "$__rtun_netns"
                $__rtun_prog -n $__rtun_netns complete $what $cur 2>/dev/null
            else
                $__rtun_prog complete $what $cur 2>/dev/null
            end
    end
end

# __rtun_candidates: the candidates for the token at the cursor.
function __rtun_candidates
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    set -g __rtun_prog $tokens[1]
    set -g __rtun_netns ''
    set -l state g
    set -l table ''
    set -l parent ''
    set -l want ''
    set -l spec ''
    set -l ops ''
    set -l ended ''
    for w in $tokens[2..-1]
        if test -n "$want"
            switch $want
                case netns
                    set -g __rtun_netns $w
                case kind
                    if __rtun_kind $w
                        set parent $table
                        set table $__rtun_t
                    else
                        set state x
                    end
            end
            set want ''
            continue
        end
        switch $state
            case g
                if string match -q -- '--?*' $w
                    set w (string sub -s 2 -- $w)
                end
                if string match -q -- '-*' $w
                    if __rtun_kw g $w; and test -n "$__rtun_v"
                        set spec $__rtun_v
                        set want 1
                        test "$spec" = @netns; and set want netns
                    end
                else if __rtun_obj $w
                    if test -n "$__rtun_g"
                        set state G
                        set table $__rtun_g
                        set ops $__rtun_ops
                    else
                        set state o
                    end
                else
                    set state x
                end
            case o
                if __rtun_cmd $__rtun_o $w; and test -n "$__rtun_t"
                    set table $__rtun_t
                    set state k
                else
                    set state x
                end
            case k
                if __rtun_kw $table $w
                    if test "$__rtun_k" = 2
                        set table $parent
                    else if test -n "$__rtun_v"
                        set spec $__rtun_v
                        set want 1
                        test -n "$__rtun_k"; and set want kind
                    end
                end
            case G
                test -n "$ended"; and continue
                if test "$w" = --
                    set ended 1
                else if string match -q -r -- '^--[^=]+=' $w
                    if __rtun_kw $table (string replace -r -- '=.*' '' $w); and test -n "$__rtun_s"
                        set ops $__rtun_s
                    end
                else if string match -q -- '--?*' $w
                    if __rtun_kw $table $w
                        test -n "$__rtun_s"; and set ops $__rtun_s
                        if test -n "$__rtun_v"; and test -z "$__rtun_opt"
                            set spec $__rtun_v
                            set want 1
                        end
                    end
                else if string match -q -- '-?*' $w
                    set -l chars (string split '' -- (string sub -s 2 -- $w))
                    set -l n (count $chars)
                    for i in (seq $n)
                        __rtun_kw $table -$chars[$i]; or break
                        test -n "$__rtun_s"; and set ops $__rtun_s
                        if test -n "$__rtun_v"
                            if test $i -eq $n; and test -z "$__rtun_opt"
                                set spec $__rtun_v
                                set want 1
                            end
                            break
                        end
                    end
                end
        end
    end
    if test -n "$want"
        __rtun_fill $spec
        return
    end
    switch $state
        case g
            if string match -q -- '--*' $cur
                __rtun_words g | string replace -r -- '^-' '--'
            else if string match -q -- '-*' $cur
                __rtun_words g
            else
                __rtun_words objects
            end
        case o
            __rtun_words c$__rtun_o
        case k
            __rtun_words k$table
            __rtun_words p$table
        case G
            if string match -q -r -- '^--[^=]+=' $cur
                if test -z "$ended"; and __rtun_kw $table (string replace -r -- '=.*' '' $cur); and test -n "$__rtun_v"
                    __rtun_fill $__rtun_v
                end
            else if string match -q -- '-*' $cur
                test -z "$ended"; and __rtun_words k$table
            else
                __rtun_fill $ops
            end
    end
end

complete -c rtun -e
complete -c rtun -f -a '(__rtun_candidates)'
