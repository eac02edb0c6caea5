#!/bin/nosuchshell
echo never
