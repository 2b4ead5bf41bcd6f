//===- ReturnedLocks.cpp - Locks a callee leaves its caller --------------===//
//
// A function that returns with locks held gives them to its caller: a
// `lockAll()` taking every lock of a table, a `lock_all()` that returns
// them in a std::unique_ptr whose deleter unlocks them (libcuckoo's
// cuckoohash_map). computeReturnedLocks runs the lockset dataflow of the
// callee from an empty entry and keeps what is held at its exit on every
// path, and the mutexes it releases without taking them (an
// `unlockAll()`); CallReturns binds that to a call's object and arguments,
// and tells who owns the locks: a local holder initialized by the call
// (released when it dies or is reset), or the caller itself (released by a
// later unlock). A result that is a temporary with a destructor releases
// them at the end of the full-expression: nothing is held after it.
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/Dataflow.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/Locations.h"
#include "fearless/Locks.h"
#include "fearless/RaceModel.h"
#include "fearless/SummaryStore.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

namespace fearless {

/// Whether \p B ends its path without returning to the caller: a throw, or
/// a call of a function that never returns which the CFG does not know to
/// be one (`pthread_mutex_unlock(m); cleanupAndQuit(-8);`).
static bool leavesOtherwise(const CFGBlock &B) {
  for (const CFGElement &E : B)
    if (auto CS = E.getAs<CFGStmt>()) {
      if (isa<CXXThrowExpr>(CS->getStmt()))
        return true;
      if (const auto *Call = dyn_cast<CallExpr>(CS->getStmt());
          Call && neverReturns(Call->getDirectCallee(), 0))
        return true;
    }
  return false;
}

namespace {

/// How many levels of calls below the first a callee's ReturnedLocks
/// follow (a lock_all() whose locks a helper takes).
constexpr unsigned MaxReturnedDepth = 2;

/// The lockset of one function's own paths; Dead once the path has left
/// the function without returning (a throw, a call that never returns):
/// such a path gives its caller nothing, neither locks nor releases.
struct PathLocks {
  bool Dead = false;
  Lockset Held;
};

/// The lockset dataflow of one function from a given entry (empty: what it
/// takes itself).
struct OwnLocks {
  LockTracker &Locks;
  Lockset Entry;
  PathLocks entry() const { return {false, Entry}; }
  void join(PathLocks &Into, const PathLocks &From) const {
    if (From.Dead)
      return;
    if (Into.Dead)
      Into = From;
    else
      joinLocksets(Into.Held, From.Held);
  }
  bool equal(const PathLocks &A, const PathLocks &B) const {
    return A.Dead == B.Dead && sameLockset(A.Held, B.Held);
  }
  void transferBlock(const CFGBlock &B, PathLocks &L) {
    if (L.Dead)
      return;
    for (const CFGElement &E : B) {
      if (auto CS = E.getAs<CFGStmt>())
        Locks.transfer(CS->getStmt(), L.Held);
      else if (auto D = E.getAs<CFGAutomaticObjDtor>())
        Locks.destroyed(D->getVarDecl(), L.Held);
    }
    L.Dead = leavesOtherwise(B);
  }
  void transferEdge(const CFGBlock &B, unsigned Succ, PathLocks &L) {
    if (!L.Dead)
      Locks.edge(B, Succ, L.Held);
  }
};

void addOnce(llvm::SmallVectorImpl<MemLoc> &To, const MemLoc &M) {
  if (To.size() < 64 && !llvm::is_contained(To, M))
    To.push_back(M);
}

/// Whether a call of \p Callee may leave locks through its body: a function
/// of the translation unit whose lock effects no model or attribute states
/// already (those LockTracker applies itself), not a lambda's call operator
/// (its object is the closure, not what it captured).
bool followsBody(const FunctionDecl *Callee, const SourceManager &SM) {
  if (!Callee || !hasUsableBody(Callee, SM) || lockFunctionEffect(Callee) ||
      Callee->hasAttr<AcquireCapabilityAttr>() ||
      Callee->hasAttr<ReleaseCapabilityAttr>() ||
      Callee->hasAttr<TryAcquireCapabilityAttr>())
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee))
    return !MD->getParent()->isLambda();
  return true;
}

/// The statement that uses the value of \p Call, above the temporaries,
/// casts and elidable copies around it.
const Stmt *userOf(const Expr *Call, const ParentMap &PM) {
  const Stmt *P = PM.getParent(Call);
  while (P && (isa<ExprWithCleanups, CXXBindTemporaryExpr,
                   MaterializeTemporaryExpr, ImplicitCastExpr, ParenExpr>(P) ||
               (isa<CXXConstructExpr>(P) &&
                cast<CXXConstructExpr>(P)->isElidable())))
    P = PM.getParent(P);
  return P;
}

} // namespace

/// The locks held on every path that returns from the function (throws
/// and exits left out), from entry state \p Entry; nothing when the dataflow
/// gives up or no path returns (then nothing reaches the caller either).
static std::optional<Lockset> atReturn(FunctionAnalysis &FA, const CFG &Cfg,
                                       LockTracker &Locks, Lockset Entry) {
  OwnLocks Flow{Locks, std::move(Entry)};
  std::optional<BlockStates<PathLocks>> In =
      solveForward<PathLocks>(Cfg, FA.declContext(), Flow);
  if (!In)
    return std::nullopt;
  const std::optional<PathLocks> &AtExit = (*In)[Cfg.getExit().getBlockID()];
  if (!AtExit || AtExit->Dead)
    return std::nullopt;
  return AtExit->Held;
}

ReturnedLocks computeReturnedLocks(Session &S, const FunctionDecl *FD,
                                   unsigned Depth) {
  ReturnedLocks Out;
  llvm::TimeTraceScope Scope("fearless returned locks");
  FunctionAnalysis &FA = S.functionAnalysis(FD);
  const CFG *Cfg = FA.cfg();
  if (!Cfg || FA.scan().HasErrors)
    return Out;
  LocationResolver Locs(S, FD, /*LocalsShared=*/false);
  LockTracker Locks(S, FA, Locs, Depth + 1);
  LockEffects Effects;
  Locks.recordEffects(&Effects);
  std::optional<Lockset> Held = atReturn(FA, *Cfg, Locks, {});
  if (!Held)
    return Out;
  // Unknown locks and in-flight counters cannot be named in the caller.
  for (const Lock &L : *Held)
    if (!L.Unknown && !L.Counter)
      Out.Held.push_back(L);
  // What it releases without taking: held from the entry, missing at a
  // return (an unlock on a path that throws instead releases nothing for
  // the caller that goes on).
  Lockset Given;
  for (const MemLoc &M : Effects.Released)
    if (!llvm::is_contained(Effects.Taken, M))
      Given.push_back(lockOn(M, /*Shared=*/false, FD->getLocation()));
  if (Given.empty())
    return Out;
  Locks.recordEffects(nullptr);
  // Some path returns (the first run found one): a second run that gives
  // up releases them all.
  std::optional<Lockset> Kept = atReturn(FA, *Cfg, Locks, Given);
  for (const Lock &G : Given)
    if (!Kept ||
        llvm::none_of(*Kept, [&](const Lock &K) { return K.Mutex == G.Mutex; }))
      Out.Released.push_back(G.Mutex);
  return Out;
}

// No cycle: a function's calls are followed one level deeper, so a recursive
// call asks for another height, and the chain ends at MaxReturnedDepth. A
// result depends only on the levels left below it (Height), never on who
// asked first: one whose Need fits its own height was not cut off and is
// the result for every height of at least Need.
const ReturnedLocks *Session::returnedLocks(const FunctionDecl *FD,
                                            unsigned Depth) {
  return Store->returned(FD, Depth);
}

const ReturnedLocks *SummaryStore::returned(const FunctionDecl *FD,
                                            unsigned Depth) {
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || Def->isDependentContext())
    return nullptr;
  auto Report = [&](unsigned Need) {
    if (ReturnedNeed)
      *ReturnedNeed = std::max(
          *ReturnedNeed, std::min(Need, ReturnedLocks::Truncated) + 1);
  };
  if (Depth > MaxReturnedDepth) {
    Report(ReturnedLocks::Truncated);
    return nullptr;
  }
  unsigned Height = MaxReturnedDepth - Depth;
  for (const ReturnedSlot &Slot : Returned[Def])
    if (servesHeight(Slot.Height, Slot.Result->Need, Height)) {
      Report(Slot.Result->Need);
      return Slot.Result.get();
    }
  unsigned Need = 0;
  unsigned *Outer = ReturnedNeed;
  ReturnedNeed = &Need;
  auto R =
      std::make_unique<ReturnedLocks>(computeReturnedLocks(S, Def, Depth));
  ReturnedNeed = Outer;
  R->Need = Need;
  Report(Need);
  std::vector<ReturnedSlot> &Slots = Returned[Def];
  Slots.push_back({Height, std::move(R)});
  return Slots.back().Result.get();
}

const CallReturn *CallReturns::of(const CallExpr *Call) {
  auto It = Cache.find(Call);
  if (It == Cache.end()) {
    std::optional<CallReturn> R = compute(Call);
    It = Cache.try_emplace(Call, std::move(R)).first;
  }
  return It->second ? &*It->second : nullptr;
}

void CallReturns::bind(const CallExpr *Call, const FunctionDecl *Def,
                       const ReturnedLocks &From, CallReturn &Out) {
  // Parameters to arguments and *this to the object, as Summarizer's
  // expandCall binds a callee's accesses.
  llvm::ArrayRef<const Expr *> Args = argsOf(Call);
  const Expr *Object = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    Object = MC->getImplicitObjectArgument();
  unsigned Offset = 0;
  const auto *MD = dyn_cast<CXXMethodDecl>(Def);
  if (isa<CXXOperatorCallExpr>(Call) && MD && !MD->isStatic()) {
    Offset = 1;
    if (!Object && !Args.empty())
      Object = Args[0];
  }
  std::vector<std::optional<MemLoc>> Params(Def->getNumParams());
  for (unsigned I = 0; I < Def->getNumParams() && I + Offset < Args.size();
       ++I) {
    QualType PT = Def->getParamDecl(I)->getType();
    if (PT->isReferenceType())
      Params[I] = Locs.locOf(Args[I + Offset]);
    else if (PT->isPointerType())
      Params[I] = Locs.derefLoc(Args[I + Offset]);
  }
  std::optional<MemLoc> This;
  if (MD && !MD->isStatic() && Object)
    This = Locs.objectOf(Object);
  for (const Lock &L : From.Held)
    if (std::optional<MemLoc> M = bindLocation(L.Mutex, Def, Params, This)) {
      Lock Bound = L;
      Bound.Mutex = *M;
      Bound.Acquired = Call->getBeginLoc();
      Out.Hold.push_back(Bound);
    }
  for (const MemLoc &R : From.Released)
    if (std::optional<MemLoc> M = bindLocation(R, Def, Params, This))
      Out.Release.push_back(*M);
}

std::optional<CallReturn> CallReturns::compute(const CallExpr *Call) {
  CallReturn R;
  // A holder given up: h.reset(), h = nullptr, h = other.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() && M->getName() == "reset")
      if (const VarDecl *V = referencedVar(MC->getImplicitObjectArgument());
          V && V->hasLocalStorage())
        R.Resets = V;
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    if (const VarDecl *V = referencedVar(Op->getArg(0));
        V && V->hasLocalStorage())
      R.Resets = V;
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  const ReturnedLocks *From =
      followsBody(Callee, S.astContext().getSourceManager())
          ? S.returnedLocks(Callee, Depth)
          : nullptr;
  if (From && (!From->Held.empty() || !From->Released.empty())) {
    bind(Call, Callee->getDefinition(), *From, R);
    // Who owns the locks: a local initialized by the call owns them when
    // its destructor runs; a temporary with a destructor releases them at
    // the end of the full-expression; a value without one, or none, leaves
    // them held (and so does returning the result: the caller's caller
    // decides).
    const CXXRecordDecl *RD = Call->getType()->getAsCXXRecordDecl();
    bool Dies = RD && RD->hasDefinition() && !RD->hasTrivialDestructor();
    const Stmt *User = userOf(Call, FA.parents());
    const VarDecl *Owner = nullptr;
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(User))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D);
            VD && VD->getInit() && stripWrappers(VD->getInit()) == Call)
          Owner = VD;
    if (Dies && Owner && Owner->hasLocalStorage())
      R.Holder = Owner;
    else if (Dies && !isa_and_nonnull<ReturnStmt>(User) && !Owner)
      R.Hold.clear();
  }
  if (!R.Resets && R.Hold.empty() && R.Release.empty())
    return std::nullopt;
  return R;
}

void LockEffects::add(bool IsTaken, const std::optional<MemLoc> &M) {
  if (M)
    addOnce(IsTaken ? Taken : Released, *M);
}

void CallReturns::apply(const CallExpr *Call, Lockset &Held, LockTracker &T) {
  const CallReturn *R = of(Call);
  if (!R)
    return;
  if (R->Resets)
    if (auto It = T.Guards.find(R->Resets); It != T.Guards.end())
      T.releaseAll(Held, It->second);
  for (const MemLoc &M : R->Release)
    T.release(Held, M);
  // Held from here on, but taken in the callee (whose acquisitions its
  // summary lists for the lock order).
  for (const Lock &L : R->Hold) {
    if (T.Effects)
      T.Effects->add(/*Taken=*/true, L.Mutex);
    if (llvm::none_of(Held, [&](const Lock &H) {
          return !H.Unknown && H.Mutex == L.Mutex;
        }))
      Held.push_back(L);
  }
  if (R->Holder)
    T.Guards[R->Holder] = R->Hold;
}

} // namespace fearless
