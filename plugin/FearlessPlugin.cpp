//===- FearlessPlugin.cpp - The compiler plugin front-end -----------------===//
//
// clang++ -fplugin=fearless.so [-fplugin-arg-fearless-<arg>]...
//
// Runs the analysis alongside the compile (after the main action, so the
// object file is produced as usual) and renders its findings as clang
// diagnostics. Arguments:
//   checks=<globs>        clang-tidy style check selection
//   warnings-as-errors=<globs>
//                         the checks whose findings are errors, whatever
//                         -Werror says (clang-tidy's WarningsAsErrors)
//   werror                findings are errors (warnings-as-errors=fearless-*)
//   <Option>=<a;b;c>      a model option (SpawnFunctions, JoinFunctions, ...)
//   dump=<what>           print internal facts to stderr (for tests)
//   verify-config         warn about each model option name that matches no
//                         function declared in the translation unit
//   version               print fearless's version and the Clang it was
//                         built for, to stdout
// Anything else is an error: clang silently skips a plugin whose argument
// parsing fails, so fearless reports the error itself.
//
//===----------------------------------------------------------------------===//

#include "fearless/Analysis.h"
#include "fearless/DiagnosticRenderer.h"
#include "fearless/ModelNames.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Version.inc"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

#ifndef FEARLESS_VERSION
#error "the build defines FEARLESS_VERSION"
#endif

namespace fearless {
namespace {

class FearlessConsumer : public ASTConsumer {
public:
  FearlessConsumer(CompilerInstance &CI, AnalysisOptions Options,
                   std::optional<CheckSet> ErrorChecks, bool VerifyConfig)
      : CI(CI), Options(std::move(Options)), ErrorChecks(ErrorChecks),
        VerifyConfig(VerifyConfig) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    if (Diags.hasFatalErrorOccurred())
      return;
    // All of fearless's time, including tearing its caches down, shows under
    // this scope in -ftime-trace (bench/overhead reads it).
    llvm::TimeTraceScope Scope("fearless plugin");
    Session S(Ctx, Options);
    S.analyzeTranslationUnit();
    DiagnosticRenderer Renderer(Diags, Ctx.getSourceManager(), ErrorChecks);
    S.flush(Renderer);
    if (VerifyConfig)
      for (const ModelName &N : unmatchedModelNames(Ctx, Options.Model)) {
        unsigned ID = Diags.getDiagnosticIDs()->getCustomDiagID(
            DiagnosticIDs::CustomDiagDesc(
                diag::Severity::Warning,
                "fearless: '%0' in %1 names no function declared in this "
                "translation unit",
                DiagnosticIDs::CLASS_WARNING));
        Diags.Report(ID) << N.Name << N.Option;
      }
  }

private:
  CompilerInstance &CI;
  AnalysisOptions Options;
  std::optional<CheckSet> ErrorChecks;
  bool VerifyConfig;
};

class FearlessAction : public PluginASTAction {
public:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<FearlessConsumer>(CI, Options, ErrorChecks,
                                              VerifyConfig);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    auto Error = [&](const std::string &Text) {
      unsigned ID = Diags.getDiagnosticIDs()->getCustomDiagID(
          DiagnosticIDs::CustomDiagDesc(diag::Severity::Error, "fearless: %0",
                                        DiagnosticIDs::CLASS_ERROR));
      Diags.Report(ID) << Text;
      return false;
    };
    for (const std::string &Arg : Args) {
      auto [Name, Value] = llvm::StringRef(Arg).split('=');
      bool HasValue = llvm::StringRef(Arg).contains('=');
      if (Name == "werror") {
        if (HasValue)
          return Error("argument 'werror' takes no value (use "
                       "-fplugin-arg-fearless-werror)");
        ErrorChecks = CheckSet::all();
        continue;
      }
      if (Name == "checks" || Name == "warnings-as-errors") {
        std::string Problem;
        auto Globs = CheckGlobs::parse(Value, Problem);
        if (!Globs)
          return Error("invalid check list '" + Value.str() +
                       "' in -fplugin-arg-fearless-" + Name.str() + ": " +
                       Problem);
        for (const std::string &Unknown : Globs->unmatchedPositivePatterns())
          return Error("unknown check '" + Unknown +
                       "' in -fplugin-arg-fearless-" + Name.str() +
                       "; known checks: " + knownChecks());
        if (Name == "checks")
          Options.Enabled = Globs->selectedChecks();
        else
          ErrorChecks = Globs->selectedChecks();
        continue;
      }
      if (Name == "verify-config" && !HasValue) {
        VerifyConfig = true;
        continue;
      }
      if (Name == "version" && !HasValue) {
        llvm::outs()
            << "fearless " FEARLESS_VERSION
               " (compiler plugin, built for Clang " CLANG_VERSION_STRING ")\n";
        llvm::outs().flush();
        continue;
      }
      if (Name == "dump") {
        if (Value != "threads" && Value != "concurrency" &&
            Value != "coroutines")
          return Error("unknown dump '" + Value.str() +
                       "' (known: threads, concurrency, coroutines)");
        Options.Dump.push_back(Value.str());
        continue;
      }
      if (std::vector<std::string> *List = Options.Model.byName(Name)) {
        if (!HasValue || Value.trim().empty())
          return Error("argument '" + Name.str() +
                       "' needs a ';'-separated list of qualified names");
        for (std::string &Entry : splitNameList(Value))
          List->push_back(std::move(Entry));
        continue;
      }
      return Error(
          "unknown argument '" + Arg +
          "'; known arguments: checks=<globs>, "
          "warnings-as-errors=<globs>, werror, dump=threads|concurrency, "
          "verify-config, version, " +
          llvm::join(ModelOptions::names(), "=<names>, ") + "=<names>");
    }
    return true;
  }

  ActionType getActionType() override { return AddAfterMainAction; }

private:
  static std::string knownChecks() {
    std::string Result;
    for (CheckId C : allChecks()) {
      if (!Result.empty())
        Result += ", ";
      Result += checkName(C).str();
    }
    return Result;
  }

  AnalysisOptions Options;
  /// Set by werror and warnings-as-errors (the last one given wins).
  std::optional<CheckSet> ErrorChecks;
  bool VerifyConfig = false;
};

} // namespace
} // namespace fearless

static clang::FrontendPluginRegistry::Add<fearless::FearlessAction>
    RegisterFearless("fearless",
                     "fearless concurrency: thread lifetimes, moves, "
                     "Send/Sync and data races");
