//===- ExecutorModels.cpp - Library executors of Models/Executors.def -----===//
//
// See ExecutorModels.h; and SpawnInference::submitThrough, which makes a
// call of an executor function (Asio's post) a pool submit.
//
//===----------------------------------------------------------------------===//

#include "ExecutorModels.h"
#include "InferenceUtil.h"
#include "fearless/ASTUtil.h"
#include "fearless/SpawnInference.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>

using namespace clang;

namespace fearless {

namespace inference {

constexpr ExecutorModel Executors[] = {
#define FEARLESS_EXECUTOR(Class, Submit, Waits, DestructorWaits, OneWorker)    \
  {Class, Submit, Waits, DestructorWaits, OneWorker},
#include "fearless/Models/Executors.def"
};

const ExecutorModel *executorOf(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return nullptr;
  for (const ExecutorModel &M : Executors)
    if (hasQualifiedName(RD, M.Class))
      return &M;
  return nullptr;
}

constexpr ExecutorFunctionModel ExecutorFunctions[] = {
#define FEARLESS_EXECUTOR_FUNCTION(Function, ExecutorArg, CallableArg,         \
                                   Accessor)                                   \
  {Function, ExecutorArg, CallableArg, Accessor},
#include "fearless/Models/Executors.def"
};

const ExecutorFunctionModel *executorFunctionOf(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier() || isa<CXXMethodDecl>(FD))
    return nullptr;
  llvm::StringRef Name = FD->getName();
  for (const ExecutorFunctionModel &M : ExecutorFunctions)
    if (M.Function.ends_with(Name) && hasQualifiedName(FD, M.Function))
      return &M;
  return nullptr;
}

constexpr ContextModel Contexts[] = {
#define FEARLESS_EXECUTION_CONTEXT(Class, RunMethods) {Class, RunMethods},
#include "fearless/Models/Executors.def"
};

const ContextModel *contextOf(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return nullptr;
  for (const ContextModel &M : Contexts)
    if (hasQualifiedName(RD, M.Class))
      return &M;
  return nullptr;
}

const ValueDecl *poolArgument(const Expr *Arg, llvm::StringRef Accessor) {
  const Expr *E = skipImplicit(Arg);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && MC->getMethodDecl() && MC->getMethodDecl()->getIdentifier() &&
      MC->getMethodDecl()->getName() == Accessor)
    E = MC->getImplicitObjectArgument();
  return SpawnInference::namedObject(E);
}

} // namespace inference

using namespace inference;

const InferredSpawn *SpawnInference::submitThrough(
    const CallExpr *Call, const FunctionDecl *Callee, unsigned ExecutorArg,
    unsigned CallableArg, llvm::StringRef Accessor,
    const ValueDecl **PoolObject) const {
  if (std::max(ExecutorArg, CallableArg) >= Call->getNumArgs() ||
      CallableArg >= Callee->getNumParams() ||
      !isCallableType(Call->getArg(CallableArg)->getType()))
    return nullptr;
  const ValueDecl *Object = poolArgument(Call->getArg(ExecutorArg), Accessor);
  if (!Object)
    return nullptr; // a strand, an executor kept apart, a temporary
  const CXXRecordDecl *RD = classOf(Object->getType());
  const PoolClass *Pool = nullptr;
  if (const ExecutorModel *Model = executorOf(RD)) {
    auto &P = ModelPools[Model];
    if (!P) {
      P = std::make_unique<PoolClass>();
      P->SingleWorker = Model->OneWorker;
      P->DestructorJoins = Model->DestructorWaits;
    }
    Pool = P.get();
  } else if (const ContextModel *C = contextOf(RD)) {
    // An io_context: only when threads started before run it. Those
    // threads are the pool; joining them waits for the handlers.
    const auto *VD = dyn_cast<VarDecl>(Object);
    const ValueDecl *Runners = VD ? runnersOf(VD, C->RunMethods) : nullptr;
    if (!Runners)
      return nullptr;
    Pool = ModelPools[Runners].get();
    if (!Callee->getASTContext().getSourceManager().isBeforeInTranslationUnit(
            Pool->WorkerStart, Call->getBeginLoc()))
      return nullptr; // no thread runs it yet where the handler is posted
    Object = Runners;
  }
  if (!Pool)
    return nullptr;
  if (PoolObject)
    *PoolObject = Object;
  auto &Slot = ModelSubmits[{Callee, Pool}];
  if (!Slot)
    Slot = std::make_unique<InferredSpawn>(
        InferredSpawn{InferredSpawn::Pool, CallableArg, Callee->getLocation(),
                      nullptr, Pool, int(ExecutorArg)});
  return Slot.get();
}

} // namespace fearless
