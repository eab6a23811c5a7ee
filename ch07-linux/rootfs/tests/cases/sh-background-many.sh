for i in 1 2 3 4 5; do
    (sleep 0.$i; echo "job $i" > job$i) &
done
wait
cat job1 job2 job3 job4 job5
