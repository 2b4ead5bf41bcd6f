//===- ExecutorModels.cpp - Library executors of Models/Executors.def -----===//
//
// See ExecutorModels.h: the tables of Models/Executors.def as lookups, and
// the pools of library executors (ExecutorPools).
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

const PoolClass *ExecutorPools::poolOf(const ExecutorModel &M) {
  auto &P = Pools[&M];
  if (!P) {
    P = std::make_unique<PoolClass>();
    P->SingleWorker = M.OneWorker;
    P->DestructorJoins = M.DestructorWaits;
  }
  return P.get();
}

const VarDecl *ExecutorPools::runnersOf(const VarDecl *Context,
                                        llvm::StringRef RunMethods) {
  auto [It, New] = Runners.try_emplace(Context, nullptr);
  if (!New)
    return It->second;
  auto Pool = std::make_unique<PoolClass>();
  const VarDecl *Found = contextRunners(Context, RunMethods, Lib, *Pool);
  if (!Found)
    return nullptr;
  Pools[Found] = std::move(Pool);
  Runners[Context] = Found;
  return Found;
}

const InferredSpawn *
ExecutorPools::submitThrough(const CallExpr *Call, const FunctionDecl *Callee,
                             const ExecutorFunctionModel &M,
                             const ValueDecl **PoolObject) {
  if (std::max(M.ExecutorArg, M.CallableArg) >= Call->getNumArgs() ||
      M.CallableArg >= Callee->getNumParams() ||
      !isCallableType(Call->getArg(M.CallableArg)->getType()))
    return nullptr;
  const ValueDecl *Object = poolArgument(Call->getArg(M.ExecutorArg), M.Accessor);
  if (!Object)
    return nullptr; // a strand, an executor kept apart, a temporary
  const CXXRecordDecl *RD = classOf(Object->getType());
  const PoolClass *Pool = nullptr;
  if (const ExecutorModel *Model = executorOf(RD)) {
    Pool = poolOf(*Model);
  } else if (const ContextModel *C = contextOf(RD)) {
    // An io_context: only when threads started before run it. Those
    // threads are the pool; joining them waits for the handlers.
    const auto *VD = dyn_cast<VarDecl>(Object);
    const VarDecl *Threads = VD ? runnersOf(VD, C->RunMethods) : nullptr;
    if (!Threads)
      return nullptr;
    Pool = Pools[Threads].get();
    if (!Callee->getASTContext().getSourceManager().isBeforeInTranslationUnit(
            Pool->WorkerStart, Call->getBeginLoc()))
      return nullptr; // no thread runs it yet where the handler is posted
    Object = Threads;
  }
  if (!Pool)
    return nullptr;
  if (PoolObject)
    *PoolObject = Object;
  auto &Slot = Submits[{Callee, Pool}];
  if (!Slot)
    Slot = std::make_unique<InferredSpawn>(
        InferredSpawn{InferredSpawn::Pool, M.CallableArg, Callee->getLocation(),
                      nullptr, Pool});
  return Slot.get();
}

} // namespace fearless
