#!/bin/sh
echo "golden: 0 passed, 0 failed"
