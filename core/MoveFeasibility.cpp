//===- MoveFeasibility.cpp - Paths a move really takes to its use ---------===//
//
// The dataflow (MoveDataflow.cpp) joins paths, so it also finds uses that
// only a path no execution takes reaches: one that passes two tests of the
// same unchanged local with opposite outcomes. Stackless coroutines built
// from a switch (Asio's `reenter`/`yield`, protothreads, Duff's device) are
// made of such paths: after the statement of a `yield`, the only way back
// to it is the false edge of a test of the coroutine state that the switch
// into it found true, so a move in it is not followed by another run of it
// within one call. This pass re-checks each use the dataflow found: it
// searches the CFG from the entry, carrying the truth values of the tests
// on unchanged locals decided so far, for a path that passes the move and
// then reaches the use without a reinitialization. A use no such path
// reaches is dropped. The search is bounded; over its budget the use stays.
//
//===----------------------------------------------------------------------===//

#include "MovesInternal.h"
#include "fearless/ASTUtil.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace fearless {
namespace moves {

namespace {

/// A value whose truth a test decides: a local (Method null), or the result
/// of a const conversion operator called on a local of class type
/// (`if (state)` with `operator int() const`).
struct Slot {
  const VarDecl *Var = nullptr;
  const CXXMethodDecl *Method = nullptr;
  bool operator==(const Slot &O) const {
    return Var == O.Var && Method == O.Method;
  }
};

const Stmt *parentSkipping(const ParentMap &PM, const Stmt *S) {
  const Stmt *P = PM.getParent(S);
  while (P && (isa<ParenExpr>(P) ||
               (isa<ImplicitCastExpr>(P) &&
                cast<ImplicitCastExpr>(P)->getCastKind() == CK_NoOp))) {
    S = P;
    P = PM.getParent(S);
  }
  return P;
}

enum class RefKind { Read, Write, Other };

/// How the occurrence \p DRE of a local treats it.
RefKind refKind(const ParentMap &PM, const DeclRefExpr *DRE) {
  if (DRE->refersToEnclosingVariableOrCapture())
    return RefKind::Other;
  const Stmt *P = parentSkipping(PM, DRE);
  if (!P)
    return RefKind::Other;
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P))
    return ICE->getCastKind() == CK_LValueToRValue ? RefKind::Read
                                                   : RefKind::Other;
  auto IsOperand = [&](const Expr *E) {
    return E && E->IgnoreParenImpCasts() == DRE;
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(P))
    return BO->isAssignmentOp() && IsOperand(BO->getLHS()) ? RefKind::Write
                                                            : RefKind::Other;
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    return UO->isIncrementDecrementOp() ? RefKind::Write : RefKind::Other;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
    return Op->isAssignmentOp() && Op->getNumArgs() > 0 &&
                   IsOperand(Op->getArg(0))
               ? RefKind::Write
               : RefKind::Other;
  if (const auto *ME = dyn_cast<MemberExpr>(P)) {
    const auto *Call =
        dyn_cast_or_null<CXXMemberCallExpr>(parentSkipping(PM, ME));
    const CXXMethodDecl *M = Call ? Call->getMethodDecl() : nullptr;
    return !ME->isArrow() && M && M->isConst() &&
                   Call->getCallee()->IgnoreParens() == ME
               ? RefKind::Read
               : RefKind::Other;
  }
  return RefKind::Other;
}

void collectRefs(const Stmt *S,
                 llvm::DenseMap<const VarDecl *, llvm::SmallVector<const DeclRefExpr *, 4>> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      Out[VD].push_back(DRE);
  for (const Stmt *C : S->children())
    collectRefs(C, Out);
}

/// Whether the condition of \p F is true when the loop is entered: `for
/// (T n = 0; n < E; ...)` (or `n != E`) compared in an unsigned type, with
/// `E` a non-zero constant or `1 << x` (never zero where defined). Such a
/// loop runs its body at least once.
bool enteredTrue(const ForStmt *F, const ASTContext &Ctx) {
  const auto *Init = dyn_cast_or_null<DeclStmt>(F->getInit());
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      F->getCond() ? F->getCond()->IgnoreParenImpCasts() : nullptr);
  if (!Init || !Init->isSingleDecl() || !Cond)
    return false;
  const auto *N = dyn_cast<VarDecl>(Init->getSingleDecl());
  std::optional<long long> Start = N && N->getType()->isIntegerType()
                                       ? integerConstant(N->getInit(), Ctx)
                                       : std::nullopt;
  if (!Start || *Start != 0)
    return false;
  auto Names = [&](const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == N;
  };
  const Expr *Bound = nullptr;
  if ((Cond->getOpcode() == BO_LT || Cond->getOpcode() == BO_NE) &&
      Names(Cond->getLHS()))
    Bound = Cond->getRHS();
  else if ((Cond->getOpcode() == BO_GT || Cond->getOpcode() == BO_NE) &&
           Names(Cond->getRHS()))
    Bound = Cond->getLHS();
  // 0 < E for unsigned E (the operands' common type) means E != 0.
  if (!Bound || (Cond->getOpcode() != BO_NE &&
                 !Bound->getType()->isUnsignedIntegerType()))
    return false;
  if (std::optional<long long> B = integerConstant(Bound, Ctx))
    return *B != 0;
  const auto *Shift = dyn_cast<BinaryOperator>(Bound->IgnoreParenImpCasts());
  std::optional<long long> One = Shift && Shift->getOpcode() == BO_Shl
                                     ? integerConstant(Shift->getLHS(), Ctx)
                                     : std::nullopt;
  return One && *One == 1;
}

/// The search: (block, known truths, moved) states from the entry.
class FeasiblePaths {
public:
  FeasiblePaths(const MoveFacts &Facts, const CFG &Cfg, const ParentMap &PM,
                const ASTContext &Ctx)
      : Facts(Facts), Cfg(Cfg), PM(PM), Ctx(Ctx) {
    llvm::DenseMap<const VarDecl *, llvm::SmallVector<const DeclRefExpr *, 4>>
        Refs;
    collectRefs(Facts.Function->getBody(), Refs);
    for (const auto &[VD, List] : Refs) {
      QualType T = VD->getType();
      if (!VD->hasLocalStorage() || T->isReferenceType() ||
          !(T->isScalarType() || T->isRecordType()))
        continue;
      if (llvm::all_of(List, [&](const DeclRefExpr *D) {
            return refKind(PM, D) != RefKind::Other;
          }))
        Unchanged.insert(VD);
    }
    for (const CFGBlock *B : Cfg) {
      const Stmt *Term = B->getTerminatorStmt();
      if (const auto *F = dyn_cast_or_null<ForStmt>(Term);
          F && enteredTrue(F, Ctx))
        EnteredTrue.insert(F);
      if (const auto *SW = dyn_cast_or_null<SwitchStmt>(Term))
        HasTests |= bool(testOf(SW->getCond()));
      else if (Term && B->succ_size() == 2 && B->getTerminatorCondition())
        HasTests |= bool(testOf(B->getLastCondition()));
    }
    HasTests |= !EnteredTrue.empty();
  }

  /// Whether some path that no two tests of one unchanged local contradict
  /// runs move \p MoveIndex and then reaches \p Use (unknown: true).
  bool reaches(unsigned MoveIndex, const Expr *Use);

  /// Whether there is anything to learn: a test of an unchanged local, or a
  /// loop that runs at least once.
  bool hasTests() const { return HasTests; }

private:
  /// The truth values known on a path: up to 32 slots.
  struct Known {
    uint32_t Set = 0, Value = 0;
    bool operator==(const Known &O) const {
      return Set == O.Set && Value == O.Value;
    }
  };
  /// The slot \p E tests and whether its truth is the test's (polarity).
  std::optional<std::pair<unsigned, bool>> testOf(const Expr *E);
  std::optional<Slot> conditionSlot(const Stmt *S) const;
  int slotIndex(const Slot &S);
  void kill(Known &K, const VarDecl *V) const;
  /// After \p V was given \p Value: when that is a constant, its truth is
  /// known until the next write.
  void learn(Known &K, const VarDecl *V, const Expr *Value) const;
  /// Applies edge \p Succ of \p B to \p K; false when it contradicts it.
  bool edge(const CFGBlock &B, unsigned Succ, Known &K);

  const MoveFacts &Facts;
  const CFG &Cfg;
  const ParentMap &PM;
  const ASTContext &Ctx;
  llvm::DenseSet<const VarDecl *> Unchanged;
  /// The `for` loops whose body runs at least once (enteredTrue).
  llvm::SmallPtrSet<const ForStmt *, 4> EnteredTrue;
  llvm::SmallVector<Slot, 8> Slots;
  bool HasTests = false;
};

std::optional<Slot> FeasiblePaths::conditionSlot(const Stmt *S) const {
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && Unchanged.count(VD) && VD->getType()->isScalarType())
      return Slot{VD, nullptr};
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const auto *Conv = dyn_cast_or_null<CXXConversionDecl>(Call->getMethodDecl());
    const Expr *Obj = Call->getImplicitObjectArgument();
    const auto *DRE =
        Obj ? dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts()) : nullptr;
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (Conv && Conv->isConst() && VD && Unchanged.count(VD))
      return Slot{VD, Conv};
  }
  return std::nullopt;
}

int FeasiblePaths::slotIndex(const Slot &S) {
  for (unsigned I = 0; I < Slots.size(); ++I)
    if (Slots[I] == S)
      return I;
  if (Slots.size() == 32)
    return -1;
  Slots.push_back(S);
  return Slots.size() - 1;
}

std::optional<std::pair<unsigned, bool>> FeasiblePaths::testOf(const Expr *E) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_LNot) {
    auto T = testOf(UO->getSubExpr());
    if (T)
      T->second = !T->second;
    return T;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE)) {
    const Expr *Other = BO->getLHS();
    std::optional<long long> K = integerConstant(BO->getRHS(), Ctx);
    if (!K) {
      Other = BO->getRHS();
      K = integerConstant(BO->getLHS(), Ctx);
    }
    if (!K || *K != 0)
      return std::nullopt;
    auto T = testOf(Other);
    if (T && BO->getOpcode() == BO_EQ)
      T->second = !T->second;
    return T;
  }
  std::optional<Slot> S = conditionSlot(E);
  if (!S)
    return std::nullopt;
  int I = slotIndex(*S);
  if (I < 0)
    return std::nullopt;
  return std::make_pair(unsigned(I), true);
}

void FeasiblePaths::kill(Known &K, const VarDecl *V) const {
  for (unsigned I = 0; I < Slots.size(); ++I)
    if (Slots[I].Var == V)
      K.Set &= ~(1u << I);
}

void FeasiblePaths::learn(Known &K, const VarDecl *V,
                          const Expr *Value) const {
  // Only a local whose every occurrence is a plain read or write (never
  // address-taken, passed by reference or captured: see Unchanged), and not
  // volatile (something else may write it).
  if (!V || !Value || !Unchanged.count(V) ||
      V->getType().isVolatileQualified() ||
      !V->getType()->isIntegralOrEnumerationType())
    return;
  std::optional<long long> C = integerConstant(Value, Ctx);
  if (!C)
    return;
  for (unsigned I = 0; I < Slots.size(); ++I)
    if (Slots[I].Var == V && !Slots[I].Method) {
      K.Set |= 1u << I;
      K.Value = *C != 0 ? (K.Value | (1u << I)) : (K.Value & ~(1u << I));
    }
}

bool FeasiblePaths::edge(const CFGBlock &B, unsigned Succ, Known &K) {
  auto Assume = [&](unsigned I, bool Truth) {
    uint32_t Bit = 1u << I;
    if ((K.Set & Bit) && bool(K.Value & Bit) != Truth)
      return false;
    K.Set |= Bit;
    K.Value = Truth ? (K.Value | Bit) : (K.Value & ~Bit);
    return true;
  };
  const Stmt *Term = B.getTerminatorStmt();
  if (!Term)
    return true;
  if (const auto *SW = dyn_cast<SwitchStmt>(Term)) {
    auto T = testOf(SW->getCond());
    const CFGBlock *Target = (B.succ_begin() + Succ)->getReachableBlock();
    const auto *Case =
        Target ? dyn_cast_or_null<CaseStmt>(Target->getLabel()) : nullptr;
    if (!T || !Case || Case->caseStmtIsGNURange())
      return true;
    std::optional<long long> V = integerConstant(Case->getLHS(), Ctx);
    return !V || Assume(T->first, (*V != 0) == T->second);
  }
  if (B.succ_size() != 2 || !B.getTerminatorCondition())
    return true; // `for (;;)`: no condition
  // The value the block branches on: its last element (the right operand
  // of `a && b` in the block that evaluates it).
  auto T = testOf(B.getLastCondition());
  if (!T)
    return true;
  return Assume(T->first, (Succ == 0) == T->second);
}

bool FeasiblePaths::reaches(unsigned MoveIndex, const Expr *Use) {
  unsigned Key = Facts.MoveKeys[MoveIndex];
  const Expr *MoveOperand = Facts.Moves[MoveIndex].Operand;
  struct Item {
    const CFGBlock *B;
    Known K;
    bool Moved;
    /// B is the condition of a `for` loop, reached from its init statement.
    bool Entering = false;
  };
  llvm::SmallVector<Item, 32> Work;
  llvm::DenseSet<std::tuple<unsigned, uint32_t, uint32_t, unsigned>> Seen;
  Work.push_back({&Cfg.getEntry(), Known(), false});
  unsigned Budget = 64 * Cfg.getNumBlockIDs() + 256;
  while (!Work.empty()) {
    Item It = Work.pop_back_val();
    if (!Seen.insert({It.B->getBlockID(), It.K.Set, It.K.Value,
                      unsigned(It.Moved) | unsigned(It.Entering) << 1})
             .second)
      continue;
    if (Budget-- == 0)
      return true;
    Known K = It.K;
    bool Moved = It.Moved;
    bool Dead = false;
    for (const CFGElement &E : *It.B) {
      if (Dead)
        break;
      auto CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *St = CS->getStmt();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(St))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
            VD && Unchanged.count(VD) && refKind(PM, DRE) == RefKind::Write)
          kill(K, VD);
      // `flag = false`: the write above forgot the flag, the constant says
      // what it is now (the operands are earlier elements of the path).
      if (const auto *BO = dyn_cast<BinaryOperator>(St);
          BO && BO->getOpcode() == BO_Assign)
        if (const auto *L = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens()))
          learn(K, dyn_cast<VarDecl>(L->getDecl()), BO->getRHS());
      if (const auto *DS = dyn_cast<DeclStmt>(St))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D)) {
            kill(K, VD);
            learn(K, VD, VD->getInit());
            auto KI = Facts.KeyIndex.find(VD);
            auto Dep = Facts.Dependents.find(VD);
            if ((KI != Facts.KeyIndex.end() && KI->second == Key) ||
                (Dep != Facts.Dependents.end() &&
                 llvm::is_contained(Dep->second, Key)))
              Moved = false;
          }
      auto Eff = Facts.Effects.find(St);
      if (Eff == Facts.Effects.end())
        continue;
      for (const Effect &F : Eff->second) {
        if (F.Key != Key)
          continue;
        const Expr *Occ = F.K == Effect::Move ? Facts.Moves[F.MoveIndex].Operand
                                              : F.Occurrence;
        if (Moved && F.K != Effect::Reinit && Occ == Use)
          return true;
        // Only the first use after the move on a path is its report: a
        // path that uses the variable first is another use's.
        if (Moved && F.K == Effect::Use &&
            !Facts.FirstIterationOnly.count(F.Occurrence)) {
          Dead = true;
          break;
        }
        if (F.K == Effect::Reinit)
          Moved = false;
        else if (F.K == Effect::Move && Occ == MoveOperand)
          Moved = true;
      }
    }
    if (Dead)
      continue;
    const auto *Loop = dyn_cast_or_null<ForStmt>(It.B->getTerminatorStmt());
    const Stmt *Last = nullptr;
    if (!It.B->empty())
      if (auto CS = It.B->back().getAs<CFGStmt>())
        Last = CS->getStmt();
    unsigned I = 0;
    for (const CFGBlock::AdjacentBlock &Succ : It.B->succs()) {
      unsigned Index = I++;
      const CFGBlock *S = Succ.getReachableBlock();
      if (!S)
        continue;
      // A loop that runs at least once does not leave on its first test.
      if (It.Entering && Loop && Index == 1)
        continue;
      const auto *NextLoop = dyn_cast_or_null<ForStmt>(S->getTerminatorStmt());
      bool Entering = NextLoop && Last && NextLoop->getInit() == Last &&
                      EnteredTrue.count(NextLoop);
      Known Next = K;
      if (!edge(*It.B, Index, Next))
        continue;
      bool NextMoved = Moved;
      auto NM = Facts.NotMovedWhen.find(It.B);
      if (NM != Facts.NotMovedWhen.end() && NM->second.first == Key &&
          NM->second.second == Index)
        NextMoved = false;
      Work.push_back({S, Next, NextMoved, Entering});
    }
  }
  return false;
}

} // namespace

void dropInfeasibleUses(const MoveFacts &Facts, const CFG &Cfg,
                        const ParentMap &PM, const ASTContext &Ctx,
                        std::vector<UseAfterMove> &Uses) {
  if (Uses.empty())
    return;
  FeasiblePaths Paths(Facts, Cfg, PM, Ctx);
  if (!Paths.hasTests())
    return;
  llvm::erase_if(Uses, [&](UseAfterMove &U) {
    if (U.Unsequenced || Paths.reaches(U.Move, U.Use))
      return false;
    // The dataflow keeps one move per path join; another move of the same
    // variable may reach the use on a feasible path.
    for (unsigned M = 0; M < Facts.Moves.size(); ++M)
      if (M != U.Move && Facts.MoveKeys[M] == Facts.MoveKeys[U.Move] &&
          Paths.reaches(M, U.Use)) {
        U.Move = M;
        return false;
      }
    return true;
  });
}

} // namespace moves
} // namespace fearless
