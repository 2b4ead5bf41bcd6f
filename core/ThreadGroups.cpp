//===- ThreadGroups.cpp - Objects that adopt and join threads -------------===//
//
// A project's thread group (boost::thread_group's shape, a `Workers` class
// of a test): a member function takes a std::thread and keeps it in a
// member, and the destructor joins what that member holds. A thread handed
// to such an object is owned by the object and joined when it is
// destroyed, as if the object were a join guard (HandleTracker::sinkOf).
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/ThreadWrappers.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace fearless {

/// The member of `*this` that \p E names: `ts_`, `this->t_`.
static const FieldDecl *thisMember(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(ME->getMemberDecl());
}

/// The member of `*this` whose thread, or one of whose elements, \p Obj
/// names in a body: `t_`, `ts_[i]`, `ts_.at(i)`, or the variable of a
/// range-for over `ts_` (\p RangeOf maps loop variables to their ranges).
static const FieldDecl *
joinedMember(const Expr *Obj,
             const llvm::DenseMap<const VarDecl *, const Expr *> &RangeOf) {
  for (unsigned Steps = 0; Obj && Steps < 4; ++Steps) {
    Obj = Obj->IgnoreParenImpCasts();
    if (const FieldDecl *F = thisMember(Obj))
      return F;
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Obj)) {
      Obj = ASE->getBase();
      continue;
    }
    if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(Obj);
        OCE && OCE->getOperator() == OO_Subscript) {
      Obj = OCE->getArg(0);
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Obj)) {
      Obj = MC->getImplicitObjectArgument();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (auto It = RangeOf.find(VD); It != RangeOf.end()) {
          Obj = It->second;
          continue;
        }
    return nullptr;
  }
  return nullptr;
}

const llvm::SmallVector<const FieldDecl *, 1> &
ThreadWrappers::joinedMembers(const CXXRecordDecl *RD) const {
  auto [It, Inserted] = Joined.try_emplace(RD);
  if (!Inserted || !RD->hasDefinition())
    return It->second;
  llvm::SmallVector<const FieldDecl *, 1> Found;
  const CXXDestructorDecl *Dtor = RD->getDefinition()->getDestructor();
  const FunctionDecl *Def = nullptr;
  // The destructor's body and those of the member functions it calls on
  // *this (`~Group() { join_all(); }`), one level down.
  llvm::SmallVector<const Stmt *, 4> Bodies;
  if (Dtor && Dtor->hasBody(Def) && Def->getBody())
    Bodies.push_back(Def->getBody());
  for (unsigned B = 0; B < Bodies.size() && B < 8; ++B) {
    llvm::DenseMap<const VarDecl *, const Expr *> RangeOf;
    llvm::SmallVector<const Stmt *, 32> Work{Bodies[B]};
    for (unsigned Seen = 0; !Work.empty() && Seen < 512; ++Seen) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *RF = dyn_cast<CXXForRangeStmt>(S))
        if (RF->getLoopVariable() && RF->getRangeInit())
          RangeOf[RF->getLoopVariable()] = RF->getRangeInit();
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
        const CXXMethodDecl *M = MC->getMethodDecl();
        const Expr *Obj = MC->getImplicitObjectArgument();
        if (Lib.handleMethod(M) == HandleOp::Join) {
          if (const FieldDecl *F = joinedMember(Obj, RangeOf);
              F && !llvm::is_contained(Found, F))
            Found.push_back(F);
        } else if (M && M->getParent() == RD && Obj &&
                   isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) && B == 0) {
          const FunctionDecl *Callee = nullptr;
          if (M->hasBody(Callee) && Callee->getBody())
            Bodies.push_back(Callee->getBody());
        }
      }
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }
  // The range-for loops of a body are visited before their bodies (the
  // work list pops children after their parent), so RangeOf is filled in
  // time for the joins inside them.
  It = Joined.find(RD);
  It->second = std::move(Found);
  return It->second;
}

std::optional<unsigned>
ThreadWrappers::adoptingParam(const CXXMethodDecl *M) const {
  if (!M || isa<CXXConstructorDecl>(M) || M->isStatic())
    return std::nullopt;
  auto [It, Inserted] = Adopting.try_emplace(M);
  if (!Inserted)
    return It->second;
  const FunctionDecl *Def = nullptr;
  if (!M->hasBody(Def) || !Def->getBody())
    return std::nullopt;
  const llvm::SmallVector<const FieldDecl *, 1> &Members =
      joinedMembers(M->getParent());
  if (Members.empty())
    return std::nullopt;
  // The parameter a value comes from: `std::move(t)`, `t`.
  auto ParamOf = [&](const Expr *V) -> const ParmVarDecl * {
    V = stripMoves(V->IgnoreImplicit());
    if (const auto *CE = dyn_cast<CXXConstructExpr>(V);
        CE && CE->getNumArgs() == 1)
      V = stripMoves(CE->getArg(0)->IgnoreImplicit());
    const auto *DRE = dyn_cast<DeclRefExpr>(V->IgnoreParenImpCasts());
    return DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  };
  std::optional<unsigned> Result;
  llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
  for (unsigned Seen = 0; !Work.empty() && Seen < 512 && !Result; ++Seen) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    const FieldDecl *Into = nullptr;
    llvm::ArrayRef<const Expr *> Values;
    const Expr *One[1];
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
        MC && Lib.isContainerInsert(MC->getMethodDecl()) &&
        MC->getImplicitObjectArgument()) {
      Into = thisMember(MC->getImplicitObjectArgument());
      Values = llvm::ArrayRef(MC->getArgs(), MC->getNumArgs());
    } else if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(S);
               OCE && OCE->getOperator() == OO_Equal &&
               OCE->getNumArgs() == 2) {
      Into = thisMember(OCE->getArg(0));
      One[0] = OCE->getArg(1);
      Values = One;
    }
    if (Into && llvm::is_contained(Members, Into))
      for (const Expr *V : Values)
        if (const ParmVarDecl *P = ParamOf(V);
            P && !P->getType()->isLValueReferenceType() &&
            Lib.threadClassKind(P->getType().getNonReferenceType()) ==
                HandleKind::Thread)
          Result = P->getFunctionScopeIndex();
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  Adopting[M] = Result;
  return Result;
}

} // namespace fearless
