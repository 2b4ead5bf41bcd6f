//===- EscapingBorrowCheck.cpp - fearless-escaping-borrow -----------------===//
//
// Rust's E0373 for C++: a thread that may outlive an object it borrows. The
// thread-lifetime dataflow records every place where a borrowed local,
// parameter or temporary dies while a thread borrowing it may still run
// (detached, escaped, or not joined on that path); this check turns each into
// a finding with notes at the borrow, at what lets the thread outlive the
// object, and at the object's death, plus a fix-it when copying the object
// into the thread keeps the program's meaning.
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/ChannelInference.h"
#include "fearless/Concurrency.h"
#include "fearless/Explain.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/RaceModel.h"
#include "fearless/SpawnInference.h"
#include "fearless/ThreadLifetime.h"
#include "fearless/VarUsage.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace fearless {

namespace {

class EscapingBorrowCheck : public Check {
public:
  explicit EscapingBorrowCheck(Session &S) : S(S) {}
  CheckId id() const override { return CheckId::EscapingBorrow; }
  void checkFunction(FunctionAnalysis &FA) override;

private:
  void checkMemberOrder(FunctionAnalysis &FA);
  void reportDerivedDestroyedFirst(FunctionAnalysis &FA,
                                   const MemberLifetimeIssue &I);
  void checkFrames(FunctionAnalysis &FA);
  void reportFrame(const SpawnSite &Site, const OutlivedBorrow &O);
  void report(FunctionAnalysis &FA,
              llvm::ArrayRef<const OutlivedBorrow *> Group);
  void addWhyNote(Finding &F, const SpawnSite &Site, const Borrow &B,
                  const OutlivedBorrow &O);
  std::optional<FixIt> captureFix(FunctionAnalysis &FA, const SpawnSite &Site,
                                  const Borrow &B);
  Session &S;
};

/// Places where a function may wait for threads by hand: a loop testing an
/// atomic or calling a wait-like function, a call of wait(),
/// arrive_and_wait(), acquire() (latches, barriers, semaphores, condition
/// variables, futures of promises), or a call of a function whose body
/// waits so (a blocking queue's receive(): the reply to a request). A
/// thread that is detached or escapes but is waited for this way is not a
/// definite bug.
class WaitFinder : public RecursiveASTVisitor<WaitFinder> {
public:
  /// \p Depth: how many levels of callees' bodies may still be looked into.
  explicit WaitFinder(const SourceManager &SM, unsigned Depth = 3)
      : SM(SM), Depth(Depth) {}
  std::vector<SourceLocation> Waits;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *FD = Call->getDirectCallee())
      if (isWaitName(FD) || bodyWaits(FD))
        Waits.push_back(Call->getBeginLoc());
    return true;
  }
  bool VisitWhileStmt(WhileStmt *W) { return loop(W->getCond(), W); }
  bool VisitDoStmt(DoStmt *D) { return loop(D->getCond(), D); }
  bool VisitForStmt(ForStmt *F) { return loop(F->getCond(), F); }

private:
  const SourceManager &SM;
  unsigned Depth;

  bool bodyWaits(const FunctionDecl *FD) const {
    const FunctionDecl *Def = FD->getDefinition();
    if (!Depth || !Def || !hasUsableBody(Def, SM))
      return false;
    WaitFinder Inner(SM, Depth - 1);
    Inner.TraverseStmt(const_cast<Stmt *>(Def->getBody()));
    return !Inner.Waits.empty();
  }
  static bool isWaitName(const FunctionDecl *FD) {
    const IdentifierInfo *II = FD->getIdentifier();
    if (!II)
      return false;
    llvm::StringRef N = II->getName();
    return N == "wait" || N == "wait_for" || N == "wait_until" ||
           N == "arrive_and_wait" || N == "acquire" || N == "try_acquire" ||
           N == "Wait" || N == "WaitForNotification" || N == "Await";
  }
  bool loop(const Expr *Cond, const Stmt *Loop) {
    if (Cond && testsAtomic(Cond))
      Waits.push_back(Loop->getBeginLoc());
    return true;
  }
  static bool testsAtomic(const Stmt *S) {
    if (const auto *E = dyn_cast<Expr>(S)) {
      QualType T = E->getType().getNonReferenceType();
      if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
        if (isStdDecl(RD, "atomic") || isStdDecl(RD, "atomic_flag"))
          return true;
      if (T->isAtomicType())
        return true;
    }
    for (const Stmt *Child : S->children())
      if (Child && testsAtomic(Child))
        return true;
    return false;
  }
};

/// Whether \p Send, a channel send, is waited for by joining its receiver
/// between the send and \p Death: a thread this function starts, whose
/// body calls a member function of the channel's class (`mb.take_all()`),
/// joined there.
static bool receiverJoined(FunctionAnalysis &FA, const ThreadLifetime &TL,
                           const SpawnSite &Send, SourceLocation Death) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Send.Callee);
  if (!Method)
    return false;
  const CXXRecordDecl *Channel = Method->getParent()->getCanonicalDecl();
  const SourceManager &SM = FA.astContext().getSourceManager();
  for (const SpawnSite &R : FA.threads().spawns()) {
    if (R.Kind == SpawnKind::ChannelSend || !R.Sink.Decl || !R.Body.Function)
      continue;
    auto Receives = [&](auto &Self, const Stmt *St) -> bool {
      if (!St)
        return false;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St))
        if (const CXXRecordDecl *RD = MC->getRecordDecl();
            RD && RD->getCanonicalDecl() == Channel)
          return true;
      return llvm::any_of(St->children(),
                          [&](const Stmt *C) { return Self(Self, C); });
    };
    if (Receives(Receives, R.Body.Function->getBody()))
      for (SourceLocation J : TL.joinsOf(HandleKey(R.Sink.Decl)))
        if (SM.isBeforeInTranslationUnit(Send.Spawn->getBeginLoc(), J) &&
            SM.isBeforeInTranslationUnit(J, Death))
          return true;
  }
  return false;
}

/// A base class's member thread using a member of a derived class that is
/// destroyed before the base class's destructor joins it.
void EscapingBorrowCheck::reportDerivedDestroyedFirst(
    FunctionAnalysis &FA, const MemberLifetimeIssue &I) {
  std::string Field = "'" + I.Field->getNameAsString() + "'";
  std::string Derived = "'" + I.Derived->getNameAsString() + "'";
  std::string Base = "'" + I.Handle->getParent()->getNameAsString() + "'";
  Finding F = makeFinding(CheckId::EscapingBorrow, I.Use,
                          MessageId::ThreadUsesMemberLate, {Field});
  for (SourceLocation Via : I.Via)
    F.note(Via, MessageId::RaceThroughCall);
  F.note(FA.threads().spawns()[I.Spawn].Spawn->getBeginLoc(),
         MessageId::MemberThreadJoinedByBase,
         {"'" + I.Handle->getNameAsString() + "'", Base, Derived});
  F.note(I.Field->getLocation(), MessageId::MemberOfDerivedDestroyed,
         {Field, Derived, Base});
  F.note(I.Derived->getLocation(), MessageId::DerivedJoinFix, {Derived});
  S.report(std::move(F));
}

/// A member thread using a member outside its lifetime (Concurrency.h).
void EscapingBorrowCheck::checkMemberOrder(FunctionAnalysis &FA) {
  for (const MemberLifetimeIssue &I : memberLifetimeIssues(FA)) {
    if (I.What == MemberLifetimeIssue::DerivedDestroyedFirst) {
      reportDerivedDestroyedFirst(FA, I);
      continue;
    }
    bool Late = I.What == MemberLifetimeIssue::AfterDestruction;
    std::string Field = "'" + I.Field->getNameAsString() + "'";
    std::string Handle = "'" + I.Handle->getNameAsString() + "'";
    Finding F = makeFinding(CheckId::EscapingBorrow, I.Use,
                            Late ? MessageId::ThreadUsesMemberLate
                                 : MessageId::ThreadUsesMemberEarly,
                            {Field});
    for (SourceLocation Via : I.Via)
      F.note(Via, MessageId::RaceThroughCall);
    F.note(FA.threads().spawns()[I.Spawn].Spawn->getBeginLoc(),
           Late ? MessageId::MemberThreadStartedJThread
                : MessageId::MemberThreadStartedInInit,
           {Handle});
    F.note(I.Field->getLocation(), MessageId::MemberDeclaredAfterHandle,
           {Field, Handle, int(Late)});
    F.note(I.Handle->getLocation(), MessageId::MemberOrderFix,
           {Handle, int(Late)});
    S.report(std::move(F));
  }
}

void EscapingBorrowCheck::checkFunction(FunctionAnalysis &FA) {
  checkFrames(FA);
  // Null when the function spawns nothing (or has errors).
  const ThreadLifetime *TL = FA.lifetime();
  if (!TL)
    return;
  checkMemberOrder(FA);
  llvm::ArrayRef<OutlivedBorrow> All = TL->outlivedBorrows();
  if (All.empty())
    return;
  const SourceManager &SM = FA.astContext().getSourceManager();
  WaitFinder Waits(SM);
  Waits.TraverseStmt(const_cast<Stmt *>(FA.function()->getBody()));
  // One finding per thread, however many objects it borrows.
  std::vector<unsigned> Spawns;
  for (const OutlivedBorrow &O : All)
    if (!llvm::is_contained(Spawns, O.Spawn))
      Spawns.push_back(O.Spawn);
  for (unsigned Spawn : Spawns) {
    std::vector<const OutlivedBorrow *> Group;
    for (const OutlivedBorrow &O : All)
      if (O.Spawn == Spawn)
        Group.push_back(&O);
    std::stable_sort(Group.begin(), Group.end(),
                     [&](const OutlivedBorrow *A, const OutlivedBorrow *B) {
                       const SpawnSite &Site = FA.threads().spawns()[Spawn];
                       return SM.isBeforeInTranslationUnit(
                           Site.Borrows[A->BorrowIndex].Loc,
                           Site.Borrows[B->BorrowIndex].Loc);
                     });
    // Waiting by hand between the spawn and the object's death.
    SourceLocation SpawnLoc = FA.threads().spawns()[Spawn].Spawn->getBeginLoc();
    bool WaitedFor = false;
    for (SourceLocation W : Waits.Waits)
      if (SM.isBeforeInTranslationUnit(SpawnLoc, W) &&
          SM.isBeforeInTranslationUnit(W, Group.front()->DeathLoc))
        WaitedFor = true;
    if (WaitedFor ||
        (FA.threads().spawns()[Spawn].Kind == SpawnKind::ChannelSend &&
         receiverJoined(FA, *TL, FA.threads().spawns()[Spawn],
                        Group.front()->DeathLoc)))
      continue;
    report(FA, Group);
  }
}

/// Where to point for a spawn: the lambda it runs when written in place,
/// otherwise the spawning expression.
std::pair<SourceLocation, SourceRange> spawnAnchor(const SpawnSite &Site) {
  // A thread a helper returned: the call (its lambda is the helper's).
  if (Site.Callable && !Site.ReturnedBy) {
    const Expr *C = stripMoves(Site.Callable);
    if (isa<LambdaExpr>(C))
      return {C->getBeginLoc(), cast<LambdaExpr>(C)->getIntroducerRange()};
  }
  return {Site.Spawn->getExprLoc(), Site.Spawn->getSourceRange()};
}

/// The function a call-style spawn calls, as written (the template, not
/// its instantiation).
const NamedDecl *calleeName(const SpawnSite &Site) {
  if (const FunctionDecl *P = Site.Callee->getTemplateInstantiationPattern())
    return P;
  return Site.Callee;
}

void EscapingBorrowCheck::addWhyNote(Finding &F, const SpawnSite &Site,
                                     const Borrow &B, const OutlivedBorrow &O) {
  const SpawnState &St = O.State;
  if (Site.Inferred && Site.Kind == SpawnKind::PoolSubmit) {
    const InferredSpawn &I = *Site.Inferred;
    F.note(Site.Spawn->getBeginLoc(), MessageId::PoolTaskQueued,
           {calleeName(Site), static_cast<const NamedDecl *>(Site.Pool)});
    if (I.Queue) // a library executor's insides are not shown
      F.note(I.At, MessageId::PoolTaskStoredHere,
             {static_cast<const NamedDecl *>(I.Queue)});
    if (I.Class->WorkerStart.isValid())
      F.note(I.Class->WorkerStart, MessageId::PoolWorkersStartedHere,
             {int(!I.Class->SingleWorker)});
    return;
  }
  if (Site.Kind == SpawnKind::ChannelSend) {
    F.note(Site.Spawn->getBeginLoc(), MessageId::SentToReceiverNotWaited,
           {calleeName(Site)});
    noteChannelSend(F, Site.Callee, Site.Param, Site.Channel, Site.Spawn);
    return;
  }
  if (Site.Inferred && Site.Kind == SpawnKind::DetachedCall) {
    F.note(Site.Spawn->getBeginLoc(),
           Site.Callable ? MessageId::SpawnedByInferredFunction
                         : MessageId::ThisUsedByDetachedThread,
           {calleeName(Site)});
    F.note(Site.Inferred->At, MessageId::InferredThreadStartedHere);
    return;
  }
  if (St.Bits & TS_Detached) {
    F.note(St.DetachLoc, MessageId::ThreadDetachedHere);
    return;
  }
  if (St.Bits & TS_Escaped) {
    switch (St.Reason) {
    case EscapeReason::Returned:
      F.note(St.EscapeLoc, MessageId::HandleReturnedHere);
      return;
    case EscapeReason::Leaked:
      F.note(St.EscapeLoc, MessageId::HandleLeakedHere);
      return;
    case EscapeReason::CoroutineResumesElsewhere: // only in the frame model
    case EscapeReason::AnnotatedSpawn:
      F.note(Site.Spawn->getBeginLoc(), MessageId::SpawnedByAnnotatedParameter,
             {calleeName(Site), static_cast<const NamedDecl *>(Site.Param)});
      return;
    case EscapeReason::StoredInMember:
    case EscapeReason::StoredInGlobal:
    case EscapeReason::MovedAway:
    case EscapeReason::None:
      F.note(St.EscapeLoc, MessageId::HandleMovedAwayHere);
      return;
    }
  }
  // Still running: the owning handle outlives the object, or nothing joins
  // the thread on this path.
  const auto *Owner = dyn_cast_if_present<const ValueDecl *>(St.Owner);
  if (Owner &&
      (isa<FieldDecl>(Owner) ||
       (isa<VarDecl>(Owner) && !cast<VarDecl>(Owner)->hasLocalStorage()))) {
    F.note(Site.Sink.Loc.isValid() ? Site.Sink.Loc : Site.Spawn->getBeginLoc(),
           MessageId::HandleStoredHere,
           {static_cast<const NamedDecl *>(Owner)});
    return;
  }
  // A raw pointer from `new` that dies with the thread's object never
  // deleted: the object leaks with its thread.
  if (const auto *P = dyn_cast_or_null<VarDecl>(Owner);
      P && P->getType()->isPointerType() && Site.Sink.Indirect) {
    F.note(Site.Sink.Loc.isValid() ? Site.Sink.Loc : P->getLocation(),
           MessageId::HandleLeakedHere);
    return;
  }
  if (Owner && (Site.Handle == HandleKind::Thread ||
                Site.Handle == HandleKind::JThread ||
                Site.Handle == HandleKind::AsyncFuture)) {
    F.note(Owner->getLocation(), MessageId::ThreadStillRunningIn,
           {static_cast<const NamedDecl *>(Owner),
            static_cast<const NamedDecl *>(B.Named)});
    return;
  }
  F.note(O.DeathLoc, MessageId::ThreadNotJoinedOnThisPath);
}

std::optional<FixIt> EscapingBorrowCheck::captureFix(FunctionAnalysis &FA,
                                                     const SpawnSite &Site,
                                                     const Borrow &B) {
  if (B.Kind != BorrowKind::Capture || !B.Lambda || !B.Capture || B.Via)
    return std::nullopt;
  const auto *VD = dyn_cast<VarDecl>(B.Named);
  if (!VD || VD->isInitCapture() || B.Named != B.Var)
    return std::nullopt;
  if (!isCopyable(VD->getType()) || VD->getType()->isArrayType())
    return std::nullopt;
  // Copying changes the meaning if the thread writes the object or the
  // spawner writes it after the spawn (the thread would no longer see it).
  if (!isOnlyRead(VD, B.Lambda->getBody()))
    return std::nullopt;
  const SourceManager &SM = FA.astContext().getSourceManager();
  if (mayBeWrittenAfter(VD, FA.function()->getBody(), Site.Spawn->getEndLoc(),
                        SM))
    return std::nullopt;
  SourceLocation NameLoc = B.Capture->getLocation();
  if (NameLoc.isMacroID())
    return std::nullopt;
  if (B.Capture->isExplicit()) {
    // [&x] -> [x]: remove the '&' before the name.
    const char *Name = SM.getCharacterData(NameLoc);
    const char *Begin =
        SM.getCharacterData(B.Lambda->getIntroducerRange().getBegin());
    const char *P = Name;
    while (P > Begin && (P[-1] == ' ' || P[-1] == '\t'))
      --P;
    if (P == Begin || P[-1] != '&')
      return std::nullopt;
    SourceLocation Amp = NameLoc.getLocWithOffset(-(Name - P) - 1);
    return FixIt{CharSourceRange::getCharRange(Amp, NameLoc), ""};
  }
  // [&] -> [&, x]: capture this one object by copy.
  SourceLocation Default = B.Lambda->getCaptureDefaultLoc();
  if (Default.isInvalid() || Default.isMacroID() ||
      B.Lambda->getCaptureDefault() != LCD_ByRef)
    return std::nullopt;
  return FixIt{CharSourceRange::getCharRange(Default.getLocWithOffset(1),
                                             Default.getLocWithOffset(1)),
               (", " + VD->getName()).str()};
}

void EscapingBorrowCheck::report(FunctionAnalysis &FA,
                                 llvm::ArrayRef<const OutlivedBorrow *> Group) {
  const ThreadModel &TM = FA.threads();
  const OutlivedBorrow &First = *Group.front();
  const SpawnSite &Site = TM.spawns()[First.Spawn];
  auto [Loc, Range] = spawnAnchor(Site);
  const auto *FirstNamed =
      static_cast<const NamedDecl *>(Site.Borrows[First.BorrowIndex].Named);
  Finding F =
      makeFinding(CheckId::EscapingBorrow, Loc,
                  MessageId::ThreadMayOutliveBorrow, {FirstNamed}, Range);
  if (Site.ReturnedBy && Site.HelperSpawn)
    F.note(Site.HelperSpawn->getBeginLoc(), MessageId::RaceThreadStartedInHelper,
           {static_cast<const NamedDecl *>(Site.ReturnedBy)});
  bool WhyGiven = false;
  for (const OutlivedBorrow *O : Group) {
    const Borrow &B = Site.Borrows[O->BorrowIndex];
    const auto *Named = static_cast<const NamedDecl *>(B.Named);
    switch (B.Kind) {
    case BorrowKind::Capture:
      F.note(B.Loc, MessageId::BorrowedByCapture, {Named}, B.Range);
      break;
    case BorrowKind::RefWrapper:
      F.note(B.Loc, MessageId::BorrowedByRefWrapper, {Named}, B.Range);
      break;
    case BorrowKind::Address:
      F.note(B.Loc, MessageId::BorrowedByAddress, {Named}, B.Range);
      break;
    case BorrowKind::Storage:
      F.note(B.Loc, MessageId::BorrowedStorage, {Named}, B.Range);
      break;
    case BorrowKind::ThroughPointer:
      F.note(B.Loc, MessageId::BorrowedThroughPointer,
             {static_cast<const NamedDecl *>(B.Via), Named}, B.Range);
      break;
    case BorrowKind::ThroughObject:
      if (B.Via)
        F.note(B.Loc, MessageId::BorrowedThroughObject,
               {static_cast<const NamedDecl *>(B.Via), Named}, B.Range);
      else
        F.note(B.Loc, MessageId::BorrowedByRefWrapper, {Named}, B.Range);
      break;
    case BorrowKind::ReferenceParameter: // only in the frame model
    case BorrowKind::Closure:
      break;
    }
    if (!WhyGiven) {
      addWhyNote(F, Site, B, *O);
      WhyGiven = true;
    }
    F.note(O->DeathLoc,
           O->AtExit ? MessageId::BorrowDestroyedAtExit
                     : MessageId::BorrowDestroyedHere,
           {Named});
    if (auto Fix = captureFix(FA, Site, B)) {
      F.FixIts.push_back(*Fix);
      F.note(B.Loc, MessageId::CaptureByCopyFix, {Named});
    }
  }
  S.report(std::move(F));
}

/// Whether a frame still able to run when a borrowed object dies is a
/// definite bug: the coroutine continues on another thread, or the object
/// owning its frame is returned, stored where it outlives the function or
/// moved away; for a borrowed temporary, also kept in a local (a task is
/// only ever kept to be awaited). A frame owned by a local is not: it runs
/// only if awaited later (FIXME(false-negative): awaited after the death).
bool frameOutlives(const OutlivedBorrow &O, const Borrow &B) {
  const SpawnState &St = O.State;
  if (St.Bits & (TS_Escaped | TS_Detached))
    return true;
  if (!(St.Bits & TS_Running))
    return false;
  const auto *Owner = dyn_cast_if_present<const ValueDecl *>(St.Owner);
  if (!Owner)
    return false;
  if (B.Temp)
    return true;
  return isa<FieldDecl>(Owner) ||
         (isa<VarDecl>(Owner) && !cast<VarDecl>(Owner)->hasLocalStorage());
}

void EscapingBorrowCheck::checkFrames(FunctionAnalysis &FA) {
  const ThreadLifetime *FL = FA.frameLifetime();
  if (!FL)
    return;
  const ThreadModel &Frames = *FA.frames();
  llvm::SmallVector<unsigned, 4> Reported; // one finding per call
  for (const OutlivedBorrow &O : FL->outlivedBorrows()) {
    const SpawnSite &Site = Frames.spawns()[O.Spawn];
    if (llvm::is_contained(Reported, O.Spawn) ||
        !frameOutlives(O, Site.Borrows[O.BorrowIndex]))
      continue;
    Reported.push_back(O.Spawn);
    reportFrame(Site, O);
  }
}

void EscapingBorrowCheck::reportFrame(const SpawnSite &Site,
                                      const OutlivedBorrow &O) {
  const Borrow &B = Site.Borrows[O.BorrowIndex];
  const auto *Callee = static_cast<const NamedDecl *>(calleeName(Site));
  const auto *Named = static_cast<const NamedDecl *>(B.Named);
  const auto *Param = static_cast<const NamedDecl *>(B.Param);
  SourceLocation Loc = Site.Spawn->getBeginLoc();
  SourceRange Range = Site.Spawn->getSourceRange();
  Finding F = B.Kind == BorrowKind::Closure
                  ? makeFinding(CheckId::EscapingBorrow, Loc,
                                MessageId::CoroutineMayOutliveClosure, {},
                                Range)
              : B.Temp ? makeFinding(CheckId::EscapingBorrow, Loc,
                                     MessageId::CoroutineMayOutliveTemporary,
                                     {Callee, Param}, Range)
                       : makeFinding(CheckId::EscapingBorrow, Loc,
                                     MessageId::CoroutineMayOutliveBorrow,
                                     {Callee, Named}, Range);
  // What the frame holds.
  if (B.Kind == BorrowKind::Closure)
    F.note(B.Loc, MessageId::ClosureReadThroughThis, {}, B.Range);
  else if (B.Kind == BorrowKind::ReferenceParameter && B.Temp)
    F.note(B.Loc, MessageId::TemporaryBoundToCoroutineParameter, {Param},
           B.Range);
  else if (B.Kind == BorrowKind::ReferenceParameter)
    F.note(B.Loc, MessageId::BorrowedByCoroutineParameter, {Named, Param},
           B.Range);
  else
    F.note(B.Loc, MessageId::BorrowedByCoroutinePointer, {Named}, B.Range);
  // Why the frame may still run when the object dies.
  const SpawnState &St = O.State;
  const auto *Owner = dyn_cast_if_present<const ValueDecl *>(St.Owner);
  if (St.Reason == EscapeReason::CoroutineResumesElsewhere &&
      (St.Bits & TS_Escaped) && Site.Suspension)
    addResumptionNotes(F, *Site.Suspension);
  else if ((St.Bits & TS_Escaped) && St.Reason == EscapeReason::Returned)
    F.note(St.EscapeLoc, MessageId::FrameReturnedHere);
  else if (St.Bits & (TS_Escaped | TS_Detached))
    F.note(St.EscapeLoc, MessageId::FrameMovedAwayHere);
  else if (Owner && (isa<FieldDecl>(Owner) ||
                     (isa<VarDecl>(Owner) &&
                      !cast<VarDecl>(Owner)->hasLocalStorage())))
    F.note(Site.Sink.Loc, MessageId::FrameStoredHere,
           {static_cast<const NamedDecl *>(Owner)});
  else if (Owner)
    F.note(Site.Sink.Loc, MessageId::FrameKeptHere,
           {static_cast<const NamedDecl *>(Owner)});
  if (B.Temp)
    F.note(O.DeathLoc, MessageId::TemporaryDestroyedAtEnd);
  else
    F.note(O.DeathLoc,
           O.AtExit ? MessageId::BorrowDestroyedAtExit
                    : MessageId::BorrowDestroyedHere,
           {Named});
  // The fix.
  if (B.Kind == BorrowKind::Closure)
    F.note(B.Loc, MessageId::CoroutineClosureFix);
  else if (B.Kind == BorrowKind::ReferenceParameter && B.Param)
    F.note(B.Param->getLocation(), MessageId::CoroutineParameterByValueFix,
           {Param});
  else if (Named)
    F.note(Loc, MessageId::CoroutineAwaitFix, {Named});
  S.report(std::move(F));
}

} // namespace

std::unique_ptr<Check> createEscapingBorrowCheck(Session &S) {
  return std::make_unique<EscapingBorrowCheck>(S);
}

} // namespace fearless
