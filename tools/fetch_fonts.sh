#!/bin/sh
# Fetches the bundled fonts (Lato, OpenDyslexic) and their licences from Debian's font packages into assets/fonts/.
# Run from anywhere on a Debian machine with apt: sh tools/fetch_fonts.sh
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
dest="$here/assets/fonts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
apt-get download fonts-lato fonts-opendyslexic
for deb in ./*.deb; do
    dpkg -x "$deb" root
done

mkdir -p "$dest"
for style in Regular Bold Italic BoldItalic; do
    cp root/usr/share/fonts/truetype/lato/Lato-$style.ttf "$dest/"
    cp root/usr/share/fonts/opentype/opendyslexic/OpenDyslexic-$style.otf "$dest/"
done
cp root/usr/share/doc/fonts-lato/copyright "$dest/LICENSE-Lato.txt"
cp root/usr/share/doc/fonts-opendyslexic/copyright "$dest/LICENSE-OpenDyslexic.txt"
find root -iname 'OFL*.txt' -exec cp {} "$dest/" \;

for deb in ./*.deb; do
    dpkg-deb -f "$deb" Package Version | paste -sd' '
done
ls -l "$dest"
