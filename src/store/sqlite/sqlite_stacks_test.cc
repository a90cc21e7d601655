#include <gtest/gtest.h>

#include <filesystem>

#include "base/ids.h"
#include "store/store.h"

namespace fw::store {
namespace {

namespace fs = std::filesystem;

class SqliteStacksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fw-stacks-store-" + NewHexId32());
    fs::create_directories(dir_);
    auto s = OpenSqliteStore({(dir_ / "formwork.db").string(), 2});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  StackRecord NewStack(const std::string& name) {
    StackRecord s;
    s.id = NewUuid();
    s.project_id = "p1";
    s.name = name;
    s.status = "CREATION_COMPLETE";
    s.version = 1;
    s.created_at = s.updated_at = now_;
    return s;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  TimePoint now_ = TimePoint(std::chrono::seconds(1700000000));
};

TEST_F(SqliteStacksTest, NamesAreUniquePerProjectAndListsAreNewestFirst) {
  StackRecord a = NewStack("a"), b = NewStack("b"), dup = NewStack("a");
  ASSERT_TRUE(store_->Write([&](Repositories& r) { return r.stacks().InsertStack(a); }).ok());
  ASSERT_TRUE(store_->Write([&](Repositories& r) { return r.stacks().InsertStack(b); }).ok());
  Status st = store_->Write([&](Repositories& r) { return r.stacks().InsertStack(dup); });
  EXPECT_EQ(st.code(), ErrorCode::kAlreadyExists);
  std::vector<StackRecord> list;
  ASSERT_TRUE(store_->Read([&](Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(list, r.stacks().ListStacks("p1"));
    return Status::Ok();
  }).ok());
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "b");
  EXPECT_EQ(list[1].name, "a");
}

TEST_F(SqliteStacksTest, UpdateIsACompareAndSetOnVersion) {
  StackRecord s = NewStack("s");
  ASSERT_TRUE(store_->Write([&](Repositories& r) { return r.stacks().InsertStack(s); }).ok());
  StackRecord first = s, second = s;
  first.version = second.version = s.version + 1;
  first.description = "first";
  second.description = "second";
  EXPECT_TRUE(store_->Write([&](Repositories& r) { return r.stacks().UpdateStack(first); }).ok());
  Status st = store_->Write([&](Repositories& r) { return r.stacks().UpdateStack(second); });
  EXPECT_EQ(st.code(), ErrorCode::kConflict);
}

TEST_F(SqliteStacksTest, ResourcesEventsAndPlansGoWithTheStack) {
  StackRecord s = NewStack("s");
  ASSERT_TRUE(store_->Write([&](Repositories& r) -> Status {
    FW_RETURN_IF_ERROR(r.stacks().InsertStack(s));
    StackResourceRecord res;
    res.stack_id = s.id;
    res.address = "huaweicloud_vpc.main";
    res.type = "huaweicloud_vpc";
    res.name = "main";
    res.status = "CREATION_COMPLETE";
    FW_RETURN_IF_ERROR(r.stacks().UpsertResource(res));
    res.physical_id = "vpc-1";
    FW_RETURN_IF_ERROR(r.stacks().UpsertResource(res));  // update in place
    StackEventRecord e;
    e.stack_id = s.id;
    e.deployment_id = "d1";
    e.event_type = "LOG";
    FW_RETURN_IF_ERROR(r.stacks().InsertEvent(e));
    ExecutionPlanRecord p;
    p.id = NewUuid();
    p.stack_id = s.id;
    p.name = "plan";
    p.status = "AVAILABLE";
    FW_RETURN_IF_ERROR(r.stacks().InsertPlan(p));
    p.id = NewUuid();
    Status dup = r.stacks().InsertPlan(p);
    EXPECT_EQ(dup.code(), ErrorCode::kAlreadyExists);
    return Status::Ok();
  }).ok());
  ASSERT_TRUE(store_->Read([&](Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto res, r.stacks().ListResources(s.id));
    EXPECT_EQ(res.size(), 1u);
    if (!res.empty()) EXPECT_EQ(res[0].physical_id, "vpc-1");
    FW_ASSIGN_OR_RETURN(auto events, r.stacks().ListEvents(s.id, "d1"));
    EXPECT_EQ(events.size(), 1u);
    return Status::Ok();
  }).ok());
  ASSERT_TRUE(store_->Write([&](Repositories& r) { return r.stacks().DeleteStack(s.id); }).ok());
  ASSERT_TRUE(store_->Read([&](Repositories& r) -> Status {
    FW_ASSIGN_OR_RETURN(auto res, r.stacks().ListResources(s.id));
    EXPECT_TRUE(res.empty());
    FW_ASSIGN_OR_RETURN(auto plans, r.stacks().ListPlans(s.id));
    EXPECT_TRUE(plans.empty());
    return Status::Ok();
  }).ok());
}

}  // namespace
}  // namespace fw::store
