//===- FunctionAnalysis.h - Shared results for one function -----*- C++ -*-===//
//
// Everything fearless knows about one function, computed on first use and
// shared by every check: a cheap pre-scan of the body, the CFG (built once,
// with the options every analysis needs), the parent map, the thread model
// and the thread-lifetime dataflow. A function with no spawn in it never gets
// a CFG.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_FUNCTIONANALYSIS_H
#define FEARLESS_FUNCTIONANALYSIS_H

#include "fearless/Analysis.h"
#include "fearless/Crossings.h"
#include "fearless/Threads.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <optional>

namespace fearless {

class ThreadLifetime;
class MoveAnalysis;

/// What a single walk over a body found; decides which analyses run.
struct PreScan {
  /// The body contains errors (half-typed code): analyse nothing.
  bool HasErrors = false;
  /// Expressions that start threads.
  llvm::SmallVector<const clang::Expr *, 4> Spawns;
  /// Calls of std::move/std::forward (candidates for use-after-move).
  unsigned MoveCalls = 0;
  /// With SubObjectMoves: calls of non-const member functions whose body is
  /// visible (one may move a field of its object).
  unsigned MemberCalls = 0;
  /// Calls passing an argument to a fearless::consumes or fearless::sends
  /// parameter.
  llvm::SmallVector<const clang::Expr *, 2> ConsumingCalls;
  /// The subset of ConsumingCalls with a fearless::sends parameter.
  llvm::SmallVector<const clang::Expr *, 2> SendsCalls;
  /// Lambdas written directly in this body (not in nested lambdas).
  llvm::SmallVector<const clang::LambdaExpr *, 4> Lambdas;
  /// Classes declared in this body (not in nested lambdas): their member
  /// functions are analysed after the function (the collector does not
  /// walk bodies).
  llvm::SmallVector<const clang::CXXRecordDecl *, 1> LocalClasses;
  /// The for loops of this body (not of nested lambdas), for the lockset's
  /// loops that lock every element of a lock array.
  llvm::SmallVector<const clang::ForStmt *, 4> ForLoops;
  /// The range-for loops of this body (not of nested lambdas), for the
  /// same: `for (auto &l : locks) l.lock();`.
  llvm::SmallVector<const clang::CXXForRangeStmt *, 2> RangeForLoops;
  /// Lock acquisitions written in this body or its lambdas (a guard, a
  /// lock() member call, a lock function): fearless-deadlock looks only at
  /// functions that take a lock themselves.
  unsigned LockCalls = 0;
  /// Calls of coroutines (functions defined with a coroutine body) written
  /// in this body, not in nested lambdas: the coroutine may go on running,
  /// on another thread, after the call returns (Coroutines.h).
  llvm::SmallVector<const clang::CallExpr *, 2> CoroutineCalls;
  /// Calls of a synchronized-value wrapper's guard or Calls members
  /// (Models/SyncValues.def) in this body, not in nested lambdas.
  unsigned SyncValueCalls = 0;
};

/// The shared per-function results.
class FunctionAnalysis {
public:
  FunctionAnalysis(Session &S, const clang::FunctionDecl *FD);
  ~FunctionAnalysis();

  Session &session() const { return S; }
  const clang::FunctionDecl *function() const { return FD; }
  clang::ASTContext &astContext() const { return S.astContext(); }
  const PreScan &scan() const { return Scan; }

  /// The function's CFG (null if it cannot be built). An edge from a
  /// switch to a `default:` that states it cannot be reached (`default:
  /// FAIL();`, Models/Paths.def) is marked unreachable.
  const clang::CFG *cfg();
  /// The context owning the CFG, for analyses that need one.
  clang::AnalysisDeclContext &declContext() { return *ADC; }
  /// The parent map of the body (constructor initializers included).
  const clang::ParentMap &parents();
  /// The thread model (spawn sites, handles, borrows).
  const ThreadModel &threads();
  /// The thread-lifetime dataflow results; null if the function spawns no
  /// thread, has errors, its CFG is unavailable or the analysis gave up.
  const ThreadLifetime *lifetime();
  /// The frame model: the calls of coroutines whose frames may run after
  /// the call returns, as spawn sites (CoroutineFrames.h); null when the
  /// function calls no coroutine.
  const ThreadModel *frames();
  /// The thread-lifetime dataflow over frames(); null like lifetime().
  const ThreadLifetime *frameLifetime();
  /// What crosses into each thread (sent values, shared objects).
  const Crossings &crossings();
  /// Moved-from variables and their uses; null if nothing is moved.
  const MoveAnalysis *moves();
  /// The variables some use in the body may write (writtenVariables,
  /// VarUsage.h): \p V is only read in the body exactly when it is not in
  /// the set; with \p AllowDirectWrites, only read or assigned. One walk of
  /// the body per flavour, on the first question, instead of one per
  /// variable asked about.
  const llvm::DenseSet<const clang::ValueDecl *> &
  writtenVariables(bool AllowDirectWrites = false);
  /// Whether every use of \p V in the body only reads it (isOnlyRead).
  bool isOnlyRead(const clang::ValueDecl *V) {
    return !writtenVariables().count(V);
  }

private:
  Session &S;
  const clang::FunctionDecl *FD;
  PreScan Scan;
  std::unique_ptr<clang::AnalysisDeclContext> ADC;
  std::unique_ptr<ThreadModel> Threads;
  std::unique_ptr<ThreadLifetime> Lifetime;
  std::unique_ptr<ThreadModel> Frames;
  std::unique_ptr<ThreadLifetime> FrameLifetime;
  bool FramesDone = false;
  std::unique_ptr<Crossings> Cross;
  std::unique_ptr<MoveAnalysis> Moves;
  bool MovesDone = false;
  bool LifetimeDone = false;
  bool DefaultsPruned = false;
  std::optional<llvm::DenseSet<const clang::ValueDecl *>> Written[2];
};

} // namespace fearless

#endif // FEARLESS_FUNCTIONANALYSIS_H
