date -u -d @0
date -u -d @1000000000 '+%Y-%m-%d %H:%M:%S'
date -u -d '2020-02-29 12:34:56' +%s
date -u -d @86399 '+%j %a %b %p %I %M'
date -u -d @1700000000 -R
