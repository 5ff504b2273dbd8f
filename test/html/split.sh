#!/usr/bin/env bash
# split.sh DATA > heldout.txt: the frozen held-out third of the evaluation
# pages, chosen by content-free hashing so that nobody picks them: a page is
# held out when the first byte of md5(id) is divisible by 3.  Run once, before
# any tuning; heldout.txt is committed and never regenerated.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/manifest.sh" "$1" | cut -f1 | sort -u | while read -r id; do
	h=$(printf '%s' "$id" | md5sum | cut -c1-2)
	if [ $((16#$h % 3)) -eq 0 ]; then echo "$id"; fi
done
