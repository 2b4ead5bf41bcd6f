//===- Access.h - Memory accesses and the locks held at them ----*- C++ -*-===//
//
// What the data-race check compares. A memory location is a root (a
// variable: local, parameter or global; or *this) with a path of fields and
// elements below it. An access reads or writes a location, atomically or
// not, with a set of locks held. A function's summary lists its accesses in
// its own terms (its parameters, *this, globals, variables it captured by
// reference); a caller maps them into its terms by binding parameters to
// arguments, so one summary serves every call site.
//
// Vocabulary (docs/checks/data-race.md has the long form):
//   access   a read or write of a location; calls of const members of
//            standard types read, non-const ones write (the standard's data
//            race rule), containers' element accessors only read the
//            container ("const for the purpose of data races")
//   lockset  the mutexes held at an access on every path reaching it
//            (lock_guard, unique_lock, scoped_lock, shared_lock, lock()/
//            unlock(), pthread_mutex_lock, thread-safety attributes)
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_ACCESS_H
#define FEARLESS_ACCESS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <vector>

namespace fearless {

/// One step below a root: a field, or an element of an array or container.
struct PathStep {
  /// The field, or null for an element.
  const clang::FieldDecl *Field = nullptr;
  /// For elements: what is known of the index.
  enum IndexKind : unsigned char {
    /// A constant index (Value).
    Constant,
    /// The same shared variable (Var) everywhere.
    SharedVar,
    /// The value variable Var had when a thread was created (a spawn's
    /// argument `&count[i]`, an init-capture `[&w = workers[i]]`): the
    /// data-race check makes it per-thread when Var differs between the
    /// copies of a thread started in a loop; elsewhere it is SharedVar.
    CapturedVar,
    /// Anything else: assumed to differ between threads (per-thread slots).
    Other,
    /// Every element (only in a lock's mutex: a loop that locks each
    /// element of a lock array holds all of them).
    All,
  } Index = Other;
  long long Value = 0;
  const clang::ValueDecl *Var = nullptr;
  /// The field or element is a pointer that the path goes through: the
  /// steps after it are in what it points to (`c->s->n` is root c, Deref,
  /// then s with Deref, then n).
  bool Deref = false;

  /// Whether the index is a variable's value (SharedVar or CapturedVar).
  bool isVarIndex() const { return Index == SharedVar || Index == CapturedVar; }

  bool operator==(const PathStep &O) const {
    return Field == O.Field && Deref == O.Deref &&
           (Index == O.Index || (isVarIndex() && O.isVarIndex())) &&
           Value == O.Value && Var == O.Var;
  }
};

/// What a write of a container leaves valid of the elements it already has
/// (Models/Containers.def): Nothing, or references and pointers to them
/// (References: a push at either end of a deque), or iterators as well
/// (Iterators: an insertion into a list or a map). The elements are not
/// touched either way.
enum class KeptValid : unsigned char { Nothing, References, Iterators };

/// A memory location.
struct MemLoc {
  // Moves that cannot throw, so that a std::vector of MemLocs moves them
  // when it grows instead of copying them (SmallVector's move constructor
  // is not noexcept).
  MemLoc() = default;
  MemLoc(const MemLoc &) = default;
  MemLoc(MemLoc &&) noexcept = default;
  MemLoc &operator=(const MemLoc &) = default;
  MemLoc &operator=(MemLoc &&) noexcept = default;

  /// The root variable; null when the root is *this.
  const clang::ValueDecl *Root = nullptr;
  bool IsThis = false;
  /// The root is a pointer (or smart pointer) and this is what it points to.
  bool Deref = false;
  llvm::SmallVector<PathStep, 2> Path;
  /// Named through a local pointer copied from the cell the path starts
  /// with, after the function overwrote that cell (`p = cell; cell = next;
  /// ... *p`): the target the function claimed. Two claims are distinct
  /// targets, and going through a claim does not read the cell.
  bool Claimed = false;

  bool valid() const { return Root || IsThis; }
  bool sameRoot(const MemLoc &O) const {
    return Root == O.Root && IsThis == O.IsThis && Deref == O.Deref;
  }
  bool operator==(const MemLoc &O) const {
    return sameRoot(O) && Path == O.Path && Claimed == O.Claimed;
  }
  /// The location as the user wrote it, quoted: 'counter', 'this->hits_',
  /// 'stats.total', 'results[0]', 'results[...]', '*ptr'.
  std::string describe() const;
  /// The type of the memory named, or null when it is not known (an element
  /// of a container, *this itself).
  clang::QualType type() const;
};

/// A lock held at an access.
struct Lock {
  MemLoc Mutex;
  bool Shared = false;
  /// A lock the analysis could not name: it protects from everything.
  bool Unknown = false;
  /// Not a mutex but an in-flight counter (Mutex names it) used as a
  /// protocol under a lock: held shared from a thread's increment of the
  /// counter under a lock to its decrement, held exclusively where the
  /// counter was seen zero under a lock that is still held (Locks.cpp,
  /// LockTracker::counter).
  bool Counter = false;
  clang::SourceLocation Acquired;
};

/// A condition on a value the summarized function receives and cannot
/// change (a by-value parameter it never writes, a capture by copy, a field
/// of its object under a const member: Var is then the FieldDecl) under
/// which an access happens: the access runs only when
/// (Var == Value) == Equal. `if (flag) x = 1;` guards the write with
/// {flag, 0, false}; `if (id == 0) x = 1;` with {id, 0, true}.
struct ValueGuard {
  const clang::ValueDecl *Var = nullptr;
  long long Value = 0;
  bool Equal = true;

  /// Whether the guard holds when \p Var has the value \p V.
  bool holdsFor(long long V) const { return (V == Value) == Equal; }
};

/// A test of a global flag's value that an access runs under, the flag read
/// by a getter under a lock (`if (get_done() == 1) use(x);`, get_done()
/// returning `done` read with `m` held): the access runs only when the value
/// read satisfies Cond (whose Var is null). FlagHandOff.h orders it after
/// the other side's store of such a value.
struct FlagTest {
  // Moves that cannot throw, so that a std::vector of FlagTests moves them
  // when it grows instead of copying them (SmallVector's move constructor
  // is not noexcept).
  FlagTest() = default;
  FlagTest(const FlagTest &) = default;
  FlagTest(FlagTest &&) noexcept = default;
  FlagTest &operator=(const FlagTest &) = default;
  FlagTest &operator=(FlagTest &&) noexcept = default;

  const clang::VarDecl *Flag = nullptr;
  ValueGuard Cond;
  /// The locks held where the getter reads the flag.
  llvm::SmallVector<Lock, 1> Locks;
};

/// Where a store is, as the call chain down to it (Via..., Where): the
/// identity of one store of a flag among a side's accesses.
using StoreChain = llvm::SmallVector<clang::SourceLocation, 3>;

/// A read or write of a location.
struct Access {
  // Moves that cannot throw, so that a std::vector of Accesss moves them
  // when it grows instead of copying them (SmallVector's move constructor
  // is not noexcept).
  Access() = default;
  Access(const Access &) = default;
  Access(Access &&) noexcept = default;
  Access &operator=(const Access &) = default;
  Access &operator=(Access &&) noexcept = default;

  MemLoc Loc;
  bool Write = false;
  bool Atomic = false;
  /// For atomic accesses: whether it synchronizes (not memory_order_relaxed).
  bool Synchronizing = false;
  /// An atomic builtin on an object not declared _Atomic (`__atomic_load_n`
  /// on a plain int, liburcu's rcu_dereference): it orders memory, but is
  /// never one side of a race with the object's plain (volatile) accesses,
  /// the pre-C11 idiom of hand-made atomics.
  bool OrderOnly = false;
  /// An access marked by the idiom of hand-made relaxed atomics: made
  /// through a cast of the object's address to a pointer to volatile
  /// (`*(volatile __typeof__(x) *)&(x)`: liburcu's CMM_LOAD_SHARED /
  /// CMM_STORE_SHARED, the Linux kernel's READ_ONCE / WRITE_ONCE /
  /// ACCESS_ONCE). Two marked accesses do not race with each other; a plain
  /// access against a marked one still does.
  bool Marked = false;
  /// A read of a container's own state only (size(), begin(), operator[]),
  /// not of its elements.
  bool Shallow = false;
  /// For a write of a container by one of its members that only adds
  /// elements: what stays valid of the elements already in it. Such a write
  /// conflicts with the container's own state (its size, its ends), not
  /// with an element a reference kept from before names.
  KeptValid Keeps = KeptValid::Nothing;
  llvm::SmallVector<Lock, 2> Locks;
  clang::SourceLocation Where;
  clang::SourceRange Range;
  /// Call sites from the summarized function down to the access.
  llvm::SmallVector<clang::SourceLocation, 2> Via;
  /// The CFG statement of the summarized function performing the access (or
  /// the call leading to it).
  const clang::Stmt *Point = nullptr;
  /// The conditions on the function's own unchanging values under which the
  /// access runs (all must hold), in the summarized function's terms.
  llvm::SmallVector<ValueGuard, 1> Guards;
  /// For a write: the constant it stores, when known (`done = 1`, or a
  /// parameter bound to a constant argument, `set_done(1)`).
  std::optional<long long> Stored;
  /// For a write of a by-value parameter of the summarized function: the
  /// parameter (a caller binds it to its argument).
  const clang::ValueDecl *StoredParam = nullptr;
  /// Tests of global flags the access runs under.
  llvm::SmallVector<FlagTest, 0> FlagTests;
  /// The stores of global flags (their chains) that this access never
  /// follows within one run of the summarized function: no path of its CFG
  /// leads from the store to the access (FlagHandOff.h).
  llvm::SmallVector<StoreChain, 0> Precedes;
  /// The same, as the callee at Point gave it (for an access from a call).
  llvm::SmallVector<StoreChain, 0> PrecedesInCall;
};

/// A lock being taken, with the locks already held when the statement
/// taking it starts (so that std::scoped_lock(a, b) and std::lock(a, b),
/// which take their locks together without deadlocking, order neither before
/// the other). The input of fearless-deadlock (LockOrder.h): an edge from
/// every held lock to the one taken, and a self-deadlock when the one taken
/// is among those held. Try-locks are not acquisitions.
struct Acquisition {
  // Moves that cannot throw, so that a std::vector of Acquisitions moves them
  // when it grows instead of copying them (SmallVector's move constructor
  // is not noexcept).
  Acquisition() = default;
  Acquisition(const Acquisition &) = default;
  Acquisition(Acquisition &&) noexcept = default;
  Acquisition &operator=(const Acquisition &) = default;
  Acquisition &operator=(Acquisition &&) noexcept = default;

  /// The lock taken: its mutex, whether shared, where (Acquired).
  Lock Taken;
  /// The locks held on every path reaching the acquisition.
  llvm::SmallVector<Lock, 2> Held;
  /// Call sites from the summarized function down to the acquisition.
  llvm::SmallVector<clang::SourceLocation, 2> Via;
  /// The CFG statement of the summarized function taking the lock (or the
  /// call leading to it).
  const clang::Stmt *Point = nullptr;
};

/// The accesses of one function, in its own terms.
struct FunctionSummary {
  std::vector<Access> Accesses;
  /// The locks it takes (directly or through calls), in its own terms.
  std::vector<Acquisition> Acquisitions;
  /// How many levels of expanded calls this summary needs: 0 when it
  /// expands none, one more than its deepest expanded callee's, and
  /// Truncated when the call-depth budget cut an expansion off. A summary
  /// computed with a budget of at least Need levels is the same for every
  /// such budget (Session::summary reuses it).
  unsigned Need = 0;
  static constexpr unsigned Truncated = 1u << 20;
};

/// Whether \p A and \p B may touch the same memory (one's path is a prefix
/// of the other's, elements that may be the same).
bool mayOverlap(const Access &A, const Access &B);

/// Whether holding \p Held excludes a thread holding \p Other: the same
/// mutex, or \p Held is every element of an array and \p Other one of them.
bool lockCovers(const MemLoc &Held, const MemLoc &Other);

/// Whether a common lock orders \p A and \p B (held by both, not both
/// shared), or one of them holds a lock the analysis could not name.
bool protectedByLock(const Access &A, const Access &B);

} // namespace fearless

#endif // FEARLESS_ACCESS_H
