// A service's operation table (name, method, path template, scope), so every documented
// operation is routed, authenticated and scope-checked even before it is built. An operation
// that is not built yet answers 501 with its service's error body, naming the operation.
#pragma once

#include <string>
#include <vector>

#include "api/common/route.h"

namespace fw::api {

struct Operation {
  const char* name;    // the SDK operation name ("ShowClusterDetail")
  const char* method;  // "GET"
  const char* path;    // "/v1.1/{project_id}/clusters/{cluster_id}"
};

// Adds every operation of `ops` that the router does not route yet (same method and path),
// answering 501 Not Implemented. Paths with {project_id} get Scope::kProject.
void RegisterNotBuilt(ApiRouter& router, Service service, const std::vector<Operation>& ops);

}  // namespace fw::api
