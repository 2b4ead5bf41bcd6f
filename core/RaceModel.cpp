//===- RaceModel.cpp - What the library does to memory, as queries --------===//
//
// The tables of Models/Races.def and the type and name tests built on them.
//
//===----------------------------------------------------------------------===//

#include "fearless/RaceModel.h"
#include "fearless/ASTUtil.h"
#include "fearless/Traits.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace fearless {

namespace {

constexpr llvm::StringRef ConstForRaces[] = {
#define FEARLESS_CONST_FOR_RACES(Method) Method,
#include "fearless/Models/Races.def"
};

constexpr GuardEntry GuardClasses[] = {
#define FEARLESS_GUARD_CLASS(Name, Shared) {Name, Shared},
#include "fearless/Models/Races.def"
};

constexpr MutexMethodEntry MutexMethods[] = {
#define FEARLESS_MUTEX_METHOD(Name, Effect) {Name, LockEffect::Effect},
#include "fearless/Models/Races.def"
};

struct TryLockEntry {
  llvm::StringRef Name;
  bool Shared;
};
constexpr TryLockEntry TryLockMethods[] = {
#define FEARLESS_TRY_LOCK_METHOD(Name, Shared) {Name, Shared},
#include "fearless/Models/Races.def"
};
constexpr TryLockEntry TryLockFunctions[] = {
#define FEARLESS_TRY_LOCK_FUNCTION(Name, Shared) {Name, Shared},
#include "fearless/Models/Races.def"
};

struct SyncSignalEntry {
  llvm::StringRef Class;
  llvm::StringRef Method;
  SignalEffect Effect;
};
constexpr SyncSignalEntry SyncSignals[] = {
#define FEARLESS_SYNC_SIGNAL(Class, Method, Effect)                            \
  {Class, Method, SignalEffect::Effect},
#include "fearless/Models/Races.def"
};

struct SyncSignalFunctionEntry {
  llvm::StringRef Name;
  SignalEffect Effect;
};
constexpr SyncSignalFunctionEntry SyncSignalFunctions[] = {
#define FEARLESS_SYNC_SIGNAL_FUNCTION(Name, Effect)                            \
  {Name, SignalEffect::Effect},
#include "fearless/Models/Races.def"
};

constexpr MemoryEffect MemoryFunctions[] = {
#define FEARLESS_MEMORY_FUNCTION(Name, Written, Read) {Name, Written, Read},
#include "fearless/Models/Races.def"
};

constexpr llvm::StringRef AllocationFunctions[] = {
#define FEARLESS_ALLOCATION_FUNCTION(Name) Name,
#include "fearless/Models/Races.def"
};

constexpr MutexMethodEntry LockFunctions[] = {
#define FEARLESS_LOCK_FUNCTION(Name, Effect) {Name, LockEffect::Effect},
#include "fearless/Models/Races.def"
};

struct KeepsEntry {
  llvm::StringRef Container, Method;
  bool Iterators;
};
constexpr KeepsEntry KeepsElements[] = {
#define FEARLESS_KEEPS_ELEMENTS(Container, Method, Iterators)                  \
  {Container, Method, Iterators},
#include "fearless/Models/Containers.def"
};

struct AdaptorEntry {
  llvm::StringRef Adaptor, Method, ContainerMethod;
};
constexpr AdaptorEntry AdaptorCalls[] = {
#define FEARLESS_ADAPTOR_CALLS(Adaptor, Method, ContainerMethod)               \
  {Adaptor, Method, ContainerMethod},
#include "fearless/Models/Containers.def"
};

constexpr llvm::StringRef StoringMembers[] = {
#define FEARLESS_STORES_ARGUMENTS(Method) Method,
#include "fearless/Models/Containers.def"
};

constexpr llvm::StringRef StoringFunctions[] = {
#define FEARLESS_STORING_FUNCTION(Name) Name,
#include "fearless/Models/Containers.def"
};

struct OwnedStorageEntry {
  llvm::StringRef Class, Method;
};
constexpr OwnedStorageEntry OwnedStorage[] = {
#define FEARLESS_OWNED_STORAGE(Class, Method) {Class, Method},
#include "fearless/Models/Owners.def"
};

/// What \p Method of the standard container \p RD leaves valid.
KeptValid keptValidByName(const CXXRecordDecl *RD, llvm::StringRef Method) {
  for (const KeepsEntry &E : KeepsElements)
    if (Method == E.Method && isStdDecl(RD, E.Container))
      return E.Iterators ? KeptValid::Iterators : KeptValid::References;
  return KeptValid::Nothing;
}

bool isAssociative(const CXXRecordDecl *RD) {
  return RD &&
         (isStdDecl(RD, "map") || isStdDecl(RD, "unordered_map") ||
          isStdDecl(RD, "multimap") || isStdDecl(RD, "unordered_multimap"));
}

} // namespace

llvm::ArrayRef<MutexMethodEntry> mutexMethods() { return MutexMethods; }

llvm::ArrayRef<MutexMethodEntry> lockFunctions() { return LockFunctions; }

std::optional<LockEffect> lockFunctionEffect(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  for (const MutexMethodEntry &E : LockFunctions)
    if (hasQualifiedName(FD, E.Name))
      return E.Effect;
  return std::nullopt;
}

std::optional<bool> tryLockMethod(const CXXMethodDecl *M) {
  if (!M || !M->getIdentifier())
    return std::nullopt;
  for (const TryLockEntry &E : TryLockMethods)
    if (M->getName() == E.Name)
      return E.Shared;
  return std::nullopt;
}

std::optional<bool> tryLockFunction(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier() || isa<CXXMethodDecl>(FD))
    return std::nullopt;
  for (const TryLockEntry &E : TryLockFunctions)
    if (FD->getName() == E.Name)
      return E.Shared;
  return std::nullopt;
}

std::optional<SignalEffect> syncSignalFunction(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier() || FD->getNumParams() == 0)
    return std::nullopt;
  for (const SyncSignalFunctionEntry &E : SyncSignalFunctions)
    if (FD->getName() == E.Name)
      return E.Effect;
  return std::nullopt;
}

const MemoryEffect *memoryFunction(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier() || isa<CXXMethodDecl>(FD))
    return nullptr;
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (!DC->isTranslationUnit() && !DC->isStdNamespace())
    return nullptr;
  llvm::StringRef Name = FD->getName();
  // __builtin_memcpy, and _FORTIFY_SOURCE's __builtin___memcpy_chk.
  Name.consume_front("__builtin_");
  if (Name.starts_with("__") && Name.ends_with("_chk"))
    Name = Name.drop_front(2).drop_back(4);
  for (const MemoryEffect &E : MemoryFunctions)
    if (Name == E.Name)
      return &E;
  return nullptr;
}

bool isAllocationFunction(const FunctionDecl *FD) {
  return FD && FD->getIdentifier() && !isa<CXXMethodDecl>(FD) &&
         llvm::any_of(AllocationFunctions, [&](llvm::StringRef Name) {
           return hasQualifiedName(FD, Name);
         });
}

std::optional<SignalEffect> syncSignal(const CXXMethodDecl *M) {
  if (!M || !M->getIdentifier())
    return std::nullopt;
  for (const SyncSignalEntry &E : SyncSignals)
    if (M->getName() == E.Method &&
        (E.Class.contains("::") ? hasQualifiedName(M->getParent(), E.Class)
                                : isStdDecl(M->getParent(), E.Class)))
      return E.Effect;
  return std::nullopt;
}

namespace {
bool isStdAtomicClass(const CXXRecordDecl *RD) {
  return isStdDecl(RD, "atomic") || isStdDecl(RD, "atomic_flag") ||
         isStdDecl(RD, "atomic_ref") || isStdDecl(RD, "__atomic_base") ||
         isStdDecl(RD, "__atomic_float");
}
} // namespace

bool isAtomicObjectType(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isAtomicType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (isStdAtomicClass(RD))
    return true;
  // A class derived from std::atomic (a copyable atomic wrapper) is
  // accessed through the atomic's operations.
  const CXXRecordDecl *Def = RD->getDefinition();
  if (!Def || Def->isDependentContext())
    return false;
  return !Def->forallBases(
      [](const CXXRecordDecl *Base) { return !isStdAtomicClass(Base); });
}

bool isSyncType(QualType T, TraitOracle &Traits) {
  T = T.getNonReferenceType();
  if (isAtomicObjectType(T))
    return false;
  if (Traits.isInternallySynchronized(T))
    return true;
  const CXXRecordDecl *RD = classOf(T);
  return RD && (isStdDecl(RD, "thread") || isStdDecl(RD, "jthread") ||
                isStdDecl(RD, "future") || isStdDecl(RD, "shared_future") ||
                isStdDecl(RD, "promise"));
}

bool isStdLibraryRecord(const CXXRecordDecl *RD) {
  return RD && RD->getDeclContext()->getRedeclContext()->isStdNamespace();
}

bool pointsIntoOwnedStorage(const CXXMethodDecl *M) {
  if (!M)
    return false;
  const CXXRecordDecl *RD = M->getParent();
  bool Owner = false;
  for (const OwnedStorageEntry &E : OwnedStorage) {
    if (!isStdDecl(RD, E.Class))
      continue;
    Owner = true;
    if (M->getIdentifier() && M->getName() == E.Method)
      return true;
  }
  if (const auto *Conv = dyn_cast<CXXConversionDecl>(M); Conv && Owner) {
    const CXXRecordDecl *To = Conv->getConversionType()->getAsCXXRecordDecl();
    return To && (isStdDecl(To, "basic_string_view") || isStdDecl(To, "span"));
  }
  return false;
}

bool storesArguments(const FunctionDecl *FD) {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!M)
    return FD && FD->getIdentifier() && FD->isInStdNamespace() &&
           llvm::any_of(StoringFunctions, [&](llvm::StringRef N) {
             return hasQualifiedName(FD, N);
           });
  if (M->getOverloadedOperator() == OO_Equal)
    return true;
  return M->getIdentifier() && isStdLibraryRecord(M->getParent()) &&
         llvm::is_contained(StoringMembers, M->getName());
}

bool constForRaces(const CXXMethodDecl *M) {
  // A map's operator[] may insert, so it writes the map; but a map of
  // atomics is looked up, not grown, by it: its keys are put in before the
  // threads share it (oneTBB's test/common/state_trackable.h), and only the
  // element is updated, atomically.
  if (M->getOverloadedOperator() == OO_Subscript) {
    if (!isAssociative(M->getParent()))
      return true;
    const auto *Spec =
        dyn_cast<ClassTemplateSpecializationDecl>(M->getParent());
    const TemplateArgumentList *Args =
        Spec ? &Spec->getTemplateArgs() : nullptr;
    return Args && Args->size() > 1 &&
           (*Args)[1].getKind() == TemplateArgument::Type &&
           isAtomicObjectType((*Args)[1].getAsType());
  }
  const IdentifierInfo *II = M->getIdentifier();
  if (!II)
    return false;
  for (llvm::StringRef N : ConstForRaces)
    if (II->getName() == N)
      return true;
  return false;
}

KeptValid keptValidBy(const CXXMethodDecl *M) {
  if (!M || !M->getIdentifier() || !isStdLibraryRecord(M->getParent()))
    return KeptValid::Nothing;
  const CXXRecordDecl *RD = M->getParent();
  llvm::StringRef Name = M->getName();
  for (const AdaptorEntry &E : AdaptorCalls) {
    if (Name != E.Method || !isStdDecl(RD, E.Adaptor))
      continue;
    // The underlying container: std::queue<T, Container>.
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    const TemplateArgumentList *Args =
        Spec ? &Spec->getTemplateArgs() : nullptr;
    if (!Args || Args->size() < 2 ||
        (*Args)[1].getKind() != TemplateArgument::Type)
      return KeptValid::Nothing;
    const CXXRecordDecl *Underlying = classOf((*Args)[1].getAsType());
    return Underlying ? keptValidByName(Underlying, E.ContainerMethod)
                      : KeptValid::Nothing;
  }
  return keptValidByName(RD, Name);
}

const GuardEntry *guardClass(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD)
    return nullptr;
  for (const GuardEntry &G : GuardClasses)
    if (hasQualifiedName(RD, G.Name))
      return &G;
  return nullptr;
}

bool isAnnotatedSynchronized(const Decl *D) {
  return D && (hasAnnotation(D, "fearless::assume_synchronized") ||
               D->hasAttr<GuardedByAttr>() || D->hasAttr<PtGuardedByAttr>());
}

bool isLockName(llvm::StringRef N) {
  return N == "lock" || N == "lock_shared" || N == "Lock" ||
         N == "ReaderLock" || N == "WriterLock" || N == "ReadLock" ||
         N == "WriteLock" || N == "acquire" || N == "Acquire";
}

bool isUnlockName(llvm::StringRef N) {
  return N == "unlock" || N == "unlock_shared" || N == "Unlock" ||
         N == "ReaderUnlock" || N == "WriterUnlock" || N == "ReadUnlock" ||
         N == "WriteUnlock" || N == "release" || N == "Release";
}

bool isAssertHeldName(llvm::StringRef N) {
  return N == "AssertHeld" || N == "AssertReaderHeld" ||
         N == "AssertWriterHeld" || N == "assertHeld";
}

bool isOpaqueSync(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return false;
  llvm::StringRef N = FD->getName();
  return N == "wait" || N == "wait_for" || N == "wait_until" ||
         N == "arrive_and_wait" || N == "call_once" || N == "Wait" ||
         N == "Await";
}

bool hasUsableBody(const FunctionDecl *Callee, const SourceManager &SM) {
  if (!Callee)
    return false;
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def || !Def->getBody() || Def->isDependentContext())
    return false;
  if (SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
    return false;
  return true;
}

} // namespace fearless
