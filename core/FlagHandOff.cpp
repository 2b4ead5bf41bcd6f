//===- FlagHandOff.cpp - A done flag published under a lock ---------------===//
//
// Stored values, flag tests through getters, the order of flag stores in a
// function's CFG, and the hand-off rule the data-race check asks.
//
//===----------------------------------------------------------------------===//

#include "fearless/FlagHandOff.h"
#include "Summarizer.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/ValueGuards.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <deque>

using namespace clang;

namespace fearless {

namespace {

/// A lock that names a mutex (not unknown, not an in-flight counter).
bool namedLock(const Lock &L) { return !L.Unknown && !L.Counter; }

/// Whether a lock of \p A, held exclusively, is held by \p B too.
bool commonLock(llvm::ArrayRef<Lock> A, llvm::ArrayRef<Lock> B) {
  for (const Lock &L : A)
    for (const Lock &M : B)
      if (namedLock(L) && namedLock(M) && !L.Shared && L.Mutex == M.Mutex)
        return true;
  return false;
}

StoreChain chainOf(const Access &A) {
  StoreChain C(A.Via.begin(), A.Via.end());
  C.push_back(A.Where);
  return C;
}

/// Every DeclRefExpr to \p V below \p S.
void refsTo(const Stmt *S, const VarDecl *V,
            llvm::SmallVectorImpl<const DeclRefExpr *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == V)
    Out.push_back(DRE);
  for (const Stmt *C : S->children())
    refsTo(C, V, Out);
}

void returnsOf(const Stmt *S, llvm::SmallVectorImpl<const ReturnStmt *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *R = dyn_cast<ReturnStmt>(S))
    Out.push_back(R);
  for (const Stmt *C : S->children())
    returnsOf(C, Out);
}

/// The global integer a read expression names.
const DeclRefExpr *globalRead(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                    : nullptr);
  if (!DRE)
    return nullptr;
  MemLoc L;
  L.Root = DRE->getDecl();
  return flagVar(L) ? DRE : nullptr;
}

/// The read of a global that \p Def returns: `return done;`, or `ret =
/// done; ... return ret;` with `ret` a local assigned only there.
const DeclRefExpr *returnedGlobalRead(const FunctionDecl *Def) {
  llvm::SmallVector<const ReturnStmt *, 2> Returns;
  returnsOf(Def->getBody(), Returns);
  if (Returns.size() != 1 || !Returns[0]->getRetValue())
    return nullptr;
  const Expr *RV = Returns[0]->getRetValue()->IgnoreParenImpCasts();
  if (const DeclRefExpr *G = globalRead(RV))
    return G;
  const auto *DRE = dyn_cast<DeclRefExpr>(RV);
  const auto *Ret = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!Ret || !Ret->hasLocalStorage() || isa<ParmVarDecl>(Ret))
    return nullptr;
  ParentMap PM(Def->getBody());
  llvm::SmallVector<const DeclRefExpr *, 4> Refs;
  refsTo(Def->getBody(), Ret, Refs);
  const DeclRefExpr *Source = Ret->getInit() ? globalRead(Ret->getInit())
                                             : nullptr;
  unsigned Defs = Ret->getInit() ? 1 : 0;
  for (const DeclRefExpr *R : Refs) {
    const Stmt *P = PM.getParentIgnoreParens(R);
    if (const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(P);
        ICE && ICE->getCastKind() == CK_LValueToRValue)
      continue; // a read
    const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
    if (!BO || BO->getOpcode() != BO_Assign ||
        BO->getLHS()->IgnoreParens() != R)
      return nullptr; // written some other way, or its address taken
    ++Defs;
    Source = globalRead(BO->getRHS());
  }
  return Defs == 1 ? Source : nullptr;
}

} // namespace

const VarDecl *flagVar(const MemLoc &L) {
  const auto *VD = dyn_cast_or_null<VarDecl>(L.Root);
  if (!VD || L.IsThis || L.Deref || !L.Path.empty() || !VD->hasGlobalStorage() ||
      VD->isStaticLocal())
    return nullptr;
  QualType T = VD->getType().getCanonicalType();
  if (T->isReferenceType() || !T->isIntegralOrEnumerationType())
    return nullptr;
  return VD;
}

void setStoredValue(Access &A, const Expr *At, const ParentMap &PM,
                    const FunctionDecl *FD, const ASTContext &Ctx) {
  const auto *BO = dyn_cast_or_null<BinaryOperator>(PM.getParentIgnoreParens(At));
  if (!BO || BO->getOpcode() != BO_Assign ||
      BO->getLHS()->IgnoreParens() != At->IgnoreParens())
    return;
  const Expr *RHS = BO->getRHS();
  if ((A.Stored = integerConstant(RHS, Ctx)))
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(RHS->IgnoreParenImpCasts()))
    if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
        P && P->getDeclContext() == FD && !P->getType()->isReferenceType())
      A.StoredParam = P;
}

const FlagTest *FlagTestFinder::getterRead(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || Def->isDependentContext() ||
      !Def->getReturnType()->isIntegralOrEnumerationType())
    return nullptr;
  auto [It, Inserted] = Getters.try_emplace(Def);
  if (!Inserted)
    return It->second ? &*It->second : nullptr;
  const DeclRefExpr *Read = returnedGlobalRead(Def);
  const FunctionSummary *Sub =
      Read && Depth + 1 <= Summarizer::MaxCallDepth
          ? S.summary(Def, /*LocalsShared=*/false, Depth + 1)
          : nullptr;
  std::optional<FlagTest> Result;
  if (Sub)
    for (const Access &A : Sub->Accesses)
      if (!A.Write && A.Via.empty() && A.Where == Read->getExprLoc() &&
          A.Loc.Root == Read->getDecl() &&
          llvm::any_of(A.Locks, namedLock)) {
        FlagTest T;
        T.Flag = cast<VarDecl>(Read->getDecl());
        for (const Lock &L : A.Locks)
          if (namedLock(L))
            T.Locks.push_back(L);
        Result = std::move(T);
        break;
      }
  // The map may have grown while the getter was summarized.
  std::optional<FlagTest> &Slot = Getters[Def];
  Slot = std::move(Result);
  return Slot ? &*Slot : nullptr;
}

void FlagTestFinder::addTests(const Expr *Cond, bool Taken,
                              llvm::SmallVectorImpl<FlagTest> &Out) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot)
    return addTests(UO->getSubExpr(), !Taken, Out);
  const ASTContext &Ctx = S.astContext();
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    BinaryOperatorKind Op = BO->getOpcode();
    if ((Op == BO_LAnd && Taken) || (Op == BO_LOr && !Taken)) {
      addTests(BO->getLHS(), Taken, Out);
      addTests(BO->getRHS(), Taken, Out);
      return;
    }
    if (Op != BO_EQ && Op != BO_NE)
      return;
    const Expr *CallSide = BO->getLHS()->IgnoreParenImpCasts();
    const Expr *ConstSide = BO->getRHS();
    if (!isa<CallExpr>(CallSide)) {
      CallSide = BO->getRHS()->IgnoreParenImpCasts();
      ConstSide = BO->getLHS();
    }
    const auto *Call = dyn_cast<CallExpr>(CallSide);
    std::optional<long long> K = integerConstant(ConstSide, Ctx);
    if (!Call || !K)
      return;
    if (const FlagTest *G = getterRead(Call)) {
      FlagTest T = *G;
      T.Cond = {nullptr, *K, (Op == BO_EQ) == Taken};
      Out.push_back(std::move(T));
    }
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Cond))
    if (const FlagTest *G = getterRead(Call)) {
      FlagTest T = *G;
      T.Cond = {nullptr, 0, !Taken};
      Out.push_back(std::move(T));
    }
}

llvm::SmallVector<FlagTest, 0> FlagTestFinder::testsOf(const Expr *E) {
  llvm::SmallVector<FlagTest, 0> Out;
  for (const ControllingCondition &C : Conditions.of(E))
    addTests(C.Cond, C.Taken, Out);
  return Out;
}

CfgReach::CfgReach(const CFG &Cfg) {
  for (const CFGBlock *B : Cfg) {
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (auto CS = E.getAs<CFGStmt>())
        Index.try_emplace(CS->getStmt(), B, I);
      ++I;
    }
  }
}

llvm::DenseSet<const Stmt *>
CfgReach::after(const Stmt *From,
                llvm::function_ref<bool(const Stmt *)> Barrier) const {
  auto It = Index.find(From);
  if (It == Index.end())
    return {};
  return afterElement(It->second.first, It->second.second, Barrier);
}

llvm::DenseSet<const Stmt *>
CfgReach::afterElement(const CFGBlock *Block, unsigned Index,
                       llvm::function_ref<bool(const Stmt *)> Barrier) const {
  llvm::DenseSet<const Stmt *> R;
  llvm::SmallVector<const CFGBlock *, 16> Work;
  llvm::SmallPtrSet<const CFGBlock *, 16> Seen;
  // Scans \p B from element \p First; false when a barrier stops the path.
  auto Scan = [&](const CFGBlock *B, unsigned First) {
    for (unsigned I = First; I < B->size(); ++I)
      if (auto CS = (*B)[I].getAs<CFGStmt>()) {
        R.insert(CS->getStmt());
        if (Barrier && Barrier(CS->getStmt()))
          return false;
      }
    return true;
  };
  auto Push = [&](const CFGBlock *B) {
    for (const CFGBlock *Succ : B->succs())
      if (Succ)
        Work.push_back(Succ);
  };
  if (Scan(Block, Index + 1))
    Push(Block);
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (!Seen.insert(B).second)
      continue;
    if (Scan(B, 0))
      Push(B);
  }
  return R;
}

bool neverFollows(const CfgReach &Reach,
                  const llvm::DenseSet<const Stmt *> &After, const Access &X,
                  const Access &W) {
  if (!Reach.has(X.Point) || !Reach.has(W.Point))
    return false;
  if (X.Point != W.Point)
    return !After.count(X.Point);
  // One call: the callee's order, and no second run of the call.
  return !X.Via.empty() && !W.Via.empty() &&
         listsStore(X.PrecedesInCall, W) && !After.count(W.Point);
}

bool listsStore(llvm::ArrayRef<StoreChain> List, const Access &W) {
  StoreChain C = chainOf(W);
  return llvm::is_contained(List, C);
}

void orderFlagStores(std::vector<Access> &Accesses, const CFG &Cfg) {
  llvm::SmallVector<const VarDecl *, 2> Flags;
  for (const Access &A : Accesses)
    if (A.Write && A.Stored && llvm::any_of(A.Locks, namedLock))
      if (const VarDecl *V = flagVar(A.Loc); V && !llvm::is_contained(Flags, V))
        Flags.push_back(V);
  for (Access &A : Accesses)
    A.Precedes.clear();
  if (Flags.empty())
    return;
  CfgReach Reach(Cfg);
  // Each access's flag, and what follows each store's statement, once
  // (several stores of a call chain share their statement).
  std::vector<const VarDecl *> FlagOf(Accesses.size());
  for (size_t I = 0; I < Accesses.size(); ++I)
    FlagOf[I] = flagVar(Accesses[I].Loc);
  struct Store {
    const Access *W;
    const VarDecl *Flag;
    const llvm::DenseSet<const Stmt *> *After;
    StoreChain Chain;
  };
  std::vector<Store> Stores;
  std::deque<llvm::DenseSet<const Stmt *>> AfterSets; // stable addresses
  llvm::DenseMap<const Stmt *, const llvm::DenseSet<const Stmt *> *> AfterPoint;
  for (const VarDecl *Flag : Flags) {
    llvm::SmallVector<size_t, 4> Writes;
    for (size_t I = 0; I < Accesses.size(); ++I)
      if (Accesses[I].Write && FlagOf[I] == Flag)
        Writes.push_back(I);
    if (Writes.size() > 32 || Writes.size() * Accesses.size() > 100000)
      continue; // knowledge lost, never a wrong order
    for (size_t WI : Writes) {
      const Access &W = Accesses[WI];
      if (!Reach.has(W.Point))
        continue;
      auto [It, New] = AfterPoint.try_emplace(W.Point);
      if (New)
        It->second = &AfterSets.emplace_back(Reach.after(W.Point, nullptr));
      Stores.push_back({&W, Flag, It->second, chainOf(W)});
    }
  }
  // Per access, which stores it never follows, then their chains: one
  // allocation per access rather than one growth per store.
  llvm::SmallVector<const Store *, 8> Hits;
  for (size_t XI = 0; XI < Accesses.size(); ++XI) {
    Access &X = Accesses[XI];
    if (X.Atomic)
      continue;
    Hits.clear();
    for (const Store &St : Stores)
      if (FlagOf[XI] != St.Flag && neverFollows(Reach, *St.After, X, *St.W))
        Hits.push_back(&St);
    X.Precedes.reserve(Hits.size());
    for (const Store *St : Hits)
      X.Precedes.push_back(St->Chain);
  }
}

bool orderedByFlag(
    const Access &First, llvm::ArrayRef<Access> FirstSide,
    const Access &Second, llvm::ArrayRef<Access> SecondSide,
    const ASTContext &Ctx,
    llvm::function_ref<bool(const Access &W, const FlagTest &T)> Precedes) {
  for (const FlagTest &T : Second.FlagTests) {
    // The value the flag starts with must not pass the test.
    const VarDecl *Def = T.Flag->getDefinition();
    if (!Def)
      continue;
    std::optional<long long> Initial =
        Def->getInit() ? integerConstant(Def->getInit(), Ctx)
                       : std::optional<long long>(0);
    if (!Initial || T.Cond.holdsFor(*Initial))
      continue;
    auto Passes = [&](const Access &W) {
      return W.Write && flagVar(W.Loc) == T.Flag &&
             (!W.Stored || T.Cond.holdsFor(*W.Stored));
    };
    bool Published = false, Broken = false;
    for (const Access &W : FirstSide) {
      if (!Passes(W))
        continue;
      bool After = Precedes ? Precedes(W, T) : listsStore(First.Precedes, W);
      if (!After) {
        Broken = true;
        break;
      }
      if (W.Stored && commonLock(W.Locks, T.Locks))
        Published = true;
    }
    if (Broken || !Published || llvm::any_of(SecondSide, Passes))
      continue;
    return true;
  }
  return false;
}

} // namespace fearless
