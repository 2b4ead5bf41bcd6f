//===- SyncValues.cpp - Borrows through synchronized-value guards ---------===//
//
// See SyncValues.h. One walk of a function body: declarations of borrowing
// locals and return statements whose borrow is taken through a temporary
// guard of a modelled wrapper, and Calls members (withWLock) whose callable
// returns a borrow of the value it is given. Nothing is cached: the walk
// runs only for functions whose pre-scan saw such a call.
//
//===----------------------------------------------------------------------===//

#include "fearless/SyncValues.h"
#include "GuardedEscapesInternal.h"
#include "InferenceUtil.h"
#include "fearless/ASTUtil.h"
#include "fearless/FlagHandOff.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/RaceModel.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"

using namespace clang;

namespace fearless {

using namespace guarded;

namespace {

/// A synchronized-value wrapper (Models/SyncValues.def).
struct SyncValueModel {
  llvm::StringRef Class, Guards, Calls;
};

constexpr SyncValueModel SyncValueModels[] = {
#define FEARLESS_SYNC_VALUE(Class, Guards, Calls) {Class, Guards, Calls},
#include "fearless/Models/SyncValues.def"
};

const SyncValueModel *modelOf(QualType T) {
  const CXXRecordDecl *RD = classOf(T.getNonReferenceType());
  if (!RD && T->isPointerType())
    RD = classOf(T->getPointeeType());
  if (!RD || !RD->getIdentifier())
    return nullptr;
  for (const SyncValueModel &M : SyncValueModels)
    if (hasQualifiedName(RD, M.Class))
      return &M;
  return nullptr;
}

/// A call of a member of a modelled wrapper: the object and the member.
struct WrapperCall {
  const SyncValueModel *Model = nullptr;
  const Expr *Object = nullptr;
  llvm::StringRef Member;
  const Expr *Call = nullptr;
};

WrapperCall wrapperCallOf(const Expr *E) {
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getNumArgs() != 1 ||
        (OC->getOperator() != OO_Arrow && OC->getOperator() != OO_Star))
      return {};
    const Expr *Obj = OC->getArg(0)->IgnoreImpCasts();
    if (const SyncValueModel *M = modelOf(Obj->getType()))
      return {M, Obj,
              OC->getOperator() == OO_Arrow ? "operator->" : "operator*", E};
    return {};
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier())
    return {};
  const Expr *Obj = MC->getImplicitObjectArgument();
  if (!Obj)
    return {};
  Obj = Obj->IgnoreImpCasts();
  if (const SyncValueModel *M = modelOf(Obj->getType()))
    return {M, Obj, MD->getName(), E};
  return {};
}

/// \p E past the wrappers of a temporary (materialization, binding,
/// cleanups, no-op casts, elided copies).
const Expr *skipTemporary(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    else if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
             ICE && (ICE->getCastKind() == CK_NoOp ||
                     ICE->getCastKind() == CK_DerivedToBase ||
                     ICE->getCastKind() == CK_UncheckedDerivedToBase))
      E = ICE->getSubExpr();
    else if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
             CE && CE->getNumArgs() == 1 && CE->getConstructor() &&
             CE->getConstructor()->isCopyOrMoveConstructor())
      E = CE->getArg(0);
    else
      return E;
  }
}

/// What a borrow bottoms out at: the expression whose pointee (`*g`,
/// `g->x`) or which itself (`v`, with \p Deref false) holds the value.
using Bottom = llvm::function_ref<const Expr *(const Expr *, bool Deref)>;

const Expr *designated(const Expr *E, Bottom B, unsigned Depth);

/// The object a member call is made on, through `->` or `.`.
const Expr *objectOf(const CXXMemberCallExpr *MC, Bottom B, unsigned Depth) {
  const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
  if (!ME)
    return nullptr;
  if (!ME->isArrow())
    return designated(ME->getBase(), B, Depth + 1);
  const auto *OC = dyn_cast<CXXOperatorCallExpr>(ME->getBase()->IgnoreParens());
  if (OC && OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1)
    return B(OC->getArg(0), true);
  return nullptr;
}

/// The bottom of the glvalue \p E: `*g`, `g->x`, `(*g)[i]`, `g->at(i)`,
/// `v.x` (a lambda's parameter `v`), a guard's conversion to a reference.
const Expr *designated(const Expr *E, Bottom B, unsigned Depth) {
  if (!E || Depth > 8)
    return nullptr;
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return designated(EWC->getSubExpr(), B, Depth + 1);
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    CastKind K = ICE->getCastKind();
    if (K == CK_NoOp || K == CK_DerivedToBase ||
        K == CK_UncheckedDerivedToBase || K == CK_UserDefinedConversion)
      return designated(ICE->getSubExpr(), B, Depth + 1);
    return nullptr;
  }
  if (isa<DeclRefExpr>(E))
    return B(E, false);
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!isa<FieldDecl>(ME->getMemberDecl()) ||
        ME->getMemberDecl()->getType()->isReferenceType())
      return nullptr;
    if (!ME->isArrow())
      return designated(ME->getBase(), B, Depth + 1);
    const auto *OC =
        dyn_cast<CXXOperatorCallExpr>(ME->getBase()->IgnoreParens());
    if (OC && OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1)
      return B(OC->getArg(0), true);
    return nullptr;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1)
      return B(OC->getArg(0), true);
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
        isStdLibraryRecord(classOf(OC->getArg(0)->getType())))
      return designated(OC->getArg(0), B, Depth + 1);
    return nullptr;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    const auto *ICE =
        dyn_cast<ImplicitCastExpr>(ASE->getBase()->IgnoreParens());
    if (ICE && ICE->getCastKind() == CK_ArrayToPointerDecay)
      return designated(ICE->getSubExpr(), B, Depth + 1);
    return nullptr;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (!M || !M->getReturnType()->isLValueReferenceType())
      return nullptr;
    // A guard's conversion to a reference to the value (boost's
    // deref_value): the guard object itself holds it.
    if (isa<CXXConversionDecl>(M))
      return B(MC->getImplicitObjectArgument(), true);
    if (isStdLibraryRecord(M->getParent()) && M->getIdentifier() &&
        llvm::is_contained({llvm::StringRef("at"), llvm::StringRef("front"),
                            llvm::StringRef("back"), llvm::StringRef("top"),
                            llvm::StringRef("value")},
                           M->getName()))
      return objectOf(MC, B, Depth);
  }
  return nullptr;
}

/// The bottom of what the borrow \p E of kind \p K points into.
const Expr *borrowed(const Expr *E, BorrowThrough K, Bottom B,
                     unsigned Depth = 0) {
  if (!E || Depth > 8)
    return nullptr;
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return borrowed(EWC->getSubExpr(), K, B, Depth + 1);
  if (K == BorrowThrough::Reference)
    return designated(E, B, Depth);
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return borrowed(BTE->getSubExpr(), K, B, Depth + 1);
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return borrowed(MTE->getSubExpr(), K, B, Depth + 1);
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    switch (ICE->getCastKind()) {
    case CK_ArrayToPointerDecay:
      return designated(ICE->getSubExpr(), B, Depth + 1);
    case CK_NoOp:
    case CK_BitCast:
    case CK_DerivedToBase:
    case CK_ConstructorConversion:
    case CK_UserDefinedConversion:
      return borrowed(ICE->getSubExpr(), K, B, Depth + 1);
    default:
      return nullptr;
    }
  }
  if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E))
    return borrowed(FCE->getSubExpr(), K, B, Depth + 1);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf && K == BorrowThrough::Pointer)
    return designated(UO->getSubExpr(), B, Depth + 1);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (CE->getNumArgs() == 0 || !CE->getConstructor())
      return nullptr;
    if (CE->getConstructor()->isCopyOrMoveConstructor())
      return borrowed(CE->getArg(0), K, B, Depth + 1);
    if (borrowKindOf(CE->getType()) == BorrowThrough::View)
      return CE->getArg(0)->getType()->isPointerType()
                 ? borrowed(CE->getArg(0), BorrowThrough::Pointer, B, Depth + 1)
                 : designated(CE->getArg(0), B, Depth + 1);
    return nullptr;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && returnsInto(MC->getMethodDecl()))
    return objectOf(MC, B, Depth);
  return nullptr;
}

/// Whether the wrapper object \p Obj may be shared: not a local the
/// function owns.
bool mayBeShared(const Expr *Obj) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return !VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType() ||
         VD->getType()->isPointerType();
}

/// The wrapper a name of: a variable or a member.
const NamedDecl *objectName(const Expr *Obj) {
  Obj = Obj->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(Obj))
    return ME->getMemberDecl();
  return nullptr;
}

/// Where a guard local lets go of its lock: `g.unlock()`,
/// `g.scopedUnlock()` (until the unlocker dies), a move into a by-value
/// parameter, or, moved into another local (`auto g2 = std::move(g)`),
/// that local's own releases and destruction.
struct GuardRelease {
  const CFGBlock *Block = nullptr;
  unsigned Index = 0;
  const Stmt *Call = nullptr;
  SourceLocation At;
  const VarDecl *By = nullptr;
  bool Destroyed = false;
  /// `auto u = g.scopedUnlock();`: the lock is released only while `u`
  /// lives, up to the end of \p Until, the block declaring it.
  const CompoundStmt *Until = nullptr;
  /// `f(std::move(g))`: the guard was given to a by-value parameter.
  bool GivenAway = false;
};

/// Whether \p E names the local \p V.
bool refersTo(const Expr *E, const VarDecl *V) {
  const auto *DRE = dyn_cast<DeclRefExpr>(skipTemporary(E));
  return DRE && DRE->getDecl() == V;
}

/// The argument `std::move(g)` of \p Call when it is bound to a
/// by-value parameter (a guard handed to the callee); null otherwise.
const Expr *guardPassedByValue(const CallExpr *Call, const VarDecl *G) {
  llvm::ArrayRef<const Expr *> Args = argsOf(Call);
  for (unsigned I = 0; I < Args.size(); ++I) {
    const auto *Ctor = dyn_cast<CXXConstructExpr>(
        Args[I]->IgnoreImplicitAsWritten()->IgnoreParens());
    if (!Ctor || Ctor->getNumArgs() != 1 || !Ctor->getConstructor() ||
        !Ctor->getConstructor()->isMoveConstructor())
      continue;
    const auto *Move =
        dyn_cast<CallExpr>(Ctor->getArg(0)->IgnoreImplicitAsWritten());
    const FunctionDecl *Callee = Move ? Move->getDirectCallee() : nullptr;
    const ParmVarDecl *P = paramForArg(Call, I);
    if (Callee && isStdDecl(Callee, "move") && Move->getNumArgs() == 1 &&
        refersTo(Move->getArg(0), G) && P &&
        !P->getType()->isReferenceType())
      return Move;
  }
  return nullptr;
}

class Finder {
public:
  explicit Finder(FunctionAnalysis &FA)
      : FA(FA), SM(FA.astContext().getSourceManager()) {}

  void walk(const Stmt *S) {
    if (!S)
      return;
    if (isa<LambdaExpr>(S))
      return; // a function of its own
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          declared(V, DS);
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      returned(R);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      callback(MC);
    for (const Stmt *Child : S->children())
      walk(Child);
  }

  std::vector<SyncValueEscape> Out;

private:
  /// The guard call a borrow of kind \p K in \p E is taken through, when
  /// the guard is a temporary of \p E.
  WrapperCall throughTemporaryGuard(const Expr *E, BorrowThrough K) {
    WrapperCall Found;
    borrowed(E, K, [&](const Expr *Holder, bool Deref) -> const Expr * {
      if (!Deref)
        return nullptr;
      WrapperCall W = wrapperCallOf(skipTemporary(Holder));
      if (!W.Model || !inference::listed(W.Model->Guards, W.Member) ||
          !mayBeShared(W.Object))
        return nullptr;
      Found = W;
      return Holder;
    });
    return Found;
  }

  SyncValueEscape escape(SyncValueEscape::Kind What, BorrowThrough K,
                         const WrapperCall &W) {
    SyncValueEscape E;
    E.What = What;
    E.Through = K;
    E.Object = objectName(W.Object);
    E.Locker = W.Member.str();
    E.LockedAt = W.Call->getExprLoc();
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(W.Call))
      E.LockedAt = MC->getCallee()->getExprLoc();
    return E;
  }

  void declared(const VarDecl *V, const DeclStmt *DS) {
    auto K = borrowKindOf(V->getType());
    if (!K || !V->hasLocalStorage() || !V->getInit())
      return;
    WrapperCall W = throughTemporaryGuard(V->getInit(), *K);
    if (!W.Model) {
      keptGuard(V, *K);
      return;
    }
    // A pointer, iterator or view given a new value may borrow something
    // else by its use.
    if (*K != BorrowThrough::Reference && assigned(V))
      return;
    const DeclRefExpr *Use = firstUse(V, DS->getEndLoc());
    if (!Use)
      return;
    SyncValueEscape E = escape(SyncValueEscape::UsedAfterGuard, *K, W);
    E.TakenAt = V->getInit()->getExprLoc();
    E.TakenRange = V->getInit()->getSourceRange();
    E.ReleasedAt = DS->getEndLoc();
    E.At = Use->getExprLoc();
    E.Range = Use->getSourceRange();
    Out.push_back(std::move(E));
  }

  void returned(const ReturnStmt *R) {
    auto K = borrowKindOf(FA.function()->getReturnType());
    if (!K || !R->getRetValue())
      return;
    WrapperCall W = throughTemporaryGuard(R->getRetValue(), *K);
    if (!W.Model)
      return;
    SyncValueEscape E = escape(SyncValueEscape::Returned, *K, W);
    E.TakenAt = R->getRetValue()->getExprLoc();
    E.TakenRange = R->getRetValue()->getSourceRange();
    E.ReleasedAt = R->getEndLoc();
    E.At = R->getRetValue()->getExprLoc();
    E.Range = R->getRetValue()->getSourceRange();
    Out.push_back(std::move(E));
  }

  /// `sv.withWLock([](auto &v) { return v.data(); })` whose result is used.
  void callback(const CXXMemberCallExpr *MC) {
    auto K = borrowKindOf(MC->getType());
    if (!K || MC->getNumArgs() == 0 || discarded(MC))
      return;
    WrapperCall W = wrapperCallOf(MC);
    if (!W.Model || !inference::listed(W.Model->Calls, W.Member) ||
        !mayBeShared(W.Object))
      return;
    const auto *LE = dyn_cast<LambdaExpr>(skipTemporary(MC->getArg(0)));
    if (!LE)
      return;
    const CXXMethodDecl *Op = LE->getCallOperator();
    if (const FunctionTemplateDecl *FT = LE->getDependentCallOperator())
      for (const FunctionDecl *Spec : FT->specializations())
        if (Spec->getBody()) {
          Op = cast<CXXMethodDecl>(Spec);
          break;
        }
    if (!Op || !Op->getBody() || Op->getNumParams() == 0 ||
        !Op->getParamDecl(0)->getType()->isReferenceType())
      return;
    const ParmVarDecl *Value = Op->getParamDecl(0);
    const ReturnStmt *Found = nullptr;
    inference::forEachStmt(Op->getBody(), [&](const Stmt *S) {
      const auto *R = dyn_cast<ReturnStmt>(S);
      if (Found || !R || !R->getRetValue())
        return;
      auto RK = borrowKindOf(R->getRetValue()->getType());
      if (!RK)
        RK = K;
      const Expr *Bottom = borrowed(
          R->getRetValue(), *RK, [&](const Expr *H, bool Deref) -> const Expr * {
            const auto *DRE = dyn_cast<DeclRefExpr>(H->IgnoreParenImpCasts());
            return !Deref && DRE && DRE->getDecl() == Value ? H : nullptr;
          });
      if (Bottom)
        Found = R;
    });
    if (!Found)
      return;
    SyncValueEscape E = escape(SyncValueEscape::FromCallback, *K, W);
    E.TakenAt = Found->getRetValue()->getExprLoc();
    E.TakenRange = Found->getRetValue()->getSourceRange();
    E.ReleasedAt = MC->getEndLoc();
    E.At = MC->getCallee()->getExprLoc();
    E.Range = MC->getSourceRange();
    Out.push_back(std::move(E));
  }

  /// The guard local a borrow of kind \p K in \p E is taken through
  /// (`*g`, `g->items`), when the local holds a guard call's result; \p Call
  /// is set to that call.
  const VarDecl *throughKeptGuard(const Expr *E, BorrowThrough K,
                                  WrapperCall &Call) {
    const VarDecl *Found = nullptr;
    borrowed(E, K, [&](const Expr *Holder, bool Deref) -> const Expr * {
      const auto *DRE = dyn_cast<DeclRefExpr>(skipTemporary(Holder));
      const auto *G = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if (!Deref || !G || !G->hasLocalStorage() || isa<ParmVarDecl>(G) ||
          G->getType()->isReferenceType() || !G->getInit())
        return nullptr;
      WrapperCall W = wrapperCallOf(skipTemporary(G->getInit()));
      if (!W.Model || !inference::listed(W.Model->Guards, W.Member) ||
          !mayBeShared(W.Object))
        return nullptr;
      Found = G;
      Call = W;
      return Holder;
    });
    return Found;
  }


  /// The block that declares \p V, a local initialized by \p Init, when
  /// it is a statement of that block.
  const CompoundStmt *scopeOf(const Expr *Init) {
    const Stmt *S = Init;
    const ParentMap &PM = FA.parents();
    while (S && !isa<DeclStmt>(S))
      S = PM.getParent(S);
    return S ? dyn_cast_or_null<CompoundStmt>(PM.getParent(S)) : nullptr;
  }



  void releasesOf(const VarDecl *G, const CFG &Cfg, unsigned Depth,
                  llvm::SmallVectorImpl<GuardRelease> &Out) {
    inference::forEachStmt(FA.function()->getBody(), [&](const Stmt *S) {
      const auto *Call = dyn_cast<CallExpr>(S);
      if (!Call) {
        if (const auto *DS = dyn_cast<DeclStmt>(S))
          movedInto(G, DS, Cfg, Depth, Out);
        return;
      }
      GuardRelease R;
      R.Call = Call;
      R.By = G;
      const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
      const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
      if (M && M->getIdentifier() && MC->getImplicitObjectArgument() &&
          refersTo(MC->getImplicitObjectArgument(), G)) {
        R.At = MC->getCallee()->getExprLoc();
        if (M->getName() == "unlock") {
          Out.push_back(R);
        } else if (M->getName() == "scopedUnlock") {
          // Kept in a local, the unlocker releases until its scope ends; a
          // temporary one relocks at the end of its own statement.
          if ((R.Until = scopeOf(MC)))
            Out.push_back(R);
        }
        return;
      }
      // `consume(std::move(g))` into a by-value parameter: the callee owns
      // the guard and destroys it by the end of the call, if not before.
      if (const Expr *Arg = guardPassedByValue(Call, G);
          Arg && Call->getDirectCallee()) {
        R.At = Arg->getExprLoc();
        R.GivenAway = true;
        Out.push_back(R);
      }
    });
  }

  /// `auto g2 = std::move(g);` in \p DS: g2 holds the lock from there on,
  /// and its own releases and destruction release it.
  void movedInto(const VarDecl *G, const DeclStmt *DS, const CFG &Cfg,
                 unsigned Depth, llvm::SmallVectorImpl<GuardRelease> &Out) {
    if (Depth >= 2)
      return;
    for (const Decl *D : DS->decls()) {
      const auto *G2 = dyn_cast<VarDecl>(D);
      if (!G2 || !G2->hasLocalStorage() || G2->getType()->isReferenceType() ||
          !G2->getInit())
        continue;
      const auto *Move = dyn_cast<CallExpr>(skipTemporary(G2->getInit()));
      const auto *Callee = Move ? Move->getDirectCallee() : nullptr;
      if (!Callee || !isStdDecl(Callee, "move") || Move->getNumArgs() != 1 ||
          !refersTo(Move->getArg(0), G))
        continue;
      releasesOf(G2, Cfg, Depth + 1, Out);
      for (const CFGBlock *B : Cfg)
        for (unsigned I = 0; I < B->size(); ++I)
          if (auto Dtor = (*B)[I].getAs<CFGAutomaticObjDtor>();
              Dtor && Dtor->getVarDecl() == G2) {
            GuardRelease R;
            R.Block = B;
            R.Index = I;
            const Stmt *Trigger = Dtor->getTriggerStmt();
            R.At = Trigger ? Trigger->getEndLoc() : G2->getLocation();
            R.By = G2;
            R.Destroyed = true;
            Out.push_back(R);
          }
    }
  }

  /// A borrowing local \p V bound through a guard kept in a local, used on
  /// some path after the guard released the lock (and before it was given a
  /// new lock, or \p V bound again).
  void keptGuard(const VarDecl *V, BorrowThrough K) {
    WrapperCall W;
    const VarDecl *G = throughKeptGuard(V->getInit(), K, W);
    if (!G || (K != BorrowThrough::Reference && assigned(V)))
      return;
    const CFG *Cfg = FA.cfg();
    if (!Cfg)
      return;
    llvm::SmallVector<GuardRelease, 2> Releases;
    releasesOf(G, *Cfg, 0, Releases);
    if (Releases.empty())
      return;
    if (!Reach)
      Reach.emplace(*Cfg);
    // A path stops where the guard is given a new value (locked again) and
    // where the guard or the borrow is declared again (a new iteration).
    auto Barrier = [&](const Stmt *S) {
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        return llvm::any_of(DS->decls(),
                            [&](const Decl *D) { return D == V || D == G; });
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
        return OC->isAssignmentOp() && OC->getNumArgs() == 2 &&
               refersTo(OC->getArg(0), G);
      return false;
    };
    const GuardRelease *Best = nullptr;
    const DeclRefExpr *BestUse = nullptr;
    for (const GuardRelease &R : Releases) {
      auto After = R.Call ? Reach->after(R.Call, Barrier)
                          : Reach->afterElement(R.Block, R.Index, Barrier);
      for (const Stmt *S : After) {
        const auto *DRE = dyn_cast<DeclRefExpr>(S);
        if (!DRE || DRE->getDecl() != V)
          continue;
        // A scoped unlock: only the uses while the unlocker lives.
        if (R.Until && (!SM.isBeforeInTranslationUnit(R.At, DRE->getExprLoc()) ||
                        !SM.isBeforeInTranslationUnit(DRE->getExprLoc(),
                                                      R.Until->getRBracLoc())))
          continue;
        if (!BestUse || SM.isBeforeInTranslationUnit(DRE->getExprLoc(),
                                                     BestUse->getExprLoc())) {
          BestUse = DRE;
          Best = &R;
        }
      }
    }
    if (!BestUse)
      return;
    SyncValueEscape E = escape(SyncValueEscape::UsedAfterRelease, K, W);
    E.TakenAt = V->getInit()->getExprLoc();
    E.TakenRange = V->getInit()->getSourceRange();
    E.ReleasedAt = Best->At;
    E.Guard = G;
    if (Best->By != G) {
      E.MovedTo = Best->By;
      E.MovedAt = Best->By->getInit()->getExprLoc();
    }
    E.ReleasedByDestruction = Best->Destroyed;
    E.ScopedUnlock = Best->Until;
    if (Best->GivenAway)
      if (const auto *Call = dyn_cast<CallExpr>(Best->Call))
        E.GivenTo = Call->getDirectCallee();
    E.At = BestUse->getExprLoc();
    E.Range = BestUse->getSourceRange();
    Out.push_back(std::move(E));
  }

  /// Whether the value of \p E is thrown away (an expression statement).
  bool discarded(const Expr *E) {
    const Stmt *P = FA.parents().getParent(E);
    while (P && (isa<ExprWithCleanups>(P) || isa<ImplicitCastExpr>(P) ||
                 isa<ParenExpr>(P)))
      P = FA.parents().getParent(P);
    return !P || isa<CompoundStmt>(P) ||
           (isa<CStyleCastExpr>(P) && cast<CStyleCastExpr>(P)->getType()->isVoidType());
  }

  bool assigned(const VarDecl *V) {
    bool Written = false;
    auto IsV = [&](const Expr *E) {
      const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return DRE && DRE->getDecl() == V;
    };
    inference::forEachStmt(FA.function()->getBody(), [&](const Stmt *S) {
      if (const auto *BO = dyn_cast<BinaryOperator>(S))
        Written |= BO->isAssignmentOp() && IsV(BO->getLHS());
      else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
        Written |= OC->isAssignmentOp() && OC->getNumArgs() == 2 &&
                   IsV(OC->getArg(0));
    });
    return Written;
  }

  /// The first occurrence of \p V after \p After, in source order.
  const DeclRefExpr *firstUse(const VarDecl *V, SourceLocation After) {
    const DeclRefExpr *First = nullptr;
    inference::forEachStmt(FA.function()->getBody(), [&](const Stmt *S) {
      const auto *DRE = dyn_cast<DeclRefExpr>(S);
      if (!DRE || DRE->getDecl() != V ||
          !SM.isBeforeInTranslationUnit(After, DRE->getExprLoc()))
        return;
      if (!First ||
          SM.isBeforeInTranslationUnit(DRE->getExprLoc(), First->getExprLoc()))
        First = DRE;
    });
    return First;
  }

  FunctionAnalysis &FA;
  const SourceManager &SM;
  /// The CFG's reachability, built for the first guard kept in a local.
  std::optional<CfgReach> Reach;
};

} // namespace

bool isSyncValueCall(const Expr *E) {
  if (!isa<CXXMemberCallExpr>(E) && !isa<CXXOperatorCallExpr>(E))
    return false;
  WrapperCall W = wrapperCallOf(E);
  return W.Model && (inference::listed(W.Model->Guards, W.Member) ||
                     inference::listed(W.Model->Calls, W.Member));
}

std::vector<SyncValueEscape> findSyncValueEscapes(FunctionAnalysis &FA) {
  if (FA.scan().SyncValueCalls == 0 || FA.scan().HasErrors ||
      FA.function()->isDependentContext() || !FA.function()->getBody())
    return {};
  Finder F(FA);
  F.walk(FA.function()->getBody());
  const SourceManager &SM = FA.astContext().getSourceManager();
  llvm::stable_sort(F.Out, [&](const SyncValueEscape &A,
                               const SyncValueEscape &B) {
    return SM.isBeforeInTranslationUnit(A.At, B.At);
  });
  return std::move(F.Out);
}

} // namespace fearless
