//===- GuardedEscapes.cpp - Borrows of guarded data that outlive the lock ===//
//
// One forward dataflow per member function of a class with a mutex member:
// the lockset (LockTracker, as in the access summaries) and the local
// variables that hold a borrow of a member of *this taken under a lock. A
// replay then finds the escapes: a borrow returned while a lock released at
// return is held, a borrow used where its lock is no longer held, a lambda
// made under the lock that reaches a member by reference and leaves the
// critical section. Only members some member function writes under the
// same mutex are kept (GuardedBorrows.cpp computes the writes, once per
// class, only when a candidate is found).
//
//===----------------------------------------------------------------------===//

#include "GuardedEscapesInternal.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/Dataflow.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/Locations.h"
#include "fearless/RaceModel.h"
#include "fearless/ThreadLifetime.h"
#include "clang/AST/Attr.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

namespace fearless {

using namespace guarded;

namespace {

/// A borrow of a member of *this, taken with \c Held.
struct Borrowed {
  const FieldDecl *Field = nullptr;
  BorrowThrough Kind = BorrowThrough::Reference;
  const Expr *At = nullptr;
  Lockset Held;
};

/// A local variable holding a borrow.
struct BorrowFact {
  const VarDecl *Var;
  Borrowed B;
};

struct State {
  Lockset Held;
  llvm::SmallVector<BorrowFact, 2> Facts;

  const BorrowFact *fact(const VarDecl *V) const {
    for (const BorrowFact &F : Facts)
      if (F.Var == V)
        return &F;
    return nullptr;
  }
  void kill(const VarDecl *V) {
    llvm::erase_if(Facts, [&](const BorrowFact &F) { return F.Var == V; });
  }
  void set(const VarDecl *V, Borrowed B) {
    kill(V);
    Facts.push_back({V, std::move(B)});
  }
};

/// A possible escape, before the class's writes are known.
struct Candidate {
  GuardedEscape::Kind What;
  Borrowed B;
  /// What escapes: the return type's kind, or the borrow's own.
  BorrowThrough Through;
  /// The locks held at the escape point.
  Lockset Now;
  SourceLocation At;
  SourceRange Range;
  SourceLocation UsedAt, EscapesAt;
  unsigned EscapeHow = 0;
  const FieldDecl *StoredIn = nullptr;
  /// Captured: the capture that reaches the member.
  SourceLocation CapturedAt;
  /// UsedAfterUnlock: the variable holding the borrow.
  const VarDecl *Var = nullptr;
  /// Stored: the global, static or out-parameter (StoredIn the member),
  /// how (GuardedEscape::StoreHow) and where.
  const VarDecl *StoredVar = nullptr;
  unsigned StoreHow = 0;
  SourceLocation StoredAt;
};

/// A lock released at a point of the function.
struct Release {
  const FieldDecl *Mutex;
  SourceLocation At;
};

class EscapeScan {
public:
  EscapeScan(Session &S, FunctionAnalysis &FA)
      : S(S), FA(FA), Locs(S, FA.function(), /*LocalsShared=*/false),
        Locks(S, FA, Locs) {}

  // Dataflow interface (Dataflow.h).
  State entry() const { return {}; }
  void join(State &Into, const State &From) const {
    joinLocksets(Into.Held, From.Held);
    for (const BorrowFact &F : From.Facts)
      if (!Into.fact(F.Var))
        Into.Facts.push_back(F);
  }
  bool equal(const State &A, const State &B) const {
    if (!sameLockset(A.Held, B.Held) || A.Facts.size() != B.Facts.size())
      return false;
    return llvm::all_of(A.Facts,
                        [&](const BorrowFact &F) { return B.fact(F.Var); });
  }
  void transferBlock(const CFGBlock &B, State &St) {
    for (const CFGElement &E : B)
      step(E, St, /*Record=*/false);
  }
  void transferEdge(const CFGBlock &B, unsigned Succ, State &St) {
    Locks.edge(B, Succ, St.Held);
  }

  /// Solves and replays; false when the dataflow gave up.
  bool run() {
    const CFG &Cfg = *FA.cfg();
    auto In = solveForward<State>(Cfg, FA.declContext(), *this);
    if (!In)
      return false;
    if (const auto &Exit = (*In)[Cfg.getExit().getBlockID()])
      AtExit = Exit->Held;
    for (const CFGBlock *B : Cfg) {
      const std::optional<State> &Entry = (*In)[B->getBlockID()];
      if (!Entry)
        continue;
      State St = *Entry;
      for (const CFGElement &E : *B)
        step(E, St, /*Record=*/true);
    }
    return true;
  }

  std::vector<Candidate> Candidates;
  std::vector<Release> Releases;
  Lockset AtExit;

private:
  void step(const CFGElement &E, State &St, bool Record) {
    Lockset Before;
    if (Record)
      Before = St.Held;
    SourceLocation At;
    if (auto CS = E.getAs<CFGStmt>()) {
      const Stmt *Sm = CS->getStmt();
      if (Record)
        observe(Sm, St);
      genKill(Sm, St);
      Locks.transfer(Sm, St.Held);
      At = Sm->getBeginLoc();
    } else if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
      Locks.destroyed(D->getVarDecl(), St.Held);
      St.kill(D->getVarDecl());
      At = D->getTriggerStmt() ? D->getTriggerStmt()->getEndLoc()
                               : D->getVarDecl()->getLocation();
    } else if (auto L = E.getAs<CFGLifetimeEnds>()) {
      St.kill(L->getVarDecl());
    }
    if (Record && Before.size() != St.Held.size())
      for (const Lock &L : Before)
        if (const FieldDecl *M = mutexField(L); M && !holds(St.Held, M))
          Releases.push_back({M, At});
  }

  /// A borrow \p E of kind \p K: fresh (taken now, under the locks held) or
  /// copied from a local that holds one.
  std::optional<Borrowed> borrowOf(const Expr *E, BorrowThrough K,
                                   const State &St) {
    if (!E)
      return std::nullopt;
    // `i < n ? &slots_[i] : nullptr`: the borrow is the arm's, with what
    // the arm's own form keeps valid (a deque's element across a push).
    const Expr *Bare = E->IgnoreParens();
    while (true) {
      if (const auto *EWC = dyn_cast<ExprWithCleanups>(Bare))
        Bare = EWC->getSubExpr()->IgnoreParens();
      else if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Bare);
               ICE && ICE->getCastKind() == CK_NoOp)
        Bare = ICE->getSubExpr()->IgnoreParens();
      else
        break;
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(Bare)) {
      if (auto B = borrowOf(CO->getTrueExpr(), K, St))
        return B;
      return borrowOf(CO->getFalseExpr(), K, St);
    }
    if (const VarDecl *V = localVarOf(E))
      if (const BorrowFact *F = St.fact(V))
        return F->B;
    // Through a borrowing local: `it->second`, `&it->second`, `*p`,
    // `range.begin()`.
    const VarDecl *Root = nullptr;
    const FieldDecl *F = borrowedField(E, K, S, &Root);
    if (!F && Root)
      if (const BorrowFact *Fact = St.fact(Root))
        return Fact->B;
    if (St.Held.empty())
      return std::nullopt;
    if (!F || F->getParent() != Class)
      return std::nullopt;
    return Borrowed{F, K, E, St.Held};
  }

  static const VarDecl *trackable(const Expr *E) {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E->IgnoreParens());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
                   borrowKindOf(VD->getType())
               ? VD
               : nullptr;
  }

  void assign(const VarDecl *V, const Expr *RHS, State &St) {
    if (auto B = borrowOf(RHS, *borrowKindOf(V->getType()), St))
      St.set(V, std::move(*B));
    else
      St.kill(V);
  }

  void genKill(const Stmt *Sm, State &St) {
    if (const auto *DS = dyn_cast<DeclStmt>(Sm)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D);
            V && V->hasLocalStorage() && borrowKindOf(V->getType()))
          assign(V, V->getInit(), St);
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(Sm);
        BO && BO->getOpcode() == BO_Assign)
      if (const VarDecl *V = trackable(BO->getLHS()))
        assign(V, BO->getRHS(), St);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Sm);
        OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2)
      if (const VarDecl *V = trackable(OC->getArg(0)))
        assign(V, OC->getArg(1), St);
  }

  /// The expression \p E is part of, past casts and parentheses.
  const Stmt *parentOf(const Stmt *E, const Stmt *&Child) const {
    const ParentMap &PM = FA.parents();
    Child = E;
    const Stmt *P = PM.getParent(E);
    while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P))) {
      Child = P;
      P = PM.getParent(P);
    }
    return P;
  }

  /// Whether an occurrence of a borrowing local uses what it borrows (not
  /// when it only replaces it, or copies it into another borrowing local).
  bool isUse(const DeclRefExpr *DRE) const {
    const Stmt *Child;
    const Stmt *P = parentOf(DRE, Child);
    if (!P)
      return true;
    // Testing or comparing a pointer or an iterator reads only its value.
    auto Kind = borrowKindOf(DRE->getDecl()->getType());
    bool Value =
        Kind == BorrowThrough::Pointer || Kind == BorrowThrough::Iterator;
    for (const Stmt *C = FA.parents().getParent(DRE); C && C != P;
         C = FA.parents().getParent(C))
      if (const auto *ICE = dyn_cast<ImplicitCastExpr>(C);
          ICE && ICE->getCastKind() == CK_PointerToBoolean)
        return false;
    if (const auto *BO = dyn_cast<BinaryOperator>(P);
        BO && ((Value && BO->isComparisonOp()) ||
               (BO->getOpcode() == BO_Assign && BO->getRHS() == Child &&
                trackable(BO->getLHS()))))
      return false;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P);
        OC && ((Value && OC->isComparisonOp()) ||
               (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
                OC->getArg(1) == Child && trackable(OC->getArg(0)))))
      return false;
    if (const auto *DS = dyn_cast<DeclStmt>(P))
      return !llvm::any_of(DS->decls(), [](const Decl *D) {
        const auto *V = dyn_cast<VarDecl>(D);
        return V && borrowKindOf(V->getType());
      });
    if (const auto *BO = dyn_cast<BinaryOperator>(P);
        BO && BO->getOpcode() == BO_Assign && BO->getLHS() == Child)
      return false;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P);
        OC && OC->getOperator() == OO_Equal && OC->getArg(0) == Child)
      return false;
    return true;
  }

  /// `ptr_ = &items_[k];`, `g_last = p;`, `*out = &items_[k];` under a
  /// lock: a pointer to a member stored where it outlives the lock.
  void stored(const BinaryOperator *BO, const State &St) {
    const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
    if (borrowKindOf(LHS->getType()) != BorrowThrough::Pointer)
      return;
    Candidate C{GuardedEscape::Stored, {}, BorrowThrough::Pointer, St.Held,
                BO->getOperatorLoc(), BO->getSourceRange()};
    C.StoredAt = LHS->getExprLoc();
    if (const auto *ME = dyn_cast<MemberExpr>(LHS);
        ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      C.StoredIn = dyn_cast<FieldDecl>(ME->getMemberDecl());
    const Expr *Target = LHS;
    if (const auto *UO = dyn_cast<UnaryOperator>(LHS);
        UO && UO->getOpcode() == UO_Deref)
      Target = UO->getSubExpr()->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(Target);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (VD && Target == LHS && VD->hasGlobalStorage()) {
      C.StoredVar = VD;
      C.StoreHow = VD->isStaticDataMember() || VD->isStaticLocal() ? 2 : 1;
    } else if (const auto *P = dyn_cast_or_null<ParmVarDecl>(VD);
               P && (Target == LHS ? P->getType()->isLValueReferenceType()
                                   : P->getType()->isPointerType())) {
      C.StoredVar = P; // `T *&out` or `T **out`
      C.StoreHow = 3;
    }
    if (!C.StoredIn && !C.StoredVar)
      return;
    auto B = borrowOf(BO->getRHS(), BorrowThrough::Pointer, St);
    if (!B)
      return;
    C.B = std::move(*B);
    Candidates.push_back(std::move(C));
  }

  void observe(const Stmt *Sm, const State &St) {
    if (const auto *BO = dyn_cast<BinaryOperator>(Sm);
        BO && BO->getOpcode() == BO_Assign && !St.Held.empty()) {
      stored(BO, St);
      return;
    }
    if (const auto *R = dyn_cast<ReturnStmt>(Sm)) {
      auto K = borrowKindOf(FA.function()->getReturnType());
      if (!K || !R->getRetValue())
        return;
      if (auto B = borrowOf(R->getRetValue(), *K, St))
        Candidates.push_back({GuardedEscape::Returned, std::move(*B), *K,
                              St.Held, R->getRetValue()->getExprLoc(),
                              R->getRetValue()->getSourceRange()});
      return;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Sm)) {
      const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
      const BorrowFact *F = V ? St.fact(V) : nullptr;
      if (F && isUse(DRE)) {
        Candidate C{GuardedEscape::UsedAfterUnlock, F->B, F->B.Kind, St.Held,
                    DRE->getExprLoc(), DRE->getSourceRange()};
        C.Var = V;
        Candidates.push_back(std::move(C));
      }
      return;
    }
    if (const auto *LE = dyn_cast<LambdaExpr>(Sm); LE && !St.Held.empty())
      lambda(LE, St);
  }

  /// Where a lambda leaves the function.
  struct LambdaEscape {
    /// 0 returned, 1 run by a thread that may outlive the function (not a
    /// member thread: the member-thread pairing of fearless-data-race
    /// reports those), 2 stored in a member.
    unsigned How;
    SourceLocation At;
    const FieldDecl *StoredIn = nullptr;
  };
  std::optional<LambdaEscape> escapeOf(const LambdaExpr *LE) {
    const ParentMap &PM = FA.parents();
    const Stmt *Cur = LE;
    for (unsigned Steps = 0; Steps < 8; ++Steps) {
      const Stmt *P = PM.getParent(Cur);
      if (!P)
        return std::nullopt;
      if (isa<ReturnStmt>(P))
        return LambdaEscape{0, P->getBeginLoc()};
      for (const SpawnSite &Site : FA.threads().spawns()) {
        if (Site.Spawn != P)
          continue;
        const ThreadLifetime *TL = FA.lifetime();
        if (Site.Sink.Kind == SinkKind::Member || !TL ||
            !TL->mayRunAtExit(Site.Id))
          return std::nullopt;
        return LambdaEscape{1, P->getBeginLoc()};
      }
      // `handler_ = [this] { ... };`
      const Expr *Target = nullptr;
      if (const auto *BO = dyn_cast<BinaryOperator>(P);
          BO && BO->getOpcode() == BO_Assign && BO->getRHS() == Cur)
        Target = BO->getLHS();
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P);
          OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
          OC->getArg(1) == Cur)
        Target = OC->getArg(0);
      if (Target) {
        const FieldDecl *H = designatedField(Target, 0, nullptr);
        if (!H)
          return std::nullopt;
        return LambdaEscape{2, cast<Expr>(P)->getExprLoc(), H};
      }
      if (!isa<ImplicitCastExpr>(P) && !isa<ParenExpr>(P) &&
          !isa<MaterializeTemporaryExpr>(P) && !isa<CXXBindTemporaryExpr>(P) &&
          !isa<ExprWithCleanups>(P) && !isa<CXXFunctionalCastExpr>(P) &&
          !(isa<CXXConstructExpr>(P) &&
            cast<CXXConstructExpr>(P)->getNumArgs() == 1))
        return std::nullopt;
      Cur = P;
    }
    return std::nullopt;
  }

  void lambda(const LambdaExpr *LE, const State &St) {
    auto Escape = escapeOf(LE);
    if (!Escape)
      return;
    LambdaReach Reach;
    Reach.scan(LE->getBody(), LE);
    if (Reach.Locks)
      return; // it locks for itself
    auto Add = [&](Borrowed B, SourceLocation Use, SourceLocation Capture) {
      BorrowThrough Through = B.Kind;
      Candidate C{GuardedEscape::Captured, std::move(B), Through, St.Held,
                  LE->getBeginLoc(), LE->getSourceRange()};
      C.UsedAt = Use;
      C.EscapesAt = Escape->At;
      C.EscapeHow = Escape->How;
      C.StoredIn = Escape->StoredIn;
      C.CapturedAt = Capture;
      Candidates.push_back(std::move(C));
    };
    for (const LambdaCapture &C : LE->captures()) {
      if (C.capturesThis() && C.getCaptureKind() == LCK_This) {
        for (const FieldDecl *F : Class->fields()) {
          auto It = Reach.ThisUses.find(F);
          if (It != Reach.ThisUses.end() && borrowable(F, S))
            Add(Borrowed{F, BorrowThrough::Reference, nullptr, St.Held},
                It->second, C.getLocation());
        }
        continue;
      }
      if (!C.capturesVariable())
        continue;
      const auto *V = dyn_cast<VarDecl>(C.getCapturedVar());
      auto Use = V ? Reach.VarUses.find(V) : Reach.VarUses.end();
      if (!V || Use == Reach.VarUses.end())
        continue;
      if (V->isInitCapture()) {
        if (auto K = borrowKindOf(V->getType()))
          if (auto B = borrowOf(V->getInit(), *K, St))
            Add(std::move(*B), Use->second, C.getLocation());
        continue;
      }
      const BorrowFact *F = St.fact(V);
      if (!F || (V->getType()->isReferenceType() &&
                 C.getCaptureKind() == LCK_ByCopy))
        continue; // a copy of what the reference names
      Add(F->B, Use->second, C.getLocation());
    }
  }

public:
  const CXXRecordDecl *Class = nullptr;

private:
  Session &S;
  FunctionAnalysis &FA;
  LocationResolver Locs;
  LockTracker Locks;
};

/// Whether a class has a mutex (or another synchronization object, or a
/// guarded_by member): the only classes whose members are looked at.
bool hasLockMember(Session &S, const CXXRecordDecl *RD) {
  return llvm::any_of(RD->fields(), [&](const FieldDecl *F) {
    return F->hasAttr<GuardedByAttr>() || isSyncType(F->getType(), S.traits());
  });
}

} // namespace

const llvm::SmallVector<GuardedEscapeFinder::GuardedWrite, 2> &
GuardedEscapeFinder::writesOf(const CXXRecordDecl *RD, const FieldDecl *Field) {
  auto It = Writes.find({RD, Field});
  if (It != Writes.end())
    return It->second;
  auto W = computeWrites(S, RD, Field);
  return Writes[{RD, Field}] = std::move(W);
}

std::vector<GuardedEscape> GuardedEscapeFinder::find(FunctionAnalysis &FA) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FA.function());
  if (!MD || MD->isStatic() || MD->getParent()->isLambda() ||
      MD->isDependentContext() || isa<CXXConstructorDecl>(MD) ||
      isa<CXXDestructorDecl>(MD) || FA.scan().HasErrors)
    return {};
  // Once per class: the trait queries behind it are not free.
  auto [Known, New] = LockClasses.try_emplace(MD->getParent(), false);
  if (New)
    Known->second = hasLockMember(S, MD->getParent());
  if (!Known->second)
    return {};
  // No CFG for a body that borrows no member and makes no lambda.
  auto ReturnKind = borrowKindOf(MD->getReturnType());
  if (!mayBorrowMember(MD->getBody(),
                       ReturnKind.value_or(BorrowThrough::Reference),
                       ReturnKind.has_value(), S) ||
      !FA.cfg())
    return {};
  llvm::TimeTraceScope Scope("fearless guarded escapes");
  EscapeScan Scan(S, FA);
  Scan.Class = MD->getParent();
  if (!Scan.run() || Scan.Candidates.empty())
    return {};
  const SourceManager &SM = S.astContext().getSourceManager();
  const CXXRecordDecl *Class =
      MD->getParent()->getCanonicalDecl()->getDefinition();
  std::vector<GuardedEscape> Out;
  // One report per returned expression, per lambda and member, and per
  // borrowing local (its first use after the unlock, in source order).
  llvm::DenseSet<std::pair<const void *, unsigned>> Seen;
  std::optional<bool> OneThread;
  llvm::stable_sort(Scan.Candidates, [&](const Candidate &A,
                                         const Candidate &B) {
    return SM.isBeforeInTranslationUnit(A.At, B.At);
  });
  for (const Candidate &C : Scan.Candidates) {
    const auto &Writes = writesOf(Class, C.B.Field);
    if (Writes.empty())
      continue;
    // A borrow of an element survives a write that only adds elements (a
    // deque's push_back, a list's or a map's insert): that write does not
    // conflict with it. An iterator of the container must stay valid only
    // when one is both taken and used: a reference through it
    // (`&it->second`) or an iterator into the element a reference names
    // (the range-for over `q_.front()`) needs references to stay valid.
    KeptValid Needs = KeptValid::Nothing;
    if (C.B.At && borrowsElement(C.B.At, C.B.Field)) {
      auto NeedOf = [](std::optional<BorrowThrough> K) {
        return K == BorrowThrough::Reference || K == BorrowThrough::Pointer
                   ? KeptValid::References
                   : KeptValid::Iterators;
      };
      Needs = std::min(NeedOf(C.B.Kind),
                       NeedOf(C.Var ? borrowKindOf(C.Var->getType())
                                    : std::optional(C.Through)));
    }
    auto Survives = [&](const GuardedEscapeFinder::GuardedWrite &Wr) {
      if (Needs != KeptValid::Nothing && Wr.Keeps >= Needs)
        return true;
      // The function's own writes, when one thread at a time runs it (a
      // worker that pops what it borrowed, after using it).
      if (Wr.In && Wr.In->getCanonicalDecl() == MD->getCanonicalDecl()) {
        if (!OneThread)
          OneThread = runsOnOneThread(S, Class, MD);
        return *OneThread;
      }
      return false;
    };
    for (const Lock &L : C.B.Held) {
      const FieldDecl *M = mutexField(L);
      if (!M)
        continue;
      bool HeldNow = holds(C.Now, M);
      if ((C.What == GuardedEscape::UsedAfterUnlock) == HeldNow)
        continue;
      bool ToCaller = C.What == GuardedEscape::Returned ||
                      (C.What == GuardedEscape::Stored && C.StoreHow == 3);
      if (ToCaller && holds(Scan.AtExit, M))
        continue; // the caller receives the lock too
      SourceRange Taken = C.B.At ? C.B.At->getSourceRange() : SourceRange();
      const GuardedEscapeFinder::GuardedWrite *Write = nullptr;
      for (const auto &Wr : Writes)
        if (Wr.Mutex == M && !Survives(Wr) &&
            !(Taken.isValid() &&
              SM.isPointWithin(Wr.At, Taken.getBegin(), Taken.getEnd()))) {
          Write = &Wr;
          break;
        }
      if (!Write)
        continue;
      GuardedEscape E;
      E.What = C.What;
      E.In = MD;
      E.Through = C.Through;
      E.TakenAs = C.B.Kind;
      E.Field = C.B.Field;
      E.Mutex = M;
      E.LockedAt = L.Acquired;
      E.TakenAt = C.B.At ? C.B.At->getExprLoc() : SourceLocation();
      E.TakenRange = Taken;
      if (C.What == GuardedEscape::Captured) {
        E.TakenAt = C.CapturedAt;
        E.TakenRange = SourceRange();
      }
      E.At = C.At;
      E.Range = C.Range;
      E.UsedAt = C.UsedAt;
      E.EscapesAt = C.EscapesAt;
      E.EscapeHow = C.EscapeHow;
      E.StoredIn = C.StoredIn;
      if (C.StoredIn && C.What == GuardedEscape::Captured) {
        // Stored: reported where it is called without the lock.
        E.RunsAt = unlockedCallOf(S, MD->getParent(), C.StoredIn, M);
        if (E.RunsAt.isInvalid())
          continue;
      }
      E.StoredVar = C.StoredVar;
      E.StoreHow = C.StoreHow;
      E.StoredAt = C.StoredAt;
      if (C.What == GuardedEscape::Stored && !ToCaller) {
        // Kept past the critical section: reported where a member function
        // dereferences it without the lock.
        UnlockedUse Use =
            unlockedDerefOf(S, MD->getParent(), C.StoredIn, C.StoredVar, M);
        if (Use.At.isInvalid())
          continue;
        E.UsedAt = Use.At;
        E.UsedIn = Use.In;
      }
      E.WriteAt = Write->At;
      E.Writer = Write->In;
      if (ToCaller) {
        E.ReleasedAt = MD->getBody()->getEndLoc();
        for (const Session::CallSite &Call : S.callSitesOf(MD))
          if (!E.UsedAt.isValid() ||
              SM.isBeforeInTranslationUnit(Call.Call->getExprLoc(), E.UsedAt))
            E.UsedAt = Call.Call->getExprLoc();
      } else if (C.What == GuardedEscape::UsedAfterUnlock) {
        // The last release of the mutex between the borrow and the use.
        for (const Release &R : Scan.Releases)
          if (R.Mutex == M && R.At.isValid() &&
              (E.TakenAt.isInvalid() ||
               SM.isBeforeInTranslationUnit(E.TakenAt, R.At)) &&
              SM.isBeforeInTranslationUnit(R.At, E.At) &&
              (E.ReleasedAt.isInvalid() ||
               SM.isBeforeInTranslationUnit(E.ReleasedAt, R.At)))
            E.ReleasedAt = R.At;
      }
      std::pair<const void *, unsigned> Key =
          C.Var ? std::make_pair(static_cast<const void *>(C.Var), 0u)
                : std::make_pair(static_cast<const void *>(E.Field),
                                 E.At.getRawEncoding());
      if (Seen.insert(Key).second)
        Out.push_back(E);
      break;
    }
  }
  return Out;
}

} // namespace fearless
