//===- ThreadLifetimeFacts.h - Facts and their generation -------*- C++ -*-===//
//
// The thread-lifetime analysis (ThreadLifetime.h) does not look at the CFG
// while it iterates: the FactGenerator first turns every CFG block into a
// list of facts (a thread starts, a handle is joined, moved or destroyed, a
// borrowed object dies, a statement is reached), and the BranchRefiner tells
// what each two-way branch says about a thread on one of its edges. The
// dataflow (ThreadLifetimeDataflow.h) only applies these.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_CORE_THREADLIFETIMEFACTS_H
#define FEARLESS_CORE_THREADLIFETIMEFACTS_H

#include "fearless/Threads.h"
#include "fearless/ValueGuards.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <vector>

namespace fearless {

class FunctionAnalysis;
class Session;

namespace threadlifetime {

/// One event of the thread-lifetime analysis, derived from a CFG element.
struct Fact {
  enum Kind : unsigned char {
    Spawn,     // a thread starts (Spawn)
    Op,        // join/detach of Handle
    Transfer,  // Handle moves to To
    Destroy,   // Handle is destroyed
    VarDeath,  // Var's lifetime ends
    ExitDeath, // the function returns: parameters die
    Point,     // a statement (for runningAt)
    TempDeath, // the full-expression of borrowed temporary Temp ends
    Write,     // a tracked local Var is written (with Written, if constant)
  };
  /// A fact of kind \p K, the other fields to be filled in.
  explicit Fact(Kind K) : K(K) {}
  Kind K;
  unsigned SpawnId = 0;
  HandleRef Handle;
  HandleOp Operation = HandleOp::Join;
  HandleSink To;
  const clang::ValueDecl *Var = nullptr;
  const clang::Expr *Temp = nullptr;
  /// For Write: the constant written, when known.
  std::optional<long long> Written;
  const clang::Stmt *S = nullptr;
  const clang::Stmt *Trigger = nullptr;
  clang::SourceLocation Loc;
  /// For the end of a variable's scope (its destructor or lifetime end): the
  /// variable, used to put a scope's exits in reverse declaration order.
  const clang::VarDecl *ScopeVar = nullptr;
  /// Index of the CFG element the fact comes from, within its block.
  unsigned Elem = 0;
};

/// A branch that tells something about a thread on one of its edges.
struct EdgeRefinement {
  enum Kind : unsigned char {
    None,
    NotJoinable,
    SpawnFailed,
    /// The branch contradicts the condition the spawns in NotSpawnedIds ran
    /// under (`if (threads)` twice on an unchanged flag): none ran.
    NotSpawned
  } K = None;
  HandleRef Handle;
  unsigned SpawnId = 0;
  llvm::SmallVector<unsigned, 2> NotSpawnedIds;
  /// The successor index on which the refinement holds.
  unsigned SuccIndex = 0;
  /// For SpawnFailed, further successors on which it holds, as a bit mask
  /// (the failure cases of a switch).
  uint64_t AlsoOn = 0;
  /// Whether the refinement holds on successor \p Succ.
  bool holdsOn(unsigned Succ) const {
    return Succ == SuccIndex || (Succ < 64 && ((AlsoOn >> Succ) & 1));
  }
  /// The conditions on tracked locals that hold on each successor.
  llvm::SmallVector<ValueGuard, 1> Holds[2];
};

/// The facts of one function, as the FactGenerator derives them.
struct FunctionFacts {
  /// The facts of each CFG block, by block ID, in execution order.
  std::vector<std::vector<Fact>> Blocks;
  /// The refinement on the out-edges of each CFG block, by block ID.
  std::vector<EdgeRefinement> Refinements;
  /// Borrowed objects (a ValueDecl, or a temporary Expr), to each (spawn
  /// id, borrow index) borrowing them.
  llvm::DenseMap<const void *,
                 llvm::SmallVector<std::pair<unsigned, unsigned>, 2>>
      Borrowers;
};

/// Tells what a branch condition says about a thread: t.joinable() is false
/// on one edge, pthread_create(...) != 0 failed on one edge.
class BranchRefiner {
public:
  /// Reads conditions about the threads of \p Model, the thread model of
  /// \p FA's function.
  BranchRefiner(const ThreadModel &Model, FunctionAnalysis &FA);

  /// The refinement the terminator condition of \p B makes on one of its
  /// two successors (or, for a switch on a spawn's status, on its failure
  /// cases), or a refinement of kind None.
  EdgeRefinement refinementOf(const clang::CFGBlock &B) const;

  /// Whether the dataflow tracks the value of \p V (PathFacts.h): an
  /// integer local of the function, or a global nothing but the function
  /// itself writes while it runs (no call, no thread it starts), only read
  /// or directly assigned in the function, tested in a condition with a
  /// variable a spawn ran under.
  bool tracked(const clang::ValueDecl *V) const { return Tracked.count(V); }
  /// Chooses the tracked variables among those the branches of \p Cfg test.
  void chooseTracked(const clang::CFG &Cfg, FunctionAnalysis &FA);
  /// Fills \p R.Holds: what \p B's condition says of tracked locals on
  /// each of its two successors.
  void addHolds(const clang::CFGBlock &B, EdgeRefinement &R) const;

private:
  /// The pthread/C11 spawn whose result \p E, tested by the terminator of
  /// \p B, is: the call itself, or a local initialized with it, or assigned
  /// it last in \p B before the test, or else assigned only it.
  std::optional<unsigned> spawnOfResult(const clang::Expr *E,
                                        const clang::CFGBlock &B) const;
  /// The refinement of a switch on a spawn's status: the cases other than
  /// the success value (0, thrd_success) failed, when one case is it.
  EdgeRefinement switchRefinement(const clang::CFGBlock &B,
                                  const clang::SwitchStmt &Switch) const;
  /// The spawns that cannot have run when \p Cond is \p Taken.
  llvm::SmallVector<unsigned, 2> notSpawnedWhen(const clang::Expr *Cond,
                                                bool Taken) const;

  const ThreadModel &Model;
  FunctionAnalysis &FA;
  mutable ValueGuardFinder Guards;
  /// The conditions each spawn ran under, by spawn id.
  std::vector<llvm::SmallVector<ValueGuard, 1>> SpawnGuards;
  /// Reads conditions on any local (they are filtered by Tracked).
  mutable ValueGuardFinder AnyGuards;
  llvm::DenseSet<const clang::ValueDecl *> Tracked;
};

/// The handle argument \p I of a call of a handle function, without the
/// `&` of a wrapper given the handle's address (`uv_thread_join(&t)`); null
/// if the call has no such argument.
const clang::Expr *handleArgument(const clang::CallExpr *Call, unsigned I);

/// A join or detach a callable makes on behalf of the function
/// (ThreadLifetimeDeferred.cpp).
struct DeferredOp {
  HandleRef Handle;
  HandleOp Operation;
};

/// The joins a call of an element algorithm makes
/// (`std::for_each(ts.begin(), ts.end(), std::mem_fn(&std::thread::join))`,
/// or a lambda joining its parameter): of every element of the range's
/// container.
void elementAlgorithmOps(const clang::CallExpr *Call, const ThreadModel &Model,
                         llvm::SmallVectorImpl<DeferredOp> &Out);

/// The joins scope guard \p VD makes when it is destroyed: its destructor
/// calls a member, and it was made from a lambda whose body joins
/// (`auto j = gsl::finally([&] { t.join(); });`).
void scopeGuardOps(const clang::VarDecl *VD, const ThreadModel &Model,
                   llvm::SmallVectorImpl<DeferredOp> &Out);

/// The joins a call makes through a lambda it runs: a local lambda called
/// (`join_all()`), or a lambda given to a function that calls it
/// (`measure([&] { for (auto &t : ts) t.join(); })`), not one the callee
/// keeps or a thread runs.
void calledLambdaOps(Session &S, const clang::CallExpr *Call,
                     const ThreadModel &Model,
                     llvm::SmallVectorImpl<DeferredOp> &Out);

/// Derives the facts of a function from its CFG, once, before the dataflow.
class FactGenerator {
public:
  /// Generates into \p Out the facts of \p FA's function, whose thread
  /// model is \p Model. With \p RecordPoints, every statement a check may
  /// ask runningAt() about gets a Point fact.
  FactGenerator(FunctionAnalysis &FA, const ThreadModel &Model,
                bool RecordPoints, FunctionFacts &Out)
      : FA(FA), Model(Model), Lib(Model.library()), Refiner(Model, FA),
        RecordPoints(RecordPoints), Facts(Out.Blocks),
        Refinements(Out.Refinements), Borrowers(Out.Borrowers) {}

  /// Fills the facts and refinements of every block of \p Cfg.
  void buildFacts(const clang::CFG &Cfg);

private:
  /// The thread handle a thread_guard-like local refers to, if any.
  std::optional<HandleRef> guardedHandle(const clang::VarDecl *VD) const;
  void sortScopeExits(std::vector<Fact> &Block) const;
  void addStmtFacts(const clang::Stmt *S, std::vector<Fact> &Block);
  /// A Write fact for an assignment, increment or declaration of a tracked
  /// local.
  void addWriteFacts(const clang::Stmt *S, llvm::function_ref<void(Fact)> Push);
  void addLoopEntryFact(const clang::Stmt *Op, const Fact &F);

  FunctionAnalysis &FA;
  const ThreadModel &Model;
  const LibraryModel &Lib;
  BranchRefiner Refiner;
  bool RecordPoints;
  std::vector<std::vector<Fact>> &Facts;
  std::vector<EdgeRefinement> &Refinements;
  llvm::DenseMap<const void *,
                 llvm::SmallVector<std::pair<unsigned, unsigned>, 2>>
      &Borrowers;
  /// Whether \p T is the type of a handle: a thread handle, or in the frame
  /// model an object owning a coroutine frame.
  bool isHandleType(clang::QualType T) const;
  /// Facts to add before a statement (loop entries).
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<Fact, 1>> Before;
};

} // namespace threadlifetime
} // namespace fearless

#endif // FEARLESS_CORE_THREADLIFETIMEFACTS_H
