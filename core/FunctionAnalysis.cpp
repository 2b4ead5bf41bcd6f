//===- FunctionAnalysis.cpp - Shared results for one function -------------===//

#include "fearless/FunctionAnalysis.h"
#include "fearless/ChannelInference.h"
#include "fearless/ASTUtil.h"
#include "fearless/Coroutines.h"
#include "fearless/Moves.h"
#include "fearless/RaceModel.h"
#include "fearless/SyncValues.h"
#include "fearless/ThreadLifetime.h"
#include "fearless/VarUsage.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

namespace fearless {

namespace {

/// One walk over a function body, not descending into the bodies of nested
/// lambdas (analysed as functions of their own) or local classes.
class PreScanner : public RecursiveASTVisitor<PreScanner> {
public:
  PreScanner(const LibraryModel &Lib, PreScan &Out)
      : Lib(Lib), Out(Out),
        MemberMoves(Lib.options().flag("SubObjectMoves")) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    if (NestedLambdas == 0)
      Out.Lambdas.push_back(L);
    // Errors inside a nested lambda's body make the spawn passing it
    // unreliable too: look for them, without collecting anything else.
    ++NestedLambdas;
    bool Continue = TraverseStmt(L->getBody());
    --NestedLambdas;
    if (!Continue)
      return false;
    if (NestedLambdas > 0)
      return true;
    // Init-captures are evaluated by the enclosing function.
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable())
        if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar());
            VD && VD->isInitCapture() && VD->getInit())
          if (!TraverseStmt(const_cast<Expr *>(VD->getInit())))
            return false;
    return true;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *RD) {
    if (NestedLambdas == 0 && !RD->isLambda())
      Out.LocalClasses.push_back(RD);
    return true;
  }
  bool TraverseBlockExpr(BlockExpr *) { return true; }

  bool VisitForStmt(ForStmt *For) {
    if (NestedLambdas == 0)
      Out.ForLoops.push_back(For);
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *For) {
    if (NestedLambdas == 0)
      Out.RangeForLoops.push_back(For);
    return true;
  }

  bool VisitExpr(Expr *E) {
    if (E->containsErrors()) {
      Out.HasErrors = true;
      return false;
    }
    countLock(E);
    if (NestedLambdas > 0)
      return true;
    if (isa<CXXStaticCastExpr>(E) && getMovedExpr(E))
      ++Out.MoveCalls;
    if (!isa<CallExpr>(E) && !isa<CXXConstructExpr>(E))
      return true;
    if (isSyncValueCall(E))
      ++Out.SyncValueCalls;
    if (const auto *Call = dyn_cast<CallExpr>(E); Call && getMovedExpr(Call))
      ++Out.MoveCalls;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E); MC && MemberMoves)
      if (const CXXMethodDecl *M = MC->getMethodDecl();
          M && !M->isConst() && !M->isStatic() && M->hasBody())
        ++Out.MemberCalls;
    if (ThreadModel::isSpawnExpr(E, Lib))
      Out.Spawns.push_back(E);
    if (const FunctionDecl *Callee = calleeOf(E)) {
      // Only C++20 code has coroutines: no body lookup elsewhere.
      if (const auto *Call = dyn_cast<CallExpr>(E);
          Call && Callee->getASTContext().getLangOpts().Coroutines &&
          isa_and_nonnull<CoroutineBodyStmt>(Callee->getBody()))
        Out.CoroutineCalls.push_back(Call);
      enum : unsigned { Invalidates = 1, Consumes = 2, Sends = 4 };
      unsigned Roles = Lib.calleeRoles(Callee, [&] {
        unsigned R = Lib.isInvalidationFunction(Callee) ? unsigned(Invalidates) : 0u;
        for (unsigned I = 0, N = Callee->getNumParams(); I != N; ++I) {
          if (paramAnnotated(Callee, I, "fearless::consumes"))
            R |= Consumes;
          if (isSendsParam(Callee, I, Lib))
            R |= Sends;
        }
        return R;
      });
      // InvalidationFunctions end an object's usable life like a move.
      if (Roles & Invalidates)
        ++Out.MoveCalls;
      if (Roles & (Consumes | Sends))
        Out.ConsumingCalls.push_back(E);
      if (Roles & Sends)
        Out.SendsCalls.push_back(E);
      // The value sent crosses to the receiving thread (SpawnKind::
      // ChannelSend): its borrows are a thread's.
      if ((Roles & Sends) && (Out.Spawns.empty() || Out.Spawns.back() != E))
        Out.Spawns.push_back(E);
    }
    return true;
  }

  /// Counts \p E if it takes a lock by the lock model (Races.def).
  void countLock(const Expr *E) {
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (guardClass(CE->getType()))
        ++Out.LockCalls;
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && M->getIdentifier() && isLockName(M->getName()))
        ++Out.LockCalls;
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->getIdentifier() &&
          Callee->getName().contains("lock") && lockFunctionEffect(Callee))
        ++Out.LockCalls;
    }
  }

  /// Whether parameter \p I of \p FD, in any redeclaration or the template
  /// pattern, carries \p What.
  static bool paramAnnotated(const FunctionDecl *FD, unsigned I,
                             llvm::StringRef What) {
    for (const FunctionDecl *D : FD->redecls())
      if (I < D->getNumParams() && hasAnnotation(D->getParamDecl(I), What))
        return true;
    if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
      return I < P->getNumParams() && hasAnnotation(P->getParamDecl(I), What);
    return false;
  }

private:
  const LibraryModel &Lib;
  PreScan &Out;
  /// SubObjectMoves is set: member calls may move fields.
  bool MemberMoves;
  unsigned NestedLambdas = 0;
};

/// Whether \p S, a `default:` label's statement, is one of the macros of
/// Models/Paths.def that leave the function with a fatal failure.
bool declaresUnreachable(const Stmt *S, const ASTContext &Ctx) {
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S))
    S = CS->body_empty() ? nullptr : CS->body_front();
  const auto *Ret = dyn_cast_or_null<ReturnStmt>(S);
  if (!Ret)
    return false;
  static constexpr llvm::StringLiteral Markers[] = {
#define FEARLESS_UNREACHABLE_DEFAULT_MACRO(Name) Name,
#include "fearless/Models/Paths.def"
  };
  const SourceManager &SM = Ctx.getSourceManager();
  for (SourceLocation Loc = Ret->getReturnLoc(); Loc.isMacroID();
       Loc = SM.getImmediateMacroCallerLoc(Loc))
    if (llvm::is_contained(
            Markers, Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts())))
      return true;
  return false;
}

/// Marks the edge from a switch to a `default:` that states it cannot be
/// reached (Models/Paths.def) unreachable, on both of its ends, so that
/// every analysis over the CFG skips that path. A fall-through from the
/// case above still reaches it.
void pruneUnreachableDefaults(CFG &Cfg, const ASTContext &Ctx) {
  for (CFGBlock *B : Cfg) {
    const auto *D = dyn_cast_or_null<DefaultStmt>(B->getLabel());
    if (!D || !declaresUnreachable(D->getSubStmt(), Ctx))
      continue;
    for (CFGBlock::AdjacentBlock &Pred : B->preds()) {
      CFGBlock *P = Pred.getReachableBlock();
      if (!P || !isa_and_nonnull<SwitchStmt>(P->getTerminatorStmt()))
        continue;
      for (CFGBlock::AdjacentBlock &Succ : P->succs())
        if (Succ.getReachableBlock() == B)
          Succ = CFGBlock::AdjacentBlock(B, /*IsReachable=*/false);
      Pred = CFGBlock::AdjacentBlock(P, /*IsReachable=*/false);
    }
  }
}

} // namespace

FunctionAnalysis::FunctionAnalysis(Session &S, const FunctionDecl *FD)
    : S(S), FD(FD) {
  llvm::TimeTraceScope Scope("fearless scan");
  PreScanner Scanner(S.library(), Scan);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getInit())
        Scanner.TraverseStmt(Init->getInit());
  if (Stmt *Body = FD->getBody())
    Scanner.TraverseStmt(Body);

  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.AddLifetime = true;
  Options.AddInitializers = true;
  Options.AddCXXDefaultInitExprInCtors = true;
  Options.AddRichCXXConstructors = true;
  ADC = std::make_unique<AnalysisDeclContext>(nullptr, FD, Options);
}

FunctionAnalysis::~FunctionAnalysis() = default;

const CFG *FunctionAnalysis::cfg() {
  CFG *Cfg = ADC->getCFG();
  if (Cfg && !DefaultsPruned)
    pruneUnreachableDefaults(*Cfg, astContext());
  DefaultsPruned = true;
  return Cfg;
}

const ParentMap &FunctionAnalysis::parents() { return ADC->getParentMap(); }

const ThreadModel &FunctionAnalysis::threads() {
  if (!Threads)
    Threads =
        std::make_unique<ThreadModel>(FD, S.library(), parents(), Scan.Spawns);
  return *Threads;
}

const ThreadModel *FunctionAnalysis::frames() {
  if (Scan.CoroutineCalls.empty() || Scan.HasErrors)
    return nullptr;
  if (!Frames) {
    llvm::SmallVector<const Expr *, 2> Calls(Scan.CoroutineCalls.begin(),
                                             Scan.CoroutineCalls.end());
    Frames = std::make_unique<ThreadModel>(FD, S.library(), parents(),
                                           llvm::ArrayRef<const Expr *>(),
                                           Calls, &S.coroutines());
  }
  return Frames.get();
}

const ThreadLifetime *FunctionAnalysis::frameLifetime() {
  if (!FramesDone) {
    FramesDone = true;
    if (const ThreadModel *M = frames(); M && !M->spawns().empty())
      FrameLifetime = ThreadLifetime::compute(*this, *M);
  }
  return FrameLifetime.get();
}

const ThreadLifetime *FunctionAnalysis::lifetime() {
  if (!LifetimeDone) {
    LifetimeDone = true;
    if (!Scan.Spawns.empty() && !Scan.HasErrors)
      Lifetime = ThreadLifetime::compute(*this);
  }
  return Lifetime.get();
}

} // namespace fearless

namespace fearless {
const Crossings &FunctionAnalysis::crossings() {
  if (!Cross)
    Cross = std::make_unique<Crossings>(computeCrossings(threads()));
  return *Cross;
}
} // namespace fearless

namespace fearless {
const MoveAnalysis *FunctionAnalysis::moves() {
  if (!MovesDone) {
    MovesDone = true;
    if ((Scan.MoveCalls || Scan.MemberCalls || !Scan.ConsumingCalls.empty()) &&
        !Scan.HasErrors)
      Moves = MoveAnalysis::compute(*this);
  }
  return Moves.get();
}
const llvm::DenseSet<const ValueDecl *> &
FunctionAnalysis::writtenVariables(bool AllowDirectWrites) {
  std::optional<llvm::DenseSet<const ValueDecl *>> &Slot =
      Written[AllowDirectWrites];
  if (!Slot)
    Slot = fearless::writtenVariables(FD->getBody(), AllowDirectWrites);
  return *Slot;
}

} // namespace fearless
