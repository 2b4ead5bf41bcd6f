//===- Dataflow.h - A small forward dataflow driver -------------*- C++ -*-===//
//
// Runs a forward analysis over a function's CFG to a fixpoint, visiting
// blocks in reverse post-order. The analysis supplies its lattice (join and
// equality) and its transfer functions (per block and per edge); the driver
// returns the state at the entry of every reachable block, or nothing when
// the budget is exceeded (the caller then reports nothing for the function
// rather than something unsound or slow).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_DATAFLOW_H
#define FEARLESS_DATAFLOW_H

#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include <optional>
#include <vector>

namespace fearless {

/// Entry states of each block by block ID; empty optionals are unreachable.
template <typename State> using BlockStates = std::vector<std::optional<State>>;

/// Solves a forward dataflow problem. \p A must provide
///   State entry();
///   void join(State &Into, const State &From);
///   bool equal(const State &L, const State &R);
///   void transferBlock(const clang::CFGBlock &B, State &S);
///   void transferEdge(const clang::CFGBlock &From, unsigned SuccIndex,
///                     State &S);
/// Each block is visited at most \p MaxVisitsPerBlock times on average.
template <typename State, typename Analysis>
std::optional<BlockStates<State>>
solveForward(const clang::CFG &Cfg, clang::AnalysisDeclContext &ADC,
             Analysis &A, unsigned MaxVisitsPerBlock = 16) {
  BlockStates<State> In(Cfg.getNumBlockIDs());
  const clang::CFGBlock &Entry = Cfg.getEntry();
  In[Entry.getBlockID()] = A.entry();
  clang::ForwardDataflowWorklist Worklist(Cfg, ADC);
  Worklist.enqueueBlock(&Entry);
  size_t Budget = size_t(MaxVisitsPerBlock) * Cfg.getNumBlockIDs() + 64;
  while (const clang::CFGBlock *B = Worklist.dequeue()) {
    if (Budget-- == 0)
      return std::nullopt;
    State Out = *In[B->getBlockID()];
    A.transferBlock(*B, Out);
    unsigned Index = 0;
    for (const clang::CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned ThisIndex = Index++;
      const clang::CFGBlock *S = Succ.getReachableBlock();
      if (!S)
        continue;
      State EdgeState = Out;
      A.transferEdge(*B, ThisIndex, EdgeState);
      std::optional<State> &Target = In[S->getBlockID()];
      if (!Target) {
        Target = std::move(EdgeState);
        Worklist.enqueueBlock(S);
        continue;
      }
      State Joined = *Target;
      A.join(Joined, EdgeState);
      if (!A.equal(Joined, *Target)) {
        Target = std::move(Joined);
        Worklist.enqueueBlock(S);
      }
    }
  }
  return In;
}

/// Solves \p A and replays each reachable block once from its entry state,
/// in block order, calling \p Replay(Block, State) so that the analysis can
/// record observations with the final states. Returns false when the budget
/// is exceeded.
template <typename State, typename Analysis, typename ReplayFn>
bool solveAndReplay(const clang::CFG &Cfg, clang::AnalysisDeclContext &ADC,
                    Analysis &A, ReplayFn Replay) {
  auto In = solveForward<State>(Cfg, ADC, A);
  if (!In)
    return false;
  for (const clang::CFGBlock *B : Cfg) {
    const std::optional<State> &Entry = (*In)[B->getBlockID()];
    if (!Entry)
      continue;
    State S = *Entry;
    Replay(*B, S);
  }
  return true;
}

} // namespace fearless

#endif // FEARLESS_DATAFLOW_H
