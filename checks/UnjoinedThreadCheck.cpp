//===- UnjoinedThreadCheck.cpp - fearless-unjoined-thread -----------------===//
//
// A std::thread destroyed while joinable calls std::terminate. The
// thread-lifetime dataflow records each handle (a std::thread variable, a
// smart pointer owning one, a container of them, a temporary) destroyed on
// some path while its thread may still be running and was neither joined nor
// detached. The finding points at where the path leaves the handle's scope
// (the early return, the break, the closing brace), with notes at the spawn
// and at the join the path misses.
//
//===----------------------------------------------------------------------===//

#include "fearless/Analysis.h"
#include "fearless/Concurrency.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/ThreadLifetime.h"

using namespace clang;

namespace fearless {

namespace {

class UnjoinedThreadCheck : public Check {
public:
  explicit UnjoinedThreadCheck(Session &S) : S(S) {}
  CheckId id() const override { return CheckId::UnjoinedThread; }

  void checkFunction(FunctionAnalysis &FA) override {
    // Null when the function spawns nothing (or has errors).
    const ThreadLifetime *TL = FA.lifetime();
    if (!TL)
      return;
    const ThreadModel &TM = FA.threads();
    for (const JoinableDestroyed &D : TL->joinableDestroys()) {
      const SpawnSite &Site = TM.spawns()[D.Spawn];
      const auto *Handle = dyn_cast_if_present<const ValueDecl *>(D.Handle);
      Finding F =
          Handle
              ? makeFinding(CheckId::UnjoinedThread, D.Loc,
                            D.Element
                                ? MessageId::ThreadsInContainerDestroyedJoinable
                                : MessageId::ThreadDestroyedJoinable,
                            {static_cast<const NamedDecl *>(Handle)})
              : makeFinding(CheckId::UnjoinedThread, D.Loc,
                            MessageId::TemporaryThreadDestroyedJoinable);
      F.note(Site.Spawn->getBeginLoc(), MessageId::ThreadStartedHere);
      llvm::ArrayRef<SourceLocation> Joins = TL->joinsOf(D.Handle);
      if (Handle && !Joins.empty())
        F.note(Joins.front(), MessageId::ThreadJoinedOnOtherPaths,
               {static_cast<const NamedDecl *>(Handle)});
      else
        F.note(Site.Spawn->getBeginLoc(), MessageId::JoinOrDetachFix);
      S.report(std::move(F));
    }
    checkReassignedMember(FA);
  }

  /// `worker_ = std::thread(...)` in a member function while the thread
  /// the constructor started into `worker_` may still be joinable: calling
  /// the function right after construction terminates the program.
  void checkReassignedMember(FunctionAnalysis &FA) {
    const auto *M = dyn_cast<CXXMethodDecl>(FA.function());
    if (!M || isa<CXXConstructorDecl>(M) || M->isStatic() ||
        M->getParent()->isLambda())
      return;
    for (const SpawnSite &Site : FA.threads().spawns()) {
      const auto *Handle = dyn_cast_or_null<FieldDecl>(Site.Sink.Decl);
      if (Site.Sink.Kind != SinkKind::Member || !Handle || Site.Sink.Element ||
          S.library().threadClassKind(Handle->getType()) != HandleKind::Thread)
        continue;
      const CXXOperatorCallExpr *Assign = nullptr;
      for (const Stmt *P = FA.parents().getParent(Site.Spawn); P && !Assign;
           P = FA.parents().getParent(P))
        if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P);
            Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
          Assign = Op;
      if (!Assign || !namesHandle(Assign->getArg(0), Handle))
        continue;
      ConcurrencyModel &CM = S.concurrency();
      SourceLocation Started = CM.startedByConstructor(M->getParent(), Handle);
      if (Started.isInvalid() ||
          CM.usesHandleBefore(M, Handle, Assign->getBeginLoc()))
        continue;
      std::string Name = "'" + Handle->getNameAsString() + "'";
      Finding F =
          makeFinding(CheckId::UnjoinedThread, Assign->getBeginLoc(),
                      MessageId::ThreadMemberReassignedJoinable, {Name});
      F.note(Started, MessageId::ThreadMemberStartedInConstructor, {Name});
      F.note(Assign->getBeginLoc(), MessageId::JoinBeforeReassignFix,
             {Handle->getNameAsString()});
      S.report(std::move(F));
    }
  }

private:
  Session &S;
};

} // namespace

std::unique_ptr<Check> createUnjoinedThreadCheck(Session &S) {
  return std::make_unique<UnjoinedThreadCheck>(S);
}

} // namespace fearless
