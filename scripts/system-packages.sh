#!/usr/bin/env bash
# Install the Debian/Ubuntu packages a target needs, only those missing, with sudo when not root.
set -euo pipefail

want=()
case "${1:-}" in
  python)
    python3 -c 'import venv, ensurepip' 2>/dev/null || want+=(python3-venv)
    ;;
  gettext)
    command -v msgfmt >/dev/null || want+=(gettext)
    ;;
  test)
    command -v msgfmt >/dev/null || want+=(gettext)
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want+=(postgresql)
    command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || want+=(chromium)
    command -v java >/dev/null || want+=(default-jre-headless)
    command -v npm >/dev/null || want+=(npm)
    command -v redis-server >/dev/null || want+=(redis-server)
    # The model deliberation is opened in LibreOffice (tests/directory/test_docx_in_libreoffice.py).
    command -v soffice >/dev/null || want+=(libreoffice-writer-nogui)
    ;;
  bench)
    command -v wrk >/dev/null || want+=(wrk)
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want+=(postgresql)
    ;;
  *)
    echo "usage: $0 python|gettext|test|bench" >&2
    exit 2
    ;;
esac

[ ${#want[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${want[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${want[@]}"
