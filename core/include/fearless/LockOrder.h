//===- LockOrder.h - The order in which locks are taken ---------*- C++ -*-===//
//
// The lock-order model of fearless-deadlock. Function summaries (Access.h)
// list every lock a function takes, directly or through calls, with the
// locks held at that moment; each is an edge "held -> taken" of the lock
// order. Two code paths that may run on different threads at the same time
// (two sides: two threads, a thread and its spawner, copies of one thread, a
// member thread and its class's public members, the public members of a
// fearless::shared class) deadlock when one takes B while holding A and the
// other takes A while holding B, with no third lock held by both (a gate)
// and the modes conflicting (not two shared locks). One thread taking a
// non-recursive mutex it already holds deadlocks by itself.
//
// Which side runs beside which is the checks' business (the thread
// lifetimes of the spawner, Concurrency.h); this file only compares the
// acquisitions of two sides, named in one set of terms.
//
// Vocabulary (docs/checks/deadlock.md has the long form):
//   acquisition  a lock taken at a point, with the locks held there
//   edge         held -> taken, for every held lock of an acquisition
//   inversion    two edges A -> B and B -> A on two sides that may run at
//                the same time: the cycle of two threads each waiting for
//                the other's lock
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_LOCKORDER_H
#define FEARLESS_LOCKORDER_H

#include "fearless/Access.h"
#include "llvm/ADT/ArrayRef.h"
#include <vector>

namespace fearless {

/// One edge of the lock order: the lock \c At takes while \c Held is held.
struct OrderStep {
  const Acquisition *At = nullptr;
  const Lock *Held = nullptr;
};

/// Two edges in opposite directions: First takes B holding A, Second takes
/// A holding B.
struct Inversion {
  OrderStep First;
  OrderStep Second;
};

/// Whether \p M names one lock wherever it appears in one set of terms: a
/// global, a local or parameter of the spawner (\p ParamsIdentify), or
/// *this, with only fields and constant indices below (an element whose
/// index is not known may be another lock each time; every element of a
/// lock array is taken in index order).
bool isIdentifiableLock(const MemLoc &M, bool ParamsIdentify);

/// Whether locking \p M twice on one thread deadlocks: its type is a
/// non-recursive mutex of Models/Deadlock.def.
bool isNonRecursiveMutex(const MemLoc &M);

/// Whether some acquisition is made with an identifiable lock held: the
/// order has an edge at all. Sides without one need no comparison.
bool hasNestedAcquisition(llvm::ArrayRef<Acquisition> Acqs,
                          bool ParamsIdentify);

/// The inversions between the acquisitions of side \p X and side \p Y
/// (\p Same: they are one side, run by several threads at once; each pair
/// is then considered once), each pair of locks once, in the order of X.
std::vector<Inversion> findInversions(llvm::ArrayRef<Acquisition> X,
                                      llvm::ArrayRef<Acquisition> Y, bool Same,
                                      bool ParamsIdentify);

/// The acquisitions in \p Acqs that take a non-recursive mutex already held
/// exclusively (or take it exclusively while it is held shared), with the
/// lock held; each acquisition once.
std::vector<OrderStep> findSelfDeadlocks(llvm::ArrayRef<Acquisition> Acqs);

} // namespace fearless

#endif // FEARLESS_LOCKORDER_H
