//===- ExecutorModels.h - Models/Executors.def as lookups -------*- C++ -*-===//
//
// The library executors of Models/Executors.def, looked up by class or
// function, and the pools they make: private to SpawnInference
// (core/SpawnInference.cpp, core/ExecutorModels.cpp), which owns one
// ExecutorPools, and to the task graphs' runs (core/TaskGraphs.cpp: an
// executor's waits).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_EXECUTORMODELS_H
#define FEARLESS_EXECUTORMODELS_H

#include "fearless/SpawnInference.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace fearless {
namespace inference {

/// A library executor class (FEARLESS_EXECUTOR).
struct ExecutorModel {
  llvm::StringRef Class, Submit, Waits;
  bool DestructorWaits, OneWorker;
};

/// A library free function queueing on an executor argument
/// (FEARLESS_EXECUTOR_FUNCTION).
struct ExecutorFunctionModel {
  llvm::StringRef Function;
  unsigned ExecutorArg, CallableArg;
  llvm::StringRef Accessor;
};

/// An execution context run by the code's own threads
/// (FEARLESS_EXECUTION_CONTEXT).
struct ContextModel {
  llvm::StringRef Class, RunMethods;
};

/// The executor model of \p RD, if it is one.
const ExecutorModel *executorOf(const clang::CXXRecordDecl *RD);

/// The executor-function model of \p FD, if it is one.
const ExecutorFunctionModel *executorFunctionOf(const clang::FunctionDecl *FD);

/// The execution-context model of \p RD, if it is one.
const ContextModel *contextOf(const clang::CXXRecordDecl *RD);

/// The object that argument \p Arg of an executor function names: a
/// variable or a field of *this, written as is or through its \p Accessor
/// (`pool.get_executor()`).
const clang::ValueDecl *poolArgument(const clang::Expr *Arg,
                                     llvm::StringRef Accessor);

/// The thread, or the container of threads, that \p Context's function
/// fills before anything else in it with threads whose body calls one of
/// \p RunMethods on \p Context (`std::thread t([&] { io.run(); })`), or
/// null; \p Pool receives where they start, what they run and how they end.
/// (In core/InferenceThreads.cpp, beside the other thread-finding helpers.)
const clang::VarDecl *contextRunners(const clang::VarDecl *Context,
                                     llvm::StringRef RunMethods,
                                     const LibraryModel &Lib, PoolClass &Pool);

} // namespace inference

/// The pools of library executors: one per executor model, one per thread
/// handle that runs an execution context; and the submits through executor
/// functions. One per SpawnInference (never global).
class ExecutorPools {
public:
  explicit ExecutorPools(const LibraryModel &Lib) : Lib(Lib) {}

  /// The pool class of executor model \p M: how its tasks end.
  const PoolClass *poolOf(const inference::ExecutorModel &M);

  /// The submit a call of executor function \p M (`post(pool, f)`) makes:
  /// its callable argument queued on the pool its executor argument names
  /// (a FEARLESS_EXECUTOR object, or the threads found running a
  /// FEARLESS_EXECUTION_CONTEXT before the call, then named in
  /// \p PoolObject), or null.
  const InferredSpawn *submitThrough(const clang::CallExpr *Call,
                                     const clang::FunctionDecl *Callee,
                                     const inference::ExecutorFunctionModel &M,
                                     const clang::ValueDecl **PoolObject);

private:
  /// contextRunners, cached per context.
  const clang::VarDecl *runnersOf(const clang::VarDecl *Context,
                                  llvm::StringRef RunMethods);

  const LibraryModel &Lib;
  llvm::DenseMap<const void *, std::unique_ptr<PoolClass>> Pools;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, const void *>,
                 std::unique_ptr<InferredSpawn>>
      Submits;
  llvm::DenseMap<const clang::VarDecl *, const clang::VarDecl *> Runners;
};

} // namespace fearless

#endif // FEARLESS_EXECUTORMODELS_H
