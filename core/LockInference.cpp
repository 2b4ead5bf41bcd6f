//===- LockInference.cpp - Locks inferred from bodies and from callers ----===//
//
// What user-defined mutexes and guards without thread-safety attributes do
// to locks, read from their bodies; and the locks a helper holds on entry
// because every visible caller holds them at its call.
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/Locations.h"
#include "fearless/Locks.h"
#include "fearless/RaceModel.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace fearless {

namespace {

/// Whether \p S may leave its statement list early (return, break,
/// continue, goto), outside lambdas.
bool mayJumpOut(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt, IndirectGotoStmt,
          CoreturnStmt>(S))
    return true;
  for (const Stmt *C : S->children())
    if (mayJumpOut(C))
      return true;
  return false;
}

} // namespace

bool neverReturns(const FunctionDecl *FD, unsigned Depth) {
  if (!FD)
    return false;
  if (FD->isNoReturn())
    return true;
  const FunctionDecl *Def = FD->getDefinition();
  const auto *Body = Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody())
                         : nullptr;
  if (!Body || Depth > 2)
    return false;
  // The walk of the whole body last: few statement lists call a function
  // that never returns.
  for (const Stmt *S : Body->body())
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (neverReturns(Call->getDirectCallee(), Depth + 1))
        return !mayJumpOut(Body);
  return false;
}

namespace {

/// Whether the lock operation \p Call is on a path that never returns to
/// the caller: a later statement of its statement list calls a function
/// that never returns, and nothing in between may jump out
/// (`pthread_mutex_unlock(m); cleanupAndQuit(-8);` on an error path).
/// \p Enclosing are the statements around \p Call, outermost first.
bool onPathThatNeverReturns(const CallExpr *Call,
                            llvm::ArrayRef<const Stmt *> Enclosing) {
  const Stmt *Child = Call;
  for (const Stmt *P : llvm::reverse(Enclosing)) {
    if (P == Call)
      continue;
    if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
      bool After = false;
      for (const Stmt *S : CS->body()) {
        if (S == Child) {
          After = true;
          if (mayJumpOut(S))
            return false;
          continue;
        }
        if (!After)
          continue;
        if (const auto *Next = dyn_cast<CallExpr>(S);
            Next && neverReturns(Next->getDirectCallee(), 0))
          return true;
        if (mayJumpOut(S))
          return false;
      }
      return false;
    }
    // Within an expression or a declaration (`int ret = lock(m);`);
    // an if or a loop ends the list the rest of the path is in.
    if (!isa<Expr, DeclStmt>(P))
      return false;
    Child = P;
  }
  return false;
}

} // namespace

/// What one walk of a body finds, whatever depth the inference is asked
/// for: the lock operations it performs itself, and the calls whose effect
/// it takes on (members of its class called on *this, free lock wrappers),
/// each with the parameter of ours every argument names.
struct LockInference::Facts {
  InferredLocking Own;
  struct Call {
    const FunctionDecl *Callee;
    /// A member called on *this (its LocksSelf/UnlocksSelf are ours; of its
    /// parameters, only the locked ones); else a free wrapper.
    bool Member;
    llvm::SmallVector<std::optional<unsigned>, 4> ArgParams;
  };
  std::vector<Call> Calls;
};

LockInference::LockInference() = default;
LockInference::~LockInference() = default;

namespace {

/// The walk behind LockInference::Facts.
struct LockFactFinder : RecursiveASTVisitor<LockFactFinder> {
  using Facts = LockInference::Facts;
  const FunctionDecl *Def;
  Facts &R;
  /// Fields initialized from parameters (guards keep a pointer or reference
  /// to the mutex they lock).
  llvm::DenseMap<const FieldDecl *, unsigned> FieldFromParam;
  /// The statements around the one visited, outermost first.
  std::vector<const Stmt *> Stack;

  LockFactFinder(const FunctionDecl *Def, Facts &R) : Def(Def), R(R) {}

  std::optional<unsigned> paramOf(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref))
      E = UO->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
          P && P->getDeclContext() == Def)
        return P->getFunctionScopeIndex();
    return std::nullopt;
  }

  void walk() {
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def)) {
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getMember() && Init->getInit())
          if (auto P = paramOf(stripWrappers(Init->getInit())))
            FieldFromParam[Init->getMember()] = *P;
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getInit())
          TraverseStmt(Init->getInit());
    }
    TraverseStmt(Def->getBody());
  }

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
    if (!S)
      return true;
    Stack.push_back(S);
    bool Result = RecursiveASTVisitor::TraverseStmt(S);
    Stack.pop_back();
    return Result;
  }
  /// The parameter or field an object expression names.
  void target(const Expr *Obj, bool Lock) {
    InferredLocking &Own = R.Own;
    if (!Obj) {
      (Lock ? Own.LocksSelf : Own.UnlocksSelf) = true;
      return;
    }
    if (auto P = paramOf(Obj)) {
      (Lock ? Own.LockedParams : Own.UnlockedParams).push_back(*P);
      return;
    }
    const Expr *E = Obj->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      E = UO->getSubExpr()->IgnoreParenImpCasts();
    // A global mutex: the same mutex in every caller.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
          VD && VD->hasGlobalStorage() && !VD->isStaticLocal()) {
        (Lock ? Own.LockedGlobals : Own.UnlockedGlobals).push_back(VD);
        return;
      }
    if (isa<CXXThisExpr>(E)) {
      (Lock ? Own.LocksSelf : Own.UnlocksSelf) = true;
      return;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
          F && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())) {
        auto It = FieldFromParam.find(F);
        if (It != FieldFromParam.end() && Lock)
          Own.LockedParams.push_back(It->second);
        else
          (Lock ? Own.LocksSelf : Own.UnlocksSelf) = true;
      }
  }
  /// A call whose inferred effect is ours, with our arguments.
  void takeOn(const FunctionDecl *Callee, const CallExpr *Call, bool Member) {
    Facts::Call C{Callee, Member, {}};
    for (const Expr *Arg : Call->arguments())
      C.ArgParams.push_back(paramOf(Arg));
    R.Calls.push_back(std::move(C));
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    // field = &param; (a guard remembering its mutex)
    if (BO->getOpcode() == BO_Assign)
      if (const auto *ME =
              dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
          if (auto P = paramOf(BO->getRHS()))
            FieldFromParam[F] = *P;
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (!M || !M->getIdentifier())
      return true;
    const Expr *Obj = MC->getImplicitObjectArgument();
    bool ImplicitThis =
        Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) &&
        cast<CXXThisExpr>(Obj->IgnoreParenImpCasts())->isImplicit();
    if (isLockName(M->getName()) && !ImplicitThis) {
      target(Obj, true);
      return true;
    }
    if (isUnlockName(M->getName()) && !ImplicitThis) {
      target(Obj, false);
      return true;
    }
    // A member of this class named like a lock operation (a guard's
    // acquire()/release()): judge it by its name, whether it is defined
    // out of line (a library's guard) or inline as the lock algorithm
    // itself (an MCS queue of atomics has no lock() call to find).
    if (Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) &&
        (isLockName(M->getName()) || isUnlockName(M->getName()) ||
         !(M->getDefinition() && M->getDefinition()->getBody()))) {
      if (isLockName(M->getName())) {
        bool AnyParam = false;
        for (const Expr *Arg : MC->arguments())
          if (auto P = paramOf(Arg)) {
            R.Own.LockedParams.push_back(*P);
            AnyParam = true;
          }
        if (!AnyParam)
          R.Own.LocksSelf = true;
      } else if (isUnlockName(M->getName())) {
        R.Own.UnlocksSelf = true;
      }
      return true;
    }
    // Another member of this class: what it does, with our arguments.
    if (Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
      takeOn(M, MC, /*Member=*/true);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (isa<CXXMemberCallExpr>(Call))
      return true;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier() || Call->getNumArgs() == 0)
      return true;
    llvm::StringRef N = Callee->getName();
    // A lock operation on an error path that ends the program is not
    // what the function does to its caller's locks.
    if (onPathThatNeverReturns(Call, Stack))
      return true;
    if (N == "pthread_mutex_lock" || N == "pthread_spin_lock" ||
        N == "mtx_lock")
      target(Call->getArg(0), true);
    else if (N == "pthread_mutex_unlock" || N == "pthread_spin_unlock" ||
             N == "mtx_unlock")
      target(Call->getArg(0), false);
    // A free function wrapping the lock calls (safe_mutex_lock(m) calling
    // pthread_mutex_lock(m)).
    else if (!isa<CXXMethodDecl>(Callee) &&
             !Callee->getDeclContext()->getRedeclContext()->isStdNamespace())
      takeOn(Callee, Call, /*Member=*/false);
    return true;
  }
};

} // namespace

const LockInference::Facts &LockInference::factsOf(const FunctionDecl *Def) {
  if (auto It = Walked.find(Def); It != Walked.end())
    return *It->second;
  auto R = std::make_unique<Facts>();
  // What a function that never returns locks does not reach its caller.
  if (!neverReturns(Def, 0))
    LockFactFinder(Def, *R).walk();
  return *(Walked[Def] = std::move(R));
}

// No cycle: each level asks one level deeper, and stops past depth 2.
const InferredLocking &LockInference::inferred(const FunctionDecl *FD,
                                               unsigned Depth) {
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || Depth > 2)
    return None;
  auto Key = std::make_pair(Def, Depth);
  if (auto It = Composed.find(Key); It != Composed.end())
    return *It->second;
  const Facts &F = factsOf(Def);
  auto R = std::make_unique<InferredLocking>(F.Own);
  auto Map = [](llvm::ArrayRef<unsigned> Inner, const Facts::Call &C,
                llvm::SmallVectorImpl<unsigned> &Out) {
    for (unsigned P : Inner)
      if (P < C.ArgParams.size() && C.ArgParams[P])
        Out.push_back(*C.ArgParams[P]);
  };
  for (const Facts::Call &C : F.Calls) {
    const InferredLocking &Inner = inferred(C.Callee, Depth + 1);
    Map(Inner.LockedParams, C, R->LockedParams);
    if (C.Member) {
      R->LocksSelf |= Inner.LocksSelf;
      R->UnlocksSelf |= Inner.UnlocksSelf;
      continue;
    }
    Map(Inner.UnlockedParams, C, R->UnlockedParams);
    R->LockedGlobals.append(Inner.LockedGlobals);
    R->UnlockedGlobals.append(Inner.UnlockedGlobals);
  }
  return *(Composed[Key] = std::move(R));
}

const InferredLocking &Session::inferredLocking(const FunctionDecl *FD,
                                                unsigned Depth) {
  if (!Locking)
    Locking = std::make_unique<LockInference>();
  return Locking->inferred(FD, Depth);
}

Lockset locksHeldByEveryCaller(Session &S, const FunctionDecl *FD,
                               unsigned Depth) {
  if (Depth > 2 || !S.allCallersVisible(FD))
    return {};
  std::optional<Lockset> Common;
  for (const Session::CallSite &Site : S.callSitesOf(FD)) {
    const auto *Locks = S.locksAtCalls(Site.Caller, Depth + 1);
    Lockset Mapped;
    auto It = Locks ? Locks->find(Site.Call) : decltype(Locks->end()){};
    if (Locks && It != Locks->end()) {
      llvm::ArrayRef<const Expr *> Args = argsOf(Site.Call);
      unsigned Offset =
          isa<CXXOperatorCallExpr>(Site.Call) && isa<CXXMethodDecl>(FD) ? 1 : 0;
      for (const Lock &L : It->second) {
        if (L.Unknown || L.Counter)
          continue;
        // A global mutex is the same mutex here.
        if (L.Mutex.Root && !L.Mutex.IsThis)
          if (const auto *VD = dyn_cast<VarDecl>(L.Mutex.Root);
              VD && !VD->hasLocalStorage()) {
            Mapped.push_back(L);
            continue;
          }
        for (unsigned I = 0; I < FD->getNumParams() && I + Offset < Args.size();
             ++I) {
          const ParmVarDecl *P = FD->getParamDecl(I);
          bool Pointer = P->getType()->isPointerType();
          if (!Pointer && !P->getType()->isReferenceType())
            continue;
          std::optional<MemLoc> Arg =
              resolveLocation(S, Site.Caller, Args[I + Offset], Pointer);
          if (!Arg || !Arg->sameRoot(L.Mutex) ||
              Arg->Path.size() > L.Mutex.Path.size() ||
              !std::equal(Arg->Path.begin(), Arg->Path.end(),
                          L.Mutex.Path.begin()))
            continue;
          Lock Here = L;
          Here.Mutex = MemLoc();
          Here.Mutex.Root = P;
          Here.Mutex.Deref = Pointer;
          Here.Mutex.Path.append(L.Mutex.Path.begin() + Arg->Path.size(),
                                 L.Mutex.Path.end());
          Here.Acquired = L.Acquired;
          Mapped.push_back(Here);
          break;
        }
      }
    }
    if (!Common) {
      Common = Mapped;
    } else {
      Lockset Kept;
      for (const Lock &L : *Common)
        for (const Lock &M : Mapped)
          if (L.Mutex == M.Mutex) {
            Kept.push_back(L);
            break;
          }
      Common = std::move(Kept);
    }
    if (Common->empty())
      return {};
  }
  return Common ? *Common : Lockset();
}

// In-flight counters: a protocol through a counter under a lock. A thread
// counts itself in (`++in_flight` under m), releases m, uses the shared
// state, and counts itself out under m; another thread, under m, touches the
// state only where it saw the counter zero. Both critical sections are
// ordered by m, so the second either ran before the count-in (and
// happens-before the use) or after the count-out (and the use
// happens-before it); while the first thread is counted in, the counter is
// not zero. That holds only if nothing else changes the counter: every
// change of it is ++/--/+= 1/-= 1, every function that counts out also
// counts in, and the counter's own accesses are checked like any others (a
// counter changed without the lock is reported itself). The counted-in
// stretch holds the counter like a shared lock, the zero branch like an
// exclusive one; they exclude each other and nothing else.

Lockset mutexesOnly(const Lockset &Held) {
  Lockset Out;
  for (const Lock &L : Held)
    if (!L.Counter)
      Out.push_back(L);
  return Out;
}

/// A real lock (not an in-flight counter) is held.
static bool holdsMutex(const Lockset &Held) {
  return llvm::any_of(Held, [](const Lock &L) { return !L.Counter; });
}

/// The field of this object \p E names (`in_flight`, `this->in_flight`).
static const FieldDecl *thisField(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
  return F && F->getType()->isIntegerType() && !F->getType()->isBooleanType()
             ? F
             : nullptr;
}

/// +1 for `++c`, `c++`, `c += 1`; -1 for the decrements; 0 for any other
/// write of \p F (and for what is not a write of it); nullopt for a
/// statement that does not write \p F.
static std::optional<int> counterStep(const Stmt *St, const FieldDecl *F,
                                      ASTContext &Ctx) {
  if (const auto *UO = dyn_cast<UnaryOperator>(St)) {
    if (thisField(UO->getSubExpr()) != F)
      return std::nullopt;
    if (UO->isIncrementOp())
      return 1;
    if (UO->isDecrementOp())
      return -1;
    return UO->getOpcode() == UO_AddrOf ? std::optional<int>(0) : std::nullopt;
  }
  if (const auto *CA = dyn_cast<CompoundAssignOperator>(St)) {
    if (thisField(CA->getLHS()) != F)
      return std::nullopt;
    bool One = integerConstant(CA->getRHS(), Ctx) == 1;
    if (One && CA->getOpcode() == BO_AddAssign)
      return 1;
    if (One && CA->getOpcode() == BO_SubAssign)
      return -1;
    return 0;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(St);
      BO && BO->getOpcode() == BO_Assign && thisField(BO->getLHS()) == F)
    return 0;
  return std::nullopt;
}

bool InFlightCounters::disciplined(const FieldDecl *F) {
  auto [It, New] = Disciplined.try_emplace(F, false);
  if (!New)
    return It->second;
  const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent());
  if (!RD || F->isMutable())
    return false;
  struct Steps : RecursiveASTVisitor<Steps> {
    const FieldDecl *F;
    ASTContext &Ctx;
    bool Inc = false, Dec = false, Other = false;
    Steps(const FieldDecl *F, ASTContext &Ctx) : F(F), Ctx(Ctx) {}
    bool VisitStmt(Stmt *St) {
      if (std::optional<int> Step = counterStep(St, F, Ctx)) {
        Inc |= *Step > 0;
        Dec |= *Step < 0;
        Other |= *Step == 0;
      }
      return !Other;
    }
  };
  bool Counts = false;
  for (const CXXMethodDecl *Decl : RD->methods()) {
    if (isa<CXXConstructorDecl>(Decl) || isa<CXXDestructorDecl>(Decl))
      continue;
    const FunctionDecl *M = Decl->getDefinition();
    if (!M || !M->getBody())
      continue;
    if (M->isDependentContext())
      return false; // a template: its instantiations are not all visible
    Steps V(F, S.astContext());
    V.TraverseStmt(const_cast<Stmt *>(M->getBody()));
    if (V.Other || (V.Dec && !V.Inc))
      return false;
    Counts |= V.Inc && V.Dec;
  }
  Disciplined[F] = Counts;
  return Counts;
}

std::optional<MemLoc> InFlightCounters::counterOf(const Expr *E) {
  const FieldDecl *F = thisField(E);
  if (!F || !disciplined(F))
    return std::nullopt;
  return Locs.locOf(E->IgnoreParenImpCasts());
}

void InFlightCounters::step(const Stmt *St, Lockset &Held) {
  if (!isa<UnaryOperator, CompoundAssignOperator>(St) || !holdsMutex(Held))
    return;
  const Expr *Operand = nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(St))
    Operand = UO->getSubExpr();
  else
    Operand = cast<CompoundAssignOperator>(St)->getLHS();
  const FieldDecl *F = thisField(Operand);
  std::optional<int> Step =
      F ? counterStep(St, F, S.astContext()) : std::nullopt;
  if (!Step || *Step == 0)
    return;
  std::optional<MemLoc> C = counterOf(Operand);
  if (!C)
    return;
  Held.erase(std::remove_if(Held.begin(), Held.end(),
                            [&](const Lock &L) {
                              return L.Counter && L.Mutex == *C;
                            }),
             Held.end());
  if (*Step > 0) {
    Lock L = lockOn(C, /*Shared=*/true, St->getBeginLoc());
    L.Counter = true;
    Held.push_back(L);
  }
}

void InFlightCounters::zero(const Expr *Cond, bool Value, Lockset &Held) {
  if (!Cond || !holdsMutex(Held))
    return;
  Cond = Cond->IgnoreParenImpCasts();
  const Expr *Counter = nullptr;
  bool Zero = false;
  auto IsZero = [&](const Expr *E) {
    return integerConstant(E, S.astContext()) == 0;
  };
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot) {
    return zero(UO->getSubExpr(), !Value, Held);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if ((BO->getOpcode() == BO_LAnd && Value) ||
        (BO->getOpcode() == BO_LOr && !Value)) {
      zero(BO->getLHS(), Value, Held);
      zero(BO->getRHS(), Value, Held);
      return;
    }
    // c == 0, c <= 0 true; c != 0, c > 0 false; and 0 on the left.
    const Expr *L = BO->getLHS(), *R = BO->getRHS();
    BinaryOperatorKind Op = BO->getOpcode();
    if (IsZero(L) && BO->isComparisonOp()) {
      std::swap(L, R);
      Op = BinaryOperator::reverseComparisonOp(Op);
    }
    if (!IsZero(R))
      return;
    Counter = L;
    Zero = ((Op == BO_EQ || Op == BO_LE) && Value) ||
           ((Op == BO_NE || Op == BO_GT) && !Value);
  } else {
    Counter = Cond; // if (c): false when zero
    Zero = !Value;
  }
  if (!Zero)
    return;
  std::optional<MemLoc> C = counterOf(Counter);
  if (!C || llvm::any_of(Held, [&](const Lock &L) {
        return L.Counter && L.Mutex == *C;
      }))
    return;
  Lock L = lockOn(C, /*Shared=*/false, Cond->getBeginLoc());
  L.Counter = true;
  Held.push_back(L);
}

} // namespace fearless
