"""Prints the O0c command bench/lib builds for a compile_commands.json entry
whose arguments name the input relative to the directory while "file" is
absolute (CMake's form)."""
import os
import sys

sys.path.insert(0, os.path.join(sys.argv[1], "bench", "lib"))
import fearless_bench as fb  # noqa: E402

entry = {
    "directory": "/build/pbzip2",
    "arguments": ["/usr/bin/c++", "-c", "-DX", "-o", "pbzip2", "pbzip2.cpp"],
    "file": "/build/pbzip2/pbzip2.cpp",
}
tu = fb.TU({}, entry)
print(" ".join(tu.command("O0c")))
