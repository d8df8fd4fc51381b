#!/bin/bash -eu
set -o pipefail
echo ok
