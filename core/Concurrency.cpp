//===- Concurrency.cpp - What may run at the same time in a TU ------------===//
//
// Member threads and the member functions that run beside them
// (Concurrency.h). Everything is computed on the first question about a
// class and kept in the Session's model.
//
//===----------------------------------------------------------------------===//

#include "fearless/Concurrency.h"
#include "InferenceUtil.h"
#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/ThreadLifetime.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace fearless {

/// \p E without a smart pointer's `->` or `*` (`workers_[i]->join()` on a
/// container of std::unique_ptr<Worker>).
static const Expr *throughSmartPointer(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
      Op->getNumArgs() == 1)
    return Op->getArg(0)->IgnoreParenImpCasts();
  return E;
}

bool namesHandle(const Expr *E, const FieldDecl *Handle) {
  E = E->IgnoreParenImpCasts();
  if (Handle)
    E = throughSmartPointer(E);
  if (!Handle) // the thread is the object itself (a QThread subclass)
    return isa<CXXThisExpr>(E);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() > 0)
    E = Op->getArg(0)->IgnoreParenImpCasts();
  else if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E))
    E = Sub->getBase()->IgnoreParenImpCasts();
  else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    // workers_.at(i), workers_.back()
    E = Call->getImplicitObjectArgument()
            ? Call->getImplicitObjectArgument()->IgnoreParenImpCasts()
            : E;
  const auto *ME = dyn_cast<MemberExpr>(E);
  return ME && ME->getMemberDecl() == Handle &&
         isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
}

namespace {

/// Finds, in one member function body, the joins of a handle field and the
/// calls of other member functions of the class on *this.
class JoinFinder : public RecursiveASTVisitor<JoinFinder> {
public:
  JoinFinder(const LibraryModel &Lib, const FieldDecl *Handle,
             const CXXRecordDecl *Class)
      : Lib(Lib), Handle(Handle), Class(Class) {}

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

  bool TraverseCXXForRangeStmt(CXXForRangeStmt *For) {
    // for (auto &t : workers_) t.join();
    const VarDecl *Outer = LoopVar;
    if (For->getRangeInit() && namesHandle(For->getRangeInit(), Handle))
      LoopVar = For->getLoopVariable();
    bool Result = RecursiveASTVisitor::TraverseCXXForRangeStmt(For);
    LoopVar = Outer;
    return Result;
  }

  /// Replacing or destroying the handle ends the previous thread: a
  /// joinable std::thread would terminate the program, a std::jthread joins.
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (Call->getOperator() == OO_Equal && Call->getNumArgs() == 2 &&
        namesHandle(Call->getArg(0), Handle))
      Joins.push_back(Call->getBeginLoc());
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    const Expr *Obj = Call->getImplicitObjectArgument();
    if (!MD || !Obj)
      return true;
    if (const IdentifierInfo *II = MD->getIdentifier();
        II && Handle && namesHandle(Obj, Handle) &&
        llvm::is_contained({"reset", "clear", "swap", "assign"},
                           II->getName())) {
      Joins.push_back(Call->getBeginLoc());
      return true;
    }
    if (std::optional<HandleOp> Op = Lib.handleMethod(MD);
        Op && *Op == HandleOp::Join) {
      const auto *DRE = dyn_cast<DeclRefExpr>(throughSmartPointer(Obj));
      if (namesHandle(Obj, Handle) ||
          (DRE && LoopVar && DRE->getDecl() == LoopVar))
        Joins.push_back(Call->getBeginLoc());
      return true;
    }
    // A member function of the class or of a base (a derived class's
    // destructor calling its base's stop()).
    if (isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) &&
        (MD->getParent()->getCanonicalDecl() == Class->getCanonicalDecl() ||
         (Class->hasDefinition() && Class->isDerivedFrom(MD->getParent()))))
      Calls.push_back(Call);
    return true;
  }

  std::vector<SourceLocation> Joins;
  std::vector<const CXXMemberCallExpr *> Calls;

private:
  const LibraryModel &Lib;
  const FieldDecl *Handle;
  const CXXRecordDecl *Class;
  const VarDecl *LoopVar = nullptr;
};

std::string position(const SourceManager &SM, SourceLocation L) {
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
  if (P.isInvalid())
    return "?";
  return std::to_string(P.getLine()) + ":" + std::to_string(P.getColumn());
}

} // namespace

SourceLocation ConcurrencyModel::joinOf(const CXXMethodDecl *M,
                                        const FieldDecl *Handle,
                                        unsigned Depth) {
  const FunctionDecl *Def = M->getDefinition();
  if (!Def || !Def->getBody())
    return {};
  M = cast<CXXMethodDecl>(Def);
  auto Key = std::make_pair(M, Handle);
  if (auto It = Joins.find(Key); It != Joins.end())
    return It->second;
  // Recursion (and a depth bound) ends at "does not join".
  Joins[Key] = SourceLocation();
  if (Depth > 3)
    return {};
  JoinFinder Finder(S.library(), Handle, M->getParent());
  Finder.TraverseStmt(M->getBody());
  std::vector<SourceLocation> Found = Finder.Joins;
  for (const CXXMemberCallExpr *Call : Finder.Calls)
    if (joinOf(Call->getMethodDecl(), Handle, Depth + 1).isValid())
      Found.push_back(Call->getBeginLoc());
  const SourceManager &SM = S.astContext().getSourceManager();
  SourceLocation First;
  for (SourceLocation L : Found)
    if (First.isInvalid() || SM.isBeforeInTranslationUnit(L, First))
      First = L;
  Joins[Key] = First;
  return First;
}

namespace {

/// The variable a member call is made on (`w.f()`, `p->f()`), if any.
const ValueDecl *calledOn(const Expr *Call) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  const Expr *Obj = MC ? MC->getImplicitObjectArgument() : nullptr;
  if (!Obj)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts());
  return DRE ? DRE->getDecl() : nullptr;
}

/// The member calls in a body that \p Wanted selects; \p InLambdas says
/// whether the bodies of lambdas written there count.
std::vector<const CXXMemberCallExpr *>
memberCalls(const Stmt *Body, bool InLambdas,
            llvm::function_ref<bool(const CXXMemberCallExpr *)> Wanted) {
  class Collector : public RecursiveASTVisitor<Collector> {
  public:
    Collector(bool InLambdas,
              llvm::function_ref<bool(const CXXMemberCallExpr *)> Wanted)
        : InLambdas(InLambdas), Wanted(Wanted) {}
    bool TraverseLambdaExpr(LambdaExpr *L) {
      return !InLambdas || RecursiveASTVisitor::TraverseLambdaExpr(L);
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
      if (Wanted(Call))
        Calls.push_back(Call);
      return true;
    }
    bool InLambdas;
    llvm::function_ref<bool(const CXXMemberCallExpr *)> Wanted;
    std::vector<const CXXMemberCallExpr *> Calls;
  } C(InLambdas, Wanted);
  C.TraverseStmt(const_cast<Stmt *>(Body));
  return C.Calls;
}

} // namespace

/// Whether \p J runs on every path that reaches \p Call in their function:
/// J is in a statement of a block that encloses Call, and nothing between J
/// and that statement makes J conditional (`if (x) w.stop();`, `a && b`, a
/// lambda). Call is not in a lambda inside that block either.
static bool runsBefore(const Expr *J, const Expr *Call, const ParentMap &PM) {
  const Stmt *T = J;
  const Stmt *P = PM.getParent(T);
  for (; P && !isa<CompoundStmt>(P); T = P, P = PM.getParent(P)) {
    if (!isa<Expr>(P) || isa<ConditionalOperator, BinaryConditionalOperator,
                             LambdaExpr>(P))
      return false;
    if (const auto *BO = dyn_cast<BinaryOperator>(P); BO && BO->isLogicalOp())
      return false;
  }
  if (!P)
    return false;
  for (const Stmt *Up = PM.getParent(Call); Up; Up = PM.getParent(Up)) {
    if (Up == P)
      return true;
    if (isa<LambdaExpr>(Up))
      return false;
  }
  return false;
}

bool ConcurrencyModel::isEntryPoint(const CXXMethodDecl *M,
                                    const FunctionDecl *Body,
                                    const CXXMethodDecl *Starter,
                                    const FieldDecl *Handle) {
  if (M->getAccess() != AS_public || M->isStatic())
    return false;
  llvm::ArrayRef<Session::CallSite> Calls = S.callSitesOf(M);
  if (Calls.empty())
    return true; // called from elsewhere
  // Called only by the thread itself: part of what the thread runs.
  const FunctionDecl *BodyDef = Body ? Body->getDefinition() : nullptr;
  if (BodyDef && llvm::all_of(Calls, [&](const Session::CallSite &C) {
        return C.Caller == BodyDef;
      }))
    return false;
  // Called only while the thread does not run: every call is on a local
  // object, either before the same function calls its starting member
  // function (and not after: `Worker w; w.setRate(5); w.start();`), or
  // after it called, on every path, a member function that joins the
  // thread, and starts it nowhere after that (`w.start(); w.stop();
  // print(w.count());`).
  const SourceManager &SM = S.astContext().getSourceManager();
  return !llvm::all_of(Calls, [&](const Session::CallSite &C) {
    const auto *Obj = dyn_cast_or_null<VarDecl>(calledOn(C.Call));
    if (!Obj || !Obj->hasLocalStorage() || !C.Caller->getBody())
      return false;
    // One walk per caller and starter, however many entry points (the
    // instantiations of a member template) it calls.
    auto [It, New] = StarterCalls.try_emplace({C.Caller, Starter});
    if (New)
      It->second = memberCalls(C.Caller->getBody(), /*InLambdas=*/true,
                               [&](const CXXMemberCallExpr *Call) {
                                 return Call->getMethodDecl() &&
                                        Call->getMethodDecl()
                                                ->getCanonicalDecl() ==
                                            Starter->getCanonicalDecl();
                               });
    llvm::SmallVector<const CXXMemberCallExpr *, 2> Starts;
    for (const CXXMemberCallExpr *Start : It->second)
      if (calledOn(Start) == Obj)
        Starts.push_back(Start);
    if (!Starts.empty() && llvm::all_of(Starts, [&](const Expr *Start) {
          return SM.isBeforeInTranslationUnit(C.Call->getBeginLoc(),
                                              Start->getBeginLoc());
        }))
      return true; // before the thread starts
    // A thread started by a member function: its start must be in sight
    // (the object might be started elsewhere, through a reference).
    if (Starts.empty() && !isa<CXXConstructorDecl>(Starter))
      return false;
    for (const CXXMemberCallExpr *J : memberCalls(
             C.Caller->getBody(), /*InLambdas=*/false,
             [&](const CXXMemberCallExpr *Call) {
               return calledOn(Call) == Obj && Call->getMethodDecl() &&
                      SM.isBeforeInTranslationUnit(Call->getEndLoc(),
                                                   C.Call->getBeginLoc());
             })) {
      // Not a start itself (replacing the handle counts as a join), and no
      // start at or after it.
      if (joinOf(J->getMethodDecl(), Handle).isInvalid() ||
          llvm::any_of(Starts, [&](const Expr *Start) {
            return !SM.isBeforeInTranslationUnit(Start->getBeginLoc(),
                                                 J->getBeginLoc());
          }))
        continue;
      if (runsBefore(J, C.Call, S.functionAnalysis(C.Caller).parents()))
        return true; // after the thread was joined
    }
    return false;
  });
}

/// The virtual member functions that \p Body calls on *this (directly, or
/// \p Body itself when it is one: `std::thread(&C::run, this)`).
static llvm::SmallVector<const CXXMethodDecl *, 4>
virtualsCalledOnThis(const FunctionDecl *Body) {
  llvm::SmallVector<const CXXMethodDecl *, 4> Out;
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Body);
      MD && MD->isVirtual())
    Out.push_back(MD);
  if (!Body || !Body->getBody())
    return Out;
  for (const CXXMemberCallExpr *Call : memberCalls(
           Body->getBody(), /*InLambdas=*/false,
           [](const CXXMemberCallExpr *C) {
             const Expr *Obj = C->getImplicitObjectArgument();
             return C->getMethodDecl() && C->getMethodDecl()->isVirtual() &&
                    Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts());
           }))
    Out.push_back(Call->getMethodDecl());
  return Out;
}

const MemberThreadPeers &ConcurrencyModel::memberThreadPeers(
    const CXXMethodDecl *Starter, const FieldDecl *Handle,
    const FunctionDecl *Body, SourceLocation SpawnLoc,
    const CXXRecordDecl *Dynamic) {
  auto Key = std::make_tuple(static_cast<const FunctionDecl *>(Starter),
                             SpawnLoc.getRawEncoding(), Dynamic);
  auto [It, New] = Peers.try_emplace(Key);
  MemberThreadPeers &P = It->second;
  if (!New)
    return P;
  const CXXRecordDecl *Own = Starter->getParent();
  P.Class = Dynamic ? Dynamic : Own;
  P.Dynamic = Dynamic;
  P.Handle = Handle;
  P.Starter = Starter;
  P.Body = Body;
  P.SpawnLoc = SpawnLoc;
  const FunctionDecl *BodyDef = Body ? Body->getDefinition() : nullptr;
  if (BodyDef)
    P.Tail = shutdownTail(BodyDef, S.astContext());
  // On an object of a derived class: its member functions and those of
  // its bases from the starter's class down, less the overriders of what
  // the thread calls on *this.
  llvm::SmallVector<const CXXMethodDecl *, 16> Methods;
  llvm::SmallPtrSet<const CXXMethodDecl *, 4> ThreadRuns;
  if (Dynamic) {
    for (const CXXMethodDecl *V : virtualsCalledOnThis(BodyDef))
      if (const CXXMethodDecl *Final = V->getCorrespondingMethodInClass(Dynamic))
        ThreadRuns.insert(Final->getCanonicalDecl());
    llvm::SmallVector<const CXXRecordDecl *, 4> Chain{Dynamic};
    Dynamic->forallBases([&](const CXXRecordDecl *B) {
      if (declaresSameEntity(B, Own) || B->isDerivedFrom(Own))
        Chain.push_back(B);
      return true;
    });
    for (const CXXRecordDecl *C : Chain)
      Methods.append(inference::methodsOf(C));
  } else {
    Methods = inference::methodsOf(P.Class);
  }
  for (const CXXMethodDecl *Method : Methods) {
    const FunctionDecl *Def = Method->getDefinition();
    if (!Def || !Def->getBody() || Def->isDeleted() || Def->isDefaulted() ||
        Def->isImplicit() || isa<CXXConstructorDecl>(Def))
      continue;
    const auto *M = cast<CXXMethodDecl>(Def);
    if (M->getCanonicalDecl() == Starter->getCanonicalDecl() ||
        (BodyDef && M == BodyDef) || ThreadRuns.count(M->getCanonicalDecl()))
      continue;
    if (!isa<CXXDestructorDecl>(M) && !isEntryPoint(M, Body, Starter, Handle))
      continue;
    SourceLocation Joined = joinOf(M, Handle);
    // Who lets the worker leave its loop: a writer of the stop flag, or,
    // for a jthread's stop token, a member that destroys or replaces the
    // handle (a join, for the model).
    bool Stops = P.Tail.Flag ? setsFlag(M, P.Tail.Flag)
                             : P.Tail.StopToken && Joined.isValid();
    bool Unseen = !Stops && Joined.isInvalid() && S.callSitesOf(M).empty();
    P.Members.push_back({M, Joined, Stops, Unseen});
  }
  if (S.dumps("concurrency"))
    dump(S.dumpStream(), P);
  return P;
}

llvm::ArrayRef<const CXXRecordDecl *>
ConcurrencyModel::derivedClasses(const CXXRecordDecl *Base) {
  Base = Base->getDefinition();
  if (!Base || !Base->isPolymorphic())
    return {};
  if (!Polymorphic) {
    Polymorphic.emplace();
    llvm::SmallVector<const DeclContext *, 16> Work{
        S.astContext().getTranslationUnitDecl()};
    // A class in a system header derives from no class of the program's
    // that starts a thread (and its bodies are not analysed): skipping the
    // library's namespaces keeps this one walk of the TU cheap.
    const SourceManager &SM = S.astContext().getSourceManager();
    auto Library = [&](const Decl *D) {
      return D->getLocation().isValid() &&
             SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
    };
    auto Candidate = [&](const CXXRecordDecl *RD) {
      if (!RD->isThisDeclarationADefinition() || RD->isDependentContext() ||
          RD->isInvalidDecl())
        return;
      Work.push_back(RD); // nested classes
      if (RD->isPolymorphic() && RD->getNumBases() > 0)
        Polymorphic->push_back(RD);
    };
    while (!Work.empty()) {
      const DeclContext *DC = Work.pop_back_val();
      for (const Decl *D : DC->decls()) {
        if (Library(D))
          continue;
        if (const auto *NS = dyn_cast<NamespaceDecl>(D))
          Work.push_back(NS);
        else if (const auto *LS = dyn_cast<LinkageSpecDecl>(D))
          Work.push_back(LS);
        else if (const auto *CT = dyn_cast<ClassTemplateDecl>(D))
          for (const ClassTemplateSpecializationDecl *Spec :
               CT->specializations())
            Candidate(Spec);
        else if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
          Candidate(RD);
      }
    }
  }
  auto [It, New] = Derived.try_emplace(Base);
  if (!New)
    return It->second;
  for (const CXXRecordDecl *RD : *Polymorphic) {
    if (!RD->isDerivedFrom(Base))
      continue;
    bool Overrides = llvm::any_of(RD->methods(), [&](const CXXMethodDecl *M) {
      if (isa<CXXDestructorDecl>(M) || !M->isVirtual() || !M->hasBody())
        return false;
      return llvm::any_of(Base->methods(), [&](const CXXMethodDecl *V) {
        return V->isVirtual() && !isa<CXXDestructorDecl>(V) &&
               V->getCorrespondingMethodInClass(RD) == M;
      });
    });
    if (Overrides)
      It->second.push_back(RD);
  }
  return It->second;
}

SourceLocation
ConcurrencyModel::startedByConstructor(const CXXRecordDecl *Class,
                                       const FieldDecl *Handle) {
  for (const CXXConstructorDecl *Ctor : Class->ctors()) {
    const FunctionDecl *Def = Ctor->getDefinition();
    if (!Def || !Def->getBody() || Def->isDependentContext() ||
        Def->isInvalidDecl())
      continue;
    FunctionAnalysis &FA = S.functionAnalysis(Def);
    if (FA.scan().HasErrors)
      continue;
    const ThreadLifetime *TL = FA.lifetime();
    if (!TL)
      continue;
    for (const SpawnSite &Site : FA.threads().spawns())
      if (Site.Sink.Kind == SinkKind::Member && Site.Sink.Decl == Handle &&
          TL->mayRunAtExit(Site.Id))
        return Site.Spawn->getBeginLoc();
  }
  return {};
}

bool ConcurrencyModel::usesHandleBefore(const CXXMethodDecl *M,
                                        const FieldDecl *Handle,
                                        SourceLocation Loc) {
  const SourceManager &SM = S.astContext().getSourceManager();
  SourceLocation Joined = joinOf(M, Handle);
  if (Joined.isValid() && SM.isBeforeInTranslationUnit(Joined, Loc))
    return true;
  std::vector<const CXXMemberCallExpr *> Uses = memberCalls(
      M->getBody(), /*InLambdas=*/false, [&](const CXXMemberCallExpr *Call) {
        return Call->getImplicitObjectArgument() &&
               namesHandle(Call->getImplicitObjectArgument(), Handle);
      });
  return llvm::any_of(Uses, [&](const CXXMemberCallExpr *Call) {
    return SM.isBeforeInTranslationUnit(Call->getBeginLoc(), Loc);
  });
}

llvm::ArrayRef<const CXXMethodDecl *>
ConcurrencyModel::sharedClassMembers(const CXXRecordDecl *Class) {
  Class = Class->getDefinition();
  if (!Class)
    return {};
  auto [It, New] = Shared.try_emplace(Class);
  if (!New || !hasAnnotation(Class, "fearless::shared"))
    return It->second;
  for (const CXXMethodDecl *Method : inference::methodsOf(Class)) {
    const FunctionDecl *Def = Method->getDefinition();
    if (!Def || !Def->getBody() || Def->isDeleted() || Def->isDefaulted() ||
        Def->isImplicit() || Method->getAccess() != AS_public ||
        Method->isStatic() || isa<CXXConstructorDecl, CXXDestructorDecl>(Def))
      continue;
    It->second.push_back(cast<CXXMethodDecl>(Def));
  }
  return It->second;
}

const CXXRecordDecl *ConcurrencyModel::sharedClassOf(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!MD || MD->getParent()->isLambda())
    return nullptr;
  const CXXRecordDecl *Class = MD->getParent()->getDefinition();
  return Class && !sharedClassMembers(Class).empty() ? Class : nullptr;
}

void ConcurrencyModel::dump(llvm::raw_ostream &OS,
                            const MemberThreadPeers &P) const {
  const SourceManager &SM = S.astContext().getSourceManager();
  OS << "member thread: '" << P.Starter->getQualifiedNameAsString() << "' at "
     << position(SM, P.SpawnLoc) << " starts ";
  const auto *Op = dyn_cast_or_null<CXXMethodDecl>(P.Body);
  if (Op && Op->getParent()->isLambda())
    OS << "the lambda at " << position(SM, Op->getParent()->getLocation());
  else if (P.Body)
    OS << "'" << P.Body->getQualifiedNameAsString() << "'";
  else
    OS << "unknown code";
  if (P.Handle)
    OS << " into '" << P.Handle->getName() << "'";
  else
    OS << " on '*this'";
  if (P.Dynamic)
    OS << " on a '" << P.Dynamic->getQualifiedNameAsString() << "'";
  OS << "\n";
  for (const ConcurrentMember &M : P.Members) {
    OS << "  runs beside '" << M.Method->getQualifiedNameAsString() << "'";
    if (M.JoinedAt.isValid())
      OS << " until the join at " << position(SM, M.JoinedAt);
    OS << "\n";
  }
}

} // namespace fearless
