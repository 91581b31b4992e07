# Shell completion for rtun, generated from its grammar tables by
# `rtun completions SHELL`; do not edit (regenerate instead).
# bash: source this file, or install it as
# /usr/share/bash-completion/completions/rtun.

# _rtun_kw TABLE WORD: the keyword WORD selects in TABLE (g: global options).
# Sets _rtun_v to its value spec ('' flag, - no guess, @live, =words),
# _rtun_k=1 when the line then belongs to a link kind, 2 when it goes back
# to the table before the kind; for getopt options _rtun_opt=1 when the
# value is only taken attached and _rtun_s to the operands' spec from
# then on. Fails for no keyword.
_rtun_kw() {
    [ -n "${ZSH_VERSION-}" ] && emulate -L sh
    _rtun_v= _rtun_k= _rtun_opt= _rtun_s=
    case $1 in
    g)
        case $2 in
        '-'|'-l'|'-lo'|'-loo'|'-loop'|'-loops') _rtun_v='-' ;;
        '-'|'-f'|'-fa'|'-fam'|'-fami'|'-famil'|'-family') _rtun_v='=inet inet6 link mpls bridge' ;;
        '-4') _rtun_v='' ;;
        '-6') _rtun_v='' ;;
        '-0') _rtun_v='' ;;
        '-M') _rtun_v='' ;;
        '-B') _rtun_v='' ;;
        '-'|'-h'|'-hu'|'-hum'|'-huma'|'-human'|'-human-'|'-human-r'|'-human-re'|'-human-rea'|'-human-read'|'-human-reada'|'-human-readab'|'-human-readabl'|'-human-readable') _rtun_v='' ;;
        '-'|'-i'|'-ie'|'-iec') _rtun_v='' ;;
        '-'|'-s'|'-st'|'-sta'|'-stat'|'-stats'|'-stati'|'-statis'|'-statist'|'-statisti'|'-statistic'|'-statistics') _rtun_v='' ;;
        '-'|'-d'|'-de'|'-det'|'-deta'|'-detai'|'-detail'|'-details') _rtun_v='' ;;
        '-'|'-r'|'-re'|'-res'|'-reso'|'-resol'|'-resolv'|'-resolve') _rtun_v='' ;;
        '-'|'-o'|'-on'|'-one'|'-onel'|'-oneli'|'-onelin'|'-oneline') _rtun_v='' ;;
        '-'|'-t'|'-ti'|'-tim'|'-time'|'-times'|'-timest'|'-timesta'|'-timestam'|'-timestamp') _rtun_v='' ;;
        '-'|'-t'|'-ts'|'-tsh'|'-tsho'|'-tshor'|'-tshort') _rtun_v='' ;;
        '-'|'-V'|'-Ve'|'-Ver'|'-Vers'|'-Versi'|'-Versio'|'-Version') _rtun_v='' ;;
        '-'|'-f'|'-fo'|'-for'|'-forc'|'-force') _rtun_v='' ;;
        '-'|'-b'|'-ba'|'-bat'|'-batc'|'-batch') _rtun_v='@files' ;;
        '-'|'-b'|'-br'|'-bri'|'-brie'|'-brief') _rtun_v='' ;;
        '-'|'-j'|'-js'|'-jso'|'-json') _rtun_v='' ;;
        '-'|'-p'|'-pr'|'-pre'|'-pret'|'-prett'|'-pretty') _rtun_v='' ;;
        '-'|'-r'|'-rc'|'-rcv'|'-rcvb'|'-rcvbu'|'-rcvbuf') _rtun_v='-' ;;
        '-'|'-c'|'-co'|'-col'|'-colo'|'-color') _rtun_v='' ;;
        '-'|'-h'|'-he'|'-hel'|'-help') _rtun_v='' ;;
        '-'|'-n'|'-ne'|'-net'|'-netn'|'-netns') _rtun_v='@netns' ;;
        '-'|'-N'|'-Nu'|'-Num'|'-Nume'|'-Numer'|'-Numeri'|'-Numeric') _rtun_v='' ;;
        '-'|'-a'|'-al'|'-all') _rtun_v='' ;;
        '-echo') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    0)
        case $2 in
        'peer'|'remote') _rtun_v='-' ;;
        'b'|'br'|'bro'|'broa'|'broad'|'broadc'|'broadca'|'broadcas'|'broadcast'|'brd') _rtun_v='-' ;;
        'anycast') _rtun_v='-' ;;
        'scope') _rtun_v='@scopes' ;;
        'dev') _rtun_v='@ifnames' ;;
        'label') _rtun_v='-' ;;
        'm'|'me'|'met'|'metr'|'metri'|'metric'|'p'|'pr'|'pri'|'prio'|'prior'|'priori'|'priorit'|'priority'|'pre'|'pref'|'prefe'|'prefer'|'prefere'|'preferen'|'preferenc'|'preference') _rtun_v='-' ;;
        'v'|'va'|'val'|'vali'|'valid'|'valid_'|'valid_l'|'valid_lf'|'valid_lft') _rtun_v='-' ;;
        'p'|'pr'|'pre'|'pref'|'prefe'|'prefer'|'preferr'|'preferre'|'preferred'|'preferred_'|'preferred_l'|'preferred_lf'|'preferred_lft') _rtun_v='-' ;;
        'secondary'|'temporary'|'nodad'|'optimistic'|'dadfailed'|'home'|'deprecated'|'tentative'|'permanent'|'mngtmpaddr'|'noprefixroute'|'autojoin'|'stable-privacy') _rtun_v='' ;;
        'local') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    1)
        case $2 in
        'to') _rtun_v='-' ;;
        'scope') _rtun_v='@scopes' ;;
        'up') _rtun_v='' ;;
        'dynamic'|'primary'|'secondary'|'temporary'|'nodad'|'optimistic'|'dadfailed'|'home'|'deprecated'|'tentative'|'permanent'|'mngtmpaddr'|'noprefixroute'|'autojoin'|'stable-privacy') _rtun_v='' ;;
        'label') _rtun_v='-' ;;
        'group') _rtun_v='-' ;;
        'master') _rtun_v='@ifnames' ;;
        'vrf') _rtun_v='@ifnames' ;;
        'nomaster') _rtun_v='' ;;
        'type') _rtun_v='=veth bridge vxlan ifb dummy vlan macvlan tun bridge_slave bond_slave gre gretap erspan ip6gre ip6gretap ip6erspan ipip sit ip6tnl vti vti6 bond vrf vrf_slave geneve macvtap ipvlan ipvtap xfrm bareudp wireguard' ;;
        'dev') _rtun_v='@ifnames' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    2)
        case $2 in
        'dev') _rtun_v='@ifnames' ;;
        'a'|'ad'|'add'|'addr'|'addre'|'addres'|'address') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    3)
        case $2 in
        'dev') _rtun_v='@ifnames' ;;
        *) return 1 ;;
        esac ;;
    4)
        case $2 in
        'src') _rtun_v='-' ;;
        'as') _rtun_v='-' ;;
        'via') _rtun_v='-' ;;
        'from') _rtun_v='-' ;;
        'tos'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'expires') _rtun_v='-' ;;
        'm'|'me'|'met'|'metr'|'metri'|'metric'|'p'|'pr'|'pri'|'prio'|'prior'|'priori'|'priorit'|'priority'|'preference') _rtun_v='-' ;;
        'scope') _rtun_v='@scopes' ;;
        'mtu') _rtun_v='-' ;;
        'hoplimit') _rtun_v='-' ;;
        'advmss') _rtun_v='-' ;;
        'r'|'re'|'reo'|'reor'|'reord'|'reorde'|'reorder'|'reorderi'|'reorderin'|'reordering') _rtun_v='-' ;;
        'rtt') _rtun_v='-' ;;
        'rto_min') _rtun_v='-' ;;
        'w'|'wi'|'win'|'wind'|'windo'|'window') _rtun_v='-' ;;
        'c'|'cw'|'cwn'|'cwnd') _rtun_v='-' ;;
        'i'|'in'|'ini'|'init'|'initc'|'initcw'|'initcwn'|'initcwnd') _rtun_v='-' ;;
        'i'|'in'|'ini'|'init'|'initr'|'initrw'|'initrwn'|'initrwnd') _rtun_v='-' ;;
        'f'|'fe'|'fea'|'feat'|'featu'|'featur'|'feature'|'features') _rtun_v='=ecn' ;;
        'q'|'qu'|'qui'|'quic'|'quick'|'quicka'|'quickac'|'quickack') _rtun_v='=0 1' ;;
        'c'|'co'|'con'|'cong'|'congc'|'congct'|'congctl') _rtun_v='-' ;;
        'r'|'rt'|'rtt'|'rttv'|'rttva'|'rttvar') _rtun_v='-' ;;
        's'|'ss'|'sst'|'ssth'|'ssthr'|'ssthre'|'ssthres'|'ssthresh') _rtun_v='-' ;;
        'r'|'re'|'rea'|'real'|'realm'|'realms') _rtun_v='-' ;;
        'onlink') _rtun_v='' ;;
        'nexthop') _rtun_v='-' ;;
        'nhid') _rtun_v='-' ;;
        'p'|'pr'|'pro'|'prot'|'proto'|'protoc'|'protoco'|'protocol') _rtun_v='@protocols' ;;
        't'|'ta'|'tab'|'tabl'|'table') _rtun_v='@tables' ;;
        'v'|'vr'|'vrf') _rtun_v='-' ;;
        'dev'|'oif') _rtun_v='@ifnames' ;;
        'p'|'pr'|'pre'|'pref') _rtun_v='=low medium high' ;;
        'encap') _rtun_v='-' ;;
        'ttl-propagate') _rtun_v='=enabled disabled' ;;
        'f'|'fa'|'fas'|'fast'|'fasto'|'fastop'|'fastope'|'fastopen'|'fastopen_'|'fastopen_n'|'fastopen_no'|'fastopen_no_'|'fastopen_no_c'|'fastopen_no_co'|'fastopen_no_coo'|'fastopen_no_cook'|'fastopen_no_cooki'|'fastopen_no_cookie') _rtun_v='=0 1' ;;
        'to') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    5)
        case $2 in
        't'|'ta'|'tab'|'tabl'|'table') _rtun_v='@table-filters' ;;
        'v'|'vr'|'vrf') _rtun_v='-' ;;
        'c'|'ca'|'cac'|'cach'|'cache'|'cached'|'cl'|'clo'|'clon'|'clone'|'cloned') _rtun_v='' ;;
        'tos'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'p'|'pr'|'pro'|'prot'|'proto'|'protoc'|'protoco'|'protocol') _rtun_v='@protocols' ;;
        's'|'sc'|'sco'|'scop'|'scope') _rtun_v='@scopes' ;;
        't'|'ty'|'typ'|'type') _rtun_v='=unicast local broadcast anycast multicast blackhole unreachable prohibit throw nat xresolve' ;;
        'dev'|'oif') _rtun_v='@ifnames' ;;
        'iif') _rtun_v='@ifnames' ;;
        'mark') _rtun_v='-' ;;
        'm'|'me'|'met'|'metr'|'metri'|'metric'|'p'|'pr'|'pri'|'prio'|'prior'|'priori'|'priorit'|'priority'|'preference') _rtun_v='-' ;;
        'via') _rtun_v='-' ;;
        'src') _rtun_v='-' ;;
        'r'|'re'|'rea'|'real'|'realm'|'realms') _rtun_v='-' ;;
        'f'|'fr'|'fro'|'from') _rtun_v='-' ;;
        't'|'to') _rtun_v='-' ;;
        'r'|'ro'|'roo'|'root') _rtun_v='-' ;;
        'm'|'ma'|'mat'|'matc'|'match') _rtun_v='-' ;;
        'e'|'ex'|'exa'|'exac'|'exact') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    6)
        case $2 in
        'tos'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'f'|'fr'|'fro'|'from') _rtun_v='-' ;;
        'i'|'ii'|'iif') _rtun_v='@ifnames' ;;
        'm'|'ma'|'mar'|'mark') _rtun_v='-' ;;
        'o'|'oi'|'oif'|'dev') _rtun_v='@ifnames' ;;
        'n'|'no'|'not'|'noti'|'notif'|'notify') _rtun_v='' ;;
        'c'|'co'|'con'|'conn'|'conne'|'connec'|'connect'|'connecte'|'connected') _rtun_v='' ;;
        'v'|'vr'|'vrf') _rtun_v='-' ;;
        'u'|'ui'|'uid') _rtun_v='-' ;;
        'f'|'fi'|'fib'|'fibm'|'fibma'|'fibmat'|'fibmatc'|'fibmatch') _rtun_v='' ;;
        'as') _rtun_v='-' ;;
        's'|'sp'|'spo'|'spor'|'sport') _rtun_v='-' ;;
        'd'|'dp'|'dpo'|'dpor'|'dport') _rtun_v='-' ;;
        'i'|'ip'|'ipp'|'ippr'|'ippro'|'ipprot'|'ipproto') _rtun_v='-' ;;
        'to') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    7)
        case $2 in
        'p'|'pr'|'pre'|'pref'|'prefe'|'prefer'|'prefere'|'preferen'|'preferenc'|'preference'|'o'|'or'|'ord'|'orde'|'order'|'pri'|'prio'|'prior'|'priori'|'priorit'|'priority') _rtun_v='-' ;;
        'not') _rtun_v='' ;;
        'tos'|'dsfield') _rtun_v='-' ;;
        'fwmark') _rtun_v='-' ;;
        'dev'|'iif') _rtun_v='@ifnames' ;;
        'oif') _rtun_v='@ifnames' ;;
        'l3mdev') _rtun_v='' ;;
        'uidrange') _rtun_v='-' ;;
        't'|'tu'|'tun'|'tun_'|'tun_i'|'tun_id') _rtun_v='-' ;;
        'l'|'lo'|'loo'|'look'|'looku'|'lookup'|'t'|'ta'|'tab'|'tabl'|'table') _rtun_v='@tables' ;;
        'f'|'fr'|'fro'|'from'|'s'|'sr'|'src') _rtun_v='-' ;;
        'p'|'pr'|'pro'|'prot'|'proto'|'protoc'|'protoco'|'protocol') _rtun_v='@protocols' ;;
        'ipproto') _rtun_v='-' ;;
        'sport') _rtun_v='-' ;;
        'dport') _rtun_v='-' ;;
        'd'|'ds'|'dst'|'t'|'to') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    8)
        case $2 in
        'not') _rtun_v='' ;;
        'from') _rtun_v='-' ;;
        'to') _rtun_v='-' ;;
        'p'|'pr'|'pre'|'pref'|'prefe'|'prefer'|'prefere'|'preferen'|'preferenc'|'preference'|'o'|'or'|'ord'|'orde'|'order'|'pri'|'prio'|'prior'|'priori'|'priorit'|'priority') _rtun_v='-' ;;
        'tos'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'fwmark') _rtun_v='-' ;;
        'r'|'re'|'rea'|'real'|'realm'|'realms') _rtun_v='-' ;;
        'p'|'pr'|'pro'|'prot'|'proto'|'protoc'|'protoco'|'protocol') _rtun_v='@protocols' ;;
        't'|'tu'|'tun'|'tun_'|'tun_i'|'tun_id') _rtun_v='-' ;;
        't'|'ta'|'tab'|'tabl'|'table'|'lookup') _rtun_v='@tables' ;;
        's'|'su'|'sup'|'supp'|'suppr'|'suppre'|'suppres'|'suppress'|'suppress_'|'suppress_p'|'suppress_pr'|'suppress_pre'|'suppress_pref'|'suppress_prefi'|'suppress_prefix'|'suppress_prefixl'|'suppress_prefixle'|'suppress_prefixlen'|'suppress_prefixleng'|'suppress_prefixlengt'|'suppress_prefixlength'|'sup_pl') _rtun_v='-' ;;
        's'|'su'|'sup'|'supp'|'suppr'|'suppre'|'suppres'|'suppress'|'suppress_'|'suppress_i'|'suppress_if'|'suppress_ifg'|'suppress_ifgr'|'suppress_ifgro'|'suppress_ifgrou'|'suppress_ifgroup'|'sup_group') _rtun_v='-' ;;
        'dev'|'iif') _rtun_v='@ifnames' ;;
        'oif') _rtun_v='@ifnames' ;;
        'l3mdev') _rtun_v='' ;;
        'uidrange') _rtun_v='-' ;;
        'nat'|'m'|'ma'|'map'|'map-'|'map-t'|'map-to') _rtun_v='-' ;;
        'ipproto') _rtun_v='-' ;;
        'sport') _rtun_v='-' ;;
        'dport') _rtun_v='-' ;;
        'type') _rtun_v='=goto nop unicast blackhole unreachable prohibit' ;;
        'g'|'go'|'got'|'goto') _rtun_v='-' ;;
        'n'|'no'|'nop') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    9)
        case $2 in
        'l'|'ll'|'lla'|'llad'|'lladd'|'lladdr') _rtun_v='-' ;;
        'nud') _rtun_v='=permanent noarp reachable stale none incomplete delay probe failed' ;;
        'p'|'pr'|'pro'|'prox'|'proxy') _rtun_v='-' ;;
        'router') _rtun_v='' ;;
        'use') _rtun_v='' ;;
        'managed') _rtun_v='' ;;
        'e'|'ex'|'ext'|'exte'|'exter'|'extern'|'extern_'|'extern_l'|'extern_le'|'extern_lea'|'extern_lear'|'extern_learn') _rtun_v='' ;;
        'dev') _rtun_v='@ifnames' ;;
        'p'|'pr'|'pro'|'prot'|'proto'|'protoc'|'protoco'|'protocol') _rtun_v='@protocols' ;;
        'to') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    10)
        case $2 in
        'dev') _rtun_v='@ifnames' ;;
        'p'|'pr'|'pro'|'prox'|'proxy') _rtun_v='-' ;;
        'to') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    11)
        case $2 in
        'dev') _rtun_v='@ifnames' ;;
        'master') _rtun_v='@ifnames' ;;
        'vrf') _rtun_v='@ifnames' ;;
        'nomaster') _rtun_v='' ;;
        'unused') _rtun_v='' ;;
        'nud') _rtun_v='=permanent noarp reachable stale none incomplete delay probe failed all' ;;
        'proxy') _rtun_v='' ;;
        'p'|'pr'|'pro'|'prot'|'proto'|'protoc'|'protoco'|'protocol') _rtun_v='@protocols' ;;
        'to') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    12)
        case $2 in
        'up') _rtun_v='' ;;
        'down') _rtun_v='' ;;
        'name') _rtun_v='-' ;;
        'index') _rtun_v='-' ;;
        'l'|'li'|'lin'|'link') _rtun_v='@ifnames' ;;
        'a'|'ad'|'add'|'addr'|'addre'|'addres'|'address') _rtun_v='-' ;;
        'b'|'br'|'bro'|'broa'|'broad'|'broadc'|'broadca'|'broadcas'|'broadcast'|'brd') _rtun_v='-' ;;
        't'|'tx'|'txq'|'txqu'|'txque'|'txqueu'|'txqueue'|'txqueuel'|'txqueuele'|'txqueuelen'|'qlen'|'txql'|'txqle'|'txqlen') _rtun_v='-' ;;
        'mtu') _rtun_v='-' ;;
        'xdpgeneric'|'xdpdrv'|'xdpoffload'|'xdp') _rtun_v='-' ;;
        'netns') _rtun_v='@netns' ;;
        'multicast') _rtun_v='=on off' ;;
        'allmulticast') _rtun_v='=on off' ;;
        'promisc') _rtun_v='=on off' ;;
        'trailers') _rtun_v='=on off' ;;
        'arp') _rtun_v='=on off' ;;
        'carrier') _rtun_v='=on off' ;;
        'vf') _rtun_v='-' ;;
        'm'|'ma'|'mas'|'mast'|'maste'|'master') _rtun_v='@ifnames' ;;
        'vrf') _rtun_v='@ifnames' ;;
        'n'|'no'|'nom'|'noma'|'nomas'|'nomast'|'nomaste'|'nomaster') _rtun_v='' ;;
        'd'|'dy'|'dyn'|'dyna'|'dynam'|'dynami'|'dynamic') _rtun_v='=on off' ;;
        't'|'ty'|'typ'|'type') _rtun_v='=veth bridge vxlan ifb dummy vlan macvlan tun bridge_slave bond_slave gre gretap erspan ip6gre ip6gretap ip6erspan ipip sit ip6tnl vti vti6 bond vrf vrf_slave geneve macvtap ipvlan ipvtap xfrm bareudp wireguard' _rtun_k=1 ;;
        'a'|'al'|'ali'|'alia'|'alias') _rtun_v='-' ;;
        'group') _rtun_v='-' ;;
        'mode') _rtun_v='=default dormant' ;;
        'state') _rtun_v='=UNKNOWN NOTPRESENT DOWN LOWERLAYERDOWN TESTING DORMANT UP' ;;
        'n'|'nu'|'num'|'numt'|'numtx'|'numtxq'|'numtxqu'|'numtxque'|'numtxqueu'|'numtxqueue'|'numtxqueues') _rtun_v='-' ;;
        'n'|'nu'|'num'|'numr'|'numrx'|'numrxq'|'numrxqu'|'numrxque'|'numrxqueu'|'numrxqueue'|'numrxqueues') _rtun_v='-' ;;
        'a'|'ad'|'add'|'addr'|'addrg'|'addrge'|'addrgen'|'addrgenm'|'addrgenmo'|'addrgenmod'|'addrgenmode') _rtun_v='=eui64 none stable_secret random' ;;
        'l'|'li'|'lin'|'link'|'link-'|'link-n'|'link-ne'|'link-net'|'link-netn'|'link-netns') _rtun_v='@netns' ;;
        'l'|'li'|'lin'|'link'|'link-'|'link-n'|'link-ne'|'link-net'|'link-netn'|'link-netns'|'link-netnsi'|'link-netnsid') _rtun_v='-' ;;
        'protodown') _rtun_v='=on off' ;;
        'protodown_reason') _rtun_v='-' ;;
        'gso_max_size') _rtun_v='-' ;;
        'gso_max_segs') _rtun_v='-' ;;
        'gro_max_size') _rtun_v='-' ;;
        'parentdev') _rtun_v='-' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        'dev') _rtun_v='@ifnames' ;;
        *) return 1 ;;
        esac ;;
    13)
        case $2 in
        'up') _rtun_v='' ;;
        'down') _rtun_v='' ;;
        'name') _rtun_v='-' ;;
        'index') _rtun_v='-' ;;
        'l'|'li'|'lin'|'link') _rtun_v='@ifnames' ;;
        'a'|'ad'|'add'|'addr'|'addre'|'addres'|'address') _rtun_v='-' ;;
        'b'|'br'|'bro'|'broa'|'broad'|'broadc'|'broadca'|'broadcas'|'broadcast'|'brd') _rtun_v='-' ;;
        't'|'tx'|'txq'|'txqu'|'txque'|'txqueu'|'txqueue'|'txqueuel'|'txqueuele'|'txqueuelen'|'qlen'|'txql'|'txqle'|'txqlen') _rtun_v='-' ;;
        'mtu') _rtun_v='-' ;;
        'xdpgeneric'|'xdpdrv'|'xdpoffload'|'xdp') _rtun_v='-' ;;
        'netns') _rtun_v='@netns' ;;
        'multicast') _rtun_v='=on off' ;;
        'allmulticast') _rtun_v='=on off' ;;
        'promisc') _rtun_v='=on off' ;;
        'trailers') _rtun_v='=on off' ;;
        'arp') _rtun_v='=on off' ;;
        'carrier') _rtun_v='=on off' ;;
        'vf') _rtun_v='-' ;;
        'm'|'ma'|'mas'|'mast'|'maste'|'master') _rtun_v='@ifnames' ;;
        'vrf') _rtun_v='@ifnames' ;;
        'n'|'no'|'nom'|'noma'|'nomas'|'nomast'|'nomaste'|'nomaster') _rtun_v='' ;;
        'd'|'dy'|'dyn'|'dyna'|'dynam'|'dynami'|'dynamic') _rtun_v='=on off' ;;
        't'|'ty'|'typ'|'type') _rtun_v='=veth bridge vxlan ifb dummy vlan macvlan tun bridge_slave bond_slave gre gretap erspan ip6gre ip6gretap ip6erspan ipip sit ip6tnl vti vti6 bond vrf vrf_slave geneve macvtap ipvlan ipvtap xfrm bareudp wireguard' _rtun_k=1 ;;
        'a'|'al'|'ali'|'alia'|'alias') _rtun_v='-' ;;
        'group') _rtun_v='-' ;;
        'mode') _rtun_v='=default dormant' ;;
        'state') _rtun_v='=UNKNOWN NOTPRESENT DOWN LOWERLAYERDOWN TESTING DORMANT UP' ;;
        'n'|'nu'|'num'|'numt'|'numtx'|'numtxq'|'numtxqu'|'numtxque'|'numtxqueu'|'numtxqueue'|'numtxqueues') _rtun_v='-' ;;
        'n'|'nu'|'num'|'numr'|'numrx'|'numrxq'|'numrxqu'|'numrxque'|'numrxqueu'|'numrxqueue'|'numrxqueues') _rtun_v='-' ;;
        'a'|'ad'|'add'|'addr'|'addrg'|'addrge'|'addrgen'|'addrgenm'|'addrgenmo'|'addrgenmod'|'addrgenmode') _rtun_v='=eui64 none stable_secret random' ;;
        'l'|'li'|'lin'|'link'|'link-'|'link-n'|'link-ne'|'link-net'|'link-netn'|'link-netns') _rtun_v='@netns' ;;
        'l'|'li'|'lin'|'link'|'link-'|'link-n'|'link-ne'|'link-net'|'link-netn'|'link-netns'|'link-netnsi'|'link-netnsid') _rtun_v='-' ;;
        'protodown') _rtun_v='=on off' ;;
        'protodown_reason') _rtun_v='-' ;;
        'gso_max_size') _rtun_v='-' ;;
        'gso_max_segs') _rtun_v='-' ;;
        'gro_max_size') _rtun_v='-' ;;
        'parentdev') _rtun_v='-' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        'dev') _rtun_v='@ifnames' ;;
        *) return 1 ;;
        esac ;;
    14)
        case $2 in
        'a'|'al'|'alt'|'altn'|'altna'|'altnam'|'altname') _rtun_v='-' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        'dev') _rtun_v='@ifnames' ;;
        'a'|'ad'|'add') _rtun_v='' ;;
        'd'|'de'|'del') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    15)
        case $2 in
        'mode') _rtun_v='=gre ipip sit isatap vti ip6gre ip6ip6 ipip6 any vti6 gre/ip ip/ip ipv6/ip ipv6/ipv6 ip4ip6 ip/ipv6 ipv4/ipv6 gre/ipv6 any/ipv6' ;;
        'key') _rtun_v='-' ;;
        'ikey') _rtun_v='-' ;;
        'okey') _rtun_v='-' ;;
        'seq') _rtun_v='' ;;
        'iseq') _rtun_v='' ;;
        'oseq') _rtun_v='' ;;
        'csum') _rtun_v='' ;;
        'icsum') _rtun_v='' ;;
        'ocsum') _rtun_v='' ;;
        'nopmtudisc') _rtun_v='' ;;
        'pmtudisc') _rtun_v='' ;;
        'remote') _rtun_v='-' ;;
        'local') _rtun_v='-' ;;
        'dev') _rtun_v='@ifnames' ;;
        'ttl'|'hoplimit'|'hlim') _rtun_v='-' ;;
        'tos'|'tclass'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'name') _rtun_v='-' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    16)
        case $2 in
        'prl-default') _rtun_v='-' ;;
        'prl-nodefault') _rtun_v='-' ;;
        'prl-delete') _rtun_v='-' ;;
        'dev') _rtun_v='@ifnames' ;;
        *) return 1 ;;
        esac ;;
    17)
        case $2 in
        '6rd-prefix') _rtun_v='-' ;;
        '6rd-relay_prefix') _rtun_v='-' ;;
        '6rd-reset') _rtun_v='' ;;
        'dev') _rtun_v='@ifnames' ;;
        *) return 1 ;;
        esac ;;
    18)
        case $2 in
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    19)
        case $2 in
        'interval') _rtun_v='-' ;;
        'retries') _rtun_v='-' ;;
        'once') _rtun_v='' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    20)
        case $2 in
        'f'|'fi'|'fil'|'file') _rtun_v='@files' ;;
        'l'|'la'|'lab'|'labe'|'label') _rtun_v='' ;;
        'l'|'li'|'lin'|'link') _rtun_v='' ;;
        'a'|'ad'|'add'|'addr'|'addre'|'addres'|'address') _rtun_v='' ;;
        'r'|'ro'|'rou'|'rout'|'route') _rtun_v='' ;;
        'm'|'mr'|'mro'|'mrou'|'mrout'|'mroute') _rtun_v='' ;;
        'p'|'pr'|'pre'|'pref'|'prefi'|'prefix') _rtun_v='' ;;
        'n'|'ne'|'nei'|'neig'|'neigh') _rtun_v='' ;;
        'n'|'ne'|'net'|'netc'|'netco'|'netcon'|'netconf') _rtun_v='' ;;
        'r'|'ru'|'rul'|'rule') _rtun_v='' ;;
        'n'|'ns'|'nsi'|'nsid') _rtun_v='' ;;
        'n'|'ne'|'nex'|'next'|'nexth'|'nextho'|'nexthop') _rtun_v='' ;;
        'stats') _rtun_v='' ;;
        'all') _rtun_v='' ;;
        'a'|'al'|'all'|'all-'|'all-n'|'all-ns'|'all-nsi'|'all-nsid') _rtun_v='' ;;
        'dev') _rtun_v='@ifnames' ;;
        *) return 1 ;;
        esac ;;
    21)
        case $2 in
        'target-nsid') _rtun_v='-' ;;
        'nsid') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    22)
        case $2 in
        *) return 1 ;;
        esac ;;
    23)
        case $2 in
        *) return 1 ;;
        esac ;;
    24)
        case $2 in
        'id') _rtun_v='-' ;;
        'dev') _rtun_v='@ifnames' ;;
        'via') _rtun_v='-' ;;
        'encap') _rtun_v='-' ;;
        'blackhole') _rtun_v='' ;;
        'fdb') _rtun_v='' ;;
        'onlink') _rtun_v='' ;;
        'group') _rtun_v='-' ;;
        'type') _rtun_v='=mpath resilient' ;;
        'buckets') _rtun_v='-' ;;
        'idle_timer') _rtun_v='-' ;;
        'unbalanced_timer') _rtun_v='-' ;;
        'p'|'pr'|'pro'|'prot'|'proto'|'protoc'|'protoco'|'protocol') _rtun_v='@protocols' ;;
        *) return 1 ;;
        esac ;;
    25)
        case $2 in
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        'g'|'gr'|'gro'|'grou'|'group'|'groups') _rtun_v='' ;;
        'm'|'ma'|'mas'|'mast'|'maste'|'master') _rtun_v='@ifnames' ;;
        'v'|'vr'|'vrf') _rtun_v='@ifnames' ;;
        'id') _rtun_v='-' ;;
        'p'|'pr'|'pro'|'prot'|'proto'|'protoc'|'protoco'|'protocol') _rtun_v='-' ;;
        'f'|'fd'|'fdb') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    26)
        case $2 in
        'id') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    27)
        case $2 in
        'l'|'li'|'lis'|'list'|'s'|'sh'|'sho'|'show'|'ls'|'lst') _rtun_v='' ;;
        'g'|'ge'|'get') _rtun_v='' ;;
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        'm'|'ma'|'mas'|'mast'|'maste'|'master') _rtun_v='@ifnames' ;;
        'v'|'vr'|'vrf') _rtun_v='@ifnames' ;;
        'id') _rtun_v='-' ;;
        'nhid') _rtun_v='-' ;;
        'index') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    28)
        case $2 in
        'a'|'ac'|'acc'|'acce'|'accep'|'accept') _rtun_v='' ;;
        'f'|'fo'|'for'|'forw'|'forwa'|'forwar'|'forward') _rtun_v='' ;;
        'm'|'ma'|'mas'|'masq'|'masqu'|'masque'|'masquer'|'masquera'|'masquerad'|'masquerade') _rtun_v='' ;;
        's'|'sn'|'sna'|'snat') _rtun_v='' ;;
        'd'|'dn'|'dna'|'dnat') _rtun_v='' ;;
        'c'|'cl'|'cla'|'clam'|'clamp'|'clamp-'|'clamp-m'|'clamp-ms'|'clamp-mss') _rtun_v='' ;;
        's'|'sr'|'src') _rtun_v='-' ;;
        'd'|'ds'|'dst') _rtun_v='-' ;;
        'd'|'dp'|'dpo'|'dpor'|'dport') _rtun_v='-' ;;
        'p'|'pr'|'pro'|'prot'|'proto') _rtun_v='=gre ipip ipv6 tcp udp icmp icmpv6 esp ah sctp' ;;
        'i'|'ii'|'iif') _rtun_v='@ifnames' ;;
        'o'|'oi'|'oif') _rtun_v='@ifnames' ;;
        't'|'to') _rtun_v='-' ;;
        'm'|'ms'|'mss') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    29)
        case $2 in
        '-a'|'-A'|'-X'|'--a'|'--al'|'--all') _rtun_v='' ;;
        '--d'|'--de'|'--dep'|'--depr'|'--depre'|'--deprec'|'--depreca'|'--deprecat'|'--deprecate'|'--deprecated') _rtun_v='' ;;
        '--d'|'--dr'|'--dry'|'--dry-'|'--dry-r'|'--dry-ru'|'--dry-run') _rtun_v='' ;;
        '-b'|'--b'|'--bi'|'--bin'|'--bina'|'--binar'|'--binary') _rtun_v='' ;;
        '-e'|'--i'|'--ig'|'--ign'|'--igno'|'--ignor'|'--ignore') _rtun_v='' ;;
        '-N'|'--n'|'--na'|'--nam'|'--name'|'--names') _rtun_v='' ;;
        '-n'|'--v'|'--va'|'--val'|'--valu'|'--value'|'--values') _rtun_v='' ;;
        '-p'|'-f'|'--l'|'--lo'|'--loa'|'--load') _rtun_v='@files' _rtun_opt=1 _rtun_s='@files' ;;
        '-q'|'--q'|'--qu'|'--qui'|'--quie'|'--quiet') _rtun_v='' ;;
        '-w'|'--w'|'--wr'|'--wri'|'--writ'|'--write') _rtun_v='' ;;
        '--s'|'--sy'|'--sys'|'--syst'|'--syste'|'--system') _rtun_v='' ;;
        '-r'|'--p'|'--pa'|'--pat'|'--patt'|'--patte'|'--patter'|'--pattern') _rtun_v='-' ;;
        '-h'|'-d'|'--h'|'--he'|'--hel'|'--help') _rtun_v='' ;;
        '-V'|'--v'|'--ve'|'--ver'|'--vers'|'--versi'|'--versio'|'--version') _rtun_v='' ;;
        '-o'|'-x') _rtun_v='' ;;
        '-j'|'--json') _rtun_v='' ;;
        '--persist') _rtun_v='@files' _rtun_opt=1 ;;
        *) return 1 ;;
        esac ;;
    30)
        case $2 in
        'peer') _rtun_v='' _rtun_k=2 ;;
        *) return 1 ;;
        esac ;;
    31)
        case $2 in
        'f'|'fo'|'for'|'forw'|'forwa'|'forwar'|'forward'|'forward_'|'forward_d'|'forward_de'|'forward_del'|'forward_dela'|'forward_delay') _rtun_v='-' ;;
        'h'|'he'|'hel'|'hell'|'hello'|'hello_'|'hello_t'|'hello_ti'|'hello_tim'|'hello_time') _rtun_v='-' ;;
        'm'|'ma'|'max'|'max_'|'max_a'|'max_ag'|'max_age') _rtun_v='-' ;;
        'a'|'ag'|'age'|'agei'|'agein'|'ageing'|'ageing_'|'ageing_t'|'ageing_ti'|'ageing_tim'|'ageing_time') _rtun_v='-' ;;
        's'|'st'|'stp'|'stp_'|'stp_s'|'stp_st'|'stp_sta'|'stp_stat'|'stp_state') _rtun_v='-' ;;
        'p'|'pr'|'pri'|'prio'|'prior'|'priori'|'priorit'|'priority') _rtun_v='-' ;;
        'v'|'vl'|'vla'|'vlan'|'vlan_'|'vlan_f'|'vlan_fi'|'vlan_fil'|'vlan_filt'|'vlan_filte'|'vlan_filter'|'vlan_filteri'|'vlan_filterin'|'vlan_filtering') _rtun_v='-' ;;
        'v'|'vl'|'vla'|'vlan'|'vlan_'|'vlan_p'|'vlan_pr'|'vlan_pro'|'vlan_prot'|'vlan_proto'|'vlan_protoc'|'vlan_protoco'|'vlan_protocol') _rtun_v='=802.1Q 802.1ad' ;;
        'g'|'gr'|'gro'|'grou'|'group'|'group_'|'group_f'|'group_fw'|'group_fwd'|'group_fwd_'|'group_fwd_m'|'group_fwd_ma'|'group_fwd_mas'|'group_fwd_mask') _rtun_v='-' ;;
        'g'|'gr'|'gro'|'grou'|'group'|'group_'|'group_a'|'group_ad'|'group_add'|'group_addr'|'group_addre'|'group_addres'|'group_address') _rtun_v='-' ;;
        'no_linklocal_learn') _rtun_v='-' ;;
        'f'|'fd'|'fdb'|'fdb_'|'fdb_f'|'fdb_fl'|'fdb_flu'|'fdb_flus'|'fdb_flush') _rtun_v='' ;;
        'v'|'vl'|'vla'|'vlan'|'vlan_'|'vlan_d'|'vlan_de'|'vlan_def'|'vlan_defa'|'vlan_defau'|'vlan_defaul'|'vlan_default'|'vlan_default_'|'vlan_default_p'|'vlan_default_pv'|'vlan_default_pvi'|'vlan_default_pvid') _rtun_v='-' ;;
        'v'|'vl'|'vla'|'vlan'|'vlan_'|'vlan_s'|'vlan_st'|'vlan_sta'|'vlan_stat'|'vlan_stats'|'vlan_stats_'|'vlan_stats_e'|'vlan_stats_en'|'vlan_stats_ena'|'vlan_stats_enab'|'vlan_stats_enabl'|'vlan_stats_enable'|'vlan_stats_enabled') _rtun_v='-' ;;
        'v'|'vl'|'vla'|'vlan'|'vlan_'|'vlan_s'|'vlan_st'|'vlan_sta'|'vlan_stat'|'vlan_stats'|'vlan_stats_'|'vlan_stats_p'|'vlan_stats_pe'|'vlan_stats_per'|'vlan_stats_per_'|'vlan_stats_per_p'|'vlan_stats_per_po'|'vlan_stats_per_por'|'vlan_stats_per_port') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_r'|'mcast_ro'|'mcast_rou'|'mcast_rout'|'mcast_route'|'mcast_router') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_s'|'mcast_sn'|'mcast_sno'|'mcast_snoo'|'mcast_snoop'|'mcast_snoopi'|'mcast_snoopin'|'mcast_snooping') _rtun_v='-' ;;
        'mcast_vlan_snooping') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_q'|'mcast_qu'|'mcast_que'|'mcast_quer'|'mcast_query'|'mcast_query_'|'mcast_query_u'|'mcast_query_us'|'mcast_query_use'|'mcast_query_use_'|'mcast_query_use_i'|'mcast_query_use_if'|'mcast_query_use_ifa'|'mcast_query_use_ifad'|'mcast_query_use_ifadd'|'mcast_query_use_ifaddr') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_q'|'mcast_qu'|'mcast_que'|'mcast_quer'|'mcast_queri'|'mcast_querie'|'mcast_querier') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_h'|'mcast_ha'|'mcast_has'|'mcast_hash'|'mcast_hash_'|'mcast_hash_e'|'mcast_hash_el'|'mcast_hash_ela'|'mcast_hash_elas'|'mcast_hash_elast'|'mcast_hash_elasti'|'mcast_hash_elastic'|'mcast_hash_elastici'|'mcast_hash_elasticit'|'mcast_hash_elasticity') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_h'|'mcast_ha'|'mcast_has'|'mcast_hash'|'mcast_hash_'|'mcast_hash_m'|'mcast_hash_ma'|'mcast_hash_max') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_l'|'mcast_la'|'mcast_las'|'mcast_last'|'mcast_last_'|'mcast_last_m'|'mcast_last_me'|'mcast_last_mem'|'mcast_last_memb'|'mcast_last_membe'|'mcast_last_member'|'mcast_last_member_'|'mcast_last_member_c'|'mcast_last_member_co'|'mcast_last_member_cou'|'mcast_last_member_coun'|'mcast_last_member_count') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_s'|'mcast_st'|'mcast_sta'|'mcast_star'|'mcast_start'|'mcast_startu'|'mcast_startup'|'mcast_startup_'|'mcast_startup_q'|'mcast_startup_qu'|'mcast_startup_que'|'mcast_startup_quer'|'mcast_startup_query'|'mcast_startup_query_'|'mcast_startup_query_c'|'mcast_startup_query_co'|'mcast_startup_query_cou'|'mcast_startup_query_coun'|'mcast_startup_query_count') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_l'|'mcast_la'|'mcast_las'|'mcast_last'|'mcast_last_'|'mcast_last_m'|'mcast_last_me'|'mcast_last_mem'|'mcast_last_memb'|'mcast_last_membe'|'mcast_last_member'|'mcast_last_member_'|'mcast_last_member_i'|'mcast_last_member_in'|'mcast_last_member_int'|'mcast_last_member_inte'|'mcast_last_member_inter'|'mcast_last_member_interv'|'mcast_last_member_interva'|'mcast_last_member_interval') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_m'|'mcast_me'|'mcast_mem'|'mcast_memb'|'mcast_membe'|'mcast_member'|'mcast_members'|'mcast_membersh'|'mcast_membershi'|'mcast_membership'|'mcast_membership_'|'mcast_membership_i'|'mcast_membership_in'|'mcast_membership_int'|'mcast_membership_inte'|'mcast_membership_inter'|'mcast_membership_interv'|'mcast_membership_interva'|'mcast_membership_interval') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_q'|'mcast_qu'|'mcast_que'|'mcast_quer'|'mcast_queri'|'mcast_querie'|'mcast_querier'|'mcast_querier_'|'mcast_querier_i'|'mcast_querier_in'|'mcast_querier_int'|'mcast_querier_inte'|'mcast_querier_inter'|'mcast_querier_interv'|'mcast_querier_interva'|'mcast_querier_interval') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_q'|'mcast_qu'|'mcast_que'|'mcast_quer'|'mcast_query'|'mcast_query_'|'mcast_query_i'|'mcast_query_in'|'mcast_query_int'|'mcast_query_inte'|'mcast_query_inter'|'mcast_query_interv'|'mcast_query_interva'|'mcast_query_interval') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_q'|'mcast_qu'|'mcast_que'|'mcast_quer'|'mcast_query'|'mcast_query_'|'mcast_query_r'|'mcast_query_re'|'mcast_query_res'|'mcast_query_resp'|'mcast_query_respo'|'mcast_query_respon'|'mcast_query_respons'|'mcast_query_response'|'mcast_query_response_'|'mcast_query_response_i'|'mcast_query_response_in'|'mcast_query_response_int'|'mcast_query_response_inte'|'mcast_query_response_inter'|'mcast_query_response_interv'|'mcast_query_response_interva'|'mcast_query_response_interval') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_s'|'mcast_st'|'mcast_sta'|'mcast_star'|'mcast_start'|'mcast_startu'|'mcast_startup'|'mcast_startup_'|'mcast_startup_q'|'mcast_startup_qu'|'mcast_startup_que'|'mcast_startup_quer'|'mcast_startup_query'|'mcast_startup_query_'|'mcast_startup_query_i'|'mcast_startup_query_in'|'mcast_startup_query_int'|'mcast_startup_query_inte'|'mcast_startup_query_inter'|'mcast_startup_query_interv'|'mcast_startup_query_interva'|'mcast_startup_query_interval') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_s'|'mcast_st'|'mcast_sta'|'mcast_stat'|'mcast_stats'|'mcast_stats_'|'mcast_stats_e'|'mcast_stats_en'|'mcast_stats_ena'|'mcast_stats_enab'|'mcast_stats_enabl'|'mcast_stats_enable'|'mcast_stats_enabled') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_i'|'mcast_ig'|'mcast_igm'|'mcast_igmp'|'mcast_igmp_'|'mcast_igmp_v'|'mcast_igmp_ve'|'mcast_igmp_ver'|'mcast_igmp_vers'|'mcast_igmp_versi'|'mcast_igmp_versio'|'mcast_igmp_version') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_m'|'mcast_ml'|'mcast_mld'|'mcast_mld_'|'mcast_mld_v'|'mcast_mld_ve'|'mcast_mld_ver'|'mcast_mld_vers'|'mcast_mld_versi'|'mcast_mld_versio'|'mcast_mld_version') _rtun_v='-' ;;
        'n'|'nf'|'nf_'|'nf_c'|'nf_ca'|'nf_cal'|'nf_call'|'nf_call_'|'nf_call_i'|'nf_call_ip'|'nf_call_ipt'|'nf_call_ipta'|'nf_call_iptab'|'nf_call_iptabl'|'nf_call_iptable'|'nf_call_iptables') _rtun_v='-' ;;
        'n'|'nf'|'nf_'|'nf_c'|'nf_ca'|'nf_cal'|'nf_call'|'nf_call_'|'nf_call_i'|'nf_call_ip'|'nf_call_ip6'|'nf_call_ip6t'|'nf_call_ip6ta'|'nf_call_ip6tab'|'nf_call_ip6tabl'|'nf_call_ip6table'|'nf_call_ip6tables') _rtun_v='-' ;;
        'n'|'nf'|'nf_'|'nf_c'|'nf_ca'|'nf_cal'|'nf_call'|'nf_call_'|'nf_call_a'|'nf_call_ar'|'nf_call_arp'|'nf_call_arpt'|'nf_call_arpta'|'nf_call_arptab'|'nf_call_arptabl'|'nf_call_arptable'|'nf_call_arptables') _rtun_v='-' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    32)
        case $2 in
        'i'|'id'|'v'|'vn'|'vni') _rtun_v='-' ;;
        'g'|'gr'|'gro'|'grou'|'group') _rtun_v='-' ;;
        'r'|'re'|'rem'|'remo'|'remot'|'remote') _rtun_v='-' ;;
        'l'|'lo'|'loc'|'loca'|'local') _rtun_v='-' ;;
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        't'|'tt'|'ttl'|'h'|'ho'|'hop'|'hopl'|'hopli'|'hoplim'|'hoplimi'|'hoplimit') _rtun_v='-' ;;
        't'|'to'|'tos'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'd'|'df') _rtun_v='=unset set inherit' ;;
        'l'|'la'|'lab'|'labe'|'label'|'f'|'fl'|'flo'|'flow'|'flowl'|'flowla'|'flowlab'|'flowlabe'|'flowlabel') _rtun_v='-' ;;
        'a'|'ag'|'age'|'agei'|'agein'|'ageing') _rtun_v='-' ;;
        'm'|'ma'|'max'|'maxa'|'maxad'|'maxadd'|'maxaddr'|'maxaddre'|'maxaddres'|'maxaddress') _rtun_v='-' ;;
        'p'|'po'|'por'|'port'|'s'|'sr'|'src'|'srcp'|'srcpo'|'srcpor'|'srcport') _rtun_v='-' ;;
        'd'|'ds'|'dst'|'dstp'|'dstpo'|'dstpor'|'dstport') _rtun_v='-' ;;
        'n'|'no'|'nol'|'nole'|'nolea'|'nolear'|'nolearn'|'nolearni'|'nolearnin'|'nolearning') _rtun_v='' ;;
        'l'|'le'|'lea'|'lear'|'learn'|'learni'|'learnin'|'learning') _rtun_v='' ;;
        'n'|'no'|'nop'|'nopr'|'nopro'|'noprox'|'noproxy') _rtun_v='' ;;
        'p'|'pr'|'pro'|'prox'|'proxy') _rtun_v='' ;;
        'n'|'no'|'nor'|'nors'|'norsc') _rtun_v='' ;;
        'r'|'rs'|'rsc') _rtun_v='' ;;
        'n'|'no'|'nol'|'nol2'|'nol2m'|'nol2mi'|'nol2mis'|'nol2miss') _rtun_v='' ;;
        'l'|'l2'|'l2m'|'l2mi'|'l2mis'|'l2miss') _rtun_v='' ;;
        'n'|'no'|'nol'|'nol3'|'nol3m'|'nol3mi'|'nol3mis'|'nol3miss') _rtun_v='' ;;
        'l'|'l3'|'l3m'|'l3mi'|'l3mis'|'l3miss') _rtun_v='' ;;
        'u'|'ud'|'udp'|'udpc'|'udpcs'|'udpcsu'|'udpcsum') _rtun_v='' ;;
        'n'|'no'|'nou'|'noud'|'noudp'|'noudpc'|'noudpcs'|'noudpcsu'|'noudpcsum') _rtun_v='' ;;
        'u'|'ud'|'udp'|'udp6'|'udp6z'|'udp6ze'|'udp6zer'|'udp6zero'|'udp6zeroc'|'udp6zerocs'|'udp6zerocsu'|'udp6zerocsum'|'udp6zerocsumt'|'udp6zerocsumtx') _rtun_v='' ;;
        'n'|'no'|'nou'|'noud'|'noudp'|'noudp6'|'noudp6z'|'noudp6ze'|'noudp6zer'|'noudp6zero'|'noudp6zeroc'|'noudp6zerocs'|'noudp6zerocsu'|'noudp6zerocsum'|'noudp6zerocsumt'|'noudp6zerocsumtx') _rtun_v='' ;;
        'u'|'ud'|'udp'|'udp6'|'udp6z'|'udp6ze'|'udp6zer'|'udp6zero'|'udp6zeroc'|'udp6zerocs'|'udp6zerocsu'|'udp6zerocsum'|'udp6zerocsumr'|'udp6zerocsumrx') _rtun_v='' ;;
        'n'|'no'|'nou'|'noud'|'noudp'|'noudp6'|'noudp6z'|'noudp6ze'|'noudp6zer'|'noudp6zero'|'noudp6zeroc'|'noudp6zerocs'|'noudp6zerocsu'|'noudp6zerocsum'|'noudp6zerocsumr'|'noudp6zerocsumrx') _rtun_v='' ;;
        'r'|'re'|'rem'|'remc'|'remcs'|'remcsu'|'remcsum'|'remcsumt'|'remcsumtx') _rtun_v='' ;;
        'n'|'no'|'nor'|'nore'|'norem'|'noremc'|'noremcs'|'noremcsu'|'noremcsum'|'noremcsumt'|'noremcsumtx') _rtun_v='' ;;
        'r'|'re'|'rem'|'remc'|'remcs'|'remcsu'|'remcsum'|'remcsumr'|'remcsumrx') _rtun_v='' ;;
        'n'|'no'|'nor'|'nore'|'norem'|'noremc'|'noremcs'|'noremcsu'|'noremcsum'|'noremcsumr'|'noremcsumrx') _rtun_v='' ;;
        'e'|'ex'|'ext'|'exte'|'exter'|'extern'|'externa'|'external') _rtun_v='' ;;
        'n'|'no'|'noe'|'noex'|'noext'|'noexte'|'noexter'|'noextern'|'noexterna'|'noexternal') _rtun_v='' ;;
        'g'|'gb'|'gbp') _rtun_v='' ;;
        'g'|'gp'|'gpe') _rtun_v='' ;;
        'vnifilter') _rtun_v='' ;;
        'novnifilter') _rtun_v='' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    33)
        case $2 in
        *) return 1 ;;
        esac ;;
    34)
        case $2 in
        *) return 1 ;;
        esac ;;
    35)
        case $2 in
        'p'|'pr'|'pro'|'prot'|'proto'|'protoc'|'protoco'|'protocol') _rtun_v='=802.1Q 802.1ad' ;;
        'i'|'id') _rtun_v='-' ;;
        'r'|'re'|'reo'|'reor'|'reord'|'reorde'|'reorder'|'reorder_'|'reorder_h'|'reorder_hd'|'reorder_hdr') _rtun_v='=on off' ;;
        'g'|'gv'|'gvr'|'gvrp') _rtun_v='=on off' ;;
        'm'|'mv'|'mvr'|'mvrp') _rtun_v='=on off' ;;
        'l'|'lo'|'loo'|'loos'|'loose'|'loose_'|'loose_b'|'loose_bi'|'loose_bin'|'loose_bind'|'loose_bindi'|'loose_bindin'|'loose_binding') _rtun_v='=on off' ;;
        'b'|'br'|'bri'|'brid'|'bridg'|'bridge'|'bridge_'|'bridge_b'|'bridge_bi'|'bridge_bin'|'bridge_bind'|'bridge_bindi'|'bridge_bindin'|'bridge_binding') _rtun_v='=on off' ;;
        'i'|'in'|'ing'|'ingr'|'ingre'|'ingres'|'ingress'|'ingress-'|'ingress-q'|'ingress-qo'|'ingress-qos'|'ingress-qos-'|'ingress-qos-m'|'ingress-qos-ma'|'ingress-qos-map') _rtun_v='-' ;;
        'e'|'eg'|'egr'|'egre'|'egres'|'egress'|'egress-'|'egress-q'|'egress-qo'|'egress-qos'|'egress-qos-'|'egress-qos-m'|'egress-qos-ma'|'egress-qos-map') _rtun_v='-' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    36)
        case $2 in
        'm'|'mo'|'mod'|'mode') _rtun_v='=private vepa bridge passthru source' ;;
        'f'|'fl'|'fla'|'flag') _rtun_v='=nopromisc nodst null' ;;
        'm'|'ma'|'mac'|'maca'|'macad'|'macadd'|'macaddr') _rtun_v='-' ;;
        'n'|'no'|'nop'|'nopr'|'nopro'|'noprom'|'nopromi'|'nopromis'|'nopromisc') _rtun_v='' ;;
        'n'|'no'|'nod'|'nods'|'nodst') _rtun_v='' ;;
        'b'|'bc'|'bcq'|'bcqu'|'bcque'|'bcqueu'|'bcqueue'|'bcqueuel'|'bcqueuele'|'bcqueuelen') _rtun_v='-' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    37)
        case $2 in
        *) return 1 ;;
        esac ;;
    38)
        case $2 in
        'f'|'fd'|'fdb'|'fdb_'|'fdb_f'|'fdb_fl'|'fdb_flu'|'fdb_flus'|'fdb_flush') _rtun_v='' ;;
        's'|'st'|'sta'|'stat'|'state') _rtun_v='-' ;;
        'p'|'pr'|'pri'|'prio'|'prior'|'priori'|'priorit'|'priority') _rtun_v='-' ;;
        'c'|'co'|'cos'|'cost') _rtun_v='-' ;;
        'h'|'ha'|'hai'|'hair'|'hairp'|'hairpi'|'hairpin') _rtun_v='=on off' ;;
        'g'|'gu'|'gua'|'guar'|'guard') _rtun_v='=on off' ;;
        'r'|'ro'|'roo'|'root'|'root_'|'root_b'|'root_bl'|'root_blo'|'root_bloc'|'root_block') _rtun_v='=on off' ;;
        'f'|'fa'|'fas'|'fast'|'fastl'|'fastle'|'fastlea'|'fastleav'|'fastleave') _rtun_v='=on off' ;;
        'l'|'le'|'lea'|'lear'|'learn'|'learni'|'learnin'|'learning') _rtun_v='=on off' ;;
        'f'|'fl'|'flo'|'floo'|'flood') _rtun_v='=on off' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_f'|'mcast_fl'|'mcast_flo'|'mcast_floo'|'mcast_flood') _rtun_v='=on off' ;;
        'b'|'bc'|'bca'|'bcas'|'bcast'|'bcast_'|'bcast_f'|'bcast_fl'|'bcast_flo'|'bcast_floo'|'bcast_flood') _rtun_v='=on off' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_t'|'mcast_to'|'mcast_to_'|'mcast_to_u'|'mcast_to_un'|'mcast_to_uni'|'mcast_to_unic'|'mcast_to_unica'|'mcast_to_unicas'|'mcast_to_unicast') _rtun_v='=on off' ;;
        'p'|'pr'|'pro'|'prox'|'proxy'|'proxy_'|'proxy_a'|'proxy_ar'|'proxy_arp') _rtun_v='=on off' ;;
        'p'|'pr'|'pro'|'prox'|'proxy'|'proxy_'|'proxy_a'|'proxy_ar'|'proxy_arp'|'proxy_arp_'|'proxy_arp_w'|'proxy_arp_wi'|'proxy_arp_wif'|'proxy_arp_wifi') _rtun_v='=on off' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_r'|'mcast_ro'|'mcast_rou'|'mcast_rout'|'mcast_route'|'mcast_router') _rtun_v='-' ;;
        'm'|'mc'|'mca'|'mcas'|'mcast'|'mcast_'|'mcast_f'|'mcast_fa'|'mcast_fas'|'mcast_fast'|'mcast_fast_'|'mcast_fast_l'|'mcast_fast_le'|'mcast_fast_lea'|'mcast_fast_leav'|'mcast_fast_leave') _rtun_v='=on off' ;;
        'n'|'ne'|'nei'|'neig'|'neigh'|'neigh_'|'neigh_s'|'neigh_su'|'neigh_sup'|'neigh_supp'|'neigh_suppr'|'neigh_suppre'|'neigh_suppres'|'neigh_suppress') _rtun_v='=on off' ;;
        'g'|'gr'|'gro'|'grou'|'group'|'group_'|'group_f'|'group_fw'|'group_fwd'|'group_fwd_'|'group_fwd_m'|'group_fwd_ma'|'group_fwd_mas'|'group_fwd_mask') _rtun_v='-' ;;
        'v'|'vl'|'vla'|'vlan'|'vlan_'|'vlan_t'|'vlan_tu'|'vlan_tun'|'vlan_tunn'|'vlan_tunne'|'vlan_tunnel') _rtun_v='=on off' ;;
        'i'|'is'|'iso'|'isol'|'isola'|'isolat'|'isolate'|'isolated') _rtun_v='=on off' ;;
        'l'|'lo'|'loc'|'lock'|'locke'|'locked') _rtun_v='=on off' ;;
        'b'|'ba'|'bac'|'back'|'backu'|'backup'|'backup_'|'backup_p'|'backup_po'|'backup_por'|'backup_port') _rtun_v='@ifnames' ;;
        'n'|'no'|'nob'|'noba'|'nobac'|'noback'|'nobacku'|'nobackup'|'nobackup_'|'nobackup_p'|'nobackup_po'|'nobackup_por'|'nobackup_port') _rtun_v='' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    39)
        case $2 in
        'q'|'qu'|'que'|'queu'|'queue'|'queue_'|'queue_i'|'queue_id') _rtun_v='-' ;;
        'prio') _rtun_v='-' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    40)
        case $2 in
        'k'|'ke'|'key') _rtun_v='-' ;;
        'n'|'no'|'nok'|'noke'|'nokey') _rtun_v='' ;;
        'i'|'ik'|'ike'|'ikey') _rtun_v='-' ;;
        'n'|'no'|'noi'|'noik'|'noike'|'noikey') _rtun_v='' ;;
        'o'|'ok'|'oke'|'okey') _rtun_v='-' ;;
        'n'|'no'|'noo'|'nook'|'nooke'|'nookey') _rtun_v='' ;;
        's'|'se'|'seq') _rtun_v='' ;;
        'n'|'no'|'nos'|'nose'|'noseq') _rtun_v='' ;;
        'i'|'is'|'ise'|'iseq') _rtun_v='' ;;
        'n'|'no'|'noi'|'nois'|'noise'|'noiseq') _rtun_v='' ;;
        'o'|'os'|'ose'|'oseq') _rtun_v='' ;;
        'n'|'no'|'noo'|'noos'|'noose'|'nooseq') _rtun_v='' ;;
        'c'|'cs'|'csu'|'csum') _rtun_v='' ;;
        'n'|'no'|'noc'|'nocs'|'nocsu'|'nocsum') _rtun_v='' ;;
        'i'|'ic'|'ics'|'icsu'|'icsum') _rtun_v='' ;;
        'n'|'no'|'noi'|'noic'|'noics'|'noicsu'|'noicsum') _rtun_v='' ;;
        'o'|'oc'|'ocs'|'ocsu'|'ocsum') _rtun_v='' ;;
        'n'|'no'|'noo'|'nooc'|'noocs'|'noocsu'|'noocsum') _rtun_v='' ;;
        'n'|'no'|'nop'|'nopm'|'nopmt'|'nopmtu'|'nopmtud'|'nopmtudi'|'nopmtudis'|'nopmtudisc') _rtun_v='' ;;
        'p'|'pm'|'pmt'|'pmtu'|'pmtud'|'pmtudi'|'pmtudis'|'pmtudisc') _rtun_v='' ;;
        'r'|'re'|'rem'|'remo'|'remot'|'remote') _rtun_v='-' ;;
        'l'|'lo'|'loc'|'loca'|'local') _rtun_v='-' ;;
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        't'|'tt'|'ttl'|'h'|'ho'|'hop'|'hopl'|'hopli'|'hoplim'|'hoplimi'|'hoplimit'|'hl'|'hli'|'hlim') _rtun_v='-' ;;
        't'|'to'|'tos'|'tc'|'tcl'|'tcla'|'tclas'|'tclass'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'noencap') _rtun_v='' ;;
        'encap') _rtun_v='=fou gue none' ;;
        'encap-sport') _rtun_v='-' ;;
        'encap-dport') _rtun_v='-' ;;
        'encap-csum') _rtun_v='' ;;
        'noencap-csum') _rtun_v='' ;;
        'encap-udp6-csum') _rtun_v='' ;;
        'noencap-udp6-csum') _rtun_v='' ;;
        'encap-remcsum') _rtun_v='' ;;
        'noencap-remcsum') _rtun_v='' ;;
        'external') _rtun_v='' ;;
        'ignore-df') _rtun_v='' ;;
        'noignore-df') _rtun_v='' ;;
        'fwmark') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    41)
        case $2 in
        'k'|'ke'|'key') _rtun_v='-' ;;
        'n'|'no'|'nok'|'noke'|'nokey') _rtun_v='' ;;
        'i'|'ik'|'ike'|'ikey') _rtun_v='-' ;;
        'n'|'no'|'noi'|'noik'|'noike'|'noikey') _rtun_v='' ;;
        'o'|'ok'|'oke'|'okey') _rtun_v='-' ;;
        'n'|'no'|'noo'|'nook'|'nooke'|'nookey') _rtun_v='' ;;
        's'|'se'|'seq') _rtun_v='' ;;
        'n'|'no'|'nos'|'nose'|'noseq') _rtun_v='' ;;
        'i'|'is'|'ise'|'iseq') _rtun_v='' ;;
        'n'|'no'|'noi'|'nois'|'noise'|'noiseq') _rtun_v='' ;;
        'o'|'os'|'ose'|'oseq') _rtun_v='' ;;
        'n'|'no'|'noo'|'noos'|'noose'|'nooseq') _rtun_v='' ;;
        'c'|'cs'|'csu'|'csum') _rtun_v='' ;;
        'n'|'no'|'noc'|'nocs'|'nocsu'|'nocsum') _rtun_v='' ;;
        'i'|'ic'|'ics'|'icsu'|'icsum') _rtun_v='' ;;
        'n'|'no'|'noi'|'noic'|'noics'|'noicsu'|'noicsum') _rtun_v='' ;;
        'o'|'oc'|'ocs'|'ocsu'|'ocsum') _rtun_v='' ;;
        'n'|'no'|'noo'|'nooc'|'noocs'|'noocsu'|'noocsum') _rtun_v='' ;;
        'n'|'no'|'nop'|'nopm'|'nopmt'|'nopmtu'|'nopmtud'|'nopmtudi'|'nopmtudis'|'nopmtudisc') _rtun_v='' ;;
        'p'|'pm'|'pmt'|'pmtu'|'pmtud'|'pmtudi'|'pmtudis'|'pmtudisc') _rtun_v='' ;;
        'r'|'re'|'rem'|'remo'|'remot'|'remote') _rtun_v='-' ;;
        'l'|'lo'|'loc'|'loca'|'local') _rtun_v='-' ;;
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        't'|'tt'|'ttl'|'h'|'ho'|'hop'|'hopl'|'hopli'|'hoplim'|'hoplimi'|'hoplimit'|'hl'|'hli'|'hlim') _rtun_v='-' ;;
        't'|'to'|'tos'|'tc'|'tcl'|'tcla'|'tclas'|'tclass'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'noencap') _rtun_v='' ;;
        'encap') _rtun_v='=fou gue none' ;;
        'encap-sport') _rtun_v='-' ;;
        'encap-dport') _rtun_v='-' ;;
        'encap-csum') _rtun_v='' ;;
        'noencap-csum') _rtun_v='' ;;
        'encap-udp6-csum') _rtun_v='' ;;
        'noencap-udp6-csum') _rtun_v='' ;;
        'encap-remcsum') _rtun_v='' ;;
        'noencap-remcsum') _rtun_v='' ;;
        'external') _rtun_v='' ;;
        'ignore-df') _rtun_v='' ;;
        'noignore-df') _rtun_v='' ;;
        'fwmark') _rtun_v='-' ;;
        'erspan') _rtun_v='-' ;;
        'erspan_ver') _rtun_v='-' ;;
        'erspan_dir') _rtun_v='=ingress egress' ;;
        'erspan_hwid') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    42)
        case $2 in
        'k'|'ke'|'key') _rtun_v='-' ;;
        'n'|'no'|'nok'|'noke'|'nokey') _rtun_v='' ;;
        'i'|'ik'|'ike'|'ikey') _rtun_v='-' ;;
        'n'|'no'|'noi'|'noik'|'noike'|'noikey') _rtun_v='' ;;
        'o'|'ok'|'oke'|'okey') _rtun_v='-' ;;
        'n'|'no'|'noo'|'nook'|'nooke'|'nookey') _rtun_v='' ;;
        's'|'se'|'seq') _rtun_v='' ;;
        'n'|'no'|'nos'|'nose'|'noseq') _rtun_v='' ;;
        'i'|'is'|'ise'|'iseq') _rtun_v='' ;;
        'n'|'no'|'noi'|'nois'|'noise'|'noiseq') _rtun_v='' ;;
        'o'|'os'|'ose'|'oseq') _rtun_v='' ;;
        'n'|'no'|'noo'|'noos'|'noose'|'nooseq') _rtun_v='' ;;
        'c'|'cs'|'csu'|'csum') _rtun_v='' ;;
        'n'|'no'|'noc'|'nocs'|'nocsu'|'nocsum') _rtun_v='' ;;
        'i'|'ic'|'ics'|'icsu'|'icsum') _rtun_v='' ;;
        'n'|'no'|'noi'|'noic'|'noics'|'noicsu'|'noicsum') _rtun_v='' ;;
        'o'|'oc'|'ocs'|'ocsu'|'ocsum') _rtun_v='' ;;
        'n'|'no'|'noo'|'nooc'|'noocs'|'noocsu'|'noocsum') _rtun_v='' ;;
        'r'|'re'|'rem'|'remo'|'remot'|'remote') _rtun_v='-' ;;
        'l'|'lo'|'loc'|'loca'|'local') _rtun_v='-' ;;
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        't'|'tt'|'ttl'|'h'|'ho'|'hop'|'hopl'|'hopli'|'hoplim'|'hoplimi'|'hoplimit'|'hl'|'hli'|'hlim') _rtun_v='-' ;;
        't'|'to'|'tos'|'tc'|'tcl'|'tcla'|'tclas'|'tclass'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'flowlabel'|'fl') _rtun_v='-' ;;
        'dscp') _rtun_v='=inherit' ;;
        'noencap') _rtun_v='' ;;
        'encap') _rtun_v='=fou gue none' ;;
        'encap-sport') _rtun_v='-' ;;
        'encap-dport') _rtun_v='-' ;;
        'encap-csum') _rtun_v='' ;;
        'noencap-csum') _rtun_v='' ;;
        'encap-udp6-csum') _rtun_v='' ;;
        'noencap-udp6-csum') _rtun_v='' ;;
        'encap-remcsum') _rtun_v='' ;;
        'noencap-remcsum') _rtun_v='' ;;
        'external') _rtun_v='' ;;
        'fwmark') _rtun_v='-' ;;
        'allow-localremote') _rtun_v='' ;;
        'noallow-localremote') _rtun_v='' ;;
        'encaplimit') _rtun_v='-' ;;
        'erspan') _rtun_v='-' ;;
        'erspan_ver') _rtun_v='-' ;;
        'erspan_dir') _rtun_v='=ingress egress' ;;
        'erspan_hwid') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    43)
        case $2 in
        'mode') _rtun_v='-' ;;
        'remote') _rtun_v='-' ;;
        'local') _rtun_v='-' ;;
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        'ttl'|'hoplimit'|'hlim') _rtun_v='-' ;;
        'tos'|'tclass'|'tc'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'nopmtudisc') _rtun_v='' ;;
        'pmtudisc') _rtun_v='' ;;
        'noencap') _rtun_v='' ;;
        'encap') _rtun_v='=fou gue none' ;;
        'encap-sport') _rtun_v='-' ;;
        'encap-dport') _rtun_v='-' ;;
        'encap-csum') _rtun_v='' ;;
        'noencap-csum') _rtun_v='' ;;
        'encap-udp6-csum') _rtun_v='' ;;
        'noencap-udp6-csum') _rtun_v='' ;;
        'encap-remcsum') _rtun_v='' ;;
        'noencap-remcsum') _rtun_v='' ;;
        'external') _rtun_v='' ;;
        '6rd-prefix') _rtun_v='-' ;;
        '6rd-relay_prefix') _rtun_v='-' ;;
        '6rd-reset') _rtun_v='' ;;
        'fwmark') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    44)
        case $2 in
        'mode') _rtun_v='-' ;;
        'remote') _rtun_v='-' ;;
        'local') _rtun_v='-' ;;
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        'ttl'|'hoplimit'|'hlim') _rtun_v='-' ;;
        'tos'|'tclass'|'tc'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'nopmtudisc') _rtun_v='' ;;
        'pmtudisc') _rtun_v='' ;;
        'isatap') _rtun_v='' ;;
        'noencap') _rtun_v='' ;;
        'encap') _rtun_v='=fou gue none' ;;
        'encap-sport') _rtun_v='-' ;;
        'encap-dport') _rtun_v='-' ;;
        'encap-csum') _rtun_v='' ;;
        'noencap-csum') _rtun_v='' ;;
        'encap-udp6-csum') _rtun_v='' ;;
        'noencap-udp6-csum') _rtun_v='' ;;
        'encap-remcsum') _rtun_v='' ;;
        'noencap-remcsum') _rtun_v='' ;;
        'external') _rtun_v='' ;;
        '6rd-prefix') _rtun_v='-' ;;
        '6rd-relay_prefix') _rtun_v='-' ;;
        '6rd-reset') _rtun_v='' ;;
        'fwmark') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    45)
        case $2 in
        'mode') _rtun_v='=ip6ip6 ipip6 any' ;;
        'remote') _rtun_v='-' ;;
        'local') _rtun_v='-' ;;
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        'ttl'|'hoplimit'|'hlim') _rtun_v='-' ;;
        'encaplimit') _rtun_v='-' ;;
        'tos'|'tclass'|'tc'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'flowlabel'|'fl') _rtun_v='-' ;;
        'dscp') _rtun_v='=inherit' ;;
        'fwmark') _rtun_v='-' ;;
        'allow-localremote') _rtun_v='' ;;
        'noallow-localremote') _rtun_v='' ;;
        'noencap') _rtun_v='' ;;
        'encap') _rtun_v='=fou gue none' ;;
        'encap-sport') _rtun_v='-' ;;
        'encap-dport') _rtun_v='-' ;;
        'encap-csum') _rtun_v='' ;;
        'noencap-csum') _rtun_v='' ;;
        'encap-udp6-csum') _rtun_v='' ;;
        'noencap-udp6-csum') _rtun_v='' ;;
        'encap-remcsum') _rtun_v='' ;;
        'noencap-remcsum') _rtun_v='' ;;
        'external') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    46)
        case $2 in
        'k'|'ke'|'key') _rtun_v='-' ;;
        'i'|'ik'|'ike'|'ikey') _rtun_v='-' ;;
        'o'|'ok'|'oke'|'okey') _rtun_v='-' ;;
        'r'|'re'|'rem'|'remo'|'remot'|'remote') _rtun_v='-' ;;
        'l'|'lo'|'loc'|'loca'|'local') _rtun_v='-' ;;
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        'fwmark') _rtun_v='-' ;;
        *) return 1 ;;
        esac ;;
    47)
        case $2 in
        'm'|'mo'|'mod'|'mode') _rtun_v='=balance-rr active-backup balance-xor broadcast 802.3ad balance-tlb balance-alb' ;;
        'a'|'ac'|'act'|'acti'|'activ'|'active'|'active_'|'active_s'|'active_sl'|'active_sla'|'active_slav'|'active_slave') _rtun_v='@ifnames' ;;
        'c'|'cl'|'cle'|'clea'|'clear'|'clear_'|'clear_a'|'clear_ac'|'clear_act'|'clear_acti'|'clear_activ'|'clear_active'|'clear_active_'|'clear_active_s'|'clear_active_sl'|'clear_active_sla'|'clear_active_slav'|'clear_active_slave') _rtun_v='' ;;
        'm'|'mi'|'mii'|'miim'|'miimo'|'miimon') _rtun_v='-' ;;
        'u'|'up'|'upd'|'upde'|'updel'|'updela'|'updelay') _rtun_v='-' ;;
        'd'|'do'|'dow'|'down'|'downd'|'downde'|'downdel'|'downdela'|'downdelay') _rtun_v='-' ;;
        'p'|'pe'|'pee'|'peer'|'peer_'|'peer_n'|'peer_no'|'peer_not'|'peer_noti'|'peer_notif'|'peer_notify'|'peer_notify_'|'peer_notify_d'|'peer_notify_de'|'peer_notify_del'|'peer_notify_dela'|'peer_notify_delay') _rtun_v='-' ;;
        'u'|'us'|'use'|'use_'|'use_c'|'use_ca'|'use_car'|'use_carr'|'use_carri'|'use_carrie'|'use_carrier') _rtun_v='-' ;;
        'a'|'ar'|'arp'|'arp_'|'arp_i'|'arp_in'|'arp_int'|'arp_inte'|'arp_inter'|'arp_interv'|'arp_interva'|'arp_interval') _rtun_v='-' ;;
        'a'|'ar'|'arp'|'arp_'|'arp_i'|'arp_ip'|'arp_ip_'|'arp_ip_t'|'arp_ip_ta'|'arp_ip_tar'|'arp_ip_targ'|'arp_ip_targe'|'arp_ip_target') _rtun_v='-' ;;
        'ns_ip6_target') _rtun_v='-' ;;
        'a'|'ar'|'arp'|'arp_'|'arp_v'|'arp_va'|'arp_val'|'arp_vali'|'arp_valid'|'arp_valida'|'arp_validat'|'arp_validate') _rtun_v='=none active backup all filter filter_active filter_backup' ;;
        'a'|'ar'|'arp'|'arp_'|'arp_a'|'arp_al'|'arp_all'|'arp_all_'|'arp_all_t'|'arp_all_ta'|'arp_all_tar'|'arp_all_targ'|'arp_all_targe'|'arp_all_target'|'arp_all_targets') _rtun_v='=any all' ;;
        'arp_missed_max') _rtun_v='-' ;;
        'p'|'pr'|'pri'|'prim'|'prima'|'primar'|'primary') _rtun_v='@ifnames' ;;
        'p'|'pr'|'pri'|'prim'|'prima'|'primar'|'primary'|'primary_'|'primary_r'|'primary_re'|'primary_res'|'primary_rese'|'primary_resel'|'primary_resele'|'primary_reselec'|'primary_reselect') _rtun_v='=always better failure' ;;
        'f'|'fa'|'fai'|'fail'|'fail_'|'fail_o'|'fail_ov'|'fail_ove'|'fail_over'|'fail_over_'|'fail_over_m'|'fail_over_ma'|'fail_over_mac') _rtun_v='=none active follow' ;;
        'x'|'xm'|'xmi'|'xmit'|'xmit_'|'xmit_h'|'xmit_ha'|'xmit_has'|'xmit_hash'|'xmit_hash_'|'xmit_hash_p'|'xmit_hash_po'|'xmit_hash_pol'|'xmit_hash_poli'|'xmit_hash_polic'|'xmit_hash_policy') _rtun_v='=layer2 layer3+4 layer2+3 encap2+3 encap3+4 vlan+srcmac' ;;
        'r'|'re'|'res'|'rese'|'resen'|'resend'|'resend_'|'resend_i'|'resend_ig'|'resend_igm'|'resend_igmp') _rtun_v='-' ;;
        'n'|'nu'|'num'|'num_'|'num_g'|'num_gr'|'num_gra'|'num_grat'|'num_grat_'|'num_grat_a'|'num_grat_ar'|'num_grat_arp'|'num_u'|'num_un'|'num_uns'|'num_unso'|'num_unsol'|'num_unsol_'|'num_unsol_n'|'num_unsol_na') _rtun_v='-' ;;
        'a'|'al'|'all'|'all_'|'all_s'|'all_sl'|'all_sla'|'all_slav'|'all_slave'|'all_slaves'|'all_slaves_'|'all_slaves_a'|'all_slaves_ac'|'all_slaves_act'|'all_slaves_acti'|'all_slaves_activ'|'all_slaves_active') _rtun_v='-' ;;
        'm'|'mi'|'min'|'min_'|'min_l'|'min_li'|'min_lin'|'min_link'|'min_links') _rtun_v='-' ;;
        'l'|'lp'|'lp_'|'lp_i'|'lp_in'|'lp_int'|'lp_inte'|'lp_inter'|'lp_interv'|'lp_interva'|'lp_interval') _rtun_v='-' ;;
        'p'|'pa'|'pac'|'pack'|'packe'|'packet'|'packets'|'packets_'|'packets_p'|'packets_pe'|'packets_per'|'packets_per_'|'packets_per_s'|'packets_per_sl'|'packets_per_sla'|'packets_per_slav'|'packets_per_slave') _rtun_v='-' ;;
        'l'|'la'|'lac'|'lacp'|'lacp_'|'lacp_r'|'lacp_ra'|'lacp_rat'|'lacp_rate') _rtun_v='=slow fast' ;;
        'lacp_active') _rtun_v='=off on' ;;
        'a'|'ad'|'ad_'|'ad_s'|'ad_se'|'ad_sel'|'ad_sele'|'ad_selec'|'ad_select') _rtun_v='=stable bandwidth count' ;;
        'a'|'ad'|'ad_'|'ad_u'|'ad_us'|'ad_use'|'ad_user'|'ad_user_'|'ad_user_p'|'ad_user_po'|'ad_user_por'|'ad_user_port'|'ad_user_port_'|'ad_user_port_k'|'ad_user_port_ke'|'ad_user_port_key') _rtun_v='-' ;;
        'a'|'ad'|'ad_'|'ad_a'|'ad_ac'|'ad_act'|'ad_acto'|'ad_actor'|'ad_actor_'|'ad_actor_s'|'ad_actor_sy'|'ad_actor_sys'|'ad_actor_sys_'|'ad_actor_sys_p'|'ad_actor_sys_pr'|'ad_actor_sys_pri'|'ad_actor_sys_prio') _rtun_v='-' ;;
        'a'|'ad'|'ad_'|'ad_a'|'ad_ac'|'ad_act'|'ad_acto'|'ad_actor'|'ad_actor_'|'ad_actor_s'|'ad_actor_sy'|'ad_actor_sys'|'ad_actor_syst'|'ad_actor_syste'|'ad_actor_system') _rtun_v='-' ;;
        't'|'tl'|'tlb'|'tlb_'|'tlb_d'|'tlb_dy'|'tlb_dyn'|'tlb_dyna'|'tlb_dynam'|'tlb_dynami'|'tlb_dynamic'|'tlb_dynamic_'|'tlb_dynamic_l'|'tlb_dynamic_lb') _rtun_v='-' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    48)
        case $2 in
        't'|'ta'|'tab'|'tabl'|'table') _rtun_v='@tables' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    49)
        case $2 in
        *) return 1 ;;
        esac ;;
    50)
        case $2 in
        'i'|'id'|'v'|'vn'|'vni') _rtun_v='-' ;;
        'r'|'re'|'rem'|'remo'|'remot'|'remote') _rtun_v='-' ;;
        't'|'tt'|'ttl'|'h'|'ho'|'hop'|'hopl'|'hopli'|'hoplim'|'hoplimi'|'hoplimit') _rtun_v='-' ;;
        't'|'to'|'tos'|'d'|'ds'|'dsf'|'dsfi'|'dsfie'|'dsfiel'|'dsfield') _rtun_v='-' ;;
        'd'|'df') _rtun_v='=unset set inherit' ;;
        'l'|'la'|'lab'|'labe'|'label'|'f'|'fl'|'flo'|'flow'|'flowl'|'flowla'|'flowlab'|'flowlabe'|'flowlabel') _rtun_v='-' ;;
        'd'|'ds'|'dst'|'dstp'|'dstpo'|'dstpor'|'dstport') _rtun_v='-' ;;
        'e'|'ex'|'ext'|'exte'|'exter'|'extern'|'externa'|'external') _rtun_v='' ;;
        'n'|'no'|'noe'|'noex'|'noext'|'noexte'|'noexter'|'noextern'|'noexterna'|'noexternal') _rtun_v='' ;;
        'u'|'ud'|'udp'|'udpc'|'udpcs'|'udpcsu'|'udpcsum') _rtun_v='' ;;
        'n'|'no'|'nou'|'noud'|'noudp'|'noudpc'|'noudpcs'|'noudpcsu'|'noudpcsum') _rtun_v='' ;;
        'u'|'ud'|'udp'|'udp6'|'udp6z'|'udp6ze'|'udp6zer'|'udp6zero'|'udp6zeroc'|'udp6zerocs'|'udp6zerocsu'|'udp6zerocsum'|'udp6zerocsumt'|'udp6zerocsumtx') _rtun_v='' ;;
        'n'|'no'|'nou'|'noud'|'noudp'|'noudp6'|'noudp6z'|'noudp6ze'|'noudp6zer'|'noudp6zero'|'noudp6zeroc'|'noudp6zerocs'|'noudp6zerocsu'|'noudp6zerocsum'|'noudp6zerocsumt'|'noudp6zerocsumtx') _rtun_v='' ;;
        'u'|'ud'|'udp'|'udp6'|'udp6z'|'udp6ze'|'udp6zer'|'udp6zero'|'udp6zeroc'|'udp6zerocs'|'udp6zerocsu'|'udp6zerocsum'|'udp6zerocsumr'|'udp6zerocsumrx') _rtun_v='' ;;
        'n'|'no'|'nou'|'noud'|'noudp'|'noudp6'|'noudp6z'|'noudp6ze'|'noudp6zer'|'noudp6zero'|'noudp6zeroc'|'noudp6zerocs'|'noudp6zerocsu'|'noudp6zerocsum'|'noudp6zerocsumr'|'noudp6zerocsumrx') _rtun_v='' ;;
        'innerprotoinherit') _rtun_v='' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    51)
        case $2 in
        'm'|'mo'|'mod'|'mode') _rtun_v='=l3 l3s l2' ;;
        'p'|'pr'|'pri'|'priv'|'priva'|'privat'|'private') _rtun_v='' ;;
        'v'|'ve'|'vep'|'vepa') _rtun_v='' ;;
        'b'|'br'|'bri'|'brid'|'bridg'|'bridge') _rtun_v='' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    52)
        case $2 in
        'd'|'de'|'dev') _rtun_v='@ifnames' ;;
        'i'|'if'|'if_'|'if_i'|'if_id') _rtun_v='-' ;;
        'external') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    53)
        case $2 in
        'd'|'ds'|'dst'|'dstp'|'dstpo'|'dstpor'|'dstport') _rtun_v='-' ;;
        'e'|'et'|'eth'|'ethe'|'ether'|'ethert'|'etherty'|'ethertyp'|'ethertype') _rtun_v='-' ;;
        's'|'sr'|'src'|'srcp'|'srcpo'|'srcpor'|'srcport'|'srcportm'|'srcportmi'|'srcportmin') _rtun_v='-' ;;
        'm'|'mu'|'mul'|'mult'|'multi'|'multip'|'multipr'|'multipro'|'multiprot'|'multiproto') _rtun_v='' ;;
        'n'|'no'|'nom'|'nomu'|'nomul'|'nomult'|'nomulti'|'nomultip'|'nomultipr'|'nomultipro'|'nomultiprot'|'nomultiproto') _rtun_v='' ;;
        'h'|'he'|'hel'|'help') _rtun_v='' ;;
        *) return 1 ;;
        esac ;;
    54)
        case $2 in
        *) return 1 ;;
        esac ;;
    *) return 1 ;;
    esac
}

# _rtun_obj WORD: sets _rtun_o to the object WORD selects (listed ones only),
# and _rtun_g to its option table and _rtun_ops to its operands' spec when
# it takes getopt-style options.
_rtun_obj() {
    [ -n "${ZSH_VERSION-}" ] && emulate -L sh
    _rtun_o= _rtun_g= _rtun_ops=
    case $1 in
    'a'|'ad'|'add'|'addr'|'addre'|'addres'|'address') _rtun_o='0' ;;
    'a'|'ad'|'add'|'addr'|'addrl'|'addrla'|'addrlab'|'addrlabe'|'addrlabel') _rtun_o='' ;;
    'm'|'ma'|'mad'|'madd'|'maddr'|'maddre'|'maddres'|'maddress') _rtun_o='2' ;;
    'r'|'ro'|'rou'|'rout'|'route') _rtun_o='3' ;;
    'r'|'ru'|'rul'|'rule') _rtun_o='4' ;;
    'n'|'ne'|'nei'|'neig'|'neigh'|'neighb'|'neighbo'|'neighbor') _rtun_o='5' ;;
    'n'|'ne'|'nei'|'neig'|'neigh'|'neighb'|'neighbo'|'neighbou'|'neighbour') _rtun_o='6' ;;
    'n'|'nt'|'nta'|'ntab'|'ntabl'|'ntable') _rtun_o='' ;;
    'n'|'nt'|'ntb'|'ntbl') _rtun_o='' ;;
    'l'|'li'|'lin'|'link') _rtun_o='9' ;;
    'l'|'l2'|'l2t'|'l2tp') _rtun_o='' ;;
    'f'|'fo'|'fou') _rtun_o='' ;;
    'i'|'il'|'ila') _rtun_o='' ;;
    'm'|'ma'|'mac'|'macs'|'macse'|'macsec') _rtun_o='' ;;
    't'|'tu'|'tun'|'tunn'|'tunne'|'tunnel') _rtun_o='14' ;;
    't'|'tu'|'tun'|'tunl') _rtun_o='15' ;;
    't'|'tu'|'tun'|'tunt'|'tunta'|'tuntap') _rtun_o='' ;;
    't'|'ta'|'tap') _rtun_o='' ;;
    't'|'to'|'tok'|'toke'|'token') _rtun_o='' ;;
    't'|'tc'|'tcp'|'tcpm'|'tcpme'|'tcpmet'|'tcpmetr'|'tcpmetri'|'tcpmetric'|'tcpmetrics') _rtun_o='' ;;
    't'|'tc'|'tcp'|'tcp_'|'tcp_m'|'tcp_me'|'tcp_met'|'tcp_metr'|'tcp_metri'|'tcp_metric'|'tcp_metrics') _rtun_o='' ;;
    'm'|'mo'|'mon'|'moni'|'monit'|'monito'|'monitor') _rtun_o='21' ;;
    'x'|'xf'|'xfr'|'xfrm') _rtun_o='' ;;
    'm'|'mr'|'mro'|'mrou'|'mrout'|'mroute') _rtun_o='' ;;
    'm'|'mr'|'mru'|'mrul'|'mrule') _rtun_o='' ;;
    'n'|'ne'|'net'|'netn'|'netns') _rtun_o='25' ;;
    'n'|'ne'|'net'|'netc'|'netco'|'netcon'|'netconf') _rtun_o='' ;;
    'v'|'vr'|'vrf') _rtun_o='' ;;
    's'|'sr') _rtun_o='' ;;
    'n'|'ne'|'nex'|'next'|'nexth'|'nextho'|'nexthop') _rtun_o='29' ;;
    'm'|'mp'|'mpt'|'mptc'|'mptcp') _rtun_o='' ;;
    'i'|'io'|'ioa'|'ioam') _rtun_o='' ;;
    'h'|'he'|'hel'|'help') _rtun_o='32' ;;
    's'|'st'|'sta'|'stat'|'stats') _rtun_o='' ;;
    'n'|'nf'|'nft') _rtun_o='34' ;;
    's'|'sy'|'sys'|'sysc'|'sysct'|'sysctl') _rtun_o='35' _rtun_g=29 _rtun_ops='@sysctl-keys' ;;
    'c'|'co'|'com'|'comp'|'compl'|'comple'|'complet'|'completi'|'completio'|'completion'|'completions') _rtun_o='36' ;;
    'c'|'co'|'com'|'comp'|'compl'|'comple'|'complet'|'complete') _rtun_o='' ;;
    esac
    [ -n "$_rtun_o" ]
}

# _rtun_cmd OBJECT WORD: sets _rtun_t to the keyword table of the command.
_rtun_cmd() {
    [ -n "${ZSH_VERSION-}" ] && emulate -L sh
    _rtun_t=
    case $1 in
    0)
        case $2 in
        'a'|'ad'|'add') _rtun_t='0' ;;
        'c'|'ch'|'cha'|'chan'|'chang'|'change'|'chg') _rtun_t='0' ;;
        'r'|'re'|'rep'|'repl'|'repla'|'replac'|'replace') _rtun_t='0' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='0' ;;
        'l'|'li'|'lis'|'list'|'s'|'sh'|'sho'|'show'|'ls'|'lst') _rtun_t='1' ;;
        'f'|'fl'|'flu'|'flus'|'flush') _rtun_t='1' ;;
        's'|'sa'|'sav'|'save') _rtun_t='1' ;;
        's'|'sh'|'sho'|'show'|'showd'|'showdu'|'showdum'|'showdump') _rtun_t='' ;;
        'r'|'re'|'res'|'rest'|'resto'|'restor'|'restore') _rtun_t='' ;;
        'h'|'he'|'hel'|'help') _rtun_t='' ;;
        *) return 1 ;;
        esac ;;
    2)
        case $2 in
        'a'|'ad'|'add') _rtun_t='2' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='2' ;;
        'l'|'li'|'lis'|'list'|'s'|'sh'|'sho'|'show'|'ls'|'lst') _rtun_t='3' ;;
        *) return 1 ;;
        esac ;;
    3)
        case $2 in
        'a'|'ad'|'add') _rtun_t='4' ;;
        'c'|'ch'|'cha'|'chan'|'chang'|'change'|'chg') _rtun_t='4' ;;
        'r'|'re'|'rep'|'repl'|'repla'|'replac'|'replace') _rtun_t='4' ;;
        'p'|'pr'|'pre'|'prep'|'prepe'|'prepen'|'prepend') _rtun_t='4' ;;
        'a'|'ap'|'app'|'appe'|'appen'|'append') _rtun_t='4' ;;
        't'|'te'|'tes'|'test') _rtun_t='4' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='4' ;;
        'l'|'li'|'lis'|'list'|'s'|'sh'|'sho'|'show'|'ls'|'lst') _rtun_t='5' ;;
        'g'|'ge'|'get') _rtun_t='6' ;;
        'f'|'fl'|'flu'|'flus'|'flush') _rtun_t='5' ;;
        's'|'sa'|'sav'|'save') _rtun_t='5' ;;
        'r'|'re'|'res'|'rest'|'resto'|'restor'|'restore') _rtun_t='' ;;
        's'|'sh'|'sho'|'show'|'showd'|'showdu'|'showdum'|'showdump') _rtun_t='' ;;
        *) return 1 ;;
        esac ;;
    4)
        case $2 in
        'l'|'li'|'lis'|'list'|'ls'|'lst'|'s'|'sh'|'sho'|'show') _rtun_t='7' ;;
        's'|'sa'|'sav'|'save') _rtun_t='' ;;
        'r'|'re'|'res'|'rest'|'resto'|'restor'|'restore') _rtun_t='' ;;
        'a'|'ad'|'add') _rtun_t='8' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='8' ;;
        'f'|'fl'|'flu'|'flus'|'flush') _rtun_t='7' ;;
        *) return 1 ;;
        esac ;;
    5)
        case $2 in
        'a'|'ad'|'add') _rtun_t='9' ;;
        'c'|'ch'|'cha'|'chan'|'chang'|'change'|'chg') _rtun_t='9' ;;
        'r'|'re'|'rep'|'repl'|'repla'|'replac'|'replace') _rtun_t='9' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='9' ;;
        'g'|'ge'|'get') _rtun_t='10' ;;
        's'|'sh'|'sho'|'show'|'l'|'ls'|'lst'|'li'|'lis'|'list') _rtun_t='11' ;;
        'f'|'fl'|'flu'|'flus'|'flush') _rtun_t='11' ;;
        'h'|'he'|'hel'|'help') _rtun_t='' ;;
        *) return 1 ;;
        esac ;;
    6)
        case $2 in
        'a'|'ad'|'add') _rtun_t='9' ;;
        'c'|'ch'|'cha'|'chan'|'chang'|'change'|'chg') _rtun_t='9' ;;
        'r'|'re'|'rep'|'repl'|'repla'|'replac'|'replace') _rtun_t='9' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='9' ;;
        'g'|'ge'|'get') _rtun_t='10' ;;
        's'|'sh'|'sho'|'show'|'l'|'ls'|'lst'|'li'|'lis'|'list') _rtun_t='11' ;;
        'f'|'fl'|'flu'|'flus'|'flush') _rtun_t='11' ;;
        'h'|'he'|'hel'|'help') _rtun_t='' ;;
        *) return 1 ;;
        esac ;;
    9)
        case $2 in
        'a'|'ad'|'add') _rtun_t='12' ;;
        's'|'se'|'set') _rtun_t='13' ;;
        'c'|'ch'|'cha'|'chan'|'chang'|'change') _rtun_t='13' ;;
        'r'|'re'|'rep'|'repl'|'repla'|'replac'|'replace') _rtun_t='12' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='13' ;;
        's'|'sh'|'sho'|'show'|'l'|'ls'|'lst'|'li'|'lis'|'list') _rtun_t='1' ;;
        'x'|'xs'|'xst'|'xsta'|'xstat'|'xstats') _rtun_t='' ;;
        'a'|'af'|'afs'|'afst'|'afsta'|'afstat'|'afstats') _rtun_t='' ;;
        'p'|'pr'|'pro'|'prop'|'prope'|'proper'|'propert'|'property') _rtun_t='14' ;;
        'h'|'he'|'hel'|'help') _rtun_t='' ;;
        *) return 1 ;;
        esac ;;
    14)
        case $2 in
        'a'|'ad'|'add') _rtun_t='15' ;;
        'c'|'ch'|'cha'|'chan'|'chang'|'change') _rtun_t='15' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='15' ;;
        's'|'sh'|'sho'|'show') _rtun_t='15' ;;
        'l'|'ls'|'lst') _rtun_t='15' ;;
        'l'|'li'|'lis'|'list') _rtun_t='15' ;;
        'p'|'pr'|'prl') _rtun_t='16' ;;
        '6'|'6r'|'6rd') _rtun_t='17' ;;
        'h'|'he'|'hel'|'help') _rtun_t='' ;;
        'check') _rtun_t='18' ;;
        'keepalive') _rtun_t='19' ;;
        *) return 1 ;;
        esac ;;
    15)
        case $2 in
        'a'|'ad'|'add') _rtun_t='15' ;;
        'c'|'ch'|'cha'|'chan'|'chang'|'change') _rtun_t='15' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='15' ;;
        's'|'sh'|'sho'|'show') _rtun_t='15' ;;
        'l'|'ls'|'lst') _rtun_t='15' ;;
        'l'|'li'|'lis'|'list') _rtun_t='15' ;;
        'p'|'pr'|'prl') _rtun_t='16' ;;
        '6'|'6r'|'6rd') _rtun_t='17' ;;
        'h'|'he'|'hel'|'help') _rtun_t='' ;;
        'check') _rtun_t='18' ;;
        'keepalive') _rtun_t='19' ;;
        *) return 1 ;;
        esac ;;
    21)
        case $2 in
        'f'|'fi'|'fil'|'file') _rtun_t='20' ;;
        'l'|'la'|'lab'|'labe'|'label') _rtun_t='20' ;;
        'l'|'li'|'lin'|'link') _rtun_t='20' ;;
        'a'|'ad'|'add'|'addr'|'addre'|'addres'|'address') _rtun_t='20' ;;
        'r'|'ro'|'rou'|'rout'|'route') _rtun_t='20' ;;
        'm'|'mr'|'mro'|'mrou'|'mrout'|'mroute') _rtun_t='20' ;;
        'p'|'pr'|'pre'|'pref'|'prefi'|'prefix') _rtun_t='20' ;;
        'n'|'ne'|'nei'|'neig'|'neigh') _rtun_t='20' ;;
        'n'|'ne'|'net'|'netc'|'netco'|'netcon'|'netconf') _rtun_t='20' ;;
        'r'|'ru'|'rul'|'rule') _rtun_t='20' ;;
        'n'|'ns'|'nsi'|'nsid') _rtun_t='20' ;;
        'n'|'ne'|'nex'|'next'|'nexth'|'nextho'|'nexthop') _rtun_t='20' ;;
        'stats') _rtun_t='20' ;;
        'all') _rtun_t='20' ;;
        'a'|'al'|'all'|'all-'|'all-n'|'all-ns'|'all-nsi'|'all-nsid') _rtun_t='20' ;;
        'dev') _rtun_t='20' ;;
        *) return 1 ;;
        esac ;;
    25)
        case $2 in
        'l'|'li'|'lis'|'list'|'s'|'sh'|'sho'|'show'|'ls'|'lst') _rtun_t='' ;;
        'l'|'li'|'lis'|'list'|'list-'|'list-i'|'list-id') _rtun_t='21' ;;
        'a'|'ad'|'add') _rtun_t='22' ;;
        's'|'se'|'set') _rtun_t='22' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='22' ;;
        'i'|'id'|'ide'|'iden'|'ident'|'identi'|'identif'|'identify') _rtun_t='23' ;;
        'p'|'pi'|'pid'|'pids') _rtun_t='22' ;;
        'e'|'ex'|'exe'|'exec') _rtun_t='22' ;;
        'm'|'mo'|'mon'|'moni'|'monit'|'monito'|'monitor') _rtun_t='' ;;
        'a'|'at'|'att'|'atta'|'attac'|'attach') _rtun_t='22' ;;
        *) return 1 ;;
        esac ;;
    29)
        case $2 in
        'a'|'ad'|'add') _rtun_t='24' ;;
        'r'|'re'|'rep'|'repl'|'repla'|'replac'|'replace') _rtun_t='24' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='24' ;;
        'l'|'li'|'lis'|'list'|'s'|'sh'|'sho'|'show'|'ls'|'lst') _rtun_t='25' ;;
        'g'|'ge'|'get') _rtun_t='26' ;;
        'f'|'fl'|'flu'|'flus'|'flush') _rtun_t='25' ;;
        'b'|'bu'|'buc'|'buck'|'bucke'|'bucket') _rtun_t='27' ;;
        *) return 1 ;;
        esac ;;
    34)
        case $2 in
        'a'|'ad'|'add') _rtun_t='28' ;;
        'd'|'de'|'del'|'dele'|'delet'|'delete') _rtun_t='28' ;;
        's'|'sh'|'sho'|'show'|'l'|'li'|'lis'|'list') _rtun_t='' ;;
        'f'|'fl'|'flu'|'flus'|'flush') _rtun_t='' ;;
        *) return 1 ;;
        esac ;;
    36)
        case $2 in
        'b'|'ba'|'bas'|'bash') _rtun_t='' ;;
        'z'|'zs'|'zsh') _rtun_t='' ;;
        'f'|'fi'|'fis'|'fish') _rtun_t='' ;;
        'n'|'nu'|'nus'|'nush'|'nushe'|'nushel'|'nushell') _rtun_t='' ;;
        *) return 1 ;;
        esac ;;
    *) return 1 ;;
    esac
}

# _rtun_kind KIND: sets _rtun_t to the keyword table of a link kind.
_rtun_kind() {
    case $1 in
    'veth') _rtun_t='30' ;;
    'bridge') _rtun_t='31' ;;
    'vxlan') _rtun_t='32' ;;
    'ifb') _rtun_t='33' ;;
    'dummy') _rtun_t='34' ;;
    'vlan') _rtun_t='35' ;;
    'macvlan') _rtun_t='36' ;;
    'tun') _rtun_t='37' ;;
    'bridge_slave') _rtun_t='38' ;;
    'bond_slave') _rtun_t='39' ;;
    'gre') _rtun_t='40' ;;
    'gretap') _rtun_t='36' ;;
    'erspan') _rtun_t='41' ;;
    'ip6gre') _rtun_t='42' ;;
    'ip6gretap') _rtun_t='38' ;;
    'ip6erspan') _rtun_t='38' ;;
    'ipip') _rtun_t='43' ;;
    'sit') _rtun_t='44' ;;
    'ip6tnl') _rtun_t='45' ;;
    'vti') _rtun_t='46' ;;
    'vti6') _rtun_t='42' ;;
    'bond') _rtun_t='47' ;;
    'vrf') _rtun_t='48' ;;
    'vrf_slave') _rtun_t='49' ;;
    'geneve') _rtun_t='50' ;;
    'macvtap') _rtun_t='33' ;;
    'ipvlan') _rtun_t='51' ;;
    'ipvtap') _rtun_t='46' ;;
    'xfrm') _rtun_t='52' ;;
    'bareudp') _rtun_t='53' ;;
    'wireguard') _rtun_t='54' ;;
    *) return 1 ;;
    esac
}

# _rtun_words KEY: the candidate words of a state.
_rtun_words() {
    case $1 in
    objects) printf '%s\n' 'address' 'maddress' 'route' 'rule' 'neighbor' 'neighbour' 'link' 'tunnel' 'tunl' 'monitor' 'netns' 'nexthop' 'help' 'nft' 'sysctl' 'completions' ;;
    g) printf '%s\n' '-loops' '-family' '-4' '-6' '-0' '-M' '-B' '-human' '-human-readable' '-iec' '-stats' '-statistics' '-details' '-resolve' '-oneline' '-timestamp' '-tshort' '-Version' '-force' '-batch' '-brief' '-json' '-pretty' '-rcvbuf' '-color' '-help' '-netns' '-Numeric' '-all' '-echo' ;;
    c0) printf '%s\n' 'add' 'change' 'chg' 'replace' 'delete' 'list' 'show' 'lst' 'flush' 'save' 'showdump' 'restore' 'help' ;;
    c2) printf '%s\n' 'add' 'delete' 'list' 'show' 'lst' ;;
    c3) printf '%s\n' 'add' 'change' 'chg' 'replace' 'prepend' 'append' 'test' 'delete' 'list' 'show' 'lst' 'get' 'flush' 'save' 'restore' 'showdump' ;;
    c4) printf '%s\n' 'list' 'lst' 'show' 'save' 'restore' 'add' 'delete' 'flush' ;;
    c5) printf '%s\n' 'add' 'change' 'chg' 'replace' 'delete' 'get' 'show' 'lst' 'list' 'flush' 'help' ;;
    c6) printf '%s\n' 'add' 'change' 'chg' 'replace' 'delete' 'get' 'show' 'lst' 'list' 'flush' 'help' ;;
    c9) printf '%s\n' 'add' 'set' 'change' 'replace' 'delete' 'show' 'lst' 'list' 'property' 'help' ;;
    c14) printf '%s\n' 'add' 'change' 'delete' 'show' 'lst' 'list' 'prl' '6rd' 'help' 'check' 'keepalive' ;;
    c15) printf '%s\n' 'add' 'change' 'delete' 'show' 'lst' 'list' 'prl' '6rd' 'help' 'check' 'keepalive' ;;
    c21) printf '%s\n' 'file' 'label' 'link' 'address' 'route' 'prefix' 'neigh' 'netconf' 'rule' 'nsid' 'nexthop' 'all' 'all-nsid' 'dev' ;;
    c25) printf '%s\n' 'list' 'show' 'lst' 'list-id' 'add' 'set' 'delete' 'identify' 'pids' 'exec' 'monitor' 'attach' ;;
    c29) printf '%s\n' 'add' 'replace' 'delete' 'list' 'show' 'lst' 'get' 'flush' 'bucket' ;;
    c32) : ;;
    c34) printf '%s\n' 'add' 'delete' 'del' 'show' 'list' 'flush' ;;
    c35) : ;;
    c36) printf '%s\n' 'bash' 'zsh' 'fish' 'nushell' ;;
    k0) printf '%s\n' 'peer' 'remote' 'broadcast' 'brd' 'anycast' 'scope' 'dev' 'label' 'metric' 'priority' 'preference' 'valid_lft' 'preferred_lft' 'secondary' 'temporary' 'nodad' 'optimistic' 'dadfailed' 'home' 'deprecated' 'tentative' 'permanent' 'mngtmpaddr' 'noprefixroute' 'autojoin' 'stable-privacy' 'local' ;;
    k1) printf '%s\n' 'to' 'scope' 'up' 'dynamic' 'primary' 'secondary' 'temporary' 'nodad' 'optimistic' 'dadfailed' 'home' 'deprecated' 'tentative' 'permanent' 'mngtmpaddr' 'noprefixroute' 'autojoin' 'stable-privacy' 'label' 'group' 'master' 'vrf' 'nomaster' 'type' 'dev' 'help' ;;
    p1) _rtun_fill '@ifnames' ;;
    k2) printf '%s\n' 'dev' 'address' ;;
    k3) printf '%s\n' 'dev' ;;
    p3) _rtun_fill '@ifnames' ;;
    k4) printf '%s\n' 'src' 'as' 'via' 'from' 'tos' 'dsfield' 'expires' 'metric' 'priority' 'preference' 'scope' 'mtu' 'hoplimit' 'advmss' 'reordering' 'rtt' 'rto_min' 'window' 'cwnd' 'initcwnd' 'initrwnd' 'features' 'quickack' 'congctl' 'rttvar' 'ssthresh' 'realms' 'onlink' 'nexthop' 'nhid' 'protocol' 'table' 'vrf' 'dev' 'oif' 'pref' 'ttl-propagate' 'fastopen_no_cookie' 'to' ;;
    k5) printf '%s\n' 'table' 'vrf' 'cached' 'cloned' 'tos' 'dsfield' 'protocol' 'scope' 'type' 'dev' 'oif' 'iif' 'mark' 'metric' 'priority' 'preference' 'via' 'src' 'realms' 'from' 'to' 'root' 'match' 'exact' ;;
    k6) printf '%s\n' 'tos' 'dsfield' 'from' 'iif' 'mark' 'oif' 'dev' 'notify' 'connected' 'vrf' 'uid' 'fibmatch' 'as' 'sport' 'dport' 'ipproto' 'to' ;;
    k7) printf '%s\n' 'preference' 'order' 'priority' 'not' 'tos' 'dsfield' 'fwmark' 'dev' 'iif' 'oif' 'l3mdev' 'uidrange' 'tun_id' 'lookup' 'table' 'from' 'src' 'protocol' 'ipproto' 'sport' 'dport' 'dst' 'to' ;;
    k8) printf '%s\n' 'not' 'from' 'to' 'preference' 'order' 'priority' 'tos' 'dsfield' 'fwmark' 'realms' 'protocol' 'tun_id' 'table' 'lookup' 'suppress_prefixlength' 'sup_pl' 'suppress_ifgroup' 'sup_group' 'dev' 'iif' 'oif' 'l3mdev' 'uidrange' 'nat' 'map-to' 'ipproto' 'sport' 'dport' 'type' 'goto' 'nop' ;;
    p8) _rtun_fill '=goto nop unicast blackhole unreachable prohibit' ;;
    k9) printf '%s\n' 'lladdr' 'nud' 'proxy' 'router' 'use' 'managed' 'extern_learn' 'dev' 'protocol' 'to' ;;
    k10) printf '%s\n' 'dev' 'proxy' 'to' ;;
    k11) printf '%s\n' 'dev' 'master' 'vrf' 'nomaster' 'unused' 'nud' 'proxy' 'protocol' 'to' ;;
    k12) printf '%s\n' 'up' 'down' 'name' 'index' 'link' 'address' 'broadcast' 'brd' 'txqueuelen' 'qlen' 'txqlen' 'mtu' 'xdpgeneric' 'xdpdrv' 'xdpoffload' 'xdp' 'netns' 'multicast' 'allmulticast' 'promisc' 'trailers' 'arp' 'carrier' 'master' 'vrf' 'nomaster' 'dynamic' 'type' 'alias' 'group' 'mode' 'state' 'numtxqueues' 'numrxqueues' 'addrgenmode' 'link-netnsid' 'protodown' 'gso_max_size' 'gso_max_segs' 'gro_max_size' 'parentdev' 'help' 'dev' ;;
    k13) printf '%s\n' 'up' 'down' 'name' 'index' 'link' 'address' 'broadcast' 'brd' 'txqueuelen' 'qlen' 'txqlen' 'mtu' 'xdpgeneric' 'xdpdrv' 'xdpoffload' 'xdp' 'netns' 'multicast' 'allmulticast' 'promisc' 'trailers' 'arp' 'carrier' 'master' 'vrf' 'nomaster' 'dynamic' 'type' 'alias' 'group' 'mode' 'state' 'numtxqueues' 'numrxqueues' 'addrgenmode' 'link-netnsid' 'protodown' 'gso_max_size' 'gso_max_segs' 'gro_max_size' 'parentdev' 'help' 'dev' ;;
    p13) _rtun_fill '@ifnames' ;;
    k14) printf '%s\n' 'altname' 'help' 'dev' 'add' 'del' ;;
    k15) printf '%s\n' 'mode' 'key' 'ikey' 'okey' 'seq' 'iseq' 'oseq' 'csum' 'icsum' 'ocsum' 'nopmtudisc' 'pmtudisc' 'remote' 'local' 'dev' 'ttl' 'hoplimit' 'hlim' 'tos' 'tclass' 'dsfield' 'name' 'help' ;;
    k16) printf '%s\n' 'prl-default' 'prl-nodefault' 'prl-delete' 'dev' ;;
    k17) printf '%s\n' '6rd-prefix' '6rd-relay_prefix' '6rd-reset' 'dev' ;;
    k18) printf '%s\n' 'help' ;;
    p18) _rtun_fill '@ifnames' ;;
    k19) printf '%s\n' 'interval' 'retries' 'once' 'help' ;;
    p19) _rtun_fill '@ifnames' ;;
    k20) printf '%s\n' 'file' 'label' 'link' 'address' 'route' 'prefix' 'neigh' 'netconf' 'rule' 'nsid' 'nexthop' 'all' 'all-nsid' 'dev' ;;
    k21) printf '%s\n' 'target-nsid' 'nsid' ;;
    k22) : ;;
    p22) _rtun_fill '@netns' ;;
    k23) : ;;
    p23) _rtun_fill '-' ;;
    k24) printf '%s\n' 'id' 'dev' 'via' 'blackhole' 'fdb' 'onlink' 'group' 'type' 'buckets' 'idle_timer' 'unbalanced_timer' 'protocol' ;;
    k25) printf '%s\n' 'dev' 'groups' 'master' 'vrf' 'id' 'protocol' 'fdb' ;;
    k26) printf '%s\n' 'id' ;;
    k27) printf '%s\n' 'list' 'show' 'lst' 'get' 'dev' 'master' 'vrf' 'id' 'nhid' 'index' ;;
    k28) printf '%s\n' 'accept' 'forward' 'masquerade' 'snat' 'dnat' 'clamp-mss' 'src' 'dst' 'dport' 'proto' 'iif' 'oif' 'to' 'mss' ;;
    k29) printf '%s\n' '-a' '-A' '-X' '--all' '--deprecated' '--dry-run' '-b' '--binary' '-e' '--ignore' '-N' '--names' '-n' '--values' '-p' '-f' '--load' '-q' '--quiet' '-w' '--write' '--system' '-r' '--pattern' '-h' '-d' '--help' '-V' '--version' '-o' '-x' '-j' '--json' '--persist' ;;
    p29) _rtun_fill '@sysctl-keys' ;;
    k30) printf '%s\n' 'peer' ;;
    k31) printf '%s\n' 'forward_delay' 'hello_time' 'max_age' 'ageing_time' 'stp_state' 'priority' 'vlan_filtering' 'vlan_protocol' 'group_fwd_mask' 'group_address' 'no_linklocal_learn' 'fdb_flush' 'vlan_default_pvid' 'vlan_stats_enabled' 'vlan_stats_per_port' 'mcast_router' 'mcast_snooping' 'mcast_vlan_snooping' 'mcast_query_use_ifaddr' 'mcast_querier' 'mcast_hash_elasticity' 'mcast_hash_max' 'mcast_last_member_count' 'mcast_startup_query_count' 'mcast_last_member_interval' 'mcast_membership_interval' 'mcast_querier_interval' 'mcast_query_interval' 'mcast_query_response_interval' 'mcast_startup_query_interval' 'mcast_stats_enabled' 'mcast_igmp_version' 'mcast_mld_version' 'nf_call_iptables' 'nf_call_ip6tables' 'nf_call_arptables' 'help' ;;
    k32) printf '%s\n' 'id' 'vni' 'group' 'remote' 'local' 'dev' 'ttl' 'hoplimit' 'tos' 'dsfield' 'df' 'label' 'flowlabel' 'ageing' 'maxaddress' 'port' 'srcport' 'dstport' 'nolearning' 'learning' 'noproxy' 'proxy' 'norsc' 'rsc' 'nol2miss' 'l2miss' 'nol3miss' 'l3miss' 'udpcsum' 'noudpcsum' 'udp6zerocsumtx' 'noudp6zerocsumtx' 'udp6zerocsumrx' 'noudp6zerocsumrx' 'remcsumtx' 'noremcsumtx' 'remcsumrx' 'noremcsumrx' 'external' 'noexternal' 'gbp' 'gpe' 'vnifilter' 'novnifilter' 'help' ;;
    k33) : ;;
    k34) : ;;
    k35) printf '%s\n' 'protocol' 'id' 'reorder_hdr' 'gvrp' 'mvrp' 'loose_binding' 'bridge_binding' 'ingress-qos-map' 'egress-qos-map' 'help' ;;
    k36) printf '%s\n' 'mode' 'flag' 'macaddr' 'nopromisc' 'nodst' 'bcqueuelen' 'help' ;;
    k37) : ;;
    k38) printf '%s\n' 'fdb_flush' 'state' 'priority' 'cost' 'hairpin' 'guard' 'root_block' 'fastleave' 'learning' 'flood' 'mcast_flood' 'bcast_flood' 'mcast_to_unicast' 'proxy_arp' 'proxy_arp_wifi' 'mcast_router' 'mcast_fast_leave' 'neigh_suppress' 'group_fwd_mask' 'vlan_tunnel' 'isolated' 'locked' 'backup_port' 'nobackup_port' 'help' ;;
    k39) printf '%s\n' 'queue_id' 'prio' 'help' ;;
    k40) printf '%s\n' 'key' 'nokey' 'ikey' 'noikey' 'okey' 'nookey' 'seq' 'noseq' 'iseq' 'noiseq' 'oseq' 'nooseq' 'csum' 'nocsum' 'icsum' 'noicsum' 'ocsum' 'noocsum' 'nopmtudisc' 'pmtudisc' 'remote' 'local' 'dev' 'ttl' 'hoplimit' 'hlim' 'tos' 'tclass' 'dsfield' 'noencap' 'encap' 'encap-sport' 'encap-dport' 'encap-csum' 'noencap-csum' 'encap-udp6-csum' 'noencap-udp6-csum' 'encap-remcsum' 'noencap-remcsum' 'external' 'ignore-df' 'noignore-df' 'fwmark' ;;
    k41) printf '%s\n' 'key' 'nokey' 'ikey' 'noikey' 'okey' 'nookey' 'seq' 'noseq' 'iseq' 'noiseq' 'oseq' 'nooseq' 'csum' 'nocsum' 'icsum' 'noicsum' 'ocsum' 'noocsum' 'nopmtudisc' 'pmtudisc' 'remote' 'local' 'dev' 'ttl' 'hoplimit' 'hlim' 'tos' 'tclass' 'dsfield' 'noencap' 'encap' 'encap-sport' 'encap-dport' 'encap-csum' 'noencap-csum' 'encap-udp6-csum' 'noencap-udp6-csum' 'encap-remcsum' 'noencap-remcsum' 'external' 'ignore-df' 'noignore-df' 'fwmark' 'erspan' 'erspan_ver' 'erspan_dir' 'erspan_hwid' ;;
    k42) printf '%s\n' 'key' 'nokey' 'ikey' 'noikey' 'okey' 'nookey' 'seq' 'noseq' 'iseq' 'noiseq' 'oseq' 'nooseq' 'csum' 'nocsum' 'icsum' 'noicsum' 'ocsum' 'noocsum' 'remote' 'local' 'dev' 'ttl' 'hoplimit' 'hlim' 'tos' 'tclass' 'dsfield' 'flowlabel' 'fl' 'dscp' 'noencap' 'encap' 'encap-sport' 'encap-dport' 'encap-csum' 'noencap-csum' 'encap-udp6-csum' 'noencap-udp6-csum' 'encap-remcsum' 'noencap-remcsum' 'external' 'fwmark' 'allow-localremote' 'noallow-localremote' 'encaplimit' 'erspan' 'erspan_ver' 'erspan_dir' 'erspan_hwid' ;;
    k43) printf '%s\n' 'mode' 'remote' 'local' 'dev' 'ttl' 'hoplimit' 'hlim' 'tos' 'tclass' 'tc' 'dsfield' 'nopmtudisc' 'pmtudisc' 'noencap' 'encap' 'encap-sport' 'encap-dport' 'encap-csum' 'noencap-csum' 'encap-udp6-csum' 'noencap-udp6-csum' 'encap-remcsum' 'noencap-remcsum' 'external' '6rd-prefix' '6rd-relay_prefix' '6rd-reset' 'fwmark' ;;
    k44) printf '%s\n' 'mode' 'remote' 'local' 'dev' 'ttl' 'hoplimit' 'hlim' 'tos' 'tclass' 'tc' 'dsfield' 'nopmtudisc' 'pmtudisc' 'isatap' 'noencap' 'encap' 'encap-sport' 'encap-dport' 'encap-csum' 'noencap-csum' 'encap-udp6-csum' 'noencap-udp6-csum' 'encap-remcsum' 'noencap-remcsum' 'external' '6rd-prefix' '6rd-relay_prefix' '6rd-reset' 'fwmark' ;;
    k45) printf '%s\n' 'mode' 'remote' 'local' 'dev' 'ttl' 'hoplimit' 'hlim' 'encaplimit' 'tos' 'tclass' 'tc' 'dsfield' 'flowlabel' 'fl' 'dscp' 'fwmark' 'allow-localremote' 'noallow-localremote' 'noencap' 'encap' 'encap-sport' 'encap-dport' 'encap-csum' 'noencap-csum' 'encap-udp6-csum' 'noencap-udp6-csum' 'encap-remcsum' 'noencap-remcsum' 'external' ;;
    k46) printf '%s\n' 'key' 'ikey' 'okey' 'remote' 'local' 'dev' 'fwmark' ;;
    k47) printf '%s\n' 'mode' 'active_slave' 'clear_active_slave' 'miimon' 'updelay' 'downdelay' 'peer_notify_delay' 'use_carrier' 'arp_interval' 'arp_ip_target' 'ns_ip6_target' 'arp_validate' 'arp_all_targets' 'arp_missed_max' 'primary' 'primary_reselect' 'fail_over_mac' 'xmit_hash_policy' 'resend_igmp' 'num_grat_arp' 'num_unsol_na' 'all_slaves_active' 'min_links' 'lp_interval' 'packets_per_slave' 'lacp_rate' 'lacp_active' 'ad_select' 'ad_user_port_key' 'ad_actor_sys_prio' 'ad_actor_system' 'tlb_dynamic_lb' 'help' ;;
    k48) printf '%s\n' 'table' 'help' ;;
    k49) : ;;
    k50) printf '%s\n' 'id' 'vni' 'remote' 'ttl' 'hoplimit' 'tos' 'dsfield' 'df' 'label' 'flowlabel' 'dstport' 'external' 'noexternal' 'udpcsum' 'noudpcsum' 'udp6zerocsumtx' 'noudp6zerocsumtx' 'udp6zerocsumrx' 'noudp6zerocsumrx' 'innerprotoinherit' 'help' ;;
    k51) printf '%s\n' 'mode' 'private' 'vepa' 'bridge' 'help' ;;
    k52) printf '%s\n' 'dev' 'if_id' 'external' ;;
    k53) printf '%s\n' 'dstport' 'ethertype' 'srcportmin' 'multiproto' 'nomultiproto' 'help' ;;
    k54) : ;;
    esac
}

# _rtun_fill SPEC: the candidates for a value (live names get the word at
# the cursor, for the lists that depend on it).
_rtun_fill() {
    [ -n "${ZSH_VERSION-}" ] && emulate -L sh
    case $1 in
    =*) # One word per line, whatever IFS and globbing the caller has set
        # (an unquoted expansion would split on IFS, in zsh's sh emulation too).
        set -- "${1#=} "
        while [ -n "$1" ]; do
            printf '%s\n' "${1%% *}"
            set -- "${1#* }"
        done ;;
    @files) echo @files ;;
    @*) if [ -n "$_rtun_netns" ]; then
            "$_rtun_prog" -n "$_rtun_netns" complete "${1#@}" "$_rtun_cur" 2>/dev/null
        else
            "$_rtun_prog" complete "${1#@}" "$_rtun_cur" 2>/dev/null
        fi ;;
    esac
}

# _rtun_candidates PROG CUR WORD…: the candidates for CUR after the WORDs.
_rtun_candidates() {
    [ -n "${ZSH_VERSION-}" ] && emulate -L sh
    _rtun_prog=$1 _rtun_netns= _rtun_cur=$2
    local cur="$2" state=g table= parent= want= spec= ops= ended= w c ch
    shift 2
    for w in "$@"; do
        if [ -n "$want" ]; then
            case $want in
            netns) _rtun_netns=$w ;;
            kind) if _rtun_kind "$w"; then parent=$table table=$_rtun_t; else state=x; fi ;;
            esac
            want=
            continue
        fi
        case $state in
        g)
            case $w in
            --?*) w=${w#-} ;;
            esac
            case $w in
            -*) if _rtun_kw g "$w" && [ -n "$_rtun_v" ]; then
                    spec=$_rtun_v want=1
                    [ "$spec" = @netns ] && want=netns
                fi ;;
            *) if ! _rtun_obj "$w"; then
                   state=x
               elif [ -n "$_rtun_g" ]; then
                   state=G table=$_rtun_g ops=$_rtun_ops
               else
                   state=o
               fi ;;
            esac ;;
        o) if _rtun_cmd "$_rtun_o" "$w" && [ -n "$_rtun_t" ]; then
               table=$_rtun_t state=k
           else
               state=x
           fi ;;
        k) if _rtun_kw "$table" "$w"; then
               if [ "$_rtun_k" = 2 ]; then
                   table=$parent
               elif [ -n "$_rtun_v" ]; then
                   spec=$_rtun_v want=1
                   [ -n "$_rtun_k" ] && want=kind
               fi
           fi ;;
        G) [ -n "$ended" ] && continue
           case $w in
           --) ended=1 ;;
           --?*=*) _rtun_kw "$table" "${w%%=*}" && [ -n "$_rtun_s" ] && ops=$_rtun_s ;;
           --?*) if _rtun_kw "$table" "$w"; then
                     [ -n "$_rtun_s" ] && ops=$_rtun_s
                     [ -n "$_rtun_v" ] && [ -z "$_rtun_opt" ] && spec=$_rtun_v want=1
                 fi ;;
           -?*) c=${w#-}
                while [ -n "$c" ]; do
                    ch=${c%"${c#?}"} c=${c#?}
                    _rtun_kw "$table" "-$ch" || break
                    [ -n "$_rtun_s" ] && ops=$_rtun_s
                    if [ -n "$_rtun_v" ]; then
                        [ -z "$c" ] && [ -z "$_rtun_opt" ] && spec=$_rtun_v want=1
                        break
                    fi
                done ;;
           esac ;;
        esac
    done
    if [ -n "$want" ]; then
        _rtun_fill "$spec"
        return
    fi
    case $state in
    g)
        case $cur in
        --*) _rtun_words g | while IFS= read -r w; do printf '%s\n' "-$w"; done ;;
        -*) _rtun_words g ;;
        *) _rtun_words objects ;;
        esac ;;
    o) _rtun_words "c$_rtun_o" ;;
    k) _rtun_words "k$table"; _rtun_words "p$table" ;;
    G)
        case $cur in
        --?*=*) if [ -z "$ended" ] && _rtun_kw "$table" "${cur%%=*}" && [ -n "$_rtun_v" ]; then
                    _rtun_fill "$_rtun_v"
                fi ;;
        -*) [ -z "$ended" ] && _rtun_words "k$table" ;;
        *) _rtun_fill "$ops" ;;
        esac ;;
    esac
}

_rtun() {
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null; then
        _get_comp_words_by_ref -n =: cur words cword
    else
        words=("${COMP_WORDS[@]}") cword=$COMP_CWORD cur=${COMP_WORDS[COMP_CWORD]}
    fi
    local w
    local -a found files
    # One candidate per line, each its own element (no word splitting or
    # globbing of the candidates).
    mapfile -t found < <(_rtun_candidates "${words[0]}" "$cur" "${words[@]:1:cword-1}")
    # A value attached to a long option (`--load=FILE`): readline replaces
    # only the part after `=`.
    local fcur=$cur
    [[ $cur == --?*=* ]] && fcur=${cur#*=}
    COMPREPLY=()
    for w in "${found[@]}"; do
        if [ "$w" = @files ]; then
            mapfile -t files < <(compgen -f -- "$fcur")
            COMPREPLY+=("${files[@]}")
        elif [[ $w == "$cur"* ]]; then
            COMPREPLY+=("$w")
        fi
    done
    # One level of a dotted name (`net.ipv4.`): the user goes on typing.
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *. ]]; then
        compopt -o nospace 2>/dev/null
    fi
}
complete -F _rtun rtun
