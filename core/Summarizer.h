//===- Summarizer.h - The accesses a function makes, with locks -*- C++ -*-===//
//
// Builds a FunctionSummary (Access.h), the input of the data-race check: a
// lockset dataflow over the function's CFG (a forward must-analysis: a lock
// counts only if held on every path; LockTracker in Locks.h is its transfer
// function), then a replay that records every access to shareable memory
// with the locks held (AccessRecorder), expanding calls of functions
// defined in the translation unit and lambdas they run synchronously
// through their own summaries. Session::summary() and
// Session::locksAtCalls() (Analysis.h) are the entry points; both cache.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_SUMMARIZER_H
#define FEARLESS_SUMMARIZER_H

#include "fearless/Access.h"
#include "fearless/Locations.h"
#include "fearless/Locks.h"
#include "fearless/RaceModel.h"
#include "fearless/SummaryStore.h"
#include "fearless/ValueGuards.h"
#include "fearless/FlagHandOff.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace fearless {

class FunctionAnalysis;
class Session;
class ThreadLifetime;

/// Whether the lambda given as argument \p I of \p Call (to \p Callee)
/// runs there: not when the callee keeps its arguments (storesArguments),
/// nor when its visible body only keeps that parameter (`template <class
/// F> void post(F f) { tasks_.emplace_back(std::move(f)); }`).
bool runsLambdaArgument(Session &S, const clang::CallExpr *Call,
                        const clang::FunctionDecl *Callee, unsigned I);

/// Records the accesses of one function: what each occurrence of a location
/// does to it (a read, a write, an atomic or synchronizing access, a shallow
/// read of a container's own state), with the locks held.
class AccessRecorder {
public:
  /// \p Depth: the call depth of the summary being recorded.
  AccessRecorder(Session &S, FunctionAnalysis &FA, LocationResolver &Locs,
                 unsigned Depth);

  /// Classifies the glvalue \p L, an occurrence of a location in the
  /// statement \p Point, by how its parent expression uses it, and records
  /// the access if it is one.
  void occurrence(const clang::Expr *L, const Lockset &Held,
                  const clang::Stmt *Point);

  /// Records one access. \p Synchronizing: an atomic access that orders
  /// memory (not relaxed).
  void record(MemLoc Loc, bool Write, bool Atomic, bool Shallow,
              const clang::Expr *At, const Lockset &Held,
              const clang::Stmt *Point, bool Synchronizing = false);

  /// A C11 or GNU atomic builtin (__c11_atomic_*, __atomic_*: what C's
  /// <stdatomic.h> atomic_load/atomic_store expand to; an AtomicExpr, not a
  /// call): an atomic access of the object its pointer names, which orders
  /// memory unless its order is the constant memory_order_relaxed.
  void atomicBuiltin(const clang::AtomicExpr *AE, const Lockset &Held,
                     const clang::Stmt *Point);

  /// A call of a C memory or string function (memcpy(d, s, n)): a write of
  /// what its written argument points to and a read of what its read ones
  /// point to, like `*d = *s`.
  void memoryCall(const clang::CallExpr *Call, const MemoryEffect &M,
                  const Lockset &Held, const clang::Stmt *Point);

  /// What a call of \p Callee does itself, besides its body: a signal or
  /// wait (sem_post), an atomic builtin through a pointer, a C memory
  /// function.
  void callEffects(const clang::CallExpr *Call, const clang::FunctionDecl *Callee,
                   const Lockset &Held, const clang::Stmt *Point);

  /// A signal (release write) and/or wait (acquire read) on a
  /// synchronization object.
  void recordSignal(const MemLoc &Obj, SignalEffect Effect,
                    const clang::Expr *At, const Lockset &Held,
                    const clang::Stmt *Point);

  /// Adds an access already in this function's terms (from a callee).
  void add(Access A) { Out.Accesses.push_back(std::move(A)); }

  /// The locks the function takes, recorded so far (LockTracker appends).
  std::vector<Acquisition> &acquisitions() { return Out.Acquisitions; }

  /// Whether the per-function cap on accesses is reached.
  bool full() const { return Out.Accesses.size() >= MaxAccesses; }

  /// The summary recorded so far.
  FunctionSummary take() { return std::move(Out); }

  /// The conditions on the function's unchanging values its accesses run
  /// under.
  ValueGuardFinder &guards() { return Guards; }

private:
  bool usableBody(const clang::FunctionDecl *FD) const;

  Session &S;
  FunctionAnalysis &FA;
  LocationResolver &Locs;
  ValueGuardFinder Guards;
  FlagTestFinder Flags;
  FunctionSummary Out;
  static constexpr size_t MaxAccesses = 4000;
};

/// Summarizes one function: the lockset dataflow and the recording replay.
class Summarizer {
public:
  /// \p LocalsShared: the function's locals are shareable (it spawns);
  /// \p Depth: how deep in a chain of expanded calls this summary is;
  /// \p Pass: what the replay records;
  /// \p Dynamic: the dynamic class of *this, if known (Session::summary).
  Summarizer(Session &S, const clang::FunctionDecl *FD, bool LocalsShared,
             unsigned Depth, SummaryPass Pass = SummaryPass::Accesses,
             const clang::CXXRecordDecl *Dynamic = nullptr);

  /// The function's accesses (empty when it has errors or does not
  /// converge).
  FunctionSummary run();

  /// The locks held at each call the function makes (lock-only pass).
  llvm::DenseMap<const clang::Expr *, std::vector<Lock>> locksAtCalls();

  // Dataflow interface (Dataflow.h): locksets.
  Lockset entry() const { return EntryLocks; }
  void join(Lockset &Into, const Lockset &From) const {
    joinLocksets(Into, From);
  }
  bool equal(const Lockset &A, const Lockset &B) const {
    return sameLockset(A, B);
  }
  void transferBlock(const clang::CFGBlock &B, Lockset &L) {
    for (const clang::CFGElement &E : B)
      transferElement(E, L, /*Record=*/false);
  }
  void transferEdge(const clang::CFGBlock &B, unsigned Succ, Lockset &L) {
    Locks.edge(B, Succ, L);
  }

  /// How many levels of expanded calls a summary may contain: a summary
  /// asked for at depth D expands calls MaxCallDepth - D levels deep.
  static constexpr unsigned MaxCallDepth = 4;

private:
  void transferElement(const clang::CFGElement &E, Lockset &Held, bool Record);
  void recordAccesses(const clang::Stmt *St, const Lockset &Held);
  /// Expands the call or construction \p E (and the lambdas it runs) made
  /// at \p St; false if \p E is neither.
  bool expandCalls(const clang::Expr *E, const Lockset &Held,
                   const clang::Stmt *St);
  void expandCall(const clang::Expr *Call, const clang::FunctionDecl *Callee,
                  const clang::Expr *Object, const Lockset &Held,
                  const clang::Stmt *Point);
  void expandLambda(const clang::LambdaExpr *LE, const Lockset &Held,
                    const clang::Stmt *Point, clang::SourceLocation Site);
  /// Solves the locksets and replays the body, recording.
  bool replay();
  bool usableBody(const clang::FunctionDecl *FD) const;

  Session &S;
  const clang::FunctionDecl *FD;
  FunctionAnalysis &FA;
  unsigned Depth;
  SummaryPass Pass;
  const clang::CXXRecordDecl *Dynamic;
  LocationResolver Locs;
  LockTracker Locks;
  AccessRecorder Recorder;
  llvm::DenseMap<const clang::Expr *, std::vector<Lock>> CallLocks;
  Lockset EntryLocks;
  /// FunctionSummary::Need of the summary being built.
  unsigned Need = 0;
  /// ConcurrentAccesses: the function's thread lifetimes; calls are
  /// expanded only at the statements where one of its threads may run
  /// (Expand, set per statement).
  const ThreadLifetime *Running = nullptr;
  bool Expand = true;
  /// Notes that a call of \p Callee was expanded into a summary needing
  /// \p Sub levels, or (null) that the depth budget cut it off.
  void expanded(const FunctionSummary *Sub);
};

} // namespace fearless

#endif // FEARLESS_SUMMARIZER_H
