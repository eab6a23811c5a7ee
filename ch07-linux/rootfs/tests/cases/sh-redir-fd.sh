exec 3> fd3
echo "via three" >&3
echo "again" 1>&3
exec 3>&-
cat fd3
exec 4< fd3
read line <&4
echo "read: $line"
exec 4<&-
echo bad >&5
echo "status $?"
