//===- Locations.h - Naming the memory an expression designates -*- C++ -*-===//
//
// A LocationResolver turns an expression of one function into the MemLoc it
// reads or writes (Access.h), in that function's terms: a shareable root (a
// global, a parameter, *this, a variable captured by reference, and the
// function's own locals when they are shared with a thread it starts) and a
// path of fields and elements below it. Local references and pointers
// initialized once name what they were bound to; smart pointers' operator->
// and get() name their pointee; element accessors of standard containers
// (operator[], at, front, back) name an element step whose index is known
// (constant), shared (the same variable everywhere) or per-thread.
//
// Expressions that name nothing shareable (a private local, a by-copy
// capture, a reference member) have no location.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_LOCATIONS_H
#define FEARLESS_LOCATIONS_H

#include "fearless/Access.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace fearless {

class Session;

/// Names locations in the terms of one function.
class LocationResolver {
public:
  /// \p LocalsShared: \p FD's own locals count as shareable (the function
  /// starts threads that may touch them).
  LocationResolver(Session &S, const clang::FunctionDecl *FD,
                   bool LocalsShared);

  /// The location \p E designates.
  std::optional<MemLoc> locOf(const clang::Expr *E, unsigned Steps = 0);

  /// The location the pointer (or smart pointer, or array) \p E points to.
  std::optional<MemLoc> derefLoc(const clang::Expr *E, unsigned Steps = 0);

  /// The object an expression names: the pointee of a pointer, else the
  /// expression's own location (a mutex argument, a call's object).
  std::optional<MemLoc> objectOf(const clang::Expr *E) {
    return E->getType()->isPointerType() ? derefLoc(E) : locOf(E);
  }

  /// A variable the function sees but does not own privately.
  bool isSharedRoot(const clang::ValueDecl *V) const;

  /// The lambda whose call operator the function is, if it is one.
  const clang::CXXRecordDecl *lambda() const { return Lambda; }

private:
  PathStep elementStep(const clang::Expr *Index);
  bool capturedByCopy(const clang::ValueDecl *V) const;
  bool capturesThisByCopy() const;
  /// The value of the one assignment `V = E` to \p V, a local pointer of
  /// the function declared without an initializer, when that is the only
  /// write of it; null otherwise.
  const clang::Expr *onlyAssignment(const clang::VarDecl *V);
  /// Where the function overwrites the pointer cell that its local \p V
  /// was copied from (`p = cell; ... cell = next;`, siblings in one block):
  /// after that, \p V names the target it claimed, which no other read of
  /// the cell gives; invalid when it does not.
  clang::SourceLocation claimEnd(const clang::VarDecl *V,
                                 const clang::Expr *Value);
  /// Whether \p V, a local of the function, is declared inside a loop.
  bool inLoop(const clang::VarDecl *V);
  /// Whether the local \p V names one object all along: declared outside
  /// every loop, and never assigned, moved from or reset.
  bool namesOneObject(const clang::VarDecl *V);

  Session &S;
  const clang::FunctionDecl *FD;
  bool LocalsShared;
  const clang::CXXRecordDecl *Lambda = nullptr;
  /// Resolving an init-capture's initializer: element indices are the
  /// values variables had when the lambda was made.
  bool AtCapture = false;
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> Assignments;
  /// The loops of the function's body, found on first use.
  llvm::SmallVector<clang::SourceRange, 4> Loops;
  bool LoopsKnown = false;
  llvm::DenseMap<const clang::VarDecl *, bool> OneObject;
  /// Locals every assignment gives a fresh object (or null).
  llvm::DenseMap<const clang::VarDecl *, bool> FreshEach;
  llvm::DenseMap<const clang::VarDecl *, clang::SourceLocation> Claims;
};

/// The location \p E designates, seen from function \p Within (whose locals
/// count as shareable); with \p Deref, the location \p E points to. The
/// data-race check names a spawning function's locations with it, by the
/// same rules the summaries use.
std::optional<MemLoc> resolveLocation(Session &S,
                                      const clang::FunctionDecl *Within,
                                      const clang::Expr *E, bool Deref);

/// Maps a location of \p Callee's summary to its caller's terms: parameters
/// to what the caller passed (\p Params, by parameter index: the referent of
/// a reference, the pointee of a pointer), *this to \p This, the callee's
/// locals to nothing, everything else unchanged. Binds a thread body's
/// summary to the arguments the thread was started with.
std::optional<MemLoc> bindLocation(const MemLoc &L,
                                   const clang::FunctionDecl *Callee,
                                   llvm::ArrayRef<std::optional<MemLoc>> Params,
                                   const std::optional<MemLoc> &This);

} // namespace fearless

#endif // FEARLESS_LOCATIONS_H
