# test/lib/common.sh: shared by test/run_tests.sh, test/demo.sh, benchmarks and
# shell tests.  Source it from bash; it defines functions only.
#
#   at_ensure_packages      install what the build needs (apt-get, via sudo if not root)
#   at_build                build the extension (warnings are errors)
#   at_tmp_install DIR      a private copy of the server with this checkout installed
#   at_start_cluster BINDIR DIR   initdb + start a throwaway server (socket only)
#   at_stop_cluster         stop it
#   at_psql ...             psql against it
#
# The server refuses to run as root; as root the cluster runs as the
# "postgres" user that the Debian packages create.

AT_ROOT=${AT_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
PG_CONFIG=${PG_CONFIG:-pg_config}
AT_PACKAGES="postgresql-15 postgresql-server-dev-15 libpcre2-dev libxml2-dev pkg-config make gcc clang"

at_log() { printf '== %s\n' "$*" >&2; }

at_sudo() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		echo "need root or sudo to run: $*" >&2
		return 1
	fi
}

# Installs what is missing; nothing when everything is there.
at_ensure_packages() {
	local missing="" p extra="$*"
	for p in $AT_PACKAGES $extra; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		at_log "installing:$missing"
		at_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
		at_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2 || return 1
	fi
	# pg_config from the postgresql-common wrapper may pick another major
	# version; prefer 15 when PG_CONFIG was not set by the caller.
	if [ "$PG_CONFIG" = pg_config ] && [ -x /usr/lib/postgresql/15/bin/pg_config ]; then
		PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
	fi
	export PG_CONFIG
}

at_build() {
	at_log "building"
	make -C "$AT_ROOT" -s PG_CONFIG="$PG_CONFIG" >&2
}

# at_tmp_install DIR: copies the server's bin, lib and share directories
# under DIR (keeping their relative layout, which the server binaries use to
# find each other) and installs this checkout there with DESTDIR.  Sets
# AT_BINDIR.  Needs no root and touches nothing outside DIR.
at_tmp_install() {
	local dir=$1 bindir pkglibdir sharedir
	bindir=$("$PG_CONFIG" --bindir)
	pkglibdir=$("$PG_CONFIG" --pkglibdir)
	sharedir=$("$PG_CONFIG" --sharedir)
	mkdir -p "$dir$bindir" "$dir$pkglibdir" "$dir$sharedir"
	cp -a "$bindir/." "$dir$bindir/"
	cp -a "$pkglibdir/." "$dir$pkglibdir/"
	cp -a "$sharedir/." "$dir$sharedir/"
	make -C "$AT_ROOT" -s PG_CONFIG="$PG_CONFIG" install DESTDIR="$dir" >&2
	AT_BINDIR=$dir$bindir
	export AT_BINDIR
}

# at_start_cluster BINDIR DIR: initdb in DIR/data and start a server that
# listens on a Unix socket in DIR only.  Exports PGHOST, PGPORT, PGUSER,
# PGDATABASE for psql and pg_regress.
at_start_cluster() {
	local bindir=$1 dir=$2 run=()
	AT_CLUSTER_DIR=$dir
	mkdir -p "$dir/data" "$dir/sock"
	chmod 755 "$dir"
	if [ "$(id -u)" -eq 0 ]; then
		chown -R postgres: "$dir/data" "$dir/sock"
		run=(runuser -u postgres --)
		AT_CLUSTER_USER=postgres
	else
		AT_CLUSTER_USER=$(id -un)
	fi
	AT_RUN=("${run[@]}")
	AT_PG_BINDIR=$bindir
	"${run[@]}" "$bindir/initdb" -D "$dir/data" -U "$AT_CLUSTER_USER" -E UTF8 \
		--no-locale --auth=trust >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
	PGPORT=${AT_PGPORT:-$((50000 + RANDOM % 10000))}
	"${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/sock/server.log" -w -t 60 \
		-o "-c listen_addresses='' -k $dir/sock -p $PGPORT -c fsync=off -c max_connections=40 ${AT_SERVER_OPTS:-}" \
		start >/dev/null || { cat "$dir/sock/server.log" >&2; return 1; }
	export PGHOST=$dir/sock PGPORT PGUSER=$AT_CLUSTER_USER PGDATABASE=postgres
}

at_stop_cluster() {
	[ -n "${AT_CLUSTER_DIR:-}" ] || return 0
	"${AT_RUN[@]}" "$AT_PG_BINDIR/pg_ctl" -D "$AT_CLUSTER_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
	AT_CLUSTER_DIR=
}

at_psql() {
	"$AT_PG_BINDIR/psql" -X -v ON_ERROR_STOP=1 -q "$@"
}

# at_bench_setup [CREATE DATABASE options]: what every benchmark does first:
# packages, build, a private install of this checkout, a throwaway cluster
# (AT_SERVER_OPTS applies) and a database "bench" made PGDATABASE.  Sets
# $scratch and removes it, with the cluster, on exit.
at_bench_setup() {
	at_ensure_packages || return 1
	at_build || return 1
	scratch=$(at_scratch)
	trap 'at_stop_cluster; rm -rf "$scratch"' EXIT
	at_tmp_install "$scratch/inst" || return 1
	at_start_cluster "$AT_BINDIR" "$scratch/cluster" || return 1
	at_psql -c "CREATE DATABASE bench ${1:-}" >/dev/null || return 1
	export PGDATABASE=bench
}

# A scratch directory readable by the postgres user, removed on exit.
at_scratch() {
	local d
	d=$(mktemp -d "${TMPDIR:-/tmp}/article_tools.XXXXXX")
	chmod 755 "$d"
	echo "$d"
}

# Path of ../shared, or empty (tests that need it skip with a message).
at_shared_dir() {
	local d=${AT_SHARED_DIR:-$AT_ROOT/../shared}
	[ -d "$d" ] && (cd "$d" && pwd)
}
