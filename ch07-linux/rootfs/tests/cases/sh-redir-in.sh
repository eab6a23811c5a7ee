printf 'b\na\nc\n' > in
sort < in
wc -l < in
read first < in; echo "$first"
