#!/bin/sh
# Topograph daemon installer for Linux with systemd.
#
#   curl -fsSL <server>/downloads/daemon/install.sh | sudo sh -s -- --server <url> --token <token>
#
# Installs a Java 17+ runtime if there is none, downloads the daemon jar from the server and
# checks its SHA-256, writes /etc/topograph-daemon/daemon.conf, installs the systemd unit and
# starts it as the unprivileged user topograph-daemon. Running it again upgrades the jar and
# changes only what differs; the daemon's enrollment (/var/lib/topograph-daemon) is kept.
# Run with --help for the options.
#
# Everything is in functions and the last line calls main: a truncated download runs nothing,
# and commands that read standard input cannot eat the rest of a piped script.
set -eu
umask 022

NAME=topograph-daemon
USER_NAME=topograph-daemon
JAR_DIR=/opt/topograph-daemon
JAR=$JAR_DIR/topograph-daemon.jar
CONF_DIR=/etc/topograph-daemon
CONF=$CONF_DIR/daemon.conf
STATE_DIR=/var/lib/topograph-daemon
UNIT=/etc/systemd/system/topograph-daemon.service
DOWNLOADS=/downloads/daemon

usage() {
    cat <<'EOF'
Usage: install.sh --server URL [--token TOKEN] [options]
       install.sh --uninstall [--purge] [options]

Installs the Topograph discovery daemon as a systemd service running as the
unprivileged user topograph-daemon.

Options:
  --server URL            the Topograph server (http:// or https://); required
                          unless an earlier install already configured it
  --token TOKEN           an enrollment token (tge_...) from the network's
                          "Add daemon" page; used once, when the daemon enrolls
  --name NAME             the daemon's name in Topograph (default: the hostname)
  --default-targets LIST  what the daemon scans when a run names no targets
                          (IPs, CIDRs, ranges, comma-separated; default: loopback)
                          (--token, --name and --default-targets given as ''
                          remove the setting)
  --java PATH             the java (17 or newer) to run the daemon with
  --root DIR              install into DIR instead of / (for tests and images):
                          installs no packages, creates no user, never calls
                          systemctl
  --no-start              install the files but do not call systemctl
  --uninstall             stop and remove the service and the jar; keeps the
                          configuration and the enrollment
  --purge                 with --uninstall: also remove the configuration, the
                          enrollment (state) and the topograph-daemon user
  -h, --help              show this help

Re-running the installer upgrades the jar and keeps the enrollment; options
given again replace the configured values, options left out keep them.
EOF
}

say() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
usage_error() {
    printf 'error: %s\n' "$*" >&2
    printf 'Run install.sh --help for the options.\n' >&2
    exit 2
}
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# True when $1 matches the extended regular expression $2 (anchored by the caller) and has
# no newline.
matches() {
    case $1 in *'
'*) return 1 ;; esac
    printf '%s\n' "$1" | grep -Eq "$2"
}

# ---------------------------------------------------------------------------------------------
# Options

SERVER=
TOKEN=
DAEMON_NAME=
TARGETS=
JAVA_OPT=
ROOT=
START=yes
ACTION=install
PURGE=no
HAVE_SERVER=no
HAVE_TOKEN=no
HAVE_NAME=no
HAVE_TARGETS=no

need_value() {
    # $1 the option, $2 how many arguments are left including the option
    [ "$2" -ge 2 ] || usage_error "$1 needs a value"
}

parse_args() {
    while [ $# -gt 0 ]; do
        case $1 in
            --server) need_value "$1" $#; SERVER=$2; HAVE_SERVER=yes; shift 2 ;;
            --server=*) SERVER=${1#*=}; HAVE_SERVER=yes; shift ;;
            --token) need_value "$1" $#; TOKEN=$2; HAVE_TOKEN=yes; shift 2 ;;
            --token=*) TOKEN=${1#*=}; HAVE_TOKEN=yes; shift ;;
            --name) need_value "$1" $#; DAEMON_NAME=$2; HAVE_NAME=yes; shift 2 ;;
            --name=*) DAEMON_NAME=${1#*=}; HAVE_NAME=yes; shift ;;
            --default-targets) need_value "$1" $#; TARGETS=$2; HAVE_TARGETS=yes; shift 2 ;;
            --default-targets=*) TARGETS=${1#*=}; HAVE_TARGETS=yes; shift ;;
            --java) need_value "$1" $#; JAVA_OPT=$2; shift 2 ;;
            --java=*) JAVA_OPT=${1#*=}; shift ;;
            --root) need_value "$1" $#; ROOT=$2; [ -n "$ROOT" ] || usage_error "--root needs a directory"; shift 2 ;;
            --root=*) ROOT=${1#*=}; [ -n "$ROOT" ] || usage_error "--root needs a directory"; shift ;;
            --no-start) START=no; shift ;;
            --uninstall) ACTION=uninstall; shift ;;
            --purge) PURGE=yes; shift ;;
            -h|--help) usage; exit 0 ;;
            *) usage_error "unknown option: $1" ;;
        esac
    done
}

validate_args() {
    if [ "$PURGE" = yes ] && [ "$ACTION" != uninstall ]; then
        usage_error "--purge only goes with --uninstall"
    fi
    if [ "$ACTION" = uninstall ]; then
        for opt in "$HAVE_SERVER:--server" "$HAVE_TOKEN:--token" "$HAVE_NAME:--name" "$HAVE_TARGETS:--default-targets"; do
            case $opt in yes:*) usage_error "${opt#yes:} does not go with --uninstall" ;; esac
        done
    fi

    # --root: every path is prefixed with it; nothing outside it is touched.
    if [ -n "$ROOT" ]; then
        [ -d "$ROOT" ] || usage_error "--root $ROOT is not a directory"
        ROOT=$(cd "$ROOT" && pwd -P)
        [ "$ROOT" != / ] || usage_error "--root / is the real system: leave --root out instead"
        START=no
    fi

    if [ "$HAVE_SERVER" = yes ]; then
        SERVER=$(printf '%s' "$SERVER" | sed 's#/*$##')
        case $SERVER in
            http://*|https://*) ;;
            '') usage_error "--server needs a URL, e.g. --server https://topograph.example.com" ;;
            *) usage_error "--server must be an http:// or https:// URL, got: $SERVER" ;;
        esac
        matches "$SERVER" '^https?://[[A-Za-z0-9][][A-Za-z0-9._~%+:@-]*(/[A-Za-z0-9._~%+:@/-]*)?$' \
            || usage_error "--server is not a valid server URL (no spaces, quotes, query or fragment): $SERVER"
    fi
    if [ "$HAVE_TOKEN" = yes ] && [ -n "$TOKEN" ]; then
        matches "$TOKEN" '^tge_[A-Za-z0-9_-]{1,200}$' \
            || usage_error "--token must be an enrollment token: tge_ followed by letters, digits, '-' or '_'"
    fi
    if [ "$HAVE_NAME" = yes ] && [ -n "$DAEMON_NAME" ]; then
        matches "$DAEMON_NAME" '^[A-Za-z0-9]([A-Za-z0-9 ._-]{0,98}[A-Za-z0-9._-])?$' \
            || usage_error "--name must be 1 to 100 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit"
    fi
    if [ "$HAVE_TARGETS" = yes ] && [ -n "$TARGETS" ]; then
        matches "$TARGETS" '^[A-Za-z0-9.:/,_ -]{1,2000}$' \
            || usage_error "--default-targets must be IPs, CIDRs or ranges separated by commas, e.g. 192.168.1.0/24,10.0.0.1-10.0.0.20"
    fi
    if [ -n "$JAVA_OPT" ]; then
        case $JAVA_OPT in
            /home/*|/root/*) usage_error "--java $JAVA_OPT: the service cannot run a java under /home or /root; install one elsewhere (e.g. under /opt)" ;;
            /*) ;;
            *) usage_error "--java needs an absolute path, e.g. --java /usr/lib/jvm/java-17-openjdk-amd64/bin/java" ;;
        esac
    fi

    P_JAR_DIR=$ROOT$JAR_DIR
    P_JAR=$ROOT$JAR
    P_CONF_DIR=$ROOT$CONF_DIR
    P_CONF=$ROOT$CONF
    P_STATE_DIR=$ROOT$STATE_DIR
    P_UNIT=$ROOT$UNIT
}

# systemctl is called only by a real install (no --root) that was not told --no-start.
use_systemctl() { [ -z "$ROOT" ] && [ "$START" = yes ]; }

# ---------------------------------------------------------------------------------------------
# Helpers

TMP=
cleanup() { if [ -n "$TMP" ]; then rm -rf "$TMP"; fi; }

# Value of KEY $1 in the existing config file (the last one wins; one pair of quotes removed).
conf_value() {
    [ -f "$P_CONF" ] || return 0
    sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$P_CONF" | tail -n 1 \
        | sed "s/[[:space:]]*\$//; s/^\"\\(.*\\)\"\$/\\1/; s/^'\\(.*\\)'\$/\\1/"
}

sha256_of() {
    if have sha256sum; then
        sha256sum "$1" | cut -d' ' -f1
    elif have shasum; then
        shasum -a 256 "$1" | cut -d' ' -f1
    elif have openssl; then
        openssl dgst -sha256 -r "$1" | cut -d' ' -f1
    else
        die "no SHA-256 tool found (sha256sum, shasum or openssl): cannot verify the download; nothing was installed"
    fi
}

# Downloads URL $1 into file $2.
download() {
    if have curl; then
        curl -fsSL --proto '=http,https' --retry 3 --connect-timeout 15 -o "$2" "$1" </dev/null \
            || die "could not download $1 (is --server right and the server reachable?); nothing was installed"
    elif have wget; then
        wget -q -T 15 -t 3 -O "$2" "$1" </dev/null \
            || die "could not download $1 (is --server right and the server reachable?); nothing was installed"
    else
        die "neither curl nor wget is installed: install one of them and run the installer again"
    fi
}

# The major version of java $1 ("1.8.0_392" → 8, "17.0.9" → 17, "21-ea" → 21), or nothing.
java_major() {
    "$1" -version </dev/null 2>&1 | sed -n 's/^.* version "\([^"]*\)".*$/\1/p' | head -n 1 \
        | sed 's/^1\.\([0-9]*\).*/\1/; s/^\([0-9]*\).*/\1/'
}

java_ok() {
    [ -f "$1" ] && [ -x "$1" ] || return 1
    jo_major=$(java_major "$1")
    [ -n "$jo_major" ] && [ "$jo_major" -ge 17 ]
}

# Prints an absolute path to a java 17+, or nothing. A java under /home or /root is passed
# over: the service cannot reach it (ProtectHome, and the daemon user may not read it).
find_java() {
    if [ -n "$JAVA_OPT" ]; then
        if java_ok "$JAVA_OPT"; then printf '%s\n' "$JAVA_OPT"; fi
        return 0
    fi
    for fj_candidate in "$(command -v java 2>/dev/null || true)" /usr/bin/java /usr/lib/jvm/*/bin/java; do
        case $fj_candidate in /home/*|/root/*) continue ;; /*) ;; *) continue ;; esac
        if java_ok "$fj_candidate"; then
            printf '%s\n' "$fj_candidate"
            return 0
        fi
    done
}

install_java() {
    say "No Java 17 or newer found: installing a headless Java runtime with the package manager"
    if have apt-get; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq </dev/null || warn "apt-get update failed; trying the install anyway"
        for ij_pkg in openjdk-17-jre-headless openjdk-21-jre-headless default-jre-headless; do
            if apt-get install -y -qq --no-install-recommends "$ij_pkg" </dev/null >/dev/null; then return 0; fi
        done
    elif have dnf; then
        for ij_pkg in java-17-openjdk-headless java-21-openjdk-headless; do
            if dnf install -y -q "$ij_pkg" </dev/null; then return 0; fi
        done
    elif have yum; then
        for ij_pkg in java-17-openjdk-headless java-21-openjdk-headless; do
            if yum install -y -q "$ij_pkg" </dev/null; then return 0; fi
        done
    elif have apk; then
        for ij_pkg in openjdk17-jre-headless openjdk21-jre-headless; do
            if apk add --no-cache -q "$ij_pkg" </dev/null; then return 0; fi
        done
    elif have zypper; then
        for ij_pkg in java-17-openjdk-headless java-21-openjdk-headless; do
            if zypper --non-interactive --quiet install "$ij_pkg" </dev/null; then return 0; fi
        done
    else
        die "no supported package manager (apt-get, dnf, yum, apk, zypper): install Java 17 or newer and run the installer again (or pass --java PATH)"
    fi
    die "could not install a Java runtime: install Java 17 or newer and run the installer again (or pass --java PATH)"
}

# Installs file $1 as $2 with mode $3 when the content differs: a temp file in the target
# directory, then an atomic rename. Sets WROTE to yes or no, and CHANGED to yes when it wrote.
put_file() {
    WROTE=no
    if [ -f "$2" ] && cmp -s "$1" "$2"; then
        chmod "$3" "$2"
        return 0
    fi
    pf_tmp=$(mktemp "$(dirname "$2")/.$(basename "$2").XXXXXX")
    cat "$1" > "$pf_tmp"
    chmod "$3" "$pf_tmp"
    mv -f "$pf_tmp" "$2"
    WROTE=yes
    CHANGED=yes
}

# ---------------------------------------------------------------------------------------------
# Uninstall

uninstall() {
    if [ -z "$ROOT" ] && ! is_root; then
        die "run the uninstaller as root (e.g. with sudo)"
    fi
    un_removed=no
    if use_systemctl && have systemctl && [ -d /run/systemd/system ]; then
        if [ -f "$P_UNIT" ] || systemctl cat "$NAME.service" >/dev/null 2>&1; then
            say "Stopping and disabling $NAME.service"
            systemctl disable --now "$NAME.service" >/dev/null 2>&1 || true
        fi
    elif [ -z "$ROOT" ] && [ -f "$P_UNIT" ]; then
        warn "systemctl was not called: stop the service yourself if it is running (systemctl disable --now $NAME)"
    fi
    if [ -e "$P_UNIT" ]; then rm -f "$P_UNIT"; un_removed=yes; say "Removed $P_UNIT"; fi
    if use_systemctl && have systemctl && [ -d /run/systemd/system ]; then
        systemctl daemon-reload || true
        systemctl reset-failed "$NAME.service" >/dev/null 2>&1 || true
    fi
    if [ -e "$P_JAR" ]; then rm -f "$P_JAR"; un_removed=yes; say "Removed $P_JAR"; fi
    if [ -d "$P_JAR_DIR" ]; then
        rm -f "$P_JAR_DIR"/.topograph-daemon.jar.*
        rmdir "$P_JAR_DIR" 2>/dev/null || warn "$P_JAR_DIR holds other files: left in place"
    fi
    if [ "$PURGE" = yes ]; then
        if [ -e "$P_CONF_DIR" ]; then rm -rf "$P_CONF_DIR"; un_removed=yes; say "Removed $P_CONF_DIR (the configuration)"; fi
        if [ -e "$P_STATE_DIR" ]; then rm -rf "$P_STATE_DIR"; un_removed=yes; say "Removed $P_STATE_DIR (the enrollment)"; fi
        if [ -z "$ROOT" ] && id "$USER_NAME" >/dev/null 2>&1; then
            if have userdel; then
                userdel "$USER_NAME" || true
            elif have deluser; then
                deluser "$USER_NAME" >/dev/null || true
            fi
            if id "$USER_NAME" >/dev/null 2>&1; then
                warn "could not remove the user $USER_NAME"
            else
                un_removed=yes
                say "Removed the user $USER_NAME"
            fi
        fi
    elif [ -e "$P_CONF" ] || [ -e "$P_STATE_DIR" ]; then
        say "Kept $P_CONF and $P_STATE_DIR (the enrollment): installing again reuses them; --uninstall --purge removes them"
    fi
    if [ "$un_removed" = yes ]; then
        say "The Topograph daemon is uninstalled."
    else
        say "The Topograph daemon is not installed: nothing to remove."
    fi
    if [ -n "$ROOT" ]; then
        say "(--root: systemctl was not called and no user was removed)"
    fi
}

# ---------------------------------------------------------------------------------------------
# Install: check everything first, download and verify into a temp directory, only then write.

prepare() {
    if [ -z "$ROOT" ] && ! is_root; then
        die "run the installer as root, e.g.: curl -fsSL <server>$DOWNLOADS/install.sh | sudo sh -s -- --server <url> --token <token>"
    fi
    [ "$(uname -s)" = Linux ] || die "this installer is for Linux; elsewhere run the daemon's container image"

    if [ "$HAVE_SERVER" = no ]; then
        SERVER=$(conf_value TOPOGRAPH_SERVER | sed 's#/*$##')
        [ -n "$SERVER" ] || usage_error "--server is required: the URL of your Topograph server, e.g. --server https://topograph.example.com"
        matches "$SERVER" '^https?://[^[:space:]]+$' || die "$P_CONF has no usable TOPOGRAPH_SERVER: pass --server"
        say "Using the configured server $SERVER"
    fi

    if use_systemctl; then
        if ! have systemctl || [ ! -d /run/systemd/system ]; then
            die "this system does not run systemd, so nothing was installed. Use --no-start to install only the files, or run the daemon's container image"
        fi
    fi

    TMP=$(mktemp -d "${TMPDIR:-/tmp}/topograph-install.XXXXXX")

    say "Downloading the daemon's checksum from $SERVER"
    download "$SERVER$DOWNLOADS/topograph-daemon.jar.sha256" "$TMP/jar.sha256"
    EXPECTED=$(head -n 1 "$TMP/jar.sha256" | cut -d' ' -f1 | tr 'ABCDEF' 'abcdef')
    matches "$EXPECTED" '^[0-9a-f]{64}$' \
        || die "$SERVER$DOWNLOADS/topograph-daemon.jar.sha256 is not a SHA-256 checksum: is $SERVER a Topograph server? Nothing was installed."

    NEW_JAR=
    if [ -f "$P_JAR" ] && [ "$(sha256_of "$P_JAR")" = "$EXPECTED" ]; then
        say "The installed daemon jar is up to date (sha256 $EXPECTED)"
    else
        say "Downloading the daemon jar"
        download "$SERVER$DOWNLOADS/topograph-daemon.jar" "$TMP/topograph-daemon.jar"
        pr_actual=$(sha256_of "$TMP/topograph-daemon.jar")
        if [ "$pr_actual" != "$EXPECTED" ]; then
            die "checksum mismatch: the downloaded jar has sha256 $pr_actual but the server published $EXPECTED. The download is damaged or was tampered with; nothing was installed or replaced."
        fi
        say "Checksum verified (sha256 $EXPECTED)"
        NEW_JAR=$TMP/topograph-daemon.jar
    fi

    download "$SERVER$DOWNLOADS/topograph-daemon.service" "$TMP/unit"
    if ! grep -q '^\[Service\]' "$TMP/unit" || ! grep -q '^ExecStart=/usr/bin/java ' "$TMP/unit"; then
        die "$SERVER$DOWNLOADS/topograph-daemon.service is not the daemon's systemd unit: nothing was installed"
    fi

    JAVA=$(find_java)
    if [ -z "$JAVA" ]; then
        if [ -n "$JAVA_OPT" ]; then
            die "--java $JAVA_OPT is not a Java 17 or newer runtime: nothing was installed"
        elif [ -n "$ROOT" ]; then
            die "no Java 17 or newer found, and --root never installs packages: install Java 17+ or pass --java PATH. Nothing was installed."
        fi
        install_java
        JAVA=$(find_java)
        [ -n "$JAVA" ] || die "a Java runtime was installed but no Java 17 or newer is found: install one and run the installer again (or pass --java PATH)"
    fi
    case $JAVA in *[[:space:]]*) die "the java path \"$JAVA\" contains spaces, which a systemd ExecStart cannot take: pass --java with another path" ;; esac
    say "Using Java $(java_major "$JAVA") at $JAVA"

    # The unit as served, with this machine's java in ExecStart (escaping & # \ for sed).
    pr_java_sed=$(printf '%s' "$JAVA" | sed 's/[&#\\]/\\&/g')
    sed "s#^ExecStart=/usr/bin/java #ExecStart=$pr_java_sed #" "$TMP/unit" > "$TMP/unit.final"

    OLD_SERVER=$(conf_value TOPOGRAPH_SERVER | sed 's#/*$##')

    # The configuration: the existing file with the given keys replaced in place (or added at
    # the end), every other line kept. A key that is not given keeps its value; one given
    # empty (--name '') is removed.
    : > "$TMP/conf.sets"
    printf 'TOPOGRAPH_SERVER=%s\n' "$SERVER" >> "$TMP/conf.sets"
    if [ "$HAVE_TOKEN" = yes ]; then printf 'TOPOGRAPH_ENROLLMENT_TOKEN=%s\n' "$TOKEN" >> "$TMP/conf.sets"; fi
    if [ "$HAVE_NAME" = yes ]; then printf 'TOPOGRAPH_DAEMON_NAME=%s\n' "$DAEMON_NAME" >> "$TMP/conf.sets"; fi
    if [ "$HAVE_TARGETS" = yes ]; then printf 'TOPOGRAPH_DEFAULT_TARGETS=%s\n' "$TARGETS" >> "$TMP/conf.sets"; fi
    if [ -z "$(conf_value TOPOGRAPH_STATE_DIR)" ]; then printf 'TOPOGRAPH_STATE_DIR=%s\n' "$STATE_DIR" >> "$TMP/conf.sets"; fi
    if [ -f "$P_CONF" ]; then
        cp "$P_CONF" "$TMP/conf.old"
    else
        printf '%s\n' "# Topograph daemon configuration (KEY=VALUE lines), written by install.sh and read by" \
            "# the daemon and by systemd (EnvironmentFile). It holds the enrollment token: keep it mode 0600." \
            > "$TMP/conf.old"
    fi
    awk '
        function put(k) { if (line[k] != k "=") print line[k]; done[k] = 1 }
        NR == FNR { key = $0; sub(/=.*/, "", key); line[key] = $0; order[++n] = key; next }
        {
            k = $0; sub(/^[ \t]*/, "", k); sub(/[ \t]*=.*/, "", k)
            if ((k in line) && index($0, "=") > 0) {
                if (!(k in done)) put(k)
                next
            }
            print
        }
        END { for (i = 1; i <= n; i++) if (!(order[i] in done)) put(order[i]) }
    ' "$TMP/conf.sets" "$TMP/conf.old" > "$TMP/conf.new"
}

write_files() {
    CHANGED=no
    wf_owner=
    if [ -z "$ROOT" ]; then
        if ! id "$USER_NAME" >/dev/null 2>&1; then
            wf_nologin=/usr/sbin/nologin
            [ -x "$wf_nologin" ] || wf_nologin=/sbin/nologin
            [ -x "$wf_nologin" ] || wf_nologin=/bin/false
            if have useradd; then
                useradd --system --user-group --home-dir "$STATE_DIR" --no-create-home \
                    --shell "$wf_nologin" --comment "Topograph discovery daemon" "$USER_NAME"
            elif have adduser && have addgroup; then
                # BusyBox (Alpine)
                addgroup -S "$USER_NAME"
                adduser -S -D -H -h "$STATE_DIR" -s "$wf_nologin" -G "$USER_NAME" "$USER_NAME"
            else
                die "neither useradd nor adduser is available: cannot create the user $USER_NAME"
            fi
            say "Created the system user $USER_NAME"
            CHANGED=yes
        fi
        wf_owner=$USER_NAME
    else
        say "--root: the user $USER_NAME is not created and file owners are not changed (a real install does both)"
    fi

    mkdir -p "$P_JAR_DIR" "$P_CONF_DIR" "$P_STATE_DIR" "$(dirname "$P_UNIT")"
    chmod 0755 "$P_JAR_DIR"
    chmod 0750 "$P_CONF_DIR"
    chmod 0700 "$P_STATE_DIR"
    if [ -n "$wf_owner" ]; then
        chown "root:$wf_owner" "$P_CONF_DIR"
        chown "$wf_owner:$wf_owner" "$P_STATE_DIR"
    fi

    if [ -n "$NEW_JAR" ]; then
        put_file "$NEW_JAR" "$P_JAR" 0644
        if [ "$WROTE" = yes ]; then say "Installed $P_JAR"; fi
    else
        chmod 0644 "$P_JAR"
    fi

    put_file "$TMP/conf.new" "$P_CONF" 0600
    if [ -n "$wf_owner" ]; then chown "$wf_owner:$wf_owner" "$P_CONF"; fi
    if [ "$WROTE" = yes ]; then say "Wrote $P_CONF"; fi
    if [ -f "$P_STATE_DIR/daemon.json" ]; then
        if [ -n "$TOKEN" ]; then
            say "Note: this daemon is already enrolled ($P_STATE_DIR/daemon.json): it keeps its credential; the token is used only if that file is removed"
        fi
        if [ -n "$OLD_SERVER" ] && [ "$OLD_SERVER" != "$SERVER" ]; then
            say "Note: the server changed from $OLD_SERVER, but the daemon is enrolled there. To move it, run --uninstall --purge, then install with a token of the new server"
        fi
    fi

    put_file "$TMP/unit.final" "$P_UNIT" 0644
    if [ "$WROTE" = yes ]; then say "Installed $P_UNIT"; fi

    if [ "$CHANGED" = no ]; then
        say "Everything was already installed and up to date: nothing changed."
    fi
}

start() {
    if use_systemctl; then
        systemctl daemon-reload
        systemctl enable --quiet "$NAME.service"
        if [ "$CHANGED" = yes ]; then
            systemctl restart "$NAME.service"
        else
            systemctl start "$NAME.service"
        fi
        say "The Topograph daemon is running. Status: systemctl status $NAME; logs: journalctl -u $NAME -f"
    elif [ -n "$ROOT" ]; then
        say "Installed into $ROOT (--root: systemctl was not called)."
    else
        say "Installed (--no-start). Start it with: systemctl daemon-reload && systemctl enable --now $NAME"
    fi
}

main() {
    parse_args "$@"
    validate_args
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    if [ "$ACTION" = uninstall ]; then
        uninstall
    else
        prepare
        write_files
        start
    fi
}

main "$@"
