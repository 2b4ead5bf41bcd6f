//===- SummaryStore.h - The translation unit's cached summaries -*- C++ -*-===//
//
// The caches of the Summarizer's results (FunctionSummary, Access.h) and of
// the locks a callee returns held (ReturnedLocks, Locks.h), one per
// Session. Both depend on the call-depth budget left and nothing else: a
// result records how many levels it needed, and one that needed no more
// than it had serves every budget of at least that many levels, so no
// result depends on which check or caller asked for it first.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_SUMMARYSTORE_H
#define FEARLESS_SUMMARYSTORE_H

#include "fearless/Access.h"
#include "fearless/Locks.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <memory>
#include <tuple>
#include <vector>

namespace fearless {

class Session;

/// What a Summarizer's replay records.
enum class SummaryPass {
  /// The accesses and the acquisitions (Session::summary).
  Accesses,
  /// The same for a callee expanded into its caller's summary, without the
  /// locks held by every caller on entry: the caller's lockset at the call
  /// holds them already.
  ExpandedAccesses,
  /// Only the locks held at each call (Session::locksAtCalls).
  LocksAtCalls,
  /// Only the acquisitions, its callees' included, with no locks from its
  /// callers (Session::acquisitionSummary).
  Acquisitions,
  /// Accesses like Accesses, but the calls and lambdas are expanded only at
  /// the statements where a thread the function starts may run (its
  /// ThreadLifetime): the spawning function's side of the data-race check
  /// (Session::concurrentSummary).
  ConcurrentAccesses,
};

/// Whether a result computed with \p SlotHeight levels of calls left below
/// it, of which it needed \p Need, is the result for \p Height levels: the
/// same height, or one nothing was cut off from (Need <= SlotHeight) that
/// needs no more than \p Height.
inline bool servesHeight(unsigned SlotHeight, unsigned Need, unsigned Height) {
  return SlotHeight == Height || (Need <= SlotHeight && Need <= Height);
}

/// The summaries and returned locks of one translation unit.
class SummaryStore {
public:
  explicit SummaryStore(Session &S) : S(S) {}

  /// The summary of \p FD made by pass \p Pass (not LocksAtCalls), asked
  /// for \p Depth levels of expanded calls down; null while it is being
  /// computed or when \p FD has no body (Session::summary).
  const FunctionSummary *get(const clang::FunctionDecl *FD, bool LocalsShared,
                             unsigned Depth,
                             const clang::CXXRecordDecl *Dynamic,
                             SummaryPass Pass);

  /// What \p FD leaves its callers holding or released, asked for \p Depth
  /// calls down (Session::returnedLocks).
  const ReturnedLocks *returned(const clang::FunctionDecl *FD, unsigned Depth);

private:
  Session &S;
  /// A summary computed with a call-depth budget (Height levels of
  /// expanded calls); null while being computed.
  struct SummarySlot {
    unsigned Height;
    std::unique_ptr<FunctionSummary> Summary;
  };
  /// Per function, LocalsShared, dynamic class of *this and pass, the
  /// summaries of the budgets that were asked for and could differ.
  std::map<std::tuple<const clang::FunctionDecl *, bool,
                      const clang::CXXRecordDecl *, unsigned>,
           std::vector<SummarySlot>>
      Summaries;
  /// A ReturnedLocks computed with Height levels of calls below it left.
  struct ReturnedSlot {
    unsigned Height;
    std::unique_ptr<ReturnedLocks> Result;
  };
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<ReturnedSlot>>
      Returned;
  /// The Need of the ReturnedLocks being computed, raised by the callees'
  /// that its calls ask for (null when none is being computed).
  unsigned *ReturnedNeed = nullptr;
};

} // namespace fearless

#endif // FEARLESS_SUMMARYSTORE_H
