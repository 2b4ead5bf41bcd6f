//===- ThreadWrappers.h - Wrappers of C thread functions --------*- C++ -*-===//
//
// C code rarely calls pthread_create and pthread_join where it uses them: it
// calls its own wrappers, which check the error and abort (lbzip2's xcreate
// and xjoin, a project's thread_start), and it often starts every thread
// through a trampoline, a start routine that calls the function pointer it
// is given as its argument. Each wrapper is a spawn or a handle function of
// the library model (Models/ThreadLibrary.def) with its parameters in other
// places, and is inferred here from its body:
//
//   spawn wrapper   a function that passes its function-pointer parameter to
//                   a spawn function as the start routine (or as the
//                   argument of a trampoline start routine), and its handle
//                   parameter as the handle: a call of it starts a thread
//                   exactly as the spawn function would;
//   handle wrapper  a function that joins or detaches the handle it is
//                   given (`pthread_join(t, 0)` of its parameter `t`; in
//                   C++, `t.join()` of a `std::thread &t`, or of each
//                   element of a `std::vector<std::thread> &ts`);
//   trampoline      a start routine `void *entry(void *p)` that calls `p`,
//                   cast to a function pointer, with no arguments: a thread
//                   started with it runs the function `p` points to.
//
// LibraryModel::spawnFunction and handleFunction answer with the wrappers
// too, so every part of the core that knows the library functions knows
// their wrappers. The inference reads the AST of one function (a few calls
// deep for wrappers of wrappers) and caches per declaration in the object,
// which lives in the Session (never in a global).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_THREADWRAPPERS_H
#define FEARLESS_THREADWRAPPERS_H

#include "fearless/Library.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>

namespace fearless {

/// Infers the wrappers of the library's spawn and handle functions. One
/// per Session.
class ThreadWrappers {
public:
  explicit ThreadWrappers(const LibraryModel &Lib) : Lib(Lib) {}
  ~ThreadWrappers();

  /// If \p FD is a spawn wrapper, the model of a call of it: its callable,
  /// handle and context parameters (ContextArg -1 when the thread gets no
  /// argument of the caller's, as through a trampoline), and the kind of
  /// thread it starts. Null otherwise.
  const SpawnFunctionModel *spawnWrapper(const clang::FunctionDecl *FD) const;

  /// If \p FD is a handle wrapper, what it does to the handle and the index
  /// of the parameter the handle is passed in. One that joins on one path
  /// and detaches on another is a join: the handle is not joinable after
  /// it, and nothing after it is paired with the thread.
  std::optional<std::pair<HandleOp, unsigned>>
  handleWrapper(const clang::FunctionDecl *FD) const;

  /// If \p FD is a trampoline, the index of the parameter whose function it
  /// calls.
  static std::optional<unsigned> trampolineParam(const clang::FunctionDecl *FD);

  /// Whether the start routine \p E (a function's name, after casts and
  /// `&`) is a trampoline that calls its only argument.
  static bool isTrampoline(const clang::Expr *E);

  /// Whether \p Helper, besides returning the handle that its spawn call
  /// \p Inner fills in (`pthread_create(&tid, ...)`), stores it outside its
  /// locals (`thread_map[n++] = tid;`): whoever reads it there joins the
  /// thread, out of its caller's sight.
  bool storesHandleElsewhere(const clang::FunctionDecl *Helper,
                             const clang::Expr *Inner) const;

  /// The callable of a thread that \p Helper starts and returns, in the
  /// terms of the call \p E of it: for the helper's own function pointer
  /// parameter (`xcreate(entry)` starting `entry` through a trampoline),
  /// the caller's argument; otherwise \p Callable itself.
  static const clang::Expr *callerCallable(const clang::Expr *E,
                                           const clang::FunctionDecl *Helper,
                                           const clang::Expr *Callable);

private:
  /// Whether a wrapper's parameter \p P can hand it the caller's thread: a
  /// pthread_t or thrd_t, a reference to a thread object, or a reference to
  /// a container of them.
  bool isHandleParam(const clang::ParmVarDecl *P) const;
  std::unique_ptr<SpawnFunctionModel>
  inferSpawn(const clang::FunctionDecl *FD) const;

  const LibraryModel &Lib;
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         std::unique_ptr<SpawnFunctionModel>>
      Spawns;
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         std::optional<std::pair<HandleOp, unsigned>>>
      Handles;
  /// The wrappers being inferred (a wrapper of itself is none).
  mutable llvm::DenseMap<const clang::FunctionDecl *, bool> InProgress;
};

} // namespace fearless

#endif // FEARLESS_THREADWRAPPERS_H
