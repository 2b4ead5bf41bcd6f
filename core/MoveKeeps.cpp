//===- MoveKeeps.cpp - The fields of its source a visible move keeps ------===//
//
// `Block(Contents &&c) : contents_(std::move(c)) { p_ = c.data.data_; }`:
// when the move constructor (or move assignment) the move selects is
// visible, its body says which fields of the source it changes. A field it
// only reads or copies (a trivially copyable field "moved" is copied), or
// never names, keeps its value, and reading it after the move reads that
// value: well defined, not a use of a moved-from value. Read from the body,
// syntactically and conservatively:
//   implicit or defaulted   a move keeps the trivially copyable, reference
//                           and const fields (memberwise: copied); a copy
//                           keeps every field;
//   user-provided           every occurrence of the source parameter is
//                           `o.f` read (a scalar read, a trivial copy or
//                           move, a `const &` argument, a const member, a
//                           field of it read the same way), a base part
//                           (`Base(std::move(o))`), `&o` compared with
//                           `this`, or the source handed whole to another
//                           copy or move member of the class (`*this =
//                           std::move(o)`, followed a few levels); anything
//                           else (`swap(o)`, `o.reset()`) keeps nothing.
// Classes of the standard library and of system headers keep nothing here:
// their moved-from state is specified elsewhere (MoveOccurrences.cpp).
//
//===----------------------------------------------------------------------===//

#include "MovesInternal.h"
#include "fearless/ASTUtil.h"
#include "clang/AST/ParentMap.h"

using namespace clang;

namespace fearless {
namespace moves {

namespace {

/// How deep `*this = std::move(o)` inside a move member is followed.
constexpr unsigned MaxKeepDepth = 3;

/// The parent of \p E past parentheses and no-op casts; \p Child the last
/// node skipped.
const Stmt *climb(const Stmt *E, const ParentMap &PM, const Stmt *&Child) {
  Child = E;
  const Stmt *P = PM.getParent(E);
  while (P && (isa<ParenExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                   ExprWithCleanups>(P) ||
               (isa<ImplicitCastExpr>(P) &&
                cast<ImplicitCastExpr>(P)->getCastKind() == CK_NoOp))) {
    Child = P;
    P = PM.getParent(P);
  }
  return P;
}

/// Whether a copy or move special member of \p RD is \p M.
bool isCopyOrMoveMember(const CXXMethodDecl *M) {
  if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(M))
    return Ctor->isCopyOrMoveConstructor();
  return M && (M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator());
}

/// The copy or move member of a class the argument \p Child of \p P goes
/// to: a copy/move construction, or the right operand of a copy/move
/// assignment.
const CXXMethodDecl *specialTaking(const Stmt *P, const Stmt *Child) {
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(P);
      CE && CE->getNumArgs() >= 1 && CE->getArg(0) == Child &&
      isCopyOrMoveMember(CE->getConstructor()))
    return CE->getConstructor();
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
      OC->getArg(1) == Child)
    if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(OC->getCalleeDecl());
        isCopyOrMoveMember(M))
      return M;
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(P);
      MC && MC->getNumArgs() == 1 && MC->getArg(0) == Child &&
      isCopyOrMoveMember(MC->getMethodDecl()))
    return MC->getMethodDecl();
  return nullptr;
}

/// Whether \p M is a copy member (it takes `const T&`).
bool isCopy(const CXXMethodDecl *M) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(M))
    return Ctor->isCopyConstructor();
  return M->isCopyAssignmentOperator();
}

/// Whether the occurrence \p E of a field of the source (or of a field of
/// it) only reads it where it sits in \p PM.
bool onlyReads(const Expr *E, const ParentMap &PM) {
  const Stmt *Child = nullptr;
  const Stmt *P = climb(E, PM, Child);
  // std::move(o.f): what receives it decides.
  if (const auto *Call = dyn_cast_or_null<CallExpr>(P);
      Call && getMovedExpr(Call) && Call->getNumArgs() == 1)
    P = climb(Call, PM, Child);
  if (!P)
    return false;
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P))
    return ICE->getCastKind() == CK_LValueToRValue;
  if (const CXXMethodDecl *Special = specialTaking(P, Child))
    return isCopy(Special) ||
           (Special->isTrivial() &&
            E->getType().isTriviallyCopyableType(Special->getASTContext()));
  if (const auto *ME = dyn_cast<MemberExpr>(P); ME && ME->getBase() == Child) {
    if (isa<FieldDecl>(ME->getMemberDecl()))
      return onlyReads(ME, PM);
    const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    return M && (M->isConst() || M->isStatic());
  }
  // An argument bound to a `const T&` parameter.
  if (isa<CallExpr, CXXConstructExpr>(P)) {
    llvm::ArrayRef<const Expr *> Args = argsOf(cast<Expr>(P));
    for (unsigned I = 0; I < Args.size(); ++I)
      if (Args[I] == Child) {
        const ParmVarDecl *Param = paramForArg(cast<Expr>(P), I);
        return Param && Param->getType()->isLValueReferenceType() &&
               Param->getType().getNonReferenceType().isConstQualified();
      }
  }
  return false;
}

using FieldSet = llvm::SmallPtrSet<const FieldDecl *, 4>;

std::optional<FieldSet> keptBy(const CXXMethodDecl *Special, unsigned Depth);

/// What the user-provided body \p Def of a copy or move member does to its
/// source parameter: the fields it leaves intact, or nothing when it may
/// change any.
std::optional<FieldSet> keptByBody(const CXXMethodDecl *Def, unsigned Depth) {
  const CXXRecordDecl *RD = Def->getParent();
  const ParmVarDecl *Source =
      Def->getNumParams() ? Def->getParamDecl(0) : nullptr;
  if (!Source || !Def->getBody())
    return std::nullopt;
  ParentMap PM(const_cast<Stmt *>(Def->getBody()));
  llvm::SmallVector<const Stmt *, 4> Roots{Def->getBody()};
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit()) {
        PM.addStmt(Init->getInit());
        Roots.push_back(Init->getInit());
      }
  FieldSet Kept;
  for (const FieldDecl *F : RD->fields())
    if (!F->isMutable() && !F->isAnonymousStructOrUnion())
      Kept.insert(F);
  bool Unknown = false;
  struct Walker : RecursiveASTVisitor<Walker> {
    const ParmVarDecl *Source;
    const CXXRecordDecl *RD;
    const ParentMap &PM;
    FieldSet &Kept;
    bool &Unknown;
    unsigned Depth;
    Walker(const ParmVarDecl *Source, const CXXRecordDecl *RD,
           const ParentMap &PM, FieldSet &Kept, bool &Unknown, unsigned Depth)
        : Source(Source), RD(RD), PM(PM), Kept(Kept), Unknown(Unknown),
          Depth(Depth) {}
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      if (DRE->getDecl() != Source)
        return true;
      Unknown = Unknown || !occurrence(DRE);
      return !Unknown;
    }
    /// Applies occurrence \p DRE of the source to Kept; false when it may
    /// change any field.
    bool occurrence(const DeclRefExpr *DRE) {
      const Stmt *Child = nullptr;
      const Stmt *P = climb(DRE, PM, Child);
      if (const auto *ME = dyn_cast_or_null<MemberExpr>(P);
          ME && ME->getBase() == Child) {
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl())) {
          if (!onlyReads(ME, PM))
            Kept.erase(F);
          return true;
        }
        const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
        return M && (M->isConst() || M->isStatic());
      }
      // Base(std::move(o)): only the base subobject.
      if (const auto *Cast = dyn_cast_or_null<CastExpr>(P);
          Cast && (Cast->getCastKind() == CK_DerivedToBase ||
                   Cast->getCastKind() == CK_UncheckedDerivedToBase))
        return true;
      // if (this != &o)
      if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P);
          UO && UO->getOpcode() == UO_AddrOf) {
        const Stmt *C2 = nullptr;
        const auto *Cmp = dyn_cast_or_null<BinaryOperator>(climb(UO, PM, C2));
        return Cmp && Cmp->isEqualityOp();
      }
      // *this = std::move(o), or another copy or move of the whole source.
      if (const auto *Call = dyn_cast_or_null<CallExpr>(P);
          Call && getMovedExpr(Call) && Call->getNumArgs() == 1) {
        if (const Stmt *Above = climb(Call, PM, Child);
            isa_and_nonnull<CastExpr>(Above) &&
            (cast<CastExpr>(Above)->getCastKind() == CK_DerivedToBase ||
             cast<CastExpr>(Above)->getCastKind() == CK_UncheckedDerivedToBase))
          return true;
        P = climb(Call, PM, Child);
      }
      const CXXMethodDecl *Special = specialTaking(P, Child);
      if (!Special ||
          Special->getParent()->getCanonicalDecl() != RD->getCanonicalDecl())
        return false;
      std::optional<FieldSet> Inner = keptBy(Special, Depth + 1);
      if (!Inner)
        return false;
      llvm::SmallVector<const FieldDecl *, 4> Gone;
      for (const FieldDecl *F : Kept)
        if (!Inner->count(F))
          Gone.push_back(F);
      for (const FieldDecl *F : Gone)
        Kept.erase(F);
      return true;
    }
  } W(Source, RD, PM, Kept, Unknown, Depth);
  for (const Stmt *Root : Roots)
    if (!Unknown)
      W.TraverseStmt(const_cast<Stmt *>(Root));
  if (Unknown)
    return std::nullopt;
  return Kept;
}

/// The fields of its source that the copy or move member \p Special leaves
/// intact, or nothing when it is not known.
std::optional<FieldSet> keptBy(const CXXMethodDecl *Special, unsigned Depth) {
  if (!Special || Depth > MaxKeepDepth)
    return std::nullopt;
  const CXXRecordDecl *RD = Special->getParent();
  if (!RD || RD->isUnion() || RD->isLambda() || !RD->hasDefinition() ||
      RD->getDeclContext()->getRedeclContext()->isStdNamespace())
    return std::nullopt;
  const SourceManager &SM = RD->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation())))
    return std::nullopt;
  const FunctionDecl *Def = nullptr;
  bool HasBody = Special->hasBody(Def) && Def;
  // Implicit or defaulted: memberwise.
  if (Special->isImplicit() || Special->isDefaulted() ||
      (HasBody && Def->isDefaulted())) {
    FieldSet Kept;
    for (const FieldDecl *F : RD->fields()) {
      if (F->isAnonymousStructOrUnion() || F->isMutable())
        continue;
      QualType T = F->getType();
      if (isCopy(Special) || T->isReferenceType() || T.isConstQualified() ||
          T.isTriviallyCopyableType(RD->getASTContext()))
        Kept.insert(F);
    }
    return Kept;
  }
  if (!HasBody || Def->isDependentContext() ||
      SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
    return std::nullopt;
  return keptByBody(cast<CXXMethodDecl>(Def), Depth);
}

} // namespace

void noteKeptFields(MoveFacts &Facts, const ParentMap &PM, unsigned Index) {
  const MoveSite &M = Facts.Moves[Index];
  // With TriviallyCopyableMoves a copy of a trivially copyable object
  // counts as a move on purpose: every field of it stays tracked.
  if (M.Kind != MoveKind::StdMove || M.Part || M.Elements || M.Copied)
    return;
  const Stmt *Child = nullptr;
  const Stmt *P = climb(M.Expr, PM, Child);
  const CXXMethodDecl *Special = specialTaking(P, Child);
  if (!Special)
    return;
  // The class moved is the class whose member runs (not a base of it).
  const CXXRecordDecl *Moved =
      classOf(M.Operand->getType().getNonReferenceType());
  if (!Moved ||
      Moved->getCanonicalDecl() != Special->getParent()->getCanonicalDecl())
    return;
  if (std::optional<FieldSet> Kept = keptBy(Special, 0); Kept && !Kept->empty())
    Facts.KeptFields[Index].insert(Kept->begin(), Kept->end());
}

bool readsKeptField(const MoveFacts &Facts, unsigned Key, const Stmt *Parent,
                    const Stmt *Child) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(Parent);
  if (!ME || ME->getBase() != Child || ME->isArrow() ||
      Facts.Keys[Key].K != TrackedKey::Whole)
    return false;
  const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!Field)
    return false;
  bool Any = false;
  for (unsigned I = 0; I < Facts.Moves.size(); ++I) {
    if (Facts.MoveKeys[I] != Key)
      continue;
    auto It = Facts.KeptFields.find(I);
    if (It == Facts.KeptFields.end() || !It->second.count(Field))
      return false;
    Any = true;
  }
  return Any;
}

} // namespace moves
} // namespace fearless
