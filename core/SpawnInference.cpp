//===- SpawnInference.cpp - Spawn functions inferred from bodies ----------===//
//
// See SpawnInference.h. Everything here reads the AST of one function and
// its class; nothing asks the Session for another function's analysis.
//
//===----------------------------------------------------------------------===//

#include "fearless/SpawnInference.h"
#include "ExecutorModels.h"
#include "InferenceUtil.h"
#include "fearless/ASTUtil.h"
#include "fearless/Library.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>

using namespace clang;

namespace fearless {

namespace inference {

const Expr *skipImplicit(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    else if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr();
    else
      return E;
  }
}

const FieldDecl *fieldOfThis(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 4; ++Steps) {
    E = skipImplicit(E);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
        OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() > 0)
      E = skipImplicit(OC->getArg(0));
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      E = skipImplicit(AS->getBase());
    const auto *ME = dyn_cast<MemberExpr>(E);
    if (!ME)
      return nullptr;
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
    // A field of a field (`q_[i].tasks`) is a part of the outer field; a
    // field reached through a pointer belongs to another object.
    if (ME->isArrow())
      return nullptr;
    E = ME->getBase();
  }
  return nullptr;
}

bool isBlockingWait(const Stmt *S) {
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *FD = Call->getDirectCallee())
      if (const IdentifierInfo *II = FD->getIdentifier())
        return isBlockingName(II->getName());
  return false;
}

bool isBlockingName(llvm::StringRef N) {
  return N == "wait" || N == "wait_for" || N == "wait_until" ||
         N == "arrive_and_wait" || N == "acquire";
}

bool carries(const Stmt *S, const llvm::SmallPtrSetImpl<const ValueDecl *> &Vars) {
  bool Found = false;
  forEachStmt(S, [&](const Stmt *Sub) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Sub))
      Found = Found || Vars.contains(DRE->getDecl());
  });
  return Found;
}

bool listed(llvm::StringRef List, llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 4> Names;
  List.split(Names, ';', -1, false);
  return llvm::is_contained(Names, Name);
}

llvm::SmallPtrSet<const ValueDecl *, 4> carriers(const FunctionDecl *FD,
                                                 const ParmVarDecl *P) {
  llvm::SmallPtrSet<const ValueDecl *, 4> Vars;
  Vars.insert(P);
  // Two rounds reach `auto t = make_shared<packaged_task>(bind(f))` and a
  // `std::function` made from `t`.
  for (unsigned Round = 0; Round < 2; ++Round)
    forEachStmt(FD->getBody(), [&](const Stmt *S) {
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D);
              VD && VD->hasLocalStorage() && VD->getInit() &&
              carries(VD->getInit(), Vars))
            Vars.insert(VD);
    });
  return Vars;
}

} // namespace inference

using namespace inference;

namespace {

/// How far inference follows calls (submit() calling submit_impl()).
constexpr unsigned MaxDepth = 3;

/// \p E as a std::async call with a callable (or a shared_future made from
/// one), or null.
const CallExpr *asyncCall(const Expr *E, const LibraryModel &Lib) {
  if (const auto *Share = dyn_cast<CXXConstructExpr>(E);
      Share && Share->getNumArgs() == 1)
    E = skipImplicit(Share->getArg(0));
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const SpawnFunctionModel *M = Callee ? Lib.spawnFunction(Callee) : nullptr;
  if (M && M->Kind == HandleKind::AsyncFuture &&
      llvm::any_of(Call->arguments(),
                   [](const Expr *A) { return isCallableType(A->getType()); }))
    return Call;
  return nullptr;
}

/// The values of \p FD's return statements (implicit nodes skipped), not
/// those of lambdas or blocks inside it.
void returnedValues(const Stmt *S, llvm::SmallVectorImpl<const Expr *> &Out) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    if (R->getRetValue())
      Out.push_back(skipImplicit(R->getRetValue()));
    return;
  }
  for (const Stmt *Child : S->children())
    returnedValues(Child, Out);
}

/// The member functions that \p FD calls on *this (a function object's
/// operator(): also on the object a field of it points to).
llvm::SmallVector<const CXXMethodDecl *, 4>
callsOnThis(const FunctionDecl *FD) {
  llvm::SmallVector<const CXXMethodDecl *, 4> Out;
  // A function object's operator() works on the object it points to:
  // `struct Worker { Pool *pool; void operator()() { pool->loop(); } }`.
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  bool Functor = MD && MD->getOverloadedOperator() == OO_Call &&
                 !MD->getParent()->isLambda();
  auto OnThis = [&](const Expr *Obj) {
    Obj = Obj->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Obj))
      return true;
    const auto *ME = dyn_cast<MemberExpr>(Obj);
    return Functor && ME &&
           isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
           (ME->getType()->isPointerType() ||
            ME->getMemberDecl()->getType()->isReferenceType());
  };
  forEachStmt(FD->getBody(), [&](const Stmt *S) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      if (const auto *Obj = MC->getImplicitObjectArgument();
          Obj && OnThis(Obj))
        if (const CXXMethodDecl *M = MC->getMethodDecl();
            M && M->hasBody() && !llvm::is_contained(Out, M))
          Out.push_back(M);
  });
  return Out;
}

/// Whether \p FD, or a member function it calls on *this (a few calls
/// deep), satisfies \p Pred on one of its statements.
template <class Pred>
bool bodyOrCallees(const FunctionDecl *FD, Pred &&P, unsigned Depth = 0) {
  if (!FD || !FD->getBody() || Depth > MaxDepth)
    return false;
  bool Found = false;
  forEachStmt(FD->getBody(), [&](const Stmt *S) { Found = Found || P(S); });
  if (Found)
    return true;
  for (const CXXMethodDecl *M : callsOnThis(FD))
    if (M != FD && bodyOrCallees(M->getDefinition(), P, Depth + 1))
      return true;
  return false;
}

/// Whether \p S joins a thread (`t.join()` on a thread class object).
bool isJoinCall(const Stmt *S, const LibraryModel &Lib) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
  if (!MC || !MC->getMethodDecl())
    return false;
  auto Op = Lib.handleMethod(MC->getMethodDecl());
  // MC->getObjectType(): `t->join()` on a thread behind a pointer too.
  return Op && *Op == HandleOp::Join &&
         Lib.threadClassKind(MC->getObjectType()) != HandleKind::None;
}


/// Whether \p P's type can hold a callable (a forwarding reference to a
/// lambda, a std::function, a function pointer).
bool isCallableParam(const ParmVarDecl *P) {
  return isCallableType(P->getType().getNonReferenceType());
}

/// The pool spawn that \p FD's \p Call of the pool spawn function \p Inner
/// makes \p FD: the same pool (submit() calling this->submit_impl()), a
/// pool it is given (`p.submit(f)` on its parameter p, or a helper's helper
/// passing p on), or a pool of pools that holds it (`workers_[k]->post(f)`).
/// \p Pool is \p FD's own pool class, if any. None otherwise.
std::optional<InferredSpawn> handedToPool(const CallExpr *Call,
                                          const InferredSpawn &Inner,
                                          const FunctionDecl *FD,
                                          const PoolClass *Pool,
                                          const LibraryModel &Lib) {
  if (!Inner.Class)
    return std::nullopt;
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  const Expr *Obj = MC ? MC->getImplicitObjectArgument() : nullptr;
  std::optional<InferredSpawn> Out = Inner;
  if (const ParmVarDecl *Given = paramNamed(
          Inner.PoolParam < 0 ? Obj : argOrNull(Call, Inner.PoolParam), FD)) {
    Out->PoolParam = int(Given->getFunctionScopeIndex());
    return Out;
  }
  if (Inner.PoolParam >= 0 || !Obj)
    return std::nullopt;
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  if (isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()))
    return !Pool || Inner.Class == Pool ? Out : std::nullopt;
  if (!Method || Method->isStatic() || !ownedObjectField(Obj, Lib))
    return std::nullopt;
  Out->Spread = true; // over the pools it holds
  return Out;
}

} // namespace

SpawnInference::SpawnInference(const LibraryModel &Lib)
    : Lib(Lib), Executors(std::make_unique<ExecutorPools>(Lib)) {}
SpawnInference::~SpawnInference() = default;

const ValueDecl *SpawnInference::namedObject(const Expr *Object) {
  if (!Object)
    return nullptr;
  const Expr *E = skipImplicit(Object);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

/// Whether the visible body of accessor \p FD always returns the same
/// object: its one return statement returns a field of *this, a global or
/// a static local (`return pool_;`, `return &instance;`).
static bool returnsOneObject(const FunctionDecl *FD) {
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getBody())
    return true; // out of sight: a library's singleton accessor
  llvm::SmallVector<const Expr *, 2> Values;
  returnedValues(Def->getBody(), Values);
  if (Values.size() != 1)
    return false;
  const Expr *E = Values[0];
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref))
    E = skipImplicit(UO->getSubExpr());
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
           isa<FieldDecl>(ME->getMemberDecl());
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return VD->hasGlobalStorage();
  return false;
}

const ValueDecl *SpawnInference::poolObject(const Expr *Object) {
  if (const ValueDecl *Named = namedObject(Object))
    return Named;
  if (!Object)
    return nullptr;
  const auto *Call = dyn_cast<CallExpr>(skipImplicit(Object));
  if (!Call || isa<CXXOperatorCallExpr>(Call) || Call->getNumArgs() != 0)
    return nullptr;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier() || FD->isDependentContext())
    return nullptr;
  QualType R = FD->getReturnType();
  if ((!R->isPointerType() && !R->isReferenceType()) || !returnsOneObject(FD))
    return nullptr;
  // A member accessor: only on *this or on a named object (every object's
  // accessor is then the same pool, which may miss a race, never add one).
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *On = MC->getImplicitObjectArgument();
    if (!On || (!isa<CXXThisExpr>(On->IgnoreParenImpCasts()) &&
                !namedObject(On)))
      return nullptr;
  }
  return FD->getCanonicalDecl();
}

const PoolClass *SpawnInference::poolClass(const CXXRecordDecl *RD) const {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  auto [It, Inserted] = Pools.try_emplace(RD);
  if (!Inserted)
    return It->second.get();
  auto Pool = std::make_unique<PoolClass>();
  // A worker: a thread started in a member function into a field of
  // *this, running a lambda or a member function.
  auto Consider = [&](const FieldDecl *Field, const Expr *Callable,
                      SourceLocation At, bool Many) {
    if (Pool->Workers || !Field || !holdsThreads(Field->getType(), Lib))
      return;
    const FunctionDecl *Body = bodyOf(Callable);
    if (!Body || !Body->getBody())
      return;
    Pool->Workers = Field;
    Pool->WorkerStart = At;
    Pool->WorkerBody = Body;
    Pool->SingleWorker =
        !Many && Lib.threadClassKind(Field->getType()) != HandleKind::None;
  };
  auto Scan = [&](const Stmt *Root) {
    // Loops make several workers; track the depth on the way down.
    std::function<void(const Stmt *, unsigned)> Walk = [&](const Stmt *S,
                                                           unsigned Loops) {
      if (!S || isa<LambdaExpr>(S))
        return;
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
        ++Loops;
      if (std::optional<FieldThreadStart> Start =
              fieldThreadStart(S, Loops > 0, Lib))
        Consider(Start->Field, Start->Callable, S->getBeginLoc(), Start->Many);
      for (const Stmt *Child : S->children())
        Walk(Child, Loops);
    };
    Walk(Root, 0);
  };
  // With the instantiations of member templates (a `template <class Init>
  // Pool(unsigned n, Init init)` constructor).
  for (const CXXMethodDecl *M : methodsOf(RD)) {
    if (!M->getBody() || M->isDependentContext())
      continue;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(M))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten() && Init->getMember() && Init->getInit())
          if (const CXXConstructExpr *CE =
                  findThreadConstruction(Init->getInit(), Lib))
            Consider(Init->getMember(), CE->getArg(0), Init->getSourceLocation(),
                     false);
    Scan(M->getBody());
  }
  if (!Pool->Workers) {
    It = Pools.find(RD);
    It->second = nullptr;
    return nullptr;
  }
  if (holdsJThreads(Pool->Workers->getType(), Lib))
    Pool->DestructorJoins = true;
  else if (const CXXDestructorDecl *Dtor = RD->getDestructor())
    Pool->DestructorJoins = bodyOrCallees(
        Dtor->getDefinition(),
        [&](const Stmt *S) { return isJoinCall(S, Lib); });
  It = Pools.find(RD);
  It->second = std::move(Pool);
  return It->second.get();
}

bool SpawnInference::waitsForTasks(const CXXMethodDecl *M) const {
  if (!M || isa<CXXConstructorDecl>(M) || isa<CXXDestructorDecl>(M))
    return false;
  if (const ExecutorModel *E = executorOf(M->getParent()))
    return M->getIdentifier() && listed(E->Waits, M->getName());
  auto [It, Inserted] = Waits.try_emplace(M, false);
  if (!Inserted)
    return It->second;
  const PoolClass *Pool = poolClass(M->getParent());
  bool Result = false;
  if (Pool && M != Pool->WorkerBody && !spawnOf(M))
    Result = bodyOrCallees(M->getDefinition(), [&](const Stmt *S) {
      return isJoinCall(S, Lib) || isBlockingWait(S);
    });
  else if (!Pool && !spawnOf(M))
    // A pool of pools waits on the pools it holds (`for (auto &w :
    // workers_) w->wait();`); a class over a pool waits on the futures it
    // keeps of the tasks it queued (`for (auto &f : futures_) f.get();`).
    Result = bodyOrCallees(M->getDefinition(), [&](const Stmt *S) {
      const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
      const CXXMethodDecl *Callee = MC ? MC->getMethodDecl() : nullptr;
      return Callee && ((Callee->getParent() != M->getParent() &&
                         poolClass(Callee->getParent()) &&
                         waitsForTasks(Callee)) ||
                        waitsForFuture(MC, Lib));
    });
  Waits[M] = Result;
  return Result;
}

const InferredSpawn *SpawnInference::spawnOf(const FunctionDecl *FD) const {
  return spawnOf(FD, 0);
}

const InferredSpawn *SpawnInference::spawnOf(const FunctionDecl *FD,
                                             unsigned Depth) const {
  if (!FD || Depth > MaxDepth)
    return nullptr;
  if (const FunctionDecl *Def = FD->getDefinition())
    FD = Def;
  if (auto It = Spawns.find(FD); It != Spawns.end())
    return It->second.get();
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  const ExecutorModel *E = Method ? executorOf(Method->getParent()) : nullptr;
  // A library executor's body may be out of sight (QThreadPool::start).
  if ((!E && !FD->getBody()) || FD->isDependentContext() ||
      FD->isInvalidDecl() || FD->isInStdNamespace() ||
      !llvm::any_of(FD->parameters(), isCallableParam))
    return nullptr;
  if (!InProgress.try_emplace(FD, true).second)
    return nullptr; // recursion
  std::optional<InferredSpawn> R;
  if (E) {
    // A library executor: the model says what the body would.
    if (!E->Submit.empty() && FD->getIdentifier() &&
        listed(E->Submit, FD->getName()))
      for (unsigned I = 0; I < FD->getNumParams(); ++I)
        if (isCallableParam(FD->getParamDecl(I))) {
          R = InferredSpawn{InferredSpawn::Pool, I, FD->getLocation(), nullptr,
                            Executors->poolOf(*E)};
          break;
        }
  } else {
    R = infer(FD, Depth);
  }
  InProgress.erase(FD);
  auto &Slot = Spawns[FD];
  if (R)
    Slot = std::make_unique<InferredSpawn>(*R);
  return Slot.get();
}

std::optional<InferredSpawn> SpawnInference::infer(const FunctionDecl *FD,
                                                   unsigned Depth) const {
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  const PoolClass *Pool =
      Method && !Method->isStatic() ? poolClass(Method->getParent()) : nullptr;
  for (unsigned I = 0, N = FD->getNumParams(); I != N; ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    if (!isCallableParam(P))
      continue;
    auto Vars = carriers(FD, P);
    std::optional<InferredSpawn> Found;
    const Stmt *FoundAt = nullptr;
    forEachStmt(FD->getBody(), [&](const Stmt *S) {
      if (Found)
        return;
      // Queued into a member container that a worker reads, or stored
      // into a member (a std::function handler) that a worker calls.
      auto WorkerReads = [&](const FieldDecl *Q) {
        return Q && Q != Pool->Workers &&
               bodyOrCallees(Pool->WorkerBody, [&](const Stmt *W) {
                 const auto *ME = dyn_cast<MemberExpr>(W);
                 return ME && ME->getMemberDecl() == Q;
               });
      };
      const FieldDecl *Q = nullptr;
      bool Assigned = false; // stored, rather than queued
      // Into a container, or a locked queue class of the project's own
      // whose member function puts its argument into its container.
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
          Pool && MC &&
          llvm::any_of(MC->arguments(),
                       [&](const Expr *A) { return carries(A, Vars); }) &&
          (Lib.isContainerInsert(MC->getMethodDecl()) ||
           insertsParam(MC->getMethodDecl(), Lib)))
        Q = fieldOfThis(MC->getImplicitObjectArgument());
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          Pool && BO && BO->getOpcode() == BO_Assign &&
          carries(BO->getRHS(), Vars)) {
        Q = fieldOfThis(BO->getLHS());
        Assigned = true;
      }
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
          Pool && OC && OC->getOperator() == OO_Equal &&
          OC->getNumArgs() == 2 && carries(OC->getArg(1), Vars)) {
        Q = fieldOfThis(OC->getArg(0));
        Assigned = true;
      }
      // A stored handler must be a callable member the worker calls.
      if (Q && (!Assigned || isCallableType(Q->getType())) &&
          WorkerReads(Q)) {
        Found = InferredSpawn{InferredSpawn::Pool, I, S->getBeginLoc(), Q,
                              Pool};
        FoundAt = S;
        return;
      }
      // Handed on to another inferred spawn function.
      if (const auto *Call = dyn_cast<CallExpr>(S)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        if (!Callee || Callee == FD)
          return;
        const InferredSpawn *Inner = spawnOf(Callee, Depth + 1);
        if (!Inner || Inner->Param >= Call->getNumArgs() ||
            !carries(Call->getArg(Inner->Param), Vars))
          return;
        if (Inner->K != InferredSpawn::Pool) {
          Found = *Inner;
          Found->Param = I;
        } else {
          Found = handedToPool(cast<CallExpr>(S), *Inner, FD, Pool, Lib);
          if (Found)
            Found->Param = I;
        }
        FoundAt = S;
        return;
      }
    });
    if (Found && Found->K == InferredSpawn::Pool)
      Found->ManyPerCall |= inLoopUnder(FD->getBody(), FoundAt);
    if (Found)
      return Found;
    // Run on a thread started here: detached, or joined before returning.
    const VarDecl *Local = nullptr;
    SourceLocation At;
    bool Temporary = false;
    forEachStmt(FD->getBody(), [&](const Stmt *S) {
      if (At.isValid())
        return;
      if (const auto *DS = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D);
              VD && VD->hasLocalStorage() && VD->getInit())
            if (const CXXConstructExpr *CE =
                    threadConstruction(skipImplicit(VD->getInit()), Lib);
                CE && carries(CE, Vars)) {
              Local = VD;
              At = CE->getBeginLoc();
            }
        return;
      }
      // std::thread(f).detach()
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
        if (const CXXConstructExpr *CE = threadConstruction(
                skipImplicit(MC->getImplicitObjectArgument()), Lib);
            CE && carries(CE, Vars) && MC->getMethodDecl()) {
          auto Op = Lib.handleMethod(MC->getMethodDecl());
          if (Op && *Op == HandleOp::Detach) {
            Temporary = true;
            At = CE->getBeginLoc();
          }
        }
    });
    if (Temporary)
      return InferredSpawn{InferredSpawn::Detached, I, At, nullptr, nullptr};
    if (!Local)
      continue;
    bool Joined = false, Detached = false, Other = false;
    forEachStmt(FD->getBody(), [&](const Stmt *S) {
      const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
      if (!MC || referencedVar(MC->getImplicitObjectArgument()) != Local)
        return;
      auto Op = MC->getMethodDecl() ? Lib.handleMethod(MC->getMethodDecl())
                                    : std::nullopt;
      if (!Op)
        Other = true;
      else if (*Op == HandleOp::Join)
        Joined = true;
      else
        Detached = true;
    });
    bool JThread = Lib.threadClassKind(Local->getType()) == HandleKind::JThread;
    if (Detached && !Joined)
      return InferredSpawn{InferredSpawn::Detached, I, At, nullptr, nullptr};
    if ((Joined || JThread) && !Detached && !Other)
      return InferredSpawn{InferredSpawn::Scoped, I, At, nullptr, nullptr};
  }
  return std::nullopt;
}

/// Whether the thread constructed by \p CE borrows `*this`: its lambda
/// captures `this` (not `*this`), or `this` is one of its arguments.
bool threadUsesThis(const CXXConstructExpr *CE) {
  for (const Expr *Arg : CE->arguments()) {
    const Expr *E = skipImplicit(Arg);
    if (isa<CXXThisExpr>(E))
      return true;
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      for (const LambdaCapture &C : L->captures())
        if (C.capturesThis() && C.getCaptureKind() == LCK_This)
          return true;
  }
  return false;
}

const InferredSpawn *
SpawnInference::detachesThis(const CXXMethodDecl *M) const {
  if (!M || M->isStatic() || isa<CXXConstructorDecl>(M) ||
      isa<CXXDestructorDecl>(M))
    return nullptr;
  if (const FunctionDecl *Def = M->getDefinition())
    M = cast<CXXMethodDecl>(Def);
  if (!M->hasBody() || M->isDependentContext() || M->isInvalidDecl() ||
      M->getParent()->isLambda() || M->isInStdNamespace())
    return nullptr;
  auto [It, New] = ThisDetaches.try_emplace(M, nullptr);
  if (!New)
    return It->second.get();
  SourceLocation At;
  forEachStmt(M->getBody(), [&](const Stmt *S) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
    if (At.isValid() || !MC || !MC->getMethodDecl())
      return;
    auto Op = Lib.handleMethod(MC->getMethodDecl());
    if (!Op || *Op != HandleOp::Detach)
      return;
    const Expr *Obj = skipImplicit(MC->getImplicitObjectArgument());
    const CXXConstructExpr *CE = threadConstruction(Obj, Lib);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj); !CE && DRE)
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
          VD && VD->hasLocalStorage() && VD->getInit())
        CE = threadConstruction(skipImplicit(VD->getInit()), Lib);
    if (CE && threadUsesThis(CE))
      At = CE->getBeginLoc();
  });
  if (At.isInvalid())
    return nullptr;
  // Something of the class may wait for the thread (a member that blocks
  // until it is done, a destructor that joins): not inferred.
  auto Waits = [&](const Stmt *S) {
    return isJoinCall(S, Lib) || isBlockingWait(S);
  };
  for (const CXXMethodDecl *Other : M->getParent()->methods()) {
    const FunctionDecl *Def = Other->getDefinition();
    if (Def && Def != M && Def->hasBody() && bodyOrCallees(Def, Waits))
      return nullptr;
  }
  ThisDetaches[M] = std::make_unique<InferredSpawn>(
      InferredSpawn{InferredSpawn::Detached, ~0u, At, nullptr, nullptr});
  return ThisDetaches[M].get();
}

llvm::ArrayRef<const Expr *>
SpawnInference::returnedThreads(const FunctionDecl *FD) const {
  if (!FD)
    return {};
  bool Future = isStdClass(FD->getReturnType(), "future") ||
                isStdClass(FD->getReturnType(), "shared_future");
  HandleKind Returns = Lib.handleTypeKind(FD->getReturnType());
  bool CHandle = Returns == HandleKind::PThread || Returns == HandleKind::CThread;
  if (!Future && Returns == HandleKind::None)
    return {};
  FD = FD->getDefinition();
  if (!FD || !FD->hasBody() || FD->isDependentContext())
    return {};
  auto [It, New] = Returned.try_emplace(FD, nullptr);
  if (!New)
    return It->second ? llvm::ArrayRef<const Expr *>(*It->second)
                      : llvm::ArrayRef<const Expr *>();
  llvm::SmallVector<const Expr *, 2> Values, Spawns;
  returnedValues(FD->getBody(), Values);
  // Each return statement's thread is a possible one; a return of
  // something else (`return std::thread();`, a parameter) adds none.
  for (const Expr *E : Values) {
    // `return t;` moves the local out.
    if (const auto *Move = dyn_cast<CXXConstructExpr>(E);
        Move && Move->getNumArgs() == 1 &&
        Lib.threadClassKind(Move->getArg(0)->getType()) != HandleKind::None)
      E = skipImplicit(Move->getArg(0));
    // `std::thread t(...); return t;`: the local's construction.
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
          VD && VD->hasLocalStorage() && VD->getDeclContext() == FD &&
          !isa<ParmVarDecl>(VD) && VD->getInit())
        E = skipImplicit(VD->getInit());
    // `return std::async(std::launch::async, f, args...);`, or a local
    // future initialized so; a shared_future made from one. A pthread_t or
    // thrd_t: the call that filled in the local returned
    // (`pthread_create(&t, 0, work, arg); return t;`).
    const Expr *Spawn = CHandle ? Lib.handleFiller(FD, E) : asyncCall(E, Lib);
    if (!Future && !CHandle) {
      const CXXConstructExpr *CE = threadConstruction(E, Lib);
      Spawn = CE && CE->getNumArgs() > 0 ? CE : nullptr;
    }
    if (Spawn && !llvm::is_contained(Spawns, Spawn))
      Spawns.push_back(Spawn);
  }
  if (Spawns.empty())
    return {};
  auto &Kept = Returned[FD];
  Kept = std::make_unique<llvm::SmallVector<const Expr *, 1>>(Spawns.begin(),
                                                              Spawns.end());
  return *Kept;
}

const InferredSpawn *
SpawnInference::spawnAt(const Expr *Call, const ValueDecl **PoolObject) const {
  const auto *CE = dyn_cast<CallExpr>(Call);
  if (!CE || isa<CXXOperatorCallExpr>(CE))
    return nullptr;
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (const ExecutorFunctionModel *EF = executorFunctionOf(Callee))
    return Executors->submitThrough(CE, Callee, *EF, PoolObject);
  const InferredSpawn *S = Callee ? spawnOf(Callee) : nullptr;
  if (!S || S->Param >= CE->getNumArgs() ||
      !isCallableType(CE->getArg(S->Param)->getType()))
    return nullptr;
  if (S->K == InferredSpawn::Pool) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
    const Expr *PoolExpr = MC ? MC->getImplicitObjectArgument() : nullptr;
    if (S->PoolParam >= 0)
      PoolExpr = withoutAddressOf(argOrNull(CE, S->PoolParam));
    const ValueDecl *Object = PoolExpr ? poolObject(PoolExpr) : nullptr;
    if (!Object)
      return nullptr;
    if (PoolObject)
      *PoolObject = Object;
  }
  return S;
}

} // namespace fearless
