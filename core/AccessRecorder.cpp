//===- AccessRecorder.cpp - What an occurrence of a location does to it --===//
//
// The data-race rule of the standard applied to one expression: reads and
// writes by operators, member calls on library types (const members read,
// others write, container accessors only read the container), atomics and
// their memory orders, synchronization signals, arguments bound to
// references, captures and addresses (not accesses).
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/Analysis.h"
#include "fearless/FunctionAnalysis.h"
#include "Summarizer.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace fearless {

namespace {

/// Whether \p Child initializes a reference member of the aggregate \p ILE
/// initializes (`Handle h{executor}` with `Executor &ex;`).
bool bindsReferenceMember(const InitListExpr *ILE, const Stmt *Child) {
  const auto *RD = ILE->getType()->getAsRecordDecl();
  if (!RD || ILE->getType()->isUnionType())
    return false;
  unsigned Index = 0;
  if (const auto *CRD = dyn_cast<CXXRecordDecl>(RD))
    Index = CRD->getNumBases();
  for (const FieldDecl *F : RD->fields()) {
    if (F->isUnnamedBitField())
      continue;
    if (Index >= ILE->getNumInits())
      return false;
    if (ILE->getInit(Index)->IgnoreParens() == Child)
      return F->getType()->isReferenceType();
    ++Index;
  }
  return false;
}

/// Whether \p L is `*(volatile T *)&(x)` (explicit casts of any spelling):
/// an access marked as a relaxed atomic by the pre-C11 idiom (Access.h,
/// Access::Marked).
bool isMarkedVolatileAccess(const Expr *L) {
  const auto *Deref = dyn_cast<UnaryOperator>(L->IgnoreParens());
  if (!Deref || Deref->getOpcode() != UO_Deref)
    return false;
  const auto *Cast =
      dyn_cast<ExplicitCastExpr>(Deref->getSubExpr()->IgnoreParens());
  if (!Cast || !Cast->getType()->isPointerType() ||
      !Cast->getType()->getPointeeType().isVolatileQualified())
    return false;
  const auto *Addr =
      dyn_cast<UnaryOperator>(Cast->getSubExpr()->IgnoreParenImpCasts());
  return Addr && Addr->getOpcode() == UO_AddrOf;
}

} // namespace

AccessRecorder::AccessRecorder(Session &S, FunctionAnalysis &FA,
                               LocationResolver &Locs, unsigned Depth)
    : S(S), FA(FA), Locs(Locs),
      Guards(FA.function(), FA.parents(), S.astContext()),
      Flags(S, FA.parents(), Depth) {}

bool AccessRecorder::usableBody(const FunctionDecl *FD) const {
  return hasUsableBody(FD, S.astContext().getSourceManager());
}

void AccessRecorder::record(MemLoc Loc, bool Write, bool Atomic, bool Shallow,
                            const Expr *At, const Lockset &Held,
                            const Stmt *Point, bool Synchronizing) {
  if (Out.Accesses.size() >= MaxAccesses)
    return;
  Access A;
  A.Loc = std::move(Loc);
  A.Write = Write;
  A.Atomic = Atomic;
  A.Synchronizing = Synchronizing;
  A.Shallow = Shallow;
  A.Locks.assign(Held.begin(), Held.end());
  A.Where = At->getExprLoc();
  A.Range = At->getSourceRange();
  A.Point = Point;
  A.Guards = Guards.guardsOf(At);
  if (Write && !Atomic)
    setStoredValue(A, At, FA.parents(), FA.function(), S.astContext());
  A.FlagTests = Flags.testsOf(At);
  Out.Accesses.push_back(std::move(A));
}

/// Whether the memory order of the atomic builtin \p AE is a constant equal
/// to memory_order_relaxed (0); an order not known is taken to synchronize,
/// as for std::atomic's members.
static bool provablyRelaxed(const AtomicExpr *AE, const ASTContext &Ctx) {
  if (AE->getNumSubExprs() < 2)
    return false;
  return integerConstant(AE->getOrder(), Ctx) == 0;
}

void AccessRecorder::atomicBuiltin(const AtomicExpr *AE, const Lockset &Held,
                                   const Stmt *Point) {
  llvm::StringRef Op = AE->getOpAsString();
  if (Op.contains("_init"))
    return; // a plain initialization, before the object is shared
  std::optional<MemLoc> Loc = Locs.derefLoc(AE->getPtr());
  if (!Loc)
    return;
  size_t Before = Out.Accesses.size();
  record(*Loc, !Op.contains("_load"), true, false, AE, Held, Point,
         !provablyRelaxed(AE, FA.function()->getASTContext()));
  QualType Pointee = AE->getPtr()->getType()->getPointeeType();
  if (Out.Accesses.size() > Before && !Pointee.isNull() &&
      !Pointee->isAtomicType())
    Out.Accesses.back().OrderOnly = true;
}

void AccessRecorder::callEffects(const CallExpr *Call, const FunctionDecl *Callee,
                                 const Lockset &Held, const Stmt *Point) {
  // sem_post(&s) / sem_wait(&s): a synchronizing write / read of s.
  if (auto Effect = syncSignalFunction(Callee);
      Effect && Call->getNumArgs() > 0)
    if (auto Obj = Locs.derefLoc(Call->getArg(0))) {
      recordSignal(*Obj, *Effect, Call, Held, Point);
      return;
    }
  // Atomic builtins: __atomic_*, __sync_* through a pointer.
  if (Callee && Callee->getBuiltinID() && Call->getNumArgs() > 0 &&
      Callee->getIdentifier() &&
      (Callee->getName().starts_with("__atomic_") ||
       Callee->getName().starts_with("__sync_") ||
       Callee->getName().starts_with("__c11_atomic_")))
    if (auto Loc = Locs.derefLoc(Call->getArg(0)))
      record(*Loc, true, true, false, Call, Held, Point);
  if (const MemoryEffect *M = memoryFunction(Callee))
    memoryCall(Call, *M, Held, Point);
}

void AccessRecorder::memoryCall(const CallExpr *Call, const MemoryEffect &M,
                                const Lockset &Held, const Stmt *Point) {
  for (unsigned I = 0; I < Call->getNumArgs() && I < 32; ++I) {
    bool Read = M.Read & (1u << I), Write = M.Written == int(I);
    if (!Read && !Write)
      continue;
    if (std::optional<MemLoc> Loc = Locs.derefLoc(Call->getArg(I))) {
      if (Read)
        record(*Loc, false, false, false, Call->getArg(I), Held, Point);
      if (Write)
        record(*Loc, true, false, false, Call->getArg(I), Held, Point);
    }
  }
}

void AccessRecorder::recordSignal(const MemLoc &Obj, SignalEffect Effect,
                                  const Expr *At, const Lockset &Held,
                                  const Stmt *Point) {
  if (Effect != SignalEffect::Acquire)
    record(Obj, true, true, false, At, Held, Point, /*Synchronizing=*/true);
  if (Effect != SignalEffect::Release)
    record(Obj, false, true, false, At, Held, Point, /*Synchronizing=*/true);
}

void AccessRecorder::occurrence(const Expr *L, const Lockset &Held,
                                const Stmt *Point) {
  const ParentMap &PM = FA.parents();
  // Walk up past parentheses and no-op casts.
  const Stmt *Child = L;
  const Stmt *P = PM.getParent(L);
  while (P) {
    if (isa<ParenExpr>(P)) {
      Child = P;
      P = PM.getParent(P);
      continue;
    }
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P);
        ICE && (ICE->getCastKind() == CK_NoOp ||
                ICE->getCastKind() == CK_DerivedToBase ||
                ICE->getCastKind() == CK_UncheckedDerivedToBase)) {
      Child = P;
      P = PM.getParent(P);
      continue;
    }
    break;
  }
  if (!P)
    return;
  // Extended by a member, element or array subscript: the larger
  // expression is the access.
  if (const auto *ME = dyn_cast<MemberExpr>(P);
      ME && !ME->isArrow() && ME->getBase() == Child &&
      isa<FieldDecl>(ME->getMemberDecl()))
    return;
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P);
      ICE && ICE->getCastKind() == CK_ArrayToPointerDecay)
    if (isa_and_nonnull<ArraySubscriptExpr>(PM.getParent(ICE)))
      return;

  QualType T = L->getType();
  // latch.count_down() / latch.wait() and the like: a synchronizing atomic
  // write / read of the object, so that the data-race check's release/
  // acquire ordering applies to them.
  if (const auto *ME = dyn_cast<MemberExpr>(P); ME && ME->getBase() == Child)
    if (auto Effect = syncSignal(dyn_cast<CXXMethodDecl>(ME->getMemberDecl())))
      if (std::optional<MemLoc> Obj = Locs.locOf(L)) {
        recordSignal(*Obj, *Effect, L, Held, Point);
        return;
      }
  // The same through a pointer (`n->Notify()`): the signal is on the
  // pointee; the pointer itself is read as usual below.
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P);
      ICE && ICE->getCastKind() == CK_LValueToRValue && T->isPointerType()) {
    // Past conversions to a pointer to const, for a const member.
    const Expr *Ptr = ICE;
    const Stmt *Up = PM.getParent(Ptr);
    for (const auto *NoOp = dyn_cast_or_null<ImplicitCastExpr>(Up);
         NoOp && NoOp->getCastKind() == CK_NoOp;
         NoOp = dyn_cast_or_null<ImplicitCastExpr>(Up)) {
      Ptr = NoOp;
      Up = PM.getParent(Ptr);
    }
    const auto *ME = dyn_cast_or_null<MemberExpr>(Up);
    if (ME && ME->isArrow() && ME->getBase() == Ptr)
      if (auto Effect =
              syncSignal(dyn_cast<CXXMethodDecl>(ME->getMemberDecl())))
        if (std::optional<MemLoc> Obj = Locs.derefLoc(ICE))
          recordSignal(*Obj, *Effect, L, Held, Point);
  }
  if (isSyncType(T, S.traits()))
    return;
  // Synchronized by declaration: guarded_by, assume_synchronized.
  if (const auto *ME = dyn_cast<MemberExpr>(L))
    if (isAnnotatedSynchronized(ME->getMemberDecl()))
      return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
    if (isAnnotatedSynchronized(DRE->getDecl()))
      return;
  std::optional<MemLoc> Loc = Locs.locOf(L);
  if (!Loc)
    return;
  bool Atomic = isAtomicObjectType(T);
  // A plain read or write of a C11 _Atomic object is a seq_cst load or
  // store (C11 6.5.16.2, 7.17.7): it orders memory like atomic_load/store.
  bool SeqCst = T->isAtomicType();
  bool Marked = !Atomic && isMarkedVolatileAccess(L);
  auto RecordOne = [&](bool IsWrite, bool Shallow, KeptValid Keeps) {
    size_t Before = Out.Accesses.size();
    record(*Loc, IsWrite, Atomic, Shallow, L, Held, Point, SeqCst);
    if (Out.Accesses.size() > Before) {
      Out.Accesses.back().Marked = Marked;
      Out.Accesses.back().Keeps = Keeps;
    }
  };
  auto Read = [&](bool Shallow = false) {
    RecordOne(false, Shallow, KeptValid::Nothing);
  };
  auto Write = [&](KeptValid Keeps = KeptValid::Nothing) {
    RecordOne(true, false, Keeps);
  };

  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P)) {
    if (ICE->getCastKind() == CK_LValueToRValue ||
        ICE->getCastKind() == CK_LValueToRValueBitCast)
      return Read();
    if (ICE->getCastKind() == CK_ArrayToPointerDecay)
      return; // the address escapes; accesses through it are elsewhere
    return Read();
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
    if (BO->isAssignmentOp() && BO->getLHS() == Child)
      return Write();
    return Read();
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
    if (UO->isIncrementDecrementOp())
      return Write();
    if (UO->getOpcode() == UO_AddrOf)
      return; // taking the address is not an access
    return Read();
  }
  // Member calls on the object: the standard's data-race rule for library
  // types, summaries for ours.
  if (const auto *ME = dyn_cast<MemberExpr>(P); ME && ME->getBase() == Child) {
    const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    if (!M)
      return;
    if (Atomic) {
      // memory_order_relaxed orders nothing.
      bool Relaxed = false;
      if (const auto *MC =
              dyn_cast_or_null<CXXMemberCallExpr>(PM.getParent(ME)))
        for (const Expr *Arg : MC->arguments())
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
            if (DRE->getDecl()->getName().contains("relaxed"))
              Relaxed = true;
      record(*Loc, !M->isConst(), true, false, L, Held, Point, !Relaxed);
      return;
    }
    if (isStdLibraryRecord(M->getParent())) {
      if (constForRaces(M))
        return Read(/*Shallow=*/true);
      if (M->isConst())
        return Read();
      // A push at the end of a deque, an insert into a list or a map.
      return Write(keptValidBy(M));
    }
    if (usableBody(M))
      return; // expanded at the call
    if (M->isConst())
      return Read();
    return; // unknown callees are not assumed to write
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P);
      OC && OC->getNumArgs() > 0 && OC->getArg(0) == Child) {
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    if (Atomic) {
      record(*Loc, true, true, false, L, Held, Point, /*Synchronizing=*/true);
      return;
    }
    if (M && isStdLibraryRecord(M->getParent())) {
      if (constForRaces(M))
        return Read(/*Shallow=*/true);
      if (OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow)
        return Read(/*Shallow=*/true);
      if (M->isConst())
        return Read();
      return Write();
    }
    if (M && usableBody(M))
      return;
    if (OC->isAssignmentOp())
      return Write();
    return Read();
  }
  // Arguments: by value or const reference read; a non-const reference to
  // an unknown function is not assumed to write; known ones are expanded.
  if (isa<CallExpr>(P) || isa<CXXConstructExpr>(P)) {
    const Expr *Call = cast<Expr>(P);
    llvm::ArrayRef<const Expr *> Args = argsOf(Call);
    for (unsigned I = 0; I < Args.size(); ++I) {
      if (Args[I] != Child)
        continue;
      const ParmVarDecl *Param = paramForArg(Call, I);
      const FunctionDecl *Callee = calleeOf(Call);
      if (const auto *CE = dyn_cast<CXXConstructExpr>(Call);
          CE && classOf(CE->getType()) &&
          isStdDecl(classOf(CE->getType()), "atomic_ref"))
        return record(*Loc, true, true, false, L, Held, Point);
      if (!Param)
        return Read();
      QualType PT = Param->getType();
      if (!PT->isReferenceType())
        return Read();
      if (PT.getNonReferenceType().isConstQualified()) {
        // Copies and the library read the object; binding a const
        // reference to our own function reads nothing by itself (its body is
        // expanded), nor to an unknown one.
        if (const auto *CE = dyn_cast<CXXConstructExpr>(Call);
            CE && CE->getConstructor() &&
            CE->getConstructor()->isCopyOrMoveConstructor())
          return Read();
        if (Callee &&
            Callee->getDeclContext()->getRedeclContext()->isStdNamespace())
          return Read();
        if (Callee && isStdLibraryRecord(
                          dyn_cast<CXXRecordDecl>(Callee->getDeclContext())))
          return Read();
        return;
      }
      if (Callee && usableBody(Callee))
        return;
      if (Callee &&
          isStdLibraryRecord(dyn_cast<CXXRecordDecl>(Callee->getDeclContext())))
        return;
      return; // unknown callee taking a non-const reference
    }
    return Read();
  }
  if (isa<LambdaExpr>(P))
    return; // a by-reference capture takes no value
  // Binding a reference reads nothing: the accesses are the later ones
  // through it (locOf follows local references to what they are bound to).
  if (const auto *DS = dyn_cast<DeclStmt>(P)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D);
          VD && VD->getType()->isReferenceType() && VD->getInit() &&
          VD->getInit()->IgnoreParens() == Child)
        return;
    return Read();
  }
  if (const auto *ILE = dyn_cast<InitListExpr>(P))
    if (bindsReferenceMember(ILE, Child))
      return;
  // `return *this;` from a function returning a reference binds it: a
  // return by value would copy (a constructor or a load in between).
  if (isa<ReturnStmt>(P) && cast<Expr>(Child)->isGLValue())
    return;
  Read();
}

} // namespace fearless
