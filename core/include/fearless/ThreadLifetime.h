//===- ThreadLifetime.h - Which threads may run, on every path --*- C++ -*-===//
//
// A forward dataflow over the function's CFG tracking, for every spawn site,
// the set of states its thread may be in (not started, running, joined,
// detached, escaped, terminated) and which handle owns it. The facts driving
// it are derived from the CFG once: spawns, joins and detaches, handle moves,
// handle destructions, the end of each local's lifetime, and branch
// refinements (t.joinable(), a failed pthread_create). The facts are in
// core/ThreadLifetimeFacts.h, the dataflow in core/ThreadLifetimeDataflow.h.
//
// After the fixpoint a replay records observations the checks read: a
// borrowed object dying while a thread that borrows it may still run, a
// std::thread destroyed while joinable, and which spawns may run at each
// statement.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_THREADLIFETIME_H
#define FEARLESS_THREADLIFETIME_H

#include "fearless/PathFacts.h"
#include "fearless/Threads.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace fearless {

class FunctionAnalysis;

namespace threadlifetime {
class ThreadLifetimeBuilder;
class ThreadStateAnalysis;
} // namespace threadlifetime

/// The states a thread may be in, as bits.
enum ThreadStateBits : unsigned char {
  TS_NotStarted = 1 << 0,
  TS_Running = 1 << 1,
  TS_Joined = 1 << 2,
  TS_Detached = 1 << 3,
  TS_Escaped = 1 << 4,
  TS_Terminated = 1 << 5,
  /// States in which the thread may still be executing.
  TS_MayRun = TS_Running | TS_Detached | TS_Escaped,
};

/// Why a thread's handle left the analysis' sight.
enum class EscapeReason : unsigned char {
  None,
  Returned,
  StoredInMember,
  StoredInGlobal,
  MovedAway,
  Leaked,
  AnnotatedSpawn,
  /// An eager coroutine suspended and resumes on another thread, and
  /// nothing owns its frame (SpawnSite::Suspension).
  CoroutineResumesElsewhere,
};

/// What may be true of one spawn's thread at a program point.
struct SpawnState {
  unsigned char Bits = TS_NotStarted;
  /// The handle owning the thread, when tracked.
  HandleKey Owner;
  bool OwnerElement = false;
  /// The owner is a join guard: destroying it joins the thread.
  bool OwnerJoins = false;
  /// For a task of a pool (SpawnKind::PoolSubmit): the pool object, whose
  /// waits finish the task, and whether destroying it does.
  HandleKey Pool;
  bool PoolJoins = false;
  /// Where it was detached, escaped or last joined (for notes).
  clang::SourceLocation DetachLoc;
  clang::SourceLocation EscapeLoc;
  EscapeReason Reason = EscapeReason::None;
  const clang::ValueDecl *EscapeDecl = nullptr;
  clang::SourceLocation JoinLoc;
  /// What has held of the tracked locals on every path since the thread
  /// started (PathFacts.h): a branch contradicting it is not taken while
  /// the thread runs.
  PathFacts Known;

  /// Whether every field is the same (the dataflow's fixpoint test).
  bool operator==(const SpawnState &O) const;
};

/// A borrowed object died while a thread borrowing it may still run.
struct OutlivedBorrow {
  unsigned Spawn;
  unsigned BorrowIndex;
  /// Where the object dies (the end of its scope or the statement leaving it).
  clang::SourceLocation DeathLoc;
  /// Whether it dies when the function returns (parameters).
  bool AtExit;
  /// The statement whose execution ends the scope (return, break), if any.
  const clang::Stmt *Trigger;
  SpawnState State;
};

/// A std::thread (or a container of them) destroyed while joinable.
struct JoinableDestroyed {
  unsigned Spawn;
  /// The handle destroyed.
  HandleKey Handle;
  bool Element;
  clang::SourceLocation Loc;
  const clang::Stmt *Trigger;
  SpawnState State;
};

/// Results of the thread-lifetime dataflow for one function.
class ThreadLifetime {
public:
  /// Runs the analysis; null if it gives up (budget) or there is no CFG.
  static std::unique_ptr<ThreadLifetime> compute(FunctionAnalysis &FA);
  /// Runs it over \p Model instead of FA.threads() (the frame model).
  static std::unique_ptr<ThreadLifetime> compute(FunctionAnalysis &FA,
                                                 const ThreadModel &Model);

  /// Observations, in program order of the replay, deduplicated per
  /// (spawn, object) and (spawn, handle).
  llvm::ArrayRef<OutlivedBorrow> outlivedBorrows() const { return Outlived; }
  /// Joinable std::threads destroyed, in the same order and deduplication.
  llvm::ArrayRef<JoinableDestroyed> joinableDestroys() const {
    return Destroyed;
  }

  /// Spawns that may be running at statement \p S (a CFG element of the
  /// function), by id in increasing order; empty if \p S is not an element
  /// or no thread may run there.
  llvm::ArrayRef<unsigned> runningAt(const clang::Stmt *S) const;

  /// Whether two threads of the same spawn may run at once (a spawn in a
  /// loop reached again while its previous thread may still run).
  bool isMultiInstance(unsigned Spawn) const {
    return MultiInstance.test(Spawn);
  }

  /// Whether a thread of \p Spawn may still run when the function returns.
  bool mayRunAtExit(unsigned Spawn) const {
    return Spawn < RunningAtExit.size() && RunningAtExit.test(Spawn);
  }

  /// Whether threads of spawns \p A and \p B may run at the same time.
  bool mayOverlap(unsigned A, unsigned B) const;

  /// The pairs of distinct spawns that may overlap, (lower id, higher id),
  /// in increasing order.
  std::vector<std::pair<unsigned, unsigned>> overlappingPairs() const {
    std::vector<std::pair<unsigned, unsigned>> Pairs(Overlaps.begin(),
                                                     Overlaps.end());
    llvm::sort(Pairs);
    return Pairs;
  }

  /// Where each handle is joined (for notes), by handle.
  llvm::ArrayRef<clang::SourceLocation> joinsOf(HandleKey H) const;

  /// Prints the facts and states (the "threads" dump).
  void dump(llvm::raw_ostream &OS) const;

private:
  // The analysis (core/ThreadLifetimeDataflow.h) fills the results in.
  friend class threadlifetime::ThreadLifetimeBuilder;
  friend class threadlifetime::ThreadStateAnalysis;
  std::vector<OutlivedBorrow> Outlived;
  std::vector<JoinableDestroyed> Destroyed;
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 2>> Running;
  llvm::BitVector MultiInstance;
  llvm::BitVector RunningAtExit;
  /// Pairs (min, max) of spawns that may overlap.
  llvm::DenseSet<std::pair<unsigned, unsigned>> Overlaps;
  llvm::DenseMap<const void *, llvm::SmallVector<clang::SourceLocation, 2>>
      Joins;
  std::string DumpText;
};

} // namespace fearless

#endif // FEARLESS_THREADLIFETIME_H
