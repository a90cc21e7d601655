// huaweicloud_obs_bucket and huaweicloud_obs_bucket_object: global bucket names, objects from
// content and source files (etag = MD5), ReadObsObject, deletion rules, idempotency, faults.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "providers/compute/compute_test_support.h"
#include "providers/compute/obs_objects.h"

namespace fw::providers::compute {
namespace {

class ObsTest : public ComputeTest {
 protected:
  const ResourceType& Bucket() { return Type("huaweicloud_obs_bucket"); }
  const ResourceType& Object() { return Type("huaweicloud_obs_bucket_object"); }
  std::filesystem::path TempFile(const std::string& bytes) {
    auto p = std::filesystem::temp_directory_path() / ("fw-obs-" + NewHexId32() + ".txt");
    std::ofstream(p, std::ios::binary) << bytes;
    files_.push_back(p);
    return p;
  }
  void TearDown() override {
    for (const auto& p : files_) std::filesystem::remove(p);
  }
  std::vector<std::filesystem::path> files_;
};

TEST_F(ObsTest, BucketHasDomainNameAndDefaults) {
  auto b = h_.Create(Bucket(), "bucket = \"my-bucket.logs\"");
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(Str(*b, "id"), "my-bucket.logs");
  EXPECT_EQ(Str(*b, "bucket_domain_name"), "my-bucket.logs.obs.cn-north-4.myhuaweicloud.com");
  EXPECT_EQ(Str(*b, "storage_class"), "STANDARD");
  EXPECT_EQ(Str(*b, "acl"), "private");
  EXPECT_EQ(Str(*b, "region"), "cn-north-4");
}

TEST_F(ObsTest, BucketNamesAreCheckedAndGloballyUnique) {
  for (const char* bad : {"ab", "Upper", "under_score", "-start", "a..b", "192.168.1.1"}) {
    auto r = h_.Create(Bucket(), std::string("bucket = \"") + bad + "\"");
    EXPECT_FALSE(r.ok()) << bad;
  }
  // A bucket of another project (its inventory id is its name).
  auto other = h_.cloud().inventory().Create(
      {"taken-name", "another-project", "obs.bucket", "taken-name", {}, ""});
  ASSERT_TRUE(other.ok());
  auto r = h_.Create(Bucket(), "bucket = \"taken-name\"");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("BucketAlreadyExists"), std::string::npos);
  EXPECT_EQ(Count("obs.bucket"), 0u);
}

TEST_F(ObsTest, ObjectFromContentIsReadable) {
  ASSERT_TRUE(h_.Create(Bucket(), "bucket = \"data\"").ok());
  auto o = h_.Create(Object(), "bucket = \"data\"\nkey = \"dir/hello.txt\"\ncontent = \"hello\"");
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(Str(*o, "id"), "dir/hello.txt");
  EXPECT_EQ(Str(*o, "etag"), "5d41402abc4b2a76b9719d911017c592");  // md5("hello")
  EXPECT_EQ(Int(*o, "size"), 5);
  EXPECT_EQ(Str(*o, "content_type"), "text/plain");
  EXPECT_EQ(Str(*o, "version_id"), "");
  auto bytes = ReadObsObject(h_.cloud().inventory(), h_.project_id(), "data", "dir/hello.txt");
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  EXPECT_EQ(*bytes, "hello");
  auto other = ReadObsObject(h_.cloud().inventory(), "another-project", "data", "dir/hello.txt");
  EXPECT_EQ(other.status().code(), ErrorCode::kPermissionDenied);
  auto missing = ReadObsObject(h_.cloud().inventory(), h_.project_id(), "data", "nope");
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
}

TEST_F(ObsTest, ObjectFromSourceFileAndUpdateInPlace) {
  ASSERT_TRUE(h_.Create(Bucket(), "bucket = \"src\"\nversioning = true").ok());
  std::string binary("\x00\xff\x10 template", 12);
  auto path = TempFile(binary);
  std::string cfg = "bucket = \"src\"\nkey = \"t.bin\"\nsource = \"" + path.string() + "\"";
  auto o = h_.Create(Object(), cfg);
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(Int(*o, "size"), 12);
  EXPECT_EQ(Str(*o, "etag"), Md5Hex(binary));
  EXPECT_EQ(Str(*o, "version_id").substr(0, 4), "G001");
  EXPECT_EQ(*ReadObsObject(h_.cloud().inventory(), h_.project_id(), "src", "t.bin"), binary);

  auto updated = h_.Update(Object(), *o, "bucket = \"src\"\nkey = \"t.bin\"\ncontent = \"v2\"");
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(Str(*updated, "etag"), Md5Hex("v2"));
  EXPECT_EQ(Int(*updated, "size"), 2);
  EXPECT_NE(Str(*updated, "version_id"), Str(*o, "version_id"));
  EXPECT_EQ(*ReadObsObject(h_.cloud().inventory(), h_.project_id(), "src", "t.bin"), "v2");
}

TEST_F(ObsTest, ObjectErrors) {
  auto no_bucket = h_.Create(Object(), "bucket = \"absent\"\nkey = \"k\"\ncontent = \"x\"");
  ASSERT_FALSE(no_bucket.ok());
  EXPECT_NE(no_bucket.status().message().find("NoSuchBucket"), std::string::npos);
  ASSERT_TRUE(h_.Create(Bucket(), "bucket = \"bkt-1\"").ok());
  auto both = h_.Create(Object(), "bucket = \"bkt-1\"\nkey = \"k\"\ncontent = \"x\"\nsource = \"f\"");
  ASSERT_FALSE(both.ok());
  auto missing_file = h_.Create(Object(), "bucket = \"bkt-1\"\nkey = \"k\"\nsource = \"/no/such/file\"");
  ASSERT_FALSE(missing_file.ok());
  EXPECT_NE(missing_file.status().message().find("/no/such/file"), std::string::npos);
  auto big = TempFile(std::string(kMaxObjectBytes + 1, 'x'));
  auto too_big = h_.Create(Object(), "bucket = \"bkt-1\"\nkey = \"k\"\nsource = \"" + big.string() + "\"");
  ASSERT_FALSE(too_big.ok());
  EXPECT_NE(too_big.status().message().find("5 MB"), std::string::npos);
  auto etag = h_.Create(Object(), "bucket = \"bkt-1\"\nkey = \"k\"\ncontent = \"x\"\netag = \"00\"");
  ASSERT_FALSE(etag.ok());
  EXPECT_EQ(Count("obs.object"), 0u);
}

TEST_F(ObsTest, ObjectSourceInAStackReadsOnlyTheTemplatesFiles) {
  ASSERT_TRUE(h_.Create(Bucket(), "bucket = \"site\"").ok());
  auto on_disk = TempFile("a file of the server");
  h_.set_files(std::make_shared<hcl::MemoryFileSource>(std::map<std::string, std::string>{
      {"main.tf", "resource \"huaweicloud_obs_bucket\" \"b\" {}"},
      {"site/index.html", "<h1>hi</h1>"},
      {"big.bin", std::string(kMaxObjectBytes + 1, 'x')}}));
  auto o = h_.Create(Object(), "bucket = \"site\"\nkey = \"index.html\"\nsource = \"./site/index.html\"");
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(*ReadObsObject(h_.cloud().inventory(), h_.project_id(), "site", "index.html"),
            "<h1>hi</h1>");
  EXPECT_EQ(Str(*o, "etag"), Md5Hex("<h1>hi</h1>"));

  auto object = [&](const std::string& key, const std::string& source) {
    return h_.Create(Object(), "bucket = \"site\"\nkey = \"" + key + "\"\nsource = \"" +
                                   source + "\"");
  };
  auto passwd = object("passwd", "/etc/passwd");
  ASSERT_FALSE(passwd.ok());
  EXPECT_EQ(passwd.status().message(),
            "Cannot read the source file /etc/passwd: absolute paths are refused: a template can "
            "read only its own files, by paths relative to its root.");
  auto server_file = object("server", on_disk.string());
  ASSERT_FALSE(server_file.ok());
  EXPECT_NE(server_file.status().message().find("absolute paths are refused"), std::string::npos);
  auto escape = object("escape", "site/../../etc/passwd");
  ASSERT_FALSE(escape.ok());
  EXPECT_NE(escape.status().message().find("outside the template"), std::string::npos);
  auto missing = object("missing", "site/nope.html");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "Cannot read the source file site/nope.html: no such "
                                        "file among the configuration's files.");
  auto big = object("big", "big.bin");
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("5 MB"), std::string::npos);
  EXPECT_EQ(Count("obs.object"), 1u);

  // The CLI's disk source reads the same absolute path.
  h_.set_files(std::make_shared<hcl::DiskFileSource>(""));
  auto cli = object("server", on_disk.string());
  ASSERT_TRUE(cli.ok()) << cli.status().message();
  EXPECT_EQ(*ReadObsObject(h_.cloud().inventory(), h_.project_id(), "site", "server"),
            "a file of the server");
}

TEST_F(ObsTest, BucketDeleteRefusedWhileItHoldsObjectsUnlessForced) {
  auto b = h_.Create(Bucket(), "bucket = \"full\"");
  ASSERT_TRUE(b.ok());
  auto o = h_.Create(Object(), "bucket = \"full\"\nkey = \"a\"\ncontent = \"x\"");
  ASSERT_TRUE(o.ok());
  Status st = h_.Delete(Bucket(), *b);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("BucketNotEmpty"), std::string::npos);
  auto forced = h_.Update(Bucket(), *b, "bucket = \"full\"\nforce_destroy = true");
  ASSERT_TRUE(forced.ok()) << forced.status().message();
  EXPECT_TRUE(forced->Get("force_destroy")->AsBool());
  ASSERT_TRUE(h_.Delete(Bucket(), *forced).ok());
  auto read = h_.Read(Bucket(), *forced);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
  auto obj = h_.Read(Object(), *o);
  ASSERT_TRUE(obj.ok());
  EXPECT_FALSE(obj->has_value());
}

TEST_F(ObsTest, ObjectDeleteThenRead) {
  ASSERT_TRUE(h_.Create(Bucket(), "bucket = \"del\"").ok());
  auto o = h_.Create(Object(), "bucket = \"del\"\nkey = \"a\"\ncontent = \"x\"");
  ASSERT_TRUE(o.ok());
  ASSERT_TRUE(h_.Delete(Object(), *o).ok());
  auto read = h_.Read(Object(), *o);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->has_value());
}

TEST_F(ObsTest, IdempotentCreateAndFaults) {
  auto a = h_.Create(Bucket(), "bucket = \"idem\"", "k1");
  auto b = h_.Create(Bucket(), "bucket = \"idem\"", "k1");
  ASSERT_TRUE(a.ok() && b.ok()) << b.status().message();
  EXPECT_EQ(Count("obs.bucket"), 1u);
  auto o1 = h_.Create(Object(), "bucket = \"idem\"\nkey = \"k\"\ncontent = \"x\"", "k2");
  auto o2 = h_.Create(Object(), "bucket = \"idem\"\nkey = \"k\"\ncontent = \"x\"", "k2");
  ASSERT_TRUE(o1.ok() && o2.ok()) << o2.status().message();
  EXPECT_EQ(Count("obs.object"), 1u);
  FailNextCreate("obs", "bucket");
  EXPECT_FALSE(h_.Create(Bucket(), "bucket = \"faulty\"").ok());
  FailNextCreate("obs", "object");
  EXPECT_FALSE(h_.Create(Object(), "bucket = \"idem\"\nkey = \"f\"\ncontent = \"x\"").ok());
  EXPECT_EQ(Count("obs.bucket"), 1u);
  EXPECT_EQ(Count("obs.object"), 1u);
}

}  // namespace
}  // namespace fw::providers::compute
