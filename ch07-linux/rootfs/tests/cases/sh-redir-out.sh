echo first > f
echo second > f
cat f
: > f
wc -c f
