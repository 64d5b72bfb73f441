#!/bin/sh
# Install (or remove) Palimpsest's launchers, menu entry, icons and AppStream data for
# one user, from this unpacked folder. Nothing is copied but those small files: the
# programs stay in this folder, so keep it where it is (or run this again after moving it).
#
#   ./install.sh               # into ~/.local (bin/ and share/)
#   ./install.sh --prefix DIR  # into DIR/bin and DIR/share (e.g. /usr/local, as root)
#   ./install.sh --uninstall   # remove what it installed
set -eu

usage() { echo "usage: $0 [--prefix DIR] [--uninstall]"; }

here=$(cd "$(dirname "$0")" && pwd -P)
prefix="${HOME}/.local"
action=install
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { usage >&2; exit 2; }; prefix=$2; shift 2 ;;
        --uninstall) action=uninstall; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

app_id=io.github.palimpsest.Palimpsest
bin="$prefix/bin"
share="$prefix/share"
icon_files=$(cd "$here/share" && find icons -type f | sort)

refresh_caches() {
    # Menus and file managers notice new entries sooner with these; both are optional.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
    fi
}

if [ "$action" = uninstall ]; then
    rm -f "$bin/palimpsest" "$bin/palimpsest-cli" \
          "$share/applications/palimpsest.desktop" "$share/metainfo/$app_id.metainfo.xml"
    for f in $icon_files; do rm -f "$share/$f"; done
    refresh_caches
    echo "Palimpsest's launchers and menu entry are removed; delete $here to remove the program."
    exit 0
fi

# Both paths end up inside a desktop entry, a sed expression and a shell script.
for path in "$here" "$bin"; do
    case "$path" in
        *[\"\`\$\\%\|]*) echo "install.sh: cannot install from or into a path with \" \` \$ \\ % or |: $path" >&2
                        exit 2 ;;
    esac
done

mkdir -p "$bin" "$share/applications" "$share/metainfo"
for program in palimpsest palimpsest-cli; do
    # A small script, not a symbolic link: the program finds its libraries beside itself.
    printf '#!/bin/sh\nexec "%s/%s" "$@"\n' "$here" "$program" > "$bin/$program"
    chmod 755 "$bin/$program"
done
# The menu entry runs the launcher by its full path: ~/.local/bin is not always on PATH.
sed -e "s|^Exec=palimpsest |Exec=\"$bin/palimpsest\" |" -e "s|^TryExec=palimpsest\$|TryExec=$bin/palimpsest|" \
    "$here/share/applications/palimpsest.desktop" > "$share/applications/palimpsest.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$share/metainfo/"
for f in $icon_files; do
    mkdir -p "$(dirname "$share/$f")"
    cp "$here/share/$f" "$share/$f"
done
refresh_caches
echo "Palimpsest is installed: $bin/palimpsest, and in the applications menu."
case ":${PATH}:" in
    *":$bin:"*) ;;
    *) echo "Add $bin to PATH to run palimpsest and palimpsest-cli from a shell." ;;
esac
