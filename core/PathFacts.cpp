//===- PathFacts.cpp - What holds of changing scalars on every path -------===//

#include "fearless/PathFacts.h"
#include "fearless/ValueGuards.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/STLExtras.h"
#include <tuple>

using namespace clang;

namespace fearless {

namespace {

// Bounds: a longer clause or one clause too many is dropped (knowledge
// lost, never gained), which also keeps the lattice finite.
constexpr size_t MaxClauseSize = 3;
constexpr size_t MaxClauses = 8;

auto key(const ValueGuard &G) {
  // Source order, not pointer order, so that what a bound drops does not
  // depend on the allocator.
  return std::make_tuple(G.Var->getLocation().getRawEncoding(), G.Var,
                         G.Value, G.Equal);
}

bool same(const ValueGuard &A, const ValueGuard &B) {
  return A.Var == B.Var && A.Value == B.Value && A.Equal == B.Equal;
}

template <typename C> bool sameClause(const C &A, const C &B) {
  return A.size() == B.size() &&
         std::equal(A.begin(), A.end(), B.begin(), same);
}

/// Whether every literal of \p Sub is in \p Super (both sorted).
template <typename C> bool subsumes(const C &Sub, const C &Super) {
  return llvm::all_of(Sub, [&](const ValueGuard &L) {
    return llvm::any_of(Super, [&](const ValueGuard &M) { return same(L, M); });
  });
}

} // namespace

bool PathFacts::operator==(const PathFacts &O) const {
  return Clauses.size() == O.Clauses.size() &&
         std::equal(Clauses.begin(), Clauses.end(), O.Clauses.begin(),
                    [](const Clause &A, const Clause &B) {
                      return sameClause(A, B);
                    });
}

void PathFacts::add(Clause C) {
  llvm::sort(C, [](const ValueGuard &A, const ValueGuard &B) {
    return key(A) < key(B);
  });
  C.erase(std::unique(C.begin(), C.end(), same), C.end());
  if (C.empty() || C.size() > MaxClauseSize)
    return;
  Clauses.push_back(std::move(C));
}

void PathFacts::normalize() {
  // Drop a clause another (shorter or equal, earlier) clause implies.
  llvm::stable_sort(Clauses, [](const Clause &A, const Clause &B) {
    if (A.size() != B.size())
      return A.size() < B.size();
    return std::lexicographical_compare(
        A.begin(), A.end(), B.begin(), B.end(),
        [](const ValueGuard &L, const ValueGuard &R) {
          return key(L) < key(R);
        });
  });
  llvm::SmallVector<Clause, 2> Kept;
  for (Clause &C : Clauses)
    if (llvm::none_of(Kept, [&](const Clause &K) { return subsumes(K, C); }))
      Kept.push_back(std::move(C));
  if (Kept.size() > MaxClauses)
    Kept.resize(MaxClauses);
  Clauses = std::move(Kept);
}

void PathFacts::assign(const ValueDecl *V, std::optional<long long> K) {
  llvm::erase_if(Clauses, [&](const Clause &C) {
    return llvm::any_of(C, [&](const ValueGuard &G) { return G.Var == V; });
  });
  if (K) {
    add(Clause{ValueGuard{V, *K, true}});
    normalize();
  }
}

void PathFacts::assume(llvm::ArrayRef<ValueGuard> Conds) {
  if (Conds.empty())
    return;
  for (const ValueGuard &G : Conds)
    add(Clause{G});
  normalize();
}

bool PathFacts::contradictedBy(llvm::ArrayRef<ValueGuard> Conds) const {
  return llvm::any_of(Clauses, [&](const Clause &C) {
    return llvm::all_of(C, [&](const ValueGuard &L) {
      return llvm::any_of(Conds,
                          [&](const ValueGuard &E) { return contradicts(L, E); });
    });
  });
}

PathFacts PathFacts::join(const PathFacts &A, const PathFacts &B) {
  if (A == B)
    return A;
  // A clause one side holds and the other implies (it has a clause with a
  // subset of its literals) holds after the join; the rest is distributed:
  // (C & A') | (C & B') == C & (A' | B'). Distributing every pair instead
  // gives the same facts after normalize(), at the cost of a product of
  // up to MaxClauses^2 clauses at every join point.
  PathFacts Out;
  llvm::SmallVector<const Clause *, MaxClauses> OnlyA, OnlyB;
  auto Split = [&](const PathFacts &Side, const PathFacts &Other,
                   llvm::SmallVectorImpl<const Clause *> &Only) {
    for (const Clause &C : Side.Clauses) {
      if (llvm::any_of(Other.Clauses,
                       [&](const Clause &D) { return subsumes(D, C); }))
        Out.Clauses.push_back(C);
      else
        Only.push_back(&C);
    }
  };
  Split(A, B, OnlyA);
  Split(B, A, OnlyB);
  for (const Clause *CA : OnlyA)
    for (const Clause *CB : OnlyB) {
      Clause C = *CA;
      C.append(CB->begin(), CB->end());
      Out.add(std::move(C));
    }
  Out.normalize();
  return Out;
}

} // namespace fearless
