// The RFS (Resource Formation Service, SDK name "aos") API, v1: every documented operation is
// routed and authenticated; operations not built yet answer 501 (issue: RFS stacks).
#pragma once

#include <vector>

#include "api/common/operations.h"

namespace fw::api::rfs {

const std::vector<Operation>& RfsOperations();
void RegisterRfsRoutes(ApiRouter& router);

}  // namespace fw::api::rfs
