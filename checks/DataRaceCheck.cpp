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
#include "fearless/ChannelInference.h"
#include "fearless/Concurrency.h"
#include "fearless/Coroutines.h"
#include "fearless/Explain.h"
#include "fearless/FlagHandOff.h"
#include "GuardedEscapeReports.h"
#include "fearless/GuardedEscapes.h"
#include "fearless/SyncValues.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/Locations.h"
#include "fearless/ThreadAccesses.h"
#include "fearless/ThreadLifetime.h"
#include "fearless/ValueGuards.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace fearless {

namespace {

/// Whether \p A and \p B can race at all: one writes, and both name memory
/// reached from the same root. The cheap test the pair loops make before
/// anything that costs more (consider() makes it again).
bool mayConflict(const Access &A, const Access &B) {
  return (A.Write || B.Write) && A.Loc.sameRoot(B.Loc);
}

/// One finding per object and pair of sides: the variable and its fields,
/// whatever elements are involved; every member function beside a member
/// thread (a context at or below \p FirstMember) is one side.
std::string findingKey(const MemLoc &Loc, int CtxP, int CtxO,
                       int FirstMember) {
  MemLoc Object = Loc;
  llvm::erase_if(Object.Path, [](const PathStep &S) { return !S.Field; });
  auto Side = [&](int Ctx) { return std::max(Ctx, FirstMember); };
  return Object.describe() + "|" +
         std::to_string(std::min(Side(CtxP), Side(CtxO))) + "|" +
         std::to_string(std::max(Side(CtxP), Side(CtxO)));
}

/// The code of one side of a race: the spawning function, or a thread.
struct Context {
  /// The spawn id, or -1 for the spawning function.
  int Spawn = -1;
  std::vector<Access> Accesses;
};

/// The accesses of one side grouped by what they are reached from
/// (MemLoc::sameRoot), in their order: the pair loops visit only the pairs
/// mayConflict can accept, in the order a loop over all of them would.
class ByRoot {
public:
  explicit ByRoot(llvm::ArrayRef<Access> As) {
    for (unsigned I = 0; I < As.size(); ++I)
      Index[key(As[I].Loc)].push_back(I);
  }
  /// The indices of the accesses with \p L's root, ascending.
  llvm::ArrayRef<unsigned> of(const MemLoc &L) const {
    auto It = Index.find(key(L));
    return It == Index.end() ? llvm::ArrayRef<unsigned>() : It->second;
  }

private:
  using Key = std::pair<const clang::ValueDecl *, unsigned>;
  static Key key(const MemLoc &L) {
    return {L.Root, unsigned(L.IsThis) << 1 | unsigned(L.Deref)};
  }
  llvm::DenseMap<Key, llvm::SmallVector<unsigned, 2>> Index;
};

/// The guard of a function-local static's initializer (Summarizer), not a
/// lock the user can take.
bool isStaticInitGuard(const Lock &L) {
  const auto *Static = dyn_cast_or_null<VarDecl>(L.Mutex.Root);
  return Static && Static->isStaticLocal() && L.Mutex.Path.empty();
}

/// Whether \p X and \p Y, accesses of copies of the thread started at
/// \p Site, both run only in the copy whose per-copy value is some K
/// (`if (id == 0)` with `id` declared in the loop that starts the copies:
/// a different value in every copy), so that no two copies run them.
bool inOneCopyOnly(FunctionAnalysis &FA, const SpawnSite &Site, const Access &X,
                   const Access &Y) {
  if (X.Guards.empty() || Y.Guards.empty())
    return false;
  for (const ValueGuard &GX : X.Guards)
    if (GX.Equal && perCopy(FA, Site, GX.Var))
      for (const ValueGuard &GY : Y.Guards)
        if (GY.Equal && GY.Var == GX.Var && GY.Value == GX.Value)
          return true;
  return false;
}

/// Whether \p L is part of a variable that every copy of the thread
/// started at \p Site has its own: a local declared in the loop that starts
/// the copies, reached without going through a pointer. A reference counts
/// only as the loop's range-for variable (`for (int &id : ids)`: bound to
/// another element each time); any other names what it is bound to.
bool ownedByEachCopy(FunctionAnalysis &FA, const SpawnSite &Site,
                     const MemLoc &L) {
  const auto *VD = dyn_cast_or_null<VarDecl>(L.Root);
  if (!VD || L.IsThis || L.Deref ||
      llvm::any_of(L.Path, [](const PathStep &S) { return S.Deref; }))
    return false;
  if (VD->getType()->isReferenceType() &&
      !(VD->isCXXForRangeDecl() && VD->getType()->isLValueReferenceType()))
    return false;
  return perCopy(FA, Site, VD);
}

/// \p Through as the read of the pointer \p Cell writes, when it goes
/// through that pointer.
std::optional<Access> asPointerRead(const Access &Through, const Access &Cell) {
  size_t N = Cell.Loc.Path.size();
  if (!Cell.Write || N == 0 || Through.Loc.Path.size() < N ||
      !Through.Loc.Path[N - 1].Deref || Cell.Loc.Path[N - 1].Deref)
    return std::nullopt;
  Access R = Through;
  R.Write = false;
  R.Atomic = false;
  R.Marked = false;
  R.Shallow = false;
  R.Loc = Cell.Loc;
  return R;
}

/// For a thread a helper started and returned: where the helper starts it.
void noteHelper(Finding &F, const SpawnSite &Site) {
  if (Site.ReturnedBy && Site.HelperSpawn)
    F.note(Site.HelperSpawn->getBeginLoc(), MessageId::RaceThreadStartedInHelper,
           {static_cast<const NamedDecl *>(Site.ReturnedBy)});
}

/// rustc's help: which fix fits. A lock held at one access only: hold it
/// at the other too. A scalar: make it atomic. A global or static: one
/// mutex, or thread_local. Anything else: one mutex, or a copy per thread.
void addHelp(FunctionAnalysis &FA, Finding &F, const Access &P,
             const Access &O) {
  for (const auto &[Held, Other] : {std::pair(&P, &O), std::pair(&O, &P)})
    for (const Lock &L : Held->Locks)
      if (!L.Unknown && !L.Counter && L.Acquired.isValid() &&
          !isStaticInitGuard(L) &&
          llvm::none_of(Other->Locks,
                        [&](const Lock &M) { return M.Mutex == L.Mutex; })) {
        F.note(P.Where, MessageId::RaceHelpSameLock, {L.Mutex.describe()});
        return;
      }
  std::string What = P.Loc.describe();
  QualType T = P.Loc.type();
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

/// Whether \p First happens before \p Second through a flag hand-off
/// (FlagHandOff.h). When \p First is the spawning function's (\p CtxF -1)
/// and \p Second thread \p Thread's, the spawning function's own order
/// also counts the flag's resets where that thread is not running (the
/// next thread started after it sees the reset value, not the last run's).
/// \p Reach is the spawning function's CFG order, built on first use.
bool flagOrdered(FunctionAnalysis &FA, const ThreadLifetime *TL,
                 std::optional<CfgReach> &Reach, const Access &First, int CtxF,
                 llvm::ArrayRef<Access> FirstSide, const Access &Second,
                 int Thread, llvm::ArrayRef<Access> SecondSide) {
  if (Second.FlagTests.empty())
    return false;
  const ASTContext &Ctx = FA.astContext();
  if (CtxF != -1 || Thread < 0 || !TL || !FA.cfg())
    return orderedByFlag(First, FirstSide, Second, SecondSide, Ctx);
  if (!Reach)
    Reach.emplace(*FA.cfg());
  return orderedByFlag(
      First, FirstSide, Second, SecondSide, Ctx,
      [&](const Access &W, const FlagTest &T) {
        llvm::DenseSet<const Stmt *> Resets;
        for (const Access &R : FirstSide)
          if (R.Via.empty() && R.Write && flagVar(R.Loc) == T.Flag &&
              R.Stored && !T.Cond.holdsFor(*R.Stored) &&
              !llvm::is_contained(TL->runningAt(R.Point), unsigned(Thread)))
            Resets.insert(R.Point);
        llvm::DenseSet<const Stmt *> After = Reach->after(
            W.Point, [&](const Stmt *St) { return Resets.count(St) > 0; });
        return neverFollows(*Reach, After, First, W);
      });
}

/// Where an access happens in its context's own function: the access, or
/// the call leading to it.
SourceLocation position(const Access &A) {
  return A.Via.empty() ? A.Where : A.Via.front();
}

/// Whether \p A comes before \p B in source order in the innermost function
/// both are reached through: their call chains (Via..., Where) compared at
/// the first place they differ, so that a write and a release made by one
/// call (`j.produce()`) are ordered by the callee's own order.
bool sourceBefore(const SourceManager &SM, const Access &A, const Access &B) {
  size_t N = std::min(A.Via.size(), B.Via.size());
  for (size_t I = 0; I < N; ++I)
    if (A.Via[I] != B.Via[I])
      return SM.isBeforeInTranslationUnit(A.Via[I], B.Via[I]);
  SourceLocation LA = A.Via.size() > N ? A.Via[N] : A.Where;
  SourceLocation LB = B.Via.size() > N ? B.Via[N] : B.Where;
  return SM.isBeforeInTranslationUnit(LA, LB);
}

/// Whether \p First (in context \p FirstSide) is ordered before \p Second
/// (in \p SecondSide) by a release/acquire pair on an atomic: a
/// synchronizing atomic write after First on its side, a synchronizing
/// atomic read of the same atomic before Second on the other (the
/// ready-flag hand-off).
bool orderedByAtomic(const SourceManager &SM, const Access &First,
                     llvm::ArrayRef<Access> FirstSide, const Access &Second,
                     llvm::ArrayRef<Access> SecondSide) {
  for (const Access &Release : FirstSide) {
    if (!Release.Atomic || !Release.Write || !Release.Synchronizing ||
        !sourceBefore(SM, First, Release))
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
          sourceBefore(SM, Acquire, Second))
        return true;
  }
  return false;
}

/// Whether \p Side takes no lock and touches no atomic: a plain setter
/// nothing here calls is configuration; one that locks is meant to run
/// beside the worker.
static bool plainSide(llvm::ArrayRef<Access> Side) {
  return llvm::none_of(Side, [](const Access &A) {
    return A.Atomic || A.Synchronizing || !A.Locks.empty();
  });
}

/// Whether \p A, a write of an unseen setter, meets only reads of what it
/// writes in the thread: the worker reads its configuration, perhaps inside
/// a critical section held for something else (no write of it is locked:
/// the setter is plain). A field the worker also writes (a counter, a
/// state) is shared either way and stays a race.
static bool configures(const Access &A, const Access &B,
                       llvm::ArrayRef<Access> Thread) {
  if (!A.Write || B.Write)
    return false;
  return llvm::none_of(
      Thread, [&](const Access &T) { return T.Write && mayOverlap(A, T); });
}

/// What \p M does while a member thread runs: before it joins it, not under
/// a test of an unchanging field contradicting one the thread started under.
static std::vector<Access> besideThread(const SourceManager &SM,
                                        const ConcurrentMember &M,
                                        const FunctionSummary &Sum,
                                        llvm::ArrayRef<ValueGuard> Started) {
  std::vector<Access> Side;
  for (const Access &A : Sum.Accesses)
    if ((M.JoinedAt.isInvalid() ||
         SM.isBeforeInTranslationUnit(position(A), M.JoinedAt)) &&
        !contradictsAny(Started, A.Guards))
      Side.push_back(A);
  return Side;
}

class DataRaceCheck : public Check {
public:
  explicit DataRaceCheck(Session &S) : S(S), Guarded(S) {}
  CheckId id() const override { return CheckId::DataRace; }

  void checkFunction(FunctionAnalysis &FA) override {
    Reported.clear();
    Reach.reset();
    Members.clear();
    checkSharedClass(FA);
    for (const GuardedEscape &E : Guarded.find(FA))
      reportGuardedEscape(S, E);
    for (const SyncValueEscape &E : findSyncValueEscapes(FA))
      reportSyncValueEscape(S, E);
    pairWithCoroutines(FA);
    // Null when the function spawns nothing (or has errors).
    const ThreadLifetime *TL = FA.lifetime();
    if (!TL)
      return;
    const ThreadModel &TM = FA.threads();
    // What the function's calls do only where its threads may run: the
    // accesses below are paired only there.
    const FunctionSummary *Own = S.concurrentSummary(FA.function());
    if (!Own)
      return;
    std::vector<Context> Threads;
    std::vector<ByRoot> Roots;
    for (const SpawnSite &Site : TM.spawns()) {
      Context C;
      C.Spawn = Site.Id;
      C.Accesses = threadAccesses(FA, Site);
      Roots.emplace_back(C.Accesses);
      Threads.push_back(std::move(C));
    }
    // The spawning function against each thread running at that point
    // (after a spawn in a loop, the copy of this iteration has its element).
    for (const Access &A : Own->Accesses) {
      for (unsigned Id : TL->runningAt(A.Point))
        for (unsigned Y : Roots[Id].of(A.Loc)) {
          const Access &B = Threads[Id].Accesses[Y];
          if (!mayConflict(A, B))
            continue;
          std::optional<Access> Same = sameCopyAs(FA, TM.spawns()[Id], A, B);
          consider(FA, TL, A, -1, Own->Accesses, Same ? *Same : B, Id,
                   Threads[Id].Accesses);
        }
    }
    // Threads against other copies of themselves, then against each other
    // (only the pairs that overlap: a function may start thousands).
    auto Pair = [&](size_t I, size_t J) {
      const auto &As = Threads[I].Accesses;
      const auto &Bs = Threads[J].Accesses;
      for (size_t X = 0; X < As.size(); ++X)
        for (unsigned Y : Roots[J].of(As[X].Loc))
          if ((I != J || Y >= X) && mayConflict(As[X], Bs[Y]) &&
              (I != J || (!inOneCopyOnly(FA, TM.spawns()[I], As[X], Bs[Y]) &&
                          !ownedByEachCopy(FA, TM.spawns()[I], As[X].Loc))))
            consider(FA, TL, As[X], I, As, Bs[Y], J, Bs);
    };
    for (size_t I = 0; I < Threads.size(); ++I)
      if (TL->isMultiInstance(I) || runsCopiesAtOnce(TM.spawns()[I]))
        Pair(I, I);
    for (auto [I, J] : TL->overlappingPairs())
      Pair(I, J);
    // The callables of one parallel_invoke or parallel_reduce, or one graph
    // run's tasks but those precede/succeed orders, run at the same time.
    for (size_t I = 0; I < Threads.size(); ++I)
      for (size_t J = I + 1;
           J < Threads.size() && TM.spawns()[I].WithSiblings &&
           TM.spawns()[J].WithSiblings &&
           TM.spawns()[I].Spawn == TM.spawns()[J].Spawn;
           ++J)
        if (!llvm::is_contained(TM.spawns()[I].OrderedSiblings, J))
          Pair(I, J);
    // Member threads against the member functions of their class that may
    // run while they do (Concurrency.h).
    for (const SpawnSite &Site : TM.spawns())
      pairWithMembers(FA, TL, Site, Threads[Site.Id].Accesses);
  }

private:
  /// The contexts of member functions running beside a member thread are
  /// numbered -2, -3, ...: Members[-2 - Ctx].
  static constexpr int FirstMemberCtx = -2;
  /// A member function on one side of a race: beside a member thread
  /// (Peers set), or a public member function of a fearless::shared class.
  struct MemberSide {
    const CXXMethodDecl *Method;
    SourceLocation JoinedAt;
    const MemberThreadPeers *Peers;
  };
  const MemberSide &member(int Ctx) const {
    return Members[FirstMemberCtx - Ctx];
  }

  /// The contexts of coroutines that continue on another thread after their
  /// call are numbered FirstCoroCtx, FirstCoroCtx + 1, ...: Coros[Ctx -
  /// FirstCoroCtx].
  static constexpr int FirstCoroCtx = 1 << 24;
  static bool isCoroCtx(int Ctx) { return Ctx >= FirstCoroCtx; }

  /// The rest of a coroutine started here that continues on another thread
  /// (ThreadAccesses.h) against what the caller does after starting it.
  void pairWithCoroutines(FunctionAnalysis &FA) {
    Coros.clear();
    if (FA.scan().CoroutineCalls.empty())
      return;
    Coros = coroutineRuns(FA);
    const FunctionSummary *Own =
        Coros.empty() ? nullptr
                      : S.summary(FA.function(), /*LocalsShared=*/true);
    if (!Own)
      return;
    const SourceManager &SM = FA.astContext().getSourceManager();
    for (size_t I = 0; I < Coros.size(); ++I) {
      std::vector<Access> After;
      for (const Access &A : Own->Accesses)
        if (SM.isBeforeInTranslationUnit(Coros[I].Start->getEndLoc(),
                                         position(A)))
          After.push_back(A);
      for (const Access &A : After)
        for (const Access &B : Coros[I].Accesses)
          consider(FA, nullptr, A, -1, After, B, FirstCoroCtx + int(I),
                   Coros[I].Accesses);
    }
  }

  /// Pairs the public member functions of a class marked fearless::shared
  /// with each other (and each with itself), once per class.
  void checkSharedClass(FunctionAnalysis &FA) {
    const CXXRecordDecl *Class = S.concurrency().sharedClassOf(FA.function());
    if (!Class || !SharedDone.insert(Class).second)
      return;
    llvm::ArrayRef<const CXXMethodDecl *> Public =
        S.concurrency().sharedClassMembers(Class);
    std::vector<std::vector<Access>> Sides;
    for (const CXXMethodDecl *M : Public) {
      const FunctionSummary *Sum = S.summary(M, /*LocalsShared=*/false);
      Sides.push_back(Sum ? Sum->Accesses : std::vector<Access>());
      Members.push_back({M, SourceLocation(), nullptr});
    }
    for (size_t I = 0; I < Sides.size(); ++I)
      for (size_t J = I; J < Sides.size(); ++J)
        for (size_t X = 0; X < Sides[I].size(); ++X)
          for (size_t Y = I == J ? X : 0; Y < Sides[J].size(); ++Y)
            consider(FA, nullptr, Sides[I][X], FirstMemberCtx - int(I),
                     Sides[I], Sides[J][Y], FirstMemberCtx - int(J), Sides[J]);
  }

  /// Pairs a thread whose handle is a field of *this, and which may still
  /// run when the spawning member function returns, with what the other
  /// member functions of the class do before they join it.
  void pairWithMembers(FunctionAnalysis &FA, const ThreadLifetime *TL,
                       const SpawnSite &Site, llvm::ArrayRef<Access> Thread) {
    const auto *Starter = dyn_cast<CXXMethodDecl>(FA.function());
    // A null handle: the thread is *this (a QThread subclass's start()).
    const auto *Handle = dyn_cast_or_null<FieldDecl>(Site.Sink.Decl);
    if (!Starter || Starter->isStatic() || Starter->getParent()->isLambda() ||
        Site.Sink.Kind != SinkKind::Member || (!Handle && !Site.ThisObject) ||
        !TL->mayRunAtExit(Site.Id))
      return;
    const MemberThreadPeers &Peers = S.concurrency().memberThreadPeers(
        Starter, Handle, Site.Body.Function, Site.Spawn->getBeginLoc());
    pairWithPeers(FA, TL, Site, Peers, Thread);
    // On an object of a derived class the thread runs its overriders of
    // what it calls virtually on *this, beside the derived class's members.
    for (const CXXRecordDecl *D :
         S.concurrency().derivedClasses(Starter->getParent())) {
      std::vector<Access> Derived = threadAccesses(FA, Site, D);
      if (!Derived.empty())
        pairWithPeers(FA, TL, Site,
                      S.concurrency().memberThreadPeers(
                          Starter, Handle, Site.Body.Function,
                          Site.Spawn->getBeginLoc(), D),
                      Derived);
    }
  }

  /// Pairs the thread started at \p Site, which does \p Thread, with what
  /// its concurrent member functions \p Peers do before they join it.
  void pairWithPeers(FunctionAnalysis &FA, const ThreadLifetime *TL,
                     const SpawnSite &Site, const MemberThreadPeers &Peers,
                     llvm::ArrayRef<Access> Thread) {
    if (Thread.empty())
      return;
    const SourceManager &SM = FA.astContext().getSourceManager();
    // Where the thread exists: `if (opt_.pipeline) worker_ = ...`.
    llvm::SmallVector<ValueGuard, 1> Started = fieldGuardsOf(
        FA.function(), FA.parents(), FA.astContext(), Site.Spawn);
    for (const ConcurrentMember &M : Peers.Members) {
      const FunctionSummary *Sum = S.summary(M.Method, /*LocalsShared=*/false);
      std::vector<Access> Side =
          Sum ? besideThread(SM, M, *Sum, Started) : std::vector<Access>();
      if (Side.empty())
        continue;
      int Ctx = FirstMemberCtx - int(Members.size());
      Members.push_back({M.Method, M.JoinedAt, &Peers});
      bool Setter = M.Unseen && plainSide(Side); // ConcurrentMember::Unseen
      // What the worker does after its loop runs only beside the member
      // functions that stop it.
      for (const Access &A : Side)
        for (const Access &B : Thread)
          if (mayConflict(A, B) && (M.Stops || !Peers.Tail.contains(SM, B)) &&
              !(Setter && configures(A, B, Thread)))
            consider(FA, TL, A, Ctx, Side, B, Site.Id, Thread);
    }
  }

  void consider(FunctionAnalysis &FA, const ThreadLifetime *TL, const Access &A,
                int CtxA, llvm::ArrayRef<Access> SideA, const Access &B,
                int CtxB, llvm::ArrayRef<Access> SideB) {
    if (!A.Write && !B.Write)
      return;
    // Two atomics, or accesses marked as relaxed atomics (`*(volatile T
    // *)&x`, the idiom's atomics), do not race with each other.
    if (A.OrderOnly || B.OrderOnly ||
        ((A.Marked || A.Atomic) && (B.Marked || B.Atomic)))
      return;
    const SourceManager &SM = FA.astContext().getSourceManager();
    if (!mayOverlap(A, B) || protectedByLock(A, B))
      return;
    // An access through a pointer the other access writes races on the
    // pointer, which going through it reads: report it as that read, so
    // that it is one finding with the pointer's other reads.
    if (std::optional<Access> R = asPointerRead(A, B))
      return consider(FA, TL, *R, CtxA, SideA, B, CtxB, SideB);
    if (std::optional<Access> R = asPointerRead(B, A))
      return consider(FA, TL, A, CtxA, SideA, *R, CtxB, SideB);
    // Also between copies of one thread: a counter every copy increments
    // and then spins on is a barrier (the release sequence of the RMWs).
    if (orderedByAtomic(SM, A, SideA, B, SideB) ||
        orderedByAtomic(SM, B, SideB, A, SideA))
      return;
    // A done flag published under a mutex (FlagHandOff.h).
    auto Thread = [](int Ctx) {
      return Ctx >= 0 && !isCoroCtx(Ctx) ? Ctx : -2;
    };
    if (flagOrdered(FA, TL, Reach, A, CtxA, SideA, B, Thread(CtxB), SideB) ||
        flagOrdered(FA, TL, Reach, B, CtxB, SideB, A, Thread(CtxA), SideA))
      return;
    // The write is the primary; between two writes, the earlier one.
    bool AFirst = A.Write &&
                  (!B.Write || !SM.isBeforeInTranslationUnit(B.Where, A.Where));
    const Access &P = AFirst ? A : B;
    const Access &O = AFirst ? B : A;
    int CtxP = AFirst ? CtxA : CtxB;
    int CtxO = AFirst ? CtxB : CtxA;
    std::string What = P.Loc.describe();
    if (!Reported.insert(findingKey(P.Loc, CtxP, CtxO, FirstMemberCtx))
             .second)
      return;
    report(FA, TL, P, CtxP, O, CtxO, What);
  }

  void report(FunctionAnalysis &FA, const ThreadLifetime *TL, const Access &P,
              int CtxP, const Access &O, int CtxO, const std::string &What) {
    const ThreadModel &TM = FA.threads();
    Finding F = makeFinding(CheckId::DataRace, P.Where, MessageId::DataRace,
                            {What, int(P.Write), int(O.Write)}, P.Range);
    for (SourceLocation Via : P.Via)
      F.note(Via, MessageId::RaceThroughCall);
    bool SameAccess = CtxP == CtxO && P.Where == O.Where;
    if (SameAccess) {
      F.note(TM.spawns()[CtxP].Spawn->getBeginLoc(),
             TM.spawns()[CtxP].Kind == SpawnKind::PoolSubmit
                 ? MessageId::RaceSameAccessInTasks
                 : MessageId::RaceSameAccessInCopies,
             {int(O.Write)});
    } else {
      if (CtxO >= 0 && TM.spawns()[CtxO].Kind == SpawnKind::ChannelSend)
        F.note(O.Where, MessageId::RaceReceiverMayRead,
               {static_cast<const NamedDecl *>(TM.spawns()[CtxO].Callee)},
               O.Range);
      else if (P.Where == O.Where)
        F.note(O.Where, MessageId::RaceSameCodeOtherThread, {int(O.Write)},
               O.Range);
      else
        F.note(O.Where, MessageId::RaceOtherAccess, {int(O.Write)}, O.Range);
      for (SourceLocation Via : O.Via)
        F.note(Via, MessageId::RaceThroughCall);
      if (CtxP >= 0 && CtxO >= 0 && CtxP != CtxO) {
        // The callables of one parallel_invoke or parallel_reduce: each
        // where it is written.
        auto Start = [&](int Ctx) {
          const SpawnSite &Site = TM.spawns()[Ctx];
          return ((Site.RunsOnce || Site.WithSiblings) && Site.Callable
                      ? Site.Callable
                      : Site.Spawn)
              ->getBeginLoc();
        };
        F.note(Start(CtxP), MessageId::RaceThreadSpawned, {1});
        noteHelper(F, TM.spawns()[CtxP]);
        F.note(Start(CtxO), MessageId::RaceThreadSpawned, {2});
        noteHelper(F, TM.spawns()[CtxO]);
      } else if (std::max(CtxP, CtxO) <= FirstMemberCtx) {
        // Two public member functions of a fearless::shared class.
        const MemberSide &MP = member(CtxP);
        const MemberSide &MO = member(CtxO);
        F.note(MP.Method->getLocation(), MessageId::RaceSharedClassMember,
               {"'" + MP.Method->getNameAsString() + "'",
                "'" + MP.Method->getParent()->getNameAsString() + "'"});
        if (MO.Method != MP.Method)
          F.note(MO.Method->getLocation(), MessageId::RaceSharedClassMember,
                 {"'" + MO.Method->getNameAsString() + "'",
                  "'" + MO.Method->getParent()->getNameAsString() + "'"});
      } else if (int Beside = std::min(CtxP, CtxO); Beside <= FirstMemberCtx) {
        const MemberSide &M = member(Beside);
        const MemberThreadPeers &Peers = *M.Peers;
        // A null handle: the thread is the object (a QThread subclass).
        F.note(Peers.SpawnLoc, MessageId::RaceMemberThreadStarted,
               {"'" + (Peers.Handle ? Peers.Handle->getNameAsString()
                                    : std::string("*this")) +
                    "'",
                int(!isa<CXXConstructorDecl>(Peers.Starter)),
                "'" + Peers.Starter->getNameAsString() + "'"});
        bool Destructor = isa<CXXDestructorDecl>(M.Method);
        F.note(M.Method->getLocation(), MessageId::RaceConcurrentMember,
               {int(Destructor), "'" + M.Method->getNameAsString() + "'"});
        if (M.JoinedAt.isValid())
          F.note(M.JoinedAt, MessageId::RaceMemberJoinsHere,
                 {"'" + M.Method->getNameAsString() + "'"});
      } else if (isCoroCtx(CtxP) || isCoroCtx(CtxO)) {
        const CoroutineRun &C = Coros[std::max(CtxP, CtxO) - FirstCoroCtx];
        const auto *Callee = static_cast<const NamedDecl *>(calleeOf(C.Call));
        if (C.Start == C.Call)
          F.note(C.Call->getBeginLoc(), MessageId::RaceCoroutineCalled,
                 {Callee});
        else
          F.note(C.Start->getExprLoc(), MessageId::RaceCoroutineStarted,
                 {Callee});
        addResumptionNotes(F, *C.From);
      } else {
        int Thread = CtxP >= 0 ? CtxP : CtxO;
        const SpawnSite &Site = TM.spawns()[Thread];
        if (Site.Kind == SpawnKind::PoolSubmit) {
          F.note(Site.Spawn->getBeginLoc(), MessageId::RaceTaskQueued,
                 {static_cast<const NamedDecl *>(Site.Pool)});
        } else if (Site.Kind == SpawnKind::ChannelSend) {
          // The receiver's read is the send itself (its code is unknown).
          noteChannelSend(F, Site.Callee, Site.Param, Site.Channel,
                          Site.Spawn);
        } else
          F.note(Site.Spawn->getBeginLoc(), MessageId::RaceThreadSpawned, {0});
        noteHelper(F, Site);
        if (Site.Sink.Decl) {
          llvm::ArrayRef<SourceLocation> Joins =
              TL->joinsOf(HandleKey(Site.Sink.Decl));
          if (!Joins.empty())
            F.note(Joins.front(), MessageId::RaceJoinedOnlyHere);
        }
      }
    }
    // A lock held on one side only.
    auto OneSided = [&](const Access &Held, const Access &Other) {
      for (const Lock &L : Held.Locks) {
        if (L.Unknown || L.Counter)
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
    if (Thread >= 0 && !isCoroCtx(Thread) && llvm::any_of(P.Loc.Path, [](const PathStep &Step) {
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
  std::vector<MemberSide> Members;
  std::vector<CoroutineRun> Coros;
  llvm::DenseSet<const CXXRecordDecl *> SharedDone;
  GuardedEscapeFinder Guarded;
  /// Statement order in the spawning function's CFG, built on first use.
  std::optional<CfgReach> Reach;
};

} // namespace

std::unique_ptr<Check> createDataRaceCheck(Session &S) {
  return std::make_unique<DataRaceCheck>(S);
}

} // namespace fearless
