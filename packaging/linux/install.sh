#!/bin/sh
# Install this CX Workshop bundle for the current user, with no root password:
#
#     ./install.sh              (from the unpacked dist/cxworkshop folder)
#
# It copies the folder to ~/.local/lib/cxworkshop, links ~/.local/bin/cxworkshop to it, and
# puts the .desktop file, the AppStream metadata and the icons in ~/.local/share, so CX Workshop
# shows in the desktop's list of applications. PREFIX=/some/where ./install.sh installs there
# instead of ~/.local. Running it again replaces the copy. To remove it, see docs/packaging.md.
set -eu

APP_ID=org.cxworkshop.CXWorkshop
here=$(cd "$(dirname "$0")" && pwd -P)
prefix=${PREFIX:-$HOME/.local}
dest=$prefix/lib/cxworkshop

if [ ! -x "$here/cxworkshop" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run the install.sh inside the cxworkshop bundle folder." >&2
    exit 2
fi
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share"
if [ -e "$dest" ] && [ "$(cd "$dest" && pwd -P)" = "$here" ]; then
    echo "install.sh: this bundle is the installed one already ($dest)." >&2
    exit 2
fi
if [ -e "$dest" ]; then
    # Replace only what is recognisably an earlier copy of the bundle.
    if [ ! -x "$dest/cxworkshop" ] || [ ! -d "$dest/_internal" ]; then
        echo "install.sh: $dest exists and is not a CX Workshop bundle; move it away first." >&2
        exit 2
    fi
    rm -rf "$dest"
fi
cp -R "$here" "$dest"
ln -sf "$dest/cxworkshop" "$prefix/bin/cxworkshop"
cp -R "$here/share/." "$prefix/share/"
# The menu starts the program by its full path: a desktop session's PATH may lack ~/.local/bin.
desktop=$prefix/share/applications/$APP_ID.desktop
sed -e "s|^Exec=.*|Exec=\"$dest/cxworkshop\" %f|" -e "s|^TryExec=.*|TryExec=$dest/cxworkshop|" \
    "$here/share/applications/$APP_ID.desktop" > "$desktop"
command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database -q "$prefix/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
echo "Installed CX Workshop in $dest; start it from the applications menu or with $prefix/bin/cxworkshop."
