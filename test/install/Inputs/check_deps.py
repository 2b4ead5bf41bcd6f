"""Checks that every shared library the packaged binaries need directly
(their DT_NEEDED entries) comes from a package the .deb depends on."""
import glob
import os
import re
import subprocess
import sys

root, deb = sys.argv[1], sys.argv[2]
depends = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], capture_output=True,
                         text=True, check=True).stdout
declared = {re.split(r"[ (]", d.strip())[0] for d in depends.split(",")}


def owner(path):
    """The package owning a library file, trying the paths dpkg may know."""
    candidates = {path, os.path.realpath(path)}
    for p in list(candidates):
        if p.startswith("/usr/lib/"):
            candidates.add(p[len("/usr"):])
        elif p.startswith("/lib/"):
            candidates.add("/usr" + p)
    for p in candidates:
        out = subprocess.run(["dpkg", "-S", p], capture_output=True,
                             text=True).stdout
        if out:
            return out.split(":")[0]
    return None


missing = []
binaries = glob.glob(os.path.join(root, "usr/bin/*")) + \
    glob.glob(os.path.join(root, "usr/lib/fearless/*.so"))
for binary in binaries:
    dyn = subprocess.run(["readelf", "-d", binary], capture_output=True,
                         text=True).stdout
    needed = re.findall(r"\(NEEDED\).*\[(.*)\]", dyn)
    resolved = {}
    for line in subprocess.run(["ldd", binary], capture_output=True,
                               text=True).stdout.splitlines():
        m = re.match(r"\s*(\S+) => (/\S+)", line)
        if m:
            resolved[m.group(1)] = m.group(2)
    for soname in needed:
        path = resolved.get(soname)
        if soname.startswith("ld-linux"):
            continue
        if not path:
            missing.append(f"{os.path.basename(binary)}: {soname} not found")
            continue
        pkg = owner(path)
        # libLLVM and libclang-cpp may resolve through llvm-22-dev's symlinks
        # to the runtime packages' files.
        if pkg and pkg.startswith("llvm-22") and (
                "libLLVM" in soname or "libclang-cpp" in soname):
            pkg = "libllvm22" if "libLLVM" in soname else "libclang-cpp22"
        if pkg not in declared:
            missing.append(f"{os.path.basename(binary)}: {soname} from {pkg}")
if missing:
    print("libraries from undeclared packages:\n  " + "\n  ".join(missing))
    sys.exit(1)
print("every needed library comes from a declared dependency")
