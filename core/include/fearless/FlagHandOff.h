//===- FlagHandOff.h - A done flag published under a lock -------*- C++ -*-===//
//
// The mutex form of the ready-flag idiom (pbzip2's producerDone): one side
// writes data, then stores a constant into a global flag under a mutex
// (`set_done(1)`); the other reads the flag under the same mutex through a
// getter and touches the data only where the value read was that constant
// (`if (get_done() == 1 && n >= count)`). The store is after the write on
// every path of the writer, the test before the access in the reader, and
// the mutex orders the store before the read that saw its value, so the
// write happens before the access. Value-aware: a store of another value, a
// store that a write of the data may follow (a loop, a later write), an
// increment, or a test that does not decide the value orders nothing.
//
// Three pieces, used by the summaries and by fearless-data-race:
//   - what a write stores (a constant, or a parameter bound at calls);
//   - the flag tests an access runs under (FlagTestFinder);
//   - which flag stores an access never follows (orderFlagStores, per
//     function; the data-race check redoes the spawning function's own
//     level with the flag's resets where the other thread is not running).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_FLAGHANDOFF_H
#define FEARLESS_FLAGHANDOFF_H

#include "fearless/Access.h"
#include "fearless/ValueGuards.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace fearless {

class Session;

/// The global integer variable \p L names (no path), or null: the only
/// flags followed.
const clang::VarDecl *flagVar(const MemLoc &L);

/// Sets \p A's Stored / StoredParam from the assignment \p At (the written
/// lvalue) is the left side of, in function \p FD.
void setStoredValue(Access &A, const clang::Expr *At,
                    const clang::ParentMap &PM, const clang::FunctionDecl *FD,
                    const clang::ASTContext &Ctx);

/// Finds the flag tests expressions of one function run under.
class FlagTestFinder {
public:
  /// \p Depth: the call depth of the summary being built (a getter's
  /// summary is asked for one level deeper).
  FlagTestFinder(Session &S, const clang::ParentMap &PM, unsigned Depth)
      : S(S), Conditions(PM, /*LogicalOperands=*/true), Depth(Depth) {}

  /// The flag tests \p E runs under: the conditions of the if statements,
  /// conditional operators and `&&`/`||` operands around it.
  llvm::SmallVector<FlagTest, 0> testsOf(const clang::Expr *E);

private:
  void addTests(const clang::Expr *Cond, bool Taken,
                llvm::SmallVectorImpl<FlagTest> &Out);
  /// The flag a call of a getter reads (Cond unset), when it returns the
  /// value of a global read under a lock.
  const FlagTest *getterRead(const clang::CallExpr *Call);

  Session &S;
  ControllingConditions Conditions;
  unsigned Depth;
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<FlagTest>> Getters;
};

/// Fills the Precedes of \p Accesses, a summary of a function with CFG
/// \p Cfg: a store of a flag W (a write of a global some access stores a
/// constant into under a lock) is listed for an access X when no path of
/// the CFG leads from W's statement to X's, or, both from one call, when
/// the callee listed W for X and the call is in no loop.
void orderFlagStores(std::vector<Access> &Accesses, const clang::CFG &Cfg);

/// Whether the store chain of \p W is listed in \p List.
bool listsStore(llvm::ArrayRef<StoreChain> List, const Access &W);

/// Statement reachability in one CFG: what runs after a statement without
/// passing a barrier.
class CfgReach {
public:
  explicit CfgReach(const clang::CFG &Cfg);
  /// The statements reachable after \p From's element (\p From itself when
  /// it is in a loop) on paths that stop at the statements \p Barrier
  /// accepts. Empty when \p From is not an element of the CFG.
  llvm::DenseSet<const clang::Stmt *>
  after(const clang::Stmt *From,
        llvm::function_ref<bool(const clang::Stmt *)> Barrier) const;
  /// The statements reachable after element \p Index of \p Block (an
  /// automatic object's destructor, say), on the same terms.
  llvm::DenseSet<const clang::Stmt *>
  afterElement(const clang::CFGBlock *Block, unsigned Index,
               llvm::function_ref<bool(const clang::Stmt *)> Barrier) const;
  bool has(const clang::Stmt *S) const { return Index.count(S); }

private:
  llvm::DenseMap<const clang::Stmt *, std::pair<const clang::CFGBlock *, unsigned>>
      Index;
};

/// Whether \p X never follows the store \p W within one run of the
/// function of \p Reach, \p After being what follows W's statement: their
/// statements differ and no path leads from W's to X's, or both come from
/// one call that the callee listed W for X in (PrecedesInCall) and that
/// runs at most once.
bool neverFollows(const CfgReach &Reach,
                  const llvm::DenseSet<const clang::Stmt *> &After,
                  const Access &X, const Access &W);

/// Whether \p First (on side \p FirstSide) happens before \p Second (on
/// \p SecondSide) by a flag hand-off: \p Second runs under a FlagTest whose
/// flag \p FirstSide stores a satisfying constant into under a lock the
/// test's read holds; every store on \p FirstSide that could satisfy it
/// comes after \p First (\p Precedes says which; it defaults to First's
/// own list); \p SecondSide stores none; the flag's initial value does not
/// satisfy it.
bool orderedByFlag(
    const Access &First, llvm::ArrayRef<Access> FirstSide,
    const Access &Second, llvm::ArrayRef<Access> SecondSide,
    const clang::ASTContext &Ctx,
    llvm::function_ref<bool(const Access &W, const FlagTest &T)> Precedes =
        nullptr);

} // namespace fearless

#endif // FEARLESS_FLAGHANDOFF_H
