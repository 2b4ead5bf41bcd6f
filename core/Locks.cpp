//===- Locks.cpp - What acquires and releases which lock -----------------===//
//
// The lockset transfer function (LockTracker) and lockset joins; what user
// mutexes and guards do is inferred in LockInference.cpp.
//
//===----------------------------------------------------------------------===//

#include "fearless/Locks.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/Locations.h"
#include "fearless/RaceModel.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace fearless {

bool sameLockset(const Lockset &A, const Lockset &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (!(A[I].Mutex == B[I].Mutex) || A[I].Shared != B[I].Shared ||
        A[I].Unknown != B[I].Unknown)
      return false;
  return true;
}

void joinLocksets(Lockset &Into, const Lockset &From) {
  Lockset Out;
  for (const Lock &L : Into)
    for (const Lock &M : From)
      if (L.Mutex == M.Mutex && L.Unknown == M.Unknown) {
        Lock Both = L;
        Both.Shared = L.Shared || M.Shared;
        Out.push_back(Both);
        break;
      }
  Into = std::move(Out);
}

bool lockCovers(const MemLoc &Held, const MemLoc &Other) {
  if (Held == Other)
    return true;
  if (!Held.sameRoot(Other) || Held.Path.size() != Other.Path.size())
    return false;
  for (size_t I = 0; I < Held.Path.size(); ++I) {
    const PathStep &H = Held.Path[I];
    const PathStep &O = Other.Path[I];
    if (H.Index == PathStep::All && !H.Field && !O.Field)
      continue;
    if (!(H == O))
      return false;
  }
  return true;
}

bool protectedByLock(const Access &A, const Access &B) {
  for (const Lock &LA : A.Locks)
    if (LA.Unknown)
      return true;
  for (const Lock &LB : B.Locks)
    if (LB.Unknown)
      return true;
  for (const Lock &LA : A.Locks)
    for (const Lock &LB : B.Locks)
      if ((lockCovers(LA.Mutex, LB.Mutex) || lockCovers(LB.Mutex, LA.Mutex)) &&
          !(LA.Shared && LB.Shared))
        return true;
  return false;
}

Lock lockOn(const std::optional<MemLoc> &M, bool Shared, SourceLocation At) {
  Lock L;
  if (M)
    L.Mutex = *M;
  else
    L.Unknown = true;
  L.Shared = Shared;
  L.Acquired = At;
  return L;
}

std::optional<MemLoc> mutexOf(const Lock &L) {
  return L.Unknown ? std::nullopt : std::optional<MemLoc>(L.Mutex);
}

void LockTracker::guardLocks(Lockset &Held, const VarDecl *Guard,
                             const Expr *Arg, SourceLocation At) {
  std::optional<MemLoc> Mu = Locs.objectOf(Arg);
  Guards[Guard].push_back(lockOn(Mu, false, At));
  acquire(Held, Mu, false, At);
}

void LockTracker::releaseAll(Lockset &Held, const Lockset &Taken) {
  for (const Lock &L : Taken)
    release(Held, mutexOf(L));
}

void AcquisitionLog::taken(const Lock &L) {
  if (!Out || Out->size() >= 1000)
    return;
  Acquisition A;
  A.Taken = L;
  Lockset Mutexes = mutexesOnly(Before);
  A.Held.assign(Mutexes.begin(), Mutexes.end());
  A.Point = Current;
  Out->push_back(std::move(A));
}

/// Adds \p L to \p Held unless that mutex is held already.
static void hold(Lockset &Held, const Lock &L) {
  for (const Lock &Existing : Held)
    if (Existing.Mutex == L.Mutex && Existing.Unknown == L.Unknown)
      return;
  Held.push_back(L);
}

void LockTracker::acquire(Lockset &Held, std::optional<MemLoc> M, bool Shared,
                          SourceLocation At) {
  Lock L = lockOn(M, Shared, At);
  taken(L);
  if (Effects)
    Effects->add(/*Taken=*/true, M);
  hold(Held, L);
}

void LockTracker::release(Lockset &Held, const std::optional<MemLoc> &M) {
  if (Effects)
    Effects->add(/*Taken=*/false, M);
  // A counter seen zero under a lock says nothing once a lock is released.
  Held.erase(std::remove_if(Held.begin(), Held.end(),
                            [](const Lock &L) { return L.Counter && !L.Shared; }),
             Held.end());
  if (!M) {
    // Releasing something unknown: drop one unknown lock.
    for (auto It = Held.begin(); It != Held.end(); ++It)
      if (It->Unknown) {
        Held.erase(It);
        return;
      }
    return;
  }
  Held.erase(std::remove_if(Held.begin(), Held.end(),
                            [&](const Lock &L) { return L.Mutex == *M; }),
             Held.end());
}

bool LockTracker::usableBody(const FunctionDecl *FD) const {
  return hasUsableBody(FD, S.astContext().getSourceManager());
}

/// for loops that lock every element (findLockAllLoops).
static void findCountedLockAllLoops(Session &S, FunctionAnalysis &FA,
                                    LocationResolver &Locs,
                                    LockAllLoops &LockAll) {
  // for (i = 0; i < n; ++i) pthread_mutex_lock(&locks[i]); and the loop
  // unlocking them: a statement that locks (unlocks) every element.
  for (const ForStmt *For : FA.scan().ForLoops) {
    const Expr *Inc =
        For->getInc() ? For->getInc()->IgnoreParenImpCasts() : nullptr;
    const Expr *Counted = nullptr;
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Inc);
        UO && UO->isIncrementDecrementOp())
      Counted = UO->getSubExpr();
    const VarDecl *Counter = Counted ? referencedVar(Counted) : nullptr;
    // The body is the call, or `ret = call(...)` followed only by checks of
    // the result (`if (ret) { perror(...); exit(1); }`).
    const Stmt *Body = For->getBody();
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Body))
      Body = CS->size() >= 1 &&
                     llvm::all_of(llvm::drop_begin(CS->body()),
                                  [](const Stmt *S) { return isa<IfStmt>(S); })
                 ? CS->body_front()
                 : nullptr;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Body);
        BO && BO->getOpcode() == BO_Assign)
      Body = BO->getRHS()->IgnoreParenImpCasts();
    const auto *Call = dyn_cast_or_null<CallExpr>(Body);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Counter || !For->getInit() || !Callee || Call->getNumArgs() != 1)
      continue;
    std::optional<LockEffect> Effect = lockFunctionEffect(Callee);
    if (!Effect && hasUsableBody(Callee, S.astContext().getSourceManager()) &&
        !isa<CXXMethodDecl>(Callee)) {
      // A C wrapper: urcu_mutex_lock(&per_thread_lock[i].lock).
      const InferredLocking &Inferred = S.inferredLocking(Callee);
      if (llvm::is_contained(Inferred.LockedParams, 0u))
        Effect = LockEffect::Lock;
      else if (llvm::is_contained(Inferred.UnlockedParams, 0u))
        Effect = LockEffect::Unlock;
    }
    if (!Effect || *Effect == LockEffect::LockShared)
      continue;
    // &locks[i], &per_thread_lock[i].lock: one subscript, by the counter.
    unsigned Subscripts = 0;
    bool ByCounter = false;
    for (const Expr *E = Call->getArg(0); E;) {
      E = E->IgnoreParenImpCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
        E = UO->getSubExpr();
      } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        E = ME->getBase();
      } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
        ++Subscripts;
        ByCounter = referencedVar(AS->getIdx()) == Counter;
        E = AS->getBase();
      } else {
        break;
      }
    }
    std::optional<MemLoc> M = Locs.objectOf(Call->getArg(0));
    if (!M || Subscripts != 1 || !ByCounter ||
        llvm::count_if(M->Path, [](const PathStep &P) { return !P.Field; }) !=
            1)
      continue;
    PathStep &Step =
        *llvm::find_if(M->Path, [](const PathStep &P) { return !P.Field; });
    Step.Index = PathStep::All;
    Step.Var = nullptr;
    LockAll[For->getInit()].push_back(
        {*Effect == LockEffect::Unlock, *M, Call->getBeginLoc()});
  }
}

/// The variable \p E names, through member accesses (`l`, `l.mu`,
/// `&l.mu`), and the fields from it to the object, outermost first.
static const VarDecl *
namedThroughFields(const Expr *E,
                   llvm::SmallVectorImpl<const FieldDecl *> &Fields) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf) {
      E = UO->getSubExpr();
    } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!F || ME->isArrow())
        return nullptr;
      Fields.insert(Fields.begin(), F);
      E = ME->getBase();
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      return dyn_cast<VarDecl>(DRE->getDecl());
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

/// Range-for loops that lock every element (findLockAllLoops).
static void findRangeLockAllLoops(FunctionAnalysis &FA,
                                  LocationResolver &Locs,
                                  LockAllLoops &LockAll) {
  // for (auto &l : locks) l.lock(); over a container (or array) of mutexes,
  // std ones or user classes with lock()/unlock(), and the loop unlocking
  // them: every element is then locked (unlocked).
  for (const CXXForRangeStmt *For : FA.scan().RangeForLoops) {
    const VarDecl *Elem = For->getLoopVariable();
    const Stmt *Body = For->getBody();
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Body))
      Body = CS->size() == 1 ? CS->body_front() : nullptr;
    const auto *BodyE = dyn_cast_or_null<Expr>(Body);
    if (!Elem || !BodyE || !For->getRangeStmt() || !For->getRangeInit() ||
        !Elem->getType()->isReferenceType())
      continue;
    BodyE = BodyE->IgnoreParenImpCasts();
    const Expr *Operand = nullptr;
    std::optional<bool> Unlock;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(BodyE)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && M->getIdentifier() && MC->getNumArgs() == 0) {
        llvm::StringRef N = M->getName();
        if (isUnlockName(N))
          Unlock = true;
        else if (isLockName(N) && N != "lock_shared" && N != "ReaderLock")
          Unlock = false;
        Operand = MC->getImplicitObjectArgument();
      }
    } else if (const auto *Call = dyn_cast<CallExpr>(BodyE);
               Call && Call->getNumArgs() == 1) {
      if (std::optional<LockEffect> Effect =
              lockFunctionEffect(Call->getDirectCallee());
          Effect && *Effect != LockEffect::LockShared)
        Unlock = *Effect == LockEffect::Unlock;
      Operand = Call->getArg(0);
    }
    llvm::SmallVector<const FieldDecl *, 2> Fields;
    if (!Unlock || !Operand || namedThroughFields(Operand, Fields) != Elem)
      continue;
    std::optional<MemLoc> M = Locs.locOf(For->getRangeInit());
    if (!M)
      continue;
    PathStep Every;
    Every.Index = PathStep::All;
    M->Path.push_back(Every);
    for (const FieldDecl *F : Fields) {
      PathStep Step;
      Step.Field = F;
      M->Path.push_back(Step);
    }
    LockAll[For->getRangeStmt()].push_back(
        {*Unlock, *M, BodyE->getBeginLoc()});
  }
}

LockAllLoops findLockAllLoops(Session &S, FunctionAnalysis &FA,
                              LocationResolver &Locs) {
  LockAllLoops Out;
  findCountedLockAllLoops(S, FA, Locs, Out);
  findRangeLockAllLoops(FA, Locs, Out);
  return Out;
}

/// The try-lock calls that \p Cond evaluating to \p Value proves succeeded:
/// a member try_lock() (owns_lock(), a guard's operator bool) that was true,
/// a C trylock that returned 0.
static void succeededTryLocks(const Expr *Cond, bool Value, ASTContext &Ctx,
                              llvm::SmallVectorImpl<const CallExpr *> &Out) {
  if (!Cond)
    return;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Cond))
    return succeededTryLocks(EWC->getSubExpr(), Value, Ctx, Out);
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot)
    return succeededTryLocks(UO->getSubExpr(), !Value, Ctx, Out);
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    // a && b true: both are; a || b false: both are.
    if ((BO->getOpcode() == BO_LAnd && Value) ||
        (BO->getOpcode() == BO_LOr && !Value)) {
      succeededTryLocks(BO->getLHS(), Value, Ctx, Out);
      succeededTryLocks(BO->getRHS(), Value, Ctx, Out);
      return;
    }
    // trylock(&m) == 0 true, != 0 false: it returned 0.
    if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
      auto IsZero = [&](const Expr *E) { return integerConstant(E, Ctx) == 0; };
      const Expr *Other = IsZero(BO->getRHS())   ? BO->getLHS()
                          : IsZero(BO->getLHS()) ? BO->getRHS()
                                                 : nullptr;
      if (Other && (BO->getOpcode() == BO_EQ) == Value)
        succeededTryLocks(Other, /*Value=*/false, Ctx, Out);
    }
    return;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Cond)) {
    if (Value)
      Out.push_back(MC);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Cond))
    if (!Value && tryLockFunction(Call->getDirectCallee()) &&
        Call->getNumArgs() == 1)
      Out.push_back(Call);
}

void LockTracker::tryLocked(const Expr *Cond, bool Value, Lockset &Held) {
  llvm::SmallVector<const CallExpr *, 2> Calls;
  succeededTryLocks(Cond, Value, S.astContext(), Calls);
  for (const CallExpr *Call : Calls) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
    if (!MC) {
      acquire(Held, Locs.objectOf(Call->getArg(0)),
              *tryLockFunction(Call->getDirectCallee()), Call->getBeginLoc());
      continue;
    }
    const CXXMethodDecl *M = MC->getMethodDecl();
    const Expr *Object = MC->getImplicitObjectArgument();
    if (!M || !Object)
      continue;
    std::optional<bool> Shared = tryLockMethod(M);
    bool Owns = isa<CXXConversionDecl>(M) ||
                (M->getIdentifier() && M->getName() == "owns_lock");
    // A local guard: l.try_lock(), l.owns_lock(), if (l).
    const VarDecl *GV = referencedVar(Object);
    auto It = GV && GV->hasLocalStorage() && (Shared || Owns)
                  ? Guards.find(GV)
                  : Guards.end();
    if (It != Guards.end()) {
      Lockset Taken = It->second;
      for (const Lock &L : Taken)
        acquire(Held, mutexOf(L), L.Shared, MC->getBeginLoc());
    } else if (Shared && !guardClass(Object->getType())) {
      // A mutex: m.try_lock(), a user lock's try_lock().
      acquire(Held, Locs.objectOf(Object), *Shared, MC->getBeginLoc());
    }
  }
}

/// The lock call `if (l) lock(l);` makes when its lock is not null (the
/// macros of a library whose locking can be switched off: libevent's
/// EVLOCK_LOCK, `if (lockvar) evthread_lock_fns_.lock(mode, lockvar)`):
/// the then-branch alone, a call one of whose arguments is the tested
/// pointer. On the path where the pointer is null there is no lock to take,
/// so that path is taken to hold (or release) it as well.
static const CallExpr *nullGuardedCall(const Stmt *T, ASTContext &Ctx) {
  const auto *If = dyn_cast<IfStmt>(T);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable())
    return nullptr;
  // `if (l)` (in C the condition is the pointer itself), `if (l != NULL)`.
  const Expr *Cond = If->getCond()->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && BO->getOpcode() == BO_NE &&
      BO->getRHS()->isNullPointerConstant(Ctx,
                                          Expr::NPC_ValueDependentIsNotNull))
    Cond = BO->getLHS()->IgnoreParenImpCasts();
  const VarDecl *Ptr =
      Cond->getType()->isPointerType() ? referencedVar(Cond) : nullptr;
  const Stmt *Then = If->getThen();
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Then))
    Then = CS->size() == 1 ? CS->body_front() : nullptr;
  const auto *Call = dyn_cast_or_null<CallExpr>(Then);
  if (!Ptr || !Call || isa<CXXMemberCallExpr>(Call))
    return nullptr;
  for (const Expr *Arg : Call->arguments())
    if (referencedVar(Arg) == Ptr)
      return Call;
  return nullptr;
}

void LockTracker::edge(const CFGBlock &From, unsigned Succ, Lockset &Held) {
  const Stmt *T = From.getTerminatorStmt();
  if (Succ > 1 || !T ||
      !isa<IfStmt, WhileStmt, DoStmt, ForStmt, BinaryOperator,
           AbstractConditionalOperator>(T))
    return;
  const auto *Cond = dyn_cast_or_null<Expr>(From.getTerminatorCondition());
  // Neither a try-lock nor a skipped null lock is an acquisition the lock
  // order sees: neither waits.
  std::vector<Acquisition> *Out = Log.Out;
  Log.Out = nullptr;
  if (const CallExpr *Call = Succ ? nullGuardedCall(T, S.astContext()) : nullptr)
    call(Call, Held);
  tryLocked(Cond, /*Value=*/Succ == 0, Held);
  Counters.zero(Cond, /*Value=*/Succ == 0, Held);
  Log.Out = Out;
}

void LockTracker::transfer(const Stmt *St, Lockset &Held) {
  if (!LockAll)
    LockAll = findLockAllLoops(S, FA, Locs);
  if (Log.Out) {
    Log.Before = Held;
    Log.Current = St;
  }
  if (auto It = LockAll->find(St); It != LockAll->end())
    for (const LockAllLoop &L : It->second) {
      if (L.Unlock)
        release(Held, L.Mutex);
      else
        acquire(Held, L.Mutex, false, L.At);
    }
  Counters.step(St, Held);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(St))
    return constructed(CE, Held);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St))
    memberCall(MC, Held);
  else if (const auto *Call = dyn_cast<CallExpr>(St))
    call(Call, Held);
  if (const auto *Call = dyn_cast<CallExpr>(St))
    Returns.apply(Call, Held, *this);
}

void LockTracker::destroyed(const VarDecl *V, Lockset &Held) {
  auto It = Guards.find(V);
  if (It != Guards.end())
    releaseAll(Held, It->second);
}

/// The local variable a guard construction \p CE initializes, if any: only
/// guards owned by a variable hold their lock beyond the statement.
static const VarDecl *guardVarOf(const CXXConstructExpr *CE,
                                 const ParentMap &PM) {
  const Stmt *P = PM.getParent(CE);
  while (P && isa<ExprWithCleanups, ImplicitCastExpr, ParenExpr>(P))
    P = PM.getParent(P);
  const VarDecl *GuardVar = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(P))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D);
          VD && VD->getInit() &&
          stripWrappers(VD->getInit()) == stripWrappers(CE))
        GuardVar = VD;
  return GuardVar;
}

/// The locks the guard construction \p CE takes: the mutexes of a library
/// guard \p G, of a scoped capability's \p Acq, or of the constructor
/// parameters \p Inferred locks. \p Deferred: std::defer_lock or
/// std::try_to_lock (taken later, if at all); \p Adopted: std::adopt_lock
/// (the guard takes over a lock already held, after std::lock: not an
/// acquisition of its own).
static Lockset guardTaken(const CXXConstructExpr *CE, const GuardEntry *G,
                          const AcquireCapabilityAttr *Acq,
                          const InferredLocking &Inferred,
                          LocationResolver &Locs, bool &Deferred,
                          bool &Adopted) {
  Lockset Taken;
  if (G) {
    for (const Expr *Arg : CE->arguments()) {
      QualType T = Arg->getType();
      if (const CXXRecordDecl *RD = classOf(T);
          RD &&
          (isStdDecl(RD, "defer_lock_t") || isStdDecl(RD, "try_to_lock_t"))) {
        Deferred = true;
        continue;
      }
      if (classOf(T) && (isStdDecl(classOf(T), "adopt_lock_t"))) {
        Adopted = true;
        continue;
      }
      // A mutex, or a pointer to one (QMutexLocker l(&m)).
      Taken.push_back(lockOn(Locs.objectOf(Arg), G->Shared, CE->getBeginLoc()));
    }
  } else if (!Acq) {
    for (unsigned P : Inferred.LockedParams) {
      if (P >= CE->getNumArgs())
        continue;
      Taken.push_back(
          lockOn(Locs.objectOf(CE->getArg(P)), false, CE->getBeginLoc()));
    }
  } else {
    for (const Expr *A : Acq->args()) {
      // The attribute names constructor parameters.
      const Expr *Arg = nullptr;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts()))
        if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
            P && P->getFunctionScopeIndex() < CE->getNumArgs())
          Arg = CE->getArg(P->getFunctionScopeIndex());
      Taken.push_back(lockOn(Arg ? Locs.objectOf(Arg) : std::nullopt,
                             Acq->isShared(), CE->getBeginLoc()));
    }
  }
  return Taken;
}

// Guards: std::lock_guard g(m), scoped_lock, unique_lock, shared_lock, and
// scoped capabilities.
void LockTracker::constructed(const CXXConstructExpr *CE, Lockset &Held) {
  const GuardEntry *G = guardClass(CE->getType());
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  const auto *Acq = Ctor ? Ctor->getAttr<AcquireCapabilityAttr>() : nullptr;
  InferredLocking Inferred;
  if (!G && !Acq && Ctor && usableBody(Ctor))
    Inferred = S.inferredLocking(Ctor);
  if (!G && !Acq && Inferred.LockedParams.empty())
    return;
  const VarDecl *GuardVar = guardVarOf(CE, FA.parents());
  if (!GuardVar)
    return;
  bool Deferred = false, Adopted = false;
  Lockset Taken = guardTaken(CE, G, Acq, Inferred, Locs, Deferred, Adopted);
  Guards[GuardVar] = Taken;
  if (!Deferred)
    for (const Lock &L : Taken) {
      if (!Adopted)
        taken(L);
      if (Effects)
        Effects->add(/*Taken=*/true, mutexOf(L));
      Held.push_back(L);
    }
}

/// Whether \p M asserts that the calling thread holds its object
/// (assert_capability, or AssertHeld() by name), and if so whether shared.
static std::optional<bool> assertsHeld(const CXXMethodDecl *M) {
  const auto *A = M->getAttr<AssertCapabilityAttr>();
  if (A)
    return A->isShared();
  if (M->getIdentifier() && isAssertHeldName(M->getName()))
    return M->getName() == "AssertReaderHeld";
  return std::nullopt;
}

/// For a member of a user mutex with its own state (a pthread_mutex_t
/// member) named like Lock()/Unlock() or WriteLock()/WriteUnlock(), whose
/// class declares the other member of the pair (possibly defined in another
/// translation unit): true if it locks, false if it unlocks.
/// acquire()/release() are left out: on a class that merely carries a mutex
/// they hand out resources.
static std::optional<bool> pairedMutexMember(const CXXMethodDecl *M) {
  auto MutexName = [](const CXXMethodDecl *D) {
    if (!D->getIdentifier())
      return false;
    llvm::StringRef N = D->getName();
    return (isLockName(N) || isUnlockName(N)) &&
           !N.equals_insensitive("acquire") && !N.equals_insensitive("release");
  };
  if (!MutexName(M))
    return std::nullopt;
  bool Locks = isLockName(M->getName());
  if (llvm::none_of(M->getParent()->methods(), [&](const CXXMethodDecl *O) {
        return MutexName(O) && isLockName(O->getName()) != Locks;
      }))
    return std::nullopt;
  return Locks;
}

void LockTracker::memberCall(const CXXMemberCallExpr *MC, Lockset &Held) {
  const CXXMethodDecl *M = MC->getMethodDecl();
  if (!M)
    return;
  const Expr *Object = MC->getImplicitObjectArgument();
  // A guard's own lock()/unlock(), or a user guard's acquire(m)/release().
  if (const VarDecl *GV = referencedVar(Object);
      GV && GV->hasLocalStorage() && !guardClass(GV->getType()) &&
      !M->hasAttr<AcquireCapabilityAttr>() && usableBody(M)) {
    const InferredLocking &Inferred = S.inferredLocking(M);
    if (!Inferred.LockedParams.empty()) {
      for (unsigned P : Inferred.LockedParams)
        if (P < MC->getNumArgs())
          guardLocks(Held, GV, MC->getArg(P), MC->getBeginLoc());
      return;
    }
    auto It = Guards.find(GV);
    if (It != Guards.end() && Inferred.UnlocksSelf) {
      releaseAll(Held, It->second);
      return;
    }
  }
  // guard.acquire(m) defined out of line, or inline as the lock algorithm
  // itself (nothing to infer from): by its name.
  if (const VarDecl *GV = referencedVar(Object);
      GV && GV->hasLocalStorage() && M->getIdentifier() &&
      isLockName(M->getName()) && MC->getNumArgs() > 0 &&
      !M->hasAttr<AcquireCapabilityAttr>()) {
    for (const Expr *Arg : MC->arguments())
      guardLocks(Held, GV, Arg, MC->getBeginLoc());
    return;
  }
  if (const VarDecl *GV = referencedVar(Object)) {
    auto It = Guards.find(GV);
    if (It != Guards.end() && M->getIdentifier()) {
      if (isUnlockName(M->getName()))
        releaseAll(Held, It->second);
      else if (isLockName(M->getName()))
        for (const Lock &L : It->second)
          acquire(Held, mutexOf(L), L.Shared, MC->getBeginLoc());
      return;
    }
  }
  std::optional<MemLoc> Self = Object ? Locs.objectOf(Object) : std::nullopt;
  if (const auto *A = M->getAttr<AcquireCapabilityAttr>()) {
    acquire(Held, Self, A->isShared(), MC->getBeginLoc());
    return;
  }
  if (M->hasAttr<ReleaseCapabilityAttr>()) {
    release(Held, Self);
    return;
  }
  // Held from here on, but not taken here (no acquisition for lock order
  // or self-deadlock).
  if (std::optional<bool> Shared = assertsHeld(M)) {
    hold(Held, lockOn(Self, *Shared, MC->getBeginLoc()));
    return;
  }
  if (!M->getIdentifier())
    return;
  // A user mutex: its lock()/unlock() (BasicLockable), or members whose
  // bodies lock or unlock its own state.
  if (!isSyncType(Object->getType(), S.traits())) {
    if (isLockName(M->getName()) || isUnlockName(M->getName())) {
      if (isUnlockName(M->getName()))
        release(Held, Self);
      else
        acquire(Held, Self, false, MC->getBeginLoc());
      return;
    }
    if (usableBody(M)) {
      const InferredLocking &Inferred = S.inferredLocking(M);
      if (Inferred.LocksSelf)
        acquire(Held, Self, false, MC->getBeginLoc());
      else if (Inferred.UnlocksSelf)
        release(Held, Self);
    }
    return;
  }
  for (const MutexMethodEntry &E : mutexMethods())
    if (M->getName() == E.Name) {
      if (E.Effect == LockEffect::Unlock)
        release(Held, Self);
      else
        acquire(Held, Self, E.Effect == LockEffect::LockShared,
                MC->getBeginLoc());
      return;
    }
  if (std::optional<bool> Locks = pairedMutexMember(M)) {
    if (*Locks)
      acquire(Held, Self, false, MC->getBeginLoc());
    else
      release(Held, Self);
  }
}

/// A lock taken through a table of lock callbacks, C's way of plugging in
/// a threading library (libevent's `evthread_lock_fns_.lock(mode, lock)`):
/// a call through a function-pointer field named like a lock operation,
/// whose one pointer argument is the lock. True for a lock, false for an
/// unlock; the lock's expression in \p Lock.
static std::optional<bool> lockCallback(const CallExpr *Call,
                                        const Expr *&Lock) {
  const auto *ME =
      dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts());
  const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!Field || !Field->getIdentifier() ||
      !Field->getType()->isFunctionPointerType())
    return std::nullopt;
  bool Locks = isLockName(Field->getName());
  if (!Locks && !isUnlockName(Field->getName()))
    return std::nullopt;
  Lock = nullptr;
  for (const Expr *Arg : Call->arguments())
    if (Arg->IgnoreParenImpCasts()->getType()->isPointerType()) {
      if (Lock)
        return std::nullopt; // which one is the lock?
      Lock = Arg;
    }
  if (!Lock)
    return std::nullopt;
  return Locks;
}

void LockTracker::call(const CallExpr *Call, Lockset &Held) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const Expr *Lock = nullptr;
  if (std::optional<bool> Locks = !Callee ? lockCallback(Call, Lock)
                                          : std::nullopt)
    return *Locks ? acquire(Held, Locs.objectOf(Lock), false,
                            Call->getBeginLoc())
                  : release(Held, Locs.objectOf(Lock));
  if (!Callee || !Callee->getIdentifier())
    return;
  if (std::optional<LockEffect> Effect = lockFunctionEffect(Callee)) {
    for (const Expr *Arg : Call->arguments()) {
      std::optional<MemLoc> M = Locs.objectOf(Arg);
      if (*Effect == LockEffect::Unlock)
        release(Held, M);
      else
        acquire(Held, M, *Effect == LockEffect::LockShared,
                Call->getBeginLoc());
    }
    return;
  }
  auto ArgFor = [&](const Expr *AttrArg) -> std::optional<MemLoc> {
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(AttrArg->IgnoreParenImpCasts())) {
      if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
          P && P->getFunctionScopeIndex() < Call->getNumArgs()) {
        return Locs.objectOf(Call->getArg(P->getFunctionScopeIndex()));
      }
      return Locs.locOf(AttrArg);
    }
    return std::nullopt;
  };
  if (const auto *A = Callee->getAttr<AcquireCapabilityAttr>())
    for (const Expr *Arg : A->args())
      acquire(Held, ArgFor(Arg), A->isShared(), Call->getBeginLoc());
  if (const auto *A = Callee->getAttr<ReleaseCapabilityAttr>())
    for (const Expr *Arg : A->args())
      release(Held, ArgFor(Arg));
  if (Callee->hasAttr<AcquireCapabilityAttr>() ||
      Callee->hasAttr<ReleaseCapabilityAttr>() || !usableBody(Callee) ||
      isa<CXXMethodDecl>(Callee))
    return;
  // A function wrapping the lock calls: safe_mutex_lock(&m),
  // lock_tables() taking a global mutex.
  const InferredLocking &Inferred = S.inferredLocking(Callee);
  for (unsigned P : Inferred.LockedParams)
    if (P < Call->getNumArgs())
      acquire(Held, Locs.objectOf(Call->getArg(P)), false, Call->getBeginLoc());
  for (unsigned P : Inferred.UnlockedParams)
    if (P < Call->getNumArgs())
      release(Held, Locs.objectOf(Call->getArg(P)));
  auto Global = [](const VarDecl *VD) {
    MemLoc L;
    L.Root = VD;
    return std::optional<MemLoc>(L);
  };
  for (const VarDecl *VD : Inferred.LockedGlobals)
    acquire(Held, Global(VD), false, Call->getBeginLoc());
  for (const VarDecl *VD : Inferred.UnlockedGlobals)
    release(Held, Global(VD));
}

} // namespace fearless
