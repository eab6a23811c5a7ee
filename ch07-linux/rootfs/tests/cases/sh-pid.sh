[ "$$" -gt 0 ] && echo "pid ok"
sh -c 'echo $PPID' > ppid
[ "$(cat ppid)" = "$$" ] && echo "child's parent is us"
(echo "$$" > sub) ; [ "$(cat sub)" = "$$" ] && echo "subshell keeps \$\$"
