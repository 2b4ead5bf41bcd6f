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
#include "fearless/ThreadAccesses.h"
#include "fearless/ThreadLifetime.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fearless {

namespace {

/// The fields of *this a thread body reaches: `this->f` in the body and in
/// the member functions it calls on *this, as far as they are visible. Fails
/// (Complete false) when *this escapes (passed, copied, dereferenced whole)
/// or a member called on it cannot be seen or may be overridden.
class ThisFieldCollector : public RecursiveASTVisitor<ThisFieldCollector> {
public:
  bool Complete = true;
  llvm::SmallVector<const FieldDecl *, 8> Fields;

  void function(const FunctionDecl *FD) {
    const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
    if (!Def || !Def->getBody() || Def->isDependentContext() ||
        ++Depth > MaxDepth) {
      Complete = false;
      return;
    }
    if (Seen.insert(Def).second)
      TraverseStmt(Def->getBody());
    --Depth;
  }

  bool VisitMemberExpr(MemberExpr *ME) {
    const auto *This =
        dyn_cast<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
    if (!This)
      return true;
    Bases.insert(This);
    const ValueDecl *D = ME->getMemberDecl();
    if (const auto *F = dyn_cast<FieldDecl>(D)) {
      if (!llvm::is_contained(Fields, F))
        Fields.push_back(F);
    } else if (const auto *M = dyn_cast<CXXMethodDecl>(D)) {
      if (M->isVirtual() && !M->hasAttr<FinalAttr>() &&
          !M->getParent()->hasAttr<FinalAttr>())
        Complete = false;
      else if (!M->isStatic())
        function(M);
    }
    return Complete;
  }
  bool VisitCXXThisExpr(CXXThisExpr *E) {
    // `this` used other than to name a member: *this escapes.
    if (!Bases.count(E))
      Complete = false;
    return Complete;
  }

private:
  static constexpr unsigned MaxDepth = 8;
  unsigned Depth = 0;
  llvm::DenseSet<const FunctionDecl *> Seen;
  llvm::DenseSet<const CXXThisExpr *> Bases;
};

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
      TraitVerdict Verdict = sharedVerdict(FA, O);
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
      const SpawnSite &Site = FA.threads().spawns()[O.Spawn];
      if (Site.Kind == SpawnKind::ChannelSend)
        F.note(Site.Spawn->getBeginLoc(), MessageId::SentThroughChannelHere,
               {static_cast<const NamedDecl *>(Site.Callee)});
      else
        F.note(Site.Spawn->getBeginLoc(), MessageId::SentIntoThreadHere);
      addTraitChain(F, Verdict, O.Loc, SM);
      addInstantiationNote(F, FA.function());
      F.SharedObject = O.K == SharedObject::This
                           ? static_cast<const void *>(FA.function())
                           : static_cast<const void *>(O.Var);
      F.SharedWith = FA.threads().spawns()[O.Spawn].Spawn->getBeginLoc();
      S.report(std::move(F));
    }
  }

private:
  /// Whether \p O is *this: a captured this, or `this` handed to the thread
  /// (std::thread(&C::f, this)).
  static bool sharesThis(FunctionAnalysis &FA, const SharedObject &O) {
    if (O.K == SharedObject::This)
      return true;
    if (O.K != SharedObject::Pointer || O.Var || O.Via)
      return false;
    for (const Expr *Arg : FA.threads().spawns()[O.Spawn].Args)
      if (Arg->getBeginLoc() == O.Loc &&
          isa<CXXThisExpr>(Arg->IgnoreParenImpCasts()))
        return true;
    return false;
  }

  /// The argument of \p Site that begins at \p Loc.
  static const Expr *argumentAt(const SpawnSite &Site, SourceLocation Loc) {
    for (const Expr *Arg : Site.Args)
      if (Arg->getBeginLoc() == Loc)
        return Arg;
    return nullptr;
  }

  /// The Sync verdict the sharing needs. For *this with a visible thread
  /// body: only the fields the thread reaches (the body and the members it
  /// calls on *this) count; otherwise the whole type.
  TraitVerdict sharedVerdict(FunctionAnalysis &FA, const SharedObject &O) {
    if (sharesThis(FA, O)) {
      ThisFieldCollector Reach;
      Reach.function(FA.threads().spawns()[O.Spawn].Body.Function);
      if (Reach.Complete)
        return S.traits().verdictOfFields(O.Type, Reach.Fields, Trait::Sync);
    }
    return S.traits().verdict(O.Type, Trait::Sync);
  }

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
    // `&states[i]` with i the loop that starts the copies: each copy is
    // given its own element, as the data-race check counts it.
    if ((TL.isMultiInstance(O.Spawn) || runsCopiesAtOnce(Site)) &&
        !perCopyElement(FA, Site, argumentAt(Site, O.Range.getBegin()))) {
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
