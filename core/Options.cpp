//===- Options.cpp - What the analysis is asked to do ---------------------===//

#include "fearless/Options.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace fearless {

namespace {
constexpr llvm::StringRef ModelOptionNames[] = {
    "SpawnFunctions",         "ScopedSpawnFunctions",
    "JoinFunctions",          "DetachFunctions",
    "ThreadStartFunctions",   "InvalidationFunctions",  "ReinitializationFunctions",
    "TriviallyCopyableMoves", "GlobalAndStaticMoves",
    "SubObjectMoves",         "UnseenCalleeMoves"};
} // namespace

llvm::ArrayRef<llvm::StringRef> ModelOptions::names() {
  return ModelOptionNames;
}

std::vector<std::string> *ModelOptions::byName(llvm::StringRef Name) {
  if (Name == "SpawnFunctions")
    return &SpawnFunctions;
  if (Name == "ScopedSpawnFunctions")
    return &ScopedSpawnFunctions;
  if (Name == "JoinFunctions")
    return &JoinFunctions;
  if (Name == "DetachFunctions")
    return &DetachFunctions;
  if (Name == "ThreadStartFunctions")
    return &ThreadStartFunctions;
  if (Name == "InvalidationFunctions")
    return &InvalidationFunctions;
  if (Name == "ReinitializationFunctions")
    return &ReinitializationFunctions;
  if (Name == "TriviallyCopyableMoves")
    return &TriviallyCopyableMoves;
  if (Name == "GlobalAndStaticMoves")
    return &GlobalAndStaticMoves;
  if (Name == "SubObjectMoves")
    return &SubObjectMoves;
  if (Name == "UnseenCalleeMoves")
    return &UnseenCalleeMoves;
  return nullptr;
}

bool ModelOptions::flag(llvm::StringRef Name) const {
  const std::vector<std::string> *Values = byName(Name);
  if (!Values)
    return false;
  // Merged from several checks' options: any "true" wins.
  return llvm::any_of(*Values, [](const std::string &V) {
    llvm::StringRef S(V);
    return S.equals_insensitive("true") || S == "1";
  });
}

const std::vector<std::string> *
ModelOptions::byName(llvm::StringRef Name) const {
  return const_cast<ModelOptions *>(this)->byName(Name);
}

void ModelOptions::merge(const ModelOptions &Other) {
  for (llvm::StringRef Name : names()) {
    std::vector<std::string> &Mine = *byName(Name);
    for (const std::string &Entry : *Other.byName(Name))
      if (!llvm::is_contained(Mine, Entry))
        Mine.push_back(Entry);
  }
}

std::vector<std::string> splitNameList(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  List.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!Part.empty())
      Result.push_back(Part.str());
  }
  return Result;
}

std::string joinNameList(llvm::ArrayRef<std::string> Names) {
  return llvm::join(Names, ";");
}

bool globMatches(llvm::StringRef Pattern, llvm::StringRef Name) {
  // Iterative wildcard matching with backtracking to the last '*'.
  size_t P = 0, N = 0, StarP = llvm::StringRef::npos, StarN = 0;
  while (N < Name.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      StarP = P++;
      StarN = N;
    } else if (P < Pattern.size() && Pattern[P] == Name[N]) {
      ++P;
      ++N;
    } else if (StarP != llvm::StringRef::npos) {
      P = StarP + 1;
      N = ++StarN;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

std::optional<CheckGlobs> CheckGlobs::parse(llvm::StringRef Globs,
                                            std::string &Error) {
  CheckGlobs Result;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    bool Positive = !Part.consume_front("-");
    Part = Part.trim();
    if (Part.empty()) {
      Error = "empty pattern after '-'";
      return std::nullopt;
    }
    if (Part.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
                               "VWXYZ0123456789-_.*") !=
        llvm::StringRef::npos) {
      Error = ("invalid character in check pattern '" + Part + "'").str();
      return std::nullopt;
    }
    Result.Patterns.push_back({Positive, Part.str()});
  }
  return Result;
}

bool CheckGlobs::contains(llvm::StringRef Name) const {
  for (const Pattern &P : llvm::reverse(Patterns))
    if (globMatches(P.Text, Name))
      return P.Positive;
  return false;
}

std::vector<std::string> CheckGlobs::unmatchedPositivePatterns() const {
  std::vector<std::string> Result;
  for (const Pattern &P : Patterns) {
    if (!P.Positive)
      continue;
    // Patterns for other tools' checks ("clang-analyzer-*", "*") are fine as
    // long as they could match something; only fearless-looking ones that
    // match no fearless check are typos.
    if (!llvm::StringRef(P.Text).starts_with("fearless-"))
      continue;
    bool Any = llvm::any_of(allChecks(), [&](CheckId C) {
      return globMatches(P.Text, checkName(C));
    });
    if (!Any)
      Result.push_back(P.Text);
  }
  return Result;
}

CheckSet CheckGlobs::selectedChecks() const {
  CheckSet S;
  for (CheckId C : allChecks())
    if (contains(checkName(C)))
      S.insert(C);
  return S;
}

} // namespace fearless
