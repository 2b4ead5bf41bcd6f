//===- ThreadModelInternal.h - What ThreadModel is built of -----*- C++ -*-===//
//
// ThreadModel (Threads.h) is assembled by four cooperating classes, one per
// question it answers about a function:
//
//   LocalInitializers  what a never-reassigned local holds (its initializer,
//                      the variable a pointer local points to);
//   HandleTracker      where a handle goes (its sink) and which handle an
//                      expression names, through references, containers,
//                      smart pointers and range-for variables;
//   BorrowCollector    what a thread borrows from the spawning function;
//   SpawnRecognizer    which expressions start a thread, of what kind, and
//                      what the thread runs.
//
// ThreadModel owns the HandleTracker (which owns the LocalInitializers),
// because its queries outlive construction; the BorrowCollector and the
// SpawnRecognizer only run while the model is built.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_CORE_THREADMODELINTERNAL_H
#define FEARLESS_CORE_THREADMODELINTERNAL_H

#include "fearless/ThreadWrappers.h"
#include "fearless/Threads.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace fearless::threadmodel {

/// Where a handle stored into \p VD lives: a member of *this, a local, or a
/// global.
SinkKind sinkKindOf(const clang::ValueDecl *VD);

/// An object of a thread class (ThreadWrappers.h) that \p E constructs
/// (`Thread t(f)`, `new Thread(f)`, `std::make_unique<Thread>(f)`): the
/// class and the callable it is given. Nothing otherwise.
struct ThreadClassObject {
  const ThreadClass *Class = nullptr;
  const clang::Expr *Callable = nullptr;
  /// Whether the constructor that made it starts the thread itself.
  bool Started = false;
};
std::optional<ThreadClassObject>
threadClassConstruction(const clang::Expr *E, const LibraryModel &Lib);

/// `thread_.start()` on a member of *this of a thread class constructed by
/// its class's constructors (or its default member initializer) from one
/// callable that uses nothing of theirs but *this: the class, the callable
/// and, in \p Field, the member. Nothing otherwise.
std::optional<ThreadClassObject>
memberThreadClassStart(const clang::CXXMemberCallExpr *MC,
                       const LibraryModel &Lib,
                       const clang::FieldDecl **Field = nullptr);

class HandleTracker;

/// The first call `H->Start()` / `H.Start()` (in source order) in the
/// function around \p E on the handle \p H (a local or a field), if any:
/// QThread::create's thread runs from its start(). With \p Element, \p H
/// is a container and the call is on one of its elements
/// (`threads_[i]->start()`). Walks the function once, only for stopped
/// spawns.
const clang::Expr *startCallOf(const clang::Expr *E, const clang::ValueDecl *H,
                               llvm::StringRef Start,
                               const clang::ParentMap &PM,
                               const HandleTracker &Handles,
                               bool Element = false);

/// The spawn site of a thread class's object (ThreadWrappers.h) that \p E
/// makes or starts: its construction, when the function starts it (\p
/// StartedAt receives the start call, where the thread begins to run), or
/// `thread_.start()` of a member that memberThreadClassStart knows. Id and
/// InLoop are left to the caller.
std::optional<SpawnSite> threadClassSite(const clang::Expr *E,
                                         const LibraryModel &Lib,
                                         const clang::ParentMap &PM,
                                         const HandleTracker &Handles,
                                         const clang::Expr *&StartedAt);

/// What a local variable of one function holds when it is never written
/// after its initialization.
class LocalInitializers {
public:
  /// Answers for the locals of \p FD.
  explicit LocalInitializers(const clang::FunctionDecl *FD) : FD(FD) {}

  /// The initializer of \p V when \p V is a local never written after it
  /// (assigned, incremented, its address taken, bound to a non-const
  /// reference) anywhere in the function; null otherwise.
  const clang::Expr *singleInitializer(const clang::VarDecl *V) const;

  /// The variable the pointer local \p Pointer always points to (&x, or an
  /// array x decaying), or null.
  const clang::VarDecl *pointee(const clang::VarDecl *Pointer) const;

  /// The local future initialized with `Task.get_future()`, \p Task a
  /// local std::packaged_task, if there is one (the first); null otherwise.
  const clang::VarDecl *futureOf(const clang::VarDecl *Task) const;

private:
  const clang::FunctionDecl *FD;
};

/// Follows thread handles within one function: where a new handle goes, and
/// which handle a later expression (a join, a move, a destruction) names.
class HandleTracker {
public:
  /// Tracks the handles of \p FD, whose parent map is \p PM.
  HandleTracker(const clang::FunctionDecl *FD, const LibraryModel &Lib,
                const clang::ParentMap &PM);

  /// See ThreadModel::semanticParent.
  const clang::Stmt *semanticParent(const clang::Stmt *E) const;

  /// Where the value of \p E (a handle being constructed, moved or returned)
  /// goes (ThreadModel::sinkOf).
  HandleSink findSink(const clang::Expr *E) const;

  /// Names the handle \p E refers to (ThreadModel::resolveHandle).
  std::optional<HandleRef> resolveHandle(const clang::Expr *E) const;

  /// What the function's locals hold.
  const LocalInitializers &locals() const { return Locals; }

private:
  /// The range-for statement whose loop variable is \p V, if any.
  const clang::CXXForRangeStmt *rangeForOf(const clang::VarDecl *V) const;
  /// The local pointer \p E names, when the function sets it at most once
  /// and takes no reference to it: its members are the same objects
  /// wherever the function names them.
  const clang::VarDecl *stableLocalBase(const clang::Expr *E) const;

  const clang::FunctionDecl *FD;
  const LibraryModel &Lib;
  const clang::ParentMap &PM;
  LocalInitializers Locals;
  /// In a member function of a thread class (a QThread subclass), `*this`
  /// is a handle, named by the function itself (threadObjectHandle).
  bool ThisIsHandle = false;
  llvm::DenseMap<const clang::VarDecl *, const clang::CXXForRangeStmt *>
      RangeFors;
  /// Member initializers of a constructor, by their expression.
  llvm::DenseMap<const clang::Expr *, const clang::FieldDecl *> MemberInits;
  /// stableLocalBase, by variable.
  mutable llvm::DenseMap<const clang::VarDecl *, bool> StableBases;
};

/// Finds what a spawn's thread borrows from the spawning function: objects
/// it owns that the callable or the arguments refer to, directly (captures
/// by reference, std::ref, &x) or through a pointer or an object holding a
/// reference.
class BorrowCollector {
public:
  /// Collects borrows of the objects owned by \p FD.
  BorrowCollector(const clang::FunctionDecl *FD, const LibraryModel &Lib,
                  const LocalInitializers &Locals)
      : FD(FD), Lib(Lib), Locals(Locals) {}

  /// Adds to \p S the borrows of its callable and its arguments.
  void collectBorrows(SpawnSite &S) const;

  /// Adds to \p S, the site of a call \p Call of coroutine \p Callee, what
  /// its frame borrows: locals and temporaries bound to reference
  /// parameters, addresses passed to pointer parameters, and the lambda
  /// object of a lambda coroutine (core/CoroutineFrames.cpp).
  void collectFrameBorrows(SpawnSite &S, const clang::Expr *Call,
                           const clang::FunctionDecl *Callee,
                           const clang::ParentMap &PM) const;

private:
  void collectBorrowsFromValue(const clang::Expr *E, SpawnSite &S,
                               const clang::VarDecl *Via, unsigned Depth) const;
  void collectBorrowsFromLambda(const clang::LambdaExpr *L, SpawnSite &S,
                                const clang::VarDecl *Via,
                                unsigned Depth) const;
  void addBorrow(SpawnSite &S, const clang::ValueDecl *Named, BorrowKind Kind,
                 clang::SourceLocation Loc, clang::SourceRange Range,
                 const clang::VarDecl *Via) const;
  bool isOwnedHere(const clang::ValueDecl *V) const;

  const clang::FunctionDecl *FD;
  const LibraryModel &Lib;
  const LocalInitializers &Locals;
};

/// Recognizes the expressions that start threads and turns each into spawn
/// sites: their kind, callable, arguments, handle sink, body and borrows.
class SpawnRecognizer {
public:
  /// Adds the sites it recognizes to \p Spawns and indexes them by their
  /// expression in \p SpawnIndex.
  SpawnRecognizer(const LibraryModel &Lib, const clang::ParentMap &PM,
                  const HandleTracker &Handles, const BorrowCollector &Borrows,
                  llvm::SmallVectorImpl<SpawnSite> &Spawns,
                  llvm::DenseMap<const clang::Expr *,
                                 llvm::SmallVector<unsigned, 1>> &SpawnIndex)
      : Lib(Lib), PM(PM), Handles(Handles), Borrows(Borrows), Spawns(Spawns),
        SpawnIndex(SpawnIndex) {}

  /// See ThreadModel::isSpawnExpr.
  static bool isSpawnExpr(const clang::Expr *E, const LibraryModel &Lib);

  /// Adds the spawn sites \p E starts (none, one, or one per annotated
  /// parameter), with their bodies and borrows.
  void addSpawn(const clang::Expr *E);

  /// Adds the frame-model site of coroutine call \p E, if its frame may
  /// outlive the call, as the coroutine model \p CM describes its callee
  /// (core/CoroutineFrames.cpp).
  void addCoroutineCall(const clang::Expr *E, const CoroutineModel &CM);

private:
  /// Adds the site of a call of an inferred spawn function.
  void addInferred(const clang::Expr *E, const clang::FunctionDecl *Callee,
                   const InferredSpawn &I, const clang::ValueDecl *Pool);
  /// Adds a ChannelSend site per argument of a sends parameter of \p E's
  /// callee (annotated, inferred or modelled: ChannelInference.h).
  void addChannelSends(const clang::Expr *E, const clang::FunctionDecl *Callee);
  ThreadBody resolveBody(const clang::Expr *Callable) const;
  bool isInLoop(const clang::Stmt *S) const;

  const LibraryModel &Lib;
  const clang::ParentMap &PM;
  const HandleTracker &Handles;
  const BorrowCollector &Borrows;
  llvm::SmallVectorImpl<SpawnSite> &Spawns;
  llvm::DenseMap<const clang::Expr *, llvm::SmallVector<unsigned, 1>>
      &SpawnIndex;
};

} // namespace fearless::threadmodel

#endif // FEARLESS_CORE_THREADMODELINTERNAL_H
