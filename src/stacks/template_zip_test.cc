// template_uri naming objects of the simulated OBS: zip templates with local modules deploy, their
// refusals carry the spec's RF codes and leave no stack behind, and GetStackTemplate serves a
// zip template as one template.zip that works again as a template_uri.
#include "archive/zip_reader.h"
#include "archive/zip_writer.h"
#include "crypto/crypto.h"
#include "providers/compute/obs_objects.h"
#include "stacks/stacks_test_support.h"

namespace fw::stacks {
namespace {

constexpr const char* kBucket = "tpl-bucket";

const std::map<std::string, std::string> kZipTemplate = {
    {"main.tf", R"(
module "net" {
  source = "./modules/net"
  name   = var.name
}
output "vpc_id" {
  value = module.net.id
}
output "vpc_name" {
  value = module.net.name
}
)"},
    {"variables.tf", R"(
variable "name" {
  type    = string
  default = "zipped"
}
)"},
    {"modules/net/main.tf", R"(
variable "name" {
  type = string
}
resource "huaweicloud_vpc" "this" {
  name = "${var.name}-vpc"
  cidr = "10.8.0.0/16"
}
output "id" {
  value = huaweicloud_vpc.this.id
}
output "name" {
  value = huaweicloud_vpc.this.name
}
)"},
    {"scripts/init.sh", "#!/bin/sh\necho ready\n"},
    {"assets/logo.bin", std::string("\x89PNG\r\n\x1a\n\xff\xfe\x00\x01", 12)},  // not UTF-8
};

class TemplateZipTest : public StacksTest {
 protected:
  void SetUp() override {
    StacksTest::SetUp();
    worker_ = Worker("w1");
    // The bucket, made the way a user makes it: by a stack.
    CreateStackRequest req;
    req.project_id = kProject;
    req.stack_name = "storage";
    req.input.template_body = std::string("resource \"huaweicloud_obs_bucket\" \"b\" {\n"
                                          "  bucket = \"") + kBucket + "\"\n}\n";
    auto created = service_->CreateStack(req);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    RunJobs(*worker_);
    ASSERT_EQ(StatusOf("storage"), "DEPLOYMENT_COMPLETE");
  }

  // An object as the OBS types store it (obs_objects.h): bytes can be binary, which an
  // huaweicloud_obs_bucket_object's `content` string cannot carry.
  void PutObject(const std::string& key, const std::string& bytes) {
    cloud::NewItem item;
    item.id = providers::compute::ObjectItemId(kBucket, key);
    item.project_id = kProject;
    item.type = "obs.object";
    item.name = key;
    item.body = {{"bucket", kBucket},
                 {"key", key},
                 {"_content_base64", crypto::Base64Encode(bytes)}};
    auto made = inventory_->Create(item);
    ASSERT_TRUE(made.ok()) << made.status().ToString();
  }

  static std::string Url(const std::string& key) {
    return std::string("https://") + kBucket + ".obs.cn-north-4.myhuaweicloud.com/" + key;
  }

  static std::string Zip(const std::map<std::string, std::string>& files) {
    auto zip = archive::WriteZip(files);
    EXPECT_TRUE(zip.ok()) << zip.status().ToString();
    return zip.ok() ? *zip : "";
  }

  Result<CreateStackResponse> Create(const std::string& name, const std::string& uri) {
    CreateStackRequest req;
    req.project_id = kProject;
    req.stack_name = name;
    req.input.template_uri = uri;
    return service_->CreateStack(req);
  }

  // The RF code CreateStack refuses `uri` with; also checks that no stack was left behind.
  std::string RefusalOf(const std::string& uri) {
    auto created = Create("refused", uri);
    EXPECT_FALSE(created.ok());
    EXPECT_EQ(StatusOf("refused"), "404");
    return created.ok() ? "created" : created.status().service_code();
  }

  std::map<std::string, std::string> Outputs(const std::string& stack) {
    std::map<std::string, std::string> out;
    auto list = service_->ListStackOutputs(Ref(stack), {});
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    if (list.ok()) {
      for (const auto& o : list->outputs) out[o.name] = o.value;
    }
    return out;
  }

  std::unique_ptr<DeployWorker> worker_;
};

TEST_F(TemplateZipTest, ZipTemplateWithALocalModuleDeploys) {
  PutObject("templates/app.zip", Zip(kZipTemplate));
  auto created = Create("app", Url("templates/app.zip"));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  RunJobs(*worker_);
  ASSERT_EQ(StatusOf("app"), "DEPLOYMENT_COMPLETE")
      << service_->GetStackMetadata(Ref("app"))->summary.status_message;
  EXPECT_EQ(Count("vpc.vpc"), 1u);
  auto outputs = Outputs("app");
  EXPECT_EQ(outputs["vpc_name"], "zipped-vpc");
  EXPECT_FALSE(outputs["vpc_id"].empty());
  auto resources = service_->ListStackResources(Ref("app"), {});
  ASSERT_TRUE(resources.ok());
  ASSERT_EQ(resources->stack_resources.size(), 1u);
  EXPECT_EQ(resources->stack_resources[0].physical_resource_name, "zipped-vpc");

  // Every file of the archive is kept, the binary one byte for byte.
  auto stored = service_->GetStackTemplate(Ref("app"));
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->files, kZipTemplate);
}

TEST_F(TemplateZipTest, ZipTemplateDownloadsAsOneZipThatDeploysAgain) {
  PutObject("app.zip", Zip(kZipTemplate));
  ASSERT_TRUE(Create("app", Url("app.zip")).ok());
  RunJobs(*worker_);
  ASSERT_EQ(StatusOf("app"), "DEPLOYMENT_COMPLETE");

  auto link = service_->IssueTemplateDownload(Ref("app"));
  ASSERT_TRUE(link.ok()) << link.status().ToString();
  EXPECT_EQ(link->file_name, "template.zip");
  auto file = service_->RedeemDownloadToken(link->token, "127.0.0.1:40000");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->file_name, "template.zip");
  auto entries = archive::ReadZip(file->content);
  ASSERT_TRUE(entries.ok()) << entries.status().ToString();
  EXPECT_EQ(*entries, kZipTemplate);

  // The link itself as the template_uri of another stack.
  auto copy = Create("copy", "http://127.0.0.1:1/_formwork/downloads/" + link->token +
                                 "/template.zip");
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  RunJobs(*worker_);
  ASSERT_EQ(StatusOf("copy"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(Count("vpc.vpc"), 2u);
  auto copied = service_->GetStackTemplate(Ref("copy"));
  ASSERT_TRUE(copied.ok());
  EXPECT_EQ(copied->files, kZipTemplate);
  // The link's name must agree with what it grants.
  EXPECT_EQ(RefusalOf("http://127.0.0.1:1/_formwork/downloads/" + link->token + "/main.tf"),
            "RF.10011022");
}

TEST_F(TemplateZipTest, SingleFileTemplatesStillDownloadAsTheirFile) {
  PutObject("one.zip", Zip({{"main.tf", "resource \"random_id\" \"x\" {\n  byte_length = 2\n}\n"}}));
  ASSERT_TRUE(Create("one", Url("one.zip")).ok());
  RunJobs(*worker_);
  ASSERT_EQ(StatusOf("one"), "DEPLOYMENT_COMPLETE");
  auto link = service_->IssueTemplateDownload(Ref("one"));
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link->file_name, "main.tf");
  auto file = service_->RedeemDownloadToken(link->token, "127.0.0.1:40000");
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->content, "resource \"random_id\" \"x\" {\n  byte_length = 2\n}\n");
}

TEST_F(TemplateZipTest, RefusalsCarryTheirCodesAndLeaveNoStack) {
  auto with = [](std::map<std::string, std::string> files, const std::string& path,
                 const std::string& content) {
    files[path] = content;
    return files;
  };
  PutObject("tfvars.zip", Zip(with(kZipTemplate, "prod.tfvars", "name = \"x\"\n")));
  EXPECT_EQ(RefusalOf(Url("tfvars.zip")), "RF.10011025");
  PutObject("nested-tfvars.zip",
            Zip(with(kZipTemplate, "env/PROD.TFVARS.JSON", "{\"name\": \"x\"}")));
  EXPECT_EQ(RefusalOf(Url("nested-tfvars.zip")), "RF.10011025");
  PutObject("no-root.zip", Zip({{"modules/net/main.tf", "# nothing at the root\n"},
                                {"README.md", "docs"}}));
  EXPECT_EQ(RefusalOf(Url("no-root.zip")), "RF.10011157");
  PutObject("malformed.zip", "PK\x03\x04 this is not really a zip archive");
  EXPECT_EQ(RefusalOf(Url("malformed.zip")), "RF.10011102");
  std::string truncated = Zip(kZipTemplate);
  PutObject("truncated.zip", truncated.substr(0, truncated.size() - 10));
  EXPECT_EQ(RefusalOf(Url("truncated.zip")), "RF.10011102");
  PutObject("escape.zip", Zip(with(kZipTemplate, "../evil.tf", "# out")));
  EXPECT_EQ(RefusalOf(Url("escape.zip")), "RF.10011156");
  PutObject("absolute.zip", Zip(with(kZipTemplate, "/etc/evil.tf", "# out")));
  EXPECT_EQ(RefusalOf(Url("absolute.zip")), "RF.10011155");
  PutObject("latin1.zip", Zip(with(kZipTemplate, "extra.tf", "# caf\xE9\n")));
  EXPECT_EQ(RefusalOf(Url("latin1.zip")), "RF.10011085");
  PutObject("invalid.zip", Zip(with(kZipTemplate, "broken.tf", "resource \"x\" {")));
  EXPECT_EQ(RefusalOf(Url("invalid.zip")), "RF.10011074");
  std::map<std::string, std::string> many;
  for (int i = 0; i < 101; ++i) many["f" + std::to_string(i) + ".tf"] = "";
  PutObject("many.zip", Zip(many));
  EXPECT_EQ(RefusalOf(Url("many.zip")), "RF.10011041");
  PutObject("big.zip", Zip({{"main.tf", "# " + std::string(1 << 20, 'x') + "\n"}}));
  EXPECT_EQ(RefusalOf(Url("big.zip")), "RF.10011026");
  // A zip behind a .tf link; a missing object.
  PutObject("disguised.tf", Zip(kZipTemplate));
  EXPECT_EQ(RefusalOf(Url("disguised.tf")), "RF.10011075");
  EXPECT_EQ(RefusalOf(Url("missing.zip")), "RF.10011035");
  EXPECT_EQ(Count("vpc.vpc"), 0u);
  auto list = service_->ListStacks(kProject, {});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->stacks.size(), 1u);  // only "storage"
}

TEST_F(TemplateZipTest, PathStyleLinksAndSingleFiles) {
  PutObject("dir/main.tf", "resource \"random_id\" \"x\" {\n  byte_length = 3\n}\n");
  PutObject("dir/app.zip", Zip(kZipTemplate));
  ASSERT_TRUE(Create("single", std::string("https://obs.cn-north-4.myhuaweicloud.com/") +
                                   kBucket + "/dir/main.tf")
                  .ok());
  ASSERT_TRUE(Create("zipped", std::string("https://obs.cn-north-4.myhuaweicloud.com/") +
                                   kBucket + "/dir/app.zip?versionId=1")
                  .ok());
  RunJobs(*worker_);
  EXPECT_EQ(StatusOf("single"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(StatusOf("zipped"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(service_->GetStackTemplate(Ref("zipped"))->files, kZipTemplate);
}

}  // namespace
}  // namespace fw::stacks
