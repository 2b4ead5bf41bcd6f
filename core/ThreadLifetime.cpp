//===- ThreadLifetime.cpp - Which threads may run, on every path ----------===//

#include "fearless/ThreadLifetime.h"
#include "fearless/ASTUtil.h"
#include "fearless/Dataflow.h"
#include "fearless/FunctionAnalysis.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/TimeProfiler.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace fearless {

bool SpawnState::operator==(const SpawnState &O) const {
  return Bits == O.Bits && Owner == O.Owner && OwnerElement == O.OwnerElement &&
         OwnerJoins == O.OwnerJoins && DetachLoc == O.DetachLoc &&
         EscapeLoc == O.EscapeLoc && Reason == O.Reason &&
         EscapeDecl == O.EscapeDecl && JoinLoc == O.JoinLoc;
}

namespace {

/// One event of the thread-lifetime analysis, derived from a CFG element.
struct Fact {
  enum Kind : unsigned char {
    Spawn,     // a thread starts (Spawn)
    Op,        // join/detach of Handle
    Transfer,  // Handle moves to To
    Destroy,   // Handle is destroyed
    VarDeath,  // Var's lifetime ends
    ExitDeath, // the function returns: parameters die
    Point,     // a statement (for runningAt)
  };
  explicit Fact(Kind K) : K(K) {}
  Kind K;
  unsigned SpawnId = 0;
  HandleRef Handle;
  HandleOp Operation = HandleOp::Join;
  HandleSink To;
  const ValueDecl *Var = nullptr;
  const Stmt *S = nullptr;
  const Stmt *Trigger = nullptr;
  SourceLocation Loc;
  /// For the end of a variable's scope (its destructor or lifetime end): the
  /// variable, used to put a scope's exits in reverse declaration order.
  const VarDecl *ScopeVar = nullptr;
  /// Index of the CFG element the fact comes from, within its block.
  unsigned Elem = 0;
};

/// A branch that tells something about a thread on one of its edges.
struct EdgeRefinement {
  enum Kind : unsigned char { None, NotJoinable, SpawnFailed } K = None;
  HandleRef Handle;
  unsigned SpawnId = 0;
  /// The successor index on which the refinement holds.
  unsigned SuccIndex = 0;
};

/// The threads that may run at a program point, by spawn id (sorted). A
/// spawn absent is not running: not started, joined or terminated. Sparse,
/// so that a function with many short-lived threads costs what it has live,
/// not what it has in all.
class State {
public:
  using Entry = std::pair<unsigned, SpawnState>;

  SpawnState *find(unsigned Id) {
    auto It = lower(Id);
    return It != Entries.end() && It->first == Id ? &It->second : nullptr;
  }
  SpawnState &getOrInsert(unsigned Id) {
    auto It = lower(Id);
    if (It == Entries.end() || It->first != Id)
      It = Entries.insert(It, Entry{Id, SpawnState()});
    return It->second;
  }
  void erase(unsigned Id) {
    auto It = lower(Id);
    if (It != Entries.end() && It->first == Id)
      Entries.erase(It);
  }
  /// Drops the threads that can no longer run.
  void prune() {
    Entries.erase(std::remove_if(Entries.begin(), Entries.end(),
                                 [](const Entry &E) {
                                   return !(E.second.Bits & TS_MayRun);
                                 }),
                  Entries.end());
  }
  bool operator==(const State &O) const { return Entries == O.Entries; }

  llvm::SmallVector<Entry, 4> Entries;

private:
  llvm::SmallVector<Entry, 4>::iterator lower(unsigned Id) {
    return std::lower_bound(
        Entries.begin(), Entries.end(), Id,
        [](const Entry &E, unsigned Id) { return E.first < Id; });
  }
};

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

SourceLocation triggerLoc(const Stmt *Trigger, SourceLocation Fallback) {
  if (!Trigger)
    return Fallback;
  if (const auto *CS = dyn_cast<CompoundStmt>(Trigger))
    return CS->getRBracLoc();
  return Trigger->getBeginLoc();
}

} // namespace

/// Builds the facts of a function, solves the dataflow and replays it to
/// record observations.
class ThreadLifetimeBuilder {
public:
  ThreadLifetimeBuilder(FunctionAnalysis &FA, ThreadLifetime &Out)
      : FA(FA), Model(FA.threads()), Lib(Model.library()), Out(Out) {}

  bool run();

  // Dataflow interface.
  State entry() const { return State(); }
  void join(State &Into, const State &From) const;
  bool equal(const State &L, const State &R) const { return L == R; }
  void transferBlock(const CFGBlock &B, State &S) {
    for (const Fact &F : Facts[B.getBlockID()])
      apply(F, S, /*Record=*/false);
  }
  void transferEdge(const CFGBlock &From, unsigned SuccIndex, State &S) const;

private:
  void buildFacts(const CFG &Cfg);
  /// The thread handle a thread_guard-like local refers to, if any.
  std::optional<HandleRef> guardedHandle(const VarDecl *VD) const;
  void sortScopeExits(std::vector<Fact> &Block) const;
  bool loopRunsAtMostOnce(const Stmt *Spawn) const;
  void addStmtFacts(const Stmt *S, std::vector<Fact> &Block);
  void addLoopEntryFact(const Stmt *Op, const Fact &F);
  const Stmt *loopEntry(const Stmt *Op) const;
  EdgeRefinement refinementOf(const CFGBlock &B) const;
  std::optional<unsigned> spawnOfResult(const Expr *E) const;
  void apply(const Fact &F, State &S, bool Record);
  bool owns(const SpawnState &St, const HandleRef &H) const;
  void setOwner(SpawnState &St, const HandleSink &Sink, SourceLocation Loc);
  void dumpFacts(llvm::raw_ostream &OS, const CFG &Cfg) const;

  FunctionAnalysis &FA;
  const ThreadModel &Model;
  const LibraryModel &Lib;
  ThreadLifetime &Out;
  std::vector<std::vector<Fact>> Facts;
  std::vector<EdgeRefinement> Refinements;
  /// Borrowed objects, to each spawn borrowing them.
  llvm::DenseMap<const ValueDecl *,
                 llvm::SmallVector<std::pair<unsigned, unsigned>, 2>>
      Borrowers;
  /// Facts to add before a statement (loop entries).
  llvm::DenseMap<const Stmt *, llvm::SmallVector<Fact, 1>> Before;
  llvm::DenseSet<std::pair<unsigned, const ValueDecl *>> SeenOutlived;
  llvm::DenseSet<std::pair<unsigned, const void *>> SeenDestroyed;
  bool RecordPoints = false;
};

void ThreadLifetimeBuilder::join(State &Into, const State &From) const {
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
  }
}

bool ThreadLifetimeBuilder::owns(const SpawnState &St,
                                 const HandleRef &H) const {
  if (!St.Owner || St.Owner != H.Key)
    return false;
  return true;
}

void ThreadLifetimeBuilder::setOwner(SpawnState &St, const HandleSink &Sink,
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

void ThreadLifetimeBuilder::apply(const Fact &F, State &S, bool Record) {
  switch (F.K) {
  case Fact::Spawn: {
    const SpawnSite &Site = Model.spawns()[F.SpawnId];
    if (Record) {
      if (S.find(F.SpawnId))
        Out.MultiInstance.set(F.SpawnId);
      for (const State::Entry &E : S.Entries)
        if (E.first != F.SpawnId)
          Out.Overlaps.insert({std::min<unsigned>(E.first, F.SpawnId),
                               std::max<unsigned>(E.first, F.SpawnId)});
    }
    if (Site.Kind == SpawnKind::ScopedCall) {
      S.erase(F.SpawnId); // finished before the call returns
      return;
    }
    SpawnState &St = S.getOrInsert(F.SpawnId);
    St = SpawnState();
    if (Site.Kind == SpawnKind::DetachedCall) {
      St.Bits = TS_Escaped;
      St.Reason = EscapeReason::AnnotatedSpawn;
      St.EscapeLoc = Site.Spawn->getBeginLoc();
      return;
    }
    St.Bits = TS_Running;
    setOwner(St, Site.Sink, F.Loc);
    if (Site.Sink.Kind == SinkKind::Member)
      St.EscapeDecl = Site.Sink.Decl;
    return;
  }
  case Fact::Op: {
    for (State::Entry &E : S.Entries) {
      SpawnState &St = E.second;
      if (!owns(St, F.Handle) || !(St.Bits & TS_Running))
        continue;
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
    if (Record && F.Operation == HandleOp::Join)
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
      if (!owns(St, F.Handle))
        continue;
      HandleKind Kind = Model.spawns()[Id].Handle;
      if (St.Bits & TS_Running) {
        if (St.OwnerJoins || Kind == HandleKind::JThread ||
            Kind == HandleKind::AsyncFuture) {
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
  case Fact::ExitDeath: {
    if (!Record)
      return;
    auto Check = [&](const ValueDecl *V, SourceLocation Loc, bool AtExit) {
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
    } else {
      for (const State::Entry &E : S.Entries)
        Out.RunningAtExit.set(E.first);
      for (const ParmVarDecl *P : Model.function()->parameters())
        Check(P, F.Loc, true);
    }
    return;
  }
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

void ThreadLifetimeBuilder::transferEdge(const CFGBlock &From,
                                         unsigned SuccIndex, State &S) const {
  const EdgeRefinement &R = Refinements[From.getBlockID()];
  if (R.K == EdgeRefinement::None || R.SuccIndex != SuccIndex)
    return;
  if (R.K == EdgeRefinement::SpawnFailed) {
    S.erase(R.SpawnId);
    return;
  }
  for (State::Entry &E : S.Entries)
    if (owns(E.second, R.Handle))
      E.second.Bits &= ~TS_Running;
  S.prune();
}

std::optional<unsigned>
ThreadLifetimeBuilder::spawnOfResult(const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      if (VD->hasLocalStorage() && VD->getInit()) {
        E = VD->getInit()->IgnoreParenImpCasts();
      } else {
        // r = pthread_create(...); if (r) ...: the spawn assigned to it.
        std::optional<unsigned> Found;
        for (const SpawnSite &S : Model.spawns()) {
          const auto *BO =
              dyn_cast_or_null<BinaryOperator>(Model.semanticParent(S.Spawn));
          if (!BO || BO->getOpcode() != BO_Assign)
            continue;
          if (referencedVar(BO->getLHS()) != VD)
            continue;
          if (Found)
            return std::nullopt; // several: cannot tell which
          Found = S.Id;
        }
        if (!Found)
          return std::nullopt;
        E = Model.spawns()[*Found].Spawn;
      }
    }
  llvm::ArrayRef<unsigned> Ids = Model.spawnsAt(E);
  if (Ids.size() != 1)
    return std::nullopt;
  const SpawnSite &S = Model.spawns()[Ids[0]];
  if (S.Handle != HandleKind::PThread && S.Handle != HandleKind::CThread)
    return std::nullopt;
  return Ids[0];
}

EdgeRefinement ThreadLifetimeBuilder::refinementOf(const CFGBlock &B) const {
  EdgeRefinement R;
  const Stmt *CondS = B.getTerminatorCondition();
  const auto *Cond = dyn_cast_or_null<Expr>(CondS);
  if (!Cond || B.succ_size() != 2)
    return R;
  bool Negated = false;
  const Expr *E = Cond->IgnoreParenImpCasts();
  while (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_LNot)
      break;
    Negated = !Negated;
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  // t.joinable(): on the false edge the thread is not running.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() && M->getName() == "joinable")
      if (auto H = Model.resolveHandle(MC->getImplicitObjectArgument());
          H && !H->Element) {
        R.K = EdgeRefinement::NotJoinable;
        R.Handle = *H;
        R.SuccIndex = Negated ? 0 : 1;
      }
    return R;
  }
  // pthread_create(...) != 0: on the true edge no thread started.
  bool FailureWhenTrue = true;
  const Expr *Call = E;
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_NE || BO->getOpcode() == BO_EQ)) {
    auto IsSuccessValue = [&](const Expr *V) {
      V = V->IgnoreParenImpCasts();
      if (const auto *IL = dyn_cast<IntegerLiteral>(V))
        return IL->getValue() == 0;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(V))
        if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
          return EC->getName() == "thrd_success";
      return false;
    };
    if (IsSuccessValue(BO->getRHS()))
      Call = BO->getLHS();
    else if (IsSuccessValue(BO->getLHS()))
      Call = BO->getRHS();
    else
      return R;
    FailureWhenTrue = BO->getOpcode() == BO_NE;
  }
  if (auto Id = spawnOfResult(Call)) {
    R.K = EdgeRefinement::SpawnFailed;
    R.SpawnId = *Id;
    bool FailureOnTrueEdge = FailureWhenTrue != Negated;
    R.SuccIndex = FailureOnTrueEdge ? 0 : 1;
  }
  return R;
}

const Stmt *ThreadLifetimeBuilder::loopEntry(const Stmt *Op) const {
  const ParentMap &PM = Model.parents();
  const Stmt *Child = Op;
  for (const Stmt *P = PM.getParent(Op); P; Child = P, P = PM.getParent(P)) {
    if (const auto *RF = dyn_cast<CXXForRangeStmt>(P)) {
      if (Child == RF->getBody())
        return RF->getRangeStmt();
      continue;
    }
    if (const auto *F = dyn_cast<ForStmt>(P)) {
      if (Child != F->getBody())
        continue;
      if (F->getInit())
        return F->getInit();
      return F->getCond();
    }
    if (const auto *W = dyn_cast<WhileStmt>(P)) {
      if (Child == W->getBody())
        return W->getCond();
      continue;
    }
    if (isa<DoStmt>(P))
      return nullptr;
  }
  return nullptr;
}

void ThreadLifetimeBuilder::addLoopEntryFact(const Stmt *Op, const Fact &F) {
  if (!F.Handle.Element)
    return;
  if (const Stmt *Entry = loopEntry(Op))
    Before[Entry].push_back(F);
}

void ThreadLifetimeBuilder::addStmtFacts(const Stmt *S,
                                         std::vector<Fact> &Block) {
  const auto *E = dyn_cast<Expr>(S);
  auto Push = [&](Fact F) {
    F.S = S;
    if (F.Loc.isInvalid())
      F.Loc = S->getBeginLoc();
    Block.push_back(F);
  };
  if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    // return t; moves a local handle (or a container of them) to the
    // caller.
    if (const Expr *RV = RS->getRetValue())
      if (const VarDecl *VD = referencedVar(RV);
          VD && VD->hasLocalStorage() &&
          (Lib.handleTypeKind(VD->getType()) != HandleKind::None ||
           Lib.handleTypeKind(LibraryModel::elementType(VD->getType())) !=
               HandleKind::None)) {
        Fact F(Fact::Transfer);
        F.Handle =
            HandleRef{HandleKey(static_cast<const ValueDecl *>(VD)), false};
        F.To.Kind = SinkKind::Returned;
        F.To.Loc = RS->getBeginLoc();
        Push(F);
      }
    return;
  }
  if (!E)
    return;
  for (unsigned Id : Model.spawnsAt(E)) {
    Fact F(Fact::Spawn);
    F.SpawnId = Id;
    Push(F);
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    if (auto Op = Lib.handleMethod(MC->getMethodDecl()))
      if (auto H = Model.resolveHandle(MC->getImplicitObjectArgument())) {
        Fact F(Fact::Op);
        F.Handle = *H;
        F.Operation = *Op;
        F.Loc = MC->getExprLoc();
        Push(F);
        addLoopEntryFact(S, Block.back());
      }
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (auto Op = Lib.handleFunction(Callee)) {
      if (Op->second < Call->getNumArgs())
        if (auto H = Model.resolveHandle(Call->getArg(Op->second))) {
          Fact F(Fact::Op);
          F.Handle = *H;
          F.Operation = Op->first;
          Push(F);
          addLoopEntryFact(S, Block.back());
        }
      return;
    }
    // std::move(h) of a handle: the handle goes wherever the value goes.
    if (const Expr *Moved = getMovedExpr(Call))
      if (Lib.handleTypeKind(Moved->getType()) != HandleKind::None)
        if (auto H = Model.resolveHandle(Moved)) {
          Fact F(Fact::Transfer);
          F.Handle = *H;
          F.To = Model.sinkOf(Call);
          Push(F);
        }
    return;
  }
}

void ThreadLifetimeBuilder::sortScopeExits(std::vector<Fact> &Block) const {
  // The CFG lists a scope's destructors before its lifetime ends; the
  // language destroys variables in reverse order of declaration, each one's
  // destructor right before its lifetime ends. Restore that order within
  // each run of scope-exit facts.
  const SourceManager &SM = FA.astContext().getSourceManager();
  auto Later = [&](const Fact &A, const Fact &B) {
    if (A.ScopeVar != B.ScopeVar) {
      SourceLocation LA = A.ScopeVar->getLocation();
      SourceLocation LB = B.ScopeVar->getLocation();
      if (LA.isValid() && LB.isValid() && LA != LB)
        return SM.isBeforeInTranslationUnit(LB, LA);
      return false;
    }
    return A.K == Fact::Destroy && B.K != Fact::Destroy;
  };
  for (size_t I = 0; I < Block.size();) {
    if (!Block[I].ScopeVar) {
      ++I;
      continue;
    }
    size_t J = I;
    while (J < Block.size() && Block[J].ScopeVar)
      ++J;
    std::stable_sort(Block.begin() + I, Block.begin() + J, Later);
    I = J;
  }
}

std::optional<HandleRef>
ThreadLifetimeBuilder::guardedHandle(const VarDecl *VD) const {
  const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl();
  if (!RD || !VD->getInit())
    return std::nullopt;
  auto Guard = Lib.joinGuard(RD);
  if (!Guard || !Guard->ByReference)
    return std::nullopt;
  const Expr *Init = VD->getInit();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Init))
    Init = EWC->getSubExpr();
  const auto *CE = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  if (!CE || !CE->getConstructor())
    return std::nullopt;
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
    if (Lib.isGuardThreadParam(Ctor->getParamDecl(I), *Guard))
      return Model.resolveHandle(CE->getArg(I));
  return std::nullopt;
}

void ThreadLifetimeBuilder::buildFacts(const CFG &Cfg) {
  Facts.assign(Cfg.getNumBlockIDs(), {});
  Refinements.assign(Cfg.getNumBlockIDs(), {});
  for (const SpawnSite &S : Model.spawns())
    for (unsigned I = 0; I < S.Borrows.size(); ++I)
      Borrowers[S.Borrows[I].Var].push_back({S.Id, I});

  for (const CFGBlock *B : Cfg) {
    std::vector<Fact> &Block = Facts[B->getBlockID()];
    unsigned ElemIndex = 0;
    for (const CFGElement &Elem : *B) {
      size_t First = Block.size();
      // Every fact remembers the element it comes from (see below).
      auto Stamp = llvm::make_scope_exit([&] {
        for (size_t I = First; I < Block.size(); ++I)
          Block[I].Elem = ElemIndex;
        ++ElemIndex;
      });
      if (auto CS = Elem.getAs<CFGStmt>()) {
        addStmtFacts(CS->getStmt(), Block);
        // Only statements a check asks about: accesses and calls.
        const Stmt *St = CS->getStmt();
        if (RecordPoints &&
            (isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr, UnaryOperator,
                 CXXThisExpr, CallExpr, CXXConstructExpr>(St))) {
          Fact F(Fact::Point);
          F.S = CS->getStmt();
          Block.push_back(F);
        }
      } else if (auto Dtor = Elem.getAs<CFGAutomaticObjDtor>()) {
        // A thread_guard-like local referring to a thread joins it when it
        // is destroyed.
        if (auto Guarded = guardedHandle(Dtor->getVarDecl())) {
          Fact J(Fact::Op);
          J.Handle = *Guarded;
          J.Operation = HandleOp::Join;
          J.Trigger = Dtor->getTriggerStmt();
          J.Loc = triggerLoc(J.Trigger, Dtor->getVarDecl()->getLocation());
          J.ScopeVar = Dtor->getVarDecl();
          Block.push_back(J);
        }
        Fact F(Fact::Destroy);
        F.Handle = HandleRef{
            HandleKey(static_cast<const ValueDecl *>(Dtor->getVarDecl())),
            false};
        F.Trigger = Dtor->getTriggerStmt();
        F.Loc = triggerLoc(F.Trigger, Dtor->getVarDecl()->getLocation());
        F.ScopeVar = Dtor->getVarDecl();
        Block.push_back(F);
      } else if (auto Temp = Elem.getAs<CFGTemporaryDtor>()) {
        Fact F(Fact::Destroy);
        const Expr *Bind = Temp->getBindTemporaryExpr();
        F.Handle = HandleRef{HandleKey(Bind), false};
        F.Loc = Bind->getEndLoc();
        Block.push_back(F);
      } else if (auto LE = Elem.getAs<CFGLifetimeEnds>()) {
        const VarDecl *VD = LE->getVarDecl();
        if (isa<ParmVarDecl>(VD) || !Borrowers.count(VD))
          continue;
        Fact F(Fact::VarDeath);
        F.Var = VD;
        F.Trigger = LE->getTriggerStmt();
        F.Loc = triggerLoc(F.Trigger, VD->getLocation());
        F.ScopeVar = VD;
        Block.push_back(F);
      }
    }
    sortScopeExits(Block);
    Refinements[B->getBlockID()] = refinementOf(*B);
  }
  // Parameters die when the function returns.
  Fact Exit(Fact::ExitDeath);
  if (const auto *Body =
          dyn_cast_or_null<CompoundStmt>(Model.function()->getBody()))
    Exit.Loc = Body->getRBracLoc();
  else
    Exit.Loc = Model.function()->getEndLoc();
  Facts[Cfg.getExit().getBlockID()].push_back(Exit);

  // Joins of container elements inside a loop join every element: apply
  // them before the loop too, so that the path skipping an empty loop does
  // not look like a path leaving threads running. The loop's entry statement
  // may sit anywhere in its block: rebuild the block with the extra facts
  // right before the facts of the entry statement's element.
  if (Before.empty())
    return;
  for (const CFGBlock *B : Cfg) {
    bool HasEntry = false;
    for (const CFGElement &Elem : *B)
      if (auto CS = Elem.getAs<CFGStmt>(); CS && Before.count(CS->getStmt()))
        HasEntry = true;
    if (!HasEntry)
      continue;
    std::vector<Fact> &Block = Facts[B->getBlockID()];
    std::vector<Fact> Rebuilt;
    size_t Next = 0;
    unsigned Index = 0;
    for (const CFGElement &Elem : *B) {
      unsigned ElemIndex = Index++;
      auto CS = Elem.getAs<CFGStmt>();
      if (!CS)
        continue;
      auto It = Before.find(CS->getStmt());
      if (It == Before.end())
        continue;
      // Facts of earlier elements keep their place; the loop's joins go
      // right before the entry element's own facts.
      size_t Pos = Next;
      while (Pos < Block.size() && Block[Pos].Elem < ElemIndex)
        ++Pos;
      Rebuilt.insert(Rebuilt.end(), Block.begin() + Next, Block.begin() + Pos);
      for (Fact Extra : It->second) {
        Extra.S = nullptr;
        Extra.Elem = ElemIndex;
        Rebuilt.push_back(Extra);
      }
      Next = Pos;
    }
    Rebuilt.insert(Rebuilt.end(), Block.begin() + Next, Block.end());
    Block = std::move(Rebuilt);
  }
}

/// for (int i = 0; i < n; ++i) around a spawn, where n is at most 1: a
/// constant, or a parameter every visible caller passes a constant to
/// (parallelFor(1, body)).
bool ThreadLifetimeBuilder::loopRunsAtMostOnce(const Stmt *Spawn) const {
  const ParentMap &PM = Model.parents();
  const ForStmt *Loop = nullptr;
  for (const Stmt *P = PM.getParent(Spawn); P; P = PM.getParent(P)) {
    if (isa<WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return false;
    if ((Loop = dyn_cast<ForStmt>(P)))
      break;
  }
  if (!Loop)
    return false;
  ASTContext &Ctx = FA.astContext();
  // The induction variable starts at 0 and is only incremented.
  const VarDecl *Index = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(Loop->getInit());
      DS && DS->isSingleDecl())
    Index = dyn_cast<VarDecl>(DS->getSingleDecl());
  if (!Index || !Index->getInit())
    return false;
  Expr::EvalResult Start;
  if (!Index->getInit()->EvaluateAsInt(Start, Ctx) || Start.Val.getInt() != 0)
    return false;
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(Loop->getInc());
  if (!Inc || !Inc->isIncrementOp() ||
      referencedVar(Inc->getSubExpr()) != Index)
    return false;
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      Loop->getCond() ? Loop->getCond()->IgnoreParenImpCasts() : nullptr);
  if (!Cond || (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_NE) ||
      referencedVar(Cond->getLHS()) != Index)
    return false;
  const Expr *Bound = Cond->getRHS()->IgnoreParenImpCasts();
  Expr::EvalResult Value;
  if (Bound->EvaluateAsInt(Value, Ctx))
    return Value.Val.getInt().getSExtValue() <= 1;
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(referencedVar(Bound));
  const FunctionDecl *FD = Model.function();
  if (!Param || Param->getDeclContext() != FD)
    return false;
  Session &S = FA.session();
  if (!S.allCallersVisible(FD))
    return false;
  unsigned ArgIndex = Param->getFunctionScopeIndex();
  for (const Session::CallSite &Site : S.callSitesOf(FD)) {
    llvm::ArrayRef<const Expr *> Args = argsOf(Site.Call);
    if (isa<CXXOperatorCallExpr>(Site.Call) && isa<CXXMethodDecl>(FD))
      Args = Args.drop_front();
    if (ArgIndex >= Args.size())
      return false;
    Expr::EvalResult Arg;
    if (Args[ArgIndex]->isValueDependent() ||
        !Args[ArgIndex]->EvaluateAsInt(Arg, Ctx) ||
        Arg.Val.getInt().getSExtValue() > 1)
      return false;
  }
  return true;
}

bool ThreadLifetimeBuilder::run() {
  const CFG *Cfg = FA.cfg();
  if (!Cfg)
    return false;
  // Per-statement running sets are needed by the checks asking "does the
  // spawner use this while the thread may run".
  RecordPoints = FA.session().isEnabled(CheckId::Sync) ||
                 FA.session().isEnabled(CheckId::DataRace);
  Out.MultiInstance.resize(Model.spawns().size());
  Out.RunningAtExit.resize(Model.spawns().size());
  buildFacts(*Cfg);
  // Replay in block order to record observations.
  if (!solveAndReplay<State>(*Cfg, FA.declContext(), *this,
                             [&](const CFGBlock &B, State &S) {
                               for (const Fact &F : Facts[B.getBlockID()])
                                 apply(F, S, /*Record=*/true);
                             }))
    return false;
  // A spawn in a loop that provably runs at most once starts one thread.
  for (unsigned Id : Out.MultiInstance.set_bits())
    if (loopRunsAtMostOnce(Model.spawns()[Id].Spawn))
      Out.MultiInstance.reset(Id);
  if (FA.session().dumps("threads")) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    dumpFacts(OS, *Cfg);
    Out.DumpText = std::move(Text);
  }
  return true;
}

static llvm::StringRef spawnKindName(SpawnKind K) {
  switch (K) {
  case SpawnKind::ThreadConstructor:
    return "thread-constructor";
  case SpawnKind::ContainerEmplace:
    return "container-emplace";
  case SpawnKind::PointerFactory:
    return "pointer-factory";
  case SpawnKind::SpawnFunction:
    return "spawn-function";
  case SpawnKind::DetachedCall:
    return "detached-call";
  case SpawnKind::ScopedCall:
    return "scoped-call";
  }
  return "?";
}

static llvm::StringRef handleKindName(HandleKind K) {
  switch (K) {
  case HandleKind::None:
    return "none";
  case HandleKind::Thread:
    return "thread";
  case HandleKind::JThread:
    return "jthread";
  case HandleKind::AsyncFuture:
    return "async-future";
  case HandleKind::PThread:
    return "pthread";
  case HandleKind::CThread:
    return "c-thread";
  }
  return "?";
}

static llvm::StringRef sinkKindName(SinkKind K) {
  switch (K) {
  case SinkKind::Local:
    return "local";
  case SinkKind::Member:
    return "member";
  case SinkKind::Global:
    return "global";
  case SinkKind::Temporary:
    return "temporary";
  case SinkKind::Returned:
    return "returned";
  case SinkKind::Escaped:
    return "escaped";
  case SinkKind::None:
    return "none";
  }
  return "?";
}

static llvm::StringRef borrowKindName(BorrowKind K) {
  switch (K) {
  case BorrowKind::Capture:
    return "capture";
  case BorrowKind::RefWrapper:
    return "ref-wrapper";
  case BorrowKind::Address:
    return "address";
  case BorrowKind::ThroughPointer:
    return "through-pointer";
  case BorrowKind::ThroughObject:
    return "through-object";
  }
  return "?";
}

void ThreadLifetimeBuilder::dumpFacts(llvm::raw_ostream &OS,
                                      const CFG &Cfg) const {
  const SourceManager &SM = FA.astContext().getSourceManager();
  auto Line = [&](SourceLocation L) {
    return L.isValid() ? SM.getPresumedLineNumber(L) : 0;
  };
  OS << "threads of " << Model.function()->getQualifiedNameAsString() << "\n";
  for (const SpawnSite &S : Model.spawns()) {
    OS << "  spawn " << S.Id << " line " << Line(S.Spawn->getBeginLoc()) << ": "
       << spawnKindName(S.Kind) << " handle=" << handleKindName(S.Handle)
       << " sink=" << sinkKindName(S.Sink.Kind);
    if (S.Sink.Decl)
      OS << ":" << S.Sink.Decl->getName() << (S.Sink.Element ? "[]" : "");
    OS << " body=";
    if (S.Body.Lambda)
      OS << "lambda";
    else if (S.Body.Function)
      OS << S.Body.Function->getQualifiedNameAsString();
    else
      OS << "unknown";
    if (S.InLoop)
      OS << " in-loop";
    if (Out.MultiInstance.test(S.Id))
      OS << " multi";
    OS << "\n";
    for (const Borrow &B : S.Borrows) {
      OS << "    borrows " << B.Var->getName() << " by "
         << borrowKindName(B.Kind);
      if (B.Via)
        OS << " via " << B.Via->getName();
      OS << " line " << Line(B.Loc) << "\n";
    }
  }
  for (const OutlivedBorrow &O : Out.Outlived)
    OS << "  outlived: spawn " << O.Spawn << " "
       << Model.spawns()[O.Spawn].Borrows[O.BorrowIndex].Var->getName()
       << " dies line " << Line(O.DeathLoc)
       << " state=" << unsigned(O.State.Bits) << "\n";
  for (const JoinableDestroyed &D : Out.Destroyed)
    OS << "  joinable-destroyed: spawn " << D.Spawn << " line " << Line(D.Loc)
       << "\n";
  for (const auto &P : Out.Overlaps)
    OS << "  overlap: " << P.first << " " << P.second << "\n";
  (void)Cfg;
}

std::unique_ptr<ThreadLifetime> ThreadLifetime::compute(FunctionAnalysis &FA) {
  llvm::TimeTraceScope Scope("fearless thread lifetime");
  auto Result = std::make_unique<ThreadLifetime>();
  ThreadLifetimeBuilder Builder(FA, *Result);
  if (!Builder.run())
    return nullptr;
  if (!Result->DumpText.empty())
    FA.session().dumpStream() << Result->DumpText;
  return Result;
}

llvm::ArrayRef<unsigned> ThreadLifetime::runningAt(const Stmt *S) const {
  auto It = Running.find(S);
  if (It == Running.end())
    return {};
  return It->second;
}

bool ThreadLifetime::mayOverlap(unsigned A, unsigned B) const {
  if (A == B)
    return isMultiInstance(A);
  return Overlaps.count({std::min(A, B), std::max(A, B)});
}

llvm::ArrayRef<SourceLocation> ThreadLifetime::joinsOf(HandleKey H) const {
  auto It = Joins.find(H.getOpaqueValue());
  if (It == Joins.end())
    return {};
  return It->second;
}

void ThreadLifetime::dump(llvm::raw_ostream &OS) const { OS << DumpText; }

} // namespace fearless
