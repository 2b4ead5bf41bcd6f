//===- TaskGraphs.h - Runs of library task graphs ---------------*- C++ -*-===//
//
// A library task graph (Models/Executors.def, FEARLESS_TASK_GRAPH: taskflow's
// tf::Taskflow) is built by emplacing callables as tasks and ordering some
// of them (precede/succeed), then run by an executor, whose workers run the
// tasks no chain orders at the same time. A run the function waits for at
// once is a scoped spawn of every task (SpawnRecognizer, ThreadModelSpawns):
// this file finds the tasks and their order, or says the run is not
// modelled (silence, when the graph is used in a way not followed).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_CORE_TASKGRAPHS_H
#define FEARLESS_CORE_TASKGRAPHS_H

#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <vector>

namespace fearless::threadmodel {

/// The tasks of one modelled run of a task graph and their order.
struct TaskGraphRun {
  /// The callables, one per task, in the order they are emplaced.
  llvm::SmallVector<const clang::Expr *, 4> Tasks;
  /// Ordered[I][J]: a chain of precede/succeed calls orders task I before
  /// or after task J, so they never run at the same time.
  std::vector<llvm::BitVector> Ordered;
};

/// Whether \p Call runs a task graph on a library executor: a Run or
/// BlockingRun of a FEARLESS_TASK_GRAPH executor whose first argument is
/// that graph's class. Looks at the callee and the argument's type only.
bool isTaskGraphRun(const clang::CallExpr *Call);

/// The tasks \p Call (isTaskGraphRun) runs and waits for, when it is
/// modelled: the graph is a local of the function (whose parent map is
/// \p PM) built in straight-line code before the run, only through the
/// calls the model lists, from plain tasks, and the run is waited for at
/// once (Models/Executors.def). Nothing otherwise.
std::optional<TaskGraphRun> taskGraphRun(const clang::CallExpr *Call,
                                         const clang::ParentMap &PM);

} // namespace fearless::threadmodel

#endif // FEARLESS_CORE_TASKGRAPHS_H
