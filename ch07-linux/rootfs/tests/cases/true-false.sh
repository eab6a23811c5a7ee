true; echo $?
false; echo $?
true extra args; echo $?
