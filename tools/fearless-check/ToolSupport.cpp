//===- ToolSupport.cpp - What the standalone tools share ------------------===//

#include "ToolSupport.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#ifndef FEARLESS_SOURCE_DOCS_DIR
#error "the build defines FEARLESS_SOURCE_DOCS_DIR (the source tree's docs/)"
#endif
#ifndef FEARLESS_CLANG_RESOURCE_DIR
#error                                                                         \
    "the build defines FEARLESS_CLANG_RESOURCE_DIR (clang -print-resource-dir)"
#endif

namespace fearless::tools {

std::string fileURL(llvm::StringRef Path) {
  std::string URL = "file://";
  for (char C : Path) {
    // RFC 3986 unreserved characters and '/' pass; the rest is encoded.
    if (llvm::isAlnum(C) || C == '/' || C == '-' || C == '.' || C == '_' ||
        C == '~')
      URL += C;
    else
      URL += "%" + llvm::utohexstr(static_cast<unsigned char>(C),
                                   /*LowerCase=*/false, /*Width=*/2);
  }
  return URL;
}

std::string defaultDocsRoot(const char *Argv0, void *MainAddr) {
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, MainAddr);
  if (!Exe.empty()) {
    // <prefix>/bin/tool -> <prefix>/share/doc/fearless
    llvm::SmallString<256> Installed(
        llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
    llvm::sys::path::append(Installed, "share", "doc", "fearless");
    llvm::SmallString<256> Checks(Installed);
    llvm::sys::path::append(Checks, "checks");
    if (llvm::sys::fs::is_directory(Checks))
      return fileURL(Installed);
  }
  return fileURL(FEARLESS_SOURCE_DOCS_DIR);
}

llvm::StringRef clangResourceDir() { return FEARLESS_CLANG_RESOURCE_DIR; }

} // namespace fearless::tools
