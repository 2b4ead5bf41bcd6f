//===- ThreadModelBorrows.cpp - What a thread borrows from its spawner ----===//

#include "ThreadModelInternal.h"
#include "InferenceUtil.h"
#include "fearless/ASTUtil.h"
#include "fearless/RaceModel.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace fearless::threadmodel {

namespace {

const Expr *ignoreExplicitPointerCasts(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *CE = dyn_cast<ExplicitCastExpr>(E);
        CE &&
        (CE->getType()->isPointerType() || CE->getType()->isReferenceType())) {
      E = CE->getSubExpr();
      continue;
    }
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
        ICE && ICE->getCastKind() != CK_ArrayToPointerDecay) {
      E = ICE->getSubExpr();
      continue;
    }
    return E;
  }
}


/// Finds whether a variable is written after its initialization anywhere in
/// a function body (assignment, increment, address taken, non-const
/// reference bound).
class ReassignmentFinder : public RecursiveASTVisitor<ReassignmentFinder> {
public:
  explicit ReassignmentFinder(const VarDecl *V) : V(V) {}
  bool Found = false;

  bool refersToV(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == V;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && refersToV(BO->getLHS()))
      Found = true;
    return !Found;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
        refersToV(UO->getSubExpr()))
      Found = true;
    return !Found;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OCE) {
    if (OCE->isAssignmentOp() && OCE->getNumArgs() > 0 &&
        refersToV(OCE->getArg(0)))
      Found = true;
    return !Found;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    // std::move(v) changes nothing itself (what takes the value is seen
    // at its own call).
    if (FD && (isStdDecl(FD, "move") || isStdDecl(FD, "forward")))
      return true;
    for (unsigned I = 0, N = CE->getNumArgs(); I != N; ++I) {
      if (!refersToV(CE->getArg(I)))
        continue;
      const ParmVarDecl *P =
          FD && I < FD->getNumParams() ? FD->getParamDecl(I) : nullptr;
      if (!P || (P->getType()->isReferenceType() &&
                 !P->getType().getNonReferenceType().isConstQualified()))
        Found = true;
    }
    return !Found;
  }

private:
  const VarDecl *V;
};

/// Whether \p V, a local of \p FD, still owns what it owns when it dies:
/// moved from, released or swapped away, it may no longer free what a
/// pointer into it names.
bool keepsWhatItOwns(const FunctionDecl *FD, const ValueDecl *V) {
  bool Gives = false;
  inference::forEachStmt(FD->getBody(), [&](const Stmt *St) {
    // Its address taken, or bound to a parameter that may change it:
    // `adopt(c)` moving it into a registry, and std::move, std::swap and
    // std::exchange, whose parameters are non-const references too.
    if (const auto *UO = dyn_cast<UnaryOperator>(St);
        UO && UO->getOpcode() == UO_AddrOf && lvalueRoot(UO->getSubExpr()) == V)
      Gives = true;
    const FunctionDecl *Target = nullptr;
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(St)) {
      Target = CE->getConstructor();
      Args = argsOf(CE);
    } else if (const auto *C = dyn_cast<CallExpr>(St);
               C && !isa<CXXOperatorCallExpr>(C)) {
      Target = C->getDirectCallee();
      Args = argsOf(C);
    }
    for (unsigned I = 0; Target && I < Args.size() && I < Target->getNumParams();
         ++I) {
      QualType PT = Target->getParamDecl(I)->getType();
      if (PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified() &&
          lvalueRoot(Args[I]) == V)
        Gives = true;
    }
    // Its own release() or swap().
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St); MC && !Gives) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      Gives = M && M->getIdentifier() &&
              (M->getName() == "release" || M->getName() == "swap") &&
              lvalueRoot(MC->getImplicitObjectArgument()) == V;
    }
  });
  return !Gives;
}

} // namespace

const Expr *LocalInitializers::singleInitializer(const VarDecl *V) const {
  if (!V || !V->hasLocalStorage() || !V->getInit() || !FD->getBody())
    return nullptr;
  ReassignmentFinder Finder(V);
  Finder.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
  return Finder.Found ? nullptr : V->getInit();
}

const VarDecl *LocalInitializers::futureOf(const VarDecl *Task) const {
  if (!Task || !Task->hasLocalStorage() || !FD->getBody() ||
      !isStdClass(Task->getType(), "packaged_task"))
    return nullptr;
  const VarDecl *Found = nullptr;
  inference::forEachStmt(FD->getBody(), [&](const Stmt *S) {
    const auto *DS = dyn_cast<DeclStmt>(S);
    if (!DS || Found)
      return;
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit())
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(
                inference::skipImplicit(VD->getInit()));
            MC && inference::calls(MC, "get_future") &&
            referencedVar(MC->getImplicitObjectArgument()) == Task)
          Found = VD;
  });
  return Found;
}

const VarDecl *LocalInitializers::pointee(const VarDecl *Pointer) const {
  if (!Pointer || !Pointer->getType()->isPointerType())
    return nullptr;
  const Expr *Init = singleInitializer(Pointer);
  if (!Init)
    return nullptr;
  const Expr *E = ignoreExplicitPointerCasts(Init);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return dyn_cast_or_null<VarDecl>(lvalueRoot(UO->getSubExpr()));
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
      ICE && ICE->getCastKind() == CK_ArrayToPointerDecay)
    return dyn_cast_or_null<VarDecl>(lvalueRoot(ICE->getSubExpr()));
  return nullptr;
}

void BorrowCollector::collectBorrows(SpawnSite &S) const {
  if (S.Callable)
    collectBorrowsFromValue(S.Callable, S, nullptr, 0);
  for (const Expr *Arg : S.Args)
    collectBorrowsFromValue(Arg, S, nullptr, 0);
}

bool BorrowCollector::isOwnedHere(const ValueDecl *V) const {
  V = bindingOwner(V);
  const auto *VD = dyn_cast_or_null<VarDecl>(V);
  if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType())
    return false;
  return VD->getDeclContext() == FD;
}

void BorrowCollector::addBorrow(SpawnSite &S, const ValueDecl *Named,
                                BorrowKind Kind, SourceLocation Loc,
                                SourceRange Range, const VarDecl *Via) const {
  // A local reference names what it is bound to.
  for (unsigned Steps = 0; Steps < 4; ++Steps) {
    const auto *VD = dyn_cast_or_null<VarDecl>(Named);
    if (!VD || !VD->getType()->isReferenceType() || !VD->hasLocalStorage() ||
        VD->getDeclContext() != FD)
      break;
    const Expr *Init = VD->getInit();
    if (!Init)
      return;
    // A reference bound to a temporary extends its life to the reference's.
    if (isa<MaterializeTemporaryExpr>(Init->IgnoreParenImpCasts()) ||
        isa<ExprWithCleanups>(Init)) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(stripWrappers(Init)); !DRE) {
        // Borrowing the lifetime-extended temporary: dies with VD.
        Borrow B;
        B.Var = VD;
        B.Named = VD;
        B.Kind = Kind;
        B.Loc = Loc;
        B.Range = Range;
        B.Via = Via;
        S.Borrows.push_back(B);
        return;
      }
    }
    const ValueDecl *Root = lvalueRoot(Init);
    if (!Root)
      return;
    Named = Root;
  }
  if (!isOwnedHere(Named))
    return;
  const ValueDecl *Owner = bindingOwner(Named);
  for (const Borrow &Existing : S.Borrows)
    if (Existing.Var == Owner)
      return;
  Borrow B;
  B.Var = Owner;
  B.Named = Named;
  B.Kind = Via && Kind != BorrowKind::ThroughPointer ? BorrowKind::ThroughObject
                                                     : Kind;
  B.Loc = Loc;
  B.Range = Range;
  B.Via = Via;
  S.Borrows.push_back(B);
}

void BorrowCollector::collectBorrowsFromLambda(const LambdaExpr *L,
                                               SpawnSite &S, const VarDecl *Via,
                                               unsigned Depth) const {
  for (const LambdaCapture &C : L->captures()) {
    if (!C.capturesVariable())
      continue;
    const ValueDecl *V = C.getCapturedVar();
    const auto *VD = dyn_cast<VarDecl>(V);
    if (VD && VD->isInitCapture()) {
      const Expr *Init = VD->getInit();
      if (!Init)
        continue;
      if (VD->getType()->isReferenceType()) {
        if (const ValueDecl *Root = lvalueRoot(Init)) {
          size_t Before = S.Borrows.size();
          addBorrow(S, Root, BorrowKind::Capture, C.getLocation(),
                    SourceRange(C.getLocation()), Via);
          if (S.Borrows.size() > Before) {
            S.Borrows.back().Lambda = L;
            S.Borrows.back().Capture = &C;
          }
        }
      } else {
        collectBorrowsFromValue(Init, S, Via, Depth + 1);
      }
      continue;
    }
    if (C.getCaptureKind() == LCK_ByRef) {
      size_t Before = S.Borrows.size();
      addBorrow(S, V, BorrowKind::Capture, C.getLocation(),
                SourceRange(C.getLocation()), Via);
      if (S.Borrows.size() > Before) {
        S.Borrows.back().Lambda = L;
        S.Borrows.back().Capture = &C;
      }
      continue;
    }
    // Captured by copy: a pointer or an object may still carry a reference.
    if (VD &&
        (VD->getType()->isPointerType() || VD->getType()->isRecordType())) {
      if (const VarDecl *Target = Locals.pointee(VD)) {
        addBorrow(S, Target, BorrowKind::ThroughPointer, C.getLocation(),
                  SourceRange(C.getLocation()), VD);
      } else if (VD->getType()->isRecordType() && Depth < 3) {
        if (const Expr *Init = Locals.singleInitializer(VD))
          collectBorrowsFromValue(Init, S, Via ? Via : VD, Depth + 1);
      }
    }
  }
}

void BorrowCollector::collectBorrowsFromValue(const Expr *E, SpawnSite &S,
                                              const VarDecl *Via,
                                              unsigned Depth) const {
  if (!E || Depth > 4)
    return;
  // Casts to void* and friends keep the pointer.
  const Expr *Raw = ignoreExplicitPointerCasts(E);
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Raw);
      ICE && ICE->getCastKind() == CK_ArrayToPointerDecay) {
    if (const ValueDecl *Root = lvalueRoot(ICE->getSubExpr()))
      addBorrow(S, Root, BorrowKind::Address, Raw->getBeginLoc(),
                Raw->getSourceRange(), Via);
    return;
  }
  E = stripMoves(Raw);
  E = ignoreExplicitPointerCasts(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf) {
    if (const ValueDecl *Root = lvalueRoot(UO->getSubExpr()))
      addBorrow(S, Root, BorrowKind::Address, UO->getBeginLoc(),
                UO->getSourceRange(), Via);
    return;
  }
  if (const auto *L = dyn_cast<LambdaExpr>(E)) {
    collectBorrowsFromLambda(L, S, Via, Depth);
    return;
  }
  // `s.c_str()`, `v.data()`, `p.get()` of a unique_ptr, a string viewed:
  // a pointer into what a local owns and frees when it dies.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && pointsIntoOwnedStorage(MC->getMethodDecl())) {
    if (const ValueDecl *Root = lvalueRoot(MC->getImplicitObjectArgument());
        Root && keepsWhatItOwns(FD, Root))
      addBorrow(S, Root, BorrowKind::Storage, MC->getBeginLoc(),
                MC->getSourceRange(), Via);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && (isStdDecl(Callee, "ref") || isStdDecl(Callee, "cref")) &&
        Call->getNumArgs() == 1) {
      if (const ValueDecl *Root = lvalueRoot(Call->getArg(0)))
        addBorrow(S, Root, BorrowKind::RefWrapper, Call->getBeginLoc(),
                  Call->getSourceRange(), Via);
      return;
    }
    if (Callee &&
        (isStdDecl(Callee, "bind") || isStdDecl(Callee, "bind_front") ||
         isStdDecl(Callee, "bind_back"))) {
      for (const Expr *Arg : Call->arguments())
        collectBorrowsFromValue(Arg, S, Via, Depth + 1);
      return;
    }
    return;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->hasLocalStorage())
      return;
    // A spawn keeps a decayed copy of an array argument (std::thread(f,
    // buf) stores `char *`): the address of the local array.
    if (VD->getType()->isArrayType() && !Via) {
      addBorrow(S, VD, BorrowKind::Address, DRE->getBeginLoc(),
                DRE->getSourceRange(), Via);
      return;
    }
    if (VD->getType()->isPointerType()) {
      if (const VarDecl *Target = Locals.pointee(VD))
        addBorrow(S, Target, BorrowKind::ThroughPointer, DRE->getBeginLoc(),
                  DRE->getSourceRange(), VD);
      return;
    }
    if (VD->getType()->isReferenceType()) {
      if (const Expr *Init = VD->getInit())
        if (VD->getDeclContext() == FD && !isa<ParmVarDecl>(VD))
          collectBorrowsFromValue(Init, S, Via, Depth + 1);
      return;
    }
    if (VD->getType()->isRecordType() && Depth < 3) {
      const Expr *Init = closureInitializer(VD);
      if (!Init)
        Init = Locals.singleInitializer(VD);
      if (Init)
        collectBorrowsFromValue(Init, S, Via ? Via : VD, Depth + 1);
    }
    return;
  }
  auto ArgsBoundByReference = [&](const FunctionDecl *Ctor,
                                  llvm::ArrayRef<const Expr *> Args) {
    for (unsigned I = 0; I < Args.size(); ++I) {
      const Expr *Arg = Args[I];
      const ParmVarDecl *P =
          Ctor && I < Ctor->getNumParams() ? Ctor->getParamDecl(I) : nullptr;
      if (P && P->getType()->isLValueReferenceType() &&
          !isCallableType(Arg->getType())) {
        // The object may keep the reference: only std::function-like
        // wrappers and functors are followed here, and a reference
        // parameter of a functor's constructor usually initializes a
        // reference member.
        const CXXRecordDecl *RD = dyn_cast<CXXMethodDecl>(Ctor)
                                      ? cast<CXXMethodDecl>(Ctor)->getParent()
                                      : nullptr;
        bool HasRefField = false;
        if (RD)
          for (const FieldDecl *F : RD->fields())
            if (F->getType()->isReferenceType() ||
                F->getType()->isPointerType())
              HasRefField = true;
        if (HasRefField)
          if (const ValueDecl *Root = lvalueRoot(Arg))
            addBorrow(S, Root, BorrowKind::ThroughObject, Arg->getBeginLoc(),
                      Arg->getSourceRange(), Via);
        continue;
      }
      collectBorrowsFromValue(Arg, S, Via, Depth + 1);
    }
  };
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    // `std::string(buf)`: the characters are copied; only an allocator
    // argument may still refer to something.
    if (Lib.copiesOnConstruction(CE->getType())) {
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      llvm::ArrayRef<const Expr *> Args = argsOf(CE);
      for (unsigned I = 0; I < Args.size(); ++I) {
        const CXXRecordDecl *PT =
            Ctor && I < Ctor->getNumParams()
                ? classOf(Ctor->getParamDecl(I)->getType().getNonReferenceType())
                : nullptr;
        if (PT && PT->getIdentifier() &&
            PT->getName().contains_insensitive("allocator"))
          collectBorrowsFromValue(Args[I], S, Via, Depth + 1);
      }
      return;
    }
    ArgsBoundByReference(CE->getConstructor(), argsOf(CE));
    return;
  }
  // `std::vector<const char *>{buf}`: the elements of the initializer
  // list are copied into the container, pointers among them.
  if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E)) {
    collectBorrowsFromValue(SIL->getSubExpr()->IgnoreImplicit(), S, Via,
                            Depth + 1);
    return;
  }
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    if (ILE->getType()->isArrayType()) {
      for (const Expr *Init : ILE->inits())
        collectBorrowsFromValue(Init, S, Via, Depth + 1);
      return;
    }
    const CXXRecordDecl *RD = classOf(ILE->getType());
    unsigned I = 0;
    if (RD && !RD->isUnion())
      for (const FieldDecl *F : RD->fields()) {
        if (I >= ILE->getNumInits())
          break;
        const Expr *Init = ILE->getInit(I++);
        if (F->getType()->isReferenceType()) {
          if (const ValueDecl *Root = lvalueRoot(Init))
            addBorrow(S, Root, BorrowKind::ThroughObject, Init->getBeginLoc(),
                      Init->getSourceRange(), Via);
        } else {
          collectBorrowsFromValue(Init, S, Via, Depth + 1);
        }
      }
    return;
  }
}

} // namespace fearless::threadmodel
