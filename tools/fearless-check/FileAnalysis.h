//===- FileAnalysis.h - One translation unit through fearless ---*- C++ -*-===//
//
// fearless-check analyses each file of the compilation database on its own
// thread: parse with the file's compile command, run the analysis, render the
// findings exactly as the plugin does (DiagnosticRenderer: same text, same
// NOLINT handling) and keep them as plain data for SARIF and the fix-its
// export. Nothing here is shared between files.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_TOOLS_FILEANALYSIS_H
#define FEARLESS_TOOLS_FILEANALYSIS_H

#include "fearless/Options.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Core/Replacement.h"
#include <string>
#include <vector>

namespace fearless::tools {

/// How every file is analysed.
struct RunOptions {
  AnalysisOptions Analysis;
  /// The checks whose findings are errors (--werror: all of them,
  /// --warnings-as-errors=<globs>: those); none when unset.
  std::optional<CheckSet> ErrorChecks;
  /// Arguments added before / after the compile command's own.
  std::vector<std::string> ExtraArgsBefore;
  std::vector<std::string> ExtraArgs;
  /// Colours in the rendered text.
  bool Color = false;
  /// Record the model option names that match nothing (--verify-config).
  bool VerifyConfig = false;
};

/// A source position, 1-based, with the absolute path of its file.
struct Position {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  /// Byte offset in the file (what the fix-its export records).
  unsigned Offset = 0;
};

/// A fix-it as a replacement of a span of a file.
struct Edit {
  /// The replacement, with the file's absolute path.
  clang::tooling::Replacement Replacement;
  Position Begin;
  Position End;
};

/// One message of a finding: the primary one or a note.
struct ReportedMessage {
  /// The text without the " [fearless-<check>]" suffix.
  std::string Text;
  /// Invalid (Line == 0) for a message without a location.
  Position Where;
  /// Where the highlighted source ends (exclusive: the position after its
  /// last character), in Where's file; the end of the token at Where when
  /// the message highlights no range. Invalid when Where is.
  Position End;
  std::vector<Edit> Edits;
};

/// A finding as reported (after NOLINT).
struct ReportedFinding {
  CheckId Check;
  bool IsError = false;
  ReportedMessage Primary;
  std::vector<ReportedMessage> Notes;
};

/// Everything one file produced.
struct FileResult {
  /// The file as named in the compilation database (absolute).
  std::string File;
  /// The compile command's working directory.
  std::string Directory;
  /// The rendered diagnostics, clang-style: findings and, for a file that
  /// failed, the compiler errors.
  std::string Text;
  std::vector<ReportedFinding> Findings;
  /// The file could not be analysed (compile errors, no compile command,
  /// a crash): a tool error.
  bool Failed = false;
  /// Why, when the rendered text does not say it.
  std::string Problem;
  /// With VerifyConfig: the model option names that match no function
  /// declared in this file's translation unit, as "<option>\n<name>".
  std::vector<std::string> UnmatchedNames;
};

/// Analyses \p File with \p Command. Never throws or exits; a file that
/// cannot be parsed comes back Failed.
FileResult analyzeFile(const std::string &File,
                       const clang::tooling::CompileCommand &Command,
                       const RunOptions &Options);

} // namespace fearless::tools

#endif // FEARLESS_TOOLS_FILEANALYSIS_H
