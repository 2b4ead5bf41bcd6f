//===- ThreadModel.cpp - Where threads start, what they run and borrow ----===//

#include "fearless/ASTUtil.h"
#include "fearless/Threads.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace fearless {

namespace {

constexpr llvm::StringRef SpawnAnnotation = "fearless::spawn";
constexpr llvm::StringRef ScopedSpawnAnnotation = "fearless::scoped_spawn";

/// Whether parameter \p Index of \p FD (or of any redeclaration, or of the
/// template pattern) carries \p What.
bool paramHasAnnotation(const FunctionDecl *FD, unsigned Index,
                        llvm::StringRef What) {
  auto Check = [&](const FunctionDecl *D) {
    return D && Index < D->getNumParams() &&
           hasAnnotation(D->getParamDecl(Index), What);
  };
  for (const FunctionDecl *D : FD->redecls())
    if (Check(D))
      return true;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    for (const FunctionDecl *D : Pattern->redecls())
      if (Check(D))
        return true;
  return false;
}

/// Whether any parameter of \p FD is annotated as a spawn.
bool hasSpawnParam(const FunctionDecl *FD) {
  for (unsigned I = 0, N = FD->getNumParams(); I != N; ++I)
    if (paramHasAnnotation(FD, I, SpawnAnnotation) ||
        paramHasAnnotation(FD, I, ScopedSpawnAnnotation))
      return true;
  return false;
}

/// Whether the construction makes a thread run a callable (not a copy, move
/// or default construction).
bool isThreadConstruction(const CXXConstructExpr *CE, const LibraryModel &Lib) {
  if (CE->getNumArgs() == 0 ||
      Lib.threadClassKind(CE->getType()) == HandleKind::None)
    return false;
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  return Ctor && !Ctor->isCopyOrMoveConstructor();
}

/// Whether a container insertion constructs a thread from a callable in
/// place (emplace_back(f), not push_back(std::thread(f))).
bool isEmplaceSpawn(const CXXMemberCallExpr *Call, const LibraryModel &Lib) {
  const CXXMethodDecl *M = Call->getMethodDecl();
  if (!M || !Lib.isContainerInsert(M) || Call->getNumArgs() == 0)
    return false;
  QualType Elem =
      LibraryModel::elementType(Call->getImplicitObjectArgument()->getType());
  if (Lib.threadClassKind(Elem) == HandleKind::None)
    return false;
  const Expr *First = stripMoves(Call->getArg(0));
  return Lib.threadClassKind(First->getType()) == HandleKind::None &&
         isCallableType(First->getType());
}

const Expr *ignoreExplicitPointerCasts(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *CE = dyn_cast<ExplicitCastExpr>(E);
        CE &&
        (CE->getType()->isPointerType() || CE->getType()->isReferenceType())) {
      E = CE->getSubExpr();
      continue;
    }
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
        ICE && ICE->getCastKind() != CK_ArrayToPointerDecay) {
      E = ICE->getSubExpr();
      continue;
    }
    return E;
  }
}

/// The variable at the root of an lvalue: x in x, x.f, x[i], x.f[i].g.
const ValueDecl *rootVar(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return nullptr;
      E = ME->getBase();
      continue;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      if (!ASE->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        return nullptr;
      E = ASE->getBase();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// Finds whether a variable is written after its initialization anywhere in
/// a function body (assignment, increment, address taken, non-const
/// reference bound).
class ReassignmentFinder : public RecursiveASTVisitor<ReassignmentFinder> {
public:
  explicit ReassignmentFinder(const VarDecl *V) : V(V) {}
  bool Found = false;

  bool refersToV(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == V;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && refersToV(BO->getLHS()))
      Found = true;
    return !Found;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if ((UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
        refersToV(UO->getSubExpr()))
      Found = true;
    return !Found;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *OCE) {
    if (OCE->isAssignmentOp() && OCE->getNumArgs() > 0 &&
        refersToV(OCE->getArg(0)))
      Found = true;
    return !Found;
  }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    for (unsigned I = 0, N = CE->getNumArgs(); I != N; ++I) {
      if (!refersToV(CE->getArg(I)))
        continue;
      const ParmVarDecl *P =
          FD && I < FD->getNumParams() ? FD->getParamDecl(I) : nullptr;
      if (!P || (P->getType()->isReferenceType() &&
                 !P->getType().getNonReferenceType().isConstQualified()))
        Found = true;
    }
    return !Found;
  }

private:
  const VarDecl *V;
};

} // namespace

/// Where a handle stored into \p VD lives: a member of *this, a local, or a
/// global.
static SinkKind sinkKindOf(const ValueDecl *VD) {
  if (isa<FieldDecl>(VD))
    return SinkKind::Member;
  if (const auto *Var = dyn_cast<VarDecl>(VD); Var && Var->hasLocalStorage())
    return SinkKind::Local;
  return SinkKind::Global;
}

bool ThreadModel::isSpawnExpr(const Expr *E, const LibraryModel &Lib) {
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (isThreadConstruction(CE, Lib))
      return true;
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    return Ctor && hasSpawnParam(Ctor);
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (isEmplaceSpawn(MC, Lib))
      return true;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD)
      return false;
    if (Lib.spawnFunction(FD))
      return true;
    if (Lib.isPointerFactory(FD) &&
        Lib.threadClassKind(templateArgType(Call->getType(), 0)) !=
            HandleKind::None &&
        Call->getNumArgs() > 0)
      return true;
    if (Lib.isUserSpawnFunction(FD) || Lib.isUserScopedSpawnFunction(FD))
      return true;
    if (Lib.parallelAlgorithmCallable(Call))
      return true;
    return hasSpawnParam(FD);
  }
  return false;
}

ThreadModel::ThreadModel(const FunctionDecl *FD, const LibraryModel &Lib,
                         const ParentMap &PM,
                         llvm::ArrayRef<const Expr *> SpawnExprs)
    : FD(FD), Lib(Lib), PM(PM) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isMemberInitializer() && Init->getInit())
        MemberInits[Init->getInit()] = Init->getMember();
  // Range-for loop variables name elements of their range.
  struct RangeForFinder : RecursiveASTVisitor<RangeForFinder> {
    llvm::DenseMap<const VarDecl *, const CXXForRangeStmt *> &Out;
    explicit RangeForFinder(
        llvm::DenseMap<const VarDecl *, const CXXForRangeStmt *> &Out)
        : Out(Out) {}
    bool VisitCXXForRangeStmt(CXXForRangeStmt *RF) {
      if (const VarDecl *V = RF->getLoopVariable())
        Out[V] = RF;
      return true;
    }
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  };
  if (FD->getBody())
    RangeForFinder(RangeFors).TraverseStmt(const_cast<Stmt *>(FD->getBody()));
  for (const Expr *E : SpawnExprs)
    addSpawn(E);
}

const CXXForRangeStmt *ThreadModel::rangeForOf(const VarDecl *V) const {
  auto It = RangeFors.find(V);
  return It == RangeFors.end() ? nullptr : It->second;
}

llvm::ArrayRef<unsigned> ThreadModel::spawnsAt(const Expr *E) const {
  auto It = SpawnIndex.find(E);
  if (It == SpawnIndex.end())
    return {};
  return It->second;
}

void ThreadModel::addSpawn(const Expr *E) {
  auto Add = [&](SpawnKind Kind, HandleKind Handle, const Expr *Callable,
                 llvm::ArrayRef<const Expr *> Args) -> SpawnSite & {
    SpawnSite S;
    S.Id = Spawns.size();
    S.Kind = Kind;
    S.Handle = Handle;
    S.Spawn = E;
    S.Callable = Callable;
    S.Args.append(Args.begin(), Args.end());
    S.InLoop = isInLoop(E);
    SpawnIndex[E].push_back(S.Id);
    Spawns.push_back(std::move(S));
    return Spawns.back();
  };

  llvm::ArrayRef<const Expr *> Args = argsOf(E);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
      CE && isThreadConstruction(CE, Lib)) {
    SpawnSite &S =
        Add(SpawnKind::ThreadConstructor, Lib.threadClassKind(CE->getType()),
            Args[0], Args.drop_front());
    S.Sink = findSink(E);
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
             MC && isEmplaceSpawn(MC, Lib)) {
    QualType Elem =
        LibraryModel::elementType(MC->getImplicitObjectArgument()->getType());
    SpawnSite &S = Add(SpawnKind::ContainerEmplace, Lib.threadClassKind(Elem),
                       Args[0], Args.drop_front());
    HandleSink Sink;
    if (auto Ref = resolveHandle(MC->getImplicitObjectArgument()))
      if (const auto *VD = dyn_cast_if_present<const ValueDecl *>(Ref->Key)) {
        Sink.Decl = VD;
        Sink.Kind = sinkKindOf(VD);
        Sink.Element = true;
      }
    if (Sink.Kind == SinkKind::None)
      Sink.Kind = SinkKind::Escaped;
    Sink.Loc = E->getBeginLoc();
    S.Sink = Sink;
  } else if (const FunctionDecl *Callee = calleeOf(E)) {
    if (const SpawnFunctionModel *M = Lib.spawnFunction(Callee)) {
      int CallableIdx = M->CallableArg;
      if (CallableIdx < 0) {
        CallableIdx = -1;
        for (unsigned I = 0; I < Args.size(); ++I)
          if (isCallableType(Args[I]->getType())) {
            CallableIdx = I;
            break;
          }
      }
      if (CallableIdx < 0 || unsigned(CallableIdx) >= Args.size())
        return;
      llvm::SmallVector<const Expr *, 4> ThreadArgs;
      if (M->ContextArg >= 0) {
        if (unsigned(M->ContextArg) < Args.size())
          ThreadArgs.push_back(Args[M->ContextArg]);
      } else {
        ThreadArgs.append(Args.begin() + CallableIdx + 1, Args.end());
      }
      SpawnSite &S =
          Add(SpawnKind::SpawnFunction, M->Kind, Args[CallableIdx], ThreadArgs);
      S.Callee = Callee;
      if (M->HandleArg >= 0 && unsigned(M->HandleArg) < Args.size()) {
        HandleSink Sink;
        Sink.Kind = SinkKind::Escaped;
        Sink.Loc = E->getBeginLoc();
        const Expr *H = Args[M->HandleArg]->IgnoreParenImpCasts();
        if (const auto *UO = dyn_cast<UnaryOperator>(H);
            UO && UO->getOpcode() == UO_AddrOf)
          H = UO->getSubExpr();
        else if (const auto *BO = dyn_cast<BinaryOperator>(H);
                 BO && BO->isAdditiveOp())
          H = BO->getLHS(); // tids + i
        if (auto Ref = resolveHandle(H)) {
          if (const auto *VD =
                  dyn_cast_if_present<const ValueDecl *>(Ref->Key)) {
            Sink.Decl = VD;
            Sink.Element = Ref->Element || VD->getType()->isArrayType();
            Sink.Kind = sinkKindOf(VD);
          }
        }
        S.Sink = Sink;
      } else {
        S.Sink = findSink(E);
      }
    } else if (const Expr *Body =
                   isa<CallExpr>(E)
                       ? Lib.parallelAlgorithmCallable(cast<CallExpr>(E))
                       : nullptr) {
      SpawnSite &S = Add(SpawnKind::ScopedCall, HandleKind::None, Body, {});
      S.Callee = Callee;
      S.Sink.Kind = SinkKind::None;
      S.Sink.Loc = E->getBeginLoc();
    } else if (Lib.isPointerFactory(Callee)) {
      QualType Thread = templateArgType(E->getType(), 0);
      SpawnSite &S = Add(SpawnKind::PointerFactory, Lib.threadClassKind(Thread),
                         Args[0], Args.drop_front());
      S.Sink = findSink(E);
      S.Sink.Indirect = true;
    } else {
      // Annotated parameters and SpawnFunctions/ScopedSpawnFunctions.
      bool UserSpawn = Lib.isUserSpawnFunction(Callee);
      bool UserScoped = Lib.isUserScopedSpawnFunction(Callee);
      unsigned Offset = 0;
      if (isa<CXXOperatorCallExpr>(E) && isa<CXXMethodDecl>(Callee) &&
          !cast<CXXMethodDecl>(Callee)->isStatic())
        Offset = 1;
      for (unsigned I = 0; I + Offset < Args.size(); ++I) {
        if (I >= Callee->getNumParams())
          break;
        bool Detached = paramHasAnnotation(Callee, I, SpawnAnnotation);
        bool Scoped = paramHasAnnotation(Callee, I, ScopedSpawnAnnotation);
        const Expr *Arg = Args[I + Offset];
        if (!Detached && !Scoped && (UserSpawn || UserScoped) &&
            isCallableType(Arg->getType())) {
          Detached = UserSpawn;
          Scoped = UserScoped;
        }
        if (!Detached && !Scoped)
          continue;
        SpawnSite &S =
            Add(Detached ? SpawnKind::DetachedCall : SpawnKind::ScopedCall,
                HandleKind::None, Arg, {});
        S.Callee = Callee;
        S.Param = Callee->getParamDecl(I);
        S.Sink.Kind = SinkKind::None;
        S.Sink.Loc = E->getBeginLoc();
        if (UserSpawn || UserScoped)
          break; // only the first callable of a listed function
      }
    }
  }
  // Only the sites this expression added (a function may have thousands).
  auto It = SpawnIndex.find(E);
  if (It == SpawnIndex.end())
    return;
  for (unsigned Id : It->second) {
    SpawnSite &S = Spawns[Id];
    S.Body = resolveBody(S.Callable);
    if (S.Borrows.empty())
      collectBorrows(S);
  }
}

const Stmt *ThreadModel::semanticParent(const Stmt *E) const {
  const Stmt *Cur = E;
  while (const Stmt *P = PM.getParent(Cur)) {
    if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups, ConstantExpr>(P)) {
      Cur = P;
      continue;
    }
    if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(P);
        FCE && (FCE->getCastKind() == CK_NoOp ||
                FCE->getCastKind() == CK_ConstructorConversion)) {
      Cur = P;
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P);
        CE && CE->getNumArgs() == 1 && CE->getConstructor() &&
        CE->getConstructor()->isCopyOrMoveConstructor()) {
      Cur = P;
      continue;
    }
    return P;
  }
  return nullptr;
}

HandleSink ThreadModel::findSink(const Expr *E) const {
  HandleSink Sink;
  Sink.Loc = E->getBeginLoc();
  const Stmt *Cur = E;
  const Expr *Temp = nullptr;
  bool Indirect = false;
  auto SetVar = [&](const ValueDecl *VD, bool Element) {
    Sink.Decl = VD;
    Sink.Element = Element;
    Sink.Indirect = Indirect;
    Sink.Kind = sinkKindOf(VD);
  };
  // The thread moved into a join guard's constructor: the guard owns it now.
  auto IntoJoinGuard = [&](const CXXConstructExpr *CE) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!Ctor)
      return false;
    auto Guard = Lib.joinGuard(Ctor->getParent());
    if (!Guard || Guard->ByReference)
      return false;
    for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
      if (CE->getArg(I) == Cur)
        return Lib.isGuardThreadParam(Ctor->getParamDecl(I), *Guard);
    return false;
  };
  for (unsigned Steps = 0; Steps < 64; ++Steps) {
    const Stmt *P = PM.getParent(Cur);
    if (!P) {
      auto It = MemberInits.find(dyn_cast<Expr>(Cur));
      if (It != MemberInits.end()) {
        SetVar(It->second, false);
        return Sink;
      }
      Sink.Kind = SinkKind::Escaped;
      return Sink;
    }
    if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(P)) {
      if (!Temp)
        Temp = BTE;
      Cur = P;
      continue;
    }
    if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
            ExprWithCleanups, ConstantExpr>(P)) {
      Cur = P;
      continue;
    }
    if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(P)) {
      Cur = P;
      (void)FCE;
      continue;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit() == Cur) {
          if (VD->getType()->isPointerType() && Indirect &&
              !Lib.isOwningPointer(VD->getType())) {
            Sink.Kind = SinkKind::Escaped;
            Sink.Loc = VD->getLocation();
            Sink.Decl = VD;
            return Sink;
          }
          SetVar(VD, false);
          return Sink;
        }
      Sink.Kind = SinkKind::Escaped;
      return Sink;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      // A move into another handle of the same kind, or into an owning
      // pointer: follow the new owner.
      if (CE->getConstructor() &&
          (CE->getConstructor()->isCopyOrMoveConstructor() ||
           Lib.isOwningPointer(CE->getType()))) {
        Indirect |= Lib.isOwningPointer(CE->getType());
        Cur = P;
        continue;
      }
      if (IntoJoinGuard(CE)) {
        Sink.JoinsOnDestroy = true;
        Temp = nullptr; // the guard, not the thread, is the temporary now
        Cur = P;
        continue;
      }
      Sink.Kind = SinkKind::Escaped;
      Sink.Loc = CE->getBeginLoc();
      return Sink;
    }
    if (isa<CXXNewExpr>(P)) {
      Indirect = true;
      Cur = P;
      continue;
    }
    if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(P);
        OCE && OCE->getOperator() == OO_Equal && OCE->getNumArgs() == 2 &&
        OCE->getArg(1) == Cur) {
      if (auto Ref = resolveHandle(OCE->getArg(0)))
        if (const auto *VD = dyn_cast_if_present<const ValueDecl *>(Ref->Key)) {
          SetVar(VD, Ref->Element);
          Sink.Loc = OCE->getBeginLoc();
          return Sink;
        }
      Sink.Kind = SinkKind::Escaped;
      Sink.Loc = OCE->getBeginLoc();
      return Sink;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P);
        BO && BO->getOpcode() == BO_Assign && BO->getRHS() == Cur) {
      // A raw pointer from new: leaked unless owned by a smart pointer.
      Sink.Kind = SinkKind::Escaped;
      Sink.Loc = BO->getBeginLoc();
      return Sink;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(P)) {
      if (MC->getImplicitObjectArgument() &&
          MC->getImplicitObjectArgument()->IgnoreParenImpCasts() ==
              cast<Expr>(Cur)->IgnoreParenImpCasts()) {
        Sink.Kind = SinkKind::Temporary;
        Sink.Temp = Temp ? Temp : E;
        return Sink;
      }
      if (Lib.isContainerInsert(MC->getMethodDecl())) {
        if (auto Ref = resolveHandle(MC->getImplicitObjectArgument()))
          if (const auto *VD =
                  dyn_cast_if_present<const ValueDecl *>(Ref->Key)) {
            SetVar(VD, true);
            Sink.Loc = MC->getBeginLoc();
            return Sink;
          }
      }
      Sink.Kind = SinkKind::Escaped;
      Sink.Loc = MC->getBeginLoc();
      return Sink;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      // std::thread(f).detach(): the temporary is the object of a call.
      (void)ME;
      Sink.Kind = SinkKind::Temporary;
      Sink.Temp = Temp ? Temp : E;
      return Sink;
    }
    if (isa<ReturnStmt>(P)) {
      Sink.Kind = SinkKind::Returned;
      Sink.Loc = P->getBeginLoc();
      return Sink;
    }
    if (isa<CallExpr>(P) || isa<InitListExpr>(P) || isa<LambdaExpr>(P) ||
        isa<CXXParenListInitExpr>(P)) {
      Sink.Kind = SinkKind::Escaped;
      Sink.Loc = P->getBeginLoc();
      return Sink;
    }
    if (isa<Expr>(P)) {
      Sink.Kind = SinkKind::Escaped;
      Sink.Loc = P->getBeginLoc();
      return Sink;
    }
    // A statement: the value is discarded at the end of the full-expression.
    Sink.Kind = SinkKind::Temporary;
    Sink.Temp = Temp ? Temp : E;
    return Sink;
  }
  Sink.Kind = SinkKind::Escaped;
  return Sink;
}

std::optional<HandleRef> ThreadModel::resolveHandle(const Expr *E) const {
  for (unsigned Steps = 0; E && Steps < 16; ++Steps) {
    E = E->IgnoreParens();
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E)) {
      E = ICE->getSubExpr();
      continue;
    }
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MTE->getSubExpr();
      continue;
    }
    if (isa<CXXBindTemporaryExpr>(E))
      return HandleRef{HandleKey(E), false};
    if (const auto *FCE = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = FCE->getSubExpr();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return std::nullopt;
      if (VD->getType()->isReferenceType()) {
        if (const auto *RF = rangeForOf(VD)) {
          auto Ref = resolveHandle(RF->getRangeInit());
          if (!Ref)
            return std::nullopt;
          Ref->Element = true;
          return Ref;
        }
        if (const Expr *Init = VD->getInit()) {
          if (Init->IgnoreParenImpCasts() == E)
            return std::nullopt;
          E = Init;
          continue;
        }
        return std::nullopt;
      }
      return HandleRef{HandleKey(static_cast<const ValueDecl *>(VD)), false};
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
        if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
          return HandleRef{HandleKey(static_cast<const ValueDecl *>(FD)),
                           false};
      return std::nullopt;
    }
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      auto Ref = resolveHandle(ASE->getBase());
      if (Ref)
        Ref->Element = true;
      return Ref;
    }
    if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (OCE->getNumArgs() == 0)
        return std::nullopt;
      OverloadedOperatorKind Op = OCE->getOperator();
      if (Op == OO_Subscript) {
        auto Ref = resolveHandle(OCE->getArg(0));
        if (Ref)
          Ref->Element = true;
        return Ref;
      }
      if ((Op == OO_Star || Op == OO_Arrow) &&
          Lib.isOwningPointer(OCE->getArg(0)->getType())) {
        E = OCE->getArg(0);
        continue;
      }
      return std::nullopt;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      if (Lib.isContainerElement(MC->getMethodDecl())) {
        auto Ref = resolveHandle(MC->getImplicitObjectArgument());
        if (Ref)
          Ref->Element = true;
        return Ref;
      }
      return std::nullopt;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_Deref) {
      const Expr *Sub = UO->getSubExpr()->IgnoreParenImpCasts();
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Sub))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          if (const VarDecl *Target = pointee(VD))
            return HandleRef{HandleKey(static_cast<const ValueDecl *>(Target)),
                             false};
      return std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

void ThreadModel::collectBorrows(SpawnSite &S) {
  if (S.Callable)
    collectBorrowsFromValue(S.Callable, S, nullptr, 0);
  for (const Expr *Arg : S.Args)
    collectBorrowsFromValue(Arg, S, nullptr, 0);
}

bool ThreadModel::isOwnedHere(const ValueDecl *V) const {
  V = bindingOwner(V);
  const auto *VD = dyn_cast_or_null<VarDecl>(V);
  if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType())
    return false;
  return VD->getDeclContext() == FD;
}

void ThreadModel::addBorrow(SpawnSite &S, const ValueDecl *Named,
                            BorrowKind Kind, SourceLocation Loc,
                            SourceRange Range, const VarDecl *Via) {
  // A local reference names what it is bound to.
  for (unsigned Steps = 0; Steps < 4; ++Steps) {
    const auto *VD = dyn_cast_or_null<VarDecl>(Named);
    if (!VD || !VD->getType()->isReferenceType() || !VD->hasLocalStorage() ||
        VD->getDeclContext() != FD)
      break;
    const Expr *Init = VD->getInit();
    if (!Init)
      return;
    // A reference bound to a temporary extends its life to the reference's.
    if (isa<MaterializeTemporaryExpr>(Init->IgnoreParenImpCasts()) ||
        isa<ExprWithCleanups>(Init)) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(stripWrappers(Init)); !DRE) {
        // Borrowing the lifetime-extended temporary: dies with VD.
        Borrow B;
        B.Var = VD;
        B.Named = VD;
        B.Kind = Kind;
        B.Loc = Loc;
        B.Range = Range;
        B.Via = Via;
        S.Borrows.push_back(B);
        return;
      }
    }
    const ValueDecl *Root = rootVar(Init);
    if (!Root)
      return;
    Named = Root;
  }
  if (!isOwnedHere(Named))
    return;
  const ValueDecl *Owner = bindingOwner(Named);
  for (const Borrow &Existing : S.Borrows)
    if (Existing.Var == Owner)
      return;
  Borrow B;
  B.Var = Owner;
  B.Named = Named;
  B.Kind = Via && Kind != BorrowKind::ThroughPointer ? BorrowKind::ThroughObject
                                                     : Kind;
  B.Loc = Loc;
  B.Range = Range;
  B.Via = Via;
  S.Borrows.push_back(B);
}

const Expr *ThreadModel::singleInitializer(const VarDecl *V) const {
  if (!V || !V->hasLocalStorage() || !V->getInit() || !FD->getBody())
    return nullptr;
  ReassignmentFinder Finder(V);
  Finder.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
  return Finder.Found ? nullptr : V->getInit();
}

const VarDecl *ThreadModel::pointee(const VarDecl *Pointer) const {
  if (!Pointer || !Pointer->getType()->isPointerType())
    return nullptr;
  const Expr *Init = singleInitializer(Pointer);
  if (!Init)
    return nullptr;
  const Expr *E = ignoreExplicitPointerCasts(Init);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    return dyn_cast_or_null<VarDecl>(rootVar(UO->getSubExpr()));
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
      ICE && ICE->getCastKind() == CK_ArrayToPointerDecay)
    return dyn_cast_or_null<VarDecl>(rootVar(ICE->getSubExpr()));
  return nullptr;
}

void ThreadModel::collectBorrowsFromLambda(const LambdaExpr *L, SpawnSite &S,
                                           const VarDecl *Via, unsigned Depth) {
  for (const LambdaCapture &C : L->captures()) {
    if (!C.capturesVariable())
      continue;
    const ValueDecl *V = C.getCapturedVar();
    const auto *VD = dyn_cast<VarDecl>(V);
    if (VD && VD->isInitCapture()) {
      const Expr *Init = VD->getInit();
      if (!Init)
        continue;
      if (VD->getType()->isReferenceType()) {
        if (const ValueDecl *Root = rootVar(Init)) {
          size_t Before = S.Borrows.size();
          addBorrow(S, Root, BorrowKind::Capture, C.getLocation(),
                    SourceRange(C.getLocation()), Via);
          if (S.Borrows.size() > Before) {
            S.Borrows.back().Lambda = L;
            S.Borrows.back().Capture = &C;
          }
        }
      } else {
        collectBorrowsFromValue(Init, S, Via, Depth + 1);
      }
      continue;
    }
    if (C.getCaptureKind() == LCK_ByRef) {
      size_t Before = S.Borrows.size();
      addBorrow(S, V, BorrowKind::Capture, C.getLocation(),
                SourceRange(C.getLocation()), Via);
      if (S.Borrows.size() > Before) {
        S.Borrows.back().Lambda = L;
        S.Borrows.back().Capture = &C;
      }
      continue;
    }
    // Captured by copy: a pointer or an object may still carry a reference.
    if (VD &&
        (VD->getType()->isPointerType() || VD->getType()->isRecordType())) {
      if (const VarDecl *Target = pointee(VD)) {
        addBorrow(S, Target, BorrowKind::ThroughPointer, C.getLocation(),
                  SourceRange(C.getLocation()), VD);
      } else if (VD->getType()->isRecordType() && Depth < 3) {
        if (const Expr *Init = singleInitializer(VD))
          collectBorrowsFromValue(Init, S, Via ? Via : VD, Depth + 1);
      }
    }
  }
}

void ThreadModel::collectBorrowsFromValue(const Expr *E, SpawnSite &S,
                                          const VarDecl *Via, unsigned Depth) {
  if (!E || Depth > 4)
    return;
  // Casts to void* and friends keep the pointer.
  const Expr *Raw = ignoreExplicitPointerCasts(E);
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(Raw);
      ICE && ICE->getCastKind() == CK_ArrayToPointerDecay) {
    if (const ValueDecl *Root = rootVar(ICE->getSubExpr()))
      addBorrow(S, Root, BorrowKind::Address, Raw->getBeginLoc(),
                Raw->getSourceRange(), Via);
    return;
  }
  E = stripMoves(Raw);
  E = ignoreExplicitPointerCasts(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf) {
    if (const ValueDecl *Root = rootVar(UO->getSubExpr()))
      addBorrow(S, Root, BorrowKind::Address, UO->getBeginLoc(),
                UO->getSourceRange(), Via);
    return;
  }
  if (const auto *L = dyn_cast<LambdaExpr>(E)) {
    collectBorrowsFromLambda(L, S, Via, Depth);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && (isStdDecl(Callee, "ref") || isStdDecl(Callee, "cref")) &&
        Call->getNumArgs() == 1) {
      if (const ValueDecl *Root = rootVar(Call->getArg(0)))
        addBorrow(S, Root, BorrowKind::RefWrapper, Call->getBeginLoc(),
                  Call->getSourceRange(), Via);
      return;
    }
    if (Callee &&
        (isStdDecl(Callee, "bind") || isStdDecl(Callee, "bind_front") ||
         isStdDecl(Callee, "bind_back"))) {
      for (const Expr *Arg : Call->arguments())
        collectBorrowsFromValue(Arg, S, Via, Depth + 1);
      return;
    }
    return;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->hasLocalStorage())
      return;
    if (VD->getType()->isPointerType()) {
      if (const VarDecl *Target = pointee(VD))
        addBorrow(S, Target, BorrowKind::ThroughPointer, DRE->getBeginLoc(),
                  DRE->getSourceRange(), VD);
      return;
    }
    if (VD->getType()->isReferenceType()) {
      if (const Expr *Init = VD->getInit())
        if (VD->getDeclContext() == FD && !isa<ParmVarDecl>(VD))
          collectBorrowsFromValue(Init, S, Via, Depth + 1);
      return;
    }
    if (VD->getType()->isRecordType() && Depth < 3)
      if (const Expr *Init = singleInitializer(VD))
        collectBorrowsFromValue(Init, S, Via ? Via : VD, Depth + 1);
    return;
  }
  auto ArgsBoundByReference = [&](const FunctionDecl *Ctor,
                                  llvm::ArrayRef<const Expr *> Args) {
    for (unsigned I = 0; I < Args.size(); ++I) {
      const Expr *Arg = Args[I];
      const ParmVarDecl *P =
          Ctor && I < Ctor->getNumParams() ? Ctor->getParamDecl(I) : nullptr;
      if (P && P->getType()->isLValueReferenceType() &&
          !isCallableType(Arg->getType())) {
        // The object may keep the reference: only std::function-like
        // wrappers and functors are followed here, and a reference
        // parameter of a functor's constructor usually initializes a
        // reference member.
        const CXXRecordDecl *RD = dyn_cast<CXXMethodDecl>(Ctor)
                                      ? cast<CXXMethodDecl>(Ctor)->getParent()
                                      : nullptr;
        bool HasRefField = false;
        if (RD)
          for (const FieldDecl *F : RD->fields())
            if (F->getType()->isReferenceType() ||
                F->getType()->isPointerType())
              HasRefField = true;
        if (HasRefField)
          if (const ValueDecl *Root = rootVar(Arg))
            addBorrow(S, Root, BorrowKind::ThroughObject, Arg->getBeginLoc(),
                      Arg->getSourceRange(), Via);
        continue;
      }
      collectBorrowsFromValue(Arg, S, Via, Depth + 1);
    }
  };
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    ArgsBoundByReference(CE->getConstructor(), argsOf(CE));
    return;
  }
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    const CXXRecordDecl *RD = classOf(ILE->getType());
    unsigned I = 0;
    if (RD && !RD->isUnion())
      for (const FieldDecl *F : RD->fields()) {
        if (I >= ILE->getNumInits())
          break;
        const Expr *Init = ILE->getInit(I++);
        if (F->getType()->isReferenceType()) {
          if (const ValueDecl *Root = rootVar(Init))
            addBorrow(S, Root, BorrowKind::ThroughObject, Init->getBeginLoc(),
                      Init->getSourceRange(), Via);
        } else {
          collectBorrowsFromValue(Init, S, Via, Depth + 1);
        }
      }
    return;
  }
}

ThreadBody ThreadModel::resolveBody(const Expr *Callable) const {
  ThreadBody Body;
  const Expr *E = Callable;
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = stripMoves(E);
    E = E->IgnoreParenImpCasts();
    if (const auto *L = dyn_cast<LambdaExpr>(E)) {
      Body.Lambda = L;
      Body.Function = L->getCallOperator();
      return Body;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf) {
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl())) {
        Body.Function = Fn;
        return Body;
      }
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!VD)
        return Body;
      if (const Expr *Init = singleInitializer(VD)) {
        E = Init;
        continue;
      }
      break;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee &&
          (isStdDecl(Callee, "bind") || isStdDecl(Callee, "bind_front")) &&
          Call->getNumArgs() > 0) {
        E = Call->getArg(0);
        continue;
      }
      break;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (isStdClass(CE->getType(), "function") && CE->getNumArgs() == 1) {
        E = CE->getArg(0);
        continue;
      }
      break;
    }
    break;
  }
  // A functor: its operator().
  if (E)
    if (const CXXRecordDecl *RD = classOf(E->getType());
        RD && RD->hasDefinition() && !RD->isLambda() &&
        !isStdClass(E->getType(), "function")) {
      DeclarationName Call =
          RD->getASTContext().DeclarationNames.getCXXOperatorName(OO_Call);
      for (const NamedDecl *ND : RD->lookup(Call))
        if (const auto *M = dyn_cast<CXXMethodDecl>(ND)) {
          Body.Function = M;
          break;
        }
    }
  return Body;
}

bool ThreadModel::isInLoop(const Stmt *S) const {
  for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P))
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return true;
  return false;
}

} // namespace fearless
