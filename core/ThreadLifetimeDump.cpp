//===- ThreadLifetimeDump.cpp - The "threads" dump ------------------------===//

#include "ThreadLifetimeDataflow.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fearless::threadlifetime {

static llvm::StringRef spawnKindName(SpawnKind K) {
  switch (K) {
  case SpawnKind::ThreadConstructor:
    return "thread-constructor";
  case SpawnKind::ContainerEmplace:
    return "container-emplace";
  case SpawnKind::PointerFactory:
    return "pointer-factory";
  case SpawnKind::SpawnFunction:
    return "spawn-function";
  case SpawnKind::DetachedCall:
    return "detached-call";
  case SpawnKind::ScopedCall:
    return "scoped-call";
  case SpawnKind::PoolSubmit:
    return "pool-submit";
  case SpawnKind::CoroutineCall:
    return "coroutine-call";
  case SpawnKind::ChannelSend:
    return "channel-send";
  }
  return "?";
}

static llvm::StringRef handleKindName(HandleKind K) {
  switch (K) {
  case HandleKind::None:
    return "none";
  case HandleKind::Thread:
    return "thread";
  case HandleKind::JThread:
    return "jthread";
  case HandleKind::AsyncFuture:
    return "async-future";
  case HandleKind::PThread:
    return "pthread";
  case HandleKind::CThread:
    return "c-thread";
  }
  return "?";
}

static llvm::StringRef sinkKindName(SinkKind K) {
  switch (K) {
  case SinkKind::Local:
    return "local";
  case SinkKind::Member:
    return "member";
  case SinkKind::Global:
    return "global";
  case SinkKind::Temporary:
    return "temporary";
  case SinkKind::Returned:
    return "returned";
  case SinkKind::Escaped:
    return "escaped";
  case SinkKind::None:
    return "none";
  }
  return "?";
}

static llvm::StringRef borrowKindName(BorrowKind K) {
  switch (K) {
  case BorrowKind::Capture:
    return "capture";
  case BorrowKind::RefWrapper:
    return "ref-wrapper";
  case BorrowKind::Address:
    return "address";
  case BorrowKind::Storage:
    return "storage";
  case BorrowKind::ThroughPointer:
    return "through-pointer";
  case BorrowKind::ThroughObject:
    return "through-object";
  case BorrowKind::ReferenceParameter:
    return "reference-parameter";
  case BorrowKind::Closure:
    return "closure";
  }
  return "?";
}

void ThreadLifetimeBuilder::dumpFacts(llvm::raw_ostream &OS,
                                      const CFG &Cfg) const {
  const SourceManager &SM = FA.astContext().getSourceManager();
  auto Line = [&](SourceLocation L) {
    return L.isValid() ? SM.getPresumedLineNumber(L) : 0;
  };
  OS << "threads of " << Model.function()->getQualifiedNameAsString() << "\n";
  for (const SpawnSite &S : Model.spawns()) {
    OS << "  spawn " << S.Id << " line " << Line(S.Spawn->getBeginLoc()) << ": "
       << spawnKindName(S.Kind) << " handle=" << handleKindName(S.Handle)
       << " sink=" << sinkKindName(S.Sink.Kind);
    if (S.ThisObject)
      OS << ":*this";
    else if (S.Sink.Decl)
      OS << ":" << S.Sink.Decl->getName() << (S.Sink.Element ? "[]" : "");
    OS << " body=";
    if (S.Body.Lambda)
      OS << "lambda";
    else if (S.Body.Function)
      OS << S.Body.Function->getQualifiedNameAsString();
    else
      OS << "unknown";
    if (S.Pool)
      OS << " pool=" << S.Pool->getName();
    if (S.Inferred)
      OS << " inferred-from=" << S.Callee->getName();
    if (S.InLoop)
      OS << " in-loop";
    if (Out.MultiInstance.test(S.Id))
      OS << " multi";
    OS << "\n";
    for (const Borrow &B : S.Borrows) {
      OS << "    borrows " << (B.Var ? B.Var->getName() : "a temporary")
         << " by "
         << borrowKindName(B.Kind);
      if (B.Via)
        OS << " via " << B.Via->getName();
      OS << " line " << Line(B.Loc) << "\n";
    }
  }
  for (const OutlivedBorrow &O : Out.Outlived)
    OS << "  outlived: spawn " << O.Spawn << " "
       << (Model.spawns()[O.Spawn].Borrows[O.BorrowIndex].Var
               ? Model.spawns()[O.Spawn].Borrows[O.BorrowIndex].Var->getName()
               : "a temporary")
       << " dies line " << Line(O.DeathLoc)
       << " state=" << unsigned(O.State.Bits) << "\n";
  for (const JoinableDestroyed &D : Out.Destroyed)
    OS << "  joinable-destroyed: spawn " << D.Spawn << " line " << Line(D.Loc)
       << "\n";
  for (const auto &P : Out.Overlaps)
    OS << "  overlap: " << P.first << " " << P.second << "\n";
  (void)Cfg;
}

} // namespace fearless::threadlifetime
