//===- LockOrder.cpp - The order in which locks are taken -----------------===//
//
// Lock identity, the recursive-mutex model of Models/Deadlock.def, and the
// comparison of two sides' acquisitions (LockOrder.h).
//
//===----------------------------------------------------------------------===//

#include "fearless/LockOrder.h"
#include "fearless/ASTUtil.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"

using namespace clang;

namespace fearless {

namespace {

constexpr llvm::StringLiteral NonRecursiveMutexes[] = {
#define FEARLESS_NON_RECURSIVE_MUTEX(Name) Name,
#include "fearless/Models/Deadlock.def"
};

/// Whether holding \p Held keeps a thread wanting \p Wanted waiting: not
/// two shared locks.
bool conflicts(const Lock &Held, const Lock &Wanted) {
  return !(Held.Shared && Wanted.Shared);
}

/// Whether \p A and \p B hold a lock in common (a gate that lets only one
/// of them into the inverted order), other than \p X and \p Y; a lock the
/// analysis cannot name may be one.
bool gated(const Acquisition &A, const Acquisition &B, const MemLoc &X,
           const MemLoc &Y) {
  for (const Lock &L : A.Held) {
    if (L.Unknown)
      return true;
    if (L.Mutex == X || L.Mutex == Y)
      continue;
    for (const Lock &M : B.Held)
      if (!M.Unknown && M.Mutex == L.Mutex && conflicts(L, M))
        return true;
  }
  return llvm::any_of(B.Held, [](const Lock &L) { return L.Unknown; });
}

} // namespace

bool isIdentifiableLock(const MemLoc &M, bool ParamsIdentify) {
  if (!M.valid())
    return false;
  if (!ParamsIdentify && !M.IsThis) {
    const auto *VD = dyn_cast_or_null<VarDecl>(M.Root);
    if (!VD || !VD->hasGlobalStorage())
      return false;
  }
  return llvm::all_of(M.Path, [](const PathStep &S) {
    return S.Field || S.Index == PathStep::Constant;
  });
}

bool isNonRecursiveMutex(const MemLoc &M) {
  QualType T = M.type();
  const CXXRecordDecl *RD = T.isNull() ? nullptr : classOf(T);
  if (!RD)
    return false;
  for (llvm::StringRef Name : NonRecursiveMutexes)
    if (hasQualifiedName(RD, Name))
      return true;
  return false;
}

bool hasNestedAcquisition(llvm::ArrayRef<Acquisition> Acqs,
                          bool ParamsIdentify) {
  for (const Acquisition &A : Acqs)
    if (isIdentifiableLock(A.Taken.Mutex, ParamsIdentify))
      for (const Lock &H : A.Held)
        if (!H.Unknown && !(H.Mutex == A.Taken.Mutex) &&
            isIdentifiableLock(H.Mutex, ParamsIdentify))
          return true;
  return false;
}

std::vector<Inversion> findInversions(llvm::ArrayRef<Acquisition> X,
                                      llvm::ArrayRef<Acquisition> Y, bool Same,
                                      bool ParamsIdentify) {
  std::vector<Inversion> Out;
  std::vector<std::pair<const MemLoc *, const MemLoc *>> Seen;
  for (size_t I = 0; I < X.size(); ++I) {
    const Acquisition &A = X[I];
    const MemLoc &B1 = A.Taken.Mutex;
    if (A.Taken.Unknown || A.Held.empty() ||
        !isIdentifiableLock(B1, ParamsIdentify))
      continue;
    for (const Lock &HA : A.Held) {
      const MemLoc &A1 = HA.Mutex;
      if (HA.Unknown || A1 == B1 || !isIdentifiableLock(A1, ParamsIdentify))
        continue;
      bool Done = llvm::any_of(Seen, [&](const auto &P) {
        return (*P.first == A1 && *P.second == B1) ||
               (*P.first == B1 && *P.second == A1);
      });
      if (Done)
        continue;
      for (size_t J = Same ? I + 1 : 0; J < Y.size(); ++J) {
        const Acquisition &B = Y[J];
        if (B.Taken.Unknown || !(B.Taken.Mutex == A1) ||
            !conflicts(HA, B.Taken))
          continue;
        const Lock *HB = nullptr;
        for (const Lock &L : B.Held)
          if (!L.Unknown && L.Mutex == B1 && conflicts(L, A.Taken))
            HB = &L;
        if (!HB || gated(A, B, A1, B1))
          continue;
        Out.push_back({{&A, &HA}, {&B, HB}});
        Seen.push_back({&A1, &B1});
        break;
      }
    }
  }
  return Out;
}

std::vector<OrderStep> findSelfDeadlocks(llvm::ArrayRef<Acquisition> Acqs) {
  std::vector<OrderStep> Out;
  for (const Acquisition &A : Acqs) {
    if (A.Taken.Unknown)
      continue;
    for (const Lock &H : A.Held)
      if (!H.Unknown && H.Mutex == A.Taken.Mutex && conflicts(H, A.Taken) &&
          isNonRecursiveMutex(H.Mutex)) {
        Out.push_back({&A, &H});
        break;
      }
  }
  return Out;
}

} // namespace fearless
