//===- MutableWrites.cpp - Whether a const member writes a mutable field --===//
//
// Part of the TraitOracle: a `mutable` field breaks its class's Sync only
// when a const member function may write it without synchronization. Writes
// made while a member mutex is held do not count, nor do operations on parts
// that synchronize themselves: locking a lock, or reaching an element of a
// container of locks (operator[], at, back, begin: they only read the
// container).
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/RaceModel.h"
#include "fearless/Traits.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace fearless {

namespace {
/// Whether a statement writes a member of *this: the field \p Only, or any
/// field when \p Only is null. Non-const calls on the field count when the
/// callee writes (or cannot be seen, or is a library member), unless the
/// object synchronizes itself (locking a lock) or the call only reaches an
/// element of a container whose elements do.
class FieldWriteFinder : public RecursiveASTVisitor<FieldWriteFinder> {
public:
  FieldWriteFinder(TraitOracle &Traits, const FieldDecl *Only, unsigned Depth)
      : Traits(Traits), Only(Only), Depth(Depth) {}
  bool Found = false;

  /// Writes made while the class's own mutex is locked exclusively (a
  /// lock_guard, unique_lock or scoped_lock of a member mutex declared
  /// earlier in an enclosing block, or member.lock() before member.unlock())
  /// are synchronized: the mutex-protected mutable cache.
  bool TraverseCompoundStmt(CompoundStmt *CS) {
    unsigned Saved = Locked;
    for (Stmt *Child : CS->body()) {
      if (!TraverseStmt(Child)) {
        Locked = Saved;
        return false;
      }
      switch (lockEffect(Child)) {
      case 1:
        ++Locked;
        break;
      case -1:
        if (Locked > Saved)
          --Locked;
        break;
      default:
        break;
      }
    }
    Locked = Saved;
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (Locked)
      return true;
    if (BO->isAssignmentOp() && isTarget(BO->getLHS()))
      Found = true;
    return !Found;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (Locked)
      return true;
    if (UO->isIncrementDecrementOp() && isTarget(UO->getSubExpr()))
      Found = true;
    if (UO->getOpcode() == UO_AddrOf && isTarget(UO->getSubExpr()) &&
        !UO->getType()->getPointeeType().isConstQualified() &&
        !synchronizes(UO->getSubExpr()))
      Found = true;
    return !Found;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (Locked)
      return true;
    const CXXMethodDecl *M = MC->getMethodDecl();
    const Expr *Object = MC->getImplicitObjectArgument();
    if (!M || M->isConst() || !isTarget(Object) || synchronizedUse(M, Object))
      return true;
    Found = writesThroughCall(M);
    return !Found;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OC) {
    if (Locked)
      return true;
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    if (M && !M->isConst() && OC->getNumArgs() > 0 &&
        isTarget(OC->getArg(0)) && !synchronizedUse(M, OC->getArg(0)))
      Found = writesThroughCall(M);
    return !Found;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (Locked)
      return true;
    if (isa<CXXMemberCallExpr>(Call) || isa<CXXOperatorCallExpr>(Call))
      return true;
    const FunctionDecl *FD = Call->getDirectCallee();
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (!isTarget(Call->getArg(I)) || synchronizes(Call->getArg(I)))
        continue;
      if (!FD || I >= FD->getNumParams())
        continue;
      QualType PT = FD->getParamDecl(I)->getType();
      if (PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified())
        Found = true;
    }
    return !Found;
  }

private:
  /// Whether the object \p E names (or points to) synchronizes itself: a
  /// mutex, a user lock, an atomic, a class carrying its own mutex.
  bool synchronizes(const Expr *E) const {
    QualType T = E->getType().getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    return Traits.isInternallySynchronized(T);
  }
  /// The element type of a standard container (its value_type, else its
  /// first type argument).
  static QualType elementType(QualType T) {
    const auto *RD = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        T.isNull() ? nullptr : T->getAsCXXRecordDecl());
    if (!RD || !isStdLibraryRecord(RD))
      return {};
    for (const NamedDecl *D :
         RD->lookup(&RD->getASTContext().Idents.get("value_type")))
      if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
        return TD->getUnderlyingType();
    for (const TemplateArgument &A : RD->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type)
        return A.getAsType();
    return {};
  }
  /// Whether every element of the container \p T synchronizes itself,
  /// possibly through nested containers (a list of vectors of locks).
  bool holdsSynchronized(QualType T, unsigned Nesting = 4) const {
    QualType E = elementType(T);
    if (E.isNull())
      return false;
    return Traits.isInternallySynchronized(E) ||
           (Nesting > 0 && holdsSynchronized(E, Nesting - 1));
  }
  /// A non-const call \p M on \p Object that writes nothing unsynchronized:
  /// any member of an object that synchronizes itself (lock(), unlock()),
  /// or an element accessor of a container of such objects (it only reads
  /// the container; what is done to the element is judged where it is).
  bool synchronizedUse(const CXXMethodDecl *M, const Expr *Object) const {
    if (synchronizes(Object))
      return true;
    if (!isStdLibraryRecord(M->getParent()) || !constForRaces(M))
      return false;
    QualType T = Object->getType().getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    return holdsSynchronized(T);
  }
  /// A member mutex of *this (not atomic: a lock).
  static bool isMemberMutex(const Expr *E) {
    const auto *ME =
        dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
    if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return false;
    const CXXRecordDecl *RD = ME->getType()->getAsCXXRecordDecl();
    return RD && RD->getIdentifier() &&
           RD->getName().lower().find("mutex") != std::string::npos;
  }
  /// +1 if \p S locks a member mutex exclusively for the rest of its
  /// block, -1 if it unlocks one, 0 otherwise.
  static int lockEffect(const Stmt *S) {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls()) {
        const auto *VD = dyn_cast<VarDecl>(D);
        const CXXRecordDecl *RD =
            VD ? VD->getType()->getAsCXXRecordDecl() : nullptr;
        const GuardEntry *G = RD ? guardClass(VD->getType()) : nullptr;
        if (!G || G->Shared)
          continue;
        const Expr *Init = VD->getInit();
        if (const auto *EWC = dyn_cast_or_null<ExprWithCleanups>(Init))
          Init = EWC->getSubExpr();
        const auto *CE = dyn_cast_or_null<CXXConstructExpr>(
            Init ? Init->IgnoreImplicit() : nullptr);
        if (!CE)
          continue;
        bool Member = false, Deferred = false;
        for (const Expr *Arg : CE->arguments()) {
          Member |= isMemberMutex(Arg);
          if (const CXXRecordDecl *AR = Arg->getType()->getAsCXXRecordDecl())
            Deferred |=
                isStdDecl(AR, "defer_lock_t") || isStdDecl(AR, "try_to_lock_t");
        }
        if (Member && !Deferred)
          return 1;
      }
      return 0;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
        MC && MC->getMethodDecl() && MC->getMethodDecl()->getIdentifier() &&
        isMemberMutex(MC->getImplicitObjectArgument())) {
      llvm::StringRef N = MC->getMethodDecl()->getName();
      if (N == "lock")
        return 1;
      if (N == "unlock")
        return -1;
    }
    return 0;
  }

  bool writesThroughCall(const CXXMethodDecl *M) const {
    if (M->getParent()->getDeclContext()->getRedeclContext()->isStdNamespace())
      return true; // a non-const library member writes
    const FunctionDecl *Def = M->getDefinition();
    if (!Def || !Def->getBody() || Depth == 0)
      return true; // unseen: may write
    FieldWriteFinder Inner(Traits, nullptr, Depth - 1);
    Inner.TraverseStmt(Def->getBody());
    return Inner.Found;
  }
  bool isTarget(const Expr *E) const {
    while (E) {
      E = E->IgnoreParenImpCasts();
      if (const auto *ME = dyn_cast<MemberExpr>(E)) {
        const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
        if (isa<CXXThisExpr>(Base)) {
          const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
          return F &&
                 (!Only || F == Only ||
                  (F->getName() == Only->getName() &&
                   F->getParent()->getName() == Only->getParent()->getName()));
        }
        E = ME->getBase();
        continue;
      }
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
        E = ASE->getBase();
        continue;
      }
      if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
          OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() > 0) {
        E = OC->getArg(0);
        continue;
      }
      return false;
    }
    return false;
  }
  TraitOracle &Traits;
  const FieldDecl *Only;
  unsigned Depth;
  /// How many exclusive locks of a member mutex are held here.
  unsigned Locked = 0;
};
} // namespace

bool TraitOracle::mutableFieldMayBeWritten(const FieldDecl *F) {
  auto It = MutableWrites.find(F);
  if (It != MutableWrites.end())
    return It->second;
  bool Written = false;
  const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent());
  if (!RD) {
    Written = true;
  } else {
    for (const CXXMethodDecl *M : RD->methods()) {
      if (!M->isConst())
        continue;
      const FunctionDecl *Def = M->getDefinition();
      const Stmt *Body = Def ? Def->getBody() : nullptr;
      if (!Body)
        if (const FunctionDecl *Pattern = M->getTemplateInstantiationPattern())
          Body = Pattern->getBody();
      if (!Body) {
        // A const member we cannot see may write the field.
        if (!M->isImplicit() && !M->isDefaulted())
          Written = true;
        if (Written)
          break;
        continue;
      }
      FieldWriteFinder Finder(*this, F, 2);
      Finder.TraverseStmt(const_cast<Stmt *>(Body));
      if (Finder.Found) {
        Written = true;
        break;
      }
    }
    // Member function templates: their patterns.
    if (!Written)
      for (const Decl *D : RD->decls())
        if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
          if (const auto *M = dyn_cast<CXXMethodDecl>(FT->getTemplatedDecl());
              M && M->isConst() && M->getBody()) {
            FieldWriteFinder Finder(*this, F, 2);
            Finder.TraverseStmt(M->getBody());
            if (Finder.Found) {
              Written = true;
              break;
            }
          }
  }
  MutableWrites[F] = Written;
  return Written;
}

} // namespace fearless
