//===- DataRaceCheck.cpp - fearless-data-race -----------------------------===//
//
// Two accesses to the same memory from code that may run at the same time,
// at least one a write, not both atomic, with no lock held in common. What
// may run at the same time comes from the thread-lifetime dataflow of the
// spawning function: its own code while a thread may run (per statement),
// two threads whose lifetimes overlap, and several copies of one thread (a
// spawn in a loop, a parallel algorithm, a fearless::scoped_spawn
// parameter). What each side touches comes from function summaries
// (Access.h): the spawning function's own, and each thread body's, bound to
// what the thread was given (captures by reference, std::ref, pointers,
// *this).
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/Locations.h"
#include "fearless/ThreadLifetime.h"
#include "fearless/ValueGuards.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace fearless {

namespace {

/// The code of one side of a race: the spawning function, or a thread.
struct Context {
  /// The spawn id, or -1 for the spawning function.
  int Spawn = -1;
  std::vector<Access> Accesses;
};

/// The type of the memory a location names, or null when it is not known
/// (an element of a container, *this itself).
QualType accessedType(const MemLoc &L) {
  QualType T;
  if (L.Root)
    T = L.Root->getType().getNonReferenceType();
  if (L.Deref && !T.isNull())
    T = T->isPointerType() ? T->getPointeeType() : QualType();
  for (const PathStep &Step : L.Path) {
    if (Step.Field) {
      T = Step.Field->getType().getNonReferenceType();
      continue;
    }
    const auto *AT = T.isNull() ? nullptr : T->getAsArrayTypeUnsafe();
    T = AT ? AT->getElementType() : QualType();
  }
  return T;
}

/// The guard of a function-local static's initializer (Summarizer), not a
/// lock the user can take.
bool isStaticInitGuard(const Lock &L) {
  const auto *Static = dyn_cast_or_null<VarDecl>(L.Mutex.Root);
  return Static && Static->isStaticLocal() && L.Mutex.Path.empty();
}

/// rustc's help: which fix fits. A lock held at one access only: hold it
/// at the other too. A scalar: make it atomic. A global or static: one
/// mutex, or thread_local. Anything else: one mutex, or a copy per thread.
void addHelp(FunctionAnalysis &FA, Finding &F, const Access &P,
             const Access &O) {
  for (const auto &[Held, Other] : {std::pair(&P, &O), std::pair(&O, &P)})
    for (const Lock &L : Held->Locks)
      if (!L.Unknown && L.Acquired.isValid() && !isStaticInitGuard(L) &&
          llvm::none_of(Other->Locks,
                        [&](const Lock &M) { return M.Mutex == L.Mutex; })) {
        F.note(P.Where, MessageId::RaceHelpSameLock, {L.Mutex.describe()});
        return;
      }
  std::string What = P.Loc.describe();
  QualType T = accessedType(P.Loc);
  if (!T.isNull() && !T->isReferenceType() &&
      (T->isIntegralOrEnumerationType() || T->isAnyPointerType() ||
       T->isRealFloatingType())) {
    PrintingPolicy Policy = FA.astContext().getPrintingPolicy();
    Policy.SuppressTagKeyword = true;
    bool C = !FA.astContext().getLangOpts().CPlusPlus;
    F.note(P.Where, MessageId::RaceHelpAtomic,
           {What, T.getUnqualifiedType().getAsString(Policy), int(C)});
    return;
  }
  const auto *Var = dyn_cast_or_null<VarDecl>(P.Loc.Root);
  if (Var && Var->hasGlobalStorage() && !P.Loc.Deref) {
    F.note(P.Where, MessageId::RaceHelpGlobal, {What});
    return;
  }
  F.note(P.Where, MessageId::RaceHelpMutex);
}

class DataRaceCheck : public Check {
public:
  explicit DataRaceCheck(Session &S) : S(S) {}
  CheckId id() const override { return CheckId::DataRace; }

  void checkFunction(FunctionAnalysis &FA) override {
    // Null when the function spawns nothing (or has errors).
    const ThreadLifetime *TL = FA.lifetime();
    if (!TL)
      return;
    const ThreadModel &TM = FA.threads();
    const FunctionSummary *Own =
        S.summary(FA.function(), /*LocalsShared=*/true);
    if (!Own)
      return;
    std::vector<Context> Threads;
    for (const SpawnSite &Site : TM.spawns()) {
      Context C;
      C.Spawn = Site.Id;
      C.Accesses = bodyAccesses(FA, Site);
      Threads.push_back(std::move(C));
    }
    Reported.clear();
    // The spawning function against each thread running at that point.
    for (const Access &A : Own->Accesses) {
      for (unsigned Id : TL->runningAt(A.Point))
        for (const Access &B : Threads[Id].Accesses)
          consider(FA, *TL, A, -1, Own->Accesses, B, Id, Threads[Id].Accesses);
    }
    // Threads against other copies of themselves, then against each other
    // (only the pairs that overlap: a function may start thousands).
    auto Pair = [&](size_t I, size_t J) {
      const auto &As = Threads[I].Accesses;
      const auto &Bs = Threads[J].Accesses;
      for (size_t X = 0; X < As.size(); ++X)
        for (size_t Y = I == J ? X : 0; Y < Bs.size(); ++Y)
          if (I != J || !inOneCopyOnly(FA, TM.spawns()[I], As[X], Bs[Y]))
            consider(FA, *TL, As[X], I, As, Bs[Y], J, Bs);
    };
    for (size_t I = 0; I < Threads.size(); ++I)
      if (TL->isMultiInstance(I) ||
          TM.spawns()[I].Kind == SpawnKind::ScopedCall)
        Pair(I, I);
    for (auto [I, J] : TL->overlappingPairs())
      Pair(I, J);
  }

private:
  /// What a thread touches, in the spawning function's terms.
  std::vector<Access> bodyAccesses(FunctionAnalysis &FA,
                                   const SpawnSite &Site) {
    std::vector<Access> Result;
    const FunctionDecl *Body = Site.Body.Function;
    if (!Body || !Body->getDefinition())
      return Result;
    Body = Body->getDefinition();
    const FunctionSummary *Sub = S.summary(Body, /*LocalsShared=*/false);
    if (!Sub)
      return Result;
    const FunctionDecl *Spawner = FA.function();
    std::vector<std::optional<MemLoc>> Params(Body->getNumParams());
    std::optional<MemLoc> This;
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
        This =
            resolveLocation(S, Spawner, Obj, Obj->getType()->isPointerType());
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
    // The thread's arguments were evaluated when it was spawned.
    for (std::optional<MemLoc> &P : Params)
      capturedAtSpawn(P);
    if (!Site.Body.Lambda)
      capturedAtSpawn(This);
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
          } else
            ML.Unknown = true;
        }
        Mapped.Locks.push_back(ML);
      }
      Result.push_back(std::move(Mapped));
    }
    return Result;
  }

  /// Whether \p V has a value of its own in every copy of the thread started
  /// at \p Site: a local declared in the loop that starts the copies (its
  /// induction variable, or declared in its body).
  static bool perCopy(FunctionAnalysis &FA, const SpawnSite &Site,
                      const ValueDecl *V) {
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
        if (SM.isPointWithin(VD->getLocation(), P->getBeginLoc(),
                             P->getEndLoc()))
          return true;
        // C89's `int i; ... for (i = 0; i < n; i++)`: the loop's counter.
        const auto *For = dyn_cast<ForStmt>(P);
        const auto *Inc = For && For->getInc()
                              ? For->getInc()->IgnoreParenImpCasts()
                              : nullptr;
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

  /// Whether \p X and \p Y, accesses of copies of the thread started at
  /// \p Site, both run only in the copy whose per-copy value is some K
  /// (`if (id == 0)` with `id` declared in the loop that starts the copies:
  /// a different value in every copy), so that no two copies run them.
  static bool inOneCopyOnly(FunctionAnalysis &FA, const SpawnSite &Site,
                            const Access &X, const Access &Y) {
    if (X.Guards.empty() || Y.Guards.empty())
      return false;
    for (const ValueGuard &GX : X.Guards)
      if (GX.Equal && perCopy(FA, Site, GX.Var))
        for (const ValueGuard &GY : Y.Guards)
          if (GY.Equal && GY.Var == GX.Var && GY.Value == GX.Value)
            return true;
    return false;
  }

  /// An element index fixed when the thread was created (`&count[i]`,
  /// `[&w = workers[i]]`) is per-thread when its variable differs between
  /// the copies; otherwise it is the variable's shared value.
  static void fixCapturedIndices(FunctionAnalysis &FA, const SpawnSite &Site,
                                 MemLoc &L) {
    for (PathStep &Step : L.Path)
      if (Step.Index == PathStep::CapturedVar) {
        bool Own = perCopy(FA, Site, Step.Var);
        Step.Index = Own ? PathStep::Other : PathStep::SharedVar;
        if (Own)
          Step.Var = nullptr;
      }
  }

  /// Marks the variable indices of a location evaluated at the spawn (an
  /// argument of the thread) as captured there.
  static void capturedAtSpawn(std::optional<MemLoc> &L) {
    if (L)
      for (PathStep &Step : L->Path)
        if (Step.Index == PathStep::SharedVar)
          Step.Index = PathStep::CapturedVar;
  }

  /// Where an access happens in its context's own function: the access, or
  /// the call leading to it.
  static SourceLocation position(const Access &A) {
    return A.Via.empty() ? A.Where : A.Via.front();
  }

  /// Whether \p First (in context \p FirstSide) is ordered before \p Second
  /// (in \p SecondSide) by a release/acquire pair on an atomic: a
  /// synchronizing atomic write after First on its side, a synchronizing
  /// atomic read of the same atomic before Second on the other (the
  /// ready-flag hand-off).
  static bool orderedByAtomic(const SourceManager &SM, const Access &First,
                              llvm::ArrayRef<Access> FirstSide,
                              const Access &Second,
                              llvm::ArrayRef<Access> SecondSide) {
    for (const Access &Release : FirstSide) {
      if (!Release.Atomic || !Release.Write || !Release.Synchronizing ||
          !SM.isBeforeInTranslationUnit(position(First), position(Release)))
        continue;
      // The same atomic, provably: an element whose index is not known
      // (`in_use[ind]`, ind per thread) may be another atomic each time.
      if (llvm::any_of(Release.Loc.Path, [](const PathStep &S) {
            return !S.Field && S.Index == PathStep::Other;
          }))
        continue;
      for (const Access &Acquire : SecondSide)
        if (Acquire.Atomic && Acquire.Synchronizing &&
            Acquire.Loc == Release.Loc &&
            SM.isBeforeInTranslationUnit(position(Acquire), position(Second)))
          return true;
    }
    return false;
  }

  void consider(FunctionAnalysis &FA, const ThreadLifetime &TL, const Access &A,
                int CtxA, llvm::ArrayRef<Access> SideA, const Access &B,
                int CtxB, llvm::ArrayRef<Access> SideB) {
    if (!A.Write && !B.Write)
      return;
    if (A.Atomic && B.Atomic)
      return;
    if (!mayOverlap(A, B) || protectedByLock(A, B))
      return;
    const SourceManager &OrderSM = FA.astContext().getSourceManager();
    // Also between copies of one thread: a counter every copy increments
    // and then spins on is a barrier (the release sequence of the RMWs).
    if (orderedByAtomic(OrderSM, A, SideA, B, SideB) ||
        orderedByAtomic(OrderSM, B, SideB, A, SideA))
      return;
    // The write is the primary; between two writes, the earlier one.
    const SourceManager &SM = FA.astContext().getSourceManager();
    bool AFirst = A.Write &&
                  (!B.Write || !SM.isBeforeInTranslationUnit(B.Where, A.Where));
    const Access &P = AFirst ? A : B;
    const Access &O = AFirst ? B : A;
    int CtxP = AFirst ? CtxA : CtxB;
    int CtxO = AFirst ? CtxB : CtxA;
    std::string What = P.Loc.describe();
    // One finding per object and pair of sides: the variable and its fields,
    // whatever elements are involved.
    MemLoc Object = P.Loc;
    Object.Path.erase(
        std::remove_if(Object.Path.begin(), Object.Path.end(),
                       [](const PathStep &S) { return !S.Field; }),
        Object.Path.end());
    std::string Key = Object.describe() + "|" +
                      std::to_string(std::min(CtxP, CtxO)) + "|" +
                      std::to_string(std::max(CtxP, CtxO));
    if (!Reported.insert(Key).second)
      return;
    report(FA, TL, P, CtxP, O, CtxO, What);
  }

  void report(FunctionAnalysis &FA, const ThreadLifetime &TL, const Access &P,
              int CtxP, const Access &O, int CtxO, const std::string &What) {
    const ThreadModel &TM = FA.threads();
    Finding F = makeFinding(CheckId::DataRace, P.Where, MessageId::DataRace,
                            {What, int(P.Write), int(O.Write)}, P.Range);
    for (SourceLocation Via : P.Via)
      F.note(Via, MessageId::RaceThroughCall);
    bool SameAccess = CtxP == CtxO && P.Where == O.Where;
    if (SameAccess) {
      F.note(TM.spawns()[CtxP].Spawn->getBeginLoc(),
             MessageId::RaceSameAccessInCopies, {int(O.Write)});
    } else {
      if (P.Where == O.Where)
        F.note(O.Where, MessageId::RaceSameCodeOtherThread, {int(O.Write)},
               O.Range);
      else
        F.note(O.Where, MessageId::RaceOtherAccess, {int(O.Write)}, O.Range);
      for (SourceLocation Via : O.Via)
        F.note(Via, MessageId::RaceThroughCall);
      if (CtxP >= 0 && CtxO >= 0 && CtxP != CtxO) {
        F.note(TM.spawns()[CtxP].Spawn->getBeginLoc(),
               MessageId::RaceThreadSpawned, {1});
        F.note(TM.spawns()[CtxO].Spawn->getBeginLoc(),
               MessageId::RaceThreadSpawned, {2});
      } else {
        int Thread = CtxP >= 0 ? CtxP : CtxO;
        const SpawnSite &Site = TM.spawns()[Thread];
        F.note(Site.Spawn->getBeginLoc(), MessageId::RaceThreadSpawned, {0});
        if (Site.Sink.Decl) {
          llvm::ArrayRef<SourceLocation> Joins =
              TL.joinsOf(HandleKey(Site.Sink.Decl));
          if (!Joins.empty())
            F.note(Joins.front(), MessageId::RaceJoinedOnlyHere);
        }
      }
    }
    // A lock held on one side only.
    auto OneSided = [&](const Access &Held, const Access &Other) {
      for (const Lock &L : Held.Locks) {
        if (L.Unknown)
          continue;
        bool InOther = false;
        for (const Lock &M : Other.Locks)
          if (M.Mutex == L.Mutex)
            InOther = true;
        if (InOther || !L.Acquired.isValid())
          continue;
        if (isStaticInitGuard(L))
          F.note(L.Acquired, MessageId::RaceStaticInitOneSide,
                 {L.Mutex.describe()});
        else
          F.note(L.Acquired, MessageId::RaceLockOneSide, {L.Mutex.describe()});
      }
    };
    OneSided(P, O);
    OneSided(O, P);
    addHelp(FA, F, P, O);
    // A race on a mutable field is the bug fearless-sync reports as the
    // sharing of its object (sync.md): marked so that the session keeps one.
    int Thread = CtxP >= 0 ? CtxP : CtxO;
    if (Thread >= 0 && llvm::any_of(P.Loc.Path, [](const PathStep &Step) {
          return Step.Field && Step.Field->isMutable();
        })) {
      F.SharedObject = P.Loc.IsThis ? static_cast<const void *>(FA.function())
                                    : static_cast<const void *>(P.Loc.Root);
      F.SharedWith = TM.spawns()[Thread].Spawn->getBeginLoc();
    }
    S.report(std::move(F));
  }

  Session &S;
  llvm::StringSet<> Reported;
};

} // namespace

std::unique_ptr<Check> createDataRaceCheck(Session &S) {
  return std::make_unique<DataRaceCheck>(S);
}

} // namespace fearless
