#!/usr/bin/env bash
# Installs the system libraries flrisk builds against (libcsv, libxml2 and pkg-config to find
# libxml2), when they are missing. As root it uses apt-get; otherwise it prints the command.
set -euo pipefail

packages=()
[ -f /usr/include/csv.h ] || packages+=(libcsv-dev)
command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
if ! pkg-config --exists libxml-2.0 2>/dev/null; then packages+=(libxml2-dev); fi

if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "flrisk needs: ${packages[*]}" >&2
  echo "install them with: sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
  exit 1
fi
echo "Installing ${packages[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
