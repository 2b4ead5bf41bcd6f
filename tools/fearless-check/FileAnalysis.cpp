//===- FileAnalysis.cpp - One translation unit through fearless -----------===//

#include "FileAnalysis.h"
#include "ToolSupport.h"
#include "fearless/Analysis.h"
#include "fearless/DiagnosticRenderer.h"
#include "fearless/ModelNames.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>

using namespace clang;

namespace fearless::tools {

namespace {

/// The absolute, dot-free form of \p Path, relative paths taken from
/// \p Directory (the compile command's working directory).
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Result;
  if (llvm::sys::path::is_absolute(Path)) {
    Result = Path;
  } else {
    Result = Directory;
    llvm::sys::path::append(Result, Path);
  }
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

/// Receives every diagnostic of one file. Outside of the findings it keeps
/// the compiler's errors (a file that does not compile is a tool error) and
/// drops its warnings (this tool reports findings, not the project's
/// warnings). The findings it renders as text and records as plain data.
class FileDiagnostics : public DiagnosticConsumer {
public:
  FileDiagnostics(FileResult &Result, bool Color)
      : Result(Result), TextStream(Result.Text),
        Printer(TextStream, PrinterOptions) {
    PrinterOptions.ShowColors = Color;
    if (Color)
      TextStream.enable_colors(true);
  }

  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    LangOpts = LO;
    Printer.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Printer.EndSourceFile(); }

  /// Diagnostics from now on belong to findings, until endFindings().
  void beginFindings() { InFindings = true; }
  void endFindings() {
    InFindings = false;
    Current.reset();
  }
  /// The check of the finding being rendered.
  void setCurrentCheck(CheckId C) { Current = C; }

  /// The compiler reported an error (outside of the findings).
  bool sawCompileError() const { return CompileError; }
  /// A finding was rendered.
  bool sawFinding() const { return !Result.Findings.empty(); }

  // Deliberately not calling DiagnosticConsumer::HandleDiagnostic: its
  // counters would make the compiler print "N warnings generated." to stderr
  // from every thread.
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    if (!InFindings) {
      if (Level == DiagnosticsEngine::Note) {
        if (ForwardNotes)
          Printer.HandleDiagnostic(Level, Info);
        return;
      }
      ForwardNotes = Level >= DiagnosticsEngine::Error;
      if (ForwardNotes) {
        CompileError = true;
        Printer.HandleDiagnostic(Level, Info);
      }
      return;
    }
    Printer.HandleDiagnostic(Level, Info);
    if (!Current)
      return;
    if (Level == DiagnosticsEngine::Note) {
      if (!Result.Findings.empty())
        Result.Findings.back().Notes.push_back(record(Info, false));
      return;
    }
    ReportedFinding F;
    F.Check = *Current;
    F.IsError = Level >= DiagnosticsEngine::Error;
    F.Primary = record(Info, true);
    Result.Findings.push_back(std::move(F));
  }

private:
  Position position(const SourceManager &SM, SourceLocation Loc) {
    Position P;
    Loc = SM.getFileLoc(Loc);
    // The file's own lines (not #line's): the fix-its export needs offsets
    // into the real file.
    PresumedLoc PL = SM.getPresumedLoc(Loc, /*UseLineDirectives=*/false);
    if (PL.isInvalid())
      return P;
    P.File = absolutePath(PL.getFilename(), Result.Directory);
    P.Line = PL.getLine();
    P.Column = PL.getColumn();
    P.Offset = SM.getFileOffset(Loc);
    return P;
  }

  /// The end of the message's highlighted range when it covers \p Begin in
  /// the same file, else the end of the token at the message's location.
  Position endOf(const SourceManager &SM, const Diagnostic &Info,
                 const Position &Begin) {
    if (Begin.Line == 0)
      return Begin;
    for (const CharSourceRange &R : Info.getRanges()) {
      CharSourceRange File = Lexer::makeFileCharRange(R, SM, LangOpts);
      if (File.isInvalid())
        continue;
      Position B = position(SM, File.getBegin());
      Position E = position(SM, File.getEnd());
      if (B.File == Begin.File && E.File == Begin.File &&
          B.Offset <= Begin.Offset && E.Offset > Begin.Offset)
        return E;
    }
    SourceLocation Loc = SM.getFileLoc(Info.getLocation());
    SourceLocation TokenEnd = Lexer::getLocForEndOfToken(Loc, 0, SM, LangOpts);
    Position E = TokenEnd.isValid() ? position(SM, TokenEnd) : Position();
    if (E.File != Begin.File || E.Offset <= Begin.Offset) {
      E = Begin;
      ++E.Column;
      ++E.Offset;
    }
    return E;
  }

  ReportedMessage record(const Diagnostic &Info, bool Primary) {
    ReportedMessage M;
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    M.Text = std::string(Text);
    if (Primary) {
      std::string Suffix = " [" + checkName(*Current).str() + "]";
      if (llvm::StringRef(M.Text).ends_with(Suffix))
        M.Text.resize(M.Text.size() - Suffix.size());
    }
    if (!Info.hasSourceManager() || Info.getLocation().isInvalid())
      return M;
    const SourceManager &SM = Info.getSourceManager();
    M.Where = position(SM, Info.getLocation());
    M.End = endOf(SM, Info, M.Where);
    for (const FixItHint &Hint : Info.getFixItHints()) {
      CharSourceRange Range =
          Lexer::makeFileCharRange(Hint.RemoveRange, SM, LangOpts);
      if (Range.isInvalid())
        continue;
      Edit E;
      E.Begin = position(SM, Range.getBegin());
      E.End = position(SM, Range.getEnd());
      if (E.Begin.File.empty() || E.Begin.File != E.End.File)
        continue;
      E.Replacement = tooling::Replacement(E.Begin.File, E.Begin.Offset,
                                           E.End.Offset - E.Begin.Offset,
                                           Hint.CodeToInsert);
      M.Edits.push_back(std::move(E));
    }
    return M;
  }

  FileResult &Result;
  llvm::raw_string_ostream TextStream;
  DiagnosticOptions PrinterOptions;
  TextDiagnosticPrinter Printer;
  LangOptions LangOpts;
  bool InFindings = false;
  bool ForwardNotes = false;
  bool CompileError = false;
  std::optional<CheckId> Current;
};

/// Hands each finding to the renderer, telling the diagnostics sink whose
/// finding it is.
class Tee : public FindingConsumer {
public:
  Tee(DiagnosticRenderer &Renderer, FileDiagnostics &Sink)
      : Renderer(Renderer), Sink(Sink) {}
  void consume(const Finding &F) override {
    Sink.setCurrentCheck(F.Check);
    Renderer.consume(F);
  }

private:
  DiagnosticRenderer &Renderer;
  FileDiagnostics &Sink;
};

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(CompilerInstance &CI, const RunOptions &Options,
                   FileDiagnostics &Sink, std::vector<std::string> &Unmatched)
      : CI(CI), Options(Options), Sink(Sink), Unmatched(Unmatched) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    if (Diags.hasFatalErrorOccurred())
      return;
    Session S(Ctx, Options.Analysis);
    S.analyzeTranslationUnit();
    // The project's warning flags (-w, -Werror, the error limit) are about
    // its compiler warnings; what this tool reports, and how, its own
    // options decide.
    Diags.setIgnoreAllWarnings(false);
    Diags.setWarningsAsErrors(false);
    Diags.setErrorLimit(0);
    DiagnosticRenderer Renderer(Diags, Ctx.getSourceManager(),
                                Options.ErrorChecks);
    Tee T(Renderer, Sink);
    Sink.beginFindings();
    S.flush(T);
    Sink.endFindings();
    if (Options.VerifyConfig)
      for (const ModelName &N :
           unmatchedModelNames(Ctx, Options.Analysis.Model))
        Unmatched.push_back(N.Option + "\n" + N.Name);
  }

private:
  CompilerInstance &CI;
  const RunOptions &Options;
  FileDiagnostics &Sink;
  std::vector<std::string> &Unmatched;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const RunOptions &Options, FileDiagnostics &Sink,
                 std::vector<std::string> &Unmatched)
      : Options(Options), Sink(Sink), Unmatched(Unmatched) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<AnalysisConsumer>(CI, Options, Sink, Unmatched);
  }

private:
  const RunOptions &Options;
  FileDiagnostics &Sink;
  std::vector<std::string> &Unmatched;
};

/// Removes compiler plugins from a compile command: a project built with the
/// fearless plugin would otherwise be analysed twice, and a plugin built for
/// another compiler may not load at all.
tooling::CommandLineArguments
stripPlugins(const tooling::CommandLineArguments &Args, llvm::StringRef) {
  tooling::CommandLineArguments Result;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (A.starts_with("-fplugin=") || A.starts_with("-fplugin-arg-") ||
        A.starts_with("-fpass-plugin="))
      continue;
    // -Xclang -load -Xclang X, -Xclang -add-plugin -Xclang X,
    // -Xclang -plugin-arg-N -Xclang X
    if (A == "-Xclang" && I + 3 < Args.size() && Args[I + 2] == "-Xclang") {
      llvm::StringRef Cc1 = Args[I + 1];
      if (Cc1 == "-load" || Cc1 == "-add-plugin" || Cc1 == "-plugin" ||
          Cc1.starts_with("-plugin-arg-")) {
        I += 3;
        continue;
      }
    }
    Result.push_back(Args[I]);
  }
  return Result;
}

std::vector<std::string> commandLine(const tooling::CompileCommand &Command,
                                     const std::string &File,
                                     const RunOptions &Options) {
  using namespace tooling;
  ArgumentsAdjuster Adjust = combineAdjusters(
      combineAdjusters(getClangStripOutputAdjuster(),
                       getClangSyntaxOnlyAdjuster()),
      combineAdjusters(getClangStripDependencyFileAdjuster(), stripPlugins));
  CommandLineArguments Before = Options.ExtraArgsBefore;
  bool HasResourceDir = false;
  for (const std::string &A : Command.CommandLine)
    if (llvm::StringRef(A).starts_with("-resource-dir"))
      HasResourceDir = true;
  if (!HasResourceDir)
    Before.insert(Before.begin(), "-resource-dir=" + clangResourceDir().str());
  Adjust = combineAdjusters(
      Adjust, getInsertArgumentAdjuster(Before, ArgumentInsertPosition::BEGIN));
  CommandLineArguments After = Options.ExtraArgs;
  // Compiler warnings are not reported; not computing them saves time, and
  // the project's -Werror cannot turn them into errors.
  After.push_back("-Wno-everything");
  Adjust = combineAdjusters(
      Adjust, getInsertArgumentAdjuster(After, ArgumentInsertPosition::END));
  return Adjust(Command.CommandLine, File);
}

} // namespace

FileResult analyzeFile(const std::string &File,
                       const tooling::CompileCommand &Command,
                       const RunOptions &Options) {
  FileResult Result;
  Result.File = File;
  Result.Directory = Command.Directory;

  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      llvm::vfs::createPhysicalFileSystem();
  // Per-file working directory: the process-wide one would race between
  // threads.
  if (std::error_code EC = FS->setCurrentWorkingDirectory(Command.Directory)) {
    Result.Failed = true;
    Result.Problem = "cannot use the compile command's directory '" +
                     Command.Directory + "': " + EC.message();
    return Result;
  }
  auto Files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);

  // A project built with the plugin may configure its model in the compile
  // command; those options hold for this file here too (the plugin itself is
  // stripped from the command).
  RunOptions FileOptions = Options;
  for (llvm::StringRef Arg : Command.CommandLine) {
    if (!Arg.consume_front("-fplugin-arg-fearless-"))
      continue;
    auto [Name, Value] = Arg.split('=');
    if (std::vector<std::string> *List =
            FileOptions.Analysis.Model.byName(Name))
      for (std::string &Entry : splitNameList(Value))
        if (!llvm::is_contained(*List, Entry))
          List->push_back(std::move(Entry));
  }

  FileDiagnostics Sink(Result, FileOptions.Color);
  bool Ran = false;
  {
    tooling::ToolInvocation Invocation(
        commandLine(Command, File, FileOptions),
        std::make_unique<AnalysisAction>(FileOptions, Sink,
                                         Result.UnmatchedNames),
        Files.get());
    Invocation.setDiagnosticConsumer(&Sink);
    llvm::CrashRecoveryContext CRC;
    // A crash in the analysis of one file must not take the others with it.
    if (!CRC.RunSafely([&] { Ran = Invocation.run(); })) {
      Result.Failed = true;
      Result.Problem = "fearless-check crashed while analysing this file";
      return Result;
    }
  }
  if (Sink.sawCompileError()) {
    Result.Failed = true;
    Result.Problem = "the file does not compile";
  } else if (!Ran && !Sink.sawFinding()) {
    // run() also fails when findings are errors (--werror); anything else
    // is a failure to compile that printed no error.
    Result.Failed = true;
    Result.Problem = "the compiler failed on this file";
  }
  return Result;
}

} // namespace fearless::tools
