//===- Locations.cpp - Naming the memory an expression designates --------===//
//
// LocationResolver, how a MemLoc is written for the user, when two accesses
// may touch the same memory, and binding a callee's locations to its
// caller's arguments.
//
//===----------------------------------------------------------------------===//

#include "fearless/Locations.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/RaceModel.h"
#include "fearless/VarUsage.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fearless {

namespace {

std::string pathText(const MemLoc &L) {
  std::string S;
  bool ThroughPointer = false;
  for (const PathStep &P : L.Path) {
    if (P.Field) {
      S += ThroughPointer ? "->" : ".";
      S += P.Field->getName();
    } else if (P.Index == PathStep::Constant) {
      S += "[" + std::to_string(P.Value) + "]";
    } else if (P.Index == PathStep::All) {
      S += "[*]";
    } else if (P.isVarIndex() && P.Var) {
      S += "[" + P.Var->getName().str() + "]";
    } else {
      S += "[...]";
    }
    ThroughPointer = P.Deref;
  }
  return S;
}

} // namespace

QualType MemLoc::type() const {
  QualType T;
  if (Root)
    T = Root->getType().getNonReferenceType();
  if (Deref && !T.isNull())
    T = T->isPointerType() ? T->getPointeeType() : QualType();
  for (const PathStep &Step : Path) {
    if (Step.Field) {
      T = Step.Field->getType().getNonReferenceType();
    } else {
      const auto *AT = T.isNull() ? nullptr : T->getAsArrayTypeUnsafe();
      T = AT ? AT->getElementType() : QualType();
    }
    if (Step.Deref && !T.isNull())
      T = T->isPointerType() ? T->getPointeeType() : QualType();
  }
  return T;
}

std::string MemLoc::describe() const {
  // What the last pointer of the path points to, as a whole: '*c->s'.
  if (!Path.empty() && Path.back().Deref) {
    MemLoc Pointer = *this;
    Pointer.Path.back().Deref = false;
    std::string Inner = Pointer.describe();
    return "'*" + Inner.substr(1);
  }
  std::string Base;
  std::string Path = pathText(*this);
  if (IsThis) {
    // this->a.b: drop the leading dot.
    if (!Path.empty() && Path[0] == '.')
      return "'" + Path.substr(1) + "'";
    return "'*this" + Path + "'";
  }
  Base = Root ? Root->getName().str() : std::string("?");
  if (Deref) {
    if (!Path.empty() && Path[0] == '.')
      return "'" + Base + "->" + Path.substr(1) + "'";
    if (!Path.empty())
      return "'" + Base + Path + "'";
    return "'*" + Base + "'";
  }
  return "'" + Base + Path + "'";
}

static bool stepsMayAlias(const PathStep &A, const PathStep &B) {
  if (A.Field || B.Field)
    return A.Field == B.Field;
  // Two elements: the same only when provably the same slot.
  if (A.Index == PathStep::Constant && B.Index == PathStep::Constant)
    return A.Value == B.Value;
  if (A.isVarIndex() && B.isVarIndex())
    return A.Var == B.Var;
  return false;
}

bool mayOverlap(const Access &A, const Access &B) {
  if (!A.Loc.sameRoot(B.Loc))
    return false;
  // Two claimed targets (each thread's own chunk of a bump allocator).
  if (A.Loc.Claimed && B.Loc.Claimed)
    return false;
  size_t N = std::min(A.Loc.Path.size(), B.Loc.Path.size());
  for (size_t I = 0; I < N; ++I) {
    const PathStep &SA = A.Loc.Path[I], &SB = B.Loc.Path[I];
    if (!stepsMayAlias(SA, SB))
      return false;
    if (SA.Deref == SB.Deref)
      continue;
    // The same pointer, one access of the pointer itself and one through
    // it: going through it reads it, so only writing it conflicts. A claim
    // goes through the local copy, not the cell.
    const Access &Cell = SA.Deref ? B : A;
    if ((SA.Deref ? A : B).Loc.Claimed)
      return false;
    return Cell.Loc.Path.size() == I + 1 && Cell.Write;
  }
  if (A.Loc.Path.size() == B.Loc.Path.size())
    return true;
  // One is an enclosing object of the other: a shallow read of a container
  // (its size, an element accessor) does not read the elements.
  const Access &Outer = A.Loc.Path.size() < B.Loc.Path.size() ? A : B;
  const Access &Inner = &Outer == &A ? B : A;
  // Through a pointer to a scalar, `*p` is the element `p[0]`, not every
  // element that `p[i]` may name (lbzip2's `*worker_thread = xcreate(...)`
  // beside the primary thread's `worker_thread[i]`, i from 1).
  size_t K = Outer.Loc.Path.size();
  const PathStep &Next = Inner.Loc.Path[K];
  if (!Next.Field && (K == 0 ? Outer.Loc.Deref : Outer.Loc.Path[K - 1].Deref))
    if (QualType T = Outer.Loc.type();
        !T.isNull() && (T->isScalarType() && !T->isPointerType())) {
      PathStep Zero;
      Zero.Index = PathStep::Constant;
      Zero.Value = 0;
      if (!stepsMayAlias(Zero, Next))
        return false;
    }
  // Nor does a write that only adds elements (a push at the end of a
  // deque, an insert into a list or a map) touch those already there: a
  // reference kept to one still names it.
  if ((Outer.Shallow && !Outer.Write) ||
      (Outer.Write && Outer.Keeps != KeptValid::Nothing))
    return Inner.Loc.Path[Outer.Loc.Path.size()].Field != nullptr;
  return true;
}

LocationResolver::LocationResolver(Session &S, const FunctionDecl *FD,
                                   bool LocalsShared)
    : S(S), FD(FD), LocalsShared(LocalsShared) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      MD && MD->getParent()->isLambda())
    Lambda = MD->getParent();
}

bool LocationResolver::capturedByCopy(const ValueDecl *V) const {
  if (!Lambda)
    return false;
  for (const LambdaCapture &C : Lambda->captures())
    if (C.capturesVariable() && C.getCapturedVar() == V)
      return C.getCaptureKind() == LCK_ByCopy;
  return false;
}

const Expr *LocationResolver::onlyAssignment(const VarDecl *V) {
  auto [It, New] = Assignments.try_emplace(V, nullptr);
  if (!New || !FD->getBody())
    return It->second;
  const Expr *Value = nullptr;
  bool Other = false;
  auto Names = [V](const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == V;
  };
  auto Visit = [&](auto &Self, const Stmt *St) -> void {
    if (!St || Other)
      return;
    if (const auto *BO = dyn_cast<BinaryOperator>(St)) {
      if (BO->isAssignmentOp() && Names(BO->getLHS())) {
        Other = Other || Value || BO->isCompoundAssignmentOp();
        Value = BO->getRHS();
      }
    } else if (const auto *UO = dyn_cast<UnaryOperator>(St)) {
      if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
          Names(UO->getSubExpr()))
        Other = true;
    }
    for (const Stmt *Child : St->children())
      Self(Self, Child);
  };
  Visit(Visit, FD->getBody());
  return Assignments[V] = Other ? nullptr : Value;
}

/// A new object: `new T`, or a call of an allocation function
/// (std::make_shared, malloc, calloc; Models/Races.def), possibly cast
/// (`(pool_t *)malloc(n)`).
static bool isFreshAllocation(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (isa<CXXNewExpr>(E))
    return true;
  const auto *Call = dyn_cast<CallExpr>(E);
  return Call && isAllocationFunction(Call->getDirectCallee());
}

/// Whether every value assigned to \p V, a local pointer of \p FD, is a
/// fresh allocation or null, and one of them is an allocation.
static bool assignsOnlyFreshObjects(const FunctionDecl *FD, const VarDecl *V,
                                    ASTContext &Ctx) {
  bool Fresh = false, Other = false;
  llvm::SmallVector<const Stmt *, 32> Work{FD->getBody()};
  while (!Work.empty() && !Other) {
    const Stmt *St = Work.pop_back_val();
    if (!St)
      continue;
    if (const auto *BO = dyn_cast<BinaryOperator>(St);
        BO && BO->isAssignmentOp() && referencedVar(BO->getLHS()) == V) {
      const Expr *R = BO->getRHS()->IgnoreParenCasts();
      if (BO->getOpcode() == BO_Assign && isFreshAllocation(R))
        Fresh = true;
      else if (BO->getOpcode() != BO_Assign ||
               !R->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
        Other = true;
    }
    for (const Stmt *C : St->children())
      Work.push_back(C);
  }
  return Fresh && !Other;
}

/// Appends the source ranges of the loops of \p Body to \p Out.
static void collectLoops(const Stmt *Body,
                         llvm::SmallVectorImpl<SourceRange> &Out) {
  auto Visit = [&](auto &Self, const Stmt *St) -> void {
    if (!St)
      return;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(St))
      Out.push_back(St->getSourceRange());
    for (const Stmt *Child : St->children())
      Self(Self, Child);
  };
  Visit(Visit, Body);
}

/// Whether \p V is declared inside one of \p Loops.
static bool declaredIn(llvm::ArrayRef<SourceRange> Loops, const VarDecl *V,
                       const SourceManager &SM) {
  return llvm::any_of(Loops, [&](SourceRange R) {
    return SM.isPointWithin(V->getLocation(), R.getBegin(), R.getEnd());
  });
}

/// Whether \p V, a local of the function enclosing a lambda that copies
/// it, names one object there: declared outside its loops, never changed.
static bool outerLocalNamesOneObject(Session &S, const VarDecl *V) {
  const auto *Outer = dyn_cast_or_null<FunctionDecl>(V->getDeclContext());
  if (!Outer || !Outer->getBody())
    return false;
  llvm::SmallVector<SourceRange, 4> Loops;
  collectLoops(Outer->getBody(), Loops);
  return !declaredIn(Loops, V, S.astContext().getSourceManager()) &&
         S.functionAnalysis(Outer).isOnlyRead(V);
}

bool LocationResolver::namesOneObject(const VarDecl *V) {
  if (auto It = OneObject.find(V); It != OneObject.end())
    return It->second;
  // A lambda's copy of the enclosing function's local names what it does.
  bool One = V->getDeclContext() == FD
                 ? !inLoop(V) && S.functionAnalysis(FD).isOnlyRead(V)
                 : outerLocalNamesOneObject(S, V);
  return OneObject[V] = One;
}

/// Whether \p A and \p B spell the same lvalue: one variable, or the same
/// chain of fields from the same root.
static bool sameLvalue(const Expr *A, const Expr *B) {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (const auto *DA = dyn_cast<DeclRefExpr>(A)) {
    const auto *DB = dyn_cast<DeclRefExpr>(B);
    return DB && DA->getDecl() == DB->getDecl();
  }
  if (isa<CXXThisExpr>(A))
    return isa<CXXThisExpr>(B);
  if (const auto *MA = dyn_cast<MemberExpr>(A)) {
    const auto *MB = dyn_cast<MemberExpr>(B);
    return MB && MA->getMemberDecl() == MB->getMemberDecl() &&
           MA->isArrow() == MB->isArrow() &&
           sameLvalue(MA->getBase(), MB->getBase());
  }
  return false;
}

/// Whether \p St (a statement of a block) writes the lvalue \p Cell:
/// assigns it, compound-assigns it, increments or decrements it.
static bool overwrites(const Stmt *St, const Expr *Cell) {
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(St))
    St = EWC->getSubExpr();
  if (const auto *BO = dyn_cast<BinaryOperator>(St))
    return BO->isAssignmentOp() && sameLvalue(BO->getLHS(), Cell);
  if (const auto *UO = dyn_cast<UnaryOperator>(St))
    return UO->isIncrementDecrementOp() && sameLvalue(UO->getSubExpr(), Cell);
  return false;
}

/// Where \p FD overwrites the pointer cell its local \p V was copied from
/// by `V = Value` (or initialized with), in the same block after the copy.
static SourceLocation findClaimEnd(const FunctionDecl *FD, const VarDecl *V,
                                   const Expr *Value) {
  // The copy reads a plain pointer cell (not an atomic: a load then a store
  // of one is no claim).
  const auto *Read = dyn_cast<ImplicitCastExpr>(Value->IgnoreParens());
  if (!Read || Read->getCastKind() != CK_LValueToRValue ||
      !Read->getType()->isPointerType())
    return {};
  const Expr *Cell = Read->getSubExpr()->IgnoreParens();
  if (!isa<MemberExpr>(Cell) && !isa<DeclRefExpr>(Cell))
    return {};
  auto IsCopy = [&](const Stmt *St) {
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(St))
      St = EWC->getSubExpr();
    if (const auto *BO = dyn_cast<BinaryOperator>(St))
      return BO->getOpcode() == BO_Assign && BO->getRHS() == Value;
    if (const auto *DS = dyn_cast<DeclStmt>(St))
      return V->getInit() == Value && llvm::is_contained(DS->decls(), V);
    return false;
  };
  SourceLocation End;
  auto Visit = [&](auto &Self, const Stmt *St) -> void {
    if (!St || End.isValid())
      return;
    if (const auto *CS = dyn_cast<CompoundStmt>(St)) {
      bool Copied = false;
      for (const Stmt *Child : CS->body()) {
        if (Copied && overwrites(Child, Cell)) {
          End = Child->getEndLoc();
          return;
        }
        Copied = Copied || IsCopy(Child);
      }
      if (Copied)
        return;
    }
    for (const Stmt *Child : St->children())
      Self(Self, Child);
  };
  Visit(Visit, FD->getBody());
  return End;
}

SourceLocation LocationResolver::claimEnd(const VarDecl *V,
                                          const Expr *Value) {
  auto [It, New] = Claims.try_emplace(V);
  if (New && FD->getBody())
    It->second = findClaimEnd(FD, V, Value);
  return It->second;
}

/// Whether \p Use comes after \p End in the translation unit.
static bool after(const SourceManager &SM, SourceLocation End,
                  SourceLocation Use) {
  return End.isValid() &&
         SM.isBeforeInTranslationUnit(SM.getExpansionLoc(End),
                                      SM.getExpansionLoc(Use));
}

bool LocationResolver::inLoop(const VarDecl *V) {
  if (!LoopsKnown) {
    LoopsKnown = true;
    collectLoops(FD->getBody(), Loops);
  }
  return declaredIn(Loops, V, S.astContext().getSourceManager());
}

/// The range-for statement of \p FD whose loop variable \p V is, if it is
/// one: its declaration's parent (FunctionAnalysis::parents).
static const CXXForRangeStmt *rangeForOf(Session &S, const FunctionDecl *FD,
                                         const VarDecl *V) {
  if (!V->getInit() || !V->isLocalVarDecl())
    return nullptr;
  const ParentMap &PM = S.functionAnalysis(FD).parents();
  const Stmt *DS = PM.getParent(V->getInit());
  const auto *RF =
      dyn_cast_or_null<CXXForRangeStmt>(DS ? PM.getParent(DS) : nullptr);
  return RF && RF->getLoopVariable() == V ? RF : nullptr;
}

bool LocationResolver::capturesThisByCopy() const {
  if (!Lambda)
    return false;
  for (const LambdaCapture &C : Lambda->captures())
    if (C.capturesThis())
      return C.getCaptureKind() == LCK_StarThis;
  return false;
}

bool LocationResolver::isSharedRoot(const ValueDecl *V) const {
  V = bindingOwner(V);
  const auto *VD = dyn_cast<VarDecl>(V);
  if (!VD)
    return false;
  if (VD->getTLSKind() != VarDecl::TLS_None)
    return false; // per thread
  if (!VD->hasLocalStorage()) {
    // Globals of the library (std::cout, errno) synchronize themselves.
    const SourceManager &SM = S.astContext().getSourceManager();
    if (SM.isInSystemHeader(SM.getExpansionLoc(VD->getLocation())))
      return false;
    return !(VD->getType().isConstQualified() &&
             !VD->getType()->isReferenceType());
  }
  if (isa<ParmVarDecl>(VD) && VD->getDeclContext() == FD)
    return true; // bound by the caller
  if (VD->getDeclContext() != FD)
    return !capturedByCopy(VD); // a variable of an enclosing function
  return LocalsShared;
}

PathStep LocationResolver::elementStep(const Expr *Index) {
  PathStep Step;
  Step.Field = nullptr;
  Index = Index->IgnoreParenImpCasts();
  if (std::optional<long long> K = integerConstant(Index, S.astContext())) {
    Step.Index = PathStep::Constant;
    Step.Value = *K;
    return Step;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Index))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (isSharedRoot(VD) && !isa<ParmVarDecl>(VD)) {
        // Read when the thread's init-capture was made, not by the thread.
        Step.Index = AtCapture && VD->getDeclContext() != FD
                         ? PathStep::CapturedVar
                         : PathStep::SharedVar;
        Step.Var = VD;
        return Step;
      }
  Step.Index = PathStep::Other;
  return Step;
}

std::optional<MemLoc> LocationResolver::derefLoc(const Expr *E,
                                                 unsigned Steps) {
  if (Steps > 8)
    return std::nullopt;
  E = E->IgnoreParens();
  while (const auto *Cast = dyn_cast<CastExpr>(E)) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return locOf(Cast->getSubExpr(), Steps + 1);
    E = Cast->getSubExpr()->IgnoreParens();
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return locOf(UO->getSubExpr(), Steps + 1);
  if (isa<CXXThisExpr>(E)) {
    if (capturesThisByCopy())
      return std::nullopt;
    MemLoc L;
    L.IsThis = true;
    return L;
  }
  // A smart pointer's operator-> / get().
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      OC && OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1)
    return derefLoc(OC->getArg(0), Steps + 1);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *M = MC->getMethodDecl();
        M && M->getIdentifier() && M->getName() == "get" &&
        isStdLibraryRecord(M->getParent()))
      return derefLoc(MC->getImplicitObjectArgument(), Steps + 1);
  // A pointer kept in a field or an element (`c->s` in `c->s->n`): the
  // path goes on through it.
  if ((isa<MemberExpr>(E) || isa<ArraySubscriptExpr>(E)) &&
      E->getType()->isPointerType())
    if (std::optional<MemLoc> L = locOf(E, Steps + 1); L && !L->Path.empty()) {
      L->Path.back().Deref = true;
      return L;
    }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return std::nullopt;
    const SourceManager &SM = S.astContext().getSourceManager();
    // A local pointer initialized once: what it was initialized with. A
    // lambda's copy of the enclosing function's pointer (`[p] { p->n++; }`)
    // holds the same value when the enclosing function never changes it.
    bool OwnLocal = VD->getDeclContext() == FD;
    bool CopiedUnchanged =
        !OwnLocal && capturedByCopy(VD) &&
        isa_and_nonnull<FunctionDecl>(VD->getDeclContext()) &&
        cast<FunctionDecl>(VD->getDeclContext())->hasBody() &&
        S.functionAnalysis(cast<FunctionDecl>(VD->getDeclContext()))
            .isOnlyRead(VD);
    if (VD->hasLocalStorage() && (OwnLocal || CopiedUnchanged) &&
        !isa<ParmVarDecl>(VD) && VD->getInit() &&
        !VD->getType()->isReferenceType()) {
      const Expr *Init = stripWrappers(VD->getInit());
      if (const auto *CE = dyn_cast<CXXConstructExpr>(Init);
          CE && CE->getNumArgs() == 1)
        Init = CE->getArg(0);
      // `T *p = cell; cell = next;`: after that, p names the target it
      // claimed (MemLoc::Claimed).
      if (auto L = derefLoc(Init, Steps + 1)) {
        L->Claimed |= OwnLocal && after(SM, claimEnd(VD, VD->getInit()),
                                        DRE->getBeginLoc());
        return L;
      }
      // A fresh object (make_shared, new) that only this local names: the
      // local names it, when it is one object (not one per iteration of a
      // loop) that the local keeps pointing to; so does a lambda's copy of
      // the local (`T *t = new T; std::thread([t] { t->n = 2; })`).
      if (!isFreshAllocation(Init) || !namesOneObject(VD))
        return std::nullopt;
    }
    // Declared first, assigned once later (C89 style, often in the loop
    // that starts the threads): what it was assigned.
    if (OwnLocal && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
        !VD->getInit() && VD->getType()->isPointerType())
      if (const Expr *Value = onlyAssignment(VD)) {
        std::optional<MemLoc> L = derefLoc(Value, Steps + 1);
        if (L)
          L->Claimed |= after(SM, claimEnd(VD, Value), DRE->getBeginLoc());
        return L;
      } else if (auto [It, New] = FreshEach.try_emplace(VD, false);
                 New ? (It->second = assignsOnlyFreshObjects(
                            FD, VD, S.astContext()))
                     : It->second) {
        // `p = malloc(...)` before each spawn (in a loop, or a `goto`
        // back to it), `p = NULL` after a free: a new object each time,
        // never one object the local keeps naming (lrzip's fill_buffer).
        return std::nullopt;
      }
    if (!isSharedRoot(VD) && !capturedByCopy(VD))
      return std::nullopt;
    MemLoc L;
    L.Root = VD;
    L.Deref = true;
    return L;
  }
  return std::nullopt;
}

std::optional<MemLoc> LocationResolver::locOf(const Expr *E, unsigned Steps) {
  if (Steps > 8 || !E)
    return std::nullopt;
  E = E->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
      ICE && (ICE->getCastKind() == CK_NoOp ||
              ICE->getCastKind() == CK_DerivedToBase ||
              ICE->getCastKind() == CK_UncheckedDerivedToBase))
    return locOf(ICE->getSubExpr(), Steps + 1);
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return locOf(MTE->getSubExpr(), Steps + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD) {
      if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
        if (const Expr *Binding = BD->getBinding())
          return locOf(Binding, Steps + 1);
      return std::nullopt;
    }
    // A local reference names what it is bound to.
    if (VD->getType()->isReferenceType() && VD->hasLocalStorage() &&
        !isa<ParmVarDecl>(VD) && VD->getDeclContext() == FD) {
      const Expr *Init = VD->getInit();
      if (!Init)
        return std::nullopt;
      // `for (auto &w : workers_)`: some element of what it ranges over
      // (its initializer reads a hidden iterator).
      if (const CXXForRangeStmt *RF = rangeForOf(S, FD, VD)) {
        std::optional<MemLoc> Range = locOf(RF->getRangeInit(), Steps + 1);
        PathStep Element;
        Element.Index = PathStep::Other;
        if (Range)
          Range->Path.push_back(Element);
        return Range;
      }
      if (!VD->isInitCapture())
        return locOf(Init, Steps + 1);
      // [&w = workers[i]]: bound once, when the lambda was made.
      bool Outer = AtCapture;
      AtCapture = true;
      std::optional<MemLoc> L = locOf(Init, Steps + 1);
      AtCapture = Outer;
      return L;
    }
    if (!isSharedRoot(VD))
      return std::nullopt;
    MemLoc L;
    L.Root = VD;
    return L;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F) {
      // A static data member.
      if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl());
          VD && isSharedRoot(VD)) {
        MemLoc L;
        L.Root = VD;
        return L;
      }
      return std::nullopt;
    }
    std::optional<MemLoc> Base = ME->isArrow()
                                     ? derefLoc(ME->getBase(), Steps + 1)
                                     : locOf(ME->getBase(), Steps + 1);
    if (!Base)
      return std::nullopt;
    // A reference member names something we cannot see.
    if (F->getType()->isReferenceType())
      return std::nullopt;
    PathStep Step;
    Step.Field = F;
    Base->Path.push_back(Step);
    return Base;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *BaseE = ASE->getBase()->IgnoreParens();
    std::optional<MemLoc> Base;
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(BaseE);
        ICE && ICE->getCastKind() == CK_ArrayToPointerDecay)
      Base = locOf(ICE->getSubExpr(), Steps + 1);
    else
      Base = derefLoc(BaseE, Steps + 1);
    if (!Base)
      return std::nullopt;
    Base->Path.push_back(elementStep(ASE->getIdx()));
    return Base;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    return derefLoc(UO->getSubExpr(), Steps + 1);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1)
      return derefLoc(OC->getArg(0), Steps + 1);
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
        isStdLibraryRecord(classOf(OC->getArg(0)->getType()))) {
      std::optional<MemLoc> Base = locOf(OC->getArg(0), Steps + 1);
      if (!Base)
        return std::nullopt;
      Base->Path.push_back(elementStep(OC->getArg(1)));
      return Base;
    }
    return std::nullopt;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && isStdLibraryRecord(M->getParent()) && M->getIdentifier() &&
        (M->getName() == "at" || M->getName() == "front" ||
         M->getName() == "back") &&
        MC->getType()->isReferenceType() == false && E->isGLValue()) {
      std::optional<MemLoc> Base =
          locOf(MC->getImplicitObjectArgument(), Steps + 1);
      if (!Base)
        return std::nullopt;
      PathStep Step;
      if (M->getName() == "at" && MC->getNumArgs() == 1)
        Step = elementStep(MC->getArg(0));
      else {
        Step.Index = PathStep::Constant;
        Step.Value = M->getName() == "front" ? 0 : -1;
      }
      Base->Path.push_back(Step);
      return Base;
    }
  }
  return std::nullopt;
}

std::optional<MemLoc> bindLocation(const MemLoc &L, const FunctionDecl *Callee,
                                   llvm::ArrayRef<std::optional<MemLoc>> Params,
                                   const std::optional<MemLoc> &This) {
  std::optional<MemLoc> Base;
  if (L.IsThis) {
    if (!This)
      return std::nullopt;
    Base = *This;
  } else if (const auto *P = dyn_cast<ParmVarDecl>(L.Root);
             P && P->getDeclContext() == Callee) {
    unsigned Index = P->getFunctionScopeIndex();
    if (Index >= Params.size() || !Params[Index])
      return std::nullopt;
    // A pointer parameter's own value is private; its pointee is shared.
    if (P->getType()->isPointerType() && !L.Deref)
      return std::nullopt;
    Base = *Params[Index];
  } else if (const auto *VD = dyn_cast<VarDecl>(L.Root);
             VD && VD->hasLocalStorage() && VD->getDeclContext() == Callee) {
    return std::nullopt; // the callee's own local
  } else {
    return L;
  }
  for (const PathStep &Step : L.Path)
    Base->Path.push_back(Step);
  Base->Claimed |= L.Claimed;
  return Base;
}

std::optional<MemLoc> resolveLocation(Session &S, const FunctionDecl *Within,
                                      const Expr *E, bool Deref) {
  LocationResolver R(S, Within, /*LocalsShared=*/true);
  return Deref ? R.derefLoc(E) : R.locOf(E);
}

} // namespace fearless
