#!/usr/bin/env bash
echo no strict mode
