// The `token` body of the IAM token APIs, shared by issue and validate.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "auth/token_service.h"
#include "store/records.h"

namespace fw::api::iam {

// `projects` are the caller's projects (one regional endpoint per project in the catalog);
// with `include_catalog` false the catalog is left out (`?nocatalog`).
boost::json::object TokenBody(const auth::TokenInfo& info, const std::string& base_url,
                              const std::vector<store::ProjectRecord>& projects,
                              bool include_catalog);

boost::json::object ProjectJson(const store::ProjectRecord& p, const std::string& base_url);

}  // namespace fw::api::iam
