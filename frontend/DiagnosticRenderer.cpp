//===- DiagnosticRenderer.cpp - Findings to clang diagnostics -------------===//

#include "fearless/DiagnosticRenderer.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/DiagnosticIDs.h"

using namespace clang;

namespace fearless {

DiagnosticRenderer::DiagnosticRenderer(DiagnosticsEngine &Diags,
                                       const SourceManager &SM,
                                       std::optional<CheckSet> ErrorChecks)
    : Diags(Diags), Nolint(SM) {
  // A plugin cannot add -W groups, so -Wno-error=fearless-<check> cannot
  // exist; the explicit list is how a -Werror build keeps findings warnings.
  AsErrors = ErrorChecks                   ? *ErrorChecks
             : Diags.getWarningsAsErrors() ? CheckSet::all()
                                           : CheckSet();
  Silenced = CheckSet();
  if (Diags.getIgnoreAllWarnings())
    for (CheckId C : allChecks())
      if (!AsErrors.contains(C) || !ErrorChecks)
        Silenced.insert(C);
}

unsigned DiagnosticRenderer::idFor(MessageId Id, CheckId Check, bool IsError) {
  bool Note = isNoteMessage(Id);
  unsigned Key = static_cast<unsigned>(Id) * 2 + (IsError ? 1 : 0);
  unsigned CheckKey = Note ? ~0u : static_cast<unsigned>(Check);
  auto It = IDs.find({Key, CheckKey});
  if (It != IDs.end())
    return It->second;
  std::string Format = messageFormat(Id).str();
  unsigned ID;
  if (Note) {
    ID =
        Diags.getDiagnosticIDs()->getCustomDiagID(DiagnosticIDs::CustomDiagDesc(
            diag::Severity::Fatal, Format, DiagnosticIDs::CLASS_NOTE,
            /*ShowInSystemHeader=*/false, /*ShowInSystemMacro=*/false));
  } else {
    Format += " [" + checkName(Check).str() + "]";
    ID =
        Diags.getDiagnosticIDs()->getCustomDiagID(DiagnosticIDs::CustomDiagDesc(
            IsError ? diag::Severity::Error : diag::Severity::Warning, Format,
            IsError ? DiagnosticIDs::CLASS_ERROR : DiagnosticIDs::CLASS_WARNING,
            /*ShowInSystemHeader=*/false, /*ShowInSystemMacro=*/false));
  }
  IDs[{Key, CheckKey}] = ID;
  return ID;
}

void DiagnosticRenderer::emit(DiagnosticsEngine &Diags, unsigned ID,
                              SourceLocation Loc, const Message &Msg,
                              SourceRange Range, llvm::ArrayRef<FixIt> FixIts) {
  DiagnosticBuilder DB = Diags.Report(Loc, ID);
  stream(DB, Msg, Range, FixIts);
}

void DiagnosticRenderer::stream(DiagnosticBuilder &DB, const Message &Msg,
                                SourceRange Range,
                                llvm::ArrayRef<FixIt> FixIts) {
  for (const MessageArg &A : Msg.Args) {
    if (const auto *S = std::get_if<std::string>(&A))
      DB << *S;
    else if (const auto *T = std::get_if<QualType>(&A))
      DB << *T;
    else if (const auto *D = std::get_if<const NamedDecl *>(&A))
      DB << *D;
    else
      DB << std::get<int>(A);
  }
  if (Range.isValid())
    DB << Range;
  for (const FixIt &F : FixIts) {
    if (F.Replacement.empty())
      DB << FixItHint::CreateRemoval(F.Range);
    else if (F.Range.getBegin() == F.Range.getEnd() && F.Range.isCharRange())
      DB << FixItHint::CreateInsertion(F.Range.getBegin(), F.Replacement);
    else
      DB << FixItHint::CreateReplacement(F.Range, F.Replacement);
  }
}

void DiagnosticRenderer::consume(const Finding &F) {
  if (Silenced.contains(F.Check))
    return;
  if (Nolint.isSuppressed(checkName(F.Check), F.Loc))
    return;
  ++Emitted;
  emit(Diags, idFor(F.Msg.Id, F.Check, AsErrors.contains(F.Check)), F.Loc,
       F.Msg, F.Range, F.FixIts);
  for (const Note &N : F.Notes)
    emit(Diags, idFor(N.Msg.Id, F.Check, false), N.Loc, N.Msg, N.Range,
         N.FixIts);
}

} // namespace fearless
