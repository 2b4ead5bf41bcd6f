#!/usr/bin/env python3
"""Front-end parity: every check test, through every front-end, same findings.

Runs each test file through the compiler plugin, the clang-tidy module and
fearless-check, with the compile flags and plugin arguments of the file's own
RUN line, and compares what they report: every fearless finding (file, line,
column, level, message, check) with its notes in order. Prints a diff per file
that differs and exits 1 if any does; exits 2 if a front-end could not run.

Standard library only. Usage:
  parity.py --llvm-bin DIR --plugin SO --tidy-module SO --fearless-check BIN
            --mock DIR --include DIR [--include DIR ...] [-j N] PATH...
PATHs are test files or directories searched for *.c / *.cpp.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import subprocess
import sys

DIAG = re.compile(
    r"^(?P<file>[^ :][^:]*):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<level>warning|error|note|fatal error|remark): (?P<msg>.*)$")
CHECK_SUFFIX = re.compile(r" \[(?P<check>fearless-[a-z0-9-]+)\]$")

FRONT_ENDS = ("plugin", "clang-tidy", "fearless-check")


class TestSpec:
    """What a test's RUN line asks for."""

    def __init__(self, path, flags, plugin_args, mock):
        self.path = path
        self.flags = flags              # compile flags
        self.plugin_args = plugin_args  # [(name, value or None)]
        self.mock = mock                # %fearless-mock rather than %fearless


def run_lines(path):
    """The RUN commands of a test file, continuation lines joined."""
    commands, current = [], None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.search(r"RUN:(.*)$", line)
            if not m:
                continue
            text = m.group(1).rstrip()
            cont = text.endswith("\\")
            text = text[:-1] if cont else text
            current = text if current is None else current + " " + text
            if not cont:
                commands.append(current.strip())
                current = None
    return commands


def parse_spec(path):
    """The spec of the first RUN line that runs the plugin on the file itself
    (%s), or None if there is none."""
    for command in run_lines(path):
        command = command.split("|")[0]
        # lit's own substitutions that matter for flags.
        sourcedir = os.path.dirname(os.path.abspath(path))
        command = command.replace("%S", sourcedir).replace("%p", sourcedir)
        try:
            tokens = shlex.split(command)
        except ValueError:
            continue
        if not tokens or tokens[0] not in ("%fearless-mock", "%fearless"):
            continue
        # The command ends at a redirection or a second command.
        for i, t in enumerate(tokens):
            if t in ("&&", "||", ";") or re.match(r"^\d*[<>]", t):
                tokens = tokens[:i]
                break
        if "%s" not in tokens:
            continue
        # A lit substitution of an optional library (%qt5-flags,
        # %taskflow-dir): its test is REQUIRES-gated, and not compared here.
        if any(t.startswith("%") and t != "%s" for t in tokens[1:]):
            return None
        flags, plugin_args = [], []
        i = 1
        while i < len(tokens):
            t = tokens[i]
            if t == "%s" or t in ("-fsyntax-only",
                                  "-fdiagnostics-parseable-fixits"):
                pass
            elif t == "-Xclang" and i + 1 < len(tokens) and \
                    tokens[i + 1] in ("-verify", "-fixit"):
                i += 1
            elif t.startswith("-fplugin-arg-fearless-"):
                arg = t[len("-fplugin-arg-fearless-"):]
                name, eq, value = arg.partition("=")
                plugin_args.append((name, value if eq else None))
            else:
                flags.append(t)
            i += 1
        return TestSpec(path, flags, plugin_args, tokens[0] == "%fearless-mock")
    return None


def base_flags(spec, opts):
    flags = []
    if spec.mock:
        flags += ["-nostdinc++", "-isystem", opts.mock]
    for inc in opts.include:
        flags.append("-I" + inc)
    return flags + spec.flags


def commands(spec, opts, tidy_checks):
    """The command of each front-end for one test."""
    path = os.path.abspath(spec.path)
    flags = base_flags(spec, opts)
    checks, werror, model = None, False, []
    for name, value in spec.plugin_args:
        if name == "checks":
            checks = value
        elif name == "werror":
            werror = True
        elif name == "dump":
            pass  # internal facts, not findings
        else:
            model.append((name, value or ""))

    plugin = [os.path.join(opts.llvm_bin, "clang++"), "-fsyntax-only",
              "-fplugin=" + opts.plugin, "-fno-color-diagnostics",
              "-fno-caret-diagnostics"] + flags
    plugin += ["-fplugin-arg-fearless-%s%s" % (n, "" if v is None else "=" + v)
               for n, v in spec.plugin_args]
    plugin.append(path)

    # Model options go to every fearless check: the module merges the lists
    # of the enabled ones, so this works whichever checks are selected.
    config = ", ".join("%s.%s: '%s'" % (c, n, v.replace("'", "''"))
                       for c in tidy_checks for n, v in model)
    tidy = [os.path.join(opts.llvm_bin, "clang-tidy"),
            "--load=" + opts.tidy_module, "--quiet",
            "--checks=-*," + (checks or "fearless-*"),
            "--config={CheckOptions: {%s}}" % config]
    if werror:
        tidy.append("--warnings-as-errors=fearless-*")
    tidy += [path, "--"] + flags

    check = [opts.fearless_check]
    if checks:
        check.append("--checks=" + checks)
    if werror:
        check.append("--werror")
    check += ["--%s=%s" % (n, v) for n, v in model]
    check += [path, "--"] + flags
    return {"plugin": plugin, "clang-tidy": tidy, "fearless-check": check}


def findings(output):
    """The fearless findings in clang-style text: a list of (primary, notes)
    with locations made absolute; other diagnostics and their notes are
    skipped."""
    result, current = [], None
    for line in output.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        where = "%s:%s:%s" % (os.path.realpath(m.group("file")),
                              m.group("line"), m.group("col"))
        if m.group("level") == "note":
            if current is not None:
                current[1].append("%s: note: %s" % (where, m.group("msg")))
            continue
        c = CHECK_SUFFIX.search(m.group("msg"))
        if not c:
            current = None  # a compiler diagnostic: not compared
            continue
        current = ("%s: %s: %s" % (where, m.group("level"), m.group("msg")), [])
        result.append(current)
    return result


def render(found):
    lines = []
    for primary, notes in sorted(found):
        lines.append(primary)
        lines += ["    " + n for n in notes]
    return lines


def run(argv):
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e)
    return p, None


def check_file(spec, opts, tidy_checks):
    """Compares the front-ends on one test; returns (ok, report)."""
    cmds = commands(spec, opts, tidy_checks)
    outputs, problems = {}, []
    for fe in FRONT_ENDS:
        p, error = run(cmds[fe])
        if p is None:
            problems.append("%s did not run: %s" % (fe, error))
            continue
        # Crashes are never parity: a signal, or clang's crash banner.
        if p.returncode < 0 or "PLEASE submit a bug report" in p.stderr:
            problems.append("%s crashed (status %d):\n%s" %
                            (fe, p.returncode, p.stderr[-2000:]))
            continue
        # The compiler writes diagnostics to stderr, the tools to stdout.
        text = p.stderr if fe == "plugin" else p.stdout
        outputs[fe] = render(findings(text))
        if fe == "fearless-check" and p.returncode not in (0, 1):
            problems.append("fearless-check failed (status %d):\n%s%s" %
                            (p.returncode, p.stdout[-2000:], p.stderr[-2000:]))
        if fe == "fearless-check" and p.returncode == 1 and not outputs[fe]:
            problems.append("fearless-check exited 1 without findings")
        if fe == "fearless-check" and p.returncode == 0 and outputs[fe]:
            problems.append("fearless-check exited 0 with findings")
    report = []
    compared = len(outputs.get("plugin") or [])
    if problems:
        report += problems
    reference = outputs.get("plugin")
    if reference is not None:
        for fe in FRONT_ENDS[1:]:
            if fe in outputs and outputs[fe] != reference:
                report += list(difflib.unified_diff(
                    reference, outputs[fe], "plugin", fe, lineterm=""))
    if report:
        header = "=== %s (flags: %s)" % (spec.path, " ".join(
            shlex.quote(f) for f in spec.flags + ["-fplugin-arg-fearless-%s%s" % (
                n, "" if v is None else "=" + v) for n, v in spec.plugin_args]))
        repro = ["--- commands:"] + ["  " + " ".join(shlex.quote(a) for a in cmds[fe])
                                     for fe in FRONT_ENDS]
        return False, "\n".join([header] + report + repro), compared
    return True, "", compared


def collect(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d != "Inputs")
                files += [os.path.join(root, n) for n in sorted(names)
                          if n.endswith((".c", ".cpp"))]
        else:
            files.append(path)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--llvm-bin", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--tidy-module", required=True)
    ap.add_argument("--fearless-check", required=True)
    ap.add_argument("--mock", required=True)
    ap.add_argument("--include", action="append", default=[])
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-v", action="store_true", help="list every file checked")
    ap.add_argument("paths", nargs="+")
    opts = ap.parse_args()

    listing = subprocess.run(
        [os.path.join(opts.llvm_bin, "clang-tidy"), "--load=" + opts.tidy_module,
         "--checks=-*,fearless-*", "--list-checks"],
        stdout=subprocess.PIPE, universal_newlines=True)
    tidy_checks = re.findall(r"^\s+(fearless-\S+)$", listing.stdout, re.M)
    if listing.returncode != 0 or not tidy_checks:
        print("parity: error: the clang-tidy module lists no fearless checks",
              file=sys.stderr)
        return 2

    specs, skipped = [], []
    for path in collect(opts.paths):
        spec = parse_spec(path)
        (specs if spec else skipped).append(spec or path)
    if not specs:
        print("parity: error: no test with a plugin RUN line on %%s",
              file=sys.stderr)
        return 2

    failures, total = [], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.j) as pool:
        futures = {pool.submit(check_file, s, opts, tidy_checks): s
                   for s in specs}
        for future in concurrent.futures.as_completed(futures):
            ok, report, compared = future.result()
            total += compared
            if opts.v:
                print("%s %s" % ("ok  " if ok else "FAIL", futures[future].path))
            if not ok:
                failures.append((futures[future].path, report))

    for _, report in sorted(failures):
        print(report + "\n")
    for path in skipped:
        print("parity: note: no plugin RUN line on %%s in %s; not compared" % path)
    print("parity: %d of %d test files agree across %s (%d findings)" %
          (len(specs) - len(failures), len(specs), ", ".join(FRONT_ENDS), total))
    if total == 0:
        # Agreement on nothing proves nothing: a broken setup looks like this.
        print("parity: error: no front-end reported any finding")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
