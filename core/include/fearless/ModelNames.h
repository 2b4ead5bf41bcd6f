//===- ModelNames.h - Which model option names match nothing ----*- C++ -*-===//
//
// A misspelled name in SpawnFunctions (or another qualified-name option) is
// silently a name that never matches. When asked to (the plugin's
// verify-config, fearless-check --verify-config) the front-ends report the
// names that match no function declared in the translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_MODELNAMES_H
#define FEARLESS_MODELNAMES_H

#include "fearless/Options.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace fearless {

/// A name of a model option.
struct ModelName {
  /// The option ("SpawnFunctions").
  std::string Option;
  /// The qualified name as given ("pool::post").
  std::string Name;
};

/// The names of \p Model that match no function (or function template, or
/// method) declared in the translation unit of \p Ctx, in option order.
std::vector<ModelName> unmatchedModelNames(clang::ASTContext &Ctx,
                                           const ModelOptions &Model);

} // namespace fearless

#endif // FEARLESS_MODELNAMES_H
