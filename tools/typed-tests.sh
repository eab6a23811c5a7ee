#!/bin/sh
# tools/typed-tests.sh "BOOT" DIR...: type at Zinc's interactive shell, as a person would, and check
# the screen.
#
# BOOT is the command that boots the kernel interactively to a shell, with its boot arguments (the
# LibOS binary, or tools/qemu-*.sh console KERNEL, then "run": the shell, /bin/sh; or "run
# /sbin/init"). This boots it once on a pseudo-terminal of tmux, 80 columns by 24 lines, and plays
# every case DIR/*.typed on that one shell, in the order of their names. A case is a list of steps,
# one a line:
#
#   # TEXT       a comment; the first one is the case's title
#   > COMMAND    wait for the shell's prompt, then type COMMAND, and Enter once it shows
#   type TEXT    type TEXT as it is
#   keys KEY...  press keys, by tmux's names: C-c, C-z, Up, Left, BSpace, Escape, Enter, ...
#   wait TEXT    wait until some line of the screen shows TEXT
#   prompt       wait for the shell's prompt
#   pause        wait ZINC_TYPED_PAUSE seconds (1 by default, 3 under QEMU), for a command just
#                typed to start: a ^C or ^Z typed before the shell has made it the foreground job
#                would reach the shell instead
#   screen       the lines that follow, to the end of the file, are the screen the case must end
#                with, from its top (blanks at the ends of lines and empty lines at the bottom do
#                not count); <*> in a line stands for any text. A case whose screen is not all
#                foreseeable (processes that write at once) leaves it out: its waits are its checks
#
# Each case starts on a clean screen: once the prompt shows, this presses ^L, which makes the
# shell's line editor clear the screen and draw its prompt again at the top. A case has
# ZINC_TYPED_TIMEOUT seconds (20 by default, 60 under QEMU) for all of its waits; one that runs out
# fails, showing the screen. Then ^C and ^U are typed to bring the prompt back for the next case;
# if it does not come back, the shell is hung and the cases left fail at once. A case may end the
# shell (^D): the kernel must then shut down with status 0. The last line is the total: "N passed,
# M failed"; the exit status is non-zero on any failure.
boot=$1; shift
command -v tmux > /dev/null || { echo "$0: tmux is missing (apt-get install tmux)" >&2; exit 2; }
case $boot in
*qemu*) slow=3 ;;
*) slow=1 ;;
esac
timeout=${ZINC_TYPED_TIMEOUT:-$((20 * slow))}
pause=${ZINC_TYPED_PAUSE:-$slow}
dir=$(mktemp -d)
trap 'tmux -S "$dir/tmux" kill-server 2> /dev/null; rm -rf "$dir"' EXIT
t() { tmux -S "$dir/tmux" "$@"; }
passed=0; failed=0

# The screen, without the blanks at the ends of lines and the empty lines at the bottom.
screen() {
    t capture-pane -p -t zinc | sed 's/[[:space:]]*$//' | awk 'NF { while (e) { print ""; e-- }
                                                                print; next } { e++ }'
}

# Does the screen, lines $1 (a file), match the lines wanted, $2 (a file)?
screen_is() {
    awk 'function matches(want, got,    part, n, i, at) {
             n = split(want, part, /<\*>/)
             if (n == 1)
                 return want == got
             if (substr(got, 1, length(part[1])) != part[1])
                 return 0
             got = substr(got, length(part[1]) + 1)
             for (i = 2; i < n; i++) {
                 if (!(at = index(got, part[i])))
                     return 0
                 got = substr(got, at + length(part[i]))
             }
             return length(got) >= length(part[n]) &&
                    substr(got, length(got) - length(part[n]) + 1) == part[n]
         }
         NR == FNR { want[++n] = $0; next }
         { got[++m] = $0 }
         END { if (n != m) exit 1
               for (i = 1; i <= n; i++) if (!matches(want[i], got[i])) exit 1 }' "$2" "$1"
}

# Is the shell at its prompt: does the cursor's line, up to the cursor, end with "# " or "$ ", and
# nothing follow it?
at_prompt() {
    set -- $(t display -p -t zinc '#{cursor_x} #{cursor_y}')
    t capture-pane -p -N -t zinc | awk -v x="$1" -v y="$2" 'NR == y + 1 {
        exit !(substr($0, x - 1, 2) ~ /^[#$] $/ && substr($0, x + 1) ~ /^ *$/) }'
}

# Has the line editor shown the text $1 just typed: does the cursor's line end with it? (Until it
# has, the prompt before it is still there, and would seem to be the next one.)
echoed() {
    set -- "$1" $(t display -p -t zinc '#{cursor_x} #{cursor_y}')
    t capture-pane -p -N -t zinc | awk -v text="$1" -v x="$2" -v y="$3" 'NR == y + 1 {
        exit substr($0, x - length(text) + 1, length(text)) != text }'
}

# Wait until "$@" succeeds, or the case's time runs out (then fail).
until_true() {
    while ! "$@"; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        t list-panes -t zinc -F '#{pane_dead}' | grep -q 1 && ! "$@" && return 1
        sleep 0.1
    done
}

shows() { screen | grep -qF -- "$1"; }
screen_matches() { screen > "$dir/got"; screen_is "$dir/got" "$dir/want"; }

# Play the case $1; fail at the first step that does not come true.
play() {
    sed -n '/^screen$/,$p' "$1" | sed 1d > "$dir/want"
    until_true at_prompt || { echo "# no prompt to start at"; return 1; }
    t send-keys -t zinc C-l
    while IFS= read -r line; do
        case $line in
        "#"*) ;;
        "> "*) until_true at_prompt || { echo "# no prompt for: $line"; return 1; }
            t send-keys -t zinc -l "${line#> }"
            until_true echoed "${line#> }" || { echo "# not echoed: $line"; return 1; }
            t send-keys -t zinc Enter ;;
        "type "*) t send-keys -t zinc -l "${line#type }" ;;
        "keys "*) t send-keys -t zinc ${line#keys } ;;
        "wait "*) until_true shows "${line#wait }" || { echo "# never showed: ${line#wait }"
            return 1; } ;;
        prompt) until_true at_prompt || { echo "# no prompt"; return 1; } ;;
        pause) sleep "$pause" ;;
        screen) break ;;
        "") ;;
        *) echo "# $1: what is this step? $line"; return 1 ;;
        esac
    done < "$1"
    grep -q '^screen$' "$1" || return 0
    until_true screen_matches || { echo "# the screen is not the one wanted"; return 1; }
}

# Boot, and wait for the first prompt.
printf 'set -g remain-on-exit on\nset -g remain-on-exit-format ""\n' > "$dir/tmux.conf"
t -f "$dir/tmux.conf" new-session -d -s zinc -x 80 -y 24 "$boot; echo \$? > $dir/status"
deadline=$(($(date +%s) + 4 * timeout))
until_true at_prompt || hung=1
n=0
for case in $(for d in "$@"; do ls "$d"/*.typed; done); do
    n=$((n + 1))
    name=$(basename "$(dirname "$(dirname "$(dirname "$case")")")")/$(basename "$case" .typed)
    title=$(sed -n 's/^# *//p' "$case" | head -n 1)
    deadline=$(($(date +%s) + timeout))
    if [ -n "$hung" ]; then
        echo "not ok typed $n - $name: $title (the shell no longer answers)"
        failed=$((failed + 1))
    elif play "$case" > "$dir/why"; then
        echo "ok typed $n - $name: $title"
        passed=$((passed + 1))
    else
        echo "not ok typed $n - $name: $title"
        sed 's/^/#   /' "$dir/why"
        echo "#   the screen wanted:"; sed 's/^/#   | /' "$dir/want"
        echo "#   the screen:"; screen | sed 's/^/#   | /'
        failed=$((failed + 1))
        t send-keys -t zinc C-c C-u
        deadline=$(($(date +%s) + timeout))
        until_true at_prompt || hung=1
    fi
done

# The kernel must not have ended but by a case's ^D, and then with status 0. (The pane's command
# writes the status: tmux may take long to notice that QEMU, the pane's own process, has ended.)
if [ "$(t list-panes -t zinc -F '#{pane_dead}')" = 1 ]; then
    i=0
    while [ $i -lt 50 ] && [ ! -s "$dir/status" ]; do sleep 0.2; i=$((i + 1)); done
    if [ "$(cat "$dir/status" 2> /dev/null)" != 0 ]; then
        echo "# the kernel ended with status $(cat "$dir/status" 2> /dev/null)"
        failed=$((failed + 1))
    fi
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ] && [ $passed -gt 0 ]
