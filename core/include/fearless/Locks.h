//===- Locks.h - What acquires and releases which lock ----------*- C++ -*-===//
//
// The lock model of the access summaries. A Lockset is the list of locks a
// function holds at a program point; LockTracker is its transfer function,
// one CFG statement at a time: guards (std::lock_guard, unique_lock,
// scoped_lock, shared_lock, scoped capabilities, user guards inferred from
// their constructors) lock when constructed and unlock when destroyed;
// lock()/unlock() and their kin on a mutex, pthread_mutex_*, mtx_*, Clang's
// acquire/release capability attributes, and user-defined mutexes whose
// members lock their own state (inferred from their bodies, see
// inferLocking) change the lockset directly.
//
// Two more sources of locks: a function's requires_capability attributes
// (held on entry), and the locks every visible caller of an internal helper
// holds at its calls (locksHeldByEveryCaller). A call of a function defined
// in the translation unit leaves its caller the locks the callee returns
// holding, and releases those it releases without taking them
// (ReturnedLocks, core/ReturnedLocks.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_LOCKS_H
#define FEARLESS_LOCKS_H

#include "fearless/Access.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <vector>

namespace fearless {

class FunctionAnalysis;
class LocationResolver;
class Session;

/// The locks held at a program point, in order of acquisition.
using Lockset = std::vector<Lock>;

/// Whether two locksets hold the same locks the same way.
bool sameLockset(const Lockset &A, const Lockset &B);

/// The locks held on both paths (the must-join): a lock held shared on one
/// path counts as shared.
void joinLocksets(Lockset &Into, const Lockset &From);

/// \p Held without in-flight counters (Lock::Counter): the mutexes, for the
/// lock order.
Lockset mutexesOnly(const Lockset &Held);

/// A lock of \p M (unknown when the mutex cannot be named).
Lock lockOn(const std::optional<MemLoc> &M, bool Shared,
            clang::SourceLocation At);

/// The mutex a lock holds, if it could be named.
std::optional<MemLoc> mutexOf(const Lock &L);

/// What a function does to locks, inferred from its body: the user-defined
/// mutexes and guards of real code (a spin lock with lock()/unlock(), an
/// RAII scoped_lock, a guard with acquire()/release()) that carry no
/// thread-safety attributes.
struct InferredLocking {
  /// The parameters whose mutexes it locks (a guard's constructor argument,
  /// a C wrapper's `pthread_mutex_t *`).
  llvm::SmallVector<unsigned, 1> LockedParams;
  /// The parameters whose mutexes it unlocks (a C unlock wrapper).
  llvm::SmallVector<unsigned, 1> UnlockedParams;
  /// The global mutexes it locks and unlocks (`lock_tables()`).
  llvm::SmallVector<const clang::VarDecl *, 1> LockedGlobals;
  llvm::SmallVector<const clang::VarDecl *, 1> UnlockedGlobals;
  /// It locks the object it is called on.
  bool LocksSelf = false;
  /// It unlocks the object it is called on.
  bool UnlocksSelf = false;
};

/// Infers what user mutex and guard members do to locks (InferredLocking),
/// following calls of the same class's members and of free lock wrappers up
/// to depth 2. Each body is walked once, whatever depth it is asked for
/// (Facts); the per-depth results are composed from those walks. Owned by
/// the Session (Session::inferredLocking), no state shared between TUs.
class LockInference {
public:
  LockInference();
  ~LockInference();
  /// What \p FD does to locks, asked for \p Depth calls down; nothing past
  /// depth 2 or without a body.
  const InferredLocking &inferred(const clang::FunctionDecl *FD,
                                  unsigned Depth);
  struct Facts;

private:
  const Facts &factsOf(const clang::FunctionDecl *Def);
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<Facts>> Walked;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                 std::unique_ptr<InferredLocking>>
      Composed;
  InferredLocking None;
};

/// Whether a call to \p FD never returns: declared so (exit, abort,
/// [[noreturn]]), or a body with no return whose own statement list calls
/// such a function (`void quit(int c) { cleanup(); exit(c); }`).
bool neverReturns(const clang::FunctionDecl *FD, unsigned Depth);

/// A helper only ever called with a lock held holds it on entry: the locks
/// every visible caller of \p FD holds at its call, in \p FD's terms (a mutex
/// reached through an argument becomes one reached through the parameter).
/// Empty when some caller holds none, or when not every caller is visible.
Lockset locksHeldByEveryCaller(Session &S, const clang::FunctionDecl *FD,
                               unsigned Depth);

/// A loop locking (unlocking) every element of a lock array or container.
struct LockAllLoop {
  bool Unlock;
  MemLoc Mutex;
  clang::SourceLocation At;
};
/// Such loops, keyed by the statement where the lockset applies them (a for
/// loop's init statement, a range-for's range statement).
using LockAllLoops =
    llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<LockAllLoop, 1>>;

/// The loops of \p FA's body that lock or unlock every element of a lock
/// array (`for (i = 0; i < n; ++i) pthread_mutex_lock(&locks[i]);`) or of a
/// container of mutexes (`for (auto &l : locks) l.lock();`).
LockAllLoops findLockAllLoops(Session &S, FunctionAnalysis &FA,
                              LocationResolver &Locs);

/// In-flight counters (Lock::Counter), a protocol through a counter under a
/// lock (LockInference.cpp has the argument why it orders accesses).
class InFlightCounters {
public:
  InFlightCounters(Session &S, LocationResolver &Locs) : S(S), Locs(Locs) {}

  /// \p St increments (decrements) an in-flight counter under a lock: the
  /// thread holds it shared from here (no longer holds it).
  void step(const clang::Stmt *St, Lockset &Held);

  /// \p Cond evaluated to \p Value: if this proves an in-flight counter
  /// zero under a lock, the counter is held exclusively while that lock is
  /// (LockTracker drops it at the next release).
  void zero(const clang::Expr *Cond, bool Value, Lockset &Held);

private:
  /// The in-flight counter \p E names, if it is one: an integer field of
  /// this object that its class only ever changes by ++/--/+= 1/-= 1 (out
  /// of its constructors), with every function that decrements it also
  /// incrementing it.
  std::optional<MemLoc> counterOf(const clang::Expr *E);
  bool disciplined(const clang::FieldDecl *F);

  Session &S;
  LocationResolver &Locs;
  llvm::DenseMap<const clang::FieldDecl *, bool> Disciplined;
};

/// What a function leaves its caller holding or released, in its own terms:
/// the locks it takes and still holds on every path to its exit (a
/// `lockAll()`, a `lock_all()` returning its locks in a holder whose deleter
/// unlocks them), and the mutexes it releases without taking them (an
/// `unlockAll()`). A lock held on only some paths is not held.
struct ReturnedLocks {
  Lockset Held;
  llvm::SmallVector<MemLoc, 2> Released;
  /// How many levels of calls below the function the result depends on
  /// (0: none of its calls was followed into a body); Truncated when the
  /// depth budget cut one off. A result with Need <= h is the result for
  /// every budget of h levels.
  unsigned Need = 0;
  static constexpr unsigned Truncated = 1u << 20;
};

/// Computes \p FD's ReturnedLocks with a lockset dataflow from an empty
/// entry; the calls it makes are followed to Session::returnedLocks at
/// \p Depth + 1.
ReturnedLocks computeReturnedLocks(Session &S, const clang::FunctionDecl *FD,
                                   unsigned Depth);

/// The mutexes a LockTracker takes and releases while recording
/// (computeReturnedLocks), each once.
struct LockEffects {
  llvm::SmallVector<MemLoc, 4> Taken;
  llvm::SmallVector<MemLoc, 4> Released;
  /// Notes that \p M is taken (released), if it could be named.
  void add(bool Taken, const std::optional<MemLoc> &M);
};

class LockTracker;

/// What one call does to its caller's locks through the callee's
/// ReturnedLocks, bound to the call's object and arguments.
struct CallReturn {
  /// The locks the call leaves held, in the caller's terms.
  Lockset Hold;
  /// The local that owns them (the holder the callee returned, released
  /// when it dies or is reset); null when they are held until released.
  const clang::VarDecl *Holder = nullptr;
  /// The mutexes the call releases.
  llvm::SmallVector<MemLoc, 1> Release;
  /// The local holder the call resets (`h.reset()`, `h = nullptr`).
  const clang::VarDecl *Resets = nullptr;
};

/// The CallReturn of each call of one function, computed on first use.
class CallReturns {
public:
  /// \p Depth: the depth at which callees' ReturnedLocks are asked for.
  CallReturns(Session &S, FunctionAnalysis &FA, LocationResolver &Locs,
              unsigned Depth)
      : S(S), FA(FA), Locs(Locs), Depth(Depth) {}

  /// What \p Call leaves its caller; null when nothing.
  const CallReturn *of(const clang::CallExpr *Call);

  /// Applies what \p Call leaves to \p Held and to \p T's guards: the
  /// locks held from here (owned by a holder local, if any), the mutexes
  /// released, a holder reset.
  void apply(const clang::CallExpr *Call, Lockset &Held, LockTracker &T);

private:
  std::optional<CallReturn> compute(const clang::CallExpr *Call);
  /// Binds \p From (the callee's terms) to the call into \p Out.
  void bind(const clang::CallExpr *Call, const clang::FunctionDecl *Def,
            const ReturnedLocks &From, CallReturn &Out);

  Session &S;
  FunctionAnalysis &FA;
  LocationResolver &Locs;
  unsigned Depth;
  llvm::DenseMap<const clang::CallExpr *, std::optional<CallReturn>> Cache;
};

/// Where a LockTracker records the locks taken: the list, the statement
/// being transferred and the locks held when it started.
struct AcquisitionLog {
  std::vector<Acquisition> *Out = nullptr;
  const clang::Stmt *Current = nullptr;
  Lockset Before;
  /// Records that \p L is taken (at most 1000 per function).
  void taken(const Lock &L);
};

/// The lockset transfer function of one function: what each statement
/// acquires and releases, and which local guard holds which locks.
class LockTracker {
public:
  /// \p CalleeDepth: the depth at which the ReturnedLocks of the
  /// functions it calls are asked for (0 but in computeReturnedLocks).
  LockTracker(Session &S, FunctionAnalysis &FA, LocationResolver &Locs,
              unsigned CalleeDepth = 0)
      : S(S), FA(FA), Locs(Locs), Counters(S, Locs),
        Returns(S, FA, Locs, CalleeDepth) {}

  /// Applies what \p St does to locks to \p Held.
  void transfer(const clang::Stmt *St, Lockset &Held);

  /// The local \p V goes out of scope: a guard releases its locks.
  void destroyed(const clang::VarDecl *V, Lockset &Held);

  /// Applies what taking the edge to successor \p Succ of \p From implies
  /// for locks: the branch where a try-lock succeeded holds its lock
  /// (`if (m.try_lock())`, `if (l.owns_lock())`, `if (l)` on a guard made
  /// with std::try_to_lock, `if (pthread_mutex_trylock(&m) == 0)`).
  void edge(const clang::CFGBlock &From, unsigned Succ, Lockset &Held);

  /// While \p Out is set, transfer() appends every lock it takes to it,
  /// also one already held (a self-deadlock), with the locks held when the
  /// statement started; null stops recording.
  void recordAcquisitions(std::vector<Acquisition> *Out) { Log.Out = Out; }

  /// While \p Out is set, every mutex taken or released is added to it.
  void recordEffects(LockEffects *Out) { Effects = Out; }

private:
  void acquire(Lockset &Held, std::optional<MemLoc> M, bool Shared,
               clang::SourceLocation At);
  void release(Lockset &Held, const std::optional<MemLoc> &M);
  /// Local guard \p Guard locks the mutex \p Arg names, at \p At.
  void guardLocks(Lockset &Held, const clang::VarDecl *Guard,
                  const clang::Expr *Arg, clang::SourceLocation At);
  /// Releases every lock \p Taken by a guard.
  void releaseAll(Lockset &Held, const Lockset &Taken);
  void constructed(const clang::CXXConstructExpr *CE, Lockset &Held);
  void memberCall(const clang::CXXMemberCallExpr *MC, Lockset &Held);
  void call(const clang::CallExpr *Call, Lockset &Held);
  bool usableBody(const clang::FunctionDecl *FD) const;
  /// \p Cond evaluated to \p Value: acquires the locks of the try-locks
  /// that this proves succeeded.
  void tryLocked(const clang::Expr *Cond, bool Value, Lockset &Held);

  std::optional<LockAllLoops> LockAll;

  Session &S;
  FunctionAnalysis &FA;
  LocationResolver &Locs;
  /// The locks each local guard took.
  llvm::DenseMap<const clang::VarDecl *, Lockset> Guards;
  /// Where acquisitions are recorded (recordAcquisitions).
  AcquisitionLog Log;
  void taken(const Lock &L) { Log.taken(L); }
  InFlightCounters Counters;
  CallReturns Returns;
  LockEffects *Effects = nullptr;
  friend class CallReturns;
};

} // namespace fearless

#endif // FEARLESS_LOCKS_H
