//===- Explain.cpp - Notes that explain a finding -------------------------===//

#include "fearless/Explain.h"
#include "fearless/Coroutines.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fearless {

void addTraitChain(Finding &F, const TraitVerdict &V, SourceLocation Fallback,
                   const SourceManager &SM) {
  SourceLocation Last = Fallback;
  for (const TraitStep &S : V.Chain) {
    SourceLocation Loc = S.Loc;
    if (Loc.isInvalid() || SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
      Loc = Last;
    Last = Loc;
    std::string Trait = traitName(S.Missing).str();
    switch (S.K) {
    case TraitStep::Annotated:
      F.note(Loc, MessageId::TraitAnnotated,
             {S.Type, S.Missing == Trait::Send
                          ? std::string("fearless::not_send")
                          : std::string("fearless::not_sync")});
      break;
    case TraitStep::LockGuard:
      F.note(Loc, MessageId::TraitLockGuard, {S.Type});
      break;
    case TraitStep::SharedOwnership:
      F.note(Loc, MessageId::TraitSharedOwnership, {S.Type, S.Inner, Trait});
      break;
    case TraitStep::Field:
      F.note(Loc, MessageId::TraitField, {S.Type, Trait, S.Decl, S.Inner});
      break;
    case TraitStep::Base:
      F.note(Loc, MessageId::TraitBase, {S.Type, Trait, S.Inner});
      break;
    case TraitStep::Capture:
      if (S.Decl)
        F.note(Loc, MessageId::TraitCapture, {Trait, S.Decl, S.Inner});
      else
        F.note(Loc, MessageId::TraitCaptureThis, {Trait, S.Inner});
      break;
    case TraitStep::TypeArgument:
      F.note(Loc, MessageId::TraitTypeArgument, {S.Type, Trait, S.Inner});
      break;
    case TraitStep::Pointee:
      F.note(Loc, MessageId::TraitPointee, {S.Type, Trait, S.Inner});
      break;
    case TraitStep::Element:
      F.note(Loc, MessageId::TraitElement, {S.Type, Trait, S.Inner});
      break;
    case TraitStep::MutableField:
      F.note(Loc, MessageId::TraitMutableField, {S.Type, S.Decl});
      break;
    case TraitStep::UnsyncedCopy:
      F.note(Loc, MessageId::TraitUnsyncedCopy, {S.Type, Trait, S.Decl});
      break;
    }
  }
}

void addInstantiationNote(Finding &F, const FunctionDecl *FD) {
  const FunctionDecl *Inst = FD;
  // A lambda's call operator: the function it is written in decides.
  while (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Inst)) {
    if (!MD->getParent()->isLambda())
      break;
    Inst = dyn_cast_or_null<FunctionDecl>(
        MD->getParent()->getDeclContext()->getNonClosureAncestor());
  }
  if (!Inst || !Inst->isTemplateInstantiation())
    return;
  SourceLocation Loc = Inst->getPointOfInstantiation();
  if (Loc.isInvalid())
    return;
  F.note(Loc, MessageId::InInstantiation,
         {static_cast<const NamedDecl *>(Inst)});
}

void addResumptionNotes(Finding &F, const SuspensionPoint &P) {
  F.note(P.Loc, MessageId::CoroSuspendsHere);
  const auto *Named = dyn_cast_or_null<NamedDecl>(P.ElsewhereDecl);
  switch (P.Why) {
  case ElsewhereReason::None:
    break;
  case ElsewhereReason::Spawn:
    F.note(P.ElsewhereLoc, MessageId::CoroHandleToThread);
    break;
  case ElsewhereReason::Annotated:
    if (Named)
      F.note(P.ElsewhereLoc, MessageId::CoroResumesElsewhereMarked, {Named});
    break;
  case ElsewhereReason::Library:
    if (Named)
      F.note(P.ElsewhereLoc, MessageId::CoroLibraryResumesElsewhere, {Named});
    break;
  case ElsewhereReason::AwaitedCoroutine:
    if (Named)
      F.note(P.ElsewhereLoc, MessageId::CoroAwaitedResumesElsewhere, {Named});
    break;
  }
}

} // namespace fearless
