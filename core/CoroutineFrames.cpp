//===- CoroutineFrames.cpp - How long a coroutine's frame lives -----------===//
//
// The frame lifetime model (CoroutineFrames.h): which calls of coroutines
// leave a frame running after the call, and what such a frame borrows from
// the caller. The frame-model sites are built here, by the ThreadModel's
// SpawnRecognizer and BorrowCollector, and run through the thread-lifetime
// dataflow like threads.
//
//===----------------------------------------------------------------------===//

#include "fearless/CoroutineFrames.h"
#include "ThreadModelInternal.h"
#include "fearless/ASTUtil.h"

using namespace clang;

namespace fearless {

namespace {


/// The temporary \p E materializes for a reference, if it is one.
const MaterializeTemporaryExpr *temporaryOf(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      return MTE;
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
      E = ICE->getSubExpr();
      continue;
    }
    if (const auto *PE = dyn_cast<ParenExpr>(E)) {
      E = PE->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

} // namespace

bool ownsCoroutineFrame(QualType T) {
  const CXXRecordDecl *RD = classOf(T.getNonReferenceType());
  for (unsigned Depth = 0; RD && RD->hasDefinition() && Depth < 4; ++Depth) {
    RD = RD->getDefinition();
    for (const FieldDecl *F : RD->fields())
      if (isStdClass(F->getType(), "coroutine_handle"))
        return true;
    if (RD->getNumBases() != 1)
      return false;
    RD = classOf(RD->bases_begin()->getType());
  }
  return false;
}

FrameBehaviour frameBehaviour(const FunctionDecl *FD,
                              const CoroutineModel &CM) {
  FrameBehaviour B;
  const CoroutineInfo *Info = CM.coroutineOf(FD);
  if (!Info)
    return B;
  B.Lazy = !Info->Eager;
  bool Owned = ownsCoroutineFrame(FD->getReturnType());
  if (B.Lazy) {
    // Runs only when its owner awaits or starts it; a lazy coroutine that
    // nothing owns is resumed by code the analysis does not see.
    B.K = Owned ? FrameBehaviour::Owned : FrameBehaviour::Completes;
    return B;
  }
  B.Suspension = Info->firstElsewhere();
  if (!B.Suspension)
    return B; // runs to completion (or stays suspended) within the call
  B.K = Owned ? FrameBehaviour::Owned : FrameBehaviour::ResumesElsewhere;
  return B;
}

bool isAwaitedInPlace(const Expr *Call, const ParentMap &PM) {
  const Stmt *Cur = Call;
  for (unsigned Steps = 0; Steps < 64; ++Steps) {
    const Stmt *P = PM.getParent(Cur);
    if (!P || !isa<Expr>(P) || isa<LambdaExpr>(P))
      return false;
    if (isa<CoawaitExpr>(P))
      return true;
    Cur = P;
  }
  return false;
}

const Stmt *fullExpressionEnd(const Expr *E, const ParentMap &PM) {
  const Stmt *Cur = E;
  const Stmt *P = nullptr;
  for (unsigned Steps = 0; Steps < 256; ++Steps) {
    P = PM.getParent(Cur);
    if (!P || !isa<Expr>(P) || isa<LambdaExpr>(P))
      break;
    Cur = P;
  }
  if (P && (isa<DeclStmt>(P) || isa<ReturnStmt>(P)))
    return P;
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Cur))
    return EWC->getSubExpr();
  return Cur;
}

namespace threadmodel {

void SpawnRecognizer::addCoroutineCall(const Expr *E,
                                       const CoroutineModel &CM) {
  const FunctionDecl *Callee = calleeOf(E);
  if (!Callee || !CoroutineModel::isCoroutine(Callee))
    return;
  FrameBehaviour Behaviour = frameBehaviour(Callee, CM);
  if (Behaviour.K == FrameBehaviour::Completes || isAwaitedInPlace(E, PM))
    return;
  SpawnSite S;
  S.Id = Spawns.size();
  S.Kind = SpawnKind::CoroutineCall;
  S.Handle = HandleKind::None;
  S.Spawn = E;
  S.Callee = Callee;
  S.Body.Function = Callee;
  S.InLoop = isInLoop(E);
  S.Suspension = Behaviour.Suspension;
  if (Behaviour.K == FrameBehaviour::ResumesElsewhere) {
    S.Sink.Kind = SinkKind::None;
    S.Sink.Loc = E->getBeginLoc();
  } else {
    S.Sink = Handles.findSink(E);
  }
  Borrows.collectFrameBorrows(S, E, Callee, PM);
  if (S.Borrows.empty())
    return;
  SpawnIndex[E].push_back(S.Id);
  Spawns.push_back(std::move(S));
}

void BorrowCollector::collectFrameBorrows(SpawnSite &S, const Expr *Call,
                                          const FunctionDecl *Callee,
                                          const ParentMap &PM) const {
  llvm::ArrayRef<const Expr *> Args = argsOf(Call);
  const Stmt *End = fullExpressionEnd(Call, PM);
  auto AddTemp = [&](const Expr *Temp, BorrowKind Kind, const ParmVarDecl *P,
                     SourceLocation Loc, SourceRange Range) {
    Borrow B;
    B.Kind = Kind;
    B.Named = P;
    B.Param = P;
    B.Temp = Temp;
    B.FullExpr = End;
    B.Loc = Loc;
    B.Range = Range;
    S.Borrows.push_back(B);
  };
  unsigned Offset = 0;
  const Expr *Object = nullptr;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Callee);
      M && !M->isStatic() && isa<CXXOperatorCallExpr>(Call) && !Args.empty()) {
    Offset = 1;
    Object = Args[0];
  }
  for (unsigned I = 0; I + Offset < Args.size() && I < Callee->getNumParams();
       ++I) {
    const ParmVarDecl *P = Callee->getParamDecl(I);
    const Expr *Arg = Args[I + Offset];
    QualType T = P->getType();
    if (T->isReferenceType()) {
      if (const MaterializeTemporaryExpr *MTE = temporaryOf(Arg)) {
        AddTemp(MTE, BorrowKind::ReferenceParameter, P, Arg->getBeginLoc(),
                Arg->getSourceRange());
        continue;
      }
      if (const ValueDecl *Root = lvalueRoot(Arg)) {
        size_t Before = S.Borrows.size();
        addBorrow(S, Root, BorrowKind::ReferenceParameter, Arg->getBeginLoc(),
                  Arg->getSourceRange(), nullptr);
        if (S.Borrows.size() > Before) {
          S.Borrows.back().Kind = BorrowKind::ReferenceParameter;
          S.Borrows.back().Param = P;
        }
      }
      continue;
    }
    if (T->isPointerType())
      collectBorrowsFromValue(Arg, S, nullptr, 0);
  }
  // A lambda coroutine reads its captures through the lambda object.
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  const CXXRecordDecl *Closure = Method ? Method->getParent() : nullptr;
  if (!Object || !Closure || !Closure->isLambda() ||
      Closure->capture_size() == 0)
    return;
  if (const MaterializeTemporaryExpr *MTE = temporaryOf(Object)) {
    const auto *L = dyn_cast<LambdaExpr>(MTE->getSubExpr()->IgnoreImplicit());
    SourceLocation Loc = L ? L->getBeginLoc() : Object->getBeginLoc();
    AddTemp(MTE, BorrowKind::Closure, nullptr, Loc,
            L ? L->getIntroducerRange() : Object->getSourceRange());
    S.Borrows.back().Lambda = L;
    return;
  }
  if (const ValueDecl *Root = lvalueRoot(Object)) {
    // Point at the lambda, where the captures are, when the local holds it.
    SourceLocation Loc = Object->getBeginLoc();
    SourceRange Range = Object->getSourceRange();
    const LambdaExpr *L = nullptr;
    if (const auto *VD = dyn_cast<VarDecl>(Root); VD && VD->getInit())
      if ((L = dyn_cast<LambdaExpr>(stripWrappers(VD->getInit())))) {
        Loc = L->getBeginLoc();
        Range = L->getIntroducerRange();
      }
    size_t Before = S.Borrows.size();
    addBorrow(S, Root, BorrowKind::Closure, Loc, Range, nullptr);
    if (S.Borrows.size() > Before) {
      S.Borrows.back().Kind = BorrowKind::Closure;
      S.Borrows.back().Lambda = L;
    }
  }
}

} // namespace threadmodel

} // namespace fearless
