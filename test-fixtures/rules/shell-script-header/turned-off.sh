#!/usr/bin/env bash
set -euo pipefail
set +u
source ./venv/bin/activate
