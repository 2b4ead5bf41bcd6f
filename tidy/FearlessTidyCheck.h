//===- FearlessTidyCheck.h - The fearless checks in clang-tidy --*- C++ -*-===//
//
// Every check of Checks.def becomes a clang-tidy check named
// fearless-<check>, but the analysis behind them is one: one Session, one CFG
// per function, shared by all checks. So the check objects elect a leader,
// the first enabled fearless check in Checks.def order; only the leader
// registers a matcher, analyses each function definition with every enabled
// fearless check switched on, and emits all findings at the end of the
// translation unit under each finding's own check name (so that NOLINT,
// --warnings-as-errors and the check filter work per check).
//
// The Session lives in the leader object: clang-tidy and clangd create check
// objects per translation unit, and clangd builds many translation units on
// many threads at once.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_TIDY_FEARLESSTIDYCHECK_H
#define FEARLESS_TIDY_FEARLESSTIDYCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "fearless/Analysis.h"
#include <memory>
#include <optional>

namespace fearless::tidy {

/// Set by fearless-clangd before clangd starts (never by the clang-tidy
/// module): every finding gets a "suppress with NOLINT(<check>)" note with a
/// fix-it, and a finding's fix-it moves to the note that says what it does.
/// clangd turns a note with fix-its into a quick fix titled with the note's
/// text; on the command line those fix-its would be applied by --fix.
extern bool EditorQuickFixes;

/// The clang-tidy face of one fearless check (see the file comment for how
/// the checks share one analysis).
///
/// Options (CheckOptions), the same names as the plugin's model options:
/// SpawnFunctions, ScopedSpawnFunctions, JoinFunctions, DetachFunctions, each
/// a ';'-separated list of qualified names. They extend one library model, so
/// the lists given to all fearless checks (enabled or not) are merged.
class FearlessTidyCheck : public clang::tidy::ClangTidyCheck {
public:
  FearlessTidyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx,
                    CheckId Id);
  ~FearlessTidyCheck() override;

  /// C, C++ and Objective-C: the analysis handles pthreads and C11 threads.
  bool isLanguageVersionSupported(const clang::LangOptions &) const override {
    return true;
  }
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Reads the model options given to check \p Name.
  static ModelOptions readModelOptions(const OptionsView &View);

  CheckId Id;
  /// ClangTidyCheck keeps its context private; the leader needs it to emit
  /// under other checks' names and to see which checks are enabled.
  clang::tidy::ClangTidyContext *TidyContext;
  /// This check's own model options (what storeOptions() writes back).
  ModelOptions OwnModel;
  /// Set on the leader in registerMatchers(): what the session runs with.
  std::optional<AnalysisOptions> LeaderOptions;
  /// The leader's analysis of the current translation unit.
  std::unique_ptr<Session> TUSession;
};

} // namespace fearless::tidy

#endif // FEARLESS_TIDY_FEARLESSTIDYCHECK_H
