# The fearless test suite (lit + FileCheck + -verify).
#
# Substitutions:
#   %cxx, %cc            clang++ / clang from LLVM 22 (never the PATH's)
#   %plugin              build/lib/fearless.so
#   %fearless            %cxx -fsyntax-only with the plugin loaded
#   %fearless-mock       %fearless against the small mock standard headers in
#                        Inputs/mock (fast, and stable across library versions)
#   %mock                the mock header directory (a system include dir)
#   %annotations         the directory holding fearless/annotations.h
#   %fearless-check      build/bin/fearless-check
#   %fearless-clangd     build/bin/fearless-clangd
#   %tidy-module         build/lib/fearless-tidy.so
#   %tidy                clang-tidy 22 with the fearless module loaded
#   %llvm-bin            the LLVM 22 tools directory (clang-apply-replacements,
#                        run-clang-tidy, ...)
#   %test-inputs         test/Inputs (shared test headers)
#   %other-cxx           a clang++ that is not 22 (feature other-clang), for
#                        the tests of what a mismatched compiler gets
import os
import lit.formats

config.name = "fearless"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".m", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.fearless_obj_root, "test")

tools = config.llvm_tools_dir
config.environment["PATH"] = os.pathsep.join(
    [tools, config.fearless_bin_dir, config.environment.get("PATH", os.environ["PATH"])])

mock = os.path.join(config.test_source_root, "Inputs", "mock")
annotations = os.path.join(config.fearless_src_root, "include")
cxx = os.path.join(tools, "clang++")
cc = os.path.join(tools, "clang")
fearless = "%s -fsyntax-only -fplugin=%s" % (cxx, config.fearless_plugin)
test_inputs = os.path.join(config.test_source_root, "Inputs")
fearless_mock = "%s -nostdinc++ -isystem %s -I%s -I%s" % (fearless, mock, annotations, test_inputs)

# The front-ends other than the plugin. Listed before %fearless, of which
# %fearless-check and %fearless-clangd are extensions (lit substitutes in
# order), and %tidy-module before %tidy for the same reason.
config.substitutions.append(("%fearless-check", config.fearless_check))
config.substitutions.append(("%fearless-clangd", config.fearless_clangd))
config.substitutions.append(("%tidy-module", config.fearless_tidy_module))
config.substitutions.append(
    ("%tidy", "%s --load=%s" % (os.path.join(tools, "clang-tidy"),
                                config.fearless_tidy_module)))
config.substitutions.append(("%llvm-bin", tools))
# Debian installs other clang versions side by side (/usr/bin/clang++ is
# clang 14 on Debian 12); the newest one that is not 22.
for version in range(30, 10, -1):
    other = "/usr/bin/clang++-%d" % version
    if version != 22 and os.path.exists(other):
        config.available_features.add("other-clang")
        config.substitutions.append(("%other-cxx", other))
        break
# Real library headers from Debian for test/real-headers/ (tools/install-deps
# installs them).
if os.path.exists("/usr/include/oneapi/tbb/task_group.h"):
    config.available_features.add("onetbb")
if os.path.exists("/usr/include/boost/asio/co_spawn.hpp"):
    config.available_features.add("boost-asio")
if os.path.exists("/usr/include/boost/lockfree/queue.hpp"):
    config.available_features.add("boost-lockfree")
if os.path.exists("/usr/include/boost/thread/synchronized_value.hpp"):
    config.available_features.add("boost-thread")
if os.path.exists("/usr/include/boost/fiber/buffered_channel.hpp"):
    config.available_features.add("boost-fiber")
if os.path.exists("/usr/include/absl/synchronization/notification.h"):
    config.available_features.add("absl")
if os.path.exists("/usr/include/concurrentqueue/blockingconcurrentqueue.h"):
    config.available_features.add("concurrentqueue")
if os.path.exists("/usr/include/readerwriterqueue/readerwriterqueue.h"):
    config.available_features.add("readerwriterqueue")
if os.path.exists("/usr/include/gtest/gtest.h"):
    config.available_features.add("gtest")
# Qt 5 (qtbase5-dev): the QtCore headers, and the flags to include them.
qt5 = "/usr/include/x86_64-linux-gnu/qt5"
if os.path.exists(os.path.join(qt5, "QtCore", "qthreadpool.h")):
    config.available_features.add("qt5")
    config.substitutions.append(
        ("%qt5-flags", "-isystem %s -isystem %s/QtCore -isystem %s/QtConcurrent -fPIC"
         % (qt5, qt5, qt5)))
# taskflow (header-only, not in Debian): the corpus's copy, if fetched.
taskflow = "/var/cache/fearless-corpus/src/taskflow"
if os.path.exists(os.path.join(taskflow, "taskflow", "taskflow.hpp")):
    config.available_features.add("taskflow")
    config.substitutions.append(("%taskflow-dir", taskflow))
config.substitutions.append(("%test-inputs", test_inputs))
config.substitutions.append(("%fearless-mock", fearless_mock))
config.substitutions.append(("%fearless", fearless + " -I" + annotations + " -I" + test_inputs))
config.substitutions.append(("%plugin", config.fearless_plugin))
config.substitutions.append(("%mock", mock))
config.substitutions.append(("%annotations", annotations))
config.substitutions.append(("%cxx", cxx))
config.substitutions.append(("%cc", cc))
config.substitutions.append(("%python", "python3"))
config.substitutions.append(("%srcroot", config.fearless_src_root))
config.substitutions.append(("%objroot", config.fearless_obj_root))
