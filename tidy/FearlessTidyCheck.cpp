//===- FearlessTidyCheck.cpp - The fearless checks in clang-tidy ----------===//

#include "FearlessTidyCheck.h"
#include "fearless/DiagnosticRenderer.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace fearless::tidy {

bool EditorQuickFixes = false;

namespace {

/// Emits findings through clang-tidy: one diagnostic per finding under the
/// finding's own check name, its notes after it. clang-tidy appends the
/// "[check]" suffix, applies NOLINT and the check filter, and exports the
/// fix-its. For editors (EditorQuickFixes) the fix-its go on notes, which
/// clangd offers as quick fixes titled with the notes' text.
class TidyEmitter : public FindingConsumer {
public:
  TidyEmitter(clang::tidy::ClangTidyContext &Ctx, const SourceManager &SM)
      : Ctx(Ctx), SM(SM) {}

  void consume(const Finding &F) override {
    llvm::StringRef Name = checkName(F.Check);
    // The note that says what the primary's fix-it does carries it.
    const Note *FixNote = nullptr;
    if (EditorQuickFixes && !F.FixIts.empty())
      for (const Note &N : F.Notes)
        if (describesFixIt(N.Msg.Id))
          FixNote = &N;
    emit(Name, F.Loc, F.Msg, F.Range,
         FixNote ? llvm::ArrayRef<FixIt>() : llvm::ArrayRef(F.FixIts),
         DiagnosticIDs::Warning);
    for (const Note &N : F.Notes) {
      std::vector<FixIt> Fixes = N.FixIts;
      if (&N == FixNote)
        Fixes.insert(Fixes.end(), F.FixIts.begin(), F.FixIts.end());
      emit(Name, N.Loc, N.Msg, N.Range, Fixes, DiagnosticIDs::Note);
    }
    if (EditorQuickFixes)
      if (std::optional<FixIt> Nolint = nolintFix(F))
        emit(Name, F.Loc, Message{MessageId::SuppressWithNolint, {Name.str()}},
             {}, *Nolint, DiagnosticIDs::Note);
  }

private:
  void emit(llvm::StringRef Check, SourceLocation Loc, const Message &Msg,
            SourceRange Range, llvm::ArrayRef<FixIt> FixIts,
            DiagnosticIDs::Level Level) {
    // The format string is the message's own (arguments streamed in), never
    // a rendered text: a '%' in a type name must not become a directive.
    llvm::StringRef Format = messageFormat(Msg.Id);
    DiagnosticBuilder DB = Loc.isValid() ? Ctx.diag(Check, Loc, Format, Level)
                                         : Ctx.diag(Check, Format, Level);
    DiagnosticRenderer::stream(DB, Msg, Range, FixIts);
  }

  /// " // NOLINT(<check>)" at the end of the finding's line (where clang-tidy
  /// looks for it: the line of the expansion location), unless the line
  /// continues a macro definition, where a comment would end it.
  std::optional<FixIt> nolintFix(const Finding &F) const {
    if (F.Loc.isInvalid())
      return std::nullopt;
    SourceLocation Loc = SM.getExpansionLoc(F.Loc);
    auto [File, Offset] = SM.getDecomposedLoc(Loc);
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
    if (Invalid)
      return std::nullopt;
    size_t End = Buffer.find_first_of("\r\n", Offset);
    if (End == llvm::StringRef::npos)
      End = Buffer.size();
    if (Buffer.substr(Offset, End - Offset).rtrim().ends_with("\\"))
      return std::nullopt;
    SourceLocation At = Loc.getLocWithOffset(End - Offset);
    return FixIt{CharSourceRange::getCharRange(At, At),
                 " // NOLINT(" + checkName(F.Check).str() + ")"};
  }

  clang::tidy::ClangTidyContext &Ctx;
  const SourceManager &SM;
};

} // namespace

FearlessTidyCheck::FearlessTidyCheck(llvm::StringRef Name,
                                     clang::tidy::ClangTidyContext *Ctx,
                                     CheckId Id)
    : ClangTidyCheck(Name, Ctx), Id(Id), TidyContext(Ctx),
      // Reading every option here is also what tells --verify-config which
      // options exist.
      OwnModel(readModelOptions(Options)) {}

FearlessTidyCheck::~FearlessTidyCheck() = default;

ModelOptions FearlessTidyCheck::readModelOptions(const OptionsView &View) {
  ModelOptions Model;
  for (llvm::StringRef Option : ModelOptions::names())
    *Model.byName(Option) = splitNameList(View.get(Option, ""));
  return Model;
}

void FearlessTidyCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  for (llvm::StringRef Option : ModelOptions::names())
    Options.store(Opts, Option, joinNameList(*OwnModel.byName(Option)));
}

void FearlessTidyCheck::registerMatchers(MatchFinder *Finder) {
  // The leader is the first enabled fearless check; the others only exist so
  // that clang-tidy knows their names and options.
  std::optional<CheckId> Leader;
  AnalysisOptions Opts;
  Opts.Enabled = CheckSet();
  for (CheckId C : allChecks()) {
    // One library model serves every check: merge what each was given, also
    // a disabled one (a spawn function is one whichever checks run).
    OptionsView View(checkName(C), TidyContext->getOptions().CheckOptions,
                     TidyContext);
    Opts.Model.merge(readModelOptions(View));
    if (!TidyContext->isCheckEnabled(checkName(C)))
      continue;
    if (!Leader)
      Leader = C;
    Opts.Enabled.insert(C);
  }
  if (Leader != Id)
    return;
  LeaderOptions = std::move(Opts);
  // Function definitions, the analysis unit of Session::analyzeFunction();
  // lambdas are analysed with the function they are written in. Matching
  // functions rather than the translation unit matters in clangd, which
  // traverses only the main file's top-level declarations.
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                   unless(cxxMethodDecl(ofClass(cxxRecordDecl(isLambda())))))
          .bind("function"),
      this);
}

void FearlessTidyCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!FD || !LeaderOptions)
    return;
  if (!TUSession || &TUSession->astContext() != Result.Context)
    TUSession = std::make_unique<Session>(*Result.Context, *LeaderOptions);
  TUSession->analyzeFunction(FD);
}

void FearlessTidyCheck::onEndOfTranslationUnit() {
  if (!TUSession)
    return;
  TidyEmitter Emitter(*TidyContext, TUSession->astContext().getSourceManager());
  TUSession->flush(Emitter);
  TUSession.reset();
}

} // namespace fearless::tidy
