//===- DiagnosticRenderer.h - Findings to clang diagnostics -----*- C++ -*-===//
//
// Renders findings through a DiagnosticsEngine, as the compiler plugin and
// fearless-check print them: one diagnostic ID per message (never a message
// text as a format string), "[fearless-<check>]" appended to every primary
// message, notes after it, fix-its attached, the level chosen from -Werror,
// -w and the werror / warnings-as-errors options (custom diagnostics ignore
// those flags on their own), NOLINT comments honoured.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_DIAGNOSTICRENDERER_H
#define FEARLESS_DIAGNOSTICRENDERER_H

#include "fearless/Finding.h"
#include "fearless/Nolint.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/DenseMap.h"

namespace fearless {

/// Emits findings as clang diagnostics.
class DiagnosticRenderer : public FindingConsumer {
public:
  /// \p ErrorChecks (the werror and warnings-as-errors options), when
  /// given, says exactly which checks' findings are errors, whatever the
  /// engine's -Werror says, and those are reported even under -w. Without it
  /// the engine's -Werror makes every finding an error and its -w silences
  /// them.
  DiagnosticRenderer(clang::DiagnosticsEngine &Diags,
                     const clang::SourceManager &SM,
                     std::optional<CheckSet> ErrorChecks);

  void consume(const Finding &F) override;

  /// Number of findings emitted (not suppressed).
  unsigned emitted() const { return Emitted; }

  /// Emits one message with its arguments at \p Loc with diagnostic \p ID.
  static void emit(clang::DiagnosticsEngine &Diags, unsigned ID,
                   clang::SourceLocation Loc, const Message &Msg,
                   clang::SourceRange Range, llvm::ArrayRef<FixIt> FixIts);

  /// Streams a message's arguments, its range and its fix-its into a
  /// diagnostic being built (shared with the clang-tidy module, whose
  /// diagnostics come from ClangTidyContext::diag).
  static void stream(clang::DiagnosticBuilder &DB, const Message &Msg,
                     clang::SourceRange Range, llvm::ArrayRef<FixIt> FixIts);

private:
  unsigned idFor(MessageId Id, CheckId Check, bool IsError);

  clang::DiagnosticsEngine &Diags;
  NolintFilter Nolint;
  /// The checks whose findings are errors.
  CheckSet AsErrors;
  /// The checks whose findings are not reported (-w).
  CheckSet Silenced;
  unsigned Emitted = 0;
  llvm::DenseMap<std::pair<unsigned, unsigned>, unsigned> IDs;
};

} // namespace fearless

#endif // FEARLESS_DIAGNOSTICRENDERER_H
