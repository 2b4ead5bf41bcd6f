//===- TaskGraphs.cpp - Runs of library task graphs -----------------------===//
//
// See TaskGraphs.h. Everything here reads the AST of the one function that
// runs the graph; a use of the graph or of its tasks that the model does not
// list leaves the run unmodelled (no sites: silence).
//
//===----------------------------------------------------------------------===//

#include "TaskGraphs.h"
#include "ExecutorModels.h"
#include "InferenceUtil.h"
#include "fearless/ASTUtil.h"
#include "fearless/SpawnInference.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;

namespace fearless::threadmodel {

namespace {

using inference::listed;
using inference::skipImplicit;

/// A task graph of Models/Executors.def (FEARLESS_TASK_GRAPH).
struct TaskGraphModel {
  llvm::StringRef Graph, Emplace, GraphKeeps, Task, Precede, Succeed, TaskKeeps,
      Executor, Runs, BlockingRuns, ResultWaits;
};

constexpr TaskGraphModel TaskGraphs[] = {
#define FEARLESS_TASK_GRAPH(Graph, Emplace, GraphKeeps, Task, Precede,         \
                            Succeed, TaskKeeps, Executor, Runs, BlockingRuns,  \
                            ResultWaits)                                       \
  {Graph,     Emplace,  GraphKeeps, Task,         Precede,    Succeed,         \
   TaskKeeps, Executor, Runs,       BlockingRuns, ResultWaits},
#include "fearless/Models/Executors.def"
};

/// The name of \p M, or "" for an operator or a constructor.
llvm::StringRef nameOf(const CXXMethodDecl *M) {
  return M && M->getIdentifier() ? M->getName() : llvm::StringRef();
}

bool isClass(QualType T, llvm::StringRef Name) {
  const CXXRecordDecl *RD = classOf(T);
  return RD && hasQualifiedName(RD, Name);
}

/// The model of \p Call's run, and whether the run blocks by itself.
const TaskGraphModel *runModel(const CallExpr *Call, bool *Blocking) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  if (!MC || MC->getNumArgs() == 0)
    return nullptr;
  const CXXMethodDecl *M = MC->getMethodDecl();
  llvm::StringRef Name = nameOf(M);
  if (Name.empty())
    return nullptr;
  for (const TaskGraphModel &G : TaskGraphs) {
    bool Run = listed(G.Runs, Name), Blocks = listed(G.BlockingRuns, Name);
    if ((!Run && !Blocks) || !hasQualifiedName(M->getParent(), G.Executor) ||
        !isClass(MC->getArg(0)->getType(), G.Graph))
      continue;
    if (Blocking)
      *Blocking = Blocks;
    return &G;
  }
  return nullptr;
}

bool isWrapper(const Stmt *S) {
  return isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ExprWithCleanups>(S);
}

/// The parent of \p S above the implicit nodes around it; \p Child, when
/// given, is set to the last node skipped (\p S itself if none).
const Stmt *parentOf(const Stmt *S, const ParentMap &PM,
                     const Stmt **Child = nullptr) {
  const Stmt *P = PM.getParent(S);
  while (P && isWrapper(P)) {
    S = P;
    P = PM.getParent(P);
  }
  if (Child)
    *Child = S;
  return P;
}

/// The member call \p E is the object of (`E.f(...)`), or null.
const CXXMemberCallExpr *calledOn(const Expr *E, const ParentMap &PM) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(parentOf(E, PM));
  if (!ME || skipImplicit(ME->getBase()) != skipImplicit(E))
    return nullptr;
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(parentOf(ME, PM));
  return MC && MC->getCallee()->IgnoreParens() == ME ? MC : nullptr;
}

/// Whether \p S may run on some paths through its function and not on
/// others, or more than once: it is inside a loop, a branch, a lambda.
bool isConditional(const Stmt *S, const ParentMap &PM) {
  for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P)) {
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, IfStmt, SwitchStmt,
            AbstractConditionalOperator, LambdaExpr, CXXCatchStmt>(P))
      return true;
    if (const auto *BO = dyn_cast<BinaryOperator>(P); BO && BO->isLogicalOp())
      return true;
  }
  return false;
}

/// Whether \p Callable is a plain task: a callable of no parameters
/// returning void (not a condition, subflow or runtime task).
bool isPlainTask(const Expr *Callable) {
  QualType T = Callable->getType().getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  if (const auto *FT = T->getAs<FunctionProtoType>())
    return FT->getNumParams() == 0 && FT->getReturnType()->isVoidType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  const CXXMethodDecl *Call = nullptr;
  if (RD->isLambda()) {
    if (RD->isGenericLambda())
      return false;
    Call = RD->getLambdaCallOperator();
  } else {
    Call = singleCallOperator(RD);
  }
  return Call && Call->getNumParams() == 0 &&
         Call->getReturnType()->isVoidType();
}

/// \p E, or what it copies (`tf::Task c = graph.emplace(f).name("c")`).
const Expr *stripCopy(const Expr *E) {
  E = skipImplicit(E);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
      CE && CE->getNumArgs() == 1 && CE->getConstructor() &&
      CE->getConstructor()->isCopyOrMoveConstructor())
    return skipImplicit(CE->getArg(0));
  return E;
}

/// The tasks of one graph: where each comes from, and the order found.
class GraphReader {
public:
  GraphReader(const TaskGraphModel &G, const VarDecl *Graph,
              const CallExpr *Run, const ParentMap &PM)
      : G(G), Graph(Graph), Run(Run), PM(PM),
        SM(Graph->getASTContext().getSourceManager()) {}

  /// Reads the function around the run; false when the graph is used in a
  /// way not modelled.
  bool read(const Stmt *Root, TaskGraphRun &Out) {
    bool Good = true, Declared = false;
    llvm::SmallVector<const DeclRefExpr *, 8> TaskUses;
    llvm::SmallVector<const CXXMemberCallExpr *, 8> Orders;
    inference::forEachStmt(Root, [&](const Stmt *S) {
      if (!Good)
        return;
      if (const auto *DS = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : DS->decls())
          Declared |= D == Graph;
      } else if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
        if (DRE->getDecl() == Graph)
          Good = graphUse(DRE, Out);
        else
          TaskUses.push_back(DRE);
      } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
        llvm::StringRef Name = nameOf(MC->getMethodDecl());
        if ((listed(G.Precede, Name) || listed(G.Succeed, Name)) &&
            hasQualifiedName(MC->getMethodDecl()->getParent(), G.Task))
          Orders.push_back(MC);
      }
    });
    if (!Good || !Declared || Out.Tasks.empty())
      return false;
    // Every use of a task variable orders it or reads it.
    for (const DeclRefExpr *DRE : TaskUses)
      if (TaskOf.count(DRE->getDecl()) && !taskUse(DRE))
        return false;
    size_t N = Out.Tasks.size();
    Out.Ordered.assign(N, llvm::BitVector(N));
    for (const CXXMemberCallExpr *MC : Orders)
      if (!order(MC, Out.Ordered))
        return false;
    // The transitive closure, both ways.
    for (size_t K = 0; K < N; ++K)
      for (size_t I = 0; I < N; ++I)
        if (Out.Ordered[I][K])
          Out.Ordered[I] |= Out.Ordered[K];
    for (size_t I = 0; I < N; ++I)
      for (size_t J = 0; J < N; ++J)
        if (Out.Ordered[I][J])
          Out.Ordered[J].set(I);
    return true;
  }

private:
  /// A use of the graph: an emplace, a run, or a call the model keeps.
  bool graphUse(const DeclRefExpr *DRE, TaskGraphRun &Out) {
    if (const auto *Call = dyn_cast_or_null<CallExpr>(parentOf(DRE, PM));
        Call && Call->getNumArgs() > 0 &&
        skipImplicit(Call->getArg(0)) == DRE && runModel(Call, nullptr))
      return true; // this run or another: runs of one graph take turns
    const CXXMemberCallExpr *MC = calledOn(DRE, PM);
    if (!MC)
      return false;
    llvm::StringRef Name = nameOf(MC->getMethodDecl());
    if (listed(G.GraphKeeps, Name))
      return true;
    if (!listed(G.Emplace, Name) || isConditional(MC, PM) ||
        !SM.isBeforeInTranslationUnit(MC->getEndLoc(), Run->getBeginLoc()))
      return false;
    unsigned First = Out.Tasks.size();
    for (const Expr *Arg : MC->arguments()) {
      if (!isPlainTask(Arg))
        return false;
      Out.Tasks.push_back(Arg);
    }
    FirstTaskOf[MC] = First;
    return bindTasks(MC, First, Out.Tasks.size() - First);
  }

  /// Whether \p MC calls a member function of Task that orders tasks.
  bool isOrder(const CXXMemberCallExpr *MC) const {
    llvm::StringRef Name = nameOf(MC->getMethodDecl());
    return listed(G.Precede, Name) || listed(G.Succeed, Name);
  }

  /// The top of the chain of calls on the task \p E of listed members of
  /// Task (`e.name("a").precede(b)`: each returns the task, or reads it),
  /// or null when one is not listed.
  const Expr *chainTop(const Expr *E) const {
    while (const CXXMemberCallExpr *Outer = calledOn(E, PM)) {
      if (!isOrder(Outer) &&
          !listed(G.TaskKeeps, nameOf(Outer->getMethodDecl())))
        return nullptr;
      if (!isClass(Outer->getType(), G.Task))
        return Outer; // a read (its name)
      E = Outer;
    }
    return E;
  }

  /// Whether the value of \p Top (a chainTop) goes nowhere a task could be
  /// ordered from unseen: it is discarded, a read, or an argument of an
  /// ordering call (order()).
  bool endsKnown(const Expr *Top) const {
    if (!isClass(Top->getType(), G.Task))
      return true;
    const Stmt *P = parentOf(Top, PM);
    if (isa_and_nonnull<CompoundStmt>(P))
      return true;
    const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(P);
    return MC && isOrder(MC) &&
           llvm::any_of(MC->arguments(), [&](const Expr *A) {
             return skipImplicit(A) == skipImplicit(Top);
           });
  }

  /// Names the \p Count tasks emplace call \p MC adds, from \p First: the
  /// variable (through name(), precede(), ...) or the structured bindings it
  /// initialises, if any.
  bool bindTasks(const CXXMemberCallExpr *MC, unsigned First, size_t Count) {
    const Expr *E = MC;
    if (Count == 1) {
      E = chainTop(MC);
      if (!E)
        return false;
      if (endsKnown(E))
        return true;
    } else if (isa_and_nonnull<CompoundStmt>(parentOf(MC, PM))) {
      return true; // not named: nothing can order them
    }
    const Stmt *P = parentOf(E, PM);
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(P);
        CE && stripCopy(CE) == skipImplicit(E))
      P = parentOf(CE, PM); // `tf::Task a = graph.emplace(f).name("a")`
    const auto *DS = dyn_cast_or_null<DeclStmt>(P);
    if (!DS || !DS->isSingleDecl())
      return false;
    const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl());
    if (!VD || !VD->getInit() || stripCopy(VD->getInit()) != E)
      return false;
    if (const auto *DD = dyn_cast<DecompositionDecl>(VD)) {
      if (DD->bindings().size() != Count)
        return false;
      for (const BindingDecl *B : DD->bindings())
        TaskOf[B] = First++;
      return true;
    }
    if (Count != 1 || !isClass(VD->getType(), G.Task) ||
        VD->getType()->isReferenceType())
      return false;
    TaskOf[VD] = First;
    return true;
  }

  /// Whether \p DRE, naming a task, only orders it or reads it.
  bool taskUse(const DeclRefExpr *DRE) const {
    const Expr *Top = chainTop(DRE);
    return Top && endsKnown(Top);
  }

  /// The task \p E names, or -1.
  int taskOf(const Expr *E) const {
    E = stripCopy(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      auto It = TaskOf.find(DRE->getDecl());
      return It == TaskOf.end() ? -1 : int(It->second);
    }
    const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
    if (!MC)
      return -1;
    if (auto It = FirstTaskOf.find(MC);
        It != FirstTaskOf.end() && MC->getNumArgs() == 1)
      return It->second;
    llvm::StringRef Name = nameOf(MC->getMethodDecl());
    if (isClass(MC->getType(), G.Task) &&
        (listed(G.TaskKeeps, Name) || listed(G.Precede, Name) ||
         listed(G.Succeed, Name)))
      return taskOf(MC->getImplicitObjectArgument()); // returns *this
    return -1;
  }

  /// Adds the order of \p MC (`a.precede(b, c)`, `a.succeed(b)`); false
  /// when it names a task of this graph beside one not known.
  bool order(const CXXMemberCallExpr *MC,
             std::vector<llvm::BitVector> &Ordered) const {
    bool Before = listed(G.Precede, nameOf(MC->getMethodDecl()));
    int From = taskOf(MC->getImplicitObjectArgument());
    bool Known = From >= 0, Unknown = From < 0;
    llvm::SmallVector<int, 4> To;
    for (const Expr *Arg : MC->arguments()) {
      To.push_back(taskOf(Arg));
      (To.back() >= 0 ? Known : Unknown) = true;
    }
    if (!Known)
      return true; // another graph's tasks
    if (Unknown)
      return false;
    for (int T : To)
      Ordered[Before ? From : T].set(Before ? T : From);
    return true;
  }

  const TaskGraphModel &G;
  const VarDecl *Graph;
  const CallExpr *Run;
  const ParentMap &PM;
  const SourceManager &SM;
  /// The task each task variable or structured binding names.
  llvm::DenseMap<const Decl *, unsigned> TaskOf;
  /// The first task each emplace call adds.
  llvm::DenseMap<const Expr *, unsigned> FirstTaskOf;
};

/// Whether the function waits for \p Run (not a blocking run) at once:
/// `run(g).wait()`, `auto f = run(g); f.wait();` or `run(g);
/// executor.wait_for_all();`.
bool waitedAtOnce(const CallExpr *Run, const TaskGraphModel &G,
                  const ParentMap &PM) {
  if (const CXXMemberCallExpr *Wait = calledOn(Run, PM))
    return listed(G.ResultWaits, nameOf(Wait->getMethodDecl()));
  // The statement of the run, and the next one in its block.
  const Stmt *S = Run;
  const Stmt *P = parentOf(Run, PM, &S);
  const VarDecl *Future = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(P)) {
    Future =
        DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    if (!Future || Future->getType()->isReferenceType() || !Future->getInit() ||
        skipImplicit(Future->getInit()) != Run)
      return false;
    S = P;
    P = PM.getParent(P);
  }
  const auto *Block = dyn_cast_or_null<CompoundStmt>(P);
  if (!Block)
    return false;
  const Stmt *Next = nullptr;
  for (auto It = Block->body_begin(); It != Block->body_end(); ++It)
    if (*It == S && It + 1 != Block->body_end())
      Next = It[1];
  const auto *NextExpr = dyn_cast_or_null<Expr>(Next);
  const auto *Wait =
      NextExpr ? dyn_cast<CXXMemberCallExpr>(skipImplicit(NextExpr)) : nullptr;
  if (!Wait)
    return false;
  llvm::StringRef Name = nameOf(Wait->getMethodDecl());
  const Expr *Object = Wait->getImplicitObjectArgument();
  if (Future) {
    const auto *DRE = dyn_cast<DeclRefExpr>(skipImplicit(Object));
    return DRE && DRE->getDecl() == Future && listed(G.ResultWaits, Name);
  }
  const auto *RunCall = cast<CXXMemberCallExpr>(Run);
  const inference::ExecutorModel *M =
      inference::executorOf(RunCall->getMethodDecl()->getParent());
  const ValueDecl *Executor =
      SpawnInference::namedObject(RunCall->getImplicitObjectArgument());
  return M && listed(M->Waits, Name) && Executor &&
         SpawnInference::namedObject(Object) == Executor;
}

} // namespace

bool isTaskGraphRun(const CallExpr *Call) {
  return runModel(Call, nullptr) != nullptr;
}

std::optional<TaskGraphRun> taskGraphRun(const CallExpr *Call,
                                         const ParentMap &PM) {
  bool Blocking = false;
  const TaskGraphModel *G = runModel(Call, &Blocking);
  if (!G)
    return std::nullopt;
  const auto *DRE = dyn_cast<DeclRefExpr>(skipImplicit(Call->getArg(0)));
  const auto *Graph = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!Graph || !Graph->hasLocalStorage() || isa<ParmVarDecl>(Graph) ||
      Graph->getType()->isReferenceType() ||
      !isClass(Graph->getType(), G->Graph))
    return std::nullopt;
  if (!Blocking && !waitedAtOnce(Call, *G, PM))
    return std::nullopt;
  const Stmt *Root = Call;
  while (const Stmt *P = PM.getParent(Root))
    Root = P;
  TaskGraphRun Out;
  if (!GraphReader(*G, Graph, Call, PM).read(Root, Out))
    return std::nullopt;
  return Out;
}

} // namespace fearless::threadmodel
