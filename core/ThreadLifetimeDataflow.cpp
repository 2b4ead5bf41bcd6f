//===- ThreadLifetimeDataflow.cpp - Applying facts to thread states -------===//

#include "ThreadLifetimeDataflow.h"
#include "fearless/SpawnInference.h"

using namespace clang;

namespace fearless::threadlifetime {

namespace {

bool locLess(SourceLocation A, SourceLocation B) {
  if (A.isInvalid())
    return false;
  if (B.isInvalid())
    return true;
  return A.getRawEncoding() < B.getRawEncoding();
}

SourceLocation minLoc(SourceLocation A, SourceLocation B) {
  return locLess(B, A) ? B : A;
}

} // namespace

void ThreadStateAnalysis::join(State &Into, const State &From) const {
  Into.Path = PathFacts::join(Into.Path, From.Path);
  for (const State::Entry &E : From.Entries) {
    SpawnState *Existing = Into.find(E.first);
    if (!Existing) {
      Into.getOrInsert(E.first) = E.second;
      continue;
    }
    SpawnState &A = *Existing;
    const SpawnState &B = E.second;
    if (A == B)
      continue;
    // An owner only known on one side is the owner.
    if (A.Owner != B.Owner && !A.Owner) {
      A.Owner = B.Owner;
      A.OwnerElement = B.OwnerElement;
      A.OwnerJoins = B.OwnerJoins;
    } else if (A.Owner == B.Owner) {
      A.OwnerJoins &= B.OwnerJoins; // joins only if it does on every path
    }
    A.Bits |= B.Bits;
    A.DetachLoc = minLoc(A.DetachLoc, B.DetachLoc);
    if (locLess(B.EscapeLoc, A.EscapeLoc)) {
      A.EscapeLoc = B.EscapeLoc;
      A.Reason = B.Reason;
      A.EscapeDecl = B.EscapeDecl;
    }
    A.JoinLoc = minLoc(A.JoinLoc, B.JoinLoc);
    A.Known = PathFacts::join(A.Known, B.Known);
  }
}

bool ThreadStateAnalysis::ownsAsPool(const SpawnState &St,
                                     const HandleRef &H) const {
  return St.Pool && St.Pool == H.Key;
}

bool ThreadStateAnalysis::owns(const SpawnState &St, const HandleRef &H) const {
  if (!St.Owner || St.Owner != H.Key)
    return false;
  return true;
}

void ThreadStateAnalysis::setOwner(SpawnState &St, const HandleSink &Sink,
                                   SourceLocation Loc) {
  switch (Sink.Kind) {
  case SinkKind::Local:
  case SinkKind::Member:
  case SinkKind::Global:
    St.Owner = HandleKey(Sink.Decl);
    St.OwnerElement = Sink.Element;
    St.OwnerJoins = Sink.JoinsOnDestroy;
    return;
  case SinkKind::Temporary:
    St.Owner = HandleKey(Sink.Temp);
    St.OwnerElement = false;
    St.OwnerJoins = Sink.JoinsOnDestroy;
    return;
  case SinkKind::Returned:
  case SinkKind::Escaped:
    St.Owner = HandleKey();
    St.OwnerJoins = false;
    if (St.Bits & TS_Running) {
      St.Bits = (St.Bits & ~TS_Running) | TS_Escaped;
      St.EscapeLoc = Sink.Loc.isValid() ? Sink.Loc : Loc;
      St.Reason =
          Sink.Kind == SinkKind::Returned
              ? EscapeReason::Returned
              : (Sink.Decl ? EscapeReason::Leaked : EscapeReason::MovedAway);
      St.EscapeDecl = Sink.Decl;
    }
    return;
  case SinkKind::None:
    return;
  }
}

void ThreadStateAnalysis::apply(const Fact &F, State &S, bool Record) {
  switch (F.K) {
  case Fact::Spawn: {
    const SpawnSite &Site = Model.spawns()[F.SpawnId];
    if (Record) {
      // The tasks of a pool with one worker run one after the other.
      auto Serial = [&](unsigned Other) {
        const SpawnSite &O = Model.spawns()[Other];
        return Site.Kind == SpawnKind::PoolSubmit &&
               O.Kind == SpawnKind::PoolSubmit && Site.Pool == O.Pool &&
               Site.Inferred->Class->SingleWorker && !Site.Inferred->Spread;
      };
      // Several tasks per call (a bulk helper queuing in a loop).
      if ((S.find(F.SpawnId) || (Site.Inferred && Site.Inferred->ManyPerCall &&
                                 Site.Kind == SpawnKind::PoolSubmit)) &&
          !Serial(F.SpawnId))
        Out.MultiInstance.set(F.SpawnId);
      // The threads of one helper's return statements are alternatives:
      // one call starts one of them (two, if the call runs again, which
      // is not told apart here: those pairs are not recorded).
      auto Alternative = [&](unsigned Other) {
        const SpawnSite &O = Model.spawns()[Other];
        return Site.ReturnedBy && O.ReturnedBy && O.Spawn == Site.Spawn;
      };
      for (const State::Entry &E : S.Entries)
        if (E.first != F.SpawnId && !Serial(E.first) && !Alternative(E.first))
          Out.Overlaps.insert({std::min<unsigned>(E.first, F.SpawnId),
                               std::max<unsigned>(E.first, F.SpawnId)});
    }
    if (Site.Kind == SpawnKind::ScopedCall) {
      S.erase(F.SpawnId); // finished before the call returns
      return;
    }
    // An earlier instance still running keeps only what holds for both.
    PathFacts Known = S.Path;
    if (const SpawnState *Old = S.find(F.SpawnId))
      Known = PathFacts::join(Old->Known, S.Path);
    SpawnState &St = S.getOrInsert(F.SpawnId);
    St = SpawnState();
    St.Known = std::move(Known);
    if (Site.Kind == SpawnKind::DetachedCall ||
        Site.Kind == SpawnKind::ChannelSend) {
      St.Bits = TS_Escaped;
      St.Reason = EscapeReason::AnnotatedSpawn;
      St.EscapeLoc = Site.Spawn->getBeginLoc();
      return;
    }
    // An eager coroutine suspended on its way to another thread, its frame
    // owned by nothing: like a detached thread.
    if (Site.Kind == SpawnKind::CoroutineCall &&
        Site.Sink.Kind == SinkKind::None) {
      St.Bits = TS_Escaped;
      St.Reason = EscapeReason::CoroutineResumesElsewhere;
      St.EscapeLoc = Site.Spawn->getBeginLoc();
      return;
    }
    St.Bits = TS_Running;
    setOwner(St, Site.Sink, F.Loc);
    if (Site.Kind == SpawnKind::PoolSubmit) {
      St.Pool = HandleKey(Site.Pool);
      St.PoolJoins = Site.Inferred->Class->DestructorJoins;
    }
    if (Site.Sink.Kind == SinkKind::Member)
      St.EscapeDecl = Site.Sink.Decl;
    return;
  }
  case Fact::Op: {
    // Only a join of a thread that may run is one (a restart's join of the
    // previous thread, before the same call starts the next, is not).
    bool Ends = false;
    for (State::Entry &E : S.Entries) {
      SpawnState &St = E.second;
      if (!(owns(St, F.Handle) || ownsAsPool(St, F.Handle)) ||
          !(St.Bits & TS_Running))
        continue;
      Ends = true;
      St.Bits &= ~TS_Running;
      if (F.Operation == HandleOp::Join) {
        St.Bits |= TS_Joined;
        St.JoinLoc = minLoc(St.JoinLoc, F.Loc);
      } else {
        St.Bits |= TS_Detached;
        St.DetachLoc = minLoc(St.DetachLoc, F.Loc);
      }
    }
    S.prune();
    if (Record && Ends && F.Operation == HandleOp::Join)
      Out.Joins[F.Handle.Key.getOpaqueValue()].push_back(F.Loc);
    return;
  }
  case Fact::Transfer:
    for (State::Entry &E : S.Entries)
      if (owns(E.second, F.Handle))
        setOwner(E.second, F.To, F.Loc);
    return;
  case Fact::Destroy:
    for (State::Entry &E : S.Entries) {
      unsigned Id = E.first;
      SpawnState &St = E.second;
      if (!owns(St, F.Handle)) {
        // Destroying a pool that joins its workers finishes its tasks.
        if (ownsAsPool(St, F.Handle) && St.PoolJoins &&
            (St.Bits & TS_Running)) {
          St.Bits = (St.Bits & ~TS_Running) | TS_Joined;
          St.JoinLoc = minLoc(St.JoinLoc, F.Loc);
        }
        continue;
      }
      HandleKind Kind = Model.spawns()[Id].Handle;
      if (St.Bits & TS_Running) {
        // Destroying the object that owns a coroutine frame destroys the
        // frame: it does not run after that.
        if (St.OwnerJoins || Kind == HandleKind::JThread ||
            Kind == HandleKind::AsyncFuture ||
            Model.spawns()[Id].Kind == SpawnKind::CoroutineCall) {
          St.Bits = (St.Bits & ~TS_Running) | TS_Joined;
          St.JoinLoc = minLoc(St.JoinLoc, F.Loc);
        } else if (Kind == HandleKind::Thread) {
          if (Record &&
              SeenDestroyed.insert({Id, F.Handle.Key.getOpaqueValue()}).second)
            Out.Destroyed.push_back(JoinableDestroyed{
                Id, F.Handle.Key, St.OwnerElement, F.Loc, F.Trigger, St});
          St.Bits = (St.Bits & ~TS_Running) | TS_Terminated;
        }
      }
      St.Owner = HandleKey();
      St.OwnerJoins = false;
    }
    S.prune();
    return;
  case Fact::VarDeath:
  case Fact::TempDeath:
  case Fact::ExitDeath: {
    if (!Record)
      return;
    auto Check = [&](const void *V, SourceLocation Loc, bool AtExit) {
      auto It = Borrowers.find(V);
      if (It == Borrowers.end())
        return;
      for (auto [SpawnId, BorrowIndex] : It->second) {
        const SpawnState *St = S.find(SpawnId);
        if (!St || !(St->Bits & TS_MayRun))
          continue;
        if (!SeenOutlived.insert({SpawnId, V}).second)
          continue;
        Out.Outlived.push_back(
            OutlivedBorrow{SpawnId, BorrowIndex, Loc, AtExit, F.Trigger, *St});
      }
    };
    if (F.K == Fact::VarDeath) {
      Check(F.Var, F.Loc, false);
    } else if (F.K == Fact::TempDeath) {
      Check(F.Temp, F.Loc, false);
    } else {
      for (const State::Entry &E : S.Entries)
        Out.RunningAtExit.set(E.first);
      for (const ParmVarDecl *P : Model.function()->parameters())
        Check(P, F.Loc, true);
    }
    return;
  }
  case Fact::Write:
    S.Path.assign(F.Var, F.Written);
    for (State::Entry &E : S.Entries)
      E.second.Known.assign(F.Var, F.Written);
    return;
  case Fact::Point:
    if (!Record || S.Entries.empty())
      return;
    {
      llvm::SmallVector<unsigned, 2> &Running = Out.Running[F.S];
      Running.clear();
      for (const State::Entry &E : S.Entries)
        Running.push_back(E.first);
    }
    return;
  }
}

void ThreadStateAnalysis::transferEdge(const CFGBlock &From, unsigned SuccIndex,
                                       State &S) const {
  const EdgeRefinement &R = Refinements[From.getBlockID()];
  if (SuccIndex < 2 && !R.Holds[SuccIndex].empty()) {
    // A thread whose start implies the branch is not taken does not run
    // on this edge.
    llvm::ArrayRef<ValueGuard> Holds = R.Holds[SuccIndex];
    S.Path.assume(Holds);
    llvm::erase_if(S.Entries, [&](const State::Entry &E) {
      return E.second.Known.contradictedBy(Holds);
    });
    for (State::Entry &E : S.Entries)
      E.second.Known.assume(Holds);
  }
  if (R.K == EdgeRefinement::None || !R.holdsOn(SuccIndex))
    return;
  if (R.K == EdgeRefinement::SpawnFailed) {
    S.erase(R.SpawnId);
    return;
  }
  if (R.K == EdgeRefinement::NotSpawned) {
    for (unsigned Id : R.NotSpawnedIds)
      S.erase(Id);
    return;
  }
  for (State::Entry &E : S.Entries)
    if (owns(E.second, R.Handle))
      E.second.Bits &= ~TS_Running;
  S.prune();
}

} // namespace fearless::threadlifetime
