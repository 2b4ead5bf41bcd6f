//===- ThreadLifetimeStatus.cpp - What a spawn's status says -------------===//
//
// pthread_create and thrd_create return a status: on the branch where it
// says the call failed, no thread runs. The BranchRefiner finds the spawn
// whose status a condition tests: the call itself, a variable or a field of
// a local struct it was stored in, a flag made from it once, or a switch
// on it.
//
//===----------------------------------------------------------------------===//

#include "ThreadLifetimeFacts.h"
#include "fearless/ASTUtil.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/ThreadWrappers.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace fearless::threadlifetime {

/// Whether \p A and \p B name the same variable, or the same field of one
/// (`job.status`, `job->status`): a place a status can be kept in.
static bool samePlace(const Expr *A, const Expr *B) {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (const auto *MA = dyn_cast<MemberExpr>(A)) {
    const auto *MB = dyn_cast<MemberExpr>(B);
    return MB && MA->isArrow() == MB->isArrow() &&
           MA->getMemberDecl() == MB->getMemberDecl() &&
           samePlace(MA->getBase(), MB->getBase());
  }
  const auto *DA = dyn_cast<DeclRefExpr>(A);
  const auto *DB = dyn_cast<DeclRefExpr>(B);
  return DA && DB && DA->getDecl() == DB->getDecl() &&
         isa<VarDecl>(DA->getDecl());
}

/// The variable a place of samePlace() is in: `job` of `job.status`.
static const VarDecl *placeRoot(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  while (const auto *ME = dyn_cast<MemberExpr>(E))
    E = ME->getBase()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// The value last assigned to \p Place by a statement of \p B (`r =
/// pthread_create(...); if (r != 0)` in one block), if one is.
static const Expr *lastAssignedIn(const CFGBlock &B, const Expr *Place) {
  for (auto It = B.rbegin(); It != B.rend(); ++It)
    if (auto CS = It->getAs<CFGStmt>())
      if (const auto *BO = dyn_cast<BinaryOperator>(CS->getStmt());
          BO && BO->isAssignmentOp() && samePlace(BO->getLHS(), Place))
        return BO->getOpcode() == BO_Assign ? BO->getRHS() : BO;
  return nullptr;
}

std::optional<unsigned>
BranchRefiner::spawnOfResult(const Expr *E, const CFGBlock &B) const {
  E = E->IgnoreParenImpCasts();
  if (const VarDecl *VD = placeRoot(E)) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    if (const Expr *Last = lastAssignedIn(B, E)) {
      // Of several spawns assigned to it, the one assigned just before.
      E = Last->IgnoreParenImpCasts();
    } else if (DRE && VD->hasLocalStorage() && VD->getInit()) {
      E = VD->getInit()->IgnoreParenImpCasts();
    } else {
      // r = pthread_create(...); if (r) ...: the spawn assigned to it.
      std::optional<unsigned> Found;
      for (const SpawnSite &S : Model.spawns()) {
        const auto *BO =
            dyn_cast_or_null<BinaryOperator>(Model.semanticParent(S.Spawn));
        if (!BO || BO->getOpcode() != BO_Assign)
          continue;
        if (!samePlace(BO->getLHS(), E))
          continue;
        if (Found)
          return std::nullopt; // several: cannot tell which
        Found = S.Id;
      }
      if (!Found)
        return std::nullopt;
      E = Model.spawns()[*Found].Spawn;
    }
  }
  llvm::ArrayRef<unsigned> Ids = Model.spawnsAt(E);
  if (Ids.size() != 1)
    return std::nullopt;
  const SpawnSite &S = Model.spawns()[Ids[0]];
  if (S.Handle != HandleKind::PThread && S.Handle != HandleKind::CThread)
    return std::nullopt;
  // A thread class's start() may return anything; only a spawn function's
  // result is its status.
  if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(S.Callee);
      M && Model.library().wrappers() &&
      Model.library().wrappers()->threadClass(M->getParent()))
    return std::nullopt;
  return Ids[0];
}

EdgeRefinement BranchRefiner::switchRefinement(const CFGBlock &B,
                                               const SwitchStmt &Switch) const {
  EdgeRefinement R;
  if (!Switch.getCond())
    return R;
  std::optional<unsigned> Id = spawnOfResult(Switch.getCond(), B);
  if (!Id)
    return R;
  const ASTContext &Ctx = FA.astContext();
  bool SuccessCase = false;
  llvm::SmallVector<unsigned, 4> Failed;
  unsigned Index = 0;
  for (const CFGBlock::AdjacentBlock &Succ : B.succs()) {
    unsigned I = Index++;
    const CFGBlock *Target = Succ.getReachableBlock();
    if (!Target)
      continue;
    // The default label, or the edge past the switch when it has none.
    const auto *Case = dyn_cast_or_null<CaseStmt>(Target->getLabel());
    if (!Case) {
      Failed.push_back(I);
      continue;
    }
    std::optional<long long> V = integerConstant(Case->getLHS(), Ctx);
    if (!V || Case->getRHS())
      return R; // a case range, or a value not known
    if (*V == 0)
      SuccessCase = true;
    else
      Failed.push_back(I);
  }
  if (!SuccessCase || Failed.empty() || Index > 64)
    return R;
  R.K = EdgeRefinement::SpawnFailed;
  R.SpawnId = *Id;
  R.SuccIndex = Failed.front();
  for (unsigned I : llvm::drop_begin(Failed))
    R.AlsoOn |= uint64_t(1) << I;
  return R;
}

} // namespace fearless::threadlifetime
