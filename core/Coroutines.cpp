//===- Coroutines.cpp - C++20 coroutines: suspensions, resumptions --------===//
//
// Builds the CoroutineModel of Coroutines.h: the suspension points of a
// coroutine body and, for each, where the coroutine continues. The awaiter's
// await_suspend is read through the thread model of that member function
// (its spawns) and one walk over its body (where the handle goes).
//
//===----------------------------------------------------------------------===//

#include "fearless/Coroutines.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/FunctionAnalysis.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace fearless {

namespace {

/// A library awaiter (Models/Coroutines.def).
struct AwaitableModel {
  llvm::StringRef Class;
  Resumption How;
};

constexpr AwaitableModel Awaitables[] = {
#define FEARLESS_AWAITABLE(Class, How) {Class, Resumption::How},
#include "fearless/Models/Coroutines.def"
};

const AwaitableModel *awaitableOf(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return nullptr;
  for (const AwaitableModel &M : Awaitables)
    if (hasQualifiedName(RD, M.Class))
      return &M;
  return nullptr;
}

constexpr llvm::StringRef LibraryCoroutineTypes[] = {
#define FEARLESS_COROUTINE_TYPE(Class) Class,
#include "fearless/Models/Coroutines.def"
};

struct CoroutineStartModel {
  llvm::StringRef Function;
  unsigned ExecutorArg, CoroutineArg;
};
constexpr CoroutineStartModel CoroutineStarts[] = {
#define FEARLESS_COROUTINE_START(Function, ExecutorArg, CoroutineArg)          \
  {Function, ExecutorArg, CoroutineArg},
#include "fearless/Models/Coroutines.def"
};

constexpr llvm::StringRef MultiThreadExecutors[] = {
#define FEARLESS_MULTI_THREAD_EXECUTOR(Class) Class,
#include "fearless/Models/Coroutines.def"
};

template <size_t N>
bool listedClass(const CXXRecordDecl *RD, const llvm::StringRef (&Names)[N]) {
  if (!RD || !RD->getIdentifier())
    return false;
  for (llvm::StringRef Name : Names)
    if (hasQualifiedName(RD, Name))
      return true;
  return false;
}

/// The CoroutineSuspendExpr \p S is (through the cleanups around it).
const CoroutineSuspendExpr *asSuspend(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return nullptr;
  return dyn_cast<CoroutineSuspendExpr>(stripWrappers(E));
}

/// The first call of a member function named \p Name in \p S.
const CXXMethodDecl *findMemberCall(const Stmt *S, llvm::StringRef Name) {
  if (!S)
    return nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *M = MC->getMethodDecl();
        M && M->getIdentifier() && M->getName() == Name)
      return M;
  for (const Stmt *C : S->children())
    if (const CXXMethodDecl *M = findMemberCall(C, Name))
      return M;
  return nullptr;
}

/// The co_await and co_yield expressions of a body, in source order, not
/// those of nested lambdas or local classes.
void collectSuspends(const Stmt *S,
                     llvm::SmallVectorImpl<const CoroutineSuspendExpr *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *CS = dyn_cast<CoroutineSuspendExpr>(S)) {
    // The operand first: co_await co_await x suspends inside out.
    collectSuspends(CS->getOperand(), Out);
    Out.push_back(CS);
    return;
  }
  for (const Stmt *C : S->children())
    collectSuspends(C, Out);
}

/// If the body of \p M is `return <constant>;`, the constant's truth.
std::optional<bool> constantReturn(const CXXMethodDecl *M) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(M ? M->getBody() : nullptr);
  if (!Body || Body->size() != 1)
    return std::nullopt;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Ret || !Ret->getRetValue())
    return std::nullopt;
  const Expr *V = Ret->getRetValue();
  if (V->isValueDependent() || V->containsErrors())
    return std::nullopt;
  bool Result = false;
  if (!V->EvaluateAsBooleanCondition(Result, M->getASTContext()))
    return std::nullopt;
  return Result;
}

using VarSet = llvm::SmallPtrSet<const ValueDecl *, 4>;

/// Whether \p S names one of \p Handles (a reference, or a lambda capture).
bool mentions(const Stmt *S, const VarSet &Handles) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return Handles.contains(DRE->getDecl());
  if (const auto *L = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && Handles.contains(C.getCapturedVar()))
        return true;
    return false;
  }
  for (const Stmt *C : S->children())
    if (mentions(C, Handles))
      return true;
  return false;
}

/// Where await_suspend puts the handle it is given, apart from spawns.
class HandleUses {
public:
  explicit HandleUses(VarSet &Handles) : Handles(Handles) {}

  /// Walks \p S; false once a use keeps the handle where the analysis does
  /// not follow (stored, passed on, captured by a lambda).
  bool walk(const Stmt *S, const Stmt *Parent) {
    if (!S)
      return true;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      // A local copy of the handle is the handle.
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit()) {
          if (!V->getType()->isReferenceType() &&
              isHandleCopy(V->getInit())) {
            Handles.insert(V);
            continue;
          }
          if (!walk(V->getInit(), DS))
            return false;
        }
      return true;
    }
    if (const auto *L = dyn_cast<LambdaExpr>(S))
      return !mentions(L, Handles);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      return !Handles.contains(DRE->getDecl()) || harmlessUse(DRE);
    Parents.push_back(S);
    for (const Stmt *C : S->children())
      if (!walk(C, S)) {
        Parents.pop_back();
        return false;
      }
    Parents.pop_back();
    (void)Parent;
    return true;
  }

private:
  bool isHandleCopy(const Expr *Init) const {
    const Expr *E = stripWrappers(Init);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1)
      E = stripWrappers(CE->getArg(0));
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    return DRE && Handles.contains(DRE->getDecl());
  }

  /// A use that resumes, inspects or returns the handle on this thread.
  bool harmlessUse(const DeclRefExpr *DRE) const {
    const Stmt *Cur = DRE;
    for (auto It = Parents.rbegin(); It != Parents.rend(); Cur = *It++) {
      const Stmt *P = *It;
      if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
              CXXBindTemporaryExpr, ExprWithCleanups>(P))
        continue;
      if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
        // A copy, or coroutine_handle<P> to coroutine_handle<>.
        if (CE->getNumArgs() == 1)
          continue;
        return false;
      }
      if (isa<ReturnStmt>(P))
        return true; // symmetric transfer on this thread
      if (const auto *ME = dyn_cast<MemberExpr>(P)) {
        const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
        if (!M)
          return false;
        if (isa<CXXConversionDecl>(M))
          return true; // if (h)
        if (!M->getIdentifier())
          return M->getOverloadedOperator() == OO_Call;
        llvm::StringRef N = M->getName();
        return N == "resume" || N == "promise" || N == "done" ||
               N == "destroy" || N == "address";
      }
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P))
        return OC->getOperator() == OO_Call && OC->getNumArgs() >= 1 &&
               stripWrappers(OC->getArg(0)) == stripWrappers(cast<Expr>(Cur));
      if (const auto *BO = dyn_cast<BinaryOperator>(P))
        return BO->isComparisonOp();
      return false;
    }
    return false;
  }

  VarSet &Handles;
  std::vector<const Stmt *> Parents;
};

/// Finds the locals alive across each suspension point: one walk with the
/// stack of the locals in scope.
class LiveLocals {
public:
  LiveLocals(const CoroutineInfo &Info, bool OnlyElsewhere,
             std::vector<HeldAcross> &Out)
      : OnlyElsewhere(OnlyElsewhere), Out(Out) {
    for (const SuspensionPoint &P : Info.Points)
      if (P.Expr)
        PointOf[P.Expr] = &P;
  }

  /// Walks the body of the coroutine, whose parameters are in scope.
  void run(const CoroutineInfo &Info) {
    SourceLocation End = Info.Body->getBody()->getEndLoc();
    for (const ParmVarDecl *P : Info.Function->parameters())
      Live.push_back({P, End});
    if (const SuspensionPoint *Init = &Info.initial(); counts(*Init))
      for (const auto &[V, E] : Live)
        record(V, Init, E);
    walk(Info.Body->getBody(), End);
  }

  /// Where each variable is released (moved from, unlocked), in any order.
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<SourceLocation, 2>>
      Releases;

private:
  bool counts(const SuspensionPoint &P) const {
    return P.How == Resumption::ResumesElsewhere ||
           (!OnlyElsewhere && P.How != Resumption::DoesNotSuspend);
  }

  void record(const VarDecl *V, const SuspensionPoint *P, SourceLocation E) {
    if (!Recorded.insert(V).second)
      return;
    HeldAcross H;
    H.Var = V;
    H.Point = P;
    H.ScopeEnd = E;
    Out.push_back(H);
  }

  void noteRelease(const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && M->getIdentifier() &&
          (M->getName() == "unlock" || M->getName() == "release"))
        if (const VarDecl *V = referencedVar(MC->getImplicitObjectArgument()))
          Releases[V].push_back(MC->getExprLoc());
      return;
    }
    if (const Expr *Moved = getMovedExpr(E))
      if (const VarDecl *V = referencedVar(Moved))
        Releases[V].push_back(E->getExprLoc());
  }

  void walk(const Stmt *S, SourceLocation ScopeEnd) {
    if (!S || isa<LambdaExpr>(S))
      return;
    noteRelease(S);
    if (const auto *CS = dyn_cast<CoroutineSuspendExpr>(S)) {
      walk(CS->getOperand(), ScopeEnd);
      if (const SuspensionPoint *P = PointOf.lookup(CS); P && counts(*P))
        for (const auto &[V, E] : Live)
          record(V, P, E);
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D)) {
          walk(V->getInit(), ScopeEnd);
          if (V->hasLocalStorage() && !V->isImplicit())
            Live.push_back({V, ScopeEnd});
        }
      return;
    }
    bool Scoping = isa<CompoundStmt, ForStmt, IfStmt, WhileStmt, SwitchStmt,
                       CXXForRangeStmt>(S);
    size_t Mark = Live.size();
    SourceLocation Inner = Scoping ? S->getEndLoc() : ScopeEnd;
    for (const Stmt *C : S->children())
      walk(C, Inner);
    if (Scoping)
      Live.resize(Mark);
  }

  bool OnlyElsewhere;
  std::vector<HeldAcross> &Out;
  llvm::DenseMap<const CoroutineSuspendExpr *, const SuspensionPoint *>
      PointOf;
  std::vector<std::pair<const VarDecl *, SourceLocation>> Live;
  llvm::SmallPtrSet<const VarDecl *, 8> Recorded;
};

} // namespace

llvm::StringRef suspendKindName(SuspendKind K) {
  switch (K) {
  case SuspendKind::Initial:
    return "initial suspend";
  case SuspendKind::Await:
    return "co_await";
  case SuspendKind::Yield:
    return "co_yield";
  case SuspendKind::Final:
    return "final suspend";
  }
  return "";
}

llvm::StringRef resumptionName(Resumption R) {
  switch (R) {
  case Resumption::DoesNotSuspend:
    return "does-not-suspend";
  case Resumption::ResumesHere:
    return "resumes-here";
  case Resumption::ResumesElsewhere:
    return "resumes-elsewhere";
  case Resumption::Unknown:
    return "unknown";
  }
  return "";
}

const SuspensionPoint *CoroutineInfo::firstElsewhere() const {
  for (const SuspensionPoint &P : Points)
    if (P.How == Resumption::ResumesElsewhere && P.Kind != SuspendKind::Final)
      return &P;
  return nullptr;
}

CoroutineModel::CoroutineModel(Session &S) : S(S) {}
CoroutineModel::~CoroutineModel() = default;

bool CoroutineModel::isCoroutine(const FunctionDecl *FD) {
  return FD && isa_and_nonnull<CoroutineBodyStmt>(FD->getBody());
}

const CoroutineInfo *CoroutineModel::coroutineOf(const FunctionDecl *FD) const {
  if (!isCoroutine(FD))
    return nullptr;
  const FunctionDecl *Def = nullptr;
  FD->getBody(Def);
  FD = Def ? Def : FD;
  if (auto It = Cache.find(FD); It != Cache.end())
    return It->second.get();
  if (!InProgress.try_emplace(FD, true).second)
    return nullptr; // a coroutine awaiting itself
  std::unique_ptr<CoroutineInfo> Info = build(FD);
  InProgress.erase(FD);
  return (Cache[FD] = std::move(Info)).get();
}

std::unique_ptr<CoroutineInfo>
CoroutineModel::build(const FunctionDecl *FD) const {
  const auto *Body = dyn_cast<CoroutineBodyStmt>(FD->getBody());
  if (!Body || FD->isDependentContext() || FD->isInvalidDecl() ||
      !Body->getBody() || S.functionAnalysis(FD).scan().HasErrors)
    return nullptr;
  const CoroutineSuspendExpr *Init = asSuspend(Body->getInitSuspendStmt());
  const CoroutineSuspendExpr *Final = asSuspend(Body->getFinalSuspendStmt());
  if (!Init || !Final)
    return nullptr;
  llvm::SmallVector<const CoroutineSuspendExpr *, 8> Exprs;
  collectSuspends(Body->getBody(), Exprs);
  auto Info = std::make_unique<CoroutineInfo>();
  Info->Function = FD;
  Info->Body = Body;
  auto Add = [&](const CoroutineSuspendExpr *E, SuspendKind K) {
    SuspensionPoint P;
    P.Kind = K;
    P.Expr = E;
    P.Awaiter = E->getCommonExpr();
    if (P.Awaiter)
      P.AwaiterType = P.Awaiter->getType().getNonReferenceType();
    P.Loc = K == SuspendKind::Initial || K == SuspendKind::Final
                ? Body->getBody()->getBeginLoc()
                : E->getKeywordLoc();
    Info->Points.push_back(P);
  };
  Add(Init, SuspendKind::Initial);
  for (const CoroutineSuspendExpr *E : Exprs) {
    if (E->containsErrors() || E->isTypeDependent() || !E->getCommonExpr())
      return nullptr;
    Add(E, isa<CoyieldExpr>(E) ? SuspendKind::Yield : SuspendKind::Await);
  }
  Add(Final, SuspendKind::Final);
  for (SuspensionPoint &P : Info->Points)
    classify(*Info, P);
  Info->Eager = Info->initial().How == Resumption::DoesNotSuspend;
  return Info;
}

void CoroutineModel::classify(const CoroutineInfo &Info,
                              SuspensionPoint &P) const {
  if (!P.Awaiter || P.AwaiterType.isNull() || P.AwaiterType->isDependentType())
    return;
  P.AwaitReady = findMemberCall(P.Expr->getReadyExpr(), "await_ready");
  P.AwaitSuspend = findMemberCall(P.Expr->getSuspendExpr(), "await_suspend");
  const CXXRecordDecl *RD = classOf(P.AwaiterType);
  if (const AwaitableModel *M = awaitableOf(RD)) {
    P.How = M->How;
    if (P.How == Resumption::ResumesElsewhere) {
      P.Why = ElsewhereReason::Library;
      P.ElsewhereDecl = RD;
      P.ElsewhereLoc = P.Loc;
    }
  } else if (typeHasAnnotation(P.AwaiterType, "fearless::resumes_elsewhere")) {
    P.How = Resumption::ResumesElsewhere;
    P.Why = ElsewhereReason::Annotated;
    P.ElsewhereDecl = RD;
    P.ElsewhereLoc = RD ? RD->getLocation() : P.Loc;
  } else if (constantReturn(P.AwaitReady).value_or(false)) {
    P.How = Resumption::DoesNotSuspend;
  } else {
    classifySuspend(P);
    if (P.Kind == SuspendKind::Await && P.How != Resumption::DoesNotSuspend &&
        P.How != Resumption::ResumesElsewhere)
      awaitedCoroutine(P);
  }
  // A library coroutine started on an executor with several threads: after
  // every real suspension, the library resumes it on one of them.
  if (P.Kind != SuspendKind::Final && P.Kind != SuspendKind::Initial &&
      P.How != Resumption::DoesNotSuspend &&
      P.How != Resumption::ResumesElsewhere) {
    auto [Start, Executor] = startedOnManyThreads(Info.Function);
    if (Start) {
      P.How = Resumption::ResumesElsewhere;
      P.Why = ElsewhereReason::Library;
      P.ElsewhereLoc = Start->getBeginLoc();
      P.ElsewhereDecl = Executor;
    }
  }
  // A coroutine type marked resumes_elsewhere: whatever awaits inside it, a
  // real suspension may continue on another thread.
  QualType Ret = Info.Function->getReturnType();
  if (P.Kind != SuspendKind::Final && P.How != Resumption::DoesNotSuspend &&
      P.How != Resumption::ResumesElsewhere &&
      typeHasAnnotation(Ret, "fearless::resumes_elsewhere")) {
    P.How = Resumption::ResumesElsewhere;
    P.Why = ElsewhereReason::Annotated;
    P.ElsewhereDecl = classOf(Ret);
    P.ElsewhereLoc = P.ElsewhereDecl ? P.ElsewhereDecl->getLocation() : P.Loc;
  }
}

std::pair<const Expr *, const NamedDecl *>
CoroutineModel::startedOnManyThreads(const FunctionDecl *FD) const {
  if (!listedClass(classOf(FD->getReturnType()), LibraryCoroutineTypes))
    return {};
  for (const Session::CallSite &CS : S.callSitesOf(FD)) {
    if (!CS.Caller || !CS.Caller->hasBody())
      continue;
    const ParentMap &PM = S.functionAnalysis(CS.Caller).parents();
    const Stmt *Cur = CS.Call;
    const Stmt *P = PM.getParent(Cur);
    while (P && isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                    CXXBindTemporaryExpr, ExprWithCleanups, ParenExpr,
                    CXXConstructExpr>(P)) {
      Cur = P;
      P = PM.getParent(P);
    }
    const auto *Start = dyn_cast_or_null<CallExpr>(P);
    const FunctionDecl *Callee = Start ? Start->getDirectCallee() : nullptr;
    if (!Callee)
      continue;
    for (const CoroutineStartModel &M : CoroutineStarts) {
      if (!hasQualifiedName(Callee, M.Function) ||
          std::max(M.ExecutorArg, M.CoroutineArg) >= Start->getNumArgs() ||
          Start->getArg(M.CoroutineArg) != Cur)
        continue;
      const Expr *Ex = Start->getArg(M.ExecutorArg);
      const CXXRecordDecl *RD = classOf(Ex->getType().getNonReferenceType());
      if (listedClass(RD, MultiThreadExecutors))
        return {Start, RD};
    }
  }
  return {};
}

void CoroutineModel::classifySuspend(SuspensionPoint &P) const {
  const CXXMethodDecl *M = P.AwaitSuspend;
  if (!M || M->isDependentContext() || M->isInvalidDecl() || !M->hasBody()) {
    P.How = Resumption::Unknown;
    return;
  }
  if (const FunctionDecl *Def = nullptr; M->getBody(Def), Def)
    M = cast<CXXMethodDecl>(Def);
  if (M->getReturnType()->isBooleanType())
    if (std::optional<bool> C = constantReturn(M); C && !*C) {
      P.How = Resumption::DoesNotSuspend;
      return;
    }
  if (M->getNumParams() == 0) {
    P.How = Resumption::ResumesHere;
    return;
  }
  FunctionAnalysis &FA = S.functionAnalysis(M);
  if (FA.scan().HasErrors) {
    P.How = Resumption::Unknown;
    return;
  }
  VarSet Handles;
  Handles.insert(M->getParamDecl(0));
  // Local copies first, so that a spawn given a copy is seen.
  HandleUses Uses(Handles);
  bool Here = Uses.walk(M->getBody(), nullptr);
  if (!FA.scan().Spawns.empty())
    for (const SpawnSite &Site : FA.threads().spawns())
      if (mentions(Site.Spawn, Handles)) {
        P.How = Resumption::ResumesElsewhere;
        P.Why = ElsewhereReason::Spawn;
        P.ElsewhereLoc = Site.Spawn->getBeginLoc();
        P.ElsewhereDecl = Site.Callee;
        return;
      }
  P.How = Here ? Resumption::ResumesHere : Resumption::Unknown;
}

bool CoroutineModel::awaitedCoroutine(SuspensionPoint &P) const {
  const Expr *Op = P.Expr->getOperand();
  if (!Op)
    return false;
  const FunctionDecl *Callee = calleeOf(stripWrappers(Op));
  const CoroutineInfo *Awaited = coroutineOf(Callee);
  if (!Awaited)
    return false;
  if (const SuspensionPoint *E = Awaited->firstElsewhere()) {
    P.How = Resumption::ResumesElsewhere;
    P.Why = ElsewhereReason::AwaitedCoroutine;
    P.ElsewhereDecl = Awaited->Function;
    P.ElsewhereLoc = E->ElsewhereLoc.isValid() ? E->ElsewhereLoc : E->Loc;
    return true;
  }
  for (const SuspensionPoint &Q : Awaited->Points)
    if (Q.Kind != SuspendKind::Final && Q.How == Resumption::Unknown)
      return false;
  P.How = Resumption::ResumesHere;
  return true;
}

std::vector<HeldAcross>
CoroutineModel::heldAcross(const CoroutineInfo &Info,
                           bool OnlyElsewhere) const {
  std::vector<HeldAcross> Out;
  LiveLocals Walk(Info, OnlyElsewhere, Out);
  Walk.run(Info);
  const SourceManager &SM = S.astContext().getSourceManager();
  for (HeldAcross &H : Out) {
    auto It = Walk.Releases.find(H.Var);
    if (It == Walk.Releases.end())
      continue;
    for (SourceLocation L : It->second)
      if (SM.isBeforeInTranslationUnit(H.Var->getLocation(), L) &&
          SM.isBeforeInTranslationUnit(L, H.Point->Loc))
        H.ReleasedBefore = true;
  }
  return Out;
}

void CoroutineModel::dump(const CoroutineInfo &Info,
                          llvm::raw_ostream &OS) const {
  const SourceManager &SM = S.astContext().getSourceManager();
  // Locations in another file than the coroutine's carry its name.
  FileID Home = SM.getFileID(SM.getExpansionLoc(Info.Function->getLocation()));
  auto Pos = [&](SourceLocation L) {
    SourceLocation E = SM.getExpansionLoc(L);
    PresumedLoc PL = SM.getPresumedLoc(E);
    if (PL.isInvalid())
      return std::string("?");
    std::string File;
    if (SM.getFileID(E) != Home)
      File = llvm::sys::path::filename(PL.getFilename()).str() + ":";
    return File + std::to_string(PL.getLine()) + ":" +
           std::to_string(PL.getColumn());
  };
  OS << "coroutine '";
  Info.Function->getNameForDiagnostic(
      OS, S.astContext().getPrintingPolicy(), /*Qualified=*/true);
  OS << "' at " << Pos(Info.Function->getLocation()) << ": "
     << (Info.Eager ? "eager" : "lazy") << "\n";
  for (const SuspensionPoint &P : Info.Points) {
    OS << "  " << suspendKindName(P.Kind) << " at " << Pos(P.Loc) << ": "
       << resumptionName(P.How);
    if (!P.AwaiterType.isNull())
      OS << " (awaiter '" << P.AwaiterType.getAsString() << "')";
    switch (P.Why) {
    case ElsewhereReason::None:
      break;
    case ElsewhereReason::Spawn:
      OS << ": the handle goes to the spawn at " << Pos(P.ElsewhereLoc);
      break;
    case ElsewhereReason::Annotated:
      OS << ": marked fearless::resumes_elsewhere";
      break;
    case ElsewhereReason::Library:
      OS << ": library model";
      break;
    case ElsewhereReason::AwaitedCoroutine:
      OS << ": the awaited coroutine resumes elsewhere at "
         << Pos(P.ElsewhereLoc);
      break;
    }
    OS << "\n";
  }
}

} // namespace fearless
