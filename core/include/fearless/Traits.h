//===- Traits.h - Send and Sync, derived like Rust auto traits --*- C++ -*-===//
//
// A type is Send when a value of it may be moved to another thread, Sync when
// it may be shared by reference between threads. Like Rust's auto traits, a
// class has a trait when all its bases and fields have it, unless annotated
// (fearless::send, not_send, sync, not_sync). The standard library is a
// table (Models/SendSync.def). Interior mutability breaks Sync: a `mutable`
// field that is not itself synchronized, and a copy that updates shared
// memory through a pointer without synchronization (a non-atomic reference
// count: Rust's Rc) breaks both.
//
// Every verdict explains itself as a chain of steps from the type down to the
// cause, which the checks render as notes.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_TRAITS_H
#define FEARLESS_TRAITS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace fearless {

/// The two thread-safety traits.
enum class Trait : unsigned char { Send, Sync };

/// "Send" or "Sync".
llvm::StringRef traitName(Trait T);

/// One step of an explanation: why \p Type lacks \p Missing.
struct TraitStep {
  enum Kind : unsigned char {
    /// The type (or alias) is annotated; Decl carries the annotation.
    Annotated,
    /// A lock guard: not Send.
    LockGuard,
    /// std::shared_ptr<T>: needs T to be Send and Sync; Inner is T.
    SharedOwnership,
    /// A field (Decl) of type Inner lacks the trait.
    Field,
    /// A base class (Inner) lacks the trait.
    Base,
    /// A lambda capture of Decl, of type Inner, lacks the trait.
    Capture,
    /// A template argument Inner lacks the trait (containers, wrappers).
    TypeArgument,
    /// A pointer or reference whose pointee Inner is not Sync.
    Pointee,
    /// An array whose element type Inner lacks the trait.
    Element,
    /// A mutable field (Decl) that is not synchronized.
    MutableField,
    /// Copying the type writes through pointer field Decl without
    /// synchronization (at Loc).
    UnsyncedCopy,
  };
  Kind K;
  clang::QualType Type;
  Trait Missing;
  const clang::NamedDecl *Decl = nullptr;
  clang::QualType Inner;
  clang::SourceLocation Loc;
};

/// Whether a type has a trait, and if not, why.
struct TraitVerdict {
  bool Holds = true;
  std::vector<TraitStep> Chain;
};

/// Computes and caches verdicts for one translation unit.
class TraitOracle {
public:
  explicit TraitOracle(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// The verdict for \p T (references are looked through: a `T&` value
  /// crossing threads is a T being shared, which callers decide).
  TraitVerdict verdict(clang::QualType T, Trait Tr);

  bool holds(clang::QualType T, Trait Tr) { return verdict(T, Tr).Holds; }

  /// The verdict for a class object \p T of which only the fields \p Used
  /// (its own or its bases') are reached: what a thread sharing *this needs
  /// when its body is visible. Annotations on the class or a base, library
  /// types and lambdas decide as in verdict().
  TraitVerdict verdictOfFields(clang::QualType T,
                               llvm::ArrayRef<const clang::FieldDecl *> Used,
                               Trait Tr);

  /// Whether \p T synchronizes itself (atomics, mutexes, user locks with
  /// lock() and unlock(), classes annotated fearless::sync, classes carrying
  /// their own mutex): a `mutable` field of such a type does not break its
  /// class's Sync, and neither do calls on such an object or on the
  /// elements of a container of them.
  bool isInternallySynchronized(clang::QualType T);

private:
  bool computeInternallySynchronized(clang::QualType T);
  TraitVerdict compute(clang::QualType T, Trait Tr);
  TraitVerdict computeRecord(clang::QualType T, const clang::CXXRecordDecl *RD,
                             Trait Tr);
  /// Whether field \p F of class \p T has \p Tr (a failing verdict's
  /// first step is a Field or MutableField step).
  TraitVerdict fieldVerdict(clang::QualType T, const clang::FieldDecl *F,
                            Trait Tr);
  TraitVerdict computeLibrary(clang::QualType T, const clang::CXXRecordDecl *RD,
                              Trait Tr);
  std::optional<TraitStep>
  unsyncedCopy(clang::QualType T, const clang::CXXRecordDecl *RD, Trait Tr);
  bool isLibraryRecord(const clang::CXXRecordDecl *RD) const;
  /// Whether a const member function of its class may write the mutable
  /// field \p F (a member not visible here counts as may).
  bool mutableFieldMayBeWritten(const clang::FieldDecl *F);

  clang::ASTContext &Ctx;
  llvm::DenseMap<std::pair<const clang::Type *, unsigned>, TraitVerdict> Cache;
  llvm::DenseSet<std::pair<const clang::Type *, unsigned>> InProgress;
  llvm::DenseMap<const clang::CXXRecordDecl *, std::optional<TraitStep>>
      CopyCache;
  llvm::DenseMap<const clang::FieldDecl *, bool> MutableWrites;
  /// isInternallySynchronized per type as written (typedef names decide
  /// too): every member call's object type is asked about, twice per
  /// summary, and the answer walks the type's fields.
  llvm::DenseMap<void *, bool> SyncCache;
};

} // namespace fearless

#endif // FEARLESS_TRAITS_H
