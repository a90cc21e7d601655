// ServerConfig: everything `formwork serve` can be told, with its defaults. The CLI fills it
// from flags and FORMWORK_* environment variables.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "base/log.h"
#include "base/status.h"

namespace fw::server {

inline constexpr uint16_t kDefaultPort = 8780;

struct ServerConfig {
  std::string listen = "127.0.0.1:8780";  // HOST:PORT; port 0 picks a free one
  std::string data_dir = "./formwork-data";
  // The default account, created on an empty data directory. Empty password, access key or
  // secret key: generated.
  std::vector<std::string> regions = {"cn-north-4",     "cn-north-1",     "cn-east-3",
                                      "cn-south-1",     "ap-southeast-1", "ap-southeast-3",
                                      "af-south-1",     "eu-west-0"};
  std::string domain_name = "formwork";
  std::string user_name = "admin";
  std::string password;
  std::string access_key;
  std::string secret_key;

  std::chrono::seconds token_ttl{24 * 3600};
  std::chrono::seconds max_clock_skew{15 * 60};  // X-Sdk-Date window
  int io_threads = 0;  // 0: one per core
  int worker_threads = 4;
  int store_connections = 4;
  size_t max_header_bytes = 64 * 1024;
  std::chrono::milliseconds read_timeout{30000};
  std::chrono::milliseconds idle_timeout{60000};
  bool log_requests = true;
  // Simulated provisioning delays: the real cloud's durations times this (0 = at once).
  double time_scale = 0.0;
  // A JSON array of fault rules to load at start (cloud/faults.h), or empty.
  std::string faults_file;
};

struct ListenAddress {
  std::string host;
  uint16_t port;
};
// Parses "HOST:PORT", "[v6]:PORT" or ":PORT" (host 127.0.0.1).
Result<ListenAddress> ParseListen(std::string_view text);
// Splits "a,b , c" into trimmed, non-empty, unique parts.
std::vector<std::string> SplitList(std::string_view text);
// Checks values that flags and env cannot check by type alone.
Status Validate(const ServerConfig& config);

}  // namespace fw::server
