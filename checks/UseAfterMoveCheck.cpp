//===- UseAfterMoveCheck.cpp - fearless-use-after-move --------------------===//
//
// Rust's E0382 "borrow of moved value" for C++: a variable used after it was
// moved, on some path, before it is reinitialized (see Moves.h for what
// counts as a move, a use and a reinitialization). Moves include values sent
// into threads and through fearless::consumes/sends parameters (channels).
// A fix-it copies instead of moving when that compiles and keeps the
// variable usable.
//
//===----------------------------------------------------------------------===//

#include "fearless/ASTUtil.h"
#include "fearless/ChannelInference.h"
#include "fearless/Analysis.h"
#include "fearless/Explain.h"
#include "fearless/FunctionAnalysis.h"
#include "fearless/Moves.h"
#include "fearless/VarUsage.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace fearless {

namespace {

class UseAfterMoveCheck : public Check {
public:
  explicit UseAfterMoveCheck(Session &S) : S(S) {}
  CheckId id() const override { return CheckId::UseAfterMove; }

  void checkFunction(FunctionAnalysis &FA) override {
    const MoveAnalysis *MA = FA.moves();
    if (!MA)
      return;
    for (const UseAfterMove &U : MA->uses())
      report(FA, *MA, U);
  }

private:
  void report(FunctionAnalysis &FA, const MoveAnalysis &MA,
              const UseAfterMove &U) {
    const MoveSite &M = MA.moves()[U.Move];
    const SourceManager &SM = FA.astContext().getSourceManager();
    // A part is named as written ('s.v', '*p'); elements by their container.
    MessageArg Var = static_cast<const NamedDecl *>(M.Var);
    if (M.Part && M.ViaMember)
      Var = "'" + spelling(FA, M.Operand) +
            (M.Operand->getType()->isPointerType() ? "->" : ".") +
            M.ViaMember->getName().str() + "'";
    else if (M.Part)
      Var = "'" + spelling(FA, M.Operand) + "'";
    QualType Declared = displayType(
        M.ViaMember ? M.ViaMember->getType()
        : M.Part || M.Elements ? M.Operand->getType()
                               : M.Var->getType());
    if (M.Elements) {
      reportElements(FA, M, U, Var, Declared);
      return;
    }
    bool Invalidated = M.Kind == MoveKind::Invalidated;
    Finding F =
        Invalidated
            ? makeFinding(CheckId::UseAfterMove, U.Use->getBeginLoc(),
                          MessageId::UsedAfterInvalidation,
                          {Var, static_cast<const NamedDecl *>(M.Callee)},
                          U.Use->getSourceRange())
            : makeFinding(CheckId::UseAfterMove, U.Use->getBeginLoc(),
                          U.Unsequenced ? MessageId::UsedAfterMoveUnsequenced
                                        : MessageId::UsedAfterMove,
                          {Var}, U.Use->getSourceRange());
    SourceLocation MoveLoc = M.Expr->getBeginLoc();
    // A use at or before its move in the source is reached through the
    // loop's back edge.
    bool PreviousIteration =
        !U.Unsequenced &&
        !SM.isBeforeInTranslationUnit(M.Operand->getBeginLoc(),
                                      U.Use->getBeginLoc()) &&
        inCommonLoop(FA.parents(), U.Use, M.Expr);
    if (Invalidated) {
      F.note(MoveLoc, MessageId::InvalidatedHere,
             {Var, static_cast<const NamedDecl *>(M.Callee)},
             M.Expr->getSourceRange());
      addInstantiationNote(F, FA.function());
      S.report(std::move(F));
      return;
    }
    const InferredSend *Channel = nullptr;
    if (M.Kind == MoveKind::Sent && M.Param)
      isSendsParam(M.Callee, M.Param->getFunctionScopeIndex(), S.library(),
                   &Channel);
    if (Channel) {
      F.note(MoveLoc, MessageId::MovedIntoChannel,
             {Var, Declared, static_cast<const NamedDecl *>(M.Callee)},
             M.Expr->getSourceRange());
    } else if (M.Kind == MoveKind::Consumed || M.Kind == MoveKind::Sent) {
      const FunctionDecl *Callee =
          M.Callee->getTemplateInstantiationPattern()
              ? M.Callee->getTemplateInstantiationPattern()
              : M.Callee;
      F.note(MoveLoc, MessageId::MovedByConsumingParameter,
             {Var, Declared, static_cast<const NamedDecl *>(M.Param),
              static_cast<const NamedDecl *>(Callee),
              std::string(M.Kind == MoveKind::Sent ? "fearless::sends"
                                                   : "fearless::consumes")},
             M.Expr->getSourceRange());
    } else if (M.Copied) {
      F.note(MoveLoc, MessageId::CopiedByMove, {Var, Declared},
             M.Expr->getSourceRange());
    } else if (M.ViaMember) {
      F.note(MoveLoc, MessageId::MovedByMemberCall,
             {Var, Declared, static_cast<const NamedDecl *>(M.Callee)},
             M.Expr->getSourceRange());
      F.note(M.Inside->getBeginLoc(), MessageId::MemberMovesFieldHere,
             {static_cast<const NamedDecl *>(M.Callee),
              static_cast<const NamedDecl *>(M.ViaMember)},
             M.Inside->getSourceRange());
    } else if (PreviousIteration) {
      F.note(MoveLoc, MessageId::MovedInPreviousIteration, {Var, Declared},
             M.Expr->getSourceRange());
    } else if (M.IntoSpawn) {
      F.note(MoveLoc, MessageId::MovedIntoThread, {Var, Declared},
             M.Expr->getSourceRange());
    } else {
      F.note(MoveLoc, MessageId::MovedHere, {Var, Declared},
             M.Expr->getSourceRange());
    }
    // A member function called on the object reads the field.
    if (U.Inside)
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(U.Use);
          Call && Call->getMethodDecl())
        if (const auto *ME = dyn_cast<MemberExpr>(U.Inside))
          F.note(U.Inside->getBeginLoc(), MessageId::MemberReadsFieldHere,
                 {static_cast<const NamedDecl *>(Call->getMethodDecl()),
                  static_cast<const NamedDecl *>(ME->getMemberDecl())},
                 U.Inside->getSourceRange());
    // At the use: what the moved-from object holds.
    QualType T = Declared.getCanonicalType().getUnqualifiedType();
    if (isNullAfterMove(T))
      F.note(U.Use->getBeginLoc(), MessageId::MovedFromSmartPointerIsNull, {T});
    else if (isStdClass(T, "thread") || isStdClass(T, "jthread"))
      F.note(U.Use->getBeginLoc(), MessageId::MovedFromThreadNotJoinable, {T});
    else if (!M.Copied && isInStdNamespace(T))
      F.note(U.Use->getBeginLoc(), MessageId::MovedFromStdUnspecified,
             {Declared.getUnqualifiedType()});
    // help: the fix.
    if (auto Fix = copyFix(FA, M)) {
      F.FixIts.push_back(*Fix);
      F.note(MoveLoc, MessageId::CopyInsteadOfMoveFix, {Var});
    } else {
      F.note(MoveLoc, MessageId::MoveOnLastUseHelp, {Var});
    }
    addInstantiationNote(F, FA.function());
    S.report(std::move(F));
  }

  /// A use of a container's elements after a range-for moved each of them.
  void reportElements(FunctionAnalysis &FA, const MoveSite &M,
                      const UseAfterMove &U, const MessageArg &Var,
                      QualType Element) {
    Finding F = makeFinding(CheckId::UseAfterMove, U.Use->getBeginLoc(),
                            MessageId::ElementsUsedAfterMove, {Var},
                            U.Use->getSourceRange());
    F.note(M.Expr->getBeginLoc(),
           M.IntoSpawn ? MessageId::ElementsMovedIntoThread
                       : MessageId::ElementsMovedHere,
           {Var, Element}, M.Expr->getSourceRange());
    QualType T = Element.getCanonicalType().getUnqualifiedType();
    if (isInStdNamespace(T) && !isNullAfterMove(T))
      F.note(U.Use->getBeginLoc(), MessageId::MovedFromStdUnspecified,
             {Element.getUnqualifiedType()});
    F.note(M.Expr->getBeginLoc(), MessageId::ElementsMovedHelp, {Var});
    addInstantiationNote(F, FA.function());
    S.report(std::move(F));
  }

  /// \p E as written, or its variable's name when it comes from a macro.
  static std::string spelling(FunctionAnalysis &FA, const Expr *E) {
    const SourceManager &SM = FA.astContext().getSourceManager();
    SourceRange R = E->getSourceRange();
    if (!R.getBegin().isMacroID() && !R.getEnd().isMacroID()) {
      llvm::StringRef Text = Lexer::getSourceText(
          CharSourceRange::getTokenRange(R), SM, FA.astContext().getLangOpts());
      if (!Text.empty() && Text.size() < 80 && !Text.contains('\n'))
        return Text.str();
    }
    return "...";
  }

  /// The type to name in the notes: as declared ('std::string', not
  /// basic_string), but what `auto` deduced, and through the library's
  /// reserved aliases (`__detail::__unique_ptr_t<int>` is a unique_ptr).
  static QualType displayType(QualType T) {
    T = T.getNonReferenceType();
    if (const auto *AT = dyn_cast<AutoType>(T.getTypePtr());
        AT && AT->isDeduced())
      T = AT->getDeducedType();
    for (QualType Cur = T; !Cur.isNull();) {
      const auto *TT = Cur->getAs<TypedefType>();
      if (!TT)
        break;
      if (TT->getDecl()->getName().starts_with("__"))
        return T.getCanonicalType();
      QualType Next = TT->getDecl()->getUnderlyingType();
      if (Next == Cur)
        break;
      Cur = Next;
    }
    return T;
  }

  /// Whether \p T is a class of namespace std (its moved-from state is
  /// "valid but unspecified" unless the standard says more).
  static bool isInStdNamespace(QualType T) {
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    return RD && RD->getDeclContext()->getRedeclContext()->isStdNamespace();
  }

  static bool inCommonLoop(const ParentMap &PM, const Stmt *A, const Stmt *B) {
    for (const Stmt *P = PM.getParent(B); P; P = PM.getParent(P))
      if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
        for (const Stmt *Q = PM.getParent(A); Q; Q = PM.getParent(Q))
          if (Q == P)
            return true;
    return false;
  }

  /// std::move(x) -> x, when the destination accepts a copy: a by-value or
  /// const-reference parameter, a variable or capture initialized from it, an
  /// assignment.
  static std::optional<FixIt> copyFix(FunctionAnalysis &FA, const MoveSite &M) {
    const auto *Call = dyn_cast<CallExpr>(M.Expr);
    if (M.Kind != MoveKind::StdMove || !Call || !Call->getDirectCallee() ||
        !isStdDecl(Call->getDirectCallee(), "move"))
      return std::nullopt;
    QualType T = (M.Part ? M.Operand->getType() : M.Var->getType())
                     .getNonReferenceType();
    if (!isCopyable(T) || T.isConstQualified())
      return std::nullopt;
    SourceRange R = Call->getSourceRange();
    if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
      return std::nullopt;
    // Where does the moved value go?
    const ParentMap &PM = FA.parents();
    const Stmt *Child = Call;
    const Stmt *P = PM.getParent(Call);
    while (P &&
           (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P) ||
            isa<MaterializeTemporaryExpr>(P) || isa<CXXBindTemporaryExpr>(P))) {
      Child = P;
      P = PM.getParent(P);
    }
    bool CopyOk = false;
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(P)) {
      // Constructing a by-value parameter, a variable, a capture.
      CopyOk =
          CE->getConstructor() && CE->getConstructor()->isMoveConstructor();
    } else if (P && (isa<CallExpr>(P))) {
      llvm::ArrayRef<const Expr *> Args = argsOf(cast<Expr>(P));
      for (unsigned I = 0; I < Args.size(); ++I)
        if (Args[I] == Child)
          if (const ParmVarDecl *Param = paramForArg(cast<Expr>(P), I)) {
            QualType PT = Param->getType();
            if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P);
                OC && OC->getOperator() == OO_Equal)
              CopyOk = true; // copy assignment exists when copyable
            else if (PT->isRValueReferenceType())
              CopyOk = hasCopyOverload(calleeOf(cast<Expr>(P)), I, PT);
            else
              CopyOk = !PT->isReferenceType() ||
                       PT.getNonReferenceType().isConstQualified();
          }
    }
    if (!CopyOk)
      return std::nullopt;
    const Expr *Arg = Call->getArg(0);
    const SourceManager &SM = FA.astContext().getSourceManager();
    const LangOptions &LO = FA.astContext().getLangOpts();
    CharSourceRange ArgRange =
        CharSourceRange::getTokenRange(Arg->getSourceRange());
    llvm::StringRef Text = Lexer::getSourceText(ArgRange, SM, LO);
    if (Text.empty())
      return std::nullopt;
    return FixIt{CharSourceRange::getTokenRange(R), Text.str()};
  }

  /// Whether \p FD (taking \p RValueParam at \p Index) has an overload
  /// taking a const lvalue reference there instead (push_back(const T &)).
  static bool hasCopyOverload(const FunctionDecl *FD, unsigned Index,
                              QualType RValueParam) {
    if (!FD || !FD->getDeclContext())
      return false;
    QualType Want = RValueParam.getNonReferenceType().getUnqualifiedType();
    for (const NamedDecl *ND :
         FD->getDeclContext()->lookup(FD->getDeclName())) {
      const auto *Other = dyn_cast<FunctionDecl>(ND->getUnderlyingDecl());
      if (!Other || Other == FD ||
          Other->getNumParams() != FD->getNumParams() ||
          Index >= Other->getNumParams())
        continue;
      QualType PT = Other->getParamDecl(Index)->getType();
      if (PT->isLValueReferenceType() &&
          PT.getNonReferenceType().isConstQualified() &&
          FD->getASTContext().hasSameUnqualifiedType(PT.getNonReferenceType(),
                                                     Want))
        return true;
    }
    return false;
  }

  Session &S;
};

} // namespace

std::unique_ptr<Check> createUseAfterMoveCheck(Session &S) {
  return std::make_unique<UseAfterMoveCheck>(S);
}

} // namespace fearless
