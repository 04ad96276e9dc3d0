# Shared set-up for Scripts/neurite, Scripts/test and Scripts/bench (sourced, not run).
# Installs the Debian packages Neurite needs when they are missing (as root), and sets a
# UTF-8 locale so libedit keeps non-ASCII input whatever LANG the caller had.

neurite_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# ensure_packages PKG... : install any missing Debian package (needs root and apt-get).
ensure_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "neurite: missing Debian packages: ${missing[*]} (install them with apt-get as root)" >&2
        return 1
    fi
    echo "neurite: installing ${missing[*]} …" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
        >/dev/null || { echo "neurite: apt-get install ${missing[*]} failed" >&2; return 1; }
}

# The swift toolchain: on PATH, or in /opt/swift as on this project's machines.
ensure_swift() {
    command -v swift >/dev/null 2>&1 && return 0
    if [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="/opt/swift/usr/bin:$PATH"
        return 0
    fi
    echo "neurite: the Swift toolchain was not found (expected 'swift' on PATH or /opt/swift)" >&2
    return 1
}

# A UTF-8 locale: keep the caller's if it is UTF-8, else C.UTF-8 (always present on Debian).
ensure_utf8_locale() {
    case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
        *UTF-8*|*utf8*|*UTF8*|*utf-8*) ;;
        *) export LANG=C.UTF-8; unset LC_ALL ;;
    esac
}

# ensure_test_venv : a Python virtual environment under .build/test-venv with numpy, safetensors and
# nbformat from PyPI (made once, reused while all import).
ensure_test_venv() {
    local venv="$neurite_root/.build/test-venv"
    if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import numpy, safetensors, nbformat' 2>/dev/null; then
        return 0
    fi
    echo "neurite: making the test venv in .build/test-venv (numpy, safetensors, nbformat) …" >&2
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv" \
        && "$venv/bin/pip" install --quiet --disable-pip-version-check --no-input numpy safetensors nbformat \
        || { echo "neurite: could not make the test venv" >&2; return 1; }
}
