//===- Coroutines.h - C++20 coroutines: suspensions, resumptions -*- C++ -*-===//
//
// A coroutine body is code that may run after its call has returned and, at
// each suspension point, may continue on another thread. What decides it is
// the awaiter of the suspension: its await_ready, and above all what its
// await_suspend does with the coroutine handle it is given:
//
//   DoesNotSuspend    await_ready is constantly true, or await_suspend
//                     returns a constant false (std::suspend_never);
//   ResumesHere       nothing takes the handle anywhere (std::suspend_always:
//                     whoever resumes it later is the code that holds the
//                     coroutine object), it is resumed or returned for
//                     symmetric transfer on the suspending thread, or the
//                     awaited coroutine itself only resumes here;
//   ResumesElsewhere  await_suspend hands the handle (directly, or in a
//                     lambda or a copy) to a spawn the thread model sees (a
//                     std::thread, std::async, a fearless::spawn parameter,
//                     an inferred spawn function or pool, a library executor
//                     of Models/Executors.def); or the awaiter type or the
//                     coroutine return type is marked
//                     fearless::resumes_elsewhere or listed in
//                     Models/Coroutines.def; or the awaited coroutine resumes
//                     elsewhere;
//   Unknown           the handle is stored where the analysis does not
//                     follow, or await_suspend has no visible body: no check
//                     reports on it in the default mode.
//
// The model of a coroutine is computed on first use and cached per
// declaration in the CoroutineModel, which lives in the Session (never in a
// global). A translation unit without a coroutine body never creates it.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_COROUTINES_H
#define FEARLESS_COROUTINES_H

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <vector>

namespace fearless {

class Session;

/// Which kind of suspension point.
enum class SuspendKind : unsigned char {
  /// co_await promise.initial_suspend(), before the body.
  Initial,
  /// A co_await expression in the body.
  Await,
  /// A co_yield expression in the body.
  Yield,
  /// co_await promise.final_suspend(), after the body.
  Final,
};

/// Where a coroutine continues after a suspension point.
enum class Resumption : unsigned char {
  /// It does not suspend: it goes on at once, on the same thread.
  DoesNotSuspend,
  /// It continues on the thread that suspended it, or is resumed later by
  /// whoever holds its handle in the code the analysis sees.
  ResumesHere,
  /// It may continue on another thread.
  ResumesElsewhere,
  /// The analysis cannot tell (not reported in the default mode).
  Unknown,
};

/// Why a suspension point resumes elsewhere.
enum class ElsewhereReason : unsigned char {
  None,
  /// await_suspend hands the handle to a spawn: ElsewhereLoc is the spawn
  /// in await_suspend's body.
  Spawn,
  /// The awaiter type (or the coroutine's return type) is marked
  /// fearless::resumes_elsewhere: ElsewhereDecl is the marked declaration.
  Annotated,
  /// The awaiter type (or the coroutine's return type) is a library
  /// awaitable of Models/Coroutines.def: ElsewhereDecl is the class.
  Library,
  /// co_await of a call of a coroutine that may itself resume elsewhere:
  /// the awaiting coroutine continues where that one finishes.
  /// ElsewhereDecl is the awaited coroutine, ElsewhereLoc its suspension.
  AwaitedCoroutine,
};

/// One suspension point of a coroutine.
struct SuspensionPoint {
  SuspendKind Kind = SuspendKind::Await;
  /// The co_await or co_yield expression (implicit for Initial and Final).
  const clang::CoroutineSuspendExpr *Expr = nullptr;
  /// The awaiter the suspension is decided by (the operand after
  /// await_transform and operator co_await), and its type.
  const clang::Expr *Awaiter = nullptr;
  clang::QualType AwaiterType;
  /// The awaiter's await_ready and await_suspend, when they can be named.
  const clang::CXXMethodDecl *AwaitReady = nullptr;
  const clang::CXXMethodDecl *AwaitSuspend = nullptr;
  /// Where the suspension is written (the co_await keyword; the function's
  /// body for Initial and Final).
  clang::SourceLocation Loc;
  Resumption How = Resumption::Unknown;
  /// For ResumesElsewhere: why, and where the other thread comes from.
  ElsewhereReason Why = ElsewhereReason::None;
  clang::SourceLocation ElsewhereLoc;
  const clang::Decl *ElsewhereDecl = nullptr;
};

/// The model of one coroutine.
struct CoroutineInfo {
  const clang::FunctionDecl *Function = nullptr;
  const clang::CoroutineBodyStmt *Body = nullptr;
  /// The initial suspend does not suspend: the body runs at the call, on
  /// the caller's thread, up to its first real suspension.
  bool Eager = false;
  /// The suspension points: the initial one first, the body's in source
  /// order (nested lambdas excluded), the final one last.
  std::vector<SuspensionPoint> Points;

  /// The first suspension point that resumes elsewhere, or null.
  const SuspensionPoint *firstElsewhere() const;
  /// Whether some suspension point resumes elsewhere.
  bool mayResumeElsewhere() const { return firstElsewhere() != nullptr; }
  /// The initial and final suspension points.
  const SuspensionPoint &initial() const { return Points.front(); }
  const SuspensionPoint &final() const { return Points.back(); }
};

/// A local variable or parameter of a coroutine that is alive (in its
/// frame) across a suspension point.
struct HeldAcross {
  const clang::VarDecl *Var = nullptr;
  /// The first suspension point it is alive across (of those asked for).
  const SuspensionPoint *Point = nullptr;
  /// Where its scope ends and it is destroyed (the closing brace of its
  /// block; the end of the body for a parameter).
  clang::SourceLocation ScopeEnd;
  /// Between its declaration and the point, it is moved from (std::move)
  /// or has unlock() or release() called on it: what it owned may be gone.
  bool ReleasedBefore = false;
};

/// Printable names.
llvm::StringRef suspendKindName(SuspendKind K);
llvm::StringRef resumptionName(Resumption R);

/// The coroutines of one translation unit. One per Session
/// (Session::coroutines()), created on first use.
class CoroutineModel {
public:
  explicit CoroutineModel(Session &S);
  ~CoroutineModel();

  /// Whether \p FD is defined with a coroutine body (a co_await, co_yield
  /// or co_return in it). Cheap; needs no model.
  static bool isCoroutine(const clang::FunctionDecl *FD);

  /// The model of \p FD, or null when it is not a coroutine or cannot be
  /// analysed (a dependent or invalid body, a body with errors, a promise
  /// or awaiter that did not resolve).
  const CoroutineInfo *coroutineOf(const clang::FunctionDecl *FD) const;

  /// The locals (not those of nested lambdas, not statics) and parameters
  /// of \p Info alive across a suspension point, each with the first such
  /// point, in declaration order. \p OnlyElsewhere: only points that may
  /// resume on another thread count.
  std::vector<HeldAcross> heldAcross(const CoroutineInfo &Info,
                                     bool OnlyElsewhere = true) const;

  /// Prints the model of \p Info (the "coroutines" dump).
  void dump(const CoroutineInfo &Info, llvm::raw_ostream &OS) const;

private:
  std::unique_ptr<CoroutineInfo> build(const clang::FunctionDecl *FD) const;
  void classify(const CoroutineInfo &Info, SuspensionPoint &P) const;
  void classifySuspend(SuspensionPoint &P) const;
  bool awaitedCoroutine(SuspensionPoint &P) const;
  /// For a library coroutine type (Models/Coroutines.def): the start of
  /// \p FD on an executor with several threads (the co_spawn), and the
  /// executor's class.
  std::pair<const clang::Expr *, const clang::NamedDecl *>
  startedOnManyThreads(const clang::FunctionDecl *FD) const;

  Session &S;
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         std::unique_ptr<CoroutineInfo>>
      Cache;
  mutable llvm::DenseMap<const clang::FunctionDecl *, bool> InProgress;
};

} // namespace fearless

#endif // FEARLESS_COROUTINES_H
