#include "api/common/errors.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace fw::api {
namespace {

boost::json::object Body(Service s, const Status& st) {
  return boost::json::parse(ErrorBody(s, st, "rid")).as_object();
}

TEST(ErrorsTest, StatusTable) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kMethodNotAllowed), 405);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kPayloadTooLarge), 413);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnimplemented), 501);
}

TEST(ErrorsTest, RfsBodyKeepsServiceCode) {
  auto b = Body(Service::kRfs, NotFound("Stack is not exist.", "RF.10013001"));
  EXPECT_EQ(b.at("error_code"), "RF.10013001");
  EXPECT_EQ(b.at("error_msg"), "Stack is not exist.");
  EXPECT_EQ(Body(Service::kRfs, Conflict("busy")).at("error_code"), "RF.10013503");
}

TEST(ErrorsTest, CdmBodyIsTheSupersetEveryReaderUnderstands) {
  auto b = Body(Service::kCdm, NotFound("Cluster does not exist."));
  for (const char* k : {"error_code", "code", "errCode"}) EXPECT_EQ(b.at(k), "Cdm.0001") << k;
  for (const char* k : {"error_msg", "message", "externalMessage"}) {
    EXPECT_EQ(b.at(k), "Cluster does not exist.") << k;
  }
}

TEST(ErrorsTest, IamKeystoneBody) {
  auto b = Body(Service::kIam, Unauthenticated("The username or password is wrong."));
  auto& err = b.at("error").as_object();
  EXPECT_EQ(err.at("code"), 401);
  EXPECT_EQ(err.at("title"), "Unauthorized");
  EXPECT_EQ(err.at("message"), "The username or password is wrong.");
}

TEST(ErrorsTest, AuthFailuresUseTheGatewayBodyOnEveryService) {
  for (Service s : {Service::kCdm, Service::kRfs, Service::kGateway}) {
    auto b = Body(s, Unauthenticated("Incorrect IAM authentication information: x", "APIGW.0301"));
    EXPECT_EQ(b.at("error_code"), "APIGW.0301");
    EXPECT_EQ(b.at("request_id"), "rid");
  }
}

TEST(ErrorsTest, ServiceForPath) {
  EXPECT_EQ(ServiceForPath("/v3/projects"), Service::kIam);
  EXPECT_EQ(ServiceForPath("/v1.1/p/clusters"), Service::kCdm);
  EXPECT_EQ(ServiceForPath("/v1/p/stacks"), Service::kRfs);
  EXPECT_EQ(ServiceForPath("/health"), Service::kAdmin);
  EXPECT_EQ(ServiceForPath("/nothing"), Service::kGateway);
}

}  // namespace
}  // namespace fw::api
