//===- Moves.cpp - The move analysis, step by step ------------------------===//
//
// The driver: finds the moves, classifies the other occurrences of the moved
// variables, and runs the dataflow (MovesInternal.h has the pieces).
//
//===----------------------------------------------------------------------===//

#include "fearless/Moves.h"
#include "MovesInternal.h"
#include "fearless/Dataflow.h"
#include "fearless/FunctionAnalysis.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/TimeProfiler.h"
#include <algorithm>

using namespace clang;

namespace fearless {

using namespace moves;

std::unique_ptr<MoveAnalysis> MoveAnalysis::compute(FunctionAnalysis &FA) {
  llvm::TimeTraceScope Scope("fearless moves");
  auto Result = std::make_unique<MoveAnalysis>();
  MoveFacts Facts(Result->Moves, FA.function(),
                  FA.session().library().options().flag("SubObjectMoves"));
  MoveFinder(FA, Facts).findMoves();
  if (Result->Moves.empty())
    return nullptr;
  OccurrenceClassifier Classifier(FA, Facts);
  Classifier.classifyOccurrences();
  Classifier.sequenceReinits();
  FoundUses Found(Result->Uses);
  Classifier.findUnsequenced(Found);

  const CFG *Cfg = FA.cfg();
  if (!Cfg)
    return nullptr;
  Classifier.findStateTests(*Cfg);
  const SourceManager &SM = FA.astContext().getSourceManager();
  MoveDataflow Dataflow(Facts, Found, SM);
  if (!solveAndReplay<State>(*Cfg, FA.declContext(), Dataflow,
                             [&](const CFGBlock &B, State &S) {
                               Dataflow.apply(B, S, /*Record=*/true);
                             }))
    return nullptr;
  dropInfeasibleUses(Facts, *Cfg, FA.parents(), FA.astContext(),
                     Result->Uses);
  for (UseAfterMove &U : Result->Uses)
    U.Inside = Facts.ReadInside.lookup(U.Use);
  std::sort(Result->Uses.begin(), Result->Uses.end(),
            [&](const UseAfterMove &A, const UseAfterMove &B) {
              return SM.isBeforeInTranslationUnit(A.Use->getBeginLoc(),
                                                  B.Use->getBeginLoc());
            });
  return Result;
}

} // namespace fearless
