//===- SpawnInference.h - Spawn functions inferred from bodies --*- C++ -*-===//
//
// A function whose callable parameter ends up running on another thread is a
// spawn function, whether or not it is annotated fearless::spawn. Two shapes
// are inferred from the bodies visible in the translation unit:
//
//   direct  the function starts a thread running the callable (or a wrapper
//           of it) and detaches it, or joins it before returning (a scoped
//           spawn);
//   pool    the function stores the callable (or a wrapper of it) into a
//           member container of its class, and a thread that the class
//           starts in one of its own member functions (a worker) reads that
//           container: the hand-written thread pool's submit()/enqueue().
//
// The inference is syntactic and local to the function and its class: it
// never analyses another function through the Session, so it can run while
// a function's pre-scan is under way. Results are cached per declaration in
// the object, which lives in the Session (never in a global).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_SPAWNINFERENCE_H
#define FEARLESS_SPAWNINFERENCE_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>

namespace fearless {

class LibraryModel;
class ExecutorPools;

/// A thread pool class: what its workers are and what ends them.
struct PoolClass {
  /// The field holding the worker thread(s), and where they are started
  /// (null and invalid for a library executor).
  const clang::FieldDecl *Workers = nullptr;
  clang::SourceLocation WorkerStart;
  /// The function the workers run (a lambda's call operator or a member
  /// function).
  const clang::FunctionDecl *WorkerBody = nullptr;
  /// Exactly one worker: tasks run one after the other, never at the same
  /// time as each other.
  bool SingleWorker = false;
  /// The destructor joins the workers (or they are std::jthreads).
  bool DestructorJoins = false;
};

/// How a call of an inferred spawn function runs its callable.
struct InferredSpawn {
  enum Kind : unsigned char {
    /// A thread that the function does not wait for.
    Detached,
    /// A thread that the function joins before it returns.
    Scoped,
    /// A task queued for the worker threads of a pool (the object the
    /// function is called on).
    Pool,
  } K = Detached;
  /// The callable parameter.
  unsigned Param = 0;
  /// Where the callable starts running (Detached, Scoped) or is queued
  /// (Pool): for notes.
  clang::SourceLocation At;
  /// Pool: the member the task is queued in (null for a library executor,
  /// Models/Executors.def), and the pool class.
  const clang::FieldDecl *Queue = nullptr;
  const PoolClass *Class = nullptr;
  /// Pool: the tasks are spread over several objects of Class, held by
  /// the object the function is called on (a pool of single-worker
  /// pools): they may run at the same time even if Class has one worker.
  bool Spread = false;
  /// Pool: the parameter that names the pool, for a helper that hands the
  /// callable to a pool it is given (`post(Pool &p, F f) { return
  /// p.submit(f); }`); -1 when the pool is the object the function is
  /// called on.
  int PoolParam = -1;
  /// Pool: one call queues several tasks (the function queues in a loop:
  /// a bulk helper such as parallel_loop); they may run at the same time.
  bool ManyPerCall = false;
};

/// Infers spawn functions, thread pools and their waits. One per Session.
class SpawnInference {
public:
  explicit SpawnInference(const LibraryModel &Lib);
  ~SpawnInference();

  /// How \p FD runs the callable it is given, if it is an inferred spawn
  /// function; null otherwise (also for functions without a visible body).
  const InferredSpawn *spawnOf(const clang::FunctionDecl *FD) const;

  /// The spawn \p Call starts through an inferred spawn function, if its
  /// callable argument is callable and, for a pool, the pool object can be
  /// named (\p PoolObject receives it: a variable or a field of *this).
  const InferredSpawn *spawnAt(const clang::Expr *Call,
                               const clang::ValueDecl **PoolObject) const;

  /// The spawns whose handle \p FD returns, one per return statement that
  /// returns one: a thread construction (`return std::thread(work, s);`,
  /// or a local thread constructed so and returned; a CXXConstructExpr) or
  /// a std::async call whose future it returns (a CallExpr). Each is a
  /// possible thread of a call (`if (fast) return std::thread(a, s);
  /// return std::thread(b, s);`); empty if there is none. The caller owns
  /// the thread (or future) from the call on.
  llvm::ArrayRef<const clang::Expr *>
  returnedThreads(const clang::FunctionDecl *FD) const;

  /// How \p M detaches a thread that uses `*this` (`std::thread([this] {
  /// ... }).detach()`, `std::thread(&C::run, this)` detached), when nothing
  /// of its class waits for it: no member function, the destructor
  /// included, joins a thread or blocks. Null otherwise. A call of \p M
  /// borrows its object for as long as that thread runs.
  const InferredSpawn *detachesThis(const clang::CXXMethodDecl *M) const;

  /// Whether an inference is in progress (answers may not be final yet).
  bool inferring() const { return !InProgress.empty(); }

  /// Whether \p M, a member function of a pool class, waits for the pool's
  /// tasks: it joins the workers, or blocks (a condition variable wait, a
  /// loop on an atomic) outside the workers' own code.
  bool waitsForTasks(const clang::CXXMethodDecl *M) const;

  /// The variable or field of *this that \p Object (the object of a member
  /// call) names, or null.
  static const clang::ValueDecl *namedObject(const clang::Expr *Object);

  /// The pool object a submit or a wait is made on: namedObject, or, for
  /// a pool reached through a call (`QThreadPool::globalInstance()->start(
  /// f)`, `pool().submit(f)`), the accessor itself, when it takes no
  /// arguments, returns a pointer or a reference, and, if its body is
  /// visible, always returns the same object (a field, a global, a static
  /// local). Every call of one accessor names the same pool.
  static const clang::ValueDecl *poolObject(const clang::Expr *Object);

private:
  const PoolClass *poolClass(const clang::CXXRecordDecl *RD) const;
  std::optional<InferredSpawn> infer(const clang::FunctionDecl *FD,
                                     unsigned Depth) const;
  const InferredSpawn *spawnOf(const clang::FunctionDecl *FD,
                               unsigned Depth) const;

  const LibraryModel &Lib;
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         std::unique_ptr<InferredSpawn>>
      Spawns;
  mutable llvm::DenseMap<const clang::FunctionDecl *, bool> InProgress;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *,
                         std::unique_ptr<PoolClass>>
      Pools;
  mutable llvm::DenseMap<const clang::CXXMethodDecl *, bool> Waits;
  mutable llvm::DenseMap<
      const clang::FunctionDecl *,
      std::unique_ptr<llvm::SmallVector<const clang::Expr *, 1>>>
      Returned;
  mutable llvm::DenseMap<const clang::CXXMethodDecl *,
                         std::unique_ptr<InferredSpawn>>
      ThisDetaches;
  /// The pools of library executors (Models/Executors.def) and the
  /// submits through their free functions (core/ExecutorModels.h).
  std::unique_ptr<ExecutorPools> Executors;
};

} // namespace fearless

#endif // FEARLESS_SPAWNINFERENCE_H
