# zsh -f complete_zsh.zsh FPATH_DIR LINE...: starts an interactive zsh on a pseudo-terminal
# (zsh/zpty) with FPATH_DIR first in $fpath and compinit, types each LINE and a TAB, and prints
# "### LINE" and the words each compadd call of the completion offered there, space-separated,
# one call a line. Completion runs only inside the line editor, hence the terminal.
zmodload zsh/zpty || exit 2
zpty z zsh -f -i
zpty -w z "PROMPT= RPROMPT= PS2= ; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -D"
# compadd -A hands back the matches it would add (matched against what is typed) without
# adding them; the calls _describe and _arguments make internally (-O, -A, -D) go through.
zpty -w z 'compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a hits; builtin compadd -A hits "$@"
  (( $#hits )) && print -r -- "MATCH ${(j: :)hits}"
  builtin compadd "$@"
}'
# The markers are printed as two words joined, so that the echo of this line does not hold them.
zpty -w z '_pelo_test_completer() {
  print -r -- "B""EGIN MATCHES"; _complete; local ret=$?; print -r -- "E""ND MATCHES"; return ret
}'
zpty -w z 'zstyle ":completion:*" completer _pelo_test_completer; bindkey "^I" complete-word; bindkey "^U" kill-whole-line'
shift
local query line on
for query in "$@"; do
  print -r -- "### $query"
  zpty -w -n z $'\C-u'"$query"$'\t'
  on=0
  while zpty -r z line; do
    line=${line//$'\r'/}
    line=${line%$'\n'}
    [[ $line == *'END MATCHES'* ]] && break
    (( on )) && [[ $line == MATCH\ * ]] && print -r -- ${line#MATCH }
    [[ $line == *'BEGIN MATCHES'* ]] && on=1
  done
done
zpty -d z
