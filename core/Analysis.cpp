//===- Analysis.cpp - The analysis session and its functions --------------===//

#include "fearless/Analysis.h"
#include "fearless/SpawnInference.h"
#include "fearless/ChannelInference.h"
#include "fearless/ThreadWrappers.h"
#include "fearless/Access.h"
#include "fearless/Concurrency.h"
#include "fearless/Coroutines.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/Locks.h"
#include "fearless/SummaryStore.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/TimeProfiler.h"

using namespace clang;

namespace fearless {

Check::~Check() = default;

Session::Session(ASTContext &Ctx, AnalysisOptions Opts)
    : Ctx(Ctx), Options(std::move(Opts)), Library(Options.Model), Traits(Ctx) {
  Inference = std::make_unique<SpawnInference>(Library);
  Library.setInference(Inference.get());
  Channels = std::make_unique<ChannelInference>(Library);
  Library.setChannels(Channels.get());
  Wrappers = std::make_unique<ThreadWrappers>(Library);
  Library.setWrappers(Wrappers.get());
  Store = std::make_unique<SummaryStore>(*this);
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

ConcurrencyModel &Session::concurrency() {
  if (!Concurrency)
    Concurrency = std::make_unique<ConcurrencyModel>(*this);
  return *Concurrency;
}

CoroutineModel &Session::coroutines() {
  if (!Coroutines)
    Coroutines = std::make_unique<CoroutineModel>(*this);
  return *Coroutines;
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

/// The member functions of a class declared in a function body, and of
/// the classes nested in it.
static void analyzeLocalClass(Session &S, const CXXRecordDecl *RD) {
  for (const Decl *D : RD->decls()) {
    if (D->isImplicit())
      continue;
    if (const auto *FD = dyn_cast<FunctionDecl>(D);
        FD && FD->doesThisDeclarationHaveABody())
      S.analyzeFunction(FD);
    else if (const auto *Nested = dyn_cast<CXXRecordDecl>(D))
      analyzeLocalClass(S, Nested);
  }
}

void Session::analyzeOne(const FunctionDecl *FD) {
  if (!isAnalysable(FD) || !Analysed.try_emplace(FD, true).second)
    return;
  llvm::TimeTraceScope Scope("fearless function",
                             [&] { return FD->getQualifiedNameAsString(); });
  FunctionAnalysis &FA = functionAnalysis(FD);
  if (FA.scan().HasErrors)
    return;
  if (dumps("coroutines") && CoroutineModel::isCoroutine(FD))
    if (const CoroutineInfo *CI = coroutines().coroutineOf(FD))
      coroutines().dump(*CI, dumpStream());
  const FunctionDecl *Outer = Current;
  Current = FD;
  for (const std::unique_ptr<Check> &C : Checks) {
    llvm::TimeTraceScope CheckScope(
        "fearless check", [&] { return checkShortName(C->id()).str(); });
    C->checkFunction(FA);
  }
  Current = Outer;
  for (const CXXRecordDecl *RD : FA.scan().LocalClasses)
    analyzeLocalClass(*this, RD);
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

/// A function template, or a member of a class template, that no code
/// instantiates: its body is only ever seen as written.
static bool isUninstantiatedTemplate(const FunctionDecl *FD) {
  if (!FD || !FD->isDependentContext() || !FD->doesThisDeclarationHaveABody() ||
      !FD->getBody() || FD->isInvalidDecl())
    return false;
  if (const FunctionTemplateDecl *T = FD->getDescribedFunctionTemplate();
      T && !T->specializations().empty())
    return false;
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent()) {
    if (isa<FunctionDecl>(DC))
      return false; // local classes and lambdas: analysed with their function
    const auto *RD = dyn_cast<CXXRecordDecl>(DC);
    if (!RD)
      continue;
    if (RD->isLambda() || isa<ClassTemplatePartialSpecializationDecl>(RD))
      return false;
    if (const ClassTemplateDecl *CT = RD->getDescribedClassTemplate();
        CT && !CT->specializations().empty())
      return false;
  }
  return true;
}

void Session::analyzeTemplatePattern(const FunctionDecl *FD) {
  // Only the move analysis reads dependent code, and only for the
  // function's own variables of non-dependent type (clang-tidy's
  // bugprone-use-after-move does the same): the other analyses need types.
  const SourceManager &SM = Ctx.getSourceManager();
  if (!isEnabled(CheckId::UseAfterMove) ||
      SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())) ||
      !Analysed.try_emplace(FD, true).second)
    return;
  FunctionAnalysis &FA = functionAnalysis(FD);
  if (FA.scan().HasErrors)
    return;
  const FunctionDecl *Outer = Current;
  Current = FD;
  for (const std::unique_ptr<Check> &C : Checks)
    if (C->id() == CheckId::UseAfterMove)
      C->checkFunction(FA);
  Current = Outer;
}

void Session::analyzeFunction(const FunctionDecl *FD) {
  if (!Checks.empty() && isUninstantiatedTemplate(FD)) {
    analyzeTemplatePattern(FD);
    return;
  }
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
/// Library code (declared in a system header) is not ours to analyse.
bool isLibraryDecl(const Decl *D, const SourceManager &SM) {
  return !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
         SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
}

class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  FunctionCollector(Session &S, const SourceManager &SM) : S(S), SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (isLibraryDecl(D, SM))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  /// Function bodies are not walked: their lambdas and local classes are
  /// found by each function's own pre-scan (FunctionAnalysis.h), which
  /// walks the body anyway.
  bool TraverseStmt(Stmt *, DataRecursionQueue * = nullptr) { return true; }
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

/// Whether a [[clang::suppress]] attribute's identifiers select \p Check.
bool selects(const SuppressAttr *A, CheckId Check) {
  if (A->diagnosticIdentifiers_size() == 0)
    return true;
  for (llvm::StringRef Id : A->diagnosticIdentifiers())
    if (globMatches(Id, checkName(Check)))
      return true;
  return false;
}

/// The statements and local declarations marked [[clang::suppress]] in one
/// function body.
class SuppressionCollector : public RecursiveASTVisitor<SuppressionCollector> {
public:
  std::vector<std::pair<SourceRange, const SuppressAttr *>> Ranges;
  bool VisitAttributedStmt(AttributedStmt *S) {
    for (const Attr *A : S->getAttrs())
      if (const auto *SA = dyn_cast<SuppressAttr>(A))
        Ranges.push_back({S->getSourceRange(), SA});
    return true;
  }
  bool VisitDecl(Decl *D) {
    if (D->hasAttrs())
      for (const auto *SA : D->specific_attrs<SuppressAttr>())
        Ranges.push_back({D->getSourceRange(), SA});
    return true;
  }
};
} // namespace

void Session::analyzeTranslationUnit() {
  if (Checks.empty())
    return;
  // -ftime-trace shows fearless's share of a compile under these scopes.
  llvm::TimeTraceScope Scope("fearless");
  FunctionCollector(*this, Ctx.getSourceManager())
      .TraverseDecl(Ctx.getTranslationUnitDecl());
}

namespace {
/// Indexes every call by its callee, with the function it is written in.
class CallIndexer : public RecursiveASTVisitor<CallIndexer> {
public:
  CallIndexer(
      const SourceManager &SM,
      llvm::DenseMap<const FunctionDecl *, std::vector<Session::CallSite>> &Out)
      : SM(SM), Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (!D || isLibraryDecl(D, SM))
      return true;
    const FunctionDecl *Outer = Current;
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      Current = FD;
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    Current = Outer;
    return Result;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    const FunctionDecl *Outer = Current;
    Current = L->getCallOperator();
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(L);
    Current = Outer;
    return Result;
  }
  bool VisitCallExpr(CallExpr *Call) {
    add(Call->getDirectCallee(), Call);
    if (const FunctionDecl *FD = Call->getDirectCallee())
      ++DirectCalls[FD->getCanonicalDecl()];
    return true;
  }
  // A function named other than by a direct call (its address taken, a
  // thread entry, a callback) may be called from anywhere.
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      ++References[FD->getCanonicalDecl()];
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (const auto *FD = dyn_cast<FunctionDecl>(ME->getMemberDecl()))
      ++References[FD->getCanonicalDecl()];
    return true;
  }
  llvm::DenseMap<const FunctionDecl *, unsigned> DirectCalls, References;
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    add(CE->getConstructor(), CE);
    return true;
  }

private:
  void add(const FunctionDecl *Callee, const Expr *Call) {
    if (Callee && Current)
      Out[Callee->getCanonicalDecl()].push_back({Call, Current});
  }
  const SourceManager &SM;
  llvm::DenseMap<const FunctionDecl *, std::vector<Session::CallSite>> &Out;
  const FunctionDecl *Current = nullptr;
};
} // namespace

llvm::ArrayRef<Session::CallSite> Session::callSitesOf(const FunctionDecl *FD) {
  if (!Callers) {
    llvm::TimeTraceScope Scope("fearless call index");
    Callers.emplace();
    CallIndexer Indexer(Ctx.getSourceManager(), *Callers);
    Indexer.TraverseDecl(Ctx.getTranslationUnitDecl());
    for (const auto &[FD, Refs] : Indexer.References)
      if (Refs > Indexer.DirectCalls.lookup(FD))
        AddressTaken.insert(FD);
  }
  auto It = Callers->find(FD->getCanonicalDecl());
  if (It == Callers->end())
    return {};
  return It->second;
}

bool Session::allCallersVisible(const FunctionDecl *FD) {
  if (!FD || FD->isMain())
    return false;
  bool Visible = !FD->isExternallyVisible() || FD->isTemplateInstantiation();
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->isVirtual())
      return false;
  if (!Visible || callSitesOf(FD).empty())
    return false;
  // The address taken anywhere means calls we cannot see.
  return !AddressTaken.count(FD->getCanonicalDecl());
}

void Session::report(Finding F) {
  Findings.push_back(std::move(F));
  Origins.push_back(Current);
}

void Session::flush(FindingConsumer &Out) {
  llvm::TimeTraceScope Scope("fearless flush");
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Finding> Unsorted;
  Unsorted.swap(Findings);
  std::vector<const FunctionDecl *> UnsortedOrigins;
  UnsortedOrigins.swap(Origins);
  std::vector<size_t> Order(Unsorted.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  // Location-sorted, deterministic output.
  std::stable_sort(Order.begin(), Order.end(), [&](size_t IA, size_t IB) {
    const Finding &A = Unsorted[IA];
    const Finding &B = Unsorted[IB];
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
    SourceLocation NA = A.Notes.empty() ? SourceLocation() : A.Notes[0].Loc;
    SourceLocation NB = B.Notes.empty() ? SourceLocation() : B.Notes[0].Loc;
    if (NA == NB || NA.isInvalid() || NB.isInvalid())
      return false;
    return SM.isBeforeInTranslationUnit(NA, NB);
  });
  std::vector<Finding> Pending;
  std::vector<const FunctionDecl *> PendingOrigins;
  for (size_t I : Order) {
    Pending.push_back(std::move(Unsorted[I]));
    PendingOrigins.push_back(UnsortedOrigins[I]);
  }
  // Only the function a finding comes from (and the declarations around it)
  // can carry its [[clang::suppress]]: no walk over the whole translation
  // unit, which in clangd would load every declaration of the preamble.
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<SuppressionCollector>>
      BodySuppressions;
  auto Suppressed = [&](const Finding &F, const FunctionDecl *FD) {
    if (!FD || F.Loc.isInvalid())
      return false;
    for (const Decl *D = FD; D;) {
      if (D->hasAttrs())
        for (const auto *SA : D->specific_attrs<SuppressAttr>())
          if (selects(SA, F.Check))
            return true;
      const DeclContext *DC = D->getDeclContext();
      D = DC ? dyn_cast<Decl>(DC) : nullptr;
      if (D && isa<TranslationUnitDecl>(D))
        break;
    }
    auto &Collected = BodySuppressions[FD];
    if (!Collected) {
      Collected = std::make_unique<SuppressionCollector>();
      Collected->TraverseStmt(FD->getBody());
    }
    SourceLocation L = SM.getExpansionLoc(F.Loc);
    for (const auto &[Range, SA] : Collected->Ranges)
      if (SM.isPointWithin(L, SM.getExpansionLoc(Range.getBegin()),
                           SM.getExpansionLoc(Range.getEnd())) &&
          selects(SA, F.Check))
        return true;
    return false;
  };
  // A data race on a mutable field whose object fearless-sync reports as
  // shared with the same thread: one bug, the sync report tells it.
  llvm::DenseSet<std::pair<const void *, SourceLocation>> SyncShared;
  for (const Finding &F : Pending)
    if (F.Check == CheckId::Sync && F.SharedObject)
      SyncShared.insert({F.SharedObject, F.SharedWith});
  llvm::StringSet<> Seen;
  for (size_t I = 0; I < Pending.size(); ++I) {
    const Finding &F = Pending[I];
    if (F.Check == CheckId::DataRace && F.SharedObject &&
        SyncShared.count({F.SharedObject, F.SharedWith}))
      continue;
    if (!Seen.insert(findingKey(F)).second)
      continue;
    if (Suppressed(F, PendingOrigins[I]))
      continue;
    Out.consume(F);
  }
}

} // namespace fearless
