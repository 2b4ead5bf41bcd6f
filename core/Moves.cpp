//===- Moves.cpp - Moved-from variables, on every path --------------------===//

#include "fearless/Moves.h"
#include "fearless/ASTUtil.h"
#include "fearless/Dataflow.h"
#include "fearless/FunctionAnalysis.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

namespace fearless {

namespace {

constexpr llvm::StringRef ReinitMethods[] = {
#define FEARLESS_REINIT_METHOD(Name) Name,
#include "fearless/Models/Moves.def"
};

constexpr llvm::StringRef ConditionalConsumers[] = {
#define FEARLESS_CONDITIONAL_CONSUMER(Name) Name,
#include "fearless/Models/Moves.def"
};

constexpr llvm::StringRef AssociativeConsumers[] = {
#define FEARLESS_ASSOCIATIVE_CONSUMER(Name) Name,
#include "fearless/Models/Moves.def"
};

constexpr llvm::StringRef SmartPointers[] = {
#define FEARLESS_SMART_POINTER(Name) Name,
#include "fearless/Models/Moves.def"
};

bool isSmartPointer(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return false;
  for (llvm::StringRef N : SmartPointers)
    if (hasQualifiedName(RD, N))
      return true;
  return false;
}

bool isThreadHandle(QualType T) {
  return isStdClass(T, "thread") || isStdClass(T, "jthread");
}

bool isReinitMethod(const CXXMethodDecl *M) {
  if (!M)
    return false;
  if (M->hasAttr<ReinitializesAttr>())
    return true;
  if (!M->getParent()->getDeclContext()->getRedeclContext()->isStdNamespace())
    return false;
  if (M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator())
    return true;
  const IdentifierInfo *II = M->getIdentifier();
  if (!II)
    return M->getOverloadedOperator() == OO_Equal;
  for (llvm::StringRef N : ReinitMethods)
    if (II->getName() == N)
      return true;
  return false;
}

/// The variable an occurrence names: a local or parameter (DeclRefExpr) or a
/// field of *this (MemberExpr).
const ValueDecl *occurrenceKey(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (VD && VD->hasLocalStorage())
      return VD;
    return nullptr;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

/// The occurrence of a variable an operand of a move names.
const Expr *movedOccurrence(const Expr *E) {
  E = stripWrappers(E);
  return occurrenceKey(E) ? E : nullptr;
}

bool paramAnnotated(const FunctionDecl *FD, unsigned I, llvm::StringRef What) {
  for (const FunctionDecl *D : FD->redecls())
    if (I < D->getNumParams() && hasAnnotation(D->getParamDecl(I), What))
      return true;
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
    return I < P->getNumParams() && hasAnnotation(P->getParamDecl(I), What);
  return false;
}

/// Walks a function body like the CFG sees it: nested lambda bodies are
/// other functions, but their capture initializers belong here.
template <typename Derived>
class BodyWalker : public RecursiveASTVisitor<Derived> {
public:
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    for (Expr *Init : L->capture_inits())
      if (Init && !this->TraverseStmt(Init))
        return false;
    return true;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }
};

struct Effect {
  enum Kind : unsigned char { Move, Reinit, Use } K;
  unsigned Key;
  unsigned MoveIndex = 0;
  const Expr *Occurrence = nullptr;
};

/// For each tracked variable, the earliest move that may reach here
/// (-1: not moved on any path).
using State = std::vector<int>;

/// What the passes learn about the function and share: the tracked
/// variables, their moves, and what each statement does to them.
struct MoveFacts {
  explicit MoveFacts(std::vector<MoveSite> &Moves) : Moves(Moves) {}

  /// The moves found so far (the result's moves()).
  std::vector<MoveSite> &Moves;
  /// The tracked (moved) variables, and each one's index in the state.
  llvm::DenseMap<const ValueDecl *, unsigned> KeyIndex;
  std::vector<const ValueDecl *> Keys;
  /// The moves, reinitializations and uses each statement performs.
  llvm::DenseMap<const Stmt *, llvm::SmallVector<Effect, 1>> Effects;
  /// Move operands (not uses).
  llvm::DenseSet<const Expr *> Operands;
  /// The move each moving expression makes.
  llvm::DenseMap<const Expr *, unsigned> MoveByCall;
  /// Moves that happen at the call receiving the moved value by reference
  /// (after every argument), not at std::move: never unsequenced.
  llvm::DenseSet<unsigned> DeferredMoves;
  /// Blocks whose branch proves a tracked variable is not moved-from on one
  /// edge: block -> (key, successor index).
  llvm::DenseMap<const CFGBlock *, std::pair<unsigned, unsigned>> NotMovedWhen;
};

/// The uses found that a move may reach: the result's uses(), at most one
/// per move.
struct FoundUses {
  explicit FoundUses(std::vector<UseAfterMove> &Uses) : Uses(Uses) {}

  std::vector<UseAfterMove> &Uses;
  /// For each move with a use, the use's index in Uses.
  llvm::DenseMap<unsigned, size_t> UseOfMove;
  /// Uses reported as unsequenced with a move: the dataflow does not report
  /// them again.
  llvm::DenseSet<const Expr *> ReportedUses;
};

/// Finds the moves of tracked variables and the point where each takes
/// effect (facts: Moves, Keys, Effects of kind Move, Operands).
class MoveFinder {
public:
  MoveFinder(FunctionAnalysis &FA, MoveFacts &Facts)
      : FA(FA), PM(FA.parents()), Facts(Facts) {}

  /// Records every move in the body and the constructor initializers.
  void findMoves();

private:
  void addMove(const Expr *MovingExpr, const Expr *Occurrence, MoveKind Kind,
               const FunctionDecl *Callee, const ParmVarDecl *Param);
  const Expr *effectiveMovePoint(const Expr *MovingExpr, const Expr *Occurrence,
                                 MoveKind Kind) const;
  const Expr *spawnAbove(const Expr *E) const;

  FunctionAnalysis &FA;
  const ParentMap &PM;
  MoveFacts &Facts;
};

/// Sorts the other occurrences of the moved variables into uses and
/// reinitializations, and finds the tests that prove a variable is not in
/// its moved-from state and the uses unsequenced with a move.
class OccurrenceClassifier {
public:
  OccurrenceClassifier(FunctionAnalysis &FA, MoveFacts &Facts)
      : FA(FA), PM(FA.parents()), Facts(Facts) {}

  /// Records an effect (use or reinitialization) for every occurrence of a
  /// tracked variable that is not a move operand.
  void classifyOccurrences();
  /// Records in \p Found each use unsequenced with a move of its variable:
  /// f(std::move(x), x.size()).
  void findUnsequenced(FoundUses &Found);
  /// Records the branches that test a tracked variable's state
  /// (t.joinable(), if (p)) in NotMovedWhen.
  void findStateTests(const CFG &Cfg);

private:
  void classify(const Expr *Occurrence, unsigned Key);
  const Stmt *parentSkippingImplicit(const Stmt *S, const Stmt *&Child) const;

  FunctionAnalysis &FA;
  const ParentMap &PM;
  MoveFacts &Facts;
};

/// The forward may-dataflow over the CFG: for each tracked variable, the
/// earliest move that may reach a point. Replayed with Record set, it
/// records the uses the moves reach.
class MoveDataflow {
public:
  MoveDataflow(const MoveFacts &Facts, FoundUses &Found,
               const SourceManager &SM)
      : Facts(Facts), Found(Found), SM(SM) {}

  // Dataflow interface.
  State entry() const { return State(Facts.Keys.size(), -1); }
  void join(State &Into, const State &From) const {
    for (size_t I = 0; I < Into.size(); ++I)
      Into[I] = earlier(Into[I], From[I]);
  }
  bool equal(const State &A, const State &B) const { return A == B; }
  void transferBlock(const CFGBlock &B, State &S) { apply(B, S, false); }
  void transferEdge(const CFGBlock &From, unsigned SuccIndex, State &S) const {
    // if (t.joinable()), if (p), if (p != nullptr): on the edge where the
    // test holds, the object cannot be in its moved-from state.
    auto It = Facts.NotMovedWhen.find(&From);
    if (It == Facts.NotMovedWhen.end() || It->second.second != SuccIndex)
      return;
    S[It->second.first] = -1;
  }

  /// Applies the effects of \p B's statements to \p S; with \p Record, also
  /// records in Found the uses that a move reaches.
  void apply(const CFGBlock &B, State &S, bool Record);

private:
  int earlier(int A, int B) const;

  const MoveFacts &Facts;
  FoundUses &Found;
  const SourceManager &SM;
};

} // namespace

//===----------------------------------------------------------------------===//
// Moves: where each takes effect
//===----------------------------------------------------------------------===//

const Expr *MoveFinder::spawnAbove(const Expr *E) const {
  const LibraryModel &Lib = FA.session().library();
  for (const Stmt *P = PM.getParent(E); P; P = PM.getParent(P)) {
    const auto *PE = dyn_cast<Expr>(P);
    if (!PE)
      return nullptr;
    if ((isa<CallExpr>(PE) || isa<CXXConstructExpr>(PE)) &&
        ThreadModel::isSpawnExpr(PE, Lib))
      return PE;
  }
  return nullptr;
}

/// Whether a call may leave its rvalue arguments untouched: it consumes
/// them only when it succeeds (try_emplace, insert_or_assign, node-handle and
/// map/set insert), or its result decides whether it did (`if
/// (!m.insert(std::move(v)))`).
static bool isAssociativeClass(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return false;
  std::string Lower = RD->getName().lower();
  return llvm::StringRef(Lower).contains("map") ||
         llvm::StringRef(Lower).contains("set");
}

/// Whether the local variable \p V is tested (an if, while or ?: condition
/// that names it) in one of the few statements after \p S in its block:
/// `auto r = m.insert(std::move(v)); if (!r.second) use(v);`.
static bool testedRightAfter(const VarDecl *V, const Stmt *S,
                             const ParentMap &PM) {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(PM.getParent(S));
  if (!Block)
    return false;
  auto It = llvm::find(Block->body(), S);
  if (It == Block->body_end())
    return false;
  auto Names = [V](const Stmt *Cond) {
    llvm::SmallVector<const Stmt *, 16> Work{Cond};
    while (!Work.empty()) {
      const Stmt *E = Work.pop_back_val();
      if (!E)
        continue;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E);
          DRE && DRE->getDecl() == V)
        return true;
      for (const Stmt *C : E->children())
        Work.push_back(C);
    }
    return false;
  };
  unsigned Looked = 0;
  for (++It; It != Block->body_end() && Looked < 3; ++It, ++Looked) {
    const Stmt *Next = *It;
    if (const auto *If = dyn_cast<IfStmt>(Next); If && Names(If->getCond()))
      return true;
    if (const auto *W = dyn_cast<WhileStmt>(Next); W && Names(W->getCond()))
      return true;
  }
  return false;
}

static bool consumesConditionally(const Expr *Call, const ParentMap &PM) {
  if (const FunctionDecl *Callee = calleeOf(Call);
      Callee && Callee->getIdentifier())
    for (llvm::StringRef N : ConditionalConsumers)
      if (Callee->getName() == N)
        return true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    // The class the code names, not the base that implements the member
    // (concurrent_map's insert lives in concurrent_skip_list).
    const Expr *Obj = MC->getImplicitObjectArgument();
    const CXXRecordDecl *Named =
        Obj ? Obj->IgnoreParenImpCasts()->getType()->getPointeeCXXRecordDecl()
            : nullptr;
    if (!Named && Obj)
      Named = Obj->IgnoreParenImpCasts()->getType()->getAsCXXRecordDecl();
    if (M && M->getIdentifier())
      for (llvm::StringRef N : AssociativeConsumers)
        if (M->getName() == N &&
            (isAssociativeClass(M->getParent()) || isAssociativeClass(Named)))
          return true;
  }
  // The result is tested: the code checks whether the move happened.
  const Stmt *Child = Call;
  for (const Stmt *P = PM.getParent(Call); P; Child = P, P = PM.getParent(P)) {
    if (isa<ImplicitCastExpr, ParenExpr, ExprWithCleanups, CXXBindTemporaryExpr,
            MaterializeTemporaryExpr>(P))
      continue;
    if (const auto *UO = dyn_cast<UnaryOperator>(P);
        UO && UO->getOpcode() == UO_LNot)
      continue;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(P);
        MC && MC->getMethodDecl() &&
        isa<CXXConversionDecl>(MC->getMethodDecl()))
      continue;
    if (const auto *ME = dyn_cast<MemberExpr>(P))
      return ME->getMemberDecl()->getName() == "second"; // insert(...).second
    if (const auto *If = dyn_cast<IfStmt>(P))
      return If->getCond() == Child;
    if (const auto *While = dyn_cast<WhileStmt>(P))
      return While->getCond() == Child;
    if (const auto *CO = dyn_cast<ConditionalOperator>(P))
      return CO->getCond() == Child;
    // r = m.insert(std::move(v)); if (!r.second) ...
    const Expr *AssignedTo = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(P);
        BO && BO->getOpcode() == BO_Assign && BO->getRHS() == Child)
      AssignedTo = BO->getLHS();
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P);
        OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
        OC->getArg(1) == Child)
      AssignedTo = OC->getArg(0);
    if (AssignedTo) {
      const VarDecl *V = referencedVar(AssignedTo);
      return V && testedRightAfter(V, P, PM);
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P))
      return BO->isLogicalOp() || BO->isComparisonOp();
    // auto r = m.insert(std::move(v)); if (!r.second) ...
    if (isa<CXXConstructExpr>(P))
      continue;
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      if (DS->isSingleDecl())
        if (const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl()))
          return testedRightAfter(V, DS, PM);
      return false;
    }
    return false;
  }
  return false;
}

const Expr *MoveFinder::effectiveMovePoint(const Expr *MovingExpr,
                                           const Expr *Occurrence,
                                           MoveKind Kind) const {
  if (Kind != MoveKind::StdMove)
    return MovingExpr;
  // Moving an int or a pointer copies it; so does moving any trivially
  // copyable object: the source keeps its value.
  QualType T = Occurrence->getType().getNonReferenceType();
  if (T->isScalarType() ||
      (T.isTriviallyCopyableType(FA.astContext()) && !T->isRecordType()) ||
      (T->isRecordType() && T.isTriviallyCopyableType(FA.astContext())))
    return nullptr;
  // std::forward<T&>(x) is an lvalue: nothing moves.
  if (!MovingExpr->isXValue())
    return nullptr;
  // static_cast<Base &&>(derived): only the base subobject moves.
  if (const CXXRecordDecl *To = MovingExpr->getType()->getAsCXXRecordDecl())
    if (const CXXRecordDecl *From = T->getAsCXXRecordDecl();
        From && To->getCanonicalDecl() != From->getCanonicalDecl())
      return nullptr;
  const Stmt *Child = MovingExpr;
  for (const Stmt *P = PM.getParent(MovingExpr); P;
       Child = P, P = PM.getParent(P)) {
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P)) {
      // Moving a base subobject (Base(std::move(derived))) leaves the rest.
      if (ICE->getCastKind() == CK_DerivedToBase ||
          ICE->getCastKind() == CK_UncheckedDerivedToBase)
        return nullptr;
      continue;
    }
    if (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr>(P))
      continue;
    if (const auto *CE = dyn_cast<CXXStaticCastExpr>(P)) {
      if (CE->getCastKind() == CK_DerivedToBase ||
          CE->getCastKind() == CK_UncheckedDerivedToBase)
        return nullptr;
      continue;
    }
    // std::move(x).field, std::get<I>(std::move(t)): one part moves.
    if (isa<MemberExpr>(P))
      return nullptr;
    // An aggregate's member initialized from the moved value: a value
    // member moves here; a reference member only binds, and whether a
    // callee later moves through it (or only moves parts of the object, as
    // a variant's visitor does) is not visible here: precision first, no
    // move.
    if (const auto *ILE = dyn_cast<InitListExpr>(P)) {
      const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
      unsigned Index = 0;
      bool Found = false;
      for (; Index < ILE->getNumInits(); ++Index)
        if (ILE->getInit(Index) == Child) {
          Found = true;
          break;
        }
      const FieldDecl *Field = nullptr;
      if (RD && Found) {
        unsigned I = 0;
        for (const FieldDecl *F : RD->fields())
          if (I++ == Index) {
            Field = F;
            break;
          }
      }
      if (!Field || !Field->getType()->isReferenceType())
        return MovingExpr;
      return nullptr;
    }
    // Move construction (a by-value parameter, a variable, a capture):
    // the move happens right here.
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P);
        CE && CE->getConstructor() &&
        CE->getConstructor()->isCopyOrMoveConstructor())
      return MovingExpr;
    if (isa<CallExpr>(P) || isa<CXXConstructExpr>(P)) {
      const Expr *Call = cast<Expr>(P);
      const FunctionDecl *Callee = calleeOf(Call);
      if (Callee && isStdDecl(Callee, "get"))
        return nullptr;
      llvm::ArrayRef<const Expr *> Args = argsOf(Call);
      for (unsigned I = 0; I < Args.size(); ++I) {
        if (Args[I] != Child)
          continue;
        const ParmVarDecl *Param = paramForArg(Call, I);
        if (!Param || !Param->getType()->isReferenceType())
          return MovingExpr; // a by-value parameter is move-constructed here
        if (consumesConditionally(Call, PM))
          return nullptr;
        // Bound to a reference: the callee moves, once every argument is
        // evaluated.
        return Call;
      }
      return MovingExpr;
    }
    return MovingExpr;
  }
  return MovingExpr;
}

void MoveFinder::addMove(const Expr *MovingExpr, const Expr *Occurrence,
                         MoveKind Kind, const FunctionDecl *Callee,
                         const ParmVarDecl *Param) {
  const ValueDecl *Key = occurrenceKey(Occurrence);
  if (!Key)
    return;
  const Expr *Point = effectiveMovePoint(MovingExpr, Occurrence, Kind);
  if (!Point) {
    // Not a move of the whole object: its operand is not a use either.
    Facts.Operands.insert(Occurrence);
    return;
  }
  auto [It, New] = Facts.KeyIndex.try_emplace(Key, Facts.Keys.size());
  if (New)
    Facts.Keys.push_back(Key);
  MoveSite M{
      MovingExpr, Occurrence, Key, Kind, Callee, Param, spawnAbove(MovingExpr)};
  unsigned Index = Facts.Moves.size();
  Facts.Moves.push_back(M);
  Facts.MoveByCall[MovingExpr] = Index;
  Facts.Operands.insert(Occurrence);
  if (Point != MovingExpr)
    Facts.DeferredMoves.insert(Index);
  Facts.Effects[Point].push_back(Effect{Effect::Move, It->second, Index});
}

void MoveFinder::findMoves() {
  struct Finder : BodyWalker<Finder> {
    MoveFinder &B;
    explicit Finder(MoveFinder &B) : B(B) {}
    bool VisitCallExpr(CallExpr *Call) {
      visitCall(Call);
      return true;
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
      visitCall(CE);
      return true;
    }
    bool VisitCXXStaticCastExpr(CXXStaticCastExpr *Cast) {
      if (const Expr *Moved = getMovedExpr(Cast))
        if (const Expr *Occ = movedOccurrence(Moved))
          if (!B.Facts.Operands.count(Occ))
            B.addMove(Cast, Occ, MoveKind::StdMove, nullptr, nullptr);
      return true;
    }
    void visitCall(const Expr *Call) {
      if (const auto *CE = dyn_cast<CallExpr>(Call))
        if (const Expr *Moved = getMovedExpr(CE)) {
          if (const Expr *Occ = movedOccurrence(Moved))
            if (!B.Facts.Operands.count(Occ))
              B.addMove(CE, Occ, MoveKind::StdMove, nullptr, nullptr);
          return;
        }
      const FunctionDecl *Callee = calleeOf(Call);
      if (!Callee)
        return;
      llvm::ArrayRef<const Expr *> Args = argsOf(Call);
      for (unsigned I = 0; I < Args.size(); ++I) {
        const ParmVarDecl *P = paramForArg(Call, I);
        if (!P)
          continue;
        unsigned Index = P->getFunctionScopeIndex();
        bool Sends = paramAnnotated(Callee, Index, "fearless::sends");
        bool Consumes =
            Sends || paramAnnotated(Callee, Index, "fearless::consumes");
        if (!Consumes)
          continue;
        MoveKind Kind = Sends ? MoveKind::Sent : MoveKind::Consumed;
        const Expr *Arg = Args[I];
        // std::move(x) passed to it: upgrade that move.
        if (const Expr *Moved = getMovedExpr(stripWrappers(Arg))) {
          const Expr *Occ = movedOccurrence(Moved);
          const Expr *MoveCall = stripWrappers(Arg);
          auto It = B.Facts.MoveByCall.find(MoveCall);
          if (Occ && It != B.Facts.MoveByCall.end()) {
            MoveSite &M = B.Facts.Moves[It->second];
            M.Kind = Kind;
            M.Callee = Callee;
            M.Param = P;
            continue;
          }
          if (Occ && !B.Facts.Operands.count(Occ)) {
            // Traversal order put the call first: record the move here.
            B.addMove(MoveCall, Occ, Kind, Callee, P);
          }
          continue;
        }
        if (const Expr *Occ = movedOccurrence(Arg))
          if (!B.Facts.Operands.count(Occ))
            B.addMove(Call, Occ, Kind, Callee, P);
      }
    }
  };
  Finder F(*this);
  const FunctionDecl *FD = FA.function();
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        F.TraverseStmt(Init->getInit());
  F.TraverseStmt(FD->getBody());
}

//===----------------------------------------------------------------------===//
// Occurrences: uses, reinitializations, state tests
//===----------------------------------------------------------------------===//

void OccurrenceClassifier::findStateTests(const CFG &Cfg) {
  for (const CFGBlock *B : Cfg) {
    const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
    if (!Cond || B->succ_size() != 2)
      continue;
    bool Negated = false;
    const Expr *E = Cond->IgnoreParenImpCasts();
    while (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_LNot)
        break;
      Negated = !Negated;
      E = UO->getSubExpr()->IgnoreParenImpCasts();
    }
    const Expr *Object = nullptr;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && ((M->getIdentifier() && M->getName() == "joinable") ||
                isa<CXXConversionDecl>(M)))
        Object = MC->getImplicitObjectArgument();
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
               OC && OC->getOperator() == OO_ExclaimEqual &&
               OC->getNumArgs() == 2 &&
               isa<CXXNullPtrLiteralExpr>(
                   OC->getArg(1)->IgnoreParenImpCasts())) {
      Object = OC->getArg(0);
    }
    if (!Object)
      continue;
    const ValueDecl *Key = occurrenceKey(Object->IgnoreParenImpCasts());
    auto It = Key ? Facts.KeyIndex.find(Key) : Facts.KeyIndex.end();
    if (It == Facts.KeyIndex.end())
      continue;
    Facts.NotMovedWhen[B] = {It->second, Negated ? 1u : 0u};
  }
}

const Stmt *
OccurrenceClassifier::parentSkippingImplicit(const Stmt *S,
                                             const Stmt *&Child) const {
  Child = S;
  const Stmt *P = PM.getParent(S);
  while (P && (isa<ParenExpr>(P) || isa<MaterializeTemporaryExpr>(P) ||
               isa<CXXBindTemporaryExpr>(P) ||
               (isa<ImplicitCastExpr>(P) &&
                cast<ImplicitCastExpr>(P)->getCastKind() != CK_LValueToRValue &&
                cast<ImplicitCastExpr>(P)->getCastKind() !=
                    CK_UserDefinedConversion))) {
    Child = P;
    P = PM.getParent(P);
  }
  return P;
}

void OccurrenceClassifier::classify(const Expr *Occ, unsigned Key) {
  if (Facts.Operands.count(Occ))
    return;
  QualType T = Occ->getType();
  bool Smart = isSmartPointer(T);
  bool Thread = isThreadHandle(T);
  const Stmt *Child = nullptr;
  const Stmt *P = parentSkippingImplicit(Occ, Child);
  auto Reinit = [&](const Stmt *At) {
    Facts.Effects[At].push_back(Effect{Effect::Reinit, Key});
  };
  auto Use = [&] {
    Facts.Effects[Occ].push_back(Effect{Effect::Use, Key, 0, Occ});
  };
  if (!P) {
    Use();
    return;
  }
  // Assignment: a reinitialization once the right-hand side is evaluated.
  if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
    if (BO->getOpcode() == BO_Assign && BO->getLHS() == Child) {
      Reinit(BO);
      return;
    }
    Use();
    return;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
    if (OC->getNumArgs() > 0 && OC->getArg(0) == Child) {
      OverloadedOperatorKind Op = OC->getOperator();
      if (Op == OO_Equal) {
        Reinit(OC);
        return;
      }
      if (Smart) {
        if (Op == OO_Star || Op == OO_Arrow || Op == OO_Subscript)
          Use();
        return; // comparisons and the like are fine on a null pointer
      }
    }
    Use();
    return;
  }
  // Member calls: x.clear(), x.reset(), p.get(), t.joinable().
  if (const auto *ME = dyn_cast<MemberExpr>(P); ME && ME->getBase() == Child) {
    const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(PM.getParent(ME));
    const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    if (MC && M && isReinitMethod(M)) {
      Reinit(MC);
      return;
    }
    if (Smart && M)
      return; // only dereference is a use of a moved-from smart pointer
    if (Thread && M && M->getIdentifier() && M->getName() == "joinable")
      return;
    Use();
    return;
  }
  // Conversions: if (p) on a smart pointer.
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P);
      ICE && ICE->getCastKind() == CK_UserDefinedConversion && Smart)
    return;
  if (Smart)
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(P);
        MC && isa<CXXConversionDecl>(MC->getMethodDecl()))
      return;
  // Passed to an out-parameter: assumed to be given a new value.
  if (isa<CallExpr>(P) || isa<CXXConstructExpr>(P)) {
    const Expr *Call = cast<Expr>(P);
    llvm::ArrayRef<const Expr *> Args = argsOf(Call);
    for (unsigned I = 0; I < Args.size(); ++I)
      if (Args[I] == Child) {
        const ParmVarDecl *Param = paramForArg(Call, I);
        if (Param && Param->getType()->isLValueReferenceType() &&
            !Param->getType().getNonReferenceType().isConstQualified()) {
          if (const auto *FD = calleeOf(Call); FD && isStdDecl(FD, "swap")) {
            Reinit(Call);
            return;
          }
          Reinit(Call);
          return;
        }
      }
    Use();
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(P);
      UO && UO->getOpcode() == UO_AddrOf) {
    // &x passed as a non-const pointer: an out-parameter too.
    const Stmt *C2 = nullptr;
    const Stmt *PP = parentSkippingImplicit(UO, C2);
    if (PP && (isa<CallExpr>(PP) || isa<CXXConstructExpr>(PP))) {
      llvm::ArrayRef<const Expr *> Args = argsOf(cast<Expr>(PP));
      for (unsigned I = 0; I < Args.size(); ++I)
        if (Args[I] == C2)
          if (const ParmVarDecl *Param = paramForArg(cast<Expr>(PP), I);
              Param && Param->getType()->isPointerType() &&
              !Param->getType()->getPointeeType().isConstQualified()) {
            Reinit(PP);
            return;
          }
    }
    Use();
    return;
  }
  Use();
}

void OccurrenceClassifier::classifyOccurrences() {
  // Every occurrence of a tracked variable, and its declaration (a new
  // object each time it executes).
  struct Occurrences : BodyWalker<Occurrences> {
    OccurrenceClassifier &B;
    explicit Occurrences(OccurrenceClassifier &B) : B(B) {}
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      visit(E);
      return true;
    }
    bool VisitMemberExpr(MemberExpr *E) {
      visit(E);
      return true;
    }
    void visit(const Expr *E) {
      const ValueDecl *Key = occurrenceKey(E);
      if (!Key)
        return;
      auto It = B.Facts.KeyIndex.find(Key);
      if (It != B.Facts.KeyIndex.end())
        B.classify(E, It->second);
    }
  };
  Occurrences O(*this);
  const FunctionDecl *FD = FA.function();
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        O.TraverseStmt(Init->getInit());
  O.TraverseStmt(FD->getBody());
}

void OccurrenceClassifier::findUnsequenced(FoundUses &Found) {
  // An operand of a call or of an operator whose operands are unsequenced:
  // f(std::move(x), x.size()), a + g(std::move(a)).
  for (unsigned Index = 0; Index < Facts.Moves.size(); ++Index) {
    const MoveSite &M = Facts.Moves[Index];
    if (M.Kind != MoveKind::StdMove || Facts.DeferredMoves.count(Index))
      continue;
    const Stmt *Child = M.Expr;
    for (const Stmt *P = PM.getParent(Child); P;
         Child = P, P = PM.getParent(P)) {
      if (!isa<Expr>(P))
        break;
      llvm::SmallVector<const Stmt *, 4> Siblings;
      if (isa<CallExpr>(P) || isa<CXXConstructExpr>(P)) {
        if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
          OverloadedOperatorKind Op = OC->getOperator();
          if (Op == OO_Equal || Op == OO_LessLess || Op == OO_GreaterGreater ||
              Op == OO_AmpAmp || Op == OO_PipePipe || Op == OO_Comma ||
              Op == OO_Arrow || Op == OO_Subscript || OC->isAssignmentOp())
            continue;
        }
        for (const Expr *A : argsOf(cast<Expr>(P)))
          if (A != Child)
            Siblings.push_back(A);
      } else if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
        if (BO->isLogicalOp() || BO->isAssignmentOp() || BO->isShiftOp() ||
            BO->isCommaOp() || BO->isPtrMemOp())
          continue;
        Siblings.push_back(BO->getLHS() == Child ? BO->getRHS() : BO->getLHS());
      } else {
        continue;
      }
      for (const Stmt *S : Siblings) {
        // The first use of the same variable in the sibling, in source
        // order.
        const Expr *First = nullptr;
        struct Finder : BodyWalker<Finder> {
          const ValueDecl *Key;
          const Expr *&First;
          const MoveFacts &Facts;
          Finder(const ValueDecl *Key, const Expr *&First,
                 const MoveFacts &Facts)
              : Key(Key), First(First), Facts(Facts) {}
          bool VisitExpr(Expr *E) {
            if (!First && (isa<DeclRefExpr>(E) || isa<MemberExpr>(E)) &&
                occurrenceKey(E) == Key && !Facts.Operands.count(E)) {
              auto It = Facts.Effects.find(E);
              if (It != Facts.Effects.end())
                for (const Effect &Eff : It->second)
                  if (Eff.K == Effect::Use)
                    First = E;
            }
            return !First;
          }
        };
        Finder F(M.Var, First, Facts);
        F.TraverseStmt(const_cast<Stmt *>(S));
        if (First && Found.ReportedUses.insert(First).second &&
            !Found.UseOfMove.count(Index)) {
          Found.UseOfMove[Index] = Found.Uses.size();
          Found.Uses.push_back(UseAfterMove{Index, First, true});
        }
      }
    }
  }
}

//===----------------------------------------------------------------------===//
// The dataflow
//===----------------------------------------------------------------------===//

int MoveDataflow::earlier(int A, int B) const {
  if (A < 0)
    return B;
  if (B < 0 || A == B)
    return A;
  SourceLocation LA = Facts.Moves[A].Expr->getBeginLoc();
  SourceLocation LB = Facts.Moves[B].Expr->getBeginLoc();
  return SM.isBeforeInTranslationUnit(LB, LA) ? B : A;
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
            !Found.ReportedUses.count(Facts.Moves[E.MoveIndex].Operand)) {
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
        if (!Record || S[E.Key] < 0 || Found.ReportedUses.count(E.Occurrence))
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

std::unique_ptr<MoveAnalysis> MoveAnalysis::compute(FunctionAnalysis &FA) {
  llvm::TimeTraceScope Scope("fearless moves");
  auto Result = std::make_unique<MoveAnalysis>();
  MoveFacts Facts(Result->Moves);
  MoveFinder(FA, Facts).findMoves();
  if (Result->Moves.empty())
    return nullptr;
  OccurrenceClassifier Classifier(FA, Facts);
  Classifier.classifyOccurrences();
  FoundUses Found(Result->Uses);
  Classifier.findUnsequenced(Found);

  const CFG *Cfg = FA.cfg();
  if (!Cfg)
    return nullptr;
  Classifier.findStateTests(*Cfg);
  const SourceManager &SM = FA.astContext().getSourceManager();
  MoveDataflow Dataflow(Facts, Found, SM);
  if (!solveAndReplay<State>(*Cfg, FA.declContext(), Dataflow,
                             [&](const CFGBlock &B, State &S) {
                               Dataflow.apply(B, S, /*Record=*/true);
                             }))
    return nullptr;
  std::sort(Result->Uses.begin(), Result->Uses.end(),
            [&](const UseAfterMove &A, const UseAfterMove &B) {
              return SM.isBeforeInTranslationUnit(A.Use->getBeginLoc(),
                                                  B.Use->getBeginLoc());
            });
  return Result;
}

} // namespace fearless
