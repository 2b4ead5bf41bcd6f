//===- ASTUtil.h - Small AST helpers shared by the analyses -----*- C++ -*-===//
//
// Name matching without building qualified-name strings, stripping of the
// implicit nodes that surround values moved or copied around, and annotation
// lookup.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_ASTUTIL_H
#define FEARLESS_ASTUTIL_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace fearless {

/// Whether \p D is named \p QualifiedName ("std::thread", "pthread_create",
/// "ns::Pool::submit"). Inline namespaces (std::__cxx11, std::__1) and a
/// leading "::" are ignored; no string is built.
bool hasQualifiedName(const clang::NamedDecl *D, llvm::StringRef QualifiedName);

/// Whether \p D is declared directly in namespace std (or an inline namespace
/// of it) and is named \p Name.
bool isStdDecl(const clang::NamedDecl *D, llvm::StringRef Name);

/// The class a type names, looking through references, typedefs and
/// elaborations (not through pointers). Null for non-class types.
const clang::CXXRecordDecl *classOf(clang::QualType T);

/// Whether \p T names the standard class \p Name (a template specialization of
/// it included), e.g. isStdClass(T, "thread").
bool isStdClass(clang::QualType T, llvm::StringRef Name);

/// The \p Index-th template argument type of the class \p T names, if it is a
/// template specialization.
clang::QualType templateArgType(clang::QualType T, unsigned Index);

/// Strips parentheses, implicit casts, temporaries, cleanups, and elidable or
/// trivially forwarding constructions (copy/move of the same type) from \p E.
const clang::Expr *stripWrappers(const clang::Expr *E);

/// \p E without parentheses, implicit casts, logical negations and
/// __builtin_expect (what `likely(x)`/`unlikely(x)` expand to); sets
/// \p Negated when an odd number of `!` were stripped.
const clang::Expr *stripNegations(const clang::Expr *E, bool &Negated);

/// Like stripWrappers, and also looks through std::move/std::forward calls and
/// static_cast to rvalue reference.
const clang::Expr *stripMoves(const clang::Expr *E);

/// If \p E is a call to std::move or std::forward (or a static_cast to an
/// rvalue reference), returns its argument; otherwise null.
const clang::Expr *getMovedExpr(const clang::Expr *E);

/// The variable \p E names after stripping (a DeclRefExpr), or null.
const clang::VarDecl *referencedVar(const clang::Expr *E);

/// The variable at the root of an lvalue: x in x, x.f, x[i], x.f[i].g
/// (arrays only, no `->`, no reference member: `x.ref` is not part of x),
/// or null.
const clang::ValueDecl *lvalueRoot(const clang::Expr *E);

/// Whether \p D carries the annotation \p What ("fearless::spawn").
bool hasAnnotation(const clang::Decl *D, llvm::StringRef What);

/// Whether parameter \p Index of \p FD, in any redeclaration or in the
/// template pattern's, carries the annotation \p What.
bool paramHasAnnotation(const clang::FunctionDecl *FD, unsigned Index,
                        llvm::StringRef What);

/// Whether the type or the declaration behind a typedef carries \p What.
bool typeHasAnnotation(clang::QualType T, llvm::StringRef What);

/// Whether \p V is a variable with automatic storage owned by the function
/// being analysed: a non-static local, a parameter or a structured binding's
/// holding variable. References are excluded (they own nothing).
bool isOwnedLocal(const clang::ValueDecl *V);

/// For a structured binding, its holding decomposition variable; otherwise
/// \p V itself.
const clang::ValueDecl *bindingOwner(const clang::ValueDecl *V);

/// The callee of a call, when it is a named function.
const clang::FunctionDecl *calleeOf(const clang::Expr *Call);

/// The arguments of a call or construction expression (empty otherwise).
llvm::ArrayRef<const clang::Expr *> argsOf(const clang::Expr *E);

/// The parameter an argument is bound to, if known.
const clang::ParmVarDecl *paramForArg(const clang::Expr *Call, unsigned ArgIdx);

/// Whether \p T is a callable object type: a closure, a class with operator(),
/// a function or a pointer or reference to function.
bool isCallableType(clang::QualType T);

/// The one operator() declared in \p RD (a function object's class), or
/// null if it declares none, an overload set or a template.
const clang::CXXMethodDecl *singleCallOperator(const clang::CXXRecordDecl *RD);

/// The initializer of \p VD when it is a local closure (a lambda's object,
/// not a parameter): a closure cannot be assigned, so it runs, with the
/// captures, what it was made from whatever it is passed to later. Null
/// otherwise.
const clang::Expr *closureInitializer(const clang::VarDecl *VD);

/// Whether the function body contains errors (broken code in the editor).
bool bodyHasErrors(const clang::FunctionDecl *FD);

/// The value of \p E when it is an integer constant the compiler can fold
/// (`Expr::EvaluateAsInt`), nullopt otherwise or when \p E is null or
/// value-dependent. Literals are read directly, and an expression that reads
/// a variable which is neither const nor constexpr, a member of `*this`, or
/// calls a function that is not constexpr is refused without starting the
/// evaluator (which costs about a thousand instructions a call even when it
/// fails at once); the result is the evaluator's either way.
std::optional<long long> integerConstant(const clang::Expr *E,
                                         const clang::ASTContext &Ctx);

} // namespace fearless

#endif // FEARLESS_ASTUTIL_H
