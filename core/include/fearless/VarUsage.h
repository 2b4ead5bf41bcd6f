//===- VarUsage.h - Is a variable only read? --------------------*- C++ -*-===//
//
// Conservative classification of the uses of a variable, for deciding when a
// fix-it that copies it instead of borrowing it keeps the program's meaning.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_VARUSAGE_H
#define FEARLESS_VARUSAGE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseSet.h"

namespace fearless {

/// Whether every use of \p V inside \p Body only reads it (no assignment,
/// increment, address taken, non-const reference bound, non-const member
/// called). Uses fearless cannot classify count as writes.
bool isOnlyRead(const clang::ValueDecl *V, const clang::Stmt *Body);

/// The variables some use inside \p Body may write, in one walk: \p V is
/// only read (isOnlyRead) exactly when it is not in the set; with
/// \p AllowDirectWrites, only read or assigned (isOnlyReadOrAssigned).
llvm::DenseSet<const clang::ValueDecl *>
writtenVariables(const clang::Stmt *Body, bool AllowDirectWrites = false);

/// Whether every use of \p V inside \p Body reads it or assigns it directly
/// (`v = e`, `v += e`, `++v`): no address taken, no reference bound, no
/// write from a lambda. Only the function itself then changes it, where it
/// names it.
bool isOnlyReadOrAssigned(const clang::ValueDecl *V, const clang::Stmt *Body);

/// Whether \p V may be written anywhere in \p Body after the location
/// \p After (in source order).
bool mayBeWrittenAfter(const clang::ValueDecl *V, const clang::Stmt *Body,
                       clang::SourceLocation After,
                       const clang::SourceManager &SM);

/// Whether a value of type \p T can be copied (scalar, or a class with an
/// accessible non-deleted copy constructor).
bool isCopyable(clang::QualType T);

} // namespace fearless

#endif // FEARLESS_VARUSAGE_H
