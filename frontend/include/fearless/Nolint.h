//===- Nolint.h - NOLINT comments, as clang-tidy reads them -----*- C++ -*-===//
//
// The plugin and fearless-check honour the same suppression comments as
// clang-tidy (which applies its own in the tidy module and clangd):
//   code;  // NOLINT            every check on this line
//   code;  // NOLINT(fearless-data-race, fearless-send)
//   // NOLINTNEXTLINE(fearless-*)
//   // NOLINTBEGIN(fearless-escaping-borrow) ... // NOLINTEND(...)
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_NOLINT_H
#define FEARLESS_NOLINT_H

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace fearless {

/// Answers whether a diagnostic of a check at a location is suppressed by a
/// NOLINT comment. Caches the NOLINTBEGIN/END regions of each file it reads
/// (per instance: one instance per translation unit).
class NolintFilter {
public:
  explicit NolintFilter(const clang::SourceManager &SM) : SM(SM) {}

  /// Whether \p CheckName's diagnostic at \p Loc is suppressed.
  bool isSuppressed(llvm::StringRef CheckName, clang::SourceLocation Loc);

private:
  struct Region {
    unsigned BeginOffset;
    unsigned EndOffset;
    std::string Checks; // text inside the parentheses, empty for all
  };
  const std::vector<Region> &regionsOf(clang::FileID FID);

  const clang::SourceManager &SM;
  llvm::DenseMap<clang::FileID, std::vector<Region>> Regions;
};

/// Whether the comment text after a NOLINT marker ("(a, b*)" or nothing)
/// selects \p CheckName.
bool nolintSelects(llvm::StringRef Parenthesized, llvm::StringRef CheckName);

} // namespace fearless

#endif // FEARLESS_NOLINT_H
