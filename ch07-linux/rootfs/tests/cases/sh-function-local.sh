x=global
f() {
    local x=local
    echo "in f: $x"
    g
}
g() { echo "in g: $x"; }
f
echo "after: $x"
