//===- DeadlockCheck.cpp - fearless-deadlock ------------------------------===//
//
// Lock-order inversions between code that may run on two threads at the
// same time, and a thread locking a non-recursive mutex it already holds.
// The locks each side takes, with the locks held there, come from the
// function summaries (Access.h's Acquisition, through calls); which sides
// run at the same time from the thread lifetimes of the spawning function
// (spawner vs. a running thread, overlapping threads, copies of one thread)
// and from the concurrency model (a member thread vs. its class's public
// members, the public members of a fearless::shared class), as in
// fearless-data-race. LockOrder.h compares two sides.
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/Concurrency.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/LockOrder.h"
#include "fearless/ThreadAccesses.h"
#include "fearless/ThreadLifetime.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace fearless {

namespace {

/// Who runs one side of an inversion, for the notes.
struct SideInfo {
  enum Kind : unsigned char {
    /// The spawning function, while the thread of the other side runs.
    Spawner,
    /// A thread started in the function (Spawn).
    Thread,
    /// A public member function of a fearless::shared class (Method).
    SharedMember,
    /// A member function running beside a member thread (Method, Peers).
    BesideMemberThread,
  } What = Spawner;
  int Spawn = -1;
  const CXXMethodDecl *Method = nullptr;
  const MemberThreadPeers *Peers = nullptr;
};

std::string quoted(const NamedDecl *D) {
  return "'" + D->getNameAsString() + "'";
}

class DeadlockCheck : public Check {
public:
  explicit DeadlockCheck(Session &S) : S(S) {}
  CheckId id() const override { return CheckId::Deadlock; }

  void checkFunction(FunctionAnalysis &FA) override {
    if (FA.scan().HasErrors)
      return;
    // Self-deadlocks and shared classes only in functions that take a lock
    // themselves (or in their lambdas); threads only in functions that
    // start some, and only when some side takes a lock while holding one.
    if (FA.scan().LockCalls != 0) {
      checkSelf(FA);
      checkSharedClass(FA);
    }
    checkThreads(FA);
  }

private:
  /// Self-deadlocks, reported in the function that took the lock first:
  /// the held lock was taken in its body.
  void checkSelf(FunctionAnalysis &FA) {
    const FunctionDecl *FD = FA.function();
    bool Spawns = !FA.scan().Spawns.empty();
    // A self-deadlock is reported where the held lock was taken: only a
    // body that takes a lock itself needs its summary. The function's count
    // includes its lambdas'; each lambda's operator counts its own.
    llvm::SmallVector<const FunctionDecl *, 4> Bodies;
    unsigned InLambdas = 0;
    for (const LambdaExpr *LE : FA.scan().Lambdas) {
      const FunctionDecl *Op = LE->getCallOperator();
      unsigned N = S.functionAnalysis(Op).scan().LockCalls;
      InLambdas += N;
      if (N != 0)
        Bodies.push_back(Op);
    }
    if (FA.scan().LockCalls > InLambdas)
      Bodies.insert(Bodies.begin(), FD);
    const SourceManager &SM = FA.astContext().getSourceManager();
    for (const FunctionDecl *Body : Bodies) {
      const FunctionSummary *Sum =
          S.acquisitionSummary(Body, /*LocalsShared=*/Body == FD && Spawns);
      if (!Sum || !Body->getBody())
        continue;
      SourceRange Range = Body->getBody()->getSourceRange();
      for (const OrderStep &Step : findSelfDeadlocks(Sum->Acquisitions)) {
        SourceLocation HeldAt = Step.Held->Acquired;
        if (HeldAt.isInvalid() ||
            !SM.isPointWithin(HeldAt, Range.getBegin(), Range.getEnd()))
          continue;
        const Acquisition &A = *Step.At;
        if (!SelfReported
                 .insert({A.Taken.Acquired.getRawEncoding(),
                          HeldAt.getRawEncoding()})
                 .second)
          continue;
        std::string Name = A.Taken.Mutex.describe();
        bool ByCall = !A.Via.empty();
        Finding F = makeFinding(CheckId::Deadlock,
                                ByCall ? A.Via.front() : A.Taken.Acquired,
                                MessageId::SelfDeadlock, {Name, int(ByCall)});
        F.note(HeldAt, MessageId::DeadlockHeldHere, {Name});
        for (size_t I = 1; I < A.Via.size(); ++I)
          F.note(A.Via[I], MessageId::DeadlockThroughCall);
        if (ByCall)
          F.note(A.Taken.Acquired, MessageId::DeadlockRelockedHere, {Name});
        F.note(ByCall ? A.Via.front() : A.Taken.Acquired,
               MessageId::DeadlockHelpSelf, {Name});
        S.report(std::move(F));
      }
    }
  }

  /// The public member functions of a class marked fearless::shared, each
  /// against each (itself included), once per class.
  void checkSharedClass(FunctionAnalysis &FA) {
    const CXXRecordDecl *Class = S.concurrency().sharedClassOf(FA.function());
    if (!Class || !SharedDone.insert(Class).second)
      return;
    llvm::ArrayRef<const CXXMethodDecl *> Public =
        S.concurrency().sharedClassMembers(Class);
    std::vector<std::vector<Acquisition>> Sides;
    bool Nested = false;
    for (const CXXMethodDecl *M : Public) {
      const FunctionSummary *Sum = S.summary(M, /*LocalsShared=*/false);
      Sides.push_back(Sum ? Sum->Acquisitions : std::vector<Acquisition>());
      Nested |= hasNestedAcquisition(Sides.back(), false);
    }
    if (!Nested)
      return;
    for (size_t I = 0; I < Sides.size(); ++I)
      for (size_t J = I; J < Sides.size(); ++J) {
        SideInfo X{SideInfo::SharedMember, -1, Public[I], nullptr};
        SideInfo Y{SideInfo::SharedMember, -1, Public[J], nullptr};
        compare(FA, Sides[I], X, Sides[J], Y, I == J, false);
      }
  }

  /// The threads a function starts against each other, against copies of
  /// themselves, against the function while they run, and member threads
  /// against the members running beside them.
  void checkThreads(FunctionAnalysis &FA) {
    const ThreadLifetime *TL = FA.lifetime();
    if (!TL)
      return;
    const ThreadModel &TM = FA.threads();
    // What its calls take only where its threads may run (the comparisons
    // below ask for no more); a lock still held at a join is taken by the
    // function itself, or returned held by a call, and recorded anyway.
    const FunctionSummary *Own = S.concurrentSummary(FA.function());
    if (!Own)
      return;
    std::vector<std::vector<Acquisition>> Threads;
    bool Nested = hasNestedAcquisition(Own->Acquisitions, true);
    for (const SpawnSite &Site : TM.spawns()) {
      Threads.push_back(threadAcquisitions(FA, Site));
      Nested |= hasNestedAcquisition(Threads.back(), true);
    }
    // Joins under a lock need no nesting: only a lock held at a join.
    if (!Own->Acquisitions.empty())
      checkJoins(FA, TL, Threads);
    if (!Nested)
      return;
    auto Thread = [](int Id) {
      return SideInfo{SideInfo::Thread, Id, nullptr, nullptr};
    };
    for (size_t Id = 0; Id < Threads.size(); ++Id) {
      // The spawner's own acquisitions while this thread runs.
      std::vector<Acquisition> Beside;
      for (const Acquisition &A : Own->Acquisitions)
        if (llvm::is_contained(TL->runningAt(A.Point), unsigned(Id)))
          Beside.push_back(A);
      compare(FA, Beside, SideInfo{}, Threads[Id], Thread(Id), false, true);
      if (TL->isMultiInstance(Id) ||
          TM.spawns()[Id].Kind == SpawnKind::ScopedCall)
        compare(FA, Threads[Id], Thread(Id), Threads[Id], Thread(Id), true,
                true);
    }
    for (auto [I, J] : TL->overlappingPairs())
      compare(FA, Threads[I], Thread(I), Threads[J], Thread(J), false, true);
    for (const SpawnSite &Site : TM.spawns())
      pairWithMembers(FA, TL, Site, Threads[Site.Id]);
  }

  /// A join (t.join(), fut.get(), pthread_join) of a thread that may still
  /// run, while holding a lock the thread takes: the thread may be waiting
  /// for that lock, and then neither finishes.
  void checkJoins(FunctionAnalysis &FA, const ThreadLifetime *TL,
                  const std::vector<std::vector<Acquisition>> &Threads) {
    const auto *Calls = S.locksAtCalls(FA.function(), 0);
    if (!Calls)
      return;
    const ThreadModel &TM = FA.threads();
    const LibraryModel &Lib = S.library();
    for (const auto &[Call, Held] : *Calls) {
      if (Held.empty())
        continue;
      // The handle joined: the object of a join method, or the handle
      // argument of a join function.
      const Expr *HandleExpr = nullptr;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
        auto Op = MC->getMethodDecl() ? Lib.handleMethod(MC->getMethodDecl())
                                      : std::nullopt;
        if (Op && *Op == HandleOp::Join)
          HandleExpr = MC->getImplicitObjectArgument();
      } else if (const auto *CE = dyn_cast<CallExpr>(Call)) {
        auto Op = CE->getDirectCallee()
                      ? Lib.handleFunction(CE->getDirectCallee())
                      : std::nullopt;
        if (Op && Op->first == HandleOp::Join && Op->second < CE->getNumArgs())
          HandleExpr = CE->getArg(Op->second);
      }
      const VarDecl *Handle = HandleExpr ? referencedVar(HandleExpr) : nullptr;
      if (!Handle)
        continue;
      // Whether the thread may still run just before the join: at the
      // handle's evaluation (the join itself ends it).
      for (unsigned Id : TL->runningAt(HandleExpr->IgnoreParenImpCasts())) {
        const SpawnSite &Site = TM.spawns()[Id];
        if (Site.Sink.Decl != Handle || TL->isMultiInstance(Id))
          continue;
        for (const Lock &L : Held) {
          if (L.Unknown || !isIdentifiableLock(L.Mutex, true))
            continue;
          const Acquisition *Needs = nullptr;
          for (const Acquisition &A : Threads[Id])
            if (A.Taken.Mutex == L.Mutex && !(A.Taken.Shared && L.Shared)) {
              Needs = &A;
              break;
            }
          if (!Needs || !JoinReported.insert(Call).second)
            continue;
          std::string Name = L.Mutex.describe();
          Finding F = makeFinding(CheckId::Deadlock, Call->getBeginLoc(),
                                  MessageId::JoinWhileHolding, {Name});
          F.note(L.Acquired, MessageId::DeadlockHeldHere, {Name});
          F.note(Site.Spawn->getBeginLoc(), MessageId::RaceThreadSpawned, {0});
          F.note(Needs->Taken.Acquired, MessageId::DeadlockThreadLocks,
                 {Name});
          for (SourceLocation Via : Needs->Via)
            F.note(Via, MessageId::DeadlockThroughCall);
          F.note(Call->getBeginLoc(), MessageId::DeadlockHelpJoin, {Name});
          S.report(std::move(F));
          break;
        }
      }
    }
  }

  /// A member thread against what the public member functions of its class
  /// take before they join it.
  void pairWithMembers(FunctionAnalysis &FA, const ThreadLifetime *TL,
                       const SpawnSite &Site,
                       const std::vector<Acquisition> &Thread) {
    const auto *Starter = dyn_cast<CXXMethodDecl>(FA.function());
    const auto *Handle = dyn_cast_or_null<FieldDecl>(Site.Sink.Decl);
    if (!Starter || Starter->isStatic() || Starter->getParent()->isLambda() ||
        Site.Sink.Kind != SinkKind::Member || !Handle ||
        !TL->mayRunAtExit(Site.Id) || !hasNestedAcquisition(Thread, false))
      return;
    const MemberThreadPeers &Peers = S.concurrency().memberThreadPeers(
        Starter, Handle, Site.Body.Function, Site.Spawn->getBeginLoc());
    const SourceManager &SM = FA.astContext().getSourceManager();
    for (const ConcurrentMember &M : Peers.Members) {
      const FunctionSummary *Sum = S.summary(M.Method, /*LocalsShared=*/false);
      if (!Sum)
        continue;
      std::vector<Acquisition> Side;
      for (const Acquisition &A : Sum->Acquisitions) {
        SourceLocation At = A.Via.empty() ? A.Taken.Acquired : A.Via.front();
        if (M.JoinedAt.isInvalid() ||
            SM.isBeforeInTranslationUnit(At, M.JoinedAt))
          Side.push_back(A);
      }
      SideInfo X{SideInfo::BesideMemberThread, -1, M.Method, &Peers};
      compare(FA, Side, X, Thread, SideInfo{SideInfo::Thread, int(Site.Id)},
              false, false);
    }
  }

  void compare(FunctionAnalysis &FA, llvm::ArrayRef<Acquisition> X,
               const SideInfo &SX, llvm::ArrayRef<Acquisition> Y,
               const SideInfo &SY, bool Same, bool ParamsIdentify) {
    if (X.empty() || Y.empty())
      return;
    for (const Inversion &Inv : findInversions(X, Y, Same, ParamsIdentify))
      report(FA, Inv, SX, SY, Same);
  }

  void report(FunctionAnalysis &FA, Inversion Inv, SideInfo SX, SideInfo SY,
              bool Same) {
    // The primary is the side whose held lock is taken first in the source
    // (the spawner's side stays first: its notes name the thread).
    const SourceManager &SM = FA.astContext().getSourceManager();
    if (SX.What == SY.What &&
        SM.isBeforeInTranslationUnit(Inv.Second.Held->Acquired,
                                     Inv.First.Held->Acquired)) {
      std::swap(Inv.First, Inv.Second);
      std::swap(SX, SY);
    }
    const Acquisition &A = *Inv.First.At;
    const Acquisition &B = *Inv.Second.At;
    std::string Taken = A.Taken.Mutex.describe();
    std::string Held = Inv.First.Held->Mutex.describe();
    // One finding per pair of locks and function.
    std::string Key = std::to_string(reinterpret_cast<uintptr_t>(
                          FA.function()->getCanonicalDecl())) +
                      "|" + std::min(Taken, Held) + "|" + std::max(Taken, Held);
    if (!Reported.insert(Key).second)
      return;
    Finding F = makeFinding(CheckId::Deadlock, A.Taken.Acquired,
                            MessageId::LockOrderInversion, {Taken, Held});
    F.note(Inv.First.Held->Acquired, MessageId::DeadlockHeldHere, {Held});
    for (SourceLocation Via : A.Via)
      F.note(Via, MessageId::DeadlockThroughCall);
    F.note(B.Taken.Acquired, MessageId::DeadlockOtherOrder, {Held, Taken});
    F.note(Inv.Second.Held->Acquired, MessageId::DeadlockHeldHere, {Taken});
    for (SourceLocation Via : B.Via)
      F.note(Via, MessageId::DeadlockThroughCall);
    sideNotes(FA, F, SX, SY, Same);
    bool C = !FA.astContext().getLangOpts().CPlusPlus;
    F.note(A.Taken.Acquired, MessageId::DeadlockHelpOrder,
           {Held, Taken, int(C)});
    S.report(std::move(F));
  }

  /// Where the two sides run.
  void sideNotes(FunctionAnalysis &FA, Finding &F, const SideInfo &SX,
                 const SideInfo &SY, bool Same) {
    const ThreadModel &TM = FA.threads();
    auto SpawnLoc = [&](int Id) { return TM.spawns()[Id].Spawn->getBeginLoc(); };
    if (Same && SX.What == SideInfo::Thread) {
      F.note(SpawnLoc(SX.Spawn), MessageId::DeadlockCopies);
      return;
    }
    if (SX.What == SideInfo::Thread && SY.What == SideInfo::Thread) {
      F.note(SpawnLoc(SX.Spawn), MessageId::RaceThreadSpawned, {1});
      F.note(SpawnLoc(SY.Spawn), MessageId::RaceThreadSpawned, {2});
      return;
    }
    if (SX.What == SideInfo::Spawner) {
      F.note(SpawnLoc(SY.Spawn), MessageId::RaceThreadSpawned, {0});
      return;
    }
    if (SX.What == SideInfo::SharedMember) {
      F.note(SX.Method->getLocation(), MessageId::RaceSharedClassMember,
             {quoted(SX.Method), quoted(SX.Method->getParent())});
      if (SY.Method != SX.Method)
        F.note(SY.Method->getLocation(), MessageId::RaceSharedClassMember,
               {quoted(SY.Method), quoted(SY.Method->getParent())});
      return;
    }
    // A member function beside a member thread.
    const MemberThreadPeers &Peers = *SX.Peers;
    F.note(Peers.SpawnLoc, MessageId::RaceMemberThreadStarted,
           {quoted(Peers.Handle), int(!isa<CXXConstructorDecl>(Peers.Starter)),
            quoted(Peers.Starter)});
    F.note(SX.Method->getLocation(), MessageId::RaceConcurrentMember,
           {int(isa<CXXDestructorDecl>(SX.Method)), quoted(SX.Method)});
  }

  Session &S;
  llvm::StringSet<> Reported;
  llvm::DenseSet<std::pair<unsigned, unsigned>> SelfReported;
  llvm::DenseSet<const CXXRecordDecl *> SharedDone;
  llvm::DenseSet<const Expr *> JoinReported;
};

} // namespace

std::unique_ptr<Check> createDeadlockCheck(Session &S) {
  return std::make_unique<DeadlockCheck>(S);
}

} // namespace fearless
