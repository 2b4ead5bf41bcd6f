//===- Accesses.h - Resolving and binding memory locations ------*- C++ -*-===//
//
// Session::summary() (Analysis.h) computes what a function accesses, in its
// own terms (Access.h). The data-race check also needs to name locations in
// a spawning function's terms and to bind a thread body's summary to the
// arguments the thread was started with; these helpers do both with the
// same rules the summaries use.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_ACCESSES_H
#define FEARLESS_ACCESSES_H

#include "fearless/Access.h"
#include "fearless/Analysis.h"
#include <optional>

namespace fearless {

/// The location \p E designates, seen from function \p Within (whose locals
/// count as shareable); with \p Deref, the location \p E points to.
std::optional<MemLoc> resolveLocation(Session &S,
                                      const clang::FunctionDecl *Within,
                                      const clang::Expr *E, bool Deref);

/// Maps a location of \p Callee's summary to its caller's terms: parameters
/// to what the caller passed (\p Params, by parameter index: the referent of
/// a reference, the pointee of a pointer), *this to \p This, the callee's
/// locals to nothing, everything else unchanged.
std::optional<MemLoc> bindLocation(const MemLoc &L,
                                   const clang::FunctionDecl *Callee,
                                   llvm::ArrayRef<std::optional<MemLoc>> Params,
                                   const std::optional<MemLoc> &This);

} // namespace fearless

#endif // FEARLESS_ACCESSES_H
