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
// The inference reads one class (the pattern, for a class template), is
// asked only for member functions of classes with a mutex and a container
// member (or a modelled channel), and caches per class in the object,
// which lives in the Session (never in a global).
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
};

/// Infers the channels of the translation unit's classes. One per Session.
class ChannelInference {
public:
  explicit ChannelInference(const LibraryModel &Lib);
  ~ChannelInference();

  /// The send that parameter \p Index of \p FD is, if \p FD is an inferred
  /// or modelled send (for an instantiation, its pattern's); null
  /// otherwise.
  const InferredSend *sendOf(const clang::FunctionDecl *FD,
                             unsigned Index) const;

private:
  struct ClassChannels;
  const ClassChannels &classChannels(const clang::CXXRecordDecl *RD) const;
  void inferQueue(const clang::CXXRecordDecl *RD, ClassChannels &Out) const;

  const LibraryModel &Lib;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *,
                         std::unique_ptr<ClassChannels>>
      Classes;
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
