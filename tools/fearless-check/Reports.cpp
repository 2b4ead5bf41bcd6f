//===- Reports.cpp - SARIF and fix-its export of fearless-check -----------===//

#include "Reports.h"
#include "ToolSupport.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/YAMLTraits.h"

using namespace clang;
namespace json = llvm::json;

namespace fearless::tools {

namespace {

/// The Checks.def enumerator of a check ("EscapingBorrow"): SARIF's rule
/// name, an identifier-like word.
llvm::StringRef checkIdentifier(CheckId C) {
  switch (C) {
#define FEARLESS_CHECK(Id, Name, Class, Summary)                               \
  case CheckId::Id:                                                            \
    return #Id;
#include "fearless/Checks.def"
  }
  return "";
}

/// Calls \p Fn for each finding of \p Results once: a finding in a header
/// shared by several translation units is reported by each of them.
template <typename Fn>
void forEachUniqueFinding(llvm::ArrayRef<const FileResult *> Results, Fn F) {
  llvm::StringSet<> Seen;
  for (const FileResult *R : Results)
    for (const ReportedFinding &Finding : R->Findings) {
      std::string Key = checkName(Finding.Check).str() + "\n" +
                        Finding.Primary.Where.File + "\n" +
                        std::to_string(Finding.Primary.Where.Offset) + "\n" +
                        Finding.Primary.Text;
      if (Seen.insert(Key).second)
        F(*R, Finding);
    }
}

/// SARIF message text with embedded links treats '[' and ']' as markup; a
/// literal one is written "\[" (SARIF 2.1.0, 3.11.6).
std::string escapeBrackets(llvm::StringRef Text) {
  std::string Result;
  for (char C : Text) {
    if (C == '[' || C == ']')
      Result += '\\';
    Result += C;
  }
  return Result;
}

class SarifWriter {
public:
  explicit SarifWriter(const SarifOptions &Options) : Options(Options) {
    llvm::SmallString<256> Root(Options.SourceRoot);
    llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
    SourceRoot = std::string(Root);
  }

  json::Object artifact(llvm::StringRef File) const {
    llvm::StringRef Rel = File;
    if (!SourceRoot.empty() && Rel.consume_front(SourceRoot) &&
        (Rel.consume_front("/") || SourceRoot.back() == '/'))
      return json::Object{
          // fileURL() percent-encodes; drop its scheme for a relative URI.
          {"uri", llvm::StringRef(fileURL(Rel)).drop_front(7).str()},
          {"uriBaseId", "%SRCROOT%"}};
    return json::Object{{"uri", fileURL(File)}};
  }

  json::Object physicalLocation(const ReportedMessage &M) const {
    json::Object Region{{"startLine", M.Where.Line},
                        {"startColumn", M.Where.Column}};
    if (M.End.Line) {
      Region["endLine"] = M.End.Line;
      Region["endColumn"] = M.End.Column;
    }
    return json::Object{{"artifactLocation", artifact(M.Where.File)},
                        {"region", std::move(Region)}};
  }

  json::Array fixes(const ReportedMessage &M, llvm::StringRef Description) {
    json::Array Result;
    if (M.Edits.empty())
      return Result;
    // One artifactChange per file, in the order the edits come.
    json::Array Changes;
    std::vector<std::string> Files;
    for (const Edit &E : M.Edits)
      if (!llvm::is_contained(Files, E.Begin.File))
        Files.push_back(E.Begin.File);
    for (const std::string &File : Files) {
      json::Array Replacements;
      for (const Edit &E : M.Edits) {
        if (E.Begin.File != File)
          continue;
        Replacements.push_back(json::Object{
            {"deletedRegion", json::Object{{"startLine", E.Begin.Line},
                                           {"startColumn", E.Begin.Column},
                                           {"endLine", E.End.Line},
                                           {"endColumn", E.End.Column}}},
            {"insertedContent",
             json::Object{
                 {"text", E.Replacement.getReplacementText().str()}}}});
      }
      Changes.push_back(
          json::Object{{"artifactLocation", artifact(File)},
                       {"replacements", std::move(Replacements)}});
    }
    Result.push_back(
        json::Object{{"description", json::Object{{"text", Description}}},
                     {"artifactChanges", std::move(Changes)}});
    return Result;
  }

  json::Object result(const ReportedFinding &F) {
    // Code scanning shows a related location only where the result's message
    // links to it, "[text](id)"; so each note with a place is embedded as
    // such a link after the message (brackets in the texts escaped).
    std::string Text = escapeBrackets(F.Primary.Text);
    std::string Links;
    int64_t Id = 1;
    for (const ReportedMessage &N : F.Notes) {
      if (N.Where.Line)
        Links +=
            (Links.empty() ? "" : ", ") +
            ("[" + escapeBrackets(N.Text) + "](" + std::to_string(Id) + ")");
      ++Id;
    }
    if (!Links.empty())
      Text += " (" + Links + ")";
    json::Object R{
        {"ruleId", checkName(F.Check)},
        {"ruleIndex", static_cast<int64_t>(F.Check)},
        {"level", F.IsError ? "error" : "warning"},
        {"message", json::Object{{"text", Text}}},
    };
    if (F.Primary.Where.Line)
      R["locations"] = json::Array{
          json::Object{{"physicalLocation", physicalLocation(F.Primary)}}};
    json::Array Related;
    json::Array Fixes = fixes(F.Primary, F.Primary.Text);
    Id = 1;
    for (const ReportedMessage &N : F.Notes) {
      json::Object Loc{{"id", Id++},
                       {"message", json::Object{{"text", N.Text}}}};
      if (N.Where.Line)
        Loc["physicalLocation"] = physicalLocation(N);
      Related.push_back(std::move(Loc));
      for (json::Value &Fix : fixes(N, N.Text))
        Fixes.push_back(std::move(Fix));
    }
    if (!Related.empty())
      R["relatedLocations"] = std::move(Related);
    if (!Fixes.empty())
      R["fixes"] = std::move(Fixes);
    return R;
  }

  json::Array rules() const {
    json::Array Rules;
    for (CheckId C : allChecks()) {
      std::string Help = checkDocsURL(C, Options.DocsRoot);
      Rules.push_back(json::Object{
          {"id", checkName(C)},
          {"name", checkIdentifier(C)},
          {"shortDescription", json::Object{{"text", checkSummary(C)}}},
          {"fullDescription", json::Object{{"text", checkSummary(C)}}},
          {"helpUri", Help},
          {"help", json::Object{{"text", (checkSummary(C) + ". See " + Help +
                                          " for what the check reports, how "
                                          "to fix it and how to silence it.")
                                             .str()}}},
          {"defaultConfiguration", json::Object{{"level", "warning"}}},
          {"properties",
           json::Object{{"tags", json::Array{"concurrency", "correctness"}},
                        {"precision", "high"},
                        {"problem.severity", "warning"}}},
      });
    }
    return Rules;
  }

  json::Value log(llvm::ArrayRef<const FileResult *> Results) {
    json::Array SarifResults;
    forEachUniqueFinding(Results,
                         [&](const FileResult &, const ReportedFinding &F) {
                           SarifResults.push_back(result(F));
                         });
    json::Array Notifications;
    bool Successful = true;
    for (const FileResult *R : Results) {
      if (!R->Failed)
        continue;
      Successful = false;
      Notifications.push_back(json::Object{
          {"level", "error"},
          {"message", json::Object{{"text", "could not analyse " + R->File +
                                                ": " + R->Problem}}},
          {"locations",
           json::Array{json::Object{
               {"physicalLocation",
                json::Object{{"artifactLocation", artifact(R->File)}}}}}}});
    }
    json::Object Invocation{{"executionSuccessful", Successful}};
    if (!Notifications.empty())
      Invocation["toolExecutionNotifications"] = std::move(Notifications);
    json::Object Run{
        {"tool",
         json::Object{
             {"driver", json::Object{{"name", "fearless"},
                                     {"fullName", "fearless-check"},
                                     {"version", Options.ToolVersion},
                                     {"semanticVersion", Options.ToolVersion},
                                     {"informationUri", Options.DocsRoot},
                                     {"rules", rules()}}}}},
        {"invocations", json::Array{std::move(Invocation)}},
        {"results", std::move(SarifResults)},
    };
    if (!SourceRoot.empty()) {
      std::string RootURL = fileURL(SourceRoot);
      if (!llvm::StringRef(RootURL).ends_with("/"))
        RootURL += "/";
      Run["originalUriBaseIds"] =
          json::Object{{"%SRCROOT%", json::Object{{"uri", RootURL}}}};
    }
    return json::Object{
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", json::Array{std::move(Run)}},
    };
  }

private:
  const SarifOptions &Options;
  std::string SourceRoot;
};

tooling::DiagnosticMessage toolingMessage(const ReportedMessage &M) {
  tooling::DiagnosticMessage Result;
  Result.Message = M.Text;
  Result.FilePath = M.Where.File;
  Result.FileOffset = M.Where.Offset;
  for (const Edit &E : M.Edits)
    // Overlapping edits cannot come from one finding; should they, keeping
    // the first is what clang-tidy does too.
    llvm::consumeError(
        Result.Fix[E.Replacement.getFilePath()].add(E.Replacement));
  return Result;
}

} // namespace

void writeSarif(llvm::raw_ostream &OS,
                llvm::ArrayRef<const FileResult *> Results,
                const SarifOptions &Options) {
  SarifWriter Writer(Options);
  OS << llvm::formatv("{0:2}", Writer.log(Results)) << "\n";
}

void writeFixes(llvm::raw_ostream &OS,
                llvm::ArrayRef<const FileResult *> Results) {
  tooling::TranslationUnitDiagnostics TUD;
  forEachUniqueFinding(Results,
                       [&](const FileResult &R, const ReportedFinding &F) {
                         tooling::Diagnostic D;
                         D.DiagnosticName = checkName(F.Check).str();
                         D.Message = toolingMessage(F.Primary);
                         for (const ReportedMessage &N : F.Notes)
                           D.Notes.push_back(toolingMessage(N));
                         D.DiagLevel = F.IsError ? tooling::Diagnostic::Error
                                                 : tooling::Diagnostic::Warning;
                         D.BuildDirectory = R.Directory;
                         TUD.Diagnostics.push_back(std::move(D));
                       });
  if (!Results.empty())
    TUD.MainSourceFile = Results.front()->File;
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
}

} // namespace fearless::tools
