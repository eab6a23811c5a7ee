f=$(mktemp)
[ -f "$f" ] && echo "file made"
case "$f" in /tmp/*) echo "under /tmp" ;; esac
rm "$f"
d=$(mktemp -d)
[ -d "$d" ] && echo "dir made"
rmdir "$d"
t=$(mktemp -p . name.XXXXXX)
ls | sed 's/name\......./name.XXXXXX/'
