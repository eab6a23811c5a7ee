type echo
command -v cd
command -v nosuchcmd
echo "status $?"
