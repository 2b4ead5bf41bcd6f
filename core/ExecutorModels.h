//===- ExecutorModels.h - Models/Executors.def as lookups -------*- C++ -*-===//
//
// The library executors of Models/Executors.def, looked up by class or
// function: private to SpawnInference (core/SpawnInference.cpp,
// core/ExecutorModels.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_EXECUTORMODELS_H
#define FEARLESS_EXECUTORMODELS_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace fearless::inference {

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

} // namespace fearless::inference

#endif // FEARLESS_EXECUTORMODELS_H
