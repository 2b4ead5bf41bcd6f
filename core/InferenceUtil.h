//===- InferenceUtil.h - Helpers of the body inferences ---------*- C++ -*-===//
//
// What SpawnInference (pools, spawn functions) and ChannelInference
// (hand-written blocking queues) both ask of one function's body and its
// class: the field of *this an expression names, whether an expression
// carries a parameter's value, whether a statement blocks. Everything here
// reads the AST of one function; nothing asks the Session.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_INFERENCEUTIL_H
#define FEARLESS_INFERENCEUTIL_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace fearless::inference {

/// \p E without parentheses, implicit casts, temporaries' wrappers and
/// functional casts.
const clang::Expr *skipImplicit(const clang::Expr *E);

/// The field of *this that \p E names (`q_`, `this->q_`, `q_[i]`).
const clang::FieldDecl *fieldOfThis(const clang::Expr *E);

/// Visits every statement of \p S, lambdas' bodies included.
template <class Fn> void forEachStmt(const clang::Stmt *S, Fn &&F) {
  if (!S)
    return;
  F(S);
  for (const clang::Stmt *Child : S->children())
    forEachStmt(Child, F);
}

/// Whether \p S mentions one of \p Vars (captures and lambda bodies
/// included).
bool carries(const clang::Stmt *S,
             const llvm::SmallPtrSetImpl<const clang::ValueDecl *> &Vars);

/// Whether \p S blocks: a wait on a condition variable, a future or a
/// latch, or a loop testing an atomic.
bool isBlockingWait(const clang::Stmt *S);

/// Whether a call of a function named \p N blocks (wait, wait_for, ...).
bool isBlockingName(llvm::StringRef N);

/// The variables whose value carries \p P's value in \p FD: \p P itself
/// and locals initialised from an expression that carries it (a
/// std::function, a packaged_task, a shared_ptr to one, a wrapping lambda).
llvm::SmallPtrSet<const clang::ValueDecl *, 4>
carriers(const clang::FunctionDecl *FD, const clang::ParmVarDecl *P);

/// The function \p E names, after parentheses, casts and `&` (a thread
/// function, a start routine, a member function pointer `&C::run`).
const clang::FunctionDecl *functionOf(const clang::Expr *E);

/// \p FD's definition, when it has a body worth reading: not dependent,
/// not invalid, not in namespace std.
const clang::FunctionDecl *readableDefinition(const clang::FunctionDecl *FD);

/// Whether \p Name is in the ';'-separated \p List.
bool listed(llvm::StringRef List, llvm::StringRef Name);

} // namespace fearless::inference

#endif // FEARLESS_INFERENCEUTIL_H
