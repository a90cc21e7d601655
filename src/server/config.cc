#include "server/config.h"

#include <algorithm>
#include <charconv>

namespace fw::server {

Result<ListenAddress> ParseListen(std::string_view text) {
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    return InvalidArgument("listen address '" + std::string(text) + "' must be HOST:PORT");
  }
  std::string host(text.substr(0, colon));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host.empty()) host = "127.0.0.1";
  if (host == "localhost") host = "127.0.0.1";
  std::string_view port_text = text.substr(colon + 1);
  unsigned port = 0;
  auto [p, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || p != port_text.data() + port_text.size() || port > 65535) {
    return InvalidArgument("listen port '" + std::string(port_text) + "' must be 0-65535");
  }
  return ListenAddress{host, static_cast<uint16_t>(port)};
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string_view part =
        text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty() && std::find(out.begin(), out.end(), part) == out.end()) {
      out.emplace_back(part);
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

Status Validate(const ServerConfig& c) {
  FW_RETURN_IF_ERROR(ParseListen(c.listen).status());
  if (c.data_dir.empty()) return InvalidArgument("the data directory must not be empty");
  if (c.regions.empty()) return InvalidArgument("at least one region is needed");
  for (const auto& r : c.regions) {
    bool ok = !r.empty() && r.size() <= 64 &&
              std::all_of(r.begin(), r.end(), [](char ch) {
                return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
              });
    if (!ok) return InvalidArgument("region '" + r + "' must be lowercase letters, digits and '-'");
  }
  if (c.domain_name.empty() || c.user_name.empty()) {
    return InvalidArgument("the domain and user names must not be empty");
  }
  if (c.io_threads < 0 || c.worker_threads < 1 || c.store_connections < 1) {
    return InvalidArgument("thread and connection counts must be at least 1");
  }
  if (c.token_ttl.count() <= 0) return InvalidArgument("the token lifetime must be positive");
  if (!(c.time_scale >= 0 && c.time_scale <= 1000)) {
    return InvalidArgument("the time scale must be from 0 to 1000");
  }
  return Status::Ok();
}

}  // namespace fw::server
