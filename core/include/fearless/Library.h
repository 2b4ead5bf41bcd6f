//===- Library.h - The library model, queried -------------------*- C++ -*-===//
//
// Answers "what does this call or type mean for threads" from the tables in
// Models/ and the user's ModelOptions. One instance per analysis session; it
// holds no state that outlives the translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_LIBRARY_H
#define FEARLESS_LIBRARY_H

#include "fearless/Options.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace fearless {

class SpawnInference;
class ChannelInference;
class ThreadWrappers;

/// What kind of thread a handle holds, which decides what destroying a
/// joinable handle does.
enum class HandleKind : unsigned char {
  None,
  /// std::thread: destroying it while joinable calls std::terminate.
  Thread,
  /// std::jthread: destroying it joins.
  JThread,
  /// std::future returned by std::async: destroying it waits.
  AsyncFuture,
  /// pthread_t: a plain id; the thread runs on until joined or detached.
  PThread,
  /// C11 thrd_t: like pthread_t.
  CThread,
};

/// An operation on a thread handle.
enum class HandleOp : unsigned char { Join, Detach };

/// A function that starts a thread (from ThreadLibrary.def).
struct SpawnFunctionModel {
  llvm::StringRef Name;
  int CallableArg;
  int HandleArg;
  int ContextArg;
  HandleKind Kind;
};

/// Whether \p Method returns an iterator to the first element of its
/// container (Models/ThreadLibrary.def, FEARLESS_CONTAINER_ITERATOR): what
/// the iterator points to is an element.
bool isContainerIterator(const clang::CXXMethodDecl *Method);

/// If \p FD calls a callable with every element of a range
/// (Models/ThreadLibrary.def, FEARLESS_ELEMENT_ALGORITHM), the indices of
/// the range's first iterator and of the callable.
std::optional<std::pair<unsigned, unsigned>>
elementAlgorithm(const clang::FunctionDecl *FD);

/// The library model of one session.
class LibraryModel {
public:
  explicit LibraryModel(const ModelOptions &Options);

  /// The kind of thread owned by a value of type \p T, if \p T is a thread
  /// class (std::thread, std::jthread).
  HandleKind threadClassKind(clang::QualType T) const;

  /// Whether \p CE constructs a thread class from a callable (it starts a
  /// thread), not by copy, move or default construction.
  bool isThreadConstruction(const clang::CXXConstructExpr *CE) const;

  /// The kind of handle type \p T is (a thread class, std::future,
  /// pthread_t, ...), or None.
  HandleKind handleTypeKind(clang::QualType T) const;

  /// If \p FD starts a thread (std::async, pthread_create, ...), its model;
  /// for a wrapper of one inferred from its body (ThreadWrappers.h), the
  /// model of a call of the wrapper.
  const SpawnFunctionModel *spawnFunction(const clang::FunctionDecl *FD) const;

  /// The call of a spawn function in \p FD's body that fills in the local
  /// handle \p Handle names (`pthread_create(&t, ...)` for `t`), when there
  /// is exactly one.
  const clang::CallExpr *handleFiller(const clang::FunctionDecl *FD,
                                      const clang::Expr *Handle) const;

  /// If the spawn function \p M returns a thread object created stopped
  /// (QThread::create), the name of the member function that starts it
  /// (FEARLESS_STOPPED_SPAWN); empty otherwise.
  llvm::StringRef stoppedSpawnStart(const SpawnFunctionModel &M) const;

  /// If \p MC starts the thread of an object of a class derived from a
  /// FEARLESS_THREAD_BASE (`worker.start()` on a QThread subclass), the
  /// final overrider of its run function in the object's static class; null
  /// otherwise, and when the class does not override it.
  const clang::CXXMethodDecl *
  threadObjectRun(const clang::CXXMemberCallExpr *MC) const;

  /// Whether \p RD derives from a FEARLESS_THREAD_BASE class (a QThread
  /// subclass): in its member functions, `*this` is a thread handle.
  bool isThreadObjectClass(const clang::CXXRecordDecl *RD) const;

  /// Whether \p FD is a smart-pointer factory (std::make_unique).
  bool isPointerFactory(const clang::FunctionDecl *FD) const;

  /// Whether \p T is an owning smart pointer (std::unique_ptr).
  bool isOwningPointer(clang::QualType T) const;

  /// Whether constructing a \p T copies what it is built from and keeps no
  /// pointer or reference to it (Models/ThreadLibrary.def,
  /// FEARLESS_COPYING_VALUE): a listed class whose type arguments cannot
  /// carry a reference either (`std::string`, `std::vector<int>`).
  bool copiesOnConstruction(clang::QualType T) const;

  /// If \p Method joins or detaches the thread of the object it is called
  /// on, which.
  std::optional<HandleOp>
  handleMethod(const clang::CXXMethodDecl *Method) const;

  /// If \p FD joins or detaches the thread whose handle is passed as an
  /// argument, which, and the argument's index (a library function, one
  /// listed in JoinFunctions/DetachFunctions, or a wrapper inferred from
  /// its body).
  std::optional<std::pair<HandleOp, unsigned>>
  handleFunction(const clang::FunctionDecl *FD) const;

  /// A user-defined RAII class whose destructor joins a std::thread member
  /// (C++ Concurrency in Action's scoped_thread and thread_guard): the
  /// member, and whether it is a reference to a thread the guard does not
  /// own.
  struct JoinGuard {
    const clang::FieldDecl *Field = nullptr;
    bool ByReference = false;
  };
  std::optional<JoinGuard> joinGuard(const clang::CXXRecordDecl *RD) const;

  /// Whether constructor parameter \p P hands a thread to guard \p G: a
  /// std::thread by value or rvalue reference for a guard that owns it, by
  /// lvalue reference for one that refers to it.
  bool isGuardThreadParam(const clang::ParmVarDecl *P,
                          const JoinGuard &G) const;

  /// Whether \p Method stores an element into its container (push_back, ...).
  bool isContainerInsert(const clang::CXXMethodDecl *Method) const;

  /// Whether \p Name names a container member that stores an element
  /// (push_back, ...), for calls not resolved yet (in a class template).
  bool isContainerInsertName(llvm::StringRef Name) const;

  /// Whether \p Method returns an element of its container (operator[], ...).
  bool isContainerElement(const clang::CXXMethodDecl *Method) const;

  /// If \p Call runs a standard algorithm with a parallel execution policy
  /// (std::execution::par, par_unseq), the callable it runs concurrently.
  const clang::Expr *
  parallelAlgorithmCallable(const clang::CallExpr *Call) const;

  /// How a library function runs the callables it waits for
  /// (Models/Executors.def, FEARLESS_SCOPED_EXECUTOR).
  enum class ScopedRun : unsigned char {
    /// One callable, run by several threads at the same time
    /// (tbb::parallel_for).
    Many,
    /// Every callable argument once, all at the same time
    /// (tbb::parallel_invoke).
    Each,
    /// One callable once, the caller waiting (tbb::task_arena::execute).
    Once,
    /// The functional form of a reduction or scan (tbb::parallel_reduce(
    /// range, identity, body, reduction), parallel_scan(range, identity,
    /// scan, combine)): its two callables, the third and fourth arguments,
    /// each run by several threads at the same time, also beside each
    /// other. The imperative form (range, body), whose body object is split
    /// into a copy per thread, is not one.
    Reduce,
  };

  /// If \p Call is a call of a library function that runs its callable
  /// arguments on worker threads and returns when they are done, how; the
  /// callables are appended to \p Callables.
  std::optional<ScopedRun>
  scopedExecutor(const clang::CallExpr *Call,
                 llvm::SmallVectorImpl<const clang::Expr *> &Callables) const;

  /// Whether \p FD is listed in SpawnFunctions.
  bool isUserSpawnFunction(const clang::FunctionDecl *FD) const;

  /// Whether \p FD is listed in ScopedSpawnFunctions.
  bool isUserScopedSpawnFunction(const clang::FunctionDecl *FD) const;

  /// Whether \p FD is listed in InvalidationFunctions: the object it is
  /// called on, or its first argument, must not be used afterwards.
  bool isInvalidationFunction(const clang::FunctionDecl *FD) const;

  /// Whether \p FD is listed in ReinitializationFunctions.
  bool isReinitializationFunction(const clang::FunctionDecl *FD) const;

  /// Spawn functions, pools and waits inferred from the bodies in the
  /// translation unit (SpawnInference.h), or null when there is none.
  const SpawnInference *inference() const { return Inference; }
  /// Sets the inference the model answers with (the Session's).
  void setInference(const SpawnInference *I) { Inference = I; }

  /// Sets the wrappers of the spawn and handle functions the model answers
  /// with (the Session's).
  void setWrappers(const ThreadWrappers *W) { Wrappers = W; }
  /// The wrappers the model answers with, or null.
  const ThreadWrappers *wrappers() const { return Wrappers; }

  /// Channels inferred from the bodies in the translation unit, and the
  /// library channels of Models/Channels.def (ChannelInference.h), or null.
  const ChannelInference *channels() const { return Channels; }
  /// Sets the channel inference the model answers with (the Session's).
  void setChannels(const ChannelInference *C) { Channels = C; }

  /// What the callee alone says of its calls starting a thread.
  enum class CalleeSpawn : unsigned char {
    Never,  ///< no call of it starts one
    Always, ///< every call does (a spawn function, one returning a thread)
    ByCall, ///< the call decides (its arguments, its type)
  };

  /// \p FD's CalleeSpawn, decided once per function by \p Decide and
  /// remembered for the translation unit (not while an inference is in
  /// progress: a recursive body is not known yet).
  CalleeSpawn calleeSpawn(const clang::FunctionDecl *FD,
                          llvm::function_ref<CalleeSpawn()> Decide) const;

  /// What a call of \p FD hands over, for the pre-scan (bits it defines),
  /// decided once per function by \p Decide and remembered for the
  /// translation unit: the pre-scan meets the same callees in every body.
  unsigned calleeRoles(const clang::FunctionDecl *FD,
                       llvm::function_ref<unsigned()> Decide) const;

  /// The options the model was built with.
  const ModelOptions &options() const { return Options; }

  /// The element type of a container or array type (the first template
  /// argument of a class template specialization), or null.
  static clang::QualType elementType(clang::QualType T);

  /// Whether \p D's qualified name is one of \p Names (an option's list).
  static bool matchesAny(const clang::NamedDecl *D,
                         const std::vector<std::string> &Names);

private:
  const ModelOptions &Options;
  const SpawnInference *Inference = nullptr;
  const ChannelInference *Channels = nullptr;
  const ThreadWrappers *Wrappers = nullptr;
  mutable llvm::DenseMap<const clang::FunctionDecl *, CalleeSpawn> MaySpawn;
  mutable llvm::DenseMap<const clang::FunctionDecl *, unsigned> Roles;
};

/// A call whose result tests as a comparison of two of its arguments
/// (Models/Paths.def, FEARLESS_COMPARISON_RESULT).
struct ComparisonResult {
  unsigned Lhs, Rhs;
  bool Equal;
};
/// The comparison a call of \p FD tests as, or null.
const ComparisonResult *comparisonResult(const clang::FunctionDecl *FD);
/// Whether an object of \p RD made from one value tests as that value
/// (FEARLESS_TRUTH_VALUE).
bool testsAsItsValue(const clang::CXXRecordDecl *RD);

} // namespace fearless

#endif // FEARLESS_LIBRARY_H
