//===- ThreadModelSpawns.cpp - Which expressions start threads ------------===//

#include "ThreadModelInternal.h"
#include "ExecutorModels.h"
#include "TaskGraphs.h"
#include "fearless/ASTUtil.h"
#include "fearless/ChannelInference.h"
#include "fearless/SpawnInference.h"
#include "fearless/ThreadWrappers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fearless::threadmodel {

namespace {

constexpr llvm::StringRef SpawnAnnotation = "fearless::spawn";
constexpr llvm::StringRef ScopedSpawnAnnotation = "fearless::scoped_spawn";

/// Whether any parameter of \p FD is annotated as a spawn.
bool hasSpawnParam(const FunctionDecl *FD) {
  for (unsigned I = 0, N = FD->getNumParams(); I != N; ++I)
    if (paramHasAnnotation(FD, I, SpawnAnnotation) ||
        paramHasAnnotation(FD, I, ScopedSpawnAnnotation))
      return true;
  return false;
}

/// Whether a container insertion constructs a thread from a callable in
/// place (emplace_back(f), not push_back(std::thread(f))).
bool isEmplaceSpawn(const CXXMemberCallExpr *Call, const LibraryModel &Lib) {
  const CXXMethodDecl *M = Call->getMethodDecl();
  if (!M || !Lib.isContainerInsert(M) || Call->getNumArgs() == 0)
    return false;
  QualType Elem =
      LibraryModel::elementType(Call->getImplicitObjectArgument()->getType());
  if (Lib.threadClassKind(Elem) == HandleKind::None)
    return false;
  const Expr *First = stripMoves(Call->getArg(0));
  return Lib.threadClassKind(First->getType()) == HandleKind::None &&
         isCallableType(First->getType());
}

/// The local object of \p Call, a call of a member function that detaches
/// a thread using `*this` (SpawnInference::detachesThis), or null.
const VarDecl *detachedObject(const Expr *Call, const LibraryModel &Lib) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  if (!MC || !Lib.inference() || !MC->getMethodDecl() ||
      !Lib.inference()->detachesThis(MC->getMethodDecl()))
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(
      MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
      VD->getType()->isReferenceType() || VD->getType()->isPointerType())
    return nullptr;
  return VD;
}

/// Whether \p Call, not a member call that emplaces or starts a thread
/// object, starts a thread: a library spawn or executor, an annotated or
/// configured spawn function, or one inferred from its body.
bool callSpawns(const CallExpr *Call, const LibraryModel &Lib) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return false;
  if (Lib.parallelAlgorithmCallable(Call))
    return true;
  if (llvm::SmallVector<const Expr *, 2> Callables;
      Lib.scopedExecutor(Call, Callables))
    return true;
  if (isTaskGraphRun(Call))
    return true;
  // The rules below look at the callee first: most callees start nothing,
  // and a TU calls each of them many times.
  using CalleeSpawn = LibraryModel::CalleeSpawn;
  const SpawnInference *Inf = Lib.inference();
  CalleeSpawn Verdict = Lib.calleeSpawn(FD, [&] {
    if (Lib.spawnFunction(FD) || Lib.isUserSpawnFunction(FD) ||
        Lib.isUserScopedSpawnFunction(FD) || hasSpawnParam(FD) ||
        (Inf && !Inf->returnedThreads(FD).empty()))
      return CalleeSpawn::Always;
    const auto *M = dyn_cast<CXXMethodDecl>(FD);
    if (Lib.isPointerFactory(FD) ||
        (Inf && (inference::executorFunctionOf(FD) || Inf->spawnOf(FD) ||
                 (M && Inf->detachesThis(M)))))
      return CalleeSpawn::ByCall;
    return CalleeSpawn::Never;
  });
  if (Verdict != CalleeSpawn::ByCall)
    return Verdict == CalleeSpawn::Always;
  // std::make_unique<std::thread>(f), or of a thread class's object.
  if (Lib.isPointerFactory(FD) && Call->getNumArgs() > 0 &&
      (Lib.threadClassKind(templateArgType(Call->getType(), 0)) !=
           HandleKind::None ||
       threadClassConstruction(Call, Lib)))
    return true;
  return Inf && (Inf->spawnAt(Call, nullptr) || detachedObject(Call, Lib));
}

} // namespace

const Expr *startCallOf(const Expr *E, const ValueDecl *H,
                        llvm::StringRef Start, const ParentMap &PM,
                        const HandleTracker &Handles, bool Element) {
  const auto *Local = dyn_cast_or_null<VarDecl>(H);
  if (!H || (Local && !Local->hasLocalStorage()) ||
      (!Local && !isa<FieldDecl>(H)))
    return nullptr;
  const Stmt *Root = E;
  while (const Stmt *P = PM.getParent(Root))
    Root = P;
  const Expr *Found = nullptr;
  const SourceManager &SM = H->getASTContext().getSourceManager();
  llvm::SmallVector<const Stmt *, 32> Work{Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && M->getIdentifier() && M->getName() == Start)
        if (auto Ref = Handles.resolveHandle(MC->getImplicitObjectArgument());
            Ref && Ref->Element == Element &&
            dyn_cast_if_present<const ValueDecl *>(Ref->Key) == H) {
          // Started several times: from the first (what comes before it
          // happens before the thread runs on every path).
          if (!Found || SM.isBeforeInTranslationUnit(MC->getBeginLoc(),
                                                     Found->getBeginLoc()))
            Found = MC;
        }
    }
    if (isa<LambdaExpr>(S))
      continue; // a start() inside a lambda runs who knows when
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return Found;
}

namespace {

/// The thread's borrow of \p Var, the object a member call \p Obj runs
/// on, when the thread uses the object itself (its address).
Borrow objectBorrow(const ValueDecl *Var, const Expr *Obj) {
  Borrow B;
  B.Var = Var;
  B.Named = Var;
  B.Kind = BorrowKind::Address;
  B.Loc = Obj->getBeginLoc();
  B.Range = Obj->getSourceRange();
  return B;
}

/// For a thread that helper \p Helper starts and returns, with callable
/// \p Callable and arguments \p Args (the helper's): the caller's locals
/// whose address \p Call passes to a pointer parameter the thread keeps,
/// given to it as an argument or captured by copy (`return std::thread(
/// work, s);`, `[s] { ... }`). A parameter used otherwise (`[n = s->n]`)
/// keeps nothing of the caller's.
void helperBorrows(SpawnSite &S, const CallExpr *Call,
                   const FunctionDecl *Helper, const Expr *Callable,
                   llvm::ArrayRef<const Expr *> Args) {
  auto Kept = [&](const ParmVarDecl *P) {
    for (const Expr *A : Args)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts());
          DRE && DRE->getDecl() == P)
        return true;
    const auto *L = dyn_cast_or_null<LambdaExpr>(
        Callable ? Callable->IgnoreImplicit()->IgnoreParenImpCasts()
                 : nullptr);
    if (const auto *MTE = dyn_cast_or_null<MaterializeTemporaryExpr>(
            Callable ? Callable->IgnoreParenImpCasts() : nullptr))
      L = dyn_cast<LambdaExpr>(MTE->getSubExpr()->IgnoreImplicit());
    return L && llvm::any_of(L->captures(), [&](const LambdaCapture &C) {
             return C.capturesVariable() && C.getCaptureKind() == LCK_ByCopy &&
                    C.getCapturedVar() == P;
           });
  };
  unsigned First = isa<CXXOperatorCallExpr>(Call) ? 1 : 0;
  for (unsigned I = 0; I < Helper->getNumParams(); ++I) {
    const ParmVarDecl *P = Helper->getParamDecl(I);
    if (I + First >= Call->getNumArgs() || !P->getType()->isPointerType() ||
        !Kept(P))
      continue;
    const auto *UO = dyn_cast<UnaryOperator>(
        Call->getArg(I + First)->IgnoreParenImpCasts());
    const auto *DRE =
        UO && UO->getOpcode() == UO_AddrOf
            ? dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts())
            : nullptr;
    const auto *Local = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!Local || !Local->hasLocalStorage() ||
        Local->getType()->isReferenceType())
      continue;
    S.Borrows.push_back(objectBorrow(Local, UO));
  }
}

/// The site of `obj.start()` on a FEARLESS_THREAD_BASE subclass whose run()
/// is \p Run (LibraryModel::threadObjectRun), with the object as the handle
/// and *this of run(). Only a named object (a local, a parameter, a pointer
/// to one) is followed: its wait() joins it. `this->start()` in a member of
/// the subclass starts a member thread whose handle is *this itself, named
/// by the member function (Sink Member, Sink.Decl the function: no field).
std::optional<SpawnSite> threadObjectSite(const CXXMemberCallExpr *MC,
                                          const CXXMethodDecl *Run,
                                          const HandleTracker &Handles) {
  const Expr *Obj = MC->getImplicitObjectArgument();
  auto Ref = Handles.resolveHandle(Obj);
  const auto *VD = Ref && !Ref->Element
                       ? dyn_cast_if_present<const ValueDecl *>(Ref->Key)
                       : nullptr;
  if (!VD || !(isa<CXXMethodDecl>(VD) || isa<VarDecl>(VD)))
    return std::nullopt;
  SpawnSite S;
  S.Kind = SpawnKind::SpawnFunction;
  S.Handle = HandleKind::PThread;
  S.Spawn = MC;
  S.Args.push_back(Obj->IgnoreParenImpCasts()); // *this of run()
  S.Callee = MC->getMethodDecl();
  S.Body.Function = Run;
  S.Sink.Decl = VD;
  S.Sink.Loc = MC->getBeginLoc();
  if (isa<CXXMethodDecl>(VD)) {
    S.Sink.Kind = SinkKind::Member;
    S.ThisObject = true;
    return S;
  }
  S.Sink.Kind = sinkKindOf(VD);
  // The thread runs on the object itself: destroying a running QThread is
  // as bad as the thread outliving what it borrows.
  if (!VD->getType()->isPointerType() && !VD->getType()->isReferenceType() &&
      cast<VarDecl>(VD)->hasLocalStorage()) {
    S.Borrows.push_back(objectBorrow(VD, Obj));
  }
  return S;
}

/// Makes \p To the spawning expression of the one site \p From started: a
/// thread created stopped (QThread::create) runs from its start(). Without
/// a start() in sight, the creation stands for it.
template <class IndexT>
void moveSpawn(llvm::SmallVectorImpl<SpawnSite> &Spawns, IndexT &Index,
               const Expr *From, const Expr *To, bool InLoop) {
  auto It = Index.find(From);
  unsigned Id = It->second.front();
  Index.erase(It);
  Spawns[Id].Spawn = To;
  Spawns[Id].InLoop = InLoop;
  Index[To].push_back(Id);
}

/// The initializer of \p VD when it is a variable with static storage whose
/// value cannot change: a const (or constexpr) object, or an array of const
/// elements (a table of function pointers); null otherwise.
const Expr *constantInitializer(const VarDecl *VD) {
  if (VD->hasLocalStorage())
    return nullptr;
  QualType T = VD->getType();
  if (const ArrayType *AT = VD->getASTContext().getAsArrayType(T))
    T = AT->getElementType();
  if (!T.isConstQualified() && !VD->isConstexpr())
    return nullptr;
  const VarDecl *Def = VD->getDefinition();
  const Expr *Init = Def ? Def->getInit() : VD->getInit();
  return Init ? Init->IgnoreParenImpCasts() : nullptr;
}

/// The function \p Callable runs: a lambda, a function, std::bind of one, a
/// std::function made from one, a local initialized once with one, or a
/// functor's operator().
ThreadBody bodyOfCallable(const Expr *Callable,
                          const LocalInitializers &Locals) {
  ThreadBody Body;
  const Expr *E = Callable;
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = stripMoves(E);
    E = E->IgnoreParenImpCasts();
    if (const auto *L = dyn_cast<LambdaExpr>(E)) {
      Body.Lambda = L;
      Body.Function = L->getCallOperator();
      return Body;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf) {
      E = UO->getSubExpr();
      continue;
    }
    // A function passed through a pointer cast, `(void *)work` or
    // `(void *(*)(void *))work` (a start routine of another signature): the
    // thread runs the function the pointer points to.
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
        Cast && Cast->getType()->isPointerType()) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl())) {
        Body.Function = Fn;
        return Body;
      }
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return Body;
      // `tg.run(body)` with a forwarding reference would count as a write
      // of the local for singleInitializer.
      if (const Expr *Init = closureInitializer(VD)) {
        E = Init;
        continue;
      }
      if (const Expr *Init = Locals.singleInitializer(VD)) {
        E = Init;
        continue;
      }
      // A constant function pointer: `static void (*const entry)(S *) = f;`.
      if (const Expr *Init = constantInitializer(VD)) {
        E = Init;
        continue;
      }
      break;
    }
    // An element of a constant table with a constant index: `table[1]`.
    if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
      const auto *Base =
          dyn_cast<DeclRefExpr>(Sub->getBase()->IgnoreParenImpCasts());
      const auto *VD = Base ? dyn_cast<VarDecl>(Base->getDecl()) : nullptr;
      const auto *List = dyn_cast_or_null<InitListExpr>(
          VD ? constantInitializer(VD) : nullptr);
      std::optional<long long> Index =
          List ? integerConstant(Sub->getIdx(), VD->getASTContext())
               : std::nullopt;
      if (!Index || *Index < 0 || *Index >= (long long)List->getNumInits())
        break;
      E = List->getInit(*Index);
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee &&
          (isStdDecl(Callee, "bind") || isStdDecl(Callee, "bind_front")) &&
          Call->getNumArgs() > 0) {
        E = Call->getArg(0);
        continue;
      }
      break;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if ((isStdClass(CE->getType(), "function") ||
           isStdClass(CE->getType(), "packaged_task")) &&
          CE->getNumArgs() == 1) {
        E = CE->getArg(0);
        continue;
      }
      break;
    }
    break;
  }
  // A functor: its operator().
  if (E)
    if (const CXXRecordDecl *RD = classOf(E->getType());
        RD && RD->hasDefinition() && !RD->isLambda() &&
        !isStdClass(E->getType(), "function")) {
      DeclarationName Call =
          RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
      // Overloads: the one the spawn's instantiation calls is marked used;
      // when that does not single one out, the body is not known (a wrong
      // overload would pair accesses the thread never makes).
      llvm::SmallVector<const CXXMethodDecl *, 2> All, Used;
      for (const NamedDecl *ND : RD->lookup(Call))
        if (const auto *M = dyn_cast<CXXMethodDecl>(ND)) {
          All.push_back(M);
          if (M->isUsed())
            Used.push_back(M);
        }
      if (All.size() == 1)
        Body.Function = All.front();
      else if (Used.size() == 1)
        Body.Function = Used.front();
    }
  return Body;
}

} // namespace

/// The callable a call of spawn function \p M runs and the arguments it is
/// given: the callable the model names, or the first argument of callable
/// type (after std::async's launch policy); then the context argument alone
/// (pthread_create's void *), or every argument after the callable. A
/// trampoline start routine (ThreadWrappers::trampolineParam) stands for the
/// function its argument points to, called with no argument.
static std::optional<std::pair<const Expr *, llvm::ArrayRef<const Expr *>>>
spawnCallParts(const SpawnFunctionModel &M, llvm::ArrayRef<const Expr *> Args) {
  size_t Callable = M.CallableArg;
  if (M.CallableArg < 0)
    Callable = llvm::find_if(Args,
                             [](const Expr *A) {
                               return isCallableType(A->getType());
                             }) -
               Args.begin();
  if (Callable >= Args.size())
    return std::nullopt;
  llvm::ArrayRef<const Expr *> Given = Args.drop_front(Callable + 1);
  if (M.ContextArg >= 0)
    Given = unsigned(M.ContextArg) < Args.size() ? Args.slice(M.ContextArg, 1)
                                                 : llvm::ArrayRef<const Expr *>();
  if (M.ContextArg >= 0 && Given.size() == 1)
    if (ThreadWrappers::isTrampoline(Args[Callable]))
      return std::make_pair(Given[0], llvm::ArrayRef<const Expr *>());
  return std::make_pair(Args[Callable], Given);
}

namespace {
/// What a thread a helper returns runs: its callable, the arguments given
/// to it, and its handle.
struct ReturnedSpawn {
  HandleKind Handle;
  const Expr *Callable;
  llvm::ArrayRef<const Expr *> Args;
};
} // namespace

/// The parts of \p Inner, the thread construction or spawn-function call
/// (std::async, pthread_create) behind a helper's returned handle; a thread
/// construction's callable comes first.
static std::optional<ReturnedSpawn> returnedSpawn(const Expr *Inner,
                                                  const LibraryModel &Lib) {
  llvm::ArrayRef<const Expr *> Args = argsOf(Inner);
  if (!isa<CallExpr>(Inner))
    return Args.empty()
               ? std::nullopt
               : std::optional<ReturnedSpawn>(
                     {Lib.threadClassKind(Inner->getType()), Args[0],
                      Args.drop_front()});
  const SpawnFunctionModel *M = Lib.spawnFunction(calleeOf(Inner));
  auto Parts = M ? spawnCallParts(*M, Args) : std::nullopt;
  if (!Parts)
    return std::nullopt;
  return ReturnedSpawn{M->Kind, Parts->first, Parts->second};
}

bool SpawnRecognizer::isSpawnExpr(const Expr *E, const LibraryModel &Lib) {
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (Lib.isThreadConstruction(CE))
      return true;
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    return Ctor && (hasSpawnParam(Ctor) || Lib.isUserSpawnFunction(Ctor) ||
                    Lib.isUserScopedSpawnFunction(Ctor) ||
                    (Lib.wrappers() && Lib.wrappers()->threadClassParam(Ctor)));
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (isEmplaceSpawn(MC, Lib) || Lib.threadObjectRun(MC) ||
        memberThreadClassStart(MC, Lib) || threadClassConstruction(MC, Lib))
      return true;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return callSpawns(Call, Lib);
  return false;
}

void SpawnRecognizer::addSpawn(const Expr *E) {
  auto Add = [&](SpawnKind Kind, HandleKind Handle, const Expr *Callable,
                 llvm::ArrayRef<const Expr *> Args) -> SpawnSite & {
    SpawnSite S;
    S.Id = Spawns.size();
    S.Kind = Kind;
    S.Handle = Handle;
    S.Spawn = E;
    S.Callable = Callable;
    S.Args.append(Args.begin(), Args.end());
    S.InLoop = isInLoop(E);
    SpawnIndex[E].push_back(S.Id);
    Spawns.push_back(std::move(S));
    return Spawns.back();
  };

  llvm::ArrayRef<const Expr *> Args = argsOf(E);
  llvm::SmallVector<const Expr *, 2> ScopedBodies;
  const Expr *StartedAt = nullptr; // a stopped spawn's start() call
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
      CE && Lib.isThreadConstruction(CE)) {
    SpawnSite &S =
        Add(SpawnKind::ThreadConstructor, Lib.threadClassKind(CE->getType()),
            Args[0], Args.drop_front());
    S.Sink = Handles.findSink(E);
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
             MC && isEmplaceSpawn(MC, Lib)) {
    QualType Elem =
        LibraryModel::elementType(MC->getImplicitObjectArgument()->getType());
    SpawnSite &S = Add(SpawnKind::ContainerEmplace, Lib.threadClassKind(Elem),
                       Args[0], Args.drop_front());
    HandleSink Sink;
    if (auto Ref = Handles.resolveHandle(MC->getImplicitObjectArgument()))
      if (const auto *VD = dyn_cast_if_present<const ValueDecl *>(Ref->Key)) {
        Sink.Decl = VD;
        Sink.Kind = sinkKindOf(VD);
        Sink.Element = true;
      }
    if (Sink.Kind == SinkKind::None)
      Sink.Kind = SinkKind::Escaped;
    Sink.Loc = E->getBeginLoc();
    S.Sink = Sink;
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
             MC && Lib.threadObjectRun(MC)) {
    if (auto S = threadObjectSite(MC, Lib.threadObjectRun(MC), Handles)) {
      S->Id = Spawns.size();
      S->InLoop = isInLoop(E);
      SpawnIndex[E].push_back(S->Id);
      Spawns.push_back(std::move(*S));
    }
  } else if (std::optional<SpawnSite> S =
                 threadClassSite(E, Lib, PM, Handles, StartedAt)) {
    S->Id = Spawns.size();
    S->InLoop = isInLoop(E);
    SpawnIndex[E].push_back(S->Id);
    Spawns.push_back(std::move(*S));
  } else if (const FunctionDecl *Callee = calleeOf(E)) {
    if (const SpawnFunctionModel *M = Lib.spawnFunction(Callee)) {
      auto Parts = spawnCallParts(*M, Args);
      if (!Parts)
        return;
      SpawnSite &S =
          Add(SpawnKind::SpawnFunction, M->Kind, Parts->first, Parts->second);
      S.Callee = Callee;
      if (M->HandleArg >= 0 && unsigned(M->HandleArg) < Args.size()) {
        HandleSink Sink;
        Sink.Kind = SinkKind::Escaped;
        Sink.Loc = E->getBeginLoc();
        const Expr *H = Args[M->HandleArg]->IgnoreParenImpCasts();
        if (const auto *UO = dyn_cast<UnaryOperator>(H);
            UO && UO->getOpcode() == UO_AddrOf)
          H = UO->getSubExpr();
        else if (const auto *BO = dyn_cast<BinaryOperator>(H);
                 BO && BO->isAdditiveOp())
          H = BO->getLHS(); // tids + i
        if (auto Ref = Handles.resolveHandle(H)) {
          if (const auto *VD =
                  dyn_cast_if_present<const ValueDecl *>(Ref->Key)) {
            Sink.Decl = VD;
            Sink.Element = Ref->Element || VD->getType()->isArrayType();
            Sink.Kind = sinkKindOf(VD);
          }
        }
        S.Sink = Sink;
      } else {
        S.Sink = Handles.findSink(E);
        if (llvm::StringRef Start = Lib.stoppedSpawnStart(*M); !Start.empty())
          StartedAt = startCallOf(E, S.Sink.Decl, Start, PM, Handles);
      }
    } else if (const Expr *Body =
                   isa<CallExpr>(E)
                       ? Lib.parallelAlgorithmCallable(cast<CallExpr>(E))
                       : nullptr) {
      SpawnSite &S = Add(SpawnKind::ScopedCall, HandleKind::None, Body, {});
      S.Callee = Callee;
      S.Sink.Kind = SinkKind::None;
      S.Sink.Loc = E->getBeginLoc();
    } else if (std::optional<LibraryModel::ScopedRun> Run =
                   isa<CallExpr>(E) ? Lib.scopedExecutor(cast<CallExpr>(E),
                                                         ScopedBodies)
                                    : std::nullopt) {
      // A library's parallel_for, parallel_invoke, task_arena::execute.
      for (const Expr *Body : ScopedBodies) {
        SpawnSite &S = Add(SpawnKind::ScopedCall, HandleKind::None, Body, {});
        S.Callee = Callee;
        S.RunsOnce = *Run == LibraryModel::ScopedRun::Each ||
                     *Run == LibraryModel::ScopedRun::Once;
        S.WithSiblings = *Run == LibraryModel::ScopedRun::Each ||
                         *Run == LibraryModel::ScopedRun::Reduce;
        S.Sink.Kind = SinkKind::None;
        S.Sink.Loc = E->getBeginLoc();
      }
    } else if (isa<CallExpr>(E) && isTaskGraphRun(cast<CallExpr>(E))) {
      // A task graph's run waited for at once (taskflow): each task once,
      // beside the tasks no precede/succeed chain orders with it.
      if (std::optional<TaskGraphRun> Run =
              taskGraphRun(cast<CallExpr>(E), PM)) {
        unsigned First = Spawns.size();
        for (const Expr *Task : Run->Tasks) {
          SpawnSite &S = Add(SpawnKind::ScopedCall, HandleKind::None, Task, {});
          S.Callee = Callee;
          S.RunsOnce = S.WithSiblings = true;
          S.Sink.Kind = SinkKind::None;
          S.Sink.Loc = E->getBeginLoc();
        }
        for (unsigned I = 0; I < Run->Tasks.size(); ++I)
          for (unsigned J : Run->Ordered[I].set_bits())
            Spawns[First + I].OrderedSiblings.push_back(First + J);
      }
    } else if (Lib.isPointerFactory(Callee)) {
      QualType Thread = templateArgType(E->getType(), 0);
      SpawnSite &S = Add(SpawnKind::PointerFactory, Lib.threadClassKind(Thread),
                         Args[0], Args.drop_front());
      S.Sink = Handles.findSink(E);
      S.Sink.Indirect = true;
    } else {
      // Annotated parameters and SpawnFunctions/ScopedSpawnFunctions.
      bool UserSpawn = Lib.isUserSpawnFunction(Callee);
      bool UserScoped = Lib.isUserScopedSpawnFunction(Callee);
      unsigned Offset = 0;
      if (isa<CXXOperatorCallExpr>(E) && isa<CXXMethodDecl>(Callee) &&
          !cast<CXXMethodDecl>(Callee)->isStatic())
        Offset = 1;
      for (unsigned I = 0; I + Offset < Args.size(); ++I) {
        if (I >= Callee->getNumParams())
          break;
        bool Detached = paramHasAnnotation(Callee, I, SpawnAnnotation);
        bool Scoped = paramHasAnnotation(Callee, I, ScopedSpawnAnnotation);
        const Expr *Arg = Args[I + Offset];
        if (!Detached && !Scoped && (UserSpawn || UserScoped) &&
            isCallableType(Arg->getType())) {
          Detached = UserSpawn;
          Scoped = UserScoped;
        }
        if (!Detached && !Scoped)
          continue;
        SpawnSite &S =
            Add(Detached ? SpawnKind::DetachedCall : SpawnKind::ScopedCall,
                HandleKind::None, Arg, {});
        S.Callee = Callee;
        S.Param = Callee->getParamDecl(I);
        S.Sink.Kind = SinkKind::None;
        S.Sink.Loc = E->getBeginLoc();
        if (UserSpawn || UserScoped)
          break; // only the first callable of a listed function
      }
      const ValueDecl *Pool = nullptr;
      const InferredSpawn *Inferred =
          Lib.inference() ? Lib.inference()->spawnAt(E, &Pool) : nullptr;
      if (Inferred && !SpawnIndex.count(E))
        addInferred(E, Callee, *Inferred, Pool);
      // A helper that returns a thread (or a future) it starts: one site per
      // return statement that returns one, each a possible thread.
      if (!SpawnIndex.count(E) && Lib.inference())
        for (const Expr *Inner : Lib.inference()->returnedThreads(Callee)) {
          std::optional<ReturnedSpawn> R = returnedSpawn(Inner, Lib);
          if (!R)
            continue;
          // A dropped handle the helper also keeps elsewhere: the thread is
          // joined where that copy is, which is not followed.
          HandleSink Sink = Handles.findSink(E);
          if (Sink.Kind == SinkKind::Temporary &&
              Lib.wrappers() &&
              Lib.wrappers()->storesHandleElsewhere(Callee, Inner))
            continue;
          R->Callable = ThreadWrappers::callerCallable(E, Callee, R->Callable);
          SpawnSite &S = Add(isa<CallExpr>(Inner) ? SpawnKind::SpawnFunction
                                                  : SpawnKind::ThreadConstructor,
                             R->Handle, R->Callable, R->Args);
          S.Sink = Sink;
          S.Callee = Callee;
          S.ReturnedBy = Callee;
          S.HelperSpawn = Inner;
          if (const auto *Call = dyn_cast<CallExpr>(E))
            helperBorrows(S, Call, Callee, S.Callable, S.Args);
        }
      if (const VarDecl *Object = detachedObject(E, Lib);
          Object && !SpawnIndex.count(E)) {
        // `logger.flush_async()` detaches a thread that uses `logger`.
        SpawnSite &S =
            Add(SpawnKind::DetachedCall, HandleKind::None, nullptr, {});
        S.Callee = Callee;
        S.Inferred = Lib.inference()->detachesThis(cast<CXXMethodDecl>(Callee));
        S.Sink.Kind = SinkKind::None;
        S.Sink.Loc = E->getBeginLoc();
        const Expr *Obj =
            cast<CXXMemberCallExpr>(E)->getImplicitObjectArgument();
        S.Borrows.push_back(objectBorrow(Object, Obj));
      }
      if (!SpawnIndex.count(E))
        addChannelSends(E, Callee);
    }
  }
  // Only the sites this expression added (a function may have thousands).
  auto It = SpawnIndex.find(E);
  if (It == SpawnIndex.end())
    return;
  for (unsigned Id : It->second) {
    SpawnSite &S = Spawns[Id];
    if (S.Callable || !S.Body.Function) // a thread object's run() is set
      S.Body = resolveBody(S.Callable);
    // The borrows of a returned thread are the helper's, checked there
    // (but for the caller's locals it hands the helper: helperBorrows).
    if (S.Borrows.empty() && !S.ReturnedBy)
      Borrows.collectBorrows(S);
  }
  if (StartedAt && It->second.size() == 1)
    moveSpawn(Spawns, SpawnIndex, E, StartedAt, isInLoop(StartedAt));
}

void SpawnRecognizer::addInferred(const Expr *E, const FunctionDecl *Callee,
                                  const InferredSpawn &I,
                                  const ValueDecl *Pool) {
  SpawnSite S;
  S.Id = Spawns.size();
  S.Spawn = E;
  S.Callable = argsOf(E)[I.Param];
  S.InLoop = isInLoop(E);
  S.Callee = Callee;
  S.Param = Callee->getParamDecl(I.Param);
  S.Inferred = &I;
  S.Sink.Loc = E->getBeginLoc();
  switch (I.K) {
  case InferredSpawn::Detached:
    S.Kind = SpawnKind::DetachedCall;
    break;
  case InferredSpawn::Scoped:
    S.Kind = SpawnKind::ScopedCall;
    break;
  case InferredSpawn::Pool:
    S.Kind = SpawnKind::PoolSubmit;
    S.Pool = Pool;
    // The task's future, when the caller keeps it, is waited for like a
    // thread; otherwise the pool itself is the owner.
    if (Lib.handleTypeKind(E->getType()) != HandleKind::None) {
      S.Sink = Handles.findSink(E);
    } else if (Lib.handleTypeKind(LibraryModel::elementType(E->getType())) !=
               HandleKind::None) {
      // A container of the tasks' futures (`std::vector<std::future<void>>`
      // from a bulk helper): each task is one of its elements.
      S.Sink = Handles.findSink(E);
      S.Sink.Element = true;
    } else if (const VarDecl *Future = Handles.locals().futureOf(
                   referencedVar(stripMoves(S.Callable)))) {
      // A std::packaged_task local whose future the caller took: that
      // future is the task's handle (`auto f = t.get_future();
      // pool.post(std::move(t)); ... f.get();`).
      S.Sink.Kind = SinkKind::Local;
      S.Sink.Decl = Future;
    } else {
      S.Sink.Kind = sinkKindOf(Pool);
      S.Sink.Decl = Pool;
      S.Sink.JoinsOnDestroy = I.Class->DestructorJoins;
    }
    break;
  }
  SpawnIndex[E].push_back(S.Id);
  Spawns.push_back(std::move(S));
}

void SpawnRecognizer::addChannelSends(const Expr *E,
                                      const FunctionDecl *Callee) {
  if (!isa<CallExpr>(E))
    return;
  llvm::ArrayRef<const Expr *> Args = argsOf(E);
  for (unsigned I = 0; I < Args.size(); ++I) {
    const ParmVarDecl *P = paramForArg(cast<CallExpr>(E), I);
    const InferredSend *Channel = nullptr;
    if (!P || !isSendsParam(Callee, P->getFunctionScopeIndex(), Lib, &Channel))
      continue;
    SpawnSite S;
    S.Id = Spawns.size();
    S.Kind = SpawnKind::ChannelSend;
    S.Spawn = E;
    S.Args.push_back(Args[I]);
    S.InLoop = isInLoop(E);
    S.Callee = Callee;
    S.Param = P;
    S.Channel = Channel;
    S.Sink.Kind = SinkKind::None;
    S.Sink.Loc = E->getBeginLoc();
    SpawnIndex[E].push_back(S.Id);
    Spawns.push_back(std::move(S));
  }
}

ThreadBody SpawnRecognizer::resolveBody(const Expr *Callable) const {
  return bodyOfCallable(Callable, Handles.locals());
}

bool SpawnRecognizer::isInLoop(const Stmt *S) const {
  for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P))
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return true;
  return false;
}

} // namespace fearless::threadmodel
