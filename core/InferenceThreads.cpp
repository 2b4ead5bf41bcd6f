//===- InferenceThreads.cpp - Where the inferences see threads start -----===//
//
// The thread-finding helpers of the body inferences (InferenceUtil.h):
// what holds threads, where a thread is started and what it runs, and the
// threads that run an execution context (ExecutorModels.h). Everything here
// reads the AST of one function or class; nothing asks the Session.
//
//===----------------------------------------------------------------------===//

#include "ExecutorModels.h"
#include "InferenceUtil.h"
#include "fearless/ASTUtil.h"
#include "fearless/Library.h"
#include "fearless/SpawnInference.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>

using namespace clang;

namespace fearless::inference {

HandleKind heldThreadKind(QualType T, const LibraryModel &Lib) {
  for (unsigned Level = 0; Level < 3 && !T.isNull(); ++Level) {
    HandleKind K = Lib.threadClassKind(T);
    if (K != HandleKind::None)
      return K;
    T = LibraryModel::elementType(T); // an element, or a pointer's pointee
  }
  return HandleKind::None;
}

bool holdsThreads(QualType T, const LibraryModel &Lib) {
  return heldThreadKind(T, Lib) != HandleKind::None;
}

bool holdsJThreads(QualType T, const LibraryModel &Lib) {
  return heldThreadKind(T, Lib) == HandleKind::JThread;
}

const CXXConstructExpr *threadConstruction(const Expr *E,
                                           const LibraryModel &Lib) {
  const auto *CE = dyn_cast<CXXConstructExpr>(E);
  return CE && Lib.isThreadConstruction(CE) ? CE : nullptr;
}

const CXXConstructExpr *findThreadConstruction(const Stmt *S,
                                               const LibraryModel &Lib) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S))
    if (const CXXConstructExpr *CE = threadConstruction(E, Lib))
      return CE;
  for (const Stmt *Child : S->children())
    if (const CXXConstructExpr *CE = findThreadConstruction(Child, Lib))
      return CE;
  return nullptr;
}

const FunctionDecl *bodyOf(const Expr *Callable) {
  for (unsigned Steps = 0; Callable && Steps < 6; ++Steps) {
    const Expr *E = skipImplicit(stripMoves(Callable));
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L->getCallOperator();
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      E = skipImplicit(UO->getSubExpr());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      // `auto worker = [this, i] { ... }; std::thread(worker)`.
      if (const Expr *Init =
              closureInitializer(dyn_cast<VarDecl>(DRE->getDecl()))) {
        Callable = Init;
        continue;
      }
      return dyn_cast<FunctionDecl>(DRE->getDecl());
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && isStdDecl(Callee, "bind") && Call->getNumArgs() > 0) {
        Callable = Call->getArg(0);
        continue;
      }
    }
    // A function object made here: `std::thread(Worker{this})`.
    if (isa<CXXConstructExpr, InitListExpr>(E))
      return callOperatorOf(E->getType()->getAsCXXRecordDecl());
    return nullptr;
  }
  return nullptr;
}

const CXXMethodDecl *callOperatorOf(const CXXRecordDecl *RD) {
  if (!RD || RD->isLambda() || RD->isInStdNamespace())
    return nullptr;
  // Overloaded: which one runs is not known here.
  const CXXMethodDecl *Found = singleCallOperator(RD);
  const FunctionDecl *Def = Found ? Found->getDefinition() : nullptr;
  return Def && Def->hasBody() ? cast<CXXMethodDecl>(Def) : nullptr;
}

const Expr *startedCallable(const Expr *E, const LibraryModel &Lib) {
  if (!E)
    return nullptr;
  if (const CXXConstructExpr *CE = findThreadConstruction(E, Lib))
    return CE->getNumArgs() > 0 ? CE->getArg(0) : nullptr;
  const auto *Call = dyn_cast<CallExpr>(skipImplicit(E));
  if (Call && Call->getNumArgs() > 0 &&
      Lib.isPointerFactory(Call->getDirectCallee()) &&
      Lib.threadClassKind(LibraryModel::elementType(Call->getType())) !=
          HandleKind::None)
    return Call->getArg(0);
  return nullptr;
}

std::optional<FieldThreadStart>
fieldThreadStart(const Stmt *S, bool InLoop, const LibraryModel &Lib) {
  const Expr *Object = nullptr, *Started = nullptr;
  bool Many = InLoop;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
      MC && MC->getNumArgs() > 0) {
    Object = MC->getImplicitObjectArgument();
    if (Lib.isContainerInsert(MC->getMethodDecl())) {
      // workers_.emplace_back([this] { run(); }), push_back(std::thread(..))
      const Expr *Arg = MC->getArg(0);
      Started = startedCallable(Arg, Lib);
      if (!Started && isCallableType(stripMoves(Arg)->getType()))
        Started = Arg;
      Many = true;
    } else if (MC->getNumArgs() == 1 && calls(MC, "reset") &&
               Lib.isOwningPointer(MC->getObjectType())) {
      // threads_[i].reset(new std::thread(f)): behind an owning pointer.
      Started = startedCallable(MC->getArg(0), Lib);
    }
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S);
             BO && BO->getOpcode() == BO_Assign) {
    Object = BO->getLHS();
    Started = startedCallable(BO->getRHS(), Lib);
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
             OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
    Object = OC->getArg(0);
    Started = startedCallable(OC->getArg(1), Lib);
  }
  const FieldDecl *F = Started ? fieldOfThis(Object) : nullptr;
  if (!F)
    return std::nullopt;
  // An element (`threads_[i] = ...`) is one of several.
  Many = Many || !isa<MemberExpr>(skipImplicit(Object));
  return FieldThreadStart{F, Started, Many};
}

const FieldDecl *ownedObjectField(const Expr *Object, const LibraryModel &Lib,
                                  unsigned Depth) {
  const Expr *E = skipImplicit(Object);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      OC && (OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
      OC->getNumArgs() > 0 && Lib.isOwningPointer(OC->getArg(0)->getType()))
    E = OC->getArg(0);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    E = UO->getSubExpr();
  // An accessor of *this that returns one of them (`getWorker()` returning
  // `*workers_[id]`): every return names a part of the same field.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(skipImplicit(E));
      MC && Depth == 0 && MC->getImplicitObjectArgument() &&
      isa<CXXThisExpr>(MC->getImplicitObjectArgument()->IgnoreParenImpCasts()) &&
      (MC->getType()->isPointerType() ||
       MC->getMethodDecl()->getReturnType()->isReferenceType())) {
    const FunctionDecl *Def = readableDefinition(MC->getMethodDecl());
    llvm::SmallVector<const Expr *, 2> Values;
    if (Def)
      forEachStmt(Def->getBody(), [&](const Stmt *S) {
        if (const auto *R = dyn_cast<ReturnStmt>(S); R && R->getRetValue())
          Values.push_back(R->getRetValue());
      });
    const FieldDecl *Field = nullptr;
    for (const Expr *V : Values) {
      const FieldDecl *F = ownedObjectField(V, Lib, Depth + 1);
      if (!F || (Field && F != Field))
        return nullptr;
      Field = F;
    }
    return Field;
  }
  return fieldOfThis(E);
}

const Expr *argOrNull(const CallExpr *Call, int Index) {
  return Call && Index >= 0 && unsigned(Index) < Call->getNumArgs()
             ? Call->getArg(Index)
             : nullptr;
}

const Expr *withoutAddressOf(const Expr *E) {
  if (const auto *UO = E ? dyn_cast<UnaryOperator>(skipImplicit(E)) : nullptr;
      UO && UO->getOpcode() == UO_AddrOf)
    return UO->getSubExpr();
  return E;
}

const ParmVarDecl *paramNamed(const Expr *E, const FunctionDecl *FD) {
  E = withoutAddressOf(E);
  const auto *DRE = E ? dyn_cast<DeclRefExpr>(skipImplicit(E)) : nullptr;
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  return P && P->getDeclContext() == FD ? P : nullptr;
}

bool waitsForFuture(const CXXMemberCallExpr *MC, const LibraryModel &Lib) {
  std::optional<HandleOp> Op =
      MC && MC->getMethodDecl() ? Lib.handleMethod(MC->getMethodDecl())
                                : std::nullopt;
  return Op && *Op == HandleOp::Join &&
         Lib.handleTypeKind(MC->getObjectType()) == HandleKind::AsyncFuture;
}

bool inLoopUnder(const Stmt *Root, const Stmt *Target, bool InLoop) {
  if (!Root || isa<LambdaExpr>(Root))
    return false;
  if (Root == Target)
    return InLoop;
  // A counted loop's body: `for (i = b; i < e; ++i)`, a range-for. Not a
  // while loop (`while (!q.push(t)) yield();` retries one task), nor
  // `for (;;)`.
  if (const auto *For = dyn_cast<ForStmt>(Root); For && For->getCond())
    return inLoopUnder(For->getBody(), Target, true) ||
           inLoopUnder(For->getInit(), Target, InLoop);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Root))
    return inLoopUnder(Range->getBody(), Target, true);
  for (const Stmt *Child : Root->children())
    if (inLoopUnder(Child, Target, InLoop))
      return true;
  return false;
}

llvm::SmallVector<const CXXMethodDecl *, 16>
methodsOf(const CXXRecordDecl *Class) {
  llvm::SmallVector<const CXXMethodDecl *, 16> Out;
  for (const Decl *D : Class->decls()) {
    if (const auto *M = dyn_cast<CXXMethodDecl>(D))
      Out.push_back(M);
    else if (const auto *T = dyn_cast<FunctionTemplateDecl>(D))
      for (const FunctionDecl *Spec : T->specializations())
        if (const auto *M = dyn_cast<CXXMethodDecl>(Spec))
          Out.push_back(M);
  }
  return Out;
}

bool calls(const CXXMemberCallExpr *MC, llvm::StringRef Name) {
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  return M && M->getIdentifier() && M->getName() == Name;
}

bool insertsParam(const CXXMethodDecl *M, const LibraryModel &Lib) {
  const FunctionDecl *Def = M ? readableDefinition(M) : nullptr;
  if (!Def || M->isStatic() || Def->getNumParams() == 0)
    return false;
  llvm::SmallPtrSet<const ValueDecl *, 4> Params(Def->param_begin(),
                                                 Def->param_end());
  bool Found = false;
  forEachStmt(Def->getBody(), [&](const Stmt *S) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
    Found = Found ||
            (MC && Lib.isContainerInsert(MC->getMethodDecl()) &&
             fieldOfThis(MC->getImplicitObjectArgument()) &&
             llvm::any_of(MC->arguments(), [&](const Expr *A) {
               return carries(A, Params);
             }));
  });
  return Found;
}

const VarDecl *contextRunners(const VarDecl *Context,
                               llvm::StringRef RunMethods,
                               const LibraryModel &Lib, PoolClass &Pool) {
  const auto *Fn = dyn_cast<FunctionDecl>(Context->getDeclContext());
  if (!Fn || !Fn->getBody() || !Context->hasLocalStorage())
    return nullptr;
  // Whether a thread body calls run() (or run_one(), poll(), ...) on it.
  auto Runs = [&](const Expr *Callable) {
    const FunctionDecl *Body = bodyOf(Callable);
    bool Found = false;
    if (Body && Body->getBody())
      forEachStmt(Body->getBody(), [&](const Stmt *S) {
        const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
        Found = Found ||
                (MC && MC->getMethodDecl() &&
                 MC->getMethodDecl()->getIdentifier() &&
                 listed(RunMethods, MC->getMethodDecl()->getName()) &&
                 SpawnInference::namedObject(MC->getImplicitObjectArgument()) ==
                     Context);
      });
    return Found ? Body : nullptr;
  };
  const VarDecl *Runners = nullptr;
  forEachStmt(Fn->getBody(), [&](const Stmt *S) {
    if (Runners)
      return;
    const Expr *Callable = nullptr;
    const VarDecl *Holder = nullptr;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      // std::thread t([&] { io.run(); });
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D);
            VD && VD->hasLocalStorage() && VD->getInit())
          if (const CXXConstructExpr *CE =
                  threadConstruction(skipImplicit(VD->getInit()), Lib)) {
            Callable = CE->getArg(0);
            Holder = VD;
          }
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
               MC && Lib.isContainerInsert(MC->getMethodDecl()) &&
               MC->getNumArgs() > 0) {
      // threads.emplace_back([&] { io.run(); }), push_back(std::thread(..))
      const auto *VD = dyn_cast_or_null<VarDecl>(
          SpawnInference::namedObject(MC->getImplicitObjectArgument()));
      if (VD && VD->hasLocalStorage() && holdsThreads(VD->getType(), Lib)) {
        const CXXConstructExpr *CE =
            findThreadConstruction(MC->getArg(0), Lib);
        Callable = CE ? CE->getArg(0) : MC->getArg(0);
        Holder = VD;
      }
    }
    if (!Holder || !Callable)
      return;
    if (const FunctionDecl *Body = Runs(Callable)) {
      Runners = Holder;
      Pool.WorkerStart = S->getBeginLoc();
      Pool.WorkerBody = Body;
      Pool.SingleWorker =
          Lib.threadClassKind(Holder->getType()) != HandleKind::None;
      Pool.DestructorJoins = holdsJThreads(Holder->getType(), Lib);
    }
  });
  return Runners;
}

} // namespace fearless::inference
