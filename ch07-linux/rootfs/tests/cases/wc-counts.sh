printf 'one two\nthree\n\nfour five six\n' > f
wc f
wc -l f
wc -w < f
wc -c f
wc -L f
printf 'x' > g
wc -l f g
