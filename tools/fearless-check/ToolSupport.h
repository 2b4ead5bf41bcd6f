//===- ToolSupport.h - What the standalone tools share ----------*- C++ -*-===//
//
// Small facts that fearless-check and fearless-clangd both need: where the
// documentation of the checks is (for SARIF helpUri and the LSP
// codeDescription link) and where clang's builtin headers are (both tools run
// the clang front-end from a binary that does not sit next to clang, so
// clang's own relative lookup of its resource directory fails).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_TOOLS_TOOLSUPPORT_H
#define FEARLESS_TOOLS_TOOLSUPPORT_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace fearless::tools {

/// The URL of the fearless docs/ folder as seen from the tool binary
/// \p Argv0 (\p MainAddr: the address of a function in it): the installed
/// copy (<prefix>/share/doc/fearless, next to <prefix>/bin) when there is
/// one, otherwise the docs/ folder of the source tree the tool was built
/// from. Either way a file:// URL.
std::string defaultDocsRoot(const char *Argv0, void *MainAddr);

/// A file:// URL for the absolute path \p Path, percent-encoded.
std::string fileURL(llvm::StringRef Path);

/// The resource directory (builtin headers such as <stddef.h>) of the clang
/// the tools were built against.
llvm::StringRef clangResourceDir();

} // namespace fearless::tools

#endif // FEARLESS_TOOLS_TOOLSUPPORT_H
