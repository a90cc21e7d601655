#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "base/ids.h"
#include "base/time_format.h"
#include "store/store.h"

namespace fw::store {
namespace {

namespace fs = std::filesystem;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fw-store-" + NewHexId32());
    fs::create_directories(dir_);
    path_ = (dir_ / "formwork.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> Open() {
    auto s = OpenSqliteStore({path_, 3});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return std::move(s).value();
  }

  Status SeedAccount(Store& store) {
    return store.Write([&](Repositories& r) -> Status {
      FW_RETURN_IF_ERROR(r.accounts().InsertDomain({"d1", "formwork", true, now_}));
      FW_RETURN_IF_ERROR(r.accounts().InsertUser({"u1", "d1", "admin", "hash", true, now_}));
      FW_RETURN_IF_ERROR(r.accounts().InsertCredential({"AK1", "SK1", "u1", "d1", true, now_}));
      FW_RETURN_IF_ERROR(r.accounts().InsertProject({"p1", "d1", "cn-north-4", "", true, now_}));
      return r.accounts().InsertProject({"p2", "d1", "ap-southeast-1", "", true, now_});
    });
  }

  fs::path dir_;
  std::string path_;
  TimePoint now_ = *ParseSdkDate("20240102T030405Z");
};

TEST_F(SqliteStoreTest, MigratesAndReportsSchemaVersion) {
  auto store = Open();
  auto v = store->SchemaVersion();
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, LatestSchemaVersion());
  EXPECT_GE(*v, 1);
}

TEST_F(SqliteStoreTest, DataSurvivesReopen) {
  {
    auto store = Open();
    ASSERT_TRUE(SeedAccount(*store).ok());
    store->Close();
  }
  auto store = Open();  // migrations are not re-applied
  std::optional<CredentialRecord> cred;
  ASSERT_TRUE(store->Read([&](Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(cred, r.accounts().FindCredential("AK1"));
    return Status::Ok();
  }).ok());
  ASSERT_TRUE(cred.has_value());
  EXPECT_EQ(cred->secret_key, "SK1");
  EXPECT_EQ(cred->created_at, now_);
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromTheFuture) {
  { Open(); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_migrations VALUES (9999, 'future', 0)", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto s = OpenSqliteStore({path_, 1});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(SqliteStoreTest, FailedWriteRollsBackEverything) {
  auto store = Open();
  ASSERT_TRUE(SeedAccount(*store).ok());
  Status st = store->Write([&](Repositories& r) -> Status {
    FW_RETURN_IF_ERROR(r.accounts().InsertProject({"p3", "d1", "eu-west-0", "", true, now_}));
    return r.accounts().InsertProject({"p4", "d1", "cn-north-4", "", true, now_});  // duplicate
  });
  EXPECT_EQ(st.code(), ErrorCode::kAlreadyExists);
  std::vector<ProjectRecord> all;
  ASSERT_TRUE(store->Read([&](Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(all, r.accounts().ListProjects({}));
    return Status::Ok();
  }).ok());
  EXPECT_EQ(all.size(), 2u);  // p3 rolled back
}

TEST_F(SqliteStoreTest, ProjectFilters) {
  auto store = Open();
  ASSERT_TRUE(SeedAccount(*store).ok());
  auto list = [&](ProjectFilter f) {
    std::vector<ProjectRecord> out;
    EXPECT_TRUE(store->Read([&](Repositories& r) -> Status {
      FW_ASSIGN_OR_RETURN(out, r.accounts().ListProjects(f));
      return Status::Ok();
    }).ok());
    return out;
  };
  EXPECT_EQ(list({}).size(), 2u);
  auto one = list({.name = "cn-north-4"});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].id, "p1");
  EXPECT_TRUE(list({.name = "cn-north"}).empty());
  EXPECT_TRUE(list({.domain_id = "other"}).empty());
  EXPECT_EQ(list({.enabled = false}).size(), 0u);
  EXPECT_EQ(list({.enabled = true}).size(), 2u);
}

TEST_F(SqliteStoreTest, TokensExpire) {
  auto store = Open();
  ASSERT_TRUE(SeedAccount(*store).ok());
  ASSERT_TRUE(store->Write([&](Repositories& r) {
    return r.tokens().Insert({"h1", "u1", "d1", "p1", now_, now_ + std::chrono::hours(1)});
  }).ok());
  int64_t removed = -1;
  ASSERT_TRUE(store->Write([&](Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(removed, r.tokens().DeleteExpired(now_ + std::chrono::hours(2)));
    return Status::Ok();
  }).ok());
  EXPECT_EQ(removed, 1);
}

class JobsTest : public SqliteStoreTest {
 protected:
  std::optional<JobRecord> Claim(Store& s, const std::string& owner, TimePoint at,
                                 std::vector<std::string> kinds = {}) {
    std::optional<JobRecord> out;
    EXPECT_TRUE(s.Write([&](Repositories& r) -> Status {
      FW_ASSIGN_OR_RETURN(out, r.jobs().ClaimNext(owner, at, std::chrono::seconds(30), kinds));
      return Status::Ok();
    }).ok());
    return out;
  }
};

TEST_F(JobsTest, ClaimHeartbeatFinish) {
  auto store = Open();
  std::string id;
  ASSERT_TRUE(store->Write([&](Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(id, r.jobs().Enqueue({"rfs.deploy", "stack:s1", "{}", now_}, now_));
    return Status::Ok();
  }).ok());
  auto job = Claim(*store, "w1", now_);
  ASSERT_TRUE(job.has_value());
  EXPECT_EQ(job->id, id);
  EXPECT_EQ(job->attempts, 1);
  EXPECT_EQ(job->state, JobState::kRunning);
  EXPECT_FALSE(Claim(*store, "w2", now_ + std::chrono::seconds(10)).has_value());  // leased

  EXPECT_TRUE(store->Write([&](Repositories& r) {
    return r.jobs().Heartbeat(id, "w1", now_ + std::chrono::seconds(20), std::chrono::seconds(30));
  }).ok());
  EXPECT_FALSE(Claim(*store, "w2", now_ + std::chrono::seconds(40)).has_value());  // renewed
  EXPECT_EQ(store->Write([&](Repositories& r) {
    return r.jobs().Heartbeat(id, "w2", now_, std::chrono::seconds(30));
  }).code(), ErrorCode::kConflict);

  ASSERT_TRUE(store->Write([&](Repositories& r) {
    return r.jobs().Finish(id, "w1", JobState::kSucceeded, "{\"ok\":true}", now_);
  }).ok());
  std::optional<JobRecord> got;
  ASSERT_TRUE(store->Read([&](Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(got, r.jobs().Get(id));
    return Status::Ok();
  }).ok());
  EXPECT_EQ(got->state, JobState::kSucceeded);
  EXPECT_EQ(got->result, "{\"ok\":true}");
  EXPECT_FALSE(Claim(*store, "w2", now_ + std::chrono::hours(1)).has_value());
}

TEST_F(JobsTest, ExpiredLeaseIsReclaimedAndOldOwnerLosesIt) {
  auto store = Open();
  std::string id;
  ASSERT_TRUE(store->Write([&](Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(id, r.jobs().Enqueue({"rfs.deploy", "stack:s1", "{}", now_}, now_));
    return Status::Ok();
  }).ok());
  ASSERT_TRUE(Claim(*store, "w1", now_).has_value());
  auto again = Claim(*store, "w2", now_ + std::chrono::seconds(31));
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->attempts, 2);
  EXPECT_EQ(again->owner, "w2");
  EXPECT_EQ(store->Write([&](Repositories& r) {
    return r.jobs().Finish(id, "w1", JobState::kFailed, "", now_);
  }).code(), ErrorCode::kConflict);
}

TEST_F(JobsTest, OrderRunAfterAndKinds) {
  auto store = Open();
  ASSERT_TRUE(store->Write([&](Repositories& r) -> Status {
    FW_RETURN_IF_ERROR(r.jobs().Enqueue({"a", "k", "1", now_ + std::chrono::minutes(5)}, now_).status());
    FW_RETURN_IF_ERROR(r.jobs().Enqueue({"b", "k", "2", now_}, now_).status());
    return r.jobs().Enqueue({"a", "k", "3", now_}, now_).status();
  }).ok());
  auto first = Claim(*store, "w", now_, {"a"});
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->payload, "3");  // "1" is not due yet, "2" is another kind
  EXPECT_EQ(Claim(*store, "w", now_)->payload, "2");
  EXPECT_FALSE(Claim(*store, "w", now_).has_value());
  EXPECT_EQ(Claim(*store, "w", now_ + std::chrono::minutes(6))->payload, "1");
}

TEST_F(JobsTest, ConcurrentClaimersNeverShareAJob) {
  auto store = Open();
  ASSERT_TRUE(store->Write([&](Repositories& r) -> Status {
    for (int i = 0; i < 40; ++i) {
      FW_RETURN_IF_ERROR(r.jobs().Enqueue({"k", "r", std::to_string(i), now_}, now_).status());
    }
    return Status::Ok();
  }).ok());
  std::mutex mu;
  std::vector<std::string> claimed;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      while (auto j = Claim(*store, "w" + std::to_string(t), now_)) {
        std::lock_guard<std::mutex> lock(mu);
        claimed.push_back(j->id);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::sort(claimed.begin(), claimed.end());
  EXPECT_EQ(claimed.size(), 40u);
  EXPECT_EQ(std::unique(claimed.begin(), claimed.end()), claimed.end());
}

}  // namespace
}  // namespace fw::store

namespace fw::store {
namespace {

class CloudResourcesTest : public SqliteStoreTest {};

TEST_F(CloudResourcesTest, InsertGetUpdateWithVersionsAndTokens) {
  auto store = Open();
  CloudResourceRecord r{"c1", "p1", "cdm.cluster", "one", "tok-1", "{}", 1, now_, now_};
  ASSERT_TRUE(store->Write([&](Repositories& repos) { return repos.cloud().Insert(r); }).ok());
  // The same client token in the same project and type is refused; in another project it is not.
  CloudResourceRecord dup = r;
  dup.id = "c2";
  EXPECT_EQ(store->Write([&](Repositories& repos) { return repos.cloud().Insert(dup); }).code(),
            ErrorCode::kAlreadyExists);
  dup.project_id = "p2";
  EXPECT_TRUE(store->Write([&](Repositories& repos) { return repos.cloud().Insert(dup); }).ok());
  CloudResourceRecord no_token = r;
  no_token.id = "c3";
  no_token.client_token = "";
  CloudResourceRecord no_token2 = no_token;
  no_token2.id = "c4";
  EXPECT_TRUE(store->Write([&](Repositories& repos) -> Status {
    FW_RETURN_IF_ERROR(repos.cloud().Insert(no_token));
    return repos.cloud().Insert(no_token2);
  }).ok());

  std::optional<CloudResourceRecord> by_token;
  std::vector<CloudResourceRecord> listed;
  ASSERT_TRUE(store->Read([&](Repositories& repos) -> Status {
    FW_ASSIGN_OR_RETURN(by_token, repos.cloud().FindByClientToken("p1", "cdm.cluster", "tok-1"));
    FW_ASSIGN_OR_RETURN(listed, repos.cloud().List("p1", "cdm.cluster"));
    return Status::Ok();
  }).ok());
  ASSERT_TRUE(by_token.has_value());
  EXPECT_EQ(by_token->id, "c1");
  EXPECT_EQ(listed.size(), 3u);

  CloudResourceRecord next = r;
  next.version = 2;
  next.body = "{\"a\":1}";
  EXPECT_TRUE(store->Write([&](Repositories& repos) { return repos.cloud().Update(next); }).ok());
  // A writer that read version 1 loses.
  EXPECT_EQ(store->Write([&](Repositories& repos) { return repos.cloud().Update(next); }).code(),
            ErrorCode::kConflict);
  ASSERT_TRUE(store->Write([&](Repositories& repos) {
    return repos.cloud().Delete("cdm.cluster", "c1");
  }).ok());
  std::optional<CloudResourceRecord> gone;
  ASSERT_TRUE(store->Read([&](Repositories& repos) -> Status {
    FW_ASSIGN_OR_RETURN(gone, repos.cloud().Get("cdm.cluster", "c1"));
    return Status::Ok();
  }).ok());
  EXPECT_FALSE(gone.has_value());
}

}  // namespace
}  // namespace fw::store
