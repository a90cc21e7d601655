// Every worked vector of shared/spec/iam-and-conventions.md §4 and every request the official
// Node.js SDK sent (testdata/sdk-wire-vectors.json) must verify with the clock set to the
// vector's time; a one-byte change to any signed part must not.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "auth/signature_verifier.h"
#include "auth/signing.h"
#include "base/time_format.h"

namespace fw::auth {
namespace {

struct Vector {
  std::string name, method, path, query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body, access_key, secret_key;
};

SignableRequest View(const Vector& v) {
  SignableRequest r;
  r.method = v.method;
  r.raw_path = v.path;
  r.raw_query = v.query;
  for (const auto& [k, val] : v.headers) r.headers.emplace_back(k, val);
  r.body = v.body;
  return r;
}

Result<std::string> Verify(const Vector& v) {
  const std::string* date = nullptr;
  for (const auto& [k, val] : v.headers) {
    if (k == "X-Sdk-Date" || k == "x-sdk-date") date = &val;
  }
  TimePoint now = *ParseSdkDate(*date);
  SecretLookup lookup = [&](std::string_view ak) -> std::optional<std::string> {
    if (ak == v.access_key) return v.secret_key;
    return std::nullopt;
  };
  return VerifySignature(View(v), lookup, now, VerifyOptions{});
}

const char kAk[] = "AKEXAMPLE0123456789";
const char kSk[] = "SKEXAMPLEsecret0123456789abcdefghijklmnop";
const char kProjectPath[] = "/v1.1/0123456789abcdef0123456789abcdef";
const char kCluster[] = "/clusters/bae65496-643e-47ca-84af-948672de7eeb";

std::string Auth(const std::string& ak, const std::string& signed_headers,
                 const std::string& sig) {
  return "SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=" + signed_headers +
         ", Signature=" + sig;
}

std::vector<Vector> SpecVectors() {
  std::vector<Vector> out;
  const std::vector<std::pair<std::string, std::string>> py = {
      {"Content-Type", "application/json"},
      {"User-Agent", "huaweicloud-usdk-python/3.0"},
      {"X-Project-Id", "0123456789abcdef0123456789abcdef"},
      {"X-Sdk-Date", "20240102T030405Z"},
      {"Host", "127.0.0.1:8080"}};
  const std::string py_signed = "content-type;host;user-agent;x-project-id;x-sdk-date";
  {
    Vector v{"V1", "GET", std::string(kProjectPath) + "/clusters", "", py, "", kAk, kSk};
    v.headers.emplace_back("Authorization",
                           Auth(kAk, py_signed,
                                "41c9192e4fc494b9c350e6f7ca3dabec6d5ed6ac0a2032033a3ad9c13027846b"));
    out.push_back(v);
  }
  {
    Vector v{"V2", "POST", std::string(kProjectPath) + kCluster + "/action", "", py,
             R"({"stop": {"stopMode": "GRACEFULLY", "delayTime": -1}})", kAk, kSk};
    v.headers[0].second = "application/json;charset=UTF-8";
    v.headers.emplace_back("Authorization",
                           Auth(kAk, py_signed,
                                "6535eff9a4bb7281b4b69556c1bb9c57da460f4bf50dd60b0c8c7a13b5e30923"));
    out.push_back(v);
  }
  {
    Vector v{"V3", "GET", std::string(kProjectPath) + kCluster + "/cdm/job/all",
             "filter=my%20job&jobType=NORMAL_JOB&page_no=1&page_size=10", py, "", kAk, kSk};
    v.headers.emplace_back("Authorization",
                           Auth(kAk, py_signed,
                                "1d718214b163ba8166545e81572c1998141f033fb703f1aaa68dc0d507247bac"));
    out.push_back(v);
    // The same request with '+' for the space must canonicalise identically.
    v.name = "V3-plus";
    v.query = "filter=my+job&jobType=NORMAL_JOB&page_no=1&page_size=10";
    out.push_back(v);
  }
  {
    Vector v{"V4", "GET", "/v3/projects", "name=cn-north-4",
             {{"User-Agent", "huaweicloud-usdk-python/3.0"},
              {"X-Sdk-Date", "20240102T030405Z"},
              {"Host", "127.0.0.1:8080"}},
             "", kAk, kSk};
    v.headers.emplace_back("Authorization",
                           Auth(kAk, "host;user-agent;x-sdk-date",
                                "f66b08bd27b03405b5dfb0c7f39d87e766b6bea062bd21b4815fef6e79a7c139"));
    out.push_back(v);
  }
  {
    Vector v{"V5", "POST", std::string(kProjectPath) + kCluster + "/action", "",
             {{"Content-Type", "application/json;charset=UTF-8"},
              {"User-Agent", "huaweicloud-usdk-go/3.0"},
              {"X-Project-Id", "0123456789abcdef0123456789abcdef"},
              {"X-Sdk-Date", "20240102T030405Z"},
              {"Host", "127.0.0.1:8080"}},
             "{\"stop\":{\"stopMode\":\"GRACEFULLY\",\"delayTime\":-1}}\n", kAk, kSk};
    v.headers.emplace_back("Authorization",
                           Auth(kAk, "user-agent;x-project-id;x-sdk-date",
                                "85e3769fdec637d86df872e5a3c740cb0d725cc016e271eec3031fdb026191f7"));
    out.push_back(v);
  }
  {
    Vector v{"V6-python-get", "GET", "/resources", "size=1",
             {{"Host", "service.endpoint.myhuaweicloud.com"},
              {"X-Sdk-Date", "20200608T023900Z"},
              {"TEST_UNDERSCORE", "x"}},
             "", "AccessKey", "SecretKey"};
    v.headers.emplace_back("Authorization",
                           Auth("AccessKey", "host;x-sdk-date",
                                "cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"));
    out.push_back(v);
    v.name = "V6-python-post";
    v.method = "POST";
    v.body = R"({"name":"test","id":1})";
    v.headers.back().second =
        Auth("AccessKey", "host;x-sdk-date",
             "436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f");
    out.push_back(v);
  }
  {
    Vector v{"V6-go-get", "GET", "/path", "limit=1",
             {{"Host", "example.huaweicloud.com"}, {"X-Sdk-Date", "20060102T150405Z"}},
             "", "AccessKey", "SecretKey"};
    v.headers.emplace_back("Authorization",
                           Auth("AccessKey", "x-sdk-date",
                                "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624"));
    out.push_back(v);
    v.name = "V6-go-post";
    v.method = "POST";
    v.query = "key=value";
    v.body = "{\"Name\":\"test\",\"Id\":1}\n";
    v.headers.emplace_back("Content-Type", "application/json");
    v.headers[2].second =
        Auth("AccessKey", "x-sdk-date",
             "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59");
    out.push_back(v);
  }
  return out;
}

std::vector<Vector> WireVectors() {
  std::string path = std::string(FORMWORK_AUTH_TESTDATA) + "/sdk-wire-vectors.json";
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto root = boost::json::parse(ss.str()).as_object();
  std::vector<Vector> out;
  int i = 0;
  for (const auto& r : root.at("requests").as_array()) {
    const auto& o = r.as_object();
    Vector v;
    v.name = "wire-" + std::to_string(i++);
    v.method = o.at("method").as_string().c_str();
    std::string pq = o.at("path_and_query").as_string().c_str();
    size_t q = pq.find('?');
    v.path = pq.substr(0, q);
    v.query = q == std::string::npos ? "" : pq.substr(q + 1);
    for (const auto& [k, val] : o.at("headers").as_object()) {
      v.headers.emplace_back(std::string(k), std::string(val.as_string().c_str()));
    }
    v.body = o.at("body").as_string().c_str();
    v.access_key = root.at("ak").as_string().c_str();
    v.secret_key = root.at("sk").as_string().c_str();
    out.push_back(v);
  }
  return out;
}

std::vector<Vector> AllVectors() {
  auto all = SpecVectors();
  auto wire = WireVectors();
  all.insert(all.end(), wire.begin(), wire.end());
  return all;
}

TEST(SigningTest, CanonicalRequestOfV1MatchesSpec) {
  Vector v = SpecVectors()[0];
  auto canonical = CanonicalRequest(View(v), "content-type;host;user-agent;x-project-id;x-sdk-date");
  ASSERT_TRUE(canonical.ok());
  EXPECT_EQ(*canonical,
            "GET\n/v1.1/0123456789abcdef0123456789abcdef/clusters/\n\n"
            "content-type:application/json\nhost:127.0.0.1:8080\n"
            "user-agent:huaweicloud-usdk-python/3.0\n"
            "x-project-id:0123456789abcdef0123456789abcdef\nx-sdk-date:20240102T030405Z\n\n"
            "content-type;host;user-agent;x-project-id;x-sdk-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(SigningTest, SdkQueryVector) {
  auto q = CanonicalQueryString(
      "limit=1&enable=true&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29&path=/tmp/123"
      "&multi=1&multi=2&multi=3");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(*q,
            "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%"
            "26%3D%3F%21%23%25.%2A%29");
  EXPECT_EQ(*CanonicalQueryString("b&a=2&a=1"), "a=1&a=2&b=");
}

TEST(SigningTest, CanonicalUri) {
  EXPECT_EQ(CanonicalUri("/"), "/");
  EXPECT_EQ(CanonicalUri(""), "/");
  EXPECT_EQ(CanonicalUri("/v1.1/p/clusters"), "/v1.1/p/clusters/");
  EXPECT_EQ(CanonicalUri("/a/b/"), "/a/b/");
  EXPECT_EQ(CanonicalUri("/stacks/my%20stack"), "/stacks/my%20stack/");
  EXPECT_EQ(CanonicalUri("/x/%E4%B8%80"), "/x/%E4%B8%80/");
}

TEST(SigningTest, EveryVectorVerifies) {
  auto all = AllVectors();
  ASSERT_GE(all.size(), 17u);
  for (const Vector& v : all) {
    auto r = Verify(v);
    EXPECT_TRUE(r.ok()) << v.name << ": " << r.status().ToString();
    if (r.ok()) {
      EXPECT_EQ(*r, v.access_key);
    }
  }
}

TEST(SigningTest, SignRequestReproducesPythonVectors) {
  for (const Vector& v : SpecVectors()) {
    if (v.name != "V1" && v.name != "V2" && v.name != "V4") continue;
    Vector unsigned_v = v;
    unsigned_v.headers.pop_back();
    auto header = SignRequest(View(unsigned_v), kAk, kSk);
    ASSERT_TRUE(header.ok());
    EXPECT_EQ(*header, v.headers.back().second) << v.name;
  }
}

// Flips one byte of every signed part in turn: method, path, query, each signed header's value,
// the body, the date and the signature itself. None may verify.
TEST(SigningTest, OneByteChangeNeverVerifies) {
  int mutations = 0;
  for (const Vector& v : AllVectors()) {
    auto expect_fail = [&](Vector m, const std::string& what) {
      ++mutations;
      EXPECT_FALSE(Verify(m).ok()) << v.name << " with a changed " << what;
    };
    {
      Vector m = v;
      m.method[0] ^= 0x01;
      expect_fail(m, "method");
    }
    {
      Vector m = v;
      m.path.back() ^= 0x01;
      expect_fail(m, "path");
    }
    if (!v.query.empty()) {
      Vector m = v;
      m.query.back() ^= 0x01;
      expect_fail(m, "query");
    }
    {
      Vector m = v;
      m.body.push_back(' ');
      expect_fail(m, "body (appended byte)");
    }
    if (!v.body.empty()) {
      Vector m = v;
      m.body[m.body.size() / 2] ^= 0x01;
      expect_fail(m, "body");
    }
    std::set<std::string> signed_names;
    {
      std::stringstream list(ParseAuthorization(*View(v).FindHeader("authorization"))->signed_headers);
      for (std::string n; std::getline(list, n, ';');) signed_names.insert(n);
    }
    for (size_t i = 0; i < v.headers.size(); ++i) {
      std::string lower = v.headers[i].first;
      for (auto& c : lower) c = static_cast<char>(std::tolower(c));
      if (lower == "authorization") {
        Vector m = v;
        m.headers[i].second[m.headers[i].second.size() - 5] ^= 0x01;
        expect_fail(m, "signature");
        continue;
      }
      if (!signed_names.count(lower)) {
        continue;  // not signed: changing it is allowed
      }
      Vector m = v;
      m.headers[i].second.back() ^= 0x01;
      expect_fail(m, "header " + lower);
      Vector dropped = v;
      dropped.headers.erase(dropped.headers.begin() + static_cast<long>(i));
      if (lower != "x-sdk-date") expect_fail(dropped, "missing header " + lower);
    }
  }
  EXPECT_GT(mutations, 100);
}

TEST(SigningTest, RejectsClockSkewUnknownKeyAndLowercaseScheme) {
  Vector v = SpecVectors()[0];
  SecretLookup lookup = [&](std::string_view ak) -> std::optional<std::string> {
    if (ak == kAk) return std::string(kSk);
    return std::nullopt;
  };
  TimePoint signed_at = *ParseSdkDate("20240102T030405Z");
  EXPECT_TRUE(VerifySignature(View(v), lookup, signed_at + std::chrono::minutes(15), {}).ok());
  auto skewed = VerifySignature(View(v), lookup, signed_at + std::chrono::minutes(16), {});
  ASSERT_FALSE(skewed.ok());
  EXPECT_EQ(skewed.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(skewed.status().service_code(), "APIGW.0301");
  EXPECT_FALSE(VerifySignature(View(v), lookup, signed_at - std::chrono::minutes(16), {}).ok());

  Vector unknown = v;
  unknown.access_key = "OTHER";
  EXPECT_FALSE(Verify(unknown).ok());

  Vector lower = v;
  auto& h = lower.headers.back().second;
  h.replace(0, 15, "sdk-hmac-sha256");
  EXPECT_FALSE(Verify(lower).ok());
}

TEST(SigningTest, ErrorsNeverContainTheSecret) {
  Vector v = SpecVectors()[0];
  v.body = "x";
  auto r = Verify(v);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().find(kSk), std::string::npos);
}

TEST(SigningTest, ParseAuthorizationTolerance) {
  auto a = ParseAuthorization("SDK-HMAC-SHA256   Access=AK ,SignedHeaders=host;x-sdk-date ,  Signature=ab");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->access_key, "AK");
  EXPECT_EQ(a->signed_headers, "host;x-sdk-date");
  EXPECT_EQ(a->signature, "ab");
  EXPECT_FALSE(ParseAuthorization("SDK-HMAC-SHA256").ok());
  EXPECT_FALSE(ParseAuthorization("SDK-HMAC-SHA256X Access=a, SignedHeaders=b, Signature=c").ok());
  EXPECT_FALSE(ParseAuthorization("SDK-HMAC-SHA256 Access=a, SignedHeaders=b").ok());
  EXPECT_FALSE(ParseAuthorization("SDK-HMAC-SHA256 Access=a, Foo=b, Signature=c").ok());
  EXPECT_FALSE(ParseAuthorization("Bearer xyz").ok());
}

}  // namespace
}  // namespace fw::auth
