/*===- fearless/annotations.h - fearless annotation macros ----------------===*\
|*                                                                            *|
|* The annotations fearless understands, spelled as Clang `annotate`          *|
|* attributes so that clang, clang-tidy and clangd see them with or without   *|
|* the plugin loaded. On compilers other than Clang every macro expands to    *|
|* nothing, so annotated code stays portable. Valid C and C++.                *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef FEARLESS_ANNOTATIONS_H
#define FEARLESS_ANNOTATIONS_H

#if defined(__clang__) && defined(__has_attribute)
#if __has_attribute(annotate)
#define FEARLESS_ANNOTATE_(what) __attribute__((annotate(what)))
#endif
#endif

#ifndef FEARLESS_ANNOTATE_
#define FEARLESS_ANNOTATE_(what)
#endif

/* Types (class, struct, union, alias): override the derived Send/Sync. */

/** The type may be moved to another thread, whatever its fields. */
#define FEARLESS_SEND FEARLESS_ANNOTATE_("fearless::send")
/** The type must not be moved to another thread. */
#define FEARLESS_NOT_SEND FEARLESS_ANNOTATE_("fearless::not_send")
/** The type may be shared by reference between threads. */
#define FEARLESS_SYNC FEARLESS_ANNOTATE_("fearless::sync")
/** The type must not be shared by reference between threads. */
#define FEARLESS_NOT_SYNC FEARLESS_ANNOTATE_("fearless::not_sync")
/** The class's public member functions may be called from several threads
 *  at the same time (like RacerD's @ThreadSafe): fearless-data-race pairs
 *  them with each other even where no thread is visible. */
#define FEARLESS_SHARED FEARLESS_ANNOTATE_("fearless::shared")
/** A moved-from object of the type is null (like std::unique_ptr): asking
 *  for its state (get(), operator bool, comparisons) is fine after a move,
 *  only a dereference is a use. clang-tidy's spelling,
 *  [[clang::annotate("clang-tidy", "bugprone-use-after-move",
 *  "null_after_move")]], means the same. */
#define FEARLESS_NULL_AFTER_MOVE FEARLESS_ANNOTATE_("fearless::null_after_move")
/** An awaitable type, or a coroutine return type: a coroutine suspended on
 *  it (or any coroutine returning it) may continue on another thread. */
#define FEARLESS_RESUMES_ELSEWHERE                                             \
  FEARLESS_ANNOTATE_("fearless::resumes_elsewhere")

/* Parameters. */

/** The callable passed here runs on another thread that may outlive the
 *  call (thread pools, executors). */
#define FEARLESS_SPAWN FEARLESS_ANNOTATE_("fearless::spawn")
/** The callable passed here runs on other threads, possibly many copies at
 *  once, all finished before the call returns (parallel_for). */
#define FEARLESS_SCOPED_SPAWN FEARLESS_ANNOTATE_("fearless::scoped_spawn")
/** The argument is moved-from after the call (ownership transfer). */
#define FEARLESS_CONSUMES FEARLESS_ANNOTATE_("fearless::consumes")
/** The argument is handed to another thread: its type must be Send.
 *  Implies FEARLESS_CONSUMES. */
#define FEARLESS_SENDS FEARLESS_ANNOTATE_("fearless::sends")

/* Variables and fields. */

/** Accesses to this variable are synchronized by means the analysis cannot
 *  see. */
#define FEARLESS_ASSUME_SYNCHRONIZED                                           \
  FEARLESS_ANNOTATE_("fearless::assume_synchronized")

#endif /* FEARLESS_ANNOTATIONS_H */
