//===- Options.h - What the analysis is asked to do -------------*- C++ -*-===//
//
// Options come from the front-ends (plugin arguments, clang-tidy CheckOptions)
// and mean the same everywhere. Lists of names are ';'-separated qualified
// names, as in clang-tidy.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_OPTIONS_H
#define FEARLESS_OPTIONS_H

#include "fearless/Finding.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace fearless {

/// Extensions of the built-in library model, for code that cannot be
/// annotated.
struct ModelOptions {
  /// Functions whose callable argument runs on another thread that may outlive
  /// the call (like a parameter marked fearless::spawn).
  std::vector<std::string> SpawnFunctions;
  /// Functions whose callable argument runs on other threads, possibly many
  /// copies at once, all finished before the call returns (like
  /// fearless::scoped_spawn).
  std::vector<std::string> ScopedSpawnFunctions;
  /// Free functions joining the thread whose handle is their first argument;
  /// member functions of a ThreadStartFunctions class joining its thread.
  std::vector<std::string> JoinFunctions;
  /// Free functions detaching the thread whose handle is their first
  /// argument; member functions of a ThreadStartFunctions class detaching
  /// its thread.
  std::vector<std::string> DetachFunctions;
  /// Member functions that start the thread of the object they are called
  /// on, an object of a thread class constructed from the callable the
  /// thread runs (its constructor's first callable parameter): for thread
  /// classes whose bodies are in another translation unit.
  std::vector<std::string> ThreadStartFunctions;
  /// Functions after which the object they are called on (a member function)
  /// or their first argument (a free function) must not be used: closing a
  /// handle (clang-tidy's bugprone-use-after-move InvalidationFunctions).
  std::vector<std::string> InvalidationFunctions;
  /// Functions that give the object they are called on (a member function)
  /// or their first argument (a free function) a known state again, beyond
  /// the built-in ones (clang-tidy's ReinitializationFunctions).
  std::vector<std::string> ReinitializationFunctions;
  /// Switches, each "true" or "false" (default false): which moves the
  /// use-after-move analysis reports beyond the definite bugs.
  /// TriviallyCopyableMoves: a std::move of a trivially copyable class
  /// object counts as a move (it copies; the source keeps its value).
  std::vector<std::string> TriviallyCopyableMoves;
  /// GlobalAndStaticMoves: globals and static members are tracked too.
  std::vector<std::string> GlobalAndStaticMoves;
  /// SubObjectMoves: parts of variables are tracked too (`s.v`, `p->x`,
  /// `a[2]`, `*p`: the Static Analyzer's cplusplus.Move WarnOn=All).
  std::vector<std::string> SubObjectMoves;
  /// UnseenCalleeMoves: `std::move(x)` into a T&& parameter of a function
  /// whose body is not in the translation unit (and not in a system
  /// header) counts as a move (clang-tidy's bugprone-use-after-move).
  std::vector<std::string> UnseenCalleeMoves;

  /// The option names, in the order above, as used by every front-end.
  static llvm::ArrayRef<llvm::StringRef> names();
  /// Whether the switch \p Name is set to true.
  bool flag(llvm::StringRef Name) const;
  /// The list behind an option name, or null for an unknown name.
  std::vector<std::string> *byName(llvm::StringRef Name);
  const std::vector<std::string> *byName(llvm::StringRef Name) const;
  /// Merges the entries of \p Other into this.
  void merge(const ModelOptions &Other);
};

/// Everything the analysis core is configured with.
struct AnalysisOptions {
  /// The checks to run; analyses no enabled check needs are skipped.
  CheckSet Enabled = CheckSet::all();
  ModelOptions Model;
  /// Internal facts to print to stderr (for tests of the analysis itself):
  /// "threads", "concurrency", "coroutines".
  std::vector<std::string> Dump;
};

/// Splits a ';'-separated list, trimming blanks and dropping empty entries.
std::vector<std::string> splitNameList(llvm::StringRef List);

/// Joins a list of names with ';'.
std::string joinNameList(llvm::ArrayRef<std::string> Names);

/// clang-tidy style check globs: a ','-separated list of patterns with '*'
/// wildcards, each optionally prefixed by '-' to exclude; the last pattern
/// matching a name decides.
class CheckGlobs {
public:
  /// Parses \p Globs; returns an error text for a malformed list.
  static std::optional<CheckGlobs> parse(llvm::StringRef Globs,
                                         std::string &Error);
  /// Whether \p Name is selected.
  bool contains(llvm::StringRef Name) const;
  /// The positive patterns that select no fearless check (likely typos).
  std::vector<std::string> unmatchedPositivePatterns() const;
  /// The fearless checks selected.
  CheckSet selectedChecks() const;

private:
  struct Pattern {
    bool Positive;
    std::string Text;
  };
  std::vector<Pattern> Patterns;
};

/// Whether \p Name matches the glob \p Pattern ('*' matches any run).
bool globMatches(llvm::StringRef Pattern, llvm::StringRef Name);

} // namespace fearless

#endif // FEARLESS_OPTIONS_H
