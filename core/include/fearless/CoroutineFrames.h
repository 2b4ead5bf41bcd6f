//===- CoroutineFrames.h - How long a coroutine's frame lives ---*- C++ -*-===//
//
// The frame lifetime model: a coroutine's frame lives until its last
// resumption, and it keeps what the call bound to it -- references bound to
// reference parameters, pointers passed to pointer parameters, and for a
// lambda coroutine the lambda object itself, through which it reads its
// captures. A call of a coroutine whose frame may run after the call
// returns is therefore a spawn-like event for fearless-escaping-borrow
// (SpawnKind::CoroutineCall), tracked by the same thread-lifetime dataflow as
// threads, in a model of its own (FunctionAnalysis::frames()) so that no
// other check mistakes a frame for a thread. Whether a coroutine is eager and
// where each of its suspension points resumes is the coroutine model's answer
// (Coroutines.h); this file only decides what that means for the frame:
//   - an eager coroutine (initial_suspend does not suspend) that suspends on
//     an awaiter resuming it on another thread, and whose returned object
//     does not own the frame, is like a detached thread;
//   - a lazy coroutine (or an eager one whose returned object owns the
//     frame) is like a thread whose handle is the returned object: awaiting
//     it (`co_await t`) finishes the frame like a join, destroying it
//     destroys the frame, returning or storing it lets the frame outlive
//     the function;
//   - a coroutine awaited in the full-expression that calls it
//     (`co_await task(x)`, also through a combinator: `co_await
//     when_all(a(x), b(y))`), or an eager one that never really suspends,
//     borrows like a scoped thread: it is not a site at all.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_COROUTINEFRAMES_H
#define FEARLESS_COROUTINEFRAMES_H

#include "fearless/Coroutines.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"

namespace fearless {

/// Whether a value of type \p T owns a coroutine frame: its class (or a
/// base) has a std::coroutine_handle member.
bool ownsCoroutineFrame(clang::QualType T);

/// What becomes of a task (an object owning a coroutine frame) given to a
/// call, as its callee's visible body shows (FrameHandOff.cpp).
enum class FrameHandOff : unsigned char {
  /// Not known: the callee may keep it or pass it on.
  Unknown,
  /// It stays with the argument object (the callee only uses it in place).
  Kept,
  /// The task the call returns owns it (a coroutine's by-value parameter).
  IntoResult,
};
/// Whether a value of type \p T holds tasks: it owns a coroutine frame, or
/// a template argument of its class does (`std::tuple<Task<>, Task<>>`, an
/// awaitable of them), \p Depth levels down.
bool holdsCoroutineFrame(clang::QualType T, unsigned Depth = 0);
/// What becomes of the task \p Arg, an argument of \p Call.
FrameHandOff frameHandOff(const clang::CallExpr *Call, const clang::Expr *Arg);

/// What the frame of a coroutine may do after a call of it returns.
struct FrameBehaviour {
  enum Kind : unsigned char {
    /// Nothing of it runs after the call: an eager coroutine without a
    /// suspension that really suspends and resumes elsewhere, or a lazy one
    /// nothing owns.
    Completes,
    /// An eager coroutine that continues on another thread after the call
    /// returns, and nothing owns its frame.
    ResumesElsewhere,
    /// The returned object owns the frame, which runs when it is awaited
    /// or started (lazy) or continues elsewhere meanwhile (eager).
    Owned,
  } K = Completes;
  /// Whether initial_suspend suspends.
  bool Lazy = false;
  /// The first suspension point after which the coroutine continues on
  /// another thread, if any.
  const SuspensionPoint *Suspension = nullptr;
};

/// The behaviour of the frame of coroutine \p FD, from the coroutine model
/// \p CM (Coroutines.h: eager or lazy, and where each suspension point
/// resumes). Completes when \p CM cannot analyse \p FD.
FrameBehaviour frameBehaviour(const clang::FunctionDecl *FD,
                              const CoroutineModel &CM);

/// Whether \p Call is awaited before the full-expression that contains it
/// ends: it is (or is passed to a call that is) the operand of a co_await.
bool isAwaitedInPlace(const clang::Expr *Call, const clang::ParentMap &PM);

/// The statement whose CFG element ends the full-expression containing
/// \p E (where its temporaries die): a declaration, a return, or the
/// outermost expression.
const clang::Stmt *fullExpressionEnd(const clang::Expr *E,
                                     const clang::ParentMap &PM);

} // namespace fearless

#endif // FEARLESS_COROUTINEFRAMES_H
