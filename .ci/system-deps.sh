#!/bin/sh
# Debian packages the project needs, installed only when missing:
#   build   — ICU headers and pkg-config, for PyICU (Turkish collation); Debian's Chromium
#             and the Liberation fonts, which print the edition's PDF
#   node    — Node.js and npm, which run citeproc-js (the citations) and the test tools
#   browser — Debian's Chromium, which the browser tests drive through Playwright, a Java
#             runtime for the Nu Html Checker, and EPUBCheck, which validates the EPUBs
set -eu
need=""
case "${1:-build}" in
  build)
    command -v pkg-config >/dev/null 2>&1 && pkg-config --exists icu-i18n 2>/dev/null \
      || need="libicu-dev pkg-config"
    [ -x /usr/bin/chromium ] || need="$need chromium"
    [ -f /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] \
      || need="$need fonts-liberation"
    ;;
  node)
    command -v node >/dev/null 2>&1 || need="nodejs"
    command -v npm >/dev/null 2>&1 || need="$need npm"
    ;;
  browser)
    [ -x /usr/bin/chromium ] || need="chromium"
    command -v java >/dev/null 2>&1 || need="$need default-jre-headless"
    [ -f /usr/share/java/epubcheck.jar ] || need="$need epubcheck"
    ;;
esac
[ -z "$need" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: $need (install them with: sudo apt-get install $need)" >&2
  exit 2
fi
echo "installing Debian packages: $need" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
