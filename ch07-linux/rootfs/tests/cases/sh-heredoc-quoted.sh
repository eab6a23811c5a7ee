cat <<'END'
No $expansion here: $(echo x) `echo y`
END
