//===- GuardedEscapeReports.cpp - Borrows of guarded data past the lock ---===//
//
// The data-race check's reports for a borrow of guarded data that outlives
// the lock guarding it (GuardedEscapes.h) and for a borrow into a
// synchronized value that outlives its guard (SyncValues.h): the later use
// through the borrow is an access without the lock.
//
//===----------------------------------------------------------------------===//

#include "GuardedEscapeReports.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/Explain.h"
#include "fearless/GuardedEscapes.h"
#include "fearless/Locations.h"
#include "fearless/SyncValues.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fearless {

namespace {

/// A name for a copy of member \p F in a capture list: `name_` -> `name`.
std::string copyName(const FieldDecl *F) {
  llvm::StringRef N = F->getName();
  if (N.starts_with("m_") && N.size() > 2)
    N = N.drop_front(2);
  N = N.trim('_');
  if (N.empty() || N == F->getName())
    return F->getName().str() + "_copy";
  return N.str();
}

/// What a stored guarded borrow is stored in, quoted.
std::string storedName(const GuardedEscape &E) {
  const NamedDecl *D = E.StoredIn ? static_cast<const NamedDecl *>(E.StoredIn)
                                  : E.StoredVar;
  return D ? "'" + D->getNameAsString() + "'" : "it";
}

} // namespace

/// A borrow of guarded data that outlives its lock (GuardedEscapes.h): the
/// later use through it is an access without the lock that guards it.
void reportGuardedEscape(Session &S, const GuardedEscape &E) {
  std::string Field = "'" + E.Field->getNameAsString() + "'";
  std::string Mutex = "'" + E.Mutex->getNameAsString() + "'";
  int Kind = int(E.Through);
  Finding F = makeFinding(CheckId::DataRace, E.At,
                          MessageId::GuardedBorrowEscapes,
                          {Kind, Field, Mutex}, E.Range);
  if (E.LockedAt.isValid())
    F.note(E.LockedAt, MessageId::GuardedLockedHere, {Mutex});
  switch (E.What) {
  case GuardedEscape::Returned:
    if (E.TakenAt.isValid() && E.TakenAt != E.At)
      F.note(E.TakenAt, MessageId::GuardedBorrowTaken,
             {int(E.TakenAs), Field, Mutex}, E.TakenRange);
    break;
  case GuardedEscape::UsedAfterUnlock:
    if (E.TakenAt.isValid())
      F.note(E.TakenAt, MessageId::GuardedBorrowTaken,
             {int(E.TakenAs), Field, Mutex}, E.TakenRange);
    if (E.ReleasedAt.isValid())
      F.note(E.ReleasedAt, MessageId::GuardedReleasedHere, {Mutex});
    break;
  case GuardedEscape::Captured: {
    F.note(E.TakenAt, MessageId::GuardedCapturedHere,
           {std::string("the lambda"), Field, Mutex});
    F.note(E.UsedAt, MessageId::GuardedUsedInLambda, {Field, Mutex});
    std::string Stored =
        E.StoredIn ? "'" + E.StoredIn->getNameAsString() + "'" : "";
    F.note(E.EscapesAt, MessageId::GuardedLambdaEscapes,
           {int(E.EscapeHow), Mutex, Stored});
    if (E.RunsAt.isValid())
      F.note(E.RunsAt, MessageId::GuardedStoredLambdaCalled, {Stored, Mutex});
    break;
  }
  case GuardedEscape::Stored:
    if (E.TakenAt.isValid() && E.TakenAt != E.At)
      F.note(E.TakenAt, MessageId::GuardedBorrowTaken,
             {int(E.TakenAs), Field, Mutex}, E.TakenRange);
    F.note(E.StoredAt, MessageId::GuardedStoredIn,
           {storedName(E), int(E.StoreHow), Mutex});
    if (E.UsedIn)
      F.note(E.UsedAt, MessageId::GuardedStoredDereferenced,
             {storedName(E), "'" + E.UsedIn->getNameAsString() + "'", Mutex});
    break;
  }
  bool ToCaller = E.What == GuardedEscape::Returned ||
                  (E.What == GuardedEscape::Stored && E.StoreHow == 3);
  if (ToCaller) {
    if (E.ReleasedAt.isValid())
      F.note(E.ReleasedAt, MessageId::GuardedReleasedAtReturn,
             {Mutex, "'" + E.In->getNameAsString() + "'"});
    if (E.UsedAt.isValid())
      F.note(E.UsedAt, MessageId::GuardedUsedByCaller,
             {"'" + E.In->getNameAsString() + "'", Kind, Mutex});
  }
  F.note(E.WriteAt, MessageId::GuardedConflictingWrite, {Field, Mutex});
  switch (E.What) {
  case GuardedEscape::Returned:
    F.note(E.At, MessageId::GuardedHelpReturnCopy, {Mutex, Kind});
    break;
  case GuardedEscape::UsedAfterUnlock:
    F.note(E.At, MessageId::GuardedHelpKeepLock, {Mutex, Kind});
    break;
  case GuardedEscape::Stored:
    F.note(E.At, MessageId::GuardedHelpStoreCopy, {Mutex, storedName(E)});
    break;
  case GuardedEscape::Captured:
    F.note(E.At, MessageId::GuardedHelpCaptureCopy,
           {Field,
            "'[" + copyName(E.Field) + " = " + E.Field->getNameAsString() +
                "]'",
            Mutex});
    break;
  }
  S.report(std::move(F));
}

/// A borrow into a synchronized value that outlives its guard
/// (SyncValues.h): its use is an access without the wrapper's lock.
void reportSyncValueEscape(Session &S, const SyncValueEscape &E) {
  std::string Object =
      E.Object ? "'" + E.Object->getNameAsString() + "'" : "the value";
  std::string Locker = "'" + E.Locker + "'";
  int Kind = int(E.Through);
  int What = E.What == SyncValueEscape::UsedAfterRelease ? 0 : int(E.What);
  Finding F = makeFinding(CheckId::DataRace, E.At,
                          MessageId::SyncValueBorrowEscapes,
                          {Kind, Object, What, Locker}, E.Range);
  if (E.What == SyncValueEscape::UsedAfterRelease) {
    // A guard kept in a local, released (or moved and released) before
    // the use.
    std::string Guard = "'" + E.Guard->getNameAsString() + "'";
    F.note(E.LockedAt, MessageId::SyncValueLockedHere, {Locker, Object});
    F.note(E.TakenAt, MessageId::SyncValueBorrowTaken, {Kind}, E.TakenRange);
    std::string Releaser = Guard;
    if (E.MovedTo) {
      Releaser = "'" + E.MovedTo->getNameAsString() + "'";
      F.note(E.MovedAt, MessageId::SyncValueGuardMoved, {Guard, Releaser});
    }
    int How = E.GivenTo        ? 2
              : E.ScopedUnlock ? 3
                               : int(E.ReleasedByDestruction);
    std::string To =
        E.GivenTo ? "'" + E.GivenTo->getNameAsString() + "'" : std::string();
    F.note(E.ReleasedAt, MessageId::SyncValueGuardReleased,
           {Releaser, Object, How, To});
    F.note(E.At, MessageId::SyncValueHelpUseBeforeRelease, {Kind, Releaser});
    S.report(std::move(F));
    return;
  }
  if (E.What == SyncValueEscape::FromCallback) {
    F.note(E.LockedAt, MessageId::SyncValueCallbackLocks, {Locker, Object});
    F.note(E.TakenAt, MessageId::SyncValueCallbackReturns, {Kind},
           E.TakenRange);
    F.note(E.At, MessageId::SyncValueHelpReturnCopy, {Kind});
    S.report(std::move(F));
    return;
  }
  F.note(E.LockedAt, MessageId::SyncValueLockedHere, {Locker, Object});
  if (E.TakenAt != E.At)
    F.note(E.TakenAt, MessageId::SyncValueBorrowTaken, {Kind}, E.TakenRange);
  F.note(E.ReleasedAt, MessageId::SyncValueGuardDestroyed, {Object});
  if (E.What == SyncValueEscape::Returned) {
    F.note(E.At, MessageId::SyncValueHelpReturnCopy, {Kind});
  } else {
    // boost's operator-> and operator* lock for one expression only; its
    // synchronize() returns a guard to keep.
    llvm::StringRef Member = E.Locker;
    std::string Keep = (E.Object ? E.Object->getNameAsString() : "value") +
                       "." +
                       (Member.starts_with("operator") ? "synchronize"
                                                       : Member.str()) +
                       "()";
    F.note(E.At, MessageId::SyncValueHelpKeepGuard, {Keep, Kind});
  }
  S.report(std::move(F));
}

} // namespace fearless
