// Marker pagination over an already ordered list (spec rfs-api.md §1.5). A marker is the key of
// the last item of the previous page, bound to the query it came from by a short hash, so a
// marker of another query is refused.
//
// Thread-safety: pure functions.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "stacks/stack_service.h"

namespace fw::stacks {

struct PageWindow {
  size_t begin = 0;
  size_t end = 0;
  PageInfo info;
};

// `keys` are the items' unique keys in list order; `query` names the query (its other
// parameters). Limits outside [min_limit, 1000] → RF.10011006 / RF.10011005; an unknown marker
// → RF.10011028.
Result<PageWindow> Paginate(const std::vector<std::string>& keys, const PageRequest& page,
                            const std::string& query, int min_limit = 1);

}  // namespace fw::stacks
