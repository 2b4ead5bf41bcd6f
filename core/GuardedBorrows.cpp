//===- GuardedBorrows.cpp - Which expressions borrow a member of *this ---===//
//
// The expression-level half of GuardedEscapes: what a reference, pointer,
// iterator or view expression points into (a member of *this), what a
// lambda reaches through what it captures, and which member-function
// writes of a member hold a mutex member of the class.
//
//===----------------------------------------------------------------------===//

#include "GuardedEscapesInternal.h"
#include "Summarizer.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/RaceModel.h"
#include "fearless/Threads.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

namespace fearless {
namespace guarded {

const FieldDecl *mutexField(const Lock &L) {
  if (L.Unknown || L.Counter || !L.Mutex.IsThis || L.Mutex.Deref ||
      L.Mutex.Path.size() != 1)
    return nullptr;
  return L.Mutex.Path[0].Field;
}

bool holds(const Lockset &Held, const FieldDecl *Mutex) {
  return llvm::any_of(Held,
                      [&](const Lock &L) { return mutexField(L) == Mutex; });
}

std::optional<BorrowThrough> borrowKindOf(QualType T) {
  if (T.isNull())
    return std::nullopt;
  if (T->isReferenceType())
    return BorrowThrough::Reference;
  if (T->isPointerType() && !T->isFunctionPointerType())
    return BorrowThrough::Pointer;
  const CXXRecordDecl *RD = classOf(T);
  if (!RD || !RD->getIdentifier())
    return std::nullopt;
  if (isStdDecl(RD, "basic_string_view") || isStdDecl(RD, "span"))
    return BorrowThrough::View;
  if (RD->getName().contains_insensitive("iterator"))
    // The library's own: in std (std::__detail::_Node_iterator) or
    // __gnu_cxx (__normal_iterator).
    for (const DeclContext *DC = RD->getDeclContext(); DC;
         DC = DC->getParent()) {
      const auto *NS = dyn_cast<NamespaceDecl>(DC);
      if (!NS)
        break;
      if (NS->isStdNamespace() ||
          (NS->getParent()->isTranslationUnit() && NS->getName() == "__gnu_cxx"))
        return BorrowThrough::Iterator;
    }
  return std::nullopt;
}

static bool isNamed(const CXXMethodDecl *M, std::initializer_list<llvm::StringRef> Ns) {
  if (!M || !M->getIdentifier())
    return false;
  for (llvm::StringRef N : Ns)
    if (M->getName() == N)
      return true;
  return false;
}

bool returnsInto(const CXXMethodDecl *M) {
  if (!M || !isStdLibraryRecord(M->getParent()))
    return false;
  if (isa<CXXConversionDecl>(M))
    return borrowKindOf(M->getReturnType()) == BorrowThrough::View;
  return isNamed(M, {"data", "c_str", "begin", "end", "cbegin", "cend",
                     "rbegin", "rend", "find", "lower_bound", "upper_bound"});
}

bool borrowable(const FieldDecl *F, Session &S) {
  QualType T = F->getType();
  return !T->isReferenceType() && !T.isConstQualified() &&
         !isAtomicObjectType(T) && !isSyncType(T, S.traits()) &&
         !hasAnnotation(F, "fearless::assume_synchronized");
}

const FieldDecl *designatedField(const Expr *E, unsigned Depth,
                                 const VarDecl **Root) {
  if (!E || Depth > 8)
    return nullptr;
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return designatedField(EWC->getSubExpr(), Depth + 1, Root);
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    if (const FieldDecl *F = designatedField(CO->getTrueExpr(), Depth + 1, Root))
      return F;
    return designatedField(CO->getFalseExpr(), Depth + 1, Root);
  }
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    CastKind K = ICE->getCastKind();
    if (K == CK_NoOp || K == CK_DerivedToBase || K == CK_UncheckedDerivedToBase)
      return designatedField(ICE->getSubExpr(), Depth + 1, Root);
    return nullptr;
  }
  // A local at the bottom: the caller may know what it borrows (`*it`,
  // `it->second`, `p->field`, `range[i]`).
  auto SetRoot = [&](const Expr *Local) -> const FieldDecl * {
    if (Root)
      *Root = localVarOf(Local);
    return nullptr;
  };
  if (isa<DeclRefExpr>(E))
    return SetRoot(E);
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F || F->getType()->isReferenceType())
      return nullptr;
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return F;
    if (!ME->isArrow())
      return designatedField(ME->getBase(), Depth + 1, Root);
    const Expr *Base = ME->getBase()->IgnoreParens();
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Base);
        OC && OC->getOperator() == OO_Arrow && OC->getNumArgs() == 1)
      return SetRoot(OC->getArg(0));
    return SetRoot(Base);
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    return SetRoot(UO->getSubExpr());
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    const auto *ICE = dyn_cast<ImplicitCastExpr>(ASE->getBase()->IgnoreParens());
    if (ICE && ICE->getCastKind() == CK_ArrayToPointerDecay)
      return designatedField(ICE->getSubExpr(), Depth + 1, Root);
    return nullptr;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Star && OC->getNumArgs() == 1)
      return SetRoot(OC->getArg(0));
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
        isStdLibraryRecord(classOf(OC->getArg(0)->getType())))
      return designatedField(OC->getArg(0), Depth + 1, Root);
    return nullptr;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && isStdLibraryRecord(M->getParent()) &&
        M->getReturnType()->isLValueReferenceType() &&
        isNamed(M, {"at", "front", "back", "top", "value"}))
      return designatedField(MC->getImplicitObjectArgument(), Depth + 1, Root);
  }
  return nullptr;
}

bool borrowsElement(const Expr *E, const FieldDecl *Field) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    E = MTE->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    E = BTE->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  // The container itself, named directly: `this->q_`.
  auto IsField = [&](const Expr *Obj) {
    const auto *ME =
        Obj ? dyn_cast<MemberExpr>(Obj->IgnoreParenImpCasts()) : nullptr;
    return ME && ME->getMemberDecl() == Field &&
           isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
  };
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
           isStdLibraryRecord(classOf(OC->getArg(0)->getType())) &&
           IsField(OC->getArg(0));
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || !isStdLibraryRecord(M->getParent()) ||
      !IsField(MC->getImplicitObjectArgument()))
    return false;
  return isNamed(M, {"at", "front", "back", "top", "begin", "rbegin", "find",
                     "lower_bound", "upper_bound"});
}

/// What the pointer \p E points into.
static const FieldDecl *pointedField(const Expr *E, unsigned Depth,
                                     const VarDecl **Root) {
  if (!E || Depth > 8)
    return nullptr;
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return pointedField(EWC->getSubExpr(), Depth + 1, Root);
  // `it == end ? nullptr : &it->second`: what either arm points into.
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    if (const FieldDecl *F = pointedField(CO->getTrueExpr(), Depth + 1, Root))
      return F;
    return pointedField(CO->getFalseExpr(), Depth + 1, Root);
  }
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    if (ICE->getCastKind() == CK_ArrayToPointerDecay)
      return designatedField(ICE->getSubExpr(), Depth + 1, Root);
    if (ICE->getCastKind() == CK_NoOp || ICE->getCastKind() == CK_BitCast ||
        ICE->getCastKind() == CK_DerivedToBase)
      return pointedField(ICE->getSubExpr(), Depth + 1, Root);
    return nullptr;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return designatedField(UO->getSubExpr(), Depth + 1, Root);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && returnsInto(MC->getMethodDecl()))
    return designatedField(MC->getImplicitObjectArgument(), Depth + 1, Root);
  return nullptr;
}

/// What the iterator or view value \p E points into.
static const FieldDecl *valueField(const Expr *E, unsigned Depth,
                                   const VarDecl **Root) {
  if (!E || Depth > 8)
    return nullptr;
  E = E->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return valueField(EWC->getSubExpr(), Depth + 1, Root);
  if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
    return valueField(BTE->getSubExpr(), Depth + 1, Root);
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    return valueField(MTE->getSubExpr(), Depth + 1, Root);
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
    CastKind K = ICE->getCastKind();
    if (K == CK_NoOp || K == CK_ConstructorConversion ||
        K == CK_UserDefinedConversion)
      return valueField(ICE->getSubExpr(), Depth + 1, Root);
    return nullptr;
  }
  if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E))
    return valueField(FCE->getSubExpr(), Depth + 1, Root);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (CE->getNumArgs() == 0)
      return nullptr;
    if (CE->getConstructor() && CE->getConstructor()->isCopyOrMoveConstructor())
      return valueField(CE->getArg(0), Depth + 1, Root);
    if (borrowKindOf(CE->getType()) == BorrowThrough::View)
      return CE->getArg(0)->getType()->isPointerType()
                 ? pointedField(CE->getArg(0), Depth + 1, Root)
                 : designatedField(CE->getArg(0), Depth + 1, Root);
    return nullptr;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
      MC && returnsInto(MC->getMethodDecl()))
    return designatedField(MC->getImplicitObjectArgument(), Depth + 1, Root);
  return nullptr;
}

const VarDecl *localVarOf(const Expr *E) {
  E = E->IgnoreParens();
  while (true) {
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
      E = ICE->getSubExpr()->IgnoreParens();
    else if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr()->IgnoreParens();
    else if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
             CE && CE->getNumArgs() == 1 && CE->getConstructor() &&
             CE->getConstructor()->isCopyOrMoveConstructor())
      E = CE->getArg(0)->IgnoreParens();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr()->IgnoreParens();
    else
      break;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() ? VD : nullptr;
}

const FieldDecl *borrowedField(const Expr *E, BorrowThrough K, Session &S,
                               const VarDecl **Root) {
  if (!E)
    return nullptr;
  const FieldDecl *F = nullptr;
  switch (K) {
  case BorrowThrough::Reference:
    F = designatedField(E, 0, Root);
    break;
  case BorrowThrough::Pointer:
    F = pointedField(E, 0, Root);
    break;
  case BorrowThrough::Iterator:
  case BorrowThrough::View:
    F = valueField(E, 0, Root);
    break;
  }
  return F && borrowable(F, S) ? F : nullptr;
}

void LambdaReach::scan(const Stmt *St, const LambdaExpr *LE) {
  if (!St)
    return;
  if (const auto *ME = dyn_cast<MemberExpr>(St))
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
          !ThisUses.count(F))
        ThisUses[F] = ME->getExprLoc();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(St))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && !VarUses.count(VD))
      VarUses[VD] = DRE->getExprLoc();
  if (const auto *DS = dyn_cast<DeclStmt>(St))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D); VD && guardClass(VD->getType()))
        Locks = true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St))
    if (const CXXMethodDecl *M = MC->getMethodDecl();
        M && M->getIdentifier() && isLockName(M->getName()))
      Locks = true;
  if (const auto *Call = dyn_cast<CallExpr>(St))
    if (auto Effect = lockFunctionEffect(Call->getDirectCallee());
        Effect && *Effect != LockEffect::Unlock)
      Locks = true;
  for (const Stmt *Child : St->children())
    scan(Child, LE);
}

bool mayBorrowMember(const Stmt *St, BorrowThrough ReturnKind, bool Returns,
                     Session &S) {
  if (!St)
    return false;
  // A lambda reaches a member only through a captured `this` or a
  // reference init-capture (a local reference bound to a member is found at
  // its own declaration).
  if (const auto *L = dyn_cast<LambdaExpr>(St)) {
    for (const LambdaCapture &C : L->captures()) {
      if (C.capturesThis())
        return true;
      if (C.capturesVariable())
        if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar());
            VD && VD->isInitCapture() && VD->getType()->isReferenceType())
          return true;
    }
    return false;
  }
  auto Borrows = [&](QualType T, const Expr *E) {
    auto K = borrowKindOf(T);
    return K && E && borrowedField(E, *K, S);
  };
  if (const auto *R = dyn_cast<ReturnStmt>(St);
      R && Returns && R->getRetValue() &&
      borrowedField(R->getRetValue(), ReturnKind, S))
    return true;
  if (const auto *DS = dyn_cast<DeclStmt>(St))
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D);
          V && Borrows(V->getType(), V->getInit()))
        return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(St);
      BO && BO->getOpcode() == BO_Assign &&
      Borrows(BO->getLHS()->getType(), BO->getRHS()))
    return true;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(St);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
      Borrows(OC->getArg(0)->getType(), OC->getArg(1)))
    return true;
  for (const Stmt *Child : St->children())
    if (mayBorrowMember(Child, ReturnKind, Returns, S))
      return true;
  return false;
}

/// Whether the occurrence \p ME of a member writes it (by the standard's
/// rule for library types: a non-const member call writes).
static bool isWrite(const MemberExpr *ME, const ParentMap &PM) {
  const Stmt *Child = ME;
  const Stmt *P = PM.getParent(ME);
  while (P && (isa<ParenExpr>(P) ||
               (isa<ImplicitCastExpr>(P) &&
                cast<ImplicitCastExpr>(P)->getCastKind() == CK_NoOp))) {
    Child = P;
    P = PM.getParent(P);
  }
  if (!P)
    return false;
  if (const auto *BO = dyn_cast<BinaryOperator>(P))
    return BO->isAssignmentOp() && BO->getLHS() == Child;
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    return UO->isIncrementDecrementOp();
  if (const auto *Outer = dyn_cast<MemberExpr>(P);
      Outer && Outer->getBase() == Child) {
    if (isa<FieldDecl>(Outer->getMemberDecl()) && !Outer->isArrow())
      return isWrite(Outer, PM); // `member_.field = v` writes member_
    if (const auto *M = dyn_cast<CXXMethodDecl>(Outer->getMemberDecl()))
      return !M->isConst();
    return false;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P);
      OC && OC->getNumArgs() > 0 && OC->getArg(0) == Child)
    if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee()))
      return !M->isConst();
  return false;
}

/// What the member call on \p ME, if it is one, keeps valid of its
/// elements (`q_.push_back(x)`).
static KeptValid keptValidAt(const MemberExpr *ME, const ParentMap &PM) {
  const Stmt *P = PM.getParent(ME);
  while (P && (isa<ParenExpr>(P) || isa<ImplicitCastExpr>(P)))
    P = PM.getParent(P);
  const auto *Outer = dyn_cast_or_null<MemberExpr>(P);
  return Outer ? keptValidBy(dyn_cast<CXXMethodDecl>(Outer->getMemberDecl()))
               : KeptValid::Nothing;
}

/// The mutex member a guarded_by attribute on \p F names.
static const FieldDecl *annotatedMutex(const FieldDecl *F) {
  const auto *A = F->getAttr<GuardedByAttr>();
  if (!A || !A->getArg())
    return nullptr;
  const auto *ME = dyn_cast<MemberExpr>(A->getArg()->IgnoreParenImpCasts());
  return ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
}

static void collectAnnotatedWrites(const Stmt *St, const ParentMap &PM,
                                   const CXXMethodDecl *M, WriteMap &Out) {
  if (!St)
    return;
  if (const auto *ME = dyn_cast<MemberExpr>(St))
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (const FieldDecl *Mutex = annotatedMutex(F);
          Mutex && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
          isWrite(ME, PM))
        Out[F].push_back({Mutex, ME->getExprLoc(), M, keptValidAt(ME, PM)});
  for (const Stmt *Child : St->children())
    collectAnnotatedWrites(Child, PM, M, Out);
}

/// Whether \p Names accepts a statement of \p St, or (\p Depth > 0) of
/// the body of a member function \p St calls on *this.
static bool namesOrCalls(const Stmt *St,
                         llvm::function_ref<bool(const Stmt *)> Names,
                         unsigned Depth) {
  if (!St)
    return false;
  if (Names(St))
    return true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St); MC && Depth > 0)
    if (const Expr *Obj = MC->getImplicitObjectArgument();
        Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) &&
        MC->getMethodDecl())
      if (const FunctionDecl *Def = MC->getMethodDecl()->getDefinition();
          Def && namesOrCalls(Def->getBody(), Names, Depth - 1))
        return true;
  for (const Stmt *Child : St->children())
    if (namesOrCalls(Child, Names, Depth))
      return true;
  return false;
}

/// Whether \p St names one of \p Fields, or (\p Depth > 0) calls on *this
/// a member function whose body does.
static bool namesFieldOrCalls(const Stmt *St,
                              const llvm::SmallPtrSetImpl<const FieldDecl *> &Fields,
                              unsigned Depth) {
  return namesOrCalls(
      St,
      [&](const Stmt *S) {
        const auto *ME = dyn_cast<MemberExpr>(S);
        const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
        return F && Fields.count(F);
      },
      Depth);
}

llvm::SmallVector<GuardedEscapeFinder::GuardedWrite, 2>
computeWrites(Session &S, const CXXRecordDecl *RD, const FieldDecl *Field) {
  llvm::TimeTraceScope Scope("fearless guarded writes");
  WriteMap Out;
  bool Annotated = Field->hasAttr<GuardedByAttr>();
  llvm::SmallPtrSet<const FieldDecl *, 1> Wanted;
  Wanted.insert(Field);
  // A write under a lock of *this needs the lock taken in the method or in
  // a member function it calls on *this: only a method that names one of
  // the class's synchronization fields there (or carries a thread-safety
  // attribute) is summarized; the others cannot add a write.
  llvm::SmallPtrSet<const FieldDecl *, 4> SyncFields;
  for (const FieldDecl *F : RD->fields())
    if (isSyncType(F->getType(), S.traits()))
      SyncFields.insert(F);
  for (const CXXMethodDecl *Decl : RD->methods()) {
    if (Decl->isStatic() || Decl->isImplicit() || isa<CXXConstructorDecl>(Decl) ||
        isa<CXXDestructorDecl>(Decl))
      continue;
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(Decl->getDefinition());
    if (!M || !M->getBody() || M->isDependentContext() || bodyHasErrors(M))
      continue;
    bool MayLock =
        namesFieldOrCalls(M->getBody(), Wanted, 1) &&
        (M->hasAttrs() || namesFieldOrCalls(M->getBody(), SyncFields, 1));
    // The filter above looks one call on *this deep; so does the summary
    // (one level of calls expanded, not the whole call-depth budget).
    if (const FunctionSummary *Sum =
            MayLock ? S.summary(M, /*LocalsShared=*/false,
                                Summarizer::MaxCallDepth - 1)
                    : nullptr)
      for (const Access &A : Sum->Accesses) {
        if (!A.Write || A.Atomic || !A.Loc.IsThis || A.Loc.Deref ||
            A.Loc.Path.empty() || !A.Loc.Path[0].Field || A.Loc.Path[0].Deref)
          continue;
        // Only a write of the member itself keeps its elements; one of a
        // part of it (`s_.q_.push_back(x)`) is taken as a write of it all.
        KeptValid Keeps = A.Loc.Path.size() == 1 ? A.Keeps : KeptValid::Nothing;
        for (const Lock &L : A.Locks)
          if (const FieldDecl *Mutex = mutexField(L); Mutex && !L.Shared)
            Out[A.Loc.Path[0].Field].push_back({Mutex, A.Where, M, Keeps});
      }
    if (Annotated)
      collectAnnotatedWrites(M->getBody(), S.functionAnalysis(M).parents(), M,
                             Out);
  }
  return Out.lookup(Field);
}

/// Whether the thread spawned by \p Site of \p FA goes into a member of
/// *this that holds one thread: the member itself, or a smart pointer
/// member reset to it (`worker_.reset(new std::thread(...))`).
static bool intoOneThreadMember(FunctionAnalysis &FA, const SpawnSite &Site) {
  if (Site.InLoop || Site.Sink.Element)
    return false;
  if (Site.Sink.Kind == SinkKind::Member)
    return true;
  if (Site.Sink.Kind != SinkKind::Escaped || !Site.Spawn)
    return false;
  const ParentMap &PM = FA.parents();
  const Stmt *P = PM.getParent(Site.Spawn);
  while (P &&
         (isa<CXXNewExpr>(P) || isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P)))
    P = PM.getParent(P);
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(P);
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier() || M->getName() != "reset" ||
      !(isStdDecl(M->getParent(), "unique_ptr") ||
        isStdDecl(M->getParent(), "shared_ptr")))
    return false;
  const auto *ME = dyn_cast<MemberExpr>(
      MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
  return ME && isa<FieldDecl>(ME->getMemberDecl()) &&
         isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
}

bool runsOnOneThread(Session &S, const CXXRecordDecl *RD,
                     const CXXMethodDecl *MD) {
  if (MD->getAccess() == AS_public || !S.callSitesOf(MD).empty())
    return false;
  const Decl *Canon = MD->getCanonicalDecl();
  unsigned Starts = 0;
  for (const CXXMethodDecl *Decl : RD->methods()) {
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(Decl->getDefinition());
    if (!M || !M->getBody() || M->isDependentContext() || bodyHasErrors(M))
      continue;
    bool Names = namesOrCalls(
        M->getBody(),
        [&](const Stmt *St) {
          const auto *DRE = dyn_cast<DeclRefExpr>(St);
          return DRE && DRE->getDecl()->getCanonicalDecl() == Canon;
        },
        0);
    if (!Names)
      continue;
    FunctionAnalysis &FA = S.functionAnalysis(M);
    for (const SpawnSite &Site : FA.threads().spawns()) {
      if (!Site.Body.Function ||
          Site.Body.Function->getCanonicalDecl() != Canon)
        continue;
      if (!intoOneThreadMember(FA, Site) || ++Starts > 1)
        return false;
    }
  }
  return Starts == 1;
}

/// The calls of the callable member \p Callable in \p St.
static void callsOf(const Stmt *St, const FieldDecl *Callable,
                    llvm::SmallVectorImpl<const CXXOperatorCallExpr *> &Out) {
  if (!St)
    return;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(St);
      OC && OC->getOperator() == OO_Call && OC->getNumArgs() > 0 &&
      designatedField(OC->getArg(0), 0, nullptr) == Callable)
    Out.push_back(OC);
  for (const Stmt *Child : St->children())
    callsOf(Child, Callable, Out);
}

SourceLocation unlockedCallOf(Session &S, const CXXRecordDecl *RD,
                              const FieldDecl *Callable,
                              const FieldDecl *Mutex) {
  for (const CXXMethodDecl *Decl : RD->methods()) {
    if (Decl->isStatic() || Decl->isImplicit() || isa<CXXConstructorDecl>(Decl))
      continue;
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(Decl->getDefinition());
    if (!M || !M->getBody() || M->isDependentContext() || bodyHasErrors(M))
      continue;
    llvm::SmallVector<const CXXOperatorCallExpr *, 2> Calls;
    callsOf(M->getBody(), Callable, Calls);
    if (Calls.empty())
      continue;
    const auto *Locks = S.locksAtCalls(M, 0);
    if (!Locks)
      continue;
    for (const CXXOperatorCallExpr *Call : Calls) {
      auto It = Locks->find(Call);
      if (It != Locks->end() && !holds(It->second, Mutex))
        return Call->getExprLoc();
    }
  }
  return SourceLocation();
}

/// Whether \p St names the member \p Field or the variable \p Var, or
/// (\p Depth > 0) calls on *this a member function whose body does.
static bool namesStoredOrCalls(const Stmt *St, const FieldDecl *Field,
                               const VarDecl *Var, unsigned Depth) {
  return namesOrCalls(
      St,
      [&](const Stmt *S) {
        if (const auto *ME = dyn_cast<MemberExpr>(S))
          return Field && ME->getMemberDecl() == Field;
        const auto *DRE = dyn_cast<DeclRefExpr>(S);
        return DRE && Var &&
               DRE->getDecl()->getCanonicalDecl() == Var->getCanonicalDecl();
      },
      Depth);
}

UnlockedUse unlockedDerefOf(Session &S, const CXXRecordDecl *RD,
                            const FieldDecl *Field, const VarDecl *Var,
                            const FieldDecl *Mutex) {
  for (const CXXMethodDecl *Decl : RD->methods()) {
    // A private or protected helper is read through the public member
    // functions that call it: their summaries carry its accesses with the
    // locks they hold (its own summary does not know its callers' locks
    // of *this).
    if (Decl->isStatic() || Decl->isImplicit() ||
        Decl->getAccess() != AS_public || isa<CXXConstructorDecl>(Decl) ||
        isa<CXXDestructorDecl>(Decl))
      continue;
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(Decl->getDefinition());
    if (!M || !M->getBody() || M->isDependentContext() || bodyHasErrors(M) ||
        !namesStoredOrCalls(M->getBody(), Field, Var, 2))
      continue;
    const FunctionSummary *Sum = S.summary(M, /*LocalsShared=*/false);
    if (!Sum)
      continue;
    for (const Access &A : Sum->Accesses) {
      bool Through =
          Field ? A.Loc.IsThis && !A.Loc.Deref && !A.Loc.Path.empty() &&
                      A.Loc.Path[0].Field == Field && A.Loc.Path[0].Deref
                : A.Loc.Root && A.Loc.Deref &&
                      A.Loc.Root->getCanonicalDecl() == Var->getCanonicalDecl();
      if (!Through || A.Atomic ||
          llvm::any_of(A.Locks, [&](const Lock &L) {
            return L.Unknown || mutexField(L) == Mutex;
          }))
        continue;
      return {A.Where, M};
    }
  }
  return {};
}

} // namespace guarded
} // namespace fearless
