//===- InferenceUtil.h - Helpers of the body inferences ---------*- C++ -*-===//
//
// What SpawnInference (pools, spawn functions) and ChannelInference
// (hand-written blocking queues) both ask of one function's body and its
// class: the field of *this an expression names, whether an expression
// carries a parameter's value, whether a statement blocks. Everything here
// reads the AST of one function; nothing asks the Session.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_INFERENCEUTIL_H
#define FEARLESS_INFERENCEUTIL_H

#include "clang/AST/DeclCXX.h"
#include "fearless/Library.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace fearless::inference {

/// \p E without parentheses, implicit casts, temporaries' wrappers and
/// functional casts.
const clang::Expr *skipImplicit(const clang::Expr *E);

/// The field of *this that \p E names (`q_`, `this->q_`, `q_[i]`), or that
/// the field it names is part of (`q_[i].tasks`: q_).
const clang::FieldDecl *fieldOfThis(const clang::Expr *E);

/// Visits every statement of \p S, lambdas' bodies included.
template <class Fn> void forEachStmt(const clang::Stmt *S, Fn &&F) {
  if (!S)
    return;
  F(S);
  for (const clang::Stmt *Child : S->children())
    forEachStmt(Child, F);
}

/// Whether \p S mentions one of \p Vars (captures and lambda bodies
/// included).
bool carries(const clang::Stmt *S,
             const llvm::SmallPtrSetImpl<const clang::ValueDecl *> &Vars);

/// Whether \p S blocks: a wait on a condition variable, a future or a
/// latch, or a loop testing an atomic.
bool isBlockingWait(const clang::Stmt *S);

/// Whether a call of a function named \p N blocks (wait, wait_for, ...).
bool isBlockingName(llvm::StringRef N);

/// The variables whose value carries \p P's value in \p FD: \p P itself
/// and locals initialised from an expression that carries it (a
/// std::function, a packaged_task, a shared_ptr to one, a wrapping lambda).
llvm::SmallPtrSet<const clang::ValueDecl *, 4>
carriers(const clang::FunctionDecl *FD, const clang::ParmVarDecl *P);

/// The function \p E names, after parentheses, casts and `&` (a thread
/// function, a start routine, a member function pointer `&C::run`).
const clang::FunctionDecl *functionOf(const clang::Expr *E);

/// \p FD's definition, when it has a body worth reading: not dependent,
/// not invalid, not in namespace std.
const clang::FunctionDecl *readableDefinition(const clang::FunctionDecl *FD);

/// Whether \p Name is in the ';'-separated \p List.
bool listed(llvm::StringRef List, llvm::StringRef Name);

// Where threads start and what they run (core/InferenceThreads.cpp).

/// The kind of thread a field or variable of type \p T holds: a thread
/// class itself, the elements of a container or array of them, or either
/// behind an owning pointer (`std::unique_ptr<std::thread>`,
/// `std::vector<std::unique_ptr<std::thread>>`). None otherwise.
HandleKind heldThreadKind(clang::QualType T, const LibraryModel &Lib);

/// Whether a field or variable of type \p T holds threads (std::jthreads).
bool holdsThreads(clang::QualType T, const LibraryModel &Lib);
bool holdsJThreads(clang::QualType T, const LibraryModel &Lib);

/// \p E as a thread construction (`std::thread(f, args...)`), or null.
const clang::CXXConstructExpr *threadConstruction(const clang::Expr *E,
                                                  const LibraryModel &Lib);

/// The first thread construction inside \p S (not inside lambdas).
const clang::CXXConstructExpr *
findThreadConstruction(const clang::Stmt *S, const LibraryModel &Lib);

/// The callable of the thread \p E starts: of the first thread
/// construction in it (`std::thread(f)`, `new std::thread(f)`), or of a
/// smart-pointer factory making a thread (`std::make_unique<std::thread>(
/// f)`). Null if it starts none.
const clang::Expr *startedCallable(const clang::Expr *E,
                                   const LibraryModel &Lib);

/// The function a callable runs: a lambda's call operator (also of a
/// lambda held in a local: a closure cannot be assigned), `&C::run`,
/// `std::bind(&C::run, this)`, a function name, the operator() of a
/// function object made there (`Worker{this}`).
const clang::FunctionDecl *bodyOf(const clang::Expr *Callable);

/// The one operator() with a body of \p RD, a function object class (not
/// a lambda's, not std's); null if it has none or several.
const clang::CXXMethodDecl *callOperatorOf(const clang::CXXRecordDecl *RD);

/// A thread that a statement starts into a field of *this (or into an
/// element of one): the field, what it runs, and whether the field holds
/// several such threads.
struct FieldThreadStart {
  const clang::FieldDecl *Field = nullptr;
  const clang::Expr *Callable = nullptr;
  bool Many = false;
};

/// The thread \p S starts into a field of *this, if it does: an insert of a
/// thread (or of a callable) into a container field, an assignment of a
/// thread construction (or a smart-pointer factory's thread) to a field or
/// an element of one, an owning pointer's reset(new std::thread(f)). \p
/// InLoop: \p S runs in a loop (it starts several).
std::optional<FieldThreadStart>
fieldThreadStart(const clang::Stmt *S, bool InLoop, const LibraryModel &Lib);

/// The field of *this that holds the object \p Object (of a member call)
/// names: itself, an element, or behind an owning pointer (`inner_`,
/// `workers_[k]` in `workers_[k]->post(f)`), also as returned by an
/// accessor of *this (`getWorker().post(f)`). Null if none.
const clang::FieldDecl *ownedObjectField(const clang::Expr *Object,
                                         const LibraryModel &Lib,
                                         unsigned Depth = 0);

/// Argument \p Index of \p Call, or null if there is none.
const clang::Expr *argOrNull(const clang::CallExpr *Call, int Index);

/// \p E without a leading `&` (`&pool` names pool).
const clang::Expr *withoutAddressOf(const clang::Expr *E);

/// The parameter of \p FD that \p E names (`p`, `&p`), or null.
const clang::ParmVarDecl *paramNamed(const clang::Expr *E,
                                     const clang::FunctionDecl *FD);

/// Whether \p MC waits for a future (`f.get()`, `f.wait()`).
bool waitsForFuture(const clang::CXXMemberCallExpr *MC,
                    const LibraryModel &Lib);

/// Whether \p Target lies in the body of a counted loop (a `for` with a
/// condition, a range-for) inside \p Root, not inside a lambda.
bool inLoopUnder(const clang::Stmt *Root, const clang::Stmt *Target,
                 bool InLoop = false);

/// The member functions of \p Class in declaration order, with the
/// instantiations of its member function templates (`template <class F>
/// void post(F f)`, a constructor template).
llvm::SmallVector<const clang::CXXMethodDecl *, 16>
methodsOf(const clang::CXXRecordDecl *Class);

/// Whether \p MC calls a member function named \p Name.
bool calls(const clang::CXXMemberCallExpr *MC, llvm::StringRef Name);

/// Whether \p M, a member function of a class outside namespace std, puts
/// one of its parameters into a container member of its own class: the
/// push() of a project's own locked queue class.
bool insertsParam(const clang::CXXMethodDecl *M, const LibraryModel &Lib);

} // namespace fearless::inference

#endif // FEARLESS_INFERENCEUTIL_H
