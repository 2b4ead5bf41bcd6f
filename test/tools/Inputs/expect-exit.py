#!/usr/bin/env python3
"""expect-exit.py STATUS COMMAND...: runs COMMAND, passes its output through,
and fails unless it exits with STATUS (lit's `not` accepts any failure)."""
import subprocess
import sys

want = int(sys.argv[1])
status = subprocess.call(sys.argv[2:])
if status != want:
    sys.stderr.write("expect-exit: %r exited %d, expected %d\n" %
                     (sys.argv[2:], status, want))
    sys.exit(1)
