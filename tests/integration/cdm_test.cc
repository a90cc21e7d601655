// The CDM cluster API over HTTP, with AK/SK-signed requests (the project's own signer), a real
// SQLite store and a clock the test moves (time scale 1: the real cloud's durations).
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <regex>

#include "support.h"

namespace fw::testing {
namespace {

namespace json = boost::json;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr char kMedium[] = "fb8fe666-6734-4b11-bc6c-43d11db3c745";

std::string CreateBody(const std::string& name, const std::string& az = "cn-north-4a",
                       const std::string& flavor = kMedium) {
  return R"({"cluster":{"name":")" + name + R"(","vpcId":"vpc-01","instances":[{"availability_zone":")" +
         az + R"(","nics":[{"securityGroupId":"sg-01","net-id":"subnet-01"}],"flavorRef":")" +
         flavor +
         R"(","type":"cdm"}],"datastore":{"type":"cdm","version":"2.9.3.300"},"isAutoOff":false,"isScheduleBootOff":false},"auto_remind":false})";
}

class CdmTest : public ::testing::Test {
 protected:
  explicit CdmTest(double time_scale = 1.0) : config_(MakeConfig(time_scale)) { Start(); }

  server::ServerConfig MakeConfig(double time_scale) {
    auto c = TestConfig(dir_.str());
    c.time_scale = time_scale;
    return c;
  }
  void Start(std::optional<TimePoint> at = std::nullopt) {
    client_.reset();
    server_.reset();
    server_ = std::make_unique<TestServer>(config_);
    ASSERT_TRUE(server_->start_status().ok()) << server_->start_status().ToString();
    if (at) server_->clock().Set(*at);
    client_ = std::make_unique<http::Client>("127.0.0.1", server_->port());
    pid_ = server_->ProjectId("cn-north-4");
  }

  http::ClientResponse Call(const std::string& method, const std::string& path,
                            const std::string& body = "", const std::string& pid = "") {
    std::string project = pid.empty() ? pid_ : pid;
    std::string target = "/v1.1/" + project + path;
    auto h = Signed(method, target,
                    {{"Content-Type", "application/json;charset=UTF-8"},
                     {"User-Agent", "huaweicloud-usdk-python/3.0"},
                     {"X-Project-Id", project}},
                    body, "AKTESTEXAMPLE0000001", "SKtestexample0123456789abcdefghijklmnopq",
                    server_->clock().Now(), client_->HostPort());
    return *client_->Send(method, target, h, body);
  }
  json::object Detail(const std::string& id) {
    auto r = Call("GET", "/clusters/" + id);
    EXPECT_EQ(r.status, 200) << r.body;
    return JsonBody(r);
  }
  std::string Status(const std::string& id) {
    return std::string(Detail(id).at("status").as_string());
  }
  std::string Create(const std::string& name) {
    auto r = Call("POST", "/clusters", CreateBody(name));
    EXPECT_EQ(r.status, 202) << r.body;
    return std::string(JsonBody(r).at("id").as_string());
  }
  void Advance(std::chrono::seconds d) { server_->clock().Advance(d); }

  TempDir dir_;
  server::ServerConfig config_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<http::Client> client_;
  std::string pid_;
};

TEST_F(CdmTest, CreateAnswersTheDocumentedBody) {
  auto r = Call("POST", "/clusters", CreateBody("cdm-demo"));
  ASSERT_EQ(r.status, 202) << r.body;
  auto b = JsonBody(r);
  EXPECT_EQ(b.at("name"), "cdm-demo");
  EXPECT_EQ(b.at("id").as_string().size(), 36u);
  EXPECT_EQ(b.at("datastore").at("type"), "cdm");
  EXPECT_EQ(b.at("datastore").at("version"), "2.9.3.300");
  EXPECT_EQ(b.at("task").at("name"), "createCluster");
  ASSERT_EQ(b.at("instances").as_array().size(), 1u);
  EXPECT_EQ(b.at("instances").at(0).at("name"), "cdm-demo-cdm-dn-1-1");
  EXPECT_EQ(b.at("instances").at(0).at("shard_id"), "dn-1");
  EXPECT_EQ(b.at("instances").at(0).at("type"), "cdm");
}

TEST_F(CdmTest, DetailHasEveryFieldWithTheModelsTypes) {
  std::string id = Create("cdm-types");
  auto d = Detail(id);
  EXPECT_EQ(d.at("status"), "100");
  EXPECT_EQ(d.at("statusDetail"), "Creating");
  EXPECT_EQ(d.at("actionProgress").at("CREATING"), "0%");
  Advance(minutes(5));
  EXPECT_EQ(Detail(id).at("actionProgress").at("CREATING"), "50%");
  Advance(minutes(5));
  d = Detail(id);
  // Strings that look like numbers stay strings; counts are integers; lists are arrays.
  for (const char* k : {"id", "name", "status", "statusDetail", "config_status", "isFrozen",
                        "created", "updated", "publicEndpoint", "publicEndpointDomainName",
                        "endpointDomainName", "eipId", "security_group_id", "subnet_id", "vpc_id",
                        "azName", "flavorName", "dbuser", "clusterMode", "namespace",
                        "bakExpectedStartTime", "scheduleBootTime", "scheduleOffTime", "eps_id"}) {
    ASSERT_TRUE(d.contains(k)) << k;
    EXPECT_TRUE(d.at(k).is_string()) << k;
  }
  for (const char* k : {"recentEvent", "bakKeepDay"}) EXPECT_TRUE(d.at(k).is_int64()) << k;
  for (const char* k : {"isAutoOff", "isScheduleBootOff"}) EXPECT_TRUE(d.at(k).is_bool()) << k;
  for (const char* k : {"actions", "instances", "links", "tags"}) EXPECT_TRUE(d.at(k).is_array()) << k;
  for (const char* k : {"datastore", "customerConfig", "task", "actionProgress", "maintainWindow",
                        "publicEndpointStatus"}) {
    EXPECT_TRUE(d.at(k).is_object()) << k;
  }
  for (const auto& [k, v] : d.at("customerConfig").as_object()) EXPECT_TRUE(v.is_string()) << k;
  EXPECT_FALSE(d.contains("failedReasons"));
  EXPECT_EQ(d.at("status"), "200");
  EXPECT_EQ(d.at("statusDetail"), "Normal");
  EXPECT_TRUE(d.at("actionProgress").as_object().empty());
  // Values follow what was created; names are resolved.
  EXPECT_EQ(d.at("vpc_id"), "vpc-01");
  EXPECT_EQ(d.at("subnet_id"), "subnet-01");
  EXPECT_EQ(d.at("security_group_id"), "sg-01");
  EXPECT_EQ(d.at("azName"), "cn-north-4a");
  EXPECT_EQ(d.at("flavorName"), "cdm.medium");
  EXPECT_EQ(d.at("datastore").at("version"), "2.9.3.300");
  const auto& node = d.at("instances").at(0).as_object();
  EXPECT_EQ(node.at("flavor").at("id"), kMedium);
  EXPECT_EQ(node.at("volume").at("size"), 100);
  EXPECT_TRUE(node.at("volume").at("size").is_int64());
  EXPECT_EQ(node.at("status"), "200");
  EXPECT_EQ(node.at("config_status"), "In-Sync");
  EXPECT_TRUE(node.at("actions").is_array());
  EXPECT_FALSE(node.at("private_ip").as_string().empty());
  EXPECT_EQ(node.at("resource").at(0).at("resource_type"), "server");
}

// The documentation page's example response: every key it shows is present with the same
// JSON kind, and every value the example fixes (statuses, actions, flavor, volume, names)
// agrees for a cluster in the same state (running, being rebooted).
TEST_F(CdmTest, GoldenDocumentationExample) {
  const char* kExample = R"({
    "version": "x.x.x",
    "instances": [{
      "flavor": {"id": "fb8fe666-6734-4b11-bc6c-43d11db3c745"},
      "volume": {"type": "LOCAL_DISK", "size": 100},
      "status": "200",
      "actions": ["REBOOTING"],
      "type": "cdm",
      "id": "635dce67-3df8-4756-b4c7-90e45e687367",
      "name": "cdm-c018",
      "isFrozen": "0",
      "config_status": "In-Sync"
    }],
    "updated": "2018-09-05T08:38:25",
    "name": "cdm-c018",
    "created": "2018-09-05T08:38:25",
    "id": "bae65496-643e-47ca-84af-948672de7eeb",
    "publicEndpoint": "49.xx.xx.10",
    "status": "200",
    "actions": ["REBOOTING"],
    "isFrozen": "0",
    "statusDetail": "Normal",
    "actionProgress": {},
    "config_status": "In-Sync"
  })";
  std::string id = Create("cdm-c018");
  Advance(minutes(10));
  ASSERT_EQ(Call("POST", "/clusters/" + id + "/action",
                 R"({"restart":{"restartDelayTime":0,"restartMode":"IMMEDIATELY","restartLevel":"SERVICE","type":"cdm","instance":"","group":""}})")
                .status,
            200);
  auto got = Detail(id);
  auto want = json::parse(kExample).as_object();
  std::function<void(const json::value&, const json::value&, const std::string&)> same_shape =
      [&](const json::value& w, const json::value& g, const std::string& path) {
        ASSERT_EQ(w.kind(), g.kind()) << path;
        if (w.is_object()) {
          for (const auto& [k, v] : w.as_object()) {
            ASSERT_TRUE(g.as_object().contains(k)) << path << "." << k;
            same_shape(v, g.as_object().at(k), path + "." + std::string(k));
          }
        } else if (w.is_array() && !w.as_array().empty()) {
          ASSERT_FALSE(g.as_array().empty()) << path;
          same_shape(w.as_array()[0], g.as_array()[0], path + "[0]");
        }
      };
  same_shape(want, got, "");
  for (const char* k : {"name", "status", "isFrozen", "statusDetail", "config_status"}) {
    EXPECT_EQ(got.at(k), want.at(k)) << k;
  }
  EXPECT_EQ(got.at("actions"), want.at("actions"));
  EXPECT_EQ(got.at("actionProgress"), want.at("actionProgress"));
  const auto& wn = want.at("instances").at(0).as_object();
  const auto& gn = got.at("instances").at(0).as_object();
  for (const char* k : {"flavor", "volume", "status", "actions", "type", "isFrozen", "config_status"}) {
    if (std::string(k) == "flavor") {
      EXPECT_EQ(gn.at(k).at("id"), wn.at(k).at("id"));
    } else {
      EXPECT_EQ(gn.at(k), wn.at(k)) << k;
    }
  }
  std::regex time("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
  EXPECT_TRUE(std::regex_match(std::string(got.at("created").as_string()), time));
  EXPECT_TRUE(std::regex_match(std::string(got.at("updated").as_string()), time));
}

TEST_F(CdmTest, EveryTransitionAndItsRefusals) {
  std::string id = Create("cdm-life");
  auto action = [&](const std::string& body) { return Call("POST", "/clusters/" + id + "/action", body); };
  const std::string stop = R"({"stop":{"stopMode":"IMMEDIATELY","delayTime":0}})";
  const std::string start = R"({"start":{}})";
  const std::string restart = R"({"restart":{"restartMode":"IMMEDIATELY","restartLevel":"SERVICE","type":"cdm"}})";

  // Still being created: every action is refused with CDM's body.
  for (const auto& body : {stop, start, restart}) {
    auto r = action(body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(JsonBody(r).at("errCode"), "Cdm.0014");
  }
  Advance(minutes(10));
  EXPECT_EQ(Status(id), "200");
  auto started = action(start);  // running: cannot start
  EXPECT_EQ(started.status, 400);
  EXPECT_NE(started.body.find("cannot be started"), std::string::npos);

  auto stopped = action(stop);
  ASSERT_EQ(stopped.status, 200) << stopped.body;
  EXPECT_TRUE(JsonBody(stopped).at("jobId").is_array());  // start/stop: array of strings
  EXPECT_EQ(Status(id), "910");
  EXPECT_EQ(action(stop).status, 400);
  Advance(seconds(60));
  EXPECT_EQ(Status(id), "900");
  EXPECT_EQ(Detail(id).at("statusDetail"), "Stopped");
  EXPECT_EQ(action(restart).status, 400);

  auto starting = action(start);
  ASSERT_EQ(starting.status, 200);
  EXPECT_EQ(JsonBody(starting).at("jobId").at(0).as_string().size(), 32u);
  EXPECT_EQ(Status(id), "920");
  Advance(seconds(90));
  EXPECT_EQ(Status(id), "200");

  auto restarted = action(restart);
  ASSERT_EQ(restarted.status, 200);
  EXPECT_TRUE(JsonBody(restarted).at("jobId").is_string());  // restart: a string
  auto d = Detail(id);
  EXPECT_EQ(d.at("status"), "200");
  EXPECT_EQ(d.at("actions").at(0), "REBOOTING");
  EXPECT_EQ(d.at("instances").at(0).at("actions").at(0), "REBOOTING");
  EXPECT_EQ(action(stop).status, 400);  // busy rebooting
  Advance(seconds(120));
  EXPECT_TRUE(Detail(id).at("actions").as_array().empty());

  // Malformed action bodies.
  EXPECT_EQ(action("{}").status, 400);
  EXPECT_EQ(action(R"({"start":{},"stop":{}})").status, 400);
  EXPECT_EQ(action(R"({"stop":{"stopMode":"NOW"}})").status, 400);
  EXPECT_EQ(action(R"({"stop":{"delayTime":"x"}})").status, 400);
  EXPECT_EQ(action(R"({"restart":{"restartLevel":"HOST"}})").status, 400);
  EXPECT_EQ(action("not json").status, 400);

  auto del = Call("DELETE", "/clusters/" + id);
  ASSERT_EQ(del.status, 202) << del.body;
  EXPECT_TRUE(JsonBody(del).at("jobId").is_string());
  EXPECT_EQ(Detail(id).at("statusDetail"), "Deleting");
  EXPECT_EQ(Call("DELETE", "/clusters/" + id).status, 400);
  Advance(seconds(60));
  auto gone = Call("GET", "/clusters/" + id);
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(JsonBody(gone).at("errCode"), "Cdm.0001");
  EXPECT_EQ(JsonBody(gone).at("error_code"), "Cdm.0001");
  EXPECT_TRUE(JsonBody(Call("GET", "/clusters")).at("clusters").as_array().empty());
}

TEST_F(CdmTest, InvalidBodiesCreateNothing) {
  for (const std::string& body :
       {std::string("{"), std::string("{}"), std::string(R"({"cluster":[]})"),
        std::string(R"({"cluster":{"name":"ab"}})"), CreateBody("1starts-with-digit"),
        CreateBody("cdm-az", "ap-southeast-1a"), CreateBody("cdm-flavor", "cn-north-4a", "bogus"),
        std::string(R"({"cluster":{"name":"cdm-x","vpcId":"v","instances":[{"availability_zone":"cn-north-4a","flavorRef":")") +
            kMedium + R"(","type":"cdm","nics":[]}]}})",
        std::string(R"({"cluster":{"name":"cdm-x","vpcId":"v","isAutoOff":true,"isScheduleBootOff":true,"instances":[{"availability_zone":"cn-north-4a","flavorRef":")") +
            kMedium + R"(","type":"cdm","nics":[{"securityGroupId":"s","net-id":"n"}]}]}})",
        std::string(R"({"cluster":{"name":5}})")}) {
    auto r = Call("POST", "/clusters", body);
    EXPECT_EQ(r.status, 400) << body << " -> " << r.body;
    EXPECT_TRUE(JsonBody(r).contains("errCode")) << r.body;
  }
  EXPECT_TRUE(JsonBody(Call("GET", "/clusters")).at("clusters").as_array().empty());
  Create("cdm-twice");
  EXPECT_EQ(Call("POST", "/clusters", CreateBody("cdm-twice")).status, 400);
}

TEST_F(CdmTest, UnknownAndForeignClustersAre404) {
  std::string id = Create("cdm-mine");
  EXPECT_EQ(Call("GET", "/clusters/bae65496-643e-47ca-84af-948672de7eeb").status, 404);
  EXPECT_EQ(Call("DELETE", "/clusters/nope").status, 404);
  EXPECT_EQ(Call("POST", "/clusters/nope/action", R"({"start":{}})").status, 404);
  std::string other = server_->ProjectId("ap-southeast-1");
  EXPECT_EQ(Call("GET", "/clusters/" + id, "", other).status, 404);
  EXPECT_TRUE(JsonBody(Call("GET", "/clusters", "", other)).at("clusters").as_array().empty());
  EXPECT_EQ(JsonBody(Call("GET", "/clusters")).at("clusters").as_array().size(), 1u);
}

TEST_F(CdmTest, ListModifyEnterpriseProjectsAndCatalogue) {
  std::string id = Create("cdm-list");
  auto list = JsonBody(Call("GET", "/clusters"));
  const auto& c = list.at("clusters").at(0).as_object();
  EXPECT_EQ(c.at("id"), id);
  EXPECT_EQ(c.at("status"), "100");
  EXPECT_FALSE(c.at("instances").at(0).as_object().contains("links"));  // list view
  Advance(minutes(10));

  auto mod = Call("POST", "/cluster/modify/" + id,
                  R"({"autoRemind":true,"phoneNum":"13800000000","email":"ops@example.com","autoOff":false,"scheduleBootOff":true,"scheduleBootTime":"08:00:00","scheduleOffTime":"20:00:00"})");
  EXPECT_EQ(mod.status, 202) << mod.body;
  auto d = Detail(id);
  EXPECT_EQ(d.at("isScheduleBootOff"), true);
  EXPECT_EQ(d.at("scheduleBootTime"), "08:00:00");
  EXPECT_EQ(d.at("customerConfig").at("failureRemind"), "true");
  EXPECT_EQ(Call("POST", "/cluster/modify/" + id, R"({"autoOff":true,"scheduleBootOff":true})").status, 400);
  EXPECT_EQ(Call("POST", "/cluster/modify/" + id, R"({"scheduleBootTime":"8am"})").status, 400);
  EXPECT_EQ(Call("POST", "/cluster/modify/nope", R"({})").status, 404);

  auto eps = JsonBody(Call("GET", "/clusters/" + id + "/enterprise-projects"));
  EXPECT_EQ(eps.at("sys_tags").at(0).at("key"), "_sys_enterprise_project_id");
  EXPECT_EQ(eps.at("sys_tags").at(0).at("value"), "0");
  auto all = JsonBody(Call("GET", "/enterprise-projects"));
  EXPECT_EQ(all.at("resources").at(0).at("cluster_id"), id);

  auto azs = JsonBody(Call("GET", "/regions/cn-north-4/availability_zones"));
  EXPECT_EQ(azs.at("regionId"), "cn-north-4");
  EXPECT_EQ(azs.at("availableZones").as_array().size(), 3u);
  EXPECT_EQ(Call("GET", "/regions/mars-1/availability_zones").status, 404);
  auto ds = JsonBody(Call("GET", "/datastores"));
  const auto& store = ds.at("datastores").at(0).as_object();
  EXPECT_EQ(store.at("name"), "cdm");
  EXPECT_EQ(store.at("versions").at(0).at("active"), "1");
  auto flavors = JsonBody(Call("GET", "/datastores/" + std::string(store.at("id").as_string()) + "/flavors"));
  bool found = false;
  for (const auto& f : flavors.at("versions").at(0).at("flavors").as_array()) {
    if (f.at("str_id") == kMedium) {
      found = true;
      EXPECT_EQ(f.at("cpu"), 4);
      EXPECT_EQ(f.at("ram"), 8);
      EXPECT_EQ(f.at("name"), "cdm.medium");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(Call("GET", "/datastores/nope/flavors").status, 404);
  auto flavor = JsonBody(Call("GET", "/flavors/" + std::string(kMedium)));
  EXPECT_EQ(flavor.at("name"), "cdm.medium");
  for (const auto& item : flavor.at("flavor_detail").as_array()) EXPECT_TRUE(item.at("value").is_string());
  EXPECT_EQ(Call("GET", "/flavors/nope").status, 404);

  std::string node_id(d.at("instances").at(0).at("id").as_string());
  auto inst = JsonBody(Call("GET", "/instances/" + node_id));
  EXPECT_EQ(inst.at("instance").at("cluster_id"), id);
  EXPECT_EQ(inst.at("instance").at("payModel"), 0);
  EXPECT_EQ(Call("GET", "/instances/nope").status, 404);
}

TEST_F(CdmTest, RestartMidLifecycleKeepsTheClusterAndItsStatus) {
  std::string id = Create("cdm-restart");
  Advance(minutes(4));
  TimePoint at = server_->clock().Now();
  Start(at);  // same data directory, same moment
  EXPECT_EQ(Status(id), "100");
  Advance(minutes(6));
  EXPECT_EQ(Status(id), "200");
  ASSERT_EQ(Call("POST", "/clusters/" + id + "/action", R"({"stop":{"stopMode":"GRACEFULLY","delayTime":-1}})").status, 200);
  at = server_->clock().Now();
  Start(at + seconds(30));
  EXPECT_EQ(Status(id), "910");
  Advance(seconds(30));
  EXPECT_EQ(Status(id), "900");
}

TEST_F(CdmTest, FaultRuleFromTheAdminEndpointFailsCreation) {
  auto admin = [&](const std::string& method, const std::string& body) {
    auto h = Signed(method, "/_formwork/faults", {{"Content-Type", "application/json"}}, body,
                    "AKTESTEXAMPLE0000001", "SKtestexample0123456789abcdefghijklmnopq",
                    server_->clock().Now(), client_->HostPort());
    return *client_->Send(method, "/_formwork/faults", h, body);
  };
  EXPECT_EQ(client_->Send("POST", "/_formwork/faults", {}, "{}")->status, 401);
  auto added = admin("POST", R"({"service":"cdm","type":"cluster","operation":"create","name":"cdm-fail-*","count":1,"error_code":"CDM.0503","error_message":"Insufficient resources in the AZ."})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(admin("POST", R"({"count":"x"})").status, 400);
  EXPECT_EQ(JsonBody(admin("GET", "")).at("faults").as_array().size(), 1u);

  std::string failing = Create("cdm-fail-1");
  std::string fine = Create("cdm-fine-1");
  Advance(minutes(10));
  auto d = Detail(failing);
  EXPECT_EQ(d.at("status"), "303");
  EXPECT_EQ(d.at("failedReasons").at("CREATE_FAILED").at("errorCode"), "CDM.0503");
  EXPECT_EQ(d.at("failedReasons").at("CREATE_FAILED").at("errorMsg"), "Insufficient resources in the AZ.");
  EXPECT_EQ(d.at("instances").at(0).at("status"), "303");
  EXPECT_EQ(Status(fine), "200");
  EXPECT_TRUE(JsonBody(admin("GET", "")).at("faults").as_array().empty());  // used up
  // A failed cluster can only be deleted.
  EXPECT_EQ(Call("POST", "/clusters/" + failing + "/action", R"({"start":{}})").status, 400);
  EXPECT_EQ(Call("DELETE", "/clusters/" + failing).status, 202);
  EXPECT_EQ(admin("DELETE", "").status, 204);
}

class CdmInstantTest : public CdmTest {
 protected:
  CdmInstantTest() : CdmTest(0.0) {}
};

TEST_F(CdmInstantTest, TimeScaleZeroIsTheTestDefault) {
  std::string id = Create("cdm-instant");
  EXPECT_EQ(Status(id), "200");
  Call("POST", "/clusters/" + id + "/action", R"({"stop":{}})");
  EXPECT_EQ(Status(id), "900");
  EXPECT_EQ(Call("DELETE", "/clusters/" + id, R"({"keep_last_manual_backup":0})").status, 202);
  EXPECT_EQ(Call("GET", "/clusters/" + id).status, 404);
}

TEST(CdmFaultsFileTest, RulesFromConfiguration) {
  TempDir dir;
  std::string path = dir.str() + "/faults.json";
  std::ofstream(path) << R"([{"service":"cdm","operation":"create","name":"*","error_code":"CDM.9999","error_message":"from file"}])";
  auto config = TestConfig(dir.str());
  config.faults_file = path;
  TestServer server(config);
  ASSERT_TRUE(server.start_status().ok()) << server.start_status().ToString();
  http::Client c("127.0.0.1", server.port());
  std::string pid = server.ProjectId("cn-north-4");
  auto sign = [&](const std::string& method, const std::string& target, const std::string& body) {
    return Signed(method, target, {{"Content-Type", "application/json"}}, body, "AKTESTEXAMPLE0000001",
                  "SKtestexample0123456789abcdefghijklmnopq", server.clock().Now(), c.HostPort());
  };
  std::string body = CreateBody("cdm-any");
  auto r = *c.Send("POST", "/v1.1/" + pid + "/clusters", sign("POST", "/v1.1/" + pid + "/clusters", body), body);
  ASSERT_EQ(r.status, 202);
  std::string id(JsonBody(r).at("id").as_string());
  auto d = *c.Send("GET", "/v1.1/" + pid + "/clusters/" + id, sign("GET", "/v1.1/" + pid + "/clusters/" + id, ""));
  EXPECT_EQ(JsonBody(d).at("status"), "303");

  auto bad = TestConfig(dir.str() + "/other");
  bad.faults_file = dir.str() + "/missing.json";
  TestServer broken(bad);
  EXPECT_FALSE(broken.start_status().ok());
}

}  // namespace
}  // namespace fw::testing
