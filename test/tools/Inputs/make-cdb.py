#!/usr/bin/env python3
"""make-cdb.py DIR FLAGS... -- FILES...: writes DIR/compile_commands.json
compiling each FILE (relative to DIR) with FLAGS, as a build system would."""
import json
import os
import sys

directory = os.path.abspath(sys.argv[1])
sep = sys.argv.index("--")
flags, files = sys.argv[2:sep], sys.argv[sep + 1:]
commands = [{"directory": directory, "file": f,
             "arguments": ["/usr/bin/c++"] + flags + ["-c", f, "-o", f + ".o"]}
            for f in files]
with open(os.path.join(directory, "compile_commands.json"), "w") as out:
    json.dump(commands, out, indent=1)
