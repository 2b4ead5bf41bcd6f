//===- MoveFinder.cpp - The moves, and where each takes effect ------------===//

#include "MovesInternal.h"
#include "fearless/ChannelInference.h"
#include "fearless/ASTUtil.h"
#include "fearless/FunctionAnalysis.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace fearless {
namespace moves {

namespace {

constexpr llvm::StringRef ConditionalConsumers[] = {
#define FEARLESS_CONDITIONAL_CONSUMER(Name) Name,
#include "fearless/Models/Moves.def"
};

constexpr llvm::StringRef AssociativeConsumers[] = {
#define FEARLESS_ASSOCIATIVE_CONSUMER(Name) Name,
#include "fearless/Models/Moves.def"
};

/// When a node-first consumer moves (Models/Moves.def).
enum class NodeFirstWhen { Always, NotKeyValue, Pair };

struct NodeFirstConsumer {
  llvm::StringRef Class;
  llvm::StringRef Name;
  NodeFirstWhen When;
};

constexpr NodeFirstConsumer NodeFirstConsumers[] = {
#define FEARLESS_NODE_FIRST_CONSUMER(Class, Name, When)                        \
  {Class, Name, NodeFirstWhen::When},
#include "fearless/Models/Moves.def"
};

} // namespace

/// The variable an occurrence names: a local or parameter (DeclRefExpr) or a
/// field of *this (MemberExpr).
const ValueDecl *occurrenceKey(const Expr *E) {
  // Variables with static storage too: MoveFinder tracks them only with
  // GlobalAndStaticMoves.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *Static = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return Static; // this->counter_ of a static member
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
  }
  return nullptr;
}

namespace {

bool paramAnnotated(const FunctionDecl *FD, unsigned I, llvm::StringRef What) {
  for (const FunctionDecl *D : FD->redecls())
    if (I < D->getNumParams() && hasAnnotation(D->getParamDecl(I), What))
      return true;
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
    return I < P->getNumParams() && hasAnnotation(P->getParamDecl(I), What);
  return false;
}

} // namespace

const Expr *MoveFinder::movedOccurrence(const Expr *E) const {
  E = stripWrappers(E);
  if (occurrenceKey(E) || (Facts.Parts && Facts.partPath(E)))
    return E;
  return nullptr;
}

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

/// Whether \p Call is a member of a standard associative container that
/// moves its arguments into a node before it looks for the key (or always
/// inserts): `um.emplace(k, std::move(v))` empties `v` even when `k` is
/// there, whatever the code does with the result.
static bool consumesAlways(const Expr *Call, const ASTContext &Ctx) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier())
    return false;
  for (const NodeFirstConsumer &C : NodeFirstConsumers) {
    if (M->getName() != C.Name || !hasQualifiedName(M->getParent(), C.Class))
      continue;
    switch (C.When) {
    case NodeFirstWhen::Always:
      return true;
    case NodeFirstWhen::NotKeyValue:
      // libstdc++'s map::emplace(k, v) looks the key up first in C++17.
      return MC->getNumArgs() != 2 || !Ctx.getLangOpts().CPlusPlus17;
    case NodeFirstWhen::Pair:
      return MC->getNumArgs() == 1 &&
             isStdClass(MC->getArg(0)->getType().getNonReferenceType(), "pair");
    }
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
  // copyable object: the source keeps its value. A class object's move
  // states an intent all the same: counted with TriviallyCopyableMoves.
  QualType T = Occurrence->getType().getNonReferenceType();
  if (T.isTriviallyCopyableType(FA.astContext()) &&
      (!T->isRecordType() ||
       !FA.session().library().options().flag("TriviallyCopyableMoves")))
    return nullptr;
  // std::move of a const object is a const T&&: it binds to a const T& (the
  // copy constructor), never to a T&&, and the source keeps its value.
  if (T.isConstQualified())
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
        if (consumesAlways(Call, FA.astContext()))
          return Call;
        if (consumesConditionally(Call, PM))
          return nullptr;
        // A T&& (or forwarding-reference) parameter whose visible body
        // never moves it, or moves it only on some paths, leaves the
        // argument alone (or may: precision first).
        // One that only returns a reference into it (`get(V&&)`) moves
        // nothing by itself: the use of the result decides.
        if (Param->getType()->isRValueReferenceType()) {
          ParamFate F = Callees.fate(Callee, Param);
          if (F == ParamFate::Returned)
            F = Callees.resultFate(Call, PM);
          if (F != ParamFate::Moved)
            return nullptr;
        }
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
  std::optional<PartPath> Path;
  if (!Key && Facts.Parts && (Path = Facts.partPath(Occurrence)))
    Key = reinterpret_cast<const ValueDecl *>(Path->front());
  if (!Key)
    return;
  // A global or a static member may be given a new value by any function
  // between the move and the use: tracked only when asked for (the Static
  // Analyzer's cplusplus.Move WarnOn=All).
  if (const auto *VD = dyn_cast<VarDecl>(Key);
      VD && !VD->hasLocalStorage() &&
      !FA.session().library().options().flag("GlobalAndStaticMoves"))
    return;
  // In an uninstantiated template, only variables of a known type.
  if (Occurrence->isInstantiationDependent() ||
      Key->getType()->isDependentType() || MovingExpr->isTypeDependent())
    return;
  const Expr *Point = effectiveMovePoint(MovingExpr, Occurrence, Kind);
  if (!Point) {
    // Not a move of the whole object: its operand is not a use either.
    Facts.Operands.insert(Occurrence);
    return;
  }
  unsigned KeyIndex = Path ? Facts.partKey(*Path) : Facts.wholeKey(Key);
  MoveSite M{
      MovingExpr, Occurrence, Key, Kind, Callee, Param, spawnAbove(MovingExpr)};
  M.Part = Path.has_value();
  QualType T = Occurrence->getType().getNonReferenceType();
  M.Copied = Kind == MoveKind::StdMove && T->isRecordType() &&
             T.isTriviallyCopyableType(FA.astContext());
  unsigned Index = Facts.Moves.size();
  Facts.Moves.push_back(M);
  Facts.MoveKeys.push_back(KeyIndex);
  Facts.MoveByCall[MovingExpr] = Index;
  Facts.Operands.insert(Occurrence);
  if (Point != MovingExpr)
    Facts.DeferredMoves.insert(Index);
  Facts.Effects[Point].push_back(Effect{Effect::Move, KeyIndex, Index});
  if (!Path && Kind != MoveKind::Invalidated)
    noteElementsMove(Facts, PM, FA.session().library(), Index, Point);
  if (!Path)
    noteKeptFields(Facts, PM, Index);
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
        if (const Expr *Occ = B.movedOccurrence(Moved))
          if (!B.Facts.Operands.count(Occ))
            B.addMove(Cast, Occ, MoveKind::StdMove, nullptr, nullptr);
      return true;
    }
    /// db.close() or close(db) with close in InvalidationFunctions: the
    /// object a member is called on, else the first argument.
    void visitInvalidation(const Expr *Call, const FunctionDecl *Callee) {
      const Expr *Object = nullptr;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        Object = MC->getImplicitObjectArgument();
      else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call);
               OC && isa<CXXMethodDecl>(Callee) &&
               !cast<CXXMethodDecl>(Callee)->isStatic())
        Object = OC->getNumArgs() ? OC->getArg(0) : nullptr;
      else if (!argsOf(Call).empty())
        Object = argsOf(Call)[0];
      if (!Object)
        return;
      if (const Expr *Occ = B.movedOccurrence(Object))
        if (!B.Facts.Operands.count(Occ))
          B.addMove(Call, Occ, MoveKind::Invalidated, Callee, nullptr);
    }
    void visitCall(const Expr *Call) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call); MC && B.Facts.Parts)
        noteMemberCallMoves(B.Facts, B.FA.session().library(), MC);
      if (const auto *CE = dyn_cast<CallExpr>(Call))
        if (const Expr *Moved = getMovedExpr(CE)) {
          if (const Expr *Occ = B.movedOccurrence(Moved))
            if (!B.Facts.Operands.count(Occ))
              B.addMove(CE, Occ, MoveKind::StdMove, nullptr, nullptr);
          return;
        }
      const FunctionDecl *Callee = calleeOf(Call);
      if (!Callee)
        return;
      if (B.FA.session().library().isInvalidationFunction(Callee)) {
        visitInvalidation(Call, Callee);
        return;
      }
      llvm::ArrayRef<const Expr *> Args = argsOf(Call);
      for (unsigned I = 0; I < Args.size(); ++I) {
        const ParmVarDecl *P = paramForArg(Call, I);
        if (!P)
          continue;
        unsigned Index = P->getFunctionScopeIndex();
        const InferredSend *Inferred = nullptr;
        bool Sends = isSendsParam(Callee, Index, B.FA.session().library(),
                                  &Inferred);
        bool Consumes =
            Sends || paramAnnotated(Callee, Index, "fearless::consumes");
        if (!Consumes)
          continue;
        MoveKind Kind = Sends ? MoveKind::Sent : MoveKind::Consumed;
        const Expr *Arg = Args[I];
        // An lvalue given to an inferred send is copied into the queue.
        if (Inferred && !getMovedExpr(stripWrappers(Arg)))
          continue;
        // A send that may refuse the value (`try_push`, `try_enqueue`)
        // takes it only when it succeeds: the argument may still be there.
        if (Inferred && Callee->getIdentifier() &&
            Callee->getName().starts_with("try_"))
          continue;
        // std::move(x) passed to it: upgrade that move.
        if (const Expr *Moved = getMovedExpr(stripWrappers(Arg))) {
          const Expr *Occ = B.movedOccurrence(Moved);
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
        if (const Expr *Occ = B.movedOccurrence(Arg))
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

} // namespace moves
} // namespace fearless
