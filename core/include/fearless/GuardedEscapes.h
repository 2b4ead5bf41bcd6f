//===- GuardedEscapes.h - Borrows of guarded data that outlive the lock -*- C++ -*-===//
//
// Rust's MutexGuard<'a, T>: the data behind a mutex is reachable only
// through the guard, and no reference to it outlives the guard (E0597,
// E0505). In C++ nothing stops a member function from locking the class
// mutex and handing out a reference, a pointer, an iterator or a view into
// the member it protects; whoever uses it afterwards touches the member
// without the lock, at the same time as the setter that writes it under the
// lock. This finds, in the member functions of a class that locks a mutex:
//   returned   a reference, pointer, iterator or view to a guarded member
//              returned while the lock is held by something released when
//              the function returns (`const std::string &name() const
//              { std::lock_guard g(m_); return name_; }`);
//   used after a local reference, pointer, iterator or view bound to a
//   unlock     guarded member under the lock and used where the lock is no
//              longer held (`auto &v = map_[k]; m_.unlock(); v.push_back(x)`);
//   captured   a lambda made under the lock that reaches a guarded member by
//              reference (through `this`, a `[&r = member_]` init-capture or
//              a captured borrow) and that escapes the critical section: it
//              is returned, runs on a thread that may outlive the function,
//              or is stored in a member that a member function calls
//              without the lock;
//   stored     a pointer to a guarded member stored, under the lock, in a
//              pointer member, a global, a static or an out-parameter
//              (`T **out`, `T *&out`) that outlives the critical section:
//              a member function dereferences the member or the global
//              without the lock (`ptr_ = &items_[k];` under the lock, then
//              `ptr_->x` without it), or the out-parameter's caller uses it
//              after the lock is released at return.
//
// A member is *guarded* by a mutex member `m` of its class when some member
// function writes it while holding `m` (the access summaries' locksets), or
// when it is declared guarded_by(m) and some member function writes it. Only
// such members are reported: the write is the conflicting access.
//
// Vocabulary: a *borrow* is a reference, a pointer, an iterator (a class
// whose name says iterator) or a view (std::string_view, std::span) into a
// member of *this, taken with one of the class's mutexes held.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_GUARDEDESCAPES_H
#define FEARLESS_GUARDEDESCAPES_H

#include "fearless/Access.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace fearless {

class FunctionAnalysis;
class Session;

/// What a borrow of guarded data is.
enum class BorrowThrough : unsigned char { Reference, Pointer, Iterator, View };

/// A borrow of a guarded member that outlives the lock guarding it.
struct GuardedEscape {
  enum Kind : unsigned char {
    /// Returned while the lock is held; the lock is released at return.
    Returned,
    /// A local borrow used after the lock is released.
    UsedAfterUnlock,
    /// Reached by reference from a lambda that escapes the critical section.
    Captured,
    /// Stored in a member, a global, a static or an out-parameter.
    Stored,
  } What = Returned;
  /// What escapes, and what was taken under the lock (an iterator taken,
  /// a pointer to its element returned).
  BorrowThrough Through = BorrowThrough::Reference;
  BorrowThrough TakenAs = BorrowThrough::Reference;
  /// The member function the borrow is taken in.
  const clang::CXXMethodDecl *In = nullptr;
  /// The guarded member and the mutex member that guards it.
  const clang::FieldDecl *Field = nullptr;
  const clang::FieldDecl *Mutex = nullptr;
  /// Where the mutex is locked.
  clang::SourceLocation LockedAt;
  /// Where the borrow is taken (the guarded access borrowed).
  clang::SourceLocation TakenAt;
  clang::SourceRange TakenRange;
  /// The primary location: the returned expression, the use after the
  /// unlock, or the lambda.
  clang::SourceLocation At;
  clang::SourceRange Range;
  /// Where the lock is released (the unlock, the guard's end of scope).
  clang::SourceLocation ReleasedAt;
  /// Returned: a call of the function (the caller uses the borrow after the
  /// release), if one is in the translation unit. Captured: the use of the
  /// member inside the lambda.
  clang::SourceLocation UsedAt;
  /// Captured: where the lambda escapes (the return, the spawn).
  clang::SourceLocation EscapesAt;
  /// Captured: 0 returned, 1 runs on a thread started there, 2 stored in
  /// the member StoredIn, called without the lock at RunsAt.
  unsigned EscapeHow = 0;
  const clang::FieldDecl *StoredIn = nullptr;
  clang::SourceLocation RunsAt;
  /// Stored: the global, static or out-parameter stored into (StoredIn is
  /// the member), how (0 member, 1 global, 2 static, 3 out-parameter), where
  /// the stored-into expression is, and, for a member, global or static,
  /// the member function that dereferences it without the lock (at UsedAt).
  const clang::VarDecl *StoredVar = nullptr;
  unsigned StoreHow = 0;
  clang::SourceLocation StoredAt;
  const clang::CXXMethodDecl *UsedIn = nullptr;
  /// The conflicting write of the member under the mutex.
  clang::SourceLocation WriteAt;
  const clang::CXXMethodDecl *Writer = nullptr;
};

/// Finds guarded borrows that escape their lock, one member function at a
/// time. Knows, per class, which members are written under which mutex
/// (computed on first use from the member functions' summaries). Owned by
/// the data-race check of one Session: nothing global.
class GuardedEscapeFinder {
public:
  explicit GuardedEscapeFinder(Session &S) : S(S) {}

  /// The escapes in \p FA's function, in source order. Empty (and cheap)
  /// for functions that are not member functions of a class with a mutex
  /// member, or that lock nothing.
  std::vector<GuardedEscape> find(FunctionAnalysis &FA);

  /// A write of a member under a mutex member of its class.
  struct GuardedWrite {
    const clang::FieldDecl *Mutex = nullptr;
    clang::SourceLocation At;
    const clang::CXXMethodDecl *In = nullptr;
    /// A member call that only adds elements to the member, a container
    /// (Access::Keeps): a borrow of one of its elements survives it.
    KeptValid Keeps = KeptValid::Nothing;
  };

private:
  /// The writes of member \p Field of \p RD under a mutex of \p RD.
  const llvm::SmallVector<GuardedWrite, 2> &
  writesOf(const clang::CXXRecordDecl *RD, const clang::FieldDecl *Field);

  Session &S;
  llvm::DenseMap<std::pair<const clang::CXXRecordDecl *,
                           const clang::FieldDecl *>,
                 llvm::SmallVector<GuardedWrite, 2>>
      Writes;
  /// Whether a class has a mutex (or a guarded_by member), by class.
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> LockClasses;
};

} // namespace fearless

#endif // FEARLESS_GUARDEDESCAPES_H
