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
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>

namespace fearless {

/// A class whose objects are threads created stopped (a project's own
/// `Thread`, `Worker`): a constructor stores the callable it is given in a
/// member, and a member function starts a thread that runs it. Constructing
/// an object creates the thread; `obj.start()` starts it; the member
/// functions that join (or detach) the thread kept in \c Handle are handle
/// methods of the object.
struct ThreadClass {
  /// The member holding the callable (a std::function, a function pointer).
  const clang::FieldDecl *Callable = nullptr;
  /// The member function that starts the thread (a constructor, when the
  /// constructor itself starts it).
  const clang::CXXMethodDecl *Start = nullptr;
  /// The member the thread's handle goes into (a std::thread, a pthread_t);
  /// null if the start function keeps none (it detaches the thread).
  const clang::FieldDecl *Handle = nullptr;
  /// Whether the destructor joins the thread.
  bool DestructorJoins = false;
  /// Named by the ThreadStartFunctions option rather than inferred (its
  /// bodies are elsewhere): Callable and Handle are null, JoinFunctions and
  /// DetachFunctions name its handle methods, the destructor does not join.
  bool Configured = false;
  /// The constructors (canonical declarations) that store a parameter in
  /// \c Callable, and its index.
  llvm::SmallVector<std::pair<const clang::CXXConstructorDecl *, unsigned>, 2>
      Stores;
  /// The constructors (canonical declarations) that start the thread
  /// themselves: they call \c Start, or are it (`t_([this] { f_(); })` in
  /// the initializer list). An object they construct is running at once.
  llvm::SmallVector<const clang::CXXConstructorDecl *, 2> StartingCtors;
};

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

  /// If \p RD is a thread class, what it stores and what starts and ends
  /// its thread (inferred from the bodies of its members; cached). Null
  /// otherwise.
  const ThreadClass *threadClass(const clang::CXXRecordDecl *RD) const;

  /// If \p Ctor constructs an object of a thread class from a callable it
  /// stores, the index of that parameter.
  std::optional<unsigned>
  threadClassParam(const clang::CXXConstructorDecl *Ctor) const;

  /// If \p M is a member function of a thread class that joins or detaches
  /// the object's thread (itself, or through another member function it
  /// calls on *this), which. One that does both counts as a join.
  std::optional<HandleOp> threadClassMethod(const clang::CXXMethodDecl *M) const;

  /// If member function \p M keeps the thread handed to it as a parameter
  /// (by value or rvalue reference) in a member that the destructor of its
  /// class joins (`void add(std::thread t) { ts_.push_back(std::move(t));
  /// }` with `~Group() { for (auto &t : ts_) t.join(); }`), that
  /// parameter's index: the thread is joined when the object is destroyed
  /// (ThreadGroups.cpp; cached).
  std::optional<unsigned> adoptingParam(const clang::CXXMethodDecl *M) const;

private:
  /// The members of \p RD whose thread (or every element's) its destructor
  /// joins, itself or through a member function it calls (cached).
  const llvm::SmallVector<const clang::FieldDecl *, 1> &
  joinedMembers(const clang::CXXRecordDecl *RD) const;
  std::unique_ptr<ThreadClass>
  inferThreadClass(const clang::CXXRecordDecl *RD) const;
  std::unique_ptr<ThreadClass>
  configuredThreadClass(const clang::CXXRecordDecl *RD) const;
  std::optional<HandleOp> threadClassMethod(const clang::CXXMethodDecl *M,
                                            const ThreadClass &TC,
                                            unsigned Depth) const;

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
  mutable llvm::DenseMap<const clang::CXXRecordDecl *,
                         std::unique_ptr<ThreadClass>>
      Classes;
  /// What a member function does to the thread in a handle member.
  mutable llvm::DenseMap<
      std::pair<const clang::CXXMethodDecl *, const clang::FieldDecl *>,
      std::optional<HandleOp>>
      ClassMethods;
  mutable llvm::DenseMap<const clang::CXXMethodDecl *, std::optional<unsigned>>
      Adopting;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *,
                         llvm::SmallVector<const clang::FieldDecl *, 1>>
      Joined;
  /// The wrappers being inferred (a wrapper of itself is none).
  mutable llvm::DenseMap<const clang::FunctionDecl *, bool> InProgress;
};

} // namespace fearless

#endif // FEARLESS_THREADWRAPPERS_H
