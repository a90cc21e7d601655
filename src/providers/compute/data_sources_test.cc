// huaweicloud_compute_flavors, huaweicloud_images_image, huaweicloud_images_images.
#include "providers/compute/compute_test_support.h"
#include "providers/compute/image_catalog.h"

namespace fw::providers::compute {
namespace {

class DataSourcesTest : public ComputeTest {};

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_F(DataSourcesTest, FlavorsFilterBySize) {
  auto r = h_.ReadData(Data("huaweicloud_compute_flavors"),
                       "availability_zone = \"cn-north-4a\"\ncpu_core_count = 2\nmemory_size = 4");
  ASSERT_TRUE(r.ok()) << r.status().message();
  auto ids = GetStrings(*r, "ids");
  EXPECT_TRUE(Contains(ids, "s6.large.2"));
  EXPECT_TRUE(Contains(ids, "c7.large.2"));
  EXPECT_FALSE(Contains(ids, "s6.small.1"));
  ASSERT_EQ(r->Get("flavors")->Length(), ids.size());
  EXPECT_EQ(Int(r->Get("flavors")->Elements()[0], "memory_size"), 4);

  auto perf = h_.ReadData(Data("huaweicloud_compute_flavors"), "performance_type = \"highmem\"");
  ASSERT_TRUE(perf.ok());
  for (const auto& id : GetStrings(*perf, "ids")) EXPECT_EQ(id[0], 'm') << id;

  auto bad_az = h_.ReadData(Data("huaweicloud_compute_flavors"), "availability_zone = \"x\"");
  EXPECT_FALSE(bad_az.ok());
}

TEST_F(DataSourcesTest, ImageByNameHasStableId) {
  auto r = h_.ReadData(Data("huaweicloud_images_image"),
                       "name = \"Ubuntu 22.04 server 64bit\"\nvisibility = \"public\"\n"
                       "most_recent = true");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(Str(*r, "id"), StableUuid("ims-public-image:Ubuntu 22.04 server 64bit"));
  EXPECT_EQ(Str(*r, "os"), "Ubuntu");
  EXPECT_EQ(Int(*r, "min_disk_gb"), 40);
  EXPECT_EQ(Str(*r, "status"), "active");
}

TEST_F(DataSourcesTest, ImageRegexNeedsMostRecentWhenSeveralMatch) {
  auto many = h_.ReadData(Data("huaweicloud_images_image"), "name_regex = \"^Ubuntu\"");
  ASSERT_FALSE(many.ok());
  EXPECT_NE(many.status().message().find("most_recent"), std::string::npos);
  auto newest = h_.ReadData(Data("huaweicloud_images_image"),
                            "name_regex = \"^Ubuntu\"\narchitecture = \"x86\"\nmost_recent = true");
  ASSERT_TRUE(newest.ok()) << newest.status().message();
  EXPECT_EQ(Str(*newest, "name"), "Ubuntu 22.04 server 64bit");
  auto none = h_.ReadData(Data("huaweicloud_images_image"), "name = \"Plan 9\"");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("no results"), std::string::npos);
  auto bad = h_.ReadData(Data("huaweicloud_images_image"), "name_regex = \"(\"");
  ASSERT_FALSE(bad.ok());
}

TEST_F(DataSourcesTest, ImagesListsMatches) {
  auto r = h_.ReadData(Data("huaweicloud_images_images"), "os = \"Ubuntu\"");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const hcl::Value& images = *r->Get("images");
  ASSERT_EQ(images.Length(), 4u);
  for (const auto& img : images.Elements()) EXPECT_EQ(Str(img, "os"), "Ubuntu");
  auto win = h_.ReadData(Data("huaweicloud_images_images"),
                         "name_regex = \"Windows\"\nflavor_id = \"s6.small.1\"");
  ASSERT_TRUE(win.ok());
  EXPECT_EQ(win->Get("images")->Length(), 0u);  // Windows needs 2 GB of memory
}

}  // namespace
}  // namespace fw::providers::compute
