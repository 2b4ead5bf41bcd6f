//===- ThreadAccesses.h - What a thread touches -----------------*- C++ -*-===//
//
// The accesses of a thread body (its function summary, Access.h) mapped into
// the terms of the function that spawned it, so that they can be compared
// with the spawner's own accesses, with other threads', and with the member
// functions that run beside a member thread (Concurrency.h).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_THREADACCESSES_H
#define FEARLESS_THREADACCESSES_H

#include "fearless/Access.h"
#include "fearless/Threads.h"
#include <vector>

namespace fearless {

class FunctionAnalysis;

/// What the thread started at \p Site touches, in the terms of \p FA's
/// function (the spawner): captures by reference name the spawner's
/// variables, *this is the spawner's *this, a thread function's parameters
/// are bound to the arguments it was started with. Accesses that the
/// arguments rule out (guards on constant arguments) are left out.
std::vector<Access> threadAccesses(FunctionAnalysis &FA, const SpawnSite &Site);

/// The locks the thread started at \p Site takes (Access.h's Acquisition),
/// bound to the spawner's terms like threadAccesses; locks of the thread's
/// own (its locals) are left out.
std::vector<Acquisition> threadAcquisitions(FunctionAnalysis &FA,
                                           const SpawnSite &Site);

/// Whether \p V has a value of its own in every copy of the thread started
/// at \p Site: a local declared in the loop that starts the copies (its
/// induction variable, or declared in its body).
bool perCopy(FunctionAnalysis &FA, const SpawnSite &Site,
             const clang::ValueDecl *V);

} // namespace fearless

#endif // FEARLESS_THREADACCESSES_H
