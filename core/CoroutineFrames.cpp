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
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace fearless {

namespace {

/// How a suspension point behaves, as far as the frame's lifetime goes.
enum class SuspensionKind : unsigned char {
  /// await_ready is true, or await_suspend returns false: no suspension.
  NoSuspend,
  /// Suspends, and only the owner of the frame or the awaiter resumes it,
  /// on the thread that does so (suspend_always, symmetric transfer).
  SameThread,
  /// Hands the coroutine to another thread, which resumes it.
  Elsewhere,
  /// Cannot tell (the awaiter's body is not visible or does other things).
  Unknown,
};

/// The value of a function whose body is a single `return <bool literal>;`.
std::optional<bool> constantReturn(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->isDefined(Def))
    return std::nullopt;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() != 1)
    return std::nullopt;
  const auto *RS = dyn_cast<ReturnStmt>(Body->body_front());
  if (!RS || !RS->getRetValue())
    return std::nullopt;
  const Expr *V = RS->getRetValue()->IgnoreImpCasts();
  if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(V))
    return B->getValue();
  if (const auto *I = dyn_cast<IntegerLiteral>(V))
    return I->getValue() != 0;
  return std::nullopt;
}

/// The first call of a member function named \p Name in \p S.
const CXXMethodDecl *findMethodCall(const Stmt *S, llvm::StringRef Name) {
  if (!S)
    return nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *M = MC->getMethodDecl();
        M && M->getIdentifier() && M->getName() == Name)
      return M;
  for (const Stmt *Child : S->children())
    if (const CXXMethodDecl *M = findMethodCall(Child, Name))
      return M;
  return nullptr;
}

/// Whether \p S contains an expression that starts a thread.
bool containsSpawn(const Stmt *S, const LibraryModel &Lib) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S); E && ThreadModel::isSpawnExpr(E, Lib))
    return true;
  for (const Stmt *Child : S->children())
    if (containsSpawn(Child, Lib))
      return true;
  return false;
}

// FIXME: a placeholder until the coroutine model of issue 16's other half
// (fearless/Coroutines.h) classifies suspension points; replace this
// function, and only this one, with its answer.
SuspensionKind classifySuspension(const CoroutineSuspendExpr *S,
                                  const LibraryModel &Lib) {
  if (const CXXMethodDecl *Ready = findMethodCall(S->getReadyExpr(),
                                                  "await_ready");
      Ready && constantReturn(Ready) == true)
    return SuspensionKind::NoSuspend;
  const CXXMethodDecl *Suspend =
      findMethodCall(S->getSuspendExpr(), "await_suspend");
  const FunctionDecl *Def = nullptr;
  if (!Suspend || !Suspend->isDefined(Def) || !Def->getBody())
    return SuspensionKind::Unknown;
  QualType R = Suspend->getReturnType();
  if (R->isBooleanType() && constantReturn(Suspend) == false)
    return SuspensionKind::NoSuspend;
  if (containsSpawn(Def->getBody(), Lib))
    return SuspensionKind::Elsewhere;
  if (const auto *Body = dyn_cast<CompoundStmt>(Def->getBody());
      Body && Body->body_empty() && R->isVoidType())
    return SuspensionKind::SameThread;
  if (isStdClass(R, "coroutine_handle"))
    return SuspensionKind::SameThread; // symmetric transfer
  return SuspensionKind::Unknown;
}

/// The suspension points written in a coroutine body, in source order,
/// outside nested lambdas.
class SuspensionFinder : public RecursiveASTVisitor<SuspensionFinder> {
public:
  llvm::SmallVector<const CoroutineSuspendExpr *, 4> Found;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    Found.push_back(E);
    return true;
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) {
    Found.push_back(E);
    return true;
  }
};

/// The suspension expression inside an initial/final suspend statement.
const CoroutineSuspendExpr *suspensionIn(const Stmt *S) {
  for (unsigned Steps = 0; S && Steps < 4; ++Steps) {
    if (const auto *CS = dyn_cast<CoroutineSuspendExpr>(S))
      return CS;
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(S)) {
      S = EWC->getSubExpr();
      continue;
    }
    if (const auto *E = dyn_cast<Expr>(S)) {
      S = E->IgnoreImplicit();
      if (S == E)
        return nullptr;
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// The variable at the root of an lvalue: x in x, x.f, x[i] (arrays only).
const ValueDecl *rootOf(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 16; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return nullptr;
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      if (!ASE->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        return nullptr;
      E = ASE->getBase();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

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

const CoroutineBodyStmt *coroutineBody(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->isDefined(Def) || Def->isInvalidDecl() ||
      Def->isDependentContext())
    return nullptr;
  return dyn_cast_or_null<CoroutineBodyStmt>(Def->getBody());
}

bool isCoroutineCall(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call || Call->isTypeDependent())
    return false;
  const FunctionDecl *FD = Call->getDirectCallee();
  // A coroutine returns a class (its promise type comes from it).
  if (!FD || !FD->getReturnType()->isRecordType())
    return false;
  return coroutineBody(FD) != nullptr;
}

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

FrameBehaviour frameBehaviour(const FunctionDecl *FD, const LibraryModel &Lib) {
  FrameBehaviour B;
  const CoroutineBodyStmt *Body = coroutineBody(FD);
  if (!Body)
    return B;
  const CoroutineSuspendExpr *Initial =
      suspensionIn(Body->getInitSuspendStmt());
  B.Lazy = !Initial ||
           classifySuspension(Initial, Lib) != SuspensionKind::NoSuspend;
  bool Owned = ownsCoroutineFrame(FD->getReturnType());
  if (B.Lazy) {
    B.K = Owned ? FrameBehaviour::Owned : FrameBehaviour::Completes;
    return B;
  }
  SuspensionFinder Finder;
  Finder.TraverseStmt(const_cast<Stmt *>(static_cast<const Stmt *>(Body->getBody())));
  for (const CoroutineSuspendExpr *S : Finder.Found)
    if (classifySuspension(S, Lib) == SuspensionKind::Elsewhere) {
      B.Suspension = S;
      break;
    }
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

void SpawnRecognizer::addCoroutineCall(const Expr *E) {
  const FunctionDecl *Callee = calleeOf(E);
  if (!Callee || !coroutineBody(Callee))
    return;
  FrameBehaviour Behaviour = frameBehaviour(Callee, Lib);
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
      if (const ValueDecl *Root = rootOf(Arg)) {
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
  if (const ValueDecl *Root = rootOf(Object)) {
    size_t Before = S.Borrows.size();
    addBorrow(S, Root, BorrowKind::Closure, Object->getBeginLoc(),
              Object->getSourceRange(), nullptr);
    if (S.Borrows.size() > Before)
      S.Borrows.back().Kind = BorrowKind::Closure;
  }
}

} // namespace threadmodel

} // namespace fearless
