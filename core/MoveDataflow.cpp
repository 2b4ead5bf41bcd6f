//===- MoveDataflow.cpp - Which moves reach each point --------------------===//

#include "MovesInternal.h"

using namespace clang;

namespace fearless {
namespace moves {

int MoveDataflow::earlier(int A, int B) const {
  if (A == NotMoved)
    return B;
  if (B == NotMoved || A == B)
    return A;
  unsigned MA = moveOf(A), MB = moveOf(B);
  if (MA == MB) // moved on both paths, used on one: a use may be the first
    return moved(MA);
  // A path where the move is not used yet wins: its next use is a first.
  if (isUsed(A) != isUsed(B))
    return isUsed(A) ? B : A;
  SourceLocation LA = Facts.Moves[MA].Expr->getBeginLoc();
  SourceLocation LB = Facts.Moves[MB].Expr->getBeginLoc();
  return SM.isBeforeInTranslationUnit(LB, LA) ? B : A;
}

bool MoveDataflow::exclusive(unsigned MoveIndex, const Expr *Use) const {
  auto M = Facts.BranchFlags.find(Facts.Moves[MoveIndex].Operand);
  auto U = Facts.BranchFlags.find(Use);
  if (M == Facts.BranchFlags.end() || U == Facts.BranchFlags.end())
    return false;
  for (const auto &[Flag, Value] : M->second)
    for (const auto &[Other, OtherValue] : U->second)
      if (Flag == Other && Value != OtherValue)
        return true;
  return false;
}

void MoveDataflow::record(unsigned MoveIndex, const Expr *Use) {
  // if (b) move; ... if (!b) use;: never on one path.
  if (exclusive(MoveIndex, Use))
    return;
  // A use found unsequenced with this move is its report.
  auto Prev = Found.UseOfMove.find(MoveIndex);
  if (Prev != Found.UseOfMove.end() && Found.Uses[Prev->second].Unsequenced)
    return;
  if (!Found.Pairs.insert({MoveIndex, Use}).second)
    return;
  Found.UseOfMove.try_emplace(MoveIndex, Found.Uses.size());
  Found.Uses.push_back(UseAfterMove{MoveIndex, Use, false});
}

bool MoveDataflow::onlyFromEarlierIteration(unsigned MoveIndex,
                                            const Expr *Occurrence) const {
  auto It = Facts.FirstIterationOnly.find(Occurrence);
  if (It == Facts.FirstIterationOnly.end())
    return false;
  const Stmt *Loop = It->second;
  const MoveSite &M = Facts.Moves[MoveIndex];
  SourceLocation MoveLoc = M.Operand->getBeginLoc();
  return (M.Operand == Occurrence ||
          !SM.isBeforeInTranslationUnit(MoveLoc, Occurrence->getBeginLoc())) &&
         SM.isPointWithin(MoveLoc, Loop->getBeginLoc(), Loop->getEndLoc());
}

void MoveDataflow::apply(const CFGBlock &B, State &S, bool Record) {
  auto Do = [&](const Stmt *St) {
    // A declaration executing again makes a new object (the CFG splits
    // multi-variable declarations into one statement per variable).
    if (const auto *DS = dyn_cast<DeclStmt>(St))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D)) {
          auto K = Facts.KeyIndex.find(VD);
          if (K != Facts.KeyIndex.end())
            S[K->second] = NotMoved;
          // Its parts and elements are new too.
          auto D = Facts.Dependents.find(VD);
          if (D != Facts.Dependents.end())
            for (unsigned Key : D->second)
              S[Key] = NotMoved;
        }
    auto It = Facts.Effects.find(St);
    if (It == Facts.Effects.end())
      return;
    for (const Effect &E : It->second) {
      int &V = S[E.Key];
      switch (E.K) {
      case Effect::Move: {
        // Moving an already moved-from variable is a use too (when nothing
        // used it before on this path).
        // (Not for the elements of a container: each iteration moves
        // another one.)
        const Expr *Operand = Facts.Moves[E.MoveIndex].Operand;
        if (V >= 0 && !Facts.Moves[E.MoveIndex].Elements &&
            !onlyFromEarlierIteration(V, Operand) && Record &&
            !Found.ReportedUses.count(Operand))
          record(V, Operand);
        V = moved(E.MoveIndex);
        break;
      }
      case Effect::Reinit:
        V = NotMoved;
        break;
      case Effect::Use:
        // Only the first use after the move on each path: the state then
        // remembers that this path has used it.
        if (V < 0 || onlyFromEarlierIteration(V, E.Occurrence))
          break;
        if (Record && !Found.ReportedUses.count(E.Occurrence))
          record(V, E.Occurrence);
        V = used(V);
        break;
      }
    }
  };
  for (const CFGElement &Elem : B)
    if (auto CS = Elem.getAs<CFGStmt>())
      Do(CS->getStmt());
}

} // namespace moves
} // namespace fearless
