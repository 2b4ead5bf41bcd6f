//===- Analysis.h - The analysis session and its functions ------*- C++ -*-===//
//
// The entry points of the analysis core. A Session lives for one translation
// unit: it owns the library model, the per-function results (one CFG per
// function, shared by every check) and the buffered findings. Front-ends call
// analyzeFunction() for each function definition (or analyzeTranslationUnit()
// for all of them) and then flush() to receive the findings, sorted by
// location and free of duplicates.
//
// Nothing here is global: clangd runs many sessions on many threads at once.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_ANALYSIS_H
#define FEARLESS_ANALYSIS_H

#include "fearless/Finding.h"
#include "fearless/Library.h"
#include "fearless/Options.h"
#include "fearless/Traits.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <vector>

namespace fearless {

class ConcurrencyModel;
class CoroutineModel;
class FunctionAnalysis;
class Session;
class SpawnInference;
class ChannelInference;
class ThreadWrappers;
struct FunctionSummary;
struct InferredLocking;
class LockInference;
class SummaryStore;
struct ReturnedLocks;
struct Lock;

/// One check: reads the shared per-function results and reports findings.
/// Implementations live under checks/, one class per check.
class Check {
public:
  virtual ~Check();
  /// The check's id.
  virtual CheckId id() const = 0;
  /// Examines one analysed function.
  virtual void checkFunction(FunctionAnalysis &FA) = 0;
};

/// Creates the checker object of \p Id.
std::unique_ptr<Check> createCheck(CheckId Id, Session &S);

/// A result per function and depth (how many calls down or callers up it
/// was asked for), kept where the map's growth does not move it.
template <typename T>
using PerDepth =
    llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                   std::unique_ptr<T>>;

/// The analysis of one translation unit.
class Session {
public:
  Session(clang::ASTContext &Ctx, AnalysisOptions Options);
  ~Session();

  /// Analyses one function definition and the lambdas written inside it.
  /// Lambda call operators themselves are skipped (they are analysed with
  /// their enclosing function); so are dependent, invalid and erroneous
  /// bodies and system-header functions.
  void analyzeFunction(const clang::FunctionDecl *FD);

  /// Analyses every function definition of the translation unit, template
  /// instantiations included.
  void analyzeTranslationUnit();

  /// Hands the buffered findings to \p Out in source order, without
  /// duplicates and without findings suppressed by [[clang::suppress]].
  void flush(FindingConsumer &Out);

  /// Buffers a finding (checks call this).
  void report(Finding F);

  clang::ASTContext &astContext() const { return Ctx; }
  const AnalysisOptions &options() const { return Options; }
  const LibraryModel &library() const { return Library; }
  bool isEnabled(CheckId C) const { return Options.Enabled.contains(C); }
  /// Whether a dump of \p What was requested.
  bool dumps(llvm::StringRef What) const;
  /// Where dumps go.
  llvm::raw_ostream &dumpStream() const { return llvm::errs(); }

  /// Send/Sync verdicts, cached for the translation unit.
  TraitOracle &traits() { return Traits; }

  /// What \p FD reads and writes, in its own terms, with the locks held
  /// (Access.h); \p LocalsShared keeps its locals (for a function whose
  /// locals threads borrow). \p Depth: how deep in a chain of expanded
  /// calls the summary is asked for; the remaining call-depth budget is
  /// the only thing it depends on, never which check or caller asked
  /// first. \p Dynamic: the class of the object *this is known to be (a
  /// thread started by a base class's member on an object of a derived
  /// class): virtual calls on *this, in \p FD and in what it calls on
  /// *this, run the final overriders of \p Dynamic. Null if \p FD has no
  /// body.
  const FunctionSummary *summary(const clang::FunctionDecl *FD,
                                 bool LocalsShared, unsigned Depth = 0,
                                 const clang::CXXRecordDecl *Dynamic = nullptr);

  /// Like summary(\p FD, /*LocalsShared=*/true), for a function that starts
  /// threads: its own accesses everywhere, but what its calls and the
  /// lambdas they run do only where a thread it starts may be running
  /// (ThreadLifetime::runningAt). Elsewhere nothing the function calls can
  /// meet those threads, and on code with long sequential stretches around
  /// its threads (a main that parses options, then starts workers) that is
  /// most of the cost. Null if \p FD has no body or starts no thread.
  const FunctionSummary *concurrentSummary(const clang::FunctionDecl *FD);

  /// The caches behind summary(), acquisitionSummary() and
  /// returnedLocks() (SummaryStore.h).
  SummaryStore &summaries() { return *Store; }

  /// Like summary(), but only the locks \p FD and what it calls take
  /// (FunctionSummary::Acquisitions; no accesses), without the locks its
  /// callers hold on entry: what a check of the locks a body takes itself
  /// needs (a self-deadlock), at a fraction of the cost.
  const FunctionSummary *
  acquisitionSummary(const clang::FunctionDecl *FD, bool LocalsShared,
                     unsigned Depth = 0,
                     const clang::CXXRecordDecl *Dynamic = nullptr);

  /// A call of a function, and the function the call is written in.
  struct CallSite {
    const clang::Expr *Call;
    const clang::FunctionDecl *Caller;
  };
  /// Every call of \p FD in the translation unit (an index built on first
  /// use by one walk over the translation unit).
  llvm::ArrayRef<CallSite> callSitesOf(const clang::FunctionDecl *FD);

  /// Whether every caller of \p FD is visible here: it has internal linkage
  /// or is a template instantiation, and is called at least once.
  bool allCallersVisible(const clang::FunctionDecl *FD);

  /// The locks \p FD holds at each call it makes, in its own terms (for
  /// locks a helper's callers always hold), with the locks its own callers
  /// hold looked up while \p Depth stays within the budget of
  /// locksHeldByEveryCaller; cached per (\p FD, \p Depth).
  const llvm::DenseMap<const clang::Expr *, std::vector<struct Lock>> *
  locksAtCalls(const clang::FunctionDecl *FD, unsigned Depth);

  /// What the user lock or guard member \p FD does to locks (inferLocking,
  /// Locks.h), once per function and depth: the lockset dataflow asks at
  /// every call, the inference of what it calls one level deeper.
  const InferredLocking &inferredLocking(const clang::FunctionDecl *FD,
                                         unsigned Depth = 0);

  /// What \p FD leaves its callers holding or released (ReturnedLocks,
  /// Locks.h), asked for \p Depth calls down; cached, and one result serves
  /// every depth whose budget covers what it needed (ReturnedLocks::Need).
  /// Null past the budget.
  const ReturnedLocks *returnedLocks(const clang::FunctionDecl *FD,
                                     unsigned Depth);

  /// The translation unit's model of what runs at the same time beyond one
  /// function (Concurrency.h), created on first use.
  ConcurrencyModel &concurrency();

  /// The translation unit's C++20 coroutines: suspension points and where
  /// each resumes (Coroutines.h), created on first use.
  CoroutineModel &coroutines();

  /// The shared analysis of \p FD, created on first use (also for functions
  /// analysed on behalf of others: thread bodies and callees).
  FunctionAnalysis &functionAnalysis(const clang::FunctionDecl *FD);

private:
  void analyzeOne(const clang::FunctionDecl *FD);
  /// Runs the use-after-move check alone on an uninstantiated function
  /// template's body.
  void analyzeTemplatePattern(const clang::FunctionDecl *FD);

  clang::ASTContext &Ctx;
  AnalysisOptions Options;
  LibraryModel Library;
  std::unique_ptr<SpawnInference> Inference;
  std::unique_ptr<ChannelInference> Channels;
  std::unique_ptr<ThreadWrappers> Wrappers;
  TraitOracle Traits;
  std::vector<std::unique_ptr<Check>> Checks;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionAnalysis>>
      Functions;
  llvm::DenseMap<const clang::FunctionDecl *, bool> Analysed;
  std::unique_ptr<SummaryStore> Store;
  std::optional<
      llvm::DenseMap<const clang::FunctionDecl *, std::vector<CallSite>>>
      Callers;
  llvm::DenseSet<const clang::FunctionDecl *> AddressTaken;
  /// Keyed by function and by how many callers up it was asked for.
  PerDepth<llvm::DenseMap<const clang::Expr *, std::vector<Lock>>> CallLocks;
  std::unique_ptr<LockInference> Locking;
  std::unique_ptr<ConcurrencyModel> Concurrency;
  std::unique_ptr<CoroutineModel> Coroutines;
  std::vector<Finding> Findings;
  /// The function each finding was reported for (its [[clang::suppress]]
  /// scope).
  std::vector<const clang::FunctionDecl *> Origins;
  const clang::FunctionDecl *Current = nullptr;
};

} // namespace fearless

#endif // FEARLESS_ANALYSIS_H
