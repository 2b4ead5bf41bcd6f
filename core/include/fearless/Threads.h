//===- Threads.h - Spawns, their bodies, borrows and handles ----*- C++ -*-===//
//
// The AST-level thread model of one function: its spawn sites (what starts a
// thread, what the thread runs, what it borrows, where its handle goes) and a
// way to name handles in later operations (join, detach, moves). The
// path-sensitive part lives in ThreadLifetime.h.
//
// Vocabulary (docs/design.md has the long form):
//   spawn   an expression that starts a thread (std::thread's constructor,
//           std::async, pthread_create, a fearless::spawn parameter, ...)
//   handle  the object that owns or names the started thread (the
//           std::thread, the std::future, the pthread_t)
//   sink    where the handle goes right after the spawn
//   borrow  a reference from the thread to an object owned by the spawning
//           function (a by-reference capture, std::ref(x), &x, ...)
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_THREADS_H
#define FEARLESS_THREADS_H

#include "fearless/Library.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PointerUnion.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>

namespace fearless {

struct InferredSpawn;
struct SuspensionPoint;
class CoroutineModel;
struct InferredSend;

/// How a spawn starts its thread.
enum class SpawnKind : unsigned char {
  /// A thread class constructed with a callable: std::thread t(f).
  ThreadConstructor,
  /// A container of threads constructing one in place: v.emplace_back(f).
  ContainerEmplace,
  /// A smart pointer factory constructing one: std::make_unique<std::thread>.
  PointerFactory,
  /// A spawn function: std::async, pthread_create, thrd_create.
  SpawnFunction,
  /// A parameter marked fearless::spawn (or a SpawnFunctions entry): runs on
  /// another thread, and nothing here waits for it.
  DetachedCall,
  /// A parameter marked fearless::scoped_spawn (or ScopedSpawnFunctions):
  /// runs on other threads that finish before the call returns.
  ScopedCall,
  /// A task handed to the worker threads of a pool object by an inferred
  /// spawn function (SpawnInference.h): it runs until the pool is waited
  /// for or destroyed, or its returned future is waited for.
  PoolSubmit,
  /// A call of a coroutine whose frame may run after the call returns
  /// (CoroutineFrames.h): an eager coroutine that suspends and resumes on
  /// another thread, or a lazy one whose frame the returned object owns. Only
  /// in the frame model (FunctionAnalysis::frames()), never among the threads.
  CoroutineCall,
  /// A value handed to a channel's send (a fearless::sends parameter, or a
  /// send ChannelInference.h infers or models): the thread that takes it
  /// out runs on, unknown and unwaited-for, like a DetachedCall. There is no
  /// callable; Args holds the value sent.
  ChannelSend,
};

/// How a thread reaches an object it borrows.
enum class BorrowKind : unsigned char {
  /// Captured by reference by a lambda: [&x], [&], [&r = x].
  Capture,
  /// Passed as std::ref(x) / std::cref(x).
  RefWrapper,
  /// Its address is passed: &x, an array decaying to a pointer.
  Address,
  /// A pointer into what it owns and frees is passed: s.c_str(), v.data(),
  /// p.get() of a unique_ptr (Models/Owners.def).
  Storage,
  /// A pointer variable pointing to it is passed or captured by copy.
  ThroughPointer,
  /// A function object holding a reference to it is passed or captured.
  ThroughObject,
  /// Bound to a reference parameter of a coroutine (kept in its frame).
  ReferenceParameter,
  /// The lambda object of a lambda coroutine, whose captures the frame reads
  /// through its `this` (C++ Core Guidelines CP.51).
  Closure,
};

/// A reference from a thread to an object owned by the spawning function.
struct Borrow {
  /// The owned object (a local, a parameter, a structured binding's holder).
  const clang::ValueDecl *Var = nullptr;
  /// The name the code uses (the binding itself for structured bindings).
  const clang::ValueDecl *Named = nullptr;
  BorrowKind Kind = BorrowKind::Capture;
  /// Where the borrow is taken (the capture, the std::ref, the &).
  clang::SourceLocation Loc;
  clang::SourceRange Range;
  /// The pointer or object variable that carries the reference, if any.
  const clang::VarDecl *Via = nullptr;
  /// For captures: the lambda and its capture.
  const clang::LambdaExpr *Lambda = nullptr;
  const clang::LambdaCapture *Capture = nullptr;
  /// A temporary borrowed instead of a variable (Var and Named are then
  /// null, or Named is the coroutine parameter it is bound to): it dies at
  /// the end of the full-expression, FullExpr.
  const clang::Expr *Temp = nullptr;
  const clang::Stmt *FullExpr = nullptr;
  /// For ReferenceParameter: the coroutine's parameter.
  const clang::ParmVarDecl *Param = nullptr;
};

/// Where the handle of a new thread goes.
enum class SinkKind : unsigned char {
  /// A local variable (or a local container, or a smart pointer local).
  Local,
  /// A data member of *this.
  Member,
  /// A global or static variable.
  Global,
  /// A temporary destroyed at the end of the full-expression.
  Temporary,
  /// Returned to the caller.
  Returned,
  /// Stored or moved somewhere the analysis does not follow.
  Escaped,
  /// There is no handle (fearless::spawn, scoped calls).
  None,
};

/// A name for a handle, stable within one function: a variable (local,
/// member or global) or a temporary expression.
using HandleKey =
    llvm::PointerUnion<const clang::ValueDecl *, const clang::Expr *>;

/// A reference to a handle, or to an element of a container or array of
/// handles.
struct HandleRef {
  HandleKey Key;
  bool Element = false;
};

/// The code a thread runs.
struct ThreadBody {
  /// The function run: a lambda's call operator, a thread function, a
  /// functor's operator(), or null when unknown.
  const clang::FunctionDecl *Function = nullptr;
  /// The lambda, when the callable is one.
  const clang::LambdaExpr *Lambda = nullptr;
};

/// Where the handle of a spawn went, as found at the spawn.
struct HandleSink {
  SinkKind Kind = SinkKind::None;
  /// The owning variable (Local, Member, Global).
  const clang::ValueDecl *Decl = nullptr;
  /// The owning temporary (Temporary).
  const clang::Expr *Temp = nullptr;
  /// True when the handle is stored into a container or array.
  bool Element = false;
  /// Where the handle went (the return, the store) for notes.
  clang::SourceLocation Loc;
  /// Whether the owner is a smart pointer or guard whose destruction
  /// destroys the handle.
  bool Indirect = false;
  /// Whether the owner is a join guard (LibraryModel::joinGuard) whose
  /// destruction joins the thread.
  bool JoinsOnDestroy = false;
};

/// One place that starts a thread.
struct SpawnSite {
  unsigned Id = 0;
  SpawnKind Kind = SpawnKind::ThreadConstructor;
  HandleKind Handle = HandleKind::None;
  /// The spawning expression (construction or call).
  const clang::Expr *Spawn = nullptr;
  /// The callable argument.
  const clang::Expr *Callable = nullptr;
  /// Arguments the thread receives (copied into it), after the callable.
  llvm::SmallVector<const clang::Expr *, 4> Args;
  /// For DetachedCall/ScopedCall: the callee and its annotated parameter.
  const clang::FunctionDecl *Callee = nullptr;
  const clang::ParmVarDecl *Param = nullptr;
  HandleSink Sink;
  ThreadBody Body;
  llvm::SmallVector<Borrow, 2> Borrows;
  /// Whether the spawn is lexically inside a loop of its function.
  bool InLoop = false;
  /// For spawns through an inferred spawn function: how it runs the
  /// callable (SpawnInference.h); for PoolSubmit, the pool object.
  const InferredSpawn *Inferred = nullptr;
  const clang::ValueDecl *Pool = nullptr;
  /// A thread that a helper started and returned
  /// (`std::thread t = start_worker(&state);`): the helper. Spawn is the
  /// call; Callable and Args are the thread construction's, in the
  /// helper's terms (ThreadAccesses binds them to the call's arguments),
  /// but for a callable that is a function pointer parameter of the helper
  /// (`xcreate(entry)`): Callable is then the call's argument.
  const clang::FunctionDecl *ReturnedBy = nullptr;
  /// With ReturnedBy: the thread construction or spawn call in the helper.
  const clang::Expr *HelperSpawn = nullptr;
  /// Whether the thread is the object itself, started by a member function
  /// of a thread class on *this (`start()` in a QThread subclass): Sink is
  /// Member, Sink.Decl that member function, and `wait()` on *this joins.
  bool ThisObject = false;
  /// For CoroutineCall: the suspension point after which an eager
  /// coroutine continues on another thread (Coroutines.h; null for a lazy
  /// one, whose frame runs when its owner is awaited or started).
  const SuspensionPoint *Suspension = nullptr;
  /// For ChannelSend through an inferred or modelled send: the send (null
  /// for a fearless::sends parameter).
  const InferredSend *Channel = nullptr;
  /// For a ScopedCall: its callable runs once, not at the same time as
  /// itself (a library executor's parallel_invoke or task_arena::execute,
  /// Models/Executors.def). The callables of one parallel_invoke are sites
  /// of the same call that run at the same time as each other.
  bool RunsOnce = false;
  /// For a ScopedCall of a library executor: the other callables of the
  /// same call run at the same time as this one (parallel_invoke's
  /// functions, parallel_reduce's body and reduction).
  bool WithSiblings = false;
  /// For a task of a task graph (Models/Executors.def, FEARLESS_TASK_GRAPH):
  /// the ids of its sibling sites that a chain of precede/succeed calls
  /// orders before or after it, which never run at the same time as it.
  llvm::SmallVector<unsigned, 0> OrderedSiblings;
};

/// Whether \p S runs several copies of its callable at the same time by
/// itself: a parallel algorithm, a library executor's parallel_for or a
/// fearless::scoped_spawn parameter (an inferred scoped spawn function
/// starts one thread; parallel_invoke runs each callable once).
inline bool runsCopiesAtOnce(const SpawnSite &S) {
  return S.Kind == SpawnKind::ScopedCall && !S.Inferred && !S.RunsOnce;
}

namespace threadmodel {
class HandleTracker;
} // namespace threadmodel

/// The thread model of one function. Built by the classes of
/// core/ThreadModelInternal.h: a SpawnRecognizer finds the spawn sites, a
/// BorrowCollector their borrows, and a HandleTracker (kept for the queries
/// below) follows their handles.
class ThreadModel {
public:
  /// Finds the spawn sites of \p FD. \p PM is the function's parent map.
  /// With \p CoroutineCalls (calls of coroutines, PreScan::CoroutineCalls)
  /// and the session's coroutine model \p Coroutines it is the frame model
  /// instead: one CoroutineCall site per call whose frame may outlive the
  /// call (core/CoroutineFrames.cpp).
  ThreadModel(const clang::FunctionDecl *FD, const LibraryModel &Lib,
              const clang::ParentMap &PM,
              llvm::ArrayRef<const clang::Expr *> SpawnExprs,
              llvm::ArrayRef<const clang::Expr *> CoroutineCalls = {},
              const CoroutineModel *Coroutines = nullptr);
  ~ThreadModel();

  /// The spawn sites of the function, by id.
  llvm::ArrayRef<SpawnSite> spawns() const { return Spawns; }

  /// The spawn sites started by \p E (usually one), by id.
  llvm::ArrayRef<unsigned> spawnsAt(const clang::Expr *E) const;

  /// Names the handle \p E refers to (a variable, a member, an element of a
  /// container, a temporary), or nothing.
  std::optional<HandleRef> resolveHandle(const clang::Expr *E) const;

  /// Where the value of \p E (a handle being constructed, moved or returned)
  /// goes: a variable, a container, a temporary, the caller, elsewhere.
  HandleSink sinkOf(const clang::Expr *E) const;

  /// Whether \p E is a spawn expression of some kind (cheap; used by the
  /// pre-scan to decide whether a function needs the thread model).
  static bool isSpawnExpr(const clang::Expr *E, const LibraryModel &Lib);

  /// The function modelled.
  const clang::FunctionDecl *function() const { return FD; }
  /// The library model the spawns were recognized with.
  const LibraryModel &library() const { return Lib; }
  /// The function's parent map.
  const clang::ParentMap &parents() const { return PM; }

  /// Whether this is the frame model (its sites are coroutine calls).
  bool isFrameModel() const { return FrameModel; }

  /// The statement of \p E after skipping implicit wrappers upwards.
  const clang::Stmt *semanticParent(const clang::Stmt *E) const;

private:
  const clang::FunctionDecl *FD;
  const LibraryModel &Lib;
  const clang::ParentMap &PM;
  bool FrameModel = false;
  std::unique_ptr<threadmodel::HandleTracker> Handles;
  llvm::SmallVector<SpawnSite, 4> Spawns;
  llvm::DenseMap<const clang::Expr *, llvm::SmallVector<unsigned, 1>>
      SpawnIndex;
};

} // namespace fearless

#endif // FEARLESS_THREADS_H
