//===- Finding.cpp - Findings as plain data -------------------------------===//

#include "fearless/Finding.h"
#include "llvm/ADT/StringRef.h"
#include <string_view>

namespace fearless {

namespace {
struct CheckInfo {
  CheckId Id;
  llvm::StringRef Name;
  llvm::StringRef Summary;
};

constexpr CheckInfo Checks[] = {
#define FEARLESS_CHECK(Id, Name, Class, Summary)                               \
  {CheckId::Id, "fearless-" Name, Summary},
#include "fearless/Checks.def"
};

constexpr CheckId CheckIds[] = {
#define FEARLESS_CHECK(Id, Name, Class, Summary) CheckId::Id,
#include "fearless/Checks.def"
};

/// Whether a Messages.def id names a note that describes a fix-it.
constexpr bool endsInFix(std::string_view Id) {
  return Id.size() >= 3 && Id.substr(Id.size() - 3) == "Fix";
}

struct MessageInfo {
  llvm::StringRef Format;
  bool IsNote;
  /// The note's id ends in "Fix" (Messages.def's convention).
  bool DescribesFixIt;
};

constexpr MessageInfo Messages[] = {
#define FEARLESS_WARNING(Id, Format) {Format, false, false},
#define FEARLESS_NOTE(Id, Format) {Format, true, endsInFix(#Id)},
#include "fearless/Messages.def"
};
} // namespace

llvm::ArrayRef<CheckId> allChecks() { return CheckIds; }

llvm::StringRef checkName(CheckId Check) {
  return Checks[static_cast<unsigned>(Check)].Name;
}

llvm::StringRef checkShortName(CheckId Check) {
  return checkName(Check).drop_front(llvm::StringRef("fearless-").size());
}

llvm::StringRef checkSummary(CheckId Check) {
  return Checks[static_cast<unsigned>(Check)].Summary;
}

std::string checkDocsURL(CheckId Check, llvm::StringRef DocsRoot) {
  DocsRoot.consume_back("/");
  return (DocsRoot + "/checks/" + checkShortName(Check) + ".md").str();
}

std::optional<CheckId> checkByName(llvm::StringRef FullName) {
  for (const CheckInfo &C : Checks)
    if (C.Name == FullName)
      return C.Id;
  return std::nullopt;
}

llvm::StringRef messageFormat(MessageId Id) {
  return Messages[static_cast<unsigned>(Id)].Format;
}

bool isNoteMessage(MessageId Id) {
  return Messages[static_cast<unsigned>(Id)].IsNote;
}

bool describesFixIt(MessageId Id) {
  return Messages[static_cast<unsigned>(Id)].DescribesFixIt;
}

Note &Finding::note(clang::SourceLocation Loc, MessageId Id,
                    std::initializer_list<MessageArg> Args,
                    clang::SourceRange Range) {
  Notes.push_back(Note{Loc, Range, Message{Id, Args}, {}});
  return Notes.back();
}

Finding makeFinding(CheckId Check, clang::SourceLocation Loc, MessageId Id,
                    std::initializer_list<MessageArg> Args,
                    clang::SourceRange Range) {
  Finding F;
  F.Check = Check;
  F.Loc = Loc;
  F.Range = Range;
  F.Msg = Message{Id, Args};
  return F;
}

FindingConsumer::~FindingConsumer() = default;

} // namespace fearless
