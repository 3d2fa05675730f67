# fish complete_fish.fish LINE...: for each LINE, "### LINE" and the completions fish offers at
# its end (`complete -C`), one "WORD<TAB>DESCRIPTION" a line. pelo's completion is autoloaded
# from $fish_complete_path (XDG_DATA_DIRS's fish/vendor_completions.d) as for any user.
for line in $argv
    echo "### $line"
    complete -C "$line"
end
