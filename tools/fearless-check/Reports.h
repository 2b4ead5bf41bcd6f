//===- Reports.h - SARIF and fix-its export of fearless-check ---*- C++ -*-===//
//
// The machine-readable outputs: SARIF 2.1.0 as GitHub code scanning reads it
// (one rule per check of Checks.def, notes as related locations, fix-its as
// fixes) and the YAML replacements file of clang-tidy --export-fixes, which
// clang-apply-replacements applies.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_TOOLS_REPORTS_H
#define FEARLESS_TOOLS_REPORTS_H

#include "FileAnalysis.h"
#include "llvm/Support/raw_ostream.h"

namespace fearless::tools {

/// What the SARIF log says about the run.
struct SarifOptions {
  /// URL of the docs/ folder (rule helpUri).
  std::string DocsRoot;
  /// Artifacts under this directory get URIs relative to it (uriBaseId
  /// %SRCROOT%), which is what code scanning resolves against the checkout.
  std::string SourceRoot;
  std::string ToolVersion;
};

/// Writes the findings of \p Results as a SARIF log. Findings reported by
/// several translation units (in a shared header) appear once.
void writeSarif(llvm::raw_ostream &OS,
                llvm::ArrayRef<const FileResult *> Results,
                const SarifOptions &Options);

/// Writes the fix-its of \p Results in clang-tidy's --export-fixes format.
void writeFixes(llvm::raw_ostream &OS,
                llvm::ArrayRef<const FileResult *> Results);

} // namespace fearless::tools

#endif // FEARLESS_TOOLS_REPORTS_H
