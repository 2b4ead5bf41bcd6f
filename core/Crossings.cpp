//===- Crossings.cpp - What crosses into each thread ----------------------===//

#include "fearless/Crossings.h"
#include "fearless/ASTUtil.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace fearless {

namespace {

bool isSharedPtr(QualType T) {
  return isStdClass(T, "shared_ptr") || isStdClass(T, "weak_ptr");
}

bool isRefWrapper(QualType T) { return isStdClass(T, "reference_wrapper"); }

/// Strips casts to void* and similar, keeping the original pointer.
const Expr *stripPointerCasts(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *CE = dyn_cast<CastExpr>(E);
        CE && CE->getType()->isPointerType() &&
        CE->getSubExpr()->getType()->isPointerType()) {
      E = CE->getSubExpr();
      continue;
    }
    return E;
  }
}

class Builder {
public:
  Builder(const ThreadModel &Model, Crossings &Out) : Model(Model), Out(Out) {}

  void spawn(const SpawnSite &S) {
    Spawn = S.Id;
    if (S.Callable) {
      const Expr *C = stripMoves(S.Callable);
      if (const auto *L = dyn_cast<LambdaExpr>(C))
        lambda(L);
      else if (const auto *LV = lambdaVariable(C))
        lambda(LV);
      else
        value(S.Callable, SentValue::Callable);
    }
    for (const Expr *Arg : S.Args)
      value(Arg, S.Kind == SpawnKind::SpawnFunction &&
                         (S.Handle == HandleKind::PThread ||
                          S.Handle == HandleKind::CThread)
                     ? SentValue::HandedOver
                     : SentValue::Argument);
  }

private:
  /// A local variable holding a lambda, passed by name.
  const LambdaExpr *lambdaVariable(const Expr *E) {
    const VarDecl *V = referencedVar(E);
    if (!V || !V->hasLocalStorage() || !V->getInit())
      return nullptr;
    return dyn_cast<LambdaExpr>(stripWrappers(V->getInit()));
  }

  void lambda(const LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures()) {
      SourceLocation Loc = C.getLocation();
      if (C.capturesThis()) {
        const CXXRecordDecl *Class = enclosingClass(L);
        if (!Class)
          continue;
        QualType T = Class->getASTContext().getCanonicalTagType(Class);
        if (C.getCaptureKind() == LCK_StarThis)
          addSent(SentValue::CaptureThisCopy, T, nullptr, Loc);
        else
          addShared(SharedObject::This, T, nullptr, nullptr, Loc);
        continue;
      }
      if (!C.capturesVariable())
        continue;
      const ValueDecl *V = C.getCapturedVar();
      const auto *VD = dyn_cast<VarDecl>(V);
      if (VD && VD->isInitCapture()) {
        if (VD->getType()->isReferenceType()) {
          addShared(SharedObject::CaptureByRef,
                    VD->getType().getNonReferenceType(), rootOf(VD->getInit()),
                    nullptr, Loc);
          continue;
        }
        // The initializer's type keeps the user's spelling
        // (remove_reference_t<...> otherwise shows up through std::move).
        QualType T = VD->getType();
        if (const Expr *Init = VD->getInit()) {
          QualType InitT = stripMoves(Init)->getType().getNonReferenceType();
          if (!InitT.isNull() &&
              VD->getASTContext().hasSameUnqualifiedType(InitT, T))
            T = InitT;
        }
        sentOrShared(T, VD, SentValue::InitCapture, Loc, VD->getInit());
        continue;
      }
      if (C.getCaptureKind() == LCK_ByRef) {
        addShared(SharedObject::CaptureByRef,
                  V->getType().getNonReferenceType(), V, nullptr, Loc);
        continue;
      }
      sentOrShared(V->getType().getNonReferenceType(), V,
                   SentValue::CaptureByCopy, Loc, nullptr);
    }
  }

  static const CXXRecordDecl *enclosingClass(const LambdaExpr *L) {
    const DeclContext *DC = L->getLambdaClass()->getDeclContext();
    while (DC) {
      if (const auto *MD = dyn_cast<CXXMethodDecl>(DC)) {
        if (!MD->getParent()->isLambda())
          return MD->getParent();
        DC = MD->getParent()->getDeclContext();
        continue;
      }
      if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
        if (!RD->isLambda())
          return RD;
      }
      DC = DC->getParent();
    }
    return nullptr;
  }

  static const ValueDecl *rootOf(const Expr *E) {
    if (!E)
      return nullptr;
    E = stripMoves(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      return DRE->getDecl();
    return nullptr;
  }

  /// A value of type \p T crossing by copy: sharing if T points somewhere.
  void sentOrShared(QualType T, const ValueDecl *V, SentValue::Kind K,
                    SourceLocation Loc, const Expr *Init) {
    if (T->isPointerType() && !T->getPointeeType()->isFunctionType()) {
      const ValueDecl *Target = nullptr;
      if (const auto *PV = dyn_cast_or_null<VarDecl>(V))
        Target = pointeeVar(PV);
      if (!Target && Init)
        Target = addressOf(Init);
      addShared(SharedObject::Pointer, T->getPointeeType(), Target, V, Loc);
      return;
    }
    if (isSharedPtr(T)) {
      addShared(SharedObject::SharedPtrCopy, templateArgType(T, 0), nullptr, V,
                Loc);
      return;
    }
    if (isRefWrapper(T)) {
      addShared(SharedObject::RefWrapper, templateArgType(T, 0), nullptr, V,
                Loc);
      return;
    }
    addSent(K, T, V, Loc);
  }

  const ValueDecl *addressOf(const Expr *E) const {
    E = stripPointerCasts(stripMoves(E));
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      return rootOf(UO->getSubExpr());
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
        ICE && ICE->getCastKind() == CK_ArrayToPointerDecay)
      return rootOf(ICE->getSubExpr());
    return nullptr;
  }

  const ValueDecl *pointeeVar(const VarDecl *P) const {
    if (!P->hasLocalStorage() || !P->getInit())
      return nullptr;
    // Only a pointer never reassigned names what it was initialised with;
    // the thread model knows which borrows came through pointers.
    for (const SpawnSite &S : Model.spawns())
      for (const Borrow &B : S.Borrows)
        if (B.Via == P && B.Kind == BorrowKind::ThroughPointer)
          return B.Named;
    return nullptr;
  }

  /// An argument copied into the thread.
  void value(const Expr *Arg, SentValue::Kind K) {
    const Expr *E = stripMoves(Arg);
    SourceLocation Loc = Arg->getBeginLoc();
    // std::ref(x), std::cref(x).
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = Call->getDirectCallee();
          FD && (isStdDecl(FD, "ref") || isStdDecl(FD, "cref")) &&
          Call->getNumArgs() == 1) {
        addShared(SharedObject::RefWrapper,
                  Call->getArg(0)->getType().getNonReferenceType(),
                  rootOf(Call->getArg(0)), nullptr, Loc, Arg->getSourceRange());
        return;
      }
    if (K == SentValue::HandedOver) {
      const Expr *P = stripPointerCasts(E);
      if (const ValueDecl *Target = addressOf(P)) {
        addShared(SharedObject::Address, Target->getType(), Target, nullptr,
                  Loc, Arg->getSourceRange());
        return;
      }
      if (const auto *New = dyn_cast<CXXNewExpr>(P->IgnoreParenImpCasts())) {
        addSent(SentValue::HandedOver, New->getAllocatedType(), nullptr, Loc,
                Arg->getSourceRange());
        return;
      }
      QualType PT = P->getType();
      if (PT->isPointerType() && !PT->isVoidPointerType()) {
        const ValueDecl *Target = nullptr;
        if (const VarDecl *PV = referencedVar(P))
          Target = pointeeVar(PV);
        addShared(SharedObject::Pointer, PT->getPointeeType(), Target,
                  referencedVar(P), Loc, Arg->getSourceRange());
      }
      return;
    }
    if (const ValueDecl *Target = addressOf(E)) {
      addShared(SharedObject::Address, Target->getType(), Target, nullptr, Loc,
                Arg->getSourceRange());
      return;
    }
    QualType T = E->getType().getNonReferenceType();
    if (T->isArrayType() || T->isFunctionType())
      return;
    const ValueDecl *V = rootOf(E);
    if (T->isPointerType() || isSharedPtr(T) || isRefWrapper(T)) {
      sentOrShared(T, V, K, Loc, nullptr);
      return;
    }
    addSent(K, T, dyn_cast_or_null<VarDecl>(V), Loc, Arg->getSourceRange());
  }

  void addSent(SentValue::Kind K, QualType T, const ValueDecl *V,
               SourceLocation Loc, SourceRange Range = {}) {
    SentValue S{K, Spawn, T.getUnqualifiedType()};
    S.Var = V;
    S.Loc = Loc;
    S.Range = Range.isValid() ? Range : SourceRange(Loc);
    Out.Sent.push_back(S);
  }

  void addShared(SharedObject::Kind K, QualType T, const ValueDecl *V,
                 const ValueDecl *Via, SourceLocation Loc,
                 SourceRange Range = {}) {
    if (T.isNull())
      return;
    SharedObject S{K, Spawn, T.getUnqualifiedType()};
    S.Var = V ? bindingOwner(V) : nullptr;
    S.Via = Via;
    S.Loc = Loc;
    S.Range = Range.isValid() ? Range : SourceRange(Loc);
    Out.Shared.push_back(S);
  }

  const ThreadModel &Model;
  Crossings &Out;
  unsigned Spawn = 0;
};

} // namespace

Crossings computeCrossings(const ThreadModel &Model) {
  Crossings Out;
  Builder B(Model, Out);
  // What a returned thread was given crossed in its helper, checked there.
  for (const SpawnSite &S : Model.spawns())
    if (!S.ReturnedBy)
      B.spawn(S);
  return Out;
}

} // namespace fearless
