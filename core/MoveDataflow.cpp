//===- MoveDataflow.cpp - Which moves reach each point --------------------===//

#include "MovesInternal.h"

using namespace clang;

namespace fearless {
namespace moves {

int MoveDataflow::earlier(int A, int B) const {
  if (A < 0)
    return B;
  if (B < 0 || A == B)
    return A;
  SourceLocation LA = Facts.Moves[A].Expr->getBeginLoc();
  SourceLocation LB = Facts.Moves[B].Expr->getBeginLoc();
  return SM.isBeforeInTranslationUnit(LB, LA) ? B : A;
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
            S[K->second] = -1;
        }
    auto It = Facts.Effects.find(St);
    if (It == Facts.Effects.end())
      return;
    for (const Effect &E : It->second) {
      switch (E.K) {
      case Effect::Move:
        // Moving an already moved-from variable is a use too.
        if (Record && S[E.Key] >= 0 &&
            !Found.ReportedUses.count(Facts.Moves[E.MoveIndex].Operand) &&
            !onlyFromEarlierIteration(S[E.Key],
                                      Facts.Moves[E.MoveIndex].Operand)) {
          unsigned Earlier = S[E.Key];
          if (!Found.UseOfMove.count(Earlier)) {
            Found.UseOfMove[Earlier] = Found.Uses.size();
            Found.Uses.push_back(
                UseAfterMove{Earlier, Facts.Moves[E.MoveIndex].Operand, false});
          }
        }
        S[E.Key] = E.MoveIndex;
        break;
      case Effect::Reinit:
        S[E.Key] = -1;
        break;
      case Effect::Use:
        if (!Record || S[E.Key] < 0 || Found.ReportedUses.count(E.Occurrence) ||
            onlyFromEarlierIteration(S[E.Key], E.Occurrence))
          break;
        {
          unsigned MoveIndex = S[E.Key];
          auto Prev = Found.UseOfMove.find(MoveIndex);
          if (Prev != Found.UseOfMove.end()) {
            // Keep the use a reader meets first after the move: the
            // earliest one after it in source order (the same iteration of
            // a loop), else the earliest before it (the next iteration).
            UseAfterMove &Existing = Found.Uses[Prev->second];
            SourceLocation MoveLoc = Facts.Moves[MoveIndex].Expr->getBeginLoc();
            auto Rank = [&](const Expr *Use) {
              SourceLocation L = Use->getBeginLoc();
              return std::make_pair(SM.isBeforeInTranslationUnit(L, MoveLoc),
                                    L);
            };
            auto [NewWraps, NewLoc] = Rank(E.Occurrence);
            auto [OldWraps, OldLoc] = Rank(Existing.Use);
            bool Better = NewWraps != OldWraps
                              ? !NewWraps
                              : SM.isBeforeInTranslationUnit(NewLoc, OldLoc);
            if (Existing.Unsequenced || !Better)
              break;
            Existing.Use = E.Occurrence;
            break;
          }
          Found.UseOfMove[MoveIndex] = Found.Uses.size();
          Found.Uses.push_back(UseAfterMove{MoveIndex, E.Occurrence, false});
        }
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
