//===- FrameHandOff.cpp - A coroutine task given to a call ---------------===//
//
// A task (an object owning a coroutine frame) given to a call is not lost
// to the analysis when the callee's body shows what becomes of it: a
// coroutine taking it by value keeps it in its own frame, owned by the task
// it returns (`Task proxy(Task t) { co_return co_await t; }`); a function
// that only uses it (resumes it, awaits it, reads its result: cppcoro's
// `sync_wait`) leaves it with the argument object, which dies where it
// would have died without the call. Anything else -- moved or copied into
// an object, handed to a call by value or to a body not visible -- is a
// hand-off the analysis does not follow.
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/CoroutineFrames.h"

using namespace clang;

namespace fearless {

/// The parameter of the definition of \p Call's callee that argument \p Arg
/// initializes, with that definition; null if there is none.
static const ParmVarDecl *parameterOf(const CallExpr *Call, const Expr *Arg,
                                      const FunctionDecl *&Def) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->hasBody(Def) || !Def->getBody() ||
      Def->isDependentContext())
    return nullptr;
  // A member operator's object is its first argument.
  unsigned Offset = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Def) &&
                            !cast<CXXMethodDecl>(Def)->isStatic()
                        ? 1
                        : 0;
  for (unsigned I = Offset; I < Call->getNumArgs(); ++I)
    if (Call->getArg(I)->IgnoreParenImpCasts() == Arg->IgnoreParenImpCasts())
      return I - Offset < Def->getNumParams() ? Def->getParamDecl(I - Offset)
                                              : nullptr;
  return nullptr;
}

/// Whether \p Def may keep or pass on the object its parameter \p P names:
/// every use of \p P (through std::move, std::forward and conversions) only
/// reads it, calls a member of it or awaits it, or binds it to a reference
/// parameter of a function that does the same (\p Depth calls down).
static bool givesAway(const FunctionDecl *Def, const ParmVarDecl *P,
                      unsigned Depth) {
  ParentMap PM(const_cast<Stmt *>(Def->getBody()));
  bool Away = false;
  llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
  for (unsigned Seen = 0; !Work.empty() && !Away; ++Seen) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (Seen > 2048)
      return true; // too large to tell
    for (const Stmt *C : S->children())
      Work.push_back(C);
    const auto *DRE = dyn_cast<DeclRefExpr>(S);
    if (!DRE || DRE->getDecl() != P)
      continue;
    const Expr *Child = DRE;
    const Stmt *Up = PM.getParent(Child);
    while (Up && (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
                      CXXBindTemporaryExpr>(Up) ||
                  (isa<CallExpr>(Up) && getMovedExpr(cast<Expr>(Up))))) {
      Child = cast<Expr>(Up);
      Up = PM.getParent(Up);
    }
    // t.h.resume(), t.value(), co_await t: uses of the object in place.
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(Up);
        ME && ME->getBase() == Child)
      continue;
    if (isa_and_nonnull<CoawaitExpr, UnaryOperator>(Up) &&
        !(isa<UnaryOperator>(Up) &&
          cast<UnaryOperator>(Up)->getOpcode() == UO_AddrOf))
      continue;
    const auto *Call = dyn_cast_or_null<CallExpr>(Up);
    const FunctionDecl *CalleeDef = nullptr;
    const ParmVarDecl *Q =
        Call && Depth < 3 ? parameterOf(Call, Child, CalleeDef) : nullptr;
    if (Q && Q->getType()->isReferenceType() &&
        !givesAway(CalleeDef, Q, Depth + 1))
      continue;
    Away = true;
  }
  return Away;
}

bool holdsCoroutineFrame(QualType T, unsigned Depth) {
  if (ownsCoroutineFrame(T))
    return true;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Depth >= 3)
    return false;
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Type &&
        holdsCoroutineFrame(A.getAsType(), Depth + 1))
      return true;
    if (A.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &P : A.pack_elements())
        if (P.getKind() == TemplateArgument::Type &&
            holdsCoroutineFrame(P.getAsType(), Depth + 1))
          return true;
  }
  return false;
}

FrameHandOff frameHandOff(const CallExpr *Call, const Expr *Arg) {
  const FunctionDecl *Def = nullptr;
  const ParmVarDecl *P = parameterOf(Call, Arg, Def);
  if (!P)
    return FrameHandOff::Unknown;
  if (isa<CoroutineBodyStmt>(Def->getBody())) {
    // A coroutine's by-value parameter lives in its frame, owned by the
    // task it returns; a reference parameter only refers to the argument.
    if (P->getType()->isReferenceType())
      return givesAway(Def, P, 1) ? FrameHandOff::Unknown : FrameHandOff::Kept;
    return ownsCoroutineFrame(Def->getReturnType()) ? FrameHandOff::IntoResult
                                                    : FrameHandOff::Unknown;
  }
  if (!givesAway(Def, P, 0))
    return FrameHandOff::Kept;
  // Given away, into what the call returns when that holds tasks
  // (`when_all_ready(a(), b())` returns an awaitable of a tuple of them).
  return holdsCoroutineFrame(Call->getType()) ? FrameHandOff::IntoResult
                                              : FrameHandOff::Unknown;
}

} // namespace fearless
