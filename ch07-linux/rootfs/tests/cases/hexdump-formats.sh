printf 'Hello, hexdump!\n\000\001\002' > f
hexdump -C f
hexdump f
hexdump -e '16/1 "%02x" "\n"' f
