x=outer
(x=inner; echo "inside: $x")
echo "outside: $x"
mkdir sub
(cd sub && touch made-here)
ls sub
basename "$(pwd)"
