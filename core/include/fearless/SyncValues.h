//===- SyncValues.h - Borrows through synchronized-value guards -*- C++ -*-===//
//
// Rust's Mutex<T>::lock() returns a MutexGuard<'a, T>, and no reference
// into the value outlives it. The C++ wrappers that copy that design
// (folly::Synchronized, boost::synchronized_value; Models/SyncValues.def)
// return a guard object too, but nothing stops a reference taken through a
// temporary guard from outliving it:
//   used      `auto &v = *sv.wlock(); v.push_back(1);` (the guard dies at
//             the end of the declaration, so the push_back runs unlocked);
//   returned  `const std::string &name() const { return *name_.rlock(); }`;
//   callback  `auto *p = sv.withWLock([](auto &v) { return v.data(); });`
//             (the lambda runs under the lock, the pointer is used after);
//   released  a borrow taken through a guard kept in a local, used after
//             that guard released the lock: `auto g = sv.wlock(); auto &v =
//             *g; g.unlock(); v.push_back(1);`, or after the guard was
//             moved into another local that is destroyed or unlocked
//             first (the borrow ends when its guard lets go of the lock,
//             not at the end of the scope), or while the unlocker of
//             folly's `auto u = g.scopedUnlock();` lives (to the end of its
//             block). A guard given a new value (a new lock) before the use
//             ends the path.
// A *borrow* is a reference, a pointer, an iterator or a view (GuardedEscapes.h)
// into the value: the value itself through the guard's * or ->, a member
// or element of it, `data()`, `begin()`, a conversion to a view. Copies
// (`auto v = *sv.rlock();`) and borrows through a guard kept in a local,
// used while it holds the lock, are fine. A wrapper that is a local of the function (owned, not shared) is
// not looked at.
//
// Only functions whose pre-scan saw a guard or a Calls member
// (PreScan::SyncValueCalls) are read; the reading is one walk of the body.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_SYNCVALUES_H
#define FEARLESS_SYNCVALUES_H

#include "fearless/GuardedEscapes.h"
#include "clang/AST/Expr.h"
#include <string>
#include <vector>

namespace fearless {

class FunctionAnalysis;

/// A borrow into a synchronized value that outlives the lock.
struct SyncValueEscape {
  enum Kind : unsigned char {
    /// A local bound through a temporary guard, used afterwards.
    UsedAfterGuard,
    /// Returned through a temporary guard.
    Returned,
    /// Returned by the callable of a Calls member (withWLock).
    FromCallback,
    /// A local bound through a guard kept in a local, used after that
    /// guard (or the local it was moved into) released the lock.
    UsedAfterRelease,
  } What = UsedAfterGuard;
  BorrowThrough Through = BorrowThrough::Reference;
  /// The wrapper object ('cache_'), when it is a named variable or member.
  const clang::NamedDecl *Object = nullptr;
  /// The member that locks: "wlock", "operator->", "withWLock".
  std::string Locker;
  /// Where the lock is taken (the guard or Calls member call).
  clang::SourceLocation LockedAt;
  /// Where the borrow is taken (UsedAfterGuard, Returned) or returned
  /// inside the callable (FromCallback).
  clang::SourceLocation TakenAt;
  clang::SourceRange TakenRange;
  /// Where the guard is destroyed: the end of the full-expression; for
  /// UsedAfterRelease the unlock() or the destruction of the guard.
  clang::SourceLocation ReleasedAt;
  /// UsedAfterRelease: the guard's local, the local it was moved into
  /// (null when it was not) and where, and whether the release is the
  /// destruction of the guard's local (not an unlock()).
  const clang::VarDecl *Guard = nullptr;
  const clang::VarDecl *MovedTo = nullptr;
  clang::SourceLocation MovedAt;
  bool ReleasedByDestruction = false;
  /// The function the guard was moved into, by value (`consume(std::move(g))`),
  /// when that is the release.
  const clang::FunctionDecl *GivenTo = nullptr;
  /// The release is folly's `scopedUnlock()`, until the unlocker dies.
  bool ScopedUnlock = false;
  /// The primary location: the use, the return, the Calls member call.
  clang::SourceLocation At;
  clang::SourceRange Range;
};

/// Whether \p E calls a guard or Calls member of a modelled synchronized
/// value (a cheap test, for the pre-scan).
bool isSyncValueCall(const clang::Expr *E);

/// The escapes in \p FA's function, in source order.
std::vector<SyncValueEscape> findSyncValueEscapes(FunctionAnalysis &FA);

} // namespace fearless

#endif // FEARLESS_SYNCVALUES_H
