# bash complete_bash.sh SCRIPT LINE...: sources the completion SCRIPT (or, when SCRIPT is
# "--loader", lets the bash-completion package find pelo's in $XDG_DATA_DIRS), then for each
# LINE prints "### LINE" and the words the completion function puts in COMPREPLY, one a line.
# LINE is split at spaces as readline splits at COMP_WORDBREAKS (write "--by=" as "--by ="); a
# trailing space means the cursor is on a new, empty word.
set -u
if [[ $1 == --loader ]]; then
  source /usr/share/bash-completion/bash_completion || exit 3
  __load_completion pelo || exit 4
else
  source "$1" || exit 3
fi
shift
spec=$(complete -p pelo) || exit 5
function=${spec#*-F }
function=${function%% *}
for line in "$@"; do
  read -ra COMP_WORDS <<<"$line"
  [[ $line == *' ' ]] && COMP_WORDS+=('')
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE=$line
  COMP_POINT=${#line}
  COMPREPLY=()
  "$function" pelo "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  echo "### $line"
  printf '%s\n' "${COMPREPLY[@]}"
done
