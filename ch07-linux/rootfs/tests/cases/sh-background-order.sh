(sleep 0.5; echo slow) &
(echo fast) &
wait
echo end
