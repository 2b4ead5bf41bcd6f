//===- MemberMoves.cpp - What a member function does to its object's fields ===//
//
// With SubObjectMoves, `o.take(); o.use();` where take() moves a field as
// its last act and use() reads it first: the field of `o` is used after it
// was moved, across the two calls (the Static Analyzer's cplusplus.Move
// follows such fields when it inlines both calls). A summary of a member
// function is read from its body, syntactically and conservatively:
//   moves   a field moved unconditionally (not under a branch, a loop, ?:,
//           && or ||, no return before it) into a by-value parameter, a
//           constructor or an assignment, and not named again after;
//   first   for each field the body names: whether its first occurrence,
//           unconditional, reads it, or it is written (or named under a
//           condition: then the caller takes it as written);
//   opaque  the body calls a non-const member function of the object or
//           lets `this` go elsewhere: anything may happen to every field.
// Only visible, non-virtual (or final) members of user code have one.
//
//===----------------------------------------------------------------------===//

#include "MovesInternal.h"
#include "fearless/ASTUtil.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace fearless {
namespace moves {

namespace {

constexpr llvm::StringRef WriteNames[] = {
#define FEARLESS_REINIT_METHOD(Name) Name,
#define FEARLESS_REINIT_ANY_CLASS(Name) Name,
#define FEARLESS_STATE_QUERY(Name) Name,
#include "fearless/Models/Moves.def"
};

/// A field of the object the member function runs on: this->f or f.
const FieldDecl *thisField(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E);
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(ME->getMemberDecl());
}

/// Whether \p S sits in a branch, a loop or a short-circuit operand of the
/// body \p Body.
bool conditional(const Stmt *S, const Stmt *Body, const ParentMap &PM) {
  for (const Stmt *P = PM.getParent(S); P && P != Body; P = PM.getParent(P)) {
    if (isa<IfStmt, WhileStmt, DoStmt, ForStmt, CXXForRangeStmt, SwitchStmt,
            CXXTryStmt, ConditionalOperator, BinaryConditionalOperator,
            LambdaExpr>(P))
      return true;
    if (const auto *BO = dyn_cast<BinaryOperator>(P); BO && BO->isLogicalOp())
      return true;
  }
  return false;
}

/// The parent of \p E past implicit nodes; \p Child the last one skipped.
const Stmt *above(const Stmt *E, const ParentMap &PM, const Stmt *&Child) {
  Child = E;
  const Stmt *P = PM.getParent(E);
  while (P && isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
                  CXXBindTemporaryExpr, ExprWithCleanups>(P)) {
    Child = P;
    P = PM.getParent(P);
  }
  return P;
}

/// Whether the std::move \p Call surely moves: into a move constructor
/// (a by-value parameter, a variable) or a move assignment.
bool surelyMoves(const Expr *Call, const ParentMap &PM) {
  const Stmt *Child = nullptr;
  const Stmt *P = above(Call, PM, Child);
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(P))
    return CE->getConstructor() && CE->getConstructor()->isMoveConstructor();
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P))
    if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(OC->getCalleeDecl()))
      return M->isMoveAssignmentOperator() && OC->getNumArgs() == 2 &&
             OC->getArg(1) == Child;
  return false;
}

} // namespace

const MemberSummary &summarizeMember(MoveFacts &Facts, const CXXMethodDecl *M) {
  auto [It, New] = Facts.Summaries.try_emplace(M);
  MemberSummary &S = It->second;
  if (!New)
    return S;
  const FunctionDecl *Def = nullptr;
  if (!M || !M->hasBody(Def) || !Def || !Def->getBody() || M->isStatic() ||
      isa<CXXConstructorDecl, CXXDestructorDecl>(M) ||
      M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator() ||
      (M->isVirtual() && !M->hasAttr<FinalAttr>() &&
       !M->getParent()->hasAttr<FinalAttr>()) ||
      Def->isDependentContext() || Def->isImplicit() || Def->isDefaulted() ||
      M->getParent()->isLambda())
    return S;
  const SourceManager &SM = Def->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
    return S;
  const Stmt *Body = Def->getBody();
  ParentMap PM(const_cast<Stmt *>(Body));
  struct Walker : RecursiveASTVisitor<Walker> {
    MemberSummary &S;
    const ParentMap &PM;
    const Stmt *Body;
    const SourceManager &SM;
    /// Moves still waiting for a later occurrence of their field.
    llvm::DenseMap<const FieldDecl *, const Expr *> Candidates;
    bool SawReturn = false;
    Walker(MemberSummary &S, const ParentMap &PM, const Stmt *Body,
           const SourceManager &SM)
        : S(S), PM(PM), Body(Body), SM(SM) {}
    bool shouldVisitTemplateInstantiations() const { return true; }
    bool VisitReturnStmt(ReturnStmt *) {
      SawReturn = true;
      return true;
    }
    bool VisitCXXThisExpr(CXXThisExpr *This) {
      const Stmt *Child = nullptr;
      const Stmt *P = above(This, PM, Child);
      const auto *ME = dyn_cast_or_null<MemberExpr>(P);
      if (ME && isa<FieldDecl>(ME->getMemberDecl()))
        return true;
      if (const auto *Method =
              ME ? dyn_cast<CXXMethodDecl>(ME->getMemberDecl()) : nullptr;
          Method && (Method->isConst() || Method->isStatic()))
        return true;
      S.Opaque = true; // a non-const member, or `this` passed on
      return true;
    }
    bool VisitMemberExpr(MemberExpr *E) {
      const FieldDecl *F = thisField(E);
      if (!F)
        return true;
      // Named again after a move: the move is not its last act.
      Candidates.erase(F);
      bool Conditional = conditional(E, Body, PM);
      const Stmt *Child = nullptr;
      const Stmt *P = above(E, PM, Child);
      // std::move(this->f) as the last act.
      if (const auto *Call = dyn_cast_or_null<CallExpr>(P);
          Call && Call->getDirectCallee() &&
          isStdDecl(Call->getDirectCallee(), "move") && !Conditional &&
          !SawReturn && surelyMoves(Call, PM) &&
          !F->getType().isConstQualified() &&
          !F->getType()->isReferenceType() &&
          !F->getType().isTriviallyCopyableType(F->getASTContext()))
        Candidates[F] = Call;
      if (S.First.count(F))
        return true;
      FieldTouch T = FieldTouch::Read;
      if (Conditional)
        T = FieldTouch::Written;
      if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
          BO && BO->isAssignmentOp() && BO->getLHS() == Child)
        T = FieldTouch::Written;
      if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
          OC && OC->getOperator() == OO_Equal && OC->getArg(0) == Child)
        T = FieldTouch::Written;
      if (const auto *Member = dyn_cast_or_null<MemberExpr>(P);
          Member && Member->getBase() == Child)
        if (const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
            Method && Method->getIdentifier() &&
            llvm::any_of(WriteNames, [&](llvm::StringRef N) {
              return Method->getName().equals_insensitive(N);
            }))
          T = FieldTouch::Written;
      // A moved-from smart pointer is null: only a dereference reads it.
      if (isNullAfterMove(F->getType()))
        if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
            !OC || OC->getArg(0) != Child ||
            (OC->getOperator() != OO_Star && OC->getOperator() != OO_Arrow &&
             OC->getOperator() != OO_Subscript))
          T = FieldTouch::Written;
      // Bound to a non-const reference or its address taken: written.
      if (isa_and_nonnull<UnaryOperator>(P) &&
          cast<UnaryOperator>(P)->getOpcode() == UO_AddrOf)
        T = FieldTouch::Written;
      S.First[F] = {T, E};
      return true;
    }
  } W(S, PM, Body, SM);
  W.TraverseStmt(const_cast<Stmt *>(Body));
  for (const auto &[F, Call] : W.Candidates)
    S.Moves.push_back({F, Call});
  S.Known = true;
  return S;
}

void noteMemberCallMoves(MoveFacts &Facts, const LibraryModel &Lib,
                         const CXXMemberCallExpr *Call) {
  const MemberSummary &Sum = summarizeMember(Facts, Call->getMethodDecl());
  if (!Sum.Known || Sum.Moves.empty())
    return;
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Object || Call->isInstantiationDependent())
    return;
  const Expr *Bare = Object->IgnoreParenImpCasts();
  // The object's path: this (the fields are whole keys), a variable or a
  // part, or what a pointer points to.
  std::optional<PartPath> Base;
  if (!isa<CXXThisExpr>(Bare)) {
    if (const ValueDecl *Root = occurrenceKey(Bare))
      Base = PartPath{uintptr_t(Root)};
    else
      Base = Facts.partPath(Bare);
    if (!Base)
      return;
    if (Object->getType()->isPointerType())
      Base->push_back(1); // the dereference (MoveParts.cpp)
    const auto *RootVar =
        dyn_cast<VarDecl>(reinterpret_cast<const ValueDecl *>(Base->front()));
    if (RootVar && !RootVar->hasLocalStorage() &&
        !Lib.options().flag("GlobalAndStaticMoves"))
      return;
  }
  for (const auto &[Field, Inside] : Sum.Moves) {
    unsigned Key;
    MoveSite M{Call, Object, Field, MoveKind::StdMove, Call->getMethodDecl(),
               nullptr, nullptr};
    M.ViaMember = Field;
    M.Inside = Inside;
    if (Base) {
      PartPath Path = *Base;
      Path.push_back(uintptr_t(Field));
      Key = Facts.partKey(Path);
      M.Var = reinterpret_cast<const ValueDecl *>(Path.front());
      M.Part = true;
    } else {
      Key = Facts.wholeKey(Field);
    }
    unsigned Index = Facts.Moves.size();
    Facts.Moves.push_back(M);
    Facts.MoveKeys.push_back(Key);
    Facts.DeferredMoves.insert(Index);
    Facts.Effects[Call].push_back(Effect{Effect::Move, Key, Index});
    Facts.MemberMoveCalls.insert({Call, Key});
  }
}

bool DependentClassifier::touchByMemberCall(const CXXMemberCallExpr *Call,
                                             const PartPath *Object,
                                             unsigned Key) {
  const MemberSummary &Sum = summarizeMember(Facts, Call->getMethodDecl());
  if (!Sum.Known)
    return false;
  const TrackedKey &K = Facts.Keys[Key];
  const FieldDecl *F = nullptr;
  if (Object) {
    if (K.K != TrackedKey::Part || K.Path.size() != Object->size() + 1 ||
        !std::equal(Object->begin(), Object->end(), K.Path.begin()))
      return false;
    uintptr_t Step = K.Path.back();
    if (Step <= 7 || (Step & 7) != 0) // an element or a dereference
      return false;
    F = reinterpret_cast<const FieldDecl *>(Step);
  } else {
    F = K.K == TrackedKey::Whole ? dyn_cast<FieldDecl>(K.Root) : nullptr;
  }
  if (!F)
    return false;
  if (Facts.MemberMoveCalls.count({Call, Key}))
    return true; // the call's own move
  auto It = Sum.First.find(F);
  if (It == Sum.First.end()) {
    // Not named: untouched, unless the body may reach it another way (for
    // a part; a field of *this keeps the intraprocedural assumption).
    if (Sum.Opaque && Object)
      Facts.Effects[Call].push_back(Effect{Effect::Reinit, Key});
    return true;
  }
  if (It->second.first == FieldTouch::Written) {
    Facts.Effects[Call].push_back(Effect{Effect::Reinit, Key});
    return true;
  }
  auto &Effs = Facts.Effects[Call];
  Effs.insert(Effs.begin(), Effect{Effect::Use, Key, 0, Call});
  Facts.ReadInside[Call] = It->second.second;
  return true;
}

void DependentClassifier::classifyThisCall(const CXXMemberCallExpr *Call) {
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Object || !isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
    return;
  const CXXMethodDecl *M = Call->getMethodDecl();
  bool MayWrite = M && !M->isConst() && !M->isStatic();
  for (unsigned Key = 0; Key < Facts.Keys.size(); ++Key) {
    const TrackedKey &K = Facts.Keys[Key];
    const auto *Field = dyn_cast<FieldDecl>(K.Root);
    if (!Field)
      continue;
    if (K.K == TrackedKey::Whole) {
      if (Facts.Parts)
        touchByMemberCall(Call, nullptr, Key);
      continue;
    }
    // A part or the elements of a field: a non-const member function may
    // give them new values (reheap() after moving data[0]), unless its
    // body never names the field.
    if (!MayWrite)
      continue;
    const MemberSummary &S = summarizeMember(Facts, M);
    if (S.Known && !S.Opaque && !S.First.count(Field))
      continue;
    Facts.Effects[Call].push_back(Effect{Effect::Reinit, Key});
  }
}

} // namespace moves
} // namespace fearless
