//===- CalleeMoves.cpp - Whether a visible callee moves its T&& parameter -===//
//
// `q.try_enqueue(std::move(w))` only moves `w` if try_enqueue does. When the
// callee's body is in the translation unit (not a system header, not a
// virtual member that may be overridden, not a special member), it decides:
// a parameter that is never moved or forwarded is kept; one moved only on
// some paths from entry to exit (under an if, a loop, a ?:, after an early
// return) is a conditional consumer like try_emplace; one moved on every
// path is moved. Passing the parameter on (std::move into another reference
// parameter, or the parameter itself to a non-const lvalue reference) is
// followed a few levels, and taken as a move beyond that. A callee whose
// body is in another translation unit may or may not move: not a move,
// unless the UnseenCalleeMoves option asks for clang-tidy's behaviour.
//
//===----------------------------------------------------------------------===//

#include "MovesInternal.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/FunctionAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace fearless {
namespace moves {

namespace {

/// How many callees deep a parameter passed on is followed (abseil's
/// `get(variant&&)` returns through three: CheckedAccess, Access,
/// AccessUnion).
constexpr unsigned MaxDepth = 3;

/// Whether \p E names \p P, or a member or element of it (`p.field`,
/// `p.items[i]`): moving one of those moves the caller's object's contents.
bool rootedAt(const Expr *E, const ParmVarDecl *P) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow()) {
      E = ME->getBase();
      continue;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    return DRE && DRE->getDecl() == P;
  }
  return false;
}

/// Whether \p E, a returned value, is \p P or a part of it, also through
/// casts (`reinterpret_cast<T &>(self)`): a reference into the argument.
bool refersInto(const Expr *E, const ParmVarDecl *P) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->isGLValue()) {
      E = Cast->getSubExpr();
      continue;
    }
    return rootedAt(E, P);
  }
  return false;
}

/// Whether \p Child, an expression statement's value, is thrown away by
/// its parent \p P: a statement of a block, a label's, a loop's step.
bool discards(const Stmt *P, const Stmt *Child) {
  if (isa<CompoundStmt, LabelStmt, CaseStmt, DefaultStmt, AttributedStmt>(P))
    return true;
  if (const auto *F = dyn_cast<ForStmt>(P))
    return F->getInc() == Child || F->getBody() == Child;
  if (const auto *W = dyn_cast<WhileStmt>(P))
    return W->getBody() == Child;
  if (const auto *D = dyn_cast<DoStmt>(P))
    return D->getBody() == Child;
  if (const auto *I = dyn_cast<IfStmt>(P))
    return I->getThen() == Child || I->getElse() == Child;
  return false;
}

/// Members that take the contents of their object (`p.release()`,
/// `p.swap(other)`) without a std::move in sight.
bool stealsObject(const CXXMethodDecl *M) {
  if (!M || M->isConst() || !M->getIdentifier())
    return false;
  return M->getName() == "release" || M->getName() == "swap";
}

} // namespace

CalleeMoveInspector::CalleeMoveInspector(Session &S)
    : S(S), Ctx(S.astContext()) {}

ParamFate CalleeMoveInspector::fate(const FunctionDecl *Callee,
                                    const ParmVarDecl *Param, unsigned Depth) {
  if (!Callee || !Param || Depth > MaxDepth ||
      !Param->getType()->isReferenceType())
    return ParamFate::Moved;
  // A move assignment or move constructor moves by definition, wherever
  // its body is.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
      MD && MD->isMoveAssignmentOperator())
    return ParamFate::Moved;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee);
      Ctor && Ctor->isMoveConstructor())
    return ParamFate::Moved;
  const FunctionDecl *Def = nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Callee->hasBody(Def) || !Def || !Def->getBody()) {
    // A library's T&& parameter is a move by its contract
    // ([res.on.arguments]); whether a body in another translation unit
    // moves is not visible, so only a possible move unless asked for.
    if (SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())) ||
        S.library().options().flag("UnseenCalleeMoves"))
      return ParamFate::Moved;
    return ParamFate::MaybeMoved;
  }
  if (SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())) ||
      Def->isDependentContext() || Def->isDefaulted() || Def->isImplicit() ||
      bodyHasErrors(Def))
    return ParamFate::Moved;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def)) {
    // An override elsewhere may move.
    if (MD->isVirtual() && !MD->hasAttr<FinalAttr>() &&
        !MD->getParent()->hasAttr<FinalAttr>())
      return ParamFate::Moved;
  }
  unsigned Index = Param->getFunctionScopeIndex();
  if (Index >= Def->getNumParams())
    return ParamFate::Moved;
  const ParmVarDecl *P = Def->getParamDecl(Index);
  auto Key = std::make_pair(P, Depth);
  if (auto It = Cache.find(Key); It != Cache.end())
    return It->second;
  Cache[Key] = ParamFate::Moved; // a recursive call moves, until known
  ParamFate F = inspect(Def, P, Depth);
  Cache[Key] = F;
  return F;
}

ParamFate CalleeMoveInspector::destinationFate(const Expr *Moved,
                                               const ParentMap &PM,
                                               unsigned Depth, bool ReturnsRef,
                                               bool Result) {
  const Stmt *Child = Moved;
  for (const Stmt *P = PM.getParent(Moved); P; Child = P, P = PM.getParent(P)) {
    // A returned reference to a scalar read: a copy, nothing moves.
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P);
        Result && ICE && ICE->getCastKind() == CK_LValueToRValue)
      return ParamFate::Kept;
    if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups>(P))
      continue;
    const auto *E = dyn_cast<Expr>(P);
    if (E && getMovedExpr(E)) // std::forward<T>(std::move(p))
      continue;
    // `return std::move(p);`, `return Access(std::forward<V>(self));` from a
    // function returning a reference: the caller's use decides.
    if (isa<ReturnStmt>(P))
      return ReturnsRef ? ParamFate::Returned : ParamFate::Moved;
    if (Result) {
      // A returned reference thrown away or bound to a reference (an alias
      // is not followed): nothing is moved.
      if (const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(E)) {
        if (Cast->getCastKind() == CK_ToVoid)
          return ParamFate::Kept;
        if (Cast->isGLValue())
          continue;
      }
      // A reference to const cannot be moved from.
      if (const auto *CE = dyn_cast<Expr>(Child);
          CE && CE->getType().isConstQualified())
        return ParamFate::Kept;
      // `get(std::move(v)).field` still refers into the argument; a const
      // member called on it only reads it, another one may take from it.
      if (const auto *ME = dyn_cast_or_null<MemberExpr>(E); ME && !ME->isArrow()) {
        if (!isa<CXXMethodDecl>(ME->getMemberDecl()))
          continue;
        const auto *M = cast<CXXMethodDecl>(ME->getMemberDecl());
        return M->isConst() || M->isStatic() ? ParamFate::Kept
                                             : ParamFate::Moved;
      }
      if (const auto *BO = dyn_cast_or_null<BinaryOperator>(E);
          BO && BO->getOpcode() == BO_Comma && BO->getLHS() == Child)
        return ParamFate::Kept;
      if (!E && discards(P, Child))
        return ParamFate::Kept;
      if (const auto *DS = dyn_cast<DeclStmt>(P); DS && DS->isSingleDecl())
        if (const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl());
            VD && VD->getType()->isReferenceType())
          return ParamFate::Kept;
    }
    if (!E || !(isa<CallExpr>(E) || isa<CXXConstructExpr>(E)))
      return ParamFate::Moved;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getConstructor() &&
        CE->getConstructor()->isCopyOrMoveConstructor())
      // A returned lvalue reference is copied from, not moved.
      return Result && CE->getConstructor()->isCopyConstructor()
                 ? ParamFate::Kept
                 : ParamFate::Moved;
    llvm::ArrayRef<const Expr *> Args = argsOf(E);
    unsigned I = 0;
    for (; I < Args.size() && Args[I] != Child; ++I)
      ;
    if (I == Args.size())
      return ParamFate::Moved;
    const ParmVarDecl *To = paramForArg(E, I);
    // A returned reference read through a const reference: a copy at most.
    if (Result && To && To->getType()->isLValueReferenceType() &&
        To->getType().getNonReferenceType().isConstQualified())
      return ParamFate::Kept;
    ParamFate F = fate(calleeOf(E), To, Depth + 1);
    if (F != ParamFate::Returned)
      return F;
    Result = true; // follow the reference the call returns
  }
  return ParamFate::Moved;
}

ParamFate CalleeMoveInspector::inspect(const FunctionDecl *Def,
                                       const ParmVarDecl *Param,
                                       unsigned Depth) {
  Stmt *Body = const_cast<Stmt *>(Def->getBody());
  // The callee's own per-function results (its parent map covers the
  // constructor initializers too), shared with the checks.
  FunctionAnalysis &Callee = S.functionAnalysis(Def);
  const ParentMap &PM = Callee.parents();
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def);

  // Where the parameter may leave, and what happens to it there.
  struct Collector : BodyWalker<Collector> {
    CalleeMoveInspector &In;
    const ParmVarDecl *Param;
    const ParentMap &PM;
    unsigned Depth;
    llvm::SmallVector<std::pair<const Stmt *, ParamFate>, 4> Exits;
    bool ReturnsRef;
    Collector(CalleeMoveInspector &In, const ParmVarDecl *Param,
              const ParentMap &PM, unsigned Depth, bool ReturnsRef)
        : In(In), Param(Param), PM(PM), Depth(Depth), ReturnsRef(ReturnsRef) {}
    /// `return p;`, `return reinterpret_cast<T &>(p.state);` from a function
    /// returning a reference: a reference into the argument leaves.
    bool VisitReturnStmt(ReturnStmt *RS) {
      if (ReturnsRef && refersInto(RS->getRetValue(), Param))
        Exits.push_back({RS, ParamFate::Returned});
      return true;
    }
    /// A lambda may run later, or not at all: a move in its body counts
    /// (it is no statement of this CFG, so it is taken as unconditional).
    bool TraverseLambdaExpr(LambdaExpr *L) {
      return RecursiveASTVisitor<Collector>::TraverseLambdaExpr(L);
    }
    bool VisitCXXStaticCastExpr(CXXStaticCastExpr *Cast) {
      noteMove(Cast);
      return true;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
      if (rootedAt(MC->getImplicitObjectArgument(), Param) &&
          stealsObject(MC->getMethodDecl()))
        Exits.push_back({MC, ParamFate::Moved});
      return true;
    }
    bool VisitCallExpr(CallExpr *Call) {
      if (noteMove(Call))
        return true;
      passedOn(Call);
      return true;
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
      passedOn(CE);
      return true;
    }
    bool noteMove(const Expr *E) {
      const Expr *Moved = getMovedExpr(E);
      if (!Moved)
        return false;
      if (rootedAt(Moved, Param))
        Exits.push_back({E, In.destinationFate(E, PM, Depth, ReturnsRef)});
      return true;
    }
    /// The parameter itself bound to a non-const lvalue reference: the
    /// callee may move from it.
    void passedOn(const Expr *Call) {
      llvm::ArrayRef<const Expr *> Args = argsOf(Call);
      for (unsigned I = 0; I < Args.size(); ++I) {
        const ParmVarDecl *P = paramForArg(Call, I);
        if (!P || !rootedAt(Args[I], Param))
          continue;
        QualType T = P->getType();
        if (!T->isLValueReferenceType() ||
            T.getNonReferenceType().isConstQualified())
          continue;
        ParamFate F = In.fate(calleeOf(Call), P, Depth + 1);
        // It returns a reference into it: where that goes decides.
        if (F == ParamFate::Returned)
          F = In.destinationFate(Call, PM, Depth, ReturnsRef, /*Result=*/true);
        Exits.push_back({Call, F});
      }
    }
  };
  Collector C(*this, Param, PM, Depth,
              Def->getReturnType()->isReferenceType());
  if (Ctor)
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        C.TraverseStmt(Init->getInit());
  C.TraverseStmt(Body);

  bool Maybe = false, Returned = false;
  llvm::SmallPtrSet<const Stmt *, 4> Moving;
  for (const auto &[S, F] : C.Exits) {
    if (F == ParamFate::MaybeMoved)
      Maybe = true;
    if (F == ParamFate::Returned)
      Returned = true;
    if (F == ParamFate::Moved)
      Moving.insert(S);
  }
  // Never moved here, but a reference into it may go back to the caller.
  if (Moving.empty())
    return Returned ? ParamFate::Returned
                    : Maybe ? ParamFate::MaybeMoved : ParamFate::Kept;

  // Moved on every path from entry to a normal exit?
  const CFG *Cfg = Callee.cfg();
  if (!Cfg)
    return ParamFate::Moved;
  llvm::SmallPtrSet<const CFGBlock *, 8> MovingBlocks, Stops;
  llvm::SmallPtrSet<const Stmt *, 4> Found;
  for (const CFGBlock *B : *Cfg) {
    if (B->hasNoReturnElement())
      Stops.insert(B); // abort(), a throw: the caller does not go on
    for (const CFGElement &El : *B)
      if (auto CS = El.getAs<CFGStmt>()) {
        if (isa<CXXThrowExpr>(CS->getStmt()))
          Stops.insert(B);
        if (Moving.count(CS->getStmt())) {
          MovingBlocks.insert(B);
          Found.insert(CS->getStmt());
        }
      }
  }
  if (Found.size() < Moving.size())
    return ParamFate::Moved; // in a lambda, or not in the CFG: a move
  llvm::SmallVector<const CFGBlock *, 16> Work{&Cfg->getEntry()};
  llvm::SmallPtrSet<const CFGBlock *, 16> Seen{&Cfg->getEntry()};
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (B == &Cfg->getExit())
      return ParamFate::MaybeMoved; // a path that does not move
    if (MovingBlocks.count(B) || Stops.count(B))
      continue;
    for (const CFGBlock *Succ : B->succs())
      if (Succ && Seen.insert(Succ).second)
        Work.push_back(Succ);
  }
  return ParamFate::Moved;
}

} // namespace moves
} // namespace fearless
