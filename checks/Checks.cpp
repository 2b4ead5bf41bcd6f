//===- Checks.cpp - Creates the checker objects of Checks.def -------------===//

#include "fearless/Analysis.h"

namespace fearless {

#define FEARLESS_CHECK(Id, Name, Class, Summary)                               \
  std::unique_ptr<Check> create##Class(Session &S);
#include "fearless/Checks.def"

std::unique_ptr<Check> createCheck(CheckId Id, Session &S) {
  switch (Id) {
#define FEARLESS_CHECK(Id, Name, Class, Summary)                               \
  case CheckId::Id:                                                            \
    return create##Class(S);
#include "fearless/Checks.def"
  }
  return nullptr;
}

} // namespace fearless
