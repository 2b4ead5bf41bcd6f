//===- DocLinkFilter.h - Our docs links in clangd's LSP output --*- C++ -*-===//
//
// clangd links every clang-tidy diagnostic to
//   https://clang.llvm.org/extra/clang-tidy/checks/<module>/<check>.html
// (LSP Diagnostic.codeDescription.href), built by
// clang::clangd::getDiagnosticDocURI, which no option, config key or hook
// changes (and which the linker cannot replace: its only caller reaches it
// within the same object file). For fearless-<check> that page does not
// exist. fearless-clangd therefore puts this filter between clangd and the
// editor: it reads clangd's output, a stream of "Content-Length: N\r\n\r\n"
// framed JSON messages, replaces those links by the URL of our docs page for
// the check, and writes the messages out with their lengths recomputed.
// Everything else (other messages, non-LSP output such as --help) passes
// through byte for byte.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_CLANGD_DOCLINKFILTER_H
#define FEARLESS_CLANGD_DOCLINKFILTER_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>
#include <vector>

namespace fearless::clangd {

/// Rewrites the documentation links of fearless checks in a stream of LSP
/// messages. Feed it the stream in pieces of any size; it hands complete
/// output to the writer as soon as it can.
class DocLinkFilter {
public:
  /// \p DocsRoot: the URL of the fearless docs/ folder.
  /// \p Write: receives the output.
  DocLinkFilter(llvm::StringRef DocsRoot,
                llvm::function_ref<void(llvm::StringRef)> Write);

  /// Processes the next piece of the stream.
  void feed(llvm::StringRef Data);
  /// The stream ended: writes out whatever is left.
  void finish();

  /// Rewrites the links in one message body (JSON text).
  std::string rewriteBody(llvm::StringRef Body) const;

private:
  /// Writes out what can be written; returns when more input is needed.
  void drain(bool AtEnd);

  /// (clangd's link, ours), both as JSON string literals with quotes.
  std::vector<std::pair<std::string, std::string>> Links;
  llvm::function_ref<void(llvm::StringRef)> Write;
  std::string Pending;
};

} // namespace fearless::clangd

#endif // FEARLESS_CLANGD_DOCLINKFILTER_H
