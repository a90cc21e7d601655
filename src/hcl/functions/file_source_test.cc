// FileSource (disk and memory) and the filesystem functions over an in-memory template: the
// template's files are readable by relative paths, and nothing else is.
#include "hcl/functions/file_source.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/ids.h"
#include "hcl/eval/evaluator.h"
#include "hcl/functions/context_functions.h"
#include "hcl/parser.h"

namespace fw::hcl {
namespace {

std::shared_ptr<const MemoryFileSource> Template() {
  return std::make_shared<MemoryFileSource>(std::map<std::string, std::string>{
      {"main.tf", "output \"x\" {}"},
      {"./scripts/init.sh", "#!/bin/sh\necho hi\n"},
      {"modules/net/main.tf", "variable \"cidr\" {}"},
      {"modules/net/user_data.sh", "echo ${name}"},
      {"modules/net/deep/a.tf", "# a"},
      {"/etc/passwd", "dropped: absolute"},
      {"../outside.txt", "dropped: outside"},
      {"bin.dat", std::string("\xff\x00", 2)},
  });
}

Result<Value> CallOn(const FunctionRegistry& reg, std::string_view name, std::vector<Value> args) {
  const FunctionSpec* spec = reg.Find(name);
  if (spec == nullptr) return NotFound("no function " + std::string(name));
  return Call(*spec, std::move(args));
}

Value S(std::string s) { return Value::String(std::move(s)); }

std::vector<std::string> Strings(const Value& set) {
  std::vector<std::string> out;
  for (const Value& v : set.Elements()) out.push_back(v.AsString());
  return out;
}

constexpr const char* kNoFileAt = "Invalid value for \"path\" parameter: no file exists at ";

TEST(MemoryFileSourceTest, ResolvesCleanRelativePathsAndRefusesTheRest) {
  auto src = Template();
  EXPECT_EQ(src->size(), 6u);  // the absolute and the escaping names are dropped
  EXPECT_EQ(*src->Resolve("./scripts/../scripts/init.sh"), "scripts/init.sh");
  EXPECT_EQ(*src->Resolve("./a/../b.sh"), "b.sh");
  EXPECT_EQ(*src->Resolve(""), ".");
  EXPECT_EQ(*src->Resolve("modules//net/"), "modules/net");
  for (const char* bad : {"/etc/passwd", "../outside.txt", "modules/../../outside.txt", "..",
                          "~/x", "~root/x"}) {
    Result<std::string> r = src->Resolve(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), ErrorCode::kPermissionDenied) << bad;
  }
  EXPECT_NE(src->Resolve("/etc/passwd").status().message().find("absolute paths are refused"),
            std::string::npos);
  EXPECT_NE(src->Resolve("../x").status().message().find("outside the template"),
            std::string::npos);
  EXPECT_EQ(src->WorkingDirectory(), ".");
}

TEST(MemoryFileSourceTest, KindsReadsAndLimits) {
  auto src = Template();
  EXPECT_EQ(*src->Kind("scripts/init.sh"), FileKind::kRegular);
  EXPECT_EQ(*src->Kind("modules/net"), FileKind::kDirectory);
  EXPECT_EQ(*src->Kind("modules"), FileKind::kDirectory);
  EXPECT_EQ(*src->Kind("."), FileKind::kDirectory);
  EXPECT_EQ(*src->Kind("modules/ne"), FileKind::kNone);
  EXPECT_EQ(*src->Kind("etc/passwd"), FileKind::kNone);

  EXPECT_EQ(*src->Read("scripts/init.sh", 100), "#!/bin/sh\necho hi\n");
  EXPECT_EQ(*src->ReadPath("./scripts/init.sh", 100), "#!/bin/sh\necho hi\n");
  Result<std::string> missing = src->Read("scripts/nope.sh", 100);
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "open scripts/nope.sh: no such file in the template");
  Result<std::string> dir = src->Read("modules/net", 100);
  EXPECT_EQ(dir.status().message(), "read modules/net: is a directory");
  Result<std::string> big = src->Read("scripts/init.sh", 5);
  EXPECT_EQ(big.status().message(), "scripts/init.sh is larger than the 5-byte limit");
  EXPECT_EQ(src->ReadPath("/etc/passwd", 100).status().code(), ErrorCode::kPermissionDenied);
}

TEST(MemoryFileSourceTest, GlobMatchesSegmentsAndDoubleStar) {
  auto src = Template();
  using Set = std::set<std::string>;
  EXPECT_EQ(*src->Glob("*.tf", 10), Set({"main.tf"}));
  EXPECT_EQ(*src->Glob("**/*.tf", 10),
            Set({"main.tf", "modules/net/deep/a.tf", "modules/net/main.tf"}));
  EXPECT_EQ(*src->Glob("modules/**", 10),
            Set({"modules/net/deep/a.tf", "modules/net/main.tf", "modules/net/user_data.sh"}));
  EXPECT_EQ(*src->Glob("modules/net/{main.tf,user_data.sh}", 10),
            Set({"modules/net/main.tf", "modules/net/user_data.sh"}));
  EXPECT_EQ(*src->Glob("s?ripts/[a-j]*", 10), Set({"scripts/init.sh"}));
  EXPECT_TRUE(src->Glob("nothing/*", 10)->empty());
  EXPECT_EQ(src->Glob("**", 2).status().message(), "the pattern matches too many files");
  EXPECT_EQ(src->Glob("{main.tf", 10).status().message(), "syntax error in pattern");
  EXPECT_EQ(src->Glob("../*", 10).status().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(src->Glob("/etc/*", 10).status().code(), ErrorCode::kPermissionDenied);
}

TEST(FileFunctionsOverMemoryTest, ReadTheTemplatesFilesOnly) {
  FunctionRegistry reg = EvalFunctions(Template());
  EXPECT_EQ(CallOn(reg, "file", {S("scripts/init.sh")})->AsString(), "#!/bin/sh\necho hi\n");
  EXPECT_EQ(CallOn(reg, "file", {S("./modules/net/../../scripts/init.sh")})->AsString(),
            "#!/bin/sh\necho hi\n");
  EXPECT_EQ(CallOn(reg, "filebase64", {S("bin.dat")})->AsString(), "/wA=");

  Result<Value> missing = CallOn(reg, "file", {S("scripts/missing.sh")});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(),
            std::string(kNoFileAt) +
                "\"scripts/missing.sh\"; this function works only with files that are "
                "distributed as part of the configuration source code, so if this file will be "
                "created by a resource in this configuration you must instead obtain this "
                "result from an attribute of that resource.");

  Result<Value> passwd = CallOn(reg, "file", {S("/etc/passwd")});
  ASSERT_FALSE(passwd.ok());
  EXPECT_EQ(passwd.status().message(),
            std::string(kNoFileAt) +
                "\"/etc/passwd\"; this function works only with files that are distributed as "
                "part of the configuration source code (absolute paths are refused: a template "
                "can read only its own files, by paths relative to its root).");

  Result<Value> escape = CallOn(reg, "file", {S("../outside.txt")});
  ASSERT_FALSE(escape.ok());
  EXPECT_EQ(escape.status().message().rfind(std::string(kNoFileAt) + "\"../outside.txt\"", 0),
            0u);
  EXPECT_NE(escape.status().message().find("the path leads outside the template"),
            std::string::npos);

  Result<Value> secret = CallOn(reg, "file", {S("/etc/shadow").WithMarks(kSensitive)});
  ASSERT_FALSE(secret.ok());
  EXPECT_EQ(secret.status().message().find("shadow"), std::string::npos);
  EXPECT_NE(secret.status().message().find("(sensitive value)"), std::string::npos);
}

TEST(FileFunctionsOverMemoryTest, ExistsSetHashesAndPaths) {
  FunctionRegistry reg = EvalFunctions(Template());
  EXPECT_TRUE(CallOn(reg, "fileexists", {S("modules/net/user_data.sh")})->AsBool());
  EXPECT_FALSE(CallOn(reg, "fileexists", {S("modules/net/nope.sh")})->AsBool());
  Result<Value> dir = CallOn(reg, "fileexists", {S("modules/net")});
  EXPECT_EQ(dir.status().message(),
            "Invalid value for \"path\" parameter: \"modules/net\" is a directory, not a file.");
  Result<Value> abs = CallOn(reg, "fileexists", {S("/etc/passwd")});
  ASSERT_FALSE(abs.ok());
  EXPECT_EQ(abs.status().message().rfind(std::string(kNoFileAt) + "\"/etc/passwd\"", 0), 0u);

  EXPECT_EQ(Strings(*CallOn(reg, "fileset", {S("modules"), S("**/*.tf")})),
            std::vector<std::string>({"net/deep/a.tf", "net/main.tf"}));
  EXPECT_EQ(Strings(*CallOn(reg, "fileset", {S("."), S("*")})),
            std::vector<std::string>({"bin.dat", "main.tf"}));
  EXPECT_EQ(Strings(*CallOn(reg, "fileset", {S("modules/net"), S("../../scripts/*.sh")})),
            std::vector<std::string>({"../../scripts/init.sh"}));
  Result<Value> outside = CallOn(reg, "fileset", {S("/etc"), S("*")});
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.status().message().rfind(std::string(kNoFileAt) + "\"/etc\"", 0), 0u);
  Result<Value> up = CallOn(reg, "fileset", {S("modules"), S("../../*")});
  ASSERT_FALSE(up.ok());
  EXPECT_NE(up.status().message().find("failed to glob pattern \"../*\""), std::string::npos);

  // md5("#!/bin/sh\necho hi\n")
  Result<Value> md5 = CallOn(reg, "filemd5", {S("scripts/init.sh")});
  ASSERT_TRUE(md5.ok()) << md5.status().message();
  EXPECT_EQ(md5->AsString(), CallOn(reg, "md5", {S("#!/bin/sh\necho hi\n")})->AsString());
  EXPECT_EQ(CallOn(reg, "filesha256", {S("scripts/init.sh")})->AsString(),
            CallOn(reg, "sha256", {S("#!/bin/sh\necho hi\n")})->AsString());
  Result<Value> md5_missing = CallOn(reg, "filemd5", {S("nope")});
  EXPECT_EQ(md5_missing.status().message(), "open nope: no such file in the template");
  Result<Value> md5_abs = CallOn(reg, "filemd5", {S("/etc/passwd")});
  ASSERT_FALSE(md5_abs.ok());
  EXPECT_NE(md5_abs.status().message().find("absolute paths are refused"), std::string::npos);

  // No server path shows through abspath, and a template has no home directory.
  EXPECT_EQ(CallOn(reg, "abspath", {S("scripts/../x")})->AsString(), "x");
  EXPECT_EQ(CallOn(reg, "pathexpand", {S("a/b")})->AsString(), "a/b");
  EXPECT_EQ(CallOn(reg, "pathexpand", {S("~/x")}).status().code(),
            ErrorCode::kPermissionDenied);
}

TEST(FileFunctionsOverMemoryTest, TemplateFileRendersTemplateFilesOnly) {
  FunctionRegistry reg = EvalFunctions(Template());
  Value vars = Value::Object({{"name", S("web")}});
  Result<Value> r = CallOn(reg, "templatefile", {S("modules/net/user_data.sh"), vars});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->AsString(), "echo web");

  Result<Value> passwd = CallOn(reg, "templatefile", {S("/etc/passwd"), vars});
  ASSERT_FALSE(passwd.ok());
  EXPECT_EQ(passwd.status().message().rfind(std::string(kNoFileAt) + "\"/etc/passwd\"", 0), 0u);
  EXPECT_NE(passwd.status().message().find("absolute paths are refused"), std::string::npos);
  Result<Value> missing = CallOn(reg, "templatefile", {S("nope.tpl"), vars});
  EXPECT_EQ(missing.status().message().rfind(std::string(kNoFileAt) + "\"nope.tpl\"", 0), 0u);

  // Templates may call the file functions (over the same source), not templatefile.
  auto with_inner = std::make_shared<MemoryFileSource>(std::map<std::string, std::string>{
      {"outer.tpl", "[${file(\"inner.txt\")}]"},
      {"loop.tpl", "${templatefile(\"loop.tpl\", {})}"},
      {"inner.txt", "in"}});
  FunctionRegistry reg2 = EvalFunctions(with_inner);
  EXPECT_EQ(CallOn(reg2, "templatefile", {S("outer.tpl"), Value::EmptyObject()})->AsString(),
            "[in]");
  EXPECT_FALSE(CallOn(reg2, "templatefile", {S("loop.tpl"), Value::EmptyObject()}).ok());
}

TEST(FileFunctionsTest, NullSourceHasNoFiles) {
  FunctionRegistry reg = EvalFunctions(nullptr);
  EXPECT_FALSE(CallOn(reg, "file", {S("/etc/hostname")}).ok());
  EXPECT_FALSE(CallOn(reg, "fileexists", {S("/etc/hostname")}).ok());
}

TEST(DiskFileSourceTest, ReadsTheDiskRelativeToItsRootAndAbsolutePaths) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("fw-files-" + NewHexId32());
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "sub" / "data.txt") << "on disk";
  auto disk = std::make_shared<DiskFileSource>(dir.string());
  EXPECT_EQ(disk->WorkingDirectory(), dir.string());
  EXPECT_EQ(*disk->Resolve("sub/../sub/data.txt"), (dir / "sub" / "data.txt").string());
  FunctionRegistry reg = EvalFunctions(disk);
  EXPECT_EQ(CallOn(reg, "file", {S("sub/data.txt")})->AsString(), "on disk");
  EXPECT_EQ(CallOn(reg, "file", {S((dir / "sub" / "data.txt").string())})->AsString(), "on disk");
  EXPECT_EQ(Strings(*CallOn(reg, "fileset", {S("."), S("**")})),
            std::vector<std::string>({"sub/data.txt"}));
  EXPECT_EQ(disk->Kind((dir / "sub").string()).value(), FileKind::kDirectory);
  Result<std::string> missing = disk->ReadPath("nope.txt", 10);
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fw::hcl
