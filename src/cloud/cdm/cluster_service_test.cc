// The CDM cluster service over a real SQLite store, with a clock the test moves.
#include "cloud/cdm/cluster_service.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/ids.h"
#include "base/time_format.h"

namespace fw::cloud::cdm {
namespace {

namespace fs = std::filesystem;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr char kProject[] = "0123456789abcdef0123456789abcdef";
constexpr char kMedium[] = "fb8fe666-6734-4b11-bc6c-43d11db3c745";

ClusterSpec Spec(const std::string& name) {
  ClusterSpec s;
  s.name = name;
  s.vpc_id = "vpc-1";
  s.instances = {{"cn-north-4a", kMedium, "cdm", {{"sg-1", "subnet-1"}}}};
  return s;
}

class ClusterServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fw-cdm-" + NewHexId32());
    fs::create_directories(dir_);
    Open();
    ASSERT_TRUE(store_->Write([&](store::Repositories& r) -> Status {
      FW_RETURN_IF_ERROR(r.accounts().InsertDomain({"d", "formwork", true, clock_.Now()}));
      return r.accounts().InsertProject({kProject, "d", "cn-north-4", "", true, clock_.Now()});
    }).ok());
  }
  void TearDown() override {
    service_.reset();
    store_.reset();
    fs::remove_all(dir_);
  }
  void Open() {
    service_.reset();
    store_.reset();
    store_ = std::move(store::OpenSqliteStore({(dir_ / "db").string(), 2}).value());
    service_ = std::make_unique<ClusterService>(*store_, provisioning_, faults_);
  }
  ClusterStatus StatusOf(const std::string& id) { return service_->Get(kProject, id)->status; }

  fs::path dir_;
  ManualClock clock_{*ParseSdkDate("20240102T030405Z")};
  Provisioning provisioning_{clock_, 1.0};  // real-cloud durations, moved by hand
  FaultInjector faults_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<ClusterService> service_;
};

TEST_F(ClusterServiceTest, FullLifecycleFollowsTheClock) {
  auto c = service_->Create(kProject, Spec("cdm-demo"));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->status, ClusterStatus::kCreating);
  EXPECT_EQ(c->nodes.size(), 1u);
  EXPECT_EQ(c->nodes[0].name, "cdm-demo-cdm-dn-1-1");
  EXPECT_EQ(c->spec.datastore_version, "2.9.3.300");
  const std::string id = c->id;
  clock_.Advance(minutes(9));
  EXPECT_EQ(StatusOf(id), ClusterStatus::kCreating);
  // Acting on a cluster still being created is refused.
  EXPECT_EQ(service_->Stop(kProject, id, {}).status().code(), ErrorCode::kFailedPrecondition);
  clock_.Advance(minutes(2));
  EXPECT_EQ(StatusOf(id), ClusterStatus::kNormal);

  EXPECT_EQ(service_->Start(kProject, id).status().code(), ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(service_->Stop(kProject, id, {"GRACEFULLY", 30}).ok());
  EXPECT_EQ(StatusOf(id), ClusterStatus::kStopping);
  EXPECT_EQ(service_->Stop(kProject, id, {}).status().code(), ErrorCode::kFailedPrecondition);
  clock_.Advance(seconds(91));
  EXPECT_EQ(StatusOf(id), ClusterStatus::kStopped);
  EXPECT_EQ(service_->Restart(kProject, id, {}).status().code(), ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(service_->Start(kProject, id).ok());
  EXPECT_EQ(StatusOf(id), ClusterStatus::kStarting);
  clock_.Advance(seconds(90));
  EXPECT_EQ(StatusOf(id), ClusterStatus::kNormal);

  auto job = service_->Restart(kProject, id, {"IMMEDIATELY", "SERVICE", 0});
  ASSERT_TRUE(job.ok());
  EXPECT_EQ(job->size(), 32u);
  auto restarting = service_->Get(kProject, id);
  EXPECT_EQ(restarting->status, ClusterStatus::kNormal);
  EXPECT_EQ(restarting->action, ClusterAction::kRestarting);
  clock_.Advance(seconds(120));
  EXPECT_EQ(service_->Get(kProject, id)->action, ClusterAction::kNone);

  ASSERT_TRUE(service_->Delete(kProject, id).ok());
  EXPECT_EQ(service_->Delete(kProject, id).status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(service_->Get(kProject, id).ok());  // still deleting
  clock_.Advance(seconds(60));
  auto gone = service_->Get(kProject, id);
  EXPECT_EQ(gone.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(gone.status().service_code(), "Cdm.0001");
  EXPECT_TRUE(service_->List(kProject)->empty());
}

TEST_F(ClusterServiceTest, StateSurvivesReopeningTheStore) {
  auto c = service_->Create(kProject, Spec("cdm-persist"));
  ASSERT_TRUE(c.ok());
  clock_.Advance(minutes(5));
  Open();
  EXPECT_EQ(StatusOf(c->id), ClusterStatus::kCreating);
  clock_.Advance(minutes(6));
  Open();
  EXPECT_EQ(StatusOf(c->id), ClusterStatus::kNormal);
}

TEST_F(ClusterServiceTest, ValidationRefusesBadSpecsAndStoresNothing) {
  auto bad = [&](auto mutate) {
    ClusterSpec s = Spec("cdm-bad");
    mutate(s);
    auto r = service_->Create(kProject, s);
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument) << r.status().ToString();
    EXPECT_EQ(r.status().service_code(), "Cdm.0014");
  };
  bad([](ClusterSpec& s) { s.name = ""; });
  bad([](ClusterSpec& s) { s.name = "1abc"; });
  bad([](ClusterSpec& s) { s.name = "ab"; });
  bad([](ClusterSpec& s) { s.vpc_id = ""; });
  bad([](ClusterSpec& s) { s.instances.clear(); });
  bad([](ClusterSpec& s) { s.instances[0].flavor_id = "nope"; });
  bad([](ClusterSpec& s) { s.instances[0].availability_zone = "ap-southeast-1a"; });
  bad([](ClusterSpec& s) { s.instances[0].type = "mrs"; });
  bad([](ClusterSpec& s) { s.instances[0].nics.clear(); });
  bad([](ClusterSpec& s) { s.instances[0].nics[0].subnet_id = ""; });
  bad([](ClusterSpec& s) { s.datastore_type = "x"; });
  bad([](ClusterSpec& s) { s.datastore_version = "1.0"; });
  bad([](ClusterSpec& s) { s.is_auto_off = s.is_schedule_boot_off = true; });
  bad([](ClusterSpec& s) {
    s.is_schedule_boot_off = true;
    s.schedule_boot_time = "25:00:00";
    s.schedule_off_time = "01:00:00";
  });
  EXPECT_TRUE(service_->List(kProject)->empty());
  ASSERT_TRUE(service_->Create(kProject, Spec("cdm-same")).ok());
  EXPECT_EQ(service_->Create(kProject, Spec("cdm-same")).status().code(),
            ErrorCode::kInvalidArgument);
}

TEST_F(ClusterServiceTest, ClientTokenMakesCreationIdempotent) {
  auto a = service_->Create(kProject, Spec("cdm-idem"), "token-1");
  auto b = service_->Create(kProject, Spec("cdm-idem"), "token-1");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->id, b->id);
  EXPECT_EQ(service_->List(kProject)->size(), 1u);
}

TEST_F(ClusterServiceTest, CreateFaultEndsIn303WithTheReason) {
  FaultRule rule;
  rule.service = "cdm";
  rule.operation = "create";
  rule.name_pattern = "cdm-fail*";
  rule.remaining = 1;
  rule.error_code = "CDM.FLAVOR_SOLD_OUT";
  rule.error_message = "The flavor is sold out.";
  faults_.Add(rule);
  auto c = service_->Create(kProject, Spec("cdm-fail-1"));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->status, ClusterStatus::kCreating);
  clock_.Advance(minutes(10));
  auto failed = service_->Get(kProject, c->id);
  EXPECT_EQ(failed->status, ClusterStatus::kCreateFailed);
  ASSERT_TRUE(failed->failed_reason.has_value());
  EXPECT_EQ(failed->failed_reason->first, "CDM.FLAVOR_SOLD_OUT");
  // The rule was used up: the next creation succeeds.
  auto ok = service_->Create(kProject, Spec("cdm-fail-2"));
  clock_.Advance(minutes(10));
  EXPECT_EQ(StatusOf(ok->id), ClusterStatus::kNormal);
}

TEST_F(ClusterServiceTest, OtherProjectsCannotSeeIt) {
  auto c = service_->Create(kProject, Spec("cdm-mine"));
  EXPECT_EQ(service_->Get("ffffffffffffffffffffffffffffffff", c->id).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(service_->Delete("ffffffffffffffffffffffffffffffff", c->id).status().code(),
            ErrorCode::kNotFound);
}

TEST_F(ClusterServiceTest, TimeScaleZeroIsInstant) {
  Provisioning instant(clock_, 0);
  ClusterService service(*store_, instant, faults_);
  auto c = service.Create(kProject, Spec("cdm-fast"));
  EXPECT_EQ(c->status, ClusterStatus::kNormal);
  ASSERT_TRUE(service.Stop(kProject, c->id, {}).ok());
  EXPECT_EQ(service.Get(kProject, c->id)->status, ClusterStatus::kStopped);
  ASSERT_TRUE(service.Delete(kProject, c->id).ok());
  EXPECT_EQ(service.Get(kProject, c->id).status().code(), ErrorCode::kNotFound);
}

TEST_F(ClusterServiceTest, ModifyChecksAndApplies) {
  auto c = service_->Create(kProject, Spec("cdm-mod"));
  ModifySpec m;
  m.auto_remind = true;
  EXPECT_EQ(service_->Modify(kProject, c->id, m).code(), ErrorCode::kFailedPrecondition);
  clock_.Advance(minutes(10));
  m.email = "a@example.com,b@example.com";
  ASSERT_TRUE(service_->Modify(kProject, c->id, m).ok());
  auto got = service_->Get(kProject, c->id);
  EXPECT_TRUE(got->spec.auto_remind);
  EXPECT_EQ(got->spec.email, "a@example.com,b@example.com");
  ModifySpec both;
  both.auto_off = true;
  both.schedule_boot_off = true;
  EXPECT_EQ(service_->Modify(kProject, c->id, both).code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace fw::cloud::cdm

namespace fw::cloud::cdm {
namespace {

TEST_F(ClusterServiceTest, ReadCacheFollowsEveryChangeAndNeverCrossesProjects) {
  auto c = service_->Create(kProject, Spec("cdm-cache"));
  ASSERT_TRUE(c.ok());
  auto cached = service_->GetCached(kProject, c->id);
  ASSERT_NE(cached, nullptr);
  EXPECT_EQ(cached->status, ClusterStatus::kCreating);
  clock_.Advance(minutes(10));
  EXPECT_EQ(service_->GetCached(kProject, c->id)->status, ClusterStatus::kNormal);  // time applies
  ASSERT_TRUE(service_->Stop(kProject, c->id, {}).ok());
  EXPECT_EQ(service_->GetCached(kProject, c->id)->status, ClusterStatus::kStopping);
  EXPECT_EQ(service_->GetCached("ffffffffffffffffffffffffffffffff", c->id), nullptr);
  ASSERT_TRUE(service_->Delete(kProject, c->id).ok());
  clock_.Advance(minutes(2));
  EXPECT_EQ(service_->GetCached(kProject, c->id), nullptr);  // gone
  EXPECT_EQ(service_->Get(kProject, c->id).status().code(), ErrorCode::kNotFound);

  ClusterService uncached(*store_, provisioning_, faults_, /*read_cache=*/false);
  auto d = uncached.Create(kProject, Spec("cdm-nocache"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(uncached.GetCached(kProject, d->id), nullptr);
  EXPECT_TRUE(uncached.Get(kProject, d->id).ok());
}

}  // namespace
}  // namespace fw::cloud::cdm
