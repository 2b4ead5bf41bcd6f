//===- HostCheck.cpp - Refuse to run inside the wrong compiler ------------===//
//
// The plugin resolves every Clang symbol from the compiler that loads it, so
// loaded into a clang of another version (Debian 12's plain clang++ is clang
// 14) it binds to an incompatible ABI and crashes with a stack dump that
// points at LLVM's bug tracker. This check runs when the .so is loaded,
// before the plugin registers itself or touches any Clang object, and ends
// the compile with one line that says what is wrong and what to use instead.
//
// Loaded into clang-tidy (--load=fearless.so instead of fearless-tidy.so),
// it says which .so clang-tidy takes.
//
// The host's version comes from its clang::getClangFullVersion() (looked up,
// not linked: a missing symbol must not abort the load), or failing that
// from the name of its libclang-cpp / libLLVM. A host that says neither is
// trusted.
//
//===----------------------------------------------------------------------===//

#include "clang/Basic/Version.inc"
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <optional>
#include <string>

namespace {

/// The major version in "Debian clang version 14.0.6 (...)", or in a library
/// name ("libclang-cpp.so.14", "libLLVM-14.so.1", "libLLVM.so.22.1").
std::optional<int> majorAfter(const std::string &Text, const char *Marker) {
  size_t At = Text.find(Marker);
  if (At == std::string::npos)
    return std::nullopt;
  At += std::strlen(Marker);
  if (At >= Text.size() || Text[At] < '0' || Text[At] > '9')
    return std::nullopt;
  return std::atoi(Text.c_str() + At);
}

struct HostVersion {
  int Major;
  std::string Description;
};

int findLibrary(struct dl_phdr_info *Info, size_t, void *Data) {
  auto *Found = static_cast<std::optional<HostVersion> *>(Data);
  if (!Info->dlpi_name)
    return 0;
  std::string Name = Info->dlpi_name;
  for (const char *Marker : {"libclang-cpp.so.", "libLLVM-", "libLLVM.so."})
    if (std::optional<int> Major = majorAfter(Name, Marker)) {
      *Found = HostVersion{*Major, "Clang " + std::to_string(*Major) +
                                       " (it loads " + Name + ")"};
      return 1;
    }
  return 0;
}

std::optional<HostVersion> hostVersion() {
  using FullVersionFn = std::string (*)();
  if (void *Sym =
          dlsym(RTLD_DEFAULT, "_ZN5clang19getClangFullVersionB5cxx11Ev")) {
    std::string Full = reinterpret_cast<FullVersionFn>(Sym)();
    if (std::optional<int> Major = majorAfter(Full, "version "))
      return HostVersion{*Major, Full};
  }
  std::optional<HostVersion> Found;
  dl_iterate_phdr(findLibrary, &Found);
  return Found;
}

// Priority 101: before the static initializers of the plugin, among them
// the registration of the plugin with the host's registry.
__attribute__((constructor(101))) void checkHost() {
  // glibc's name of the running program ("clang-tidy-22").
  if (std::strstr(program_invocation_short_name, "clang-tidy")) {
    std::fprintf(stderr,
                 "error: fearless.so is the compiler plugin; clang-tidy loads "
                 "the fearless checks from fearless-tidy.so "
                 "(--load=<lib>/fearless/fearless-tidy.so)\n");
    std::fflush(stderr);
    std::_Exit(1);
  }
  std::optional<HostVersion> Host = hostVersion();
  if (!Host || Host->Major == CLANG_VERSION_MAJOR)
    return;
  std::fprintf(stderr,
               "error: fearless.so was built for Clang %d.%d; this compiler "
               "is %s (use clang++-%d, or build fearless with this "
               "compiler's LLVM)\n",
               CLANG_VERSION_MAJOR, CLANG_VERSION_MINOR,
               Host->Description.c_str(), CLANG_VERSION_MAJOR);
  std::fflush(stderr);
  std::_Exit(1);
}

} // namespace
