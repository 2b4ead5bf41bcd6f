//===- ThreadLifetimeDeferred.cpp - Joins a callable makes ---------------===//
//
// Joins that the owner of a thread does not write as a call of its own but
// hands to a callable: a scope guard runs a lambda when it is destroyed
// (`auto j = gsl::finally([&] { t.join(); });`), an algorithm calls a
// callable with every element of a range (`std::for_each(ts.begin(),
// ts.end(), std::mem_fn(&std::thread::join))`). FactGenerator turns them
// into join facts at the guard's destruction and at the algorithm's call.
//
//===----------------------------------------------------------------------===//

#include "ThreadLifetimeFacts.h"
#include "fearless/ASTUtil.h"
#include "fearless/Library.h"
#include "Summarizer.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace fearless::threadlifetime {

/// \p E without the wrappers a callable argument comes in: implicit casts,
/// temporaries, and copies or moves of a callable object.
static const Expr *stripCallableWrappers(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1) {
      E = CE->getArg(0);
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
          VD && VD->hasLocalStorage() && VD->getInit() &&
          isa<LambdaExpr>(VD->getInit()->IgnoreImplicit())) {
        E = VD->getInit();
        continue;
      }
    return E;
  }
  return E;
}

/// Calls \p Visit on \p Body and the statements in it; nested lambdas are
/// visited but not entered (they run when they are called, not here).
template <class F> static void forEachStatement(const Stmt *Body, F &&Visit) {
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  for (unsigned Seen = 0; !Work.empty() && Seen < 512; ++Seen) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    Visit(S);
    if (S != Body && isa<LambdaExpr>(S))
      continue;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
}

/// The join or detach that callable \p Callable makes on the element it is
/// called with: `std::mem_fn(&std::thread::join)`, or a lambda whose body
/// joins its first parameter (`[](std::thread &t) { t.join(); }`).
static std::optional<HandleOp> opOnArgument(const Expr *Callable,
                                            const LibraryModel &Lib) {
  Callable = stripCallableWrappers(Callable);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Callable)) {
    if (Call->getNumArgs() != 1 ||
        !hasQualifiedName(Call->getDirectCallee(), "std::mem_fn"))
      return std::nullopt;
    const auto *Addr =
        dyn_cast<UnaryOperator>(Call->getArg(0)->IgnoreParenImpCasts());
    const auto *DRE =
        Addr && Addr->getOpcode() == UO_AddrOf
            ? dyn_cast<DeclRefExpr>(Addr->getSubExpr()->IgnoreParens())
            : nullptr;
    return DRE ? Lib.handleMethod(dyn_cast<CXXMethodDecl>(DRE->getDecl()))
               : std::nullopt;
  }
  const auto *LE = dyn_cast_or_null<LambdaExpr>(Callable);
  const CXXMethodDecl *CallOp = LE ? LE->getCallOperator() : nullptr;
  if (!CallOp || CallOp->getNumParams() < 1 || !CallOp->getBody())
    return std::nullopt;
  const ParmVarDecl *Param = CallOp->getParamDecl(0);
  std::optional<HandleOp> Found;
  forEachStatement(CallOp->getBody(), [&](const Stmt *S) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
    if (Found || !MC || !MC->getImplicitObjectArgument())
      return;
    const auto *Obj = dyn_cast<DeclRefExpr>(
        MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
    if (Obj && Obj->getDecl() == Param)
      Found = Lib.handleMethod(MC->getMethodDecl());
  });
  return Found;
}

void elementAlgorithmOps(const CallExpr *Call, const ThreadModel &Model,
                         llvm::SmallVectorImpl<DeferredOp> &Out) {
  const LibraryModel &Lib = Model.library();
  auto Args = elementAlgorithm(Call->getDirectCallee());
  if (!Args || std::max(Args->first, Args->second) >= Call->getNumArgs())
    return;
  const auto *Begin = dyn_cast<CXXMemberCallExpr>(
      stripCallableWrappers(Call->getArg(Args->first)));
  if (!Begin || !isContainerIterator(Begin->getMethodDecl()))
    return;
  std::optional<HandleOp> Op = opOnArgument(Call->getArg(Args->second), Lib);
  if (!Op)
    return;
  if (auto H = Model.resolveHandle(Begin->getImplicitObjectArgument())) {
    H->Element = true;
    Out.push_back({*H, *Op});
  }
}

/// Whether the destructor of \p RD calls one of its members
/// (`~final_action() { if (invoke_) f_(); }`).
static bool destructorCallsMember(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return false;
  const CXXDestructorDecl *Dtor = RD->getDefinition()->getDestructor();
  const FunctionDecl *Def = nullptr;
  if (!Dtor || !Dtor->hasBody(Def) || !Def->getBody())
    return false;
  bool Calls = false;
  forEachStatement(Def->getBody(), [&](const Stmt *S) {
    const Expr *Callee = nullptr;
    if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(S);
        OCE && OCE->getOperator() == OO_Call && OCE->getNumArgs() >= 1)
      Callee = OCE->getArg(0);
    else if (const auto *CE = dyn_cast<CallExpr>(S);
             CE && !isa<CXXMemberCallExpr>(CE))
      Callee = CE->getCallee();
    const auto *ME =
        Callee ? dyn_cast<MemberExpr>(Callee->IgnoreParenImpCasts()) : nullptr;
    if (ME && isa<FieldDecl>(ME->getMemberDecl()) &&
        isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      Calls = true;
  });
  return Calls;
}

/// The joins and detaches the body of \p Lambda makes on handles of the
/// function around it (`[&] { for (auto &t : ts) t.join(); }`).
static void lambdaOps(const LambdaExpr *Lambda, const ThreadModel &Model,
                      llvm::SmallVectorImpl<DeferredOp> &Out) {
  const CXXMethodDecl *CallOp = Lambda->getCallOperator();
  if (!CallOp || !CallOp->getBody())
    return;
  const LibraryModel &Lib = Model.library();
  forEachStatement(CallOp->getBody(), [&](const Stmt *S) {
    const Expr *Handle = nullptr;
    std::optional<HandleOp> Op;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      Op = Lib.handleMethod(MC->getMethodDecl());
      Handle = MC->getImplicitObjectArgument();
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (auto F = Lib.handleFunction(Call->getDirectCallee())) {
        Op = F->first;
        Handle = handleArgument(Call, F->second);
      }
    }
    if (Op && Handle)
      if (auto H = Model.resolveHandle(Handle))
        Out.push_back({*H, *Op});
  });
}

void scopeGuardOps(const VarDecl *VD, const ThreadModel &Model,
                   llvm::SmallVectorImpl<DeferredOp> &Out) {
  if (!VD->getInit() ||
      !destructorCallsMember(VD->getType()->getAsCXXRecordDecl()))
    return;
  // The lambda the guard is made from: an argument of its constructor or
  // of the function returning it (`finally(...)`), or a local lambda named
  // there.
  const LambdaExpr *Lambda = nullptr;
  forEachStatement(VD->getInit(), [&](const Stmt *S) {
    if (Lambda)
      return;
    if (const auto *E = dyn_cast<Expr>(S))
      Lambda = dyn_cast_or_null<LambdaExpr>(stripCallableWrappers(E));
  });
  if (Lambda)
    lambdaOps(Lambda, Model, Out);
}

void calledLambdaOps(Session &S, const CallExpr *Call,
                     const ThreadModel &Model,
                     llvm::SmallVectorImpl<DeferredOp> &Out) {
  // `join_all()` of `auto join_all = [&] { ... };`.
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(Call);
      OCE && OCE->getOperator() == OO_Call && OCE->getNumArgs() >= 1) {
    if (const auto *LE =
            dyn_cast_or_null<LambdaExpr>(stripCallableWrappers(OCE->getArg(0))))
      lambdaOps(LE, Model, Out);
    return;
  }
  // `measure([&] { t.join(); })`: a lambda given to a call runs there,
  // unless the callee keeps it, the call starts a thread that runs it, or
  // it makes a scope guard that runs it later (`finally(...)`).
  if (!Model.spawnsAt(Call).empty() ||
      destructorCallsMember(Call->getType()->getAsCXXRecordDecl()))
    return;
  for (unsigned I = 0; I < Call->getNumArgs(); ++I)
    if (const auto *LE = dyn_cast_or_null<LambdaExpr>(
            stripCallableWrappers(Call->getArg(I)));
        LE && runsLambdaArgument(S, Call, Call->getDirectCallee(), I))
      lambdaOps(LE, Model, Out);
}

} // namespace fearless::threadlifetime
