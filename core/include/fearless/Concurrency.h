//===- Concurrency.h - What may run at the same time in a TU ----*- C++ -*-===//
//
// The translation-unit-wide part of "what runs at the same time": code that
// runs concurrently with a thread although it is not in the function that
// started the thread. Today that is a member thread: a thread whose handle is
// a data member of the object whose member function started it, and which
// may still run when that function returns. While it runs, the object's
// public member functions may be called by whoever owns the object, up to the
// point where one of them joins the thread.
//
// The model is computed lazily, one class at a time, when a check asks about
// a member thread; nothing is computed for translation units without one.
// It lives in the Session (one per translation unit), never in a global.
//
// Vocabulary (docs/design.md has the long form):
//   member thread  a spawn in a member function of class C whose handle goes
//                  into a field of *this (a std::thread, a container of
//                  them) and that may still run when the function returns
//   concurrent     a member function of C that may be running while the
//   member         thread runs: a public one that clients of C call, or the
//                  destructor, up to its first join of the handle
//   shared class   a class annotated fearless::shared: its public member
//                  functions may run at the same time as each other
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_CONCURRENCY_H
#define FEARLESS_CONCURRENCY_H

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <optional>
#include <tuple>
#include <vector>

namespace fearless {

struct Access;
class FunctionAnalysis;
class Session;

/// A member thread that may touch a field of its object outside the
/// field's lifetime, because of the order in which members are declared.
struct MemberLifetimeIssue {
  enum Kind : unsigned char {
    /// The thread starts in the member initializer of its handle, which is
    /// declared (and so constructed) before \c Field.
    BeforeConstruction,
    /// The handle is a std::jthread (joined by its own destructor), declared
    /// before \c Field, which is destroyed first; the class's destructor
    /// does not join the thread itself.
    AfterDestruction,
    /// The thread runs the overriders of \c Derived, a class derived from
    /// the handle's, and uses \c Field, a member of \c Derived; only the
    /// base class's destructor joins the thread, and it runs after the
    /// members of \c Derived are destroyed.
    DerivedDestroyedFirst,
  } What;
  unsigned Spawn = 0;
  const clang::FieldDecl *Handle = nullptr;
  const clang::FieldDecl *Field = nullptr;
  /// The thread's first access of the field (source order), and the calls
  /// leading to it.
  clang::SourceLocation Use;
  llvm::SmallVector<clang::SourceLocation, 2> Via;
  /// For DerivedDestroyedFirst: the derived class.
  const clang::CXXRecordDecl *Derived = nullptr;
};

/// Whether \p E names field \p Handle of *this (`worker_`, `this->worker_`),
/// or an element of it (`workers_[i]`, `workers_.back()`). A null \p Handle
/// stands for *this itself, a thread object (a QThread subclass started by
/// its own member function): \p E names it if it is `this`.
bool namesHandle(const clang::Expr *E, const clang::FieldDecl *Handle);

/// The member-order issues of the member threads that \p FA's function
/// starts, in spawn order and then field order.
std::vector<MemberLifetimeIssue> memberLifetimeIssues(FunctionAnalysis &FA);

/// The part of a worker that runs only after it was told to stop: the
/// statements after its main loop (in the body or the one member function
/// the body calls), when every way out of that loop tests a field of *this,
/// the stop flag.
struct ShutdownTail {
  const clang::FieldDecl *Flag = nullptr;
  /// Instead of a field, the loop asks the std::stop_token of a
  /// std::jthread: destroying or replacing the handle stops it.
  bool StopToken = false;
  /// Whether there is a tail.
  bool exists() const { return Flag || StopToken; }
  /// The function holding the loop; the tail is what lies strictly after
  /// From (the loop's last token) and before To (the function's end).
  const clang::FunctionDecl *In = nullptr;
  clang::SourceLocation From, To;
  /// Whether \p A, or one of the calls leading to it, is in the tail.
  bool contains(const clang::SourceManager &SM, const Access &A) const;
};

/// The shutdown tail of the worker \p Body (exists() is false if none).
ShutdownTail shutdownTail(const clang::FunctionDecl *Body,
                          const clang::ASTContext &Ctx);

/// Whether \p M writes \p Flag, itself or through member functions of its
/// class that it calls on *this (a few calls deep).
bool setsFlag(const clang::FunctionDecl *M, const clang::FieldDecl *Flag,
              unsigned Depth = 0);

/// A member function that may run while a member thread runs.
struct ConcurrentMember {
  const clang::CXXMethodDecl *Method = nullptr;
  /// Where the method first joins the thread (a join of the handle, or a
  /// call of another member function that joins it); invalid if it never
  /// does. Its accesses from there on no longer run with the thread.
  clang::SourceLocation JoinedAt;
  /// Whether it sets the worker's stop flag (ShutdownTail): only then does
  /// it run beside what the worker does after its loop.
  bool Stops = false;
  /// Whether nothing in the translation unit calls it, joins or stops the
  /// thread in it: its callers are elsewhere, and whether they call it
  /// before `start()` is unknown (a plain setter of what the worker only
  /// reads is taken as configuration made before it, DataRaceCheck).
  bool Unseen = false;
};

/// The member functions that may run while one member thread runs.
struct MemberThreadPeers {
  /// The class, the field holding the thread's handle, the member function
  /// that starts it, and the function the thread runs (if known).
  const clang::CXXRecordDecl *Class = nullptr;
  /// Null when the thread is the object itself (SpawnSite::ThisObject).
  const clang::FieldDecl *Handle = nullptr;
  const clang::FunctionDecl *Starter = nullptr;
  const clang::FunctionDecl *Body = nullptr;
  /// For an object of a class derived from the starter's (one that
  /// overrides what the thread calls), that class; Class is then the
  /// derived class and Members are its and its bases' member functions.
  const clang::CXXRecordDecl *Dynamic = nullptr;
  /// Where the thread is started (in Starter).
  clang::SourceLocation SpawnLoc;
  /// What the thread runs only after it was told to stop.
  ShutdownTail Tail;
  /// In declaration order.
  std::vector<ConcurrentMember> Members;
};

/// The concurrency model of one translation unit. Owned by the Session.
class ConcurrencyModel {
public:
  explicit ConcurrencyModel(Session &S) : S(S) {}

  /// The member functions of \p Starter's class that may run while the
  /// thread spawned at \p SpawnLoc in \p Starter, whose handle is the field
  /// \p Handle of *this and which runs \p Body, still runs. Computed on
  /// first use; the result lives as long as the model.
  /// With \p Dynamic, a class derived from Starter's: the member functions
  /// of \p Dynamic and of its bases up to Starter's class that may run
  /// beside the thread on an object of \p Dynamic, leaving out the
  /// overriders of what the thread calls virtually on *this (they are the
  /// thread's).
  const MemberThreadPeers &
  memberThreadPeers(const clang::CXXMethodDecl *Starter,
                    const clang::FieldDecl *Handle,
                    const clang::FunctionDecl *Body,
                    clang::SourceLocation SpawnLoc,
                    const clang::CXXRecordDecl *Dynamic = nullptr);

  /// The classes defined in the translation unit (outside functions, not
  /// templates) that derive from \p Base and override one of its virtual
  /// member functions other than the destructor with a body of their own:
  /// the dynamic types a member thread started by \p Base may run the
  /// overriders of. Computed on first use by one walk over the
  /// translation unit's declarations (not function bodies).
  llvm::ArrayRef<const clang::CXXRecordDecl *>
  derivedClasses(const clang::CXXRecordDecl *Base);

  /// Where \p M first joins the thread held in field \p Handle of *this:
  /// `Handle.join()`, a loop joining its elements, replacing or clearing the
  /// handle (`Handle = ...`, `reset`, `clear`: a joinable std::thread would
  /// terminate the program, a std::jthread joins), or a call of a member
  /// function of the same class that does (followed a few calls deep).
  /// Invalid if it does not.
  clang::SourceLocation joinOf(const clang::CXXMethodDecl *M,
                               const clang::FieldDecl *Handle,
                               unsigned Depth = 0);

  /// Whether clients of \p M's class may call it while a thread running
  /// \p Body, started by \p Starter, runs: it is public and not static, not
  /// called only by \p Body (a public helper of the worker loop is part of
  /// the thread), and not called only while the thread does not run: every
  /// call seen is on a local object, before the same function calls its
  /// \p Starter (and not after), or after it called, on every path, a
  /// member function that joins the thread in field \p Handle (joinOf),
  /// with no call of \p Starter after that join.
  bool isEntryPoint(const clang::CXXMethodDecl *M,
                    const clang::FunctionDecl *Body,
                    const clang::CXXMethodDecl *Starter,
                    const clang::FieldDecl *Handle);

  /// Where a constructor of \p Class starts a thread into field \p Handle
  /// that may still run when the constructor returns; invalid if none does.
  clang::SourceLocation startedByConstructor(const clang::CXXRecordDecl *Class,
                                             const clang::FieldDecl *Handle);

  /// Whether \p M calls a member function of field \p Handle (join,
  /// detach, joinable, swap, ...) or of another member function of its class
  /// that joins it, before \p Loc.
  bool usesHandleBefore(const clang::CXXMethodDecl *M,
                        const clang::FieldDecl *Handle,
                        clang::SourceLocation Loc);

  /// The public member functions of \p Class (not constructors, the
  /// destructor or static ones) when \p Class is marked fearless::shared,
  /// in declaration order; empty otherwise.
  llvm::ArrayRef<const clang::CXXMethodDecl *>
  sharedClassMembers(const clang::CXXRecordDecl *Class);

  /// The class (its definition) of \p FD when \p FD is a member function,
  /// not a lambda's, of a class marked fearless::shared that has public
  /// member functions (sharedClassMembers); null otherwise.
  const clang::CXXRecordDecl *sharedClassOf(const clang::FunctionDecl *FD);

  /// Prints a member thread and its concurrent members (the "concurrency"
  /// dump; each is printed when it is first computed).
  void dump(llvm::raw_ostream &OS, const MemberThreadPeers &P) const;

private:
  Session &S;
  std::map<std::tuple<const clang::FunctionDecl *, unsigned,
                      const clang::CXXRecordDecl *>,
           MemberThreadPeers>
      Peers;
  /// The polymorphic class definitions of the TU (derivedClasses), and the
  /// answers per base.
  std::optional<std::vector<const clang::CXXRecordDecl *>> Polymorphic;
  llvm::DenseMap<const clang::CXXRecordDecl *,
                 std::vector<const clang::CXXRecordDecl *>>
      Derived;
  llvm::DenseMap<
      std::pair<const clang::CXXMethodDecl *, const clang::FieldDecl *>,
      clang::SourceLocation>
      Joins;
  llvm::DenseMap<const clang::CXXRecordDecl *,
                 std::vector<const clang::CXXMethodDecl *>>
      Shared;
  /// The calls of a starting member function in a function (isEntryPoint).
  std::map<std::pair<const clang::FunctionDecl *, const clang::CXXMethodDecl *>,
           std::vector<const clang::CXXMemberCallExpr *>>
      StarterCalls;
};

} // namespace fearless

#endif // FEARLESS_CONCURRENCY_H
