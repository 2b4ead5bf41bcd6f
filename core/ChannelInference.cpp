//===- ChannelInference.cpp - Channels inferred from bodies ---------------===//
//
// See ChannelInference.h. Reads one class's member functions (the pattern
// of a class template, so that a queue whose receive is not instantiated in
// this translation unit is still recognised); nothing asks the Session.
//
//===----------------------------------------------------------------------===//

#include "fearless/ChannelInference.h"
#include "InferenceUtil.h"
#include "fearless/ASTUtil.h"
#include "fearless/Finding.h"
#include "fearless/Library.h"
#include "fearless/RaceModel.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace fearless {

using namespace inference;

namespace {

/// A library channel (Models/Channels.def).
struct ChannelModel {
  llvm::StringRef Class, Sends, Receives;
};

constexpr ChannelModel ChannelModels[] = {
#define FEARLESS_CHANNEL(Class, Sends, Receives) {Class, Sends, Receives},
#include "fearless/Models/Channels.def"
};

constexpr llvm::StringRef TakeNames[] = {
#define FEARLESS_CHANNEL_TAKE(Method) Method,
#include "fearless/Models/Channels.def"
};

const ChannelModel *channelModelOf(const CXXRecordDecl *RD) {
  if (!RD->getIdentifier())
    return nullptr;
  for (const ChannelModel &M : ChannelModels)
    if (hasQualifiedName(RD, M.Class))
      return &M;
  return nullptr;
}

/// The object and member name of a member call, resolved or dependent
/// (`q_.push_back(v)` in a class template).
struct MemberCall {
  const Expr *Base = nullptr;
  llvm::StringRef Name;
};

MemberCall memberCallOf(const CallExpr *Call) {
  const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
  auto Named = [](DeclarationName N) {
    return N.isIdentifier() ? N.getAsIdentifierInfo()->getName()
                            : llvm::StringRef();
  };
  if (const auto *ME = dyn_cast<MemberExpr>(Callee))
    return {ME->getBase(), Named(ME->getMemberDecl()->getDeclName())};
  if (const auto *DS = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return {DS->isImplicitAccess() ? nullptr : DS->getBase(),
            Named(DS->getMember())};
  if (const auto *UM = dyn_cast<UnresolvedMemberExpr>(Callee))
    return {UM->isImplicitAccess() ? nullptr : UM->getBase(),
            Named(UM->getMemberName())};
  return {};
}

/// Whether \p T is a mutex: a class with a lock member (std::mutex,
/// absl::Mutex, a hand-written spin lock), not std::weak_ptr.
bool isMutexType(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD || !RD->hasDefinition() || isStdClass(T, "weak_ptr"))
    return false;
  for (const CXXMethodDecl *M : RD->getDefinition()->methods())
    if (M->getIdentifier() && isLockName(M->getName()))
      return true;
  return false;
}

/// Whether \p T may be a container: a class template specialization.
bool mayBeContainer(QualType T) {
  if (T->getAs<TemplateSpecializationType>())
    return true;
  return isa_and_present<ClassTemplateSpecializationDecl>(classOf(T));
}

/// What one member function does to the fields of its class.
struct MethodFacts {
  const FunctionDecl *FD = nullptr;
  llvm::SmallPtrSet<const FieldDecl *, 2> Locks;
  llvm::SmallPtrSet<const FieldDecl *, 2> Takes;
  /// Insertions into member containers: the container and the call.
  llvm::SmallVector<std::pair<const FieldDecl *, const CallExpr *>, 2> Puts;
  bool Blocks = false, Notifies = false;
};

/// The name of the function a call of a free function names, resolved or
/// not (`std::move(items_)` in a class template).
llvm::StringRef freeCalleeName(const CallExpr *Call) {
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    return !isa<CXXMethodDecl>(Callee) && Callee->getIdentifier() &&
                   Callee->isInStdNamespace()
               ? Callee->getName()
               : llvm::StringRef();
  if (const auto *ULE = dyn_cast<UnresolvedLookupExpr>(
          Call->getCallee()->IgnoreParenImpCasts()))
    if (ULE->getName().isIdentifier())
      return ULE->getName().getAsIdentifierInfo()->getName();
  return {};
}

/// The member container \p Call takes all the elements out of without
/// naming the container's own members: `std::move(items_)` (into a local,
/// `out = std::move(items_)`), `std::swap(out, items_)`, `std::exchange`,
/// `out.swap(items_)`.
const FieldDecl *drainedField(const CallExpr *Call, const MemberCall &MC) {
  llvm::StringRef Name = MC.Name.empty() ? freeCalleeName(Call) : MC.Name;
  if (Name != "move" && Name != "swap" && Name != "exchange")
    return nullptr;
  if (!MC.Name.empty() && (Name != "swap" || !MC.Base || fieldOfThis(MC.Base)))
    return nullptr;
  for (const Expr *Arg : Call->arguments())
    if (const FieldDecl *Field = fieldOfThis(Arg);
        Field && isa<MemberExpr>(Arg->IgnoreParenImpCasts()) &&
        mayBeContainer(Field->getType()))
      return Field;
  return nullptr;
}

MethodFacts factsOf(const FunctionDecl *FD, const LibraryModel &Lib) {
  MethodFacts F;
  F.FD = FD;
  forEachStmt(FD->getBody(), [&](const Stmt *S) {
    if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
      if (guardClass(CE->getType()))
        for (const Expr *Arg : CE->arguments())
          if (const FieldDecl *M = fieldOfThis(Arg))
            F.Locks.insert(M);
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      return;
    MemberCall MC = memberCallOf(Call);
    if (const FieldDecl *Drained = drainedField(Call, MC))
      F.Takes.insert(Drained);
    if (MC.Name.empty())
      return;
    if (isBlockingName(MC.Name))
      F.Blocks = true;
    if (MC.Name == "notify_one" || MC.Name == "notify_all")
      F.Notifies = true;
    const FieldDecl *Field = MC.Base ? fieldOfThis(MC.Base) : nullptr;
    if (!Field)
      return;
    if (isLockName(MC.Name)) {
      if (isMutexType(Field->getType()))
        F.Locks.insert(Field);
    } else if (Lib.isContainerInsertName(MC.Name)) {
      F.Puts.push_back({Field, Call});
    } else if (llvm::is_contained(TakeNames, MC.Name)) {
      F.Takes.insert(Field);
    }
  });
  return F;
}

/// The member function (or member function template's pattern) \p D
/// declares, with its body, if it can be a send or a receive.
const FunctionDecl *candidateMethod(const Decl *D) {
  if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
    D = FT->getTemplatedDecl();
  const auto *M = dyn_cast<CXXMethodDecl>(D);
  if (!M || M->isStatic() || isa<CXXConstructorDecl, CXXDestructorDecl>(M) ||
      M->isOverloadedOperator() || M->isImplicit())
    return nullptr;
  const FunctionDecl *Def = M->getDefinition();
  return Def && Def->getBody() && !Def->isInvalidDecl() ? Def : nullptr;
}

/// The pattern a member function was instantiated from, canonical.
const FunctionDecl *patternOf(const FunctionDecl *FD) {
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
    FD = P;
  return FD->getCanonicalDecl();
}

} // namespace

struct ChannelInference::ClassChannels {
  llvm::SmallVector<InferredSend, 2> Sends;
  const ChannelModel *Model = nullptr;
  /// The InferredSend handed out for the model's sends.
  InferredSend ModelSend;
};

ChannelInference::ChannelInference(const LibraryModel &Lib) : Lib(Lib) {}
ChannelInference::~ChannelInference() = default;

const ChannelInference::ClassChannels &
ChannelInference::classChannels(const CXXRecordDecl *RD) const {
  if (const CXXRecordDecl *P = RD->getTemplateInstantiationPattern())
    RD = P;
  if (const CXXRecordDecl *Def = RD->getDefinition())
    RD = Def;
  auto [It, Inserted] = Classes.try_emplace(RD);
  if (!Inserted)
    return *It->second;
  auto C = std::make_unique<ClassChannels>();
  if (RD->hasDefinition() && !RD->isInvalidDecl()) {
    C->Model = channelModelOf(RD);
    if (C->Model)
      C->ModelSend.Model = C->Model->Class;
    else if (!RD->isInStdNamespace())
      inferQueue(RD, *C);
  }
  It = Classes.find(RD);
  It->second = std::move(C);
  return *It->second;
}

void ChannelInference::inferQueue(const CXXRecordDecl *RD,
                                  ClassChannels &Out) const {
  bool HasMutex = false, HasContainer = false;
  for (const FieldDecl *F : RD->fields()) {
    QualType T = F->getType();
    if (isMutexType(T))
      HasMutex = true;
    else if (mayBeContainer(T))
      HasContainer = true;
  }
  if (!HasMutex || !HasContainer)
    return;
  llvm::SmallVector<MethodFacts, 8> Methods;
  for (const Decl *D : RD->decls())
    if (const FunctionDecl *M = candidateMethod(D))
      Methods.push_back(factsOf(M, Lib));
  for (const MethodFacts &S : Methods) {
    if (S.Locks.empty())
      continue;
    for (auto [Queue, Put] : S.Puts) {
      // A receive: another member function taking elements out of the
      // same container under the same lock, one side blocking or
      // signalling.
      const MethodFacts *R = nullptr;
      const FieldDecl *Mutex = nullptr;
      for (const MethodFacts &Other : Methods) {
        if (Other.FD == S.FD || !Other.Takes.contains(Queue) ||
            !(Other.Blocks || S.Notifies))
          continue;
        for (const FieldDecl *L : Other.Locks)
          if (S.Locks.contains(L))
            Mutex = L;
        if (Mutex) {
          R = &Other;
          break;
        }
      }
      if (!R)
        continue;
      for (unsigned I = 0, N = S.FD->getNumParams(); I != N; ++I) {
        const ParmVarDecl *P = S.FD->getParamDecl(I);
        // Callables queued for workers are SpawnInference's pools.
        if (isCallableType(P->getType().getNonReferenceType()))
          continue;
        auto Vars = carriers(S.FD, P);
        if (!llvm::any_of(Put->arguments(),
                          [&](const Expr *A) { return carries(A, Vars); }))
          continue;
        const FunctionDecl *Send = S.FD->getCanonicalDecl();
        if (llvm::any_of(Out.Sends, [&](const InferredSend &Known) {
              return Known.Send == Send && Known.Param == I;
            }))
          continue;
        Out.Sends.push_back(InferredSend{Send, I, Queue, Put->getBeginLoc(),
                                         Mutex, R->FD, {}});
      }
    }
  }
}

const InferredSend *ChannelInference::directSendOf(const FunctionDecl *FD,
                                                   unsigned Index) const {
  const auto *M = dyn_cast<CXXMethodDecl>(FD);
  if (!M || M->isStatic() || Index >= M->getNumParams() ||
      !M->getParent() || isa<CXXConstructorDecl, CXXDestructorDecl>(M))
    return nullptr;
  const ClassChannels &C = classChannels(M->getParent());
  if (C.Model) {
    if (!M->getIdentifier() || !listed(C.Model->Sends, M->getName()))
      return nullptr;
    // The element, not a producer token: a parameter of the element type
    // or of a parameter pack (emplace).
    const FunctionDecl *Pattern = patternOf(M);
    bool Pack = llvm::any_of(Pattern->parameters(), [](const ParmVarDecl *P) {
      return P->isParameterPack();
    });
    QualType Elem = LibraryModel::elementType(
        M->getThisType()->getPointeeType().getUnqualifiedType());
    QualType T = M->getParamDecl(Index)
                     ->getType()
                     .getNonReferenceType()
                     .getUnqualifiedType();
    if (Pack || (!Elem.isNull() && M->getASTContext().hasSameType(T, Elem)))
      return &C.ModelSend;
    return nullptr;
  }
  if (C.Sends.empty())
    return nullptr;
  const FunctionDecl *Pattern = patternOf(M);
  for (const InferredSend &S : C.Sends)
    if (S.Send == Pattern && S.Param == Index)
      return &S;
  return nullptr;
}

/// Whether \p FD's body assigns, increments or decrements its parameter
/// \p P: then what it passes on is not the argument unchanged.
static bool writesParam(const FunctionDecl *FD, const ParmVarDecl *P) {
  auto IsP = [&](const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == P;
  };
  bool Written = false;
  forEachStmt(FD->getBody(), [&](const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      Written |= BO->isAssignmentOp() && IsP(BO->getLHS());
    else if (const auto *UO = dyn_cast<UnaryOperator>(S))
      Written |= UO->isIncrementDecrementOp() && IsP(UO->getSubExpr());
    else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      Written |= OC->isAssignmentOp() && OC->getNumArgs() == 2 &&
                 IsP(OC->getArg(0));
  });
  return Written;
}

/// Whether \p Body waits for something: a condition variable, a latch, a
/// future's get() or wait(), a thread's join().
static bool waitsForAnything(const Stmt *Body) {
  bool Waits = false;
  forEachStmt(Body, [&](const Stmt *S) {
    if (Waits || isBlockingWait(S)) {
      Waits = true;
      return;
    }
    const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
    const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
    if (!M || !M->getIdentifier() ||
        (M->getName() != "get" && M->getName() != "join"))
      return;
    QualType T = MC->getObjectType();
    Waits = isStdClass(T, "future") || isStdClass(T, "shared_future") ||
            isStdClass(T, "thread") || isStdClass(T, "jthread");
  });
  return Waits;
}

llvm::ArrayRef<ChannelInference::Pass>
ChannelInference::passesOf(const FunctionDecl *Def) const {
  if (auto It = Passes.find(Def); It != Passes.end())
    return *It->second;
  auto Out = std::make_unique<llvm::SmallVector<Pass, 2>>();
  forEachStmt(Def->getBody(), [&](const Stmt *S) {
    if (!isa<CallExpr>(S))
      return;
    const auto *Call = cast<Expr>(S);
    const FunctionDecl *Callee = calleeOf(Call);
    if (!Callee || Callee->getCanonicalDecl() == Def->getCanonicalDecl())
      return;
    llvm::ArrayRef<const Expr *> Args = argsOf(Call);
    for (unsigned I = 0; I < Args.size(); ++I) {
      const auto *DRE = dyn_cast<DeclRefExpr>(stripMoves(Args[I]));
      const auto *Own = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
      const ParmVarDecl *P = paramForArg(Call, I);
      if (!Own || !P || Own->getDeclContext() != Def ||
          Own->isParameterPack() ||
          isCallableType(Own->getType().getNonReferenceType()))
        continue;
      Out->push_back({Call, Callee, Own, P});
    }
  });
  return *(Passes[Def] = std::move(Out));
}

const ChannelInference::HelperSends &
ChannelInference::helperSends(const FunctionDecl *FD, unsigned Level) const {
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || !Def->getBody() || Def->getNumParams() == 0)
    return NoHelperSends;
  auto &Map = Helpers[Level - 1];
  if (auto It = Map.find(Def); It != Map.end())
    return *It->second;
  auto Out = std::make_unique<HelperSends>();
  const SourceManager &SM = Def->getASTContext().getSourceManager();
  if (!Def->isInvalidDecl() && !Def->isDependentContext() &&
      !Def->isInStdNamespace() && !SM.isInSystemHeader(Def->getLocation())) {
    for (const Pass &Candidate : passesOf(Def)) {
      unsigned Index = Candidate.Own->getFunctionScopeIndex();
      if (llvm::any_of(*Out, [&](const InferredSend &Known) {
            return Known.Param == Index;
          }))
        continue;
      unsigned CalleeIndex = Candidate.To->getFunctionScopeIndex();
      const InferredSend *Inner = nullptr;
      bool Sends = false;
      if (Level == 1) {
        Sends = paramHasAnnotation(Candidate.Callee, CalleeIndex,
                                   "fearless::sends");
        if (!Sends && (Inner = directSendOf(Candidate.Callee, CalleeIndex)))
          Sends = true;
      } else {
        for (const InferredSend &H : helperSends(Candidate.Callee, 1))
          if (H.Param == CalleeIndex) {
            Inner = &H;
            Sends = true;
          }
      }
      if (!Sends || writesParam(Def, Candidate.Own))
        continue;
      InferredSend H;
      H.Send = Def;
      H.Param = Index;
      H.ViaCall = Candidate.Call;
      H.ViaCallee = Candidate.Callee;
      H.ViaParam = Candidate.To;
      H.Via = Inner;
      Out->push_back(H);
    }
    // A helper that waits (for a reply, a future) after sending is not one.
    if (!Out->empty() && waitsForAnything(Def->getBody()))
      Out->clear();
  }
  return *(Map[Def] = std::move(Out));
}

const InferredSend *ChannelInference::sendOf(const FunctionDecl *FD,
                                             unsigned Index) const {
  if (const InferredSend *S = directSendOf(FD, Index))
    return S;
  for (unsigned Level : {1u, 2u})
    for (const InferredSend &S : helperSends(FD, Level))
      if (S.Param == Index)
        return &S;
  return nullptr;
}

bool isSendsParam(const FunctionDecl *FD, unsigned Index,
                  const LibraryModel &Lib, const InferredSend **Inferred) {
  if (paramHasAnnotation(FD, Index, "fearless::sends"))
    return true;
  const ChannelInference *C = Lib.channels();
  const InferredSend *S = C ? C->sendOf(FD, Index) : nullptr;
  if (Inferred)
    *Inferred = S;
  return S != nullptr;
}

void noteChannelSend(Finding &F, const FunctionDecl *Callee,
                     const ParmVarDecl *P, const InferredSend *Channel,
                     const Expr *Call) {
  const FunctionDecl *Named = Callee->getTemplateInstantiationPattern()
                                  ? Callee->getTemplateInstantiationPattern()
                                  : Callee;
  auto N = [](const NamedDecl *D) { return D; };
  if (!Channel) {
    F.note(P && P->getLocation().isValid() ? P->getLocation()
                                           : Call->getBeginLoc(),
           MessageId::SentThroughSendsParameter, {N(P), N(Named)});
    return;
  }
  if (Channel->ViaCall) {
    // A helper: where it passes the value on, then what that callee does.
    F.note(Channel->ViaCall->getBeginLoc(), MessageId::SentThroughHelper,
           {N(Named), N(P), N(Channel->ViaCallee)});
    noteChannelSend(F, Channel->ViaCallee, Channel->ViaParam, Channel->Via,
                    Channel->ViaCall);
    return;
  }
  if (!Channel->Queue) {
    const auto *M = dyn_cast<CXXMethodDecl>(Named);
    F.note(Call->getBeginLoc(), MessageId::SentThroughChannelModel,
           {N(Named), N(M ? M->getParent() : nullptr)});
    return;
  }
  F.note(Channel->PutAt, MessageId::SentThroughChannel,
         {N(Named), N(Channel->Queue), N(Channel->Receive)});
  F.note(Channel->Receive->getLocation(), MessageId::ChannelReceivesHere,
         {N(Channel->Receive), N(Channel->Queue)});
}

} // namespace fearless
