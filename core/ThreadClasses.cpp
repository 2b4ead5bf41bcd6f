//===- ThreadClasses.cpp - Classes whose objects are stopped threads ------===//
//
// A project's own thread class (muduo's Thread, a Worker of a pool) keeps
// the callable its constructor is given in a member and starts a thread
// running it from a member function:
//
//   explicit Thread(std::function<void()> f) : func_(std::move(f)) {}
//   void start() { t_ = std::thread([this] { func_(); }); }
//   void join() { t_.join(); }
//
// Constructing an object creates a thread that does not run yet; start()
// starts it; join() joins it. The inference reads the class's members only
// (their bodies, not what they call elsewhere), and caches per class in
// ThreadWrappers, which lives in the Session.
//
//===----------------------------------------------------------------------===//

#include "InferenceUtil.h"
#include "fearless/ASTUtil.h"
#include "fearless/ThreadWrappers.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace fearless {

using inference::forEachStmt;
using inference::functionOf;
using inference::readableDefinition;

namespace {

/// The field of *this that \p E names (`f_`, `this->f_`), if any; not an
/// element of it, as inference::fieldOfThis also takes (`q_[i]`).
const FieldDecl *fieldOfThis(const Expr *E) {
  const auto *ME = E ? dyn_cast<MemberExpr>(E->IgnoreParenImpCasts()) : nullptr;
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(ME->getMemberDecl());
}

/// The field of *this that the thread object \p Obj is, or that owns it:
/// `t_`, `t_->` of a smart pointer or `*t_` of a pointer member.
const FieldDecl *handleFieldOfObject(const Expr *Obj) {
  if (!Obj)
    return nullptr;
  Obj = Obj->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Obj);
      Op && Op->getNumArgs() == 1 &&
      (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
    return fieldOfThis(Op->getArg(0));
  if (const auto *UO = dyn_cast<UnaryOperator>(Obj);
      UO && UO->getOpcode() == UO_Deref)
    return fieldOfThis(UO->getSubExpr());
  return fieldOfThis(Obj);
}

/// Whether \p S reads field \p F of an object (of *this, or of the object a
/// static start routine is handed).
bool mentionsField(const Stmt *S, const FieldDecl *F) {
  bool Found = false;
  forEachStmt(S, [&](const Stmt *St) {
    if (const auto *ME = dyn_cast<MemberExpr>(St))
      Found |= ME->getMemberDecl() == F;
  });
  return Found;
}

/// Whether \p Body reads field \p F, itself or in a member function of
/// F's class that it calls, up to \p Depth calls down (`run()` calls
/// `this->loop()`, which calls `f_()`).
bool reachesField(const Stmt *Body, const FieldDecl *F, unsigned Depth,
                  const FunctionDecl *From = nullptr) {
  if (mentionsField(Body, F))
    return true;
  if (Depth == 0)
    return false;
  bool Found = false;
  forEachStmt(Body, [&](const Stmt *St) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(St);
    if (Found || !MC)
      return;
    const FunctionDecl *Callee = readableDefinition(MC->getMethodDecl());
    if (Callee && Callee != From && isa<CXXMethodDecl>(Callee) &&
        cast<CXXMethodDecl>(Callee)->getParent() == F->getParent())
      Found = reachesField(Callee->getBody(), F, Depth - 1, Callee);
  });
  return Found;
}

/// Whether the thread started by \p Spawn runs the callable kept in \p F:
/// the spawn expression reads it, itself or in a member function it calls
/// (`[this] { f_(); }`, `[this] { run(); }`), a local it hands the thread
/// was made from it (`auto *d = new Data(f_); pthread_create(&t, 0, entry,
/// d)`), or the function the thread runs reads it, itself or in a member
/// function of the class it calls (`std::thread(&C::run, this)`).
bool runsField(const Expr *Spawn, llvm::ArrayRef<const Expr *> Args,
               const FieldDecl *F) {
  if (reachesField(Spawn, F, 2))
    return true;
  bool Found = false;
  forEachStmt(Spawn, [&](const Stmt *St) {
    const auto *DRE = dyn_cast<DeclRefExpr>(St);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (VD && VD->hasLocalStorage() && VD->getInit())
      Found |= mentionsField(VD->getInit(), F);
  });
  if (Found)
    return true;
  for (const Expr *A : Args)
    if (const FunctionDecl *Run = readableDefinition(functionOf(A));
        Run && reachesField(Run->getBody(), F, 1, Run))
      return true;
  return false;
}

/// The field of *this that the handle of the thread \p Spawn starts goes
/// into, in \p M: `t_ = std::thread(...)`, `pthread_create(&tid_, ...)`
/// (\p HandleArg, or null). Null if it goes nowhere such.
const FieldDecl *handleFieldOf(const Expr *Spawn, const Expr *HandleArg,
                               const CXXMethodDecl *M) {
  if (HandleArg) {
    const Expr *H = HandleArg->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(H);
        UO && UO->getOpcode() == UO_AddrOf)
      H = UO->getSubExpr();
    return fieldOfThis(H);
  }
  auto Holds = [&](const Stmt *S) {
    bool Found = false;
    forEachStmt(S, [&](const Stmt *In) { Found |= In == Spawn; });
    return Found;
  };
  // The member the constructor initializes with it: `t_([this] { f_(); })`.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(M))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isMemberInitializer() && Holds(Init->getInit()))
        return Init->getMember();
  // The assignment whose right-hand side holds the construction, or the
  // smart pointer reset to it: `t_ = std::thread(...)`,
  // `t_ = std::make_unique<std::thread>(...)`, `t_.reset(new std::thread(...))`.
  const FieldDecl *Found = nullptr;
  forEachStmt(M->getBody(), [&](const Stmt *St) {
    if (Found)
      return;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(St);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Holds(Op->getArg(1)))
      Found = fieldOfThis(Op->getArg(0));
    else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St);
             MC && MC->getNumArgs() == 1 && MC->getMethodDecl() &&
             MC->getMethodDecl()->getIdentifier() &&
             MC->getMethodDecl()->getName() == "reset" &&
             Holds(MC->getArg(0)))
      Found = fieldOfThis(MC->getImplicitObjectArgument());
  });
  return Found;
}

/// The parameter of \p Ctor whose value the initializer \p Init stores
/// (`f_(std::move(f))`, `f_(f)`, `f_(std::forward<F>(f))`).
const ParmVarDecl *storedParam(const Expr *Init,
                               const CXXConstructorDecl *Ctor) {
  for (unsigned Steps = 0; Init && Steps < 8; ++Steps) {
    Init = stripMoves(Init->IgnoreImplicit());
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Init);
        CE && CE->getNumArgs() >= 1 &&
        (CE->getNumArgs() == 1 || CE->getArg(1)->isDefaultArgument())) {
      Init = CE->getArg(0);
      continue;
    }
    if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(Init)) {
      Init = FC->getSubExpr();
      continue;
    }
    break;
  }
  const auto *DRE = Init ? dyn_cast<DeclRefExpr>(Init->IgnoreParenImpCasts())
                         : nullptr;
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  return P && P->getDeclContext() == Ctor &&
                 isCallableType(P->getType().getNonReferenceType())
             ? P
             : nullptr;
}

/// The constructors of \p RD with a body to read, not copying or moving,
/// the instantiations of its constructor templates included.
llvm::SmallVector<const CXXConstructorDecl *, 4>
constructorsOf(const CXXRecordDecl *RD) {
  llvm::SmallVector<const CXXConstructorDecl *, 4> Result;
  auto Add = [&](const FunctionDecl *FD) {
    const auto *Def = dyn_cast_or_null<CXXConstructorDecl>(readableDefinition(FD));
    if (Def && !Def->isCopyOrMoveConstructor() && !llvm::is_contained(Result, Def))
      Result.push_back(Def);
  };
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    Add(Ctor);
  for (const Decl *D : RD->decls())
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D);
        FT && isa<CXXConstructorDecl>(FT->getTemplatedDecl()))
      for (const FunctionDecl *Spec : FT->specializations())
        Add(Spec);
  return Result;
}

/// Whether a member function of \p RD other than its constructors assigns
/// the field \p F of *this, or swaps it.
bool assignedOutsideConstructors(const CXXRecordDecl *RD, const FieldDecl *F) {
  for (const CXXMethodDecl *M : RD->methods()) {
    const FunctionDecl *Def = readableDefinition(M);
    if (!Def || isa<CXXConstructorDecl>(Def))
      continue;
    bool Assigns = false;
    forEachStmt(Def->getBody(), [&](const Stmt *St) {
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(St);
          Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        Assigns |= fieldOfThis(Op->getArg(0)) == F;
      else if (const auto *BO = dyn_cast<BinaryOperator>(St);
               BO && BO->isAssignmentOp())
        Assigns |= fieldOfThis(BO->getLHS()) == F;
      else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St);
               MC && MC->getMethodDecl() &&
               MC->getMethodDecl()->getIdentifier() &&
               MC->getMethodDecl()->getName() == "swap")
        Assigns |= fieldOfThis(MC->getImplicitObjectArgument()) == F ||
                   (MC->getNumArgs() == 1 && fieldOfThis(MC->getArg(0)) == F);
    });
    if (Assigns)
      return true;
  }
  return false;
}

/// Whether \p M joins the thread kept in \p Handle after \p Spawn (source
/// order): `t_.join()`, or a call of a member function on *this that
/// \p JoinsMember says joins it.
bool joinsAfter(const FunctionDecl *M, const Expr *Spawn,
                const FieldDecl *Handle, const LibraryModel &Lib,
                llvm::function_ref<bool(const CXXMethodDecl *)> JoinsMember) {
  const SourceManager &SM = M->getASTContext().getSourceManager();
  bool Found = false;
  forEachStmt(M->getBody(), [&](const Stmt *St) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(St);
    if (!MC || Found || !MC->getImplicitObjectArgument() ||
        !SM.isBeforeInTranslationUnit(Spawn->getEndLoc(), MC->getBeginLoc()))
      return;
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (handleFieldOfObject(Obj) == Handle)
      Found = Lib.handleMethod(MC->getMethodDecl()) ==
              std::optional(HandleOp::Join);
    else if (isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) &&
             MC->getMethodDecl() && MC->getMethodDecl() != M)
      Found = JoinsMember(MC->getMethodDecl());
  });
  return Found;
}

/// Whether \p M detaches a thread (`std::thread(...).detach()`,
/// `pthread_detach(t)`).
bool detaches(const FunctionDecl *M, const LibraryModel &Lib) {
  bool Found = false;
  forEachStmt(M->getBody(), [&](const Stmt *St) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St))
      Found |= Lib.handleMethod(MC->getMethodDecl()) ==
               std::optional(HandleOp::Detach);
    else if (const auto *Call = dyn_cast<CallExpr>(St))
      if (auto Op = Lib.handleFunction(Call->getDirectCallee()))
        Found |= Op->first == HandleOp::Detach;
  });
  return Found;
}

/// The thread that \p M starts running the callable kept in \p Callable:
/// a thread construction (`std::thread(...)`, `new std::thread(...)`, in
/// the body or, for a constructor, its initializer list), a smart pointer
/// made owning one (`std::make_unique<std::thread>(...)`), or a call of a
/// spawn function (then \p HandleArg is the handle argument, if any).
const Expr *spawnRunning(const CXXMethodDecl *M, const FieldDecl *Callable,
                         const LibraryModel &Lib, const Expr *&HandleArg) {
  const Expr *Spawn = nullptr;
  auto Visit = [&](const Stmt *St) {
    const auto *E = dyn_cast<Expr>(St);
    if (Spawn || !E)
      return;
    llvm::ArrayRef<const Expr *> Args = argsOf(E);
    const Expr *Handle = nullptr;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (!Lib.isThreadConstruction(CE))
        return;
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Lib.isPointerFactory(Callee)) {
        QualType T = templateArgType(Call->getType(), 0);
        if (T.isNull() || Lib.threadClassKind(T) == HandleKind::None ||
            Args.empty())
          return;
      } else if (const SpawnFunctionModel *Model = Lib.spawnFunction(Callee)) {
        if (Model->HandleArg >= 0 && unsigned(Model->HandleArg) < Args.size())
          Handle = Args[Model->HandleArg];
      } else {
        return;
      }
    } else {
      return;
    }
    if (!runsField(E, Args, Callable))
      return;
    Spawn = E;
    HandleArg = Handle;
  };
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(M))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isMemberInitializer())
        forEachStmt(Init->getInit(), Visit);
  forEachStmt(M->getBody(), Visit);
  return Spawn;
}

/// Whether \p Ctor calls \p Method on *this in a statement of its body
/// that every path runs (`Thread(F f) : f_(f) { start(); }`, not under an
/// `if`).
bool callsOnEveryPath(const CXXConstructorDecl *Ctor,
                      const CXXMethodDecl *Method) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Ctor->getBody());
  if (!Body)
    return false;
  for (const Stmt *St : Body->body()) {
    const auto *E = dyn_cast<Expr>(St);
    const auto *MC =
        E ? dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit()) : nullptr;
    if (MC && MC->getMethodDecl() &&
        MC->getMethodDecl()->getCanonicalDecl() == Method &&
        isa<CXXThisExpr>(
            MC->getImplicitObjectArgument()->IgnoreParenImpCasts()))
      return true;
  }
  return false;
}

/// The thread class \p RD is by deriving from one and passing a
/// constructor's callable parameter up to it (`NamedThread(F f, string n) :
/// Thread(std::move(f)), name_(n) {}`): the base's, with RD's constructors.
/// \p ClassOf answers for the bases, \p Joins whether a member function of
/// RD joins the thread. Nothing when RD declares a function of the start
/// function's name (it may start something else) or replaces the callable.
std::unique_ptr<ThreadClass> inheritedThreadClass(
    const CXXRecordDecl *RD,
    llvm::function_ref<const ThreadClass *(const CXXRecordDecl *)> ClassOf,
    llvm::function_ref<bool(const CXXMethodDecl *, const ThreadClass &)>
        Joins) {
  for (const CXXBaseSpecifier &B : RD->bases()) {
    const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl();
    const ThreadClass *BT = Base && !B.isVirtual() ? ClassOf(Base) : nullptr;
    if (!BT || !BT->Start)
      continue;
    if (llvm::any_of(RD->methods(), [&](const CXXMethodDecl *M) {
          return M->getDeclName() == BT->Start->getDeclName();
        }))
      return nullptr;
    if (BT->Callable && assignedOutsideConstructors(RD, BT->Callable))
      return nullptr;
    auto TC = std::make_unique<ThreadClass>(*BT);
    TC->Stores.clear();
    TC->StartingCtors.clear();
    for (const CXXConstructorDecl *Ctor : constructorsOf(RD))
      for (const CXXCtorInitializer *Init : Ctor->inits()) {
        if (!Init->isBaseInitializer() || Init->isBaseVirtual() ||
            Init->getBaseClass()->getAsCXXRecordDecl() != Base)
          continue;
        const auto *CE =
            dyn_cast<CXXConstructExpr>(Init->getInit()->IgnoreImplicit());
        const CXXConstructorDecl *BaseCtor = CE ? CE->getConstructor() : nullptr;
        for (auto [C, Index] : BT->Stores)
          if (BaseCtor && C == BaseCtor->getCanonicalDecl() &&
              Index < CE->getNumArgs())
            if (const ParmVarDecl *P = storedParam(CE->getArg(Index), Ctor)) {
              TC->Stores.emplace_back(Ctor->getCanonicalDecl(),
                                      P->getFunctionScopeIndex());
              // A base constructor that starts the thread starts it for
              // this one too.
              if (llvm::is_contained(BT->StartingCtors, C))
                TC->StartingCtors.push_back(Ctor->getCanonicalDecl());
            }
      }
    if (TC->Stores.empty())
      return nullptr;
    if (!TC->DestructorJoins && !TC->Configured)
      if (const CXXDestructorDecl *Dtor = RD->getDestructor())
        TC->DestructorJoins = Joins(Dtor, *TC);
    return TC;
  }
  return nullptr;
}

} // namespace

const ThreadClass *ThreadWrappers::threadClass(const CXXRecordDecl *RD) const {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD || RD->isDependentContext() || RD->isLambda() ||
      RD->isInStdNamespace() || RD->isInvalidDecl())
    return nullptr;
  if (auto It = Classes.find(RD); It != Classes.end())
    return It->second.get();
  Classes[RD] = nullptr; // a class whose inference needs itself is none
  std::unique_ptr<ThreadClass> TC = inferThreadClass(RD);
  if (!TC)
    TC = configuredThreadClass(RD);
  if (!TC)
    TC = inheritedThreadClass(
        RD, [&](const CXXRecordDecl *B) { return threadClass(B); },
        [&](const CXXMethodDecl *M, const ThreadClass &T) {
          return threadClassMethod(M, T, 0) == std::optional(HandleOp::Join);
        });
  const ThreadClass *Result = TC.get();
  Classes[RD] = std::move(TC);
  return Result;
}

std::unique_ptr<ThreadClass>
ThreadWrappers::inferThreadClass(const CXXRecordDecl *RD) const {
  auto TC = std::make_unique<ThreadClass>();
  // A callable member that a constructor stores a parameter in, in its
  // initializer list or by an assignment in its body.
  for (const CXXConstructorDecl *Def : constructorsOf(RD)) {
    auto Store = [&](const FieldDecl *F, const Expr *Value) {
      if (!F || F->getType()->isReferenceType() ||
          !isCallableType(F->getType()) || (TC->Callable && TC->Callable != F))
        return;
      if (const ParmVarDecl *P = storedParam(Value, Def)) {
        TC->Callable = F;
        TC->Stores.emplace_back(Def->getCanonicalDecl(),
                                P->getFunctionScopeIndex());
      }
    };
    for (const CXXCtorInitializer *Init : Def->inits())
      if (Init->isMemberInitializer())
        Store(Init->getMember(), Init->getInit());
    forEachStmt(Def->getBody(), [&](const Stmt *St) {
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(St);
          Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        Store(fieldOfThis(Op->getArg(0)), Op->getArg(1));
      else if (const auto *BO = dyn_cast<BinaryOperator>(St);
               BO && BO->getOpcode() == BO_Assign)
        Store(fieldOfThis(BO->getLHS()), BO->getRHS());
    });
  }
  if (!TC->Callable)
    return nullptr;
  // A callable that another member function replaces (`setTask(f)`) is not
  // known to be the constructor's when the thread starts.
  if (assignedOutsideConstructors(RD, TC->Callable))
    return nullptr;
  // The member function that starts a thread running it; failing one, a
  // constructor that stores the callable and starts it.
  const Expr *Spawn = nullptr;
  auto Starts = [&](const CXXMethodDecl *Def) {
    const Expr *HandleArg = nullptr;
    Spawn = spawnRunning(Def, TC->Callable, Lib, HandleArg);
    if (!Spawn)
      return false;
    TC->Start = Def->getCanonicalDecl();
    TC->Handle = handleFieldOf(Spawn, HandleArg, Def);
    // A start leaves the thread running: its handle goes into a member (and
    // nothing after the spawn joins it), or it is detached. One that joins
    // a local thread, waits for a future or joins the member before it
    // returns runs the callable like a call.
    auto JoinsMember = [&](const CXXMethodDecl *Callee) {
      return threadClassMethod(Callee, *TC, 1) == std::optional(HandleOp::Join);
    };
    if (TC->Handle ? joinsAfter(Def, Spawn, TC->Handle, Lib, JoinsMember)
                   : !detaches(Def, Lib)) {
      TC->Start = nullptr;
      TC->Handle = nullptr;
      return false;
    }
    return true;
  };
  bool Found = false;
  for (const CXXMethodDecl *M : RD->methods()) {
    const auto *Def = dyn_cast_or_null<CXXMethodDecl>(readableDefinition(M));
    if (Def && !Def->isStatic() && !isa<CXXConstructorDecl>(Def) &&
        !isa<CXXDestructorDecl>(Def) && !Def->isOverloadedOperator() &&
        Starts(Def)) {
      Found = true;
      break;
    }
  }
  llvm::SmallVector<const CXXConstructorDecl *, 4> Ctors = constructorsOf(RD);
  auto Stores = [&](const CXXConstructorDecl *C) {
    return llvm::any_of(TC->Stores, [&](auto &P) {
      return P.first == C->getCanonicalDecl();
    });
  };
  for (unsigned I = 0; I < Ctors.size() && !Found; ++I)
    Found = Stores(Ctors[I]) && Starts(Ctors[I]);
  if (!Found)
    return nullptr;
  for (const CXXConstructorDecl *C : Ctors)
    if (Stores(C) && (C->getCanonicalDecl() == TC->Start ||
                      callsOnEveryPath(C, TC->Start)))
      TC->StartingCtors.push_back(C->getCanonicalDecl());
  if (!TC->Start)
    return nullptr;
  // A std::jthread member (or one a member owns) joins when the object's
  // members are destroyed.
  QualType HandleType = TC->Handle ? TC->Handle->getType() : QualType();
  if (TC->Handle && Lib.isOwningPointer(HandleType))
    HandleType = templateArgType(HandleType, 0);
  if (TC->Handle && !HandleType.isNull() &&
      Lib.threadClassKind(HandleType) == HandleKind::JThread)
    TC->DestructorJoins = true;
  else if (const CXXDestructorDecl *Dtor = RD->getDestructor())
    TC->DestructorJoins =
        threadClassMethod(Dtor, *TC, 0) == std::optional(HandleOp::Join);
  return TC;
}

std::unique_ptr<ThreadClass>
ThreadWrappers::configuredThreadClass(const CXXRecordDecl *RD) const {
  const std::vector<std::string> &Starts = Lib.options().ThreadStartFunctions;
  if (Starts.empty())
    return nullptr;
  auto TC = std::make_unique<ThreadClass>();
  TC->Configured = true;
  for (const CXXMethodDecl *M : RD->methods())
    if (!M->isStatic() && LibraryModel::matchesAny(M, Starts)) {
      TC->Start = M->getCanonicalDecl();
      break;
    }
  if (!TC->Start)
    return nullptr;
  // Each constructor's first callable parameter is what the thread runs.
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    if (Ctor->isCopyOrMoveConstructor())
      continue;
    for (const ParmVarDecl *P : Ctor->parameters())
      if (isCallableType(P->getType().getNonReferenceType())) {
        TC->Stores.emplace_back(Ctor->getCanonicalDecl(),
                                P->getFunctionScopeIndex());
        break;
      }
  }
  return TC;
}

std::optional<unsigned>
ThreadWrappers::threadClassParam(const CXXConstructorDecl *Ctor) const {
  const ThreadClass *TC = Ctor ? threadClass(Ctor->getParent()) : nullptr;
  if (!TC)
    return std::nullopt;
  for (auto [C, Index] : TC->Stores)
    if (C == Ctor->getCanonicalDecl())
      return Index;
  return std::nullopt;
}

std::optional<HandleOp>
ThreadWrappers::threadClassMethod(const CXXMethodDecl *M) const {
  const ThreadClass *TC = M ? threadClass(M->getParent()) : nullptr;
  if (TC && TC->Configured) {
    if (LibraryModel::matchesAny(M, Lib.options().JoinFunctions))
      return HandleOp::Join;
    if (LibraryModel::matchesAny(M, Lib.options().DetachFunctions))
      return HandleOp::Detach;
    return std::nullopt;
  }
  // The start function joins (if at all) the previous thread, before it
  // starts the next one.
  if (!TC || !TC->Handle || TC->Start == M->getCanonicalDecl())
    return std::nullopt;
  return threadClassMethod(M, *TC, 0);
}

std::optional<HandleOp>
ThreadWrappers::threadClassMethod(const CXXMethodDecl *M, const ThreadClass &TC,
                                  unsigned Depth) const {
  const auto *Def = dyn_cast_or_null<CXXMethodDecl>(readableDefinition(M));
  if (!Def || Def->isStatic() || !TC.Handle || Depth > 2)
    return std::nullopt;
  auto Key = std::make_pair(Def, TC.Handle);
  if (auto It = ClassMethods.find(Key); It != ClassMethods.end())
    return It->second;
  ClassMethods[Key] = std::nullopt; // recursion ends at "does neither"
  std::optional<HandleOp> Found;
  auto Note = [&](std::optional<HandleOp> Op) {
    if (Op && (!Found || *Op == HandleOp::Join))
      Found = Op;
  };
  forEachStmt(Def->getBody(), [&](const Stmt *St) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St)) {
      const Expr *Obj = MC->getImplicitObjectArgument();
      if (std::optional<HandleOp> Op = Lib.handleMethod(MC->getMethodDecl());
          Op && handleFieldOfObject(Obj) == TC.Handle)
        Note(Op); // t_.join()
      else if (Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts()) &&
               MC->getMethodDecl() != Def)
        Note(threadClassMethod(MC->getMethodDecl(), TC, Depth + 1));
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(St))
      if (auto Op = Lib.handleFunction(Call->getDirectCallee());
          Op && Op->second < Call->getNumArgs()) {
        const Expr *H = Call->getArg(Op->second)->IgnoreParenImpCasts();
        if (const auto *UO = dyn_cast<UnaryOperator>(H);
            UO && UO->getOpcode() == UO_AddrOf)
          H = UO->getSubExpr();
        if (fieldOfThis(H) == TC.Handle)
          Note(Op->first); // pthread_join(tid_, 0)
      }
  });
  ClassMethods[Key] = Found;
  return Found;
}

} // namespace fearless
