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
#include "fearless/Concurrency.h"
#include "fearless/Explain.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/ThreadAccesses.h"
#include "fearless/ThreadLifetime.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include <optional>

using namespace clang;

namespace fearless {

namespace {

/// A part of *this one side uses: the fields named from `this` outward
/// (`this->a.b` is {a, b}); the last field is used whole, the others only to
/// reach the next one. Origin is the statement of the spawner that uses it.
struct ThisPart {
  llvm::SmallVector<const FieldDecl *, 4> Path;
  const Stmt *Origin = nullptr;
};

/// Whether one of two parts contains the other (one path a prefix of the
/// other): then both sides may touch the longer one.
static bool overlaps(const ThisPart &A, const ThisPart &B) {
  size_t N = std::min(A.Path.size(), B.Path.size());
  for (size_t I = 0; I < N; ++I)
    if (A.Path[I] != B.Path[I])
      return false;
  return true;
}

/// The parts of *this code reaches: `this->a.b->c` in a body and in the
/// member functions it calls on *this (their overriders too), as far as
/// they are visible. Fails (Complete false) when *this escapes (passed,
/// copied, dereferenced whole), when the code itself cannot be seen, or
/// past eight calls.
class ThisFieldCollector : public RecursiveASTVisitor<ThisFieldCollector> {
public:
  explicit ThisFieldCollector(ConcurrencyModel &Model) : Model(Model) {}
  bool Complete = true;
  llvm::SmallVector<ThisPart, 8> Parts;
  /// The spawner's statement being traversed (null inside a thread body).
  const Stmt *Origin = nullptr;
  /// Where *this escaped, if it did.
  const Stmt *Escape = nullptr;

  void function(const FunctionDecl *FD) {
    const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
    if (!Def || !Def->getBody() || Def->isDependentContext() ||
        Depth + 1 > MaxDepth) {
      fail(nullptr);
      return;
    }
    ++Depth;
    if (Seen.insert(Def).second)
      TraverseStmt(Def->getBody());
    --Depth;
  }

  /// A member function the code calls on *this: what its definition
  /// reaches and, for a virtual one, what every overrider the translation
  /// unit defines reaches. One defined in another translation unit is taken
  /// to reach no part (as RacerD takes unknown callees): precision first,
  /// the report needs a part seen shared, not a guess at unseen code. (A
  /// thread entry that cannot be seen goes to function() and fails: the
  /// whole object is judged.)
  void member(const CXXMethodDecl *M) {
    if (M->isDefined() || M->isDependentContext())
      function(M);
    if (!M->isVirtual() || M->hasAttr<FinalAttr>() ||
        M->getParent()->hasAttr<FinalAttr>())
      return;
    for (const CXXRecordDecl *D : Model.derivedClasses(M->getParent()))
      if (const CXXMethodDecl *O = M->getCorrespondingMethodInClass(D);
          O && O != M && O->isDefined())
        function(O);
  }

  bool VisitMemberExpr(MemberExpr *ME) {
    // Visited before its base (pre-order): an inner `this->a` of
    // `this->a.b` is part of the outer one's path, not a use of its own.
    if (AsBase.count(ME))
      return Complete;
    llvm::SmallVector<const FieldDecl *, 4> Path;
    llvm::SmallVector<const MemberExpr *, 4> Inners;
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    while (isa_and_nonnull<MemberExpr>(Base)) {
      const auto *Inner = cast<MemberExpr>(Base);
      const auto *F = dyn_cast_or_null<FieldDecl>(Inner->getMemberDecl());
      if (!F || !Inner->getBase())
        return Complete;
      Path.push_back(F);
      Inners.push_back(Inner);
      Base = Inner->getBase()->IgnoreParenImpCasts();
    }
    const auto *This = dyn_cast_or_null<CXXThisExpr>(Base);
    if (!This)
      return Complete;
    // Only now mark the inner ones: a chain not rooted at this is not ours.
    AsBase.insert(Inners.begin(), Inners.end());
    Bases.insert(This);
    std::reverse(Path.begin(), Path.end());
    const ValueDecl *D = ME->getMemberDecl();
    if (const auto *F = dyn_cast<FieldDecl>(D)) {
      Path.push_back(F);
    } else if (const auto *M = dyn_cast<CXXMethodDecl>(D);
               M && Path.empty()) {
      // A member function called on *this: what it reaches.
      if (!M->isStatic())
        member(M);
      return Complete;
    }
    // (A member function called on a field uses that field whole.)
    if (!Path.empty())
      add(std::move(Path));
    return Complete;
  }
  /// A lambda capturing `this` (a nested thread's body, a callback): the
  /// capture names no part, the body's members are visited as ours. A
  /// `[*this]` copy reads the whole object and stays an escape.
  bool TraverseLambdaExpr(LambdaExpr *LE) {
    for (const auto &[C, Init] : llvm::zip(LE->captures(), LE->capture_inits()))
      if (C.getCaptureKind() == LCK_This && Init)
        if (const auto *T = dyn_cast<CXXThisExpr>(Init->IgnoreParenImpCasts()))
          Bases.insert(T);
    return RecursiveASTVisitor::TraverseLambdaExpr(LE);
  }
  bool VisitCXXThisExpr(CXXThisExpr *E) {
    // `this` used other than to name a member: *this escapes.
    if (!Bases.count(E))
      fail(E);
    return Complete;
  }

private:
  void fail(const Stmt *Where) {
    Complete = false;
    if (!Escape)
      Escape = Origin ? Origin : Where;
  }
  void add(llvm::SmallVector<const FieldDecl *, 4> Path) {
    for (const ThisPart &P : Parts)
      if (P.Path == Path)
        return;
    Parts.push_back({std::move(Path), Origin});
  }

  ConcurrencyModel &Model;
  static constexpr unsigned MaxDepth = 8;
  unsigned Depth = 0;
  llvm::DenseSet<const FunctionDecl *> Seen;
  llvm::DenseSet<const CXXThisExpr *> Bases;
  llvm::DenseSet<const MemberExpr *> AsBase;
};

/// The parts both sides may touch: for two overlapping parts, the longer
/// (the one whole part inside both).
static llvm::SmallVector<ThisPart, 8>
commonParts(llvm::ArrayRef<ThisPart> Thread, llvm::ArrayRef<ThisPart> Other) {
  llvm::SmallVector<ThisPart, 8> Common;
  for (const ThisPart &T : Thread)
    for (const ThisPart &O : Other)
      if (overlaps(T, O)) {
        ThisPart Longer = T.Path.size() >= O.Path.size() ? T : O;
        Longer.Origin = O.Origin;
        Common.push_back(std::move(Longer));
      }
  return Common;
}

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
      // For *this with a visible thread body: the parts the thread reaches.
      std::optional<ThisFieldCollector> Reach;
      if (sharesThis(FA, O)) {
        Reach.emplace(S.concurrency());
        Reach->function(threadFunction(FA.threads().spawns()[O.Spawn]));
        if (!Reach->Complete)
          Reach.reset();
      }
      TraitVerdict Verdict = Reach ? partsVerdict(O.Type, Reach->Parts)
                                   : S.traits().verdict(O.Type, Trait::Sync);
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
      if (Reach ? !addThisConcurrency(F, FA, *TL, O, Reach->Parts, Verdict)
                : !addConcurrencyNote(F, FA, *TL, O))
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

  /// The Sync verdict for the parts \p Parts of a \p T object (*this):
  /// each part's last field must be Sync; a field only used to reach
  /// another (`this->a->b`) needs only that one, recursively. \p Failed gets
  /// the index of the first part that is not.
  TraitVerdict partsVerdict(QualType T, llvm::ArrayRef<ThisPart> Parts,
                            size_t *Failed = nullptr) {
    TraitOracle &Traits = S.traits();
    for (size_t I = 0; I < Parts.size(); ++I) {
      QualType Cur = T;
      for (size_t K = 0; K < Parts[I].Path.size(); ++K) {
        const FieldDecl *Field = Parts[I].Path[K];
        TraitVerdict V = Traits.verdictOfFields(Cur, {Field}, Trait::Sync);
        if (V.Holds)
          break;
        // Annotations and library types decide for the whole object.
        TraitVerdict Whole = Traits.verdictOfFields(Cur, {}, Trait::Sync);
        QualType Next = Field->getType().getNonReferenceType();
        if (const auto *PT = Next->getAs<PointerType>())
          Next = PT->getPointeeType();
        if (K + 1 == Parts[I].Path.size() || !Whole.Holds ||
            !Next->getAsCXXRecordDecl()) {
          if (Failed)
            *Failed = I;
          return Whole.Holds ? V : Whole;
        }
        Cur = Next;
      }
    }
    return {};
  }

  /// addConcurrencyNote for *this when the thread's parts are known: the
  /// other party needs Sync only for the parts it may touch too (Rust: a
  /// field only one side uses is borrowed apart, `&mut`, which needs Send,
  /// not Sync). Sets \p Verdict to the parts that both touch.
  bool addThisConcurrency(Finding &F, FunctionAnalysis &FA,
                          const ThreadLifetime &TL, const SharedObject &O,
                          llvm::ArrayRef<ThisPart> Thread,
                          TraitVerdict &Verdict) {
    const ThreadModel &TM = FA.threads();
    const SpawnSite &Site = TM.spawns()[O.Spawn];
    // Copies of the same body: every part it reaches is on both sides.
    if (TL.isMultiInstance(O.Spawn) || runsCopiesAtOnce(Site)) {
      F.note(Site.Spawn->getBeginLoc(), MessageId::SharedWithCopies,
             {O.Type});
      return true;
    }
    for (const SharedObject &Other : FA.crossings().Shared) {
      if (Other.Spawn >= O.Spawn || !TL.mayOverlap(O.Spawn, Other.Spawn) ||
          !sharesThis(FA, Other))
        continue;
      ThisFieldCollector Sibling(S.concurrency());
      Sibling.function(threadFunction(TM.spawns()[Other.Spawn]));
      TraitVerdict V =
          Sibling.Complete
              ? partsVerdict(O.Type, commonParts(Thread, Sibling.Parts))
              : Verdict;
      if (V.Holds)
        continue;
      Verdict = V;
      F.note(Other.Loc, MessageId::SharedWithSibling, {O.Type});
      return true;
    }
    // The spawner, while the thread may run.
    ThisFieldCollector Spawner(S.concurrency());
    for (const Stmt *Use : spawnerThisUses(FA, TL, O)) {
      // Climb to the outermost `this->a.b` so the visitor sees the path.
      const Stmt *Top = Use;
      const ParentMap &PM = FA.parents();
      while (const auto *ME =
                 dyn_cast_or_null<MemberExpr>(PM.getParentIgnoreParenImpCasts(
                     const_cast<Stmt *>(Top)))) {
        if (ME->getBase()->IgnoreParenImpCasts() != Top)
          break;
        Top = ME;
        if (!isa<FieldDecl>(ME->getMemberDecl()))
          break;
      }
      Spawner.Origin = Use;
      Spawner.TraverseStmt(const_cast<Stmt *>(Top));
    }
    if (Spawner.Complete && Spawner.Parts.empty()) {
      // The spawner does not touch *this: only the caller after return.
    } else {
      llvm::SmallVector<ThisPart, 8> Common;
      if (Spawner.Complete) {
        Common = commonParts(Thread, Spawner.Parts);
      } else {
        Common.assign(Thread.begin(), Thread.end());
        for (ThisPart &P : Common)
          P.Origin = Spawner.Escape;
      }
      size_t Failed = 0;
      TraitVerdict V = partsVerdict(O.Type, Common, &Failed);
      if (!V.Holds && Common[Failed].Origin) {
        Verdict = V;
        F.note(Common[Failed].Origin->getBeginLoc(),
               MessageId::ThisUsedWhileRunning);
        return true;
      }
    }
    // A captured *this stays reachable by the caller after the function
    // returns (as in addConcurrencyNote: not `this` handed over as an
    // argument, a member thread's own object).
    if (O.K == SharedObject::This && TL.mayRunAtExit(O.Spawn)) {
      const auto *Body =
          dyn_cast_or_null<CompoundStmt>(FA.function()->getBody());
      F.note(Body ? Body->getRBracLoc() : FA.function()->getEndLoc(),
             MessageId::SharedPastReturn, {std::string("*this")});
      return true;
    }
    return false;
  }

  /// The function a thread runs: its body, or the call operator of a lambda
  /// kept in a local and passed by name (`pool.emplace_back(body)`, which
  /// the thread model does not follow but whose captures are the sharing).
  static const FunctionDecl *threadFunction(const SpawnSite &Site) {
    if (Site.Body.Function || !Site.Callable)
      return Site.Body.Function;
    const Expr *C = stripMoves(Site.Callable);
    const auto *L = dyn_cast<LambdaExpr>(C);
    if (const VarDecl *V = L ? nullptr : referencedVar(C))
      if (V->hasLocalStorage() && V->getInit())
        L = dyn_cast<LambdaExpr>(stripWrappers(V->getInit()));
    return L ? L->getCallOperator() : nullptr;
  }

  /// The spawner's uses of `this` while the thread may run, in source
  /// order (handing it to a thread is that thread's sharing).
  static llvm::SmallVector<const Stmt *, 8>
  spawnerThisUses(FunctionAnalysis &FA, const ThreadLifetime &TL,
                  const SharedObject &O) {
    llvm::SmallVector<const Stmt *, 8> Uses;
    const CFG *Cfg = FA.cfg();
    if (!Cfg)
      return Uses;
    const SourceManager &SM = FA.astContext().getSourceManager();
    for (const CFGBlock *B : *Cfg)
      for (const CFGElement &E : *B) {
        auto CS = E.getAs<CFGStmt>();
        if (!CS || !isa<CXXThisExpr>(CS->getStmt()))
          continue;
        const Stmt *St = CS->getStmt();
        if (!llvm::is_contained(TL.runningAt(St), O.Spawn) ||
            inSpawn(FA, St) || llvm::is_contained(Uses, St))
          continue;
        Uses.push_back(St);
      }
    llvm::sort(Uses, [&](const Stmt *A, const Stmt *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    return Uses;
  }

  static bool inSpawn(FunctionAnalysis &FA, const Stmt *St) {
    const SourceManager &SM = FA.astContext().getSourceManager();
    for (const SpawnSite &Other : FA.threads().spawns())
      if (SM.isPointWithin(St->getBeginLoc(), Other.Spawn->getBeginLoc(),
                           Other.Spawn->getEndLoc()))
        return true;
    return false;
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
        if (inSpawn(FA, St))
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
