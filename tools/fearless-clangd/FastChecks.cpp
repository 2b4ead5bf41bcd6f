//===- FastChecks.cpp - The fearless checks pass clangd's fast filter -----===//
//
// clangd runs a clang-tidy check only if its table of measured checks says it
// is fast (Diagnostics.ClangTidy.FastCheckFilter: Strict, the default), and
// the table has never heard of fearless: without `FastCheckFilter: Loose` in
// .clangd the fearless checks were silently skipped, with nothing in the log.
// The table's lookup, clang::clangd::isFastTidyCheck, lives in another object
// of clangd's static library than its callers (the filter in ParsedAST and
// the config compiler), so the link wraps it (-Wl,--wrap, see CMakeLists):
// the fearless checks are fast (docs/performance.md: about 1.5% of a
// -fsyntax-only compile), every other check gets clangd's own answer.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <optional>

// The mangled name of clang::clangd::isFastTidyCheck(llvm::StringRef).
#define FEARLESS_IS_FAST "_ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE"

std::optional<bool>
realIsFastTidyCheck(llvm::StringRef Check) __asm__("__real_" FEARLESS_IS_FAST);
std::optional<bool>
wrapIsFastTidyCheck(llvm::StringRef Check) __asm__("__wrap_" FEARLESS_IS_FAST);

std::optional<bool> wrapIsFastTidyCheck(llvm::StringRef Check) {
  if (Check.starts_with("fearless-"))
    return true;
  return realIsFastTidyCheck(Check);
}
