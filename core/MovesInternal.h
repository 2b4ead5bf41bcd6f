//===- MovesInternal.h - The pieces of the move analysis --------*- C++ -*-===//
//
// The move analysis (Moves.h) in three steps that share their results
// through MoveFacts:
//   MoveFinder            the moves and where each takes effect
//                         (MoveFinder.cpp), reading the bodies of visible
//                         callees for their T&& parameters
//                         (CalleeMoveInspector, CalleeMoves.cpp);
//   OccurrenceClassifier  every other occurrence of a moved variable: a use,
//                         a reinitialization or neither; the branches that
//                         test its state; uses unsequenced with a move
//                         (MoveOccurrences.cpp);
//   MoveDataflow          the forward may-analysis that finds the uses a
//                         move reaches (MoveDataflow.cpp).
// Besides whole variables, the state tracks parts of variables (with
// SubObjectMoves: `s.v`, `p->x`, `a[2]`, `*p`) and the elements of a
// container whose every element a range-for moves (MoveParts.cpp).
// MoveAnalysis::compute (Moves.cpp) runs them in that order. Internal to
// core/: nothing outside the move analysis includes this.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_MOVESINTERNAL_H
#define FEARLESS_MOVESINTERNAL_H

#include "fearless/FunctionAnalysis.h"
#include "fearless/Moves.h"
#include "fearless/ValueGuards.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace fearless {
namespace moves {

/// The variable an occurrence names: a local or parameter (DeclRefExpr) or a
/// field of *this (MemberExpr).
const clang::ValueDecl *occurrenceKey(const clang::Expr *E);

/// When \p P evaluates its operands unsequenced (a call's arguments, `a +
/// b`), collects in \p Siblings the operands other than \p Child.
bool unsequencedSiblings(const clang::Stmt *P, const clang::Stmt *Child,
                         llvm::SmallVectorImpl<const clang::Stmt *> &Siblings);

/// Walks a function body like the CFG sees it: nested lambda bodies are
/// other functions, but their capture initializers belong here.
template <typename Derived>
class BodyWalker : public clang::RecursiveASTVisitor<Derived> {
public:
  /// Templates are analysed in their instantiations.
  bool shouldVisitTemplateInstantiations() const { return true; }
  /// Visits the capture initializers only.
  bool TraverseLambdaExpr(clang::LambdaExpr *L) {
    for (clang::Expr *Init : L->capture_inits())
      if (Init && !this->TraverseStmt(Init))
        return false;
    return true;
  }
  /// Local classes are other functions.
  bool TraverseCXXRecordDecl(clang::CXXRecordDecl *) { return true; }
  /// Blocks are other functions.
  bool TraverseBlockExpr(clang::BlockExpr *) { return true; }
  /// Unevaluated operands move and use nothing: sizeof, alignof, noexcept,
  /// decltype, requires, a typeid of a non-polymorphic operand.
  bool TraverseUnaryExprOrTypeTraitExpr(clang::UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(clang::CXXNoexceptExpr *) { return true; }
  bool TraverseDecltypeTypeLoc(clang::DecltypeTypeLoc, bool = false) {
    return true;
  }
  bool TraverseRequiresExpr(clang::RequiresExpr *) { return true; }
  bool TraverseCXXTypeidExpr(clang::CXXTypeidExpr *E) {
    if (!E->isPotentiallyEvaluated())
      return true;
    return clang::RecursiveASTVisitor<Derived>::TraverseCXXTypeidExpr(E);
  }
};

/// A part of a variable (`s.v`, `p->x`, `a[2]`, `*p`): the root variable,
/// then one entry per step: a field (its FieldDecl), a dereference, an
/// element with a constant index or with an index variable the function
/// never writes.
using PartPath = llvm::SmallVector<uintptr_t, 4>;

/// What one entry of the state stands for.
struct TrackedKey {
  enum Kind : unsigned char {
    Whole,    ///< a variable, a parameter, a field of *this
    Part,     ///< a part of one (SubObjectMoves)
    Elements, ///< the elements of a container a range-for moved
  } K = Whole;
  /// The variable, the root of the part, or the container.
  const clang::ValueDecl *Root = nullptr;
  /// For a Part: its path, Root first.
  PartPath Path;
  /// For Elements: the range-for statements that move every element;
  /// occurrences of the container inside them are not uses.
  llvm::SmallVector<const clang::Stmt *, 1> Loops;
};

/// How a member function's body first names a field of its object.
enum class FieldTouch : unsigned char { Read, Written };

/// What a member function does to its object's fields, read from its body
/// (MemberMoves.cpp); used with SubObjectMoves across the calls of one
/// caller.
struct MemberSummary {
  /// The body is visible and the function is not virtual.
  bool Known = false;
  /// It calls a non-const member of the object or lets `this` go.
  bool Opaque = false;
  /// The fields it moves as its last act, with the std::move.
  llvm::SmallVector<std::pair<const clang::FieldDecl *, const clang::Expr *>,
                    1>
      Moves;
  /// For each field it names: how the first occurrence touches it, and
  /// where.
  llvm::DenseMap<const clang::FieldDecl *,
                 std::pair<FieldTouch, const clang::Expr *>>
      First;
};

/// What a statement does to a tracked variable when it executes.
struct Effect {
  /// Which of the three it is.
  enum Kind : unsigned char { Move, Reinit, Use } K;
  /// The variable's index in MoveFacts::Keys (and in a State).
  unsigned Key;
  /// For a Move: its index in MoveFacts::Moves.
  unsigned MoveIndex = 0;
  /// For a Use: the occurrence used.
  const clang::Expr *Occurrence = nullptr;
};

/// For each tracked variable, the earliest move that may reach here: its
/// index (>= 0) while no use followed it on the path, -2 - index once one
/// did (only the first use after a move on each path is reported), -1 when
/// the variable is not moved on any path.
using State = std::vector<int>;

/// What the passes learn about the function and share: the tracked
/// variables, their moves, and what each statement does to them.
struct MoveFacts {
  /// Facts whose moves go into \p Moves (the result's moves()), for the
  /// function \p FD; \p Parts: SubObjectMoves is set.
  MoveFacts(std::vector<MoveSite> &Moves, const clang::FunctionDecl *FD,
            bool Parts)
      : Moves(Moves), Function(FD), Parts(Parts) {}

  /// The moves found so far (the result's moves()).
  std::vector<MoveSite> &Moves;
  /// The function analysed.
  const clang::FunctionDecl *Function;
  /// Parts of variables are tracked (SubObjectMoves).
  bool Parts;
  /// The tracked (moved) whole variables, and each one's index in the state.
  llvm::DenseMap<const clang::ValueDecl *, unsigned> KeyIndex;
  /// The tracked parts, and each one's index in the state.
  std::map<PartPath, unsigned> PartIndex;
  /// The containers whose elements were moved, and their index in the state.
  llvm::DenseMap<const clang::ValueDecl *, unsigned> ElementsIndex;
  /// For each root variable, its tracked parts and elements.
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<unsigned, 2>>
      Dependents;
  /// What each index of the state stands for.
  std::vector<TrackedKey> Keys;
  /// The key each move (by index in Moves) moves.
  std::vector<unsigned> MoveKeys;
  /// Member function summaries, read once per analysis (SubObjectMoves).
  std::map<const clang::CXXMethodDecl *, MemberSummary> Summaries;
  /// (member call, key) pairs where the call moves the key's field.
  llvm::DenseSet<std::pair<const clang::Expr *, unsigned>> MemberMoveCalls;
  /// For a member call that uses a field: the read inside the callee.
  llvm::DenseMap<const clang::Expr *, const clang::Expr *> ReadInside;
  /// Index variables found never written (a cache for partPath).
  mutable llvm::DenseMap<const clang::ValueDecl *, bool> IndexUnchanged;

  /// The key (an index of the state) of the whole variable or the part an
  /// occurrence names, or -1 when it names nothing tracked.
  int keyOf(const clang::Expr *E) const;
  /// The path of \p E when it names a part of a variable (with Parts).
  std::optional<PartPath> partPath(const clang::Expr *E) const;
  /// The key of \p Path, created when new.
  unsigned partKey(const PartPath &Path);
  /// The key of the elements of \p Container, created when new.
  unsigned elementsKey(const clang::ValueDecl *Container);
  /// The key of the whole variable \p V, created when new.
  unsigned wholeKey(const clang::ValueDecl *V);
  /// Appends the path of \p E to \p P (partPath's steps).
  bool appendPath(const clang::Expr *E, PartPath &P, unsigned Depth) const;
  /// The step of an element index: a constant, or an unchanging variable.
  bool indexStep(const clang::Expr *Index, uintptr_t &Step) const;
  /// The moves, reinitializations and uses each statement performs.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<Effect, 1>> Effects;
  /// Move operands (not uses).
  llvm::DenseSet<const clang::Expr *> Operands;
  /// The occurrences that are uses (their effect may sit on the call that
  /// uses them: a.f(...)).
  llvm::DenseSet<const clang::Expr *> UseOccurrences;
  /// The move each moving expression makes.
  llvm::DenseMap<const clang::Expr *, unsigned> MoveByCall;
  /// Moves that happen at the call receiving the moved value by reference
  /// (after every argument), not at std::move: never unsequenced.
  llvm::DenseSet<unsigned> DeferredMoves;
  /// Blocks whose branch proves a tracked variable is not moved-from on one
  /// edge: block -> (key, successor index).
  llvm::DenseMap<const clang::CFGBlock *, std::pair<unsigned, unsigned>>
      NotMovedWhen;
  /// For move operands and uses: the branches they sit in that test an
  /// unchanging local flag (`if (b)`, `if (!b)`), as (flag, value). A move
  /// and a use under opposite values of one flag never meet.
  llvm::DenseMap<
      const clang::Expr *,
      llvm::SmallVector<std::pair<const clang::ValueDecl *, bool>, 1>>
      BranchFlags;
  /// For a move by a visible copy or move member (a constructor, an
  /// assignment): the fields of the source it leaves intact, by move index
  /// (MoveKeeps.cpp).
  llvm::DenseMap<unsigned, llvm::SmallPtrSet<const clang::FieldDecl *, 4>>
      KeptFields;
  /// Occurrences that run only in the first iteration of a loop (`w ?
  /// *s : std::move(init)` in `for (int w = 0; ...; ++w)`), with the loop:
  /// no move from an earlier iteration of it reaches them.
  llvm::DenseMap<const clang::Expr *, const clang::Stmt *> FirstIterationOnly;
};

/// The summary of member function \p M, computed once per analysis.
const MemberSummary &summarizeMember(MoveFacts &Facts,
                                     const clang::CXXMethodDecl *M);

/// The uses found that a move may reach: the result's uses(), at most one
/// per move.
struct FoundUses {
  /// Records the uses in \p Uses (the result's uses()).
  explicit FoundUses(std::vector<UseAfterMove> &Uses) : Uses(Uses) {}

  /// The uses found so far.
  std::vector<UseAfterMove> &Uses;
  /// For each move with a use, the index in Uses of its first.
  llvm::DenseMap<unsigned, size_t> UseOfMove;
  /// The (move, use) pairs recorded: one report each.
  llvm::DenseSet<std::pair<unsigned, const clang::Expr *>> Pairs;
  /// Uses reported as unsequenced with a move: the dataflow does not report
  /// them again.
  llvm::DenseSet<const clang::Expr *> ReportedUses;
};

/// What a callee does to an argument bound to one of its reference
/// parameters.
enum class ParamFate {
  Moved,      ///< moved or forwarded on every path, or the body is unknown
  MaybeMoved, ///< moved on some paths only (a conditional consumer)
  Kept,       ///< never moved: only read or modified in place
  Returned,   ///< leaves only as the returned reference (`get(V&&)`): what
              ///< the caller does with the result decides
};

/// Reads the bodies of callees visible in the translation unit to decide
/// whether a T&& (or forwarding-reference) parameter is really moved
/// (CalleeMoves.cpp). Results are cached per parameter.
class CalleeMoveInspector {
public:
  /// Reads callees through \p S's per-function results: one CFG and one
  /// parent map per function, shared with every check.
  explicit CalleeMoveInspector(Session &S);

  /// What \p Callee does to \p Param. Moved when the body is not visible
  /// (a declaration only, a system header, a virtual member that may be
  /// overridden, a special member), or when the chain of callees it is
  /// passed on to is deeper than a few levels.
  ParamFate fate(const clang::FunctionDecl *Callee,
                 const clang::ParmVarDecl *Param, unsigned Depth = 0);

  /// What the caller does with the reference \p Call returns into an
  /// argument (its fate was Returned): Kept when the result is discarded
  /// or bound to a reference, Moved when it initializes or is assigned to
  /// a value, else what the next callee does with it.
  ParamFate resultFate(const clang::Expr *Call, const clang::ParentMap &PM) {
    return destinationFate(Call, PM, 0, /*ReturnsRef=*/false,
                           /*Result=*/true);
  }

private:
  ParamFate inspect(const clang::FunctionDecl *Def,
                    const clang::ParmVarDecl *Param, unsigned Depth);
  /// Where \p Moved goes in a function of \p PM (that returns a reference
  /// when \p ReturnsRef). \p Result: it is a reference a call returned,
  /// which a discarded or reference-binding context does not move.
  ParamFate destinationFate(const clang::Expr *Moved,
                            const clang::ParentMap &PM, unsigned Depth,
                            bool ReturnsRef, bool Result = false);

  Session &S;
  clang::ASTContext &Ctx;
  llvm::DenseMap<std::pair<const clang::ParmVarDecl *, unsigned>, ParamFate>
      Cache;
};

/// Finds the moves of tracked variables and the point where each takes
/// effect (facts: Moves, Keys, Effects of kind Move, Operands).
class MoveFinder {
public:
  /// A finder for the function of \p FA that records into \p Facts.
  MoveFinder(FunctionAnalysis &FA, MoveFacts &Facts)
      : FA(FA), PM(FA.parents()), Facts(Facts), Callees(FA.session()) {}

  /// Records every move in the body and the constructor initializers.
  void findMoves();

private:
  void addMove(const clang::Expr *MovingExpr, const clang::Expr *Occurrence,
               MoveKind Kind, const clang::FunctionDecl *Callee,
               const clang::ParmVarDecl *Param);
  const clang::Expr *effectiveMovePoint(const clang::Expr *MovingExpr,
                                        const clang::Expr *Occurrence,
                                        MoveKind Kind) const;
  const clang::Expr *spawnAbove(const clang::Expr *E) const;
  /// The moved occurrence an operand names, if tracked: a variable, or a
  /// part of one with SubObjectMoves.
  const clang::Expr *movedOccurrence(const clang::Expr *E) const;

  FunctionAnalysis &FA;
  const clang::ParentMap &PM;
  MoveFacts &Facts;
  /// What visible callees do to their rvalue-reference parameters.
  mutable CalleeMoveInspector Callees;
};

/// When move \p Index moves the reference variable of a range-for over a
/// container, in every iteration, records that the container's elements are
/// moved (MoveParts.cpp).
void noteElementsMove(MoveFacts &Facts, const clang::ParentMap &PM,
                      const LibraryModel &Lib, unsigned Index,
                      const clang::Expr *Point);

/// When move \p Index constructs or assigns from its variable through a
/// copy or move member whose body (or memberwise definition) is visible,
/// records the fields of the source it leaves intact (MoveKeeps.cpp).
void noteKeptFields(MoveFacts &Facts, const clang::ParentMap &PM,
                    unsigned Index);

/// Whether \p Parent, the parent of the occurrence \p Child of the whole
/// variable \p Key, names a field of it (`c.data`) that every move of the
/// variable leaves intact: reading it reads the value it had.
bool readsKeptField(const MoveFacts &Facts, unsigned Key,
                    const clang::Stmt *Parent, const clang::Stmt *Child);

/// `o.take()` whose body moves a field as its last act: a move of that
/// field of `o` (SubObjectMoves; MemberMoves.cpp).
void noteMemberCallMoves(MoveFacts &Facts, const LibraryModel &Lib,
                         const clang::CXXMemberCallExpr *Call);

/// What occurrences do to the parts and elements of variables (the keys
/// that are not whole variables): MoveParts.cpp, MemberMoves.cpp.
class DependentClassifier {
public:
  /// A classifier for the function of \p FA, recording into \p Facts.
  DependentClassifier(FunctionAnalysis &FA, const clang::ParentMap &PM,
                      MoveFacts &Facts)
      : FA(FA), PM(PM), Facts(Facts) {}

  /// What an occurrence of a tracked part's root, or of an enclosing part,
  /// does to the tracked parts and elements below it: a write reinitializes
  /// them; reading the elements of a container whose elements were moved
  /// is a use of them.
  void touchDependents(const clang::Expr *Occurrence);
  /// A member of a tracked pointee through `p->` or a smart pointer's `->`
  /// (MoveOccurrences.cpp).
  void classifyArrow(const clang::MemberExpr *ME);
  /// A call of a member function on *this: what it does to the tracked
  /// fields and to their parts and elements.
  void classifyThisCall(const clang::CXXMemberCallExpr *Call);

private:
  /// Whether the expression \p X may be written or escape where it sits.
  bool mayModify(const clang::Expr *X) const;
  void classifyElements(const clang::Expr *Occurrence, unsigned Key);
  /// What member call \p Call on the object at \p Object (null: *this)
  /// does to the tracked field \p Key, by the callee's summary; false when
  /// the summary does not say.
  bool touchByMemberCall(const clang::CXXMemberCallExpr *Call,
                         const PartPath *Object, unsigned Key);

  FunctionAnalysis &FA;
  const clang::ParentMap &PM;
  MoveFacts &Facts;
};

/// Sorts the other occurrences of the moved variables into uses and
/// reinitializations, and finds the tests that prove a variable is not in
/// its moved-from state and the uses unsequenced with a move.
class OccurrenceClassifier {
public:
  /// A classifier for the function of \p FA, on the moves in \p Facts.
  OccurrenceClassifier(FunctionAnalysis &FA, MoveFacts &Facts)
      : FA(FA), PM(FA.parents()), Facts(Facts),
        LoopGuards(FA.function(), PM, FA.astContext(), /*AnyLocal=*/true),
        Dependents(FA, PM, Facts) {}

  /// Records an effect (use or reinitialization) for every occurrence of a
  /// tracked variable that is not a move operand.
  void classifyOccurrences();
  /// Drops the reinitializations unsequenced with a move of their variable
  /// and delays those unsequenced with a use to the end of the expression.
  void sequenceReinits();
  /// Records in \p Found each use unsequenced with a move of its variable:
  /// f(std::move(x), x.size()).
  void findUnsequenced(FoundUses &Found);
  /// Records the branches that test a tracked variable's state
  /// (t.joinable(), if (p)) in NotMovedWhen.
  void findStateTests(const clang::CFG &Cfg);

private:
  void classify(const clang::Expr *Occurrence, unsigned Key);
  /// Records in BranchFlags the flag tests \p Occurrence runs under.
  void noteBranchFlags(const clang::Expr *Occurrence);
  /// Records \p Occurrence in FirstIterationOnly when a condition lets it
  /// run only in the first iteration of an enclosing counting loop.
  void noteFirstIterationOnly(const clang::Expr *Occurrence);
  const clang::Stmt *parentSkippingImplicit(const clang::Stmt *S,
                                            const clang::Stmt *&Child) const;

  FunctionAnalysis &FA;
  const clang::ParentMap &PM;
  MoveFacts &Facts;
  ValueGuardFinder LoopGuards;
  DependentClassifier Dependents;
};

/// The forward may-dataflow over the CFG: for each tracked variable, the
/// earliest move that may reach a point. Replayed with Record set, it
/// records the uses the moves reach.
class MoveDataflow {
public:
  /// The dataflow over \p Facts, recording into \p Found.
  MoveDataflow(const MoveFacts &Facts, FoundUses &Found,
               const clang::SourceManager &SM)
      : Facts(Facts), Found(Found), SM(SM) {}

  // Dataflow interface.
  /// Nothing is moved at the function's entry.
  State entry() const { return State(Facts.Keys.size(), NotMoved); }
  /// Keeps, for each variable, the earlier of the moves that may reach.
  void join(State &Into, const State &From) const {
    for (size_t I = 0; I < Into.size(); ++I)
      Into[I] = earlier(Into[I], From[I]);
  }
  /// Whether two states are the same.
  bool equal(const State &A, const State &B) const { return A == B; }
  /// Applies a block's effects without recording uses.
  void transferBlock(const clang::CFGBlock &B, State &S) { apply(B, S, false); }
  /// Clears a variable on the edge where a test proves it is not moved-from.
  void transferEdge(const clang::CFGBlock &From, unsigned SuccIndex,
                    State &S) const {
    // if (t.joinable()), if (p), if (p != nullptr): on the edge where the
    // test holds, the object cannot be in its moved-from state.
    auto It = Facts.NotMovedWhen.find(&From);
    if (It == Facts.NotMovedWhen.end() || It->second.second != SuccIndex)
      return;
    S[It->second.first] = NotMoved;
  }

  /// Applies the effects of \p B's statements to \p S; with \p Record, also
  /// records in Found the uses that a move reaches.
  void apply(const clang::CFGBlock &B, State &S, bool Record);

private:
  /// The encoding of State's entries.
  static constexpr int NotMoved = -1;
  static int moved(unsigned Move) { return int(Move); }
  static int used(int V) { return V >= 0 ? -2 - V : V; }
  static bool isUsed(int V) { return V <= -2; }
  static unsigned moveOf(int V) {
    return V >= 0 ? unsigned(V) : unsigned(-2 - V);
  }

  int earlier(int A, int B) const;
  /// Whether the move and the use sit under opposite values of one flag.
  bool exclusive(unsigned MoveIndex, const clang::Expr *Use) const;
  /// Records \p Use as a use after move \p MoveIndex, once per pair.
  void record(unsigned MoveIndex, const clang::Expr *Use);
  /// Whether move \p MoveIndex can reach \p Occurrence only from an earlier
  /// iteration of a loop whose later iterations never run the occurrence.
  bool onlyFromEarlierIteration(unsigned MoveIndex,
                                const clang::Expr *Occurrence) const;

  const MoveFacts &Facts;
  FoundUses &Found;
  const clang::SourceManager &SM;
};

/// Drops from \p Uses (found by the dataflow over \p Cfg) the uses that
/// no path reaches from their move once two tests of one unchanged local
/// with opposite outcomes count as no path (MoveFeasibility.cpp: the
/// switch-based stackless coroutines of Asio's `reenter`/`yield`).
void dropInfeasibleUses(const MoveFacts &Facts, const clang::CFG &Cfg,
                        const clang::ParentMap &PM,
                        const clang::ASTContext &Ctx,
                        std::vector<UseAfterMove> &Uses);

} // namespace moves
} // namespace fearless

#endif // FEARLESS_MOVESINTERNAL_H
