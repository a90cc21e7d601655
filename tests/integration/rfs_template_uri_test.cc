// RFS template_uri and vars_uri over HTTP (spec §1.8): a stack puts a template and a tfvars file
// into the simulated OBS, other stacks deploy from their links (virtual-host and path style);
// links Formwork cannot read are refused with the documented codes and nothing is fetched from
// the network; GetStackTemplate's link serves the template and works as a template_uri itself.
// Zip templates are covered by src/stacks/template_zip_test.cc: an OBS object made over HTTP has
// a string `content`, which cannot carry a zip's bytes.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rfs_support.h"

namespace fw::testing {
namespace {

namespace json = boost::json;

constexpr char kBucket[] = "rfs-templates";

// Stack B's template, stored as an OBS object by stack A. No "${": it sits in A's strings.
constexpr char kChildTemplate[] = R"(variable "prefix" {
  type    = string
  default = "none"
}
resource "huaweicloud_vpc" "v" {
  name = var.prefix
  cidr = "10.1.0.0/16"
}
output "label" {
  value = var.prefix
}
)";
constexpr char kChildVars[] = "prefix = \"fromvars\"\n";

// A TCP listener on 127.0.0.1 that never accepts: whether anyone connected shows as a pending
// connection in its backlog.
class Listener {
 public:
  Listener() {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(listen(fd_, 8), 0);
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~Listener() { close(fd_); }
  uint16_t port() const { return port_; }
  bool AnyoneConnected() {
    int c = accept(fd_, nullptr, nullptr);
    if (c < 0) return false;
    close(c);
    return true;
  }

 private:
  int fd_ = -1;
  uint16_t port_ = 0;
};

class RfsTemplateUriTest : public RfsTest {
 protected:
  // Stack A: the bucket and the two objects.
  void SetUp() override {
    std::string tpl = std::string("resource \"huaweicloud_obs_bucket\" \"b\" {\n  bucket = \"") +
                      kBucket + "\"\n}\n" +
                      "resource \"huaweicloud_obs_bucket_object\" \"tpl\" {\n"
                      "  bucket  = huaweicloud_obs_bucket.b.bucket\n"
                      "  key     = \"dir/main.tf\"\n"
                      "  content = " + Quote(kChildTemplate) + "\n}\n" +
                      "resource \"huaweicloud_obs_bucket_object\" \"vars\" {\n"
                      "  bucket  = huaweicloud_obs_bucket.b.bucket\n"
                      "  key     = \"dir/prod.tfvars\"\n"
                      "  content = " + Quote(kChildVars) + "\n}\n";
    CreateStack("storage", tpl);
    ASSERT_EQ(WaitTerminal("storage"), "DEPLOYMENT_COMPLETE") << Metadata("storage");
  }

  static std::string VirtualHost(const std::string& key) {
    return std::string("https://") + kBucket + ".obs.cn-north-4.myhuaweicloud.com/" + key;
  }
  static std::string PathStyle(const std::string& key) {
    return std::string("https://obs.cn-north-4.myhuaweicloud.com/") + kBucket + "/" + key;
  }

  // CreateStack with these links; the response.
  http::ClientResponse CreateFrom(const std::string& name, const std::string& template_uri,
                                  const std::string& vars_uri = "") {
    json::object body{{"stack_name", name}, {"template_uri", template_uri}};
    if (!vars_uri.empty()) body["vars_uri"] = vars_uri;
    return Call("POST", "/stacks", json::serialize(body));
  }

  std::map<std::string, std::string> Outputs(const std::string& stack) {
    std::map<std::string, std::string> out;
    auto r = Call("GET", "/stacks/" + stack + "/outputs");
    EXPECT_EQ(r.status, 200) << r.body;
    json::object body = JsonBody(r);
    for (const auto& o : body.at("outputs").as_array()) {
      out[std::string(o.at("name").as_string())] = std::string(o.at("value").as_string());
    }
    return out;
  }

  // GetStackTemplate: the 307's Location.
  std::string TemplateLink(const std::string& stack) {
    auto r = Call("GET", "/stacks/" + stack + "/templates");
    EXPECT_EQ(r.status, 307) << r.body;
    const std::string* location = r.Header("Location");
    return location ? *location : "";
  }

  // GET of a link Formwork issued, without credentials.
  http::ClientResponse Download(const std::string& link) {
    std::string prefix = "http://" + client_->HostPort();
    EXPECT_EQ(link.rfind(prefix, 0), 0u) << link;
    auto r = client_->Send("GET", link.substr(prefix.size()));
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : http::ClientResponse{};
  }
};

TEST_F(RfsTemplateUriTest, DeploysFromObsLinksInBothStyles) {
  for (const auto& [name, link] :
       std::vector<std::pair<std::string, std::string (*)(const std::string&)>>{
           {"virtual", &VirtualHost}, {"path", &PathStyle}}) {
    SCOPED_TRACE(name);
    auto r = CreateFrom(name, link("dir/main.tf"), link("dir/prod.tfvars"));
    ASSERT_EQ(r.status, 201) << r.body;
    ASSERT_EQ(WaitTerminal(name), "DEPLOYMENT_COMPLETE") << Metadata(name);
    EXPECT_EQ(Outputs(name)["label"], "fromvars");
    auto m = Metadata(name);
    ASSERT_TRUE(m.contains("vars_uri_content")) << m;
    EXPECT_EQ(m.at("vars_uri_content"), kChildVars);
    auto resources = JsonBody(Call("GET", "/stacks/" + name + "/resources"));
    const auto& items = resources.at("stack_resources").as_array();
    ASSERT_EQ(items.size(), 1u) << resources;
    EXPECT_EQ(items[0].at("physical_resource_name"), "fromvars");
  }
  // Without vars_uri the template's default holds.
  ASSERT_EQ(CreateFrom("plain", VirtualHost("dir/main.tf")).status, 201);
  ASSERT_EQ(WaitTerminal("plain"), "DEPLOYMENT_COMPLETE");
  EXPECT_EQ(Outputs("plain")["label"], "none");
}

TEST_F(RfsTemplateUriTest, RefusesLinksItCannotRead) {
  Listener elsewhere;
  const std::string local_host = "http://127.0.0.1:" + std::to_string(elsewhere.port());
  struct Case {
    std::string template_uri, vars_uri, code;
  };
  const std::vector<Case> cases = {
      {VirtualHost("dir/missing.tf"), "", "RF.10011035"},
      {PathStyle("dir/missing.tf"), "", "RF.10011035"},
      {VirtualHost("dir/main.tf"), VirtualHost("dir/missing.tfvars"), "RF.10011034"},
      {"https://example.com/x.tf", "", "RF.10011035"},
      {local_host + "/x.tf", "", "RF.10011035"},
      {VirtualHost("dir/main.tf"), local_host + "/x.tfvars", "RF.10011034"},
      {VirtualHost("dir/prod.tfvars"), "", "RF.10011035"},  // a template must be .tf/.tf.json/.zip
      {VirtualHost("dir/main.txt"), "", "RF.10011035"},
      {"http://" + std::string(kBucket) + ".obs.cn-north-4.myhuaweicloud.com/dir/main", "",
       "RF.10011035"},
      {"ftp://example.com/x.tf", "", "RF.10011035"},
      {VirtualHost("dir/main.tf"), VirtualHost("dir/main.tf"), "RF.10011034"},  // not .tfvars
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.template_uri + " " + c.vars_uri);
    auto r = CreateFrom("refused", c.template_uri, c.vars_uri);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(ErrorCode(r), c.code) << r.body;
  }
  // Formwork never went out to the network, not even to a host that was listening.
  EXPECT_FALSE(elsewhere.AnyoneConnected());
  EXPECT_EQ(Call("GET", "/stacks/refused/metadata").status, 404);
}

TEST_F(RfsTemplateUriTest, TemplateLinkServesTheTemplateAndDeploysAgain) {
  ASSERT_EQ(CreateFrom("b", VirtualHost("dir/main.tf"), VirtualHost("dir/prod.tfvars")).status,
            201);
  ASSERT_EQ(WaitTerminal("b"), "DEPLOYMENT_COMPLETE");
  std::string link = TemplateLink("b");
  ASSERT_NE(link.find("/_formwork/downloads/"), std::string::npos) << link;
  EXPECT_EQ(link.substr(link.size() - 8), "/main.tf");
  auto file = Download(link);
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.body, kChildTemplate);
  ASSERT_NE(file.Header("Content-Type"), nullptr);
  EXPECT_EQ(*file.Header("Content-Type"), "application/octet-stream");

  // The link as the template_uri of stack C (and the tfvars again from OBS).
  auto c = CreateFrom("c", link, PathStyle("dir/prod.tfvars"));
  ASSERT_EQ(c.status, 201) << c.body;
  ASSERT_EQ(WaitTerminal("c"), "DEPLOYMENT_COMPLETE") << Metadata("c");
  EXPECT_EQ(Outputs("c")["label"], "fromvars");
  EXPECT_EQ(Download(TemplateLink("c")).body, kChildTemplate);
  // A link whose name does not match the file it grants.
  auto renamed = CreateFrom("d", link.substr(0, link.size() - 3) + ".zip");
  EXPECT_EQ(renamed.status, 400) << renamed.body;
  EXPECT_EQ(ErrorCode(renamed), "RF.10011022");
}

}  // namespace
}  // namespace fw::testing
