//===- Moves.h - Moved-from variables, on every path ------------*- C++ -*-===//
//
// Rust's "use of moved value" for C++. Vocabulary (docs/checks/
// use-after-move.md has the long form):
//   move    std::move(x) / std::forward<T>(x) / static_cast<T&&>(x) of a
//           local, parameter or member of *this (wherever the result goes,
//           as clang-tidy's bugprone-use-after-move), and any argument of a
//           fearless::consumes or fearless::sends parameter;
//   reinit  assignment; clear/assign/reset/emplace/swap/... on standard
//           types; a [[clang::reinitializes]] member; passing to a
//           non-const lvalue reference or pointer parameter (an
//           out-parameter); a new declaration (each loop iteration);
//   use     any other occurrence; for smart pointers only dereference, for
//           threads anything but joinable().
// A forward may-analysis over the function's CFG records, for each use, the
// moves that may reach it without an intervening reinitialization.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_MOVES_H
#define FEARLESS_MOVES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/PointerUnion.h"
#include <memory>
#include <vector>

namespace fearless {

class FunctionAnalysis;

/// How a variable was moved.
enum class MoveKind : unsigned char {
  /// std::move / std::forward / static_cast<T&&>.
  StdMove,
  /// Passed to a fearless::consumes parameter.
  Consumed,
  /// Passed to a fearless::sends parameter.
  Sent,
  /// Called on (or passed first to) a function listed in
  /// InvalidationFunctions.
  Invalidated,
};

/// One move of a tracked variable.
struct MoveSite {
  /// The moving expression (the std::move call, or the consuming call).
  const clang::Expr *Expr;
  /// The moved variable's occurrence inside it.
  const clang::Expr *Operand;
  /// The moved variable: a local, a parameter, or a field of *this; for a
  /// part, its root; for elements, the container.
  const clang::ValueDecl *Var;
  MoveKind Kind;
  /// For consumes/sends: the callee and its parameter.
  const clang::FunctionDecl *Callee = nullptr;
  const clang::ParmVarDecl *Param = nullptr;
  /// The spawn expression the move feeds, if the value goes into a thread.
  const clang::Expr *IntoSpawn = nullptr;
  /// The moved object is trivially copyable: the "move" copied it
  /// (reported only with TriviallyCopyableMoves).
  bool Copied = false;
  /// A part of Var was moved, Operand names it (SubObjectMoves): `s.v`,
  /// `p->x`, `a[2]`, `*p`.
  bool Part = false;
  /// Every element of the container Var was moved, by a range-for whose
  /// reference to the element (Operand) is moved in every iteration.
  bool Elements = false;
  /// The move happens inside the member function Callee called on the
  /// object Operand (Expr is the call): it moves this field of it, at
  /// Inside (SubObjectMoves).
  const clang::FieldDecl *ViaMember = nullptr;
  const clang::Expr *Inside = nullptr;
};

/// A use of a variable that a move may reach.
struct UseAfterMove {
  unsigned Move; // index into moves()
  const clang::Expr *Use;
  /// The move and the use are unsequenced operands of one expression.
  bool Unsequenced = false;
  /// For a use by a member function call: the read of the field inside it.
  const clang::Expr *Inside = nullptr;
};

/// Whether a moved-from \p T is null, so that only a dereference uses it:
/// std::unique_ptr, std::shared_ptr, std::weak_ptr, and classes marked
/// fearless::null_after_move or with clang-tidy's
/// [[clang::annotate("clang-tidy", "bugprone-use-after-move",
/// "null_after_move")]].
bool isNullAfterMove(clang::QualType T);

/// Results of the move analysis of one function.
class MoveAnalysis {
public:
  /// Runs the analysis; null if there is nothing to track or it gives up.
  static std::unique_ptr<MoveAnalysis> compute(FunctionAnalysis &FA);

  /// Every move of a tracked variable, in the order the walk over the body
  /// (constructor initializers first) finds them.
  llvm::ArrayRef<MoveSite> moves() const { return Moves; }
  /// The first use after each move (at most one per move), in source order.
  llvm::ArrayRef<UseAfterMove> uses() const { return Uses; }

private:
  std::vector<MoveSite> Moves;
  std::vector<UseAfterMove> Uses;
};

} // namespace fearless

#endif // FEARLESS_MOVES_H
