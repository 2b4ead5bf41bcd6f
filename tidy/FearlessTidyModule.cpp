//===- FearlessTidyModule.cpp - The fearless clang-tidy module ------------===//
//
// clang-tidy --load=fearless-tidy.so --checks='-*,fearless-*' file.cpp -- ...
//
// One check class per entry of Checks.def, named after the entry's Class
// (fearless::tidy::EscapingBorrowCheck is fearless-escaping-borrow), all
// sharing FearlessTidyCheck. The same objects are linked into fearless-clangd,
// where this file's static registration must be linked in as an object (not
// from an archive, where the linker would drop it as unreferenced).
//
//===----------------------------------------------------------------------===//

#include "FearlessTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"

namespace fearless::tidy {

#define FEARLESS_CHECK(Id, Name, Class, Summary)                               \
  /** fearless-Name: Summary. */                                               \
  class Class final : public FearlessTidyCheck {                               \
  public:                                                                      \
    Class(llvm::StringRef CheckName, clang::tidy::ClangTidyContext *Ctx)       \
        : FearlessTidyCheck(CheckName, Ctx, CheckId::Id) {}                    \
  };
#include "fearless/Checks.def"

/// Registers every check of Checks.def.
class FearlessModule : public clang::tidy::ClangTidyModule {
public:
  void
  addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
#define FEARLESS_CHECK(Id, Name, Class, Summary)                               \
  Factories.registerCheck<Class>(checkName(CheckId::Id));
#include "fearless/Checks.def"
  }
};

} // namespace fearless::tidy

static clang::tidy::ClangTidyModuleRegistry::Add<fearless::tidy::FearlessModule>
    RegisterFearlessModule("fearless-module",
                           "fearless concurrency: thread lifetimes, moves, "
                           "Send/Sync and data races");
