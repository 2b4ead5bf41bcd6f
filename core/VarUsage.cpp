//===- VarUsage.cpp - Is a variable only read? ----------------------------===//

#include "fearless/VarUsage.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace fearless {

namespace {

/// Visits the references to one variable and decides, from each reference's
/// immediate parents, whether it may be written.
class UseClassifier : public RecursiveASTVisitor<UseClassifier> {
public:
  UseClassifier(const ValueDecl *V, const SourceManager *SM,
                SourceLocation After, bool AllowDirectWrites = false)
      : V(V), SM(SM), After(After), AllowDirectWrites(AllowDirectWrites) {}

  bool MayWrite = false;
  /// With no variable given: every variable some use may write.
  llvm::DenseSet<const ValueDecl *> Written;

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    ++LambdaDepth;
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(LE);
    --LambdaDepth;
    return Result;
  }

  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
    if (!S || (V && MayWrite))
      return true;
    Parents.push_back(S);
    bool Result = RecursiveASTVisitor::TraverseStmt(S);
    Parents.pop_back();
    return Result;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (!V) {
      if (!Written.count(DRE->getDecl()) && !isRead(DRE) &&
          !(AllowDirectWrites && LambdaDepth == 0 && isDirectWrite()))
        Written.insert(DRE->getDecl());
      return true;
    }
    if (DRE->getDecl() != V)
      return true;
    if (SM && After.isValid() &&
        !SM->isBeforeInTranslationUnit(After, DRE->getBeginLoc()))
      return true;
    if (!isRead(DRE) &&
        !(AllowDirectWrites && LambdaDepth == 0 && isDirectWrite()))
      MayWrite = true;
    return true;
  }

private:
  /// The parent of the element at \p Depth from the top of the stack.
  const Stmt *parentOf(size_t Index) const {
    return Index == 0 ? nullptr : Parents[Index - 1];
  }

  bool isRead(const DeclRefExpr *DRE) const {
    // Parents.back() is DRE itself.
    size_t Index = Parents.size() - 1;
    const Stmt *Child = DRE;
    for (;;) {
      const Stmt *P = parentOf(Index);
      if (!P)
        return false;
      if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P)) {
        if (ICE->getCastKind() == CK_LValueToRValue ||
            ICE->getCastKind() == CK_ArrayToPointerDecay ||
            ICE->getCastKind() == CK_FunctionToPointerDecay)
          return ICE->getCastKind() == CK_LValueToRValue ||
                 ICE->getType()->getPointeeType().isConstQualified();
        if (ICE->getCastKind() == CK_NoOp && ICE->getType().isConstQualified())
          return true;
        Child = P;
        --Index;
        continue;
      }
      if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P)) {
        if (Cast->getType()->isVoidType())
          return true;
        if (!Cast->getType()->isReferenceType())
          return true; // a conversion reads the value
        Child = P;
        --Index;
        continue;
      }
      if (isa<ParenExpr>(P)) {
        Child = P;
        --Index;
        continue;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(P)) {
        if (const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl()))
          return MD->isConst();
        // A field: its own use decides.
        Child = P;
        --Index;
        continue;
      }
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(P)) {
        if (ASE->getBase()->IgnoreParenImpCasts() != Child &&
            ASE->getIdx() == Child)
          return true;
        Child = P;
        --Index;
        continue;
      }
      if (const auto *Call = dyn_cast<CallExpr>(P)) {
        const FunctionDecl *FD = Call->getDirectCallee();
        if (!FD)
          return false;
        unsigned Offset = 0;
        if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call);
            OC && isa<CXXMethodDecl>(FD)) {
          if (OC->getArg(0) == Child)
            return cast<CXXMethodDecl>(FD)->isConst();
          Offset = 1;
        }
        for (unsigned I = Offset; I < Call->getNumArgs(); ++I)
          if (Call->getArg(I) == Child) {
            if (I - Offset >= FD->getNumParams())
              return false;
            QualType PT = FD->getParamDecl(I - Offset)->getType();
            return !PT->isReferenceType() ||
                   PT.getNonReferenceType().isConstQualified();
          }
        return false;
      }
      if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
        const CXXConstructorDecl *Ctor = CE->getConstructor();
        for (unsigned I = 0; I < CE->getNumArgs(); ++I)
          if (CE->getArg(I) == Child && Ctor && I < Ctor->getNumParams()) {
            QualType PT = Ctor->getParamDecl(I)->getType();
            return !PT->isReferenceType() ||
                   PT.getNonReferenceType().isConstQualified();
          }
        return false;
      }
      if (const auto *BO = dyn_cast<BinaryOperator>(P))
        return !(BO->isAssignmentOp() && BO->getLHS() == Child);
      if (const auto *UO = dyn_cast<UnaryOperator>(P))
        return !UO->isIncrementDecrementOp() && UO->getOpcode() != UO_AddrOf;
      return false;
    }
  }

  /// Whether the reference on top of the stack is the target of an
  /// assignment or an increment, through parentheses only.
  bool isDirectWrite() const {
    size_t Index = Parents.size() - 1;
    const Stmt *Child = Parents[Index];
    const Stmt *P = parentOf(Index);
    while (P && isa<ParenExpr>(P)) {
      Child = P;
      P = parentOf(--Index);
    }
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P))
      return BO->isAssignmentOp() && BO->getLHS() == Child;
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
      return UO->isIncrementDecrementOp();
    return false;
  }

  const ValueDecl *V;
  const SourceManager *SM;
  SourceLocation After;
  bool AllowDirectWrites;
  unsigned LambdaDepth = 0;
  std::vector<const Stmt *> Parents;
};

} // namespace

bool isOnlyRead(const ValueDecl *V, const Stmt *Body) {
  if (!Body)
    return true;
  UseClassifier C(V, nullptr, SourceLocation());
  C.TraverseStmt(const_cast<Stmt *>(Body));
  return !C.MayWrite;
}

llvm::DenseSet<const ValueDecl *> writtenVariables(const Stmt *Body,
                                                   bool AllowDirectWrites) {
  if (!Body)
    return {};
  UseClassifier C(nullptr, nullptr, SourceLocation(), AllowDirectWrites);
  C.TraverseStmt(const_cast<Stmt *>(Body));
  return std::move(C.Written);
}

bool isOnlyReadOrAssigned(const ValueDecl *V, const Stmt *Body) {
  if (!Body)
    return true;
  UseClassifier C(V, nullptr, SourceLocation(), /*AllowDirectWrites=*/true);
  C.TraverseStmt(const_cast<Stmt *>(Body));
  return !C.MayWrite;
}

bool mayBeWrittenAfter(const ValueDecl *V, const Stmt *Body,
                       SourceLocation After, const SourceManager &SM) {
  if (!Body)
    return false;
  UseClassifier C(V, &SM, After);
  C.TraverseStmt(const_cast<Stmt *>(Body));
  return C.MayWrite;
}

bool isCopyable(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *AT = T->getAsArrayTypeUnsafe())
    T = AT->getElementType();
  if (T->isScalarType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  bool SawCopy = false;
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (Ctor->isCopyConstructor()) {
      SawCopy = true;
      if (!Ctor->isDeleted() && Ctor->getAccess() == AS_public)
        return true;
    }
  if (SawCopy)
    return false;
  return RD->needsImplicitCopyConstructor() &&
         !RD->defaultedCopyConstructorIsDeleted();
}

} // namespace fearless
