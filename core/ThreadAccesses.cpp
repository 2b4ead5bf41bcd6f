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
/// the copies; otherwise it is the variable's shared value.
void fixCapturedIndices(FunctionAnalysis &FA, const SpawnSite &Site,
                        MemLoc &L) {
  for (PathStep &Step : L.Path)
    if (Step.Index == PathStep::CapturedVar) {
      bool Own = perCopy(FA, Site, Step.Var);
      Step.Index = Own ? PathStep::Other : PathStep::SharedVar;
      if (Own)
        Step.Var = nullptr;
    }
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
  for (const Stmt *P = FA.parents().getParent(Site.Spawn); P;
       P = FA.parents().getParent(P))
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P)) {
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
  return false;
}

namespace {

/// How a thread body's own terms map to its spawner's: the body's
/// parameters and *this bound to what the thread was started with.
struct ThreadBinding {
  const FunctionDecl *Body = nullptr;
  std::vector<std::optional<MemLoc>> Params;
  std::optional<MemLoc> This;
};

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
  const FunctionDecl *Spawner = FA.function();
  std::vector<std::optional<MemLoc>> &Params = B.Params;
  Params.resize(Body->getNumParams());
  std::optional<MemLoc> &This = B.This;
  if (Site.Body.Lambda) {
    // Captured by reference: the spawner's own variables; *this: the
    // spawner's *this. The lambda's locals are its own.
    This.emplace();
    This->IsThis = true;
  } else {
    llvm::ArrayRef<const Expr *> Args = Site.Args;
    unsigned First = 0;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Body);
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
      if (PT->isPointerType())
        Params[I] = resolveLocation(S, Spawner, Arg, /*Deref=*/true);
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

/// What a thread touches, in the spawning function's terms.
std::vector<Access> threadAccesses(FunctionAnalysis &FA,
                                   const SpawnSite &Site) {
  std::vector<Access> Result;
  ThreadBinding Binding = bindThread(FA, Site);
  const FunctionDecl *Body = Binding.Body;
  if (!Body)
    return Result;
  const FunctionSummary *Sub =
      FA.session().summary(Body, /*LocalsShared=*/false);
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
    std::optional<MemLoc> Loc = bindLocation(A.Loc, Body, Params, This);
    if (!Loc)
      continue;
    fixCapturedIndices(FA, Site, *Loc);
    Access Mapped = A;
    if (!Mapped.Guards.empty() &&
        !bindGuards(Mapped.Guards, ParamArg, Rename, FA.astContext(),
                    /*KeepOthers=*/true))
      continue;
    Mapped.Loc = *Loc;
    Mapped.Locks.clear();
    for (const Lock &L : A.Locks) {
      Lock ML = L;
      if (!L.Unknown) {
        if (std::optional<MemLoc> M =
                bindLocation(L.Mutex, Body, Params, This)) {
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
    if (std::optional<MemLoc> M =
            bindLocation(L.Mutex, B.Body, B.Params, B.This)) {
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

} // namespace fearless
