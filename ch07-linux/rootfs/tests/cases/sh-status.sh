true; echo $?
false; echo $?
! true; echo $?
! false; echo $?
sh -c 'exit 42'; echo $?
