//===- ThreadWrappers.cpp - Wrappers of C thread functions ----------------===//

#include "fearless/ThreadWrappers.h"
#include "InferenceUtil.h"
#include "fearless/ASTUtil.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace fearless {

ThreadWrappers::~ThreadWrappers() = default;

namespace {

/// How many wrappers of wrappers are followed.
constexpr unsigned MaxDepth = 3;

/// Visits the statements of \p S, not those inside lambdas or blocks (they
/// run when they are called, not when the function does).
template <class Fn> void forEachStmtIn(const Stmt *S, Fn &&F) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  F(S);
  for (const Stmt *Child : S->children())
    forEachStmtIn(Child, F);
}

/// Visits the calls of \p S, as forEachStmtIn.
template <class Fn> void forEachCall(const Stmt *S, Fn &&F) {
  forEachStmtIn(S, [&](const Stmt *St) {
    if (const auto *Call = dyn_cast<CallExpr>(St))
      F(Call);
  });
}

/// The parameter of \p FD that \p E names, after parentheses and casts.
const ParmVarDecl *paramOf(const FunctionDecl *FD, const Expr *E) {
  const auto *DRE = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()) : nullptr;
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  return P && P->getDeclContext() == FD ? P : nullptr;
}

} // namespace

namespace inference {

const FunctionDecl *functionOf(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
}

const FunctionDecl *readableDefinition(const FunctionDecl *FD) {
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || Def->isDependentContext() ||
      Def->isInvalidDecl() || Def->isInStdNamespace())
    return nullptr;
  return Def;
}

} // namespace inference

using inference::functionOf;
using inference::readableDefinition;

std::optional<unsigned>
ThreadWrappers::trampolineParam(const FunctionDecl *FD) {
  FD = readableDefinition(FD);
  if (!FD || FD->getNumParams() == 0)
    return std::nullopt;
  // The parameter itself, or a local initialised once from it
  // (`void (*f)(void) = (void (*)(void))arg; f();`).
  auto Source = [&](const Expr *Callee) -> const ParmVarDecl * {
    if (const ParmVarDecl *P = paramOf(FD, Callee))
      return P;
    const auto *DRE = dyn_cast<DeclRefExpr>(Callee->IgnoreParenCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) ||
        !VD->getInit() || !VD->getType().isConstQualified())
      return nullptr;
    return paramOf(FD, VD->getInit());
  };
  std::optional<unsigned> Found;
  bool Ambiguous = false;
  forEachCall(FD->getBody(), [&](const CallExpr *Call) {
    if (Call->getNumArgs() != 0 || Call->getDirectCallee())
      return;
    const ParmVarDecl *P = Source(Call->getCallee());
    if (!P || !P->getType()->isPointerType())
      return;
    if (Found && *Found != P->getFunctionScopeIndex())
      Ambiguous = true;
    Found = P->getFunctionScopeIndex();
  });
  if (Ambiguous)
    return std::nullopt;
  return Found;
}

bool ThreadWrappers::isTrampoline(const Expr *E) {
  const FunctionDecl *FD = functionOf(E);
  return FD && FD->getNumParams() == 1 && trampolineParam(FD) == 0u;
}

const SpawnFunctionModel *
ThreadWrappers::spawnWrapper(const FunctionDecl *FD) const {
  FD = readableDefinition(FD);
  // Not an operator: its call's arguments count the object.
  if (!FD || !FD->getIdentifier() || FD->isOverloadedOperator() ||
      llvm::none_of(FD->parameters(), [](const ParmVarDecl *P) {
        return P->getType()->isFunctionPointerType() ||
               P->getType()->isVoidPointerType();
      }))
    return nullptr;
  if (auto It = Spawns.find(FD); It != Spawns.end())
    return It->second.get();
  if (InProgress.size() > MaxDepth || !InProgress.try_emplace(FD, true).second)
    return nullptr; // a wrapper of itself, or too deep
  std::unique_ptr<SpawnFunctionModel> S = inferSpawn(FD);
  InProgress.erase(FD);
  auto &Slot = Spawns[FD];
  Slot = std::move(S);
  return Slot.get();
}

std::unique_ptr<SpawnFunctionModel>
ThreadWrappers::inferSpawn(const FunctionDecl *FD) const {
  ASTContext &Ctx = FD->getASTContext();
  std::optional<SpawnFunctionModel> Found;
  unsigned Calls = 0;
  forEachCall(FD->getBody(), [&](const CallExpr *Call) {
    const SpawnFunctionModel *M = Lib.spawnFunction(Call->getDirectCallee());
    if (!M || M->CallableArg < 0 || M->HandleArg < 0 ||
        unsigned(M->CallableArg) >= Call->getNumArgs() ||
        unsigned(M->HandleArg) >= Call->getNumArgs() ||
        (M->ContextArg >= 0 && unsigned(M->ContextArg) >= Call->getNumArgs()))
      return;
    ++Calls;
    // The handle: the caller's, through a pointer parameter.
    const ParmVarDecl *Handle = paramOf(FD, Call->getArg(M->HandleArg));
    if (!Handle || !Handle->getType()->isPointerType() ||
        Lib.handleTypeKind(Handle->getType()->getPointeeType()) ==
            HandleKind::None)
      return;
    const Expr *Context =
        M->ContextArg >= 0 ? Call->getArg(M->ContextArg) : nullptr;
    bool NoContext =
        !Context || Context->IgnoreParenCasts()->isNullPointerConstant(
                        Ctx, Expr::NPC_ValueDependentIsNotNull) !=
                        Expr::NPCK_NotNull;
    const ParmVarDecl *ContextParam = Context ? paramOf(FD, Context) : nullptr;
    SpawnFunctionModel W{FD->getName(), -1, int(Handle->getFunctionScopeIndex()),
                         -1, M->Kind};
    if (const ParmVarDecl *Callable = paramOf(FD, Call->getArg(M->CallableArg));
        Callable && (NoContext || ContextParam)) {
      // pthread_create(t, 0, fn, arg): the caller's start routine and
      // argument.
      W.CallableArg = int(Callable->getFunctionScopeIndex());
      W.ContextArg =
          ContextParam ? int(ContextParam->getFunctionScopeIndex()) : -1;
    } else if (ContextParam && isTrampoline(Call->getArg(M->CallableArg))) {
      // pthread_create(t, 0, trampoline, (void *)entry): the caller's
      // function, called with no argument.
      W.CallableArg = int(ContextParam->getFunctionScopeIndex());
    } else {
      return;
    }
    if (W.CallableArg == W.HandleArg || W.ContextArg == W.HandleArg)
      return;
    Found = W;
  });
  // One spawn, and it is the caller's: a function that starts several
  // threads, or one of its own, is not a wrapper.
  if (!Found || Calls != 1)
    return nullptr;
  return std::make_unique<SpawnFunctionModel>(*Found);
}

bool ThreadWrappers::isHandleParam(const ParmVarDecl *P) const {
  QualType T = P->getType();
  // A pointer is a reference for this purpose (`uv_thread_join(&t)`).
  bool Ref = T->isLValueReferenceType() || T->isPointerType();
  T = T->isPointerType() ? T->getPointeeType() : T.getNonReferenceType();
  switch (Lib.handleTypeKind(T)) {
  case HandleKind::PThread:
  case HandleKind::CThread:
    return true; // an id: a copy names the same thread
  case HandleKind::None:
    // A container of threads, or an object of a thread class, by reference.
    return Ref && (Lib.handleTypeKind(LibraryModel::elementType(T)) !=
                       HandleKind::None ||
                   threadClass(T->getAsCXXRecordDecl()));
  default:
    return Ref; // a thread object by value is the callee's own
  }
}

std::optional<std::pair<HandleOp, unsigned>>
ThreadWrappers::handleWrapper(const FunctionDecl *FD) const {
  FD = readableDefinition(FD);
  if (!FD || !FD->getIdentifier() || FD->isOverloadedOperator() ||
      llvm::none_of(FD->parameters(),
                    [&](const ParmVarDecl *P) { return isHandleParam(P); }))
    return std::nullopt;
  if (auto It = Handles.find(FD); It != Handles.end())
    return It->second;
  if (InProgress.size() > MaxDepth || !InProgress.try_emplace(FD, true).second)
    return std::nullopt;
  // The variables of range-fors over a parameter (`for (auto &t : ts)`).
  llvm::DenseMap<const VarDecl *, const ParmVarDecl *> LoopOver;
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    if (const auto *For = dyn_cast<CXXForRangeStmt>(S))
      if (const ParmVarDecl *P = paramOf(FD, For->getRangeInit()))
        LoopOver[For->getLoopVariable()] = P;
  });
  // The handle parameter \p E names: itself, or an element of it (`ts[i]`,
  // the variable of a range-for over it).
  auto HandleParam = [&](const Expr *E) -> const ParmVarDecl * {
    E = E->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_Deref)
      E = UO->getSubExpr()->IgnoreParenImpCasts(); // pthread_join(*tid, 0)
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      E = ASE->getBase()->IgnoreParenImpCasts(); // pthread_join(tids[i], 0)
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
        OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
      E = OC->getArg(0);
    if (const ParmVarDecl *P = paramOf(FD, E))
      return isHandleParam(P) ? P : nullptr;
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    const ParmVarDecl *P = VD ? LoopOver.lookup(VD) : nullptr;
    return P && isHandleParam(P) ? P : nullptr;
  };
  std::optional<std::pair<HandleOp, unsigned>> Found;
  bool Ambiguous = false;
  forEachCall(FD->getBody(), [&](const CallExpr *Call) {
    std::optional<HandleOp> Kind;
    const ParmVarDecl *P = nullptr;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      // t.join() on a thread object parameter, or on its elements.
      Kind = Lib.handleMethod(MC->getMethodDecl());
      P = Kind && MC->getImplicitObjectArgument()
              ? HandleParam(MC->getImplicitObjectArgument())
              : nullptr;
    } else if (auto Op = Lib.handleFunction(Call->getDirectCallee());
               Op && Op->second < Call->getNumArgs()) {
      Kind = Op->first;
      P = HandleParam(Call->getArg(Op->second));
    }
    if (!Kind || !P)
      return;
    std::pair<HandleOp, unsigned> This{*Kind, P->getFunctionScopeIndex()};
    if (Found && Found->second != This.second)
      Ambiguous = true; // two handles
    // Joins on one path, detaches on another: either way the handle is not
    // joinable afterwards; whether the thread still runs is not known, so
    // it counts as the join (nothing after the call is paired with it).
    if (!Found || This.first == HandleOp::Join)
      Found = This;
  });
  InProgress.erase(FD);
  if (Ambiguous)
    Found.reset();
  Handles[FD] = Found;
  return Found;
}

bool ThreadWrappers::storesHandleElsewhere(const FunctionDecl *Helper,
                                           const Expr *Inner) const {
  const auto *Call = dyn_cast<CallExpr>(Inner);
  const SpawnFunctionModel *M =
      Call ? Lib.spawnFunction(Call->getDirectCallee()) : nullptr;
  if (!M || M->HandleArg < 0 || unsigned(M->HandleArg) >= Call->getNumArgs())
    return false;
  const auto *UO = dyn_cast<UnaryOperator>(
      Call->getArg(M->HandleArg)->IgnoreParenImpCasts());
  const VarDecl *Tid =
      UO && UO->getOpcode() == UO_AddrOf ? referencedVar(UO->getSubExpr())
                                         : nullptr;
  if (!Tid || !Tid->hasLocalStorage())
    return false;
  bool Stored = false;
  forEachStmtIn(Helper->getBody(), [&](const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->getOpcode() == BO_Assign &&
        referencedVar(BO->getRHS()) == Tid) {
      const VarDecl *To = referencedVar(BO->getLHS());
      Stored |= !To || !To->hasLocalStorage();
    }
  });
  return Stored;
}

const Expr *ThreadWrappers::callerCallable(const Expr *E,
                                           const FunctionDecl *Helper,
                                           const Expr *Callable) {
  const auto *Call = dyn_cast<CallExpr>(E);
  const ParmVarDecl *P = paramOf(Helper, Callable);
  if (!Call || isa<CXXOperatorCallExpr>(Call) || !P ||
      !(P->getType()->isFunctionPointerType() ||
        P->getType()->isVoidPointerType()) ||
      P->getFunctionScopeIndex() >= Call->getNumArgs())
    return Callable;
  return Call->getArg(P->getFunctionScopeIndex());
}

} // namespace fearless
