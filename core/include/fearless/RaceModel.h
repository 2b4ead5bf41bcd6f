//===- RaceModel.h - The library's effect on memory, as queries -*- C++ -*-===//
//
// Models/Races.def read as questions the access summarizer and the lockset
// transfer ask of a type, a member or a function: is it atomic, is it a
// synchronization object, does a container member only read the container,
// is a class a lock guard, does a call signal or wait like a release/acquire
// atomic (latches, barriers, semaphores), which free functions and members
// lock and unlock. Nothing here looks at a function's body.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_RACEMODEL_H
#define FEARLESS_RACEMODEL_H

#include "fearless/Access.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>

namespace fearless {

class TraitOracle;

/// A RAII lock guard class of Models/Races.def.
struct GuardEntry {
  llvm::StringRef Name;
  /// The guard takes its mutexes shared (std::shared_lock).
  bool Shared;
};

/// What a member of a mutex, or a lock function, does to the lock.
enum class LockEffect { Lock, LockShared, Unlock };

/// A member or free function of Models/Races.def that locks or unlocks.
struct MutexMethodEntry {
  llvm::StringRef Name;
  LockEffect Effect;
};

/// How a signal on a synchronization object orders memory.
enum class SignalEffect { Release, Acquire, ReleaseAcquire };

/// The members of mutexes and guards that lock and unlock the object.
llvm::ArrayRef<MutexMethodEntry> mutexMethods();

/// The free functions that lock or unlock what their arguments name.
llvm::ArrayRef<MutexMethodEntry> lockFunctions();

/// What \p FD does to the locks its arguments name, if it is one of
/// lockFunctions() (pthread_mutex_lock, mtx_unlock, ...).
std::optional<LockEffect> lockFunctionEffect(const clang::FunctionDecl *FD);

/// Whether \p M takes its object's lock only if it is free, returning true
/// when it did (try_lock, try_lock_for, TryLock; Models/Races.def): the value
/// is whether the lock taken is shared.
std::optional<bool> tryLockMethod(const clang::CXXMethodDecl *M);

/// Whether \p FD takes the lock its argument points to only if it is free,
/// returning 0 when it did (pthread_mutex_trylock): the value is whether the
/// lock taken is shared.
std::optional<bool> tryLockFunction(const clang::FunctionDecl *FD);

/// How calling \p FD on the object its first argument points to orders
/// memory (sem_post, sem_wait, pthread_barrier_wait), if it does.
std::optional<SignalEffect> syncSignalFunction(const clang::FunctionDecl *FD);

/// What a C library function does to the memory its pointer arguments
/// point to (Models/Races.def).
struct MemoryEffect {
  llvm::StringRef Name;
  /// The argument whose object is written, -1 for none.
  int Written;
  /// Bit I: the object argument I points to is read.
  unsigned Read;
};

/// The memory effect of \p FD when it is one of the C library's memory and
/// string functions (memcpy, memset, strlen, ...), under its own, builtin
/// or fortified name; null otherwise.
const MemoryEffect *memoryFunction(const clang::FunctionDecl *FD);

/// Whether \p FD returns a new object nobody else names, like `new T`
/// (std::make_shared, malloc, calloc, ...; Models/Races.def).
bool isAllocationFunction(const clang::FunctionDecl *FD);

/// How calling \p M on a synchronization object orders memory, if it does.
std::optional<SignalEffect> syncSignal(const clang::CXXMethodDecl *M);

/// Whether objects of type \p T are accessed atomically (std::atomic,
/// atomic_flag, atomic_ref, _Atomic and libstdc++'s atomic bases).
bool isAtomicObjectType(clang::QualType T);

/// Types whose accesses are synchronization, not data: mutexes, condition
/// variables, once flags, semaphores, threads, futures.
bool isSyncType(clang::QualType T, TraitOracle &Traits);

/// Whether \p RD is a class of namespace std.
bool isStdLibraryRecord(const clang::CXXRecordDecl *RD);

/// Whether \p M of a standard container only reads the container itself
/// ("const for the purpose of data races", [container.reqmts]).
bool constForRaces(const clang::CXXMethodDecl *M);

/// What calling \p M, a member of a standard container or container
/// adaptor, leaves valid of the container's elements (Models/Containers.def):
/// Nothing unless \p M only adds elements without touching the others (a
/// deque's push_back, a list's or a map's insert, a std::queue's push over a
/// deque or a list).
KeptValid keptValidBy(const clang::CXXMethodDecl *M);

/// Whether \p FD keeps the arguments it is given rather than running them:
/// an assignment operator, or a member of a standard library class that
/// puts them into the object (Models/Containers.def). A lambda passed to it
/// runs later, not at the call.
bool storesArguments(const clang::FunctionDecl *FD);

/// Whether a call of \p M points into storage its object owns and frees
/// when it dies (Models/Owners.def): `s.c_str()`, `v.data()`, `p.get()` of
/// a unique_ptr, a string's conversion to a string_view.
bool pointsIntoOwnedStorage(const clang::CXXMethodDecl *M);

/// The guard class \p T is, if it is one.
const GuardEntry *guardClass(clang::QualType T);

/// Whether \p D is synchronized by declaration: guarded_by, pt_guarded_by,
/// fearless::assume_synchronized.
bool isAnnotatedSynchronized(const clang::Decl *D);

/// Member names that lock (lock, lock_shared, acquire, ReaderLock, ...).
bool isLockName(llvm::StringRef N);

/// Member names that unlock (unlock, unlock_shared, release, ...).
bool isUnlockName(llvm::StringRef N);

/// Member names of a mutex that assert the calling thread holds it
/// (AssertHeld, AssertReaderHeld): from the call on, the function runs with
/// the mutex held by its caller, as -Wthread-safety's assert_capability.
bool isAssertHeldName(llvm::StringRef N);

/// Calls whose callables and bodies synchronize in ways fearless does not
/// model (barrier completions, once-only initializers, waits): their
/// accesses are not attributed to the caller.
bool isOpaqueSync(const clang::FunctionDecl *FD);

/// Whether \p Callee has a definition in the translation unit, outside the
/// system headers and not dependent: one whose summary can be expanded.
bool hasUsableBody(const clang::FunctionDecl *Callee,
                   const clang::SourceManager &SM);

} // namespace fearless

#endif // FEARLESS_RACEMODEL_H
