//===- ThreadAccesses.cpp - What a thread touches, in its spawner's terms ===//
//
// A thread body's summary bound to what the thread was given: captures by
// reference and *this for lambdas, the object and the arguments of a thread
// function (std::ref, pointers), the guards that the arguments decide, and
// element indices fixed at the spawn.
//
//===----------------------------------------------------------------------===//

#include "fearless/ThreadAccesses.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/Coroutines.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/Locations.h"
#include "fearless/ValueGuards.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fearless {

namespace {

/// Marks the variable indices of a location evaluated at the spawn (an
/// argument of the thread) as captured there.
void capturedAtSpawn(std::optional<MemLoc> &L) {
  if (L)
    for (PathStep &Step : L->Path)
      if (Step.Index == PathStep::SharedVar)
        Step.Index = PathStep::CapturedVar;
}

/// An element index fixed when the thread was created (`&count[i]`,
/// `[&w = workers[i]]`) is per-thread when its variable differs between
/// the copies; otherwise it is the variable's shared value. A per-thread
/// index keeps its variable (an Other step with Var set): the copy started
/// in the spawner's current iteration has the spawner's value of it
/// (sameCopyAs).
void fixCapturedIndices(FunctionAnalysis &FA, const SpawnSite &Site,
                        MemLoc &L) {
  for (PathStep &Step : L.Path)
    if (Step.Index == PathStep::CapturedVar)
      Step.Index =
          perCopy(FA, Site, Step.Var) ? PathStep::Other : PathStep::SharedVar;
}

/// The innermost loop around \p Site's spawn: the loop that starts the
/// copies of the thread. A macro's `do { ... } while (0)` runs once and is
/// not that loop.
const Stmt *spawnLoop(FunctionAnalysis &FA, const SpawnSite &Site) {
  for (const Stmt *P = FA.parents().getParent(Site.Spawn); P;
       P = FA.parents().getParent(P)) {
    if (const auto *Do = dyn_cast<DoStmt>(P)) {
      bool Again = false;
      if (!Do->getCond()->isValueDependent() &&
          Do->getCond()->EvaluateAsBooleanCondition(Again, FA.astContext()) &&
          !Again)
        continue;
    }
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return P;
  }
  return nullptr;
}

/// The body of the loop that starts the copies of \p Site's thread.
const Stmt *spawnLoopBody(FunctionAnalysis &FA, const SpawnSite &Site) {
  const Stmt *Loop = spawnLoop(FA, Site);
  if (const auto *For = dyn_cast_or_null<ForStmt>(Loop))
    return For->getBody();
  if (const auto *While = dyn_cast_or_null<WhileStmt>(Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast_or_null<DoStmt>(Loop))
    return Do->getBody();
  if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return Range->getBody();
  return nullptr;
}

} // namespace

/// Whether \p V has a value of its own in every copy of the thread started
/// at \p Site: a local declared in the loop that starts the copies (its
/// induction variable, or declared in its body).
bool perCopy(FunctionAnalysis &FA, const SpawnSite &Site, const ValueDecl *V) {
  const auto *VD = dyn_cast_or_null<VarDecl>(V);
  // The spawner's own variable (not a local of the thread's lambda, which
  // is lexically inside the loop too).
  if (!Site.InLoop || !VD || !VD->hasLocalStorage() ||
      VD->getDeclContext() != FA.function())
    return false;
  const Stmt *P = spawnLoop(FA, Site);
  if (!P)
    return false;
  const SourceManager &SM = FA.astContext().getSourceManager();
  if (SM.isPointWithin(VD->getLocation(), P->getBeginLoc(), P->getEndLoc()))
    return true;
  // C89's `int i; ... for (i = 0; i < n; i++)`: the loop's counter.
  const auto *For = dyn_cast<ForStmt>(P);
  const auto *Inc =
      For && For->getInc() ? For->getInc()->IgnoreParenImpCasts() : nullptr;
  const Expr *Counted = nullptr;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Inc);
      UO && UO->isIncrementDecrementOp())
    Counted = UO->getSubExpr();
  else if (const auto *CA = dyn_cast_or_null<CompoundAssignOperator>(Inc))
    Counted = CA->getLHS();
  return Counted && referencedVar(Counted) == VD;
}

std::optional<Access> sameCopyAs(FunctionAnalysis &FA, const SpawnSite &Site,
                                 const Access &Spawner, const Access &B) {
  auto PerCopyStep = [](const PathStep &S) {
    return !S.Field && S.Index == PathStep::Other && S.Var;
  };
  if (!Site.InLoop || llvm::none_of(B.Loc.Path, PerCopyStep))
    return std::nullopt;
  const Stmt *Body = spawnLoopBody(FA, Site);
  if (!Body)
    return std::nullopt;
  // Where the spawner's access is made in its own function.
  SourceLocation At = Spawner.Via.empty() ? Spawner.Where : Spawner.Via.front();
  const SourceManager &SM = FA.astContext().getSourceManager();
  At = SM.getExpansionLoc(At);
  SourceLocation SpawnEnd = SM.getExpansionLoc(Site.Spawn->getEndLoc());
  if (At.isInvalid() || SpawnEnd.isInvalid() ||
      !SM.isPointWithin(At, SM.getExpansionLoc(Body->getBeginLoc()),
                        SM.getExpansionLoc(Body->getEndLoc())) ||
      !SM.isBeforeInTranslationUnit(SpawnEnd, At))
    return std::nullopt;
  Access Same = B;
  for (PathStep &S : Same.Loc.Path)
    if (PerCopyStep(S))
      S.Index = PathStep::SharedVar;
  return Same;
}

bool perCopyElement(FunctionAnalysis &FA, const SpawnSite &Site,
                    const Expr *Arg) {
  if (!Site.InLoop || !Arg)
    return false;
  const Expr *E = stripMoves(Arg);
  bool Deref = true;
  if (const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts())) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || !(isStdDecl(FD, "ref") || isStdDecl(FD, "cref")) ||
        Call->getNumArgs() != 1)
      return false;
    E = Call->getArg(0);
    Deref = false;
  } else if (!E->getType()->isPointerType()) {
    return false;
  }
  std::optional<MemLoc> L =
      resolveLocation(FA.session(), FA.function(), E, Deref);
  capturedAtSpawn(L);
  return L && llvm::any_of(L->Path, [&](const PathStep &S) {
           return S.Index == PathStep::CapturedVar && perCopy(FA, Site, S.Var);
         });
}

namespace {

/// How a thread body's own terms map to its spawner's: the body's
/// parameters and *this bound to what the thread was started with.
struct ThreadBinding {
  const FunctionDecl *Body = nullptr;
  std::vector<std::optional<MemLoc>> Params;
  std::optional<MemLoc> This;
  /// For a thread a helper started and returned: the helper's parameters
  /// and *this bound to the call's arguments (Params and This above are in
  /// the helper's terms).
  std::vector<std::optional<MemLoc>> HelperParams;
  std::optional<MemLoc> HelperThis;

  /// \p L, in the body's spawner's terms, in the spawning function's.
  std::optional<MemLoc> toSpawner(std::optional<MemLoc> L,
                                  const SpawnSite &Site) const {
    if (!L || !Site.ReturnedBy)
      return L;
    return bindLocation(*L, Site.ReturnedBy, HelperParams, HelperThis);
  }
};

/// Binds the parameters of \p Site's helper (it started the thread and
/// returned it) to the arguments of the call.
void bindHelper(Session &S, const FunctionDecl *Caller, const SpawnSite &Site,
                ThreadBinding &B) {
  const auto *Call = dyn_cast<CallExpr>(Site.Spawn);
  const FunctionDecl *Helper = Site.ReturnedBy;
  if (!Call)
    return;
  unsigned First = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
  B.HelperParams.resize(Helper->getNumParams());
  for (unsigned I = 0; I < Helper->getNumParams(); ++I) {
    if (I + First >= Call->getNumArgs())
      break;
    const Expr *Arg = stripMoves(Call->getArg(I + First));
    QualType PT = Helper->getParamDecl(I)->getType();
    // A by-value parameter is the helper's own copy.
    if (PT->isPointerType())
      B.HelperParams[I] = resolveLocation(S, Caller, Arg, /*Deref=*/true);
    else if (PT->isReferenceType())
      B.HelperParams[I] = resolveLocation(S, Caller, Arg, /*Deref=*/false);
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    B.HelperThis = resolveLocation(S, Caller, Obj->IgnoreParenImpCasts(),
                                   Obj->getType()->isPointerType());
  }
}

/// The arguments \p Callable binds, when it is std::bind or std::bind_front
/// of a function (perhaps in a std::function): `std::bind(&C::run, this)`
/// runs run() on *this. Empty otherwise, and when a placeholder leaves an
/// argument to the caller.
llvm::ArrayRef<const Expr *> boundArguments(const Expr *Callable) {
  const Expr *E = Callable;
  for (unsigned Steps = 0; E && Steps < 4; ++Steps) {
    E = stripMoves(E)->IgnoreImplicit();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1 && isStdClass(CE->getType(), "function")) {
      E = CE->getArg(0);
      continue;
    }
    break;
  }
  const auto *Call = E ? dyn_cast<CallExpr>(E) : nullptr;
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !(isStdDecl(FD, "bind") || isStdDecl(FD, "bind_front")) ||
      Call->getNumArgs() < 2)
    return {};
  llvm::ArrayRef<const Expr *> Bound(Call->getArgs() + 1,
                                     Call->getNumArgs() - 1);
  for (const Expr *A : Bound)
    if (const CXXRecordDecl *RD = classOf(A->getType());
        RD && RD->getIdentifier() && RD->getName().starts_with("_Placeholder"))
      return {};
  return Bound;
}

/// The binding of the thread started at \p Site; Body is null when the
/// thread's function is not known or has no definition.
ThreadBinding bindThread(FunctionAnalysis &FA, const SpawnSite &Site) {
  ThreadBinding B;
  const FunctionDecl *Body = Site.Body.Function;
  if (!Body || !Body->getDefinition())
    return B;
  Body = Body->getDefinition();
  B.Body = Body;
  Session &S = FA.session();
  // The arguments of a returned thread are the helper's expressions.
  const FunctionDecl *Spawner =
      Site.ReturnedBy ? Site.ReturnedBy : FA.function();
  if (Site.ReturnedBy)
    bindHelper(S, FA.function(), Site, B);
  std::vector<std::optional<MemLoc>> &Params = B.Params;
  Params.resize(Body->getNumParams());
  std::optional<MemLoc> &This = B.This;
  {
    llvm::ArrayRef<const Expr *> Args = Site.Args;
    if (Args.empty() && Site.Callable && !Site.Body.Lambda)
      Args = boundArguments(Site.Callable);
    unsigned First = 0;
    if (Site.Body.Lambda) {
      // Captured by reference: the spawner's own variables; *this: the
      // spawner's *this. The lambda's locals are its own; its parameters
      // get the thread's arguments (`std::thread([](int *p) {...}, &x)`).
      This.emplace();
      This->IsThis = true;
    } else if (const auto *MD = dyn_cast<CXXMethodDecl>(Body);
               MD && !MD->isStatic() && !Args.empty()) {
      // std::thread(&C::run, obj, args...): the object comes first.
      const Expr *Obj = stripMoves(Args[0]);
      This = resolveLocation(S, Spawner, Obj, Obj->getType()->isPointerType());
      First = 1;
    }
    for (unsigned I = 0; I < Params.size() && I + First < Args.size(); ++I) {
      const Expr *Arg = Args[I + First];
      QualType PT = Body->getParamDecl(I)->getType();
      const Expr *Inner = stripMoves(Arg);
      // std::ref(x): the parameter refers to x.
      if (const auto *Call = dyn_cast<CallExpr>(Inner))
        if (const FunctionDecl *FD = Call->getDirectCallee();
            FD && (isStdDecl(FD, "ref") || isStdDecl(FD, "cref")) &&
            Call->getNumArgs() == 1) {
          Params[I] = resolveLocation(S, Spawner, Call->getArg(0), false);
          continue;
        }
      // A pointer argument (`std::thread(work, &state)`): the parameter
      // points at what the argument points at. The thread's constructor
      // takes it by forwarding reference, so it arrives materialized.
      if (PT->isPointerType())
        Params[I] = resolveLocation(S, Spawner, Inner, /*Deref=*/true);
    }
  }
  // The thread's arguments were evaluated when it was spawned.
  for (std::optional<MemLoc> &P : Params)
    capturedAtSpawn(P);
  if (!Site.Body.Lambda)
    capturedAtSpawn(This);
  return B;
}

} // namespace

/// What the receiver of a value sent through a channel may touch: it reads
/// what a pointer, a std::shared_ptr or a std::reference_wrapper sent points
/// to (its code is not known, so nothing more is assumed).
static std::vector<Access> receiverAccesses(FunctionAnalysis &FA,
                                            const SpawnSite &Site) {
  std::vector<Access> Result;
  for (const Expr *Arg : Site.Args) {
    const Expr *Value = stripMoves(Arg);
    QualType T = Value->getType().getNonReferenceType();
    if (!T->isPointerType() && !isStdClass(T, "shared_ptr") &&
        !isStdClass(T, "reference_wrapper"))
      continue;
    std::optional<MemLoc> Loc =
        resolveLocation(FA.session(), FA.function(), Value, /*Deref=*/true);
    if (!Loc)
      continue;
    // `q.push(&buf[i])` in a loop over i sends another element each time.
    capturedAtSpawn(Loc);
    fixCapturedIndices(FA, Site, *Loc);
    Access A;
    A.Loc = *Loc;
    A.Where = Site.Spawn->getBeginLoc();
    A.Range = Arg->getSourceRange();
    Result.push_back(std::move(A));
  }
  return Result;
}

/// What a thread touches, in the spawning function's terms.
std::vector<Access> threadAccesses(FunctionAnalysis &FA, const SpawnSite &Site,
                                   const CXXRecordDecl *Dynamic) {
  if (Site.Kind == SpawnKind::ChannelSend)
    return receiverAccesses(FA, Site);
  std::vector<Access> Result;
  // std::thread(&Base::run, this) on an object of a derived class runs its
  // final overrider.
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Site.Body.Function);
      Dynamic && MD && MD->isVirtual() && !Site.Body.Lambda &&
      !Site.Args.empty() &&
      isa<CXXThisExpr>(Site.Args[0]->IgnoreParenImpCasts()) &&
      Dynamic->isDerivedFrom(MD->getParent()))
    if (const CXXMethodDecl *Final = MD->getCorrespondingMethodInClass(Dynamic);
        Final && Final != MD) {
      SpawnSite Dispatched = Site;
      Dispatched.Body.Function = Final;
      return threadAccesses(FA, Dispatched, Dynamic);
    }
  ThreadBinding Binding = bindThread(FA, Site);
  const FunctionDecl *Body = Binding.Body;
  if (!Body)
    return Result;
  const FunctionSummary *Sub =
      FA.session().summary(Body, /*LocalsShared=*/false, 0, Dynamic);
  if (!Sub)
    return Result;
  const std::vector<std::optional<MemLoc>> &Params = Binding.Params;
  const std::optional<MemLoc> &This = Binding.This;
  // What the thread was started with decides the guards on its
  // parameters: `std::thread(record, std::ref(s), true)` runs only the
  // accesses that `true` leads to.
  unsigned FirstArg = !Site.Body.Lambda && isa<CXXMethodDecl>(Body) &&
                              !cast<CXXMethodDecl>(Body)->isStatic() &&
                              !Site.Args.empty()
                          ? 1
                          : 0;
  auto ParamArg = [&](const ValueDecl *V) -> const Expr * {
    const auto *P = dyn_cast<ParmVarDecl>(V);
    if (!P || P->getDeclContext() != Body ||
        P->getFunctionScopeIndex() + FirstArg >= Site.Args.size())
      return nullptr;
    return stripMoves(Site.Args[P->getFunctionScopeIndex() + FirstArg]);
  };
  auto Rename = [](const Expr *Arg) -> const ValueDecl * {
    const auto *DRE = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
    return DRE ? DRE->getDecl() : nullptr;
  };
  for (const Access &A : Sub->Accesses) {
    std::optional<MemLoc> Loc =
        Binding.toSpawner(bindLocation(A.Loc, Body, Params, This), Site);
    if (!Loc)
      continue;
    fixCapturedIndices(FA, Site, *Loc);
    Access Mapped = A;
    if (!Mapped.Guards.empty() &&
        !bindGuards(Mapped.Guards, ParamArg, Rename, FA.astContext(),
                    /*KeepOthers=*/true))
      continue;
    // A field of the body's object is not one of the spawner's values.
    llvm::erase_if(Mapped.Guards,
                   [](const ValueGuard &G) { return isa<FieldDecl>(G.Var); });
    Mapped.Loc = *Loc;
    Mapped.Locks.clear();
    for (const Lock &L : A.Locks) {
      Lock ML = L;
      if (!L.Unknown) {
        if (std::optional<MemLoc> M = Binding.toSpawner(
                bindLocation(L.Mutex, Body, Params, This), Site)) {
          ML.Mutex = *M;
          fixCapturedIndices(FA, Site, ML.Mutex);
        } else if (L.Counter) {
          continue; // a counter of an object private to the thread
        } else
          ML.Unknown = true;
      }
      Mapped.Locks.push_back(ML);
    }
    Result.push_back(std::move(Mapped));
  }
  return Result;
}

std::vector<Acquisition> threadAcquisitions(FunctionAnalysis &FA,
                                           const SpawnSite &Site) {
  std::vector<Acquisition> Result;
  ThreadBinding B = bindThread(FA, Site);
  if (!B.Body)
    return Result;
  const FunctionSummary *Sub =
      FA.session().summary(B.Body, /*LocalsShared=*/false);
  if (!Sub)
    return Result;
  auto Bind = [&](const Lock &L) {
    Lock ML = L;
    if (L.Unknown)
      return ML;
    if (std::optional<MemLoc> M = B.toSpawner(
            bindLocation(L.Mutex, B.Body, B.Params, B.This), Site)) {
      ML.Mutex = *M;
      fixCapturedIndices(FA, Site, ML.Mutex);
    } else {
      ML.Unknown = true;
    }
    return ML;
  };
  for (const Acquisition &A : Sub->Acquisitions) {
    Acquisition Mapped = A;
    Mapped.Taken = Bind(A.Taken);
    // A lock of the thread's own (its local mutex) orders nothing here.
    if (Mapped.Taken.Unknown)
      continue;
    for (Lock &L : Mapped.Held)
      L = Bind(L);
    Result.push_back(std::move(Mapped));
  }
  return Result;
}

std::vector<Access> coroutineAccessesAfter(FunctionAnalysis &FA,
                                           const CallExpr *Call,
                                           const CoroutineInfo &CI,
                                           const SuspensionPoint &From) {
  std::vector<Access> Result;
  const FunctionDecl *Body = CI.Function;
  const FunctionSummary *Sub =
      FA.session().summary(Body, /*LocalsShared=*/false);
  if (!Sub)
    return Result;
  Session &S = FA.session();
  const FunctionDecl *Caller = FA.function();
  std::vector<std::optional<MemLoc>> Params(Body->getNumParams());
  std::optional<MemLoc> This;
  llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    if (const Expr *Obj = MC->getImplicitObjectArgument())
      This = resolveLocation(S, Caller, Obj, Obj->getType()->isPointerType());
  } else if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Body) &&
             !Args.empty()) {
    // A lambda coroutine called as lam(args): the object comes first.
    Args = Args.drop_front();
  }
  for (unsigned I = 0; I < Params.size() && I < Args.size(); ++I) {
    QualType PT = Body->getParamDecl(I)->getType();
    if (PT->isReferenceType())
      Params[I] = resolveLocation(S, Caller, Args[I], /*Deref=*/false);
    else if (PT->isPointerType())
      Params[I] = resolveLocation(S, Caller, Args[I], /*Deref=*/true);
  }
  const SourceManager &SM = FA.astContext().getSourceManager();
  SourceLocation End = CI.Body->getBody()->getEndLoc();
  for (const Access &A : Sub->Accesses) {
    SourceLocation At = A.Via.empty() ? A.Where : A.Via.front();
    if (!SM.isBeforeInTranslationUnit(From.Loc, At) ||
        !SM.isBeforeInTranslationUnit(At, End))
      continue;
    std::optional<MemLoc> Loc = bindLocation(A.Loc, Body, Params, This);
    if (!Loc)
      continue;
    Access Mapped = A;
    Mapped.Loc = *Loc;
    Mapped.Guards.clear();
    Mapped.Locks.clear();
    for (const Lock &L : A.Locks) {
      Lock ML = L;
      if (!L.Unknown) {
        if (std::optional<MemLoc> M = bindLocation(L.Mutex, Body, Params, This))
          ML.Mutex = *M;
        else
          ML.Unknown = true;
      }
      Mapped.Locks.push_back(ML);
    }
    Result.push_back(std::move(Mapped));
  }
  return Result;
}

namespace {

/// Whether \p P only wraps its child (casts, temporaries, copies).
bool isWrapper(const Stmt *P) {
  return isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             ExprWithCleanups, ParenExpr, CXXConstructExpr>(P);
}

/// Whether \p Call is the operand of a co_await: the caller waits for it.
bool isAwaited(FunctionAnalysis &FA, const Expr *Call) {
  for (const Stmt *P = FA.parents().getParent(Call); P;
       P = FA.parents().getParent(P)) {
    if (isa<CoroutineSuspendExpr>(P))
      return true;
    if (!isWrapper(P))
      return false;
  }
  return false;
}

/// The first start() or resume() of the local that keeps the lazy task
/// \p Call returns, if the function starts it.
const Expr *lazyStart(FunctionAnalysis &FA, const CallExpr *Call) {
  const VarDecl *Task = nullptr;
  for (const Stmt *P = FA.parents().getParent(Call); P && !Task;
       P = FA.parents().getParent(P)) {
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D);
            V && V->getInit() && stripWrappers(V->getInit()) == Call)
          Task = V;
      break;
    }
    if (!isWrapper(P))
      return nullptr;
  }
  if (!Task)
    return nullptr;
  llvm::SmallVector<const Stmt *, 16> Work{FA.function()->getBody()};
  const Expr *Found = nullptr;
  const SourceManager &SM = FA.astContext().getSourceManager();
  while (!Work.empty()) {
    const Stmt *St = Work.pop_back_val();
    if (!St || isa<LambdaExpr>(St))
      continue;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St))
      if (const CXXMethodDecl *M = MC->getMethodDecl();
          M && M->getIdentifier() &&
          (M->getName() == "start" || M->getName() == "resume") &&
          referencedVar(MC->getImplicitObjectArgument()) == Task &&
          (!Found ||
           SM.isBeforeInTranslationUnit(MC->getExprLoc(), Found->getExprLoc())))
        Found = MC;
    for (const Stmt *C : St->children())
      Work.push_back(C);
  }
  return Found;
}

} // namespace

std::vector<CoroutineRun> coroutineRuns(FunctionAnalysis &FA) {
  std::vector<CoroutineRun> Runs;
  CoroutineModel &Model = FA.session().coroutines();
  for (const CallExpr *Call : FA.scan().CoroutineCalls) {
    const CoroutineInfo *CI = Model.coroutineOf(calleeOf(Call));
    const SuspensionPoint *From = CI ? CI->firstElsewhere() : nullptr;
    if (!From || isAwaited(FA, Call))
      continue;
    // An initial suspend that moves to another thread starts it at the call.
    bool AtCall = CI->Eager || From == &CI->initial();
    const Expr *Start = AtCall ? Call : lazyStart(FA, Call);
    if (!Start)
      continue;
    CoroutineRun R;
    R.Call = Call;
    R.Start = Start;
    R.From = From;
    R.Accesses = coroutineAccessesAfter(FA, Call, *CI, *From);
    if (!R.Accesses.empty())
      Runs.push_back(std::move(R));
  }
  return Runs;
}

} // namespace fearless
