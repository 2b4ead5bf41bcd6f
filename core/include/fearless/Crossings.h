//===- Crossings.h - What crosses into each thread --------------*- C++ -*-===//
//
// For every spawn of a function: the values moved or copied into the new
// thread (each must be Send) and the objects shared with it by reference
// (each must be Sync when someone else may use them at the same time).
// Pointers, references, std::reference_wrapper and std::shared_ptr copies
// share what they point to; everything else is sent.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_CROSSINGS_H
#define FEARLESS_CROSSINGS_H

#include "fearless/Threads.h"
#include "clang/AST/Type.h"
#include <vector>

namespace fearless {

/// A value copied or moved into another thread.
struct SentValue {
  enum Kind : unsigned char {
    /// A lambda capture by copy, [x] or [=].
    CaptureByCopy,
    /// An init-capture [y = expr].
    InitCapture,
    /// A copy of *this, [*this].
    CaptureThisCopy,
    /// The callable object itself (a functor, a std::function).
    Callable,
    /// An argument std::thread/std::async/... copies for the callable.
    Argument,
    /// An object handed over by pointer (new T passed to pthread_create).
    HandedOver,
  };
  Kind K;
  unsigned Spawn;
  clang::QualType Type;
  /// The variable sent, when the value is one.
  const clang::ValueDecl *Var = nullptr;
  clang::SourceLocation Loc;
  clang::SourceRange Range;
};

/// An object shared with another thread by reference.
struct SharedObject {
  enum Kind : unsigned char {
    /// Captured by reference: [&x], [&].
    CaptureByRef,
    /// Passed as std::ref(x)/std::cref(x).
    RefWrapper,
    /// Its address is passed: &x.
    Address,
    /// *this, through a captured this pointer.
    This,
    /// Reached through a pointer captured or passed by copy.
    Pointer,
    /// Owned by a std::shared_ptr copied into the thread.
    SharedPtrCopy,
  };
  Kind K;
  unsigned Spawn;
  /// The type of the shared object (the pointee).
  clang::QualType Type;
  /// The shared variable when known (a local, parameter or global).
  const clang::ValueDecl *Var = nullptr;
  /// The pointer or shared_ptr variable through which it is shared.
  const clang::ValueDecl *Via = nullptr;
  clang::SourceLocation Loc;
  clang::SourceRange Range;
};

/// The crossings of all spawns of a function.
struct Crossings {
  std::vector<SentValue> Sent;
  std::vector<SharedObject> Shared;
};

/// Computes the crossings of the spawns of \p Model.
Crossings computeCrossings(const ThreadModel &Model);

} // namespace fearless

#endif // FEARLESS_CROSSINGS_H
