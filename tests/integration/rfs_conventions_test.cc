// RFS conventions over HTTP (spec §1): Client-Request-Id on every one of the 75 operations,
// RF-coded decoding errors, the 501 of operations Formwork does not build yet.
#include <gtest/gtest.h>

#include <regex>

#include "api/rfs/rfs_api.h"
#include "rfs_support.h"

namespace fw::testing {
namespace {

class RfsConventionsTest : public RfsTest {
 protected:
  // The operation's path with every placeholder filled.
  std::string Target(const std::string& pattern) {
    std::string out = std::regex_replace(pattern, std::regex(R"(\{project_id\})"), pid_);
    return std::regex_replace(out, std::regex(R"(\{[a-z_]+\})"), "x1");
  }
};

TEST_F(RfsConventionsTest, ClientRequestIdIsRequiredOnEveryOperation) {
  const auto& ops = api::rfs::RfsOperations();
  ASSERT_EQ(ops.size(), 75u);
  for (const auto& op : ops) {
    std::string target = Target(op.path);
    std::string body = std::string(op.method) == "GET" ? "" : "{}";
    auto missing = Raw(*client_, op.method, target, body, {});
    EXPECT_EQ(missing.status, 400) << op.name << ": " << missing.body;
    EXPECT_EQ(ErrorCode(missing), "RF.10011001") << op.name;
    auto short_id = Raw(*client_, op.method, target, body,
                        {{"Client-Request-Id", std::string(35, 'a')}});
    EXPECT_EQ(short_id.status, 400) << op.name;
    EXPECT_EQ(ErrorCode(short_id), "RF.10011006") << op.name;
    auto long_id = Raw(*client_, op.method, target, body,
                       {{"Client-Request-Id", std::string(129, 'a')}});
    EXPECT_EQ(long_id.status, 400) << op.name;
    EXPECT_EQ(ErrorCode(long_id), "RF.10011005") << op.name;
    // 36 and 128 characters are fine: whatever the answer, it is not about the header.
    for (size_t n : {36u, 128u}) {
      auto ok = Raw(*client_, op.method, target, body, {{"Client-Request-Id", std::string(n, 'b')}});
      EXPECT_EQ(ok.body.find("Client-Request-Id"), std::string::npos) << op.name << ok.body;
    }
  }
}

TEST_F(RfsConventionsTest, OperationsOutsideStacksPlansAndAnalysisAnswer501) {
  auto r = Raw(*client_, "GET", "/v1/" + pid_ + "/templates", "",
               {{"Client-Request-Id", kClientRequestId}});
  EXPECT_EQ(r.status, 501) << r.body;
  EXPECT_EQ(ErrorCode(r), "RF.10010001");
  auto sets = Raw(*client_, "GET", "/v1/stack-sets", "", {{"Client-Request-Id", kClientRequestId}});
  EXPECT_EQ(sets.status, 501) << sets.body;
}

TEST_F(RfsConventionsTest, BodyDecodingErrorsCarryRfCodes) {
  auto empty = Call("POST", "/stacks", "");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(ErrorCode(empty), "RF.10011032");
  auto malformed = Call("POST", "/stacks", "{\"stack_name\":");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(ErrorCode(malformed), "RF.10011033");
  auto missing = Call("POST", "/stacks", "{}");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(ErrorCode(missing), "RF.10011001");
  auto unknown = Call("POST", "/stacks", R"({"stack_name":"a","colour":"red"})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(ErrorCode(unknown), "RF.10011002");
  EXPECT_NE(unknown.body.find("colour"), std::string::npos);
  auto wrong = Call("POST", "/stacks", R"({"stack_name":"a","enable_auto_rollback":"yes"})");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(ErrorCode(wrong), "RF.10011038");
  auto var = Call("POST", "/stacks",
                  R"({"stack_name":"a","template_body":"","vars_structure":[{"var_key":"k"}]})");
  EXPECT_EQ(var.status, 400);
  EXPECT_EQ(ErrorCode(var), "RF.10011001");
  auto limit = Call("GET", "/stacks?limit=ten");
  EXPECT_EQ(limit.status, 400);
  EXPECT_EQ(ErrorCode(limit), "RF.10011036");
}

TEST_F(RfsConventionsTest, ErrorBodiesHaveTheRfShape) {
  auto r = Call("GET", "/stacks/nothing-here/metadata");
  EXPECT_EQ(r.status, 404);
  auto b = JsonBody(r);
  EXPECT_EQ(b.at("error_code"), "RF.10013001");
  EXPECT_EQ(b.at("error_code").as_string().size(), 11u);
  EXPECT_TRUE(b.at("error_msg").is_string());
  EXPECT_NE(r.Header("X-Request-Id"), nullptr);
}

}  // namespace
}  // namespace fw::testing
