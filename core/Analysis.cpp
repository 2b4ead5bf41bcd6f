//===- Analysis.cpp - The analysis session and its functions --------------===//

#include "fearless/Analysis.h"
#include "fearless/Access.h"
#include "fearless/FunctionAnalysis.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace fearless {

Check::~Check() = default;

Session::Session(ASTContext &Ctx, AnalysisOptions Opts)
    : Ctx(Ctx), Options(std::move(Opts)), Library(Options.Model),
      Traits(Ctx) {
  for (CheckId C : allChecks())
    if (Options.Enabled.contains(C))
      Checks.push_back(createCheck(C, *this));
}

Session::~Session() = default;

bool Session::dumps(llvm::StringRef What) const {
  for (const std::string &D : Options.Dump)
    if (D == What)
      return true;
  return false;
}

FunctionAnalysis &Session::functionAnalysis(const FunctionDecl *FD) {
  std::unique_ptr<FunctionAnalysis> &Slot = Functions[FD];
  if (!Slot)
    Slot = std::make_unique<FunctionAnalysis>(*this, FD);
  return *Slot;
}

static bool isAnalysable(const FunctionDecl *FD) {
  return FD && FD->doesThisDeclarationHaveABody() && FD->getBody() &&
         !FD->isDependentContext() && !FD->isInvalidDecl() &&
         !FD->isDefaulted() && !FD->isImplicit();
}

void Session::analyzeOne(const FunctionDecl *FD) {
  if (!isAnalysable(FD) || !Analysed.try_emplace(FD, true).second)
    return;
  FunctionAnalysis &FA = functionAnalysis(FD);
  if (FA.scan().HasErrors)
    return;
  for (const std::unique_ptr<Check> &C : Checks)
    C->checkFunction(FA);
  for (const LambdaExpr *L : FA.scan().Lambdas) {
    const CXXMethodDecl *Op = L->getCallOperator();
    if (const FunctionTemplateDecl *T = Op->getDescribedFunctionTemplate()) {
      for (const FunctionDecl *Spec : T->specializations())
        analyzeOne(Spec);
      continue;
    }
    analyzeOne(Op);
  }
}

void Session::analyzeFunction(const FunctionDecl *FD) {
  if (Checks.empty() || !isAnalysable(FD))
    return;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      MD && MD->getParent()->isLambda())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
    return;
  analyzeOne(FD);
}

namespace {
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  FunctionCollector(Session &S, const SourceManager &SM) : S(S), SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    // Library code is not ours to analyse.
    if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody())
      S.analyzeFunction(FD);
    return true;
  }

private:
  Session &S;
  const SourceManager &SM;
};

/// Renders a message argument to a key for duplicate detection: two
/// instantiations of one template produce the same finding with different
/// declaration objects.
std::string argKey(const MessageArg &A) {
  if (const auto *S = std::get_if<std::string>(&A))
    return *S;
  if (const auto *T = std::get_if<QualType>(&A))
    return T->getAsString();
  if (const auto *D = std::get_if<const NamedDecl *>(&A))
    return (*D ? (*D)->getNameAsString() : std::string()) + "@" +
           std::to_string(*D ? (*D)->getLocation().getRawEncoding() : 0);
  return std::to_string(std::get<int>(A));
}

std::string findingKey(const Finding &F) {
  std::string Key = std::to_string(static_cast<unsigned>(F.Check)) + ":" +
                    std::to_string(F.Loc.getRawEncoding()) + ":" +
                    std::to_string(static_cast<unsigned>(F.Msg.Id));
  for (const MessageArg &A : F.Msg.Args)
    Key += ":" + argKey(A);
  return Key;
}

/// The [[clang::suppress]] attributes of a translation unit and the ranges
/// they cover.
class SuppressionCollector : public RecursiveASTVisitor<SuppressionCollector> {
public:
  struct Range {
    SourceRange R;
    std::vector<std::string> Ids;
  };
  std::vector<Range> Ranges;
  explicit SuppressionCollector(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    if (D->hasAttrs())
      for (const auto *A : D->specific_attrs<SuppressAttr>())
        add(A, D->getSourceRange());
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitAttributedStmt(AttributedStmt *S) {
    for (const Attr *A : S->getAttrs())
      if (const auto *SA = dyn_cast<SuppressAttr>(A))
        add(SA, S->getSourceRange());
    return true;
  }

private:
  void add(const SuppressAttr *A, SourceRange R) {
    Range Entry;
    Entry.R = R;
    for (llvm::StringRef Id : A->diagnosticIdentifiers())
      Entry.Ids.push_back(Id.str());
    Ranges.push_back(std::move(Entry));
  }
  const SourceManager &SM;
};
} // namespace

void Session::analyzeTranslationUnit() {
  if (Checks.empty())
    return;
  FunctionCollector(*this, Ctx.getSourceManager())
      .TraverseDecl(Ctx.getTranslationUnitDecl());
}

void Session::report(Finding F) { Findings.push_back(std::move(F)); }

void Session::flush(FindingConsumer &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Finding> Pending;
  Pending.swap(Findings);
  // Location-sorted, deterministic output.
  std::stable_sort(Pending.begin(), Pending.end(),
                   [&](const Finding &A, const Finding &B) {
                     if (A.Loc != B.Loc) {
                       if (A.Loc.isInvalid() || B.Loc.isInvalid())
                         return A.Loc.isInvalid();
                       return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
                     }
                     if (A.Check != B.Check)
                       return A.Check < B.Check;
                     if (A.Msg.Id != B.Msg.Id)
                       return A.Msg.Id < B.Msg.Id;
                     // Same place, same message: the first note (where the
                     // findings differ) decides.
                     SourceLocation NA = A.Notes.empty() ? SourceLocation()
                                                         : A.Notes[0].Loc;
                     SourceLocation NB = B.Notes.empty() ? SourceLocation()
                                                         : B.Notes[0].Loc;
                     if (NA == NB || NA.isInvalid() || NB.isInvalid())
                       return false;
                     return SM.isBeforeInTranslationUnit(NA, NB);
                   });
  std::optional<SuppressionCollector> Suppressions;
  llvm::StringSet<> Seen;
  for (const Finding &F : Pending) {
    if (!Seen.insert(findingKey(F)).second)
      continue;
    if (F.Loc.isValid()) {
      if (!Suppressions) {
        Suppressions.emplace(SM);
        Suppressions->TraverseDecl(Ctx.getTranslationUnitDecl());
      }
      SourceLocation L = SM.getExpansionLoc(F.Loc);
      bool Suppressed = false;
      for (const auto &R : Suppressions->Ranges) {
        SourceLocation B = SM.getExpansionLoc(R.R.getBegin());
        SourceLocation E = SM.getExpansionLoc(R.R.getEnd());
        if (!SM.isPointWithin(L, B, E))
          continue;
        if (R.Ids.empty())
          Suppressed = true;
        for (const std::string &Id : R.Ids)
          if (globMatches(Id, checkName(F.Check)))
            Suppressed = true;
        if (Suppressed)
          break;
      }
      if (Suppressed)
        continue;
    }
    Out.consume(F);
  }
}

} // namespace fearless
