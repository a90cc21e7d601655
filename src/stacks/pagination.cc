#include "stacks/pagination.h"

#include "crypto/crypto.h"

namespace fw::stacks {
namespace {

std::string QueryTag(const std::string& query) { return crypto::Sha256Hex(query).substr(0, 8); }

std::string MakeMarker(const std::string& key, const std::string& query) {
  return crypto::Base64UrlEncode(key + "/" + QueryTag(query));
}

}  // namespace

Result<PageWindow> Paginate(const std::vector<std::string>& keys, const PageRequest& page,
                            const std::string& query, int min_limit) {
  int limit = page.limit.value_or(1000);
  if (limit < min_limit) {
    return InvalidArgument("limit must be at least " + std::to_string(min_limit), "RF.10011006");
  }
  if (limit > 1000) return InvalidArgument("limit must be at most 1000", "RF.10011005");
  PageWindow w;
  if (page.marker) {
    bool found = false;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (MakeMarker(keys[i], query) == *page.marker) {
        w.begin = i + 1;
        found = true;
        break;
      }
    }
    if (!found) {
      return InvalidArgument("marker is not valid for this query (it may point at an item that "
                             "is gone)", "RF.10011028");
    }
    w.info.previous_marker = *page.marker;
  }
  w.end = std::min(keys.size(), w.begin + static_cast<size_t>(limit));
  w.info.current_count = static_cast<int>(w.end - w.begin);
  if (w.end < keys.size() && w.end > w.begin) w.info.next_marker = MakeMarker(keys[w.end - 1], query);
  return w;
}

}  // namespace fw::stacks
