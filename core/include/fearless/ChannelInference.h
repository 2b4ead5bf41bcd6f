//===- ChannelInference.h - Channels inferred from bodies -------*- C++ -*-===//
//
// Message passing recognised without annotations. A member function that
// puts its parameter into a member container under a lock is a *send* when
// another member function of its class takes elements out of that container
// under the same lock, and one side blocks or signals (a condition variable
// wait in the taking function, a notify in the putting one): the
// hand-written blocking queue. The taking function is the *receive*.
// Library channels (Models/Channels.def: oneTBB, Boost.Lockfree,
// moodycamel) are sends and receives by name.
//
// An inferred send's parameter is a fearless::sends parameter for every
// check that honours the annotation (isSendsParam): its argument must be
// Send, and a value moved into it is gone. One difference keeps precision:
// an lvalue passed to an inferred send is copied, not consumed.
//
// A function that passes a parameter on unchanged (itself, or std::move
// of it) to a send, and does not block, is a send of that parameter too:
// `void submit(Frame *p) { queue_.push(p); }`. Two levels of such helpers
// are followed; each function's body is read once per level.
//
// The inference reads one class (the pattern, for a class template), is
// asked only for member functions of classes with a mutex and a container
// member (or a modelled channel), and caches per class in the object,
// which lives in the Session (never in a global). Helpers are cached per
// function, and functions in system headers are never helpers.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_CHANNELINFERENCE_H
#define FEARLESS_CHANNELINFERENCE_H

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace fearless {

class LibraryModel;
struct Finding;

/// How a member function sends its parameter to another thread.
struct InferredSend {
  /// The sending member function (the pattern, for templates) and its
  /// parameter.
  const clang::FunctionDecl *Send = nullptr;
  unsigned Param = 0;
  /// Hand-written queue: the member container, where the value is put
  /// into it, the mutex, and a receive that takes it out. All null for a
  /// library channel.
  const clang::FieldDecl *Queue = nullptr;
  clang::SourceLocation PutAt;
  const clang::FieldDecl *Mutex = nullptr;
  const clang::FunctionDecl *Receive = nullptr;
  /// Library channel: the class named in Models/Channels.def.
  llvm::StringRef Model;
  /// Helper: a function that passes its parameter on unchanged to a send
  /// (`void submit(Frame *p) { queue_.push(p); }`). The call that does, its
  /// callee and the callee's parameter, and what that parameter is (null
  /// when it is marked fearless::sends).
  const clang::Expr *ViaCall = nullptr;
  const clang::FunctionDecl *ViaCallee = nullptr;
  const clang::ParmVarDecl *ViaParam = nullptr;
  const InferredSend *Via = nullptr;
};

/// Infers the channels of the translation unit's classes. One per Session.
class ChannelInference {
public:
  explicit ChannelInference(const LibraryModel &Lib);
  ~ChannelInference();

  /// The send that parameter \p Index of \p FD is, if \p FD is an inferred
  /// or modelled send (for an instantiation, its pattern's), or a helper
  /// passing that parameter on to one (two levels of helpers at most);
  /// null otherwise.
  const InferredSend *sendOf(const clang::FunctionDecl *FD,
                             unsigned Index) const;

private:
  struct ClassChannels;
  using HelperSends = llvm::SmallVector<InferredSend, 1>;
  const ClassChannels &classChannels(const clang::CXXRecordDecl *RD) const;
  void inferQueue(const clang::CXXRecordDecl *RD, ClassChannels &Out) const;
  /// A send of a queue's own member function, or of a modelled channel.
  const InferredSend *directSendOf(const clang::FunctionDecl *FD,
                                   unsigned Index) const;
  /// The parameters \p FD passes on unchanged to a send: to a direct one
  /// or an annotated one (\p Level 1), or to a level-1 helper (\p Level 2).
  const HelperSends &helperSends(const clang::FunctionDecl *FD,
                                 unsigned Level) const;
  /// A parameter of a function passed unchanged to a parameter of a callee:
  /// the candidates helperSends judges, found by one walk of the body for
  /// both levels.
  struct Pass {
    const clang::Expr *Call;
    const clang::FunctionDecl *Callee;
    const clang::ParmVarDecl *Own;
    const clang::ParmVarDecl *To;
  };
  llvm::ArrayRef<Pass> passesOf(const clang::FunctionDecl *Def) const;

  const LibraryModel &Lib;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *,
                         std::unique_ptr<ClassChannels>>
      Classes;
  /// Per level (1, 2), per function definition.
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         std::unique_ptr<HelperSends>>
      Helpers[2];
  mutable llvm::DenseMap<const clang::FunctionDecl *,
                         std::unique_ptr<llvm::SmallVector<Pass, 2>>>
      Passes;
  HelperSends NoHelperSends;
};

/// Whether parameter \p Index of \p FD hands its argument to another
/// thread: it is marked fearless::sends (in a redeclaration or the
/// template pattern), or it is an inferred or modelled send
/// (Lib.channels()). \p Inferred, when given, receives the inferred send.
bool isSendsParam(const clang::FunctionDecl *FD, unsigned Index,
                  const LibraryModel &Lib,
                  const InferredSend **Inferred = nullptr);

/// Notes where the call \p Call of \p Callee hands its argument for
/// parameter \p P to another thread: the fearless::sends annotation, or the
/// container and the receive of an inferred send, or the library channel.
void noteChannelSend(Finding &F, const clang::FunctionDecl *Callee,
                     const clang::ParmVarDecl *P, const InferredSend *Channel,
                     const clang::Expr *Call);

} // namespace fearless

#endif // FEARLESS_CHANNELINFERENCE_H
