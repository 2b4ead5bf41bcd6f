//===- ThreadModelClasses.cpp - Objects of a project's thread classes -----===//
//
// The spawn sites of objects of thread classes (ThreadWrappers.h): an
// object constructed from a callable is a thread created stopped, started by
// the class's start function. SpawnRecognizer makes the construction the
// site and moves it to the start call in the same function; a member of
// *this constructed by the class's constructor and started in another member
// function is a site at the start call.
//
//===----------------------------------------------------------------------===//

#include "ThreadModelInternal.h"
#include "fearless/ASTUtil.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace fearless::threadmodel {

namespace {

/// The construction of a \p RD object in the body of \p Factory, an
/// instantiation of std::make_unique or the like.
const CXXConstructExpr *constructionIn(const FunctionDecl *Factory,
                                       const CXXRecordDecl *RD) {
  const FunctionDecl *Def = Factory ? Factory->getDefinition() : nullptr;
  if (!Def || !Def->getBody())
    return nullptr;
  llvm::SmallVector<const Stmt *, 16> Work{Def->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(S);
        CE && CE->getConstructor() &&
        CE->getConstructor()->getParent()->getCanonicalDecl() ==
            RD->getCanonicalDecl())
      return CE;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return nullptr;
}

/// Whether \p E, written in \p Ctor, uses none of its parameters or locals
/// (only *this and what outlives the constructor).
bool usesOnlyThis(const Expr *E, const FunctionDecl *Ctor) {
  bool Own = false;
  llvm::SmallVector<const Stmt *, 16> Work{E};
  while (!Work.empty() && !Own) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Own |= VD->hasLocalStorage() && VD->getDeclContext() == Ctor;
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      for (const LambdaCapture &C : L->captures())
        Own |= C.capturesVariable();
      continue; // its body may use what it captured, checked just above
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return !Own;
}

/// The thread-class object that `ws.emplace_back(f)` constructs in its
/// container from the arguments: the constructor that stores a callable
/// and takes that many arguments, when exactly one does (the construction
/// itself is deep in the container's code).
std::optional<ThreadClassObject>
emplacedThreadClass(const CXXMemberCallExpr *MC, const LibraryModel &Lib) {
  const CXXMethodDecl *M = MC->getMethodDecl();
  if (!M || !M->getIdentifier() || !M->getName().starts_with("emplace") ||
      MC->getNumArgs() == 0 || !Lib.isContainerInsert(M))
    return std::nullopt;
  const CXXRecordDecl *RD = classOf(
      LibraryModel::elementType(MC->getImplicitObjectArgument()->getType()));
  const ThreadClass *TC = RD ? Lib.wrappers()->threadClass(RD) : nullptr;
  if (!TC || classOf(MC->getArg(0)->getType()) == RD)
    return std::nullopt; // a copy or a move of an object made elsewhere
  std::optional<ThreadClassObject> Found;
  for (auto [Ctor, Index] : TC->Stores) {
    unsigned N = MC->getNumArgs();
    if (N < Ctor->getMinRequiredArguments() || N > Ctor->getNumParams() ||
        Index >= N ||
        !isCallableType(MC->getArg(Index)->getType().getNonReferenceType()))
      continue;
    if (Found)
      return std::nullopt; // which one overload resolution picks is unknown
    Found = ThreadClassObject{TC, MC->getArg(Index),
                              llvm::is_contained(TC->StartingCtors, Ctor)};
  }
  return Found;
}

} // namespace

std::optional<ThreadClassObject>
threadClassConstruction(const Expr *E, const LibraryModel &Lib) {
  const ThreadWrappers *W = Lib.wrappers();
  if (!W)
    return std::nullopt;
  const CXXConstructExpr *CE = dyn_cast<CXXConstructExpr>(E);
  llvm::ArrayRef<const Expr *> Args;
  if (CE) {
    Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
  } else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Lib.isPointerFactory(Call->getDirectCallee())) {
    // std::make_unique<Thread>(f): the arguments go to the constructor the
    // factory calls, in order.
    const CXXRecordDecl *RD = classOf(templateArgType(Call->getType(), 0));
    if (!RD || !W->threadClass(RD))
      return std::nullopt;
    CE = constructionIn(Call->getDirectCallee(), RD);
    Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E); MC && !CE)
    return emplacedThreadClass(MC, Lib);
  if (!CE || !CE->getConstructor())
    return std::nullopt;
  std::optional<unsigned> P = W->threadClassParam(CE->getConstructor());
  if (!P || *P >= Args.size() || Args[*P]->isDefaultArgument())
    return std::nullopt;
  const ThreadClass *TC = W->threadClass(CE->getConstructor()->getParent());
  return ThreadClassObject{
      TC, Args[*P],
      llvm::is_contained(TC->StartingCtors,
                         CE->getConstructor()->getCanonicalDecl())};
}

std::optional<ThreadClassObject>
memberThreadClassStart(const CXXMemberCallExpr *MC, const LibraryModel &Lib,
                       const FieldDecl **Field) {
  const ThreadWrappers *W = Lib.wrappers();
  const CXXMethodDecl *M = MC->getMethodDecl();
  const ThreadClass *TC = W && M ? W->threadClass(M->getParent()) : nullptr;
  if (!TC || TC->Start != M->getCanonicalDecl())
    return std::nullopt;
  const Expr *Obj = MC->getImplicitObjectArgument();
  const auto *ME = Obj ? dyn_cast<MemberExpr>(Obj->IgnoreParenImpCasts())
                       : nullptr;
  const auto *F = ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts())
                      ? dyn_cast<FieldDecl>(ME->getMemberDecl())
                      : nullptr;
  if (!F || F->getType()->isReferenceType() || F->getType()->isPointerType())
    return std::nullopt;
  // Every constructor (with a body here) constructs the member from the
  // same callable: one constructor, or several that leave it to the default
  // member initializer.
  const Expr *Callable = nullptr;
  bool Agree = true;
  auto Take = [&](const Expr *Init, const FunctionDecl *In) {
    if (const auto *Default = dyn_cast_or_null<CXXDefaultInitExpr>(Init))
      Init = Default->getExpr();
    std::optional<ThreadClassObject> O =
        Init ? threadClassConstruction(Init->IgnoreImplicit(), Lib)
             : std::nullopt;
    if (!O || O->Class != TC || !usesOnlyThis(O->Callable, In) ||
        (Callable && Callable != O->Callable)) {
      Agree = false;
      return;
    }
    Callable = O->Callable;
  };
  const auto *Owner = dyn_cast<CXXRecordDecl>(F->getParent());
  if (!Owner)
    return std::nullopt;
  for (const CXXConstructorDecl *Ctor : Owner->ctors()) {
    const auto *Def = dyn_cast_or_null<CXXConstructorDecl>(Ctor->getDefinition());
    if (!Def || Def->isCopyOrMoveConstructor() || Def->isDelegatingConstructor())
      continue;
    for (const CXXCtorInitializer *Init : Def->inits())
      if (Init->isMemberInitializer() && Init->getMember() == F)
        Take(Init->getInit(), Def);
  }
  if (!Agree || !Callable)
    return std::nullopt;
  if (Field)
    *Field = F;
  return ThreadClassObject{TC, Callable};
}

std::optional<SpawnSite> threadClassSite(const Expr *E, const LibraryModel &Lib,
                                         const ParentMap &PM,
                                         const HandleTracker &Handles,
                                         const Expr *&StartedAt) {
  SpawnSite S;
  S.Kind = SpawnKind::SpawnFunction;
  S.Handle = HandleKind::PThread;
  S.Spawn = E;
  if (std::optional<ThreadClassObject> Object =
          threadClassConstruction(E, Lib)) {
    // A thread created stopped, which runs from the start call on the
    // object in this function (none: it is started elsewhere, where it is
    // known only as a member of *this), or from the construction when the
    // constructor starts it.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      // An element of the container it is emplaced into.
      S.Sink.Kind = SinkKind::Escaped;
      S.Sink.Loc = E->getBeginLoc();
      if (auto Ref = Handles.resolveHandle(MC->getImplicitObjectArgument()))
        if (const auto *VD = dyn_cast_if_present<const ValueDecl *>(Ref->Key)) {
          S.Sink.Decl = VD;
          S.Sink.Kind = sinkKindOf(VD);
          S.Sink.Element = true;
        }
    } else {
      S.Sink = Handles.findSink(E);
      if (isa<CallExpr>(E))
        S.Sink.Indirect = true;
    }
    if (!Object->Started) {
      StartedAt = startCallOf(E, S.Sink.Decl, Object->Class->Start->getName(),
                              PM, Handles, S.Sink.Element);
      if (!StartedAt)
        return std::nullopt;
    }
    S.Callable = Object->Callable;
    S.Callee = Object->Class->Start;
    S.Sink.JoinsOnDestroy |= Object->Class->DestructorJoins;
    return S;
  }
  // thread_.start() of a member the constructor made from a callable.
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const FieldDecl *Field = nullptr;
  std::optional<ThreadClassObject> Object =
      MC ? memberThreadClassStart(MC, Lib, &Field) : std::nullopt;
  if (!Object)
    return std::nullopt;
  S.Callable = Object->Callable;
  S.Callee = Object->Class->Start;
  S.Sink.Kind = SinkKind::Member;
  S.Sink.Decl = Field;
  S.Sink.Loc = MC->getBeginLoc();
  S.Sink.JoinsOnDestroy = Object->Class->DestructorJoins;
  return S;
}

} // namespace fearless::threadmodel
