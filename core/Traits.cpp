//===- Traits.cpp - Send and Sync, derived like Rust's auto traits --------===//

#include "fearless/Traits.h"
#include "fearless/ASTUtil.h"
#include "fearless/RaceModel.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fearless {

namespace {

enum class Rule { Always, Never, Args, ArgsBoth, PointeeSync, ArgsSend };

struct StdTypeEntry {
  llvm::StringRef Name;
  Rule Send;
  Rule Sync;
};

constexpr StdTypeEntry StdTypes[] = {
#define FEARLESS_STD_TYPE(Name, Send, Sync) {Name, Rule::Send, Rule::Sync},
#include "fearless/Models/SendSync.def"
};

constexpr llvm::StringRef SyncPrimitives[] = {
#define FEARLESS_SYNC_PRIMITIVE(Name) Name,
#include "fearless/Models/SendSync.def"
};

llvm::StringRef positiveAnnotation(Trait T) {
  return T == Trait::Send ? "fearless::send" : "fearless::sync";
}
llvm::StringRef negativeAnnotation(Trait T) {
  return T == Trait::Send ? "fearless::not_send" : "fearless::not_sync";
}

const AnnotateAttr *findAnnotation(const Decl *D, llvm::StringRef What) {
  if (!D || !D->hasAttrs())
    return nullptr;
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == What)
      return A;
  return nullptr;
}

/// The annotation deciding a record's trait: on the record, or on the class
/// template it is a specialization of.
const Decl *annotatedDecl(const RecordDecl *RD, llvm::StringRef What) {
  if (findAnnotation(RD, What))
    return RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
    const CXXRecordDecl *Pattern =
        Spec->getSpecializedTemplate()->getTemplatedDecl();
    if (findAnnotation(Pattern, What))
      return Pattern;
  }
  return nullptr;
}

bool namedAnyOf(const NamedDecl *D, llvm::ArrayRef<llvm::StringRef> Names) {
  for (llvm::StringRef N : Names)
    if (hasQualifiedName(D, N))
      return true;
  return false;
}

/// The type arguments of a class template specialization, packs expanded.
llvm::SmallVector<QualType, 4> typeArgs(const CXXRecordDecl *RD) {
  llvm::SmallVector<QualType, 4> Result;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return Result;
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Type)
      Result.push_back(A.getAsType());
    else if (A.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &P : A.pack_elements())
        if (P.getKind() == TemplateArgument::Type)
          Result.push_back(P.getAsType());
  }
  return Result;
}

TraitVerdict fails(TraitStep Step, const TraitVerdict *Inner = nullptr) {
  TraitVerdict V;
  V.Holds = false;
  V.Chain.push_back(Step);
  if (Inner)
    V.Chain.insert(V.Chain.end(), Inner->Chain.begin(), Inner->Chain.end());
  return V;
}

/// A lock written by the user: a class outside the standard library (the
/// standard guards have lock() too) with lock() and unlock() members of its
/// own or of a base.
bool isUserLock(const CXXRecordDecl *RD) {
  if (!RD || isStdLibraryRecord(RD) || !RD->hasDefinition())
    return false;
  bool Lock = false, Unlock = false;
  auto Scan = [&](const CXXRecordDecl *C) {
    for (const CXXMethodDecl *M : C->methods())
      if (M->getIdentifier() && !M->isStatic()) {
        Lock |= isLockName(M->getName());
        Unlock |= isUnlockName(M->getName());
      }
    return true;
  };
  RD = RD->getDefinition();
  Scan(RD);
  RD->forallBases(Scan);
  return Lock && Unlock;
}

/// Finds writes, in copy operations and destructors, through pointer fields
/// that copies share: the signature of a non-atomic reference count.
class SharedWriteFinder : public RecursiveASTVisitor<SharedWriteFinder> {
public:
  SharedWriteFinder(const CXXRecordDecl *RD,
                    const llvm::DenseSet<const FieldDecl *> &Shared)
      : RD(RD), Shared(Shared) {}

  const FieldDecl *Field = nullptr;
  SourceLocation Loc;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp())
      check(BO->getLHS(), BO->getOperatorLoc());
    return !Field;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->isIncrementDecrementOp())
      check(UO->getSubExpr(), UO->getOperatorLoc());
    return !Field;
  }

private:
  /// The shared pointer field a written lvalue is reached through.
  const FieldDecl *throughSharedPointer(const Expr *E) const {
    E = E->IgnoreParenImpCasts();
    const Expr *Pointer = nullptr;
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_Deref)
      Pointer = UO->getSubExpr();
    else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        Pointer = ME->getBase();
      else
        return throughSharedPointer(ME->getBase());
    } else if (const auto *DME = dyn_cast<CXXDependentScopeMemberExpr>(E)) {
      // A class template's own definition: `block_->count` where the block
      // type depends on the template's parameters.
      if (!DME->isImplicitAccess() && DME->isArrow())
        Pointer = DME->getBase();
    } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      Pointer = ASE->getBase();
    if (!Pointer)
      return nullptr;
    const auto *PM = dyn_cast<MemberExpr>(Pointer->IgnoreParenImpCasts());
    if (!PM)
      return nullptr;
    const auto *F = dyn_cast<FieldDecl>(PM->getMemberDecl());
    if (!F || F->getParent() != RD || !Shared.count(F))
      return nullptr;
    return F;
  }
  /// The field a member access in a class template's definition names
  /// (`block_->count` of a dependent type), if it can be looked up.
  static const FieldDecl *dependentMember(const Expr *E) {
    const auto *DME = dyn_cast<CXXDependentScopeMemberExpr>(E);
    if (!DME || DME->isImplicitAccess() || !DME->isArrow() ||
        !DME->getBase()->getType()->isPointerType())
      return nullptr;
    const CXXRecordDecl *Owner =
        DME->getBase()->getType()->getPointeeType()->getAsCXXRecordDecl();
    if (!Owner || !Owner->hasDefinition())
      return nullptr;
    for (const NamedDecl *D :
         Owner->getDefinition()->lookup(DME->getMember()))
      if (const auto *F = dyn_cast<FieldDecl>(D))
        return F;
    return nullptr;
  }
  void check(const Expr *Target, SourceLocation At) {
    if (Field)
      return;
    const Expr *Bare = Target->IgnoreParenImpCasts();
    if (Bare->isTypeDependent()) {
      // Only a write whose field is known not to be atomic counts.
      const FieldDecl *F = dependentMember(Bare);
      if (!F || F->getType()->isDependentType() ||
          isAtomicObjectType(F->getType()))
        return;
    } else if (isAtomicObjectType(Target->getType())) {
      return;
    }
    if (const FieldDecl *F = throughSharedPointer(Target)) {
      Field = F;
      Loc = At;
    }
  }
  const CXXRecordDecl *RD;
  const llvm::DenseSet<const FieldDecl *> &Shared;
};

} // namespace

llvm::StringRef traitName(Trait T) {
  return T == Trait::Send ? "Send" : "Sync";
}

TraitVerdict TraitOracle::verdict(QualType T, Trait Tr) {
  if (T.isNull())
    return {};
  // An annotated alias decides before the type behind it.
  for (QualType Cur = T; !Cur.isNull();) {
    const auto *TT = Cur->getAs<TypedefType>();
    if (!TT)
      break;
    const TypedefNameDecl *TD = TT->getDecl();
    if (findAnnotation(TD, positiveAnnotation(Tr)))
      return {};
    if (const AnnotateAttr *A = findAnnotation(TD, negativeAnnotation(Tr))) {
      TraitStep S{TraitStep::Annotated, T, Tr};
      S.Decl = TD;
      S.Loc = A->getLocation();
      return fails(S);
    }
    Cur = TD->getUnderlyingType();
  }
  QualType Canon = T.getCanonicalType().getUnqualifiedType();
  auto Key = std::make_pair(Canon.getTypePtr(), unsigned(Tr));
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second;
  // Recursive types: assume the trait holds for the type being decided (a
  // coinductive answer, as Rust's auto traits).
  if (!InProgress.insert(Key).second)
    return {};
  TraitVerdict V = compute(T, Tr);
  InProgress.erase(Key);
  Cache[Key] = V;
  return V;
}

TraitVerdict TraitOracle::compute(QualType T, Trait Tr) {
  if (T->isPointerType() || T->isReferenceType() ||
      T->isObjCObjectPointerType()) {
    QualType Pointee = T->getPointeeType();
    if (Pointee.isNull() || Pointee->isFunctionType())
      return {};
    TraitVerdict Inner = verdict(Pointee, Trait::Sync);
    if (Inner.Holds)
      return {};
    TraitStep S{TraitStep::Pointee, T, Tr};
    S.Inner = Pointee;
    return fails(S, &Inner);
  }
  if (const ArrayType *AT = Ctx.getAsArrayType(T)) {
    TraitVerdict Inner = verdict(AT->getElementType(), Tr);
    if (Inner.Holds)
      return {};
    TraitStep S{TraitStep::Element, T, Tr};
    S.Inner = AT->getElementType();
    return fails(S, &Inner);
  }
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD)
    return {};
  RD = RD->getDefinition();
  if (!RD || RD->isInvalidDecl())
    return {};
  if (annotatedDecl(RD, positiveAnnotation(Tr)))
    return {};
  if (const Decl *D = annotatedDecl(RD, negativeAnnotation(Tr))) {
    TraitStep S{TraitStep::Annotated, T, Tr};
    S.Decl = cast<NamedDecl>(D);
    S.Loc = findAnnotation(D, negativeAnnotation(Tr))->getLocation();
    return fails(S);
  }
  const auto *CRD = dyn_cast<CXXRecordDecl>(RD);
  if (CRD && isLibraryRecord(CRD))
    return computeLibrary(T, CRD, Tr);
  return computeRecord(T, CRD, Tr);
}

bool TraitOracle::isLibraryRecord(const CXXRecordDecl *RD) const {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = RD->getLocation();
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Loc = Spec->getSpecializedTemplate()->getLocation();
  if (Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc)))
    return true;
  return RD->getDeclContext()->getRedeclContext()->isStdNamespace();
}

TraitVerdict TraitOracle::computeLibrary(QualType T, const CXXRecordDecl *RD,
                                         Trait Tr) {
  if (namedAnyOf(RD, SyncPrimitives))
    return {};
  const StdTypeEntry *Entry = nullptr;
  for (const StdTypeEntry &E : StdTypes)
    if (hasQualifiedName(RD, E.Name)) {
      Entry = &E;
      break;
    }
  Rule R = Entry ? (Tr == Trait::Send ? Entry->Send : Entry->Sync)
                 : (isa<ClassTemplateSpecializationDecl>(RD) ? Rule::Args
                                                             : Rule::Always);
  llvm::SmallVector<QualType, 4> Args = typeArgs(RD);
  switch (R) {
  case Rule::Always:
    return {};
  case Rule::Never: {
    TraitStep S{TraitStep::LockGuard, T, Tr};
    return fails(S);
  }
  case Rule::Args:
  case Rule::ArgsSend:
    for (QualType A : Args) {
      Trait Need = R == Rule::ArgsSend ? Trait::Send : Tr;
      TraitVerdict Inner = verdict(A, Need);
      if (Inner.Holds)
        continue;
      TraitStep S{TraitStep::TypeArgument, T, Tr};
      S.Inner = A;
      return fails(S, &Inner);
    }
    return {};
  case Rule::ArgsBoth:
    for (QualType A : Args)
      for (Trait Need : {Trait::Send, Trait::Sync}) {
        TraitVerdict Inner = verdict(A, Need);
        if (Inner.Holds)
          continue;
        TraitStep S{TraitStep::SharedOwnership, T, Tr};
        S.Inner = A;
        return fails(S, &Inner);
      }
    return {};
  case Rule::PointeeSync:
    if (!Args.empty()) {
      TraitVerdict Inner = verdict(Args[0], Trait::Sync);
      if (!Inner.Holds) {
        TraitStep S{TraitStep::Pointee, T, Tr};
        S.Inner = Args[0];
        return fails(S, &Inner);
      }
    }
    return {};
  }
  return {};
}

TraitVerdict TraitOracle::computeRecord(QualType T, const CXXRecordDecl *CRD,
                                        Trait Tr) {
  const RecordDecl *RD = T->getAsRecordDecl()->getDefinition();
  // A lambda's fields are its captures: name them as such.
  llvm::DenseMap<const FieldDecl *, const ValueDecl *> CaptureOf;
  const FieldDecl *ThisField = nullptr;
  if (CRD && CRD->isLambda()) {
    llvm::DenseMap<const ValueDecl *, FieldDecl *> Fields;
    FieldDecl *This = nullptr;
    CRD->getCaptureFields(Fields, This);
    for (const auto &[Var, Field] : Fields)
      CaptureOf[Field] = Var;
    ThisField = This;
  }
  if (CRD)
    for (const CXXBaseSpecifier &B : CRD->bases()) {
      TraitVerdict Inner = verdict(B.getType(), Tr);
      if (Inner.Holds)
        continue;
      TraitStep S{TraitStep::Base, T, Tr};
      S.Inner = B.getType();
      S.Loc = B.getBeginLoc();
      return fails(S, &Inner);
    }
  for (const FieldDecl *F : RD->fields()) {
    TraitVerdict V = fieldVerdict(T, F, Tr);
    if (V.Holds)
      continue;
    auto Capture = CaptureOf.find(F);
    if (V.Chain[0].K == TraitStep::Field &&
        (Capture != CaptureOf.end() || F == ThisField)) {
      V.Chain[0].K = TraitStep::Capture;
      V.Chain[0].Decl = Capture != CaptureOf.end() ? Capture->second : nullptr;
    }
    return V;
  }
  if (CRD)
    if (std::optional<TraitStep> S = unsyncedCopy(T, CRD, Tr))
      return fails(*S);
  return {};
}

TraitVerdict TraitOracle::fieldVerdict(QualType T, const FieldDecl *F,
                                       Trait Tr) {
  QualType FT = F->getType();
  if (Tr == Trait::Sync && hasAnnotation(F, "fearless::assume_synchronized"))
    return {};
  if (Tr == Trait::Sync && F->isMutable() && !F->hasAttr<GuardedByAttr>() &&
      !F->hasAttr<PtGuardedByAttr>() && !isInternallySynchronized(FT) &&
      mutableFieldMayBeWritten(F)) {
    TraitStep S{TraitStep::MutableField, T, Tr};
    S.Decl = F;
    S.Inner = FT;
    S.Loc = F->getLocation();
    return fails(S);
  }
  TraitVerdict Inner = verdict(FT, Tr);
  if (Inner.Holds)
    return {};
  TraitStep S{TraitStep::Field, T, Tr};
  S.Decl = F;
  S.Inner = FT;
  S.Loc = F->getLocation();
  return fails(S, &Inner);
}

TraitVerdict
TraitOracle::verdictOfFields(QualType T, llvm::ArrayRef<const FieldDecl *> Used,
                             Trait Tr) {
  const auto *RD = T->getAsCXXRecordDecl();
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD || RD->isInvalidDecl() || isLibraryRecord(RD) || RD->isLambda())
    return verdict(T, Tr);
  // An annotation on the class or a base decides for the whole object.
  bool Annotated = annotatedDecl(RD, negativeAnnotation(Tr));
  RD->forallBases([&](const CXXRecordDecl *B) {
    Annotated |= annotatedDecl(B, negativeAnnotation(Tr)) != nullptr;
    return true;
  });
  if (Annotated || annotatedDecl(RD, positiveAnnotation(Tr)))
    return verdict(T, Tr);
  for (const FieldDecl *F : Used) {
    const RecordDecl *Owner = F->getParent();
    if (annotatedDecl(Owner, positiveAnnotation(Tr)))
      continue;
    QualType OwnerType =
        Owner == RD ? T : QualType(Ctx.getCanonicalTagType(Owner));
    TraitVerdict V = fieldVerdict(OwnerType, F, Tr);
    if (!V.Holds)
      return V;
  }
  return {};
}

std::optional<TraitStep>
TraitOracle::unsyncedCopy(QualType T, const CXXRecordDecl *RD, Trait Tr) {
  auto Cached = CopyCache.find(RD);
  std::optional<TraitStep> Result;
  if (Cached != CopyCache.end()) {
    Result = Cached->second;
  } else {
    // Pointer fields that a copy shares with its source.
    llvm::DenseSet<const FieldDecl *> Shared;
    const CXXConstructorDecl *Copy = nullptr;
    for (const CXXConstructorDecl *C : RD->ctors())
      if (C->isCopyConstructor() && !C->isDeleted())
        Copy = C;
    // A member of a class template specialization that the translation
    // unit never uses has no body (a channel that copies its elements by
    // assignment never instantiates their copy constructor): read the
    // template's definition instead, whose fields are the pattern class's.
    const CXXRecordDecl *Scanned = RD;
    if (Copy && Copy->isUserProvided() && !Copy->getDefinition())
      if (const auto *From = dyn_cast_or_null<CXXConstructorDecl>(
              Copy->getInstantiatedFromMemberFunction());
          From && From->getDefinition()) {
        Copy = cast<CXXConstructorDecl>(From->getDefinition());
        Scanned = Copy->getParent();
      }
    for (const FieldDecl *F : Scanned->fields()) {
      if (!F->getType()->isPointerType())
        continue;
      if (!Copy || !Copy->isUserProvided()) {
        if (Copy || RD->needsImplicitCopyConstructor())
          Shared.insert(F);
        continue;
      }
      const CXXConstructorDecl *Def =
          dyn_cast_or_null<CXXConstructorDecl>(Copy->getDefinition());
      if (!Def)
        continue;
      for (const CXXCtorInitializer *Init : Def->inits()) {
        if (Init->getMember() != F || !Init->getInit())
          continue;
        const Expr *Value = Init->getInit();
        // In a class template's definition, an initializer of a dependent
        // type is kept as written: `block_(other.block_)`.
        if (const auto *PL = dyn_cast<ParenListExpr>(Value);
            PL && PL->getNumExprs() == 1)
          Value = PL->getExpr(0);
        if (const auto *ME = dyn_cast<MemberExpr>(Value->IgnoreParenImpCasts());
            ME && ME->getMemberDecl() == F)
          Shared.insert(F);
      }
    }
    if (!Shared.empty()) {
      SharedWriteFinder Finder(Scanned, Shared);
      auto Scan = [&](const FunctionDecl *FD) {
        if (FD && !Finder.Field)
          if (const FunctionDecl *Def = FD->getDefinition())
            if (Def->getBody())
              Finder.TraverseStmt(Def->getBody());
      };
      Scan(Copy);
      for (const CXXMethodDecl *M : Scanned->methods())
        if (M->isCopyAssignmentOperator() && M->isUserProvided())
          Scan(M);
      if (const CXXDestructorDecl *D = Scanned->getDestructor();
          D && D->isUserProvided())
        Scan(D);
      if (Finder.Field) {
        TraitStep S{TraitStep::UnsyncedCopy, T, Tr};
        S.Decl = Finder.Field;
        S.Loc = Finder.Loc;
        Result = S;
      }
    }
    CopyCache[RD] = Result;
  }
  if (Result) {
    Result->Type = T;
    Result->Missing = Tr;
  }
  return Result;
}

bool TraitOracle::isInternallySynchronized(QualType T) {
  if (T.isNull())
    return false;
  auto It = SyncCache.find(T.getAsOpaquePtr());
  if (It != SyncCache.end())
    return It->second;
  bool Result = computeInternallySynchronized(T);
  SyncCache[T.getAsOpaquePtr()] = Result;
  return Result;
}

bool TraitOracle::computeInternallySynchronized(QualType T) {
  for (QualType Cur = T; !Cur.isNull();) {
    const auto *TT = Cur->getAs<TypedefType>();
    if (!TT)
      break;
    if (namedAnyOf(TT->getDecl(), SyncPrimitives) ||
        findAnnotation(TT->getDecl(), "fearless::sync"))
      return true;
    Cur = TT->getDecl()->getUnderlyingType();
  }
  if (const ArrayType *AT = Ctx.getAsArrayType(T))
    return isInternallySynchronized(AT->getElementType());
  if (isAtomicObjectType(T))
    return true;
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || !(RD = RD->getDefinition()))
    return false;
  if (namedAnyOf(RD, SyncPrimitives) || annotatedDecl(RD, "fearless::sync"))
    return true;
  // A user lock (lock() and unlock() members: a spinlock, a striped lock)
  // is a synchronization primitive whatever its fields.
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD); CRD && isUserLock(CRD))
    return true;
  // A class carrying its own lock guards its state with it.
  bool All = true;
  for (const FieldDecl *F : RD->fields()) {
    QualType FT = F->getType();
    bool Synchronized = isInternallySynchronized(FT);
    // A mutex (or another non-atomic primitive) among the fields: the class
    // locks itself.
    if (Synchronized && !isAtomicObjectType(FT) && !FT->isArrayType())
      return true;
    if (!Synchronized)
      All = false;
  }
  return All && !RD->field_empty();
}

} // namespace fearless
