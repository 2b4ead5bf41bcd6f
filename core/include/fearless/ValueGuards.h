//===- ValueGuards.h - Conditions an access runs under ----------*- C++ -*-===//
//
// Which conditions on a function's unchanging values (a by-value parameter
// it never writes, a capture by copy of a non-mutable lambda) an expression
// runs under: `if (flag)`, `if (!flag)`, `if (id == 0)`, `c ? a : b`,
// conjunctions on the taken branch. The data-race check uses them in two
// ways: a thread or a call started with a constant argument runs only the
// accesses whose guards hold for it (`std::thread(record, std::ref(s),
// true)`), and an access guarded by `id == K`, with `id` different in every
// copy of a thread started in a loop, runs in at most one copy.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_VALUEGUARDS_H
#define FEARLESS_VALUEGUARDS_H

#include "fearless/Access.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>

namespace fearless {

/// Finds the value guards of expressions of one function.
/// A condition that decides whether an expression runs: it ran and gave
/// \p Taken.
struct ControllingCondition {
  const clang::Expr *Cond;
  bool Taken;
};

/// The conditions that decide whether expressions of one body run,
/// innermost first, up to the enclosing lambda: the condition of an
/// enclosing `if` (Taken: the expression is in its then branch) or `?:`,
/// and of a guard clause before it in an enclosing block (`if (c)
/// return;`, also break or continue: not Taken); with LogicalOperands also
/// the left operand of an enclosing `&&` (Taken) or `||` (not Taken) whose
/// right operand holds the expression. What lies above a statement of a
/// block is found once per statement: every access of a statement shares
/// it, and a long body stays linear.
class ControllingConditions {
public:
  ControllingConditions(const clang::ParentMap &PM, bool LogicalOperands)
      : PM(PM), LogicalOperands(LogicalOperands) {}

  /// The conditions deciding whether \p E runs, innermost first.
  llvm::SmallVector<ControllingCondition, 4> of(const clang::Expr *E);

private:
  /// Adds the conditions above \p Child, stopping at the first enclosing
  /// block, whose part comes from above().
  void walk(const clang::Stmt *Child,
            llvm::SmallVectorImpl<ControllingCondition> &Out);
  /// The conditions above \p Child, a statement of block \p Block.
  llvm::ArrayRef<ControllingCondition> above(const clang::Stmt *Child,
                                             const clang::CompoundStmt *Block);

  const clang::ParentMap &PM;
  bool LogicalOperands;
  llvm::DenseMap<const clang::Stmt *,
                 llvm::SmallVector<ControllingCondition, 2>>
      Above;
};

class ValueGuardFinder {
public:
  /// With \p AnyLocal, conditions on any local integer variable count too
  /// (the move analysis asks about loop counters, which do change); with
  /// \p Globals, conditions on global integer variables too (the thread-
  /// lifetime dataflow decides which of them it can follow).
  ValueGuardFinder(const clang::FunctionDecl *FD, const clang::ParentMap &PM,
                   clang::ASTContext &Ctx, bool AnyLocal = false,
                   bool Globals = false)
      : FD(FD), PM(PM), Ctx(Ctx), AnyLocal(AnyLocal), Globals(Globals) {}

  /// The guards \p E runs under, innermost first.
  llvm::SmallVector<ValueGuard, 1> guardsOf(const clang::Expr *E);

  /// What \p Cond says about unchanging values on its \p Taken branch.
  llvm::SmallVector<ValueGuard, 1> conditionsOf(const clang::Expr *Cond,
                                                bool Taken) {
    llvm::SmallVector<ValueGuard, 1> Out;
    addConditions(Cond, Taken, Out);
    return Out;
  }

  /// Whether \p V is a value of the function that cannot change in it: a
  /// by-value parameter or a local it never writes after initializing it,
  /// a capture by copy of a lambda that is not mutable.
  bool isGuardable(const clang::ValueDecl *V);

private:
  void addConditions(const clang::Expr *Cond, bool Taken,
                     llvm::SmallVectorImpl<ValueGuard> &Out);
  std::optional<long long> constant(const clang::Expr *E) const;
  const clang::ValueDecl *guardVar(const clang::Expr *E);

  const clang::FunctionDecl *FD;
  const clang::ParentMap &PM;
  clang::ASTContext &Ctx;
  bool AnyLocal;
  bool Globals;
  ControllingConditions Conditions{PM, /*LogicalOperands=*/false};
  llvm::DenseMap<const clang::ValueDecl *, bool> Guardable;
  /// The variables the body may write (writtenVariables), on first need.
  std::optional<llvm::DenseSet<const clang::ValueDecl *>> Written;
};

/// Whether \p A and \p B, conditions on the same variable, cannot both hold.
inline bool contradicts(const ValueGuard &A, const ValueGuard &B) {
  if (A.Var != B.Var)
    return false;
  if (A.Equal && B.Equal)
    return A.Value != B.Value;
  return A.Value == B.Value && A.Equal != B.Equal;
}

/// Whether a guard of \p A and one of \p B cannot both hold.
bool contradictsAny(llvm::ArrayRef<ValueGuard> A, llvm::ArrayRef<ValueGuard> B);

/// The tests \p E runs under in \p FD of fields of the object \p FD runs on
/// that cannot change after construction (under a const member: `if
/// (opt_.pipeline)`), valid for every member function on the same object.
llvm::SmallVector<ValueGuard, 1> fieldGuardsOf(const clang::FunctionDecl *FD,
                                               const clang::ParentMap &PM,
                                               clang::ASTContext &Ctx,
                                               const clang::Expr *E);

/// Binds the guards of a callee's access to a call: \p ParamArg gives the
/// argument expression passed for a parameter of the callee (null when the
/// guard's variable is not one). A constant argument decides its guard
/// (satisfied: dropped; contradicted: the access does not run, false is
/// returned); an argument naming a variable for which \p Rename returns one
/// renames the guard to it; other guards on parameters are dropped
/// (unknown), and so are the guards on other variables unless
/// \p KeepOthers (a thread body's captures by copy stay meaningful for its
/// copies; a callee's do not for its caller).
bool bindGuards(
    llvm::SmallVectorImpl<ValueGuard> &Guards,
    llvm::function_ref<const clang::Expr *(const clang::ValueDecl *)> ParamArg,
    llvm::function_ref<const clang::ValueDecl *(const clang::Expr *)> Rename,
    const clang::ASTContext &Ctx, bool KeepOthers);

} // namespace fearless

#endif // FEARLESS_VALUEGUARDS_H
