//===- ThreadLifetimeFacts.cpp - Deriving the facts from the CFG ----------===//

#include "ThreadLifetimeFacts.h"
#include "fearless/CoroutineFrames.h"
#include "fearless/SpawnInference.h"
#include "fearless/ASTUtil.h"
#include "fearless/Library.h"
#include "fearless/Analysis.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/ThreadWrappers.h"
#include "fearless/VarUsage.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ScopeExit.h"

using namespace clang;

namespace fearless::threadlifetime {

const Expr *handleArgument(const CallExpr *Call, unsigned I) {
  if (I >= Call->getNumArgs())
    return nullptr;
  const Expr *Arg = Call->getArg(I)->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Arg);
      UO && UO->getOpcode() == UO_AddrOf)
    return UO->getSubExpr();
  return Arg;
}

namespace {

SourceLocation triggerLoc(const Stmt *Trigger, SourceLocation Fallback) {
  if (!Trigger)
    return Fallback;
  if (const auto *CS = dyn_cast<CompoundStmt>(Trigger))
    return CS->getRBracLoc();
  return Trigger->getBeginLoc();
}

/// The pointer whose object \p E destroys: `delete p`, `p.reset()` of an
/// owning pointer (with no argument or a null one), as its going out of
/// scope would (a joining destructor joins).
const Expr *destroyedThrough(const Expr *E, const LibraryModel &Lib) {
  if (const auto *Del = dyn_cast<CXXDeleteExpr>(E); Del && !Del->isArrayForm())
    return Del->getArgument();
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier() || M->getName() != "reset" ||
      !MC->getImplicitObjectArgument() ||
      !Lib.isOwningPointer(MC->getImplicitObjectArgument()->getType()))
    return nullptr;
  if (MC->getNumArgs() == 1 && !isa<CXXDefaultArgExpr>(MC->getArg(0)) &&
      !MC->getArg(0)->isNullPointerConstant(M->getASTContext(),
                                            Expr::NPC_ValueDependentIsNotNull))
    return nullptr;
  return MC->getNumArgs() <= 1 ? MC->getImplicitObjectArgument() : nullptr;
}

} // namespace

BranchRefiner::BranchRefiner(const ThreadModel &Model, FunctionAnalysis &FA)
    : Model(Model), FA(FA), Guards(Model.function(), Model.parents(),
                           Model.function()->getASTContext()),
      AnyGuards(Model.function(), Model.parents(),
                Model.function()->getASTContext(), /*AnyLocal=*/true,
                /*Globals=*/true) {
  const SourceManager &SM =
      Model.function()->getASTContext().getSourceManager();
  for (const SpawnSite &S : Model.spawns()) {
    llvm::SmallVector<ValueGuard, 1> G = Guards.guardsOf(S.Spawn);
    // A variable declared in a loop around the spawn has a new value in
    // every iteration: a later branch on it says nothing of earlier spawns.
    llvm::erase_if(G, [&](const ValueGuard &V) {
      for (const Stmt *P = Model.parents().getParent(S.Spawn); P;
           P = Model.parents().getParent(P))
        if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P) &&
            SM.isPointWithin(V.Var->getLocation(), P->getBeginLoc(),
                             P->getEndLoc()))
          return true;
      return false;
    });
    SpawnGuards.push_back(std::move(G));
  }
}

llvm::SmallVector<unsigned, 2> BranchRefiner::notSpawnedWhen(const Expr *Cond,
                                                             bool Taken) const {
  llvm::SmallVector<unsigned, 2> Out;
  llvm::SmallVector<ValueGuard, 1> Edge = Guards.conditionsOf(Cond, Taken);
  if (Edge.empty())
    return Out;
  for (unsigned Id = 0; Id < SpawnGuards.size(); ++Id)
    if (contradictsAny(SpawnGuards[Id], Edge))
      Out.push_back(Id);
  return Out;
}

namespace {

/// Whether global \p VD changes only by \p Model's function's own direct
/// writes while it runs: internal linkage, no write of it in the function's
/// summary through a call, none in the body of a thread it starts.
bool globalUnchangedByOthers(FunctionAnalysis &FA, const ThreadModel &Model,
                             const VarDecl *VD) {
  // Another translation unit could write a global it can name.
  if (VD->isExternallyVisible() ||
      !VD->getType()->isIntegralOrEnumerationType())
    return false;
  auto WritesIt = [&](const FunctionSummary *Sum, bool Direct) {
    if (!Sum || Sum->Need >= FunctionSummary::Truncated)
      return true; // not known
    return llvm::any_of(Sum->Accesses, [&](const Access &A) {
      return A.Write && A.Loc.Root == VD && (Direct || !A.Via.empty());
    });
  };
  Session &S = FA.session();
  // Its calls (the function's own direct writes are facts of the dataflow).
  if (WritesIt(S.summary(Model.function(), /*LocalsShared=*/true), false))
    return false;
  // The threads it starts.
  for (const SpawnSite &Site : Model.spawns())
    if (!Site.Body.Function ||
        WritesIt(S.summary(Site.Body.Function, /*LocalsShared=*/false), true))
      return false;
  return true;
}

} // namespace

void BranchRefiner::chooseTracked(const CFG &Cfg, FunctionAnalysis &FA) {
  if (Model.spawns().empty())
    return;
  const FunctionDecl *FD = Model.function();
  llvm::DenseMap<const VarDecl *, bool> GlobalOk;
  auto Candidate = [&](const ValueDecl *V) {
    const auto *VD = dyn_cast<VarDecl>(V);
    if (!VD || VD->getType()->isReferenceType())
      return false;
    if (VD->hasLocalStorage())
      return VD->getDeclContext() == FD;
    if (!VD->hasGlobalStorage() || VD->isStaticLocal())
      return false;
    auto [It, Inserted] = GlobalOk.try_emplace(VD, false);
    if (Inserted)
      GlobalOk[VD] = globalUnchangedByOthers(FA, Model, VD);
    return GlobalOk[VD];
  };
  // The variables the spawns ran under, then those tested together with
  // one of them (`if (!st || fallback)`), once.
  llvm::DenseSet<const ValueDecl *> Seeds;
  for (const SpawnSite &S : Model.spawns())
    for (const ValueGuard &G : AnyGuards.guardsOf(S.Spawn))
      if (Candidate(G.Var))
        Seeds.insert(G.Var);
  if (Seeds.empty())
    return;
  llvm::DenseSet<const ValueDecl *> Chosen = Seeds;
  for (const CFGBlock *B : Cfg) {
    const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
    if (!Cond || B->succ_size() != 2)
      continue;
    for (bool Taken : {true, false}) {
      llvm::SmallVector<ValueGuard, 1> C = AnyGuards.conditionsOf(Cond, Taken);
      if (llvm::none_of(C, [&](const ValueGuard &G) {
            return Seeds.count(G.Var);
          }))
        continue;
      for (const ValueGuard &G : C)
        if (Candidate(G.Var))
          Chosen.insert(G.Var);
    }
  }
  if (Chosen.empty())
    return;
  const llvm::DenseSet<const ValueDecl *> &Written =
      FA.writtenVariables(/*AllowDirectWrites=*/true);
  for (const ValueDecl *V : Chosen)
    if (!Written.count(V))
      Tracked.insert(V);
}

void BranchRefiner::addHolds(const CFGBlock &B, EdgeRefinement &R) const {
  if (Tracked.empty())
    return;
  const auto *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
  if (!Cond || B.succ_size() != 2)
    return;
  for (unsigned Succ = 0; Succ < 2; ++Succ) {
    llvm::SmallVector<ValueGuard, 1> C = AnyGuards.conditionsOf(Cond, Succ == 0);
    for (const ValueGuard &G : C)
      if (tracked(G.Var))
        R.Holds[Succ].push_back(G);
  }
}

/// The initializer of the assertion object \p E tests (`if (const
/// AssertionResult r = ...)` tests `r.operator bool()`): a local const
/// object's, without its wrappers; null for anything else.
static const Expr *assertionInitializer(const Expr *E) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit());
  if (!MC || !isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
    return nullptr;
  const VarDecl *VD = referencedVar(MC->getImplicitObjectArgument());
  if (!VD || !VD->hasLocalStorage() || !VD->getType().isConstQualified() ||
      !VD->getInit())
    return nullptr;
  return stripWrappers(VD->getInit());
}

EdgeRefinement BranchRefiner::refinementOf(const CFGBlock &B) const {
  EdgeRefinement R;
  if (const auto *Switch = dyn_cast_or_null<SwitchStmt>(B.getTerminatorStmt()))
    return switchRefinement(B, *Switch);
  const Stmt *CondS = B.getTerminatorCondition();
  const auto *Cond = dyn_cast_or_null<Expr>(CondS);
  if (!Cond || B.succ_size() != 2)
    return R;
  // if (threads) ... if (threads) join: on the edge where an unchanged
  // value contradicts what the spawns ran under, they never ran.
  if (!SpawnGuards.empty())
    for (unsigned Succ = 0; Succ < 2; ++Succ) {
      llvm::SmallVector<unsigned, 2> None = notSpawnedWhen(Cond, Succ == 0);
      if (!None.empty()) {
        R.K = EdgeRefinement::NotSpawned;
        R.NotSpawnedIds = std::move(None);
        R.SuccIndex = Succ;
        return R;
      }
    }
  bool Negated = false;
  const Expr *E = stripNegations(Cond, Negated);
  // A flag made from the status once (`int ok = rc == 0; if (!ok)`): the
  // comparison it holds.
  for (unsigned Steps = 0; Steps < 2; ++Steps) {
    const VarDecl *Flag = referencedVar(E);
    const Expr *Init = Flag && Flag->hasLocalStorage() && Flag->getInit()
                           ? Flag->getInit()->IgnoreParenImpCasts()
                           : nullptr;
    const auto *BO = dyn_cast_or_null<BinaryOperator>(Init);
    if (!BO || !BO->isEqualityOp() || !FA.isOnlyRead(Flag))
      break;
    E = stripNegations(Init, Negated);
  }
  // A test framework's assertion object (googletest's ASSERT_TRUE(c),
  // ASSERT_EQ(a, b)): the value it was made from, or the comparison of
  // two arguments it tests as.
  const ComparisonResult *Cmp = nullptr;
  llvm::ArrayRef<const Expr *> CmpArgs;
  for (unsigned Steps = 0; Steps < 4; ++Steps) {
    const Expr *Init = assertionInitializer(E);
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init);
        CE && CE->getNumArgs() >= 1 &&
        testsAsItsValue(CE->getConstructor()->getParent())) {
      E = stripNegations(CE->getArg(0)->IgnoreImplicit(), Negated);
      continue;
    }
    if (const auto *Call = dyn_cast_or_null<CallExpr>(Init)) {
      const ComparisonResult *C = comparisonResult(Call->getDirectCallee());
      if (C && std::max(C->Lhs, C->Rhs) < Call->getNumArgs()) {
        Cmp = C;
        CmpArgs = argsOf(Call);
      }
    }
    break;
  }
  // t.joinable(): on the false edge the thread is not running.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E); MC && !Cmp) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getIdentifier() && M->getName() == "joinable")
      if (auto H = Model.resolveHandle(MC->getImplicitObjectArgument());
          H && !H->Element) {
        R.K = EdgeRefinement::NotJoinable;
        R.Handle = *H;
        R.SuccIndex = Negated ? 0 : 1;
      }
    return R;
  }
  // pthread_create(...) != 0: on the true edge no thread started.
  bool FailureWhenTrue = true;
  const Expr *Call = E;
  const Expr *Lhs = nullptr, *Rhs = nullptr;
  bool Equal = false;
  if (Cmp) {
    Lhs = CmpArgs[Cmp->Lhs];
    Rhs = CmpArgs[Cmp->Rhs];
    Equal = Cmp->Equal;
  } else if (const auto *BO = dyn_cast<BinaryOperator>(E);
             BO && (BO->getOpcode() == BO_NE || BO->getOpcode() == BO_EQ)) {
    Lhs = BO->getLHS();
    Rhs = BO->getRHS();
    Equal = BO->getOpcode() == BO_EQ;
  }
  if (Lhs && Rhs) {
    auto IsSuccessValue = [&](const Expr *V) {
      V = V->IgnoreImplicit()->IgnoreParenImpCasts();
      if (const auto *IL = dyn_cast<IntegerLiteral>(V))
        return IL->getValue() == 0;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(V))
        if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
          return EC->getName() == "thrd_success";
      return false;
    };
    if (IsSuccessValue(Rhs))
      Call = Lhs;
    else if (IsSuccessValue(Lhs))
      Call = Rhs;
    else
      return R;
    FailureWhenTrue = !Equal;
  }
  if (auto Id = spawnOfResult(Call->IgnoreImplicit(), B)) {
    R.K = EdgeRefinement::SpawnFailed;
    R.SpawnId = *Id;
    bool FailureOnTrueEdge = FailureWhenTrue != Negated;
    R.SuccIndex = FailureOnTrueEdge ? 0 : 1;
  }
  return R;
}

void FactGenerator::addWriteFacts(const Stmt *S,
                                  llvm::function_ref<void(Fact)> Push) {
  auto Write = [&](const Expr *Target, const Expr *Value) {
    const auto *DRE =
        Target ? dyn_cast<DeclRefExpr>(Target->IgnoreParens()) : nullptr;
    if (!DRE || !Refiner.tracked(DRE->getDecl()))
      return;
    Fact F(Fact::Write);
    F.Var = DRE->getDecl();
    if (std::optional<long long> K = integerConstant(Value, FA.astContext()))
      F.Written = *K;
    Push(F);
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      Write(BO->getLHS(),
            BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr);
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      Write(UO->getSubExpr(), nullptr);
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && Refiner.tracked(VD)) {
        Fact F(Fact::Write);
        F.Var = VD;
        if (std::optional<long long> K =
                integerConstant(VD->getInit(), FA.astContext()))
          F.Written = *K;
        Push(F);
      }
  }
}

/// Where the loop around \p Op (an operation on an element of a container,
/// in the loop's body) begins: the range of a range-for, a for's init or
/// condition, a while's condition; null if none.
static const Stmt *loopEntry(const Stmt *Op, const ParentMap &PM) {
  // The CFG lists a full-expression's cleanups apart from the expression:
  // `it != ts.end()` is the element, not the ExprWithCleanups around it.
  auto Element = [](const Stmt *S) -> const Stmt * {
    if (const auto *EWC = dyn_cast_or_null<ExprWithCleanups>(S))
      return EWC->getSubExpr();
    return S;
  };
  const Stmt *Child = Op;
  for (const Stmt *P = PM.getParent(Op); P; Child = P, P = PM.getParent(P)) {
    if (const auto *RF = dyn_cast<CXXForRangeStmt>(P)) {
      if (Child == RF->getBody())
        return RF->getRangeStmt();
      continue;
    }
    if (const auto *F = dyn_cast<ForStmt>(P)) {
      if (Child != F->getBody())
        continue;
      if (F->getInit())
        return Element(F->getInit());
      return Element(F->getCond());
    }
    if (const auto *W = dyn_cast<WhileStmt>(P)) {
      if (Child == W->getBody())
        return Element(W->getCond());
      continue;
    }
    if (isa<DoStmt>(P))
      return nullptr;
  }
  return nullptr;
}

void FactGenerator::addLoopEntryFact(const Stmt *Op, const Fact &F) {
  if (!F.Handle.Element)
    return;
  if (const Stmt *Entry = loopEntry(Op, Model.parents()))
    Before[Entry].push_back(F);
}

void FactGenerator::addStmtFacts(const Stmt *S, std::vector<Fact> &Block) {
  const auto *E = dyn_cast<Expr>(S);
  auto Push = [&](Fact F) {
    F.S = S;
    if (F.Loc.isInvalid())
      F.Loc = S->getBeginLoc();
    Block.push_back(F);
  };
  if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    // return t; moves a local handle (or a container of them) to the
    // caller.
    if (const Expr *RV = RS->getRetValue())
      if (const VarDecl *VD = referencedVar(RV);
          VD && VD->hasLocalStorage() &&
          (isHandleType(VD->getType()) ||
           isHandleType(LibraryModel::elementType(VD->getType())))) {
        Fact F(Fact::Transfer);
        F.Handle =
            HandleRef{HandleKey(static_cast<const ValueDecl *>(VD)), false};
        F.To.Kind = SinkKind::Returned;
        F.To.Loc = RS->getBeginLoc();
        Push(F);
      }
    return;
  }
  addWriteFacts(S, Push);
  if (!E)
    return;
  // co_await task: the task's frame has finished when the awaiter resumes.
  if (const auto *CA = dyn_cast<CoawaitExpr>(E); CA && Model.isFrameModel()) {
    if (auto H = Model.resolveHandle(stripMoves(CA->getOperand()))) {
      Fact F(Fact::Op);
      F.Handle = *H;
      F.Operation = HandleOp::Join;
      F.Loc = CA->getBeginLoc();
      Push(F);
    }
    return;
  }
  // pool.wait_all(): waits for the tasks handed to the pool, before what
  // the same call starts (`start() { join(); t_ = std::thread(...); }`).
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const SpawnInference *I = Lib.inference();
        I && I->waitsForTasks(MC->getMethodDecl()))
      if (const ValueDecl *Pool =
              SpawnInference::poolObject(MC->getImplicitObjectArgument())) {
        Fact F(Fact::Op);
        F.Handle = HandleRef{HandleKey(Pool), false};
        F.Operation = HandleOp::Join;
        F.Loc = MC->getExprLoc();
        Push(F);
      }
  for (unsigned Id : Model.spawnsAt(E)) {
    Fact F(Fact::Spawn);
    F.SpawnId = Id;
    Push(F);
  }
  if (const Expr *Destroyed = destroyedThrough(E, Lib))
    if (auto H = Model.resolveHandle(Destroyed); H && !H->Element) {
      Fact F(Fact::Destroy);
      F.Handle = *H;
      F.Loc = E->getBeginLoc();
      Push(F);
    }
  // Joins a callable makes for the call (ThreadLifetimeDeferred.cpp).
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    llvm::SmallVector<DeferredOp, 1> Ops;
    elementAlgorithmOps(Call, Model, Ops);
    calledLambdaOps(FA.session(), Call, Model, Ops);
    for (const DeferredOp &Op : Ops) {
      Fact F(Fact::Op);
      F.Handle = Op.Handle;
      F.Operation = Op.Operation;
      Push(F);
    }
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    if (auto Op = Lib.handleMethod(MC->getMethodDecl()))
      if (auto H = Model.resolveHandle(MC->getImplicitObjectArgument())) {
        Fact F(Fact::Op);
        F.Handle = *H;
        F.Operation = *Op;
        F.Loc = MC->getExprLoc();
        Push(F);
        addLoopEntryFact(S, Block.back());
      }
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (auto Op = Lib.handleFunction(Callee)) {
      if (const Expr *Arg = handleArgument(Call, Op->second))
        if (auto H = Model.resolveHandle(Arg)) {
          Fact F(Fact::Op);
          F.Handle = *H;
          F.Operation = Op->first;
          Push(F);
          addLoopEntryFact(S, Block.back());
        }
      return;
    }
    // std::move(h) of a handle: the handle goes wherever the value goes.
    if (const Expr *Moved = getMovedExpr(Call))
      if (isHandleType(Moved->getType()))
        if (auto H = Model.resolveHandle(Moved)) {
          Fact F(Fact::Transfer);
          F.Handle = *H;
          F.To = Model.sinkOf(Call);
          Push(F);
        }
    return;
  }
}

bool FactGenerator::isHandleType(QualType T) const {
  if (T.isNull())
    return false;
  if (Lib.handleTypeKind(T) != HandleKind::None)
    return true;
  return Model.isFrameModel() && ownsCoroutineFrame(T);
}

void FactGenerator::sortScopeExits(std::vector<Fact> &Block) const {
  // The CFG lists a scope's destructors before its lifetime ends; the
  // language destroys variables in reverse order of declaration, each one's
  // destructor right before its lifetime ends. Restore that order within
  // each run of scope-exit facts.
  const SourceManager &SM = FA.astContext().getSourceManager();
  auto Later = [&](const Fact &A, const Fact &B) {
    if (A.ScopeVar != B.ScopeVar) {
      SourceLocation LA = A.ScopeVar->getLocation();
      SourceLocation LB = B.ScopeVar->getLocation();
      if (LA.isValid() && LB.isValid() && LA != LB)
        return SM.isBeforeInTranslationUnit(LB, LA);
      return false;
    }
    return A.K == Fact::Destroy && B.K != Fact::Destroy;
  };
  for (size_t I = 0; I < Block.size();) {
    if (!Block[I].ScopeVar) {
      ++I;
      continue;
    }
    size_t J = I;
    while (J < Block.size() && Block[J].ScopeVar)
      ++J;
    std::stable_sort(Block.begin() + I, Block.begin() + J, Later);
    I = J;
  }
}

std::optional<HandleRef> FactGenerator::guardedHandle(const VarDecl *VD) const {
  const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl();
  if (!RD || !VD->getInit())
    return std::nullopt;
  auto Guard = Lib.joinGuard(RD);
  if (!Guard || !Guard->ByReference)
    return std::nullopt;
  const Expr *Init = VD->getInit();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Init))
    Init = EWC->getSubExpr();
  const auto *CE = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  if (!CE || !CE->getConstructor())
    return std::nullopt;
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
    if (Lib.isGuardThreadParam(Ctor->getParamDecl(I), *Guard))
      return Model.resolveHandle(CE->getArg(I));
  return std::nullopt;
}

void FactGenerator::buildFacts(const CFG &Cfg) {
  Facts.assign(Cfg.getNumBlockIDs(), {});
  Refinements.assign(Cfg.getNumBlockIDs(), {});
  // Borrowed temporaries (frame model) die at the end of their
  // full-expression.
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const Expr *, 1>> TempEnds;
  for (const SpawnSite &S : Model.spawns())
    for (unsigned I = 0; I < S.Borrows.size(); ++I) {
      const Borrow &B = S.Borrows[I];
      if (B.Temp) {
        Borrowers[B.Temp].push_back({S.Id, I});
        if (B.FullExpr && !llvm::is_contained(TempEnds[B.FullExpr], B.Temp))
          TempEnds[B.FullExpr].push_back(B.Temp);
      } else {
        Borrowers[B.Var].push_back({S.Id, I});
      }
    }

  Refiner.chooseTracked(Cfg, FA);
  for (const CFGBlock *B : Cfg) {
    std::vector<Fact> &Block = Facts[B->getBlockID()];
    unsigned ElemIndex = 0;
    for (const CFGElement &Elem : *B) {
      size_t First = Block.size();
      // Every fact remembers the element it comes from (see below).
      auto Stamp = llvm::make_scope_exit([&] {
        for (size_t I = First; I < Block.size(); ++I)
          Block[I].Elem = ElemIndex;
        ++ElemIndex;
      });
      if (auto CS = Elem.getAs<CFGStmt>()) {
        addStmtFacts(CS->getStmt(), Block);
        if (!TempEnds.empty())
          if (auto It = TempEnds.find(CS->getStmt()); It != TempEnds.end())
            for (const Expr *Temp : It->second) {
              Fact F(Fact::TempDeath);
              F.Temp = Temp;
              F.S = CS->getStmt();
              F.Loc = CS->getStmt()->getEndLoc();
              Block.push_back(F);
            }
        // Only statements a check asks about: accesses and calls.
        const Stmt *St = CS->getStmt();
        if (RecordPoints &&
            (isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr, UnaryOperator,
                 CXXThisExpr, CallExpr, CXXConstructExpr>(St))) {
          Fact F(Fact::Point);
          F.S = CS->getStmt();
          Block.push_back(F);
        }
      } else if (auto Dtor = Elem.getAs<CFGAutomaticObjDtor>()) {
        // A thread_guard-like local referring to a thread joins it when it
        // is destroyed; a scope guard running a lambda makes its joins.
        llvm::SmallVector<DeferredOp, 2> Ops;
        if (auto Guarded = guardedHandle(Dtor->getVarDecl()))
          Ops.push_back({*Guarded, HandleOp::Join});
        else
          scopeGuardOps(Dtor->getVarDecl(), Model, Ops);
        for (const DeferredOp &Op : Ops) {
          Fact J(Fact::Op);
          J.Handle = Op.Handle;
          J.Operation = Op.Operation;
          J.Trigger = Dtor->getTriggerStmt();
          J.Loc = triggerLoc(J.Trigger, Dtor->getVarDecl()->getLocation());
          J.ScopeVar = Dtor->getVarDecl();
          Block.push_back(J);
        }
        Fact F(Fact::Destroy);
        F.Handle = HandleRef{
            HandleKey(static_cast<const ValueDecl *>(Dtor->getVarDecl())),
            false};
        F.Trigger = Dtor->getTriggerStmt();
        F.Loc = triggerLoc(F.Trigger, Dtor->getVarDecl()->getLocation());
        F.ScopeVar = Dtor->getVarDecl();
        Block.push_back(F);
      } else if (auto Temp = Elem.getAs<CFGTemporaryDtor>()) {
        Fact F(Fact::Destroy);
        const Expr *Bind = Temp->getBindTemporaryExpr();
        F.Handle = HandleRef{HandleKey(Bind), false};
        F.Loc = Bind->getEndLoc();
        Block.push_back(F);
      } else if (auto LE = Elem.getAs<CFGLifetimeEnds>()) {
        const VarDecl *VD = LE->getVarDecl();
        if (isa<ParmVarDecl>(VD) || !Borrowers.count(VD))
          continue;
        Fact F(Fact::VarDeath);
        F.Var = VD;
        F.Trigger = LE->getTriggerStmt();
        F.Loc = triggerLoc(F.Trigger, VD->getLocation());
        F.ScopeVar = VD;
        Block.push_back(F);
      }
    }
    sortScopeExits(Block);
    Refinements[B->getBlockID()] = Refiner.refinementOf(*B);
    Refiner.addHolds(*B, Refinements[B->getBlockID()]);
  }
  // Parameters die when the function returns.
  Fact Exit(Fact::ExitDeath);
  if (const auto *Body =
          dyn_cast_or_null<CompoundStmt>(Model.function()->getBody()))
    Exit.Loc = Body->getRBracLoc();
  else
    Exit.Loc = Model.function()->getEndLoc();
  Facts[Cfg.getExit().getBlockID()].push_back(Exit);

  // Joins of container elements inside a loop join every element: apply
  // them before the loop too, so that the path skipping an empty loop does
  // not look like a path leaving threads running. The loop's entry statement
  // may sit anywhere in its block: rebuild the block with the extra facts
  // right before the facts of the entry statement's element.
  if (Before.empty())
    return;
  for (const CFGBlock *B : Cfg) {
    bool HasEntry = false;
    for (const CFGElement &Elem : *B)
      if (auto CS = Elem.getAs<CFGStmt>(); CS && Before.count(CS->getStmt()))
        HasEntry = true;
    if (!HasEntry)
      continue;
    std::vector<Fact> &Block = Facts[B->getBlockID()];
    std::vector<Fact> Rebuilt;
    size_t Next = 0;
    unsigned Index = 0;
    for (const CFGElement &Elem : *B) {
      unsigned ElemIndex = Index++;
      auto CS = Elem.getAs<CFGStmt>();
      if (!CS)
        continue;
      auto It = Before.find(CS->getStmt());
      if (It == Before.end())
        continue;
      // Facts of earlier elements keep their place; the loop's joins go
      // right before the entry element's own facts.
      size_t Pos = Next;
      while (Pos < Block.size() && Block[Pos].Elem < ElemIndex)
        ++Pos;
      Rebuilt.insert(Rebuilt.end(), Block.begin() + Next, Block.begin() + Pos);
      for (Fact Extra : It->second) {
        Extra.S = nullptr;
        Extra.Elem = ElemIndex;
        Rebuilt.push_back(Extra);
      }
      Next = Pos;
    }
    Rebuilt.insert(Rebuilt.end(), Block.begin() + Next, Block.end());
    Block = std::move(Rebuilt);
  }
}

} // namespace fearless::threadlifetime
