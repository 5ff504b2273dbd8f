# test/html/data.sh: the evaluation data folder of the HTML tools, sourced
# by score.sh, same_tree.sh and bench.sh.
#
#   data=$(at_html_data NAME) || exit 77
#       prints $AT_HTML_DATA; when it is unset or not a folder, says
#       "NAME: AT_HTML_DATA is not set ...; skipped" on standard error and
#       returns 1.
at_html_data() {
	if [ -z "${AT_HTML_DATA:-}" ] || [ ! -d "$AT_HTML_DATA" ]; then
		echo "$1: AT_HTML_DATA is not set to the evaluation data folder; skipped" >&2
		return 1
	fi
	echo "$AT_HTML_DATA"
}
