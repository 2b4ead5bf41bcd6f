//===- ThreadModelHandles.cpp - Where thread handles go, and their names --===//

#include "ThreadModelInternal.h"
#include "fearless/ASTUtil.h"
#include "fearless/CoroutineFrames.h"
#include "fearless/ThreadWrappers.h"
#include "fearless/VarUsage.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace fearless::threadmodel {

/// Where a handle stored into \p VD lives: a member of *this, a local, or a
/// global.
SinkKind sinkKindOf(const ValueDecl *VD) {
  if (isa<FieldDecl>(VD))
    return SinkKind::Member;
  if (const auto *Var = dyn_cast<VarDecl>(VD); Var && Var->hasLocalStorage())
    return SinkKind::Local;
  return SinkKind::Global;
}

HandleTracker::HandleTracker(const FunctionDecl *FD, const LibraryModel &Lib,
                             const ParentMap &PM)
    : FD(FD), Lib(Lib), PM(PM), Locals(FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      MD && !MD->isStatic() && !MD->getParent()->isLambda())
    ThisIsHandle = Lib.isThreadObjectClass(MD->getParent());
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
}

const VarDecl *HandleTracker::stableLocalBase(const Expr *E) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || VD->getDeclContext() != FD ||
      !VD->getType()->isPointerType() || !FD->getBody())
    return nullptr;
  auto [It, Inserted] = StableBases.try_emplace(VD, false);
  if (Inserted) {
    // Read or assigned directly, and assigned at most once in all.
    struct Counter : RecursiveASTVisitor<Counter> {
      const VarDecl *V;
      unsigned Writes = 0;
      bool VisitBinaryOperator(BinaryOperator *BO) {
        if (BO->isAssignmentOp())
          if (const auto *D =
                  dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens()))
            Writes += D->getDecl() == V;
        return true;
      }
    } C;
    C.V = VD;
    C.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
    It->second = isOnlyReadOrAssigned(VD, FD->getBody()) &&
                 C.Writes + (VD->getInit() ? 1 : 0) <= 1;
  }
  return It->second ? VD : nullptr;
}

const CXXForRangeStmt *HandleTracker::rangeForOf(const VarDecl *V) const {
  auto It = RangeFors.find(V);
  return It == RangeFors.end() ? nullptr : It->second;
}

const Stmt *HandleTracker::semanticParent(const Stmt *E) const {
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

/// The object member call \p MC keeps the handle \p Arg in: the container
/// it inserts into, or a group that adopts it (ThreadWrappers::adoptingParam;
/// \p Joins is then set: the group's destructor joins it). Null otherwise.
static const Expr *keeperOf(const CXXMemberCallExpr *MC, const Expr *Arg,
                            const LibraryModel &Lib, bool &Joins) {
  if (Lib.isContainerInsert(MC->getMethodDecl()))
    return MC->getImplicitObjectArgument();
  const ThreadWrappers *W = Lib.wrappers();
  auto I = W ? W->adoptingParam(MC->getMethodDecl()) : std::nullopt;
  if (!I || *I >= MC->getNumArgs() ||
      MC->getArg(*I)->IgnoreParenImpCasts() != Arg->IgnoreParenImpCasts())
    return nullptr;
  Joins = true;
  return MC->getImplicitObjectArgument();
}

/// Where a task given to a call that leaves it with the argument object
/// (FrameHandOff::Kept) is: the temporary the argument is, or the local
/// `std::move(t)` names.
static HandleSink keptSink(const HandleTracker &Handles, const Expr *E,
                           const Expr *Temp) {
  HandleSink Sink;
  Sink.Loc = E->getBeginLoc();
  if (const Expr *Moved = Temp ? nullptr : getMovedExpr(E))
    if (auto Ref = Handles.resolveHandle(Moved))
      if (const auto *VD = dyn_cast_if_present<const ValueDecl *>(Ref->Key)) {
        Sink.Decl = VD;
        Sink.Element = Ref->Element;
        Sink.Kind = sinkKindOf(VD);
        return Sink;
      }
  Sink.Kind = SinkKind::Temporary;
  Sink.Temp = Temp ? Temp : E;
  return Sink;
}

HandleSink HandleTracker::findSink(const Expr *E) const {
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
  // `Target = thread` or `thread.swap(Target)`: Target owns it now.
  auto IntoHandle = [&](const Expr *Target, SourceLocation At) {
    if (auto Ref = resolveHandle(Target))
      if (const auto *VD = dyn_cast_if_present<const ValueDecl *>(Ref->Key)) {
        SetVar(VD, Ref->Element);
        Sink.Loc = At;
        return Sink;
      }
    Sink.Kind = SinkKind::Escaped;
    Sink.Loc = At;
    return Sink;
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
            ExprWithCleanups, ConstantExpr, CXXFunctionalCastExpr>(P)) {
      Cur = P;
      continue;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit() == Cur) {
          // A raw pointer local owns the object from `new`: `t->join()`
          // joins it, `delete t` destroys it; never deleted, it leaks with
          // its thread still running (not joined on that path).
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
      return IntoHandle(OCE->getArg(0), OCE->getBeginLoc());
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P);
        BO && BO->getOpcode() == BO_Assign && BO->getRHS() == Cur) {
      // A raw pointer from new: leaked unless owned by a smart pointer.
      Sink.Kind = SinkKind::Escaped;
      Sink.Loc = BO->getBeginLoc();
      return Sink;
    }
    // A task handed to a call whose body shows what becomes of it.
    if (const auto *Call = dyn_cast<CallExpr>(P);
        Call && holdsCoroutineFrame(cast<Expr>(Cur)->getType())) {
      FrameHandOff H = frameHandOff(Call, cast<Expr>(Cur));
      if (H == FrameHandOff::IntoResult) {
        Cur = P;
        continue;
      }
      if (H == FrameHandOff::Kept)
        return keptSink(*this, E, Temp);
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(P)) {
      if (MC->getImplicitObjectArgument() &&
          MC->getImplicitObjectArgument()->IgnoreParenImpCasts() ==
              cast<Expr>(Cur)->IgnoreParenImpCasts()) {
        Sink.Kind = SinkKind::Temporary;
        Sink.Temp = Temp ? Temp : E;
        return Sink;
      }
      bool Joins = false;
      if (const Expr *Keeper = keeperOf(MC, cast<Expr>(Cur), Lib, Joins))
        if (auto Ref = resolveHandle(Keeper))
          if (const auto *VD =
                  dyn_cast_if_present<const ValueDecl *>(Ref->Key)) {
            SetVar(VD, true);
            Sink.JoinsOnDestroy = Joins;
            Sink.Loc = MC->getBeginLoc();
            return Sink;
          }
      Sink.Kind = SinkKind::Escaped;
      Sink.Loc = MC->getBeginLoc();
      return Sink;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      // std::thread(f).swap(t): t owns the thread now and the temporary is
      // empty, like t = std::thread(f).
      const auto *Swap = dyn_cast_or_null<CXXMemberCallExpr>(PM.getParent(ME));
      if (Swap && Swap->getNumArgs() == 1 && Swap->getMethodDecl() &&
          Swap->getMethodDecl()->getIdentifier() &&
          Swap->getMethodDecl()->getName() == "swap") {
        return IntoHandle(Swap->getArg(0), Swap->getBeginLoc());
      }
      // std::thread(f).detach(): the temporary is the object of a call.
      Sink.Kind = SinkKind::Temporary;
      Sink.Temp = Temp ? Temp : E;
      return Sink;
    }
    if (isa<ReturnStmt>(P)) {
      Sink.Kind = SinkKind::Returned;
      Sink.Loc = P->getBeginLoc();
      return Sink;
    }
    // `(void)pool.submit(f);`, `static_cast<void>(...)`: discarded, as if
    // the call were the statement.
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P);
        Cast && Cast->getType()->isVoidType()) {
      Cur = P;
      continue;
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

/// The container a local iterator \p It walks: `c` for a local initialised
/// from `c.begin()` (Models/ThreadLibrary.def, FEARLESS_CONTAINER_ITERATOR);
/// null otherwise.
static const Expr *iteratedContainer(const Expr *It) {
  const auto *DRE = dyn_cast<DeclRefExpr>(It->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType() ||
      !VD->getInit())
    return nullptr;
  const Expr *Init = VD->getInit();
  for (unsigned Steps = 0; Init && Steps < 8; ++Steps) {
    Init = Init->IgnoreImplicit();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Init);
        CE && CE->getNumArgs() == 1) {
      Init = CE->getArg(0);
      continue;
    }
    break;
  }
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Init);
  if (!MC || !isContainerIterator(MC->getMethodDecl()))
    return nullptr;
  return MC->getImplicitObjectArgument();
}

std::optional<HandleRef> HandleTracker::resolveHandle(const Expr *E) const {
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
    // `this->wait()`, `start()` in a QThread subclass: the object itself,
    // named by the member function (ThreadModel.h, threadObjectHandle).
    if (isa<CXXThisExpr>(E) && ThisIsHandle)
      return HandleRef{HandleKey(static_cast<const ValueDecl *>(FD)), false};
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
      // fifo->consumers[i] with fifo a local pointer the function sets at
      // most once: the handles are elements of what the local names.
      if (const VarDecl *Base = stableLocalBase(ME->getBase()))
        return HandleRef{HandleKey(static_cast<const ValueDecl *>(Base)),
                         true};
      // A field of a local object (`a.t`, `ws[i].tid`: a C struct holding
      // its thread's handle): a part of that object. Not yet of a field of
      // *this (`workers_[i].thread_`): the member-thread model would then
      // pair every public member function with such workers, also
      // configuration made before any task reaches them.
      if (!ME->isArrow()) {
        auto Ref = resolveHandle(ME->getBase());
        const auto *Root =
            Ref ? dyn_cast_if_present<const ValueDecl *>(Ref->Key) : nullptr;
        if (!Root || !isa<VarDecl>(Root) ||
            !cast<VarDecl>(Root)->hasLocalStorage())
          return std::nullopt;
        Ref->Element = true;
        return Ref;
      }
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
      bool Deref = Op == OO_Star || Op == OO_Arrow;
      if (Deref && Lib.isOwningPointer(OCE->getArg(0)->getType())) {
        E = OCE->getArg(0);
        continue;
      }
      // c[i]; *it, it-> of `auto it = c.begin()`: an element of c.
      const Expr *Container = Op == OO_Subscript ? OCE->getArg(0)
                              : Deref ? iteratedContainer(OCE->getArg(0))
                                      : nullptr;
      auto Ref = Container ? resolveHandle(Container) : std::nullopt;
      if (Ref)
        Ref->Element = true;
      return Ref;
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
          if (const VarDecl *Target = Locals.pointee(VD))
            return HandleRef{HandleKey(static_cast<const ValueDecl *>(Target)),
                             false};
      return std::nullopt;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace fearless::threadmodel
