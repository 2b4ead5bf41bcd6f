//===- Summarizer.cpp - The accesses a function makes, with locks ---------===//
//
// The lockset dataflow and the replay that records accesses, expands calls
// and lambdas through their summaries; Session's cached entry points.
//
//===----------------------------------------------------------------------===//

#include "Summarizer.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/Dataflow.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/SummaryStore.h"
#include "fearless/ThreadLifetime.h"
#include "fearless/Threads.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

namespace fearless {

namespace {

/// Binds the parameter a callee's write stores to the call's argument.
void bindStore(Access &A,
               llvm::function_ref<const Expr *(const ValueDecl *)> ParamArg,
               const ASTContext &Ctx) {
  if (!A.StoredParam)
    return;
  if (const Expr *Arg = ParamArg(A.StoredParam))
    if (std::optional<long long> K = integerConstant(Arg, Ctx))
      A.Stored = *K;
  A.StoredParam = nullptr;
}

/// Moves a callee access's flag-store order into PrecedesInCall, in the
/// caller's terms (the call at \p Site prepended).
void fromCall(Access &A, SourceLocation Site) {
  A.PrecedesInCall = std::move(A.Precedes);
  A.Precedes.clear();
  for (StoreChain &C : A.PrecedesInCall)
    C.insert(C.begin(), Site);
}

} // namespace

Summarizer::Summarizer(Session &S, const FunctionDecl *FD, bool LocalsShared,
                       unsigned Depth, SummaryPass Pass,
                       const CXXRecordDecl *Dynamic)
    : S(S), FD(FD), FA(S.functionAnalysis(FD)), Depth(Depth), Pass(Pass),
      Dynamic(Dynamic), Locs(S, FD, LocalsShared),
      Locks(S, FA, Locs), Recorder(S, FA, Locs, Depth) {}

bool Summarizer::usableBody(const FunctionDecl *FD) const {
  return hasUsableBody(FD, S.astContext().getSourceManager());
}

/// The dynamic class a callee's *this has when called on \p Object, in a
/// function whose *this is of class \p Dynamic.
static const CXXRecordDecl *dynamicOf(const Expr *Object,
                                      const CXXRecordDecl *Dynamic) {
  return Dynamic && Object && isa<CXXThisExpr>(Object->IgnoreParenImpCasts())
             ? Dynamic
             : nullptr;
}

/// The function a call of \p Callee on \p Object runs: the final overrider
/// in \p Dynamic, the dynamic class of *this, for a virtual call on *this.
static const FunctionDecl *dispatch(const FunctionDecl *Callee,
                                    const Expr *Object,
                                    const CXXRecordDecl *Dynamic) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee);
  const CXXRecordDecl *Dyn = dynamicOf(Object, Dynamic);
  if (!MD || !Dyn || !MD->isVirtual() ||
      !(declaresSameEntity(Dyn, MD->getParent()) ||
        Dyn->isDerivedFrom(MD->getParent())))
    return Callee;
  if (const CXXMethodDecl *Final = MD->getCorrespondingMethodInClass(Dyn))
    return Final;
  return Callee;
}

void Summarizer::transferElement(const CFGElement &E, Lockset &Held,
                                 bool Record) {
  if (auto CS = E.getAs<CFGStmt>()) {
    const Stmt *St = CS->getStmt();
    if (Record && Pass == SummaryPass::LocksAtCalls) {
      if (isa<CallExpr>(St) || isa<CXXConstructExpr>(St))
        CallLocks[cast<Expr>(St)] = mutexesOnly(Held);
    } else if (Record) {
      recordAccesses(St, Held);
      Locks.recordAcquisitions(&Recorder.acquisitions());
    }
    Locks.transfer(St, Held);
    Locks.recordAcquisitions(nullptr);
    return;
  }
  if (auto D = E.getAs<CFGAutomaticObjDtor>())
    Locks.destroyed(D->getVarDecl(), Held);
}

void Summarizer::expanded(const FunctionSummary *Sub) {
  Need = std::max(Need, Sub ? std::min(Sub->Need, FunctionSummary::Truncated) + 1
                            : FunctionSummary::Truncated);
}

/// How many of \p Call's arguments come before \p Callee's first
/// parameter: 1 for a member operator written as an operator call (`a = b`:
/// its first argument is the object), 0 otherwise.
static unsigned objectArguments(const Expr *Call, const FunctionDecl *Callee) {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(Callee);
  return isa<CXXOperatorCallExpr>(Call) && M && !M->isStatic() ? 1 : 0;
}

/// The summary of a callee at \p Depth + 1 that a pass \p Pass expands.
static const FunctionSummary *calleeSummary(Session &S, SummaryPass Pass,
                                            const FunctionDecl *Def,
                                            unsigned Depth,
                                            const CXXRecordDecl *Dyn) {
  return S.summaries().get(Def, /*LocalsShared=*/false, Depth + 1, Dyn,
                           Pass == SummaryPass::Acquisitions
                               ? SummaryPass::Acquisitions
                               : SummaryPass::ExpandedAccesses);
}

/// Adds \p Sub's acquisitions to \p Out, mapped by \p Map, under \p Held.
static void addAcquisitions(
    std::vector<Acquisition> &Out, const FunctionSummary &Sub,
    const Lockset &Held, const Stmt *Point, SourceLocation Site,
    llvm::function_ref<std::optional<MemLoc>(const MemLoc &)> Map) {
  for (const Acquisition &A : Sub.Acquisitions) {
    if (Out.size() >= 1000)
      return;
    // A lock of the callee's own (a local mutex) orders nothing here.
    if (A.Taken.Unknown)
      continue;
    std::optional<MemLoc> M = Map(A.Taken.Mutex);
    if (!M)
      continue;
    Acquisition Mapped = A;
    Mapped.Taken.Mutex = *M;
    Lockset Mutexes = mutexesOnly(Held);
    Mapped.Held.assign(Mutexes.begin(), Mutexes.end());
    for (const Lock &L : A.Held) {
      Lock ML = L;
      if (!L.Unknown) {
        if (std::optional<MemLoc> HM = Map(L.Mutex))
          ML.Mutex = *HM;
        else
          ML.Unknown = true;
      }
      Mapped.Held.push_back(ML);
    }
    Mapped.Via.insert(Mapped.Via.begin(), Site);
    Mapped.Point = Point;
    Out.push_back(std::move(Mapped));
  }
}

void Summarizer::expandCall(const Expr *Call, const FunctionDecl *Callee,
                            const Expr *Object, const Lockset &Held,
                            const Stmt *Point) {
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def || !Expand)
    return;
  if (Depth >= MaxCallDepth) {
    expanded(nullptr);
    return;
  }
  const FunctionSummary *Sub =
      calleeSummary(S, Pass, Def, Depth, dynamicOf(Object, Dynamic));
  if (Sub)
    expanded(Sub);
  if (!Sub || (Sub->Accesses.empty() && Sub->Acquisitions.empty()))
    return;
  // Bind parameters to arguments and *this to the object.
  llvm::ArrayRef<const Expr *> Args = argsOf(Call);
  unsigned Offset = objectArguments(Call, Def);
  if (Offset && !Object && !Args.empty())
    Object = Args[0];
  std::vector<std::optional<MemLoc>> Params(Def->getNumParams());
  for (unsigned I = 0; I < Def->getNumParams(); ++I) {
    if (I + Offset >= Args.size())
      break;
    const Expr *Arg = Args[I + Offset];
    QualType PT = Def->getParamDecl(I)->getType();
    if (PT->isReferenceType())
      Params[I] = Locs.locOf(Arg);
    else if (PT->isPointerType())
      Params[I] = Locs.derefLoc(Arg);
  }
  std::optional<MemLoc> This;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def); MD && !MD->isStatic()) {
    if (Object)
      This = Locs.objectOf(Object);
    else if (isa<CXXConstructExpr>(Call))
      This = std::nullopt; // a new object: private
  }
  auto Map = [&](const MemLoc &L) {
    return bindLocation(L, Def, Params, This);
  };
  auto ParamArg = [&](const ValueDecl *V) -> const Expr * {
    const auto *P = dyn_cast<ParmVarDecl>(V);
    if (!P || P->getDeclContext() != Def ||
        P->getFunctionScopeIndex() + Offset >= Args.size())
      return nullptr;
    return Args[P->getFunctionScopeIndex() + Offset];
  };
  auto Rename = [&](const Expr *Arg) -> const ValueDecl * {
    const auto *DRE = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
    return DRE && Recorder.guards().isGuardable(DRE->getDecl()) ? DRE->getDecl()
                                                                : nullptr;
  };
  addAcquisitions(Recorder.acquisitions(), *Sub, Held, Point,
                  Call->getBeginLoc(), Map);
  if (Pass == SummaryPass::Acquisitions)
    return;
  // What the call does runs only under the conditions the call runs under.
  llvm::SmallVector<ValueGuard, 1> AtCall = Recorder.guards().guardsOf(Call);
  for (const Access &A : Sub->Accesses) {
    if (Recorder.full())
      return;
    std::optional<MemLoc> Loc = Map(A.Loc);
    if (!Loc)
      continue;
    Access Mapped = A;
    // Guarded by a parameter: decided by a constant argument, renamed to a
    // guard of ours, or unknown.
    if (!Mapped.Guards.empty() &&
        !bindGuards(Mapped.Guards, ParamArg, Rename, S.astContext(),
                    /*KeepOthers=*/false))
      continue;
    Mapped.Guards.append(AtCall.begin(), AtCall.end());
    Mapped.Loc = *Loc;
    Mapped.Locks.assign(Held.begin(), Held.end());
    for (const Lock &CL : A.Locks) {
      Lock ML = CL;
      if (!CL.Unknown) {
        std::optional<MemLoc> M = Map(CL.Mutex);
        if (M)
          ML.Mutex = *M;
        else if (CL.Counter)
          continue; // a counter of an object private to the callee
        else
          ML.Unknown = true;
      }
      Mapped.Locks.push_back(ML);
    }
    bindStore(Mapped, ParamArg, S.astContext());
    if (Def->isImplicit() && Mapped.Via.empty()) {
      // A member the compiler wrote (`s = Slot{}`) has no source of its
      // own: its accesses are the call's.
      Mapped.Where = Call->getExprLoc();
      Mapped.Range = Call->getSourceRange();
    } else {
      Mapped.Via.insert(Mapped.Via.begin(), Call->getBeginLoc());
    }
    fromCall(Mapped, Call->getBeginLoc());
    Mapped.Point = Point;
    Recorder.add(std::move(Mapped));
  }
}

void Summarizer::expandLambda(const LambdaExpr *LE, const Lockset &Held,
                              const Stmt *Point, SourceLocation Site) {
  if (!Expand)
    return;
  if (Depth >= MaxCallDepth) {
    expanded(nullptr);
    return;
  }
  const FunctionSummary *Sub = calleeSummary(
      S, Pass, LE->getCallOperator(), Depth, llvm::any_of(LE->captures(),
                                          [](const LambdaCapture &C) {
                                            return C.capturesThis();
                                          })
                                 ? Dynamic
                                 : nullptr);
  if (!Sub)
    return;
  expanded(Sub);
  // The lambda's own locals are private; what it captured by reference is
  // the enclosing function's.
  addAcquisitions(Recorder.acquisitions(), *Sub, Held, Point, Site,
                  [&](const MemLoc &L) -> std::optional<MemLoc> {
                    if (const auto *VD = dyn_cast_or_null<VarDecl>(L.Root);
                        VD && VD->getDeclContext() == LE->getCallOperator())
                      return std::nullopt;
                    return L;
                  });
  if (Pass == SummaryPass::Acquisitions)
    return;
  for (const Access &A : Sub->Accesses) {
    if (Recorder.full())
      return;
    // The lambda's own locals and parameters are private; what it captured
    // by reference is the enclosing function's.
    if (const auto *VD = dyn_cast_or_null<VarDecl>(A.Loc.Root);
        VD && VD->getDeclContext() == LE->getCallOperator())
      continue;
    Access Mapped = A;
    Mapped.Guards.clear(); // the lambda's values, not ours
    Mapped.Locks.assign(Held.begin(), Held.end());
    Mapped.Locks.append(A.Locks.begin(), A.Locks.end());
    Mapped.StoredParam = nullptr; // the lambda's parameter: unknown here
    Mapped.Via.insert(Mapped.Via.begin(), Site);
    fromCall(Mapped, Site);
    Mapped.Point = Point;
    Recorder.add(std::move(Mapped));
  }
}

/// Whether \p Callee, a function of the translation unit, only keeps what
/// its parameter \p P is given: every use of \p P (through std::move,
/// std::forward and conversions) is put into an object, by an assignment or
/// a call that keeps its arguments (storesArguments), never called or
/// handed to anything else (`template <class F> void post(F f) {
/// tasks_.emplace_back(std::move(f)); }`).
static bool onlyKeeps(Session &S, const FunctionDecl *Callee,
                      const ParmVarDecl *P) {
  if (!Callee->getBody() || Callee->isDependentContext())
    return false;
  const ParentMap &PM = S.functionAnalysis(Callee).parents();
  bool Used = false, Keeps = true;
  auto Visit = [&](auto &Self, const Stmt *St) -> void {
    if (!St || !Keeps)
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(St); DRE && DRE->getDecl() == P) {
      Used = true;
      const Stmt *Child = DRE;
      const Stmt *Up = PM.getParent(Child);
      while (Up && (isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                        CXXBindTemporaryExpr, ParenExpr, CXXConstructExpr,
                        CXXFunctionalCastExpr, ExprWithCleanups>(Up) ||
                    (isa<CallExpr>(Up) && cast<CallExpr>(Up)->getDirectCallee() &&
                     (isStdDecl(cast<CallExpr>(Up)->getDirectCallee(), "move") ||
                      isStdDecl(cast<CallExpr>(Up)->getDirectCallee(), "forward"))))) {
        Child = Up;
        Up = PM.getParent(Up);
      }
      const auto *Call = dyn_cast_or_null<CallExpr>(Up);
      const auto *BO = dyn_cast_or_null<BinaryOperator>(Up);
      bool Kept =
          (BO && BO->getOpcode() == BO_Assign && BO->getRHS() == Child) ||
          (Call && Call->getCallee() != Child &&
           storesArguments(Call->getDirectCallee()) &&
           !(isa<CXXOperatorCallExpr>(Call) && Call->getArg(0) == Child));
      Keeps = Kept;
    }
    for (const Stmt *C : St->children())
      Self(Self, C);
  };
  Visit(Visit, Callee->getBody());
  return Used && Keeps;
}

bool runsLambdaArgument(Session &S, const CallExpr *Call,
                               const FunctionDecl *Callee, unsigned I) {
  if (storesArguments(Callee))
    return false;
  if (!Callee || !hasUsableBody(Callee, S.astContext().getSourceManager()))
    return true;
  unsigned Offset = objectArguments(Call, Callee);
  if (I < Offset || I - Offset >= Callee->getNumParams())
    return true;
  return !onlyKeeps(S, Callee, Callee->getParamDecl(I - Offset));
}

/// The function-local static whose initializer \p St is part of.
static const VarDecl *staticInitializerOf(const ParentMap &PM,
                                          const Stmt *St) {
  for (const Stmt *P = PM.getParent(St); P; P = PM.getParent(P)) {
    if (isa<LambdaExpr>(P))
      return nullptr;
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D);
            VD && VD->isStaticLocal() && VD->getInit())
          return VD;
      return nullptr;
    }
  }
  return nullptr;
}

void Summarizer::recordAccesses(const Stmt *St, const Lockset &HeldHere) {
  const auto *E = dyn_cast<Expr>(St);
  if (!E)
    return;
  // The initializer of a function-local static runs once, under the
  // static's guard (C++11 [stmt.dcl]): what it does is ordered with every
  // other run of the same initializer, as if under a lock of its own.
  Lockset WithStaticGuard;
  const Lockset *HeldP = &HeldHere;
  if (const VarDecl *Static = staticInitializerOf(FA.parents(), St)) {
    WithStaticGuard = HeldHere;
    MemLoc Guard;
    Guard.Root = Static;
    WithStaticGuard.push_back(lockOn(Guard, false, Static->getLocation()));
    HeldP = &WithStaticGuard;
  }
  const Lockset &Held = *HeldP;
  Expand = !Running || !Running->runningAt(St).empty();
  if (Pass == SummaryPass::Acquisitions) {
    expandCalls(E, Held, St);
    return;
  }
  if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E) || isa<ArraySubscriptExpr>(E) ||
      (isa<UnaryOperator>(E) &&
       cast<UnaryOperator>(E)->getOpcode() == UO_Deref) ||
      (isa<CXXOperatorCallExpr>(E) &&
       (cast<CXXOperatorCallExpr>(E)->getOperator() == OO_Star ||
        cast<CXXOperatorCallExpr>(E)->getOperator() == OO_Subscript)) ||
      (isa<CXXMemberCallExpr>(E) && E->isGLValue())) {
    if (E->isGLValue())
      Recorder.occurrence(E, Held, St);
  }
  if (const auto *AE = dyn_cast<AtomicExpr>(E))
    return Recorder.atomicBuiltin(AE, Held, St);
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!expandCalls(E, Held, St) || !Call)
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    Callee = dispatch(Callee, MC->getImplicitObjectArgument(), Dynamic);
  Recorder.callEffects(Call, Callee, Held, St);
}

// Calls of functions we can see, and lambdas they run synchronously. True
// for a call whose own effects (signals, atomic builtins, memory functions)
// are still to be recorded.
bool Summarizer::expandCalls(const Expr *E, const Lockset &Held,
                             const Stmt *St) {
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      Callee = dispatch(Callee, MC->getImplicitObjectArgument(), Dynamic);
    if (ThreadModel::isSpawnExpr(Call, S.library()))
      return false; // the thread's accesses belong to the thread
    if (isOpaqueSync(Callee))
      return false;
    // A lambda given to a call runs there, unless the call keeps it.
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (const auto *LE = dyn_cast<LambdaExpr>(stripWrappers(Call->getArg(I)));
          LE && runsLambdaArgument(S, Call, Callee, I))
        expandLambda(LE, Held, St, Call->getBeginLoc());
    if (Callee && usableBody(Callee)) {
      const Expr *Object = nullptr;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        Object = MC->getImplicitObjectArgument();
      // Calling a lambda held in a variable: its body runs here.
      expandCall(Call, Callee, Object, Held, St);
    }
    return true;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (ThreadModel::isSpawnExpr(CE, S.library()))
      return false;
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (Ctor && usableBody(Ctor) && !Ctor->isCopyOrMoveConstructor())
      expandCall(CE, Ctor, nullptr, Held, St);
  }
  return false;
}

FunctionSummary Summarizer::run() {
  const CFG *Cfg = FA.cfg();
  if (!Cfg || FA.scan().HasErrors)
    return {};
  if (Pass == SummaryPass::ConcurrentAccesses && !(Running = FA.lifetime()))
    return {};
  // Locks a function requires are held on entry.
  for (const auto *A : FD->specific_attrs<RequiresCapabilityAttr>())
    for (const Expr *Arg : A->args()) {
      Lock L;
      if (auto M = Locs.locOf(Arg))
        L.Mutex = *M;
      else if (isa<CXXThisExpr>(Arg->IgnoreParenImpCasts()))
        L.Mutex.IsThis = true;
      else
        L.Unknown = true;
      L.Shared = A->isShared();
      L.Acquired = FD->getLocation();
      EntryLocks.push_back(L);
    }
  if (!replay())
    return {};
  FunctionSummary Out = Recorder.take();
  Out.Need = Need;
  if (Pass != SummaryPass::Acquisitions)
    orderFlagStores(Out.Accesses, *Cfg);
  return Out;
}

bool Summarizer::replay() {
  // The callers' locks, looked up with the same budget for every summary
  // (its own call depth would make a summary depend on who asked first);
  // the lock-only pass counts callers up. None for the acquisitions (the
  // caller's summary has them where they were taken) nor for an expanded
  // callee (the caller's lockset at the call has them).
  if (!Locs.lambda() && (Pass == SummaryPass::Accesses ||
                         Pass == SummaryPass::ConcurrentAccesses ||
                         Pass == SummaryPass::LocksAtCalls)) {
    Lockset FromCallers = locksHeldByEveryCaller(
        S, FD, Pass == SummaryPass::LocksAtCalls ? Depth : 0);
    EntryLocks.insert(EntryLocks.end(), FromCallers.begin(), FromCallers.end());
  }
  return solveAndReplay<Lockset>(*FA.cfg(), FA.declContext(), *this,
                                 [&](const CFGBlock &B, Lockset &Held) {
                                   for (const CFGElement &E : B)
                                     transferElement(E, Held, /*Record=*/true);
                                 });
}

llvm::DenseMap<const Expr *, std::vector<Lock>> Summarizer::locksAtCalls() {
  const CFG *Cfg = FA.cfg();
  if (!Cfg || FA.scan().HasErrors || !replay())
    return {};
  return std::move(CallLocks);
}

const llvm::DenseMap<const Expr *, std::vector<Lock>> *
Session::locksAtCalls(const FunctionDecl *FD, unsigned Depth) {
  if (!FD || !FD->getBody() || FD->isDependentContext())
    return nullptr;
  auto Key = std::make_pair(FD, Depth);
  auto It = CallLocks.find(Key);
  if (It != CallLocks.end())
    return It->second.get(); // null while being computed
  CallLocks[Key] = nullptr;
  auto Result =
      std::make_unique<llvm::DenseMap<const Expr *, std::vector<Lock>>>(
          Summarizer(*this, FD, /*LocalsShared=*/true, Depth,
                     SummaryPass::LocksAtCalls)
              .locksAtCalls());
  auto &Slot = CallLocks[Key];
  Slot = std::move(Result);
  return Slot.get();
}

// A summary depends on its function and on the call-depth budget left
// (Height), never on which check or caller asked first: summaries are kept
// per budget, and one that needed fewer levels than it had (Need <= Height:
// nothing was cut off) is the same for every budget of at least Need levels,
// so it serves them all. Heights strictly decrease along a chain of
// expansions, so a recursive call asks for a different slot and the chain
// ends at height 0.
const FunctionSummary *Session::summary(const FunctionDecl *FD,
                                        bool LocalsShared, unsigned Depth,
                                        const CXXRecordDecl *Dynamic) {
  return Store->get(FD, LocalsShared, Depth, Dynamic, SummaryPass::Accesses);
}

const FunctionSummary *Session::concurrentSummary(const FunctionDecl *FD) {
  return Store->get(FD, /*LocalsShared=*/true, 0, nullptr,
                    SummaryPass::ConcurrentAccesses);
}

const FunctionSummary *
Session::acquisitionSummary(const FunctionDecl *FD, bool LocalsShared,
                            unsigned Depth, const CXXRecordDecl *Dynamic) {
  return Store->get(FD, LocalsShared, Depth, Dynamic,
                    SummaryPass::Acquisitions);
}

const FunctionSummary *SummaryStore::get(const FunctionDecl *FD,
                                         bool LocalsShared, unsigned Depth,
                                         const CXXRecordDecl *Dynamic,
                                         SummaryPass Pass) {
  if (!FD || !FD->getBody() || FD->isDependentContext())
    return nullptr;
  unsigned Height = Depth >= Summarizer::MaxCallDepth
                        ? 0
                        : Summarizer::MaxCallDepth - Depth;
  auto Key = std::make_tuple(FD, LocalsShared, Dynamic, unsigned(Pass));
  std::vector<SummarySlot> &Slots = Summaries[Key];
  for (const SummarySlot &Slot : Slots)
    if (Slot.Height == Height || // null while being computed
        (Slot.Summary && servesHeight(Slot.Height, Slot.Summary->Need, Height)))
      return Slot.Summary.get();
  size_t Index = Slots.size();
  Slots.push_back({Height, nullptr});
  llvm::TimeTraceScope Scope(
      Pass == SummaryPass::Acquisitions ? "fearless acquisitions"
                                        : "fearless summary",
      [&] { return FD->getQualifiedNameAsString(); });
  auto Result = std::make_unique<FunctionSummary>(
      Summarizer(S, FD, LocalsShared, Summarizer::MaxCallDepth - Height, Pass,
                 Dynamic)
          .run());
  // Slots may have grown (a deeper summary of FD): index again.
  SummarySlot &Slot = Summaries[Key][Index];
  Slot.Summary = std::move(Result);
  return Slot.Summary.get();
}

} // namespace fearless
