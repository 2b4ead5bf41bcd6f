#!/usr/bin/env python3
"""An editor session with fearless-clangd, scripted over LSP.

Creates a small project (a file with an escaping borrow, compile_commands.json
against the mock headers, a .clangd that enables the fearless checks), starts
fearless-clangd on it and checks what an editor relies on:
  - publishDiagnostics carries the fearless finding: code, source, message,
    the notes as relatedInformation, codeDescription.href = our docs page;
  - a code action exists for the finding's fix-it, titled by what it does
    (the note's text, not clangd's "change 'X' to 'Y'");
  - every fearless finding (the escaping borrow, a data race) offers
    "suppress with NOLINT(<check>)", which appends the comment to its line;
  - editing the buffer into broken code and back: the server keeps answering
    and the finding comes back;
  - shutdown and exit end the server cleanly.
Standard library only. Exits 0 on success; prints what went wrong otherwise.

Usage: lsp_session.py --clangd BIN --mock DIR --workdir DIR
                      --docs-root URL-or-DIR [--server-arg ARG ...]
                      [--no-fast-check-filter] [--dump-actions FILE]
--no-fast-check-filter leaves FastCheckFilter out of .clangd (the fearless
checks must pass clangd's default filter); --dump-actions writes the code
actions offered for the escaping borrow as JSON.
--docs-root is the docs/ folder the link must point into (a directory: its
file:// URL, and the page must exist).
"""

import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

CHECK = "fearless-escaping-borrow"

SOURCE = """\
#include <stddef.h>
#include <thread>

void work(size_t);

void detachedCapture() {
  size_t counter = 0;
  std::thread t([&counter] { work(counter); });
  t.detach();
}

size_t racy() {
  size_t total = 0;
  std::thread t([&] { total += 1; });
  total += 1;
  t.join();
  return total;
}
"""

BROKEN = """\
#include <stddef.h>
#include <thread>

void work(size_t);

void detachedCapture() {
  size_t counter = 0;
  std::thread t([&counter] { work(counter);
"""


class Failure(Exception):
    pass


class Server:
    """A language server over stdin/stdout, with a reader thread."""

    def __init__(self, argv, cwd, log):
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=log)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii", "replace").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            body = out.read(length)
            self.messages.put(json.loads(body.decode("utf-8")))

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params, timeout=60):
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == rid and "method" not in m,
                          timeout, "a reply to " + method)
        if "error" in reply:
            raise Failure("%s failed: %s" % (method, reply["error"]))
        return reply.get("result")

    def wait(self, predicate, timeout, what):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure("timed out waiting for " + what)
            try:
                m = self.messages.get(timeout=left)
            except queue.Empty:
                raise Failure("timed out waiting for " + what)
            if m is None:
                raise Failure("the server ended while waiting for %s "
                              "(status %s)" % (what, self.proc.poll()))
            # Requests from the server (progress, configuration) get a reply
            # so that it does not wait for us.
            if "method" in m and "id" in m:
                self.send({"id": m["id"], "result": None})
                continue
            if predicate(m):
                return m


def publication(server, uri, version, timeout, want_finding):
    """Waits for the diagnostics of a given version of the document (with
    the fearless finding if asked for; the first publication of a version
    may come before clang-tidy has run)."""
    def match(m):
        if m.get("method") != "textDocument/publishDiagnostics":
            return False
        p = m["params"]
        if p["uri"] != uri or p.get("version") != version:
            return False
        has = any(d.get("code") == CHECK for d in p["diagnostics"])
        return has or not want_finding
    return server.wait(match, timeout,
                       "diagnostics of version %d%s" % (
                           version, " with " + CHECK if want_finding else ""))


def check(condition, message):
    if not condition:
        raise Failure(message)


def nolint(actions, check_name, line, end):
    """There is a quick fix "suppress with NOLINT(<check>)" that appends the
    comment at the end of the finding's line."""
    title = "suppress with nolint(%s)" % check_name
    found = [a for a in actions if a.get("kind") == "quickfix" and
             a["title"].lower() == title]
    check(len(found) == 1, "no quick fix %r among %s" % (
        title, [a["title"] for a in actions]))
    edits = [e for edits in found[0]["edit"]["changes"].values()
             for e in edits]
    want = {"range": {"start": {"line": line, "character": end},
                      "end": {"line": line, "character": end}},
            "newText": " // NOLINT(%s)" % check_name}
    check(edits == [want], "the NOLINT edit is %s, expected %s" % (
        edits, want))


def session(opts):
    work = os.path.abspath(opts.workdir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    path = os.path.join(work, "main.cpp")
    with open(path, "w") as f:
        f.write(SOURCE)
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump([{"directory": work, "file": path,
                    "arguments": ["clang++", "-std=c++17", "-nostdinc++",
                                  "-isystem", opts.mock, "-c", path]}], f)
    with open(os.path.join(work, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Add: [fearless-*]\n" +
                ("" if opts.no_fast_check_filter else
                 "    FastCheckFilter: Loose\n"))
    uri = "file://" + path

    log = open(os.path.join(work, "clangd.log"), "w")
    server = Server([opts.clangd, "--log=info", "--clang-tidy",
                     "--background-index=false", "--pch-storage=memory"] +
                    opts.server_arg, work, log)
    try:
        server.request("initialize", {
            "processId": os.getpid(),
            "rootUri": "file://" + work,
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True,
                                       "codeDescriptionSupport": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}}}},
        })
        server.notify("initialized", {})
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": SOURCE}})

        # 1. The finding, as an editor shows it.
        published = publication(server, uri, 1, opts.timeout, True)
        diags = published["params"]["diagnostics"]
        errors = [d for d in diags if d.get("severity") == 1]
        check(not errors, "errors in a valid file (are clang's builtin headers "
              "found?): %s" % json.dumps(errors, indent=1))
        ours = [d for d in diags if d.get("code") == CHECK]
        check(len(ours) == 1, "expected one %s, got %s" % (CHECK, ours))
        d = ours[0]
        check(d.get("source") == "clang-tidy", "source: %r" % d.get("source"))
        check(d.get("severity") == 2, "severity: %r" % d.get("severity"))
        # clangd capitalizes messages and may add " (fix available)".
        check(d["message"].lower().startswith(
              "thread may outlive 'counter', which it borrows"),
              "message: %r" % d["message"])
        check(d["range"]["start"] == {"line": 7, "character": 16},
              "range: %r" % d["range"])
        href = d.get("codeDescription", {}).get("href")
        check(href == opts.docs_url,
              "codeDescription.href is %r, expected %r" % (href, opts.docs_url))
        if opts.docs_page:
            check(os.path.isfile(opts.docs_page),
                  "the linked page %s does not exist" % opts.docs_page)
        related = [(r["location"]["range"]["start"]["line"], r["message"])
                   for r in d.get("relatedInformation", [])]
        for line, text in [(7, "'counter' is captured by reference here"),
                           (8, "the thread is detached here"),
                           (9, "'counter' is destroyed here")]:
            check(any(l == line and t.lower() == text.lower()
                      for l, t in related),
                  "missing note %r at line %d in relatedInformation: %r" % (
                      text, line + 1, related))
        for r in d.get("relatedInformation", []):
            check(r["location"]["uri"] == uri, "note in %r" %
                  r["location"]["uri"])

        # The note that titles the fix-it and the NOLINT one are quick
        # fixes, not notes.
        for r in d.get("relatedInformation", []):
            check("nolint" not in r["message"].lower() and
                  "by copy" not in r["message"].lower(),
                  "a quick fix listed as a note: %r" % r["message"])

        # 2. A code action for the fix-it, titled by what it does, and one
        # that suppresses the finding.
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d["range"],
            "context": {"diagnostics": [d]}}) or []
        if opts.dump_actions:
            with open(opts.dump_actions, "w") as f:
                json.dump(actions, f, indent=1)
        fixes = [a for a in actions if a.get("kind") == "quickfix" and
                 not any("NOLINT" in e["newText"]
                         for edits in a.get("edit", {}).get("changes", {})
                         .values() for e in edits)]
        check(fixes, "no quick fix for the fix-it among %s" %
              json.dumps(actions, indent=1))
        title = "capture 'counter' by copy so that the thread owns its own copy"
        check(any(a["title"].lower() == title for a in fixes),
              "no quick fix titled %r among %s" % (title, [a["title"]
                                                           for a in fixes]))
        edits = [e for a in fixes
                 for edits in a["edit"]["changes"].values() for e in edits]
        check(any(e["range"]["start"]["line"] == 7 for e in edits),
              "the quick fix does not edit the capture: %s" % edits)
        lines = SOURCE.splitlines()
        nolint(actions, CHECK, 7, len(lines[7]))

        # The data race offers its NOLINT too.
        races = [x for x in diags if x.get("code") == "fearless-data-race"]
        check(len(races) == 1, "expected one fearless-data-race, got %s" %
              races)
        race_line = races[0]["range"]["start"]["line"]
        actions = server.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": races[0]["range"],
            "context": {"diagnostics": [races[0]]}}) or []
        nolint(actions, "fearless-data-race", race_line,
               len(lines[race_line]))

        # 3. Broken code and back: the server keeps answering.
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": BROKEN}]})
        broken = publication(server, uri, 2, opts.timeout, False)
        check(any(x.get("severity") == 1
                  for x in broken["params"]["diagnostics"]),
              "no error for broken code: %s" % broken["params"])
        server.request("textDocument/documentSymbol",
                       {"textDocument": {"uri": uri}})
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"text": SOURCE}]})
        publication(server, uri, 3, opts.timeout, True)

        # 4. A clean exit.
        server.request("shutdown", None)
        server.notify("exit", None)
        try:
            status = server.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            raise Failure("the server did not exit after 'exit'")
        check(status == 0, "exit status %d after shutdown" % status)
    finally:
        if server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()
        log.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clangd", required=True)
    ap.add_argument("--mock", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--docs-root", required=True)
    ap.add_argument("--server-arg", action="append", default=[])
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--no-fast-check-filter", action="store_true")
    ap.add_argument("--dump-actions")
    opts = ap.parse_args()
    opts.docs_page = None
    if "://" in opts.docs_root:
        opts.docs_url = opts.docs_root.rstrip("/") + "/checks/%s.md" % (
            CHECK[len("fearless-"):])
    else:
        opts.docs_page = os.path.join(os.path.abspath(opts.docs_root), "checks",
                                      CHECK[len("fearless-"):] + ".md")
        opts.docs_url = "file://" + urllib.request.pathname2url(opts.docs_page)
    try:
        session(opts)
    except Failure as e:
        print("lsp_session: FAIL: %s" % e)
        log = os.path.join(os.path.abspath(opts.workdir), "clangd.log")
        if os.path.exists(log):
            with open(log) as f:
                print("--- clangd log (last lines):\n" + "".join(
                    f.readlines()[-40:]))
        return 1
    print("lsp_session: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
