// Shared helpers for integration tests: a temp data directory, a real server on 127.0.0.1:0
// (in-process, with a clock the test controls), and clients that sign requests with the
// project's own SDK-HMAC-SHA256 signer.
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "auth/signing.h"
#include "base/clock.h"
#include "base/ids.h"
#include "base/log.h"
#include "base/time_format.h"
#include "http/client.h"
#include "json_compare.h"
#include "server/app.h"

namespace fw::testing {

class TempDir {
 public:
  TempDir() : path_(std::filesystem::temp_directory_path() / ("fw-it-" + NewHexId32())) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline server::ServerConfig TestConfig(const std::string& data_dir) {
  server::ServerConfig c;
  c.listen = "127.0.0.1:0";
  c.data_dir = data_dir;
  c.password = "Test-Password-1";
  c.access_key = "AKTESTEXAMPLE0000001";
  c.secret_key = "SKtestexample0123456789abcdefghijklmnopq";
  c.regions = {"cn-north-4", "ap-southeast-1"};
  c.log_requests = false;
  return c;
}

// A running server; stopped in the destructor.
class TestServer {
 public:
  explicit TestServer(server::ServerConfig config)
      : clock_(std::chrono::time_point_cast<std::chrono::seconds>(
            std::chrono::system_clock::now())),
        app_(std::make_unique<server::App>(std::move(config), &clock_)) {
    SetLogLevel(LogLevel::kWarn);
    start_status_ = app_->Start();
  }
  ~TestServer() { app_->Stop(); }
  const Status& start_status() const { return start_status_; }
  uint16_t port() const { return app_->port(); }
  ManualClock& clock() { return clock_; }
  const server::BootstrapResult& bootstrap() const { return app_->bootstrap(); }
  std::string ProjectId(const std::string& region) const {
    for (const auto& p : bootstrap().account.projects) {
      if (p.name == region) return p.id;
    }
    return "";
  }

 private:
  ManualClock clock_;
  std::unique_ptr<server::App> app_;
  Status start_status_;
};

// Adds X-Sdk-Date (at `when`), Host and Authorization to `headers`, signing every header the
// way the Python SDK does.
inline http::HeaderList Signed(std::string_view method, std::string_view target,
                               http::HeaderList headers, std::string_view body,
                               const std::string& ak, const std::string& sk, TimePoint when,
                               const std::string& host) {
  headers.emplace_back("X-Sdk-Date", FormatSdkDate(when));
  headers.emplace_back("Host", host);
  auth::SignableRequest req;
  req.method = method;
  size_t q = target.find('?');
  req.raw_path = target.substr(0, q);
  req.raw_query = q == std::string_view::npos ? "" : target.substr(q + 1);
  for (const auto& [k, v] : headers) req.headers.emplace_back(k, v);
  req.body = body;
  auto authz = auth::SignRequest(req, ak, sk);
  headers.emplace_back("Authorization", *authz);
  return headers;
}

inline boost::json::object JsonBody(const http::ClientResponse& r) {
  auto v = boost::json::parse(r.body);
  return v.is_object() ? v.as_object() : boost::json::object{};
}

}  // namespace fw::testing
