//===- DocLinkFilter.cpp - Our docs links in clangd's LSP output ----------===//

#include "DocLinkFilter.h"
#include "fearless/Finding.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace fearless::clangd {

namespace {

constexpr llvm::StringLiteral Header = "Content-Length:";
/// The part of clangd's link that all fearless links share; a body without
/// it is passed on without a closer look.
constexpr llvm::StringLiteral LinkStem =
    "clang.llvm.org/extra/clang-tidy/checks/fearless/";

std::string jsonString(llvm::StringRef S) {
  std::string Result;
  llvm::raw_string_ostream OS(Result);
  OS << llvm::json::Value(S.str());
  return Result;
}

} // namespace

DocLinkFilter::DocLinkFilter(llvm::StringRef DocsRoot,
                             llvm::function_ref<void(llvm::StringRef)> Write)
    : Write(Write) {
  for (CheckId C : allChecks()) {
    // What getDiagnosticDocURI makes of "fearless-<check>": the module is
    // the name up to the first '-', the check the rest.
    std::string Theirs =
        ("https://" + LinkStem + checkShortName(C) + ".html").str();
    Links.emplace_back(jsonString(Theirs),
                       jsonString(checkDocsURL(C, DocsRoot)));
  }
}

std::string DocLinkFilter::rewriteBody(llvm::StringRef Body) const {
  if (!Body.contains(LinkStem))
    return Body.str();
  std::string Result;
  Result.reserve(Body.size());
  while (!Body.empty()) {
    size_t Best = llvm::StringRef::npos;
    const std::pair<std::string, std::string> *Match = nullptr;
    for (const auto &Link : Links) {
      size_t At = Body.find(Link.first);
      if (At < Best) {
        Best = At;
        Match = &Link;
      }
    }
    if (!Match) {
      Result += Body;
      break;
    }
    Result += Body.take_front(Best);
    Result += Match->second;
    Body = Body.drop_front(Best + Match->first.size());
  }
  return Result;
}

void DocLinkFilter::feed(llvm::StringRef Data) {
  Pending.append(Data.begin(), Data.end());
  drain(/*AtEnd=*/false);
}

void DocLinkFilter::finish() {
  drain(/*AtEnd=*/true);
  if (!Pending.empty())
    Write(Pending);
  Pending.clear();
}

void DocLinkFilter::drain(bool AtEnd) {
  size_t Pos = 0;
  llvm::StringRef Buf(Pending);
  while (Pos < Buf.size()) {
    llvm::StringRef Rest = Buf.drop_front(Pos);
    if (Rest.starts_with(Header)) {
      size_t HeaderEnd = Rest.find("\r\n\r\n");
      if (HeaderEnd == llvm::StringRef::npos)
        break; // the header is not complete yet
      llvm::StringRef Headers = Rest.take_front(HeaderEnd);
      size_t Length = 0;
      bool Parsed = false;
      llvm::SmallVector<llvm::StringRef, 2> Lines;
      Headers.split(Lines, "\r\n");
      for (llvm::StringRef Line : Lines)
        if (Line.consume_front(Header))
          Parsed = !Line.trim().getAsInteger(10, Length);
      if (!Parsed) {
        // Not a header we understand: pass it on untouched.
        Write(Rest.take_front(HeaderEnd + 4));
        Pos += HeaderEnd + 4;
        continue;
      }
      size_t Total = HeaderEnd + 4 + Length;
      if (Rest.size() < Total)
        break; // the body is not complete yet
      std::string Body = rewriteBody(Rest.substr(HeaderEnd + 4, Length));
      std::string Out;
      // Other header lines (clangd writes none) are kept as they were.
      for (llvm::StringRef Line : Lines) {
        if (Line.starts_with(Header))
          Out += (Header + " " + std::to_string(Body.size())).str();
        else
          Out += Line.str();
        Out += "\r\n";
      }
      Out += "\r\n";
      Out += Body;
      Write(Out);
      Pos += Total;
      continue;
    }
    // Not (yet) a message. A short piece may still become a header.
    if (!AtEnd && Rest.size() < Header.size() && Header.starts_with(Rest))
      break;
    size_t LineEnd = Rest.find('\n');
    if (LineEnd == llvm::StringRef::npos) {
      // Text without a newline yet: written now, so that partial lines are
      // not held back.
      Write(Rest);
      Pos = Buf.size();
      break;
    }
    Write(Rest.take_front(LineEnd + 1));
    Pos += LineEnd + 1;
  }
  Pending.erase(0, Pos);
}

} // namespace fearless::clangd
