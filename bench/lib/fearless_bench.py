"""Shared helpers of the fearless benchmark scripts (bench/*).

Python 3 standard library only. Everything here is about running clang-22 on
translation units taken from a compile_commands.json: where the corpus cache
lives, how a TU's compile command is turned into a -fsyntax-only or -O0 -c
command with or without the plugin, and how a run is classified (ok, compile
error, crash, timeout).
"""

import atexit
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LLVM_BIN = "/usr/lib/llvm-22/bin"
CLANG = os.path.join(LLVM_BIN, "clang")
CLANGXX = os.path.join(LLVM_BIN, "clang++")
CLANG_TIDY = os.path.join(LLVM_BIN, "clang-tidy")
DEFAULT_PLUGIN = os.path.join(REPO, "build", "lib", "fearless.so")


def default_cache():
    """The corpus cache: outside the repository, overridable with --cache."""
    if os.geteuid() == 0 or os.access("/var/cache", os.W_OK):
        return "/var/cache/fearless-corpus"
    return os.path.join(os.path.expanduser("~"), ".cache", "fearless-corpus")


def add_common_args(parser, plugin=True):
    parser.add_argument("--cache", default=default_cache(),
                        help="corpus cache directory (default: %(default)s)")
    if plugin:
        parser.add_argument("--plugin", default=DEFAULT_PLUGIN,
                            help="fearless.so to test; copied to a temporary "
                                 "directory first (default: %(default)s)")


def snapshot_plugin(path):
    """Copies the plugin so that a concurrent rebuild cannot change it mid-run."""
    if not os.path.isfile(path):
        raise SystemExit("error: no plugin at %s (build it with tools/build)" % path)
    tmp = tempfile.mkdtemp(prefix="fearless-plugin-")
    atexit.register(shutil.rmtree, tmp, True)
    dest = os.path.join(tmp, "fearless.so")
    shutil.copy2(path, dest)
    return dest


def plugin_identity(path):
    st = os.stat(path)
    return "%s (%d bytes, built %s)" % (
        path, st.st_size, time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(st.st_mtime)))


def git_head():
    try:
        return subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def machine_summary():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "%.0f GiB" % (kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    clang_version = subprocess.run([CLANGXX, "--version"], capture_output=True,
                                   text=True).stdout.splitlines()[0]
    return "%s, %d cores, %s RAM; %s" % (cpu, os.cpu_count() or 0, mem, clang_version)


# ---------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------

def load_corpus(cache, projects=None):
    manifest = os.path.join(cache, "corpus.json")
    if not os.path.isfile(manifest):
        raise SystemExit("error: no corpus in %s; run bench/fetch-corpus --cache %s"
                         % (cache, cache))
    with open(manifest) as f:
        corpus = json.load(f)
    if projects:
        wanted = set(projects)
        unknown = wanted - {p["name"] for p in corpus}
        if unknown:
            raise SystemExit("error: unknown project(s) %s; known: %s" % (
                ", ".join(sorted(unknown)), ", ".join(p["name"] for p in corpus)))
        corpus = [p for p in corpus if p["name"] in wanted]
    return corpus


class TU:
    """One compile_commands.json entry, reduced to what we need."""

    def __init__(self, project, entry):
        self.project = project
        self.directory = entry["directory"]
        if "arguments" in entry:
            argv = list(entry["arguments"])
        else:
            argv = shlex.split(entry["command"])
        self.file = os.path.normpath(os.path.join(self.directory, entry["file"]))
        self.is_c = self.file.endswith(".c")
        self.flags = clean_flags(argv[1:], entry["file"], self.file, self.directory)

    def rel(self, src_root):
        try:
            return os.path.relpath(self.file, src_root)
        except ValueError:
            return self.file

    def command(self, mode, plugin=None, extra=()):
        """mode: 'syntax' (-fsyntax-only) or 'O0c' (-O0 -c -o /dev/null)."""
        cc = CLANG if self.is_c else CLANGXX
        cmd = [cc] + self.flags
        if mode == "syntax":
            cmd += ["-fsyntax-only"]
        elif mode == "O0c":
            cmd = [a for a in cmd if not OPT_FLAG.match(a)]
            cmd += ["-O0", "-c", "-o", "/dev/null"]
        else:
            raise ValueError(mode)
        cmd += ["-fno-color-diagnostics", "-fno-crash-diagnostics"]
        if plugin:
            cmd += ["-fplugin=" + plugin]
        cmd += list(extra)
        cmd += [self.file]
        return cmd

    def tidy_command(self, checks):
        cmd = [CLANG_TIDY, "--quiet", "--checks=" + checks, self.file, "--"]
        return cmd + self.flags


OPT_FLAG = re.compile(r"^-O([0-3sgz]|fast)?$")
# Flags that take the next argument and only concern outputs/dependency files.
_DROP_WITH_ARG = {"-o", "-MF", "-MT", "-MQ", "--serialize-diagnostics"}
_DROP = {"-c", "-MD", "-MMD", "-MP", "-M", "-MM", "-S", "-E", "-fsyntax-only",
         "-Werror", "-pedantic-errors", "-fcolor-diagnostics", "-fdiagnostics-color",
         "-fdiagnostics-color=always"}


def clean_flags(args, file_as_written, file_abs, directory=None):
    """The TU's own flags without the input, outputs and -Werror.

    The input is dropped however the command spells it: as the entry's
    "file", absolute, or relative to the entry's directory (CMake writes
    `-o pbzip2 pbzip2.cpp` with an absolute "file"). Left in, it would be a
    second input: compiled twice with -fsyntax-only, and an error ("cannot
    specify -o when generating multiple output files") with -c -o.

    -Werror is dropped so that a fearless warning never turns into a compile
    failure of its own: the run reports diagnostics and failures separately.
    """
    out = []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a in _DROP_WITH_ARG:
            skip = True
            continue
        if a in _DROP or a.startswith("-Werror=") or a.startswith("-o"):
            continue
        if a == file_as_written or a == file_abs:
            continue
        if (directory and not a.startswith("-") and
                os.path.normpath(os.path.join(directory, a)) == file_abs):
            continue
        out.append(a)
    return out


def load_tus(project):
    with open(project["compile_commands"]) as f:
        entries = json.load(f)
    tus = []
    seen = set()
    for e in entries:
        tu = TU(project, e)
        if not os.path.isfile(tu.file) or tu.file in seen:
            continue
        if not (tu.file.endswith((".c", ".cc", ".cpp", ".cxx", ".C"))):
            continue  # assembler and the like
        seen.add(tu.file)
        tus.append(tu)
    tus.sort(key=lambda t: t.file)
    return tus


# ---------------------------------------------------------------------------
# Running one compile
# ---------------------------------------------------------------------------

CRASH_MARKERS = ("PLEASE submit a bug report", "Stack dump:",
                 "frontend command failed due to signal",
                 "LLVM ERROR:", "Assertion `")


class Result:
    def __init__(self, status, returncode, stderr, wall, cpu):
        self.status = status  # ok | error | crash | timeout
        self.returncode = returncode
        self.stderr = stderr
        self.wall = wall
        self.cpu = cpu


def run(cmd, cwd=None, timeout=None):
    """Runs a compiler command; classifies the outcome and measures CPU time.

    CPU time (user+sys of the child, from wait4) is what the benchmarks
    compare: a noisy shared machine disturbs it far less than wall time.
    Output goes to a temporary file, so that waiting can poll with a timeout.
    """
    start = time.monotonic()
    with tempfile.TemporaryFile() as errf:
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=errf,
                                stderr=errf, start_new_session=True)
        delay = 0.001
        status = ru = None
        while True:
            pid, st, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status, ru = st, usage
                break
            if timeout is not None and time.monotonic() - start > timeout:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                errf.seek(0)
                return Result("timeout", None, errf.read().decode("utf-8", "replace"),
                              time.monotonic() - start, None)
            time.sleep(delay)
            delay = min(delay * 2, 0.02)
        wall = time.monotonic() - start
        rc = os.waitstatus_to_exitcode(status)
        proc.returncode = rc
        errf.seek(0)
        stderr = errf.read().decode("utf-8", "replace")
    cpu = ru.ru_utime + ru.ru_stime
    if rc < 0 or any(m in stderr for m in CRASH_MARKERS):
        result = "crash"
    elif rc != 0:
        result = "error"
    else:
        result = "ok"
    return Result(result, rc, stderr, wall, cpu)


def run_timed(cmd, cwd=None):
    """Runs a command to completion and returns (returncode, cpu seconds, wall seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, ru.ru_utime + ru.ru_stime, wall


# ---------------------------------------------------------------------------
# Diagnostics
# ---------------------------------------------------------------------------

DIAG_LINE = re.compile(
    r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<level>warning|error|note|fatal error|remark): (?P<msg>.*)$")
FEARLESS_TAG = re.compile(r"\[(fearless-[a-z-]+)[^\]]*\]\s*$")
FEARLESS_ANY = re.compile(r"fearless")


def fearless_diagnostics(stderr):
    """Groups the fearless diagnostics of a compiler's stderr with their notes.

    Returns a list of dicts: check, level, file, line, col, msg, notes
    (each note: file, line, col, msg) and text (the raw lines, carets included).
    Also returns fearless lines that are not diagnostics (plugin errors).
    """
    diags = []
    current = None
    other = []
    for raw in stderr.splitlines():
        m = DIAG_LINE.match(raw)
        if m:
            level = m.group("level")
            if level == "note":
                if current is not None:
                    current["notes"].append({k: m.group(k) for k in ("file", "line", "col", "msg")})
                    current["text"].append(raw)
                continue
            current = None
            tag = FEARLESS_TAG.search(m.group("msg"))
            if tag:
                current = {"check": tag.group(1), "level": level, "file": m.group("file"),
                           "line": int(m.group("line")), "col": int(m.group("col")),
                           "msg": m.group("msg"), "notes": [], "text": [raw]}
                diags.append(current)
            elif FEARLESS_ANY.search(m.group("msg")):
                other.append(raw)
            continue
        if raw.startswith("In file included from") or raw.startswith("In instantiation") \
                or re.match(r"^[^:]+: In ", raw):
            current = None
            continue
        if re.match(r"^\d+ (warning|error)s? (and \d+ (warning|error)s? )?generated\.$", raw):
            current = None
            continue
        if current is not None:
            current["text"].append(raw)
        elif FEARLESS_ANY.search(raw) and "error" in raw:
            other.append(raw)
    return diags, other


def first_error(stderr):
    for line in stderr.splitlines():
        if ": error:" in line or ": fatal error:" in line:
            return line
    return stderr.strip().splitlines()[-1] if stderr.strip() else ""


def median(values):
    v = sorted(values)
    n = len(v)
    if n == 0:
        return float("nan")
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
