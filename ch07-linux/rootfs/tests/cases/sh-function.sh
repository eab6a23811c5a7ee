greet() {
    echo "hello, $1 ($# arguments)"
    return 3
}
greet world extra
echo "returned $?"
greet "two words"
