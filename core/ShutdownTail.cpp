//===- ShutdownTail.cpp - What a worker runs only after it is stopped -----===//
//
// A worker thread usually runs a loop until a stop flag of its object is
// set, then cleans up. What comes after the loop can only run once some
// member function set the flag: it does not run beside the member functions
// that leave the flag alone (see ShutdownTail in Concurrency.h).
//
//===----------------------------------------------------------------------===//

#include "fearless/Concurrency.h"
#include "fearless/Access.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>
#include <optional>

using namespace clang;

namespace fearless {

namespace {

/// What a guard tests: fields of *this, and std::stop_token variables whose
/// stop_requested() it asks.
using FieldSet = llvm::SmallPtrSet<const ValueDecl *, 4>;

/// Whether \p D is a std::stop_token (a jthread worker's parameter, a
/// member).
bool isStopToken(const ValueDecl *D) {
  const auto *RD = D->getType().getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == "stop_token";
}

/// The fields of *this that \p S reads (lambdas included), and the
/// std::stop_token it asks `stop_requested()`.
void fieldsRead(const Stmt *S, FieldSet &Out) {
  if (!S)
    return;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *M = MC->getMethodDecl();
        M && M->getIdentifier() && M->getName() == "stop_requested")
      if (const Expr *Obj = MC->getImplicitObjectArgument()) {
        Obj = Obj->IgnoreParenImpCasts();
        const ValueDecl *D = nullptr;
        if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj))
          D = DRE->getDecl();
        else if (const auto *ME = dyn_cast<MemberExpr>(Obj))
          D = ME->getMemberDecl();
        if (D && isStopToken(D))
          Out.insert(D);
      }
  if (const auto *ME = dyn_cast<MemberExpr>(S))
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        Out.insert(FD);
  for (const Stmt *Child : S->children())
    fieldsRead(Child, Out);
}

/// Collects, for every way out of a loop body (a break of this loop, a
/// return), the fields read by the conditions that guard it.
class ExitCollector {
public:
  std::vector<FieldSet> Exits;
  bool Unguarded = false;

  void walk(const Stmt *S, bool InNested) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      FieldSet F;
      fieldsRead(If->getCond(), F);
      Guards.push_back(F);
      walk(If->getThen(), InNested);
      walk(If->getElse(), InNested);
      Guards.pop_back();
      return;
    }
    if ((isa<BreakStmt>(S) && !InNested) || isa<ReturnStmt>(S) ||
        isa<GotoStmt>(S)) {
      FieldSet F;
      for (const FieldSet &G : Guards)
        F.insert(G.begin(), G.end());
      if (F.empty())
        Unguarded = true;
      Exits.push_back(std::move(F));
      return;
    }
    bool Nested = InNested || isa<ForStmt, WhileStmt, DoStmt,
                                  CXXForRangeStmt, SwitchStmt>(S);
    for (const Stmt *Child : S->children())
      walk(Child, Nested);
  }

private:
  std::vector<FieldSet> Guards;
};

bool isFlagType(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isScalarType())
    return true;
  if (const auto *RD = T->getAsCXXRecordDecl())
    return RD->getName() == "atomic" || RD->getName() == "atomic_bool" ||
           RD->getName() == "atomic_flag";
  return false;
}

/// The stop flag of \p Loop: a scalar or atomic field of *this, or a
/// std::stop_token, that every way out of the loop tests (its condition,
/// unless constantly true, and the guards of its breaks and returns).
const ValueDecl *stopFlag(const Stmt *Loop, const ASTContext &Ctx) {
  const Stmt *Body = nullptr;
  const Expr *Cond = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(Loop)) {
    Body = W->getBody();
    Cond = W->getCond();
  } else if (const auto *F = dyn_cast<ForStmt>(Loop)) {
    Body = F->getBody();
    Cond = F->getCond();
  } else if (const auto *D = dyn_cast<DoStmt>(Loop)) {
    Body = D->getBody();
    Cond = D->getCond();
  } else {
    return nullptr;
  }
  ExitCollector C;
  C.walk(Body, false);
  if (C.Unguarded)
    return nullptr;
  std::vector<FieldSet> Ways = std::move(C.Exits);
  bool Forever = !Cond;
  if (Cond && !Cond->isValueDependent())
    if (auto V = Cond->getIntegerConstantExpr(Ctx))
      Forever = V->getBoolValue();
  if (!Forever) {
    FieldSet F;
    fieldsRead(Cond, F);
    Ways.push_back(std::move(F));
  }
  if (Ways.empty())
    return nullptr;
  // The first in declaration order, not in the set's pointer order: the
  // choice must not change from run to run.
  const ValueDecl *Best = nullptr;
  for (const ValueDecl *Candidate : Ways.front())
    if ((isStopToken(Candidate) ||
         (isa<FieldDecl>(Candidate) && isFlagType(Candidate->getType()))) &&
        llvm::all_of(Ways,
                     [&](const FieldSet &W) { return W.contains(Candidate); }) &&
        (!Best || Candidate->getLocation().getRawEncoding() <
                      Best->getLocation().getRawEncoding()))
      Best = Candidate;
  return Best;
}

/// The single member function of the same class that \p FD's body calls on
/// *this, when that is all it does (a lambda `[this] { run(); }`).
const FunctionDecl *onlyCallee(const FunctionDecl *FD) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  if (!Body)
    return nullptr;
  const FunctionDecl *Found = nullptr;
  for (const Stmt *S : Body->body()) {
    const auto *E = dyn_cast<Expr>(S);
    const auto *MC =
        E ? dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit()) : nullptr;
    if (!MC || Found || !MC->getImplicitObjectArgument() ||
        !isa<CXXThisExpr>(
            MC->getImplicitObjectArgument()->IgnoreParenImpCasts()))
      return nullptr;
    Found = MC->getMethodDecl() ? MC->getMethodDecl()->getDefinition()
                                : nullptr;
  }
  return Found;
}

/// Whether \p S writes field \p F (assignment, increment, store, exchange).
bool writes(const Stmt *S, const FieldDecl *F) {
  if (!S)
    return false;
  auto Names = [&](const Expr *E) {
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
    return ME && ME->getMemberDecl() == F;
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->isAssignmentOp() && Names(BO->getLHS()))
    return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && UO->isIncrementDecrementOp() && Names(UO->getSubExpr()))
    return true;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
      OC && OC->isAssignmentOp() && OC->getNumArgs() > 0 &&
      Names(OC->getArg(0)))
    return true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *M = MC->getMethodDecl();
        M && M->getIdentifier() &&
        (M->getName() == "store" || M->getName() == "exchange" ||
         M->getName() == "test_and_set") &&
        MC->getImplicitObjectArgument() &&
        Names(MC->getImplicitObjectArgument()))
      return true;
  for (const Stmt *Child : S->children())
    if (writes(Child, F))
      return true;
  return false;
}

} // namespace

ShutdownTail shutdownTail(const FunctionDecl *Body, const ASTContext &Ctx) {
  ShutdownTail T;
  for (unsigned Depth = 0; Body && Depth < 3; ++Depth) {
    const auto *CS = dyn_cast_or_null<CompoundStmt>(Body->getBody());
    if (!CS)
      return T;
    for (const Stmt *S : CS->body())
      if (const ValueDecl *Flag = stopFlag(S, Ctx)) {
        T.StopToken = isStopToken(Flag);
        T.Flag = T.StopToken ? nullptr : cast<FieldDecl>(Flag);
        T.In = Body;
        T.From = S->getEndLoc();
        T.To = CS->getEndLoc();
        return T;
      }
    Body = onlyCallee(Body);
  }
  return T;
}

bool setsFlag(const FunctionDecl *M, const FieldDecl *Flag, unsigned Depth) {
  if (!M || !Flag || !M->getBody() || Depth > 3)
    return false;
  if (writes(M->getBody(), Flag))
    return true;
  bool Found = false;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S || Found)
      return;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      if (MC->getImplicitObjectArgument() &&
          isa<CXXThisExpr>(
              MC->getImplicitObjectArgument()->IgnoreParenImpCasts()) &&
          MC->getMethodDecl() && MC->getMethodDecl()->getDefinition() != M &&
          setsFlag(MC->getMethodDecl()->getDefinition(), Flag, Depth + 1))
        Found = true;
    for (const Stmt *Child : S->children())
      Walk(Child);
  };
  Walk(M->getBody());
  return Found;
}

bool ShutdownTail::contains(const SourceManager &SM, const Access &A) const {
  if (!exists())
    return false;
  auto Within = [&](SourceLocation W) {
    return SM.isBeforeInTranslationUnit(From, W) &&
           SM.isBeforeInTranslationUnit(W, To);
  };
  return Within(A.Where) || llvm::any_of(A.Via, Within);
}

} // namespace fearless
