//===- Finding.h - Findings as plain data -----------------------*- C++ -*-===//
//
// The analysis core reports what it finds as plain data: which check, where,
// which message with which arguments, the notes at every other place involved
// and the fix-its. It never sees a DiagnosticsEngine; each front-end renders
// findings its own way (plugin, clang-tidy, clangd, fearless-check).
//
//===----------------------------------------------------------------------===//

#ifndef FEARLESS_FINDING_H
#define FEARLESS_FINDING_H

#include "clang/AST/Type.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <bitset>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace clang {
class NamedDecl;
class SourceManager;
} // namespace clang

namespace fearless {

/// The checks, in the order of Checks.def.
enum class CheckId : unsigned {
#define FEARLESS_CHECK(Id, Name, Class, Summary) Id,
#include "fearless/Checks.def"
};

/// Number of checks in Checks.def.
constexpr unsigned NumChecks = 0
#define FEARLESS_CHECK(Id, Name, Class, Summary) +1
#include "fearless/Checks.def"
    ;

/// All check ids in Checks.def order.
llvm::ArrayRef<CheckId> allChecks();

/// The check's name without the "fearless-" prefix ("escaping-borrow").
llvm::StringRef checkShortName(CheckId Check);

/// The check's full name ("fearless-escaping-borrow").
llvm::StringRef checkName(CheckId Check);

/// One-line description of the check.
llvm::StringRef checkSummary(CheckId Check);

/// The URL of the check's documentation page under \p DocsRoot (the URL of
/// the docs/ folder: installed, in a source tree or on the web).
std::string checkDocsURL(CheckId Check, llvm::StringRef DocsRoot);

/// Looks up a check by its full name.
std::optional<CheckId> checkByName(llvm::StringRef FullName);

/// A set of checks.
class CheckSet {
public:
  static CheckSet all() {
    CheckSet S;
    S.Bits.set();
    return S;
  }
  void insert(CheckId C) { Bits.set(static_cast<unsigned>(C)); }
  void erase(CheckId C) { Bits.reset(static_cast<unsigned>(C)); }
  bool contains(CheckId C) const { return Bits.test(static_cast<unsigned>(C)); }
  bool empty() const { return Bits.none(); }
  bool operator==(const CheckSet &O) const { return Bits == O.Bits; }

private:
  std::bitset<NumChecks> Bits;
};

/// Every message fearless can print, from Messages.def.
enum class MessageId : unsigned {
#define FEARLESS_WARNING(Id, Format) Id,
#define FEARLESS_NOTE(Id, Format) Id,
#include "fearless/Messages.def"
};

/// The Clang format string of a message ("thread may outlive %0, ...").
llvm::StringRef messageFormat(MessageId Id);

/// Whether the message is a note (otherwise it is a finding's primary
/// message).
bool isNoteMessage(MessageId Id);

/// Whether the note says what the finding's fix-it does ("capture 'v' by
/// copy ..."): a note whose Messages.def id ends in "Fix". Editors show it as
/// the fix-it's title.
bool describesFixIt(MessageId Id);

/// An argument of a message: a plain string (printed as is), a type (printed
/// quoted, with "aka"), a declaration (printed quoted) or a number.
using MessageArg =
    std::variant<std::string, clang::QualType, const clang::NamedDecl *, int>;

/// A message and its arguments.
struct Message {
  MessageId Id;
  llvm::SmallVector<MessageArg, 3> Args;
};

/// A replacement of source text.
struct FixIt {
  clang::CharSourceRange Range;
  std::string Replacement;
};

/// A secondary location of a finding ("'v' is borrowed here").
struct Note {
  clang::SourceLocation Loc;
  clang::SourceRange Range;
  Message Msg;
  std::vector<FixIt> FixIts;
};

/// One finding: a check's report at one place, with its notes.
struct Finding {
  CheckId Check;
  clang::SourceLocation Loc;
  clang::SourceRange Range;
  Message Msg;
  std::vector<FixIt> FixIts;
  std::vector<Note> Notes;
  /// The object whose unsynchronized sharing with the thread spawned at
  /// SharedWith this finding is about (a variable, or the spawning function
  /// for *this): set by fearless-sync, and by fearless-data-race for a race
  /// on a mutable field. A race on a mutable cache and the sync report of
  /// its object are one bug: the session keeps the sync report only.
  const void *SharedObject = nullptr;
  clang::SourceLocation SharedWith;

  /// Adds a note; returns it so that fix-its can be attached.
  Note &note(clang::SourceLocation Loc, MessageId Id,
             std::initializer_list<MessageArg> Args = {},
             clang::SourceRange Range = {});
};

/// Creates a finding with its primary message.
Finding makeFinding(CheckId Check, clang::SourceLocation Loc, MessageId Id,
                    std::initializer_list<MessageArg> Args = {},
                    clang::SourceRange Range = {});

/// Receives the findings of an analysis, sorted by location.
class FindingConsumer {
public:
  virtual ~FindingConsumer();
  /// Called once per finding, in source order.
  virtual void consume(const Finding &F) = 0;
};

} // namespace fearless

#endif // FEARLESS_FINDING_H
