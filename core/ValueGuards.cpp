//===- ValueGuards.cpp - Conditions an access runs under ------------------===//
//
// Walks up from an expression through the if statements and conditional
// operators of its function and reads their conditions.
//
//===----------------------------------------------------------------------===//

#include "fearless/ValueGuards.h"
#include "fearless/ASTUtil.h"
#include "fearless/VarUsage.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace fearless {

namespace {

bool isGuardType(QualType T) {
  T = T.getCanonicalType();
  return !T->isReferenceType() &&
         (T->isIntegralOrEnumerationType() || T->isBooleanType());
}

} // namespace

bool ValueGuardFinder::isGuardable(const ValueDecl *V) {
  const auto *VD = dyn_cast_or_null<VarDecl>(V);
  if (!VD || !isGuardType(VD->getType()))
    return false;
  auto [It, Inserted] = Guardable.try_emplace(VD, false);
  if (!Inserted)
    return It->second;
  bool Result = false;
  if (AnyLocal && VD->hasLocalStorage()) {
    Result = true;
  } else if (Globals && VD->hasGlobalStorage() && !VD->isStaticLocal()) {
    Result = true;
  } else if (VD->hasLocalStorage() && VD->getDeclContext() == FD) {
    // A by-value parameter, or a local written only by its initializer.
    // One walk of the body answers for every local.
    if (!Written)
      Written = writtenVariables(FD->getBody());
    Result = FD->getBody() && !Written->count(VD);
  } else if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
             MD && MD->getParent()->isLambda() && MD->isConst()) {
    for (const LambdaCapture &C : MD->getParent()->captures())
      if (C.capturesVariable() && C.getCapturedVar() == VD &&
          C.getCaptureKind() == LCK_ByCopy)
        Result = true;
  }
  Guardable[VD] = Result;
  return Result;
}

std::optional<long long> ValueGuardFinder::constant(const Expr *E) const {
  return integerConstant(E, Ctx);
}

/// The field \p E reads when it is a value of the object a member function
/// runs on that cannot change after construction: `this->f` or
/// `this->m.f` (members of members, no pointer in between) with a const
/// member on the way (`const Config opt_;` and `opt_.pipeline`) and no
/// mutable one. Keyed by the last field, so the first member must be the
/// class's only member of its type (`a.f` and `b.f` would share the key).
static const FieldDecl *immutableMember(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  const auto *Last = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!Last || !isGuardType(Last->getType()))
    return nullptr;
  bool Const = false;
  const FieldDecl *First = nullptr;
  for (const MemberExpr *M = ME; M;) {
    const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl());
    if (!F || F->isMutable())
      return nullptr;
    Const |= F->getType().isConstQualified();
    First = F;
    // Fields of fields down to the one reached through `this->`.
    const Expr *Base = M->getBase()->IgnoreParenImpCasts();
    if (M->isArrow()) {
      if (!isa<CXXThisExpr>(Base))
        return nullptr;
      break;
    }
    M = dyn_cast<MemberExpr>(Base);
    if (!M)
      return nullptr;
  }
  if (!Const)
    return nullptr;
  if (First != Last) {
    QualType T = First->getType().getCanonicalType().getUnqualifiedType();
    for (const FieldDecl *Other : First->getParent()->fields())
      if (Other != First &&
          Other->getType().getCanonicalType().getUnqualifiedType() == T)
        return nullptr;
  }
  return Last;
}

const ValueDecl *ValueGuardFinder::guardVar(const Expr *E) {
  if (const FieldDecl *F = immutableMember(E))
    return F;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!DRE || !isGuardable(DRE->getDecl()))
    return nullptr;
  return DRE->getDecl();
}

void ValueGuardFinder::addConditions(const Expr *Cond, bool Taken,
                                     llvm::SmallVectorImpl<ValueGuard> &Out) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot)
    return addConditions(UO->getSubExpr(), !Taken, Out);
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    BinaryOperatorKind Op = BO->getOpcode();
    // Both conjuncts hold on the taken branch of &&; both fail on the other
    // branch of ||.
    if ((Op == BO_LAnd && Taken) || (Op == BO_LOr && !Taken)) {
      addConditions(BO->getLHS(), Taken, Out);
      addConditions(BO->getRHS(), Taken, Out);
      return;
    }
    if (Op != BO_EQ && Op != BO_NE)
      return;
    const Expr *VarSide = BO->getLHS();
    const Expr *ConstSide = BO->getRHS();
    if (!guardVar(VarSide))
      std::swap(VarSide, ConstSide);
    const ValueDecl *V = guardVar(VarSide);
    std::optional<long long> K = constant(ConstSide);
    if (!V || !K)
      return;
    Out.push_back({V, *K, (Op == BO_EQ) == Taken});
    return;
  }
  if (const ValueDecl *V = guardVar(Cond))
    Out.push_back({V, 0, !Taken});
}

/// Whether \p S, the then-branch of an `if`, never falls through to the
/// statement after the `if`: it is, or ends in, a return, break or
/// continue.
static bool leaves(const Stmt *S) {
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S))
    S = CS->body_empty() ? nullptr : CS->body_back();
  return isa_and_nonnull<ReturnStmt, BreakStmt, ContinueStmt>(S);
}

/// How many statements before an expression's own are searched for an
/// early exit (`if (c) return;`): enough for the guard clauses at the top
/// of a function, and bounded so that a long body stays linear.
constexpr unsigned EarlyExitWindow = 16;

llvm::SmallVector<ControllingCondition, 4>
ControllingConditions::of(const Expr *E) {
  llvm::SmallVector<ControllingCondition, 4> Out;
  walk(E, Out);
  return Out;
}

void ControllingConditions::walk(
    const Stmt *Child, llvm::SmallVectorImpl<ControllingCondition> &Out) {
  for (const Stmt *P = PM.getParent(Child); P; Child = P, P = PM.getParent(P)) {
    if (isa<LambdaExpr>(P))
      return;
    if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
      llvm::append_range(Out, above(Child, CS));
      return;
    }
    if (const auto *If = dyn_cast<IfStmt>(P)) {
      if (If->isConsteval())
        continue;
      if (Child == If->getThen())
        Out.push_back({If->getCond(), true});
      else if (Child == If->getElse())
        Out.push_back({If->getCond(), false});
    } else if (const auto *CO = dyn_cast<ConditionalOperator>(P)) {
      if (Child == CO->getTrueExpr())
        Out.push_back({CO->getCond(), true});
      else if (Child == CO->getFalseExpr())
        Out.push_back({CO->getCond(), false});
    } else if (const auto *BO = dyn_cast<BinaryOperator>(P);
               LogicalOperands && BO && BO->isLogicalOp() &&
               Child == BO->getRHS()) {
      // The right operand of && runs where the left one held, of || where
      // it failed.
      Out.push_back({BO->getLHS(), BO->getOpcode() == BO_LAnd});
    }
  }
}

llvm::ArrayRef<ControllingCondition>
ControllingConditions::above(const Stmt *Child, const CompoundStmt *Block) {
  if (auto It = Above.find(Child); It != Above.end())
    return It->second;
  // A guard clause before it in the same block, `if (c) return;`: it runs
  // where c failed.
  llvm::SmallVector<ControllingCondition, 2> Found;
  const Stmt *const *At = llvm::find(Block->body(), Child);
  unsigned Seen = 0;
  for (const Stmt *const *I = At;
       I != Block->body_begin() && Seen < EarlyExitWindow; ++Seen) {
    const auto *If = dyn_cast<IfStmt>(*--I);
    if (If && !If->getElse() && !If->isConsteval() &&
        !If->getConditionVariable() && leaves(If->getThen()))
      Found.push_back({If->getCond(), false});
  }
  walk(Block, Found);
  return Above[Child] = std::move(Found);
}

llvm::SmallVector<ValueGuard, 1> ValueGuardFinder::guardsOf(const Expr *E) {
  llvm::SmallVector<ValueGuard, 1> Out;
  for (const ControllingCondition &C : Conditions.of(E))
    addConditions(C.Cond, C.Taken, Out);
  return Out;
}

bool contradictsAny(llvm::ArrayRef<ValueGuard> A,
                    llvm::ArrayRef<ValueGuard> B) {
  return llvm::any_of(A, [&](const ValueGuard &G) {
    return llvm::any_of(B,
                        [&](const ValueGuard &H) { return contradicts(G, H); });
  });
}

llvm::SmallVector<ValueGuard, 1> fieldGuardsOf(const FunctionDecl *FD,
                                               const ParentMap &PM,
                                               ASTContext &Ctx, const Expr *E) {
  llvm::SmallVector<ValueGuard, 1> Out =
      ValueGuardFinder(FD, PM, Ctx).guardsOf(E);
  llvm::erase_if(Out,
                 [](const ValueGuard &G) { return !isa<FieldDecl>(G.Var); });
  return Out;
}

bool bindGuards(llvm::SmallVectorImpl<ValueGuard> &Guards,
                llvm::function_ref<const Expr *(const ValueDecl *)> ParamArg,
                llvm::function_ref<const ValueDecl *(const Expr *)> Rename,
                const ASTContext &Ctx, bool KeepOthers) {
  llvm::SmallVector<ValueGuard, 1> Kept;
  for (const ValueGuard &G : Guards) {
    const Expr *Arg = ParamArg(G.Var);
    if (!Arg) {
      if (KeepOthers)
        Kept.push_back(G);
      continue;
    }
    if (std::optional<long long> K = integerConstant(Arg, Ctx)) {
      if (!G.holdsFor(*K))
        return false;
      continue;
    }
    if (const ValueDecl *V = Rename(Arg)) {
      ValueGuard Renamed = G;
      Renamed.Var = V;
      Kept.push_back(Renamed);
    }
  }
  Guards.assign(Kept.begin(), Kept.end());
  return true;
}

} // namespace fearless
