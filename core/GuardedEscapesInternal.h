//===- GuardedEscapesInternal.h - Pieces of the guarded-escape finder -*- C++ -*-===//
//
// Private to core/GuardedEscapes.cpp and core/GuardedBorrows.cpp: what an
// expression borrows from *this, what a lambda body reaches, and the writes
// of members under the class's mutexes.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_GUARDEDESCAPESINTERNAL_H
#define FEARLESS_GUARDEDESCAPESINTERNAL_H

#include "fearless/GuardedEscapes.h"
#include "fearless/Locks.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include <optional>

namespace fearless {
namespace guarded {

using WriteMap =
    llvm::DenseMap<const clang::FieldDecl *,
                   llvm::SmallVector<GuardedEscapeFinder::GuardedWrite, 2>>;

/// The mutex member of *this that \p L holds, if it is one.
const clang::FieldDecl *mutexField(const Lock &L);

/// Whether \p Held holds the mutex member \p Mutex.
bool holds(const Lockset &Held, const clang::FieldDecl *Mutex);

/// What a variable or return value of type \p T borrows through, if it can
/// borrow at all (a reference, a data pointer, a library iterator, a view).
std::optional<BorrowThrough> borrowKindOf(clang::QualType T);

/// The member of *this the glvalue \p E designates or is part of
/// (`name_`, `this->items_[i]`, `map_[k]`, `q_.front()`, `pos_.x`).
/// With \p Root, a designation that bottoms out at a local instead
/// (`*it`, `it->second`, `p->field`, `range.begin()`) sets *Root to it.
const clang::FieldDecl *designatedField(const clang::Expr *E, unsigned Depth,
                                        const clang::VarDecl **Root);

/// The member of *this that \p E, a value of kind \p K, points into
/// (`name_` bound to a reference, `&map_[k]`, `name_.c_str()`,
/// `q_.begin()`, `std::string_view(name_)`); null when it is none or the
/// member cannot race (a mutex, an atomic, a constant).
const clang::FieldDecl *borrowedField(const clang::Expr *E, BorrowThrough K,
                                      Session &S,
                                      const clang::VarDecl **Root = nullptr);

/// A member that can be borrowed and written: not a mutex, an atomic, a
/// constant or something synchronized by declaration.
bool borrowable(const clang::FieldDecl *F, Session &S);

/// A cheap walk before any CFG is built: whether \p St (a body) takes a
/// borrow of a member at all (a local or a return value of a borrow kind
/// initialized from one, when \p Returns with the return type's
/// \p ReturnKind), or makes a lambda.
bool mayBorrowMember(const clang::Stmt *St, BorrowThrough ReturnKind,
                     bool Returns, Session &S);

/// A member of a standard class that returns a pointer, iterator or view
/// into the object it is called on (`data`, `c_str`, `begin`, `find`, a
/// conversion to a view).
bool returnsInto(const clang::CXXMethodDecl *M);

/// Whether the borrow \p E is of an element of the container member
/// \p Field of *this, not of the container itself (`q_.front()`,
/// `map_[k]`, `&items_.back()`, `set_.find(k)`): what a write that only
/// adds elements (KeptValid) leaves alone.
bool borrowsElement(const clang::Expr *E, const clang::FieldDecl *Field);

/// The local variable \p E reads (through casts and copies), if any.
const clang::VarDecl *localVarOf(const clang::Expr *E);

/// What a lambda body reaches: the members of *this it names, the variables
/// it refers to (first occurrence of each), and whether it locks anything.
struct LambdaReach {
  llvm::DenseMap<const clang::FieldDecl *, clang::SourceLocation> ThisUses;
  llvm::DenseMap<const clang::VarDecl *, clang::SourceLocation> VarUses;
  bool Locks = false;
  void scan(const clang::Stmt *St, const clang::LambdaExpr *LE);
};

/// The writes of \p Field, a member of \p RD, under a mutex member of
/// \p RD, in its member functions other than constructors and destructors:
/// from their summaries' locksets, and for a guarded_by member every write.
/// Only member functions that name \p Field and a synchronization member
/// of \p RD (or call on *this one that does) are summarized.
llvm::SmallVector<GuardedEscapeFinder::GuardedWrite, 2>
computeWrites(Session &S, const clang::CXXRecordDecl *RD,
              const clang::FieldDecl *Field);

/// Where a member function of \p RD calls the callable member \p Callable
/// (`handler_()`) without holding the mutex member \p Mutex; invalid if
/// none does.
clang::SourceLocation unlockedCallOf(Session &S, const clang::CXXRecordDecl *RD,
                                     const clang::FieldDecl *Callable,
                                     const clang::FieldDecl *Mutex);

/// Whether at most one thread runs the member function \p MD of \p RD at
/// a time: it is not public, nothing in the translation unit calls it, and
/// it is the body of one thread, started by a member function of \p RD
/// outside loops into a member that holds one thread (a std::thread, or a
/// smart pointer reset to a new one): replacing a joinable thread ends the
/// program. Its own writes then never run beside its own borrows.
bool runsOnOneThread(Session &S, const clang::CXXRecordDecl *RD,
                     const clang::CXXMethodDecl *MD);

/// A dereference, without the mutex member \p Mutex, of the pointer member
/// \p Field (or the global or static \p Var) of \p RD, in a member function
/// of \p RD other than its constructors and destructor (by their
/// summaries' locksets); At is invalid if none does.
struct UnlockedUse {
  clang::SourceLocation At;
  const clang::CXXMethodDecl *In = nullptr;
};
UnlockedUse unlockedDerefOf(Session &S, const clang::CXXRecordDecl *RD,
                            const clang::FieldDecl *Field,
                            const clang::VarDecl *Var,
                            const clang::FieldDecl *Mutex);

} // namespace guarded
} // namespace fearless

#endif // FEARLESS_GUARDEDESCAPESINTERNAL_H
