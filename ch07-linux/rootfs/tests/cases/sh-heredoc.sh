name=Zinc
cat <<END
Hello, $name.
Sum: $((2 + 3)), today is $(echo a day)
  indented \$literal
END
