//===- Nolint.cpp - NOLINT comments, as clang-tidy reads them -------------===//

#include "fearless/Nolint.h"
#include "fearless/Options.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace fearless {

namespace {

/// Finds "MARKER" (optionally "MARKER(...)") in \p Line; returns the text in
/// the parentheses through \p Checks. Distinguishes NOLINT from
/// NOLINTNEXTLINE/BEGIN/END.
bool findMarker(llvm::StringRef Line, llvm::StringRef Marker,
                std::string &Checks) {
  size_t Pos = 0;
  while ((Pos = Line.find(Marker, Pos)) != llvm::StringRef::npos) {
    llvm::StringRef Rest = Line.substr(Pos + Marker.size());
    Pos += Marker.size();
    // NOLINT must not be a prefix of NOLINTNEXTLINE etc.
    if (!Rest.empty() && (llvm::isAlnum(Rest[0]) || Rest[0] == '_'))
      continue;
    Checks.clear();
    if (Rest.consume_front("(")) {
      size_t Close = Rest.find(')');
      if (Close == llvm::StringRef::npos)
        continue;
      Checks = Rest.substr(0, Close).str();
      if (llvm::StringRef(Checks).trim().empty())
        Checks = "-"; // NOLINT() selects nothing
    }
    return true;
  }
  return false;
}

llvm::StringRef lineAt(llvm::StringRef Buffer, unsigned Offset) {
  // rfind looks at the characters before Offset only.
  size_t Begin = Buffer.rfind('\n', Offset);
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  size_t End = Buffer.find('\n', Offset);
  if (End == llvm::StringRef::npos)
    End = Buffer.size();
  return Buffer.slice(Begin, End);
}

} // namespace

bool nolintSelects(llvm::StringRef Parenthesized, llvm::StringRef CheckName) {
  if (Parenthesized.empty())
    return true;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Parenthesized.split(Parts, ',');
  for (llvm::StringRef P : Parts) {
    P = P.trim();
    if (!P.empty() && globMatches(P, CheckName))
      return true;
  }
  return false;
}

const std::vector<NolintFilter::Region> &NolintFilter::regionsOf(FileID FID) {
  auto It = Regions.find(FID);
  if (It != Regions.end())
    return It->second;
  std::vector<Region> &Out = Regions[FID];
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid || Buffer.find("NOLINTBEGIN") == llvm::StringRef::npos)
    return Out;
  // Open regions by their check list, closed by a matching NOLINTEND.
  std::vector<std::pair<unsigned, std::string>> Open;
  size_t LineStart = 0;
  while (LineStart <= Buffer.size()) {
    size_t LineEnd = Buffer.find('\n', LineStart);
    if (LineEnd == llvm::StringRef::npos)
      LineEnd = Buffer.size();
    llvm::StringRef Line = Buffer.slice(LineStart, LineEnd);
    std::string Checks;
    if (findMarker(Line, "NOLINTBEGIN", Checks))
      Open.push_back({unsigned(LineStart), Checks});
    else if (findMarker(Line, "NOLINTEND", Checks)) {
      for (auto R = Open.rbegin(); R != Open.rend(); ++R)
        if (R->second == Checks) {
          Out.push_back({R->first, unsigned(LineEnd), Checks});
          Open.erase(std::next(R).base());
          break;
        }
    }
    if (LineEnd == Buffer.size())
      break;
    LineStart = LineEnd + 1;
  }
  return Out;
}

bool NolintFilter::isSuppressed(llvm::StringRef CheckName, SourceLocation Loc) {
  if (Loc.isInvalid())
    return false;
  Loc = SM.getExpansionLoc(Loc);
  auto [FID, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
  if (Invalid || Buffer.find("NOLINT") == llvm::StringRef::npos)
    return false;
  std::string Checks;
  llvm::StringRef Line = lineAt(Buffer, Offset);
  if (findMarker(Line, "NOLINT", Checks) && nolintSelects(Checks, CheckName))
    return true;
  size_t LineBegin = Line.data() - Buffer.data();
  if (LineBegin > 0) {
    llvm::StringRef Previous = lineAt(Buffer, LineBegin - 1);
    if (findMarker(Previous, "NOLINTNEXTLINE", Checks) &&
        nolintSelects(Checks, CheckName))
      return true;
  }
  for (const Region &R : regionsOf(FID))
    if (Offset >= R.BeginOffset && Offset <= R.EndOffset &&
        nolintSelects(R.Checks, CheckName))
      return true;
  return false;
}

} // namespace fearless
