//===- ModelNames.cpp - Which model option names match nothing ------------===//

#include "fearless/ModelNames.h"
#include "fearless/ASTUtil.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace fearless {

namespace {

/// Marks the names that some declared function has.
class NameFinder : public RecursiveASTVisitor<NameFinder> {
public:
  NameFinder(std::vector<ModelName> &Names, std::vector<bool> &Found)
      : Names(Names), Found(Found) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    for (size_t I = 0; I < Names.size(); ++I)
      if (!Found[I] && hasQualifiedName(FD, Names[I].Name))
        Found[I] = true;
    return true;
  }

private:
  std::vector<ModelName> &Names;
  std::vector<bool> &Found;
};

} // namespace

std::vector<ModelName> unmatchedModelNames(ASTContext &Ctx,
                                           const ModelOptions &Model) {
  std::vector<ModelName> Names;
  for (llvm::StringRef Option : ModelOptions::names())
    for (const std::string &Name : *Model.byName(Option))
      Names.push_back({Option.str(), Name});
  if (Names.empty())
    return Names;
  std::vector<bool> Found(Names.size(), false);
  NameFinder(Names, Found).TraverseDecl(Ctx.getTranslationUnitDecl());
  std::vector<ModelName> Result;
  for (size_t I = 0; I < Names.size(); ++I)
    if (!Found[I])
      Result.push_back(Names[I]);
  return Result;
}

} // namespace fearless
