v=b
case $v in
a) echo no ;;
b|c) echo "b or c" ;;
b) echo "never" ;;
esac
case x in *) ;; esac
echo "status $?"
