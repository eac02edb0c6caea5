#!/bin/sh
echo "written on Windows"
