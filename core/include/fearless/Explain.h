//===- Explain.h - Notes that explain a finding -----------------*- C++ -*-===//
//
// Shared renderings of explanations as notes: the chain behind a Send/Sync
// verdict, and the template instantiation a finding comes from.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_EXPLAIN_H
#define FEARLESS_EXPLAIN_H

#include "fearless/Finding.h"
#include "fearless/Traits.h"
#include "clang/AST/Decl.h"

namespace fearless {

/// Appends one note per step of \p V's chain. Steps without a location in
/// user code point at \p Fallback.
void addTraitChain(Finding &F, const TraitVerdict &V,
                   clang::SourceLocation Fallback,
                   const clang::SourceManager &SM);

/// If \p FD is a template instantiation, notes where it was instantiated
/// (the finding's types then name the template arguments).
void addInstantiationNote(Finding &F, const clang::FunctionDecl *FD);

struct SuspensionPoint;

/// Notes where a coroutine suspends at \p P and where its resumption on
/// another thread comes from (the spawn in await_suspend, the annotation,
/// the library model, the awaited coroutine).
void addResumptionNotes(Finding &F, const SuspensionPoint &P);

} // namespace fearless

#endif // FEARLESS_EXPLAIN_H
