//===- MemberLifetime.cpp - Member threads and the order of members -------===//
//
// Members are constructed in declaration order and destroyed in reverse. A
// thread started in the member initializer of its handle runs before the
// members declared after the handle exist; a std::jthread member, which
// joins when it is destroyed, still runs after the members declared after it
// are gone (Concurrency.h, MemberLifetimeIssue).
//
//===----------------------------------------------------------------------===//

#include "InferenceUtil.h"
#include "fearless/Analysis.h"
#include "fearless/Concurrency.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/ThreadAccesses.h"
#include "fearless/ThreadLifetime.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using fearless::inference::holdsJThreads;

namespace fearless {

namespace {

/// Whether \p E lies in the member initializer of \p Field in \p Ctor.
bool inInitializerOf(const CXXConstructorDecl *Ctor, const FieldDecl *Field,
                     const Expr *E, const SourceManager &SM) {
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    if (!Init->isWritten() || Init->getMember() != Field || !Init->getInit())
      continue;
    SourceRange R = Init->getInit()->getSourceRange();
    SourceLocation L = SM.getExpansionLoc(E->getBeginLoc());
    if (R.isValid() && SM.isPointWithin(L, SM.getExpansionLoc(R.getBegin()),
                                        SM.getExpansionLoc(R.getEnd())))
      return true;
  }
  return false;
}


/// Whether the destructor of \p Class (its definition) joins the thread in
/// \p Handle, directly or through member functions it calls on *this.
bool destructorJoins(Session &S, const CXXRecordDecl *Class,
                     const FieldDecl *Handle) {
  const CXXDestructorDecl *Dtor = Class->getDestructor();
  const FunctionDecl *Def = Dtor ? Dtor->getDefinition() : nullptr;
  return Def && Def->getBody() &&
         S.concurrency().joinOf(cast<CXXMethodDecl>(Def), Handle).isValid();
}

/// The thread started at \p Site into \p Handle, a member of the starting
/// member function's class B whose destructor joins it (or a std::jthread),
/// run on an object of a class D derived from B that overrides what it
/// calls: D's members are destroyed before B's destructor runs, so those
/// the thread uses may be gone while it runs, unless D's own destructor
/// joins it first.
void derivedDestroyedFirst(FunctionAnalysis &FA, const SpawnSite &Site,
                           const FieldDecl *Handle,
                           std::vector<MemberLifetimeIssue> &Issues) {
  Session &S = FA.session();
  const auto *Base = dyn_cast<CXXRecordDecl>(Handle->getParent());
  if (!Base)
    return;
  llvm::ArrayRef<const CXXRecordDecl *> Derived =
      S.concurrency().derivedClasses(Base);
  const ThreadLifetime *TL = FA.lifetime();
  if (Derived.empty() || !TL || !TL->mayRunAtExit(Site.Id) ||
      !(holdsJThreads(Handle->getType(), S.library()) ||
        destructorJoins(S, Base, Handle)))
    return;
  const SourceManager &SM = FA.astContext().getSourceManager();
  for (const CXXRecordDecl *D : Derived) {
    if (destructorJoins(S, D, Handle))
      continue;
    std::vector<MemberLifetimeIssue> Found;
    for (const Access &A : threadAccesses(FA, Site, D)) {
      if (!A.Loc.IsThis || A.Loc.Deref || A.Loc.Path.empty())
        continue;
      const FieldDecl *Field = A.Loc.Path.front().Field;
      if (!Field || !Field->getType().isDestructedType())
        continue;
      // A member of D or of a class between D and Base.
      const auto *Owner = dyn_cast<CXXRecordDecl>(Field->getParent());
      if (!Owner)
        continue;
      if (declaresSameEntity(Owner, Base) || !Owner->isDerivedFrom(Base) ||
          !(declaresSameEntity(Owner, D) || D->isDerivedFrom(Owner)))
        continue;
      SourceLocation Use = A.Via.empty() ? A.Where : A.Via.front();
      auto It = llvm::find_if(Found, [&](const MemberLifetimeIssue &I) {
        return I.Field == Field;
      });
      MemberLifetimeIssue Issue{MemberLifetimeIssue::DerivedDestroyedFirst,
                                Site.Id, Handle, Field, A.Where, A.Via, D};
      if (It == Found.end())
        Found.push_back(Issue);
      else if (SM.isBeforeInTranslationUnit(
                   Use, It->Via.empty() ? It->Use : It->Via.front()))
        *It = Issue;
    }
    Issues.insert(Issues.end(), Found.begin(), Found.end());
  }
}

} // namespace

std::vector<MemberLifetimeIssue> memberLifetimeIssues(FunctionAnalysis &FA) {
  std::vector<MemberLifetimeIssue> Issues;
  const auto *Method = dyn_cast<CXXMethodDecl>(FA.function());
  if (!Method || Method->isStatic() || Method->getParent()->isLambda())
    return Issues;
  const CXXRecordDecl *Class = Method->getParent();
  const SourceManager &SM = FA.astContext().getSourceManager();
  const LibraryModel &Lib = FA.session().library();
  for (const SpawnSite &Site : FA.threads().spawns()) {
    const auto *Handle = dyn_cast_or_null<FieldDecl>(Site.Sink.Decl);
    if (Site.Sink.Kind != SinkKind::Member || !Handle ||
        Handle->getParent() != Class || Site.ReturnedBy)
      continue;
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(Method);
    bool Early = Ctor && inInitializerOf(Ctor, Handle, Site.Spawn, SM);
    bool Late = false;
    if (holdsJThreads(Handle->getType(), Lib)) {
      // The class's own destructor joining the thread ends it in time.
      const CXXDestructorDecl *Dtor = Class->getDestructor();
      const FunctionDecl *Def = Dtor ? Dtor->getDefinition() : nullptr;
      Late = !Def || !FA.session()
                          .concurrency()
                          .joinOf(cast<CXXMethodDecl>(Def), Handle)
                          .isValid();
    }
    derivedDestroyedFirst(FA, Site, Handle, Issues);
    if (!Early && !Late)
      continue;
    std::vector<Access> Accesses = threadAccesses(FA, Site);
    std::vector<MemberLifetimeIssue> Found;
    for (const Access &A : Accesses) {
      if (!A.Loc.IsThis || A.Loc.Deref || A.Loc.Path.empty())
        continue;
      const FieldDecl *Field = A.Loc.Path.front().Field;
      if (!Field || Field->getParent() != Class ||
          Field->getFieldIndex() <= Handle->getFieldIndex())
        continue;
      MemberLifetimeIssue::Kind What;
      if (Early)
        What = MemberLifetimeIssue::BeforeConstruction;
      else if (Field->getType().isDestructedType())
        // A destroyed int keeps its bits; a destroyed vector frees them.
        What = MemberLifetimeIssue::AfterDestruction;
      else
        continue;
      SourceLocation Use = A.Via.empty() ? A.Where : A.Via.front();
      auto It = llvm::find_if(Found, [&](const MemberLifetimeIssue &I) {
        return I.Field == Field;
      });
      if (It != Found.end()) {
        if (SM.isBeforeInTranslationUnit(
                Use, It->Via.empty() ? It->Use : It->Via.front()))
          *It = {What, Site.Id, Handle, Field, A.Where, A.Via};
        continue;
      }
      Found.push_back({What, Site.Id, Handle, Field, A.Where, A.Via});
    }
    llvm::sort(Found,
               [](const MemberLifetimeIssue &A, const MemberLifetimeIssue &B) {
                 return A.Field->getFieldIndex() < B.Field->getFieldIndex();
               });
    Issues.insert(Issues.end(), Found.begin(), Found.end());
  }
  return Issues;
}

} // namespace fearless
