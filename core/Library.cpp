//===- Library.cpp - The library model, queried ---------------------------===//

#include "fearless/Library.h"
#include "fearless/ASTUtil.h"
#include "fearless/SpawnInference.h"
#include "fearless/ThreadWrappers.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace fearless {

namespace {
struct ThreadClassEntry {
  llvm::StringRef Name;
  HandleKind Kind;
};
constexpr ThreadClassEntry ThreadClasses[] = {
#define FEARLESS_THREAD_CLASS(Name, Kind) {Name, HandleKind::Kind},
#include "fearless/Models/ThreadLibrary.def"
};

constexpr SpawnFunctionModel SpawnFunctions[] = {
#define FEARLESS_SPAWN_FUNCTION(Name, Callable, Handle, Context, Kind)         \
  {Name, Callable, Handle, Context, HandleKind::Kind},
#include "fearless/Models/ThreadLibrary.def"
};

struct StoppedSpawnEntry {
  llvm::StringRef Spawn;
  llvm::StringRef Start;
};
constexpr StoppedSpawnEntry StoppedSpawns[] = {
#define FEARLESS_STOPPED_SPAWN(Spawn, Start) {Spawn, Start},
#include "fearless/Models/ThreadLibrary.def"
};

struct ThreadBaseEntry {
  llvm::StringRef Class;
  llvm::StringRef Start;
  llvm::StringRef Run;
};
constexpr ThreadBaseEntry ThreadBases[] = {
#define FEARLESS_THREAD_BASE(Class, Start, Run) {Class, Start, Run},
#include "fearless/Models/ThreadLibrary.def"
};

struct HandleMethodEntry {
  llvm::StringRef Class;
  llvm::StringRef Method;
  HandleOp Op;
};
constexpr HandleMethodEntry HandleMethods[] = {
#define FEARLESS_HANDLE_METHOD(Class, Method, Op) {Class, Method, HandleOp::Op},
#include "fearless/Models/ThreadLibrary.def"
};

struct HandleFunctionEntry {
  llvm::StringRef Name;
  unsigned Arg;
  HandleOp Op;
};
constexpr HandleFunctionEntry HandleFunctions[] = {
#define FEARLESS_HANDLE_FUNCTION(Name, Arg, Op) {Name, Arg, HandleOp::Op},
#include "fearless/Models/ThreadLibrary.def"
};

struct ElementAlgorithmEntry {
  llvm::StringRef Name;
  unsigned First;
  unsigned Callable;
};
constexpr ElementAlgorithmEntry ElementAlgorithms[] = {
#define FEARLESS_ELEMENT_ALGORITHM(Name, First, Callable) {Name, First, Callable},
#include "fearless/Models/ThreadLibrary.def"
};

constexpr ThreadClassEntry HandleTypes[] = {
#define FEARLESS_HANDLE_TYPE(Name, Kind) {Name, HandleKind::Kind},
#include "fearless/Models/ThreadLibrary.def"
};

constexpr llvm::StringRef OwningPointers[] = {
#define FEARLESS_OWNING_POINTER(Name) Name,
#include "fearless/Models/ThreadLibrary.def"
};

constexpr llvm::StringRef CopyingValues[] = {
#define FEARLESS_COPYING_VALUE(Name) Name,
#include "fearless/Models/ThreadLibrary.def"
};

constexpr llvm::StringRef PointerFactories[] = {
#define FEARLESS_POINTER_FACTORY(Name) Name,
#include "fearless/Models/ThreadLibrary.def"
};

constexpr llvm::StringRef ContainerInserts[] = {
#define FEARLESS_CONTAINER_INSERT(Name) Name,
#include "fearless/Models/ThreadLibrary.def"
};

constexpr llvm::StringRef ContainerElements[] = {
#define FEARLESS_CONTAINER_ELEMENT(Name) Name,
#include "fearless/Models/ThreadLibrary.def"
};

constexpr llvm::StringRef ContainerIterators[] = {
#define FEARLESS_CONTAINER_ITERATOR(Name) Name,
#include "fearless/Models/ThreadLibrary.def"
};

constexpr llvm::StringRef ParallelAlgorithms[] = {
#define FEARLESS_PARALLEL_ALGORITHM(Name) Name,
#include "fearless/Models/Races.def"
};

/// A library function that runs its callables and waits for them
/// (Models/Executors.def, FEARLESS_SCOPED_EXECUTOR).
struct ScopedExecutorEntry {
  llvm::StringRef Name;
  LibraryModel::ScopedRun Run;
};

constexpr ScopedExecutorEntry ScopedExecutors[] = {
#define FEARLESS_SCOPED_EXECUTOR(Name, Run)                                    \
  {Name, LibraryModel::ScopedRun::Run},
#include "fearless/Models/Executors.def"
};

/// The name of a method as written in the tables ("operator[]" for
/// operators).
bool methodNamed(const CXXMethodDecl *M, llvm::StringRef Name) {
  if (M->getOverloadedOperator() == OO_Subscript)
    return Name == "operator[]";
  const IdentifierInfo *II = M->getIdentifier();
  return II && II->getName() == Name;
}
} // namespace

LibraryModel::LibraryModel(const ModelOptions &Options) : Options(Options) {}

bool LibraryModel::isThreadConstruction(const CXXConstructExpr *CE) const {
  if (CE->getNumArgs() == 0 ||
      threadClassKind(CE->getType()) == HandleKind::None)
    return false;
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  return Ctor && !Ctor->isCopyOrMoveConstructor();
}

HandleKind LibraryModel::threadClassKind(QualType T) const {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return HandleKind::None;
  for (const ThreadClassEntry &E : ThreadClasses)
    if (hasQualifiedName(RD, E.Name))
      return E.Kind;
  return HandleKind::None;
}

HandleKind LibraryModel::handleTypeKind(QualType T) const {
  if (T.isNull())
    return HandleKind::None;
  HandleKind K = threadClassKind(T);
  if (K != HandleKind::None)
    return K;
  T = T.getNonReferenceType();
  // pthread_t and thrd_t are typedefs of integers: look at the sugar.
  for (QualType Cur = T; !Cur.isNull();) {
    const auto *TT = Cur->getAs<TypedefType>();
    if (!TT)
      break;
    for (const ThreadClassEntry &E : HandleTypes)
      if (hasQualifiedName(TT->getDecl(), E.Name))
        return E.Kind;
    Cur = TT->getDecl()->getUnderlyingType();
  }
  if (const CXXRecordDecl *RD = classOf(T))
    for (const ThreadClassEntry &E : HandleTypes)
      if (hasQualifiedName(RD, E.Name))
        return E.Kind;
  return HandleKind::None;
}

const SpawnFunctionModel *
LibraryModel::spawnFunction(const FunctionDecl *FD) const {
  if (!FD || !FD->getIdentifier())
    return nullptr;
  for (const SpawnFunctionModel &M : SpawnFunctions)
    if (hasQualifiedName(FD, M.Name))
      return &M;
  return Wrappers ? Wrappers->spawnWrapper(FD) : nullptr;
}

llvm::StringRef
LibraryModel::stoppedSpawnStart(const SpawnFunctionModel &M) const {
  for (const StoppedSpawnEntry &E : StoppedSpawns)
    if (E.Spawn == M.Name)
      return E.Start;
  return {};
}

const CXXMethodDecl *
LibraryModel::threadObjectRun(const CXXMemberCallExpr *MC) const {
  const CXXMethodDecl *Start = MC->getMethodDecl();
  if (!Start || !Start->getIdentifier())
    return nullptr;
  const CXXRecordDecl *Base = Start->getParent();
  for (const ThreadBaseEntry &E : ThreadBases) {
    if (Start->getName() != E.Start || !hasQualifiedName(Base, E.Class))
      continue;
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (!Obj)
      return nullptr;
    QualType T = Obj->IgnoreParenImpCasts()->getType(); // before to-base
    if (T->isPointerType())
      T = T->getPointeeType();
    const CXXRecordDecl *Derived = classOf(T);
    if (!Derived || !Derived->hasDefinition() || Derived == Base ||
        !Derived->isDerivedFrom(Base))
      return nullptr;
    for (const NamedDecl *ND : Base->lookup(&Base->getASTContext().Idents.get(E.Run)))
      if (const auto *Run = dyn_cast<CXXMethodDecl>(ND);
          Run && Run->isVirtual() && Run->getNumParams() == 0) {
        const CXXMethodDecl *Final =
            Run->getCorrespondingMethodInClass(Derived->getDefinition());
        return Final && Final != Run ? Final : nullptr;
      }
    return nullptr;
  }
  return nullptr;
}

bool LibraryModel::isThreadObjectClass(const CXXRecordDecl *RD) const {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD || RD->isDependentContext())
    return false;
  bool Found = false;
  RD->forallBases([&](const CXXRecordDecl *B) {
    for (const ThreadBaseEntry &E : ThreadBases)
      Found |= hasQualifiedName(B, E.Class);
    return !Found;
  });
  return Found;
}

bool LibraryModel::isPointerFactory(const FunctionDecl *FD) const {
  if (!FD || !FD->getIdentifier())
    return false;
  for (llvm::StringRef Name : PointerFactories)
    if (hasQualifiedName(FD, Name))
      return true;
  return false;
}

bool LibraryModel::isOwningPointer(QualType T) const {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return false;
  for (llvm::StringRef Name : OwningPointers)
    if (hasQualifiedName(RD, Name))
      return true;
  return false;
}

/// Whether a value of type \p T can carry no pointer or reference: an
/// arithmetic or enumeration type, an empty class (std::allocator,
/// std::less, std::char_traits), or a copying value of such types.
static bool carriesNoReference(QualType T, unsigned Depth) {
  T = T.getCanonicalType().getUnqualifiedType();
  if (T->isArithmeticType() || T->isEnumeralType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || Depth > 3)
    return false;
  if (RD->isEmpty())
    return true;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || llvm::none_of(CopyingValues, [&](llvm::StringRef Name) {
        return hasQualifiedName(RD, Name);
      }))
    return false;
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
    if (A.getKind() != TemplateArgument::Type ||
        !carriesNoReference(A.getAsType(), Depth + 1))
      return false;
  return true;
}

bool LibraryModel::copiesOnConstruction(QualType T) const {
  T = T.getNonReferenceType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() && !RD->isEmpty() &&
         carriesNoReference(T, 0);
}

std::optional<HandleOp>
LibraryModel::handleMethod(const CXXMethodDecl *Method) const {
  if (!Method || !Method->getIdentifier())
    return std::nullopt;
  const CXXRecordDecl *RD = Method->getParent();
  for (const HandleMethodEntry &E : HandleMethods)
    if (Method->getIdentifier()->getName() == E.Method &&
        hasQualifiedName(RD, E.Class))
      return E.Op;
  // join() of a project's own thread class (ThreadWrappers.h, ThreadClass).
  return Wrappers ? Wrappers->threadClassMethod(Method) : std::nullopt;
}

std::optional<std::pair<HandleOp, unsigned>>
LibraryModel::handleFunction(const FunctionDecl *FD) const {
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  for (const HandleFunctionEntry &E : HandleFunctions)
    if (hasQualifiedName(FD, E.Name))
      return std::make_pair(E.Op, E.Arg);
  if (matchesAny(FD, Options.JoinFunctions))
    return std::make_pair(HandleOp::Join, 0u);
  if (matchesAny(FD, Options.DetachFunctions))
    return std::make_pair(HandleOp::Detach, 0u);
  return Wrappers ? Wrappers->handleWrapper(FD) : std::nullopt;
}

std::optional<std::pair<unsigned, unsigned>>
elementAlgorithm(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  for (const ElementAlgorithmEntry &E : ElementAlgorithms)
    if (hasQualifiedName(FD, E.Name))
      return std::make_pair(E.First, E.Callable);
  return std::nullopt;
}

std::optional<LibraryModel::JoinGuard>
LibraryModel::joinGuard(const CXXRecordDecl *RD) const {
  if (!RD || !RD->hasDefinition())
    return std::nullopt;
  RD = RD->getDefinition();
  const CXXDestructorDecl *Dtor = RD->getDestructor();
  const FunctionDecl *Def = nullptr;
  if (!Dtor || !Dtor->hasBody(Def) || !Def->getBody())
    return std::nullopt;
  // this->t.join() anywhere in the destructor (typically under
  // `if (t.joinable())`).
  llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
  for (unsigned Seen = 0; !Work.empty() && Seen < 256; ++Seen) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      auto Op = handleMethod(MC->getMethodDecl());
      const auto *ME = dyn_cast_or_null<MemberExpr>(
          MC->getImplicitObjectArgument()
              ? MC->getImplicitObjectArgument()->IgnoreParenImpCasts()
              : nullptr);
      if (Op == HandleOp::Join && ME &&
          isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
            F && F->getParent() == RD &&
            threadClassKind(F->getType().getNonReferenceType()) ==
                HandleKind::Thread)
          return JoinGuard{F, F->getType()->isReferenceType()};
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return std::nullopt;
}

bool LibraryModel::isGuardThreadParam(const ParmVarDecl *P,
                                      const JoinGuard &G) const {
  QualType T = P->getType();
  return T->isLValueReferenceType() == G.ByReference &&
         threadClassKind(T.getNonReferenceType()) == HandleKind::Thread;
}

bool LibraryModel::isContainerInsert(const CXXMethodDecl *Method) const {
  if (!Method)
    return false;
  for (llvm::StringRef Name : ContainerInserts)
    if (methodNamed(Method, Name))
      return true;
  return false;
}

bool LibraryModel::isContainerInsertName(llvm::StringRef Name) const {
  return llvm::is_contained(ContainerInserts, Name);
}

bool LibraryModel::isContainerElement(const CXXMethodDecl *Method) const {
  if (!Method)
    return false;
  for (llvm::StringRef Name : ContainerElements)
    if (methodNamed(Method, Name))
      return true;
  return false;
}

bool isContainerIterator(const CXXMethodDecl *Method) {
  return Method && llvm::any_of(ContainerIterators, [&](llvm::StringRef Name) {
           return methodNamed(Method, Name);
         });
}

const Expr *
LibraryModel::parallelAlgorithmCallable(const CallExpr *Call) const {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || Call->getNumArgs() < 2 || !FD->getIdentifier())
    return nullptr;
  const CXXRecordDecl *Policy = classOf(Call->getArg(0)->getType());
  if (!Policy || !Policy->getIdentifier())
    return nullptr;
  llvm::StringRef PolicyName = Policy->getName();
  if (PolicyName != "parallel_policy" &&
      PolicyName != "parallel_unsequenced_policy")
    return nullptr;
  bool Known = false;
  for (llvm::StringRef Name : ParallelAlgorithms)
    if (hasQualifiedName(FD, Name))
      Known = true;
  if (!Known)
    return nullptr;
  // The callable: the last argument of callable type.
  for (unsigned I = Call->getNumArgs(); I-- > 1;)
    if (isCallableType(Call->getArg(I)->getType()) &&
        !Call->getArg(I)->getType()->isPointerType())
      return Call->getArg(I);
  return nullptr;
}

std::optional<LibraryModel::ScopedRun> LibraryModel::scopedExecutor(
    const CallExpr *Call, llvm::SmallVectorImpl<const Expr *> &Callables) const {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier() || isa<CXXOperatorCallExpr>(Call))
    return std::nullopt;
  llvm::StringRef Name = FD->getName();
  const ScopedExecutorEntry *Found = nullptr;
  for (const ScopedExecutorEntry &E : ScopedExecutors)
    if (E.Name.ends_with(Name) && hasQualifiedName(FD, E.Name))
      Found = &E;
  if (!Found)
    return std::nullopt;
  size_t Before = Callables.size();
  if (Found->Run == ScopedRun::Reduce) {
    // (range, identity, body, reduction[, partitioner][, context]).
    if (Call->getNumArgs() < 4)
      return std::nullopt;
    for (unsigned I : {2u, 3u}) {
      QualType T = Call->getArg(I)->getType();
      if (!isCallableType(T) || T->isPointerType()) {
        Callables.resize(Before);
        return std::nullopt;
      }
      Callables.push_back(Call->getArg(I));
    }
    return Found->Run;
  }
  for (const Expr *Arg : Call->arguments()) {
    QualType T = Arg->getType();
    if (!isCallableType(T) || T->isPointerType())
      continue;
    Callables.push_back(Arg);
    if (Found->Run != ScopedRun::Each)
      break;
  }
  if (Callables.size() == Before)
    return std::nullopt;
  return Found->Run;
}

LibraryModel::CalleeSpawn
LibraryModel::calleeSpawn(const FunctionDecl *FD,
                          llvm::function_ref<CalleeSpawn()> Decide) const {
  if (auto It = MaySpawn.find(FD); It != MaySpawn.end())
    return It->second;
  CalleeSpawn May = Decide();
  if (!Inference || !Inference->inferring())
    MaySpawn[FD] = May;
  return May;
}

unsigned LibraryModel::calleeRoles(const FunctionDecl *FD,
                                   llvm::function_ref<unsigned()> Decide) const {
  if (auto It = Roles.find(FD); It != Roles.end())
    return It->second;
  unsigned R = Decide();
  Roles[FD] = R;
  return R;
}

bool LibraryModel::isUserSpawnFunction(const FunctionDecl *FD) const {
  return matchesAny(FD, Options.SpawnFunctions);
}

bool LibraryModel::isUserScopedSpawnFunction(const FunctionDecl *FD) const {
  return matchesAny(FD, Options.ScopedSpawnFunctions);
}

/// \p Name without template argument lists: `Database<>::Close` names the
/// members of every specialization, as in clang-tidy's option lists.
static std::string withoutTemplateArgs(llvm::StringRef Name) {
  std::string Out;
  unsigned Depth = 0;
  for (char C : Name) {
    if (C == '<')
      ++Depth;
    else if (C == '>' && Depth > 0)
      --Depth;
    else if (Depth == 0)
      Out += C;
  }
  return Out;
}

static bool matchesListedFunction(const FunctionDecl *FD,
                                  const std::vector<std::string> &Names) {
  if (!FD || Names.empty())
    return false;
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
    FD = P;
  for (const std::string &Name : Names)
    if (hasQualifiedName(FD, withoutTemplateArgs(Name)))
      return true;
  return false;
}

bool LibraryModel::isInvalidationFunction(const FunctionDecl *FD) const {
  return matchesListedFunction(FD, Options.InvalidationFunctions);
}

bool LibraryModel::isReinitializationFunction(const FunctionDecl *FD) const {
  return matchesListedFunction(FD, Options.ReinitializationFunctions);
}

QualType LibraryModel::elementType(QualType T) {
  if (T.isNull())
    return {};
  T = T.getNonReferenceType();
  if (const auto *AT = T->getAsArrayTypeUnsafe())
    return AT->getElementType();
  return templateArgType(T, 0);
}

bool LibraryModel::matchesAny(const NamedDecl *D,
                              const std::vector<std::string> &Names) {
  if (!D || Names.empty())
    return false;
  for (const std::string &Name : Names)
    if (hasQualifiedName(D, Name))
      return true;
  return false;
}

const CallExpr *LibraryModel::handleFiller(const FunctionDecl *FD,
                                           const Expr *Handle) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(Handle->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || isa<ParmVarDecl>(VD))
    return nullptr;
  const CallExpr *Found = nullptr;
  unsigned Count = 0;
  auto Visit = [&](auto &Self, const Stmt *St) -> void {
    if (!St || isa<LambdaExpr>(St))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(St))
      if (const SpawnFunctionModel *M = spawnFunction(Call->getDirectCallee());
          M && M->HandleArg >= 0 && unsigned(M->HandleArg) < Call->getNumArgs())
        if (const auto *UO = dyn_cast<UnaryOperator>(
                Call->getArg(M->HandleArg)->IgnoreParenImpCasts());
            UO && UO->getOpcode() == UO_AddrOf)
          if (const auto *H = dyn_cast<DeclRefExpr>(
                  UO->getSubExpr()->IgnoreParenImpCasts());
              H && H->getDecl() == VD) {
            Found = Call;
            ++Count;
          }
    for (const Stmt *Child : St->children())
      Self(Self, Child);
  };
  Visit(Visit, FD->getBody());
  return Count == 1 ? Found : nullptr;
}

namespace {
struct ComparisonEntry {
  llvm::StringLiteral Name;
  ComparisonResult Result;
};
constexpr ComparisonEntry ComparisonResults[] = {
#define FEARLESS_COMPARISON_RESULT(Name, Lhs, Rhs, Equal)                      \
  {Name, {Lhs, Rhs, Equal}},
#include "fearless/Models/Paths.def"
};
constexpr llvm::StringLiteral TruthValues[] = {
#define FEARLESS_TRUTH_VALUE(Name) Name,
#include "fearless/Models/Paths.def"
};
} // namespace

const ComparisonResult *comparisonResult(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return nullptr;
  for (const ComparisonEntry &E : ComparisonResults)
    if (hasQualifiedName(FD, E.Name))
      return &E.Result;
  return nullptr;
}

bool testsAsItsValue(const CXXRecordDecl *RD) {
  return RD && llvm::any_of(TruthValues, [&](llvm::StringRef Name) {
           return hasQualifiedName(RD, Name);
         });
}

} // namespace fearless
