now=$(date +%s)
[ "$now" -gt 1700000000 ] && echo "the clock is set"
year=$(date +%Y)
[ "$year" -ge 2023 ] && echo "year ok"
date -u +%Z
