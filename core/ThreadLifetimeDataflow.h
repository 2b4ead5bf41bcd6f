//===- ThreadLifetimeDataflow.h - Dataflow over thread states ---*- C++ -*-===//
//
// The lattice (State: what each spawn's thread may be doing), the transfer
// function applying the facts of ThreadLifetimeFacts.h (ThreadStateAnalysis),
// and the ThreadLifetimeBuilder that derives the facts, solves the dataflow
// with solveAndReplay (Dataflow.h), replays it to record the observations of
// ThreadLifetime, and dumps them.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_CORE_THREADLIFETIMEDATAFLOW_H
#define FEARLESS_CORE_THREADLIFETIMEDATAFLOW_H

#include "ThreadLifetimeFacts.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/ThreadLifetime.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

namespace fearless::threadlifetime {

/// The threads that may run at a program point, by spawn id (sorted). A
/// spawn absent is not running: not started, joined or terminated. Sparse,
/// so that a function with many short-lived threads costs what it has live,
/// not what it has in all.
class State {
public:
  /// A spawn id and what its thread may be doing.
  using Entry = std::pair<unsigned, SpawnState>;

  /// The state of spawn \p Id, or null when its thread cannot run here.
  SpawnState *find(unsigned Id) {
    auto It = lower(Id);
    return It != Entries.end() && It->first == Id ? &It->second : nullptr;
  }
  /// The state of spawn \p Id, inserted default (not started) if absent.
  SpawnState &getOrInsert(unsigned Id) {
    auto It = lower(Id);
    if (It == Entries.end() || It->first != Id)
      It = Entries.insert(It, Entry{Id, SpawnState()});
    return It->second;
  }
  /// Forgets spawn \p Id (its thread cannot run here).
  void erase(unsigned Id) {
    auto It = lower(Id);
    if (It != Entries.end() && It->first == Id)
      Entries.erase(It);
  }
  /// Drops the threads that can no longer run.
  void prune() {
    Entries.erase(std::remove_if(Entries.begin(), Entries.end(),
                                 [](const Entry &E) {
                                   return !(E.second.Bits & TS_MayRun);
                                 }),
                  Entries.end());
  }
  /// Whether both states have the same spawns in the same states.
  bool operator==(const State &O) const {
    return Entries == O.Entries && Path == O.Path;
  }

  /// The spawns whose thread may run, by increasing id.
  llvm::SmallVector<Entry, 4> Entries;
  /// What holds of the tracked locals on every path to here; a spawn's
  /// thread starts knowing it (SpawnState::Known).
  PathFacts Path;

private:
  llvm::SmallVector<Entry, 4>::iterator lower(unsigned Id) {
    return std::lower_bound(
        Entries.begin(), Entries.end(), Id,
        [](const Entry &E, unsigned Id) { return E.first < Id; });
  }
};

/// The transfer function of the thread-lifetime dataflow: applies the facts
/// of each block and the refinements of each edge to a State. Replayed with
/// recording on, it also writes the observations into a ThreadLifetime.
class ThreadStateAnalysis {
public:
  /// Applies \p Facts about the spawns of \p Model, recording into \p Out.
  ThreadStateAnalysis(const ThreadModel &Model, const FunctionFacts &Facts,
                      ThreadLifetime &Out)
      : Model(Model), Out(Out), Facts(Facts.Blocks),
        Refinements(Facts.Refinements), Borrowers(Facts.Borrowers) {}

  // Dataflow interface (solveForward in Dataflow.h).
  /// The state at the function's entry: no thread runs.
  State entry() const { return State(); }
  /// Merges \p From into \p Into at a join point.
  void join(State &Into, const State &From) const;
  /// Whether \p L and \p R are the same state (the fixpoint test).
  bool equal(const State &L, const State &R) const { return L == R; }
  /// Applies the facts of block \p B to \p S, without recording.
  void transferBlock(const clang::CFGBlock &B, State &S) {
    for (const Fact &F : Facts[B.getBlockID()])
      apply(F, S, /*Record=*/false);
  }
  /// Applies the refinement of \p From's edge \p SuccIndex to \p S.
  void transferEdge(const clang::CFGBlock &From, unsigned SuccIndex,
                    State &S) const;

  /// Applies \p F to \p S; with \p Record, also records what it observes
  /// (outlived borrows, joinable destructions, overlaps, running sets).
  void apply(const Fact &F, State &S, bool Record);

private:
  bool owns(const SpawnState &St, const HandleRef &H) const;
  /// Whether \p H is the pool running \p St's task (SpawnKind::PoolSubmit).
  bool ownsAsPool(const SpawnState &St, const HandleRef &H) const;
  void setOwner(SpawnState &St, const HandleSink &Sink,
                clang::SourceLocation Loc);

  const ThreadModel &Model;
  ThreadLifetime &Out;
  const std::vector<std::vector<Fact>> &Facts;
  const std::vector<EdgeRefinement> &Refinements;
  const llvm::DenseMap<const void *,
                       llvm::SmallVector<std::pair<unsigned, unsigned>, 2>>
      &Borrowers;
  llvm::DenseSet<std::pair<unsigned, const void *>> SeenOutlived;
  llvm::DenseSet<std::pair<unsigned, const void *>> SeenDestroyed;
};

/// Builds the facts of a function, solves the dataflow and replays it to
/// record observations.
class ThreadLifetimeBuilder {
public:
  /// Computes into \p Out the thread lifetimes of \p FA's function.
  ThreadLifetimeBuilder(FunctionAnalysis &FA, ThreadLifetime &Out)
      : FA(FA), Model(FA.threads()), Out(Out) {}
  /// The same over \p Model (the frame model).
  ThreadLifetimeBuilder(FunctionAnalysis &FA, const ThreadModel &Model,
                        ThreadLifetime &Out)
      : FA(FA), Model(Model), Out(Out) {}

  /// Runs the analysis; false if there is no CFG or the budget is exceeded.
  bool run();

private:
  bool loopRunsAtMostOnce(const clang::Stmt *Spawn) const;
  void dumpFacts(llvm::raw_ostream &OS, const clang::CFG &Cfg) const;

  FunctionAnalysis &FA;
  const ThreadModel &Model;
  ThreadLifetime &Out;
};

} // namespace fearless::threadlifetime

#endif // FEARLESS_CORE_THREADLIFETIMEDATAFLOW_H
