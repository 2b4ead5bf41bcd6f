//===- SyncCheck.cpp - fearless-sync --------------------------------------===//
//
// Rust's E0277 "`T` cannot be shared between threads safely": an object whose
// type is not Sync is shared by reference with another thread while someone
// else may use it at the same time — the spawner between spawn and join, a
// sibling thread sharing it too, other copies of the same thread, or (for
// *this and globals) the caller after the function returns. Sharing happens
// through by-reference captures, std::ref, pointers and addresses, a
// captured this, and std::shared_ptr copies (always shared: every copy
// reaches the same object).
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/Explain.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/ThreadLifetime.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fearless {

namespace {

class SyncCheck : public Check {
public:
  explicit SyncCheck(Session &S) : S(S) {}
  CheckId id() const override { return CheckId::Sync; }

  void checkFunction(FunctionAnalysis &FA) override {
    // Null when the function spawns nothing (or has errors).
    const ThreadLifetime *TL = FA.lifetime();
    if (!TL)
      return;
    const Crossings &C = FA.crossings();
    const SourceManager &SM = FA.astContext().getSourceManager();
    llvm::DenseSet<std::pair<unsigned, const void *>> Reported;
    for (const SharedObject &O : C.Shared) {
      TraitVerdict Verdict = S.traits().verdict(O.Type, Trait::Sync);
      if (Verdict.Holds)
        continue;
      const void *Key = O.Var
                            ? static_cast<const void *>(O.Var)
                            : static_cast<const void *>(O.Loc.getPtrEncoding());
      if (O.K == SharedObject::This)
        Key = nullptr;
      if (!Reported.insert({O.Spawn, Key}).second)
        continue;
      Finding F = primary(O);
      if (!addConcurrencyNote(F, FA, *TL, O))
        continue;
      F.note(FA.threads().spawns()[O.Spawn].Spawn->getBeginLoc(),
             MessageId::SentIntoThreadHere);
      addTraitChain(F, Verdict, O.Loc, SM);
      addInstantiationNote(F, FA.function());
      S.report(std::move(F));
    }
  }

private:
  static Finding primary(const SharedObject &O) {
    if (O.K == SharedObject::SharedPtrCopy) {
      QualType Owner = O.Via ? O.Via->getType().getNonReferenceType() : O.Type;
      return makeFinding(CheckId::Sync, O.Loc,
                         MessageId::NotSyncSharedOwnership, {Owner, O.Type},
                         O.Range);
    }
    if (O.K == SharedObject::This)
      return makeFinding(CheckId::Sync, O.Loc, MessageId::NotSyncThisShared,
                         {O.Type}, O.Range);
    if (O.Var)
      return makeFinding(CheckId::Sync, O.Loc, MessageId::NotSyncVarShared,
                         {static_cast<const NamedDecl *>(O.Var), O.Type},
                         O.Range);
    return makeFinding(CheckId::Sync, O.Loc, MessageId::NotSyncValueShared,
                       {O.Type}, O.Range);
  }

  /// Whether someone else may use the shared object while the thread runs;
  /// if so, adds a note saying who.
  bool addConcurrencyNote(Finding &F, FunctionAnalysis &FA,
                          const ThreadLifetime &TL, const SharedObject &O) {
    const ThreadModel &TM = FA.threads();
    const SpawnSite &Site = TM.spawns()[O.Spawn];
    MessageArg What = O.Var ? MessageArg(static_cast<const NamedDecl *>(O.Var))
                            : MessageArg(O.Type);
    if (O.K == SharedObject::SharedPtrCopy) {
      F.note(O.Loc, MessageId::SharedOwnershipEverywhere, {O.Type});
      return true;
    }
    if (TL.isMultiInstance(O.Spawn) || Site.Kind == SpawnKind::ScopedCall) {
      F.note(Site.Spawn->getBeginLoc(), MessageId::SharedWithCopies, {What});
      return true;
    }
    // A sibling thread sharing the same object.
    for (const SharedObject &Other : FA.crossings().Shared) {
      // One finding per pair of threads: at the one spawned second.
      if (Other.Spawn >= O.Spawn || !TL.mayOverlap(O.Spawn, Other.Spawn))
        continue;
      bool Same =
          (O.K == SharedObject::This && Other.K == SharedObject::This) ||
          (O.Var && Other.Var == O.Var);
      if (!Same)
        continue;
      F.note(Other.Loc, MessageId::SharedWithSibling, {What});
      return true;
    }
    // The spawner itself, while the thread may run.
    if (O.Var || O.K == SharedObject::This)
      if (const Stmt *Use = spawnerUse(FA, TL, O)) {
        if (O.K == SharedObject::This)
          F.note(Use->getBeginLoc(), MessageId::ThisUsedWhileRunning);
        else
          F.note(Use->getBeginLoc(), MessageId::SharedUsedWhileRunning, {What});
        return true;
      }
    // *this and globals stay reachable by others after the function
    // returns.
    bool ReachableAfterReturn = O.K == SharedObject::This;
    if (const auto *VD = dyn_cast_or_null<VarDecl>(O.Var))
      ReachableAfterReturn |= !VD->hasLocalStorage();
    if (ReachableAfterReturn && TL.mayRunAtExit(O.Spawn)) {
      const auto *Body =
          dyn_cast_or_null<CompoundStmt>(FA.function()->getBody());
      F.note(Body ? Body->getRBracLoc() : FA.function()->getEndLoc(),
             MessageId::SharedPastReturn,
             {O.K == SharedObject::This ? MessageArg(std::string("*this"))
                                        : What});
      return true;
    }
    return false;
  }

  /// A statement of the spawner using the shared object while the thread
  /// may run (the earliest in source order).
  static const Stmt *spawnerUse(FunctionAnalysis &FA, const ThreadLifetime &TL,
                                const SharedObject &O) {
    const CFG *Cfg = FA.cfg();
    if (!Cfg)
      return nullptr;
    const SourceManager &SM = FA.astContext().getSourceManager();
    const Stmt *Best = nullptr;
    for (const CFGBlock *B : *Cfg)
      for (const CFGElement &E : *B) {
        auto CS = E.getAs<CFGStmt>();
        if (!CS)
          continue;
        const Stmt *St = CS->getStmt();
        bool Uses = false;
        if (O.K == SharedObject::This)
          Uses = isa<CXXThisExpr>(St);
        else if (const auto *DRE = dyn_cast<DeclRefExpr>(St))
          Uses = bindingOwner(DRE->getDecl()) == O.Var;
        if (!Uses)
          continue;
        if (!llvm::is_contained(TL.runningAt(St), O.Spawn))
          continue;
        // Handing the object to another thread is that thread's sharing
        // (reported for the pair), not a use by the spawner.
        bool InSpawn = false;
        for (const SpawnSite &Other : FA.threads().spawns())
          if (SM.isPointWithin(St->getBeginLoc(), Other.Spawn->getBeginLoc(),
                               Other.Spawn->getEndLoc()))
            InSpawn = true;
        if (InSpawn)
          continue;
        if (!Best || SM.isBeforeInTranslationUnit(St->getBeginLoc(),
                                                  Best->getBeginLoc()))
          Best = St;
      }
    return Best;
  }

  Session &S;
};

} // namespace

std::unique_ptr<Check> createSyncCheck(Session &S) {
  return std::make_unique<SyncCheck>(S);
}

} // namespace fearless
