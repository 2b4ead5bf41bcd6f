//===- FearlessCheck.cpp - The standalone runner for CI -------------------===//
//
// fearless-check [options] [files...] [-- <compile flags>]
//
// Runs the fearless analysis over the files of a compilation database (all of
// them, or the ones named), in parallel, and reports the findings as clang
// style text (the plugin's text), SARIF, or a fix-its file for
// clang-apply-replacements. Exit status: 0 no findings, 1 findings, 2 the tool
// could not do its job (bad arguments, no compilation database, a file that
// does not compile or has no compile command).
//
// Arguments are parsed here rather than with llvm::cl: the options are few,
// the model options come from ModelOptions::names(), and every mistake must
// end in exit status 2 with a clear message.
//
//===----------------------------------------------------------------------===//

#include "FileAnalysis.h"
#include "Reports.h"
#include "ToolSupport.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <condition_variable>
#include <mutex>

using namespace fearless;
using namespace fearless::tools;
using clang::tooling::CompilationDatabase;
using clang::tooling::CompileCommand;

#ifndef FEARLESS_VERSION
#error "the build defines FEARLESS_VERSION"
#endif

namespace {

enum ExitStatus { ExitClean = 0, ExitFindings = 1, ExitToolError = 2 };

enum class Format { Text, Sarif };

struct Config {
  std::string BuildPath;
  std::vector<std::string> Files;
  std::optional<std::vector<std::string>> FixedFlags;
  unsigned Jobs = 0;
  Format OutputFormat = Format::Text;
  std::string OutputFile;
  std::string ExportFixes;
  std::string DocsRoot;
  std::string SourceRoot;
  bool ListChecks = false;
  RunOptions Run;
};

void printHelp(llvm::raw_ostream &OS) {
  OS << "OVERVIEW: fearless-check: Rust's fearless concurrency checks for C "
        "and "
        "C++,\n"
        "          run over a compilation database (for CI and the command "
        "line)\n\n"
        "USAGE: fearless-check [options] [files...] [-- <compile flags>]\n\n"
        "With no files, every file of the compilation database is analysed.\n"
        "After '--', the flags compile every named file (no database).\n\n"
        "OPTIONS:\n"
        "  -p <dir>                  directory of compile_commands.json "
        "(default:\n"
        "                            searched upwards from the first file, "
        "or '.')\n"
        "  -j <n>, --jobs=<n>        files analysed in parallel (default: all "
        "cores)\n"
        "  --checks=<globs>          checks to run, clang-tidy glob syntax\n"
        "                            (default: fearless-*)\n";
  for (llvm::StringRef Name : ModelOptions::names())
    OS << "  --" << Name << "=<names>"
       << std::string(Name.size() < 17 ? 17 - Name.size() : 1, ' ')
       << "';'-separated qualified names (see docs)\n";
  OS << "  --format=text|sarif       output format (default: text)\n"
        "  -o <file>, --output=<file>  write the report there (default: "
        "stdout)\n"
        "  --export-fixes=<file>     write fix-its as YAML for "
        "clang-apply-replacements\n"
        "  --werror                  report findings as errors\n"
        "  --warnings-as-errors=<globs>  report these checks' findings as "
        "errors\n"
        "  --extra-arg=<arg>         add a compiler argument at the end\n"
        "  --extra-arg-before=<arg>  add a compiler argument at the start\n"
        "  --source-root=<dir>       SARIF: URIs relative to <dir> (default: "
        "'.')\n"
        "  --docs-root=<url>         URL of the fearless docs/ folder for "
        "rule links\n"
        "  --verify-config           warn about model option names that "
        "match no\n"
        "                            function declared in any analysed file\n"
        "  --list-checks             print the enabled checks and exit\n"
        "  --version, --help\n\n"
        "EXIT STATUS: 0 no findings, 1 findings, 2 tool error (bad "
        "arguments, a file\n"
        "that does not compile or has no compile command)\n";
}

/// Parses the command line; returns an error message or "" on success.
std::string parseArgs(int Argc, char **Argv, Config &C, bool &Exit) {
  Exit = false;
  std::vector<llvm::StringRef> Args(Argv + 1, Argv + Argc);
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    // Value of "-x v", "-xv", "--x=v" forms.
    auto Value = [&](llvm::StringRef Short, llvm::StringRef Long,
                     std::optional<std::string> &Out) -> std::string {
      if (!Long.empty() && A.consume_front(Long)) {
        if (A.consume_front("="))
          return Out = A.str(), "";
        if (A.empty() && I + 1 < Args.size())
          return Out = Args[++I].str(), "";
        return "option '" + Long.str() + "' needs a value";
      }
      if (!Short.empty() && A.consume_front(Short)) {
        if (!A.empty())
          return Out = A.str(), "";
        if (I + 1 < Args.size())
          return Out = Args[++I].str(), "";
        return "option '" + Short.str() + "' needs a value";
      }
      return "";
    };
    auto Is = [&](llvm::StringRef Short, llvm::StringRef Long) {
      llvm::StringRef Base = A.split('=').first;
      return (!Short.empty() && A.starts_with(Short)) ||
             (!Long.empty() && Base == Long);
    };
    std::optional<std::string> V;
    if (A == "--") {
      C.FixedFlags.emplace();
      for (++I; I < Args.size(); ++I)
        C.FixedFlags->push_back(Args[I].str());
      break;
    }
    if (A == "--help" || A == "-help" || A == "-h") {
      printHelp(llvm::outs());
      Exit = true;
      return "";
    }
    if (A == "--version") {
      llvm::outs() << "fearless-check " FEARLESS_VERSION "\n";
      Exit = true;
      return "";
    }
    if (A == "--list-checks") {
      C.ListChecks = true;
      continue;
    }
    if (A == "--verify-config") {
      C.Run.VerifyConfig = true;
      continue;
    }
    if (A == "--werror") {
      C.Run.ErrorChecks = CheckSet::all();
      continue;
    }
    if (Is("-p", "--build-path")) {
      if (std::string E = Value("-p", "--build-path", V); !E.empty())
        return E;
      C.BuildPath = *V;
      continue;
    }
    if (Is("-j", "--jobs")) {
      if (std::string E = Value("-j", "--jobs", V); !E.empty())
        return E;
      if (llvm::StringRef(*V).getAsInteger(10, C.Jobs))
        return "'-j' needs a number, not '" + *V + "'";
      continue;
    }
    if (Is("-o", "--output")) {
      if (std::string E = Value("-o", "--output", V); !E.empty())
        return E;
      C.OutputFile = *V;
      continue;
    }
    if (A.starts_with("--") && A.contains('=')) {
      auto [Name, Val] = A.drop_front(2).split('=');
      if (Name == "checks" || Name == "warnings-as-errors") {
        std::string Problem;
        std::optional<CheckGlobs> Globs = CheckGlobs::parse(Val, Problem);
        if (!Globs)
          return "invalid check list '" + Val.str() + "' in --" + Name.str() +
                 ": " + Problem;
        for (const std::string &Unknown : Globs->unmatchedPositivePatterns()) {
          std::string Known;
          for (CheckId Id : allChecks())
            Known += (Known.empty() ? "" : ", ") + checkName(Id).str();
          return "unknown check '" + Unknown + "' in --" + Name.str() +
                 "; known checks: " + Known;
        }
        if (Name == "checks")
          C.Run.Analysis.Enabled = Globs->selectedChecks();
        else
          C.Run.ErrorChecks = Globs->selectedChecks();
        continue;
      }
      if (Name == "format") {
        if (Val == "text")
          C.OutputFormat = Format::Text;
        else if (Val == "sarif")
          C.OutputFormat = Format::Sarif;
        else
          return "unknown format '" + Val.str() + "' (known: text, sarif)";
        continue;
      }
      if (Name == "export-fixes") {
        C.ExportFixes = Val.str();
        continue;
      }
      if (Name == "extra-arg") {
        C.Run.ExtraArgs.push_back(Val.str());
        continue;
      }
      if (Name == "extra-arg-before") {
        C.Run.ExtraArgsBefore.push_back(Val.str());
        continue;
      }
      if (Name == "docs-root") {
        C.DocsRoot = Val.str();
        continue;
      }
      if (Name == "source-root") {
        C.SourceRoot = Val.str();
        continue;
      }
      if (std::vector<std::string> *List = C.Run.Analysis.Model.byName(Name)) {
        std::vector<std::string> Entries = splitNameList(Val);
        if (Entries.empty())
          return "option '--" + Name.str() +
                 "' needs a ';'-separated list of qualified names";
        List->insert(List->end(), Entries.begin(), Entries.end());
        continue;
      }
    }
    if (A.starts_with("-") && A != "-")
      return "unknown option '" + A.str() + "' (see --help)";
    C.Files.push_back(A.str());
  }
  if (C.FixedFlags && C.Files.empty())
    return "'--' needs the files to analyse before it";
  return "";
}

/// Where the compile commands come from, and which files to analyse. The
/// errors name what the user gave and what to do, not the loader's internals
/// (which list every database plugin it tried).
std::unique_ptr<CompilationDatabase> loadDatabase(const Config &C,
                                                  std::string &Error) {
  std::unique_ptr<CompilationDatabase> DB;
  if (C.FixedFlags) {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    return std::make_unique<clang::tooling::FixedCompilationDatabase>(
        Cwd, *C.FixedFlags);
  }
  std::string Internal;
  if (!C.BuildPath.empty()) {
    if (!llvm::sys::fs::is_directory(C.BuildPath))
      Error = "'-p " + C.BuildPath + "': no such directory";
    else if (!(DB = CompilationDatabase::loadFromDirectory(C.BuildPath,
                                                           Internal)))
      Error = "no compile_commands.json in '" + C.BuildPath +
              "' (configure the project with "
              "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or give -p the build "
              "directory)";
  } else if (!C.Files.empty()) {
    DB = CompilationDatabase::autoDetectFromSource(C.Files.front(), Internal);
    if (!DB)
      Error = "no compile_commands.json found for '" + C.Files.front() +
              "' or in its parent directories (use -p <build dir>, or '-- "
              "<flags>' to give the compile flags)";
  } else {
    DB = CompilationDatabase::autoDetectFromDirectory(".", Internal);
    if (!DB)
      Error = "no compile_commands.json here or above (use -p <build dir>)";
  }
  // Files the database lacks are not given a guessed command: they are
  // reported as having none (exit status 2), as docs/ci.md says.
  return DB;
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  llvm::sys::fs::make_absolute(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

/// Prints the progress of a run on stderr, on one line that is rewritten,
/// and only to a terminal: CI logs get no progress noise.
class Progress {
public:
  explicit Progress(size_t Total)
      : Total(Total), Enabled(llvm::sys::Process::StandardErrIsDisplayed()) {}
  void show(size_t Done, llvm::StringRef File) {
    if (!Enabled)
      return;
    clear();
    std::string Line = "[" + std::to_string(Done) + "/" +
                       std::to_string(Total) + "] " + File.str();
    llvm::errs() << Line;
    llvm::errs().flush();
    Shown = true;
  }
  /// Clears the line so that other output starts on a clean line.
  void clear() {
    if (!Enabled || !Shown)
      return;
    llvm::errs() << "\r\x1b[K";
    llvm::errs().flush();
    Shown = false;
  }

private:
  size_t Total;
  bool Enabled;
  bool Shown = false;
};

/// A model option name that matches no function in any file analysed (a
/// typo), once for the run.
void warnUnmatchedNames(llvm::ArrayRef<const FileResult *> Results) {
  std::optional<std::vector<std::string>> Everywhere;
  for (const FileResult *R : Results) {
    if (R->Failed)
      continue;
    if (!Everywhere) {
      Everywhere = R->UnmatchedNames;
      continue;
    }
    llvm::erase_if(*Everywhere, [&](const std::string &N) {
      return !llvm::is_contained(R->UnmatchedNames, N);
    });
  }
  if (!Everywhere)
    return;
  for (const std::string &N : *Everywhere) {
    auto [Option, Name] = llvm::StringRef(N).split('\n');
    llvm::errs() << "fearless-check: warning: '" << Name << "' in --" << Option
                 << " names no function declared in any analysed file\n";
  }
}

/// "2 findings in 3 files, 1 file could not be analysed" on stderr, the
/// line a CI log is read for.
void printSummary(llvm::ArrayRef<const FileResult *> Results) {
  size_t Findings = 0, Failed = 0;
  for (const FileResult *R : Results) {
    Findings += R->Findings.size();
    Failed += R->Failed;
  }
  auto Plural = [](size_t N, llvm::StringRef Word) {
    return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
  };
  llvm::errs() << "fearless-check: " << Plural(Findings, "finding") << " in "
               << Plural(Results.size(), "file");
  if (Failed)
    llvm::errs() << ", " << Plural(Failed, "file") << " could not be analysed";
  llvm::errs() << "\n";
}

} // namespace

int main(int Argc, char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  Config C;
  bool Exit = false;
  if (std::string Error = parseArgs(Argc, Argv, C, Exit); !Error.empty()) {
    llvm::errs() << "fearless-check: error: " << Error << "\n";
    return ExitToolError;
  }
  if (Exit)
    return ExitClean;
  if (C.ListChecks) {
    llvm::outs() << "Enabled checks:\n";
    for (CheckId Id : allChecks())
      if (C.Run.Analysis.Enabled.contains(Id))
        llvm::outs() << "    " << checkName(Id) << "\n";
    return ExitClean;
  }

  std::string Error;
  std::unique_ptr<CompilationDatabase> DB = loadDatabase(C, Error);
  if (!DB) {
    llvm::errs() << "fearless-check: error: " << Error << "\n";
    return ExitToolError;
  }

  // Which files, and their commands, decided before any thread starts (the
  // database is not required to be thread-safe).
  struct Job {
    std::string File;
    std::optional<CompileCommand> Command;
  };
  std::vector<Job> Jobs;
  if (C.Files.empty()) {
    // Sorted: the database's own order is a hash table's.
    std::vector<std::string> All = DB->getAllFiles();
    llvm::sort(All);
    for (std::string &File : All)
      Jobs.push_back({std::move(File), std::nullopt});
  } else {
    for (const std::string &File : C.Files)
      Jobs.push_back({absolute(File), std::nullopt});
  }
  if (Jobs.empty()) {
    // Most likely a build directory that was not configured yet.
    llvm::errs() << "fearless-check: error: the compilation database lists no "
                    "files\n";
    return ExitToolError;
  }
  // The JSON database guesses a command for a file it does not list (from a
  // similar file's); fearless-check analyses listed files only, so that a
  // file outside the build is a tool error rather than guessed flags.
  llvm::StringSet<> Listed;
  if (!C.FixedFlags)
    for (const std::string &File : DB->getAllFiles())
      Listed.insert(absolute(File));
  for (Job &J : Jobs) {
    if (!C.FixedFlags && !Listed.contains(J.File))
      continue;
    std::vector<CompileCommand> Commands = DB->getCompileCommands(J.File);
    // The first command of a file compiled several ways: one analysis per
    // file keeps the report free of duplicates.
    if (!Commands.empty())
      J.Command = std::move(Commands.front());
  }

  // Output files are opened before the analysis: a typo in a path should
  // not cost a whole run. Text goes where -o says as each file is done; SARIF
  // and the fix-its are written at the end.
  auto Open = [](const std::string &Path,
                 std::unique_ptr<llvm::raw_fd_ostream> &Stream) {
    if (Path.empty())
      return true;
    std::error_code EC;
    Stream = std::make_unique<llvm::raw_fd_ostream>(Path, EC);
    if (!EC)
      return true;
    llvm::errs() << "fearless-check: error: cannot write '" << Path
                 << "': " << EC.message() << "\n";
    return false;
  };
  std::unique_ptr<llvm::raw_fd_ostream> OutFile, FixesFile;
  if (!Open(C.OutputFile, OutFile) || !Open(C.ExportFixes, FixesFile))
    return ExitToolError;
  llvm::raw_ostream &Out = OutFile ? *OutFile : llvm::outs();

  llvm::CrashRecoveryContext::Enable();
  std::vector<FileResult> Results(Jobs.size());
  std::vector<bool> Done(Jobs.size(), false);
  size_t DoneCount = 0;
  std::string LastDone;
  std::mutex Lock;
  std::condition_variable Finished;
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(C.Jobs));
    for (size_t I = 0; I < Jobs.size(); ++I) {
      Pool.async([&, I] {
        FileResult R;
        if (Jobs[I].Command) {
          R = analyzeFile(Jobs[I].File, *Jobs[I].Command, C.Run);
        } else {
          R.File = Jobs[I].File;
          R.Failed = true;
          R.Problem = "no compile command for this file in the compilation "
                      "database (analyse it with '-- <flags>')";
        }
        std::lock_guard<std::mutex> Guard(Lock);
        Results[I] = std::move(R);
        Done[I] = true;
        ++DoneCount;
        LastDone = Jobs[I].File;
        Finished.notify_all();
      });
    }

    // Results are printed in the order of the files, each as soon as it and
    // those before it are done: deterministic output, still streaming.
    Progress P(Jobs.size());
    for (size_t Next = 0; Next < Jobs.size(); ++Next) {
      std::unique_lock<std::mutex> Guard(Lock);
      while (!Done[Next]) {
        P.show(DoneCount, LastDone);
        Finished.wait(Guard);
      }
      size_t Count = DoneCount;
      std::string Last = LastDone;
      Guard.unlock();
      FileResult &R = Results[Next];
      P.clear();
      if (C.OutputFormat == Format::Text)
        Out << R.Text;
      else if (R.Failed)
        llvm::errs() << R.Text;
      Out.flush();
      if (R.Failed)
        llvm::errs() << "fearless-check: error: could not analyse '" << R.File
                     << "': " << R.Problem << "\n";
      // Printed once; SARIF and the fixes need only the findings.
      R.Text = std::string();
      P.show(Count, Last);
    }
    P.clear();
    Pool.wait();
  }

  std::vector<const FileResult *> All;
  bool Failed = false, Findings = false;
  for (const FileResult &R : Results) {
    All.push_back(&R);
    Failed |= R.Failed;
    Findings |= !R.Findings.empty();
  }

  if (C.Run.VerifyConfig)
    warnUnmatchedNames(All);
  printSummary(All);

  if (C.OutputFormat == Format::Sarif) {
    SarifOptions SO;
    SO.DocsRoot =
        C.DocsRoot.empty()
            ? defaultDocsRoot(Argv[0], reinterpret_cast<void *>(&printHelp))
            : C.DocsRoot;
    SO.SourceRoot = absolute(C.SourceRoot.empty() ? "." : C.SourceRoot);
    SO.ToolVersion = FEARLESS_VERSION;
    writeSarif(Out, All, SO);
    Out.flush();
  }

  if (FixesFile) {
    writeFixes(*FixesFile, All);
    FixesFile->flush();
  }

  if (Failed)
    return ExitToolError;
  return Findings ? ExitFindings : ExitClean;
}
