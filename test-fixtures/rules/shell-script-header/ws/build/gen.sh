#!/bin/bash
echo generated
