//===- MoveParts.cpp - Parts of variables and elements of containers ------===//
//
// Keys of the move analysis beyond whole variables:
//   parts     with SubObjectMoves, `s.v`, `p->x`, `a[2]`, `a[i]` (i never
//             written), `*p`: moved and used like variables; a write to the
//             root or to an enclosing part (`s = S()`, `s.reset()`, `&s`
//             taken, `p` reassigned or passed on) reinitializes them; a use
//             of the root as a whole (`print(s)`) is not a use of the part;
//   elements  `for (auto &e : v) consume(std::move(e));`, the move in every
//             iteration: after the loop, reading v's elements (another
//             range-for reading them, v[i], v.at(i), v.front(), v.back())
//             is a use of moved-from elements; a const member (size(),
//             empty()) is neither; any other write to v (clear(), =,
//             push_back, an out-parameter) gives it new elements.
//
//===----------------------------------------------------------------------===//

#include "MovesInternal.h"
#include "fearless/ASTUtil.h"
#include "fearless/VarUsage.h"
#include "clang/AST/Attr.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace fearless {
namespace moves {

namespace {

constexpr uintptr_t DerefStep = 1;
uintptr_t constantStep(int64_t V) { return (uintptr_t(V) << 3) | 2; }
uintptr_t variableStep(const ValueDecl *V) { return uintptr_t(V) | 4; }
bool isFieldStep(uintptr_t S) { return S > 7 && (S & 7) == 0; }
bool isConstantStep(uintptr_t S) { return (S & 7) == 2; }

constexpr llvm::StringRef ReinitNames[] = {
#define FEARLESS_REINIT_METHOD(Name) Name,
#define FEARLESS_REINIT_ANY_CLASS(Name) Name,
#include "fearless/Models/Moves.def"
};

constexpr llvm::StringRef StateQueryNames[] = {
#define FEARLESS_STATE_QUERY(Name) Name,
#include "fearless/Models/Moves.def"
};

/// Whether \p S is a smart pointer of the library whose pointee `*p` and
/// `p->` name.
bool isOwningPointer(QualType T) {
  return isStdClass(T, "unique_ptr") || isStdClass(T, "shared_ptr");
}

/// Whether \p T is a standard container whose operator[] names one element
/// by its index.
bool isIndexedContainer(QualType T) {
  return isStdClass(T, "vector") || isStdClass(T, "array") ||
         isStdClass(T, "deque");
}

/// \p E without parentheses and implicit casts.
const Expr *bare(const Expr *E) { return E->IgnoreParenImpCasts(); }

/// The parent of \p E, past parentheses and implicit casts; \p Child is the
/// last expression skipped.
const Stmt *parentOf(const Expr *E, const ParentMap &PM, const Stmt *&Child) {
  Child = E;
  const Stmt *P = PM.getParent(E);
  while (P && (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
                   CXXBindTemporaryExpr, ExprWithCleanups>(P))) {
    Child = P;
    P = PM.getParent(P);
  }
  return P;
}

/// Whether \p S is \p Ancestor or inside it.
bool inside(const Stmt *S, const Stmt *Ancestor, const ParentMap &PM) {
  for (; S; S = PM.getParent(S))
    if (S == Ancestor)
      return true;
  return false;
}

/// The expression one step above \p Child in a path (`s` in `s.v`, `a` in
/// `a[2]`, `p` in `*p`), or null.
const Expr *pathParent(const Stmt *P, const Stmt *Child) {
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(P))
    return ME->getBase() == Child && isa<FieldDecl>(ME->getMemberDecl()) ? ME
                                                                         : nullptr;
  if (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(P))
    return AS->getBase() == Child ? AS : nullptr;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
    return UO->getOpcode() == UO_Deref ? UO : nullptr;
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P))
    if ((OC->getOperator() == OO_Subscript || OC->getOperator() == OO_Star ||
         OC->getOperator() == OO_Arrow) &&
        OC->getNumArgs() > 0 && OC->getArg(0) == Child)
      return OC;
  return nullptr;
}

// What the code does with one element (the result of v[i], v.front(),
// the loop variable): a write gives it a new value; asking for its
// moved-from state (empty(), joinable(), valid(), a smart pointer tested)
// is neither; anything else reads it.
enum Touch { Read, Write, Neither };
Touch elementTouch(const Expr *Element, const ParentMap &PM) {
  const Stmt *Child = nullptr;
  const Stmt *P = parentOf(Element, PM, Child);
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
      BO && BO->getOpcode() == BO_Assign && BO->getLHS() == Child)
    return Write;
  const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
  if (OC && OC->getOperator() == OO_Equal && OC->getArg(0) == Child)
    return Write;
  const auto *ME = dyn_cast_or_null<MemberExpr>(P);
  const auto *M = ME && ME->getBase() == Child
                      ? dyn_cast<CXXMethodDecl>(ME->getMemberDecl())
                      : nullptr;
  if (M && isa<CXXDestructorDecl>(M))
    return Write; // its lifetime ends
  if (M && M->getIdentifier() &&
      (M->hasAttr<ReinitializesAttr>() ||
       llvm::any_of(ReinitNames, [&](llvm::StringRef N) {
         return M->getName().equals_insensitive(N);
       })))
    return Write;
  if (M && M->getIdentifier() &&
      (llvm::any_of(StateQueryNames,
                    [&](llvm::StringRef N) {
                      return M->getName().equals_insensitive(N);
                    }) ||
       M->getName() == "joinable" || M->getName() == "valid"))
    return Neither;
  // A moved-from smart pointer is null: only a dereference reads it.
  if (isNullAfterMove(Element->getType()) &&
      !(OC && OC->getArg(0) == Child &&
        (OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow ||
         OC->getOperator() == OO_Subscript)))
    return Neither;
  return Read;
}

} // namespace

bool MoveFacts::indexStep(const Expr *Index, uintptr_t &Step) const {
  Index = bare(Index);
  if (std::optional<long long> K =
          integerConstant(Index, Function->getASTContext())) {
    Step = constantStep(*K);
    return true;
  }
  // a[i] with an i the function never writes: the same element each time.
  const auto *DRE = dyn_cast<DeclRefExpr>(Index);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->hasLocalStorage() || !V->getType()->isIntegralOrEnumerationType())
    return false;
  auto [It, New] = IndexUnchanged.try_emplace(V, false);
  if (New)
    It->second = isOnlyRead(V, Function->getBody());
  if (!It->second)
    return false;
  Step = variableStep(V);
  return true;
}

bool MoveFacts::appendPath(const Expr *E, PartPath &P, unsigned Depth) const {
  if (Depth > 8)
    return false;
  E = bare(E);
  if (const ValueDecl *Root = occurrenceKey(E)) {
    P.push_back(uintptr_t(Root));
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F)
      return false;
    const Expr *Base = bare(ME->getBase());
    if (ME->isArrow()) {
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Base);
          OC && OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1) {
        if (!isOwningPointer(OC->getArg(0)->getType()))
          return false;
        Base = OC->getArg(0);
      }
      if (!appendPath(Base, P, Depth + 1))
        return false;
      P.push_back(DerefStep);
    } else if (!appendPath(Base, P, Depth + 1)) {
      return false;
    }
    P.push_back(uintptr_t(F));
    return true;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    uintptr_t Step;
    if (!indexStep(AS->getIdx(), Step) || !appendPath(AS->getBase(), P, Depth + 1))
      return false;
    P.push_back(Step);
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_Deref || !appendPath(UO->getSubExpr(), P, Depth + 1))
      return false;
    P.push_back(DerefStep);
    return true;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
        isIndexedContainer(OC->getArg(0)->getType())) {
      uintptr_t Step;
      if (!indexStep(OC->getArg(1), Step) ||
          !appendPath(OC->getArg(0), P, Depth + 1))
        return false;
      P.push_back(Step);
      return true;
    }
    if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1 &&
        isOwningPointer(OC->getArg(0)->getType())) {
      if (!appendPath(OC->getArg(0), P, Depth + 1))
        return false;
      P.push_back(DerefStep);
      return true;
    }
  }
  return false;
}

std::optional<PartPath> MoveFacts::partPath(const Expr *E) const {
  E = bare(E);
  if (occurrenceKey(E) || E->isInstantiationDependent())
    return std::nullopt;
  if (!isa<MemberExpr, ArraySubscriptExpr, UnaryOperator, CXXOperatorCallExpr>(
          E))
    return std::nullopt;
  PartPath P;
  if (!appendPath(E, P, 0) || P.size() < 2)
    return std::nullopt;
  return P;
}

int MoveFacts::keyOf(const Expr *E) const {
  if (const ValueDecl *V = occurrenceKey(E)) {
    auto It = KeyIndex.find(V);
    return It == KeyIndex.end() ? -1 : int(It->second);
  }
  if (!Parts || PartIndex.empty())
    return -1;
  std::optional<PartPath> P = partPath(E);
  if (!P)
    return -1;
  auto It = PartIndex.find(*P);
  return It == PartIndex.end() ? -1 : int(It->second);
}

unsigned MoveFacts::wholeKey(const ValueDecl *V) {
  auto [It, New] = KeyIndex.try_emplace(V, Keys.size());
  if (New)
    Keys.push_back(TrackedKey{TrackedKey::Whole, V, {}, {}});
  return It->second;
}

unsigned MoveFacts::partKey(const PartPath &Path) {
  auto [It, New] = PartIndex.try_emplace(Path, Keys.size());
  if (New) {
    const auto *Root = reinterpret_cast<const ValueDecl *>(Path.front());
    Keys.push_back(TrackedKey{TrackedKey::Part, Root, Path, {}});
    Dependents[Root].push_back(It->second);
  }
  return It->second;
}

unsigned MoveFacts::elementsKey(const ValueDecl *Container) {
  auto [It, New] = ElementsIndex.try_emplace(Container, Keys.size());
  if (New) {
    Keys.push_back(TrackedKey{TrackedKey::Elements, Container, {}, {}});
    Dependents[Container].push_back(It->second);
  }
  return It->second;
}

void noteElementsMove(MoveFacts &Facts, const ParentMap &PM,
                      const LibraryModel &Lib, unsigned Index,
                      const Expr *Point) {
  const MoveSite &M = Facts.Moves[Index];
  const auto *Ref = dyn_cast<VarDecl>(M.Var);
  if (!Ref || !Ref->getType()->isReferenceType() ||
      Ref->getType().getNonReferenceType().isConstQualified())
    return;
  // The loop whose element reference it is, and the move's path up to the
  // loop's body: unconditional (no branch, loop, ?:, && or || between).
  const CXXForRangeStmt *For = nullptr;
  const Stmt *Child = M.Expr;
  for (const Stmt *P = PM.getParent(Child); P; Child = P, P = PM.getParent(P)) {
    if (const auto *F = dyn_cast<CXXForRangeStmt>(P)) {
      if (F->getLoopVariable() == Ref && Child == F->getBody())
        For = F;
      break;
    }
    if (isa<IfStmt, WhileStmt, DoStmt, ForStmt, SwitchStmt, CXXTryStmt,
            ConditionalOperator, BinaryConditionalOperator>(P))
      return;
    if (const auto *BO = dyn_cast<BinaryOperator>(P); BO && BO->isLogicalOp())
      return;
  }
  if (!For)
    return;
  // Every iteration reaches the move: no break, continue or goto of this
  // loop in its body.
  struct Jumps : RecursiveASTVisitor<Jumps> {
    unsigned Nested = 0;
    bool Found = false;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitGotoStmt(GotoStmt *) { return !(Found = true); }
    bool VisitIndirectGotoStmt(IndirectGotoStmt *) { return !(Found = true); }
    bool VisitBreakStmt(BreakStmt *) { return Nested || !(Found = true); }
    bool VisitContinueStmt(ContinueStmt *) { return Nested || !(Found = true); }
#define FEARLESS_NESTED(Type)                                                  \
  bool Traverse##Type(Type *S) {                                               \
    ++Nested;                                                                  \
    bool R = RecursiveASTVisitor<Jumps>::Traverse##Type(S);                    \
    --Nested;                                                                  \
    return R;                                                                  \
  }
    FEARLESS_NESTED(WhileStmt)
    FEARLESS_NESTED(DoStmt)
    FEARLESS_NESTED(ForStmt)
    FEARLESS_NESTED(CXXForRangeStmt)
    FEARLESS_NESTED(SwitchStmt)
#undef FEARLESS_NESTED
  } J;
  J.TraverseStmt(const_cast<Stmt *>(For->getBody()));
  if (J.Found)
    return;
  // The range is a tracked variable, not a temporary or a call.
  if (!For->getRangeInit())
    return;
  const ValueDecl *Container = occurrenceKey(bare(For->getRangeInit()));
  if (!Container || Container->getType()->isDependentType() ||
      bare(For->getRangeInit())->isInstantiationDependent())
    return;
  if (const auto *VD = dyn_cast<VarDecl>(Container);
      VD && !VD->hasLocalStorage() &&
      !Lib.options().flag("GlobalAndStaticMoves"))
    return;
  unsigned Key = Facts.elementsKey(Container);
  if (!llvm::is_contained(Facts.Keys[Key].Loops, For))
    Facts.Keys[Key].Loops.push_back(For);
  MoveSite E = M;
  E.Var = Container;
  E.Elements = true;
  unsigned ElementsMove = Facts.Moves.size();
  Facts.Moves.push_back(E);
  Facts.MoveKeys.push_back(Key);
  Facts.Effects[Point].push_back(Effect{Effect::Move, Key, ElementsMove});
}

bool DependentClassifier::mayModify(const Expr *X) const {
  const Stmt *Child = nullptr;
  const Stmt *P = parentOf(X, PM, Child);
  // A pointer read anywhere but in a test may be copied and written
  // through.
  if (X->getType()->isPointerType() || isOwningPointer(X->getType())) {
    for (const Stmt *C = PM.getParent(X); C && isa<ImplicitCastExpr>(C);
         C = PM.getParent(C))
      if (cast<ImplicitCastExpr>(C)->getCastKind() == CK_PointerToBoolean)
        return false;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
        BO && BO->isComparisonOp())
      return false;
    // p->x: a part of the pointee (the path); p->f(): a member function
    // of the pointee, which may write its fields unless it is const.
    const Stmt *Member = P;
    if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
        OC && OC->getOperator() == OO_Arrow) {
      const Stmt *Inner = nullptr;
      Member = parentOf(OC, PM, Inner);
    }
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(Member);
        ME && ME->isArrow()) {
      const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      return M && !M->isConst() && !M->isStatic();
    }
    return true;
  }
  if (!P)
    return false;
  if (const auto *BO = dyn_cast<BinaryOperator>(P))
    return BO->isAssignmentOp() && BO->getLHS() == Child;
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    return UO->getOpcode() == UO_AddrOf || UO->isIncrementDecrementOp();
  if (const auto *ME = dyn_cast<MemberExpr>(P)) {
    const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    return M && !M->isConst() && !M->isStatic();
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P);
      OC && OC->getNumArgs() > 0 && OC->getArg(0) == Child)
    if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(OC->getCalleeDecl()))
      return !M->isConst();
  if (isa<CallExpr, CXXConstructExpr>(P)) {
    llvm::ArrayRef<const Expr *> Args = argsOf(cast<Expr>(P));
    for (unsigned I = 0; I < Args.size(); ++I)
      if (Args[I] == Child) {
        const ParmVarDecl *Param = paramForArg(cast<Expr>(P), I);
        if (!Param)
          return true; // variadic: unknown
        QualType T = Param->getType();
        return T->isReferenceType() &&
               !T.getNonReferenceType().isConstQualified();
      }
    return false;
  }
  // A non-const reference bound to it: writes through it are not followed.
  if (const auto *DS = dyn_cast<DeclStmt>(P))
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D);
          V && V->getType()->isReferenceType() &&
          !V->getType().getNonReferenceType().isConstQualified())
        return true;
  return false;
}

void DependentClassifier::touchDependents(const Expr *Occurrence) {
  const ValueDecl *Root = occurrenceKey(Occurrence);
  PartPath Mine;
  if (Root) {
    Mine.push_back(uintptr_t(Root));
  } else if (Facts.Parts) {
    std::optional<PartPath> P = Facts.partPath(Occurrence);
    if (!P)
      return;
    Mine = *P;
    Root = reinterpret_cast<const ValueDecl *>(Mine.front());
  }
  auto D = Facts.Dependents.find(Root);
  if (!Root || D == Facts.Dependents.end())
    return;
  if (occurrenceKey(Occurrence))
    if (auto E = Facts.ElementsIndex.find(Root); E != Facts.ElementsIndex.end())
      classifyElements(Occurrence, E->second);
  // The parts below this occurrence.
  llvm::SmallVector<unsigned, 2> Below;
  for (unsigned Key : D->second) {
    const TrackedKey &K = Facts.Keys[Key];
    if (K.K == TrackedKey::Part && K.Path.size() > Mine.size() &&
        std::equal(Mine.begin(), Mine.end(), K.Path.begin()))
      Below.push_back(Key);
  }
  if (Below.empty())
    return;
  // Climb the path (s in s.v.w): an enclosing tracked part, or one that
  // encloses a tracked part, is visited itself; one that leads elsewhere
  // (s.other, a[1] for a[0]) touches nothing of them.
  const Expr *X = Occurrence;
  PartPath Longest = Mine;
  for (;;) {
    const Stmt *Child = nullptr;
    const Stmt *P = parentOf(X, PM, Child);
    const Expr *Up = pathParent(P, Child);
    if (!Up)
      break;
    X = Up;
    std::optional<PartPath> UpPath = Facts.partPath(Up);
    if (!UpPath)
      continue;
    for (unsigned Key : Below) {
      const PartPath &KP = Facts.Keys[Key].Path;
      if (UpPath->size() <= KP.size() &&
          std::equal(UpPath->begin(), UpPath->end(), KP.begin()))
        return; // that occurrence is the one to classify
    }
    Longest = *UpPath;
  }
  // Different fields, or different constant indices: disjoint.
  auto Disjoint = [&](const PartPath &KP) {
    for (size_t I = 1; I < Longest.size() && I < KP.size(); ++I) {
      if (Longest[I] == KP[I])
        continue;
      return (isFieldStep(Longest[I]) && isFieldStep(KP[I])) ||
             (isConstantStep(Longest[I]) && isConstantStep(KP[I]));
    }
    return false;
  };
  // o.f(), p->f(): the callee's summary says what it does to each field.
  if (X == Occurrence) {
    const Stmt *Child = nullptr;
    const auto *ME = dyn_cast_or_null<MemberExpr>(parentOf(X, PM, Child));
    const auto *Call =
        ME ? dyn_cast_or_null<CXXMemberCallExpr>(PM.getParent(ME)) : nullptr;
    if (Call && Facts.Parts) {
      PartPath Object = Mine;
      if (ME->isArrow())
        Object.push_back(DerefStep);
      llvm::SmallVector<unsigned, 2> Rest;
      for (unsigned Key : Below)
        if (!touchByMemberCall(Call, &Object, Key))
          Rest.push_back(Key);
      Below = Rest;
    }
  }
  if (Below.empty() || !mayModify(X))
    return;
  const Stmt *Child = nullptr;
  const Stmt *At = parentOf(X, PM, Child);
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(At))
    if (const Stmt *Call = PM.getParent(ME); Call && isa<CallExpr>(Call))
      At = Call;
  if (!At || !isa<Expr, DeclStmt>(At))
    At = X;
  for (unsigned Key : Below)
    if (!Disjoint(Facts.Keys[Key].Path))
      Facts.Effects[At].push_back(Effect{Effect::Reinit, Key});
}

void DependentClassifier::classifyElements(const Expr *Occurrence,
                                            unsigned Key) {
  for (const Stmt *Loop : Facts.Keys[Key].Loops)
    if (inside(Occurrence, Loop, PM))
      return; // the loop that moves them
  auto Use = [&] {
    Facts.Effects[Occurrence].push_back(Effect{Effect::Use, Key, 0, Occurrence});
  };
  auto Reinit = [&](const Stmt *At) {
    Facts.Effects[At].push_back(Effect{Effect::Reinit, Key});
  };
  // What the code does with one element (the result of v[i], v.front(),
  // the loop variable): a write gives it a new value, anything else reads.
  const Stmt *Child = nullptr;
  const Stmt *P = parentOf(Occurrence, PM, Child);
  // Moved as a whole: the whole variable's key reports what follows.
  if (Facts.Operands.count(Occurrence)) {
    Reinit(Occurrence);
    return;
  }
  // for (auto &e : v): reads the elements when the body reads e first.
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(P))
    if (const auto *For = dyn_cast_or_null<CXXForRangeStmt>(PM.getParent(DS));
        For && For->getRangeStmt() == DS) {
      const VarDecl *LoopVar = For->getLoopVariable();
      if (!LoopVar->getType()->isReferenceType()) {
        Use(); // each element is copied
        return;
      }
      struct First : RecursiveASTVisitor<First> {
        const VarDecl *V;
        const DeclRefExpr *Found = nullptr;
        bool VisitDeclRefExpr(DeclRefExpr *E) {
          if (!Found && E->getDecl() == V)
            Found = E;
          return !Found;
        }
      } F;
      F.V = LoopVar;
      F.TraverseStmt(const_cast<Stmt *>(For->getBody()));
      if (!F.Found)
        return;
      Touch T = elementTouch(F.Found, PM);
      if (T == Read)
        Use();
      else if (T == Write)
        Reinit(Occurrence);
      return;
    }
  // v[i], v.at(i), v.front(), v.back(): one element.
  const Expr *Element = nullptr;
  if (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(P);
      AS && AS->getBase() == Child)
    Element = AS;
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
      OC && OC->getOperator() == OO_Subscript && OC->getArg(0) == Child)
    Element = OC;
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(P);
      ME && ME->getBase() == Child)
    if (const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
        M && M->getIdentifier() &&
        (M->getName() == "front" || M->getName() == "back" ||
         M->getName() == "at"))
      Element = dyn_cast_or_null<Expr>(PM.getParent(ME));
  if (Element) {
    Touch T = elementTouch(Element, PM);
    if (T == Read)
      Use();
    if (T != Write)
      return;
    // v[i] = x in a loop over the indices writes every element, the
    // first iteration's test included: `for (i = 0; i < v.size(); ++i)`.
    const Stmt *At = Occurrence;
    for (const Stmt *L = PM.getParent(Occurrence); L; L = PM.getParent(L)) {
      const Expr *Cond = nullptr;
      if (const auto *For = dyn_cast<ForStmt>(L))
        Cond = For->getCond();
      else if (const auto *While = dyn_cast<WhileStmt>(L))
        Cond = While->getCond();
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(L)) {
        if (Cond)
          At = Cond;
        break;
      }
    }
    Reinit(At);
    return;
  }
  // Anything else that may write the container gives it new elements (or
  // may); size(), empty() and other reads are neither.
  if (mayModify(Occurrence))
    Reinit(Occurrence);
}

} // namespace moves
} // namespace fearless
