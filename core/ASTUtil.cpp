//===- ASTUtil.cpp - Small AST helpers shared by the analyses -------------===//

#include "fearless/ASTUtil.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Builtins.h"

using namespace clang;

namespace fearless {

bool hasQualifiedName(const NamedDecl *D, llvm::StringRef QualifiedName) {
  if (!D)
    return false;
  QualifiedName.consume_front("::");
  const NamedDecl *Cur = D;
  while (true) {
    // The last component is the identifier, after "::" or at the start:
    // compared from the end, so that a name that differs costs one compare
    // (every model lookup asks this of every call and type it meets).
    const IdentifierInfo *II = Cur->getIdentifier();
    // A constructor is named after its class: `ns::Thread::Thread`.
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Cur); Ctor && !II)
      II = Ctor->getParent()->getIdentifier();
    if (!II || !QualifiedName.ends_with(II->getName()))
      return false;
    size_t Rest = QualifiedName.size() - II->getName().size();
    if (Rest != 0 && (Rest < 2 || QualifiedName[Rest - 1] != ':' ||
                      QualifiedName[Rest - 2] != ':'))
      return false;
    const DeclContext *Ctx = Cur->getDeclContext();
    // Skip inline namespaces and transparent contexts (extern "C", enums).
    while (Ctx && (Ctx->isInlineNamespace() || Ctx->isTransparentContext() ||
                   isa<LinkageSpecDecl>(Ctx)))
      Ctx = Ctx->getParent();
    if (Rest == 0)
      return !Ctx || Ctx->isTranslationUnit();
    QualifiedName = QualifiedName.substr(0, Rest - 2);
    Cur = dyn_cast_or_null<NamedDecl>(Ctx ? Decl::castFromDeclContext(Ctx)
                                          : nullptr);
    if (!Cur || !Ctx || Ctx->isTranslationUnit())
      return false;
  }
}

bool isStdDecl(const NamedDecl *D, llvm::StringRef Name) {
  if (!D)
    return false;
  const IdentifierInfo *II = D->getIdentifier();
  if (!II || II->getName() != Name)
    return false;
  return D->getDeclContext()->getRedeclContext()->isStdNamespace();
}

const CXXRecordDecl *classOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  return T->getAsCXXRecordDecl();
}

bool isStdClass(QualType T, llvm::StringRef Name) {
  const CXXRecordDecl *RD = classOf(T);
  return RD && isStdDecl(RD, Name);
}

QualType templateArgType(QualType T, unsigned Index) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(classOf(T));
  if (!Spec)
    return {};
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Index >= Args.size() || Args[Index].getKind() != TemplateArgument::Type)
    return {};
  return Args[Index].getAsType();
}

static bool isForwardingConstruct(const CXXConstructExpr *CE) {
  if (CE->getNumArgs() < 1 || !CE->getConstructor())
    return false;
  if (CE->isElidable())
    return true;
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor->isCopyOrMoveConstructor())
    return false;
  return true;
}

const Expr *stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Prev = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MTE->getSubExpr();
    else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BTE->getSubExpr();
    else if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E);
             FCE && FCE->getCastKind() == CK_NoOp)
      E = FCE->getSubExpr();
    else if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
             CE && !isa<CXXTemporaryObjectExpr>(CE) &&
             isForwardingConstruct(CE))
      E = CE->getArg(0);
    else if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E);
             FCE && FCE->getCastKind() == CK_ConstructorConversion)
      E = FCE->getSubExpr();
    if (E == Prev)
      return E;
  }
  return E;
}

const Expr *getMovedExpr(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (Call->getNumArgs() != 1)
      return nullptr;
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD && (isStdDecl(FD, "move") || isStdDecl(FD, "forward")))
      return Call->getArg(0);
    return nullptr;
  }
  if (const auto *Cast = dyn_cast<CXXStaticCastExpr>(E))
    if (Cast->getTypeAsWritten()->isRValueReferenceType())
      return Cast->getSubExpr();
  return nullptr;
}

const Expr *stripMoves(const Expr *E) {
  while (E) {
    E = stripWrappers(E);
    const Expr *Inner = getMovedExpr(E);
    if (!Inner)
      return E;
    E = Inner;
  }
  return E;
}

const ValueDecl *lvalueRoot(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 16; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      // A reference member names its referent, not a part of the object.
      if (ME->isArrow() || ME->getMemberDecl()->getType()->isReferenceType())
        return nullptr;
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      if (!ASE->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        return nullptr;
      E = ASE->getBase();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

const VarDecl *referencedVar(const Expr *E) {
  E = stripWrappers(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

bool hasAnnotation(const Decl *D, llvm::StringRef What) {
  if (!D || !D->hasAttrs())
    return false;
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == What)
      return true;
  return false;
}

bool paramHasAnnotation(const FunctionDecl *FD, unsigned Index,
                        llvm::StringRef What) {
  auto Check = [&](const FunctionDecl *D) {
    return D && Index < D->getNumParams() &&
           hasAnnotation(D->getParamDecl(Index), What);
  };
  for (const FunctionDecl *D : FD->redecls())
    if (Check(D))
      return true;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    for (const FunctionDecl *D : Pattern->redecls())
      if (Check(D))
        return true;
  return false;
}

bool typeHasAnnotation(QualType T, llvm::StringRef What) {
  // Walk the typedef chain: an alias may carry the annotation.
  while (!T.isNull()) {
    if (const auto *TT = T->getAs<TypedefType>()) {
      if (hasAnnotation(TT->getDecl(), What))
        return true;
      T = TT->getDecl()->getUnderlyingType();
      continue;
    }
    break;
  }
  if (const auto *RD = classOf(T)) {
    if (hasAnnotation(RD, What))
      return true;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      if (hasAnnotation(Spec->getSpecializedTemplate()->getTemplatedDecl(),
                        What))
        return true;
  }
  return false;
}

const ValueDecl *bindingOwner(const ValueDecl *V) {
  if (const auto *BD = dyn_cast_or_null<BindingDecl>(V))
    if (const ValueDecl *Holder = BD->getDecomposedDecl())
      return Holder;
  return V;
}

bool isOwnedLocal(const ValueDecl *V) {
  V = bindingOwner(V);
  const auto *VD = dyn_cast_or_null<VarDecl>(V);
  if (!VD || VD->getType()->isReferenceType())
    return false;
  return VD->hasLocalStorage();
}

const FunctionDecl *calleeOf(const Expr *E) {
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
    return Call->getDirectCallee();
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
    return CE->getConstructor();
  return nullptr;
}

llvm::ArrayRef<const Expr *> argsOf(const Expr *E) {
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
    return llvm::ArrayRef<const Expr *>(Call->getArgs(), Call->getNumArgs());
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
    return llvm::ArrayRef<const Expr *>(CE->getArgs(), CE->getNumArgs());
  return {};
}

const ParmVarDecl *paramForArg(const Expr *Call, unsigned ArgIdx) {
  const FunctionDecl *FD = calleeOf(Call);
  if (!FD)
    return nullptr;
  // A member operator call passes the object as argument 0.
  if (isa<CXXOperatorCallExpr>(Call))
    if (isa<CXXMethodDecl>(FD) && !cast<CXXMethodDecl>(FD)->isStatic()) {
      if (ArgIdx == 0)
        return nullptr;
      --ArgIdx;
    }
  if (ArgIdx >= FD->getNumParams())
    return nullptr;
  return FD->getParamDecl(ArgIdx);
}

bool isCallableType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isFunctionType() || T->isFunctionPointerType() ||
      T->isMemberFunctionPointerType())
    return true;
  const CXXRecordDecl *RD = classOf(T);
  if (!RD || !RD->hasDefinition())
    return false;
  if (RD->isLambda())
    return true;
  DeclarationName Call =
      RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  return !RD->lookup(Call).empty();
}

const CXXMethodDecl *singleCallOperator(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  DeclarationName Name =
      RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
  const CXXMethodDecl *Call = nullptr;
  for (const NamedDecl *ND : RD->lookup(Name)) {
    const auto *M = dyn_cast<CXXMethodDecl>(ND);
    if (!M || Call)
      return nullptr; // a template or an overload set
    Call = M;
  }
  return Call;
}

const Expr *closureInitializer(const VarDecl *VD) {
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD) || !VD->getInit())
    return nullptr;
  const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl();
  return RD && RD->isLambda() ? VD->getInit() : nullptr;
}

bool bodyHasErrors(const FunctionDecl *FD) {
  if (FD->isInvalidDecl())
    return true;
  const Stmt *Body = FD->getBody();
  if (!Body)
    return true;
  if (const auto *E = dyn_cast<Expr>(Body))
    return E->containsErrors();
  // CompoundStmt does not record dependence; look at its direct statements.
  for (const Stmt *S : Body->children())
    if (const auto *E = dyn_cast_or_null<Expr>(S); E && E->containsErrors())
      return true;
  return false;
}

const Expr *stripNegations(const Expr *E, bool &Negated) {
  E = E->IgnoreParenImpCasts();
  while (true) {
    // `unlikely(x)`: __builtin_expect(!!(x), 0) is the value of its first
    // argument.
    if (const auto *Call = dyn_cast<CallExpr>(E);
        Call && Call->getNumArgs() >= 1 &&
        (Call->getBuiltinCallee() == Builtin::BI__builtin_expect ||
         Call->getBuiltinCallee() ==
             Builtin::BI__builtin_expect_with_probability)) {
      E = Call->getArg(0)->IgnoreParenImpCasts();
      continue;
    }
    const auto *UO = dyn_cast<UnaryOperator>(E);
    if (!UO || UO->getOpcode() != UO_LNot)
      break;
    Negated = !Negated;
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  return E;
}

/// Whether \p E cannot be folded to a constant whatever the rest of the
/// expression it is in: a read of a variable that is neither const nor
/// constexpr, or of a member or element of an object that cannot be folded
/// (`*this` among them), or a call of a function that is not constexpr (or
/// of a library builtin such as strcmp, given an argument that cannot be
/// folded), possibly under casts, parentheses, unary arithmetic and
/// arithmetic, comparison and bitwise operators (never `&&`, `||`, `?:` or
/// `,`, which may fold without evaluating one side).
static bool surelyNotConstant(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    return VD && !VD->isConstexpr() && !VD->getType()->isReferenceType() &&
           !VD->getType().isConstQualified();
  }
  if (isa<CXXThisExpr>(E))
    return true;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return isa<FieldDecl>(ME->getMemberDecl()) &&
           surelyNotConstant(ME->getBase(), Ctx);
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
    return surelyNotConstant(ASE->getBase(), Ctx) ||
           surelyNotConstant(ASE->getIdx(), Ctx);
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD)
      return false;
    unsigned Builtin = FD->getBuiltinID();
    if (!Builtin)
      return !FD->isConstexpr();
    return Ctx.BuiltinInfo.isPredefinedLibFunction(Builtin) &&
           llvm::any_of(CE->arguments(), [&](const Expr *Arg) {
             return surelyNotConstant(Arg, Ctx);
           });
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return (UO->getOpcode() == UO_Minus || UO->getOpcode() == UO_Plus ||
            UO->getOpcode() == UO_Not || UO->getOpcode() == UO_LNot ||
            UO->getOpcode() == UO_Deref) &&
           surelyNotConstant(UO->getSubExpr(), Ctx);
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return (BO->isAdditiveOp() || BO->isMultiplicativeOp() || BO->isShiftOp() ||
            BO->isComparisonOp() || BO->isBitwiseOp()) &&
           (surelyNotConstant(BO->getLHS(), Ctx) ||
            surelyNotConstant(BO->getRHS(), Ctx));
  return false;
}

std::optional<long long> integerConstant(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent() ||
      !E->getType()->isIntegralOrEnumerationType())
    return std::nullopt;
  // A literal or an enumerator, converted to the type of E: its value, when
  // it is not negative and E's type holds it with its sign bit clear, the
  // conversion then keeping it (never bool, which keeps only `!= 0`).
  auto Kept = [&](const llvm::APSInt &V) -> std::optional<long long> {
    if (E->getType()->isBooleanType() || (V.isSigned() && V.isNegative()) ||
        V.getActiveBits() >=
            std::min<uint64_t>(64, Ctx.getTypeSize(E->getType())))
      return std::nullopt;
    return (long long)V.getZExtValue();
  };
  const Expr *Bare = E->IgnoreParenImpCasts();
  if (const auto *IL = dyn_cast<IntegerLiteral>(Bare))
    if (std::optional<long long> K = Kept(llvm::APSInt(IL->getValue(), true)))
      return K;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Bare))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      if (std::optional<long long> K = Kept(EC->getInitVal()))
        return K;
  if (const auto *BL = dyn_cast<CXXBoolLiteralExpr>(Bare);
      BL && E->getType()->isIntegerType())
    return BL->getValue() ? 1 : 0;
  if (surelyNotConstant(E, Ctx))
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx) || (R.Val.getInt().getBitWidth() > 64 &&
                                    !R.Val.getInt().isRepresentableByInt64()))
    return std::nullopt;
  return R.Val.getInt().getExtValue();
}

} // namespace fearless
