//===- MoveOccurrences.cpp - Uses, reinitializations and state tests ------===//

#include "MovesInternal.h"
#include "fearless/ASTUtil.h"
#include "fearless/VarUsage.h"
#include "clang/AST/Attr.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace fearless {

static constexpr llvm::StringRef SmartPointers[] = {
#define FEARLESS_SMART_POINTER(Name) Name,
#include "fearless/Models/Moves.def"
};

/// [[clang::annotate("clang-tidy", "bugprone-use-after-move",
/// "null_after_move")]], the spelling clang-tidy honours.
static bool hasTidyNullAfterMove(const Decl *D) {
  if (!D || !D->hasAttrs())
    return false;
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    if (A->getAnnotation() != "clang-tidy" || A->args_size() != 2)
      continue;
    llvm::SmallVector<llvm::StringRef, 2> Args;
    for (const Expr *Arg : A->args())
      if (const auto *SL = dyn_cast<StringLiteral>(Arg->IgnoreParenImpCasts()))
        Args.push_back(SL->getString());
    if (Args.size() == 2 && Args[0] == "bugprone-use-after-move" &&
        Args[1] == "null_after_move")
      return true;
  }
  return false;
}

bool isNullAfterMove(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return false;
  for (llvm::StringRef N : SmartPointers)
    if (hasQualifiedName(RD, N))
      return true;
  return typeHasAnnotation(T, "fearless::null_after_move") ||
         hasTidyNullAfterMove(RD) ||
         (isa<ClassTemplateSpecializationDecl>(RD) &&
          hasTidyNullAfterMove(cast<ClassTemplateSpecializationDecl>(RD)
                                   ->getSpecializedTemplate()
                                   ->getTemplatedDecl()));
}

namespace moves {

namespace {

constexpr llvm::StringRef ReinitMethods[] = {
#define FEARLESS_REINIT_METHOD(Name) Name,
#include "fearless/Models/Moves.def"
};

constexpr llvm::StringRef ReinitAnyClass[] = {
#define FEARLESS_REINIT_ANY_CLASS(Name) Name,
#include "fearless/Models/Moves.def"
};

constexpr llvm::StringRef StateQueries[] = {
#define FEARLESS_STATE_QUERY(Name) Name,
#include "fearless/Models/Moves.def"
};

struct SpecifiedQuery {
  llvm::StringRef Class;
  llvm::StringRef Name;
};
constexpr SpecifiedQuery SpecifiedStateQueries[] = {
#define FEARLESS_SPECIFIED_STATE_QUERY(Class, Name) {Class, Name},
#include "fearless/Models/Moves.def"
};

/// Whether \p M's name, without case, is one of \p Names.
bool nameIn(const CXXMethodDecl *M, llvm::ArrayRef<llvm::StringRef> Names) {
  const IdentifierInfo *II = M ? M->getIdentifier() : nullptr;
  if (!II)
    return false;
  for (llvm::StringRef N : Names)
    if (II->getName().equals_insensitive(N))
      return true;
  return false;
}

/// A member that only asks for a moved-from object's state: empty() on any
/// class, valid() of a future. \p Object is the type the code names (the
/// library may implement the member in a base: libstdc++'s __basic_future).
bool isStateQuery(const CXXMethodDecl *M, QualType Object) {
  if (nameIn(M, StateQueries))
    return true;
  if (!M || !M->getIdentifier())
    return false;
  const CXXRecordDecl *Named = classOf(Object);
  for (const SpecifiedQuery &Q : SpecifiedStateQueries)
    if (M->getName() == Q.Name && (hasQualifiedName(M->getParent(), Q.Class) ||
                                   (Named && hasQualifiedName(Named, Q.Class))))
      return true;
  return false;
}

bool isSmartPointer(QualType T) { return isNullAfterMove(T); }

bool isThreadHandle(QualType T) {
  return isStdClass(T, "thread") || isStdClass(T, "jthread");
}

bool isReinitMethod(const CXXMethodDecl *M, const LibraryModel &Lib) {
  if (!M)
    return false;
  if (Lib.isReinitializationFunction(M))
    return true;
  if (M->hasAttr<ReinitializesAttr>() || nameIn(M, ReinitAnyClass))
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

} // namespace

/// The assignment \p ME is the left-hand side of (`a.x = 1`), if any.
static const Stmt *fieldAssignment(const MemberExpr *ME, const ParentMap &PM) {
  const Stmt *Child = ME;
  const Stmt *P = PM.getParent(ME);
  while (P && isa<ParenExpr>(P)) {
    Child = P;
    P = PM.getParent(P);
  }
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
      BO && BO->getOpcode() == BO_Assign && BO->getLHS() == Child)
    return BO;
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
      OC->getArg(0) == Child)
    return OC;
  return nullptr;
}

/// Whether \p S is \p Ancestor or inside it.
static bool within(const Stmt *S, const Stmt *Ancestor, const ParentMap &PM) {
  for (; S; S = PM.getParent(S))
    if (S == Ancestor)
      return true;
  return false;
}

void OccurrenceClassifier::findStateTests(const CFG &Cfg) {
  for (const CFGBlock *B : Cfg) {
    const auto *Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition());
    if (!Cond || B->succ_size() != 2)
      continue;
    bool Negated = false;
    const Expr *E = stripNegations(Cond, Negated);
    const Expr *Object = nullptr;
    // On the edge where x.empty() is false, x holds something again: a use
    // there does not read a moved-from state (std::list::splice empties
    // its source; `if (!node.empty()) node.front()...`).
    bool EmptyTest = false;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && ((M->getIdentifier() && M->getName() == "joinable") ||
                isa<CXXConversionDecl>(M)))
        Object = MC->getImplicitObjectArgument();
      else if (M && nameIn(M, StateQueries)) {
        Object = MC->getImplicitObjectArgument();
        EmptyTest = true;
      }
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
               OC && OC->getOperator() == OO_ExclaimEqual &&
               OC->getNumArgs() == 2 &&
               isa<CXXNullPtrLiteralExpr>(
                   OC->getArg(1)->IgnoreParenImpCasts())) {
      Object = OC->getArg(0);
    }
    if (!Object)
      continue;
    int Key = Facts.keyOf(Object->IgnoreParenImpCasts());
    if (Key < 0)
      continue;
    Facts.NotMovedWhen[B] = {unsigned(Key), (Negated != EmptyTest) ? 1u : 0u};
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
    Facts.UseOccurrences.insert(Occ);
    Facts.Effects[Occ].push_back(Effect{Effect::Use, Key, 0, Occ});
  };
  // a.f(consume(std::move(a))): the object is named before the arguments
  // are evaluated, but f runs on it after them: the use is at the call,
  // before what the callee itself moves.
  auto UseAtCall = [&](const Stmt *Call) {
    Facts.UseOccurrences.insert(Occ);
    auto &Effs = Facts.Effects[Call];
    Effs.insert(Effs.begin(), Effect{Effect::Use, Key, 0, Occ});
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
  // a.x = 1 on an aggregate: its fields are all there is to it, and the
  // code gives them values again (the Static Analyzer's cplusplus.Move
  // takes any write to a field as resetting the object).
  if (const auto *ME = dyn_cast<MemberExpr>(P);
      ME && ME->getBase() == Child && isa<FieldDecl>(ME->getMemberDecl())) {
    const CXXRecordDecl *RD = classOf(T);
    if (const Stmt *Assign = fieldAssignment(ME, PM);
        Assign && RD && RD->hasDefinition() && RD->isAggregate()) {
      Reinit(Assign);
      return;
    }
  }
  if (readsKeptField(Facts, Key, P, Child)) // c.data the move left intact
    return;
  // Member calls: x.clear(), x.reset(), p.get(), t.joinable().
  if (const auto *ME = dyn_cast<MemberExpr>(P); ME && ME->getBase() == Child) {
    const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(PM.getParent(ME));
    const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    if (MC && M && isReinitMethod(M, FA.session().library())) {
      Reinit(MC);
      return;
    }
    // Asking for the state (empty()), or ending the object's lifetime
    // (x.~T()): neither relies on the moved-from value.
    if (M && (isStateQuery(M, T) || isa<CXXDestructorDecl>(M)))
      return;
    if (Smart && M)
      return; // only dereference is a use of a moved-from smart pointer
    if (Thread && M && M->getIdentifier() && M->getName() == "joinable")
      return;
    if (MC && isa<CXXMethodDecl>(ME->getMemberDecl()) && MC->getNumArgs() > 0)
      UseAtCall(MC);
    else
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
        // The first argument of a free (or static) function listed in
        // ReinitializationFunctions, however it is passed.
        if (I == 0 && !isa<CXXOperatorCallExpr>(Call))
          if (const FunctionDecl *FD = calleeOf(Call);
              FD && FA.session().library().isReinitializationFunction(FD)) {
            Reinit(Call);
            return;
          }
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
    // new (&x) T(...): a new object in its storage.
    if (const auto *New = dyn_cast_or_null<CXXNewExpr>(PP);
        New && New->getNumPlacementArgs() > 0) {
      Reinit(New);
      return;
    }
    // std::destroy_at(&x): ends its lifetime, reads nothing.
    if (const auto *Call = dyn_cast_or_null<CallExpr>(PP))
      if (const FunctionDecl *FD = Call->getDirectCallee();
          FD && isStdDecl(FD, "destroy_at"))
        return;
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

void DependentClassifier::classifyArrow(const MemberExpr *ME) {
  // p->f(), p->x, u->f(): the pointee *p is named without an expression of
  // its own.
  const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Base);
      OC && OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1)
    Base = OC->getArg(0);
  else if (!Base->getType()->isPointerType())
    return;
  if (isa<CXXThisExpr>(Base->IgnoreParenImpCasts()))
    return;
  std::optional<PartPath> Path = Facts.partPath(Base);
  if (!Path) {
    const ValueDecl *Root = occurrenceKey(Base->IgnoreParenImpCasts());
    if (!Root)
      return;
    Path = PartPath{uintptr_t(Root)};
  }
  Path->push_back(1); // the dereference (MoveParts.cpp)
  auto It = Facts.PartIndex.find(*Path);
  if (It == Facts.PartIndex.end())
    return;
  unsigned Key = It->second;
  const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(PM.getParent(ME));
  if (M && MC && isReinitMethod(M, FA.session().library())) {
    Facts.Effects[MC].push_back(Effect{Effect::Reinit, Key});
    return;
  }
  if (M && (isStateQuery(M, ME->getBase()->getType()->getPointeeType()) ||
            isa<CXXDestructorDecl>(M)))
    return;
  Facts.UseOccurrences.insert(ME);
  Facts.Effects[ME].push_back(Effect{Effect::Use, Key, 0, ME});
}

/// An expression that may name a part of a variable besides a field.
static bool isPart(const Expr *E) {
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getOperator() == OO_Subscript || OC->getOperator() == OO_Star;
  return isa<ArraySubscriptExpr>(E);
}

void OccurrenceClassifier::classifyOccurrences() {
  // Every occurrence of a tracked variable, and its declaration (a new
  // object each time it executes).
  struct Occurrences : BodyWalker<Occurrences> {
    OccurrenceClassifier &B;
    explicit Occurrences(OccurrenceClassifier &B) : B(B) {}
    // Variables, fields of *this, and parts (a[2], *p, v[0]: with
    // SubObjectMoves); member calls on *this.
    bool VisitExpr(Expr *E) {
      if (isa<DeclRefExpr, MemberExpr>(E) || (B.Facts.Parts && isPart(E)))
        visit(E);
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
          MC && (B.Facts.Parts || !B.Facts.Dependents.empty()))
        B.Dependents.classifyThisCall(MC);
      return true;
    }
    void visit(const Expr *E) {
      if (B.Facts.Parts)
        if (const auto *ME = dyn_cast<MemberExpr>(E); ME && ME->isArrow())
          B.Dependents.classifyArrow(ME);
      int Key = B.Facts.keyOf(E);
      if (Key >= 0) {
        B.classify(E, unsigned(Key));
        B.noteFirstIterationOnly(E);
        B.noteBranchFlags(E);
      }
      if (!B.Facts.Dependents.empty())
        B.Dependents.touchDependents(E);
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

namespace {

/// Whether \p For counts \p V from \p Start, one way, and nothing else in
/// it writes \p V: `for (int w = 0; w < n; ++w)`.
bool countsFrom(const ForStmt *For, const ValueDecl *V, long long Start,
                const ASTContext &Ctx) {
  auto ConstantIs = [&](const Expr *E, long long K) {
    return integerConstant(E, Ctx) == K;
  };
  auto Names = [&](const Expr *E) {
    const auto *DRE =
        dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
    return DRE && DRE->getDecl() == V;
  };
  bool Starts = false;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(For->getInit())) {
    for (const Decl *D : DS->decls())
      if (D == V)
        Starts = ConstantIs(cast<VarDecl>(D)->getInit(), Start);
  } else if (const auto *BO = dyn_cast_or_null<BinaryOperator>(For->getInit());
             BO && BO->getOpcode() == BO_Assign && Names(BO->getLHS())) {
    Starts = ConstantIs(BO->getRHS(), Start);
  }
  if (!Starts)
    return false;
  const Expr *Inc =
      For->getInc() ? For->getInc()->IgnoreParenImpCasts() : nullptr;
  bool Steps = false;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Inc))
    Steps = UO->isIncrementDecrementOp() && Names(UO->getSubExpr());
  else if (const auto *CA = dyn_cast_or_null<CompoundAssignOperator>(Inc))
    Steps =
        (CA->getOpcode() == BO_AddAssign || CA->getOpcode() == BO_SubAssign) &&
        Names(CA->getLHS()) && !ConstantIs(CA->getRHS(), 0) &&
        CA->getRHS()->isIntegerConstantExpr(Ctx);
  return Steps && For->getBody() && isOnlyRead(V, For->getBody()) &&
         (!For->getCond() || isOnlyRead(V, For->getCond()));
}

} // namespace

void OccurrenceClassifier::noteBranchFlags(const Expr *Occurrence) {
  const Stmt *Child = Occurrence;
  for (const Stmt *P = PM.getParent(Child); P; Child = P, P = PM.getParent(P)) {
    const Expr *Cond = nullptr;
    bool OnTrue = false;
    if (const auto *If = dyn_cast<IfStmt>(P)) {
      if (Child != If->getThen() && Child != If->getElse())
        continue;
      Cond = If->getCond();
      OnTrue = Child == If->getThen();
    } else if (const auto *CO = dyn_cast<ConditionalOperator>(P)) {
      if (Child == CO->getCond())
        continue;
      Cond = CO->getCond();
      OnTrue = Child == CO->getTrueExpr();
    } else {
      continue;
    }
    bool Negated = false;
    const auto *DRE = dyn_cast<DeclRefExpr>(
        stripNegations(Cond->IgnoreParenImpCasts(), Negated)
            ->IgnoreParenImpCasts());
    const auto *Flag = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    // A local or parameter the function never writes after its
    // initialization: both tests read the same value.
    if (!Flag || !Flag->hasLocalStorage() ||
        !Flag->getType()->isBooleanType() ||
        !FA.isOnlyRead(Flag))
      continue;
    Facts.BranchFlags[Occurrence].push_back({Flag, OnTrue != Negated});
  }
}

void OccurrenceClassifier::noteFirstIterationOnly(const Expr *Occurrence) {
  llvm::SmallVector<ValueGuard, 1> Guards = LoopGuards.guardsOf(Occurrence);
  if (Guards.empty())
    return;
  for (const Stmt *P = PM.getParent(Occurrence); P; P = PM.getParent(P)) {
    const auto *For = dyn_cast<ForStmt>(P);
    if (!For)
      continue;
    for (const ValueGuard &G : Guards)
      if (G.Equal && countsFrom(For, G.Var, G.Value, FA.astContext())) {
        Facts.FirstIterationOnly[Occurrence] = For;
        return;
      }
  }
}

bool unsequencedSiblings(const Stmt *P, const Stmt *Child,
                         llvm::SmallVectorImpl<const Stmt *> &Siblings) {
  if (isa<CallExpr>(P) || isa<CXXConstructExpr>(P)) {
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
      // C++17 sequences these operands (=, <<, >>, &&, ||, ',', ->, []).
      OverloadedOperatorKind Op = OC->getOperator();
      if (Op == OO_Equal || Op == OO_LessLess || Op == OO_GreaterGreater ||
          Op == OO_AmpAmp || Op == OO_PipePipe || Op == OO_Comma ||
          Op == OO_Arrow || Op == OO_Subscript || OC->isAssignmentOp())
        return false;
    }
    // A braced initializer runs its clauses left to right, also when it
    // calls a constructor: S{std::move(a), a.size()} is sequenced.
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P);
        CE && CE->isListInitialization())
      return false;
    for (const Expr *A : argsOf(cast<Expr>(P)))
      if (A != Child)
        Siblings.push_back(A);
    return !Siblings.empty();
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
    if (BO->isLogicalOp() || BO->isAssignmentOp() || BO->isShiftOp() ||
        BO->isCommaOp() || BO->isPtrMemOp())
      return false;
    Siblings.push_back(BO->getLHS() == Child ? BO->getRHS() : BO->getLHS());
    return true;
  }
  return false;
}

void OccurrenceClassifier::sequenceReinits() {
  // f(std::move(a), a = A()): the assignment may run before the move, so it
  // does not count; f(a.size(), a = A()) after a move: it may run after the
  // use, so it takes effect once the whole call is evaluated (clang-tidy's
  // conservative order).
  llvm::SmallVector<std::pair<const Stmt *, Effect>, 4> Moved;
  for (auto &[At, Effs] : Facts.Effects)
    for (const Effect &E : Effs)
      if (E.K == Effect::Reinit)
        Moved.push_back({At, E});
  for (auto &[At, E] : Moved) {
    const Stmt *Child = At;
    for (const Stmt *P = PM.getParent(Child); P && isa<Expr>(P);
         Child = P, P = PM.getParent(P)) {
      llvm::SmallVector<const Stmt *, 4> Siblings;
      if (!unsequencedSiblings(P, Child, Siblings))
        continue;
      bool SiblingMoves = false, SiblingUses = false;
      for (const Stmt *Sib : Siblings) {
        for (unsigned I = 0; I < Facts.Moves.size(); ++I)
          if (Facts.MoveKeys[I] == E.Key &&
              within(Facts.Moves[I].Operand, Sib, PM))
            SiblingMoves = true;
        for (const Expr *U : Facts.UseOccurrences)
          if (Facts.keyOf(U) == int(E.Key) && within(U, Sib, PM))
            SiblingUses = true;
      }
      if (!SiblingMoves && !SiblingUses)
        continue;
      auto &Effs = Facts.Effects[At];
      for (auto It = Effs.begin(); It != Effs.end(); ++It)
        if (It->K == Effect::Reinit && It->Key == E.Key) {
          Effs.erase(It);
          break;
        }
      if (!SiblingMoves)
        Facts.Effects[P].push_back(E);
      break;
    }
  }
}

void OccurrenceClassifier::findUnsequenced(FoundUses &Found) {
  // An operand of a call or of an operator whose operands are unsequenced:
  // f(std::move(x), x.size()), a + g(std::move(a)).
  for (unsigned Index = 0; Index < Facts.Moves.size(); ++Index) {
    const MoveSite &M = Facts.Moves[Index];
    if (M.Kind != MoveKind::StdMove || Facts.DeferredMoves.count(Index) ||
        M.Elements)
      continue;
    const Stmt *Child = M.Expr;
    for (const Stmt *P = PM.getParent(Child); P;
         Child = P, P = PM.getParent(P)) {
      if (!isa<Expr>(P))
        break;
      llvm::SmallVector<const Stmt *, 4> Siblings;
      if (!unsequencedSiblings(P, Child, Siblings))
        continue;
      for (const Stmt *S : Siblings) {
        // The first use of the same variable in the sibling, in source
        // order.
        const Expr *First = nullptr;
        struct Finder : BodyWalker<Finder> {
          int Key;
          const Expr *&First;
          const MoveFacts &Facts;
          Finder(int Key, const Expr *&First, const MoveFacts &Facts)
              : Key(Key), First(First), Facts(Facts) {}
          bool VisitExpr(Expr *E) {
            if (!First && !Facts.Operands.count(E) &&
                Facts.UseOccurrences.count(E) && Facts.keyOf(E) == Key)
              First = E;
            return !First;
          }
        };
        Finder F(int(Facts.MoveKeys[Index]), First, Facts);
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

} // namespace moves
} // namespace fearless
