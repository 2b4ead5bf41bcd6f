//===- FearlessClangd.cpp - clangd with the fearless checks ---------------===//
//
// fearless-clangd [clangd options] [--fearless-docs-root=<url>]
// fearless-clangd --version   fearless's version, then clangd's
//
// clangd 22, from Debian's static clangd libraries, with the fearless
// clang-tidy checks linked in (stock clangd cannot load tidy modules). Enable
// them in .clangd:
//   Diagnostics:
//     ClangTidy:
//       Add: [fearless-*]
//
// What differs from running clangdMain() as is:
//  - quick fixes: every fearless finding offers "suppress with
//    NOLINT(<check>)", and fix-its are titled by what they do
//    (fearless::tidy::EditorQuickFixes);
//  - the fearless checks pass clangd's fast-check filter, so .clangd needs
//    no FastCheckFilter (FastChecks.cpp);
//  - clang's builtin headers: clangd looks for them next to its binary; this
//    one does not sit next to clang, so it passes --resource-dir (unless the
//    user does).
//  - the documentation link of a diagnostic: clangd links every tidy check to
//    clang.llvm.org; a filter process rewrites the links of fearless checks
//    to our docs pages (see DocLinkFilter.h). clangd runs in a child process
//    whose stdout is a pipe to the filter, so that however clangd ends
//    (return, exit(), a crash) the filter forwards everything it wrote.
//
//===----------------------------------------------------------------------===//

#include "DocLinkFilter.h"
#include "FearlessTidyCheck.h"
#include "ToolSupport.h"
#include "clang/Basic/Version.inc"
#include "llvm/ADT/StringRef.h"
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace clang::clangd {
/// clangd's main, in libclangdMain.a (no installed header declares it).
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace {

constexpr llvm::StringLiteral DocsRootOption = "--fearless-docs-root=";

/// Writes all of \p Data to \p FD.
bool writeAll(int FD, llvm::StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(FD, Data.data(), Data.size());
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    Data = Data.drop_front(N);
  }
  return true;
}

/// Copies \p In to \p Out through the filter until \p In ends.
void runFilter(int In, int Out, llvm::StringRef DocsRoot) {
  bool OutOpen = true;
  fearless::clangd::DocLinkFilter Filter(DocsRoot, [&](llvm::StringRef S) {
    // Once the editor is gone, keep draining clangd so it can finish.
    if (OutOpen)
      OutOpen = writeAll(Out, S);
  });
  std::vector<char> Buffer(1 << 16);
  while (true) {
    ssize_t N = ::read(In, Buffer.data(), Buffer.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      break;
    Filter.feed(llvm::StringRef(Buffer.data(), N));
  }
  Filter.finish();
}

} // namespace

int main(int argc, char **argv) {
  // Quick fixes for the editor: NOLINT on every finding, fix-its titled by
  // what they do.
  fearless::tidy::EditorQuickFixes = true;
  // Our options out, the resource directory in; the rest goes to clangd.
  std::string DocsRoot;
  std::vector<std::string> Args;
  bool HasResourceDir = false;
  for (int I = 0; I < argc; ++I) {
    llvm::StringRef A = argv[I];
    if (I > 0 && A.starts_with(DocsRootOption)) {
      DocsRoot = A.drop_front(DocsRootOption.size()).str();
      continue;
    }
    if (A.starts_with("--resource-dir") || A.starts_with("-resource-dir"))
      HasResourceDir = true;
    // Ours first, then clangd's own version lines.
    if (I > 0 && (A == "--version" || A == "-version")) {
      std::printf("fearless-clangd " FEARLESS_VERSION
                  " (fearless checks, built for Clang " CLANG_VERSION_STRING
                  ")\n");
      std::fflush(stdout);
    }
    Args.push_back(A.str());
  }
  if (!HasResourceDir)
    Args.insert(Args.begin() + 1,
                "--resource-dir=" + fearless::tools::clangResourceDir().str());
  if (DocsRoot.empty())
    DocsRoot = fearless::tools::defaultDocsRoot(
        argv[0], reinterpret_cast<void *>(&runFilter));
  std::vector<char *> ClangdArgv;
  for (std::string &A : Args)
    ClangdArgv.push_back(A.data());
  ClangdArgv.push_back(nullptr);
  int ClangdArgc = static_cast<int>(Args.size());

  pid_t Parent = ::getpid();
  int Pipe[2];
  if (::pipe(Pipe) != 0)
    // No filter, no rewritten links; still a working clangd.
    return clang::clangd::clangdMain(ClangdArgc, ClangdArgv.data());
  pid_t Child = ::fork();
  if (Child < 0) {
    ::close(Pipe[0]);
    ::close(Pipe[1]);
    return clang::clangd::clangdMain(ClangdArgc, ClangdArgv.data());
  }
  if (Child == 0) {
#ifdef __linux__
    // Editors stop the server they started; clangd must not outlive it.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != Parent) // it ended before prctl() took effect
      return 1;
#endif
    ::close(Pipe[0]);
    ::dup2(Pipe[1], STDOUT_FILENO);
    ::close(Pipe[1]);
    return clang::clangd::clangdMain(ClangdArgc, ClangdArgv.data());
  }

  // The filter: reads clangd's stdout until clangd has ended and closed it.
  ::close(Pipe[1]);
  // A closed editor pipe must end in an error from write(), not a signal
  // that would stop the filter before clangd is done.
  ::signal(SIGPIPE, SIG_IGN);
  runFilter(Pipe[0], STDOUT_FILENO, DocsRoot);
  ::close(Pipe[0]);
  int Status = 0;
  while (::waitpid(Child, &Status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(Status))
    return WEXITSTATUS(Status);
  if (WIFSIGNALED(Status))
    return 128 + WTERMSIG(Status);
  return 1;
}
