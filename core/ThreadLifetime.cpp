//===- ThreadLifetime.cpp - Thread-lifetime analysis, run and queried -----===//
//
// The entry point of the thread-lifetime analysis, which the
// ThreadLifetimeBuilder runs in three steps (facts from the CFG in
// ThreadLifetimeFacts.cpp, the dataflow in ThreadLifetimeDataflow.cpp, the
// dump in ThreadLifetimeDump.cpp), and the queries on its results.
//
//===----------------------------------------------------------------------===//

#include "fearless/ThreadLifetime.h"
#include "ThreadLifetimeDataflow.h"
#include "fearless/ASTUtil.h"
#include "fearless/Dataflow.h"
#include "fearless/FunctionAnalysis.h"
#include "llvm/Support/TimeProfiler.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace fearless {

bool SpawnState::operator==(const SpawnState &O) const {
  return Bits == O.Bits && Owner == O.Owner && OwnerElement == O.OwnerElement &&
         OwnerJoins == O.OwnerJoins && DetachLoc == O.DetachLoc &&
         EscapeLoc == O.EscapeLoc && Reason == O.Reason &&
         EscapeDecl == O.EscapeDecl && JoinLoc == O.JoinLoc &&
         Pool == O.Pool && PoolJoins == O.PoolJoins && Known == O.Known;
}

namespace threadlifetime {

/// for (int i = 0; i < n; ++i) around a spawn, where n is at most 1: a
/// constant, or a parameter every visible caller passes a constant to
/// (parallelFor(1, body)).
bool ThreadLifetimeBuilder::loopRunsAtMostOnce(const Stmt *Spawn) const {
  const ParentMap &PM = Model.parents();
  const ForStmt *Loop = nullptr;
  for (const Stmt *P = PM.getParent(Spawn); P; P = PM.getParent(P)) {
    if (isa<WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return false;
    if ((Loop = dyn_cast<ForStmt>(P)))
      break;
  }
  if (!Loop)
    return false;
  ASTContext &Ctx = FA.astContext();
  // The induction variable starts at 0 and is only incremented.
  const VarDecl *Index = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(Loop->getInit());
      DS && DS->isSingleDecl())
    Index = dyn_cast<VarDecl>(DS->getSingleDecl());
  if (!Index || !Index->getInit())
    return false;
  if (integerConstant(Index->getInit(), Ctx) != 0)
    return false;
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(Loop->getInc());
  if (!Inc || !Inc->isIncrementOp() ||
      referencedVar(Inc->getSubExpr()) != Index)
    return false;
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      Loop->getCond() ? Loop->getCond()->IgnoreParenImpCasts() : nullptr);
  if (!Cond || (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_NE) ||
      referencedVar(Cond->getLHS()) != Index)
    return false;
  const Expr *Bound = Cond->getRHS()->IgnoreParenImpCasts();
  Expr::EvalResult Value;
  if (Bound->EvaluateAsInt(Value, Ctx))
    return Value.Val.getInt().getSExtValue() <= 1;
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(referencedVar(Bound));
  const FunctionDecl *FD = Model.function();
  if (!Param || Param->getDeclContext() != FD)
    return false;
  Session &S = FA.session();
  if (!S.allCallersVisible(FD))
    return false;
  unsigned ArgIndex = Param->getFunctionScopeIndex();
  for (const Session::CallSite &Site : S.callSitesOf(FD)) {
    llvm::ArrayRef<const Expr *> Args = argsOf(Site.Call);
    if (isa<CXXOperatorCallExpr>(Site.Call) && isa<CXXMethodDecl>(FD))
      Args = Args.drop_front();
    if (ArgIndex >= Args.size())
      return false;
    Expr::EvalResult Arg;
    if (Args[ArgIndex]->isValueDependent() ||
        !Args[ArgIndex]->EvaluateAsInt(Arg, Ctx) ||
        Arg.Val.getInt().getSExtValue() > 1)
      return false;
  }
  return true;
}

bool ThreadLifetimeBuilder::run() {
  const CFG *Cfg = FA.cfg();
  if (!Cfg)
    return false;
  // Per-statement running sets are needed by the checks asking "does the
  // spawner use this while the thread may run".
  bool RecordPoints = FA.session().isEnabled(CheckId::Sync) ||
                      FA.session().isEnabled(CheckId::DataRace) ||
                      FA.session().isEnabled(CheckId::Deadlock);
  Out.MultiInstance.resize(Model.spawns().size());
  Out.RunningAtExit.resize(Model.spawns().size());
  FunctionFacts Facts;
  FactGenerator(FA, Model, RecordPoints, Facts).buildFacts(*Cfg);
  ThreadStateAnalysis Analysis(Model, Facts, Out);
  // Replay in block order to record observations.
  if (!solveAndReplay<State>(
          *Cfg, FA.declContext(), Analysis, [&](const CFGBlock &B, State &S) {
            for (const Fact &F : Facts.Blocks[B.getBlockID()])
              Analysis.apply(F, S, /*Record=*/true);
          }))
    return false;
  // A spawn in a loop that provably runs at most once starts one thread.
  for (unsigned Id : Out.MultiInstance.set_bits())
    if (loopRunsAtMostOnce(Model.spawns()[Id].Spawn))
      Out.MultiInstance.reset(Id);
  if (FA.session().dumps("threads")) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    dumpFacts(OS, *Cfg);
    Out.DumpText = std::move(Text);
  }
  return true;
}

} // namespace threadlifetime

std::unique_ptr<ThreadLifetime> ThreadLifetime::compute(FunctionAnalysis &FA) {
  return compute(FA, FA.threads());
}

std::unique_ptr<ThreadLifetime>
ThreadLifetime::compute(FunctionAnalysis &FA, const ThreadModel &Model) {
  llvm::TimeTraceScope Scope("fearless thread lifetime");
  auto Result = std::make_unique<ThreadLifetime>();
  threadlifetime::ThreadLifetimeBuilder Builder(FA, Model, *Result);
  if (!Builder.run())
    return nullptr;
  if (!Result->DumpText.empty())
    FA.session().dumpStream() << Result->DumpText;
  return Result;
}

llvm::ArrayRef<unsigned> ThreadLifetime::runningAt(const Stmt *S) const {
  auto It = Running.find(S);
  if (It == Running.end())
    return {};
  return It->second;
}

bool ThreadLifetime::mayOverlap(unsigned A, unsigned B) const {
  if (A == B)
    return isMultiInstance(A);
  return Overlaps.count({std::min(A, B), std::max(A, B)});
}

llvm::ArrayRef<SourceLocation> ThreadLifetime::joinsOf(HandleKey H) const {
  auto It = Joins.find(H.getOpaqueValue());
  if (It == Joins.end())
    return {};
  return It->second;
}

void ThreadLifetime::dump(llvm::raw_ostream &OS) const { OS << DumpText; }

} // namespace fearless
