//===- ThreadModel.cpp - Where threads start, what they run and borrow ----===//
//
// ThreadModel wires its parts together (ThreadModelInternal.h) and forwards
// its queries to them.
//
//===----------------------------------------------------------------------===//

#include "ThreadModelInternal.h"
#include "fearless/Threads.h"

using namespace clang;

namespace fearless {

bool ThreadModel::isSpawnExpr(const Expr *E, const LibraryModel &Lib) {
  return threadmodel::SpawnRecognizer::isSpawnExpr(E, Lib);
}

ThreadModel::ThreadModel(const FunctionDecl *FD, const LibraryModel &Lib,
                         const ParentMap &PM,
                         llvm::ArrayRef<const Expr *> SpawnExprs,
                         llvm::ArrayRef<const Expr *> CoroutineCalls,
                         const CoroutineModel *Coroutines)
    : FD(FD), Lib(Lib), PM(PM), FrameModel(Coroutines != nullptr),
      Handles(std::make_unique<threadmodel::HandleTracker>(FD, Lib, PM)) {
  threadmodel::BorrowCollector Borrows(FD, Lib, Handles->locals());
  threadmodel::SpawnRecognizer Recognizer(Lib, PM, *Handles, Borrows, Spawns,
                                          SpawnIndex);
  for (const Expr *E : SpawnExprs)
    Recognizer.addSpawn(E);
  if (Coroutines)
    for (const Expr *E : CoroutineCalls)
      Recognizer.addCoroutineCall(E, *Coroutines);
}

ThreadModel::~ThreadModel() = default;

llvm::ArrayRef<unsigned> ThreadModel::spawnsAt(const Expr *E) const {
  auto It = SpawnIndex.find(E);
  if (It == SpawnIndex.end())
    return {};
  return It->second;
}

std::optional<HandleRef> ThreadModel::resolveHandle(const Expr *E) const {
  return Handles->resolveHandle(E);
}

HandleSink ThreadModel::sinkOf(const Expr *E) const {
  return Handles->findSink(E);
}

const Stmt *ThreadModel::semanticParent(const Stmt *E) const {
  return Handles->semanticParent(E);
}

} // namespace fearless
