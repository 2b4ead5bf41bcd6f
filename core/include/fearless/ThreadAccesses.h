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
#include <optional>
#include <vector>

namespace fearless {

class FunctionAnalysis;
struct CoroutineInfo;
struct SuspensionPoint;

/// What the thread started at \p Site touches, in the terms of \p FA's
/// function (the spawner): captures by reference name the spawner's
/// variables, *this is the spawner's *this, a thread function's parameters
/// are bound to the arguments it was started with. Accesses that the
/// arguments rule out (guards on constant arguments) are left out.
/// \p Dynamic: the class of the spawner's *this when it is known to be a
/// derived one (Session::summary): the thread runs its final overriders.
std::vector<Access>
threadAccesses(FunctionAnalysis &FA, const SpawnSite &Site,
               const clang::CXXRecordDecl *Dynamic = nullptr);

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

/// The thread access \p B (threadAccesses) as the copy of \p Site started
/// in the spawner's current iteration sees it, when \p Spawner, an access
/// of the spawner, is made after the spawn in the same iteration of the
/// loop that starts the copies: that copy's per-copy element (`&buf[i]`)
/// is the spawner's `buf[i]` there. Elsewhere (before the spawn in the
/// iteration: the copies running are those of earlier iterations) there is
/// no such copy: std::nullopt.
std::optional<Access> sameCopyAs(FunctionAnalysis &FA, const SpawnSite &Site,
                                 const Access &Spawner, const Access &B);

/// Whether \p Arg, an argument of the thread started at \p Site (a pointer
/// `&states[i]`, or `std::ref(states[i])`), names an element whose index
/// has a value of its own in every copy (perCopy): each copy of the thread
/// is given another element.
bool perCopyElement(FunctionAnalysis &FA, const SpawnSite &Site,
                    const clang::Expr *Arg);

/// What the coroutine \p CI, called at \p Call in \p FA's function, does
/// after its suspension point \p From (the accesses written after it in the
/// coroutine's body, and in the callees they reach), in the caller's terms:
/// reference parameters name what the caller passed, pointer parameters
/// what they point to, *this of a member coroutine the object of the call.
/// The coroutine's own frame (its locals, by-value parameters) is left out.
std::vector<Access> coroutineAccessesAfter(FunctionAnalysis &FA,
                                           const clang::CallExpr *Call,
                                           const CoroutineInfo &CI,
                                           const SuspensionPoint &From);

/// A coroutine started in a function that may continue on another thread
/// beside the code that follows its start.
struct CoroutineRun {
  /// The call of the coroutine.
  const clang::CallExpr *Call = nullptr;
  /// Where it starts: the call of an eager coroutine (or of one whose
  /// initial suspend moves it to another thread), the start() or resume()
  /// of the local holding the task a lazy one returned.
  const clang::Expr *Start = nullptr;
  /// Its first suspension point that may resume elsewhere.
  const SuspensionPoint *From = nullptr;
  /// What it does after that point (coroutineAccessesAfter).
  std::vector<Access> Accesses;
};

/// The coroutines \p FA's function calls (PreScan::CoroutineCalls) and
/// starts without co_await-ing them, that may continue on another thread,
/// with what they touch there.
std::vector<CoroutineRun> coroutineRuns(FunctionAnalysis &FA);

} // namespace fearless

#endif // FEARLESS_THREADACCESSES_H
