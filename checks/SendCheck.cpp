//===- SendCheck.cpp - fearless-send --------------------------------------===//
//
// Rust's E0277 "`T` cannot be sent between threads safely": a value whose
// type is not Send is moved or copied into another thread — a by-copy or
// init capture of a spawned lambda, the callable object itself, an argument
// std::thread/std::async/... copies for the callable, an object handed to
// pthread_create by pointer, or an argument of a fearless::sends parameter.
// The explanation chain (Traits.h) says which field, base, capture or
// annotation makes the type not Send.
//
// In a coroutine (Coroutines.h), a local that is not Send and is alive
// across a suspension point after which the coroutine may continue on
// another thread is sent there too: Rust's "future cannot be sent between
// threads safely" for a MutexGuard held across an .await. A lock guard
// destroyed there unlocks its mutex on the wrong thread.
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/ChannelInference.h"
#include "fearless/Analysis.h"
#include "fearless/Coroutines.h"
#include "fearless/Explain.h"
#include "fearless/FunctionAnalysis.h"

using namespace clang;

namespace fearless {

namespace {

class SendCheck : public Check {
public:
  explicit SendCheck(Session &S) : S(S) {}
  CheckId id() const override { return CheckId::Send; }

  void checkFunction(FunctionAnalysis &FA) override {
    if (!FA.scan().Spawns.empty())
      checkSpawns(FA);
    for (const Expr *Call : FA.scan().SendsCalls)
      checkSendsCall(FA, Call);
    if (CoroutineModel::isCoroutine(FA.function()))
      if (const CoroutineInfo *CI = S.coroutines().coroutineOf(FA.function());
          CI && CI->mayResumeElsewhere())
        checkCoroutine(FA, *CI);
  }

private:
  void checkSpawns(FunctionAnalysis &FA) {
    const ThreadModel &TM = FA.threads();
    const SourceManager &SM = FA.astContext().getSourceManager();
    auto ThroughChannel = [&](unsigned Spawn) {
      // checkSendsCall reports what a channel send is given.
      return TM.spawns()[Spawn].Kind == SpawnKind::ChannelSend;
    };
    for (const SentValue &V : FA.crossings().Sent) {
      if (ThroughChannel(V.Spawn))
        continue;
      TraitVerdict Verdict = S.traits().verdict(V.Type, Trait::Send);
      if (Verdict.Holds)
        continue;
      Finding F =
          V.Var ? makeFinding(CheckId::Send, V.Loc, MessageId::NotSendVarSent,
                              {static_cast<const NamedDecl *>(V.Var), V.Type},
                              V.Range)
                : makeFinding(CheckId::Send, V.Loc, MessageId::NotSendValueSent,
                              {V.Type}, V.Range);
      const SpawnSite &Site = TM.spawns()[V.Spawn];
      F.note(Site.Spawn->getBeginLoc(), MessageId::SentIntoThreadHere);
      addTraitChain(F, Verdict, V.Loc, SM);
      addInstantiationNote(F, FA.function());
      S.report(std::move(F));
    }
    // A std::shared_ptr<T> copy crossing threads may destroy the T there.
    for (const SharedObject &O : FA.crossings().Shared) {
      if (O.K != SharedObject::SharedPtrCopy || ThroughChannel(O.Spawn))
        continue;
      TraitVerdict Verdict = S.traits().verdict(O.Type, Trait::Send);
      if (Verdict.Holds)
        continue;
      QualType Owner = O.Via ? O.Via->getType().getNonReferenceType() : O.Type;
      Finding F =
          makeFinding(CheckId::Send, O.Loc, MessageId::NotSendOwnerShared,
                      {Owner, O.Type}, O.Range);
      F.note(TM.spawns()[O.Spawn].Spawn->getBeginLoc(),
             MessageId::SentIntoThreadHere);
      addTraitChain(F, Verdict, O.Loc, SM);
      addInstantiationNote(F, FA.function());
      S.report(std::move(F));
    }
  }

  void checkSendsCall(FunctionAnalysis &FA, const Expr *Call) {
    const FunctionDecl *Callee = calleeOf(Call);
    if (!Callee)
      return;
    const SourceManager &SM = FA.astContext().getSourceManager();
    llvm::ArrayRef<const Expr *> Args = argsOf(Call);
    for (unsigned I = 0; I < Args.size(); ++I) {
      const ParmVarDecl *P = paramForArg(Call, I);
      const InferredSend *Inferred = nullptr;
      if (!P || !isSendsParam(Callee, P->getFunctionScopeIndex(), S.library(),
                              &Inferred))
        continue;
      // A helper passing its parameter on: its own body sends it, and is
      // reported there.
      if (Inferred && Inferred->ViaCall)
        continue;
      const Expr *Arg = stripMoves(Args[I]);
      QualType T = Arg->getType().getNonReferenceType().getUnqualifiedType();
      TraitVerdict Verdict = S.traits().verdict(T, Trait::Send);
      if (Verdict.Holds)
        continue;
      const VarDecl *V = referencedVar(Arg);
      Finding F = V ? makeFinding(CheckId::Send, Arg->getBeginLoc(),
                                  MessageId::NotSendVarSent,
                                  {static_cast<const NamedDecl *>(V), T},
                                  Arg->getSourceRange())
                    : makeFinding(CheckId::Send, Arg->getBeginLoc(),
                                  MessageId::NotSendValueSent, {T},
                                  Arg->getSourceRange());
      noteChannelSend(F, Callee, P, Inferred, Call);
      addTraitChain(F, Verdict, Arg->getBeginLoc(), SM);
      addInstantiationNote(F, FA.function());
      S.report(std::move(F));
    }
  }

  void checkCoroutine(FunctionAnalysis &FA, const CoroutineInfo &CI) {
    for (const HeldAcross &H : S.coroutines().heldAcross(CI)) {
      QualType T = H.Var->getType();
      if (H.ReleasedBefore || T->isReferenceType() || T->isDependentType() ||
          !ownsAtSuspension(H.Var))
        continue;
      TraitVerdict Verdict = S.traits().verdict(T, Trait::Send);
      if (Verdict.Holds)
        continue;
      int Kind = H.Point->Kind == SuspendKind::Yield   ? 2
                 : H.Point->Kind == SuspendKind::Await ? 1
                                                       : 0;
      Finding F = makeFinding(
          CheckId::Send, H.Var->getLocation(),
          MessageId::NotSendAcrossSuspension,
          {static_cast<const NamedDecl *>(H.Var), Kind, T},
          H.Var->getSourceRange());
      addResumptionNotes(F, *H.Point);
      if (H.ScopeEnd.isValid())
        F.note(H.ScopeEnd, MessageId::CoroDestroyedElsewhere,
               {static_cast<const NamedDecl *>(H.Var)});
      addTraitChain(F, Verdict, H.Var->getLocation(),
                    FA.astContext().getSourceManager());
      F.note(H.Var->getLocation(), MessageId::CoroHelpScopeValue,
             {static_cast<const NamedDecl *>(H.Var), Kind});
      addInstantiationNote(F, FA.function());
      S.report(std::move(F));
    }
  }

  /// Whether \p V still owns what makes it not Send when it reaches the
  /// suspension: not a lock constructed with std::defer_lock or
  /// std::try_to_lock, and something whose destruction does something.
  static bool ownsAtSuspension(const VarDecl *V) {
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(
            V->getInit() ? stripWrappers(V->getInit()) : nullptr))
      for (const Expr *Arg : CE->arguments())
        if (const CXXRecordDecl *Tag = classOf(Arg->getType());
            Tag && (isStdDecl(Tag, "defer_lock_t") ||
                    isStdDecl(Tag, "try_to_lock_t")))
          return false;
    const CXXRecordDecl *RD = classOf(V->getType());
    return RD && RD->hasDefinition() && !RD->hasTrivialDestructor();
  }

  Session &S;
};

} // namespace

std::unique_ptr<Check> createSendCheck(Session &S) {
  return std::make_unique<SendCheck>(S);
}

} // namespace fearless
