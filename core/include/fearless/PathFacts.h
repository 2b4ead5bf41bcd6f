//===- PathFacts.h - What holds of changing scalars on every path -*- C++ -*-===//
//
// The thread-lifetime dataflow refines a branch on a flag that is tested
// twice (`if (!st) spawn; ... if (!st) join;`). When the flag is a value the
// function cannot change, the guards of the spawn say it all
// (ValueGuards.h). When it is a local the function writes (`st = 1;` on some
// paths, with another flag set beside it), what holds since the spawn is a
// conjunction of clauses, each a disjunction of conditions on such locals:
// branch edges and constant assignments add clauses, writes remove those on
// the written variable, and a join point keeps what holds on both sides.
// Only locals whose every use is a read or a direct write are tracked, so no
// call, pointer or thread can change them behind the analysis's back; and
// static globals the function only reads or assigns directly that no
// callee (by its summary) and no thread it starts writes.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_PATHFACTS_H
#define FEARLESS_PATHFACTS_H

#include "fearless/Access.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace fearless {

/// A conjunction of clauses (disjunctions of ValueGuards), bounded in size:
/// what is dropped is only knowledge lost, never a wrong conclusion.
class PathFacts {
public:
  /// \p V is written: with a known constant \p K, `V == K` holds after it.
  void assign(const clang::ValueDecl *V, std::optional<long long> K);
  /// Every condition of \p Conds holds from here.
  void assume(llvm::ArrayRef<ValueGuard> Conds);
  /// Whether some clause cannot hold when every condition of \p Conds does.
  bool contradictedBy(llvm::ArrayRef<ValueGuard> Conds) const;
  /// What holds on both \p A's and \p B's paths.
  static PathFacts join(const PathFacts &A, const PathFacts &B);

  bool operator==(const PathFacts &O) const;
  bool empty() const { return Clauses.empty(); }

private:
  using Clause = llvm::SmallVector<ValueGuard, 2>;
  void add(Clause C);
  void normalize();
  llvm::SmallVector<Clause, 2> Clauses;
};

} // namespace fearless

#endif // FEARLESS_PATHFACTS_H
