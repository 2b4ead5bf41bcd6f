//===- Accesses.cpp - Memory accesses and the locks held at them ----------===//
//
// Builds a FunctionSummary: a lockset dataflow over the function's CFG (a
// forward must-analysis: a lock counts only if held on every path), then a
// replay that records every access to shareable memory with the locks held,
// expanding calls of functions defined in the translation unit through their
// own summaries.
//
//===----------------------------------------------------------------------===//

#include "fearless/Accesses.h"
#include "fearless/ASTUtil.h"
#include "fearless/Access.h"
#include "fearless/Dataflow.h"
#include "fearless/FunctionAnalysis.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/TimeProfiler.h"
#include <functional>

using namespace clang;

namespace fearless {

namespace {

constexpr llvm::StringRef ConstForRaces[] = {
#define FEARLESS_CONST_FOR_RACES(Method) Method,
#include "fearless/Models/Races.def"
};

struct GuardEntry {
  llvm::StringRef Name;
  bool Shared;
};
constexpr GuardEntry GuardClasses[] = {
#define FEARLESS_GUARD_CLASS(Name, Shared) {Name, Shared},
#include "fearless/Models/Races.def"
};

enum class LockEffect { Lock, LockShared, Unlock };
struct MutexMethodEntry {
  llvm::StringRef Name;
  LockEffect Effect;
};
constexpr MutexMethodEntry MutexMethods[] = {
#define FEARLESS_MUTEX_METHOD(Name, Effect) {Name, LockEffect::Effect},
#include "fearless/Models/Races.def"
};
enum class SignalEffect { Release, Acquire, ReleaseAcquire };
struct SyncSignalEntry {
  llvm::StringRef Class;
  llvm::StringRef Method;
  SignalEffect Effect;
};
constexpr SyncSignalEntry SyncSignals[] = {
#define FEARLESS_SYNC_SIGNAL(Class, Method, Effect)                            \
  {Class, Method, SignalEffect::Effect},
#include "fearless/Models/Races.def"
};

struct SyncSignalFunctionEntry {
  llvm::StringRef Name;
  SignalEffect Effect;
};
constexpr SyncSignalFunctionEntry SyncSignalFunctions[] = {
#define FEARLESS_SYNC_SIGNAL_FUNCTION(Name, Effect)                            \
  {Name, SignalEffect::Effect},
#include "fearless/Models/Races.def"
};

/// How calling \p FD on the object its first argument points to orders
/// memory (sem_post, sem_wait, pthread_barrier_wait), if it does.
std::optional<SignalEffect> syncSignalFunction(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier() || FD->getNumParams() == 0)
    return std::nullopt;
  for (const SyncSignalFunctionEntry &E : SyncSignalFunctions)
    if (FD->getName() == E.Name)
      return E.Effect;
  return std::nullopt;
}

/// How calling \p M on a synchronization object orders memory, if it does.
std::optional<SignalEffect> syncSignal(const CXXMethodDecl *M) {
  if (!M || !M->getIdentifier())
    return std::nullopt;
  for (const SyncSignalEntry &E : SyncSignals)
    if (M->getName() == E.Method && isStdDecl(M->getParent(), E.Class))
      return E.Effect;
  return std::nullopt;
}

constexpr MutexMethodEntry LockFunctions[] = {
#define FEARLESS_LOCK_FUNCTION(Name, Effect) {Name, LockEffect::Effect},
#include "fearless/Models/Races.def"
};

bool isAtomicType(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isAtomicType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && (isStdDecl(RD, "atomic") || isStdDecl(RD, "atomic_flag") ||
                isStdDecl(RD, "atomic_ref") || isStdDecl(RD, "__atomic_base") ||
                isStdDecl(RD, "__atomic_float"));
}

/// Types whose accesses are synchronization, not data: mutexes, condition
/// variables, once flags, semaphores, threads, futures.
bool isSyncType(QualType T, TraitOracle &Traits) {
  T = T.getNonReferenceType();
  if (isAtomicType(T))
    return false;
  if (Traits.isInternallySynchronized(T))
    return true;
  const CXXRecordDecl *RD = classOf(T);
  return RD && (isStdDecl(RD, "thread") || isStdDecl(RD, "jthread") ||
                isStdDecl(RD, "future") || isStdDecl(RD, "shared_future") ||
                isStdDecl(RD, "promise"));
}

bool isStdLibraryRecord(const CXXRecordDecl *RD) {
  return RD && RD->getDeclContext()->getRedeclContext()->isStdNamespace();
}

bool isAssociative(const CXXRecordDecl *RD) {
  return RD &&
         (isStdDecl(RD, "map") || isStdDecl(RD, "unordered_map") ||
          isStdDecl(RD, "multimap") || isStdDecl(RD, "unordered_multimap"));
}

bool constForRaces(const CXXMethodDecl *M) {
  if (M->getOverloadedOperator() == OO_Subscript)
    return !isAssociative(M->getParent());
  const IdentifierInfo *II = M->getIdentifier();
  if (!II)
    return false;
  for (llvm::StringRef N : ConstForRaces)
    if (II->getName() == N)
      return true;
  return false;
}

const GuardEntry *guardClass(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return nullptr;
  for (const GuardEntry &G : GuardClasses)
    if (hasQualifiedName(RD, G.Name))
      return &G;
  return nullptr;
}

bool isAnnotatedSynchronized(const Decl *D) {
  return D && (hasAnnotation(D, "fearless::assume_synchronized") ||
               D->hasAttr<GuardedByAttr>() || D->hasAttr<PtGuardedByAttr>());
}

std::string pathText(const MemLoc &L) {
  std::string S;
  for (const PathStep &P : L.Path) {
    if (P.Field) {
      S += ".";
      S += P.Field->getName();
    } else if (P.Index == PathStep::Constant) {
      S += "[" + std::to_string(P.Value) + "]";
    } else if (P.Index == PathStep::SharedVar && P.Var) {
      S += "[" + P.Var->getName().str() + "]";
    } else {
      S += "[...]";
    }
  }
  return S;
}

} // namespace

std::string MemLoc::describe() const {
  std::string Base;
  std::string Path = pathText(*this);
  if (IsThis) {
    // this->a.b: drop the leading dot.
    if (!Path.empty() && Path[0] == '.')
      return "'" + Path.substr(1) + "'";
    return "'*this" + Path + "'";
  }
  Base = Root ? Root->getName().str() : std::string("?");
  if (Deref) {
    if (!Path.empty() && Path[0] == '.')
      return "'" + Base + "->" + Path.substr(1) + "'";
    if (!Path.empty())
      return "'" + Base + Path + "'";
    return "'*" + Base + "'";
  }
  return "'" + Base + Path + "'";
}

static bool stepsMayAlias(const PathStep &A, const PathStep &B) {
  if (A.Field || B.Field)
    return A.Field == B.Field;
  // Two elements: the same only when provably the same slot.
  if (A.Index == PathStep::Constant && B.Index == PathStep::Constant)
    return A.Value == B.Value;
  if (A.Index == PathStep::SharedVar && B.Index == PathStep::SharedVar)
    return A.Var == B.Var;
  return false;
}

bool mayOverlap(const Access &A, const Access &B) {
  if (!A.Loc.sameRoot(B.Loc))
    return false;
  size_t N = std::min(A.Loc.Path.size(), B.Loc.Path.size());
  for (size_t I = 0; I < N; ++I)
    if (!stepsMayAlias(A.Loc.Path[I], B.Loc.Path[I]))
      return false;
  if (A.Loc.Path.size() == B.Loc.Path.size())
    return true;
  // One is an enclosing object of the other: a shallow read of a container
  // (its size, an element accessor) does not read the elements.
  const Access &Outer = A.Loc.Path.size() < B.Loc.Path.size() ? A : B;
  const Access &Inner = &Outer == &A ? B : A;
  if (Outer.Shallow && !Outer.Write)
    return !Inner.Loc.Path[Outer.Loc.Path.size()].Field ? false : true;
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
      if (LA.Mutex == LB.Mutex && !(LA.Shared && LB.Shared))
        return true;
  return false;
}

//===----------------------------------------------------------------------===//
// The summarizer.
//===----------------------------------------------------------------------===//

namespace {
using Lockset = std::vector<Lock>;

bool sameLockset(const Lockset &A, const Lockset &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (!(A[I].Mutex == B[I].Mutex) || A[I].Shared != B[I].Shared ||
        A[I].Unknown != B[I].Unknown)
      return false;
  return true;
}
} // namespace

namespace {

bool isLockName(llvm::StringRef N) {
  return N == "lock" || N == "lock_shared" || N == "Lock" ||
         N == "ReaderLock" || N == "WriterLock" || N == "acquire" ||
         N == "Acquire";
}
bool isUnlockName(llvm::StringRef N) {
  return N == "unlock" || N == "unlock_shared" || N == "Unlock" ||
         N == "ReaderUnlock" || N == "WriterUnlock" || N == "release" ||
         N == "Release";
}

/// Calls whose callables and bodies synchronize in ways fearless does not
/// model (barrier completions, once-only initializers, waits): their
/// accesses are not attributed to the caller.
bool isOpaqueSync(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return false;
  llvm::StringRef N = FD->getName();
  return N == "wait" || N == "wait_for" || N == "wait_until" ||
         N == "arrive_and_wait" || N == "call_once" || N == "Wait" ||
         N == "Await";
}

/// What a function does to locks, inferred from its body: the user-defined
/// mutexes and guards of real code (a spin lock with lock()/unlock(), an
/// RAII scoped_lock, a guard with acquire()/release()) that carry no
/// thread-safety attributes.
struct InferredLocking {
  llvm::SmallVector<unsigned, 1> LockedParams;
  bool LocksSelf = false;
  bool UnlocksSelf = false;
};

InferredLocking inferLocking(const FunctionDecl *FD, unsigned Depth) {
  InferredLocking Result;
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || Depth > 2)
    return Result;
  // Fields initialized from parameters (guards keep a pointer or reference
  // to the mutex they lock).
  llvm::DenseMap<const FieldDecl *, unsigned> FieldFromParam;
  auto ParamOf = [&](const Expr *E) -> std::optional<unsigned> {
    E = E->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref))
      E = UO->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
          P && P->getDeclContext() == Def)
        return P->getFunctionScopeIndex();
    return std::nullopt;
  };
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getMember() && Init->getInit())
        if (auto P = ParamOf(stripWrappers(Init->getInit())))
          FieldFromParam[Init->getMember()] = *P;
  struct Finder : RecursiveASTVisitor<Finder> {
    InferredLocking &R;
    llvm::DenseMap<const FieldDecl *, unsigned> &FieldFromParam;
    std::function<std::optional<unsigned>(const Expr *)> ParamOf;
    unsigned Depth;
    Finder(InferredLocking &R, llvm::DenseMap<const FieldDecl *, unsigned> &F,
           std::function<std::optional<unsigned>(const Expr *)> P,
           unsigned Depth)
        : R(R), FieldFromParam(F), ParamOf(std::move(P)), Depth(Depth) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    /// The parameter or field an object expression names.
    void target(const Expr *Obj, bool Lock) {
      if (!Obj) {
        (Lock ? R.LocksSelf : R.UnlocksSelf) = true;
        return;
      }
      if (auto P = ParamOf(Obj)) {
        if (Lock)
          R.LockedParams.push_back(*P);
        return;
      }
      const Expr *E = Obj->IgnoreParenImpCasts();
      if (const auto *UO = dyn_cast<UnaryOperator>(E))
        E = UO->getSubExpr()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(E)) {
        (Lock ? R.LocksSelf : R.UnlocksSelf) = true;
        return;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(E))
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
            F && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())) {
          auto It = FieldFromParam.find(F);
          if (It != FieldFromParam.end() && Lock)
            R.LockedParams.push_back(It->second);
          else
            (Lock ? R.LocksSelf : R.UnlocksSelf) = true;
        }
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      // field = &param; (a guard remembering its mutex)
      if (BO->getOpcode() == BO_Assign)
        if (const auto *ME =
                dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts()))
          if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
            if (auto P = ParamOf(BO->getRHS()))
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
            if (auto P = ParamOf(Arg)) {
              R.LockedParams.push_back(*P);
              AnyParam = true;
            }
          if (!AnyParam)
            R.LocksSelf = true;
        } else if (isUnlockName(M->getName())) {
          R.UnlocksSelf = true;
        }
        return true;
      }
      // Another member of this class: what it does, with our arguments.
      if (Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts())) {
        InferredLocking Inner = inferLocking(M, Depth + 1);
        for (unsigned P : Inner.LockedParams)
          if (P < MC->getNumArgs())
            if (auto Mine = ParamOf(MC->getArg(P)))
              R.LockedParams.push_back(*Mine);
        R.LocksSelf |= Inner.LocksSelf;
        R.UnlocksSelf |= Inner.UnlocksSelf;
      }
      return true;
    }
    bool VisitCallExpr(CallExpr *Call) {
      if (isa<CXXMemberCallExpr>(Call))
        return true;
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || !Callee->getIdentifier() || Call->getNumArgs() == 0)
        return true;
      llvm::StringRef N = Callee->getName();
      if (N == "pthread_mutex_lock" || N == "pthread_spin_lock" ||
          N == "mtx_lock")
        target(Call->getArg(0), true);
      else if (N == "pthread_mutex_unlock" || N == "pthread_spin_unlock" ||
               N == "mtx_unlock")
        target(Call->getArg(0), false);
      return true;
    }
  };
  Finder F(Result, FieldFromParam, ParamOf, Depth);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        F.TraverseStmt(Init->getInit());
  F.TraverseStmt(Def->getBody());
  return Result;
}

} // namespace

class Summarizer {
public:
  Summarizer(Session &S, const FunctionDecl *FD, bool LocalsShared,
             unsigned Depth, bool LocksOnly = false)
      : S(S), FD(FD), FA(S.functionAnalysis(FD)), LocalsShared(LocalsShared),
        Depth(Depth), LocksOnly(LocksOnly) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
        MD && MD->getParent()->isLambda())
      Lambda = MD->getParent();
  }

  FunctionSummary run();

  /// The locks held at each call the function makes (lock-only pass).
  llvm::DenseMap<const Expr *, std::vector<Lock>> locksAtCalls();

  /// Names the location of (or pointed to by) \p E in this function's terms.
  std::optional<MemLoc> resolve(const Expr *E, bool Deref) {
    return Deref ? derefLoc(E) : locOf(E);
  }

  // Dataflow interface (locksets).
  Lockset entry() const { return EntryLocks; }
  void join(Lockset &Into, const Lockset &From) const {
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
  bool equal(const Lockset &A, const Lockset &B) const {
    return sameLockset(A, B);
  }
  void transferBlock(const CFGBlock &B, Lockset &L) {
    for (const CFGElement &E : B)
      transferElement(E, L, /*Record=*/false);
  }
  void transferEdge(const CFGBlock &, unsigned, Lockset &) const {}

private:
  void transferElement(const CFGElement &E, Lockset &Held, bool Record);
  void lockEffects(const Stmt *St, Lockset &Held);
  void acquire(Lockset &Held, std::optional<MemLoc> M, bool Shared,
               SourceLocation At);
  void release(Lockset &Held, const std::optional<MemLoc> &M);
  /// The object an expression names: the pointee of a pointer, else the
  /// expression's own location (a mutex argument, a call's object).
  std::optional<MemLoc> objectOf(const Expr *E) {
    return E->getType()->isPointerType() ? derefLoc(E) : locOf(E);
  }
  /// Local guard \p Guard locks the mutex \p Arg names, at \p At.
  void guardLocks(Lockset &Held, const VarDecl *Guard, const Expr *Arg,
                  SourceLocation At);
  /// Releases every lock \p Taken by a guard.
  void releaseAll(Lockset &Held, const Lockset &Taken);
  void recordAccesses(const Stmt *St, const Lockset &Held);
  void classifyOccurrence(const Expr *L, const Lockset &Held,
                          const Stmt *Point);
  void expandCall(const Expr *Call, const FunctionDecl *Callee,
                  const Expr *Object, const Lockset &Held, const Stmt *Point);
  void expandLambda(const LambdaExpr *LE, const Lockset &Held,
                    const Stmt *Point, SourceLocation Site);
  /// \p Synchronizing: an atomic access that orders memory (not relaxed).
  void record(MemLoc Loc, bool Write, bool Atomic, bool Shallow, const Expr *At,
              const Lockset &Held, const Stmt *Point,
              bool Synchronizing = false);
  /// A signal (release write) and/or wait (acquire read) on a
  /// synchronization object.
  void recordSignal(const MemLoc &Obj, SignalEffect Effect, const Expr *At,
                    const Lockset &Held, const Stmt *Point);

  std::optional<MemLoc> locOf(const Expr *E, unsigned Steps = 0);
  std::optional<MemLoc> derefLoc(const Expr *E, unsigned Steps = 0);
  PathStep elementStep(const Expr *Index);
  /// A variable the function sees but does not own privately.
  bool isSharedRoot(const ValueDecl *V) const;
  bool capturedByCopy(const ValueDecl *V) const;
  bool capturesThisByCopy() const;
  bool hasUsableBody(const FunctionDecl *Callee) const;

  Session &S;
  const FunctionDecl *FD;
  FunctionAnalysis &FA;
  bool LocalsShared;
  unsigned Depth;
  bool LocksOnly;
  llvm::DenseMap<const Expr *, std::vector<Lock>> CallLocks;
  const CXXRecordDecl *Lambda = nullptr;
  void entryLocksFromCallers();
  /// Solves the locksets and replays the body, recording.
  bool replay();
  Lockset EntryLocks;
  llvm::DenseMap<const VarDecl *, Lockset> Guards;
  FunctionSummary Out;
  static constexpr size_t MaxAccesses = 4000;
};

bool Summarizer::capturedByCopy(const ValueDecl *V) const {
  if (!Lambda)
    return false;
  for (const LambdaCapture &C : Lambda->captures())
    if (C.capturesVariable() && C.getCapturedVar() == V)
      return C.getCaptureKind() == LCK_ByCopy;
  return false;
}

bool Summarizer::capturesThisByCopy() const {
  if (!Lambda)
    return false;
  for (const LambdaCapture &C : Lambda->captures())
    if (C.capturesThis())
      return C.getCaptureKind() == LCK_StarThis;
  return false;
}

bool Summarizer::isSharedRoot(const ValueDecl *V) const {
  V = bindingOwner(V);
  const auto *VD = dyn_cast<VarDecl>(V);
  if (!VD)
    return false;
  if (VD->getTLSKind() != VarDecl::TLS_None)
    return false; // per thread
  if (!VD->hasLocalStorage()) {
    // Globals of the library (std::cout, errno) synchronize themselves.
    const SourceManager &SM = S.astContext().getSourceManager();
    if (SM.isInSystemHeader(SM.getExpansionLoc(VD->getLocation())))
      return false;
    return !(VD->getType().isConstQualified() &&
             !VD->getType()->isReferenceType());
  }
  if (isa<ParmVarDecl>(VD) && VD->getDeclContext() == FD)
    return true; // bound by the caller
  if (VD->getDeclContext() != FD)
    return !capturedByCopy(VD); // a variable of an enclosing function
  return LocalsShared;
}

bool Summarizer::hasUsableBody(const FunctionDecl *Callee) const {
  if (!Callee)
    return false;
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def || !Def->getBody() || Def->isDependentContext())
    return false;
  const SourceManager &SM = S.astContext().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
    return false;
  return true;
}

PathStep Summarizer::elementStep(const Expr *Index) {
  PathStep Step;
  Step.Field = nullptr;
  Index = Index->IgnoreParenImpCasts();
  Expr::EvalResult R;
  if (!Index->isValueDependent() && Index->EvaluateAsInt(R, S.astContext())) {
    Step.Index = PathStep::Constant;
    Step.Value = R.Val.getInt().getExtValue();
    return Step;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Index))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (isSharedRoot(VD) && !isa<ParmVarDecl>(VD)) {
        Step.Index = PathStep::SharedVar;
        Step.Var = VD;
        return Step;
      }
  Step.Index = PathStep::Other;
  return Step;
}

std::optional<MemLoc> Summarizer::derefLoc(const Expr *E, unsigned Steps) {
  if (Steps > 8)
    return std::nullopt;
  E = E->IgnoreParens();
  while (const auto *Cast = dyn_cast<CastExpr>(E)) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return locOf(Cast->getSubExpr(), Steps + 1);
    E = Cast->getSubExpr()->IgnoreParens();
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return locOf(UO->getSubExpr(), Steps + 1);
  if (isa<CXXThisExpr>(E)) {
    if (capturesThisByCopy())
      return std::nullopt;
    MemLoc L;
    L.IsThis = true;
    return L;
  }
  // A smart pointer's operator-> / get().
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      OC && OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1)
    return derefLoc(OC->getArg(0), Steps + 1);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *M = MC->getMethodDecl();
        M && M->getIdentifier() && M->getName() == "get" &&
        isStdLibraryRecord(M->getParent()))
      return derefLoc(MC->getImplicitObjectArgument(), Steps + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return std::nullopt;
    // A local pointer initialized once: what it was initialized with.
    if (VD->hasLocalStorage() && VD->getDeclContext() == FD &&
        !isa<ParmVarDecl>(VD) && VD->getInit() &&
        !VD->getType()->isReferenceType()) {
      const Expr *Init = stripWrappers(VD->getInit());
      if (const auto *CE = dyn_cast<CXXConstructExpr>(Init);
          CE && CE->getNumArgs() == 1)
        Init = CE->getArg(0);
      if (auto L = derefLoc(Init, Steps + 1))
        return L;
      return std::nullopt;
    }
    if (!isSharedRoot(VD) && !capturedByCopy(VD))
      return std::nullopt;
    MemLoc L;
    L.Root = VD;
    L.Deref = true;
    return L;
  }
  return std::nullopt;
}

std::optional<MemLoc> Summarizer::locOf(const Expr *E, unsigned Steps) {
  if (Steps > 8 || !E)
    return std::nullopt;
  E = E->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
      ICE && (ICE->getCastKind() == CK_NoOp ||
              ICE->getCastKind() == CK_DerivedToBase ||
              ICE->getCastKind() == CK_UncheckedDerivedToBase))
    return locOf(ICE->getSubExpr(), Steps + 1);
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return locOf(MTE->getSubExpr(), Steps + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD) {
      if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
        if (const Expr *Binding = BD->getBinding())
          return locOf(Binding, Steps + 1);
      return std::nullopt;
    }
    // A local reference names what it is bound to.
    if (VD->getType()->isReferenceType() && VD->hasLocalStorage() &&
        !isa<ParmVarDecl>(VD) && VD->getDeclContext() == FD) {
      if (const Expr *Init = VD->getInit())
        return locOf(Init, Steps + 1);
      return std::nullopt;
    }
    if (!isSharedRoot(VD))
      return std::nullopt;
    MemLoc L;
    L.Root = VD;
    return L;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F) {
      // A static data member.
      if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl());
          VD && isSharedRoot(VD)) {
        MemLoc L;
        L.Root = VD;
        return L;
      }
      return std::nullopt;
    }
    std::optional<MemLoc> Base = ME->isArrow()
                                     ? derefLoc(ME->getBase(), Steps + 1)
                                     : locOf(ME->getBase(), Steps + 1);
    if (!Base)
      return std::nullopt;
    // A reference member names something we cannot see.
    if (F->getType()->isReferenceType())
      return std::nullopt;
    PathStep Step;
    Step.Field = F;
    Base->Path.push_back(Step);
    return Base;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *BaseE = ASE->getBase()->IgnoreParens();
    std::optional<MemLoc> Base;
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(BaseE);
        ICE && ICE->getCastKind() == CK_ArrayToPointerDecay)
      Base = locOf(ICE->getSubExpr(), Steps + 1);
    else
      Base = derefLoc(BaseE, Steps + 1);
    if (!Base)
      return std::nullopt;
    Base->Path.push_back(elementStep(ASE->getIdx()));
    return Base;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    return derefLoc(UO->getSubExpr(), Steps + 1);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1)
      return derefLoc(OC->getArg(0), Steps + 1);
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
        isStdLibraryRecord(classOf(OC->getArg(0)->getType()))) {
      std::optional<MemLoc> Base = locOf(OC->getArg(0), Steps + 1);
      if (!Base)
        return std::nullopt;
      Base->Path.push_back(elementStep(OC->getArg(1)));
      return Base;
    }
    return std::nullopt;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && isStdLibraryRecord(M->getParent()) && M->getIdentifier() &&
        (M->getName() == "at" || M->getName() == "front" ||
         M->getName() == "back") &&
        MC->getType()->isReferenceType() == false && E->isGLValue()) {
      std::optional<MemLoc> Base =
          locOf(MC->getImplicitObjectArgument(), Steps + 1);
      if (!Base)
        return std::nullopt;
      PathStep Step;
      if (M->getName() == "at" && MC->getNumArgs() == 1)
        Step = elementStep(MC->getArg(0));
      else {
        Step.Index = PathStep::Constant;
        Step.Value = M->getName() == "front" ? 0 : -1;
      }
      Base->Path.push_back(Step);
      return Base;
    }
  }
  return std::nullopt;
}

/// A lock of \p M (unknown when the mutex cannot be named).
static Lock lockOn(const std::optional<MemLoc> &M, bool Shared,
                   SourceLocation At) {
  Lock L;
  if (M)
    L.Mutex = *M;
  else
    L.Unknown = true;
  L.Shared = Shared;
  L.Acquired = At;
  return L;
}

/// The mutex a lock holds, if it could be named.
static std::optional<MemLoc> mutexOf(const Lock &L) {
  return L.Unknown ? std::nullopt : std::optional<MemLoc>(L.Mutex);
}

void Summarizer::guardLocks(Lockset &Held, const VarDecl *Guard,
                            const Expr *Arg, SourceLocation At) {
  std::optional<MemLoc> Mu = objectOf(Arg);
  Guards[Guard].push_back(lockOn(Mu, false, At));
  acquire(Held, Mu, false, At);
}

void Summarizer::releaseAll(Lockset &Held, const Lockset &Taken) {
  for (const Lock &L : Taken)
    release(Held, mutexOf(L));
}

void Summarizer::acquire(Lockset &Held, std::optional<MemLoc> M, bool Shared,
                         SourceLocation At) {
  Lock L = lockOn(M, Shared, At);
  for (Lock &Existing : Held)
    if (Existing.Mutex == L.Mutex && Existing.Unknown == L.Unknown)
      return;
  Held.push_back(L);
}

void Summarizer::release(Lockset &Held, const std::optional<MemLoc> &M) {
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

void Summarizer::lockEffects(const Stmt *St, Lockset &Held) {
  // Guards: std::lock_guard g(m), scoped_lock, unique_lock, shared_lock, and
  // scoped capabilities.
  if (const auto *CE = dyn_cast<CXXConstructExpr>(St)) {
    const GuardEntry *G = guardClass(CE->getType());
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    const auto *Acq = Ctor ? Ctor->getAttr<AcquireCapabilityAttr>() : nullptr;
    InferredLocking Inferred;
    if (!G && !Acq && Ctor && hasUsableBody(Ctor))
      Inferred = inferLocking(Ctor, 0);
    if (!G && !Acq && Inferred.LockedParams.empty())
      return;
    // Only guards owned by a variable hold their lock beyond the statement.
    const VarDecl *GuardVar = nullptr;
    const ParentMap &PM = FA.parents();
    const Stmt *P = PM.getParent(CE);
    while (P && isa<ExprWithCleanups, ImplicitCastExpr, ParenExpr>(P))
      P = PM.getParent(P);
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(P))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D);
            VD && VD->getInit() &&
            stripWrappers(VD->getInit()) == stripWrappers(CE))
          GuardVar = VD;
    if (!GuardVar)
      return;
    Lockset Taken;
    bool Deferred = false;
    if (G) {
      for (const Expr *Arg : CE->arguments()) {
        QualType T = Arg->getType();
        if (const CXXRecordDecl *RD = classOf(T);
            RD &&
            (isStdDecl(RD, "defer_lock_t") || isStdDecl(RD, "try_to_lock_t"))) {
          Deferred = true;
          continue;
        }
        if (classOf(T) && (isStdDecl(classOf(T), "adopt_lock_t")))
          continue;
        Taken.push_back(lockOn(locOf(Arg), G->Shared, CE->getBeginLoc()));
      }
    } else if (!Acq) {
      for (unsigned P : Inferred.LockedParams) {
        if (P >= CE->getNumArgs())
          continue;
        Taken.push_back(
            lockOn(objectOf(CE->getArg(P)), false, CE->getBeginLoc()));
      }
    } else {
      for (const Expr *A : Acq->args()) {
        // The attribute names constructor parameters.
        const Expr *Arg = nullptr;
        if (const auto *DRE = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts()))
          if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
              P && P->getFunctionScopeIndex() < CE->getNumArgs())
            Arg = CE->getArg(P->getFunctionScopeIndex());
        Taken.push_back(lockOn(Arg ? objectOf(Arg) : std::nullopt,
                               Acq->isShared(), CE->getBeginLoc()));
      }
    }
    Guards[GuardVar] = Taken;
    if (!Deferred)
      for (const Lock &L : Taken)
        Held.push_back(L);
    return;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (!M)
      return;
    const Expr *Object = MC->getImplicitObjectArgument();
    // A guard's own lock()/unlock(), or a user guard's acquire(m)/release().
    if (const VarDecl *GV = referencedVar(Object);
        GV && GV->hasLocalStorage() && !guardClass(GV->getType()) &&
        !M->hasAttr<AcquireCapabilityAttr>() && hasUsableBody(M)) {
      InferredLocking Inferred = inferLocking(M, 0);
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
    std::optional<MemLoc> Self = Object ? objectOf(Object) : std::nullopt;
    if (const auto *A = M->getAttr<AcquireCapabilityAttr>()) {
      acquire(Held, Self, A->isShared(), MC->getBeginLoc());
      return;
    }
    if (M->hasAttr<ReleaseCapabilityAttr>()) {
      release(Held, Self);
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
      if (hasUsableBody(M)) {
        InferredLocking Inferred = inferLocking(M, 0);
        if (Inferred.LocksSelf)
          acquire(Held, Self, false, MC->getBeginLoc());
        else if (Inferred.UnlocksSelf)
          release(Held, Self);
      }
      return;
    }
    for (const MutexMethodEntry &E : MutexMethods)
      if (M->getName() == E.Name) {
        if (E.Effect == LockEffect::Unlock)
          release(Held, Self);
        else
          acquire(Held, Self, E.Effect == LockEffect::LockShared,
                  MC->getBeginLoc());
        return;
      }
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(St)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return;
    for (const MutexMethodEntry &E : LockFunctions)
      if (hasQualifiedName(Callee, E.Name)) {
        for (const Expr *Arg : Call->arguments()) {
          std::optional<MemLoc> M = objectOf(Arg);
          if (E.Effect == LockEffect::Unlock)
            release(Held, M);
          else
            acquire(Held, M, E.Effect == LockEffect::LockShared,
                    Call->getBeginLoc());
        }
        return;
      }
    auto ArgFor = [&](const Expr *AttrArg) -> std::optional<MemLoc> {
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(AttrArg->IgnoreParenImpCasts())) {
        if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
            P && P->getFunctionScopeIndex() < Call->getNumArgs()) {
          return objectOf(Call->getArg(P->getFunctionScopeIndex()));
        }
        return locOf(AttrArg);
      }
      return std::nullopt;
    };
    if (const auto *A = Callee->getAttr<AcquireCapabilityAttr>())
      for (const Expr *Arg : A->args())
        acquire(Held, ArgFor(Arg), A->isShared(), Call->getBeginLoc());
    if (const auto *A = Callee->getAttr<ReleaseCapabilityAttr>())
      for (const Expr *Arg : A->args())
        release(Held, ArgFor(Arg));
  }
}

void Summarizer::transferElement(const CFGElement &E, Lockset &Held,
                                 bool Record) {
  if (auto CS = E.getAs<CFGStmt>()) {
    const Stmt *St = CS->getStmt();
    if (Record && LocksOnly) {
      if (isa<CallExpr>(St) || isa<CXXConstructExpr>(St))
        CallLocks[cast<Expr>(St)] = Held;
    } else if (Record) {
      recordAccesses(St, Held);
    }
    lockEffects(St, Held);
    return;
  }
  if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
    auto It = Guards.find(D->getVarDecl());
    if (It != Guards.end())
      releaseAll(Held, It->second);
  }
}

void Summarizer::record(MemLoc Loc, bool Write, bool Atomic, bool Shallow,
                        const Expr *At, const Lockset &Held, const Stmt *Point,
                        bool Synchronizing) {
  if (Out.Accesses.size() >= MaxAccesses)
    return;
  Access A;
  A.Loc = std::move(Loc);
  A.Write = Write;
  A.Atomic = Atomic;
  A.Synchronizing = Synchronizing;
  A.Shallow = Shallow;
  A.Locks.assign(Held.begin(), Held.end());
  A.Where = At->getExprLoc();
  A.Range = At->getSourceRange();
  A.Point = Point;
  Out.Accesses.push_back(std::move(A));
}

void Summarizer::recordSignal(const MemLoc &Obj, SignalEffect Effect,
                              const Expr *At, const Lockset &Held,
                              const Stmt *Point) {
  if (Effect != SignalEffect::Acquire)
    record(Obj, true, true, false, At, Held, Point, /*Synchronizing=*/true);
  if (Effect != SignalEffect::Release)
    record(Obj, false, true, false, At, Held, Point, /*Synchronizing=*/true);
}

void Summarizer::classifyOccurrence(const Expr *L, const Lockset &Held,
                                    const Stmt *Point) {
  const ParentMap &PM = FA.parents();
  // Walk up past parentheses and no-op casts.
  const Stmt *Child = L;
  const Stmt *P = PM.getParent(L);
  while (P) {
    if (isa<ParenExpr>(P)) {
      Child = P;
      P = PM.getParent(P);
      continue;
    }
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P);
        ICE && (ICE->getCastKind() == CK_NoOp ||
                ICE->getCastKind() == CK_DerivedToBase ||
                ICE->getCastKind() == CK_UncheckedDerivedToBase)) {
      Child = P;
      P = PM.getParent(P);
      continue;
    }
    break;
  }
  if (!P)
    return;
  // Extended by a member, element or array subscript: the larger
  // expression is the access.
  if (const auto *ME = dyn_cast<MemberExpr>(P);
      ME && !ME->isArrow() && ME->getBase() == Child &&
      isa<FieldDecl>(ME->getMemberDecl()))
    return;
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P);
      ICE && ICE->getCastKind() == CK_ArrayToPointerDecay)
    if (isa_and_nonnull<ArraySubscriptExpr>(PM.getParent(ICE)))
      return;

  QualType T = L->getType();
  // latch.count_down() / latch.wait() and the like: a synchronizing atomic
  // write / read of the object, so that the data-race check's release/
  // acquire ordering applies to them.
  if (const auto *ME = dyn_cast<MemberExpr>(P); ME && ME->getBase() == Child)
    if (auto Effect = syncSignal(dyn_cast<CXXMethodDecl>(ME->getMemberDecl())))
      if (std::optional<MemLoc> Obj = locOf(L)) {
        recordSignal(*Obj, *Effect, L, Held, Point);
        return;
      }
  if (isSyncType(T, S.traits()))
    return;
  // Synchronized by declaration: guarded_by, assume_synchronized.
  if (const auto *ME = dyn_cast<MemberExpr>(L))
    if (isAnnotatedSynchronized(ME->getMemberDecl()))
      return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
    if (isAnnotatedSynchronized(DRE->getDecl()))
      return;
  std::optional<MemLoc> Loc = locOf(L);
  if (!Loc)
    return;
  bool Atomic = isAtomicType(T);
  auto Read = [&](bool Shallow = false) {
    record(*Loc, false, Atomic, Shallow, L, Held, Point);
  };
  auto Write = [&] { record(*Loc, true, Atomic, false, L, Held, Point); };

  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P)) {
    if (ICE->getCastKind() == CK_LValueToRValue ||
        ICE->getCastKind() == CK_LValueToRValueBitCast)
      return Read();
    if (ICE->getCastKind() == CK_ArrayToPointerDecay)
      return; // the address escapes; accesses through it are elsewhere
    return Read();
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
    if (BO->isAssignmentOp() && BO->getLHS() == Child)
      return Write();
    return Read();
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
    if (UO->isIncrementDecrementOp())
      return Write();
    if (UO->getOpcode() == UO_AddrOf)
      return; // taking the address is not an access
    return Read();
  }
  // Member calls on the object: the standard's data-race rule for library
  // types, summaries for ours.
  if (const auto *ME = dyn_cast<MemberExpr>(P); ME && ME->getBase() == Child) {
    const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    if (!M)
      return;
    if (Atomic) {
      // memory_order_relaxed orders nothing.
      bool Relaxed = false;
      if (const auto *MC =
              dyn_cast_or_null<CXXMemberCallExpr>(PM.getParent(ME)))
        for (const Expr *Arg : MC->arguments())
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
            if (DRE->getDecl()->getName().contains("relaxed"))
              Relaxed = true;
      record(*Loc, !M->isConst(), true, false, L, Held, Point, !Relaxed);
      return;
    }
    if (isStdLibraryRecord(M->getParent())) {
      if (constForRaces(M))
        return Read(/*Shallow=*/true);
      if (M->isConst())
        return Read();
      return Write();
    }
    if (hasUsableBody(M))
      return; // expanded at the call
    if (M->isConst())
      return Read();
    return; // unknown callees are not assumed to write
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P);
      OC && OC->getNumArgs() > 0 && OC->getArg(0) == Child) {
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    if (Atomic) {
      record(*Loc, true, true, false, L, Held, Point, /*Synchronizing=*/true);
      return;
    }
    if (M && isStdLibraryRecord(M->getParent())) {
      if (constForRaces(M))
        return Read(/*Shallow=*/true);
      if (OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow)
        return Read(/*Shallow=*/true);
      if (M->isConst())
        return Read();
      return Write();
    }
    if (M && hasUsableBody(M))
      return;
    if (OC->isAssignmentOp())
      return Write();
    return Read();
  }
  // Arguments: by value or const reference read; a non-const reference to
  // an unknown function is not assumed to write; known ones are expanded.
  if (isa<CallExpr>(P) || isa<CXXConstructExpr>(P)) {
    const Expr *Call = cast<Expr>(P);
    llvm::ArrayRef<const Expr *> Args = argsOf(Call);
    for (unsigned I = 0; I < Args.size(); ++I) {
      if (Args[I] != Child)
        continue;
      const ParmVarDecl *Param = paramForArg(Call, I);
      const FunctionDecl *Callee = calleeOf(Call);
      if (const auto *CE = dyn_cast<CXXConstructExpr>(Call);
          CE && classOf(CE->getType()) &&
          isStdDecl(classOf(CE->getType()), "atomic_ref"))
        return record(*Loc, true, true, false, L, Held, Point);
      if (!Param)
        return Read();
      QualType PT = Param->getType();
      if (!PT->isReferenceType())
        return Read();
      if (PT.getNonReferenceType().isConstQualified()) {
        // Copies and the library read the object; binding a const
        // reference to our own function reads nothing by itself (its body is
        // expanded), nor to an unknown one.
        if (const auto *CE = dyn_cast<CXXConstructExpr>(Call);
            CE && CE->getConstructor() &&
            CE->getConstructor()->isCopyOrMoveConstructor())
          return Read();
        if (Callee &&
            Callee->getDeclContext()->getRedeclContext()->isStdNamespace())
          return Read();
        if (Callee && isStdLibraryRecord(
                          dyn_cast<CXXRecordDecl>(Callee->getDeclContext())))
          return Read();
        return;
      }
      if (Callee && hasUsableBody(Callee))
        return;
      if (Callee &&
          isStdLibraryRecord(dyn_cast<CXXRecordDecl>(Callee->getDeclContext())))
        return;
      return; // unknown callee taking a non-const reference
    }
    return Read();
  }
  if (isa<LambdaExpr>(P))
    return; // a by-reference capture takes no value
  if (const auto *VD = dyn_cast<DeclStmt>(P)) {
    (void)VD;
    return Read();
  }
  if (isa<ReturnStmt>(P))
    return L->getType()->isRecordType() ? Read() : Read();
  Read();
}

void Summarizer::expandCall(const Expr *Call, const FunctionDecl *Callee,
                            const Expr *Object, const Lockset &Held,
                            const Stmt *Point) {
  if (Depth >= 4)
    return;
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def)
    return;
  const FunctionSummary *Sub =
      S.summary(Def, /*LocalsShared=*/false, Depth + 1);
  if (!Sub || Sub->Accesses.empty())
    return;
  // Bind parameters to arguments and *this to the object.
  llvm::ArrayRef<const Expr *> Args = argsOf(Call);
  unsigned Offset = 0;
  if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Def) &&
      !cast<CXXMethodDecl>(Def)->isStatic()) {
    Offset = 1;
    if (!Object && !Args.empty())
      Object = Args[0];
  }
  std::vector<std::optional<MemLoc>> Params(Def->getNumParams());
  for (unsigned I = 0; I < Def->getNumParams(); ++I) {
    if (I + Offset >= Args.size())
      break;
    const Expr *Arg = Args[I + Offset];
    QualType PT = Def->getParamDecl(I)->getType();
    if (PT->isReferenceType())
      Params[I] = locOf(Arg);
    else if (PT->isPointerType())
      Params[I] = derefLoc(Arg);
  }
  std::optional<MemLoc> This;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def); MD && !MD->isStatic()) {
    if (Object)
      This = objectOf(Object);
    else if (isa<CXXConstructExpr>(Call))
      This = std::nullopt; // a new object: private
  }
  auto Map = [&](const MemLoc &L) {
    return bindLocation(L, Def, Params, This);
  };
  for (const Access &A : Sub->Accesses) {
    if (Out.Accesses.size() >= MaxAccesses)
      return;
    std::optional<MemLoc> Loc = Map(A.Loc);
    if (!Loc)
      continue;
    Access Mapped = A;
    Mapped.Loc = *Loc;
    Mapped.Locks.assign(Held.begin(), Held.end());
    for (const Lock &CL : A.Locks) {
      Lock ML = CL;
      if (!CL.Unknown) {
        std::optional<MemLoc> M = Map(CL.Mutex);
        if (M)
          ML.Mutex = *M;
        else
          ML.Unknown = true;
      }
      Mapped.Locks.push_back(ML);
    }
    Mapped.Via.insert(Mapped.Via.begin(), Call->getBeginLoc());
    Mapped.Point = Point;
    Out.Accesses.push_back(std::move(Mapped));
  }
}

void Summarizer::expandLambda(const LambdaExpr *LE, const Lockset &Held,
                              const Stmt *Point, SourceLocation Site) {
  if (Depth >= 4)
    return;
  const FunctionSummary *Sub =
      S.summary(LE->getCallOperator(), /*LocalsShared=*/false, Depth + 1);
  if (!Sub)
    return;
  for (const Access &A : Sub->Accesses) {
    if (Out.Accesses.size() >= MaxAccesses)
      return;
    // The lambda's own locals and parameters are private; what it captured
    // by reference is the enclosing function's.
    if (const auto *VD = dyn_cast_or_null<VarDecl>(A.Loc.Root);
        VD && VD->getDeclContext() == LE->getCallOperator())
      continue;
    Access Mapped = A;
    Mapped.Locks.assign(Held.begin(), Held.end());
    Mapped.Locks.append(A.Locks.begin(), A.Locks.end());
    Mapped.Via.insert(Mapped.Via.begin(), Site);
    Mapped.Point = Point;
    Out.Accesses.push_back(std::move(Mapped));
  }
}

void Summarizer::recordAccesses(const Stmt *St, const Lockset &Held) {
  const auto *E = dyn_cast<Expr>(St);
  if (!E)
    return;
  if (isa<DeclRefExpr>(E) || isa<MemberExpr>(E) || isa<ArraySubscriptExpr>(E) ||
      (isa<UnaryOperator>(E) &&
       cast<UnaryOperator>(E)->getOpcode() == UO_Deref) ||
      (isa<CXXOperatorCallExpr>(E) &&
       (cast<CXXOperatorCallExpr>(E)->getOperator() == OO_Star ||
        cast<CXXOperatorCallExpr>(E)->getOperator() == OO_Subscript)) ||
      (isa<CXXMemberCallExpr>(E) && E->isGLValue())) {
    if (E->isGLValue())
      classifyOccurrence(E, Held, St);
  }
  // Calls of functions we can see, and lambdas they run synchronously.
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const LibraryModel &Lib = S.library();
    if (ThreadModel::isSpawnExpr(Call, Lib))
      return; // the thread's accesses belong to the thread
    if (isOpaqueSync(Callee))
      return;
    for (const Expr *Arg : Call->arguments())
      if (const auto *LE = dyn_cast<LambdaExpr>(stripWrappers(Arg)))
        expandLambda(LE, Held, St, Call->getBeginLoc());
    if (Callee && hasUsableBody(Callee)) {
      const Expr *Object = nullptr;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        Object = MC->getImplicitObjectArgument();
      // Calling a lambda held in a variable: its body runs here.
      expandCall(Call, Callee, Object, Held, St);
    }
    // sem_post(&s) / sem_wait(&s): a synchronizing write / read of s.
    if (auto Effect = syncSignalFunction(Callee);
        Effect && Call->getNumArgs() > 0)
      if (auto Obj = derefLoc(Call->getArg(0))) {
        recordSignal(*Obj, *Effect, Call, Held, St);
        return;
      }
    // Atomic builtins: __atomic_*, __sync_* through a pointer.
    if (Callee && Callee->getBuiltinID() && Call->getNumArgs() > 0 &&
        Callee->getIdentifier() &&
        (Callee->getName().starts_with("__atomic_") ||
         Callee->getName().starts_with("__sync_") ||
         Callee->getName().starts_with("__c11_atomic_")))
      if (auto Loc = derefLoc(Call->getArg(0)))
        record(*Loc, true, true, false, Call, Held, St);
    return;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (ThreadModel::isSpawnExpr(CE, S.library()))
      return;
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (Ctor && hasUsableBody(Ctor) && !Ctor->isCopyOrMoveConstructor())
      expandCall(CE, Ctor, nullptr, Held, St);
  }
}

FunctionSummary Summarizer::run() {
  const CFG *Cfg = FA.cfg();
  if (!Cfg || FA.scan().HasErrors)
    return {};
  // Locks a function requires are held on entry.
  for (const auto *A : FD->specific_attrs<RequiresCapabilityAttr>())
    for (const Expr *Arg : A->args()) {
      Lock L;
      if (auto M = locOf(Arg))
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
  return std::move(Out);
}

bool Summarizer::replay() {
  entryLocksFromCallers();
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

/// A helper only ever called with a lock held holds it on entry: the locks
/// every visible caller holds at its call, in the helper's terms (a mutex
/// reached through an argument becomes one reached through the parameter).
void Summarizer::entryLocksFromCallers() {
  if (Depth > 2 || Lambda || !S.allCallersVisible(FD))
    return;
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
        if (L.Unknown)
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
      return;
  }
  if (Common)
    EntryLocks.insert(EntryLocks.end(), Common->begin(), Common->end());
}

const llvm::DenseMap<const Expr *, std::vector<Lock>> *
Session::locksAtCalls(const FunctionDecl *FD, unsigned Depth) {
  if (!FD || !FD->getBody() || FD->isDependentContext())
    return nullptr;
  auto It = CallLocks.find(FD);
  if (It != CallLocks.end())
    return It->second.get(); // null while being computed
  CallLocks[FD] = nullptr;
  auto Result =
      std::make_unique<llvm::DenseMap<const Expr *, std::vector<Lock>>>(
          Summarizer(*this, FD, /*LocalsShared=*/true, Depth,
                     /*LocksOnly=*/true)
              .locksAtCalls());
  auto &Slot = CallLocks[FD];
  Slot = std::move(Result);
  return Slot.get();
}

std::optional<MemLoc> bindLocation(const MemLoc &L, const FunctionDecl *Callee,
                                   llvm::ArrayRef<std::optional<MemLoc>> Params,
                                   const std::optional<MemLoc> &This) {
  std::optional<MemLoc> Base;
  if (L.IsThis) {
    if (!This)
      return std::nullopt;
    Base = *This;
  } else if (const auto *P = dyn_cast<ParmVarDecl>(L.Root);
             P && P->getDeclContext() == Callee) {
    unsigned Index = P->getFunctionScopeIndex();
    if (Index >= Params.size() || !Params[Index])
      return std::nullopt;
    // A pointer parameter's own value is private; its pointee is shared.
    if (P->getType()->isPointerType() && !L.Deref)
      return std::nullopt;
    Base = *Params[Index];
  } else if (const auto *VD = dyn_cast<VarDecl>(L.Root);
             VD && VD->hasLocalStorage() && VD->getDeclContext() == Callee) {
    return std::nullopt; // the callee's own local
  } else {
    return L;
  }
  for (const PathStep &Step : L.Path)
    Base->Path.push_back(Step);
  return Base;
}

std::optional<MemLoc> resolveLocation(Session &S, const FunctionDecl *Within,
                                      const Expr *E, bool Deref) {
  Summarizer R(S, Within, /*LocalsShared=*/true, 0);
  return R.resolve(E, Deref);
}

const FunctionSummary *Session::summary(const FunctionDecl *FD,
                                        bool LocalsShared, unsigned Depth) {
  if (!FD || !FD->getBody() || FD->isDependentContext())
    return nullptr;
  auto Key = std::make_pair(FD, LocalsShared);
  auto It = Summaries.find(Key);
  if (It != Summaries.end())
    return It->second.get(); // null while being computed: recursion
  Summaries[Key] = nullptr;
  llvm::TimeTraceScope Scope("fearless summary");
  auto Result = std::make_unique<FunctionSummary>(
      Summarizer(*this, FD, LocalsShared, Depth).run());
  auto &Slot = Summaries[Key];
  Slot = std::move(Result);
  return Slot.get();
}

} // namespace fearless
