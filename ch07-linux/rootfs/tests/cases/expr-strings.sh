expr length "hello world"
expr substr "abcdef" 2 3
expr index "abcdef" d
expr "abc123" : '[a-z]*'
expr "abc123" : '[a-z]*\([0-9]*\)'
expr b \< a
expr aaa \> aa
expr "" \| fallback
